// The JSON documents of the result types: each writer beside the reader that reads it back.

#include "ku/io/json_io.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <system_error>
#include <string>
#include <vector>

#include <gsl/narrow>
#include <nlohmann/json.hpp>

#include "json_node.hpp"

namespace ku {

namespace {

using detail::json_node;
using json = nlohmann::ordered_json;

/// An amount as a plain decimal string in kronor, or null.
json optional_amount(const std::optional<money>& amount)
{
    return amount ? json(format_plain(*amount)) : json(nullptr);
}

constexpr std::array all_difference_kinds{difference_kind::cell, difference_kind::fee_total, difference_kind::column_sum,
                                          difference_kind::row_sum, difference_kind::missing_fee};
constexpr std::array all_finding_kinds{finding_kind::missing_value, finding_kind::identity_broken,
                                       finding_kind::total_mismatch, finding_kind::carry_over_difference,
                                       finding_kind::wrong_cell};
constexpr std::array all_finding_classes{finding_class::rounding, finding_class::fault};
constexpr std::array all_share_finding_kinds{share_finding_kind::row_sum_mismatch,
                                             share_finding_kind::column_sum_mismatch,
                                             share_finding_kind::total_mismatch,
                                             share_finding_kind::outcome_mismatch,
                                             share_finding_kind::area_missing};

std::string plain(money amount) { return format_plain(amount); }

/// Fails at `node` unless the amount written there is `expected`.
void expect_amount(const json_node& node, money expected, std::string_view what)
{
    const money found = node.amount();
    if (found != expected) {
        node.fail(std::string{what} + " is " + plain(expected) + ", not " + plain(found));
    }
}

/// The kommun of a row with "code" and "name", from `catalogue`.
kommun kommun_of(const json_node& row, const kommun_catalogue& catalogue)
{
    const json_node code_node = row.at("code");
    const kommun_code code{code_node.text(), code_node.where()};
    const kommun k = catalogue.at(code, code_node.where());
    const json_node name = row.at("name");
    if (name.text() != k.name) {
        name.fail("the kommun with code " + code.str() + " is " + std::string{k.name} + ", not \"" + name.text() +
                  "\"");
    }
    return k;
}

/// An exact value written as a plain decimal ("-34.8", "0.0125") or a fraction ("100/3"), and
/// how many decimals it was written with.
struct exact_text {
    exact_share value;
    int decimals = 0;
};

/// The value of a string of decimal digits. (cpp_int's string constructor reads "010" as
/// octal, and throws a std::runtime_error for "09": digits are summed here instead.)
boost::multiprecision::cpp_int digits_value(std::string_view digits)
{
    boost::multiprecision::cpp_int value = 0;
    for (const char c : digits) {
        value = value * 10 + (c - '0');
    }
    return value;
}

exact_text exact_of(const json_node& node)
{
    const std::string text = node.text();
    const auto malformed = [&] {
        node.fail("\"" + text + "\" is not an exact decimal (\"34.8\") or fraction (\"100/3\")");
    };
    const bool negative = text.starts_with('-');
    const std::string_view body = std::string_view{text}.substr(negative ? 1 : 0);
    const auto digits = [](std::string_view s) {
        return !s.empty() && std::ranges::all_of(s, [](char c) { return c >= '0' && c <= '9'; });
    };
    exact_text out;
    if (const auto slash = body.find('/'); slash != std::string_view::npos) {
        const std::string_view numerator = body.substr(0, slash);
        const std::string_view denominator = body.substr(slash + 1);
        if (!digits(numerator) || !digits(denominator)) {
            malformed();
        }
        const boost::multiprecision::cpp_int den = digits_value(denominator);
        if (den == 0) {
            node.fail("\"" + text + "\" has a zero denominator");
        }
        out.value = exact_share{digits_value(numerator), den};
    } else {
        const auto point = body.find('.');
        const std::string_view whole = body.substr(0, point);
        const std::string_view fraction = point == std::string_view::npos ? std::string_view{} : body.substr(point + 1);
        if (!digits(whole) || (point != std::string_view::npos && !digits(fraction))) {
            malformed();
        }
        out.decimals = gsl::narrow<int>(fraction.size());
        out.value = exact_share{digits_value(std::string{whole} + std::string{fraction}),
                                boost::multiprecision::pow(boost::multiprecision::cpp_int{10},
                                                           gsl::narrow<unsigned>(fraction.size()))};
    }
    if (negative) {
        out.value = -out.value;
    }
    return out;
}

} // namespace

std::string read_json_file(const std::filesystem::path& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw error("cannot read " + path.string() + ": it is a folder");
    }
    std::ifstream file{path, std::ios::binary};
    if (!file) {
        throw error("cannot open " + path.string());
    }
    std::string text{std::istreambuf_iterator<char>{file}, std::istreambuf_iterator<char>{}};
    if (file.bad()) {
        throw error("cannot read " + path.string());
    }
    return text;
}

