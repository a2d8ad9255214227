// Balance tables and reorganisation mappings from CSV; audit findings as text and JSON.

#include "ku/io/balance_io.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sheet.hpp"
#include "tables.hpp"
#include "text_table.hpp"

namespace ku {

namespace {

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

/// A heading over two lines, split at the space that leaves the longer line shortest
/// ("Utbetalt till länets kommuner" → "Utbetalt till" / "länets kommuner"); one word stays
/// whole on the second line.
std::array<std::string, 2> two_lines(const std::string& heading)
{
    std::array<std::string, 2> best{"", heading};
    std::size_t best_width = detail::text_table::width(heading);
    for (std::size_t space = heading.find(' '); space != std::string::npos; space = heading.find(' ', space + 1)) {
        std::array<std::string, 2> split{heading.substr(0, space), heading.substr(space + 1)};
        const std::size_t split_width =
            std::max(detail::text_table::width(split[0]), detail::text_table::width(split[1]));
        if (split_width < best_width) {
            best = std::move(split);
            best_width = split_width;
        }
    }
    return best;
}

} // namespace

std::string balance_table_as_text(const balance_table& table)
{
    // The "Balans" sheet of the Markdown and .xlsx reports: its title, columns, cells and its
    // row of the sums of the rows, so that the three agree.
    const detail::sheet sheet = detail::balance_sheets(table, {}).front();
    if (table.rows.empty()) {
        return sheet.title + ": tabellen har inga rader.\n";
    }
    const std::string unit_suffix = " (" + std::string{to_string(table.unit)} + ")";
    std::vector<std::size_t> amount_columns;
    std::array<std::vector<std::string>, 2> headings{std::vector<std::string>{""}, std::vector<std::string>{"Område"}};
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
        const detail::sheet_column& column = sheet.columns[c];
        if (column.kind != detail::column_kind::amount) {
            continue;
        }
        amount_columns.push_back(c);
        std::string heading = column.label;
        if (heading.ends_with(unit_suffix)) {
            heading.resize(heading.size() - unit_suffix.size()); // the unit is in the title
        }
        auto [top, bottom] = two_lines(heading);
        headings[0].push_back(std::move(top));
        headings[1].push_back(std::move(bottom));
    }

