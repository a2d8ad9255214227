// Auditing published financing-share tables.

#include "ku/shares/share_audit.hpp"

#include <algorithm>
#include <array>
#include <string>

#include <gsl/narrow>

namespace ku {

namespace {

constexpr std::array<std::string_view, 3> kind_columns{"kommunerna", "staten", "ovriga"};

/// Half a unit of the last written digit: 0,5 for whole percents.
exact_share half_unit(int decimals)
{
    exact_share half{1, 2};
    for (int i = 0; i < decimals; ++i) {
        half /= 10;
    }
    return half;
}

exact_share clamp_percent(exact_share value)
{
    return value < 0 ? exact_share{0} : (value > 100 ? exact_share{100} : value);
}

/// The bounds of the outcome-weighted average of `values` with weights `weights`, every
/// input known only to within ±half.
std::pair<exact_share, exact_share> weighted_bounds(const std::vector<exact_share>& weights,
                                                    const std::vector<exact_share>& values, const exact_share& half)
{
    exact_share low_numerator = 0;
    exact_share high_numerator = 0;
    exact_share low_weight = 0;
    exact_share high_weight = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const exact_share w_low = clamp_percent(weights[i] - half);
        const exact_share w_high = clamp_percent(weights[i] + half);
        low_numerator += w_low * clamp_percent(values[i] - half);
        high_numerator += w_high * clamp_percent(values[i] + half);
        low_weight += w_low;
        high_weight += w_high;
    }
    const exact_share low = high_weight == 0 ? exact_share{0} : low_numerator / high_weight;
    const exact_share high = low_weight == 0 ? exact_share{100} : high_numerator / low_weight;
    return {low, std::min(high, exact_share{100})};
}

/// A bound for a note: one decimal, rounded outward so the interval stays true.
std::string bound_text(const exact_share& value, bool round_up)
{
    using boost::multiprecision::cpp_int;
    const exact_share scaled = value * 10;
    cpp_int tenths = boost::multiprecision::numerator(scaled) / boost::multiprecision::denominator(scaled);
    if (round_up && exact_share{tenths} < scaled) {
        tenths += 1;
    }
    const std::string digits = tenths.str();
    return (digits.size() > 1 ? digits.substr(0, digits.size() - 1) : "0") + "," + digits.back();
}

} // namespace

std::string_view to_string(share_finding_kind kind) noexcept
{
    switch (kind) {
    case share_finding_kind::row_sum_mismatch: return "row_sum_mismatch";
    case share_finding_kind::column_sum_mismatch: return "column_sum_mismatch";
    case share_finding_kind::total_mismatch: return "total_mismatch";
    }
    return "?";
}

std::string percent_text(const exact_share& value)
{
    using boost::multiprecision::cpp_int;
    const cpp_int numerator = boost::multiprecision::numerator(value);
    const cpp_int denominator = boost::multiprecision::denominator(value);
    cpp_int scale = 1;
    std::size_t decimals = 0;
    while ((numerator * scale) % denominator != 0) {
        if (++decimals > 12) {
            return numerator.str() + "/" + denominator.str();
        }
        scale *= 10;
    }
    const cpp_int scaled = numerator * scale / denominator;
    std::string digits = (scaled < 0 ? cpp_int{-scaled} : scaled).str();
    if (decimals > 0) {
        if (digits.size() <= decimals) {
            digits.insert(0, decimals + 1 - digits.size(), '0');
        }
        digits.insert(digits.size() - decimals, ".");
    }
    return (scaled < 0 ? "-" : "") + digits;
}

