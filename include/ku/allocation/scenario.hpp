#pragma once
/// @file
/// Scenarios (konsekvensbeskrivning): budget alternatives computed as proposals and compared
/// per kommun and per fee, in a delta table whose rows and columns add up exactly.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/core/kommun.hpp"
#include "ku/core/money.hpp"

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
    [[nodiscard]] constexpr money delta(std::size_t row, std::size_t fee) const
    {
        return alternative[row][fee] - base[row][fee];
    }
    /// The change of the row's sum: the alternative's counted fees minus the base's.
    [[nodiscard]] constexpr money row_delta(std::size_t row) const;
    /// The fee's delta over every kommun.
    [[nodiscard]] constexpr money fee_delta(std::size_t fee) const;
    /// The sum of the row deltas (= the change of the counted total).
    [[nodiscard]] constexpr money total_delta() const;
    /// Equal when titles, kommuner, fees, flags and every amount are.
    friend bool operator==(const scenario_comparison&, const scenario_comparison&) = default;
};

/// Compares an alternative proposal with the base one.
[[nodiscard]] constexpr scenario_comparison compare_scenarios(const proposal_table& base,
                                                             const proposal_table& alternative);

namespace detail::scenario_impl {

/// Every cell of `table` at the comparison's rows and fees, 0 where it has none.
constexpr std::vector<std::vector<money>> cells_of(const proposal_table& table, const std::vector<kommun>& kommuner,
                                                   const std::vector<std::string>& fees)
{
    std::vector<std::vector<money>> cells(kommuner.size(), std::vector<money>(fees.size()));
    for (std::size_t f = 0; f < fees.size(); ++f) {
        const auto fee = std::ranges::find(table.fees, fees[f], &fee_spec::name);
        if (fee == table.fees.end()) {
            continue;
        }
        const allocation& split = table.allocations[static_cast<std::size_t>(fee - table.fees.begin())];
        for (std::size_t r = 0; r < kommuner.size(); ++r) {
            if (const allocation_part* part = split.find(kommuner[r].code)) {
                cells[r][f] = part->amount;
            }
        }
    }
    return cells;
}

} // namespace detail::scenario_impl

constexpr money scenario_comparison::row_delta(std::size_t row) const
{
    money total;
    for (std::size_t f = 0; f < fees.size(); ++f) {
        if (alternative_in_row_sum[f]) {
            total += alternative[row][f];
        }
        if (base_in_row_sum[f]) {
            total -= base[row][f];
        }
    }
    return total;
}

constexpr money scenario_comparison::fee_delta(std::size_t fee) const
{
    money total;
    for (std::size_t r = 0; r < kommuner.size(); ++r) {
        total += delta(r, fee);
    }
    return total;
}

constexpr money scenario_comparison::total_delta() const
{
    money total;
    for (std::size_t r = 0; r < kommuner.size(); ++r) {
        total += row_delta(r);
    }
    return total;
}

constexpr scenario_comparison compare_scenarios(const proposal_table& base, const proposal_table& alternative)
{
    scenario_comparison comparison;
    comparison.base_title = base.title;
    comparison.alternative_title = alternative.title;
    for (const proposal_table* table : {&base, &alternative}) {
        for (const kommun& k : table->kommuner) {
            if (std::ranges::find(comparison.kommuner, k.code, &kommun::code) == comparison.kommuner.end()) {
                comparison.kommuner.push_back(k);
            }
        }
        for (const fee_spec& fee : table->fees) {
            const auto found = std::ranges::find(comparison.fees, fee.name);
            if (found == comparison.fees.end()) {
                comparison.fees.push_back(fee.name);
                comparison.in_row_sum.push_back(fee.in_row_sum);
            } else if (fee.in_row_sum) {
                comparison.in_row_sum[static_cast<std::size_t>(found - comparison.fees.begin())] = true;
            }
        }
    }
    for (const std::string& name : comparison.fees) {
        const auto counted = [&](const proposal_table& table) {
            const auto fee = std::ranges::find(table.fees, name, &fee_spec::name);
            return fee != table.fees.end() && fee->in_row_sum;
        };
        comparison.base_in_row_sum.push_back(counted(base));
        comparison.alternative_in_row_sum.push_back(counted(alternative));
    }
    comparison.base = detail::scenario_impl::cells_of(base, comparison.kommuner, comparison.fees);
    comparison.alternative = detail::scenario_impl::cells_of(alternative, comparison.kommuner, comparison.fees);
    return comparison;
}

} // namespace ku
