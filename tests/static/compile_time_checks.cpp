// The core evaluates at compile time: a rounding table and the 2025 proposal's largest-remainder
// split of Grundfinansiering Social välfärd over the 13 kommuner. This file compiles only if
// every assertion holds.
#include <array>
#include <cstddef>
#include <cstdint>

#include "ku/core.hpp"

namespace {
using ku::rounding_mode;

constexpr std::array modes{rounding_mode::half_up, rounding_mode::half_even, rounding_mode::half_down,
                           rounding_mode::up,      rounding_mode::down,      rounding_mode::floor,
                           rounding_mode::ceiling};
constexpr std::array<std::int64_t, 8> tenths{-25, -21, -15, -5, 5, 15, 21, 25}; // -2,5 … 2,5

/// The table of docs/rounding.md: each mode (a row) applied to each value in tenths (a column).
constexpr auto rounding_table()
{
    std::array<std::array<std::int64_t, tenths.size()>, modes.size()> table{};
    for (std::size_t m = 0; m < modes.size(); ++m) {
        for (std::size_t v = 0; v < tenths.size(); ++v) {
            table[m][v] = static_cast<std::int64_t>(ku::divide_rounded(tenths[v], 10, modes[m]));
        }
    }
    return table;
}

//                                          -2,5 -2,1 -1,5 -0,5  0,5  1,5  2,1  2,5
static_assert(rounding_table()[0] == std::array<std::int64_t, 8>{-3, -2, -2, -1, 1, 2, 2, 3}); // half-up
static_assert(rounding_table()[1] == std::array<std::int64_t, 8>{-2, -2, -2, 0, 0, 2, 2, 2});  // half-even
static_assert(rounding_table()[2] == std::array<std::int64_t, 8>{-2, -2, -1, 0, 0, 1, 2, 2});  // half-down
static_assert(rounding_table()[3] == std::array<std::int64_t, 8>{-3, -3, -2, -1, 1, 2, 3, 3}); // up
static_assert(rounding_table()[4] == std::array<std::int64_t, 8>{-2, -2, -1, 0, 0, 1, 2, 2});  // down
static_assert(rounding_table()[5] == std::array<std::int64_t, 8>{-3, -3, -2, -1, 0, 1, 2, 2}); // floor
static_assert(rounding_table()[6] == std::array<std::int64_t, 8>{-2, -2, -1, 0, 1, 2, 3, 3});  // ceiling

// Rounding money to a unit is the same division: 845 153,50 kr to whole kronor.
static_assert(ku::round(ku::money::ore(84'515'350), ku::unit::kr, rounding_mode::half_up) ==
              ku::money::kr(845'154));
static_assert(ku::round(ku::money::ore(84'515'350), ku::unit::kr, rounding_mode::half_even) ==
              ku::money::kr(845'154));
static_assert(ku::round(ku::money::ore(84'515'350), ku::unit::kr, rounding_mode::down) ==
              ku::money::kr(845'153));

// Key A of the 2025 proposal, in the order of data/population_keys.csv; the tie key is the
// kommun code's number.
constexpr std::array<std::int64_t, 13> key_a{6842,   17794, 29145, 9309,  13283, 146197, 7568,
                                             31649,  11664, 18806, 14857, 27531, 34682};
constexpr std::array<std::uint64_t, 13> codes{604, 686, 662, 617, 643, 680, 642,
                                              682, 684, 687, 665, 685, 683};

/// 9 000 000 kr split over key A by largest remainder, at compile time.
constexpr std::array<std::int64_t, 13> grundfinansiering_2025()
{
    std::array<std::int64_t, 13> units{};
    ku::apportion_scratch scratch;
    const std::int64_t residual =
        ku::apportion(ku::allocation_method::largest_remainder, 9'000'000, key_a, codes, units, scratch);
    if (residual != 0) {
        throw "largest remainder leaves no residual";
    }
    return units;
}

// The published column, but for Värnamo, whose quota of 845 153,48 kr the published table
// rounds down although largest remainder gives it the one spare krona.
static_assert(grundfinansiering_2025() ==
              std::array<std::int64_t, 13>{166'730, 433'616, 710'224, 226'848, 323'689, 3'562'623, 184'422,
                                           771'243, 284'236, 458'277, 362'045, 670'893, 845'154});

// A refund is split as the negation of the positive total.
constexpr std::int64_t first_of_refund()
{
    std::array<std::int64_t, 13> units{};
    ku::apportion_scratch scratch;
    (void)ku::apportion(ku::allocation_method::largest_remainder, -9'000'000, key_a, codes, units, scratch);
    return units[5];
}
static_assert(first_of_refund() == -3'562'623);
} // namespace
