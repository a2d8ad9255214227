// ku::money: parsing of Swedish and plain amounts, exact overflow-checked arithmetic,
// formatting, and the round trips between text and amounts.

#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "../support/parse_failure.hpp"

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "../support/random.hpp"

namespace {

using ku::money;
using ku::unit;

using ku::test::int64_max;
using ku::test::int64_min;

/// The parse_error money::parse throws for `text`, or none if it throws nothing or another type.
std::optional<ku::parse_error> parse_failure(std::string_view text, unit default_unit = unit::kr,
                                             std::string_view where = {})
{
    return ku::test::parse_failure_of([&] { return money::parse(text, default_unit, where); });
}

/// A random count of öre whose magnitude is spread over every power of two up to 2^63 - 1.
std::int64_t random_ore(std::mt19937_64& rng)
{
    std::uniform_int_distribution<int> bits(1, 63);
    const auto magnitude = static_cast<std::int64_t>(rng() >> (64 - bits(rng)));
    return (rng() & 1U) != 0 ? -magnitude : magnitude;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Parsing

TEST_CASE("a whole-krona amount reads with spaces between the thousands", "[money][parse]")
{
    REQUIRE(money::parse("3 562 623") == money::kr(3'562'623));
    REQUIRE(money::parse("3 562 623 kr") == money::kr(3'562'623));
    REQUIRE(money::parse("3 562 623 kr").in_ore() == 356'262'300);
    REQUIRE(money::parse("3562623").in_ore() == 356'262'300);
    REQUIRE(money::parse("0") == money{});
    REQUIRE(money::parse("1 000 000 kr") == money::kr(1'000'000));
    REQUIRE(money::parse("3 562 623kr") == money::kr(3'562'623));
}

TEST_CASE("kronor and öre are separated by a decimal comma or a point", "[money][parse]")
{
    REQUIRE(money::parse("1 234,56") == money::ore(123'456));
    REQUIRE(money::parse("1234.56") == money::ore(123'456));
    REQUIRE(money::parse("1234,5") == money::ore(123'450));
    REQUIRE(money::parse("0,05 kr") == money::ore(5));
    REQUIRE(money::parse("395,50 kr") == money::ore(39'550));
    REQUIRE(money::parse("12,00") == money::kr(12));
    REQUIRE(money::parse("1,230") == money::ore(123)); // a trailing zero is not a fraction of an öre
}

TEST_CASE("a minus is written with a hyphen or with the minus sign U+2212", "[money][parse]")
{
    REQUIRE(money::parse("-395") == money::kr(-395));
    REQUIRE(money::parse("\u2212" "395") == money::kr(-395));
    REQUIRE(money::parse("\u2212" "3 562 623 kr") == money::kr(-3'562'623));
    REQUIRE(money::parse("-0,50 kr") == money::ore(-50));
    REQUIRE(money::parse("+395") == money::kr(395));
    REQUIRE(money::parse("-0") == money{});
}

TEST_CASE("amounts in tkr and mnkr are read in their own unit", "[money][parse]")
{
    REQUIRE(money::parse("28,9 mnkr") == money::kr(28'900'000));
    REQUIRE(money::parse("58 088 tkr") == money::kr(58'088'000));
    REQUIRE(money::parse("58 088,5 tkr") == money::kr(58'088'500));
    REQUIRE(money::parse("1,73 mnkr") == money::kr(1'730'000));
    REQUIRE(money::parse("0,00001 tkr") == money::ore(1));
    REQUIRE(money::parse("0,00000001 mnkr") == money::ore(1));
    REQUIRE(money::parse("-3 500 tkr") == money::kr(-3'500'000));
    REQUIRE(money::parse("250 öre") == money::kr(2) + money::ore(50));
    REQUIRE(money::parse("250 ore") == money::ore(250));
}

TEST_CASE("a number without a unit symbol is read in the default unit", "[money][parse]")
{
    REQUIRE(money::parse("58 088", unit::tkr) == money::kr(58'088'000));
    REQUIRE(money::parse("28,9", unit::mnkr) == money::kr(28'900'000));
    REQUIRE(money::parse("250", unit::ore) == money::ore(250));
    REQUIRE(money::parse("250") == money::kr(250));
    // A symbol in the text wins over the default.
    REQUIRE(money::parse("5 kr", unit::tkr) == money::kr(5));
    REQUIRE(money::parse("5 tkr", unit::ore) == money::kr(5'000));
}

TEST_CASE("a thousands separator may be a no-break space", "[money][parse]")
{
    REQUIRE(money::parse("3\u00A0" "562\u00A0" "623 kr") == money::kr(3'562'623));
    REQUIRE(money::parse("58\u00A0" "088\u00A0" "tkr") == money::kr(58'088'000));
}

TEST_CASE("a thousands separator may be a narrow no-break space", "[money][parse]")
{
    REQUIRE(money::parse("3\u202F" "562\u202F" "623 kr") == money::kr(3'562'623));
    REQUIRE(money::parse("\u2212" "1\u202F" "234,56") == money::ore(-123'456));
}

TEST_CASE("spaces around an amount are ignored", "[money][parse]")
{
    REQUIRE(money::parse("  -395 kr  ") == money::kr(-395));
    REQUIRE(money::parse("\t58 088\u00A0tkr\u202F") == money::kr(58'088'000));
}

TEST_CASE("more decimals than whole öre allow are refused", "[money][parse][error]")
{
    REQUIRE_THROWS_AS(money::parse("1,234"), ku::parse_error);
    REQUIRE_THROWS_WITH(money::parse("1,234"), Catch::Contains("\"1,234\"") &&
                                                   Catch::Contains("at most 2 in kr"));
    const auto e = parse_failure("1,234 kr");
    REQUIRE(e);
    REQUIRE(e->input() == "1,234 kr");
    REQUIRE(e->position() == 0U); // the unit that makes the decimals too many comes last
    REQUIRE(parse_failure("0,001"));
    REQUIRE(parse_failure("28,912345678 mnkr")); // nine decimals of a million
    REQUIRE_THROWS_WITH(money::parse("0,5 öre"), Catch::Contains("a fraction of an öre"));
    REQUIRE_THROWS_WITH(money::parse("1,234567 tkr"), Catch::Contains("at most 5 in tkr"));
    // The same digits are whole öre in a larger unit.
    REQUIRE(money::parse("1,234 tkr") == money::kr(1'234));
    REQUIRE(money::parse("28,91234567 mnkr") == money::ore(2'891'234'567));
}

TEST_CASE("a stray character is reported at its character position", "[money][parse][error]")
{
    REQUIRE_THROWS_AS(money::parse("12x"), ku::parse_error);
    REQUIRE_THROWS_WITH(money::parse("12x"), Catch::Contains("\"12x\"") &&
                                                 Catch::Contains("at position 3") &&
                                                 Catch::Contains("'x'"));
    const auto e = parse_failure("12x");
    REQUIRE(e);
    REQUIRE(e->input() == "12x");
    REQUIRE(e->position() == 3U);

    // Positions count characters, not bytes: U+2212 is one character of three bytes.
    const auto after_minus = parse_failure("\u2212" "12x");
    REQUIRE(after_minus);
    REQUIRE(after_minus->position() == 4U);
    const auto after_nbsp = parse_failure("1\u00A0" "234 €");
    REQUIRE(after_nbsp);
    REQUIRE(after_nbsp->position() == 7U);
    REQUIRE_THROWS_WITH(money::parse("1\u00A0" "234 €"), Catch::Contains("'€'"));

    // Leading spaces count: the position is in the text as given.
    const auto padded = parse_failure("  12x");
    REQUIRE(padded);
    REQUIRE(padded->position() == 5U);

    const auto word = parse_failure("12 kronor");
    REQUIRE(word);
    REQUIRE(word->position() == 6U); // "kr" is a symbol, "onor" is not
    const auto letter_first = parse_failure("x12");
    REQUIRE(letter_first);
    REQUIRE(letter_first->position() == 1U);
    const auto no_fraction = parse_failure("5,");
    REQUIRE(no_fraction);
    REQUIRE(no_fraction->position() == 3U);
    REQUIRE_THROWS_WITH(money::parse("5,"), Catch::Contains("after the decimal separator"));
    const auto bare_sign = parse_failure("-");
    REQUIRE(bare_sign);
    REQUIRE(bare_sign->position() == 2U);
}

TEST_CASE("an empty amount is refused as a whole", "[money][parse][error]")
{
    REQUIRE_THROWS_AS(money::parse(""), ku::parse_error);
    REQUIRE_THROWS_WITH(money::parse(""), Catch::Contains("\"\"") && Catch::Contains("empty"));
    const auto e = parse_failure("");
    REQUIRE(e);
    REQUIRE(e->input().empty());
    REQUIRE(e->position() == 0U);
    const auto blank = parse_failure(" \u00A0 ");
    REQUIRE(blank);
    REQUIRE(blank->position() == 0U);
    REQUIRE(parse_failure("kr"));
}

TEST_CASE("an amount has at most one sign", "[money][parse][error]")
{
    for (const std::string_view text : {"--5", "-\u2212" "5", "\u2212-5", "+-5", "-+5"}) {
        CAPTURE(text);
        REQUIRE_THROWS_AS(money::parse(text), ku::parse_error);
        REQUIRE_THROWS_WITH(money::parse(text), Catch::Contains("two signs") &&
                                                    Catch::Contains("at position 2") &&
                                                    Catch::Contains(std::string{text}));
        const auto e = parse_failure(text);
        REQUIRE(e);
        REQUIRE(e->input() == text);
        REQUIRE(e->position() == 2U);
    }
}

TEST_CASE("digits between thousands separators come in groups of three", "[money][parse][error]")
{
    // A last group of two: a third digit was expected after "23".
    const auto short_last = parse_failure("1 23");
    REQUIRE(short_last);
    REQUIRE(short_last->input() == "1 23");
    REQUIRE(short_last->position() == 5U);
    REQUIRE_THROWS_WITH(money::parse("1 23"), Catch::Contains("\"1 23\"") &&
                                                  Catch::Contains("at position 5") &&
                                                  Catch::Contains("three digits"));
    // A first group of four: the separator after it is at fault.
    const auto long_first = parse_failure("1234 567");
    REQUIRE(long_first);
    REQUIRE(long_first->position() == 5U);
    REQUIRE_THROWS_WITH(money::parse("1234 567"), Catch::Contains("\"1234 567\"") &&
                                                      Catch::Contains("at position 5"));
    // A middle group of two.
    const auto short_middle = parse_failure("1 23 456");
    REQUIRE(short_middle);
    REQUIRE(short_middle->position() == 5U);
    // A last group of four.
    REQUIRE(parse_failure("1 2345"));
    REQUIRE(parse_failure("12 345 6789 kr"));
    // Two spaces are not a separator.
    REQUIRE(parse_failure("1  234"));
    // The same rule with the other separators.
    REQUIRE(parse_failure("1\u00A0" "23"));
    REQUIRE(parse_failure("1234\u202F" "567"));
}

TEST_CASE("an amount beyond ±(2^63 - 1) öre overflows instead of wrapping", "[money][parse][error]")
{
    REQUIRE(money::parse("92 233 720 368 547 758,07 kr") == money::max());
    REQUIRE(money::parse("-92 233 720 368 547 758,07 kr") == money::min());
    REQUIRE(money::parse("9223372036854775807", unit::ore) == money::max());

    REQUIRE_THROWS_AS(money::parse("92 233 720 368 547 758,08 kr"), ku::overflow_error);
    REQUIRE_THROWS_AS(money::parse("-92 233 720 368 547 758,08 kr"), ku::overflow_error);
    REQUIRE_THROWS_AS(money::parse("9223372036854775808", unit::ore), ku::overflow_error);
    REQUIRE_THROWS_AS(money::parse("100 000 000 000 mnkr"), ku::overflow_error);
    REQUIRE_THROWS_AS(money::parse("1234567890123456789012345678901234567890"),
                      ku::overflow_error);
    REQUIRE_THROWS_WITH(money::parse("92 233 720 368 547 758,08 kr"),
                        Catch::Contains("\"92 233 720 368 547 758,08 kr\"") &&
                            Catch::Contains("beyond the money range"));
    REQUIRE_THROWS_WITH(money::parse("1234567890123456789012345678901234567890", unit::kr, "big.csv:9"),
                        Catch::Contains("(big.csv:9)"));
}

TEST_CASE("the source of a bad amount appears in the message", "[money][parse][error]")
{
    const auto e = parse_failure("12x", unit::kr, "proposal_2025.csv:4:Aneby");
    REQUIRE(e);
    REQUIRE(e->where() == "proposal_2025.csv:4:Aneby");
    REQUIRE(e->position() == 3U);
    REQUIRE(std::string{e->what()} ==
            "cannot read \"12x\" (proposal_2025.csv:4:Aneby) at position 3: unexpected 'x'");
    REQUIRE_THROWS_WITH(money::parse("92 233 720 368 547 758,08", unit::kr, "bokslut.csv:7"),
                        Catch::Contains("(bokslut.csv:7)"));
    const auto nowhere = parse_failure("12x");
    REQUIRE(nowhere);
    REQUIRE(nowhere->where().empty());
    REQUIRE(std::string{nowhere->what()} == "cannot read \"12x\" at position 3: unexpected 'x'");
}

TEST_CASE("a bad amount is a ku::error and a std::runtime_error", "[money][parse][error]")
{
    REQUIRE_THROWS_AS(money::parse("12x"), ku::error);
    REQUIRE_THROWS_AS(money::parse("12x"), std::runtime_error);
    REQUIRE_THROWS_AS(money::parse("92 233 720 368 547 758,08"), ku::error);
}

TEST_CASE("unit symbols are read by name", "[money][unit]")
{
    REQUIRE(ku::parse_unit("öre") == unit::ore);
    REQUIRE(ku::parse_unit("ore") == unit::ore);
    REQUIRE(ku::parse_unit("kr") == unit::kr);
    REQUIRE(ku::parse_unit("tkr") == unit::tkr);
    REQUIRE(ku::parse_unit("mnkr") == unit::mnkr);
    for (const unit u : {unit::ore, unit::kr, unit::tkr, unit::mnkr}) {
        REQUIRE(ku::parse_unit(ku::to_string(u)) == u);
    }
    REQUIRE(ku::ore_per(unit::ore) == 1);
    REQUIRE(ku::ore_per(unit::kr) == 100);
    REQUIRE(ku::ore_per(unit::tkr) == 100'000);
    REQUIRE(ku::ore_per(unit::mnkr) == 100'000'000);
    REQUIRE_THROWS_AS(ku::parse_unit("Mkr"), ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::parse_unit("Mkr", "columns.csv:1"),
                        Catch::Contains("\"Mkr\"") && Catch::Contains("(columns.csv:1)"));
}

// ---------------------------------------------------------------------------------------------
// Construction and arithmetic

TEST_CASE("an amount is counted in öre", "[money]")
{
    REQUIRE(money{}.in_ore() == 0);
    REQUIRE(money::ore(123'456).in_ore() == 123'456);
    REQUIRE(money::kr(3'562'623).in_ore() == 356'262'300);
    REQUIRE(money::in(unit::tkr, 58'088) == money::kr(58'088'000));
    REQUIRE(money::in(unit::mnkr, 3) == money::kr(3'000'000));
    REQUIRE(money::in(unit::ore, -7) == money::ore(-7));
    REQUIRE(money::kr(-395).in_ore() == -39'500);
}

TEST_CASE("an amount knows whether it is whole in a unit", "[money]")
{
    REQUIRE(money::kr(58'088'000).is_whole(unit::tkr));
    REQUIRE_FALSE(money::kr(58'088'500).is_whole(unit::tkr));
    REQUIRE(money::kr(58'088'500).is_whole(unit::kr));
    REQUIRE_FALSE(money::ore(-150).is_whole(unit::kr));
    REQUIRE(money::ore(-200).is_whole(unit::kr));
    REQUIRE(money::ore(1).is_whole(unit::ore));
    REQUIRE(money{}.is_whole(unit::mnkr));
}

TEST_CASE("amounts add, subtract and negate exactly", "[money][arithmetic]")
{
    const money grund = money::kr(3'562'623);
    const money medlem = money::ore(45'050);
    REQUIRE(grund + medlem == money::ore(356'307'350));
    REQUIRE(grund - medlem == money::ore(356'217'250));
    REQUIRE(medlem - grund == money::ore(-356'217'250));
    REQUIRE(-grund == money::kr(-3'562'623));
    REQUIRE(-(-grund) == grund);
    REQUIRE(+grund == grund);
    REQUIRE(-money{} == money{});

    money balance = money::kr(1'000);
    balance += money::ore(50);
    REQUIRE(balance == money::ore(100'050));
    balance -= money::kr(2'000);
    REQUIRE(balance == money::ore(-99'950));
}

TEST_CASE("an amount times a count of members is exact", "[money][arithmetic]")
{
    REQUIRE(money::kr(42'000) * 12 == money::kr(504'000));
    REQUIRE(12 * money::kr(42'000) == money::kr(504'000));
    REQUIRE(money::ore(-5) * 3 == money::ore(-15));
    REQUIRE(money::kr(7) * -2 == money::kr(-14));
    REQUIRE(money::kr(7) * 0 == money{});
    REQUIRE(money::kr(42'000) * std::size_t{13} == money::kr(546'000));
    REQUIRE(money::kr(1) * std::int64_t{1'000'000'000} == money::in(unit::mnkr, 1'000));
    money fee = money::kr(17'136);
    fee *= 2;
    REQUIRE(fee == money::kr(34'272));
}

TEST_CASE("amounts compare by their value in öre", "[money][arithmetic]")
{
    REQUIRE(money::ore(1) > money{});
    REQUIRE(money::kr(-1) < money::ore(-99));
    REQUIRE(money::kr(2) == money::ore(200));
    REQUIRE(money::kr(2) != money::ore(201));
    REQUIRE(money::kr(2) <= money::ore(200));
    REQUIRE(money::kr(2) >= money::ore(200));
    REQUIRE((money::in(unit::tkr, 1) <=> money::kr(999)) == std::strong_ordering::greater);
    REQUIRE((money::min() <=> money::max()) == std::strong_ordering::less);
    REQUIRE(money::min() < -money::kr(1'000'000'000));
}

TEST_CASE("the range of amounts is symmetric around zero", "[money][arithmetic]")
{
    REQUIRE(money::max().in_ore() == int64_max);
    REQUIRE(money::min().in_ore() == -int64_max);
    REQUIRE(-money::max() == money::min());
    REQUIRE(-money::min() == money::max());
    REQUIRE(money::max() + money::min() == money{});
    REQUIRE(money::max() * -1 == money::min());
    REQUIRE(money::ore(-int64_max) == money::min());
    REQUIRE_THROWS_AS(money::ore(int64_min), ku::overflow_error);
}

TEST_CASE("adding or subtracting beyond the range throws instead of wrapping", "[money][arithmetic][error]")
{
    REQUIRE_THROWS_AS(money::max() + money::ore(1), ku::overflow_error);
    REQUIRE_THROWS_AS(money::min() - money::ore(1), ku::overflow_error);
    REQUIRE_THROWS_AS(money::min() + money::ore(-1), ku::overflow_error);
    REQUIRE_THROWS_AS(money::max() - money::min(), ku::overflow_error);
    REQUIRE_THROWS_WITH(money::max() + money::ore(1), Catch::Contains("money + money"));
    REQUIRE_THROWS_WITH(money::min() - money::ore(1), Catch::Contains("money - money"));
    REQUIRE(money::max() - money::ore(1) + money::ore(1) == money::max());

    money balance = money::max();
    REQUIRE_THROWS_AS(balance += money::ore(1), ku::overflow_error);
    REQUIRE(balance == money::max()); // unchanged by the failed operation
    REQUIRE_THROWS_AS(balance -= money::min(), ku::overflow_error);
    REQUIRE(balance == money::max());
}

TEST_CASE("multiplying beyond the range throws instead of wrapping", "[money][arithmetic][error]")
{
    REQUIRE_THROWS_AS(money::max() * 2, ku::overflow_error);
    REQUIRE_THROWS_AS(2 * money::min(), ku::overflow_error);
    REQUIRE_THROWS_AS(money::kr(1) * int64_max, ku::overflow_error);
    REQUIRE_THROWS_AS(money::ore(2) * std::numeric_limits<std::uint64_t>::max(), ku::overflow_error);
    REQUIRE_THROWS_AS(money::ore(-1) * int64_min, ku::overflow_error);
    REQUIRE_THROWS_WITH(money::max() * 2, Catch::Contains("money * integer"));
    REQUIRE(money::ore(1) * int64_max == money::max());
    money fee = money::max();
    REQUIRE_THROWS_AS(fee *= 3, ku::overflow_error);
    REQUIRE(fee == money::max());
}

TEST_CASE("an amount in kronor or a larger unit that does not fit throws", "[money][arithmetic][error]")
{
    REQUIRE_THROWS_AS(money::kr(int64_max), ku::overflow_error);
    REQUIRE_THROWS_AS(money::kr(int64_min), ku::overflow_error);
    REQUIRE_THROWS_AS(money::kr(int64_max / 100 + 1), ku::overflow_error);
    REQUIRE(money::kr(int64_max / 100).in_ore() == int64_max / 100 * 100);
    REQUIRE_THROWS_AS(money::in(unit::mnkr, 100'000'000'000), ku::overflow_error);
    REQUIRE_THROWS_AS(money::in(unit::tkr, -100'000'000'000'000), ku::overflow_error);
    REQUIRE(money::in(unit::mnkr, 92'233'720'368).in_ore() == 9'223'372'036'800'000'000);
    REQUIRE_THROWS_WITH(money::kr(int64_max), Catch::Contains("money::in"));
}

TEST_CASE("the sum of the members' fees is exact", "[money][arithmetic]")
{
    // Grundfinansiering of three kommuner in the 2025 proposal, and a fee in öre.
    const std::vector<money> fees{money::kr(3'562'623), money::kr(842'946), money::kr(166'217),
                                  money::ore(-50)};
    REQUIRE(ku::sum(fees) == money::ore(457'178'550));
    REQUIRE(ku::sum(std::vector<money>{}) == money{});
    REQUIRE(ku::sum(std::vector<money>{money::kr(-395)}) == money::kr(-395));
}

TEST_CASE("a sum may pass beyond the range on its way back", "[money][arithmetic]")
{
    const std::vector<money> amounts{money::max(), money::max(), money::min(), money::min(),
                                     money::kr(1)};
    REQUIRE(ku::sum(amounts) == money::kr(1));
}

TEST_CASE("a sum beyond the range throws", "[money][arithmetic][error]")
{
    REQUIRE_THROWS_AS(ku::sum(std::vector<money>{money::max(), money::ore(1)}), ku::overflow_error);
    REQUIRE_THROWS_AS(ku::sum(std::vector<money>{money::min(), money::min()}), ku::overflow_error);
    REQUIRE_THROWS_WITH(ku::sum(std::vector<money>{money::max(), money::max()}),
                        Catch::Contains("sum of amounts"));
}

// ---------------------------------------------------------------------------------------------
// Formatting

TEST_CASE("amounts are written the Swedish way", "[money][format]")
{
    REQUIRE(ku::format_swedish(money::kr(3'562'623)) == "3 562 623 kr");
    REQUIRE(ku::format_swedish(money::kr(58'088'000), {.in = unit::tkr}) == "58 088 tkr");
    REQUIRE(ku::format_swedish(money::kr(28'900'000), {.in = unit::mnkr}) == "28,9 mnkr");
    REQUIRE(ku::format_swedish(money::kr(-395)) == "-395 kr");
    REQUIRE(ku::format_swedish(money{}) == "0 kr");
    REQUIRE(ku::format_swedish(money::kr(999)) == "999 kr");
    REQUIRE(ku::format_swedish(money::kr(1'000)) == "1 000 kr");
    REQUIRE(ku::format_swedish(money::kr(100'000)) == "100 000 kr");
    REQUIRE(ku::format_swedish(money::ore(250), {.in = unit::ore}) == "250 öre");
}

TEST_CASE("without a decimal count, as many decimals are written as the amount needs", "[money][format]")
{
    REQUIRE(ku::format_swedish(money::ore(123'456)) == "1 234,56 kr");
    REQUIRE(ku::format_swedish(money::ore(150)) == "1,5 kr");
    REQUIRE(ku::format_swedish(money::ore(5)) == "0,05 kr");
    REQUIRE(ku::format_swedish(money::ore(-39'550)) == "-395,5 kr");
    REQUIRE(ku::format_swedish(money::kr(58'088'500), {.in = unit::tkr}) == "58 088,5 tkr");
    REQUIRE(ku::format_swedish(money::ore(1), {.in = unit::tkr}) == "0,00001 tkr");
    REQUIRE(ku::format_swedish(money::ore(1), {.in = unit::mnkr}) == "0,00000001 mnkr");
    REQUIRE(ku::format_swedish(money::max()) == "92 233 720 368 547 758,07 kr");
    REQUIRE(ku::format_swedish(money::min()) == "-92 233 720 368 547 758,07 kr");
}

TEST_CASE("with a decimal count, amounts are rounded by the chosen mode", "[money][format]")
{
    using ku::rounding_mode;
    const money grund = money::kr(3'562'623);
    REQUIRE(ku::format_swedish(grund, {.in = unit::tkr, .decimals = 0}) == "3 563 tkr");
    REQUIRE(ku::format_swedish(grund, {.in = unit::tkr, .decimals = 0, .rounding = rounding_mode::down}) ==
            "3 562 tkr");
    REQUIRE(ku::format_swedish(grund, {.in = unit::tkr, .decimals = 1}) == "3 562,6 tkr");
    REQUIRE(ku::format_swedish(grund, {.in = unit::mnkr, .decimals = 1}) == "3,6 mnkr");
    REQUIRE(ku::format_swedish(grund, {.in = unit::mnkr, .decimals = 2, .rounding = rounding_mode::floor}) ==
            "3,56 mnkr");
    REQUIRE(ku::format_swedish(money::kr(-395), {.decimals = 2}) == "-395,00 kr");

    REQUIRE(ku::format_swedish(money::ore(250), {.decimals = 0}) == "3 kr");
    REQUIRE(ku::format_swedish(money::ore(250), {.decimals = 0, .rounding = rounding_mode::half_even}) ==
            "2 kr");
    REQUIRE(ku::format_swedish(money::ore(-250), {.decimals = 0}) == "-3 kr");
    REQUIRE(ku::format_swedish(money::ore(-250), {.decimals = 0, .rounding = rounding_mode::ceiling}) ==
            "-2 kr");
    // A negative amount that rounds to zero is written without a sign.
    REQUIRE(ku::format_swedish(money::ore(-40), {.decimals = 0}) == "0 kr");
    REQUIRE(ku::format_swedish(money::kr(-499), {.in = unit::tkr, .decimals = 0}) == "0 tkr");
    REQUIRE(ku::format_swedish(money::kr(-500), {.in = unit::tkr, .decimals = 0}) == "-1 tkr");
    // More decimals than the unit has are padded with zeros.
    REQUIRE(ku::format_swedish(money::ore(5), {.decimals = 4}) == "0,0500 kr");
}

TEST_CASE("a decimal count outside 0 to 18 is a domain error", "[money][format][error]")
{
    REQUIRE_THROWS_AS(ku::format_swedish(money::kr(1), {.decimals = -1}), ku::domain_error);
    REQUIRE_THROWS_AS(ku::format_swedish(money::kr(1), {.decimals = 19}), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::format_swedish(money::kr(1), {.decimals = 19}), Catch::Contains("19"));
    REQUIRE(ku::format_swedish(money::max(), {.in = unit::ore, .decimals = 18}) ==
            "9 223 372 036 854 775 807,000000000000000000 öre");
}

TEST_CASE("the unit symbol can be left out", "[money][format]")
{
    REQUIRE(ku::format_swedish(money::kr(3'562'623), {.show_unit = false}) == "3 562 623");
    REQUIRE(ku::format_swedish(money::kr(58'088'000), {.in = unit::tkr, .show_unit = false}) == "58 088");
    REQUIRE(ku::format_swedish(money::kr(28'900'000), {.in = unit::mnkr, .show_unit = false}) == "28,9");
}

TEST_CASE("amounts are written the plain way in kronor with two decimals", "[money][format]")
{
    REQUIRE(ku::format_plain(money::kr(3'562'623)) == "3562623.00");
    REQUIRE(ku::format_plain(money::ore(-39'550)) == "-395.50");
    REQUIRE(ku::format_plain(money{}) == "0.00");
    REQUIRE(ku::format_plain(money::ore(5)) == "0.05");
    REQUIRE(ku::format_plain(money::ore(-5)) == "-0.05");
    REQUIRE(ku::format_plain(money::ore(-100)) == "-1.00");
    REQUIRE(ku::format_plain(money::max()) == "92233720368547758.07");
    REQUIRE(ku::format_plain(money::min()) == "-92233720368547758.07");
}

// ---------------------------------------------------------------------------------------------
// Properties over random amounts

TEST_CASE("every amount written the Swedish way reads back to itself, in every unit", "[money][format][property]")
{
    std::mt19937_64 rng{20250101};
    for (int i = 0; i < 3000; ++i) {
        const money amount = money::ore(random_ore(rng));
        for (const unit u : {unit::ore, unit::kr, unit::tkr, unit::mnkr}) {
            const std::string text = ku::format_swedish(amount, {.in = u});
            CAPTURE(amount.in_ore(), text);
            REQUIRE(money::parse(text) == amount);
            const std::string bare = ku::format_swedish(amount, {.in = u, .show_unit = false});
            CAPTURE(bare);
            REQUIRE(money::parse(bare, u) == amount);
        }
    }
}

TEST_CASE("every amount written the plain way reads back to itself", "[money][format][property]")
{
    std::mt19937_64 rng{20250102};
    for (int i = 0; i < 3000; ++i) {
        const money amount = money::ore(random_ore(rng));
        const std::string text = ku::format_plain(amount);
        CAPTURE(amount.in_ore(), text);
        REQUIRE(money::parse(text) == amount);
    }
    REQUIRE(money::parse(ku::format_plain(money::max())) == money::max());
    REQUIRE(money::parse(ku::format_plain(money::min())) == money::min());
}

TEST_CASE("adding an amount and subtracting it again gives back the first", "[money][arithmetic][property]")
{
    std::mt19937_64 rng{20250103};
    int overflows = 0;
    for (int i = 0; i < 5000; ++i) {
        const money a = money::ore(random_ore(rng));
        const money b = money::ore(random_ore(rng));
        CAPTURE(a.in_ore(), b.in_ore());
        const ku::int128 exact = ku::int128{a.in_ore()} + b.in_ore();
        if (exact > int64_max || exact < -int64_max) {
            ++overflows;
            REQUIRE_THROWS_AS(a + b, ku::overflow_error);
            continue;
        }
        const money total = a + b;
        REQUIRE(total.in_ore() == static_cast<std::int64_t>(exact));
        REQUIRE(total - b == a);
        REQUIRE(total - a == b);
        REQUIRE(b + a == total);
        REQUIRE(-(-a) == a);
    }
    // Both branches were exercised.
    REQUIRE(overflows > 0);
    REQUIRE(overflows < 5000);
}
