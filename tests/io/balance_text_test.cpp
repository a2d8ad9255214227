// A balance audit's report as aligned Swedish text for a terminal (ku::render_text of
// ku::to_report): the amounts exactly as the file wrote them, in its unit, each row's type,
// the Summa row ruled off, and the sums of the rows as the Markdown report shows them.

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ku/core/money.hpp"
#include "ku/io/balance_io.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/render.hpp"
#include "ku/io/tables.hpp"
#include "ku/ledger/audit.hpp"

namespace {

using ku::unit;
using Catch::Contains;
using Catch::StartsWith;

ku::balance_table bokslut_2023_table()
{
    return ku::read_balance_table(ku::read_csv_file(KU_DATA_DIR "/bokslut_2023.csv"), unit::tkr);
}

ku::balance_table ledger_table(const std::string& name)
{
    return ku::read_balance_table(ku::read_csv_file(std::string{KU_TEST_DATA_DIR} + "/ledger/" + name), unit::tkr);
}

ku::balance_table balance_table_of(const std::string& text, unit in)
{
    std::istringstream input{text};
    return ku::read_balance_table(ku::read_csv(input, "name.csv"), in);
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream input{text};
    for (std::string line; std::getline(input, line);) {
        lines.push_back(line);
    }
    return lines;
}

/// The table's lines: from the heading to the last row, between the blank lines.
std::vector<std::string> table_lines(const std::string& text)
{
    const std::vector<std::string> lines = lines_of(text);
    const auto first = std::find(lines.begin(), lines.end(), std::string{}) + 1;
    const auto last = std::find(first, lines.end(), std::string{});
    return {first, last};
}

/// The line that starts with `start`, or "".
std::string line_starting(const std::string& text, const std::string& start)
{
    for (const std::string& line : lines_of(text)) {
        if (line.starts_with(start)) {
            return line;
        }
    }
    return {};
}

/// The cells of a text line: runs separated by two or more spaces, the first cell trimmed.
std::vector<std::string> cells_of(const std::string& line)
{
    std::vector<std::string> cells;
    std::size_t at = line.find_first_not_of(' ');
    while (at != std::string::npos) {
        std::size_t end = line.find("  ", at);
        cells.push_back(line.substr(at, end == std::string::npos ? std::string::npos : end - at));
        at = end == std::string::npos ? end : line.find_first_not_of(' ', end);
    }
    return cells;
}

/// The cells of a Markdown table row, trimmed.
std::vector<std::string> markdown_cells(const std::string& line)
{
    std::vector<std::string> cells;
    std::size_t at = line.find('|');
    while (at != std::string::npos) {
        const std::size_t end = line.find('|', at + 1);
        if (end == std::string::npos) {
            break;
        }
        std::string cell = line.substr(at + 1, end - at - 1);
        cell.erase(0, cell.find_first_not_of(' '));
        cell.erase(cell.find_last_not_of(' ') + 1);
        cells.push_back(cell);
        at = end;
    }
    return cells;
}

/// Display width: UTF-8 code points.
std::size_t width(const std::string& text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace

namespace {

/// The text of the audit of `table`, its findings included.
std::string audit_text(const ku::balance_table& table)
{
    return ku::render_text(ku::to_report(table, ku::audit_balance(table)));
}

} // namespace

TEST_CASE("the 2023 bokslut as text is titled with its file and its unit, and its headings carry the unit",
          "[balance_io][text]")
{
    const ku::balance_table table = bokslut_2023_table();
    const std::string text = audit_text(table);
    CHECK_THAT(text, StartsWith("Balanstabell: " + table.source + " (tkr)\n\n"));
    const std::vector<std::string> heading = table_lines(text);
    REQUIRE(heading.size() >= 3);
    CHECK(cells_of(heading[0]) == std::vector<std::string>{"Ingående", "Erhållna", "Disponibla", "Budget", "Utfall",
                                                           "Utbetalt till länets", "Kvarvarande",
                                                           "Varav kvarvarande"});
    CHECK(cells_of(heading[1]) ==
          std::vector<std::string>{"Område", "Radtyp", "balans (tkr)", "medel (tkr)", "medel (tkr)",
                                   "förbrukning (tkr)", "förbrukning (tkr)", "kommuner (tkr)", "medel (tkr)",
                                   "statliga medel (tkr)"});
}

TEST_CASE("the 2023 bokslut as text shows Social välfärd's amounts in tkr exactly as the file writes them",
          "[balance_io][text]")
{
    const std::string text = audit_text(bokslut_2023_table());
    // bokslut_2023.csv: 60896,34269,95165,38152,30826,6251,58088,57415
    CHECK(cells_of(line_starting(text, "Social välfärd")) ==
          std::vector<std::string>{"Social välfärd och hälso- och sjukvård", "område", "60 896", "34 269", "95 165",
                                   "38 152", "30 826", "6 251", "58 088", "57 415"});
    CHECK(cells_of(line_starting(text, "Nära vård")) ==
          std::vector<std::string>{"Nära vård", "område", "65 287", "38 709", "103 996", "1 900", "1 658", "69 250",
                                   "33 088", "33 088"});
}

TEST_CASE("the 2023 bokslut as text leaves blank cells blank and shows Kurs och konferens' -395 tkr",
          "[balance_io][text]")
{
    const std::string text = audit_text(bokslut_2023_table());
    // bokslut_2023.csv: Kurs och konferens,,1931,1931,1500,2326,,-395,
    const std::string line = line_starting(text, "Kurs och konferens");
    CHECK(cells_of(line) ==
          std::vector<std::string>{"Kurs och konferens", "område", "1 931", "1 931", "1 500", "2 326", "-395"});
    // The blank ingående balans sits under its heading: the line is as wide as the Social välfärd line up to -395.
    CHECK(width(line) == width(line_starting(text, "Social välfärd")) - width("  statliga medel (tkr)"));
}

TEST_CASE("the balance table as text has every line of the table as wide as its rule", "[balance_io][text]")
{
    for (const ku::balance_table& table : {bokslut_2023_table(), ledger_table("bokslut_2023_ledning_gross_summa.csv")}) {
        const std::vector<std::string> lines = table_lines(audit_text(table));
        REQUIRE(lines.size() == table.rows.size() + 5); // two heading lines, two rules, the sums
        const std::size_t rule = width(lines[2]);
        CHECK_THAT(lines[2], StartsWith("─────"));
        CHECK(rule > 100);
        for (const std::string& line : lines) {
            INFO(line);
            CHECK(width(line) <= rule);
        }
        CHECK(width(lines[1]) == rule); // the last column's heading is its widest cell
    }
}

TEST_CASE("the sums of the rows as text are the Markdown report's Summa enligt raderna", "[balance_io][text]")
{
    const ku::balance_table table = ledger_table("bokslut_2023_ledning_gross_summa.csv");
    const std::string text = audit_text(table);
    const std::string markdown = ku::render_markdown(ku::to_report(table, ku::audit_balance(table)));

    const std::vector<std::string> sums = cells_of(line_starting(text, "Summa enligt raderna  "));
    // The areas and the internal row, the internal financing counted once: 98 705 − 1 730 = 96 975 tkr.
    CHECK(sums == std::vector<std::string>{"Summa enligt raderna", "164 303", "96 975", "261 278", "56 598", "51 627",
                                           "75 501", "134 150", "124 862"});
    std::vector<std::string> markdown_sums = markdown_cells(line_starting(markdown, "| Summa enligt raderna"));
    REQUIRE(markdown_sums.size() == 10);
    markdown_sums.erase(markdown_sums.begin() + 1); // Radtyp, blank
    CHECK(markdown_sums == sums);
}

TEST_CASE("the balance table as text rules off the Summa row and marks the internal Härav row intern",
          "[balance_io][text]")
{
    const std::string text = audit_text(ledger_table("bokslut_2023_ledning_gross_summa.csv"));
    const std::vector<std::string> lines = lines_of(text);
    const auto summa = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("Summa  "); });
    REQUIRE(summa != lines.end());
    CHECK(cells_of(*summa) == std::vector<std::string>{"Summa", "summa", "164 303", "98 705", "263 008", "56 598",
                                                       "53 357", "75 501", "134 150", "124 862"});
    CHECK_THAT(*(summa - 1), StartsWith("─────"));
    CHECK_THAT(*(summa + 1), StartsWith("Summa enligt raderna  "));
    // Härav ledning/stab finansierat från områdena ovan,,-1730,-1730,,-1730,,0,
    CHECK(cells_of(line_starting(text, "Härav ledning/stab")) ==
          std::vector<std::string>{"Härav ledning/stab finansierat från områdena ovan", "intern", "-1 730", "-1 730",
                                   "-1 730", "0"});
}

