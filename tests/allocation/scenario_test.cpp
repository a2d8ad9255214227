// Scenarios (konsekvensbeskrivning): the base financing of ledning och stab at 1 730 tkr versus
// 3 500 tkr, compared per kommun and per fee in a delta table whose rows and columns add up
// exactly; a fee in only one scenario counts as 0 kr on the other side.

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/allocation/scenario.hpp"
#include "ku/core/kommun.hpp"
#include "ku/core/money.hpp"
#include "ku/io/allocation_io.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/render.hpp"
#include "ku/io/json_io.hpp"
#include "ku/io/tables.hpp"
#include "../support/fixtures.hpp"

using Catch::Contains;
using ku::kommun_code;
using ku::money;

namespace {

using ku::test::catalogue;
using ku::test::kr;

ku::proposal_table scenario(const char* file)
{
    return ku::build_proposal(ku::read_proposal_spec(std::string{KU_DATA_DIR "/scenarios/"} + file, catalogue),
                              catalogue);
}

std::vector<ku::member_weight> population_key_a()
{
    return ku::read_weights(ku::read_csv_file(KU_DATA_DIR "/population_keys.csv"), "key_a", catalogue);
}

std::size_t row_of(const ku::scenario_comparison& c, const char* code)
{
    for (std::size_t r = 0; r < c.kommuner.size(); ++r) {
        if (c.kommuner[r].code == kommun_code{code}) {
            return r;
        }
    }
    FAIL("no row for " << code);
    return 0;
}

std::size_t fee_of(const ku::scenario_comparison& c, const std::string& name)
{
    for (std::size_t f = 0; f < c.fees.size(); ++f) {
        if (c.fees[f] == name) {
            return f;
        }
    }
    FAIL("no fee " << name);
    return 0;
}

/// Every row and column of the delta table adds up exactly, to the change of the grand total.
void check_adds_up(const ku::scenario_comparison& c, const ku::proposal_table& base,
                   const ku::proposal_table& alternative)
{
    money by_rows;
    for (std::size_t r = 0; r < c.kommuner.size(); ++r) {
        money row;
        for (std::size_t f = 0; f < c.fees.size(); ++f) {
            CHECK(c.delta(r, f) == c.alternative[r][f] - c.base[r][f]);
            if (c.in_row_sum[f]) {
                row += c.delta(r, f);
            }
        }
        CHECK(c.row_delta(r) == row);
        by_rows += row;
    }
    money by_columns;
    for (std::size_t f = 0; f < c.fees.size(); ++f) {
        money column;
        for (std::size_t r = 0; r < c.kommuner.size(); ++r) {
            column += c.delta(r, f);
        }
        CHECK(c.fee_delta(f) == column);
        if (c.in_row_sum[f]) {
            by_columns += column;
        }
    }
    CHECK(c.total_delta() == by_rows);
    CHECK(c.total_delta() == by_columns);
    CHECK(c.total_delta() == alternative.grand_total() - base.grand_total());
}

const std::string ledning = "Grundfinansiering ledning och stab";
const std::string medlemsavgift = "Medlemsavgift Kommunal utveckling";

} // namespace

TEST_CASE("raising the base financing of ledning och stab from 1 730 tkr to 3 500 tkr costs the kommuner 1 770 000 kr",
          "[scenario]")
{
    const ku::proposal_table a = scenario("ledning_1730.toml");
    const ku::proposal_table b = scenario("ledning_3500.toml");
    const ku::scenario_comparison c = ku::compare_scenarios(a, b);
    CHECK(c.base_title == "Scenario A: grundfinansiering ledning 1 730 tkr");
    CHECK(c.alternative_title == "Scenario B: grundfinansiering ledning 3 500 tkr");
    REQUIRE(c.kommuner.size() == 13);
    REQUIRE(c.fees == std::vector<std::string>{ledning, medlemsavgift});
    CHECK(c.fee_delta(fee_of(c, ledning)) == kr(1'770'000));
    CHECK(c.fee_delta(fee_of(c, medlemsavgift)) == money{});
    CHECK(c.total_delta() == kr(1'770'000));
    check_adds_up(c, a, b);
    for (std::size_t r = 0; r < c.kommuner.size(); ++r) {
        CHECK(c.delta(r, fee_of(c, medlemsavgift)) == money{});
        CHECK(c.delta(r, fee_of(c, ledning)) > money{});
    }
}

