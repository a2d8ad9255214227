#pragma once
/// @file
/// Published balance tables (cells that may be blank, a Summa row, internal rows) and the
/// auditor that lists every fault in one: blank derived cells, broken identities, totals that
/// are not the sum of their rows, and opening balances that differ from last year's closing.

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <gsl/narrow>

#include "ku/audit/error_localisation.hpp"
#include "ku/audit/finding_class.hpp"
#include "ku/core/money.hpp"
#include "ku/core/partnerskap.hpp"
#include "ku/ledger/balance.hpp"
#include "ku/ledger/reorganisation.hpp"

namespace ku {

/// What a row of a balance table is.
enum class row_kind : std::uint8_t {
    omrade, ///< an area
    intern, ///< internal financing ("härav ... finansierat från områdena"), counted once
    summa,  ///< the total row
};

/// "omrade", "intern", "summa".
[[nodiscard]] constexpr std::string_view to_string(row_kind kind) noexcept;

/// One row of a published balance table: its area, its kind, its cells (blank = none) and the
/// line it was read from (0 when built in code).
struct balance_row {
    /// The area as written; an internal row's and the Summa row's text ("Summa") name them too.
    partnerskap area;
    row_kind kind = row_kind::omrade; ///< area, internal or total row
    std::array<std::optional<money>, balance_column_count> cells{}; ///< indexed by balance_column; none: blank
    std::size_t line = 0; ///< the line it was read from; 0 when built in code

    /// The cell of `column`; none when blank.
    [[nodiscard]] std::optional<money> cell(balance_column column) const
    {
        return cells[static_cast<std::size_t>(column)];
    }
    /// Sets the cell of `column` (none: blank).
    void set(balance_column column, std::optional<money> value)
    {
        cells[static_cast<std::size_t>(column)] = value;
    }
};

/// A published balance table: where it came from, the unit its cells were written in (which
/// sets the rounding tolerance of carry-over), and its rows.
struct balance_table {
    std::string source; ///< the file name (or other source), for messages
    ku::unit unit = ku::unit::tkr; ///< the unit the cells were written in
    std::vector<balance_row> rows; ///< the rows, in table order

