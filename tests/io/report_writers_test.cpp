// The writers lose nothing: a proposal, an allocation, a scenario, a percent table and audit
// findings written as CSV (both conventions) or Markdown read back equal, cell by cell, with
// ku::read_csv and the library's own readers; .xlsx numbers are exact or refused.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ku/ku.hpp"
#include "../support/percent_value.hpp"
#include "ku/io/render.hpp"
#include "ku/io/tables.hpp"
#include "ku/io/xlsx.hpp"

namespace {

using namespace ku::literals;

const std::string bom = "\xEF\xBB\xBF";

ku::csv_table read(const std::string& text, const std::string& source = "written.csv")
{
    std::istringstream in{text};
    return ku::read_csv(in, source);
}

ku::proposal_table proposal_2025()
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    return ku::build_proposal(ku::read_proposal_spec(std::string{KU_DATA_DIR} + "/proposal_2025.toml", catalogue),
                              catalogue);
}

/// Checks that a published proposal read back is the computed one, cell by cell.
void check_equal(const ku::published_proposal& published, const ku::proposal_table& table)
{
    REQUIRE(published.kommuner.size() == table.kommuner.size());
    REQUIRE(published.fees.size() == table.fees.size());
    for (std::size_t f = 0; f < table.fees.size(); ++f) {
        CHECK(published.fees[f] == table.fees[f].name);
        CHECK(published.fee_totals[f] == table.column_sum(f));
    }
    for (std::size_t r = 0; r < table.kommuner.size(); ++r) {
        CHECK(published.kommuner[r] == table.kommuner[r].code);
        for (std::size_t f = 0; f < table.fees.size(); ++f) {
            CHECK(published.cells[r][f] == table.cell(r, f));
        }
        CHECK(published.row_totals[r] == table.row_sum(r));
    }
    CHECK(published.grand_total == table.grand_total());
    CHECK(ku::compare(table, published).empty());
}

/// The pipe tables of a Markdown text: rows of unescaped, trimmed cells, the alignment row left out.
std::vector<std::vector<std::vector<std::string>>> markdown_tables(const std::string& text)
{
    std::vector<std::vector<std::vector<std::string>>> tables;
    std::istringstream lines{text};
    std::string line;
    bool in_table = false;
    while (std::getline(lines, line)) {
        if (!line.starts_with("|")) {
            in_table = false;
            continue;
        }
        if (!in_table) {
            tables.emplace_back();
            in_table = true;
        }
        std::vector<std::string> cells;
        std::string cell;
        for (std::size_t i = 1; i < line.size(); ++i) {
            if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
                cell += '|';
                ++i;
            } else if (line[i] == '|') {
                const auto first = cell.find_first_not_of(' ');
                const auto last = cell.find_last_not_of(' ');
                cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
                cell.clear();
            } else {
                cell += line[i];
            }
        }
        const bool alignment = std::ranges::all_of(cells, [](const std::string& c) {
            return !c.empty() && c.find_first_not_of(":-") == std::string::npos;
        });
        if (!alignment) {
            tables.back().push_back(std::move(cells));
        }
    }
    return tables;
}

using ku::test::share_of;

} // namespace

TEST_CASE("the 2025 proposal written in the Swedish convention reads back equal, cell by cell", "[report][csv]")
{
    const ku::proposal_table table = proposal_2025();
    const std::string csv = ku::render_csv(ku::to_report(table), ku::csv_convention::swedish);
    CHECK(csv.starts_with(bom + "code;kommun;Grundfinansiering Social välfärd;"));
    CHECK(csv.find("\n0683;Värnamo;845154;84515;") != std::string::npos);
    CHECK(csv.find(",") == std::string::npos);
    const ku::csv_table read_back = read(csv);
    check_equal(ku::read_published_proposal(read_back, ku::jonkopings_lan()), table);
}

TEST_CASE("the 2025 proposal in the plain convention reads back equal too", "[report][csv]")
{
    const ku::proposal_table table = proposal_2025();
    const std::string csv = ku::render_csv(ku::to_report(table), ku::csv_convention::plain);
    CHECK(csv.starts_with("code,kommun,Grundfinansiering Social välfärd,"));
    CHECK(csv == ku::render_csv(ku::to_report(table), ku::csv_convention::plain));
    check_equal(ku::read_published_proposal(read(csv), ku::jonkopings_lan()), table);
}

