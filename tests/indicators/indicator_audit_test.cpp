// Auditing a published indicator table: each bracketed percent against the exact value of its
// base (another row, or the previous period), under the spreadsheet's three roundings, and the
// table against one rounding rule for all its percents.

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <gsl/narrow>

#include "ku/indicators/indicator_audit.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/indicator_io.hpp"
#include "../support/fixtures.hpp"

using Catch::Matchers::Contains;
using ku::exact_share;
using ku::finding_class;
using ku::indicator_finding_kind;

namespace {

using ku::test::test_data;

ku::published_indicator_table table_of(const std::string& text)
{
    std::istringstream input{text};
    return ku::read_published_indicators(ku::read_csv(input, "indikatorer.csv"));
}

ku::indicator_audit audit_file(const std::string& name)
{
    return ku::audit_indicators(ku::read_published_indicators(ku::read_csv_file(test_data / "indicators" / name)));
}

} // namespace

TEST_CASE("the 2023–2025 indicator table of grant applications has no findings and nothing unchecked",
          "[indicators][audit]")
{
    const ku::indicator_audit audit = audit_file("indikatorer_2023.csv");
    CHECK(audit.findings.empty());
    CHECK(audit.notes.empty());
}

TEST_CASE("a transposed digit, 75 % for 4 of 7 applications, is a fault: exactly 400/7, rounded 57",
          "[indicators][audit]")
{
    const ku::indicator_audit audit = audit_file("indikatorer_fel.csv");
    REQUIRE(audit.findings.size() == 2);
    const ku::indicator_finding& f = audit.findings[0];
    CHECK(f.kind == indicator_finding_kind::percent_mismatch);
    CHECK(ku::to_string(f.kind) == "percent_mismatch");
    CHECK(f.indikator == "Beviljade ansökningar");
    CHECK(f.period == "2025");
    CHECK(f.exact == exact_share{400, 7});
    CHECK(f.expected == 57);
    CHECK(f.found == 75);
    CHECK(f.difference == 18);
    CHECK(f.classification == finding_class::fault);
    CHECK(f.note == "exakt 57,142… %, avrundat 57 %; ingen avrundning ger 75 %");
}

TEST_CASE("a change from the previous period written as the share of the base row is named as such",
          "[indicators][audit]")
{
    // 1 300 000 of 5 200 000 kronor is 25 %; the table has 4 %, the change from 1 250 000 kronor.
    const ku::indicator_audit audit = audit_file("indikatorer_fel.csv");
    REQUIRE(audit.findings.size() == 2);
    const ku::indicator_finding& f = audit.findings[1];
    CHECK(f.indikator == "Beviljat belopp");
    CHECK(f.period == "2024");
    CHECK(f.expected == 25);
    CHECK(f.found == 4);
    CHECK(f.difference == -21);
    CHECK(f.note == "exakt 25 %, avrundat 25 %; ingen avrundning ger 4 %; stämmer med förändringen mot föregående period");
}

TEST_CASE("a percent truncated where the rest of the table rounds to nearest is a rounding finding",
          "[indicators][audit]")
{
    // 5 of 8 is 62,5 %: 62 only by rounding down; 12,5 % → 13 % and 31,75 % → 32 % need nearest.
    const ku::indicator_audit audit = audit_file("indikatorer_avrundning.csv");
    REQUIRE(audit.findings.size() == 1);
    const ku::indicator_finding& f = audit.findings[0];
    CHECK(f.kind == indicator_finding_kind::rounding_rule_mismatch);
    CHECK(f.indikator == "Beviljade ansökningar");
    CHECK(f.period == "2023");
    CHECK(f.exact == exact_share{125, 2});
    CHECK(f.expected == 63);
    CHECK(f.found == 62);
    CHECK(f.classification == finding_class::rounding);
    CHECK(f.note == "exakt 62,5 % ger 62 % bara med avrundning nedåt; 9 av tabellens 10 granskade procent följer "
                    "avrundning till närmaste");
}

TEST_CASE("when two rounding rules explain equally many percents, the cells between them are all named",
          "[indicators][audit]")
{
    // 1 of 8 is 12,5 % (13 to nearest, 12 down); 5 of 8 is 62,5 % (62 down, 63 to nearest).
    const ku::indicator_audit audit = ku::audit_indicators(table_of("indikator,bas,2024\n"
                                                                    "Ansökningar,,8\n"
                                                                    "Beviljade,Ansökningar,1 (13 %)\n"
                                                                    "Avslagna,Ansökningar,5 (62 %)\n"));
    REQUIRE(audit.findings.size() == 2);
    CHECK(audit.findings[0].indikator == "Beviljade");
    CHECK(audit.findings[0].expected == 12);
    CHECK_THAT(audit.findings[0].note, Contains("bara med avrundning till närmaste eller avrundning uppåt"));
    CHECK(audit.findings[0].note == "exakt 12,5 % ger 13 % bara med avrundning till närmaste eller avrundning uppåt; "
                                    "tabellens 2 granskade procent följer lika ofta (1 var) avrundning till "
                                    "närmaste, avrundning nedåt och avrundning uppåt");
    CHECK(audit.findings[1].indikator == "Avslagna");
    CHECK(audit.findings[1].expected == 63);
}

