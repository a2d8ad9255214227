// Indicators: the success rate of grant applications (in count and in kronor), the change from
// one period to the next, and exact values shown as percents with a chosen number of decimals
// and a rounding mode that the result remembers. Checked exactly, never with floating point.

#include <array>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/ratio.hpp"
#include "ku/core/rounding.hpp"
#include "ku/indicators/rates.hpp"
#include "ku/indicators/staffing.hpp"
#include "../support/random.hpp"

namespace {

using boost::multiprecision::cpp_rational;
using ku::arsarbetare;
using ku::as_percent;
using ku::money;
using ku::ratio;
using ku::rounded_percent;
using ku::rounding_mode;

using ku::test::int64_max;

constexpr std::array<rounding_mode, 7> every_mode{
    rounding_mode::half_up, rounding_mode::half_even, rounding_mode::half_down, rounding_mode::up,
    rounding_mode::down,    rounding_mode::floor,     rounding_mode::ceiling};

using ku::test::uniform;

/// One unit of a percent with `decimals` decimals, as a fraction of one: 1/100 × 10^-decimals.
cpp_rational unit_of(int decimals)
{
    cpp_rational scale = 100;
    for (int i = 0; i < decimals; ++i) {
        scale *= 10;
    }
    return 1 / scale;
}

cpp_rational value_of(const rounded_percent& p) { return cpp_rational{p.units()} * unit_of(p.decimals()); }

} // namespace

// ---------------------------------------------------------------------------------------------
// Success rates in count

TEST_CASE("3 of 8 applications granted is exactly 3/8", "[rates]")
{
    REQUIRE(ku::success_rate(3, 8) == ratio{3, 8});
    REQUIRE(ku::success_rate(0, 8) == ratio{});
    REQUIRE(ku::success_rate(8, 8) == ratio::whole(1));
}

TEST_CASE("3 of 8 granted is 37 % truncated and 38 % half-up, and the percent says which",
          "[rates]")
{
    const ratio rate = ku::success_rate(3, 8);
    const rounded_percent truncated = as_percent(rate, 0, rounding_mode::down);
    const rounded_percent half_up = as_percent(rate, 0, rounding_mode::half_up);
    REQUIRE(truncated.units() == 37);
    REQUIRE(half_up.units() == 38);
    REQUIRE(ku::to_string(truncated) == "37 %");
    REQUIRE(ku::to_string(half_up) == "38 %");
    REQUIRE(truncated.rounding() == rounding_mode::down);
    REQUIRE(half_up.rounding() == rounding_mode::half_up);
    REQUIRE(truncated.exact() == ratio{3, 8});
    REQUIRE(truncated.decimals() == 0);
    REQUIRE(truncated.is_rounded());
    REQUIRE(ku::describe(truncated) == "37 % (exact 3/8, rounded down)");
    REQUIRE(ku::describe(half_up) == "38 % (exact 3/8, rounded half-up)");
    REQUIRE_FALSE(truncated == half_up);
}

TEST_CASE("3 of 8 granted with one decimal is exactly 37,5 % whatever the mode", "[rates]")
{
    for (const rounding_mode mode : every_mode) {
        const rounded_percent p = as_percent(ku::success_rate(3, 8), 1, mode);
        REQUIRE(p.units() == 375);
        REQUIRE(ku::to_string(p) == "37,5 %");
        REQUIRE_FALSE(p.is_rounded());
        REQUIRE(ku::describe(p) == "37,5 % (exact)");
    }
}

TEST_CASE("the half of 37,5 % goes where each half mode sends it", "[rates]")
{
    const ratio rate = ku::success_rate(3, 8);
    REQUIRE(as_percent(rate, 0, rounding_mode::half_even).units() == 38);
    REQUIRE(as_percent(rate, 0, rounding_mode::half_down).units() == 37);
    REQUIRE(as_percent(rate, 0, rounding_mode::up).units() == 38);
    REQUIRE(as_percent(rate, 0, rounding_mode::floor).units() == 37);
    REQUIRE(as_percent(rate, 0, rounding_mode::ceiling).units() == 38);
}

