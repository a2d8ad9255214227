#pragma once
/// @file
/// Financing-share breakdowns (finansiering av utfall): each area's share of the total outcome,
/// and the share of its outcome each funding source financed, in proportion to the money each
/// source brought that year. Groups ("varav projektverksamhet") and the total are weighted by
/// outcome, never averaged. All exact.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ku/core/error.hpp"
#include "ku/core/funding.hpp"
#include "ku/core/money.hpp"
#include "ku/core/partnerskap.hpp"
#include "ku/shares/percent.hpp"

namespace ku {

/// The money one area received in a period by kind of source, and its outcome (utfall).
struct area_funding {
    partnerskap area; ///< the area
    /// The group the area is counted in ("projektverksamhet"), if any.
    std::optional<std::string> group;
    money utfall{}; ///< its outcome: what it spent in the period
    by_funding<money> by_kind{}; ///< what each kind of source brought

    /// The sum over the kinds; throws ku::overflow_error beyond the range.
    [[nodiscard]] money received() const
    {
        money sum;
        for (const money amount : by_kind) {
            sum += amount;
        }
        return sum;
    }
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
    /// The area; for a group or the total row, named by the group's name or "Summa".
    partnerskap area;
    std::optional<std::string> group; ///< for an area, the group it is counted in, if any
    money utfall{}; ///< the outcome (summed over the areas of a group or the total)
    exact_share of_total_outcome; ///< its exact share of the total outcome
    by_funding<exact_share> by_kind; ///< the exact share of its outcome financed by each kind
};

/// The breakdown: one row per area (input order), then one per group (first-seen order), then
/// the total. A group's and the total's source shares are Σ utfall × share / Σ utfall over
/// their areas. Throws ku::domain_error for no areas, a duplicate area, a negative amount, an
/// area with outcome but no funding, a total outcome of zero, or a group named by no area
/// (an empty group).
[[nodiscard]] std::vector<share_row> financing_shares(std::span<const area_funding> areas);

/// One row of a percent table: its share of the total outcome and its source shares.
struct percent_row {
    /// The share of total outcome (areas: a column summing to 100; groups: the sum of their
    /// areas' percents; the total: 100).
    percent of_outcome;
    by_funding<percent> by_kind; ///< the share of its outcome per kind of source, summing to 100

