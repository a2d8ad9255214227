// CSV reading with libcsv.

#include "ku/io/csv.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <fstream>
#include <ios>
#include <iterator>
#include <system_error>

#include <csv.h>

#include "ku/core/detail/entities.hpp"

namespace ku {

namespace {

struct collector {
    std::vector<std::vector<std::string>> records;
    std::vector<std::size_t> lines; // the line each record starts on
    std::vector<std::string> current;
    std::size_t line = 1;           // the line being fed to the parser
    std::size_t record_start = 0;   // the line the record being read starts on (0: none yet)
};

void on_field(void* data, std::size_t length, void* context)
{
    auto& c = *static_cast<collector*>(context);
    c.current.emplace_back(static_cast<const char*>(data), length);
}

void on_record(int /*terminator*/, void* context)
{
    auto& c = *static_cast<collector*>(context);
    c.records.push_back(std::move(c.current));
    c.lines.push_back(c.record_start);
    c.current.clear();
    c.record_start = 0;
}

} // namespace

namespace {

/// A heading as it is compared: without a unit in parentheses at the end, in lower case,
/// `_` as a space, runs of spaces as one, trimmed.
std::string normalised_heading(std::string_view heading)
{
    heading = detail::entities_impl::trimmed(heading);
    if (heading.ends_with(')')) {
        if (const auto open = heading.rfind('('); open != std::string_view::npos && open > 0) {
            heading = detail::entities_impl::trimmed(heading.substr(0, open));
        }
    }
    std::string out;
    for (std::size_t i = 0; i < heading.size(); ++i) {
        char c = detail::entities_impl::folded_at(heading, i);
        if (c == '_' || c == '\t') {
            c = ' ';
        }
        if (c == ' ' && (out.empty() || out.back() == ' ')) {
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace

bool heading_matches(std::string_view heading, const csv_heading& column)
{
    const std::string wanted = normalised_heading(heading);
    return std::ranges::any_of(column.accepted,
                               [&](std::string_view accepted) { return normalised_heading(accepted) == wanted; });
}

std::string_view heading_unit(std::string_view heading)
{
    heading = detail::entities_impl::trimmed(heading);
    const auto open = heading.rfind('(');
    if (!heading.ends_with(')') || open == std::string_view::npos || open == 0) {
        return {};
    }
    return detail::entities_impl::trimmed(heading.substr(open + 1, heading.size() - open - 2));
}

std::string accepted_headings(const csv_heading& column)
{
    std::string list;
    for (std::size_t i = 0; i < column.accepted.size(); ++i) {
        list += (i == 0 ? "" : i + 1 == column.accepted.size() ? " or " : ", ") + std::string{column.accepted[i]};
    }
    return list;
}

std::optional<std::size_t> csv_table::find_column(std::string_view name) const
{
    if (const auto found = std::ranges::find(header, name); found != header.end()) {
        return static_cast<std::size_t>(found - header.begin());
    }
    const auto folded = std::ranges::find_if(
        header, [&](const std::string& h) { return detail::entities_impl::same_folded(h, name); });
    if (folded == header.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(folded - header.begin());
}

std::optional<std::size_t> csv_table::find_column(const csv_heading& heading) const
{
    std::optional<std::size_t> found;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (!heading_matches(header[c], heading)) {
            continue;
        }
        if (found) {
            throw parse_error("", 0,
                              "the columns \"" + header[*found] + "\" and \"" + header[c] + "\" are both read as " +
                                  std::string{heading.name} + " (" + accepted_headings(heading) + "); keep one",
                              source + ":1");
        }
        found = c;
    }
    return found;
}

std::size_t csv_table::column(const csv_heading& heading) const
{
    if (const auto index = find_column(heading)) {
        return *index;
    }
    const bool wrong_separator = header.size() == 1 && header.front().find_first_of(",;") != std::string::npos;
    if (wrong_separator) {
        (void)column(heading.name); // throws, asking whether the separator is right
    }
    std::string columns;
    for (const std::string& h : header) {
        columns += (columns.empty() ? "" : ", ") + h;
    }
    throw lookup_error(source + ": no column \"" + std::string{heading.name} + "\" (the columns are " + columns +
                       "; accepted headings: " + accepted_headings(heading) + ")");
}

std::size_t csv_table::column(std::string_view name) const
{
    if (const auto index = find_column(name)) {
        return *index;
    }
    std::string columns;
    for (const std::string& h : header) {
        columns += (columns.empty() ? "" : ", ") + h;
    }
    // One column holding the other separator: the file was read with the wrong one.
    const bool wrong_separator = header.size() == 1 && header.front().find_first_of(",;") != std::string::npos;
    throw lookup_error(source + ": no column \"" + std::string{name} + "\" (the " +
                       (wrong_separator ? "only column is " + detail::error_impl::quoted(header.front(), 200) + ": is the separator right?)"
                                        : "columns are " + columns + ")"));
}

std::string csv_table::where(const csv_row& row, std::size_t column_index) const
{
    std::string location = source + ":" + std::to_string(row.line);
    if (column_index < header.size()) {
        location += ":" + header[column_index];
    }
    return location;
}

csv_encoding parse_csv_encoding(std::string_view text, std::string_view where)
{
    if (text == "utf-8" || text == "utf8" || text == "UTF-8") {
        return csv_encoding::utf8;
    }
    if (text == "windows-1252" || text == "cp1252" || text == "latin1" || text == "iso-8859-1") {
        return csv_encoding::windows_1252;
    }
    throw lookup_error("unknown encoding \"" + std::string{text} + "\"" +
                       (where.empty() ? "" : " (" + std::string{where} + ")") +
                       ": expected utf-8 or windows-1252");
}

char parse_csv_separator(std::string_view text, std::string_view where)
{
    if (text == ";" || text == "semicolon") {
        return ';';
    }
    if (text == "," || text == "comma") {
        return ',';
    }
    throw lookup_error("unknown separator \"" + std::string{text} + "\"" +
                       (where.empty() ? "" : " (" + std::string{where} + ")") + ": expected semicolon (;) or comma (,)");
}

namespace {

/// The line (1-based) of byte `offset`.
std::size_t line_at(std::string_view text, std::size_t offset)
{
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

/// The offset of the first byte that does not belong to valid UTF-8, or npos.
std::size_t invalid_utf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        if (lead < 0x80) {
            length = 1;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
        } else {
            return i;
        }
        if (i + length > text.size()) {
            return i;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                return i;
            }
        }
        i += length;
    }
    return std::string_view::npos;
}

/// Windows-1252 bytes 0x80–0x9F as Unicode code points (0: undefined).
constexpr std::array<char32_t, 32> cp1252_high{
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

std::string windows_1252_to_utf8(std::string_view text, const std::string& source)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        char32_t cp = byte;
        if (byte >= 0x80 && byte < 0xA0) {
            cp = cp1252_high[byte - 0x80];
            if (cp == 0) {
                throw parse_error("", 0, "byte 0x" + std::string{"0123456789ABCDEF"[byte >> 4U]} +
                                             "0123456789ABCDEF"[byte & 0xFU] + " is not a Windows-1252 character",
                                  source + ":" + std::to_string(line_at(text, i)));
            }
        }
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6U));
            out += static_cast<char>(0x80 | (cp & 0x3FU));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12U));
            out += static_cast<char>(0x80 | ((cp >> 6U) & 0x3FU));
            out += static_cast<char>(0x80 | (cp & 0x3FU));
        }
    }
    return out;
}

