#pragma once
/// @file
/// Allocation keys (fördelningsnycklar) over kommuner: split a total by weights, equally,
/// as a fixed amount per member plus supplements plus the rest by weights, as a fraction of
/// another allocation, or by a per-capita rate. Every result holds, per member, the exact
/// quota, the amount and the adjustment, and names its method.

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <gsl/assert>
#include <gsl/narrow>

#include "ku/allocation/apportion.hpp"
#include "ku/allocation/method.hpp"
#include "ku/allocation/weight.hpp"
#include "ku/core/decimal_text.hpp"
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
[[nodiscard]] inline std::vector<member_weight>
weights_from(const population_table& table,
             std::optional<std::span<const kommun_code>> members = std::nullopt);

/// An exact share of a total in öre, numerator / denominator (the denominator is positive).
struct exact_quota {
    int128 numerator = 0; ///< in öre; negative for a refund
    int128 denominator = 1; ///< positive; the quota is not reduced to lowest terms

    /// The quota as a plain decimal in kronor with `decimals` decimals, truncated toward zero
    /// ("845153.5478"); exact when the quota has no more decimals than that.
    [[nodiscard]] inline std::string to_plain(int decimals = 4) const;
    /// The quota as a Swedish decimal in kronor, truncated ("845 153,5478 kr").
    [[nodiscard]] inline std::string to_swedish(int decimals = 4) const;
    /// The quota in öre exactly as stored, "numerator/denominator" unreduced ("16903071/20").
    [[nodiscard]] inline std::string to_fraction() const;
    /// Reads the form of to_fraction(); throws ku::parse_error naming the text and `where` for
    /// anything else, a denominator that is not positive, or a part beyond 127 bits.
    [[nodiscard]] static inline exact_quota from_fraction(std::string_view text, std::string_view where = {});
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
    /// How the amounts were derived, in Swedish words ("största rest efter vikt, i hela kr").
    std::string basis;

    /// The sum of the parts' amounts.
    [[nodiscard]] constexpr money sum() const;
    /// total − sum: zero for every method except round-each. Exact even when the sum of
    /// round-each parts lies just beyond the money range (a total near money::max()).
    [[nodiscard]] constexpr money residual() const;
    /// The part of `member`, or none when it does not take part.
    [[nodiscard]] constexpr const allocation_part* find(kommun_code member) const noexcept;
    /// The part of `member`; throws ku::lookup_error when it does not take part.
    [[nodiscard]] constexpr const allocation_part& at(kommun_code member) const;
    /// Equal when total, rule, basis and every part are.
    friend bool operator==(const allocation&, const allocation&) = default;
};

/// Splits `total` among the members by their weights. Throws ku::domain_error for no members,
/// a duplicate member, weights that sum to zero, or a total that is not a whole number of
/// the rule's unit; ku::overflow_error when scaled decimal weights do not fit 64 bits.
[[nodiscard]] constexpr allocation allocate(money total, std::span<const member_weight> weights,
                                     allocation_rule rule = {});

