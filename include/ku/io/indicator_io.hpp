#pragma once
/// @file
/// Reading a published indicator table from CSV.

#include "ku/indicators/indicator_audit.hpp"
#include "ku/io/csv.hpp"

namespace ku {

/// Reads a published indicator table: columns `indikator`, `bas`, then one column per period.
/// A cell is a value with an optional unit (kronor, kr, tkr, mnkr, st) and an optional percent
/// in brackets: "4 (50 %)", "5 696 000 kronor (15 %)", "34 (- 56 %)"; a blank cell is none.
/// `bas` is blank, "föregående" or another row's indikator. Throws ku::lookup_error for a
/// missing column or a base that names no row, ku::parse_error for a malformed cell, an empty
/// or repeated indikator; each names file, line and column.
[[nodiscard]] published_indicator_table read_published_indicators(const csv_table& table);

} // namespace ku
