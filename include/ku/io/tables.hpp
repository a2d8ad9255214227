#pragma once
// Internal: the tables of each report (allocation, proposal, comparison, scenario, shares,
// balance audit), built once as sheets and rendered as CSV, Markdown or .xlsx. Not installed.

#include <span>
#include <vector>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/allocation/scenario.hpp"
#include "ku/core/kommun.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/share_audit.hpp"
#include "sheet.hpp"

namespace ku::detail {

/// "Fördelning": kod, kommun, vikt, kvot, belopp, justering; Summa, Totalt and Differens rows.
[[nodiscard]] sheet allocation_sheet(const allocation& result, const kommun_catalogue& catalogue);

/// "Förslag" (the published layout with Summa formulas and a bar chart of each kommun's Summa)
/// and "Avgifter" (each fee's method, total, column sum and residual).
[[nodiscard]] std::vector<sheet> proposal_sheets(const proposal_table& table);

/// "Skillnader": every difference from a published proposal.
[[nodiscard]] sheet differences_sheet(std::span<const proposal_difference> differences,
                                      const kommun_catalogue& catalogue);

/// "Skillnad" (alternative − base, each cell a formula over the next two sheets), "Bas" and
/// "Alternativ".
[[nodiscard]] std::vector<sheet> scenario_sheets(const scenario_comparison& comparison);

/// "Andelar": each area, group and Summa row with its outcome and percents.
[[nodiscard]] sheet percent_sheet(const percent_table& table);

/// "Balans" (the published table and a row of the sums of its rows, as formulas) and
/// "Avvikelser" (the findings), amounts in the table's unit.
[[nodiscard]] std::vector<sheet> balance_sheets(const balance_table& table, std::span<const finding> findings);

/// "Andelar" (the published percent table, each row's sum as a formula) and "Avvikelser".
[[nodiscard]] std::vector<sheet> share_audit_sheets(const published_share_table& table,
                                                    std::span<const share_finding> findings);

} // namespace ku::detail
