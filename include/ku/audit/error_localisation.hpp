#pragma once
/// @file
/// Error localisation by the Fellegi–Holt principle: given linear rules over the fields of a
/// table (a balance identity, a sum) and the published values, every smallest set of fields
/// whose change makes all rules hold, with the values that mend them. Searched exactly, by
/// increasing size, over the sets that touch every failing rule; each set is checked by exact
/// Gaussian elimination in rationals. When several sets are equally small, all are returned:
/// the caller lists them rather than guess.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>

#include "ku/core/rounding.hpp"

namespace ku {

/// A rule Σ coefficient × field = constant over fields numbered from 0. Coefficients are small
/// (±1 in every rule ku builds), so sums of int64 values fit in int128.
struct linear_rule {
    std::vector<std::pair<std::size_t, std::int64_t>> terms; ///< (field, coefficient), each field once
    std::int64_t constant = 0;                               ///< the right-hand side
};

/// One smallest fix: the fields to change and, when the rules determine them, their new values.
struct field_fix {
    std::vector<std::size_t> fields; ///< ascending
    /// The new value of each field, in the order of `fields`; none when the rules leave the
    /// set's values free (more than one way to mend them).
    std::optional<std::vector<boost::multiprecision::cpp_rational>> values;
};

/// Every smallest fix of at most `max_size` fields (none: every rule holds, or no fix that small
/// exists; then `size` is 0 or max_size + 1).
struct localisation {
    std::size_t size = 0;         ///< the number of fields each fix changes
    std::vector<field_fix> fixes; ///< every fix of that size, in lexicographic order of fields
};

/// Whether `rule` holds for `values`.
[[nodiscard]] inline bool holds(const linear_rule& rule, std::span<const std::int64_t> values)
{
    // The rules ku builds have coefficients ±1 and values below 2^63 in magnitude, so the int128
    // sum of up to 2^63 terms cannot overflow.
    int128 sum = 0;
    for (const auto& [field, coefficient] : rule.terms) {
        sum += int128{coefficient} * values[field];
    }
    return sum == rule.constant;
}

namespace detail::localisation_impl {

using boost::multiprecision::cpp_rational;

/// Solves the rules that touch `set` for the fields of `set`, the other fields fixed at their
/// values: none when no values of the set satisfy them; else the values when the solution is
/// unique, or a fix without values.
inline std::optional<field_fix> solve(std::span<const linear_rule> rules, std::span<const std::int64_t> values,
                                      const std::vector<std::size_t>& set)
{
    std::vector<std::vector<cpp_rational>> rows; // [coefficients of set..., right-hand side]
    for (const linear_rule& rule : rules) {
        // Built in integers, each made a rational once (from a cpp_int: GCC's -O3 flags the
        // integral assignment of boost::rational as maybe-uninitialized).
        using boost::multiprecision::cpp_int;
        std::vector<cpp_int> integers(set.size() + 1);
        bool touches = false;
        cpp_int rhs{rule.constant};
        for (const auto& [field, coefficient] : rule.terms) {
            const auto at = std::ranges::find(set, field);
            if (at != set.end()) {
                integers[static_cast<std::size_t>(at - set.begin())] = cpp_int{coefficient};
                touches = true;
            } else {
                rhs -= cpp_int{coefficient} * values[field];
            }
        }
        if (touches) {
            integers.back() = rhs;
            std::vector<cpp_rational> row;
            for (const cpp_int& value : integers) {
                row.emplace_back(value);
            }
            rows.push_back(std::move(row));
        }
    }
    // Gauss–Jordan elimination, exact.
    std::size_t rank = 0;
    std::vector<std::size_t> pivots;
    for (std::size_t column = 0; column < set.size() && rank < rows.size(); ++column) {
        const auto pivot = std::find_if(rows.begin() + static_cast<std::ptrdiff_t>(rank), rows.end(),
                                        [&](const auto& row) { return row[column] != 0; });
        if (pivot == rows.end()) {
            continue;
        }
        std::iter_swap(rows.begin() + static_cast<std::ptrdiff_t>(rank), pivot);
        const cpp_rational lead = rows[rank][column];
        for (cpp_rational& cell : rows[rank]) {
            cell /= lead;
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (r != rank && rows[r][column] != 0) {
                const cpp_rational factor = rows[r][column];
                for (std::size_t c = 0; c <= set.size(); ++c) {
                    rows[r][c] -= factor * rows[rank][c];
                }
            }
        }
        pivots.push_back(column);
        ++rank;
    }
    for (std::size_t r = rank; r < rows.size(); ++r) {
        if (rows[r].back() != 0) {
            return std::nullopt; // 0 = nonzero: no values of the set satisfy the rules
        }
    }
    field_fix fix{.fields = set, .values = std::nullopt};
    if (rank == set.size()) {
        std::vector<cpp_rational> solution(set.size());
        for (std::size_t r = 0; r < rank; ++r) {
            solution[pivots[r]] = rows[r].back();
        }
        fix.values = std::move(solution);
    }
    return fix;
}

} // namespace detail::localisation_impl

/// Every smallest set of at most `max_size` fields (drawn from those with `changeable[i]`, all
/// when empty) whose change makes every rule hold. A set must touch every failing rule, and its
/// fields must be the only change: the rules it touches are solved exactly for it. Fields are
/// numbered by their index in `values`. The search takes at most 200 000 steps; one that would
/// need more gives up and returns no fix (size max_size + 1), as does one with no fix that small.
/// Preconditions: every field of a rule < values.size().
[[nodiscard]] inline localisation locate_errors(std::span<const linear_rule> rules, std::span<const std::int64_t> values,
                                                std::size_t max_size = 3, const std::vector<bool>& changeable = {})
{
    std::vector<const linear_rule*> failing;
    for (const linear_rule& rule : rules) {
        if (!holds(rule, values)) {
            failing.push_back(&rule);
        }
    }
    localisation result;
    if (failing.empty()) {
        return result;
    }
    // A lower bound: failing rules that share no field need a field each. When more than
    // max_size of them are pairwise apart, no fix is small enough, and nothing is searched.
    {
        std::vector<const linear_rule*> by_size = failing;
        std::ranges::sort(by_size, {}, [](const linear_rule* rule) { return rule->terms.size(); });
        std::vector<std::size_t> used;
        std::size_t apart = 0;
        for (const linear_rule* rule : by_size) {
            if (std::ranges::none_of(rule->terms, [&](const auto& t) { return std::ranges::find(used, t.first) != used.end(); })) {
                ++apart;
                for (const auto& [field, coefficient] : rule->terms) {
                    used.push_back(field);
                }
            }
        }
        if (apart > max_size) {
            result.size = max_size + 1;
            return result;
        }
    }
    // Candidates: the fields of rules connected to a failing rule (a fix outside them would only
    // break rules that hold).
    std::vector<bool> candidate(values.size(), false);
    std::vector<bool> reached(rules.size(), false);
    std::vector<std::size_t> queue;
    for (std::size_t r = 0; r < rules.size(); ++r) {
        if (!holds(rules[r], values)) {
            reached[r] = true;
            queue.push_back(r);
        }
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        for (const auto& term : rules[queue[head]].terms) {
            const std::size_t field = term.first;
            if (candidate[field] || (!changeable.empty() && !changeable[field])) {
                continue;
            }
            candidate[field] = true;
            for (std::size_t r = 0; r < rules.size(); ++r) {
                if (!reached[r] && std::ranges::any_of(rules[r].terms, [&](const auto& t) { return t.first == field; })) {
                    reached[r] = true;
                    queue.push_back(r);
                }
            }
        }
    }
    // Every set that hits every failing rule, grown from the failing rule with the fewest fields
    // first, then (for a set that hits them all but cannot mend them) by the fields of the rules
    // it touches: a field outside those could only break a rule that holds. Searched by size,
    // each set once; after `budget` steps the search gives up.
    const auto usable = [&](std::size_t field) {
        return candidate[field];
    };
    const auto touches = [](const linear_rule& rule, const std::vector<std::size_t>& set) {
        return std::ranges::any_of(rule.terms, [&](const auto& t) { return std::ranges::binary_search(set, t.first); });
    };
    std::size_t budget = 200'000;
    for (std::size_t size = 1; size <= max_size; ++size) {
        std::set<std::vector<std::size_t>> seen;
        const auto grow = [&](auto& self, std::vector<std::size_t> set) -> void {
            if (budget == 0) {
                return;
            }
            --budget;
            const linear_rule* unhit = nullptr;
            for (const linear_rule* rule : failing) {
                if (!touches(*rule, set) && (unhit == nullptr || rule->terms.size() < unhit->terms.size())) {
                    unhit = rule;
                }
            }
            if (set.size() == size) {
                if (unhit == nullptr && seen.insert(set).second) {
                    if (auto fix = detail::localisation_impl::solve(rules, values, set)) {
                        result.fixes.push_back(std::move(*fix));
                    }
                }
                return;
            }
            std::vector<std::size_t> next;
            if (unhit != nullptr) {
                for (const auto& [field, coefficient] : unhit->terms) {
                    next.push_back(field);
                }
            } else {
                for (const linear_rule& rule : rules) {
                    if (touches(rule, set)) {
                        for (const auto& [field, coefficient] : rule.terms) {
                            next.push_back(field);
                        }
                    }
                }
            }
            std::ranges::sort(next);
            next.erase(std::unique(next.begin(), next.end()), next.end());
            for (const std::size_t field : next) {
                if (usable(field) && !std::ranges::binary_search(set, field)) {
                    std::vector<std::size_t> grown = set;
                    grown.insert(std::ranges::upper_bound(grown, field), field);
                    self(self, std::move(grown));
                }
            }
        };
        grow(grow, {});
        if (!result.fixes.empty()) {
            std::ranges::sort(result.fixes, {}, &field_fix::fields);
            result.size = size;
            return result;
        }
    }
    result.size = max_size + 1;
    return result;
}

} // namespace ku