    /// Equal when every percent is.
    friend bool operator==(const percent_row&, const percent_row&) = default;
};

/// The rows as percents: the column of shares of total outcome over the areas, and each row's
/// source shares, each summing to exactly 100 by largest remainder (or rounded per cell).
struct percent_table {
    std::vector<share_row> rows; ///< the exact rows, as financing_shares() gave them
    std::vector<percent_row> percents; ///< per row of `rows`, its percents
};

/// Percents of a breakdown with `decimals` decimals.
[[nodiscard]] percent_table to_percent_table(std::vector<share_row> rows, int decimals = 0,
                                             percent_rounding rounding = percent_rounding::largest_remainder);

namespace detail::financing_impl {

inline exact_share share_of(money part, money whole)
{
    return whole == money{} ? exact_share{0} : exact_share{part.in_ore(), whole.in_ore()};
}

/// A row for several areas: outcome-weighted source shares.
inline share_row combined(share_row::kind row_kind, std::string name, const std::vector<const share_row*>& members,
                          money total_outcome)
{
    share_row row{.row_kind = row_kind, .area = partnerskap::named(std::move(name)), .group = std::nullopt, .utfall = {},
                  .of_total_outcome = 0, .by_kind = {}};
    for (const share_row* member : members) {
        row.utfall += member->utfall;
    }
    row.of_total_outcome = share_of(row.utfall, total_outcome);
    for (const funding_kind kind : all_funding_kinds) {
        exact_share weighted = 0;
        for (const share_row* member : members) {
            weighted += exact_share{member->utfall.in_ore()} * member->by_kind[kind];
        }
        row.by_kind[kind] = row.utfall == money{} ? exact_share{0} : weighted / row.utfall.in_ore();
    }
    return row;
}

} // namespace detail::financing_impl

inline std::vector<share_row> financing_shares(std::span<const area_funding> areas)
{
    if (areas.empty()) {
        throw domain_error("financing shares: there are no areas");
    }
    std::unordered_map<std::string_view, const partnerskap*> seen;
    money total_outcome;
    for (const area_funding& area : areas) {
        if (const auto [first, added] = seen.try_emplace(area.area.id(), &area.area); !added) {
            throw domain_error("financing shares: " + detail::twice(area.area, *first->second));
        }
        for (const funding_kind kind : all_funding_kinds) {
            if (area.by_kind[kind] < money{}) {
                throw domain_error("financing shares: area \"" + area.area.name() + "\" has a negative amount from " +
                                   std::string{to_string(kind)});
            }
        }
        if (area.utfall < money{}) {
            throw domain_error("financing shares: area \"" + area.area.name() + "\" has a negative outcome");
        }
        if (area.utfall != money{} && area.received() == money{}) {
            throw domain_error("financing shares: area \"" + area.area.name() + "\" has an outcome of " +
                               format_swedish(area.utfall) + " but no funding from any source");
        }
        if (area.group && area.group->empty()) {
            throw domain_error("financing shares: area \"" + area.area.name() + "\" names an empty group");
        }
        total_outcome += area.utfall;
    }
    if (total_outcome == money{}) {
        throw domain_error("financing shares: the total outcome is zero");
    }

    std::vector<share_row> rows;
    rows.reserve(areas.size() + 1);
    for (const area_funding& area : areas) {
        share_row row{.row_kind = share_row::kind::area, .area = area.area, .group = area.group,
                      .utfall = area.utfall,
                      .of_total_outcome = detail::financing_impl::share_of(area.utfall, total_outcome), .by_kind = {}};
        for (const funding_kind kind : all_funding_kinds) {
            row.by_kind[kind] = detail::financing_impl::share_of(area.by_kind[kind], area.received());
        }
        rows.push_back(std::move(row));
    }
    const std::size_t area_count = rows.size();
    std::vector<std::string> groups;
    for (std::size_t i = 0; i < area_count; ++i) {
        if (rows[i].group && std::ranges::find(groups, *rows[i].group) == groups.end()) {
            groups.push_back(*rows[i].group);
        }
    }
    for (const std::string& group : groups) {
        std::vector<const share_row*> members;
        for (std::size_t i = 0; i < area_count; ++i) {
            if (rows[i].group == group) {
                members.push_back(&rows[i]);
            }
        }
        rows.push_back(detail::financing_impl::combined(share_row::kind::group, group, members, total_outcome));
    }
    std::vector<const share_row*> all;
    for (std::size_t i = 0; i < area_count; ++i) {
        all.push_back(&rows[i]);
    }
    rows.push_back(detail::financing_impl::combined(share_row::kind::total, "Summa", all, total_outcome));
    return rows;
}

inline percent_table to_percent_table(std::vector<share_row> rows, int decimals, percent_rounding rounding)
{
    percent_table table{.rows = std::move(rows), .percents = {}};
    // The column of area shares of the total outcome, summing to 100.
    std::vector<exact_share> area_shares;
    for (const share_row& row : table.rows) {
        if (row.row_kind == share_row::kind::area) {
            area_shares.push_back(row.of_total_outcome);
        }
    }
    const std::vector<percent> area_column = to_percents(area_shares, decimals, rounding);
    std::size_t next_area = 0;
    for (const share_row& row : table.rows) {
        percent_row cells{};
        const std::vector<percent> sources =
            to_percents(std::span<const exact_share>{row.by_kind.begin(), row.by_kind.end()}, decimals, rounding);
        std::ranges::copy(sources, cells.by_kind.begin());
        switch (row.row_kind) {
        case share_row::kind::area:
            cells.of_outcome = area_column[next_area++];
            break;
        case share_row::kind::group: {
            // A group's share is the sum of its areas' shown shares, so the column reads true.
            std::int64_t sum = 0;
            std::size_t index = 0;
            for (const share_row& area : table.rows) {
                if (area.row_kind == share_row::kind::area) {
                    if (area.group == row.area.name()) {
                        sum += area_column[index].units();
                    }
                    ++index;
                }
            }
            cells.of_outcome = percent{sum, decimals};
            break;
        }
        case share_row::kind::total:
            cells.of_outcome = to_percents(std::vector<exact_share>{exact_share{1}}, decimals, rounding).front();
            break;
        }
        table.percents.push_back(cells);
    }
    return table;
}

} // namespace ku
