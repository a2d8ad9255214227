// The audit of a published staffing table: exact sums, and the wrong cell named.

#include <cstdint>
#include <random>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/indicators/staffing_audit.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/staffing_io.hpp"

namespace {

ku::published_staffing_table published_staffing(const std::string& name)
{
    return ku::read_published_staffing(ku::read_csv_file(KU_TEST_DATA_DIR "/staffing/" + name));
}

ku::arsarbetare aa(const char* text) { return ku::arsarbetare::parse(text); }

} // namespace

TEST_CASE("a staffing table whose sums hold to the hundredth has no findings", "[staffing-audit]")
{
    const ku::published_staffing_table table = published_staffing("tertialer.csv");
    CHECK(table.periods == std::vector<std::string>{"2019 - tertial 1", "2019 - tertial 2", "2019 - tertial 3"});
    CHECK(table.grand_total == aa("94,95"));
    CHECK(ku::audit_staffing(table).empty());
}

TEST_CASE("two swapped digits in a staffing table are named from the row and the column they break", "[staffing-audit]")
{
    const std::vector<ku::staffing_finding> findings = ku::audit_staffing(published_staffing("tertialer_fel.csv"));
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].kind == ku::difference_kind::row_sum);
    CHECK(findings[0].period == "2019 - tertial 2");
    CHECK(findings[0].difference == aa("0,36"));
    CHECK(findings[1].kind == ku::difference_kind::column_sum);
    CHECK(findings[1].column == "tillsvidare");
    CHECK(findings[2].kind == ku::difference_kind::cell);
    CHECK(findings[2].expected == aa("16,40"));
    CHECK(findings[2].found == aa("16,04"));
}

TEST_CASE("a staffing table names an unknown form of employment with its column", "[staffing-audit][errors]")
{
    std::istringstream csv{"Period,tjänsteköp,konsult\n2019,\"1,00\",\"2,00\"\n"};
    CHECK_THROWS_AS(ku::read_published_staffing(ku::read_csv(csv, "t.csv")), ku::lookup_error);
}

TEST_CASE("a single wrong cell in a random staffing table is always the cell named", "[staffing-audit][property]")
{
    std::mt19937_64 rng{41};
    const auto uniform = [&](std::int64_t low, std::int64_t high) {
        return std::uniform_int_distribution<std::int64_t>{low, high}(rng);
    };
    for (int i = 0; i < 1000; ++i) {
        ku::published_staffing_table table;
        table.forms = {ku::employment_forms.begin(), ku::employment_forms.end()};
        const auto periods = static_cast<std::size_t>(uniform(1, 9));
        table.column_totals.assign(3, ku::arsarbetare{});
        ku::arsarbetare grand;
        for (std::size_t r = 0; r < periods; ++r) {
            table.periods.push_back("T" + std::to_string(r + 1));
            std::vector<std::optional<ku::arsarbetare>> row;
            ku::arsarbetare sum;
            for (std::size_t c = 0; c < 3; ++c) {
                const ku::arsarbetare cell = ku::arsarbetare::hundredths(uniform(0, 5'000));
                row.emplace_back(cell);
                sum += cell;
                *table.column_totals[c] += cell;
            }
            table.cells.push_back(std::move(row));
            table.row_totals.emplace_back(sum);
            grand += sum;
        }
        table.grand_total = grand;
        REQUIRE(ku::audit_staffing(table).empty());
        const auto r = static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(periods) - 1));
        const auto c = static_cast<std::size_t>(uniform(0, 2));
        const ku::arsarbetare right = *table.cells[r][c];
        const ku::arsarbetare wrong = right + ku::arsarbetare::hundredths(uniform(1, 900) * (uniform(0, 1) == 0 ? 1 : -1));
        table.cells[r][c] = wrong;
        const std::vector<ku::staffing_finding> findings = ku::audit_staffing(table);
        REQUIRE(findings.size() == 3);
        CHECK(findings.back().kind == ku::difference_kind::cell);
        CHECK(findings.back().period == table.periods[r]);
        CHECK(findings.back().column == ku::to_string(table.forms[c]));
        CHECK(findings.back().expected == right);
    }
}
