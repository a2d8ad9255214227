#pragma once
/// @file
/// Kommuner and län: validated SCB codes, and the built-in catalogue of the 13 kommuner
/// of Jönköpings län.

#include <array>
#include <compare>
#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ku/core/detail/entities.hpp"
#include "ku/core/error.hpp"

namespace ku {

namespace detail {
[[nodiscard]] constexpr bool all_digits(std::string_view text) noexcept
{
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}
[[nodiscard]] constexpr std::uint16_t digits_value(std::string_view text) noexcept
{
    std::uint16_t value = 0;
    for (const char c : text) {
        value = static_cast<std::uint16_t>(value * 10 + (c - '0'));
    }
    return value;
}
} // namespace detail

/// A län (county) code of SCB: two digits, "06" for Jönköpings län. Not an integer.
class lan_code {
public:
    /// Validates two ASCII digits; throws ku::parse_error naming the text and `where`.
    constexpr explicit lan_code(std::string_view digits, std::string_view where = {})
        : value_{validate(digits, where)}
    {
    }
    template <std::integral I>
    lan_code(I) = delete; // a län code is text with its leading zero: lan_code{"06"}

    /// The code as its two digits, "06".
    [[nodiscard]] std::string str() const
    {
        return {static_cast<char>('0' + value_ / 10), static_cast<char>('0' + value_ % 10)};
    }

    /// Ordered by the code's digits.
    friend constexpr auto operator<=>(lan_code, lan_code) noexcept = default;
    /// Equal when the digits are.
    friend constexpr bool operator==(lan_code, lan_code) noexcept = default;

private:
    [[nodiscard]] static constexpr std::uint16_t validate(std::string_view digits,
                                                          std::string_view where)
    {
        if (digits.size() != 2 || !detail::all_digits(digits)) {
            throw parse_error(digits, 0, "a län code is two digits, e.g. 06", where);
        }
        return detail::digits_value(digits);
    }

    std::uint16_t value_;
};

/// A kommun code of SCB: four digits whose first two are the län, "0683" for Värnamo.
/// Not an integer: leading zeros are part of it, and arithmetic on it does not compile.
class kommun_code {
public:
    /// Validates four ASCII digits; throws ku::parse_error naming the text and `where`.
    constexpr explicit kommun_code(std::string_view digits, std::string_view where = {})
        : value_{validate(digits, where)}
    {
    }
    template <std::integral I>
    kommun_code(I) = delete; // a kommun code is text with its leading zero: kommun_code{"0683"}

    /// The code as its four digits, "0683".
    [[nodiscard]] std::string str() const
    {
        std::string s(4, '0');
        std::uint16_t v = value_;
        for (auto i = s.size(); i-- > 0; v = static_cast<std::uint16_t>(v / 10)) {
            s[i] = static_cast<char>('0' + v % 10);
        }
        return s;
    }

    /// The län the kommun is in (the first two digits).
    [[nodiscard]] lan_code lan() const { return lan_code{str().substr(0, 2)}; }

    /// The code's digits as a number (683 for "0683"), for ordering and tie-breaking keys
    /// only; a code is not a quantity.
    [[nodiscard]] constexpr std::uint16_t ordinal() const noexcept { return value_; }

    /// Ordered by the code's digits ("0604" before "0683").
    friend constexpr auto operator<=>(kommun_code, kommun_code) noexcept = default;
    /// Equal when the digits are.
    friend constexpr bool operator==(kommun_code, kommun_code) noexcept = default;

private:
    [[nodiscard]] static constexpr std::uint16_t validate(std::string_view digits,
                                                          std::string_view where)
    {
        if (digits.size() != 4 || !detail::all_digits(digits)) {
            throw parse_error(digits, 0, "a kommun code is four digits, e.g. 0683", where);
        }
        return detail::digits_value(digits);
    }

    std::uint16_t value_;
};

/// A kommun: its SCB code and its name ("0683", "Värnamo").
struct kommun {
    kommun_code code; ///< the SCB code ("0683")
    std::string_view name; ///< the name ("Värnamo"); the text must outlive the kommun

    /// Equal when code and name are.
    friend constexpr bool operator==(const kommun&, const kommun&) noexcept = default;
};

/// An immutable list of kommuner with lookup by code or by name. The library never holds a
/// global catalogue: callers pass the one they use (usually ku::jonkopings_lan()).
class kommun_catalogue {
public:
    /// A catalogue over `kommuner`, whose storage must outlive it. Throws ku::domain_error for
    /// a duplicate code or name.
    constexpr explicit kommun_catalogue(std::span<const kommun> kommuner) : kommuner_{kommuner}
    {
        for (std::size_t i = 0; i < kommuner.size(); ++i) {
            for (std::size_t j = i + 1; j < kommuner.size(); ++j) {
                if (kommuner[i].code == kommuner[j].code || kommuner[i].name == kommuner[j].name) {
                    throw domain_error("kommun catalogue: duplicate kommun " +
                                       std::string{kommuner[j].name});
                }
            }
        }
    }

