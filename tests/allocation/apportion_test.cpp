// The integer apportionment engine, ku::apportion: whole units from a total and integer
// weights by each of the four methods, its tie rule, refunds, zero weights and extremes.

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include <catch2/catch.hpp>

#include "ku/allocation/apportion.hpp"
#include "../support/random.hpp"

using ku::allocation_method;

namespace {

using ku::test::int64_max;

struct apportion_outcome {
    std::vector<std::int64_t> units;
    std::int64_t residual;
};

/// Apportions `total` by `weights`; member i has key `keys[i]`, or i + 1 when none are given.
apportion_outcome run(allocation_method method, std::int64_t total, std::vector<std::int64_t> weights,
            std::vector<std::uint64_t> keys = {})
{
    if (keys.empty()) {
        for (std::size_t i = 0; i < weights.size(); ++i) {
            keys.push_back(i + 1);
        }
    }
    std::vector<std::int64_t> units(weights.size(), -7); // overwritten by apportion
    ku::apportion_scratch scratch;
    const std::int64_t residual = ku::apportion(method, total, weights, keys, units, scratch);
    return {units, residual};
}

using units = std::vector<std::int64_t>;

} // namespace

TEST_CASE("ten units among three equal members: the lowest key gets the spare unit",
          "[apportion]")
{
    const apportion_outcome hamilton = run(allocation_method::largest_remainder, 10, {1, 1, 1});
    CHECK(hamilton.units == units{4, 3, 3});
    CHECK(hamilton.residual == 0);

    const apportion_outcome webster = run(allocation_method::sainte_lague, 10, {1, 1, 1});
    CHECK(webster.units == units{4, 3, 3});
    CHECK(webster.residual == 0);

    const apportion_outcome each = run(allocation_method::round_each, 10, {1, 1, 1});
    CHECK(each.units == units{3, 3, 3});
    CHECK(each.residual == 1);

    const apportion_outcome absorbs = run(allocation_method::largest_absorbs, 10, {1, 1, 1});
    CHECK(absorbs.units == units{4, 3, 3});
    CHECK(absorbs.residual == 0);

    // With the keys reversed the spare unit follows the lowest key, not the position.
    CHECK(run(allocation_method::largest_remainder, 10, {1, 1, 1}, {30, 20, 10}).units ==
          units{3, 3, 4});
    CHECK(run(allocation_method::sainte_lague, 10, {1, 1, 1}, {30, 20, 10}).units ==
          units{3, 3, 4});
    CHECK(run(allocation_method::largest_absorbs, 10, {1, 1, 1}, {30, 20, 10}).units ==
          units{3, 3, 4});
}

TEST_CASE("equal remainders go to the larger weight before the lower key", "[apportion][ties]")
{
    // 2 units by weights 1 and 3: quotas 0,5 and 1,5, both remainders one half. The member with
    // weight 3 gets the spare unit even though its key is higher.
    CHECK(run(allocation_method::largest_remainder, 2, {1, 3}, {1, 9}).units == units{0, 2});
    CHECK(run(allocation_method::largest_remainder, 2, {3, 1}, {9, 1}).units == units{2, 0});
    // Webster: quotas 0,5 and 1,5 round half-up to 1 and 2, one too many; the unit taken back is
    // the smallest w/(2s − 1): 1/1 against 3/3, a tie, and the smaller weight gives it back.
    CHECK(run(allocation_method::sainte_lague, 2, {1, 3}, {1, 9}).units == units{0, 2});
    // Largest-absorbs: round-each gives 1 and 2, and the largest weight gives back the unit.
    CHECK(run(allocation_method::largest_absorbs, 2, {1, 3}, {1, 9}).units == units{1, 1});
    CHECK(run(allocation_method::round_each, 2, {1, 3}, {1, 9}).units == units{1, 2});
    CHECK(run(allocation_method::round_each, 2, {1, 3}, {1, 9}).residual == -1);
}

