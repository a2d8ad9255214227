#pragma once
/// @file
/// Reorganisations: how one year's areas become the next year's (split, merge, close, open),
/// applied to closing balances so that the sum before equals the sum after, to the öre.

#include <algorithm>
#include <limits>
#include <numeric>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include <optional>

#include <gsl/narrow>

#include "ku/allocation/apportion.hpp"
#include "ku/core/money.hpp"
#include "ku/core/partnerskap.hpp"
#include "ku/core/ratio.hpp"

namespace ku {

/// One line of a mapping: part of area `from` goes to area `to`, as a share of its balance or
/// as an amount. No `to` closes `from` (allowed only for a zero balance). Areas are matched by id.
struct reorganisation_rule {
    partnerskap from; ///< the area of the earlier year
    std::optional<partnerskap> to; ///< the area of the next year; none: `from` is closed
    std::variant<ratio, money> part; ///< a share of `from`'s balance, or an amount

    /// Whether both move from the same area to the same area (or both close it), by id.
    [[nodiscard]] bool same_move(const reorganisation_rule& other) const noexcept
    {
        return from.same_area(other.from) && to.has_value() == other.to.has_value() &&
               (!to || to->same_area(*other.to));
    }

    /// The target's name, or "" when the rule closes `from`: for messages.
    [[nodiscard]] std::string to_name() const { return to ? to->name() : std::string{}; }
};

/// An area's balance.
using area_amount = std::pair<partnerskap, money>;

/// A mapping from one year's areas to the next. Areas it does not mention carry over as
/// themselves; an area of the next year that nothing maps to opens at zero.
class reorganisation {
public:
    reorganisation() = default;
    /// Throws ku::domain_error when one area mixes shares and amounts, or has a rule twice.
    explicit reorganisation(std::vector<reorganisation_rule> rules);

    /// The rules, as given.
    [[nodiscard]] const std::vector<reorganisation_rule>& rules() const noexcept { return rules_; }

    /// Maps `balances` (areas with unique ids) to the next year's areas, in whole `u`.
    /// A split by shares uses largest remainder (ties: larger share, then target name), so
    /// the parts add up to the balance exactly; refunds (negative balances) split the same way.
    /// Throws ku::lookup_error for a rule naming an area not in `balances`, ku::domain_error
    /// when an area's shares do not sum to 1 or its amounts to its balance, when a closed area
    /// has a balance, or when a balance is not a whole number of `u`.
    [[nodiscard]] std::vector<area_amount> apply(const std::vector<area_amount>& balances,
                                                 unit u = unit::ore) const;

    /// The areas `from` maps into (itself when it has no rule).
    [[nodiscard]] std::vector<partnerskap> targets_of(const partnerskap& from) const;
    /// The areas that map into `to` (itself when no rule names it as a target and it has none).
    [[nodiscard]] std::vector<partnerskap> sources_of(const partnerskap& to) const;

private:
    std::vector<reorganisation_rule> rules_;
};

inline reorganisation::reorganisation(std::vector<reorganisation_rule> rules) : rules_{std::move(rules)}
{
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (!rules_[i].from.same_area(rules_[j].from)) {
                continue;
            }
            if (rules_[i].part.index() != rules_[j].part.index()) {
                throw domain_error("reorganisation: area \"" + rules_[i].from.name() + "\" mixes shares and amounts");
            }
            if (rules_[i].same_move(rules_[j])) {
                throw domain_error("reorganisation: \"" + rules_[i].from.name() + "\" → \"" + rules_[i].to_name() +
                                   "\" appears twice");
            }
        }
        if (const auto* share = std::get_if<ratio>(&rules_[i].part); share && *share < ratio{}) {
            throw domain_error("reorganisation: the share " + to_string(*share) + " of \"" + rules_[i].from.name() +
                               "\" → \"" + rules_[i].to_name() + "\" is negative");
        }
    }
}

inline std::vector<partnerskap> reorganisation::targets_of(const partnerskap& from) const
{
    std::vector<partnerskap> targets;
    for (const reorganisation_rule& rule : rules_) {
        if (rule.from.same_area(from) && rule.to) {
            targets.push_back(*rule.to);
        }
    }
    if (targets.empty() && std::ranges::none_of(rules_, [&](const auto& r) { return r.from.same_area(from); })) {
        targets.push_back(from);
    }
    return targets;
}

inline std::vector<partnerskap> reorganisation::sources_of(const partnerskap& to) const
{
    std::vector<partnerskap> sources;
    for (const reorganisation_rule& rule : rules_) {
        if (rule.to && rule.to->same_area(to)) {
            sources.push_back(rule.from);
        }
    }
    if (std::ranges::none_of(rules_, [&](const auto& r) { return r.from.same_area(to); })) {
        sources.push_back(to); // it also carries its own balance
    }
    return sources;
}

