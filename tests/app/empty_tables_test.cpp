// A table to audit that has a header but no rows is refused: auditing it would report
// "inga avvikelser" about nothing (issue #15).

#include <optional>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/app/tasks.hpp"
#include "ku/core/error.hpp"
#include "ku/io/csv.hpp"

namespace {
using Catch::Matchers::Equals;
using ku::test::what;

constexpr ku::app::input_names cli_names{.separator = "--separator",
                                         .encoding = "--encoding",
                                         .members = "--members",
                                         .previous = "--previous",
                                         .mapping = "--map"};

ku::csv_table csv_of(const std::string& text, const std::string& source)
{
    std::istringstream in{text};
    return ku::read_csv(in, source);
}

const std::string balance_header = "omrade,ingaende_balans,erhallna_medel,disponibla_medel,budget_forbrukning,"
                                   "utfall_forbrukning,utbetalt_till_kommuner,kvarvarande_medel,varav_statliga_medel\n";
const std::string balance_row = "Fritid,565,2596,3161,2500,2301,,860,\n";
/// A request to audit `table` (and `previous`), every other input left out.
ku::app::balance_audit_request audit_of(ku::csv_table table, std::optional<ku::csv_table> previous = std::nullopt)
{
    return {.table = std::move(table),
            .previous = previous ? std::optional<ku::app::csv_source>{std::move(*previous)} : std::nullopt,
            .mapping = std::nullopt,
            .in = ku::unit::tkr,
            .csv = {}};
}

const std::string percent_header = "omrade,grupp,andel_av_utfall,kommunerna,staten,ovriga\n";
} // namespace

TEST_CASE("a balance table with only its header is refused, not audited as clean", "[audit][balance][empty]")
{
    CHECK_THROWS_MATCHES(ku::app::audit_balance(audit_of(csv_of(balance_header, "bokslut.csv")), cli_names),
                         ku::domain_error,
                         what(Equals("bokslut.csv: the balance table has a header but no rows; there is nothing to "
                                     "audit")));
}

TEST_CASE("a previous balance table with only its header is refused", "[audit][balance][empty]")
{
    CHECK_THROWS_MATCHES(ku::app::audit_balance(audit_of(csv_of(balance_header + balance_row, "bokslut_2024.csv"),
                                                          csv_of(balance_header, "bokslut_2023.csv")),
                                                 cli_names),
                         ku::domain_error,
                         what(Equals("bokslut_2023.csv: the previous balance table has a header but no rows; there "
                                     "is nothing to audit")));
}

TEST_CASE("a balance table with one row is still audited", "[audit][balance][empty]")
{
    const ku::app::balance_audit audit =
        ku::app::audit_balance(audit_of(csv_of(balance_header + balance_row, "bokslut.csv")), cli_names);
    CHECK(audit.table.rows.size() == 1);
    CHECK(audit.findings.empty());
}

TEST_CASE("a percent table with only its header is refused, not audited as clean", "[audit][shares][empty]")
{
    CHECK_THROWS_MATCHES(ku::app::audit_shares(csv_of(percent_header, "andelar.csv"), {}, cli_names),
                         ku::domain_error,
                         what(Equals("andelar.csv: the percent table has a header but no rows; there is nothing to "
                                     "audit")));
}
