// Rounding: every rounding mode on halves, near-halves, negatives, zero and exact values;
// ku::divide_rounded against an exact rational reference; ku::round of amounts to öre, kr,
// tkr and mnkr; and scaling an amount by a ratio or a rate.

#include <array>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/rate.hpp"
#include "ku/core/ratio.hpp"
#include "ku/core/rounding.hpp"
#include "../support/random.hpp"

namespace {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;
using ku::int128;
using ku::money;
using ku::rounding_mode;
using ku::unit;

using ku::test::int64_max;

/// An int128 as an unbounded integer, built from its two 64-bit halves.
cpp_int to_cpp_int(int128 value)
{
    const bool negative = value < 0;
    // |INT128_MIN| is outside every range used here; the operands of divide_rounded exclude it.
    const int128 magnitude = negative ? -value : value;
    const auto high = static_cast<std::uint64_t>(magnitude >> 64);
    const auto low = static_cast<std::uint64_t>(magnitude);
    cpp_int result = cpp_int{high};
    result <<= 64;
    result += low;
    return negative ? cpp_int{-result} : result;
}

std::string int128_text(int128 value) { return to_cpp_int(value).str(); }

} // namespace

// Failed comparisons print 128-bit integers in decimal (amounts in kronor: support/catch_ku.hpp).
namespace Catch {
template <>
struct StringMaker<ku::int128> {
    static std::string convert(ku::int128 value) { return int128_text(value); }
};
} // namespace Catch

