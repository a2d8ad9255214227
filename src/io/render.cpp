// Tables of typed cells rendered as CSV (both conventions) and Markdown.

#include "sheet.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "ku/core/detail/scanner.hpp"

namespace ku::detail {

namespace {

/// The number of decimal digits one unit has in öre: kr 2, tkr 5, mnkr 8.
int unit_digits(unit in)
{
    int digits = 0;
    for (std::int64_t per = ore_per(in); per > 1; per /= 10) {
        ++digits;
    }
    return digits;
}

/// Display width in characters (code points).
std::size_t width(const std::string& text) { return scanner::code_points(text); }

/// Whether `text` is a plain decimal: an optional '-', digits, optionally '.' and digits.
bool is_plain_decimal(const std::string& text)
{
    std::size_t i = text.starts_with('-') ? 1 : 0;
    const std::size_t digits_start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        ++i;
    }
    if (i == digits_start) {
        return false;
    }
    if (i == text.size()) {
        return true;
    }
    if (text[i] != '.' || i + 1 == text.size()) {
        return false;
    }
    for (++i; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    return true;
}

/// "12.5" with the decimal comma of the Swedish convention.
std::string with_decimal_comma(std::string text)
{
    if (is_plain_decimal(text)) {
        std::ranges::replace(text, '.', ',');
    }
    return text;
}

/// A CSV field, quoted when it holds the separator, a quote or a line break.
std::string csv_field(const std::string& text, char separator)
{
    if (text.find_first_of(std::string{separator} + "\"\n\r") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c == '"' ? std::string{"\"\""} : std::string{c};
    }
    return quoted + "\"";
}

/// A Markdown table cell: pipes escaped, line breaks as spaces.
std::string markdown_text(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n' || c == '\r') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

bool is_numeric(column_kind kind) { return kind != column_kind::text; }

/// What Markdown shows for a cell.
std::string markdown_value(const sheet& table, const sheet_column& column, const sheet_cell& cell)
{
    switch (cell.type) {
    case sheet_cell::kind::empty:
        return column.kind == column_kind::text ? std::string{} : table.markdown_blank;
    case sheet_cell::kind::text:
        return markdown_text(cell.text);
    case sheet_cell::kind::amount:
        return swedish_in(cell.amount, column.unit);
    case sheet_cell::kind::number:
        return markdown_text(swedish_decimal(cell.text)) + (column.kind == column_kind::percent ? " %" : "");
    }
    return {};
}

} // namespace

sheet_cell sheet_cell::of_text(std::string text, std::string csv_text)
{
    sheet_cell cell;
    cell.type = kind::text;
    cell.text = std::move(text);
    cell.csv_text = std::move(csv_text);
    return cell;
}

sheet_cell sheet_cell::of_amount(money amount, std::string formula)
{
    sheet_cell cell;
    cell.type = kind::amount;
    cell.amount = amount;
    cell.formula = std::move(formula);
    return cell;
}

sheet_cell sheet_cell::of_amount(const std::optional<money>& amount)
{
    return amount ? of_amount(*amount) : sheet_cell{};
}

sheet_cell sheet_cell::of_number(std::string plain, std::string formula)
{
    sheet_cell cell;
    cell.type = kind::number;
    cell.text = std::move(plain);
    cell.formula = std::move(formula);
    return cell;
}

std::string cell_name(std::size_t row, std::size_t column)
{
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters + std::to_string(row + 1);
}

std::string data_cell(std::size_t data_row, std::size_t column) { return cell_name(data_row + 1, column); }

std::string sheet_cell_ref(const std::string& sheet_name, std::size_t data_row, std::size_t column)
{
    std::string quoted = "'";
    for (const char c : sheet_name) {
        quoted += c == '\'' ? std::string{"''"} : std::string{c};
    }
    return quoted + "'!" + data_cell(data_row, column);
}

namespace {

/// "=SUM(a,b:c)" over runs of consecutive indices, each run named by `range(first, last)`.
template <typename Range>
std::string sum_of_runs(std::span<const std::size_t> indices, Range range)
{
    if (indices.empty()) {
        return "=0";
    }
    std::string out = "=SUM(";
    for (std::size_t i = 0; i < indices.size();) {
        std::size_t j = i;
        while (j + 1 < indices.size() && indices[j + 1] == indices[j] + 1) {
            ++j;
        }
        out += (i == 0 ? "" : ",") + range(indices[i], indices[j]);
        i = j + 1;
    }
    return out + ")";
}

} // namespace

std::string sum_of_rows(std::span<const std::size_t> data_rows, std::size_t column)
{
    return sum_of_runs(data_rows, [&](std::size_t first, std::size_t last) {
        return first == last ? data_cell(first, column) : data_cell(first, column) + ":" + data_cell(last, column);
    });
}

std::string sum_of_columns(std::size_t data_row, std::span<const std::size_t> columns)
{
    return sum_of_runs(columns, [&](std::size_t first, std::size_t last) {
        return first == last ? data_cell(data_row, first) : data_cell(data_row, first) + ":" + data_cell(data_row, last);
    });
}

std::string plain_in(money amount, unit in)
{
    const std::int64_t per = ore_per(in);
    const int128 ore = amount.in_ore();
    const int128 magnitude = ore < 0 ? -ore : ore;
    std::string whole;
    for (int128 n = magnitude / per; whole.empty() || n != 0; n /= 10) {
        whole.insert(whole.begin(), static_cast<char>('0' + static_cast<int>(n % 10)));
    }
    std::string text = (ore < 0 ? "-" : "") + whole;
    int128 fraction = magnitude % per;
    if (fraction == 0) {
        return text;
    }
    std::string digits(static_cast<std::size_t>(unit_digits(in)), '0');
    for (auto i = digits.size(); i-- > 0; fraction /= 10) {
        digits[i] = static_cast<char>('0' + static_cast<int>(fraction % 10));
    }
    if (in != unit::kr) {
        while (digits.ends_with('0')) {
            digits.pop_back();
        }
    }
    return text + "." + digits;
}

std::string swedish_in(money amount, unit in)
{
    return format_swedish(amount, {.in = in, .decimals = {}, .rounding = rounding_mode::half_up, .show_unit = false});
}

std::string swedish_decimal(const std::string& plain)
{
    if (!is_plain_decimal(plain)) {
        return plain;
    }
    const bool negative = plain.starts_with('-');
    const std::size_t point = plain.find('.');
    const std::string whole = plain.substr(negative ? 1 : 0, point == std::string::npos ? std::string::npos
                                                                                       : point - (negative ? 1 : 0));
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) {
            grouped += ' ';
        }
        grouped += whole[i];
    }
    return (negative ? "-" : "") + grouped + (point == std::string::npos ? "" : "," + plain.substr(point + 1));
}