/// Splits `total` equally among `members` (weight 1 each), by the rule's method.
[[nodiscard]] constexpr allocation allocate_equally(money total, std::span<const kommun_code> members,
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
[[nodiscard]] inline allocation allocate_fixed_plus(money total, money fixed_per_member,
                                                    std::span<const supplement> supplements,
                                                    std::span<const member_weight> weights,
                                                    allocation_rule rule = {});

/// A fee that is `fraction` of another allocation, member by member (Arbete och delaktighet
/// is 10 % of the social-welfare base fee). The total is fraction × base total rounded to the
/// unit by `total_rounding`; it is split with the base amounts as weights, so round-each
/// rounds each member's fraction on its own. Throws ku::domain_error for a negative base part.
[[nodiscard]] inline allocation allocate_derived(const allocation& base, ratio fraction,
                                                 allocation_rule rule = {},
                                                 rounding_mode total_rounding = rounding_mode::half_up);

/// A per-capita fee: each member pays `per_inhabitant` × its population, rounded to `u` by
/// `rounding`; the total is the sum. The method recorded is round-each (each part on its own).
[[nodiscard]] inline allocation allocate_per_capita(money per_inhabitant,
                                                    std::span<const member_weight> populations,
                                                    unit u = unit::kr,
                                                    rounding_mode rounding = rounding_mode::half_up);

namespace detail::allocate_impl {

using boost::multiprecision::cpp_int;

inline cpp_int to_cpp_int(int128 value)
{
    const bool negative = value < 0;
    // |INT128_MIN| does not occur: quotas are bounded by 2^126.
    auto magnitude = static_cast<uint128>(negative ? -value : value);
    cpp_int result = static_cast<std::uint64_t>(magnitude >> 64U);
    result <<= 64;
    result += static_cast<std::uint64_t>(magnitude & 0xFFFF'FFFF'FFFF'FFFFU);
    return negative ? cpp_int{-result} : result;
}

/// The quota in units of 10^-decimals kr, truncated toward zero (0–30 decimals, a contract).
inline cpp_int truncated_quota(const exact_quota& quota, int decimals)
{
    Expects(decimals >= 0 && decimals <= 30);
    const cpp_int scale = boost::multiprecision::pow(cpp_int{10}, static_cast<unsigned>(decimals));
    return to_cpp_int(quota.numerator) * scale / (to_cpp_int(quota.denominator) * 100);
}

constexpr int128 checked_multiply(int128 a, int128 b, std::string_view what)
{
    int128 product = 0;
    if (__builtin_mul_overflow(a, b, &product)) {
        throw overflow_error(std::string{what} + ": the exact quota does not fit 128 bits");
    }
    return product;
}

constexpr int128 checked_add(int128 a, int128 b, std::string_view what)
{
    int128 total = 0;
    if (__builtin_add_overflow(a, b, &total)) {
        throw overflow_error(std::string{what} + ": the exact quota does not fit 128 bits");
    }
    return total;
}

inline std::string amount_text(money m, unit u) { return format_swedish(m, {.in = u}); }

constexpr void require_whole(money amount, unit u, std::string_view what)
{
    if (!amount.is_whole(u)) {
        throw domain_error(std::string{what} + " " + format_swedish(amount) +
                           " is not a whole number of " + std::string{to_string(u)} +
                           "; choose a smaller unit or round it first");
    }
}

constexpr void require_distinct(std::vector<kommun_code> codes, std::string_view what)
{
    std::ranges::sort(codes);
    if (const auto twice = std::ranges::adjacent_find(codes); twice != codes.end()) {
        throw domain_error(std::string{what} + ": kommun " + twice->str() + " appears twice");
    }
}

/// Throws ku::domain_error naming `what` and the first kommun that appears twice among the
/// members of `weights`; pairwise for a county's few members, sorted for many.
constexpr void require_distinct_members(std::span<const member_weight> weights, std::string_view what)
{
    constexpr std::size_t pairwise_up_to = 32;
    if (weights.size() > pairwise_up_to) {
        std::vector<kommun_code> codes;
        codes.reserve(weights.size());
        for (const member_weight& mw : weights) {
            codes.push_back(mw.member);
        }
        require_distinct(std::move(codes), what);
        return;
    }
    std::optional<kommun_code> twice;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        for (std::size_t j = i + 1; j < weights.size(); ++j) {
            if (weights[i].member == weights[j].member && (!twice || weights[i].member < *twice)) {
                twice = weights[i].member;
            }
        }
    }
    if (twice) {
        throw domain_error(std::string{what} + ": kommun " + twice->str() + " appears twice");
    }
}

/// Working memory of `N` elements on the stack, or on the heap for more: a span either way.
template <class T, std::size_t N = 16>
class small_buffer {
public:
    constexpr explicit small_buffer(std::size_t size)
    {
        if (size <= N) {
            view_ = std::span<T>{local_.data(), size};
        } else {
            heap_.resize(size);
            view_ = heap_;
        }
    }
    small_buffer(const small_buffer&) = delete;
    small_buffer& operator=(const small_buffer&) = delete;

    [[nodiscard]] constexpr std::span<T> span() noexcept { return view_; }

private:
    std::array<T, N> local_{};
    std::vector<T> heap_;
    std::span<T> view_;
};

constexpr std::int64_t pow10(int exponent)
{
    std::int64_t value = 1;
    for (int i = 0; i < exponent; ++i) {
        value *= 10;
    }
    return value;
}

} // namespace detail::allocate_impl

inline std::vector<member_weight> weights_from(const population_table& table,
                                               std::optional<std::span<const kommun_code>> members)
{
    std::vector<member_weight> weights;
    if (members) {
        for (const kommun_code code : *members) {
            (void)table.at(code); // throws ku::lookup_error for a member the table lacks
        }
    }
    for (const auto& [code, count] : table.entries()) {
        if (!members || std::ranges::find(*members, code) != members->end()) {
            weights.push_back({code, weight{count}});
        }
    }
    return weights;
}

inline std::string exact_quota::to_plain(int decimals) const
{
    return decimal_text(detail::allocate_impl::truncated_quota(*this, decimals), decimals);
}

inline std::string exact_quota::to_fraction() const
{
    return detail::allocate_impl::to_cpp_int(numerator).str() + "/" +
           detail::allocate_impl::to_cpp_int(denominator).str();
}

inline exact_quota exact_quota::from_fraction(std::string_view text, std::string_view where)
{
    using boost::multiprecision::cpp_int;
    const auto slash = text.find('/');
    const auto part = [&](std::string_view digits, std::size_t offset, bool may_be_negative) -> int128 {
        const bool negative = may_be_negative && digits.starts_with('-');
        const std::string_view magnitude = negative ? digits.substr(1) : digits;
        if (magnitude.empty() || magnitude.size() > 39 ||
            !std::ranges::all_of(magnitude, [](char c) { return c >= '0' && c <= '9'; })) {
            throw parse_error(text, offset + 1, "an exact quota is \"numerator/denominator\" in öre, e.g. 16903071/20",
                              where);
        }
        // Summed digit by digit: cpp_int's string constructor would read "010" as octal.
        cpp_int value = 0;
        for (const char c : magnitude) {
            value = value * 10 + (c - '0');
        }
        if (value != 0 && msb(value) >= 127) {
            throw parse_error(text, offset + 1, "the quota's part is beyond 127 bits", where);
        }
        int128 result = 0;
        for (const char c : magnitude) {
            result = result * 10 + (c - '0');
        }
        return negative ? -result : result;
    };
    if (slash == std::string_view::npos) {
        throw parse_error(text, 0, "an exact quota is \"numerator/denominator\" in öre, e.g. 16903071/20", where);
    }
    const exact_quota quota{.numerator = part(text.substr(0, slash), 0, true),
                            .denominator = part(text.substr(slash + 1), slash + 1, false)};
    if (quota.denominator == 0) {
        throw parse_error(text, slash + 2, "the denominator of a quota is positive", where);
    }
    return quota;
}

inline std::string exact_quota::to_swedish(int decimals) const
{
    return decimal_text(detail::allocate_impl::truncated_quota(*this, decimals), decimals,
                        decimal_style::swedish()) + " kr";
}

constexpr money allocation::sum() const
{
    money total_of_parts;
    for (const allocation_part& part : parts) {
        total_of_parts += part.amount;
    }
    return total_of_parts;
}

constexpr money allocation::residual() const
{
    // In 128 bits: round-each parts of a total near the end of the range may sum beyond it.
    int128 difference = total.in_ore();
    for (const allocation_part& part : parts) {
        difference -= part.amount.in_ore();
    }
    return money::ore(detail::checked_ore(difference, "allocation residual"));
}

constexpr const allocation_part* allocation::find(kommun_code member) const noexcept
{
    const auto found = std::ranges::find(parts, member, &allocation_part::member);
    return found == parts.end() ? nullptr : &*found;
}

constexpr const allocation_part& allocation::at(kommun_code member) const
{
    if (const allocation_part* part = find(member)) {
        return *part;
    }
    throw lookup_error("kommun " + member.str() + " does not take part in this allocation");
}

constexpr allocation allocate(money total, std::span<const member_weight> weights, allocation_rule rule)
{
    if (weights.empty()) {
        throw domain_error("allocate: there are no members to split " +
                           detail::allocate_impl::amount_text(total, rule.unit) + " among");
    }
    detail::allocate_impl::require_distinct_members(weights, "allocate");
    detail::allocate_impl::require_whole(total, rule.unit, "allocate: the total");

    // Bring every weight to the same number of decimals, as integers.
    int decimals = 0;
    for (const member_weight& mw : weights) {
        decimals = std::max(decimals, mw.weight.decimals());
    }
    detail::allocate_impl::small_buffer<std::int64_t> scaled_buffer{weights.size()};
    detail::allocate_impl::small_buffer<std::uint64_t> keys_buffer{weights.size()};
    detail::allocate_impl::small_buffer<std::int64_t> units_buffer{weights.size()};
    const std::span<std::int64_t> scaled = scaled_buffer.span();
    const std::span<std::uint64_t> keys = keys_buffer.span();
    const std::span<std::int64_t> units = units_buffer.span();
    int128 weight_sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const weight w = weights[i].weight;
        const int128 value = int128{w.scaled()} * detail::allocate_impl::pow10(decimals - w.decimals());
        if (value > std::numeric_limits<std::int64_t>::max()) {
            throw overflow_error("allocate: the weight " + to_string(w) + " of kommun " +
                                 weights[i].member.str() + " does not fit 64 bits at " +
                                 std::to_string(decimals) + " decimals");
        }
        scaled[i] = gsl::narrow<std::int64_t>(value);
        keys[i] = weights[i].member.ordinal();
        weight_sum += value;
    }
    if (weight_sum == 0) {
        throw domain_error("allocate: the weights of the " + std::to_string(weights.size()) +
                           " members sum to zero; nothing to split " +
                           detail::allocate_impl::amount_text(total, rule.unit) + " by");
    }

    const std::int64_t step = ore_per(rule.unit);
    const std::int64_t total_units = total.in_ore() / step;
    apportion_scratch scratch;
    (void)apportion(rule.method, total_units, std::span<const std::int64_t>{scaled}, keys, units, scratch);
    // Each quota rounded toward zero, total_units × w ÷ Σ w, without a division when Σ w fits 64 bits.
    const std::uint64_t magnitude = total_units < 0 ? static_cast<std::uint64_t>(-total_units)
                                                    : static_cast<std::uint64_t>(total_units);
    const bool narrow_sum = (static_cast<uint128>(weight_sum) >> 64U) == 0;
    const detail::quotient_by_estimate truncate{magnitude, narrow_sum ? static_cast<std::uint64_t>(weight_sum) : 1U};
    const auto truncated_units = [&](std::size_t i) -> std::int64_t {
        const auto quotient = narrow_sum ? static_cast<std::int64_t>(truncate(static_cast<std::uint64_t>(scaled[i])).quotient)
                                         : gsl::narrow<std::int64_t>(int128{magnitude} * scaled[i] / weight_sum);
        return total_units < 0 ? -quotient : quotient;
    };

    allocation result{.total = total, .rule = rule, .parts = {}, .basis = {}};
    result.basis = std::string{swedish_name(rule.method)} + " efter vikt, i hela " + std::string{to_string(rule.unit)};
    result.parts.reserve(weights.size());
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const money amount = money::ore(units[i]) * step;
        const money truncated = money::ore(truncated_units(i)) * step;
        if (rule.method == allocation_method::largest_absorbs && total.in_ore() != 0 &&
            (amount.in_ore() < 0) != (total.in_ore() < 0) && amount.in_ore() != 0) {
            throw domain_error("allocate: largest-absorbs would make kommun " +
                               weights[i].member.str() + " pay " +
                               detail::allocate_impl::amount_text(amount, rule.unit) + " of a total of " +
                               detail::allocate_impl::amount_text(total, rule.unit) + "; use largest-remainder");
        }
        result.parts.push_back({
            .member = weights[i].member,
            .weight = weights[i].weight,
            .quota = {.numerator = int128{total.in_ore()} * scaled[i], .denominator = weight_sum},
            .fixed = {},
            .supplement = {},
            .amount = amount,
            .adjustment = amount - truncated,
        });
    }
    return result;
}

