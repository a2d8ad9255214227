// Funding amounts and percent tables from CSV; share tables and findings as text and JSON.

#include "ku/io/shares_io.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "csv_headings.hpp"
#include "ku/core/ratio.hpp"
#include "ku/core/detail/scanner.hpp"

namespace ku {

namespace {

namespace headings = detail::csv_headings;

/// "kommunerna, staten or ovriga (Övriga)": the source columns accepted, for messages.
std::string accepted_sources()
{
    std::string list;
    for (const funding_kind kind : all_funding_kinds) {
        const csv_heading& heading = headings::funding_source[kind];
        list += (list.empty() ? "" : kind == all_funding_kinds.back() ? " or " : ", ") + std::string{heading.name};
        for (std::size_t i = 1; i < heading.accepted.size(); ++i) {
            list += " (" + std::string{heading.accepted[i]} + ")";
        }
    }
    return list;
}

/// Refuses an amount column whose heading names another unit than the table is read in.
void check_unit(const csv_table& table, std::size_t column, unit in)
{
    const std::string_view shown = heading_unit(table.header[column]);
    if (!shown.empty() && shown != to_string(in)) {
        throw parse_error("", 0,
                          "the column " + detail::error_impl::quoted(table.header[column]) + " is in " +
                              std::string{shown} + " but the table is read in " + std::string{to_string(in)} +
                              " (give the unit: --unit " + std::string{shown} + ")",
                          table.source + ":1");
    }
}

std::optional<std::string> optional_text(const csv_row& row, std::optional<std::size_t> column)
{
    if (!column || row.fields[*column].empty()) {
        return std::nullopt;
    }
    return row.fields[*column];
}

/// The number of decimals written in a percent cell ("54,5" has 1).
int decimals_of(const std::string& text)
{
    const auto separator = text.find_first_of(",.");
    if (separator == std::string::npos) {
        return 0;
    }
    int count = 0;
    for (std::size_t i = separator + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        ++count;
    }
    return count;
}

} // namespace

std::vector<area_funding> read_area_funding(const csv_table& table, unit in)
{
    const std::size_t area_column = table.column(headings::area);
    const std::size_t outcome_column = table.column(headings::outcome);
    const auto group_column = table.find_column(headings::group);
    check_unit(table, outcome_column, in);
    by_funding<std::optional<std::size_t>> sources{};
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        const std::string& name = table.header[c];
        if (c == area_column || c == outcome_column || (group_column && c == *group_column)) {
            continue;
        }
        const auto known = std::ranges::find_if(all_funding_kinds, [&](funding_kind kind) {
            return heading_matches(name, headings::funding_source[kind]);
        });
        if (known == all_funding_kinds.end()) {
            throw lookup_error(table.source + ":1: unknown source column " + detail::error_impl::quoted(name) +
                               " (expected " + accepted_sources() + ", in any case)");
        }
        if (sources[*known]) {
            throw parse_error("", 0,
                              "the columns \"" + table.header[*sources[*known]] + "\" and \"" + name +
                                  "\" are the same source; keep one",
                              table.source + ":1");
        }
        check_unit(table, c, in);
        sources[*known] = c;
    }
    if (std::ranges::none_of(sources, [](const auto& s) { return s.has_value(); })) {
        throw lookup_error(table.source + ":1: no source column (" + accepted_sources() + ")");
    }
    std::vector<area_funding> areas;
    std::unordered_map<std::string, std::size_t> line_of_area;
    for (const csv_row& row : table.rows) {
        area_funding area{.area = partnerskap::parse(row.fields[area_column], table.where(row, area_column)),
                          .group = optional_text(row, group_column),
                          .utfall = {},
                          .by_kind = {}};
        if (const auto [first, added] = line_of_area.try_emplace(area.area.id(), row.line); !added) {
            throw domain_error(table.where(row, area_column) + ": area \"" + area.area.name() +
                               "\" appears twice (first on line " + std::to_string(first->second) + ")");
        }
        const auto amount = [&](std::size_t column) {
            return row.fields[column].empty() ? money{} : money::parse(row.fields[column], in, table.where(row, column));
        };
        area.utfall = amount(outcome_column);
        for (const funding_kind kind : all_funding_kinds) {
            if (sources[kind]) {
                area.by_kind[kind] = amount(*sources[kind]);
            }
        }
        areas.push_back(std::move(area));
    }
    return areas;
}

std::vector<area_amount> read_area_outcomes(const csv_table& table, unit in)
{
    const std::size_t area_column = table.column(headings::area);
    const std::size_t outcome_column = table.column(headings::outcome);
    check_unit(table, outcome_column, in);
    std::vector<area_amount> outcomes;
    for (const csv_row& row : table.rows) {
        const std::string& outcome = row.fields[outcome_column];
        outcomes.emplace_back(partnerskap::parse(row.fields[area_column], table.where(row, area_column)),
                              outcome.empty() ? money{} : money::parse(outcome, in, table.where(row, outcome_column)));
    }
    return outcomes;
}