TEST_CASE("the 2025 proposal as Markdown shows every amount exactly, in Swedish form", "[report][markdown]")
{
    const ku::proposal_table table = proposal_2025();
    const std::string markdown = ku::render_markdown(ku::to_report(table));
    CHECK(markdown.starts_with("## FÖRSLAG finansiering Kommunal Utveckling 2025 (kr)\n\n| Kod  | Kommun    |"));
    const auto tables = markdown_tables(markdown);
    REQUIRE(tables.size() == 2);
    const auto& rows = tables[0];
    REQUIRE(rows.size() == table.kommuner.size() + 2);
    REQUIRE(rows[0].size() == table.fees.size() + 3);
    CHECK(rows[0][0] == "Kod");
    CHECK(rows[0].back() == "Summa");
    const auto amount = [](const std::string& cell) -> std::optional<ku::money> {
        return cell == "–" ? std::nullopt : std::optional{ku::money::parse(cell)};
    };
    for (std::size_t r = 0; r < table.kommuner.size(); ++r) {
        const auto& cells = rows[r + 1];
        CHECK(cells[0] == table.kommuner[r].code.str());
        CHECK(cells[1] == table.kommuner[r].name);
        for (std::size_t f = 0; f < table.fees.size(); ++f) {
            CHECK(amount(cells[2 + f]) == table.cell(r, f));
        }
        CHECK(amount(cells.back()) == table.row_sum(r));
    }
    const auto& sums = rows.back();
    CHECK(sums[1] == "Summa");
    for (std::size_t f = 0; f < table.fees.size(); ++f) {
        CHECK(amount(sums[2 + f]) == table.column_sum(f));
    }
    CHECK(sums.back() == "27 902 191");

    // The same cells as CSV, under the reader's column names, read back by read_published_proposal.
    std::string csv = "code;kommun";
    for (std::size_t c = 2; c < rows[0].size(); ++c) {
        csv += ";" + rows[0][c];
    }
    csv += "\n";
    for (std::size_t r = 1; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            csv += (c == 0 ? "" : ";") + (rows[r][c] == "–" ? std::string{} : rows[r][c]);
        }
        csv += "\n";
    }
    check_equal(ku::read_published_proposal(read(csv, "markdown"), ku::jonkopings_lan()), table);
}

