"""Builds the ku Python package: the C++ extension ku._ku is compiled by CMake (the same build
as the library), then installed beside python/ku/*.py. Used by `pip install --no-build-isolation .`;
the pyproject.toml holds the metadata."""

import os
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

SOURCE = Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        target = Path(self.get_ext_fullpath(ext.name)).resolve()
        build = Path(self.build_temp).resolve() / "cmake"
        build.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["cmake", "-S", str(SOURCE), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
             "-DKU_BUILD_PYTHON=ON", "-DKU_BUILD_TESTS=OFF", "-DKU_BUILD_BENCHMARKS=OFF",
             "-DKU_BUILD_CLI=OFF", f"-DPython_EXECUTABLE={sys.executable}",
             # A one-off build: ku's sources compiled in batches take about half the time.
             "-DCMAKE_UNITY_BUILD=ON"],
            check=True)
        subprocess.run(["cmake", "--build", str(build), "--target", "_ku", "-j", str(os.cpu_count() or 2)],
                       check=True)
        built = next((build / "python" / "ku").glob("_ku*.so"))
        target.parent.mkdir(parents=True, exist_ok=True)
        self.copy_file(str(built), str(target))


setup(ext_modules=[CMakeExtension("ku._ku")], cmdclass={"build_ext": CMakeBuild})
