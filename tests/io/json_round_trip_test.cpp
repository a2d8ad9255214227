// JSON loses nothing: every table ku writes as JSON (allocation, proposal, differences,
// scenario, percent table, balance and share findings) reads back equal, and a JSON file
// that disagrees with itself is refused naming the source and the JSON Pointer of the value.

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "ku/ku.hpp"
#include "../support/percent_value.hpp"
#include "../support/parse_failure.hpp"
#include "../support/fixtures.hpp"

namespace {

using namespace ku::literals;

using ku::test::catalogue;

ku::proposal_table proposal_of_spec(const std::string& spec)
{
    return ku::build_proposal(ku::read_proposal_spec(std::string{KU_DATA_DIR} + "/" + spec, catalogue), catalogue);
}

ku::csv_table written_csv(const std::string& text, const std::string& source = "written.csv")
{
    std::istringstream in{text};
    return ku::read_csv(in, source);
}

ku::balance_table balance(const std::string& path)
{
    return ku::read_balance_table(ku::read_csv_file(path));
}

/// Replaces the first `from` in `text` by `to`; the test fails if `from` is not there.
std::string edited(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

using ku::test::share_of;

} // namespace

TEST_CASE("every allocation of the 2025 proposal reads back from JSON equal, exact quotas included", "[json][allocation]")
{
    const ku::proposal_table table = proposal_of_spec("proposal_2025.toml");
    REQUIRE(table.allocations.size() == 16);
    for (const ku::allocation& a : table.allocations) {
        CAPTURE(a.basis);
        const ku::allocation back = ku::read_allocation_json(ku::allocation_as_json(a, catalogue), "fee.json");
        CHECK(back == a);
    }
    // Miljösamverkan is fixed-plus: 42 000 kr each and 17 136 kr more for Gislaved survive the trip.
    const auto miljo = std::ranges::find_if(table.allocations, [](const ku::allocation& a) {
        return a.parts.size() > 0 && a.parts.front().fixed == ku::money::kr(42'000);
    });
    REQUIRE(miljo != table.allocations.end());
    const ku::allocation back = ku::read_allocation_json(ku::allocation_as_json(*miljo, catalogue), "miljo.json");
    CHECK(back.at(ku::kommun_code{"0662"}).supplement == ku::money::kr(17'136));
}

TEST_CASE("a refund in öre by round-each, with its residual, reads back from JSON equal", "[json][allocation]")
{
    const std::vector<ku::member_weight> weights{
        {ku::kommun_code{"0604"}, ku::weight::parse("12,5")},
        {ku::kommun_code{"0617"}, ku::weight::whole(7)},
        {ku::kommun_code{"0680"}, ku::weight::parse("146 197")},
    };
    for (const auto method : {ku::allocation_method::round_each, ku::allocation_method::largest_remainder,
                              ku::allocation_method::sainte_lague}) {
        const ku::allocation a =
            ku::allocate(ku::money::parse("-1 000,01"), weights, {.method = method, .unit = ku::unit::ore});
        CHECK(ku::read_allocation_json(ku::allocation_as_json(a, catalogue), "refund.json") == a);
    }
    const ku::allocation a = ku::allocate(ku::money::kr(2'702'752),
                                          ku::read_weights(ku::read_csv_file(std::string{KU_DATA_DIR} + "/population_keys.csv"),
                                                           "key_b", catalogue),
                                          {.method = ku::allocation_method::round_each, .unit = ku::unit::kr});
    REQUIRE(a.residual() == ku::money::kr(-1));
    CHECK(ku::read_allocation_json(ku::allocation_as_json(a, catalogue), "key_b.json") == a);
}

TEST_CASE("the 2025 proposal as JSON reads back as the table its CSV gives, and compares clean", "[json][proposal]")
{
    const ku::proposal_table table = proposal_of_spec("proposal_2025.toml");
    const ku::published_proposal from_json =
        ku::read_proposal_json(ku::proposal_as_json(table), "forslag_2025.json", catalogue);
    for (const auto convention : {ku::csv_convention::plain, ku::csv_convention::swedish}) {
        CHECK(from_json == ku::read_published_proposal(written_csv(ku::render_csv(ku::to_report(table), convention)), catalogue));
    }
    CHECK(ku::compare(table, from_json).empty());
    REQUIRE(from_json.kommuner.size() == 13);
    CHECK(from_json.kommuner[8] == ku::kommun_code{"0683"});
    CHECK(from_json.cells[8][0] == ku::money::kr(845'154)); // Värnamo's social-welfare base fee
    CHECK(from_json.grand_total == ku::money::kr(27'902'191));
}

TEST_CASE("the 25 differences from the published 2025 table read back from JSON equal", "[json][proposal]")
{
    const ku::proposal_table table = proposal_of_spec("proposal_2025.toml");
    const auto differences = ku::compare(
        table, ku::read_published_proposal(ku::read_csv_file(std::string{KU_DATA_DIR} + "/financing_proposal_2025.csv"),
                                           catalogue));
    REQUIRE(differences.size() == 25);
    CHECK(ku::read_differences_json(ku::differences_as_json(differences, catalogue), "skillnader.json") ==
          differences);
    CHECK(ku::read_differences_json(ku::differences_as_json({}, catalogue), "inga.json").empty());
}

TEST_CASE("a scenario of 1 730 against 3 500 tkr for ledning reads back from JSON equal", "[json][scenario]")
{
    const ku::scenario_comparison c =
        ku::compare_scenarios(proposal_of_spec("scenarios/ledning_1730.toml"), proposal_of_spec("scenarios/ledning_3500.toml"));
    const ku::scenario_comparison back = ku::read_scenario_json(ku::scenario_as_json(c), "scenario.json", catalogue);
    CHECK(back == c);
    CHECK(back.total_delta() == ku::money::kr(1'770'000));
}

TEST_CASE("a scenario whose fee counts in one proposal only keeps both flags through JSON", "[json][scenario]")
{
    ku::proposal_table base = proposal_of_spec("scenarios/ledning_1730.toml");
    ku::proposal_table alternative = proposal_of_spec("scenarios/ledning_3500.toml");
    base.fees.back().in_row_sum = false;
    const ku::scenario_comparison c = ku::compare_scenarios(base, alternative);
    REQUIRE(c.base_in_row_sum.back() != c.alternative_in_row_sum.back());
    CHECK(ku::read_scenario_json(ku::scenario_as_json(c), "scenario.json", catalogue) == c);
}

TEST_CASE("a percent table as JSON reads back as its CSV does and audits clean", "[json][shares]")
{
    const std::vector<ku::area_funding> areas =
        ku::read_area_funding(ku::read_csv_file(std::string{KU_TEST_DATA_DIR} + "/shares/funding_2023.csv"));
    for (const int decimals : {0, 1, 2}) {
        const ku::percent_table table = ku::to_percent_table(ku::financing_shares(areas), decimals);
        const ku::published_share_table from_json =
            ku::read_percent_table_json(ku::percent_table_as_json(table), "andelar.json");
        const ku::published_share_table from_csv = ku::read_published_shares(written_csv(ku::render_csv(ku::to_report(table), ku::csv_convention::plain)));
        CHECK(from_json.source == "andelar.json");
        REQUIRE(from_json.rows.size() == table.rows.size());
        REQUIRE(from_csv.rows.size() == table.rows.size());
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const ku::published_share_row& row = from_json.rows[r];
            CHECK(row.area == table.rows[r].area);
            CHECK(row.group == from_csv.rows[r].group);
            CHECK(row.is_total == (table.rows[r].row_kind == ku::share_row::kind::total));
            CHECK(row.is_group == (table.rows[r].row_kind == ku::share_row::kind::group));
            CHECK(row.is_total == from_csv.rows[r].is_total);
            CHECK(row.is_group == from_csv.rows[r].is_group);
            CHECK(*row.andel_av_utfall == share_of(table.percents[r].of_outcome));
            for (const ku::funding_kind kind : ku::all_funding_kinds) {
                CHECK(*row.by_kind[kind] == share_of(table.percents[r].by_kind[kind]));
            }
            CHECK(row.cell_decimals == from_csv.rows[r].cell_decimals);
            CHECK(row.decimals == decimals);
        }
        CHECK(ku::audit_shares(from_json).empty());
    }
}

TEST_CASE("balance findings, carry-over classifications included, read back from JSON equal", "[json][ledger]")
{
    const ku::balance_table gross = balance(std::string{KU_TEST_DATA_DIR} + "/ledger/bokslut_2023_ledning_gross_summa.csv");
    const std::vector<ku::finding> total_findings = ku::audit_balance(gross);
    REQUIRE_FALSE(total_findings.empty());
    CHECK(ku::read_findings_json(ku::findings_as_json(total_findings), "granskning.json") == total_findings);

    const ku::balance_table previous = balance(std::string{KU_DATA_DIR} + "/bokslut_2023.csv");
    const ku::balance_table next = balance(std::string{KU_TEST_DATA_DIR} + "/ledger/bokslut_2024_carry_off_1000_tkr.csv");
    const std::vector<ku::finding> carry_over = ku::audit_balance(next, &previous);
    REQUIRE(carry_over.size() == 1);
    REQUIRE(carry_over[0].classification == ku::finding_class::fault);
    const std::vector<ku::finding> back = ku::read_findings_json(ku::findings_as_json(carry_over), "overforing.json");
    CHECK(back == carry_over);
    CHECK(back[0].difference == ku::money::in(ku::unit::tkr, 1'000));

    const ku::balance_table blank = balance(std::string{KU_TEST_DATA_DIR} + "/ledger/bokslut_2023_blank_derived.csv");
    const std::vector<ku::finding> missing = ku::audit_balance(blank);
    REQUIRE(missing.size() == 1);
    REQUIRE_FALSE(missing[0].found.has_value());
    CHECK(ku::read_findings_json(ku::findings_as_json(missing), "tom.json") == missing);
}

TEST_CASE("share findings read back from JSON exactly, a third of a percent as the fraction 1/3", "[json][shares]")
{
    const ku::published_share_table table =
        ku::read_published_shares(written_csv("omrade,andel_av_utfall,kommunerna,staten,ovriga\n"
                                      "Social välfärd,60,50,40,10\n"
                                      "Familjehemsresurs,2,54,56,\n"
                                      "Utbildning,38,80,0,20\n"
                                      "Summa,100,61,25,14\n",
                                      "andelar_2022.csv"));
    const std::vector<ku::share_finding> findings = ku::audit_shares(table);
    REQUIRE(findings.size() == 1);
    CHECK(ku::read_share_findings_json(ku::share_findings_as_json(findings), "andelar.json") == findings);

    const std::vector<ku::share_finding> third{{.kind = ku::share_finding_kind::total_mismatch,
                                                .area = "Summa"_area,
                                                .column = "staten",
                                                .expected = ku::exact_share{100, 3},
                                                .found = ku::exact_share{34},
                                                .difference = ku::exact_share{2, 3},
                                                .note = "tolerans ±0,5 procentenheter (1 avrundad cell)"}};
    const std::string json = ku::share_findings_as_json(third);
    CHECK(json.find("\"100/3\"") != std::string::npos);
    CHECK(ku::read_share_findings_json(json, "tredjedel.json") == third);
}

TEST_CASE("JSON that is not JSON is refused naming file, line and column", "[json][errors]")
{
    const auto e = ku::test::parse_failure_of([] {
        static_cast<void>(ku::read_findings_json("{\n  \"findings\": [\n    {\"kind\": }\n  ]\n}\n", "trasig.json"));
    });
    REQUIRE(e);
    CHECK(e->where() == "trasig.json:3:14");
    CHECK_THAT(e->what(), Catch::Contains("not JSON: syntax error"));
}

TEST_CASE("a JSON amount written as a number is refused: it may already have been rounded", "[json][errors]")
{
    const ku::proposal_table table = proposal_of_spec("proposal_2025.toml");
    const std::string json = edited(ku::proposal_as_json(table), "\"grand_total\": \"27902191.00\"",
                                    "\"grand_total\": 27902191.0");
    const auto e = ku::test::parse_failure_of([&] { static_cast<void>(ku::read_proposal_json(json, "p.json", catalogue)); });
    REQUIRE(e);
    CHECK(e->where() == "p.json: /grand_total");
    CHECK_THAT(e->what(), Catch::Contains("an amount is a decimal string (\"1583550.00\"), found number"));
}

TEST_CASE("an allocation whose sum was edited by hand is refused naming /sum", "[json][errors]")
{
    const ku::allocation a = ku::allocate_equally(ku::money::kr(100), std::vector{ku::kommun_code{"0604"}, ku::kommun_code{"0617"}, ku::kommun_code{"0642"}});
    const std::string json = ku::allocation_as_json(a, catalogue);
    const auto sum = ku::test::parse_failure_of([&] {
        static_cast<void>(ku::read_allocation_json(edited(json, "\"sum\": \"100.00\"", "\"sum\": \"101.00\""), "a.json"));
    });
    REQUIRE(sum);
    CHECK(sum->where() == "a.json: /sum");
    CHECK_THAT(sum->what(), Catch::Contains("the sum of the parts' amounts is 100.00, not 101.00"));

    // Aneby's 33,33… kr rounded up by largest remainder (the tie goes to the lowest code): its adjustment is +1 kr.
    const auto adjustment = ku::test::parse_failure_of([&] {
        static_cast<void>(
            ku::read_allocation_json(edited(json, "\"adjustment\": \"1.00\"", "\"adjustment\": \"0.00\""), "a.json"));
    });
    REQUIRE(adjustment);
    CHECK(adjustment->where() == "a.json: /parts/0/adjustment");

    const auto quota = ku::test::parse_failure_of([&] {
        static_cast<void>(ku::read_allocation_json(edited(json, "\"quota_ore\": \"10000/3\"", "\"quota_ore\": \"10000/0\""),
                                                   "a.json"));
    });
    REQUIRE(quota);
    CHECK(quota->where() == "a.json: /parts/0/quota_ore");
    CHECK_THAT(quota->what(), Catch::Contains("the denominator of a quota is positive"));
}

TEST_CASE("a proposal row whose name is not its code's kommun is refused naming the row", "[json][errors]")
{
    const ku::proposal_table table = proposal_of_spec("proposal_2025.toml");
    const std::string json =
        edited(ku::proposal_as_json(table), "\"code\": \"0683\",\n      \"name\": \"Värnamo\"",
               "\"code\": \"0683\",\n      \"name\": \"Vetlanda\"");
    const auto e = ku::test::parse_failure_of([&] { static_cast<void>(ku::read_proposal_json(json, "p.json", catalogue)); });
    REQUIRE(e);
    CHECK(e->where() == "p.json: /rows/8/name");
    CHECK_THAT(e->what(), Catch::Contains("the kommun with code 0683 is Värnamo, not \"Vetlanda\""));

    const std::string unknown = edited(ku::proposal_as_json(table), "\"code\": \"0683\"", "\"code\": \"0999\"");
    CHECK_THROWS_MATCHES(ku::read_proposal_json(unknown, "p.json", catalogue), ku::lookup_error,
                         Catch::Message("unknown kommun code 0999 (p.json: /rows/8/code)"));
}

TEST_CASE("an unknown finding kind is refused with the kinds allowed", "[json][errors]")
{
    const auto e = ku::test::parse_failure_of([] {
        static_cast<void>(ku::read_findings_json(
            R"({"findings": [{"kind": "typo", "area": "Ledning", "column": "ingaende_balans", "expected": null,
               "found": null, "difference": "0.00", "classification": null, "note": ""}]})",
            "f.json"));
    });
    REQUIRE(e);
    CHECK(e->where() == "f.json: /findings/0/kind");
    CHECK_THAT(e->what(), Catch::Contains("\"typo\" is not one of missing_value, identity_broken, total_mismatch, "
                                         "carry_over_difference"));
}

TEST_CASE("a JSON file that is missing or a folder is a ku::error naming the path", "[json][errors]")
{
    CHECK_THROWS_MATCHES(ku::read_json_file(std::string{KU_TEST_DATA_DIR} + "/no_such.json"), ku::error,
                         Catch::Message("cannot open " + std::string{KU_TEST_DATA_DIR} + "/no_such.json"));
    CHECK_THROWS_MATCHES(ku::read_json_file(std::string{KU_TEST_DATA_DIR} + "/ledger"), ku::error,
                         Catch::Message("cannot read " + std::string{KU_TEST_DATA_DIR} + "/ledger: it is a folder"));
}
