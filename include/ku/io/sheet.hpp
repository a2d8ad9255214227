#pragma once
// Internal: a table of typed cells (text, exact amounts, exact decimal numbers, sums as
// formulas) that the CSV, Markdown and .xlsx writers all render, so the three agree cell by
// cell. Not installed.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ku/core/money.hpp"
#include "ku/io/report.hpp"

namespace ku::detail {

/// What a column holds, which decides how its cells are written and aligned.
enum class column_kind : std::uint8_t {
    text,    ///< names, codes, notes
    amount,  ///< money, written in the column's unit
    number,  ///< an exact decimal that is not money (a weight, a quota)
    percent, ///< an exact decimal in percent points ("34.8" is 34,8 %)
};

/// One column: its CSV name, its Swedish heading (with the unit) and what it holds.
struct sheet_column {
    std::string key;                  ///< the CSV header ("code", "Summa")
    std::string label;                ///< the Swedish heading ("Kod", "Belopp (kr)")
    column_kind kind = column_kind::text;
    ku::unit unit = ku::unit::kr;     ///< the unit amounts are written in
    bool in_csv = true;               ///< written by the CSV writers
    bool csv_two_decimals = false;    ///< CSV amounts always as kronor with two decimals ("100.00")
};

/// One cell. Its value is what CSV and Markdown show; an .xlsx workbook writes `formula` (when
/// given) with that value as the cached result, so a reader can check it.
struct sheet_cell {
    /// What the cell holds.
    enum class kind : std::uint8_t { empty, text, amount, number };
    kind type = kind::empty;
    std::string text;        ///< the text; for a number its exact plain decimal ("34.8", "100/3")
    std::string csv_text;    ///< for text: what CSV writes instead, when not empty (a machine name)
    money amount{};          ///< for an amount
    std::string formula;     ///< for .xlsx: a formula ("=SUM(C2:C14)") whose value is this cell's
    std::string approximate; ///< for .xlsx: the decimal written when `text` has no finite decimal form

    /// A text cell (and, optionally, what CSV writes instead).
    [[nodiscard]] static sheet_cell of_text(std::string text, std::string csv_text = {});
    /// An amount, optionally computed by a formula in .xlsx.
    [[nodiscard]] static sheet_cell of_amount(money amount, std::string formula = {});
    /// An optional amount: blank when none.
    [[nodiscard]] static sheet_cell of_amount(const std::optional<money>& amount);
    /// An exact decimal number ("6809", "34.8"), optionally computed by a formula in .xlsx.
    [[nodiscard]] static sheet_cell of_number(std::string plain, std::string formula = {});
};

/// One row of cells, as wide as the sheet's columns.
struct sheet_row {
    std::vector<sheet_cell> cells;
    bool total = false; ///< a sum row: emphasised in .xlsx
    bool in_csv = true; ///< written by the CSV writers (a derived row is not)
};

/// A bar chart of one column against the names in another, over a run of data rows.
struct sheet_chart {
    std::string title;
    std::size_t category_column = 0;
    std::size_t value_column = 0;
    std::size_t first_row = 0; ///< data row index
    std::size_t last_row = 0;  ///< data row index, inclusive
};

/// A table: a worksheet in .xlsx, a table under a heading in Markdown, the rows of a CSV file.
/// Data row i is spreadsheet row i + 2: row 1 holds the headings.
struct sheet {
    std::string name;  ///< the worksheet name (at most 31 characters)
    std::string title; ///< the heading
    std::vector<sheet_column> columns;
    std::vector<sheet_row> rows;
    std::size_t frozen_columns = 0;  ///< columns kept in view beside the frozen heading row
    std::vector<std::string> notes;  ///< lines shown under the table
    std::optional<sheet_chart> chart;
    std::string empty_text;          ///< shown instead of the table when it has no rows
    std::string markdown_blank;      ///< what Markdown shows for an empty cell ("–")
    bool in_markdown = true;         ///< written by the Markdown writers
};

/// The A1 name of a cell: spreadsheet row `row` (0 = the heading row), column `column` (0 = A).
[[nodiscard]] std::string cell_name(std::size_t row, std::size_t column);
/// The A1 name of data row `data_row`'s cell in `column`.
[[nodiscard]] std::string data_cell(std::size_t data_row, std::size_t column);
/// A reference to a data cell of another sheet: "'Bas'!C2".
[[nodiscard]] std::string sheet_cell_ref(const std::string& sheet_name, std::size_t data_row, std::size_t column);
/// "=SUM(C2:C5,C7)": the cells of `column` in `data_rows` (ascending), runs as ranges.
[[nodiscard]] std::string sum_of_rows(std::span<const std::size_t> data_rows, std::size_t column);
/// "=SUM(C2:H2,J2)": the cells of `data_row` in `columns` (ascending), runs as ranges.
[[nodiscard]] std::string sum_of_columns(std::size_t data_row, std::span<const std::size_t> columns);

/// An amount as an exact plain decimal in `in`: "166730" when whole, else "166730.5" (kronor
/// keep two decimals: "166730.50").
[[nodiscard]] std::string plain_in(money amount, unit in);
/// An amount in Swedish form in `in` without the unit symbol: "845 154", "860,5".
[[nodiscard]] std::string swedish_in(money amount, unit in);
/// A plain decimal ("146197", "34.8", "-3.25") in Swedish form ("146 197", "34,8"); other
/// text (a fraction "100/3") unchanged.
[[nodiscard]] std::string swedish_decimal(const std::string& plain);

/// The rows of `table` marked for CSV, under the keys of its CSV columns, in `convention`.
[[nodiscard]] std::string render_csv(const sheet& table, csv_convention convention);
/// The sheets marked for Markdown: each a heading, an aligned pipe table (numbers right
/// aligned, in Swedish form) and its notes.
[[nodiscard]] std::string render_markdown(std::span<const sheet> sheets);

} // namespace ku::detail
