#pragma once
/// @file
/// Auditing a published financing-share table (whole or decimal percents per area and per
/// source): rows that do not sum to 100 beyond their rounding, an area-share column that does
/// not, and group or total rows that cannot follow from their areas.

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gsl/assert>

#include "ku/audit/finding_class.hpp"
#include "ku/core/decimal_text.hpp"
#include "ku/core/funding.hpp"
#include "ku/core/partnerskap.hpp"
#include "ku/shares/percent.hpp"

namespace ku {

/// The column a kind of source has in a share table: "kommunerna", "staten", "ovriga" (ASCII).
[[nodiscard]] constexpr std::string_view funding_column(funding_kind kind) noexcept
{
    switch (kind) {
    case funding_kind::kommunerna: return "kommunerna";
    case funding_kind::staten: return "staten";
    case funding_kind::ovriga: return "ovriga";
    }
    return "?";
}

/// The position of a kind's cell in published_share_row::cell_decimals: 1, 2, 3 in the order of
/// all_funding_kinds (cell 0 is andel_av_utfall).
[[nodiscard]] constexpr std::size_t share_cell(funding_kind kind) noexcept
{
    return 1 + static_cast<std::size_t>(std::ranges::find(all_funding_kinds, kind) - all_funding_kinds.begin());
}

/// One row of a published percent table, values in percent as written ("54", "54,5").
struct published_share_row {
    /// The area as written; a group row and the Summa row are named by their text too.
    partnerskap area;
    std::optional<std::string> group; ///< the group the area is counted in, if given
    bool is_total = false;          ///< the "Summa" row
    bool is_group = false;          ///< a row named like a group of other rows
    std::optional<exact_share> andel_av_utfall; ///< its share of the total outcome in percent; none: blank
    by_funding<std::optional<exact_share>> by_kind; ///< the percent of each kind of source; none: blank
    std::size_t line = 0; ///< the line it was read from; 0 when built in code
    int decimals = 0;               ///< the most decimals written in a cell of the row
    /// Decimals written in each cell: andel_av_utfall, then each kind at share_cell(kind); each
    /// cell stands for anything within half a unit of its own last digit.
    std::array<int, 4> cell_decimals{};
};

/// A published percent table and where it came from.
struct published_share_table {
    std::string source; ///< the file name (or other source), for messages
    std::vector<published_share_row> rows; ///< the rows, in table order
};

/// A percent known only to lie within [low, high]: a published cell and its rounding.
struct share_interval {
    exact_share low;  ///< the smallest value the cell can stand for, in percent
    exact_share high; ///< the largest value the cell can stand for, in percent
};

/// The kinds of finding of a share audit.
enum class share_finding_kind : std::uint8_t {
    row_sum_mismatch,    ///< a row's source percents do not sum to 100, beyond their rounding
    column_sum_mismatch, ///< the areas' shares of the outcome do not sum to 100, beyond rounding
    total_mismatch,      ///< a group or total percent that cannot follow from its areas
    outcome_mismatch,    ///< an area's share of the outcome that the balance table's outcome cannot give
    area_missing,        ///< an area in one of two tables compared and not in the other
};

/// "row_sum_mismatch", "column_sum_mismatch", "total_mismatch", "outcome_mismatch", "area_missing".
[[nodiscard]] constexpr std::string_view to_string(share_finding_kind kind) noexcept;

/// One fault, in percent points: `expected` (100, or what the areas give), `found`, and
/// `difference` = found − expected; `note` says what tolerance was applied.
struct share_finding {
    share_finding_kind kind; ///< what kind of fault
    partnerskap area; ///< the row at fault as written ("Summa" for the column of shares)
    std::string column; ///< "andel_av_utfall", "kommunerna", "staten", "ovriga" or "summa"
    exact_share expected; ///< 100, or what the areas give, in percent points
    exact_share found; ///< the published value (or sum), in percent points
    exact_share difference; ///< found − expected
    /// Whether rounding explains it: always fault, as a finding is only made beyond rounding.
    finding_class classification = finding_class::fault;
    std::string note; ///< the tolerance applied, in Swedish
    /// Equal when every field is.
    friend bool operator==(const share_finding&, const share_finding&) = default;
};

/// Every fault of the table. A percent written with d decimals stands for anything within half
/// a unit of its last digit; a sum or a weighted total is a finding only when no values within
/// those bounds can produce it.
[[nodiscard]] std::vector<share_finding> audit_shares(const published_share_table& table);

/// The smallest and largest outcome-weighted average of `values` weighted by `weights`, each
/// known only within its interval: exact and tight (see the definition below).
[[nodiscard]] std::pair<exact_share, exact_share> weighted_range(const std::vector<share_interval>& weights,
                                                                 const std::vector<share_interval>& values);

/// A percent value as a plain decimal string ("54", "54.5"), or a fraction when it has no
/// finite decimal form ("100/3").
[[nodiscard]] std::string percent_text(const exact_share& value);

namespace detail::share_audit_impl {

/// Half a unit of the last written digit: 0,5 for whole percents.
inline exact_share half_unit(int decimals)
{
    exact_share half{1, 2};
    for (int i = 0; i < decimals; ++i) {
        half /= 10;
    }
    return half;
}

inline exact_share clamp_percent(exact_share value)
{
    return value < 0 ? exact_share{0} : (value > 100 ? exact_share{100} : value);
}

/// A bound for a note: one decimal, rounded outward so the interval stays true.
inline std::string bound_text(const exact_share& value, bool round_up)
{
    const exact_share scaled = value * 10;
    return decimal_text(rounded_quotient(scaled.numerator(), scaled.denominator(),
                                         round_up ? rounding_mode::ceiling : rounding_mode::floor),
                        1, {.point = ','});
}

} // namespace detail::share_audit_impl

/// The smallest and largest outcome-weighted average Σ wᵢ·vᵢ / Σ wᵢ over every wᵢ in
/// `weights[i]` and vᵢ in `values[i]` (percents, clamped to 0–100), exactly: the tightest sound
/// interval. The average is linear-fractional over a box, so its extremes lie at vertices: each
/// vᵢ at its own bound, and the weights at their high bound for the values above the optimum and
/// at their low bound for those below it (the threshold argument). Sorting by value makes the
/// candidates the n + 1 prefixes; each is evaluated exactly. {0, 100} when no weight can be
/// positive.
inline std::pair<exact_share, exact_share> weighted_range(const std::vector<share_interval>& weights,
                                                          const std::vector<share_interval>& values)
{
    Expects(weights.size() == values.size());
    const auto extreme = [&](bool largest) -> std::optional<exact_share> {
        std::vector<std::size_t> order(weights.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        const auto value_of = [&](std::size_t i) {
            return detail::share_audit_impl::clamp_percent(largest ? values[i].high : values[i].low);
        };
        // The values the optimum weights high come first: the largest for the maximum.
        std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
            return largest ? value_of(b) < value_of(a) : value_of(a) < value_of(b);
        });
        exact_share numerator = 0;
        exact_share denominator = 0;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            const exact_share low = detail::share_audit_impl::clamp_percent(weights[i].low);
            numerator += low * value_of(i);
            denominator += low;
        }
        std::optional<exact_share> best;
        const auto consider = [&] {
            if (denominator > 0) {
                const exact_share average = numerator / denominator;
                if (!best || (largest ? *best < average : average < *best)) {
                    best = average;
                }
            }
        };
        consider();
        for (const std::size_t i : order) {
            const exact_share raise = detail::share_audit_impl::clamp_percent(weights[i].high) - detail::share_audit_impl::clamp_percent(weights[i].low);
            numerator += raise * value_of(i);
            denominator += raise;
            consider();
        }
        return best;
    };
    const std::optional<exact_share> low = extreme(false);
    const std::optional<exact_share> high = extreme(true);
    return {low.value_or(exact_share{0}), high.value_or(exact_share{100})};
}

