// Any report as one self-contained HTML page: inline CSS, every sheet shown in text as a table
// with its notes, and each sheet's chart as an inline SVG bar chart. No script, no network.

#include "ku/io/html.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <gsl/assert>
#include <gsl/narrow>

#include "ku/core/detail/scanner.hpp"

namespace ku {

namespace {

/// `text` with &, <, >, " and ' escaped, safe in element content and in quoted attributes.
std::string escaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c; break;
        }
    }
    return out;
}

/// The page's style sheet: tables with right-aligned numbers, bold and ruled total rows.
constexpr std::string_view style_sheet =
    "body{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,Helvetica,sans-serif;margin:24px;color:#1a1a1a;"
    "background:#fff;font-size:14px;line-height:1.4}\n"
    "h1{font-size:22px;margin:0 0 16px}\n"
    "h2{font-size:17px;margin:32px 0 8px}\n"
    ".table{overflow-x:auto}\n"
    "table{border-collapse:collapse;font-size:13px}\n"
    "th,td{padding:3px 8px;vertical-align:top}\n"
    "th{text-align:left;vertical-align:bottom;border-bottom:2px solid #333;font-weight:600}\n"
    "th.num,td.num{text-align:right}\n"
    "td.num{white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    "tbody tr:nth-child(even) td{background:#f5f6f8}\n"
    "tr.total td{font-weight:700}\n"
    "tr.rule td{border-top:2px solid #333}\n"
    "tr.internal td{font-style:italic}\n"
    ".notes p{margin:4px 0;font-size:13px;color:#333}\n"
    ".empty{font-style:italic}\n"
    "figure{margin:8px 0 16px}\n"
    "svg{max-width:100%;height:auto}\n"
    "svg text{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,Helvetica,sans-serif;font-size:12px;"
    "fill:#1a1a1a}\n"
    "svg .title{font-size:14px;font-weight:700}\n";

/// The colours of a chart's series, in order: the first is a single-column chart's bars.
constexpr std::array<std::string_view, 16> palette{
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94"};

/// The colour of a single-column chart's negative bars.
constexpr std::string_view negative_colour = "#d62728";

/// A cell's value for drawing, in the column's unit. Only the geometry of the SVG (bar lengths
/// in pixels) is computed in double; every number shown as text comes from the exact cell.
double drawn_value(const sheet_column& column, const sheet_cell& cell)
{
    switch (cell.type) {
    case sheet_cell::kind::amount:
        return static_cast<double>(cell.amount.in_ore()) / static_cast<double>(ore_per(column.unit));
    case sheet_cell::kind::number: {
        const std::string& plain = cell.approximate.empty() ? cell.text : cell.approximate;
        double value = 0;
        const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
        return error == std::errc{} && end == plain.data() + plain.size() ? value : 0.0;
    }
    case sheet_cell::kind::empty:
    case sheet_cell::kind::text:
        return 0.0;
    }
    return 0.0;
}

/// A pixel coordinate as SVG text: one decimal ("12.5").
std::string px(double value) { return fmt::format("{:.1f}", value); }

/// The estimated width in pixels of `text` at the chart's 12 px font: the page has no script
/// to measure it, so a generous average character width is used.
double text_width(const std::string& text)
{
    return 7.0 * static_cast<double>(detail::scanner::code_points(text));
}

/// An axis tick's label: an amount in Swedish form in the unit, other numbers with the
/// decimals the step needs (and " %" for percents).
std::string tick_label(const sheet_column& column, double value, double step)
{
    if (std::abs(value) < step / 1e6) {
        value = 0; // no "-0"
    }
    if (column.kind == column_kind::amount) {
        const double ore = value * static_cast<double>(ore_per(column.unit));
        return swedish_in(money::ore(gsl::narrow_cast<std::int64_t>(std::llround(ore))), column.unit);
    }
    const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
    std::string text = swedish_decimal(fmt::format("{:.{}f}", value, decimals));
    return column.kind == column_kind::percent ? text + " %" : text;
}

/// A round step between axis ticks: 1, 2 or 5 times a power of ten, about a sixth of `range`.
double tick_step(double range)
{
    const double raw = range / 6.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double scaled = raw / magnitude;
    const double nice = scaled <= 1.0 ? 1.0 : scaled <= 2.0 ? 2.0 : scaled <= 5.0 ? 5.0 : 10.0;
    return nice * magnitude;
}

/// One bar of a chart: its name, its segments' values (one per series) and the label at its end.
struct bar {
    std::string name;
    std::vector<double> values;
    std::vector<std::string> shown; ///< each segment's value as the table shows it
    std::string label;              ///< shown beyond the bar's end; may be empty
};

/// The chart of `table` as an inline SVG: horizontal bars, one per row of the chart's run, the
/// first row on top; stacked segments with a legend when the chart stacks several columns;
/// positive values to the right of the zero line, negative ones to the left.
std::string svg_chart(const sheet& table, const sheet_chart& spec)
{
    const std::vector<std::size_t> series = spec.series_columns();
    Expects(spec.category_column < table.columns.size());
    Expects(spec.first_row <= spec.last_row && spec.last_row < table.rows.size());
    Expects(!series.empty());
    for (const std::size_t c : series) {
        Expects(c < table.columns.size());
    }
    const sheet_column& first_column = table.columns[series.front()];
    // A stacked bar's total is labelled when every segment is an amount in the same unit.
    const bool amounts = std::ranges::all_of(series, [&](std::size_t c) {
        return table.columns[c].kind == column_kind::amount && table.columns[c].unit == first_column.unit;
    });

    std::vector<bar> bars;
    for (std::size_t r = spec.first_row; r <= spec.last_row; ++r) {
        const sheet_row& row = table.rows[r];
        Expects(row.cells.size() == table.columns.size());
        bar b{.name = shown_value(table, table.columns[spec.category_column], row.cells[spec.category_column]),
              .values = {},
              .shown = {},
              .label = {}};
        money total;
        for (const std::size_t c : series) {
            b.values.push_back(drawn_value(table.columns[c], row.cells[c]));
            b.shown.push_back(shown_value(table, table.columns[c], row.cells[c]));
            if (row.cells[c].type == sheet_cell::kind::amount) {
                total += row.cells[c].amount;
            }
        }
        if (!spec.stacked()) {
            b.label = b.shown.front();
        } else if (amounts) {
            b.label = swedish_in(total, first_column.unit);
        }
        bars.push_back(std::move(b));
    }

    // The extent of the bars: positive segments stack to the right of zero, negative ones to the left.
    double low = 0;
    double high = 0;
    double name_width = 0;
    double right_label = 0;
    double left_label = 0;
    for (const bar& b : bars) {
        double positive = 0;
        double negative = 0;
        for (const double v : b.values) {
            (v < 0 ? negative : positive) += v;
        }
        low = std::min(low, negative);
        high = std::max(high, positive);
        name_width = std::max(name_width, text_width(b.name));
        if (!b.label.empty()) {
            // The label stands beyond the bar's end: right of a bar with a positive part, else left.
            double& room = positive > 0 || negative == 0 ? right_label : left_label;
            room = std::max(room, text_width(b.label) + 6);
        }
    }
    if (high == low) {
        high = 1;
    }
    const double step = tick_step(high - low);
    // Out to the next ticks; the margin keeps a value on a tick (or 0) from adding a step.
    low = std::floor(low / step + 1e-9) * step;
    high = std::ceil(high / step - 1e-9) * step;

    constexpr double width = 960;
    constexpr double bar_height = 18;
    constexpr double pitch = 26;
    const double names = std::min(name_width, 320.0) + 10;
    // The tick labels at the ends of the axis stand half outside the plot.
    const double end_room = std::max(text_width(tick_label(first_column, high, step)),
                                     text_width(tick_label(first_column, low, step))) / 2;
    const double plot_left = names + 10 + std::max(left_label, low < 0 ? end_room : 0.0);
    const double plot_right = width - 10 - std::max(right_label, end_room);
    const auto x_of = [&](double value) { return plot_left + (value - low) / (high - low) * (plot_right - plot_left); };

    std::string body;
    double y = 34;
    // The legend of a stacked chart: a swatch and the column's heading per series, in rows.
    if (spec.stacked()) {
        double x = 10;
        for (std::size_t s = 0; s < series.size(); ++s) {
            const std::string& label = table.columns[series[s]].label;
            const double item = 14 + 6 + text_width(label) + 18;
            if (x > 10 && x + item > width - 10) {
                x = 10;
                y += 20;
            }
            body += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\"/>"
                                "<text x=\"{}\" y=\"{}\">{}</text>\n",
                                px(x), px(y), palette[s % palette.size()], px(x + 20), px(y + 11.5), escaped(label));
            x += item;
        }
        y += 28;
    }
    const double plot_top = y;
    const double plot_bottom = plot_top + pitch * static_cast<double>(bars.size());

    // Grid lines and tick labels, then the zero line over them.
    std::string grid;
    const auto ticks = gsl::narrow_cast<int>(std::llround((high - low) / step));
    for (int t = 0; t <= ticks; ++t) {
        const double value = low + step * t;
        const double x = x_of(value);
        grid += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#e0e0e0\"/>"
                            "<text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
                            px(x), px(plot_top - 4), px(plot_bottom), px(plot_bottom + 16),
                            escaped(tick_label(first_column, value, step)));
    }
    body += grid;

    for (std::size_t i = 0; i < bars.size(); ++i) {
        const bar& b = bars[i];
        const double top = plot_top + pitch * static_cast<double>(i) + (pitch - bar_height) / 2;
        body += fmt::format("<g class=\"bar\">\n<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", px(names),
                            px(top + 13.5), escaped(b.name));
        double positive = 0;
        double negative = 0;
        for (std::size_t s = 0; s < b.values.size(); ++s) {
            const double v = b.values[s];
            if (v == 0) {
                continue;
            }
            const double from = v < 0 ? negative + v : positive;
            const double to = v < 0 ? negative : positive + v;
            (v < 0 ? negative : positive) += v;
            const std::string_view colour = spec.stacked() ? palette[s % palette.size()]
                                            : v < 0        ? negative_colour
                                                           : palette.front();
            const std::string tip = spec.stacked() ? b.name + ", " + table.columns[series[s]].label + ": " + b.shown[s]
                                                   : b.name + ": " + b.shown[s];
            body += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}</title>"
                                "</rect>\n",
                                px(x_of(from)), px(top), px(x_of(to) - x_of(from)), px(bar_height), colour,
                                escaped(tip));
        }
        if (!b.label.empty()) {
            const bool right = positive > 0 || negative == 0;
            body += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>\n",
                                px(right ? x_of(positive) + 5 : x_of(negative) - 5), px(top + 13.5),
                                right ? "start" : "end", escaped(b.label));
        }
        body += "</g>\n";
    }
    body += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333\" stroke-width=\"1.5\"/>\n",
                        px(x_of(0)), px(plot_top - 4), px(plot_bottom));

    const double height = plot_bottom + 28;
    return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
                       "role=\"img\" aria-label=\"{2}\">\n<title>{2}</title>\n"
                       "<text class=\"title\" x=\"10\" y=\"20\">{2}</text>\n{3}</svg>\n",
                       px(width), px(height), escaped(spec.title), body);
}

