#!/usr/bin/env bash
# Installs the dependencies, builds ku twice (optimised, and with ASan + UBSan) and runs every
# test in both builds. The optimised build's CTest summary is the last thing printed.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

jobs=$(nproc)

# Sanitizer build: every C++ test under AddressSanitizer and UndefinedBehaviorSanitizer.
# (The install test and the compile-fail tests do not execute ku code; they run below.)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKU_SANITIZE=ON -DKU_BUILD_BENCHMARKS=OFF
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE "install|compile_fail|benchmark"

# Optimised build with benchmarks: the whole suite.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKU_BUILD_BENCHMARKS=ON
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
