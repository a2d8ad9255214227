#pragma once
/// @file
/// Reading staffing (årsarbetare by form of employment and financing) from CSV.

#include "ku/indicators/staffing.hpp"
#include "ku/io/csv.hpp"

namespace ku {

/// Reads årsarbetare, one row per position or group of staff: columns `anstallningsform`
/// (tjänsteköp, tillsvidare, visstid), `finansiering` (kommunal, extern) and `arsarbetare`
/// ("25,50"); rows of the same cell are added. Throws ku::lookup_error for a missing column or
/// an unknown form or financing, ku::parse_error for a malformed count, ku::domain_error for a
/// negative one; each names file, line and column.
[[nodiscard]] staffing_table read_staffing(const csv_table& table);

} // namespace ku
