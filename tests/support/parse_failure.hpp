#pragma once
// Test support: the ku::parse_error a reading throws, to assert its input, position and where.

#include <optional>

#include "ku/core/error.hpp"

namespace ku::test {

/// The parse_error `read()` throws, or none if it throws nothing or another type.
template <typename Read>
[[nodiscard]] std::optional<ku::parse_error> parse_failure_of(Read&& read)
{
    try {
        (void)read();
    } catch (const ku::parse_error& e) {
        return e;
    } catch (...) {
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace ku::test