TEST_CASE("the published forms 78 (-16 %), 34 (- 56 %) and 5 696 000 kronor (15 %) against 4 953 tkr are clean",
          "[indicators][audit]")
{
    const ku::published_indicator_table table = ku::read_published_indicators(
        ku::read_csv_file(test_data / "indicators" / "indikatorer_forandring.csv"));
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0].cells[1]->value == 78);
    CHECK(*table.rows[0].cells[1]->percent == -16);
    CHECK(*table.rows[1].cells[1]->percent == -56);
    CHECK(table.rows[2].cells[0]->value == 4'953'000);
    CHECK(table.rows[2].cells[1]->value == 5'696'000);

    const ku::indicator_audit audit = ku::audit_indicators(table);
    CHECK(audit.findings.empty());
    // The first period's 12 % has nothing to compare against: noted, not a finding.
    REQUIRE(audit.notes.size() == 1);
    CHECK(audit.notes[0] == "Deltagare, 2022: 93 (12 %): ingen föregående period att jämföra med");
}

TEST_CASE("a percent of a zero base or of a blank cell is noted as unchecked, not a finding", "[indicators][audit]")
{
    const ku::indicator_audit audit = ku::audit_indicators(table_of("indikator,bas,2023,2024\n"
                                                                    "Ansökningar,,0,\n"
                                                                    "Beviljade,Ansökningar,0 (0 %),2 (50 %)\n"));
    CHECK(audit.findings.empty());
    REQUIRE(audit.notes.size() == 2);
    CHECK(audit.notes[0] == "Beviljade, 2023: 0 (0 %): basen är 0");
    CHECK(audit.notes[1] == "Beviljade, 2024: 2 (50 %): Ansökningar saknas i samma period");
}

TEST_CASE("an indicator table's bad input names the file, line and column", "[indicators][audit][errors]")
{
    CHECK_THROWS_MATCHES(table_of("indikator,bas,2023\nBeviljade,Ansökt,4 (50 %)\n"), ku::lookup_error,
                         Catch::Matchers::Message("indikatorer.csv:2:bas: the base \"Ansökt\" is no indikator of the "
                                                  "table (nor \"föregående\")"));
    CHECK_THROWS_WITH(table_of("indikator,bas,2023\nBeviljade,,4 apor (50 %)\n"),
                      Contains("indikatorer.csv:2:2023") && Contains("unknown unit \"apor\""));
    CHECK_THROWS_WITH(table_of("indikator,bas,2023\nBeviljade,,4 (50)\n"),
                      Contains("indikatorer.csv:2:2023") && Contains("the brackets hold a percent"));
    CHECK_THROWS_WITH(table_of("indikator,bas,2023\nBeviljade,,4 (5x %)\n"), Contains("indikatorer.csv:2:2023"));
    CHECK_THROWS_WITH(table_of("indikator,bas,2023\nBeviljade,,4\nBeviljade,,5\n"),
                      Contains("indikatorer.csv:3:indikator") && Contains("appears twice"));
    CHECK_THROWS_WITH(table_of("indikator,bas\nBeviljade,\n"), Contains("no period column"));
    CHECK_THROWS_AS(table_of("indikator,2023\nBeviljade,4\n"), ku::lookup_error);
}

TEST_CASE("exact percents are shown with three decimals more than written, cut and marked when longer",
          "[indicators][audit]")
{
    CHECK(ku::approximate_percent_text(exact_share{400, 7}, 0) == "57,142…");
    CHECK(ku::approximate_percent_text(exact_share{125, 2}, 0) == "62,5");
    CHECK(ku::approximate_percent_text(exact_share{50}, 0) == "50");
    CHECK(ku::approximate_percent_text(exact_share{50}, 1) == "50,0");
    CHECK(ku::approximate_percent_text(exact_share{-1500, 93}, 0) == "-16,129…");
    CHECK(ku::approximate_percent_text(exact_share{-1, 3000}, 0) == "-0,000…");
}

TEST_CASE("a random indicator table whose percents are all rounded by one rule has no findings",
          "[indicators][audit][property]")
{
    std::mt19937_64 random{20'251'204};
    const auto uniform = [&](std::int64_t low, std::int64_t high) {
        return std::uniform_int_distribution<std::int64_t>{low, high}(random);
    };
    for (int trial = 0; trial < 300; ++trial) {
        const ku::rounding_mode rule = ku::percent_rounding_rules[gsl::narrow<std::size_t>(uniform(0, 2))];
        const auto periods = gsl::narrow<std::size_t>(uniform(1, 4));
        ku::published_indicator_table table{.source = "slump", .periods = {}, .rows = {}};
        for (std::size_t c = 0; c < periods; ++c) {
            table.periods.push_back(std::to_string(2020 + c));
        }
        const auto cell = [&](std::int64_t value, const std::optional<exact_share>& base, bool change) {
            ku::indicator_cell out{.value = value, .percent = std::nullopt, .percent_decimals = 0, .text = ""};
            if (base && *base != 0) {
                const int decimals = gsl::narrow<int>(uniform(0, 2));
                const exact_share exact = (change ? value - *base : exact_share{value}) / *base * 100;
                out.percent = ku::detail::indicator_audit_impl::rounded(exact, decimals, rule);
                out.percent_decimals = decimals;
            }
            return out;
        };
        ku::indicator_row applied{.indikator = "Ansökningar", .bas = "föregående", .cells = {}};
        ku::indicator_row granted{.indikator = "Beviljade", .bas = "Ansökningar", .cells = {}};
        for (std::size_t c = 0; c < periods; ++c) {
            const std::int64_t count = uniform(0, 40);
            applied.cells.emplace_back(cell(count, c == 0 ? std::nullopt : std::optional{applied.cells[c - 1]->value}, true));
            granted.cells.emplace_back(cell(uniform(0, count), exact_share{count}, false));
        }
        table.rows = {applied, granted};
        INFO("trial " << trial << ", rule " << ku::to_string(rule));
        CHECK(ku::audit_indicators(table).findings.empty());
    }
}
