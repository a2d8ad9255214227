#!/usr/bin/env bash
# Installs the dependencies, builds ku three ways (ASan + UBSan, libFuzzer, optimised) and runs every
# test: C++ (Catch2), command-line, install, fuzzing, and Python (pytest, in the optimised
# build). The optimised build's CTest summary is the last thing printed.
#
# Each build is a unity build (CMAKE_UNITY_BUILD: each target's sources compiled in batches),
# which halves the compile time of a one-off build; so names local to one source file must not
# clash with another file's of the same target (shared test helpers live in tests/support/).
# The Catch2 suites are compiled once, in the sanitizer build, and run one process per suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

jobs=$(nproc)

# Sanitizer build: every C++ test under AddressSanitizer and UndefinedBehaviorSanitizer, and the
# command-line tests against a sanitized ku. Line tables only (-g1): stack traces keep their
# files and lines at a sixth less compile time. (The install, compile-fail, docs and benchmark
# tests do not need a sanitized ku; they run in the optimised build.)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DKU_SANITIZE=ON \
  -DKU_BUILD_BENCHMARKS=OFF -DKU_BUILD_PYTHON=OFF -DKU_BUILD_DOCS=OFF \
  -DCMAKE_UNITY_BUILD=ON -DKU_TEST_EACH_CASE=OFF
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE "install|compile_fail|benchmark|docs"

# Fuzzing: the libFuzzer targets (clang, ASan + UBSan) in build-fuzz, 100 000 executions each
# from the seed corpus in fuzz/corpus; any crash, leak or undefined behaviour fails the run.
bash fuzz/run.sh

# Optimised build with the command-line tool, benchmarks and the Python module: the command-line
# and golden tests, compile-fail, install, docs, one pass of every benchmark, and pytest.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKU_BUILD_BENCHMARKS=ON -DKU_BUILD_PYTHON=ON \
  -DCMAKE_UNITY_BUILD=ON -DKU_BUILD_UNIT_TESTS=OFF
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
