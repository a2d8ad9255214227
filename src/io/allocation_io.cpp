// Reading weights, proposal specs (TOML) and published proposals (CSV, or ku's own JSON).

#include "ku/io/allocation_io.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <system_error>

#include <toml++/toml.h>

#include "csv_headings.hpp"
#include "ku/core/detail/entities.hpp"
#include "ku/io/json_io.hpp"
#include "toml_fields.hpp"

namespace ku {

namespace {

namespace headings = detail::csv_headings;

/// The columns that name a file's kommuner: a column of codes, of names, or both.
struct kommun_columns {
    std::optional<std::size_t> code; ///< SCB codes (or names)
    std::optional<std::size_t> name; ///< names (or, without a code column, codes)
};

/// The kommun columns of `table`; none is a ku::lookup_error listing the accepted headings
/// (asking about the separator, as for a column `usual`, when the header is one column).
kommun_columns kommun_columns_of(const csv_table& table, std::string_view usual)
{
    const kommun_columns found{.code = table.find_column(headings::kommun_code),
                               .name = table.find_column(headings::kommun_name)};
    if (!found.code && !found.name) {
        const bool wrong_separator = table.header.size() == 1 && table.header.front().find_first_of(",;") != std::string::npos;
        if (wrong_separator) {
            (void)table.column(usual); // throws, asking whether the separator is right
        }
        std::string columns;
        for (const std::string& h : table.header) {
            columns += (columns.empty() ? "" : ", ") + h;
        }
        throw lookup_error(table.source + ": no column of kommuner (the columns are " + columns +
                           "; accepted headings: " + accepted_headings(headings::kommun_code) + " for codes, " +
                           accepted_headings(headings::kommun_name) + " for names)");
    }
    return found;
}

/// The kommun of `row`: by its code (checked against its name when the file has both), or by
/// the name or code in the name column.
kommun kommun_of(const csv_table& table, const csv_row& row, const kommun_columns& columns,
                 const kommun_catalogue& catalogue)
{
    if (!columns.code) {
        return catalogue.identify(row.fields[*columns.name], table.where(row, *columns.name));
    }
    const kommun coded = catalogue.identify(row.fields[*columns.code], table.where(row, *columns.code));
    if (columns.name) {
        const std::string& name = row.fields[*columns.name];
        if (!name.empty() && !detail::entities_impl::names_kommun(name, coded.name) && name != coded.code.str()) {
            throw parse_error(name, 0, "the kommun with code " + coded.code.str() + " is " + std::string{coded.name},
                              table.where(row, *columns.name));
        }
    }
    return coded;
}

/// The key file's column `column`: by its heading (exactly, else in any case), or, when `column`
/// is a population heading (Invånare, Befolkning, ...), the file's population column.
std::size_t weight_column(const csv_table& table, std::string_view column)
{
    if (const auto found = table.find_column(column)) {
        return *found;
    }
    if (heading_matches(column, headings::population)) {
        if (const auto found = table.find_column(headings::population)) {
            return *found;
        }
    }
    return table.column(column); // throws, naming the columns
}

} // namespace

std::vector<member_weight> read_weights(const csv_table& table, std::string_view column,
                                        const kommun_catalogue& catalogue)
{
    const kommun_columns kommuner = kommun_columns_of(table, "code");
    const std::size_t weight_index = weight_column(table, column);
    const std::size_t label = kommuner.code ? *kommuner.code : *kommuner.name;
    std::vector<member_weight> weights;
    weights.reserve(table.rows.size());
    for (const csv_row& row : table.rows) {
        const kommun_code code = kommun_of(table, row, kommuner, catalogue).code;
        if (std::ranges::find(weights, code, &member_weight::member) != weights.end()) {
            throw domain_error(table.where(row, label) + ": kommun " + code.str() + " appears twice");
        }
        weights.push_back({code, weight::parse(row.fields[weight_index], table.where(row, weight_index))});
    }
    if (weights.empty()) {
        throw domain_error(table.source + ": no rows of weights");
    }
    return weights;
}

namespace {

using namespace detail::toml_fields;

std::vector<kommun_code> read_codes(const std::filesystem::path& path, const toml::node& node,
                                    std::string_view field, const kommun_catalogue& catalogue)
{
    const auto* array = node.as_array();
    if (array == nullptr) {
        bad_field(path, node, field, "expected a list of kommuner, e.g. [\"0604\", \"Eksjö\"]");
    }
    std::vector<kommun_code> codes;
    for (const toml::node& item : *array) {
        codes.push_back(catalogue.identify(require_string(path, item, field), where_of(path, item, field)).code);
    }
    return codes;
}

/// A key of a spec and the file and column it was read from, for messages.
struct read_key_result {
    allocation_key key;
    std::string file; ///< the key file's full path
    std::string column; ///< the weight column
};

read_key_result read_key(const std::filesystem::path& spec_path, std::string name, const toml::node& node,
                         const kommun_catalogue& catalogue)
{
    const std::string field = "keys." + name;
    const auto* table = node.as_table();
    if (table == nullptr || !table->contains("file") || !table->contains("column")) {
        bad_field(spec_path, node, field, "a key is { file = \"keys.csv\", column = \"key_a\" }");
    }
    const std::filesystem::path file =
        spec_path.parent_path() / require_string(spec_path, *table->get("file"), field + ".file");
    const std::string column = require_string(spec_path, *table->get("column"), field + ".column");
    std::error_code ignored;
    const std::filesystem::path full = std::filesystem::absolute(file, ignored).lexically_normal();
    return {.key = allocation_key{std::move(name), read_weights(read_csv_file(file), column, catalogue)},
            .file = full.empty() ? file.string() : full.string(),
            .column = column};
}

/// Refuses a fee whose key has no weight for one of its members (every kommun of the catalogue
/// when the fee lists none): the fee would silently be split among the others.
void check_key_covers_fee(const std::filesystem::path& path, const toml::node& fee_node, std::size_t index,
                          const fee_spec& fee, const read_key_result& key, const kommun_catalogue& catalogue)
{
    std::vector<kommun_code> members;
    if (fee.members) {
        members = *fee.members;
    } else {
        for (const kommun& k : catalogue.all()) {
            members.push_back(k.code);
        }
    }
    std::string missing;
    std::string codes;
    std::size_t count = 0;
    for (const kommun_code code : members) {
        if (std::ranges::find(key.key.weights, code, &member_weight::member) == key.key.weights.end()) {
            missing += (missing.empty() ? "" : ", ") + catalogue.name_or_code(code) + " (" + code.str() + ")";
            codes += (codes.empty() ? "\"" : ", \"") + code.str() + "\"";
            ++count;
        }
    }
    if (count == 0) {
        return;
    }
    const std::string whom = fee.members ? (count == 1 ? "its member " : std::to_string(count) + " of its members: ")
                                         : (count == 1 ? "kommun " : std::to_string(count) + " kommuner: ");
    const std::string advice =
        fee.members ? "; take " + std::string{count == 1 ? "it" : "them"} + " out of the fee's members or add " +
                          std::string{count == 1 ? "it" : "them"} + " to the key file"
                    : "; a fee splits among every kommun unless it names its members: give it members = [...] or "
                      "members_except = [" + codes + "], or add " + std::string{count == 1 ? "it" : "them"} +
                          " to the key file";
    throw lookup_error(where_of(path, fee_node, "fees[" + std::to_string(index + 1) + "]") + ": " +
              "fee \"" + fee.name + "\" is split by key " + key.key.name + ", but " + key.file + " (column " +
                  key.column + ") has no weight for " + whom + missing +
                  advice);
}

fee_spec read_fee(const std::filesystem::path& path, const toml::table& fee_table, std::size_t index,
                  const allocation_rule& defaults, const kommun_catalogue& catalogue)
{
    const std::string prefix = "fees[" + std::to_string(index + 1) + "]";
    static constexpr std::string_view known_fields[] = {
        "name", "total", "per_capita", "per_capita_rounding", "fraction_of", "fraction", "key", "members",
        "members_except", "fixed_per_member", "supplements", "method", "unit", "in_row_sum"};
    for (const auto& [field_name, value] : fee_table) {
        if (std::ranges::find(known_fields, field_name.str()) == std::end(known_fields)) {
            bad_field(path, value, prefix + "." + std::string{field_name.str()}, "unknown field");
        }
    }
    const auto field = [&](std::string_view name) { return prefix + "." + std::string{name}; };
    const auto node = [&](std::string_view name) -> const toml::node* { return fee_table.get(name); };

    fee_spec fee;
    fee.rule = defaults;
    if (!node("name")) {
        throw parse_error("", 0, "a fee needs a name", path.string() + " (" + prefix + ")");
    }
    fee.name = require_string(path, *node("name"), field("name"));
    if (const auto* n = node("method")) {
        fee.rule.method = parse_allocation_method(require_string(path, *n, field("method")), where_of(path, *n, field("method")));
    }
    if (const auto* n = node("unit")) {
        fee.rule.unit = parse_unit(require_string(path, *n, field("unit")), where_of(path, *n, field("unit")));
    }
    if (const auto* n = node("in_row_sum")) {
        if (!n->is_boolean()) {
            bad_field(path, *n, field("in_row_sum"), "expected true or false");
        }
        fee.in_row_sum = n->as_boolean()->get();
    }
    const int kinds = (node("total") ? 1 : 0) + (node("per_capita") ? 1 : 0) + (node("fraction_of") ? 1 : 0);
    if (kinds != 1) {
        throw parse_error("", 0, "a fee has exactly one of total, per_capita or fraction_of",
                          path.string() + " (" + prefix + " \"" + fee.name + "\")");
    }
    if (!node("fraction_of")) {
        if (const auto* n = node("fraction")) {
            bad_field(path, *n, field("fraction"), "fraction is read only with fraction_of; this fee has its own " +
                                                       std::string{node("total") ? "total" : "per_capita"});
        }
    } else if (const auto* n = node("key")) {
        bad_field(path, *n, field("key"), "a fee with fraction_of is split member by member like its base, not by a key");
    }
    if (!node("per_capita")) {
        if (const auto* n = node("per_capita_rounding")) {
            bad_field(path, *n, field("per_capita_rounding"), "per_capita_rounding is read only with per_capita");
        }
    }
    if (const auto* total = node("total")) {
        fee.amount = fee_spec::by_total{read_amount(path, *total, field("total"), unit::kr)};
    } else if (const auto* rate_node = node("per_capita")) {
        fee_spec::by_per_capita by{read_amount(path, *rate_node, field("per_capita"), unit::kr), rounding_mode::half_up};
        if (const auto* r = node("per_capita_rounding")) {
            by.rounding = parse_rounding_mode(require_string(path, *r, field("per_capita_rounding")),
                                              where_of(path, *r, field("per_capita_rounding")));
        }
        fee.amount = by;
    } else {
        const auto* of = node("fraction_of");
        const auto* fraction = node("fraction");
        if (fraction == nullptr) {
            bad_field(path, *of, field("fraction"), "a fee with fraction_of needs a fraction, e.g. \"10 %\"");
        }
        fee.amount = fee_spec::by_fraction{require_string(path, *of, field("fraction_of")),
                                           ratio::parse(require_string(path, *fraction, field("fraction")),
                                                        where_of(path, *fraction, field("fraction")))};
    }
    if (!std::holds_alternative<fee_spec::by_fraction>(fee.amount)) {
        if (!node("key")) {
            throw parse_error("", 0, "the fee needs a key", path.string() + " (" + prefix + " \"" + fee.name + "\")");
        }
        fee.key = require_string(path, *node("key"), field("key"));
    }
    if (node("members") && node("members_except")) {
        bad_field(path, *node("members_except"), field("members_except"), "give members or members_except, not both");
    }
    if (const auto* n = node("members")) {
        fee.members = read_codes(path, *n, field("members"), catalogue);
        if (fee.members->empty()) {
            bad_field(path, *n, field("members"), "the member set is empty");
        }
    }
    if (const auto* n = node("members_except")) {
        // Every kommun of the catalogue but these; the key must have a weight for each of them.
        const std::vector<kommun_code> except = read_codes(path, *n, field("members_except"), catalogue);
        std::vector<kommun_code> members;
        for (const kommun& k : catalogue.all()) {
            if (std::ranges::find(except, k.code) == except.end()) {
                members.push_back(k.code);
            }
        }
        fee.members = std::move(members);
    }
    if (const auto* n = node("fixed_per_member")) {
        fee.fixed_per_member = read_amount(path, *n, field("fixed_per_member"), unit::kr);
    }
    if (const auto* n = node("supplements")) {
        const auto* table = n->as_table();
        if (table == nullptr) {
            bad_field(path, *n, field("supplements"), "expected { \"0662\" = \"17 136\", ... }");
        }
        for (const auto& [code_text, amount] : *table) {
            const kommun_code code = catalogue.identify(code_text.str(), where_of(path, amount, field("supplements"))).code;
            fee.supplements.push_back({code, read_amount(path, amount, field("supplements." + std::string{code_text.str()}), unit::kr)});
        }
    }
    return fee;
}

} // namespace

proposal_spec read_proposal_spec(const std::filesystem::path& path, const kommun_catalogue& catalogue)
{
    const toml::table document = parse_file(path);
    proposal_spec spec;
    allocation_rule defaults;
    for (const auto& [name, value] : document) {
        const std::string_view field = name.str();
        if (field == "title") {
            spec.title = require_string(path, value, "title");
        } else if (field == "method") {
            defaults.method = parse_allocation_method(require_string(path, value, "method"), where_of(path, value, "method"));
        } else if (field == "unit") {
            defaults.unit = parse_unit(require_string(path, value, "unit"), where_of(path, value, "unit"));
        } else if (field != "keys" && field != "fees") {
            bad_field(path, value, field, "unknown field");
        }
    }
    const auto* keys = document.get_as<toml::table>("keys");
    if (keys == nullptr) {
        throw parse_error("", 0, "the spec has no [keys] table", path.string());
    }
    std::vector<read_key_result> key_files;
    for (const auto& [name, value] : *keys) {
        key_files.push_back(read_key(path, std::string{name.str()}, value, catalogue));
        spec.keys.push_back(key_files.back().key);
    }
    const auto* fees = document.get_as<toml::array>("fees");
    if (fees == nullptr || fees->empty()) {
        throw parse_error("", 0, "the spec has no [[fees]]", path.string());
    }
    for (std::size_t i = 0; i < fees->size(); ++i) {
        const auto* fee = fees->get(i)->as_table();
        if (fee == nullptr) {
            bad_field(path, *fees->get(i), "fees[" + std::to_string(i + 1) + "]", "expected a table");
        }
        spec.fees.push_back(read_fee(path, *fee, i, defaults, catalogue));
        const fee_spec& read = spec.fees.back();
        if (read.key.empty()) {
            continue;
        }
        const auto key = std::ranges::find(key_files, read.key, [](const read_key_result& k) { return k.key.name; });
        if (key != key_files.end()) { // build_proposal names an unknown key
            check_key_covers_fee(path, *fee, i, read, *key, catalogue);
        }
    }
    return spec;
}

published_proposal read_published_proposal(const csv_table& table, const kommun_catalogue& catalogue, unit in)
{
    const kommun_columns kommuner = kommun_columns_of(table, "Kommun");
    const auto code_column = kommuner.code;
    const auto name_column = kommuner.name;
    const auto summa_column = table.find_column(headings::row_sum);
    const auto is_fee = [&](std::size_t c) { return c != code_column && c != name_column && c != summa_column; };
    published_proposal published;
    std::vector<std::size_t> fee_columns;
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        if (is_fee(c)) {
            fee_columns.push_back(c);
            published.fees.push_back(table.header[c]);
        }
    }
    if (fee_columns.empty()) {
        throw lookup_error(table.source + ":1: the table has no fee columns beside Kommun and Summa");
    }
    const auto amount = [&](const csv_row& row, std::optional<std::size_t> c) -> std::optional<money> {
        if (!c || row.fields[*c].empty()) {
            return std::nullopt;
        }
        return money::parse(row.fields[*c], in, table.where(row, *c));
    };
    const std::size_t label_column = name_column ? *name_column : *code_column;
    bool summa_seen = false;
    for (const csv_row& row : table.rows) {
        if (row.fields[label_column] == "Summa") {
            if (summa_seen) {
                throw parse_error("Summa", 0, "a second Summa row", table.where(row, label_column));
            }
            summa_seen = true;
            for (const std::size_t c : fee_columns) {
                published.fee_totals.push_back(amount(row, c));
            }
            published.grand_total = amount(row, summa_column);
            continue;
        }
        if (summa_seen) {
            throw parse_error(row.fields[label_column], 0, "a kommun row after the Summa row",
                              table.where(row, label_column));
        }
        const kommun k = kommun_of(table, row, kommuner, catalogue);
        if (std::ranges::find(published.kommuner, k.code) != published.kommuner.end()) {
            throw domain_error(table.where(row, label_column) + ": kommun " + std::string{k.name} + " (" + k.code.str() +
                               ") appears twice");
        }
        published.kommuner.push_back(k.code);
        std::vector<std::optional<money>> cells;
        for (const std::size_t c : fee_columns) {
            cells.push_back(amount(row, c));
        }
        published.cells.push_back(std::move(cells));
        published.row_totals.push_back(amount(row, summa_column));
    }
    if (!summa_seen) {
        published.fee_totals.assign(fee_columns.size(), std::nullopt);
    }
    return published;
}

std::vector<allocation_key> read_keys(const csv_table& table, const kommun_catalogue& catalogue)
{
    std::vector<allocation_key> keys;
    for (const std::string& column : table.header) {
        if (!heading_matches(column, headings::kommun_code) && !heading_matches(column, headings::kommun_name)) {
            keys.push_back({column, read_weights(table, column, catalogue)});
        }
    }
    if (keys.empty()) {
        throw lookup_error(table.source + ":1: no key columns beside the kommun's code and name");
    }
    return keys;
}

published_proposal read_published_proposal_file(const std::filesystem::path& path, const kommun_catalogue& catalogue,
                                                unit in, const csv_options& options)
{
    if (path.extension() == ".json") {
        return read_proposal_json(read_json_file(path), path.string(), catalogue);
    }
    return read_published_proposal(read_csv_file(path, options), catalogue, in);
}

} // namespace ku
