#pragma once
/// @file
/// A period's balance table shown in a display unit (tkr, mnkr) so that it adds up in that unit:
/// every cell, derived cell and Summa is its exact value rounded down or up to the unit, and
///
///   disponibla = ingående + erhållna,  kvarvarande = disponibla − utfall − utbetalt − överförda,
///   0 ≤ varav statliga ≤ kvarvarande (when the exact ones are), Summa = Σ rows for every column
///
/// hold exactly in the shown figures. The identities make the table a circulation (every identity
/// is a node where what comes in goes out), and a circulation rounded arc by arc to floors and
/// ceilings always exists (its polytope is integral and holds the exact one), so no cell is ever
/// a whole unit or more from its exact value. Among those roundings it takes the one with fewest
/// cells that differ from their own half-up rounding, then ku::round_circulation's tie rule.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ku/core/controlled_rounding.hpp"
#include "ku/core/money.hpp"
#include "ku/ledger/balance.hpp"

namespace ku {

/// A ledger as shown in whole units: its entries, the Summa row, and how many figures moved.
struct shown_ledger {
    balance_period shown; ///< the entries, every amount whole in the unit; derived columns follow
    balance_entry total;  ///< the Summa row: the net totals of `shown`
    /// Entered figures of the exact ledger that are not whole in the unit (they had to be rounded).
    std::size_t rounded_cells = 0;
    /// Shown figures (entered, derived and Summa) other than their own half-up rounding.
    std::size_t moved_cells = 0;
};

/// `exact` shown in whole `u` as described above, rows in the same order. Throws
/// ku::overflow_error for an amount beyond ±2^62 units.
[[nodiscard]] inline shown_ledger round_for_display(const balance_period& exact, unit u);

namespace detail::display_rounding_impl {

/// The entered columns: the figures counted as rounded when not whole in the unit.
inline constexpr std::array entered{balance_column::ingaende_balans,        balance_column::erhallna_medel,
                                    balance_column::budget_forbrukning,     balance_column::utfall_forbrukning,
                                    balance_column::utbetalt_till_kommuner, balance_column::overforda_medel,
                                    balance_column::varav_statliga_medel};

/// Whether the half-up rounding of `value` is its ceiling.
inline bool half_up_is_ceiling(const exact_value& value)
{
    const exact_value fraction = value - exact_value{controlled_impl::floor_of(value)};
    const boost::multiprecision::cpp_int twice = 2 * numerator(fraction);
    return twice > denominator(fraction) || (twice == denominator(fraction) && numerator(value) > 0);
}

} // namespace detail::display_rounding_impl

inline shown_ledger round_for_display(const balance_period& exact, unit u)
{
    using namespace detail::display_rounding_impl;
    const std::int64_t step = ore_per(u);
    const auto in_units = [&](money m) { return exact_value{m.in_ore(), step}; };
    const std::size_t rows = exact.entries.size();

    // Nodes. Column totals: ingående (I), erhållna (E), utfall (U), utbetalt (P), överförda (O),
    // varav statliga (S), the rest of kvarvarande above it (R); a node for the Summa of
    // disponibla and one for the Summa of kvarvarande; a source and a sink; the budget's own
    // loop. Per row: A (ingående + erhållna = disponibla), B (disponibla = the four uses),
    // C (kvarvarande = statliga + the rest).
    enum fixed_node : std::size_t { source, sink, total_i, total_e, total_u, total_p, total_o, total_s, total_r,
                                    disponibla_sum, kvarvarande_sum, budget_loop, total_b, fixed_nodes };
    const auto row_node = [&](std::size_t row, std::size_t which) { return fixed_nodes + 3 * row + which; };

    std::vector<exact_arc> arcs;
    std::vector<bool> shown_arc; // counted as a shown figure (the rest R and the loop are not)
    const auto add = [&](std::size_t from, std::size_t to, const exact_value& value, bool shown) {
        const bool up = half_up_is_ceiling(value);
        arcs.push_back({.from = from, .to = to, .value = value, .up_cost = shown ? (up ? -1 : 1) : 0});
        shown_arc.push_back(shown);
        return arcs.size() - 1;
    };
    const auto total_of = [&](balance_column column) { return in_units(exact.net_total(column)); };
    // [row][column] → arc index, for the entered columns and the two derived ones.
    std::vector<std::array<std::size_t, balance_column_count>> arc_of(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const balance_entry& e = exact.entries[r];
        auto& at = arc_of[r];
        const auto index = [](balance_column c) { return static_cast<std::size_t>(c); };
        at[index(balance_column::ingaende_balans)] = add(total_i, row_node(r, 0), in_units(e.ingaende_balans), true);
        at[index(balance_column::erhallna_medel)] = add(total_e, row_node(r, 0), in_units(e.erhallna_medel), true);
        at[index(balance_column::disponibla_medel)] =
            add(row_node(r, 0), row_node(r, 1), in_units(e.disponibla_medel()), true);
        at[index(balance_column::utfall_forbrukning)] =
            add(row_node(r, 1), total_u, in_units(e.utfall_forbrukning), true);
        at[index(balance_column::utbetalt_till_kommuner)] =
            add(row_node(r, 1), total_p, in_units(e.utbetalt_till_kommuner), true);
        at[index(balance_column::overforda_medel)] = add(row_node(r, 1), total_o, in_units(e.overforda_medel), true);
        at[index(balance_column::kvarvarande_medel)] =
            add(row_node(r, 1), row_node(r, 2), in_units(e.kvarvarande_medel()), true);
        at[index(balance_column::varav_statliga_medel)] =
            add(row_node(r, 2), total_s, in_units(e.varav_statliga_medel), true);
        (void)add(row_node(r, 2), total_r, in_units(e.kvarvarande_medel() - e.varav_statliga_medel), false);
        at[index(balance_column::budget_forbrukning)] =
            add(total_b, budget_loop, in_units(e.budget_forbrukning), true);
    }
    std::array<std::size_t, balance_column_count> summa_arc{};
    const auto summa = [&](balance_column c) -> std::size_t& { return summa_arc[static_cast<std::size_t>(c)]; };
    summa(balance_column::disponibla_medel) =
        add(source, disponibla_sum, total_of(balance_column::disponibla_medel), true);
    summa(balance_column::ingaende_balans) = add(disponibla_sum, total_i, total_of(balance_column::ingaende_balans), true);
    summa(balance_column::erhallna_medel) = add(disponibla_sum, total_e, total_of(balance_column::erhallna_medel), true);
    summa(balance_column::utfall_forbrukning) = add(total_u, sink, total_of(balance_column::utfall_forbrukning), true);
    summa(balance_column::utbetalt_till_kommuner) =
        add(total_p, sink, total_of(balance_column::utbetalt_till_kommuner), true);
    summa(balance_column::overforda_medel) = add(total_o, sink, total_of(balance_column::overforda_medel), true);
    summa(balance_column::varav_statliga_medel) =
        add(total_s, kvarvarande_sum, total_of(balance_column::varav_statliga_medel), true);
    (void)add(total_r, kvarvarande_sum,
              total_of(balance_column::kvarvarande_medel) - total_of(balance_column::varav_statliga_medel), false);
    summa(balance_column::kvarvarande_medel) =
        add(kvarvarande_sum, sink, total_of(balance_column::kvarvarande_medel), true);
    (void)add(sink, source, total_of(balance_column::disponibla_medel), false);
    summa(balance_column::budget_forbrukning) =
        add(budget_loop, total_b, total_of(balance_column::budget_forbrukning), true);

    // The tie rule's order: the shown figures by fractional part, largest first, then in table
    // order (row by row, the Summa row last; columns in report order).
    std::vector<std::size_t> order;
    for (std::size_t r = 0; r < rows; ++r) {
        for (const balance_column c : all_balance_columns) {
            order.push_back(arc_of[r][static_cast<std::size_t>(c)]);
        }
    }
    for (const balance_column c : all_balance_columns) {
        order.push_back(summa_arc[static_cast<std::size_t>(c)]);
    }
    std::vector<exact_value> fraction(arcs.size());
    for (std::size_t a = 0; a < arcs.size(); ++a) {
        fraction[a] = arcs[a].value - exact_value{detail::controlled_impl::floor_of(arcs[a].value)};
    }
    std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
        return detail::controlled_impl::exact_less(fraction[b], fraction[a]);
    });

    const rounded_circulation rounded = round_circulation(fixed_nodes + 3 * rows, arcs, order);

    shown_ledger result{.shown = {.period = exact.period, .entries = {}},
                        .total = {.area = partnerskap::named("Summa"),
                                  .internal = false,
                                  .ingaende_balans = {},
                                  .erhallna_medel = {},
                                  .budget_forbrukning = {},
                                  .utfall_forbrukning = {},
                                  .utbetalt_till_kommuner = {},
                                  .overforda_medel = {},
                                  .varav_statliga_medel = {}},
                        .rounded_cells = 0,
                        .moved_cells = 0};
    const auto shown_money = [&](std::size_t arc) { return money::ore(rounded.flows[arc] * step); };
    for (std::size_t r = 0; r < rows; ++r) {
        const balance_entry& e = exact.entries[r];
        const auto& at = arc_of[r];
        const auto value = [&](balance_column c) { return shown_money(at[static_cast<std::size_t>(c)]); };
        result.shown.entries.push_back({.area = e.area,
                                        .internal = e.internal,
                                        .ingaende_balans = value(balance_column::ingaende_balans),
                                        .erhallna_medel = value(balance_column::erhallna_medel),
                                        .budget_forbrukning = value(balance_column::budget_forbrukning),
                                        .utfall_forbrukning = value(balance_column::utfall_forbrukning),
                                        .utbetalt_till_kommuner = value(balance_column::utbetalt_till_kommuner),
                                        .overforda_medel = value(balance_column::overforda_medel),
                                        .varav_statliga_medel = value(balance_column::varav_statliga_medel)});
        for (const balance_column c : entered) {
            result.rounded_cells += e.value(c).is_whole(u) ? 0U : 1U;
        }
    }
    const auto total = [&](balance_column c) { return result.shown.net_total(c); };
    result.total = {.area = result.total.area,
                    .internal = false,
                    .ingaende_balans = total(balance_column::ingaende_balans),
                    .erhallna_medel = total(balance_column::erhallna_medel),
                    .budget_forbrukning = total(balance_column::budget_forbrukning),
                    .utfall_forbrukning = total(balance_column::utfall_forbrukning),
                    .utbetalt_till_kommuner = total(balance_column::utbetalt_till_kommuner),
                    .overforda_medel = total(balance_column::overforda_medel),
                    .varav_statliga_medel = total(balance_column::varav_statliga_medel)};
    for (std::size_t a = 0; a < arcs.size(); ++a) {
        if (shown_arc[a] && !detail::controlled_impl::is_zero(fraction[a]) &&
            (rounded.flows[a] != detail::controlled_impl::floor_of(arcs[a].value)) != half_up_is_ceiling(arcs[a].value)) {
            ++result.moved_cells;
        }
    }
    // The identities hold by conservation; the Summa row is the rounded totals.
    for (const balance_column c : all_balance_columns) {
        Ensures(result.total.value(c) == shown_money(summa_arc[static_cast<std::size_t>(c)]));
    }
    return result;
}

} // namespace ku
