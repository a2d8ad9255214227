#pragma once
/// @file
/// Proposal tables: a kommun × fee table built from a spec (one allocation per fee), with row
/// and column sums that add up exactly, and the cell-by-cell comparison with a published table.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <gsl/assert>

#include "ku/allocation/allocation.hpp"
#include "ku/core/controlled_rounding.hpp"
#include "ku/core/kommun.hpp"
#include "ku/core/money.hpp"
#include "ku/core/ratio.hpp"

namespace ku {

/// A named allocation key: the weights of its kommuner ("A": the population at one date).
struct allocation_key {
    std::string name; ///< the name fees refer to it by ("A")
    std::vector<member_weight> weights; ///< its kommuner and their weights
};

/// How one fee of a proposal is computed.
struct fee_spec {
    /// A total split by the key.
    struct by_total {
        money total; ///< the amount to split
    };
    /// A rate per inhabitant (weight) of the key; the total is the sum.
    struct by_per_capita {
        money per_inhabitant; ///< the amount per unit of weight (per inhabitant)
        rounding_mode rounding = rounding_mode::half_up; ///< how each member's product is rounded to the unit
    };
    /// A fraction of an earlier fee, member by member.
    struct by_fraction {
        std::string of_fee; ///< the name of the earlier fee
        ratio fraction; ///< the part of the base each member pays (1/10)
    };

    std::string name; ///< the fee's name, its column heading ("Medlemsavgift Kommunal utveckling")
    std::variant<by_total, by_per_capita, by_fraction> amount = by_total{}; ///< how its amount is given
    /// The key's name (unused by a fraction, which follows its base fee's members).
    std::string key;
    /// The kommuner taking part; none means every kommun of the key.
    std::optional<std::vector<kommun_code>> members;
    /// Paid by every member before the rest is split (Miljösamverkan: 42 000 kr).
    money fixed_per_member{};
    /// Individual supplements on top of the fixed amount.
    std::vector<supplement> supplements;
    allocation_rule rule{}; ///< the rounding method and unit of its parts
    /// Whether the fee counts in each kommun's row sum ("Summa").
    bool in_row_sum = true;
};

/// A whole proposal: its title, its keys and its fees in column order.
struct proposal_spec {
    std::string title; ///< the proposal's title
    std::vector<allocation_key> keys; ///< the keys its fees name
    std::vector<fee_spec> fees; ///< the fees, in column order
};

/// A computed proposal: one allocation per fee, over the kommuner of the catalogue that take
/// part in at least one fee (in catalogue order).
struct proposal_table {
    std::string title; ///< the spec's title
    std::vector<kommun> kommuner; ///< the rows, in catalogue order
    std::vector<fee_spec> fees; ///< the columns: the spec's fees, in order
    std::vector<allocation> allocations; ///< one per fee, same order

