#pragma once
/// @file
/// Any report (ku/io/sheet.hpp) as an .xlsx workbook (written with libxlsxwriter): one worksheet per table, the
/// domain's Swedish headings and units in a frozen, bold heading row, every amount, weight and
/// percent stored as a number (never as text) with a Swedish number format ("#,##0", which a
/// Swedish Excel or LibreOffice shows as "845 154"; percents as `0" %"`), every sum a formula
/// (=SUM(C2:C14)) with its exact value cached so that a reader can check it, and the sheet's bar
/// chart if it has one.
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
#include <string_view>

#include "ku/core/money.hpp"
#include "ku/io/sheet.hpp"

namespace ku {

/// The number an .xlsx cell holds for `amount` in `in` (845154 for 845 154 kr in kr). Throws
/// ku::overflow_error naming `where` when |öre| ≥ 2^53 or the number would not read back as
/// exactly the amount (see the file comment).
[[nodiscard]] double xlsx_number(money amount, unit in, std::string_view where);

/// The report as a workbook at `path`: one worksheet per sheet, titled with the report's
/// title. Throws ku::overflow_error naming the sheet, the cell and the amount when a number
/// cannot be stored exactly, ku::error naming the file when it cannot be written; either way
/// no file is left behind and an existing `path` is kept.
void write_xlsx(const report& document, const std::filesystem::path& path);

} // namespace ku
