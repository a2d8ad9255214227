#pragma once
/// @file
/// Grant applications per period and their indicators: the success rate by count and in
/// kronor, and the change from the previous period, each a percent that keeps its exact value
/// and says how it was rounded.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/rounding.hpp"
#include "ku/indicators/rates.hpp"

namespace ku {

/// One period's grant applications: how many were applied for and granted, and the amounts.
struct grant_applications {
    std::string period;         ///< the period's label as written ("2023", "T1 2025")
    std::int64_t applied = 0;   ///< applications made
    std::int64_t granted = 0;   ///< applications granted, at most `applied`
    money applied_amount{};     ///< kronor applied for
    money granted_amount{};     ///< kronor granted, at most `applied_amount`
};

/// One period's indicators. A rate is none when nothing was applied for; a change is none for
/// the first period and when the previous period's figure is zero (no share of nothing).
struct application_indicators {
    grant_applications figures;                 ///< the period's figures
    std::optional<rounded_percent> count_rate;  ///< granted / applied, by count
    std::optional<rounded_percent> amount_rate; ///< granted / applied, in kronor
    std::optional<rounded_percent> applied_change;        ///< change in applications from the previous period
    std::optional<rounded_percent> granted_amount_change; ///< change in kronor granted from the previous period
};

/// The indicators of each period, in the order given, every percent with `decimals` decimals
/// rounded by `mode` from its exact value. Throws ku::domain_error naming the period for a
/// negative figure or more granted than applied for, as ku::as_percent for `decimals`.
[[nodiscard]] std::vector<application_indicators> indicators_of(std::span<const grant_applications> periods,
                                                                int decimals, rounding_mode mode);

inline std::vector<application_indicators> indicators_of(std::span<const grant_applications> periods, int decimals,
                                                         rounding_mode mode)
{
    std::vector<application_indicators> result;
    result.reserve(periods.size());
    const grant_applications* previous = nullptr;
    for (const grant_applications& p : periods) {
        if (p.applied < 0 || p.granted < 0 || p.applied_amount < money{} || p.granted_amount < money{}) {
            throw domain_error("grant applications " + p.period + ": a count or an amount is negative");
        }
        if (p.granted > p.applied || p.granted_amount > p.applied_amount) {
            throw domain_error("grant applications " + p.period + ": more granted than applied for (" +
                               std::to_string(p.granted) + " of " + std::to_string(p.applied) + ", " +
                               format_swedish(p.granted_amount) + " of " + format_swedish(p.applied_amount) + ")");
        }
        application_indicators row{.figures = p,
                                   .count_rate = std::nullopt,
                                   .amount_rate = std::nullopt,
                                   .applied_change = std::nullopt,
                                   .granted_amount_change = std::nullopt};
        if (p.applied > 0) {
            row.count_rate = as_percent(success_rate(p.granted, p.applied), decimals, mode);
        }
        if (p.applied_amount > money{}) {
            row.amount_rate = as_percent(success_rate(p.granted_amount, p.applied_amount), decimals, mode);
        }
        if (previous != nullptr && previous->applied > 0) {
            row.applied_change = percent_change(previous->applied, p.applied, decimals, mode);
        }
        if (previous != nullptr && previous->granted_amount > money{}) {
            row.granted_amount_change = percent_change(previous->granted_amount, p.granted_amount, decimals, mode);
        }
        result.push_back(std::move(row));
        previous = &p;
    }
    return result;
}

} // namespace ku