    /// The row of `area` (the same id; not the Summa row), or nullptr.
    [[nodiscard]] const balance_row* find(const partnerskap& area) const noexcept;
};

/// The exact ledger of a table's area and internal rows, blanks read as zero.
[[nodiscard]] balance_period to_ledger(const balance_table& table, ku::period period);

/// The kinds of finding.
enum class finding_kind : std::uint8_t {
    missing_value,        ///< a derived cell left blank though it has a value
    identity_broken,      ///< a cell contradicting its identity or invariant
    total_mismatch,       ///< a total that is not the sum of its rows
    carry_over_difference, ///< an opening balance that differs from last period's closing
    wrong_cell            ///< a cell of the smallest set whose change makes every identity and sum hold
};

/// "missing_value", "identity_broken", "total_mismatch", "carry_over_difference", "wrong_cell".
[[nodiscard]] constexpr std::string_view to_string(finding_kind kind) noexcept;

/// One fault in a balance table. `difference` is found − expected (a blank cell counts as 0).
/// `note` says in Swedish which identity a cell breaks, what explains a total mismatch (the
/// internal rows counted twice or left out) or which previous areas a balance came from.
struct finding {
    finding_kind kind; ///< what kind of fault
    partnerskap area; ///< the row at fault, as written (the Summa row's is "Summa")
    balance_column column; ///< the cell's column
    std::optional<money> expected; ///< what the cell should hold
    std::optional<money> found; ///< what it holds; none: blank
    money difference{}; ///< found − expected
    /// rounding when the difference is within half a unit of the table per rounded cell involved
    /// (the note says how many), else fault; a blank cell and a total explained by the internal
    /// rows are faults.
    finding_class classification = finding_class::fault;
    std::string note; ///< the explanation, in Swedish
    /// Equal when every field is.
    friend bool operator==(const finding&, const finding&) = default;
};

/// An area's opening balance as written in the next period (blank: none).
struct area_opening {
    partnerskap area; ///< the area
    std::optional<money> ingaende_balans; ///< its opening balance; none: blank
};

/// Carry-over findings: each opening balance against the closing balances mapped through
/// `mapping` in whole `u` (an area nothing maps to should open at zero), and balances mapped
/// into areas `opening` does not have (money that vanished). Differences within half a `u` per
/// row involved are classified as rounding. Throws as reorganisation::apply.
[[nodiscard]] std::vector<finding> carry_over_findings(const std::vector<area_amount>& closing,
                                                       const std::vector<area_opening>& opening,
                                                       const reorganisation* mapping, unit u);

/// Every fault in `table`, in row then column order, then carry-over findings: identities and
/// invariants of each row, blank derived cells, the Summa row against the net sum of the rows
/// (saying when counting the internal rows twice, or leaving them out, explains it); when an
/// identity or a sum fails that the internal rows do not explain, the cells of the smallest set
/// whose change makes every identity and sum hold (wrong_cell, with the mended value; every equally small set when there are several,
/// up to three cells; ku::locate_errors); and, with
/// `previous`, each area's opening balance against the previous closing balance mapped through
/// `mapping` (in the table's unit). Throws ku::lookup_error when `mapping` names an area the
/// previous table does not have.
[[nodiscard]] std::vector<finding> audit_balance(const balance_table& table,
                                                 const balance_table* previous = nullptr,
                                                 const reorganisation* mapping = nullptr);

constexpr std::string_view to_string(row_kind kind) noexcept
{
    switch (kind) {
    case row_kind::omrade: return "omrade";
    case row_kind::intern: return "intern";
    case row_kind::summa: return "summa";
    }
    return "?";
}

constexpr std::string_view to_string(finding_kind kind) noexcept
{
    switch (kind) {
    case finding_kind::missing_value: return "missing_value";
    case finding_kind::identity_broken: return "identity_broken";
    case finding_kind::total_mismatch: return "total_mismatch";
    case finding_kind::carry_over_difference: return "carry_over_difference";
    case finding_kind::wrong_cell: return "wrong_cell";
    }
    return "?";
}

inline const balance_row* balance_table::find(const partnerskap& area) const noexcept
{
    const auto found = std::ranges::find_if(
        rows, [&](const balance_row& row) { return row.kind != row_kind::summa && row.area.same_area(area); });
    return found == rows.end() ? nullptr : &*found;
}

namespace detail::audit_impl {

inline money or_zero(const balance_row& row, balance_column column) { return row.cell(column).value_or(money{}); }

/// Whether rounding explains `difference`: at most half a unit of `u` for each of `cells`
/// rounded cells.
inline finding_class classify(money difference, std::size_t cells, unit u)
{
    const std::int64_t magnitude = difference.in_ore() < 0 ? -difference.in_ore() : difference.in_ore();
    return int128{magnitude} * 2 <= int128{ore_per(u)} * gsl::narrow<std::int64_t>(cells) ? finding_class::rounding
                                                                                          : finding_class::fault;
}

/// "; tolerans ±1,5 tkr (3 avrundade celler)": the tolerance a classification applied.
inline std::string tolerance_note(std::size_t cells, unit u)
{
    const money tolerance = money::ore(ore_per(u) / 2 * gsl::narrow<std::int64_t>(cells));
    return "; tolerans ±" + format_swedish(tolerance, {.in = u}) + " (" + std::to_string(cells) +
           (cells == 1 ? " avrundad cell)" : " avrundade celler)");
}

/// The row as an exact entry, blanks as zero.
inline balance_entry entry_of(const balance_row& row)
{
    return {.area = row.area,
            .internal = row.kind == row_kind::intern,
            .ingaende_balans = or_zero(row, balance_column::ingaende_balans),
            .erhallna_medel = or_zero(row, balance_column::erhallna_medel),
            .budget_forbrukning = or_zero(row, balance_column::budget_forbrukning),
            .utfall_forbrukning = or_zero(row, balance_column::utfall_forbrukning),
            .utbetalt_till_kommuner = or_zero(row, balance_column::utbetalt_till_kommuner),
            .overforda_medel = or_zero(row, balance_column::overforda_medel),
            .varav_statliga_medel = or_zero(row, balance_column::varav_statliga_medel)};
}

/// What a row contributes to a column's total: its cell, or for a blank derived cell the value
/// its identity gives.
inline money contribution(const balance_row& row, balance_column column)
{
    if (const auto value = row.cell(column)) {
        return *value;
    }
    return is_derived(column) ? entry_of(row).value(column) : money{};
}

/// The closing balance of a previous row: the published kvarvarande, or its identity when blank.
inline money closing_of(const balance_row& row) { return contribution(row, balance_column::kvarvarande_medel); }

inline void check_row(const balance_row& row, unit u, std::vector<finding>& findings)
{
    const balance_entry entry = entry_of(row);
    for (const balance_column column : {balance_column::disponibla_medel, balance_column::kvarvarande_medel}) {
        const money expected = entry.value(column);
        const std::optional<money> found = row.cell(column);
        if (!found) {
            if (expected != money{}) {
                findings.push_back({finding_kind::missing_value, row.area, column, expected, std::nullopt, -expected,
                                    finding_class::fault, "cellen är tom"});
            }
        } else if (*found != expected) {
            // Disponibla and its two terms; kvarvarande, disponibla and its three deductions.
            const std::size_t cells = column == balance_column::disponibla_medel ? 3 : 5;
            findings.push_back({finding_kind::identity_broken, row.area, column, expected, found, *found - expected,
                                classify(*found - expected, cells, u),
                                (column == balance_column::disponibla_medel
                                     ? std::string{"ingående balans + erhållna medel"}
                                     : std::string{"disponibla − utfall förbrukning − utbetalt till länets kommuner − överförda medel"}) +
                                    tolerance_note(cells, u)});
        }
    }
    if (const auto state = row.cell(balance_column::varav_statliga_medel)) {
        const money remaining = entry.kvarvarande_medel();
        if (*state < money{}) {
            findings.push_back({finding_kind::identity_broken, row.area, balance_column::varav_statliga_medel,
                                money{}, state, *state, finding_class::fault, "statliga medel kan inte vara negativa"});
        } else if (remaining > money{} && *state > remaining) {
            // The state part and the five cells the remaining balance is computed from.
            findings.push_back({finding_kind::identity_broken, row.area, balance_column::varav_statliga_medel,
                                remaining, state, *state - remaining, classify(*state - remaining, 6, u),
                                "statliga medel kan inte överstiga kvarvarande medel" + tolerance_note(6, u)});
        }
    }
}

/// The wrong cells: the balance identities of each row and the Summa row's column sums as linear
/// rules over the table's cells (a blank cell is fixed: at its identity's value when derived,
/// else at 0, and has findings of its own), and every smallest set of cells that mends them.
inline void locate_wrong_cells(const balance_table& table, finding_class classification, std::vector<finding>& findings)
{
    constexpr std::size_t columns = balance_column_count;
    const auto field = [](std::size_t row, balance_column column) {
        return row * columns + static_cast<std::size_t>(column);
    };
    std::vector<std::int64_t> values(table.rows.size() * columns);
    std::vector<bool> changeable(values.size(), false);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        for (const balance_column column : all_balance_columns) {
            values[field(r, column)] = contribution(table.rows[r], column).in_ore();
            changeable[field(r, column)] = table.rows[r].cell(column).has_value();
        }
    }
    using c = balance_column;
    std::vector<linear_rule> rules;
    std::optional<std::size_t> total;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (table.rows[r].kind == row_kind::summa) {
            total = r;
            continue;
        }
        rules.push_back({{{field(r, c::disponibla_medel), 1}, {field(r, c::ingaende_balans), -1},
                          {field(r, c::erhallna_medel), -1}},
                         0});
        rules.push_back({{{field(r, c::kvarvarande_medel), 1}, {field(r, c::disponibla_medel), -1},
                          {field(r, c::utfall_forbrukning), 1}, {field(r, c::utbetalt_till_kommuner), 1},
                          {field(r, c::overforda_medel), 1}},
                         0});
    }
    if (total) {
        for (const balance_column column : all_balance_columns) {
            linear_rule sum{{{field(*total, column), 1}}, 0};
            for (std::size_t r = 0; r < table.rows.size(); ++r) {
                if (r != *total) {
                    sum.terms.emplace_back(field(r, column), -1);
                }
            }
            rules.push_back(std::move(sum));
        }
    }
    const localisation found = locate_errors(rules, values, 3, changeable);
    const auto mended_value = [&](const field_fix& fix, std::size_t i) -> std::optional<money> {
        if (fix.values && denominator((*fix.values)[i]) == 1) {
            return money::ore(static_cast<std::int64_t>(numerator((*fix.values)[i])));
        }
        return std::nullopt;
    };
    const auto at = [&](std::size_t f) {
        return std::pair{&table.rows[f / columns], static_cast<balance_column>(f % columns)};
    };
    if (found.fixes.size() == 1) {
        // One smallest fix: each of its cells is a finding, with the value that mends it.
        const field_fix& fix = found.fixes.front();
        for (std::size_t i = 0; i < fix.fields.size(); ++i) {
            const auto [row, column] = at(fix.fields[i]);
            const std::optional<money> mended = mended_value(fix, i);
            findings.push_back({finding_kind::wrong_cell, row->area, column, mended, row->cell(column),
                                mended ? row->cell(column).value_or(money{}) - *mended : money{}, classification,
                                "den minsta ändring som får alla samband och summor att stämma (" +
                                    std::to_string(fix.fields.size()) + (fix.fields.size() == 1 ? " cell)" : " celler)")});
        }
        return;
    }
    // Several equally small fixes: no cell can be named, so each fix is one finding (at its first
    // cell) whose note lists all of its cells and their mended values.
    for (std::size_t k = 0; k < found.fixes.size(); ++k) {
        const field_fix& fix = found.fixes[k];
        std::string cells;
        for (std::size_t i = 0; i < fix.fields.size(); ++i) {
            const auto [row, column] = at(fix.fields[i]);
            const std::optional<money> mended = mended_value(fix, i);
            cells += (i == 0 ? "" : "; ") + row->area.name() + " / " + std::string{label(column)} +
                     (mended ? " " + format_swedish(*mended, {.in = table.unit}) : std::string{});
        }
        const auto [row, column] = at(fix.fields.front());
        const std::optional<money> mended = mended_value(fix, 0);
        findings.push_back({finding_kind::wrong_cell, row->area, column, mended, row->cell(column),
                            mended ? row->cell(column).value_or(money{}) - *mended : money{}, classification,
                            "sätt " + std::to_string(k + 1) + " av " + std::to_string(found.fixes.size()) +
                                " lika små att få alla samband och summor att stämma, ingen cell kan pekas ut: " + cells});
    }
}

