// The multi-period ledger: each period checked against the previous one, violations thrown or
// recorded as the caller chooses.

#include <catch2/catch.hpp>

#include <chrono>

#include "ku/ku.hpp"
#include "../support/fixtures.hpp"

namespace {

using namespace ku::literals;

using namespace std::chrono_literals;

using ku::test::tkr;

/// Two areas of the 2023 year-end: Social välfärd (58 088 tkr remain) and Digitalisering
/// (3 925 tkr remain).
ku::balance_period year_end_2023()
{
    return {.period = ku::period::bokslut(2023y),
            .entries = {{.area = "Social välfärd"_area,
                         .ingaende_balans = tkr(60'896),
                         .erhallna_medel = tkr(34'269),
                         .budget_forbrukning = tkr(38'152),
                         .utfall_forbrukning = tkr(30'826),
                         .utbetalt_till_kommuner = tkr(6'251),
                         .varav_statliga_medel = tkr(57'415)},
                        {.area = "Digitalisering"_area,
                         .erhallna_medel = tkr(12'582),
                         .budget_forbrukning = tkr(1'500),
                         .utfall_forbrukning = tkr(8'657)}}};
}

} // namespace

TEST_CASE("a ledger rolls 2023's closing balances into 2024's openings and keeps the accumulated surplus",
          "[ledger]")
{
    ku::ledger books;
    CHECK(books.append(year_end_2023()).empty());
    CHECK(books.accumulated_surplus() == tkr(58'088 + 3'925));
    const ku::balance_period& next = books.open_next(ku::period::bokslut(2024y));
    REQUIRE(next.entries.size() == 2);
    CHECK(next.find("Social välfärd"_area)->ingaende_balans == tkr(58'088));
    CHECK(next.find("Digitalisering"_area)->ingaende_balans == tkr(3'925));
    CHECK(books.accumulated_surplus() == tkr(62'013));
    CHECK(books.periods().size() == 2);
}

TEST_CASE("a ledger maps closing balances through a reorganisation when it rolls forward", "[ledger]")
{
    ku::ledger books{ku::violation_policy::throw_error, ku::unit::tkr};
    (void)books.append(year_end_2023());
    const ku::reorganisation split{{{"Social välfärd"_area, "Socialtjänst"_area, ku::ratio{1, 2}},
                                    {"Social välfärd"_area, "Hälso- och sjukvård"_area, ku::ratio{1, 2}}}};
    const ku::balance_period& next = books.open_next(ku::period::bokslut(2024y), &split);
    CHECK(next.find("Socialtjänst"_area)->ingaende_balans == tkr(29'044));
    CHECK(next.find("Hälso- och sjukvård"_area)->ingaende_balans == tkr(29'044));
    CHECK(next.find("Social välfärd"_area) == nullptr);
    CHECK(books.accumulated_surplus() == tkr(62'013));
}

TEST_CASE("an opening balance that differs from last year's closing throws under the throw policy", "[ledger]")
{
    ku::ledger books;
    (void)books.append(year_end_2023());
    ku::balance_period next = ku::roll_forward(books.periods().back(), ku::period::bokslut(2024y));
    next.entries[0].ingaende_balans = tkr(58'089);
    REQUIRE_THROWS_AS(books.append(next), ku::domain_error);
    REQUIRE_THROWS_WITH(books.append(next), Catch::Contains("Social välfärd") && Catch::Contains("58 089 000 kr") &&
                                                Catch::Contains("58 088 000 kr"));
    CHECK(books.periods().size() == 1);
}

TEST_CASE("an opening balance that differs from last year's closing is a finding under the record policy",
          "[ledger]")
{
    ku::ledger books{ku::violation_policy::record_finding, ku::unit::tkr};
    (void)books.append(year_end_2023());
    ku::balance_period next = ku::roll_forward(books.periods().back(), ku::period::bokslut(2024y));
    next.entries[1].ingaende_balans = tkr(4'925);
    const std::vector<ku::finding> findings = books.append(next);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].kind == ku::finding_kind::carry_over_difference);
    CHECK(findings[0].area.name() == "Digitalisering");
    CHECK(findings[0].expected == tkr(3'925));
    CHECK(findings[0].found == tkr(4'925));
    CHECK(findings[0].difference == tkr(1'000));
    CHECK(findings[0].classification == ku::finding_class::fault);
    CHECK(books.periods().size() == 2);
}

TEST_CASE("a state part larger than what remains is a finding under the record policy and an error otherwise",
          "[ledger]")
{
    ku::balance_period year = year_end_2023();
    year.entries[0].varav_statliga_medel = tkr(58'089); // 1 tkr more than remains
    ku::ledger recording{ku::violation_policy::record_finding};
    const std::vector<ku::finding> findings = recording.append(year);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].kind == ku::finding_kind::identity_broken);
    CHECK(findings[0].column == ku::balance_column::varav_statliga_medel);
    CHECK(findings[0].expected == tkr(58'088));
    CHECK(findings[0].difference == tkr(1));
    ku::ledger strict;
    REQUIRE_THROWS_AS(strict.append(year), ku::domain_error);
}

TEST_CASE("a period that does not follow the last one, or repeats an area, is refused", "[ledger]")
{
    ku::ledger books;
    (void)books.append(year_end_2023());
    REQUIRE_THROWS_WITH(books.append(year_end_2023()), Catch::Contains("does not start after"));
    ku::balance_period twice = ku::roll_forward(year_end_2023(), ku::period::bokslut(2024y));
    twice.entries.push_back(twice.entries.front());
    REQUIRE_THROWS_WITH(books.append(twice), Catch::Contains("appears twice"));
    ku::ledger empty;
    REQUIRE_THROWS_AS(empty.open_next(ku::period::bokslut(2024y)), ku::domain_error);
}
