// A balance table made by rounding exact figures never gets a fault: every identity, sum and
// carry-over it breaks is within half a unit per rounded cell, and the audit says rounding.
// The same table with one cell mistyped by more than its rows' tolerance is a fault.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <gsl/narrow>

#include "ku/core/money.hpp"
#include "ku/ledger/audit.hpp"
#include "../support/random.hpp"

using ku::balance_column;
using ku::finding_class;
using ku::money;

namespace {

using ku::test::uniform;

/// Exact kronor figures of one area: opening, received, budget, outcome, paid on, transferred,
/// and a state part no larger than what remains.
struct exact_area {
    std::int64_t ingaende;
    std::int64_t erhallna;
    std::int64_t budget;
    std::int64_t utfall;
    std::int64_t utbetalt;
    std::int64_t overforda;
    std::int64_t statliga;

    [[nodiscard]] std::int64_t disponibla() const { return ingaende + erhallna; }
    [[nodiscard]] std::int64_t kvarvarande() const { return disponibla() - utfall - utbetalt - overforda; }
};

exact_area random_area(std::mt19937_64& random, std::int64_t opening)
{
    exact_area area{.ingaende = opening,
                    .erhallna = uniform(random, 0, 40'000'000),
                    .budget = uniform(random, 0, 40'000'000),
                    .utfall = uniform(random, 0, 30'000'000),
                    .utbetalt = uniform(random, 0, 3) == 0 ? uniform(random, 0, 9'000'000) : 0,
                    .overforda = uniform(random, 0, 4) == 0 ? uniform(random, 0, 2'000'000) : 0,
                    .statliga = 0};
    const std::int64_t left = area.kvarvarande();
    area.statliga = left > 0 && uniform(random, 0, 1) == 0 ? uniform(random, 0, left) : 0;
    return area;
}

/// kronor rounded half-up to whole tkr, as a published cell.
money tkr_cell(std::int64_t kronor)
{
    // Half-up, a half away from zero, as divide_rounded does (in int64: kronor are small here).
    std::int64_t thousands = kronor / 1'000;
    const std::int64_t rest = kronor % 1'000;
    if (2 * (rest < 0 ? -rest : rest) >= 1'000) {
        thousands += rest < 0 ? -1 : 1;
    }
    return money::in(ku::unit::tkr, thousands);
}

/// A published row: every exact figure of `a` rounded on its own.
ku::balance_row row_of(std::string name, ku::row_kind kind, const exact_area& a)
{
    ku::balance_row row{.area = ku::partnerskap::named(std::move(name)), .kind = kind};
    row.set(balance_column::ingaende_balans, tkr_cell(a.ingaende));
    row.set(balance_column::erhallna_medel, tkr_cell(a.erhallna));
    row.set(balance_column::disponibla_medel, tkr_cell(a.disponibla()));
    row.set(balance_column::budget_forbrukning, tkr_cell(a.budget));
    row.set(balance_column::utfall_forbrukning, tkr_cell(a.utfall));
    row.set(balance_column::utbetalt_till_kommuner, tkr_cell(a.utbetalt));
    row.set(balance_column::overforda_medel, tkr_cell(a.overforda));
    row.set(balance_column::kvarvarande_medel, tkr_cell(a.kvarvarande()));
    row.set(balance_column::varav_statliga_medel, tkr_cell(a.statliga));
    return row;
}

/// The published table: every exact figure rounded on its own, and a Summa row of the rounded
/// exact totals.
ku::balance_table published(const std::vector<exact_area>& areas)
{
    ku::balance_table table{.source = "slump.csv", .unit = ku::unit::tkr, .rows = {}};
    exact_area total{};
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const exact_area& a = areas[i];
        table.rows.push_back(row_of("Område " + std::to_string(i), ku::row_kind::omrade, a));
        total.ingaende += a.ingaende;
        total.erhallna += a.erhallna;
        total.budget += a.budget;
        total.utfall += a.utfall;
        total.utbetalt += a.utbetalt;
        total.overforda += a.overforda;
        total.statliga += a.statliga;
    }
    table.rows.push_back(row_of("Summa", ku::row_kind::summa, total));
    return table;
}

} // namespace

TEST_CASE("a balance table made by rounding exact kronor to tkr never gets a fault, this period or carried over",
          "[audit][rounding][property]")
{
    std::mt19937_64 random{20'231'231};
    std::size_t rounding_findings = 0;
    for (int trial = 0; trial < 300; ++trial) {
        const auto count = gsl::narrow<std::size_t>(uniform(random, 1, 12));
        std::vector<exact_area> last_year;
        std::vector<exact_area> this_year;
        for (std::size_t i = 0; i < count; ++i) {
            last_year.push_back(random_area(random, uniform(random, -2'000'000, 60'000'000)));
            // This year opens at last year's exact closing balance.
            this_year.push_back(random_area(random, last_year.back().kvarvarande()));
        }
        const ku::balance_table previous = published(last_year);
        const ku::balance_table table = published(this_year);
        INFO("trial " << trial << ", " << count << " areas");
        for (const ku::finding& f : ku::audit_balance(table, &previous)) {
            INFO(ku::to_string(f.kind) << " " << f.area.name() << " / " << ku::to_string(f.column) << ": " << f.note);
            CHECK(f.classification == finding_class::rounding);
            ++rounding_findings;
        }
    }
    // Rounding does break identities and sums: the property is not vacuous.
    CHECK(rounding_findings > 100);
}

TEST_CASE("the same rounded table with one kvarvarande mistyped by 3 tkr is a fault, the cell named",
          "[audit][rounding]")
{
    std::mt19937_64 random{51'627};
    std::vector<exact_area> areas;
    for (int i = 0; i < 5; ++i) {
        // Whole tkr: no rounding at all, so only the mistyped cell breaks anything.
        exact_area area = random_area(random, uniform(random, 0, 60'000) * 1'000);
        area.erhallna = area.erhallna / 1'000 * 1'000;
        area.budget = area.budget / 1'000 * 1'000;
        area.utfall = area.utfall / 1'000 * 1'000;
        area.utbetalt = area.utbetalt / 1'000 * 1'000;
        area.overforda = area.overforda / 1'000 * 1'000;
        area.statliga = 0;
        areas.push_back(area);
    }
    ku::balance_table table = published(areas);
    REQUIRE(ku::audit_balance(table).empty());
    const money right = *table.rows[2].cell(balance_column::kvarvarande_medel);
    table.rows[2].set(balance_column::kvarvarande_medel, right + money::in(ku::unit::tkr, 3));
    const std::vector<ku::finding> findings = ku::audit_balance(table);
    REQUIRE_FALSE(findings.empty());
    for (const ku::finding& f : findings) {
        INFO(ku::to_string(f.kind) << ": " << f.note);
        // The row's identity is 3 tkr off (tolerance 2,5 tkr); the Summa is off by 3 of 3 tkr.
        CHECK(f.classification == (f.kind == ku::finding_kind::total_mismatch ? finding_class::rounding
                                                                              : finding_class::fault));
    }
    CHECK(findings.back().kind == ku::finding_kind::wrong_cell);
    CHECK(findings.back().area.name() == "Område 2");
    CHECK(findings.back().expected == right);
}
