#pragma once
/// @file
/// The apportionment engine: whole units for each member from a total and integer weights,
/// by one of the allocation methods (controlled, on one column, is largest remainder), in exact
/// integer arithmetic. This is the layer the kommun-level functions (ku::allocate), the percent
/// rows (ku::to_percents) and the benchmarks call. With int64 weights it works in 128 bits, is
/// constexpr and allocates nothing per member (its working memory is a reusable
/// ku::apportion_scratch); weights of an unbounded integer type (Boost's cpp_int) take the same
/// steps in that type, for weights beyond 64 bits.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <type_traits>
#include <vector>

#include <gsl/assert>

#include "ku/allocation/method.hpp"
#include "ku/core/rounding.hpp"

namespace ku {

/// An unsigned 128-bit integer, for comparing the divisor method's priorities exactly.
__extension__ using uint128 = unsigned __int128;

/// An integer type without bounds, such as Boost's cpp_int: ku::apportion takes weights of such a
/// type when they may exceed 64 bits.
template <class T>
concept unbounded_integer = std::numeric_limits<T>::is_specialized && std::numeric_limits<T>::is_integer &&
                            !std::numeric_limits<T>::is_bounded;

namespace detail {

/// The integer types ku::apportion computes in for weights of type Weight: `wide` holds Σ weights
/// and total × weight, `product` weight × (2 × units ± 1), both exactly.
template <class Weight>
struct apportion_arithmetic;
template <>
struct apportion_arithmetic<std::int64_t> {
    using wide = int128;
    using product = uint128;
};
template <unbounded_integer Weight>
struct apportion_arithmetic<Weight> {
    using wide = Weight;
    using product = Weight;
};

} // namespace detail

/// Reusable working memory of ku::apportion for weights of type Weight (std::int64_t or an
/// unbounded_integer): O(members), grown once, kept across calls.
template <class Weight>
struct basic_apportion_scratch {
    std::vector<std::uint32_t> order; ///< member indices, ordered by claim to the next unit
    /// each member's remainder of total × weight ÷ Σ weights
    std::vector<typename detail::apportion_arithmetic<Weight>::wide> remainders;
};

/// Reusable working memory of ku::apportion with int64 weights.
using apportion_scratch = basic_apportion_scratch<std::int64_t>;

namespace detail {

/// A quotient and its remainder.
template <class Wide>
struct quotient_remainder {
    Wide quotient;
    Wide remainder;
};

/// numerator / denominator and numerator % denominator for numerator ≥ 0 < denominator: one
/// 64-bit division when both fit 64 bits (the usual case), else the 128-bit one.
[[nodiscard]] constexpr quotient_remainder<int128> divide_nonnegative(int128 numerator, int128 denominator) noexcept
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

/// numerator / denominator and numerator % denominator for numerator ≥ 0 < denominator, in an
/// unbounded integer type.
template <unbounded_integer Wide>
[[nodiscard]] quotient_remainder<Wide> divide_nonnegative(const Wide& numerator, const Wide& denominator)
{
    return {Wide{numerator / denominator}, Wide{numerator % denominator}};
}

/// numerator / denominator rounded half-up, for numerator ≥ 0 < denominator.
[[nodiscard]] constexpr int128 divide_half_up_nonnegative(int128 numerator, int128 denominator) noexcept
{
    const auto [q, r] = divide_nonnegative(numerator, denominator);
    return r >= denominator - r ? q + 1 : q;
}

/// numerator / denominator rounded half-up, for numerator ≥ 0 < denominator, in an unbounded
/// integer type.
template <unbounded_integer Wide>
[[nodiscard]] Wide divide_half_up_nonnegative(const Wide& numerator, const Wide& denominator)
{
    const auto [q, r] = divide_nonnegative(numerator, denominator);
    return r >= denominator - r ? Wide{q + 1} : q;
}

/// Whether member a goes before member b when both have the same claim: larger weight first,
/// then lower tie key. Independent of input order.
template <class Weight>
[[nodiscard]] constexpr bool tie_before(const Weight& weight_a, std::uint64_t key_a,
                                        const Weight& weight_b, std::uint64_t key_b) noexcept
{
    return weight_a != weight_b ? weight_a > weight_b : key_a < key_b;
}

/// Index of the member with the largest weight (ties: lowest key).
template <class Weight>
[[nodiscard]] constexpr std::size_t largest_member(std::span<const Weight> weights,
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

template <class Weight>
constexpr void largest_remainder(std::int64_t total, typename apportion_arithmetic<Weight>::wide weight_sum,
                                 std::span<const Weight> weights,
                                 std::span<const std::uint64_t> keys, std::span<std::int64_t> units,
                                 basic_apportion_scratch<Weight>& scratch)
{
    using wide = typename apportion_arithmetic<Weight>::wide;
    const std::size_t n = weights.size();
    scratch.remainders.resize(n);
    int128 given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto [quotient, remainder] = divide_nonnegative(wide{wide{total} * weights[i]}, weight_sum);
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
        const wide& ra = scratch.remainders[a];
        const wide& rb = scratch.remainders[b];
        return ra != rb ? ra > rb : tie_before(weights[a], keys[a], weights[b], keys[b]);
    };
    const auto cut = scratch.order.begin() + static_cast<std::ptrdiff_t>(spare);
    std::nth_element(scratch.order.begin(), cut - 1, scratch.order.end(), claim_before);
    for (auto it = scratch.order.begin(); it != cut; ++it) {
        ++units[*it];
    }
}

template <class Weight>
constexpr void sainte_lague(std::int64_t total, typename apportion_arithmetic<Weight>::wide weight_sum,
                            std::span<const Weight> weights,
                            std::span<const std::uint64_t> keys, std::span<std::int64_t> units,
                            basic_apportion_scratch<Weight>& scratch)
{
    using wide = typename apportion_arithmetic<Weight>::wide;
    using product = typename apportion_arithmetic<Weight>::product;
    const std::size_t n = weights.size();
    // Start at the quotas rounded half-up (Webster at divisor W/total), then step the divisor.
    int128 given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        units[i] = static_cast<std::int64_t>(
            divide_half_up_nonnegative(wide{wide{total} * weights[i]}, weight_sum));
        given += units[i];
    }
    if (given == total) {
        return;
    }
    // Member a's next unit comes before b's when w_a/(2 s_a + 1) > w_b/(2 s_b + 1); a unit is
    // taken back first from the smallest w/(2 s - 1). Compared exactly by cross-multiplying.
    const bool adding = given < total;
    const auto divisor = [&](std::uint32_t i) -> product {
        const auto s = static_cast<product>(units[i]);
        return adding ? product{2 * s + 1} : product{2 * s - 1};
    };
    const auto next_before = [&](std::uint32_t a, std::uint32_t b) {
        const product lhs = static_cast<product>(weights[a]) * divisor(b);
        const product rhs = static_cast<product>(weights[b]) * divisor(a);
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

/// ku::apportion for weights of type Weight, computing in apportion_arithmetic<Weight>.
template <class Weight>
constexpr std::int64_t apportion_in(allocation_method method, std::int64_t total, std::span<const Weight> weights,
                                    std::span<const std::uint64_t> keys, std::span<std::int64_t> units,
                                    basic_apportion_scratch<Weight>& scratch)
{
    using wide = typename apportion_arithmetic<Weight>::wide;
    Expects(!weights.empty() && weights.size() == keys.size() && weights.size() == units.size());
    Expects(weights.size() < (std::size_t{1} << 32U));
    wide weight_sum = 0;
    for (const Weight& w : weights) {
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
    case allocation_method::controlled: // one column: the controlled rounding is largest remainder's
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
                detail::divide_half_up_nonnegative(wide{wide{magnitude} * weights[i]}, weight_sum));
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
    return detail::apportion_in<std::int64_t>(method, total, weights, keys, units, scratch);
}

/// The same split, tie rule and preconditions for weights of an unbounded integer type (Boost's
/// cpp_int) that may exceed 64 bits, computed exactly in that type; not constexpr.
template <unbounded_integer Weight>
std::int64_t apportion(allocation_method method, std::int64_t total,
                       std::type_identity_t<std::span<const Weight>> weights,
                       std::span<const std::uint64_t> keys, std::span<std::int64_t> units,
                       basic_apportion_scratch<Weight>& scratch)
{
    return detail::apportion_in<Weight>(method, total, weights, keys, units, scratch);
}

} // namespace ku