inline void check_totals(const balance_table& table, const balance_row& total_row, std::vector<finding>& findings)
{
    for (const balance_column column : all_balance_columns) {
        money net;
        money internal;
        for (const balance_row& row : table.rows) {
            if (row.kind == row_kind::summa) {
                continue;
            }
            const money value = contribution(row, column);
            net += value;
            if (row.kind == row_kind::intern) {
                internal += value;
            }
        }
        const std::optional<money> found = total_row.cell(column);
        if (!found) {
            if (net != money{}) {
                findings.push_back({finding_kind::missing_value, total_row.area, column, net, std::nullopt, -net,
                                    finding_class::fault, "summan är tom"});
            }
            continue;
        }
        if (*found == net) {
            continue;
        }
        // The Summa cell and every row's cell are rounded.
        const std::size_t cells = gsl::narrow<std::size_t>(std::ranges::count_if(
                                      table.rows, [](const balance_row& row) { return row.kind != row_kind::summa; })) +
                                  1;
        finding_class classification = classify(*found - net, cells, table.unit);
        std::string note = "förklaras inte av de interna raderna";
        if (internal != money{} && *found == net - internal) {
            note = "förklaras av att den interna finansieringen räknats två gånger: summan utelämnar de interna raderna";
            classification = finding_class::fault;
        } else if (internal != money{} && *found == net + internal) {
            note = "förklaras av att de interna raderna räknats två gånger";
            classification = finding_class::fault;
        } else if (internal == money{}) {
            note = "tabellen har inga interna rader";
        }
        // A sum the internal rows explain has no tolerance to state: rounding does not enter it.
        findings.push_back({finding_kind::total_mismatch, total_row.area, column, net, found, *found - net,
                            classification,
                            classification == finding_class::fault && note.starts_with("förklaras av att")
                                ? note
                                : note + tolerance_note(cells, table.unit)});
    }
}

