#pragma once
/// @file
/// ku::rate: an exact decimal rate such as an overhead surcharge (15 %, 20 %) or a derived
/// fee's fraction (0,1 of another fee). A rate is a ratio whose value is a finite decimal.

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>

#include "ku/core/decimal_text.hpp"
#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/ratio.hpp"

namespace ku {

/// An exact decimal rate (15 %, 12,5 %, 0,2). Any sign is allowed (a change can be negative).
class rate {
public:
    /// Zero.
    constexpr rate() noexcept = default;

    /// The rate with this exact value. Throws ku::domain_error when the value is not a finite
    /// decimal (1/3 is a ratio, not a rate).
    constexpr explicit rate(ratio value) : value_{value}
    {
        std::int64_t d = value.den();
        while (d % 10 == 0) { d /= 10; }
        while (d % 2 == 0) { d /= 2; }
        while (d % 5 == 0) { d /= 5; }
        if (d != 1) {
            throw domain_error("rate: " + std::to_string(value.num()) + "/" +
                               std::to_string(value.den()) + " is not a finite decimal");
        }
    }

    template <std::floating_point F>
    rate(F) = delete; // a rate is exact: use rate::percent or rate::parse("15 %")

    /// `p` percent: rate::percent(15) is 15 % = 0,15.
    [[nodiscard]] static constexpr rate percent(std::int64_t p) { return rate{ratio{p, 100}}; }

    /// Reads "15 %", "15%", "12,5 %", "0,2" or "0.2". Throws ku::parse_error naming the text and
    /// `where`, and ku::domain_error for a value that is not a finite decimal.
    [[nodiscard]] static rate parse(std::string_view text, std::string_view where = {})
    {
        return rate{ratio::parse(text, where)};
    }

    /// The exact value as a ratio (15 % is 3/20).
    [[nodiscard]] constexpr ratio as_ratio() const noexcept { return value_; }

    /// Ordered by value.
    friend constexpr auto operator<=>(rate, rate) noexcept = default;
    /// Equal when the values are (15 % == 0,15).
    friend constexpr bool operator==(rate, rate) noexcept = default;

private:
    ratio value_{};
};

/// The rate as a Swedish percent with as many decimals as it needs: "15 %", "12,5 %".
[[nodiscard]] inline std::string to_string(rate r)
{
    // A rate is a finite decimal: scale its percent value by 10 until it is whole. The
    // denominator can need up to 63 decimals, so this is done without a width limit.
    using boost::multiprecision::cpp_int;
    const cpp_int numerator = cpp_int{r.as_ratio().num()} * 100;
    const cpp_int denominator = r.as_ratio().den();
    cpp_int scale = 1;
    int decimals = 0;
    while ((numerator * scale) % denominator != 0) {
        scale *= 10;
        ++decimals;
    }
    const cpp_int scaled = numerator * scale / denominator;
    return decimal_text(scaled, decimals, {.point = ','}) + " %";
}

/// amount × r rounded to a whole number of `u` by `mode` (a 15 % surcharge, in kronor, half-up).
[[nodiscard]] constexpr money multiply(money amount, rate r, rounding_mode mode, unit u = unit::ore)
{
    return multiply(amount, r.as_ratio(), mode, u);
}

} // namespace ku
