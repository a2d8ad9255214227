// Staffing from CSV: årsarbetare by form of employment and financing.

#include "ku/io/staffing_io.hpp"

#include <algorithm>
#include <optional>
#include <string>

namespace ku {

staffing_table read_staffing(const csv_table& table)
{
    const std::size_t form_column = table.column("anstallningsform");
    const std::size_t financing_column = table.column("finansiering");
    const std::size_t count_column = table.column("arsarbetare");
    staffing_table staffing;
    for (const csv_row& row : table.rows) {
        const employment_form form =
            parse_employment_form(row.fields[form_column], table.where(row, form_column));
        const staff_financing financing =
            parse_staff_financing(row.fields[financing_column], table.where(row, financing_column));
        const arsarbetare count = arsarbetare::parse(row.fields[count_column], table.where(row, count_column));
        if (count < arsarbetare{}) {
            throw domain_error(table.where(row, count_column) + ": " + to_string(count) +
                               " årsarbetare is negative; a staffing table counts staff");
        }
        staffing.add(form, financing, count);
    }
    return staffing;
}

published_staffing_table read_published_staffing(const csv_table& table)
{
    published_staffing_table published{.source = table.source, .periods = {}, .forms = {}, .cells = {},
                                       .row_totals = {}, .column_totals = {}, .grand_total = std::nullopt};
    std::vector<std::size_t> form_columns;
    std::optional<std::size_t> summa_column;
    for (std::size_t c = 1; c < table.header.size(); ++c) {
        if (table.header[c] == "Summa") {
            summa_column = c;
        } else {
            published.forms.push_back(parse_employment_form(table.header[c], table.source + ":1:" + table.header[c]));
            form_columns.push_back(c);
        }
    }
    if (form_columns.empty()) {
        throw lookup_error(table.source + ":1: no column of a form of employment (tjänsteköp, tillsvidare, visstid)");
    }
    const auto count = [&](const csv_row& row, std::optional<std::size_t> c) -> std::optional<arsarbetare> {
        if (!c || row.fields[*c].empty()) {
            return std::nullopt;
        }
        return arsarbetare::parse(row.fields[*c], table.where(row, *c));
    };
    bool summa_seen = false;
    for (const csv_row& row : table.rows) {
        const std::string& label = row.fields[0];
        if (label == "Summa") {
            if (summa_seen) {
                throw parse_error("Summa", 0, "a second Summa row", table.where(row, 0));
            }
            summa_seen = true;
            for (const std::size_t c : form_columns) {
                published.column_totals.push_back(count(row, c));
            }
            published.grand_total = count(row, summa_column);
            continue;
        }
        if (label.empty()) {
            throw parse_error("", 0, "the row has no period", table.where(row, 0));
        }
        if (summa_seen) {
            throw parse_error(label, 0, "a period after the Summa row", table.where(row, 0));
        }
        if (std::ranges::find(published.periods, label) != published.periods.end()) {
            throw parse_error(label, 0, "the period appears twice", table.where(row, 0));
        }
        published.periods.push_back(label);
        std::vector<std::optional<arsarbetare>> cells;
        for (const std::size_t c : form_columns) {
            cells.push_back(count(row, c));
        }
        published.cells.push_back(std::move(cells));
        published.row_totals.push_back(count(row, summa_column));
    }
    if (!summa_seen) {
        published.column_totals.assign(form_columns.size(), std::nullopt);
    }
    return published;
}

} // namespace ku
