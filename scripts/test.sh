#!/usr/bin/env bash
# Installs the dependencies, builds ku three ways (ASan + UBSan, libFuzzer, optimised) and runs every
# test: C++ (Catch2), command-line, install, fuzzing, and Python (pytest, in the optimised
# build). The optimised build's CTest summary is the last thing printed.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

jobs=$(nproc)

# Sanitizer build: every C++ test under AddressSanitizer and UndefinedBehaviorSanitizer.
# (The install test and the compile-fail tests do not execute ku code; they run below.)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKU_SANITIZE=ON -DKU_BUILD_BENCHMARKS=OFF -DKU_BUILD_PYTHON=OFF
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE "install|compile_fail|benchmark|docs"

# Fuzzing: the libFuzzer targets (clang, ASan + UBSan) in build-fuzz, 100 000 executions each
# from the seed corpus in fuzz/corpus; any crash, leak or undefined behaviour fails the run.
bash fuzz/run.sh

# Optimised build with benchmarks and the Python module: the whole suite, pytest included.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKU_BUILD_BENCHMARKS=ON -DKU_BUILD_PYTHON=ON
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
