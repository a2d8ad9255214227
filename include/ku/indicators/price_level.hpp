#pragma once
/// @file
/// Price levels: a user-supplied price index series (KPI, OPI, ...) that converts amounts from
/// one year's price level to another's ("2016 års prisnivå" to 2025 prices), and a budget year
/// with its plan years (budget 2026, plan 2027–2028).

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gsl/assert>
#include <gsl/narrow>

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

/// A table of amounts: a label per row, the amount columns' names, and their cells row by row
/// (blank: none), as a CSV file writes it (ku::read_amount_table).
struct amount_table {
    std::string label_heading;              ///< the first column's name ("Post")
    std::vector<std::string> columns;       ///< the amount columns' names
    std::vector<std::string> labels;        ///< each row's label
    std::vector<std::optional<money>> cells; ///< labels.size() × columns.size(), row by row

    /// The cell of `row` and `column`; none when blank.
    [[nodiscard]] std::optional<money> cell(std::size_t row, std::size_t column) const
    {
        return cells.at(row * columns.size() + column);
    }
};

/// A table of amounts at `from`'s price level and at each target year's, every cell converted
/// exactly and rounded on its own to a whole `in`: what ku::convert_table gives.
struct price_conversion {
    price_index index;                             ///< the series used
    std::chrono::year from{};                      ///< the price level of `amounts`
    std::vector<std::chrono::year> years;          ///< the target years, in order
    std::optional<budget_plan> plan;               ///< the plan the years are, when one was asked for
    std::vector<ratio> factors;                    ///< index(year) / index(from), per target year
    amount_table amounts;                          ///< the amounts as given
    std::vector<std::optional<money>> converted;   ///< per cell of `amounts`, per year: (cell × years) + y
    unit in = unit::kr;                            ///< the unit of every amount
    rounding_mode rounding = rounding_mode::half_up; ///< how each cell was rounded

    /// The cell of `row` and `column` at the price level of years[y]; none when blank.
    [[nodiscard]] std::optional<money> at(std::size_t row, std::size_t column, std::size_t y) const
    {
        return converted.at((row * amounts.columns.size() + column) * years.size() + y);
    }
};

/// Converts every cell of `amounts` (at `from`'s price level, in whole `in`) to the level of
/// each year of `years` (or of `plan` when given: its budget and plan years), each cell rounded
/// on its own by `mode` to a whole `in`. Throws ku::lookup_error naming the index and a year it
/// lacks, ku::overflow_error beyond the money range.
[[nodiscard]] price_conversion convert_table(amount_table amounts, std::chrono::year from,
                                             std::vector<std::chrono::year> years, std::optional<budget_plan> plan,
                                             price_index index, rounding_mode mode, unit in);

namespace detail::price_level_impl {

inline std::string year_text(std::chrono::year y) { return std::to_string(static_cast<int>(y)); }

/// How an index is named in messages: `price index "KPI"`, or `price index` without a name.
inline std::string index_label(const std::string& name)
{
    return name.empty() ? std::string{"price index"} : "price index \"" + name + "\"";
}

} // namespace detail::price_level_impl

inline price_index::price_index(std::string name, std::vector<entry> values)
    : name_{std::move(name)}, values_{std::move(values)}
{
    for (const auto& [y, value] : values_) {
        if (!y.ok()) {
            throw domain_error(detail::price_level_impl::index_label(name_) + ": " +
                               detail::price_level_impl::year_text(y) + " is not a valid year");
        }
        if (value <= ratio{}) {
            throw domain_error(detail::price_level_impl::index_label(name_) + ": the index value for " +
                               detail::price_level_impl::year_text(y) + " is " + to_string(value) +
                               "; an index value must be positive");
        }
    }
    std::ranges::stable_sort(values_, {}, &entry::first);
    const auto duplicate = std::ranges::adjacent_find(values_, {}, &entry::first);
    if (duplicate != values_.end()) {
        throw domain_error(detail::price_level_impl::index_label(name_) + ": " +
                           detail::price_level_impl::year_text(duplicate->first) + " is given twice (" +
                           to_string(duplicate->second) + " and " +
                           to_string(std::next(duplicate)->second) + ")");
    }
}

inline bool price_index::contains(std::chrono::year y) const noexcept
{
    return std::ranges::binary_search(values_, y, {}, &entry::first);
}

