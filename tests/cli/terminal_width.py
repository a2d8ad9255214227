#!/usr/bin/env python3
"""A table printed to standard output fits the terminal: COLUMNS, else the terminal's own width,
else 80. Files and Markdown keep the whole table; --output - is standard output; a workbook is
never written to a terminal.

Usage: terminal_width.py KU DATA_DIR  (prints "terminal_width: ok" when every check holds)
"""
import fcntl
import os
import pty
import struct
import subprocess
import sys
import tempfile
import termios

KU, DATA = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
PROPOSAL = os.path.join(DATA, "proposal_2025.toml")


def run(args, columns=None, cwd=None):
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["LC_ALL"] = "C.UTF-8"
    if columns is not None:
        env["COLUMNS"] = str(columns)
    result = subprocess.run([KU] + args, env=env, cwd=cwd, capture_output=True)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def widest(text):
    return max(len(line) for line in text.splitlines())


def on_terminal(args, cols):
    """Runs ku with standard output on a pseudo-terminal `cols` wide and COLUMNS unset."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, cols, 0, 0))
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["LC_ALL"] = "C.UTF-8"
    process = subprocess.Popen([KU] + args, env=env, stdout=follower, stderr=subprocess.PIPE)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when ku ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    status = process.wait()
    os.close(leader)
    return status, b"".join(chunks).decode("utf-8").replace("\r\n", "\n"), process.stderr.read().decode("utf-8")


def check(condition, what):
    if not condition:
        print(f"terminal_width: FAILED: {what}")
        sys.exit(1)


# Unknown width (a pipe, no COLUMNS): 80 characters, the table in parts that repeat the kommuner.
status, out, _ = run(["proposal", PROPOSAL])
check(status == 0, "the proposal runs")
check(widest(out) <= 80, f"no line longer than 80 without COLUMNS (widest {widest(out)})")
check("Del 1 av " in out, "a wide table is shown in parts")
parts = out.split("FÖRSLAG finansiering Kommunal Utveckling 2025 (kr)")[1].split("Räknas inte i Summa")[0]
check(parts.count("0680  Jönköping") == parts.count("Del "), "each part repeats the kommun columns")
check("27 902 191" in out, "the grand total is shown")

# COLUMNS=120, as the issue asks: no line longer than 120.
for columns in (120, 100, 60):
    status, out, _ = run(["proposal", PROPOSAL], columns=columns)
    check(status == 0 and widest(out) <= columns, f"COLUMNS={columns}: widest line {widest(out)}")

# A balance audit at 80: the long area names wrap inside their column, whose parts repeat them.
ledger = os.path.join(os.path.dirname(DATA), "tests", "data", "ledger", "bokslut_2023_ledning_gross_summa.csv")
status, out, _ = run(["audit", "balance", ledger], columns=80)
check(status == 1 and widest(out) <= 80, f"the balance audit fits 80 columns (widest {widest(out)})")
check("\nSocial välfärd och hälso-   område" in out and "\noch sjukvård\n" in out, "a long area name wraps at a space")

# The terminal's own width when COLUMNS is not set.
status, out, _ = on_terminal(["proposal", PROPOSAL], 100)
check(status == 0, "the proposal runs on a terminal")
check(80 < widest(out) <= 100, f"a 100-column terminal is filled but not overflowed (widest {widest(out)})")

# Markdown and files keep the whole table, whatever the width.
status, out, _ = run(["proposal", PROPOSAL, "--format", "markdown"], columns=80)
check(status == 0 and widest(out) > 200, "Markdown keeps the whole table")
with tempfile.TemporaryDirectory() as folder:
    status, _, _ = run(["proposal", PROPOSAL, "--output", "p.txt"], columns=80, cwd=folder)
    with open(os.path.join(folder, "p.txt"), encoding="utf-8") as written:
        check(status == 0 and widest(written.read()) > 200, "a text file keeps the whole table")
    # --output - is standard output: the same as no --output, and no file named "-".
    status, dash, _ = run(["proposal", PROPOSAL, "--format", "csv", "--output", "-"], cwd=folder)
    _, plain, _ = run(["proposal", PROPOSAL, "--format", "csv"], cwd=folder)
    check(status == 0 and dash == plain and dash.startswith("code,kommun,"), "--output - prints the CSV")
    check(not os.path.exists(os.path.join(folder, "-")), "--output - makes no file named -")

# A workbook is not written to a terminal.
status, _, err = on_terminal(["proposal", PROPOSAL, "--format", "xlsx"], 100)
check(status == 2, "--format xlsx on a terminal exits 2")
check("--format xlsx writes a workbook: name it with --output FILE" in err, f"and says why: {err!r}")

print("terminal_width: ok")
