#pragma once
/// @file
/// Periods of account: a verksamhetsår (calendar year), a tertial (T1 Jan–Apr, T2 May–Aug,
/// T3 Sep–Dec), a halvår, an interim report date (delår, e.g. 2024-08-31), a year-end
/// (bokslut, 2023-12-31) and a plain date range, on std::chrono calendar types.

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "ku/core/detail/scanner.hpp"
#include "ku/core/error.hpp"

namespace ku {

/// Which kind of period a ku::period is.
enum class period_kind : std::uint8_t {
    year,    ///< verksamhetsår: 1 Jan – 31 Dec
    tertial, ///< four months: T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec
    halvar,  ///< half year: H1 Jan–Jun, H2 Jul–Dec
    delar,   ///< interim report (delårsrapport): 1 Jan up to the report date
    bokslut, ///< year-end accounts: 1 Jan – 31 Dec, reported at 31 Dec
    range,   ///< any span of whole days
};

/// A span of whole days [first, last] with its kind. Immutable; built by the named factories,
/// which throw ku::domain_error for an invalid date, tertial or half.
class period {
public:
    /// A calendar day.
    using date = std::chrono::year_month_day;

    /// The calendar year `y` as a verksamhetsår.
    [[nodiscard]] static constexpr period year(std::chrono::year y);
    /// Tertial `n` (1–3) of year `y`.
    [[nodiscard]] static constexpr period tertial(std::chrono::year y, int n);
    /// Halvår `n` (1–2) of year `y`.
    [[nodiscard]] static constexpr period halvar(std::chrono::year y, int n);
    /// The interim report (delår) at `report_date`: from 1 January of its year to that date.
    [[nodiscard]] static constexpr period delar(date report_date);
    /// The year-end (bokslut) of year `y`: 1 January – 31 December.
    [[nodiscard]] static constexpr period bokslut(std::chrono::year y);
    /// The days from `first` to `last`, both included; `first` must not be after `last`.
    [[nodiscard]] static constexpr period range(date first, date last);

    /// Reads a label as written by label(): "2025", "T2 2025", "H1 2025",
    /// "delår 2024-08-31", "bokslut 2023-12-31" or "2024-01-01..2024-06-30".
    /// Throws ku::parse_error naming the text and `where`.
    [[nodiscard]] static period parse(std::string_view text, std::string_view where = {});

    /// Which kind of period it is.
    [[nodiscard]] constexpr period_kind kind() const noexcept { return kind_; }
    /// The first day of the period.
    [[nodiscard]] constexpr date first() const noexcept { return first_; }
    /// The last day of the period (the report date of a delår or bokslut).
    [[nodiscard]] constexpr date last() const noexcept { return last_; }
    /// Whether `day` lies within the period.
    [[nodiscard]] constexpr bool contains(date day) const noexcept
    {
        return first_ <= day && day <= last_;
    }

    /// The period that follows, of the same kind: 2025 → 2026, T3 2025 → T1 2026,
    /// delår 2024-08-31 → delår 2025-08-31. Throws ku::domain_error for a plain range.
    [[nodiscard]] constexpr period next() const;

    /// The label as analysts write it: "2025", "T2 2025", "H1 2025", "delår 2024-08-31",
    /// "bokslut 2023-12-31", "2024-01-01..2024-06-30".
    [[nodiscard]] std::string label() const;

    /// Equal when kind, first and last day are.
    friend constexpr bool operator==(const period&, const period&) noexcept = default;
    /// Ordered by first day, then last day, then kind.
    friend constexpr std::strong_ordering operator<=>(const period& a, const period& b) noexcept
    {
        if (const auto c = a.first_ <=> b.first_; c != 0) {
            return c;
        }
        if (const auto c = a.last_ <=> b.last_; c != 0) {
            return c;
        }
        return a.kind_ <=> b.kind_;
    }

private:
    constexpr period(period_kind kind, date first, date last);

