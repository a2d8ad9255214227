// Scenario comparison output: the deltas of two proposals as Swedish text, CSV and JSON.

#include "ku/io/report.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ku/allocation/scenario.hpp"

namespace ku {

namespace {

std::string swedish(money m) { return format_swedish(m, {.in = unit::kr, .decimals = {}, .rounding = rounding_mode::half_up, .show_unit = false}); }

std::string signed_swedish(money m) { return (m > money{} ? "+" : "") + swedish(m); }

} // namespace

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
