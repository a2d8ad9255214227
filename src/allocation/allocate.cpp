// The kommun-level allocation keys, built on the apportionment engine.

#include <algorithm>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>
#include <gsl/narrow>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/apportion.hpp"
#include "../core/text.hpp"

namespace ku {

namespace {

using boost::multiprecision::cpp_int;

cpp_int to_cpp_int(int128 value)
{
    const bool negative = value < 0;
    // |INT128_MIN| does not occur: quotas are bounded by 2^126.
    auto magnitude = static_cast<uint128>(negative ? -value : value);
    cpp_int result = static_cast<std::uint64_t>(magnitude >> 64U);
    result <<= 64;
    result += static_cast<std::uint64_t>(magnitude & 0xFFFF'FFFF'FFFF'FFFFU);
    return negative ? cpp_int{-result} : result;
}

int128 checked_multiply(int128 a, int128 b, std::string_view what)
{
    int128 product = 0;
    if (__builtin_mul_overflow(a, b, &product)) {
        throw overflow_error(std::string{what} + ": the exact quota does not fit 128 bits");
    }
    return product;
}

int128 checked_add(int128 a, int128 b, std::string_view what)
{
    int128 total = 0;
    if (__builtin_add_overflow(a, b, &total)) {
        throw overflow_error(std::string{what} + ": the exact quota does not fit 128 bits");
    }
    return total;
}

std::string amount_text(money m, unit u) { return format_swedish(m, {.in = u}); }

void require_whole(money amount, unit u, std::string_view what)
{
    if (!amount.is_whole(u)) {
        throw domain_error(std::string{what} + " " + format_swedish(amount) +
                           " is not a whole number of " + std::string{to_string(u)} +
                           "; choose a smaller unit or round it first");
    }
}

void require_distinct(std::vector<kommun_code> codes, std::string_view what)
{
    std::ranges::sort(codes);
    if (const auto twice = std::ranges::adjacent_find(codes); twice != codes.end()) {
        throw domain_error(std::string{what} + ": kommun " + twice->str() + " appears twice");
    }
}

std::int64_t pow10(int exponent)
{
    std::int64_t value = 1;
    for (int i = 0; i < exponent; ++i) {
        value *= 10;
    }
    return value;
}

} // namespace

std::vector<member_weight> weights_from(const population_table& table,
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

std::string exact_quota::to_plain(int decimals) const
{
    Expects(decimals >= 0 && decimals <= 30);
    const cpp_int scale = boost::multiprecision::pow(cpp_int{10}, static_cast<unsigned>(decimals));
    const cpp_int scaled = to_cpp_int(numerator) * scale / (to_cpp_int(denominator) * 100);
    const bool negative = scaled < 0;
    std::string digits = (negative ? cpp_int{-scaled} : scaled).str();
    const auto d = gsl::narrow<std::size_t>(decimals);
    if (digits.size() <= d) {
        digits.insert(0, d + 1 - digits.size(), '0');
    }
    if (d > 0) {
        digits.insert(digits.size() - d, ".");
    }
    return (negative ? "-" : "") + digits;
}

std::string exact_quota::to_fraction() const
{
    return to_cpp_int(numerator).str() + "/" + to_cpp_int(denominator).str();
}

exact_quota exact_quota::from_fraction(std::string_view text, std::string_view where)
{
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

std::string exact_quota::to_swedish(int decimals) const
{
    std::string plain = to_plain(decimals);
    const bool negative = plain.starts_with('-');
    if (negative) {
        plain.erase(0, 1);
    }
    const auto point = plain.find('.');
    std::string whole = plain.substr(0, point);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) {
            grouped += ' ';
        }
        grouped += whole[i];
    }
    if (point != std::string::npos) {
        grouped += ',' + plain.substr(point + 1);
    }
    return (negative ? "-" : "") + grouped + " kr";
}

money allocation::sum() const
{
    money total_of_parts;
    for (const allocation_part& part : parts) {
        total_of_parts += part.amount;
    }
    return total_of_parts;
}

money allocation::residual() const
{
    // In 128 bits: round-each parts of a total near the end of the range may sum beyond it.
    int128 difference = total.in_ore();
    for (const allocation_part& part : parts) {
        difference -= part.amount.in_ore();
    }
    return money::ore(detail::checked_ore(difference, "allocation residual"));
}

const allocation_part* allocation::find(kommun_code member) const noexcept
{
    const auto found = std::ranges::find(parts, member, &allocation_part::member);
    return found == parts.end() ? nullptr : &*found;
}

const allocation_part& allocation::at(kommun_code member) const
{
    if (const allocation_part* part = find(member)) {
        return *part;
    }
    throw lookup_error("kommun " + member.str() + " does not take part in this allocation");
}

allocation allocate(money total, std::span<const member_weight> weights, allocation_rule rule)
{
    if (weights.empty()) {
        throw domain_error("allocate: there are no members to split " + amount_text(total, rule.unit) +
                           " among");
    }
    {
        std::vector<kommun_code> codes;
        codes.reserve(weights.size());
        for (const member_weight& mw : weights) {
            codes.push_back(mw.member);
        }
        require_distinct(std::move(codes), "allocate");
    }
    require_whole(total, rule.unit, "allocate: the total");

    // Bring every weight to the same number of decimals, as integers.
    int decimals = 0;
    for (const member_weight& mw : weights) {
        decimals = std::max(decimals, mw.weight.decimals());
    }
    std::vector<std::int64_t> scaled(weights.size());
    std::vector<std::uint64_t> keys(weights.size());
    int128 weight_sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const weight w = weights[i].weight;
        const int128 value = int128{w.scaled()} * pow10(decimals - w.decimals());
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
                           amount_text(total, rule.unit) + " by");
    }

