#pragma once
/// @file
/// ku::ledger: the books of every area over consecutive periods. Each period added is checked
/// against its identities, its invariants and the previous period's closing balances; a
/// violation throws or becomes a finding, as the caller chooses.

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ku/ledger/audit.hpp"
#include "ku/ledger/balance.hpp"
#include "ku/ledger/reorganisation.hpp"

namespace ku {

/// What a ledger does with a violated invariant or a balance that was not carried over.
enum class violation_policy : std::uint8_t {
    throw_error,   ///< throw ku::domain_error at the first violation; the period is not added
    record_finding ///< add the period and return the violations as findings
};

/// Consecutive periods of area balances. The derived columns are always computed, so they
/// cannot contradict their identities; what can go wrong is an invariant (the state part) and
/// an opening balance that differs from the previous closing.
class ledger {
public:
    /// An empty ledger whose balances are carried in whole `u` (öre: exactly).
    explicit ledger(violation_policy policy = violation_policy::throw_error, unit u = unit::ore)
        : policy_{policy}, unit_{u}
    {
    }

    /// Adds the next period, whose openings must be the previous closings mapped through
    /// `mapping`. Throws ku::domain_error for a period that does not start after the last one
    /// ends, and an area twice (by id), whatever the policy; for violations as the
    /// policy says. Returns the findings (identity_broken for the state part,
    /// carry_over_difference for openings), empty under throw_error.
    std::vector<finding> append(balance_period next, const reorganisation* mapping = nullptr);

    /// Rolls the last period forward (ku::roll_forward) into `next` and adds it.
    const balance_period& open_next(ku::period next, const reorganisation* mapping = nullptr);

    /// The periods, oldest first.
    [[nodiscard]] std::span<const balance_period> periods() const noexcept { return periods_; }
    /// The accumulated surplus (ackumulerat överskott): the last period's net closing total.
    [[nodiscard]] money accumulated_surplus() const;

private:
    violation_policy policy_;
    unit unit_;
    std::vector<balance_period> periods_;
};

inline std::vector<finding> ledger::append(balance_period next, const reorganisation* mapping)
{
    std::unordered_map<std::string_view, const partnerskap*> areas;
    for (const balance_entry& entry : next.entries) {
        if (const auto [first, added] = areas.try_emplace(entry.area.id(), &entry.area); !added) {
            throw domain_error("ledger " + next.period.label() + ": " + detail::twice(entry.area, *first->second));
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
                                entry.varav_statliga_medel, entry.varav_statliga_medel - limit, finding_class::fault,
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
        throw domain_error("ledger " + next.period.label() + ", area \"" + first.area.name() + "\", " +
                           std::string{label(first.column)} + ": " +
                           (first.found ? format_swedish(*first.found) : std::string{"tomt"}) + ", expected " +
                           (first.expected ? format_swedish(*first.expected) : std::string{"tomt"}) + " (" +
                           first.note + ")");
    }
    periods_.push_back(std::move(next));
    return findings;
}

inline const balance_period& ledger::open_next(ku::period next, const reorganisation* mapping)
{
    if (periods_.empty()) {
        throw domain_error("ledger: there is no period to roll forward from");
    }
    (void)append(roll_forward(periods_.back(), next, mapping, unit_), mapping);
    return periods_.back();
}

inline money ledger::accumulated_surplus() const
{
    return periods_.empty() ? money{} : periods_.back().accumulated_surplus();
}

} // namespace ku
