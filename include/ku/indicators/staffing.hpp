#pragma once
/// @file
/// Staffing: årsarbetare (full-time equivalents) counted exactly to two decimals, and a table of
/// them by form of employment (tjänsteköp, tillsvidare, visstid) and by financing (kommunerna or
/// external funds) whose parts always sum exactly to its totals.

#include <array>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "ku/core/decimal_text.hpp"
#include "ku/core/detail/scanner.hpp"
#include "ku/core/error.hpp"
#include "ku/core/ratio.hpp"

namespace ku {

namespace detail {
[[noreturn]] inline void throw_arsarbetare_overflow(std::string_view operation)
{
    throw overflow_error("årsarbetare overflow in " + std::string{operation} +
                         ": the result is beyond ±92 233 720 368 547 758,07 årsarbetare");
}
} // namespace detail

/// A number of årsarbetare (full-time equivalents) exact to two decimals, held as a 64-bit count
/// of hundredths (45,30 is 4 530). Any sign (a change can be negative); every operation is
/// overflow-checked and throws ku::overflow_error rather than wrap. No way in from floating point.
class arsarbetare {
public:
    /// Zero årsarbetare.
    constexpr arsarbetare() noexcept = default;

    template <std::floating_point F>
    arsarbetare(F) = delete; // årsarbetare are exact: arsarbetare::hundredths(4530) or parse("45,30")
    template <std::integral I>
    arsarbetare(I) = delete; // say the unit: arsarbetare::whole(n) or arsarbetare::hundredths(n)

    /// `n` hundredths of an årsarbetare (4 530 is 45,30). Throws ku::overflow_error for INT64_MIN.
    [[nodiscard]] static constexpr arsarbetare hundredths(std::int64_t n)
    {
        if (n == std::numeric_limits<std::int64_t>::min()) {
            detail::throw_arsarbetare_overflow("arsarbetare::hundredths");
        }
        return arsarbetare{n};
    }
    /// `n` whole årsarbetare. Throws ku::overflow_error when n × 100 does not fit.
    [[nodiscard]] static constexpr arsarbetare whole(std::int64_t n)
    {
        std::int64_t h = 0;
        if (__builtin_mul_overflow(n, std::int64_t{100}, &h) ||
            h == std::numeric_limits<std::int64_t>::min()) {
            detail::throw_arsarbetare_overflow("arsarbetare::whole");
        }
        return arsarbetare{h};
    }

    /// Reads "45,30", "25.50", "45,3", "45", "-1,25" or "1 234,50" (a space, U+00A0 or U+202F
    /// between groups of three; "−" U+2212 as minus). Throws ku::parse_error naming the text, the
    /// 1-based position and `where` for an empty text, a stray character or more than two
    /// decimals; ku::overflow_error beyond the range.
    [[nodiscard]] static arsarbetare parse(std::string_view text, std::string_view where = {});

    /// The count in hundredths (4 530 for 45,30).
    [[nodiscard]] constexpr std::int64_t in_hundredths() const noexcept { return hundredths_; }
    /// The exact value as a ratio (45,30 is 453/10).
    [[nodiscard]] constexpr ratio as_ratio() const { return ratio{hundredths_, 100}; }

    /// The negated count; never overflows (the range is symmetric).
    [[nodiscard]] constexpr arsarbetare operator-() const noexcept { return arsarbetare{-hundredths_}; }
    /// The exact sum; throws ku::overflow_error beyond the range.
    [[nodiscard]] friend constexpr arsarbetare operator+(arsarbetare a, arsarbetare b)
    {
        return checked(int128{a.hundredths_} + b.hundredths_, "årsarbetare + årsarbetare");
    }
    /// The exact difference; throws ku::overflow_error beyond the range.
    [[nodiscard]] friend constexpr arsarbetare operator-(arsarbetare a, arsarbetare b)
    {
        return checked(int128{a.hundredths_} - b.hundredths_, "årsarbetare - årsarbetare");
    }
    /// Adds `other`; throws ku::overflow_error beyond the range.
    constexpr arsarbetare& operator+=(arsarbetare other) { return *this = *this + other; }
    /// Subtracts `other`; throws ku::overflow_error beyond the range.
    constexpr arsarbetare& operator-=(arsarbetare other) { return *this = *this - other; }

