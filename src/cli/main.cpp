// The ku command-line tool: allocations and proposal tables from files.
// Exit status: 0 success, 1 differences or findings (proposal --compare, audit), 2 bad input.
// Every command that prints a table takes --format (table, csv, csv-sv, json, markdown, xlsx)
// and --output FILE, written atomically: a failing command leaves no file behind.

#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
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
#include "ku/io/markdown.hpp"
#include "ku/io/report.hpp"
#include "ku/io/xlsx.hpp"

namespace {

constexpr int exit_ok = 0;
constexpr int exit_differences = 1;
constexpr int exit_bad_input = 2;

/// How a command writes its table: --format, --output and the older --json flag.
struct output_options {
    std::string format = "table";
    std::string file;
    bool json = false;

    /// The format asked for: --json is --format json.
    [[nodiscard]] std::string chosen() const { return json ? "json" : format; }
};

/// The formats of a command that prints a table.
const std::vector<std::string> table_formats{"table", "csv", "csv-sv", "json", "markdown", "xlsx"};

/// What a command produced: the text for standard output (or --output), or for --format xlsx
/// the writer of the workbook; and the exit status. Commands compute their whole result before
/// anything is written, so a failure writes no partial result.
struct outcome {
    std::string output;
    std::function<void(const std::filesystem::path&)> workbook;
    int status = exit_ok;
};

/// A result printed as text (to standard output or --output).
outcome printed(std::string text, int status = exit_ok)
{
    return {.output = std::move(text), .workbook = {}, .status = status};
}

/// A result written as an .xlsx workbook to --output.
outcome workbook(std::function<void(const std::filesystem::path&)> write, int status = exit_ok)
{
    return {.output = {}, .workbook = std::move(write), .status = status};
}

/// The CSV convention of --format csv or csv-sv.
ku::csv_convention convention_of(const std::string& format)
{
    return format == "csv-sv" ? ku::csv_convention::swedish : ku::csv_convention::plain;
}

/// Adds --format and --output to a command (and --json when it has that flag).
void add_output_options(CLI::App* command, output_options& options, bool with_json_flag)
{
    CLI::Option* format =
        command->add_option("--format", options.format,
                            "table (default), csv, csv-sv (semicolons, decimal comma), json, markdown or xlsx")
            ->check(CLI::IsMember(table_formats));
    command->add_option("--output", options.file,
                        "Write to FILE instead of standard output (required for xlsx); written atomically");
    if (with_json_flag) {
        command->add_flag("--json", options.json, "The same as --format json")->excludes(format);
    }
}

/// How the CSV files a command reads are read; what is not given is detected.
struct csv_input_options {
    std::string separator; ///< ";" or "semicolon", "," or "comma"
    std::string encoding;  ///< a name parse_csv_encoding knows

    /// The library's options; throws ku::lookup_error naming the option for an unknown name.
    [[nodiscard]] ku::csv_options to_options() const
    {
        ku::csv_options options;
        if (!separator.empty()) {
            options.delimiter = ku::parse_csv_separator(separator, "--separator");
        }
        if (!encoding.empty()) {
            options.encoding = ku::parse_csv_encoding(encoding, "--encoding");
        }
        return options;
    }
};

void add_csv_options(CLI::App* command, csv_input_options& options)
{
    command->add_option("--separator", options.separator,
                        "The CSV separator: ; (or semicolon) or , (or comma); default: detected")
        ->check(CLI::IsMember({";", ",", "semicolon", "comma"}));
    command->add_option("--encoding", options.encoding,
                        "The CSV files' encoding: utf-8 or windows-1252 (default: detected)");
}

struct allocate_options {
    std::string total;
    std::string weights_file;
    std::string column;
    std::string members;
    std::string method = "largest-remainder";
    std::string unit = "kr";
    csv_input_options csv;
    output_options out;
};

outcome run_allocate(const allocate_options& options)
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    const ku::unit in = ku::parse_unit(options.unit, "--unit");
    const ku::allocation_rule rule{ku::parse_allocation_method(options.method, "--method"), in};
    const ku::money total = ku::money::parse(options.total, ku::unit::kr, "--total");
    std::vector<ku::member_weight> weights =
        ku::read_weights(ku::read_csv_file(options.weights_file, options.csv.to_options()), options.column, catalogue);
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
    const std::string format = options.out.chosen();
    if (format == "xlsx") {
        return workbook([=](const std::filesystem::path& file) {
            ku::write_allocation_xlsx(result, catalogue, file);
        });
    }
    if (format == "csv" || format == "csv-sv") {
        return printed(ku::allocation_as_csv(result, catalogue, convention_of(format)));
    }
    if (format == "json") {
        return printed(ku::allocation_as_json(result, catalogue));
    }
    if (format == "markdown") {
        return printed(ku::allocation_as_markdown(result, catalogue));
    }
    return printed(ku::allocation_as_text(result, catalogue));
}

struct proposal_options {
    std::string spec;
    std::string compare;
    csv_input_options csv;
    output_options out;
};

