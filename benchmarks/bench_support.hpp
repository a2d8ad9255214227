#pragma once
// Helpers shared by the benchmark sources: hide inputs from the optimiser and keep results
// alive without Google Benchmark 1.7.1's DoNotOptimize(T&), which corrupts doubles under GCC 12.

#include <exception>
#include <optional>
#include <string>
#include <type_traits>

#include <benchmark/benchmark.h>

#include "ku/allocation/proposal.hpp"
#include "ku/core/kommun.hpp"
#include "ku/io/allocation_io.hpp"

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

/// The 2025 proposal spec (data/proposal_2025.toml, read outside the timed loop), or none after
/// marking the benchmark skipped with the reason it could not be read.
inline std::optional<ku::proposal_spec> spec_2025(benchmark::State& state, const ku::kommun_catalogue& catalogue)
{
    try {
        return ku::read_proposal_spec(KU_DATA_DIR "/proposal_2025.toml", catalogue);
    } catch (const std::exception& e) {
        // SkipWithError may keep the pointer (1.7.1 does not promise a copy): a static text.
        static std::string message;
        message = std::string{"cannot read the 2025 spec: "} + e.what();
        state.SkipWithError(message.c_str());
        return std::nullopt;
    }
}

} // namespace ku::bench
