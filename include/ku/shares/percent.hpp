#pragma once
/// @file
/// Percent rows: exact shares shown as whole percents (or a chosen number of decimals) that sum
/// to exactly 100, by largest remainder, beside the plain per-cell rounding for comparison.

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <span>
#include <string>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <gsl/narrow>

#include "ku/core/error.hpp"
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

namespace detail::percent_impl {

inline std::string with_decimals(std::int64_t units, int decimals, char separator)
{
    const bool negative = units < 0;
    std::string digits = std::to_string(negative ? -units : units);
    const auto d = gsl::narrow<std::size_t>(decimals);
    if (d > 0) {
        if (digits.size() <= d) {
            digits.insert(0, d + 1 - digits.size(), '0');
        }
        digits.insert(digits.size() - d, 1, separator);
    }
    return (negative ? "-" : "") + digits;
}

} // namespace detail::percent_impl

inline std::string percent::to_plain() const { return detail::percent_impl::with_decimals(units, decimals, '.'); }

inline std::string percent::to_swedish() const
{
    return detail::percent_impl::with_decimals(units, decimals, ',') + " %";
}

inline std::vector<percent> to_percents(std::span<const exact_share> shares, int decimals, percent_rounding rounding)
{
    using boost::multiprecision::cpp_int;
    if (decimals < 0 || decimals > 6) {
        throw domain_error("percents: " + std::to_string(decimals) + " decimals; choose 0 to 6");
    }
    exact_share total = 0;
    for (const exact_share& share : shares) {
        if (share < 0) {
            throw domain_error("percents: a share is negative");
        }
        total += share;
    }
    std::vector<percent> result(shares.size(), percent{0, decimals});
    if (total == 0) {
        return result; // an empty row: every cell 0
    }
    if (total != 1) {
        throw domain_error("percents: the shares sum to " + total.str() + ", not to 1");
    }
    std::int64_t whole = 100;
    for (int i = 0; i < decimals; ++i) {
        whole *= 10;
    }
    std::vector<cpp_int> floors(shares.size());
    std::vector<exact_share> remainders(shares.size());
    std::int64_t given = 0;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        const exact_share scaled = shares[i] * whole;
        floors[i] = boost::multiprecision::numerator(scaled) / boost::multiprecision::denominator(scaled);
        remainders[i] = scaled - exact_share{floors[i]};
        if (rounding == percent_rounding::each_cell && remainders[i] * 2 >= 1) {
            floors[i] += 1;
        }
        result[i].units = floors[i].convert_to<std::int64_t>();
        given += result[i].units;
    }
    if (rounding == percent_rounding::largest_remainder) {
        std::vector<std::size_t> order(shares.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
            if (remainders[a] != remainders[b]) {
                return remainders[a] > remainders[b];
            }
            return shares[a] > shares[b];
        });
        for (std::int64_t spare = whole - given, k = 0; k < spare; ++k) {
            ++result[order[gsl::narrow<std::size_t>(k)]].units;
        }
    }
    return result;
}

} // namespace ku
