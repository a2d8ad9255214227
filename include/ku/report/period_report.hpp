#pragma once
/// @file
/// A period's report built from one dataset (ku/report/period_dataset.hpp): the exact ledger,
/// the part of ledning och stab each area finances, the balance table in the published layout
/// and the financing-share table, all from the same amounts, so that they cannot contradict
/// each other. Every rule the tables must obey is checked on the dataset, naming where each
/// figure was read:
///
///   - each balance identity holds because the derived columns are computed;
///   - what the areas finance of ledning och stab is counted once: it is in the areas' outcome
///     and in management's receipts, and an internal row takes it out of the totals;
///   - the share table's outcomes are the balance table's (an area's row; management's row net
///     of the internal row), so the shares follow from the balance table;
///   - varav kvarvarande statliga medel is never negative nor above kvarvarande medel;
///   - given the previous period, every opening balance is last period's closing balance carried
///     through the dataset's reorganisation.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ku/allocation/overhead.hpp"
#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/ledger/balance.hpp"
#include "ku/ledger/display_rounding.hpp"
#include "ku/report/period_dataset.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/percent.hpp"

namespace ku {

/// The text of the internal row that takes management's financing by the areas out of the totals.
inline constexpr std::string_view management_internal_row = "härav ledning/stab finansierat från områdena ovan";

/// How the report shows its tables.
struct period_report_options {
    ku::unit shown = ku::unit::tkr; ///< the unit of the balance table (kr or tkr)
    int decimals = 0;               ///< decimals of every percent (0 to 6)
    percent_rounding rounding = percent_rounding::largest_remainder; ///< how percents are rounded
};

/// A period's tables, built from one dataset.
struct period_report {
    balance_period ledger; ///< exact: each area, management (with the areas' part received), the internal row
    std::vector<area_charge> management_charges; ///< each financing area's part of management; empty when none
    balance_table balance; ///< the published layout in the shown unit, with a Summa row
    /// Entered cells of `ledger` not whole in the shown unit. The table is ku::round_for_display's:
    /// every identity and Summa holds in the shown unit, every figure within one unit of its exact value.
    std::size_t rounded_cells = 0;
    std::size_t moved_cells = 0; ///< shown figures other than their own half-up rounding
    percent_table shares;  ///< each area's share of the outcome, and of its outcome per kind of source
};

/// The period's exact ledger: the areas in dataset order, then ledning och stab with the areas'
/// part in its receipts, then the internal row that takes that part out of the totals. Opening balances not given are carried from `previous` (the previous period's ledger)
/// through the dataset's reorganisation. Throws ku::domain_error, naming where the figure was
/// read and its value, for: an area twice, a negative source amount, a negative state part or
/// one above kvarvarande medel, an opening balance that differs from last period's closing (or
/// is missing when there is no previous period), last period's money that maps to no area, a
/// management part that is negative, above management's outcome, above the financing areas'
/// outcome or has no area to pay it;
/// ku::lookup_error for a financing area the dataset does not have.
[[nodiscard]] balance_period period_ledger(const period_dataset& dataset, const balance_period* previous = nullptr);

/// The whole report: period_ledger(), the balance table in `options.shown` (round_for_display)
/// and the percent table. Throws as period_ledger(), and ku::domain_error naming where the area was read for an
/// area with an outcome that no source brought money to (its shares have no basis).
[[nodiscard]] period_report build_period_report(const period_dataset& dataset,
                                                const period_dataset* previous = nullptr,
                                                const period_report_options& options = {});

namespace detail::period_report_impl {

inline std::string at(const area_figures& figures)
{
    return (figures.where.empty() ? std::string{} : figures.where + ": ") + "area \"" + figures.area.name() + "\"";
}

/// The dataset's rows: the areas, then management's own figures.
inline std::vector<const area_figures*> rows_of(const period_dataset& dataset)
{
    std::vector<const area_figures*> rows;
    for (const area_figures& figures : dataset.areas) {
        rows.push_back(&figures);
    }
    if (dataset.management) {
        rows.push_back(&dataset.management->own);
    }
    return rows;
}

/// Each row's opening balance: as given, or carried from `previous` through the reorganisation.
inline std::vector<money> openings(const period_dataset& dataset, const std::vector<const area_figures*>& rows,
                                   const balance_period* previous)
{
    std::vector<money> result;
    if (previous == nullptr) {
        for (const area_figures* row : rows) {
            if (!row->ingaende_balans) {
                throw domain_error(at(*row) + " has no ingående balans, and no previous period was given to carry "
                                              "it from");
            }
            result.push_back(*row->ingaende_balans);
        }
        return result;
    }
    std::vector<area_amount> closing;
    for (const balance_entry& entry : previous->entries) {
        if (!entry.internal) {
            closing.emplace_back(entry.area, entry.kvarvarande_medel());
        }
    }
    // Split in the dataset's unit, so that whole balances stay whole; in öre when they are not whole.
    const bool whole = std::ranges::all_of(closing, [&](const area_amount& a) { return a.second.is_whole(dataset.unit); });
    const std::vector<area_amount> mapped = dataset.from_previous.apply(closing, whole ? dataset.unit : unit::ore);
    std::unordered_map<std::string_view, money> carried; // views into `mapped`
    for (const area_amount& moved : mapped) {
        const partnerskap& area = moved.first;
        const money amount = moved.second;
        const bool known = std::ranges::any_of(rows, [&](const area_figures* row) { return row->area.same_area(area); });
        if (!known && amount != money{}) {
            throw domain_error(dataset.source + ": last period's kvarvarande medel of \"" + area.name() + "\", " +
                               format_swedish(amount) + ", goes to no area of " + dataset.period.label() +
                               "; add the area, or a reorganisation rule that moves it");
        }
        carried[area.id()] += amount;
    }
    for (const area_figures* row : rows) {
        const auto found = carried.find(row->area.id());
        const money expected = found == carried.end() ? money{} : found->second;
        if (row->ingaende_balans && *row->ingaende_balans != expected) {
            throw domain_error(at(*row) + ": ingående balans " + format_swedish(*row->ingaende_balans) +
                               " is not last period's kvarvarande medel carried over, " + format_swedish(expected) +
                               "; leave it out to carry it over");
        }
        result.push_back(expected);
    }
    return result;
}

/// Each financing area's part of management's cost, split by the areas' own outcome.
inline std::vector<area_charge> charges_of(const period_dataset& dataset)
{
    if (!dataset.management) {
        return {};
    }
    const management_figures& management = *dataset.management;
    const std::string where = management.where_financed_by.empty() ? at(management.own)
                                                                   : management.where_financed_by + ": ledning och stab";
    if (management.from_areas < money{}) {
        throw domain_error(where + ": what the areas finance, " + format_swedish(management.from_areas) +
                           ", is negative");
    }
    if (management.from_areas > management.own.utfall_forbrukning) {
        throw domain_error(where + ": what the areas finance, " + format_swedish(management.from_areas) +
                           ", is above management's outcome " + format_swedish(management.own.utfall_forbrukning));
    }
    if (management.financed_by.empty()) {
        if (management.from_areas != money{}) {
            throw domain_error(where + ": the areas finance " + format_swedish(management.from_areas) +
                               " but no area is named to finance it");
        }
        return {};
    }
    std::vector<std::pair<partnerskap, money>> basis;
    for (const partnerskap& area : management.financed_by) {
        const auto found = std::ranges::find_if(
            dataset.areas, [&](const area_figures& figures) { return figures.area.same_area(area); });
        if (found == dataset.areas.end()) {
            throw lookup_error(where + " is financed by area \"" + area.name() + "\", which the dataset does not have");
        }
        basis.emplace_back(found->area, found->utfall_forbrukning);
    }
    money outcome;
    for (const auto& [area, amount] : basis) {
        outcome += amount;
    }
    if (management.from_areas > outcome) {
        throw domain_error(where + ": what the areas finance, " + format_swedish(management.from_areas) +
                           ", is above the outcome of the areas that finance it, " + format_swedish(outcome));
    }
    try {
        return finance_from_areas(management.from_areas, basis, dataset.unit);
    } catch (const domain_error& e) {
        throw domain_error(where + ": " + e.what());
    }
}

/// A row of the published table: derived cells always, entered cells blank when zero; the Summa
/// row has every column but överförda medel, which is shown only when some row has it.
inline balance_row row_of(const balance_entry& entry, row_kind kind)
{
    balance_row row{.area = entry.area, .kind = kind, .cells = {}, .line = 0};
    for (const balance_column column : all_balance_columns) {
        const money value = entry.value(column);
        if (is_derived(column) || value != money{} ||
            (kind == row_kind::summa && column != balance_column::overforda_medel)) {
            row.set(column, value);
        }
    }
    return row;
}

} // namespace detail::period_report_impl

inline balance_period period_ledger(const period_dataset& dataset, const balance_period* previous)
{
    using namespace detail::period_report_impl;
    if (dataset.areas.empty()) {
        throw domain_error(dataset.source + ": the dataset has no areas");
    }
    const std::vector<const area_figures*> rows = rows_of(dataset);
    std::unordered_map<std::string_view, const area_figures*> seen;
    for (const area_figures* row : rows) {
        if (const auto [first, added] = seen.try_emplace(row->area.id(), row); !added) {
            throw domain_error((row->where.empty() ? std::string{} : row->where + ": ") +
                               detail::twice(row->area, first->second->area) +
                               (first->second->where.empty() ? "" : " (first at " + first->second->where + ")"));
        }
        for (const source_amount& part : row->erhallna) {
            if (part.amount < money{}) {
                throw domain_error(at(*row) + ": " + std::string{to_string(part.source.kind)} + " / " +
                                   part.source.name + " brought " + format_swedish(part.amount) +
                                   "; a source cannot bring a negative amount");
            }
        }
    }
    const std::vector<money> opening = openings(dataset, rows, previous);
    (void)charges_of(dataset); // checks the management part before the rows
    const money from_areas = dataset.management ? dataset.management->from_areas : money{};

    balance_period ledger{.period = dataset.period, .entries = {}};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const area_figures& row = *rows[i];
        const bool is_management = dataset.management && &row == &dataset.management->own;
        balance_entry entry{.area = row.area,
                            .internal = false,
                            .ingaende_balans = opening[i],
                            .erhallna_medel = row.erhallna_medel() + (is_management ? from_areas : money{}),
                            .budget_forbrukning = row.budget_forbrukning,
                            .utfall_forbrukning = row.utfall_forbrukning,
                            .utbetalt_till_kommuner = row.utbetalt_till_kommuner,
                            .overforda_medel = row.overforda_medel,
                            .varav_statliga_medel = row.varav_statliga_medel};
        if (entry.varav_statliga_medel < money{}) {
            throw domain_error(at(row) + ": varav kvarvarande statliga medel " +
                               format_swedish(entry.varav_statliga_medel) + " is negative");
        }
        if (entry.varav_statliga_medel > money{} && entry.varav_statliga_medel > entry.kvarvarande_medel()) {
            throw domain_error(at(row) + ": varav kvarvarande statliga medel " +
                               format_swedish(entry.varav_statliga_medel) + " is above kvarvarande medel " +
                               format_swedish(entry.kvarvarande_medel()));
        }
        ledger.entries.push_back(std::move(entry));
    }
    if (dataset.management && !dataset.management->financed_by.empty()) {
        ledger.entries.push_back({.area = partnerskap::named(std::string{management_internal_row}),
                                  .internal = true,
                                  .ingaende_balans = {},
                                  .erhallna_medel = -from_areas,
                                  .budget_forbrukning = {},
                                  .utfall_forbrukning = -from_areas,
                                  .utbetalt_till_kommuner = {},
                                  .overforda_medel = {},
                                  .varav_statliga_medel = {}});
    }
    return ledger;
}

