// The auditor on real numbers: the 2023 bokslut keeps its identities, and tables derived from
// it with one injected fault each (a blank derived cell, a mistyped cell, a state part larger
// than what remains, a wrong total, internal financing counted twice, carried balances off by
// 1 tkr and by 1 000 tkr, reorganised areas) are found exactly, with nothing else reported.
// Every amount is exact, in tkr as the tables are published.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/period.hpp"
#include "ku/io/balance_io.hpp"
#include "ku/io/csv.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/ledger/balance.hpp"
#include "ku/ledger/reorganisation.hpp"
#include "../support/fixtures.hpp"

namespace {

using namespace ku::literals;

using ku::balance_column;
using ku::finding_class;
using ku::finding_kind;
using ku::money;
using ku::unit;

using ku::test::tkr;
using ku::test::social;
using ku::test::social_area;

ku::balance_table bokslut_2023()
{
    return ku::read_balance_table(ku::read_csv_file(KU_DATA_DIR "/bokslut_2023.csv"), unit::tkr);
}

/// A table derived from bokslut_2023.csv in tests/data/ledger.
ku::balance_table fixture(const std::string& name)
{
    return ku::read_balance_table(ku::read_csv_file(std::string{KU_TEST_DATA_DIR} + "/ledger/" + name), unit::tkr);
}

ku::reorganisation mapping_fixture(const std::string& name, const ku::balance_table& previous)
{
    return ku::read_reorganisation(ku::read_csv_file(std::string{KU_TEST_DATA_DIR} + "/ledger/" + name), unit::tkr,
                                   &previous);
}

/// The row of `area` (or the Summa row for "Summa"), to inject a fault into.
ku::balance_row& row_of(ku::balance_table& table, std::string_view area)
{
    const auto found =
        std::ranges::find_if(table.rows, [&](const ku::balance_row& row) { return row.area.name() == area; });
    REQUIRE(found != table.rows.end());
    return *found;
}

void remove_row(ku::balance_table& table, std::string_view area)
{
    const auto found =
        std::ranges::find_if(table.rows, [&](const ku::balance_row& row) { return row.area.name() == area; });
    REQUIRE(found != table.rows.end());
    table.rows.erase(found);
}

/// An area row in tkr: ingående, erhållna, disponibla, budget, utfall, utbetalt, kvarvarande (blank
/// överförda and state part).
ku::balance_row area_row(std::string area, std::int64_t ingaende, std::int64_t erhallna, std::int64_t budget,
                         std::int64_t utfall)
{
    ku::balance_row row{.area = ku::partnerskap::named(std::move(area)), .kind = ku::row_kind::omrade, .cells = {}, .line = 0};
    row.set(balance_column::ingaende_balans, tkr(ingaende));
    row.set(balance_column::erhallna_medel, tkr(erhallna));
    row.set(balance_column::disponibla_medel, tkr(ingaende + erhallna));
    row.set(balance_column::budget_forbrukning, tkr(budget));
    row.set(balance_column::utfall_forbrukning, tkr(utfall));
    row.set(balance_column::kvarvarande_medel, tkr(ingaende + erhallna - utfall));
    return row;
}

/// The next year's table of `previous` before anything happens in it: each area opens (and
/// closes) at last year's closing balance.
ku::balance_table opening_table_after(const ku::balance_table& previous, std::string source)
{
    ku::balance_table next{.source = std::move(source), .unit = previous.unit, .rows = {}};
    for (const ku::balance_row& row : previous.rows) {
        if (row.kind == ku::row_kind::omrade) {
            const money closing = *row.cell(balance_column::kvarvarande_medel);
            ku::balance_row opened{.area = row.area, .kind = ku::row_kind::omrade, .cells = {}, .line = 0};
            opened.set(balance_column::ingaende_balans, closing);
            opened.set(balance_column::erhallna_medel, money{});
            opened.set(balance_column::disponibla_medel, closing);
            opened.set(balance_column::kvarvarande_medel, closing);
            next.rows.push_back(std::move(opened));
        }
    }
    return next;
}

std::string amount_text(const std::optional<money>& m) { return m ? ku::format_plain(*m) : std::string{"blank"}; }

/// A finding as one line, its note left out: what the tests compare exactly.
std::string summary(const ku::finding& f)
{
    return std::string{to_string(f.kind)} + " | " + f.area.name() + " | " + std::string{to_string(f.column)} +
           " | expected " + amount_text(f.expected) + " | found " + amount_text(f.found) + " | difference " +
           ku::format_plain(f.difference) + " | " +
           std::string{to_string(f.classification)};
}

ku::finding expect(finding_kind kind, std::string area, balance_column column, std::optional<money> expected,
                   std::optional<money> found, money difference,
                   finding_class classification = finding_class::fault)
{
    return {kind, ku::partnerskap::named(std::move(area)), column, expected, found, difference, classification, {}};
}

/// The findings are exactly `expected`, in order, and nothing else.
void check_findings(const std::vector<ku::finding>& actual, const std::vector<ku::finding>& expected)
{
    std::vector<std::string> actual_lines;
    std::vector<std::string> expected_lines;
    std::ranges::transform(actual, std::back_inserter(actual_lines), summary);
    std::ranges::transform(expected, std::back_inserter(expected_lines), summary);
    CHECK(actual_lines == expected_lines);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The 2023 bokslut as published

TEST_CASE("the 2023 bokslut keeps every identity, so the auditor finds nothing", "[audit][bokslut_2023]")
{
    const ku::balance_table table = bokslut_2023();
    REQUIRE(table.rows.size() == 8);
    CHECK(table.unit == unit::tkr);
    CHECK(std::ranges::all_of(table.rows, [](const auto& row) { return row.kind == ku::row_kind::omrade; }));
    CHECK(ku::audit_balance(table).empty());
}

TEST_CASE("in the 2023 ledger Social välfärd has 58 088 tkr left and Kurs och konferens, opening blank, -395 tkr",
          "[audit][bokslut_2023]")
{
    const ku::balance_table table = bokslut_2023();
    const ku::balance_period ledger = ku::to_ledger(table, ku::period::bokslut(std::chrono::year{2023}));
    REQUIRE(ledger.entries.size() == 8);
    CHECK_NOTHROW(ku::validate(ledger));

    const ku::balance_entry* welfare = ledger.find(social_area);
    REQUIRE(welfare != nullptr);
    CHECK(welfare->disponibla_medel() == tkr(95'165));
    CHECK(welfare->kvarvarande_medel() == tkr(58'088));
    CHECK(welfare->varav_statliga_medel == tkr(57'415));

    const ku::balance_entry* nara = ledger.find("Nära vård"_area);
    REQUIRE(nara != nullptr);
    CHECK(nara->kvarvarande_medel() == tkr(33'088)); // 103 996 − 1 658 − 69 250
    CHECK(nara->varav_statliga_medel == nara->kvarvarande_medel());

    REQUIRE(table.find("Kurs och konferens"_area) != nullptr);
    CHECK_FALSE(table.find("Kurs och konferens"_area)->cell(balance_column::ingaende_balans).has_value());
    const ku::balance_entry* courses = ledger.find("Kurs och konferens"_area);
    REQUIRE(courses != nullptr);
    CHECK(courses->ingaende_balans == money{});
    CHECK(courses->disponibla_medel() == tkr(1'931));
    CHECK(courses->kvarvarande_medel() == tkr(-395));
}

TEST_CASE("the 2023 accumulated surplus is the sum of the kvarvarande column over the 8 areas, 134 150 tkr",
          "[audit][bokslut_2023]")
{
    const ku::balance_table table = bokslut_2023();
    const ku::balance_period ledger = ku::to_ledger(table, ku::period::bokslut(std::chrono::year{2023}));
    const money column_sum = tkr(58'088 + 33'088 + 34'359 + 3'925 + 353 + 3'872 + 860 - 395);
    CHECK(column_sum == tkr(134'150));
    CHECK(ledger.net_total(balance_column::kvarvarande_medel) == column_sum);
    CHECK(ledger.accumulated_surplus() == column_sum);
    CHECK(ledger.gross_total(balance_column::kvarvarande_medel) == column_sum); // no internal rows

    // Every column's net total is the sum of its published cells, blanks as zero.
    for (const balance_column column : ku::all_balance_columns) {
        money published;
        for (const ku::balance_row& row : table.rows) {
            published += row.cell(column).value_or(money{});
        }
        INFO(to_string(column));
        CHECK(ledger.net_total(column) == published);
    }
    CHECK(ledger.net_total(balance_column::ingaende_balans) == tkr(164'303));
    CHECK(ledger.net_total(balance_column::erhallna_medel) == tkr(95'205));
    CHECK(ledger.net_total(balance_column::disponibla_medel) == tkr(259'508));
    CHECK(ledger.net_total(balance_column::utfall_forbrukning) == tkr(49'857));
    CHECK(ledger.net_total(balance_column::utbetalt_till_kommuner) == tkr(75'501));
    CHECK(ledger.net_total(balance_column::varav_statliga_medel) == tkr(124'862));
}

// ---------------------------------------------------------------------------------------------
// One fault in a row

TEST_CASE("a blank disponibla medel for Digitalisering is a missing value of 12 582 tkr and nothing else",
          "[audit][missing_value]")
{
    const ku::balance_table table = fixture("bokslut_2023_blank_derived.csv");
    const auto findings = ku::audit_balance(table);
    check_findings(findings, {expect(finding_kind::missing_value, "Digitalisering", balance_column::disponibla_medel,
                                     tkr(12'582), std::nullopt, tkr(-12'582))});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].note == "cellen är tom");
}

TEST_CASE("a blank kvarvarande medel is missing its -395 tkr, and a blank one that would be zero is no fault",
          "[audit][missing_value]")
{
    ku::balance_table table = bokslut_2023();
    row_of(table, "Kurs och konferens").set(balance_column::kvarvarande_medel, std::nullopt);
    check_findings(ku::audit_balance(table),
                   {expect(finding_kind::missing_value, "Kurs och konferens", balance_column::kvarvarande_medel,
                           tkr(-395), std::nullopt, tkr(395))});

    ku::balance_table next = fixture("bokslut_2024.csv"); // Kurs och konferens closes 2024 at 0
    row_of(next, "Kurs och konferens").set(balance_column::kvarvarande_medel, std::nullopt);
    CHECK(ku::audit_balance(next).empty());
}

TEST_CASE("a mistyped disponibla medel for Nära vård (103 969 for 103 996) breaks its identity by -27 tkr",
          "[audit][identity_broken]")
{
    ku::balance_table table = bokslut_2023();
    row_of(table, "Nära vård").set(balance_column::disponibla_medel, tkr(103'969));
    const auto findings = ku::audit_balance(table);
    // The one cell whose change mends both identities of the row is named, with its value.
    check_findings(findings, {expect(finding_kind::identity_broken, "Nära vård", balance_column::disponibla_medel,
                                     tkr(103'996), tkr(103'969), tkr(-27)),
                              expect(finding_kind::wrong_cell, "Nära vård", balance_column::disponibla_medel,
                                     tkr(103'996), tkr(103'969), tkr(-27))});
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].note == "ingående balans + erhållna medel; tolerans ±1,5 tkr (3 avrundade celler)");
    CHECK(findings[1].note == "den minsta ändring som får alla samband och summor att stämma (1 cell)");
}

TEST_CASE("a mistyped kvarvarande medel for Utbildning (3 827 for 3 872) breaks its identity by -45 tkr",
          "[audit][identity_broken]")
{
    ku::balance_table table = bokslut_2023();
    row_of(table, "Utbildning").set(balance_column::kvarvarande_medel, tkr(3'827));
    const auto findings = ku::audit_balance(table);
    // Without a Summa row, the outcome (3 252) or what remains (3 872) mends it equally: both listed.
    check_findings(findings, {expect(finding_kind::identity_broken, "Utbildning", balance_column::kvarvarande_medel,
                                     tkr(3'872), tkr(3'827), tkr(-45)),
                              expect(finding_kind::wrong_cell, "Utbildning", balance_column::utfall_forbrukning,
                                     tkr(3'252), tkr(3'207), tkr(-45)),
                              expect(finding_kind::wrong_cell, "Utbildning", balance_column::kvarvarande_medel,
                                     tkr(3'872), tkr(3'827), tkr(-45))});
    REQUIRE(findings.size() == 3);
    CHECK_THAT(findings[0].note, Catch::Contains("disponibla − utfall förbrukning"));
    CHECK_THAT(findings[1].note, Catch::StartsWith("sätt 1 av 2 lika små"));
}

TEST_CASE("a mistyped erhållna medel breaks both derived identities of its row", "[audit][identity_broken]")
{
    ku::balance_table table = bokslut_2023();
    row_of(table, "Fritid").set(balance_column::erhallna_medel, tkr(2'569)); // 2 596 published
    check_findings(ku::audit_balance(table),
                   {expect(finding_kind::identity_broken, "Fritid", balance_column::disponibla_medel, tkr(3'134),
                           tkr(3'161), tkr(27)),
                    expect(finding_kind::identity_broken, "Fritid", balance_column::kvarvarande_medel, tkr(833),
                           tkr(860), tkr(27)),
                    // Only disponibla = ingående + erhållna fails as published: either entered cell mends it.
                    expect(finding_kind::wrong_cell, "Fritid", balance_column::ingaende_balans, tkr(592), tkr(565),
                           tkr(-27)),
                    expect(finding_kind::wrong_cell, "Fritid", balance_column::erhallna_medel, tkr(2'596),
                           tkr(2'569), tkr(-27))});
}

TEST_CASE("a state part of 33 100 tkr where Nära vård has 33 088 tkr left is larger than what remains",
          "[audit][identity_broken][invariant]")
{
    ku::balance_table table = bokslut_2023();
    row_of(table, "Nära vård").set(balance_column::varav_statliga_medel, tkr(33'100));
    const auto findings = ku::audit_balance(table);
    check_findings(findings, {expect(finding_kind::identity_broken, "Nära vård",
                                     balance_column::varav_statliga_medel, tkr(33'088), tkr(33'100), tkr(12))});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].note == "statliga medel kan inte överstiga kvarvarande medel; tolerans ±3 tkr (6 avrundade celler)");
}

TEST_CASE("a negative state part is a fault, but a state part beside a negative balance is not",
          "[audit][identity_broken][invariant]")
{
    ku::balance_table table = bokslut_2023();
    row_of(table, social).set(balance_column::varav_statliga_medel, tkr(-1));
    const auto findings = ku::audit_balance(table);
    check_findings(findings, {expect(finding_kind::identity_broken, social, balance_column::varav_statliga_medel,
                                     money{}, tkr(-1), tkr(-1))});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].note == "statliga medel kan inte vara negativa");

    // Kurs och konferens has -395 tkr left: the upper bound applies only while what remains is positive.
    ku::balance_table courses = bokslut_2023();
    row_of(courses, "Kurs och konferens").set(balance_column::varav_statliga_medel, tkr(10));
    CHECK(ku::audit_balance(courses).empty());
}

// ---------------------------------------------------------------------------------------------
// The Summa row

TEST_CASE("a Summa row with 134 105 tkr remaining where the areas sum to 134 150 tkr is a total mismatch of -45 tkr",
          "[audit][total_mismatch]")
{
    const ku::balance_table table = fixture("bokslut_2023_wrong_total.csv");
    const auto findings = ku::audit_balance(table);
    // The Summa cell itself is the one cell whose change mends the sum without breaking the row's
    // identities: it is named.
    check_findings(findings, {expect(finding_kind::total_mismatch, "Summa", balance_column::kvarvarande_medel,
                                     tkr(134'150), tkr(134'105), tkr(-45)),
                              expect(finding_kind::wrong_cell, "Summa", balance_column::kvarvarande_medel,
                                     tkr(134'150), tkr(134'105), tkr(-45))});
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].note == "tabellen har inga interna rader; tolerans ±4,5 tkr (9 avrundade celler)");

    ku::balance_table corrected = table;
    row_of(corrected, "Summa").set(balance_column::kvarvarande_medel, tkr(134'150));
    CHECK(ku::audit_balance(corrected).empty());
}

TEST_CASE("a blank cell in the Summa row is missing the column's total", "[audit][total_mismatch]")
{
    ku::balance_table table = fixture("bokslut_2023_wrong_total.csv");
    row_of(table, "Summa").set(balance_column::kvarvarande_medel, std::nullopt);
    row_of(table, "Summa").set(balance_column::utbetalt_till_kommuner, std::nullopt);
    check_findings(ku::audit_balance(table),
                   {expect(finding_kind::missing_value, "Summa", balance_column::utbetalt_till_kommuner, tkr(75'501),
                           std::nullopt, tkr(-75'501)),
                    expect(finding_kind::missing_value, "Summa", balance_column::kvarvarande_medel, tkr(134'150),
                           std::nullopt, tkr(-134'150))});
}

TEST_CASE("a blank derived cell counts at its identity's value in the total, so only the blank is reported",
          "[audit][missing_value][total_mismatch]")
{
    ku::balance_table table = fixture("bokslut_2023_wrong_total.csv");
    row_of(table, "Summa").set(balance_column::kvarvarande_medel, tkr(134'150));
    row_of(table, "Digitalisering").set(balance_column::disponibla_medel, std::nullopt);
    check_findings(ku::audit_balance(table), {expect(finding_kind::missing_value, "Digitalisering",
                                                     balance_column::disponibla_medel, tkr(12'582), std::nullopt,
                                                     tkr(-12'582))});
}

TEST_CASE("a Summa that leaves out the internal financing of Ledning och stab counts 1 730 tkr twice",
          "[audit][total_mismatch][internal]")
{
    const ku::balance_table table = fixture("bokslut_2023_ledning_gross_summa.csv");
    REQUIRE(table.rows.size() == 11);
    REQUIRE(table.find("Ledning och stab"_area) != nullptr);
    CHECK(table.find("Ledning och stab"_area)->kind == ku::row_kind::omrade);
    CHECK(table.rows[9].kind == ku::row_kind::intern);
    CHECK(table.rows[10].kind == ku::row_kind::summa);

    const auto findings = ku::audit_balance(table);
    check_findings(findings, {expect(finding_kind::total_mismatch, "Summa", balance_column::erhallna_medel,
                                     tkr(96'975), tkr(98'705), tkr(1'730)),
                              expect(finding_kind::total_mismatch, "Summa", balance_column::disponibla_medel,
                                     tkr(261'278), tkr(263'008), tkr(1'730)),
                              expect(finding_kind::total_mismatch, "Summa", balance_column::utfall_forbrukning,
                                     tkr(51'627), tkr(53'357), tkr(1'730))});
    for (const ku::finding& f : findings) {
        CHECK_THAT(f.note, Catch::Contains("den interna finansieringen räknats två gånger") &&
                               Catch::Contains("utelämnar de interna raderna"));
    }
}

TEST_CASE("a Summa that counts the internal financing of Ledning och stab once is right", "[audit][internal]")
{
    const ku::balance_table table = fixture("bokslut_2023_ledning_net_summa.csv");
    CHECK(ku::audit_balance(table).empty());

    const ku::balance_period ledger = ku::to_ledger(table, ku::period::bokslut(std::chrono::year{2023}));
    REQUIRE(ledger.entries.size() == 10); // the Summa row is not an entry
    CHECK(ledger.entries.back().internal);
    CHECK(ledger.gross_total(balance_column::erhallna_medel) == tkr(98'705));
    CHECK(ledger.net_total(balance_column::erhallna_medel) == tkr(96'975));
    CHECK(ledger.gross_total(balance_column::utfall_forbrukning) == tkr(53'357));
    CHECK(ledger.net_total(balance_column::utfall_forbrukning) == tkr(51'627));
    CHECK(ledger.accumulated_surplus() == tkr(134'150));
}

TEST_CASE("a Summa that adds the internal row twice is explained as the internal rows counted twice",
          "[audit][total_mismatch][internal]")
{
    ku::balance_table table = fixture("bokslut_2023_ledning_net_summa.csv");
    ku::balance_row& total = row_of(table, "Summa");
    total.set(balance_column::erhallna_medel, tkr(96'975 - 1'730));
    const auto findings = ku::audit_balance(table);
    check_findings(findings, {expect(finding_kind::total_mismatch, "Summa", balance_column::erhallna_medel,
                                     tkr(96'975), tkr(95'245), tkr(-1'730))});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].note == "förklaras av att de interna raderna räknats två gånger");

    total.set(balance_column::erhallna_medel, tkr(96'975 + 1));
    const auto unexplained = ku::audit_balance(table);
    REQUIRE(unexplained.size() == 2);
    CHECK(unexplained[0].note == "förklaras inte av de interna raderna; tolerans ±5,5 tkr (11 avrundade celler)");
    // Not the internal rows, so a cell is wrong: the Summa cell, 1 tkr too high.
    CHECK(unexplained[1].kind == finding_kind::wrong_cell);
    CHECK(unexplained[1].column == balance_column::erhallna_medel);
    CHECK(unexplained[1].expected == tkr(96'975));
}

// ---------------------------------------------------------------------------------------------
// Carry-over into 2024

TEST_CASE("2024 opening at 2023's closing balances carries every area over without a finding", "[audit][carry_over]")
{
    const ku::balance_table previous = bokslut_2023();
    const ku::balance_table table = fixture("bokslut_2024.csv");
    CHECK(ku::audit_balance(table).empty());
    CHECK(ku::audit_balance(table, &previous).empty());

    // The ledger's roll-forward opens 2024 exactly where the published 2024 table does.
    const ku::balance_period rolled =
        ku::roll_forward(ku::to_ledger(previous, ku::period::bokslut(std::chrono::year{2023})),
                         ku::period::bokslut(std::chrono::year{2024}));
    REQUIRE(rolled.entries.size() == table.rows.size());
    for (const ku::balance_row& row : table.rows) {
        INFO(row.area.name());
        REQUIRE(rolled.find(row.area) != nullptr);
        CHECK(rolled.find(row.area)->ingaende_balans == row.cell(balance_column::ingaende_balans).value_or(money{}));
    }
}

TEST_CASE("Nära vård opening 2024 at 33 089 tkr after closing 2023 at 33 088 tkr is a 1 tkr rounding difference",
          "[audit][carry_over]")
{
    const ku::balance_table previous = bokslut_2023();
    const ku::balance_table table = fixture("bokslut_2024_carry_off_1_tkr.csv");
    CHECK(ku::audit_balance(table).empty()); // the row's own identities hold
    const auto findings = ku::audit_balance(table, &previous);
    check_findings(findings, {expect(finding_kind::carry_over_difference, "Nära vård",
                                     balance_column::ingaende_balans, tkr(33'088), tkr(33'089), tkr(1),
                                     finding_class::rounding)});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].note == "överfört från Nära vård; tolerans ±1 tkr (2 avrundade celler)");
}

TEST_CASE("Förstärkt samverkan opening 2024 1 000 tkr above its 2023 closing balance is unexplained",
          "[audit][carry_over]")
{
    const ku::balance_table previous = bokslut_2023();
    const ku::balance_table table = fixture("bokslut_2024_carry_off_1000_tkr.csv");
    CHECK(ku::audit_balance(table).empty());
    check_findings(ku::audit_balance(table, &previous),
                   {expect(finding_kind::carry_over_difference, "Förstärkt samverkan", balance_column::ingaende_balans,
                           tkr(34'359), tkr(35'359), tkr(1'000), finding_class::fault)});
}

TEST_CASE("rounding explains half a tkr per row involved: 1 tkr between two rows, not 2 tkr", "[audit][carry_over]")
{
    const ku::balance_table previous = bokslut_2023();
    ku::balance_table table = fixture("bokslut_2024.csv");
    ku::balance_row& nara = row_of(table, "Nära vård");
    nara.set(balance_column::ingaende_balans, tkr(33'086));
    nara.set(balance_column::erhallna_medel, tkr(35'002));
    CHECK(ku::audit_balance(table).empty());
    check_findings(ku::audit_balance(table, &previous),
                   {expect(finding_kind::carry_over_difference, "Nära vård", balance_column::ingaende_balans,
                           tkr(33'088), tkr(33'086), tkr(-2), finding_class::fault)});

    nara.set(balance_column::ingaende_balans, tkr(33'087));
    nara.set(balance_column::erhallna_medel, tkr(35'001));
    check_findings(ku::audit_balance(table, &previous),
                   {expect(finding_kind::carry_over_difference, "Nära vård", balance_column::ingaende_balans,
                           tkr(33'088), tkr(33'087), tkr(-1), finding_class::rounding)});
}

TEST_CASE("a blank opening balance counts as zero against last year's closing balance", "[audit][carry_over]")
{
    const ku::balance_table previous = bokslut_2023();
    ku::balance_table table = fixture("bokslut_2024.csv");
    ku::balance_row& courses = row_of(table, "Kurs och konferens"); // opens at -395
    courses.set(balance_column::ingaende_balans, std::nullopt);
    courses.set(balance_column::erhallna_medel, tkr(1'605));
    CHECK(ku::audit_balance(table).empty());
    check_findings(ku::audit_balance(table, &previous),
                   {expect(finding_kind::carry_over_difference, "Kurs och konferens", balance_column::ingaende_balans,
                           tkr(-395), std::nullopt, tkr(395), finding_class::fault)});
}

TEST_CASE("Social välfärd split into three by shares 1/2, 3/10 and 1/5 opens at 29 044, 17 426 and 11 618 tkr",
          "[audit][carry_over][reorganisation]")
{
    const ku::balance_table previous = bokslut_2023();
    const ku::balance_table table = fixture("bokslut_2024_split.csv");
    const ku::reorganisation mapping = mapping_fixture("reorganisation_2024_split_shares.csv", previous);
    REQUIRE(mapping.rules().size() == 3);
    CHECK(ku::audit_balance(table).empty());
    CHECK(ku::audit_balance(table, &previous, &mapping).empty());

    // 58 088 × 1/5 = 11 617,6: the split's spare tkr goes to the largest remainder.
    const std::vector<ku::area_amount> carried =
        mapping.apply({{social_area, tkr(58'088)}}, unit::tkr);
    CHECK(carried == std::vector<ku::area_amount>{
                         {"Socialtjänst"_area, tkr(29'044)}, {"Hälso- och sjukvård"_area, tkr(17'426)}, {"Barn och unga"_area, tkr(11'618)}});
}

TEST_CASE("a split part opening 1 tkr below its share is a rounding difference from the split area",
          "[audit][carry_over][reorganisation]")
{
    const ku::balance_table previous = bokslut_2023();
    ku::balance_table table = fixture("bokslut_2024_split.csv");
    ku::balance_row& children = row_of(table, "Barn och unga");
    children.set(balance_column::ingaende_balans, tkr(11'617));
    children.set(balance_column::erhallna_medel, tkr(6'001));
    const ku::reorganisation mapping = mapping_fixture("reorganisation_2024_split_shares.csv", previous);
    CHECK(ku::audit_balance(table).empty());
    const auto findings = ku::audit_balance(table, &previous, &mapping);
    check_findings(findings, {expect(finding_kind::carry_over_difference, "Barn och unga",
                                     balance_column::ingaende_balans, tkr(11'618), tkr(11'617), tkr(-1),
                                     finding_class::rounding)});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].note == "överfört från " + social + "; tolerans ±1 tkr (2 avrundade celler)");
}

TEST_CASE("a split without its mapping shows three new areas and the split area's balance vanished",
          "[audit][carry_over][reorganisation]")
{
    const ku::balance_table previous = bokslut_2023();
    const ku::balance_table table = fixture("bokslut_2024_split.csv");
    const auto findings = ku::audit_balance(table, &previous);
    check_findings(findings,
                   {expect(finding_kind::carry_over_difference, "Socialtjänst", balance_column::ingaende_balans,
                           money{}, tkr(29'044), tkr(29'044), finding_class::fault),
                    expect(finding_kind::carry_over_difference, "Hälso- och sjukvård", balance_column::ingaende_balans,
                           money{}, tkr(17'426), tkr(17'426), finding_class::fault),
                    expect(finding_kind::carry_over_difference, "Barn och unga", balance_column::ingaende_balans,
                           money{}, tkr(11'618), tkr(11'618), finding_class::fault),
                    expect(finding_kind::carry_over_difference, social, balance_column::ingaende_balans, tkr(58'088),
                           std::nullopt, tkr(-58'088), finding_class::fault)});
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].note == "nytt område: inget fördes över; tolerans ±0,5 tkr (1 avrundad cell)");
    CHECK(findings[3].note == "överfört från " + social + ", men området finns inte i tabellen; tolerans ±0,5 tkr (1 avrundad cell)");
}

TEST_CASE("a split by amounts carries exactly the amounts the mapping names", "[audit][carry_over][reorganisation]")
{
    const ku::balance_table previous = bokslut_2023();
    const ku::balance_table table = fixture("bokslut_2024_split.csv");
    const ku::reorganisation published = mapping_fixture("reorganisation_2024_split_amounts.csv", previous);
    CHECK(ku::audit_balance(table, &previous, &published).empty());

    // A mapping that moves 44 tkr from Socialtjänst to Hälso- och sjukvård.
    const ku::reorganisation moved{{{social_area, "Socialtjänst"_area, tkr(29'000)},
                                    {social_area, "Hälso- och sjukvård"_area, tkr(17'470)},
                                    {social_area, "Barn och unga"_area, tkr(11'618)}}};
    check_findings(ku::audit_balance(table, &previous, &moved),
                   {expect(finding_kind::carry_over_difference, "Socialtjänst", balance_column::ingaende_balans,
                           tkr(29'000), tkr(29'044), tkr(44), finding_class::fault),
                    expect(finding_kind::carry_over_difference, "Hälso- och sjukvård", balance_column::ingaende_balans,
                           tkr(17'470), tkr(17'426), tkr(-44), finding_class::fault)});
}

TEST_CASE("Utbildning and Fritid merged into one area open at their summed 4 732 tkr", "[audit][carry_over][reorganisation]")
{
    const ku::balance_table previous = bokslut_2023();
    ku::balance_table table = fixture("bokslut_2024.csv");
    remove_row(table, "Utbildning");
    remove_row(table, "Fritid");
    table.rows.push_back(area_row("Utbildning och fritid", 3'872 + 860, 4'100, 5'800, 5'832));
    const ku::reorganisation merge{{{"Utbildning"_area, "Utbildning och fritid"_area, ku::ratio::whole(1)},
                                    {"Fritid"_area, "Utbildning och fritid"_area, ku::ratio::whole(1)}}};
    CHECK(ku::audit_balance(table).empty());
    CHECK(ku::audit_balance(table, &previous, &merge).empty());

    // 1 tkr off over three rows (two closing, one opening) is within rounding.
    ku::balance_row& merged = row_of(table, "Utbildning och fritid");
    merged.set(balance_column::ingaende_balans, tkr(4'731));
    merged.set(balance_column::erhallna_medel, tkr(4'101));
    const auto findings = ku::audit_balance(table, &previous, &merge);
    check_findings(findings, {expect(finding_kind::carry_over_difference, "Utbildning och fritid",
                                     balance_column::ingaende_balans, tkr(4'732), tkr(4'731), tkr(-1),
                                     finding_class::rounding)});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].note == "överfört från Utbildning, Fritid; tolerans ±1,5 tkr (3 avrundade celler)");
}

TEST_CASE("Kurs och konferens, closed at zero after 2024, may leave the 2025 table with or without a mapping",
          "[audit][carry_over][reorganisation]")
{
    const ku::balance_table previous = fixture("bokslut_2024.csv");
    ku::balance_table table = opening_table_after(previous, "bokslut_2025.csv");
    remove_row(table, "Kurs och konferens");
    CHECK(ku::audit_balance(table, &previous).empty());

    const ku::reorganisation close{{{"Kurs och konferens"_area, std::nullopt, ku::ratio::whole(1)}}};
    CHECK(ku::audit_balance(table, &previous, &close).empty());
}

TEST_CASE("closing an area that still has a balance is refused, not a finding", "[audit][carry_over][reorganisation]")
{
    const ku::balance_table previous = fixture("bokslut_2024.csv");
    ku::balance_table table = opening_table_after(previous, "bokslut_2025.csv");
    remove_row(table, "Fritid");
    const ku::reorganisation close{{{"Fritid"_area, std::nullopt, ku::ratio::whole(1)}}};
    CHECK_THROWS_MATCHES(ku::audit_balance(table, &previous, &close), ku::domain_error,
                         Catch::Matchers::Predicate<ku::domain_error>([](const ku::domain_error& e) {
                             const std::string what = e.what();
                             return what.find("\"Fritid\" is closed but has a balance of 1 000 000 kr") !=
                                    std::string::npos;
                         }));
}

TEST_CASE("a new area opened at zero carries nothing and is no fault; opened at 500 tkr it is unexplained",
          "[audit][carry_over]")
{
    const ku::balance_table previous = fixture("bokslut_2024.csv");
    ku::balance_table table = opening_table_after(previous, "bokslut_2025.csv");
    table.rows.push_back(area_row("Hållbar utveckling", 0, 2'000, 2'000, 1'500));
    CHECK(ku::audit_balance(table, &previous).empty());
    row_of(table, "Hållbar utveckling").set(balance_column::ingaende_balans, std::nullopt);
    CHECK(ku::audit_balance(table, &previous).empty());

    ku::balance_table opened = opening_table_after(previous, "bokslut_2025.csv");
    opened.rows.push_back(area_row("Hållbar utveckling", 500, 2'000, 2'000, 1'500));
    const auto findings = ku::audit_balance(opened, &previous);
    check_findings(findings, {expect(finding_kind::carry_over_difference, "Hållbar utveckling",
                                     balance_column::ingaende_balans, money{}, tkr(500), tkr(500),
                                     finding_class::fault)});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].note == "nytt område: inget fördes över; tolerans ±0,5 tkr (1 avrundad cell)");
}

TEST_CASE("Fritid dropped from 2024 without a mapping: its 860 tkr vanished", "[audit][carry_over]")
{
    const ku::balance_table previous = bokslut_2023();
    ku::balance_table table = fixture("bokslut_2024.csv");
    remove_row(table, "Fritid");
    const auto findings = ku::audit_balance(table, &previous);
    check_findings(findings, {expect(finding_kind::carry_over_difference, "Fritid", balance_column::ingaende_balans,
                                     tkr(860), std::nullopt, tkr(-860), finding_class::fault)});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].note == "överfört från Fritid, men området finns inte i tabellen; tolerans ±0,5 tkr (1 avrundad cell)");
}

TEST_CASE("a mapping naming an area the previous table does not have is a lookup error", "[audit][carry_over]")
{
    const ku::balance_table previous = bokslut_2023();
    const ku::balance_table table = fixture("bokslut_2024.csv");
    const ku::reorganisation mapping{{{"Social välfärd"_area, "Socialtjänst"_area, ku::ratio::whole(1)}}};
    CHECK_THROWS_AS(ku::audit_balance(table, &previous, &mapping), ku::lookup_error);
    CHECK_THROWS_WITH(ku::audit_balance(table, &previous, &mapping), Catch::Contains("\"Social välfärd\""));
}

TEST_CASE("faults are listed row by row, column by column, then the Summa, then carry-over", "[audit]")
{
    const ku::balance_table previous = bokslut_2023();
    ku::balance_table table = fixture("bokslut_2024_carry_off_1000_tkr.csv");
    row_of(table, social).set(balance_column::disponibla_medel, tkr(88'080));
    row_of(table, social).set(balance_column::kvarvarande_medel, tkr(52'589));
    row_of(table, "Fritid").set(balance_column::kvarvarande_medel, std::nullopt);

    // A Summa row, placed among the areas, that agrees with the published cells (a blank derived
    // cell at its identity's value) except for kvarvarande medel, 11 tkr too high.
    const ku::balance_period ledger = ku::to_ledger(table, ku::period::bokslut(std::chrono::year{2024}));
    ku::balance_row total{.area = "Summa"_area, .kind = ku::row_kind::summa, .cells = {}, .line = 0};
    for (const balance_column column : ku::all_balance_columns) {
        money sum;
        for (const ku::balance_row& row : table.rows) {
            sum += row.cell(column).value_or(ledger.find(row.area)->value(column));
        }
        total.set(column, sum);
    }
    const money rows_kvarvarande = tkr(52'589 + 26'388 + 35'500 + 4'000 + 500 + 2'000 + 1'000 + 0);
    REQUIRE(total.cell(balance_column::kvarvarande_medel) == rows_kvarvarande);
    total.set(balance_column::kvarvarande_medel, rows_kvarvarande + tkr(11));
    table.rows.insert(table.rows.begin() + 3, total);

    check_findings(ku::audit_balance(table, &previous),
                   {expect(finding_kind::identity_broken, social, balance_column::disponibla_medel, tkr(88'088),
                           tkr(88'080), tkr(-8)),
                    expect(finding_kind::identity_broken, social, balance_column::kvarvarande_medel, tkr(52'588),
                           tkr(52'589), tkr(1), finding_class::rounding),
                    expect(finding_kind::missing_value, "Fritid", balance_column::kvarvarande_medel, tkr(1'000),
                           std::nullopt, tkr(-1'000)),
                    expect(finding_kind::total_mismatch, "Summa", balance_column::kvarvarande_medel, tkr(121'977),
                           tkr(121'988), tkr(11)),
                    expect(finding_kind::carry_over_difference, "Förstärkt samverkan", balance_column::ingaende_balans,
                           tkr(34'359), tkr(35'359), tkr(1'000), finding_class::fault)});
}

TEST_CASE("a table in kr tolerates half a krona per row involved in carry-over", "[audit][carry_over]")
{
    ku::balance_table previous{.source = "2023.csv", .unit = unit::kr, .rows = {}};
    ku::balance_row closed{.area = "Fritid"_area, .kind = ku::row_kind::omrade, .cells = {}, .line = 0};
    closed.set(balance_column::kvarvarande_medel, money::kr(860'412));
    previous.rows.push_back(closed);

    ku::balance_table table{.source = "2024.csv", .unit = unit::kr, .rows = {}};
    ku::balance_row opened{.area = "Fritid"_area, .kind = ku::row_kind::omrade, .cells = {}, .line = 0};
    opened.set(balance_column::ingaende_balans, money::kr(860'413));
    opened.set(balance_column::disponibla_medel, money::kr(860'413));
    opened.set(balance_column::kvarvarande_medel, money::kr(860'413));
    table.rows.push_back(opened);
    check_findings(ku::audit_balance(table, &previous),
                   {expect(finding_kind::carry_over_difference, "Fritid", balance_column::ingaende_balans,
                           money::kr(860'412), money::kr(860'413), money::kr(1), finding_class::rounding)});

    table.rows[0].set(balance_column::ingaende_balans, money::kr(860'414));
    table.rows[0].set(balance_column::disponibla_medel, money::kr(860'414));
    table.rows[0].set(balance_column::kvarvarande_medel, money::kr(860'414));
    check_findings(ku::audit_balance(table, &previous),
                   {expect(finding_kind::carry_over_difference, "Fritid", balance_column::ingaende_balans,
                           money::kr(860'412), money::kr(860'414), money::kr(2), finding_class::fault)});
}

TEST_CASE("an opening balance is matched to last year's closing by area id, so a respelt name carries over",
          "[audit][carry_over]")
{
    const std::vector<ku::area_amount> closing{{"Nära vård"_area, tkr(33'088)}, {"Fritid"_area, tkr(860)}};
    const std::vector<ku::area_opening> opening{{"NÄRA VÅRD"_area, tkr(33'088)}, {"Fritid"_area, tkr(860)}};
    CHECK(ku::carry_over_findings(closing, opening, nullptr, unit::tkr).empty());

    // A different area is not matched: its money vanished and the new one opens from nothing.
    const std::vector<ku::area_opening> renamed{{"Nära vård i länet"_area, tkr(33'088)}, {"Fritid"_area, tkr(860)}};
    const std::vector<ku::finding> findings = ku::carry_over_findings(closing, renamed, nullptr, unit::tkr);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].area.name() == "Nära vård i länet");
    CHECK(findings[0].note == "nytt område: inget fördes över; tolerans ±0,5 tkr (1 avrundad cell)");
    CHECK(findings[1].area.name() == "Nära vård");
    CHECK(findings[1].difference == tkr(-33'088));
}