    /// Ordered by count.
    friend constexpr auto operator<=>(arsarbetare, arsarbetare) noexcept = default;
    /// Equal when the counts are.
    friend constexpr bool operator==(arsarbetare, arsarbetare) noexcept = default;

private:
    constexpr explicit arsarbetare(std::int64_t hundredths) noexcept : hundredths_{hundredths} {}

    [[nodiscard]] static constexpr arsarbetare checked(int128 value, std::string_view operation)
    {
        constexpr auto limit = std::numeric_limits<std::int64_t>::max();
        if (value > limit || value < -limit) {
            detail::throw_arsarbetare_overflow(operation);
        }
        return arsarbetare{static_cast<std::int64_t>(value)};
    }

    std::int64_t hundredths_{0};
};

/// Swedish form with exactly two decimals, a comma and a space between groups of three:
/// "45,30", "0,05", "-1,25", "1 234,50". Parses back (arsarbetare::parse) to the same value.
[[nodiscard]] std::string to_string(arsarbetare a);

/// The exact share `part / whole` (19,80 of 45,30 is 66/151). Throws ku::domain_error when
/// `whole` is zero.
[[nodiscard]] ratio ratio_of(arsarbetare part, arsarbetare whole);

/// The form of employment staff are counted under.
enum class employment_form : std::uint8_t {
    tjanstekop,  ///< tjänsteköp: bought in from an employer (a kommun, the Region)
    tillsvidare, ///< tillsvidareanställning: permanent employment
    visstid,     ///< visstidsanställning: fixed-term employment
};

/// Every form of employment, in report order.
inline constexpr std::array<employment_form, 3> employment_forms{
    employment_form::tjanstekop, employment_form::tillsvidare, employment_form::visstid};

/// The form's Swedish name: "tjänsteköp", "tillsvidare", "visstid".
[[nodiscard]] constexpr std::string_view to_string(employment_form form) noexcept
{
    switch (form) {
    case employment_form::tjanstekop: return "tjänsteköp";
    case employment_form::tillsvidare: return "tillsvidare";
    case employment_form::visstid: return "visstid";
    }
    return "?";
}

/// Reads "tjänsteköp" (or "tjanstekop"), "tillsvidare" or "visstid"; throws ku::lookup_error
/// naming the text and `where`.
[[nodiscard]] employment_form parse_employment_form(std::string_view text,
                                                    std::string_view where = {});

/// Who pays for a position: the kommuner, or external funds (state grants, EU, the Region, ...).
enum class staff_financing : std::uint8_t {
    kommunal, ///< financed by the kommuner
    external, ///< financed by external funds
};

/// Every kind of staff financing, in report order.
inline constexpr std::array<staff_financing, 2> staff_financings{staff_financing::kommunal,
                                                                 staff_financing::external};

/// The financing's Swedish name: "kommunal", "extern".
[[nodiscard]] constexpr std::string_view to_string(staff_financing financing) noexcept
{
    switch (financing) {
    case staff_financing::kommunal: return "kommunal";
    case staff_financing::external: return "extern";
    }
    return "?";
}

/// Reads "kommunal" or "extern"; throws ku::lookup_error naming the text and `where`.
[[nodiscard]] staff_financing parse_staff_financing(std::string_view text,
                                                    std::string_view where = {});

/// Årsarbetare by form of employment × financing, all cells zero to begin with. Every total is
/// the exact sum of its cells, so the parts always add up (45,30 = 25,50 + 19,80).
class staffing_table {
public:
    /// An empty table: every cell 0,00.
    constexpr staffing_table() noexcept = default;

