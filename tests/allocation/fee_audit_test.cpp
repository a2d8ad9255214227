// The audit of a published fee table with no spec at hand: the 2025 proposal's faults are all
// rounding, the Summa column's uncounted fees are found from the Summa row, the keys tell which
// method made each column, a krona moved by hand and a transposed digit are found and named,
// and a table made by rounding exact figures never gets a fault.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/allocation/fee_audit.hpp"
#include "ku/io/allocation_io.hpp"
#include "ku/io/csv.hpp"
#include "../support/fixtures.hpp"

namespace {

using ku::money;

using ku::test::catalogue;

ku::published_proposal fee_table(const std::string& name)
{
    const std::string folder = name.rfind("financing", 0) == 0 ? KU_DATA_DIR : KU_TEST_DATA_DIR "/fees";
    return ku::read_published_proposal(ku::read_csv_file(folder + "/" + name), catalogue);
}

std::vector<ku::allocation_key> population_keys()
{
    return ku::read_keys(ku::read_csv_file(KU_DATA_DIR "/population_keys.csv"), catalogue);
}

const ku::fee_key_match& match_of(const ku::fee_audit& audit, const std::string& fee)
{
    const auto found = std::ranges::find(audit.keys, fee, &ku::fee_key_match::fee);
    REQUIRE(found != audit.keys.end());
    return *found;
}

} // namespace

TEST_CASE("the 2025 proposal's column and row sums are off by rounding only", "[fee-audit]")
{
    const ku::fee_audit audit = ku::audit_fee_table(fee_table("financing_proposal_2025.csv"));
    REQUIRE(audit.findings.size() == 13); // 4 columns, 9 rows
    for (const ku::fee_finding& finding : audit.findings) {
        CHECK(finding.classification == ku::fee_finding_class::rounding);
    }
    // Digitalisering, Skola, Fjärrundervisning and Fritid sum 1, 1, 1 and 2 kr off their totals.
    CHECK(audit.findings[0].fee == "Digitalisering");
    CHECK(audit.findings[0].difference == money::kr(1));
    CHECK(audit.findings[3].fee == "Fritid");
    CHECK(audit.findings[3].difference == money::kr(-2));
}

TEST_CASE("the Summa column's uncounted fees are found from the Summa row and the rows", "[fee-audit]")
{
    const ku::published_proposal table = fee_table("financing_proposal_2025.csv");
    const ku::fee_audit audit = ku::audit_fee_table(table);
    std::vector<std::string> left_out;
    for (std::size_t f = 0; f < table.fees.size(); ++f) {
        if (std::ranges::find(audit.counted, f) == audit.counted.end()) {
            left_out.push_back(table.fees[f]);
        }
    }
    // Medlemsavgift has the same total as Grundfinansiering Social välfärd; the rows tell them apart.
    CHECK(left_out == std::vector<std::string>{"Grundfinansiering Social välfärd", "Arbete och delaktighet", "Yrkesresorna"});
    CHECK_FALSE(audit.counted_ambiguous);
}

TEST_CASE("the keys tell which key and method made each column of the 2025 proposal", "[fee-audit]")
{
    const std::vector<ku::allocation_key> keys = population_keys();
    const ku::fee_audit audit = ku::audit_fee_table(fee_table("financing_proposal_2025.csv"), keys);
    CHECK(match_of(audit, "Grundfinansiering Social välfärd").key == "key_a");
    CHECK(match_of(audit, "Grundfinansiering Social välfärd").method == ku::allocation_method::largest_remainder);
    CHECK(match_of(audit, "Grundfinansiering Social välfärd").differing == 0);
    // The spare krona went to Jönköping, the largest member: largest-absorbs.
    CHECK(match_of(audit, "Medlemsavgift Kommunal utveckling").method == ku::allocation_method::largest_absorbs);
    // Each cell rounded on its own: round-each, 1 kr off the total.
    CHECK(match_of(audit, "Digitalisering").method == ku::allocation_method::round_each);
    CHECK(match_of(audit, "Digitalisering").key == "key_b");
    // A fixed part per member and supplements: no key alone gives it, and it is not a moved krona.
    CHECK(match_of(audit, "Miljösamverkan").differing == 12);
    CHECK(std::ranges::none_of(audit.findings, [](const ku::fee_finding& f) { return f.kind == ku::difference_kind::cell; }));
}

