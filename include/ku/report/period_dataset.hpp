#pragma once
/// @file
/// One period's body of figures, from which the period's balance table and financing-share
/// table are both built (ku/report/period_report.hpp): per area the opening balance, what each
/// named sub-source brought, budget, outcome, what was paid on and transferred, and the state
/// part of what remains; which areas finance ledning och stab; and how the previous period's
/// areas map onto this period's.

#include <optional>
#include <string>
#include <vector>

#include "ku/core/funding.hpp"
#include "ku/core/money.hpp"
#include "ku/core/partnerskap.hpp"
#include "ku/core/period.hpp"
#include "ku/ledger/reorganisation.hpp"

namespace ku {

/// What one named sub-source brought an area in the period (never negative).
struct source_amount {
    funding_source source; ///< the kind and the sub-source ({staten, "riktat statsbidrag"})
    money amount{};        ///< what it brought, exact
};

/// One area's figures for the period, exact, as a balance table shows them: an area that
/// finances ledning och stab has its part in `utfall_forbrukning`.
struct area_figures {
    partnerskap area; ///< the area
    std::optional<std::string> group; ///< the group it is counted in ("projektverksamhet"), if any
    /// The opening balance; none: last period's closing balance (needs the previous period).
    std::optional<money> ingaende_balans;
    std::vector<source_amount> erhallna; ///< what each sub-source brought
    money budget_forbrukning{};     ///< budgeted spending
    money utfall_forbrukning{};     ///< spending outcome (net cost), its part of management included
    money utbetalt_till_kommuner{}; ///< paid on to the kommuner of the län
    money overforda_medel{};        ///< transferred to other areas or bodies
    money varav_statliga_medel{};   ///< of the closing balance, state money
    std::string where; ///< where the figures were read ("2023.toml:12:1"), for messages; empty in code

    /// What each kind of source brought: the sum of its sub-sources. Throws
    /// ku::overflow_error beyond the money range.
    [[nodiscard]] by_funding<money> received_by_kind() const
    {
        by_funding<money> sums;
        for (const source_amount& part : erhallna) {
            sums[part.source.kind] += part.amount;
        }
        return sums;
    }
    /// erhållna medel: what every source brought.
    [[nodiscard]] money erhallna_medel() const
    {
        money sum;
        for (const source_amount& part : erhallna) {
            sum += part.amount;
        }
        return sum;
    }
};

/// Ledning och stab: its own figures (its own sources, its whole outcome) and the part of its
/// cost the areas finance, split among `financed_by` in proportion to their outcome.
struct management_figures {
    area_figures own; ///< its row; `erhallna` holds only its own sources, not the areas' part
    std::vector<partnerskap> financed_by; ///< the areas that finance it, each an area of the dataset
    money from_areas{}; ///< what they finance of its outcome (≤ own.utfall_forbrukning)
    std::string where_financed_by; ///< where the list was read, for messages
};

/// One period's figures: the areas in table order, ledning och stab when the dataset has it,
/// and how the previous period's areas map onto these (empty: each carries over as itself).
struct period_dataset {
    std::string source; ///< the file (or other source) the figures came from, for messages
    ku::period period = ku::period::year(std::chrono::year{2000}); ///< the period they are for
    ku::unit unit = ku::unit::kr; ///< the unit the dataset's amounts are whole in (the management split's unit)
    std::vector<area_figures> areas; ///< the areas, in table order
    std::optional<management_figures> management; ///< ledning och stab, shown after the areas
    reorganisation from_previous; ///< the previous period's areas onto this period's
};

} // namespace ku
