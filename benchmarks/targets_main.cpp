// main() of ku_benchmarks: runs every benchmark with Google Benchmark's console output, then
// prints the targets of issue #16 as ratios between rows of the same run (and three absolute
// budgets), each marked met or missed. Nothing fails on a missed target: speed is reported,
// never asserted. With --benchmark_repetitions the median of the repetitions is used. A target
// whose rows did not run (filtered out, or skipped with an error) is left out of the table.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

/// A target: `row` costs at most `limit` × `baseline` (a ratio), or at most `limit` seconds
/// when there is no baseline.
struct target {
    std::string_view row;
    std::string_view baseline;
    double limit;
};

constexpr target targets[] = {
    {"allocate/largest_remainder/13", "allocate/naive_double/13", 1.2},
    {"allocate/largest_remainder/1000000", "allocate/naive_double/1000000", 1.5},
    {"allocate/sainte_lague/13", "allocate/naive_double/13", 1.5},
    {"allocate/sainte_lague/1000000", "allocate/naive_double/1000000", 2.0},
    {"allocate/kommun_api/13", "allocate/largest_remainder/13", 2.0},
    {"money/add", "int64/add", 1.5},
    {"money/sum", "int64/accumulate", 1.5},
    {"money/multiply_rate_half_up", "int64/multiply_rate_half_up", 1.5},
    {"proposal/2025", "", 5e-6},
    {"ledger/roll_forward/1000x100", "", 10e-3},
    {"ledger/audit/1000", "", 200e-6},
};

/// The console output, plus each row's CPU seconds per iteration.
class target_reporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.error_occurred || run.iterations <= 0) {
                continue;
            }
            const double seconds = run.cpu_accumulated_time / static_cast<double>(run.iterations);
            if (run.run_type == Run::RT_Iteration && !medians_.contains(run.run_name.str())) {
                seconds_[run.run_name.str()] = seconds; // with repetitions, the last until the median comes
            } else if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median") {
                medians_.insert(run.run_name.str());
                seconds_[run.run_name.str()] = seconds;
            }
        }
    }

    void Finalize() override
    {
        ConsoleReporter::Finalize();
        bool header = false;
        for (const target& t : targets) {
            const auto row = seconds_.find(std::string{t.row});
            if (row == seconds_.end()) {
                continue;
            }
            if (!header) {
                std::printf("\nTargets of issue #16 (CPU time, this run):\n");
                std::printf("%-36s %-32s %12s %9s  %s\n", "row", "baseline", "measured", "target", "");
                header = true;
            }
            if (t.baseline.empty()) {
                const double value = row->second;
                const bool micro = t.limit < 1e-3;
                const double scale = micro ? 1e6 : 1e3;
                const char* unit = micro ? "us" : "ms";
                std::printf("%-36s %-32s %9.2f %s %6.0f %s  %s\n", row->first.c_str(), "(absolute)", value * scale,
                            unit, t.limit * scale, unit, value <= t.limit ? "met" : "MISSED");
                continue;
            }
            const auto base = seconds_.find(std::string{t.baseline});
            if (base == seconds_.end() || base->second <= 0) {
                continue;
            }
            const double ratio = row->second / base->second;
            std::printf("%-36s %-32s %11.2fx %8.1fx  %s\n", row->first.c_str(), base->first.c_str(), ratio, t.limit,
                        ratio <= t.limit ? "met" : "MISSED");
        }
        std::fflush(stdout);
    }

private:
    std::map<std::string, double> seconds_;
    std::set<std::string> medians_; ///< rows whose figure is the median of repetitions
};

} // namespace

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    target_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
