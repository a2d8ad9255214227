#pragma once
/// @file
/// The rounding methods of an allocation: how exact quotas become whole units that
/// (except for round-each) add up to the total.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ku/core/detail/name_list.hpp"
#include "ku/core/error.hpp"

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
    /// Controlled rounding of a whole table (ku/core/controlled_rounding.hpp): in a
    /// proposal, the fees with this method are rounded together so every column sums to its
    /// total and every kommun's row to the floor or ceiling of its exact total. One allocation
    /// on its own is a one-column table, whose controlled rounding is largest-remainder's.
    controlled,
};

/// The method's name in files, on the command line and in results: "largest-remainder",
/// "sainte-lague", "round-each", "largest-absorbs", "controlled".
[[nodiscard]] constexpr std::string_view to_string(allocation_method method) noexcept
{
    switch (method) {
    case allocation_method::largest_remainder: return "largest-remainder";
    case allocation_method::sainte_lague: return "sainte-lague";
    case allocation_method::round_each: return "round-each";
    case allocation_method::largest_absorbs: return "largest-absorbs";
    case allocation_method::controlled: return "controlled";
    }
    return "?";
}

/// The method's name in Swedish reports: "största rest", "Sainte-Laguë", "avrundning var för
/// sig", "differensen på största vikten", "kontrollerad avrundning".
[[nodiscard]] constexpr std::string_view swedish_name(allocation_method method) noexcept
{
    switch (method) {
    case allocation_method::largest_remainder: return "största rest";
    case allocation_method::sainte_lague: return "Sainte-Laguë";
    case allocation_method::round_each: return "avrundning var för sig";
    case allocation_method::largest_absorbs: return "differensen på största vikten";
    case allocation_method::controlled: return "kontrollerad avrundning";
    }
    return "?";
}

/// Every method, in the order help texts and messages list them: the one list a new method is
/// added to (with its name in to_string).
inline constexpr std::array all_allocation_methods{allocation_method::largest_remainder,
                                                   allocation_method::sainte_lague, allocation_method::round_each,
                                                   allocation_method::largest_absorbs,
                                                   allocation_method::controlled};

/// The names of all_allocation_methods, for a command line's choices.
[[nodiscard]] inline std::vector<std::string> allocation_method_names()
{
    std::vector<std::string> names;
    for (const allocation_method method : all_allocation_methods) {
        names.emplace_back(to_string(method));
    }
    return names;
}

/// The methods' names as a sentence: "largest-remainder, sainte-lague, round-each, largest-absorbs or
/// controlled".
[[nodiscard]] inline std::string allocation_method_list()
{
    return detail::name_list(allocation_method_names());
}

/// Reads a method by its name; throws ku::lookup_error naming the text and `where`.
[[nodiscard]] constexpr allocation_method parse_allocation_method(std::string_view text,
                                                                  std::string_view where = {})
{
    for (const allocation_method method : all_allocation_methods) {
        if (text == to_string(method)) {
            return method;
        }
    }
    throw lookup_error("unknown allocation method \"" + std::string{text} + "\"" +
                       (where.empty() ? "" : " (" + std::string{where} + ")") + ": expected " +
                       allocation_method_list());
}

} // namespace ku
