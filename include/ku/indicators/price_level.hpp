#pragma once
/// @file
/// Price levels: a user-supplied price index series (KPI, OPI, ...) that converts amounts from
/// one year's price level to another's ("2016 års prisnivå" to 2025 prices), and a budget year
/// with its plan years (budget 2026, plan 2027–2028).

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/ratio.hpp"
#include "ku/core/rounding.hpp"

namespace ku {

/// A price index series: one exact, positive index value per year (e.g. KPI 2016 = 310,25),
/// under a name used in error messages ("KPI"). Immutable; entries are kept in year order.
class price_index {
public:
    /// One year's index value.
    using entry = std::pair<std::chrono::year, ratio>;

    /// The series `values` named `name`. Throws ku::domain_error naming the index and the year
    /// for an invalid year, a year given twice or an index value that is zero or negative.
    price_index(std::string name, std::vector<entry> values);

    /// The name given at construction ("KPI"), possibly empty.
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    /// Every (year, value) pair, in increasing year order.
    [[nodiscard]] const std::vector<entry>& entries() const noexcept { return values_; }
    /// Whether the series has a value for `y`.
    [[nodiscard]] bool contains(std::chrono::year y) const noexcept;
    /// The index value of year `y`; throws ku::lookup_error "… the index has no value for 2019"
    /// naming the index when the series lacks that year.
    [[nodiscard]] ratio at(std::chrono::year y) const;

private:
    std::string name_;
    std::vector<entry> values_;
};

/// The exact factor index(to) / index(from) that takes an amount from `from`'s price level to
/// `to`'s. Throws ku::lookup_error for a missing year, ku::overflow_error if the reduced factor
/// does not fit 64-bit numerator and denominator.
[[nodiscard]] ratio price_factor(std::chrono::year from, std::chrono::year to,
                                 const price_index& index);

/// `amount` at `from`'s price level expressed at `to`'s: amount × index(to) / index(from),
/// rounded to a whole number of `u` by `mode` (1 000 000 kr at 100 → 115,3 is 1 153 000 kr).
/// Throws ku::lookup_error for a missing year, ku::overflow_error beyond the money range.
[[nodiscard]] money convert(money amount, std::chrono::year from, std::chrono::year to,
                            const price_index& index, rounding_mode mode, unit u = unit::ore);

/// A budget year followed by its plan years: budget 2026, plan 2027–2028.
class budget_plan {
public:
    /// The budget year `budget` and the `plan_years` years after it (2026 with 2: plan
    /// 2027–2028). Throws ku::domain_error for an invalid year, a negative number of plan years
    /// or a plan that runs past year 32767.
    [[nodiscard]] static budget_plan make(std::chrono::year budget, int plan_years);

    /// The budget year (2026).
    [[nodiscard]] constexpr std::chrono::year budget_year() const noexcept { return budget_; }
    /// How many plan years follow the budget year (2).
    [[nodiscard]] constexpr int plan_year_count() const noexcept { return plan_years_; }
    /// The plan years in order (2027, 2028); empty for a budget without plan.
    [[nodiscard]] std::vector<std::chrono::year> plan_years() const;
    /// The budget year followed by the plan years (2026, 2027, 2028).
    [[nodiscard]] std::vector<std::chrono::year> years() const;
    /// The last year covered (2028; the budget year when there is no plan).
    [[nodiscard]] constexpr std::chrono::year last_year() const noexcept
    {
        return budget_ + std::chrono::years{plan_years_};
    }
    /// Whether `y` is the budget year or one of the plan years.
    [[nodiscard]] constexpr bool contains(std::chrono::year y) const noexcept
    {
        return budget_ <= y && y <= last_year();
    }

    /// The label as analysts write it: "budget 2026, plan 2027–2028" (an en dash),
    /// "budget 2026, plan 2027" for one plan year, "budget 2026" for none.
    [[nodiscard]] std::string label() const;

    /// Equal when the budget year and the number of plan years are.
    friend constexpr bool operator==(const budget_plan&, const budget_plan&) noexcept = default;

private:
    constexpr budget_plan(std::chrono::year budget, int plan_years) noexcept
        : budget_{budget}, plan_years_{plan_years}
    {
    }

    std::chrono::year budget_;
    int plan_years_;
};

/// An amount in one year of a plan.
struct year_amount {
    std::chrono::year year; ///< the budget or plan year
    money amount;           ///< the amount at that year's price level

    /// Equal when year and amount are.
    friend constexpr bool operator==(const year_amount&, const year_amount&) noexcept = default;
};

/// `amount` at `from`'s price level converted to the price level of each year of `plan` (the
/// budget year first), each rounded to a whole number of `u` by `mode` on its own. Throws
/// ku::lookup_error naming the first year the index lacks, ku::overflow_error beyond the range.
[[nodiscard]] std::vector<year_amount> convert(money amount, std::chrono::year from,
                                               const budget_plan& plan, const price_index& index,
                                               rounding_mode mode, unit u = unit::ore);

} // namespace ku
