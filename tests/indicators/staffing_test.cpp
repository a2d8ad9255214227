// Staffing: årsarbetare exact to two decimals, read and written the Swedish way, and the table
// by form of employment and by financing whose parts always sum exactly to its totals.

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "ku/core/error.hpp"
#include "ku/core/ratio.hpp"
#include "ku/indicators/staffing.hpp"
#include "../support/random.hpp"

namespace {

using ku::arsarbetare;
using ku::employment_form;
using ku::staff_financing;
using ku::staffing_table;

using ku::test::int64_max;
using ku::test::uniform;

} // namespace

// ---------------------------------------------------------------------------------------------
// Årsarbetare

TEST_CASE("årsarbetare are read with a comma or a point and kept in hundredths", "[staffing]")
{
    REQUIRE(arsarbetare::parse("45,30").in_hundredths() == 4'530);
    REQUIRE(arsarbetare::parse("25.50").in_hundredths() == 2'550);
    REQUIRE(arsarbetare::parse("19,8").in_hundredths() == 1'980);
    REQUIRE(arsarbetare::parse("3").in_hundredths() == 300);
    REQUIRE(arsarbetare::parse("0,05").in_hundredths() == 5);
    REQUIRE(arsarbetare::parse(" 12,75 ").in_hundredths() == 1'275);
    REQUIRE(arsarbetare::parse("-1,25").in_hundredths() == -125);
    REQUIRE(arsarbetare::parse("\u22121,25").in_hundredths() == -125);
    REQUIRE(arsarbetare::parse("+2,00").in_hundredths() == 200);
    REQUIRE(arsarbetare::parse("1 234,50").in_hundredths() == 123'450);
    REQUIRE(arsarbetare::parse("1\u00A0234,50").in_hundredths() == 123'450);
    REQUIRE(arsarbetare::parse("45,30") == arsarbetare::hundredths(4'530));
    REQUIRE(arsarbetare::whole(45) == arsarbetare::parse("45,00"));
}

TEST_CASE("årsarbetare are written with two decimals and a comma", "[staffing]")
{
    REQUIRE(ku::to_string(arsarbetare::hundredths(4'530)) == "45,30");
    REQUIRE(ku::to_string(arsarbetare::hundredths(2'550)) == "25,50");
    REQUIRE(ku::to_string(arsarbetare::hundredths(5)) == "0,05");
    REQUIRE(ku::to_string(arsarbetare{}) == "0,00");
    REQUIRE(ku::to_string(arsarbetare::hundredths(-125)) == "-1,25");
    REQUIRE(ku::to_string(arsarbetare::hundredths(123'450)) == "1 234,50");
    REQUIRE(ku::to_string(arsarbetare::hundredths(int64_max)) == "92 233 720 368 547 758,07");
}

TEST_CASE("45,30 årsarbetare are 25,50 financed by the kommuner plus 19,80 by external funds",
          "[staffing]")
{
    const arsarbetare kommunal = arsarbetare::parse("25,50");
    const arsarbetare external = arsarbetare::parse("19,80");
    REQUIRE(kommunal + external == arsarbetare::parse("45,30"));
    REQUIRE(ku::to_string(kommunal + external) == "45,30");
    REQUIRE(arsarbetare::parse("45,30") - external == kommunal);
    REQUIRE(ku::ratio_of(external, kommunal + external) == ku::ratio{66, 151});
}

TEST_CASE("årsarbetare compare and accumulate exactly", "[staffing]")
{
    arsarbetare a = arsarbetare::parse("1,10");
    a += arsarbetare::parse("2,20");
    REQUIRE(a == arsarbetare::parse("3,30")); // exact: no 3,3000000000000003
    a -= arsarbetare::parse("0,30");
    REQUIRE(a == arsarbetare::whole(3));
    REQUIRE(arsarbetare::parse("19,80") < arsarbetare::parse("25,50"));
    REQUIRE(-arsarbetare::parse("1,25") == arsarbetare::parse("-1,25"));
    REQUIRE(arsarbetare::parse("0,10").as_ratio() == ku::ratio{1, 10});
}

TEST_CASE("more than two decimals is a parse error at the third decimal", "[staffing][error]")
{
    REQUIRE_THROWS_AS(arsarbetare::parse("45,305"), ku::parse_error);
    REQUIRE_THROWS_WITH(arsarbetare::parse("45,305", "personal.csv:4:tillsvidare"),
                        Catch::Contains("\"45,305\"") &&
                            Catch::Contains("personal.csv:4:tillsvidare") &&
                            Catch::Contains("position 6") &&
                            Catch::Contains("more than two decimals"));
    try {
        (void)arsarbetare::parse("45,300");
        FAIL("45,300 was accepted");
    } catch (const ku::parse_error& e) {
        REQUIRE(e.position() == 6);
        REQUIRE(e.input() == "45,300");
    }
}

TEST_CASE("malformed årsarbetare are parse errors naming the text and position",
          "[staffing][error]")
{
    REQUIRE_THROWS_AS(arsarbetare::parse(""), ku::parse_error);
    REQUIRE_THROWS_WITH(arsarbetare::parse("  ", "personal.csv:2"),
                        Catch::Contains("personal.csv:2") && Catch::Contains("empty"));
    REQUIRE_THROWS_WITH(arsarbetare::parse("45,"),
                        Catch::Contains("\"45,\"") &&
                            Catch::Contains("expected a digit after the decimal separator"));
    REQUIRE_THROWS_WITH(arsarbetare::parse("abc"),
                        Catch::Contains("position 1") && Catch::Contains("expected a digit"));
    REQUIRE_THROWS_WITH(arsarbetare::parse("45,30 åa"),
                        Catch::Contains("position 7") && Catch::Contains("unexpected 'å'"));
    REQUIRE_THROWS_WITH(arsarbetare::parse("12 34,5"),
                        Catch::Contains("position 4") && Catch::Contains("grouped in threes"));
    REQUIRE_THROWS_WITH(arsarbetare::parse("1234 567"),
                        Catch::Contains("position 1") && Catch::Contains("grouped in threes"));
    REQUIRE_THROWS_AS(arsarbetare::parse("--1"), ku::parse_error);
    REQUIRE_THROWS_AS(arsarbetare::parse("45,3,0"), ku::parse_error);
    REQUIRE_THROWS_AS(arsarbetare::parse(",5"), ku::parse_error);
}

TEST_CASE("årsarbetare beyond the 64-bit range are an overflow error, never wrapped",
          "[staffing][error]")
{
    REQUIRE(arsarbetare::parse("92233720368547758,07").in_hundredths() == int64_max);
    REQUIRE_THROWS_AS(arsarbetare::parse("92233720368547758,08"), ku::overflow_error);
    REQUIRE_THROWS_WITH(arsarbetare::parse("99999999999999999999", "personal.csv:9"),
                        Catch::Contains("\"99999999999999999999\"") &&
                            Catch::Contains("personal.csv:9"));
    REQUIRE_THROWS_AS(arsarbetare::hundredths(int64_max) + arsarbetare::hundredths(1),
                      ku::overflow_error);
    REQUIRE_THROWS_WITH(arsarbetare::hundredths(int64_max) + arsarbetare::hundredths(1),
                        Catch::Contains("årsarbetare + årsarbetare"));
    REQUIRE_THROWS_AS(-arsarbetare::hundredths(int64_max) - arsarbetare::hundredths(1),
                      ku::overflow_error);
    REQUIRE_THROWS_AS(arsarbetare::whole(int64_max / 10), ku::overflow_error);
    REQUIRE_THROWS_AS(arsarbetare::hundredths(std::numeric_limits<std::int64_t>::min()),
                      ku::overflow_error);
}

TEST_CASE("a share of zero årsarbetare is a domain error", "[staffing][error]")
{
    REQUIRE_THROWS_AS(ku::ratio_of(arsarbetare::parse("1,00"), arsarbetare{}), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::ratio_of(arsarbetare::parse("1,00"), arsarbetare{}),
                        Catch::Contains("the whole is 0,00") && Catch::Contains("1,00"));
}

// ---------------------------------------------------------------------------------------------
// Forms of employment and financing

TEST_CASE("forms of employment and kinds of financing read and write their Swedish names",
          "[staffing]")
{
    REQUIRE(ku::to_string(employment_form::tjanstekop) == "tjänsteköp");
    REQUIRE(ku::to_string(employment_form::tillsvidare) == "tillsvidare");
    REQUIRE(ku::to_string(employment_form::visstid) == "visstid");
    for (const employment_form form : ku::employment_forms) {
        REQUIRE(ku::parse_employment_form(ku::to_string(form)) == form);
    }
    REQUIRE(ku::parse_employment_form("tjanstekop") == employment_form::tjanstekop);
    REQUIRE(ku::to_string(staff_financing::kommunal) == "kommunal");
    REQUIRE(ku::to_string(staff_financing::external) == "extern");
    for (const staff_financing financing : ku::staff_financings) {
        REQUIRE(ku::parse_staff_financing(ku::to_string(financing)) == financing);
    }
}

TEST_CASE("an unknown form of employment or financing is a lookup error naming it",
          "[staffing][error]")
{
    REQUIRE_THROWS_AS(ku::parse_employment_form("konsult"), ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::parse_employment_form("konsult", "personal.csv:3:form"),
                        Catch::Contains("\"konsult\"") &&
                            Catch::Contains("personal.csv:3:form") &&
                            Catch::Contains("tjänsteköp, tillsvidare or visstid"));
    REQUIRE_THROWS_AS(ku::parse_staff_financing("staten"), ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::parse_staff_financing("staten", "personal.csv:3:finansiering"),
                        Catch::Contains("\"staten\"") &&
                            Catch::Contains("personal.csv:3:finansiering") &&
                            Catch::Contains("kommunal or extern"));
}

// ---------------------------------------------------------------------------------------------
// The staffing table

TEST_CASE("a staffing table of 45,30 årsarbetare splits 25,50 kommunal and 19,80 external",
          "[staffing]")
{
    staffing_table table;
    table.add(employment_form::tillsvidare, staff_financing::kommunal, arsarbetare::parse("18,50"));
    table.add(employment_form::tjanstekop, staff_financing::kommunal, arsarbetare::parse("7,00"));
    table.add(employment_form::tillsvidare, staff_financing::external, arsarbetare::parse("12,30"));
    table.add(employment_form::visstid, staff_financing::external, arsarbetare::parse("7,50"));

    REQUIRE(table.total(staff_financing::kommunal) == arsarbetare::parse("25,50"));
    REQUIRE(table.total(staff_financing::external) == arsarbetare::parse("19,80"));
    REQUIRE(table.total() == arsarbetare::parse("45,30"));
    REQUIRE(ku::to_string(table.total()) == "45,30");
    REQUIRE(table.total(employment_form::tillsvidare) == arsarbetare::parse("30,80"));
    REQUIRE(table.total(employment_form::tjanstekop) == arsarbetare::parse("7,00"));
    REQUIRE(table.total(employment_form::visstid) == arsarbetare::parse("7,50"));
    REQUIRE(table.at(employment_form::visstid, staff_financing::kommunal) == arsarbetare{});
}

TEST_CASE("adding to a cell of the staffing table accumulates", "[staffing]")
{
    staffing_table table;
    REQUIRE(table.total() == arsarbetare{});
    table.add(employment_form::visstid, staff_financing::external, arsarbetare::parse("0,50"));
    table.add(employment_form::visstid, staff_financing::external, arsarbetare::parse("0,75"));
    REQUIRE(table.at(employment_form::visstid, staff_financing::external) ==
            arsarbetare::parse("1,25"));
    REQUIRE_FALSE(table == staffing_table{});
}

TEST_CASE("a negative count in the staffing table is a domain error naming the cell",
          "[staffing][error]")
{
    staffing_table table;
    REQUIRE_THROWS_AS(table.add(employment_form::visstid, staff_financing::kommunal,
                                arsarbetare::parse("-0,50")),
                      ku::domain_error);
    REQUIRE_THROWS_WITH(table.add(employment_form::visstid, staff_financing::kommunal,
                                  arsarbetare::parse("-0,50")),
                        Catch::Contains("-0,50") && Catch::Contains("visstid, kommunal") &&
                            Catch::Contains("cannot be negative"));
    REQUIRE(table == staffing_table{});
}

TEST_CASE("a staffing table whose total would overflow throws and stays as it was",
          "[staffing][error]")
{
    staffing_table table;
    table.add(employment_form::tjanstekop, staff_financing::kommunal,
              arsarbetare::hundredths(int64_max - 10));
    REQUIRE_THROWS_AS(table.add(employment_form::visstid, staff_financing::external,
                                arsarbetare::hundredths(11)),
                      ku::overflow_error);
    REQUIRE(table.total() == arsarbetare::hundredths(int64_max - 10));
    table.add(employment_form::visstid, staff_financing::external, arsarbetare::hundredths(10));
    REQUIRE(table.total() == arsarbetare::hundredths(int64_max));
}

TEST_CASE("the parts of a staffing table always sum to its totals", "[staffing][property]")
{
    std::mt19937_64 rng{20260201};
    for (int trial = 0; trial < 1'000; ++trial) {
        staffing_table table;
        std::int64_t expected = 0;
        const auto additions = uniform(rng, 0, 20);
        for (std::int64_t i = 0; i < additions; ++i) {
            const auto form = ku::employment_forms[static_cast<std::size_t>(uniform(rng, 0, 2))];
            const auto financing =
                ku::staff_financings[static_cast<std::size_t>(uniform(rng, 0, 1))];
            const std::int64_t h = uniform(rng, 0, 10'000);
            table.add(form, financing, arsarbetare::hundredths(h));
            expected += h;
        }
        REQUIRE(table.total().in_hundredths() == expected);
        arsarbetare by_form{};
        for (const employment_form form : ku::employment_forms) {
            by_form += table.total(form);
        }
        arsarbetare by_financing{};
        for (const staff_financing financing : ku::staff_financings) {
            by_financing += table.total(financing);
        }
        arsarbetare by_cell{};
        for (const employment_form form : ku::employment_forms) {
            arsarbetare row{};
            for (const staff_financing financing : ku::staff_financings) {
                row += table.at(form, financing);
                by_cell += table.at(form, financing);
            }
            REQUIRE(row == table.total(form));
        }
        REQUIRE(by_form == table.total());
        REQUIRE(by_financing == table.total());
        REQUIRE(by_cell == table.total());
        REQUIRE(table.total(staff_financing::kommunal) + table.total(staff_financing::external) ==
                table.total());
    }
}

TEST_CASE("every number of årsarbetare written out reads back to itself", "[staffing][property]")
{
    std::mt19937_64 rng{20260202};
    for (int trial = 0; trial < 5'000; ++trial) {
        const std::int64_t h = trial % 3 == 0 ? uniform(rng, -100'000, 100'000)
                                              : uniform(rng, -int64_max, int64_max);
        const arsarbetare a = arsarbetare::hundredths(h);
        REQUIRE(arsarbetare::parse(ku::to_string(a)) == a);
    }
}
