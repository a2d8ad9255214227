// The tables of each report as sheets: Swedish headings and units, exact values, sums as
// formulas that a spreadsheet reader can check.

#include "ku/io/tables.hpp"

#include "ku/core/decimal_text.hpp"
#include "ku/io/render.hpp"

#include <algorithm>
#include <chrono>
#include <array>
#include <numeric>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gsl/assert>

namespace ku {

namespace {

std::string swedish_kr(money amount) { return swedish_in(amount, unit::kr) + " kr"; }

/// An exact value in kr as Swedish text, truncated toward zero to four decimals ("1 234,5678 kr").
std::string swedish_exact_kr(const exact_value& value)
{
    const boost::multiprecision::cpp_int truncated = numerator(value) * 10'000 / denominator(value);
    return decimal_text(truncated, 4, decimal_style::swedish()) + " kr";
}

sheet_column text_column(std::string key, std::string label)
{
    return {.key = std::move(key), .label = std::move(label), .kind = column_kind::text, .unit = unit::kr,
            .in_csv = true};
}

sheet_column amount_column(std::string key, std::string label, unit in = unit::kr)
{
    return {.key = std::move(key), .label = std::move(label), .kind = column_kind::amount, .unit = in,
            .in_csv = true};
}

sheet_column number_column(std::string key, std::string label, column_kind kind = column_kind::number)
{
    return {.key = std::move(key), .label = std::move(label), .kind = kind, .unit = unit::kr, .in_csv = true};
}

/// 0, 1, …, n − 1.
std::vector<std::size_t> first_n(std::size_t n)
{
    std::vector<std::size_t> indices(n);
    std::iota(indices.begin(), indices.end(), std::size_t{0});
    return indices;
}

/// The first letter in upper case (ASCII and å, ä, ö): "överförda medel" → "Överförda medel".
std::string capitalised(std::string_view text)
{
    std::string out{text};
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    } else if (out.size() >= 2 && static_cast<unsigned char>(out[0]) == 0xC3) {
        const auto second = static_cast<unsigned char>(out[1]);
        if (second == 0xA5 || second == 0xA4 || second == 0xB6) { // å ä ö → Å Ä Ö
            out[1] = static_cast<char>(second - 0x20);
        }
    }
    return out;
}

/// An exact share as a plain decimal rounded half away from zero to `decimals` decimals,
/// trailing zeros dropped ("33.3333333333").
std::string rounded_decimal(const exact_share& value, int decimals)
{
    using boost::multiprecision::cpp_int;
    cpp_int scale = 1;
    for (int i = 0; i < decimals; ++i) {
        scale *= 10;
    }
    const cpp_int numerator = value.numerator() * scale;
    const cpp_int denominator = value.denominator();
    cpp_int quotient = numerator / denominator;
    const cpp_int remainder = numerator % denominator;
    if (2 * abs(remainder) >= denominator) {
        quotient += numerator < 0 ? -1 : 1;
    }
    return decimal_text(quotient, decimals, {.trim_zeros = true});
}

/// A finding's classification: "avrundning" or "fel", written "rounding" or "fault" in CSV.
sheet_cell classification_cell(finding_class c)
{
    return sheet_cell::of_text(std::string{swedish_name(c)}, std::string{to_string(c)});
}

/// A percent value as a number cell: its exact decimal, or its fraction with a rounded
/// decimal for .xlsx when it has no finite decimal form.
sheet_cell percent_cell(const exact_share& value, std::string formula = {})
{
    sheet_cell cell = sheet_cell::of_number(percent_text(value), std::move(formula));
    if (cell.text.find('/') != std::string::npos) {
        cell.approximate = rounded_decimal(value, 10);
    }
    return cell;
}

/// The layout of a proposal-shaped sheet: code, kommun, one column per fee, Summa; a Summa row.
struct kommun_fee_layout {
    std::vector<kommun> kommuner;
    std::vector<std::string> fees;
    std::vector<bool> counted; ///< per fee: counted in the row sums
};

/// A kommun × fee sheet of `amounts` (none = blank), its Summa column summing the counted fees
/// and its Summa row summing each column, all as formulas.
sheet kommun_fee_sheet(std::string name, std::string title, const kommun_fee_layout& layout,
                       const std::vector<std::vector<std::optional<money>>>& amounts)
{
    sheet out;
    out.name = std::move(name);
    out.title = std::move(title);
    out.frozen_columns = 2;
    out.columns = {text_column("code", "Kod"), text_column("kommun", "Kommun")};
    std::vector<std::size_t> counted_columns;
    for (std::size_t f = 0; f < layout.fees.size(); ++f) {
        out.columns.push_back(amount_column(layout.fees[f], layout.fees[f]));
        if (layout.counted[f]) {
            counted_columns.push_back(2 + f);
        }
    }
    const std::size_t summa_column = out.columns.size();
    out.columns.push_back(amount_column("Summa", "Summa"));
    const std::size_t n = layout.kommuner.size();
    std::vector<money> column_sums(layout.fees.size());
    money grand;
    for (std::size_t r = 0; r < n; ++r) {
        sheet_row row;
        row.cells = {sheet_cell::of_text(layout.kommuner[r].code.str()),
                     sheet_cell::of_text(std::string{layout.kommuner[r].name})};
        money row_sum;
        for (std::size_t f = 0; f < layout.fees.size(); ++f) {
            row.cells.push_back(sheet_cell::of_amount(amounts[r][f]));
            if (amounts[r][f]) {
                column_sums[f] += *amounts[r][f];
                if (layout.counted[f]) {
                    row_sum += *amounts[r][f];
                }
            }
        }
        grand += row_sum;
        row.cells.push_back(sheet_cell::of_amount(row_sum, sum_of_columns(r, counted_columns)));
        out.rows.push_back(std::move(row));
    }
    const std::vector<std::size_t> all_rows = first_n(n);
    sheet_row sums{.cells = {sheet_cell{}, sheet_cell::of_text("Summa")}, .role = row_role::total, .in_csv = true};
    for (std::size_t f = 0; f < layout.fees.size(); ++f) {
        sums.cells.push_back(sheet_cell::of_amount(column_sums[f], sum_of_rows(all_rows, 2 + f)));
    }
    sums.cells.push_back(sheet_cell::of_amount(grand, sum_of_rows(all_rows, summa_column)));
    out.rows.push_back(std::move(sums));
    return out;
}

/// The fees not counted in the row sums, as a note, or nothing.
void note_uncounted(sheet& out, const kommun_fee_layout& layout)
{
    std::string uncounted;
    for (std::size_t f = 0; f < layout.fees.size(); ++f) {
        if (!layout.counted[f]) {
            uncounted += (uncounted.empty() ? "" : ", ") + layout.fees[f];
        }
    }
    if (!uncounted.empty()) {
        out.notes.push_back("Räknas inte i Summa: " + uncounted + ".");
    }
}

std::string_view swedish_kind(difference_kind kind)
{
    switch (kind) {
    case difference_kind::cell: return "Cell";
    case difference_kind::fee_total: return "Totalbelopp";
    case difference_kind::column_sum: return "Kolumnsumma";
    case difference_kind::row_sum: return "Radsumma";
    case difference_kind::missing_fee: return "Avgift saknas";
    }
    return "?";
}

std::string_view swedish_kind(finding_kind kind)
{
    switch (kind) {
    case finding_kind::missing_value: return "Saknat värde";
    case finding_kind::identity_broken: return "Felaktig cell";
    case finding_kind::total_mismatch: return "Summan stämmer ej";
    case finding_kind::carry_over_difference: return "Ingående balans";
    case finding_kind::wrong_cell: return "Fel cell";
    }
    return "?";
}

std::string_view swedish_kind(share_finding_kind kind)
{
    switch (kind) {
    case share_finding_kind::row_sum_mismatch: return "Raden summerar inte till 100";
    case share_finding_kind::column_sum_mismatch: return "Kolumnen summerar inte till 100";
    case share_finding_kind::total_mismatch: return "Summan följer inte av raderna";
    case share_finding_kind::outcome_mismatch: return "Andelen följer inte av utfallet";
    case share_finding_kind::area_missing: return "Området saknas i en tabell";
    }
    return "?";
}

std::string_view swedish_kind(indicator_finding_kind kind)
{
    return kind == indicator_finding_kind::percent_mismatch ? "Procenten stämmer inte" : "Annan avrundning";
}

std::string_view swedish_kind(row_kind kind)
{
    switch (kind) {
    case row_kind::omrade: return "område";
    case row_kind::intern: return "intern";
    case row_kind::summa: return "summa";
    }
    return "?";
}

std::string count_of(std::size_t n, std::string_view one, std::string_view many)
{
    return std::to_string(n) + " " + std::string{n == 1 ? one : many};
}

/// An empty sheet "Avvikelser" of the audit of `source` with `count` findings: its title, and
/// the line shown when it has none. Every audit's findings sheet starts here.
sheet findings_sheet(const std::string& source, std::size_t count)
{
    sheet out;
    out.name = "Avvikelser";
    out.title = "Granskning av " + source + ": " + count_of(count, "avvikelse", "avvikelser");
    out.empty_text = "Granskning av " + source + ": inga avvikelser.";
    return out;
}

/// How a balance row is shown: a total, internal financing or an area.
row_role row_role_of(row_kind kind)
{
    switch (kind) {
    case row_kind::summa: return row_role::total;
    case row_kind::intern: return row_role::internal;
    case row_kind::omrade: return row_role::data;
    }
    return row_role::data;
}

sheet allocation_sheet(const allocation& result, const kommun_catalogue& catalogue)
{
    sheet out;
    out.name = "Fördelning";
    out.title = "Fördelning av " + swedish_kr(result.total);
    out.frozen_columns = 2;
    out.columns = {text_column("code", "Kod"),
                   text_column("kommun", "Kommun"),
                   number_column("weight", "Vikt"),
                   number_column("quota", "Exakt kvot (kr)"),
                   amount_column("amount", "Belopp (kr)"),
                   amount_column("adjustment", "Justering (kr)")};
    constexpr std::size_t amount_col = 4;
    constexpr std::size_t adjustment_col = 5;
    for (const allocation_part& part : result.parts) {
        // The quota is truncated for display; in .xlsx to at most 15 significant digits, which
        // a double holds exactly (only a quota above 10^11 kr loses decimals there).
        sheet_cell quota = sheet_cell::of_number(part.quota.to_plain(4));
        const auto digits = static_cast<int>(std::ranges::count_if(quota.text, [](char c) { return c >= '0' && c <= '9'; }));
        const int leading_zeros = quota.text.starts_with("0.") || quota.text.starts_with("-0.") ? 1 : 0;
        if (digits - leading_zeros > 15) {
            quota.approximate = part.quota.to_plain(std::max(0, 4 - (digits - leading_zeros - 15)));
        }
        out.rows.push_back({.cells = {sheet_cell::of_text(part.member.str()),
                                      sheet_cell::of_text(catalogue.name_or_code(part.member)),
                                      sheet_cell::of_number(to_string(part.weight)), quota,
                                      sheet_cell::of_amount(part.amount), sheet_cell::of_amount(part.adjustment)},
                            .role = row_role::data,
                            .in_csv = true});
    }
    const std::vector<std::size_t> parts = first_n(result.parts.size());
    money adjustments;
    for (const allocation_part& part : result.parts) {
        adjustments += part.adjustment;
    }
    const std::size_t summa_row = out.rows.size();
    out.rows.push_back({.cells = {sheet_cell{}, sheet_cell::of_text("Summa"), sheet_cell{}, sheet_cell{},
                                  sheet_cell::of_amount(result.sum(), sum_of_rows(parts, amount_col)),
                                  sheet_cell::of_amount(adjustments, sum_of_rows(parts, adjustment_col))},
                        .role = row_role::total,
                        .in_csv = false});
    const std::size_t total_row = out.rows.size();
    out.rows.push_back({.cells = {sheet_cell{}, sheet_cell::of_text("Totalt"), sheet_cell{}, sheet_cell{},
                                  sheet_cell::of_amount(result.total), sheet_cell{}},
                        .role = row_role::data,
                        .in_csv = false});
    out.rows.push_back({.cells = {sheet_cell{}, sheet_cell::of_text("Differens"), sheet_cell{}, sheet_cell{},
                                  sheet_cell::of_amount(result.residual(), "=" + data_cell(total_row, amount_col) + "-" +
                                                                               data_cell(summa_row, amount_col)),
                                  sheet_cell{}},
                        .role = row_role::data,
                        .in_csv = false});
    out.notes = {"Metod: " + result.basis + ".",
                 "Exakt kvot: kommunens andel av totalen, avkortad till fyra decimaler (i arbetsboken till "
                 "högst 15 siffror). "
                 "Justering: beloppet minus kvoten avkortad till enheten."};
    return out;
}

std::vector<sheet> proposal_sheets(const proposal_table& table)
{
    kommun_fee_layout layout{.kommuner = table.kommuner, .fees = {}, .counted = {}};
    for (const fee_spec& fee : table.fees) {
        layout.fees.push_back(fee.name);
        layout.counted.push_back(fee.in_row_sum);
    }
    std::vector<std::vector<std::optional<money>>> amounts(table.kommuner.size());
    bool any_blank = false;
    for (std::size_t r = 0; r < table.kommuner.size(); ++r) {
        for (std::size_t f = 0; f < table.fees.size(); ++f) {
            amounts[r].push_back(table.cell(r, f));
            any_blank = any_blank || !amounts[r].back();
        }
    }
    sheet proposal = kommun_fee_sheet("Förslag", table.title + " (kr)", layout, amounts);
    proposal.blank = "–";
    note_uncounted(proposal, layout);
    if (any_blank) {
        proposal.notes.emplace_back("– deltar inte.");
    }
    bool all_exact = true;
    for (std::size_t f = 0; f < table.fees.size(); ++f) {
        const allocation& a = table.allocations[f];
        if (a.residual() != money{}) {
            all_exact = false;
            proposal.notes.push_back(fmt::format("{}: kolumnen summerar till {}, {} från totalen ({}).",
                                                 table.fees[f].name, swedish_kr(a.sum()), swedish_kr(a.residual()),
                                                 swedish_name(a.rule.method)));
        }
    }
    if (all_exact) {
        proposal.notes.push_back("Varje kolumn summerar exakt till sitt totalbelopp; radsummorna summerar till " +
                                 swedish_kr(table.grand_total()) + ".");
    }
    // Which method made the table, and how far each kommun's Summa is from its exact sum.
    std::vector<allocation_method> methods;
    for (std::size_t f = 0; f < table.fees.size(); ++f) {
        if (table.fees[f].in_row_sum && std::ranges::find(methods, table.allocations[f].rule.method) == methods.end()) {
            methods.push_back(table.allocations[f].rule.method);
        }
    }
    if (methods.size() == 1 && methods.front() == allocation_method::controlled) {
        proposal.notes.emplace_back(
            "Metod: kontrollerad avrundning av hela tabellen: varje cell är sin exakta kvot avrundad "
            "nedåt eller uppåt, varje kolumn summerar till sitt totalbelopp och varje kommuns Summa är sin exakta "
            "summa avrundad nedåt eller uppåt, med minsta möjliga sammanlagda avvikelse.");
    } else if (methods.size() == 1) {
        proposal.notes.push_back("Metod: " + std::string{swedish_name(methods.front())} + ", varje avgift för sig.");
    } else if (!methods.empty()) {
        proposal.notes.emplace_back("Metod: olika per avgift, se bladet Avgifter.");
    }
    if (!table.kommuner.empty() && !methods.empty()) {
        proposal.notes.emplace_back("Avvikelse per kommun: Summa − exakt summa (exakt summa avkortad till fyra "
                                    "decimaler).");
        std::size_t largest = 0;
        exact_value largest_drift = -1;
        for (std::size_t r = 0; r < table.kommuner.size(); ++r) {
            const exact_value exact = table.exact_row_sum(r);
            const exact_value drift = exact_value{table.row_sum(r).in_ore(), 100} - exact;
            const exact_value size = drift < 0 ? exact_value{-drift} : drift;
            if (size > largest_drift) {
                largest_drift = size;
                largest = r;
            }
            proposal.notes.push_back(fmt::format("{}: exakt {}, avvikelse {}.", table.kommuner[r].name,
                                                 swedish_exact_kr(exact), swedish_exact_kr(drift)));
        }
        proposal.notes.push_back(fmt::format("Största avvikelse: {} ({}).", swedish_exact_kr(largest_drift),
                                             table.kommuner[largest].name));
    }
    const std::size_t summa_column = proposal.columns.size() - 1;
    if (!table.kommuner.empty()) {
        // Each kommun's Summa as a bar stacked from the fees counted in it.
        std::vector<std::size_t> counted_fees;
        for (std::size_t f = 0; f < table.fees.size(); ++f) {
            if (table.fees[f].in_row_sum) {
                counted_fees.push_back(2 + f);
            }
        }
        proposal.chart = sheet_chart{.title = "Summa per kommun och avgift (kr)", .category_column = 1,
                                     .value_column = summa_column, .first_row = 0,
                                     .last_row = table.kommuner.size() - 1, .stacked_columns = counted_fees};
    }

    sheet fees;
    fees.name = "Avgifter";
    fees.title = "Avgifter: " + table.title;
    fees.frozen_columns = 1;
    fees.columns = {text_column("fee", "Avgift"),     text_column("method", "Metod"),
                    text_column("unit", "Enhet"),     text_column("basis", "Underlag"),
                    text_column("in_row_sum", "Räknas i Summa"), amount_column("total", "Totalt (kr)"),
                    amount_column("sum", "Kolumnsumma (kr)"),     amount_column("residual", "Differens (kr)")};
    const std::size_t sums_row = table.kommuner.size();
    for (std::size_t f = 0; f < table.fees.size(); ++f) {
        const allocation& a = table.allocations[f];
        fees.rows.push_back(
            {.cells = {sheet_cell::of_text(table.fees[f].name),
                       sheet_cell::of_text(std::string{swedish_name(a.rule.method)}, std::string{to_string(a.rule.method)}),
                       sheet_cell::of_text(std::string{to_string(a.rule.unit)}), sheet_cell::of_text(a.basis),
                       sheet_cell::of_text(table.fees[f].in_row_sum ? "ja" : "nej",
                                           table.fees[f].in_row_sum ? "true" : "false"),
                       sheet_cell::of_amount(a.total),
                       sheet_cell::of_amount(a.sum(), "=" + sheet_cell_ref(proposal.name, sums_row, 2 + f)),
                       sheet_cell::of_amount(a.residual(), "=" + data_cell(f, 5) + "-" + data_cell(f, 6))},
             .role = row_role::data,
             .in_csv = true});
    }
    fees.notes.emplace_back("Kolumnsumma: summan av avgiftens kolumn i bladet Förslag. Differens: totalt − kolumnsumma.");
    return {std::move(proposal), std::move(fees)};
}

sheet differences_sheet(std::span<const proposal_difference> differences, const kommun_catalogue& catalogue)
{
    sheet out;
    out.name = "Skillnader";
    out.title = "Jämförelse med den publicerade tabellen: " + count_of(differences.size(), "skillnad", "skillnader");
    out.frozen_columns = 0;
    out.empty_text = "Inga skillnader: den publicerade tabellen stämmer med beräkningen.";
    out.columns = {text_column("kind", "Typ"),
                   text_column("code", "Kod"),
                   text_column("kommun", "Kommun"),
                   text_column("fee", "Avgift"),
                   amount_column("published", "Publicerat (kr)"),
                   amount_column("computed", "Beräknat (kr)"),
                   amount_column("difference", "Differens (kr)")};
    out.columns[6].in_csv = false;
    for (std::size_t i = 0; i < differences.size(); ++i) {
        const proposal_difference& d = differences[i];
        sheet_cell difference;
        if (d.published && d.computed) {
            difference = sheet_cell::of_amount(*d.computed - *d.published,
                                               "=" + data_cell(i, 5) + "-" + data_cell(i, 4));
        }
        out.rows.push_back(
            {.cells = {sheet_cell::of_text(std::string{swedish_kind(d.kind)}, std::string{to_string(d.kind)}),
                       d.kommun ? sheet_cell::of_text(d.kommun->str()) : sheet_cell{},
                       d.kommun ? sheet_cell::of_text(catalogue.name_or_code(*d.kommun)) : sheet_cell{},
                       sheet_cell::of_text(d.fee), sheet_cell::of_amount(d.published),
                       sheet_cell::of_amount(d.computed), difference},
             .role = row_role::data,
             .in_csv = true});
    }
    if (!differences.empty()) {
        out.notes.emplace_back("För kolumnsumma och radsumma är Publicerat den publicerade summan och Beräknat "
                               "summan av dess publicerade delar. Differens: beräknat − publicerat.");
    }
    return out;
}

std::vector<sheet> scenario_sheets(const scenario_comparison& c)
{
    const std::size_t n = c.kommuner.size();
    const std::size_t fee_count = c.fees.size();
    const auto side = [&](std::string name, const std::string& title, const std::vector<bool>& counted,
                          const std::vector<std::vector<money>>& cells) {
        kommun_fee_layout layout{.kommuner = c.kommuner, .fees = c.fees, .counted = counted};
        std::vector<std::vector<std::optional<money>>> amounts(n);
        for (std::size_t r = 0; r < n; ++r) {
            amounts[r].assign(cells[r].begin(), cells[r].end());
        }
        sheet out = kommun_fee_sheet(std::move(name), title + " (kr)", layout, amounts);
        note_uncounted(out, layout);
        out.in_text = false;
        return out;
    };
    sheet base = side("Bas", "Bas: " + c.base_title, c.base_in_row_sum, c.base);
    sheet alternative = side("Alternativ", "Alternativ: " + c.alternative_title, c.alternative_in_row_sum,
                             c.alternative);

    sheet delta;
    delta.name = "Skillnad";
    delta.title = "Konsekvensbeskrivning: " + c.alternative_title + " jämfört med " + c.base_title + " (skillnad, kr)";
    delta.frozen_columns = 2;
    delta.columns = {text_column("code", "Kod"), text_column("kommun", "Kommun")};
    for (const std::string& fee : c.fees) {
        delta.columns.push_back(amount_column(fee, fee));
    }
    delta.columns.push_back(amount_column("Summa", "Summa"));
    const auto difference_formula = [&](std::size_t r, std::size_t column) {
        return "=" + sheet_cell_ref(alternative.name, r, column) + "-" + sheet_cell_ref(base.name, r, column);
    };
    for (std::size_t r = 0; r < n; ++r) {
        sheet_row row{.cells = {sheet_cell::of_text(c.kommuner[r].code.str()),
                                sheet_cell::of_text(std::string{c.kommuner[r].name})},
                      .role = row_role::data,
                      .in_csv = true};
        for (std::size_t f = 0; f < fee_count; ++f) {
            row.cells.push_back(sheet_cell::of_amount(c.delta(r, f), difference_formula(r, 2 + f)));
        }
        row.cells.push_back(sheet_cell::of_amount(c.row_delta(r), difference_formula(r, 2 + fee_count)));
        delta.rows.push_back(std::move(row));
    }
    const std::vector<std::size_t> all_rows = first_n(n);
    sheet_row sums{.cells = {sheet_cell{}, sheet_cell::of_text("Summa")}, .role = row_role::total, .in_csv = true};
    for (std::size_t f = 0; f < fee_count; ++f) {
        sums.cells.push_back(sheet_cell::of_amount(c.fee_delta(f), sum_of_rows(all_rows, 2 + f)));
    }
    sums.cells.push_back(sheet_cell::of_amount(c.total_delta(), sum_of_rows(all_rows, 2 + fee_count)));
    delta.rows.push_back(std::move(sums));
    const kommun_fee_layout either{.kommuner = c.kommuner, .fees = c.fees, .counted = c.in_row_sum};
    note_uncounted(delta, either);
    delta.notes.emplace_back("Skillnad = alternativ − bas (bladen Alternativ och Bas); rader och kolumner "
                             "summerar exakt. En avgift eller kommun som saknas i ett förslag räknas som 0 kr där.");
    if (n > 0) {
        delta.chart = sheet_chart{.title = "Skillnad i Summa per kommun (kr)", .category_column = 1,
                                  .value_column = 2 + fee_count, .first_row = 0, .last_row = n - 1,
                                  .stacked_columns = {}};
    }
    return {std::move(delta), std::move(base), std::move(alternative)};
}

sheet percent_sheet(const percent_table& table)
{
    sheet out;
    out.name = "Andelar";
    out.title = "Finansiering av utfallet per område och källa";
    out.frozen_columns = 1;
    out.columns = {text_column("omrade", "Område"),
                   text_column("grupp", "Grupp"),
                   text_column("rad_typ", "Radtyp"),
                   amount_column("utfall", "Utfall (kr)"),
                   number_column("andel_av_utfall", "Andel av utfall", column_kind::percent),
                   number_column("kommunerna", "Kommunerna", column_kind::percent),
                   number_column("staten", "Staten", column_kind::percent),
                   number_column("ovriga", "Övriga", column_kind::percent),
                   number_column("summa", "Summa källor", column_kind::percent)};
    out.columns[2].in_csv = false;
    out.columns[3].in_csv = false;
    out.columns[8].in_csv = false;
    constexpr std::size_t utfall_col = 3;
    constexpr std::size_t share_col = 4;
    std::vector<std::size_t> area_rows;
    std::int64_t area_share_units = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (table.rows[r].row_kind == share_row::kind::area) {
            area_rows.push_back(r);
            area_share_units += table.percents[r].of_outcome.units();
        }
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const share_row& row = table.rows[r];
        const auto& percents = table.percents[r];
        std::string kind = "område";
        sheet_cell utfall = sheet_cell::of_amount(row.utfall);
        std::string share_formula;
        if (row.row_kind == share_row::kind::group) {
            kind = "grupp";
            std::vector<std::size_t> members;
            money members_sum;
            for (const std::size_t a : area_rows) {
                if (table.rows[a].group == row.area.name()) {
                    members.push_back(a);
                    members_sum += table.rows[a].utfall;
                }
            }
            if (members_sum == row.utfall) {
                utfall.formula = sum_of_rows(members, utfall_col);
            }
        } else if (row.row_kind == share_row::kind::total) {
            kind = "summa";
            money areas_sum;
            for (const std::size_t a : area_rows) {
                areas_sum += table.rows[a].utfall;
            }
            if (areas_sum == row.utfall) {
                utfall.formula = sum_of_rows(area_rows, utfall_col);
            }
            if (area_share_units == percents.of_outcome.units()) {
                share_formula = sum_of_rows(area_rows, share_col);
            }
        }
        std::int64_t sources_units = 0;
        for (const percent& source : percents.by_kind) {
            sources_units += source.units();
        }
        const percent sources_sum{sources_units, percents.by_kind[funding_kind::kommunerna].decimals()};
        // The kinds' columns follow the share column, in the order of all_funding_kinds.
        std::vector<std::size_t> source_columns;
        sheet_row out_row{.cells = {sheet_cell::of_text(row.area.name()),
                                    row.row_kind == share_row::kind::area && row.group ? sheet_cell::of_text(*row.group)
                                                                                       : sheet_cell{},
                                    sheet_cell::of_text(kind), utfall,
                                    sheet_cell::of_number(percents.of_outcome.to_plain(), share_formula)},
                          .role = row.row_kind == share_row::kind::total ? row_role::total : row_role::data,
                          .in_csv = true};
        for (const funding_kind source : all_funding_kinds) {
            source_columns.push_back(share_col + share_cell(source));
            out_row.cells.push_back(sheet_cell::of_number(percents.by_kind[source].to_plain()));
        }
        out_row.cells.push_back(sheet_cell::of_number(sources_sum.to_plain(), sum_of_columns(r, source_columns)));
        out.rows.push_back(std::move(out_row));
    }
    out.notes.emplace_back("Varje rad summerar till exakt 100 % (största rest); andelarna av utfallet likaså.");
    if (!table.rows.empty()) {
        // Every row's financing by source: a bar of 100 % stacked from Kommunerna, Staten, Övriga.
        std::vector<std::size_t> sources;
        for (const funding_kind source : all_funding_kinds) {
            sources.push_back(share_col + share_cell(source));
        }
        out.chart = sheet_chart{.title = "Finansiering per område och källa (%)", .category_column = 0,
                                .value_column = share_col, .first_row = 0, .last_row = table.rows.size() - 1,
                                .stacked_columns = sources};
    }
    return out;
}