TEST_CASE("the balance table as text shows överförda medel only when the table has it, with its decimals in tkr",
          "[balance_io][text]")
{
    const std::string header = "omrade,ingaende_balans,erhallna_medel,disponibla_medel,budget_forbrukning,"
                               "utfall_forbrukning,utbetalt_till_kommuner,overforda_medel,kvarvarande_medel,"
                               "varav_statliga_medel\n";
    const std::string with_transfer =
        audit_text(balance_table_of(header + "Fritid,565,\"2 596,5\",\"3 161,5\",2100,2301,,300,\"560,5\",\"0,001\"\n", unit::tkr));
    CHECK_THAT(table_lines(with_transfer)[0], Contains("Överförda"));
    CHECK(cells_of(line_starting(with_transfer, "Fritid")) ==
          std::vector<std::string>{"Fritid", "område", "565", "2 596,5", "3 161,5", "2 100", "2 301", "300", "560,5",
                                   "0,001"});

    const std::string without = audit_text(balance_table_of(header + "Fritid,565,2596,3161,2100,2301,,,860,\n", unit::tkr));
    CHECK_THAT(without, !Contains("Överförda"));
    CHECK_THAT(without, !Contains("Utbetalt"));
    CHECK_THAT(without, !Contains("Varav"));
    CHECK(cells_of(line_starting(without, "Fritid")) ==
          std::vector<std::string>{"Fritid", "område", "565", "2 596", "3 161", "2 100", "2 301", "860"});
}

