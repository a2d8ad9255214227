// Grant applications per period from CSV.

#include "ku/io/applications_io.hpp"

#include <charconv>
#include <string>

namespace ku {

namespace {

/// A count written as digits ("12", "1 200"); throws ku::parse_error naming the text and where.
std::int64_t count_of(const std::string& text, const std::string& where)
{
    std::string digits;
    for (const char c : text) {
        if (c != ' ') {
            digits += c;
        }
    }
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size() || value < 0) {
        throw parse_error(text, 0, "a count is a whole number of zero or more, e.g. 12", where);
    }
    return value;
}

} // namespace

std::vector<grant_applications> read_grant_applications(const csv_table& table, unit in)
{
    const std::size_t period_column = table.column("period");
    const std::size_t applied_column = table.column("ansokningar");
    const std::size_t granted_column = table.column("beviljade");
    const std::size_t applied_amount_column = table.column("ansokt_belopp");
    const std::size_t granted_amount_column = table.column("beviljat_belopp");
    std::vector<grant_applications> periods;
    for (const csv_row& row : table.rows) {
        const std::string& period = row.fields[period_column];
        if (period.empty()) {
            throw parse_error("", 0, "the row has no period", table.where(row, period_column));
        }
        for (std::size_t i = 0; i < periods.size(); ++i) {
            if (periods[i].period == period) {
                throw parse_error(period, 0, "the period is given twice (first on line " +
                                                 std::to_string(table.rows[i].line) + ")",
                                  table.where(row, period_column));
            }
        }
        grant_applications p{
            .period = period,
            .applied = count_of(row.fields[applied_column], table.where(row, applied_column)),
            .granted = count_of(row.fields[granted_column], table.where(row, granted_column)),
            .applied_amount = money::parse(row.fields[applied_amount_column], in, table.where(row, applied_amount_column)),
            .granted_amount = money::parse(row.fields[granted_amount_column], in, table.where(row, granted_amount_column))};
        if (p.applied_amount < money{} || p.granted_amount < money{}) {
            throw domain_error(table.where(row, applied_amount_column) + ": an amount applied for or granted is negative");
        }
        if (p.granted > p.applied) {
            throw domain_error(table.where(row, granted_column) + ": " + std::to_string(p.granted) +
                               " granted of " + std::to_string(p.applied) + " applications");
        }
        if (p.granted_amount > p.applied_amount) {
            throw domain_error(table.where(row, granted_amount_column) + ": " + format_swedish(p.granted_amount) +
                               " granted of " + format_swedish(p.applied_amount) + " applied for");
        }
        periods.push_back(std::move(p));
    }
    return periods;
}

} // namespace ku
