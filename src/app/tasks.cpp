// The workflows shared by the ku tool and the Python module; see ku/app/tasks.hpp.

#include "ku/app/tasks.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>
#include <utility>

#include <gsl/assert>

#include "ku/allocation/apportion.hpp"
#include "ku/core/error.hpp"
#include "ku/io/allocation_io.hpp"
#include "ku/io/balance_io.hpp"
#include "ku/io/json_io.hpp"
#include "ku/io/shares_io.hpp"
#include "ku/io/tables.hpp"
#include "ku/ledger/reorganisation.hpp"
#include "ku/shares/financing.hpp"

namespace ku::app {

namespace {

/// The table of `source`: the file read with `choice` (resolved only then), or the table given.
csv_table read_source(csv_source source, const csv_choice& choice, const input_names& names)
{
    if (const auto* path = std::get_if<std::filesystem::path>(&source)) {
        return read_csv_file(*path, csv_options_of(choice, names));
    }
    return std::get<csv_table>(std::move(source));
}

/// The weights of `members` (codes or names), in their order; `source` names the key file in
/// messages.
std::vector<member_weight> weights_of_members(const std::vector<member_weight>& weights,
                                              const std::vector<std::string>& members, const std::string& source,
                                              std::string_view name, const kommun_catalogue& catalogue)
{
    const std::string option{name};
    std::vector<member_weight> chosen;
    for (const std::string& code_text : members) {
        const bool is_code = std::ranges::all_of(code_text, [](char c) { return c >= '0' && c <= '9'; });
        const kommun_code code = is_code ? kommun_code{code_text, name} : catalogue.identify(code_text, name).code;
        const auto found = std::ranges::find(weights, code, &member_weight::member);
        if (found == weights.end()) {
            throw lookup_error(option + ": kommun " + code_text + " is not in " + source);
        }
        if (std::ranges::find(chosen, code, &member_weight::member) != chosen.end()) {
            throw domain_error(option + ": kommun " + code_text + " appears twice");
        }
        chosen.push_back(*found);
    }
    if (chosen.empty()) {
        throw domain_error(option + ": the member set is empty");
    }
    return chosen;
}

/// The proposal table of the spec at `spec` over `catalogue`, every fee's method replaced by
/// `method` when given.
proposal_table proposal_of(const std::filesystem::path& spec, const kommun_catalogue& catalogue,
                           std::optional<allocation_method> method = std::nullopt)
{
    proposal_spec read = read_proposal_spec(spec, catalogue);
    if (method) {
        for (fee_spec& fee : read.fees) {
            fee.rule.method = *method;
        }
    }
    return build_proposal(read, catalogue);
}

/// Refuses a table to audit that has a header but no rows: auditing it would find nothing.
void require_rows(std::size_t rows, const std::string& source, std::string_view what)
{
    if (rows == 0) {
        throw domain_error(source + ": the " + std::string{what} +
                           " has a header but no rows; there is nothing to audit");
    }
}

} // namespace

csv_options csv_options_of(const csv_choice& choice, const input_names& names)
{
    csv_options options;
    if (choice.separator) {
        options.delimiter = parse_csv_separator(*choice.separator, names.separator);
    }
    if (choice.encoding) {
        options.encoding = parse_csv_encoding(*choice.encoding, names.encoding);
    }
    return options;
}

allocation_result allocate(allocate_request request, const input_names& names)
{
    const kommun_catalogue catalogue = jonkopings_lan();
    const csv_table key_file = read_source(std::move(request.weights), request.csv, names);
    std::vector<member_weight> weights = read_weights(key_file, request.column, catalogue);
    if (request.members) {
        weights = weights_of_members(weights, *request.members, key_file.source, names.members, catalogue);
    }
    return {.allocation = ku::allocate(request.total, weights, request.rule), .catalogue = catalogue};
}

proposal_table proposal(const std::filesystem::path& spec, std::optional<allocation_method> method)
{
    return proposal_of(spec, jonkopings_lan(), method);
}

proposal_comparison compare_proposal(const std::filesystem::path& spec, const std::filesystem::path& published,
                                     const csv_choice& csv, const input_names& names,
                                     std::optional<allocation_method> method)
{
    const kommun_catalogue catalogue = jonkopings_lan();
    proposal_table table = proposal_of(spec, catalogue, method);
    const published_proposal published_table =
        read_published_proposal_file(published, catalogue, unit::kr, csv_options_of(csv, names));
    std::vector<proposal_difference> differences = compare(table, published_table);
    return {.table = std::move(table), .differences = std::move(differences), .catalogue = catalogue};
}

scenario_comparison scenario(const std::filesystem::path& base, const std::filesystem::path& alternative)
{
    const kommun_catalogue catalogue = jonkopings_lan();
    const proposal_table base_table = proposal_of(base, catalogue);
    return compare_scenarios(base_table, proposal_of(alternative, catalogue));
}

balance_audit audit_balance(balance_audit_request request, const input_names& names)
{
    balance_table table = read_balance_table(read_source(std::move(request.table), request.csv, names), request.in);
    require_rows(table.rows.size(), table.source, "balance table");
    std::optional<balance_table> previous;
    if (request.previous) {
        previous = read_balance_table(read_source(std::move(*request.previous), request.csv, names), request.in);
        require_rows(previous->rows.size(), previous->source, "previous balance table");
    }
    std::optional<reorganisation> mapping;
    if (request.mapping) {
        if (!previous) {
            throw domain_error(std::string{names.mapping} + " needs " + std::string{names.previous} +
                               ": a mapping carries last period's balances into this one");
        }
        mapping = read_reorganisation(read_source(std::move(*request.mapping), request.csv, names), request.in,
                                      &*previous);
    }
    std::vector<finding> findings =
        ku::audit_balance(table, previous ? &*previous : nullptr, mapping ? &*mapping : nullptr);
    return {.table = std::move(table), .findings = std::move(findings)};
}

percent_table shares(shares_request request, const input_names& names)
{
    const std::vector<area_funding> areas =
        read_area_funding(read_source(std::move(request.funding), request.csv, names), request.in);
    return to_percent_table(financing_shares(areas), request.decimals);
}

share_audit audit_shares(csv_source table, const csv_choice& csv, const input_names& names)
{
    return audit_shares({.table = std::move(table), .balance = std::nullopt, .names = std::nullopt, .in = unit::tkr, .csv = csv},
                        names);
}

share_audit audit_shares(share_audit_request request, const input_names& names)
{
    published_share_table published = read_published_shares(read_source(std::move(request.table), request.csv, names));
    require_rows(published.rows.size(), published.source, "percent table");
    std::vector<share_finding> findings = ku::audit_shares(published);
    std::optional<share_balance_audit> against_balance;
    if (request.names && !request.balance) {
        throw domain_error(std::string{names.area_names} + " needs " + std::string{names.balance} +
                           ": the names pair the areas of the two tables");
    }
    if (request.balance) {
        const balance_table balance =
            read_balance_table(read_source(std::move(*request.balance), request.csv, names), request.in);
        require_rows(balance.rows.size(), balance.source, "balance table");
        std::vector<area_name_pair> pairs;
        if (request.names) {
            pairs = read_area_name_pairs(read_source(std::move(*request.names), request.csv, names));
        }
        against_balance = audit_shares_against_balance(published, balance, pairs);
    }
    return {.table = std::move(published), .findings = std::move(findings), .against_balance = std::move(against_balance)};
}

std::vector<std::int64_t> allocate_many(std::span<const std::int64_t> totals_ore, std::span<const std::int64_t> weights,
                                        std::span<const std::string> codes, allocation_method method, unit in)
{
    std::vector<std::int64_t> result(weights.size());
    allocate_many(totals_ore, weights, codes, method, in, result);
    return result;
}

void allocate_many(std::span<const std::int64_t> totals_ore, std::span<const std::int64_t> weights,
                   std::span<const std::string> codes, allocation_method method, unit in,
                   std::span<std::int64_t> parts_ore)
{
    Expects(!codes.empty() && weights.size() == totals_ore.size() * codes.size() &&
            parts_ore.size() == weights.size());
    // The rules of allocate: a known kommun, each at most once.
    const kommun_catalogue catalogue = jonkopings_lan();
    std::vector<std::uint64_t> keys;
    for (const std::string& text : codes) {
        const std::string where = "codes[" + text + "]";
        const kommun_code code{text, where};
        (void)catalogue.at(code, where);
        if (std::ranges::find(keys, code.ordinal()) != keys.end()) {
            throw domain_error("allocate_many: kommun " + code.str() + " appears twice");
        }
        keys.push_back(code.ordinal());
    }
    const std::int64_t step = ore_per(in);
    const std::size_t members = codes.size();
    apportion_scratch scratch;
    for (std::size_t i = 0; i < totals_ore.size(); ++i) {
        if (totals_ore[i] == std::numeric_limits<std::int64_t>::min()) {
            throw overflow_error("allocate_many: total " + std::to_string(i) + " is -2^63 öre, beyond what a refund "
                                 "can be split as");
        }
        if (totals_ore[i] % step != 0) {
            throw domain_error("allocate_many: total " + std::to_string(i) + " (" +
                               format_swedish(money::ore(totals_ore[i])) + ") is not a whole number of " +
                               std::string{to_string(in)});
        }
        const std::span<const std::int64_t> row = weights.subspan(i * members, members);
        bool positive = false;
        for (std::size_t j = 0; j < members; ++j) {
            if (row[j] < 0) {
                throw domain_error("allocate_many: weight [" + std::to_string(i) + ", " + codes[j] + "] is negative");
            }
            positive = positive || row[j] > 0;
        }
        if (!positive) {
            throw domain_error("allocate_many: the weights of allocation " + std::to_string(i) + " sum to zero");
        }
        const std::span<std::int64_t> units = parts_ore.subspan(i * members, members);
        (void)apportion(method, totals_ore[i] / step, row, keys, units, scratch);
        if (step != 1) {
            for (std::int64_t& part : units) {
                part = (money::ore(part) * step).in_ore();
            }
        }
    }
}

overhead_result overhead(overhead_request request, const input_names& names)
{
    const kommun_catalogue catalogue = jonkopings_lan();
    const std::vector<member_weight> weights =
        read_weights(read_source(std::move(request.weights), request.csv, names), request.column, catalogue);
    const auto at = [&](rate surcharge) {
        return finance_overhead(request.administration, request.project_grants, surcharge, weights, request.rule);
    };
    std::optional<overhead_financing> at_new_rate;
    if (request.new_surcharge) {
        at_new_rate = at(*request.new_surcharge);
    }
    return {.at_rate = at(request.surcharge), .at_new_rate = std::move(at_new_rate), .catalogue = catalogue};
}

price_conversion prices(prices_request request, const input_names& names)
{
    price_index index =
        read_price_index(read_source(std::move(request.index), request.csv, names), std::move(request.index_name));
    amount_table amounts =
        std::holds_alternative<money>(request.amounts)
            ? amount_table{.label_heading = "Post",
                           .columns = {"Belopp"},
                           .labels = {"Belopp"},
                           .cells = {std::get<money>(request.amounts)}}
            : read_amount_table(read_source(std::move(std::get<csv_source>(request.amounts)), request.csv, names),
                                request.in);
    const auto* plan = std::get_if<budget_plan>(&request.to);
    return convert_table(std::move(amounts), request.from,
                         plan ? std::vector<std::chrono::year>{} : std::vector{std::get<std::chrono::year>(request.to)},
                         plan ? std::optional{*plan} : std::nullopt, std::move(index), request.rounding, request.in);
}

staffing_table staffing(csv_source table, const csv_choice& csv, const input_names& names)
{
    return read_staffing(read_source(std::move(table), csv, names));
}

std::vector<application_indicators> indicators(indicators_request request, const input_names& names)
{
    const std::vector<grant_applications> periods =
        read_grant_applications(read_source(std::move(request.applications), request.csv, names), request.in);
    return indicators_of(periods, request.decimals, request.rounding);
}

staffing_audit audit_staffing(csv_source table, const csv_choice& csv, const input_names& names)
{
    published_staffing_table published = read_published_staffing(read_source(std::move(table), csv, names));
    std::vector<staffing_finding> findings = ku::audit_staffing(published);
    return {.table = std::move(published), .findings = std::move(findings)};
}

indicator_table_audit audit_indicators(csv_source table, const csv_choice& csv, const input_names& names)
{
    published_indicator_table published = read_published_indicators(read_source(std::move(table), csv, names));
    indicator_audit audit = ku::audit_indicators(published);
    return {.table = std::move(published), .audit = std::move(audit)};
}

fee_table_audit audit_fees(fee_audit_request request, const input_names& names)
{
    const kommun_catalogue catalogue = jonkopings_lan();
    const csv_table table = read_source(std::move(request.table), request.csv, names);
    published_proposal published = read_published_proposal(table, catalogue, request.in);
    std::vector<allocation_key> keys;
    if (request.keys) {
        keys = read_keys(read_source(std::move(*request.keys), request.csv, names), catalogue);
    }
    fee_audit audit = audit_fee_table(published, keys, request.in);
    return {.source = table.source, .table = std::move(published), .audit = std::move(audit), .in = request.in,
            .catalogue = catalogue};
}

std::vector<area_charge> management(management_request request, const input_names& names)
{
    const std::vector<area_amount> outcomes = read_area_outcomes(read_source(std::move(request.areas), request.csv, names), request.in);
    return finance_from_areas(request.cost, outcomes, request.in);
}

period_report_result build_report(const report_request& request)
{
    const dataset_file dataset = read_period_dataset(request.dataset);
    std::optional<dataset_file> previous;
    if (request.previous) {
        previous = read_period_dataset(*request.previous);
    }
    period_report_result result{
        .title = dataset.title,
        .tables = build_period_report(dataset.figures, previous ? &previous->figures : nullptr, request.options),
        .staffing = std::nullopt,
        .indicators = {}};
    if (dataset.staffing) {
        result.staffing = read_staffing(read_csv_file(*dataset.staffing));
    }
    if (dataset.applications) {
        result.indicators = indicators_of(read_grant_applications(read_csv_file(*dataset.applications), unit::kr),
                                          request.options.decimals, rounding_mode::half_up);
    }
    return result;
}

report report_of(const allocation_result& result) { return to_report(result.allocation, result.catalogue); }
report report_of(const proposal_table& result) { return to_report(result); }
report report_of(const proposal_comparison& result) { return to_report(result.differences, result.catalogue); }
report report_of(const scenario_comparison& result) { return to_report(result); }
report report_of(const balance_audit& result) { return to_report(result.table, result.findings); }
report report_of(const percent_table& result) { return to_report(result); }
report report_of(const share_audit& result)
{
    if (!result.against_balance) {
        return to_report(result.table, result.findings);
    }
    return to_report(result.table, result.findings, *result.against_balance);
}
report report_of(const overhead_result& result)
{
    return to_report(result.at_rate, result.at_new_rate, result.catalogue);
}
report report_of(const price_conversion& result) { return to_report(result); }
report report_of(const staffing_table& result) { return to_report(result); }
report report_of(const std::vector<application_indicators>& result) { return to_report(result); }
report report_of(const std::vector<area_charge>& result) { return to_report(result); }
report report_of(const staffing_audit& result) { return to_report(result.table, result.findings); }

report report_of(const indicator_table_audit& result) { return to_report(result.table, result.audit); }
report report_of(const fee_table_audit& result)
{
    return to_report(result.table, result.audit, result.catalogue, result.source, result.in);
}
report report_of(const period_report_result& result)
{
    report whole = to_report(result.tables, result.title);
    const auto append = [&](report part) { std::ranges::move(part.sheets, std::back_inserter(whole.sheets)); };
    if (result.staffing) {
        append(to_report(*result.staffing));
    }
    if (!result.indicators.empty()) {
        append(to_report(result.indicators));
    }
    return whole;
}

std::string json_of(const allocation_result& result) { return allocation_as_json(result.allocation, result.catalogue); }
std::string json_of(const proposal_table& result) { return proposal_as_json(result); }
std::string json_of(const proposal_comparison& result)
{
    return differences_as_json(result.differences, result.catalogue);
}
std::string json_of(const scenario_comparison& result) { return scenario_as_json(result); }
std::string json_of(const balance_audit& result) { return findings_as_json(result.findings); }
std::string json_of(const percent_table& result) { return percent_table_as_json(result); }
std::string json_of(const share_audit& result)
{
    if (!result.against_balance) {
        return share_findings_as_json(result.findings);
    }
    std::vector<share_finding> findings = result.findings;
    findings.insert(findings.end(), result.against_balance->findings.begin(), result.against_balance->findings.end());
    return share_findings_as_json(findings, to_string(result.against_balance->base));
}

} // namespace ku::app
