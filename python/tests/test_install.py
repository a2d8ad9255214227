"""ku installs with pip into a fresh virtual environment and imports from there.

This is the one slow test (~1–2 min: pip compiles the C++ library through setup.py and CMake).
Skip it with `-m "not slow"`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

PYTHON = "/usr/bin/python3"  # Debian's interpreter: it has the pandas, numpy, setuptools and pybind11 ku needs


def _ignore(directory: str, names: list[str]) -> set[str]:
    """Leave out build trees, version control and earlier packaging leftovers."""
    return {n for n in names
            if n.startswith("build") or n in {".git", "__pycache__", ".venv", "venv"} or n.endswith(".egg-info")}


def _clean_env() -> dict[str, str]:
    """The environment without what points Python at the build tree (CTest's PYTHONPATH)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_", "VIRTUAL_ENV"))}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", PYTHONDONTWRITEBYTECODE="1")
    return env


def _run(args: list[str], cwd: Path, timeout: int) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=_clean_env(), capture_output=True, text=True, timeout=timeout,
                          check=False)
    assert done.returncode == 0, (f"{' '.join(map(str, args))} exited {done.returncode}\n"
                                  f"--- stdout (tail) ---\n{done.stdout[-4000:]}\n"
                                  f"--- stderr (tail) ---\n{done.stderr[-4000:]}")
    return done


@pytest.mark.slow
@pytest.mark.skipif(not Path(PYTHON).exists(), reason="needs Debian's /usr/bin/python3")
@pytest.mark.skipif(shutil.which("cmake") is None, reason="pip builds ku with cmake, which is not installed")
def test_pip_install_into_a_venv_with_system_site_packages_and_import(source_dir):
    with tempfile.TemporaryDirectory(prefix="ku-venv-test-") as tmp:
        tmp = Path(tmp)
        copy = tmp / "ku-source"
        shutil.copytree(source_dir, copy, ignore=_ignore, symlinks=True)
        assert (copy / "setup.py").is_file() and (copy / "pyproject.toml").is_file()

        venv = tmp / "venv"
        _run([PYTHON, "-m", "venv", "--system-site-packages", str(venv)], cwd=tmp, timeout=300)
        python = venv / "bin" / "python"
        _run([str(venv / "bin" / "pip"), "install", "--no-build-isolation", "--no-index", str(copy)],
             cwd=tmp, timeout=900)

        # From a directory outside the repository and its copy, so nothing local shadows the install.
        elsewhere = tmp / "elsewhere"
        elsewhere.mkdir()
        done = _run([str(python), "-c", "import ku; print(ku.__file__, ku.Money.kr(5))"], cwd=elsewhere, timeout=120)
        module_file, money = done.stdout.split()
        assert Path(module_file).resolve().is_relative_to(venv.resolve()), module_file
        assert "site-packages" in module_file
        assert money == "5.00"

        # The installed extension computes: the 2025 proposal's grand total, a split that adds up,
        # and a refused float.
        script = (
            "import ku, sys\n"
            f"p = ku.proposal({str(source_dir / 'data' / 'proposal_2025.toml')!r})\n"
            "print(p['Summa'].sum())\n"  # the totals are not a row; a ku.money column sums exactly
            "print(ku.allocate(ku.Money('10'), {'0604': 1, '0617': 1, '0642': 1})['amount'].sum())\n"
            "try:\n    ku.Money(0.1)\nexcept TypeError:\n    print('float refused')\n"
            "print(ku._ku.__file__)\n"
        )
        lines = _run([str(python), "-c", script], cwd=elsewhere, timeout=120).stdout.split("\n")
        assert lines[:3] == ["27902191.00", "10.00", "float refused"]
        assert Path(lines[3]).resolve().is_relative_to(venv.resolve())
        # The system interpreter itself is untouched.
        assert not Path(sys.prefix).resolve().is_relative_to(venv.resolve())
