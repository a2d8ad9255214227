#pragma once
/// @file
/// Reorganisations: how one year's areas become the next year's (split, merge, close, open),
/// applied to closing balances so that the sum before equals the sum after, to the öre.

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "ku/core/money.hpp"
#include "ku/core/ratio.hpp"

namespace ku {

/// One line of a mapping: part of area `from` goes to area `to`, as a share of its balance or
/// as an amount. An empty `to` closes `from` (allowed only for a zero balance).
struct reorganisation_rule {
    std::string from; ///< the area of the earlier year
    std::string to; ///< the area of the next year; empty: `from` is closed
    std::variant<ratio, money> part; ///< a share of `from`'s balance, or an amount
};

/// An area's balance, by name.
using area_amount = std::pair<std::string, money>;

/// A mapping from one year's areas to the next. Areas it does not mention carry over under
/// their own name; an area of the next year that nothing maps to opens at zero.
class reorganisation {
public:
    reorganisation() = default;
    /// Throws ku::domain_error when one area mixes shares and amounts, or has a rule twice.
    explicit reorganisation(std::vector<reorganisation_rule> rules);

    /// The rules, as given.
    [[nodiscard]] const std::vector<reorganisation_rule>& rules() const noexcept { return rules_; }

    /// Maps `balances` (areas with unique names) to the next year's areas, in whole `u`.
    /// A split by shares uses largest remainder (ties: larger share, then target name), so
    /// the parts add up to the balance exactly; refunds (negative balances) split the same way.
    /// Throws ku::lookup_error for a rule naming an area not in `balances`, ku::domain_error
    /// when an area's shares do not sum to 1 or its amounts to its balance, when a closed area
    /// has a balance, or when a balance is not a whole number of `u`.
    [[nodiscard]] std::vector<area_amount> apply(const std::vector<area_amount>& balances,
                                                 unit u = unit::ore) const;

    /// The areas `from` maps into (itself when it has no rule).
    [[nodiscard]] std::vector<std::string> targets_of(const std::string& from) const;
    /// The areas that map into `to` (itself when no rule names it as a target and it has none).
    [[nodiscard]] std::vector<std::string> sources_of(const std::string& to) const;

private:
    std::vector<reorganisation_rule> rules_;
};

} // namespace ku
