// Every capability gives the same table from C++ as from the tool: each task of ku::app, called
// from C++ with the inputs of a golden case, rendered as CSV, is byte for byte the standard
// output the golden file records for `ku … --format csv`. The golden tests check the tool
// against the same files, and python/tests/test_agreement.py checks Python against them, so C++,
// the tool and Python agree on every capability.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/app/tasks.hpp"
#include "ku/io/render.hpp"
#include "../support/fixtures.hpp"

namespace {

using ku::test::data;
using ku::test::test_data;
const std::filesystem::path source_dir = std::filesystem::path{KU_DATA_DIR}.parent_path();
const std::filesystem::path golden = source_dir / "tests" / "golden" / "expected";

constexpr ku::app::input_names names{.separator = "--separator",
                                     .encoding = "--encoding",
                                     .members = "--members",
                                     .previous = "--previous",
                                     .mapping = "--map"};

/// The standard output the golden file of `name` records, with the repository's path as the
/// tool's run shows it.
std::string golden_stdout(const std::string& name)
{
    std::ifstream in{golden / (name + ".txt"), std::ios::binary};
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    const std::string record = text.str();
    const std::string begin = "--- stdout ---\n";
    const std::string end = "--- stderr ---\n";
    const std::size_t from = record.find(begin) + begin.size();
    std::string out = record.substr(from, record.find(end, from) - from);
    for (std::size_t at = out.find("@SRC@"); at != std::string::npos; at = out.find("@SRC@", at)) {
        out.replace(at, 5, source_dir.string());
    }
    return out;
}

template <class Result>
std::string csv_of(const Result& result)
{
    return ku::render(ku::app::report_of(result), ku::output_format::csv);
}

using ku::test::kr;

} // namespace

TEST_CASE("allocate gives the same table from C++ as ku allocate", "[agreement]")
{
    CHECK(csv_of(ku::app::allocate({.total = kr(1'583'550),
                                    .weights = data / "population_keys.csv",
                                    .column = "key_b",
                                    .members = std::nullopt,
                                    .rule = {},
                                    .csv = {}},
                                   names)) == golden_stdout("allocate-digitalisering-csv"));
}

TEST_CASE("proposal, its comparison and a scenario give the same tables from C++ as the tool", "[agreement]")
{
    CHECK(csv_of(ku::app::proposal(data / "proposal_2025.toml")) == golden_stdout("proposal-2025-csv"));
    CHECK(csv_of(ku::app::compare_proposal(data / "proposal_2025.toml", data / "financing_proposal_2025.csv", {},
                                           names)) == golden_stdout("compare-2025-csv"));
    CHECK(csv_of(ku::app::scenario(data / "scenarios" / "ledning_1730.toml", data / "scenarios" / "ledning_3500.toml")) ==
          golden_stdout("scenario-ledning-csv"));
}

TEST_CASE("the balance audit and the share audit give the same findings from C++ as ku audit", "[agreement]")
{
    CHECK(csv_of(ku::app::audit_balance({.table = test_data / "ledger" / "bokslut_2024_carry_off_1000_tkr.csv",
                                         .previous = ku::app::csv_source{data / "bokslut_2023.csv"},
                                         .mapping = std::nullopt,
                                         .in = ku::unit::tkr,
                                         .csv = {}},
                                        names)) == golden_stdout("audit-balance-carry-1000-csv"));
    CHECK(csv_of(ku::app::audit_shares(test_data / "shares" / "published_row_110.csv", {}, names)) ==
          golden_stdout("audit-shares-row-110-csv"));
}

TEST_CASE("financing shares and management financed from the areas give the same tables from C++ as the tool",
          "[agreement]")
{
    CHECK(csv_of(ku::app::shares({.funding = test_data / "shares" / "funding_2023.csv", .in = ku::unit::kr,
                                  .decimals = 0, .csv = {}},
                                 names)) == golden_stdout("shares-2023-csv"));
    CHECK(csv_of(ku::app::management({.cost = kr(1'730'000), .areas = test_data / "shares" / "funding_2023.csv",
                                      .in = ku::unit::kr, .csv = {}},
                                     names)) == golden_stdout("management-csv"));
}

