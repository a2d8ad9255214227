#!/usr/bin/env bash
# Installs the dependencies, builds ku and its command-line tool, and runs the main job.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh >&2
cmake -S . -B build-main -DCMAKE_BUILD_TYPE=Release -DKU_BUILD_TESTS=OFF -DKU_BUILD_BENCHMARKS=OFF -DKU_BUILD_PYTHON=OFF >/dev/null
cmake --build build-main -j"$(nproc)" >/dev/null
./build-main/src/cli/ku proposal data/proposal_2025.toml