    /// What kommun `row` pays for fee `column`; none when it does not take part.
    [[nodiscard]] constexpr std::optional<money> cell(std::size_t row, std::size_t column) const;
    /// The kommun's row sum over the fees that count in it.
    [[nodiscard]] constexpr money row_sum(std::size_t row) const;
    /// The fee's column sum (its allocation's sum).
    [[nodiscard]] constexpr money column_sum(std::size_t column) const;
    /// The sum of the row sums, which equals the sum of the counted columns.
    [[nodiscard]] constexpr money grand_total() const;
    /// The kommun's exact row total in kr: the sum of its exact quotas over the fees that count
    /// in its row sum. row_sum(row) − this is the row's drift.
    [[nodiscard]] inline exact_value exact_row_sum(std::size_t row) const;
};

/// Computes every fee of `spec` over the kommuner of `catalogue`. The fees whose method is
/// controlled and that count in the row sums are then rounded together as one table
/// (ku::round_controlled, the other columns as they are): each column still sums to its total,
/// each cell is the floor or ceiling of its exact quota, and each kommun's sum over those fees is
/// the floor or ceiling of its exact sum. Throws ku::lookup_error for a key, base fee or kommun
/// that does not exist, ku::domain_error for a duplicate fee name or key, for controlled fees in
/// different units and for a fraction of a fee that is rounded with the table, and whatever the
/// allocation of a fee throws, with the fee's name in the message.
[[nodiscard]] inline proposal_table build_proposal(const proposal_spec& spec,
                                                   const kommun_catalogue& catalogue);

/// A published proposal as read from its table: kommun rows, fee columns (a blank cell is a
/// kommun that does not take part), the "Summa" column and the "Summa" row.
struct published_proposal {
    std::vector<kommun_code> kommuner; ///< the rows, in the table's order
    std::vector<std::string> fees; ///< the fee columns, in the table's order (not Summa)
    std::vector<std::vector<std::optional<money>>> cells; ///< [row][fee]
    std::vector<std::optional<money>> row_totals;         ///< the Summa column
    std::vector<std::optional<money>> fee_totals;         ///< the Summa row
    std::optional<money> grand_total;                     ///< Summa row × Summa column
    /// Equal when rows, fees and every cell and total are.
    friend bool operator==(const published_proposal&, const published_proposal&) = default;
};

/// What a comparison found.
enum class difference_kind : std::uint8_t {
    cell,         ///< a published cell differs from the computed one
    fee_total,    ///< a published fee total differs from the computed total
    column_sum,   ///< a published column's cells do not sum to its published total
    row_sum,      ///< a published row's counted cells do not sum to its published Summa
    missing_fee,  ///< a fee of one table is not in the other
};

/// The name used in reports and JSON: "cell", "fee_total", "column_sum", "row_sum", "missing_fee".
[[nodiscard]] constexpr std::string_view to_string(difference_kind kind) noexcept
{
    switch (kind) {
    case difference_kind::cell: return "cell";
    case difference_kind::fee_total: return "fee_total";
    case difference_kind::column_sum: return "column_sum";
    case difference_kind::row_sum: return "row_sum";
    case difference_kind::missing_fee: return "missing_fee";
    }
    return "?";
}

/// One difference: for `cell` the kommun, fee, published and computed amounts; for
/// `column_sum`/`row_sum` the published total (`published`) and the sum of its published
/// parts (`computed`); the fee "Summa" stands for the Summa column.
struct proposal_difference {
    difference_kind kind; ///< what differs
    std::optional<kommun_code> kommun; ///< the kommun of a cell or row sum, else none
    std::string fee; ///< the fee's name, or "Summa" for the Summa column
    std::optional<money> published; ///< the published cell or total (none: blank or missing_fee)
    std::optional<money> computed; ///< the computed cell or fee total, or the sum of the published parts
    /// Equal when every field is.
    friend bool operator==(const proposal_difference&, const proposal_difference&) = default;
};

/// Every cell that differs (in computed row and fee order), then every published total that
/// its published parts do not sum to, then fees missing from either table.
[[nodiscard]] constexpr std::vector<proposal_difference> compare(const proposal_table& computed,
                                                                 const published_proposal& published);

namespace detail::proposal_impl {

template <typename... F>
struct overloaded : F... {
    using F::operator()...;
};
// Clang before 17 does not deduce an aggregate's template arguments (P1816) without this guide.
template <typename... F>
overloaded(F...) -> overloaded<F...>;

constexpr const allocation_key& find_key(const proposal_spec& spec, const fee_spec& fee)
{
    const auto found = std::ranges::find(spec.keys, fee.key, &allocation_key::name);
    if (found == spec.keys.end()) {
        throw lookup_error("fee \"" + fee.name + "\" uses key \"" + fee.key + "\", which the spec does not define");
    }
    return *found;
}

constexpr std::vector<member_weight> members_of(const allocation_key& key, const fee_spec& fee)
{
    if (!fee.members) {
        return key.weights;
    }
    std::vector<member_weight> weights;
    for (const kommun_code code : *fee.members) {
        const auto found = std::ranges::find(key.weights, code, &member_weight::member);
        if (found == key.weights.end()) {
            throw lookup_error("fee \"" + fee.name + "\": member " + code.str() + " is not in key \"" +
                               key.name + "\"");
        }
        weights.push_back(*found);
    }
    if (weights.empty()) {
        throw domain_error("fee \"" + fee.name + "\" has an empty member set");
    }
    return weights;
}

inline allocation compute_fee(const proposal_spec& spec, const fee_spec& fee,
                              const std::vector<allocation>& earlier)
{
    return std::visit(
        overloaded{
            [&](const fee_spec::by_total& by) {
                const std::vector<member_weight> weights = members_of(find_key(spec, fee), fee);
                if (fee.fixed_per_member != money{} || !fee.supplements.empty()) {
                    return allocate_fixed_plus(by.total, fee.fixed_per_member, fee.supplements, weights,
                                               fee.rule);
                }
                return allocate(by.total, weights, fee.rule);
            },
            [&](const fee_spec::by_per_capita& by) {
                return allocate_per_capita(by.per_inhabitant, members_of(find_key(spec, fee), fee),
                                           fee.rule.unit, by.rounding);
            },
            [&](const fee_spec::by_fraction& by) {
                const auto base = std::ranges::find(spec.fees, by.of_fee, &fee_spec::name);
                const auto index = static_cast<std::size_t>(base - spec.fees.begin());
                if (base == spec.fees.end() || index >= earlier.size()) {
                    throw lookup_error("fee \"" + fee.name + "\" is a fraction of \"" + by.of_fee +
                                       "\", which is not an earlier fee of the spec");
                }
                return allocate_derived(earlier[index], by.fraction, fee.rule);
            },
        },
        fee.amount);
}

/// A quota in öre as an exact value in units of `step` öre.
inline exact_value quota_in_units(const exact_quota& quota, std::int64_t step)
{
    return exact_value{detail::allocate_impl::to_cpp_int(quota.numerator),
                       detail::allocate_impl::to_cpp_int(quota.denominator) * step};
}

/// Rounds the controlled fees of `table` that count in the row sums together (see build_proposal).
inline void round_controlled_fees(const proposal_spec& spec, proposal_table& table)
{
    std::vector<std::size_t> columns;
    for (std::size_t f = 0; f < table.fees.size(); ++f) {
        if (table.fees[f].in_row_sum && table.allocations[f].rule.method == allocation_method::controlled) {
            columns.push_back(f);
        }
    }
    if (columns.empty()) {
        return;
    }
    const unit in = table.allocations[columns.front()].rule.unit;
    for (const std::size_t f : columns) {
        if (table.allocations[f].rule.unit != in) {
            throw domain_error("fees \"" + table.fees[columns.front()].name + "\" and \"" + table.fees[f].name +
                               "\" are rounded together (controlled) but in different units (" +
                               std::string{to_string(in)} + ", " +
                               std::string{to_string(table.allocations[f].rule.unit)} + "); give them one unit");
        }
    }
    for (const fee_spec& fee : spec.fees) {
        if (const auto* by = std::get_if<fee_spec::by_fraction>(&fee.amount)) {
            if (std::ranges::any_of(columns, [&](std::size_t f) { return table.fees[f].name == by->of_fee; })) {
                throw domain_error("fee \"" + fee.name + "\" is a fraction of \"" + by->of_fee +
                                   "\", which is rounded with the whole table (controlled); give \"" + fee.name +
                                   "\" its own total or round \"" + by->of_fee + "\" by another method");
            }
        }
    }
    const std::int64_t step = ore_per(in);
    const std::size_t n = table.kommuner.size();
    const std::size_t m = columns.size();
    rounding_problem problem{.rows = n, .columns = m, .cells = std::vector<std::optional<exact_value>>(n * m),
                             .reference_up = std::vector<bool>(n * m, false), .row_keys = {}, .column_keys = {}};
    for (const kommun& k : table.kommuner) {
        problem.row_keys.push_back(k.code.ordinal());
    }
    // The tie rule's column order: the fees' names, so the order of the spec does not matter.
    for (const std::size_t f : columns) {
        problem.column_keys.push_back(gsl::narrow<std::uint64_t>(std::ranges::count_if(
            columns, [&](std::size_t g) { return table.fees[g].name < table.fees[f].name; })));
    }
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < m; ++j) {
            if (const allocation_part* part = table.allocations[columns[j]].find(table.kommuner[i].code)) {
                const exact_value quota = quota_in_units(part->quota, step);
                problem.reference_up[i * m + j] =
                    part->amount.in_ore() / step != controlled_impl::floor_of(quota);
                problem.cells[i * m + j] = quota;
            }
        }
    }
    const controlled_rounding rounded = round_controlled(problem);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < m; ++j) {
            auto& parts = table.allocations[columns[j]].parts;
            const auto part = std::ranges::find(parts, table.kommuner[i].code, &allocation_part::member);
            if (part == parts.end()) {
                continue;
            }
            const exact_value& quota = *problem.cells[i * m + j];
            const auto truncated = boost::multiprecision::cpp_int{numerator(quota) / denominator(quota)}
                                       .convert_to<std::int64_t>(); // toward zero, within the money range
            part->amount = money::ore(*rounded.cells[i * m + j] * step);
            part->adjustment = part->amount - money::ore(truncated * step);
        }
    }
}

} // namespace detail::proposal_impl

