// Reports as .xlsx workbooks through libxlsxwriter: numbers as numbers, sums as formulas.

#include "ku/io/xlsx.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include <xlsxwriter.h>

#include "ku/core/detail/scanner.hpp"
#include "ku/io/output_file.hpp"
#include "ku/io/render.hpp"

namespace ku {

namespace {

/// A decimal value mantissa × 10^exponent with no trailing zeros in the mantissa (0 is 0 × 10^0).
struct decimal_value {
    int128 mantissa = 0;
    int exponent = 0;
    friend bool operator==(const decimal_value&, const decimal_value&) = default;
};

/// Reads "-12.34", "845154", "1.5E-05"; none for anything else or more than 36 significant digits.
std::optional<decimal_value> parse_decimal(std::string_view text)
{
    decimal_value value;
    std::size_t i = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (negative || (!text.empty() && text[0] == '+')) {
        ++i;
    }
    int significant = 0;
    bool any_digit = false;
    bool after_point = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.' && !after_point) {
            after_point = true;
            continue;
        }
        if (c < '0' || c > '9') {
            break;
        }
        any_digit = true;
        if (after_point) {
            --value.exponent;
        }
        if (value.mantissa == 0 && c == '0') {
            continue;
        }
        if (++significant > 36) {
            return std::nullopt;
        }
        value.mantissa = value.mantissa * 10 + (c - '0');
    }
    if (!any_digit) {
        return std::nullopt;
    }
    if (i < text.size()) {
        if (text[i] != 'e' && text[i] != 'E') {
            return std::nullopt;
        }
        int exponent = 0;
        const char* first = text.data() + i + 1;
        if (first < text.data() + text.size() && *first == '+') {
            ++first;
        }
        const auto [end, error] = std::from_chars(first, text.data() + text.size(), exponent);
        if (error != std::errc{} || end != text.data() + text.size()) {
            return std::nullopt;
        }
        value.exponent += exponent;
    }
    if (value.mantissa == 0) {
        return decimal_value{};
    }
    while (value.mantissa % 10 == 0) {
        value.mantissa /= 10;
        ++value.exponent;
    }
    if (negative) {
        value.mantissa = -value.mantissa;
    }
    return value;
}

/// The double for the exact decimal `plain`, when it reads back as exactly `plain`: its
/// shortest round-trip form (what a correct reader, such as Python or openpyxl, shows) is
/// `plain`, and the 16-digit text libxlsxwriter writes into the file reads back as the same
/// double. Throws ku::overflow_error naming `where` and `shown` otherwise.
double exact_double(const std::string& plain, std::string_view where, const std::string& shown)
{
    const auto refuse = [&](std::string_view why) {
        return overflow_error(std::string{where} + ": " + shown + " cannot be stored exactly as a number in an .xlsx "
                              "workbook (an IEEE double): " + std::string{why});
    };
    double value = 0;
    const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (error != std::errc{} || end != plain.data() + plain.size()) {
        throw refuse("it is beyond the range of a double");
    }
    std::array<char, 64> shortest{};
    const auto shortest_end = std::to_chars(shortest.data(), shortest.data() + shortest.size(), value).ptr;
    const auto read_back = parse_decimal(std::string_view{shortest.data(), shortest_end});
    const auto wanted = parse_decimal(plain);
    if (!read_back || !wanted || *read_back != *wanted) {
        throw refuse("it would read back as " + std::string{shortest.data(), shortest_end});
    }
    std::array<char, 64> written{};
    const auto written_end =
        std::to_chars(written.data(), written.data() + written.size(), value, std::chars_format::general, 16).ptr;
    double from_file = 0;
    const auto parsed = std::from_chars(written.data(), written_end, from_file);
    if (parsed.ec != std::errc{} || from_file != value) {
        throw refuse("the 16 digits written into the file, " + std::string{written.data(), written_end} +
                     ", would read back as another number");
    }
    return value;
}