/// The columns of a balance table with a value in some row: the blank ones are not shown.
std::vector<balance_column> shown_columns(const balance_table& table)
{
    std::vector<balance_column> shown;
    for (const balance_column column : all_balance_columns) {
        if (std::ranges::any_of(table.rows, [&](const balance_row& row) { return row.cell(column).has_value(); })) {
            shown.push_back(column);
        }
    }
    return shown;
}

/// Sheet "Balans": the table as published, in its unit.
sheet balance_sheet(const balance_table& table, std::string title)
{
    const std::string unit_name{to_string(table.unit)};
    sheet balance;
    balance.name = "Balans";
    balance.title = std::move(title);
    balance.frozen_columns = 1;
    balance.columns = {text_column("omrade", "Område"), text_column("rad_typ", "Radtyp")};
    const std::vector<balance_column> shown = shown_columns(table);
    for (const balance_column column : shown) {
        balance.columns.push_back(amount_column(std::string{to_string(column)},
                                                capitalised(label(column)) + " (" + unit_name + ")", table.unit));
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const balance_row& row = table.rows[r];
        sheet_row out{.cells = {sheet_cell::of_text(row.area.name()),
                                sheet_cell::of_text(std::string{swedish_kind(row.kind)}, std::string{to_string(row.kind)})},
                      .role = row_role_of(row.kind),
                      .in_csv = true};
        for (const balance_column column : shown) {
            out.cells.push_back(sheet_cell::of_amount(row.cell(column)));
        }
        balance.rows.push_back(std::move(out));
    }
    // Each area's remaining funds (its closing balance), over the rows from the first area to the last.
    std::optional<std::size_t> remaining;
    for (std::size_t c = 0; c < shown.size(); ++c) {
        if (shown[c] == balance_column::kvarvarande_medel) {
            remaining = 2 + c;
        }
    }
    std::optional<std::size_t> first_area;
    std::size_t last_area = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (table.rows[r].kind == row_kind::omrade) {
            first_area = first_area.value_or(r);
            last_area = r;
        }
    }
    if (remaining && first_area) {
        balance.chart = sheet_chart{.title = "Kvarvarande medel per område (" + unit_name + ")",
                                    .category_column = 0, .value_column = *remaining, .first_row = *first_area,
                                    .last_row = last_area, .stacked_columns = {}};
    }
    return balance;
}