TEST_CASE("overhead and price levels give the same tables from C++ as the tool", "[agreement]")
{
    CHECK(csv_of(ku::app::overhead({.administration = kr(3'500'000),
                                    .project_grants = kr(10'000'000),
                                    .surcharge = ku::rate::parse("15 %"),
                                    .new_surcharge = ku::rate::parse("20 %"),
                                    .weights = data / "population_keys.csv",
                                    .column = "key_a",
                                    .rule = {},
                                    .csv = {}},
                                   names)) == golden_stdout("overhead-15-20-csv"));
    CHECK(csv_of(ku::app::prices({.index = test_data / "prices" / "exempelindex.csv",
                                  .index_name = "KPI",
                                  .from = std::chrono::year{2016},
                                  .to = ku::budget_plan::make(std::chrono::year{2026}, 2),
                                  .amounts = ku::app::csv_source{test_data / "prices" / "avgifter_2016.csv"},
                                  .in = ku::unit::kr,
                                  .rounding = ku::rounding_mode::half_up,
                                  .csv = {}},
                                 names)) == golden_stdout("prices-plan-csv"));
}

TEST_CASE("staffing and indicators give the same tables from C++ as the tool", "[agreement]")
{
    CHECK(csv_of(ku::app::staffing(test_data / "staffing" / "arsarbetare.csv", {}, names)) ==
          golden_stdout("staffing-csv"));
    CHECK(csv_of(ku::app::indicators({.applications = test_data / "indicators" / "ansokningar.csv",
                                      .in = ku::unit::kr,
                                      .decimals = 1,
                                      .rounding = ku::rounding_mode::down,
                                      .csv = {}},
                                     names)) == golden_stdout("indicators-csv"));
}

TEST_CASE("a period's report gives the same balance table from C++ as ku report", "[agreement]")
{
    CHECK(csv_of(ku::app::build_report({.dataset = data / "bokslut_2023.toml", .previous = std::nullopt, .options = {}})) ==
          golden_stdout("report-2023-csv"));
}

TEST_CASE("the fee audit gives the same findings from C++ as ku audit fees", "[agreement]")
{
    CHECK(csv_of(ku::app::audit_fees({.table = test_data / "fees" / "moved_krona.csv",
                                      .keys = ku::app::csv_source{data / "population_keys.csv"},
                                      .in = ku::unit::kr,
                                      .csv = {}},
                                     names)) == golden_stdout("audit-fees-moved-krona-csv"));
}

TEST_CASE("the staffing audit gives the same findings from C++ as ku audit staffing", "[agreement]")
{
    CHECK(csv_of(ku::app::audit_staffing(test_data / "staffing" / "tertialer_fel.csv", {}, names)) ==
          golden_stdout("audit-staffing-fel-csv"));
}

TEST_CASE("the share audit against a balance table gives the same findings from C++ as ku audit shares --balance",
          "[agreement]")
{
    CHECK(csv_of(ku::app::audit_shares({.table = test_data / "shares" / "andelar_2023_fel.csv",
                                        .balance = test_data / "ledger" / "bokslut_2023_ledning_net_summa.csv",
                                        .names = std::nullopt,
                                        .in = ku::unit::tkr,
                                        .csv = {}},
                                       names)) == golden_stdout("audit-shares-balance-fel-csv"));
}

TEST_CASE("the indicator audit gives the same findings from C++ as ku audit indicators", "[agreement]")
{
    CHECK(csv_of(ku::app::audit_indicators(test_data / "indicators" / "indikatorer_fel.csv", {}, names)) ==
          golden_stdout("audit-indicators-fel-csv"));
}

TEST_CASE("the balance audit names the same wrong cell from C++ as ku audit balance", "[agreement]")
{
    CHECK(csv_of(ku::app::audit_balance({.table = test_data / "ledger" / "bokslut_2023_mistyped_cell.csv",
                                         .previous = std::nullopt,
                                         .mapping = std::nullopt,
                                         .in = ku::unit::tkr,
                                         .csv = {}},
                                        names)) == golden_stdout("audit-balance-mistyped-cell-csv"));
}