    const std::int64_t step = ore_per(rule.unit);
    const std::int64_t total_units = total.in_ore() / step;
    std::vector<std::int64_t> units(weights.size());
    apportion_scratch scratch;
    (void)apportion(rule.method, total_units, scaled, keys, units, scratch);

    allocation result{.total = total, .rule = rule, .parts = {}, .basis = {}};
    result.basis = std::string{to_string(rule.method)} + " by weight, in whole " +
                   std::string{to_string(rule.unit)};
    result.parts.reserve(weights.size());
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const int128 quota_units = int128{total_units} * scaled[i]; // over weight_sum
        const money amount = money::ore(units[i]) * step;
        const money truncated = money::ore(gsl::narrow<std::int64_t>(quota_units / weight_sum)) * step;
        if (rule.method == allocation_method::largest_absorbs && total.in_ore() != 0 &&
            (amount.in_ore() < 0) != (total.in_ore() < 0) && amount.in_ore() != 0) {
            throw domain_error("allocate: largest-absorbs would make kommun " +
                               weights[i].member.str() + " pay " + amount_text(amount, rule.unit) +
                               " of a total of " + amount_text(total, rule.unit) +
                               "; use largest-remainder");
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

allocation allocate_equally(money total, std::span<const kommun_code> members, allocation_rule rule)
{
    std::vector<member_weight> weights;
    weights.reserve(members.size());
    for (const kommun_code code : members) {
        weights.push_back({code, weight::whole(1)});
    }
    allocation result = allocate(total, weights, rule);
    result.basis = std::string{to_string(rule.method)} + ", equal shares, in whole " +
                   std::string{to_string(rule.unit)};
    return result;
}

allocation allocate_fixed_plus(money total, money fixed_per_member,
                               std::span<const supplement> supplements,
                               std::span<const member_weight> weights, allocation_rule rule)
{
    if (weights.empty()) {
        throw domain_error("allocate_fixed_plus: there are no members");
    }
    // Every part must be a whole number of the unit, so what is paid on top must be too.
    require_whole(fixed_per_member, rule.unit, "allocate_fixed_plus: the fixed amount");
    {
        std::vector<kommun_code> codes;
        for (const supplement& s : supplements) {
            require_whole(s.amount, rule.unit,
                          "allocate_fixed_plus: the supplement for kommun " + s.member.str() +
                              " of");
            codes.push_back(s.member);
            if (std::ranges::find(weights, s.member, &member_weight::member) == weights.end()) {
                throw domain_error("allocate_fixed_plus: the supplement of " +
                                   amount_text(s.amount, rule.unit) + " names kommun " +
                                   s.member.str() + ", which is not a member");
            }
        }
        require_distinct(std::move(codes), "allocate_fixed_plus: supplements");
    }
    money supplements_total;
    for (const supplement& s : supplements) {
        supplements_total += s.amount;
    }
    const money fixed_total = fixed_per_member * gsl::narrow<std::int64_t>(weights.size());
    const money rest = total - fixed_total - supplements_total;
    if ((total.in_ore() >= 0 && rest.in_ore() < 0) || (total.in_ore() < 0 && rest.in_ore() > 0)) {
        throw domain_error("allocate_fixed_plus: the fixed amounts (" +
                           amount_text(fixed_total, rule.unit) + ") and supplements (" +
                           amount_text(supplements_total, rule.unit) + ") exceed the total " +
                           amount_text(total, rule.unit));
    }
    allocation result = allocate(rest, weights, rule);
    for (allocation_part& part : result.parts) {
        const auto found = std::ranges::find(supplements, part.member, &supplement::member);
        part.fixed = fixed_per_member;
        part.supplement = found == supplements.end() ? money{} : found->amount;
        const money on_top = part.fixed + part.supplement;
        part.amount += on_top;
        part.quota.numerator = checked_add(
            part.quota.numerator,
            checked_multiply(on_top.in_ore(), part.quota.denominator, "allocate_fixed_plus"),
            "allocate_fixed_plus");
    }
    result.total = total;
    result.basis = amount_text(fixed_per_member, rule.unit) + " per member, " +
                   amount_text(supplements_total, rule.unit) + " in supplements, the rest " +
                   amount_text(rest, rule.unit) + " by weight (" +
                   std::string{to_string(rule.method)} + ", whole " +
                   std::string{to_string(rule.unit)} + ")";
    return result;
}

allocation allocate_derived(const allocation& base, ratio fraction, allocation_rule rule,
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
    result.basis = to_string(fraction) + " of another fee member by member (" +
                   std::string{to_string(rule.method)} + ", whole " +
                   std::string{to_string(rule.unit)} + ")";
    return result;
}

allocation allocate_per_capita(money per_inhabitant, std::span<const member_weight> populations,
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
        require_distinct(std::move(codes), "allocate_per_capita");
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
            .quota = {.numerator = checked_multiply(per_inhabitant.in_ore(), count.num(),
                                                    "allocate_per_capita"),
                      .denominator = count.den()},
            .fixed = {},
            .supplement = {},
            .amount = amount,
            .adjustment = amount - truncated,
        });
    }
    result.total = result.sum();
    result.basis = format_swedish(per_inhabitant) + " per inhabitant, each rounded " +
                   std::string{to_string(rounding)} + " to whole " + std::string{to_string(u)};
    return result;
}

} // namespace ku
