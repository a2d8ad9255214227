// The fast path of the apportionment engine (int64 weights whose sum fits 64 bits: quotients
// from a floating-point estimate corrected exactly, spare units chosen by buckets of the
// remainders' leading bits) against the reference: the same engine over Boost's cpp_int, which
// divides exactly for every member and orders all of them. Random problems over the edges:
// totals near the money limit, weights near 2^63 and sums just under 2^64, ties across bucket
// boundaries, zero weights, refunds, and enough members for the bucketed selection.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>

#include "ku/allocation/apportion.hpp"
#include "ku/allocation/method.hpp"
#include "../support/random.hpp"

using boost::multiprecision::cpp_int;
using ku::allocation_method;

namespace {

using ku::test::int64_max;
using ku::test::rng_t;
using ku::test::uniform;

/// Weights of one edge shape for n members. Every shape keeps Σ weights below 2^64 except
/// "beyond", which takes the 128-bit path on purpose.
std::vector<std::int64_t> edge_weights(rng_t& rng, std::size_t n, int shape)
{
    std::vector<std::int64_t> weights(n);
    const std::int64_t ceiling = int64_max / static_cast<std::int64_t>(n); // Σ < 2^63
    const std::int64_t same = uniform(rng, 1, ceiling);
    for (std::size_t i = 0; i < n; ++i) {
        std::int64_t& w = weights[i];
        switch (shape) {
        case 0: w = uniform(rng, 2'000, 1'000'000); break;            // populations
        case 1: w = uniform(rng, 0, 3); break;                        // ties and zeros
        case 2: w = same; break;                                      // all equal: one remainder
        case 3: w = ceiling - uniform(rng, 0, 2); break;              // Σ just under 2^63
        case 4: w = uniform(rng, 0, 1) == 0 ? 0 : uniform(rng, 1, ceiling); break;
        case 5: w = i % 3 == 0 ? same : uniform(rng, 1, 1'000); break; // a few equal giants
        default: w = uniform(rng, 0, int64_max); break;               // beyond: Σ ≥ 2^64
        }
    }
    if (std::all_of(weights.begin(), weights.end(), [](std::int64_t w) { return w == 0; })) {
        weights[0] = 1;
    }
    return weights;
}

std::int64_t edge_total(rng_t& rng)
{
    switch (uniform(rng, 0, 5)) {
    case 0: return uniform(rng, -100, 100);
    case 1: return uniform(rng, 1, 2'000'000'000);
    case 2: return int64_max - uniform(rng, 0, 1'000);
    case 3: return -int64_max + uniform(rng, 0, 1'000);
    case 4: return std::int64_t{1} << uniform(rng, 40, 62);
    default: return uniform(rng, -int64_max, int64_max);
    }
}

} // namespace

TEST_CASE("the fast engine gives every member what the exact engine over unbounded integers gives",
          "[apportion][fast][property]")
{
    rng_t rng{16};
    ku::apportion_scratch fast_scratch;
    ku::basic_apportion_scratch<cpp_int> exact_scratch;
    int cases = 0;
    // Sizes on both sides of the stack buffer (32) and of the bucketed selection (256).
    for (const std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{13}, std::size_t{32}, std::size_t{33},
                                std::size_t{255}, std::size_t{256}, std::size_t{1'000}, std::size_t{5'000}}) {
        const int rounds = n >= 1'000 ? 6 : 40;
        for (int round = 0; round < rounds; ++round) {
            const int shape = static_cast<int>(uniform(rng, 0, 6));
            const std::vector<std::int64_t> weights = edge_weights(rng, n, shape);
            std::vector<std::uint64_t> keys(n);
            for (std::size_t i = 0; i < n; ++i) {
                keys[i] = (i * 7919U) % 104'729U; // distinct for n < 104 729
            }
            const std::vector<cpp_int> wide_weights(weights.begin(), weights.end());
            const std::int64_t total = edge_total(rng);
            for (const allocation_method method :
                 {allocation_method::largest_remainder, allocation_method::sainte_lague,
                  allocation_method::round_each, allocation_method::largest_absorbs}) {
                INFO(ku::to_string(method) << ", " << n << " members, shape " << shape << ", total " << total);
                std::vector<std::int64_t> fast(n);
                std::vector<std::int64_t> exact(n);
                const std::int64_t fast_residual =
                    ku::apportion(method, total, weights, keys, fast, fast_scratch);
                const std::int64_t exact_residual =
                    ku::apportion<cpp_int>(method, total, wide_weights, keys, exact, exact_scratch);
                CHECK(fast_residual == exact_residual);
                CHECK(fast == exact);
                ++cases;
            }
        }
    }
    CHECK(cases == 4 * (7 * 40 + 2 * 6));
}

TEST_CASE("equal remainders where the spare units run out go to the larger weight, then the "
          "lower key",
          "[apportion][fast][ties]")
{
    // 1 000 members of weight 3 and 1 002 of weight 1 (Σ 4 002) share 2 001 units: the quotas
    // are 1,5 and 0,5, so every remainder is one half. The floors give 1 000 units; the 1 001
    // spare go to all the weight-3 members, then to the weight-1 member with the lowest key.
    std::vector<std::int64_t> weights(2'002, 1);
    std::fill(weights.begin(), weights.begin() + 1'000, 3);
    std::vector<std::uint64_t> keys(weights.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        keys[i] = 2'002 - i; // the last member has the lowest key
    }
    std::vector<std::int64_t> units(weights.size());
    ku::apportion_scratch scratch;
    CHECK(ku::apportion(allocation_method::largest_remainder, 2'001, weights, keys, units, scratch) == 0);
    CHECK(std::count(units.begin(), units.begin() + 1'000, 2) == 1'000);
    CHECK(std::count(units.begin() + 1'000, units.end(), 1) == 1);
    CHECK(units.back() == 1);
}

TEST_CASE("regression: Sainte-Laguë takes back a unit when the rounded quotas of a total near "
          "the limit sum beyond 2^63 − 1",
          "[apportion][fast][regression]")
{
    // Two equal members share 2^63 − 1 units: both quotas are h + ½ (h = 2^62 − 1), rounded
    // half-up to h + 1, which sum to 2^63, one beyond the int64 range. The fast path returned
    // that sum wrapped to −2^63 and stepped for ever; it must take one unit back, from the
    // higher key.
    constexpr std::int64_t h = int64_max / 2;
    const std::vector<std::int64_t> weights{5, 5};
    const std::vector<std::uint64_t> keys{1, 2};
    std::vector<std::int64_t> units(2);
    ku::apportion_scratch scratch;
    CHECK(ku::apportion(allocation_method::sainte_lague, int64_max, weights, keys, units, scratch) == 0);
    CHECK(units == std::vector<std::int64_t>{h + 1, h});
    CHECK(ku::apportion(allocation_method::round_each, int64_max, weights, keys, units, scratch) == -1);
    CHECK(units == std::vector<std::int64_t>{h + 1, h + 1});
}
