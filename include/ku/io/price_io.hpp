#pragma once
/// @file
/// Reading price index series and tables of amounts from CSV, for converting amounts between
/// price levels (ku/indicators/price_level.hpp).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ku/core/money.hpp"
#include "ku/indicators/price_level.hpp"
#include "ku/io/csv.hpp"

namespace ku {

/// Reads a year written as four digits ("2016"); throws ku::parse_error naming the text and
/// `where` for anything else.
[[nodiscard]] std::chrono::year parse_year(std::string_view text, std::string_view where = {});

/// Reads a price index series named `name`: columns `year` (or `ar`) and `index`, one row per
/// year, index values exact ("310,25", "310.25"). Throws ku::lookup_error for a missing column,
/// ku::parse_error for a malformed year or value, ku::domain_error for a year given twice or a
/// value that is not positive; each names file, line and column.
[[nodiscard]] price_index read_price_index(const csv_table& table, std::string name);

/// Reads a table whose first column labels the rows and whose other columns (at least one) are
/// amounts in `in`, written the Swedish or plain way; a blank cell is none. Throws
/// ku::lookup_error for a table of one column, ku::parse_error for a malformed amount or an
/// empty label, naming file, line and column.
[[nodiscard]] amount_table read_amount_table(const csv_table& table, unit in);

} // namespace ku