/// One sheet's table: headings, then the rows; numbers right aligned as the text renderer shows
/// them; total rows bold, the first of a run of them ruled.
std::string html_table(const sheet& table)
{
    const auto numeric = [&](std::size_t c) { return table.columns[c].kind != column_kind::text; };
    std::string out = "<div class=\"table\"><table>\n<thead><tr>";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        out += (numeric(c) ? "<th class=\"num\">" : "<th>") + escaped(table.columns[c].label) + "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const sheet_row& row = table.rows[r];
        Expects(row.cells.size() == table.columns.size());
        std::string classes;
        if (row.role == row_role::total) {
            classes = r > 0 && table.rows[r - 1].role == row_role::total ? "total" : "total rule";
        } else if (row.role == row_role::internal) {
            classes = "internal";
        }
        out += classes.empty() ? "<tr>" : "<tr class=\"" + classes + "\">";
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            out += (numeric(c) ? "<td class=\"num\">" : "<td>") +
                   escaped(shown_value(table, table.columns[c], row.cells[c])) + "</td>";
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table></div>\n";
}

} // namespace

std::string render_html(const report& document)
{
    std::string out = "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<title>" + escaped(document.title) + "</title>\n<style>\n" + std::string{style_sheet} +
                      "</style>\n</head>\n<body>\n<h1>" + escaped(document.title) + "</h1>\n";
    for (const sheet& table : document.sheets) {
        if (!table.in_text) {
            continue;
        }
        out += "<section>\n<h2>" + escaped(table.title) + "</h2>\n";
        if (table.rows.empty()) {
            if (!table.empty_text.empty()) {
                out += "<p class=\"empty\">" + escaped(table.empty_text) + "</p>\n";
            }
        } else {
            if (table.chart) {
                out += "<figure>\n" + svg_chart(table, *table.chart) + "</figure>\n";
            }
            out += html_table(table);
        }
        if (!table.notes.empty()) {
            out += "<div class=\"notes\">\n";
            for (const std::string& note : table.notes) {
                out += "<p>" + escaped(note) + "</p>\n";
            }
            out += "</div>\n";
        }
        out += "</section>\n";
    }
    return out + "</body>\n</html>\n";
}

} // namespace ku
