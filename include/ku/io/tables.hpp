#pragma once
/// @file
/// Each result type as a report (ku/io/sheet.hpp): one function per result, which every
/// format renders. Swedish titles, headings and notes; exact values; sums as formulas that a
/// spreadsheet reader can check.

#include <optional>
#include <span>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/fee_audit.hpp"
#include "ku/allocation/overhead.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/allocation/scenario.hpp"
#include "ku/core/kommun.hpp"
#include "ku/indicators/applications.hpp"
#include "ku/indicators/indicator_audit.hpp"
#include "ku/indicators/price_level.hpp"
#include "ku/indicators/staffing.hpp"
#include "ku/indicators/staffing_audit.hpp"
#include "ku/io/sheet.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/report/period_report.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/share_audit.hpp"
#include "ku/shares/share_balance_audit.hpp"

namespace ku {

/// Sheet "Fördelning": Kod, Kommun, Vikt, Exakt kvot (kr), Belopp (kr), Justering (kr); rows
/// Summa (formulas), Totalt and Differens (= Totalt − Summa); the method as a note. CSV writes
/// code,kommun,weight,quota,amount,adjustment, one row per part, which read_weights reads back.
[[nodiscard]] report to_report(const allocation& result, const kommun_catalogue& catalogue);

/// Sheet "Förslag" in the published layout (Kod, Kommun, one column per fee, Summa; a Summa
/// row; "–" for a kommun that does not take part), the Summa column and row as formulas and a
/// bar chart of each kommun's Summa; sheet "Avgifter" with each fee's method, total, column sum
/// and residual. CSV writes "Förslag", which read_published_proposal reads back.
[[nodiscard]] report to_report(const proposal_table& table);

/// Sheet "Skillnader": every difference from a published proposal (Typ, Kod, Kommun, Avgift,
/// Publicerat, Beräknat, Differens as a formula), or a line saying there are none.
[[nodiscard]] report to_report(std::span<const proposal_difference> differences, const kommun_catalogue& catalogue);

/// Sheets "Skillnad" (alternative − base per kommun and fee, each cell a formula over the next
/// two sheets, Summa column and row), "Bas" and "Alternativ" (not shown in text and Markdown).
[[nodiscard]] report to_report(const scenario_comparison& comparison);

/// Sheet "Andelar": each area, group and Summa row with its outcome and percents, each row's
/// sum of sources as a formula. CSV is read back by read_published_shares.
[[nodiscard]] report to_report(const percent_table& table);

/// Sheets "Balans" (the table as published, in its unit, and a row of the sums of its rows as
/// formulas) and "Avvikelser" (the findings, Differens = Funnet − Väntat as a formula), which
/// CSV writes.
[[nodiscard]] report to_report(const balance_table& table, std::span<const finding> findings);

/// Sheet "Ledning och stab": each area's outcome (the basis) and its part of management's cost,
/// and a Summa row as formulas. CSV writes it.
[[nodiscard]] report to_report(std::span<const area_charge> charges);

/// The audit of the fee table `table` (read from `source`, cells in `u`): sheet "Avvikelser"
/// (Typ, Kod, Kommun, Kolumn, Väntat, Funnet, Differens as a formula, Bedömning, Not; a note
/// naming the columns the Summa column leaves out), which CSV writes, and with keys sheet
/// "Nycklar" (each column's key, method, total and differing cells).
[[nodiscard]] report to_report(const published_proposal& table, const fee_audit& audit,
                               const kommun_catalogue& catalogue, const std::string& source, unit u);

/// Sheet "Avvikelser" of a published staffing table's audit: Typ, Period, Kolumn, Väntat,
/// Funnet, Differens (a formula) in årsarbetare, Bedömning (always fel: sums are exact), Not.
[[nodiscard]] report to_report(const published_staffing_table& table, std::span<const staffing_finding> findings);

/// Sheet "Avvikelser" of a published indicator table's audit: Typ, Indikator, Period, Exakt,
/// Väntat, Funnet, Differens (a formula) in percent, Bedömning, Not; the percents that could not
/// be checked as notes.
[[nodiscard]] report to_report(const published_indicator_table& table, const indicator_audit& audit);

/// A period's report titled `title`: sheet "Balans" (the balance table in its unit, with the
/// internal row and the Summa row, notes on both), sheet "Andelar" (as for a percent table) and,
/// when areas finance ledning och stab, sheet "Ledning och stab" (each area's own outcome and its
/// part, a Summa row). CSV writes "Balans".
[[nodiscard]] report to_report(const period_report& result, const std::string& title);

/// Sheets "Andelar" (the published percent table, each row's sum of sources as a formula) and
/// "Avvikelser" (the findings in percent points), which CSV writes.
[[nodiscard]] report to_report(const published_share_table& table, std::span<const share_finding> findings);

/// As the share audit above, with the findings against a balance table after the table's own
/// and a note naming the outcome base that explains the shares of the outcome.
[[nodiscard]] report to_report(const published_share_table& table, std::span<const share_finding> findings,
                               const share_balance_audit& against_balance);

/// Sheets "OH-påslag" (the administration, the grants, what the surcharge finances and what is
/// invoiced, at the rate and, when given, at the new rate, with the change) and "Kommuner" (each
/// kommun's weight and invoice at each rate, the change, a Summa row), which CSV writes. A
/// negative invoice is a refund.
[[nodiscard]] report to_report(const overhead_financing& at_rate, const std::optional<overhead_financing>& at_new_rate,
                               const kommun_catalogue& catalogue);

/// Sheet "Prisnivå": each row's label, then per amount column the amount at the original price
/// level and at each target year's (a plan's years headed "Budget 2026", "Plan 2027"), blank
/// cells blank; notes give the index values, each exact factor and the rounding.
[[nodiscard]] report to_report(const price_conversion& conversion);

/// Sheet "Årsarbetare": one row per form of employment (tjänsteköp, tillsvidare, visstid), a
/// column per financing (kommunal, extern) and a Summa column, and a Summa row; sums as
/// formulas. CSV writes the three rows, which read back as totals per form and financing.
[[nodiscard]] report to_report(const staffing_table& staffing);

/// Sheet "Ansökningar": per period the applications made and granted, the kronor applied for
/// and granted, the success rate by count and in kronor, and the change from the previous
/// period in applications and in kronor granted, as percents ("–" where none exists); a note
/// says how every percent was rounded.
[[nodiscard]] report to_report(std::span<const application_indicators> indicators);

} // namespace ku
