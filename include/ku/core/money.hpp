#pragma once
/// @file
/// ku::money: an exact amount of Swedish kronor, held as a 64-bit count of öre.
/// Every operation is overflow-checked: a result beyond ±(2^63 - 1) öre throws
/// ku::overflow_error, it never wraps. There is no way in from floating point.

#include <algorithm>
#include <array>
#include <compare>
#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <ranges>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ku/core/decimal_text.hpp"
#include "ku/core/detail/name_list.hpp"
#include "ku/core/detail/scanner.hpp"
#include "ku/core/error.hpp"
#include "ku/core/rounding.hpp"

namespace ku {

/// The units amounts are counted and shown in. 1 kr = 100 öre; tkr = 1 000 kr; mnkr = 1 000 000 kr.
enum class unit : std::uint8_t { ore, kr, tkr, mnkr };

/// How many öre one `u` is: 1, 100, 100 000 or 100 000 000.
[[nodiscard]] constexpr std::int64_t ore_per(unit u) noexcept
{
    switch (u) {
    case unit::ore: return 1;
    case unit::kr: return 100;
    case unit::tkr: return 100'000;
    case unit::mnkr: return 100'000'000;
    }
    return 1;
}

/// The unit's Swedish symbol: "öre", "kr", "tkr", "mnkr".
[[nodiscard]] constexpr std::string_view to_string(unit u) noexcept
{
    switch (u) {
    case unit::ore: return "öre";
    case unit::kr: return "kr";
    case unit::tkr: return "tkr";
    case unit::mnkr: return "mnkr";
    }
    return "?";
}

namespace detail::money_io_impl {

struct unit_symbol {
    std::string_view symbol;
    unit value;
};
// Longest first, so "tkr" is not read as "t" + "kr".
inline constexpr std::array<unit_symbol, 5> unit_symbols{{
    {"mnkr", unit::mnkr},
    {"tkr", unit::tkr},
    {"kr", unit::kr},
    {"öre", unit::ore},
    {"ore", unit::ore},
}};

inline constexpr std::array<std::string_view, 3> sign_tokens{"-", "\u2212", "+"};

constexpr int128 pow10(int exponent)
{
    int128 value = 1;
    for (int i = 0; i < exponent; ++i) {
        value *= 10;
    }
    return value;
}

constexpr int unit_decimals(unit u)
{
    int decimals = 0;
    for (std::int64_t step = ore_per(u); step > 100; step /= 10) {
        ++decimals;
    }
    return u == unit::ore ? 0 : decimals + 2;
}

} // namespace detail::money_io_impl

/// Every unit, smallest first: the one list a new unit is added to (with its symbol in to_string
/// and ore_per).
inline constexpr std::array all_units{unit::ore, unit::kr, unit::tkr, unit::mnkr};

/// The spellings a command line accepts for `units`, in their order: each symbol, and for öre
/// first its ASCII spelling "ore" (["ore", "öre", "kr", "tkr"] for öre, kr and tkr).
[[nodiscard]] inline std::vector<std::string> unit_names(std::span<const unit> units)
{
    std::vector<std::string> names;
    for (const unit u : units) {
        if (u == unit::ore) {
            names.emplace_back("ore");
        }
        names.emplace_back(to_string(u));
    }
    return names;
}

/// The units' symbols as a sentence: "öre, kr, tkr or mnkr".
[[nodiscard]] inline std::string unit_list(std::span<const unit> units)
{
    std::vector<std::string_view> symbols;
    for (const unit u : units) {
        symbols.push_back(to_string(u));
    }
    return detail::name_list(symbols);
}

/// Reads a unit symbol ("öre" or "ore", "kr", "tkr", "mnkr"); throws ku::lookup_error naming
/// the text and `where`.
[[nodiscard]] inline unit parse_unit(std::string_view text, std::string_view where = {})
{
    for (const auto& [symbol, value] : detail::money_io_impl::unit_symbols) {
        if (text == symbol) {
            return value;
        }
    }
    std::string message = "unknown unit \"" + std::string{text} + "\"";
    if (!where.empty()) {
        message += " (" + std::string{where} + ")";
    }
    throw lookup_error(message + ": expected " + unit_list(all_units));
}

/// An integer type that counts things (not bool, not a character type): what an amount may be
/// multiplied by.
template <typename I>
concept count_integer = std::integral<I> && !std::same_as<I, bool> && !std::same_as<I, char> &&
                        !std::same_as<I, signed char> && !std::same_as<I, unsigned char> &&
                        !std::same_as<I, char8_t> && !std::same_as<I, char16_t> &&
                        !std::same_as<I, char32_t> && !std::same_as<I, wchar_t>;

namespace detail {
[[noreturn]] inline void throw_money_overflow(std::string_view operation)
{
    throw overflow_error("money overflow in " + std::string{operation} +
                         ": the result is beyond ±92 233 720 368 547 758,07 kr");
}

[[nodiscard]] constexpr std::int64_t checked_ore(int128 value, std::string_view operation)
{
    constexpr auto limit = std::numeric_limits<std::int64_t>::max();
    if (value > limit || value < -limit) {
        throw_money_overflow(operation);
    }
    return static_cast<std::int64_t>(value);
}

/// Whether a + b leaves the symmetric range ±(2^63 - 1), from the carry flag; `sum` gets the
/// wrapped result. Branch-free, so a loop of it vectorises.
[[nodiscard]] constexpr bool add_leaves_range(std::int64_t a, std::int64_t b, std::int64_t& sum) noexcept
{
    const bool wrapped = __builtin_add_overflow(a, b, &sum);
    return wrapped | (sum == std::numeric_limits<std::int64_t>::min());
}

/// a + b wrapped to 64 bits into `sum`, and a word whose top bit is set when the true sum leaves
/// the symmetric range: signed overflow ((a ^ s) & (b ^ s)) or s = -2^63 ((s + MAX) & (s ^ MAX)
/// has its top bit set only then). Only bitwise operations and adds, so a loop of it vectorises
/// where the carry-flag builtin does not.
[[nodiscard]] constexpr std::uint64_t add_range_flag(std::int64_t a, std::int64_t b, std::int64_t& sum) noexcept
{
    constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    const auto ua = static_cast<std::uint64_t>(a);
    const auto ub = static_cast<std::uint64_t>(b);
    const std::uint64_t us = ua + ub;
    sum = static_cast<std::int64_t>(us);
    return ((ua ^ us) & (ub ^ us)) | ((us + max) & (us ^ max));
}

/// Whether a - b leaves the symmetric range, from the carry flag; `difference` gets the wrapped
/// result.
[[nodiscard]] constexpr bool subtract_leaves_range(std::int64_t a, std::int64_t b, std::int64_t& difference) noexcept
{
    const bool wrapped = __builtin_sub_overflow(a, b, &difference);
    return wrapped | (difference == std::numeric_limits<std::int64_t>::min());
}
} // namespace detail

/// An exact amount of SEK in öre, in the symmetric range ±(2^63 - 1) öre
/// (about ±92 233 720 368 547 758 kr), so negation never overflows.
class money {
public:
    /// Zero kronor.
    constexpr money() noexcept = default;