TEST_CASE("an allocation in öre written as Swedish CSV reads back: weights by read_weights, amounts exactly",
          "[report][csv]")
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    const std::vector<ku::member_weight> weights{
        {ku::kommun_code{"0604"}, ku::weight::parse("12,5")},
        {ku::kommun_code{"0617"}, ku::weight::whole(7)},
        {ku::kommun_code{"0680"}, ku::weight::parse("146 197")},
    };
    const ku::allocation result = ku::allocate(ku::money::kr(100'000), weights, {.method = ku::allocation_method::largest_remainder, .unit = ku::unit::ore});
    for (const auto convention : {ku::csv_convention::plain, ku::csv_convention::swedish}) {
        const std::string csv = ku::render_csv(ku::to_report(result, catalogue), convention);
        const ku::csv_table table = read(csv);
        REQUIRE(table.header == std::vector<std::string>{"code", "kommun", "weight", "quota", "amount", "adjustment"});
        const std::vector<ku::member_weight> read_back = ku::read_weights(table, "weight", catalogue);
        REQUIRE(read_back.size() == weights.size());
        for (std::size_t i = 0; i < weights.size(); ++i) {
            CHECK(read_back[i].member == weights[i].member);
            CHECK(read_back[i].weight == weights[i].weight);
        }
        REQUIRE(table.rows.size() == result.parts.size());
        for (std::size_t i = 0; i < result.parts.size(); ++i) {
            CHECK(table.rows[i].fields[0] == result.parts[i].member.str());
            CHECK(table.rows[i].fields[1] == catalogue.at(result.parts[i].member).name);
            std::string quota = table.rows[i].fields[3];
            std::ranges::replace(quota, ',', '.');
            CHECK(quota == result.parts[i].quota.to_plain(4)); // the quota truncated to four decimals
            CHECK(ku::money::parse(table.rows[i].fields[4]) == result.parts[i].amount);
            CHECK(ku::money::parse(table.rows[i].fields[5]) == result.parts[i].adjustment);
        }
    }
    const std::string swedish = ku::render_csv(ku::to_report(result, catalogue), ku::csv_convention::swedish);
    CHECK(swedish.find("\n0604;Aneby;12,5;") != std::string::npos);
    CHECK(swedish.find(",") != std::string::npos);
    CHECK(swedish.find(".") == std::string::npos);
}

TEST_CASE("an allocation as Markdown has Summa, Totalt and Differens rows that read back", "[report][markdown]")
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    const std::vector<ku::member_weight> weights =
        ku::read_weights(ku::read_csv_file(std::string{KU_DATA_DIR} + "/population_keys.csv"), "key_b", catalogue);
    const ku::allocation result =
        ku::allocate(ku::money::kr(2'702'752), weights, {.method = ku::allocation_method::round_each, .unit = ku::unit::kr});
    const auto tables = markdown_tables(ku::render_markdown(ku::to_report(result, catalogue)));
    REQUIRE(tables.size() == 1);
    const auto& rows = tables[0];
    REQUIRE(rows.size() == result.parts.size() + 4);
    CHECK(rows[0] == std::vector<std::string>{"Kod", "Kommun", "Vikt", "Exakt kvot (kr)", "Belopp (kr)", "Justering (kr)"});
    for (std::size_t i = 0; i < result.parts.size(); ++i) {
        CHECK(ku::weight::parse(rows[i + 1][2]) == result.parts[i].weight);
        CHECK(ku::money::parse(rows[i + 1][4]) == result.parts[i].amount);
    }
    CHECK(rows[rows.size() - 3][1] == "Summa");
    CHECK(ku::money::parse(rows[rows.size() - 3][4]) == ku::money::kr(2'702'753));
    CHECK(ku::money::parse(rows[rows.size() - 2][4]) == ku::money::kr(2'702'752));
    CHECK(rows.back()[1] == "Differens");
    CHECK(ku::money::parse(rows.back()[4]) == ku::money::kr(-1));
}

TEST_CASE("a scenario in the Swedish convention is the plain CSV with semicolons and decimal commas",
          "[report][csv]")
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    const auto proposal = [&](const char* name) {
        return ku::build_proposal(
            ku::read_proposal_spec(std::string{KU_DATA_DIR} + "/scenarios/" + name, catalogue), catalogue);
    };
    const ku::scenario_comparison comparison = ku::compare_scenarios(proposal("ledning_1730.toml"), proposal("ledning_3500.toml"));
    const std::string plain = ku::render_csv(ku::to_report(comparison), ku::csv_convention::plain);
    CHECK(ku::render_csv(ku::to_report(comparison), ku::csv_convention::plain) == plain);
    const std::string swedish = ku::render_csv(ku::to_report(comparison), ku::csv_convention::swedish);
    const ku::csv_table a = read(plain);
    const ku::csv_table b = read(swedish);
    REQUIRE(a.header == b.header);
    REQUIRE(a.rows.size() == b.rows.size());
    REQUIRE(a.rows.size() == comparison.kommuner.size() + 1);
    for (std::size_t r = 0; r < a.rows.size(); ++r) {
        for (std::size_t c = 2; c < a.header.size(); ++c) {
            CHECK(ku::money::parse(a.rows[r].fields[c]) == ku::money::parse(b.rows[r].fields[c]));
        }
    }
    for (std::size_t r = 0; r < comparison.kommuner.size(); ++r) {
        for (std::size_t f = 0; f < comparison.fees.size(); ++f) {
            CHECK(ku::money::parse(b.rows[r].fields[2 + f]) == comparison.delta(r, f));
        }
        CHECK(ku::money::parse(b.rows[r].fields.back()) == comparison.row_delta(r));
    }
    CHECK(ku::money::parse(b.rows.back().fields.back()) == comparison.total_delta());
}

