#pragma once
/// @file
/// Percent rows: exact shares shown as whole percents (or a chosen number of decimals) that sum
/// to exactly 100, by largest remainder, beside the plain per-cell rounding for comparison.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>

#include "ku/core/rounding.hpp"

namespace ku {

/// An exact non-negative share as an unbounded rational (0,3478… of a whole).
using exact_share = boost::multiprecision::cpp_rational;

/// A percent with a fixed number of decimals: `units` counts units of 10^-decimals
/// percent ("34" with 0 decimals, "34,8" as 348 with 1 decimal).
struct percent {
    std::int64_t units = 0; ///< the value in units of 10^-decimals percent
    int decimals = 0; ///< how many decimals are shown

    /// Plain machine form with '.': "34", "34.8".
    [[nodiscard]] std::string to_plain() const;
    /// Swedish form with ',' and the sign: "34 %", "34,8 %".
    [[nodiscard]] std::string to_swedish() const;
    /// Equal when units and decimals are (34 and 34,0 differ).
    friend bool operator==(const percent&, const percent&) = default;
};

/// How a row of shares becomes percents.
enum class percent_rounding : std::uint8_t {
    largest_remainder, ///< floor each, the spare units to the largest remainders: sums to 100
    each_cell,         ///< each cell rounded half-up on its own, as published tables do
};

/// The shares (which must sum to 1, or all be zero for an empty row) as percents with
/// `decimals` decimals. Largest remainder breaks ties by the larger share, then the earlier
/// cell, and always sums to exactly 100. Throws ku::domain_error for a negative share, shares
/// that do not sum to 1, or decimals outside 0–6.
[[nodiscard]] std::vector<percent> to_percents(std::span<const exact_share> shares, int decimals = 0,
                                               percent_rounding rounding = percent_rounding::largest_remainder);

} // namespace ku
