#pragma once
/// @file
/// Balance carry-over per area (partnerskap) and period: the columns of KU's balance tables,
/// their identities, and a period's ledger with gross and net totals.
///
///   disponibla medel  = ingående balans + erhållna medel
///   kvarvarande medel = disponibla − utfall förbrukning − utbetalt till kommuner − överförda medel
///   ingående balans (next period) = kvarvarande medel (this period)

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <gsl/assert>

#include "ku/core/money.hpp"
#include "ku/core/partnerskap.hpp"
#include "ku/core/period.hpp"
#include "ku/ledger/reorganisation.hpp"

namespace ku {

/// The columns of a balance table, in the order of KU's reports.
enum class balance_column : std::uint8_t {
    ingaende_balans,        ///< opening balance
    erhallna_medel,         ///< money received in the period
    disponibla_medel,       ///< available: opening + received (derived)
    budget_forbrukning,     ///< budgeted spending, shown beside the outcome
    utfall_forbrukning,     ///< spending outcome (net cost)
    utbetalt_till_kommuner, ///< paid on to the kommuner of the län
    overforda_medel,        ///< transferred to other areas or bodies
    kvarvarande_medel,      ///< remaining: the closing balance (derived)
    varav_statliga_medel,   ///< of which state money; 0 ≤ it ≤ remaining when remaining > 0
};

/// The number of balance columns.
inline constexpr std::size_t balance_column_count = 9;

/// Every column, in report order.
inline constexpr std::array<balance_column, balance_column_count> all_balance_columns{
    balance_column::ingaende_balans,    balance_column::erhallna_medel,
    balance_column::disponibla_medel,   balance_column::budget_forbrukning,
    balance_column::utfall_forbrukning, balance_column::utbetalt_till_kommuner,
    balance_column::overforda_medel,    balance_column::kvarvarande_medel,
    balance_column::varav_statliga_medel,
};

/// The column's name in CSV files and JSON: "ingaende_balans", "kvarvarande_medel", ...
[[nodiscard]] constexpr std::string_view to_string(balance_column column) noexcept;
/// The column's Swedish label in reports: "ingående balans", "kvarvarande medel", ...
[[nodiscard]] constexpr std::string_view label(balance_column column) noexcept;
/// The column with this CSV name, or none.
[[nodiscard]] constexpr std::optional<balance_column> find_balance_column(std::string_view name) noexcept;
/// Whether the column is computed from others (disponibla, kvarvarande).
[[nodiscard]] constexpr bool is_derived(balance_column column) noexcept
{
    return column == balance_column::disponibla_medel || column == balance_column::kvarvarande_medel;
}

/// One area's balances in one period, exact. The derived columns are computed, never stored.
struct balance_entry {
    partnerskap area; ///< the area
    /// An internal row ("härav ledning/stab finansierat från områdena ovan"): money moved
    /// between areas, shown but counted once in net totals.
    bool internal = false;
    money ingaende_balans{}; ///< opening balance
    money erhallna_medel{}; ///< money received in the period
    money budget_forbrukning{}; ///< budgeted spending, shown beside the outcome
    money utfall_forbrukning{}; ///< spending outcome (net cost)
    money utbetalt_till_kommuner{}; ///< paid on to the kommuner of the län
    money overforda_medel{}; ///< transferred to other areas or bodies
    money varav_statliga_medel{}; ///< of the closing balance, state money

    /// ingående balans + erhållna medel.
    [[nodiscard]] money disponibla_medel() const { return ingaende_balans + erhallna_medel; }
    /// disponibla − utfall − utbetalt − överförda: the closing balance.
    [[nodiscard]] money kvarvarande_medel() const
    {
        return disponibla_medel() - utfall_forbrukning - utbetalt_till_kommuner - overforda_medel;
    }
    /// Any column's value, derived ones computed.
    [[nodiscard]] money value(balance_column column) const;
};

/// Why an entry breaks an invariant, or none: the state part is negative, or larger than what
/// remains while that is positive.
[[nodiscard]] std::optional<std::string> invariant_violation(const balance_entry& entry);

/// The ledger of one period: the areas' entries, and the accumulated surplus carried in.
struct balance_period {
    ku::period period; ///< the period the balances are for
    std::vector<balance_entry> entries; ///< one per area, internal rows included, in table order

