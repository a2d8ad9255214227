#pragma once
/// @file
/// The audit of a published fee table (kommun × fee or × year, a Summa row, perhaps a Summa
/// column) with no spec at hand: columns and rows that do not sum to their Summa, each said to
/// be explained by rounding or not; which columns the Summa column counts, derived from the
/// Summa row; and, given the keys, the key and method that reproduce each column, or the cells
/// that differ from the closest one (a krona moved by hand), with the corrected column.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <gsl/narrow>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/method.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/audit/finding_class.hpp"
#include "ku/core/money.hpp"

namespace ku {

/// Whether rounding explains a fee finding: the classification every audit shares.
using fee_finding_class = finding_class;

/// One fault of a fee table. `kind` is column_sum (a fee's cells against its Summa row cell;
/// fee "Summa": the Summa column against the grand total), row_sum (a kommun's counted cells
/// against its Summa column cell) or cell (a cell against the closest key's split).
struct fee_finding {
    difference_kind kind;              ///< column_sum, row_sum or cell
    std::optional<kommun_code> kommun; ///< the kommun of a row sum or cell
    std::string fee;                   ///< the fee (column); "Summa" for the Summa column
    money expected{};                  ///< what the cell or total should be
    std::optional<money> found;        ///< what the table has (none: blank)
    money difference{};                ///< found − expected (blank as 0)
    fee_finding_class classification = fee_finding_class::fault; ///< rounding or fault
    std::string note;                  ///< in Swedish: the tolerance, or the key that gives `expected`
    /// Equal when every field is.
    friend bool operator==(const fee_finding&, const fee_finding&) = default;
};

/// For one fee column, the key and method that give it: exactly, or the closest.
struct fee_key_match {
    std::string fee;          ///< the column
    std::string key;          ///< the key column that gives it ("key_a")
    allocation_method method; ///< the method
    money total{};            ///< the total split: the Summa row cell, or the column's sum when blank
    std::size_t differing = 0; ///< cells that differ from that split (0: reproduced exactly)
};

/// The audit of a fee table: its findings and, with keys, each column's key.
struct fee_audit {
    std::vector<fee_finding> findings; ///< column sums, row sums, then cells, in table order
    /// The columns the Summa column counts (by index into the table's fees): of the sets whose
    /// Summa row cells give the grand total, the one the rows' Summa cells agree with best, then
    /// the largest; every column when the table has no Summa column or no set gives its total.
    std::vector<std::size_t> counted;
    bool counted_ambiguous = false; ///< more than one set of columns gives the grand total
    std::vector<fee_key_match> keys; ///< with keys: one per column, in table order
};

/// Audits `table`, whose cells are whole `u`. With `keys`, each column is split by every key
/// (over the kommuner with a cell in it) and every method; a column no key and method gives
/// exactly is compared with the closest (fewest differing cells, then the smallest sum of
/// differences, then key and method order), and when at most `max_moved` cells differ each is a
/// cell finding whose expected value is that split. When exactly one column and one row fail
/// beyond rounding, by the same amount, the cell they share is a cell finding with the value that
/// mends both: the smallest change that makes every sum hold. Throws as ku::allocate for a key that lacks
/// a kommun of a column.
[[nodiscard]] fee_audit audit_fee_table(const published_proposal& table, std::span<const allocation_key> keys = {},
                                        unit u = unit::kr, std::size_t max_moved = 2);

namespace detail::fee_audit_impl {

/// A sum of `cells` published cells against a published total. Each cell rounded to a
/// neighbouring unit of its exact value (floor or ceiling, as every method but largest-absorbs
/// does) is less than one unit off it, so the sum is less than `cells` units off the exact total;
/// `rounded_total` adds the half unit of a total that was itself rounded (a kommun's Summa).
inline fee_finding sum_finding(difference_kind kind, std::optional<kommun_code> kommun, std::string fee,
                               money expected, std::optional<money> found, std::size_t cells, bool rounded_total,
                               unit u)
{
    const money difference = found.value_or(money{}) - expected;
    // |difference| < cells (+ ½) units; in whole units: at most cells − 1 (or cells).
    const std::int64_t tolerance =
        gsl::narrow<std::int64_t>(cells) - (rounded_total ? 0 : 1) > 0 ? gsl::narrow<std::int64_t>(cells) - (rounded_total ? 0 : 1) : 0;
    const money magnitude = difference < money{} ? -difference : difference;
    const bool rounding = found && magnitude.in_ore() <= tolerance * ore_per(u);
    return {.kind = kind,
            .kommun = kommun,
            .fee = std::move(fee),
            .expected = expected,
            .found = found,
            .difference = difference,
            .classification = rounding ? fee_finding_class::rounding : fee_finding_class::fault,
            .note = "tolerans ±" + format_swedish(money::ore(tolerance * ore_per(u)), {.in = u}) + " (" +
                    std::to_string(cells) + " avrundade celler" + (rounded_total ? " och en avrundad summa" : "") +
                    ")"};
}

/// The columns whose Summa row cells sum to `grand`: every subset, when there are at most 20.
inline std::vector<std::vector<std::size_t>> subsets_summing_to(const std::vector<std::optional<money>>& totals,
                                                                money grand)
{
    std::vector<std::vector<std::size_t>> found;
    const std::size_t n = totals.size();
    if (n > 20) {
        return found;
    }
    for (std::uint32_t mask = 0; mask < (std::uint32_t{1} << n); ++mask) {
        money sum;
        for (std::size_t c = 0; c < n; ++c) {
            if ((mask >> c & 1U) != 0) {
                sum += totals[c].value_or(money{});
            }
        }
        if (sum == grand) {
            std::vector<std::size_t> columns;
            for (std::size_t c = 0; c < n; ++c) {
                if ((mask >> c & 1U) != 0) {
                    columns.push_back(c);
                }
            }
            found.push_back(std::move(columns));
        }
    }
    return found;
}

} // namespace detail::fee_audit_impl

inline fee_audit audit_fee_table(const published_proposal& table, std::span<const allocation_key> keys, unit u,
                                 std::size_t max_moved)
{
    using namespace detail::fee_audit_impl;
    fee_audit audit;
    const std::size_t fees = table.fees.size();
    // Each fee column against its Summa row cell.
    for (std::size_t f = 0; f < fees; ++f) {
        money sum;
        std::size_t cells = 0;
        for (const auto& row : table.cells) {
            if (row[f]) {
                sum += *row[f];
                ++cells;
            }
        }
        if (table.fee_totals[f] && *table.fee_totals[f] != sum) {
            fee_finding finding = sum_finding(difference_kind::column_sum, std::nullopt, table.fees[f], sum,
                                              table.fee_totals[f], cells, false, u);
            finding.note = "kolumnens celler summerar till " + format_swedish(sum, {.in = u}) + "; " + finding.note;
            audit.findings.push_back(std::move(finding));
        }
    }
    // Which columns the Summa column counts: the subset whose Summa row cells give the grand total.
    for (std::size_t f = 0; f < fees; ++f) {
        audit.counted.push_back(f);
    }
    const bool has_summa_column = std::ranges::any_of(table.row_totals, [](const auto& t) { return t.has_value(); });
    if (has_summa_column && table.grand_total) {
        const auto subsets = subsets_summing_to(table.fee_totals, *table.grand_total);
        if (!subsets.empty()) {
            // The set the rows agree with best (the least Σ |Summa − counted cells| over the
            // rows), then the one that leaves out fewest columns.
            const auto deviation = [&](const std::vector<std::size_t>& columns) {
                money total;
                for (std::size_t r = 0; r < table.kommuner.size(); ++r) {
                    money sum;
                    for (const std::size_t f : columns) {
                        sum += table.cells[r][f].value_or(money{});
                    }
                    const money off = table.row_totals[r].value_or(sum) - sum;
                    total += off < money{} ? -off : off;
                }
                return total;
            };
            const auto better = [&](const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
                const money da = deviation(a);
                const money db = deviation(b);
                return da != db ? da < db : a.size() > b.size();
            };
            const auto best = std::ranges::min_element(subsets, better);
            audit.counted = *best;
            audit.counted_ambiguous = std::ranges::count_if(subsets, [&](const auto& s) {
                                          return !better(*best, s) && !better(s, *best);
                                      }) > 1;
        } else {
            money sum;
            for (const auto& total : table.row_totals) {
                sum += total.value_or(money{});
            }
            if (sum != *table.grand_total) {
                audit.findings.push_back(sum_finding(difference_kind::column_sum, std::nullopt, "Summa", sum,
                                                     table.grand_total, table.row_totals.size(), false, u));
            }
        }
    }
    // Each kommun's counted cells against its Summa column cell.
    for (std::size_t r = 0; r < table.kommuner.size(); ++r) {
        if (!table.row_totals[r]) {
            continue;
        }
        money sum;
        std::size_t cells = 0;
        for (const std::size_t f : audit.counted) {
            if (table.cells[r][f]) {
                sum += *table.cells[r][f];
                ++cells;
            }
        }
        if (*table.row_totals[r] != sum) {
            audit.findings.push_back(sum_finding(difference_kind::row_sum, table.kommuner[r], "Summa", sum,
                                                 table.row_totals[r], cells, true, u));
        }
    }
    // With keys: the key and method that give each column, and the cells the closest one differs in.
    for (std::size_t f = 0; f < fees && !keys.empty(); ++f) {
        std::vector<std::size_t> rows;
        money column_sum;
        for (std::size_t r = 0; r < table.kommuner.size(); ++r) {
            if (table.cells[r][f]) {
                rows.push_back(r);
                column_sum += *table.cells[r][f];
            }
        }
        if (rows.empty()) {
            continue;
        }
        const money total = table.fee_totals[f].value_or(column_sum);
        std::optional<fee_key_match> best;
        money best_distance;
        std::vector<money> best_parts;
        for (const allocation_key& key : keys) {
            std::vector<member_weight> weights;
            for (const std::size_t r : rows) {
                const auto found = std::ranges::find(key.weights, table.kommuner[r], &member_weight::member);
                if (found == key.weights.end()) {
                    throw lookup_error("fee table: kommun " + table.kommuner[r].str() + " of column \"" +
                                       table.fees[f] + "\" is not in key " + key.name);
                }
                weights.push_back(*found);
            }
            for (const allocation_method method : all_allocation_methods) {
                const allocation split = allocate(total, weights, {method, u});
                std::size_t differing = 0;
                money distance;
                std::vector<money> parts;
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    const money part = split.parts[i].amount;
                    const money cell = *table.cells[rows[i]][f];
                    parts.push_back(part);
                    if (part != cell) {
                        ++differing;
                        distance += part < cell ? cell - part : part - cell;
                    }
                }
                if (!best || differing < best->differing || (differing == best->differing && distance < best_distance)) {
                    best = fee_key_match{.fee = table.fees[f], .key = key.name, .method = method, .total = total,
                                         .differing = differing};
                    best_distance = distance;
                    best_parts = std::move(parts);
                }
            }
        }
        if (best->differing > 0 && best->differing <= max_moved) {
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const money cell = *table.cells[rows[i]][f];
                if (best_parts[i] != cell) {
                    audit.findings.push_back(
                        {.kind = difference_kind::cell,
                         .kommun = table.kommuner[rows[i]],
                         .fee = table.fees[f],
                         .expected = best_parts[i],
                         .found = cell,
                         .difference = cell - best_parts[i],
                         .classification = fee_finding_class::fault,
                         .note = "närmaste nyckel " + best->key + " (" + std::string{swedish_name(best->method)} +
                                 ") ger " + format_swedish(best_parts[i], {.in = u}) + "; " +
                                 std::to_string(best->differing) +
                                 (best->differing == 1 ? " cell skiljer" : " celler skiljer")});
                }
            }
        }
        audit.keys.push_back(std::move(*best));
    }
    // Which cell is wrong: one column and one row that fail by the same amount, beyond rounding,
    // are both mended by changing the one cell they share, and by no smaller change.
    const auto faults = [&](difference_kind kind) {
        std::vector<const fee_finding*> found;
        for (const fee_finding& f : audit.findings) {
            if (f.kind == kind && f.classification == fee_finding_class::fault &&
                (kind == difference_kind::row_sum || f.fee != "Summa")) {
                found.push_back(&f);
            }
        }
        return found;
    };
    const auto columns = faults(difference_kind::column_sum);
    const auto rows = faults(difference_kind::row_sum);
    if (columns.size() == 1 && rows.size() == 1 && columns.front()->difference == rows.front()->difference) {
        const auto f = static_cast<std::size_t>(std::ranges::find(table.fees, columns.front()->fee) - table.fees.begin());
        const auto r = static_cast<std::size_t>(std::ranges::find(table.kommuner, *rows.front()->kommun) -
                                                table.kommuner.begin());
        const bool counted = std::ranges::find(audit.counted, f) != audit.counted.end();
        const bool known = std::ranges::any_of(audit.findings, [&](const fee_finding& x) {
            return x.kind == difference_kind::cell && x.kommun == table.kommuner[r] && x.fee == table.fees[f];
        });
        if (counted && !known && table.cells[r][f]) {
            const money cell = *table.cells[r][f];
            const money corrected = cell + columns.front()->difference;
            audit.findings.push_back({.kind = difference_kind::cell,
                                      .kommun = table.kommuner[r],
                                      .fee = table.fees[f],
                                      .expected = corrected,
                                      .found = cell,
                                      .difference = cell - corrected,
                                      .classification = fee_finding_class::fault,
                                      .note = "den enda cell vars ändring till " + format_swedish(corrected, {.in = u}) +
                                              " får både kolumnens och radens summa att stämma"});
        }
    }
    return audit;
}

} // namespace ku
