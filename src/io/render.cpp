// Any report rendered as text, CSV (both conventions), Markdown and JSON; the formulas and
// number text of the table model.

#include "ku/io/render.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <gsl/assert>

#include <nlohmann/json.hpp>

#include "ku/core/decimal_text.hpp"
#include "ku/core/detail/scanner.hpp"
#include "ku/core/error.hpp"
#include "ku/core/detail/name_list.hpp"
#include "ku/io/html.hpp"

namespace ku {

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
std::size_t width(const std::string& text) { return detail::scanner::code_points(text); }

/// "12.5" with the decimal comma of the Swedish convention.
std::string with_decimal_comma(const std::string& text) { return restyle_decimal(text, {.point = ','}); }

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

/// What Markdown shows for a cell: its shown value with pipes escaped.
std::string markdown_value(const sheet& table, const sheet_column& column, const sheet_cell& cell)
{
    return markdown_text(shown_value(table, column, cell));
}

/// The headings and the shown values of every row of `table`, and each column's width.
struct shown_table {
    std::vector<std::vector<std::string>> lines; ///< the headings, then one line per row
    std::vector<std::size_t> widths;
};

shown_table shown(const sheet& table, std::size_t minimum_width,
                  std::string (*value)(const sheet&, const sheet_column&, const sheet_cell&),
                  std::string (*label)(const std::string&))
{
    shown_table out;
    std::vector<std::string> heading;
    for (const sheet_column& column : table.columns) {
        heading.push_back(label(column.label));
    }
    out.lines.push_back(std::move(heading));
    for (const sheet_row& row : table.rows) {
        Expects(row.cells.size() == table.columns.size());
        std::vector<std::string> line;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            line.push_back(value(table, table.columns[c], row.cells[c]));
        }
        out.lines.push_back(std::move(line));
    }
    out.widths.assign(table.columns.size(), minimum_width);
    for (const auto& line : out.lines) {
        for (std::size_t c = 0; c < line.size(); ++c) {
            out.widths[c] = std::max(out.widths[c], width(line[c]));
        }
    }
    return out;
}

std::string as_is(const std::string& text) { return text; }

/// A heading over two lines, split at the space that leaves the longer line shortest
/// ("Utbetalt till länets kommuner (tkr)" → "Utbetalt till länets" / "kommuner (tkr)"); a
/// heading without a space stays whole on the second line, and a percent sign stays with its number.
std::array<std::string, 2> two_lines(const std::string& heading)
{
    std::array<std::string, 2> best{"", heading};
    std::size_t best_width = width(heading);
    for (std::size_t space = heading.find(' '); space != std::string::npos; space = heading.find(' ', space + 1)) {
        if (heading.compare(space + 1, 1, "%") == 0) {
            continue; // "15 %" stays on one line
        }
        std::array<std::string, 2> split{heading.substr(0, space), heading.substr(space + 1)};
        const std::size_t split_width = std::max(width(split[0]), width(split[1]));
        if (split_width < best_width) {
            best = std::move(split);
            best_width = split_width;
        }
    }
    return best;
}

/// The JSON name of a column kind and of a row role.
std::string_view json_name(column_kind kind)
{
    switch (kind) {
    case column_kind::text: return "text";
    case column_kind::amount: return "amount";
    case column_kind::number: return "number";
    case column_kind::percent: return "percent";
    }
    return "?";
}

std::string_view json_name(row_role role)
{
    switch (role) {
    case row_role::data: return "data";
    case row_role::internal: return "internal";
    case row_role::total: return "total";
    }
    return "?";
}

} // namespace

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
    // A whole amount has no point; otherwise kronor keep both öre digits, other units only the
    // ones needed ("12.50" kr, "12.5" tkr).
    return decimal_text(amount.in_ore(), unit_digits(in), {.trim_zeros = amount.is_whole(in) || in != unit::kr});
}

std::string swedish_in(money amount, unit in)
{
    return format_swedish(amount, {.in = in, .decimals = {}, .rounding = rounding_mode::half_up, .show_unit = false});
}

std::string swedish_decimal(const std::string& plain) { return restyle_decimal(plain, decimal_style::swedish()); }

std::string shown_value(const sheet& table, const sheet_column& column, const sheet_cell& cell)
{
    switch (cell.type) {
    case sheet_cell::kind::empty:
        return column.kind == column_kind::text ? std::string{} : table.blank;
    case sheet_cell::kind::text:
        return cell.text;
    case sheet_cell::kind::amount:
        return swedish_in(cell.amount, column.unit);
    case sheet_cell::kind::number:
        return swedish_decimal(cell.text) + (column.kind == column_kind::percent ? " %" : "");
    }
    return {};
}

