"""Shared fixtures of the ku pytest suite.

CTest runs the suite with PYTHONPATH=<build>/python (the importable package ku with its
extension ku._ku), KU_DATA_DIR=<repo>/data, KU_SOURCE_DIR=<repo> and, when the command-line
tool is built, KU_CLI=<path of the ku tool>. Without them the paths fall back to the
repository this file lives in, and the tests that need the tool are skipped.

No float comes near money here: amounts are Money, Decimal, Fraction, int öre or text.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import settings

# Reproducible property tests: the same examples on every run and in CI.
settings.register_profile("ku", max_examples=200, deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ku")

SOURCE_DIR = Path(os.environ.get("KU_SOURCE_DIR", Path(__file__).resolve().parents[2]))
DATA_DIR = Path(os.environ.get("KU_DATA_DIR", SOURCE_DIR / "data"))
TEST_DATA_DIR = SOURCE_DIR / "tests" / "data"


@pytest.fixture(scope="session")
def source_dir() -> Path:
    return SOURCE_DIR


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA_DIR


@pytest.fixture(scope="session")
def test_data_dir() -> Path:
    return TEST_DATA_DIR


@pytest.fixture(scope="session")
def proposal_spec() -> Path:
    return DATA_DIR / "proposal_2025.toml"


@pytest.fixture
def excel_export(tmp_path):
    """Writes a UTF-8 ',' CSV file again as a Swedish spreadsheet exports it: ';'-separated,
    Windows-1252, CRLF lines; returns the new file's path (in tmp_path)."""

    def export(source: Path) -> Path:
        with open(source, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        target = tmp_path / f"{source.stem}_excel.csv"
        with open(target, "w", encoding="cp1252", newline="") as f:
            csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)
        return target

    return export


@pytest.fixture(scope="session")
def cli() -> Path:
    """The ku command-line tool (KU_CLI), or skip: the comparisons with the C++ results need it."""
    path = os.environ.get("KU_CLI")
    if not path:
        pytest.skip("KU_CLI is not set: the comparison with the ku command-line tool needs its path "
                    "(CTest sets it when the ku_cli target is built)")
    if not Path(path).is_file():
        pytest.skip(f"KU_CLI={path} does not exist: build the ku_cli target first")
    return Path(path)


@pytest.fixture(scope="session")
def run_cli(cli):
    """Runs the ku tool and returns its parsed JSON output; `ok_codes` are the accepted exit
    statuses (the auditors exit 1 when they find something)."""

    def run(*args: str, ok_codes: tuple[int, ...] = (0,)) -> dict:
        done = subprocess.run([str(cli), *map(str, args)], capture_output=True, text=True,
                              encoding="utf-8", timeout=120, check=False)
        assert done.returncode in ok_codes, f"ku {' '.join(map(str, args))} exited {done.returncode}:\n{done.stderr}"
        return json.loads(done.stdout)

    return run


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: builds and installs ku into a virtual environment (minutes); "
                                       'deselect with -m "not slow"')