inline exact_value proposal_table::exact_row_sum(std::size_t row) const
{
    Expects(row < kommuner.size());
    exact_value total = 0;
    for (std::size_t column = 0; column < fees.size(); ++column) {
        if (!fees[column].in_row_sum) {
            continue;
        }
        if (const allocation_part* part = allocations[column].find(kommuner[row].code)) {
            total += detail::proposal_impl::quota_in_units(part->quota, ore_per(unit::kr));
        }
    }
    return total;
}

constexpr std::optional<money> proposal_table::cell(std::size_t row, std::size_t column) const
{
    Expects(row < kommuner.size() && column < allocations.size());
    if (const allocation_part* part = allocations[column].find(kommuner[row].code)) {
        return part->amount;
    }
    return std::nullopt;
}

constexpr money proposal_table::row_sum(std::size_t row) const
{
    money total;
    for (std::size_t column = 0; column < fees.size(); ++column) {
        if (fees[column].in_row_sum) {
            total += cell(row, column).value_or(money{});
        }
    }
    return total;
}

constexpr money proposal_table::column_sum(std::size_t column) const
{
    Expects(column < allocations.size());
    return allocations[column].sum();
}

constexpr money proposal_table::grand_total() const
{
    money total;
    for (std::size_t row = 0; row < kommuner.size(); ++row) {
        total += row_sum(row);
    }
    return total;
}

