#pragma once
/// @file
/// The output formats and the renderers of any report (ku/io/sheet.hpp): aligned Swedish text
/// for a terminal, CSV in two conventions, Markdown and JSON. .xlsx is in ku/io/xlsx.hpp, HTML
/// in ku/io/html.hpp. No renderer knows a domain type: a new table type only builds its report.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ku/io/sheet.hpp"

namespace ku {

/// How a CSV file is written.
enum class csv_convention : std::uint8_t {
    /// ',' between fields, '.' as decimal point ("166730.50"), UTF-8 without a byte order mark.
    plain,
    /// The Swedish convention of Excel and LibreOffice: ';' between fields, decimal comma
    /// ("166730,50"), UTF-8 starting with a byte order mark so that Excel reads å, ä, ö right.
    /// Amounts carry no thousands separator, so a spreadsheet reads them as numbers.
    swedish,
};

/// The formats a report is written in (the CLI's --format).
enum class output_format : std::uint8_t { table, csv, csv_sv, json, markdown, html, xlsx };

/// Every output format, in the order --help lists them.
inline constexpr std::array all_output_formats{output_format::table,    output_format::csv,
                                               output_format::csv_sv,   output_format::json,
                                               output_format::markdown, output_format::html,
                                               output_format::xlsx};

/// The format's name: "table", "csv", "csv-sv", "json", "markdown", "html", "xlsx".
[[nodiscard]] constexpr std::string_view to_string(output_format format) noexcept
{
    switch (format) {
    case output_format::table: return "table";
    case output_format::csv: return "csv";
    case output_format::csv_sv: return "csv-sv";
    case output_format::json: return "json";
    case output_format::markdown: return "markdown";
    case output_format::html: return "html";
    case output_format::xlsx: return "xlsx";
    }
    return "?";
}

/// The format named `name`. Throws ku::lookup_error naming `where` and the formats.
[[nodiscard]] output_format parse_output_format(std::string_view name, std::string_view where);

/// Every sheet shown in text as aligned Swedish text: its title, a blank line, the headings, a
/// rule, the rows (a rule before the first total row), numbers right aligned in Swedish form,
/// then each note after a blank line; sheets apart by a blank line. Widths count code points.
[[nodiscard]] std::string render_text(const report& document);

/// render_text fitted to `limit` characters per line (a terminal's width; none: no limit). A
/// wider table is shown in parts ("Del 1 av 3"), each repeating the frozen columns (or the first
/// text column) as row labels; a text cell, title or note wider than that is wrapped at spaces.
[[nodiscard]] std::string render_text(const report& document, std::optional<std::size_t> limit);

/// The report's CSV sheet: its CSV columns as a header line of keys, then its CSV rows, in
/// `convention`; amounts exact in the column's unit, numbers as exact decimals.
[[nodiscard]] std::string render_csv(const report& document, csv_convention convention);

/// Every sheet shown in text as a Markdown section: a "##" heading, an aligned pipe table
/// (numbers right aligned, in Swedish form) and its notes.
[[nodiscard]] std::string render_markdown(const report& document);

/// The report as one JSON object: {"title", "sheets": [{"name", "title", "columns": [{"key",
/// "label", "kind", "unit"}], "rows": [{"role", "cells": [value, ...]}], "notes"}]}, each row's
/// cells in column order. Every amount is an exact plain decimal string in its column's unit
/// ("166730.5"), every number its exact decimal, a blank cell null.
[[nodiscard]] std::string render_json(const report& document);

/// The report in a text format (every format but xlsx, which ku::write_xlsx writes to a file);
/// html is ku::render_html's page.
[[nodiscard]] std::string render(const report& document, output_format format);

} // namespace ku