namespace detail::reorganisation_impl {

/// Splits `balance` by `shares` (summing to 1) in whole `u`, by largest remainder; the tie key
/// is each target's rank by name, so the result does not depend on the order of the rules.
inline std::vector<money> split_by_shares(money balance, const std::vector<const reorganisation_rule*>& rules, unit u)
{
    std::int64_t common = 1; // a common denominator of the shares
    for (const auto* rule : rules) {
        const std::int64_t den = std::get<ratio>(rule->part).den();
        const int128 next = int128{common} / std::gcd(common, den) * den;
        if (next > std::numeric_limits<std::int64_t>::max()) {
            throw overflow_error("reorganisation: the shares of \"" + rule->from.name() +
                                 "\" have no common denominator within 64 bits");
        }
        common = gsl::narrow<std::int64_t>(next);
    }
    std::vector<std::int64_t> weights;
    std::vector<std::uint64_t> keys;
    std::vector<std::string> names;
    for (const auto* rule : rules) {
        names.push_back(rule->to_name());
    }
    std::ranges::sort(names);
    for (const auto* rule : rules) {
        const ratio share = std::get<ratio>(rule->part);
        weights.push_back(share.num() * (common / share.den()));
        keys.push_back(gsl::narrow<std::uint64_t>(std::ranges::find(names, rule->to_name()) - names.begin()));
    }
    std::vector<std::int64_t> units(rules.size());
    apportion_scratch scratch;
    const std::int64_t step = ore_per(u);
    (void)apportion(allocation_method::largest_remainder, balance.in_ore() / step, weights, keys, units, scratch);
    std::vector<money> parts;
    for (const std::int64_t n : units) {
        parts.push_back(money::ore(n) * step);
    }
    return parts;
}

} // namespace detail::reorganisation_impl

inline std::vector<area_amount> reorganisation::apply(const std::vector<area_amount>& balances, unit u) const
{
    // The rules of each area, looked up by id: linear in the number of areas and rules.
    std::unordered_map<std::string_view, std::vector<const reorganisation_rule*>> rules_by_area;
    rules_by_area.reserve(rules_.size());
    // Targets of rules, and where each sits in the result once it is there. Only these can
    // receive more than one amount; every other area appears once and is appended as it comes.
    constexpr std::size_t not_yet = static_cast<std::size_t>(-1);
    std::unordered_map<std::string_view, std::size_t> target_position;
    target_position.reserve(rules_.size());
    for (const reorganisation_rule& rule : rules_) {
        rules_by_area[rule.from.id()].push_back(&rule);
        if (rule.to) {
            target_position.try_emplace(rule.to->id(), not_yet);
        }
    }
    // Targets in order of first appearance, summed exactly.
    std::vector<area_amount> result;
    result.reserve(balances.size() + target_position.size());
    const auto add = [&](const partnerskap& area, money amount) {
        const auto target = target_position.find(area.id());
        if (target == target_position.end()) {
            result.emplace_back(area, amount); // not a target: its one amount
        } else if (target->second == not_yet) {
            target->second = result.size();
            result.emplace_back(area, amount);
        } else {
            result[target->second].second += amount;
        }
    };
    // A part of a balance mapped by a rule without a target: allowed only when it is zero.
    const auto carry = [&](const reorganisation_rule& rule, money part) {
        if (rule.to) {
            add(*rule.to, part);
        } else if (part != money{}) {
            throw domain_error("reorganisation: area \"" + rule.from.name() + "\" sends " + format_swedish(part) +
                               " to no area; only a zero balance can be closed, map it to another area");
        }
    };
    std::size_t rules_matched = 0;
    for (const auto& [area, balance] : balances) {
        const auto found = rules_by_area.find(area.id());
        if (found == rules_by_area.end()) {
            add(area, balance);
            continue;
        }
        const std::vector<const reorganisation_rule*>& rules = found->second;
        rules_matched += rules.size();
        if (rules.size() == 1 && !rules.front()->to) {
            if (balance != money{}) {
                throw domain_error("reorganisation: area \"" + area.name() + "\" is closed but has a balance of " +
                                   format_swedish(balance) + "; map it to another area");
            }
            continue;
        }
        if (!balance.is_whole(u)) {
            throw domain_error("reorganisation: the balance " + format_swedish(balance) + " of \"" + area.name() +
                               "\" is not a whole number of " + std::string{to_string(u)});
        }
        if (std::holds_alternative<money>(rules.front()->part)) {
            money total;
            for (const auto* rule : rules) {
                total += std::get<money>(rule->part);
            }
            if (total != balance) {
                throw domain_error("reorganisation: the amounts mapped from \"" + area.name() + "\" sum to " +
                                   format_swedish(total) + ", not to its balance " + format_swedish(balance));
            }
            for (const auto* rule : rules) {
                carry(*rule, std::get<money>(rule->part));
            }
            continue;
        }
        ratio total_share;
        for (const auto* rule : rules) {
            total_share = total_share + std::get<ratio>(rule->part);
        }
        if (total_share != ratio::whole(1)) {
            throw domain_error("reorganisation: the shares mapped from \"" + area.name() + "\" sum to " +
                               to_string(total_share) + ", not to 1");
        }
        const std::vector<money> parts = detail::reorganisation_impl::split_by_shares(balance, rules, u);
        for (std::size_t i = 0; i < rules.size(); ++i) {
            carry(*rules[i], parts[i]);
        }
    }
    if (rules_matched != rules_.size()) { // a rule names an area without a balance: find it
        std::unordered_set<std::string_view> areas;
        for (const auto& [area, balance] : balances) {
            areas.insert(area.id());
        }
        for (const reorganisation_rule& rule : rules_) {
            if (!areas.contains(rule.from.id())) {
                throw lookup_error("reorganisation: \"" + rule.from.name() + "\" → \"" + rule.to_name() +
                                   "\" names an area that has no closing balance");
            }
        }
    }
    return result;
}

} // namespace ku
