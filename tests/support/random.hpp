#pragma once
// Test support: the random source of the property tests, and the 64-bit edges they draw up to.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>

namespace ku::test {

/// The property tests' generator, seeded by each test for a reproducible run.
using rng_t = std::mt19937_64;

/// The largest and smallest 64-bit integers, the edges of money, weights and counts.
inline constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
inline constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

/// A uniformly drawn integer in [low, high].
[[nodiscard]] inline std::int64_t uniform(rng_t& rng, std::int64_t low, std::int64_t high)
{
    return std::uniform_int_distribution<std::int64_t>{low, high}(rng);
}

/// A uniformly drawn size in [low, high].
[[nodiscard]] inline std::size_t uniform_size(rng_t& rng, std::size_t low, std::size_t high)
{
    return std::uniform_int_distribution<std::size_t>{low, high}(rng);
}

} // namespace ku::test
