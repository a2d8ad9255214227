// Reading published balance tables and reorganisation mappings: Swedish amounts, blanks, the
// Summa row, internal rows, rad_typ and överförda medel; every kind of bad input names the file,
// the line and the column. Findings as Swedish text and as JSON in kronor.

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/ratio.hpp"
#include "ku/io/balance_io.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/json_io.hpp"
#include "ku/io/render.hpp"
#include "ku/io/tables.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/ledger/balance.hpp"
#include "ku/ledger/reorganisation.hpp"
#include "../support/fixtures.hpp"

namespace {

using namespace ku::literals;

using ku::balance_column;
using ku::money;
using ku::unit;
using Catch::Contains;

using ku::test::tkr;
using ku::test::social;
using ku::test::social_area;
const std::string balance_header = "omrade,ingaende_balans,erhallna_medel,disponibla_medel,budget_forbrukning,"
                           "utfall_forbrukning,utbetalt_till_kommuner,kvarvarande_medel,varav_statliga_medel\n";
// Three rows of bokslut_2023.csv (lines 2-4 under the header).
const std::string three_rows = "Social välfärd och hälso- och sjukvård,60896,34269,95165,38152,30826,6251,58088,57415\n"
                               "Fritid,565,2596,3161,2100,2301,,860,\n"
                               "Kurs och konferens,,1931,1931,1500,2326,,-395,\n";

ku::csv_table balance_csv(const std::string& text, const std::string& name = "name.csv")
{
    std::istringstream in{text};
    return ku::read_csv(in, name);
}

ku::balance_table table_of(const std::string& text, unit in = unit::tkr)
{
    return ku::read_balance_table(balance_csv(text), in);
}

ku::balance_table bokslut_2023()
{
    return ku::read_balance_table(ku::read_csv_file(KU_DATA_DIR "/bokslut_2023.csv"), unit::tkr);
}

/// Checks that `action` throws E whose message contains every one of `parts`.
template <typename E, typename F>
void check_error(F&& action, const std::vector<std::string>& parts)
{
    try {
        action();
        FAIL("no exception was thrown");
    } catch (const E& e) {
        const std::string what = e.what();
        for (const std::string& part : parts) {
            INFO("message: " << what);
            CHECK_THAT(what, Contains(part));
        }
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Reading

TEST_CASE("bokslut_2023.csv reads as 8 areas in tkr, blanks left blank and lines remembered", "[balance_io]")
{
    const ku::balance_table table = bokslut_2023();
    CHECK_THAT(table.source, Contains("bokslut_2023.csv"));
    REQUIRE(table.rows.size() == 8);
    const ku::balance_row& welfare = table.rows[0];
    CHECK(welfare.area.name() == social);
    CHECK(welfare.line == 2);
    CHECK(welfare.cell(balance_column::ingaende_balans) == tkr(60'896));
    CHECK(welfare.cell(balance_column::kvarvarande_medel) == tkr(58'088));
    CHECK_FALSE(welfare.cell(balance_column::overforda_medel).has_value()); // no such column
    const ku::balance_row& courses = table.rows[7];
    CHECK(courses.area.name() == "Kurs och konferens");
    CHECK(courses.line == 9);
    CHECK_FALSE(courses.cell(balance_column::ingaende_balans).has_value());
    CHECK_FALSE(courses.cell(balance_column::utbetalt_till_kommuner).has_value());
    CHECK(courses.cell(balance_column::kvarvarande_medel) == tkr(-395));
}

TEST_CASE("amounts written the Swedish way, 58 088 and −395 with a minus sign, read as the plain ones", "[balance_io]")
{
    const ku::balance_table swedish = table_of(
        balance_header + "Social välfärd och hälso- och sjukvård,60 896,34 269,95 165,38 152,30 826,6 251,58 088,57 415\n"
                 "Fritid,565,2 596,3 161,2 100,2 301,,860,\n"
                 "Kurs och konferens,,1 931,1 931,1 500,2 326,,−395,\n"
                 "Miljösamverkan,10,\"1 178\",1\u00A0188,1\u202F206,835,,353,\n");
    const ku::balance_table plain = table_of(balance_header + three_rows + "Miljösamverkan,10,1178,1188,1206,835,,353,\n");
    REQUIRE(swedish.rows.size() == plain.rows.size());
    for (std::size_t i = 0; i < plain.rows.size(); ++i) {
        INFO(plain.rows[i].area.name());
        CHECK(swedish.rows[i].cells == plain.rows[i].cells);
    }
    CHECK(swedish.rows[0].cell(balance_column::kvarvarande_medel) == tkr(58'088));
    CHECK(swedish.rows[2].cell(balance_column::kvarvarande_medel) == tkr(-395));
    CHECK(ku::audit_balance(swedish).empty());
}

TEST_CASE("a table in kr reads 58 088 000 as 58 088 tkr, and decimals as exact öre", "[balance_io]")
{
    const ku::balance_table table = table_of(
        balance_header + "Social välfärd och hälso- och sjukvård,60 896 000,34 269 000,95 165 000,38 152 000,30 826 000,"
                 "6 251 000,58 088 000,57 415 000\n"
                 "Fritid,565.25,2596,3161.25,2100,2301,,860.25,\n",
        unit::kr);
    CHECK(table.unit == unit::kr);
    CHECK(table.rows[0].cell(balance_column::kvarvarande_medel) == tkr(58'088));
    CHECK(table.rows[1].cell(balance_column::kvarvarande_medel) == money::ore(86'025));
    CHECK(ku::audit_balance(table).empty());
}

TEST_CASE("a row named Summa is the total and a row starting Härav or härav is internal", "[balance_io]")
{
    const ku::balance_table table =
        table_of(balance_header + three_rows +
                 "Ledning och stab,0,3500,3500,3500,3500,,0,\n"
                 "Härav ledning/stab finansierat från områdena ovan,,-1730,-1730,,-1730,,0,\n"
                 "härav projektledning,,-100,-100,,-100,,0,\n"
                 "Summa,61461,40466,101927,45252,37123,6251,58553,57415\n");
    REQUIRE(table.rows.size() == 7);
    CHECK(table.rows[3].kind == ku::row_kind::omrade);
    CHECK(table.rows[4].kind == ku::row_kind::intern);
    CHECK(table.rows[5].kind == ku::row_kind::intern);
    CHECK(table.rows[6].kind == ku::row_kind::summa);
    CHECK(table.find("Summa"_area) == nullptr); // the total is no area
    CHECK(ku::audit_balance(table).empty());
}

TEST_CASE("rad_typ overrides what the area's name suggests", "[balance_io]")
{
    const ku::balance_table table =
        table_of("omrade,rad_typ,ingaende_balans,erhallna_medel,disponibla_medel,budget_forbrukning,"
                 "utfall_forbrukning,utbetalt_till_kommuner,kvarvarande_medel,varav_statliga_medel\n"
                 "Fritid,,565,2596,3161,2100,2301,,860,\n"
                 "Härav-projektet Fritid 2.0,omrade,0,100,100,,100,,0,\n"
                 "Ledningens finansiering från områdena,intern,,-50,-50,,-50,,0,\n"
                 "Summa,omrade,0,10,10,,10,,0,\n"
                 "Totalt,summa,565,2656,3221,2100,2361,,860,\n");
    REQUIRE(table.rows.size() == 5);
    CHECK(table.rows[0].kind == ku::row_kind::omrade);
    CHECK(table.rows[1].kind == ku::row_kind::omrade);
    CHECK(table.rows[2].kind == ku::row_kind::intern);
    CHECK(table.rows[3].kind == ku::row_kind::omrade);
    CHECK(table.rows[4].kind == ku::row_kind::summa);
    CHECK(ku::audit_balance(table).empty());

    const ku::balance_period ledger = ku::to_ledger(table, ku::period::year(std::chrono::year{2023}));
    REQUIRE(ledger.entries.size() == 4);
    CHECK(ledger.entries[2].internal);
    CHECK(ledger.gross_total(balance_column::erhallna_medel) == tkr(2'596 + 100 + 10));
    CHECK(ledger.net_total(balance_column::erhallna_medel) == tkr(2'596 + 100 - 50 + 10));
}

TEST_CASE("överförda medel, when the table has the column, is taken from what remains", "[balance_io]")
{
    const std::string with_transfers =
        "omrade,ingaende_balans,erhallna_medel,disponibla_medel,budget_forbrukning,utfall_forbrukning,"
        "utbetalt_till_kommuner,overforda_medel,kvarvarande_medel,varav_statliga_medel\n";
    const ku::balance_table table = table_of(with_transfers + "Fritid,565,2596,3161,2100,2301,,300,560,\n");
    CHECK(table.rows[0].cell(balance_column::overforda_medel) == tkr(300));
    CHECK(ku::audit_balance(table).empty());
    const ku::balance_period ledger = ku::to_ledger(table, ku::period::year(std::chrono::year{2023}));
    CHECK(ledger.entries[0].kvarvarande_medel() == tkr(560));

    // The published 860 leaves the 300 tkr transferred out.
    const ku::balance_table forgot = table_of(with_transfers + "Fritid,565,2596,3161,2100,2301,,300,860,\n");
    const auto findings = ku::audit_balance(forgot);
    REQUIRE(findings.size() == 4); // the identity, then the three cells that each mend it alone
    CHECK(findings[1].kind == ku::finding_kind::wrong_cell);
    CHECK(findings[0].kind == ku::finding_kind::identity_broken);
    CHECK(findings[0].column == balance_column::kvarvarande_medel);
    CHECK(findings[0].expected == tkr(560));
    CHECK(findings[0].found == tkr(860));
    CHECK(findings[0].difference == tkr(300));
}

TEST_CASE("the columns may come in any order", "[balance_io]")
{
    const ku::balance_table table =
        table_of("omrade,varav_statliga_medel,kvarvarande_medel,utbetalt_till_kommuner,utfall_forbrukning,"
                 "budget_forbrukning,disponibla_medel,erhallna_medel,ingaende_balans\n"
                 "Nära vård,33088,33088,69250,1658,1900,103996,38709,65287\n");
    CHECK(table.rows[0].cell(balance_column::ingaende_balans) == tkr(65'287));
    CHECK(table.rows[0].cell(balance_column::varav_statliga_medel) == tkr(33'088));
    CHECK(ku::audit_balance(table).empty());
}

// ---------------------------------------------------------------------------------------------
// Bad tables

TEST_CASE("a malformed amount is a parse error naming file, line and column", "[balance_io][bad_input]")
{
    const std::string text = GENERATE(as<std::string>{}, "33 O88", "33088x", "--33088", "3 3088", "1.000001", "tkr");
    const std::string bad_row = "Nära vård,65287,38709,103996,1900,1658,69250," + text + ",33088\n";
    try {
        (void)table_of(balance_header + "Fritid,565,2596,3161,2100,2301,,860,\n" + bad_row);
        FAIL("no exception for " << text);
    } catch (const ku::parse_error& e) {
        CHECK(e.where() == "name.csv:3:kvarvarande_medel");
        CHECK(e.input() == text);
        CHECK_THAT(std::string{e.what()}, Contains("name.csv:3:kvarvarande_medel"));
    }
}

TEST_CASE("an unknown column is a lookup error naming the file, line 1 and the column", "[balance_io][bad_input]")
{
    check_error<ku::lookup_error>(
        [] { (void)table_of("omrade,ingaende_balans,erhallna_medel,disponibla_medel,budget_forbrukning,"
                            "utfall_forbrukning,utbetalt_till_kommuner,kvarvarande,varav_statliga_medel\n"); },
        {"name.csv:1", "unknown column \"kvarvarande\""});
}

TEST_CASE("a column named twice is a parse error naming the file, line 1 and the column", "[balance_io][bad_input]")
{
    try {
        (void)table_of(balance_header.substr(0, balance_header.size() - 1) + ",erhallna_medel\n");
        FAIL("no exception");
    } catch (const ku::parse_error& e) {
        CHECK(e.where() == "name.csv:1");
        CHECK(e.input() == "erhallna_medel");
        CHECK_THAT(std::string{e.what()}, Contains("appears twice"));
    }
}

TEST_CASE("a missing required column is a lookup error naming the file and the column", "[balance_io][bad_input]")
{
    check_error<ku::lookup_error>(
        [] { (void)table_of("omrade,ingaende_balans,erhallna_medel,disponibla_medel,budget_forbrukning,"
                            "utfall_forbrukning,utbetalt_till_kommuner,kvarvarande_medel\n"); },
        {"name.csv:1", "\"varav_statliga_medel\" is missing"});
    CHECK_THROWS_AS(table_of("omrade\nFritid\n"), ku::parse_error);
}

TEST_CASE("an area twice is a domain error naming the file, the line of the second and the area",
          "[balance_io][bad_input]")
{
    check_error<ku::domain_error>([] { (void)table_of(balance_header + three_rows + "Fritid,0,1,1,,1,,0,\n"); },
                                  {"name.csv:5:omrade", "area \"Fritid\" appears twice (first on line 3)"});
    // The same area spelt another way: the id decides.
    check_error<ku::domain_error>([] { (void)table_of(balance_header + three_rows + "FRITID,0,1,1,,1,,0,\n"); },
                                  {"name.csv:5:omrade", "area \"FRITID\" appears twice (first on line 3)"});
}

TEST_CASE("an area name with spaces around it or without a letter is a parse error naming file, line and column",
          "[balance_io][bad_input]")
{
    check_error<ku::parse_error>([] { (void)table_of(balance_header + "\"Fritid \",565,2596,3161,2100,2301,,860,\n"); },
                                 {"name.csv:2:omrade", "\"Fritid \"", "no spaces before or after it"});
    check_error<ku::parse_error>([] { (void)table_of(balance_header + "--,565,2596,3161,2100,2301,,860,\n"); },
                                 {"name.csv:2:omrade", "\"--\"", "has a letter or a digit"});
}

TEST_CASE("a table's rows are found by area, whatever the spelling", "[balance_io]")
{
    const ku::balance_table table = table_of(balance_header + three_rows);
    REQUIRE(table.find("FRITID"_area) != nullptr);
    CHECK(table.find("FRITID"_area)->area.name() == "Fritid");
    CHECK(table.find("Kurs och Konferens"_area)->line == 4);
}

TEST_CASE("a second Summa row is a domain error naming the file and its line", "[balance_io][bad_input]")
{
    check_error<ku::domain_error>(
        [] {
            (void)table_of(balance_header + three_rows + "Summa,61461,38796,100257,41752,35453,6251,58553,57415\n" +
                           "Summa,61461,38796,100257,41752,35453,6251,58553,57415\n");
        },
        {"name.csv:6:omrade", "a second total row"});
}

TEST_CASE("a row type other than omrade, intern or summa is a parse error naming the cell", "[balance_io][bad_input]")
{
    try {
        (void)table_of("omrade,rad_typ,ingaende_balans,erhallna_medel,disponibla_medel,budget_forbrukning,"
                       "utfall_forbrukning,utbetalt_till_kommuner,kvarvarande_medel,varav_statliga_medel\n"
                       "Fritid,,565,2596,3161,2100,2301,,860,\n"
                       "Summa,total,565,2596,3161,2100,2301,,860,\n");
        FAIL("no exception");
    } catch (const ku::parse_error& e) {
        CHECK(e.where() == "name.csv:3:rad_typ");
        CHECK(e.input() == "total");
    }
}

TEST_CASE("a row without an area name is a parse error naming the cell", "[balance_io][bad_input]")
{
    try {
        (void)table_of(balance_header + three_rows + ",0,1,1,,1,,0,\n");
        FAIL("no exception");
    } catch (const ku::parse_error& e) {
        CHECK(e.where() == "name.csv:5:omrade");
    }
}

// ---------------------------------------------------------------------------------------------
// Mappings

TEST_CASE("a mapping by shares reads 1/2, 3/10 and 0.2 as exact ratios", "[balance_io][reorganisation]")
{
    const ku::balance_table previous = bokslut_2023();
    const ku::reorganisation mapping = ku::read_reorganisation(
        ku::read_csv_file(std::string{KU_TEST_DATA_DIR} + "/ledger/reorganisation_2024_split_shares.csv"), unit::tkr,
        &previous);
    REQUIRE(mapping.rules().size() == 3);
    CHECK(mapping.rules()[0].from == social_area);
    CHECK(mapping.rules()[0].to == "Socialtjänst"_area);
    CHECK(std::get<ku::ratio>(mapping.rules()[0].part) == ku::ratio{1, 2});
    CHECK(std::get<ku::ratio>(mapping.rules()[1].part) == ku::ratio{3, 10});
    CHECK(std::get<ku::ratio>(mapping.rules()[2].part) == ku::ratio{1, 5});
    CHECK(mapping.targets_of(social_area) ==
          std::vector{"Socialtjänst"_area, "Hälso- och sjukvård"_area, "Barn och unga"_area});
}

TEST_CASE("a mapping by amounts reads Swedish amounts in the table's unit", "[balance_io][reorganisation]")
{
    const ku::reorganisation in_tkr = ku::read_reorganisation(
        ku::read_csv_file(std::string{KU_TEST_DATA_DIR} + "/ledger/reorganisation_2024_split_amounts.csv"), unit::tkr);
    REQUIRE(in_tkr.rules().size() == 3);
    CHECK(std::get<money>(in_tkr.rules()[0].part) == tkr(29'044));
    CHECK(std::get<money>(in_tkr.rules()[2].part) == tkr(11'618));

    const ku::reorganisation in_kr =
        ku::read_reorganisation(balance_csv("from,to,amount\nFritid,Fritid och idrott,860 412\nKurs och konferens,,0\n"), unit::kr);
    CHECK(std::get<money>(in_kr.rules()[0].part) == money::kr(860'412));
    CHECK_FALSE(in_kr.rules()[1].to.has_value()); // closed
}

TEST_CASE("shares that do not sum to one are a domain error naming file, line and area", "[balance_io][bad_input]")
{
    check_error<ku::domain_error>(
        [] {
            (void)ku::read_reorganisation(balance_csv("from,to,share\n"
                                              "Fritid,Fritid och idrott,1\n"
                                              "Utbildning,Skola,1/2\n"
                                              "Utbildning,Vuxenutbildning,2/5\n"));
        },
        {"name.csv:4:share", "the shares of \"Utbildning\" sum to 9/10, not to 1"});
    check_error<ku::domain_error>(
        [] { (void)ku::read_reorganisation(balance_csv("from,to,share\nFritid,A,2/3\nFritid,B,2/3\n")); },
        {"name.csv:3:share", "sum to 4/3"});
}

TEST_CASE("a mapping naming an area the previous table does not have is a lookup error naming file, line and from",
          "[balance_io][bad_input]")
{
    const ku::balance_table previous = bokslut_2023();
    check_error<ku::lookup_error>(
        [&] {
            (void)ku::read_reorganisation(
                balance_csv("from,to,share\nFritid,Fritid och idrott,1\nSocial välfärd,Socialtjänst,1\n"), unit::tkr, &previous);
        },
        {"name.csv:3:from", "unknown area \"Social välfärd\""});
    // Without a previous table the name is not checked until the mapping is applied.
    CHECK_NOTHROW(ku::read_reorganisation(balance_csv("from,to,share\nSocial välfärd,Socialtjänst,1\n")));
}

TEST_CASE("a malformed share or amount is a parse error naming the cell", "[balance_io][bad_input]")
{
    const std::string share = GENERATE(as<std::string>{}, "", "half", "1/0", "1/2/3");
    try {
        (void)ku::read_reorganisation(balance_csv("from,to,share\nFritid,A,1/2\nFritid,B," + share + "\n"));
        FAIL("no exception for \"" << share << "\"");
    } catch (const ku::parse_error& e) {
        CHECK(e.where() == "name.csv:3:share");
    }
    try {
        (void)ku::read_reorganisation(balance_csv("from,to,amount\nFritid,A,86O\n"));
        FAIL("no exception");
    } catch (const ku::parse_error& e) {
        CHECK(e.where() == "name.csv:2:amount");
    }
}

TEST_CASE("a mapping needs from, to and exactly one of share and amount", "[balance_io][bad_input]")
{
    check_error<ku::lookup_error>([] { (void)ku::read_reorganisation(balance_csv("from,to,share,amount\nA,B,1,5\n")); },
                                  {"name.csv:1", "from,to,share or from,to,amount"});
    check_error<ku::lookup_error>([] { (void)ku::read_reorganisation(balance_csv("from,to\nA,B\n")); },
                                  {"name.csv:1", "from,to,share or from,to,amount"});
    check_error<ku::lookup_error>([] { (void)ku::read_reorganisation(balance_csv("fran,to,share\nA,B,1\n")); },
                                  {"name.csv", "no column \"from\""});
    check_error<ku::parse_error>([] { (void)ku::read_reorganisation(balance_csv("from,to,share\n,B,1\n")); },
                                 {"name.csv:2:from"});
}

TEST_CASE("a rule given twice is a domain error naming file and line", "[balance_io][bad_input]")
{
    check_error<ku::domain_error>(
        [] { (void)ku::read_reorganisation(balance_csv("from,to,share\nFritid,A,1/2\nFritid,A,1/2\n")); },
        {"name.csv:3", "\"Fritid\" → \"A\" appears twice"});
    check_error<ku::domain_error>(
        [] { (void)ku::read_reorganisation(balance_csv("from,to,amount\nFritid,A,500\nFritid,B,60\nFritid,A,300\n")); },
        {"name.csv:4", "\"Fritid\" → \"A\" appears twice"});
}

TEST_CASE("a negative share is a domain error naming the file", "[balance_io][bad_input]")
{
    check_error<ku::domain_error>(
        [] { (void)ku::read_reorganisation(balance_csv("from,to,share\nFritid,A,3/2\nFritid,B,-1/2\n")); },
        {"name.csv", "negative"});
}

// ---------------------------------------------------------------------------------------------
// Findings as text and JSON

TEST_CASE("a clean table's report says there are no deviations", "[balance_io][report]")
{
    const ku::balance_table table = bokslut_2023();
    const ku::report report = ku::to_report(table, {});
    REQUIRE(report.sheets.size() == 2);
    CHECK(report.sheets[1].rows.empty());
    CHECK_THAT(ku::render_text(report), Catch::EndsWith("Granskning av " + table.source + ": 0 avvikelser\n\n" +
                                                        "Granskning av " + table.source + ": inga avvikelser.\n"));
    CHECK(ku::findings_as_json({}) == "{\n  \"findings\": []\n}\n");
}

TEST_CASE("findings as text state amounts in the table's tkr, and as JSON in kronor as exact decimals",
          "[balance_io][report]")
{
    const ku::balance_table previous = bokslut_2023();
    ku::balance_table table =
        ku::read_balance_table(ku::read_csv_file(std::string{KU_TEST_DATA_DIR} + "/ledger/bokslut_2024_carry_off_1000_tkr.csv"),
                               unit::tkr);
    table.rows[3].set(balance_column::disponibla_medel, std::nullopt); // Digitalisering, 15 925 tkr
    const auto findings = ku::audit_balance(table, &previous);
    REQUIRE(findings.size() == 2);

    const ku::report report = ku::to_report(table, findings);
    const ku::sheet& audit = report.sheets.at(report.csv_sheet);
    REQUIRE(audit.rows.size() == 2);
    const auto text_of = [&](std::size_t row) {
        std::vector<std::string> texts;
        for (const ku::sheet_cell& cell : audit.rows[row].cells) {
            texts.push_back(cell.type == ku::sheet_cell::kind::amount ? ku::swedish_in(cell.amount, audit.columns[texts.size()].unit)
                                                                      : cell.text);
        }
        return texts;
    };
    CHECK(audit.columns[3].label == "Väntat (tkr)");
    CHECK(text_of(0) == std::vector<std::string>{"Saknat värde", "Digitalisering", "disponibla medel", "15 925", "",
                                                 "-15 925", "fel", "cellen är tom"});
    CHECK(text_of(1) == std::vector<std::string>{"Ingående balans", "Förstärkt samverkan", "ingående balans", "34 359",
                                                 "35 359", "1 000", "fel",
                                                 "överfört från Förstärkt samverkan; tolerans ±1 tkr (2 avrundade celler)"});
    const std::string text = ku::render_text(report);
    CHECK_THAT(text, Contains(": 2 avvikelser\n"));
    CHECK_THAT(text, Contains("\nIngående balans  Förstärkt samverkan  ingående balans   34 359  35 359      1 000  "
                              "fel        överfört från Förstärkt samverkan; tolerans ±1 tkr (2 avrundade celler)\n"));

    const std::string json = ku::findings_as_json(findings);
    CHECK(json == "{\n"
                  "  \"findings\": [\n"
                  "    {\n"
                  "      \"kind\": \"missing_value\",\n"
                  "      \"area\": \"Digitalisering\",\n"
                  "      \"column\": \"disponibla_medel\",\n"
                  "      \"expected\": \"15925000.00\",\n"
                  "      \"found\": null,\n"
                  "      \"difference\": \"-15925000.00\",\n"
                  "      \"classification\": \"fault\",\n"
                  "      \"note\": \"cellen är tom\"\n"
                  "    },\n"
                  "    {\n"
                  "      \"kind\": \"carry_over_difference\",\n"
                  "      \"area\": \"Förstärkt samverkan\",\n"
                  "      \"column\": \"ingaende_balans\",\n"
                  "      \"expected\": \"34359000.00\",\n"
                  "      \"found\": \"35359000.00\",\n"
                  "      \"difference\": \"1000000.00\",\n"
                  "      \"classification\": \"fault\",\n"
                  "      \"note\": \"överfört från Förstärkt samverkan; tolerans ±1 tkr (2 avrundade celler)\"\n"
                  "    }\n"
                  "  ]\n"
                  "}\n");
}