std::string allocation_as_json(const allocation& result, const kommun_catalogue& catalogue)
{
    json document;
    document["method"] = std::string{to_string(result.rule.method)};
    document["unit"] = std::string{to_string(result.rule.unit)};
    document["basis"] = result.basis;
    document["total"] = format_plain(result.total);
    document["sum"] = format_plain(result.sum());
    document["residual"] = format_plain(result.residual());
    json parts = json::array();
    for (const allocation_part& part : result.parts) {
        parts.push_back({
            {"code", part.member.str()},
            {"name", catalogue.name_or_code(part.member)},
            {"weight", to_string(part.weight)},
            {"quota", part.quota.to_plain(6)},
            {"quota_ore", part.quota.to_fraction()},
            {"fixed", format_plain(part.fixed)},
            {"supplement", format_plain(part.supplement)},
            {"amount", format_plain(part.amount)},
            {"adjustment", format_plain(part.adjustment)},
        });
    }
    document["parts"] = std::move(parts);
    return document.dump(2) + "\n";
}

allocation read_allocation_json(std::string_view text, std::string_view source)
{
    const json_node document = json_node::parse(text, std::string{source});
    allocation result;
    const json_node method = document.at("method");
    result.rule.method = parse_allocation_method(method.text(), method.where());
    const json_node unit_node = document.at("unit");
    result.rule.unit = parse_unit(unit_node.text(), unit_node.where());
    const money step = money::ore(ore_per(result.rule.unit));
    const auto whole = [&](const json_node& node) {
        const money amount = node.amount();
        if (amount.in_ore() % step.in_ore() != 0) {
            node.fail(plain(amount) + " is not a whole number of " + std::string{to_string(result.rule.unit)});
        }
        return amount;
    };
    result.basis = document.at("basis").text();
    result.total = whole(document.at("total"));
    for (const json_node& node : document.at("parts").elements()) {
        const json_node code = node.at("code");
        const json_node weight_node = node.at("weight");
        const json_node quota_node = node.at("quota_ore");
        allocation_part part{
            .member = kommun_code{code.text(), code.where()},
            .weight = weight::parse(weight_node.text(), weight_node.where()),
            .quota = exact_quota::from_fraction(quota_node.text(), quota_node.where()),
            .fixed = whole(node.at("fixed")),
            .supplement = whole(node.at("supplement")),
            .amount = whole(node.at("amount")),
            .adjustment = node.at("adjustment").amount(),
        };
        if (result.find(part.member) != nullptr) {
            code.fail("kommun " + part.member.str() + " has a second part");
        }
        const json_node shown = node.at("quota");
        if (shown.text() != part.quota.to_plain(6)) {
            shown.fail("the quota " + quota_node.text() + " öre is " + part.quota.to_plain(6) + " kr, not " +
                       shown.text());
        }
        // amount − the quota rounded toward zero to the unit (C++ division truncates).
        const int128 truncated = part.quota.numerator / part.quota.denominator / step.in_ore() * step.in_ore();
        const money expected_adjustment =
            part.amount - money::ore(detail::checked_ore(truncated, "the quota of a part"));
        if (part.adjustment != expected_adjustment) {
            expect_amount(node.at("adjustment"), expected_adjustment, "the amount minus the truncated quota");
        }
        result.parts.push_back(std::move(part));
    }
    expect_amount(document.at("sum"), result.sum(), "the sum of the parts' amounts");
    expect_amount(document.at("residual"), result.residual(), "total − sum");
    return result;
}