inline ratio price_index::at(std::chrono::year y) const
{
    const auto found = std::ranges::lower_bound(values_, y, {}, &entry::first);
    if (found == values_.end() || found->first != y) {
        std::string message = detail::price_level_impl::index_label(name_) + ": the index has no value for " +
                              detail::price_level_impl::year_text(y);
        if (values_.empty()) {
            message += "; it has no values at all";
        } else {
            message += "; it has " + std::to_string(values_.size()) + " values, from " +
                       detail::price_level_impl::year_text(values_.front().first) + " to " +
                       detail::price_level_impl::year_text(values_.back().first);
        }
        throw lookup_error(message);
    }
    return found->second;
}

inline ratio price_factor(std::chrono::year from, std::chrono::year to, const price_index& index)
{
    const ratio from_value = index.at(from);
    const ratio to_value = index.at(to);
    return to_value / from_value; // from_value is positive by construction
}

inline money convert(money amount, std::chrono::year from, std::chrono::year to,
                     const price_index& index, rounding_mode mode, unit u)
{
    return multiply(amount, price_factor(from, to, index), mode, u);
}

inline budget_plan budget_plan::make(std::chrono::year budget, int plan_years)
{
    if (!budget.ok()) {
        throw domain_error("budget plan: " + detail::price_level_impl::year_text(budget) +
                           " is not a valid budget year");
    }
    if (plan_years < 0) {
        throw domain_error("budget plan: " + std::to_string(plan_years) + " plan years after budget " +
                           detail::price_level_impl::year_text(budget) +
                           "; the number of plan years cannot be negative");
    }
    const std::int64_t last = std::int64_t{static_cast<int>(budget)} + plan_years;
    if (last > static_cast<int>(std::chrono::year::max())) {
        throw domain_error("budget plan: budget " + detail::price_level_impl::year_text(budget) + " with " +
                           std::to_string(plan_years) + " plan years runs past year " +
                           detail::price_level_impl::year_text(std::chrono::year::max()));
    }
    return budget_plan{budget, plan_years};
}

inline std::vector<std::chrono::year> budget_plan::plan_years() const
{
    std::vector<std::chrono::year> result;
    result.reserve(gsl::narrow<std::size_t>(plan_years_));
    for (int i = 1; i <= plan_years_; ++i) {
        result.push_back(budget_ + std::chrono::years{i});
    }
    return result;
}

inline std::vector<std::chrono::year> budget_plan::years() const
{
    std::vector<std::chrono::year> result{budget_};
    const std::vector<std::chrono::year> plan = plan_years();
    result.insert(result.end(), plan.begin(), plan.end());
    return result;
}

inline std::string budget_plan::label() const
{
    std::string text = "budget " + detail::price_level_impl::year_text(budget_);
    if (plan_years_ >= 1) {
        text += ", plan " + detail::price_level_impl::year_text(budget_ + std::chrono::years{1});
    }
    if (plan_years_ >= 2) {
        text += "\u2013" + detail::price_level_impl::year_text(last_year());
    }
    return text;
}

inline std::vector<year_amount> convert(money amount, std::chrono::year from, const budget_plan& plan,
                                        const price_index& index, rounding_mode mode, unit u)
{
    std::vector<year_amount> result;
    for (const std::chrono::year y : plan.years()) {
        result.push_back({y, convert(amount, from, y, index, mode, u)});
    }
    return result;
}

inline price_conversion convert_table(amount_table amounts, std::chrono::year from, std::vector<std::chrono::year> years,
                                      std::optional<budget_plan> plan, price_index index, rounding_mode mode, unit in)
{
    Expects(amounts.cells.size() == amounts.labels.size() * amounts.columns.size());
    if (plan) {
        years = plan->years();
    }
    price_conversion result{.index = std::move(index),
                            .from = from,
                            .years = std::move(years),
                            .plan = plan,
                            .factors = {},
                            .amounts = std::move(amounts),
                            .converted = {},
                            .in = in,
                            .rounding = mode};
    for (const std::chrono::year year : result.years) {
        result.factors.push_back(price_factor(from, year, result.index));
    }
    result.converted.reserve(result.amounts.cells.size() * result.factors.size());
    for (const std::optional<money>& cell : result.amounts.cells) {
        for (const ratio& factor : result.factors) {
            result.converted.push_back(cell ? std::optional{multiply(*cell, factor, mode, in)} : std::nullopt);
        }
    }
    return result;
}

} // namespace ku