TEST_CASE("a success rate with no applications is a domain error", "[rates][error]")
{
    REQUIRE_THROWS_AS(ku::success_rate(0, 0), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::success_rate(0, 0),
                        Catch::Contains("no applications") &&
                            Catch::Contains("0 granted of 0 applied for"));
}

TEST_CASE("a negative count or more granted than applied for is a domain error",
          "[rates][error]")
{
    REQUIRE_THROWS_AS(ku::success_rate(-1, 8), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::success_rate(-1, 8),
                        Catch::Contains("cannot be negative") &&
                            Catch::Contains("-1 granted of 8 applied for"));
    REQUIRE_THROWS_AS(ku::success_rate(3, -8), ku::domain_error);
    REQUIRE_THROWS_AS(ku::success_rate(9, 8), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::success_rate(9, 8),
                        Catch::Contains("more applications granted than applied for") &&
                            Catch::Contains("9 granted of 8 applied for"));
}

// ---------------------------------------------------------------------------------------------
// Success rates in kronor

TEST_CASE("1 250 000 kr granted of 4 000 000 kr applied for is 31,25 %", "[rates]")
{
    const ratio rate = ku::success_rate(money::kr(1'250'000), money::kr(4'000'000));
    REQUIRE(rate == ratio{5, 16});
    REQUIRE(ku::to_string(as_percent(rate, 0, rounding_mode::down)) == "31 %");
    REQUIRE(ku::to_string(as_percent(rate, 0, rounding_mode::half_up)) == "31 %");
    REQUIRE(ku::to_string(as_percent(rate, 1, rounding_mode::half_up)) == "31,3 %");
    REQUIRE(ku::to_string(as_percent(rate, 1, rounding_mode::down)) == "31,2 %");
    REQUIRE(ku::to_string(as_percent(rate, 1, rounding_mode::half_even)) == "31,2 %");
    REQUIRE(ku::to_string(as_percent(rate, 2, rounding_mode::down)) == "31,25 %");
    REQUIRE(ku::describe(as_percent(rate, 1, rounding_mode::half_up)) ==
            "31,3 % (exact 5/16, rounded half-up)");
    REQUIRE(ku::describe(as_percent(rate, 2, rounding_mode::half_up)) == "31,25 % (exact)");
}

TEST_CASE("a success rate in kronor counts öre exactly", "[rates]")
{
    REQUIRE(ku::success_rate(money::parse("0,01"), money::parse("0,03")) == ratio{1, 3});
    REQUIRE(ku::to_string(as_percent(ratio{1, 3}, 2, rounding_mode::half_up)) == "33,33 %");
    REQUIRE(ku::success_rate(money{}, money::kr(100)) == ratio{});
}

TEST_CASE("a success rate in kronor with nothing applied for is a domain error naming the "
          "amounts",
          "[rates][error]")
{
    REQUIRE_THROWS_AS(ku::success_rate(money{}, money{}), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::success_rate(money{}, money{}),
                        Catch::Contains("nothing applied for") &&
                            Catch::Contains("0 kr granted of 0 kr applied for"));
    REQUIRE_THROWS_AS(ku::success_rate(money::kr(-5), money::kr(100)), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::success_rate(money::kr(-5), money::kr(100)),
                        Catch::Contains("cannot be negative"));
    REQUIRE_THROWS_AS(ku::success_rate(money::kr(5'000'000), money::kr(4'000'000)),
                      ku::domain_error);
    REQUIRE_THROWS_WITH(ku::success_rate(money::kr(5'000'000), money::kr(4'000'000)),
                        Catch::Contains("more granted than applied for") &&
                            Catch::Contains("5 000 000 kr granted of 4 000 000 kr"));
}

// ---------------------------------------------------------------------------------------------
// Percents

