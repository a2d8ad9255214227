#pragma once
/// @file
/// The audit of a published indicator table: one row per indicator, one column per period,
/// each cell a value with perhaps a percent in brackets ("4 (50 %)", "78 (-16 %)"). A row's
/// `bas` says what the percent is: a share of another row in the same column, or the change
/// from the previous column ("föregående"). Each percent is checked against its exact value
/// under the three spreadsheet roundings (AVRUNDA, AVRUNDA.NEDÅT, AVRUNDA.UPPÅT), and the table
/// against one rule for all its cells.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gsl/assert>
#include <gsl/narrow>

#include "ku/audit/finding_class.hpp"
#include "ku/core/decimal_text.hpp"
#include "ku/core/error.hpp"
#include "ku/core/rounding.hpp"
#include "ku/shares/percent.hpp"

namespace ku {

/// The `bas` that makes a row's percents the change from the previous period.
inline constexpr std::string_view previous_period_base = "föregående";

/// One cell of a published indicator table.
struct indicator_cell {
    exact_share value;                  ///< the value as written; amounts in kronor (tkr × 1 000)
    std::optional<exact_share> percent; ///< the bracketed percent, in percent; none: not given
    int percent_decimals = 0;           ///< the decimals written in the percent
    std::string text;                   ///< the cell as written, for messages
};

/// One indicator: its name, its base and its cells, one per period (none: blank).
struct indicator_row {
    std::string indikator;                           ///< the indicator's name as written
    std::string bas;                                 ///< "", "föregående" or another row's indikator
    std::vector<std::optional<indicator_cell>> cells; ///< one per period, in column order
};

/// A published indicator table and where it came from.
struct published_indicator_table {
    std::string source;               ///< the file name, for messages
    std::vector<std::string> periods; ///< the columns' labels, in order
    std::vector<indicator_row> rows;  ///< the rows, in table order
};

/// The roundings a spreadsheet offers, the ones a published percent is checked against: to
/// nearest (half-up, AVRUNDA), toward zero (down, AVRUNDA.NEDÅT), away from zero (up,
/// AVRUNDA.UPPÅT).
inline constexpr std::array percent_rounding_rules{rounding_mode::half_up, rounding_mode::down, rounding_mode::up};

/// The Swedish name of a rule: "avrundning till närmaste", "avrundning nedåt", "avrundning uppåt".
[[nodiscard]] constexpr std::string_view swedish_rule(rounding_mode rule) noexcept
{
    switch (rule) {
    case rounding_mode::down: return "avrundning nedåt";
    case rounding_mode::up: return "avrundning uppåt";
    default: return "avrundning till närmaste";
    }
}

/// The kinds of finding of an indicator audit.
enum class indicator_finding_kind : std::uint8_t {
    percent_mismatch,       ///< no rounding of the exact value gives the published percent
    rounding_rule_mismatch, ///< the percent needs another rounding rule than the rest of the table
};

/// "percent_mismatch", "rounding_rule_mismatch".
[[nodiscard]] constexpr std::string_view to_string(indicator_finding_kind kind) noexcept
{
    return kind == indicator_finding_kind::percent_mismatch ? "percent_mismatch" : "rounding_rule_mismatch";
}

/// One finding, in percent: `expected` is the exact value rounded to the published decimals
/// (to nearest for a percent_mismatch, by the table's rule for a rounding_rule_mismatch).
struct indicator_finding {
    indicator_finding_kind kind;  ///< what kind of finding
    std::string indikator;        ///< the row
    std::string period;           ///< the column
    exact_share exact;            ///< the exact percent from the values
    exact_share expected;         ///< what the exact percent rounds to
    exact_share found;            ///< the published percent
    exact_share difference;       ///< found − expected
    finding_class classification; ///< fault for a percent_mismatch, rounding for a rule mismatch
    std::string note;             ///< in Swedish: the exact value, the rules, another base that fits
    /// Equal when every field is.
    friend bool operator==(const indicator_finding&, const indicator_finding&) = default;
};

/// The findings and the cells that could not be checked (a percent with no base to compare
/// against, or a base of zero), noted in Swedish.
struct indicator_audit {
    std::vector<indicator_finding> findings; ///< rows, then columns, in table order
    std::vector<std::string> notes;          ///< percents that could not be checked, in Swedish
};

/// Every finding of `table`. Throws ku::lookup_error for a `bas` that names no row of the table.
[[nodiscard]] indicator_audit audit_indicators(const published_indicator_table& table);

namespace detail::indicator_audit_impl {

/// `value` × 10^decimals rounded by `mode` to a whole number, exactly.
inline boost::multiprecision::cpp_int rounded_units(const exact_share& value, int decimals, rounding_mode mode)
{
    exact_share scaled = value;
    for (int d = 0; d < decimals; ++d) {
        scaled *= 10;
    }
    return rounded_quotient(scaled.numerator(), scaled.denominator(), mode);
}

/// `value` rounded by `mode` to `decimals` decimals, as an exact percent.
inline exact_share rounded(const exact_share& value, int decimals, rounding_mode mode)
{
    exact_share result{rounded_units(value, decimals, mode)};
    for (int d = 0; d < decimals; ++d) {
        result /= 10;
    }
    return result;
}

/// The exact percent of `value` against `base`: a share (value / base) or a change
/// ((value − base) / base); none when the base is zero.
inline std::optional<exact_share> exact_percent(const exact_share& value, const exact_share& base, bool change)
{
    if (base == 0) {
        return std::nullopt;
    }
    return (change ? value - base : value) / base * 100;
}

/// A percent for a message: "50 %", "-16,7 %".
inline std::string percent_label(const exact_share& value, int decimals)
{
    return approximate_percent_text(value, decimals) + " %";
}

} // namespace detail::indicator_audit_impl

inline indicator_audit audit_indicators(const published_indicator_table& table)
{
    using namespace detail::indicator_audit_impl;
    indicator_audit audit;

    // Every checkable percent: where it is, its exact value and the rules that give it.
    struct checked {
        std::size_t row;
        std::size_t column;
        exact_share exact;
        std::vector<rounding_mode> rules;
    };
    std::vector<checked> cells;
    const auto row_named = [&](const std::string& name) -> const indicator_row* {
        const auto found = std::ranges::find(table.rows, name, &indicator_row::indikator);
        return found == table.rows.end() ? nullptr : &*found;
    };
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const indicator_row& row = table.rows[r];
        const bool change = row.bas == previous_period_base;
        const indicator_row* base_row = change || row.bas.empty() ? nullptr : row_named(row.bas);
        if (!change && !row.bas.empty() && base_row == nullptr) {
            throw lookup_error(table.source + ": the base \"" + row.bas + "\" of \"" + row.indikator +
                               "\" is no row of the table (nor \"föregående\")");
        }
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const auto& cell = row.cells[c];
            if (!cell || !cell->percent) {
                continue;
            }
            const std::string where = row.indikator + ", " + table.periods[c] + ": " + cell->text;
            const std::optional<indicator_cell>* base = nullptr;
            if (change && c > 0) {
                base = &row.cells[c - 1];
            } else if (base_row != nullptr) {
                base = &base_row->cells[c];
            }
            if (base == nullptr || !base->has_value()) {
                audit.notes.push_back(where + ": " +
                                      (row.bas.empty() ? std::string{"raden har ingen bas"}
                                       : change      ? std::string{"ingen föregående period att jämföra med"}
                                                     : row.bas + " saknas i samma period"));
                continue;
            }
            const std::optional<exact_share> exact = exact_percent(cell->value, (*base)->value, change);
            if (!exact) {
                audit.notes.push_back(where + ": basen är 0");
                continue;
            }
            checked out{r, c, *exact, {}};
            for (const rounding_mode rule : percent_rounding_rules) {
                if (rounded(*exact, cell->percent_decimals, rule) == *cell->percent) {
                    out.rules.push_back(rule);
                }
            }
            cells.push_back(std::move(out));
        }
    }

    // The rules the table follows: those that explain the most cells. A cell that one of them
    // does not explain is a finding; with several such rules, the cells between them all are.
    std::vector<rounding_mode> table_rules;
    std::size_t explained = 0;
    for (const rounding_mode rule : percent_rounding_rules) {
        const auto count = gsl::narrow<std::size_t>(
            std::ranges::count_if(cells, [&](const checked& c) { return std::ranges::find(c.rules, rule) != c.rules.end(); }));
        if (count > explained) {
            table_rules.clear();
            explained = count;
        }
        if (count == explained && count > 0) {
            table_rules.push_back(rule);
        }
    }
    std::string table_rule_text;
    for (std::size_t i = 0; i < table_rules.size(); ++i) {
        table_rule_text += (i == 0 ? "" : (i + 1 == table_rules.size() ? " och " : ", ")) +
                           std::string{swedish_rule(table_rules[i])};
    }
    const std::string table_text =
        table_rules.size() == 1
            ? std::to_string(explained) + " av tabellens " + std::to_string(cells.size()) +
                  " granskade procent följer " + table_rule_text
            : "tabellens " + std::to_string(cells.size()) + " granskade procent följer lika ofta (" +
                  std::to_string(explained) + " var) " + table_rule_text;

    for (const checked& c : cells) {
        const indicator_row& row = table.rows[c.row];
        const indicator_cell& cell = *row.cells[c.column];
        const int decimals = cell.percent_decimals;
        const std::string exact_text = "exakt " + percent_label(c.exact, decimals);
        if (c.rules.empty()) {
            const exact_share expected = rounded(c.exact, decimals, rounding_mode::half_up);
            std::string note = exact_text + ", avrundat " + percent_label(expected, decimals) +
                               "; ingen avrundning ger " + percent_label(*cell.percent, decimals);
            // Another base that gives the published percent: a hint at a wrong base.
            std::vector<std::string> fitting;
            const auto fits = [&](const exact_share& base, bool change) {
                const std::optional<exact_share> other = exact_percent(cell.value, base, change);
                return other && std::ranges::any_of(percent_rounding_rules, [&](rounding_mode rule) {
                           return rounded(*other, decimals, rule) == *cell.percent;
                       });
            };
            if (row.bas != previous_period_base && c.column > 0 && row.cells[c.column - 1] &&
                fits(row.cells[c.column - 1]->value, true)) {
                fitting.emplace_back("förändringen mot föregående period");
            }
            for (const indicator_row& other : table.rows) {
                if (&other != &row && other.indikator != row.bas && other.cells[c.column] &&
                    fits(other.cells[c.column]->value, false)) {
                    fitting.push_back("andelen av " + other.indikator);
                }
            }
            if (!fitting.empty()) {
                note += "; stämmer med " + fitting.front();
            }
            audit.findings.push_back({indicator_finding_kind::percent_mismatch, row.indikator, table.periods[c.column],
                                      c.exact, expected, *cell.percent, *cell.percent - expected,
                                      finding_class::fault, std::move(note)});
        } else if (const auto missed = std::ranges::find_if(
                       table_rules, [&](rounding_mode rule) { return std::ranges::find(c.rules, rule) == c.rules.end(); });
                   missed != table_rules.end()) {
            const exact_share expected = rounded(c.exact, decimals, *missed);
            std::string rules;
            for (const rounding_mode rule : c.rules) {
                rules += (rules.empty() ? "" : " eller ") + std::string{swedish_rule(rule)};
            }
            audit.findings.push_back({indicator_finding_kind::rounding_rule_mismatch, row.indikator,
                                      table.periods[c.column], c.exact, expected, *cell.percent,
                                      *cell.percent - expected, finding_class::rounding,
                                      exact_text + " ger " + percent_label(*cell.percent, decimals) + " bara med " +
                                          rules + "; " + table_text});
        }
    }
    return audit;
}

} // namespace ku
