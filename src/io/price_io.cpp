// Price index series and tables of amounts from CSV.

#include "ku/io/price_io.hpp"

#include <utility>

namespace ku {

std::chrono::year parse_year(std::string_view text, std::string_view where)
{
    if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string_view::npos) {
        throw parse_error(text, 0, "a year is four digits, e.g. 2016", where);
    }
    int value = 0;
    for (const char digit : text) {
        value = value * 10 + (digit - '0');
    }
    return std::chrono::year{value};
}

price_index read_price_index(const csv_table& table, std::string name)
{
    const std::optional<std::size_t> ar = table.find_column("ar");
    const std::size_t year_column = ar ? *ar : table.column("year");
    const std::size_t index_column = table.column("index");
    std::vector<price_index::entry> values;
    for (const csv_row& row : table.rows) {
        const std::chrono::year year = parse_year(row.fields[year_column], table.where(row, year_column));
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (values[i].first == year) {
                throw domain_error(table.where(row, year_column) + ": the year " + row.fields[year_column] +
                                   " is given twice (first on line " + std::to_string(table.rows[i].line) + ")");
            }
        }
        const ratio value = ratio::parse(row.fields[index_column], table.where(row, index_column));
        if (value <= ratio{}) {
            throw domain_error(table.where(row, index_column) + ": the index value " + row.fields[index_column] +
                               " is not positive");
        }
        values.emplace_back(year, value);
    }
    return price_index{std::move(name), std::move(values)};
}

amount_table read_amount_table(const csv_table& table, unit in)
{
    if (table.header.size() < 2) {
        throw lookup_error(table.source +
                           ":1: a table of amounts has a column of labels and then at least one column of amounts");
    }
    amount_table out{.label_heading = table.header.front(),
                     .columns = {table.header.begin() + 1, table.header.end()},
                     .labels = {},
                     .cells = {}};
    for (const csv_row& row : table.rows) {
        if (row.fields.front().empty()) {
            throw parse_error("", 0, "the row has no label", table.where(row, 0));
        }
        out.labels.push_back(row.fields.front());
        for (std::size_t c = 1; c < row.fields.size(); ++c) {
            const std::string& text = row.fields[c];
            out.cells.push_back(text.empty() ? std::nullopt
                                             : std::optional{money::parse(text, in, table.where(row, c))});
        }
    }
    return out;
}

} // namespace ku
