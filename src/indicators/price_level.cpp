// Price index series, conversion between price levels, and budget years with plan years.

#include "ku/indicators/price_level.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include <gsl/narrow>

namespace ku {

namespace {

std::string year_text(std::chrono::year y) { return std::to_string(static_cast<int>(y)); }

/// How an index is named in messages: `price index "KPI"`, or `price index` without a name.
std::string index_label(const std::string& name)
{
    return name.empty() ? std::string{"price index"} : "price index \"" + name + "\"";
}

} // namespace

price_index::price_index(std::string name, std::vector<entry> values)
    : name_{std::move(name)}, values_{std::move(values)}
{
    for (const auto& [y, value] : values_) {
        if (!y.ok()) {
            throw domain_error(index_label(name_) + ": " + year_text(y) + " is not a valid year");
        }
        if (value <= ratio{}) {
            throw domain_error(index_label(name_) + ": the index value for " + year_text(y) +
                               " is " + to_string(value) + "; an index value must be positive");
        }
    }
    std::ranges::stable_sort(values_, {}, &entry::first);
    const auto duplicate = std::ranges::adjacent_find(values_, {}, &entry::first);
    if (duplicate != values_.end()) {
        throw domain_error(index_label(name_) + ": " + year_text(duplicate->first) +
                           " is given twice (" + to_string(duplicate->second) + " and " +
                           to_string(std::next(duplicate)->second) + ")");
    }
}

bool price_index::contains(std::chrono::year y) const noexcept
{
    return std::ranges::binary_search(values_, y, {}, &entry::first);
}

ratio price_index::at(std::chrono::year y) const
{
    const auto found = std::ranges::lower_bound(values_, y, {}, &entry::first);
    if (found == values_.end() || found->first != y) {
        std::string message = index_label(name_) + ": the index has no value for " + year_text(y);
        if (values_.empty()) {
            message += "; it has no values at all";
        } else {
            message += "; it has " + std::to_string(values_.size()) + " values, from " +
                       year_text(values_.front().first) + " to " + year_text(values_.back().first);
        }
        throw lookup_error(message);
    }
    return found->second;
}

ratio price_factor(std::chrono::year from, std::chrono::year to, const price_index& index)
{
    const ratio from_value = index.at(from);
    const ratio to_value = index.at(to);
    return to_value / from_value; // from_value is positive by construction
}

money convert(money amount, std::chrono::year from, std::chrono::year to,
              const price_index& index, rounding_mode mode, unit u)
{
    return multiply(amount, price_factor(from, to, index), mode, u);
}

budget_plan budget_plan::make(std::chrono::year budget, int plan_years)
{
    if (!budget.ok()) {
        throw domain_error("budget plan: " + year_text(budget) + " is not a valid budget year");
    }
    if (plan_years < 0) {
        throw domain_error("budget plan: " + std::to_string(plan_years) + " plan years after budget " +
                           year_text(budget) + "; the number of plan years cannot be negative");
    }
    const std::int64_t last = std::int64_t{static_cast<int>(budget)} + plan_years;
    if (last > static_cast<int>(std::chrono::year::max())) {
        throw domain_error("budget plan: budget " + year_text(budget) + " with " +
                           std::to_string(plan_years) + " plan years runs past year " +
                           year_text(std::chrono::year::max()));
    }
    return budget_plan{budget, plan_years};
}

std::vector<std::chrono::year> budget_plan::plan_years() const
{
    std::vector<std::chrono::year> result;
    result.reserve(gsl::narrow<std::size_t>(plan_years_));
    for (int i = 1; i <= plan_years_; ++i) {
        result.push_back(budget_ + std::chrono::years{i});
    }
    return result;
}

std::vector<std::chrono::year> budget_plan::years() const
{
    std::vector<std::chrono::year> result{budget_};
    const std::vector<std::chrono::year> plan = plan_years();
    result.insert(result.end(), plan.begin(), plan.end());
    return result;
}

std::string budget_plan::label() const
{
    std::string text = "budget " + year_text(budget_);
    if (plan_years_ >= 1) {
        text += ", plan " + year_text(budget_ + std::chrono::years{1});
    }
    if (plan_years_ >= 2) {
        text += "\u2013" + year_text(last_year());
    }
    return text;
}

std::vector<year_amount> convert(money amount, std::chrono::year from, const budget_plan& plan,
                                 const price_index& index, rounding_mode mode, unit u)
{
    std::vector<year_amount> result;
    for (const std::chrono::year y : plan.years()) {
        result.push_back({y, convert(amount, from, y, index, mode, u)});
    }
    return result;
}

} // namespace ku