std::string proposal_as_json(const proposal_table& proposal)
{
    json document;
    document["title"] = proposal.title;
    json fees = json::array();
    for (std::size_t column = 0; column < proposal.fees.size(); ++column) {
        const allocation& a = proposal.allocations[column];
        fees.push_back({
            {"name", proposal.fees[column].name},
            {"method", std::string{to_string(a.rule.method)}},
            {"unit", std::string{to_string(a.rule.unit)}},
            {"basis", a.basis},
            {"in_row_sum", proposal.fees[column].in_row_sum},
            {"total", format_plain(a.total)},
            {"sum", format_plain(a.sum())},
            {"residual", format_plain(a.residual())},
        });
    }
    document["fees"] = std::move(fees);
    json rows = json::array();
    for (std::size_t r = 0; r < proposal.kommuner.size(); ++r) {
        json amounts = json::object();
        for (std::size_t column = 0; column < proposal.fees.size(); ++column) {
            amounts[proposal.fees[column].name] = optional_amount(proposal.cell(r, column));
        }
        rows.push_back({
            {"code", proposal.kommuner[r].code.str()},
            {"name", std::string{proposal.kommuner[r].name}},
            {"amounts", std::move(amounts)},
            {"summa", format_plain(proposal.row_sum(r))},
        });
    }
    document["rows"] = std::move(rows);
    document["grand_total"] = format_plain(proposal.grand_total());
    return document.dump(2) + "\n";
}

published_proposal read_proposal_json(std::string_view text, std::string_view source,
                                      const kommun_catalogue& catalogue)
{
    const json_node document = json_node::parse(text, std::string{source});
    static_cast<void>(document.at("title").text()); // checked, not kept
    published_proposal published;
    for (const json_node& fee : document.at("fees").elements()) {
        const json_node name = fee.at("name");
        if (std::ranges::find(published.fees, name.text()) != published.fees.end()) {
            name.fail("the fee \"" + name.text() + "\" appears twice");
        }
        published.fees.push_back(name.text());
        const json_node method = fee.at("method");
        static_cast<void>(parse_allocation_method(method.text(), method.where()));
        const json_node unit_node = fee.at("unit");
        static_cast<void>(parse_unit(unit_node.text(), unit_node.where()));
        static_cast<void>(fee.at("basis").text()); // checked, not kept
        static_cast<void>(fee.at("in_row_sum").boolean()); // checked, not kept
        const money total = fee.at("total").amount();
        const money sum = fee.at("sum").amount();
        expect_amount(fee.at("residual"), total - sum, "total − sum");
        published.fee_totals.emplace_back(sum);
    }
    for (const json_node& row : document.at("rows").elements()) {
        const kommun k = kommun_of(row, catalogue);
        if (std::ranges::find(published.kommuner, k.code) != published.kommuner.end()) {
            row.at("code").fail("kommun " + k.code.str() + " appears twice");
        }
        published.kommuner.push_back(k.code);
        const json_node amounts = row.at("amounts");
        std::vector<std::optional<money>> cells;
        for (const std::string& fee : published.fees) {
            cells.push_back(amounts.at(fee).optional_amount());
        }
        for (const auto& [name, value] : amounts.members()) {
            if (std::ranges::find(published.fees, name) == published.fees.end()) {
                value.fail("\"" + name + "\" is not one of the proposal's fees");
            }
        }
        published.cells.push_back(std::move(cells));
        published.row_totals.emplace_back(row.at("summa").amount());
    }
    published.grand_total = document.at("grand_total").amount();
    return published;
}

