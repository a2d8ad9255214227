// A period's dataset from TOML: per area its figures and sources, ledning och stab, and the
// reorganisation from the previous period.

#include "ku/io/dataset_io.hpp"

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include <toml++/toml.h>

#include "toml_fields.hpp"

namespace ku {

namespace {

using namespace detail::toml_fields;

/// The fields of an area table, and what they set.
constexpr std::array area_amount_fields{
    std::pair{std::string_view{"budget_forbrukning"}, &area_figures::budget_forbrukning},
    std::pair{std::string_view{"utfall_forbrukning"}, &area_figures::utfall_forbrukning},
    std::pair{std::string_view{"utbetalt_till_kommuner"}, &area_figures::utbetalt_till_kommuner},
    std::pair{std::string_view{"overforda_medel"}, &area_figures::overforda_medel},
    std::pair{std::string_view{"varav_statliga_medel"}, &area_figures::varav_statliga_medel},
};

std::string where_in(const std::filesystem::path& path, const toml::node& node)
{
    return path.string() + ":" + std::to_string(node.source().begin.line) + ":" +
           std::to_string(node.source().begin.column);
}

const toml::table& require_table(const std::filesystem::path& path, const toml::node& node, std::string_view field)
{
    if (const auto* table = node.as_table()) {
        return *table;
    }
    bad_field(path, node, field, "expected a table");
}

/// `erhallna`: { kommunerna = { grundavgift = 100 }, staten = { ... }, ovriga = { ... } }.
std::vector<source_amount> read_sources(const std::filesystem::path& path, const toml::node& node,
                                        const std::string& prefix, unit in)
{
    std::vector<source_amount> sources;
    for (const auto& [kind_name, by_source] : require_table(path, node, prefix)) {
        const std::string kind_field = prefix + "." + std::string{kind_name.str()};
        const funding_kind kind = parse_funding_kind(kind_name.str(), where_of(path, by_source, kind_field));
        for (const auto& [source_name, amount] : require_table(path, by_source, kind_field)) {
            const std::string field = kind_field + "." + std::string{source_name.str()};
            if (source_name.str().empty()) {
                bad_field(path, amount, field, "a sub-source has a name");
            }
            sources.push_back({.source = {kind, std::string{source_name.str()}},
                               .amount = read_amount(path, amount, field, in)});
        }
    }
    return sources;
}

area_figures read_area(const std::filesystem::path& path, const toml::table& table, const std::string& prefix,
                       unit in, std::initializer_list<std::string_view> more_fields)
{
    const toml::node* name = table.get("namn");
    if (name == nullptr) {
        throw parse_error("", 0, "the area has no namn", where_of(path, table, prefix));
    }
    area_figures figures{
        .area = partnerskap::parse(require_string(path, *name, prefix + ".namn"), where_of(path, *name, prefix + ".namn")),
        .group = std::nullopt,
        .ingaende_balans = std::nullopt,
        .erhallna = {},
        .budget_forbrukning = {},
        .utfall_forbrukning = {},
        .utbetalt_till_kommuner = {},
        .overforda_medel = {},
        .varav_statliga_medel = {},
        .where = where_in(path, table)};
    bool has_outcome = false;
    for (const auto& [key, value] : table) {
        const std::string_view field = key.str();
        const std::string located = prefix + "." + std::string{field};
        if (field == "namn") {
            continue;
        }
        if (field == "grupp") {
            figures.group = require_string(path, value, located);
            if (figures.group->empty()) {
                bad_field(path, value, located, "a group has a name");
            }
        } else if (field == "ingaende_balans") {
            figures.ingaende_balans = read_amount(path, value, located, in);
        } else if (field == "erhallna") {
            figures.erhallna = read_sources(path, value, located, in);
        } else if (const auto* amount = std::ranges::find(area_amount_fields, field, &decltype(area_amount_fields)::value_type::first);
                   amount != area_amount_fields.end()) {
            figures.*(amount->second) = read_amount(path, value, located, in);
            has_outcome = has_outcome || field == "utfall_forbrukning";
        } else if (std::ranges::find(more_fields, field) == more_fields.end()) {
            bad_field(path, value, located, "unknown field");
        }
    }
    if (!has_outcome) {
        throw parse_error("", 0,
                          "area \"" + figures.area.name() + "\" has no utfall_forbrukning" +
                              (figures.erhallna.empty() ? std::string{} : ", though sources brought it money") +
                              "; write 0 when it spent nothing",
                          where_of(path, table, prefix));
    }
    return figures;
}

reorganisation_rule read_rule(const std::filesystem::path& path, const toml::table& table, const std::string& prefix,
                              unit in)
{
    const toml::node* from = table.get("fran");
    if (from == nullptr) {
        throw parse_error("", 0, "the rule has no fran (the area of the previous period)", where_of(path, table, prefix));
    }
    reorganisation_rule rule{.from = partnerskap::parse(require_string(path, *from, prefix + ".fran"),
                                                        where_of(path, *from, prefix + ".fran")),
                             .to = std::nullopt,
                             .part = ratio{1, 1}};
    const toml::node* share = table.get("andel");
    const toml::node* amount = table.get("belopp");
    if (share != nullptr && amount != nullptr) {
        bad_field(path, *amount, prefix + ".belopp", "a rule moves a share (andel) or an amount (belopp), not both");
    }
    for (const auto& [key, value] : table) {
        const std::string_view field = key.str();
        const std::string located = prefix + "." + std::string{field};
        if (field == "till") {
            rule.to = partnerskap::parse(require_string(path, value, located), where_of(path, value, located));
        } else if (field == "andel") {
            rule.part = ratio::parse(require_string(path, value, located), where_of(path, value, located));
        } else if (field == "belopp") {
            rule.part = read_amount(path, value, located, in);
        } else if (field != "fran") {
            bad_field(path, value, located, "unknown field");
        }
    }
    return rule;
}

template <class Each>
void for_each_table(const std::filesystem::path& path, const toml::node& node, std::string_view field, Each each)
{
    const auto* array = node.as_array();
    if (array == nullptr) {
        bad_field(path, node, field, "expected [[" + std::string{field} + "]] tables");
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string prefix = std::string{field} + "[" + std::to_string(i + 1) + "]";
        each(require_table(path, *array->get(i), prefix), prefix);
    }
}

} // namespace

dataset_file read_period_dataset(const std::filesystem::path& path)
{
    const toml::table document = parse_file(path);
    dataset_file file;
    file.figures.source = path.string();
    unit in = unit::kr;
    if (const toml::node* given = document.get("unit")) {
        in = parse_unit(require_string(path, *given, "unit"), where_of(path, *given, "unit"));
    }
    file.figures.unit = in;
    const toml::node* period = document.get("period");
    if (period == nullptr) {
        throw parse_error("", 0, "the dataset has no period, e.g. period = \"bokslut 2023-12-31\"", path.string());
    }
    file.figures.period = ku::period::parse(require_string(path, *period, "period"), where_of(path, *period, "period"));
    std::vector<reorganisation_rule> rules;
    for (const auto& [key, value] : document) {
        const std::string_view field = key.str();
        if (field == "title") {
            file.title = require_string(path, value, field);
        } else if (field == "bemanning") {
            file.staffing = path.parent_path() / require_string(path, value, field);
        } else if (field == "ansokningar") {
            file.applications = path.parent_path() / require_string(path, value, field);
        } else if (field == "omrade") {
            for_each_table(path, value, field, [&](const toml::table& table, const std::string& prefix) {
                file.figures.areas.push_back(read_area(path, table, prefix, in, {}));
            });
        } else if (field == "ledning") {
            const toml::table& table = require_table(path, value, field);
            management_figures management{.own = read_area(path, table, "ledning", in, {"finansieras_av", "fran_omradena"}),
                                          .financed_by = {},
                                          .from_areas = {},
                                          .where_financed_by = {}};
            if (const toml::node* list = table.get("finansieras_av")) {
                management.where_financed_by = where_in(path, *list);
                const auto* array = list->as_array();
                if (array == nullptr) {
                    bad_field(path, *list, "ledning.finansieras_av", "expected a list of area names");
                }
                for (const toml::node& item : *array) {
                    management.financed_by.push_back(partnerskap::parse(
                        require_string(path, item, "ledning.finansieras_av"), where_of(path, item, "ledning.finansieras_av")));
                }
            }
            if (const toml::node* amount = table.get("fran_omradena")) {
                management.from_areas = read_amount(path, *amount, "ledning.fran_omradena", in);
            }
            file.figures.management = std::move(management);
        } else if (field == "omorganisation") {
            for_each_table(path, value, field, [&](const toml::table& table, const std::string& prefix) {
                rules.push_back(read_rule(path, table, prefix, in));
            });
        } else if (field != "unit" && field != "period") {
            bad_field(path, value, field, "unknown field");
        }
    }
    if (file.figures.areas.empty()) {
        throw parse_error("", 0, "the dataset has no [[omrade]]", path.string());
    }
    file.figures.from_previous = reorganisation{std::move(rules)};
    if (file.title.empty()) {
        file.title = "Kommunal utveckling, " + file.figures.period.label();
    }
    return file;
}

} // namespace ku
