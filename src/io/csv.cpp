// CSV reading with libcsv.

#include "ku/io/csv.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include <csv.h>

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

std::optional<std::size_t> csv_table::find_column(std::string_view name) const
{
    const auto found = std::ranges::find(header, name);
    if (found == header.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(found - header.begin());
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
    throw lookup_error(source + ": no column \"" + std::string{name} + "\" (the columns are " +
                       columns + ")");
}

std::string csv_table::where(const csv_row& row, std::size_t column_index) const
{
    std::string location = source + ":" + std::to_string(row.line);
    if (column_index < header.size()) {
        location += ":" + header[column_index];
    }
    return location;
}

csv_table read_csv(std::istream& input, std::string source, char delimiter)
{
    const std::string text{std::istreambuf_iterator<char>{input}, std::istreambuf_iterator<char>{}};
    std::string_view body = text;
    if (body.starts_with("\xEF\xBB\xBF")) {
        body.remove_prefix(3);
    }

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
            throw parse_error("", 0,
                              "the row has " + std::to_string(fields.size()) + " fields but the header has " +
                                  std::to_string(table.header.size()),
                              table.source + ":" + std::to_string(c.lines[r]));
        }
        table.rows.push_back({c.lines[r], std::move(fields)});
    }
    return table;
}

csv_table read_csv_file(const std::filesystem::path& path, char delimiter)
{
    std::ifstream file{path, std::ios::binary};
    if (!file) {
        throw error("cannot open " + path.string());
    }
    return read_csv(file, path.string(), delimiter);
}

} // namespace ku
