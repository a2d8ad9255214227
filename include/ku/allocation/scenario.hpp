#pragma once
/// @file
/// Scenarios (konsekvensbeskrivning): budget alternatives computed as proposals and compared
/// per kommun and per fee, in a delta table whose rows and columns add up exactly.

#include <optional>
#include <string>
#include <vector>

#include "ku/allocation/proposal.hpp"

namespace ku {

/// Alternative minus base for every kommun and fee of either proposal. A fee or kommun missing
/// from one side counts as 0 kr there, so every row and column of deltas sums exactly to the
/// difference of the two proposals' sums.
struct scenario_comparison {
    std::string base_title; ///< the base proposal's title
    std::string alternative_title; ///< the alternative proposal's title
    std::vector<kommun> kommuner;         ///< rows: every kommun of either proposal, base order first
    std::vector<std::string> fees;        ///< columns: every fee of either proposal, base order first
    std::vector<bool> in_row_sum;         ///< per fee: counted in the row sums in either proposal
    std::vector<bool> base_in_row_sum;        ///< per fee: counted in the base proposal's row sums
    std::vector<bool> alternative_in_row_sum; ///< per fee: counted in the alternative's row sums
    std::vector<std::vector<money>> base;        ///< [row][fee], 0 when absent
    std::vector<std::vector<money>> alternative; ///< [row][fee], 0 when absent

    /// alternative − base for one cell.
    [[nodiscard]] money delta(std::size_t row, std::size_t fee) const { return alternative[row][fee] - base[row][fee]; }
    /// The change of the row's sum: the alternative's counted fees minus the base's.
    [[nodiscard]] money row_delta(std::size_t row) const;
    /// The fee's delta over every kommun.
    [[nodiscard]] money fee_delta(std::size_t fee) const;
    /// The sum of the row deltas (= the change of the counted total).
    [[nodiscard]] money total_delta() const;
    /// Equal when titles, kommuner, fees, flags and every amount are.
    friend bool operator==(const scenario_comparison&, const scenario_comparison&) = default;
};

/// Compares an alternative proposal with the base one.
[[nodiscard]] scenario_comparison compare_scenarios(const proposal_table& base, const proposal_table& alternative);

/// The comparison as Swedish text: fees as rows, kommuner as columns, each cell the difference
/// alternativ − bas, with row and column sums.
[[nodiscard]] std::string scenario_as_text(const scenario_comparison& comparison);
/// The comparison as CSV: code, kommun, one delta column per fee, Summa; then a Summa row.
[[nodiscard]] std::string scenario_as_csv(const scenario_comparison& comparison);
/// The comparison as JSON: titles, fees, and rows with base, alternative and delta per fee as
/// exact decimal strings.
[[nodiscard]] std::string scenario_as_json(const scenario_comparison& comparison);

} // namespace ku
