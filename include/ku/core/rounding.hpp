#pragma once
/// @file
/// Rounding modes and the exact rounded division every rounding in ku goes through.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <gsl/assert>

#include "ku/core/error.hpp"

namespace ku {

/// A signed 128-bit integer: the width of every intermediate product in the fast path
/// (an amount in öre times a 64-bit weight always fits).
__extension__ using int128 = __int128;
/// An unsigned 128-bit integer.
__extension__ using uint128 = unsigned __int128;

/// How an exact value is brought to a whole number of units. Always a parameter, never global.
enum class rounding_mode : std::uint8_t {
    half_up,   ///< nearest; a half goes away from zero (the spreadsheet ROUND): 2.5 → 3, -2.5 → -3
    half_even, ///< nearest; a half goes to the even neighbour (banker's rounding): 2.5 → 2, 3.5 → 4
    half_down, ///< nearest; a half goes toward zero: 2.5 → 2, -2.5 → -2
    up,        ///< away from zero: 2.1 → 3, -2.1 → -3
    down,      ///< toward zero (truncation): 2.9 → 2, -2.9 → -2
    floor,     ///< toward minus infinity: -2.1 → -3
    ceiling,   ///< toward plus infinity: 2.1 → 3
};

/// The mode's name as used in files and on the command line: "half-up", "half-even", ...
[[nodiscard]] constexpr std::string_view to_string(rounding_mode mode) noexcept
{
    switch (mode) {
    case rounding_mode::half_up: return "half-up";
    case rounding_mode::half_even: return "half-even";
    case rounding_mode::half_down: return "half-down";
    case rounding_mode::up: return "up";
    case rounding_mode::down: return "down";
    case rounding_mode::floor: return "floor";
    case rounding_mode::ceiling: return "ceiling";
    }
    return "?";
}

/// The mode's name in Swedish reports: "halvt uppåt", "halvt till jämnt", "halvt nedåt",
/// "bort från noll", "mot noll", "nedåt", "uppåt".
[[nodiscard]] constexpr std::string_view swedish_name(rounding_mode mode) noexcept
{
    switch (mode) {
    case rounding_mode::half_up: return "halvt uppåt";
    case rounding_mode::half_even: return "halvt till jämnt";
    case rounding_mode::half_down: return "halvt nedåt";
    case rounding_mode::up: return "bort från noll";
    case rounding_mode::down: return "mot noll";
    case rounding_mode::floor: return "nedåt";
    case rounding_mode::ceiling: return "uppåt";
    }
    return "?";
}

/// Every rounding mode: the one list a command line, Python and the messages take them from.
inline constexpr std::array all_rounding_modes{rounding_mode::half_up, rounding_mode::half_even,
                                               rounding_mode::half_down, rounding_mode::up,
                                               rounding_mode::down,    rounding_mode::floor,
                                               rounding_mode::ceiling};

/// The modes' names in the order of all_rounding_modes: "half-up", "half-even", ...
[[nodiscard]] inline std::vector<std::string> rounding_mode_names()
{
    std::vector<std::string> names;
    for (const rounding_mode mode : all_rounding_modes) {
        names.emplace_back(to_string(mode));
    }
    return names;
}

/// Reads a mode by its name ("half-up", ...); throws ku::lookup_error naming the text and `where`.
[[nodiscard]] inline rounding_mode parse_rounding_mode(std::string_view text,
                                                       std::string_view where = {})
{
    for (const rounding_mode mode : all_rounding_modes) {
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

/// The exact quotient numerator / denominator rounded by `mode`, for any signed integer type
/// with the usual operators (int128, Boost's cpp_int). The denominator must not be zero
/// (contract); for a fixed-width type neither operand may be its most negative value.
template <class Integer>
[[nodiscard]] constexpr Integer rounded_quotient(Integer numerator, Integer denominator, rounding_mode mode)
{
    Expects(denominator != 0);
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    const Integer quotient = numerator / denominator; // truncated toward zero
    const Integer remainder = numerator % denominator; // has the sign of the numerator
    if (remainder == 0) {
        return quotient;
    }
    const bool negative = numerator < 0;
    const Integer away = negative ? Integer{quotient - 1} : Integer{quotient + 1};
    const Integer abs_remainder = negative ? Integer{-remainder} : remainder;
    const Integer rest = denominator - abs_remainder; // distance to the next multiple
    switch (mode) {
    case rounding_mode::down: return quotient;
    case rounding_mode::up: return away;
    case rounding_mode::floor: return negative ? away : quotient;
    case rounding_mode::ceiling: return negative ? quotient : away;
    case rounding_mode::half_up:
        return abs_remainder >= rest ? away : quotient;
    case rounding_mode::half_down:
        return abs_remainder > rest ? away : quotient;
    case rounding_mode::half_even:
        if (abs_remainder != rest) {
            return abs_remainder > rest ? away : quotient;
        }
        return quotient % 2 == 0 ? quotient : away;
    }
    return quotient;
}

/// The exact quotient numerator / denominator rounded by `mode`. The denominator must not be
/// zero and neither operand may be the most negative int128 (contract). Never overflows.
[[nodiscard]] constexpr int128 divide_rounded(int128 numerator, int128 denominator,
                                              rounding_mode mode) noexcept
{
    return rounded_quotient<int128>(numerator, denominator, mode);
}

} // namespace ku
