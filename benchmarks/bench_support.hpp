#pragma once
// Helpers shared by the benchmark sources: hide inputs from the optimiser and keep results
// alive without Google Benchmark 1.7.1's DoNotOptimize(T&), which corrupts doubles under GCC 12.

#include <type_traits>

#include <benchmark/benchmark.h>

namespace ku::bench {

/// A number the optimiser cannot see through, as if read from a data file at run time.
/// (Not benchmark::DoNotOptimize(T&): with GCC 12 and Google Benchmark 1.7.1 its in/out asm
/// operand destroys a double's value at -O2 and above, cf. google/benchmark#903. Only the
/// input-only form, DoNotOptimize(const T&), is used in the benchmarks: see sink below.)
template <class T>
    requires std::is_arithmetic_v<T>
[[nodiscard]] T opaque(T value)
{
    volatile T hidden = value;
    return hidden;
}

/// Keeps a result alive, so its computation cannot be dropped, without touching it:
/// always the input-only DoNotOptimize(const T&).
template <class T>
void sink(const T& value)
{
    benchmark::DoNotOptimize(value);
}

} // namespace ku::bench