    /// Every kommun, in the catalogue's order.
    [[nodiscard]] constexpr std::span<const kommun> all() const noexcept { return kommuner_; }
    /// The number of kommuner.
    [[nodiscard]] constexpr std::size_t size() const noexcept { return kommuner_.size(); }

    /// The kommun with this code, or none.
    [[nodiscard]] constexpr std::optional<kommun> find(kommun_code code) const noexcept
    {
        for (const kommun& k : kommuner_) {
            if (k.code == code) {
                return k;
            }
        }
        return std::nullopt;
    }
    /// The kommun with exactly this name, or none.
    [[nodiscard]] constexpr std::optional<kommun> find(std::string_view name) const noexcept
    {
        for (const kommun& k : kommuner_) {
            if (k.name == name) {
                return k;
            }
        }
        return std::nullopt;
    }

    /// The kommun this text names: the catalogue's name or a usual variant of it, compared
    /// case-insensitively ("jönköping", "Jönköping kommun", "Jönköpings kommun"), or none.
    [[nodiscard]] constexpr std::optional<kommun> find_name(std::string_view text) const noexcept
    {
        for (const kommun& k : kommuner_) {
            if (detail::entities_impl::names_kommun(text, k.name)) {
                return k;
            }
        }
        return std::nullopt;
    }

    /// The kommun `text` stands for: its four-digit SCB code or a name find_name knows. Throws
    /// ku::lookup_error naming the text and `where` for an unknown code or name.
    [[nodiscard]] constexpr kommun identify(std::string_view text, std::string_view where = {}) const
    {
        const std::string_view code = detail::entities_impl::trimmed(text);
        if (code.size() == 4 && detail::all_digits(code)) {
            return at(kommun_code{code, where}, where);
        }
        if (const auto named = find_name(text)) {
            return *named;
        }
        std::string example;
        if (!kommuner_.empty()) {
            example = ", e.g. " + std::string{kommuner_.front().name} + " or " + kommuner_.front().code.str();
        }
        throw lookup_error((where.empty() ? std::string{} : std::string{where} + ": ") + "unknown kommun " +
                           detail::error_impl::quoted(text) + " (a name or an SCB code" + example + ")");
    }

    /// The name of the kommun with this code, or the code itself when the catalogue does not
    /// have it: what a report shows for a member.
    [[nodiscard]] std::string name_or_code(kommun_code code) const
    {
        const auto found = find(code);
        return found ? std::string{found->name} : code.str();
    }

    /// The kommun with this code; throws ku::lookup_error naming the code and `where`.
    [[nodiscard]] constexpr kommun at(kommun_code code, std::string_view where = {}) const
    {
        if (const auto found = find(code)) {
            return *found;
        }
        throw lookup_error("unknown kommun code " + code.str() + detail::entities_impl::in(where));
    }
    /// The kommun with this name; throws ku::lookup_error naming the name and `where`.
    [[nodiscard]] constexpr kommun at(std::string_view name, std::string_view where = {}) const
    {
        if (const auto found = find(name)) {
            return *found;
        }
        throw lookup_error("unknown kommun \"" + std::string{name} + "\"" +
                           detail::entities_impl::in(where));
    }

private:
    std::span<const kommun> kommuner_;
};

namespace detail {
inline constexpr std::array<kommun, 13> jonkopings_lan_kommuner{{
    {kommun_code{"0604"}, "Aneby"},     {kommun_code{"0617"}, "Gnosjö"},
    {kommun_code{"0642"}, "Mullsjö"},   {kommun_code{"0643"}, "Habo"},
    {kommun_code{"0662"}, "Gislaved"},  {kommun_code{"0665"}, "Vaggeryd"},
    {kommun_code{"0680"}, "Jönköping"}, {kommun_code{"0682"}, "Nässjö"},
    {kommun_code{"0683"}, "Värnamo"},   {kommun_code{"0684"}, "Sävsjö"},
    {kommun_code{"0685"}, "Vetlanda"},  {kommun_code{"0686"}, "Eksjö"},
    {kommun_code{"0687"}, "Tranås"},
}};
} // namespace detail

/// The län code of Jönköpings län, "06".
inline constexpr lan_code jonkopings_lan_code{"06"};

/// The 13 kommuner of Jönköpings län (SCB codes 0604–0687), in code order.
[[nodiscard]] constexpr kommun_catalogue jonkopings_lan()
{
    return kommun_catalogue{detail::jonkopings_lan_kommuner};
}

} // namespace ku