std::string render_csv(const report& document, csv_convention convention)
{
    Expects(document.csv_sheet < document.sheets.size());
    const sheet& table = document.sheets[document.csv_sheet];
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
                field = plain_in(cell.amount, column.unit);
                break;
            case sheet_cell::kind::number:
                field = cell.text;
                break;
            }
            if (swedish && cell.type != sheet_cell::kind::text) {
                field = with_decimal_comma(field);
            }
            line += (first ? "" : std::string{separator}) + field;
            first = false;
        }
        out += line + "\n";
    }
    return out;
}

namespace {

/// Every sheet shown in text, a blank line apart: `heading(title)`, a blank line, `table()` or
/// the empty text, then each `note(text)` after a blank line. What text and Markdown share.
template <class Heading, class Table, class Note>
std::string sections(const report& document, Heading heading, Table table_lines, Note note)
{
    std::string out;
    for (const sheet& table : document.sheets) {
        if (!table.in_text) {
            continue;
        }
        if (!out.empty()) {
            out += "\n";
        }
        out += heading(table.title) + "\n\n";
        if (table.rows.empty()) {
            out += table.empty_text.empty() ? "" : table.empty_text + "\n";
        } else {
            out += table_lines(table);
        }
        for (const std::string& text : table.notes) {
            out += "\n" + note(text) + "\n";
        }
    }
    return out;
}

/// One line of aligned cells: text left aligned, numbers right aligned, each padded to its
/// column's width; `before`, `between` and `after` frame the cells.
std::string aligned_line(const sheet& table, const std::vector<std::string>& line,
                         const std::vector<std::size_t>& widths, std::string_view before, std::string_view between,
                         std::string_view after)
{
    std::string text{before};
    for (std::size_t c = 0; c < line.size(); ++c) {
        const std::string padding(widths[c] - width(line[c]), ' ');
        text += (c == 0 ? "" : std::string{between}) +
                (is_numeric(table.columns[c].kind) ? padding + line[c] : line[c] + padding);
    }
    return text + std::string{after};
}

} // namespace

std::string render_markdown(const report& document)
{
    return sections(
        document, [](const std::string& title) { return "## " + markdown_text(title); },
        [](const sheet& table) {
            const shown_table cells = shown(table, 3, markdown_value, markdown_text);
            std::string out = aligned_line(table, cells.lines.front(), cells.widths, "| ", " | ", " |") + "\n|";
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                const std::string dashes(cells.widths[c] - 1, '-');
                out += " " + (is_numeric(table.columns[c].kind) ? dashes + ":" : ":" + dashes) + " |";
            }
            out += "\n";
            for (std::size_t i = 1; i < cells.lines.size(); ++i) {
                out += aligned_line(table, cells.lines[i], cells.widths, "| ", " | ", " |") + "\n";
            }
            return out;
        },
        markdown_text);
}

namespace {

/// `text` cut into lines of at most `limit` characters, at spaces where it can be; a word
/// longer than a line is cut inside (between code points). An empty text is one empty line.
std::vector<std::string> wrapped(const std::string& text, std::size_t limit)
{
    Expects(limit > 0);
    std::vector<std::string> lines;
    std::string line;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t end = text.find(' ', at);
        if (end == std::string::npos) {
            end = text.size();
        }
        std::string word = text.substr(at, end - at);
        at = end + 1;
        while (width(word) > limit) { // a word wider than a line: cut it between code points
            if (!line.empty()) {
                lines.push_back(std::move(line));
                line.clear();
            }
            std::size_t cut = 0;
            for (std::size_t points = 0; cut < word.size() && points < limit; ++points) {
                do {
                    ++cut;
                } while (cut < word.size() && (static_cast<unsigned char>(word[cut]) & 0xC0U) == 0x80U);
            }
            lines.push_back(word.substr(0, cut));
            word.erase(0, cut);
        }
        if (line.empty()) {
            line = std::move(word);
        } else if (width(line) + 1 + width(word) <= limit) {
            line += " " + word;
        } else {
            lines.push_back(std::move(line));
            line = std::move(word);
        }
    }
    lines.push_back(std::move(line));
    return lines;
}

/// `text` wrapped to `limit` (when there is one), its lines joined by line breaks.
std::string wrapped_text(const std::string& text, std::optional<std::size_t> limit)
{
    if (!limit) {
        return text;
    }
    std::string out;
    for (const std::string& line : wrapped(text, *limit)) {
        out += (out.empty() ? "" : "\n") + line;
    }
    return out;
}

/// The width of columns `shown_columns` side by side, two spaces apart.
std::size_t width_of(const std::vector<std::size_t>& widths, const std::vector<std::size_t>& shown_columns)
{
    std::size_t total = 2 * (shown_columns.empty() ? 0 : shown_columns.size() - 1);
    for (const std::size_t c : shown_columns) {
        total += widths[c];
    }
    return total;
}

