// Controlled rounding beside per-column largest remainder, in the same run:
//   (a) the 2025 proposal built from its spec with every fee's method set to controlled, beside
//       the same spec with largest-remainder (the table rounded column by column);
//   (b) a 290 kommuner × 100 fees table of random keys (the national scale): every column split
//       by largest remainder, beside the controlled rounding of the whole table.
// Each benchmark checks its result after the timed loop: every column sums to its total, and
// under controlled every row is within one unit of its exact total.

#include <cstdint>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "ku/allocation/apportion.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/core/controlled_rounding.hpp"
#include "ku/io/allocation_io.hpp"

namespace {

using ku::bench::sink;

void proposal_2025_by(benchmark::State& state, ku::allocation_method method)
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    const std::optional<ku::proposal_spec> read = ku::bench::spec_2025(state, catalogue);
    if (!read) {
        return;
    }
    ku::proposal_spec spec = *read;
    for (ku::fee_spec& fee : spec.fees) {
        fee.rule.method = method;
    }
    ku::proposal_table table;
    for (auto _ : state) {
        table = ku::build_proposal(spec, catalogue);
        sink(table);
        benchmark::ClobberMemory();
    }
    ku::exact_value largest = 0;
    for (std::size_t r = 0; r < table.kommuner.size(); ++r) {
        ku::exact_value drift = ku::exact_value{table.row_sum(r).in_ore(), 100} - table.exact_row_sum(r);
        largest = std::max(largest, drift < 0 ? ku::exact_value{-drift} : drift);
    }
    for (const ku::allocation& a : table.allocations) {
        if (a.residual() != ku::money{}) {
            state.SkipWithError("a fee's parts do not sum to its total");
            return;
        }
    }
    if (method == ku::allocation_method::controlled && largest >= 1) {
        state.SkipWithError("a kommun's row is a whole krona or more from its exact total");
        return;
    }
    state.counters["largest_row_drift_kr"] = largest.convert_to<double>(); // shown, never computed with
}

void proposal_2025_largest_remainder(benchmark::State& state)
{
    proposal_2025_by(state, ku::allocation_method::largest_remainder);
}
void proposal_2025_controlled(benchmark::State& state) { proposal_2025_by(state, ku::allocation_method::controlled); }
BENCHMARK(proposal_2025_largest_remainder)->Name("controlled/proposal_2025/largest_remainder")->Unit(benchmark::kMicrosecond);
BENCHMARK(proposal_2025_controlled)->Name("controlled/proposal_2025/controlled")->Unit(benchmark::kMicrosecond);

/// A 290 × 100 table: each fee a total in whole kr split by a random key over the 290 rows.
struct national_table {
    std::size_t rows = 290;
    std::size_t columns = 100;
    std::vector<std::int64_t> totals;               // per column
    std::vector<std::vector<std::int64_t>> weights; // [column][row]
};

const national_table& national()
{
    static const national_table table = [] {
        national_table t;
        std::mt19937_64 random(290100);
        for (std::size_t j = 0; j < t.columns; ++j) {
            t.totals.push_back(static_cast<std::int64_t>(100'000 + random() % 10'000'000));
            std::vector<std::int64_t> w(t.rows);
            for (auto& x : w) {
                x = static_cast<std::int64_t>(2'000 + random() % 1'000'000); // inhabitants
            }
            t.weights.push_back(std::move(w));
        }
        return t;
    }();
    return table;
}

// Largest remainder, column by column: the baseline.
void national_largest_remainder(benchmark::State& state)
{
    const national_table& t = national();
    std::vector<std::uint64_t> keys(t.rows);
    std::iota(keys.begin(), keys.end(), std::uint64_t{0});
    std::vector<std::vector<std::int64_t>> units(t.columns, std::vector<std::int64_t>(t.rows));
    ku::apportion_scratch scratch;
    for (auto _ : state) {
        for (std::size_t j = 0; j < t.columns; ++j) {
            (void)ku::apportion(ku::allocation_method::largest_remainder, t.totals[j], t.weights[j], keys, units[j],
                                scratch);
        }
        sink(units);
        benchmark::ClobberMemory();
    }
    for (std::size_t j = 0; j < t.columns; ++j) {
        if (std::accumulate(units[j].begin(), units[j].end(), std::int64_t{0}) != t.totals[j]) {
            state.SkipWithError("a column does not sum to its total");
            return;
        }
    }
    state.counters["cells"] = static_cast<double>(t.rows * t.columns);
}
BENCHMARK(national_largest_remainder)->Name("controlled/290x100/largest_remainder")->Unit(benchmark::kMillisecond);

// The whole table under controlled rounding, from its exact quotas (made once, outside the
// timed loop, as a proposal has them from its allocations).
void national_controlled(benchmark::State& state)
{
    const national_table& t = national();
    ku::rounding_problem problem{.rows = t.rows, .columns = t.columns,
                                 .cells = std::vector<std::optional<ku::exact_value>>(t.rows * t.columns),
                                 .reference_up = {}, .row_keys = {}, .column_keys = {}};
    for (std::size_t j = 0; j < t.columns; ++j) {
        const std::int64_t sum = std::accumulate(t.weights[j].begin(), t.weights[j].end(), std::int64_t{0});
        for (std::size_t i = 0; i < t.rows; ++i) {
            problem.cells[i * t.columns + j] = ku::exact_value{t.totals[j] * t.weights[j][i]} / sum; // < 2^44
        }
    }
    ku::controlled_rounding result;
    for (auto _ : state) {
        result = ku::round_controlled(problem);
        sink(result);
        benchmark::ClobberMemory();
    }
    for (std::size_t j = 0; j < t.columns; ++j) {
        if (result.column_totals[j] != t.totals[j]) {
            state.SkipWithError("a column does not sum to its total");
            return;
        }
    }
    for (std::size_t i = 0; i < t.rows; ++i) {
        const ku::exact_value drift = ku::exact_value{result.row_totals[i]} - result.exact_row_totals[i];
        if (drift >= 1 || drift <= -1) {
            state.SkipWithError("a row is a whole unit or more from its exact total");
            return;
        }
    }
    state.counters["cells"] = static_cast<double>(t.rows * t.columns);
    state.counters["changes"] = static_cast<double>(result.changes);
}
BENCHMARK(national_controlled)->Name("controlled/290x100/controlled")->Unit(benchmark::kMillisecond);

} // namespace