std::vector<sheet> balance_sheets(const balance_table& table, std::span<const finding> findings)
{
    const std::string unit_name{to_string(table.unit)};
    sheet balance = balance_sheet(table, "Balanstabell: " + table.source + " (" + unit_name + ")");
    const std::vector<balance_column> shown = shown_columns(table);
    std::vector<std::size_t> summed_rows;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (table.rows[r].kind != row_kind::summa) {
            summed_rows.push_back(r);
        }
    }
    sheet_row sums{.cells = {sheet_cell::of_text("Summa enligt raderna"), sheet_cell{}}, .role = row_role::total, .in_csv = false};
    for (std::size_t c = 0; c < shown.size(); ++c) {
        money total;
        for (const std::size_t r : summed_rows) {
            total += table.rows[r].cell(shown[c]).value_or(money{});
        }
        sums.cells.push_back(sheet_cell::of_amount(total, sum_of_rows(summed_rows, 2 + c)));
    }
    balance.rows.push_back(std::move(sums));
    balance.notes.emplace_back("Summa enligt raderna: varje kolumns summa över områdena och de interna raderna "
                               "(intern finansiering räknas en gång). Jämför med tabellens Summa-rad.");

    sheet audit = findings_sheet(table.source, findings.size());
    audit.frozen_columns = 0;
    audit.columns = {text_column("kind", "Typ"),
                     text_column("area", "Område"),
                     text_column("column", "Kolumn"),
                     amount_column("expected_" + unit_name, "Väntat (" + unit_name + ")", table.unit),
                     amount_column("found_" + unit_name, "Funnet (" + unit_name + ")", table.unit),
                     amount_column("difference_" + unit_name, "Differens (" + unit_name + ")", table.unit),
                     text_column("classification", "Bedömning"),
                     text_column("note", "Not")};
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const finding& f = findings[i];
        audit.rows.push_back(
            {.cells = {sheet_cell::of_text(std::string{swedish_kind(f.kind)}, std::string{to_string(f.kind)}),
                       sheet_cell::of_text(f.area.name()),
                       sheet_cell::of_text(std::string{label(f.column)}, std::string{to_string(f.column)}),
                       sheet_cell::of_amount(f.expected), sheet_cell::of_amount(f.found),
                       sheet_cell::of_amount(f.difference, "=" + data_cell(i, 4) + "-" + data_cell(i, 3)),
                       classification_cell(f.classification), sheet_cell::of_text(f.note)},
             .role = row_role::data,
             .in_csv = true});
    }
    if (!findings.empty()) {
        audit.notes.emplace_back("Differens: funnet − väntat (en tom cell räknas som 0).");
    }
    return {std::move(balance), std::move(audit)};
}

