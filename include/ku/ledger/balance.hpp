#pragma once
/// @file
/// Balance carry-over per area (partnerskap) and period: the columns of KU's balance tables,
/// their identities, and a period's ledger with gross and net totals.
///
///   disponibla medel  = ingående balans + erhållna medel
///   kvarvarande medel = disponibla − utfall förbrukning − utbetalt till kommuner − överförda medel
///   ingående balans (next period) = kvarvarande medel (this period)

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ku/core/money.hpp"
#include "ku/core/period.hpp"

namespace ku {

/// The columns of a balance table, in the order of KU's reports.
enum class balance_column : std::uint8_t {
    ingaende_balans,        ///< opening balance
    erhallna_medel,         ///< money received in the period
    disponibla_medel,       ///< available: opening + received (derived)
    budget_forbrukning,     ///< budgeted spending, shown beside the outcome
    utfall_forbrukning,     ///< spending outcome (net cost)
    utbetalt_till_kommuner, ///< paid on to the kommuner of the län
    overforda_medel,        ///< transferred to other areas or bodies
    kvarvarande_medel,      ///< remaining: the closing balance (derived)
    varav_statliga_medel,   ///< of which state money; 0 ≤ it ≤ remaining when remaining > 0
};

/// The number of balance columns.
inline constexpr std::size_t balance_column_count = 9;

/// Every column, in report order.
inline constexpr std::array<balance_column, balance_column_count> all_balance_columns{
    balance_column::ingaende_balans,    balance_column::erhallna_medel,
    balance_column::disponibla_medel,   balance_column::budget_forbrukning,
    balance_column::utfall_forbrukning, balance_column::utbetalt_till_kommuner,
    balance_column::overforda_medel,    balance_column::kvarvarande_medel,
    balance_column::varav_statliga_medel,
};

/// The column's name in CSV files and JSON: "ingaende_balans", "kvarvarande_medel", ...
[[nodiscard]] std::string_view to_string(balance_column column) noexcept;
/// The column's Swedish label in reports: "ingående balans", "kvarvarande medel", ...
[[nodiscard]] std::string_view label(balance_column column) noexcept;
/// The column with this CSV name, or none.
[[nodiscard]] std::optional<balance_column> find_balance_column(std::string_view name) noexcept;
/// Whether the column is computed from others (disponibla, kvarvarande).
[[nodiscard]] constexpr bool is_derived(balance_column column) noexcept
{
    return column == balance_column::disponibla_medel || column == balance_column::kvarvarande_medel;
}

/// One area's balances in one period, exact. The derived columns are computed, never stored.
struct balance_entry {
    std::string area; ///< the area's name
    /// An internal row ("härav ledning/stab finansierat från områdena ovan"): money moved
    /// between areas, shown but counted once in net totals.
    bool internal = false;
    money ingaende_balans{}; ///< opening balance
    money erhallna_medel{}; ///< money received in the period
    money budget_forbrukning{}; ///< budgeted spending, shown beside the outcome
    money utfall_forbrukning{}; ///< spending outcome (net cost)
    money utbetalt_till_kommuner{}; ///< paid on to the kommuner of the län
    money overforda_medel{}; ///< transferred to other areas or bodies
    money varav_statliga_medel{}; ///< of the closing balance, state money

    /// ingående balans + erhållna medel.
    [[nodiscard]] money disponibla_medel() const { return ingaende_balans + erhallna_medel; }
    /// disponibla − utfall − utbetalt − överförda: the closing balance.
    [[nodiscard]] money kvarvarande_medel() const
    {
        return disponibla_medel() - utfall_forbrukning - utbetalt_till_kommuner - overforda_medel;
    }
    /// Any column's value, derived ones computed.
    [[nodiscard]] money value(balance_column column) const;
};

/// Why an entry breaks an invariant, or none: the state part is negative, or larger than what
/// remains while that is positive.
[[nodiscard]] std::optional<std::string> invariant_violation(const balance_entry& entry);

/// The ledger of one period: the areas' entries, and the accumulated surplus carried in.
struct balance_period {
    ku::period period; ///< the period the balances are for
    std::vector<balance_entry> entries; ///< one per area, internal rows included, in table order

    /// The entry of `area`, or nullptr.
    [[nodiscard]] const balance_entry* find(std::string_view area) const noexcept;
    /// The sum of a column over the areas, internal rows left out (management financed by the
    /// areas is then counted twice: in the areas and in management).
    [[nodiscard]] money gross_total(balance_column column) const;
    /// The sum over every row, internal ones included, so internal financing counts once.
    [[nodiscard]] money net_total(balance_column column) const;
    /// The accumulated surplus (ackumulerat överskott): the net total of kvarvarande medel,
    /// which is carried into the next period.
    [[nodiscard]] money accumulated_surplus() const { return net_total(balance_column::kvarvarande_medel); }
};

/// Checks a period's ledger: unique non-empty area names and every entry's invariants.
/// Throws ku::domain_error naming the period, the area and the values at the first violation.
void validate(const balance_period& ledger);

class reorganisation;

/// The next period's opening ledger: each area's ingående balans is its kvarvarande medel
/// (mapped through `mapping` when given), every flow starts at zero. Balances are mapped in
/// whole `u` (the table's unit). The accumulated surplus is carried exactly: the next
/// period's opening total equals this period's closing total, to the öre.
[[nodiscard]] balance_period roll_forward(const balance_period& closed, ku::period next,
                                          const reorganisation* mapping = nullptr, unit u = unit::ore);

} // namespace ku
