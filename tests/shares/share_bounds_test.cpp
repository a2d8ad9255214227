// The tight interval for a Summa or group percent: the smallest and largest outcome-weighted
// average over every set of values that round to the published cells. Checked against a
// brute-force reference over every vertex of small random tables, against a case the old bound
// (lowest numerator over highest weight) let through, and against tables made by rounding exact
// figures, which must never get a finding.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <gsl/narrow>

#include "ku/io/csv.hpp"
#include "ku/io/render.hpp"
#include "ku/io/shares_io.hpp"
#include "ku/io/tables.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/percent.hpp"
#include "ku/shares/share_audit.hpp"
#include "../support/random.hpp"

using ku::exact_share;
using ku::share_interval;

namespace {

using ku::test::uniform;

exact_share clamped(const exact_share& value)
{
    return std::clamp(value, exact_share{0}, exact_share{100});
}

/// The reference: every vertex of the box (each weight and each value at either bound), the
/// average evaluated wherever the weights do not sum to zero. 4ⁿ vertices.
std::pair<exact_share, exact_share> brute_force_range(const std::vector<share_interval>& weights,
                                                      const std::vector<share_interval>& values)
{
    const std::size_t n = weights.size();
    std::optional<exact_share> low;
    std::optional<exact_share> high;
    for (std::uint64_t vertex = 0; vertex < (std::uint64_t{1} << (2 * n)); ++vertex) {
        exact_share numerator = 0;
        exact_share denominator = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const bool weight_high = ((vertex >> i) & 1U) != 0;
            const bool value_high = ((vertex >> (n + i)) & 1U) != 0;
            const exact_share w = clamped(weight_high ? weights[i].high : weights[i].low);
            const exact_share v = clamped(value_high ? values[i].high : values[i].low);
            numerator += w * v;
            denominator += w;
        }
        if (denominator > 0) {
            const exact_share average = numerator / denominator;
            low = low ? std::min(*low, average) : average;
            high = high ? std::max(*high, average) : average;
        }
    }
    return {low.value_or(exact_share{0}), high.value_or(exact_share{100})};
}

/// A published cell: `units` at `decimals` decimals, standing for anything within half a unit.
share_interval cell(std::int64_t units, int decimals)
{
    exact_share unit = 1;
    for (int d = 0; d < decimals; ++d) {
        unit /= 10;
    }
    return {unit * units - unit / 2, unit * units + unit / 2};
}

} // namespace

TEST_CASE("the Summa interval is exactly the extremes over every vertex of small random tables",
          "[shares][audit][property]")
{
    std::mt19937_64 random{20'231'231};
    for (int trial = 0; trial < 400; ++trial) {
        const auto areas = gsl::narrow<std::size_t>(uniform(random, 1, 5));
        std::vector<share_interval> weights;
        std::vector<share_interval> values;
        for (std::size_t i = 0; i < areas; ++i) {
            const int decimals = gsl::narrow<int>(uniform(random, 0, 2));
            const std::int64_t top = decimals == 0 ? 100 : (decimals == 1 ? 1'000 : 10'000);
            // Zero and full cells are frequent: their rounding interval is clamped at 0 and 100.
            const auto draw = [&] { return uniform(random, 0, 3) == 0 ? (uniform(random, 0, 1) * top) : uniform(random, 0, top); };
            weights.push_back(cell(draw(), decimals));
            values.push_back(cell(draw(), gsl::narrow<int>(uniform(random, 0, 2)) == 0 ? 0 : decimals));
        }
        INFO("trial " << trial << ", " << areas << " areas");
        const auto [low, high] = ku::weighted_range(weights, values);
        const auto [reference_low, reference_high] = brute_force_range(weights, values);
        CHECK(low == reference_low);
        CHECK(high == reference_high);
    }
}

TEST_CASE("a Summa of 88 % over areas of 90 % (all kommun money) and 10 % (none) is a total_mismatch",
          "[shares][audit]")
{
    // The old bound, the lowest numerator over the highest weight, reached down to 88,2 % and
    // let 88 through. The tight interval is 89,05–90,55 %: no rounding of the rows gives 88.
    const std::vector<share_interval> weights{cell(90, 0), cell(10, 0)};
    const std::vector<share_interval> values{cell(100, 0), cell(0, 0)};
    const auto [low, high] = ku::weighted_range(weights, values);
    CHECK(low == exact_share{895, 10} * exact_share{995, 10} / 100);
    CHECK(high == (exact_share{905, 10} * 100 + exact_share{95, 10} * exact_share{1, 2}) / 100);

    std::istringstream csv{"omrade,andel_av_utfall,kommunerna,staten,ovriga\n"
                           "Barnahus,90,100,0,0\n"
                           "Nära vård,10,0,100,0\n"
                           "Summa,100,88,12,0\n"};
    const std::vector<ku::share_finding> findings =
        ku::audit_shares(ku::read_published_shares(ku::read_csv(csv, "andelar.csv")));
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].kind == ku::share_finding_kind::total_mismatch);
    CHECK(findings[0].column == "kommunerna");
    CHECK(findings[0].expected == 90);
    CHECK(findings[0].found == 88);
    CHECK(findings[0].note == "raderna ger mellan 89,0 och 90,6 procent, viktat med andel av utfall");
    CHECK(findings[1].column == "staten");
    CHECK(findings[1].found == 12);
}

TEST_CASE("a share table made by rounding exact figures never gets a finding, with 0 to 2 decimals",
          "[shares][audit][property]")
{
    std::mt19937_64 random{19'991'231};
    for (int trial = 0; trial < 400; ++trial) {
        std::vector<ku::area_funding> areas;
        const std::int64_t count = uniform(random, 1, 8);
        for (std::int64_t i = 0; i < count; ++i) {
            const auto amount = [&] {
                return uniform(random, 0, 3) == 0 ? ku::money{} : ku::money::kr(uniform(random, 1, 50'000'000));
            };
            ku::area_funding area{.area = ku::partnerskap::named("Område " + std::to_string(i)),
                                  .group = uniform(random, 0, 2) == 0 ? std::optional<std::string>{"projektverksamhet"}
                                                                       : std::nullopt,
                                  .utfall = ku::money::kr(uniform(random, 1, 80'000'000)),
                                  .by_kind = {amount(), amount(), amount()}};
            if (area.received() == ku::money{}) {
                area.by_kind[ku::funding_kind::kommunerna] = ku::money::kr(uniform(random, 1, 1'000'000));
            }
            areas.push_back(std::move(area));
        }
        const int decimals = gsl::narrow<int>(uniform(random, 0, 2));
        const ku::percent_table table = ku::to_percent_table(ku::financing_shares(areas), decimals);
        std::istringstream csv{ku::render_csv(ku::to_report(table), ku::csv_convention::plain)};
        const std::vector<ku::share_finding> findings =
            ku::audit_shares(ku::read_published_shares(ku::read_csv(csv, "andelar.csv")));
        INFO("trial " << trial << ", " << count << " areas, " << decimals << " decimals");
        for (const ku::share_finding& finding : findings) {
            INFO(finding.area.name() << " " << finding.column << ": " << finding.note);
            CHECK(false);
        }
    }
}
