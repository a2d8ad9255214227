#pragma once
/// @file
/// Overhead (OH-påslag): a surcharge rate on project grants finances part of the
/// administration; what it does not cover is invoiced directly to the kommuner by a key. The
/// consequence of changing the rate is shown per kommun.

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gsl/narrow>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/apportion.hpp"
#include "ku/core/money.hpp"
#include "ku/core/partnerskap.hpp"
#include "ku/core/rate.hpp"

namespace ku {

/// How one year's administration is financed at one OH rate.
struct overhead_financing {
    rate surcharge; ///< the OH rate on project grants (15 %)
    money administration;      ///< the administration cost to finance
    money project_grants;      ///< the grants the surcharge is taken on
    money from_surcharge;      ///< surcharge × grants, rounded to the rule's unit
    money invoiced;            ///< administration − from_surcharge: invoiced to the kommuner
    allocation to_kommuner;    ///< the invoiced amount split by the key (negative: a refund)
};

/// Finances `administration` by `surcharge` on `project_grants` (rounded to the rule's unit by
/// `rounding`) and invoices the rest to the kommuner by `key`. Throws ku::domain_error for a
/// negative cost, grant or rate, and as ku::allocate for the key.
[[nodiscard]] constexpr overhead_financing finance_overhead(money administration, money project_grants,
                                                            rate surcharge, std::span<const member_weight> key,
                                                            allocation_rule rule = {},
                                                            rounding_mode rounding = rounding_mode::half_up);

/// An area's share of the management cost it finances ("härav ledning/stab finansierat från
/// områdena").
struct area_charge {
    partnerskap area; ///< the area
    money weight_basis; ///< what the split is proportional to (e.g. the area's outcome)
    money charge;       ///< its part of the management cost, whole units
};

/// Splits the management cost among the areas in proportion to `basis` (e.g. each area's
/// outcome), by largest remainder in whole `u` (ties: larger basis, then area id), so the
/// charges sum exactly to the cost. Throws ku::domain_error for a negative basis, an area twice
/// (by id), or bases that sum to zero.
[[nodiscard]] constexpr std::vector<area_charge>
finance_from_areas(money management_cost, std::span<const std::pair<partnerskap, money>> basis,
                   unit u = unit::kr);

/// What changes for one kommun when the rate changes: its invoice before and after.
struct overhead_change {
    kommun_code member; ///< the kommun
    money before; ///< its invoice at the old rate (negative: a refund)
    money after; ///< its invoice at the new rate
    /// after − before: positive when the kommun pays more.
    [[nodiscard]] constexpr money change() const { return after - before; }
};

/// The per-kommun consequence of moving from `before` to `after` (same cost, grants and key);
/// the changes sum exactly to the change of what the kommuner are invoiced (with round-each,
/// that is the change of the allocations' sums, which may differ from `invoiced` by the residual).
[[nodiscard]] constexpr std::vector<overhead_change> compare_overhead(const overhead_financing& before,
                                                                      const overhead_financing& after);

constexpr overhead_financing finance_overhead(money administration, money project_grants, rate surcharge,
                                              std::span<const member_weight> key, allocation_rule rule,
                                              rounding_mode rounding)
{
    if (administration < money{}) {
        throw domain_error("overhead: the administration cost " + format_swedish(administration) +
                           " is negative; a cost cannot be negative");
    }
    if (project_grants < money{}) {
        throw domain_error("overhead: the project grants " + format_swedish(project_grants) +
                           " are negative; grants cannot be negative");
    }
    if (surcharge.as_ratio() < ratio{}) {
        throw domain_error("overhead: the OH rate " + to_string(surcharge) + " is negative");
    }
    const money from_surcharge = multiply(project_grants, surcharge, rounding, rule.unit);
    const money invoiced = administration - from_surcharge;
    return {.surcharge = surcharge,
            .administration = administration,
            .project_grants = project_grants,
            .from_surcharge = from_surcharge,
            .invoiced = invoiced,
            .to_kommuner = allocate(invoiced, key, rule)};
}

constexpr std::vector<area_charge> finance_from_areas(money management_cost,
                                                      std::span<const std::pair<partnerskap, money>> basis, unit u)
{
    if (basis.empty()) {
        throw domain_error("management financed from the areas: there are no areas");
    }
    if (!management_cost.is_whole(u)) {
        throw domain_error("management financed from the areas: the cost " + format_swedish(management_cost) +
                           " is not a whole number of " + std::string{to_string(u)});
    }
    std::vector<std::int64_t> weights;
    for (const auto& [area, amount] : basis) {
        if (amount < money{}) {
            throw domain_error("management financed from the areas: area \"" + area.name() + "\" has a negative basis");
        }
        weights.push_back(amount.in_ore());
    }
    // The tie key: each area's rank by id, so the result does not depend on input order.
    std::vector<std::string_view> ids;
    for (const auto& [area, amount] : basis) {
        ids.push_back(area.id());
    }
    std::ranges::sort(ids);
    if (const auto twice = std::ranges::adjacent_find(ids); twice != ids.end()) {
        const auto same = [&](const auto& entry) { return entry.first.id() == *twice; };
        const auto first = std::ranges::find_if(basis, same);
        const auto second = std::find_if(first + 1, basis.end(), same);
        throw domain_error("management financed from the areas: " + detail::twice(second->first, first->first));
    }
    std::vector<std::uint64_t> keys;
    for (const auto& [area, amount] : basis) {
        keys.push_back(gsl::narrow<std::uint64_t>(std::ranges::lower_bound(ids, std::string_view{area.id()}) - ids.begin()));
    }
    if (std::ranges::all_of(weights, [](std::int64_t w) { return w == 0; })) {
        throw domain_error("management financed from the areas: the areas' bases sum to zero");
    }
    std::vector<std::int64_t> units(weights.size());
    apportion_scratch scratch;
    const std::int64_t step = ore_per(u);
    (void)apportion(allocation_method::largest_remainder, management_cost.in_ore() / step, weights, keys, units,
                    scratch);
    std::vector<area_charge> charges;
    for (std::size_t i = 0; i < basis.size(); ++i) {
        charges.push_back({basis[i].first, basis[i].second, money::ore(units[i]) * step});
    }
    return charges;
}

constexpr std::vector<overhead_change> compare_overhead(const overhead_financing& before,
                                                        const overhead_financing& after)
{
    std::vector<overhead_change> changes;
    for (const allocation_part& part : before.to_kommuner.parts) {
        const allocation_part* then = after.to_kommuner.find(part.member);
        changes.push_back({part.member, part.amount, then ? then->amount : money{}});
    }
    for (const allocation_part& part : after.to_kommuner.parts) {
        if (before.to_kommuner.find(part.member) == nullptr) {
            changes.push_back({part.member, money{}, part.amount});
        }
    }
    return changes;
}

} // namespace ku
