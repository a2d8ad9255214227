// Error localisation (Fellegi–Holt): every smallest set of fields whose change makes every rule
// hold, checked against Scholtus' 2008 record from the deducorrect tests.

#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/audit/error_localisation.hpp"

namespace {

/// x1 + x2 = x3, x2 = x4, x5 + x6 + x7 = x8, x3 + x8 = x9, x9 − x10 = x11 (fields 0–10).
std::vector<ku::linear_rule> scholtus_rules()
{
    return {{{{0, 1}, {1, 1}, {2, -1}}, 0},
            {{{1, 1}, {3, -1}}, 0},
            {{{4, 1}, {5, 1}, {6, 1}, {7, -1}}, 0},
            {{{2, 1}, {7, 1}, {8, -1}}, 0},
            {{{8, 1}, {9, -1}, {10, -1}}, 0}};
}

} // namespace

TEST_CASE("Scholtus' record needs three fields changed, in nine equally small ways", "[localisation]")
{
    const std::vector<std::int64_t> values{12, 4, 15, 4, 3, 1, 8, 11, 27, 41, -13};
    const std::vector<ku::linear_rule> rules = scholtus_rules();
    CHECK(std::ranges::count_if(rules, [&](const ku::linear_rule& r) { return !ku::holds(r, values); }) == 4);
    const ku::localisation found = ku::locate_errors(rules, values);
    CHECK(found.size == 3);
    std::vector<std::vector<std::size_t>> sets;
    for (const ku::field_fix& fix : found.fixes) {
        sets.push_back(fix.fields);
    }
    // In the record's numbering from 1: {1,8,10} {1,8,11} {3,5,10} {3,5,11} {3,6,10} {3,6,11} {3,7,10} {3,7,11} {3,8,9}.
    CHECK(sets == std::vector<std::vector<std::size_t>>{{0, 7, 9}, {0, 7, 10}, {2, 4, 9}, {2, 4, 10}, {2, 5, 9},
                                                        {2, 5, 10}, {2, 6, 9}, {2, 6, 10}, {2, 7, 8}});
    // Each fix is determined: changing x1, x8 and x10 gives 11, 12 and 40.
    REQUIRE(found.fixes.front().values.has_value());
    CHECK(*found.fixes.front().values == std::vector<boost::multiprecision::cpp_rational>{11, 12, 40});
}

TEST_CASE("a record whose rules hold needs no fix; one wrong field is found alone, or among the fields that mend it equally", "[localisation]")
{
    const std::vector<ku::linear_rule> rules = scholtus_rules();
    std::vector<std::int64_t> values{12, 4, 16, 4, 3, 1, 8, 12, 28, 41, -13};
    CHECK(ku::locate_errors(rules, values).fixes.empty());
    values[3] = 5; // x4 written 5 for 4: x2 = x4 fails, and only x4 mends it (x2 is also in x1 + x2 = x3)
    ku::localisation found = ku::locate_errors(rules, values);
    CHECK(found.size == 1);
    REQUIRE(found.fixes.size() == 1);
    CHECK(found.fixes.front().fields == std::vector<std::size_t>{3});
    CHECK(*found.fixes.front().values == std::vector<boost::multiprecision::cpp_rational>{4});
    values[3] = 4;
    values[5] = 2; // x6 written 2 for 1: x5 + x6 + x7 = x8 fails; x5, x6 or x7 alone mends it, x8 not
    found = ku::locate_errors(rules, values);
    CHECK(found.size == 1);
    REQUIRE(found.fixes.size() == 3);
    CHECK(found.fixes[0].fields == std::vector<std::size_t>{4});
    CHECK(*found.fixes[0].values == std::vector<boost::multiprecision::cpp_rational>{2});
    CHECK(found.fixes[1].fields == std::vector<std::size_t>{5});
    CHECK(found.fixes[2].fields == std::vector<std::size_t>{6});
}

TEST_CASE("a fix larger than the search bound is reported as not found", "[localisation]")
{
    const std::vector<std::int64_t> values{12, 4, 15, 4, 3, 1, 8, 11, 27, 41, -13};
    const ku::localisation found = ku::locate_errors(scholtus_rules(), values, 2);
    CHECK(found.fixes.empty());
    CHECK(found.size == 3);
}
