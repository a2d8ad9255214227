// ku::decimal_text: exact values (a count of units and a number of decimals) as decimal text,
// plain and Swedish, for 64-bit, 128-bit and unbounded counts; and ku::restyle_decimal.

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>

#include "ku/core/decimal_text.hpp"
#include "../support/random.hpp"

namespace {

using boost::multiprecision::cpp_int;
using ku::decimal_style;
using ku::decimal_text;
using ku::int128;

using ku::test::int64_max;
using ku::test::int64_min;
__extension__ using uint128 = unsigned __int128;

constexpr int128 int128_max = static_cast<int128>((uint128{1} << 127U) - 1U);
constexpr int128 int128_min = -int128_max - 1;

constexpr decimal_style swedish = decimal_style::swedish();
constexpr decimal_style comma{.point = ',', .group_thousands = false, .trim_zeros = false};
constexpr decimal_style trimmed{.point = '.', .group_thousands = false, .trim_zeros = true};

/// The reference: units / 10^decimals built by division and remainder (not by the facility's
/// padding of one digit string), grouped from the right by inserting spaces.
std::string reference_text(const cpp_int& units, int decimals, decimal_style style)
{
    const cpp_int scale = boost::multiprecision::pow(cpp_int{10}, static_cast<unsigned>(decimals));
    const cpp_int magnitude = units < 0 ? cpp_int{-units} : units;
    std::string whole = cpp_int{magnitude / scale}.str();
    if (style.group_thousands) {
        for (std::size_t end = whole.size(); end > 3; end -= 3) {
            whole.insert(end - 3, " ");
        }
    }
    std::string fraction;
    if (decimals > 0) {
        fraction = cpp_int{magnitude % scale}.str();
        fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
    }
    if (style.trim_zeros) {
        fraction.erase(fraction.find_last_not_of('0') + 1);
    }
    return (units < 0 ? "-" : "") + whole + (fraction.empty() ? "" : std::string{style.point} + fraction);
}

/// A random count whose magnitude is spread over every bit length from 1 to `max_bits`.
cpp_int random_units(std::mt19937_64& rng, unsigned max_bits)
{
    std::uniform_int_distribution<unsigned> bits(1, max_bits);
    const unsigned length = bits(rng);
    cpp_int magnitude = 0;
    for (unsigned filled = 0; filled < length; filled += 64) {
        magnitude = (magnitude << 64) | cpp_int{rng()};
    }
    magnitude &= (cpp_int{1} << length) - 1; // below 2^length
    return (rng() & 1U) != 0 ? cpp_int{-magnitude} : magnitude;
}

decimal_style random_style(std::mt19937_64& rng)
{
    const auto bits = rng();
    return {.point = (bits & 1U) != 0 ? ',' : '.', .group_thousands = (bits & 2U) != 0, .trim_zeros = (bits & 4U) != 0};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Plain and Swedish text

TEST_CASE("a count of hundredths is written with its two decimals after a point", "[decimal_text]")
{
    CHECK(decimal_text(std::int64_t{12345}, 2) == "123.45");
    CHECK(decimal_text(std::int64_t{-12345}, 2) == "-123.45");
    CHECK(decimal_text(std::int64_t{356262300}, 2) == "3562623.00");
    CHECK(decimal_text(std::int64_t{-39550}, 2) == "-395.50");
}

TEST_CASE("a value with fewer digits than decimals gets zeros in front of them", "[decimal_text]")
{
    CHECK(decimal_text(std::int64_t{5}, 2) == "0.05");
    CHECK(decimal_text(std::int64_t{-5}, 2) == "-0.05");
    CHECK(decimal_text(std::int64_t{50}, 2) == "0.50");
    CHECK(decimal_text(std::int64_t{7}, 6) == "0.000007");
    CHECK(decimal_text(std::int64_t{5}, 2, swedish) == "0,05");
}

TEST_CASE("zero is written without a sign, with every decimal asked for", "[decimal_text]")
{
    CHECK(decimal_text(std::int64_t{0}, 0) == "0");
    CHECK(decimal_text(std::int64_t{0}, 2) == "0.00");
    CHECK(decimal_text(int128{0}, 3, swedish) == "0,000");
    CHECK(decimal_text(cpp_int{0}, 1, comma) == "0,0");
    CHECK(decimal_text(std::int64_t{0}, 4, trimmed) == "0");
}

TEST_CASE("no decimals means no decimal point", "[decimal_text]")
{
    CHECK(decimal_text(std::int64_t{6809}, 0) == "6809");
    CHECK(decimal_text(std::int64_t{-395}, 0, swedish) == "-395");
    CHECK(decimal_text(cpp_int{845153}, 0, swedish) == "845 153");
}

TEST_CASE("the Swedish style groups the whole part by three with spaces and uses a decimal comma",
          "[decimal_text]")
{
    CHECK(decimal_text(std::int64_t{123456750}, 2, swedish) == "1 234 567,50");
    CHECK(decimal_text(std::int64_t{-123456750}, 2, swedish) == "-1 234 567,50");
    CHECK(decimal_text(std::int64_t{123}, 0, swedish) == "123");
    CHECK(decimal_text(std::int64_t{1234}, 0, swedish) == "1 234");
    CHECK(decimal_text(std::int64_t{123456}, 0, swedish) == "123 456");
    CHECK(decimal_text(std::int64_t{-100000}, 0, swedish) == "-100 000");
    // The fraction is never grouped.
    CHECK(decimal_text(std::int64_t{1234567}, 7, swedish) == "0,1234567");
}

TEST_CASE("a comma without groups writes percents such as 12,5 and 1500", "[decimal_text]")
{
    CHECK(decimal_text(std::int64_t{125}, 1, comma) == "12,5");
    CHECK(decimal_text(std::int64_t{1500}, 0, comma) == "1500");
    CHECK(decimal_text(std::int64_t{-1250}, 2, comma) == "-12,50");
}

TEST_CASE("trimming drops the fraction's trailing zeros and the point when none remain", "[decimal_text]")
{
    CHECK(decimal_text(std::int64_t{1250}, 2, trimmed) == "12.5");
    CHECK(decimal_text(std::int64_t{1200}, 2, trimmed) == "12");
    CHECK(decimal_text(std::int64_t{-1200}, 2, trimmed) == "-12");
    CHECK(decimal_text(std::int64_t{1201}, 2, trimmed) == "12.01");
    CHECK(decimal_text(std::int64_t{1000}, 0, trimmed) == "1000"); // zeros before the point stay
    CHECK(decimal_text(cpp_int{-333333333333}, 10, trimmed) == "-33.3333333333");
    CHECK(decimal_text(std::int64_t{1234500}, 3, {.point = ',', .group_thousands = true, .trim_zeros = true}) ==
          "1 234,5");
}

TEST_CASE("narrower integers are written as their 64-bit value", "[decimal_text]")
{
    CHECK(decimal_text(5, 2) == "0.05");
    CHECK(decimal_text(short{-1234}, 1, swedish) == "-123,4");
    CHECK(decimal_text(-9'000'000'000LL, 3, swedish) == "-9 000 000,000");
}

TEST_CASE("the text is a constant expression for 64- and 128-bit counts", "[decimal_text]")
{
    STATIC_REQUIRE(decimal_text(std::int64_t{-12345}, 2) == "-123.45");
    STATIC_REQUIRE(decimal_text(int128{123456750}, 2, decimal_style::swedish()) == "1 234 567,50");
    STATIC_REQUIRE(decimal_text(std::int64_t{5}, 2) == "0.05");
    STATIC_REQUIRE(ku::restyle_decimal("-1234.5", decimal_style::swedish()) == "-1 234,5");
}

// ---------------------------------------------------------------------------------------------
// Extremes

TEST_CASE("every 64-bit count is written exactly, the most negative one too", "[decimal_text]")
{
    CHECK(decimal_text(int64_max, 2) == "92233720368547758.07");
    CHECK(decimal_text(-int64_max, 2, swedish) == "-92 233 720 368 547 758,07");
    CHECK(decimal_text(int64_min, 2, swedish) == "-92 233 720 368 547 758,08");
    CHECK(decimal_text(int64_min, 0) == "-9223372036854775808");
    CHECK(decimal_text(int64_max, 19) == "0.9223372036854775807");
    CHECK(decimal_text(int64_max, 20) == "0.09223372036854775807");
}

TEST_CASE("every 128-bit count is written exactly, the most negative one too", "[decimal_text]")
{
    CHECK(decimal_text(int128_max, 0, swedish) == "170 141 183 460 469 231 731 687 303 715 884 105 727");
    CHECK(decimal_text(int128_max, 39) == "0.170141183460469231731687303715884105727");
    CHECK(decimal_text(int128_min, 2) == "-1701411834604692317316873037158841057.28");
    CHECK(decimal_text(int128_min, 0) == "-170141183460469231731687303715884105728");
    CHECK(decimal_text(int128{-1}, 38) == "-0.00000000000000000000000000000000000001");
}

TEST_CASE("a count beyond 128 bits is written exactly", "[decimal_text]")
{
    const cpp_int two_to_200 = cpp_int{1} << 200;
    CHECK(decimal_text(two_to_200, 0) == "1606938044258990275541962092341162602522202993782792835301376");
    CHECK(decimal_text(cpp_int{-two_to_200}, 4, swedish) ==
          "-160 693 804 425 899 027 554 196 209 234 116 260 252 220 299 378 279 283 530,1376");
    CHECK(decimal_text(two_to_200, 70) ==
          "0.0000000001606938044258990275541962092341162602522202993782792835301376");
    CHECK(decimal_text(cpp_int{-two_to_200 + 1}, 61, trimmed) ==
          "-0.1606938044258990275541962092341162602522202993782792835301375");
}

// ---------------------------------------------------------------------------------------------
// Restyling a plain decimal text

TEST_CASE("a plain decimal text is restyled digit for digit", "[decimal_text][restyle]")
{
    CHECK(ku::restyle_decimal("-1234.50", swedish) == "-1 234,50");
    CHECK(ku::restyle_decimal("1234567", swedish) == "1 234 567");
    CHECK(ku::restyle_decimal("12.5", comma) == "12,5");
    CHECK(ku::restyle_decimal("0.05", swedish) == "0,05");
    CHECK(ku::restyle_decimal("12.50", trimmed) == "12.5");
    // What is written is kept: the sign of a zero and leading zeros.
    CHECK(ku::restyle_decimal("-0", swedish) == "-0");
    CHECK(ku::restyle_decimal("0012345.6", swedish) == "0 012 345,6");
}

TEST_CASE("a text that is not a plain decimal is returned unchanged by restyling", "[decimal_text][restyle]")
{
    CHECK(ku::restyle_decimal("100/3", swedish) == "100/3");
    CHECK(ku::restyle_decimal("", swedish).empty());
    CHECK(ku::restyle_decimal("-", swedish) == "-");
    CHECK(ku::restyle_decimal("12.", swedish) == "12.");
    CHECK(ku::restyle_decimal(".5", swedish) == ".5");
    CHECK(ku::restyle_decimal("1 234", swedish) == "1 234");
    CHECK(ku::restyle_decimal("12,5", swedish) == "12,5");
    CHECK(ku::restyle_decimal("1e5", swedish) == "1e5");
}

// ---------------------------------------------------------------------------------------------
// Properties over random values

TEST_CASE("random counts of every width agree with a reference built by division", "[decimal_text][property]")
{
    std::mt19937_64 rng{20250611};
    std::uniform_int_distribution<int> decimals_of(0, 45);
    for (int i = 0; i < 20'000; ++i) {
        const cpp_int units = random_units(rng, 300);
        const int decimals = decimals_of(rng);
        const decimal_style style = random_style(rng);
        INFO(units.str() << " with " << decimals << " decimals");
        REQUIRE(decimal_text(units, decimals, style) == reference_text(units, decimals, style));
    }
}

TEST_CASE("a random count gives the same text as a 64-bit, a 128-bit and an unbounded integer",
          "[decimal_text][property]")
{
    std::mt19937_64 rng{20250612};
    std::uniform_int_distribution<int> decimals_of(0, 25);
    for (int i = 0; i < 20'000; ++i) {
        const cpp_int units = random_units(rng, 63);
        const auto small = static_cast<std::int64_t>(units);
        const int decimals = decimals_of(rng);
        const decimal_style style = random_style(rng);
        INFO(units.str() << " with " << decimals << " decimals");
        const std::string text = decimal_text(units, decimals, style);
        REQUIRE(decimal_text(small, decimals, style) == text);
        REQUIRE(decimal_text(int128{small}, decimals, style) == text);
        REQUIRE(text == reference_text(units, decimals, style));
    }
    for (int i = 0; i < 20'000; ++i) {
        const cpp_int units = random_units(rng, 127);
        const int decimals = decimals_of(rng);
        const decimal_style style = random_style(rng);
        // The 128-bit value of the same count, built from its two 64-bit halves.
        const cpp_int magnitude = units < 0 ? cpp_int{-units} : units;
        const auto high = static_cast<std::uint64_t>(magnitude >> 64);
        const auto low = static_cast<std::uint64_t>(magnitude & std::numeric_limits<std::uint64_t>::max());
        const auto wide_magnitude = static_cast<int128>((uint128{high} << 64U) | low);
        const int128 wide = units < 0 ? -wide_magnitude : wide_magnitude;
        INFO(units.str() << " with " << decimals << " decimals");
        REQUIRE(decimal_text(wide, decimals, style) == reference_text(units, decimals, style));
    }
}

TEST_CASE("restyling the plain text of a random count gives its text in that style", "[decimal_text][property]")
{
    std::mt19937_64 rng{20250613};
    std::uniform_int_distribution<int> decimals_of(0, 25);
    for (int i = 0; i < 20'000; ++i) {
        const cpp_int units = random_units(rng, 200);
        const int decimals = decimals_of(rng);
        const decimal_style style = random_style(rng);
        INFO(units.str() << " with " << decimals << " decimals");
        REQUIRE(ku::restyle_decimal(decimal_text(units, decimals), style) == decimal_text(units, decimals, style));
    }
}
