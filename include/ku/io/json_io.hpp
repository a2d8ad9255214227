#pragma once
/// @file
/// The JSON documents of the result types, each writer beside the reader that reads it back, so
/// a result saved by the CLI or a notebook is read without losing an öre. Each reader checks
/// the fields that repeat others (a sum, a residual, a kommun's name) and throws
/// ku::parse_error naming the source and the JSON Pointer of the value at fault
/// ("result.json: /parts/3/amount: ..."), or at a syntax error its line and column.

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/allocation/scenario.hpp"
#include "ku/core/kommun.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/share_audit.hpp"

namespace ku {

/// The whole text of a JSON file, for a reader below with the path as its source. Throws
/// ku::error naming the path when it cannot be opened or read (a missing file, a folder).
[[nodiscard]] std::string read_json_file(const std::filesystem::path& path);

/// The allocation as one JSON object: method, unit, basis, total, sum, residual and parts
/// (code, name, weight, quota, quota_ore, fixed, supplement, amount, adjustment), every amount
/// a plain decimal string in kronor ("1583550.00"). read_allocation_json reads it back.
[[nodiscard]] std::string allocation_as_json(const allocation& result, const kommun_catalogue& catalogue);

/// The allocation written by allocation_as_json, equal to the one written: total, method,
/// unit, basis and every part (weight, exact quota, fixed amount, supplement, amount,
/// adjustment). Throws ku::parse_error when a field is missing or malformed, or when "sum",
/// "residual", a part's "quota" or "adjustment" disagrees with the rest.
[[nodiscard]] allocation read_allocation_json(std::string_view text, std::string_view source);

/// The proposal as JSON: title, fees (name, method, unit, basis, in_row_sum, total, sum,
/// residual), rows (code, name, amounts by fee or null, summa) and grand_total.
[[nodiscard]] std::string proposal_as_json(const proposal_table& table);

/// The table written by proposal_as_json as a published proposal: rows in order, each fee's
/// amounts (null: does not take part), the Summa column ("summa"), each fee's column sum
/// ("sum") and the grand total; compare() against the computed table finds no difference.
/// Throws ku::parse_error for a missing or malformed field, ku::lookup_error for a kommun
/// code not in `catalogue` and ku::parse_error when a row's name is not its code's.
[[nodiscard]] published_proposal read_proposal_json(std::string_view text, std::string_view source,
                                                    const kommun_catalogue& catalogue);

/// The differences as JSON: {"differences": [{"kind", "code", "kommun", "fee", "published",
/// "computed"}]} with amounts as plain decimal strings or null.
[[nodiscard]] std::string differences_as_json(std::span<const proposal_difference> differences,
                                              const kommun_catalogue& catalogue);

/// The differences written by differences_as_json, in order. Throws ku::parse_error for an
/// unknown kind or a malformed field.
[[nodiscard]] std::vector<proposal_difference> read_differences_json(std::string_view text,
                                                                     std::string_view source);

/// The comparison as JSON: base and alternative titles, fees (name, in_row_sum flags, delta),
/// rows (code, name, base, alternative and delta per fee, the row's delta) and total_delta.
[[nodiscard]] std::string scenario_as_json(const scenario_comparison& comparison);

/// The comparison written by scenario_as_json: titles, kommuner (from `catalogue`), fees with
/// their in_row_sum flags, and every base and alternative amount. Throws ku::parse_error when a
/// delta disagrees with alternative − base, as read_proposal_json for the kommuner.
[[nodiscard]] scenario_comparison read_scenario_json(std::string_view text, std::string_view source,
                                                     const kommun_catalogue& catalogue);

/// {"rows": [{"omrade", "grupp", "rad_typ", "andel_av_utfall", "kommunerna", "staten",
/// "ovriga"}]} with percents as exact decimal strings ("34", "34.8"); groups and "Summa" included.
[[nodiscard]] std::string percent_table_as_json(const percent_table& table);

/// The percent table written by percent_table_as_json, as a published table (what
/// read_published_shares gives for the same table as CSV; `line` is 0), ready for
/// audit_shares(). Throws ku::parse_error for a malformed percent or row type.
[[nodiscard]] published_share_table read_percent_table_json(std::string_view text, std::string_view source);

/// {"findings": [{"kind", "area", "column", "expected", "found", "difference",
/// "classification", "note"}]}, amounts as plain decimal strings in kronor or null.
[[nodiscard]] std::string findings_as_json(std::span<const finding> findings);

/// The balance findings written by findings_as_json (amounts in kronor), in order.
[[nodiscard]] std::vector<finding> read_findings_json(std::string_view text, std::string_view source);

/// {"findings": [{"kind", "area", "column", "expected", "found", "difference",
/// "classification", "note"}]}, percent points as exact decimals (or fractions such as
/// "100/3"); with `outcome_base` ("once", "twice") first a key "outcome_base".
[[nodiscard]] std::string share_findings_as_json(std::span<const share_finding> findings,
                                                 std::string_view outcome_base = {});

/// The share findings written by share_findings_as_json (percent points, exact), in order.
[[nodiscard]] std::vector<share_finding> read_share_findings_json(std::string_view text, std::string_view source);

} // namespace ku
