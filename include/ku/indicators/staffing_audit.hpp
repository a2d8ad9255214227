#pragma once
/// @file
/// The audit of a published staffing table: årsarbetare by period (rows) and form of employment
/// (columns), with an optional Summa column and Summa row. Årsarbetare are exact hundredths, so
/// every sum is checked exactly: a difference is a fault, never rounding. When one row and one
/// column fail by the same amount, the cell they share is named with the value that mends both.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ku/allocation/proposal.hpp"
#include "ku/indicators/staffing.hpp"

namespace ku {

/// A staffing table as published; a blank cell is none (0 in sums).
struct published_staffing_table {
    std::string source;                 ///< the file name, for messages
    std::vector<std::string> periods;   ///< the rows' labels ("2019 - tertial 1"), in order
    std::vector<employment_form> forms; ///< the columns, in order
    std::vector<std::vector<std::optional<arsarbetare>>> cells; ///< [row][column]
    std::vector<std::optional<arsarbetare>> row_totals;         ///< the Summa column (none when absent)
    std::vector<std::optional<arsarbetare>> column_totals;      ///< the Summa row (none when absent)
    std::optional<arsarbetare> grand_total;                     ///< Summa row × Summa column
};

/// One fault: a row (kind row_sum, column "Summa"), a column (kind column_sum, period "Summa";
/// column "Summa" for the Summa column against the grand total) or the cell both point at.
struct staffing_finding {
    difference_kind kind;         ///< row_sum, column_sum or cell
    std::string period;           ///< the row's label, or "Summa"
    std::string column;           ///< the form of employment's name, or "Summa"
    arsarbetare expected;         ///< the sum of the parts, or the cell's mended value
    std::optional<arsarbetare> found; ///< what the table has (none: blank)
    arsarbetare difference;       ///< found − expected (blank as 0)
    std::string note;             ///< in Swedish
    /// Equal when every field is.
    friend bool operator==(const staffing_finding&, const staffing_finding&) = default;
};

/// Every fault of `table`: rows, then columns, then the Summa column against the grand total,
/// then the cell one failing row and one failing column share.
[[nodiscard]] inline std::vector<staffing_finding> audit_staffing(const published_staffing_table& table)
{
    std::vector<staffing_finding> findings;
    const auto value = [](const std::optional<arsarbetare>& cell) { return cell.value_or(arsarbetare{}); };
    const auto add = [&](difference_kind kind, std::string period, std::string column, arsarbetare parts,
                         const std::optional<arsarbetare>& total, std::string note) {
        if (total && *total != parts) {
            findings.push_back({kind, std::move(period), std::move(column), parts, total, *total - parts, std::move(note)});
        }
    };
    for (std::size_t r = 0; r < table.periods.size(); ++r) {
        arsarbetare sum;
        for (const auto& cell : table.cells[r]) {
            sum += value(cell);
        }
        add(difference_kind::row_sum, table.periods[r], "Summa", sum, table.row_totals[r],
            "radens celler summerar till " + to_string(sum));
    }
    for (std::size_t c = 0; c < table.forms.size(); ++c) {
        arsarbetare sum;
        for (const auto& row : table.cells) {
            sum += value(row[c]);
        }
        add(difference_kind::column_sum, "Summa", std::string{to_string(table.forms[c])}, sum, table.column_totals[c],
            "kolumnens celler summerar till " + to_string(sum));
    }
    if (table.grand_total) {
        arsarbetare sum;
        for (const auto& total : table.row_totals) {
            sum += value(total);
        }
        add(difference_kind::column_sum, "Summa", "Summa", sum, table.grand_total,
            "Summa-kolumnen summerar till " + to_string(sum));
    }
    // One failing row and one failing column, by the same amount: their shared cell.
    std::vector<const staffing_finding*> rows;
    std::vector<const staffing_finding*> columns;
    for (const staffing_finding& f : findings) {
        if (f.kind == difference_kind::row_sum) {
            rows.push_back(&f);
        } else if (f.column != "Summa") {
            columns.push_back(&f);
        }
    }
    if (rows.size() == 1 && columns.size() == 1 && rows.front()->difference == columns.front()->difference) {
        const auto r = static_cast<std::size_t>(std::ranges::find(table.periods, rows.front()->period) - table.periods.begin());
        const auto c = static_cast<std::size_t>(
            std::ranges::find(table.forms, parse_employment_form(columns.front()->column)) - table.forms.begin());
        const arsarbetare cell = value(table.cells[r][c]);
        const arsarbetare mended = cell + rows.front()->difference;
        findings.push_back({difference_kind::cell, table.periods[r], columns.front()->column, mended,
                            table.cells[r][c], cell - mended,
                            "den enda cell vars ändring till " + to_string(mended) +
                                " får både radens och kolumnens summa att stämma"});
    }
    return findings;
}

} // namespace ku
