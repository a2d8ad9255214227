#pragma once
/// @file
/// Reading allocation inputs from files: weights from a CSV key file, a proposal spec from
/// TOML, a published proposal from CSV. Every error names the file, line and column.

#include <filesystem>
#include <string_view>
#include <vector>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/core/kommun.hpp"
#include "ku/io/csv.hpp"

namespace ku {

/// The weights in column `column` (by heading, in any case; a population heading finds the
/// file's population column) of a key file whose kommuner are in a code column, a name column
/// or both (population_keys.csv; a Swedish export `Kommun;Invånare`). Throws ku::lookup_error
/// for a missing column or a kommun not in `catalogue`, ku::domain_error for a kommun twice or
/// a negative weight, ku::parse_error for a malformed weight or a name that is not its code's,
/// each naming file:line:column.
[[nodiscard]] std::vector<member_weight> read_weights(const csv_table& table, std::string_view column,
                                                      const kommun_catalogue& catalogue);

/// Reads a proposal spec (TOML; the format is in docs/formats.md). Key files are read relative
/// to the spec's folder. Throws ku::parse_error naming the spec, line and field for malformed
/// TOML or a bad value, ku::lookup_error for an unknown key, kommun, method or unit, or a key
/// file without a weight for one of its fee's members (every kommun of `catalogue` when the fee
/// lists none).
[[nodiscard]] proposal_spec read_proposal_spec(const std::filesystem::path& path,
                                               const kommun_catalogue& catalogue);

/// Reads a published proposal or fee table: a `code` column and/or a `kommun` (or `Kommun`)
/// column of names (or, without `code`, of names or SCB codes), one column per fee or year, an
/// optional `Summa` column; kommun rows matched by kommun, and a last row "Summa". Amounts are in
/// `in` (whole kronor by default), written the Swedish or the plain way ("3 562 623 kr"); a blank
/// cell is a kommun that does not take part. Throws ku::lookup_error for a missing column or an
/// unknown kommun, ku::domain_error for a kommun twice, ku::parse_error for a malformed amount
/// or a row after Summa, each naming file, line and column.
[[nodiscard]] published_proposal read_published_proposal(const csv_table& table,
                                                         const kommun_catalogue& catalogue,
                                                         unit in = unit::kr);

/// Every key of a key file: one per column beside the kommun's code and name columns
/// (population_keys.csv: key_a, key_b, key_c), each read by read_weights. Throws as read_weights.
[[nodiscard]] std::vector<allocation_key> read_keys(const csv_table& table, const kommun_catalogue& catalogue);

/// A published proposal from a file: a `.json` file as proposal_as_json writes it (through
/// read_proposal_json), any other file as CSV read with `options` (through
/// read_published_proposal, amounts in `in`). Throws as those readers, and ku::error naming
/// the path when it cannot be read.
[[nodiscard]] published_proposal read_published_proposal_file(const std::filesystem::path& path,
                                                              const kommun_catalogue& catalogue,
                                                              unit in = unit::kr, const csv_options& options = {});

} // namespace ku
