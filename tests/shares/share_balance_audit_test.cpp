// Two tables of the same report against each other: each area's share of the outcome in the
// share table must follow from the balance table's outcome column, with the internal financing
// of ledning och stab counted once (management net) or twice (every row's own outcome).

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ku/io/balance_io.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/shares_io.hpp"
#include "ku/shares/share_balance_audit.hpp"
#include "../support/fixtures.hpp"

using Catch::Matchers::Contains;
using ku::exact_share;
using ku::outcome_base;
using ku::share_finding_kind;

namespace {

using ku::test::test_data;

/// The published 2023 balance table, with ledning och stab and its internal row.
ku::balance_table balance_2023()
{
    return ku::read_balance_table(ku::read_csv_file(test_data / "ledger" / "bokslut_2023_ledning_net_summa.csv"),
                                  ku::unit::tkr);
}

ku::published_share_table shares(const std::string& name)
{
    return ku::read_published_shares(ku::read_csv_file(test_data / "shares" / name));
}

/// A balance table's header, and a row with only its outcome written.
const std::string balance_header = "omrade,ingaende_balans,erhallna_medel,disponibla_medel,budget_forbrukning,"
                                   "utfall_forbrukning,utbetalt_till_kommuner,kvarvarande_medel,varav_statliga_medel\n";

std::string outcome_row(const std::string& area, const std::string& outcome)
{
    return area + ",,,,," + outcome + ",,,\n";
}

} // namespace

TEST_CASE("the 2023 share table follows the balance table with ledning och stab's internal financing counted once",
          "[shares][cross]")
{
    const ku::share_balance_audit audit = ku::audit_shares_against_balance(shares("andelar_2023.csv"), balance_2023());
    CHECK(audit.base == outcome_base::internal_once);
    CHECK(ku::to_string(audit.base) == "once");
    CHECK_FALSE(audit.bases_coincide);
    CHECK(audit.compared == 9);
    CHECK(audit.explained == 9);
    CHECK(audit.findings.empty());
}

TEST_CASE("a share table of the gross outcomes (ledning och stab 3 500 of 53 357 tkr, 7 %) is explained by counting twice",
          "[shares][cross]")
{
    const ku::share_balance_audit audit =
        ku::audit_shares_against_balance(shares("andelar_2023_brutto.csv"), balance_2023());
    CHECK(audit.base == outcome_base::internal_twice);
    CHECK(audit.explained == 9);
    CHECK(audit.findings.empty());
    // Under the other base ledning och stab is 1 770 of 51 627 tkr: 3,43 %, which 7 is not.
}

TEST_CASE("two areas' shares swapped are each an outcome_mismatch with the exact share the balance table gives",
          "[shares][cross]")
{
    const ku::share_balance_audit audit = ku::audit_shares_against_balance(shares("andelar_2023_fel.csv"), balance_2023());
    CHECK(audit.base == outcome_base::internal_once);
    CHECK(audit.explained == 7);
    REQUIRE(audit.findings.size() == 2);
    const ku::share_finding& f = audit.findings[0];
    CHECK(f.kind == share_finding_kind::outcome_mismatch);
    CHECK(ku::to_string(f.kind) == "outcome_mismatch");
    CHECK(f.area.name() == "Digitalisering");
    CHECK(f.column == "andel_av_utfall");
    CHECK(f.expected == exact_share{8'657 * 100, 51'627});
    CHECK(f.found == 2);
    CHECK(f.difference == 2 - exact_share{8'657 * 100, 51'627});
    CHECK(f.classification == ku::finding_class::fault);
    CHECK(f.note == "utfall 8 657 tkr av 51 627 tkr, exakt 16,768… % (utfallet med ledning och stabs interna "
                    "finansiering räknad en gång)");
    CHECK(audit.findings[1].area.name() == "Miljösamverkan");
    CHECK(audit.findings[1].found == 17);
}