/// How many decimals a plain decimal text has ("860.5" has 1).
int decimals_of(const std::string& plain)
{
    const auto point = plain.find('.');
    return point == std::string::npos ? 0 : static_cast<int>(plain.size() - point - 1);
}

/// A cell's value as prepared for the workbook.
struct prepared_cell {
    double number = 0;
    int decimals = 0;
};

/// Every number of every sheet converted and checked before anything is written.
using prepared_sheet = std::vector<std::vector<std::optional<prepared_cell>>>;

prepared_sheet prepare(const sheet& table)
{
    prepared_sheet out(table.rows.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out[r].resize(table.columns.size());
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const sheet_cell& cell = table.rows[r].cells[c];
            const std::string where = table.name + "!" + data_cell(r, c) + " (" + table.columns[c].label + ")";
            if (cell.type == sheet_cell::kind::amount) {
                const unit in = table.columns[c].unit;
                const std::string plain = plain_in(cell.amount, in);
                out[r][c] = prepared_cell{xlsx_number(cell.amount, in, where), decimals_of(plain)};
            } else if (cell.type == sheet_cell::kind::number) {
                const std::string& plain = cell.approximate.empty() ? cell.text : cell.approximate;
                out[r][c] = prepared_cell{exact_double(plain, where, plain), decimals_of(plain)};
            }
        }
    }
    return out;
}

/// The Swedish display width of a cell, for the column width.
std::size_t display_width(const sheet_column& column, const sheet_cell& cell)
{
    switch (cell.type) {
    case sheet_cell::kind::empty:
        return 0;
    case sheet_cell::kind::text:
        return detail::scanner::code_points(cell.text);
    case sheet_cell::kind::amount:
        return swedish_in(cell.amount, column.unit).size();
    case sheet_cell::kind::number:
        return swedish_decimal(cell.approximate.empty() ? cell.text : cell.approximate).size() +
               (column.kind == column_kind::percent ? 2 : 0);
    }
    return 0;
}

/// The number format of a column: "#,##0" (shown "845 154" in Swedish), "#,##0.00", `0" %"`.
std::string number_format(column_kind kind, int decimals)
{
    const std::string fraction = decimals > 0 ? "." + std::string(static_cast<std::size_t>(decimals), '0') : "";
    return kind == column_kind::percent ? "0" + fraction + "\" %\"" : "#,##0" + fraction;
}

/// A workbook being written: owns it until closed, makes each format once.
class workbook {
public:
    workbook(const std::filesystem::path& file, const std::filesystem::path& shown_as)
        : shown_as_{shown_as}, book_{workbook_new(file.c_str()), &lxw_workbook_free}
    {
        if (!book_) {
            throw error("cannot write " + shown_as_.string() + ": libxlsxwriter could not start a workbook");
        }
    }

    void set_title(const std::string& title)
    {
        title_ = title;
        author_ = "ku";
        lxw_doc_properties properties{};
        properties.title = title_.data();
        properties.author = author_.data();
        check(workbook_set_properties(book_.get(), &properties), "the document properties");
    }

