#pragma once
/// @file
/// Percent rows: exact shares shown as whole percents (or a chosen number of decimals) that sum
/// to exactly 100, by largest remainder through ku::apportion, beside the plain per-cell
/// rounding for comparison.

#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <gsl/assert>

#include "ku/allocation/apportion.hpp"
#include "ku/allocation/method.hpp"
#include "ku/core/decimal_text.hpp"
#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/rounding.hpp"

namespace ku {

/// An exact share of a whole (0,3478…), or percent points, as an unbounded rational; may be
/// negative (a difference). There is no way in from floating point.
class exact_share {
public:
    using integer = boost::multiprecision::cpp_int; ///< the type of numerator and denominator

    /// Zero.
    exact_share() = default;
    /// The whole number `n` (1 is the whole).
    template <count_integer I>
    exact_share(I n) : value_{n} // NOLINT(google-explicit-constructor): an integer is an exact share
    {
    }
    /// The whole number `n`.
    exact_share(const integer& n) : value_{n} {} // NOLINT(google-explicit-constructor): exact
    /// numerator / denominator (reduced); throws ku::domain_error for a zero denominator.
    template <count_integer N, count_integer D>
    exact_share(N numerator, D denominator) : exact_share{integer{numerator}, integer{denominator}}
    {
    }
    /// numerator / denominator (reduced); throws ku::domain_error for a zero denominator.
    exact_share(const integer& numerator, const integer& denominator);
    /// The rational `value`.
    explicit exact_share(boost::multiprecision::cpp_rational value) : value_{std::move(value)} {}

    exact_share(double) = delete; // a share is exact: pass integers (exact_share{1, 3}) or a cpp_rational
    exact_share(float) = delete; // a share is exact: pass integers (exact_share{1, 3}) or a cpp_rational
    exact_share(long double) = delete; // a share is exact: pass integers (exact_share{1, 3}) or a cpp_rational
    template <std::integral I>
        requires(!count_integer<I>)
    exact_share(I) = delete; // a bool or a character is not a number
    exact_share& operator=(double) = delete; // a share is exact: assign integers or an exact_share
    exact_share& operator=(float) = delete; // a share is exact: assign integers or an exact_share
    exact_share& operator=(long double) = delete; // a share is exact: assign integers or an exact_share
    /// Becomes the whole number `n`.
    template <count_integer I>
    exact_share& operator=(I n)
    {
        value_ = n;
        return *this;
    }

    /// The numerator in lowest terms; carries the sign.
    [[nodiscard]] integer numerator() const { return boost::multiprecision::numerator(value_); }
    /// The denominator in lowest terms; always positive.
    [[nodiscard]] integer denominator() const { return boost::multiprecision::denominator(value_); }
    /// The value as Boost's cpp_rational.
    [[nodiscard]] const boost::multiprecision::cpp_rational& value() const noexcept { return value_; }

    /// The negated share.
    [[nodiscard]] exact_share operator-() const { return exact_share{boost::multiprecision::cpp_rational{-value_}}; }
    /// The share itself.
    [[nodiscard]] exact_share operator+() const { return *this; }

    /// The exact sum.
    [[nodiscard]] friend exact_share operator+(const exact_share& a, const exact_share& b) { return of(a.value_ + b.value_); }
    /// The exact difference.
    [[nodiscard]] friend exact_share operator-(const exact_share& a, const exact_share& b) { return of(a.value_ - b.value_); }
    /// The exact product.
    [[nodiscard]] friend exact_share operator*(const exact_share& a, const exact_share& b) { return of(a.value_ * b.value_); }
    /// The exact quotient (a zero divisor throws as cpp_rational does).
    [[nodiscard]] friend exact_share operator/(const exact_share& a, const exact_share& b) { return of(a.value_ / b.value_); }
    /// The share plus an integer.
    template <count_integer I>
    [[nodiscard]] friend exact_share operator+(const exact_share& a, I n) { return of(a.value_ + n); }
    /// An integer plus the share.
    template <count_integer I>
    [[nodiscard]] friend exact_share operator+(I n, const exact_share& a) { return of(n + a.value_); }
    /// The share minus an integer.
    template <count_integer I>
    [[nodiscard]] friend exact_share operator-(const exact_share& a, I n) { return of(a.value_ - n); }
    /// An integer minus the share.
    template <count_integer I>
    [[nodiscard]] friend exact_share operator-(I n, const exact_share& a) { return of(n - a.value_); }
    /// The share times an integer.
    template <count_integer I>
    [[nodiscard]] friend exact_share operator*(const exact_share& a, I n) { return of(a.value_ * n); }
    /// An integer times the share.
    template <count_integer I>
    [[nodiscard]] friend exact_share operator*(I n, const exact_share& a) { return of(n * a.value_); }
    /// The share divided by an integer.
    template <count_integer I>
    [[nodiscard]] friend exact_share operator/(const exact_share& a, I n) { return of(a.value_ / n); }
    /// An integer divided by the share.
    template <count_integer I>
    [[nodiscard]] friend exact_share operator/(I n, const exact_share& a) { return of(n / a.value_); }

