// Balance tables and reorganisation mappings from CSV; audit findings as text and JSON.

#include "ku/io/balance_io.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <optional>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "csv_headings.hpp"
#include "ku/core/detail/entities.hpp"

namespace ku {

namespace {

namespace headings = detail::csv_headings;

constexpr std::array required_columns{
    balance_column::ingaende_balans,    balance_column::erhallna_medel,         balance_column::disponibla_medel,
    balance_column::budget_forbrukning, balance_column::utfall_forbrukning,     balance_column::utbetalt_till_kommuner,
    balance_column::kvarvarande_medel,  balance_column::varav_statliga_medel,
};

row_kind guess_kind(const std::string& area)
{
    if (area == "Summa") {
        return row_kind::summa;
    }
    if (area.starts_with("Härav") || area.starts_with("härav")) {
        return row_kind::intern;
    }
    return row_kind::omrade;
}

} // namespace

balance_table read_balance_table(const csv_table& csv, unit in)
{
    if (csv.header.size() < 2) {
        // One column holding the other separator: the file was read with the wrong one.
        const bool wrong_separator = csv.header.size() == 1 && csv.header.front().find_first_of(",;") != std::string::npos;
        throw parse_error("", 0,
                          std::string{"a balance table has the area names and then the balance columns"} +
                              (wrong_separator ? " (the only column is \"" + csv.header.front() +
                                                     "\": is the separator right?)"
                                               : ""),
                          csv.source + ":1");
    }
    std::array<std::optional<std::size_t>, balance_column_count> positions{};
    std::optional<std::size_t> kind_column;
    for (std::size_t c = 1; c < csv.header.size(); ++c) {
        const std::string& name = csv.header[c];
        std::optional<std::size_t>* slot = nullptr;
        if (heading_matches(name, headings::row_kind)) {
            slot = &kind_column;
        } else {
            for (std::size_t k = 0; k < balance_column_count; ++k) {
                if (heading_matches(name, headings::balance[k])) {
                    slot = &positions[k];
                }
            }
        }
        if (slot == nullptr) {
            std::string accepted;
            for (const csv_heading& heading : headings::balance) {
                accepted += accepted_headings(heading) + "; ";
            }
            throw lookup_error(csv.source + ":1: unknown column " + detail::error_impl::quoted(name) +
                               " (a balance table's columns after the area's name are " + accepted +
                               "and the optional " + accepted_headings(headings::row_kind) +
                               ", in any case, with or without a unit such as (tkr))");
        }
        if (*slot) {
            throw parse_error("", 0,
                              "the columns \"" + csv.header[**slot] + "\" and \"" + name +
                                  "\" are the same column; keep one",
                              csv.source + ":1");
        }
        if (const std::string_view shown = heading_unit(name); !shown.empty() && slot != &kind_column &&
                                                                shown != to_string(in)) {
            throw parse_error("", 0,
                              "the column " + detail::error_impl::quoted(name) + " is in " + std::string{shown} +
                                  " but the table is read in " + std::string{to_string(in)} +
                                  " (give the unit: --unit " + std::string{shown} + ")",
                              csv.source + ":1");
        }
        *slot = c;
    }
    for (const balance_column column : required_columns) {
        if (!positions[static_cast<std::size_t>(column)]) {
            throw lookup_error(csv.source + ":1: the column \"" + std::string{to_string(column)} + "\" is missing (" +
                               accepted_headings(headings::balance[static_cast<std::size_t>(column)]) + ")");
        }
    }

    balance_table table{.source = csv.source, .unit = in, .rows = {}};
    bool has_total = false;
    std::unordered_map<std::string, std::size_t> line_of_area;
    for (const csv_row& csv_line : csv.rows) {
        balance_row row{.area = partnerskap::parse(csv_line.fields[0], csv.where(csv_line, 0)),
                        .kind = row_kind::omrade,
                        .cells = {},
                        .line = csv_line.line};
        row.kind = guess_kind(row.area.name());
        if (kind_column && !csv_line.fields[*kind_column].empty()) {
            const std::string& text = csv_line.fields[*kind_column];
            using detail::entities_impl::same_folded;
            if (same_folded(text, "omrade") || same_folded(text, "område")) {
                row.kind = row_kind::omrade;
            } else if (same_folded(text, "intern")) {
                row.kind = row_kind::intern;
            } else if (same_folded(text, "summa")) {
                row.kind = row_kind::summa;
            } else {
                throw parse_error(text, 0, "a row type is omrade (område), intern or summa",
                                  csv.where(csv_line, *kind_column));
            }
        }
        for (const balance_column column : all_balance_columns) {
            if (const auto position = positions[static_cast<std::size_t>(column)]) {
                const std::string& text = csv_line.fields[*position];
                if (!text.empty()) {
                    row.set(column, money::parse(text, in, csv.where(csv_line, *position)));
                }
            }
        }
        if (row.kind == row_kind::summa) {
            if (has_total) {
                throw domain_error(csv.where(csv_line, 0) + ": a second total row");
            }
            has_total = true;
        } else if (const auto [first, added] = line_of_area.try_emplace(row.area.id(), csv_line.line); !added) {
            throw domain_error(csv.where(csv_line, 0) + ": area \"" + row.area.name() + "\" appears twice (first on line " +
                               std::to_string(first->second) + ")");
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

reorganisation read_reorganisation(const csv_table& csv, unit in, const balance_table* previous)
{
    const std::size_t from_column = csv.column(headings::from);
    const std::size_t to_column = csv.column(headings::to);
    const auto share_column = csv.find_column(headings::share);
    const auto amount_column = csv.find_column(headings::amount);
    if (share_column.has_value() == amount_column.has_value() || csv.header.size() != 3) {
        throw lookup_error(csv.source + ":1: a mapping has the columns from,to,share or from,to,amount");
    }
    std::vector<reorganisation_rule> rules;
    std::vector<std::size_t> lines;
    for (const csv_row& line : csv.rows) {
        if (line.fields[from_column].empty()) {
            throw parse_error("", 0, "the rule has no from area", csv.where(line, from_column));
        }
        const partnerskap from = partnerskap::parse(line.fields[from_column], csv.where(line, from_column));
        const balance_row* source = previous != nullptr ? previous->find(from) : nullptr;
        if (previous != nullptr && (source == nullptr || source->kind != row_kind::omrade)) {
            throw lookup_error(csv.where(line, from_column) + ": unknown area \"" + from.name() + "\" (not in " +
                               previous->source + ")");
        }
        const std::string& to = line.fields[to_column];
        reorganisation_rule rule{.from = from,
                                 .to = to.empty() ? std::nullopt
                                                  : std::optional{partnerskap::parse(to, csv.where(line, to_column))},
                                 .part = ratio{}};
        if (share_column) {
            rule.part = ratio::parse(line.fields[*share_column], csv.where(line, *share_column));
        } else {
            rule.part = money::parse(line.fields[*amount_column], in, csv.where(line, *amount_column));
        }
        for (std::size_t i = 0; i < rules.size(); ++i) {
            if (rules[i].same_move(rule)) {
                throw domain_error(csv.where(line, to_column) + ": \"" + rule.from.name() + "\" → \"" + rule.to_name() +
                                   "\" appears twice (first on line " + std::to_string(lines[i]) + ")");
            }
        }
        rules.push_back(std::move(rule));
        lines.push_back(line.line);
    }
    if (share_column) {
        // Each area's shares must sum to exactly 1: name the area's last line.
        for (std::size_t i = 0; i < rules.size(); ++i) {
            const bool last_of_area = std::none_of(rules.begin() + static_cast<std::ptrdiff_t>(i) + 1, rules.end(),
                                                   [&](const auto& r) { return r.from.same_area(rules[i].from); });
            if (!last_of_area) {
                continue;
            }
            ratio total;
            for (const reorganisation_rule& rule : rules) {
                if (rule.from.same_area(rules[i].from)) {
                    total = total + std::get<ratio>(rule.part);
                }
            }
            if (total != ratio::whole(1)) {
                throw domain_error(csv.source + ":" + std::to_string(lines[i]) + ":share: the shares of \"" +
                                   rules[i].from.name() + "\" sum to " + to_string(total) + ", not to 1");
            }
        }
    }
    try {
        return reorganisation{std::move(rules)};
    } catch (const domain_error& e) {
        throw domain_error(csv.source + ": " + e.what());
    }
}

} // namespace ku
