#pragma once
/// @file
/// Reading funding amounts and published percent tables from CSV, and writing financing-share
/// tables and share findings for people (Swedish text) and programs (JSON).

#include <span>
#include <string>
#include <vector>

#include "ku/io/csv.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/share_audit.hpp"

namespace ku {

/// Reads the money each area received by source: columns `omrade`, optional `grupp`, `utfall`
/// and one column per source among `kommunerna`, `staten`, `ovriga` (at least one), amounts in
/// `in` written the Swedish or plain way (blank = 0). Throws ku::lookup_error for a missing or
/// unknown column (an unknown source), ku::parse_error for a malformed amount, naming file,
/// line and column.
[[nodiscard]] std::vector<area_funding> read_area_funding(const csv_table& table, unit in = unit::kr);

/// Reads a published percent table: `omrade`, `andel_av_utfall`, `kommunerna`, `staten`,
/// `ovriga`, optional `grupp`; a row named "Summa" is the total, a row named like some area's
/// `grupp` is that group's row. Throws as read_area_funding.
[[nodiscard]] published_share_table read_published_shares(const csv_table& table);

/// The percent table as Swedish text: Område, Andel av utfall, Kommunerna, Staten, Övriga.
[[nodiscard]] std::string percent_table_as_text(const percent_table& table);

/// {"rows": [{"omrade", "grupp", "rad_typ", "andel_av_utfall", "kommunerna", "staten", "ovriga"}]} with
/// percents as exact decimal strings ("34", "34.8"); groups and the "Summa" row included.
[[nodiscard]] std::string percent_table_as_json(const percent_table& table);

/// A published percent table as aligned Swedish text for a terminal: a title with the source,
/// Område (Grupp when any row has one), Andel av utfall, Kommunerna, Staten, Övriga and each
/// row's Summa källor, percents exactly as written ("54,5 %"; "–": blank). As share_audit_as_markdown.
[[nodiscard]] std::string published_shares_as_text(const published_share_table& table);

/// The share findings as a Swedish report, or a line saying the table is clean.
[[nodiscard]] std::string share_findings_as_text(std::span<const share_finding> findings, const std::string& source);

/// {"findings": [{"kind", "area", "column", "expected", "found", "difference", "note"}]}.
[[nodiscard]] std::string share_findings_as_json(std::span<const share_finding> findings);

} // namespace ku