TEST_CASE("a balance table in kr as text says kr and keeps the öre, written as the Markdown report writes them",
          "[balance_io][text]")
{
    const ku::balance_table table =
        balance_table_of("omrade,ingaende_balans,erhallna_medel,disponibla_medel,budget_forbrukning,utfall_forbrukning,"
                 "utbetalt_till_kommuner,kvarvarande_medel,varav_statliga_medel\n"
                 "Fritid,\"1 234,50\",100,\"1 334,50\",,0,,\"1 334,50\",\n",
                 unit::kr);
    const std::string text = audit_text(table);
    CHECK_THAT(text, StartsWith("Balanstabell: name.csv (kr)\n"));
    CHECK(cells_of(line_starting(text, "Fritid")) ==
          std::vector<std::string>{"Fritid", "område", "1 234,5", "100", "1 334,5", "0", "1 334,5"});
    CHECK(markdown_cells(line_starting(ku::render_markdown(ku::to_report(table, {})), "| Fritid ")) ==
          std::vector<std::string>{"Fritid", "område", "1 234,5", "100", "1 334,5", "0", "1 334,5"});
}

TEST_CASE("a balance table without rows as text has only the sums of its rows, and no findings", "[balance_io][text]")
{
    const std::string text = audit_text(balance_table_of(
        "omrade,ingaende_balans,erhallna_medel,disponibla_medel,budget_forbrukning,utfall_forbrukning,"
        "utbetalt_till_kommuner,kvarvarande_medel,varav_statliga_medel\n",
        unit::tkr));
    CHECK_THAT(text, StartsWith("Balanstabell: name.csv (tkr)\n\nOmråde                Radtyp\n"));
    CHECK_THAT(text, Contains("\nSumma enligt raderna\n"));
    CHECK_THAT(text, Contains("\nGranskning av name.csv: 0 avvikelser\n\nGranskning av name.csv: inga avvikelser.\n"));
}