TEST_CASE("a percent table written as CSV is read by read_published_shares and audits clean", "[report][csv]")
{
    const std::vector<ku::area_funding> areas =
        ku::read_area_funding(ku::read_csv_file(std::string{KU_TEST_DATA_DIR} + "/shares/funding_2023.csv"));
    for (const int decimals : {0, 1, 2}) {
        const ku::percent_table table = ku::to_percent_table(ku::financing_shares(areas), decimals);
        for (const auto convention : {ku::csv_convention::plain, ku::csv_convention::swedish}) {
            const ku::published_share_table published =
                ku::read_published_shares(read(ku::render_csv(ku::to_report(table), convention)));
            REQUIRE(published.rows.size() == table.rows.size());
            for (std::size_t r = 0; r < table.rows.size(); ++r) {
                CHECK(published.rows[r].area == table.rows[r].area);
                CHECK(*published.rows[r].andel_av_utfall == share_of(table.percents[r].of_outcome));
                for (const ku::funding_kind kind : ku::all_funding_kinds) {
                    CHECK(*published.rows[r].by_kind[kind] == share_of(table.percents[r].by_kind[kind]));
                }
            }
            CHECK(ku::audit_shares(published).empty());
        }
    }
}

TEST_CASE("balance findings as Swedish CSV read back in the table's unit", "[report][csv]")
{
    const ku::balance_table table = ku::read_balance_table(
        ku::read_csv_file(std::string{KU_TEST_DATA_DIR} + "/ledger/bokslut_2023_ledning_gross_summa.csv"));
    const std::vector<ku::finding> findings = ku::audit_balance(table);
    REQUIRE_FALSE(findings.empty());
    const ku::csv_table csv = read(ku::render_csv(ku::to_report(table, findings), ku::csv_convention::swedish));
    CHECK(csv.header == std::vector<std::string>{"kind", "area", "column", "expected_tkr", "found_tkr",
                                                 "difference_tkr", "classification", "note"});
    REQUIRE(csv.rows.size() == findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const auto& fields = csv.rows[i].fields;
        CHECK(fields[0] == ku::to_string(findings[i].kind));
        CHECK(fields[1] == findings[i].area.name());
        CHECK(fields[2] == ku::to_string(findings[i].column));
        CHECK(fields[6] == ku::to_string(findings[i].classification));
        const auto amount = [](const std::string& text) {
            return text.empty() ? std::nullopt : std::optional{ku::money::parse(text, ku::unit::tkr)};
        };
        CHECK(amount(fields[3]) == findings[i].expected);
        CHECK(amount(fields[4]) == findings[i].found);
        CHECK(amount(fields[5]) == findings[i].difference);
        CHECK(fields[7] == findings[i].note);
    }
    const std::string markdown = ku::render_markdown(ku::to_report(table, findings));
    CHECK(markdown.find("| Summa enligt raderna") != std::string::npos);
    CHECK(markdown.find("Summan stämmer ej") != std::string::npos);
}

