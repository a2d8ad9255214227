#pragma once
/// @file
/// Reports as Markdown: each table under a "##" heading, with the domain's Swedish column
/// names and units, amounts in Swedish form ("845 154", "860,5"), numbers right aligned and
/// every column padded so the text lines up in a terminal too; notes follow each table.
/// Every amount and percent is exact and reads back with money::parse or ratio::parse.

#include <span>
#include <string>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/allocation/scenario.hpp"
#include "ku/core/kommun.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/share_audit.hpp"

namespace ku {

/// The allocation: Kod, Kommun, Vikt, Exakt kvot (kr), Belopp (kr), Justering (kr); rows for
/// Summa, Totalt and Differens; the method.
[[nodiscard]] std::string allocation_as_markdown(const allocation& result, const kommun_catalogue& catalogue);

/// The proposal in the published layout (Kod, Kommun, one column per fee, Summa; a Summa row;
/// "–" for a kommun that does not take part), then each fee's method, total and residual.
[[nodiscard]] std::string proposal_as_markdown(const proposal_table& table);

/// The differences from a published proposal (Typ, Kod, Kommun, Avgift, Publicerat, Beräknat,
/// Differens), or a line saying there are none.
[[nodiscard]] std::string differences_as_markdown(std::span<const proposal_difference> differences,
                                                  const kommun_catalogue& catalogue);

/// The scenario deltas (alternative − base) per kommun and fee, with the Summa column and row.
[[nodiscard]] std::string scenario_as_markdown(const scenario_comparison& comparison);

/// The percent table: Område, Grupp, Radtyp, Utfall (kr), Andel av utfall, Kommunerna, Staten,
/// Övriga and each row's sum of sources.
[[nodiscard]] std::string percent_table_as_markdown(const percent_table& table);

/// The balance table as published (amounts in its unit) with a row of the sums of its rows,
/// then its findings (Typ, Område, Kolumn, Väntat, Funnet, Differens, Bedömning, Not).
[[nodiscard]] std::string balance_as_markdown(const balance_table& table, std::span<const finding> findings);

/// The published percent table with each row's sum of sources, then its findings.
[[nodiscard]] std::string share_audit_as_markdown(const published_share_table& table,
                                                  std::span<const share_finding> findings);

} // namespace ku