inline proposal_table build_proposal(const proposal_spec& spec, const kommun_catalogue& catalogue)
{
    for (std::size_t i = 0; i < spec.fees.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (spec.fees[i].name == spec.fees[j].name) {
                throw domain_error("the spec has two fees named \"" + spec.fees[i].name + "\"");
            }
        }
    }
    for (std::size_t i = 0; i < spec.keys.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (spec.keys[i].name == spec.keys[j].name) {
                throw domain_error("the spec has two keys named \"" + spec.keys[i].name + "\"");
            }
        }
        for (const member_weight& mw : spec.keys[i].weights) {
            if (!catalogue.find(mw.member)) { // the message only when it is needed
                (void)catalogue.at(mw.member, "key \"" + spec.keys[i].name + "\"");
            }
        }
    }

    proposal_table table{.title = spec.title, .kommuner = {}, .fees = spec.fees, .allocations = {}};
    table.allocations.reserve(spec.fees.size());
    for (const fee_spec& fee : spec.fees) {
        try {
            table.allocations.push_back(detail::proposal_impl::compute_fee(spec, fee, table.allocations));
        } catch (const domain_error& e) {
            throw domain_error("fee \"" + fee.name + "\": " + e.what());
        } catch (const overflow_error& e) {
            throw overflow_error("fee \"" + fee.name + "\": " + e.what());
        }
    }
    for (const kommun& k : catalogue.all()) {
        const bool takes_part = std::ranges::any_of(
            table.allocations, [&](const allocation& a) { return a.find(k.code) != nullptr; });
        if (takes_part) {
            table.kommuner.push_back(k);
        }
    }
    detail::proposal_impl::round_controlled_fees(spec, table);
    return table;
}

