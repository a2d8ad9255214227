#pragma once
/// @file
/// The workflows of the ku tool and the Python module, each in one function from its inputs
/// (files, or tables already in memory) to its result, so every rule of a workflow is written
/// once. The callers parse their own option text (amounts, units, methods) and render the
/// results; the messages quote the callers' names of their inputs (input_names).

#include <chrono>
#include <filesystem>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/fee_audit.hpp"
#include "ku/allocation/method.hpp"
#include "ku/allocation/overhead.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/allocation/scenario.hpp"
#include "ku/core/kommun.hpp"
#include "ku/core/money.hpp"
#include "ku/core/rate.hpp"
#include "ku/indicators/price_level.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/dataset_io.hpp"
#include "ku/io/applications_io.hpp"
#include "ku/io/price_io.hpp"
#include "ku/io/indicator_io.hpp"
#include "ku/io/staffing_io.hpp"
#include "ku/shares/share_balance_audit.hpp"
#include "ku/io/sheet.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/report/period_report.hpp"
#include "ku/shares/financing.hpp"
#include "ku/shares/share_audit.hpp"

namespace ku::app {

/// The status of a result that is clean: no differences, no findings (the tool's exit 0).
inline constexpr int status_clean = 0;
/// The status of a result with differences or findings (the tool's exit 1).
inline constexpr int status_findings = 1;

/// status_clean for a clean result, else status_findings.
[[nodiscard]] constexpr int status_of(bool clean) noexcept { return clean ? status_clean : status_findings; }

/// The caller's names of the inputs the tasks' messages quote: the tool's options
/// ("--members"), the Python module's arguments ("members").
struct input_names {
    std::string_view separator; ///< the CSV separator's name
    std::string_view encoding;  ///< the CSV encoding's name
    std::string_view members;   ///< allocate's member list
    std::string_view previous;  ///< audit_balance's previous table
    std::string_view mapping;   ///< audit_balance's reorganisation mapping
    std::string_view balance = "--balance"; ///< audit_shares's balance table
    std::string_view area_names = "--map"; ///< audit_shares's pairs of area names
};

/// How to read CSV files, as the caller was told: each name absent to be detected.
struct csv_choice {
    std::optional<std::string> separator; ///< ";", "semicolon", "," or "comma"
    std::optional<std::string> encoding;  ///< a name parse_csv_encoding knows
};

/// The reader's options for `choice`; throws ku::lookup_error quoting an unknown name and the
/// caller's name of it (names.separator, names.encoding).
[[nodiscard]] csv_options csv_options_of(const csv_choice& choice, const input_names& names);

/// A CSV input: a file, read with the task's csv_choice when the task needs it, or a table
/// already in memory (its source names it in messages).
using csv_source = std::variant<std::filesystem::path, csv_table>;

/// What allocate splits: `total` by the weights in `column` of a key file (a `code` column and
/// weight columns), over `members` (kommun codes as text; none: every kommun of the file).
struct allocate_request {
    money total{};                                   ///< the amount to split, exact in öre
    csv_source weights;                              ///< the key file
    std::string column;                              ///< its weight column, e.g. "key_b"
    std::optional<std::vector<std::string>> members; ///< only these kommuner, in this order
    allocation_rule rule{};                          ///< method, and the unit of every part
    csv_choice csv;                                  ///< how to read a key file given by path
};

/// An allocation and the catalogue its kommuner are from (ku::jonkopings_lan()), for reports.
struct allocation_result {
    ku::allocation allocation;  ///< one part per member, in öre
    kommun_catalogue catalogue; ///< names the members
};

/// Splits the total of `request` over the kommuner of Jönköpings län. Throws as read_csv_file,
/// read_weights and ku::allocate; for a member not in the file ku::lookup_error
/// "MEMBERS: kommun X is not in FILE", for one given twice or none at all ku::domain_error
/// (MEMBERS: names.members, FILE: the file's source name).
[[nodiscard]] allocation_result allocate(allocate_request request, const input_names& names);

/// The proposal table of the spec (TOML) at `spec`, over Jönköpings län; `method`, when given,
/// replaces every fee's method (the command line's --method). Throws as read_proposal_spec and
/// build_proposal.
[[nodiscard]] proposal_table proposal(const std::filesystem::path& spec,
                                      std::optional<allocation_method> method = std::nullopt);

/// A computed proposal compared cell by cell with a published one, and the catalogue the
/// differences' kommuner are from (ku::jonkopings_lan()).
struct proposal_comparison {
    proposal_table table;                         ///< the proposal computed from the spec
    std::vector<proposal_difference> differences; ///< as ku::compare gives them
    kommun_catalogue catalogue;                   ///< names the kommuner

