// The ku command-line tool: allocations and proposal tables from files.
// Exit status: 0 success, 1 differences or findings (proposal --compare, audit), 2 bad input.
// Every command that prints a table takes --format (table, csv, csv-sv, json, markdown, html,
// xlsx) and --output FILE, written atomically: a failing command leaves no file behind, and only
// a regular file is ever replaced. --output - is standard output. A table printed to standard
// output fits the terminal's width (COLUMNS, else the terminal's, else 80).
// The workflows are the tasks of ku/app/tasks.hpp; this file reads the options and renders.

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <gsl/assert>

#include "ku/ku.hpp"
#include "ku/allocation/scenario.hpp"
#include "ku/app/tasks.hpp"
#include "ku/io/output_file.hpp"
#include "ku/io/render.hpp"
#include "ku/io/xlsx.hpp"

namespace {

constexpr int exit_ok = ku::app::status_clean;
constexpr int exit_bad_input = 2;

/// The options' names, as the tasks' messages quote them.
constexpr ku::app::input_names option_names{
    .separator = "--separator", .encoding = "--encoding", .members = "--members", .previous = "--previous",
    .mapping = "--map"};

/// How a command writes its table: --format, --output and the older --json flag.
struct output_options {
    std::string format = "table";
    std::string file;
    bool json = false;

    /// The format asked for: --json is --format json.
    [[nodiscard]] std::string chosen() const { return json ? "json" : format; }
    /// True when the result goes to standard output (no --output, or --output -).
    [[nodiscard]] bool to_stdout() const { return file.empty() || file == "-"; }
};

/// The width text on standard output should fit: COLUMNS when it is a number of at least 20,
/// else the terminal's width when standard output is one, else 80.
std::size_t terminal_width()
{
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
        try {
            std::size_t used = 0;
            const unsigned long width = std::stoul(columns, &used);
            if (used == std::string_view{columns}.size() && width >= 20 && width <= 100000) {
                return gsl::narrow<std::size_t>(width);
            }
        } catch (const std::exception&) { // not a number: ask the terminal
        }
    }
    winsize size{};
    if (::isatty(STDOUT_FILENO) != 0 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) {
        return size.ws_col;
    }
    return 80;
}

/// The names of the formats of a command that prints a table (ku::all_output_formats).
std::vector<std::string> format_names()
{
    std::vector<std::string> names;
    for (const ku::output_format format : ku::all_output_formats) {
        names.emplace_back(ku::to_string(format));
    }
    return names;
}

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

/// The exit status of a task's result: its status() when it can have findings, else exit_ok.
template <class Result>
int exit_status(const Result& result)
{
    if constexpr (requires { result.status(); }) {
        return result.status();
    } else {
        return exit_ok;
    }
}

/// `result` in the format --format (or --json) chose, with its exit status: its report
/// (ku::app::report_of) rendered, or for JSON its document when it has one (ku::app::json_of).
/// For xlsx the outcome keeps the report, which deliver() writes.
template <class Result>
outcome render(const output_options& out, const Result& result)
{
    const int status = exit_status(result);
    const ku::output_format format = ku::parse_output_format(out.chosen(), "--format");
    if constexpr (requires { ku::app::json_of(result); }) {
        if (format == ku::output_format::json) {
            return printed(ku::app::json_of(result), status);
        }
    }
    ku::report document = ku::app::report_of(result);
    if (format == ku::output_format::xlsx) {
        return workbook(
            [kept = std::move(document)](const std::filesystem::path& file) { ku::write_xlsx(kept, file); }, status);
    }
    if (format == ku::output_format::table && out.to_stdout()) {
        return printed(ku::render_text(document, terminal_width()), status);
    }
    return printed(ku::render(document, format), status);
}

