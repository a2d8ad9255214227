#pragma once
/// @file
/// Reports as .xlsx workbooks (written with libxlsxwriter): one worksheet per table, the
/// domain's Swedish headings and units in a frozen, bold heading row, every amount, weight and
/// percent stored as a number (never as text) with a Swedish number format ("#,##0", which a
/// Swedish Excel or LibreOffice shows as "845 154"; percents as `0" %"`), every sum a formula
/// (=SUM(C2:C14)) with its exact value cached so that a reader can check it, and a bar chart of
/// each kommun's Summa on a proposal.
///
/// Exactness: an .xlsx cell holds an IEEE double, written into the file as text with 16
/// significant digits. A number is written only when it reads back as exactly the value: the
/// double's shortest round-trip decimal form (what Excel, LibreOffice, Python and openpyxl
/// read) is the exact value, and the 16 digits in the file give that same double. For an
/// amount, |öre| must also be below 2^53. Every whole krona below 2^53 öre qualifies, and so
/// does any value of at most 15 significant digits (12,34 kr is stored as 12.34); an amount of
/// 2^53 öre or more, or one like 90 071 992 547 409,91 kr whose 16 digits a double cannot
/// hold, throws ku::overflow_error naming the sheet, the cell and the amount, and no file is
/// written. A percent with no finite decimal form (100/3, only in share findings) is written
/// rounded to ten decimals, as the sheet's note says.
///
/// Every writer is atomic: the workbook is made as `path`.tmp-XXXXXX in the same folder and
/// renamed over `path` when complete; on any error the temporary file is removed and `path`
/// is left as it was. Errors in writing throw ku::error naming the file.

#include <filesystem>
#include <span>
#include <string_view>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/allocation/scenario.hpp"
#include "ku/core/kommun.hpp"
#include "ku/core/money.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/share_audit.hpp"

namespace ku {

/// The number an .xlsx cell holds for `amount` in `in` (845154 for 845 154 kr in kr). Throws
/// ku::overflow_error naming `where` when |öre| ≥ 2^53 or the number would not read back as
/// exactly the amount (see the file comment).
[[nodiscard]] double xlsx_number(money amount, unit in, std::string_view where);

/// Sheet "Fördelning": Kod, Kommun, Vikt, Exakt kvot (kr), Belopp (kr), Justering (kr); rows
/// Summa (formulas), Totalt and Differens (= Totalt − Summa).
void write_allocation_xlsx(const allocation& result, const kommun_catalogue& catalogue,
                           const std::filesystem::path& path);

/// Sheet "Förslag" in the published layout (Kod, Kommun, one column per fee, Summa) with the
/// Summa column and row as formulas and a bar chart of each kommun's Summa; sheet "Avgifter"
/// with each fee's method, total, column sum (a formula into "Förslag") and residual.
void write_proposal_xlsx(const proposal_table& table, const std::filesystem::path& path);

/// Sheet "Skillnader": every difference from a published proposal, Differens as a formula.
void write_differences_xlsx(std::span<const proposal_difference> differences, const kommun_catalogue& catalogue,
                            const std::filesystem::path& path);

/// Sheets "Skillnad" (each cell the formula Alternativ − Bas, Summa column and row as
/// formulas), "Bas" and "Alternativ" (each proposal's amounts, 0 where it has none).
void write_scenario_xlsx(const scenario_comparison& comparison, const std::filesystem::path& path);

/// Sheet "Andelar": each area, group and Summa row with its outcome (groups and Summa as sums
/// of their areas) and its percents, each row's sum of sources as a formula.
void write_percent_table_xlsx(const percent_table& table, const std::filesystem::path& path);

/// Sheets "Balans" (the table as published, in its unit, and a row of the sums of its rows as
/// formulas) and "Avvikelser" (the findings, Differens = Funnet − Väntat as a formula).
void write_balance_xlsx(const balance_table& table, std::span<const finding> findings,
                        const std::filesystem::path& path);

/// Sheets "Andelar" (the published percent table, each row's sum of sources as a formula) and
/// "Avvikelser" (the findings in percent points).
void write_share_audit_xlsx(const published_share_table& table, std::span<const share_finding> findings,
                            const std::filesystem::path& path);

} // namespace ku
