// Allocation benchmarks: the integer apportionment engine (ku::apportion) by each of its four
// methods for 13, 290 and 1 000 000 members; beside it the naive double split in the same
// binary; then the kommun-level ku::allocate (validation and result building included) and the
// whole 2025 proposal built from its spec.
//
// The naive_double rows are a BASELINE, not an alternative: share = w / W in double and
// round(total × share) per member is inexact, and the parts do not in general sum to the
// total (counter "residual"); counter "wrong" says how many parts differ from the exact
// round-each result, computed outside the timed loop.
//
// Inputs are generated before the timed loop, from a seeded std::mt19937_64 (13 members: the
// population key A of the 2025 proposal). One ku::apportion_scratch is reused across
// iterations, so after the first call the engine allocates nothing. After each timed loop the
// last result is checked, so a broken benchmark reports an error instead of a figure.
//
// Time per iteration is the time of one whole allocation; items_per_second counts members.

#include <benchmark/benchmark.h>

#include "bench_support.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/apportion.hpp"
#include "ku/allocation/method.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/core/kommun.hpp"
#include "ku/core/money.hpp"
#include "ku/io/allocation_io.hpp"

#ifndef KU_DATA_DIR
#error "KU_DATA_DIR must name the repository's data/ folder (set in benchmarks/CMakeLists.txt)"
#endif

namespace {

using ku::bench::opaque;
using ku::bench::sink;


/// Population key A of the 2025 proposal (data/population_keys.csv, in that file's order),
/// and the kommun codes of those rows.
constexpr std::array<std::int64_t, 13> key_a{6842,  17794, 29145, 9309,  13283, 146197, 7568,
                                             31649, 11664, 18806, 14857, 27531, 34682};
constexpr std::array<std::string_view, 13> key_a_codes{"0604", "0686", "0662", "0617", "0643",
                                                       "0680", "0642", "0682", "0684", "0687",
                                                       "0665", "0685", "0683"};

/// The total split among 13 or 290 members: 1 583 550 kr (Digitalisering 2025) in whole
/// kronor. Among 10^6 members: 10^12 units, about 10^6 per member, so quotas are not trivial.
constexpr std::int64_t small_total_units = 1'583'550;
constexpr std::int64_t large_total_units = 1'000'000'000'000;

/// Random populations for the synthetic member counts.
constexpr std::int64_t min_population = 2'000;
constexpr std::int64_t max_population = 1'000'000;

[[nodiscard]] std::int64_t total_units_for(std::size_t members)
{
    return members >= 1'000'000 ? large_total_units : small_total_units;
}

/// Integer weights and tie keys of one member count.
struct members_input {
    std::vector<std::int64_t> weights;
    std::vector<std::uint64_t> keys;
};

[[nodiscard]] members_input make_members(std::size_t count)
{
    members_input input;
    input.weights.resize(count);
    input.keys.resize(count);
    if (count == key_a.size()) {
        for (std::size_t i = 0; i < count; ++i) {
            input.weights[i] = key_a[i];
            input.keys[i] = ku::kommun_code{key_a_codes[i]}.ordinal();
        }
        return input;
    }
    std::mt19937_64 engine{count};
    std::uniform_int_distribution<std::int64_t> distribution{min_population, max_population};
    for (std::size_t i = 0; i < count; ++i) {
        input.weights[i] = distribution(engine);
        input.keys[i] = i;
    }
    return input;
}

/// The input of `count` members, generated once per process (Google Benchmark calls each
/// benchmark function several times while it settles on an iteration count).
[[nodiscard]] const members_input& members_of(std::size_t count)
{
    static const members_input thirteen = make_members(13);
    static const members_input small = make_members(290);
    static const members_input large = make_members(1'000'000);
    switch (count) {
    case 13: return thirteen;
    case 290: return small;
    case 1'000'000: return large;
    default: break;
    }
    std::terminate(); // only the three registered sizes are used
}

[[nodiscard]] std::int64_t sum_of(std::span<const std::int64_t> units)
{
    std::int64_t total = 0;
    for (const std::int64_t u : units) {
        total += u;
    }
    return total;
}

void set_members(benchmark::State& state, std::size_t members)
{
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(members));
}

/// Registers a benchmark for 13, 290 and 10^6 members, reported per allocation.
void member_counts(benchmark::internal::Benchmark* b)
{
    b->Arg(13)->Arg(290)->Arg(1'000'000)->Unit(benchmark::kMicrosecond);
}

// ---------------------------------------------------------------------------------------------
// (a) ku::apportion: the integer engine, one allocation per iteration.

template <ku::allocation_method Method>
void apportion_members(benchmark::State& state)
{
    const auto count = static_cast<std::size_t>(state.range(0));
    const members_input& input = members_of(count);
    const std::int64_t total = opaque(total_units_for(count));
    std::vector<std::int64_t> units(count);
    ku::apportion_scratch scratch;
    std::int64_t residual = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(input.weights.data()); // the weights may have changed
        residual = ku::apportion(Method, total, input.weights, input.keys, units, scratch);
        sink(residual);
        benchmark::DoNotOptimize(units.data());
        benchmark::ClobberMemory(); // the stores to units must happen
    }
    set_members(state, count);

    const std::int64_t given = sum_of(units);
    if (given + residual != total) {
        state.SkipWithError("the units and the residual do not add up to the total");
        return;
    }
    if (Method != ku::allocation_method::round_each && residual != 0) {
        state.SkipWithError("an exact method did not sum to the total: the benchmark is broken");
        return;
    }
    state.counters["residual"] = static_cast<double>(residual);
}

