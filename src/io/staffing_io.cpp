// Staffing from CSV: årsarbetare by form of employment and financing.

#include "ku/io/staffing_io.hpp"

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

} // namespace ku
