// The task layer: each workflow of the tool and the Python module, from files or tables in
// memory to its result, with its rules in one place.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/app/tasks.hpp"
#include "ku/core/error.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/sheet.hpp"
#include "../support/fixtures.hpp"

namespace {
using Catch::Matchers::Equals;
using ku::money;
using ku::test::what;
using ku::test::data;
using ku::test::test_data;

/// The tool's names of the inputs, as its messages quote them.
constexpr ku::app::input_names command_line_names{.separator = "--separator",
                                         .encoding = "--encoding",
                                         .members = "--members",
                                         .previous = "--previous",
                                         .mapping = "--map"};

ku::csv_table csv_text_of(const std::string& text, const std::string& source)
{
    std::istringstream in{text};
    return ku::read_csv(in, source);
}
} // namespace

TEST_CASE("the proposal task computes the 2025 proposal with a grand total of 27 902 191 kr")
{
    const ku::proposal_table table = ku::app::proposal(data / "proposal_2025.toml");
    CHECK(table.fees.size() == 16);
    CHECK(table.grand_total() == money::kr(27'902'191));
}

TEST_CASE("comparing the 2025 proposal with the published table finds 25 differences and status 1")
{
    const ku::app::proposal_comparison comparison =
        ku::app::compare_proposal(data / "proposal_2025.toml", data / "financing_proposal_2025.csv", {}, command_line_names);
    CHECK(comparison.differences.size() == 25);
    CHECK_FALSE(comparison.clean());
    CHECK(comparison.status() == ku::app::status_findings);
}

