// A published indicator table from CSV: values with an optional unit and a bracketed percent.

#include "ku/io/indicator_io.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <gsl/narrow>

#include "ku/core/detail/scanner.hpp"
#include "ku/core/ratio.hpp"

namespace ku {

namespace {

/// The unit words a value may carry and how many kronor (or counts) one of them is.
constexpr std::array<std::pair<std::string_view, std::int64_t>, 5> unit_words{
    {{"kronor", 1}, {"kr", 1}, {"tkr", 1'000}, {"mnkr", 1'000'000}, {"st", 1}}};

/// The decimals written after the decimal comma (or point) of a number.
int decimals_in(std::string_view number)
{
    const auto separator = number.find_first_of(",.");
    if (separator == std::string_view::npos) {
        return 0;
    }
    return gsl::narrow<int>(std::count_if(number.begin() + gsl::narrow<std::ptrdiff_t>(separator) + 1, number.end(),
                                          [](char c) { return c >= '0' && c <= '9'; }));
}

/// An exact number written the Swedish or the plain way ("5 696 000", "15,5", "-16").
exact_share number_of(std::string_view text, const std::string& where)
{
    const ratio parsed = ratio::parse(text, where);
    exact_share value = parsed.num();
    value /= parsed.den();
    return value;
}

indicator_cell cell_of(const std::string& text, const std::string& where)
{
    indicator_cell cell{.value = 0, .percent = std::nullopt, .percent_decimals = 0, .text = text};
    std::string_view value_text = detail::trim(text);
    if (value_text.ends_with(")")) {
        const auto open = value_text.rfind('(');
        if (open == std::string_view::npos) {
            throw parse_error(text, text.size(), "a \")\" without its \"(\"", where);
        }
        std::string_view percent = detail::trim(value_text.substr(open + 1, value_text.size() - open - 2));
        if (!percent.ends_with("%")) {
            throw parse_error(text, open + 2, "the brackets hold a percent, as in \"(50 %)\"", where);
        }
        percent = detail::trim(percent.substr(0, percent.size() - 1));
        // "- 56": a sign may stand apart from its digits.
        std::string joined{percent};
        for (const std::string_view sign : {"-", "+", "\u2212"}) {
            if (joined.starts_with(sign)) {
                joined = std::string{sign} + std::string{detail::trim(std::string_view{joined}.substr(sign.size()))};
            }
        }
        if (joined.empty()) {
            throw parse_error(text, open + 2, "the brackets hold no percent", where);
        }
        cell.percent = number_of(joined, where);
        cell.percent_decimals = decimals_in(joined);
        value_text = detail::trim(value_text.substr(0, open));
    }
    std::int64_t scale = 1;
    const auto space = value_text.find_last_of(' ');
    if (space != std::string_view::npos) {
        const std::string_view word = value_text.substr(space + 1);
        if (!word.empty() && std::ranges::all_of(word, [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); })) {
            const auto* unit = std::ranges::find(unit_words, word, &std::pair<std::string_view, std::int64_t>::first);
            if (unit == unit_words.end()) {
                throw parse_error(text, space + 2, "unknown unit \"" + std::string{word} +
                                                       "\": expected kronor, kr, tkr, mnkr or st", where);
            }
            scale = unit->second;
            value_text = detail::trim(value_text.substr(0, space));
        }
    }
    if (value_text.empty()) {
        throw parse_error(text, 0, "the cell has a percent but no value", where);
    }
    cell.value = number_of(value_text, where) * scale;
    return cell;
}

} // namespace

published_indicator_table read_published_indicators(const csv_table& table)
{
    const std::size_t name_column = table.column("indikator");
    const std::size_t base_column = table.column("bas");
    published_indicator_table published{.source = table.source, .periods = {}, .rows = {}};
    std::vector<std::size_t> period_columns;
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        if (c != name_column && c != base_column) {
            published.periods.push_back(table.header[c]);
            period_columns.push_back(c);
        }
    }
    if (period_columns.empty()) {
        throw lookup_error(table.source + ":1: no period column after indikator and bas");
    }
    std::vector<std::size_t> lines;
    for (const csv_row& row : table.rows) {
        indicator_row out{.indikator = std::string{detail::trim(row.fields[name_column])},
                          .bas = std::string{detail::trim(row.fields[base_column])},
                          .cells = {}};
        if (out.indikator.empty()) {
            throw parse_error("", 0, "the row has no indikator", table.where(row, name_column));
        }
        if (std::ranges::find(published.rows, out.indikator, &indicator_row::indikator) != published.rows.end()) {
            throw parse_error(out.indikator, 0, "the indikator appears twice", table.where(row, name_column));
        }
        for (const std::size_t c : period_columns) {
            const std::string& text = row.fields[c];
            if (detail::trim(text).empty()) {
                out.cells.emplace_back(std::nullopt);
            } else {
                out.cells.emplace_back(cell_of(text, table.where(row, c)));
            }
        }
        published.rows.push_back(std::move(out));
    }
    for (std::size_t r = 0; r < published.rows.size(); ++r) {
        const std::string& base = published.rows[r].bas;
        if (!base.empty() && base != previous_period_base &&
            std::ranges::find(published.rows, base, &indicator_row::indikator) == published.rows.end()) {
            throw lookup_error(table.where(table.rows[r], base_column) + ": the base \"" + base +
                               "\" is no indikator of the table (nor \"föregående\")");
        }
        if (base == published.rows[r].indikator) {
            throw lookup_error(table.where(table.rows[r], base_column) + ": \"" + base + "\" is its own base");
        }
    }
    return published;
}

} // namespace ku
