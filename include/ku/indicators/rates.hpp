#pragma once
/// @file
/// Indicators as exact ratios and as percents rounded on purpose: the success rate of grant
/// applications (granted / applied, in count and in kronor) and the change from one period to
/// the next ((current − previous) / previous). Every percent says which rounding made it.

#include <cstdint>
#include <limits>
#include <string>

#include "ku/core/decimal_text.hpp"
#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/ratio.hpp"
#include "ku/core/rounding.hpp"
#include "ku/indicators/staffing.hpp"

namespace ku {

/// An exact value shown as a percent with a chosen number of decimals: `units()` counts
/// 10^-decimals percent (37 with 0 decimals is 37 %, 375 with 1 decimal is 37,5 %). Keeps the
/// exact value and the rounding mode used, so a report can say how the figure was rounded.
class rounded_percent {
public:
    /// The value in units of 10^-decimals() percent.
    [[nodiscard]] constexpr std::int64_t units() const noexcept { return units_; }
    /// How many decimals the percent is shown with (0–9).
    [[nodiscard]] constexpr int decimals() const noexcept { return decimals_; }
    /// The rounding mode that brought the exact value to units().
    [[nodiscard]] constexpr rounding_mode rounding() const noexcept { return rounding_; }
    /// The exact value before rounding, as a fraction of one (3/8 for 37,5 %).
    [[nodiscard]] constexpr ratio exact() const noexcept { return exact_; }
    /// Whether rounding changed the value (3/8 to 37 % did; 3/8 to 37,5 % did not).
    [[nodiscard]] constexpr bool is_rounded() const;

    /// Equal when value, decimals, rounding mode and exact value are all equal.
    friend constexpr bool operator==(const rounded_percent&, const rounded_percent&) noexcept = default;

private:
    friend rounded_percent as_percent(ratio value, int decimals, rounding_mode mode);
    constexpr rounded_percent(std::int64_t units, int decimals, rounding_mode mode,
                              ratio exact) noexcept
        : units_{units}, decimals_{decimals}, rounding_{mode}, exact_{exact}
    {
    }

