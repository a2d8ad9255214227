#pragma once
/// @file
/// Internal (ku::detail, not part of the API): names joined for messages and help texts, so a
/// list of choices is written from the one array that defines them.

#include <ranges>
#include <string>
#include <string_view>

namespace ku::detail {

/// The names joined as "a, b, c or d" ("a" for one, "" for none).
template <std::ranges::input_range R>
[[nodiscard]] std::string name_list(R&& names, std::string_view last_joiner = " or ")
{
    std::string text;
    std::string pending;
    bool first = true;
    for (const auto& name : names) {
        if (!first) {
            text += text.empty() ? pending : ", " + pending;
        }
        pending = std::string{name};
        first = false;
    }
    if (first) {
        return text;
    }
    return text.empty() ? pending : text + std::string{last_joiner} + pending;
}

} // namespace ku::detail