constexpr allocation allocate_equally(money total, std::span<const kommun_code> members, allocation_rule rule)
{
    std::vector<member_weight> weights;
    weights.reserve(members.size());
    for (const kommun_code code : members) {
        weights.push_back({code, weight::whole(1)});
    }
    allocation result = allocate(total, weights, rule);
    result.basis = std::string{swedish_name(rule.method)} + ", lika delar, i hela " + std::string{to_string(rule.unit)};
    return result;
}

inline allocation allocate_fixed_plus(money total, money fixed_per_member,
                                      std::span<const supplement> supplements,
                                      std::span<const member_weight> weights, allocation_rule rule)
{
    if (weights.empty()) {
        throw domain_error("allocate_fixed_plus: there are no members");
    }
    // Every part must be a whole number of the unit, so what is paid on top must be too.
    detail::allocate_impl::require_whole(fixed_per_member, rule.unit,
                                         "allocate_fixed_plus: the fixed amount");
    {
        std::vector<kommun_code> codes;
        for (const supplement& s : supplements) {
            detail::allocate_impl::require_whole(s.amount, rule.unit,
                                                 "allocate_fixed_plus: the supplement for kommun " +
                                                     s.member.str() + " of");
            codes.push_back(s.member);
            if (std::ranges::find(weights, s.member, &member_weight::member) == weights.end()) {
                throw domain_error("allocate_fixed_plus: the supplement of " +
                                   detail::allocate_impl::amount_text(s.amount, rule.unit) +
                                   " names kommun " + s.member.str() + ", which is not a member");
            }
        }
        detail::allocate_impl::require_distinct(std::move(codes), "allocate_fixed_plus: supplements");
    }
    money supplements_total;
    for (const supplement& s : supplements) {
        supplements_total += s.amount;
    }
    const money fixed_total = fixed_per_member * gsl::narrow<std::int64_t>(weights.size());
    const money rest = total - fixed_total - supplements_total;
    if ((total.in_ore() >= 0 && rest.in_ore() < 0) || (total.in_ore() < 0 && rest.in_ore() > 0)) {
        throw domain_error("allocate_fixed_plus: the fixed amounts (" +
                           detail::allocate_impl::amount_text(fixed_total, rule.unit) +
                           ") and supplements (" +
                           detail::allocate_impl::amount_text(supplements_total, rule.unit) +
                           ") exceed the total " + detail::allocate_impl::amount_text(total, rule.unit));
    }
    allocation result = allocate(rest, weights, rule);
    for (allocation_part& part : result.parts) {
        const auto found = std::ranges::find(supplements, part.member, &supplement::member);
        part.fixed = fixed_per_member;
        part.supplement = found == supplements.end() ? money{} : found->amount;
        const money on_top = part.fixed + part.supplement;
        part.amount += on_top;
        part.quota.numerator = detail::allocate_impl::checked_add(
            part.quota.numerator,
            detail::allocate_impl::checked_multiply(on_top.in_ore(), part.quota.denominator,
                                                    "allocate_fixed_plus"),
            "allocate_fixed_plus");
    }
    result.total = total;
    result.basis = detail::allocate_impl::amount_text(fixed_per_member, rule.unit) + " per medlem, " +
                   detail::allocate_impl::amount_text(supplements_total, rule.unit) + " i tillägg, resten " +
                   detail::allocate_impl::amount_text(rest, rule.unit) + " efter vikt (" +
                   std::string{swedish_name(rule.method)} + ", hela " + std::string{to_string(rule.unit)} + ")";
    return result;
}

