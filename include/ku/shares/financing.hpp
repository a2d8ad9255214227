#pragma once
/// @file
/// Financing-share breakdowns (finansiering av utfall): each area's share of the total outcome,
/// and the share of its outcome each funding source financed, in proportion to the money each
/// source brought that year. Groups ("varav projektverksamhet") and the total are weighted by
/// outcome, never averaged. All exact.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ku/core/funding.hpp"
#include "ku/core/money.hpp"
#include "ku/shares/percent.hpp"

namespace ku {

/// The money one area received in a period by kind of source, and its outcome (utfall).
struct area_funding {
    std::string area; ///< the area's name
    /// The group the area is counted in ("projektverksamhet"), if any.
    std::optional<std::string> group;
    money utfall{}; ///< its outcome: what it spent in the period
    /// Indexed by funding_kind: kommunerna, staten, övriga.
    std::array<money, 3> by_kind{};

    /// The sum over the three kinds; throws ku::overflow_error beyond the range.
    [[nodiscard]] money received() const { return by_kind[0] + by_kind[1] + by_kind[2]; }
};

/// One row of the breakdown: an area, a group or the total ("Summa"), its exact share of the
/// total outcome, and the exact share of its outcome financed by each kind of source.
struct share_row {
    /// What the row stands for.
    enum class kind : std::uint8_t {
        area,  ///< one area
        group, ///< a group of areas ("varav projektverksamhet")
        total  ///< every area ("Summa")
    };
    kind row_kind = kind::area; ///< area, group or total
    std::string name; ///< the area's or group's name, or "Summa"
    std::optional<std::string> group; ///< for an area, the group it is counted in, if any
    money utfall{}; ///< the outcome (summed over the areas of a group or the total)
    exact_share of_total_outcome; ///< its exact share of the total outcome
    std::array<exact_share, 3> by_kind; ///< the exact share of its outcome per kind: kommunerna, staten, övriga
};

/// The breakdown: one row per area (input order), then one per group (first-seen order), then
/// the total. A group's and the total's source shares are Σ utfall × share / Σ utfall over
/// their areas. Throws ku::domain_error for no areas, a duplicate area, a negative amount, an
/// area with outcome but no funding, a total outcome of zero, or a group named by no area
/// (an empty group).
[[nodiscard]] std::vector<share_row> financing_shares(std::span<const area_funding> areas);

/// The rows as percents: the column of shares of total outcome over the areas, and each row's
/// source shares, each summing to exactly 100 by largest remainder (or rounded per cell).
struct percent_table {
    std::vector<share_row> rows; ///< the exact rows, as financing_shares() gave them
    /// Per row: the share of total outcome (areas: a column summing to 100; groups and total:
    /// their own share, the total 100), then kommunerna, staten, övriga (summing to 100).
    std::vector<std::array<percent, 4>> percents;
};

/// Percents of a breakdown with `decimals` decimals.
[[nodiscard]] percent_table to_percent_table(std::vector<share_row> rows, int decimals = 0,
                                             percent_rounding rounding = percent_rounding::largest_remainder);

} // namespace ku
