#pragma once
/// @file
/// Population (invånare): a count of inhabitants, and a table of counts per kommun at a date,
/// the raw material of population allocation keys.

#include <algorithm>
#include <chrono>
#include <compare>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ku/core/error.hpp"
#include "ku/core/kommun.hpp"

namespace ku {

/// A number of inhabitants: a non-negative count, not an amount and not a plain integer.
class population {
public:
    /// Zero inhabitants.
    constexpr population() noexcept = default;
    /// `count` inhabitants; throws ku::domain_error when negative.
    constexpr explicit population(std::int64_t count) : count_{count}
    {
        if (count < 0) {
            throw domain_error("population: a count of inhabitants cannot be negative (" +
                               std::to_string(count) + ")");
        }
    }
    template <std::floating_point F>
    population(F) = delete; // inhabitants are counted: pass a whole number

    /// The number of inhabitants.
    [[nodiscard]] constexpr std::int64_t count() const noexcept { return count_; }

    /// The sum of two counts; throws ku::overflow_error beyond 2^63 - 1.
    [[nodiscard]] friend constexpr population operator+(population a, population b)
    {
        std::int64_t total = 0;
        if (__builtin_add_overflow(a.count_, b.count_, &total)) {
            throw overflow_error("population: the sum of counts does not fit 64 bits");
        }
        return population{total};
    }

    /// Ordered by count.
    friend constexpr auto operator<=>(population, population) noexcept = default;
    /// Equal when the counts are.
    friend constexpr bool operator==(population, population) noexcept = default;

private:
    std::int64_t count_{0};
};

/// Counts of inhabitants per kommun at one date, under a name ("key A, 2023-11-01").
/// Each kommun appears at most once; order is kept as given.
class population_table {
public:
    /// A kommun and its count.
    using entry = std::pair<kommun_code, population>;

    /// Throws ku::domain_error naming the kommun when a code appears twice.
    population_table(std::string name, std::optional<std::chrono::year_month_day> date,
                     std::vector<entry> counts)
        : name_{std::move(name)}, date_{date}, counts_{std::move(counts)}
    {
        std::vector<kommun_code> codes;
        codes.reserve(counts_.size());
        for (const auto& [code, count] : counts_) {
            codes.push_back(code);
        }
        std::ranges::sort(codes);
        if (const auto twice = std::ranges::adjacent_find(codes); twice != codes.end()) {
            throw domain_error("population table \"" + name_ + "\": kommun " + twice->str() +
                               " appears twice");
        }
    }

    /// The table's name ("key A, 2023-11-01").
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    /// The date the counts refer to, when known.
    [[nodiscard]] std::optional<std::chrono::year_month_day> date() const noexcept { return date_; }
    /// The counts, in the order given.
    [[nodiscard]] const std::vector<entry>& entries() const noexcept { return counts_; }

    /// The count for `code`; throws ku::lookup_error naming the code and the table.
    [[nodiscard]] population at(kommun_code code) const
    {
        const auto found = std::ranges::find(counts_, code, &entry::first);
        if (found == counts_.end()) {
            throw lookup_error("population table \"" + name_ + "\" has no count for kommun " +
                               code.str());
        }
        return found->second;
    }
    /// The sum over all kommuner; throws ku::overflow_error if it does not fit.
    [[nodiscard]] population total() const
    {
        population total;
        for (const auto& [code, count] : counts_) {
            total = total + count;
        }
        return total;
    }

private:
    std::string name_;
    std::optional<std::chrono::year_month_day> date_;
    std::vector<entry> counts_;
};

} // namespace ku
