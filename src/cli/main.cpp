// The ku command-line tool: allocations and proposal tables from files.
// Exit status: 0 success, 1 differences or findings (proposal --compare, audit), 2 bad input.

#include <cstdio>
#include <exception>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ku/ku.hpp"
#include "ku/io/allocation_io.hpp"
#include "ku/io/balance_io.hpp"
#include "ku/io/shares_io.hpp"
#include "ku/allocation/scenario.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/report.hpp"

namespace {

constexpr int exit_ok = 0;
constexpr int exit_differences = 1;
constexpr int exit_bad_input = 2;

/// What a command produced: the text for standard output and the exit status. Commands build
/// their whole output before anything is printed, so a failure prints no partial result.
struct outcome {
    std::string output;
    int status = exit_ok;
};

struct allocate_options {
    std::string total;
    std::string weights_file;
    std::string column;
    std::string members;
    std::string method = "largest-remainder";
    std::string unit = "kr";
    bool json = false;
};

outcome run_allocate(const allocate_options& options)
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    const ku::unit in = ku::parse_unit(options.unit, "--unit");
    const ku::allocation_rule rule{ku::parse_allocation_method(options.method, "--method"), in};
    const ku::money total = ku::money::parse(options.total, ku::unit::kr, "--total");
    std::vector<ku::member_weight> weights =
        ku::read_weights(ku::read_csv_file(options.weights_file), options.column, catalogue);
    if (!options.members.empty()) {
        std::vector<ku::member_weight> chosen;
        std::stringstream list{options.members};
        std::string code_text;
        while (std::getline(list, code_text, ',')) {
            const ku::kommun_code code{code_text, "--members"};
            const auto found = std::ranges::find(weights, code, &ku::member_weight::member);
            if (found == weights.end()) {
                throw ku::lookup_error("--members: kommun " + code_text + " is not in " + options.weights_file);
            }
            if (std::ranges::find(chosen, code, &ku::member_weight::member) != chosen.end()) {
                throw ku::domain_error("--members: kommun " + code_text + " appears twice");
            }
            chosen.push_back(*found);
        }
        if (chosen.empty()) {
            throw ku::domain_error("--members: the member set is empty");
        }
        weights = std::move(chosen);
    }
    const ku::allocation result = ku::allocate(total, weights, rule);
    return {options.json ? ku::allocation_as_json(result, catalogue) : ku::allocation_as_text(result, catalogue)};
}

struct proposal_options {
    std::string spec;
    std::string compare;
    std::string format = "table";
};

outcome run_proposal(const proposal_options& options)
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    const ku::proposal_spec spec = ku::read_proposal_spec(options.spec, catalogue);
    const ku::proposal_table table = ku::build_proposal(spec, catalogue);
    if (options.compare.empty()) {
        if (options.format == "csv") {
            return {ku::proposal_as_csv(table)};
        }
        if (options.format == "json") {
            return {ku::proposal_as_json(table)};
        }
        return {ku::proposal_as_text(table)};
    }
    const ku::published_proposal published =
        ku::read_published_proposal(ku::read_csv_file(options.compare), catalogue);
    const std::vector<ku::proposal_difference> differences = ku::compare(table, published);
    const int status = differences.empty() ? exit_ok : exit_differences;
    if (options.format == "csv") {
        return {ku::differences_as_csv(differences, catalogue), status};
    }
    if (options.format == "json") {
        return {ku::differences_as_json(differences, catalogue), status};
    }
    return {ku::differences_as_text(differences, catalogue), status};
}

struct audit_balance_options {
    std::string file;
    std::string previous;
    std::string mapping;
    std::string unit = "tkr";
    bool json = false;
};

outcome run_audit_balance(const audit_balance_options& options)
{
    const ku::unit in = ku::parse_unit(options.unit, "--unit");
    const ku::balance_table table = ku::read_balance_table(ku::read_csv_file(options.file), in);
    std::optional<ku::balance_table> previous;
    if (!options.previous.empty()) {
        previous = ku::read_balance_table(ku::read_csv_file(options.previous), in);
    }
    std::optional<ku::reorganisation> mapping;
    if (!options.mapping.empty()) {
        if (!previous) {
            throw ku::domain_error("--map needs --previous: a mapping carries last period's balances into this one");
        }
        mapping = ku::read_reorganisation(ku::read_csv_file(options.mapping), in, &*previous);
    }
    const std::vector<ku::finding> findings =
        ku::audit_balance(table, previous ? &*previous : nullptr, mapping ? &*mapping : nullptr);
    return {options.json ? ku::findings_as_json(findings) : ku::findings_as_text(findings, table),
            findings.empty() ? exit_ok : exit_differences};
}

struct shares_options {
    std::string file;
    int decimals = 0;
    std::string unit = "kr";
    bool json = false;
};

outcome run_shares(const shares_options& options)
{
    const std::vector<ku::area_funding> areas =
        ku::read_area_funding(ku::read_csv_file(options.file), ku::parse_unit(options.unit, "--unit"));
    const ku::percent_table table = ku::to_percent_table(ku::financing_shares(areas), options.decimals);
    return {options.json ? ku::percent_table_as_json(table) : ku::percent_table_as_text(table)};
}

struct audit_shares_options {
    std::string file;
    bool json = false;
};

outcome run_audit_shares(const audit_shares_options& options)
{
    const ku::published_share_table table = ku::read_published_shares(ku::read_csv_file(options.file));
    const std::vector<ku::share_finding> findings = ku::audit_shares(table);
    return {options.json ? ku::share_findings_as_json(findings) : ku::share_findings_as_text(findings, table.source),
            findings.empty() ? exit_ok : exit_differences};
}

