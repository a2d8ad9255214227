#pragma once
/// @file
/// The apportionment engine: whole units for each member from a total and integer weights,
/// by one of the four allocation methods, in exact integer arithmetic. This is the layer the
/// kommun-level functions (ku::allocate) and the benchmarks call; it allocates nothing per
/// member (its working memory is a reusable ku::apportion_scratch).

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include <gsl/assert>

#include "ku/allocation/method.hpp"
#include "ku/core/rounding.hpp"

namespace ku {

/// An unsigned 128-bit integer, for comparing the divisor method's priorities exactly.
__extension__ using uint128 = unsigned __int128;

/// Reusable working memory of ku::apportion: O(members), grown once, kept across calls.
struct apportion_scratch {
    std::vector<std::uint32_t> order; ///< member indices, ordered by claim to the next unit
    std::vector<int128> remainders; ///< each member's remainder of total × weight ÷ Σ weights
};

namespace detail {

/// numerator / denominator and numerator % denominator for numerator ≥ 0 < denominator: one
/// 64-bit division when both fit 64 bits (the usual case), else the 128-bit one.
struct quotient_remainder {
    int128 quotient;
    int128 remainder;
};
[[nodiscard]] constexpr quotient_remainder divide_nonnegative(int128 numerator, int128 denominator) noexcept
{
    const auto n = static_cast<uint128>(numerator);
    const auto d = static_cast<uint128>(denominator);
    if (((n | d) >> 64U) == 0) {
        const auto n64 = static_cast<std::uint64_t>(n);
        const auto d64 = static_cast<std::uint64_t>(d);
        return {static_cast<int128>(n64 / d64), static_cast<int128>(n64 % d64)};
    }
    return {numerator / denominator, numerator % denominator};
}

/// numerator / denominator rounded half-up, for numerator ≥ 0 < denominator.
[[nodiscard]] constexpr int128 divide_half_up_nonnegative(int128 numerator, int128 denominator) noexcept
{
    const auto [q, r] = divide_nonnegative(numerator, denominator);
    return r >= denominator - r ? q + 1 : q;
}

/// Whether member a goes before member b when both have the same claim: larger weight first,
/// then lower tie key. Independent of input order.
[[nodiscard]] constexpr bool tie_before(std::int64_t weight_a, std::uint64_t key_a,
                                        std::int64_t weight_b, std::uint64_t key_b) noexcept
{
    return weight_a != weight_b ? weight_a > weight_b : key_a < key_b;
}

/// Index of the member with the largest weight (ties: lowest key).
[[nodiscard]] constexpr std::size_t largest_member(std::span<const std::int64_t> weights,
                                                   std::span<const std::uint64_t> keys) noexcept
{
    std::size_t best = 0;
    for (std::size_t i = 1; i < weights.size(); ++i) {
        if (tie_before(weights[i], keys[i], weights[best], keys[best])) {
            best = i;
        }
    }
    return best;
}

constexpr void largest_remainder(std::int64_t total, int128 weight_sum,
                                 std::span<const std::int64_t> weights,
                                 std::span<const std::uint64_t> keys, std::span<std::int64_t> units,
                                 apportion_scratch& scratch)
{
    const std::size_t n = weights.size();
    scratch.remainders.resize(n);
    int128 given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto [quotient, remainder] = divide_nonnegative(int128{total} * weights[i], weight_sum);
        units[i] = static_cast<std::int64_t>(quotient); // ≤ total: fits
        scratch.remainders[i] = remainder;
        given += units[i];
    }
    const auto spare = static_cast<std::size_t>(total - given); // 0 ≤ spare < n
    if (spare == 0) {
        return;
    }
    scratch.order.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        scratch.order[i] = static_cast<std::uint32_t>(i);
    }
    const auto claim_before = [&](std::uint32_t a, std::uint32_t b) {
        const int128 ra = scratch.remainders[a];
        const int128 rb = scratch.remainders[b];
        return ra != rb ? ra > rb : tie_before(weights[a], keys[a], weights[b], keys[b]);
    };
    const auto cut = scratch.order.begin() + static_cast<std::ptrdiff_t>(spare);
    std::nth_element(scratch.order.begin(), cut - 1, scratch.order.end(), claim_before);
    for (auto it = scratch.order.begin(); it != cut; ++it) {
        ++units[*it];
    }
}

