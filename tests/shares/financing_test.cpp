// Financing-share breakdowns (finansiering av utfall): each area's exact share of the total
// outcome, the share of its outcome each kind of source financed, groups and the total weighted
// by outcome, never averaged; the percent table whose rows and area column sum to exactly 100.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/percent.hpp"
#include "../support/fixtures.hpp"

using Catch::Contains;
using ku::area_funding;
using ku::exact_share;
using ku::funding_kind;
using ku::money;
using ku::share_row;

namespace {

using namespace ku::literals;

using ku::test::what;
using ku::test::kr;

area_funding area(std::string name, std::optional<std::string> group, std::int64_t utfall, std::int64_t kommunerna,
                  std::int64_t staten, std::int64_t ovriga)
{
    return {.area = ku::partnerskap::named(std::move(name)), .group = std::move(group), .utfall = kr(utfall),
            .by_kind = {kr(kommunerna), kr(staten), kr(ovriga)}};
}

const std::string project = "projektverksamhet";

/// The same areas as tests/data/shares/funding_2023.csv, in kronor.
std::vector<area_funding> areas_2023()
{
    return {
        area("Ledning och stab", std::nullopt, 4'200'000, 4'200'000, 0, 0),
        area("Social välfärd och hälso- och sjukvård", std::nullopt, 29'500'000, 12'000'000, 16'000'000, 2'000'000),
        area("Utbildning", std::nullopt, 6'300'000, 5'100'000, 0, 1'200'000),
        area("Nära vård", project, 1'700'000, 0, 35'000'000, 0),
        area("Förstärkt samverkan", project, 9'800'000, 1'000'000, 6'000'000, 3'000'000),
        area("ESF Digitalisering", project, 2'500'000, 500'000, 0, 2'000'000),
    };
}

using shares3 = ku::by_funding<exact_share>;

/// The units of the share of the outcome, then of each kind.
std::vector<std::int64_t> percent_units(const ku::percent_row& cells)
{
    std::vector<std::int64_t> units{cells.of_outcome.units()};
    for (const ku::percent& source : cells.by_kind) {
        units.push_back(source.units());
    }
    return units;
}

/// The units of the kinds' percents, summed.
std::int64_t sources_units(const ku::percent_row& cells)
{
    std::int64_t sum = 0;
    for (const ku::percent& source : cells.by_kind) {
        sum += source.units();
    }
    return sum;
}

using unit_counts = std::vector<std::int64_t>;

} // namespace

TEST_CASE("an area's source shares are in proportion to the money each source brought, exactly",
          "[shares][financing]")
{
    // Social välfärd: 12 + 16 + 2 = 30 mnkr received, 29,5 mnkr spent.
    const std::vector<area_funding> areas = areas_2023();
    const std::vector<share_row> rows = ku::financing_shares(areas);
    const share_row& social = rows[1];
    CHECK(social.row_kind == share_row::kind::area);
    CHECK(social.area.name() == "Social välfärd och hälso- och sjukvård");
    CHECK(social.utfall == kr(29'500'000));
    CHECK(social.by_kind == shares3{exact_share{2, 5}, exact_share{8, 15}, exact_share{1, 15}});
    // Its share of the total outcome of 54 mnkr.
    CHECK(social.of_total_outcome == exact_share{295, 540});

    // Nära vård received 35 mnkr from the state and spent 1,7 mnkr: all of it state money.
    CHECK(rows[3].by_kind == shares3{exact_share{0}, exact_share{1}, exact_share{0}});
    CHECK(rows[3].of_total_outcome == exact_share{17, 540});
    CHECK(rows[3].group == project);
}

TEST_CASE("shares that have no finite decimal form stay exact thirds", "[shares][financing]")
{
    const std::vector<area_funding> areas{
        {.area = "Barnahus"_area, .group = std::nullopt, .utfall = money::ore(100),
         .by_kind = {money::ore(1), money::ore(2), money::ore(0)}},
        {.area = "Yrkesresorna"_area, .group = std::nullopt, .utfall = money::ore(200),
         .by_kind = {money::ore(7), money::ore(0), money::ore(0)}},
    };
    const std::vector<share_row> rows = ku::financing_shares(areas);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].by_kind == shares3{exact_share{1, 3}, exact_share{2, 3}, exact_share{0}});
    CHECK(rows[0].of_total_outcome == exact_share{1, 3});
    CHECK(rows[1].of_total_outcome == exact_share{2, 3});
    // The total: 1/3 × 1/3 + 2/3 × 1 from kommunerna = 7/9; 1/3 × 2/3 = 2/9 from the state.
    CHECK(rows[2].by_kind == shares3{exact_share{7, 9}, exact_share{2, 9}, exact_share{0}});
}

