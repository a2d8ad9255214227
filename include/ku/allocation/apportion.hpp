#pragma once
/// @file
/// The apportionment engine: whole units for each member from a total and integer weights,
/// by one of the allocation methods (controlled, on one column, is largest remainder), in exact
/// integer arithmetic. This is the layer the kommun-level functions (ku::allocate), the percent
/// rows (ku::to_percents) and the benchmarks call. With int64 weights it works in 128 bits
/// without a division per member while Σ weights fits 64 bits, is constexpr and allocates
/// nothing per member (its working memory is a reusable
/// ku::apportion_scratch); weights of an unbounded integer type (Boost's cpp_int) take the same
/// steps in that type, for weights beyond 64 bits.

#include <algorithm>
#include <array>
#include <bit>
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
    /// the same remainders when Σ weights fits 64 bits (the fast path of int64 weights)
    std::vector<std::uint64_t> narrow_remainders;
    /// how many remainders fall in each bucket of their leading bits (the fast path's selection)
    std::vector<std::uint32_t> bucket_counts;
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

/// floor(total × weight ÷ divisor) and the remainder, without a division: a floating-point
/// estimate of the quotient, corrected exactly by a multiply and a compare (at most a few
/// steps, as the estimate is within 3 of the quotient while below 2^52). Larger quotients take
/// the 128-bit division. For total < 2^63, weight < 2^63 and 0 < divisor < 2^64.
class quotient_by_estimate {
public:
    constexpr quotient_by_estimate(std::uint64_t total, std::uint64_t divisor) noexcept
        : total_{total}, divisor_{divisor},
          scale_{static_cast<double>(total) / static_cast<double>(divisor)} // once per allocation
    {
    }

    /// floor(total × weight ÷ divisor) and (total × weight) mod divisor.
    [[nodiscard]] constexpr quotient_remainder<std::uint64_t> operator()(std::uint64_t weight) const noexcept
    {
        const uint128 numerator = uint128{total_} * weight;
        // Through int64: weight < 2^63 and estimate < 2^52, and the signed conversions are one
        // instruction each, where the unsigned ones branch.
        const double estimate = scale_ * static_cast<double>(static_cast<std::int64_t>(weight));
        if (!(estimate < 0x1p52)) {
            return {static_cast<std::uint64_t>(numerator / divisor_),
                    static_cast<std::uint64_t>(numerator % divisor_)};
        }
        auto quotient = static_cast<std::uint64_t>(static_cast<std::int64_t>(estimate));
        // Both products are below 2^127, so the difference is exact in 128 signed bits.
        int128 remainder = static_cast<int128>(numerator) - static_cast<int128>(uint128{quotient} * divisor_);
        while (remainder < 0) {
            --quotient;
            remainder += divisor_;
        }
        while (remainder >= static_cast<int128>(divisor_)) {
            ++quotient;
            remainder -= divisor_;
        }
        return {quotient, static_cast<std::uint64_t>(remainder)};
    }

private:
    std::uint64_t total_;
    std::uint64_t divisor_;
    double scale_;
};

/// Whether member a's remainder claims a spare unit before member b's: the larger remainder,
/// then tie_before.
struct remainder_claim {
    std::span<const std::uint64_t> remainders;
    std::span<const std::int64_t> weights;
    std::span<const std::uint64_t> keys;

    [[nodiscard]] constexpr bool operator()(std::uint32_t a, std::uint32_t b) const noexcept
    {
        return remainders[a] != remainders[b] ? remainders[a] > remainders[b]
                                              : tie_before(weights[a], keys[a], weights[b], keys[b]);
    }
};

/// Gives one more unit to each of the first `wanted` members of `candidates` by claim.
constexpr void give_to_first(std::size_t wanted, std::span<std::uint32_t> candidates, const remainder_claim& claim,
                             std::span<std::int64_t> units)
{
    const auto cut = candidates.begin() + static_cast<std::ptrdiff_t>(wanted);
    if (cut != candidates.end()) {
        std::nth_element(candidates.begin(), cut - 1, candidates.end(), claim);
    }
    for (auto it = candidates.begin(); it != cut; ++it) {
        ++units[*it];
    }
}

/// Members up to which largest remainder keeps its working memory on the stack.
inline constexpr std::size_t small_member_count = 32;

