#pragma once
/// @file
/// The table model every output format renders: a report is a title and its sheets; a sheet
/// has typed columns (text, money in a unit, an exact number, a percent), rows of typed cells
/// (data, internal or total rows), notes, and optionally a chart. Text, CSV, Markdown, JSON,
/// .xlsx and HTML render any report (ku/io/render.hpp, ku/io/xlsx.hpp, ku/io/html.hpp) and
/// know no domain type; each result type has one function that turns it into a report
/// (ku/io/tables.hpp).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ku/core/money.hpp"

namespace ku {

/// What a column holds, which decides how its cells are written and aligned.
enum class column_kind : std::uint8_t {
    text,    ///< names, codes, notes: left aligned
    amount,  ///< money, written in the column's unit
    number,  ///< an exact decimal that is not money: a count, a weight, a quota
    percent, ///< an exact decimal in percent points ("34.8" is 34,8 %)
};

/// One column: its CSV name, its Swedish heading (with the unit) and what it holds.
struct sheet_column {
    std::string key;                  ///< the CSV and JSON name ("code", "Summa")
    std::string label;                ///< the Swedish heading ("Kod", "Belopp (kr)")
    column_kind kind = column_kind::text; ///< what the cells hold
    ku::unit unit = ku::unit::kr;     ///< the unit amounts are written in
    bool in_csv = true;               ///< written by the CSV writers
};

/// One cell. Its value is what every format shows; an .xlsx workbook writes `formula` (when
/// given) with that value as the cached result, so a reader can check it.
struct sheet_cell {
    /// What the cell holds.
    enum class kind : std::uint8_t { empty, text, amount, number };
    kind type = kind::empty; ///< which of the fields below holds the value
    std::string text;        ///< the text; for a number its exact plain decimal ("34.8", "100/3")
    std::string csv_text;    ///< for text: what CSV and JSON write instead, when not empty (a machine name)
    money amount{};          ///< for an amount
    std::string formula;     ///< for .xlsx: a formula ("=SUM(C2:C14)") whose value is this cell's
    std::string approximate; ///< for .xlsx: the decimal written when `text` has no finite decimal form

    /// A text cell (and, optionally, what CSV and JSON write instead).
    [[nodiscard]] static sheet_cell of_text(std::string text, std::string csv_text = {})
    {
        sheet_cell cell;
        cell.type = kind::text;
        cell.text = std::move(text);
        cell.csv_text = std::move(csv_text);
        return cell;
    }
    /// An amount, optionally computed by a formula in .xlsx.
    [[nodiscard]] static sheet_cell of_amount(money amount, std::string formula = {})
    {
        sheet_cell cell;
        cell.type = kind::amount;
        cell.amount = amount;
        cell.formula = std::move(formula);
        return cell;
    }
    /// An optional amount: blank when none.
    [[nodiscard]] static sheet_cell of_amount(const std::optional<money>& amount)
    {
        return amount ? of_amount(*amount) : sheet_cell{};
    }
    /// An exact decimal number ("6809", "34.8"), optionally computed by a formula in .xlsx.
    [[nodiscard]] static sheet_cell of_number(std::string plain, std::string formula = {})
    {
        sheet_cell cell;
        cell.type = kind::number;
        cell.text = std::move(plain);
        cell.formula = std::move(formula);
        return cell;
    }
};

/// What a row is: the text formats rule off total rows, .xlsx writes them bold.
enum class row_role : std::uint8_t {
    data,     ///< an area, a kommun, a fee, a finding
    internal, ///< internal financing, counted once
    total,    ///< a sum of other rows
};

/// One row of cells, as wide as the sheet's columns.
struct sheet_row {
    std::vector<sheet_cell> cells;  ///< one per column
    row_role role = row_role::data; ///< data, internal or total
    bool in_csv = true; ///< written by the CSV writers (a derived row is not)
};

/// A bar chart against the names in one column, over a run of data rows: one bar per row of
/// `value_column`, or, when `stacked_columns` is given, one bar per row stacked from those
/// columns (a fee per segment, a source of financing per segment).
struct sheet_chart {
    std::string title;               ///< the chart's title
    std::size_t category_column = 0; ///< the column of the names on the axis
    std::size_t value_column = 0;    ///< the column of the bars (when `stacked_columns` is empty)
    std::size_t first_row = 0; ///< data row index
    std::size_t last_row = 0;  ///< data row index, inclusive
    std::vector<std::size_t> stacked_columns; ///< the columns stacked in each bar, in order; empty: one column

    /// The columns drawn: `stacked_columns`, or `value_column` alone.
    [[nodiscard]] std::vector<std::size_t> series_columns() const
    {
        return stacked_columns.empty() ? std::vector<std::size_t>{value_column} : stacked_columns;
    }
    /// Whether each bar is stacked from several columns.
    [[nodiscard]] bool stacked() const { return !stacked_columns.empty(); }
};

/// A table: a worksheet in .xlsx, a table under a heading in text and Markdown, an object in
/// JSON, the rows of a CSV file. Data row i is spreadsheet row i + 2: row 1 holds the headings.
struct sheet {
    std::string name;  ///< the worksheet name (at most 31 characters)
    std::string title; ///< the heading
    std::vector<sheet_column> columns; ///< left to right
    std::vector<sheet_row> rows;       ///< top to bottom, under the headings
    std::size_t frozen_columns = 0;  ///< columns kept in view beside the frozen heading row
    std::vector<std::string> notes;  ///< footnotes: lines shown under the table
    std::optional<sheet_chart> chart; ///< a bar chart (.xlsx and HTML)
    std::string empty_text;          ///< shown instead of the table when it has no rows
    std::string blank;                ///< what text and Markdown show for an empty number cell ("–")
    bool in_text = true;             ///< shown by text and Markdown (a sheet a formula refers to may not be)
};

/// A result as tables: its title (a workbook's title, a document's) and its sheets, with the
/// one sheet that CSV, which holds a single table, writes.
struct report {
    std::string title;         ///< the workbook's and the document's title
    std::vector<sheet> sheets; ///< in order
    std::size_t csv_sheet = 0; ///< index into `sheets`
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

/// An amount as an exact plain decimal in `in`, as CSV and JSON write it: "166730" when
/// whole, else "166730.5" (kronor keep two decimals: "166730.50").
[[nodiscard]] std::string plain_in(money amount, unit in);
/// An amount in Swedish form in `in` without the unit symbol, as text and Markdown write it:
/// "845 154", "860,5".
[[nodiscard]] std::string swedish_in(money amount, unit in);
/// A plain decimal ("146197", "34.8", "-3.25") in Swedish form ("146 197", "34,8"); other
/// text (a fraction "100/3") unchanged.
[[nodiscard]] std::string swedish_decimal(const std::string& plain);
/// What text, Markdown and HTML show for a cell of `column` in `table`: amounts in Swedish form
/// in the column's unit ("845 154"), numbers in Swedish form, percents with " %" ("34,8 %"),
/// text as it is, the sheet's blank for an empty number cell.
[[nodiscard]] std::string shown_value(const sheet& table, const sheet_column& column, const sheet_cell& cell);

} // namespace ku
