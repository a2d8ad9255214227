#pragma once
/// @file
/// ku::decimal_text: the one place an exact value becomes decimal text. A value is a count of
/// units and a number of decimals (12345 with 2 decimals is 123.45); the text keeps every one
/// of those decimals unless the style trims them, so nothing is rounded here: a caller that
/// wants fewer decimals rounds first (ku::divide_rounded) and passes the rounded count.

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>
#include <gsl/assert>

#include "ku/core/rounding.hpp"

namespace ku {

/// How decimal_text lays out a number: the decimal point, thousands groups and trailing zeros.
/// The minus sign is "-" (ASCII); decimal_text never writes one for zero.
struct decimal_style {
    char point = '.'; ///< the decimal separator: '.' (plain, machine form) or ',' (Swedish)
    bool group_thousands = false; ///< a space between each three digits of the whole part: "1 234 567"
    /// Drop the fraction's trailing zeros, and the point when none remain: "12.50" → "12.5", "3.00" → "3".
    bool trim_zeros = false;

    /// Plain machine form: '.' as point, no groups, every decimal kept ("-1234567.50").
    [[nodiscard]] static constexpr decimal_style plain() noexcept { return {}; }
    /// Swedish form: ',' as point, a space every three digits, every decimal kept ("-1 234 567,50").
    [[nodiscard]] static constexpr decimal_style swedish() noexcept
    {
        return {.point = ',', .group_thousands = true, .trim_zeros = false};
    }
};

namespace detail::decimal_text_impl {

__extension__ using uint128 = unsigned __int128;

/// The decimal digits of an unsigned magnitude, most significant first ("0" for zero).
template <typename Unsigned>
[[nodiscard]] constexpr std::string magnitude_digits(Unsigned magnitude)
{
    std::array<char, 40> buffer{}; // 2^128 has 39 digits
    std::size_t begin = buffer.size();
    do {
        buffer[--begin] = static_cast<char>('0' + static_cast<int>(magnitude % 10U));
        magnitude /= 10U;
    } while (magnitude != 0U);
    return std::string(buffer.data() + begin, buffer.size() - begin);
}

/// Lays out the digits of a magnitude (`digits`, at least one) as `decimals` of them after the
/// point, in `style`, with "-" in front when `negative`. Zeros are put in front until there is
/// one before the point (5 with 2 decimals is "0.05"); the digits are otherwise kept as given.
[[nodiscard]] constexpr std::string lay_out(bool negative, std::string_view digits, std::size_t decimals,
                                            decimal_style style)
{
    std::string padded(digits.size() > decimals ? 0 : decimals + 1 - digits.size(), '0');
    padded += digits;
    const std::string_view all{padded};
    const std::string_view whole = all.substr(0, all.size() - decimals);
    std::string_view fraction = all.substr(whole.size());
    if (style.trim_zeros) {
        while (fraction.ends_with('0')) {
            fraction.remove_suffix(1);
        }
    }
    std::string text;
    text.reserve(1 + whole.size() + whole.size() / 3 + 1 + fraction.size());
    if (negative) {
        text += '-';
    }
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (style.group_thousands && i > 0 && (whole.size() - i) % 3 == 0) {
            text += ' ';
        }
        text += whole[i];
    }
    if (!fraction.empty()) {
        text += style.point;
        text += fraction;
    }
    return text;
}

/// The decimals as a count of digits; a negative count is a contract violation.
[[nodiscard]] constexpr std::size_t decimal_count(int decimals)
{
    Expects(decimals >= 0);
    return static_cast<std::size_t>(decimals);
}

/// Whether `text` is a plain decimal: an optional '-', digits, optionally '.' and digits.
[[nodiscard]] constexpr bool is_plain_decimal(std::string_view text) noexcept
{
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = text.starts_with('-') ? 1 : 0;
    const std::size_t digits_start = i;
    while (i < text.size() && is_digit(text[i])) {
        ++i;
    }
    if (i == digits_start) {
        return false;
    }
    if (i == text.size()) {
        return true;
    }
    if (text[i] != '.' || i + 1 == text.size()) {
        return false;
    }
    for (++i; i < text.size(); ++i) {
        if (!is_digit(text[i])) {
            return false;
        }
    }
    return true;
}

} // namespace detail::decimal_text_impl

/// units / 10^decimals as exact decimal text in `style`: (-12345, 2) is "-123.45", (5, 2) is
/// "0.05", (1234567, 0) Swedish is "1 234 567". Every value of std::int64_t, INT64_MIN too.
/// Negative `decimals` is a contract violation (gsl::Expects); any other count is allowed.
[[nodiscard]] constexpr std::string decimal_text(std::int64_t units, int decimals,
                                                 decimal_style style = decimal_style::plain())
{
    const auto magnitude = units < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(units)
                                     : static_cast<std::uint64_t>(units);
    return detail::decimal_text_impl::lay_out(units < 0, detail::decimal_text_impl::magnitude_digits(magnitude),
                                              detail::decimal_text_impl::decimal_count(decimals), style);
}

/// units / 10^decimals as exact decimal text in `style`, for a ku::int128 count (every value,
/// the most negative too). Negative `decimals` is a contract violation.
[[nodiscard]] constexpr std::string decimal_text(int128 units, int decimals,
                                                 decimal_style style = decimal_style::plain())
{
    using detail::decimal_text_impl::uint128;
    const auto magnitude = units < 0 ? uint128{0} - static_cast<uint128>(units) : static_cast<uint128>(units);
    return detail::decimal_text_impl::lay_out(units < 0, detail::decimal_text_impl::magnitude_digits(magnitude),
                                              detail::decimal_text_impl::decimal_count(decimals), style);
}

/// units / 10^decimals as exact decimal text in `style`, for a count of any size.
/// Negative `decimals` is a contract violation.
[[nodiscard]] inline std::string decimal_text(const boost::multiprecision::cpp_int& units, int decimals,
                                              decimal_style style = decimal_style::plain())
{
    const boost::multiprecision::cpp_int magnitude = abs(units);
    return detail::decimal_text_impl::lay_out(units < 0, magnitude.str(),
                                              detail::decimal_text_impl::decimal_count(decimals), style);
}

/// decimal_text for another signed count of at most 64 bits (int, short, long long), as its
/// std::int64_t value. Negative `decimals` is a contract violation.
template <std::signed_integral I>
    requires(sizeof(I) <= sizeof(std::int64_t))
[[nodiscard]] constexpr std::string decimal_text(I units, int decimals, decimal_style style = decimal_style::plain())
{
    return decimal_text(static_cast<std::int64_t>(units), decimals, style);
}

/// A plain decimal text (an optional '-', digits, optionally '.' and digits: "-1234.50") laid
/// out in `style` digit for digit ("-1 234,50" in Swedish); the sign and any leading zeros are
/// kept as written. Any other text ("100/3", "") is returned unchanged. Throws only std::bad_alloc.
[[nodiscard]] constexpr std::string restyle_decimal(std::string_view plain, decimal_style style)
{
    if (!detail::decimal_text_impl::is_plain_decimal(plain)) {
        return std::string{plain};
    }
    const bool negative = plain.starts_with('-');
    const std::string_view body = plain.substr(negative ? 1 : 0);
    const std::size_t point = body.find('.');
    if (point == std::string_view::npos) {
        return detail::decimal_text_impl::lay_out(negative, body, 0, style);
    }
    std::string digits{body.substr(0, point)};
    digits += body.substr(point + 1);
    return detail::decimal_text_impl::lay_out(negative, digits, body.size() - point - 1, style);
}

} // namespace ku
