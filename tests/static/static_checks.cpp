// Compile-time checks of ku's value types: this file compiles only if every assertion holds.
#include <concepts>
#include <optional>
#include <string>
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

// A share is exact: integers convert, floating point and characters do not; a cpp_rational
// only explicitly.
static_assert(!std::is_constructible_v<ku::exact_share, double>);
static_assert(!std::is_constructible_v<ku::exact_share, float>);
static_assert(!std::is_constructible_v<ku::exact_share, bool>);
static_assert(!std::is_constructible_v<ku::exact_share, char>);
static_assert(!std::is_assignable_v<ku::exact_share&, double>);
static_assert(std::is_convertible_v<int, ku::exact_share>);
static_assert(std::is_convertible_v<boost::multiprecision::cpp_int, ku::exact_share>);
static_assert(std::is_constructible_v<ku::exact_share, boost::multiprecision::cpp_rational>);
static_assert(!std::is_convertible_v<boost::multiprecision::cpp_rational, ku::exact_share>);
static_assert(std::is_constructible_v<ku::exact_share, int, int>);

// Ratios and rates are exact.
static_assert(!std::is_constructible_v<ku::ratio, double>);
static_assert(!std::is_constructible_v<ku::rate, double>);
static_assert(ku::ratio{15, 100} == ku::ratio{3, 20});
static_assert(ku::rate::percent(15).as_ratio() == ku::ratio{3, 20});
static_assert(ku::multiply(money::kr(9'000'000), ku::ratio{1, 10}, ku::rounding_mode::half_up,
                           unit::kr) == money::kr(900'000));
} // namespace

// Core value types: what must and must not compile, and constant-evaluated results.
namespace core_checks {
using ku::money;
using ku::rounding_mode;
using ku::unit;

template <class A, class B>
concept addable = requires(A a, B b) { a + b; };
template <class A, class B>
concept multipliable = requires(A a, B b) { a * b; };

// Amounts do not mix with ratios, rates, populations or floating point.
static_assert(addable<money, money>);
static_assert(!addable<money, ku::ratio>);
static_assert(!addable<money, ku::rate>);
static_assert(!addable<money, ku::population>);
static_assert(!addable<money, int>);
static_assert(!addable<money, double>);
static_assert(multipliable<money, int>);
static_assert(multipliable<std::size_t, money>);
static_assert(!multipliable<money, double>);
static_assert(!multipliable<float, money>);
static_assert(!multipliable<money, ku::ratio>);
static_assert(!multipliable<money, money>);
static_assert(!std::is_assignable_v<money&, ku::population>);
static_assert(!std::is_assignable_v<money&, double>);
static_assert(!std::is_assignable_v<money&, int>);

// A kommun code is text: no integer of any width makes one, not even a literal 0.
static_assert(!std::is_constructible_v<ku::kommun_code, long>);
static_assert(!std::is_constructible_v<ku::kommun_code, unsigned>);
static_assert(!std::is_convertible_v<int, ku::kommun_code>);
static_assert(!std::is_constructible_v<ku::lan_code, int>);
static_assert(std::is_constructible_v<ku::kommun_code, const char*>);
static_assert(!std::is_convertible_v<const char*, ku::kommun_code>);

// An area is a value, not a string: no string becomes one without saying how its id is made,
// and it does not compare with a string.
static_assert(!std::is_constructible_v<ku::partnerskap, std::string>);
static_assert(!std::is_convertible_v<const char*, ku::partnerskap>);
static_assert(!std::is_convertible_v<std::string, ku::partnerskap>);
static_assert(!std::is_default_constructible_v<ku::partnerskap>);
static_assert(!std::equality_comparable_with<ku::partnerskap, std::string>);
static_assert(std::is_same_v<decltype(ku::balance_entry::area), ku::partnerskap>);
static_assert(std::is_same_v<decltype(ku::balance_row::area), ku::partnerskap>);
static_assert(std::is_same_v<decltype(ku::reorganisation_rule::to), std::optional<ku::partnerskap>>);
static_assert(std::is_same_v<decltype(ku::share_row::area), ku::partnerskap>);

// A population is counted: an int count works, explicitly; floating point does not.
static_assert(std::is_constructible_v<ku::population, int>);
static_assert(!std::is_convertible_v<int, ku::population>);
static_assert(!std::is_constructible_v<ku::population, float>);
static_assert(ku::population{6'842} + ku::population{17'794} == ku::population{24'636});

// Rounding is constant-evaluated: 2,5 and -2,5 in every mode.
static_assert(ku::divide_rounded(25, 10, rounding_mode::half_up) == 3);
static_assert(ku::divide_rounded(-25, 10, rounding_mode::half_up) == -3);
static_assert(ku::divide_rounded(25, 10, rounding_mode::half_even) == 2);
static_assert(ku::divide_rounded(35, 10, rounding_mode::half_even) == 4);
static_assert(ku::divide_rounded(-25, 10, rounding_mode::half_down) == -2);
static_assert(ku::divide_rounded(24, 10, rounding_mode::up) == 3);
static_assert(ku::divide_rounded(-26, 10, rounding_mode::down) == -2);
static_assert(ku::divide_rounded(-24, 10, rounding_mode::floor) == -3);
static_assert(ku::divide_rounded(-26, 10, rounding_mode::ceiling) == -2);
static_assert(ku::divide_rounded(25, -10, rounding_mode::floor) == -3);
static_assert(ku::round(money::ore(-250), unit::kr, rounding_mode::half_even) == money::kr(-2));
static_assert(ku::round(money::kr(3'562'623), unit::tkr, rounding_mode::half_up) ==
              money::in(unit::tkr, 3'563));
static_assert(ku::multiply(money::kr(3'562'623), ku::rate::percent(10), rounding_mode::half_up,
                           unit::kr) == money::kr(356'262));
static_assert(ku::multiply(money::kr(1'000), ku::rate::percent(15), rounding_mode::half_up) ==
              money::kr(150));

// The range is symmetric.
static_assert(money::min() == -money::max());
static_assert(money::max().in_ore() == std::numeric_limits<std::int64_t>::max());

// Exact ratios and rates.
static_assert(ku::ratio{1, 3} + ku::ratio{1, 6} == ku::ratio{1, 2});
static_assert(ku::ratio{3, -9} == ku::ratio{-1, 3});
static_assert(ku::ratio{1, 3} < ku::ratio{1, 2});
static_assert(ku::rate::percent(15) < ku::rate::percent(20));
static_assert(ku::rate::percent(15).as_ratio() == ku::ratio{3, 20});

// The catalogue is usable at compile time.
static_assert(ku::jonkopings_lan().find("Jönköping")->code == ku::kommun_code{"0680"});
static_assert(!ku::jonkopings_lan().find(ku::kommun_code{"0699"}).has_value());
static_assert(ku::kommun_code{"0604"} < ku::kommun_code{"0687"});
} // namespace core_checks

// An amount is multiplied by a count, not by a truth value or a character.
static_assert(!core_checks::multipliable<ku::money, bool>);
static_assert(!core_checks::multipliable<ku::money, char>);
static_assert(core_checks::multipliable<ku::money, long long>);
