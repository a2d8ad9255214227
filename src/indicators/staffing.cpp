// Årsarbetare: parsing and Swedish formatting, and the staffing table by form and financing.

#include "ku/indicators/staffing.hpp"

#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "../core/text.hpp"

namespace ku {

namespace detail {

void throw_arsarbetare_overflow(std::string_view operation)
{
    throw overflow_error("årsarbetare overflow in " + std::string{operation} +
                         ": the result is beyond ±92 233 720 368 547 758,07 årsarbetare");
}

} // namespace detail

arsarbetare arsarbetare::parse(std::string_view text, std::string_view where)
{
    const auto fail = [&](std::size_t position, std::string_view reason) {
        return parse_error{text, position, reason, where};
    };
    if (detail::trim(text).empty()) {
        throw fail(0, "a number of årsarbetare is empty");
    }
    constexpr int128 limit = std::numeric_limits<std::int64_t>::max();
    int128 value = 0;
    const auto add_digit = [&](char digit) {
        value = value * 10 + (digit - '0');
        if (value > limit) {
            std::string message = "årsarbetare overflow: \"" + std::string{text} + "\"";
            if (!where.empty()) {
                message += " (" + std::string{where} + ")";
            }
            throw overflow_error(message + " is beyond ±92 233 720 368 547 758,07 årsarbetare");
        }
    };

    detail::scanner s{text};
    detail::skip_spaces(s);
    const bool negative = detail::accept_sign(s);
    if (!s.peek_digit()) {
        throw fail(s.position(), "expected a digit");
    }
    // Whole part: digit groups, separated by a space only when a digit follows it.
    std::vector<std::size_t> group_sizes;
    std::vector<std::size_t> group_starts;
    while (true) {
        group_starts.push_back(s.position());
        std::size_t size = 0;
        while (s.peek_digit()) {
            add_digit(s.peek());
            (void)s.take();
            ++size;
        }
        group_sizes.push_back(size);
        detail::scanner ahead = s;
        if (!detail::accept_space(ahead) || !ahead.peek_digit()) {
            break;
        }
        s = ahead;
    }
    if (group_sizes.size() > 1) {
        if (group_sizes.front() > 3) {
            throw fail(group_starts.front(), "digits are grouped in threes, e.g. 1 234,50");
        }
        for (std::size_t i = 1; i < group_sizes.size(); ++i) {
            if (group_sizes[i] != 3) {
                throw fail(group_starts[i], "digits are grouped in threes, e.g. 1 234,50");
            }
        }
    }
    // Decimals: at most two (hundredths of an årsarbetare).
    int decimals = 0;
    if (s.peek() == ',' || s.peek() == '.') {
        (void)s.take();
        while (s.peek_digit()) {
            if (++decimals > 2) {
                throw fail(s.position(),
                           "more than two decimals; årsarbetare are counted in hundredths");
            }
            add_digit(s.peek());
            (void)s.take();
        }
        if (decimals == 0) {
            throw fail(s.position(), "expected a digit after the decimal separator");
        }
    }
    for (; decimals < 2; ++decimals) {
        add_digit('0');
    }
    detail::skip_spaces(s);
    if (!s.done()) {
        throw fail(s.position(), "unexpected " + detail::quote_char(s.peek_code_point()) +
                                     "; expected a number of årsarbetare such as 45,30");
    }
    const auto hundredths_count = static_cast<std::int64_t>(value); // value <= INT64_MAX
    return arsarbetare{negative ? -hundredths_count : hundredths_count};
}

std::string to_string(arsarbetare a)
{
    const std::int64_t h = a.in_hundredths(); // never INT64_MIN, so the negation is safe
    const std::int64_t magnitude = h < 0 ? -h : h;
    const std::string whole = std::to_string(magnitude / 100);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) {
            grouped.push_back(' ');
        }
        grouped.push_back(whole[i]);
    }
    const std::int64_t cents = magnitude % 100;
    return (h < 0 ? "-" : "") + grouped + "," + (cents < 10 ? "0" : "") + std::to_string(cents);
}

ratio ratio_of(arsarbetare part, arsarbetare whole)
{
    if (whole.in_hundredths() == 0) {
        throw domain_error("ratio_of(årsarbetare): the whole is 0,00 årsarbetare (the part is " +
                           to_string(part) + ")");
    }
    return ratio{part.in_hundredths(), whole.in_hundredths()};
}

employment_form parse_employment_form(std::string_view text, std::string_view where)
{
    const std::string_view trimmed = detail::trim(text);
    for (const employment_form form : employment_forms) {
        if (trimmed == to_string(form)) {
            return form;
        }
    }
    if (trimmed == "tjanstekop") {
        return employment_form::tjanstekop;
    }
    std::string message = "unknown form of employment \"" + std::string{text} + "\"";
    if (!where.empty()) {
        message += " (" + std::string{where} + ")";
    }
    throw lookup_error(message + "; expected tjänsteköp, tillsvidare or visstid");
}

staff_financing parse_staff_financing(std::string_view text, std::string_view where)
{
    const std::string_view trimmed = detail::trim(text);
    for (const staff_financing financing : staff_financings) {
        if (trimmed == to_string(financing)) {
            return financing;
        }
    }
    std::string message = "unknown staff financing \"" + std::string{text} + "\"";
    if (!where.empty()) {
        message += " (" + std::string{where} + ")";
    }
    throw lookup_error(message + "; expected kommunal or extern");
}

namespace {

std::size_t cell_index(employment_form form, staff_financing financing, std::size_t financings)
{
    return static_cast<std::size_t>(form) * financings + static_cast<std::size_t>(financing);
}

} // namespace

void staffing_table::add(employment_form form, staff_financing financing, arsarbetare count)
{
    if (count < arsarbetare{}) {
        throw domain_error("staffing table: " + to_string(count) + " årsarbetare in " +
                           std::string{to_string(form)} + ", " + std::string{to_string(financing)} +
                           "; a count of staff cannot be negative");
    }
    std::array<arsarbetare, forms * financings> next = cells_;
    arsarbetare& cell = next[cell_index(form, financing, financings)];
    cell = cell + count;
    int128 grand = 0;
    for (const arsarbetare c : next) {
        grand += c.in_hundredths();
    }
    if (grand > std::numeric_limits<std::int64_t>::max()) {
        detail::throw_arsarbetare_overflow("staffing_table::add");
    }
    cells_ = next;
}

arsarbetare staffing_table::at(employment_form form, staff_financing financing) const noexcept
{
    return cells_[cell_index(form, financing, financings)];
}

// The totals below cannot overflow: every cell is non-negative and add() keeps the grand total
// in range, so every partial sum is in range too.

arsarbetare staffing_table::total(employment_form form) const noexcept
{
    std::int64_t sum = 0;
    for (const staff_financing financing : staff_financings) {
        sum += at(form, financing).in_hundredths();
    }
    return arsarbetare::hundredths(sum);
}

arsarbetare staffing_table::total(staff_financing financing) const noexcept
{
    std::int64_t sum = 0;
    for (const employment_form form : employment_forms) {
        sum += at(form, financing).in_hundredths();
    }
    return arsarbetare::hundredths(sum);
}

arsarbetare staffing_table::total() const noexcept
{
    std::int64_t sum = 0;
    for (const arsarbetare c : cells_) {
        sum += c.in_hundredths();
    }
    return arsarbetare::hundredths(sum);
}

} // namespace ku