    /// Adds `other`.
    exact_share& operator+=(const exact_share& other) { return *this = *this + other; }
    /// Subtracts `other`.
    exact_share& operator-=(const exact_share& other) { return *this = *this - other; }
    /// Multiplies by `other`.
    exact_share& operator*=(const exact_share& other) { return *this = *this * other; }
    /// Divides by `other`.
    exact_share& operator/=(const exact_share& other) { return *this = *this / other; }
    /// Adds an integer.
    template <count_integer I>
    exact_share& operator+=(I n) { return *this = *this + n; }
    /// Subtracts an integer.
    template <count_integer I>
    exact_share& operator-=(I n) { return *this = *this - n; }
    /// Multiplies by an integer.
    template <count_integer I>
    exact_share& operator*=(I n) { return *this = *this * n; }
    /// Divides by an integer.
    template <count_integer I>
    exact_share& operator/=(I n) { return *this = *this / n; }

    /// Ordered by value.
    friend std::strong_ordering operator<=>(const exact_share& a, const exact_share& b) { return a.value_.compare(b.value_) <=> 0; }
    /// Ordered by value against an integer.
    template <count_integer I>
    friend std::strong_ordering operator<=>(const exact_share& a, I n) { return a.value_.compare(n) <=> 0; }
    /// Equal when the values are.
    friend bool operator==(const exact_share& a, const exact_share& b) { return a.value_ == b.value_; }
    /// Equal when the value is the integer `n`.
    template <count_integer I>
    friend bool operator==(const exact_share& a, I n) { return a.value_ == n; }

private:
    [[nodiscard]] static exact_share of(boost::multiprecision::cpp_rational value) { return exact_share{std::move(value)}; }

    boost::multiprecision::cpp_rational value_{0};
};

inline exact_share::exact_share(const integer& numerator, const integer& denominator)
{
    if (denominator == 0) {
        throw domain_error("exact share: " + numerator.str() + "/0 has a zero denominator");
    }
    // Boost 1.74's cpp_rational refuses a negative denominator: carry the sign on top.
    value_ = denominator < 0 ? boost::multiprecision::cpp_rational{integer{-numerator}, integer{-denominator}}
                             : boost::multiprecision::cpp_rational{numerator, denominator};
}

/// A percent with a fixed number of decimals: units() counts units of 10^-decimals() percent
/// ("34" with 0 decimals, "34,8" as 348 with 1 decimal); never negative, 0 to 6 decimals.
class percent {
public:
    /// 0 % with no decimals.
    constexpr percent() noexcept = default;
    /// `units` units of 10^-decimals percent; throws ku::domain_error, naming both, for a negative
    /// count or decimals outside 0–6.
    percent(std::int64_t units, int decimals);

    /// The value in units of 10^-decimals() percent.
    [[nodiscard]] constexpr std::int64_t units() const noexcept { return units_; }
    /// How many decimals are shown (0–6).
    [[nodiscard]] constexpr int decimals() const noexcept { return decimals_; }