/// Adds --format, --output and --json (the same as --format json) to a command.
void add_output_options(CLI::App* command, output_options& options)
{
    CLI::Option* format =
        command->add_option("--format", options.format,
                            "table (default), csv, csv-sv (semicolons, decimal comma), json, markdown, html or xlsx")
            ->check(CLI::IsMember(format_names()));
    command->add_option("--output", options.file,
                        "Write to FILE (- is standard output); written atomically, replacing only a regular "
                        "file; required for xlsx unless standard output is not a terminal");
    command->add_flag("--json", options.json, "The same as --format json")->excludes(format);
}

/// How the CSV files a command reads are read; what is not given is detected.
struct csv_input_options {
    std::string separator; ///< ";" or "semicolon", "," or "comma"
    std::string encoding;  ///< a name parse_csv_encoding knows

    /// The choice as the tasks take it: an option left empty is not given.
    [[nodiscard]] ku::app::csv_choice choice() const
    {
        const auto given = [](const std::string& text) {
            return text.empty() ? std::nullopt : std::optional<std::string>{text};
        };
        return {.separator = given(separator), .encoding = given(encoding)};
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

/// A file named by an option, or none when the option is not given.
std::optional<ku::app::csv_source> optional_file(const std::string& path)
{
    return path.empty() ? std::nullopt : std::optional<ku::app::csv_source>{std::filesystem::path{path}};
}

struct allocate_options {
    std::string total;
    std::string weights_file;
    std::string column;
    std::string members;
    bool members_given = false; ///< --members was given (an empty list is refused, not "all")
    std::string method = "largest-remainder";
    std::string unit = "kr";
    csv_input_options csv;
    output_options out;
};

/// The codes of --members ("0604,0617"), or none when it is not given. Throws ku::error when it
/// is given but empty: a fee with no members is a mistake, not "every kommun".
std::optional<std::vector<std::string>> member_codes(const std::optional<std::string>& given)
{
    if (!given) {
        return std::nullopt;
    }
    const std::string& list = *given;
    if (list.find_first_not_of(" ,") == std::string::npos) {
        throw ku::error("--members is empty: name the kommuner (\"0604,0617\"), or leave --members out for all");
    }
    std::vector<std::string> codes;
    std::stringstream stream{list};
    std::string code;
    while (std::getline(stream, code, ',')) {
        codes.push_back(code);
    }
    return codes;
}

outcome run_allocate(const allocate_options& options)
{
    const ku::unit in = ku::parse_unit(options.unit, "--unit");
    const ku::allocation_rule rule{ku::parse_allocation_method(options.method, "--method"), in};
    const ku::money total = ku::money::parse(options.total, ku::unit::kr, "--total");
    return render(
        options.out,
        ku::app::allocate({.total = total,
                           .weights = std::filesystem::path{options.weights_file},
                           .column = options.column,
                           .members = member_codes(options.members_given ? std::optional{options.members} : std::nullopt),
                           .rule = rule,
                           .csv = options.csv.choice()},
                          option_names));
}

struct proposal_options {
    std::string spec;
    std::string compare;
    std::string method; // empty: each fee's method from the spec
    csv_input_options csv;
    output_options out;
};

outcome run_proposal(const proposal_options& options)
{
    std::optional<ku::allocation_method> method;
    if (!options.method.empty()) {
        method = ku::parse_allocation_method(options.method, "--method");
    }
    if (options.compare.empty()) {
        return render(options.out, ku::app::proposal(options.spec, method));
    }
    return render(options.out, ku::app::compare_proposal(options.spec, options.compare, options.csv.choice(),
                                                          option_names, method));
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
    return render(
        options.out,
        ku::app::audit_balance({.table = std::filesystem::path{options.file},
                                .previous = optional_file(options.previous),
                                .mapping = optional_file(options.mapping),
                                .in = in,
                                .csv = options.csv.choice()},
                               option_names));
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
    return render(
        options.out,
        ku::app::shares({.funding = std::filesystem::path{options.file},
                         .in = ku::parse_unit(options.unit, "--unit"),
                         .decimals = options.decimals,
                         .csv = options.csv.choice()},
                        option_names));
}

struct audit_shares_options {
    std::string file;
    csv_input_options csv;
    output_options out;
};

struct audit_share_table_options {
    std::string file;
    std::string balance;
    std::string names;
    std::string unit = "tkr";
    csv_input_options csv;
    output_options out;
};

outcome run_audit_shares(const audit_share_table_options& options)
{
    return render(options.out, ku::app::audit_shares({.table = std::filesystem::path{options.file},
                                                      .balance = optional_file(options.balance),
                                                      .names = optional_file(options.names),
                                                      .in = ku::parse_unit(options.unit, "--unit"),
                                                      .csv = options.csv.choice()},
                                                     option_names));
}

outcome run_audit_staffing(const audit_shares_options& options)
{
    return render(options.out,
                  ku::app::audit_staffing(std::filesystem::path{options.file}, options.csv.choice(), option_names));
}

outcome run_audit_indicators(const audit_shares_options& options)
{
    return render(options.out,
                  ku::app::audit_indicators(std::filesystem::path{options.file}, options.csv.choice(), option_names));
}

struct audit_fees_options {
    std::string file;
    std::string keys;
    std::string unit = "kr";
    csv_input_options csv;
    output_options out;
};

outcome run_audit_fees(const audit_fees_options& options)
{
    return render(options.out,
                  ku::app::audit_fees({.table = std::filesystem::path{options.file},
                                       .keys = options.keys.empty()
                                                   ? std::nullopt
                                                   : std::optional<ku::app::csv_source>{std::filesystem::path{options.keys}},
                                       .in = ku::parse_unit(options.unit, "--unit"),
                                       .csv = options.csv.choice()},
                                      option_names));
}

struct scenario_options {
    std::string base;
    std::string alternative;
    output_options out;
};

outcome run_scenario(const scenario_options& options)
{
    return render(
        options.out, ku::app::scenario(options.base, options.alternative));
}

struct overhead_options {
    std::string administration;
    std::string grants;
    std::string rate;
    std::string new_rate;
    std::string weights_file;
    std::string column;
    std::string method = "largest-remainder";
    csv_input_options csv;
    output_options out;
};

/// A rate written with its percent sign ("15 %", "12,5%"): a bare "15" would be 1 500 %, so
/// it is refused, naming the option.
ku::rate percent_rate(const std::string& text, std::string_view option)
{
    if (text.find('%') == std::string::npos) {
        throw ku::parse_error(text, 0, "write the rate in percent with its sign, e.g. \"15 %\"", option);
    }
    return ku::rate::parse(text, option);
}

outcome run_overhead(const overhead_options& options)
{
    return render(options.out,
                  ku::app::overhead({.administration = ku::money::parse(options.administration, ku::unit::kr,
                                                                         "--administration"),
                                     .project_grants = ku::money::parse(options.grants, ku::unit::kr, "--grants"),
                                     .surcharge = percent_rate(options.rate, "--rate"),
                                     .new_surcharge = options.new_rate.empty()
                                                          ? std::nullopt
                                                          : std::optional{percent_rate(options.new_rate, "--new-rate")},
                                     .weights = std::filesystem::path{options.weights_file},
                                     .column = options.column,
                                     .rule = {ku::parse_allocation_method(options.method, "--method"), ku::unit::kr},
                                     .csv = options.csv.choice()},
                                    option_names));
}

struct prices_options {
    std::string index_file;
    std::string index_name;
    std::string from;
    std::string to;
    std::string budget;
    int plan_years = 0;
    std::string amount;
    std::string table;
    std::string unit = "kr";
    std::string rounding = "half-up";
    csv_input_options csv;
    output_options out;
};

outcome run_prices(const prices_options& options)
{
    const ku::unit in = ku::parse_unit(options.unit, "--unit");
    std::variant<std::chrono::year, ku::budget_plan> to;
    if (!options.budget.empty()) {
        to = ku::budget_plan::make(ku::parse_year(options.budget, "--budget"), options.plan_years);
    } else {
        to = ku::parse_year(options.to, "--to");
    }
    std::variant<ku::money, ku::app::csv_source> amounts;
    if (!options.table.empty()) {
        amounts = ku::app::csv_source{std::filesystem::path{options.table}};
    } else {
        amounts = ku::money::parse(options.amount, in, "--amount");
    }
    const std::string name =
        options.index_name.empty() ? std::filesystem::path{options.index_file}.stem().string() : options.index_name;
    return render(options.out, ku::app::prices({.index = std::filesystem::path{options.index_file},
                                                .index_name = name,
                                                .from = ku::parse_year(options.from, "--from"),
                                                .to = to,
                                                .amounts = std::move(amounts),
                                                .in = in,
                                                .rounding = ku::parse_rounding_mode(options.rounding, "--rounding"),
                                                .csv = options.csv.choice()},
                                               option_names));
}

struct staffing_options {
    std::string file;
    csv_input_options csv;
    output_options out;
};

outcome run_staffing(const staffing_options& options)
{
    return render(options.out,
                  ku::app::staffing(std::filesystem::path{options.file}, options.csv.choice(), option_names));
}

struct indicators_options {
    std::string file;
    int decimals = 0;
    std::string rounding = "half-up";
    std::string unit = "kr";
    csv_input_options csv;
    output_options out;
};

outcome run_indicators(const indicators_options& options)
{
    return render(options.out, ku::app::indicators({.applications = std::filesystem::path{options.file},
                                                    .in = ku::parse_unit(options.unit, "--unit"),
                                                    .decimals = options.decimals,
                                                    .rounding = ku::parse_rounding_mode(options.rounding, "--rounding"),
                                                    .csv = options.csv.choice()},
                                                   option_names));
}

struct management_options {
    std::string cost;
    std::string file;
    std::string unit = "kr";
    csv_input_options csv;
    output_options out;
};

outcome run_management(const management_options& options)
{
    const ku::unit in = ku::parse_unit(options.unit, "--unit");
    return render(options.out, ku::app::management({.cost = ku::money::parse(options.cost, in, "--cost"),
                                                    .areas = std::filesystem::path{options.file},
                                                    .in = in,
                                                    .csv = options.csv.choice()},
                                                   option_names));
}

struct report_options {
    std::string dataset;
    std::string previous;
    std::string unit = "tkr";
    int decimals = 0;
    output_options out;
};

outcome run_report(const report_options& options)
{
    return render(options.out,
                  ku::app::build_report({.dataset = options.dataset,
                                         .previous = options.previous.empty()
                                                         ? std::nullopt
                                                         : std::optional<std::filesystem::path>{options.previous},
                                         .options = {.shown = ku::parse_unit(options.unit, "--unit"),
                                                     .decimals = options.decimals,
                                                     .rounding = ku::percent_rounding::largest_remainder}}));
}

/// Writes the command's result to --output or standard output.
void deliver(const outcome& result, const output_options& options)
{
    if (result.workbook && options.to_stdout()) { // a workbook written whole, then copied out
        const std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                             ("ku-" + std::to_string(::getpid()) + "-workbook");
        std::filesystem::create_directories(folder);
        try {
            result.workbook(folder / "out.xlsx");
            std::ifstream in{folder / "out.xlsx", std::ios::binary};
            std::cout << in.rdbuf();
            std::cout.flush();
        } catch (...) {
            std::filesystem::remove_all(folder);
            throw;
        }
        std::filesystem::remove_all(folder);
    } else if (result.workbook) {
        result.workbook(options.file);
    } else if (!options.to_stdout()) {
        ku::write_file_atomically(options.file, result.output);
    } else {
        std::fwrite(result.output.data(), 1, result.output.size(), stdout);
    }
}

/// The names of `parent`'s subcommands, comma-separated.
std::string command_names(const CLI::App& parent)
{
    std::string names;
    for (const CLI::App* sub : parent.get_subcommands([](const CLI::App*) { return true; })) {
        names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    return names;
}

/// The message for a mistyped command ("unknown command \"propsal\" after ku; the commands
/// are: …"), or none when every word before the first option names a command.
std::optional<std::string> unknown_command(const CLI::App& app, int argc, char** argv)
{
    const CLI::App* parent = &app;
    std::string path = "ku";
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word.starts_with("-") || parent->get_subcommands([](const CLI::App*) { return true; }).empty()) {
            return std::nullopt;
        }
        const CLI::App* sub = nullptr;
        for (const CLI::App* candidate : parent->get_subcommands([](const CLI::App*) { return true; })) {
            if (candidate->get_name() == word) {
                sub = candidate;
            }
        }
        if (sub == nullptr) {
            return "unknown command \"" + word + "\" after " + path + "; the commands are: " + command_names(*parent) +
                   " (" + path + " --help)";
        }
        path += " " + word;
        parent = sub;
    }
    return std::nullopt;
}

/// A command that prints a table: its subcommand, its output options and what it runs.
struct command {
    CLI::App* app;
    const output_options* out;
    std::function<outcome()> run;
};

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"ku: exact financing calculations for Kommunal utveckling, Jönköpings län"};
    app.require_subcommand(1);
    app.add_flag_callback(
        "--version",
        [] {
            std::cout << "ku " KU_VERSION "\n";
            throw CLI::Success{};
        },
        "Print ku's version and exit");
    std::vector<command> commands;

    allocate_options allocate;
    CLI::App* allocate_command = app.add_subcommand("allocate", "Split a total among kommuner by a weight column");
    allocate_command->add_option("--total", allocate.total, "The total, e.g. \"1 583 550\" or \"58 088 tkr\"")->required();
    allocate_command->add_option("--weights", allocate.weights_file, "CSV with a code column and weight columns")->required();
    allocate_command->add_option("--column", allocate.column, "The weight column to use, e.g. key_b")->required();
    allocate_command
        ->add_option("--members", allocate.members, "Only these kommuner (codes or names), comma-separated")
        ->each([&allocate](const std::string&) { allocate.members_given = true; });
    allocate_command->add_option("--method", allocate.method, ku::allocation_method_list())
        ->check(CLI::IsMember(ku::allocation_method_names()));
    allocate_command->add_option("--unit", allocate.unit, "Round to whole ore, kr or tkr")
        ->check(CLI::IsMember(ku::unit_names(std::array{ku::unit::ore, ku::unit::kr, ku::unit::tkr})));
    add_csv_options(allocate_command, allocate.csv);
    add_output_options(allocate_command, allocate.out);
    commands.push_back({allocate_command, &allocate.out, [&allocate] { return run_allocate(allocate); }});

    proposal_options proposal;
    CLI::App* proposal_command = app.add_subcommand("proposal", "Compute a kommun × fee financing proposal from a spec");
    proposal_command->add_option("spec", proposal.spec, "The proposal spec (TOML), e.g. data/proposal_2025.toml")->required();
    proposal_command->add_option("--compare", proposal.compare, "A published proposal (CSV, or JSON as --format json writes it) to compare with, cell by cell");
    proposal_command->add_option("--method", proposal.method,
                                 "Round every fee by this method instead of the spec's: " + ku::allocation_method_list())
        ->check(CLI::IsMember(ku::allocation_method_names()));
    add_csv_options(proposal_command, proposal.csv);
    add_output_options(proposal_command, proposal.out);
    commands.push_back({proposal_command, &proposal.out, [&proposal] { return run_proposal(proposal); }});

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
        ->check(CLI::IsMember(ku::unit_names(std::array{ku::unit::tkr, ku::unit::kr})));
    add_csv_options(audit_balance_command, audit_balance.csv);
    add_output_options(audit_balance_command, audit_balance.out);
    commands.push_back(
        {audit_balance_command, &audit_balance.out, [&audit_balance] { return run_audit_balance(audit_balance); }});

    audit_share_table_options audit_shares;
    CLI::App* audit_shares_command =
        audit_command->add_subcommand("shares", "Check a published percent table (exit 1 when there are findings)");
    audit_shares_command->add_option("file", audit_shares.file, "The percent table (CSV)")->required();
    CLI::Option* balance_option = audit_shares_command->add_option(
        "--balance", audit_shares.balance,
        "The balance table of the same report (CSV): each area's share of the outcome must follow from its outcome");
    audit_shares_command
        ->add_option("--map", audit_shares.names, "CSV from,to: area names the two tables write differently")
        ->needs(balance_option);
    audit_shares_command
        ->add_option("--unit", audit_shares.unit, "The unit the balance table is written in: tkr (default) or kr")
        ->needs(balance_option);
    add_csv_options(audit_shares_command, audit_shares.csv);
    add_output_options(audit_shares_command, audit_shares.out);
    commands.push_back(
        {audit_shares_command, &audit_shares.out, [&audit_shares] { return run_audit_shares(audit_shares); }});

    audit_shares_options audit_staffing;
    CLI::App* audit_staffing_command = audit_command->add_subcommand(
        "staffing", "Check a published staffing table: årsarbetare per period and form, summed exactly");
    audit_staffing_command->add_option("file", audit_staffing.file,
                                       "The staffing table (CSV): Period, tjänsteköp, tillsvidare, visstid, Summa")
        ->required();
    add_csv_options(audit_staffing_command, audit_staffing.csv);
    add_output_options(audit_staffing_command, audit_staffing.out);
    commands.push_back(
        {audit_staffing_command, &audit_staffing.out, [&audit_staffing] { return run_audit_staffing(audit_staffing); }});

    audit_shares_options audit_indicators;
    CLI::App* audit_indicators_command = audit_command->add_subcommand(
        "indicators", "Check a published indicator table: each bracketed percent against its exact value");
    audit_indicators_command
        ->add_option("file", audit_indicators.file,
                     "The indicator table (CSV): indikator, bas (a row or föregående), one column per period")
        ->required();
    add_csv_options(audit_indicators_command, audit_indicators.csv);
    add_output_options(audit_indicators_command, audit_indicators.out);
    commands.push_back({audit_indicators_command, &audit_indicators.out,
                        [&audit_indicators] { return run_audit_indicators(audit_indicators); }});

    audit_fees_options audit_fees;
    CLI::App* audit_fees_command = audit_command->add_subcommand(
        "fees", "Check a published fee table: column and row sums, and with --keys the key of each column");
    audit_fees_command->add_option("file", audit_fees.file, "The fee table (CSV): Kommun, one column per fee, Summa")
        ->required();
    audit_fees_command->add_option("--keys", audit_fees.keys, "A key file (code and weight columns), e.g. population_keys.csv");
    audit_fees_command->add_option("--unit", audit_fees.unit, "The unit the table is written in: kr or tkr")
        ->check(CLI::IsMember(ku::unit_names(std::array{ku::unit::kr, ku::unit::tkr})));
    add_csv_options(audit_fees_command, audit_fees.csv);
    add_output_options(audit_fees_command, audit_fees.out);
    commands.push_back({audit_fees_command, &audit_fees.out, [&audit_fees] { return run_audit_fees(audit_fees); }});

    shares_options shares;
    CLI::App* shares_command =
        app.add_subcommand("shares", "Financing shares per area and source, in percents that sum to 100");
    shares_command->add_option("file", shares.file, "CSV: omrade, grupp (optional), utfall, kommunerna, staten, ovriga")
        ->required();
    shares_command->add_option("--decimals", shares.decimals, "Decimals of each percent (0 to 6)")
        ->check(CLI::Range(0, 6));
    shares_command->add_option("--unit", shares.unit, "The unit the amounts are written in: kr or tkr")
        ->check(CLI::IsMember(ku::unit_names(std::array{ku::unit::kr, ku::unit::tkr})));
    add_csv_options(shares_command, shares.csv);
    add_output_options(shares_command, shares.out);
    commands.push_back({shares_command, &shares.out, [&shares] { return run_shares(shares); }});

    scenario_options scenario;
    CLI::App* scenario_command =
        app.add_subcommand("scenario", "Compare two budget alternatives per kommun and fee (alternative − base)");
    scenario_command->add_option("base", scenario.base, "The base proposal spec (TOML)")->required();
    scenario_command->add_option("alternative", scenario.alternative, "The alternative proposal spec (TOML)")->required();
    add_output_options(scenario_command, scenario.out);
    commands.push_back({scenario_command, &scenario.out, [&scenario] { return run_scenario(scenario); }});

    overhead_options overhead;
    CLI::App* overhead_command = app.add_subcommand(
        "overhead", "Finance administration by an OH rate on project grants; invoice the rest to the kommuner by a key");
    overhead_command->add_option("--administration", overhead.administration, "The administration cost, e.g. \"3 500 000\"")
        ->required();
    overhead_command->add_option("--grants", overhead.grants, "The project grants the rate is taken on")->required();
    overhead_command->add_option("--rate", overhead.rate, "The OH rate, e.g. \"15 %\"")->required();
    overhead_command->add_option("--new-rate", overhead.new_rate, "A rate to compare with, e.g. \"20 %\": each kommun's change");
    overhead_command->add_option("--weights", overhead.weights_file, "CSV with a code column and weight columns")->required();
    overhead_command->add_option("--column", overhead.column, "The weight column to use, e.g. key_a")->required();
    overhead_command->add_option("--method", overhead.method, ku::allocation_method_list())
        ->check(CLI::IsMember(ku::allocation_method_names()));
    add_csv_options(overhead_command, overhead.csv);
    add_output_options(overhead_command, overhead.out);
    commands.push_back({overhead_command, &overhead.out, [&overhead] { return run_overhead(overhead); }});

    prices_options prices;
    CLI::App* prices_command = app.add_subcommand(
        "prices", "Convert an amount or a table of amounts between price levels with a price index");
    prices_command->add_option("--index", prices.index_file, "CSV with the columns year and index, e.g. KPI")->required();
    prices_command->add_option("--index-name", prices.index_name, "The index's name in the notes (default: the file's name)");
    prices_command->add_option("--from", prices.from, "The year whose price level the amounts are at, e.g. 2016")->required();
    CLI::Option* prices_to = prices_command->add_option("--to", prices.to, "The year whose price level to convert to");
    CLI::Option* prices_budget = prices_command->add_option(
        "--budget", prices.budget, "A budget year: convert to it and to each plan year (with --plan-years)");
    prices_command->add_option("--plan-years", prices.plan_years, "The plan years after the budget year, e.g. 2")
        ->check(CLI::Range(0, 10))
        ->needs(prices_budget);
    prices_to->excludes(prices_budget);
    CLI::Option* prices_amount = prices_command->add_option("--amount", prices.amount, "One amount, e.g. \"1 000 000\"");
    CLI::Option* prices_table = prices_command->add_option(
        "--table", prices.table, "CSV: a column of labels, then columns of amounts (blank cells stay blank)");
    prices_amount->excludes(prices_table);
    prices_command->add_option("--unit", prices.unit, "The unit amounts are written in and rounded to")
        ->check(CLI::IsMember(ku::unit_names(std::array{ku::unit::ore, ku::unit::kr, ku::unit::tkr})));
    prices_command->add_option("--rounding", prices.rounding, "How each converted amount is rounded (default half-up)")
        ->check(CLI::IsMember(ku::rounding_mode_names()));
    add_csv_options(prices_command, prices.csv);
    add_output_options(prices_command, prices.out);
    commands.push_back({prices_command, &prices.out, [&prices] { return run_prices(prices); }});
    prices_command->callback([&] {
        if (prices.to.empty() == prices.budget.empty()) {
            throw CLI::ValidationError("prices", "give the target price level: --to YEAR or --budget YEAR");
        }
        if (prices.amount.empty() == prices.table.empty()) {
            throw CLI::ValidationError("prices", "give what to convert: --amount AMOUNT or --table FILE");
        }
    });

    staffing_options staffing;
    CLI::App* staffing_command =
        app.add_subcommand("staffing", "Årsarbetare by form of employment and financing, with totals");
    staffing_command->add_option("file", staffing.file, "CSV: anstallningsform, finansiering, arsarbetare")->required();
    add_csv_options(staffing_command, staffing.csv);
    add_output_options(staffing_command, staffing.out);
    commands.push_back({staffing_command, &staffing.out, [&staffing] { return run_staffing(staffing); }});

    indicators_options indicators;
    CLI::App* indicators_command = app.add_subcommand(
        "indicators", "Success rates of grant applications and changes between periods, as rounded percents");
    indicators_command->add_option("file", indicators.file,
                                   "CSV: period, ansokningar, beviljade, ansokt_belopp, beviljat_belopp")
        ->required();
    indicators_command->add_option("--decimals", indicators.decimals, "Decimals of each percent (0 to 9)")
        ->check(CLI::Range(0, 9));
    indicators_command->add_option("--rounding", indicators.rounding, "How each percent is rounded (default half-up)")
        ->check(CLI::IsMember(ku::rounding_mode_names()));
    indicators_command->add_option("--unit", indicators.unit, "The unit the amounts are written in: kr or tkr")
        ->check(CLI::IsMember(ku::unit_names(std::array{ku::unit::kr, ku::unit::tkr})));
    add_csv_options(indicators_command, indicators.csv);
    add_output_options(indicators_command, indicators.out);
    commands.push_back({indicators_command, &indicators.out, [&indicators] { return run_indicators(indicators); }});

    management_options management;
    CLI::App* management_command = app.add_subcommand(
        "management", "Split what the areas finance of ledning och stab among them by their outcome");
    management_command->add_option("--cost", management.cost, "What the areas finance, e.g. \"1 730 000\"")->required();
    management_command->add_option("file", management.file, "CSV: omrade, utfall (a funding table of ku shares serves)")
        ->required();
    management_command->add_option("--unit", management.unit, "The unit amounts are written in and parts rounded to")
        ->check(CLI::IsMember(ku::unit_names(std::array{ku::unit::kr, ku::unit::tkr})));
    add_csv_options(management_command, management.csv);
    add_output_options(management_command, management.out);
    commands.push_back({management_command, &management.out, [&management] { return run_management(management); }});

    report_options report;
    CLI::App* report_command = app.add_subcommand(
        "report", "A period's balance table and financing shares (and staffing, indicators) from one dataset");
    report_command->add_option("dataset", report.dataset, "The period's dataset (TOML), e.g. data/bokslut_2023.toml")
        ->required();
    report_command->add_option("--previous", report.previous,
                               "The previous period's dataset: opening balances are carried from it");
    report_command->add_option("--unit", report.unit, "The balance table's unit: tkr (default) or kr")
        ->check(CLI::IsMember(ku::unit_names(std::array{ku::unit::tkr, ku::unit::kr})));
    report_command->add_option("--decimals", report.decimals, "Decimals of each percent (0 to 6)")->check(CLI::Range(0, 6));
    add_output_options(report_command, report.out);
    commands.push_back({report_command, &report.out, [&report] { return run_report(report); }});

    if (const std::optional<std::string> unknown = unknown_command(app, argc, argv)) {
        std::cerr << "ku: error: " << *unknown << '\n';
        return exit_bad_input;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_ok : exit_bad_input;
    }

    // The tool and audit each require one subcommand, so exactly one command was parsed.
    const auto chosen = std::ranges::find_if(commands, [](const command& c) { return c.app->parsed(); });
    Expects(chosen != commands.end());
    const output_options& out = *chosen->out;
    if (out.chosen() == "xlsx" && out.to_stdout() && ::isatty(STDOUT_FILENO) != 0) {
        std::cerr << "ku: error: --format xlsx writes a workbook: name it with --output FILE "
                     "(or send standard output to a file or a pipe)\n";
        return exit_bad_input;
    }

    try {
        const outcome result = chosen->run();
        deliver(result, out);
        return result.status;
    } catch (const std::exception& e) { // ku::error, and anything else, is bad input
        std::cerr << "ku: error: " << e.what() << '\n';
        return exit_bad_input;
    }
}