TEST_CASE("a carry-over finding as CSV keeps its classification and its 1 000 tkr", "[report][csv]")
{
    const ku::balance_table previous = ku::read_balance_table(ku::read_csv_file(std::string{KU_DATA_DIR} + "/bokslut_2023.csv"));
    const ku::balance_table table = ku::read_balance_table(
        ku::read_csv_file(std::string{KU_TEST_DATA_DIR} + "/ledger/bokslut_2024_carry_off_1000_tkr.csv"));
    const std::vector<ku::finding> findings = ku::audit_balance(table, &previous);
    REQUIRE(findings.size() == 1);
    for (const auto convention : {ku::csv_convention::plain, ku::csv_convention::swedish}) {
        const ku::csv_table csv = read(ku::render_csv(ku::to_report(table, findings), convention));
        REQUIRE(csv.rows.size() == 1);
        const auto& fields = csv.rows[0].fields;
        CHECK(fields[0] == "carry_over_difference");
        CHECK(fields[1] == "Förstärkt samverkan");
        CHECK(fields[2] == "ingaende_balans");
        CHECK(ku::money::parse(fields[3], ku::unit::tkr) == ku::money::in(ku::unit::tkr, 34'359));
        CHECK(ku::money::parse(fields[4], ku::unit::tkr) == ku::money::in(ku::unit::tkr, 35'359));
        CHECK(ku::money::parse(fields[5], ku::unit::tkr) == ku::money::in(ku::unit::tkr, 1'000));
        CHECK(fields[6] == "fault");
        CHECK(fields[7] == findings[0].note);
    }
}

TEST_CASE("share findings as CSV in both conventions keep kind, row, column and exact percent points",
          "[report][csv]")
{
    const ku::published_share_table table = ku::read_published_shares(read("omrade,andel_av_utfall,kommunerna,staten,ovriga\n"
                                                                           "Social välfärd,60,50,40,10\n"
                                                                           "Familjehemsresurs,2,54,56,\n"
                                                                           "Utbildning,38,80,0,20\n"
                                                                           "Summa,100,61,25,14\n",
                                                                           "andelar_2022.csv"));
    std::vector<ku::share_finding> findings = ku::audit_shares(table);
    REQUIRE(findings.size() == 1);
    findings.push_back({.kind = ku::share_finding_kind::total_mismatch, .area = "Summa"_area, .column = "staten",
                        .expected = ku::exact_share{100, 3}, .found = ku::exact_share{69, 2},
                        .difference = ku::exact_share{69, 2} - ku::exact_share{100, 3}, .note = "tolerans ±0,5"});
    for (const auto convention : {ku::csv_convention::plain, ku::csv_convention::swedish}) {
        const ku::csv_table csv = read(ku::render_csv(ku::to_report(ku::published_share_table{}, findings), convention));
        CHECK(csv.header == std::vector<std::string>{"kind", "area", "column", "expected", "found", "difference",
                                                     "classification", "note"});
        REQUIRE(csv.rows.size() == findings.size());
        for (std::size_t i = 0; i < findings.size(); ++i) {
            const auto& fields = csv.rows[i].fields;
            CHECK(fields[0] == ku::to_string(findings[i].kind));
            CHECK(fields[1] == findings[i].area.name());
            CHECK(fields[2] == findings[i].column);
            const auto exact = [&](std::string text) {
                std::ranges::replace(text, ',', '.');
                return text;
            };
            CHECK(exact(fields[3]) == ku::percent_text(findings[i].expected));
            CHECK(exact(fields[4]) == ku::percent_text(findings[i].found));
            CHECK(exact(fields[5]) == ku::percent_text(findings[i].difference));
            CHECK(fields[6] == "fault");
            CHECK(fields[7] == findings[i].note);
        }
        CHECK(csv.rows[0].fields[4] == "110"); // Familjehemsresurs: 54 + 56 percent
        CHECK(csv.rows[1].fields[3] == "100/3");
        CHECK(csv.rows[1].fields[4] == (convention == ku::csv_convention::swedish ? "34,5" : "34.5"));
    }
}

TEST_CASE("differences from the published 2025 table as Swedish CSV keep every amount", "[report][csv]")
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    const ku::proposal_table table = proposal_2025();
    const auto differences = ku::compare(
        table, ku::read_published_proposal(ku::read_csv_file(std::string{KU_DATA_DIR} + "/financing_proposal_2025.csv"),
                                           catalogue));
    REQUIRE(differences.size() == 25);
    const ku::csv_table plain = read(ku::render_csv(ku::to_report(differences, catalogue), ku::csv_convention::plain));
    const ku::csv_table swedish = read(ku::render_csv(ku::to_report(differences, catalogue), ku::csv_convention::swedish));
    CHECK(plain.header == std::vector<std::string>{"kind", "code", "kommun", "fee", "published", "computed"});
    REQUIRE(swedish.rows.size() == differences.size());
    for (std::size_t i = 0; i < differences.size(); ++i) {
        const auto amount = [](const std::string& text) {
            return text.empty() ? std::nullopt : std::optional{ku::money::parse(text)};
        };
        CHECK(swedish.rows[i].fields[0] == ku::to_string(differences[i].kind));
        CHECK(swedish.rows[i].fields[1] == (differences[i].kommun ? differences[i].kommun->str() : ""));
        CHECK(swedish.rows[i].fields[2] ==
              (differences[i].kommun ? std::string{catalogue.at(*differences[i].kommun).name} : ""));
        CHECK(swedish.rows[i].fields[3] == differences[i].fee);
        CHECK(amount(swedish.rows[i].fields[4]) == differences[i].published);
        CHECK(amount(swedish.rows[i].fields[5]) == differences[i].computed);
        CHECK(amount(plain.rows[i].fields[5]) == differences[i].computed);
    }
    CHECK(swedish.rows[0].fields[4] == "9871"); // whole kronor, as the proposal's own CSV writes them
}

TEST_CASE("an .xlsx number is the amount exactly, or the amount is refused naming the cell", "[report][xlsx]")
{
    CHECK(ku::xlsx_number(ku::money::kr(845'154), ku::unit::kr, "Förslag!C9") == 845154.0);
    CHECK(ku::xlsx_number(ku::money::ore(1234), ku::unit::kr, "x") == 12.34);
    CHECK(ku::xlsx_number(ku::money::ore(-39'550), ku::unit::kr, "x") == -395.5);
    CHECK(ku::xlsx_number(ku::money::in(ku::unit::tkr, 58'088), ku::unit::tkr, "x") == 58088.0);
    CHECK(ku::xlsx_number(ku::money::ore(1), ku::unit::tkr, "x") == 0.00001);
    constexpr std::int64_t limit = std::int64_t{1} << 53;
    CHECK(ku::xlsx_number(ku::money::ore(limit - 1), ku::unit::ore, "x") == 9007199254740991.0);
    REQUIRE_THROWS_AS(ku::xlsx_number(ku::money::ore(limit), ku::unit::ore, "Förslag!T15 (Summa)"), ku::overflow_error);
    REQUIRE_THROWS_WITH(ku::xlsx_number(ku::money::ore(limit), ku::unit::ore, "Förslag!T15 (Summa)"),
                        Catch::StartsWith("Förslag!T15 (Summa): 9 007 199 254 740 992 öre") &&
                            Catch::Contains("2^53"));
    REQUIRE_THROWS_AS(ku::xlsx_number(-ku::money::ore(limit), ku::unit::kr, "x"), ku::overflow_error);
    // Below 2^53 öre, but 90 071 992 547 409,91 kr would read back as 90071992547409.9.
    REQUIRE_THROWS_WITH(ku::xlsx_number(ku::money::ore(limit - 1), ku::unit::kr, "Fördelning!E3"),
                        Catch::StartsWith("Fördelning!E3: 90 071 992 547 409,91 kr") &&
                            Catch::Contains("90071992547409.9"));
}

TEST_CASE("a workbook with an amount beyond 2^53 öre is refused and no file is left", "[report][xlsx]")
{
    const std::filesystem::path folder = std::filesystem::temp_directory_path() / "ku_xlsx_refused";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    const std::vector<ku::member_weight> weights{{ku::kommun_code{"0604"}, ku::weight::whole(1)},
                                                 {ku::kommun_code{"0617"}, ku::weight::whole(1)}};
    const ku::allocation huge = ku::allocate(ku::money::kr(std::int64_t{1} << 52), weights);
    REQUIRE_THROWS_AS(ku::write_xlsx(ku::to_report(huge, ku::jonkopings_lan()), folder / "huge.xlsx"), ku::overflow_error);
    CHECK(std::filesystem::is_empty(folder));

    const ku::allocation fine = ku::allocate(ku::money::kr(100), weights);
    ku::write_xlsx(ku::to_report(fine, ku::jonkopings_lan()), folder / "fine.xlsx");
    CHECK(std::filesystem::exists(folder / "fine.xlsx"));
    CHECK(std::distance(std::filesystem::directory_iterator{folder}, std::filesystem::directory_iterator{}) == 1);
    std::filesystem::remove_all(folder);
}

TEST_CASE("a text file is written atomically and a failed write leaves the old file", "[report][files]")
{
    const std::filesystem::path folder = std::filesystem::temp_directory_path() / "ku_atomic_write";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    ku::write_file_atomically(folder / "out.csv", "code,kommun\n");
    ku::write_file_atomically(folder / "out.csv", "code;kommun\n");
    std::ifstream in{folder / "out.csv"};
    std::string text{std::istreambuf_iterator<char>{in}, {}};
    CHECK(text == "code;kommun\n");
    REQUIRE_THROWS_AS(ku::write_file_atomically(folder / "missing" / "out.csv", "x"), ku::error);
    REQUIRE_THROWS_WITH(ku::write_file_atomically(folder / "missing" / "out.csv", "x"),
                        Catch::StartsWith("cannot write ") && Catch::Contains("missing/out.csv"));
    std::filesystem::create_directories(folder / "taken");
    REQUIRE_THROWS_AS(ku::write_file_atomically(folder / "taken", "x"), ku::error);
    CHECK(std::distance(std::filesystem::directory_iterator{folder}, std::filesystem::directory_iterator{}) == 2);
    std::filesystem::remove_all(folder);
}
