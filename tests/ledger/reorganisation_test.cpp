// Reorganisations applied to closing balances: splits by share (largest remainder, in whole
// units, refunds too) and by amount, merges, closes and new areas, and every way a mapping can
// be wrong, each with its own error type and a message naming the area and the amounts.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/partnerskap.hpp"
#include "ku/core/ratio.hpp"
#include "ku/ledger/reorganisation.hpp"
#include "../support/fixtures.hpp"

namespace {

using ku::area_amount;
using namespace ku::literals;
using ku::money;
using ku::ratio;
using ku::reorganisation;
using ku::unit;
using Catch::Contains;

using ku::test::tkr;
using ku::test::social;
using ku::test::social_area;

/// The 2023 closing balances of bokslut_2023.csv, in tkr.
const std::vector<area_amount> closing_2023{
    {social_area, tkr(58'088)},       {"Nära vård"_area, tkr(33'088)},  {"Förstärkt samverkan"_area, tkr(34'359)},
    {"Digitalisering"_area, tkr(3'925)}, {"Miljösamverkan"_area, tkr(353)}, {"Utbildning"_area, tkr(3'872)},
    {"Fritid"_area, tkr(860)},        {"Kurs och konferens"_area, tkr(-395)},
};

money balances_total(const std::vector<area_amount>& balances)
{
    money total;
    for (const auto& [area, amount] : balances) {
        total += amount;
    }
    return total;
}

money amount_of(const std::vector<area_amount>& balances, const std::string& area)
{
    const auto found = std::ranges::find(balances, area, [](const area_amount& a) { return a.first.name(); });
    REQUIRE(found != balances.end());
    return found->second;
}

/// The areas' names, in order.
std::vector<std::string> names(const std::vector<ku::partnerskap>& areas)
{
    std::vector<std::string> out;
    for (const ku::partnerskap& area : areas) {
        out.push_back(area.name());
    }
    return out;
}

} // namespace

TEST_CASE("an empty reorganisation carries every area under its own name", "[reorganisation]")
{
    const reorganisation none;
    CHECK(none.apply(closing_2023, unit::tkr) == closing_2023);
    CHECK(names(none.targets_of("Fritid"_area)) == std::vector<std::string>{"Fritid"});
    CHECK(names(none.sources_of("Fritid"_area)) == std::vector<std::string>{"Fritid"});
}

TEST_CASE("Social välfärd's 58 088 tkr split 1/2, 3/10, 1/5 gives 29 044, 17 426 and 11 618 tkr", "[reorganisation]")
{
    const reorganisation split{{{social_area, "Socialtjänst"_area, ratio{1, 2}},
                                {social_area, "Hälso- och sjukvård"_area, ratio{3, 10}},
                                {social_area, "Barn och unga"_area, ratio{1, 5}}}};
    const std::vector<area_amount> result = split.apply(closing_2023, unit::tkr);
    REQUIRE(result.size() == 10);
    CHECK(result[0] == area_amount{"Socialtjänst"_area, tkr(29'044)});        // exactly half
    CHECK(result[1] == area_amount{"Hälso- och sjukvård"_area, tkr(17'426)}); // 17 426,4
    CHECK(result[2] == area_amount{"Barn och unga"_area, tkr(11'618)});       // 11 617,6: the spare tkr
    CHECK(result[3] == area_amount{"Nära vård"_area, tkr(33'088)});
    CHECK(balances_total(result) == balances_total(closing_2023));
    CHECK(names(split.targets_of(social_area)) == std::vector<std::string>{"Socialtjänst", "Hälso- och sjukvård", "Barn och unga"});
    CHECK(names(split.sources_of("Barn och unga"_area)) == std::vector<std::string>{social, "Barn och unga"});
    CHECK(split.sources_of(social_area).empty());

    // In öre the split is exact to the öre instead: 11 617,6 tkr = 1 161 760 000 öre.
    const std::vector<area_amount> in_ore = split.apply({{social_area, tkr(58'088)}});
    CHECK(in_ore[2].second == money::kr(11'617'600));
}

TEST_CASE("a split does not depend on the order of its rules; equal remainders go to the larger share, then the name",
          "[reorganisation]")
{
    const reorganisation halves{{{"Kurs och konferens"_area, "Kurser"_area, ratio{1, 2}},
                                 {"Kurs och konferens"_area, "Konferenser"_area, ratio{1, 2}}}};
    const reorganisation reversed{{{"Kurs och konferens"_area, "Konferenser"_area, ratio{1, 2}},
                                   {"Kurs och konferens"_area, "Kurser"_area, ratio{1, 2}}}};
    // A refund of -395 tkr splits as the negation of 395 tkr: 198 to the first name, 197 to the other.
    for (const reorganisation* mapping : {&halves, &reversed}) {
        const auto result = mapping->apply({{"Kurs och konferens"_area, tkr(-395)}}, unit::tkr);
        CHECK(amount_of(result, "Konferenser") == tkr(-198));
        CHECK(amount_of(result, "Kurser") == tkr(-197));
    }
    // 2 tkr by 1/4 and 3/4: both quotas (0,5 and 1,5) leave half a tkr, the larger share wins.
    const reorganisation quarter{{{"Fritid"_area, "A"_area, ratio{1, 4}}, {"Fritid"_area, "B"_area, ratio{3, 4}}}};
    const auto result = quarter.apply({{"Fritid"_area, tkr(2)}}, unit::tkr);
    CHECK(amount_of(result, "A") == money{});
    CHECK(amount_of(result, "B") == tkr(2));
}

TEST_CASE("a split by amounts carries the named amounts and must use up the balance exactly", "[reorganisation]")
{
    const reorganisation amounts{{{social_area, "Socialtjänst"_area, tkr(30'000)},
                                  {social_area, "Hälso- och sjukvård"_area, tkr(18'000)},
                                  {social_area, "Barn och unga"_area, tkr(10'088)}}};
    const auto result = amounts.apply(closing_2023, unit::tkr);
    CHECK(amount_of(result, "Socialtjänst") == tkr(30'000));
    CHECK(amount_of(result, "Barn och unga") == tkr(10'088));
    CHECK(balances_total(result) == balances_total(closing_2023));

    const reorganisation short_by_one{{{social_area, "Socialtjänst"_area, tkr(30'000)}, {social_area, "Barn och unga"_area, tkr(28'087)}}};
    CHECK_THROWS_AS(short_by_one.apply(closing_2023, unit::tkr), ku::domain_error);
    CHECK_THROWS_WITH(short_by_one.apply(closing_2023, unit::tkr),
                      Contains("\"" + social + "\"") && Contains("sum to 58 087 000 kr") &&
                          Contains("not to its balance 58 088 000 kr"));
}

TEST_CASE("Utbildning and Fritid merged carry 4 732 tkr, also into an area that keeps its own balance",
          "[reorganisation]")
{
    const reorganisation merge{{{"Utbildning"_area, "Utbildning och fritid"_area, ratio::whole(1)},
                                {"Fritid"_area, "Utbildning och fritid"_area, ratio::whole(1)}}};
    const auto merged = merge.apply(closing_2023, unit::tkr);
    CHECK(merged.size() == 7);
    CHECK(amount_of(merged, "Utbildning och fritid") == tkr(4'732));
    CHECK(names(merge.sources_of("Utbildning och fritid"_area)) ==
          std::vector<std::string>{"Utbildning", "Fritid", "Utbildning och fritid"});

    const reorganisation into_existing{{{"Fritid"_area, "Utbildning"_area, ratio::whole(1)}}};
    const auto result = into_existing.apply(closing_2023, unit::tkr);
    CHECK(result.size() == 7);
    CHECK(amount_of(result, "Utbildning") == tkr(4'732));
    CHECK(names(into_existing.sources_of("Utbildning"_area)) == std::vector<std::string>{"Fritid", "Utbildning"});
    CHECK(balances_total(result) == balances_total(closing_2023));
}

TEST_CASE("an area closed at zero disappears; closed with a balance it is refused", "[reorganisation]")
{
    const reorganisation close{{{"Kurs och konferens"_area, std::nullopt, ratio::whole(1)}}};
    const auto closed = close.apply({{"Fritid"_area, tkr(860)}, {"Kurs och konferens"_area, money{}}}, unit::tkr);
    CHECK(closed == std::vector<area_amount>{{"Fritid"_area, tkr(860)}});
    CHECK(close.targets_of("Kurs och konferens"_area).empty());

    CHECK_THROWS_AS(close.apply(closing_2023, unit::tkr), ku::domain_error);
    CHECK_THROWS_WITH(close.apply(closing_2023, unit::tkr),
                      Contains("\"Kurs och konferens\" is closed but has a balance of -395 000 kr"));

    const reorganisation by_amount{{{"Kurs och konferens"_area, std::nullopt, money{}}}};
    CHECK(by_amount.apply({{"Kurs och konferens"_area, money{}}}, unit::tkr).empty());
}

TEST_CASE("part of a balance sent to no area is refused: money may not vanish", "[reorganisation]")
{
    const reorganisation half_closed{{{"Fritid"_area, "Fritid och idrott"_area, ratio{1, 2}}, {"Fritid"_area, std::nullopt, ratio{1, 2}}}};
    CHECK_THROWS_AS(half_closed.apply(closing_2023, unit::tkr), ku::domain_error);
    CHECK_THROWS_WITH(half_closed.apply(closing_2023, unit::tkr), Contains("\"Fritid\" sends 430 000 kr to no area"));
    const reorganisation amount_closed{{{"Fritid"_area, "Fritid och idrott"_area, tkr(800)}, {"Fritid"_area, std::nullopt, tkr(60)}}};
    CHECK_THROWS_AS(amount_closed.apply(closing_2023, unit::tkr), ku::domain_error);
    CHECK_THROWS_WITH(amount_closed.apply(closing_2023, unit::tkr), Contains("\"Fritid\" sends 60 000 kr to no area"));

    // A zero part to no area loses nothing, and names no area.
    const reorganisation zero_closed{{{"Fritid"_area, "Fritid och idrott"_area, tkr(860)}, {"Fritid"_area, std::nullopt, money{}}}};
    const auto result = zero_closed.apply(closing_2023, unit::tkr);
    CHECK(amount_of(result, "Fritid och idrott") == tkr(860));
    CHECK(result.size() == closing_2023.size());
    CHECK(balances_total(result) == balances_total(closing_2023));
    const reorganisation zero_share{{{"Kurs och konferens"_area, "Kurser"_area, ratio{1, 2}}, {"Kurs och konferens"_area, std::nullopt, ratio{1, 2}}}};
    CHECK(zero_share.apply({{"Kurs och konferens"_area, money{}}}, unit::tkr) ==
          std::vector<area_amount>{{"Kurser"_area, money{}}});
}

TEST_CASE("shares that do not sum to one are a domain error naming the area and the sum", "[reorganisation]")
{
    const reorganisation short_split{{{social_area, "Socialtjänst"_area, ratio{1, 2}}, {social_area, "Barn och unga"_area, ratio{3, 7}}}};
    CHECK_THROWS_AS(short_split.apply(closing_2023, unit::tkr), ku::domain_error);
    CHECK_THROWS_WITH(short_split.apply(closing_2023, unit::tkr),
                      Contains("\"" + social + "\" sum to 13/14, not to 1"));
    const reorganisation too_much{{{"Fritid"_area, "A"_area, ratio{2, 3}}, {"Fritid"_area, "B"_area, ratio{2, 3}}}};
    CHECK_THROWS_WITH(too_much.apply(closing_2023, unit::tkr), Contains("sum to 4/3, not to 1"));
}

TEST_CASE("one area's rules may not mix shares and amounts, repeat a target, or have a negative share",
          "[reorganisation]")
{
    CHECK_THROWS_AS(reorganisation({{"Fritid"_area, "A"_area, ratio{1, 2}}, {"Fritid"_area, "B"_area, tkr(430)}}), ku::domain_error);
    CHECK_THROWS_WITH(reorganisation({{"Fritid"_area, "A"_area, ratio{1, 2}}, {"Fritid"_area, "B"_area, tkr(430)}}),
                      Contains("\"Fritid\" mixes shares and amounts"));
    CHECK_THROWS_AS(reorganisation({{"Fritid"_area, "A"_area, ratio{1, 2}}, {"Fritid"_area, "A"_area, ratio{1, 2}}}), ku::domain_error);
    CHECK_THROWS_WITH(reorganisation({{"Fritid"_area, "A"_area, ratio{1, 2}}, {"Fritid"_area, "A"_area, ratio{1, 2}}}),
                      Contains("\"Fritid\" → \"A\" appears twice"));
    CHECK_THROWS_AS(reorganisation({{"Fritid"_area, "A"_area, ratio{3, 2}}, {"Fritid"_area, "B"_area, ratio{-1, 2}}}), ku::domain_error);
    CHECK_THROWS_WITH(reorganisation({{"Fritid"_area, "A"_area, ratio{3, 2}}, {"Fritid"_area, "B"_area, ratio{-1, 2}}}),
                      Contains("-1/2") && Contains("negative"));
    // Different areas may use different kinds of part.
    CHECK_NOTHROW(reorganisation({{"Fritid"_area, "A"_area, ratio{1, 2}}, {"Fritid"_area, "B"_area, ratio{1, 2}}, {"Utbildning"_area, "A"_area, tkr(3'872)}}));
}

TEST_CASE("a rule naming an area without a closing balance is a lookup error naming the area", "[reorganisation]")
{
    const reorganisation unknown{{{"Social välfärd"_area, "Socialtjänst"_area, ratio::whole(1)}}};
    CHECK_THROWS_AS(unknown.apply(closing_2023, unit::tkr), ku::lookup_error);
    CHECK_THROWS_WITH(unknown.apply(closing_2023, unit::tkr),
                      Contains("\"Social välfärd\"") && Contains("has no closing balance"));
}

TEST_CASE("a split in whole tkr refuses a balance with a fraction of a tkr", "[reorganisation]")
{
    const reorganisation split{{{"Fritid"_area, "A"_area, ratio{1, 2}}, {"Fritid"_area, "B"_area, ratio{1, 2}}}};
    CHECK_THROWS_AS(split.apply({{"Fritid"_area, money::kr(860'500)}}, unit::tkr), ku::domain_error);
    CHECK_THROWS_WITH(split.apply({{"Fritid"_area, money::kr(860'500)}}, unit::tkr),
                      Contains("860 500 kr") && Contains("\"Fritid\"") && Contains("not a whole number of tkr"));
    const auto in_kr = split.apply({{"Fritid"_area, money::kr(860'501)}}, unit::kr);
    CHECK(amount_of(in_kr, "A") == money::kr(430'251));
    CHECK(amount_of(in_kr, "B") == money::kr(430'250));
}