inline allocation allocate_derived(const allocation& base, ratio fraction, allocation_rule rule,
                                   rounding_mode total_rounding)
{
    std::vector<member_weight> weights;
    weights.reserve(base.parts.size());
    for (const allocation_part& part : base.parts) {
        if (part.amount.in_ore() < 0) {
            throw domain_error("allocate_derived: the base part of kommun " + part.member.str() +
                               " is negative (" + format_swedish(part.amount) + ")");
        }
        weights.push_back({part.member, weight{part.amount.in_ore(), 0}});
    }
    // The fraction of what the base actually charged, so round-each rounds each member's
    // fraction of its own base amount.
    const money total = multiply(base.sum(), fraction, total_rounding, rule.unit);
    allocation result = allocate(total, weights, rule);
    result.basis = to_string(fraction) + " av en annan avgift, kommun för kommun (" +
                   std::string{swedish_name(rule.method)} + ", hela " + std::string{to_string(rule.unit)} + ")";
    return result;
}

inline allocation allocate_per_capita(money per_inhabitant, std::span<const member_weight> populations,
                                      unit u, rounding_mode rounding)
{
    if (populations.empty()) {
        throw domain_error("allocate_per_capita: there are no members");
    }
    {
        std::vector<kommun_code> codes;
        for (const member_weight& mw : populations) {
            codes.push_back(mw.member);
        }
        detail::allocate_impl::require_distinct(std::move(codes), "allocate_per_capita");
    }
    allocation result{.total = {}, .rule = {allocation_method::round_each, u}, .parts = {},
                      .basis = {}};
    for (const member_weight& mw : populations) {
        const ratio count = mw.weight.as_ratio();
        const money amount = multiply(per_inhabitant, count, rounding, u);
        const money truncated = multiply(per_inhabitant, count, rounding_mode::down, u);
        result.parts.push_back({
            .member = mw.member,
            .weight = mw.weight,
            .quota = {.numerator = detail::allocate_impl::checked_multiply(
                          per_inhabitant.in_ore(), count.num(), "allocate_per_capita"),
                      .denominator = count.den()},
            .fixed = {},
            .supplement = {},
            .amount = amount,
            .adjustment = amount - truncated,
        });
    }
    result.total = result.sum();
    result.basis = format_swedish(per_inhabitant) + " per invånare, var och en avrundad " +
                   std::string{swedish_name(rounding)} + " till hela " + std::string{to_string(u)};
    return result;
}

} // namespace ku
