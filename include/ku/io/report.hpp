#pragma once
/// @file
/// Writing allocation results, proposal tables and comparisons for people (Swedish text
/// tables) and for programs (CSV, JSON with every amount as an exact plain decimal string).

#include <span>
#include <string>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/core/kommun.hpp"

namespace ku {

/// An aligned Swedish table of an allocation: kommun, weight, exact quota, amount, adjustment,
/// then the total, the sum, the residual and the method.
[[nodiscard]] std::string allocation_as_text(const allocation& result, const kommun_catalogue& catalogue);

/// The allocation as one JSON object: method, unit, total, sum, residual and parts (code, name,
/// weight, quota, amount, adjustment), every amount a plain decimal string ("1583550.00").
[[nodiscard]] std::string allocation_as_json(const allocation& result, const kommun_catalogue& catalogue);

/// The proposal as an aligned Swedish text table: one row per fee (its total, method, and
/// what each kommun pays), the kommun row sums ("Summa"), and the grand total.
[[nodiscard]] std::string proposal_as_text(const proposal_table& table);

/// The proposal as CSV in the published layout: code, kommun, one column per fee, Summa; a
/// Summa row. Amounts in whole units of each fee's unit when whole, else plain decimals;
/// a blank cell for a kommun that does not take part.
[[nodiscard]] std::string proposal_as_csv(const proposal_table& table);

/// The proposal as JSON: title, fees (name, method, unit, basis, in_row_sum, total, sum,
/// residual), rows (code, name, amounts by fee or null, summa) and grand_total.
[[nodiscard]] std::string proposal_as_json(const proposal_table& table);

/// The differences as Swedish text, one line each, or a line saying there are none.
[[nodiscard]] std::string differences_as_text(std::span<const proposal_difference> differences,
                                              const kommun_catalogue& catalogue);

/// The differences as CSV: kind,code,kommun,fee,published,computed (amounts plain decimals,
/// blank when absent).
[[nodiscard]] std::string differences_as_csv(std::span<const proposal_difference> differences,
                                             const kommun_catalogue& catalogue);

/// The differences as JSON: {"differences": [{"kind", "code", "kommun", "fee", "published",
/// "computed"}]} with amounts as plain decimal strings or null.
[[nodiscard]] std::string differences_as_json(std::span<const proposal_difference> differences,
                                              const kommun_catalogue& catalogue);

} // namespace ku