/// A table as aligned text, each heading over one or two lines. With a `limit`, a table wider
/// than it is fitted: over-wide text columns are wrapped, then the columns are shown in parts
/// ("Del 1 av 3"), each repeating the frozen columns (or the first text column) as row labels.
std::string text_table(const sheet& table, std::optional<std::size_t> limit)
{
    shown_table cells = shown(table, 0, shown_value, as_is);
    const std::size_t count = table.columns.size();
    Expects(count > 0);
    // A heading wider than its column's values goes over two lines; the rest sit on the second.
    std::vector<std::string> upper(count);
    std::vector<std::string> lower = cells.lines.front();
    std::vector<std::size_t> heading_widths(count);
    for (std::size_t c = 0; c < count; ++c) {
        std::size_t values = 0;
        for (std::size_t i = 1; i < cells.lines.size(); ++i) {
            values = std::max(values, width(cells.lines[i][c]));
        }
        if (width(lower[c]) > values) {
            const auto split = two_lines(lower[c]);
            upper[c] = split[0];
            lower[c] = split[1];
            cells.widths[c] = std::max({values, width(upper[c]), width(lower[c])});
        }
        heading_widths[c] = std::max(width(upper[c]), width(lower[c]));
    }

    std::vector<std::size_t> all(count);
    for (std::size_t c = 0; c < count; ++c) {
        all[c] = c;
    }
    std::vector<std::size_t> keys;
    const std::size_t frozen = table.frozen_columns > 0 ? std::min(table.frozen_columns, count)
                               : table.columns.front().kind == column_kind::text && count > 1 ? 1
                                                                                             : 0;
    for (std::size_t c = 0; c < frozen; ++c) {
        keys.push_back(c);
    }
    std::vector<std::vector<std::size_t>> parts;
    if (!limit || width_of(cells.widths, all) <= *limit) {
        parts.push_back(all);
    } else {
        // No text column narrower than its heading or its longest word (up to 20 characters),
        // so words stay whole; numbers are never wrapped.
        std::vector<std::size_t> narrowest(count);
        for (std::size_t c = 0; c < count; ++c) {
            std::size_t longest_word = 0;
            for (std::size_t i = 1; i < cells.lines.size(); ++i) {
                const std::string& text = cells.lines[i][c];
                for (std::size_t at = 0; at <= text.size();) {
                    const std::size_t space = std::min(text.find(' ', at), text.size());
                    longest_word = std::max(longest_word, width(text.substr(at, space - at)));
                    at = space + 1;
                }
            }
            narrowest[c] = is_numeric(table.columns[c].kind)
                               ? cells.widths[c]
                               : std::max({heading_widths[c], std::min(longest_word, std::size_t{20}), std::size_t{8}});
        }
        // Narrows the widest of `columns` a character at a time until they take at most `room`.
        const auto narrow = [&](const std::vector<std::size_t>& columns, std::size_t room) {
            for (std::size_t total = width_of(cells.widths, columns); total > room; --total) {
                std::optional<std::size_t> widest;
                for (const std::size_t c : columns) {
                    if (cells.widths[c] > narrowest[c] && (!widest || cells.widths[c] > cells.widths[*widest])) {
                        widest = c;
                    }
                }
                if (!widest) {
                    return;
                }
                --cells.widths[*widest];
            }
        };
        if (width_of(narrowest, all) <= *limit) {
            narrow(all, *limit); // wrapping text makes the whole table fit: one part
        } else {
            // In parts: the row labels take at most a third of the width, and every other text
            // column fits beside them.
            narrow(keys, *limit / 3);
            const std::size_t labels = keys.empty() ? 0 : width_of(cells.widths, keys) + 2;
            for (std::size_t c = frozen; c < count; ++c) {
                narrow({c}, labels < *limit ? *limit - labels : 0);
            }
        }
        std::vector<std::size_t> rest;
        for (std::size_t c = frozen; c < count; ++c) {
            rest.push_back(c);
        }
        std::vector<std::size_t> part = keys;
        for (const std::size_t c : rest) {
            std::vector<std::size_t> wider = part;
            wider.push_back(c);
            if (part.size() > keys.size() && width_of(cells.widths, wider) > *limit) {
                parts.push_back(std::move(part));
                part = keys;
                part.push_back(c);
            } else {
                part = std::move(wider);
            }
        }
        parts.push_back(std::move(part));
    }

    const auto line = [&](const std::vector<std::size_t>& columns, const std::vector<std::string>& texts) {
        std::string text;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const std::size_t c = columns[i];
            const std::string padding(cells.widths[c] - std::min(cells.widths[c], width(texts[c])), ' ');
            text += (i == 0 ? "" : "  ") + (is_numeric(table.columns[c].kind) ? padding + texts[c] : texts[c] + padding);
        }
        while (text.ends_with(' ')) {
            text.pop_back();
        }
        return text + "\n";
    };
    // A row's cells, each wrapped to its column: as many lines as its tallest cell.
    const auto row_lines = [&](const std::vector<std::size_t>& columns, const std::vector<std::string>& texts) {
        std::vector<std::vector<std::string>> pieces(count);
        std::size_t height = 1;
        for (const std::size_t c : columns) {
            pieces[c] = width(texts[c]) > cells.widths[c] ? wrapped(texts[c], cells.widths[c])
                                                           : std::vector<std::string>{texts[c]};
            height = std::max(height, pieces[c].size());
        }
        std::string out;
        for (std::size_t k = 0; k < height; ++k) {
            std::vector<std::string> texts_k(count);
            for (const std::size_t c : columns) {
                texts_k[c] = k < pieces[c].size() ? pieces[c][k] : std::string{};
            }
            out += line(columns, texts_k);
        }
        return out;
    };

    std::string out;
    for (std::size_t p = 0; p < parts.size(); ++p) {
        const std::vector<std::size_t>& columns = parts[p];
        if (parts.size() > 1) {
            out += (p == 0 ? "" : "\n") + ("Del " + std::to_string(p + 1) + " av " + std::to_string(parts.size())) + "\n";
        }
        std::string rule;
        for (std::size_t i = 0, n = width_of(cells.widths, columns); i < n; ++i) {
            rule += "─";
        }
        rule += "\n";
        if (std::ranges::any_of(columns, [&](std::size_t c) { return !upper[c].empty(); })) {
            out += line(columns, upper);
        }
        out += line(columns, lower) + rule;
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            if (table.rows[r].role == row_role::total && r > 0 && table.rows[r - 1].role != row_role::total) {
                out += rule;
            }
            out += row_lines(columns, cells.lines[r + 1]);
        }
    }
    return out;
}

} // namespace

