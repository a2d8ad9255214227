// Kommuner and län: SCB codes, and the catalogue of the 13 kommuner of Jönköpings län.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <catch2/catch.hpp>

#include "../support/parse_failure.hpp"

#include "ku/core/error.hpp"
#include "ku/core/kommun.hpp"

namespace {

using ku::kommun;
using ku::kommun_code;
using ku::lan_code;

/// The kommuner of Jönköpings län as domain.md lists them (SCB code, name), in code order.
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> expected_kommuner{{
    {"0604", "Aneby"},
    {"0617", "Gnosjö"},
    {"0642", "Mullsjö"},
    {"0643", "Habo"},
    {"0662", "Gislaved"},
    {"0665", "Vaggeryd"},
    {"0680", "Jönköping"},
    {"0682", "Nässjö"},
    {"0683", "Värnamo"},
    {"0684", "Sävsjö"},
    {"0685", "Vetlanda"},
    {"0686", "Eksjö"},
    {"0687", "Tranås"},
}};

/// The parse_error a kommun code throws for `text`, or none.
std::optional<ku::parse_error> code_failure(std::string_view text, std::string_view where = {})
{
    return ku::test::parse_failure_of([&] { return kommun_code{text, where}; });
}

} // namespace

TEST_CASE("Jönköpings län has 13 kommuner with their SCB codes, in code order", "[kommun]")
{
    const auto lan = ku::jonkopings_lan();
    REQUIRE(lan.size() == 13U);
    REQUIRE(lan.all().size() == 13U);
    for (std::size_t i = 0; i < expected_kommuner.size(); ++i) {
        const auto& [code, name] = expected_kommuner[i];
        CAPTURE(code, name);
        REQUIRE(lan.all()[i].code.str() == code);
        REQUIRE(lan.all()[i].name == name);
        REQUIRE(lan.all()[i].code == kommun_code{code});
    }
}

TEST_CASE("every kommun of the catalogue is in Jönköpings län, code 06", "[kommun]")
{
    REQUIRE(ku::jonkopings_lan_code.str() == "06");
    for (const kommun& k : ku::jonkopings_lan().all()) {
        CAPTURE(k.name);
        REQUIRE(k.code.lan() == ku::jonkopings_lan_code);
        REQUIRE(k.code.lan().str() == "06");
    }
}

TEST_CASE("a kommun is found by its code", "[kommun][lookup]")
{
    const auto lan = ku::jonkopings_lan();
    REQUIRE(lan.at(kommun_code{"0683"}).name == "Värnamo");
    REQUIRE(lan.at(kommun_code{"0680"}).name == "Jönköping");
    REQUIRE(lan.at(kommun_code{"0604"}) == kommun{kommun_code{"0604"}, "Aneby"});
    const auto found = lan.find(kommun_code{"0687"});
    REQUIRE(found);
    REQUIRE(found->name == "Tranås");
    for (const auto& [code, name] : expected_kommuner) {
        CAPTURE(code);
        REQUIRE(lan.at(kommun_code{code}).name == name);
    }
}

TEST_CASE("a report shows a member by its kommun name, or by its code when the catalogue lacks it", "[kommun][lookup]")
{
    const auto lan = ku::jonkopings_lan();
    CHECK(lan.name_or_code(kommun_code{"0617"}) == "Gnosjö");
    CHECK(lan.name_or_code(kommun_code{"0180"}) == "0180"); // Stockholm is not in the län
}

TEST_CASE("a kommun is found by its exact name", "[kommun][lookup]")
{
    const auto lan = ku::jonkopings_lan();
    REQUIRE(lan.at("Jönköping").code == kommun_code{"0680"});
    REQUIRE(lan.at("Mullsjö").code.str() == "0642");
    const auto found = lan.find("Nässjö");
    REQUIRE(found);
    REQUIRE(found->code == kommun_code{"0682"});
    for (const auto& [code, name] : expected_kommuner) {
        CAPTURE(name);
        REQUIRE(lan.at(name).code.str() == code);
    }
}

TEST_CASE("an unknown kommun code is a lookup error naming the code", "[kommun][lookup][error]")
{
    const auto lan = ku::jonkopings_lan();
    REQUIRE_FALSE(lan.find(kommun_code{"0699"}));
    REQUIRE_FALSE(lan.find(kommun_code{"0180"})); // Stockholm, another län
    REQUIRE_THROWS_AS(lan.at(kommun_code{"0699"}), ku::lookup_error);
    REQUIRE_THROWS_WITH(lan.at(kommun_code{"0699"}), Catch::Contains("0699"));
    REQUIRE_THROWS_WITH(lan.at(kommun_code{"0180"}, "proposal_2025.csv:15"),
                        Catch::Contains("0180") && Catch::Contains("(proposal_2025.csv:15)"));
}

