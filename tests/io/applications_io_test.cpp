// Grant applications read from CSV and their indicators: success rates by count and in kronor,
// changes from the previous period, each percent rounded on purpose and blank where none exists.

#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/io/applications_io.hpp"
#include "ku/io/render.hpp"
#include "ku/io/tables.hpp"

namespace {

using ku::money;
using ku::test::what;
using Catch::Contains;

ku::csv_table csv(const std::string& text)
{
    std::istringstream input{text};
    return ku::read_csv(input, "ansokningar.csv");
}

const std::string header = "period,ansokningar,beviljade,ansokt_belopp,beviljat_belopp\n";

} // namespace

TEST_CASE("4 of 8 applications granted is 50 %, 1 250 000 of 4 000 000 kr is 31,25 %, 8 → 10 is +25 %",
          "[applications_io][indicators]")
{
    const auto periods =
        ku::read_grant_applications(csv(header + "2023,8,4,4 000 000,1 250 000\n2024,10,3,5 200 000,1 300 000\n"));
    REQUIRE(periods.size() == 2);
    CHECK(periods[1].applied_amount == money::kr(5'200'000));
    const auto indicators = ku::indicators_of(periods, 2, ku::rounding_mode::half_up);
    CHECK(indicators[0].count_rate->units() == 5'000);
    CHECK(indicators[0].amount_rate->exact() == ku::ratio{5, 16});
    CHECK(indicators[0].amount_rate->units() == 3'125);
    CHECK_FALSE(indicators[0].applied_change.has_value());
    CHECK(indicators[1].applied_change->units() == 2'500);
    CHECK(indicators[1].granted_amount_change->exact() == ku::ratio{1, 25}); // 1 250 000 → 1 300 000
    CHECK(ku::render_csv(ku::to_report(indicators), ku::csv_convention::plain) ==
          "period,ansokningar,beviljade,andel_beviljade,ansokt_belopp,beviljat_belopp,andel_beviljat_belopp,"
          "forandring_ansokningar,forandring_beviljat_belopp\n"
          "2023,8,4,50.00,4000000,1250000,31.25,,\n"
          "2024,10,3,30.00,5200000,1300000,25.00,25.00,4.00\n");
}

TEST_CASE("a period without applications has no rate and the next one no change", "[applications_io][indicators]")
{
    const auto periods = ku::read_grant_applications(csv(header + "T1 2025,0,0,0,0\nT2 2025,4,1,100,50\n"));
    const auto indicators = ku::indicators_of(periods, 0, ku::rounding_mode::half_up);
    CHECK_FALSE(indicators[0].count_rate.has_value());
    CHECK_FALSE(indicators[0].amount_rate.has_value());
    CHECK_FALSE(indicators[1].applied_change.has_value()); // a change from zero has no share
    CHECK(indicators[1].count_rate->units() == 25);
}

TEST_CASE("a bad application row is refused naming file, line and column", "[applications_io][bad_input]")
{
    CHECK_THROWS_MATCHES(ku::read_grant_applications(csv(header + "2023,3,4,10,1\n")), ku::domain_error,
                         what(Contains("ansokningar.csv:2:beviljade: 4 granted of 3 applications")));
    CHECK_THROWS_MATCHES(ku::read_grant_applications(csv(header + "2023,3,1,10,11\n")), ku::domain_error,
                         what(Contains("ansokningar.csv:2:beviljat_belopp")));
    CHECK_THROWS_MATCHES(ku::read_grant_applications(csv(header + "2023,tre,1,10,1\n")), ku::parse_error,
                         what(Contains("ansokningar.csv:2:ansokningar") && Contains("a count is a whole number")));
    CHECK_THROWS_MATCHES(ku::read_grant_applications(csv(header + "2023,3,1,10,1\n2023,3,1,10,1\n")),
                         ku::parse_error, what(Contains("ansokningar.csv:3:period") && Contains("given twice")));
    CHECK_THROWS_MATCHES(ku::read_grant_applications(csv(header + "2023,3,1,-10,1\n")), ku::domain_error,
                         what(Contains("ansokningar.csv:2:ansokt_belopp") && Contains("negative")));
}