    detail::text_table text;
    if (std::ranges::any_of(headings[0], [](const std::string& h) { return !h.empty(); })) {
        text.add(std::move(headings[0]));
    }
    text.add(std::move(headings[1]));
    text.rule();
    bool internal_rows = false;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        const detail::sheet_row& row = sheet.rows[r];
        // A rule before Summa and before the sheet's row of sums (past the table's own rows),
        // none between the two nor under the heading's rule.
        const bool own = r < table.rows.size();
        const bool total = own && table.rows[r].kind == row_kind::summa;
        const bool internal = own && table.rows[r].kind == row_kind::intern;
        const bool after_total = r > 0 && table.rows[r - 1].kind == row_kind::summa;
        if (r > 0 && (total || (!own && !after_total))) {
            text.rule();
        }
        internal_rows = internal_rows || internal;
        std::vector<std::string> line{(internal ? "  " : "") + row.cells.front().text};
        for (const std::size_t c : amount_columns) {
            const detail::sheet_cell& cell = row.cells[c];
            line.push_back(cell.type == detail::sheet_cell::kind::amount
                               ? detail::swedish_in(cell.amount, sheet.columns[c].unit)
                               : std::string{"–"});
        }
        text.add(std::move(line));
    }

    std::string out = sheet.title + "\n\n" + text.str() + "\n";
    out += internal_rows ? "– tom cell.   Indragen rad: intern (räknas en gång i summan).\n" : "– tom cell.\n";
    for (const std::string& note : sheet.notes) {
        out += note + "\n";
    }
    return out;
}

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
        if (name == "rad_typ") {
            kind_column = c;
        } else if (const auto column = find_balance_column(name)) {
            positions[static_cast<std::size_t>(*column)] = c;
        } else {
            throw lookup_error(csv.source + ":1: unknown column \"" + name +
                               "\" (expected the columns of a balance table, e.g. kvarvarande_medel, or rad_typ)");
        }
    }
    for (const balance_column column : required_columns) {
        if (!positions[static_cast<std::size_t>(column)]) {
            throw lookup_error(csv.source + ":1: the column \"" + std::string{to_string(column)} + "\" is missing");
        }
    }

    balance_table table{.source = csv.source, .unit = in, .rows = {}};
    bool has_total = false;
    std::unordered_set<std::string> areas;
    for (const csv_row& csv_line : csv.rows) {
        balance_row row{.area = std::string{csv_line.fields[0]}, .kind = row_kind::omrade, .cells = {}, .line = csv_line.line};
        if (row.area.empty()) {
            throw parse_error("", 0, "the row has no area name", csv.where(csv_line, 0));
        }
        row.kind = guess_kind(row.area);
        if (kind_column && !csv_line.fields[*kind_column].empty()) {
            const std::string& text = csv_line.fields[*kind_column];
            if (text == "omrade") {
                row.kind = row_kind::omrade;
            } else if (text == "intern") {
                row.kind = row_kind::intern;
            } else if (text == "summa") {
                row.kind = row_kind::summa;
            } else {
                throw parse_error(text, 0, "a row type is omrade, intern or summa", csv.where(csv_line, *kind_column));
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
        } else if (!areas.insert(row.area).second) {
            throw domain_error(csv.where(csv_line, 0) + ": area \"" + row.area + "\" appears twice");
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

reorganisation read_reorganisation(const csv_table& csv, unit in, const balance_table* previous)
{
    const std::size_t from_column = csv.column("from");
    const std::size_t to_column = csv.column("to");
    const auto share_column = csv.find_column("share");
    const auto amount_column = csv.find_column("amount");
    if (share_column.has_value() == amount_column.has_value() || csv.header.size() != 3) {
        throw lookup_error(csv.source + ":1: a mapping has the columns from,to,share or from,to,amount");
    }
    std::vector<reorganisation_rule> rules;
    std::vector<std::size_t> lines;
    for (const csv_row& line : csv.rows) {
        const std::string& from = line.fields[from_column];
        if (from.empty()) {
            throw parse_error("", 0, "the rule has no from area", csv.where(line, from_column));
        }
        const balance_row* source = previous != nullptr ? previous->find(from) : nullptr;
        if (previous != nullptr && (source == nullptr || source->kind != row_kind::omrade)) {
            throw lookup_error(csv.where(line, from_column) + ": unknown area \"" + from + "\" (not in " +
                               previous->source + ")");
        }
        reorganisation_rule rule{.from = from, .to = line.fields[to_column], .part = ratio{}};
        if (share_column) {
            rule.part = ratio::parse(line.fields[*share_column], csv.where(line, *share_column));
        } else {
            rule.part = money::parse(line.fields[*amount_column], in, csv.where(line, *amount_column));
        }
        for (std::size_t i = 0; i < rules.size(); ++i) {
            if (rules[i].from == rule.from && rules[i].to == rule.to) {
                throw domain_error(csv.where(line, to_column) + ": \"" + rule.from + "\" → \"" + rule.to +
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
                                                   [&](const auto& r) { return r.from == rules[i].from; });
            if (!last_of_area) {
                continue;
            }
            ratio total;
            for (const reorganisation_rule& rule : rules) {
                if (rule.from == rules[i].from) {
                    total = total + std::get<ratio>(rule.part);
                }
            }
            if (total != ratio::whole(1)) {
                throw domain_error(csv.source + ":" + std::to_string(lines[i]) + ":share: the shares of \"" +
                                   rules[i].from + "\" sum to " + to_string(total) + ", not to 1");
            }
        }
    }
    try {
        return reorganisation{std::move(rules)};
    } catch (const domain_error& e) {
        throw domain_error(csv.source + ": " + e.what());
    }
}

std::string findings_as_text(std::span<const finding> findings, const balance_table& table)
{
    const auto amount = [&](const std::optional<money>& m) {
        return m ? format_swedish(*m, {.in = table.unit}) : std::string{"tomt"};
    };
    const auto signed_amount = [&](money m) {
        return (m > money{} ? "+" : "") + format_swedish(m, {.in = table.unit});
    };
    if (findings.empty()) {
        return "Granskning av " + table.source + ": inga avvikelser.\n";
    }
    std::string out = fmt::format("Granskning av {}: {} {}.\n", table.source, findings.size(),
                                  findings.size() == 1 ? "avvikelse" : "avvikelser");
    for (const finding& f : findings) {
        switch (f.kind) {
        case finding_kind::missing_value:
            out += fmt::format("  Saknat värde       {}, {}: tomt, ska vara {}\n", f.area, label(f.column),
                               amount(f.expected));
            break;
        case finding_kind::identity_broken:
            out += fmt::format("  Felaktig cell      {}, {}: {}, ska vara {} ({}; {})\n", f.area, label(f.column),
                               amount(f.found), amount(f.expected), signed_amount(f.difference), f.note);
            break;
        case finding_kind::total_mismatch:
            out += fmt::format("  Summan stämmer ej  {}: Summa {}, raderna ger {} ({}; {})\n", label(f.column),
                               amount(f.found), amount(f.expected), signed_amount(f.difference), f.note);
            break;
        case finding_kind::carry_over_difference:
            out += fmt::format("  Ingående balans    {}: {}, föregående utgående {} ({}; {}; {})\n", f.area,
                               amount(f.found), amount(f.expected), signed_amount(f.difference),
                               f.classification == carry_over_class::rounding ? "avrundning" : "oförklarad", f.note);
            break;
        }
    }
    return out;
}

std::string findings_as_json(std::span<const finding> findings)
{
    using json = nlohmann::ordered_json;
    const auto amount = [](const std::optional<money>& m) { return m ? json(format_plain(*m)) : json(nullptr); };
    json list = json::array();
    for (const finding& f : findings) {
        list.push_back({
            {"kind", std::string{to_string(f.kind)}},
            {"area", f.area},
            {"column", std::string{to_string(f.column)}},
            {"expected", amount(f.expected)},
            {"found", amount(f.found)},
            {"difference", format_plain(f.difference)},
            {"classification", f.classification ? json(std::string{to_string(*f.classification)}) : json(nullptr)},
            {"note", f.note},
        });
    }
    json document;
    document["findings"] = std::move(list);
    return document.dump(2) + "\n";
}

} // namespace ku
