#pragma once
/// @file
/// Reading grant applications per period from CSV.

#include <vector>

#include "ku/core/money.hpp"
#include "ku/indicators/applications.hpp"
#include "ku/io/csv.hpp"

namespace ku {

/// Reads one row per period: columns `period` (a label, "2023" or "T1 2025"), `ansokningar`
/// and `beviljade` (counts), `ansokt_belopp` and `beviljat_belopp` (amounts in `in`, Swedish or
/// plain form). Throws ku::lookup_error for a missing column, ku::parse_error for a malformed
/// count or amount or an empty or repeated period, ku::domain_error for a negative figure or
/// more granted than applied for; each names file, line and column.
[[nodiscard]] std::vector<grant_applications> read_grant_applications(const csv_table& table, unit in = unit::kr);

} // namespace ku
