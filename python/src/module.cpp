// The _ku extension module: the C++ library exposed to Python with amounts as integer öre and
// exact values as strings; python/ku/__init__.py turns them into Money, Fraction and pandas.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ku/app/tasks.hpp"
#include "ku/ku.hpp"

namespace py = pybind11;

namespace {

/// Exception classes created at import, so OverflowError can derive from two Python bases.
struct exception_types {
    PyObject* error = nullptr;
    PyObject* parse = nullptr;
    PyObject* overflow = nullptr;
    PyObject* domain = nullptr;
    PyObject* lookup = nullptr;
    PyObject* input = nullptr;
    PyObject* file = nullptr;
};

exception_types& exceptions()
{
    static exception_types types; // created once in PYBIND11_MODULE, read by the translator
    return types;
}

PyObject* new_exception(py::module_& m, const char* name, py::tuple bases, const char* doc)
{
    const std::string qualified = std::string{"ku."} + name;
    PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
    if (type == nullptr) {
        throw py::error_already_set();
    }
    m.add_object(name, py::handle(type));
    return type;
}

ku::unit unit_of(const std::string& name) { return ku::parse_unit(name, "unit"); }

/// The arguments' names, as the tasks' messages quote them.
constexpr ku::app::input_names argument_names{.separator = "separator",
                                              .encoding = "encoding",
                                              .members = "members",
                                              .previous = "previous",
                                              .mapping = "mapping",
                                              .balance = "balance",
                                              .area_names = "names"};

/// The CSV options of the Python functions' `separator` and `encoding` (None: detected);
/// throws ku::lookup_error naming the argument for an unknown one.
ku::csv_options csv_options_of(const std::optional<std::string>& separator, const std::optional<std::string>& encoding)
{
    return ku::app::csv_options_of({.separator = separator, .encoding = encoding}, argument_names);
}

/// A table from Python's _csv_text: the CSV text, its source name for messages, and whether
/// it is a file's bytes (read with the caller's options) rather than a DataFrame's to_csv text
/// (UTF-8 with ',' whatever the options).
using csv_input = std::tuple<std::string, std::string, bool>;

ku::csv_table csv_from(const csv_input& input, const ku::csv_options& file_options)
{
    const auto& [text, source, is_file] = input;
    std::istringstream in{text};
    return ku::read_csv(in, source,
                        is_file ? file_options : ku::csv_options{.delimiter = ',', .encoding = ku::csv_encoding::utf8});
}

/// The rows of a sheet as Python values: the column keys, each column's kind ("text",
/// "amount", "number", "percent"), and rows of None (blank), str (text, or a number's exact
/// plain decimal) or int (an amount in öre). Total rows are left out unless `totals`, so a
/// column's sum() is the sum of its rows (internal rows included, as in the sheet's Summa).
/// ku.__init__ turns them into a DataFrame.
py::tuple sheet_rows(const ku::sheet& sheet, bool totals = false)
{
    std::vector<std::size_t> shown;
    py::list keys;
    py::list kinds;
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
        if (sheet.columns[c].in_csv) {
            shown.push_back(c);
            keys.append(sheet.columns[c].key);
            const ku::column_kind kind = sheet.columns[c].kind;
            kinds.append(kind == ku::column_kind::text     ? "text"
                         : kind == ku::column_kind::amount ? "amount"
                         : kind == ku::column_kind::percent ? "percent"
                                                            : "number");
        }
    }
    py::list rows;
    for (const ku::sheet_row& row : sheet.rows) {
        if (!row.in_csv || (row.role == ku::row_role::total && !totals)) {
            continue;
        }
        py::list values;
        for (const std::size_t c : shown) {
            const ku::sheet_cell& cell = c < row.cells.size() ? row.cells[c] : ku::sheet_cell{};
            switch (cell.type) {
            case ku::sheet_cell::kind::empty: values.append(py::none()); break;
            case ku::sheet_cell::kind::text: values.append(cell.csv_text.empty() ? cell.text : cell.csv_text); break;
            case ku::sheet_cell::kind::amount: values.append(cell.amount.in_ore()); break;
            case ku::sheet_cell::kind::number: values.append(cell.text); break;
            }
        }
        rows.append(values);
    }
    return py::make_tuple(keys, kinds, rows);
}