    /// Adds `count` to the cell (form, financing). Throws ku::domain_error naming the cell when
    /// `count` is negative, ku::overflow_error when a total would leave the range.
    void add(employment_form form, staff_financing financing, arsarbetare count);

    /// The cell (form, financing).
    [[nodiscard]] constexpr arsarbetare at(employment_form form, staff_financing financing) const noexcept;
    /// The sum over financings of one form of employment.
    [[nodiscard]] constexpr arsarbetare total(employment_form form) const noexcept;
    /// The sum over forms of employment of one kind of financing (25,50 kommunal).
    [[nodiscard]] constexpr arsarbetare total(staff_financing financing) const noexcept;
    /// The sum of every cell (45,30).
    [[nodiscard]] constexpr arsarbetare total() const noexcept;

    /// Equal when every cell is.
    friend bool operator==(const staffing_table&, const staffing_table&) noexcept = default;

private:
    static constexpr std::size_t forms = employment_forms.size();
    static constexpr std::size_t financings = staff_financings.size();

    // Every cell is non-negative and the grand total fits, so no partial sum overflows.
    std::array<arsarbetare, forms * financings> cells_{};
};

inline arsarbetare arsarbetare::parse(std::string_view text, std::string_view where)
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

inline std::string to_string(arsarbetare a)
{
    return decimal_text(a.in_hundredths(), 2, decimal_style::swedish());
}

inline ratio ratio_of(arsarbetare part, arsarbetare whole)
{
    if (whole.in_hundredths() == 0) {
        throw domain_error("ratio_of(årsarbetare): the whole is 0,00 årsarbetare (the part is " +
                           to_string(part) + ")");
    }
    return ratio{part.in_hundredths(), whole.in_hundredths()};
}

inline employment_form parse_employment_form(std::string_view text, std::string_view where)
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

inline staff_financing parse_staff_financing(std::string_view text, std::string_view where)
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

namespace detail::staffing_impl {

constexpr std::size_t cell_index(employment_form form, staff_financing financing, std::size_t financings)
{
    return static_cast<std::size_t>(form) * financings + static_cast<std::size_t>(financing);
}

} // namespace detail::staffing_impl

inline void staffing_table::add(employment_form form, staff_financing financing, arsarbetare count)
{
    if (count < arsarbetare{}) {
        throw domain_error("staffing table: " + to_string(count) + " årsarbetare in " +
                           std::string{to_string(form)} + ", " + std::string{to_string(financing)} +
                           "; a count of staff cannot be negative");
    }
    std::array<arsarbetare, forms * financings> next = cells_;
    arsarbetare& cell = next[detail::staffing_impl::cell_index(form, financing, financings)];
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

constexpr arsarbetare staffing_table::at(employment_form form, staff_financing financing) const noexcept
{
    return cells_[detail::staffing_impl::cell_index(form, financing, financings)];
}

// The totals below cannot overflow: every cell is non-negative and add() keeps the grand total
// in range, so every partial sum is in range too.

constexpr arsarbetare staffing_table::total(employment_form form) const noexcept
{
    std::int64_t sum = 0;
    for (const staff_financing financing : staff_financings) {
        sum += at(form, financing).in_hundredths();
    }
    return arsarbetare::hundredths(sum);
}

constexpr arsarbetare staffing_table::total(staff_financing financing) const noexcept
{
    std::int64_t sum = 0;
    for (const employment_form form : employment_forms) {
        sum += at(form, financing).in_hundredths();
    }
    return arsarbetare::hundredths(sum);
}

constexpr arsarbetare staffing_table::total() const noexcept
{
    std::int64_t sum = 0;
    for (const arsarbetare c : cells_) {
        sum += c.in_hundredths();
    }
    return arsarbetare::hundredths(sum);
}

} // namespace ku
