#!/usr/bin/python3
"""Golden files: the byte-exact output of every ku command in cases.txt, kept in expected/.

    golden.py --ku PATH --source-dir REPO [--update] [--only NAME]...
    golden.py --check-docs DOC...

Each case runs ku in a fresh scratch folder (also its working directory) with LC_ALL=C.UTF-8
and argv[0] "ku", and records its exit status, standard output and error, and every file left
in the scratch folder (a workbook as a dump of its cells, made with openpyxl). The repo's path
is written @SRC@ and the scratch folder's @OUT@. Without --update each record is compared with
expected/NAME.txt and every difference is printed as a unified diff; with --update the expected
files are rewritten. Exits 1 when a case differs, or a case and its expected file do not pair up.
"""

import argparse
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases.txt")
EXPECTED = os.path.join(HERE, "expected")


def read_cases():
    """The cases of cases.txt, {name: args}, in their order; '#' lines and blank lines skipped."""
    cases = {}
    with open(CASES, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            name, _, args = line.partition("\t")
            if not re.fullmatch(r"[a-z0-9-]+", name):
                sys.exit(f"{CASES}:{number}: a case's name is lowercase letters, digits and dashes: {name!r}")
            if name in cases:
                sys.exit(f"{CASES}:{number}: case {name} appears twice")
            cases[name] = args
    return cases


def steps(args):
    """The ku argument lists of a case: its words, split at each standalone &&."""
    result = [[]]
    for word in shlex.split(args):
        if word == "&&":
            result.append([])
        else:
            result[-1].append(word)
    return result


class Normaliser:
    """Writes the repo's path as @SRC@ and the scratch folder's as @OUT@, whichever way spelt."""

    def __init__(self, source, out):
        pairs = {}
        for path, mark in ((source, "@SRC@"), (out, "@OUT@")):
            for spelling in (path, os.path.realpath(path)):
                pairs[spelling] = mark
        self.pairs = sorted(pairs.items(), key=lambda pair: -len(pair[0]))

    def __call__(self, data):
        text = data.decode("utf-8", errors="backslashreplace") if isinstance(data, bytes) else data
        for path, mark in self.pairs:
            text = text.replace(path, mark)
        return text


def section(title, text):
    if text and not text.endswith("\n"):
        text += "\n\\ no newline at end\n"
    return f"--- {title} ---\n{text}"


def dump_xlsx(path):
    """Every sheet of a workbook and each non-empty cell: value cached in the file, number
    format and formula. Nothing from the zip container (timestamps, order) takes part."""
    import openpyxl
    formulas = openpyxl.load_workbook(path, data_only=False)
    cached = openpyxl.load_workbook(path, data_only=True)
    lines = []
    for sheet in formulas.worksheets:
        charts = len(getattr(sheet, "_charts", []))
        lines.append(f"sheet {sheet.title!r} freeze={sheet.freeze_panes} charts={charts}")
        lines += [f"merged {cells}" for cells in sorted(str(r) for r in sheet.merged_cells.ranges)]
        for row in sheet.iter_rows():
            for cell in row:
                value = cached[sheet.title][cell.coordinate].value
                if cell.value is None and value is None:
                    continue
                line = f"{cell.coordinate}\t{value!r}\t{cell.number_format}"
                if cell.data_type == "f":
                    line += f"\t{cell.value}"
                lines.append(line)
    return "\n".join(lines) + "\n"


def run_case(ku, source, args):
    """The record of one case: what expected/NAME.txt holds."""
    out = tempfile.mkdtemp(prefix="ku-golden-")
    try:
        normal = Normaliser(source, out)
        places = {"@DATA@": os.path.join(source, "data"), "@TESTS@": os.path.join(source, "tests"), "@OUT@": out}
        record = []
        for number, words in enumerate(steps(args)):
            if number:
                record.append(f"=== then: ku {shlex.join(words)} ===\n")
            for mark, path in places.items():
                words = [word.replace(mark, path) for word in words]
            # Tables at full width unless the case sets COLUMNS: leading NAME=VALUE words are
            # the command's environment, as in a shell.
            env = dict(os.environ, LC_ALL="C.UTF-8", COLUMNS="1000")
            while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
                name, _, value = words.pop(0).partition("=")
                env[name] = value
            try:
                result = subprocess.run(["ku"] + words, executable=ku, cwd=out, env=env,
                                        capture_output=True, timeout=120)
                status, stdout, stderr = result.returncode, result.stdout, result.stderr
            except subprocess.TimeoutExpired as timeout:
                status, stdout, stderr = "timeout", timeout.stdout or b"", timeout.stderr or b""
            record.append(f"exit: {status}\n")
            record.append(section("stdout", normal(stdout)))
            record.append(section("stderr", normal(stderr)))
        for folder, dirs, files in sorted(os.walk(out)):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(folder, name)
                if name.endswith(".xlsx"):
                    text = normal(dump_xlsx(path))
                else:
                    with open(path, "rb") as f:
                        text = normal(f.read())
                record.append(section(f"file {os.path.relpath(path, out)}", text))
        return "".join(record)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def shape(words):
    """A command's words as the docs and the cases are compared: data/ and tests/ paths as
    @DATA@/ and @TESTS@/, a file the reader writes or reads back (after --output or --compare,
    not under data/ or tests/) by its extension."""
    out = []
    for i, word in enumerate(words):
        word = re.sub(r"^(\./)?data/", "@DATA@/", word)
        word = re.sub(r"^(\./)?tests/", "@TESTS@/", word)
        if i > 0 and words[i - 1] in ("--output", "--compare") and not word.startswith(("@DATA@", "@TESTS@")):
            word = "FILE" + os.path.splitext(word)[1]
        out.append(word)
    return out


def check_docs(documents):
    """Prints each documented ku command that is not a case; 1 when there is one."""
    known = [shape(step) for args in read_cases().values() for step in steps(args)]
    missing = 0
    checked = 0
    for document in documents:
        with open(document, encoding="utf-8") as f:
            text = f.read()
        for block in re.findall(r"```(?:sh|bash|console)\n(.*?)```", text, re.S):
            for line in block.replace("\\\n", " ").splitlines():
                line = line.strip().removeprefix("$ ")
                found = re.match(r"^(?:build/src/cli/)?ku (.*)$", line)
                if not found:
                    continue
                command = re.split(r" +#| \| | > ", found.group(1))[0]
                words = shape(shlex.split(command))
                checked += 1
                if not any(len(words) == len(case) and all(
                        w == c or re.fullmatch(r"[A-Z][A-Z0-9_]+", w) for w, c in zip(words, case)) for case in known):
                    print(f"FAIL {document}: `ku {command}` is not a case in {CASES}")
                    missing += 1
    print(f"{checked} documented commands, {missing} not a case")
    return 1 if missing else 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--check-docs":
        return check_docs(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ku", required=True, help="the ku binary to run")
    parser.add_argument("--source-dir", required=True, help="the repository (data/ and tests/)")
    parser.add_argument("--update", action="store_true", help="rewrite the expected files")
    parser.add_argument("--only", action="append", metavar="NAME", help="run only this case")
    options = parser.parse_args()
    ku = os.path.abspath(options.ku)
    source = os.path.abspath(options.source_dir)
    if not os.access(ku, os.X_OK):
        sys.exit(f"golden.py: {ku} is not an executable ku")
    cases = read_cases()
    names = options.only or list(cases)
    passed = failed = 0
    for name in names:
        if name not in cases:
            print(f"FAIL {name}: no such case in {CASES}")
            failed += 1
            continue
        actual = run_case(ku, source, cases[name])
        path = os.path.join(EXPECTED, name + ".txt")
        expected = None
        if os.path.exists(path):
            with open(path, encoding="utf-8", newline="") as f:
                expected = f.read()
        if actual == expected:
            passed += 1
        elif options.update:
            os.makedirs(EXPECTED, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(actual)
            print(f"updated {name}")
            passed += 1
        elif expected is None:
            print(f"FAIL {name}: no expected file {path}")
            failed += 1
        else:
            print(f"FAIL {name}")
            sys.stdout.writelines(difflib.unified_diff(
                expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                f"expected/{name}.txt", f"actual {name}"))
            failed += 1
    if not options.only:
        present = sorted(os.listdir(EXPECTED)) if os.path.isdir(EXPECTED) else []
        orphans = [f for f in present if not (f.endswith(".txt") and f[:-len(".txt")] in cases)]
        for orphan in orphans:
            if options.update:
                os.remove(os.path.join(EXPECTED, orphan))
                print(f"removed expected/{orphan}: no such case")
            else:
                print(f"FAIL expected/{orphan}: no such case in {CASES}")
                failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