    money(double) = delete; // money is exact: pass öre or kronor (money::ore, money::kr) or a string (money::parse)
    money(float) = delete; // money is exact: pass öre or kronor (money::ore, money::kr) or a string (money::parse)
    money(long double) = delete; // money is exact: pass öre or kronor (money::ore, money::kr) or a string (money::parse)
    template <std::integral I>
    money(I) = delete; // say the unit: money::ore(n) or money::kr(n)

    /// `n` öre. Throws ku::overflow_error for the one value outside the range, INT64_MIN.
    [[nodiscard]] static constexpr money ore(std::int64_t n)
    {
        return money{detail::checked_ore(n, "money::ore")};
    }

    /// `n` whole kronor. Throws ku::overflow_error when n × 100 öre does not fit.
    [[nodiscard]] static constexpr money kr(std::int64_t n) { return in(unit::kr, n); }

    /// `n` whole `u` (e.g. 58 088 tkr). Throws ku::overflow_error when it does not fit.
    [[nodiscard]] static constexpr money in(unit u, std::int64_t n)
    {
        return money{detail::checked_ore(int128{n} * ore_per(u), "money::in")};
    }

    /// Reads an amount written the Swedish or the plain way: "3 562 623", "3 562 623 kr",
    /// "1 234,56", "-395", "−395" (U+2212), "1234.56", "28,9 mnkr", "58 088 tkr"; the thousands
    /// separator may be a space, U+00A0 or U+202F (groups of three). A number without a unit
    /// symbol is in `default_unit`. Throws ku::parse_error (naming the text, the 1-based
    /// character position and `where`) for an empty text, a stray character, two signs,
    /// misplaced separators or a fraction of an öre; ku::overflow_error beyond the range.
    [[nodiscard]] static money parse(std::string_view text, unit default_unit = unit::kr,
                                     std::string_view where = {});