TEST_CASE("percents are written the Swedish way with their sign and leading zero", "[rates]")
{
    REQUIRE(ku::to_string(as_percent(ratio{-1, 8}, 1, rounding_mode::half_up)) == "-12,5 %");
    REQUIRE(ku::to_string(as_percent(ratio{1, 1000}, 2, rounding_mode::half_up)) == "0,10 %");
    REQUIRE(ku::to_string(as_percent(ratio{1, 100'000}, 2, rounding_mode::down)) == "0,00 %");
    REQUIRE(ku::to_string(as_percent(ratio{-1, 1000}, 1, rounding_mode::down)) == "-0,1 %");
    REQUIRE(ku::to_string(as_percent(ratio::whole(2), 0, rounding_mode::down)) == "200 %");
    REQUIRE(ku::to_string(as_percent(ratio{}, 3, rounding_mode::down)) == "0,000 %");
    REQUIRE(ku::to_string(as_percent(ratio{1, 3}, 9, rounding_mode::half_up)) ==
            "33,333333333 %");
}

TEST_CASE("decimals outside 0–9 are a domain error", "[rates][error]")
{
    REQUIRE_THROWS_AS(as_percent(ratio{3, 8}, -1, rounding_mode::down), ku::domain_error);
    REQUIRE_THROWS_AS(as_percent(ratio{3, 8}, 10, rounding_mode::down), ku::domain_error);
    REQUIRE_THROWS_WITH(as_percent(ratio{3, 8}, 10, rounding_mode::down),
                        Catch::Contains("10 decimals for 3/8") && Catch::Contains("choose 0 to 9"));
}

TEST_CASE("a percent that does not fit 64 bits is an overflow error", "[rates][error]")
{
    REQUIRE_THROWS_AS(as_percent(ratio::whole(int64_max), 0, rounding_mode::down),
                      ku::overflow_error);
    REQUIRE_THROWS_WITH(as_percent(ratio::whole(int64_max), 0, rounding_mode::down),
                        Catch::Contains("as_percent"));
}

// ---------------------------------------------------------------------------------------------
// Period-on-period change

TEST_CASE("from 8 applications to 10 is a change of +25 %, and back is −20 %", "[rates]")
{
    REQUIRE(ku::relative_change(8, 10) == ratio{1, 4});
    REQUIRE(ku::relative_change(10, 8) == ratio{-1, 5});
    REQUIRE(ku::to_string(ku::percent_change(8, 10, 0, rounding_mode::half_up)) == "25 %");
    REQUIRE(ku::to_string(ku::percent_change(10, 8, 0, rounding_mode::half_up)) == "-20 %");
    REQUIRE(ku::relative_change(8, 8) == ratio{});
    REQUIRE(ku::relative_change(8, 0) == ratio::whole(-1));
}

TEST_CASE("from 3 to 4 is +33,3… %: the decimals and the mode decide the figure", "[rates]")
{
    REQUIRE(ku::relative_change(3, 4) == ratio{1, 3});
    REQUIRE(ku::to_string(ku::percent_change(3, 4, 1, rounding_mode::half_up)) == "33,3 %");
    REQUIRE(ku::to_string(ku::percent_change(3, 4, 1, rounding_mode::up)) == "33,4 %");
    REQUIRE(ku::to_string(ku::percent_change(3, 5, 0, rounding_mode::down)) == "66 %");
    REQUIRE(ku::to_string(ku::percent_change(3, 5, 0, rounding_mode::half_up)) == "67 %");
    REQUIRE(ku::percent_change(3, 5, 0, rounding_mode::half_up).rounding() ==
            rounding_mode::half_up);
}

TEST_CASE("granted kronor going from 4 000 000 kr to 5 000 000 kr is +25 %", "[rates]")
{
    REQUIRE(ku::relative_change(money::kr(4'000'000), money::kr(5'000'000)) == ratio{1, 4});
    REQUIRE(ku::to_string(ku::percent_change(money::kr(4'000'000), money::kr(5'000'000), 0,
                                             rounding_mode::half_up)) == "25 %");
    // A change to a deficit is fine: only the previous value has to be positive.
    REQUIRE(ku::relative_change(money::kr(100), money::kr(-50)) == ratio{-3, 2});
}

TEST_CASE("staffing going from 45,30 to 40,00 årsarbetare is −11,7 % half-up and −11,6 % "
          "truncated",
          "[rates][staffing]")
{
    const arsarbetare before = arsarbetare::parse("45,30");
    const arsarbetare after = arsarbetare::parse("40,00");
    REQUIRE(ku::relative_change(before, after) == ratio{-53, 453});
    REQUIRE(ku::to_string(ku::percent_change(before, after, 1, rounding_mode::half_up)) ==
            "-11,7 %");
    REQUIRE(ku::to_string(ku::percent_change(before, after, 1, rounding_mode::down)) == "-11,6 %");
    REQUIRE(ku::to_string(ku::percent_change(before, after, 1, rounding_mode::floor)) ==
            "-11,7 %");
}

TEST_CASE("a success rate going from 3 of 8 to 5 of 10 is +33 % relative, 12,5 percentage "
          "points",
          "[rates]")
{
    const ratio before = ku::success_rate(3, 8);
    const ratio after = ku::success_rate(5, 10);
    REQUIRE(ku::relative_change(before, after) == ratio{1, 3});
    REQUIRE(ku::to_string(ku::percent_change(before, after, 0, rounding_mode::half_up)) == "33 %");
    REQUIRE(ku::to_string(as_percent(after - before, 1, rounding_mode::half_up)) == "12,5 %");
}

TEST_CASE("a change from zero is a domain error, whatever is counted", "[rates][error]")
{
    REQUIRE_THROWS_AS(ku::relative_change(0, 5), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::relative_change(0, 5),
                        Catch::Contains("the previous value is zero") &&
                            Catch::Contains("from 0 to 5"));
    REQUIRE_THROWS_AS(ku::percent_change(0, 5, 0, rounding_mode::half_up), ku::domain_error);
    REQUIRE_THROWS_AS(ku::relative_change(money{}, money::kr(1'000)), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::relative_change(money{}, money::kr(1'000)),
                        Catch::Contains("the previous value is zero") &&
                            Catch::Contains("from 0 kr to 1 000 kr"));
    REQUIRE_THROWS_AS(ku::relative_change(arsarbetare{}, arsarbetare::parse("1,50")),
                      ku::domain_error);
    REQUIRE_THROWS_WITH(ku::relative_change(arsarbetare{}, arsarbetare::parse("1,50")),
                        Catch::Contains("the previous value is zero") &&
                            Catch::Contains("from 0,00 to 1,50 årsarbetare"));
    REQUIRE_THROWS_AS(ku::relative_change(ratio{}, ratio{1, 2}), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::relative_change(ratio{}, ratio{1, 2}),
                        Catch::Contains("the previous value is zero") &&
                            Catch::Contains("from 0 to 1/2"));
}

TEST_CASE("a change from a negative value is a domain error: its sign would be ambiguous",
          "[rates][error]")
{
    REQUIRE_THROWS_AS(ku::relative_change(-2, 5), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::relative_change(-2, 5), Catch::Contains("cannot be negative"));
    REQUIRE_THROWS_AS(ku::relative_change(money::kr(-100), money::kr(50)), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::relative_change(money::kr(-100), money::kr(50)),
                        Catch::Contains("the previous value is negative") &&
                            Catch::Contains("-100 kr"));
    REQUIRE_THROWS_AS(ku::relative_change(arsarbetare::parse("-1,00"), arsarbetare{}),
                      ku::domain_error);
    REQUIRE_THROWS_AS(ku::relative_change(ratio{-1, 2}, ratio{1, 2}), ku::domain_error);
}

TEST_CASE("a change between amounts beyond the money range is an overflow error",
          "[rates][error]")
{
    REQUIRE_THROWS_AS(ku::relative_change(money::max(), money::min()), ku::overflow_error);
}

// ---------------------------------------------------------------------------------------------
// Properties

TEST_CASE("a rounded percent lies within one unit of the exact value, on the side its mode says",
          "[rates][property]")
{
    std::mt19937_64 rng{20260301};
    for (int trial = 0; trial < 5'000; ++trial) {
        const ratio value{uniform(rng, -1'000'000, 1'000'000), uniform(rng, 1, 1'000'000)};
        const int decimals = static_cast<int>(uniform(rng, 0, 6));
        const cpp_rational exact = value.to_rational();
        const cpp_rational step = unit_of(decimals);
        const rounded_percent floor = as_percent(value, decimals, rounding_mode::floor);
        const rounded_percent ceiling = as_percent(value, decimals, rounding_mode::ceiling);
        REQUIRE(value_of(floor) <= exact);
        REQUIRE(exact <= value_of(ceiling));
        REQUIRE(value_of(ceiling) - value_of(floor) <= step);
        REQUIRE(floor.is_rounded() == (floor.units() != ceiling.units()));
        for (const rounding_mode mode :
             {rounding_mode::half_up, rounding_mode::half_even, rounding_mode::half_down}) {
            const rounded_percent nearest = as_percent(value, decimals, mode);
            const cpp_rational distance = value_of(nearest) - exact;
            REQUIRE(distance * 2 <= step);
            REQUIRE(-distance * 2 <= step);
            REQUIRE(nearest.rounding() == mode);
            REQUIRE(nearest.exact() == value);
        }
    }
}

TEST_CASE("a percent written out reads back as the value it shows", "[rates][property]")
{
    std::mt19937_64 rng{20260302};
    for (int trial = 0; trial < 5'000; ++trial) {
        const ratio value{uniform(rng, -1'000'000, 1'000'000), uniform(rng, 1, 1'000'000)};
        const int decimals = static_cast<int>(uniform(rng, 0, 9));
        const rounding_mode mode = every_mode[static_cast<std::size_t>(uniform(rng, 0, 6))];
        const rounded_percent p = as_percent(value, decimals, mode);
        REQUIRE(ratio::parse(ku::to_string(p)).to_rational() == value_of(p));
    }
}

TEST_CASE("truncation and half-up differ by one exactly when the dropped part is at least a "
          "half",
          "[rates][property]")
{
    // Every success rate of up to 40 applications, shown in whole percents.
    int differing = 0;
    for (std::int64_t applied = 1; applied <= 40; ++applied) {
        for (std::int64_t granted = 0; granted <= applied; ++granted) {
            const ratio rate = ku::success_rate(granted, applied);
            const rounded_percent down = as_percent(rate, 0, rounding_mode::down);
            const rounded_percent half_up = as_percent(rate, 0, rounding_mode::half_up);
            REQUIRE(down.units() >= 0);
            REQUIRE(half_up.units() <= 100);
            const cpp_rational dropped = rate.to_rational() * 100 - down.units();
            REQUIRE(half_up.units() - down.units() == (dropped * 2 >= 1 ? 1 : 0));
            differing += half_up.units() != down.units() ? 1 : 0;
        }
    }
    REQUIRE(differing > 0);
}

TEST_CASE("the previous value grown by the relative change is the current value exactly",
          "[rates][property]")
{
    std::mt19937_64 rng{20260303};
    for (int trial = 0; trial < 5'000; ++trial) {
        const std::int64_t previous = uniform(rng, 1, 1'000'000'000'000);
        const std::int64_t current = uniform(rng, -1'000'000'000'000, 1'000'000'000'000);
        const ratio change = ku::relative_change(money::ore(previous), money::ore(current));
        REQUIRE(ratio::whole(previous) * (ratio::whole(1) + change) == ratio::whole(current));
        if (current >= 0) {
            REQUIRE(ku::relative_change(previous, current) == change);
        }
    }
}
