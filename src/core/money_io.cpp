// Parsing and formatting of amounts, units and rounding-mode names.

#include <algorithm>
#include <array>
#include <string>

#include "ku/core/money.hpp"
#include "text.hpp"

namespace ku {

namespace detail {

std::string_view trim(std::string_view text) noexcept
{
    scanner front{text};
    skip_spaces(front);
    text = front.rest();
    bool trimmed = true;
    while (trimmed && !text.empty()) {
        trimmed = false;
        for (const std::string_view token : space_tokens) {
            if (text.ends_with(token)) {
                text.remove_suffix(token.size());
                trimmed = true;
            }
        }
    }
    return text;
}

std::string quote_char(std::string_view code_point)
{
    return "'" + std::string{code_point} + "'";
}

void throw_money_overflow(std::string_view operation)
{
    throw overflow_error("money overflow in " + std::string{operation} +
                         ": the result is beyond ±92 233 720 368 547 758,07 kr");
}

} // namespace detail

namespace {

struct unit_symbol {
    std::string_view symbol;
    unit value;
};
// Longest first, so "tkr" is not read as "t" + "kr".
constexpr std::array<unit_symbol, 5> unit_symbols{{
    {"mnkr", unit::mnkr},
    {"tkr", unit::tkr},
    {"kr", unit::kr},
    {"öre", unit::ore},
    {"ore", unit::ore},
}};

constexpr std::array<std::string_view, 3> sign_tokens{"-", "\u2212", "+"};

int128 pow10(int exponent)
{
    int128 value = 1;
    for (int i = 0; i < exponent; ++i) {
        value *= 10;
    }
    return value;
}

int unit_decimals(unit u)
{
    int decimals = 0;
    for (std::int64_t step = ore_per(u); step > 100; step /= 10) {
        ++decimals;
    }
    return u == unit::ore ? 0 : decimals + 2;
}

} // namespace

unit parse_unit(std::string_view text, std::string_view where)
{
    for (const auto& [symbol, value] : unit_symbols) {
        if (text == symbol) {
            return value;
        }
    }
    std::string message = "unknown unit \"" + std::string{text} + "\"";
    if (!where.empty()) {
        message += " (" + std::string{where} + ")";
    }
    throw lookup_error(message + ": expected öre, kr, tkr or mnkr");
}

rounding_mode parse_rounding_mode(std::string_view text, std::string_view where)
{
    for (const auto mode : {rounding_mode::half_up, rounding_mode::half_even,
                            rounding_mode::half_down, rounding_mode::up, rounding_mode::down,
                            rounding_mode::floor, rounding_mode::ceiling}) {
        if (text == to_string(mode)) {
            return mode;
        }
    }
    std::string message = "unknown rounding mode \"" + std::string{text} + "\"";
    if (!where.empty()) {
        message += " (" + std::string{where} + ")";
    }
    throw lookup_error(message +
                       ": expected half-up, half-even, half-down, up, down, floor or ceiling");
}

money money::parse(std::string_view text, unit default_unit, std::string_view where)
{
    const auto fail = [&](std::size_t position, std::string_view reason) -> parse_error {
        return parse_error{text, position, reason, where};
    };
    const std::string_view body = detail::trim(text);
    if (body.empty()) {
        throw fail(0, "an amount is empty");
    }
    // Positions are reported in the original text: count what trimming removed in front.
    detail::scanner s{text};
    detail::skip_spaces(s);

    bool negative = false;
    for (const std::string_view sign : sign_tokens) {
        if (s.accept(sign)) {
            negative = sign != "+";
            break;
        }
    }
    for (const std::string_view sign : sign_tokens) {
        if (s.rest().starts_with(sign)) {
            throw fail(s.position(), "two signs");
        }
    }
    if (!s.peek_digit()) {
        throw fail(s.position(), s.done() ? "no digits" : "expected a digit, found " +
                                                              detail::quote_char(s.peek_code_point()));
    }

    // Integer part, with optional thousands groups.
    constexpr int max_digits = 30; // far beyond the range; keeps the int128 accumulator safe
    int128 value = 0;
    int digits = 0;
    int group_length = 0;
    bool grouped = false;
    const auto add_digit = [&](char c) {
        if (++digits > max_digits) {
            throw overflow_error("amount \"" + std::string{text} + "\"" +
                                 (where.empty() ? "" : " (" + std::string{where} + ")") +
                                 " is beyond the money range");
        }
        value = value * 10 + (c - '0');
    };
    while (true) {
        while (s.peek_digit()) {
            add_digit(s.peek());
            (void)s.take();
            ++group_length;
        }
        // A space followed by a digit separates thousands; anything else ends the number.
        detail::scanner look = s;
        if (!detail::accept_space(look) || !look.peek_digit()) {
            break;
        }
        if (group_length > 3 || (grouped && group_length != 3)) {
            throw fail(s.position(), "a thousands separator must follow a group of three digits");
        }
        grouped = true;
        group_length = 0;
        s = look;
    }
    if (grouped && group_length != 3) {
        throw fail(s.position(), "the last thousands group must have three digits");
    }

    // Fraction.
    int decimals = 0;
    if (s.peek() == ',' || s.peek() == '.') {
        (void)s.take();
        if (!s.peek_digit()) {
            throw fail(s.position(), "expected a digit after the decimal separator");
        }
        while (s.peek_digit()) {
            add_digit(s.peek());
            (void)s.take();
            ++decimals;
        }
    }

    // Unit symbol.
    unit in = default_unit;
    detail::skip_spaces(s);
    for (const auto& [symbol, symbol_unit] : unit_symbols) {
        if (s.accept(symbol)) {
            in = symbol_unit;
            break;
        }
    }
    detail::skip_spaces(s);
    if (!s.done()) {
        throw fail(s.position(), "unexpected " + detail::quote_char(s.peek_code_point()));
    }

    // value / 10^decimals units of `in`, which must be a whole number of öre.
    const int128 scaled = value * ore_per(in);
    const int128 divisor = pow10(decimals);
    if (scaled % divisor != 0) {
        throw fail(0, in == unit::ore ? "a fraction of an öre"
                                      : "more decimals than whole öre allow (at most " +
                                            std::to_string(unit_decimals(in)) + " in " +
                                            std::string{to_string(in)} + ")");
    }
    const int128 ore_count = scaled / divisor;
    constexpr auto limit = std::numeric_limits<std::int64_t>::max();
    if (ore_count > limit) {
        throw overflow_error("amount \"" + std::string{text} + "\"" +
                             (where.empty() ? "" : " (" + std::string{where} + ")") +
                             " is beyond the money range");
    }
    const auto ore_value = static_cast<std::int64_t>(ore_count);
    return money::ore(negative ? -ore_value : ore_value);
}

namespace {

/// Writes |value| with a space every three digits.
std::string group_thousands(int128 magnitude)
{
    std::string digits;
    do {
        digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
        magnitude /= 10;
    } while (magnitude != 0);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && i % 3 == 0) {
            grouped.push_back(' ');
        }
        grouped.push_back(digits[i]);
    }
    std::reverse(grouped.begin(), grouped.end());
    return grouped;
}

