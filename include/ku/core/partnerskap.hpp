#pragma once
/// @file
/// Partnerskap (areas of work, verksamhetsområden): the rows of KU's balance and share tables.

#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "ku/core/error.hpp"

namespace ku {

/// An area of work: a short stable id ("social-valfard") and the name shown in reports
/// ("Social välfärd och hälso- och sjukvård"). The id is what identifies the area: lookups,
/// duplicate checks and the mappings between years compare ids, reports show names.
class partnerskap {
public:
    /// An area with an explicit id. Throws ku::domain_error when the id or the name is empty or
    /// has surrounding spaces, or the id has an ASCII character other than a-z, 0-9 and '-'.
    constexpr partnerskap(std::string id, std::string name) : id_{std::move(id)}, name_{std::move(name)}
    {
        if (padded(name_) || padded(id_) || !is_id(id_)) {
            throw domain_error("partnerskap: the id \"" + id_ + "\" and the name \"" + name_ +
                               "\" must be non-empty without surrounding spaces, the id of a-z, 0-9, '-' and non-ASCII letters");
        }
    }

    /// The area a published table names: its id is derived from the name by id_of, so
    /// "Nära vård" and "nära  vård" are the same area. Throws ku::domain_error when the name is
    /// empty, has surrounding spaces or is only punctuation.
    [[nodiscard]] static constexpr partnerskap named(std::string name)
    {
        if (padded(name)) {
            throw domain_error("partnerskap: the name \"" + name + "\" must be non-empty without surrounding spaces");
        }
        std::string id = id_of(name);
        if (id.empty()) {
            throw domain_error("partnerskap: the name \"" + name + "\" has only punctuation, nothing to identify it by");
        }
        return partnerskap{std::move(id), std::move(name), trusted{}};
    }

    /// The area named by `text` read from a file: as named(), but throws ku::parse_error naming
    /// the text and `where` ("bokslut.csv:4:omrade") when it is empty, has surrounding spaces or
    /// is only punctuation.
    [[nodiscard]] static constexpr partnerskap parse(std::string_view text, std::string_view where = {})
    {
        if (text.empty()) {
            throw parse_error(text, 0, "the row has no area name", where);
        }
        if (padded(text)) {
            throw parse_error(text, 0, "an area name has no spaces before or after it", where);
        }
        std::string id = id_of(text);
        if (id.empty()) {
            throw parse_error(text, 0, "an area name has a letter or a digit", where);
        }
        return partnerskap{std::move(id), std::string{text}, trusted{}};
    }

    /// The id a name gives: ASCII letters in lower case, å and ä as a, ö as o, é as e, ü as u,
    /// other non-ASCII letters as they are, every run of spaces and punctuation (ASCII, Latin-1
    /// and general punctuation such as – and no-break space) as one '-', none at either end
    /// ("Social välfärd och hälso- och sjukvård" → "social-valfard-och-halso-och-sjukvard").
    /// Empty when the name has only spaces and punctuation.
    [[nodiscard]] static constexpr std::string id_of(std::string_view name)
    {
        std::string id;
        bool dash = false;
        const auto put = [&](char c) {
            if (dash && !id.empty()) {
                id += '-';
            }
            dash = false;
            id += c;
        };
        for (std::size_t i = 0; i < name.size(); ++i) {
            const char c = name[i];
            if (c >= 'a' && c <= 'z') {
                put(c);
            } else if (c >= 'A' && c <= 'Z') {
                put(static_cast<char>(c - 'A' + 'a'));
            } else if (c >= '0' && c <= '9') {
                put(c);
            } else if (const char folded = fold_latin1(name, i); folded != '\0') {
                put(folded);
                ++i; // the two bytes of the UTF-8 letter
            } else if (const std::size_t width = punctuation_width(name, i); width > 0) {
                dash = true;
                i += width - 1;
            } else if (static_cast<unsigned char>(c) >= 0x80) {
                put(c); // a byte of another non-ASCII letter, kept as it is
            } else {
                dash = true;
            }
        }
        return id;
    }

    /// The stable id ("social-valfard").
    [[nodiscard]] constexpr const std::string& id() const noexcept { return id_; }
    /// The name shown in reports ("Social välfärd och hälso- och sjukvård").
    [[nodiscard]] constexpr const std::string& name() const noexcept { return name_; }

    /// Whether both are the same area: the same id, whatever the names.
    [[nodiscard]] constexpr bool same_area(const partnerskap& other) const noexcept { return id_ == other.id_; }

    /// Equal when id and name are.
    friend constexpr bool operator==(const partnerskap&, const partnerskap&) = default;
    /// Ordered by id, then name.
    friend constexpr std::strong_ordering operator<=>(const partnerskap& a, const partnerskap& b) noexcept
    {
        if (const auto by_id = a.id_ <=> b.id_; by_id != 0) {
            return by_id;
        }
        return a.name_ <=> b.name_;
    }

private:
    struct trusted {};
    constexpr partnerskap(std::string id, std::string name, trusted) : id_{std::move(id)}, name_{std::move(name)} {}

    static constexpr bool padded(std::string_view s) noexcept { return s.empty() || s.front() == ' ' || s.back() == ' '; }

    static constexpr bool is_id(std::string_view id) noexcept
    {
        for (const char c : id) {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || static_cast<unsigned char>(c) >= 0x80)) {
                return false;
            }
        }
        return true;
    }

    /// The length of the UTF-8 punctuation or space at `i` (U+0080–U+00BF: no-break space, «, §;
    /// U+2000–U+206F: en and em dash, quotes, thin spaces), or 0.
    static constexpr std::size_t punctuation_width(std::string_view name, std::size_t i) noexcept
    {
        if (i + 1 < name.size() && name[i] == '\xC2') {
            return 2;
        }
        if (i + 2 < name.size() && name[i] == '\xE2' && (name[i + 1] == '\x80' || name[i + 1] == '\x81')) {
            return 3;
        }
        return 0;
    }

    /// The ASCII letter of the two-byte UTF-8 letter at `i` (å ä ö é ü, either case), or '\0'.
    static constexpr char fold_latin1(std::string_view name, std::size_t i) noexcept
    {
        if (i + 1 >= name.size() || name[i] != '\xC3') {
            return '\0';
        }
        switch (name[i + 1]) {
        case '\xA5': case '\x85': case '\xA4': case '\x84': return 'a'; // å Å ä Ä
        case '\xB6': case '\x96': return 'o';                           // ö Ö
        case '\xA9': case '\x89': return 'e';                           // é É
        case '\xBC': case '\x9C': return 'u';                           // ü Ü
        default: return '\0';
        }
    }

    std::string id_;
    std::string name_;
};

inline namespace literals {
/// "Nära vård"_area: the area of that name, its id derived (partnerskap::named); throws as named.
[[nodiscard]] constexpr partnerskap operator""_area(const char* name, std::size_t size)
{
    return partnerskap::named(std::string{name, size});
}
} // namespace literals

namespace detail {
/// "area \"X\" appears twice", saying how it was written the first time when that differs.
inline std::string twice(const partnerskap& area, const partnerskap& first)
{
    std::string text = "area \"" + area.name() + "\" appears twice";
    if (area.name() != first.name()) {
        text += " (also as \"" + first.name() + "\": both are the area " + area.id() + ")";
    }
    return text;
}
} // namespace detail

} // namespace ku

/// Hashes an area by its id, as same_area compares.
template <>
struct std::hash<ku::partnerskap> {
    /// The hash of the area's id.
    std::size_t operator()(const ku::partnerskap& area) const noexcept { return std::hash<std::string>{}(area.id()); }
};
