#!/usr/bin/env bash
# Installs every build and test dependency of ku from Debian 12 packages.
# Idempotent: packages already present are left as they are. Run as root.
set -euo pipefail

packages=(
  build-essential cmake git pkg-config
  libboost-dev          # Boost.Multiprecision (header-only)
  libmsgsl-dev          # Microsoft GSL
  librange-v3-dev       # range-v3
  catch2                # Catch2 v2
  libfmt-dev            # fmt
  libbenchmark-dev      # Google Benchmark
  libcli11-dev          # CLI11, for the ku command-line tool
  nlohmann-json3-dev    # JSON output
  libtomlplusplus-dev   # proposal specs (TOML)
  libcsv-dev            # CSV reading
  pybind11-dev          # the Python module
  python3-dev
  python3-pandas
  python3-pytest
  python3-hypothesis
  python3-venv          # the install test makes a virtual environment
  python3-pip
  python3-setuptools
  python3-wheel
  python3-openpyxl      # ku.to_excel, and reads back the .xlsx workbooks in the tests
  python3-pil           # checks the screenshot of the HTML page (tests/html)
  chromium              # headless, takes that screenshot
  libxlsxwriter-dev     # .xlsx output
  doxygen               # the API reference
  clang                 # libFuzzer targets
  libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: installed ${missing[*]}"