std::string render_csv(const sheet& table, csv_convention convention)
{
    const bool swedish = convention == csv_convention::swedish;
    const char separator = swedish ? ';' : ',';
    // Excel reads a CSV file as UTF-8 only when it starts with a byte order mark.
    std::string out = swedish ? "\xEF\xBB\xBF" : "";
    std::string line;
    for (const sheet_column& column : table.columns) {
        if (column.in_csv) {
            line += (line.empty() ? "" : std::string{separator}) + csv_field(column.key, separator);
        }
    }
    out += line + "\n";
    for (const sheet_row& row : table.rows) {
        if (!row.in_csv) {
            continue;
        }
        line.clear();
        bool first = true;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const sheet_column& column = table.columns[c];
            if (!column.in_csv) {
                continue;
            }
            const sheet_cell& cell = row.cells[c];
            std::string field;
            switch (cell.type) {
            case sheet_cell::kind::empty:
                break;
            case sheet_cell::kind::text:
                field = csv_field(cell.csv_text.empty() ? cell.text : cell.csv_text, separator);
                break;
            case sheet_cell::kind::amount:
                field = column.csv_two_decimals ? format_plain(cell.amount) : plain_in(cell.amount, column.unit);
                break;
            case sheet_cell::kind::number:
                field = cell.text;
                break;
            }
            if (swedish && cell.type != sheet_cell::kind::text) {
                field = with_decimal_comma(std::move(field));
            }
            line += (first ? "" : std::string{separator}) + field;
            first = false;
        }
        out += line + "\n";
    }
    return out;
}

std::string render_markdown(std::span<const sheet> sheets)
{
    std::string out;
    for (const sheet& table : sheets) {
        if (!table.in_markdown) {
            continue;
        }
        if (!out.empty()) {
            out += "\n";
        }
        out += "## " + markdown_text(table.title) + "\n\n";
        if (table.rows.empty()) {
            out += table.empty_text + "\n";
        } else {
            std::vector<std::vector<std::string>> lines;
            std::vector<std::string> heading;
            for (const sheet_column& column : table.columns) {
                heading.push_back(markdown_text(column.label));
            }
            lines.push_back(std::move(heading));
            for (const sheet_row& row : table.rows) {
                std::vector<std::string> line;
                for (std::size_t c = 0; c < table.columns.size(); ++c) {
                    line.push_back(markdown_value(table, table.columns[c], row.cells[c]));
                }
                lines.push_back(std::move(line));
            }
            std::vector<std::size_t> widths(table.columns.size(), 3);
            for (const auto& line : lines) {
                for (std::size_t c = 0; c < line.size(); ++c) {
                    widths[c] = std::max(widths[c], width(line[c]));
                }
            }
            const auto write_line = [&](const std::vector<std::string>& line) {
                out += "|";
                for (std::size_t c = 0; c < line.size(); ++c) {
                    const std::string padding(widths[c] - width(line[c]), ' ');
                    out += " " + (is_numeric(table.columns[c].kind) ? padding + line[c] : line[c] + padding) + " |";
                }
                out += "\n";
            };
            write_line(lines.front());
            out += "|";
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                const std::string dashes(widths[c] - 1, '-');
                out += " " + (is_numeric(table.columns[c].kind) ? dashes + ":" : ":" + dashes) + " |";
            }
            out += "\n";
            for (std::size_t i = 1; i < lines.size(); ++i) {
                write_line(lines[i]);
            }
        }
        for (const std::string& note : table.notes) {
            out += "\n" + markdown_text(note) + "\n";
        }
    }
    return out;
}

} // namespace ku::detail
