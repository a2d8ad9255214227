#pragma once
/// @file
/// Allocation keys (fördelningsnycklar) over kommuner: split a total by weights, equally,
/// as a fixed amount per member plus supplements plus the rest by weights, as a fraction of
/// another allocation, or by a per-capita rate. Every result holds, per member, the exact
/// quota, the amount and the adjustment, and names its method.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ku/allocation/method.hpp"
#include "ku/allocation/weight.hpp"
#include "ku/core/kommun.hpp"
#include "ku/core/money.hpp"
#include "ku/core/population.hpp"
#include "ku/core/rate.hpp"
#include "ku/core/ratio.hpp"

namespace ku {

/// A member of a key and its weight (e.g. Värnamo with 34 682 inhabitants).
struct member_weight {
    kommun_code member; ///< the kommun
    ku::weight weight; ///< its weight in the key (inhabitants, or any non-negative decimal)
};

/// The weights of the kommuner in `table`, optionally only those in `members` (in the
/// table's order). Throws ku::lookup_error for a member the table does not have.
[[nodiscard]] std::vector<member_weight>
weights_from(const population_table& table,
             std::optional<std::span<const kommun_code>> members = std::nullopt);

/// An exact share of a total in öre, numerator / denominator (the denominator is positive).
struct exact_quota {
    int128 numerator = 0; ///< in öre; negative for a refund
    int128 denominator = 1; ///< positive; the quota is not reduced to lowest terms

    /// The quota as a plain decimal in kronor with `decimals` decimals, truncated toward zero
    /// ("845153.5478"); exact when the quota has no more decimals than that.
    [[nodiscard]] std::string to_plain(int decimals = 4) const;
    /// The quota as a Swedish decimal in kronor, truncated ("845 153,5478 kr").
    [[nodiscard]] std::string to_swedish(int decimals = 4) const;
    /// The quota in öre exactly as stored, "numerator/denominator" unreduced ("16903071/20").
    [[nodiscard]] std::string to_fraction() const;
    /// Reads the form of to_fraction(); throws ku::parse_error naming the text and `where` for
    /// anything else, a denominator that is not positive, or a part beyond 127 bits.
    [[nodiscard]] static exact_quota from_fraction(std::string_view text, std::string_view where = {});
    /// Equal when numerator and denominator are (2/4 and 1/2 differ: compare values by cross-multiplying).
    friend bool operator==(const exact_quota&, const exact_quota&) = default;
};

/// One member's part of an allocation: its weight, its exact quota of the total, the
/// fixed amount and supplement it pays on top (keys with a fixed part), the amount it pays,
/// and the adjustment: amount minus the quota rounded toward zero to the unit (the spare
/// krona that largest-remainder gave it, or the residual largest-absorbs put on it).
struct allocation_part {
    kommun_code member; ///< the kommun
    ku::weight weight; ///< its weight in the key
    exact_quota quota; ///< its exact share of the total in öre, fixed amount and supplement included
    money fixed{}; ///< the fixed amount it pays (allocate_fixed_plus), else 0
    money supplement{}; ///< its individual supplement (allocate_fixed_plus), else 0
    money amount{}; ///< what it pays in all, a whole number of the rule's unit
    money adjustment{}; ///< amount − quota rounded toward zero to the unit
    /// Equal when every field is.
    friend bool operator==(const allocation_part&, const allocation_part&) = default;
};

/// How an allocation rounds: the method, and the unit every part is a whole number of.
struct allocation_rule {
    allocation_method method = allocation_method::largest_remainder; ///< how quotas become whole units
    ku::unit unit = ku::unit::kr; ///< every part is a whole number of this unit
    /// Equal when method and unit are.
    friend bool operator==(const allocation_rule&, const allocation_rule&) = default;
};

/// The result of an allocation: the total, the method and unit used, and one part per
/// participating member in the order the weights were given.
struct allocation {
    money total{}; ///< the amount split
    allocation_rule rule{}; ///< the method and unit used
    std::vector<allocation_part> parts; ///< one per member, in the order the weights were given
    /// How the amounts were derived, in words ("largest-remainder by weight, kr").
    std::string basis;

    /// The sum of the parts' amounts.
    [[nodiscard]] money sum() const;
    /// total − sum: zero for every method except round-each. Exact even when the sum of
    /// round-each parts lies just beyond the money range (a total near money::max()).
    [[nodiscard]] money residual() const;
    /// The part of `member`, or none when it does not take part.
    [[nodiscard]] const allocation_part* find(kommun_code member) const noexcept;
    /// The part of `member`; throws ku::lookup_error when it does not take part.
    [[nodiscard]] const allocation_part& at(kommun_code member) const;
    /// Equal when total, rule, basis and every part are.
    friend bool operator==(const allocation&, const allocation&) = default;
};

/// Splits `total` among the members by their weights. Throws ku::domain_error for no members,
/// a duplicate member, weights that sum to zero, or a total that is not a whole number of
/// the rule's unit; ku::overflow_error when scaled decimal weights do not fit 64 bits.
[[nodiscard]] allocation allocate(money total, std::span<const member_weight> weights,
                                  allocation_rule rule = {});

/// Splits `total` equally among `members` (weight 1 each), by the rule's method.
[[nodiscard]] allocation allocate_equally(money total, std::span<const kommun_code> members,
                                          allocation_rule rule = {});

/// A member's individual supplement on top of its fixed amount.
struct supplement {
    kommun_code member; ///< the kommun that pays it
    money amount; ///< the supplement, a whole number of the rule's unit
};

/// `fixed_per_member` for every member, plus the named supplements, plus the rest of `total`
/// by weights (Miljösamverkan: 42 000 kr each, 17 136 kr more for Gislaved, the rest by
/// population). Throws ku::domain_error when the rest would be negative or a supplement names
/// a non-member, as allocate() otherwise.
[[nodiscard]] allocation allocate_fixed_plus(money total, money fixed_per_member,
                                             std::span<const supplement> supplements,
                                             std::span<const member_weight> weights,
                                             allocation_rule rule = {});

/// A fee that is `fraction` of another allocation, member by member (Arbete och delaktighet
/// is 10 % of the social-welfare base fee). The total is fraction × base total rounded to the
/// unit by `total_rounding`; it is split with the base amounts as weights, so round-each
/// rounds each member's fraction on its own. Throws ku::domain_error for a negative base part.
[[nodiscard]] allocation allocate_derived(const allocation& base, ratio fraction,
                                          allocation_rule rule = {},
                                          rounding_mode total_rounding = rounding_mode::half_up);

/// A per-capita fee: each member pays `per_inhabitant` × its population, rounded to `u` by
/// `rounding`; the total is the sum. The method recorded is round-each (each part on its own).
[[nodiscard]] allocation allocate_per_capita(money per_inhabitant,
                                             std::span<const member_weight> populations,
                                             unit u = unit::kr,
                                             rounding_mode rounding = rounding_mode::half_up);

} // namespace ku