/// Sheet "Ledning och stab": each area's own outcome and its part, and a Summa row.
sheet management_sheet(std::span<const area_charge> charges)
{
    sheet management;
    management.name = "Ledning och stab";
    management.title = "Ledning och stab finansierad från områdena (kr)";
    management.frozen_columns = 1;
    management.columns = {text_column("omrade", "Område"), amount_column("underlag", "Utfall (kr)"),
                          amount_column("andel", "Del av ledning och stab (kr)")};
    money basis_sum;
    money charge_sum;
    for (const area_charge& charge : charges) {
        management.rows.push_back({.cells = {sheet_cell::of_text(charge.area.name()),
                                             sheet_cell::of_amount(charge.weight_basis),
                                             sheet_cell::of_amount(charge.charge)},
                                   .role = row_role::data,
                                   .in_csv = true});
        basis_sum += charge.weight_basis;
        charge_sum += charge.charge;
    }
    const std::vector<std::size_t> rows = first_n(charges.size());
    management.rows.push_back({.cells = {sheet_cell::of_text("Summa"), sheet_cell::of_amount(basis_sum, sum_of_rows(rows, 1)),
                                         sheet_cell::of_amount(charge_sum, sum_of_rows(rows, 2))},
                               .role = row_role::total,
                               .in_csv = true});
    management.notes.emplace_back("Fördelat i proportion till varje områdes utfall med största rest, så att "
                                  "delarna summerar exakt till det områdena finansierar; lika rester går till "
                                  "det större underlaget.");
    return management;
}