    /// The largest amount, 2^63 - 1 öre.
    [[nodiscard]] static constexpr money max() noexcept
    {
        return money{std::numeric_limits<std::int64_t>::max()};
    }
    /// The smallest amount, -(2^63 - 1) öre.
    [[nodiscard]] static constexpr money min() noexcept
    {
        return money{-std::numeric_limits<std::int64_t>::max()};
    }

    /// The amount as a count of öre.
    [[nodiscard]] constexpr std::int64_t in_ore() const noexcept { return ore_; }

    /// Whether the amount is a whole number of `u` (e.g. whole kronor).
    [[nodiscard]] constexpr bool is_whole(unit u) const noexcept { return ore_ % ore_per(u) == 0; }

    /// The negated amount; never overflows (the range is symmetric).
    [[nodiscard]] constexpr money operator-() const noexcept { return money{-ore_}; }
    /// The amount itself.
    [[nodiscard]] constexpr money operator+() const noexcept { return *this; }

    /// The exact sum; throws ku::overflow_error beyond the range.
    [[nodiscard]] friend constexpr money operator+(money a, money b)
    {
        std::int64_t sum = 0;
        if (detail::add_leaves_range(a.ore_, b.ore_, sum)) {
            detail::throw_money_overflow("money + money");
        }
        return money{sum};
    }
    /// The exact difference; throws ku::overflow_error beyond the range.
    [[nodiscard]] friend constexpr money operator-(money a, money b)
    {
        std::int64_t difference = 0;
        if (detail::subtract_leaves_range(a.ore_, b.ore_, difference)) {
            detail::throw_money_overflow("money - money");
        }
        return money{difference};
    }
    /// An amount times a count (12 members × 42 000 kr). Scaling by a fraction needs
    /// ku::multiply with a rounding mode.
    template <count_integer I>
    [[nodiscard]] friend constexpr money operator*(money a, I n)
    {
        return money{detail::checked_ore(int128{a.ore_} * int128{n}, "money * integer")};
    }
    /// A count times an amount; throws ku::overflow_error beyond the range.
    template <count_integer I>
    [[nodiscard]] friend constexpr money operator*(I n, money a)
    {
        return a * n;
    }
    template <std::floating_point F>
    friend money operator*(money, F) = delete; // money is exact: scale by a ku::ratio with ku::multiply and a rounding mode
    template <std::floating_point F>
    friend money operator*(F, money) = delete; // money is exact: scale by a ku::ratio with ku::multiply and a rounding mode