std::string differences_as_json(std::span<const proposal_difference> differences, const kommun_catalogue& catalogue)
{
    json list = json::array();
    for (const proposal_difference& d : differences) {
        list.push_back({
            {"kind", std::string{to_string(d.kind)}},
            {"code", d.kommun ? json(d.kommun->str()) : json(nullptr)},
            {"kommun", d.kommun ? json(catalogue.name_or_code(*d.kommun)) : json(nullptr)},
            {"fee", d.fee},
            {"published", optional_amount(d.published)},
            {"computed", optional_amount(d.computed)},
        });
    }
    json document;
    document["differences"] = std::move(list);
    return document.dump(2) + "\n";
}

std::vector<proposal_difference> read_differences_json(std::string_view text, std::string_view source)
{
    const json_node document = json_node::parse(text, std::string{source});
    std::vector<proposal_difference> differences;
    for (const json_node& node : document.at("differences").elements()) {
        const json_node code = node.at("code");
        const std::optional<std::string> digits = code.optional_text();
        differences.push_back({
            .kind = node.at("kind").one_of<difference_kind>(all_difference_kinds),
            .kommun = digits ? std::optional{kommun_code{*digits, code.where()}} : std::nullopt,
            .fee = node.at("fee").text(),
            .published = node.at("published").optional_amount(),
            .computed = node.at("computed").optional_amount(),
        });
        static_cast<void>(node.at("kommun").optional_text()); // checked, not kept
    }
    return differences;
}

std::string scenario_as_json(const scenario_comparison& c)
{
    json document;
    document["base"] = c.base_title;
    document["alternative"] = c.alternative_title;
    json fees = json::array();
    for (std::size_t f = 0; f < c.fees.size(); ++f) {
        fees.push_back({{"name", c.fees[f]},
                        {"in_row_sum", static_cast<bool>(c.in_row_sum[f])},
                        {"base_in_row_sum", static_cast<bool>(c.base_in_row_sum[f])},
                        {"alternative_in_row_sum", static_cast<bool>(c.alternative_in_row_sum[f])},
                        {"delta", format_plain(c.fee_delta(f))}});
    }
    document["fees"] = std::move(fees);
    json rows = json::array();
    for (std::size_t r = 0; r < c.kommuner.size(); ++r) {
        json cells = json::object();
        for (std::size_t f = 0; f < c.fees.size(); ++f) {
            cells[c.fees[f]] = {{"base", format_plain(c.base[r][f])},
                                {"alternative", format_plain(c.alternative[r][f])},
                                {"delta", format_plain(c.delta(r, f))}};
        }
        rows.push_back({{"code", c.kommuner[r].code.str()},
                        {"name", std::string{c.kommuner[r].name}},
                        {"fees", std::move(cells)},
                        {"delta", format_plain(c.row_delta(r))}});
    }
    document["rows"] = std::move(rows);
    document["total_delta"] = format_plain(c.total_delta());
    return document.dump(2) + "\n";
}

