// Staffing read from CSV: årsarbetare per form of employment and financing, added up exactly,
// and shown as a table whose totals are the sums of its cells.

#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/io/render.hpp"
#include "ku/io/staffing_io.hpp"
#include "ku/io/tables.hpp"

namespace {

using ku::arsarbetare;
using ku::employment_form;
using ku::staff_financing;
using ku::test::what;
using Catch::Contains;

ku::csv_table staffing_csv(const std::string& text)
{
    std::istringstream input{text};
    return ku::read_csv(input, "arsarbetare.csv");
}

const std::string staffing_header = "anstallningsform,finansiering,arsarbetare\n";

} // namespace

TEST_CASE("45,30 årsarbetare are 25,50 financed by the kommuner and 19,80 by external funds", "[staffing_io]")
{
    const ku::staffing_table table = ku::read_staffing(
        staffing_csv(staffing_header + "tillsvidare,kommunal,\"18,00\"\ntillsvidare,extern,\"6,30\"\nvisstid,kommunal,\"4,50\"\n"
                     "visstid,extern,\"13,50\"\ntjanstekop,kommunal,3\n"));
    CHECK(table.total(staff_financing::kommunal) == arsarbetare::parse("25,50"));
    CHECK(table.total(staff_financing::external) == arsarbetare::parse("19,80"));
    CHECK(table.total() == arsarbetare::parse("45,30"));
    CHECK(table.at(employment_form::tjanstekop, staff_financing::kommunal) == arsarbetare::whole(3));

    // Two rows of one cell are added.
    const ku::staffing_table twice = ku::read_staffing(staffing_csv(staffing_header + "visstid,extern,\"1,25\"\nvisstid,extern,\"0,75\"\n"));
    CHECK(twice.at(employment_form::visstid, staff_financing::external) == arsarbetare::whole(2));

    CHECK(ku::render_csv(ku::to_report(table), ku::csv_convention::plain) ==
          "anstallningsform,kommunal,extern,summa\ntjänsteköp,3.00,0.00,3.00\ntillsvidare,18.00,6.30,24.30\n"
          "visstid,4.50,13.50,18.00\n");
}

TEST_CASE("a bad staffing row is refused naming file, line and column", "[staffing_io][bad_input]")
{
    CHECK_THROWS_MATCHES(ku::read_staffing(staffing_csv(staffing_header + "visstid,region,1\n")), ku::lookup_error,
                         what(Contains("arsarbetare.csv:2:finansiering") && Contains("\"region\"")));
    CHECK_THROWS_MATCHES(ku::read_staffing(staffing_csv(staffing_header + "praktik,extern,1\n")), ku::lookup_error,
                         what(Contains("arsarbetare.csv:2:anstallningsform")));
    CHECK_THROWS_MATCHES(ku::read_staffing(staffing_csv(staffing_header + "visstid,extern,\"1,005\"\n")), ku::parse_error,
                         what(Contains("arsarbetare.csv:2:arsarbetare")));
    CHECK_THROWS_MATCHES(ku::read_staffing(staffing_csv(staffing_header + "visstid,extern,\"-1,00\"\n")), ku::domain_error,
                         what(Contains("arsarbetare.csv:2:arsarbetare: -1,00 årsarbetare is negative")));
    CHECK_THROWS_MATCHES(ku::read_staffing(staffing_csv("form,finansiering,arsarbetare\n")), ku::lookup_error,
                         what(Contains("anstallningsform")));
}
