// Lookups and validation of the typed entities: kommuner, funding sources, population tables,
// partnerskap.

#include <algorithm>
#include <string>

#include "ku/core/funding.hpp"
#include "ku/core/kommun.hpp"
#include "ku/core/partnerskap.hpp"
#include "ku/core/population.hpp"

namespace ku {

namespace {
std::string in(std::string_view where)
{
    return where.empty() ? std::string{} : " (" + std::string{where} + ")";
}
} // namespace

kommun kommun_catalogue::at(kommun_code code, std::string_view where) const
{
    if (const auto found = find(code)) {
        return *found;
    }
    throw lookup_error("unknown kommun code " + code.str() + in(where));
}

kommun kommun_catalogue::at(std::string_view name, std::string_view where) const
{
    if (const auto found = find(name)) {
        return *found;
    }
    throw lookup_error("unknown kommun \"" + std::string{name} + "\"" + in(where));
}

funding_kind parse_funding_kind(std::string_view text, std::string_view where)
{
    if (text == "kommunerna") {
        return funding_kind::kommunerna;
    }
    if (text == "staten") {
        return funding_kind::staten;
    }
    if (text == "övriga" || text == "ovriga") {
        return funding_kind::ovriga;
    }
    throw lookup_error("unknown funding source \"" + std::string{text} + "\"" + in(where) +
                       ": expected kommunerna, staten or övriga");
}

funding_source known_funding_source(std::string_view name, std::string_view where)
{
    const auto* found = std::ranges::find(known_funding_sources, name,
                                          &std::pair<funding_kind, std::string_view>::second);
    if (found == known_funding_sources.end()) {
        throw lookup_error("unknown funding sub-source \"" + std::string{name} + "\"" + in(where));
    }
    return funding_source{found->first, std::string{found->second}};
}

population_table::population_table(std::string name,
                                   std::optional<std::chrono::year_month_day> date,
                                   std::vector<entry> counts)
    : name_{std::move(name)}, date_{date}, counts_{std::move(counts)}
{
    std::vector<kommun_code> codes;
    codes.reserve(counts_.size());
    for (const auto& [code, count] : counts_) {
        codes.push_back(code);
    }
    std::ranges::sort(codes);
    if (const auto twice = std::ranges::adjacent_find(codes); twice != codes.end()) {
        throw domain_error("population table \"" + name_ + "\": kommun " + twice->str() +
                           " appears twice");
    }
}

population population_table::at(kommun_code code) const
{
    const auto found = std::ranges::find(counts_, code, &entry::first);
    if (found == counts_.end()) {
        throw lookup_error("population table \"" + name_ + "\" has no count for kommun " +
                           code.str());
    }
    return found->second;
}

population population_table::total() const
{
    population total;
    for (const auto& [code, count] : counts_) {
        total = total + count;
    }
    return total;
}

partnerskap::partnerskap(std::string id, std::string name) : id_{std::move(id)}, name_{std::move(name)}
{
    const auto padded = [](const std::string& s) {
        return s.empty() || s.front() == ' ' || s.back() == ' ';
    };
    if (padded(id_) || padded(name_)) {
        throw domain_error("partnerskap: the id \"" + id_ + "\" and the name \"" + name_ +
                           "\" must be non-empty without surrounding spaces");
    }
}

} // namespace ku