std::string fraction_digits(int128 fraction, int decimals)
{
    std::string digits(static_cast<std::size_t>(decimals), '0');
    for (auto i = digits.size(); i-- > 0; fraction /= 10) {
        digits[i] = static_cast<char>('0' + static_cast<int>(fraction % 10));
    }
    return digits;
}

} // namespace

std::string format_swedish(money amount, const swedish_format& format)
{
    const int128 step = ore_per(format.in);
    int decimals = 0;
    if (format.decimals) {
        decimals = *format.decimals;
        if (decimals < 0 || decimals > 18) {
            throw domain_error("format_swedish: " + std::to_string(decimals) +
                               " decimals; choose 0 to 18");
        }
    } else {
        // As many decimals as the amount needs, at most the unit's öre digits.
        const int max_decimals = unit_decimals(format.in);
        while (decimals < max_decimals && (int128{amount.in_ore()} * pow10(decimals)) % step != 0) {
            ++decimals;
        }
    }
    // The amount in units of 10^-decimals of the display unit, rounded by the caller's mode.
    const int128 scaled = divide_rounded(int128{amount.in_ore()} * pow10(decimals), step,
                                         format.rounding);
    const bool negative = scaled < 0;
    const int128 magnitude = negative ? -scaled : scaled;
    const int128 denominator = pow10(decimals);

    std::string text = negative ? "-" : "";
    text += group_thousands(magnitude / denominator);
    if (decimals > 0) {
        text += ',' + fraction_digits(magnitude % denominator, decimals);
    }
    if (format.show_unit) {
        text += ' ';
        text += to_string(format.in);
    }
    return text;
}

std::string format_plain(money amount)
{
    const std::int64_t ore_count = amount.in_ore();
    const int128 magnitude = ore_count < 0 ? -int128{ore_count} : int128{ore_count};
    std::string kronor;
    int128 whole = magnitude / 100;
    do {
        kronor.insert(kronor.begin(), static_cast<char>('0' + static_cast<int>(whole % 10)));
        whole /= 10;
    } while (whole != 0);
    return (ore_count < 0 ? "-" : "") + kronor + "." + fraction_digits(magnitude % 100, 2);
}

} // namespace ku
