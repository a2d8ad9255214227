// Success rates, relative changes, and exact values shown as percents rounded on purpose.

#include "ku/indicators/rates.hpp"

#include <limits>
#include <string>

#include <gsl/narrow>

namespace ku {

namespace {

/// 100 × 10^decimals: how many units of a percent with `decimals` decimals make one whole.
int128 units_per_whole(int decimals)
{
    int128 scale = 100;
    for (int i = 0; i < decimals; ++i) {
        scale *= 10;
    }
    return scale;
}

std::string amount_text(money amount) { return format_swedish(amount); }

} // namespace

rounded_percent as_percent(ratio value, int decimals, rounding_mode mode)
{
    if (decimals < 0 || decimals > 9) {
        throw domain_error("as_percent: " + std::to_string(decimals) +
                           " decimals for " + to_string(value) + "; choose 0 to 9");
    }
    // |num| < 2^63 and the scale is at most 10^11 < 2^37, so the product fits 128 bits.
    const int128 units = divide_rounded(int128{value.num()} * units_per_whole(decimals),
                                        value.den(), mode);
    constexpr auto limit = std::numeric_limits<std::int64_t>::max();
    if (units > limit || units < -limit) {
        throw overflow_error("as_percent: " + to_string(value) + " with " +
                             std::to_string(decimals) + " decimals does not fit 64 bits");
    }
    return rounded_percent{static_cast<std::int64_t>(units), decimals, mode, value};
}

bool rounded_percent::is_rounded() const
{
    // units / scale == num / den  ⇔  units × den == num × scale; both sides fit 128 bits.
    return int128{units_} * exact_.den() != int128{exact_.num()} * units_per_whole(decimals_);
}

std::string to_string(const rounded_percent& p)
{
    const std::int64_t units = p.units(); // never INT64_MIN, so the negation is safe
    std::string digits = std::to_string(units < 0 ? -units : units);
    const auto d = gsl::narrow<std::size_t>(p.decimals());
    if (d > 0) {
        if (digits.size() <= d) {
            digits.insert(0, d + 1 - digits.size(), '0');
        }
        digits.insert(digits.size() - d, 1, ',');
    }
    return (units < 0 ? "-" : "") + digits + " %";
}

std::string describe(const rounded_percent& p)
{
    if (!p.is_rounded()) {
        return to_string(p) + " (exact)";
    }
    return to_string(p) + " (exact " + to_string(p.exact()) + ", rounded " +
           std::string{to_string(p.rounding())} + ")";
}

ratio success_rate(std::int64_t granted_count, std::int64_t applied_count)
{
    const std::string counts = "(" + std::to_string(granted_count) + " granted of " +
                               std::to_string(applied_count) + " applied for)";
    if (granted_count < 0 || applied_count < 0) {
        throw domain_error("success rate: a number of applications cannot be negative " + counts);
    }
    if (applied_count == 0) {
        throw domain_error("success rate: no applications, so there is no rate " + counts);
    }
    if (granted_count > applied_count) {
        throw domain_error("success rate: more applications granted than applied for " + counts);
    }
    return ratio{granted_count, applied_count};
}

ratio success_rate(money granted, money applied)
{
    const std::string amounts =
        "(" + amount_text(granted) + " granted of " + amount_text(applied) + " applied for)";
    if (granted < money{} || applied < money{}) {
        throw domain_error("success rate: an amount applied for or granted cannot be negative " +
                           amounts);
    }
    if (applied == money{}) {
        throw domain_error("success rate: nothing applied for, so there is no rate " + amounts);
    }
    if (granted > applied) {
        throw domain_error("success rate: more granted than applied for " + amounts);
    }
    return ratio_of(granted, applied);
}

ratio relative_change(std::int64_t previous, std::int64_t current)
{
    const std::string values =
        "(from " + std::to_string(previous) + " to " + std::to_string(current) + ")";
    if (previous < 0 || current < 0) {
        throw domain_error("percent change: a count cannot be negative " + values);
    }
    if (previous == 0) {
        throw domain_error("percent change: the previous value is zero, so the change cannot be "
                           "a share of it " + values);
    }
    return ratio{current - previous, previous}; // both non-negative: the difference fits
}

ratio relative_change(money previous, money current)
{
    const std::string values =
        "(from " + amount_text(previous) + " to " + amount_text(current) + ")";
    if (previous == money{}) {
        throw domain_error("percent change: the previous value is zero, so the change cannot be "
                           "a share of it " + values);
    }
    if (previous < money{}) {
        throw domain_error("percent change: the previous value is negative, so the sign of a "
                           "change from it is ambiguous " + values);
    }
    return ratio_of(current - previous, previous);
}

ratio relative_change(arsarbetare previous, arsarbetare current)
{
    const std::string values = "(from " + to_string(previous) + " to " + to_string(current) +
                               " årsarbetare)";
    if (previous == arsarbetare{}) {
        throw domain_error("percent change: the previous value is zero, so the change cannot be "
                           "a share of it " + values);
    }
    if (previous < arsarbetare{}) {
        throw domain_error("percent change: the previous value is negative, so the sign of a "
                           "change from it is ambiguous " + values);
    }
    return ratio_of(current - previous, previous);
}

ratio relative_change(ratio previous, ratio current)
{
    const std::string values =
        "(from " + to_string(previous) + " to " + to_string(current) + ")";
    if (previous == ratio{}) {
        throw domain_error("percent change: the previous value is zero, so the change cannot be "
                           "a share of it " + values);
    }
    if (previous < ratio{}) {
        throw domain_error("percent change: the previous value is negative, so the sign of a "
                           "change from it is ambiguous " + values);
    }
    return (current - previous) / previous;
}

rounded_percent percent_change(std::int64_t previous, std::int64_t current, int decimals,
                               rounding_mode mode)
{
    return as_percent(relative_change(previous, current), decimals, mode);
}

rounded_percent percent_change(money previous, money current, int decimals, rounding_mode mode)
{
    return as_percent(relative_change(previous, current), decimals, mode);
}

rounded_percent percent_change(arsarbetare previous, arsarbetare current, int decimals,
                               rounding_mode mode)
{
    return as_percent(relative_change(previous, current), decimals, mode);
}

rounded_percent percent_change(ratio previous, ratio current, int decimals, rounding_mode mode)
{
    return as_percent(relative_change(previous, current), decimals, mode);
}

} // namespace ku