outcome run_proposal(const proposal_options& options)
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    const ku::proposal_spec spec = ku::read_proposal_spec(options.spec, catalogue);
    const ku::proposal_table table = ku::build_proposal(spec, catalogue);
    const std::string format = options.out.chosen();
    if (options.compare.empty()) {
        if (format == "xlsx") {
            return workbook([=](const std::filesystem::path& file) {
                ku::write_proposal_xlsx(table, file);
            });
        }
        if (format == "csv" || format == "csv-sv") {
            return printed(ku::proposal_as_csv(table, convention_of(format)));
        }
        if (format == "json") {
            return printed(ku::proposal_as_json(table));
        }
        if (format == "markdown") {
            return printed(ku::proposal_as_markdown(table));
        }
        return printed(ku::proposal_as_text(table));
    }
    const ku::published_proposal published = ku::read_published_proposal_file(options.compare, catalogue, ku::unit::kr, options.csv.to_options());
    const std::vector<ku::proposal_difference> differences = ku::compare(table, published);
    const int status = differences.empty() ? exit_ok : exit_differences;
    if (format == "xlsx") {
        return workbook([=](const std::filesystem::path& file) {
                    ku::write_differences_xlsx(differences, catalogue, file);
                }, status);
    }
    if (format == "csv" || format == "csv-sv") {
        return printed(ku::differences_as_csv(differences, catalogue, convention_of(format)), status);
    }
    if (format == "json") {
        return printed(ku::differences_as_json(differences, catalogue), status);
    }
    if (format == "markdown") {
        return printed(ku::differences_as_markdown(differences, catalogue), status);
    }
    return printed(ku::differences_as_text(differences, catalogue), status);
}

struct audit_balance_options {
    std::string file;
    std::string previous;
    std::string mapping;
    std::string unit = "tkr";
    csv_input_options csv;
    output_options out;
};

outcome run_audit_balance(const audit_balance_options& options)
{
    const ku::unit in = ku::parse_unit(options.unit, "--unit");
    const ku::balance_table table = ku::read_balance_table(ku::read_csv_file(options.file, options.csv.to_options()), in);
    std::optional<ku::balance_table> previous;
    if (!options.previous.empty()) {
        previous = ku::read_balance_table(ku::read_csv_file(options.previous, options.csv.to_options()), in);
    }
    std::optional<ku::reorganisation> mapping;
    if (!options.mapping.empty()) {
        if (!previous) {
            throw ku::domain_error("--map needs --previous: a mapping carries last period's balances into this one");
        }
        mapping = ku::read_reorganisation(ku::read_csv_file(options.mapping, options.csv.to_options()), in, &*previous);
    }
    const std::vector<ku::finding> findings =
        ku::audit_balance(table, previous ? &*previous : nullptr, mapping ? &*mapping : nullptr);
    const int status = findings.empty() ? exit_ok : exit_differences;
    const std::string format = options.out.chosen();
    if (format == "xlsx") {
        return workbook([=](const std::filesystem::path& file) { ku::write_balance_xlsx(table, findings, file); }, status);
    }
    std::string output;
    if (format == "csv" || format == "csv-sv") {
        output = ku::findings_as_csv(findings, table, convention_of(format));
    } else if (format == "json") {
        output = ku::findings_as_json(findings);
    } else if (format == "markdown") {
        output = ku::balance_as_markdown(table, findings);
    } else {
        output = ku::balance_table_as_text(table) + "\n" + ku::findings_as_text(findings, table);
    }
    return printed(std::move(output), status);
}

struct shares_options {
    std::string file;
    int decimals = 0;
    std::string unit = "kr";
    csv_input_options csv;
    output_options out;
};

outcome run_shares(const shares_options& options)
{
    const std::vector<ku::area_funding> areas =
        ku::read_area_funding(ku::read_csv_file(options.file, options.csv.to_options()), ku::parse_unit(options.unit, "--unit"));
    const ku::percent_table table = ku::to_percent_table(ku::financing_shares(areas), options.decimals);
    const std::string format = options.out.chosen();
    if (format == "xlsx") {
        return workbook([=](const std::filesystem::path& file) {
            ku::write_percent_table_xlsx(table, file);
        });
    }
    if (format == "csv" || format == "csv-sv") {
        return printed(ku::percent_table_as_csv(table, convention_of(format)));
    }
    if (format == "json") {
        return printed(ku::percent_table_as_json(table));
    }
    if (format == "markdown") {
        return printed(ku::percent_table_as_markdown(table));
    }
    return printed(ku::percent_table_as_text(table));
}

struct audit_shares_options {
    std::string file;
    csv_input_options csv;
    output_options out;
};

