// Percent rows: exact shares shown as whole percents (or with decimals) that sum to exactly 100
// by largest remainder, beside the spreadsheet's per-cell rounding that can sum to 99 or 101.
// Both go through ku::apportion; generated rows (seeded, reproducible) check it against the
// rule written out on exact fractions, also where the shares' common denominator exceeds 64 bits.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/core/error.hpp"
#include "ku/shares/percent.hpp"
#include "../support/random.hpp"

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

using unit_counts = std::vector<std::int64_t>;

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;

std::int64_t hundred(int decimals)
{
    std::int64_t whole = 100;
    for (int i = 0; i < decimals; ++i) {
        whole *= 10;
    }
    return whole;
}

/// The percent rule written out on exact fractions, independently of ku::apportion, for a row
/// that sums to 1: each cell's share × 100 × 10^decimals floored; by largest remainder the spare
/// units one at a time to the best claim not yet served (the larger remainder, then the larger
/// share, then the earlier cell); cell by cell each rounded half-up instead.
unit_counts reference_units(const std::vector<exact_share>& shares, int decimals, percent_rounding rounding)
{
    const std::int64_t whole = hundred(decimals);
    unit_counts result(shares.size());
    std::vector<cpp_rational> remainders(shares.size());
    std::int64_t given = 0;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        const cpp_rational scaled = shares[i].value() * whole;
        const cpp_int floored = numerator(scaled) / denominator(scaled);
        remainders[i] = scaled - cpp_rational{floored};
        result[i] = floored.convert_to<std::int64_t>();
        if (rounding == percent_rounding::each_cell && remainders[i] * 2 >= 1) {
            ++result[i];
        }
        given += result[i];
    }
    if (rounding == percent_rounding::largest_remainder) {
        std::vector<bool> served(shares.size(), false);
        for (std::int64_t spare = whole - given; spare > 0; --spare) {
            std::size_t best = shares.size();
            for (std::size_t i = 0; i < shares.size(); ++i) {
                if (served[i]) {
                    continue;
                }
                if (best == shares.size() || remainders[i] > remainders[best] ||
                    (remainders[i] == remainders[best] && shares[i] > shares[best])) {
                    best = i; // a strict win only: of equal claims the earlier cell stays
                }
            }
            served[best] = true;
            ++result[best];
        }
    }
    return result;
}

using ku::test::uniform;

