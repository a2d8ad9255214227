#pragma once
/// @file
/// Proposal tables: a kommun × fee table built from a spec (one allocation per fee), with row
/// and column sums that add up exactly, and the cell-by-cell comparison with a published table.

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ku/allocation/allocation.hpp"
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
    [[nodiscard]] std::optional<money> cell(std::size_t row, std::size_t column) const;
    /// The kommun's row sum over the fees that count in it.
    [[nodiscard]] money row_sum(std::size_t row) const;
    /// The fee's column sum (its allocation's sum).
    [[nodiscard]] money column_sum(std::size_t column) const;
    /// The sum of the row sums, which equals the sum of the counted columns.
    [[nodiscard]] money grand_total() const;
};

/// Computes every fee of `spec` over the kommuner of `catalogue`. Throws ku::lookup_error for
/// a key, base fee or kommun that does not exist, ku::domain_error for a duplicate fee name or
/// key, and whatever the allocation of a fee throws, with the fee's name in the message.
[[nodiscard]] proposal_table build_proposal(const proposal_spec& spec,
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
[[nodiscard]] std::string_view to_string(difference_kind kind) noexcept;

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
[[nodiscard]] std::vector<proposal_difference> compare(const proposal_table& computed,
                                                       const published_proposal& published);

} // namespace ku