/// The areas' names, separated by ", ".
inline std::string joined(const std::vector<partnerskap>& areas)
{
    std::string text;
    for (const partnerskap& area : areas) {
        text += (text.empty() ? "" : ", ") + area.name();
    }
    return text;
}

inline void check_carry_over(const balance_table& table, const balance_table& previous, const reorganisation* mapping,
                      std::vector<finding>& findings)
{
    std::vector<area_amount> closing;
    for (const balance_row& row : previous.rows) {
        if (row.kind == row_kind::omrade) {
            closing.emplace_back(row.area, closing_of(row));
        }
    }
    std::vector<area_opening> opening;
    for (const balance_row& row : table.rows) {
        if (row.kind == row_kind::omrade) {
            opening.push_back({row.area, row.cell(balance_column::ingaende_balans)});
        }
    }
    std::ranges::move(carry_over_findings(closing, opening, mapping, table.unit), std::back_inserter(findings));
}

} // namespace detail::audit_impl

inline std::vector<finding> carry_over_findings(const std::vector<area_amount>& closing,
                                         const std::vector<area_opening>& opening, const reorganisation* mapping,
                                         unit u)
{
    const reorganisation identity;
    const reorganisation& map = mapping ? *mapping : identity;
    const std::vector<area_amount> carried = map.apply(closing, u);

    // Lookups by id, so the check stays linear in the number of areas: each carried area's
    // position, and whether an opening row took it.
    std::unordered_map<std::string_view, std::size_t> carried_position;
    carried_position.reserve(carried.size());
    for (std::size_t i = 0; i < carried.size(); ++i) {
        carried_position.emplace(carried[i].first.id(), i);
    }
    std::vector<bool> taken(carried.size(), false);
    std::unordered_map<std::string_view, std::vector<partnerskap>> sources_by_target;
    std::unordered_set<std::string_view> mapped_areas;
    for (const reorganisation_rule& rule : map.rules()) {
        mapped_areas.insert(rule.from.id());
        if (rule.to) {
            sources_by_target[rule.to->id()].push_back(rule.from);
        }
    }
    // Where the money of an area with a finding came from (only findings ask, so a search).
    const auto sources = [&](const partnerskap& area) {
        std::vector<partnerskap> from;
        if (const auto found = sources_by_target.find(area.id()); found != sources_by_target.end()) {
            from = found->second;
        }
        const auto had_balance = [&](const area_amount& previous) { return previous.first.id() == area.id(); };
        if (!mapped_areas.contains(area.id()) && std::ranges::any_of(closing, had_balance)) {
            from.push_back(area); // it carries its own balance too
        }
        return from;
    };
    const auto classify = [&](money difference, std::size_t rows_involved) {
        return detail::audit_impl::classify(difference, rows_involved, u);
    };

    std::vector<finding> findings;
    for (const area_opening& row : opening) {
        const auto mapped = carried_position.find(row.area.id());
        money expected{};
        if (mapped != carried_position.end()) {
            taken[mapped->second] = true;
            expected = carried[mapped->second].second;
        }
        const money found = row.ingaende_balans.value_or(money{});
        if (found == expected) {
            continue;
        }
        const std::vector<partnerskap> from = sources(row.area);
        findings.push_back({finding_kind::carry_over_difference, row.area, balance_column::ingaende_balans, expected,
                            row.ingaende_balans, found - expected, classify(found - expected, from.size() + 1),
                            (from.empty() ? std::string{"nytt område: inget fördes över"}
                                          : "överfört från " + detail::audit_impl::joined(from)) +
                                detail::audit_impl::tolerance_note(from.size() + 1, u)});
    }
    // Balances carried into areas the next period does not have: money that vanished.
    for (std::size_t i = 0; i < carried.size(); ++i) {
        const auto& [area, amount] = carried[i];
        if (!taken[i] && amount != money{}) {
            const std::vector<partnerskap> from = sources(area);
            findings.push_back({finding_kind::carry_over_difference, area, balance_column::ingaende_balans, amount,
                                std::nullopt, -amount, classify(amount, from.size()),
                                "överfört från " + detail::audit_impl::joined(from) + ", men området finns inte i tabellen" +
                                    detail::audit_impl::tolerance_note(from.size(), u)});
        }
    }
    return findings;
}