    period_kind kind_;
    date first_;
    date last_;
};

namespace detail::period_impl {

constexpr std::chrono::year_month_day last_day(std::chrono::year y, std::chrono::month m)
{
    return std::chrono::year_month_day{
        std::chrono::year_month_day_last{y, std::chrono::month_day_last{m}}};
}

inline std::string two_digits(unsigned value)
{
    return {static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

/// Reads exactly `count` digits.
inline bool read_fixed(detail::scanner& s, int count, int& value)
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

inline std::chrono::year_month_day read_date(detail::scanner& s, std::string_view text,
                                             std::string_view where)
{
    const std::size_t start = s.position();
    int y = 0;
    int m = 0;
    int d = 0;
    if (!read_fixed(s, 4, y) || !s.accept("-") || !read_fixed(s, 2, m) || !s.accept("-") ||
        !read_fixed(s, 2, d)) {
        throw parse_error(text, s.position(), "expected a date written YYYY-MM-DD", where);
    }
    const std::chrono::year_month_day date{std::chrono::year{y},
                                           std::chrono::month{static_cast<unsigned>(m)},
                                           std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) {
        throw parse_error(text, start, "no such calendar date", where);
    }
    return date;
}

} // namespace detail::period_impl

/// Reads an ISO date "2024-08-31"; throws ku::parse_error naming the text and `where`.
[[nodiscard]] inline std::chrono::year_month_day parse_date(std::string_view text,
                                                            std::string_view where = {})
{
    // Scan the text as given, so that positions count the spaces in front of the date.
    detail::scanner s{text};
    detail::skip_spaces(s);
    const std::chrono::year_month_day date = detail::period_impl::read_date(s, text, where);
    detail::skip_spaces(s);
    if (!s.done()) {
        throw parse_error(text, s.position(), "unexpected text after the date", where);
    }
    return date;
}

/// Writes a date the ISO way, "2024-08-31".
[[nodiscard]] inline std::string to_string(std::chrono::year_month_day d)
{
    const int y = static_cast<int>(d.year());
    std::string text = std::to_string(y);
    if (y >= 0 && y < 1000) {
        text.insert(0, 4 - text.size(), '0');
    }
    return text + "-" + detail::period_impl::two_digits(static_cast<unsigned>(d.month())) + "-" +
           detail::period_impl::two_digits(static_cast<unsigned>(d.day()));
}

constexpr period::period(period_kind kind, date first, date last_day_included)
    : kind_{kind}, first_{first}, last_{last_day_included}
{
    if (!first.ok() || !last_day_included.ok()) {
        throw domain_error("period: not a valid calendar date");
    }
    if (last_day_included < first) {
        throw domain_error("period: " + to_string(first) + " is after " + to_string(last_day_included));
    }
}

constexpr period period::year(std::chrono::year y)
{
    return period{period_kind::year, y / std::chrono::January / 1, y / std::chrono::December / 31};
}

constexpr period period::tertial(std::chrono::year y, int n)
{
    if (n < 1 || n > 3) {
        throw domain_error("period: tertial " + std::to_string(n) + " does not exist (T1–T3)");
    }
    const auto first_month = static_cast<unsigned>(4 * (n - 1) + 1);
    return period{period_kind::tertial, y / std::chrono::month{first_month} / 1,
                  detail::period_impl::last_day(y, std::chrono::month{first_month + 3})};
}

constexpr period period::halvar(std::chrono::year y, int n)
{
    if (n < 1 || n > 2) {
        throw domain_error("period: halvår " + std::to_string(n) + " does not exist (H1–H2)");
    }
    const auto first_month = static_cast<unsigned>(6 * (n - 1) + 1);
    return period{period_kind::halvar, y / std::chrono::month{first_month} / 1,
                  detail::period_impl::last_day(y, std::chrono::month{first_month + 5})};
}

constexpr period period::delar(date report_date)
{
    if (!report_date.ok()) {
        throw domain_error("period: the delår report date is not a valid date");
    }
    return period{period_kind::delar, report_date.year() / std::chrono::January / 1, report_date};
}

constexpr period period::bokslut(std::chrono::year y)
{
    return period{period_kind::bokslut, y / std::chrono::January / 1, y / std::chrono::December / 31};
}

constexpr period period::range(date first, date last_day_included)
{
    return period{period_kind::range, first, last_day_included};
}

constexpr period period::next() const
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
        return first_.month() == std::chrono::January ? halvar(first_.year(), 2)
                                                      : halvar(first_.year() + one, 1);
    case period_kind::delar: {
        // 29 February has no counterpart: the next report is then at the end of February.
        std::chrono::year_month_day next_date = (last_.year() + one) / last_.month() / last_.day();
        if (!next_date.ok()) {
            next_date = detail::period_impl::last_day(last_.year() + one, last_.month());
        }
        return delar(next_date);
    }
    case period_kind::range: break;
    }
    throw domain_error("period: a date range (" + label() + ") has no natural next period");
}

inline std::string period::label() const
{
    const std::string y = std::to_string(static_cast<int>(first_.year()));
    switch (kind_) {
    case period_kind::year: return y;
    case period_kind::tertial:
        return "T" + std::to_string((static_cast<unsigned>(first_.month()) - 1) / 4 + 1) + " " + y;
    case period_kind::halvar: return (first_.month() == std::chrono::January ? "H1 " : "H2 ") + y;
    case period_kind::delar: return "delår " + to_string(last_);
    case period_kind::bokslut: return "bokslut " + to_string(last_);
    case period_kind::range: return to_string(first_) + ".." + to_string(last_);
    }
    return y;
}

inline period period::parse(std::string_view text, std::string_view where)
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
        return finish(delar(detail::period_impl::read_date(s, text, where)));
    }
    if (s.accept("bokslut ")) {
        const std::chrono::year_month_day d = detail::period_impl::read_date(s, text, where);
        if (d.month() != std::chrono::December || d.day() != std::chrono::day{31}) {
            throw parse_error(text, lead + 9, "a bokslut is at 31 December", where);
        }
        return finish(bokslut(d.year()));
    }
    if (s.accept("T") || s.accept("H")) {
        const bool tertial_label = body.front() == 'T';
        if (!detail::period_impl::read_fixed(s, 1, number) || !s.accept(" ") ||
            !detail::period_impl::read_fixed(s, 4, y)) {
            throw parse_error(text, s.position(), "expected T1 2025 or H1 2025", where);
        }
        if (number < 1 || number > (tertial_label ? 3 : 2)) {
            throw parse_error(text, lead + 2, tertial_label ? "a tertial is T1, T2 or T3" : "a halvår is H1 or H2", where);
        }
        return finish(tertial_label ? tertial(std::chrono::year{y}, number) : halvar(std::chrono::year{y}, number));
    }
    if (body.size() == 4) {
        if (!detail::period_impl::read_fixed(s, 4, y)) {
            throw parse_error(text, s.position(), "expected a year such as 2025", where);
        }
        return finish(period::year(std::chrono::year{y}));
    }
    const std::chrono::year_month_day first = detail::period_impl::read_date(s, text, where);
    if (!s.accept("..")) {
        throw parse_error(text, s.position(),
                          "expected 2025, T1 2025, H1 2025, delår DATE, bokslut DATE or DATE..DATE",
                          where);
    }
    const std::chrono::year_month_day last_date = detail::period_impl::read_date(s, text, where);
    if (last_date < first) {
        throw parse_error(text, 0, "the range ends before it starts", where);
    }
    return finish(range(first, last_date));
}

} // namespace ku
