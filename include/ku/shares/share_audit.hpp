#pragma once
/// @file
/// Auditing a published financing-share table (whole or decimal percents per area and per
/// source): rows that do not sum to 100 beyond their rounding, an area-share column that does
/// not, and group or total rows that cannot follow from their areas.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ku/shares/percent.hpp"

namespace ku {

/// One row of a published percent table, values in percent as written ("54", "54,5").
struct published_share_row {
    std::string area; ///< the row's name as written
    std::optional<std::string> group; ///< the group the area is counted in, if given
    bool is_total = false;          ///< the "Summa" row
    bool is_group = false;          ///< a row named like a group of other rows
    std::optional<exact_share> andel_av_utfall; ///< its share of the total outcome in percent; none: blank
    std::array<std::optional<exact_share>, 3> by_kind; ///< kommunerna, staten, övriga
    std::size_t line = 0; ///< the line it was read from; 0 when built in code
    int decimals = 0;               ///< the most decimals written in a cell of the row
    /// Decimals written in each cell: andel_av_utfall, kommunerna, staten, övriga; each cell stands
    /// for anything within half a unit of its own last digit.
    std::array<int, 4> cell_decimals{};
};

/// A published percent table and where it came from.
struct published_share_table {
    std::string source; ///< the file name (or other source), for messages
    std::vector<published_share_row> rows; ///< the rows, in table order
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
    share_finding_kind kind; ///< what kind of fault
    std::string area; ///< the name of the row at fault ("Summa" for the column of shares)
    std::string column; ///< "andel_av_utfall", "kommunerna", "staten", "ovriga" or "summa"
    exact_share expected; ///< 100, or what the areas give, in percent points
    exact_share found; ///< the published value (or sum), in percent points
    exact_share difference; ///< found − expected
    std::string note; ///< the tolerance applied, in Swedish
    /// Equal when every field is.
    friend bool operator==(const share_finding&, const share_finding&) = default;
};

/// Every fault of the table. A percent written with d decimals stands for anything within half
/// a unit of its last digit; a sum or a weighted total is a finding only when no values within
/// those bounds can produce it.
[[nodiscard]] std::vector<share_finding> audit_shares(const published_share_table& table);

/// A percent value as a plain decimal string ("54", "54.5"), or a fraction when it has no
/// finite decimal form ("100/3").
[[nodiscard]] std::string percent_text(const exact_share& value);

} // namespace ku
