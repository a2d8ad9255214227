// Text, CSV and JSON output of allocations, proposals and comparisons.

#include "ku/io/report.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ku/core/detail/scanner.hpp"
#include "sheet.hpp"
#include "tables.hpp"
#include "text_table.hpp"

namespace ku {

namespace {

using json = nlohmann::ordered_json;

std::string name_of(kommun_code code, const kommun_catalogue& catalogue)
{
    const auto found = catalogue.find(code);
    return found ? std::string{found->name} : code.str();
}

std::string swedish(money amount) { return format_swedish(amount, {.in = unit::kr, .decimals = {}, .rounding = rounding_mode::half_up, .show_unit = false}); }

using detail::text_table;

json optional_amount(const std::optional<money>& amount)
{
    return amount ? json(format_plain(*amount)) : json(nullptr);
}

} // namespace

std::string allocation_as_text(const allocation& result, const kommun_catalogue& catalogue)
{
    text_table table;
    table.add({"Kommun", "Vikt", "Exakt kvot (kr)", "Belopp (kr)", "Justering (kr)"});
    table.rule();
    for (const allocation_part& part : result.parts) {
        std::string quota = part.quota.to_swedish(4);
        quota.resize(quota.size() - 3); // drop " kr": the heading says the unit
        table.add({part.member.str() + " " + name_of(part.member, catalogue), to_string(part.weight), quota,
                   swedish(part.amount), swedish(part.adjustment)});
    }
    table.rule();
    table.add({"Summa", "", "", swedish(result.sum()), ""});
    std::string out = table.str();
    out += fmt::format("Totalt: {} kr   Summa: {} kr   Differens: {} kr\n", swedish(result.total),
                       swedish(result.sum()), swedish(result.residual()));
    out += fmt::format("Metod: {} ({})\n", to_string(result.rule.method), result.basis);
    return out;
}

std::string allocation_as_csv(const allocation& result, const kommun_catalogue& catalogue, csv_convention convention)
{
    return detail::render_csv(detail::allocation_sheet(result, catalogue), convention);
}

std::string allocation_as_json(const allocation& result, const kommun_catalogue& catalogue)
{
    json document;
    document["method"] = std::string{to_string(result.rule.method)};
    document["unit"] = std::string{to_string(result.rule.unit)};
    document["basis"] = result.basis;
    document["total"] = format_plain(result.total);
    document["sum"] = format_plain(result.sum());
    document["residual"] = format_plain(result.residual());
    json parts = json::array();
    for (const allocation_part& part : result.parts) {
        parts.push_back({
            {"code", part.member.str()},
            {"name", name_of(part.member, catalogue)},
            {"weight", to_string(part.weight)},
            {"quota", part.quota.to_plain(6)},
            {"quota_ore", part.quota.to_fraction()},
            {"fixed", format_plain(part.fixed)},
            {"supplement", format_plain(part.supplement)},
            {"amount", format_plain(part.amount)},
            {"adjustment", format_plain(part.adjustment)},
        });
    }
    document["parts"] = std::move(parts);
    return document.dump(2) + "\n";
}

std::string proposal_as_text(const proposal_table& proposal)
{
    text_table table;
    std::vector<std::string> heading{"Avgift", "Metod", "Totalt"};
    for (const kommun& k : proposal.kommuner) {
        heading.emplace_back(k.name);
    }
    table.add(heading);
    table.rule();
    for (std::size_t column = 0; column < proposal.fees.size(); ++column) {
        const fee_spec& fee = proposal.fees[column];
        std::vector<std::string> row{fee.name + (fee.in_row_sum ? "" : " *"),
                                     std::string{to_string(proposal.allocations[column].rule.method)},
                                     swedish(proposal.column_sum(column))};
        for (std::size_t r = 0; r < proposal.kommuner.size(); ++r) {
            const auto amount = proposal.cell(r, column);
            row.push_back(amount ? swedish(*amount) : "–");
        }
        table.add(std::move(row));
    }
    table.rule();
    std::vector<std::string> sums{"Summa", "", swedish(proposal.grand_total())};
    for (std::size_t r = 0; r < proposal.kommuner.size(); ++r) {
        sums.push_back(swedish(proposal.row_sum(r)));
    }
    table.add(std::move(sums));

    std::string out = proposal.title + " (kr)\n\n" + table.str() + "\n";
    out += "* räknas inte i Summa.   – deltar inte.\n";
    bool all_exact = true;
    for (std::size_t column = 0; column < proposal.fees.size(); ++column) {
        const allocation& a = proposal.allocations[column];
        if (a.residual() != money{}) {
            all_exact = false;
            out += fmt::format("{}: kolumnen summerar till {} kr, {} kr från totalen ({}).\n",
                               proposal.fees[column].name, swedish(a.sum()), swedish(a.residual()),
                               to_string(a.rule.method));
        }
    }
    if (all_exact) {
        out += "Varje kolumn summerar exakt till sitt totalbelopp; radsummorna summerar till " +
               swedish(proposal.grand_total()) + " kr.\n";
    }
    return out;
}

std::string proposal_as_csv(const proposal_table& proposal, csv_convention convention)
{
    return detail::render_csv(detail::proposal_sheets(proposal).front(), convention);
}

std::string proposal_as_json(const proposal_table& proposal)
{
    json document;
    document["title"] = proposal.title;
    json fees = json::array();
    for (std::size_t column = 0; column < proposal.fees.size(); ++column) {
        const allocation& a = proposal.allocations[column];
        fees.push_back({
            {"name", proposal.fees[column].name},
            {"method", std::string{to_string(a.rule.method)}},
            {"unit", std::string{to_string(a.rule.unit)}},
            {"basis", a.basis},
            {"in_row_sum", proposal.fees[column].in_row_sum},
            {"total", format_plain(a.total)},
            {"sum", format_plain(a.sum())},
            {"residual", format_plain(a.residual())},
        });
    }
    document["fees"] = std::move(fees);
    json rows = json::array();
    for (std::size_t r = 0; r < proposal.kommuner.size(); ++r) {
        json amounts = json::object();
        for (std::size_t column = 0; column < proposal.fees.size(); ++column) {
            amounts[proposal.fees[column].name] = optional_amount(proposal.cell(r, column));
        }
        rows.push_back({
            {"code", proposal.kommuner[r].code.str()},
            {"name", std::string{proposal.kommuner[r].name}},
            {"amounts", std::move(amounts)},
            {"summa", format_plain(proposal.row_sum(r))},
        });
    }
    document["rows"] = std::move(rows);
    document["grand_total"] = format_plain(proposal.grand_total());
    return document.dump(2) + "\n";
}

std::string differences_as_text(std::span<const proposal_difference> differences, const kommun_catalogue& catalogue)
{
    if (differences.empty()) {
        return "Inga skillnader: den publicerade tabellen stämmer med beräkningen.\n";
    }
    const auto amount = [](const std::optional<money>& m) { return m ? swedish(*m) + " kr" : std::string{"–"}; };
    std::string out = fmt::format("{} skillnader:\n", differences.size());
    for (const proposal_difference& d : differences) {
        switch (d.kind) {
        case difference_kind::cell:
            out += fmt::format("  cell        {} {}, {}: publicerat {}, beräknat {}\n", d.kommun->str(),
                               name_of(*d.kommun, catalogue), d.fee, amount(d.published), amount(d.computed));
            break;
        case difference_kind::fee_total:
            out += fmt::format("  totalbelopp {}: publicerat {}, beräknat {}\n", d.fee, amount(d.published),
                               amount(d.computed));
            break;
        case difference_kind::column_sum:
            out += fmt::format("  kolumnsumma {}: publicerad summa {}, kolumnens delar summerar till {}\n", d.fee,
                               amount(d.published), amount(d.computed));
            break;
        case difference_kind::row_sum:
            out += fmt::format("  radsumma    {} {}: publicerad Summa {}, radens delar summerar till {}\n",
                               d.kommun->str(), name_of(*d.kommun, catalogue), amount(d.published),
                               amount(d.computed));
            break;
        case difference_kind::missing_fee:
            out += fmt::format("  avgift      {}: finns bara i den ena tabellen\n", d.fee);
            break;
        }
    }
    return out;
}

std::string differences_as_csv(std::span<const proposal_difference> differences, const kommun_catalogue& catalogue,
                               csv_convention convention)
{
    return detail::render_csv(detail::differences_sheet(differences, catalogue), convention);
}

std::string differences_as_json(std::span<const proposal_difference> differences, const kommun_catalogue& catalogue)
{
    json list = json::array();
    for (const proposal_difference& d : differences) {
        list.push_back({
            {"kind", std::string{to_string(d.kind)}},
            {"code", d.kommun ? json(d.kommun->str()) : json(nullptr)},
            {"kommun", d.kommun ? json(name_of(*d.kommun, catalogue)) : json(nullptr)},
            {"fee", d.fee},
            {"published", optional_amount(d.published)},
            {"computed", optional_amount(d.computed)},
        });
    }
    json document;
    document["differences"] = std::move(list);
    return document.dump(2) + "\n";
}

std::string scenario_as_csv(const scenario_comparison& comparison, csv_convention convention)
{
    if (convention == csv_convention::plain) {
        return scenario_as_csv(comparison);
    }
    return detail::render_csv(detail::scenario_sheets(comparison).front(), convention);
}

std::string percent_table_as_csv(const percent_table& table, csv_convention convention)
{
    return detail::render_csv(detail::percent_sheet(table), convention);
}

std::string findings_as_csv(std::span<const finding> findings, const balance_table& table, csv_convention convention)
{
    return detail::render_csv(detail::balance_sheets(table, findings).back(), convention);
}

std::string share_findings_as_csv(std::span<const share_finding> findings, csv_convention convention)
{
    return detail::render_csv(detail::share_audit_sheets(published_share_table{}, findings).back(), convention);
}

} // namespace ku
