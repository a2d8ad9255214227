#pragma once
/// @file
/// The rounding methods of an allocation: how exact quotas become whole units that
/// (except for round-each) add up to the total.

#include <cstdint>
#include <string_view>

namespace ku {

/// How an allocation turns exact quotas into whole units. Every result names its method.
enum class allocation_method : std::uint8_t {
    /// Hamilton: floor every quota, give the spare units to the largest remainders.
    /// Ties: larger weight first, then lower member key (kommun code). Sums to the total.
    largest_remainder,
    /// Webster / Sainte-Laguë divisor method: a unit at a time to the largest w/(2s+1).
    /// Sums to the total and never shows the Alabama paradox. Same tie rule.
    sainte_lague,
    /// Each part rounded half-up on its own, as a spreadsheet does; may miss the total by
    /// the residual, which the result states.
    round_each,
    /// round-each, then the residual put on the member with the largest weight (ties: lower
    /// member key). Sums to the total.
    largest_absorbs,
};

/// The method's name in files, on the command line and in results: "largest-remainder",
/// "sainte-lague", "round-each", "largest-absorbs".
[[nodiscard]] constexpr std::string_view to_string(allocation_method method) noexcept
{
    switch (method) {
    case allocation_method::largest_remainder: return "largest-remainder";
    case allocation_method::sainte_lague: return "sainte-lague";
    case allocation_method::round_each: return "round-each";
    case allocation_method::largest_absorbs: return "largest-absorbs";
    }
    return "?";
}

/// Reads a method by its name; throws ku::lookup_error naming the text and `where`.
[[nodiscard]] allocation_method parse_allocation_method(std::string_view text,
                                                        std::string_view where = {});

} // namespace ku
