// Management (ledning och stab) financed from the areas, in proportion to their outcome.

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "ku/allocation/overhead.hpp"
#include "ku/core/partnerskap.hpp"
#include "../support/fixtures.hpp"

namespace {

using namespace ku::literals;
using ku::test::tkr;
} // namespace

TEST_CASE("management financed from the areas is split by outcome and sums exactly to its cost", "[overhead]")
{
    // The 2023 outcomes (utfall förbrukning) of three areas, and a management cost of 1 000 kr.
    const std::vector<std::pair<ku::partnerskap, ku::money>> outcome{
        {"Social välfärd"_area, tkr(30'826)}, {"Digitalisering"_area, tkr(8'657)}, {"Fritid"_area, tkr(2'301)}};
    const std::vector<ku::area_charge> charges = ku::finance_from_areas(ku::money::kr(1'000), outcome);
    REQUIRE(charges.size() == 3);
    // Quotas 737,77…, 207,18…, 55,07…: floors 737 + 207 + 55 = 999, the spare krona to Social
    // välfärd, whose remainder (0,77) is the largest.
    CHECK(charges[0].charge == ku::money::kr(738));
    CHECK(charges[1].charge == ku::money::kr(207));
    CHECK(charges[2].charge == ku::money::kr(55));
    CHECK(charges[0].area.name() == "Social välfärd");
    CHECK(charges[1].weight_basis == tkr(8'657));
}

TEST_CASE("management cannot be financed from areas without outcome, with a negative basis or twice named",
          "[overhead]")
{
    const std::vector<std::pair<ku::partnerskap, ku::money>> zero{{"A"_area, ku::money{}}, {"B"_area, ku::money{}}};
    REQUIRE_THROWS_WITH(ku::finance_from_areas(ku::money::kr(100), zero), Catch::Contains("sum to zero"));
    const std::vector<std::pair<ku::partnerskap, ku::money>> negative{{"A"_area, ku::money::kr(-1)}};
    REQUIRE_THROWS_WITH(ku::finance_from_areas(ku::money::kr(100), negative), Catch::Contains("\"A\" has a negative"));
    const std::vector<std::pair<ku::partnerskap, ku::money>> twice{{"A"_area, ku::money::kr(1)}, {"A"_area, ku::money::kr(2)}};
    REQUIRE_THROWS_WITH(ku::finance_from_areas(ku::money::kr(100), twice), Catch::Contains("appears twice"));
    REQUIRE_THROWS_AS(ku::finance_from_areas(ku::money::ore(150), twice, ku::unit::kr), ku::domain_error);
    // "fritid" and "Fritid" are the same area: the id decides, not the spelling.
    const std::vector<std::pair<ku::partnerskap, ku::money>> respelt{{"Fritid"_area, ku::money::kr(1)},
                                                                     {"fritid"_area, ku::money::kr(2)}};
    REQUIRE_THROWS_WITH(ku::finance_from_areas(ku::money::kr(100), respelt),
                        Catch::Contains("area \"fritid\" appears twice (also as \"Fritid\": both are the area fritid)"));
}
