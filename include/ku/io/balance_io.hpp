#pragma once
/// @file
/// Reading published balance tables and reorganisation mappings from CSV. An audit's report is
/// ku::to_report (ku/io/tables.hpp), its JSON findings_as_json (ku/io/json_io.hpp).

#include <span>
#include <string>

#include "ku/io/csv.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/ledger/reorganisation.hpp"

namespace ku {

/// Reads a balance table: area names in the first column, then the columns of
/// bokslut_2023.csv (ingaende_balans, erhallna_medel, disponibla_medel, budget_forbrukning,
/// utfall_forbrukning, utbetalt_till_kommuner, kvarvarande_medel, varav_statliga_medel), an
/// optional overforda_medel and an optional rad_typ (omrade, intern, summa). Cells are amounts
/// in `in` written the Swedish or plain way, or blank. A row named "Summa" is the total, one
/// starting with "Härav"/"härav" is internal, unless rad_typ says otherwise. Throws
/// ku::lookup_error for a missing or unknown column, ku::parse_error for a malformed amount or
/// row type, ku::domain_error for a duplicate area or a second total row; each names file,
/// line and column.
[[nodiscard]] balance_table read_balance_table(const csv_table& table, unit in = unit::tkr);

/// Reads a reorganisation mapping with columns from,to,share or from,to,amount (amounts in
/// `in`). With `previous`, every `from` must be an area of that table. Throws ku::parse_error
/// for a malformed share or amount, ku::lookup_error for an unknown area, ku::domain_error when
/// an area's shares do not sum to 1 or it has a rule twice; each names file and line.
[[nodiscard]] reorganisation read_reorganisation(const csv_table& table, unit in = unit::tkr,
                                                 const balance_table* previous = nullptr);

} // namespace ku
