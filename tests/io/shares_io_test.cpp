// Reading funding amounts and published percent tables from CSV (every kind of bad input names
// the file, line and column), and writing the percent table and the share findings as Swedish
// text and as JSON with exact decimal strings.

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/json_io.hpp"
#include "ku/io/render.hpp"
#include "ku/io/shares_io.hpp"
#include "ku/io/tables.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/share_audit.hpp"
#include "../support/fixtures.hpp"

using Catch::Contains;
using Catch::Equals;
using Catch::Matches;
using ku::money;
using ku::funding_kind;
using ku::unit;

namespace {

using namespace ku::literals;

using ku::test::what;

ku::csv_table financing_csv(const std::string& text, const std::string& source = "finansiering.csv")
{
    std::istringstream input{text};
    return ku::read_csv(input, source);
}

using ku::test::kr;

} // namespace

TEST_CASE("funding amounts are read the Swedish or the plain way, blank as zero, with an optional group",
          "[shares][io]")
{
    const std::vector<ku::area_funding> areas =
        ku::read_area_funding(financing_csv("omrade,grupp,utfall,kommunerna,staten,ovriga\n"
                                  "Ledning och stab,,4 200 000,4 200 000,,\n"
                                  "Nära vård,projektverksamhet,\"1 700 000,50\",,35000000.25,\n"
                                  "ESF Digitalisering,projektverksamhet,2 500 tkr,500 000 kr,−0,\"2 000 000\"\n"));
    REQUIRE(areas.size() == 3);
    CHECK(areas[0].area.name() == "Ledning och stab");
    CHECK_FALSE(areas[0].group.has_value());
    CHECK(areas[0].utfall == kr(4'200'000));
    CHECK(areas[0].by_kind[funding_kind::kommunerna] == kr(4'200'000));
    CHECK(areas[0].by_kind[funding_kind::staten] == money{});
    CHECK(areas[1].group == std::optional<std::string>{"projektverksamhet"});
    CHECK(areas[1].utfall == money::ore(170'000'050));
    CHECK(areas[1].by_kind[funding_kind::staten] == money::ore(3'500'000'025));
    CHECK(areas[2].utfall == kr(2'500'000));
    CHECK(areas[2].by_kind[funding_kind::kommunerna] == kr(500'000));
    CHECK(areas[2].by_kind[funding_kind::ovriga] == kr(2'000'000));
    CHECK(areas[2].received() == kr(2'500'000));
}

TEST_CASE("funding amounts in tkr give the same shares as the same amounts in kr", "[shares][io]")
{
    const std::vector<ku::area_funding> in_tkr =
        ku::read_area_funding(financing_csv("omrade,utfall,staten,kommunerna\n"
                                  "Barnahus,\"1 700,5\",35,\"1,5\"\n"),
                              unit::tkr);
    REQUIRE(in_tkr.size() == 1);
    CHECK(in_tkr[0].utfall == kr(1'700'500));
    // The columns may come in any order, and a source may be left out.
    CHECK(in_tkr[0].by_kind[funding_kind::kommunerna] == kr(1'500));
    CHECK(in_tkr[0].by_kind[funding_kind::staten] == kr(35'000));
    CHECK(in_tkr[0].by_kind[funding_kind::ovriga] == money{});
}

TEST_CASE("an unknown source column in the funding CSV is a lookup error naming the file and the column",
          "[shares][io][errors]")
{
    CHECK_THROWS_MATCHES(ku::read_area_funding(financing_csv("omrade,utfall,kommunerna,regionen\n"
                                                   "Barnahus,100,50,50\n",
                                                   "finansiering_2023.csv")),
                         ku::lookup_error,
                         what(Contains("finansiering_2023.csv:1") && Contains("unknown source column \"regionen\"")));
}

TEST_CASE("a funding CSV without area, outcome or any source column is a lookup error naming the file",
          "[shares][io][errors]")
{
    CHECK_THROWS_MATCHES(ku::read_area_funding(financing_csv("omrade,kommunerna\nBarnahus,100\n")), ku::lookup_error,
                         what(Contains("finansiering.csv") && Contains("no column \"utfall\"")));
    CHECK_THROWS_MATCHES(ku::read_area_funding(financing_csv("utfall,kommunerna\n100,100\n")), ku::lookup_error,
                         what(Contains("no column \"omrade\"")));
    CHECK_THROWS_MATCHES(ku::read_area_funding(financing_csv("omrade,utfall\nBarnahus,100\n")), ku::lookup_error,
                         what(Contains("finansiering.csv:1: no source column")));
}

TEST_CASE("a malformed amount is a parse error naming file:line:column and the text", "[shares][io][errors]")
{
    try {
        (void)ku::read_area_funding(financing_csv("omrade,utfall,kommunerna,staten\n"
                                        "Barnahus,100,50,50\n"
                                        "Nära vård,1 700 000,,35 OOO\n",
                                        "finansiering_2023.csv"));
        FAIL("no parse error");
    } catch (const ku::parse_error& e) {
        CHECK(e.where() == "finansiering_2023.csv:3:staten");
        CHECK(e.input() == "35 OOO");
        CHECK(e.position() == 4);
        CHECK_THAT(std::string{e.what()}, Contains("cannot read \"35 OOO\" (finansiering_2023.csv:3:staten)"));
    }
}

TEST_CASE("a row without an area name is a parse error naming file, line and column", "[shares][io][errors]")
{
    CHECK_THROWS_MATCHES(ku::read_area_funding(financing_csv("omrade,utfall,kommunerna\n"
                                                   "Barnahus,100,100\n"
                                                   ",100,100\n")),
                         ku::parse_error, what(Contains("finansiering.csv:3:omrade") && Contains("no area name")));
}

TEST_CASE("a duplicate area in a funding CSV is refused by the reader, naming the file and both lines",
          "[shares][io][errors]")
{
    CHECK_THROWS_MATCHES(ku::read_area_funding(financing_csv("omrade,utfall,kommunerna\n"
                                                   "Barnahus,100,100\n"
                                                   "Barnahus,200,200\n")),
                         ku::domain_error,
                         what(Equals("finansiering.csv:3:omrade: area \"Barnahus\" appears twice (first on line 2)")));
}

TEST_CASE("reading a published percent table: its total, its group, its decimals, and its bad cells",
          "[shares][io]")
{
    const ku::published_share_table table =
        ku::read_published_shares(financing_csv("omrade,grupp,andel_av_utfall,kommunerna,staten,ovriga\n"
                                      "Nära vård,projektverksamhet,\"34,8\",\"0,25\",\"99,75\",0\n"
                                      "Fritid,,\"65,2\",100,,0\n"
                                      "projektverksamhet,,\"34,8\",\"0,25\",\"99,75\",0\n"
                                      "Summa,,100,\"65,3\",\"34,7\",0\n",
                                      "andelar.csv"));
    CHECK(table.source == "andelar.csv");
    REQUIRE(table.rows.size() == 4);
    CHECK(table.rows[0].andel_av_utfall == ku::exact_share{348, 10});
    CHECK(table.rows[0].decimals == 2);
    CHECK(table.rows[0].line == 2);
    CHECK(table.rows[1].decimals == 1);
    CHECK_FALSE(table.rows[1].by_kind[funding_kind::staten].has_value());
    CHECK(table.rows[2].is_group);
    CHECK(table.rows[3].is_total);
    CHECK(table.rows[3].line == 5);
}

TEST_CASE("a published percent table with a bad cell, an unknown column or a row twice is refused",
          "[shares][io][errors]")
{
    CHECK_THROWS_MATCHES(ku::read_published_shares(financing_csv("omrade,andel_av_utfall,kommunerna,staten,ovriga\n"
                                                       "Fritid,100,\"5x\",50,50\n",
                                                       "andelar.csv")),
                         ku::parse_error, what(Contains("andelar.csv:2:kommunerna")));
    CHECK_THROWS_MATCHES(ku::read_published_shares(financing_csv("omrade,andel_av_utfall,kommunerna,staten,ovriga\n"
                                                       "Fritid,100,110,0,0\n",
                                                       "andelar.csv")),
                         ku::parse_error, what(Contains("andelar.csv:2:kommunerna") && Contains("between 0 and 100")));
    CHECK_THROWS_MATCHES(ku::read_published_shares(financing_csv("omrade,andel_av_utfall,kommunerna,staten,ovriga,regionen\n"
                                                       "Fritid,100,50,50,0,0\n",
                                                       "andelar.csv")),
                         ku::lookup_error, what(Contains("andelar.csv:1: unknown column \"regionen\"")));
    CHECK_THROWS_MATCHES(ku::read_published_shares(financing_csv("omrade,andel_av_utfall,kommunerna,staten\n"
                                                       "Fritid,100,50,50\n",
                                                       "andelar.csv")),
                         ku::lookup_error, what(Contains("no column \"ovriga\"")));
    CHECK_THROWS_MATCHES(ku::read_published_shares(financing_csv("omrade,andel_av_utfall,kommunerna,staten,ovriga\n"
                                                       "Fritid,50,50,50,0\n"
                                                       "Fritid,50,50,50,0\n",
                                                       "andelar.csv")),
                         ku::domain_error, what(Contains("andelar.csv:3:omrade") && Contains("\"Fritid\" appears twice")));
}

TEST_CASE("the percent table as Swedish text: the group row after its areas, the Summa row ruled off, the rule stated",
          "[shares][io][text]")
{
    const std::vector<ku::area_funding> areas =
        ku::read_area_funding(financing_csv("omrade,grupp,utfall,kommunerna,staten,ovriga\n"
                                  "Barnahus,,900,900,,\n"
                                  "Nära vård,projektverksamhet,100,,100,\n"));
    const std::string text = ku::render_text(ku::to_report(ku::to_percent_table(ku::financing_shares(areas))));
    CHECK(text == "Finansiering av utfallet per område och källa\n"
                  "\n"
                  "                                              Utfall  Andel av                               Summa\n"
                  "Område             Grupp              Radtyp    (kr)    utfall  Kommunerna  Staten  Övriga  källor\n"
                  "──────────────────────────────────────────────────────────────────────────────────────────────────\n"
                  "Barnahus                              område     900      90 %       100 %     0 %     0 %   100 %\n"
                  "Nära vård          projektverksamhet  område     100      10 %         0 %   100 %     0 %   100 %\n"
                  "projektverksamhet                     grupp      100      10 %         0 %   100 %     0 %   100 %\n"
                  "──────────────────────────────────────────────────────────────────────────────────────────────────\n"
                  "Summa                                 summa    1 000     100 %        90 %    10 %     0 %   100 %\n"
                  "\n"
                  "Varje rad summerar till exakt 100 % (största rest); andelarna av utfallet likaså.\n");
}

TEST_CASE("the percent table as JSON: every row with exact decimal strings, the group and Summa included",
          "[shares][io][json]")
{
    const std::vector<ku::area_funding> areas =
        ku::read_area_funding(financing_csv("omrade,grupp,utfall,kommunerna,staten,ovriga\n"
                                  "Barnahus,,200,100,100,100\n"
                                  "Nära vård,projektverksamhet,100,,100,\n"));
    const std::string json = ku::percent_table_as_json(ku::to_percent_table(ku::financing_shares(areas), 1));
    CHECK(json == R"({
  "rows": [
    {
      "omrade": "Barnahus",
      "grupp": null,
      "rad_typ": "omrade",
      "andel_av_utfall": "66.7",
      "kommunerna": "33.4",
      "staten": "33.3",
      "ovriga": "33.3"
    },
    {
      "omrade": "Nära vård",
      "grupp": "projektverksamhet",
      "rad_typ": "omrade",
      "andel_av_utfall": "33.3",
      "kommunerna": "0.0",
      "staten": "100.0",
      "ovriga": "0.0"
    },
    {
      "omrade": "projektverksamhet",
      "grupp": null,
      "rad_typ": "grupp",
      "andel_av_utfall": "33.3",
      "kommunerna": "0.0",
      "staten": "100.0",
      "ovriga": "0.0"
    },
    {
      "omrade": "Summa",
      "grupp": null,
      "rad_typ": "summa",
      "andel_av_utfall": "100.0",
      "kommunerna": "22.2",
      "staten": "55.6",
      "ovriga": "22.2"
    }
  ]
}
)");
}

TEST_CASE("share findings as Swedish text name the row, the sum and the tolerance, and a clean table says so",
          "[shares][io][text]")
{
    const ku::published_share_table table =
        ku::read_published_shares(financing_csv("omrade,andel_av_utfall,kommunerna,staten,ovriga\n"
                                      "Social välfärd,60,50,40,10\n"
                                      "Familjehemsresurs,2,54,56,\n"
                                      "Utbildning,38,80,0,20\n"
                                      "Summa,100,61,25,14\n",
                                      "andelar_2022.csv"));
    const std::vector<ku::share_finding> findings = ku::audit_shares(table);
    const std::string text = ku::render_text(ku::to_report(table, findings));
    CHECK_THAT(text, Contains("\nGranskning av andelar_2022.csv: 1 avvikelse\n"
                              "\n"
                              "Typ                           Område             Kolumn  Väntat  Funnet  Differens  Bedömning  Not\n"));
    CHECK_THAT(text, Contains("\nRaden summerar inte till 100  Familjehemsresurs  summa    100 %   110 %       10 %  fel        "
                              "tolerans ±1 procentenhet (2 avrundade celler)\n"));
    CHECK_THAT(ku::render_text(ku::to_report(ku::published_share_table{.source = "andelar_2023.csv", .rows = {}}, {})),
               Catch::EndsWith("\nGranskning av andelar_2023.csv: 0 avvikelser\n"
                               "\n"
                               "Granskning av andelar_2023.csv: inga avvikelser.\n"));
}

TEST_CASE("a published share table as text shows each cell as written, a blank as blank and each row's sum of sources",
          "[shares][io][text]")
{
    const ku::published_share_table table =
        ku::read_published_shares(financing_csv("omrade,andel_av_utfall,kommunerna,staten,ovriga\n"
                                      "Social välfärd,60,50,40,10\n"
                                      "Familjehemsresurs,\"2,5\",54,56,\n"
                                      "Utbildning,38,80,0,20\n"
                                      "Summa,100,61,25,14\n",
                                      "andelar_2022.csv"));
    CHECK(ku::render_text(ku::to_report(table, std::vector<ku::share_finding>{})) ==
          "Publicerad andelstabell: andelar_2022.csv\n"
          "\n"
          "                          Andel av                               Summa\n"
          "Område             Grupp    utfall  Kommunerna  Staten  Övriga  källor\n"
          "──────────────────────────────────────────────────────────────────────\n"
          "Social välfärd                60 %        50 %    40 %    10 %   100 %\n"
          "Familjehemsresurs            2,5 %        54 %    56 %           110 %\n"
          "Utbildning                    38 %        80 %     0 %    20 %   100 %\n"
          "──────────────────────────────────────────────────────────────────────\n"
          "Summa                        100 %        61 %    25 %    14 %   100 %\n"
          "\n"
          "Granskning av andelar_2022.csv: 0 avvikelser\n"
          "\n"
          "Granskning av andelar_2022.csv: inga avvikelser.\n");
    CHECK_THAT(ku::render_text(ku::to_report(ku::published_share_table{.source = "tom.csv", .rows = {}},
                                             std::vector<ku::share_finding>{})),
               Catch::StartsWith("Publicerad andelstabell: tom.csv\n\nTabellen har inga rader.\n\nGranskning av tom.csv"));
}

TEST_CASE("share findings as JSON: kind, area, column and exact decimal strings", "[shares][io][json]")
{
    const ku::published_share_table table =
        ku::read_published_shares(financing_csv("omrade,andel_av_utfall,kommunerna,staten,ovriga\n"
                                      "Barnahus,90,100,0,0\n"
                                      "Nära vård,10,0,100,0\n"
                                      "Summa,100,\"50,5\",\"49,5\",0\n"));
    const std::string json = ku::share_findings_as_json(ku::audit_shares(table));
    CHECK_THAT(json, Contains(R"("kind": "total_mismatch",
      "area": "Summa",
      "column": "kommunerna",
      "expected": "90",
      "found": "50.5",
      "difference": "-39.5",)"));
    CHECK_THAT(json, Matches(R"(^\{\n  "findings": \[\n[\s\S]*\n  \]\n\}\n$)"));
    CHECK(ku::share_findings_as_json({}) == "{\n  \"findings\": []\n}\n");
}