TEST_CASE("a group is weighted by its areas' outcome: 9/10, where averaging the percents gives 1/2 and pooling the money 3/10",
          "[shares][financing][weighted]")
{
    // Barnahus spent 9 mnkr, all financed by the kommuner (which brought 3 mnkr that year);
    // Nära vård spent 1 mnkr, all state money (7 mnkr brought).
    const std::vector<area_funding> areas{
        area("Ledning och stab", std::nullopt, 10'000'000, 4'000'000, 0, 6'000'000),
        area("Barnahus", project, 9'000'000, 3'000'000, 0, 0),
        area("Nära vård", project, 1'000'000, 0, 7'000'000, 0),
    };
    const std::vector<share_row> rows = ku::financing_shares(areas);
    REQUIRE(rows.size() == 5);
    const share_row& group = rows[3];
    CHECK(group.row_kind == share_row::kind::group);
    CHECK(group.area.name() == project);
    CHECK(group.utfall == kr(10'000'000));
    CHECK(group.of_total_outcome == exact_share{1, 2});

    const exact_share averaged =
        (rows[1].by_kind[funding_kind::kommunerna] + rows[2].by_kind[funding_kind::kommunerna]) / 2;
    const exact_share pooled{3'000'000, 10'000'000};
    CHECK(averaged == exact_share{1, 2});
    CHECK(group.by_kind[funding_kind::kommunerna] == exact_share{9, 10});
    CHECK(group.by_kind[funding_kind::kommunerna] != averaged);
    CHECK(group.by_kind[funding_kind::kommunerna] != pooled);
    CHECK(group.by_kind == shares3{exact_share{9, 10}, exact_share{1, 10}, exact_share{0}});

    // The total: (10 × 2/5 + 9 × 1 + 1 × 0) / 20 from kommunerna, and so on.
    const share_row& total = rows[4];
    CHECK(total.row_kind == share_row::kind::total);
    CHECK(total.area.name() == "Summa");
    CHECK(total.utfall == kr(20'000'000));
    CHECK(total.of_total_outcome == 1);
    CHECK(total.by_kind == shares3{exact_share{13, 20}, exact_share{1, 20}, exact_share{3, 10}});
    // Averaging the three areas would give (2/5 + 1 + 0) / 3 = 7/15 for the kommuner.
    const funding_kind kommunerna = funding_kind::kommunerna;
    CHECK(total.by_kind[kommunerna] != (rows[0].by_kind[kommunerna] + rows[1].by_kind[kommunerna] + rows[2].by_kind[kommunerna]) / 3);

    // Whole percents: the group is 90 / 10 / 0, not the averaged 50 / 50 / 0.
    const ku::percent_table table = ku::to_percent_table(rows);
    CHECK(percent_units(table.percents[3]) == unit_counts{50, 90, 10, 0});
    CHECK(percent_units(table.percents[4]) == unit_counts{100, 65, 5, 30});
}

TEST_CASE("the 2023 breakdown: rows in input order, then the group, then Summa, weighted by outcome",
          "[shares][financing]")
{
    const std::vector<area_funding> areas = areas_2023();
    const std::vector<share_row> rows = ku::financing_shares(areas);
    REQUIRE(rows.size() == 8);
    CHECK(rows[0].area.name() == "Ledning och stab");
    CHECK(rows[5].area.name() == "ESF Digitalisering");
    CHECK(rows[6].row_kind == share_row::kind::group);
    CHECK(rows[6].area.name() == project);
    CHECK_FALSE(rows[6].group.has_value());
    CHECK(rows[7].row_kind == share_row::kind::total);

    // varav projektverksamhet: 14 mnkr of 54; kommunerna 9,8 × 1/10 + 2,5 × 1/5 = 1,48 mnkr of 14.
    CHECK(rows[6].utfall == kr(14'000'000));
    CHECK(rows[6].of_total_outcome == exact_share{14, 54});
    CHECK(rows[6].by_kind == shares3{exact_share{148, 1400}, exact_share{758, 1400}, exact_share{494, 1400}});
    // Summa: kommunerna 4,2 + 11,8 + 5,1 + 0 + 0,98 + 0,5 = 22,58 mnkr of 54.
    CHECK(rows[7].utfall == kr(54'000'000));
    CHECK(rows[7].by_kind[funding_kind::kommunerna] == exact_share{2258, 5400});
    // staten: 29,5 × 16/30 + 1,7 + 9,8 × 6/10 mnkr of 54.
    CHECK(rows[7].by_kind[funding_kind::staten] == (exact_share{2950 * 16, 30} + 170 + 588) / 5400);
    CHECK(rows[7].by_kind[funding_kind::kommunerna] + rows[7].by_kind[funding_kind::staten] +
              rows[7].by_kind[funding_kind::ovriga] ==
          1);
}

