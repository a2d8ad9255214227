// Funding sources (kommunerna, staten, övriga and their sub-sources) and populations
// (counts of inhabitants and the per-kommun tables behind the allocation keys).

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "ku/core/error.hpp"
#include "ku/core/funding.hpp"
#include "ku/core/kommun.hpp"
#include "ku/core/population.hpp"
#include "../support/random.hpp"

namespace {

using ku::funding_kind;
using ku::kommun_code;
using ku::population;
using ku::population_table;

using ku::test::int64_max;

/// Key A of the 2025 financing proposal: inhabitants per kommun.
std::vector<population_table::entry> key_a_counts()
{
    return {
        {kommun_code{"0604"}, population{6'842}},   {kommun_code{"0686"}, population{17'794}},
        {kommun_code{"0662"}, population{29'145}},  {kommun_code{"0617"}, population{9'309}},
        {kommun_code{"0643"}, population{13'283}},  {kommun_code{"0680"}, population{146'197}},
        {kommun_code{"0642"}, population{7'568}},   {kommun_code{"0682"}, population{31'649}},
        {kommun_code{"0684"}, population{11'664}},  {kommun_code{"0687"}, population{18'806}},
        {kommun_code{"0665"}, population{14'857}},  {kommun_code{"0685"}, population{27'531}},
        {kommun_code{"0683"}, population{34'682}},
    };
}

std::chrono::year_month_day ymd(int y, unsigned m, unsigned d)
{
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                       std::chrono::day{d}};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Funding

TEST_CASE("the three kinds of funding source read by their Swedish names", "[funding]")
{
    REQUIRE(ku::parse_funding_kind("kommunerna") == funding_kind::kommunerna);
    REQUIRE(ku::parse_funding_kind("staten") == funding_kind::staten);
    REQUIRE(ku::parse_funding_kind("övriga") == funding_kind::ovriga);
}

TEST_CASE("övriga may be written without the diaeresis", "[funding]")
{
    REQUIRE(ku::parse_funding_kind("ovriga") == funding_kind::ovriga);
}

TEST_CASE("a funding kind is written with its Swedish name and reads back", "[funding]")
{
    REQUIRE(ku::to_string(funding_kind::kommunerna) == "kommunerna");
    REQUIRE(ku::to_string(funding_kind::staten) == "staten");
    REQUIRE(ku::to_string(funding_kind::ovriga) == "övriga");
    for (const funding_kind kind :
         {funding_kind::kommunerna, funding_kind::staten, funding_kind::ovriga}) {
        REQUIRE(ku::parse_funding_kind(ku::to_string(kind)) == kind);
    }
}

TEST_CASE("an unknown funding kind is a lookup error naming it", "[funding][error]")
{
    REQUIRE_THROWS_AS(ku::parse_funding_kind("EU"), ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::parse_funding_kind("EU"), Catch::Contains("\"EU\""));
    REQUIRE_THROWS_WITH(ku::parse_funding_kind("regionen", "utfall.csv:1:kind"),
                        Catch::Contains("\"regionen\"") && Catch::Contains("(utfall.csv:1:kind)") &&
                            Catch::Contains("kommunerna, staten or övriga"));
    REQUIRE_THROWS_AS(ku::parse_funding_kind("Staten"), ku::lookup_error); // exact spelling
    REQUIRE_THROWS_AS(ku::parse_funding_kind(""), ku::lookup_error);
    REQUIRE_THROWS_AS(ku::parse_funding_kind("övrigt"), ku::lookup_error);
}

TEST_CASE("ESF is a source of the övriga kind", "[funding]")
{
    const ku::funding_source esf = ku::known_funding_source("ESF");
    REQUIRE(esf.kind == funding_kind::ovriga);
    REQUIRE(esf.name == "ESF");
    REQUIRE(esf == ku::funding_source{funding_kind::ovriga, "ESF"});
}

TEST_CASE("known sub-sources belong to the kind reports put them under", "[funding]")
{
    REQUIRE(ku::known_funding_source("grundavgift").kind == funding_kind::kommunerna);
    REQUIRE(ku::known_funding_source("grundfinansiering").kind == funding_kind::kommunerna);
    REQUIRE(ku::known_funding_source("medlemsavgift").kind == funding_kind::kommunerna);
    REQUIRE(ku::known_funding_source("enligt avtal").kind == funding_kind::kommunerna);
    REQUIRE(ku::known_funding_source("riktat statsbidrag").kind == funding_kind::staten);
    REQUIRE(ku::known_funding_source("Regionen").kind == funding_kind::ovriga);
    REQUIRE(ku::known_funding_source("Länsstyrelsen").kind == funding_kind::ovriga);
    REQUIRE(ku::known_funding_source("Vinnova").kind == funding_kind::ovriga);
    REQUIRE(ku::known_funding_source("deltagaravgifter").kind == funding_kind::ovriga);
    for (const auto& [kind, name] : ku::known_funding_sources) {
        CAPTURE(name);
        REQUIRE(ku::known_funding_source(name) == ku::funding_source{kind, std::string{name}});
    }
}

TEST_CASE("an unknown sub-source is a lookup error naming it", "[funding][error]")
{
    REQUIRE_THROWS_AS(ku::known_funding_source("Skatteverket"), ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::known_funding_source("Skatteverket", "utfall.csv:7"),
                        Catch::Contains("\"Skatteverket\"") && Catch::Contains("(utfall.csv:7)"));
    REQUIRE_THROWS_AS(ku::known_funding_source("esf"), ku::lookup_error); // exact spelling
    // A sub-source outside the list is made directly.
    const ku::funding_source own{funding_kind::staten, "Förstärkt samverkan"};
    REQUIRE(own.kind == funding_kind::staten);
    REQUIRE(own != ku::funding_source{funding_kind::ovriga, "Förstärkt samverkan"});
}

// ---------------------------------------------------------------------------------------------
// Population

TEST_CASE("a population is a non-negative count of inhabitants", "[population]")
{
    REQUIRE(population{}.count() == 0);
    REQUIRE(population{146'197}.count() == 146'197);
    REQUIRE(population{0}.count() == 0);
    REQUIRE(population{6'842} + population{17'794} == population{24'636});
    REQUIRE(population{6'842} < population{7'568});
    REQUIRE(population{int64_max}.count() == int64_max);
}

TEST_CASE("a negative population is a domain error", "[population][error]")
{
    REQUIRE_THROWS_AS(population{-1}, ku::domain_error);
    REQUIRE_THROWS_WITH(population{-1}, Catch::Contains("negative") && Catch::Contains("-1"));
    REQUIRE_THROWS_AS(population{std::numeric_limits<std::int64_t>::min()}, ku::domain_error);
}

TEST_CASE("a sum of populations beyond 64 bits overflows", "[population][error]")
{
    REQUIRE_THROWS_AS(population{int64_max} + population{1}, ku::overflow_error);
    REQUIRE(population{int64_max - 1} + population{1} == population{int64_max});
}

TEST_CASE("key A counts 369 327 inhabitants in the 13 kommuner", "[population]")
{
    const population_table key_a{"key A", ymd(2023, 11, 1), key_a_counts()};
    REQUIRE(key_a.total() == population{369'327});
    REQUIRE(key_a.name() == "key A");
    REQUIRE(key_a.date() == ymd(2023, 11, 1));
    REQUIRE(key_a.entries().size() == 13U);
}

TEST_CASE("a population table gives each kommun's count and keeps the order given", "[population]")
{
    const population_table key_a{"key A", std::nullopt, key_a_counts()};
    REQUIRE_FALSE(key_a.date());
    REQUIRE(key_a.at(kommun_code{"0680"}) == population{146'197});
    REQUIRE(key_a.at(kommun_code{"0604"}) == population{6'842});
    REQUIRE(key_a.at(kommun_code{"0683"}) == population{34'682});
    REQUIRE(key_a.entries().front().first == kommun_code{"0604"});
    REQUIRE(key_a.entries()[1].first == kommun_code{"0686"});
    REQUIRE(key_a.entries().back().first == kommun_code{"0683"});
    // Every kommun of the län has a count.
    for (const ku::kommun& k : ku::jonkopings_lan().all()) {
        CAPTURE(k.name);
        REQUIRE(key_a.at(k.code).count() > 0);
    }
}

TEST_CASE("a kommun counted twice in a population table is a domain error", "[population][error]")
{
    auto counts = key_a_counts();
    counts.emplace_back(kommun_code{"0683"}, population{1});
    REQUIRE_THROWS_AS(population_table("key A", std::nullopt, counts), ku::domain_error);
    REQUIRE_THROWS_WITH(population_table("key A", std::nullopt, counts),
                        Catch::Contains("0683") && Catch::Contains("\"key A\"") &&
                            Catch::Contains("twice"));
}

TEST_CASE("a kommun missing from a population table is a lookup error naming it", "[population][error]")
{
    // Miljösamverkan: Mullsjö (0642) is not a member.
    std::vector<population_table::entry> counts;
    for (const auto& entry : key_a_counts()) {
        if (entry.first != kommun_code{"0642"}) {
            counts.push_back(entry);
        }
    }
    const population_table miljo{"key B, Miljösamverkan", std::nullopt, counts};
    REQUIRE(miljo.entries().size() == 12U);
    REQUIRE(miljo.total() == population{369'327 - 7'568});
    REQUIRE_THROWS_AS(miljo.at(kommun_code{"0642"}), ku::lookup_error);
    REQUIRE_THROWS_WITH(miljo.at(kommun_code{"0642"}),
                        Catch::Contains("0642") && Catch::Contains("key B, Miljösamverkan"));
}

TEST_CASE("an empty population table totals zero", "[population]")
{
    const population_table empty{"empty", std::nullopt, {}};
    REQUIRE(empty.total() == population{});
    REQUIRE(empty.entries().empty());
    REQUIRE_THROWS_AS(empty.at(kommun_code{"0604"}), ku::lookup_error);
}

TEST_CASE("a population table whose total does not fit 64 bits overflows", "[population][error]")
{
    const population_table huge{"huge", std::nullopt,
                                {{kommun_code{"0604"}, population{int64_max}},
                                 {kommun_code{"0617"}, population{1}}}};
    REQUIRE_THROWS_AS(huge.total(), ku::overflow_error);
}
