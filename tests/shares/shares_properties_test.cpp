// Properties over random inputs (seeded, reproducible): every percent row sums to exactly 100
// by largest remainder, whatever the amounts and decimals; the total's and each group's share per
// source equals the outcome-weighted sum of its areas' shares, exactly.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ku/core/money.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/percent.hpp"
#include "../support/random.hpp"

using ku::area_funding;
using ku::exact_share;
using ku::funding_kind;
using ku::money;
using ku::share_row;

namespace {

using namespace ku::literals;

using ku::test::uniform;

/// An amount in öre: often zero, often round, sometimes large.
money random_amount(std::mt19937_64& random)
{
    switch (uniform(random, 0, 5)) {
    case 0: return money{};
    case 1: return money::kr(uniform(random, 1, 1'000) * 1'000);
    case 2: return money::ore(uniform(random, 1, 99));
    case 3: return money::kr(uniform(random, 1'000'000, 100'000'000));
    default: return money::ore(uniform(random, 1, 10'000'000'000));
    }
}

std::vector<area_funding> random_areas(std::mt19937_64& random)
{
    const std::array<std::optional<std::string>, 4> groups{std::nullopt, std::string{"projektverksamhet"},
                                                           std::string{"utbildning"}, std::nullopt};
    std::vector<area_funding> areas;
    const std::int64_t count = uniform(random, 1, 12);
    for (std::int64_t i = 0; i < count; ++i) {
        area_funding area{.area = ku::partnerskap::named("Område " + std::to_string(i)),
                          .group = groups[static_cast<std::size_t>(uniform(random, 0, 3))],
                          .utfall = random_amount(random),
                          .by_kind = {random_amount(random), random_amount(random), random_amount(random)}};
        if (area.received() == money{}) {
            area.by_kind[ku::all_funding_kinds[static_cast<std::size_t>(uniform(random, 0, 2))]] =
                money::kr(uniform(random, 1, 1'000'000));
        }
        areas.push_back(std::move(area));
    }
    if (areas.front().utfall == money{}) {
        areas.front().utfall = money::ore(uniform(random, 1, 1'000'000));
    }
    return areas;
}

std::int64_t one_hundred_percent(int decimals)
{
    std::int64_t whole = 100;
    for (int i = 0; i < decimals; ++i) {
        whole *= 10;
    }
    return whole;
}

} // namespace

TEST_CASE("every row of random shares sums to exactly 100 by largest remainder, with 0 to 3 decimals",
          "[shares][percent][property]")
{
    std::mt19937_64 random{20'250'101};
    for (int trial = 0; trial < 2'000; ++trial) {
        const std::int64_t cells = uniform(random, 1, 15);
        std::vector<std::int64_t> amounts;
        std::int64_t total = 0;
        for (std::int64_t i = 0; i < cells; ++i) {
            amounts.push_back(uniform(random, 0, 3) == 0 ? 0 : uniform(random, 1, 1'000'000'007));
            total += amounts.back();
        }
        if (total == 0) {
            amounts.front() = 1;
            total = 1;
        }
        std::vector<exact_share> shares;
        for (const std::int64_t a : amounts) {
            shares.emplace_back(a, total);
        }
        const int decimals = static_cast<int>(uniform(random, 0, 3));
        const std::vector<ku::percent> row = ku::to_percents(shares, decimals);
        REQUIRE(row.size() == shares.size());
        std::int64_t sum = 0;
        for (std::size_t i = 0; i < row.size(); ++i) {
            CHECK(row[i].decimals() == decimals);
            // Each cell is its exact value rounded down or up: never more than one unit away.
            const exact_share exact = shares[i] * one_hundred_percent(decimals);
            CHECK(exact_share{row[i].units()} > exact - 1);
            CHECK(exact_share{row[i].units()} < exact + 1);
            sum += row[i].units();
        }
        INFO("trial " << trial << ", " << cells << " cells, " << decimals << " decimals");
        REQUIRE(sum == one_hundred_percent(decimals));
    }
}

TEST_CASE("every row and the area column of a random breakdown sum to exactly 100 by largest remainder",
          "[shares][financing][property]")
{
    std::mt19937_64 random{17'303'500};
    for (int trial = 0; trial < 300; ++trial) {
        const std::vector<area_funding> areas = random_areas(random);
        const int decimals = static_cast<int>(uniform(random, 0, 3));
        const ku::percent_table table = ku::to_percent_table(ku::financing_shares(areas), decimals);
        std::int64_t column = 0;
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const auto& cells = table.percents[r];
            std::int64_t row = 0;
            for (const ku::percent& source : cells.by_kind) {
                row += source.units();
            }
            INFO("trial " << trial << ", row " << table.rows[r].area.name());
            // A row is empty (all zero) only for a group without outcome.
            const auto& by_kind = table.rows[r].by_kind;
            if (std::ranges::all_of(by_kind, [](const exact_share& share) { return share == 0; })) {
                CHECK(table.rows[r].row_kind == share_row::kind::group);
                CHECK(table.rows[r].utfall == money{});
                CHECK(row == 0);
            } else {
                CHECK(row == one_hundred_percent(decimals));
            }
            if (table.rows[r].row_kind == share_row::kind::area) {
                column += cells.of_outcome.units();
            }
        }
        CHECK(column == one_hundred_percent(decimals));
        CHECK(table.percents.back().of_outcome.units() == one_hundred_percent(decimals));
    }
}

TEST_CASE("the total's and each group's share per source is the outcome-weighted sum of its areas' shares, exactly",
          "[shares][financing][property][weighted]")
{
    std::mt19937_64 random{2'023'1231};
    for (int trial = 0; trial < 500; ++trial) {
        const std::vector<area_funding> areas = random_areas(random);
        const std::vector<share_row> rows = ku::financing_shares(areas);
        const share_row& total = rows.back();
        REQUIRE(total.row_kind == share_row::kind::total);

        money total_outcome;
        for (const area_funding& a : areas) {
            total_outcome += a.utfall;
        }
        REQUIRE(total.utfall == total_outcome);

        exact_share column = 0;
        for (std::size_t i = 0; i < areas.size(); ++i) {
            // An area's shares: its sources' money over all the money it received.
            for (const funding_kind kind : ku::all_funding_kinds) {
                CHECK(rows[i].by_kind[kind] ==
                      exact_share{areas[i].by_kind[kind].in_ore(), areas[i].received().in_ore()});
            }
            CHECK(rows[i].of_total_outcome == exact_share{areas[i].utfall.in_ore(), total_outcome.in_ore()});
            column += rows[i].of_total_outcome;
        }
        CHECK(column == 1);

        for (const funding_kind kind : ku::all_funding_kinds) {
            exact_share weighted = 0;
            for (std::size_t i = 0; i < areas.size(); ++i) {
                weighted += rows[i].of_total_outcome * rows[i].by_kind[kind];
            }
            INFO("trial " << trial << ", source " << ku::to_string(kind));
            CHECK(total.by_kind[kind] == weighted);
        }
        CHECK(total.by_kind[funding_kind::kommunerna] + total.by_kind[funding_kind::staten] +
                  total.by_kind[funding_kind::ovriga] ==
              1);

        for (std::size_t g = areas.size(); g + 1 < rows.size(); ++g) {
            const share_row& group = rows[g];
            REQUIRE(group.row_kind == share_row::kind::group);
            money outcome;
            exact_share of_total = 0;
            for (std::size_t i = 0; i < areas.size(); ++i) {
                if (areas[i].group == group.area.name()) {
                    outcome += areas[i].utfall;
                    of_total += rows[i].of_total_outcome;
                }
            }
            CHECK(group.utfall == outcome);
            CHECK(group.of_total_outcome == of_total);
            for (const funding_kind kind : ku::all_funding_kinds) {
                exact_share weighted = 0;
                for (std::size_t i = 0; i < areas.size(); ++i) {
                    if (areas[i].group == group.area.name()) {
                        weighted += exact_share{areas[i].utfall.in_ore()} * rows[i].by_kind[kind];
                    }
                }
                const exact_share expected =
                    outcome == money{} ? exact_share{0} : weighted / exact_share{outcome.in_ore()};
                CHECK(group.by_kind[kind] == expected);
            }
        }
    }
}
