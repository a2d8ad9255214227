// The HTML page: one self-contained Swedish page per report, its tables showing the numbers as
// the text renderer does, its charts as inline SVG, every text escaped, the same bytes each time.

#include <catch2/catch.hpp>

#include <cstddef>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "ku/ku.hpp"
#include "ku/io/html.hpp"
#include "ku/io/render.hpp"
#include "ku/io/tables.hpp"

namespace {

ku::proposal_table proposal_from(const std::string& path)
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    return ku::build_proposal(ku::read_proposal_spec(path, catalogue), catalogue);
}

ku::proposal_table proposal_2025() { return proposal_from(std::string{KU_DATA_DIR} + "/proposal_2025.toml"); }

/// How often `needle` occurs in `text`.
std::size_t count(const std::string& text, const std::string& needle)
{
    std::size_t found = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
        ++found;
    }
    return found;
}

/// The text between `open` (its first occurrence at or after `from`) and the next `close`.
std::string between(const std::string& text, const std::string& open, const std::string& close,
                    std::size_t from = 0)
{
    const std::size_t start = text.find(open, from);
    REQUIRE(start != std::string::npos);
    const std::size_t end = text.find(close, start + open.size());
    REQUIRE(end != std::string::npos);
    return text.substr(start + open.size(), end - start - open.size());
}

/// The bar groups of the page's charts, in order.
std::vector<std::string> bar_groups(const std::string& page)
{
    std::vector<std::string> groups;
    for (std::size_t at = page.find("<g class=\"bar\">"); at != std::string::npos;
         at = page.find("<g class=\"bar\">", at + 1)) {
        groups.push_back(between(page, "<g class=\"bar\">", "</g>", at));
    }
    return groups;
}

/// A rectangle's x and width.
struct rect {
    double x;
    double width;
    std::string fill;
};

std::vector<rect> rects(const std::string& group)
{
    std::vector<rect> out;
    const std::regex pattern{R"re(<rect x="([-0-9.]+)" y="[-0-9.]+" width="([-0-9.]+)" height="[-0-9.]+" fill="(#[0-9a-f]{6})")re"};
    for (auto it = std::sregex_iterator(group.begin(), group.end(), pattern); it != std::sregex_iterator(); ++it) {
        out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), (*it)[3]});
    }
    return out;
}

/// A one-sheet report with an amount column, for the chart's geometry and the escaping.
ku::report small_report(std::vector<std::pair<std::string, ku::money>> rows)
{
    ku::sheet table;
    table.name = "Blad";
    table.title = "Belopp per rad (kr)";
    table.columns = {{.key = "namn", .label = "Namn", .kind = ku::column_kind::text},
                     {.key = "belopp", .label = "Belopp (kr)", .kind = ku::column_kind::amount}};
    for (auto& [name, amount] : rows) {
        table.rows.push_back({.cells = {ku::sheet_cell::of_text(name), ku::sheet_cell::of_amount(amount)},
                              .role = ku::row_role::data,
                              .in_csv = true});
    }
    table.chart = ku::sheet_chart{.title = "Belopp per rad (kr)", .category_column = 0, .value_column = 1,
                                  .first_row = 0, .last_row = table.rows.size() - 1, .stacked_columns = {}};
    return {.title = "Rapport", .sheets = {table}, .csv_sheet = 0};
}

} // namespace