TEST_CASE("allocating 100 000 kr over Aneby, Gnosjö and Mullsjö by key A gives Mullsjö the spare krona")
{
    const ku::app::allocation_result result = ku::app::allocate(
        {.total = money::kr(100'000),
         .weights = data / "population_keys.csv",
         .column = "key_a",
         .members = std::vector<std::string>{"0604", "0617", "0642"},
         .rule = {},
         .csv = {}},
        command_line_names);
    REQUIRE(result.allocation.parts.size() == 3);
    CHECK(result.allocation.parts[0].amount == money::kr(28'846));
    CHECK(result.allocation.parts[1].amount == money::kr(39'247));
    CHECK(result.allocation.parts[2].amount == money::kr(31'907));
    CHECK(result.allocation.parts[2].adjustment == money::kr(1));
    CHECK(result.catalogue.at(result.allocation.parts[2].member).name == "Mullsjö");
}

TEST_CASE("allocating over a kommun the key table lacks is refused, naming the member list and the table")
{
    const ku::csv_table keys = csv_text_of("code,pop\n0604,6842\n0617,9309\n", "two_kommuner.csv");
    CHECK_THROWS_MATCHES(
        ku::app::allocate({.total = money::kr(100),
                           .weights = keys,
                           .column = "pop",
                           .members = std::vector<std::string>{"0604", "0683"},
                           .rule = {},
                           .csv = {}},
                          command_line_names),
        ku::lookup_error, what(Equals("--members: kommun 0683 is not in two_kommuner.csv")));
}

TEST_CASE("allocating over an empty or repeated member list is refused")
{
    const ku::csv_table keys = csv_text_of("code,pop\n0604,6842\n0617,9309\n", "two_kommuner.csv");
    ku::app::allocate_request request{.total = money::kr(100),
                                      .weights = keys,
                                      .column = "pop",
                                      .members = std::vector<std::string>{},
                                      .rule = {},
                                      .csv = {}};
    CHECK_THROWS_MATCHES(ku::app::allocate(request, command_line_names), ku::domain_error,
                         what(Equals("--members: the member set is empty")));
    request.members = std::vector<std::string>{"0604", "0604"};
    CHECK_THROWS_MATCHES(ku::app::allocate(request, command_line_names), ku::domain_error,
                         what(Equals("--members: kommun 0604 appears twice")));
}

TEST_CASE("a reorganisation mapping without last period's table is refused in the caller's words")
{
    ku::app::balance_audit_request request{
        .table = test_data / "ledger" / "bokslut_2024_split.csv",
        .previous = std::nullopt,
        .mapping = test_data / "ledger" / "reorganisation_2024_split_shares.csv",
        .in = ku::unit::tkr,
        .csv = {}};
    CHECK_THROWS_MATCHES(ku::app::audit_balance(request, command_line_names), ku::domain_error,
                         what(Equals("--map needs --previous: a mapping carries last period's balances into this one")));
    CHECK_THROWS_MATCHES(ku::app::audit_balance(request, {.separator = "separator",
                                                          .encoding = "encoding",
                                                          .members = "members",
                                                          .previous = "previous",
                                                          .mapping = "mapping"}),
                         ku::domain_error,
                         what(Equals("mapping needs previous: a mapping carries last period's balances into this one")));
}

TEST_CASE("Social välfärd split into three by shares carries its 58 088 tkr into the 2024 openings")
{
    const ku::app::balance_audit audit = ku::app::audit_balance(
        {.table = test_data / "ledger" / "bokslut_2024_split.csv",
         .previous = data / "bokslut_2023.csv",
         .mapping = test_data / "ledger" / "reorganisation_2024_split_shares.csv",
         .in = ku::unit::tkr,
         .csv = {}},
        command_line_names);
    CHECK(audit.findings.empty());
    CHECK(audit.status() == ku::app::status_clean);
}

TEST_CASE("a Summa row 45 tkr short of the areas' kvarvarande medel is one finding with status 1")
{
    const ku::app::balance_audit audit =
        ku::app::audit_balance({.table = test_data / "ledger" / "bokslut_2023_wrong_total.csv",
                                .previous = std::nullopt,
                                .mapping = std::nullopt,
                                .in = ku::unit::tkr,
                                .csv = {}},
                               command_line_names);
    REQUIRE(audit.findings.size() == 2); // the mismatch, and the Summa cell named as the wrong one
    CHECK(audit.findings.front().difference == -money::in(ku::unit::tkr, 45));
    CHECK(audit.findings.back().kind == ku::finding_kind::wrong_cell);
    CHECK(audit.status() == ku::app::status_findings);
}

TEST_CASE("the shares of a funding table read from a file equal those of the same table in memory")
{
    const std::filesystem::path file = test_data / "shares" / "funding_2023.csv";
    const ku::percent_table from_file = ku::app::shares({.funding = file, .in = ku::unit::kr, .decimals = 1, .csv = {}}, command_line_names);
    const ku::percent_table from_memory = ku::app::shares(
        {.funding = ku::read_csv_file(file), .in = ku::unit::kr, .decimals = 1, .csv = {}}, command_line_names);
    REQUIRE(from_file.percents.size() == from_memory.percents.size());
    CHECK(from_file.percents == from_memory.percents);
    CHECK(from_file.rows.back().area.name() == "Summa");
    CHECK(from_file.percents.back().of_outcome.to_plain() == "100.0");
}

TEST_CASE("an unknown CSV separator is refused naming the caller's option")
{
    CHECK_THROWS_MATCHES(ku::app::audit_shares(test_data / "shares" / "published_clean.csv",
                                               {.separator = "tab", .encoding = std::nullopt}, command_line_names),
                         ku::lookup_error, what(Catch::Contains("--separator")));
}

TEST_CASE("auditing the clean published share table finds nothing, the 110 % row one fault")
{
    const ku::app::share_audit clean =
        ku::app::audit_shares(test_data / "shares" / "published_clean.csv", {}, command_line_names);
    CHECK(clean.findings.empty());
    CHECK(clean.status() == ku::app::status_clean);
    const ku::app::share_audit faulty =
        ku::app::audit_shares(test_data / "shares" / "published_row_110.csv", {}, command_line_names);
    CHECK_FALSE(faulty.findings.empty());
    CHECK(faulty.status() == ku::app::status_findings);
}

TEST_CASE("the overhead task invoices what 15 % and 20 % of 10 000 000 kr in grants leave of 3 500 000 kr by key A")
{
    const ku::app::overhead_result result =
        ku::app::overhead({.administration = money::parse("3 500 000"),
                           .project_grants = money::parse("10 000 000"),
                           .surcharge = ku::rate::percent(15),
                           .new_surcharge = ku::rate::percent(20),
                           .weights = data / "population_keys.csv",
                           .column = "key_a",
                           .rule = {},
                           .csv = {}},
                          command_line_names);
    CHECK(result.at_rate.invoiced == money::parse("2 000 000"));
    REQUIRE(result.at_new_rate);
    CHECK(result.at_new_rate->invoiced == money::parse("1 500 000"));
    const ku::kommun_code jonkoping{"0680"};
    CHECK(result.at_rate.to_kommuner.at(jonkoping).amount == money::parse("791 694"));
    CHECK(result.at_new_rate->to_kommuner.at(jonkoping).amount == money::parse("593 771"));

    // The report: the financing at both rates, then each kommun's invoice and change, which CSV writes.
    const ku::report report = ku::app::report_of(result);
    REQUIRE(report.sheets.size() == 2);
    CHECK(report.csv_sheet == 1);
    const ku::sheet& kommuner = report.sheets[1];
    CHECK(kommuner.columns.back().label == "Förändring (kr)");
    const auto jonkoping_row = std::ranges::find_if(
        kommuner.rows, [](const ku::sheet_row& row) { return row.cells[0].text == "0680"; });
    REQUIRE(jonkoping_row != kommuner.rows.end());
    CHECK(jonkoping_row->cells.back().amount == money::parse("-197 923"));
    CHECK(jonkoping_row->cells.back().formula == "=E7-D7");
    CHECK(kommuner.rows.back().role == ku::row_role::total);
    CHECK(kommuner.rows.back().cells.back().amount == money::parse("-500 000"));
    CHECK(report.sheets[0].rows.back().cells[1].formula == "=B2-B4");
}

TEST_CASE("the overhead task refuses a key column the file does not have, naming the file")
{
    CHECK_THROWS_MATCHES(ku::app::overhead({.administration = money::parse("3 500 000"),
                                            .project_grants = money::parse("10 000 000"),
                                            .surcharge = ku::rate::percent(15),
                                            .new_surcharge = std::nullopt,
                                            .weights = data / "population_keys.csv",
                                            .column = "key_z",
                                            .rule = {},
                                            .csv = {}},
                                           command_line_names),
                         ku::lookup_error, what(Catch::Contains("population_keys.csv") && Catch::Contains("key_z")));
}

TEST_CASE("allocate_many splits each total by its row of weights, as allocate would, in whole kronor")
{
    const std::vector<std::string> codes{"0604", "0617", "0642"};
    const std::vector<std::int64_t> totals{100'000 * 100, 10 * 100};
    const std::vector<std::int64_t> weights{6842, 9309, 7568, 1, 1, 1};
    const std::vector<std::int64_t> parts =
        ku::app::allocate_many(totals, weights, codes, ku::allocation_method::largest_remainder, ku::unit::kr);
    // 100 000 kr by key A over Aneby, Gnosjö, Mullsjö: 28 846 + 39 247 + 31 907 (ku allocate --members).
    CHECK(parts == std::vector<std::int64_t>{2'884'600, 3'924'700, 3'190'700, 400, 300, 300});
}

TEST_CASE("allocate_many refuses an unknown kommun, a kommun twice, a negative weight and a row of zeros")
{
    const std::vector<std::int64_t> totals{100};
    using ku::allocation_method;
    CHECK_THROWS_MATCHES(ku::app::allocate_many(totals, std::vector<std::int64_t>{1, 1},
                                                std::vector<std::string>{"0604", "0999"},
                                                allocation_method::largest_remainder, ku::unit::kr),
                         ku::lookup_error, what(Catch::Contains("0999")));
    CHECK_THROWS_MATCHES(ku::app::allocate_many(totals, std::vector<std::int64_t>{1, 1},
                                                std::vector<std::string>{"0604", "0604"},
                                                allocation_method::largest_remainder, ku::unit::kr),
                         ku::domain_error, what(Equals("allocate_many: kommun 0604 appears twice")));
    CHECK_THROWS_MATCHES(ku::app::allocate_many(totals, std::vector<std::int64_t>{1, -1},
                                                std::vector<std::string>{"0604", "0617"},
                                                allocation_method::largest_remainder, ku::unit::kr),
                         ku::domain_error, what(Equals("allocate_many: weight [0, 0617] is negative")));
    CHECK_THROWS_MATCHES(ku::app::allocate_many(totals, std::vector<std::int64_t>{0, 0},
                                                std::vector<std::string>{"0604", "0617"},
                                                allocation_method::largest_remainder, ku::unit::kr),
                         ku::domain_error, what(Equals("allocate_many: the weights of allocation 0 sum to zero")));
    CHECK_THROWS_MATCHES(ku::app::allocate_many(std::vector<std::int64_t>{150}, std::vector<std::int64_t>{1, 1},
                                                std::vector<std::string>{"0604", "0617"},
                                                allocation_method::largest_remainder, ku::unit::kr),
                         ku::domain_error, what(Equals("allocate_many: total 0 (1,5 kr) is not a whole number of kr")));
}

TEST_CASE("allocate_many refuses a total of -2^63 öre instead of splitting a refund it cannot negate")
{
    // A regression: this total reached apportion's precondition and ended the program.
    CHECK_THROWS_MATCHES(ku::app::allocate_many(std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::min()},
                                                std::vector<std::int64_t>{1, 1}, std::vector<std::string>{"0604", "0617"},
                                                ku::allocation_method::largest_remainder, ku::unit::ore),
                         ku::overflow_error, what(Catch::Contains("total 0 is -2^63 öre")));
}

TEST_CASE("prices converts one amount from a file's index, and a table read from a file, the same way",
          "[app][prices]")
{
    const std::filesystem::path index = test_data / "prices" / "exempelindex.csv";
    const ku::price_conversion one = ku::app::prices({.index = index,
                                                      .index_name = "exempelindex",
                                                      .from = std::chrono::year{2016},
                                                      .to = std::chrono::year{2025},
                                                      .amounts = ku::money::kr(1'000'000),
                                                      .in = ku::unit::kr,
                                                      .rounding = ku::rounding_mode::half_up,
                                                      .csv = {}},
                                                     command_line_names);
    // 1 000 000 × 400 / 310,25 = 1 289 282,84 kr.
    CHECK(one.at(0, 0, 0) == ku::money::kr(1'289'283));

    const ku::price_conversion plan = ku::app::prices({.index = index,
                                                       .index_name = "KPI",
                                                       .from = std::chrono::year{2016},
                                                       .to = ku::budget_plan::make(std::chrono::year{2026}, 2),
                                                       .amounts = test_data / "prices" / "avgifter_2016.csv",
                                                       .in = ku::unit::kr,
                                                       .rounding = ku::rounding_mode::half_up,
                                                       .csv = {}},
                                                      command_line_names);
    REQUIRE(plan.years.size() == 3);
    CHECK(plan.amounts.labels.front() == "Social välfärd");
    // 1 583 550 × 408 / 310,25 = 2 082 476,52 kr.
    CHECK(plan.at(0, 0, 0) == ku::money::kr(2'082'477));
    CHECK_FALSE(plan.at(1, 1, 2).has_value()); // Utbildning has no Projektmedel
    CHECK_THROWS_MATCHES(ku::app::prices({.index = index,
                                          .index_name = "KPI",
                                          .from = std::chrono::year{2015},
                                          .to = std::chrono::year{2025},
                                          .amounts = ku::money::kr(1),
                                          .in = ku::unit::kr,
                                          .rounding = ku::rounding_mode::half_up,
                                          .csv = {}},
                                         command_line_names),
                         ku::lookup_error, ku::test::what(Catch::Contains("price index \"KPI\": the index has no value for 2015")));
}
