// The kommun-level allocation keys: equal shares, per-capita rates, member subsets, decimal
// weights, refunds, units, and the errors bad input gets.

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "allocation_fixtures.hpp"
#include "ku/allocation/allocation.hpp"
#include "ku/allocation/method.hpp"
#include "ku/allocation/weight.hpp"
#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/population.hpp"
#include "ku/core/ratio.hpp"

using Catch::Contains;
using ku::allocation_method;
using ku::kommun_code;
using ku::money;
using ku::weight;
using ku_test::code_of;
using ku_test::key;
using ku_test::kr_of;
using ku_test::weights_of;

namespace {

const kommun_code aneby{"0604"};
const kommun_code gnosjo{"0617"};
const kommun_code mullsjo{"0642"};
const kommun_code habo{"0643"};
const kommun_code gislaved{"0662"};
const kommun_code jonkoping{"0680"};
const kommun_code varnamo{"0683"};

constexpr ku::allocation_rule largest_remainder{allocation_method::largest_remainder, ku::unit::kr};
constexpr ku::allocation_rule round_each{allocation_method::round_each, ku::unit::kr};
constexpr ku::allocation_rule largest_absorbs{allocation_method::largest_absorbs, ku::unit::kr};

ku::population_table key_a_table()
{
    std::vector<ku::population_table::entry> counts;
    for (const ku_test::kommun_row& row : ku_test::kommuner) {
        counts.emplace_back(kommun_code{row.code}, ku::population{row.key_a});
    }
    return ku::population_table{"key A (2025 proposal)", std::nullopt, std::move(counts)};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Equal shares

TEST_CASE("equal shares give the spare krona to the lowest kommun code, whatever the order given",
          "[allocation][equally]")
{
    const std::array<kommun_code, 3> members{varnamo, aneby, habo};
    const ku::allocation result = ku::allocate_equally(money::kr(1'000'000), members);
    CHECK(result.at(aneby).amount == money::kr(333'334));
    CHECK(result.at(habo).amount == money::kr(333'333));
    CHECK(result.at(varnamo).amount == money::kr(333'333));
    CHECK(result.at(aneby).adjustment == money::kr(1));
    CHECK(result.at(aneby).weight == weight::whole(1));
    CHECK(result.at(aneby).quota.to_swedish(4) == "333 333,3333 kr");
    CHECK(result.sum() == money::kr(1'000'000));
    CHECK(result.rule.method == allocation_method::largest_remainder);
    CHECK(result.basis == "största rest, lika delar, i hela kr");
    // The parts keep the order the members were given in.
    REQUIRE(result.parts.size() == 3);
    CHECK(result.parts[0].member == varnamo);
    CHECK(result.parts[1].member == aneby);
    CHECK(result.parts[2].member == habo);
}

TEST_CASE("100 kr in equal shares among the 13 kommuner gives 8 kr to the nine lowest codes",
          "[allocation][equally]")
{
    std::vector<kommun_code> members;
    for (const ku_test::kommun_row& row : ku_test::kommuner) {
        members.emplace_back(row.code);
    }
    for (const auto method : {allocation_method::largest_remainder, allocation_method::sainte_lague}) {
        INFO(ku::to_string(method));
        const ku::allocation result =
            ku::allocate_equally(money::kr(100), members, {method, ku::unit::kr});
        CHECK(result.sum() == money::kr(100));
        for (const ku::allocation_part& part : result.parts) {
            INFO("kommun " << part.member.str());
            // Codes 0604 ... 0683 are the nine lowest; 0684 Sävsjö, 0685, 0686, 0687 get 7 kr.
            CHECK(part.amount == money::kr(part.member < kommun_code{"0684"} ? 8 : 7));
        }
    }
    const ku::allocation each = ku::allocate_equally(money::kr(100), members, round_each);
    // Each 7,69 kr rounds to 8 kr: the cells overshoot by 4 kr.
    CHECK(each.sum() == money::kr(104));
    CHECK(each.residual() == -money::kr(4));
    CHECK(each.basis == "avrundning var för sig, lika delar, i hela kr");
}

// ---------------------------------------------------------------------------------------------
// Per-capita rates

TEST_CASE("12,50 kr per inhabitant makes Aneby pay 85 525 kr", "[allocation][per-capita]")
{
    const auto populations = weights_of(key::a);
    const money rate = money::parse("12,50");
    const ku::allocation result = ku::allocate_per_capita(rate, populations);

    CHECK(result.at(aneby).amount == money::kr(85'525));
    CHECK(result.at(jonkoping).amount == money::kr(1'827'463));
    CHECK(result.at(varnamo).amount == money::kr(433'525));
    // The total is the sum of the parts: 12,50 kr × 369 327 inhabitants is 4 616 587,50 kr,
    // and the seven kommuner with an odd population each round 0,50 kr up.
    CHECK(result.total == result.sum());
    CHECK(result.residual() == money{});
    CHECK(result.total == money::kr(4'616'591));
    CHECK(result.rule.method == allocation_method::round_each);
    CHECK(result.rule.unit == ku::unit::kr);
    CHECK(result.basis == "12,5 kr per invånare, var och en avrundad halvt uppåt till hela kr");
    CHECK(result.parts.size() == 13);
}

TEST_CASE("a per-capita rate of 0,35 kr rounds each kommun on its own and records the rounding",
          "[allocation][per-capita]")
{
    const auto populations = weights_of(key::a);
    const money rate = money::parse("0,35");

    const ku::allocation half_up = ku::allocate_per_capita(rate, populations);
    const ku::allocation_part& part = half_up.at(aneby); // 6 842 × 0,35 = 2 394,70 kr
    CHECK(part.quota.to_swedish(2) == "2 394,70 kr");
    CHECK(part.amount == money::kr(2'395));
    CHECK(part.adjustment == money::kr(1));
    CHECK(half_up.at(habo).amount == money::kr(4'649)); // 13 283 × 0,35 = 4 649,05

    const ku::allocation down =
        ku::allocate_per_capita(rate, populations, ku::unit::kr, ku::rounding_mode::down);
    CHECK(down.at(aneby).amount == money::kr(2'394));
    CHECK(down.at(aneby).adjustment == money{});
    CHECK(down.basis == "0,35 kr per invånare, var och en avrundad mot noll till hela kr");

    const ku::allocation exact = ku::allocate_per_capita(rate, populations, ku::unit::ore);
    CHECK(exact.at(aneby).amount == money::parse("2 394,70"));
    CHECK(exact.rule.unit == ku::unit::ore);
}

TEST_CASE("a per-capita rate too large for the money range throws an overflow error",
          "[allocation][per-capita][errors]")
{
    const auto populations = weights_of(key::a);
    CHECK_THROWS_AS(ku::allocate_per_capita(money::max(), populations), ku::overflow_error);
}

TEST_CASE("a per-capita fee needs members, each once", "[allocation][per-capita][errors]")
{
    CHECK_THROWS_AS(ku::allocate_per_capita(money::kr(10), {}), ku::domain_error);
    CHECK_THROWS_WITH(ku::allocate_per_capita(money::kr(10), {}), Contains("no members"));
    const std::array<ku::member_weight, 2> twice{{{habo, weight::whole(10)}, {habo, weight::whole(3)}}};
    CHECK_THROWS_AS(ku::allocate_per_capita(money::kr(10), twice), ku::domain_error);
    CHECK_THROWS_WITH(ku::allocate_per_capita(money::kr(10), twice),
                      Contains("kommun 0643 appears twice"));
}

// ---------------------------------------------------------------------------------------------
// Weights from a population table

TEST_CASE("weights from a population table keep the table's order and can take a subset",
          "[allocation][weights]")
{
    const ku::population_table table = key_a_table();

    const auto all = ku::weights_from(table);
    REQUIRE(all.size() == 13);
    CHECK(all.front().member == aneby);
    CHECK(all.front().weight == weight::whole(6'842));
    CHECK(all.back().member == varnamo);
    CHECK(all.back().weight == weight::whole(34'682));

    // Asked in another order, the subset still comes in the table's order.
    const std::array<kommun_code, 3> members{varnamo, gnosjo, aneby};
    const auto subset = ku::weights_from(table, std::span<const kommun_code>{members});
    REQUIRE(subset.size() == 3);
    CHECK(subset[0].member == aneby);
    CHECK(subset[1].member == gnosjo);
    CHECK(subset[1].weight == weight::whole(9'309));
    CHECK(subset[2].member == varnamo);

    // From the table, key A reproduces Grundfinansiering as the embedded weights do.
    const ku::allocation result = ku::allocate(money::kr(9'000'000), all);
    CHECK(kr_of(result, "Värnamo") == 845'154);
    CHECK(kr_of(result, "Jönköping") == 3'562'623);

    // Three members share 9 000 000 kr by their 6 842 + 9 309 + 34 682 = 50 833 inhabitants.
    const ku::allocation small = ku::allocate(money::kr(9'000'000), subset);
    CHECK(small.sum() == money::kr(9'000'000));
    CHECK(small.at(aneby).quota.denominator == 50'833);
    CHECK(small.find(jonkoping) == nullptr);
}

TEST_CASE("weights from a population table name a member the table lacks",
          "[allocation][weights][errors]")
{
    const ku::population_table table = key_a_table();
    const std::array<kommun_code, 2> members{aneby, kommun_code{"0999"}};
    CHECK_THROWS_AS(ku::weights_from(table, std::span<const kommun_code>{members}), ku::lookup_error);
    CHECK_THROWS_WITH(ku::weights_from(table, std::span<const kommun_code>{members}),
                      Contains("0999"));
}

// ---------------------------------------------------------------------------------------------
// Decimal weights

TEST_CASE("decimal weights are exact: 12,5 and 7,5 and 5 share 1 000 kr as 500, 300 and 200",
          "[allocation][weights]")
{
    const weight twelve_and_a_half = weight::parse("12,5");
    CHECK(twelve_and_a_half.scaled() == 125);
    CHECK(twelve_and_a_half.decimals() == 1);
    CHECK(twelve_and_a_half == weight{125, 1});
    CHECK(twelve_and_a_half == weight::parse("12,50"));
    CHECK(twelve_and_a_half == weight::parse("12.5"));
    CHECK(twelve_and_a_half.as_ratio() == ku::ratio{25, 2});
    CHECK(ku::to_string(twelve_and_a_half) == "12.5");
    CHECK(ku::to_string(weight::parse("0,05")) == "0.05");
    CHECK(ku::to_string(weight::whole(6'809)) == "6809");
    CHECK(weight::parse("0,25") < weight::whole(1));
    CHECK(weight{ku::population{7'568}} == weight::whole(7'568));
    CHECK(weight{} == weight::whole(0));

    const std::array<ku::member_weight, 3> weights{{
        {aneby, twelve_and_a_half},
        {habo, weight::parse("7,5")},
        {varnamo, weight::whole(5)},
    }};
    const ku::allocation result = ku::allocate(money::kr(1'000), weights);
    CHECK(result.at(aneby).amount == money::kr(500));
    CHECK(result.at(habo).amount == money::kr(300));
    CHECK(result.at(varnamo).amount == money::kr(200));
    CHECK(result.at(aneby).weight == weight::parse("12,5"));
    // Scaled to one decimal: 125, 75 and 50 of 250.
    CHECK(result.at(varnamo).quota.denominator == 250);
    CHECK(result.at(varnamo).quota.to_swedish(2) == "200,00 kr");
}

TEST_CASE("decimal weights 0,1, 0,2 and 0,3 split 100 kr as 17, 33 and 50 by largest remainder",
          "[allocation][weights]")
{
    const std::array<ku::member_weight, 3> weights{{
        {aneby, weight::parse("0,1")},
        {habo, weight::parse("0,2")},
        {varnamo, weight::parse("0,3")},
    }};
    const ku::allocation result = ku::allocate(money::kr(100), weights);
    CHECK(result.at(aneby).amount == money::kr(17));
    CHECK(result.at(habo).amount == money::kr(33));
    CHECK(result.at(varnamo).amount == money::kr(50));
    CHECK(result.at(aneby).quota.to_swedish(4) == "16,6666 kr");
    CHECK(result.at(aneby).adjustment == money::kr(1));
}

// ---------------------------------------------------------------------------------------------
// Units and refunds

TEST_CASE("58 088 tkr by key A is split in whole tkr and sums to the total", "[allocation][units]")
{
    const auto weights = weights_of(key::a);
    const money total = money::in(ku::unit::tkr, 58'088);
    const ku::allocation result = ku::allocate(total, weights, {allocation_method::largest_remainder,
                                                                ku::unit::tkr});
    CHECK(result.sum() == total);
    for (const ku::allocation_part& part : result.parts) {
        INFO("kommun " << part.member.str());
        CHECK(part.amount.is_whole(ku::unit::tkr));
    }
    // 58 088 tkr × 146 197 / 369 327 = 22 993,96... tkr.
    CHECK(result.at(jonkoping).quota.to_swedish(2) == "22 993 962,90 kr");
    CHECK(result.at(jonkoping).amount == money::in(ku::unit::tkr, 22'994));
    CHECK(result.basis == "största rest efter vikt, i hela tkr");
}

TEST_CASE("a total in öre is split to the öre", "[allocation][units]")
{
    const std::array<kommun_code, 3> members{aneby, habo, varnamo};
    const ku::allocation result = ku::allocate_equally(
        money::parse("1 000,00"), members, {allocation_method::largest_remainder, ku::unit::ore});
    CHECK(result.at(aneby).amount == money::parse("333,34"));
    CHECK(result.at(habo).amount == money::parse("333,33"));
    CHECK(result.at(varnamo).amount == money::parse("333,33"));
    CHECK(result.at(aneby).adjustment == money::ore(1));
}

TEST_CASE("a refund of Grundfinansiering is the exact negation of the fee",
          "[allocation][refund]")
{
    const auto weights = weights_of(key::a);
    for (const auto method : {allocation_method::largest_remainder, allocation_method::sainte_lague,
                              allocation_method::round_each, allocation_method::largest_absorbs}) {
        INFO(ku::to_string(method));
        const ku::allocation fee = ku::allocate(money::kr(9'000'000), weights, {method, ku::unit::kr});
        const ku::allocation refund =
            ku::allocate(-money::kr(9'000'000), weights, {method, ku::unit::kr});
        REQUIRE(refund.parts.size() == fee.parts.size());
        for (std::size_t i = 0; i < fee.parts.size(); ++i) {
            CHECK(refund.parts[i].member == fee.parts[i].member);
            CHECK(refund.parts[i].amount == -fee.parts[i].amount);
            CHECK(refund.parts[i].adjustment == -fee.parts[i].adjustment);
            CHECK(refund.parts[i].quota.numerator == -fee.parts[i].quota.numerator);
        }
        CHECK(refund.residual() == -fee.residual());
    }
    const ku::allocation refund = ku::allocate(-money::kr(9'000'000), weights);
    CHECK(refund.at(varnamo).amount == -money::kr(845'154));
    CHECK(refund.at(varnamo).adjustment == -money::kr(1));
    CHECK(refund.at(varnamo).quota.to_swedish(4) == "-845 153,4818 kr");
    CHECK(refund.at(varnamo).quota.to_plain(1) == "-845153.4");
}

TEST_CASE("Värnamo's refund quota reads back from its exact fraction, and malformed fractions are refused",
          "[allocation][quota]")
{
    const ku::allocation refund = ku::allocate(-money::kr(9'000'000), weights_of(key::a));
    const ku::exact_quota quota = refund.at(varnamo).quota;
    const std::string fraction = quota.to_fraction();
    CHECK(fraction.starts_with("-"));
    CHECK(ku::exact_quota::from_fraction(fraction) == quota);
    CHECK(ku::exact_quota::from_fraction(fraction).to_plain(4) == "-845153.4818");
    CHECK(ku::exact_quota::from_fraction("10000/3", "a.json") == ku::exact_quota{.numerator = 10'000, .denominator = 3});
    CHECK(ku::exact_quota::from_fraction("0/7") == ku::exact_quota{.numerator = 0, .denominator = 7});

    const auto where_refused = [](const std::string& text) -> std::string {
        try {
            static_cast<void>(ku::exact_quota::from_fraction(text, "a.json"));
        } catch (const ku::parse_error& e) {
            return std::to_string(e.position()) + " " + e.what();
        }
        return "accepted";
    };
    CHECK_THAT(where_refused("10000/0"), Catch::StartsWith("7 ") && Catch::Contains("the denominator of a quota is positive"));
    CHECK_THAT(where_refused("10000"), Catch::Contains("an exact quota is \"numerator/denominator\" in öre"));
    CHECK_THAT(where_refused("10000/-3"), Catch::StartsWith("7 "));
    CHECK_THAT(where_refused("33.3/1"), Catch::StartsWith("1 "));
    CHECK_THAT(where_refused("/3"), Catch::StartsWith("1 "));
    // 2^127 does not fit the 128-bit numerator; 2^127 − 1 does.
    CHECK_THAT(where_refused("170141183460469231731687303715884105728/1"), Catch::Contains("beyond 127 bits"));
    CHECK(where_refused("170141183460469231731687303715884105727/1") == "accepted");
}

TEST_CASE("a total of zero gives every member zero", "[allocation]")
{
    const auto weights = weights_of(key::b);
    for (const auto method : {allocation_method::largest_remainder, allocation_method::sainte_lague,
                              allocation_method::round_each, allocation_method::largest_absorbs}) {
        const ku::allocation result = ku::allocate(money{}, weights, {method, ku::unit::kr});
        for (const ku::allocation_part& part : result.parts) {
            CHECK(part.amount == money{});
            CHECK(part.adjustment == money{});
            CHECK(part.quota.to_plain(0) == "0");
        }
    }
}

TEST_CASE("a member with weight zero pays nothing while the others share the total",
          "[allocation][weights]")
{
    const std::array<ku::member_weight, 3> weights{{
        {aneby, weight::whole(1)},
        {mullsjo, weight::whole(0)},
        {habo, weight::whole(2)},
    }};
    for (const auto method : {allocation_method::largest_remainder, allocation_method::sainte_lague,
                              allocation_method::largest_absorbs}) {
        INFO(ku::to_string(method));
        const ku::allocation result = ku::allocate(money::kr(100), weights, {method, ku::unit::kr});
        CHECK(result.at(mullsjo).amount == money{});
        CHECK(result.at(aneby).amount == money::kr(33));
        CHECK(result.at(habo).amount == money::kr(67));
    }
}

// ---------------------------------------------------------------------------------------------
// Derived fees

TEST_CASE("a derived fee's total is rounded to the unit by the rounding asked for",
          "[allocation][derived]")
{
    const std::array<ku::member_weight, 2> weights{{{aneby, weight::whole(1)}, {habo, weight::whole(1)}}};
    const ku::allocation base = ku::allocate(money::kr(1'005), weights);
    REQUIRE(base.at(aneby).amount == money::kr(503));
    REQUIRE(base.at(habo).amount == money::kr(502));

    // 1 005 kr / 10 = 100,50 kr: 101 kr half-up, 100 kr down.
    const ku::allocation half_up = ku::allocate_derived(base, ku::ratio{1, 10});
    CHECK(half_up.total == money::kr(101));
    CHECK(half_up.sum() == money::kr(101));
    const ku::allocation down =
        ku::allocate_derived(base, ku::ratio{1, 10}, {}, ku::rounding_mode::down);
    CHECK(down.total == money::kr(100));
    CHECK(down.at(aneby).amount == money::kr(50));
    CHECK(down.at(habo).amount == money::kr(50));
    // The weights are the base amounts, in öre.
    CHECK(down.at(aneby).weight == weight::whole(50'300));
}

TEST_CASE("a fee cannot be derived from a base with a negative part", "[allocation][derived][errors]")
{
    const auto weights = weights_of(key::a);
    const ku::allocation refund = ku::allocate(-money::kr(9'000'000), weights);
    CHECK_THROWS_AS(ku::allocate_derived(refund, ku::ratio{1, 10}), ku::domain_error);
    CHECK_THROWS_WITH(ku::allocate_derived(refund, ku::ratio{1, 10}),
                      Contains("allocate_derived") && Contains("0604") && Contains("negative"));
}

// ---------------------------------------------------------------------------------------------
// Methods by name

TEST_CASE("allocation methods are named and read back by their names", "[allocation][method]")
{
    for (const auto method : {allocation_method::largest_remainder, allocation_method::sainte_lague,
                              allocation_method::round_each, allocation_method::largest_absorbs}) {
        CHECK(ku::parse_allocation_method(ku::to_string(method)) == method);
    }
    CHECK(ku::to_string(allocation_method::largest_remainder) == "largest-remainder");
    CHECK(ku::to_string(allocation_method::sainte_lague) == "sainte-lague");
    CHECK(ku::to_string(allocation_method::round_each) == "round-each");
    CHECK(ku::to_string(allocation_method::largest_absorbs) == "largest-absorbs");
}

TEST_CASE("an unknown allocation method name is rejected with the names that are known",
          "[allocation][method][errors]")
{
    CHECK_THROWS_AS(ku::parse_allocation_method("hamilton"), ku::lookup_error);
    CHECK_THROWS_WITH(ku::parse_allocation_method("hamilton", "fees.csv:3:method"),
                      Contains("unknown allocation method \"hamilton\"") &&
                          Contains("fees.csv:3:method") && Contains("largest-remainder") &&
                          Contains("sainte-lague") && Contains("round-each") &&
                          Contains("largest-absorbs"));
    CHECK_THROWS_AS(ku::parse_allocation_method("Largest-Remainder"), ku::lookup_error);
    CHECK_THROWS_AS(ku::parse_allocation_method(""), ku::lookup_error);
}

// ---------------------------------------------------------------------------------------------
// Bad input

TEST_CASE("a total cannot be split among no members", "[allocation][errors]")
{
    const std::vector<ku::member_weight> none;
    CHECK_THROWS_AS(ku::allocate(money::kr(100), none), ku::domain_error);
    CHECK_THROWS_WITH(ku::allocate(money::kr(100), none),
                      Contains("there are no members to split 100 kr among"));
    CHECK_THROWS_AS(ku::allocate_equally(money::kr(100), {}), ku::domain_error);
    CHECK_THROWS_AS(ku::allocate_fixed_plus(money::kr(100), money::kr(10), {}, none),
                    ku::domain_error);
    CHECK_THROWS_WITH(ku::allocate_fixed_plus(money::kr(100), money::kr(10), {}, none),
                      Contains("no members"));
}

TEST_CASE("a kommun given twice is rejected by name", "[allocation][errors]")
{
    const std::array<ku::member_weight, 3> weights{{
        {varnamo, weight::whole(34'682)},
        {aneby, weight::whole(6'842)},
        {varnamo, weight::whole(1)},
    }};
    CHECK_THROWS_AS(ku::allocate(money::kr(100), weights), ku::domain_error);
    CHECK_THROWS_WITH(ku::allocate(money::kr(100), weights), Contains("kommun 0683 appears twice"));
    const std::array<kommun_code, 2> members{habo, habo};
    CHECK_THROWS_WITH(ku::allocate_equally(money::kr(100), members),
                      Contains("kommun 0643 appears twice"));
}

TEST_CASE("weights that sum to zero leave nothing to split by", "[allocation][errors]")
{
    const std::array<ku::member_weight, 2> weights{{{aneby, weight::whole(0)}, {habo, weight{0, 3}}}};
    CHECK_THROWS_AS(ku::allocate(money::kr(100), weights), ku::domain_error);
    CHECK_THROWS_WITH(ku::allocate(money::kr(100), weights),
                      Contains("weights of the 2 members sum to zero") && Contains("100 kr"));
}

TEST_CASE("a weight cannot be negative", "[allocation][weights][errors]")
{
    CHECK_THROWS_AS(weight::whole(-1), ku::domain_error);
    CHECK_THROWS_WITH(weight::whole(-1), Contains("cannot be negative (-1)"));
    CHECK_THROWS_AS((weight{-125, 1}), ku::domain_error);
    CHECK_THROWS_AS(weight::parse("-3"), ku::domain_error);
    CHECK_THROWS_WITH(weight::parse("-3", "keys.csv:4:key_a"),
                      Contains("weight \"-3\"") && Contains("keys.csv:4:key_a") &&
                          Contains("is negative"));
    CHECK_THROWS_AS(weight::parse("-0,5"), ku::domain_error);
}

TEST_CASE("a weight is a plain decimal number of at most 18 decimals", "[allocation][weights][errors]")
{
    CHECK_THROWS_AS(weight::parse("1/3"), ku::parse_error);
    CHECK_THROWS_AS(weight::parse("12,5 %"), ku::parse_error);
    CHECK_THROWS_WITH(weight::parse("1/3"), Contains("a weight is a plain decimal number"));
    CHECK_THROWS_AS(weight::parse("tolv"), ku::parse_error);
    CHECK_THROWS_AS(weight::parse(""), ku::parse_error);
    CHECK_THROWS_AS((weight{1, 19}), ku::domain_error);
    CHECK_THROWS_WITH((weight{1, 19}), Contains("at most 18 decimals"));
    CHECK_THROWS_AS((weight{1, -1}), ku::domain_error);
    CHECK(weight{1, 18}.as_ratio() == ku::ratio{1, 1'000'000'000'000'000'000});
}

TEST_CASE("a total that is not a whole number of the unit is rejected", "[allocation][errors]")
{
    const auto weights = weights_of(key::a);
    const money total = money::parse("1 234,50");
    CHECK_THROWS_AS(ku::allocate(total, weights), ku::domain_error);
    CHECK_THROWS_WITH(ku::allocate(total, weights),
                      Contains("the total 1 234,5 kr is not a whole number of kr"));
    CHECK_THROWS_WITH(ku::allocate(money::kr(1'500), weights,
                                   {allocation_method::largest_remainder, ku::unit::tkr}),
                      Contains("1 500 kr is not a whole number of tkr"));
    // In öre it is whole.
    CHECK(ku::allocate(total, weights, {allocation_method::largest_remainder, ku::unit::ore}).sum() ==
          total);
}

TEST_CASE("a supplement for a kommun outside the key is rejected", "[allocation][fixed-plus][errors]")
{
    const auto weights = weights_of(key::b, "Mullsjö");
    const std::array<ku::supplement, 1> supplements{{{mullsjo, money::kr(10'850)}}};
    CHECK_THROWS_AS(ku::allocate_fixed_plus(money::kr(1'050'979), money::kr(42'000), supplements,
                                            weights),
                    ku::domain_error);
    CHECK_THROWS_WITH(ku::allocate_fixed_plus(money::kr(1'050'979), money::kr(42'000), supplements,
                                              weights),
                      Contains("10 850 kr") && Contains("kommun 0642, which is not a member"));
}

TEST_CASE("two supplements for the same kommun are rejected", "[allocation][fixed-plus][errors]")
{
    const auto weights = weights_of(key::b, "Mullsjö");
    const std::array<ku::supplement, 2> supplements{{{habo, money::kr(10'850)}, {habo, money::kr(1)}}};
    CHECK_THROWS_AS(ku::allocate_fixed_plus(money::kr(1'050'979), money::kr(42'000), supplements,
                                            weights),
                    ku::domain_error);
    CHECK_THROWS_WITH(ku::allocate_fixed_plus(money::kr(1'050'979), money::kr(42'000), supplements,
                                              weights),
                      Contains("kommun 0643 appears twice"));
}

TEST_CASE("fixed amounts and supplements cannot exceed the total", "[allocation][fixed-plus][errors]")
{
    const auto weights = weights_of(key::b, "Mullsjö");
    const std::array<ku::supplement, 1> supplements{{{gislaved, money::kr(17'136)}}};
    // 12 × 42 000 kr = 504 000 kr > 500 000 kr.
    CHECK_THROWS_AS(ku::allocate_fixed_plus(money::kr(500'000), money::kr(42'000), {}, weights),
                    ku::domain_error);
    CHECK_THROWS_WITH(ku::allocate_fixed_plus(money::kr(500'000), money::kr(42'000), {}, weights),
                      Contains("fixed amounts (504 000 kr)") && Contains("supplements (0 kr)") &&
                          Contains("exceed the total 500 000 kr"));
    // 504 000 + 17 136 > 520 000.
    CHECK_THROWS_WITH(ku::allocate_fixed_plus(money::kr(520'000), money::kr(42'000), supplements,
                                              weights),
                      Contains("supplements (17 136 kr)") && Contains("exceed the total 520 000 kr"));
    // Exactly the fixed amounts and supplements: nothing is left to split by weight.
    const ku::allocation exact =
        ku::allocate_fixed_plus(money::kr(521'136), money::kr(42'000), supplements, weights);
    CHECK(exact.at(gislaved).amount == money::kr(59'136));
    CHECK(exact.at(aneby).amount == money::kr(42'000));
    CHECK(exact.sum() == money::kr(521'136));
}

TEST_CASE("fixed amounts and supplements must be whole numbers of the unit",
          "[allocation][fixed-plus][errors]")
{
    const std::array<ku::member_weight, 2> weights{{{aneby, weight::whole(1)}, {habo, weight::whole(1)}}};
    // 2 × 42 000,50 kr = 84 001 kr is whole, but neither member could pay 42 000,50 kr + whole kr.
    CHECK_THROWS_AS(ku::allocate_fixed_plus(money::kr(100'000), money::parse("42 000,50"), {}, weights),
                    ku::domain_error);
    CHECK_THROWS_WITH(
        ku::allocate_fixed_plus(money::kr(100'000), money::parse("42 000,50"), {}, weights),
        Contains("the fixed amount 42 000,5 kr is not a whole number of kr"));
    const std::array<ku::supplement, 2> halves{{{aneby, money::parse("0,50")}, {habo, money::parse("0,50")}}};
    CHECK_THROWS_WITH(ku::allocate_fixed_plus(money::kr(100'000), money::kr(42'000), halves, weights),
                      Contains("the supplement for kommun 0604 of 0,5 kr is not a whole number of kr"));
    // In öre both are fine.
    const ku::allocation in_ore = ku::allocate_fixed_plus(
        money::kr(100'000), money::parse("42 000,50"), halves, weights,
        {allocation_method::largest_remainder, ku::unit::ore});
    CHECK(in_ore.sum() == money::kr(100'000));
    CHECK(in_ore.at(aneby).amount == money::kr(50'000));
}

TEST_CASE("weights whose common scale does not fit 64 bits throw an overflow error",
          "[allocation][weights][errors]")
{
    // 10^18 at one decimal is 10^19 > 2^63 - 1.
    const std::array<ku::member_weight, 2> weights{{
        {aneby, weight::whole(1'000'000'000'000'000'000)},
        {habo, weight::parse("0,5")},
    }};
    CHECK_THROWS_AS(ku::allocate(money::kr(100), weights), ku::overflow_error);
    CHECK_THROWS_WITH(ku::allocate(money::kr(100), weights),
                      Contains("weight 1000000000000000000 of kommun 0604 does not fit 64 bits at "
                               "1 decimals"));
    // The largest weights that fit still work.
    const std::array<ku::member_weight, 2> large{{
        {aneby, weight::whole(std::numeric_limits<std::int64_t>::max())},
        {habo, weight::whole(std::numeric_limits<std::int64_t>::max())},
    }};
    const ku::allocation result = ku::allocate(money::kr(101), large);
    CHECK(result.at(aneby).amount == money::kr(51));
    CHECK(result.at(habo).amount == money::kr(50));
}

TEST_CASE("largest-absorbs refuses to make a member pay the wrong sign", "[allocation][errors]")
{
    // Four equal members share 2 kr: each 0,50 kr rounds up to 1 kr, and the largest member
    // (Aneby, lowest code) would have to absorb -2 kr.
    const std::array<kommun_code, 4> members{aneby, gnosjo, mullsjo, habo};
    CHECK_THROWS_AS(ku::allocate_equally(money::kr(2), members, largest_absorbs), ku::domain_error);
    CHECK_THROWS_WITH(ku::allocate_equally(money::kr(2), members, largest_absorbs),
                      Contains("kommun 0604 pay -1 kr of a total of 2 kr") &&
                          Contains("use largest-remainder"));
    const ku::allocation fine = ku::allocate_equally(money::kr(2), members, largest_remainder);
    CHECK(fine.at(aneby).amount == money::kr(1));
    CHECK(fine.at(gnosjo).amount == money::kr(1));
    CHECK(fine.at(mullsjo).amount == money{});
    CHECK(fine.at(habo).amount == money{});
}

TEST_CASE("the part of a kommun outside an allocation is a lookup error", "[allocation][errors]")
{
    const std::array<kommun_code, 2> members{aneby, habo};
    const ku::allocation result = ku::allocate_equally(money::kr(10), members);
    CHECK(result.find(varnamo) == nullptr);
    CHECK_THROWS_AS(result.at(varnamo), ku::lookup_error);
    CHECK_THROWS_WITH(result.at(varnamo),
                      Contains("kommun 0683 does not take part in this allocation"));
}

TEST_CASE("round-each near the end of the money range states its residual although its cells "
          "sum beyond the range",
          "[allocation][round-each][extremes]")
{
    // 2^63 − 1 öre between two equal members: each quota is an odd number of half öre and
    // rounds up, so the cells sum to 2^63 öre, one öre beyond money::max().
    const std::array<kommun_code, 2> members{aneby, habo};
    const ku::allocation result = ku::allocate_equally(
        money::max(), members, {allocation_method::round_each, ku::unit::ore});
    CHECK(result.at(aneby).amount == money::ore(std::numeric_limits<std::int64_t>::max() / 2 + 1));
    CHECK(result.at(habo).amount == money::ore(std::numeric_limits<std::int64_t>::max() / 2 + 1));
    CHECK(result.residual() == -money::ore(1));
    CHECK_THROWS_AS(result.sum(), ku::overflow_error);

    const ku::allocation refund = ku::allocate_equally(
        money::min(), members, {allocation_method::round_each, ku::unit::ore});
    CHECK(refund.residual() == money::ore(1));

    // The methods that sum to the total stay inside the range.
    const ku::allocation exact = ku::allocate_equally(money::max(), members,
                                                      {allocation_method::largest_remainder, ku::unit::ore});
    CHECK(exact.sum() == money::max());
    CHECK(exact.residual() == money{});
}
