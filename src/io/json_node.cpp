// Typed, located access to a parsed JSON document.

#include "json_node.hpp"

#include <cstddef>

namespace ku::detail {

json_node json_node::parse(std::string_view text, std::string source)
{
    try {
        auto document = std::make_shared<const json>(json::parse(text.begin(), text.end()));
        const json* root = document.get();
        return json_node{std::move(document), root, std::move(source), ""};
    } catch (const json::parse_error& e) {
        // e.byte is the 1-based offset of the fault; turn it into a line and a column.
        const std::size_t offset = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
        std::size_t line = 1;
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < offset; ++i) {
            if (text[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        }
        const std::string message = e.what();
        const auto reason = message.find("syntax error");
        throw parse_error("", 0, "not JSON: " + (reason == std::string::npos ? message : message.substr(reason)),
                          source + ":" + std::to_string(line) + ":" + std::to_string(offset - line_start + 1));
    } catch (const json::exception& e) {
        // A number beyond a double ("1e999") is nlohmann's out_of_range, with no position.
        const std::string message = e.what();
        const auto reason = message.find("] ");
        throw parse_error("", 0,
                          "not JSON ku can read: " + (reason == std::string::npos ? message : message.substr(reason + 2)),
                          source);
    }
}

void json_node::fail(std::string_view reason) const { throw parse_error("", 0, reason, where()); }

json_node json_node::child(const json& value, std::string_view token) const
{
    // JSON Pointer escapes '~' as "~0" and '/' as "~1" (RFC 6901).
    std::string escaped;
    for (const char c : token) {
        escaped += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
    return json_node{document_, &value, source_, pointer_ + "/" + escaped};
}

json_node json_node::at(std::string_view key) const
{
    auto found = find(key);
    if (!found) {
        fail("the field \"" + std::string{key} + "\" is missing");
    }
    return *std::move(found);
}

std::optional<json_node> json_node::find(std::string_view key) const
{
    if (!value_->is_object()) {
        fail("expected an object with the field \"" + std::string{key} + "\", found " + value_->type_name());
    }
    const auto it = value_->find(std::string{key});
    if (it == value_->end()) {
        return std::nullopt;
    }
    return child(*it, key);
}

std::vector<json_node> json_node::elements() const
{
    if (!value_->is_array()) {
        fail(std::string{"expected an array, found "} + value_->type_name());
    }
    std::vector<json_node> out;
    out.reserve(value_->size());
    for (std::size_t i = 0; i < value_->size(); ++i) {
        out.push_back(child((*value_)[i], std::to_string(i)));
    }
    return out;
}

std::vector<std::pair<std::string, json_node>> json_node::members() const
{
    if (!value_->is_object()) {
        fail(std::string{"expected an object, found "} + value_->type_name());
    }
    std::vector<std::pair<std::string, json_node>> out;
    for (const auto& [key, value] : value_->items()) {
        out.emplace_back(key, child(value, key));
    }
    return out;
}

std::string json_node::text() const
{
    if (!value_->is_string()) {
        fail(std::string{"expected a string, found "} + value_->type_name());
    }
    return value_->get<std::string>();
}

bool json_node::boolean() const
{
    if (!value_->is_boolean()) {
        fail(std::string{"expected true or false, found "} + value_->type_name());
    }
    return value_->get<bool>();
}

money json_node::amount(unit in) const
{
    if (!value_->is_string()) {
        // A JSON number may already have been rounded by whoever wrote it: ku writes strings.
        fail(std::string{"an amount is a decimal string (\"1583550.00\"), found "} + value_->type_name());
    }
    return money::parse(value_->get<std::string>(), in, where());
}

std::optional<money> json_node::optional_amount(unit in) const
{
    return is_null() ? std::nullopt : std::optional{amount(in)};
}

std::optional<std::string> json_node::optional_text() const
{
    return is_null() ? std::nullopt : std::optional{text()};
}

} // namespace ku::detail
