// Price levels: index series, conversion of amounts between price levels ("2016 års prisnivå"
// to 2025 prices) with an explicit rounding mode, and budget years with plan years. Exact
// throughout: expected values are checked with Boost.Multiprecision rationals, never floats.

#include <array>
#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/ratio.hpp"
#include "ku/core/rounding.hpp"
#include "ku/indicators/price_level.hpp"
#include "../support/random.hpp"

namespace {

using boost::multiprecision::cpp_rational;
using ku::budget_plan;
using ku::money;
using ku::price_index;
using ku::ratio;
using ku::rounding_mode;
using ku::unit;
using std::chrono::year;

constexpr std::array<rounding_mode, 7> all_modes{
    rounding_mode::half_up, rounding_mode::half_even, rounding_mode::half_down, rounding_mode::up,
    rounding_mode::down,    rounding_mode::floor,     rounding_mode::ceiling};

/// An illustrative index: 100 in 2016, 115,3 in 2025 (not a published series).
price_index index_2016_2025()
{
    return price_index{"KPI", {{year{2016}, ratio::whole(100)}, {year{2025}, ratio::parse("115,3")}}};
}

using ku::test::uniform;

cpp_rational exact(money m) { return cpp_rational{m.in_ore()}; }

} // namespace

// ---------------------------------------------------------------------------------------------
// The index series

TEST_CASE("a price index holds one exact value per year, in year order", "[price_level]")
{
    const price_index kpi{"KPI",
                          {{year{2025}, ratio::parse("115,3")},
                           {year{2016}, ratio::whole(100)},
                           {year{2020}, ratio::parse("310,25")}}};
    REQUIRE(kpi.name() == "KPI");
    REQUIRE(kpi.entries().size() == 3);
    REQUIRE(kpi.entries()[0].first == year{2016});
    REQUIRE(kpi.entries()[1].first == year{2020});
    REQUIRE(kpi.entries()[2].first == year{2025});
    REQUIRE(kpi.at(year{2020}) == ratio{31025, 100});
    REQUIRE(kpi.at(year{2025}) == ratio{1153, 10});
    REQUIRE(kpi.contains(year{2016}));
    REQUIRE_FALSE(kpi.contains(year{2019}));
}