TEST_CASE("Sainte-Laguë takes back the units the half-up rounding gave too many",
          "[apportion][sainte-lague]")
{
    // Four equal members share 2 units: each quota 0,5 rounds up, 4 units; the two highest
    // keys give theirs back.
    CHECK(run(allocation_method::sainte_lague, 2, {1, 1, 1, 1}).units == units{1, 1, 0, 0});
    CHECK(run(allocation_method::largest_remainder, 2, {1, 1, 1, 1}).units == units{1, 1, 0, 0});
    const apportion_outcome each = run(allocation_method::round_each, 2, {1, 1, 1, 1});
    CHECK(each.units == units{1, 1, 1, 1});
    CHECK(each.residual == -2);
    // Largest-absorbs puts −2 on the largest member (lowest key): the engine does not judge,
    // ku::allocate refuses such a result.
    const apportion_outcome absorbs = run(allocation_method::largest_absorbs, 2, {1, 1, 1, 1});
    CHECK(absorbs.units == units{-1, 1, 1, 1});
    CHECK(absorbs.residual == 0);
}

TEST_CASE("Sainte-Laguë and largest remainder differ where Webster favours the small members",
          "[apportion][sainte-lague]")
{
    // Weights 4, 1, 1 share 10 units: quotas 6,67 / 1,67 / 1,67.
    // Hamilton floors to 6, 1, 1 and gives the two spare units to the equal remainders ,67 in
    // order of weight, then key: the large member and the first small one.
    CHECK(run(allocation_method::largest_remainder, 10, {4, 1, 1}).units == units{7, 2, 1});
    // Webster rounds to 7, 2, 2 = 11 and takes back from the smallest w/(2s − 1):
    // 4/13 = 0,31 against 1/3 = 0,33: the large member.
    CHECK(run(allocation_method::sainte_lague, 10, {4, 1, 1}).units == units{6, 2, 2});
    // The same weights sharing 4 units: quotas 2,67 / 0,67 / 0,67.
    CHECK(run(allocation_method::largest_remainder, 4, {4, 1, 1}).units == units{3, 1, 0});
    CHECK(run(allocation_method::sainte_lague, 4, {4, 1, 1}).units == units{2, 1, 1});
}

TEST_CASE("the Alabama paradox: largest remainder takes a unit from the third member when the "
          "total grows from 10 to 11, Sainte-Laguë does not",
          "[apportion][alabama]")
{
    const std::vector<std::int64_t> weights{6, 6, 2};
    // Quotas 4,29 / 4,29 / 1,43 at 10; 4,71 / 4,71 / 1,57 at 11.
    const apportion_outcome hamilton_10 = run(allocation_method::largest_remainder, 10, weights);
    const apportion_outcome hamilton_11 = run(allocation_method::largest_remainder, 11, weights);
    CHECK(hamilton_10.units == units{4, 4, 2});
    CHECK(hamilton_11.units == units{5, 5, 1});
    CHECK(hamilton_11.units[2] < hamilton_10.units[2]);

    const apportion_outcome webster_10 = run(allocation_method::sainte_lague, 10, weights);
    const apportion_outcome webster_11 = run(allocation_method::sainte_lague, 11, weights);
    CHECK(webster_10.units == units{5, 4, 1});
    CHECK(webster_11.units == units{5, 5, 1});
    for (std::size_t i = 0; i < weights.size(); ++i) {
        CHECK(webster_11.units[i] >= webster_10.units[i]);
    }
}