    /// No differences.
    [[nodiscard]] bool clean() const noexcept { return differences.empty(); }
    /// status_of(clean()).
    [[nodiscard]] int status() const noexcept { return status_of(clean()); }
};

/// The proposal of `spec` compared with the published table at `published` (a .json file as
/// proposal_as_json writes it, else CSV read with `csv`, amounts in kr), the spec's methods
/// replaced by `method` when given. Throws as proposal(), csv_options_of and
/// read_published_proposal_file.
[[nodiscard]] proposal_comparison compare_proposal(const std::filesystem::path& spec,
                                                   const std::filesystem::path& published, const csv_choice& csv,
                                                   const input_names& names,
                                                   std::optional<allocation_method> method = std::nullopt);

/// The proposal of the spec at `alternative` minus that of the spec at `base`, per kommun and
/// fee. Throws as proposal().
[[nodiscard]] scenario_comparison scenario(const std::filesystem::path& base,
                                           const std::filesystem::path& alternative);

/// What audit_balance audits: a balance table, optionally against the previous period's
/// (its closing balances carried over, through a reorganisation mapping when given).
struct balance_audit_request {
    csv_source table;                   ///< the balance table
    std::optional<csv_source> previous; ///< last period's table
    std::optional<csv_source> mapping;  ///< from,to,share or from,to,amount; needs previous
    unit in = unit::tkr;                ///< the unit plain numbers of every file are in
    csv_choice csv;                     ///< how to read the files given by path
};

/// A balance table and every finding of its audit.
struct balance_audit {
    balance_table table;           ///< the table as read
    std::vector<finding> findings; ///< as ku::audit_balance gives them

    /// No findings.
    [[nodiscard]] bool clean() const noexcept { return findings.empty(); }
    /// status_of(clean()).
    [[nodiscard]] int status() const noexcept { return status_of(clean()); }
};

/// Audits the table of `request`. A mapping without a previous table throws ku::domain_error
/// "MAP needs PREVIOUS: a mapping carries last period's balances into this one" (names.mapping,
/// names.previous); otherwise throws as read_csv_file, read_balance_table, read_reorganisation
/// and ku::audit_balance.
[[nodiscard]] balance_audit audit_balance(balance_audit_request request, const input_names& names);

/// What shares computes: the financing shares of a funding table (omrade, optional grupp,
/// utfall, kommunerna, staten, ovriga).
struct shares_request {
    csv_source funding; ///< the funding table
    unit in = unit::kr; ///< the unit plain amounts are in
    int decimals = 0;   ///< decimals of every percent (0 to 6)
    csv_choice csv;     ///< how to read a file given by path
};

/// The percent table of the funding of `request`, every row summing to 100. Throws as
/// read_csv_file, read_area_funding, financing_shares and to_percent_table.
[[nodiscard]] percent_table shares(shares_request request, const input_names& names);

/// A published percent table and every finding of its audit.
struct share_audit {
    published_share_table table;         ///< the table as read
    std::vector<share_finding> findings; ///< as ku::audit_shares gives them
    /// With a balance table: the shares of the outcome against its outcome column.
    std::optional<share_balance_audit> against_balance;