    /// Adds `other`; throws ku::overflow_error beyond the range (the amount is then unchanged).
    constexpr money& operator+=(money other) { return *this = *this + other; }
    /// Subtracts `other`; throws ku::overflow_error beyond the range (the amount is then unchanged).
    constexpr money& operator-=(money other) { return *this = *this - other; }
    /// Multiplies by a count; throws ku::overflow_error beyond the range (the amount is then unchanged).
    template <count_integer I>
    constexpr money& operator*=(I n)
    {
        return *this = *this * n;
    }

    /// Ordered by amount.
    friend constexpr auto operator<=>(money, money) noexcept = default;
    /// Equal when the counts of öre are.
    friend constexpr bool operator==(money, money) noexcept = default;

private:
    constexpr explicit money(std::int64_t ore_count) noexcept : ore_{ore_count} {}
    friend constexpr void add(std::span<const money> a, std::span<const money> b, std::span<money> out);

    std::int64_t ore_{0};
};

inline money money::parse(std::string_view text, unit default_unit, std::string_view where)
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
    for (const std::string_view sign : detail::money_io_impl::sign_tokens) {
        if (s.accept(sign)) {
            negative = sign != "+";
            break;
        }
    }
    for (const std::string_view sign : detail::money_io_impl::sign_tokens) {
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
    for (const auto& [symbol, symbol_unit] : detail::money_io_impl::unit_symbols) {
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
    const int128 divisor = detail::money_io_impl::pow10(decimals);
    if (scaled % divisor != 0) {
        throw fail(0, in == unit::ore ? "a fraction of an öre"
                                      : "more decimals than whole öre allow (at most " +
                                            std::to_string(detail::money_io_impl::unit_decimals(in)) +
                                            " in " + std::string{to_string(in)} + ")");
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

/// The amount rounded to a whole number of `u` by `mode` (e.g. to whole tkr, half-up).
/// Throws ku::overflow_error if the rounded amount leaves the range.
[[nodiscard]] constexpr money round(money amount, unit u, rounding_mode mode)
{
    const std::int64_t step = ore_per(u);
    const int128 units = divide_rounded(amount.in_ore(), step, mode);
    return money::ore(detail::checked_ore(units * step, "round"));
}

/// The exact sum of a range of amounts; throws ku::overflow_error if it leaves the range
/// (an intermediate that leaves it and comes back does not throw: the sum is taken in 128 bits).
namespace detail {

/// The exact total of a contiguous array of amounts in öre, in 128 bits, from two 64-bit sums a
/// loop can vectorise: the wrapped sum of the amounts, and the sum of their top 32 bits once
/// shifted to unsigned (u = x + 2^63). Σu lies between 2^32 × Σ(top bits) and n × 2^32 above
/// it, less than 2^64 for a block of n < 2^32 amounts, so its value mod 2^64 (the wrapped sum
/// + n × 2^63) fixes it exactly.
[[nodiscard]] constexpr int128 exact_total(std::span<const money> amounts) noexcept
{
    constexpr std::size_t block = std::size_t{1} << 31U;
    constexpr std::uint64_t sign_bit = std::uint64_t{1} << 63U;
    int128 total = 0;
    for (std::size_t start = 0; start < amounts.size(); start += block) {
        const std::span<const money> part = amounts.subspan(start, std::min(block, amounts.size() - start));
        std::uint64_t wrapped = 0;
        std::uint64_t top = 0;
        for (std::size_t i = 0; i < part.size(); ++i) {
            const auto x = static_cast<std::uint64_t>(part[i].in_ore());
            wrapped += x;
            top += (x ^ sign_bit) >> 32U;
        }
        const std::uint64_t n = part.size();
        const uint128 base = uint128{top} << 32U;
        const std::uint64_t shifted_mod = wrapped + (n % 2 == 0 ? 0 : sign_bit); // Σu mod 2^64
        const uint128 shifted = base + static_cast<std::uint64_t>(shifted_mod - static_cast<std::uint64_t>(base));
        total += static_cast<int128>(shifted) - static_cast<int128>(uint128{n} << 63U);
    }
    return total;
}

} // namespace detail

/// The exact sum of a range of amounts; throws ku::overflow_error if it leaves the range
/// (an intermediate that leaves it and comes back does not throw: the sum is taken in 128 bits).
/// A contiguous range (a vector, an array, a span) is summed by a loop the compiler vectorises.
template <std::ranges::input_range R>
    requires std::same_as<std::ranges::range_value_t<R>, money>
[[nodiscard]] constexpr money sum(R&& amounts)
{
    int128 total = 0;
    if constexpr (std::ranges::contiguous_range<R> && std::ranges::sized_range<R>) {
        total = detail::exact_total(std::span<const money>{std::ranges::data(amounts), std::ranges::size(amounts)});
    } else {
        for (const money m : amounts) {
            total += m.in_ore(); // 2^64 terms of 2^63 cannot overflow 2^127
        }
    }
    return money::ore(detail::checked_ore(total, "sum of amounts"));
}

/// Adds two columns of amounts element by element, `out[i] = a[i] + b[i]`, in a loop the
/// compiler vectorises (the range checked by sign bits, see detail::add_range_flag) (`out` may be `a` or `b`). All three have the same length (contract).
/// Throws ku::overflow_error naming the first position whose sum leaves the range; `out` is
/// then unspecified.
constexpr void add(std::span<const money> a, std::span<const money> b, std::span<money> out)
{
    Expects(a.size() == b.size() && a.size() == out.size());
    std::uint64_t outside = 0; // top bit: some sum left the range
    for (std::size_t i = 0; i < a.size(); ++i) {
        std::int64_t sum = 0;
        outside |= detail::add_range_flag(a[i].in_ore(), b[i].in_ore(), sum);
        out[i].ore_ = sum; // a wrapped value only where `outside` is then set
    }
    if ((outside >> 63U) != 0) {
        for (std::size_t i = 0; i < a.size(); ++i) {
            std::int64_t sum = 0;
            if (detail::add_leaves_range(a[i].in_ore(), b[i].in_ore(), sum)) {
                detail::throw_money_overflow("add(a, b), position " + std::to_string(i + 1));
            }
        }
    }
}

/// How an amount is written for people: the unit it is shown in, how many decimals
/// (none given: as many as the amount needs to be exact, at most the unit's öre digits),
/// the rounding used when decimals are fewer than the amount needs, and whether to append
/// the unit symbol. Decimals outside 0–18 are a ku::domain_error.
struct swedish_format {
    unit in = unit::kr; ///< the unit the amount is shown in
    std::optional<int> decimals{}; ///< 0–18; none: as many as the amount needs, at most the unit's öre digits
    rounding_mode rounding = rounding_mode::half_up; ///< used when decimals are fewer than the amount needs
    bool show_unit = true; ///< whether to append the unit symbol ("kr")
};

/// Swedish form: space as thousands separator, comma as decimal separator, "-" for minus:
/// "3 562 623 kr", "58 088 tkr", "28,9 mnkr", "-395 kr". With the default format the text
/// parses back (money::parse) to the same amount.
[[nodiscard]] inline std::string format_swedish(money amount, const swedish_format& format = {})
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
        const int max_decimals = detail::money_io_impl::unit_decimals(format.in);
        while (decimals < max_decimals &&
               (int128{amount.in_ore()} * detail::money_io_impl::pow10(decimals)) % step != 0) {
            ++decimals;
        }
    }
    // The amount in units of 10^-decimals of the display unit, rounded by the caller's mode.
    const int128 scaled = divide_rounded(int128{amount.in_ore()} * detail::money_io_impl::pow10(decimals),
                                         step, format.rounding);
    std::string text = decimal_text(scaled, decimals, decimal_style::swedish());
    if (format.show_unit) {
        text += ' ';
        text += to_string(format.in);
    }
    return text;
}

/// Plain machine form in kronor with exactly two decimals: "3562623.00", "-395.50".
[[nodiscard]] inline std::string format_plain(money amount)
{
    return decimal_text(amount.in_ore(), 2);
}

} // namespace ku