TEST_CASE("Jönköping's delta is its largest-remainder share of 3 500 000 kr minus its share of 1 730 000 kr",
          "[scenario]")
{
    const ku::proposal_table a = scenario("ledning_1730.toml");
    const ku::proposal_table b = scenario("ledning_3500.toml");
    const ku::scenario_comparison c = ku::compare_scenarios(a, b);
    const std::vector<ku::member_weight> key = population_key_a();
    const kommun_code jonkoping{"0680"};
    const money at_3500 = ku::allocate(kr(3'500'000), key).at(jonkoping).amount;
    const money at_1730 = ku::allocate(kr(1'730'000), key).at(jonkoping).amount;
    CHECK(at_3500 == kr(1'385'465));
    CHECK(at_1730 == kr(684'815));

    const std::size_t j = row_of(c, "0680");
    const std::size_t f = fee_of(c, ledning);
    CHECK(c.base[j][f] == at_1730);
    CHECK(c.alternative[j][f] == at_3500);
    CHECK(c.delta(j, f) == at_3500 - at_1730);
    CHECK(c.delta(j, f) == kr(700'650));
    CHECK(c.row_delta(j) == kr(700'650));
    // Not the largest-remainder share of the change itself (700 649 kr).
    CHECK(ku::allocate(kr(1'770'000), key).at(jonkoping).amount == kr(700'649));

    // Every kommun likewise.
    const ku::allocation split_a = ku::allocate(kr(1'730'000), key);
    const ku::allocation split_b = ku::allocate(kr(3'500'000), key);
    for (std::size_t r = 0; r < c.kommuner.size(); ++r) {
        const kommun_code code = c.kommuner[r].code;
        CHECK(c.delta(r, f) == split_b.at(code).amount - split_a.at(code).amount);
    }
    CHECK(c.delta(row_of(c, "0604"), f) == kr(32'790));
    CHECK(c.delta(row_of(c, "0683"), f) == kr(166'214));
}

TEST_CASE("comparing a scenario with itself gives a table of zeros", "[scenario]")
{
    const ku::proposal_table a = scenario("ledning_1730.toml");
    const ku::scenario_comparison c = ku::compare_scenarios(a, a);
    for (std::size_t r = 0; r < c.kommuner.size(); ++r) {
        for (std::size_t f = 0; f < c.fees.size(); ++f) {
            CHECK(c.delta(r, f) == money{});
        }
    }
    CHECK(c.total_delta() == money{});
}

TEST_CASE("a state grant that disappears and a fee the kommuner pay to cover it count as 0 kr on the side without them",
          "[scenario]")
{
    ku::allocation_key key{.name = "A", .weights = population_key_a()};
    const auto fee = [](std::string name, std::int64_t total) {
        ku::fee_spec spec;
        spec.name = std::move(name);
        spec.amount = ku::fee_spec::by_total{money::kr(total)};
        spec.key = "A";
        return spec;
    };
    // Today: the state grant "Förstärkt samverkan" (paid on to the kommuner, shown for
    // information, not counted in their sum) and the membership fee.
    ku::proposal_spec today{.title = "Med statsbidrag", .keys = {key}, .fees = {}};
    ku::fee_spec grant = fee("Statsbidrag Förstärkt samverkan (utbetalt)", 1'200'000);
    grant.in_row_sum = false;
    today.fees.push_back(grant);
    today.fees.push_back(fee(medlemsavgift, 9'000'000));
    // Next year: no grant; the kommuner cover the 1 200 000 kr with a new fee.
    ku::proposal_spec next{.title = "Utan statsbidrag", .keys = {key}, .fees = {}};
    next.fees.push_back(fee(medlemsavgift, 9'000'000));
    next.fees.push_back(fee("Förstärkt samverkan, kommunal finansiering", 1'200'000));

    const ku::proposal_table base = ku::build_proposal(today, catalogue);
    const ku::proposal_table alternative = ku::build_proposal(next, catalogue);
    const ku::scenario_comparison c = ku::compare_scenarios(base, alternative);
    REQUIRE(c.fees == std::vector<std::string>{"Statsbidrag Förstärkt samverkan (utbetalt)", medlemsavgift,
                                               "Förstärkt samverkan, kommunal finansiering"});
    CHECK(c.in_row_sum == std::vector<bool>{false, true, true});

    const std::size_t gone = fee_of(c, "Statsbidrag Förstärkt samverkan (utbetalt)");
    const std::size_t added = fee_of(c, "Förstärkt samverkan, kommunal finansiering");
    const std::size_t j = row_of(c, "0680");
    CHECK(c.base[j][added] == money{});
    CHECK(c.alternative[j][gone] == money{});
    CHECK(c.delta(j, added) == ku::allocate(kr(1'200'000), key.weights).at(kommun_code{"0680"}).amount);
    CHECK(c.delta(j, gone) == -ku::allocate(kr(1'200'000), key.weights).at(kommun_code{"0680"}).amount);
    CHECK(c.fee_delta(added) == kr(1'200'000));
    CHECK(c.fee_delta(gone) == kr(-1'200'000));
    // The kommuner's sum grows by the new fee; the grant was never in it.
    CHECK(c.total_delta() == kr(1'200'000));
    check_adds_up(c, base, alternative);
}

TEST_CASE("a kommun taking part in only one scenario counts as 0 kr in the other", "[scenario]")
{
    ku::allocation_key key{.name = "B", .weights = {}};
    for (const ku::member_weight& w : population_key_a()) {
        key.weights.push_back(w);
    }
    ku::fee_spec miljo;
    miljo.name = "Miljösamverkan";
    miljo.amount = ku::fee_spec::by_total{kr(1'000'000)};
    miljo.key = "B";
    std::vector<kommun_code> twelve;
    for (const ku::member_weight& w : key.weights) {
        if (w.member != kommun_code{"0642"}) {
            twelve.push_back(w.member);
        }
    }
    miljo.members = twelve;
    const ku::proposal_table without = ku::build_proposal({.title = "Utan Mullsjö", .keys = {key}, .fees = {miljo}},
                                                          catalogue);
    miljo.members.reset();
    const ku::proposal_table with = ku::build_proposal({.title = "Med Mullsjö", .keys = {key}, .fees = {miljo}},
                                                       catalogue);
    const ku::scenario_comparison c = ku::compare_scenarios(without, with);
    REQUIRE(c.kommuner.size() == 13);
    CHECK(c.kommuner.back().code == kommun_code{"0642"}); // base order first, the newcomer last
    const std::size_t m = row_of(c, "0642");
    CHECK(c.base[m][0] == money{});
    CHECK(c.alternative[m][0] > money{});
    CHECK(c.delta(m, 0) == c.alternative[m][0]);
    CHECK(c.fee_delta(0) == money{});
    CHECK(c.total_delta() == money{});
    check_adds_up(c, without, with);
}

TEST_CASE("the delta table as Swedish text: a kommun per row, a Summa column and row, Bas and Alternativ left out",
          "[scenario][text]")
{
    const ku::scenario_comparison c =
        ku::compare_scenarios(scenario("ledning_1730.toml"), scenario("ledning_3500.toml"));
    const std::string text = ku::render_text(ku::to_report(c));
    CHECK_THAT(text, Catch::StartsWith("Konsekvensbeskrivning: Scenario B: grundfinansiering ledning 3 500 tkr jämfört "
                                       "med Scenario A: grundfinansiering ledning 1 730 tkr (skillnad, kr)\n"));
    CHECK_THAT(text, Contains("\n0680  Jönköping            700 650                    0    700 650\n"));
    CHECK_THAT(text, Contains("\n      Summa              1 770 000                    0  1 770 000\n"));
    CHECK_THAT(text, !Contains("Scenario A: grundfinansiering ledning 1 730 tkr (kr)"));
    CHECK_THAT(ku::render_markdown(ku::to_report(c)), !Contains("Scenario A: grundfinansiering ledning 1 730 tkr (kr)"));
}

TEST_CASE("the delta table as CSV: one row per kommun, one column per fee, a Summa row and column, in whole "
          "kronor as the proposal's CSV",
          "[scenario][csv]")
{
    const ku::scenario_comparison c =
        ku::compare_scenarios(scenario("ledning_1730.toml"), scenario("ledning_3500.toml"));
    const std::string csv = ku::render_csv(ku::to_report(c), ku::csv_convention::plain);
    CHECK(csv.starts_with("code,kommun,Grundfinansiering ledning och stab,Medlemsavgift Kommunal utveckling,Summa\n"
                          "0604,Aneby,32790,0,32790\n"));
    CHECK_THAT(csv, Contains("\n0680,Jönköping,700650,0,700650\n"));
    CHECK(csv.ends_with("\n,Summa,1770000,0,1770000\n"));
}

TEST_CASE("a fee name with a comma or a quote is a quoted CSV field with the quote doubled", "[scenario][csv]")
{
    ku::allocation_key key{.name = "A", .weights = population_key_a()};
    ku::fee_spec fee;
    fee.name = "Projekt \"Nära vård\", del 2";
    fee.amount = ku::fee_spec::by_total{kr(13)};
    fee.key = "A";
    const ku::proposal_table base = ku::build_proposal({.title = "Bas", .keys = {key}, .fees = {fee}}, catalogue);
    fee.amount = ku::fee_spec::by_total{kr(26)};
    const ku::proposal_table alternative =
        ku::build_proposal({.title = "Alternativ", .keys = {key}, .fees = {fee}}, catalogue);
    const std::string csv = ku::render_csv(ku::to_report(ku::compare_scenarios(base, alternative)), ku::csv_convention::plain);
    CHECK(csv.starts_with("code,kommun,\"Projekt \"\"Nära vård\"\", del 2\",Summa\n"));
    std::istringstream input{csv};
    const ku::csv_table read_back = ku::read_csv(input, "skillnad.csv");
    CHECK(read_back.header[2] == "Projekt \"Nära vård\", del 2");
    CHECK(read_back.rows.back().fields[2] == "13");
}

TEST_CASE("the delta table as JSON: titles, fees with their delta, and base, alternative and delta per cell",
          "[scenario][json]")
{
    const ku::scenario_comparison c =
        ku::compare_scenarios(scenario("ledning_1730.toml"), scenario("ledning_3500.toml"));
    const std::string json = ku::scenario_as_json(c);
    CHECK_THAT(json, Contains(R"("base": "Scenario A: grundfinansiering ledning 1 730 tkr",)"));
    CHECK_THAT(json, Contains(R"("name": "Grundfinansiering ledning och stab",
      "in_row_sum": true,
      "base_in_row_sum": true,
      "alternative_in_row_sum": true,
      "delta": "1770000.00")"));
    CHECK_THAT(json, Contains(R"("code": "0680",
      "name": "Jönköping",
      "fees": {
        "Grundfinansiering ledning och stab": {
          "base": "684815.00",
          "alternative": "1385465.00",
          "delta": "700650.00"
        },)"));
    CHECK_THAT(json, Contains("\"total_delta\": \"1770000.00\"\n}\n"));
}