    /// No findings, of the table or against the balance table.
    [[nodiscard]] bool clean() const noexcept
    {
        return findings.empty() && (!against_balance || against_balance->findings.empty());
    }
    /// status_of(clean()).
    [[nodiscard]] int status() const noexcept { return status_of(clean()); }
};

/// Audits the published percent table `table` (read with `csv` when a path). Throws as
/// read_csv_file and read_published_shares.
[[nodiscard]] share_audit audit_shares(csv_source table, const csv_choice& csv, const input_names& names);

/// What audit_shares checks: a percent table and, perhaps, the balance table of the same report
/// (written in `in`) with pairs of area names that differ between them.
struct share_audit_request {
    csv_source table;                    ///< the percent table
    std::optional<csv_source> balance;   ///< the balance table whose outcome the shares follow
    std::optional<csv_source> names;     ///< CSV from,to: area names that differ between the tables
    unit in = unit::tkr;                 ///< the balance table's unit
    csv_choice csv;                      ///< how to read the files given as paths
};

/// Audits the percent table of `request` and, with a balance table, its shares of the outcome
/// against that table (ku::audit_shares_against_balance). Throws as read_csv_file,
/// read_published_shares, read_balance_table and read_area_name_pairs; ku::domain_error for
/// names without a balance table.
[[nodiscard]] share_audit audit_shares(share_audit_request request, const input_names& names);

/// Many allocations at once, as the Python module's allocate_many makes them: allocation i
/// splits `totals_ore[i]` (öre, a whole number of `in`) by row i of `weights` (row-major, one
/// column per code of `codes`, integers ≥ 0 with a positive sum) by `method`, in whole `in`.
/// Returns each part in öre, row-major. Throws ku::lookup_error for an unknown kommun,
/// ku::domain_error for a code given twice, a total not whole in `in`, a negative weight or a
/// row of zero weights, each naming the row and the kommun; ku::overflow_error for a total of
/// -2^63 öre, whose magnitude has no int64. Precondition: weights.size() ==
/// totals_ore.size() × codes.size(), codes not empty.
[[nodiscard]] std::vector<std::int64_t> allocate_many(std::span<const std::int64_t> totals_ore,
                                                      std::span<const std::int64_t> weights,
                                                      std::span<const std::string> codes, allocation_method method,
                                                      unit in);

/// The same, writing each part in öre into `parts_ore` (row-major, weights.size() elements), so
/// a caller's array (numpy's) is filled in place with no copy. On a throw `parts_ore` holds the
/// rows before the failing one.
void allocate_many(std::span<const std::int64_t> totals_ore, std::span<const std::int64_t> weights,
                   std::span<const std::string> codes, allocation_method method, unit in,
                   std::span<std::int64_t> parts_ore);

/// What overhead computes: `administration` financed by `surcharge` on `project_grants` and
/// the rest invoiced to the kommuner by the weights in `column` of a key file; with
/// `new_surcharge`, the same at that rate and each kommun's change.
struct overhead_request {
    money administration{};             ///< the administration cost to finance
    money project_grants{};             ///< the grants the surcharge is taken on
    rate surcharge{};                   ///< the OH rate (15 %)
    std::optional<rate> new_surcharge;  ///< a rate to compare with (20 %)
    csv_source weights;                 ///< the key file
    std::string column;                 ///< its weight column, e.g. "key_a"
    allocation_rule rule{};             ///< how the invoiced amount is split, and its unit
    csv_choice csv;                     ///< how to read a key file given by path
};

/// The financing at the rate, at the new rate when one was given, and the catalogue.
struct overhead_result {
    overhead_financing at_rate;                    ///< at request.surcharge
    std::optional<overhead_financing> at_new_rate; ///< at request.new_surcharge
    kommun_catalogue catalogue;                    ///< names the kommuner
};

/// Finances the overhead of `request` for every kommun of the key file. Throws as read_csv_file,
/// read_weights and ku::finance_overhead (a negative cost, grant or rate is ku::domain_error).
[[nodiscard]] overhead_result overhead(overhead_request request, const input_names& names);

/// What prices converts: amounts at `from`'s price level to the level of `to`, or of each year
/// of a budget plan, by the index series of a CSV file (columns year and index).
struct prices_request {
    csv_source index;                               ///< the index series
    std::string index_name;                         ///< its name in notes and messages ("KPI")
    std::chrono::year from{};                       ///< the price level the amounts are at
    std::variant<std::chrono::year, budget_plan> to; ///< one year, or a budget year and its plan
    std::variant<money, csv_source> amounts;        ///< one amount, or a table (labels, amount columns)
    unit in = unit::kr;                             ///< the unit amounts are written in and rounded to
    rounding_mode rounding = rounding_mode::half_up; ///< how each converted cell is rounded
    csv_choice csv;                                 ///< how to read files given by path
};

/// Converts the amounts of `request`. Throws as read_csv_file, read_price_index and
/// read_amount_table; ku::lookup_error naming the index and the year it lacks;
/// ku::overflow_error beyond the money range.
[[nodiscard]] price_conversion prices(prices_request request, const input_names& names);

/// The staffing table of a CSV file of årsarbetare (read with `csv` when a path). Throws as
/// read_csv_file and read_staffing.
[[nodiscard]] staffing_table staffing(csv_source table, const csv_choice& csv, const input_names& names);

/// What indicators computes: from a file of grant applications per period, the success rates
/// and the changes between periods as percents with `decimals` decimals rounded by `rounding`.
struct indicators_request {
    csv_source applications;                         ///< one row per period
    unit in = unit::kr;                              ///< the unit the amounts are written in
    int decimals = 0;                                ///< decimals of every percent (0–9)
    rounding_mode rounding = rounding_mode::half_up; ///< how every percent is rounded
    csv_choice csv;                                  ///< how to read the file when it is a path
};

/// The indicators of each period of `request`. Throws as read_csv_file, read_grant_applications
/// and ku::indicators_of.
[[nodiscard]] std::vector<application_indicators> indicators(indicators_request request, const input_names& names);

/// What audit_fees audits: a published fee table (kommun × fee or year, Summa row, optional
/// Summa column) with, optionally, the key file whose columns may have made it.
struct fee_audit_request {
    csv_source table;               ///< the fee table
    std::optional<csv_source> keys; ///< a key file (code and weight columns)
    unit in = unit::kr;             ///< the unit plain amounts are in, and the cells' unit
    csv_choice csv;                 ///< how to read files given by path
};

/// A fee table, where it came from, and its audit.
struct fee_table_audit {
    std::string source;         ///< the table's file (or source) name
    published_proposal table;   ///< the table as read
    ku::fee_audit audit;        ///< as ku::audit_fee_table gives it
    unit in = unit::kr;         ///< the cells' unit
    kommun_catalogue catalogue; ///< names the kommuner

