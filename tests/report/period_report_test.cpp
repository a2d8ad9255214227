// A period's report from one dataset: the 2023 dataset gives the published balance table, the
// tables follow from the same amounts, every rule is checked on the dataset with the file, line
// and value, and for random datasets the tables always pass the project's own audits.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/app/tasks.hpp"
#include "ku/io/balance_io.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/dataset_io.hpp"
#include "ku/io/render.hpp"
#include "ku/io/shares_io.hpp"
#include "ku/io/tables.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/report/period_report.hpp"
#include "ku/shares/share_audit.hpp"
#include "../support/fixtures.hpp"

namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using ku::balance_column;
using ku::money;
using ku::unit;

using ku::test::data;
using ku::test::test_data;
using ku::test::tkr;

const ku::balance_row& row_named(const ku::balance_table& table, const std::string& name)
{
    const auto found = std::ranges::find_if(table.rows, [&](const ku::balance_row& row) { return row.area.name() == name; });
    REQUIRE(found != table.rows.end());
    return *found;
}

/// The findings of ku's own share audit on the percent table, read back from its CSV as a user
/// of `ku audit shares` would.
std::vector<ku::share_finding> audited_shares(const ku::percent_table& table)
{
    std::istringstream csv{ku::render_csv(ku::to_report(table), ku::csv_convention::plain)};
    return ku::audit_shares(ku::read_published_shares(ku::read_csv(csv, "andelar.csv")));
}

/// The findings of ku's own balance audit on the balance table, read back from its CSV.
std::vector<ku::finding> audited_balance(const ku::period_report& report)
{
    std::istringstream csv{ku::render_csv(ku::to_report(report, "t"), ku::csv_convention::plain)};
    return ku::audit_balance(ku::read_balance_table(ku::read_csv(csv, "balans.csv"), report.balance.unit));
}

ku::area_figures area(std::string name, money opening, std::vector<ku::source_amount> sources, money outcome)
{
    return {.area = ku::partnerskap::named(std::move(name)),
            .group = std::nullopt,
            .ingaende_balans = opening,
            .erhallna = std::move(sources),
            .budget_forbrukning = {},
            .utfall_forbrukning = outcome,
            .utbetalt_till_kommuner = {},
            .overforda_medel = {},
            .varav_statliga_medel = {},
            .where = {}};
}

ku::source_amount from(ku::funding_kind kind, std::string name, money amount)
{
    return {.source = {kind, std::move(name)}, .amount = amount};
}

} // namespace

