// The multi-period ledger.

#include "ku/ledger/ledger.hpp"

#include <string>
#include <unordered_set>

namespace ku {

std::vector<finding> ledger::append(balance_period next, const reorganisation* mapping)
{
    std::unordered_set<std::string_view> areas;
    for (const balance_entry& entry : next.entries) {
        if (entry.area.empty() || !areas.insert(entry.area).second) {
            throw domain_error("ledger " + next.period.label() + ": area \"" + entry.area +
                               (entry.area.empty() ? "\" has no name" : "\" appears twice"));
        }
    }
    if (!periods_.empty() && !(periods_.back().period.last() < next.period.first())) {
        throw domain_error("ledger: " + next.period.label() + " does not start after " +
                           periods_.back().period.label() + " ends");
    }
    if (periods_.empty() && mapping != nullptr) {
        throw domain_error("ledger: the first period has no previous period to map from");
    }

    std::vector<finding> findings;
    for (const balance_entry& entry : next.entries) {
        if (invariant_violation(entry)) {
            const bool negative = entry.varav_statliga_medel < money{};
            const money limit = negative ? money{} : entry.kvarvarande_medel();
            findings.push_back({finding_kind::identity_broken, entry.area, balance_column::varav_statliga_medel, limit,
                                entry.varav_statliga_medel, entry.varav_statliga_medel - limit, std::nullopt,
                                negative ? "statliga medel kan inte vara negativa"
                                         : "statliga medel kan inte överstiga kvarvarande medel"});
        }
    }
    if (!periods_.empty()) {
        std::vector<area_amount> closing;
        for (const balance_entry& entry : periods_.back().entries) {
            if (!entry.internal) {
                closing.emplace_back(entry.area, entry.kvarvarande_medel());
            }
        }
        std::vector<area_opening> opening;
        for (const balance_entry& entry : next.entries) {
            if (!entry.internal) {
                opening.push_back({entry.area, entry.ingaende_balans});
            }
        }
        std::ranges::move(carry_over_findings(closing, opening, mapping, unit_), std::back_inserter(findings));
    }
    if (policy_ == violation_policy::throw_error && !findings.empty()) {
        const finding& first = findings.front();
        throw domain_error("ledger " + next.period.label() + ", area \"" + first.area + "\", " +
                           std::string{label(first.column)} + ": " +
                           (first.found ? format_swedish(*first.found) : std::string{"tomt"}) + ", expected " +
                           (first.expected ? format_swedish(*first.expected) : std::string{"tomt"}) + " (" +
                           first.note + ")");
    }
    periods_.push_back(std::move(next));
    return findings;
}

const balance_period& ledger::open_next(ku::period next, const reorganisation* mapping)
{
    if (periods_.empty()) {
        throw domain_error("ledger: there is no period to roll forward from");
    }
    (void)append(roll_forward(periods_.back(), next, mapping, unit_), mapping);
    return periods_.back();
}

money ledger::accumulated_surplus() const
{
    return periods_.empty() ? money{} : periods_.back().accumulated_surplus();
}

} // namespace ku