    /// No findings.
    [[nodiscard]] bool clean() const noexcept { return audit.findings.empty(); }
    /// status_of(clean()).
    [[nodiscard]] int status() const noexcept { return status_of(clean()); }
};

/// Audits the fee table of `request` over Jönköpings län. Throws as read_csv_file,
/// read_published_proposal, read_keys and ku::audit_fee_table.
[[nodiscard]] fee_table_audit audit_fees(fee_audit_request request, const input_names& names);

/// A published staffing table and every finding of its audit.
struct staffing_audit {
    published_staffing_table table;          ///< the table as read
    std::vector<staffing_finding> findings;  ///< as ku::audit_staffing gives them

    /// No findings.
    [[nodiscard]] bool clean() const noexcept { return findings.empty(); }
    /// status_of(clean()).
    [[nodiscard]] int status() const noexcept { return status_of(clean()); }
};

/// Audits the published staffing table `table` (read with `csv` when a path). Throws as
/// read_csv_file and read_published_staffing.
[[nodiscard]] staffing_audit audit_staffing(csv_source table, const csv_choice& csv, const input_names& names);

/// A published indicator table and its audit.
struct indicator_table_audit {
    published_indicator_table table; ///< the table as read
    indicator_audit audit;           ///< as ku::audit_indicators gives it