scenario_comparison read_scenario_json(std::string_view text, std::string_view source,
                                       const kommun_catalogue& catalogue)
{
    const json_node document = json_node::parse(text, std::string{source});
    scenario_comparison c;
    c.base_title = document.at("base").text();
    c.alternative_title = document.at("alternative").text();
    const std::vector<json_node> fees = document.at("fees").elements();
    for (const json_node& fee : fees) {
        const json_node name = fee.at("name");
        if (std::ranges::find(c.fees, name.text()) != c.fees.end()) {
            name.fail("the fee \"" + name.text() + "\" appears twice");
        }
        c.fees.push_back(name.text());
        c.base_in_row_sum.push_back(fee.at("base_in_row_sum").boolean());
        c.alternative_in_row_sum.push_back(fee.at("alternative_in_row_sum").boolean());
        c.in_row_sum.push_back(fee.at("in_row_sum").boolean());
    }
    const std::vector<json_node> rows = document.at("rows").elements();
    for (const json_node& row : rows) {
        const kommun k = kommun_of(row, catalogue);
        if (std::ranges::find(c.kommuner, k.code, &kommun::code) != c.kommuner.end()) {
            row.at("code").fail("kommun " + k.code.str() + " appears twice");
        }
        c.kommuner.push_back(k);
        const json_node cells = row.at("fees");
        std::vector<money> base;
        std::vector<money> alternative;
        for (const std::string& fee : c.fees) {
            const json_node cell = cells.at(fee);
            base.push_back(cell.at("base").amount());
            alternative.push_back(cell.at("alternative").amount());
            expect_amount(cell.at("delta"), alternative.back() - base.back(), "alternative − base");
        }
        for (const auto& [name, value] : cells.members()) {
            if (std::ranges::find(c.fees, name) == c.fees.end()) {
                value.fail("\"" + name + "\" is not one of the comparison's fees");
            }
        }
        c.base.push_back(std::move(base));
        c.alternative.push_back(std::move(alternative));
    }
    // The sums repeat the cells: check them once every cell is read.
    for (std::size_t f = 0; f < fees.size(); ++f) {
        if (c.in_row_sum[f] != (c.base_in_row_sum[f] || c.alternative_in_row_sum[f])) {
            fees[f].at("in_row_sum").fail("in_row_sum is true exactly when the fee counts in either proposal");
        }
        expect_amount(fees[f].at("delta"), c.fee_delta(f), "the fee's delta over every kommun");
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        expect_amount(rows[r].at("delta"), c.row_delta(r), "the row's delta");
    }
    expect_amount(document.at("total_delta"), c.total_delta(), "the sum of the row deltas");
    return c;
}

std::string percent_table_as_json(const percent_table& table)
{
    json rows = json::array();
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const share_row& row = table.rows[r];
        const std::optional<std::string> group =
            row.row_kind == share_row::kind::area ? row.group : std::optional<std::string>{};
        json out = {
            {"omrade", row.area.name()},
            {"grupp", group ? json(*group) : json(nullptr)},
            {"rad_typ", row.row_kind == share_row::kind::area ? "omrade"
                        : row.row_kind == share_row::kind::group ? "grupp" : "summa"},
            {"andel_av_utfall", table.percents[r].of_outcome.to_plain()},
        };
        for (const funding_kind kind : all_funding_kinds) {
            out[std::string{funding_column(kind)}] = table.percents[r].by_kind[kind].to_plain();
        }
        rows.push_back(std::move(out));
    }
    json document;
    document["rows"] = std::move(rows);
    return document.dump(2) + "\n";
}