std::vector<sheet> fee_audit_sheets(const published_proposal& table, const fee_audit& audit,
                                    const kommun_catalogue& catalogue, const std::string& source, unit u)
{
    const std::string unit_name{to_string(u)};
    sheet findings = findings_sheet(source, audit.findings.size());
    findings.columns = {text_column("kind", "Typ"),
                        text_column("code", "Kod"),
                        text_column("kommun", "Kommun"),
                        text_column("column", "Kolumn"),
                        amount_column("expected", "Väntat (" + unit_name + ")", u),
                        amount_column("found", "Funnet (" + unit_name + ")", u),
                        amount_column("difference", "Differens (" + unit_name + ")", u),
                        text_column("classification", "Bedömning"),
                        text_column("note", "Not")};
    for (std::size_t i = 0; i < audit.findings.size(); ++i) {
        const fee_finding& f = audit.findings[i];
        findings.rows.push_back(
            {.cells = {sheet_cell::of_text(std::string{swedish_kind(f.kind)}, std::string{to_string(f.kind)}),
                       f.kommun ? sheet_cell::of_text(f.kommun->str()) : sheet_cell{},
                       f.kommun ? sheet_cell::of_text(catalogue.name_or_code(*f.kommun)) : sheet_cell::of_text("Summa"),
                       sheet_cell::of_text(f.fee), sheet_cell::of_amount(f.expected), sheet_cell::of_amount(f.found),
                       sheet_cell::of_amount(f.difference, "=" + data_cell(i, 5) + "-" + data_cell(i, 4)),
                       classification_cell(f.classification),
                       sheet_cell::of_text(f.note)},
             .role = row_role::data,
             .in_csv = true});
    }
    if (!audit.findings.empty()) {
        findings.notes.emplace_back("Differens: funnet − väntat (en tom cell räknas som 0). Avrundning: inom vad "
                                    "avrundning av cellerna kan ge, mindre än en enhet per cell (och en halv för en "
                                    "avrundad radsumma).");
    }
    if (audit.counted.size() < table.fees.size()) {
        std::string left_out;
        for (std::size_t f = 0; f < table.fees.size(); ++f) {
            if (std::ranges::find(audit.counted, f) == audit.counted.end()) {
                left_out += (left_out.empty() ? "" : ", ") + table.fees[f];
            }
        }
        findings.notes.push_back("Summa-kolumnen räknar inte " + left_out +
                                 " (härlett ur Summa-raden: de övriga kolumnernas summor ger totalen" +
                                 (audit.counted_ambiguous ? "; fler val av kolumner stämmer lika bra, detta är ett av dem)"
                                                          : ", och raderna stämmer bäst med dem)") +
                                 ".");
    }
    std::vector<sheet> sheets{std::move(findings)};
    if (!audit.keys.empty()) {
        sheet keys;
        keys.name = "Nycklar";
        keys.title = "Nyckel och metod per kolumn";
        keys.columns = {text_column("fee", "Kolumn"), text_column("key", "Nyckel"), text_column("method", "Metod"),
                        amount_column("total", "Totalt (" + unit_name + ")", u),
                        number_column("differing", "Celler som skiljer")};
        for (const fee_key_match& match : audit.keys) {
            keys.rows.push_back({.cells = {sheet_cell::of_text(match.fee), sheet_cell::of_text(match.key),
                                           sheet_cell::of_text(std::string{swedish_name(match.method)},
                                                               std::string{to_string(match.method)}),
                                           sheet_cell::of_amount(match.total),
                                           sheet_cell::of_number(std::to_string(match.differing))},
                                 .role = row_role::data,
                                 .in_csv = true});
        }
        keys.notes.emplace_back("Varje kolumn delas med varje nyckel och metod över de kommuner som har en cell i den; "
                                "0 celler som skiljer: kolumnen återskapas exakt, annars visas den närmaste.");
        sheets.push_back(std::move(keys));
    }
    return sheets;
}

std::vector<sheet> share_audit_sheets(const published_share_table& table, std::span<const share_finding> own_findings,
                                      const share_balance_audit* against_balance = nullptr)
{
    std::vector<share_finding> findings{own_findings.begin(), own_findings.end()};
    if (against_balance != nullptr) {
        findings.insert(findings.end(), against_balance->findings.begin(), against_balance->findings.end());
    }
    sheet shares;
    shares.name = "Andelar";
    shares.title = "Publicerad andelstabell: " + table.source;
    shares.empty_text = "Tabellen har inga rader.";
    shares.frozen_columns = 1;
    shares.columns = {text_column("omrade", "Område"),
                      text_column("grupp", "Grupp"),
                      number_column("andel_av_utfall", "Andel av utfall", column_kind::percent),
                      number_column("kommunerna", "Kommunerna", column_kind::percent),
                      number_column("staten", "Staten", column_kind::percent),
                      number_column("ovriga", "Övriga", column_kind::percent),
                      number_column("summa", "Summa källor", column_kind::percent)};
    shares.columns[6].in_csv = false;
    constexpr std::size_t share_col = 2;
    std::vector<std::size_t> source_columns; // the kinds' columns follow the share column
    for (const funding_kind kind : all_funding_kinds) {
        source_columns.push_back(share_col + share_cell(kind));
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const published_share_row& row = table.rows[r];
        sheet_row out{.cells = {sheet_cell::of_text(row.area.name()), row.group ? sheet_cell::of_text(*row.group) : sheet_cell{},
                                row.andel_av_utfall ? percent_cell(*row.andel_av_utfall) : sheet_cell{}},
                      .role = row.is_total ? row_role::total : row_role::data,
                      .in_csv = true};
        exact_share sum = 0;
        for (const auto& value : row.by_kind) {
            out.cells.push_back(value ? percent_cell(*value) : sheet_cell{});
            sum += value.value_or(exact_share{0});
        }
        out.cells.push_back(percent_cell(sum, sum_of_columns(r, source_columns)));
        shares.rows.push_back(std::move(out));
    }

    sheet audit = findings_sheet(table.source, findings.size());
    audit.columns = {text_column("kind", "Typ"),
                     text_column("area", "Område"),
                     text_column("column", "Kolumn"),
                     number_column("expected", "Väntat", column_kind::percent),
                     number_column("found", "Funnet", column_kind::percent),
                     number_column("difference", "Differens", column_kind::percent),
                     text_column("classification", "Bedömning"),
                     text_column("note", "Not")};
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const share_finding& f = findings[i];
        audit.rows.push_back(
            {.cells = {sheet_cell::of_text(std::string{swedish_kind(f.kind)}, std::string{to_string(f.kind)}),
                       sheet_cell::of_text(f.area.name()), sheet_cell::of_text(f.column), percent_cell(f.expected),
                       percent_cell(f.found),
                       percent_cell(f.difference, "=" + data_cell(i, 4) + "-" + data_cell(i, 3)),
                       classification_cell(f.classification),
                       sheet_cell::of_text(f.note)},
             .role = row_role::data,
             .in_csv = true});
    }
    if (!findings.empty()) {
        audit.notes.emplace_back("Procentenheter. Differens: funnet − väntat. Ett värde utan ändlig decimalform "
                                 "skrivs som bråk i CSV och Markdown och avrundat till tio decimaler i arbetsboken.");
    }
    if (against_balance != nullptr) {
        const share_balance_audit& b = *against_balance;
        std::string note = "Andelarna av utfallet jämförda med balanstabellens utfall: ";
        if (b.bases_coincide) {
            note += "balanstabellen har ingen intern finansiering, så utfallet är detsamma hur den än räknas; ";
        } else {
            note += "kolumnen följer " + std::string{swedish_text(b.base)} + "; ";
        }
        note += std::to_string(b.explained) + " av " + std::to_string(b.compared) +
                " områden stämmer (andelen avrundad nedåt eller uppåt).";
        audit.notes.push_back(std::move(note));
    }
    return {std::move(shares), std::move(audit)};
}