    void add(const sheet& table, const prepared_sheet& values)
    {
        lxw_worksheet* ws = workbook_add_worksheet(book_.get(), table.name.c_str());
        if (ws == nullptr) {
            throw error("cannot write " + shown_as_.string() + ": cannot add the sheet \"" + table.name + "\"");
        }
        const std::size_t column_count = table.columns.size();
        std::vector<int> decimals(column_count, 0);
        std::vector<std::size_t> widths(column_count, 0);
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            for (std::size_t c = 0; c < column_count; ++c) {
                if (values[r][c]) {
                    decimals[c] = std::max(decimals[c], std::min(values[r][c]->decimals, 10));
                }
                widths[c] = std::max(widths[c], display_width(table.columns[c], table.rows[r].cells[c]));
            }
        }
        std::size_t heading_lines = 1;
        for (std::size_t c = 0; c < column_count; ++c) {
            const sheet_column& column = table.columns[c];
            const std::size_t label = detail::scanner::code_points(column.label);
            const std::size_t width = std::max<std::size_t>(
                column.kind == column_kind::text
                    ? std::min<std::size_t>(std::max(widths[c], std::min<std::size_t>(label, 40)), 60) + 2
                    : std::max(widths[c] + 2, std::min<std::size_t>(label + 2, 16)),
                6);
            heading_lines = std::max(heading_lines, (label + width - 3) / (width - 2));
            check(worksheet_set_column(ws, col(c), col(c), static_cast<double>(width), nullptr), "a column width");
            check(worksheet_write_string(ws, 0, col(c), column.label.c_str(), format("heading", {}, false)),
                  table.name + "!" + cell_name(0, c));
        }
        check(worksheet_set_row(ws, 0, 15.0 * static_cast<double>(std::min<std::size_t>(heading_lines, 6)), nullptr),
              "the heading row");
        worksheet_freeze_panes(ws, 1, col(table.frozen_columns));

        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const bool bold = table.rows[r].role == row_role::total;
            for (std::size_t c = 0; c < column_count; ++c) {
                const sheet_cell& cell = table.rows[r].cells[c];
                const std::string where = table.name + "!" + data_cell(r, c);
                const auto row = static_cast<lxw_row_t>(r + 1);
                if (cell.type == sheet_cell::kind::text) {
                    check(worksheet_write_string(ws, row, col(c), cell.text.c_str(), format("text", {}, bold)), where);
                } else if (values[r][c]) {
                    lxw_format* style = format("number", number_format(table.columns[c].kind, decimals[c]), bold);
                    if (cell.formula.empty()) {
                        check(worksheet_write_number(ws, row, col(c), values[r][c]->number, style), where);
                    } else {
                        check(worksheet_write_formula_num(ws, row, col(c), cell.formula.c_str(), style,
                                                          values[r][c]->number),
                              where);
                    }
                }
            }
        }
        std::size_t next_row = table.rows.size() + 2;
        if (table.rows.empty()) {
            check(worksheet_write_string(ws, 1, 0, table.empty_text.c_str(), nullptr), table.name + "!A2");
            next_row = 3;
        }
        for (const std::string& note : table.notes) {
            check(worksheet_write_string(ws, static_cast<lxw_row_t>(next_row), 0, note.c_str(),
                                         format("note", {}, false)),
                  table.name + "!" + cell_name(next_row, 0));
            ++next_row;
        }
        if (table.chart) {
            add_chart(ws, table, *table.chart, next_row + 1);
        }
    }

    /// Writes the file; the workbook is gone afterwards, whatever the result.
    void close()
    {
        const lxw_error result = workbook_close(book_.release());
        if (result != LXW_NO_ERROR) {
            throw error("cannot write " + shown_as_.string() + ": " + lxw_strerror(result));
        }
    }

