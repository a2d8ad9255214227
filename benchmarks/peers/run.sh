#!/usr/bin/env bash
# Peer benchmark (issue #16): dinero.js allocate on the inputs of benchmarks/allocation_bench.cpp,
# with a differential check against exact largest remainder. Not part of the test suite.
#
# Usage, from the repository root:  bash benchmarks/peers/run.sh
# Needs Node.js >= 20 and npm. Installs the pinned packages from package-lock.json (npm ci) into
# benchmarks/peers/node_modules, then runs the benchmark. Exits non-zero if a sum check fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
npm ci --no-audit --no-fund --loglevel=error
node --version
exec node dinero_allocate.mjs