TEST_CASE("the 2023 dataset gives the published balance table and Summa row of bokslut 2023", "[report]")
{
    const ku::dataset_file dataset = ku::read_period_dataset(data / "bokslut_2023.toml");
    const ku::period_report report = ku::build_period_report(dataset.figures);
    CHECK(dataset.title == "Kommunal utveckling, bokslut 2023");
    CHECK(report.rounded_cells == 0);

    // The published area rows (data/bokslut_2023.csv), cell for cell.
    const ku::balance_table published = ku::read_balance_table(ku::read_csv_file(data / "bokslut_2023.csv"));
    for (const ku::balance_row& row : published.rows) {
        const ku::balance_row& built = row_named(report.balance, row.area.name());
        for (const balance_column column : ku::all_balance_columns) {
            if (column == balance_column::overforda_medel) {
                continue; // the published extract has no such column
            }
            INFO(row.area.name() << ": " << ku::label(column));
            CHECK(built.cell(column).value_or(money{}) == row.cell(column).value_or(money{}));
        }
    }
    // The Summa row counts management's financing by the areas once: 51 627 tkr of outcome.
    const ku::balance_row& total = report.balance.rows.back();
    CHECK(total.kind == ku::row_kind::summa);
    CHECK(total.cell(balance_column::ingaende_balans) == tkr(164'303));
    CHECK(total.cell(balance_column::erhallna_medel) == tkr(96'975));
    CHECK(total.cell(balance_column::utfall_forbrukning) == tkr(51'627));
    CHECK(total.cell(balance_column::utbetalt_till_kommuner) == tkr(75'501));
    CHECK(total.cell(balance_column::kvarvarande_medel) == tkr(134'150));
    CHECK(total.cell(balance_column::varav_statliga_medel) == tkr(124'862));
    const ku::balance_row& internal = report.balance.rows[report.balance.rows.size() - 2];
    CHECK(internal.kind == ku::row_kind::intern);
    CHECK(internal.cell(balance_column::erhallna_medel) == tkr(-1'730));
    CHECK(internal.cell(balance_column::utfall_forbrukning) == tkr(-1'730));
}

TEST_CASE("the 2023 report passes the project's own balance and share audits", "[report]")
{
    const ku::period_report report = ku::build_period_report(ku::read_period_dataset(data / "bokslut_2023.toml").figures);
    CHECK(audited_balance(report).empty());
    CHECK(audited_shares(report.shares).empty());
}

TEST_CASE("the share table's outcomes are the balance table's, management's net of the internal row", "[report]")
{
    const ku::period_report report = ku::build_period_report(ku::read_period_dataset(data / "bokslut_2023.toml").figures);
    for (const ku::share_row& row : report.shares.rows) {
        if (row.row_kind != ku::share_row::kind::area) {
            continue;
        }
        const money outcome = row_named(report.balance, row.area.name()).cell(balance_column::utfall_forbrukning).value();
        CHECK(row.utfall == (row.area.name() == "Ledning och stab" ? outcome - tkr(1'730) : outcome));
    }
    CHECK(report.shares.rows.back().utfall == tkr(51'627));
    // Social välfärd: 9 000 tkr from kommunerna, 25 269 tkr from the state: 26 % and 74 %.
    CHECK(report.shares.percents.front().by_kind[ku::funding_kind::kommunerna].to_plain() == "26");
    CHECK(report.shares.percents.front().by_kind[ku::funding_kind::staten].to_plain() == "74");
}

TEST_CASE("the areas' part of ledning och stab is split by their outcome and sums to 1 730 tkr", "[report]")
{
    const ku::period_report report = ku::build_period_report(ku::read_period_dataset(data / "bokslut_2023.toml").figures);
    REQUIRE(report.management_charges.size() == 4);
    money sum;
    for (const ku::area_charge& charge : report.management_charges) {
        sum += charge.charge;
    }
    CHECK(sum == tkr(1'730));
    // 1 730 × 30 826 / 44 991 = 1 185,3 tkr; the rest by largest remainder in whole tkr.
    CHECK(report.management_charges[0].area.name() == "Social välfärd och hälso- och sjukvård");
    CHECK(report.management_charges[0].charge == tkr(1'185));
    CHECK(report.management_charges[1].charge == tkr(333));
    CHECK(report.management_charges[2].charge == tkr(123));
    CHECK(report.management_charges[3].charge == tkr(89));
}

TEST_CASE("the next period's opening balances are last period's closing through the reorganisation", "[report]")
{
    const ku::dataset_file previous = ku::read_period_dataset(data / "bokslut_2023.toml");
    const ku::dataset_file next = ku::read_period_dataset(test_data / "report" / "bokslut_2024.toml");
    const ku::period_report report = ku::build_period_report(next.figures, &previous.figures);
    // Förstärkt samverkan's 34 359 tkr split in halves in whole tkr (17 180 to the larger... by
    // largest remainder), Kurs och konferens's -395 tkr into Utbildning.
    const money social = row_named(report.balance, "Social välfärd och hälso- och sjukvård").cell(balance_column::ingaende_balans).value();
    const money nara = row_named(report.balance, "Nära vård").cell(balance_column::ingaende_balans).value();
    CHECK(social + nara == tkr(58'088 + 33'088 + 34'359));
    CHECK((social == tkr(58'088 + 17'180) || social == tkr(58'088 + 17'179)));
    CHECK(row_named(report.balance, "Utbildning").cell(balance_column::ingaende_balans) == tkr(3'872 - 395));
    CHECK(row_named(report.balance, "Fritid").cell(balance_column::ingaende_balans) == tkr(860));
    // The accumulated surplus is carried to the krona: the opening total is last year's closing total.
    CHECK(report.balance.rows.back().cell(balance_column::ingaende_balans) == tkr(134'150));
    CHECK(report.rounded_cells == 0);
    CHECK(audited_balance(report).empty());
}

TEST_CASE("an opening balance that is not last period's closing is refused with file, line and both values", "[report]")
{
    const ku::dataset_file previous = ku::read_period_dataset(data / "bokslut_2023.toml");
    const std::filesystem::path file = test_data / "report" / "bokslut_2024_opening_differs.toml";
    const ku::dataset_file next = ku::read_period_dataset(file);
    CHECK_THROWS_MATCHES(ku::build_period_report(next.figures, &previous.figures), ku::domain_error,
                         Catch::Matchers::Message(
                             file.string() + ":45:1: area \"Fritid\": ingående balans 900 000 kr is not last period's "
                                             "kvarvarande medel carried over, 860 000 kr; leave it out to carry it over"));
}

TEST_CASE("last period's balance that goes to no area of this period is refused, naming it", "[report]")
{
    const ku::dataset_file previous = ku::read_period_dataset(data / "bokslut_2023.toml");
    const std::filesystem::path file = test_data / "report" / "bokslut_2024_money_lost.toml";
    const ku::dataset_file next = ku::read_period_dataset(file);
    CHECK_THROWS_MATCHES(ku::build_period_report(next.figures, &previous.figures), ku::domain_error,
                         Catch::Matchers::Message(
                             file.string() + ": last period's kvarvarande medel of \"Kurs och konferens\", -395 000 kr, "
                                             "goes to no area of bokslut 2024-12-31; add the area, or a reorganisation "
                                             "rule that moves it"));
}

TEST_CASE("a dataset without opening balances needs the previous period", "[report]")
{
    const std::filesystem::path file = test_data / "report" / "bokslut_2024.toml";
    CHECK_THROWS_MATCHES(ku::build_period_report(ku::read_period_dataset(file).figures), ku::domain_error,
                         Catch::Matchers::Message(file.string() + ":6:1: area \"Social välfärd och hälso- och "
                                                                  "sjukvård\" has no ingående balans, and no previous "
                                                                  "period was given to carry it from"));
}

TEST_CASE("a state part above what remains is refused with file, line and both values", "[report]")
{
    const std::filesystem::path file = test_data / "report" / "state_above_remaining.toml";
    CHECK_THROWS_MATCHES(ku::build_period_report(ku::read_period_dataset(file).figures), ku::domain_error,
                         Catch::Matchers::Message(file.string() + ":5:1: area \"Nära vård\": varav kvarvarande "
                                                                  "statliga medel 1 301 000 kr is above kvarvarande "
                                                                  "medel 1 300 000 kr"));
}

TEST_CASE("ledning och stab financed by an area the dataset does not have is refused, naming it", "[report]")
{
    const std::filesystem::path file = test_data / "report" / "unknown_financing_area.toml";
    CHECK_THROWS_MATCHES(ku::build_period_report(ku::read_period_dataset(file).figures), ku::lookup_error,
                         Catch::Matchers::Message(file.string() + ":16:18: ledning och stab is financed by area "
                                                                  "\"Skola\", which the dataset does not have"));
}

TEST_CASE("an area that sources brought money to but has no outcome is refused by the reader", "[report]")
{
    const std::filesystem::path file = test_data / "report" / "no_outcome.toml";
    CHECK_THROWS_MATCHES(ku::read_period_dataset(file), ku::parse_error,
                         Catch::Matchers::Message(file.string() + ":5:1 (omrade[1]): area \"Fritid\" has no "
                                                                  "utfall_forbrukning, though sources brought it money; "
                                                                  "write 0 when it spent nothing"));
}

TEST_CASE("a misspelt field of a dataset is refused with its line and column", "[report]")
{
    const std::filesystem::path file = test_data / "report" / "unknown_field.toml";
    CHECK_THROWS_MATCHES(ku::read_period_dataset(file), ku::parse_error,
                         Catch::Matchers::Message(file.string() + ":9:10 (omrade[1].utfall): unknown field"));
}

TEST_CASE("a dataset in kr shown in tkr keeps every identity of the shown table", "[report]")
{
    ku::period_dataset dataset{.source = "kr.toml",
                               .period = ku::period::year(std::chrono::year{2024}),
                               .unit = unit::kr,
                               .areas = {area("Fritid", money::kr(1'499), {from(ku::funding_kind::kommunerna, "avgift", money::kr(2'500))}, money::kr(1'499)),
                                         area("Skola", money::kr(500), {from(ku::funding_kind::staten, "bidrag", money::kr(1'501))}, money::kr(0))},
                               .management = std::nullopt,
                               .from_previous = {}};
    dataset.areas[1].varav_statliga_medel = money::kr(2'001);
    const ku::period_report report = ku::build_period_report(dataset);
    CHECK(report.rounded_cells == 6); // 1 499, 2 500 and 1 499 kr; 500, 1 501 and 2 001 kr
    // Fritid: 1 + 3 (2,5 rounds up) = 4, less an outcome of 1: 3 tkr remain.
    CHECK(row_named(report.balance, "Fritid").cell(balance_column::kvarvarande_medel) == tkr(3));
    // Skola: 1 + 2 = 3 tkr, but its state part 2 001 kr shows as 2 tkr, within what remains.
    CHECK(row_named(report.balance, "Skola").cell(balance_column::varav_statliga_medel) == tkr(2));
    CHECK(audited_balance(report).empty());
}

TEST_CASE("for random datasets the built tables always pass the project's balance and share audits", "[report][property]")
{
    std::mt19937_64 rng{20261204};
    const auto uniform = [&](std::int64_t low, std::int64_t high) {
        return std::uniform_int_distribution<std::int64_t>{low, high}(rng);
    };
    const std::vector<std::string> names{"Social välfärd", "Nära vård", "Digitalisering", "Miljösamverkan",
                                         "Utbildning", "Fritid", "Kurs och konferens", "Barnahus"};
    for (int i = 0; i < 300; ++i) {
        const unit in = uniform(0, 1) == 0 ? unit::kr : unit::ore;
        const auto amount = [&](std::int64_t high) { return money::in(in, uniform(0, high)); };
        ku::period_dataset dataset{.source = "random.toml",
                                   .period = ku::period::year(std::chrono::year{2024}),
                                   .unit = in,
                                   .areas = {},
                                   .management = std::nullopt,
                                   .from_previous = {}};
        const auto count = static_cast<std::size_t>(uniform(1, static_cast<std::int64_t>(names.size())));
        for (std::size_t a = 0; a < count; ++a) {
            std::vector<ku::source_amount> sources;
            for (const ku::funding_kind kind : ku::all_funding_kinds) {
                if (uniform(0, 2) > 0) {
                    sources.push_back(from(kind, "källa", amount(5'000'000)));
                }
            }
            sources.push_back(from(ku::funding_kind::kommunerna, "grundavgift", money::in(in, uniform(1, 1'000'000))));
            ku::area_figures figures = area(names[a], money::in(in, uniform(-100'000, 10'000'000)), std::move(sources),
                                            amount(3'000'000));
            if (uniform(0, 3) == 0) {
                figures.group = "projektverksamhet";
            }
            figures.utbetalt_till_kommuner = uniform(0, 3) == 0 ? amount(500'000) : money{};
            figures.overforda_medel = uniform(0, 5) == 0 ? amount(100'000) : money{};
            figures.budget_forbrukning = amount(4'000'000);
            const money remaining = figures.ingaende_balans.value() + figures.erhallna_medel() -
                                    figures.utfall_forbrukning - figures.utbetalt_till_kommuner - figures.overforda_medel;
            figures.varav_statliga_medel =
                remaining > money{} ? money::ore(uniform(0, remaining.in_ore())) : money{};
            if (in == unit::kr) {
                figures.varav_statliga_medel = ku::round(figures.varav_statliga_medel, unit::kr, ku::rounding_mode::floor);
            }
            dataset.areas.push_back(std::move(figures));
        }
        if (uniform(0, 1) == 0) {
            ku::management_figures management{
                .own = area("Ledning och stab", money{}, {from(ku::funding_kind::kommunerna, "grundavgift", amount(2'000'000))},
                            money{}),
                .financed_by = {},
                .from_areas = {},
                .where_financed_by = {}};
            money basis;
            for (const ku::area_figures& figures : dataset.areas) {
                if (uniform(0, 1) == 0 || management.financed_by.empty()) {
                    management.financed_by.push_back(figures.area);
                    basis += figures.utfall_forbrukning;
                }
            }
            management.from_areas = basis > money{} ? money::in(in, uniform(0, basis.in_ore() / ku::ore_per(in))) : money{};
            management.own.utfall_forbrukning = management.from_areas + management.own.erhallna_medel();
            dataset.management = std::move(management);
        }
        bool any_outcome = false;
        for (const ku::area_figures& figures : dataset.areas) {
            any_outcome = any_outcome || figures.utfall_forbrukning > money{};
        }
        if (!any_outcome) {
            continue; // no outcome at all: no share table exists
        }
        for (const unit shown : {unit::kr, unit::tkr}) {
            const ku::period_report report = ku::build_period_report(dataset, nullptr, {.shown = shown});
            INFO("case " << i << " shown in " << ku::to_string(shown));
            CHECK(audited_balance(report).empty());
            CHECK(audited_shares(report.shares).empty());
            CHECK(report.shares.rows.back().utfall == report.ledger.net_total(balance_column::utfall_forbrukning));
        }
    }
}

TEST_CASE("ku report's task adds the staffing and the indicators the dataset names", "[report]")
{
    const ku::app::period_report_result result =
        ku::app::build_report({.dataset = test_data / "report" / "with_staffing.toml", .previous = std::nullopt, .options = {}});
    CHECK(result.title == "Exempel med bemanning och ansökningar");
    REQUIRE(result.staffing.has_value());
    CHECK(ku::to_string(result.staffing->total()) == "45,30");
    REQUIRE(result.indicators.size() == 3);
    const ku::report document = ku::app::report_of(result);
    std::vector<std::string> sheets;
    for (const ku::sheet& sheet : document.sheets) {
        sheets.push_back(sheet.name);
    }
    CHECK(sheets == std::vector<std::string>{"Balans", "Andelar", "Årsarbetare", "Ansökningar"});
}

TEST_CASE("the user guide's C++ tour of a period's report prints 134 150 tkr and passes its own audit", "[report]")
{
    const ku::dataset_file dataset = ku::read_period_dataset(data / "bokslut_2023.toml");
    const ku::period_report report = ku::build_period_report(dataset.figures);
    const ku::balance_row& summa = report.balance.rows.back();
    CHECK(ku::format_swedish(*summa.cell(ku::balance_column::kvarvarande_medel), {.in = ku::unit::tkr}) == "134 150 tkr");
    CHECK(ku::audit_balance(report.balance).empty());
    CHECK_THAT(ku::render_text(ku::to_report(report, dataset.title)),
               Catch::Matchers::StartsWith("Kommunal utveckling, bokslut 2023: medel per område (tkr)\n"));
}

TEST_CASE("every single wrong cell of the 2023 balance table is named, with its value, by the audit", "[report][localisation]")
{
    const ku::period_report report = ku::build_period_report(ku::read_period_dataset(data / "bokslut_2023.toml").figures);
    std::size_t injected = 0;
    for (std::size_t r = 0; r < report.balance.rows.size(); ++r) {
        for (const balance_column column : ku::all_balance_columns) {
            // Budget and the state part are only in their column's sum: any cell of the column
            // mends it, so the audit lists them all instead (the next test).
            if (column == balance_column::budget_forbrukning || column == balance_column::varav_statliga_medel ||
                !report.balance.rows[r].cell(column)) {
                continue;
            }
            ku::balance_table table = report.balance;
            const money right = *table.rows[r].cell(column);
            table.rows[r].set(column, right + tkr(7));
            const std::vector<ku::finding> findings = ku::audit_balance(table);
            std::vector<const ku::finding*> named;
            for (const ku::finding& f : findings) {
                if (f.kind == ku::finding_kind::wrong_cell) {
                    named.push_back(&f);
                }
            }
            INFO(table.rows[r].area.name() << " / " << ku::label(column));
            REQUIRE(named.size() == 1);
            CHECK(named.front()->area.same_area(table.rows[r].area));
            CHECK(named.front()->column == column);
            CHECK(named.front()->expected == right);
            CHECK(named.front()->difference == tkr(7));
            ++injected;
        }
    }
    CHECK(injected == 54); // every non-blank cell outside budget and the state part
}

TEST_CASE("a wrong budget cell is one of several equally small fixes, and the audit lists them all", "[report][localisation]")
{
    const ku::period_report report = ku::build_period_report(ku::read_period_dataset(data / "bokslut_2023.toml").figures);
    ku::balance_table table = report.balance;
    table.rows[0].set(balance_column::budget_forbrukning, tkr(38'153));
    std::size_t alternatives = 0;
    for (const ku::finding& f : ku::audit_balance(table)) {
        if (f.kind == ku::finding_kind::wrong_cell) {
            ++alternatives;
            CHECK_THAT(f.note, Catch::Matchers::Contains("lika små"));
        }
    }
    // Every area row with a budget cell, and the Summa cell: 9 + 1 ways.
    CHECK(alternatives == 10);
}
