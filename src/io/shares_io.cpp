// Funding amounts and percent tables from CSV; share tables and findings as text and JSON.

#include "ku/io/shares_io.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ku/core/ratio.hpp"
#include "ku/core/detail/scanner.hpp"
#include "sheet.hpp"
#include "tables.hpp"
#include "text_table.hpp"

namespace ku {

namespace {

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
    const std::size_t area_column = table.column("omrade");
    const std::size_t outcome_column = table.column("utfall");
    const auto group_column = table.find_column("grupp");
    by_funding<std::optional<std::size_t>> sources{};
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        const std::string& name = table.header[c];
        if (c == area_column || c == outcome_column || (group_column && c == *group_column)) {
            continue;
        }
        const auto known = std::ranges::find(all_funding_kinds, name == "övriga" ? std::string{"ovriga"} : name,
                                             [](funding_kind kind) { return std::string{funding_column(kind)}; });
        if (known == all_funding_kinds.end()) {
            throw lookup_error(table.source + ":1: unknown source column \"" + name +
                               "\" (expected kommunerna, staten, ovriga)");
        }
        sources[*known] = c;
    }
    if (std::ranges::none_of(sources, [](const auto& s) { return s.has_value(); })) {
        throw lookup_error(table.source + ":1: no source column (kommunerna, staten, ovriga)");
    }
    std::vector<area_funding> areas;
    for (const csv_row& row : table.rows) {
        area_funding area{.area = row.fields[area_column], .group = optional_text(row, group_column),
                          .utfall = {}, .by_kind = {}};
        if (area.area.empty()) {
            throw parse_error("", 0, "the row has no area name", table.where(row, area_column));
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

published_share_table read_published_shares(const csv_table& table)
{
    const std::size_t area_column = table.column("omrade");
    const std::size_t share_column = table.column("andel_av_utfall");
    const auto group_column = table.find_column("grupp");
    by_funding<std::size_t> sources{};
    for (const funding_kind kind : all_funding_kinds) {
        auto found = table.find_column(funding_column(kind));
        if (!found && kind == funding_kind::ovriga) {
            found = table.find_column("övriga");
        }
        sources[kind] = found ? *found : table.column(funding_column(kind)); // throws, naming the column
    }
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        const std::string& name = table.header[c];
        if (name != "omrade" && name != "andel_av_utfall" && name != "grupp" && name != "övriga" &&
            std::ranges::none_of(all_funding_kinds, [&](funding_kind kind) { return funding_column(kind) == name; })) {
            throw lookup_error(table.source + ":1: unknown column \"" + name + "\"");
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
    std::unordered_set<std::string> names;
    for (const csv_row& row : table.rows) {
        published_share_row out{.area = row.fields[area_column], .group = optional_text(row, group_column),
                                .is_total = false, .is_group = false, .andel_av_utfall = std::nullopt,
                                .by_kind = {}, .line = row.line, .decimals = 0};
        if (out.area.empty()) {
            throw parse_error("", 0, "the row has no area name", table.where(row, area_column));
        }
        if (!names.insert(out.area).second) {
            throw domain_error(table.where(row, area_column) + ": \"" + out.area + "\" appears twice");
        }
        out.is_total = out.area == "Summa";
        out.is_group = groups.contains(out.area);
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

std::string percent_table_as_text(const percent_table& table)
{
    std::vector<std::array<std::string, 5>> lines{{"Område", "Andel av utfall", "Kommunerna", "Staten", "Övriga"}};
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const share_row& row = table.rows[r];
        std::string name = row.name;
        if (row.row_kind == share_row::kind::area && row.group) {
            name = "  " + name;
        } else if (row.row_kind == share_row::kind::group) {
            name = "varav " + name;
        }
        const percent_row& percents = table.percents[r];
        lines.push_back({name, percents.of_outcome.to_swedish(),
                         percents.by_kind[funding_kind::kommunerna].to_swedish(),
                         percents.by_kind[funding_kind::staten].to_swedish(),
                         percents.by_kind[funding_kind::ovriga].to_swedish()});
    }
    std::array<std::size_t, 5> widths{};
    for (const auto& line : lines) {
        for (std::size_t c = 0; c < 5; ++c) {
            widths[c] = std::max(widths[c], detail::scanner::code_points(line[c]));
        }
    }
    std::string out;
    for (const auto& line : lines) {
        for (std::size_t c = 0; c < 5; ++c) {
            const std::string padding(widths[c] - detail::scanner::code_points(line[c]), ' ');
            out += c == 0 ? line[c] + padding : "  " + padding + line[c];
        }
        out += '\n';
    }
    out += "Varje rad summerar till exakt 100 % (största rest); andelarna av utfallet likaså.\n";
    return out;
}

std::string percent_table_as_json(const percent_table& table)
{
    using json = nlohmann::ordered_json;
    json rows = json::array();
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const share_row& row = table.rows[r];
        const std::optional<std::string> group =
            row.row_kind == share_row::kind::area ? row.group : std::optional<std::string>{};
        json out = {
            {"omrade", row.name},
            {"grupp", group ? json(*group) : json(nullptr)},
            {"rad_typ", row.row_kind == share_row::kind::area ? "omrade"
                        : row.row_kind == share_row::kind::group ? "grupp" : "summa"},
            {"andel_av_utfall", table.percents[r].of_outcome.to_plain()},
        };
        for (const funding_kind kind : all_funding_kinds) {
            out[std::string{funding_column(kind)}] = table.percents[r].by_kind[kind].to_plain();
        }
        rows.push_back(std::move(out));
    }
    json document;
    document["rows"] = std::move(rows);
    return document.dump(2) + "\n";
}

std::string published_shares_as_text(const published_share_table& table)
{
    // The "Andelar" sheet of the Markdown and .xlsx reports, so that the three agree.
    const detail::sheet sheet = detail::share_audit_sheets(table, {}).front();
    if (table.rows.empty()) {
        return sheet.title + ": tabellen har inga rader.\n";
    }
    const bool any_group = std::ranges::any_of(table.rows, [](const published_share_row& row) { return row.group.has_value(); });
    detail::text_table text;
    std::vector<std::string> heading;
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
        if (c != 1 || any_group) {
            heading.push_back(sheet.columns[c].label);
        }
    }
    text.add(std::move(heading));
    text.rule();
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        if (table.rows[r].is_total && r > 0) {
            text.rule();
        }
        std::vector<std::string> line;
        for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
            const detail::sheet_cell& cell = sheet.rows[r].cells[c];
            if (c == 1 && !any_group) {
                continue;
            }
            if (sheet.columns[c].kind != detail::column_kind::percent) {
                line.push_back(cell.text);
            } else {
                line.push_back(cell.type == detail::sheet_cell::kind::empty ? "–"
                                                                          : detail::swedish_decimal(cell.text) + " %");
            }
        }
        text.add(std::move(line));
    }
    return sheet.title + "\n\n" + text.str() + "\n– tom cell.   Summa källor: kommunerna + staten + övriga.\n";
}

std::string share_findings_as_text(std::span<const share_finding> findings, const std::string& source)
{
    if (findings.empty()) {
        return "Granskning av " + source + ": inga avvikelser.\n";
    }
    std::string out = fmt::format("Granskning av {}: {} {}.\n", source, findings.size(),
                                  findings.size() == 1 ? "avvikelse" : "avvikelser");
    for (const share_finding& f : findings) {
        const char* what = f.kind == share_finding_kind::row_sum_mismatch      ? "Raden summerar inte till 100"
                           : f.kind == share_finding_kind::column_sum_mismatch ? "Kolumnen summerar inte till 100"
                                                                                : "Summan följer inte av raderna";
        const auto swedish = [](const exact_share& value) {
            std::string text = percent_text(value);
            std::ranges::replace(text, '.', ',');
            return text;
        };
        out += fmt::format("  {}: {}, {}: {} %, väntat {} % ({})\n", what, f.area, f.column, swedish(f.found),
                           swedish(f.expected), f.note);
    }
    return out;
}

std::string share_findings_as_json(std::span<const share_finding> findings)
{
    using json = nlohmann::ordered_json;
    json list = json::array();
    for (const share_finding& f : findings) {
        list.push_back({{"kind", std::string{to_string(f.kind)}},
                        {"area", f.area},
                        {"column", f.column},
                        {"expected", percent_text(f.expected)},
                        {"found", percent_text(f.found)},
                        {"difference", percent_text(f.difference)},
                        {"note", f.note}});
    }
    json document;
    document["findings"] = std::move(list);
    return document.dump(2) + "\n";
}

} // namespace ku
