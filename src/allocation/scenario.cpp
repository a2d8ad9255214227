// Scenario comparison: the delta of two proposals, per kommun and per fee.

#include "ku/allocation/scenario.hpp"

#include <algorithm>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ku {

namespace {

/// Every cell of `table` at the comparison's rows and fees, 0 where it has none.
std::vector<std::vector<money>> cells_of(const proposal_table& table, const std::vector<kommun>& kommuner,
                                         const std::vector<std::string>& fees)
{
    std::vector<std::vector<money>> cells(kommuner.size(), std::vector<money>(fees.size()));
    for (std::size_t f = 0; f < fees.size(); ++f) {
        const auto fee = std::ranges::find(table.fees, fees[f], &fee_spec::name);
        if (fee == table.fees.end()) {
            continue;
        }
        const allocation& split = table.allocations[static_cast<std::size_t>(fee - table.fees.begin())];
        for (std::size_t r = 0; r < kommuner.size(); ++r) {
            if (const allocation_part* part = split.find(kommuner[r].code)) {
                cells[r][f] = part->amount;
            }
        }
    }
    return cells;
}

std::string swedish(money m) { return format_swedish(m, {.in = unit::kr, .decimals = {}, .rounding = rounding_mode::half_up, .show_unit = false}); }

std::string signed_swedish(money m) { return (m > money{} ? "+" : "") + swedish(m); }

} // namespace

money scenario_comparison::row_delta(std::size_t row) const
{
    money total;
    for (std::size_t f = 0; f < fees.size(); ++f) {
        if (alternative_in_row_sum[f]) {
            total += alternative[row][f];
        }
        if (base_in_row_sum[f]) {
            total -= base[row][f];
        }
    }
    return total;
}

money scenario_comparison::fee_delta(std::size_t fee) const
{
    money total;
    for (std::size_t r = 0; r < kommuner.size(); ++r) {
        total += delta(r, fee);
    }
    return total;
}

money scenario_comparison::total_delta() const
{
    money total;
    for (std::size_t r = 0; r < kommuner.size(); ++r) {
        total += row_delta(r);
    }
    return total;
}

scenario_comparison compare_scenarios(const proposal_table& base, const proposal_table& alternative)
{
    scenario_comparison comparison;
    comparison.base_title = base.title;
    comparison.alternative_title = alternative.title;
    for (const proposal_table* table : {&base, &alternative}) {
        for (const kommun& k : table->kommuner) {
            if (std::ranges::find(comparison.kommuner, k.code, &kommun::code) == comparison.kommuner.end()) {
                comparison.kommuner.push_back(k);
            }
        }
        for (const fee_spec& fee : table->fees) {
            const auto found = std::ranges::find(comparison.fees, fee.name);
            if (found == comparison.fees.end()) {
                comparison.fees.push_back(fee.name);
                comparison.in_row_sum.push_back(fee.in_row_sum);
            } else if (fee.in_row_sum) {
                comparison.in_row_sum[static_cast<std::size_t>(found - comparison.fees.begin())] = true;
            }
        }
    }
    for (const std::string& name : comparison.fees) {
        const auto counted = [&](const proposal_table& table) {
            const auto fee = std::ranges::find(table.fees, name, &fee_spec::name);
            return fee != table.fees.end() && fee->in_row_sum;
        };
        comparison.base_in_row_sum.push_back(counted(base));
        comparison.alternative_in_row_sum.push_back(counted(alternative));
    }
    comparison.base = cells_of(base, comparison.kommuner, comparison.fees);
    comparison.alternative = cells_of(alternative, comparison.kommuner, comparison.fees);
    return comparison;
}

