#pragma once
// Reading fields of a TOML document (toml++), each fault naming the file, line, column and field:
// shared by the readers of proposal specs and period datasets. Private to ku::io.

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"

namespace ku::detail::toml_fields {

/// Where a TOML node is: "spec.toml:12:5 (fees[3].total)".
inline std::string where_of(const std::filesystem::path& path, const toml::node& node, std::string_view field)
{
    const auto& source = node.source();
    return path.string() + ":" + std::to_string(source.begin.line) + ":" +
           std::to_string(source.begin.column) + " (" + std::string{field} + ")";
}

[[noreturn]] inline void bad_field(const std::filesystem::path& path, const toml::node& node, std::string_view field,
                            std::string_view reason)
{
    throw parse_error("", 0, reason, where_of(path, node, field));
}

inline std::string require_string(const std::filesystem::path& path, const toml::node& node, std::string_view field)
{
    if (const auto* value = node.as_string()) {
        return value->get();
    }
    bad_field(path, node, field, "expected a text value");
}

/// An amount: a text in Swedish or plain form, or an integer number of the unit. A float is
/// refused: it cannot be exact. An integer beyond the money range is a ku::overflow_error naming
/// the file, line, column and field.
inline money read_amount(const std::filesystem::path& path, const toml::node& node, std::string_view field, unit in)
{
    if (const auto* text = node.as_string()) {
        return money::parse(text->get(), in, where_of(path, node, field));
    }
    if (const auto* integer = node.as_integer()) {
        try {
            return money::in(in, integer->get());
        } catch (const overflow_error&) {
            throw overflow_error(where_of(path, node, field) + ": " + std::to_string(integer->get()) + " " +
                                 std::string{to_string(in)} + " is beyond the money range (±92 233 720 368 547 758,07 kr)");
        }
    }
    if (node.is_floating_point()) {
        bad_field(path, node, field, "a floating-point number is not exact; write the amount as text, e.g. \"1 234,50\"");
    }
    bad_field(path, node, field, "expected an amount, e.g. \"9 000 000\"");
}

/// The document of the TOML file at `path`. A file that cannot be opened is a ku::error naming
/// it and the reason; a syntax error a ku::parse_error naming the file, line and column.
inline toml::table parse_file(const std::filesystem::path& path)
{
    errno = 0;
    std::ifstream in{path, std::ios::binary};
    if (!in) {
        const int reason = errno;
        throw error("cannot open " + path.string() +
                    (reason != 0 ? ": " + std::generic_category().message(reason) : std::string{}));
    }
    try {
        return toml::parse(in, path.string());
    } catch (const toml::parse_error& e) {
        throw parse_error("", 0, std::string{e.description()},
                          path.string() + ":" + std::to_string(e.source().begin.line) + ":" +
                              std::to_string(e.source().begin.column));
    }
}

} // namespace ku::detail::toml_fields