TEST_CASE("the 2025 proposal page shows Jönköping's Summa as the text output does", "[html]")
{
    const ku::report document = ku::to_report(proposal_2025());
    const std::string page = ku::render_html(document);
    const std::string text = ku::render_text(document);
    // The text output's Jönköping line ends in its Summa, 10 860 203.
    CHECK_THAT(text, Catch::Contains("Jönköping") && Catch::Contains("10 860 203\n"));
    const std::string row = between(page, "<tr><td>0680</td><td>Jönköping</td>", "</tr>");
    CHECK_THAT(row, Catch::EndsWith("<td class=\"num\">10 860 203</td>"));
    CHECK_THAT(row, Catch::StartsWith("<td class=\"num\">3 562 623</td>"));
    // Mullsjö takes no part in Miljösamverkan: the sheet's blank, as in text.
    CHECK_THAT(between(page, "<td>Mullsjö</td>", "</tr>"), Catch::Contains("<td class=\"num\">–</td>"));
    // The Summa row is bold and ruled, and holds the grand total.
    CHECK_THAT(between(page, "<tr class=\"total rule\">", "</tr>"),
               Catch::Contains("<td>Summa</td>") && Catch::EndsWith("<td class=\"num\">27 902 191</td>"));
    CHECK_THAT(page, Catch::Contains("<p>Varje kolumn summerar exakt till sitt totalbelopp; radsummorna summerar "
                                     "till 27 902 191 kr.</p>"));
}

