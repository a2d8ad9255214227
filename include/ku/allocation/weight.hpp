#pragma once
/// @file
/// ku::weight: a non-negative exact decimal weight of an allocation key (a population, a
/// share of a fee, "12,5").

#include <compare>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

#include "ku/core/decimal_text.hpp"
#include "ku/core/error.hpp"
#include "ku/core/population.hpp"
#include "ku/core/ratio.hpp"

namespace ku {

/// A non-negative decimal weight: `scaled / 10^decimals` (6809 is {6809, 0}; 12,5 is {125, 1}).
class weight {
public:
    /// Weight zero.
    constexpr weight() noexcept = default;

    /// `n` as a whole weight; throws ku::domain_error when negative.
    [[nodiscard]] static constexpr weight whole(std::int64_t n) { return weight{n, 0}; }

    /// scaled / 10^decimals; throws ku::domain_error when negative or decimals > 18.
    constexpr weight(std::int64_t scaled, int decimals) : scaled_{scaled}, decimals_{decimals}
    {
        if (scaled < 0) {
            throw domain_error("weight: a weight cannot be negative (" + std::to_string(scaled) + ")");
        }
        if (decimals < 0 || decimals > 18) {
            throw domain_error("weight: at most 18 decimals");
        }
    }

    /// The population count as a weight.
    constexpr explicit weight(population p) : weight{p.count(), 0} {}

    template <std::floating_point F>
    weight(F) = delete; // weights are exact: pass an integer, a population or a decimal text

    /// Reads a non-negative decimal ("6809", "12,5", "0.25"); throws ku::parse_error for a
    /// malformed text and ku::domain_error for a negative weight, naming the text and `where`.
    [[nodiscard]] static inline weight parse(std::string_view text, std::string_view where = {});

    /// The digits without the decimal point (125 for 12,5).
    [[nodiscard]] constexpr std::int64_t scaled() const noexcept { return scaled_; }
    /// How many of the digits are decimals, 0–18 (1 for 12,5).
    [[nodiscard]] constexpr int decimals() const noexcept { return decimals_; }

    /// The exact value as a ratio.
    [[nodiscard]] constexpr ratio as_ratio() const;

    /// Equal values compare equal whatever their decimals (12,5 == 12,50).
    friend bool operator==(weight a, weight b) { return a.as_ratio() == b.as_ratio(); }
    /// Ordered by exact value.
    friend std::strong_ordering operator<=>(weight a, weight b) { return a.as_ratio() <=> b.as_ratio(); }

private:
    std::int64_t scaled_{0};
    int decimals_{0};
};

/// Plain machine form with '.' as decimal point: "6809", "12.5".
[[nodiscard]] inline std::string to_string(weight w);

inline weight weight::parse(std::string_view text, std::string_view where)
{
    const ratio value = ratio::parse(text, where);
    if (value.num() < 0) {
        throw domain_error("weight \"" + std::string{text} + "\"" +
                           (where.empty() ? "" : " (" + std::string{where} + ")") +
                           " is negative; a weight cannot be negative");
    }
    if (text.find('/') != std::string_view::npos || text.find('%') != std::string_view::npos) {
        throw parse_error(text, 0, "a weight is a plain decimal number", where);
    }
    int decimals = 0;
    std::int64_t scale = 1;
    while (scale % value.den() != 0) {
        scale *= 10;
        ++decimals;
    }
    return weight{value.num() * (scale / value.den()), decimals};
}

constexpr ratio weight::as_ratio() const
{
    std::int64_t den = 1;
    for (int i = 0; i < decimals_; ++i) {
        den *= 10;
    }
    return ratio{scaled_, den};
}

inline std::string to_string(weight w) { return decimal_text(w.scaled(), w.decimals()); }

} // namespace ku