TEST_CASE("the 2023 percent table: every row and the area column sum to exactly 100",
          "[shares][financing][percent]")
{
    const std::vector<area_funding> areas = areas_2023();
    const ku::percent_table table = ku::to_percent_table(ku::financing_shares(areas));
    REQUIRE(table.percents.size() == 8);
    // Område, andel av utfall, kommunerna, staten, övriga.
    CHECK(percent_units(table.percents[0]) == unit_counts{8, 100, 0, 0});
    CHECK(percent_units(table.percents[1]) == unit_counts{55, 40, 53, 7});
    CHECK(percent_units(table.percents[2]) == unit_counts{12, 81, 0, 19});
    CHECK(percent_units(table.percents[3]) == unit_counts{3, 0, 100, 0});
    CHECK(percent_units(table.percents[4]) == unit_counts{18, 10, 60, 30});
    // 4 34/54 % ties with Social välfärd's 54 34/54 %: the larger share gets the spare percent.
    CHECK(percent_units(table.percents[5]) == unit_counts{4, 20, 0, 80});
    // The group's share is the sum of its areas' shown shares (3 + 18 + 4 = 25), though its own
    // 25,93 % would round to 26: the column reads true.
    CHECK(percent_units(table.percents[6]) == unit_counts{25, 11, 54, 35});
    CHECK(percent_units(table.percents[7]) == unit_counts{100, 42, 43, 15});

    std::int64_t column = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& cells = table.percents[r];
        CHECK(sources_units(cells) == 100);
        if (table.rows[r].row_kind == share_row::kind::area) {
            column += cells.of_outcome.units();
        }
    }
    CHECK(column == 100);
}

TEST_CASE("the 2023 percent table with one decimal sums to 100,0 in every row and column",
          "[shares][financing][percent]")
{
    const std::vector<area_funding> areas = areas_2023();
    const ku::percent_table table = ku::to_percent_table(ku::financing_shares(areas), 1);
    CHECK(percent_units(table.percents[0]) == unit_counts{78, 1000, 0, 0});
    CHECK(percent_units(table.percents[1]) == unit_counts{546, 400, 533, 67});
    CHECK(percent_units(table.percents[6]) == unit_counts{259, 106, 541, 353});
    CHECK(percent_units(table.percents[7]) == unit_counts{1000, 418, 432, 150});
    CHECK(table.percents[7].by_kind[funding_kind::kommunerna].to_swedish() == "41,8 %");
    std::int64_t column = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& cells = table.percents[r];
        CHECK(cells.by_kind[funding_kind::kommunerna].decimals() == 1);
        CHECK(sources_units(cells) == 1000);
        if (table.rows[r].row_kind == share_row::kind::area) {
            column += cells.of_outcome.units();
        }
    }
    CHECK(column == 1000);
}

TEST_CASE("rounded cell by cell the same breakdown can sum to 99 or 101, which is why it is not the default",
          "[shares][financing][percent]")
{
    // Three areas of equal outcome, each funded by three sources equally.
    const std::vector<area_funding> areas{
        area("Fritid", std::nullopt, 300, 100, 100, 100),
        area("Skola", std::nullopt, 300, 100, 100, 100),
        area("Digitalisering", std::nullopt, 300, 100, 100, 100),
    };
    const ku::percent_table each =
        ku::to_percent_table(ku::financing_shares(areas), 0, ku::percent_rounding::each_cell);
    CHECK(percent_units(each.percents[0]) == unit_counts{33, 33, 33, 33});
    const ku::percent_table largest = ku::to_percent_table(ku::financing_shares(areas));
    CHECK(percent_units(largest.percents[0]) == unit_counts{34, 34, 33, 33});
    CHECK(percent_units(largest.percents[1]) == unit_counts{33, 34, 33, 33});
    CHECK(percent_units(largest.percents[2]) == unit_counts{33, 34, 33, 33});
    CHECK(percent_units(largest.percents[3]) == unit_counts{100, 34, 33, 33});
}