struct scenario_options {
    std::string base;
    std::string alternative;
    std::string format = "table";
};

outcome run_scenario(const scenario_options& options)
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    const ku::proposal_table base = ku::build_proposal(ku::read_proposal_spec(options.base, catalogue), catalogue);
    const ku::proposal_table alternative =
        ku::build_proposal(ku::read_proposal_spec(options.alternative, catalogue), catalogue);
    const ku::scenario_comparison comparison = ku::compare_scenarios(base, alternative);
    if (options.format == "csv") {
        return {ku::scenario_as_csv(comparison)};
    }
    if (options.format == "json") {
        return {ku::scenario_as_json(comparison)};
    }
    return {ku::scenario_as_text(comparison)};
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"ku: exact financing calculations for Kommunal utveckling, Jönköpings län"};
    app.require_subcommand(1);

    allocate_options allocate;
    CLI::App* allocate_command = app.add_subcommand("allocate", "Split a total among kommuner by a weight column");
    allocate_command->add_option("--total", allocate.total, "The total, e.g. \"1 583 550\" or \"58 088 tkr\"")->required();
    allocate_command->add_option("--weights", allocate.weights_file, "CSV with a code column and weight columns")->required();
    allocate_command->add_option("--column", allocate.column, "The weight column to use, e.g. key_b")->required();
    allocate_command->add_option("--members", allocate.members, "Only these kommun codes, comma-separated");
    allocate_command->add_option("--method", allocate.method, "largest-remainder, sainte-lague, round-each or largest-absorbs")
        ->check(CLI::IsMember({"largest-remainder", "sainte-lague", "round-each", "largest-absorbs"}));
    allocate_command->add_option("--unit", allocate.unit, "Round to whole ore, kr or tkr")
        ->check(CLI::IsMember({"ore", "öre", "kr", "tkr"}));
    allocate_command->add_flag("--json", allocate.json, "Print JSON with exact decimal strings");

    proposal_options proposal;
    CLI::App* proposal_command = app.add_subcommand("proposal", "Compute a kommun × fee financing proposal from a spec");
    proposal_command->add_option("spec", proposal.spec, "The proposal spec (TOML), e.g. data/proposal_2025.toml")->required();
    proposal_command->add_option("--compare", proposal.compare, "A published proposal (CSV) to compare with, cell by cell");
    proposal_command->add_option("--format", proposal.format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));

    audit_balance_options audit_balance;
    CLI::App* audit_command = app.add_subcommand("audit", "Audit a published table");
    audit_command->require_subcommand(1);
    CLI::App* audit_balance_command =
        audit_command->add_subcommand("balance", "Find every fault in a balance table (exit 1 when there are findings)");
    audit_balance_command->add_option("file", audit_balance.file, "The balance table (CSV)")->required();
    audit_balance_command->add_option("--previous", audit_balance.previous,
                                      "The previous period's table, to check the carried balances");
    audit_balance_command->add_option("--map", audit_balance.mapping,
                                      "A reorganisation mapping (CSV: from,to,share or from,to,amount)");
    audit_balance_command->add_option("--unit", audit_balance.unit, "The unit the tables are written in: tkr or kr")
        ->check(CLI::IsMember({"tkr", "kr"}));
    audit_balance_command->add_flag("--json", audit_balance.json, "Print {\"findings\": [...]} as JSON");

    audit_shares_options audit_shares;
    CLI::App* audit_shares_command =
        audit_command->add_subcommand("shares", "Check a published percent table (exit 1 when there are findings)");
    audit_shares_command->add_option("file", audit_shares.file, "The percent table (CSV)")->required();
    audit_shares_command->add_flag("--json", audit_shares.json, "Print {\"findings\": [...]} as JSON");

    shares_options shares;
    CLI::App* shares_command =
        app.add_subcommand("shares", "Financing shares per area and source, in percents that sum to 100");
    shares_command->add_option("file", shares.file, "CSV: omrade, grupp (optional), utfall, kommunerna, staten, ovriga")
        ->required();
    shares_command->add_option("--decimals", shares.decimals, "Decimals of each percent (0 to 6)")
        ->check(CLI::Range(0, 6));
    shares_command->add_option("--unit", shares.unit, "The unit the amounts are written in: kr or tkr")
        ->check(CLI::IsMember({"kr", "tkr"}));
    shares_command->add_flag("--json", shares.json, "Print {\"rows\": [...]} as JSON");

    scenario_options scenario;
    CLI::App* scenario_command =
        app.add_subcommand("scenario", "Compare two budget alternatives per kommun and fee (alternative − base)");
    scenario_command->add_option("base", scenario.base, "The base proposal spec (TOML)")->required();
    scenario_command->add_option("alternative", scenario.alternative, "The alternative proposal spec (TOML)")->required();
    scenario_command->add_option("--format", scenario.format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_ok : exit_bad_input;
    }

    try {
        outcome result;
        if (allocate_command->parsed()) {
            result = run_allocate(allocate);
        } else if (proposal_command->parsed()) {
            result = run_proposal(proposal);
        } else if (scenario_command->parsed()) {
            result = run_scenario(scenario);
        } else if (shares_command->parsed()) {
            result = run_shares(shares);
        } else if (audit_shares_command->parsed()) {
            result = run_audit_shares(audit_shares);
        } else {
            result = run_audit_balance(audit_balance);
        }
        std::fwrite(result.output.data(), 1, result.output.size(), stdout);
        return result.status;
    } catch (const ku::error& e) {
        std::cerr << "ku: error: " << e.what() << '\n';
        return exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << "ku: error: " << e.what() << '\n';
        return exit_bad_input;
    }
}
