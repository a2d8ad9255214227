#!/usr/bin/env bash
# Builds the libFuzzer targets with clang under AddressSanitizer + UndefinedBehaviorSanitizer
# (in build-fuzz, apart from the gcc builds) and runs each for a bounded number of executions,
# the four side by side, starting from a copy of its seed corpus in fuzz/corpus/<target>.
# New corpus entries go to a temporary folder, never into the repository. Any crash, leak,
# undefined behaviour or escaping exception fails the run; the input that caused it is kept in
# build-fuzz/fuzz-artifacts/ and the target's log in build-fuzz/fuzz-logs/.
#
#   fuzz/run.sh                  100 000 executions per target
#   KU_FUZZ_RUNS=1000000 fuzz/run.sh
#   KU_FUZZ_SEED=1234 fuzz/run.sh   repeat a run (each summary line names its seed)
#   build-fuzz/fuzz/fuzz_csv build-fuzz/fuzz-artifacts/fuzz_csv-crash-...   replay a finding
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${KU_FUZZ_RUNS:-100000}
build=${KU_FUZZ_BUILD_DIR:-build-fuzz}
targets=(fuzz_money fuzz_csv fuzz_spec fuzz_json)

started=$SECONDS
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKU_BUILD_FUZZERS=ON -DKU_BUILD_TESTS=OFF -DKU_BUILD_BENCHMARKS=OFF -DKU_BUILD_CLI=OFF \
  -DKU_BUILD_PYTHON=OFF -DKU_BUILD_DOCS=OFF -DKU_WARNINGS_AS_ERRORS=OFF -DCMAKE_UNITY_BUILD=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"
built=$SECONDS

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$build/fuzz-artifacts" "$build/fuzz-logs"

export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1
declare -A pids
for target in "${targets[@]}"; do
  corpus=${target#fuzz_}
  mkdir -p "$scratch/$corpus"
  seed=()
  if [[ -n ${KU_FUZZ_SEED:-} ]]; then
    seed=(-seed="$KU_FUZZ_SEED")
  fi
  "$build/fuzz/$target" -runs="$runs" -max_len=4096 -timeout=30 -rss_limit_mb=2048 \
    -print_final_stats=1 "${seed[@]}" -artifact_prefix="$build/fuzz-artifacts/$target-" \
    "$scratch/$corpus" "fuzz/corpus/$corpus" >"$build/fuzz-logs/$target.log" 2>&1 &
  pids[$target]=$!
done

failed=0
for target in "${targets[@]}"; do
  log="$build/fuzz-logs/$target.log"
  if wait "${pids[$target]}"; then
    seed=$(sed -n 's/^INFO: Seed: //p' "$log")
    done_line=$(grep -m1 '^Done ' "$log")
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "$target: ${done_line#Done }, no finding ($coverage, seed $seed)"
  else
    failed=1
    echo "$target: FINDING (log $log)"
    grep -E 'ERROR: |runtime error|SUMMARY|Test unit written|terminate called|what\(\)' "$log" | head -20 || true
  fi
done
echo "fuzz: built in $((built - started)) s, fuzzed in $((SECONDS - built)) s"
exit "$failed"
