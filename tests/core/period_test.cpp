// Periods of account: verksamhetsår, tertial, halvår, delår, bokslut and date ranges; their
// days, the period that follows, and their labels.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "../support/parse_failure.hpp"

#include "ku/core/error.hpp"
#include "ku/core/period.hpp"

namespace {

using ku::period;
using ku::period_kind;
using std::chrono::year;
using std::chrono::year_month_day;
using namespace std::chrono_literals;

/// A date from its numbers: day(2025, 5, 1) is 2025-05-01.
year_month_day date_of(int y, unsigned m, unsigned d)
{
    return year_month_day{year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

/// The parse_error period::parse throws for `text`, or none.
std::optional<ku::parse_error> period_failure(std::string_view text, std::string_view where = {})
{
    return ku::test::parse_failure_of([&] { return period::parse(text, where); });
}

} // namespace

// Failed comparisons print dates and periods as analysts write them.
namespace Catch {
template <>
struct StringMaker<std::chrono::year_month_day> {
    static std::string convert(const std::chrono::year_month_day& d) { return ku::to_string(d); }
};
template <>
struct StringMaker<ku::period> {
    static std::string convert(const ku::period& p) { return p.label(); }
};
} // namespace Catch

// ---------------------------------------------------------------------------------------------
// Days of each kind of period

TEST_CASE("a verksamhetsår runs from 1 January to 31 December", "[period]")
{
    const period p = period::year(2025y);
    REQUIRE(p.kind() == period_kind::year);
    REQUIRE(p.first() == date_of(2025, 1, 1));
    REQUIRE(p.last() == date_of(2025, 12, 31));
    REQUIRE(p.label() == "2025");
}

TEST_CASE("the three tertials are January–April, May–August and September–December", "[period]")
{
    const period t1 = period::tertial(2025y, 1);
    const period t2 = period::tertial(2025y, 2);
    const period t3 = period::tertial(2025y, 3);
    REQUIRE(t1.kind() == period_kind::tertial);
    REQUIRE(t1.first() == date_of(2025, 1, 1));
    REQUIRE(t1.last() == date_of(2025, 4, 30));
    REQUIRE(t2.first() == date_of(2025, 5, 1));
    REQUIRE(t2.last() == date_of(2025, 8, 31));
    REQUIRE(t3.first() == date_of(2025, 9, 1));
    REQUIRE(t3.last() == date_of(2025, 12, 31));
    REQUIRE(t1.label() == "T1 2025");
    REQUIRE(t2.label() == "T2 2025");
    REQUIRE(t3.label() == "T3 2025");
}

TEST_CASE("the two halvår are January–June and July–December", "[period]")
{
    const period h1 = period::halvar(2024y, 1);
    const period h2 = period::halvar(2024y, 2);
    REQUIRE(h1.kind() == period_kind::halvar);
    REQUIRE(h1.first() == date_of(2024, 1, 1));
    REQUIRE(h1.last() == date_of(2024, 6, 30));
    REQUIRE(h2.first() == date_of(2024, 7, 1));
    REQUIRE(h2.last() == date_of(2024, 12, 31));
    REQUIRE(h1.label() == "H1 2024");
    REQUIRE(h2.label() == "H2 2024");
}

TEST_CASE("the delår at 2024-08-31 starts on 2024-01-01", "[period]")
{
    const period p = period::delar(date_of(2024, 8, 31));
    REQUIRE(p.kind() == period_kind::delar);
    REQUIRE(p.first() == date_of(2024, 1, 1));
    REQUIRE(p.last() == date_of(2024, 8, 31));
    REQUIRE(p.label() == "delår 2024-08-31");
    const period leap = period::delar(date_of(2024, 2, 29));
    REQUIRE(leap.first() == date_of(2024, 1, 1));
    REQUIRE(leap.last() == date_of(2024, 2, 29));
}

TEST_CASE("the bokslut 2023 covers the whole year and is reported at 31 December", "[period]")
{
    const period p = period::bokslut(2023y);
    REQUIRE(p.kind() == period_kind::bokslut);
    REQUIRE(p.first() == date_of(2023, 1, 1));
    REQUIRE(p.last() == date_of(2023, 12, 31));
    REQUIRE(p.label() == "bokslut 2023-12-31");
    // The same days as the year, but not the same period.
    REQUIRE(p != period::year(2023y));
    REQUIRE(p.first() == period::year(2023y).first());
    REQUIRE(p.last() == period::year(2023y).last());
}

TEST_CASE("a date range includes both its first and its last day", "[period]")
{
    const period p = period::range(date_of(2024, 1, 1), date_of(2024, 6, 30));
    REQUIRE(p.kind() == period_kind::range);
    REQUIRE(p.first() == date_of(2024, 1, 1));
    REQUIRE(p.last() == date_of(2024, 6, 30));
    REQUIRE(p.label() == "2024-01-01..2024-06-30");
    REQUIRE(p.contains(date_of(2024, 1, 1)));
    REQUIRE(p.contains(date_of(2024, 6, 30)));
    REQUIRE_FALSE(p.contains(date_of(2024, 7, 1)));
    REQUIRE_FALSE(p.contains(date_of(2023, 12, 31)));
    const period one_day = period::range(date_of(2024, 2, 29), date_of(2024, 2, 29));
    REQUIRE(one_day.contains(date_of(2024, 2, 29)));
    REQUIRE(one_day.label() == "2024-02-29..2024-02-29");
}

TEST_CASE("a period contains exactly its own days", "[period]")
{
    const period t2 = period::tertial(2025y, 2);
    REQUIRE_FALSE(t2.contains(date_of(2025, 4, 30)));
    REQUIRE(t2.contains(date_of(2025, 5, 1)));
    REQUIRE(t2.contains(date_of(2025, 8, 31)));
    REQUIRE_FALSE(t2.contains(date_of(2025, 9, 1)));
    const period delar = period::delar(date_of(2024, 8, 31));
    REQUIRE(delar.contains(date_of(2024, 8, 31)));
    REQUIRE_FALSE(delar.contains(date_of(2024, 9, 1)));
}

TEST_CASE("a tertial, halvår or date that does not exist is a domain error", "[period][error]")
{
    REQUIRE_THROWS_AS(period::tertial(2025y, 0), ku::domain_error);
    REQUIRE_THROWS_AS(period::tertial(2025y, 4), ku::domain_error);
    REQUIRE_THROWS_WITH(period::tertial(2025y, 4), Catch::Contains("tertial 4"));
    REQUIRE_THROWS_AS(period::halvar(2025y, 0), ku::domain_error);
    REQUIRE_THROWS_AS(period::halvar(2025y, 3), ku::domain_error);
    REQUIRE_THROWS_WITH(period::halvar(2025y, 3), Catch::Contains("halvår 3"));
    REQUIRE_THROWS_AS(period::delar(date_of(2025, 2, 29)), ku::domain_error);
    REQUIRE_THROWS_AS(period::delar(date_of(2025, 4, 31)), ku::domain_error);
    REQUIRE_THROWS_AS(period::range(date_of(2025, 1, 1), date_of(2025, 2, 30)), ku::domain_error);
}

TEST_CASE("a date range that ends before it starts is a domain error", "[period][error]")
{
    REQUIRE_THROWS_AS(period::range(date_of(2024, 6, 30), date_of(2024, 1, 1)), ku::domain_error);
    REQUIRE_THROWS_WITH(period::range(date_of(2024, 6, 30), date_of(2024, 1, 1)),
                        Catch::Contains("2024-06-30") && Catch::Contains("2024-01-01"));
}

// ---------------------------------------------------------------------------------------------
// The period that follows

TEST_CASE("the year after 2025 is 2026", "[period][next]")
{
    REQUIRE(period::year(2025y).next() == period::year(2026y));
    REQUIRE(period::bokslut(2023y).next() == period::bokslut(2024y));
}

TEST_CASE("tertial 3 of 2025 is followed by tertial 1 of 2026", "[period][next]")
{
    REQUIRE(period::tertial(2025y, 1).next() == period::tertial(2025y, 2));
    REQUIRE(period::tertial(2025y, 2).next() == period::tertial(2025y, 3));
    REQUIRE(period::tertial(2025y, 3).next() == period::tertial(2026y, 1));
    REQUIRE(period::tertial(2025y, 3).next().first() == date_of(2026, 1, 1));
}

TEST_CASE("halvår 2 is followed by halvår 1 of the next year", "[period][next]")
{
    REQUIRE(period::halvar(2025y, 1).next() == period::halvar(2025y, 2));
    REQUIRE(period::halvar(2025y, 2).next() == period::halvar(2026y, 1));
}

TEST_CASE("the next delår is at the same date a year later", "[period][next]")
{
    REQUIRE(period::delar(date_of(2024, 8, 31)).next() == period::delar(date_of(2025, 8, 31)));
    REQUIRE(period::delar(date_of(2024, 4, 30)).next().last() == date_of(2025, 4, 30));
    REQUIRE(period::delar(date_of(2025, 8, 31)).next().first() == date_of(2026, 1, 1));
}

TEST_CASE("the delår after 2024-02-29 is at 2025-02-28", "[period][next]")
{
    const period next = period::delar(date_of(2024, 2, 29)).next();
    REQUIRE(next.kind() == period_kind::delar);
    REQUIRE(next.last() == date_of(2025, 2, 28));
    REQUIRE(next.label() == "delår 2025-02-28");
}

TEST_CASE("a date range has no natural next period", "[period][next][error]")
{
    const period p = period::range(date_of(2024, 1, 1), date_of(2024, 6, 30));
    REQUIRE_THROWS_AS(p.next(), ku::domain_error);
    REQUIRE_THROWS_WITH(p.next(), Catch::Contains("2024-01-01..2024-06-30"));
}

TEST_CASE("consecutive tertials and halvår leave no day out", "[period][next]")
{
    for (period p = period::tertial(2023y, 1); p.first() < date_of(2030, 1, 1); p = p.next()) {
        CAPTURE(p.label());
        const period following = p.next();
        REQUIRE(std::chrono::sys_days{following.first()} == std::chrono::sys_days{p.last()} + std::chrono::days{1});
    }
    for (period p = period::halvar(2023y, 1); p.first() < date_of(2030, 1, 1); p = p.next()) {
        CAPTURE(p.label());
        REQUIRE(std::chrono::sys_days{p.next().first()} == std::chrono::sys_days{p.last()} + std::chrono::days{1});
    }
}

TEST_CASE("periods are ordered by their first day, then their last", "[period]")
{
    REQUIRE(period::tertial(2025y, 1) < period::tertial(2025y, 2));
    REQUIRE(period::tertial(2025y, 1) < period::year(2025y)); // same start, ends earlier
    REQUIRE(period::year(2024y) < period::tertial(2025y, 1));
    REQUIRE(period::delar(date_of(2025, 8, 31)) < period::year(2025y));
    REQUIRE(period::year(2025y) != period::bokslut(2025y));
}

// ---------------------------------------------------------------------------------------------
// Labels

TEST_CASE("every kind of period reads from its label", "[period][parse]")
{
    REQUIRE(period::parse("2025") == period::year(2025y));
    REQUIRE(period::parse("T2 2025") == period::tertial(2025y, 2));
    REQUIRE(period::parse("H1 2025") == period::halvar(2025y, 1));
    REQUIRE(period::parse("H2 2025") == period::halvar(2025y, 2));
    REQUIRE(period::parse("delår 2024-08-31") == period::delar(date_of(2024, 8, 31)));
    REQUIRE(period::parse("bokslut 2023-12-31") == period::bokslut(2023y));
    REQUIRE(period::parse("2024-01-01..2024-06-30") == period::range(date_of(2024, 1, 1), date_of(2024, 6, 30)));
    REQUIRE(period::parse("  T3 2025\u00A0") == period::tertial(2025y, 3));
}

TEST_CASE("a label read back gives the same period", "[period][parse]")
{
    std::vector<period> periods{
        period::year(2025y),
        period::bokslut(2023y),
        period::delar(date_of(2024, 8, 31)),
        period::delar(date_of(2024, 2, 29)),
        period::range(date_of(2024, 1, 1), date_of(2024, 6, 30)),
        period::range(date_of(2023, 12, 31), date_of(2028, 1, 1)),
    };
    for (period p = period::tertial(2024y, 1); p.first().year() < 2027y; p = p.next()) {
        periods.push_back(p);
    }
    for (period p = period::halvar(2024y, 1); p.first().year() < 2027y; p = p.next()) {
        periods.push_back(p);
    }
    for (period p = period::delar(date_of(2024, 4, 30)); p.first().year() < 2027y; p = p.next()) {
        periods.push_back(p);
    }
    REQUIRE(periods.size() == 24U);
    for (const period& p : periods) {
        CAPTURE(p.label());
        REQUIRE(period::parse(p.label()) == p);
        REQUIRE(period::parse(p.label()).label() == p.label());
    }
}

TEST_CASE("a label that cannot be read names the text and the position", "[period][parse][error]")
{
    struct bad_label {
        std::string_view text;
        std::size_t position;
        std::string_view reason;
    };
    const std::vector<bad_label> cases{
        {"T4 2025", 2, "T1, T2 or T3"},
        {"T0 2025", 2, "T1, T2 or T3"},
        {"H3 2025", 2, "H1 or H2"},
        {"T2-2025", 3, "expected T1 2025"},
        {"bokslut 2023-11-30", 9, "31 December"},
        {"delår 2025-02-29", 7, "no such calendar date"},
        {"delår 2024-8-31", 13, "YYYY-MM-DD"}, // the "-" after the single month digit
        {"202x", 4, "a year"},
        {"T2 2025x", 8, "unexpected text"},
        {"2025-13-01..2025-12-31", 1, "no such calendar date"},
        {"2024-01-01-2024-06-30", 11, "expected 2025, T1 2025"},
        {"2024-06-30..2024-01-01", 0, "ends before it starts"},
        {"", 1, "YYYY-MM-DD"},
        {"tertial 2", 1, "YYYY-MM-DD"},
    };
    for (const auto& [text, position, reason] : cases) {
        CAPTURE(text);
        REQUIRE_THROWS_AS(period::parse(text), ku::parse_error);
        const auto e = period_failure(text);
        REQUIRE(e);
        REQUIRE(e->input() == text);
        REQUIRE(e->position() == position);
        REQUIRE_THROWS_WITH(period::parse(text), Catch::Contains("\"" + std::string{text} + "\"") &&
                                                     Catch::Contains(std::string{reason}));
    }
    const auto located = period_failure("T4 2025", "bokslut_2023.csv:1:period");
    REQUIRE(located);
    REQUIRE(located->where() == "bokslut_2023.csv:1:period");
    REQUIRE(std::string{located->what()} ==
            "cannot read \"T4 2025\" (bokslut_2023.csv:1:period) at position 2: a tertial is T1, T2 or T3");
}

TEST_CASE("the position of a fault counts the spaces in front of a label", "[period][parse][error]")
{
    const auto tertial = period_failure("  T4 2025");
    REQUIRE(tertial);
    REQUIRE(tertial->position() == 4U);
    const auto bokslut = period_failure(" bokslut 2023-11-30");
    REQUIRE(bokslut);
    REQUIRE(bokslut->position() == 10U);
    const auto trailing = period_failure("\u00A0T2 2025x ");
    REQUIRE(trailing);
    REQUIRE(trailing->position() == 9U);
    const auto date = period_failure("\t2024-13-01..2024-12-31");
    REQUIRE(date);
    REQUIRE(date->position() == 2U);
}

TEST_CASE("dates are read and written the ISO way", "[period][parse]")
{
    REQUIRE(ku::parse_date("2024-08-31") == date_of(2024, 8, 31));
    REQUIRE(ku::parse_date(" 2024-02-29 ") == date_of(2024, 2, 29));
    REQUIRE(ku::to_string(date_of(2024, 8, 31)) == "2024-08-31");
    REQUIRE(ku::to_string(date_of(2025, 1, 5)) == "2025-01-05");
    REQUIRE(ku::to_string(date_of(999, 1, 1)) == "0999-01-01");

    REQUIRE_THROWS_AS(ku::parse_date("2024-8-31"), ku::parse_error);
    REQUIRE_THROWS_AS(ku::parse_date("2025-02-29"), ku::parse_error);
    REQUIRE_THROWS_AS(ku::parse_date("2024-08-31T00:00"), ku::parse_error);
    REQUIRE_THROWS_AS(ku::parse_date("31/08/2024"), ku::parse_error);
    REQUIRE_THROWS_WITH(ku::parse_date("2025-02-29", "delar.csv:3"),
                        Catch::Contains("\"2025-02-29\"") && Catch::Contains("(delar.csv:3)") &&
                            Catch::Contains("no such calendar date"));
    REQUIRE_THROWS_WITH(ku::parse_date("2024-08-31T00:00"), Catch::Contains("at position 11"));
    REQUIRE_THROWS_WITH(ku::parse_date("  2024-13-01"), Catch::Contains("at position 3"));
}