TEST_CASE("an area without outcome or funding is a row of zeros and counts for nothing in the total",
          "[shares][financing]")
{
    const std::vector<area_funding> areas{
        area("Kurser och konferenser", std::nullopt, 0, 0, 0, 0),
        area("Fritid", std::nullopt, 500, 250, 0, 250),
        area("Vilande projekt", std::nullopt, 0, 0, 40, 0),
    };
    const std::vector<share_row> rows = ku::financing_shares(areas);
    CHECK(rows[0].by_kind == shares3{exact_share{0}, exact_share{0}, exact_share{0}});
    CHECK(rows[2].by_kind == shares3{exact_share{0}, exact_share{1}, exact_share{0}});
    CHECK(rows[2].of_total_outcome == 0);
    CHECK(rows[3].by_kind == shares3{exact_share{1, 2}, exact_share{0}, exact_share{1, 2}});
    const ku::percent_table table = ku::to_percent_table(rows);
    CHECK(percent_units(table.percents[0]) == unit_counts{0, 0, 0, 0});
    CHECK(percent_units(table.percents[3]) == unit_counts{100, 50, 0, 50});
}

TEST_CASE("two groups are listed in the order first seen, each weighted over its own areas",
          "[shares][financing]")
{
    const std::vector<area_funding> areas{
        area("Skola", "utbildning", 100, 100, 0, 0),
        area("Nära vård", project, 300, 0, 300, 0),
        area("Fjärrundervisning", "utbildning", 300, 0, 0, 300),
        area("Psykiatri", project, 100, 100, 0, 0),
    };
    const std::vector<share_row> rows = ku::financing_shares(areas);
    REQUIRE(rows.size() == 7);
    CHECK(rows[4].area.name() == "utbildning");
    CHECK(rows[4].by_kind == shares3{exact_share{1, 4}, exact_share{0}, exact_share{3, 4}});
    CHECK(rows[4].of_total_outcome == exact_share{1, 2});
    CHECK(rows[5].area.name() == project);
    CHECK(rows[5].by_kind == shares3{exact_share{1, 4}, exact_share{3, 4}, exact_share{0}});
    CHECK(rows[6].by_kind == shares3{exact_share{1, 4}, exact_share{3, 8}, exact_share{3, 8}});
}

// ---------------------------------------------------------------------------------------------
// Bad input

TEST_CASE("an area with outcome but no funding is a domain error naming the area and its outcome",
          "[shares][financing][errors]")
{
    const std::vector<area_funding> areas{
        area("Fritid", std::nullopt, 500, 250, 0, 250),
        area("Miljösamverkan", std::nullopt, 1'234'567, 0, 0, 0),
    };
    CHECK_THROWS_MATCHES(ku::financing_shares(areas), ku::domain_error,
                         what(Contains("\"Miljösamverkan\"") && Contains("1 234 567 kr") && Contains("no funding")));
}

TEST_CASE("an empty group name is a domain error naming the area", "[shares][financing][errors]")
{
    const std::vector<area_funding> areas{
        area("Fritid", std::nullopt, 500, 250, 0, 250),
        area("Skola", std::string{}, 100, 100, 0, 0),
    };
    CHECK_THROWS_MATCHES(ku::financing_shares(areas), ku::domain_error,
                         what(Contains("\"Skola\"") && Contains("empty group")));
}

TEST_CASE("an area listed twice is a domain error naming it", "[shares][financing][errors]")
{
    const std::vector<area_funding> areas{
        area("Barnahus", std::nullopt, 500, 250, 0, 250),
        area("Fritid", std::nullopt, 100, 100, 0, 0),
        area("Barnahus", std::nullopt, 100, 100, 0, 0),
    };
    CHECK_THROWS_MATCHES(ku::financing_shares(areas), ku::domain_error,
                         what(Contains("\"Barnahus\" appears twice")));
}

TEST_CASE("all outcomes zero, or no areas at all, is a domain error", "[shares][financing][errors]")
{
    const std::vector<area_funding> zero{
        area("Barnahus", std::nullopt, 0, 250, 0, 250),
        area("Fritid", std::nullopt, 0, 0, 0, 0),
    };
    CHECK_THROWS_MATCHES(ku::financing_shares(zero), ku::domain_error, what(Contains("total outcome is zero")));
    CHECK_THROWS_MATCHES(ku::financing_shares(std::vector<area_funding>{}), ku::domain_error,
                         what(Contains("no areas")));
}

TEST_CASE("a negative amount or outcome is a domain error naming the area and the source",
          "[shares][financing][errors]")
{
    const std::vector<area_funding> negative_grant{area("Nära vård", std::nullopt, 100, 0, -100, 200)};
    CHECK_THROWS_MATCHES(ku::financing_shares(negative_grant), ku::domain_error,
                         what(Contains("\"Nära vård\"") && Contains("negative amount from staten")));
    const std::vector<area_funding> negative_outcome{area("Nära vård", std::nullopt, -100, 0, 100, 0)};
    CHECK_THROWS_MATCHES(ku::financing_shares(negative_outcome), ku::domain_error,
                         what(Contains("\"Nära vård\"") && Contains("negative outcome")));
}