outcome run_audit_shares(const audit_shares_options& options)
{
    const ku::published_share_table table = ku::read_published_shares(ku::read_csv_file(options.file, options.csv.to_options()));
    const std::vector<ku::share_finding> findings = ku::audit_shares(table);
    const int status = findings.empty() ? exit_ok : exit_differences;
    const std::string format = options.out.chosen();
    if (format == "xlsx") {
        return workbook([=](const std::filesystem::path& file) {
                    ku::write_share_audit_xlsx(table, findings, file);
                }, status);
    }
    std::string output;
    if (format == "csv" || format == "csv-sv") {
        output = ku::share_findings_as_csv(findings, convention_of(format));
    } else if (format == "json") {
        output = ku::share_findings_as_json(findings);
    } else if (format == "markdown") {
        output = ku::share_audit_as_markdown(table, findings);
    } else {
        output = ku::published_shares_as_text(table) + "\n" + ku::share_findings_as_text(findings, table.source);
    }
    return printed(std::move(output), status);
}

struct scenario_options {
    std::string base;
    std::string alternative;
    output_options out;
};

outcome run_scenario(const scenario_options& options)
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    const ku::proposal_table base = ku::build_proposal(ku::read_proposal_spec(options.base, catalogue), catalogue);
    const ku::proposal_table alternative =
        ku::build_proposal(ku::read_proposal_spec(options.alternative, catalogue), catalogue);
    const ku::scenario_comparison comparison = ku::compare_scenarios(base, alternative);
    const std::string format = options.out.chosen();
    if (format == "xlsx") {
        return workbook([=](const std::filesystem::path& file) {
            ku::write_scenario_xlsx(comparison, file);
        });
    }
    if (format == "csv" || format == "csv-sv") {
        return printed(ku::scenario_as_csv(comparison, convention_of(format)));
    }
    if (format == "json") {
        return printed(ku::scenario_as_json(comparison));
    }
    if (format == "markdown") {
        return printed(ku::scenario_as_markdown(comparison));
    }
    return printed(ku::scenario_as_text(comparison));
}

/// Writes the command's result to --output or standard output.
void deliver(const outcome& result, const output_options& options)
{
    if (result.workbook) {
        result.workbook(options.file);
    } else if (!options.file.empty()) {
        ku::write_file_atomically(options.file, result.output);
    } else {
        std::fwrite(result.output.data(), 1, result.output.size(), stdout);
    }
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
    add_csv_options(allocate_command, allocate.csv);
    add_output_options(allocate_command, allocate.out, true);

    proposal_options proposal;
    CLI::App* proposal_command = app.add_subcommand("proposal", "Compute a kommun × fee financing proposal from a spec");
    proposal_command->add_option("spec", proposal.spec, "The proposal spec (TOML), e.g. data/proposal_2025.toml")->required();
    proposal_command->add_option("--compare", proposal.compare, "A published proposal (CSV, or JSON as --format json writes it) to compare with, cell by cell");
    add_csv_options(proposal_command, proposal.csv);
    add_output_options(proposal_command, proposal.out, false);

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
    add_csv_options(audit_balance_command, audit_balance.csv);
    add_output_options(audit_balance_command, audit_balance.out, true);

    audit_shares_options audit_shares;
    CLI::App* audit_shares_command =
        audit_command->add_subcommand("shares", "Check a published percent table (exit 1 when there are findings)");
    audit_shares_command->add_option("file", audit_shares.file, "The percent table (CSV)")->required();
    add_csv_options(audit_shares_command, audit_shares.csv);
    add_output_options(audit_shares_command, audit_shares.out, true);

    shares_options shares;
    CLI::App* shares_command =
        app.add_subcommand("shares", "Financing shares per area and source, in percents that sum to 100");
    shares_command->add_option("file", shares.file, "CSV: omrade, grupp (optional), utfall, kommunerna, staten, ovriga")
        ->required();
    shares_command->add_option("--decimals", shares.decimals, "Decimals of each percent (0 to 6)")
        ->check(CLI::Range(0, 6));
    shares_command->add_option("--unit", shares.unit, "The unit the amounts are written in: kr or tkr")
        ->check(CLI::IsMember({"kr", "tkr"}));
    add_csv_options(shares_command, shares.csv);
    add_output_options(shares_command, shares.out, true);

    scenario_options scenario;
    CLI::App* scenario_command =
        app.add_subcommand("scenario", "Compare two budget alternatives per kommun and fee (alternative − base)");
    scenario_command->add_option("base", scenario.base, "The base proposal spec (TOML)")->required();
    scenario_command->add_option("alternative", scenario.alternative, "The alternative proposal spec (TOML)")->required();
    add_output_options(scenario_command, scenario.out, false);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_ok : exit_bad_input;
    }

    const output_options& out = allocate_command->parsed()       ? allocate.out
                                : proposal_command->parsed()     ? proposal.out
                                : scenario_command->parsed()     ? scenario.out
                                : shares_command->parsed()       ? shares.out
                                : audit_shares_command->parsed() ? audit_shares.out
                                                                 : audit_balance.out;
    if (out.chosen() == "xlsx" && out.file.empty()) {
        std::cerr << "ku: error: --format xlsx writes a workbook: name it with --output FILE\n";
        return exit_bad_input;
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
        deliver(result, out);
        return result.status;
    } catch (const ku::error& e) {
        std::cerr << "ku: error: " << e.what() << '\n';
        return exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << "ku: error: " << e.what() << '\n';
        return exit_bad_input;
    }
}