TEST_CASE("an index missing the year asked for is a lookup error naming the year",
          "[price_level][error]")
{
    const price_index kpi = index_2016_2025();
    REQUIRE_THROWS_AS(kpi.at(year{2019}), ku::lookup_error);
    REQUIRE_THROWS_WITH(kpi.at(year{2019}), Catch::Contains("the index has no value for 2019"));
    REQUIRE_THROWS_WITH(kpi.at(year{2019}), Catch::Contains("\"KPI\""));
    REQUIRE_THROWS_WITH(kpi.at(year{2019}), Catch::Contains("from 2016 to 2025"));
    // The conversion says the same, for either end of it.
    REQUIRE_THROWS_AS(ku::convert(money::kr(1'000), year{2019}, year{2025}, kpi,
                                  rounding_mode::half_up, unit::kr),
                      ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::convert(money::kr(1'000), year{2016}, year{2019}, kpi,
                                    rounding_mode::half_up, unit::kr),
                        Catch::Contains("the index has no value for 2019"));
    REQUIRE_THROWS_WITH(ku::price_factor(year{2019}, year{2016}, kpi),
                        Catch::Contains("the index has no value for 2019"));
}

TEST_CASE("an empty index has no value for any year", "[price_level][error]")
{
    const price_index empty{"", {}};
    REQUIRE_THROWS_AS(empty.at(year{2025}), ku::lookup_error);
    REQUIRE_THROWS_WITH(empty.at(year{2025}),
                        Catch::Contains("price index: the index has no value for 2025") &&
                            Catch::Contains("no values at all"));
}

TEST_CASE("an index with a year given twice is rejected, naming the year and both values",
          "[price_level][error]")
{
    const auto make = [] {
        return price_index{"OPI", {{year{2016}, ratio::whole(100)},
                                   {year{2017}, ratio::parse("102,1")},
                                   {year{2016}, ratio::parse("100,5")}}};
    };
    REQUIRE_THROWS_AS(make(), ku::domain_error);
    REQUIRE_THROWS_WITH(make(), Catch::Contains("\"OPI\"") &&
                                    Catch::Contains("2016 is given twice") &&
                                    Catch::Contains("100") && Catch::Contains("201/2"));
}

TEST_CASE("an index value of zero or below is rejected, naming the year", "[price_level][error]")
{
    REQUIRE_THROWS_AS((price_index{"KPI", {{year{2016}, ratio{}}}}), ku::domain_error);
    REQUIRE_THROWS_WITH((price_index{"KPI", {{year{2016}, ratio{}}}}),
                        Catch::Contains("index value for 2016 is 0") &&
                            Catch::Contains("must be positive"));
    REQUIRE_THROWS_AS((price_index{"KPI", {{year{2017}, ratio::parse("-310,25")}}}),
                      ku::domain_error);
    REQUIRE_THROWS_WITH((price_index{"KPI", {{year{2017}, ratio::parse("-310,25")}}}),
                        Catch::Contains("2017") && Catch::Contains("-1241/4"));
}

TEST_CASE("an index with an invalid year is rejected", "[price_level][error]")
{
    REQUIRE_THROWS_AS((price_index{"KPI", {{year{-32768}, ratio::whole(100)}}}), ku::domain_error);
    REQUIRE_THROWS_WITH((price_index{"KPI", {{year{-32768}, ratio::whole(100)}}}),
                        Catch::Contains("-32768 is not a valid year"));
}

// ---------------------------------------------------------------------------------------------
// Conversion between price levels

TEST_CASE("1 000 000 kr at 2016's price level (index 100) is 1 153 000 kr at 2025's (115,3)",
          "[price_level]")
{
    const price_index kpi = index_2016_2025();
    REQUIRE(ku::price_factor(year{2016}, year{2025}, kpi) == ratio{1153, 1000});
    for (const rounding_mode mode : all_modes) {
        REQUIRE(ku::convert(money::kr(1'000'000), year{2016}, year{2025}, kpi, mode, unit::kr) ==
                money::kr(1'153'000));
    }
}

TEST_CASE("converting back from 2025 to 2016 prices divides by the same factor",
          "[price_level]")
{
    const price_index kpi = index_2016_2025();
    REQUIRE(ku::price_factor(year{2025}, year{2016}, kpi) == ratio{1000, 1153});
    REQUIRE(ku::convert(money::kr(1'153'000), year{2025}, year{2016}, kpi, rounding_mode::half_up,
                        unit::kr) == money::kr(1'000'000));
    // 100 000 kr × 1000/1153 = 86 730,2688… kr: the rounding mode decides the last krona.
    REQUIRE(ku::convert(money::kr(100'000), year{2025}, year{2016}, kpi, rounding_mode::down,
                        unit::kr) == money::kr(86'730));
    REQUIRE(ku::convert(money::kr(100'000), year{2025}, year{2016}, kpi, rounding_mode::up,
                        unit::kr) == money::kr(86'731));
    REQUIRE(ku::convert(money::kr(100'000), year{2025}, year{2016}, kpi, rounding_mode::half_up,
                        unit::ore) == money::ore(8'673'027));
}

TEST_CASE("a KPI-style index value with two decimals converts exactly, rounded as asked",
          "[price_level]")
{
    // 310,25 → 345,85: 3 562 623 kr × 34585/31025 = 3 971 420,35… kr
    const price_index kpi{"KPI", {{year{2016}, ratio::parse("310,25")},
                                  {year{2024}, ratio::parse("345,85")}}};
    const money amount = money::kr(3'562'623);
    const cpp_rational expected = exact(amount) * cpp_rational{34585, 31025};
    const money half_up =
        ku::convert(amount, year{2016}, year{2024}, kpi, rounding_mode::half_up, unit::kr);
    const money down =
        ku::convert(amount, year{2016}, year{2024}, kpi, rounding_mode::down, unit::kr);
    const money up = ku::convert(amount, year{2016}, year{2024}, kpi, rounding_mode::up, unit::kr);
    REQUIRE(exact(down) <= expected);
    REQUIRE(expected - exact(down) < 100);
    REQUIRE(half_up == money::kr(3'971'420));
    REQUIRE(down == money::kr(3'971'420));
    REQUIRE(up == money::kr(3'971'421));
    REQUIRE(ku::convert(amount, year{2016}, year{2024}, kpi, rounding_mode::half_up) ==
            money::ore(397'142'035));
    REQUIRE(ku::convert(amount, year{2016}, year{2024}, kpi, rounding_mode::half_up, unit::tkr) ==
            money::kr(3'971'000));
}

TEST_CASE("converting to the same price level changes nothing but the rounding to the unit",
          "[price_level]")
{
    const price_index kpi = index_2016_2025();
    REQUIRE(ku::convert(money::ore(123'456), year{2016}, year{2016}, kpi, rounding_mode::down) ==
            money::ore(123'456));
    REQUIRE(ku::convert(money::ore(123'456), year{2016}, year{2016}, kpi, rounding_mode::half_up,
                        unit::kr) == money::kr(1'235));
}

TEST_CASE("a negative amount (a reduction) converts symmetrically", "[price_level]")
{
    const price_index kpi = index_2016_2025();
    REQUIRE(ku::convert(money::kr(-1'000'000), year{2016}, year{2025}, kpi, rounding_mode::half_up,
                        unit::kr) == money::kr(-1'153'000));
    REQUIRE(ku::convert(-money::kr(100'000), year{2025}, year{2016}, kpi, rounding_mode::down,
                        unit::kr) == -money::kr(86'730));
}

TEST_CASE("a conversion beyond the money range is an overflow error", "[price_level][error]")
{
    const price_index kpi = index_2016_2025();
    REQUIRE_THROWS_AS(ku::convert(money::max(), year{2016}, year{2025}, kpi, rounding_mode::down),
                      ku::overflow_error);
}

// ---------------------------------------------------------------------------------------------
// Properties

TEST_CASE("the rounded conversion lies within one unit of the exact product, on the side the "
          "mode says",
          "[price_level][property]")
{
    std::mt19937_64 rng{20260101};
    for (int trial = 0; trial < 2'000; ++trial) {
        const ratio from_value{uniform(rng, 1, 100'000), 100}; // 0,01 – 1 000,00
        const ratio to_value{uniform(rng, 1, 100'000), 100};
        const price_index index{"random", {{year{2016}, from_value}, {year{2025}, to_value}}};
        const money amount = money::ore(uniform(rng, -10'000'000'000, 10'000'000'000));
        const unit u = trial % 2 == 0 ? unit::ore : unit::kr;
        const cpp_rational product = exact(amount) * to_value.to_rational() / from_value.to_rational();
        const cpp_rational step{ku::ore_per(u)};
        const money floor = ku::convert(amount, year{2016}, year{2025}, index, rounding_mode::floor, u);
        const money ceiling =
            ku::convert(amount, year{2016}, year{2025}, index, rounding_mode::ceiling, u);
        REQUIRE(exact(floor) <= product);
        REQUIRE(product <= exact(ceiling));
        REQUIRE(exact(ceiling) - exact(floor) <= step);
        const money nearest =
            ku::convert(amount, year{2016}, year{2025}, index, rounding_mode::half_even, u);
        const cpp_rational distance = exact(nearest) - product;
        REQUIRE(distance * 2 <= step);
        REQUIRE(-distance * 2 <= step);
    }
}

TEST_CASE("to a higher price level and back again returns the amount within one unit, for "
          "every rounding mode",
          "[price_level][property]")
{
    std::mt19937_64 rng{20260102};
    for (int trial = 0; trial < 2'000; ++trial) {
        const std::int64_t low = uniform(rng, 1, 50'000);
        const ratio from_value{low, 100};
        const ratio to_value{uniform(rng, low, 100'000), 100}; // never below: factor >= 1
        const price_index index{"random", {{year{2016}, from_value}, {year{2025}, to_value}}};
        const rounding_mode mode = all_modes[static_cast<std::size_t>(uniform(rng, 0, 6))];
        const bool in_kronor = trial % 2 == 0;
        const unit u = in_kronor ? unit::kr : unit::ore;
        const std::int64_t n = uniform(rng, -1'000'000'000, 1'000'000'000);
        const money amount = in_kronor ? money::kr(n) : money::ore(n);
        const money there = ku::convert(amount, year{2016}, year{2025}, index, mode, u);
        const money back = ku::convert(there, year{2025}, year{2016}, index, mode, u);
        const money difference = back - amount;
        REQUIRE(difference <= money::ore(ku::ore_per(u)));
        REQUIRE(difference >= -money::ore(ku::ore_per(u)));
    }
}

TEST_CASE("to a lower price level and back again the error is bounded by the factor",
          "[price_level][property]")
{
    // Down by a factor f < 1 and back: |back − amount| < 1/f + 1 units, i.e.
    // |back − amount| × index(to) < index(from) + index(to), in units.
    std::mt19937_64 rng{20260103};
    for (int trial = 0; trial < 2'000; ++trial) {
        const ratio from_value{uniform(rng, 1, 100'000), 100};
        const ratio to_value{uniform(rng, 1, 100'000), 100};
        const price_index index{"random", {{year{2016}, from_value}, {year{2025}, to_value}}};
        const rounding_mode mode = all_modes[static_cast<std::size_t>(uniform(rng, 0, 6))];
        const money amount = money::ore(uniform(rng, -1'000'000'000, 1'000'000'000));
        const money there = ku::convert(amount, year{2016}, year{2025}, index, mode);
        const money back = ku::convert(there, year{2025}, year{2016}, index, mode);
        cpp_rational difference = exact(back) - exact(amount);
        if (difference < 0) {
            difference = -difference;
        }
        REQUIRE(difference * to_value.to_rational() <
                from_value.to_rational() + to_value.to_rational());
    }
}

TEST_CASE("conversion keeps the order of amounts", "[price_level][property]")
{
    std::mt19937_64 rng{20260104};
    const price_index kpi = index_2016_2025();
    for (int trial = 0; trial < 1'000; ++trial) {
        const money a = money::ore(uniform(rng, -1'000'000'000, 1'000'000'000));
        const money b = a + money::ore(uniform(rng, 0, 1'000));
        const rounding_mode mode = all_modes[static_cast<std::size_t>(trial % 7)];
        REQUIRE(ku::convert(a, year{2025}, year{2016}, kpi, mode, unit::kr) <=
                ku::convert(b, year{2025}, year{2016}, kpi, mode, unit::kr));
    }
}

// ---------------------------------------------------------------------------------------------
// Budget year and plan years

TEST_CASE("budget 2026 with two plan years is planned for 2027–2028", "[budget_plan]")
{
    const budget_plan plan = budget_plan::make(year{2026}, 2);
    REQUIRE(plan.budget_year() == year{2026});
    REQUIRE(plan.plan_year_count() == 2);
    REQUIRE(plan.plan_years() == std::vector<year>{year{2027}, year{2028}});
    REQUIRE(plan.years() == std::vector<year>{year{2026}, year{2027}, year{2028}});
    REQUIRE(plan.last_year() == year{2028});
    REQUIRE(plan.label() == "budget 2026, plan 2027\u20132028");
    REQUIRE(plan.label() == "budget 2026, plan 2027–2028");
}

TEST_CASE("a budget plan contains its budget year and plan years and nothing else",
          "[budget_plan]")
{
    const budget_plan plan = budget_plan::make(year{2026}, 2);
    REQUIRE_FALSE(plan.contains(year{2025}));
    REQUIRE(plan.contains(year{2026}));
    REQUIRE(plan.contains(year{2027}));
    REQUIRE(plan.contains(year{2028}));
    REQUIRE_FALSE(plan.contains(year{2029}));
}

TEST_CASE("a plan of one year, or none, is labelled without a range", "[budget_plan]")
{
    REQUIRE(budget_plan::make(year{2026}, 1).label() == "budget 2026, plan 2027");
    const budget_plan bare = budget_plan::make(year{2026}, 0);
    REQUIRE(bare.label() == "budget 2026");
    REQUIRE(bare.plan_years().empty());
    REQUIRE(bare.years() == std::vector<year>{year{2026}});
    REQUIRE(bare.contains(year{2026}));
    REQUIRE_FALSE(bare.contains(year{2027}));
    REQUIRE(budget_plan::make(year{2026}, 2) == budget_plan::make(year{2026}, 2));
    REQUIRE_FALSE(budget_plan::make(year{2026}, 2) == budget_plan::make(year{2026}, 3));
}

TEST_CASE("a negative number of plan years, an invalid year or a plan past year 32767 is a "
          "domain error",
          "[budget_plan][error]")
{
    REQUIRE_THROWS_AS(budget_plan::make(year{2026}, -1), ku::domain_error);
    REQUIRE_THROWS_WITH(budget_plan::make(year{2026}, -1),
                        Catch::Contains("-1 plan years after budget 2026") &&
                            Catch::Contains("cannot be negative"));
    REQUIRE_THROWS_AS(budget_plan::make(year{-32768}, 2), ku::domain_error);
    REQUIRE_THROWS_WITH(budget_plan::make(year{-32768}, 2),
                        Catch::Contains("-32768 is not a valid budget year"));
    REQUIRE_THROWS_AS(budget_plan::make(year{32766}, 2), ku::domain_error);
    REQUIRE_THROWS_WITH(budget_plan::make(year{32766}, 2),
                        Catch::Contains("runs past year 32767"));
    REQUIRE(budget_plan::make(year{32765}, 2).last_year() == year{32767});
}

TEST_CASE("an amount at 2025's price level is carried to each year of budget 2026, plan "
          "2027–2028 by a forecast index",
          "[budget_plan][price_level]")
{
    // An illustrative forecast: 2 % a year on 115,3.
    const price_index forecast{"prognos", {{year{2025}, ratio::parse("115,3")},
                                           {year{2026}, ratio::parse("117,606")},
                                           {year{2027}, ratio::parse("119,95812")},
                                           {year{2028}, ratio::parse("122,3572824")}}};
    const budget_plan plan = budget_plan::make(year{2026}, 2);
    const std::vector<ku::year_amount> amounts = ku::convert(
        money::kr(3'500'000), year{2025}, plan, forecast, rounding_mode::half_up, unit::kr);
    REQUIRE(amounts == std::vector<ku::year_amount>{{year{2026}, money::kr(3'570'000)},
                                                    {year{2027}, money::kr(3'641'400)},
                                                    {year{2028}, money::kr(3'714'228)}});
}

TEST_CASE("carrying an amount over a plan needs the index for every plan year",
          "[budget_plan][price_level][error]")
{
    const price_index short_index{"prognos", {{year{2025}, ratio::whole(100)},
                                              {year{2026}, ratio::whole(102)}}};
    const budget_plan plan = budget_plan::make(year{2026}, 2);
    REQUIRE_THROWS_AS(ku::convert(money::kr(1'000), year{2025}, plan, short_index,
                                  rounding_mode::half_up, unit::kr),
                      ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::convert(money::kr(1'000), year{2025}, plan, short_index,
                                    rounding_mode::half_up, unit::kr),
                        Catch::Contains("the index has no value for 2027"));
}

TEST_CASE("a table converted to a budget year and its plan years has each cell rounded on its own, blanks kept",
          "[price_level][table]")
{
    const price_index index{"KPI", {{year{2016}, ratio::whole(100)},
                                    {year{2026}, ratio::parse("120,5")},
                                    {year{2027}, ratio::parse("123,1")}}};
    const ku::amount_table amounts{.label_heading = "Post",
                                   .columns = {"Grund", "Projekt"},
                                   .labels = {"Social välfärd", "Fritid"},
                                   .cells = {money::kr(1'000), std::nullopt, money::kr(3), money::kr(5)}};
    const ku::price_conversion result = ku::convert_table(amounts, year{2016}, {}, budget_plan::make(year{2026}, 1),
                                                          index, rounding_mode::half_even, unit::kr);
    REQUIRE(result.years == std::vector{year{2026}, year{2027}});
    CHECK(result.factors == std::vector{ratio{241, 200}, ratio{1'231, 1'000}});
    CHECK(result.at(0, 0, 0) == money::kr(1'205));    // 1 205 exactly
    CHECK(result.at(0, 0, 1) == money::kr(1'231));
    CHECK_FALSE(result.at(0, 1, 0).has_value());      // blank stays blank
    CHECK(result.at(1, 0, 0) == money::kr(4));        // 3,615 → 4
    CHECK(result.at(1, 1, 0) == money::kr(6));        // 6,025 → 6
    CHECK(result.at(1, 1, 1) == money::kr(6));        // 6,155 → 6
    // Each converted cell is the exact product rounded once, whatever the other cells.
    for (std::size_t r = 0; r < 2; ++r) {
        for (std::size_t c = 0; c < 2; ++c) {
            for (std::size_t y = 0; y < 2; ++y) {
                const auto cell = amounts.cell(r, c);
                CHECK(result.at(r, c, y) ==
                      (cell ? std::optional{ku::convert(*cell, year{2016}, result.years[y], index, rounding_mode::half_even,
                                                        unit::kr)}
                            : std::nullopt));
            }
        }
    }
    CHECK_THROWS_AS(ku::convert_table(amounts, year{2015}, {year{2026}}, std::nullopt, index, rounding_mode::half_up,
                                      unit::kr),
                    ku::lookup_error);
}