private:
    static lxw_col_t col(std::size_t c) { return static_cast<lxw_col_t>(c); }

    void check(lxw_error result, const std::string& what) const
    {
        if (result != LXW_NO_ERROR) {
            throw error("cannot write " + shown_as_.string() + " (" + what + "): " + lxw_strerror(result));
        }
    }

    /// The format of one kind of cell, made once.
    lxw_format* format(const std::string& role, const std::string& numbers, bool bold)
    {
        const std::string key = role + "|" + numbers + "|" + (bold ? "b" : "");
        if (const auto found = formats_.find(key); found != formats_.end()) {
            return found->second;
        }
        lxw_format* made = workbook_add_format(book_.get());
        if (made == nullptr) {
            throw error("cannot write " + shown_as_.string() + ": cannot add a cell format");
        }
        if (role == "heading") {
            format_set_bold(made);
            format_set_text_wrap(made);
            format_set_align(made, LXW_ALIGN_VERTICAL_TOP);
            format_set_bottom(made, LXW_BORDER_THIN);
        } else if (role == "note") {
            format_set_italic(made);
        }
        if (!numbers.empty()) {
            format_set_num_format(made, numbers.c_str());
        }
        if (bold) {
            format_set_bold(made);
            format_set_top(made, LXW_BORDER_THIN);
        }
        formats_.emplace(key, made);
        return made;
    }

    /// The sheet's bar chart: one series of `value_column`, or one series per stacked column
    /// (a stacked bar chart with a legend).
    void add_chart(lxw_worksheet* ws, const sheet& table, const sheet_chart& spec, std::size_t at_row)
    {
        lxw_chart* chart = workbook_add_chart(book_.get(), spec.stacked() ? LXW_CHART_BAR_STACKED : LXW_CHART_BAR);
        if (chart == nullptr) {
            throw error("cannot write " + shown_as_.string() + ": cannot add a chart");
        }
        const auto first = static_cast<lxw_row_t>(spec.first_row + 1);
        const auto last = static_cast<lxw_row_t>(spec.last_row + 1);
        for (const std::size_t column : spec.series_columns()) {
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            if (series == nullptr) {
                throw error("cannot write " + shown_as_.string() + ": cannot add a chart series");
            }
            chart_series_set_categories(series, table.name.c_str(), first, col(spec.category_column), last,
                                        col(spec.category_column));
            chart_series_set_values(series, table.name.c_str(), first, col(column), last, col(column));
            chart_series_set_name(series, table.columns[column].label.c_str());
        }
        if (spec.stacked()) {
            chart_set_series_gap(chart, 50); // one bar per row: wider bars
        }
        chart_title_set_name(chart, spec.title.c_str());
        chart_legend_set_position(chart, spec.stacked() ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
        const sheet_column& values = table.columns[spec.series_columns().front()];
        chart_axis_set_num_format(chart->x_axis, values.kind == column_kind::percent ? "0\" %\"" : "#,##0");
        chart_axis_set_reverse(chart->y_axis); // the first kommun on top, as in the table
        lxw_chart_options options{};
        options.x_scale = 2.0;
        options.y_scale = spec.stacked() ? 2.2 : 1.6;
        check(worksheet_insert_chart_opt(ws, static_cast<lxw_row_t>(at_row), 0, chart, &options), "the chart");
    }

    std::filesystem::path shown_as_;
    std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> book_;
    std::map<std::string, lxw_format*> formats_;
    std::string title_;
    std::string author_;
};

/// Checks every number, then writes the sheets into `path` atomically.
void write_workbook(const std::vector<sheet>& sheets, const std::string& title, const std::filesystem::path& path)
{
    std::vector<prepared_sheet> values;
    for (const sheet& table : sheets) {
        values.push_back(prepare(table));
    }
    detail::write_atomically(path, [&](const std::filesystem::path& temporary) {
        workbook book{temporary, path};
        book.set_title(title);
        for (std::size_t i = 0; i < sheets.size(); ++i) {
            book.add(sheets[i], values[i]);
        }
        book.close();
    });
}

} // namespace

double xlsx_number(money amount, unit in, std::string_view where)
{
    constexpr std::int64_t limit = std::int64_t{1} << 53;
    const std::string shown = format_swedish(amount, {.in = in, .decimals = {}, .rounding = rounding_mode::half_up,
                                                      .show_unit = true});
    if (amount.in_ore() >= limit || amount.in_ore() <= -limit) {
        throw overflow_error(std::string{where} + ": " + shown + " cannot be stored exactly as a number in an .xlsx "
                             "workbook (an IEEE double): amounts must be below 2^53 öre");
    }
    return exact_double(plain_in(amount, in), where, shown);
}

void write_xlsx(const report& document, const std::filesystem::path& path)
{
    write_workbook(document.sheets, document.title, path);
}

} // namespace ku
