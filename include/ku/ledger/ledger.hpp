#pragma once
/// @file
/// ku::ledger: the books of every area over consecutive periods. Each period added is checked
/// against its identities, its invariants and the previous period's closing balances; a
/// violation throws or becomes a finding, as the caller chooses.

#include <cstdint>
#include <span>
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
    /// ends, and a duplicate or unnamed area, whatever the policy; for violations as the
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

} // namespace ku
