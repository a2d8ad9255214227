#!/usr/bin/python3
"""Runs every ku command a document shows, as a reader would, and checks what it shows.

    docs_commands.py --ku PATH --source-dir REPO DOC...

Every line of a ```sh (or bash, console) block that starts with `ku ` or `build/src/cli/ku `
is run with bash, in the document's order, in one scratch folder per document that stands for
the repository root (data/, tests/, python/ and examples/ link to the repository's; `ku` and
build/src/cli/ku are the built tool), with LC_ALL=C.UTF-8: a file one command writes is there
for the next. A command fails the check when it exits with 2 (bad input or a bad command
line) unless the output the document shows is that error. When a ```text, ```json or ```csv
block follows the sh block with nothing but blank lines between them, it is the output of the
block's last command (standard output, then standard error), and must still match it line for
line, trailing spaces aside: a line "…" stands for any number of lines, and a "…" within a line
for any text (with the spaces around it). Without a final "…" the output must end
where the shown output ends. Prints each failure; exits 1 when there is one.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```([a-z]*)\n(.*?)^```\n", re.S | re.M)
COMMAND = re.compile(r"^(?:\$ )?((?:build/src/cli/)?ku .*)$")
ELLIPSIS = "…"


def documented(path):
    """(line number, command, shown output or None) for each ku command of the document."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = [(m.group(1), m.group(2), m.start(), m.end()) for m in FENCE.finditer(text)]
    found = []
    for i, (language, body, start, end) in enumerate(blocks):
        if language not in ("sh", "bash", "console"):
            continue
        line_number = text.count("\n", 0, start) + 2
        commands = []
        for offset, line in enumerate(body.replace("\\\n", " ").splitlines()):
            match = COMMAND.match(line.strip())
            if match:
                commands.append((line_number + offset, match.group(1)))
        if not commands:
            continue
        shown = None
        if i + 1 < len(blocks):
            language_next, body_next, start_next, _ = blocks[i + 1]
            if language_next in ("text", "json", "csv") and text[end:start_next].strip() == "":
                shown = body_next
        for k, (number, command) in enumerate(commands):
            found.append((number, command, shown if k == len(commands) - 1 else None))
    return found


def matches(shown, actual):
    """None when `actual` still shows as `shown`, else why not."""
    want = [line.rstrip() for line in shown.rstrip("\n").split("\n")]
    have = [line.rstrip() for line in actual.rstrip("\n").split("\n")]
    j = 0
    skipping = False
    for line in want:
        if line.strip() in (ELLIPSIS, "..."):
            skipping = True
            continue
        pattern = re.compile(".*".join(re.escape(part) for part in re.split(r" *" + ELLIPSIS + " *", line)))
        fits = pattern.fullmatch  # noqa: E731 (each "…" in a line stands for any text)
        while j < len(have) and not fits(have[j]) and skipping:
            j += 1
        if j >= len(have) or not fits(have[j]):
            got = have[j] if j < len(have) else "(the output ends)"
            return f"shown: {line!r}\n      actual: {got!r}"
        j += 1
        skipping = False
    if not skipping and j < len(have):
        return f"the output goes on after the shown lines: {have[j]!r}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ku", required=True, help="the built ku tool")
    parser.add_argument("--source-dir", required=True, help="the repository")
    parser.add_argument("documents", nargs="+")
    options = parser.parse_args()
    ku = os.path.abspath(options.ku)
    source = os.path.abspath(options.source_dir)
    failures = checked = 0
    for document in options.documents:
        root = tempfile.mkdtemp(prefix="ku-docs-")
        try:
            for name in ("data", "tests", "python", "examples"):
                if os.path.exists(os.path.join(source, name)):
                    os.symlink(os.path.join(source, name), os.path.join(root, name))
            os.makedirs(os.path.join(root, "build", "src", "cli"))
            os.symlink(ku, os.path.join(root, "build", "src", "cli", "ku"))
            os.makedirs(os.path.join(root, "bin"))
            os.symlink(ku, os.path.join(root, "bin", "ku"))
            env = dict(os.environ, LC_ALL="C.UTF-8", COLUMNS="1000", PATH=os.path.join(root, "bin") + os.pathsep + os.environ["PATH"])
            for number, command, shown in documented(document):
                result = subprocess.run(["/bin/bash", "-c", command], cwd=root, env=env, capture_output=True,
                                        timeout=120)
                checked += 1
                output = result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")
                where = f"{os.path.relpath(os.path.abspath(document), source)}:{number}: `{command}`"
                shows_error = shown is not None and shown.lstrip().startswith("ku: error")
                if result.returncode == 2 and not shows_error:
                    print(f"FAIL {where} exits with 2:\n{output}")
                    failures += 1
                    continue
                if shown is not None and (why := matches(shown, output)):
                    print(f"FAIL {where}: the output no longer matches the document\n      {why}")
                    failures += 1
        finally:
            shutil.rmtree(root, ignore_errors=True)
    print(f"{checked} documented commands run, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