constexpr std::string_view to_string(share_finding_kind kind) noexcept
{
    switch (kind) {
    case share_finding_kind::row_sum_mismatch: return "row_sum_mismatch";
    case share_finding_kind::column_sum_mismatch: return "column_sum_mismatch";
    case share_finding_kind::total_mismatch: return "total_mismatch";
    case share_finding_kind::outcome_mismatch: return "outcome_mismatch";
    case share_finding_kind::area_missing: return "area_missing";
    }
    return "?";
}

inline std::string percent_text(const exact_share& value)
{
    using boost::multiprecision::cpp_int;
    const cpp_int numerator = value.numerator();
    const cpp_int denominator = value.denominator();
    cpp_int scale = 1;
    int decimals = 0;
    while ((numerator * scale) % denominator != 0) {
        if (++decimals > 12) {
            return numerator.str() + "/" + denominator.str();
        }
        scale *= 10;
    }
    const cpp_int scaled = numerator * scale / denominator;
    return decimal_text(scaled, decimals);
}

inline std::vector<share_finding> audit_shares(const published_share_table& table)
{
    std::vector<share_finding> findings;
    const auto note = [](const exact_share& tolerance, std::size_t cells) {
        const std::string points = percent_text(tolerance);
        return "tolerans ±" + restyle_decimal(points, {.point = ','}) +
               (points == "1" ? " procentenhet (" : " procentenheter (") + std::to_string(cells) +
               (cells == 1 ? " avrundad cell)" : " avrundade celler)");
    };
    const auto half_of = [](const published_share_row& row, std::size_t cell) {
        return detail::share_audit_impl::half_unit(row.cell_decimals[cell]);
    };
    const auto outside = [](const exact_share& difference, const exact_share& tolerance) {
        return difference > tolerance || -difference > tolerance;
    };

    // Each row's source percents sum to 100 within their rounding, cell by cell.
    for (const published_share_row& row : table.rows) {
        exact_share sum = 0;
        exact_share tolerance = 0;
        std::size_t cells = 0;
        for (const funding_kind kind : all_funding_kinds) {
            if (row.by_kind[kind]) {
                sum += *row.by_kind[kind];
                tolerance += half_of(row, share_cell(kind));
                ++cells;
            }
        }
        if (cells == 0 || sum == 0) {
            continue; // a row without sources (an area without funding is caught elsewhere)
        }
        if (outside(sum - 100, tolerance)) {
            findings.push_back({share_finding_kind::row_sum_mismatch, row.area, "summa", 100, sum, sum - 100,
                                finding_class::fault, note(tolerance, cells)});
        }
    }

    // The areas' shares of the outcome sum to 100 within their rounding.
    std::vector<const published_share_row*> areas;
    for (const published_share_row& row : table.rows) {
        if (!row.is_total && !row.is_group) {
            areas.push_back(&row);
        }
    }
    {
        exact_share sum = 0;
        exact_share tolerance = 0;
        std::size_t cells = 0;
        for (const auto* row : areas) {
            if (row->andel_av_utfall) {
                sum += *row->andel_av_utfall;
                tolerance += half_of(*row, 0);
                ++cells;
            }
        }
        if (cells > 0 && outside(sum - 100, tolerance)) {
            findings.push_back({share_finding_kind::column_sum_mismatch, partnerskap::named("Summa"), "andel_av_utfall", 100, sum,
                                sum - 100, finding_class::fault, note(tolerance, cells)});
        }
    }

    // The Summa row's own share of the outcome is the whole: 100.
    for (const published_share_row& row : table.rows) {
        if (row.is_total && row.andel_av_utfall && outside(*row.andel_av_utfall - 100, half_of(row, 0))) {
            findings.push_back({share_finding_kind::total_mismatch, row.area, "andel_av_utfall", 100,
                                *row.andel_av_utfall, *row.andel_av_utfall - 100, finding_class::fault,
                                note(half_of(row, 0), 1)});
        }
    }

    // Groups and the total: each source percent must be reachable as the outcome-weighted
    // average of its areas' percents, every published value within its own rounding.
    for (const published_share_row& row : table.rows) {
        if (!row.is_total && !row.is_group) {
            continue;
        }
        std::vector<const published_share_row*> members;
        for (const auto* area : areas) {
            if (row.is_total || area->group == row.area.name()) {
                members.push_back(area);
            }
        }
        if (members.empty()) {
            continue;
        }
        for (const funding_kind kind : all_funding_kinds) {
            if (!row.by_kind[kind]) {
                continue;
            }
            std::vector<share_interval> weights;
            std::vector<share_interval> values;
            exact_share point_numerator = 0;
            exact_share point_weight = 0;
            for (const auto* member : members) {
                const exact_share w = member->andel_av_utfall.value_or(0);
                const exact_share v = member->by_kind[kind].value_or(0);
                weights.push_back({w - half_of(*member, 0), w + half_of(*member, 0)});
                values.push_back({v - half_of(*member, share_cell(kind)), v + half_of(*member, share_cell(kind))});
                point_numerator += w * v;
                point_weight += w;
            }
            const auto [low, high] = weighted_range(weights, values);
            const exact_share found = *row.by_kind[kind];
            const exact_share half = half_of(row, share_cell(kind));
            if (found + half < low || found - half > high) {
                const exact_share expected = point_weight == 0 ? exact_share{0} : point_numerator / point_weight;
                findings.push_back({share_finding_kind::total_mismatch, row.area,
                                    std::string{funding_column(kind)}, expected, found,
                                    found - expected, finding_class::fault,
                                    "raderna ger mellan " + detail::share_audit_impl::bound_text(low, false) +
                                        " och " + detail::share_audit_impl::bound_text(high, true) +
                                        " procent, viktat med andel av utfall"});
            }
        }
        // A group's share of the outcome is the sum of its areas' shares.
        if (row.is_group && row.andel_av_utfall) {
            exact_share sum = 0;
            exact_share tolerance = half_of(row, 0);
            for (const auto* member : members) {
                sum += member->andel_av_utfall.value_or(0);
                tolerance += half_of(*member, 0);
            }
            const exact_share difference = *row.andel_av_utfall - sum;
            if (outside(difference, tolerance)) {
                findings.push_back({share_finding_kind::total_mismatch, row.area, "andel_av_utfall", sum,
                                    *row.andel_av_utfall, difference, finding_class::fault,
                                    note(tolerance, members.size() + 1)});
            }
        }
    }
    return findings;
}

} // namespace ku
