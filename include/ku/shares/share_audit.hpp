#pragma once
/// @file
/// Auditing a published financing-share table (whole or decimal percents per area and per
/// source): rows that do not sum to 100 beyond their rounding, an area-share column that does
/// not, and group or total rows that cannot follow from their areas.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ku/shares/percent.hpp"

namespace ku {

/// One row of a published percent table, values in percent as written ("54", "54,5").
struct published_share_row {
    std::string area;
    std::optional<std::string> group;
    bool is_total = false;          ///< the "Summa" row
    bool is_group = false;          ///< a row named like a group of other rows
    std::optional<exact_share> andel_av_utfall;
    std::array<std::optional<exact_share>, 3> by_kind; ///< kommunerna, staten, övriga
    std::size_t line = 0;
    int decimals = 0;               ///< the most decimals written in the row
};

/// A published percent table and where it came from.
struct published_share_table {
    std::string source;
    std::vector<published_share_row> rows;
};

/// The kinds of finding of a share audit.
enum class share_finding_kind : std::uint8_t {
    row_sum_mismatch,    ///< a row's source percents do not sum to 100, beyond their rounding
    column_sum_mismatch, ///< the areas' shares of the outcome do not sum to 100, beyond rounding
    total_mismatch,      ///< a group or total percent that cannot follow from its areas
};

/// "row_sum_mismatch", "column_sum_mismatch", "total_mismatch".
[[nodiscard]] std::string_view to_string(share_finding_kind kind) noexcept;

/// One fault, in percent points: `expected` (100, or what the areas give), `found`, and
/// `difference` = found − expected; `note` says what tolerance was applied.
struct share_finding {
    share_finding_kind kind;
    std::string area;
    std::string column; ///< "andel_av_utfall", "kommunerna", "staten", "ovriga" or "summa"
    exact_share expected;
    exact_share found;
    exact_share difference;
    std::string note;
};

/// Every fault of the table. A percent written with d decimals stands for anything within half
/// a unit of its last digit; a sum or a weighted total is a finding only when no values within
/// those bounds can produce it.
[[nodiscard]] std::vector<share_finding> audit_shares(const published_share_table& table);

/// A percent value as a plain decimal string ("54", "54.5"), or a fraction when it has no
/// finite decimal form ("100/3").
[[nodiscard]] std::string percent_text(const exact_share& value);

} // namespace ku
