#pragma once
// Internal: typed, located access to a parsed JSON document for the readers of ku's own JSON.
// Every error names the source and the JSON Pointer of the value ("p.json: /rows/3/summa").
// Not installed.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/partnerskap.hpp"

namespace ku::detail {

/// One value of a parsed JSON document and where it is.
class json_node {
public:
    /// Parses `text`; throws ku::parse_error naming `source`, the line and the column of a
    /// syntax error.
    [[nodiscard]] static json_node parse(std::string_view text, std::string source);

    /// "source: /rows/3/summa" (the whole document: "source: /").
    [[nodiscard]] std::string where() const { return source_ + ": " + (pointer_.empty() ? "/" : pointer_); }

    /// Throws ku::parse_error: the value here is wrong for `reason`.
    [[noreturn]] void fail(std::string_view reason) const;

    [[nodiscard]] bool is_null() const noexcept { return value_->is_null(); }

    /// The member `key` of this object; throws ku::parse_error when this is not an object or
    /// the member is missing.
    [[nodiscard]] json_node at(std::string_view key) const;
    /// The member `key`, or none when absent.
    [[nodiscard]] std::optional<json_node> find(std::string_view key) const;
    /// The elements of this array; throws ku::parse_error when this is not an array.
    [[nodiscard]] std::vector<json_node> elements() const;
    /// The members of this object in document order; throws when this is not an object.
    [[nodiscard]] std::vector<std::pair<std::string, json_node>> members() const;

    /// The string here; throws when it is not a string.
    [[nodiscard]] std::string text() const;
    /// The boolean here; throws when it is not true or false.
    [[nodiscard]] bool boolean() const;
    /// The amount written here as a decimal string in `in` ("1583550.00"); throws ku::parse_error
    /// naming the location for anything else.
    [[nodiscard]] money amount(unit in = unit::kr) const;
    /// The area named here (ku::partnerskap::parse); throws ku::parse_error naming this place
    /// for a value that is not a string or not an area's name.
    [[nodiscard]] partnerskap area() const { return partnerskap::parse(text(), where()); }
    /// As amount(), null being none.
    [[nodiscard]] std::optional<money> optional_amount(unit in = unit::kr) const;
    /// As text(), null being none.
    [[nodiscard]] std::optional<std::string> optional_text() const;

    /// The enumerator whose to_string() is the string here, among `all`; throws naming the
    /// string and the names allowed.
    template <class Enum, class Range>
    [[nodiscard]] Enum one_of(const Range& all) const
    {
        const std::string name = text();
        std::string allowed;
        for (const Enum e : all) {
            if (to_string(e) == name) {
                return e;
            }
            allowed += (allowed.empty() ? "" : ", ") + std::string{to_string(e)};
        }
        fail("\"" + name + "\" is not one of " + allowed);
    }

private:
    using json = nlohmann::ordered_json;
    json_node(std::shared_ptr<const json> document, const json* value, std::string source, std::string pointer)
        : document_{std::move(document)}, value_{value}, source_{std::move(source)}, pointer_{std::move(pointer)}
    {
    }
    [[nodiscard]] json_node child(const json& value, std::string_view token) const;

    std::shared_ptr<const json> document_; // keeps value_ alive
    const json* value_;
    std::string source_;
    std::string pointer_;
};

} // namespace ku::detail
