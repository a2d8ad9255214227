// Price index series and tables of amounts read from CSV, and a price conversion as a report:
// years are four digits, index values exact and positive, every fault named by file, line and
// column.

#include <chrono>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/io/price_io.hpp"
#include "ku/io/render.hpp"
#include "ku/io/tables.hpp"

namespace {

using ku::money;
using ku::test::what;
using Catch::Contains;
using std::chrono::year;

ku::csv_table index_csv(const std::string& text, const std::string& source = "index.csv")
{
    std::istringstream input{text};
    return ku::read_csv(input, source);
}

const std::string index_text = "year,index\n2016,\"310,25\"\n2025,400\n2026,408.00\n";

} // namespace

TEST_CASE("an index series is read exactly, in year order, under its name", "[price_io]")
{
    const ku::price_index index = ku::read_price_index(index_csv(index_text), "KPI");
    CHECK(index.name() == "KPI");
    REQUIRE(index.entries().size() == 3);
    CHECK(index.at(year{2016}) == ku::ratio{31'025, 100});
    CHECK(index.at(year{2026}) == ku::ratio::whole(408));
    // The Swedish heading "ar" is read as the year column too.
    CHECK(ku::read_price_index(index_csv("ar,index\n2016,100\n"), "").at(year{2016}) == ku::ratio::whole(100));
}

TEST_CASE("a bad index file is refused naming file, line and column", "[price_io][bad_input]")
{
    CHECK_THROWS_MATCHES(ku::read_price_index(index_csv("year,index\n16,100\n"), "KPI"), ku::parse_error,
                         what(Contains("index.csv:2:year") && Contains("a year is four digits")));
    CHECK_THROWS_MATCHES(ku::read_price_index(index_csv("year,index\n2016,tio\n"), "KPI"), ku::parse_error,
                         what(Contains("index.csv:2:index")));
    CHECK_THROWS_MATCHES(ku::read_price_index(index_csv("year,index\n2016,0\n"), "KPI"), ku::domain_error,
                         what(Contains("index.csv:2:index: the index value 0 is not positive")));
    CHECK_THROWS_MATCHES(ku::read_price_index(index_csv("year,index\n2016,100\n2016,101\n"), "KPI"), ku::domain_error,
                         what(Contains("index.csv:3:year: the year 2016 is given twice (first on line 2)")));
    CHECK_THROWS_MATCHES(ku::read_price_index(index_csv("year,value\n2016,100\n"), "KPI"), ku::lookup_error,
                         what(Contains("index")));
}

TEST_CASE("a table of amounts keeps its labels, its columns and its blank cells", "[price_io]")
{
    const ku::amount_table table =
        ku::read_amount_table(index_csv("Post,Grund,Projekt\nSocial välfärd,1 583 550,\nFritid,\"12 345,50\",1 000\n",
                                  "avgifter.csv"),
                              ku::unit::kr);
    CHECK(table.label_heading == "Post");
    CHECK(table.columns == std::vector<std::string>{"Grund", "Projekt"});
    CHECK(table.labels == std::vector<std::string>{"Social välfärd", "Fritid"});
    CHECK(table.cell(0, 0) == money::kr(1'583'550));
    CHECK_FALSE(table.cell(0, 1).has_value());
    CHECK(table.cell(1, 0) == money::ore(1'234'550));
    CHECK_THROWS_MATCHES(ku::read_amount_table(index_csv("Post\nA\n", "avgifter.csv"), ku::unit::kr), ku::lookup_error,
                         what(Contains("avgifter.csv:1") && Contains("at least one column of amounts")));
    CHECK_THROWS_MATCHES(ku::read_amount_table(index_csv("Post,Grund\nA,12 x\n", "avgifter.csv"), ku::unit::kr),
                         ku::parse_error, what(Contains("avgifter.csv:2:Grund")));
    CHECK_THROWS_MATCHES(ku::read_amount_table(index_csv("Post,Grund\n,12\n", "avgifter.csv"), ku::unit::kr),
                         ku::parse_error, what(Contains("avgifter.csv:2:Post") && Contains("no label")));
}

TEST_CASE("a conversion's report has one column per price level and notes with the index and factors",
          "[price_io][report]")
{
    const ku::price_index index = ku::read_price_index(index_csv(index_text), "KPI");
    const ku::amount_table amounts{
        .label_heading = "Post", .columns = {"Belopp"}, .labels = {"Belopp"}, .cells = {money::kr(1'000'000)}};
    const ku::price_conversion conversion = ku::convert_table(amounts, year{2016}, {year{2025}}, std::nullopt, index,
                                                              ku::rounding_mode::half_up, ku::unit::kr);
    const std::string text = ku::render_csv(ku::to_report(conversion), ku::csv_convention::plain);
    // 1 000 000 × 400 / 310,25 = 1 289 282,836… kr: 1 289 283 kr.
    CHECK(text == "post,belopp_2016,belopp_2025\nBelopp,1000000,1289283\n");
    const ku::report report = ku::to_report(conversion);
    REQUIRE(report.sheets.size() == 1);
    REQUIRE(report.sheets[0].notes.size() == 2);
    CHECK(report.sheets[0].notes[0] == "KPI: 2016 = 310,25, 2025 = 400. Faktor 2025/2016 = 1600/1241 ≈ 1,289283.");
    CHECK(report.sheets[0].notes[1] == "Varje belopp räknas om exakt och avrundas för sig till hela kr (halvt uppåt).");
}
