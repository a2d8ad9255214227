// Percent rows: exact shares shown as whole percents (or with decimals) that sum to exactly 100
// by largest remainder, beside the spreadsheet's per-cell rounding that can sum to 99 or 101.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/core/error.hpp"
#include "ku/shares/percent.hpp"

using Catch::Contains;
using ku::exact_share;
using ku::percent;
using ku::percent_rounding;

namespace {

using ku::test::what;

std::int64_t units_sum(const std::vector<percent>& row)
{
    std::int64_t total = 0;
    for (const percent& p : row) {
        total += p.units();
    }
    return total;
}

std::vector<std::int64_t> units_of(const std::vector<percent>& row)
{
    std::vector<std::int64_t> units;
    for (const percent& p : row) {
        units.push_back(p.units());
    }
    return units;
}

using units = std::vector<std::int64_t>;

} // namespace

TEST_CASE("three equal thirds are 34 + 33 + 33 = 100 by largest remainder, the spare percent to the first cell",
          "[shares][percent]")
{
    const std::vector<exact_share> thirds{exact_share{1, 3}, exact_share{1, 3}, exact_share{1, 3}};
    const std::vector<percent> row = ku::to_percents(thirds);
    CHECK(units_of(row) == units{34, 33, 33});
    CHECK(units_sum(row) == 100);
    for (const percent& p : row) {
        CHECK(p.decimals() == 0);
    }
}

TEST_CASE("three equal thirds rounded cell by cell, as published tables do, are 33 + 33 + 33 = 99",
          "[shares][percent]")
{
    const std::vector<exact_share> thirds{exact_share{1, 3}, exact_share{1, 3}, exact_share{1, 3}};
    const std::vector<percent> row = ku::to_percents(thirds, 0, percent_rounding::each_cell);
    CHECK(units_of(row) == units{33, 33, 33});
    CHECK(units_sum(row) == 99);
}

TEST_CASE("16,5 % + 16,5 % + 67 % rounded cell by cell half-up sum to 101, by largest remainder to 100",
          "[shares][percent]")
{
    const std::vector<exact_share> shares{exact_share{165, 1000}, exact_share{165, 1000}, exact_share{67, 100}};
    const std::vector<percent> each = ku::to_percents(shares, 0, percent_rounding::each_cell);
    CHECK(units_of(each) == units{17, 17, 67});
    CHECK(units_sum(each) == 101);

    // Equal remainders and equal shares: the earlier cell gets the spare percent.
    const std::vector<percent> largest = ku::to_percents(shares);
    CHECK(units_of(largest) == units{17, 16, 67});
    CHECK(units_sum(largest) == 100);
}

TEST_CASE("of equal remainders the larger share gets the spare percent, wherever it stands",
          "[shares][percent]")
{
    // 4 34/54 %, 54 34/54 %, 40 40/54 %: floors 4 + 54 + 40 = 98, two spare. The largest
    // remainder (40/54) takes one; of the two equal remainders 34/54 the larger share takes
    // the other, though it stands second.
    const std::vector<exact_share> shares{exact_share{250, 5400}, exact_share{2950, 5400},
                                          exact_share{2200, 5400}};
    CHECK(units_of(ku::to_percents(shares)) == units{4, 55, 41});

    // 4 34/54 %, 54 34/54 %, 29 34/54 %, 11 6/54 %: floors 98, two spare among three equal
    // remainders: the two larger shares get them, the first cell does not.
    const std::vector<exact_share> three_ties{exact_share{250, 5400}, exact_share{2950, 5400},
                                              exact_share{1600, 5400}, exact_share{600, 5400}};
    CHECK(units_of(ku::to_percents(three_ties)) == units{4, 55, 30, 11});
}

