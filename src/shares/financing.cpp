// Financing-share breakdowns.

#include "ku/shares/financing.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace ku {

namespace {

exact_share share_of(money part, money whole)
{
    return whole == money{} ? exact_share{0} : exact_share{part.in_ore(), whole.in_ore()};
}

/// A row for several areas: outcome-weighted source shares.
share_row combined(share_row::kind kind, std::string name, const std::vector<const share_row*>& members,
                   money total_outcome)
{
    share_row row{.row_kind = kind, .name = std::move(name), .group = std::nullopt, .utfall = {},
                  .of_total_outcome = 0, .by_kind = {}};
    for (const share_row* member : members) {
        row.utfall += member->utfall;
    }
    row.of_total_outcome = share_of(row.utfall, total_outcome);
    for (std::size_t k = 0; k < 3; ++k) {
        exact_share weighted = 0;
        for (const share_row* member : members) {
            weighted += exact_share{member->utfall.in_ore()} * member->by_kind[k];
        }
        row.by_kind[k] = row.utfall == money{} ? exact_share{0} : weighted / row.utfall.in_ore();
    }
    return row;
}

} // namespace

std::vector<share_row> financing_shares(std::span<const area_funding> areas)
{
    if (areas.empty()) {
        throw domain_error("financing shares: there are no areas");
    }
    std::unordered_set<std::string> names;
    money total_outcome;
    for (const area_funding& area : areas) {
        if (!names.insert(area.area).second) {
            throw domain_error("financing shares: area \"" + area.area + "\" appears twice");
        }
        for (std::size_t k = 0; k < 3; ++k) {
            if (area.by_kind[k] < money{}) {
                throw domain_error("financing shares: area \"" + area.area + "\" has a negative amount from " +
                                   std::string{to_string(static_cast<funding_kind>(k))});
            }
        }
        if (area.utfall < money{}) {
            throw domain_error("financing shares: area \"" + area.area + "\" has a negative outcome");
        }
        if (area.utfall != money{} && area.received() == money{}) {
            throw domain_error("financing shares: area \"" + area.area + "\" has an outcome of " +
                               format_swedish(area.utfall) + " but no funding from any source");
        }
        if (area.group && area.group->empty()) {
            throw domain_error("financing shares: area \"" + area.area + "\" names an empty group");
        }
        total_outcome += area.utfall;
    }
    if (total_outcome == money{}) {
        throw domain_error("financing shares: the total outcome is zero");
    }

    std::vector<share_row> rows;
    rows.reserve(areas.size() + 1);
    for (const area_funding& area : areas) {
        share_row row{.row_kind = share_row::kind::area, .name = area.area, .group = area.group,
                      .utfall = area.utfall, .of_total_outcome = share_of(area.utfall, total_outcome), .by_kind = {}};
        for (std::size_t k = 0; k < 3; ++k) {
            row.by_kind[k] = share_of(area.by_kind[k], area.received());
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
        rows.push_back(combined(share_row::kind::group, group, members, total_outcome));
    }
    std::vector<const share_row*> all;
    for (std::size_t i = 0; i < area_count; ++i) {
        all.push_back(&rows[i]);
    }
    rows.push_back(combined(share_row::kind::total, "Summa", all, total_outcome));
    return rows;
}

percent_table to_percent_table(std::vector<share_row> rows, int decimals, percent_rounding rounding)
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
    std::vector<std::pair<std::string, percent>> group_percents;
    for (const share_row& row : table.rows) {
        std::array<percent, 4> cells{};
        const std::vector<percent> sources = to_percents(row.by_kind, decimals, rounding);
        std::ranges::copy(sources, cells.begin() + 1);
        switch (row.row_kind) {
        case share_row::kind::area:
            cells[0] = area_column[next_area++];
            break;
        case share_row::kind::group: {
            // A group's share is the sum of its areas' shown shares, so the column reads true.
            percent sum{0, decimals};
            std::size_t index = 0;
            for (const share_row& area : table.rows) {
                if (area.row_kind == share_row::kind::area) {
                    if (area.group == row.name) {
                        sum.units += area_column[index].units;
                    }
                    ++index;
                }
            }
            cells[0] = sum;
            break;
        }
        case share_row::kind::total:
            cells[0] = to_percents(std::vector<exact_share>{exact_share{1}}, decimals, rounding).front();
            break;
        }
        table.percents.push_back(cells);
    }
    return table;
}

} // namespace ku