/// give_to_first for at most small_member_count members, in one pass: keeps the k first by
/// claim (k = spare) in a short sorted list, or, when more than half get a unit, the n − k last
/// and gives a unit to everyone else. Most members fail the first comparison with the list's end.
constexpr void give_spare_units_small(std::size_t spare, const remainder_claim& claim, std::span<std::int64_t> units)
{
    const std::size_t n = units.size();
    const bool to_the_first = 2 * spare <= n;
    const std::size_t kept = to_the_first ? spare : n - spare;
    const auto better = [&](std::uint32_t a, std::uint32_t b) { return to_the_first ? claim(a, b) : claim(b, a); };
    std::array<std::uint32_t, small_member_count> list{};
    std::size_t size = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (size == kept && !better(i, list[size - 1])) {
            continue;
        }
        std::size_t at = size < kept ? size++ : size - 1;
        while (at > 0 && better(i, list[at - 1])) {
            list[at] = list[at - 1];
            --at;
        }
        list[at] = i;
    }
    if (to_the_first) {
        for (std::size_t j = 0; j < kept; ++j) {
            ++units[list[j]];
        }
        return;
    }
    for (std::int64_t& u : units) {
        ++u;
    }
    for (std::size_t j = 0; j < kept; ++j) {
        --units[list[j]];
    }
}

/// Members from which the spare units of largest remainder are chosen by buckets, not by a
/// selection over all of them.
inline constexpr std::size_t bucketed_from_members = 256;

/// Largest remainder for int64 weights whose sum fits 64 bits: quotients by estimate, no
/// division per member. The spare units go to the largest remainders: for few members by a
/// selection over all of them (on the stack up to small_member_count); for many, the
/// remainders' leading bits sort them into buckets, every member above the bucket where the
/// spare units run out gets one, and only that bucket is ordered exactly.
constexpr void largest_remainder_fast(std::int64_t total, std::uint64_t weight_sum,
                                      std::span<const std::int64_t> weights, std::span<const std::uint64_t> keys,
                                      std::span<std::int64_t> units, apportion_scratch& scratch)
{
    const std::size_t n = weights.size();
    const quotient_by_estimate divide{static_cast<std::uint64_t>(total), weight_sum};
    std::uint64_t given = 0;
    if (n <= small_member_count) {
        std::array<std::uint64_t, small_member_count> remainders{};
        for (std::size_t i = 0; i < n; ++i) {
            const auto [quotient, remainder] = divide(static_cast<std::uint64_t>(weights[i]));
            units[i] = static_cast<std::int64_t>(quotient); // ≤ total: fits
            remainders[i] = remainder;
            given += quotient;
        }
        const auto spare = static_cast<std::size_t>(static_cast<std::uint64_t>(total) - given); // < n
        if (spare != 0) {
            give_spare_units_small(spare, remainder_claim{std::span{remainders}.first(n), weights, keys}, units);
        }
        return;
    }
    scratch.narrow_remainders.resize(n);
    std::uint64_t* const remainders = scratch.narrow_remainders.data();
    const remainder_claim claim{scratch.narrow_remainders, weights, keys};
    std::vector<std::uint32_t>& order = scratch.order;
    order.clear();
    if (n < bucketed_from_members) {
        for (std::size_t i = 0; i < n; ++i) {
            const auto [quotient, remainder] = divide(static_cast<std::uint64_t>(weights[i]));
            units[i] = static_cast<std::int64_t>(quotient);
            remainders[i] = remainder;
            given += quotient;
        }
        const auto spare = static_cast<std::size_t>(static_cast<std::uint64_t>(total) - given);
        if (spare != 0) {
            for (std::size_t i = 0; i < n; ++i) {
                order.push_back(static_cast<std::uint32_t>(i));
            }
            give_to_first(spare, order, claim, units);
        }
        return;
    }
    // About 16 members per bucket, at most 2^14 buckets; every remainder is below weight_sum.
    const auto bits_of = [](std::uint64_t x) { return static_cast<int>(std::bit_width(x)); }; // ≤ 64
    const int bucket_bits = std::clamp(bits_of(n) - 4, 4, 14);
    const int shift = std::max(0, bits_of(weight_sum - 1) - bucket_bits);
    scratch.bucket_counts.assign(std::size_t{1} << bucket_bits, 0);
    std::uint32_t* const counts = scratch.bucket_counts.data();
    for (std::size_t i = 0; i < n; ++i) {
        const auto [quotient, remainder] = divide(static_cast<std::uint64_t>(weights[i]));
        units[i] = static_cast<std::int64_t>(quotient);
        remainders[i] = remainder;
        ++counts[remainder >> shift];
        given += quotient;
    }
    const auto spare = static_cast<std::size_t>(static_cast<std::uint64_t>(total) - given);
    if (spare == 0) {
        return;
    }
    std::size_t bucket = scratch.bucket_counts.size() - 1;
    std::size_t above = 0;
    while (above + counts[bucket] < spare) {
        above += counts[bucket];
        --bucket;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t in = remainders[i] >> shift;
        units[i] += in > bucket ? 1 : 0; // branch-free: about half the members are above
        if (in == bucket) {             // rare: about 16 members
            order.push_back(static_cast<std::uint32_t>(i));
        }
    }
    give_to_first(spare - above, order, claim, units);
}

