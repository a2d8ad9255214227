#pragma once
/// @file
/// ku::ratio, an exact fraction (a population share, a fraction of a fee), and the exact
/// scaling of an amount by one, which always takes an explicit rounding mode.

#include <compare>
#include <concepts>
#include <limits>
#include <cstdint>
#include <numeric>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>

#include "ku/core/detail/scanner.hpp"
#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/rounding.hpp"

namespace ku {

/// An exact rational number num/den in lowest terms with den > 0, both 64-bit.
/// Arithmetic is done in 128 bits and reduced; a result that still does not fit 64 bits
/// throws ku::overflow_error. Use to_rational() for unbounded exact work.
class ratio {
public:
    /// Zero.
    constexpr ratio() noexcept = default;

    /// The fraction numerator/denominator, reduced. Throws ku::domain_error for a zero
    /// denominator and ku::overflow_error when the sign cannot be normalised.
    constexpr ratio(std::int64_t numerator, std::int64_t denominator)
    {
        if (denominator == 0) {
            throw domain_error("ratio: the denominator is zero");
        }
        *this = reduce(numerator, denominator);
    }

    template <std::floating_point F>
    ratio(F) = delete; // a ratio is exact: pass a numerator and a denominator, or parse a decimal text

    /// A whole number as a ratio (n/1).
    [[nodiscard]] static constexpr ratio whole(std::int64_t n) { return ratio{n, 1}; }

    /// Reads "3/10", "0,15", "0.15", "-2" or "12,5 %" (a percent sign divides by 100).
    /// Throws ku::parse_error naming the text, position and `where`.
    [[nodiscard]] static ratio parse(std::string_view text, std::string_view where = {});

    /// The numerator, in lowest terms; it carries the sign.
    [[nodiscard]] constexpr std::int64_t num() const noexcept { return num_; }
    /// The denominator, in lowest terms; always positive.
    [[nodiscard]] constexpr std::int64_t den() const noexcept { return den_; }

    /// The exact value as an unbounded Boost.Multiprecision rational.
    [[nodiscard]] boost::multiprecision::cpp_rational to_rational() const
    {
        return boost::multiprecision::cpp_rational{num_, den_};
    }

    /// The exact sum; throws ku::overflow_error when it does not fit 64 bits.
    [[nodiscard]] friend constexpr ratio operator+(ratio a, ratio b)
    {
        return reduce(int128{a.num_} * b.den_ + int128{b.num_} * a.den_, int128{a.den_} * b.den_);
    }
    /// The exact difference; throws ku::overflow_error when it does not fit 64 bits.
    [[nodiscard]] friend constexpr ratio operator-(ratio a, ratio b)
    {
        return reduce(int128{a.num_} * b.den_ - int128{b.num_} * a.den_, int128{a.den_} * b.den_);
    }
    /// The exact product; throws ku::overflow_error when it does not fit 64 bits.
    [[nodiscard]] friend constexpr ratio operator*(ratio a, ratio b)
    {
        return reduce(int128{a.num_} * b.num_, int128{a.den_} * b.den_);
    }
    /// Throws ku::domain_error when dividing by zero.
    [[nodiscard]] friend constexpr ratio operator/(ratio a, ratio b)
    {
        if (b.num_ == 0) {
            throw domain_error("ratio: division by zero");
        }
        return reduce(int128{a.num_} * b.den_, int128{a.den_} * b.num_);
    }
    /// The negation.
    [[nodiscard]] constexpr ratio operator-() const { return reduce(-int128{num_}, den_); }