/// The overhead's financing at one or two rates, and each kommun's invoice.
std::vector<sheet> overhead_sheets(const overhead_financing& at_rate, const std::optional<overhead_financing>& at_new_rate,
                                   const kommun_catalogue& catalogue)
{
    std::vector<const overhead_financing*> rates{&at_rate};
    if (at_new_rate) {
        rates.push_back(&*at_new_rate);
    }
    const auto at = [](const overhead_financing& f) { return "vid " + to_string(f.surcharge); };
    // Columns 2.. (financing) and 3.. (kommuner) hold one column per rate, then the change.
    sheet financing;
    financing.name = "OH-påslag";
    financing.title = "OH-påslag på projektbidrag: " + to_string(at_rate.surcharge) +
                      (at_new_rate ? " och " + to_string(at_new_rate->surcharge) : std::string{});
    financing.frozen_columns = 1;
    financing.columns = {text_column("post", "Post")};
    const std::array<std::string, 2> rate_keys{"at_rate", "at_new_rate"};
    for (std::size_t c = 0; c < rates.size(); ++c) {
        financing.columns.push_back(amount_column(rate_keys[c], capitalised(at(*rates[c])) + " (kr)"));
    }
    if (at_new_rate) {
        financing.columns.push_back(amount_column("change", "Förändring (kr)"));
    }
    const auto change_formula = [](std::size_t row, std::size_t before, std::size_t after) {
        return "=" + data_cell(row, after) + "-" + data_cell(row, before);
    };
    const auto financing_row = [&](std::string label, std::string key, auto value, auto formula) {
        sheet_row row{.cells = {sheet_cell::of_text(std::move(label), std::move(key))}, .role = row_role::data,
                      .in_csv = true};
        const std::size_t r = financing.rows.size();
        for (std::size_t c = 0; c < rates.size(); ++c) {
            row.cells.push_back(sheet_cell::of_amount(value(*rates[c]), formula(r, c + 1)));
        }
        if (at_new_rate) {
            row.cells.push_back(sheet_cell::of_amount(value(*rates[1]) - value(*rates[0]), change_formula(r, 1, 2)));
        }
        financing.rows.push_back(std::move(row));
    };
    const auto none = [](std::size_t, std::size_t) { return std::string{}; };
    financing_row("Administration", "administration", [](const overhead_financing& f) { return f.administration; }, none);
    financing_row("Projektbidrag", "project_grants", [](const overhead_financing& f) { return f.project_grants; }, none);
    financing_row("Finansieras av påslaget", "from_surcharge",
                  [](const overhead_financing& f) { return f.from_surcharge; }, none);
    financing_row("Faktureras kommunerna", "invoiced", [](const overhead_financing& f) { return f.invoiced; },
                  [](std::size_t, std::size_t c) { return "=" + data_cell(0, c) + "-" + data_cell(2, c); });
    financing.rows.back().role = row_role::total;
    financing.notes.push_back("Påslaget avrundas till hela " + std::string{to_string(at_rate.to_kommuner.rule.unit)} +
                              "; resten av administrationen faktureras kommunerna efter nyckeln.");

    sheet kommuner;
    kommuner.name = "Kommuner";
    kommuner.title = "Faktura per kommun: " + financing.title;
    kommuner.frozen_columns = 2;
    kommuner.columns = {text_column("code", "Kod"), text_column("kommun", "Kommun"), number_column("weight", "Vikt")};
    for (std::size_t c = 0; c < rates.size(); ++c) {
        kommuner.columns.push_back(amount_column("invoice_" + rate_keys[c], "Faktura " + at(*rates[c]) + " (kr)"));
    }
    if (at_new_rate) {
        kommuner.columns.push_back(amount_column("change", "Förändring (kr)"));
    }
    constexpr std::size_t first_amount = 3;
    const std::vector<overhead_change> changes =
        at_new_rate ? compare_overhead(at_rate, *at_new_rate) : std::vector<overhead_change>{};
    const std::vector<allocation_part>& parts = at_rate.to_kommuner.parts;
    for (std::size_t r = 0; r < parts.size(); ++r) {
        sheet_row row{.cells = {sheet_cell::of_text(parts[r].member.str()),
                                sheet_cell::of_text(catalogue.name_or_code(parts[r].member)),
                                sheet_cell::of_number(to_string(parts[r].weight))},
                      .role = row_role::data,
                      .in_csv = true};
        for (const overhead_financing* f : rates) {
            row.cells.push_back(sheet_cell::of_amount(f->to_kommuner.at(parts[r].member).amount));
        }
        if (at_new_rate) {
            Expects(changes[r].member == parts[r].member);
            row.cells.push_back(
                sheet_cell::of_amount(changes[r].change(), change_formula(r, first_amount, first_amount + 1)));
        }
        kommuner.rows.push_back(std::move(row));
    }
    const std::vector<std::size_t> all_rows = first_n(parts.size());
    sheet_row sums{.cells = {sheet_cell{}, sheet_cell::of_text("Summa"), sheet_cell{}}, .role = row_role::total,
                   .in_csv = false};
    money change_sum;
    for (const overhead_change& c : changes) {
        change_sum += c.change();
    }
    for (std::size_t c = 0; c < rates.size(); ++c) {
        sums.cells.push_back(sheet_cell::of_amount(rates[c]->to_kommuner.sum(), sum_of_rows(all_rows, first_amount + c)));
    }
    if (at_new_rate) {
        sums.cells.push_back(sheet_cell::of_amount(change_sum, sum_of_rows(all_rows, first_amount + 2)));
    }
    kommuner.rows.push_back(std::move(sums));
    kommuner.notes.push_back("Metod: " + at_rate.to_kommuner.basis + ". Ett negativt belopp är en återbetalning.");
    return {std::move(financing), std::move(kommuner)};
}

} // namespace

report to_report(const allocation& result, const kommun_catalogue& catalogue)
{
    sheet only = allocation_sheet(result, catalogue);
    std::string title = only.title;
    return {.title = std::move(title), .sheets = {std::move(only)}, .csv_sheet = 0};
}

report to_report(const proposal_table& table)
{
    return {.title = table.title, .sheets = proposal_sheets(table), .csv_sheet = 0};
}

report to_report(std::span<const proposal_difference> differences, const kommun_catalogue& catalogue)
{
    sheet only = differences_sheet(differences, catalogue);
    std::string title = only.title;
    return {.title = std::move(title), .sheets = {std::move(only)}, .csv_sheet = 0};
}