published_share_table read_published_shares(const csv_table& table)
{
    const std::size_t area_column = table.column(headings::area);
    const std::size_t share_column = table.column(headings::share_of_outcome);
    const auto group_column = table.find_column(headings::group);
    by_funding<std::size_t> sources{};
    for (const funding_kind kind : all_funding_kinds) {
        sources[kind] = table.column(headings::funding_source[kind]);
    }
    // Columns ku prints beside the percents (Radtyp, Utfall (kr), Summa källor): read, not used.
    const std::array<const csv_heading*, 3> shown_only{&headings::row_kind, &headings::outcome, &headings::source_sum};
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        const std::string& name = table.header[c];
        const bool known =
            c == area_column || c == share_column || c == group_column ||
            std::ranges::find(sources, c) != sources.end() ||
            std::ranges::any_of(shown_only, [&](const csv_heading* h) { return heading_matches(name, *h); });
        if (!known) {
            std::string accepted;
            for (const csv_heading* h : {&headings::area, &headings::group, &headings::share_of_outcome}) {
                accepted += accepted_headings(*h) + "; ";
            }
            throw lookup_error(table.source + ":1: unknown column " + detail::error_impl::quoted(name) +
                               " (a percent table has the columns " + accepted + accepted_sources() +
                               ", in any case; Radtyp, Utfall and Summa källor are read and not used)");
        }
    }
    std::unordered_set<std::string> groups;
    if (group_column) {
        for (const csv_row& row : table.rows) {
            if (!row.fields[*group_column].empty()) {
                groups.insert(row.fields[*group_column]);
            }
        }
    }
    published_share_table published{.source = table.source, .rows = {}};
    std::unordered_map<std::string, std::size_t> line_of_row;
    for (const csv_row& row : table.rows) {
        published_share_row out{.area = partnerskap::parse(row.fields[area_column], table.where(row, area_column)),
                                .group = optional_text(row, group_column),
                                .is_total = false,
                                .is_group = false,
                                .andel_av_utfall = std::nullopt,
                                .by_kind = {},
                                .line = row.line,
                                .decimals = 0};
        if (const auto [first, added] = line_of_row.try_emplace(out.area.id(), row.line); !added) {
            throw domain_error(table.where(row, area_column) + ": \"" + out.area.name() +
                               "\" appears twice (first on line " + std::to_string(first->second) + ")");
        }
        out.is_total = out.area.name() == "Summa";
        out.is_group = groups.contains(out.area.name());
        const auto value = [&](std::size_t column, std::size_t cell) -> std::optional<exact_share> {
            const std::string& text = row.fields[column];
            if (text.empty()) {
                return std::nullopt;
            }
            const ratio parsed = ratio::parse(text, table.where(row, column));
            exact_share percent_value = parsed.num();
            percent_value /= parsed.den();
            // ratio::parse reads "54 %" as the fraction 0,54; the table is in percent.
            if (text.find('%') != std::string::npos) {
                percent_value *= 100;
            }
            if (percent_value < 0 || percent_value > 100) {
                throw parse_error(text, 0, "a percent is between 0 and 100", table.where(row, column));
            }
            out.decimals = std::max(out.decimals, decimals_of(text));
            out.cell_decimals[cell] = decimals_of(text);
            return percent_value;
        };
        out.andel_av_utfall = value(share_column, 0);
        for (const funding_kind kind : all_funding_kinds) {
            out.by_kind[kind] = value(sources[kind], share_cell(kind));
        }
        published.rows.push_back(std::move(out));
    }
    return published;
}

std::vector<area_name_pair> read_area_name_pairs(const csv_table& table)
{
    const std::size_t from_column = table.column(headings::from);
    const std::size_t to_column = table.column(headings::to);
    std::vector<area_name_pair> pairs;
    for (const csv_row& row : table.rows) {
        area_name_pair pair{.from = row.fields[from_column], .to = row.fields[to_column]};
        for (const std::size_t column : {from_column, to_column}) {
            if (row.fields[column].empty()) {
                throw parse_error("", 0, "an area name is empty", table.where(row, column));
            }
        }
        for (const area_name_pair& earlier : pairs) {
            for (const std::string* name : {&pair.from, &pair.to}) {
                if (*name == earlier.from || *name == earlier.to) {
                    throw parse_error(*name, 0, "the name is paired twice", table.where(row, from_column));
                }
            }
        }
        pairs.push_back(std::move(pair));
    }
    return pairs;
}

} // namespace ku