    /// Ordered by exact value.
    [[nodiscard]] friend constexpr std::strong_ordering operator<=>(ratio a, ratio b) noexcept
    {
        return int128{a.num_} * b.den_ <=> int128{b.num_} * a.den_;
    }
    /// Equal when the values are (both are in lowest terms).
    friend constexpr bool operator==(ratio, ratio) noexcept = default;

private:
    [[nodiscard]] static constexpr int128 gcd128(int128 a, int128 b) noexcept
    {
        a = a < 0 ? -a : a;
        b = b < 0 ? -b : b;
        while (b != 0) {
            const int128 t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    [[nodiscard]] static constexpr ratio reduce(int128 numerator, int128 denominator)
    {
        if (denominator < 0) {
            numerator = -numerator;
            denominator = -denominator;
        }
        const int128 divisor = numerator == 0 ? denominator : gcd128(numerator, denominator);
        numerator /= divisor;
        denominator /= divisor;
        constexpr auto limit = std::numeric_limits<std::int64_t>::max();
        if (numerator > limit || numerator < -limit || denominator > limit) {
            throw overflow_error("ratio: the exact result does not fit 64-bit numerator and denominator");
        }
        ratio r;
        r.num_ = static_cast<std::int64_t>(numerator);
        r.den_ = static_cast<std::int64_t>(denominator);
        return r;
    }

    std::int64_t num_{0};
    std::int64_t den_{1};
};

namespace detail::ratio_io_impl {

/// Reads an unsigned run of digits (at most 18, so it fits 64 bits); returns the digit count.
inline int read_digits(detail::scanner& s, std::int64_t& value, std::string_view text,
                       std::string_view where)
{
    int count = 0;
    while (s.peek_digit()) {
        if (++count > 18) {
            throw parse_error(text, s.position(), "too many digits for an exact ratio", where);
        }
        value = value * 10 + (s.peek() - '0');
        (void)s.take();
    }
    return count;
}

} // namespace detail::ratio_io_impl

inline ratio ratio::parse(std::string_view text, std::string_view where)
{
    const auto fail = [&](std::size_t position, std::string_view reason) {
        return parse_error{text, position, reason, where};
    };
    if (detail::trim(text).empty()) {
        throw fail(0, "a ratio is empty");
    }
    detail::scanner s{text};
    detail::skip_spaces(s);
    const bool negative = detail::accept_sign(s);
    std::int64_t numerator = 0;
    std::int64_t denominator = 1;
    const int leading_digits = detail::ratio_io_impl::read_digits(s, numerator, text, where);
    if (leading_digits == 0) {
        throw fail(s.position(), "expected a digit");
    }
    // Thousands groups, as in "9 309" or "146 197": a space (or U+00A0, U+202F) and three digits.
    for (bool grouped = false;;) {
        detail::scanner look = s;
        if (!detail::accept_space(look) || !look.peek_digit()) {
            break;
        }
        if (!grouped && leading_digits > 3) {
            throw fail(s.position(), "a thousands separator must follow a group of one to three digits");
        }
        std::int64_t group = 0;
        const std::size_t group_start = look.position();
        if (detail::ratio_io_impl::read_digits(look, group, text, where) != 3) {
            throw fail(group_start, "a thousands group has three digits");
        }
        if (numerator > (std::numeric_limits<std::int64_t>::max() - group) / 1000) {
            throw fail(group_start, "too many digits for an exact ratio");
        }
        numerator = numerator * 1000 + group;
        grouped = true;
        s = look;
    }
    if (s.peek() == ',' || s.peek() == '.') {
        (void)s.take();
        int decimals = 0;
        while (s.peek_digit()) {
            const int digit = s.peek() - '0';
            if (++decimals > 17 || numerator > (std::numeric_limits<std::int64_t>::max() - digit) / 10) {
                throw fail(s.position(), "too many digits for an exact ratio");
            }
            numerator = numerator * 10 + digit;
            denominator *= 10;
            (void)s.take();
        }
        if (decimals == 0) {
            throw fail(s.position(), "expected a digit after the decimal separator");
        }
    } else if (s.accept("/")) {
        denominator = 0;
        if (detail::ratio_io_impl::read_digits(s, denominator, text, where) == 0) {
            throw fail(s.position(), "expected the denominator's digits after '/'");
        }
        if (denominator == 0) {
            throw fail(s.position() - 1, "the denominator is zero");
        }
    }
    detail::skip_spaces(s);
    bool percent = false;
    if (s.accept("%")) {
        percent = true;
        if (denominator > std::numeric_limits<std::int64_t>::max() / 100) {
            throw fail(s.position() - 1, "too many digits for an exact ratio");
        }
        denominator *= 100;
    }
    detail::skip_spaces(s);
    if (!s.done()) {
        throw fail(s.position(), "unexpected " + detail::quote_char(s.peek_code_point()) +
                                     (percent ? "" : "; expected 3/10, 0,15 or 15 %"));
    }
    return ratio{negative ? -numerator : numerator, denominator};
}

/// "3/10" for a fraction, "2" for a whole number.
[[nodiscard]] inline std::string to_string(ratio r)
{
    std::string text = std::to_string(r.num());
    if (r.den() != 1) {
        text += "/" + std::to_string(r.den());
    }
    return text;
}

/// amount × factor, rounded to a whole number of `u` by `mode` (e.g. 10 % of a fee, to whole
/// kronor, half-up). Exact in 128 bits; throws ku::overflow_error if the result leaves the range.
[[nodiscard]] constexpr money multiply(money amount, ratio factor, rounding_mode mode,
                                       unit u = unit::ore)
{
    // In 64 bits when amount × num and den × step fit (one hardware division), else in 128.
    const std::int64_t step64 = ore_per(u);
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
    if (!__builtin_mul_overflow(amount.in_ore(), factor.num(), &numerator) &&
        !__builtin_mul_overflow(factor.den(), step64, &denominator) &&
        numerator != std::numeric_limits<std::int64_t>::min()) {
        const std::int64_t units = rounded_quotient<std::int64_t>(numerator, denominator, mode);
        std::int64_t product = 0;
        if (__builtin_mul_overflow(units, step64, &product)) {
            detail::throw_money_overflow("multiply(money, ratio)");
        }
        return money::ore(detail::checked_ore(product, "multiply(money, ratio)"));
    }
    const int128 step = step64;
    const int128 units = divide_rounded(int128{amount.in_ore()} * factor.num(),
                                        int128{factor.den()} * step, mode);
    return money::ore(detail::checked_ore(units * step, "multiply(money, ratio)"));
}

/// amount ÷ divisor, rounded to a whole number of `u` by `mode`. Throws ku::domain_error for a
/// zero divisor and ku::overflow_error if the result leaves the range.
[[nodiscard]] constexpr money divide(money amount, ratio divisor, rounding_mode mode,
                                     unit u = unit::ore)
{
    if (divisor.num() == 0) {
        throw domain_error("divide(money, ratio): division by zero");
    }
    const int128 step = ore_per(u);
    const int128 units = divide_rounded(int128{amount.in_ore()} * divisor.den(),
                                        int128{divisor.num()} * step, mode);
    return money::ore(detail::checked_ore(units * step, "divide(money, ratio)"));
}

/// The exact ratio of two amounts (a part of a total). Throws ku::domain_error when `whole`
/// is zero and ku::overflow_error if the reduced fraction does not fit.
[[nodiscard]] constexpr ratio ratio_of(money part, money whole)
{
    if (whole.in_ore() == 0) {
        throw domain_error("ratio_of(money, money): the whole is zero");
    }
    return ratio{part.in_ore(), whole.in_ore()};
}

} // namespace ku