    /// Plain machine form with '.': "34", "34.8".
    [[nodiscard]] std::string to_plain() const;
    /// Swedish form with ',' and the sign: "34 %", "34,8 %".
    [[nodiscard]] std::string to_swedish() const;
    /// Equal when units and decimals are (34 and 34,0 differ).
    friend bool operator==(const percent&, const percent&) = default;

private:
    std::int64_t units_ = 0;
    int decimals_ = 0;
};

/// How a row of shares becomes percents.
enum class percent_rounding : std::uint8_t {
    largest_remainder, ///< floor each, the spare units to the largest remainders: sums to 100
    each_cell,         ///< each cell rounded half-up on its own, as published tables do
};

/// The shares (which must sum to 1, or all be zero for an empty row) as percents with
/// `decimals` decimals, through ku::apportion of 100 × 10^decimals units by the weights share ×
/// common denominator, keyed by cell: largest_remainder sums to exactly 100 and, by apportion's
/// tie rule, gives equal remainders to the larger share, then the earlier cell; each_cell is
/// round_each (half-up). Throws ku::domain_error for a negative share, shares that do not sum
/// to 1, or decimals outside 0–6.
[[nodiscard]] std::vector<percent> to_percents(std::span<const exact_share> shares, int decimals = 0,
                                               percent_rounding rounding = percent_rounding::largest_remainder);

inline percent::percent(std::int64_t units, int decimals) : units_{units}, decimals_{decimals}
{
    if (units < 0 || decimals < 0 || decimals > 6) {
        throw domain_error("percent: " + std::to_string(units) + " units with " + std::to_string(decimals) +
                           " decimals; the units are never negative and the decimals 0 to 6");
    }
}

inline std::string percent::to_plain() const { return decimal_text(units_, decimals_); }

inline std::string percent::to_swedish() const
{
    return decimal_text(units_, decimals_, {.point = ','}) + " %";
}

inline std::vector<percent> to_percents(std::span<const exact_share> shares, int decimals, percent_rounding rounding)
{
    using boost::multiprecision::cpp_int;
    if (decimals < 0 || decimals > 6) {
        throw domain_error("percents: " + std::to_string(decimals) + " decimals; choose 0 to 6");
    }
    exact_share total = 0;
    for (const exact_share& share : shares) {
        if (share < 0) {
            throw domain_error("percents: a share is negative");
        }
        total += share;
    }
    if (total == 0) {
        return std::vector<percent>(shares.size(), percent{0, decimals}); // an empty row: every cell 0
    }
    if (total != 1) {
        throw domain_error("percents: the shares sum to " + total.value().str() + ", not to 1");
    }
    std::int64_t whole = 100;
    for (int i = 0; i < decimals; ++i) {
        whole *= 10;
    }
    // share_i = weight_i / common with common the least common denominator, so the weights
    // sum to common (which may exceed 64 bits: the weights are cpp_int, exactly).
    cpp_int common = 1;
    for (const exact_share& share : shares) {
        common = boost::multiprecision::lcm(common, share.denominator());
    }
    std::vector<cpp_int> weights;
    weights.reserve(shares.size());
    std::vector<std::uint64_t> keys(shares.size());
    for (std::size_t i = 0; i < shares.size(); ++i) {
        weights.emplace_back(shares[i].numerator() * (common / shares[i].denominator()));
        keys[i] = i; // the earlier cell first among equal remainders and equal shares
    }
    std::vector<std::int64_t> units(shares.size());
    basic_apportion_scratch<cpp_int> scratch;
    const allocation_method method = rounding == percent_rounding::largest_remainder
                                         ? allocation_method::largest_remainder
                                         : allocation_method::round_each;
    // round_each's residual (the row's miss of 100) is not kept: each cell stands on its own.
    (void)apportion<cpp_int>(method, whole, weights, keys, units, scratch);
    std::vector<percent> result;
    result.reserve(shares.size());
    for (const std::int64_t u : units) {
        result.emplace_back(u, decimals);
    }
    return result;
}

/// `value` in percent written with `decimals` decimals and a comma, exactly when it fits
/// `decimals` + 3 decimals, else cut there and followed by "…": "16,666…", "50".
[[nodiscard]] std::string approximate_percent_text(const exact_share& value, int decimals);

inline std::string approximate_percent_text(const exact_share& value, int decimals)
{
    Expects(decimals >= 0);
    using boost::multiprecision::cpp_int;
    const int shown = decimals + 3;
    exact_share scaled = value;
    for (int d = 0; d < shown; ++d) {
        scaled *= 10;
    }
    const cpp_int units = scaled.numerator() / scaled.denominator(); // toward zero
    const bool exact = exact_share{units} == scaled;
    // Drop the trailing zeros of an exact value down to the decimals it was written with.
    cpp_int kept = units;
    int kept_decimals = shown;
    while (exact && kept_decimals > decimals && kept % 10 == 0) {
        kept /= 10;
        --kept_decimals;
    }
    std::string text = decimal_text(kept, kept_decimals, {.point = ','});
    if (!exact) {
        if (units == 0 && value < 0) {
            text = "-" + text;
        }
        text += "…";
    }
    return text;
}

} // namespace ku