std::string scenario_as_text(const scenario_comparison& c)
{
    std::vector<std::vector<std::string>> lines;
    std::vector<std::string> heading{"Avgift (skillnad, kr)"};
    for (const kommun& k : c.kommuner) {
        heading.emplace_back(k.name);
    }
    heading.emplace_back("Summa");
    lines.push_back(heading);
    for (std::size_t f = 0; f < c.fees.size(); ++f) {
        std::vector<std::string> line{c.fees[f] + (c.in_row_sum[f] ? "" : " *")};
        for (std::size_t r = 0; r < c.kommuner.size(); ++r) {
            line.push_back(signed_swedish(c.delta(r, f)));
        }
        line.push_back(signed_swedish(c.fee_delta(f)));
        lines.push_back(std::move(line));
    }
    std::vector<std::string> sums{"Summa"};
    for (std::size_t r = 0; r < c.kommuner.size(); ++r) {
        sums.push_back(signed_swedish(c.row_delta(r)));
    }
    sums.push_back(signed_swedish(c.total_delta()));
    lines.push_back(std::move(sums));

    std::vector<std::size_t> widths(lines.front().size());
    const auto width = [](const std::string& s) {
        std::size_t n = 0;
        for (const char ch : s) {
            n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
        }
        return n;
    };
    for (const auto& line : lines) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            widths[i] = std::max(widths[i], width(line[i]));
        }
    }
    std::string out = "Konsekvensbeskrivning: " + c.alternative_title + " jämfört med " + c.base_title + "\n\n";
    for (const auto& line : lines) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            const std::string padding(widths[i] - width(line[i]), ' ');
            out += i == 0 ? line[i] + padding : "  " + padding + line[i];
        }
        out += '\n';
    }
    if (std::ranges::find(c.in_row_sum, false) != c.in_row_sum.end()) {
        out += "* räknas inte i Summa. ";
    }
    out += "Skillnad = alternativ − bas; rader och kolumner summerar exakt.\n";
    return out;
}

std::string scenario_as_csv(const scenario_comparison& c)
{
    const auto field = [](const std::string& text) {
        if (text.find_first_of(",\"\n") == std::string::npos) {
            return text;
        }
        std::string quoted = "\"";
        for (const char ch : text) {
            quoted += ch == '"' ? std::string{"\"\""} : std::string{ch};
        }
        return quoted + "\"";
    };
    std::string out = "code,kommun";
    for (const std::string& fee : c.fees) {
        out += "," + field(fee);
    }
    out += ",Summa\n";
    for (std::size_t r = 0; r < c.kommuner.size(); ++r) {
        out += c.kommuner[r].code.str() + "," + field(std::string{c.kommuner[r].name});
        for (std::size_t f = 0; f < c.fees.size(); ++f) {
            out += "," + format_plain(c.delta(r, f));
        }
        out += "," + format_plain(c.row_delta(r)) + "\n";
    }
    out += ",Summa";
    for (std::size_t f = 0; f < c.fees.size(); ++f) {
        out += "," + format_plain(c.fee_delta(f));
    }
    out += "," + format_plain(c.total_delta()) + "\n";
    return out;
}

std::string scenario_as_json(const scenario_comparison& c)
{
    using json = nlohmann::ordered_json;
    json document;
    document["base"] = c.base_title;
    document["alternative"] = c.alternative_title;
    json fees = json::array();
    for (std::size_t f = 0; f < c.fees.size(); ++f) {
        fees.push_back({{"name", c.fees[f]},
                        {"in_row_sum", static_cast<bool>(c.in_row_sum[f])},
                        {"base_in_row_sum", static_cast<bool>(c.base_in_row_sum[f])},
                        {"alternative_in_row_sum", static_cast<bool>(c.alternative_in_row_sum[f])},
                        {"delta", format_plain(c.fee_delta(f))}});
    }
    document["fees"] = std::move(fees);
    json rows = json::array();
    for (std::size_t r = 0; r < c.kommuner.size(); ++r) {
        json cells = json::object();
        for (std::size_t f = 0; f < c.fees.size(); ++f) {
            cells[c.fees[f]] = {{"base", format_plain(c.base[r][f])},
                                {"alternative", format_plain(c.alternative[r][f])},
                                {"delta", format_plain(c.delta(r, f))}};
        }
        rows.push_back({{"code", c.kommuner[r].code.str()},
                        {"name", std::string{c.kommuner[r].name}},
                        {"fees", std::move(cells)},
                        {"delta", format_plain(c.row_delta(r))}});
    }
    document["rows"] = std::move(rows);
    document["total_delta"] = format_plain(c.total_delta());
    return document.dump(2) + "\n";
}

} // namespace ku
