// ku::ratio (exact fractions such as population shares) and ku::rate (exact decimal rates such
// as an OH surcharge): reduction, arithmetic, comparison, parsing, text and errors.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>

#include "../support/parse_failure.hpp"

#include "ku/core/error.hpp"
#include "ku/core/rate.hpp"
#include "ku/core/ratio.hpp"
#include "../support/random.hpp"

namespace {

using ku::rate;
using ku::ratio;

using ku::test::int64_max;
using ku::test::int64_min;

} // namespace

// Failed comparisons print a ratio as "num/den" and a rate as a percent.
namespace Catch {
template <>
struct StringMaker<ku::ratio> {
    static std::string convert(ku::ratio r) { return ku::to_string(r); }
};
template <>
struct StringMaker<ku::rate> {
    static std::string convert(ku::rate r) { return ku::to_string(r); }
};
} // namespace Catch

namespace {

/// The parse_error ratio::parse throws for `text`, or none.
std::optional<ku::parse_error> ratio_parse_failure(std::string_view text, std::string_view where = {})
{
    return ku::test::parse_failure_of([&] { return ratio::parse(text, where); });
}

} // namespace

// ---------------------------------------------------------------------------------------------
// ratio

TEST_CASE("a ratio is kept in lowest terms with a positive denominator", "[ratio]")
{
    const ratio fifteen_percent{15, 100};
    REQUIRE(fifteen_percent.num() == 3);
    REQUIRE(fifteen_percent.den() == 20);
    const ratio negative_denominator{3, -9};
    REQUIRE(negative_denominator.num() == -1);
    REQUIRE(negative_denominator.den() == 3);
    const ratio both_negative{-4, -8};
    REQUIRE(both_negative.num() == 1);
    REQUIRE(both_negative.den() == 2);
    const ratio zero{0, -5};
    REQUIRE(zero.num() == 0);
    REQUIRE(zero.den() == 1);
    REQUIRE(ratio{}.num() == 0);
    REQUIRE(ratio{}.den() == 1);
    REQUIRE(ratio::whole(7).num() == 7);
    REQUIRE(ratio::whole(7).den() == 1);
    // A population share: Jönköping's 146 197 of key A's 369 327 inhabitants is already reduced.
    const ratio share{146'197, 369'327};
    REQUIRE(share.num() == 146'197);
    REQUIRE(share.den() == 369'327);
    const ratio large{int64_min + 2, 2}; // -(2^63 - 2) / 2
    REQUIRE(large.num() == -(int64_max / 2));
    REQUIRE(large.den() == 1);
}

TEST_CASE("a ratio with a zero denominator is a domain error", "[ratio][error]")
{
    REQUIRE_THROWS_AS(ratio(1, 0), ku::domain_error);
    REQUIRE_THROWS_AS(ratio(0, 0), ku::domain_error);
    REQUIRE_THROWS_WITH(ratio(3, 0), Catch::Contains("denominator is zero"));
}

TEST_CASE("a ratio whose sign cannot be normalised in 64 bits overflows", "[ratio][error]")
{
    REQUIRE_THROWS_AS(ratio(int64_min, 1), ku::overflow_error);
    REQUIRE_THROWS_AS(ratio(1, int64_min), ku::overflow_error);
    REQUIRE_THROWS_AS(ratio::whole(int64_min), ku::overflow_error);
    REQUIRE(ratio(int64_min, int64_min) == ratio::whole(1));
    REQUIRE(ratio(2, int64_min) == ratio(-1, 4'611'686'018'427'387'904));
}

TEST_CASE("ratios add, subtract, multiply and divide exactly", "[ratio][arithmetic]")
{
    REQUIRE(ratio{1, 3} + ratio{1, 6} == ratio{1, 2});
    REQUIRE(ratio{1, 2} - ratio{3, 4} == ratio{-1, 4});
    REQUIRE(ratio{2, 3} * ratio{9, 4} == ratio{3, 2});
    REQUIRE(ratio{1, 2} / ratio{1, 4} == ratio::whole(2));
    REQUIRE(ratio{1, 2} / ratio{-1, 4} == ratio::whole(-2));
    REQUIRE(-ratio{3, 20} == ratio{-3, 20});
    REQUIRE(-ratio{} == ratio{});
    // The 13 key-A shares add up to exactly one.
    ratio total;
    for (const std::int64_t count : {6'842, 17'794, 29'145, 9'309, 13'283, 146'197, 7'568, 31'649,
                                     11'664, 18'806, 14'857, 27'531, 34'682}) {
        total = total + ratio{count, 369'327};
    }
    REQUIRE(total == ratio::whole(1));
    // Intermediates beyond 64 bits are fine when the reduced result fits.
    REQUIRE(ratio{int64_max, 2} * ratio{2, int64_max} == ratio::whole(1));
    REQUIRE(ratio::whole(int64_max) + ratio::whole(-int64_max) == ratio{});
    REQUIRE(ratio{1, int64_max} - ratio{1, int64_max} == ratio{});
}

TEST_CASE("dividing a ratio by zero is a domain error", "[ratio][error]")
{
    REQUIRE_THROWS_AS(ratio(1, 2) / ratio{}, ku::domain_error);
    REQUIRE_THROWS_WITH(ratio(1, 2) / ratio(0, 7), Catch::Contains("division by zero"));
}

TEST_CASE("a ratio result that does not fit 64 bits overflows", "[ratio][error]")
{
    REQUIRE_THROWS_AS(ratio::whole(int64_max) * ratio::whole(2), ku::overflow_error);
    REQUIRE_THROWS_AS(ratio::whole(int64_max) + ratio::whole(1), ku::overflow_error);
    REQUIRE_THROWS_AS(ratio::whole(-int64_max) - ratio::whole(1), ku::overflow_error);
    // Denominators 2^63 - 1 and 2^63 - 2 are coprime: their sum's denominator needs 126 bits.
    REQUIRE_THROWS_AS(ratio(1, int64_max) + ratio(1, int64_max - 1), ku::overflow_error);
    REQUIRE_THROWS_AS(ratio(1, int64_max) / ratio::whole(2), ku::overflow_error);
    REQUIRE_THROWS_WITH(ratio::whole(int64_max) * ratio::whole(2), Catch::Contains("does not fit"));
}

TEST_CASE("ratios compare by their exact value", "[ratio]")
{
    REQUIRE(ratio{1, 3} < ratio{1, 2});
    REQUIRE(ratio{-1, 2} < ratio{1, 3});
    REQUIRE(ratio{-1, 2} < ratio{-1, 3});
    REQUIRE(ratio{2, 4} == ratio{1, 2});
    REQUIRE(ratio{2, 4} != ratio{2, 3});
    REQUIRE((ratio{1, 3} <=> ratio{2, 6}) == std::strong_ordering::equal);
    REQUIRE(ratio::whole(1) > ratio{int64_max - 1, int64_max});
    // Close neighbours that only 128-bit cross products tell apart.
    REQUIRE(ratio{int64_max - 2, int64_max - 1} < ratio{int64_max - 1, int64_max});
    REQUIRE(ratio{-(int64_max - 1), int64_max} < ratio{-(int64_max - 2), int64_max - 1});
}

TEST_CASE("a ratio converts to an unbounded exact rational", "[ratio]")
{
    using boost::multiprecision::cpp_rational;
    REQUIRE(ratio{15, 100}.to_rational() == cpp_rational{3, 20});
    REQUIRE(ratio{-1, 3}.to_rational() == cpp_rational{-1, 3});
    REQUIRE(ratio{int64_max - 1, int64_max}.to_rational() + cpp_rational{1, int64_max} == 1);
}

TEST_CASE("a ratio is written as num/den, or as a whole number", "[ratio]")
{
    REQUIRE(ku::to_string(ratio{3, 10}) == "3/10");
    REQUIRE(ku::to_string(ratio{15, 100}) == "3/20");
    REQUIRE(ku::to_string(ratio{-1, 3}) == "-1/3");
    REQUIRE(ku::to_string(ratio{4, 2}) == "2");
    REQUIRE(ku::to_string(ratio{}) == "0");
}

TEST_CASE("a ratio reads as a fraction, a decimal or a percent", "[ratio][parse]")
{
    REQUIRE(ratio::parse("3/10") == ratio{3, 10});
    REQUIRE(ratio::parse("6/20") == ratio{3, 10});
    REQUIRE(ratio::parse("0,15") == ratio{3, 20});
    REQUIRE(ratio::parse("0.15") == ratio{3, 20});
    REQUIRE(ratio::parse("12,5 %") == ratio{1, 8});
    REQUIRE(ratio::parse("12,5%") == ratio{1, 8});
    REQUIRE(ratio::parse("15 %") == ratio{3, 20});
    REQUIRE(ratio::parse("-2") == ratio::whole(-2));
    REQUIRE(ratio::parse("\u2212" "0,5") == ratio{-1, 2});
    REQUIRE(ratio::parse("+0,2") == ratio{1, 5});
    REQUIRE(ratio::parse("  3/10\u00A0") == ratio{3, 10});
    REQUIRE(ratio::parse("1/3 %") == ratio{1, 300});
    REQUIRE(ratio::parse("146197/369327") == ratio{146'197, 369'327});
    REQUIRE(ratio::parse("0") == ratio{});
}

TEST_CASE("a ratio that cannot be read names the text and the position", "[ratio][parse][error]")
{
    const auto empty = ratio_parse_failure("");
    REQUIRE(empty);
    REQUIRE(empty->position() == 0U);
    REQUIRE_THROWS_WITH(ratio::parse(""), Catch::Contains("empty"));

    const auto zero_denominator = ratio_parse_failure("3/0");
    REQUIRE(zero_denominator);
    REQUIRE(zero_denominator->input() == "3/0");
    REQUIRE(zero_denominator->position() == 3U);
    REQUIRE_THROWS_WITH(ratio::parse("3/0"), Catch::Contains("\"3/0\"") &&
                                                 Catch::Contains("at position 3") &&
                                                 Catch::Contains("denominator is zero"));

    const auto stray = ratio_parse_failure("1,2x");
    REQUIRE(stray);
    REQUIRE(stray->position() == 4U);
    REQUIRE_THROWS_WITH(ratio::parse("1,2x"), Catch::Contains("'x'"));

    const auto letters = ratio_parse_failure("abc");
    REQUIRE(letters);
    REQUIRE(letters->position() == 1U);

    const auto no_denominator = ratio_parse_failure("3/");
    REQUIRE(no_denominator);
    REQUIRE(no_denominator->position() == 3U);

    const auto no_fraction = ratio_parse_failure("0,");
    REQUIRE(no_fraction);
    REQUIRE(no_fraction->position() == 3U);

    const auto two_signs = ratio_parse_failure("--1");
    REQUIRE(two_signs);
    REQUIRE(two_signs->position() == 2U);

    const auto padded = ratio_parse_failure("  1,2x");
    REQUIRE(padded);
    REQUIRE(padded->position() == 6U);

    REQUIRE(ratio_parse_failure("15 % %"));
    REQUIRE(ratio_parse_failure("1/2/3"));
    REQUIRE_THROWS_AS(ratio::parse("1234567890123456789"), ku::parse_error);
    REQUIRE_THROWS_WITH(ratio::parse("1234567890123456789"), Catch::Contains("too many digits"));
    REQUIRE_THROWS_AS(ratio::parse("0,123456789012345678"), ku::parse_error);

    const auto located = ratio_parse_failure("3/0", "keys.csv:2:share");
    REQUIRE(located);
    REQUIRE(located->where() == "keys.csv:2:share");
    REQUIRE_THROWS_WITH(ratio::parse("3/0", "keys.csv:2:share"), Catch::Contains("(keys.csv:2:share)"));
}

// ---------------------------------------------------------------------------------------------
// rate

TEST_CASE("a rate is an exact decimal percent", "[rate]")
{
    REQUIRE(rate::percent(15).as_ratio() == ratio{3, 20});
    REQUIRE(rate::percent(20).as_ratio() == ratio{1, 5});
    REQUIRE(rate::percent(-5).as_ratio() == ratio{-1, 20});
    REQUIRE(rate::percent(150).as_ratio() == ratio{3, 2});
    REQUIRE(rate{}.as_ratio() == ratio{});
    REQUIRE(rate{ratio{1, 8}}.as_ratio() == ratio{1, 8});
    REQUIRE(rate{ratio{1, 10}} == rate::percent(10));
    REQUIRE(rate::percent(15) < rate::percent(20));
    REQUIRE(rate::percent(-5) < rate{});
}

TEST_CASE("a rate reads as a percent or a decimal fraction", "[rate][parse]")
{
    REQUIRE(rate::parse("15 %") == rate::percent(15));
    REQUIRE(rate::parse("15%") == rate::percent(15));
    REQUIRE(rate::parse("20 %") == rate::percent(20));
    REQUIRE(rate::parse("12,5 %").as_ratio() == ratio{1, 8});
    REQUIRE(rate::parse("0,2") == rate::percent(20));
    REQUIRE(rate::parse("0.2") == rate::percent(20));
    REQUIRE(rate::parse("-3 %") == rate::percent(-3));
    REQUIRE(rate::parse("1/8") == rate::parse("12,5 %"));
    REQUIRE_THROWS_AS(rate::parse("15 procent"), ku::parse_error);
    REQUIRE_THROWS_WITH(rate::parse("15 procent", "oh.csv:1"),
                        Catch::Contains("\"15 procent\"") && Catch::Contains("(oh.csv:1)") &&
                            Catch::Contains("at position 4"));
}

TEST_CASE("a rate is written as a Swedish percent with the decimals it needs", "[rate]")
{
    REQUIRE(ku::to_string(rate::percent(15)) == "15 %");
    REQUIRE(ku::to_string(rate::parse("12,5 %")) == "12,5 %");
    REQUIRE(ku::to_string(rate::percent(-5)) == "-5 %");
    REQUIRE(ku::to_string(rate::parse("-12,5 %")) == "-12,5 %");
    REQUIRE(ku::to_string(rate{ratio{1, 200}}) == "0,5 %");
    REQUIRE(ku::to_string(rate{ratio{-1, 200}}) == "-0,5 %");
    REQUIRE(ku::to_string(rate{}) == "0 %");
    REQUIRE(ku::to_string(rate::percent(150)) == "150 %");
    REQUIRE(ku::to_string(rate::parse("0,2")) == "20 %");
    REQUIRE(ku::to_string(rate{ratio{1, 1024}}) == "0,09765625 %");
    // Written and read back, a rate is unchanged.
    for (const std::string_view text : {"15 %", "12,5 %", "0,5 %", "-7,25 %", "100 %", "0,001 %"}) {
        CAPTURE(text);
        REQUIRE(ku::to_string(rate::parse(text)) == text);
    }
}

TEST_CASE("a rate with a power-of-two denominator is written in full", "[rate]")
{
    // 1/2^62 = 100/2^62 % = 5^62 / 10^60 %: sixty decimals, the last 44 of them 5^62.
    using boost::multiprecision::cpp_int;
    const rate tiny{ratio{1, std::int64_t{1} << 62}};
    cpp_int five_pow = 1;
    for (int i = 0; i < 62; ++i) {
        five_pow *= 5;
    }
    const std::string digits = five_pow.str();
    REQUIRE(digits.size() == 44U);
    REQUIRE(ku::to_string(tiny) == "0," + std::string(16, '0') + digits + " %");
}

TEST_CASE("a third is a ratio, not a rate", "[rate][error]")
{
    REQUIRE_THROWS_AS(rate{ratio(1, 3)}, ku::domain_error);
    REQUIRE_THROWS_WITH(rate{ratio(1, 3)}, Catch::Contains("1/3") &&
                                               Catch::Contains("not a finite decimal"));
    REQUIRE_THROWS_AS(rate::parse("1/3"), ku::domain_error);
    REQUIRE_THROWS_AS(rate::parse("1/6"), ku::domain_error);
    REQUIRE_THROWS_AS(rate{ratio(146'197, 369'327)}, ku::domain_error);
    REQUIRE_THROWS_AS(rate{ratio(1, 7)}, ku::domain_error);
    REQUIRE_NOTHROW(rate{ratio(1, 80)});
    REQUIRE_NOTHROW(rate{ratio(3, 625)});
}
