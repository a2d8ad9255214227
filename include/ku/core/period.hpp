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
    [[nodiscard]] static period year(std::chrono::year y);
    /// Tertial `n` (1–3) of year `y`.
    [[nodiscard]] static period tertial(std::chrono::year y, int n);
    /// Halvår `n` (1–2) of year `y`.
    [[nodiscard]] static period halvar(std::chrono::year y, int n);
    /// The interim report (delår) at `report_date`: from 1 January of its year to that date.
    [[nodiscard]] static period delar(date report_date);
    /// The year-end (bokslut) of year `y`: 1 January – 31 December.
    [[nodiscard]] static period bokslut(std::chrono::year y);
    /// The days from `first` to `last`, both included; `first` must not be after `last`.
    [[nodiscard]] static period range(date first, date last);

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
    [[nodiscard]] period next() const;

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
    period(period_kind kind, date first, date last);

    period_kind kind_;
    date first_;
    date last_;
};

/// Reads an ISO date "2024-08-31"; throws ku::parse_error naming the text and `where`.
[[nodiscard]] std::chrono::year_month_day parse_date(std::string_view text,
                                                     std::string_view where = {});

/// Writes a date the ISO way, "2024-08-31".
[[nodiscard]] std::string to_string(std::chrono::year_month_day day);

} // namespace ku
