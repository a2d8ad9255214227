// Microbenchmarks: what ku's exactness costs. Each ku::money operation is measured beside
// raw std::int64_t and double doing the same work in the same binary.
//
// The int64 and double rows are BASELINES, not alternatives:
//   int64/...  has no overflow check and (for the rate) is correct only for non-negative
//              amounts, with a hand-written rounding step;
//   double/... is inexact: most öre amounts and 0,15 have no exact binary form, so totals can
//              drift and a rounding at a half can go the wrong way (the "wrong" and
//              "error_ore" counters, computed outside the timed loop, say how often here).
//
// Inputs come from a seeded std::mt19937_64 and are generated before the timed loop. Ranges
// are chosen so nothing overflows (a ku overflow would throw; an int64 one would wrap).
// After each timed loop the last results are checked, so a broken benchmark reports an error
// instead of a figure.

#include <benchmark/benchmark.h>

#include "bench_support.hpp"

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

#include "ku/core/money.hpp"
#include "ku/core/rate.hpp"
#include "ku/core/ratio.hpp"
#include "ku/core/rounding.hpp"

namespace {

using ku::bench::opaque;
using ku::bench::sink;

/// Values processed per benchmark iteration (each array is 32 KiB: it stays in L1/L2).
constexpr std::int64_t values_per_iteration = 4096;
constexpr auto value_count = static_cast<std::size_t>(values_per_iteration);

/// Amounts for adding: up to ±10 000 000 000 kr (±10^12 öre) each. A sum of 4096 of them is at
/// most ±4,1·10^15 öre, far inside ±9,2·10^18 öre, and below 2^53, so double holds it exactly
/// as öre (but not as kronor, which is how the double baseline holds it).
constexpr std::int64_t add_limit_ore = 1'000'000'000'000;

/// Amounts for the rate: whole kronor, 0 to 1 000 000 000 kr (a fee; + 15 %, to whole kronor).
/// With whole kronor, exact halves are common: 15 % of every amount ending in 10, 30, 50, 70
/// or 90 kr ends in ,50 kr.
constexpr std::int64_t multiply_limit_kr = 1'000'000'000;

/// Amounts for parsing and formatting: up to ±1 000 000 000 kr with öre ("-123 456 789,05 kr").
constexpr std::int64_t text_limit_ore = 100'000'000'000;

/// The fixed amount of the single-text benchmarks.
constexpr std::int64_t fixed_kr = 3'562'623;
constexpr std::string_view fixed_text = "3 562 623 kr";


[[nodiscard]] std::vector<std::int64_t> random_integers(std::uint64_t seed, std::int64_t low,
                                                        std::int64_t high)
{
    std::mt19937_64 engine{seed};
    std::uniform_int_distribution<std::int64_t> distribution{low, high};
    std::vector<std::int64_t> values(value_count);
    for (auto& value : values) {
        value = distribution(engine);
    }
    return values;
}

[[nodiscard]] std::vector<std::int64_t> random_ore(std::uint64_t seed, std::int64_t limit)
{
    return random_integers(seed, -limit, limit);
}

/// The rate inputs in öre: whole kronor, non-negative.
[[nodiscard]] std::vector<std::int64_t> rate_inputs_ore()
{
    auto values = random_integers(3, 0, multiply_limit_kr);
    for (auto& value : values) {
        value *= 100;
    }
    return values;
}

[[nodiscard]] std::vector<ku::money> as_money(const std::vector<std::int64_t>& ore)
{
    std::vector<ku::money> amounts;
    amounts.reserve(ore.size());
    for (const std::int64_t n : ore) {
        amounts.push_back(ku::money::ore(n));
    }
    return amounts;
}

/// Kronor as double, the way a spreadsheet holds them: the nearest double to n / 100.
[[nodiscard]] std::vector<double> as_kronor_double(const std::vector<std::int64_t>& ore)
{
    std::vector<double> kronor;
    kronor.reserve(ore.size());
    for (const std::int64_t n : ore) {
        kronor.push_back(static_cast<double>(n) / 100.0);
    }
    return kronor;
}

/// Öre from a double in kronor, rounded to the nearest öre.
[[nodiscard]] std::int64_t to_ore(double kronor)
{
    return static_cast<std::int64_t>(std::llround(kronor * 100.0));
}

void set_items(benchmark::State& state, std::int64_t per_iteration)
{
    state.SetItemsProcessed(state.iterations() * per_iteration);
}

// ---------------------------------------------------------------------------------------------
// (a) Adding amounts: sum[i] = a[i] + b[i], and a running total over the array.

template <class T>
[[nodiscard]] std::vector<T> add_arrays(benchmark::State& state, const std::vector<T>& a,
                                        const std::vector<T>& b)
{
    std::vector<T> sum(value_count);
    for (auto _ : state) {
        benchmark::DoNotOptimize(a.data()); // the inputs may have changed: reload them
        benchmark::DoNotOptimize(b.data());
        for (std::size_t i = 0; i < value_count; ++i) {
            sum[i] = a[i] + b[i];
        }
        benchmark::DoNotOptimize(sum.data());
        benchmark::ClobberMemory(); // the stores to sum must happen
    }
    set_items(state, values_per_iteration);
    return sum;
}

/// Checks sums (in öre) against the exact a + b; false (and the benchmark errors) if one differs
/// by more than `tolerance_ore`.
template <class T, class ToOre>
bool check_sums(benchmark::State& state, const std::vector<T>& sums, ToOre to_ore_count,
                std::int64_t tolerance_ore = 0)
{
    const auto a = random_ore(1, add_limit_ore);
    const auto b = random_ore(2, add_limit_ore);
    for (std::size_t i = 0; i < value_count; ++i) {
        const std::int64_t difference = to_ore_count(sums[i]) - (a[i] + b[i]);
        if (difference > tolerance_ore || difference < -tolerance_ore) {
            state.SkipWithError("a sum is wrong: the benchmark is broken");
            return false;
        }
    }
    return true;
}

/// ku::add over the two columns: checked by the carry flag in a vectorised loop.
void money_add(benchmark::State& state)
{
    const auto a = as_money(random_ore(1, add_limit_ore));
    const auto b = as_money(random_ore(2, add_limit_ore));
    std::vector<ku::money> sums(value_count);
    for (auto _ : state) {
        benchmark::DoNotOptimize(a.data());
        benchmark::DoNotOptimize(b.data());
        ku::add(a, b, sums);
        benchmark::DoNotOptimize(sums.data());
        benchmark::ClobberMemory();
    }
    set_items(state, values_per_iteration);
    (void)check_sums(state, sums, [](ku::money m) { return m.in_ore(); });
}
BENCHMARK(money_add)->Name("money/add");

/// money + money one element at a time, each checked (and able to throw) on its own.
void money_add_each(benchmark::State& state)
{
    const auto sums = add_arrays(state, as_money(random_ore(1, add_limit_ore)),
                                 as_money(random_ore(2, add_limit_ore)));
    (void)check_sums(state, sums, [](ku::money m) { return m.in_ore(); });
}
BENCHMARK(money_add_each)->Name("money/add_each");

void int64_add(benchmark::State& state)
{
    const auto sums = add_arrays(state, random_ore(1, add_limit_ore), random_ore(2, add_limit_ore));
    (void)check_sums(state, sums, [](std::int64_t n) { return n; });
}
BENCHMARK(int64_add)->Name("int64/add");

void double_add(benchmark::State& state)
{
    const auto sums = add_arrays(state, as_kronor_double(random_ore(1, add_limit_ore)),
                                 as_kronor_double(random_ore(2, add_limit_ore)));
    (void)check_sums(state, sums, to_ore, 1); // double: within an öre
}
BENCHMARK(double_add)->Name("double/add");

/// total += x over the array; returns the last total.
template <class T>
[[nodiscard]] T accumulate_array(benchmark::State& state, const std::vector<T>& values)
{
    T total{};
    for (auto _ : state) {
        benchmark::DoNotOptimize(values.data());
        total = T{};
        for (const T& value : values) {
            total += value;
        }
        sink(total);
    }
    set_items(state, values_per_iteration);
    return total;
}

[[nodiscard]] std::int64_t exact_total_ore()
{
    return ku::sum(as_money(random_ore(1, add_limit_ore))).in_ore();
}

/// money += money: every step overflow-checked.
void money_accumulate(benchmark::State& state)
{
    const ku::money total = accumulate_array(state, as_money(random_ore(1, add_limit_ore)));
    if (total.in_ore() != exact_total_ore()) {
        state.SkipWithError("the total is wrong: the benchmark is broken");
    }
}
BENCHMARK(money_accumulate)->Name("money/accumulate");

/// ku::sum: a 128-bit total, checked once at the end.
void money_sum(benchmark::State& state)
{
    const auto values = as_money(random_ore(1, add_limit_ore));
    ku::money total;
    for (auto _ : state) {
        benchmark::DoNotOptimize(values.data());
        total = ku::sum(values);
        sink(total);
    }
    set_items(state, values_per_iteration);
    if (total.in_ore() != exact_total_ore()) {
        state.SkipWithError("the total is wrong: the benchmark is broken");
    }
}
BENCHMARK(money_sum)->Name("money/sum");

void int64_accumulate(benchmark::State& state)
{
    const std::int64_t total = accumulate_array(state, random_ore(1, add_limit_ore));
    if (total != exact_total_ore()) {
        state.SkipWithError("the total is wrong: the benchmark is broken");
    }
}
BENCHMARK(int64_accumulate)->Name("int64/accumulate");

/// Counter error_ore: the double total, rounded to öre, minus the exact total.
void double_accumulate(benchmark::State& state)
{
    const double total = accumulate_array(state, as_kronor_double(random_ore(1, add_limit_ore)));
    const std::int64_t error = to_ore(total) - exact_total_ore();
    if (error > 100 || error < -100) {
        state.SkipWithError("the double total is off by more than 1 kr: the benchmark is broken");
    }
    state.counters["error_ore"] = static_cast<double>(error);
}
BENCHMARK(double_accumulate)->Name("double/accumulate");

// ---------------------------------------------------------------------------------------------
// (b) An amount × 15 %, rounded half-up to whole kronor. The factor is opaque (as if read from
// a data file), so no variant can fold it into a constant division.

[[nodiscard]] std::vector<std::int64_t> exact_surcharges_ore()
{
    std::vector<std::int64_t> results;
    results.reserve(value_count);
    for (const ku::money amount : as_money(rate_inputs_ore())) {
        results.push_back(
            ku::multiply(amount, ku::rate::percent(15), ku::rounding_mode::half_up, ku::unit::kr)
                .in_ore());
    }
    return results;
}

template <class Factor>
void money_multiply(benchmark::State& state, Factor factor)
{
    const auto amounts = as_money(rate_inputs_ore());
    std::vector<ku::money> results(value_count);
    for (auto _ : state) {
        benchmark::DoNotOptimize(amounts.data());
        for (std::size_t i = 0; i < value_count; ++i) {
            results[i] = ku::multiply(amounts[i], factor, ku::rounding_mode::half_up, ku::unit::kr);
        }
        benchmark::DoNotOptimize(results.data());
        benchmark::ClobberMemory();
    }
    set_items(state, values_per_iteration);
    const auto exact = exact_surcharges_ore();
    for (std::size_t i = 0; i < value_count; ++i) {
        if (results[i].in_ore() != exact[i]) {
            state.SkipWithError("a product is wrong: the benchmark is broken");
            return;
        }
    }
}

void money_multiply_rate_half_up(benchmark::State& state)
{
    money_multiply(state, ku::rate::percent(opaque<std::int64_t>(15)));
}
BENCHMARK(money_multiply_rate_half_up)->Name("money/multiply_rate_half_up");

/// The same through a ratio (3/20) instead of a rate: the same arithmetic.
void money_multiply_ratio_half_up(benchmark::State& state)
{
    money_multiply(state, ku::ratio{opaque<std::int64_t>(3), opaque<std::int64_t>(20)});
}
BENCHMARK(money_multiply_ratio_half_up)->Name("money/multiply_ratio_half_up");

/// Baseline: (x·3 + 1000) / 2000 whole kronor, × 100 öre. Half-up only because x ≥ 0 and the
/// divisor is even; no overflow check. Must agree with ku on every input.
void int64_multiply_rate_half_up(benchmark::State& state)
{
    const auto ore = rate_inputs_ore();
    const std::int64_t numerator = opaque<std::int64_t>(3);
    const std::int64_t divisor = opaque<std::int64_t>(20 * 100); // denominator × öre per kr
    const std::int64_t half = divisor / 2;
    std::vector<std::int64_t> results(value_count);
    for (auto _ : state) {
        benchmark::DoNotOptimize(ore.data());
        for (std::size_t i = 0; i < value_count; ++i) {
            results[i] = (ore[i] * numerator + half) / divisor * 100;
        }
        benchmark::DoNotOptimize(results.data());
        benchmark::ClobberMemory();
    }
    set_items(state, values_per_iteration);
    if (results != exact_surcharges_ore()) {
        state.SkipWithError("the int64 baseline disagrees with ku::multiply");
    }
}
BENCHMARK(int64_multiply_rate_half_up)->Name("int64/multiply_rate_half_up");

/// Baseline: std::round(kronor × 0.15), the spreadsheet way. Inexact. Counter wrong: how many
/// of the 4096 results differ from the exact ones.
void double_multiply_rate_half_up(benchmark::State& state)
{
    const auto kronor = as_kronor_double(rate_inputs_ore());
    const double factor = opaque(0.15);
    std::vector<double> results(value_count);
    for (auto _ : state) {
        benchmark::DoNotOptimize(kronor.data());
        for (std::size_t i = 0; i < value_count; ++i) {
            results[i] = std::round(kronor[i] * factor);
        }
        benchmark::DoNotOptimize(results.data());
        benchmark::ClobberMemory();
    }
    set_items(state, values_per_iteration);

    const auto exact = exact_surcharges_ore();
    std::int64_t wrong = 0;
    for (std::size_t i = 0; i < value_count; ++i) {
        const std::int64_t error = to_ore(results[i]) - exact[i];
        if (error > 100 || error < -100) {
            state.SkipWithError("a double product is off by more than 1 kr: the benchmark is broken");
            return;
        }
        wrong += error != 0 ? 1 : 0;
    }
    state.counters["wrong"] = static_cast<double>(wrong);
}
BENCHMARK(double_multiply_rate_half_up)->Name("double/multiply_rate_half_up");

// ---------------------------------------------------------------------------------------------
// (c) Text: money::parse and format_swedish, of one fixed amount and of 4096 varied ones.
// A fixed input is read through a volatile each iteration so nothing can be hoisted.

void money_parse(benchmark::State& state)
{
    const char* volatile text_data = fixed_text.data();
    const std::size_t text_size = fixed_text.size();
    ku::money amount;
    for (auto _ : state) {
        amount = ku::money::parse(std::string_view{text_data, text_size});
        sink(amount);
    }
    set_items(state, 1);
    if (amount != ku::money::kr(fixed_kr)) {
        state.SkipWithError("money::parse misread the text");
    }
}
BENCHMARK(money_parse)->Name("money/parse");

/// 4096 texts such as "-123 456 789,05 kr", written by format_swedish.
void money_parse_varied(benchmark::State& state)
{
    const auto amounts = as_money(random_ore(4, text_limit_ore));
    std::vector<std::string> texts;
    texts.reserve(value_count);
    for (const ku::money amount : amounts) {
        texts.push_back(ku::format_swedish(amount));
    }
    std::vector<ku::money> results(value_count);
    for (auto _ : state) {
        benchmark::DoNotOptimize(texts.data());
        for (std::size_t i = 0; i < value_count; ++i) {
            results[i] = ku::money::parse(texts[i]);
        }
        benchmark::DoNotOptimize(results.data());
        benchmark::ClobberMemory();
    }
    set_items(state, values_per_iteration);
    if (results != amounts) {
        state.SkipWithError("format_swedish and money::parse do not round-trip");
    }
}
BENCHMARK(money_parse_varied)->Name("money/parse_varied");

/// Context only, not the same work: digits alone, no sign, grouping, decimals or unit.
void int64_from_chars(benchmark::State& state)
{
    constexpr std::string_view digits = "3562623";
    const char* volatile text_data = digits.data();
    std::int64_t value = 0;
    for (auto _ : state) {
        const char* const first = text_data;
        const auto result = std::from_chars(first, first + digits.size(), value);
        sink(result.ec);
        sink(value);
    }
    set_items(state, 1);
    if (value != fixed_kr) {
        state.SkipWithError("std::from_chars misread the digits");
    }
}
BENCHMARK(int64_from_chars)->Name("int64/from_chars");

void money_format_swedish(benchmark::State& state)
{
    volatile std::int64_t ore = fixed_kr * 100;
    std::string text;
    for (auto _ : state) {
        text = ku::format_swedish(ku::money::ore(ore));
        sink(text);
    }
    set_items(state, 1);
    if (text != fixed_text) {
        state.SkipWithError("format_swedish wrote an unexpected text");
    }
}
BENCHMARK(money_format_swedish)->Name("money/format_swedish");

/// The 4096 amounts of money/parse_varied, each formatted into a new std::string.
void money_format_swedish_varied(benchmark::State& state)
{
    const auto amounts = as_money(random_ore(4, text_limit_ore));
    std::size_t characters = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(amounts.data());
        characters = 0;
        for (const ku::money amount : amounts) {
            const std::string text = ku::format_swedish(amount);
            sink(text);
            characters += text.size();
        }
        sink(characters);
    }
    set_items(state, values_per_iteration);
    state.counters["chars_per_text"] =
        static_cast<double>(characters) / static_cast<double>(values_per_iteration);
}
BENCHMARK(money_format_swedish_varied)->Name("money/format_swedish_varied");

/// Context only, not the same work: digits alone into a stack buffer, no grouping or unit.
void int64_to_chars(benchmark::State& state)
{
    volatile std::int64_t hidden = fixed_kr;
    char buffer[24] = {};
    const char* end = buffer;
    for (auto _ : state) {
        const std::int64_t value = hidden;
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        end = result.ptr;
        sink(end);
        benchmark::ClobberMemory();
    }
    set_items(state, 1);
    if (std::string_view(buffer, static_cast<std::size_t>(end - buffer)) != "3562623") {
        state.SkipWithError("std::to_chars wrote unexpected digits");
    }
}
BENCHMARK(int64_to_chars)->Name("int64/to_chars");

} // namespace
