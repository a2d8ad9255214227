#pragma once
// Internal (namespace ku::detail, not part of the API): what the lookups of kommuner and funding
// sources share for their error messages, and the comparison of kommun names.

#include <cstddef>
#include <string>
#include <string_view>

namespace ku::detail::entities_impl {

/// " (where)" for an error message, or nothing when `where` is empty.
inline std::string in(std::string_view where)
{
    return where.empty() ? std::string{} : " (" + std::string{where} + ")";
}

/// Byte `i` of UTF-8 `text` folded to lower case: ASCII A–Z, and the Latin-1 capitals
/// U+00C0–U+00DE but × (Å, Ä, Ö, É, …: the byte after 0xC3). Folding keeps the length.
[[nodiscard]] constexpr char folded_at(std::string_view text, std::size_t i) noexcept
{
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 'A' && byte <= 'Z') {
        return static_cast<char>(byte + ('a' - 'A'));
    }
    if (i > 0 && static_cast<unsigned char>(text[i - 1]) == 0xC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97) {
        return static_cast<char>(byte + 0x20);
    }
    return text[i];
}

/// Whether `a` and `b` are the same text but for the case of their letters (see folded_at).
[[nodiscard]] constexpr bool same_folded(std::string_view a, std::string_view b) noexcept
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (folded_at(a, i) != folded_at(b, i)) {
            return false;
        }
    }
    return true;
}

/// `text` without the spaces and tabs before and after it.
[[nodiscard]] constexpr std::string_view trimmed(std::string_view text) noexcept
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

/// Whether `text` names the kommun called `name`, written as people write it: `name` itself,
/// `name kommun` or `names kommun` ("Jönköping", "Jönköping kommun", "Jönköpings kommun"), in
/// any case, with spaces around it.
[[nodiscard]] constexpr bool names_kommun(std::string_view text, std::string_view name) noexcept
{
    text = trimmed(text);
    if (same_folded(text, name)) {
        return true;
    }
    constexpr std::string_view suffix = " kommun";
    if (text.size() <= suffix.size() || !same_folded(text.substr(text.size() - suffix.size()), suffix)) {
        return false;
    }
    const std::string_view stem = trimmed(text.substr(0, text.size() - suffix.size()));
    return same_folded(stem, name) ||
           (!stem.empty() && (stem.back() == 's' || stem.back() == 'S') &&
            same_folded(stem.substr(0, stem.size() - 1), name));
}

} // namespace ku::detail::entities_impl
