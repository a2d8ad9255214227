// Periods: construction, labels, parsing, and the next period of the same kind.

#include <string>

#include "ku/core/period.hpp"
#include "text.hpp"

namespace ku {

using std::chrono::day;
using std::chrono::December;
using std::chrono::January;
using std::chrono::month;
using std::chrono::year_month_day;
using std::chrono::year_month_day_last;

namespace {

year_month_day last_day(std::chrono::year y, month m)
{
    return year_month_day{year_month_day_last{y, std::chrono::month_day_last{m}}};
}

std::string two_digits(unsigned value)
{
    return {static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

} // namespace

period::period(period_kind kind, date first, date last_day_included)
    : kind_{kind}, first_{first}, last_{last_day_included}
{
    if (!first.ok() || !last_day_included.ok()) {
        throw domain_error("period: not a valid calendar date");
    }
    if (last_day_included < first) {
        throw domain_error("period: " + to_string(first) + " is after " + to_string(last_day_included));
    }
}

period period::year(std::chrono::year y)
{
    return period{period_kind::year, y / January / 1, y / December / 31};
}

period period::tertial(std::chrono::year y, int n)
{
    if (n < 1 || n > 3) {
        throw domain_error("period: tertial " + std::to_string(n) + " does not exist (T1–T3)");
    }
    const auto first_month = static_cast<unsigned>(4 * (n - 1) + 1);
    return period{period_kind::tertial, y / month{first_month} / 1,
                  last_day(y, month{first_month + 3})};
}

period period::halvar(std::chrono::year y, int n)
{
    if (n < 1 || n > 2) {
        throw domain_error("period: halvår " + std::to_string(n) + " does not exist (H1–H2)");
    }
    const auto first_month = static_cast<unsigned>(6 * (n - 1) + 1);
    return period{period_kind::halvar, y / month{first_month} / 1,
                  last_day(y, month{first_month + 5})};
}

period period::delar(date report_date)
{
    if (!report_date.ok()) {
        throw domain_error("period: the delår report date is not a valid date");
    }
    return period{period_kind::delar, report_date.year() / January / 1, report_date};
}

period period::bokslut(std::chrono::year y)
{
    return period{period_kind::bokslut, y / January / 1, y / December / 31};
}

period period::range(date first, date last_day_included)
{
    return period{period_kind::range, first, last_day_included};
}

period period::next() const
{
    const std::chrono::years one{1};
    switch (kind_) {
    case period_kind::year: return year(first_.year() + one);
    case period_kind::bokslut: return bokslut(first_.year() + one);
    case period_kind::tertial: {
        const int n = static_cast<int>((static_cast<unsigned>(first_.month()) - 1) / 4) + 1;
        return n == 3 ? tertial(first_.year() + one, 1) : tertial(first_.year(), n + 1);
    }
    case period_kind::halvar:
        return first_.month() == January ? halvar(first_.year(), 2)
                                         : halvar(first_.year() + one, 1);
    case period_kind::delar: {
        // 29 February has no counterpart: the next report is then at the end of February.
        year_month_day next_date = (last_.year() + one) / last_.month() / last_.day();
        if (!next_date.ok()) {
            next_date = last_day(last_.year() + one, last_.month());
        }
        return delar(next_date);
    }
    case period_kind::range: break;
    }
    throw domain_error("period: a date range (" + label() + ") has no natural next period");
}

std::string period::label() const
{
    const std::string y = std::to_string(static_cast<int>(first_.year()));
    switch (kind_) {
    case period_kind::year: return y;
    case period_kind::tertial:
        return "T" + std::to_string((static_cast<unsigned>(first_.month()) - 1) / 4 + 1) + " " + y;
    case period_kind::halvar: return (first_.month() == January ? "H1 " : "H2 ") + y;
    case period_kind::delar: return "delår " + to_string(last_);
    case period_kind::bokslut: return "bokslut " + to_string(last_);
    case period_kind::range: return to_string(first_) + ".." + to_string(last_);
    }
    return y;
}

std::string to_string(year_month_day d)
{
    const int y = static_cast<int>(d.year());
    std::string text = std::to_string(y);
    if (y >= 0 && y < 1000) {
        text.insert(0, 4 - text.size(), '0');
    }
    return text + "-" + two_digits(static_cast<unsigned>(d.month())) + "-" +
           two_digits(static_cast<unsigned>(d.day()));
}

namespace {

/// Reads exactly `count` digits.
bool read_fixed(detail::scanner& s, int count, int& value)
{
    value = 0;
    for (int i = 0; i < count; ++i) {
        if (!s.peek_digit()) {
            return false;
        }
        value = value * 10 + (s.peek() - '0');
        (void)s.take();
    }
    return true;
}

year_month_day read_date(detail::scanner& s, std::string_view text, std::string_view where)
{
    const std::size_t start = s.position();
    int y = 0;
    int m = 0;
    int d = 0;
    if (!read_fixed(s, 4, y) || !s.accept("-") || !read_fixed(s, 2, m) || !s.accept("-") ||
        !read_fixed(s, 2, d)) {
        throw parse_error(text, s.position(), "expected a date written YYYY-MM-DD", where);
    }
    const year_month_day date{std::chrono::year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (!date.ok()) {
        throw parse_error(text, start, "no such calendar date", where);
    }
    return date;
}

} // namespace

year_month_day parse_date(std::string_view text, std::string_view where)
{
    // Scan the text as given, so that positions count the spaces in front of the date.
    detail::scanner s{text};
    detail::skip_spaces(s);
    const year_month_day date = read_date(s, text, where);
    detail::skip_spaces(s);
    if (!s.done()) {
        throw parse_error(text, s.position(), "unexpected text after the date", where);
    }
    return date;
}

period period::parse(std::string_view text, std::string_view where)
{
    const std::string_view body = detail::trim(text);
    // Scan the text as given, so that positions count the spaces in front of the label.
    detail::scanner s{text};
    detail::skip_spaces(s);
    const std::size_t lead = s.position() - 1; // characters of space in front of the label
    const auto finish = [&](period p) {
        detail::skip_spaces(s);
        if (!s.done()) {
            throw parse_error(text, s.position(), "unexpected text after the period", where);
        }
        return p;
    };
    int number = 0;
    int y = 0;
    if (s.accept("delår ")) {
        return finish(delar(read_date(s, text, where)));
    }
    if (s.accept("bokslut ")) {
        const year_month_day d = read_date(s, text, where);
        if (d.month() != December || d.day() != day{31}) {
            throw parse_error(text, lead + 9, "a bokslut is at 31 December", where);
        }
        return finish(bokslut(d.year()));
    }
    if (s.accept("T") || s.accept("H")) {
        const bool tertial_label = body.front() == 'T';
        if (!read_fixed(s, 1, number) || !s.accept(" ") || !read_fixed(s, 4, y)) {
            throw parse_error(text, s.position(), "expected T1 2025 or H1 2025", where);
        }
        if (number < 1 || number > (tertial_label ? 3 : 2)) {
            throw parse_error(text, lead + 2, tertial_label ? "a tertial is T1, T2 or T3" : "a halvår is H1 or H2", where);
        }
        return finish(tertial_label ? tertial(std::chrono::year{y}, number) : halvar(std::chrono::year{y}, number));
    }
    if (body.size() == 4) {
        if (!read_fixed(s, 4, y)) {
            throw parse_error(text, s.position(), "expected a year such as 2025", where);
        }
        return finish(period::year(std::chrono::year{y}));
    }
    const year_month_day first = read_date(s, text, where);
    if (!s.accept("..")) {
        throw parse_error(text, s.position(),
                          "expected 2025, T1 2025, H1 2025, delår DATE, bokslut DATE or DATE..DATE",
                          where);
    }
    const year_month_day last_date = read_date(s, text, where);
    if (last_date < first) {
        throw parse_error(text, 0, "the range ends before it starts", where);
    }
    return finish(range(first, last_date));
}

} // namespace ku