/// The rows of a report's CSV sheet, as sheet_rows.
py::tuple sheet_rows(const ku::report& report, bool totals = false)
{
    return sheet_rows(report.sheets.at(report.csv_sheet), totals);
}

} // namespace

PYBIND11_MODULE(_ku, m)
{
    m.doc() = "ku's C++ core; use the ku package, not this module, directly.";

    py::module_ builtins = py::module_::import("builtins");
    exception_types& types = exceptions();
    types.error = new_exception(m, "Error", py::make_tuple(builtins.attr("ValueError")),
                                "Root of every error ku raises for bad input (a ValueError).");
    types.parse = new_exception(m, "ParseError", py::make_tuple(py::handle(types.error)),
                                "Text that cannot be read as the value asked for; the message names the input and where.");
    types.overflow = new_exception(m, "OverflowError",
                                   py::make_tuple(py::handle(types.error), builtins.attr("ArithmeticError")),
                                   "An exact result beyond ±(2^63 - 1) öre or another exact limit; never wrapped.");
    types.domain = new_exception(m, "DomainError", py::make_tuple(py::handle(types.error)),
                                 "A value outside its domain: a negative weight, an empty member set, ...");
    types.lookup = new_exception(m, "LookupError", py::make_tuple(py::handle(types.error), builtins.attr("LookupError")),
                                 "An unknown name or code: a kommun, an area, a column, a source.");
    types.input = new_exception(m, "InputError", py::make_tuple(py::handle(types.error), builtins.attr("TypeError")),
                                "An argument of the wrong type or value, such as decimals=1.0 or a float amount.");
    types.file = new_exception(m, "FileError", py::make_tuple(py::handle(types.error), builtins.attr("OSError")),
                               "A file that cannot be opened or read; the message names the path and the reason.");
    py::register_exception_translator([](std::exception_ptr p) {
        const exception_types& t = exceptions();
        try {
            if (p) {
                std::rethrow_exception(p);
            }
        } catch (const ku::parse_error& e) {
            PyErr_SetString(t.parse, e.what());
        } catch (const ku::overflow_error& e) {
            PyErr_SetString(t.overflow, e.what());
        } catch (const ku::domain_error& e) {
            PyErr_SetString(t.domain, e.what());
        } catch (const ku::lookup_error& e) {
            PyErr_SetString(t.lookup, e.what());
        } catch (const ku::error& e) {
            // The library's readers throw a plain ku::error "cannot open <path>: <reason>".
            const bool file = std::string_view{e.what()}.starts_with("cannot open ");
            PyErr_SetString(file ? t.file : t.error, e.what());
        }
    });

    // Money.
    m.def("parse_money", [](const std::string& text, const std::string& unit, const std::string& where) {
        return ku::money::parse(text, unit_of(unit), where).in_ore();
    });
    m.def("check_ore", [](std::int64_t ore) { return ku::money::ore(ore).in_ore(); });
    m.def("add", [](std::int64_t a, std::int64_t b) { return (ku::money::ore(a) + ku::money::ore(b)).in_ore(); });
    m.def("subtract", [](std::int64_t a, std::int64_t b) { return (ku::money::ore(a) - ku::money::ore(b)).in_ore(); });
    m.def("times", [](std::int64_t a, std::int64_t n) { return (ku::money::ore(a) * n).in_ore(); });
    m.def("in_unit", [](std::int64_t n, const std::string& unit) { return ku::money::in(unit_of(unit), n).in_ore(); });
    m.def("round_money", [](std::int64_t ore, const std::string& unit, const std::string& mode) {
        return ku::round(ku::money::ore(ore), unit_of(unit), ku::parse_rounding_mode(mode, "rounding")).in_ore();
    });
    m.def("multiply", [](std::int64_t ore, const std::string& factor, const std::string& mode, const std::string& unit) {
        return ku::multiply(ku::money::ore(ore), ku::ratio::parse(factor, "factor"),
                            ku::parse_rounding_mode(mode, "rounding"), unit_of(unit))
            .in_ore();
    });
    m.def("format_swedish", [](std::int64_t ore, const std::string& unit, std::optional<int> decimals,
                               const std::string& rounding, bool show_unit) {
        return ku::format_swedish(ku::money::ore(ore), {.in = unit_of(unit),
                                                        .decimals = decimals,
                                                        .rounding = ku::parse_rounding_mode(rounding, "rounding"),
                                                        .show_unit = show_unit});
    });
    m.def("format_plain", [](std::int64_t ore) { return ku::format_plain(ku::money::ore(ore)); });

    // The names the library accepts, from the one list each is defined in.
    m.def("allocation_methods", [] { return ku::allocation_method_names(); });
    m.def("units", [] { return ku::unit_names(ku::all_units); });
    m.def("rounding_modes", [] { return ku::rounding_mode_names(); });

    m.def("kommuner", [] {
        std::vector<std::pair<std::string, std::string>> list;
        for (const ku::kommun& k : ku::jonkopings_lan().all()) {
            list.emplace_back(k.code.str(), std::string{k.name});
        }
        return list;
    });

    // Allocation.
    m.def("allocate", [](std::int64_t total, const std::vector<std::string>& codes,
                         const std::vector<std::string>& weights, const std::string& method, const std::string& unit) {
        const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
        std::vector<ku::member_weight> members;
        for (std::size_t i = 0; i < codes.size(); ++i) {
            const std::string where = "weights[" + codes[i] + "]";
            const ku::kommun_code code{codes[i], where};
            (void)catalogue.at(code, where);
            members.push_back({code, ku::weight::parse(weights.at(i), where)});
        }
        const ku::allocation result = ku::allocate(
            ku::money::ore(total), members, {ku::parse_allocation_method(method, "method"), unit_of(unit)});
        py::list parts;
        for (const ku::allocation_part& part : result.parts) {
            parts.append(py::make_tuple(part.member.str(), std::string{catalogue.at(part.member).name},
                                        ku::to_string(part.weight), part.quota.to_plain(0), part.amount.in_ore(),
                                        part.adjustment.in_ore()));
        }
        py::dict d;
        d["method"] = std::string{ku::to_string(result.rule.method)};
        d["unit"] = std::string{ku::to_string(result.rule.unit)};
        d["basis"] = result.basis;
        d["total"] = result.total.in_ore();
        d["sum"] = result.sum().in_ore();
        d["residual"] = result.residual().in_ore();
        d["parts"] = parts;
        // Exact quotas in öre as (numerator, denominator) decimal strings.
        py::list quotas;
        for (const ku::allocation_part& part : result.parts) {
            quotas.append(py::make_tuple(ku::decimal_text(part.quota.numerator, 0), ku::decimal_text(part.quota.denominator, 0)));
        }
        d["quotas"] = quotas;
        return d;
    });

    m.def(
        "allocate_many",
        [](py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> totals,
           py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> weights,
           const std::vector<std::string>& codes, const std::string& method, const std::string& unit) {
            if (totals.ndim() != 1 || weights.ndim() != 2 || weights.shape(0) != totals.shape(0) ||
                weights.shape(1) != static_cast<py::ssize_t>(codes.size()) || codes.empty()) {
                throw ku::domain_error("allocate_many: expected totals of shape (n,), weights of shape (n, members) "
                                       "and one kommun code per member");
            }
            const auto n = static_cast<std::size_t>(totals.shape(0));
            py::array_t<std::int64_t> result({totals.shape(0), weights.shape(1)});
            ku::app::allocate_many(std::span<const std::int64_t>{totals.data(), n},
                                   std::span<const std::int64_t>{weights.data(), n * codes.size()}, codes,
                                   ku::parse_allocation_method(method, "method"), unit_of(unit),
                                   std::span<std::int64_t>{result.mutable_data(), n * codes.size()});
            return result; // filled in place: no copy
        });

    m.def("proposal", [](const std::string& spec_path, const std::optional<std::string>& method) {
        const ku::proposal_table table = ku::app::proposal(
            spec_path, method ? std::optional{ku::parse_allocation_method(*method, "method")} : std::nullopt);
        py::list fees;
        for (std::size_t f = 0; f < table.fees.size(); ++f) {
            const ku::allocation& a = table.allocations[f];
            fees.append(py::make_tuple(table.fees[f].name, std::string{ku::to_string(a.rule.method)},
                                       table.fees[f].in_row_sum, a.total.in_ore(), a.sum().in_ore(),
                                       a.residual().in_ore(), a.basis));
        }
        py::list rows;
        for (std::size_t r = 0; r < table.kommuner.size(); ++r) {
            std::vector<std::optional<std::int64_t>> cells;
            for (std::size_t f = 0; f < table.fees.size(); ++f) {
                const auto cell = table.cell(r, f);
                cells.push_back(cell ? std::optional<std::int64_t>{cell->in_ore()} : std::nullopt);
            }
            const ku::exact_value exact = table.exact_row_sum(r);
            rows.append(py::make_tuple(table.kommuner[r].code.str(), std::string{table.kommuner[r].name}, cells,
                                       table.row_sum(r).in_ore(),
                                       numerator(exact).str() + "/" + denominator(exact).str()));
        }
        py::dict d;
        d["title"] = table.title;
        d["fees"] = fees;
        d["rows"] = rows;
        d["grand_total"] = table.grand_total().in_ore();
        return d;
    });

    m.def("compare_proposal", [](const std::string& spec_path, const std::string& published_path,
                                 const std::optional<std::string>& separator,
                                 const std::optional<std::string>& encoding) {
        const ku::app::proposal_comparison comparison = ku::app::compare_proposal(
            spec_path, published_path, {.separator = separator, .encoding = encoding}, argument_names);
        py::list list;
        for (const ku::proposal_difference& d : comparison.differences) {
            list.append(py::make_tuple(std::string{ku::to_string(d.kind)},
                                       d.kommun ? std::optional<std::string>{d.kommun->str()} : std::nullopt, d.fee,
                                       d.published ? std::optional<std::int64_t>{d.published->in_ore()} : std::nullopt,
                                       d.computed ? std::optional<std::int64_t>{d.computed->in_ore()} : std::nullopt));
        }
        return list;
    });

    m.def("scenario", [](const std::string& base_path, const std::string& alternative_path) {
        const ku::scenario_comparison c = ku::app::scenario(base_path, alternative_path);
        py::list rows;
        for (std::size_t r = 0; r < c.kommuner.size(); ++r) {
            std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> cells;
            for (std::size_t f = 0; f < c.fees.size(); ++f) {
                cells.emplace_back(c.base[r][f].in_ore(), c.alternative[r][f].in_ore(), c.delta(r, f).in_ore());
            }
            rows.append(py::make_tuple(c.kommuner[r].code.str(), std::string{c.kommuner[r].name}, cells,
                                       c.row_delta(r).in_ore()));
        }
        py::dict d;
        d["base"] = c.base_title;
        d["alternative"] = c.alternative_title;
        d["fees"] = c.fees;
        d["in_row_sum"] = std::vector<bool>(c.in_row_sum.begin(), c.in_row_sum.end());
        d["rows"] = rows;
        d["total_delta"] = c.total_delta().in_ore();
        return d;
    });

    // Ledger.
    m.def("audit_balance", [](const csv_input& text, const std::optional<csv_input>& previous_text,
                              const std::optional<csv_input>& mapping_text, const std::string& unit,
                              const std::optional<std::string>& separator, const std::optional<std::string>& encoding) {
        const ku::csv_options options = csv_options_of(separator, encoding);
        const ku::unit in = unit_of(unit);
        const auto table_of = [&options](const std::optional<csv_input>& input) {
            return input ? std::optional<ku::app::csv_source>{csv_from(*input, options)} : std::nullopt;
        };
        const ku::app::balance_audit audit = ku::app::audit_balance({.table = csv_from(text, options),
                                                                     .previous = table_of(previous_text),
                                                                     .mapping = table_of(mapping_text),
                                                                     .in = in,
                                                                     .csv = {}},
                                                                    argument_names);
        py::list list;
        for (const ku::finding& f : audit.findings) {
            list.append(py::make_tuple(
                std::string{ku::to_string(f.kind)}, f.area.name(), std::string{ku::to_string(f.column)},
                f.expected ? std::optional<std::int64_t>{f.expected->in_ore()} : std::nullopt,
                f.found ? std::optional<std::int64_t>{f.found->in_ore()} : std::nullopt, f.difference.in_ore(),
                std::string{ku::to_string(f.classification)},
                f.note));
        }
        return list;
    });

    // The closing balance of each area by ku's identity (kvarvarande medel), for roll_forward.
    m.def("closing_balances",
          [](const std::vector<std::tuple<std::string, std::int64_t, std::int64_t, std::int64_t, std::int64_t,
                                          std::int64_t>>& rows) {
              std::vector<std::pair<std::string, std::int64_t>> closing;
              for (const auto& [area, ingaende, erhallna, utfall, utbetalt, overforda] : rows) {
                  const ku::balance_entry entry{.area = ku::partnerskap::named(area),
                                                .ingaende_balans = ku::money::ore(ingaende),
                                                .erhallna_medel = ku::money::ore(erhallna),
                                                .utfall_forbrukning = ku::money::ore(utfall),
                                                .utbetalt_till_kommuner = ku::money::ore(utbetalt),
                                                .overforda_medel = ku::money::ore(overforda)};
                  closing.emplace_back(area, entry.kvarvarande_medel().in_ore());
              }
              return closing;
          });

    m.def("reorganise", [](const std::vector<std::pair<std::string, std::int64_t>>& balances,
                           const std::vector<std::tuple<std::string, std::string, std::string, std::string>>& rules,
                           const std::string& unit) {
        std::vector<ku::reorganisation_rule> parsed;
        for (const auto& [from, to, kind, value] : rules) {
            const std::string where = "mapping " + from + " -> " + to;
            const ku::partnerskap source = ku::partnerskap::parse(from, where);
            const std::optional<ku::partnerskap> target =
                to.empty() ? std::nullopt : std::optional{ku::partnerskap::parse(to, where)};
            if (kind == "share") {
                parsed.push_back({source, target, ku::ratio::parse(value, where)});
            } else {
                parsed.push_back({source, target, ku::money::ore(std::stoll(value))});
            }
        }
        std::vector<ku::area_amount> input;
        for (const auto& [area, ore] : balances) {
            input.emplace_back(ku::partnerskap::parse(area, "balances"), ku::money::ore(ore));
        }
        std::vector<std::pair<std::string, std::int64_t>> output;
        for (const auto& [area, amount] : ku::reorganisation{parsed}.apply(input, unit_of(unit))) {
            output.emplace_back(area.name(), amount.in_ore());
        }
        return output;
    });

    // Price levels: one amount or a table converted by an index series, as the CLI's prices.
    m.def("prices", [](const csv_input& index, const std::string& index_name, int from, std::optional<int> to,
                       std::optional<int> budget, int plan_years, std::optional<std::int64_t> amount_ore,
                       const std::optional<csv_input>& table, const std::string& unit, const std::string& rounding,
                       const std::optional<std::string>& separator, const std::optional<std::string>& encoding) {
        const ku::csv_options options = csv_options_of(separator, encoding);
        std::variant<std::chrono::year, ku::budget_plan> target;
        if (budget) {
            target = ku::budget_plan::make(std::chrono::year{*budget}, plan_years);
        } else {
            target = std::chrono::year{to.value()};
        }
        std::variant<ku::money, ku::app::csv_source> amounts;
        if (table) {
            amounts = ku::app::csv_source{csv_from(*table, options)};
        } else {
            amounts = ku::money::ore(amount_ore.value());
        }
        const ku::price_conversion result = ku::app::prices({.index = csv_from(index, options),
                                                              .index_name = index_name,
                                                              .from = std::chrono::year{from},
                                                              .to = target,
                                                              .amounts = std::move(amounts),
                                                              .in = unit_of(unit),
                                                              .rounding = ku::parse_rounding_mode(rounding, "rounding"),
                                                              .csv = {}},
                                                             argument_names);
        return sheet_rows(ku::app::report_of(result));
    });

    // Overhead: an OH rate on project grants, the rest invoiced by a key, as the CLI's overhead.
    m.def("overhead", [](std::int64_t administration, std::int64_t grants, const std::string& rate,
                         const std::optional<std::string>& new_rate, const csv_input& weights,
                         const std::string& column, const std::string& method,
                         const std::optional<std::string>& separator, const std::optional<std::string>& encoding) {
        const ku::csv_options options = csv_options_of(separator, encoding);
        const ku::app::overhead_result result = ku::app::overhead(
            {.administration = ku::money::ore(administration),
             .project_grants = ku::money::ore(grants),
             .surcharge = ku::rate::parse(rate, "rate"),
             .new_surcharge = new_rate ? std::optional{ku::rate::parse(*new_rate, "new_rate")} : std::nullopt,
             .weights = csv_from(weights, options),
             .column = column,
             .rule = {ku::parse_allocation_method(method, "method"), ku::unit::kr},
             .csv = {}},
            argument_names);
        const ku::report report = ku::app::report_of(result);
        return py::make_tuple(sheet_rows(report.sheets.at(0), true), sheet_rows(report));
    });

    // Staffing: årsarbetare by form of employment and financing, as the CLI's staffing.
    m.def("staffing", [](const csv_input& text, const std::optional<std::string>& separator,
                         const std::optional<std::string>& encoding) {
        const ku::staffing_table table =
            ku::app::staffing(csv_from(text, csv_options_of(separator, encoding)), {}, argument_names);
        return sheet_rows(ku::app::report_of(table));
    });

    // Indicators: success rates of grant applications and changes, as the CLI's indicators.
    m.def("indicators", [](const csv_input& text, int decimals, const std::string& rounding, const std::string& unit,
                           const std::optional<std::string>& separator, const std::optional<std::string>& encoding) {
        return sheet_rows(ku::app::report_of(
            ku::app::indicators({.applications = csv_from(text, csv_options_of(separator, encoding)),
                                 .in = unit_of(unit),
                                 .decimals = decimals,
                                 .rounding = ku::parse_rounding_mode(rounding, "rounding"),
                                 .csv = {}},
                                argument_names)));
    });

    // The audit of a published staffing table, as the CLI's audit staffing: the findings' rows.
    m.def("audit_staffing", [](const csv_input& table, const std::optional<std::string>& separator,
                               const std::optional<std::string>& encoding) {
        return sheet_rows(ku::app::report_of(
            ku::app::audit_staffing(csv_from(table, csv_options_of(separator, encoding)), {}, argument_names)));
    });

    // The audit of a published indicator table, as the CLI's audit indicators: the findings'
    // rows and the percents that could not be checked.
    m.def("audit_indicators", [](const csv_input& table, const std::optional<std::string>& separator,
                                 const std::optional<std::string>& encoding) {
        const ku::app::indicator_table_audit result =
            ku::app::audit_indicators(csv_from(table, csv_options_of(separator, encoding)), {}, argument_names);
        return py::make_tuple(sheet_rows(ku::app::report_of(result)), result.audit.notes);
    });

    // The audit of a published fee table, as the CLI's audit fees: the findings' rows and, with
    // keys, the key of each column.
    m.def("audit_fees", [](const csv_input& table, const std::optional<csv_input>& keys, const std::string& unit,
                           const std::optional<std::string>& separator, const std::optional<std::string>& encoding) {
        const ku::csv_options options = csv_options_of(separator, encoding);
        const ku::report report = ku::app::report_of(ku::app::audit_fees(
            {.table = csv_from(table, options),
             .keys = keys ? std::optional<ku::app::csv_source>{csv_from(*keys, options)} : std::nullopt,
             .in = unit_of(unit),
             .csv = {}},
            argument_names));
        return py::make_tuple(sheet_rows(report.sheets.at(0)),
                              report.sheets.size() > 1 ? py::object{sheet_rows(report.sheets.at(1))} : py::none());
    });

    // Management financed from the areas, as the CLI's management.
    m.def("management", [](std::int64_t cost, const csv_input& areas, const std::string& unit,
                           const std::optional<std::string>& separator, const std::optional<std::string>& encoding) {
        return sheet_rows(ku::app::report_of(ku::app::management({.cost = ku::money::ore(cost),
                                                                  .areas = csv_from(areas, csv_options_of(separator, encoding)),
                                                                  .in = unit_of(unit),
                                                                  .csv = {}},
                                                                 argument_names)));
    });

    // A period's report from its dataset, as the CLI's report: each sheet's name and rows.
    m.def("report", [](const std::string& dataset, const std::optional<std::string>& previous, const std::string& unit,
                       int decimals) {
        const ku::report report = ku::app::report_of(ku::app::build_report(
            {.dataset = dataset,
             .previous = previous ? std::optional<std::filesystem::path>{*previous} : std::nullopt,
             .options = {.shown = unit_of(unit), .decimals = decimals,
                         .rounding = ku::percent_rounding::largest_remainder}}));
        py::list sheets;
        for (const ku::sheet& sheet : report.sheets) {
            sheets.append(py::make_tuple(sheet.name, sheet_rows(sheet)));
        }
        return sheets;
    });

    // Financing shares.
    m.def("shares", [](const csv_input& text, int decimals, const std::string& unit,
                       const std::optional<std::string>& separator, const std::optional<std::string>& encoding) {
        const ku::csv_options options = csv_options_of(separator, encoding);
        const ku::unit in = unit_of(unit);
        const ku::percent_table table = ku::app::shares(
            {.funding = csv_from(text, options), .in = in, .decimals = decimals, .csv = {}}, argument_names);
        py::list rows;
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const ku::share_row& row = table.rows[r];
            const char* kind = row.row_kind == ku::share_row::kind::area    ? "omrade"
                               : row.row_kind == ku::share_row::kind::group ? "grupp"
                                                                             : "summa";
            const ku::percent_row& percents = table.percents[r];
            rows.append(py::make_tuple(row.area.name(), row.row_kind == ku::share_row::kind::area ? row.group : std::nullopt,
                                       kind, percents.of_outcome.to_plain(),
                                       percents.by_kind[ku::funding_kind::kommunerna].to_plain(),
                                       percents.by_kind[ku::funding_kind::staten].to_plain(),
                                       percents.by_kind[ku::funding_kind::ovriga].to_plain(), row.utfall.in_ore()));
        }
        return rows;
    });

    m.def("audit_shares", [](const csv_input& text, const std::optional<csv_input>& balance,
                             const std::optional<csv_input>& names, const std::string& unit,
                             const std::optional<std::string>& separator, const std::optional<std::string>& encoding) {
        const ku::csv_options options = csv_options_of(separator, encoding);
        const auto source = [&](const std::optional<csv_input>& input) {
            return input ? std::optional<ku::app::csv_source>{csv_from(*input, options)} : std::nullopt;
        };
        const ku::app::share_audit audit = ku::app::audit_shares(
            {.table = csv_from(text, options), .balance = source(balance), .names = source(names), .in = unit_of(unit), .csv = {}},
            argument_names);
        py::list list;
        const auto append = [&](const ku::share_finding& f) {
            list.append(py::make_tuple(std::string{ku::to_string(f.kind)}, f.area.name(), f.column, ku::percent_text(f.expected),
                                       ku::percent_text(f.found), ku::percent_text(f.difference),
                                       std::string{ku::to_string(f.classification)}, f.note));
        };
        std::ranges::for_each(audit.findings, append);
        py::object base = py::none();
        if (audit.against_balance) {
            std::ranges::for_each(audit.against_balance->findings, append);
            base = py::str(std::string{ku::to_string(audit.against_balance->base)});
        }
        return py::make_tuple(list, base);
    });
}