    /// No findings (percents that could not be checked are notes, not findings).
    [[nodiscard]] bool clean() const noexcept { return audit.findings.empty(); }
    /// status_of(clean()).
    [[nodiscard]] int status() const noexcept { return status_of(clean()); }
};

/// Audits the published indicator table `table` (read with `csv` when a path). Throws as
/// read_csv_file and read_published_indicators.
[[nodiscard]] indicator_table_audit audit_indicators(csv_source table, const csv_choice& csv, const input_names& names);

/// What management computes: the part of ledning och stab the areas finance, `cost`, split among
/// the areas of a table (`omrade`, `utfall`: a funding table of ku shares serves) in proportion
/// to their outcome, in whole `in`.
struct management_request {
    money cost{};       ///< what the areas finance, a whole number of `in`
    csv_source areas;   ///< the areas and their outcome
    unit in = unit::kr; ///< the unit plain amounts are written in, and of every part
    csv_choice csv;     ///< how to read the file when it is a path
};

/// Each area's part of `request.cost` (ku::finance_from_areas). Throws as read_csv_file,
/// read_area_outcomes and ku::finance_from_areas (a negative outcome, an area twice, outcomes
/// summing to zero, a cost not whole in the unit are ku::domain_error).
[[nodiscard]] std::vector<area_charge> management(management_request request, const input_names& names);

/// What build_report builds: a period's tables from its dataset (TOML), opening balances carried
/// from the previous period's dataset when given.
struct report_request {
    std::filesystem::path dataset;                 ///< the period's dataset
    std::optional<std::filesystem::path> previous; ///< the previous period's dataset
    period_report_options options{};               ///< the balance table's unit, the percents' decimals
};

/// A period's report: its title, its tables, and the staffing and indicators its dataset names.
struct period_report_result {
    std::string title;                              ///< the dataset's title
    ku::period_report tables;                       ///< balance table, shares, management's financing
    std::optional<staffing_table> staffing;         ///< when the dataset names a staffing file
    std::vector<application_indicators> indicators; ///< when it names a file of grant applications
};

/// Builds the report of `request`: ku::build_period_report on the dataset, and the staffing and
/// indicators (percents with options.decimals decimals, rounded half up) of the files it names.
/// Throws as read_period_dataset, build_period_report, read_staffing and read_grant_applications.
[[nodiscard]] period_report_result build_report(const report_request& request);

// Each task's result as a report (ku/io/tables.hpp), which every format renders: the one
// function a command or a notebook calls to show a result.

/// The allocation as a report.
[[nodiscard]] report report_of(const allocation_result& result);
/// The proposal as a report.
[[nodiscard]] report report_of(const proposal_table& result);
/// The differences from the published table as a report.
[[nodiscard]] report report_of(const proposal_comparison& result);
/// The comparison as a report.
[[nodiscard]] report report_of(const scenario_comparison& result);
/// The balance table and its findings as a report.
[[nodiscard]] report report_of(const balance_audit& result);
/// The percent table as a report.
[[nodiscard]] report report_of(const percent_table& result);
/// The published percent table and its findings as a report.
[[nodiscard]] report report_of(const share_audit& result);
/// The overhead's financing and each kommun's invoice as a report.
[[nodiscard]] report report_of(const overhead_result& result);
/// The amounts at each price level as a report.
[[nodiscard]] report report_of(const price_conversion& result);
/// The staffing table as a report.
[[nodiscard]] report report_of(const staffing_table& result);
/// The indicators of every period as a report.
[[nodiscard]] report report_of(const std::vector<application_indicators>& result);
/// The staffing table's findings as a report.
[[nodiscard]] report report_of(const staffing_audit& result);
/// The indicator table's findings (and unchecked percents as notes) as a report.
[[nodiscard]] report report_of(const indicator_table_audit& result);
/// The fee table's findings (and keys) as a report.
[[nodiscard]] report report_of(const fee_table_audit& result);
/// Each area's part of ledning och stab as a report.
[[nodiscard]] report report_of(const std::vector<area_charge>& result);
/// The period's tables as one report: balance, shares, management, staffing, indicators.
[[nodiscard]] report report_of(const period_report_result& result);

// Each task's result as its JSON document (ku/io/json_io.hpp), which the matching reader
// reads back without losing an öre. A result without a document is written as its report
// (ku::render_json).

/// The allocation as a JSON document.
[[nodiscard]] std::string json_of(const allocation_result& result);
/// The proposal as a JSON document.
[[nodiscard]] std::string json_of(const proposal_table& result);
/// The differences from the published table as a JSON document.
[[nodiscard]] std::string json_of(const proposal_comparison& result);
/// The comparison as a JSON document.
[[nodiscard]] std::string json_of(const scenario_comparison& result);
/// The findings as a JSON document (findings_as_json).
[[nodiscard]] std::string json_of(const balance_audit& result);
/// The percent table as a JSON document.
[[nodiscard]] std::string json_of(const percent_table& result);
/// The findings as a JSON document (share_findings_as_json).
[[nodiscard]] std::string json_of(const share_audit& result);

} // namespace ku::app