TEST_CASE("an unknown kommun name is a lookup error naming the name", "[kommun][lookup][error]")
{
    const auto lan = ku::jonkopings_lan();
    REQUIRE_FALSE(lan.find("Stockholm"));
    REQUIRE_THROWS_AS(lan.at("Stockholm"), ku::lookup_error);
    REQUIRE_THROWS_WITH(lan.at("Stockholm"), Catch::Contains("\"Stockholm\""));
    REQUIRE_THROWS_WITH(lan.at("Stockholm", "keys.csv:4"), Catch::Contains("(keys.csv:4)"));
    // Names are matched exactly: case and diacritics matter.
    REQUIRE_THROWS_AS(lan.at("jönköping"), ku::lookup_error);
    REQUIRE_THROWS_AS(lan.at("Jonkoping"), ku::lookup_error);
    REQUIRE_THROWS_AS(lan.at("Värnamo "), ku::lookup_error);
    REQUIRE_THROWS_AS(lan.at(""), ku::lookup_error);
}

TEST_CASE("a kommun code is four digits with its leading zero", "[kommun][parse]")
{
    REQUIRE(kommun_code{"0604"}.str() == "0604");
    REQUIRE(kommun_code{"0683"}.str() == "0683");
    REQUIRE(kommun_code{"2584"}.str() == "2584"); // Kiruna, Norrbottens län
    REQUIRE(kommun_code{"0000"}.str() == "0000");
    REQUIRE(kommun_code{"0683"} == kommun_code{"0683"});
    REQUIRE(kommun_code{"0604"} < kommun_code{"0617"});
    REQUIRE(kommun_code{"0687"} > kommun_code{"0686"});
}

TEST_CASE("a kommun code's ordinal is its digits as a number, for ordering only", "[kommun]")
{
    REQUIRE(kommun_code{"0683"}.ordinal() == 683U);
    REQUIRE(kommun_code{"2584"}.ordinal() == 2584U);
    REQUIRE(kommun_code{"0000"}.ordinal() == 0U);
    REQUIRE(kommun_code{"0604"}.ordinal() < kommun_code{"0617"}.ordinal());
}

TEST_CASE("the län of 0683 Värnamo is 06", "[kommun]")
{
    REQUIRE(kommun_code{"0683"}.lan() == lan_code{"06"});
    REQUIRE(kommun_code{"0683"}.lan().str() == "06");
    REQUIRE(kommun_code{"2584"}.lan().str() == "25");
    REQUIRE(kommun_code{"0180"}.lan() != ku::jonkopings_lan_code);
}

TEST_CASE("a kommun code that is not four digits is a parse error", "[kommun][parse][error]")
{
    for (const std::string_view text : {"683", "06a3", "06830", "", " 0683", "O683", "0683 ",
                                        "\u0660\u0666\u0668\u0663"}) {
        CAPTURE(text);
        REQUIRE_THROWS_AS(kommun_code{text}, ku::parse_error);
        const auto e = code_failure(text);
        REQUIRE(e);
        REQUIRE(e->input() == text);
        REQUIRE(e->position() == 0U);
        REQUIRE_THROWS_WITH(kommun_code{text}, Catch::Contains("\"" + std::string{text} + "\"") &&
                                                   Catch::Contains("four digits"));
    }
    const auto located = code_failure("683", "population_keys.csv:9:code");
    REQUIRE(located);
    REQUIRE(located->where() == "population_keys.csv:9:code");
    REQUIRE_THROWS_WITH(kommun_code("683", "population_keys.csv:9:code"),
                        Catch::Contains("(population_keys.csv:9:code)"));
}

TEST_CASE("a län code is two digits", "[kommun][parse]")
{
    REQUIRE(lan_code{"06"}.str() == "06");
    REQUIRE(lan_code{"25"}.str() == "25");
    REQUIRE(lan_code{"06"} < lan_code{"07"});
    for (const std::string_view text : {"6", "006", "0a", ""}) {
        CAPTURE(text);
        REQUIRE_THROWS_AS(lan_code{text}, ku::parse_error);
        REQUIRE_THROWS_WITH(lan_code{text}, Catch::Contains("two digits"));
    }
    REQUIRE_THROWS_WITH(lan_code("6", "lan.csv:2"), Catch::Contains("(lan.csv:2)"));
}

TEST_CASE("a catalogue refuses a kommun listed twice", "[kommun][error]")
{
    static constexpr std::array<kommun, 2> same_code{{
        {kommun_code{"0683"}, "Värnamo"},
        {kommun_code{"0683"}, "Värnamo kommun"},
    }};
    static constexpr std::array<kommun, 2> same_name{{
        {kommun_code{"0683"}, "Värnamo"},
        {kommun_code{"0684"}, "Värnamo"},
    }};
    REQUIRE_THROWS_AS(ku::kommun_catalogue{same_code}, ku::domain_error);
    REQUIRE_THROWS_WITH(ku::kommun_catalogue{same_code}, Catch::Contains("Värnamo kommun"));
    REQUIRE_THROWS_AS(ku::kommun_catalogue{same_name}, ku::domain_error);
    static constexpr std::array<kommun, 2> two{{
        {kommun_code{"0683"}, "Värnamo"},
        {kommun_code{"0684"}, "Sävsjö"},
    }};
    const ku::kommun_catalogue catalogue{two};
    REQUIRE(catalogue.size() == 2U);
    REQUIRE(catalogue.at("Sävsjö").code.str() == "0684");
    REQUIRE_THROWS_AS(catalogue.at(kommun_code{"0680"}), ku::lookup_error);
}
