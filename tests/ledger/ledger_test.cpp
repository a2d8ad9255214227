// The exact ledger: balance columns, an entry's derived columns, the state part's invariant,
// validation, gross and net totals with internal financing, and rolling a period forward
// (with and without a reorganisation) so that the accumulated surplus is carried to the öre.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/period.hpp"
#include "ku/core/ratio.hpp"
#include "ku/io/balance_io.hpp"
#include "ku/io/csv.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/ledger/balance.hpp"
#include "ku/ledger/reorganisation.hpp"
#include "../support/fixtures.hpp"

namespace {

using namespace ku::literals;

using ku::balance_column;
using ku::money;
using ku::unit;
using Catch::Contains;

using ku::test::tkr;
using ku::test::social;
using ku::test::social_area;
const ku::period year_2023 = ku::period::bokslut(std::chrono::year{2023});
const ku::period year_2024 = ku::period::bokslut(std::chrono::year{2024});

/// Social välfärd och hälso- och sjukvård in the 2023 bokslut.
ku::balance_entry social_2023()
{
    return {.area = social_area,
            .internal = false,
            .ingaende_balans = tkr(60'896),
            .erhallna_medel = tkr(34'269),
            .budget_forbrukning = tkr(38'152),
            .utfall_forbrukning = tkr(30'826),
            .utbetalt_till_kommuner = tkr(6'251),
            .overforda_medel = money{},
            .varav_statliga_medel = tkr(57'415)};
}

ku::balance_period ledger_2023()
{
    return ku::to_ledger(ku::read_balance_table(ku::read_csv_file(KU_DATA_DIR "/bokslut_2023.csv"), unit::tkr),
                         year_2023);
}

/// The 2023 ledger with Ledning och stab and its internal financing row of -1 730 tkr.
ku::balance_period ledger_2023_with_management()
{
    ku::balance_period ledger = ledger_2023();
    ledger.entries.push_back({.area = "Ledning och stab"_area,
                              .erhallna_medel = tkr(3'500),
                              .budget_forbrukning = tkr(3'500),
                              .utfall_forbrukning = tkr(3'500)});
    ledger.entries.push_back({.area = "Härav ledning/stab finansierat från områdena ovan"_area,
                              .internal = true,
                              .erhallna_medel = tkr(-1'730),
                              .utfall_forbrukning = tkr(-1'730)});
    return ledger;
}

} // namespace

TEST_CASE("each balance column has a CSV name and a Swedish label, and only disponibla and kvarvarande are derived",
          "[ledger]")
{
    CHECK(ku::all_balance_columns.size() == ku::balance_column_count);
    for (const balance_column column : ku::all_balance_columns) {
        INFO(to_string(column));
        CHECK(ku::find_balance_column(to_string(column)) == column);
        CHECK_FALSE(label(column).empty());
    }
    CHECK(to_string(balance_column::kvarvarande_medel) == "kvarvarande_medel");
    CHECK(label(balance_column::ingaende_balans) == "ingående balans");
    CHECK(label(balance_column::varav_statliga_medel) == "varav kvarvarande statliga medel");
    CHECK_FALSE(ku::find_balance_column("kvarvarande").has_value());
    CHECK(ku::is_derived(balance_column::disponibla_medel));
    CHECK(ku::is_derived(balance_column::kvarvarande_medel));
    CHECK_FALSE(ku::is_derived(balance_column::ingaende_balans));
    CHECK_FALSE(ku::is_derived(balance_column::overforda_medel));
}

TEST_CASE("Social välfärd 2023 has 95 165 tkr available and 58 088 tkr left", "[ledger]")
{
    const ku::balance_entry entry = social_2023();
    CHECK(entry.disponibla_medel() == tkr(95'165));  // 60 896 + 34 269
    CHECK(entry.kvarvarande_medel() == tkr(58'088)); // 95 165 − 30 826 − 6 251
    CHECK(entry.value(balance_column::ingaende_balans) == tkr(60'896));
    CHECK(entry.value(balance_column::erhallna_medel) == tkr(34'269));
    CHECK(entry.value(balance_column::disponibla_medel) == tkr(95'165));
    CHECK(entry.value(balance_column::budget_forbrukning) == tkr(38'152));
    CHECK(entry.value(balance_column::utfall_forbrukning) == tkr(30'826));
    CHECK(entry.value(balance_column::utbetalt_till_kommuner) == tkr(6'251));
    CHECK(entry.value(balance_column::overforda_medel) == money{});
    CHECK(entry.value(balance_column::kvarvarande_medel) == tkr(58'088));
    CHECK(entry.value(balance_column::varav_statliga_medel) == tkr(57'415));
    CHECK_FALSE(ku::invariant_violation(entry).has_value());
}

TEST_CASE("budgeted spending sits beside the outcome and changes nothing; transfers out reduce what remains", "[ledger]")
{
    ku::balance_entry entry = social_2023();
    entry.budget_forbrukning = tkr(1'000'000);
    CHECK(entry.kvarvarande_medel() == tkr(58'088));
    entry.overforda_medel = ku::money::parse("1 234,56", unit::kr);
    CHECK(entry.disponibla_medel() == tkr(95'165));
    CHECK(entry.kvarvarande_medel() == tkr(58'088) - money::ore(123'456));
}

TEST_CASE("the state part may be neither negative nor larger than what remains while that is positive",
          "[ledger][invariant]")
{
    ku::balance_entry entry = social_2023();
    entry.varav_statliga_medel = tkr(58'088); // all that remains
    CHECK_FALSE(ku::invariant_violation(entry).has_value());

    entry.varav_statliga_medel = tkr(58'088) + money::ore(1);
    const auto too_large = ku::invariant_violation(entry);
    REQUIRE(too_large.has_value());
    CHECK_THAT(*too_large, Contains("larger than what remains") && Contains("58 088 000 kr"));

    entry.varav_statliga_medel = money::ore(-1);
    const auto negative = ku::invariant_violation(entry);
    REQUIRE(negative.has_value());
    CHECK_THAT(*negative, Contains("is negative"));

    // Kurs och konferens ends 2023 at -395 tkr: no upper bound then.
    const ku::balance_entry courses{.area = "Kurs och konferens"_area,
                                    .erhallna_medel = tkr(1'931),
                                    .budget_forbrukning = tkr(1'500),
                                    .utfall_forbrukning = tkr(2'326),
                                    .varav_statliga_medel = tkr(10)};
    CHECK(courses.kvarvarande_medel() == tkr(-395));
    CHECK_FALSE(ku::invariant_violation(courses).has_value());
}

TEST_CASE("validating a ledger names the period and the area at the first violation", "[ledger][invariant]")
{
    CHECK_NOTHROW(ku::validate(ledger_2023()));
    CHECK_NOTHROW(ku::validate(ledger_2023_with_management()));

    ku::balance_period state = ledger_2023();
    state.entries[1].varav_statliga_medel = tkr(33'089); // Nära vård has 33 088 tkr left
    CHECK_THROWS_AS(ku::validate(state), ku::domain_error);
    CHECK_THROWS_WITH(ku::validate(state), Contains("bokslut 2023-12-31") && Contains("\"Nära vård\"") &&
                                               Contains("larger than what remains, 33 088 000 kr"));

    ku::balance_period twice = ledger_2023();
    twice.entries.push_back(twice.entries[6]); // Fritid
    CHECK_THROWS_AS(ku::validate(twice), ku::domain_error);
    CHECK_THROWS_WITH(ku::validate(twice), Contains("\"Fritid\" appears twice"));

    // The same area spelt another way is still the same area.
    ku::balance_period respelt = ledger_2023();
    respelt.entries.push_back(respelt.entries[6]);
    respelt.entries.back().area = "FRITID"_area;
    CHECK_THROWS_WITH(ku::validate(respelt),
                      Contains("area \"FRITID\" appears twice (also as \"Fritid\": both are the area fritid)"));
}

TEST_CASE("the gross total counts Ledning och stab's internal financing twice, the net total once", "[ledger][internal]")
{
    const ku::balance_period ledger = ledger_2023_with_management();
    CHECK(ledger.find("Ledning och stab"_area) != nullptr);
    CHECK(ledger.find("Summa"_area) == nullptr);
    CHECK(ledger.gross_total(balance_column::erhallna_medel) == tkr(95'205 + 3'500));
    CHECK(ledger.net_total(balance_column::erhallna_medel) == tkr(95'205 + 3'500 - 1'730));
    CHECK(ledger.gross_total(balance_column::utfall_forbrukning) == tkr(49'857 + 3'500));
    CHECK(ledger.net_total(balance_column::utfall_forbrukning) == tkr(49'857 + 3'500 - 1'730));
    CHECK(ledger.gross_total(balance_column::disponibla_medel) -
              ledger.net_total(balance_column::disponibla_medel) ==
          tkr(1'730));
    // The internal row moves money, it does not create or use any: what remains is the same.
    CHECK(ledger.gross_total(balance_column::kvarvarande_medel) == tkr(134'150));
    CHECK(ledger.accumulated_surplus() == tkr(134'150));
}

TEST_CASE("rolling 2023 forward opens 2024 at each area's closing balance with every flow at zero",
          "[ledger][roll_forward]")
{
    const ku::balance_period closed = ledger_2023();
    const ku::balance_period next = ku::roll_forward(closed, year_2024);
    CHECK(next.period == year_2024);
    REQUIRE(next.entries.size() == closed.entries.size());
    for (std::size_t i = 0; i < closed.entries.size(); ++i) {
        const ku::balance_entry& opened = next.entries[i];
        INFO(opened.area.name());
        CHECK(opened.area == closed.entries[i].area);
        CHECK(opened.ingaende_balans == closed.entries[i].kvarvarande_medel());
        CHECK(opened.erhallna_medel == money{});
        CHECK(opened.utfall_forbrukning == money{});
        CHECK(opened.utbetalt_till_kommuner == money{});
        CHECK(opened.overforda_medel == money{});
        CHECK(opened.varav_statliga_medel == money{});
        CHECK(opened.kvarvarande_medel() == opened.ingaende_balans);
    }
    CHECK(next.find(social_area)->ingaende_balans == tkr(58'088));
    CHECK(next.find("Kurs och konferens"_area)->ingaende_balans == tkr(-395));
    CHECK(next.net_total(balance_column::ingaende_balans) == tkr(134'150));
    CHECK(next.accumulated_surplus() == closed.accumulated_surplus());
}

TEST_CASE("the accumulated surplus is carried over two years, internal rows included", "[ledger][roll_forward]")
{
    ku::balance_period closed = ledger_2023_with_management();
    closed.entries.back().utfall_forbrukning = tkr(-1'710); // the internal row ends at -20 tkr
    CHECK(closed.accumulated_surplus() == tkr(134'150 - 20));

    const ku::balance_period next = ku::roll_forward(closed, year_2024);
    REQUIRE(next.entries.size() == 10);
    CHECK(next.entries.back().internal);
    CHECK(next.entries.back().ingaende_balans == tkr(-20));
    CHECK(next.net_total(balance_column::ingaende_balans) == tkr(134'130));
    CHECK(next.gross_total(balance_column::ingaende_balans) == tkr(134'150));

    ku::balance_period spent = next;
    spent.entries[0].utfall_forbrukning = tkr(8'088);
    spent.entries[0].erhallna_medel = money::ore(12'345);
    const ku::balance_period after = ku::roll_forward(spent, ku::period::bokslut(std::chrono::year{2025}));
    CHECK(after.entries[0].ingaende_balans == tkr(50'000) + money::ore(12'345));
    CHECK(after.accumulated_surplus() == tkr(134'130 - 8'088) + money::ore(12'345));
}

TEST_CASE("rolling 2023 forward through a split of Social välfärd opens the three new areas at its parts",
          "[ledger][roll_forward][reorganisation]")
{
    const ku::balance_period closed = ledger_2023();
    const ku::reorganisation split{{{social_area, "Socialtjänst"_area, ku::ratio{1, 2}},
                                    {social_area, "Hälso- och sjukvård"_area, ku::ratio{3, 10}},
                                    {social_area, "Barn och unga"_area, ku::ratio{1, 5}}}};
    const ku::balance_period next = ku::roll_forward(closed, year_2024, &split, unit::tkr);
    REQUIRE(next.entries.size() == 10);
    CHECK(next.find(social_area) == nullptr);
    CHECK(next.entries[0].area.name() == "Socialtjänst");
    CHECK(next.entries[0].ingaende_balans == tkr(29'044));
    CHECK(next.entries[1].area.name() == "Hälso- och sjukvård");
    CHECK(next.entries[1].ingaende_balans == tkr(17'426));
    CHECK(next.entries[2].area.name() == "Barn och unga");
    CHECK(next.entries[2].ingaende_balans == tkr(11'618));
    CHECK(next.find("Nära vård"_area)->ingaende_balans == tkr(33'088));
    CHECK(next.accumulated_surplus() == tkr(134'150));
}

TEST_CASE("rolling forward through a merge and a close of a zero balance keeps the total", "[ledger][roll_forward]")
{
    ku::balance_period closed = ledger_2023();
    closed.entries[7].erhallna_medel = tkr(2'326); // Kurs och konferens now ends at zero
    CHECK(closed.entries[7].kvarvarande_medel() == money{});
    const ku::reorganisation mapping{{{"Utbildning"_area, "Utbildning och fritid"_area, ku::ratio::whole(1)},
                                      {"Fritid"_area, "Utbildning och fritid"_area, ku::ratio::whole(1)},
                                      {"Kurs och konferens"_area, std::nullopt, ku::ratio::whole(1)}}};
    const ku::balance_period next = ku::roll_forward(closed, year_2024, &mapping, unit::tkr);
    REQUIRE(next.entries.size() == 6);
    CHECK(next.find("Kurs och konferens"_area) == nullptr);
    CHECK(next.find("Utbildning och fritid"_area)->ingaende_balans == tkr(3'872 + 860));
    CHECK(next.accumulated_surplus() == closed.accumulated_surplus());
    CHECK(next.accumulated_surplus() == tkr(134'150 + 395));
}

TEST_CASE("a reorganisation in whole tkr refuses a balance that is not whole tkr", "[ledger][roll_forward]")
{
    ku::balance_period closed = ledger_2023();
    closed.entries[0].erhallna_medel += money::kr(1); // 58 088 001 kr
    const ku::reorganisation split{{{social_area, "A"_area, ku::ratio{1, 2}}, {social_area, "B"_area, ku::ratio{1, 2}}}};
    CHECK_THROWS_AS(ku::roll_forward(closed, year_2024, &split, unit::tkr), ku::domain_error);
    CHECK_THROWS_WITH(ku::roll_forward(closed, year_2024, &split, unit::tkr),
                      Contains("58 088 001 kr") && Contains("not a whole number of tkr"));
    // In öre it splits: 2 904 400 050 öre each.
    const ku::balance_period next = ku::roll_forward(closed, year_2024, &split);
    CHECK(next.entries[0].ingaende_balans == money::ore(2'904'400'050));
    CHECK(next.entries[1].ingaende_balans == money::ore(2'904'400'050));
    CHECK(next.accumulated_surplus() == closed.accumulated_surplus());
}