    /// The entry of `area` (the same id), or nullptr.
    [[nodiscard]] const balance_entry* find(const partnerskap& area) const noexcept;
    /// The sum of a column over the areas, internal rows left out (management financed by the
    /// areas is then counted twice: in the areas and in management).
    [[nodiscard]] money gross_total(balance_column column) const;
    /// The sum over every row, internal ones included, so internal financing counts once.
    [[nodiscard]] money net_total(balance_column column) const;
    /// The accumulated surplus (ackumulerat överskott): the net total of kvarvarande medel,
    /// which is carried into the next period.
    [[nodiscard]] money accumulated_surplus() const { return net_total(balance_column::kvarvarande_medel); }
};

/// Checks a period's ledger: each area once (by id) and every entry's invariants.
/// Throws ku::domain_error naming the period, the area and the values at the first violation.
void validate(const balance_period& ledger);

/// The next period's opening ledger: each area's ingående balans is its kvarvarande medel
/// (mapped through `mapping` when given), every flow starts at zero. Balances are mapped in
/// whole `u` (the table's unit). The accumulated surplus is carried exactly: the next
/// period's opening total equals this period's closing total, to the öre.
[[nodiscard]] balance_period roll_forward(const balance_period& closed, ku::period next,
                                          const reorganisation* mapping = nullptr, unit u = unit::ore);

namespace detail::balance_impl {
struct column_names {
    balance_column column;
    std::string_view name;
    std::string_view label;
};
inline constexpr std::array<column_names, balance_column_count> names{{
    {balance_column::ingaende_balans, "ingaende_balans", "ingående balans"},
    {balance_column::erhallna_medel, "erhallna_medel", "erhållna medel"},
    {balance_column::disponibla_medel, "disponibla_medel", "disponibla medel"},
    {balance_column::budget_forbrukning, "budget_forbrukning", "budget förbrukning"},
    {balance_column::utfall_forbrukning, "utfall_forbrukning", "utfall förbrukning"},
    {balance_column::utbetalt_till_kommuner, "utbetalt_till_kommuner", "utbetalt till länets kommuner"},
    {balance_column::overforda_medel, "overforda_medel", "överförda medel"},
    {balance_column::kvarvarande_medel, "kvarvarande_medel", "kvarvarande medel"},
    {balance_column::varav_statliga_medel, "varav_statliga_medel", "varav kvarvarande statliga medel"},
}};
} // namespace detail::balance_impl

constexpr std::string_view to_string(balance_column column) noexcept
{
    return detail::balance_impl::names[static_cast<std::size_t>(column)].name;
}

constexpr std::string_view label(balance_column column) noexcept
{
    return detail::balance_impl::names[static_cast<std::size_t>(column)].label;
}

constexpr std::optional<balance_column> find_balance_column(std::string_view name) noexcept
{
    for (const auto& entry : detail::balance_impl::names) {
        if (entry.name == name) {
            return entry.column;
        }
    }
    return std::nullopt;
}

inline money balance_entry::value(balance_column column) const
{
    switch (column) {
    case balance_column::ingaende_balans: return ingaende_balans;
    case balance_column::erhallna_medel: return erhallna_medel;
    case balance_column::disponibla_medel: return disponibla_medel();
    case balance_column::budget_forbrukning: return budget_forbrukning;
    case balance_column::utfall_forbrukning: return utfall_forbrukning;
    case balance_column::utbetalt_till_kommuner: return utbetalt_till_kommuner;
    case balance_column::overforda_medel: return overforda_medel;
    case balance_column::kvarvarande_medel: return kvarvarande_medel();
    case balance_column::varav_statliga_medel: return varav_statliga_medel;
    }
    return {};
}

inline std::optional<std::string> invariant_violation(const balance_entry& entry)
{
    const money remaining = entry.kvarvarande_medel();
    if (entry.varav_statliga_medel < money{}) {
        return "the state part " + format_swedish(entry.varav_statliga_medel) + " is negative";
    }
    if (remaining > money{} && entry.varav_statliga_medel > remaining) {
        return "the state part " + format_swedish(entry.varav_statliga_medel) + " is larger than what remains, " +
               format_swedish(remaining);
    }
    return std::nullopt;
}

inline const balance_entry* balance_period::find(const partnerskap& area) const noexcept
{
    const auto found =
        std::ranges::find_if(entries, [&](const balance_entry& entry) { return entry.area.same_area(area); });
    return found == entries.end() ? nullptr : &*found;
}

inline money balance_period::gross_total(balance_column column) const
{
    money total;
    for (const balance_entry& entry : entries) {
        if (!entry.internal) {
            total += entry.value(column);
        }
    }
    return total;
}

inline money balance_period::net_total(balance_column column) const
{
    money total;
    for (const balance_entry& entry : entries) {
        total += entry.value(column);
    }
    return total;
}

inline void validate(const balance_period& ledger)
{
    for (std::size_t i = 0; i < ledger.entries.size(); ++i) {
        const balance_entry& entry = ledger.entries[i];
        for (std::size_t j = 0; j < i; ++j) {
            if (ledger.entries[j].area.same_area(entry.area)) {
                throw domain_error("ledger " + ledger.period.label() + ": " + detail::twice(entry.area, ledger.entries[j].area));
            }
        }
        if (const auto violation = invariant_violation(entry)) {
            throw domain_error("ledger " + ledger.period.label() + ", area \"" + entry.area.name() + "\": " + *violation);
        }
    }
}

inline balance_period roll_forward(const balance_period& closed, ku::period next, const reorganisation* mapping, unit u)
{
    std::vector<area_amount> closing;
    closing.reserve(closed.entries.size());
    for (const balance_entry& entry : closed.entries) {
        closing.emplace_back(entry.area, entry.kvarvarande_medel());
    }
    std::vector<area_amount> opening = mapping ? mapping->apply(closing, u) : std::move(closing);
    std::unordered_set<std::string_view> internal_areas; // few: usually none or one
    for (const balance_entry& entry : closed.entries) {
        if (entry.internal) {
            internal_areas.insert(entry.area.id());
        }
    }
    balance_period result{.period = next, .entries = {}};
    result.entries.reserve(opening.size());
    for (auto& [area, amount] : opening) {
        const bool internal = !internal_areas.empty() && internal_areas.contains(area.id());
        result.entries.push_back({.area = std::move(area), .internal = internal, .ingaende_balans = amount});
    }
    Ensures(result.net_total(balance_column::ingaende_balans) == closed.accumulated_surplus());
    return result;
}

} // namespace ku