inline balance_period to_ledger(const balance_table& table, ku::period period)
{
    balance_period ledger{.period = period, .entries = {}};
    for (const balance_row& row : table.rows) {
        if (row.kind != row_kind::summa) {
            ledger.entries.push_back(detail::audit_impl::entry_of(row));
        }
    }
    return ledger;
}

inline std::vector<finding> audit_balance(const balance_table& table, const balance_table* previous,
                                   const reorganisation* mapping)
{
    std::vector<finding> findings;
    const balance_row* total_row = nullptr;
    for (const balance_row& row : table.rows) {
        if (row.kind == row_kind::summa) {
            total_row = &row;
        } else {
            detail::audit_impl::check_row(row, table.unit, findings);
        }
    }
    if (total_row != nullptr) {
        detail::audit_impl::check_totals(table, *total_row, findings);
    }
    // Locate the wrong cells when an identity or a sum fails, unless the internal rows counted
    // twice or left out explain every failing sum (the notes say so; no cell is wrong then). The
    // cells are a rounding finding when rounding explains every failure, else a fault.
    const auto triggers = [](const finding& f) {
        return (f.kind == finding_kind::identity_broken && is_derived(f.column)) ||
               (f.kind == finding_kind::total_mismatch && !f.note.starts_with("förklaras av att"));
    };
    if (std::ranges::any_of(findings, triggers)) {
        const bool all_rounding = std::ranges::all_of(findings, [&](const finding& f) {
            return !triggers(f) || f.classification == finding_class::rounding;
        });
        detail::audit_impl::locate_wrong_cells(table, all_rounding ? finding_class::rounding : finding_class::fault,
                                               findings);
    }
    if (previous != nullptr) {
        detail::audit_impl::check_carry_over(table, *previous, mapping, findings);
    }
    return findings;
}

} // namespace ku