TEST_CASE("a row of percents with one or two decimals sums to exactly 100,0 or 100,00", "[shares][percent]")
{
    const std::vector<exact_share> sevenths{exact_share{1, 7}, exact_share{2, 7}, exact_share{4, 7}};
    // 14,2857 % + 28,5714 % + 57,1429 %
    const std::vector<percent> one = ku::to_percents(sevenths, 1);
    CHECK(units_of(one) == units{143, 286, 571});
    CHECK(units_sum(one) == 1000);
    CHECK(one[0].to_plain() == "14.3");
    CHECK(one[2].to_swedish() == "57,1 %");

    const std::vector<percent> two = ku::to_percents(sevenths, 2);
    CHECK(units_of(two) == units{1429, 2857, 5714});
    CHECK(units_sum(two) == 10000);
    CHECK(two[1].to_swedish() == "28,57 %");

    // Rounded per cell the sevenths happen to sum to 100,00; the thirds sum to 99,99.
    CHECK(units_of(ku::to_percents(sevenths, 2, percent_rounding::each_cell)) == units{1429, 2857, 5714});
    const std::vector<exact_share> thirds{exact_share{1, 3}, exact_share{1, 3}, exact_share{1, 3}};
    CHECK(units_sum(ku::to_percents(thirds, 2, percent_rounding::each_cell)) == 9999);
    CHECK(units_of(ku::to_percents(thirds, 2)) == units{3334, 3333, 3333});
}

TEST_CASE("0,5 % and 99,5 % round half-up cell by cell to 1 + 100 = 101, by largest remainder to 0 + 100",
          "[shares][percent]")
{
    const std::vector<exact_share> shares{exact_share{5, 1000}, exact_share{995, 1000}};
    const std::vector<percent> each = ku::to_percents(shares, 0, percent_rounding::each_cell);
    CHECK(units_of(each) == units{1, 100});
    CHECK(units_sum(each) == 101);
    // Equal remainders of one half: the larger share takes the spare percent.
    CHECK(units_of(ku::to_percents(shares)) == units{0, 100});
}

TEST_CASE("a row that is one whole source is 100 % and 0 %, and an empty row is all zero",
          "[shares][percent]")
{
    const std::vector<exact_share> whole{exact_share{0}, exact_share{1}, exact_share{0}};
    CHECK(units_of(ku::to_percents(whole)) == units{0, 100, 0});
    CHECK(units_of(ku::to_percents(whole, 2)) == units{0, 10000, 0});

    const std::vector<exact_share> empty_row{exact_share{0}, exact_share{0}, exact_share{0}};
    CHECK(units_of(ku::to_percents(empty_row)) == units{0, 0, 0});
    CHECK(ku::to_percents(std::span<const exact_share>{}).empty());
}

TEST_CASE("percents are written with '.' for machines and with ',' and '%' for people", "[shares][percent]")
{
    CHECK(percent{34, 0}.to_plain() == "34");
    CHECK(percent{34, 0}.to_swedish() == "34 %");
    CHECK(percent{348, 1}.to_plain() == "34.8");
    CHECK(percent{348, 1}.to_swedish() == "34,8 %");
    CHECK(percent{5, 2}.to_plain() == "0.05");
    CHECK(percent{0, 1}.to_swedish() == "0,0 %");
    CHECK(percent{100000, 3}.to_plain() == "100.000");
}

TEST_CASE("shares that do not sum to one, a negative share or decimals outside 0 to 6 are domain errors",
          "[shares][percent][errors]")
{
    const std::vector<exact_share> short_row{exact_share{1, 3}, exact_share{1, 3}};
    CHECK_THROWS_MATCHES(ku::to_percents(short_row), ku::domain_error, what(Contains("sum to 2/3, not to 1")));

    const std::vector<exact_share> negative{exact_share{-1, 2}, exact_share{3, 2}};
    CHECK_THROWS_MATCHES(ku::to_percents(negative), ku::domain_error, what(Contains("negative")));

    const std::vector<exact_share> whole{exact_share{1}};
    CHECK_THROWS_MATCHES(ku::to_percents(whole, 7), ku::domain_error, what(Contains("7 decimals")));
    CHECK_THROWS_AS(ku::to_percents(whole, -1), ku::domain_error);
    CHECK(units_of(ku::to_percents(whole, 6)) == units{100000000});
}