TEST_CASE("a page is one self-contained Swedish UTF-8 document with the report's title", "[html]")
{
    const ku::proposal_table table = proposal_2025();
    const std::string page = ku::render_html(ku::to_report(table));
    CHECK_THAT(page, Catch::StartsWith("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"));
    CHECK_THAT(page, Catch::EndsWith("</body>\n</html>\n"));
    CHECK(between(page, "<title>", "</title>") == table.title);
    CHECK(between(page, "<h1>", "</h1>") == table.title);
    // Nothing is fetched: no script, no link, no image source, no URL but the SVG namespace.
    for (const char* outside : {"<script", "<link", "src=", "href=", "url(", "@import"}) {
        CHECK(count(page, outside) == 0);
    }
    CHECK(count(page, "http") == count(page, "xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(count(page, "<style>") == 1);
    // Only the sheets shown in text: Förslag and Avgifter, each a section with one table.
    CHECK(count(page, "<section>") == 2);
    CHECK(count(page, "<table>") == 2);
    CHECK(ku::render_html(ku::to_report(table)) == page);
}

TEST_CASE("the proposal's chart has one bar per kommun, stacked from the fees counted in its Summa", "[html][chart]")
{
    const ku::proposal_table table = proposal_2025();
    const std::string page = ku::render_html(ku::to_report(table));
    REQUIRE(count(page, "<svg ") == 1);
    const std::vector<std::string> groups = bar_groups(page);
    REQUIRE(groups.size() == table.kommuner.size());
    std::size_t counted = 0;
    for (const ku::fee_spec& fee : table.fees) {
        counted += fee.in_row_sum ? 1 : 0;
    }
    CHECK(counted == 13);
    for (std::size_t r = 0; r < groups.size(); ++r) {
        CHECK_THAT(groups[r], Catch::Contains(">" + std::string{table.kommuner[r].name} + "</text>"));
        const std::vector<rect> segments = rects(groups[r]);
        // Every counted fee but a blank one (Mullsjö's Miljösamverkan) is a segment, in palette order.
        CHECK(segments.size() == (table.kommuner[r].name == "Mullsjö" ? counted - 1 : counted));
        for (std::size_t s = 1; s < segments.size(); ++s) {
            CHECK(segments[s].x == Approx(segments[s - 1].x + segments[s - 1].width).margin(0.11));
        }
    }
    // Jönköping's bar ends in its Summa and is the longest; its first segment is the first colour.
    const std::string jonkoping = groups[6];
    CHECK_THAT(jonkoping, Catch::Contains(">10 860 203</text>"));
    CHECK(rects(jonkoping).front().fill == "#1f77b4");
    CHECK_THAT(jonkoping, Catch::Contains("<title>Jönköping, Medlemsavgift Kommunal utveckling: 3 562 623</title>"));
    const auto length = [&](const std::string& group) {
        const std::vector<rect> segments = rects(group);
        return segments.back().x + segments.back().width - segments.front().x;
    };
    for (const std::string& group : groups) {
        CHECK(length(group) <= length(jonkoping));
    }
    // The legend names each counted fee, not the ones outside Summa.
    CHECK_THAT(page, Catch::Contains(">Medlemsavgift Kommunal utveckling</text>"));
    CHECK_FALSE(between(page, "<svg ", "</svg>").find(">Arbete och delaktighet</text>") != std::string::npos);
}

TEST_CASE("a negative amount is drawn left of the zero line, a positive one right of it", "[html][chart]")
{
    const std::string page = ku::render_html(small_report({{"Upp", ku::money::kr(100)}, {"Ned", -ku::money::kr(50)}}));
    const std::vector<std::string> groups = bar_groups(page);
    REQUIRE(groups.size() == 2);
    const std::vector<rect> up = rects(groups[0]);
    const std::vector<rect> down = rects(groups[1]);
    REQUIRE(up.size() == 1);
    REQUIRE(down.size() == 1);
    const double zero = up.front().x;
    CHECK(down.front().x + down.front().width == Approx(zero).margin(0.11));
    CHECK(up.front().width == Approx(2 * down.front().width).margin(0.2));
    CHECK(up.front().fill == "#1f77b4");
    CHECK(down.front().fill == "#d62728");
    // The labels are the cells as shown: "-50" stands left of its bar.
    CHECK_THAT(groups[1], Catch::Contains("text-anchor=\"end\">-50</text>"));
    CHECK_THAT(groups[0], Catch::Contains("text-anchor=\"start\">100</text>"));
}

TEST_CASE("a scenario whose alternative costs less draws every kommun's delta to the left", "[html][chart]")
{
    const ku::scenario_comparison comparison =
        ku::compare_scenarios(proposal_from(std::string{KU_DATA_DIR} + "/scenarios/ledning_3500.toml"),
                              proposal_from(std::string{KU_DATA_DIR} + "/scenarios/ledning_1730.toml"));
    const std::string page = ku::render_html(ku::to_report(comparison));
    // Only the Skillnad sheet is shown; Bas and Alternativ are for the workbook's formulas.
    CHECK(count(page, "<section>") == 1);
    const std::vector<std::string> groups = bar_groups(page);
    REQUIRE(groups.size() == comparison.kommuner.size());
    CHECK_THAT(groups[6], Catch::Contains(">Jönköping</text>") && Catch::Contains(">-700 650</text>"));
    double zero = -1;
    for (const std::string& group : groups) {
        const std::vector<rect> bars = rects(group);
        REQUIRE(bars.size() == 1);
        CHECK(bars.front().fill == "#d62728");
        if (zero < 0) {
            zero = bars.front().x + bars.front().width;
        }
        CHECK(bars.front().x + bars.front().width == Approx(zero).margin(0.11));
    }
}

TEST_CASE("the balance audit charts each area's remaining funds, Kurs och konferens below zero", "[html][chart]")
{
    const ku::balance_table table =
        ku::read_balance_table(ku::read_csv_file(std::string{KU_DATA_DIR} + "/bokslut_2023.csv"));
    const std::string page = ku::render_html(ku::to_report(table, ku::audit_balance(table)));
    CHECK_THAT(page, Catch::Contains("Kvarvarande medel per område (tkr)"));
    const std::vector<std::string> groups = bar_groups(page);
    REQUIRE(groups.size() == 8);
    CHECK_THAT(groups.front(), Catch::Contains(">Social välfärd och hälso- och sjukvård</text>") &&
                                   Catch::Contains(">58 088</text>"));
    CHECK_THAT(groups.back(), Catch::Contains(">Kurs och konferens</text>") && Catch::Contains(">-395</text>"));
    CHECK(rects(groups.back()).front().fill == "#d62728");
    // The total row of the text output is the bold, ruled row here.
    CHECK_THAT(between(page, "<tr class=\"total rule\">", "</tr>"),
               Catch::StartsWith("<td>Summa enligt raderna</td>") && Catch::Contains("<td class=\"num\">134 150</td>"));
}

TEST_CASE("the share table is drawn as bars of 100 % stacked from the three sources", "[html][chart]")
{
    const std::vector<ku::area_funding> areas =
        ku::read_area_funding(ku::read_csv_file(std::string{KU_TEST_DATA_DIR} + "/shares/funding_2023.csv"));
    const ku::percent_table table = ku::to_percent_table(ku::financing_shares(areas), 0);
    const std::string page = ku::render_html(ku::to_report(table));
    const std::string svg = between(page, "<svg ", "</svg>");
    for (const char* source : {">Kommunerna</text>", ">Staten</text>", ">Övriga</text>"}) {
        CHECK_THAT(svg, Catch::Contains(source));
    }
    const std::vector<std::string> groups = bar_groups(page);
    REQUIRE(groups.size() == table.rows.size());
    // Every bar is 100 %: all end at the same x.
    const auto end = [](const std::string& group) {
        const std::vector<rect> segments = rects(group);
        return segments.back().x + segments.back().width;
    };
    for (const std::string& group : groups) {
        CHECK(end(group) == Approx(end(groups.front())).margin(0.2));
    }
    CHECK_THAT(groups[1], Catch::Contains("<title>Social välfärd och hälso- och sjukvård, Staten: 53 %</title>"));
    CHECK_THAT(page, Catch::Contains("<td class=\"num\">53 %</td>"));
}

TEST_CASE("every text on the page is escaped: <, >, & and quotes", "[html]")
{
    ku::report document = small_report({{"<script>alert(\"x\")</script>", ku::money::kr(1)}, {"A & B's", ku::money::kr(2)}});
    document.title = "Titel <b> & \"citat\"";
    document.sheets.front().title = "Blad <i>";
    document.sheets.front().notes = {"Not: 1 < 2 > 0"};
    document.sheets.front().chart->title = "Diagram <svg>";
    const std::string page = ku::render_html(document);
    CHECK(count(page, "<script") == 0);
    CHECK(count(page, "<b>") == 0);
    CHECK(count(page, "<i>") == 0);
    CHECK_THAT(page, Catch::Contains("<title>Titel &lt;b&gt; &amp; &quot;citat&quot;</title>"));
    CHECK_THAT(page, Catch::Contains("<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>"));
    CHECK_THAT(page, Catch::Contains("<td>A &amp; B&#39;s</td>"));
    CHECK_THAT(page, Catch::Contains("<h2>Blad &lt;i&gt;</h2>"));
    CHECK_THAT(page, Catch::Contains("<p>Not: 1 &lt; 2 &gt; 0</p>"));
    CHECK_THAT(page, Catch::Contains("aria-label=\"Diagram &lt;svg&gt;\""));
    CHECK(count(page, "<svg ") == 1);
}

TEST_CASE("a sheet without rows shows its empty text, and one not shown in text is left out", "[html]")
{
    ku::sheet empty;
    empty.name = "Tom";
    empty.title = "Granskning";
    empty.columns = {{.key = "kind", .label = "Typ", .kind = ku::column_kind::text}};
    empty.empty_text = "Inga avvikelser.";
    ku::sheet hidden = empty;
    hidden.title = "Dold";
    hidden.in_text = false;
    const std::string page = ku::render_html({.title = "R", .sheets = {empty, hidden}, .csv_sheet = 0});
    CHECK_THAT(page, Catch::Contains("<h2>Granskning</h2>\n<p class=\"empty\">Inga avvikelser.</p>\n"));
    CHECK(count(page, "Dold") == 0);
    CHECK(count(page, "<table>") == 0);
}

TEST_CASE("html is an output format: named, parsed and rendered by ku::render", "[html][formats]")
{
    CHECK(ku::to_string(ku::output_format::html) == "html");
    CHECK(ku::parse_output_format("html", "--format") == ku::output_format::html);
    const ku::report document = small_report({{"Rad", ku::money::kr(5)}});
    CHECK(ku::render(document, ku::output_format::html) == ku::render_html(document));
}