TEST_CASE("a krona moved by hand is named with the cells the key gives", "[fee-audit]")
{
    const ku::fee_audit audit = ku::audit_fee_table(fee_table("moved_krona.csv"), population_keys());
    REQUIRE(audit.findings.size() == 2);
    CHECK(audit.findings[0].kind == ku::difference_kind::cell);
    CHECK(audit.findings[0].kommun == ku::kommun_code{"0604"});
    CHECK(audit.findings[0].expected == money::kr(166'730));
    CHECK(audit.findings[0].found == money::kr(166'731));
    CHECK(audit.findings[1].kommun == ku::kommun_code{"0686"});
    CHECK(audit.findings[1].expected == money::kr(433'616));
    CHECK(audit.findings[0].classification == ku::fee_finding_class::fault);
    // Without the keys the sums still hold: a moved krona is invisible to them.
    CHECK(ku::audit_fee_table(fee_table("moved_krona.csv")).findings.empty());
}

TEST_CASE("a transposed digit is localised to its cell from the column and the row it breaks", "[fee-audit]")
{
    const ku::fee_audit audit = ku::audit_fee_table(fee_table("transposed.csv"));
    REQUIRE(audit.findings.size() == 3);
    CHECK(audit.findings[0].kind == ku::difference_kind::column_sum);
    CHECK(audit.findings[0].difference == money::kr(-1'800));
    CHECK(audit.findings[0].classification == ku::fee_finding_class::fault);
    CHECK(audit.findings[1].kind == ku::difference_kind::row_sum);
    CHECK(audit.findings[2].kind == ku::difference_kind::cell);
    CHECK(audit.findings[2].kommun == ku::kommun_code{"0617"});
    CHECK(audit.findings[2].fee == "Grundfinansiering");
    CHECK(audit.findings[2].expected == money::kr(226'848));
    CHECK(audit.findings[2].found == money::kr(228'648));
}

TEST_CASE("a fee table names an unknown or repeated kommun with its line", "[fee-audit][errors]")
{
    CHECK_THROWS_MATCHES(fee_table("unknown_kommun.csv"), ku::lookup_error,
                         Catch::Matchers::Message(KU_TEST_DATA_DIR "/fees/unknown_kommun.csv:3:Kommun: unknown kommun "
                                                                    "\"Linköping\" (a name or an SCB code, e.g. Aneby or 0604)"));
    CHECK_THROWS_MATCHES(fee_table("kommun_twice.csv"), ku::domain_error,
                         Catch::Matchers::Message(KU_TEST_DATA_DIR "/fees/kommun_twice.csv:4:Kommun: kommun Aneby "
                                                                    "(0604) appears twice"));
}

TEST_CASE("a fee table made by rounding exact figures never gets a fault", "[fee-audit][property]")
{
    std::mt19937_64 rng{1204};
    const auto uniform = [&](std::int64_t low, std::int64_t high) {
        return std::uniform_int_distribution<std::int64_t>{low, high}(rng);
    };
    const std::vector<ku::allocation_key> keys = population_keys();
    for (int i = 0; i < 500; ++i) {
        ku::published_proposal table;
        const auto fees = static_cast<std::size_t>(uniform(1, 8));
        const ku::allocation_key& key = keys[static_cast<std::size_t>(uniform(0, 2))];
        for (const ku::member_weight& w : key.weights) {
            table.kommuner.push_back(w.member);
        }
        table.cells.assign(key.weights.size(), {});
        for (std::size_t f = 0; f < fees; ++f) {
            table.fees.push_back("Avgift " + std::to_string(f + 1));
            const money total = money::kr(uniform(0, 20'000'000));
            // Each cell rounded on its own, the spreadsheet's way, or by a method that sums; not
            // largest-absorbs, which can put several units on one cell.
            const auto method = ku::all_allocation_methods[static_cast<std::size_t>(uniform(0, 2))];
            const ku::allocation split = ku::allocate(total, key.weights, {method, ku::unit::kr});
            for (std::size_t r = 0; r < split.parts.size(); ++r) {
                table.cells[r].push_back(split.parts[r].amount);
            }
            table.fee_totals.push_back(total);
        }
        // The Summa column: each kommun's exact total (the sum of its quotas) rounded half up.
        for (std::size_t r = 0; r < table.kommuner.size(); ++r) {
            ku::int128 numerator = 0;
            ku::int128 denominator = 1;
            for (std::size_t f = 0; f < fees; ++f) {
                const ku::exact_quota quota = ku::allocate(*table.fee_totals[f], key.weights, {}).parts[r].quota;
                REQUIRE((f == 0 || quota.denominator == denominator)); // one key: one denominator, the weights' sum
                numerator += quota.numerator;
                denominator = quota.denominator;
            }
            table.row_totals.push_back(money::ore(static_cast<std::int64_t>(
                ku::divide_rounded(numerator, denominator * 100, ku::rounding_mode::half_up) * 100)));
        }
        money grand;
        for (const auto& total : table.fee_totals) {
            grand += *total;
        }
        table.grand_total = grand;
        const ku::fee_audit audit = ku::audit_fee_table(table);
        for (const ku::fee_finding& finding : audit.findings) {
            INFO("case " << i << ": " << finding.fee << " " << finding.note);
            CHECK(finding.classification == ku::fee_finding_class::rounding);
        }
    }
}

TEST_CASE("a single wrong cell in a random fee table is always the cell named, beyond rounding", "[fee-audit][property]")
{
    std::mt19937_64 rng{2025};
    const auto uniform = [&](std::int64_t low, std::int64_t high) {
        return std::uniform_int_distribution<std::int64_t>{low, high}(rng);
    };
    const std::vector<ku::allocation_key> keys = population_keys();
    for (int i = 0; i < 300; ++i) {
        ku::published_proposal table;
        const ku::allocation_key& key = keys[static_cast<std::size_t>(uniform(0, 2))];
        for (const ku::member_weight& w : key.weights) {
            table.kommuner.push_back(w.member);
        }
        table.cells.assign(key.weights.size(), {});
        table.row_totals.assign(key.weights.size(), money{});
        money grand;
        const auto fees = static_cast<std::size_t>(uniform(1, 6));
        for (std::size_t f = 0; f < fees; ++f) {
            table.fees.push_back("Avgift " + std::to_string(f + 1));
            const money total = money::kr(uniform(100'000, 20'000'000));
            const ku::allocation split = ku::allocate(total, key.weights);
            for (std::size_t r = 0; r < split.parts.size(); ++r) {
                table.cells[r].push_back(split.parts[r].amount);
                *table.row_totals[r] += split.parts[r].amount;
            }
            table.fee_totals.push_back(total);
            grand += total;
        }
        table.grand_total = grand;
        REQUIRE(ku::audit_fee_table(table).findings.empty());
        const auto r = static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(table.kommuner.size()) - 1));
        const auto f = static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(fees) - 1));
        const money right = *table.cells[r][f];
        // Beyond what rounding of 13 cells can explain (12 kr), up or down.
        table.cells[r][f] = right + money::kr(uniform(14, 50'000) * (uniform(0, 1) == 0 ? 1 : -1));
        const ku::fee_audit audit = ku::audit_fee_table(table);
        REQUIRE(audit.findings.size() == 3);
        CHECK(audit.findings.back().kind == ku::difference_kind::cell);
        CHECK(audit.findings.back().kommun == table.kommuner[r]);
        CHECK(audit.findings.back().fee == table.fees[f]);
        CHECK(audit.findings.back().expected == right);
    }
}
