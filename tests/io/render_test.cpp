// The renderers of any report (ku/io/render.hpp), on a small report built by hand: they know no
// domain type, so a table of two areas' money and shares is rendered the same way a proposal is.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/io/render.hpp"
#include "ku/io/sheet.hpp"

namespace {

using ku::money;
using ku::sheet_cell;

/// Two areas' outcome in tkr and their share, a total row, a blank, a note.
ku::report two_areas()
{
    ku::sheet table;
    table.name = "Områden";
    table.title = "Utfall per område";
    table.columns = {{.key = "omrade", .label = "Område", .kind = ku::column_kind::text, .unit = ku::unit::kr,
                      .in_csv = true},
                     {.key = "utfall", .label = "Utfall förbrukning (tkr)", .kind = ku::column_kind::amount,
                      .unit = ku::unit::tkr, .in_csv = true},
                     {.key = "andel", .label = "Andel", .kind = ku::column_kind::percent, .unit = ku::unit::kr,
                      .in_csv = true}};
    table.rows = {{.cells = {sheet_cell::of_text("Nära vård"), sheet_cell::of_amount(money::parse("1 658 tkr")),
                             sheet_cell::of_number("3.5")},
                   .role = ku::row_role::data,
                   .in_csv = true},
                  {.cells = {sheet_cell::of_text("Fritid"), sheet_cell::of_amount(money::parse("2 301,5 tkr")),
                             sheet_cell{}},
                   .role = ku::row_role::data,
                   .in_csv = true},
                  {.cells = {sheet_cell::of_text("Summa"), sheet_cell::of_amount(money::parse("3 959,5 tkr"), "=SUM(B2:B3)"),
                             sheet_cell::of_number("100")},
                   .role = ku::row_role::total,
                   .in_csv = false}};
    table.notes = {"Andel: av hela utfallet."};
    table.blank = "–";
    return {.title = "Utfall", .sheets = {table}, .csv_sheet = 0};
}

} // namespace

TEST_CASE("text renders any report: a title, headings over two lines where wider than the values, a rule "
          "before the total, Swedish numbers, the sheet's blank and the notes",
          "[render][text]")
{
    CHECK(ku::render_text(two_areas()) == "Utfall per område\n"
                                          "\n"
                                          "                      Utfall\n"
                                          "Område     förbrukning (tkr)  Andel\n"
                                          "───────────────────────────────────\n"
                                          "Nära vård              1 658  3,5 %\n"
                                          "Fritid               2 301,5      –\n"
                                          "───────────────────────────────────\n"
                                          "Summa                3 959,5  100 %\n"
                                          "\n"
                                          "Andel: av hela utfallet.\n");
}

TEST_CASE("CSV writes the report's CSV sheet without its derived rows, exact in the column's unit, in both conventions",
          "[render][csv]")
{
    CHECK(ku::render_csv(two_areas(), ku::csv_convention::plain) == "omrade,utfall,andel\n"
                                                                     "Nära vård,1658,3.5\n"
                                                                     "Fritid,2301.5,\n");
    CHECK(ku::render_csv(two_areas(), ku::csv_convention::swedish) == "\xEF\xBB\xBFomrade;utfall;andel\n"
                                                                       "Nära vård;1658;3,5\n"
                                                                       "Fritid;2301,5;\n");
}

TEST_CASE("Markdown renders the same cells as text, in a pipe table with numbers right aligned", "[render][markdown]")
{
    CHECK(ku::render_markdown(two_areas()) == "## Utfall per område\n"
                                              "\n"
                                              "| Område    | Utfall förbrukning (tkr) | Andel |\n"
                                              "| :-------- | -----------------------: | ----: |\n"
                                              "| Nära vård |                    1 658 | 3,5 % |\n"
                                              "| Fritid    |                  2 301,5 |     – |\n"
                                              "| Summa     |                  3 959,5 | 100 % |\n"
                                              "\n"
                                              "Andel: av hela utfallet.\n");
}

TEST_CASE("JSON renders any report with exact decimal strings in the column's unit and a blank as null",
          "[render][json]")
{
    const std::string json = ku::render_json(two_areas());
    CHECK_THAT(json, Catch::StartsWith("{\n  \"title\": \"Utfall\",\n  \"sheets\": [\n    {\n      \"name\": \"Områden\",\n"));
    CHECK_THAT(json, Catch::Contains("\"key\": \"utfall\",\n          \"label\": \"Utfall förbrukning (tkr)\",\n"
                                     "          \"kind\": \"amount\",\n          \"unit\": \"tkr\"\n"));
    CHECK_THAT(json, Catch::Contains("\"role\": \"data\",\n          \"cells\": [\n            \"Fritid\",\n"
                                     "            \"2301.5\",\n            null\n          ]\n"));
    CHECK_THAT(json, Catch::Contains("\"role\": \"total\",\n          \"cells\": [\n            \"Summa\",\n"
                                     "            \"3959.5\",\n            \"100\"\n          ]\n"));
    CHECK_THAT(json, Catch::EndsWith("\"notes\": [\n        \"Andel: av hela utfallet.\"\n      ]\n    }\n  ]\n}\n"));
}

TEST_CASE("the output formats are listed once: their names, parsed back, and an unknown one refused naming them",
          "[render][formats]")
{
    for (const ku::output_format format : ku::all_output_formats) {
        CHECK(ku::parse_output_format(ku::to_string(format), "--format") == format);
    }
    CHECK(ku::render(two_areas(), ku::output_format::csv_sv) ==
          ku::render_csv(two_areas(), ku::csv_convention::swedish));
    CHECK_THROWS_MATCHES(ku::parse_output_format("ods", "--format"), ku::lookup_error,
                         Catch::Matchers::Message("unknown format \"ods\" (--format): expected table, csv, csv-sv, json, "
                                                  "markdown, html or xlsx"));
}
