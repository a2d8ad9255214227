#pragma once
/// @file
/// Reading funding amounts and published percent tables from CSV. Percent tables and share
/// audits as reports are ku::to_report (ku/io/tables.hpp), as JSON in ku/io/json_io.hpp.

#include <span>
#include <string>
#include <vector>

#include "ku/io/csv.hpp"
#include "ku/ledger/reorganisation.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/share_audit.hpp"
#include "ku/shares/share_balance_audit.hpp"

namespace ku {

/// Reads the money each area received by source: columns `omrade`, optional `grupp`, `utfall`
/// and one column per source among `kommunerna`, `staten`, `ovriga` (at least one), amounts in
/// `in` written the Swedish or plain way (blank = 0). Throws ku::lookup_error for a missing or
/// unknown column (an unknown source), ku::parse_error for a malformed amount, naming file,
/// line and column.
[[nodiscard]] std::vector<area_funding> read_area_funding(const csv_table& table, unit in = unit::kr);

/// Reads each area's outcome: the columns `omrade` and `utfall` (other columns are left alone, so
/// a funding table serves), amounts in `in`, a blank as 0: the basis on which areas finance
/// ledning och stab. Throws as read_area_funding.
[[nodiscard]] std::vector<area_amount> read_area_outcomes(const csv_table& table, unit in = unit::kr);

/// Reads a published percent table: `omrade`, `andel_av_utfall`, `kommunerna`, `staten`,
/// `ovriga`, optional `grupp`; a row named "Summa" is the total, a row named like some area's
/// `grupp` is that group's row. Throws as read_area_funding.
[[nodiscard]] published_share_table read_published_shares(const csv_table& table);

/// Reads pairs of area names that two tables write differently: columns `from` and `to`, one
/// pair per row. Throws ku::lookup_error for a missing column, ku::parse_error for an empty name
/// or a name paired twice, naming file, line and column.
[[nodiscard]] std::vector<area_name_pair> read_area_name_pairs(const csv_table& table);

} // namespace ku