TEST_CASE("a refund is apportioned as the negation of the charge", "[apportion][refund]")
{
    for (const auto method : {allocation_method::largest_remainder, allocation_method::sainte_lague,
                              allocation_method::round_each, allocation_method::largest_absorbs}) {
        INFO(ku::to_string(method));
        const apportion_outcome charge = run(method, 1'000, {7, 3, 3, 1});
        const apportion_outcome refund = run(method, -1'000, {7, 3, 3, 1});
        REQUIRE(refund.units.size() == charge.units.size());
        for (std::size_t i = 0; i < charge.units.size(); ++i) {
            CHECK(refund.units[i] == -charge.units[i]);
        }
        CHECK(refund.residual == -charge.residual);
    }
    CHECK(run(allocation_method::largest_remainder, -10, {1, 1, 1}).units == units{-4, -3, -3});
    CHECK(run(allocation_method::round_each, -2, {1, 1, 1, 1}).residual == 2);
}

TEST_CASE("members of weight zero get nothing and a single member gets everything",
          "[apportion]")
{
    for (const auto method : {allocation_method::largest_remainder, allocation_method::sainte_lague,
                              allocation_method::round_each, allocation_method::largest_absorbs}) {
        INFO(ku::to_string(method));
        // Quotas 0 / 1,5 / 0 / 1,5: the zero-weight members never get a unit.
        const apportion_outcome zeros = run(method, 3, {0, 5, 0, 5});
        CHECK(zeros.units[0] == 0);
        CHECK(zeros.units[2] == 0);
        CHECK(run(method, 12'345, {7}).units == units{12'345});
        CHECK(run(method, -12'345, {7}).units == units{-12'345});
        CHECK(run(method, 0, {7, 3}).units == units{0, 0});
        CHECK(run(method, 5, {0, 0, 9}).units == units{0, 0, 5});
    }
    CHECK(run(allocation_method::largest_remainder, 3, {0, 5, 0, 5}).units == units{0, 2, 0, 1});
    CHECK(run(allocation_method::sainte_lague, 3, {0, 5, 0, 5}).units == units{0, 2, 0, 1});
    CHECK(run(allocation_method::round_each, 3, {0, 5, 0, 5}).units == units{0, 2, 0, 2});
    CHECK(run(allocation_method::round_each, 3, {0, 5, 0, 5}).residual == -1);
    CHECK(run(allocation_method::largest_absorbs, 3, {0, 5, 0, 5}).units == units{0, 1, 0, 2});
}

TEST_CASE("the extremes of 64 bits apportion exactly", "[apportion][extremes]")
{
    // 2^63 − 1 units by weights 2^63 − 1, 2^63 − 1 and 1 (a sum of 2^64 − 1): the quotas are
    // h + 0,25 + ε, h + 0,25 + ε and 0,5 − ε, with h = (2^63 − 2)/2 and ε tiny.
    constexpr std::int64_t h = int64_max / 2;
    const std::vector<std::int64_t> weights{int64_max, int64_max, 1};

    // Hamilton: floors h, h, 0 leave one unit, for the largest remainder 0,5 − ε.
    const apportion_outcome hamilton = run(allocation_method::largest_remainder, int64_max, weights);
    CHECK(hamilton.units == units{h, h, 1});
    // Webster: the rounded quotas h, h, 0 miss one unit, which goes to the largest
    // w/(2s + 1). That is exactly 1 for all three members (2h + 1 = 2^63 − 1), and the tie goes
    // to the larger weight, then the lower key: the first member.
    const apportion_outcome webster = run(allocation_method::sainte_lague, int64_max, weights);
    CHECK(webster.units == units{h + 1, h, 0});
    const apportion_outcome each = run(allocation_method::round_each, int64_max, weights);
    CHECK(each.units == units{h, h, 0});
    CHECK(each.residual == 1);
    const apportion_outcome absorbs = run(allocation_method::largest_absorbs, int64_max, weights);
    CHECK(absorbs.units == units{h + 1, h, 0});

    for (const auto method : {allocation_method::largest_remainder, allocation_method::sainte_lague,
                              allocation_method::round_each, allocation_method::largest_absorbs}) {
        INFO(ku::to_string(method));
        const apportion_outcome charge = run(method, int64_max, weights);
        const apportion_outcome refund = run(method, -int64_max, weights);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            CHECK(refund.units[i] == -charge.units[i]);
        }
        // A weight of 1 next to one of 2^63 − 1.
        CHECK(run(method, int64_max, {1, int64_max}).units == units{1, int64_max - 1});
        CHECK(run(method, -int64_max, {1, int64_max}).units == units{-1, -(int64_max - 1)});
    }
}

TEST_CASE("the scratch memory is reused across apportionments of different sizes",
          "[apportion]")
{
    ku::apportion_scratch scratch;
    const std::vector<std::int64_t> big_weights{5, 4, 3, 2, 1, 1, 1, 1};
    const std::vector<std::uint64_t> big_keys{1, 2, 3, 4, 5, 6, 7, 8};
    const std::vector<std::int64_t> small_weights{2, 1};
    const std::vector<std::uint64_t> small_keys{1, 2};
    for (const auto method : {allocation_method::largest_remainder, allocation_method::sainte_lague}) {
        INFO(ku::to_string(method));
        std::vector<std::int64_t> big(big_weights.size());
        std::vector<std::int64_t> small(small_weights.size());
        (void)ku::apportion(method, 101, big_weights, big_keys, big, scratch);
        (void)ku::apportion(method, 100, small_weights, small_keys, small, scratch);
        CHECK(small == units{67, 33});
        (void)ku::apportion(method, 101, big_weights, big_keys, big, scratch);
        CHECK(big == run(method, 101, big_weights, big_keys).units);
        std::int64_t sum = 0;
        for (const std::int64_t u : big) {
            sum += u;
        }
        CHECK(sum == 101);
    }
}