constexpr void sainte_lague(std::int64_t total, int128 weight_sum,
                            std::span<const std::int64_t> weights,
                            std::span<const std::uint64_t> keys, std::span<std::int64_t> units,
                            apportion_scratch& scratch)
{
    const std::size_t n = weights.size();
    // Start at the quotas rounded half-up (Webster at divisor W/total), then step the divisor.
    int128 given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        units[i] = static_cast<std::int64_t>(
            divide_half_up_nonnegative(int128{total} * weights[i], weight_sum));
        given += units[i];
    }
    if (given == total) {
        return;
    }
    // Member a's next unit comes before b's when w_a/(2 s_a + 1) > w_b/(2 s_b + 1); a unit is
    // taken back first from the smallest w/(2 s - 1). Compared exactly by cross-multiplying.
    const bool adding = given < total;
    const auto divisor = [&](std::uint32_t i) -> uint128 {
        const auto s = static_cast<uint128>(units[i]);
        return adding ? 2 * s + 1 : 2 * s - 1;
    };
    const auto next_before = [&](std::uint32_t a, std::uint32_t b) {
        const uint128 lhs = static_cast<uint128>(weights[a]) * divisor(b);
        const uint128 rhs = static_cast<uint128>(weights[b]) * divisor(a);
        if (lhs != rhs) {
            return adding ? lhs > rhs : lhs < rhs;
        }
        const bool a_first = tie_before(weights[a], keys[a], weights[b], keys[b]);
        return adding ? a_first : !a_first;
    };
    // A max-heap on "comes next": std heap functions keep the largest by `less` on top.
    const auto heap_less = [&](std::uint32_t a, std::uint32_t b) { return next_before(b, a); };
    const int128 steps = adding ? total - given : given - total;
    // Only members whose first claim is among the `steps` first can take part: each member's
    // later claims come after its first one. Keep those (a heap with the last of them on top,
    // filled in one sequential pass), then run the steps on them alone.
    scratch.order.clear();
    for (std::size_t i = 0; i < n; ++i) {
        if (weights[i] <= 0 || (!adding && units[i] <= 0)) {
            continue;
        }
        const auto member = static_cast<std::uint32_t>(i);
        if (static_cast<int128>(scratch.order.size()) < steps) {
            scratch.order.push_back(member);
            std::push_heap(scratch.order.begin(), scratch.order.end(), next_before);
        } else if (next_before(member, scratch.order.front())) {
            std::pop_heap(scratch.order.begin(), scratch.order.end(), next_before);
            scratch.order.back() = member;
            std::push_heap(scratch.order.begin(), scratch.order.end(), next_before);
        }
    }
    std::make_heap(scratch.order.begin(), scratch.order.end(), heap_less);
    for (int128 step = steps; step > 0; --step) {
        std::pop_heap(scratch.order.begin(), scratch.order.end(), heap_less);
        const std::uint32_t member = scratch.order.back();
        units[member] += adding ? 1 : -1;
        if (adding || units[member] > 0) {
            std::push_heap(scratch.order.begin(), scratch.order.end(), heap_less);
        } else {
            scratch.order.pop_back();
        }
    }
}

} // namespace detail

/// Splits `total` whole units among members with the given non-negative `weights` by
/// `method`, writing each member's units to `units`; returns the residual total − Σ units,
/// which is zero for every method except round-each. `keys` identify the members for the tie
/// rule (e.g. the kommun code's number), so the result does not depend on input order.
/// A negative total (a refund) is split as the negation of the positive one.
/// Preconditions (contract, not input validation): spans of equal size ≥ 1 and < 2^32,
/// weights ≥ 0 with a positive sum, total > INT64_MIN.
constexpr std::int64_t apportion(allocation_method method, std::int64_t total,
                                 std::span<const std::int64_t> weights,
                                 std::span<const std::uint64_t> keys, std::span<std::int64_t> units,
                                 apportion_scratch& scratch)
{
    Expects(!weights.empty() && weights.size() == keys.size() && weights.size() == units.size());
    Expects(weights.size() < (std::size_t{1} << 32U));
    int128 weight_sum = 0;
    for (const std::int64_t w : weights) {
        Expects(w >= 0);
        weight_sum += w;
    }
    Expects(weight_sum > 0);
    Expects(total != std::numeric_limits<std::int64_t>::min());

    const bool refund = total < 0;
    const std::int64_t magnitude = refund ? -total : total;
    std::int64_t residual = 0;
    switch (method) {
    case allocation_method::largest_remainder:
        detail::largest_remainder(magnitude, weight_sum, weights, keys, units, scratch);
        break;
    case allocation_method::sainte_lague:
        detail::sainte_lague(magnitude, weight_sum, weights, keys, units, scratch);
        break;
    case allocation_method::round_each:
    case allocation_method::largest_absorbs: {
        int128 given = 0;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            units[i] = static_cast<std::int64_t>(
                detail::divide_half_up_nonnegative(int128{magnitude} * weights[i], weight_sum));
            given += units[i];
        }
        residual = static_cast<std::int64_t>(magnitude - given); // |residual| ≤ n/2
        if (method == allocation_method::largest_absorbs) {
            units[detail::largest_member(weights, keys)] += residual;
            residual = 0;
        }
        break;
    }
    }
    if (refund) {
        for (std::int64_t& u : units) {
            u = -u;
        }
        residual = -residual;
    }
    return residual;
}

} // namespace ku