constexpr std::vector<proposal_difference> compare(const proposal_table& computed,
                                                   const published_proposal& published)
{
    std::vector<proposal_difference> differences;
    const auto published_fee = [&](const std::string& name) -> std::optional<std::size_t> {
        const auto found = std::ranges::find(published.fees, name);
        if (found == published.fees.end()) {
            return std::nullopt;
        }
        return static_cast<std::size_t>(found - published.fees.begin());
    };
    const auto published_row = [&](kommun_code code) -> std::optional<std::size_t> {
        const auto found = std::ranges::find(published.kommuner, code);
        if (found == published.kommuner.end()) {
            return std::nullopt;
        }
        return static_cast<std::size_t>(found - published.kommuner.begin());
    };

    // Cells, in computed row order then fee order.
    for (std::size_t row = 0; row < computed.kommuner.size(); ++row) {
        const kommun_code code = computed.kommuner[row].code;
        const auto prow = published_row(code);
        for (std::size_t column = 0; column < computed.fees.size(); ++column) {
            const auto pcol = published_fee(computed.fees[column].name);
            if (!pcol) {
                continue;
            }
            const std::optional<money> mine = computed.cell(row, column);
            const std::optional<money> theirs = prow ? published.cells[*prow][*pcol] : std::nullopt;
            if (mine != theirs) {
                differences.push_back({difference_kind::cell, code, computed.fees[column].name, theirs, mine});
            }
        }
    }
    // Published kommuner the computation does not have.
    for (std::size_t prow = 0; prow < published.kommuner.size(); ++prow) {
        const kommun_code code = published.kommuner[prow];
        if (std::ranges::any_of(computed.kommuner, [&](const kommun& k) { return k.code == code; })) {
            continue;
        }
        for (std::size_t pcol = 0; pcol < published.fees.size(); ++pcol) {
            if (published.cells[prow][pcol]) {
                differences.push_back({difference_kind::cell, code, published.fees[pcol],
                                       published.cells[prow][pcol], std::nullopt});
            }
        }
    }
    // Fee totals: published against computed.
    for (std::size_t column = 0; column < computed.fees.size(); ++column) {
        const auto pcol = published_fee(computed.fees[column].name);
        if (pcol && published.fee_totals[*pcol] && *published.fee_totals[*pcol] != computed.column_sum(column)) {
            differences.push_back({difference_kind::fee_total, std::nullopt, computed.fees[column].name,
                                   published.fee_totals[*pcol], computed.column_sum(column)});
        }
    }
    // Published columns whose cells do not sum to their published total.
    for (std::size_t pcol = 0; pcol < published.fees.size(); ++pcol) {
        money parts;
        for (const auto& row : published.cells) {
            parts += row[pcol].value_or(money{});
        }
        if (published.fee_totals[pcol] && *published.fee_totals[pcol] != parts) {
            differences.push_back({difference_kind::column_sum, std::nullopt, published.fees[pcol],
                                   published.fee_totals[pcol], parts});
        }
    }
    {
        money parts;
        for (const auto& total : published.row_totals) {
            parts += total.value_or(money{});
        }
        if (published.grand_total && *published.grand_total != parts) {
            differences.push_back({difference_kind::column_sum, std::nullopt, "Summa", published.grand_total, parts});
        }
    }
    // Published rows whose counted cells do not sum to their published Summa, by kommun code as
    // the cells are. Which fees count is the spec's in_row_sum, matched by fee name.
    std::vector<std::size_t> by_code(published.kommuner.size());
    for (std::size_t prow = 0; prow < by_code.size(); ++prow) {
        by_code[prow] = prow;
    }
    std::ranges::sort(by_code, {}, [&](std::size_t prow) { return published.kommuner[prow]; }); // codes are distinct
    for (const std::size_t prow : by_code) {
        money parts;
        for (std::size_t pcol = 0; pcol < published.fees.size(); ++pcol) {
            const auto fee = std::ranges::find(computed.fees, published.fees[pcol], &fee_spec::name);
            const bool counted = fee == computed.fees.end() || fee->in_row_sum;
            if (counted) {
                parts += published.cells[prow][pcol].value_or(money{});
            }
        }
        if (published.row_totals[prow] && *published.row_totals[prow] != parts) {
            differences.push_back({difference_kind::row_sum, published.kommuner[prow], "Summa",
                                   published.row_totals[prow], parts});
        }
    }
    // Fees in one table only.
    for (const fee_spec& fee : computed.fees) {
        if (!published_fee(fee.name)) {
            differences.push_back({difference_kind::missing_fee, std::nullopt, fee.name, std::nullopt, std::nullopt});
        }
    }
    for (const std::string& name : published.fees) {
        if (std::ranges::find(computed.fees, name, &fee_spec::name) == computed.fees.end()) {
            differences.push_back({difference_kind::missing_fee, std::nullopt, name, std::nullopt, std::nullopt});
        }
    }
    return differences;
}

} // namespace ku
