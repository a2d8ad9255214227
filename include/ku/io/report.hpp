#pragma once
/// @file
/// Writing allocation results, proposal tables and comparisons for people (Swedish text
/// tables) and for programs (CSV in two conventions, JSON with every amount as an exact plain
/// decimal string), and writing any output file atomically.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/allocation/scenario.hpp"
#include "ku/core/kommun.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/share_audit.hpp"

namespace ku {

/// How a CSV file is written.
enum class csv_convention : std::uint8_t {
    /// ',' between fields, '.' as decimal point ("166730.50"), UTF-8 without a byte order mark.
    plain,
    /// The Swedish convention of Excel and LibreOffice: ';' between fields, decimal comma
    /// ("166730,50"), UTF-8 starting with a byte order mark so that Excel reads å, ä, ö right.
    /// Amounts carry no thousands separator, so a spreadsheet reads them as numbers.
    swedish,
};

/// The allocation as CSV: code,kommun,weight,quota,amount,adjustment, one row per part (no
/// sum row, so read_weights reads it back); the quota truncated to four decimals, amounts in
/// whole kronor when whole, else with two decimals.
[[nodiscard]] std::string allocation_as_csv(const allocation& result, const kommun_catalogue& catalogue,
                                            csv_convention convention = csv_convention::plain);

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
/// Summa row. Amounts in whole kronor when whole, else with two decimals; a blank cell for a
/// kommun that does not take part. Read back by read_published_proposal in either convention.
[[nodiscard]] std::string proposal_as_csv(const proposal_table& table,
                                          csv_convention convention = csv_convention::plain);

/// The proposal as JSON: title, fees (name, method, unit, basis, in_row_sum, total, sum,
/// residual), rows (code, name, amounts by fee or null, summa) and grand_total.
[[nodiscard]] std::string proposal_as_json(const proposal_table& table);

/// The differences as Swedish text, one line each, or a line saying there are none.
[[nodiscard]] std::string differences_as_text(std::span<const proposal_difference> differences,
                                              const kommun_catalogue& catalogue);

/// The differences as CSV: kind,code,kommun,fee,published,computed (amounts in kronor with two
/// decimals, blank when absent).
[[nodiscard]] std::string differences_as_csv(std::span<const proposal_difference> differences,
                                             const kommun_catalogue& catalogue,
                                             csv_convention convention = csv_convention::plain);

/// The differences as JSON: {"differences": [{"kind", "code", "kommun", "fee", "published",
/// "computed"}]} with amounts as plain decimal strings or null.
[[nodiscard]] std::string differences_as_json(std::span<const proposal_difference> differences,
                                              const kommun_catalogue& catalogue);

/// The comparison as Swedish text: fees as rows, kommuner as columns, each cell the difference
/// alternativ − bas, with row and column sums.
[[nodiscard]] std::string scenario_as_text(const scenario_comparison& comparison);
/// The comparison as CSV: code, kommun, one delta column per fee, Summa; then a Summa row.
[[nodiscard]] std::string scenario_as_csv(const scenario_comparison& comparison);
/// The comparison as JSON: titles, fees, and rows with base, alternative and delta per fee as
/// exact decimal strings.
[[nodiscard]] std::string scenario_as_json(const scenario_comparison& comparison);

/// The scenario deltas as CSV in `convention`: code, kommun, one delta column per fee, Summa; a
/// Summa row; amounts in kronor with two decimals. The plain convention is scenario_as_csv(c).
[[nodiscard]] std::string scenario_as_csv(const scenario_comparison& comparison, csv_convention convention);

/// The percent table as CSV: omrade,grupp,andel_av_utfall,kommunerna,staten,ovriga with the
/// group and Summa rows, percents as exact decimals; read back by read_published_shares.
[[nodiscard]] std::string percent_table_as_csv(const percent_table& table,
                                               csv_convention convention = csv_convention::plain);

/// The balance findings as CSV: kind,area,column,expected_U,found_U,difference_U,
/// classification,note with amounts in the table's unit U ("expected_tkr"), blank when absent.
[[nodiscard]] std::string findings_as_csv(std::span<const finding> findings, const balance_table& table,
                                          csv_convention convention = csv_convention::plain);

/// The share findings as CSV: kind,area,column,expected,found,difference,note in percent
/// points as exact decimals, or as a fraction ("100/3") when they have no finite decimal form.
[[nodiscard]] std::string share_findings_as_csv(std::span<const share_finding> findings,
                                                csv_convention convention = csv_convention::plain);

/// Writes `content` to `path` atomically: into a new file `path`.tmp-XXXXXX in the same folder,
/// flushed to disk, then renamed over `path`; on any failure the temporary file is removed and
/// `path` is left as it was. Throws ku::error naming the path and the reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

} // namespace ku