std::string render_text(const report& document) { return render_text(document, std::nullopt); }

std::string render_text(const report& document, std::optional<std::size_t> limit)
{
    Expects(!limit || *limit > 0);
    return sections(
        document, [&](const std::string& title) { return wrapped_text(title, limit); },
        [&](const sheet& table) { return text_table(table, limit); },
        [&](const std::string& note) { return wrapped_text(note, limit); });
}

std::string render_json(const report& document)
{
    using json = nlohmann::ordered_json;
    json sheets = json::array();
    for (const sheet& table : document.sheets) {
        json columns = json::array();
        for (const sheet_column& column : table.columns) {
            json entry{{"key", column.key}, {"label", column.label}, {"kind", json_name(column.kind)}};
            if (column.kind == column_kind::amount) {
                entry["unit"] = std::string{to_string(column.unit)};
            }
            columns.push_back(std::move(entry));
        }
        json rows = json::array();
        for (const sheet_row& row : table.rows) {
            Expects(row.cells.size() == table.columns.size());
            json cells = json::array();
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                const sheet_cell& cell = row.cells[c];
                switch (cell.type) {
                case sheet_cell::kind::empty: cells.push_back(nullptr); break;
                case sheet_cell::kind::text: cells.push_back(cell.csv_text.empty() ? cell.text : cell.csv_text); break;
                case sheet_cell::kind::amount: cells.push_back(plain_in(cell.amount, table.columns[c].unit)); break;
                case sheet_cell::kind::number: cells.push_back(cell.text); break;
                }
            }
            rows.push_back({{"role", json_name(row.role)}, {"cells", std::move(cells)}});
        }
        sheets.push_back({{"name", table.name},
                          {"title", table.title},
                          {"columns", std::move(columns)},
                          {"rows", std::move(rows)},
                          {"notes", table.notes}});
    }
    json out{{"title", document.title}, {"sheets", std::move(sheets)}};
    return out.dump(2) + "\n";
}

output_format parse_output_format(std::string_view name, std::string_view where)
{
    for (const output_format format : all_output_formats) {
        if (to_string(format) == name) {
            return format;
        }
    }
    std::string message = "unknown format \"" + std::string{name} + "\"";
    if (!where.empty()) {
        message += " (" + std::string{where} + ")";
    }
    std::vector<std::string_view> names;
    for (const output_format format : all_output_formats) {
        names.push_back(to_string(format));
    }
    throw lookup_error(message + ": expected " + detail::name_list(names));
}

std::string render(const report& document, output_format format)
{
    switch (format) {
    case output_format::table: return render_text(document);
    case output_format::csv: return render_csv(document, csv_convention::plain);
    case output_format::csv_sv: return render_csv(document, csv_convention::swedish);
    case output_format::json: return render_json(document);
    case output_format::markdown: return render_markdown(document);
    case output_format::html: return render_html(document);
    case output_format::xlsx: break;
    }
    Expects(false && "xlsx is written to a file by write_xlsx");
    return {};
}

} // namespace ku
