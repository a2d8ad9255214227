#pragma once
/// @file
/// Reading staffing (årsarbetare by form of employment and financing) from CSV.

#include "ku/indicators/staffing.hpp"
#include "ku/indicators/staffing_audit.hpp"
#include "ku/io/csv.hpp"

namespace ku {

/// Reads årsarbetare, one row per position or group of staff: columns `anstallningsform`
/// (tjänsteköp, tillsvidare, visstid), `finansiering` (kommunal, extern) and `arsarbetare`
/// ("25,50"); rows of the same cell are added. Throws ku::lookup_error for a missing column or
/// an unknown form or financing, ku::parse_error for a malformed count, ku::domain_error for a
/// negative one; each names file, line and column.
[[nodiscard]] staffing_table read_staffing(const csv_table& table);

/// Reads a published staffing table: the first column labels the periods ("2019 - tertial 1"),
/// then one column per form of employment (tjänsteköp, tillsvidare, visstid) and an optional
/// `Summa`; an optional last row `Summa`; årsarbetare with at most two decimals ("15,65"), a blank
/// cell none. Throws ku::lookup_error for an unknown column, ku::parse_error for a malformed
/// count or a period twice, each naming file, line and column.
[[nodiscard]] published_staffing_table read_published_staffing(const csv_table& table);

} // namespace ku