/// ';' when the header line has more semicolons than commas outside quotes, else ','.
char detect_delimiter(std::string_view text)
{
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            break;
        } else if (!quoted && c == ',') {
            ++commas;
        } else if (!quoted && c == ';') {
            ++semicolons;
        }
    }
    return semicolons > commas ? ';' : ',';
}

/// Where a quoted field opens that is never closed: its line, its column (in characters) and
/// the field's number on its line.
struct open_quote {
    std::size_t line = 0;
    std::size_t column = 0;
    std::size_t field = 0;
};

/// The quoted field of `text` that is still open at its end, if any.
std::optional<open_quote> unclosed_quote(std::string_view text, char delimiter)
{
    std::optional<open_quote> open;
    bool field_start = true;
    std::size_t line = 1;
    std::size_t column = 1;
    std::size_t field = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (open) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    ++i;
                    ++column;
                } else {
                    open.reset();
                }
            }
        } else if (field_start && c == '"') {
            open = open_quote{.line = line, .column = column, .field = field};
        } else if (c == delimiter) {
            ++field;
        } else if (c == '\n') {
            field = 1;
        }
        field_start = !open && (c == delimiter || c == '\n' || c == '\r');
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++column;
        }
    }
    return open;
}

/// Whether the bytes are UTF-16: its byte order mark, or ASCII text with a NUL byte before or
/// after every character.
bool is_utf16(std::string_view text)
{
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
        return true;
    }
    const std::size_t n = std::min<std::size_t>(text.size() & ~std::size_t{1}, 64);
    if (n < 2) {
        return false;
    }
    bool big_endian = true; // NUL, character, NUL, character, ...
    bool little_endian = true; // character, NUL, character, NUL, ...
    for (std::size_t i = 0; i < n; ++i) {
        const bool nul = text[i] == '\0';
        big_endian = big_endian && (i % 2 == 0) == nul;
        little_endian = little_endian && (i % 2 == 1) == nul;
    }
    return big_endian || little_endian;
}

} // namespace

