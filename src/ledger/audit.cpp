// The auditor of published balance tables.

#include "ku/ledger/audit.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <gsl/narrow>

namespace ku {

std::string_view to_string(row_kind kind) noexcept
{
    switch (kind) {
    case row_kind::omrade: return "omrade";
    case row_kind::intern: return "intern";
    case row_kind::summa: return "summa";
    }
    return "?";
}

std::string_view to_string(finding_kind kind) noexcept
{
    switch (kind) {
    case finding_kind::missing_value: return "missing_value";
    case finding_kind::identity_broken: return "identity_broken";
    case finding_kind::total_mismatch: return "total_mismatch";
    case finding_kind::carry_over_difference: return "carry_over_difference";
    }
    return "?";
}

std::string_view to_string(carry_over_class classification) noexcept
{
    return classification == carry_over_class::rounding ? "rounding" : "unexplained";
}

const balance_row* balance_table::find(std::string_view area) const noexcept
{
    const auto found = std::ranges::find_if(
        rows, [&](const balance_row& row) { return row.kind != row_kind::summa && row.area == area; });
    return found == rows.end() ? nullptr : &*found;
}

namespace {

money or_zero(const balance_row& row, balance_column column) { return row.cell(column).value_or(money{}); }

/// The row as an exact entry, blanks as zero.
balance_entry entry_of(const balance_row& row)
{
    return {.area = row.area,
            .internal = row.kind == row_kind::intern,
            .ingaende_balans = or_zero(row, balance_column::ingaende_balans),
            .erhallna_medel = or_zero(row, balance_column::erhallna_medel),
            .budget_forbrukning = or_zero(row, balance_column::budget_forbrukning),
            .utfall_forbrukning = or_zero(row, balance_column::utfall_forbrukning),
            .utbetalt_till_kommuner = or_zero(row, balance_column::utbetalt_till_kommuner),
            .overforda_medel = or_zero(row, balance_column::overforda_medel),
            .varav_statliga_medel = or_zero(row, balance_column::varav_statliga_medel)};
}

/// What a row contributes to a column's total: its cell, or for a blank derived cell the value
/// its identity gives.
money contribution(const balance_row& row, balance_column column)
{
    if (const auto value = row.cell(column)) {
        return *value;
    }
    return is_derived(column) ? entry_of(row).value(column) : money{};
}

/// The closing balance of a previous row: the published kvarvarande, or its identity when blank.
money closing_of(const balance_row& row) { return contribution(row, balance_column::kvarvarande_medel); }

void check_row(const balance_row& row, std::vector<finding>& findings)
{
    const balance_entry entry = entry_of(row);
    for (const balance_column column : {balance_column::disponibla_medel, balance_column::kvarvarande_medel}) {
        const money expected = entry.value(column);
        const std::optional<money> found = row.cell(column);
        if (!found) {
            if (expected != money{}) {
                findings.push_back({finding_kind::missing_value, row.area, column, expected, std::nullopt, -expected,
                                    std::nullopt, "cellen är tom"});
            }
        } else if (*found != expected) {
            findings.push_back({finding_kind::identity_broken, row.area, column, expected, found, *found - expected,
                                std::nullopt,
                                column == balance_column::disponibla_medel
                                    ? "ingående balans + erhållna medel"
                                    : "disponibla − utfall förbrukning − utbetalt till länets kommuner − överförda medel"});
        }
    }
    if (const auto state = row.cell(balance_column::varav_statliga_medel)) {
        const money remaining = entry.kvarvarande_medel();
        if (*state < money{}) {
            findings.push_back({finding_kind::identity_broken, row.area, balance_column::varav_statliga_medel,
                                money{}, state, *state, std::nullopt, "statliga medel kan inte vara negativa"});
        } else if (remaining > money{} && *state > remaining) {
            findings.push_back({finding_kind::identity_broken, row.area, balance_column::varav_statliga_medel,
                                remaining, state, *state - remaining, std::nullopt,
                                "statliga medel kan inte överstiga kvarvarande medel"});
        }
    }
}

void check_totals(const balance_table& table, const balance_row& total_row, std::vector<finding>& findings)
{
    for (const balance_column column : all_balance_columns) {
        money net;
        money internal;
        for (const balance_row& row : table.rows) {
            if (row.kind == row_kind::summa) {
                continue;
            }
            const money value = contribution(row, column);
            net += value;
            if (row.kind == row_kind::intern) {
                internal += value;
            }
        }
        const std::optional<money> found = total_row.cell(column);
        if (!found) {
            if (net != money{}) {
                findings.push_back({finding_kind::missing_value, total_row.area, column, net, std::nullopt, -net,
                                    std::nullopt, "summan är tom"});
            }
            continue;
        }
        if (*found == net) {
            continue;
        }
        std::string note = "förklaras inte av de interna raderna";
        if (internal != money{} && *found == net - internal) {
            note = "förklaras av att den interna finansieringen räknats två gånger: summan utelämnar de interna raderna";
        } else if (internal != money{} && *found == net + internal) {
            note = "förklaras av att de interna raderna räknats två gånger";
        } else if (internal == money{}) {
            note = "tabellen har inga interna rader";
        }
        findings.push_back({finding_kind::total_mismatch, total_row.area, column, net, found, *found - net,
                            std::nullopt, note});
    }
}

std::string joined(const std::vector<std::string>& names)
{
    std::string text;
    for (const std::string& name : names) {
        text += (text.empty() ? "" : ", ") + name;
    }
    return text;
}

void check_carry_over(const balance_table& table, const balance_table& previous, const reorganisation* mapping,
                      std::vector<finding>& findings)
{
    std::vector<area_amount> closing;
    for (const balance_row& row : previous.rows) {
        if (row.kind == row_kind::omrade) {
            closing.emplace_back(row.area, closing_of(row));
        }
    }
    std::vector<area_opening> opening;
    for (const balance_row& row : table.rows) {
        if (row.kind == row_kind::omrade) {
            opening.push_back({row.area, row.cell(balance_column::ingaende_balans)});
        }
    }
    std::ranges::move(carry_over_findings(closing, opening, mapping, table.unit), std::back_inserter(findings));
}

} // namespace

std::vector<finding> carry_over_findings(const std::vector<area_amount>& closing,
                                         const std::vector<area_opening>& opening, const reorganisation* mapping,
                                         unit u)
{
    const reorganisation identity;
    const reorganisation& map = mapping ? *mapping : identity;
    const std::vector<area_amount> carried = map.apply(closing, u);
    const std::int64_t half_unit = ore_per(u) / 2;

    // Lookups by name, so the check stays linear in the number of areas.
    std::unordered_map<std::string_view, money> carried_by_area;
    for (const auto& [area, amount] : carried) {
        carried_by_area.emplace(area, amount);
    }
    std::unordered_map<std::string_view, std::vector<std::string>> sources_by_target;
    std::unordered_set<std::string_view> mapped_areas;
    for (const reorganisation_rule& rule : map.rules()) {
        mapped_areas.insert(rule.from);
        if (!rule.to.empty()) {
            sources_by_target[rule.to].push_back(rule.from);
        }
    }
    std::unordered_set<std::string_view> previous_areas;
    for (const auto& [area, amount] : closing) {
        previous_areas.insert(area);
    }
    const auto sources = [&](const std::string& area) {
        std::vector<std::string> from;
        if (const auto found = sources_by_target.find(area); found != sources_by_target.end()) {
            from = found->second;
        }
        if (!mapped_areas.contains(area) && previous_areas.contains(area)) {
            from.push_back(area); // it carries its own balance too
        }
        return from;
    };
    const auto classify = [&](money difference, std::size_t rows_involved) {
        const std::int64_t magnitude = difference.in_ore() < 0 ? -difference.in_ore() : difference.in_ore();
        return int128{magnitude} <= int128{half_unit} * gsl::narrow<std::int64_t>(rows_involved)
                   ? carry_over_class::rounding
                   : carry_over_class::unexplained;
    };

    std::vector<finding> findings;
    std::unordered_set<std::string_view> current_areas;
    for (const area_opening& row : opening) {
        current_areas.insert(row.area);
        const auto mapped = carried_by_area.find(row.area);
        const money expected = mapped == carried_by_area.end() ? money{} : mapped->second;
        const money found = row.ingaende_balans.value_or(money{});
        if (found == expected) {
            continue;
        }
        const std::vector<std::string> from = sources(row.area);
        findings.push_back({finding_kind::carry_over_difference, row.area, balance_column::ingaende_balans, expected,
                            row.ingaende_balans, found - expected, classify(found - expected, from.size() + 1),
                            from.empty() ? "nytt område: inget fördes över" : "överfört från " + joined(from)});
    }
    // Balances carried into areas the next period does not have: money that vanished.
    for (const auto& [area, amount] : carried) {
        if (!current_areas.contains(area) && amount != money{}) {
            const std::vector<std::string> from = sources(area);
            findings.push_back({finding_kind::carry_over_difference, area, balance_column::ingaende_balans, amount,
                                std::nullopt, -amount, classify(amount, from.size()),
                                "överfört från " + joined(from) + ", men området finns inte i tabellen"});
        }
    }
    return findings;
}

balance_period to_ledger(const balance_table& table, ku::period period)
{
    balance_period ledger{.period = period, .entries = {}};
    for (const balance_row& row : table.rows) {
        if (row.kind != row_kind::summa) {
            ledger.entries.push_back(entry_of(row));
        }
    }
    return ledger;
}

std::vector<finding> audit_balance(const balance_table& table, const balance_table* previous,
                                   const reorganisation* mapping)
{
    std::vector<finding> findings;
    const balance_row* total_row = nullptr;
    for (const balance_row& row : table.rows) {
        if (row.kind == row_kind::summa) {
            total_row = &row;
        } else {
            check_row(row, findings);
        }
    }
    if (total_row != nullptr) {
        check_totals(table, *total_row, findings);
    }
    if (previous != nullptr) {
        check_carry_over(table, *previous, mapping, findings);
    }
    return findings;
}

} // namespace ku
