// Balance columns, ledger entries, totals and roll-forward.

#include "ku/ledger/balance.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>

#include "ku/ledger/reorganisation.hpp"

namespace ku {

namespace {
struct column_names {
    balance_column column;
    std::string_view name;
    std::string_view label;
};
constexpr std::array<column_names, balance_column_count> names{{
    {balance_column::ingaende_balans, "ingaende_balans", "ingående balans"},
    {balance_column::erhallna_medel, "erhallna_medel", "erhållna medel"},
    {balance_column::disponibla_medel, "disponibla_medel", "disponibla medel"},
    {balance_column::budget_forbrukning, "budget_forbrukning", "budget förbrukning"},
    {balance_column::utfall_forbrukning, "utfall_forbrukning", "utfall förbrukning"},
    {balance_column::utbetalt_till_kommuner, "utbetalt_till_kommuner", "utbetalt till länets kommuner"},
    {balance_column::overforda_medel, "overforda_medel", "överförda medel"},
    {balance_column::kvarvarande_medel, "kvarvarande_medel", "kvarvarande medel"},
    {balance_column::varav_statliga_medel, "varav_statliga_medel", "varav kvarvarande statliga medel"},
}};
} // namespace

std::string_view to_string(balance_column column) noexcept
{
    return names[static_cast<std::size_t>(column)].name;
}

std::string_view label(balance_column column) noexcept
{
    return names[static_cast<std::size_t>(column)].label;
}

std::optional<balance_column> find_balance_column(std::string_view name) noexcept
{
    for (const auto& entry : names) {
        if (entry.name == name) {
            return entry.column;
        }
    }
    return std::nullopt;
}

money balance_entry::value(balance_column column) const
{
    switch (column) {
    case balance_column::ingaende_balans: return ingaende_balans;
    case balance_column::erhallna_medel: return erhallna_medel;
    case balance_column::disponibla_medel: return disponibla_medel();
    case balance_column::budget_forbrukning: return budget_forbrukning;
    case balance_column::utfall_forbrukning: return utfall_forbrukning;
    case balance_column::utbetalt_till_kommuner: return utbetalt_till_kommuner;
    case balance_column::overforda_medel: return overforda_medel;
    case balance_column::kvarvarande_medel: return kvarvarande_medel();
    case balance_column::varav_statliga_medel: return varav_statliga_medel;
    }
    return {};
}

std::optional<std::string> invariant_violation(const balance_entry& entry)
{
    const money remaining = entry.kvarvarande_medel();
    if (entry.varav_statliga_medel < money{}) {
        return "the state part " + format_swedish(entry.varav_statliga_medel) + " is negative";
    }
    if (remaining > money{} && entry.varav_statliga_medel > remaining) {
        return "the state part " + format_swedish(entry.varav_statliga_medel) + " is larger than what remains, " +
               format_swedish(remaining);
    }
    return std::nullopt;
}

const balance_entry* balance_period::find(std::string_view area) const noexcept
{
    const auto found = std::ranges::find(entries, area, &balance_entry::area);
    return found == entries.end() ? nullptr : &*found;
}

money balance_period::gross_total(balance_column column) const
{
    money total;
    for (const balance_entry& entry : entries) {
        if (!entry.internal) {
            total += entry.value(column);
        }
    }
    return total;
}

money balance_period::net_total(balance_column column) const
{
    money total;
    for (const balance_entry& entry : entries) {
        total += entry.value(column);
    }
    return total;
}

void validate(const balance_period& ledger)
{
    for (std::size_t i = 0; i < ledger.entries.size(); ++i) {
        const balance_entry& entry = ledger.entries[i];
        if (entry.area.empty()) {
            throw domain_error("ledger " + ledger.period.label() + ": row " + std::to_string(i + 1) + " has no area name");
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (ledger.entries[j].area == entry.area) {
                throw domain_error("ledger " + ledger.period.label() + ": area \"" + entry.area + "\" appears twice");
            }
        }
        if (const auto violation = invariant_violation(entry)) {
            throw domain_error("ledger " + ledger.period.label() + ", area \"" + entry.area + "\": " + *violation);
        }
    }
}

balance_period roll_forward(const balance_period& closed, ku::period next, const reorganisation* mapping, unit u)
{
    std::vector<area_amount> closing;
    closing.reserve(closed.entries.size());
    for (const balance_entry& entry : closed.entries) {
        closing.emplace_back(entry.area, entry.kvarvarande_medel());
    }
    const std::vector<area_amount> opening = mapping ? mapping->apply(closing, u) : closing;
    std::unordered_set<std::string_view> internal_areas;
    for (const balance_entry& entry : closed.entries) {
        if (entry.internal) {
            internal_areas.insert(entry.area);
        }
    }
    balance_period result{.period = next, .entries = {}};
    result.entries.reserve(opening.size());
    for (const auto& [area, amount] : opening) {
        result.entries.push_back({.area = area, .internal = internal_areas.contains(area), .ingaende_balans = amount});
    }
    Ensures(result.net_total(balance_column::ingaende_balans) == closed.accumulated_surplus());
    return result;
}

} // namespace ku
