// Reports as Markdown tables, rendered from the same sheets as CSV and .xlsx.

#include "ku/io/markdown.hpp"

#include <vector>

#include "sheet.hpp"
#include "tables.hpp"

namespace ku {

std::string allocation_as_markdown(const allocation& result, const kommun_catalogue& catalogue)
{
    const std::vector<detail::sheet> sheets{detail::allocation_sheet(result, catalogue)};
    return detail::render_markdown(sheets);
}

std::string proposal_as_markdown(const proposal_table& table)
{
    return detail::render_markdown(detail::proposal_sheets(table));
}

std::string differences_as_markdown(std::span<const proposal_difference> differences,
                                    const kommun_catalogue& catalogue)
{
    const std::vector<detail::sheet> sheets{detail::differences_sheet(differences, catalogue)};
    return detail::render_markdown(sheets);
}

std::string scenario_as_markdown(const scenario_comparison& comparison)
{
    return detail::render_markdown(detail::scenario_sheets(comparison));
}

std::string percent_table_as_markdown(const percent_table& table)
{
    const std::vector<detail::sheet> sheets{detail::percent_sheet(table)};
    return detail::render_markdown(sheets);
}

std::string balance_as_markdown(const balance_table& table, std::span<const finding> findings)
{
    return detail::render_markdown(detail::balance_sheets(table, findings));
}

std::string share_audit_as_markdown(const published_share_table& table, std::span<const share_finding> findings)
{
    return detail::render_markdown(detail::share_audit_sheets(table, findings));
}

} // namespace ku