published_share_table read_percent_table_json(std::string_view text, std::string_view source)
{
    const json_node document = json_node::parse(text, std::string{source});
    published_share_table table{.source = std::string{source}, .rows = {}};
    for (const json_node& node : document.at("rows").elements()) {
        published_share_row row{.area = node.at("omrade").area(),
                                .group = node.at("grupp").optional_text(),
                                .is_total = false,
                                .is_group = false,
                                .andel_av_utfall = std::nullopt,
                                .by_kind = {},
                                .line = 0,
                                .decimals = 0,
                                .cell_decimals = {}};
        if (std::ranges::any_of(table.rows,
                                [&](const published_share_row& r) { return r.area.same_area(row.area); })) {
            node.at("omrade").fail("\"" + row.area.name() + "\" appears twice");
        }
        const json_node kind = node.at("rad_typ");
        const std::string kind_name = kind.text();
        if (kind_name != "omrade" && kind_name != "grupp" && kind_name != "summa") {
            kind.fail("\"" + kind_name + "\" is not one of omrade, grupp, summa");
        }
        row.is_group = kind_name == "grupp";
        row.is_total = kind_name == "summa";
        // Each cell: its name, where its value goes, and its position in cell_decimals.
        const auto read_cell = [&](std::string_view name, std::optional<exact_share>& target, std::size_t cell) {
            const json_node value = node.at(name);
            if (value.is_null()) {
                return;
            }
            const exact_text percent_value = exact_of(value);
            if (percent_value.value < 0 || percent_value.value > 100) {
                value.fail("a percent is between 0 and 100, not " + value.text());
            }
            target = percent_value.value;
            row.cell_decimals[cell] = percent_value.decimals;
            row.decimals = std::max(row.decimals, percent_value.decimals);
        };
        read_cell("andel_av_utfall", row.andel_av_utfall, 0);
        for (const funding_kind funding : all_funding_kinds) {
            read_cell(funding_column(funding), row.by_kind[funding], share_cell(funding));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

std::string findings_as_json(std::span<const finding> findings)
{
    const auto amount = [](const std::optional<money>& m) { return m ? json(format_plain(*m)) : json(nullptr); };
    json list = json::array();
    for (const finding& f : findings) {
        list.push_back({
            {"kind", std::string{to_string(f.kind)}},
            {"area", f.area.name()},
            {"column", std::string{to_string(f.column)}},
            {"expected", amount(f.expected)},
            {"found", amount(f.found)},
            {"difference", format_plain(f.difference)},
            {"classification", std::string{to_string(f.classification)}},
            {"note", f.note},
        });
    }
    json document;
    document["findings"] = std::move(list);
    return document.dump(2) + "\n";
}

std::vector<finding> read_findings_json(std::string_view text, std::string_view source)
{
    const json_node document = json_node::parse(text, std::string{source});
    std::vector<finding> findings;
    for (const json_node& node : document.at("findings").elements()) {
        const json_node column = node.at("column");
        const auto found_column = find_balance_column(column.text());
        if (!found_column) {
            column.fail("\"" + column.text() + "\" is not a balance column");
        }
        const json_node classification = node.at("classification");
        // Before every finding was classified: null for all but carry-over, "unexplained" for a fault.
        const finding_class read_class = classification.is_null() || classification.text() == "unexplained"
                                             ? finding_class::fault
                                             : classification.one_of<finding_class>(all_finding_classes);
        finding f{
            .kind = node.at("kind").one_of<finding_kind>(all_finding_kinds),
            .area = node.at("area").area(),
            .column = *found_column,
            .expected = node.at("expected").optional_amount(),
            .found = node.at("found").optional_amount(),
            .difference = node.at("difference").amount(),
            .classification = read_class,
            .note = node.at("note").text(),
        };
        if (f.expected && f.difference != f.found.value_or(money{}) - *f.expected) {
            expect_amount(node.at("difference"), f.found.value_or(money{}) - *f.expected,
                          "found − expected (a blank counting as 0)");
        }
        findings.push_back(std::move(f));
    }
    return findings;
}

std::string share_findings_as_json(std::span<const share_finding> findings, std::string_view outcome_base)
{
    json list = json::array();
    for (const share_finding& f : findings) {
        list.push_back({{"kind", std::string{to_string(f.kind)}},
                        {"area", f.area.name()},
                        {"column", f.column},
                        {"expected", percent_text(f.expected)},
                        {"found", percent_text(f.found)},
                        {"difference", percent_text(f.difference)},
                        {"classification", std::string{to_string(f.classification)}},
                        {"note", f.note}});
    }
    json document;
    if (!outcome_base.empty()) {
        document["outcome_base"] = std::string{outcome_base};
    }
    document["findings"] = std::move(list);
    return document.dump(2) + "\n";
}

std::vector<share_finding> read_share_findings_json(std::string_view text, std::string_view source)
{
    const json_node document = json_node::parse(text, std::string{source});
    std::vector<share_finding> findings;
    for (const json_node& node : document.at("findings").elements()) {
        share_finding f{
            .kind = node.at("kind").one_of<share_finding_kind>(all_share_finding_kinds),
            .area = node.at("area").area(),
            .column = node.at("column").text(),
            .expected = exact_of(node.at("expected")).value,
            .found = exact_of(node.at("found")).value,
            .difference = exact_of(node.at("difference")).value,
            .classification = finding_class::fault,
            .note = node.at("note").text(),
        };
        if (const std::optional<json_node> classification = node.find("classification")) {
            f.classification = classification->one_of<finding_class>(all_finding_classes);
        }
        if (f.difference != f.found - f.expected) {
            node.at("difference").fail("found − expected is " + percent_text(f.found - f.expected) + ", not " +
                                       percent_text(f.difference));
        }
        findings.push_back(std::move(f));
    }
    return findings;
}

} // namespace ku