report to_report(const scenario_comparison& comparison)
{
    std::vector<sheet> sheets = scenario_sheets(comparison);
    std::string title = sheets.front().title;
    return {.title = std::move(title), .sheets = std::move(sheets), .csv_sheet = 0};
}

report to_report(const percent_table& table)
{
    sheet only = percent_sheet(table);
    std::string title = only.title;
    return {.title = std::move(title), .sheets = {std::move(only)}, .csv_sheet = 0};
}

report to_report(const balance_table& table, std::span<const finding> findings)
{
    return {.title = "Granskning av " + table.source, .sheets = balance_sheets(table, findings), .csv_sheet = 1};
}

report to_report(std::span<const area_charge> charges)
{
    sheet only = management_sheet(charges);
    std::string title = only.title;
    return {.title = std::move(title), .sheets = {std::move(only)}, .csv_sheet = 0};
}

report to_report(const published_proposal& table, const fee_audit& audit, const kommun_catalogue& catalogue,
                 const std::string& source, unit u)
{
    return {.title = "Granskning av " + source, .sheets = fee_audit_sheets(table, audit, catalogue, source, u),
            .csv_sheet = 0};
}

report to_report(const published_staffing_table& table, std::span<const staffing_finding> findings)
{
    const auto count = [](const std::optional<arsarbetare>& a, std::string formula = {}) {
        return a ? sheet_cell::of_number(decimal_text(a->in_hundredths(), 2), std::move(formula)) : sheet_cell{};
    };
    sheet audit = findings_sheet(table.source, findings.size());
    audit.columns = {text_column("kind", "Typ"),
                     text_column("period", "Period"),
                     text_column("column", "Kolumn"),
                     number_column("expected", "Väntat (årsarbetare)"),
                     number_column("found", "Funnet (årsarbetare)"),
                     number_column("difference", "Differens (årsarbetare)"),
                     text_column("classification", "Bedömning"),
                     text_column("note", "Not")};
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const staffing_finding& f = findings[i];
        audit.rows.push_back(
            {.cells = {sheet_cell::of_text(std::string{swedish_kind(f.kind)}, std::string{to_string(f.kind)}),
                       sheet_cell::of_text(f.period), sheet_cell::of_text(f.column), count(f.expected), count(f.found),
                       count(f.difference, "=" + data_cell(i, 4) + "-" + data_cell(i, 3)),
                       classification_cell(finding_class::fault), sheet_cell::of_text(f.note)},
             .role = row_role::data,
             .in_csv = true});
    }
    if (!findings.empty()) {
        audit.notes.emplace_back("Årsarbetare är exakta hundradelar, så summorna prövas exakt: varje skillnad är ett fel. "
                                 "Differens: funnet − väntat (en tom cell räknas som 0).");
    }
    return {.title = "Granskning av " + table.source, .sheets = {std::move(audit)}, .csv_sheet = 0};
}

report to_report(const published_indicator_table& table, const indicator_audit& result)
{
    sheet audit = findings_sheet(table.source, result.findings.size());
    audit.columns = {text_column("kind", "Typ"),
                     text_column("indikator", "Indikator"),
                     text_column("period", "Period"),
                     number_column("exact", "Exakt", column_kind::percent),
                     number_column("expected", "Väntat", column_kind::percent),
                     number_column("found", "Funnet", column_kind::percent),
                     number_column("difference", "Differens", column_kind::percent),
                     text_column("classification", "Bedömning"),
                     text_column("note", "Not")};
    for (std::size_t i = 0; i < result.findings.size(); ++i) {
        const indicator_finding& f = result.findings[i];
        audit.rows.push_back(
            {.cells = {sheet_cell::of_text(std::string{swedish_kind(f.kind)}, std::string{to_string(f.kind)}),
                       sheet_cell::of_text(f.indikator), sheet_cell::of_text(f.period), percent_cell(f.exact),
                       percent_cell(f.expected), percent_cell(f.found),
                       percent_cell(f.difference, "=" + data_cell(i, 5) + "-" + data_cell(i, 4)),
                       classification_cell(f.classification),
                       sheet_cell::of_text(f.note)},
             .role = row_role::data,
             .in_csv = true});
    }
    if (!result.findings.empty()) {
        audit.notes.emplace_back("Procent. Väntat: det exakta värdet avrundat till de publicerade decimalerna (till "
                                 "närmaste, eller med tabellens regel för Annan avrundning). Differens: funnet − väntat. "
                                 "Ett värde utan ändlig decimalform skrivs som bråk i CSV och Markdown och avrundat "
                                 "till tio decimaler i arbetsboken.");
    }
    for (const std::string& note : result.notes) {
        audit.notes.push_back("Ej granskad: " + note + ".");
    }
    return {.title = "Granskning av " + table.source, .sheets = {std::move(audit)}, .csv_sheet = 0};
}

report to_report(const period_report& result, const std::string& title)
{
    const std::string unit_name{to_string(result.balance.unit)};
    sheet balance = balance_sheet(result.balance, title + ": medel per område (" + unit_name + ")");
    if (std::ranges::any_of(result.ledger.entries, &balance_entry::internal)) {
        balance.notes.emplace_back("Raden \"" + std::string{management_internal_row} +
                                   "\" tar bort den del av ledning och stab som områdena finansierar: den ingår i "
                                   "områdenas utfall och i ledningens erhållna medel, och räknas en gång i Summa.");
    }
    if (result.rounded_cells > 0) {
        balance.notes.push_back(
            "Visas i " + unit_name + ": " + count_of(result.rounded_cells, "belopp", "belopp") + " är inte hela " +
            unit_name + ". Tabellen är avrundad som helhet (kontrollerad avrundning): varje belopp, summa och Summa "
            "ligger inom 1 " + unit_name + " från sitt exakta värde, och disponibla medel, kvarvarande medel och Summa "
            "stämmer med de visade beloppen; " +
            (result.moved_cells == 0
                 ? std::string{"alla belopp är avrundade till närmaste hela " + unit_name + "."}
                 : count_of(result.moved_cells, "belopp", "belopp") + " är avrundade åt andra hållet än till närmaste "
                   "hela " + unit_name + " för att sambanden ska hålla.") +
            (result.balance.unit != unit::kr ? std::string{" Belopp i kr visas med --unit kr."} : std::string{}));
    }
    sheet shares = percent_sheet(result.shares);
    shares.notes.emplace_back("Utfallet är balanstabellens; för ledning och stab utan den del som områdena "
                              "finansierar, som redan ingår i deras utfall.");
    std::vector<sheet> sheets{std::move(balance), std::move(shares)};
    if (!result.management_charges.empty()) {
        sheets.push_back(management_sheet(result.management_charges));
    }
    return {.title = title, .sheets = std::move(sheets), .csv_sheet = 0};
}

report to_report(const published_share_table& table, std::span<const share_finding> findings)
{
    return {.title = "Granskning av " + table.source, .sheets = share_audit_sheets(table, findings), .csv_sheet = 1};
}

report to_report(const published_share_table& table, std::span<const share_finding> findings,
                 const share_balance_audit& against_balance)
{
    return {.title = "Granskning av " + table.source,
            .sheets = share_audit_sheets(table, findings, &against_balance),
            .csv_sheet = 1};
}

report to_report(const overhead_financing& at_rate, const std::optional<overhead_financing>& at_new_rate,
                 const kommun_catalogue& catalogue)
{
    std::vector<sheet> sheets = overhead_sheets(at_rate, at_new_rate, catalogue);
    std::string title = sheets.front().title;
    return {.title = std::move(title), .sheets = std::move(sheets), .csv_sheet = 1};
}

namespace {

/// An exact ratio in Swedish decimal form when it has one within 12 decimals ("310,25"), else
/// as a fraction followed by its value to six decimals ("33877/31025 ≈ 1,091926").
std::string swedish_ratio(ratio value)
{
    const decimal_style style{.point = ',', .group_thousands = false, .trim_zeros = true};
    std::int64_t scale = 1;
    for (int decimals = 0; decimals <= 12; ++decimals, scale *= 10) {
        if ((int128{value.num()} * scale) % value.den() == 0) {
            return decimal_text(int128{value.num()} * scale / value.den(), decimals, style);
        }
    }
    const int128 approx = divide_rounded(int128{value.num()} * 1'000'000, value.den(), rounding_mode::half_up);
    return to_string(value) + " ≈ " + decimal_text(approx, 6, style);
}

std::string year_text(std::chrono::year year) { return std::to_string(static_cast<int>(year)); }

} // namespace

