// ku::partnerskap: an area of work is an id and a name; the id derived from a published name
// makes "Nära vård" and "NÄRA VÅRD" the same area, and a name that cannot identify an area is
// refused with the text and the place it came from.

#include <random>
#include <string>
#include <unordered_set>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/core/error.hpp"
#include "ku/core/partnerskap.hpp"

namespace {

using ku::partnerskap;
using ku::test::what;
using Catch::Contains;
using Catch::Equals;
using namespace ku::literals;

// The id is derived at compile time too. (g++ 12 cannot yet constant-evaluate moving a short
// std::string into a partnerskap, so named() itself runs at run time there.)
static_assert(partnerskap::id_of("Nära vård") == "nara-vard");
static_assert(partnerskap::id_of("Förstärkt samverkan") == "forstarkt-samverkan");
static_assert(partnerskap::id_of("FRITID") == partnerskap::id_of("Fritid"));

} // namespace

TEST_CASE("an area's id is its name in lower case ASCII, å ä ö folded and punctuation as one dash", "[partnerskap]")
{
    CHECK(partnerskap::id_of("Social välfärd och hälso- och sjukvård") == "social-valfard-och-halso-och-sjukvard");
    CHECK(partnerskap::id_of("Härav ledning/stab finansierat från områdena ovan") ==
          "harav-ledning-stab-finansierat-fran-omradena-ovan");
    CHECK(partnerskap::id_of("ÅÄÖ åäö é ü") == "aao-aao-e-u");
    CHECK(partnerskap::id_of("ESF Digitalisering 2.0") == "esf-digitalisering-2-0");
    CHECK(partnerskap::id_of("  Nära   vård  ") == "nara-vard");
    // Other letters are kept as they are, so a name in another script still identifies its area.
    CHECK(partnerskap::id_of("Øresund") == "Øresund");
    CHECK(partnerskap::id_of("Hälso\u2013 och sjukvård") == "halso-och-sjukvard");     // en dash
    CHECK(partnerskap::id_of("Nära\u00a0vård") == "nara-vard");                       // no-break space
    CHECK(partnerskap::id_of("– / –").empty());
}

TEST_CASE("two spellings of one name are the same area but not equal values", "[partnerskap]")
{
    const partnerskap nara = "Nära vård"_area;
    const partnerskap shouted = "NÄRA VÅRD"_area;
    CHECK(nara.id() == "nara-vard");
    CHECK(nara.name() == "Nära vård");
    CHECK(nara.same_area(shouted));
    CHECK(nara != shouted); // the name is part of the value: reports show what was written
    CHECK(std::hash<partnerskap>{}(nara) == std::hash<partnerskap>{}(shouted));
    CHECK_FALSE(nara.same_area("Nära vård i Gislaved"_area));
    CHECK("Digitalisering"_area < "Fritid"_area); // ordered by id
    CHECK(std::unordered_set<partnerskap>{nara, nara, "Fritid"_area}.size() == 2);
}

TEST_CASE("an explicit id must be a-z, digits and dashes, and neither part may be blank", "[partnerskap]")
{
    const partnerskap social{"social-valfard", "Social välfärd och hälso- och sjukvård"};
    CHECK(social.id() == "social-valfard");
    CHECK(social.same_area(partnerskap{"social-valfard", "Social välfärd"}));
    CHECK_FALSE(social.same_area("Social välfärd och hälso- och sjukvård"_area)); // a different id
    CHECK_THROWS_MATCHES(partnerskap("Social", "Social välfärd"), ku::domain_error,
                         what(Contains("the id \"Social\" and the name \"Social välfärd\"")));
    CHECK_THROWS_AS(partnerskap("social valfard", "Social välfärd"), ku::domain_error);
    CHECK_THROWS_AS(partnerskap("", "Social välfärd"), ku::domain_error);
    CHECK_THROWS_AS(partnerskap("social", ""), ku::domain_error);
    CHECK_THROWS_AS(partnerskap("social", " Social"), ku::domain_error);
}

TEST_CASE("a name that cannot identify an area is refused, naming it", "[partnerskap]")
{
    CHECK_THROWS_MATCHES(partnerskap::named(""), ku::domain_error, what(Contains("must be non-empty")));
    CHECK_THROWS_MATCHES(partnerskap::named(" Fritid"), ku::domain_error,
                         what(Contains("\" Fritid\" must be non-empty without surrounding spaces")));
    CHECK_THROWS_MATCHES(partnerskap::named("–/–"), ku::domain_error,
                         what(Contains("\"–/–\" has only punctuation")));
}

TEST_CASE("an area name read from a file is refused with the text, the file, line and column", "[partnerskap]")
{
    CHECK(partnerskap::parse("Fritid", "bokslut.csv:3:omrade") == "Fritid"_area);
    try {
        (void)partnerskap::parse("Fritid ", "bokslut.csv:3:omrade");
        FAIL("no exception");
    } catch (const ku::parse_error& e) {
        CHECK(e.input() == "Fritid ");
        CHECK(e.where() == "bokslut.csv:3:omrade");
        CHECK_THAT(std::string{e.what()}, Contains("no spaces before or after it"));
    }
    CHECK_THROWS_MATCHES(partnerskap::parse("", "bokslut.csv:4:omrade"), ku::parse_error,
                         what(Contains("bokslut.csv:4:omrade") && Contains("the row has no area name")));
    CHECK_THROWS_MATCHES(partnerskap::parse("-", "bokslut.csv:5:omrade"), ku::parse_error,
                         what(Contains("bokslut.csv:5:omrade") && Contains("has a letter or a digit")));
}

TEST_CASE("every name the id accepts gives a non-empty id of lower case letters, digits and single dashes",
          "[partnerskap][property]")
{
    const std::string alphabet = "abcXYZ09 -/.,åäöÅÄÖé";
    std::mt19937_64 random{2023};
    for (int trial = 0; trial < 2'000; ++trial) {
        std::string name;
        const auto length = std::uniform_int_distribution<int>{1, 12}(random);
        for (int i = 0; i < length; ++i) {
            // Whole UTF-8 characters: pick a position that starts one.
            std::size_t at = std::uniform_int_distribution<std::size_t>{0, alphabet.size() - 1}(random);
            while ((static_cast<unsigned char>(alphabet[at]) & 0xC0U) == 0x80U) {
                --at;
            }
            const std::size_t width = (static_cast<unsigned char>(alphabet[at]) & 0x80U) != 0 ? 2 : 1;
            name += alphabet.substr(at, width);
        }
        INFO(name);
        const std::string id = partnerskap::id_of(name);
        CHECK(id.find("--") == std::string::npos);
        if (!id.empty()) {
            CHECK(id.front() != '-');
            CHECK(id.back() != '-');
            CHECK(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
            CHECK(partnerskap::id_of(id) == id); // an id names its own area
        }
    }
}