inline period_report build_period_report(const period_dataset& dataset, const period_dataset* previous,
                                         const period_report_options& options)
{
    using namespace detail::period_report_impl;
    std::optional<balance_period> previous_ledger;
    if (previous != nullptr) {
        previous_ledger = period_ledger(*previous);
    }
    period_report report{.ledger = period_ledger(dataset, previous_ledger ? &*previous_ledger : nullptr),
                         .management_charges = charges_of(dataset),
                         .balance = {.source = dataset.source, .unit = options.shown, .rows = {}},
                         .rounded_cells = 0,
                         .moved_cells = 0,
                         .shares = {}};

    const shown_ledger shown = round_for_display(report.ledger, options.shown);
    report.rounded_cells = shown.rounded_cells;
    report.moved_cells = shown.moved_cells;
    for (const balance_entry& entry : shown.shown.entries) {
        report.balance.rows.push_back(row_of(entry, entry.internal ? row_kind::intern : row_kind::omrade));
    }
    report.balance.rows.push_back(row_of(shown.total, row_kind::summa));

    // The share table, from the ledger's outcomes: management's net of the internal row.
    std::vector<area_funding> funding;
    const std::vector<const area_figures*> rows = rows_of(dataset);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const area_figures& row = *rows[i];
        const bool is_management = dataset.management && &row == &dataset.management->own;
        const money outcome = report.ledger.entries[i].utfall_forbrukning -
                              (is_management ? dataset.management->from_areas : money{});
        const by_funding<money> received = row.received_by_kind();
        if (outcome > money{} && row.erhallna_medel() == money{}) {
            throw domain_error(at(row) + " has an outcome of " + format_swedish(outcome) +
                               " but no source brought it money in the period, so its financing shares have no basis");
        }
        if (outcome < money{}) {
            throw domain_error(at(row) + " has a negative outcome, " + format_swedish(outcome) +
                               ", which has no share of the total outcome");
        }
        funding.push_back({.area = row.area, .group = row.group, .utfall = outcome, .by_kind = received});
    }
    report.shares = to_percent_table(financing_shares(funding), options.decimals, options.rounding);
    return report;
}

} // namespace ku
