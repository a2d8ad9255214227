#pragma once
/// @file
/// ku::money: an exact amount of Swedish kronor, held as a 64-bit count of öre.
/// Every operation is overflow-checked: a result beyond ±(2^63 - 1) öre throws
/// ku::overflow_error, it never wraps. There is no way in from floating point.

#include <compare>
#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>

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

/// Reads a unit symbol ("öre" or "ore", "kr", "tkr", "mnkr"); throws ku::lookup_error naming
/// the text and `where`.
[[nodiscard]] unit parse_unit(std::string_view text, std::string_view where = {});

/// An integer type that counts things (not bool, not a character type): what an amount may be
/// multiplied by.
template <typename I>
concept count_integer = std::integral<I> && !std::same_as<I, bool> && !std::same_as<I, char> &&
                        !std::same_as<I, signed char> && !std::same_as<I, unsigned char> &&
                        !std::same_as<I, char8_t> && !std::same_as<I, char16_t> &&
                        !std::same_as<I, char32_t> && !std::same_as<I, wchar_t>;

namespace detail {
[[noreturn]] void throw_money_overflow(std::string_view operation);

[[nodiscard]] constexpr std::int64_t checked_ore(int128 value, std::string_view operation)
{
    constexpr auto limit = std::numeric_limits<std::int64_t>::max();
    if (value > limit || value < -limit) {
        throw_money_overflow(operation);
    }
    return static_cast<std::int64_t>(value);
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
        return money{detail::checked_ore(int128{a.ore_} + b.ore_, "money + money")};
    }
    /// The exact difference; throws ku::overflow_error beyond the range.
    [[nodiscard]] friend constexpr money operator-(money a, money b)
    {
        return money{detail::checked_ore(int128{a.ore_} - b.ore_, "money - money")};
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

    std::int64_t ore_{0};
};

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
template <std::ranges::input_range R>
    requires std::same_as<std::ranges::range_value_t<R>, money>
[[nodiscard]] constexpr money sum(R&& amounts)
{
    int128 total = 0;
    for (const money m : amounts) {
        total += m.in_ore(); // 2^64 terms of 2^63 cannot overflow 2^127
    }
    return money::ore(detail::checked_ore(total, "sum of amounts"));
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
[[nodiscard]] std::string format_swedish(money amount, const swedish_format& format = {});

/// Plain machine form in kronor with exactly two decimals: "3562623.00", "-395.50".
[[nodiscard]] std::string format_plain(money amount);

} // namespace ku
