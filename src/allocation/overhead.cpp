// Overhead financing and the consequence of changing the OH rate.

#include "ku/allocation/overhead.hpp"

#include <algorithm>
#include <string>

#include <gsl/narrow>

#include "ku/allocation/apportion.hpp"

namespace ku {

overhead_financing finance_overhead(money administration, money project_grants, rate surcharge,
                                    std::span<const member_weight> key, allocation_rule rule, rounding_mode rounding)
{
    if (administration < money{} || project_grants < money{}) {
        throw domain_error("overhead: the administration cost and the project grants cannot be negative");
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

std::vector<area_charge> finance_from_areas(money management_cost,
                                            std::span<const std::pair<std::string, money>> basis, unit u)
{
    if (basis.empty()) {
        throw domain_error("management financed from the areas: there are no areas");
    }
    if (!management_cost.is_whole(u)) {
        throw domain_error("management financed from the areas: the cost " + format_swedish(management_cost) +
                           " is not a whole number of " + std::string{to_string(u)});
    }
    std::vector<std::string> names;
    std::vector<std::int64_t> weights;
    for (const auto& [area, amount] : basis) {
        if (amount < money{}) {
            throw domain_error("management financed from the areas: area \"" + area + "\" has a negative basis");
        }
        names.push_back(area);
        weights.push_back(amount.in_ore());
    }
    std::vector<std::string> sorted = names;
    std::ranges::sort(sorted);
    if (std::ranges::adjacent_find(sorted) != sorted.end()) {
        throw domain_error("management financed from the areas: area \"" + *std::ranges::adjacent_find(sorted) +
                           "\" appears twice");
    }
    std::vector<std::uint64_t> keys;
    for (const std::string& name : names) {
        keys.push_back(gsl::narrow<std::uint64_t>(std::ranges::lower_bound(sorted, name) - sorted.begin()));
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
    for (std::size_t i = 0; i < names.size(); ++i) {
        charges.push_back({names[i], basis[i].second, money::ore(units[i]) * step});
    }
    return charges;
}

std::vector<overhead_change> compare_overhead(const overhead_financing& before, const overhead_financing& after)
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