std::vector<share_finding> audit_shares(const published_share_table& table)
{
    std::vector<share_finding> findings;
    const auto row_note = [](std::size_t cells, int decimals) {
        std::string tolerance = percent_text(half_unit(decimals) * gsl::narrow<long long>(cells));
        std::ranges::replace(tolerance, '.', ',');
        return "tolerans ±" + tolerance +
               " procentenheter (" + std::to_string(cells) + " avrundade celler)";
    };

    // Each row's source percents sum to 100 within their rounding.
    for (const published_share_row& row : table.rows) {
        exact_share sum = 0;
        std::size_t cells = 0;
        for (const auto& value : row.by_kind) {
            if (value) {
                sum += *value;
                ++cells;
            }
        }
        if (cells == 0 || sum == 0) {
            continue; // a row without sources (an area without funding is caught elsewhere)
        }
        const exact_share tolerance = half_unit(row.decimals) * gsl::narrow<long long>(cells);
        const exact_share difference = sum - 100;
        if (difference > tolerance || -difference > tolerance) {
            findings.push_back({share_finding_kind::row_sum_mismatch, row.area, "summa", 100, sum, difference,
                                row_note(cells, row.decimals)});
        }
    }

    // The areas' shares of the outcome sum to 100 within their rounding.
    // The coarsest rounding of the area rows: a row written in whole percents stands for ±0,5
    // even when another row has decimals, so the tolerance follows the fewest decimals.
    std::vector<const published_share_row*> areas;
    int decimals = 0;
    for (const published_share_row& row : table.rows) {
        if (!row.is_total && !row.is_group) {
            decimals = areas.empty() ? row.decimals : std::min(decimals, row.decimals);
            areas.push_back(&row);
        }
    }
    {
        exact_share sum = 0;
        std::size_t cells = 0;
        for (const auto* row : areas) {
            if (row->andel_av_utfall) {
                sum += *row->andel_av_utfall;
                ++cells;
            }
        }
        const exact_share tolerance = half_unit(decimals) * gsl::narrow<long long>(cells);
        if (cells > 0 && (sum - 100 > tolerance || 100 - sum > tolerance)) {
            findings.push_back({share_finding_kind::column_sum_mismatch, "Summa", "andel_av_utfall", 100, sum,
                                sum - 100, row_note(cells, decimals)});
        }
    }

    // Groups and the total: each source percent must be reachable as the outcome-weighted
    // average of its areas' percents, every published value within its rounding.
    for (const published_share_row& row : table.rows) {
        if (!row.is_total && !row.is_group) {
            continue;
        }
        std::vector<const published_share_row*> members;
        for (const auto* area : areas) {
            if (row.is_total || area->group == row.area) {
                members.push_back(area);
            }
        }
        if (members.empty()) {
            continue;
        }
        const exact_share half = half_unit(std::min(decimals, row.decimals));
        for (std::size_t k = 0; k < 3; ++k) {
            if (!row.by_kind[k]) {
                continue;
            }
            std::vector<exact_share> weights;
            std::vector<exact_share> values;
            exact_share point_numerator = 0;
            exact_share point_weight = 0;
            for (const auto* member : members) {
                const exact_share w = member->andel_av_utfall.value_or(0);
                const exact_share v = member->by_kind[k].value_or(0);
                weights.push_back(w);
                values.push_back(v);
                point_numerator += w * v;
                point_weight += w;
            }
            const auto [low, high] = weighted_bounds(weights, values, half);
            const exact_share found = *row.by_kind[k];
            if (found + half < low || found - half > high) {
                const exact_share expected = point_weight == 0 ? exact_share{0} : point_numerator / point_weight;
                findings.push_back({share_finding_kind::total_mismatch, row.area, std::string{kind_columns[k]},
                                    expected, found, found - expected,
                                    "raderna ger mellan " + bound_text(low, false) + " och " + bound_text(high, true) +
                                        " procent, viktat med andel av utfall"});
            }
        }
        // A group's share of the outcome is the sum of its areas' shares.
        if (row.is_group && row.andel_av_utfall) {
            exact_share sum = 0;
            for (const auto* member : members) {
                sum += member->andel_av_utfall.value_or(0);
            }
            const exact_share tolerance = half * gsl::narrow<long long>(members.size() + 1);
            const exact_share difference = *row.andel_av_utfall - sum;
            if (difference > tolerance || -difference > tolerance) {
                findings.push_back({share_finding_kind::total_mismatch, row.area, "andel_av_utfall", sum,
                                    *row.andel_av_utfall, difference, row_note(members.size() + 1, decimals)});
            }
        }
    }
    return findings;
}

} // namespace ku
