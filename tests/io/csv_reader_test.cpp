// The CSV reader reads what Swedish spreadsheet programs export: semicolons, Windows-1252,
// a byte order mark, quoted fields with decimal commas.

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "ku/ku.hpp"

namespace {

ku::csv_table read(const std::string& bytes, const ku::csv_options& options = {})
{
    std::istringstream in{bytes};
    return ku::read_csv(in, "export.csv", options);
}

} // namespace

TEST_CASE("a semicolon-separated export with decimal commas is read without quoting", "[csv]")
{
    const ku::csv_table table = read("omrade;kvarvarande_medel\nFritid;860,5\nKurs och konferens;−395\n");
    REQUIRE(table.header == std::vector<std::string>{"omrade", "kvarvarande_medel"});
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].fields[1] == "860,5");
    CHECK(ku::money::parse(table.rows[1].fields[1], ku::unit::tkr) == ku::money::in(ku::unit::tkr, -395));
}

TEST_CASE("a comma-separated file keeps a quoted decimal comma in one field", "[csv]")
{
    const ku::csv_table table = read("code,belopp\n0604,\"1 234,56\"\n");
    CHECK(table.rows.at(0).fields.at(1) == "1 234,56");
}

TEST_CASE("a Windows-1252 export comes out as UTF-8 with ö, ä and å right", "[csv]")
{
    // "Gnösjö; Värnamo; Tranås" as Windows-1252 bytes: ö = 0xF6, ä = 0xE4, å = 0xE5.
    const ku::csv_table table = read("code;name\r\n0617;Gnosj\xF6\r\n0683;V\xE4rnamo\r\n0687;Tran\xE5s\r\n");
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0].fields[1] == "Gnosjö");
    CHECK(table.rows[1].fields[1] == "Värnamo");
    CHECK(table.rows[2].fields[1] == "Tranås");
}

TEST_CASE("a UTF-8 byte order mark is skipped and the encoding can be forced", "[csv]")
{
    CHECK(read("\xEF\xBB\xBF" "code;name\n0683;Värnamo\n").header.front() == "code");
    // Valid UTF-8 read as Windows-1252 on request: "ä" (C3 A4) becomes two characters.
    const ku::csv_table forced = read("code;name\n0683;V\xC3\xA4rnamo\n", {.delimiter = {}, .encoding = ku::csv_encoding::windows_1252});
    CHECK(forced.rows[0].fields[1] == "V\xC3\x83\xC2\xA4rnamo");
}

TEST_CASE("bytes that are not UTF-8 are refused when UTF-8 is required, naming the line", "[csv][errors]")
{
    REQUIRE_THROWS_AS(read("code;name\n0617;Gnosj\xF6\n", {.delimiter = {}, .encoding = ku::csv_encoding::utf8}),
                      ku::parse_error);
    REQUIRE_THROWS_WITH(read("code;name\n0617;Gnosj\xF6\n", {.delimiter = {}, .encoding = ku::csv_encoding::utf8}),
                        Catch::Contains("export.csv:2") && Catch::Contains("not valid UTF-8"));
}

TEST_CASE("a file with a NUL byte is not CSV", "[csv][errors]")
{
    REQUIRE_THROWS_WITH(read(std::string{"code,pop\n0604,1\0\n", 17}),
                        Catch::Equals("export.csv:2: not a CSV text file: it has a NUL byte"));
}

TEST_CASE("an unknown encoding name is a lookup error naming it", "[csv][errors]")
{
    CHECK(ku::parse_csv_encoding("cp1252") == ku::csv_encoding::windows_1252);
    REQUIRE_THROWS_AS(ku::parse_csv_encoding("ebcdic", "--encoding"), ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::parse_csv_encoding("ebcdic", "--encoding"),
                        Catch::Contains("ebcdic") && Catch::Contains("--encoding"));
}

TEST_CASE("a separator is named semicolon or comma, or written as itself; anything else is refused",
          "[csv][errors]")
{
    CHECK(ku::parse_csv_separator("semicolon") == ';');
    CHECK(ku::parse_csv_separator(";") == ';');
    CHECK(ku::parse_csv_separator("comma") == ',');
    CHECK(ku::parse_csv_separator(",") == ',');
    REQUIRE_THROWS_AS(ku::parse_csv_separator("tab", "--separator"), ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::parse_csv_separator("tab", "--separator"),
                        "unknown separator \"tab\" (--separator): expected semicolon (;) or comma (,)");
}

TEST_CASE("a Swedish export read with ',' is one column, and the readers ask whether the separator is right",
          "[csv][errors]")
{
    std::istringstream in{"omrade;ingaende_balans;erhallna_medel\nFritid;565;2 596\n"};
    const ku::csv_table table = ku::read_csv(in, "bokslut.csv", {.delimiter = ',', .encoding = std::nullopt});
    REQUIRE(table.header.size() == 1);
    REQUIRE_THROWS_WITH(ku::read_balance_table(table),
                        "bokslut.csv:1: a balance table has the area names and then the balance columns (the only "
                        "column is \"omrade;ingaende_balans;erhallna_medel\": is the separator right?)");
    REQUIRE_THROWS_WITH(table.column("omrade"), "bokslut.csv: no column \"omrade\" (the only column is "
                                                "\"omrade;ingaende_balans;erhallna_medel\": is the separator right?)");
}

TEST_CASE("weights written with thousands separators are read exactly", "[csv][weights]")
{
    const ku::csv_table table = read("code;pop\n0680;\"146 197\"\n0617;9\xC2\xA0" "309\n");
    const auto weights = ku::read_weights(table, "pop", ku::jonkopings_lan());
    CHECK(weights[0].weight == ku::weight::whole(146'197));
    CHECK(weights[1].weight == ku::weight::whole(9'309));
    REQUIRE_THROWS_AS(ku::weight::parse("14 6197"), ku::parse_error);
}