    std::int64_t units_;
    int decimals_;
    rounding_mode rounding_;
    ratio exact_;
};

/// `value` (a fraction of one) as a percent with `decimals` decimals, rounded by `mode`:
/// 3/8 is 37 % down, 38 % half-up, 37,5 % with one decimal. Throws ku::domain_error for
/// decimals outside 0–9, ku::overflow_error when the percent does not fit 64 bits.
[[nodiscard]] rounded_percent as_percent(ratio value, int decimals, rounding_mode mode);

/// Swedish form with a comma and " %": "37 %", "37,5 %", "-12,50 %", "0,0 %".
[[nodiscard]] std::string to_string(const rounded_percent& p);

/// The percent and how it was rounded: "37 % (exact 3/8, rounded down)", "38 % (exact 3/8,
/// rounded half-up)", "37,5 % (exact)" when no rounding was needed.
[[nodiscard]] std::string describe(const rounded_percent& p);

/// The exact success rate of grant applications by count: granted / applied (3 of 8 is 3/8).
/// Throws ku::domain_error naming both counts when `applied` is zero (no rate exists), when
/// either is negative, or when more were granted than applied for.
[[nodiscard]] ratio success_rate(std::int64_t granted_count, std::int64_t applied_count);

/// The exact success rate in kronor: granted / applied (1 250 000 kr of 4 000 000 kr is 5/16).
/// Throws ku::domain_error naming both amounts when `applied` is zero, when either is negative,
/// or when more was granted than applied for.
[[nodiscard]] ratio success_rate(money granted, money applied);

/// The exact relative change (current − previous) / previous of a count (8 → 10 is 1/4).
/// Throws ku::domain_error naming both values when `previous` is zero (no change can be
/// expressed as a share of nothing) or either count is negative.
[[nodiscard]] ratio relative_change(std::int64_t previous, std::int64_t current);

/// The exact relative change (current − previous) / previous of an amount. Throws
/// ku::domain_error naming both amounts when `previous` is zero, and when it is negative
/// (a change from a deficit has no agreed sign); ku::overflow_error if it does not fit.
[[nodiscard]] ratio relative_change(money previous, money current);

/// The exact relative change (current − previous) / previous of a staffing count. Throws
/// ku::domain_error naming both values when `previous` is zero or negative.
[[nodiscard]] ratio relative_change(arsarbetare previous, arsarbetare current);

/// The exact relative change of a positive ratio (e.g. a success rate going from 1/4 to 3/8 is
/// +50 %; for the difference in percentage points subtract the ratios instead). Throws
/// ku::domain_error when `previous` is zero or negative.
[[nodiscard]] ratio relative_change(ratio previous, ratio current);

/// The change from `previous` to `current` as a percent with `decimals` decimals rounded by
/// `mode` (8 → 10 is 25 %): as_percent(relative_change(previous, current), decimals, mode).
/// Throws what relative_change and as_percent throw.
[[nodiscard]] rounded_percent percent_change(std::int64_t previous, std::int64_t current,
                                             int decimals, rounding_mode mode);
/// The change between two amounts as a rounded percent; see relative_change(money, money).
[[nodiscard]] rounded_percent percent_change(money previous, money current, int decimals,
                                             rounding_mode mode);
/// The change between two staffing counts as a rounded percent.
[[nodiscard]] rounded_percent percent_change(arsarbetare previous, arsarbetare current,
                                             int decimals, rounding_mode mode);
/// The relative change of a ratio (a success rate) as a rounded percent.
[[nodiscard]] rounded_percent percent_change(ratio previous, ratio current, int decimals,
                                             rounding_mode mode);

namespace detail::rates_impl {

/// 100 × 10^decimals: how many units of a percent with `decimals` decimals make one whole.
constexpr int128 units_per_whole(int decimals)
{
    int128 scale = 100;
    for (int i = 0; i < decimals; ++i) {
        scale *= 10;
    }
    return scale;
}

inline std::string amount_text(money amount) { return format_swedish(amount); }

} // namespace detail::rates_impl

inline rounded_percent as_percent(ratio value, int decimals, rounding_mode mode)
{
    if (decimals < 0 || decimals > 9) {
        throw domain_error("as_percent: " + std::to_string(decimals) +
                           " decimals for " + to_string(value) + "; choose 0 to 9");
    }
    // |num| < 2^63 and the scale is at most 10^11 < 2^37, so the product fits 128 bits.
    const int128 units = divide_rounded(int128{value.num()} * detail::rates_impl::units_per_whole(decimals),
                                        value.den(), mode);
    constexpr auto limit = std::numeric_limits<std::int64_t>::max();
    if (units > limit || units < -limit) {
        throw overflow_error("as_percent: " + to_string(value) + " with " +
                             std::to_string(decimals) + " decimals does not fit 64 bits");
    }
    return rounded_percent{static_cast<std::int64_t>(units), decimals, mode, value};
}

constexpr bool rounded_percent::is_rounded() const
{
    // units / scale == num / den  ⇔  units × den == num × scale; both sides fit 128 bits.
    return int128{units_} * exact_.den() !=
           int128{exact_.num()} * detail::rates_impl::units_per_whole(decimals_);
}

inline std::string to_string(const rounded_percent& p)
{
    return decimal_text(p.units(), p.decimals(), {.point = ','}) + " %";
}

inline std::string describe(const rounded_percent& p)
{
    if (!p.is_rounded()) {
        return to_string(p) + " (exact)";
    }
    return to_string(p) + " (exact " + to_string(p.exact()) + ", rounded " +
           std::string{to_string(p.rounding())} + ")";
}

inline ratio success_rate(std::int64_t granted_count, std::int64_t applied_count)
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

inline ratio success_rate(money granted, money applied)
{
    const std::string amounts =
        "(" + detail::rates_impl::amount_text(granted) + " granted of " +
        detail::rates_impl::amount_text(applied) + " applied for)";
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

inline ratio relative_change(std::int64_t previous, std::int64_t current)
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

inline ratio relative_change(money previous, money current)
{
    const std::string values =
        "(from " + detail::rates_impl::amount_text(previous) + " to " + detail::rates_impl::amount_text(current) +
        ")";
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

inline ratio relative_change(arsarbetare previous, arsarbetare current)
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

inline ratio relative_change(ratio previous, ratio current)
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

inline rounded_percent percent_change(std::int64_t previous, std::int64_t current, int decimals,
                                      rounding_mode mode)
{
    return as_percent(relative_change(previous, current), decimals, mode);
}

inline rounded_percent percent_change(money previous, money current, int decimals, rounding_mode mode)
{
    return as_percent(relative_change(previous, current), decimals, mode);
}

inline rounded_percent percent_change(arsarbetare previous, arsarbetare current, int decimals,
                                      rounding_mode mode)
{
    return as_percent(relative_change(previous, current), decimals, mode);
}

inline rounded_percent percent_change(ratio previous, ratio current, int decimals, rounding_mode mode)
{
    return as_percent(relative_change(previous, current), decimals, mode);
}

} // namespace ku