report to_report(const price_conversion& conversion)
{
    const price_index& index = conversion.index;
    const std::string index_name = index.name().empty() ? std::string{"prisindex"} : index.name();
    const std::string unit_name{to_string(conversion.in)};
    const bool one_amount = conversion.amounts.columns.size() == 1;
    const auto level = [&](std::size_t y) {
        const std::chrono::year year = conversion.years[y];
        if (conversion.plan) {
            return std::string{year == conversion.plan->budget_year() ? "budget " : "plan "} + year_text(year);
        }
        return year_text(year) + " års prisnivå";
    };

    sheet out;
    out.name = "Prisnivå";
    out.title = "Belopp i " + year_text(conversion.from) + " års prisnivå omräknade med " + index_name +
                (conversion.plan ? " till " + conversion.plan->label()
                                 : " till " + year_text(conversion.years.front()) + " års prisnivå");
    out.frozen_columns = 1;
    out.blank = "–";
    out.columns = {text_column(one_amount ? "post" : conversion.amounts.label_heading,
                               one_amount ? "Post" : conversion.amounts.label_heading)};
    for (const std::string& column : conversion.amounts.columns) {
        const std::string prefix = one_amount ? std::string{} : column + ", ";
        const std::string key = one_amount ? std::string{"belopp"} : column;
        out.columns.push_back(amount_column(key + "_" + year_text(conversion.from),
                                            capitalised(prefix + year_text(conversion.from) + " års prisnivå") +
                                                " (" + unit_name + ")",
                                            conversion.in));
        for (std::size_t y = 0; y < conversion.years.size(); ++y) {
            out.columns.push_back(amount_column(key + "_" + year_text(conversion.years[y]),
                                                capitalised(prefix + level(y)) + " (" + unit_name + ")", conversion.in));
        }
    }
    for (std::size_t r = 0; r < conversion.amounts.labels.size(); ++r) {
        sheet_row row{.cells = {sheet_cell::of_text(conversion.amounts.labels[r])}, .role = row_role::data,
                      .in_csv = true};
        for (std::size_t c = 0; c < conversion.amounts.columns.size(); ++c) {
            row.cells.push_back(sheet_cell::of_amount(conversion.amounts.cell(r, c)));
            for (std::size_t y = 0; y < conversion.years.size(); ++y) {
                row.cells.push_back(sheet_cell::of_amount(conversion.at(r, c, y)));
            }
        }
        out.rows.push_back(std::move(row));
    }
    std::string values = index_name + ": " + year_text(conversion.from) + " = " +
                         swedish_ratio(index.at(conversion.from));
    for (const std::chrono::year year : conversion.years) {
        values += ", " + year_text(year) + " = " + swedish_ratio(index.at(year));
    }
    std::string factors = conversion.years.size() == 1 ? "Faktor " : "Faktorer ";
    for (std::size_t y = 0; y < conversion.years.size(); ++y) {
        factors += (y == 0 ? "" : "; ") + year_text(conversion.years[y]) + "/" + year_text(conversion.from) + " = " +
                   swedish_ratio(conversion.factors[y]);
    }
    out.notes.push_back(values + ". " + factors + ".");
    out.notes.push_back("Varje belopp räknas om exakt och avrundas för sig till hela " + unit_name + " (" +
                        std::string{swedish_name(conversion.rounding)} + ").");
    std::string title = out.title;
    return {.title = std::move(title), .sheets = {std::move(out)}, .csv_sheet = 0};
}

report to_report(const staffing_table& staffing)
{
    const auto count = [](arsarbetare a, std::string formula = {}) {
        return sheet_cell::of_number(decimal_text(a.in_hundredths(), 2), std::move(formula));
    };
    sheet out;
    out.name = "Årsarbetare";
    out.title = "Årsarbetare per anställningsform och finansiering";
    out.frozen_columns = 1;
    out.columns = {text_column("anstallningsform", "Anställningsform")};
    std::vector<std::size_t> financing_columns;
    for (const staff_financing financing : staff_financings) {
        financing_columns.push_back(out.columns.size());
        out.columns.push_back(number_column(std::string{to_string(financing)}, capitalised(to_string(financing))));
    }
    out.columns.push_back(number_column("summa", "Summa"));
    std::vector<std::size_t> form_rows;
    for (const employment_form form : employment_forms) {
        const std::size_t r = out.rows.size();
        form_rows.push_back(r);
        sheet_row row{.cells = {sheet_cell::of_text(capitalised(to_string(form)), std::string{to_string(form)})},
                      .role = row_role::data,
                      .in_csv = true};
        for (const staff_financing financing : staff_financings) {
            row.cells.push_back(count(staffing.at(form, financing)));
        }
        row.cells.push_back(count(staffing.total(form), sum_of_columns(r, financing_columns)));
        out.rows.push_back(std::move(row));
    }
    sheet_row total{.cells = {sheet_cell::of_text("Summa", "summa")}, .role = row_role::total, .in_csv = false};
    std::size_t c = 1;
    for (const staff_financing financing : staff_financings) {
        total.cells.push_back(count(staffing.total(financing), sum_of_rows(form_rows, c++)));
    }
    total.cells.push_back(count(staffing.total(), sum_of_rows(form_rows, c)));
    out.rows.push_back(std::move(total));
    out.notes.push_back("Årsarbetare med två decimaler; varje summa är den exakta summan av sina celler.");
    std::string title = out.title;
    return {.title = std::move(title), .sheets = {std::move(out)}, .csv_sheet = 0};
}

report to_report(std::span<const application_indicators> indicators)
{
    const auto percent_of = [](const std::optional<rounded_percent>& p) {
        return p ? sheet_cell::of_number(decimal_text(p->units(), p->decimals())) : sheet_cell{};
    };
    const auto count_of = [](std::int64_t n) { return sheet_cell::of_number(std::to_string(n)); };
    sheet out;
    out.name = "Ansökningar";
    out.title = "Ansökningar om bidrag: andel beviljade och förändring mot föregående period";
    out.frozen_columns = 1;
    out.blank = "–";
    out.columns = {text_column("period", "Period"),
                   number_column("ansokningar", "Ansökningar"),
                   number_column("beviljade", "Beviljade"),
                   number_column("andel_beviljade", "Andel beviljade", column_kind::percent),
                   amount_column("ansokt_belopp", "Ansökt belopp (kr)"),
                   amount_column("beviljat_belopp", "Beviljat belopp (kr)"),
                   number_column("andel_beviljat_belopp", "Andel beviljat belopp", column_kind::percent),
                   number_column("forandring_ansokningar", "Förändring ansökningar", column_kind::percent),
                   number_column("forandring_beviljat_belopp", "Förändring beviljat belopp", column_kind::percent)};
    std::optional<rounded_percent> any;
    for (const application_indicators& row : indicators) {
        const grant_applications& f = row.figures;
        out.rows.push_back({.cells = {sheet_cell::of_text(f.period), count_of(f.applied), count_of(f.granted),
                                      percent_of(row.count_rate), sheet_cell::of_amount(f.applied_amount),
                                      sheet_cell::of_amount(f.granted_amount), percent_of(row.amount_rate),
                                      percent_of(row.applied_change), percent_of(row.granted_amount_change)},
                            .role = row_role::data,
                            .in_csv = true});
        for (const auto& p : {row.count_rate, row.amount_rate, row.applied_change, row.granted_amount_change}) {
            if (p && !any) {
                any = p;
            }
        }
    }
    out.empty_text = "Inga perioder.";
    if (any) {
        out.notes.push_back("Varje procent räknas från sitt exakta värde och avrundas för sig till " +
                            std::to_string(any->decimals()) + " decimaler (" +
                            std::string{swedish_name(any->rounding())} +
                            "). Förändring: mot föregående period; – där ingen andel eller förändring finns.");
    }
    std::string title = out.title;
    return {.title = std::move(title), .sheets = {std::move(out)}, .csv_sheet = 0};
}

} // namespace ku
