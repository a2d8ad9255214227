// Parsing and formatting of ratios and rates.

#include <string>

#include "ku/core/rate.hpp"
#include "ku/core/ratio.hpp"
#include "text.hpp"

namespace ku {

namespace {

/// Reads an unsigned run of digits (at most 18, so it fits 64 bits); returns the digit count.
int read_digits(detail::scanner& s, std::int64_t& value, std::string_view text,
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

} // namespace

ratio ratio::parse(std::string_view text, std::string_view where)
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
    const int leading_digits = read_digits(s, numerator, text, where);
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
        if (read_digits(look, group, text, where) != 3) {
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
        if (read_digits(s, denominator, text, where) == 0) {
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

std::string to_string(ratio r)
{
    std::string text = std::to_string(r.num());
    if (r.den() != 1) {
        text += "/" + std::to_string(r.den());
    }
    return text;
}

std::string to_string(rate r)
{
    // A rate is a finite decimal: scale its percent value by 10 until it is whole. The
    // denominator can need up to 63 decimals, so this is done without a width limit.
    using boost::multiprecision::cpp_int;
    const cpp_int numerator = cpp_int{r.as_ratio().num()} * 100;
    const cpp_int denominator = r.as_ratio().den();
    cpp_int scale = 1;
    std::size_t decimals = 0;
    while ((numerator * scale) % denominator != 0) {
        scale *= 10;
        ++decimals;
    }
    const cpp_int scaled = numerator * scale / denominator;
    std::string digits = (scaled < 0 ? cpp_int{-scaled} : scaled).str();
    if (decimals > 0) {
        if (digits.size() <= decimals) {
            digits.insert(0, decimals + 1 - digits.size(), '0');
        }
        digits.insert(digits.size() - decimals, ",");
    }
    return (scaled < 0 ? "-" : "") + digits + " %";
}

} // namespace ku
