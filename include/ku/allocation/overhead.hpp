#pragma once
/// @file
/// Overhead (OH-påslag): a surcharge rate on project grants finances part of the
/// administration; what it does not cover is invoiced directly to the kommuner by a key. The
/// consequence of changing the rate is shown per kommun.

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "ku/allocation/allocation.hpp"
#include "ku/core/money.hpp"
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
[[nodiscard]] overhead_financing finance_overhead(money administration, money project_grants, rate surcharge,
                                                  std::span<const member_weight> key, allocation_rule rule = {},
                                                  rounding_mode rounding = rounding_mode::half_up);

/// An area's share of the management cost it finances ("härav ledning/stab finansierat från
/// områdena"), by name.
struct area_charge {
    std::string area; ///< the area's name
    money weight_basis; ///< what the split is proportional to (e.g. the area's outcome)
    money charge;       ///< its part of the management cost, whole units
};

/// Splits the management cost among the areas in proportion to `basis` (e.g. each area's
/// outcome), by largest remainder in whole `u` (ties: larger basis, then area name), so the
/// charges sum exactly to the cost. Throws ku::domain_error for a negative basis, a duplicate
/// area, or bases that sum to zero.
[[nodiscard]] std::vector<area_charge> finance_from_areas(money management_cost,
                                                          std::span<const std::pair<std::string, money>> basis,
                                                          unit u = unit::kr);

/// What changes for one kommun when the rate changes: its invoice before and after.
struct overhead_change {
    kommun_code member; ///< the kommun
    money before; ///< its invoice at the old rate (negative: a refund)
    money after; ///< its invoice at the new rate
    /// after − before: positive when the kommun pays more.
    [[nodiscard]] money change() const { return after - before; }
};

/// The per-kommun consequence of moving from `before` to `after` (same cost, grants and key);
/// the changes sum exactly to the change of what the kommuner are invoiced (with round-each,
/// that is the change of the allocations' sums, which may differ from `invoiced` by the residual).
[[nodiscard]] std::vector<overhead_change> compare_overhead(const overhead_financing& before,
                                                            const overhead_financing& after);

} // namespace ku