namespace {

constexpr std::array<rounding_mode, 7> all_modes{
    rounding_mode::half_up, rounding_mode::half_even, rounding_mode::half_down, rounding_mode::up,
    rounding_mode::down,    rounding_mode::floor,     rounding_mode::ceiling,
};

/// A value in tenths (25 is 2,5) and what a mode makes of it.
struct rounding_row {
    std::int64_t tenths;
    std::int64_t expected;
};

/// Checks every row through divide_rounded (with both signs of the denominator) and through
/// ku::round of an amount of that many tenths of kr, tkr and mnkr.
void check_rounding_table(rounding_mode mode, const std::vector<rounding_row>& rows)
{
    for (const auto& [tenths, expected] : rows) {
        CAPTURE(ku::to_string(mode), tenths);
        REQUIRE(ku::divide_rounded(tenths, 10, mode) == expected);
        REQUIRE(ku::divide_rounded(-tenths, -10, mode) == expected);
        REQUIRE(ku::divide_rounded(tenths * 7, 70, mode) == expected);
        REQUIRE(ku::round(money::ore(tenths * 10), unit::kr, mode) == money::kr(expected));
        REQUIRE(ku::round(money::ore(tenths * 10'000), unit::tkr, mode) ==
                money::in(unit::tkr, expected));
        REQUIRE(ku::round(money::ore(tenths * 10'000'000), unit::mnkr, mode) ==
                money::in(unit::mnkr, expected));
        // Tenths of an öre are not amounts, but divide_rounded is the same rule in öre.
        REQUIRE(ku::round(money::ore(tenths), unit::ore, mode) == money::ore(tenths));
    }
}

/// The exact reference: x = numerator/denominator as a rational, rounded by the definition of
/// each mode in terms of floor, ceiling and the distance to them.
cpp_int reference_round(const cpp_int& numerator, const cpp_int& denominator, rounding_mode mode)
{
    // Boost 1.74's cpp_rational refuses a negative denominator: carry the sign on top.
    const cpp_rational x = denominator < 0 ? cpp_rational{cpp_int{-numerator}, cpp_int{-denominator}}
                                           : cpp_rational{numerator, denominator};
    // floor(x) from the reduced fraction (denominator > 0).
    const cpp_int num = boost::multiprecision::numerator(x);
    const cpp_int den = boost::multiprecision::denominator(x);
    cpp_int lower = num / den; // truncates toward zero
    if (lower * den > num) {
        lower -= 1;
    }
    const bool exact = lower * den == num;
    const cpp_int upper = exact ? lower : cpp_int{lower + 1};
    const cpp_rational fraction = x - cpp_rational{lower};
    const cpp_rational half{1, 2};
    const bool positive = x > 0;
    const cpp_int toward_zero = positive ? lower : upper;
    const cpp_int away_from_zero = positive ? upper : lower;
    switch (mode) {
    case rounding_mode::floor: return lower;
    case rounding_mode::ceiling: return upper;
    case rounding_mode::down: return toward_zero;
    case rounding_mode::up: return away_from_zero;
    case rounding_mode::half_up:
        return fraction < half ? lower : fraction > half ? upper : away_from_zero;
    case rounding_mode::half_down:
        return fraction < half ? lower : fraction > half ? upper : toward_zero;
    case rounding_mode::half_even:
        return fraction < half ? lower : fraction > half ? upper : (lower % 2 == 0 ? lower : upper);
    }
    return lower;
}

/// A random int64 whose magnitude is spread over every power of two up to 2^63 - 1.
std::int64_t random_int64(std::mt19937_64& rng)
{
    std::uniform_int_distribution<int> bits(1, 63);
    const auto magnitude = static_cast<std::int64_t>(rng() >> (64 - bits(rng)));
    return (rng() & 1U) != 0 ? -magnitude : magnitude;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// One table per mode: 2,5 3,5 2,4 2,6 and their negatives, zero, exact values and ±0,5.

TEST_CASE("half-up rounds 2,5 kr to 3 kr and -2,5 kr to -3 kr", "[rounding]")
{
    check_rounding_table(rounding_mode::half_up,
                         {{25, 3}, {35, 4}, {24, 2}, {26, 3}, {-25, -3}, {-35, -4}, {-24, -2},
                          {-26, -3}, {0, 0}, {20, 2}, {-30, -3}, {5, 1}, {-5, -1}, {15, 2}});
}

TEST_CASE("half-even rounds 2,5 kr to 2 kr and 3,5 kr to 4 kr", "[rounding]")
{
    check_rounding_table(rounding_mode::half_even,
                         {{25, 2}, {35, 4}, {24, 2}, {26, 3}, {-25, -2}, {-35, -4}, {-24, -2},
                          {-26, -3}, {0, 0}, {20, 2}, {-30, -3}, {5, 0}, {-5, 0}, {15, 2}});
}

TEST_CASE("half-down rounds 2,5 kr to 2 kr and -2,5 kr to -2 kr", "[rounding]")
{
    check_rounding_table(rounding_mode::half_down,
                         {{25, 2}, {35, 3}, {24, 2}, {26, 3}, {-25, -2}, {-35, -3}, {-24, -2},
                          {-26, -3}, {0, 0}, {20, 2}, {-30, -3}, {5, 0}, {-5, 0}, {15, 1}});
}

TEST_CASE("up rounds every fraction away from zero", "[rounding]")
{
    check_rounding_table(rounding_mode::up,
                         {{25, 3}, {35, 4}, {24, 3}, {26, 3}, {-25, -3}, {-35, -4}, {-24, -3},
                          {-26, -3}, {0, 0}, {20, 2}, {-30, -3}, {5, 1}, {-5, -1}, {1, 1}});
}

TEST_CASE("down truncates every fraction toward zero", "[rounding]")
{
    check_rounding_table(rounding_mode::down,
                         {{25, 2}, {35, 3}, {24, 2}, {26, 2}, {-25, -2}, {-35, -3}, {-24, -2},
                          {-26, -2}, {0, 0}, {20, 2}, {-30, -3}, {5, 0}, {-5, 0}, {29, 2}});
}

TEST_CASE("floor rounds every fraction toward minus infinity", "[rounding]")
{
    check_rounding_table(rounding_mode::floor,
                         {{25, 2}, {35, 3}, {24, 2}, {26, 2}, {-25, -3}, {-35, -4}, {-24, -3},
                          {-26, -3}, {0, 0}, {20, 2}, {-30, -3}, {5, 0}, {-5, -1}, {-1, -1}});
}

TEST_CASE("ceiling rounds every fraction toward plus infinity", "[rounding]")
{
    check_rounding_table(rounding_mode::ceiling,
                         {{25, 3}, {35, 4}, {24, 3}, {26, 3}, {-25, -2}, {-35, -3}, {-24, -2},
                          {-26, -2}, {0, 0}, {20, 2}, {-30, -3}, {5, 1}, {-5, 0}, {1, 1}});
}

TEST_CASE("a half is told apart from a near-half with an odd denominator", "[rounding]")
{
    // 7/3 = 2,33..., 8/3 = 2,66...: no half, every nearest mode agrees.
    for (const rounding_mode mode : {rounding_mode::half_up, rounding_mode::half_even,
                                     rounding_mode::half_down}) {
        CAPTURE(ku::to_string(mode));
        REQUIRE(ku::divide_rounded(7, 3, mode) == 2);
        REQUIRE(ku::divide_rounded(8, 3, mode) == 3);
        REQUIRE(ku::divide_rounded(-7, 3, mode) == -2);
        REQUIRE(ku::divide_rounded(-8, 3, mode) == -3);
        // 1 öre either side of half a krona.
        REQUIRE(ku::round(money::ore(249), unit::kr, mode) == money::kr(2));
        REQUIRE(ku::round(money::ore(251), unit::kr, mode) == money::kr(3));
        REQUIRE(ku::round(money::ore(-251), unit::kr, mode) == money::kr(-3));
    }
}

TEST_CASE("rounding a 128-bit quotient is exact at the extremes", "[rounding]")
{
    const int128 big = int128{int64_max} * int64_max; // (2^63 - 1)^2
    REQUIRE(ku::divide_rounded(big, int64_max, rounding_mode::half_even) == int64_max);
    REQUIRE(ku::divide_rounded(big, 1, rounding_mode::down) == big);
    REQUIRE(ku::divide_rounded(-big, -1, rounding_mode::down) == big);
    REQUIRE(ku::divide_rounded(big + 1, 2, rounding_mode::half_even) == big / 2 + 1);
    // big is odd and big / 2 (truncated) = 2^125 - 2^63 is even: the half goes down to it.
    REQUIRE(ku::divide_rounded(big, 2, rounding_mode::half_even) == big / 2);
    REQUIRE(ku::divide_rounded(big, 2, rounding_mode::half_up) == big / 2 + 1);
    REQUIRE(ku::divide_rounded(big, 2, rounding_mode::half_down) == big / 2);
    REQUIRE(ku::divide_rounded(-big, 2, rounding_mode::half_down) == -(big / 2));
    REQUIRE(ku::divide_rounded(-big, 2, rounding_mode::floor) == -(big / 2) - 1);
    REQUIRE(ku::divide_rounded(1, big, rounding_mode::up) == 1);
    REQUIRE(ku::divide_rounded(1, big, rounding_mode::half_up) == 0);
    REQUIRE(ku::divide_rounded(-1, big, rounding_mode::floor) == -1);
}

TEST_CASE("rounding to whole öre leaves an amount as it is", "[rounding]")
{
    for (const rounding_mode mode : all_modes) {
        CAPTURE(ku::to_string(mode));
        REQUIRE(ku::round(money::ore(-12'345), unit::ore, mode) == money::ore(-12'345));
        REQUIRE(ku::round(money::max(), unit::ore, mode) == money::max());
        REQUIRE(ku::round(money::min(), unit::ore, mode) == money::min());
    }
}

TEST_CASE("Jönköping's grundfinansiering rounds to tkr and mnkr", "[rounding]")
{
    const money grund = money::kr(3'562'623);
    REQUIRE(ku::round(grund, unit::tkr, rounding_mode::half_up) == money::in(unit::tkr, 3'563));
    REQUIRE(ku::round(grund, unit::tkr, rounding_mode::down) == money::in(unit::tkr, 3'562));
    REQUIRE(ku::round(grund, unit::mnkr, rounding_mode::half_up) == money::in(unit::mnkr, 4));
    REQUIRE(ku::round(grund, unit::mnkr, rounding_mode::floor) == money::in(unit::mnkr, 3));
    REQUIRE(ku::round(-grund, unit::mnkr, rounding_mode::floor) == money::in(unit::mnkr, -4));
    REQUIRE(ku::round(grund, unit::kr, rounding_mode::up) == grund);
}

TEST_CASE("rounding beyond the range of amounts throws", "[rounding][error]")
{
    // 2^63 - 1 öre ends in ...807 öre: rounding it up to kronor leaves the range.
    REQUIRE_THROWS_AS(ku::round(money::max(), unit::kr, rounding_mode::up), ku::overflow_error);
    REQUIRE_THROWS_AS(ku::round(money::max(), unit::tkr, rounding_mode::half_up), ku::overflow_error);
    REQUIRE(ku::round(money::max(), unit::kr, rounding_mode::half_up) == money::ore(int64_max - 7));
    REQUIRE_THROWS_AS(ku::round(money::min(), unit::mnkr, rounding_mode::floor), ku::overflow_error);
    REQUIRE_THROWS_WITH(ku::round(money::max(), unit::tkr, rounding_mode::ceiling),
                        Catch::Contains("round"));
    REQUIRE(ku::round(money::max(), unit::kr, rounding_mode::down) ==
            money::ore(int64_max - 7));
    REQUIRE(ku::round(money::min(), unit::kr, rounding_mode::ceiling) ==
            money::ore(-(int64_max - 7)));
}

TEST_CASE("rounding modes are named for files and the command line", "[rounding]")
{
    REQUIRE(ku::to_string(rounding_mode::half_up) == "half-up");
    REQUIRE(ku::to_string(rounding_mode::half_even) == "half-even");
    REQUIRE(ku::to_string(rounding_mode::half_down) == "half-down");
    REQUIRE(ku::to_string(rounding_mode::up) == "up");
    REQUIRE(ku::to_string(rounding_mode::down) == "down");
    REQUIRE(ku::to_string(rounding_mode::floor) == "floor");
    REQUIRE(ku::to_string(rounding_mode::ceiling) == "ceiling");
    for (const rounding_mode mode : all_modes) {
        REQUIRE(ku::parse_rounding_mode(ku::to_string(mode)) == mode);
    }
    REQUIRE_THROWS_AS(ku::parse_rounding_mode("half_up"), ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::parse_rounding_mode("bankers", "--rounding"),
                        Catch::Contains("\"bankers\"") && Catch::Contains("(--rounding)"));
}

// ---------------------------------------------------------------------------------------------
// Properties

TEST_CASE("divide_rounded agrees with exact rational arithmetic in every mode", "[rounding][property]")
{
    std::mt19937_64 rng{20250201};
    std::uniform_int_distribution<std::int64_t> small(-1'000, 1'000);
    int halves = 0;
    for (int i = 0; i < 3000; ++i) {
        // Numerators up to 126 bits (a product of two 64-bit values) or 64 bits, denominators
        // large or small; every fourth case an exact half of an even denominator.
        const std::int64_t a = random_int64(rng);
        const std::int64_t b = i % 2 == 0 ? random_int64(rng) : 1;
        std::int64_t d = i % 3 == 0 ? small(rng) : random_int64(rng);
        if (d == 0) {
            d = 1;
        }
        int128 n = int128{a} * b;
        cpp_int exact_n = cpp_int{a} * b;
        if (i % 4 == 0) {
            const std::int64_t even = d % 2 == 0 ? d : (d > 0 ? d - 1 : d + 1);
            if (even != 0) {
                d = even;
                n = int128{small(rng)} * d + d / 2;
                exact_n = to_cpp_int(n);
                ++halves;
            }
        }
        REQUIRE(to_cpp_int(n) == exact_n);
        for (const rounding_mode mode : all_modes) {
            CAPTURE(int128_text(n), d, ku::to_string(mode));
            REQUIRE(to_cpp_int(ku::divide_rounded(n, d, mode)) ==
                    reference_round(exact_n, cpp_int{d}, mode));
        }
    }
    REQUIRE(halves > 500);
}

TEST_CASE("rounding an amount to a unit never moves it by a whole unit", "[rounding][property]")
{
    std::mt19937_64 rng{20250202};
    for (int i = 0; i < 2000; ++i) {
        // Away from the ends of the range, where rounding up may leave it.
        const money amount = money::ore(random_int64(rng) / 2);
        for (const unit u : {unit::kr, unit::tkr, unit::mnkr}) {
            const std::int64_t step = ku::ore_per(u);
            for (const rounding_mode mode : all_modes) {
                CAPTURE(amount.in_ore(), ku::to_string(u), ku::to_string(mode));
                const money rounded = ku::round(amount, u, mode);
                const std::int64_t moved = rounded.in_ore() - amount.in_ore();
                REQUIRE(rounded.is_whole(u));
                REQUIRE(moved < step);
                REQUIRE(moved > -step);
                if (amount.is_whole(u)) {
                    REQUIRE(moved == 0);
                }
                switch (mode) {
                case rounding_mode::half_up:
                case rounding_mode::half_even:
                case rounding_mode::half_down:
                    REQUIRE(2 * moved <= step);
                    REQUIRE(2 * moved >= -step);
                    break;
                case rounding_mode::floor: REQUIRE(moved <= 0); break;
                case rounding_mode::ceiling: REQUIRE(moved >= 0); break;
                case rounding_mode::down: // toward zero
                    REQUIRE((amount.in_ore() >= 0 ? moved <= 0 : moved >= 0));
                    break;
                case rounding_mode::up: // away from zero
                    REQUIRE((amount.in_ore() >= 0 ? moved >= 0 : moved <= 0));
                    break;
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Scaling an amount by a ratio or a rate

TEST_CASE("a 15 % surcharge on 1 000 kr is 150 kr", "[rounding][rate]")
{
    const money grant = money::kr(1'000);
    REQUIRE(ku::multiply(grant, ku::rate::percent(15), rounding_mode::half_up, unit::kr) ==
            money::kr(150));
    REQUIRE(ku::multiply(grant, ku::ratio{3, 20}, rounding_mode::down) == money::kr(150));
    REQUIRE(ku::multiply(grant, ku::rate::percent(20), rounding_mode::half_up) == money::kr(200));
    REQUIRE(ku::multiply(money::ore(1'001), ku::rate::percent(15), rounding_mode::half_up) ==
            money::ore(150)); // 150,15 öre
    REQUIRE(ku::multiply(money::ore(1'001), ku::rate::percent(15), rounding_mode::up) ==
            money::ore(151));
}

TEST_CASE("Arbete och delaktighet is 10 % of Jönköping's grundfinansiering, in whole kronor", "[rounding][rate]")
{
    const money grund = money::kr(3'562'623);
    const ku::rate tenth = ku::rate::percent(10);
    // Exact to the öre: 356 262,30 kr.
    REQUIRE(ku::multiply(grund, tenth, rounding_mode::half_up) == money::ore(35'626'230));
    REQUIRE(ku::multiply(grund, tenth, rounding_mode::half_up, unit::kr) == money::kr(356'262));
    REQUIRE(ku::multiply(grund, tenth, rounding_mode::ceiling, unit::kr) == money::kr(356'263));
    REQUIRE(ku::multiply(grund, tenth, rounding_mode::half_up, unit::tkr) ==
            money::in(unit::tkr, 356));
    REQUIRE(ku::multiply(grund, ku::ratio{1, 10}, rounding_mode::half_up, unit::kr) ==
            money::kr(356'262));
}

TEST_CASE("scaling an amount by a fraction rounds by the mode given", "[rounding][ratio]")
{
    REQUIRE(ku::multiply(money::ore(100), ku::ratio{1, 3}, rounding_mode::half_up) == money::ore(33));
    REQUIRE(ku::multiply(money::ore(100), ku::ratio{2, 3}, rounding_mode::half_up) == money::ore(67));
    REQUIRE(ku::multiply(money::ore(100), ku::ratio{2, 3}, rounding_mode::down) == money::ore(66));
    REQUIRE(ku::multiply(money::ore(5), ku::ratio{1, 2}, rounding_mode::half_even) == money::ore(2));
    REQUIRE(ku::multiply(money::ore(5), ku::ratio{1, 2}, rounding_mode::half_up) == money::ore(3));
    // -395 kr / 2 = -197,50 kr.
    const money half = ku::multiply(money::kr(-395), ku::ratio{1, 2}, rounding_mode::half_up);
    REQUIRE(half == money::ore(-19'750));
    REQUIRE(ku::multiply(money::kr(-395), ku::ratio{1, 2}, rounding_mode::half_up, unit::kr) ==
            money::kr(-198));
    REQUIRE(ku::multiply(money::kr(-395), ku::ratio{1, 2}, rounding_mode::half_even, unit::kr) ==
            money::kr(-198));
    REQUIRE(ku::multiply(money::kr(-395), ku::ratio{1, 2}, rounding_mode::half_down, unit::kr) ==
            money::kr(-197));
    REQUIRE(ku::multiply(money::kr(-395), ku::ratio{-1, 2}, rounding_mode::floor, unit::kr) ==
            money::kr(197));
    // A factor above one, and the full range of the factor's 64 bits.
    REQUIRE(ku::multiply(money::kr(1'730'000), ku::ratio{3'500, 1'730}, rounding_mode::half_up,
                         unit::kr) == money::kr(3'500'000));
    REQUIRE(ku::multiply(money::max(), ku::ratio{int64_max - 1, int64_max}, rounding_mode::down) ==
            money::ore(int64_max - 1));
}

TEST_CASE("scaling an amount beyond the range throws", "[rounding][ratio][error]")
{
    REQUIRE_THROWS_AS(ku::multiply(money::max(), ku::ratio{2, 1}, rounding_mode::down),
                      ku::overflow_error);
    REQUIRE_THROWS_AS(ku::multiply(money::max(), ku::ratio{1, 1}, rounding_mode::up, unit::kr),
                      ku::overflow_error);
    REQUIRE_THROWS_WITH(ku::multiply(money::min(), ku::rate::percent(200), rounding_mode::down),
                        Catch::Contains("multiply"));
    REQUIRE(ku::multiply(money::max(), ku::ratio{1, 2}, rounding_mode::down) ==
            money::ore(int64_max / 2));
}

TEST_CASE("dividing an amount by a ratio rounds by the mode given", "[rounding][ratio]")
{
    REQUIRE(ku::divide(money::kr(100), ku::ratio::whole(3), rounding_mode::half_up, unit::kr) ==
            money::kr(33));
    REQUIRE(ku::divide(money::kr(100), ku::ratio::whole(3), rounding_mode::half_up) ==
            money::ore(3'333));
    REQUIRE(ku::divide(money::kr(150), ku::rate::percent(15).as_ratio(), rounding_mode::down) ==
            money::kr(1'000));
    REQUIRE(ku::divide(money::kr(-5), ku::ratio{2, 1}, rounding_mode::half_even, unit::kr) ==
            money::kr(-2));
    REQUIRE_THROWS_AS(ku::divide(money::kr(1), ku::ratio{}, rounding_mode::half_up),
                      ku::domain_error);
    REQUIRE_THROWS_AS(ku::divide(money::max(), ku::ratio{1, 2}, rounding_mode::half_up),
                      ku::overflow_error);
}

TEST_CASE("the share of a part in a whole is an exact ratio", "[rounding][ratio]")
{
    REQUIRE(ku::ratio_of(money::kr(1), money::kr(4)) == ku::ratio{1, 4});
    REQUIRE(ku::ratio_of(money::kr(356'262), money::kr(3'562'620)) == ku::ratio{1, 10});
    REQUIRE(ku::ratio_of(money::ore(-50), money::kr(1)) == ku::ratio{-1, 2});
    REQUIRE(ku::ratio_of(money{}, money::kr(7)) == ku::ratio{});
    REQUIRE_THROWS_AS(ku::ratio_of(money::kr(1), money{}), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::ratio_of(money::kr(1), money{}), Catch::Contains("zero"));
}
