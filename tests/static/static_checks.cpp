// Compile-time checks of ku's value types: this file compiles only if every assertion holds.
#include <type_traits>

#include "ku/ku.hpp"

namespace {
using ku::money;
using ku::unit;

// Money is exact: no way in from floating point, no implicit way in from an integer.
static_assert(!std::is_constructible_v<money, double>);
static_assert(!std::is_constructible_v<money, float>);
static_assert(!std::is_constructible_v<money, int>);
static_assert(!std::is_convertible_v<int, money>);
static_assert(std::is_trivially_copyable_v<money>);
static_assert(sizeof(money) == sizeof(std::int64_t));

static_assert(money::kr(3'562'623).in_ore() == 356'262'300);
static_assert(money::in(unit::tkr, 58'088) == money::kr(58'088'000));
static_assert(money::kr(5) + money::ore(50) == money::ore(550));
static_assert(-money::kr(395) < money{});
static_assert(money::kr(42'000) * 12 == money::kr(504'000));
static_assert(ku::round(money::ore(250), unit::kr, ku::rounding_mode::half_even) == money::kr(2));

// A kommun code is not an integer, and a population is not an amount.
static_assert(!std::is_constructible_v<ku::kommun_code, int>);
static_assert(!std::is_convertible_v<ku::population, money>);
static_assert(!std::is_convertible_v<money, ku::population>);
static_assert(!std::is_constructible_v<ku::population, double>);
static_assert(ku::jonkopings_lan().size() == 13);
static_assert(ku::jonkopings_lan().find(ku::kommun_code{"0683"})->name == "Värnamo");

// Ratios and rates are exact.
static_assert(!std::is_constructible_v<ku::ratio, double>);
static_assert(!std::is_constructible_v<ku::rate, double>);
static_assert(ku::ratio{15, 100} == ku::ratio{3, 20});
static_assert(ku::rate::percent(15).as_ratio() == ku::ratio{3, 20});
static_assert(ku::multiply(money::kr(9'000'000), ku::ratio{1, 10}, ku::rounding_mode::half_up,
                           unit::kr) == money::kr(900'000));
} // namespace
