// Percent rows that sum to exactly 100.

#include "ku/shares/percent.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include <gsl/narrow>

#include "ku/core/error.hpp"

namespace ku {

namespace {

using boost::multiprecision::cpp_int;

std::string with_decimals(std::int64_t units, int decimals, char separator)
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

} // namespace

std::string percent::to_plain() const { return with_decimals(units, decimals, '.'); }

std::string percent::to_swedish() const { return with_decimals(units, decimals, ',') + " %"; }

std::vector<percent> to_percents(std::span<const exact_share> shares, int decimals, percent_rounding rounding)
{
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
