#pragma once
/// @file
/// Any report (ku/io/sheet.hpp) as one self-contained HTML page: inline CSS and inline SVG
/// charts, no script and nothing fetched from the network, so the file can be mailed or opened
/// offline. Like the other renderers it knows no domain type.

#include <string>

#include "ku/io/sheet.hpp"

namespace ku {

/// The report as a UTF-8 HTML5 page (lang="sv"): the report's title as its heading, then every
/// sheet shown in text as a section: its title; the sheet's chart (sheet::chart), if any, as an
/// inline SVG bar chart (stacked when the chart stacks several columns; a negative bar to the
/// left of the zero line); an HTML table with the sheet's headings and units ("Summa",
/// "Utfall (tkr)") and every cell as the text renderer shows it (ku::shown_value: "10 860 203",
/// "53 %"), numbers right aligned, total rows bold and ruled; and its notes under the table.
/// Every text is escaped (&, <, >, quotes). The output is deterministic (no time, no random id),
/// so equal reports give equal bytes. Throws ku::overflow_error when a stacked bar's amounts add
/// up beyond the range of money (the label at its end is their exact sum); a malformed report (a
/// row narrower than its columns, a chart outside its sheet) breaks its contract (Expects).
[[nodiscard]] std::string render_html(const report& document);

} // namespace ku
