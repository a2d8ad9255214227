#pragma once
/// @file
/// Reading CSV files (RFC 4180 with a header row, read with libcsv) into a table of text
/// cells that remembers where each cell came from, for error messages that name the file,
/// line and column.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ku/core/error.hpp"

namespace ku {

/// One data record of a CSV file and the line it starts on (the header is line 1).
struct csv_row {
    std::size_t line = 0; ///< the 1-based line the record starts on
    std::vector<std::string> fields; ///< its fields, unquoted, as many as the header has
};

/// A column a reader looks for: its name in messages and every heading read as it. Headings
/// are compared case-insensitively (å, ä, ö too), `_` as a space, without a unit in parentheses
/// at the end ("Ingående balans (tkr)" is "ingående balans"). The tables are in csv_headings.hpp.
struct csv_heading {
    std::string_view name; ///< the column's name in messages, "ingaende_balans"
    std::span<const std::string_view> accepted; ///< the headings read as this column, name first
};

/// Whether the header name `heading` is one of `column`'s accepted headings.
[[nodiscard]] bool heading_matches(std::string_view heading, const csv_heading& column);

/// The unit in parentheses a heading ends in ("tkr" for "Utfall (tkr)"); empty when none.
[[nodiscard]] std::string_view heading_unit(std::string_view heading);

/// "a, b or c": the accepted headings of `column`, for messages.
[[nodiscard]] std::string accepted_headings(const csv_heading& column);

/// A CSV file: its source name, its header and its data rows, every row as wide as the header.
struct csv_table {
    std::string source; ///< the file name (or other source), for messages
    std::vector<std::string> header; ///< the column names
    std::vector<csv_row> rows; ///< the data rows, in file order

    /// The index of the column named `name` (exactly, else case-insensitively), or none.
    [[nodiscard]] std::optional<std::size_t> find_column(std::string_view name) const;
    /// The index of the column named `name`; throws ku::lookup_error naming the file and the
    /// columns it has.
    [[nodiscard]] std::size_t column(std::string_view name) const;
    /// The index of the one column whose heading `heading` accepts, or none; throws
    /// ku::parse_error naming both columns when two match.
    [[nodiscard]] std::optional<std::size_t> find_column(const csv_heading& heading) const;
    /// As find_column(heading), but a missing column is a ku::lookup_error naming the file, the
    /// columns it has and the headings accepted.
    [[nodiscard]] std::size_t column(const csv_heading& heading) const;
    /// Where a cell came from, for messages: "population_keys.csv:3:key_a".
    [[nodiscard]] std::string where(const csv_row& row, std::size_t column) const;
};

/// The text encodings a CSV file may be in: what Swedish spreadsheet programs export.
enum class csv_encoding : std::uint8_t { utf8, windows_1252 };

/// Reads an encoding name: "utf-8" (or "utf8"), "windows-1252" (or "cp1252", "latin1");
/// throws ku::lookup_error naming the text and `where` for any other.
[[nodiscard]] csv_encoding parse_csv_encoding(std::string_view text, std::string_view where = {});

/// Reads a separator name: ";" or "semicolon", "," or "comma"; throws ku::lookup_error naming
/// the text and `where` for any other.
[[nodiscard]] char parse_csv_separator(std::string_view text, std::string_view where = {});

/// How to read a CSV file; what is not given is detected.
struct csv_options {
    /// ',' or ';'. Detected from the header line when not given: ';' when it has more
    /// semicolons than commas outside quotes (the Swedish export), else ','.
    std::optional<char> delimiter{};
    /// Detected when not given: UTF-8 when the bytes are valid UTF-8, else Windows-1252
    /// (converted to UTF-8, so ö, ä, å come out right).
    std::optional<csv_encoding> encoding{};
};

/// Reads CSV text with a header row; `source` names it in errors. A UTF-8 byte order mark is
/// skipped; fields may be quoted. Throws ku::parse_error naming source and line for text that
/// is not CSV (UTF-16, a NUL byte), bytes invalid in the given encoding, malformed quoting (an
/// unclosed quote: the line and column it opens at), a row wider or narrower than the header,
/// an empty or duplicate header name, or no header at all.
[[nodiscard]] csv_table read_csv(std::istream& input, std::string source, const csv_options& options = {});

/// Reads a CSV file; throws ku::error naming its full path and the system's reason when it
/// cannot be opened (or is a folder), as read_csv otherwise.
[[nodiscard]] csv_table read_csv_file(const std::filesystem::path& path, const csv_options& options = {});

} // namespace ku