TEST_CASE("an area named differently is missing from both tables until the names are paired", "[shares][cross]")
{
    const ku::share_balance_audit unpaired =
        ku::audit_shares_against_balance(shares("andelar_2023_namn.csv"), balance_2023());
    REQUIRE(unpaired.findings.size() == 2);
    CHECK(unpaired.findings[0].kind == share_finding_kind::area_missing);
    CHECK(unpaired.findings[0].area.name() == "ESF Digitalisering");
    CHECK(unpaired.findings[0].found == 17);
    CHECK_THAT(unpaired.findings[0].note, Contains("finns i andelstabellen men inte i balanstabellen"));
    CHECK(unpaired.findings[1].area.name() == "Digitalisering");
    CHECK(unpaired.findings[1].expected == exact_share{8'657 * 100, 51'627});
    CHECK(unpaired.findings[1].found == 0);

    const std::vector<ku::area_name_pair> names =
        ku::read_area_name_pairs(ku::read_csv_file(test_data / "shares" / "namn_2023.csv"));
    REQUIRE(names.size() == 1);
    CHECK(ku::audit_shares_against_balance(shares("andelar_2023_namn.csv"), balance_2023(), names).findings.empty());
    // Names are compared as areas are: case aside, DIGITALISERING is Digitalisering.
    const std::vector<ku::area_name_pair> shouted{{.from = "ESF Digitalisering", .to = "DIGITALISERING"}};
    CHECK(ku::audit_shares_against_balance(shares("andelar_2023_namn.csv"), balance_2023(), shouted).findings.empty());
    // The pair works either way round.
    const std::vector<ku::area_name_pair> reversed{{.from = "Digitalisering", .to = "ESF Digitalisering"}};
    CHECK(ku::audit_shares_against_balance(shares("andelar_2023_namn.csv"), balance_2023(), reversed).findings.empty());
}

TEST_CASE("a balance table without internal financing makes both bases one", "[shares][cross]")
{
    std::istringstream balance_csv{balance_header + outcome_row("Barnahus", "900") + outcome_row("Nära vård", "100")};
    std::istringstream shares_csv{"omrade,andel_av_utfall,kommunerna,staten,ovriga\nBarnahus,90,100,0,0\nNära vård,10,0,100,0\n"};
    const ku::share_balance_audit audit = ku::audit_shares_against_balance(
        ku::read_published_shares(ku::read_csv(shares_csv, "andelar.csv")),
        ku::read_balance_table(ku::read_csv(balance_csv, "balans.csv"), ku::unit::tkr));
    CHECK(audit.bases_coincide);
    CHECK(audit.explained == 2);
    CHECK(audit.findings.empty());
}

TEST_CASE("a pair of area names that is empty or pairs a name twice is refused with file, line and column",
          "[shares][cross][errors]")
{
    std::istringstream twice{"from,to\nA,B\nB,C\n"};
    CHECK_THROWS_WITH(ku::read_area_name_pairs(ku::read_csv(twice, "namn.csv")),
                      Contains("namn.csv:3:from") && Contains("paired twice"));
    std::istringstream empty{"from,to\nA,\n"};
    CHECK_THROWS_WITH(ku::read_area_name_pairs(ku::read_csv(empty, "namn.csv")),
                      Contains("namn.csv:2:to") && Contains("empty"));
}

TEST_CASE("shares made by largest remainder from a random balance table are always explained", "[shares][cross][property]")
{
    std::mt19937_64 random{51'627};
    for (int trial = 0; trial < 300; ++trial) {
        const auto areas = std::uniform_int_distribution<int>{1, 10}(random);
        std::string balance = balance_header;
        std::vector<std::int64_t> outcomes;
        for (int i = 0; i < areas; ++i) {
            outcomes.push_back(std::uniform_int_distribution<std::int64_t>{0, 40'000}(random));
            balance += outcome_row("Område " + std::to_string(i), std::to_string(outcomes.back()));
        }
        const std::int64_t internal = std::uniform_int_distribution<std::int64_t>{0, outcomes.back()}(random);
        if (internal > 0) {
            balance += outcome_row("härav ledning finansierat från områdena ovan", "-" + std::to_string(internal));
        }
        std::int64_t total = -internal;
        std::vector<exact_share> exact;
        for (const std::int64_t o : outcomes) {
            total += o;
        }
        if (total == 0) {
            continue;
        }
        for (std::size_t i = 0; i < outcomes.size(); ++i) {
            const std::int64_t part = i + 1 == outcomes.size() ? outcomes[i] - internal : outcomes[i];
            exact.emplace_back(part, total);
        }
        const int decimals = std::uniform_int_distribution<int>{0, 2}(random);
        const std::vector<ku::percent> column = ku::to_percents(exact, decimals);
        std::string table = "omrade,andel_av_utfall,kommunerna,staten,ovriga\n";
        for (std::size_t i = 0; i < column.size(); ++i) {
            table += "Område " + std::to_string(i) + "," + column[i].to_plain() + ",100,0,0\n";
        }
        std::istringstream balance_csv{balance};
        std::istringstream shares_csv{table};
        const ku::share_balance_audit audit = ku::audit_shares_against_balance(
            ku::read_published_shares(ku::read_csv(shares_csv, "andelar.csv")),
            ku::read_balance_table(ku::read_csv(balance_csv, "balans.csv"), ku::unit::tkr));
        INFO("trial " << trial << "\n" << balance << table);
        CHECK(audit.findings.empty());
        CHECK(audit.explained == outcomes.size());
    }
}