/// Each quota rounded half-up, for int64 weights whose sum fits 64 bits (quotients by estimate);
/// returns Σ units (≤ total + n/2, which may exceed the int64 range).
constexpr int128 quotas_half_up_fast(std::int64_t total, std::uint64_t weight_sum,
                                           std::span<const std::int64_t> weights, std::span<std::int64_t> units) noexcept
{
    const quotient_by_estimate divide{static_cast<std::uint64_t>(total), weight_sum};
    std::uint64_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const auto [quotient, remainder] = divide(static_cast<std::uint64_t>(weights[i]));
        const std::uint64_t rounded = quotient + (remainder >= weight_sum - remainder ? 1U : 0U);
        units[i] = static_cast<std::int64_t>(rounded);
        given += rounded;
    }
    return int128{given}; // ≤ total + n/2 < 2^64: may exceed the int64 range
}

/// Whether Σ weights allows the fast path: int64 weights whose sum fits 64 bits.
template <class Weight>
[[nodiscard]] constexpr bool fits_fast_path(const typename apportion_arithmetic<Weight>::wide& weight_sum) noexcept
{
    if constexpr (std::is_same_v<Weight, std::int64_t>) {
        return (static_cast<uint128>(weight_sum) >> 64U) == 0;
    } else {
        return false;
    }
}

/// Each quota total × w ÷ Σ w rounded half-up into `units`; returns Σ units (≤ total + n/2).
template <class Weight>
constexpr int128 quotas_half_up(std::int64_t total, const typename apportion_arithmetic<Weight>::wide& weight_sum,
                                std::span<const Weight> weights, std::span<std::int64_t> units)
{
    if constexpr (std::is_same_v<Weight, std::int64_t>) {
        if (fits_fast_path<Weight>(weight_sum)) {
            return quotas_half_up_fast(total, static_cast<std::uint64_t>(weight_sum), weights, units);
        }
    }
    using wide = typename apportion_arithmetic<Weight>::wide;
    int128 given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        units[i] = static_cast<std::int64_t>(divide_half_up_nonnegative(wide{wide{total} * weights[i]}, weight_sum));
        given += units[i];
    }
    return given;
}

template <class Weight>
constexpr void largest_remainder(std::int64_t total, typename apportion_arithmetic<Weight>::wide weight_sum,
                                 std::span<const Weight> weights,
                                 std::span<const std::uint64_t> keys, std::span<std::int64_t> units,
                                 basic_apportion_scratch<Weight>& scratch)
{
    if constexpr (std::is_same_v<Weight, std::int64_t>) {
        if (fits_fast_path<Weight>(weight_sum)) {
            largest_remainder_fast(total, static_cast<std::uint64_t>(weight_sum), weights, keys, units, scratch);
            return;
        }
    }
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
    using product = typename apportion_arithmetic<Weight>::product;
    const std::size_t n = weights.size();
    // Start at the quotas rounded half-up (Webster at divisor W/total), then step the divisor.
    const int128 given = quotas_half_up(total, weight_sum, weights, units);
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
        const int128 given = quotas_half_up(magnitude, weight_sum, weights, units);
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