BENCHMARK_TEMPLATE(apportion_members, ku::allocation_method::largest_remainder)
    ->Name("allocate/largest_remainder")
    ->Apply(member_counts);
BENCHMARK_TEMPLATE(apportion_members, ku::allocation_method::sainte_lague)
    ->Name("allocate/sainte_lague")
    ->Apply(member_counts);
BENCHMARK_TEMPLATE(apportion_members, ku::allocation_method::round_each)
    ->Name("allocate/round_each")
    ->Apply(member_counts);
BENCHMARK_TEMPLATE(apportion_members, ku::allocation_method::largest_absorbs)
    ->Name("allocate/largest_absorbs")
    ->Apply(member_counts);

/// Baseline: share = w / W in double, round(total × share) per member, the spreadsheet way.
/// Inexact. Counters: residual (total − Σ parts) and wrong (parts that differ from the exact
/// round-each result).
void naive_double_members(benchmark::State& state)
{
    const auto count = static_cast<std::size_t>(state.range(0));
    const members_input& input = members_of(count);
    const std::int64_t total_units = total_units_for(count);
    const double total = opaque(static_cast<double>(total_units));
    std::vector<std::int64_t> units(count);
    for (auto _ : state) {
        benchmark::DoNotOptimize(input.weights.data());
        double weight_sum = 0;
        for (const std::int64_t w : input.weights) {
            weight_sum += static_cast<double>(w);
        }
        for (std::size_t i = 0; i < count; ++i) {
            const double share = static_cast<double>(input.weights[i]) / weight_sum;
            units[i] = std::llround(total * share);
        }
        benchmark::DoNotOptimize(units.data());
        benchmark::ClobberMemory();
    }
    set_members(state, count);

    std::vector<std::int64_t> exact(count);
    ku::apportion_scratch scratch;
    (void)ku::apportion(ku::allocation_method::round_each, total_units, input.weights, input.keys,
                        exact, scratch);
    std::int64_t wrong = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::int64_t error = units[i] - exact[i];
        if (error > 1 || error < -1) {
            state.SkipWithError("a double part is off by more than one unit: the benchmark is broken");
            return;
        }
        wrong += error != 0 ? 1 : 0;
    }
    state.counters["residual"] = static_cast<double>(total_units - sum_of(units));
    state.counters["wrong"] = static_cast<double>(wrong);
}
BENCHMARK(naive_double_members)->Name("allocate/naive_double")->Apply(member_counts);

// ---------------------------------------------------------------------------------------------
// (b) The kommun-level API: ku::allocate over the 13 kommuner with key A, largest remainder in
// whole kronor. Includes validation (duplicates, whole total), scaling the decimal weights,
// the engine, and building the result (exact quotas, adjustments, the basis text).

void kommun_api_13(benchmark::State& state)
{
    std::vector<ku::member_weight> weights;
    for (std::size_t i = 0; i < key_a.size(); ++i) {
        weights.push_back({ku::kommun_code{key_a_codes[i]}, ku::weight::whole(key_a[i])});
    }
    const ku::money total = ku::money::kr(opaque(small_total_units));
    const ku::allocation_rule rule{.method = ku::allocation_method::largest_remainder,
                                   .unit = ku::unit::kr};
    ku::allocation result;
    for (auto _ : state) {
        benchmark::DoNotOptimize(weights.data());
        result = ku::allocate(total, weights, rule);
        sink(result);
        benchmark::ClobberMemory();
    }
    set_members(state, weights.size());
    if (result.parts.size() != weights.size() || result.sum() != total) {
        state.SkipWithError("ku::allocate did not split the whole total among the 13 kommuner");
    }
}
BENCHMARK(kommun_api_13)->Name("allocate/kommun_api/13")->Unit(benchmark::kMicrosecond);

// ---------------------------------------------------------------------------------------------
// (c) The whole 2025 proposal (16 fees over the 13 kommuner) built from its spec, which is read
// once, outside the timed loop. Items are the cells computed (one per kommun and fee).

void proposal_2025(benchmark::State& state)
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    const std::optional<ku::proposal_spec> read = ku::bench::spec_2025(state, catalogue);
    if (!read) {
        return;
    }
    const ku::proposal_spec& spec = *read;
    ku::proposal_table table;
    for (auto _ : state) {
        table = ku::build_proposal(spec, catalogue);
        sink(table);
        benchmark::ClobberMemory();
    }
    std::size_t cells = 0;
    for (const ku::allocation& a : table.allocations) {
        cells += a.parts.size();
    }
    set_members(state, cells);
    if (table.allocations.size() != spec.fees.size()) {
        state.SkipWithError("the proposal does not have one allocation per fee");
        return;
    }
    for (const ku::allocation& a : table.allocations) {
        if (a.residual() != ku::money{}) {
            state.SkipWithError("a fee's parts do not sum to its total");
            return;
        }
    }
    state.counters["fees"] = static_cast<double>(table.allocations.size());
    state.counters["cells"] = static_cast<double>(cells);
}
BENCHMARK(proposal_2025)->Name("proposal/2025")->Unit(benchmark::kMicrosecond);

} // namespace