csv_table read_csv(std::istream& input, std::string source, const csv_options& options)
{
    std::string text;
    try {
        text.assign(std::istreambuf_iterator<char>{input}, std::istreambuf_iterator<char>{});
    } catch (const std::ios_base::failure& e) {
        // A failed read throws from the stream buffer: a folder opened as a file, an I/O error.
        throw error(source + ": cannot be read (" + e.code().message() + ")");
    }
    if (is_utf16(text)) {
        throw parse_error("", 0, "the file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel)", source);
    }
    if (const auto nul = text.find('\0'); nul != std::string::npos) {
        throw parse_error("", 0, "not a CSV text file: it has a NUL byte", source + ":" + std::to_string(line_at(text, nul)));
    }
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.erase(0, 3);
    }
    const std::size_t bad_byte = invalid_utf8(text);
    const csv_encoding encoding = options.encoding.value_or(
        bad_byte == std::string_view::npos ? csv_encoding::utf8 : csv_encoding::windows_1252);
    if (encoding == csv_encoding::windows_1252) {
        text = windows_1252_to_utf8(text, source);
    } else if (bad_byte != std::string_view::npos) {
        throw parse_error("", 0, "the file is not valid UTF-8 (give the encoding, e.g. windows-1252)",
                          source + ":" + std::to_string(line_at(text, bad_byte)));
    }
    const std::string_view body = text;
    const char delimiter = options.delimiter.value_or(detect_delimiter(body));

    csv_parser parser{};
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        throw error(source + ": cannot initialise the CSV parser");
    }
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
    collector c;
    // Feed line by line so records know the line they start on.
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t end = body.find('\n', start);
        end = end == std::string_view::npos ? body.size() : end + 1;
        if (c.record_start == 0 && c.current.empty()) {
            c.record_start = c.line;
        }
        const std::string_view chunk = body.substr(start, end - start);
        if (csv_parse(&parser, chunk.data(), chunk.size(), on_field, on_record, &c) != chunk.size()) {
            const std::string reason = csv_strerror(csv_error(&parser));
            csv_free(&parser);
            throw parse_error(chunk, 0, "malformed CSV: " + reason,
                              source + ":" + std::to_string(c.line));
        }
        ++c.line;
        start = end;
    }
    if (csv_fini(&parser, on_field, on_record, &c) != 0) {
        const std::string reason = csv_strerror(csv_error(&parser));
        csv_free(&parser);
        if (const auto open = unclosed_quote(body, delimiter)) {
            throw parse_error("", 0,
                              "malformed CSV: the quote that opens field " + std::to_string(open->field) +
                                  " at column " + std::to_string(open->column) + " is never closed",
                              source + ":" + std::to_string(open->line) + ":" + std::to_string(open->column));
        }
        throw parse_error("", 0, "malformed CSV at the end of the file: " + reason, source);
    }
    csv_free(&parser);

    // Blank lines produce no record in libcsv; a line of only delimiters does.
    if (c.records.empty()) {
        throw parse_error("", 0, "the file has no header row", source);
    }
    csv_table table{.source = std::move(source), .header = std::move(c.records.front()), .rows = {}};
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const std::string& name = table.header[i];
        if (name.empty()) {
            throw parse_error("", 0, "column " + std::to_string(i + 1) + " of the header has no name",
                              table.source + ":1");
        }
        if (std::find(table.header.begin(), table.header.begin() + static_cast<std::ptrdiff_t>(i), name) !=
            table.header.begin() + static_cast<std::ptrdiff_t>(i)) {
            throw parse_error(name, 0, "the column name appears twice in the header",
                              table.source + ":1");
        }
    }
    for (std::size_t r = 1; r < c.records.size(); ++r) {
        auto& fields = c.records[r];
        if (fields.size() != table.header.size()) {
            // Name the first field without a column, or the first column without a field.
            const std::size_t first = std::min(fields.size(), table.header.size());
            const std::string which = fields.size() > table.header.size()
                                          ? "field " + std::to_string(first + 1) + " (" +
                                                detail::error_impl::quoted(fields[first]) + ") has no column"
                                          : "column \"" + table.header[first] + "\" has no field";
            throw parse_error("", 0,
                              "the row has " + std::to_string(fields.size()) + " fields but the header has " +
                                  std::to_string(table.header.size()) + ": " + which,
                              table.source + ":" + std::to_string(c.lines[r]));
        }
        table.rows.push_back({c.lines[r], std::move(fields)});
    }
    return table;
}

csv_table read_csv_file(const std::filesystem::path& path, const csv_options& options)
{
    std::error_code ignored;
    std::filesystem::path full = std::filesystem::absolute(path, ignored);
    full = full.empty() ? path : full.lexically_normal();
    if (std::filesystem::is_directory(path, ignored)) {
        throw error("cannot open " + full.string() + ": it is a folder, not a file");
    }
    errno = 0;
    std::ifstream file{path, std::ios::binary};
    if (!file) {
        const int reason = errno;
        throw error("cannot open " + full.string() + ": " +
                    (reason != 0 ? std::generic_category().message(reason) : std::string{"it cannot be read"}));
    }
    return read_csv(file, path.string(), options);
}

} // namespace ku