/// A positive integer of 32 to 128 random bits.
cpp_int random_large(std::mt19937_64& random)
{
    cpp_int value = 0;
    for (std::int64_t limbs = uniform(random, 1, 4); limbs > 0; --limbs) {
        value <<= 32;
        value += uniform(random, 0, 0xFFFF'FFFF);
    }
    return value + 1;
}

/// A row over a small common denominator (thirds, sevenths, öre of 54 kr …): many equal
/// shares and equal remainders.
std::vector<exact_share> row_over_small_denominator(std::mt19937_64& random)
{
    const std::vector<std::int64_t> denominators{2, 3, 4, 6, 7, 8, 12, 200, 2'000, 5'400, 30'000};
    const std::int64_t denominator = denominators[static_cast<std::size_t>(uniform(random, 0, 10))];
    const std::int64_t cells = uniform(random, 1, 9);
    std::vector<std::int64_t> parts;
    std::int64_t left = denominator;
    for (std::int64_t i = 1; i < cells; ++i) {
        std::int64_t part = uniform(random, 0, left);
        if (!parts.empty() && uniform(random, 0, 2) == 0 && parts.back() <= left) {
            part = parts.back(); // an equal share
        }
        parts.push_back(part);
        left -= part;
    }
    parts.push_back(left);
    std::vector<exact_share> row;
    for (const std::int64_t part : parts) {
        row.emplace_back(part, denominator);
    }
    return row;
}

/// A row of random large fractions (some zero, some repeated) divided by their sum: the
/// common denominator is usually far beyond 64 bits.
std::vector<exact_share> row_of_large_fractions(std::mt19937_64& random)
{
    const std::int64_t cells = uniform(random, 1, 9);
    std::vector<cpp_rational> values;
    cpp_rational sum = 0;
    for (std::int64_t i = 0; i < cells; ++i) {
        cpp_rational value{random_large(random), random_large(random)};
        if (uniform(random, 0, 5) == 0) {
            value = 0;
        } else if (!values.empty() && uniform(random, 0, 3) == 0) {
            value = values[static_cast<std::size_t>(uniform(random, 0, i - 1))]; // an equal share
        }
        values.push_back(value);
        sum += value;
    }
    if (sum == 0) {
        values.back() = 1;
        sum = 1;
    }
    std::vector<exact_share> row;
    for (const cpp_rational& value : values) {
        row.emplace_back(cpp_rational{value / sum});
    }
    return row;
}

/// A row whose cells but the last share one remainder at `decimals` decimals: (m_i + f) units
/// with f one half or a fraction whose denominator exceeds 64 bits; equal m_i give equal shares.
std::vector<exact_share> row_of_equal_remainders(std::mt19937_64& random, int decimals)
{
    const std::int64_t whole = hundred(decimals);
    const std::int64_t cells = uniform(random, 2, 9);
    cpp_rational fraction{1, 2};
    if (uniform(random, 0, 2) != 0) {
        const cpp_int denominator = (cpp_int{1} << 64) + random_large(random);
        fraction = cpp_rational{cpp_int{random_large(random) % denominator}, denominator};
    }
    std::vector<exact_share> row;
    cpp_rational sum = 0;
    std::int64_t previous = 0;
    for (std::int64_t i = 1; i < cells; ++i) {
        const std::int64_t m = uniform(random, 0, 3) == 0 ? previous : uniform(random, 0, whole / cells - 1);
        const cpp_rational share = (cpp_rational{m} + fraction) / whole;
        row.emplace_back(share);
        sum += share;
        previous = m;
    }
    row.emplace_back(cpp_rational{1 - sum});
    return row;
}

cpp_int common_denominator(const std::vector<exact_share>& row)
{
    cpp_int common = 1;
    for (const exact_share& share : row) {
        common = boost::multiprecision::lcm(common, share.denominator());
    }
    return common;
}

/// Which tie rule decides a spare unit by largest remainder: a cell that gets one and a cell
/// that does not have the same remainder, and then different shares or equal ones.
struct deciding_ties {
    bool larger_share = false;
    bool earlier_cell = false;
};
deciding_ties ties_at_the_cut(const std::vector<exact_share>& row, int decimals)
{
    const unit_counts rounded = reference_units(row, decimals, percent_rounding::largest_remainder);
    std::vector<cpp_rational> remainders;
    std::vector<bool> served;
    for (std::size_t i = 0; i < row.size(); ++i) {
        const cpp_rational scaled = row[i].value() * hundred(decimals);
        const cpp_int floored = numerator(scaled) / denominator(scaled);
        remainders.emplace_back(scaled - cpp_rational{floored});
        served.push_back(rounded[i] != floored);
    }
    deciding_ties ties;
    for (std::size_t i = 0; i < row.size(); ++i) {
        for (std::size_t j = 0; j < row.size(); ++j) {
            if (served[i] && !served[j] && remainders[i] == remainders[j]) {
                (row[i] == row[j] ? ties.earlier_cell : ties.larger_share) = true;
            }
        }
    }
    return ties;
}

std::string text_of(const std::vector<exact_share>& row)
{
    std::string text;
    for (const exact_share& share : row) {
        text += (text.empty() ? "" : ", ") + share.value().str();
    }
    return text;
}

} // namespace

TEST_CASE("three equal thirds are 34 + 33 + 33 = 100 by largest remainder, the spare percent to the first cell",
          "[shares][percent]")
{
    const std::vector<exact_share> thirds{exact_share{1, 3}, exact_share{1, 3}, exact_share{1, 3}};
    const std::vector<percent> row = ku::to_percents(thirds);
    CHECK(units_of(row) == unit_counts{34, 33, 33});
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
    CHECK(units_of(row) == unit_counts{33, 33, 33});
    CHECK(units_sum(row) == 99);
}

TEST_CASE("16,5 % + 16,5 % + 67 % rounded cell by cell half-up sum to 101, by largest remainder to 100",
          "[shares][percent]")
{
    const std::vector<exact_share> shares{exact_share{165, 1000}, exact_share{165, 1000}, exact_share{67, 100}};
    const std::vector<percent> each = ku::to_percents(shares, 0, percent_rounding::each_cell);
    CHECK(units_of(each) == unit_counts{17, 17, 67});
    CHECK(units_sum(each) == 101);

    // Equal remainders and equal shares: the earlier cell gets the spare percent.
    const std::vector<percent> largest = ku::to_percents(shares);
    CHECK(units_of(largest) == unit_counts{17, 16, 67});
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
    CHECK(units_of(ku::to_percents(shares)) == unit_counts{4, 55, 41});

    // 4 34/54 %, 54 34/54 %, 29 34/54 %, 11 6/54 %: floors 98, two spare among three equal
    // remainders: the two larger shares get them, the first cell does not.
    const std::vector<exact_share> three_ties{exact_share{250, 5400}, exact_share{2950, 5400},
                                              exact_share{1600, 5400}, exact_share{600, 5400}};
    CHECK(units_of(ku::to_percents(three_ties)) == unit_counts{4, 55, 30, 11});
}

TEST_CASE("a row of percents with one or two decimals sums to exactly 100,0 or 100,00", "[shares][percent]")
{
    const std::vector<exact_share> sevenths{exact_share{1, 7}, exact_share{2, 7}, exact_share{4, 7}};
    // 14,2857 % + 28,5714 % + 57,1429 %
    const std::vector<percent> one = ku::to_percents(sevenths, 1);
    CHECK(units_of(one) == unit_counts{143, 286, 571});
    CHECK(units_sum(one) == 1000);
    CHECK(one[0].to_plain() == "14.3");
    CHECK(one[2].to_swedish() == "57,1 %");

    const std::vector<percent> two = ku::to_percents(sevenths, 2);
    CHECK(units_of(two) == unit_counts{1429, 2857, 5714});
    CHECK(units_sum(two) == 10000);
    CHECK(two[1].to_swedish() == "28,57 %");

    // Rounded per cell the sevenths happen to sum to 100,00; the thirds sum to 99,99.
    CHECK(units_of(ku::to_percents(sevenths, 2, percent_rounding::each_cell)) == unit_counts{1429, 2857, 5714});
    const std::vector<exact_share> thirds{exact_share{1, 3}, exact_share{1, 3}, exact_share{1, 3}};
    CHECK(units_sum(ku::to_percents(thirds, 2, percent_rounding::each_cell)) == 9999);
    CHECK(units_of(ku::to_percents(thirds, 2)) == unit_counts{3334, 3333, 3333});
}

TEST_CASE("0,5 % and 99,5 % round half-up cell by cell to 1 + 100 = 101, by largest remainder to 0 + 100",
          "[shares][percent]")
{
    const std::vector<exact_share> shares{exact_share{5, 1000}, exact_share{995, 1000}};
    const std::vector<percent> each = ku::to_percents(shares, 0, percent_rounding::each_cell);
    CHECK(units_of(each) == unit_counts{1, 100});
    CHECK(units_sum(each) == 101);
    // Equal remainders of one half: the larger share takes the spare percent.
    CHECK(units_of(ku::to_percents(shares)) == unit_counts{0, 100});
}

TEST_CASE("a row that is one whole source is 100 % and 0 %, and an empty row is all zero",
          "[shares][percent]")
{
    const std::vector<exact_share> whole{exact_share{0}, exact_share{1}, exact_share{0}};
    CHECK(units_of(ku::to_percents(whole)) == unit_counts{0, 100, 0});
    CHECK(units_of(ku::to_percents(whole, 2)) == unit_counts{0, 10000, 0});

    const std::vector<exact_share> empty_row{exact_share{0}, exact_share{0}, exact_share{0}};
    CHECK(units_of(ku::to_percents(empty_row)) == unit_counts{0, 0, 0});
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
    CHECK(units_of(ku::to_percents(whole, 6)) == unit_counts{100000000});
}

TEST_CASE("thousands of generated rows, with ties and with common denominators beyond 64 bits, get the percents "
          "of the rule written out on exact fractions, by largest remainder and cell by cell",
          "[shares][percent][property]")
{
    std::mt19937_64 random{20250611};
    const cpp_int int64_max{std::numeric_limits<std::int64_t>::max()};
    int rows = 0;
    int beyond_64_bits = 0;
    int decided_by_share = 0;
    int decided_by_cell = 0;
    for (int round = 0; round < 1'500; ++round) {
        const int tie_decimals = static_cast<int>(uniform(random, 0, 3));
        const std::vector<exact_share> row = round % 3 == 0   ? row_over_small_denominator(random)
                                             : round % 3 == 1 ? row_of_large_fractions(random)
                                                              : row_of_equal_remainders(random, tie_decimals);
        ++rows;
        beyond_64_bits += common_denominator(row) > int64_max ? 1 : 0;
        INFO("shares " << text_of(row));
        for (int decimals = 0; decimals <= 3; ++decimals) {
            const deciding_ties ties = ties_at_the_cut(row, decimals);
            decided_by_share += ties.larger_share ? 1 : 0;
            decided_by_cell += ties.earlier_cell ? 1 : 0;
            for (const percent_rounding rounding : {percent_rounding::largest_remainder, percent_rounding::each_cell}) {
                INFO(decimals << " decimals, "
                              << (rounding == percent_rounding::each_cell ? "each cell" : "largest remainder"));
                const std::vector<percent> row_percents = ku::to_percents(row, decimals, rounding);
                CHECK(units_of(row_percents) == reference_units(row, decimals, rounding));
                if (rounding == percent_rounding::largest_remainder) {
                    CHECK(units_sum(row_percents) == hundred(decimals));
                }
            }
        }
    }
    // The generated rows reach the cases the property is about (1 500 rows: 751 beyond 64 bits,
    // ties decided 638 times by the larger share and 502 times by the earlier cell).
    CHECK(beyond_64_bits > rows / 3);
    CHECK(decided_by_share > rows / 10);
    CHECK(decided_by_cell > rows / 10);
}

TEST_CASE("shares over a common denominator beyond 64 bits get exact percents: a difference of one part in 2^92 "
          "decides the spare percent, and equal remainders go to the larger share",
          "[shares][percent]")
{
    // e = 1 / ((2^61 - 1)(2^31 - 1)), two primes: the shares' common denominator is about 3 × 2^92.
    const cpp_int p = (cpp_int{1} << 61) - 1;
    const cpp_int q = (cpp_int{1} << 31) - 1;
    const exact_share e{cpp_int{1}, cpp_int{p * q}};
    const cpp_int int64_max{std::numeric_limits<std::int64_t>::max()};

    // 1/3 - e, 1/3, 1/3 + e: the floors are 33 each and the third cell's remainder is the
    // largest by 100e, so it (not the first, as for three plain thirds) gets the spare percent.
    const std::vector<exact_share> near_thirds{exact_share{1, 3} - e, exact_share{1, 3}, exact_share{1, 3} + e};
    REQUIRE(common_denominator(near_thirds) > int64_max);
    CHECK(units_of(ku::to_percents(near_thirds)) == unit_counts{33, 33, 34});
    CHECK(units_of(ku::to_percents(near_thirds, 2)) == unit_counts{3333, 3333, 3334});
    CHECK(units_of(ku::to_percents(near_thirds, 0, percent_rounding::each_cell)) == unit_counts{33, 33, 33});

    // With one decimal, f = 1/3 + e: (100 + f) + (300 + f) + (600 - 2f) tenths of a percent.
    // The floors 100 + 300 + 599 leave one spare tenth; the first two cells tie at remainder f,
    // which beats 1/3 - 2e, and the larger share takes it: 10,0 + 30,1 + 59,9.
    const exact_share f = exact_share{1, 3} + e;
    const std::vector<exact_share> tied{(100 + f) / 1000, (300 + f) / 1000, (600 - 2 * f) / 1000};
    REQUIRE(common_denominator(tied) > int64_max);
    const std::vector<percent> tenths = ku::to_percents(tied, 1);
    CHECK(units_of(tenths) == unit_counts{100, 301, 599});
    CHECK(tenths[1].to_swedish() == "30,1 %");
    CHECK(units_of(ku::to_percents(tied, 1, percent_rounding::each_cell)) == unit_counts{100, 300, 599});

    // Cell by cell, 1/2 % - 100e rounds down and 1/2 % + 100e rounds up.
    const std::vector<exact_share> near_halves{exact_share{1, 200} - e, exact_share{1, 200} + e,
                                               exact_share{99, 100}};
    REQUIRE(common_denominator(near_halves) > int64_max);
    CHECK(units_of(ku::to_percents(near_halves, 0, percent_rounding::each_cell)) == unit_counts{0, 1, 99});
    CHECK(units_of(ku::to_percents(near_halves)) == unit_counts{0, 1, 99});
}
