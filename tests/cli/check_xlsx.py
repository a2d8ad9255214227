#!/usr/bin/python3
"""Runs ku as a user would, reads the .xlsx workbooks it writes back with openpyxl and checks
them exactly: numbers stored as numbers (never text) with Swedish number formats, every
number equal to the CSV output of the same command, sums as formulas whose referenced cells
add up to the stated value (and to the value cached in the file), a frozen heading row, and a
bar chart on a proposal. Also checks --output for text formats and that a failing command
leaves no file behind.

    check_xlsx.py KU DATA_DIR TEST_DATA_DIR WORK_DIR CASE

Exits 0 when every check of CASE holds, else 1 naming the first check that failed.
"""

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal

import openpyxl
from openpyxl.utils.cell import coordinate_from_string, column_index_from_string, range_boundaries

KU, DATA, TEST_DATA, WORK, CASE = sys.argv[1:6]
SHARES = os.path.join(TEST_DATA, "shares")
LEDGER = os.path.join(TEST_DATA, "ledger")

AMOUNT_FORMAT = re.compile(r'^#,##0(\.0+)?$')
PERCENT_FORMAT = re.compile(r'^0(\.0+)?" %"$')


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def fresh_dir(name):
    path = os.path.join(WORK, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def run(args, expect_exit):
    # Tables printed at full width (COLUMNS=1000), as a file holds them.
    result = subprocess.run([KU] + args, capture_output=True, env=dict(os.environ, COLUMNS="1000"))
    check(result.returncode == expect_exit,
          f"ku {' '.join(args)}: exit {result.returncode}, expected {expect_exit}\n"
          f"stdout: {result.stdout.decode()}\nstderr: {result.stderr.decode()}")
    return result


def number(value):
    """An exact Decimal for a cell's number: an int as is, a float by its shortest form."""
    check(not isinstance(value, bool), f"a boolean where a number belongs: {value!r}")
    if isinstance(value, int):
        return Decimal(value)
    check(isinstance(value, float), f"not a number: {value!r} ({type(value).__name__})")
    return Decimal(repr(value))


class Workbook:
    """A workbook read twice: with its formulas, and with the values cached in the file."""

    def __init__(self, path):
        check(os.path.exists(path), f"{path} was not written")
        self.formulas = openpyxl.load_workbook(path)
        self.cached = openpyxl.load_workbook(path, data_only=True)

    def sheet(self, name):
        check(name in self.formulas.sheetnames, f"no sheet {name!r} in {self.formulas.sheetnames}")
        return self.formulas[name]

    def value(self, sheet, coordinate, seen=()):
        """A cell's value: its number, or its formula evaluated from the cells it references."""
        key = (sheet, coordinate)
        check(key not in seen, f"circular reference at {sheet}!{coordinate}")
        raw = self.formulas[sheet][coordinate].value
        if raw is None:
            return Decimal(0)
        if isinstance(raw, str):
            check(raw.startswith("="), f"{sheet}!{coordinate} holds text {raw!r} where a number is summed")
            return Formula(self, sheet, raw[1:], seen + (key,)).evaluate()
        return number(raw)

    def check_formula(self, sheet, coordinate, expected, form=None):
        """The cell is a formula (matching `form`), evaluating and cached as `expected`."""
        raw = self.formulas[sheet][coordinate].value
        check(isinstance(raw, str) and raw.startswith("="), f"{sheet}!{coordinate} is {raw!r}, not a formula")
        if form:
            check(re.fullmatch(form, raw), f"{sheet}!{coordinate} is {raw!r}, not like {form}")
        evaluated = self.value(sheet, coordinate)
        check(evaluated == Decimal(expected),
              f"{sheet}!{coordinate} {raw} evaluates to {evaluated}, expected {expected}")
        cached = self.cached[sheet][coordinate].value
        check(cached is not None and number(cached) == evaluated,
              f"{sheet}!{coordinate}: cached {cached!r}, but {raw} evaluates to {evaluated}")


class Formula:
    """A small evaluator for what ku writes: SUM(ranges), references to other sheets, + and -."""

    TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d+)?)"
                       r"|(?P<ref>(?:'(?:[^']|'')+'!|[^\W\d][\w.]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)"
                       r"|(?P<sum>SUM)\("
                       r"|(?P<op>[-+,()]))")

    def __init__(self, book, sheet, text, seen):
        self.book, self.sheet, self.seen = book, sheet, seen
        self.tokens = []
        position = 0
        text = text.rstrip()
        while position < len(text):
            match = self.TOKEN.match(text, position)
            check(match is not None, f"cannot read the formula ={text} at {text[position:]!r}")
            kind = match.lastgroup
            self.tokens.append((kind, match.group(kind)))
            position = match.end()
        self.at = 0

    def peek(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else (None, None)

    def take(self, kind=None, value=None):
        token = self.peek()
        check(token[0] is not None and (kind is None or token[0] == kind) and (value is None or token[1] == value),
              f"unexpected {token} in a formula")
        self.at += 1
        return token

    def evaluate(self):
        result = self.expression()
        check(self.at == len(self.tokens), "trailing tokens in a formula")
        return result

    def expression(self):
        total = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            sign = self.take()[1]
            value = self.term()
            total = total + value if sign == "+" else total - value
        return total

    def term(self):
        kind, value = self.peek()
        if (kind, value) == ("op", "-"):
            self.take()
            return -self.term()
        if (kind, value) == ("op", "("):
            self.take()
            inner = self.expression()
            self.take("op", ")")
            return inner
        if kind == "number":
            self.take()
            return Decimal(value)
        if kind == "sum":
            self.take()
            total = self.expression()
            while self.peek() == ("op", ","):
                self.take()
                total += self.expression()
            self.take("op", ")")
            return total
        if kind == "ref":
            self.take()
            return self.reference(value)
        raise CheckFailed(f"unexpected {value!r} in a formula")

    def reference(self, text):
        sheet = self.sheet
        if "!" in text:
            sheet, text = text.rsplit("!", 1)
            sheet = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
            check(sheet in self.book.formulas.sheetnames, f"a formula names the missing sheet {sheet!r}")
        text = text.replace("$", "")
        if ":" not in text:
            return self.book.value(sheet, text, self.seen)
        min_col, min_row, max_col, max_row = range_boundaries(text)
        total = Decimal(0)
        for row in range(min_row, max_row + 1):
            for col in range(min_col, max_col + 1):
                total += self.book.value(sheet, f"{openpyxl.utils.get_column_letter(col)}{row}", self.seen)
        return total


def read_csv_output(args, swedish=False):
    """ku's CSV output of the same command: rows of cells (decimal commas made points when Swedish)."""
    result = subprocess.run([KU] + args, capture_output=True)
    text = result.stdout.decode("utf-8-sig" if swedish else "utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter=";" if swedish else ","))
    if swedish:
        rows = [rows[0]] + [[re.sub(r"^(-?\d+),(\d+)$", r"\1.\2", cell) for cell in row] for row in rows[1:]]
    return rows


def check_against_csv(book, sheet_name, csv_rows, columns=None):
    """Every CSV cell equals the sheet's cell at the same row: numbers exactly, text as text."""
    ws = book.sheet(sheet_name)
    headings = [cell.value for cell in ws[1]]
    columns = columns or list(range(len(csv_rows[0])))
    for r, row in enumerate(csv_rows[1:], start=2):
        for c in columns:
            expected = row[c]
            got = ws.cell(row=r, column=c + 1).value
            where = f"{sheet_name}!{openpyxl.utils.get_column_letter(c + 1)}{r} ({headings[c]})"
            if expected == "":
                check(got is None, f"{where}: {got!r}, expected a blank cell")
            elif re.fullmatch(r"-?\d+(\.\d+)?", expected) and not re.fullmatch(r"0\d+", expected):
                value = book.value(sheet_name, f"{openpyxl.utils.get_column_letter(c + 1)}{r}")
                check(not (isinstance(got, str) and not got.startswith("=")), f"{where}: a number stored as text {got!r}")
                check(value == Decimal(expected), f"{where}: {value}, expected {expected} as in the CSV")
            else:
                check(isinstance(got, str), f"{where}: {got!r}, expected the text {expected!r}")


def check_number_cells(book, sheet_name):
    """No number stored as text; every number and formula cell has a Swedish number format."""
    ws = book.sheet(sheet_name)
    numbers = 0
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            value = cell.value
            if isinstance(value, str) and not value.startswith("="):
                check(not re.fullmatch(r"[-−]?[\d  ]+([.,]\d+)?( ?%| kr)?", value) or re.fullmatch(r"0\d{3}", value),
                      f"{sheet_name}!{cell.coordinate}: the number {value!r} is stored as text")
                continue
            if value is None:
                continue
            numbers += 1
            check(AMOUNT_FORMAT.match(cell.number_format) or PERCENT_FORMAT.match(cell.number_format),
                  f"{sheet_name}!{cell.coordinate}: number format {cell.number_format!r} is not a Swedish one")
    check(numbers > 0, f"{sheet_name} has no numbers")


def check_heading(book, sheet_name, frozen, first_headings):
    ws = book.sheet(sheet_name)
    check(ws.freeze_panes == frozen, f"{sheet_name}: frozen at {ws.freeze_panes}, expected {frozen}")
    headings = [cell.value for cell in ws[1]][:len(first_headings)]
    check(headings == first_headings, f"{sheet_name}: headings {headings}, expected {first_headings}")
    check(all(cell.font.b for cell in ws[1] if cell.value is not None), f"{sheet_name}: the heading row is not bold")


def find_row(ws, column, value):
    for row in ws.iter_rows(min_row=2):
        if row[column].value == value:
            return row[0].row
    raise CheckFailed(f"no row with {value!r} in column {column + 1} of {ws.title}")


def column_of(ws, heading):
    for cell in ws[1]:
        if cell.value == heading:
            return cell.column_letter
    raise CheckFailed(f"no column {heading!r} in {ws.title}")


# --- the cases ---------------------------------------------------------------------------------

def case_proposal():
    out = os.path.join(fresh_dir("proposal"), "proposal_2025.xlsx")
    spec = os.path.join(DATA, "proposal_2025.toml")
    run(["proposal", spec, "--format", "xlsx", "--output", out], 0)
    book = Workbook(out)
    check(book.formulas.sheetnames == ["Förslag", "Avgifter"], f"sheets {book.formulas.sheetnames}")
    check_heading(book, "Förslag", "C2", ["Kod", "Kommun", "Grundfinansiering Social välfärd"])
    ws = book.sheet("Förslag")
    varnamo = find_row(ws, 1, "Värnamo")
    fee = column_of(ws, "Grundfinansiering Social välfärd")
    check(ws[f"{fee}{varnamo}"].value == 845154 and isinstance(ws[f"{fee}{varnamo}"].value, int),
          f"Värnamo's Grundfinansiering is {ws[f'{fee}{varnamo}'].value!r}, expected the number 845154")
    check(ws[f"{fee}{varnamo}"].number_format == "#,##0", f"number format {ws[f'{fee}{varnamo}'].number_format!r}")
    check_number_cells(book, "Förslag")
    check_number_cells(book, "Avgifter")
    summa = column_of(ws, "Summa")
    total_row = find_row(ws, 1, "Summa")
    check(total_row == 15, f"the Summa row is row {total_row}")
    book.check_formula("Förslag", f"{summa}{total_row}", 27902191, rf"=SUM\({summa}2:{summa}14\)")
    book.check_formula("Förslag", f"{summa}{varnamo}", 2613798, r"=SUM\([A-Z0-9:,]+\)")
    book.check_formula("Förslag", f"{fee}{total_row}", 9000000, r"=SUM\(C2:C14\)")
    for row in range(2, total_row):
        book.check_formula("Förslag", f"{summa}{row}", book.value("Förslag", f"{summa}{row}"))
    check_against_csv(book, "Förslag", read_csv_output(["proposal", spec, "--format", "csv"]))
    check_against_csv(book, "Förslag", read_csv_output(["proposal", spec, "--format", "csv-sv"], swedish=True))
    check(len(ws._charts) == 1, f"{len(ws._charts)} charts on Förslag, expected 1")
    chart = ws._charts[0]
    check(chart.tagname == "barChart" and chart.barDir == "bar", f"the chart is a {chart.tagname} ({chart.barDir})")
    # Each kommun's bar stacked from the 13 fees counted in Summa (columns E to Q).
    check(chart.grouping == "stacked", f"the chart is {chart.grouping}, expected stacked")
    check(len(chart.series) == 13, f"{len(chart.series)} series, expected the 13 counted fees")
    values = chart.series[0].val.numRef.f
    last = chart.series[-1].val.numRef.f
    categories = chart.series[0].cat
    categories = (categories.strRef or categories.numRef).f
    check(values.replace("'", "") == "Förslag!$E$2:$E$14", f"the first series is {values}")
    check(last.replace("'", "") == "Förslag!$Q$2:$Q$14", f"the last series is {last}")
    check(categories.replace("'", "") == "Förslag!$B$2:$B$14", f"the chart's categories are {categories}")
    fees = book.sheet("Avgifter")
    digitalisering = find_row(fees, 0, "Digitalisering")
    check(fees[f"F{digitalisering}"].value == 1583550, "Digitalisering's total")
    book.check_formula("Avgifter", f"G{digitalisering}", 1583550, r"='Förslag'!I15")
    book.check_formula("Avgifter", f"H{digitalisering}", 0, rf"=F{digitalisering}-G{digitalisering}")


def case_allocate():
    out = os.path.join(fresh_dir("allocate"), "digitalisering.xlsx")
    args = ["allocate", "--total", "1 583 550", "--weights", os.path.join(DATA, "population_keys.csv"),
            "--column", "key_b"]
    run(args + ["--format", "xlsx", "--output", out], 0)
    book = Workbook(out)
    check_heading(book, "Fördelning", "C2", ["Kod", "Kommun", "Vikt", "Exakt kvot (kr)", "Belopp (kr)", "Justering (kr)"])
    check_number_cells(book, "Fördelning")
    check_against_csv(book, "Fördelning", read_csv_output(args + ["--format", "csv"]))
    ws = book.sheet("Fördelning")
    habo = find_row(ws, 1, "Habo")
    check(ws[f"E{habo}"].value == 56600 and ws[f"F{habo}"].value == 1, "Habo pays 56 600 kr with the spare krona")
    check(ws[f"D{habo}"].number_format == "#,##0.0000", f"quota format {ws[f'D{habo}'].number_format!r}")
    summa = find_row(ws, 1, "Summa")
    book.check_formula("Fördelning", f"E{summa}", 1583550, r"=SUM\(E2:E14\)")
    book.check_formula("Fördelning", f"E{summa + 2}", 0, rf"=E{summa + 1}-E{summa}")


def case_scenario():
    out = os.path.join(fresh_dir("scenario"), "scenario.xlsx")
    args = ["scenario", os.path.join(DATA, "scenarios", "ledning_1730.toml"),
            os.path.join(DATA, "scenarios", "ledning_3500.toml")]
    run(args + ["--format", "xlsx", "--output", out], 0)
    book = Workbook(out)
    check(book.formulas.sheetnames == ["Skillnad", "Bas", "Alternativ"], f"sheets {book.formulas.sheetnames}")
    check_heading(book, "Skillnad", "C2", ["Kod", "Kommun"])
    for name in book.formulas.sheetnames:
        check_number_cells(book, name)
    csv_rows = read_csv_output(args + ["--format", "csv"])
    check_against_csv(book, "Skillnad", csv_rows)
    ws = book.sheet("Skillnad")
    last_column = openpyxl.utils.get_column_letter(len(csv_rows[0]))
    for row in range(2, len(csv_rows)):
        book.check_formula("Skillnad", f"C{row}", Decimal(csv_rows[row - 1][2]), rf"='Alternativ'!C{row}-'Bas'!C{row}")
    total = Decimal(csv_rows[-1][-1])
    book.check_formula("Skillnad", f"{last_column}{len(csv_rows)}", total, rf"=SUM\({last_column}2:{last_column}\d+\)")
    check(ws[f"B{len(csv_rows)}"].value == "Summa", "the last row is Summa")


def case_shares():
    out = os.path.join(fresh_dir("shares"), "shares.xlsx")
    args = ["shares", os.path.join(SHARES, "funding_2023.csv"), "--decimals", "1"]
    run(args + ["--format", "xlsx", "--output", out], 0)
    book = Workbook(out)
    check_heading(book, "Andelar", "B2", ["Område", "Grupp", "Radtyp", "Utfall (kr)", "Andel av utfall"])
    check_number_cells(book, "Andelar")
    csv_rows = read_csv_output(args + ["--format", "csv"])
    ws = book.sheet("Andelar")
    # The CSV has omrade, grupp, andel_av_utfall, kommunerna, staten, ovriga: sheet columns A, B, E–H.
    for r, row in enumerate(csv_rows[1:], start=2):
        check(ws[f"A{r}"].value == row[0], f"Andelar!A{r}")
        for c, letter in zip(range(2, 6), "EFGH"):
            check(book.value("Andelar", f"{letter}{r}") == Decimal(row[c]), f"Andelar!{letter}{r}: expected {row[c]}")
        book.check_formula("Andelar", f"I{r}", 100, rf"=SUM\(F{r}:H{r}\)")
        check(ws[f"E{r}"].number_format == '0.0" %"', f"percent format {ws[f'E{r}'].number_format!r}")
    summa = find_row(ws, 0, "Summa")
    book.check_formula("Andelar", f"D{summa}", 54000000, r"=SUM\(D2:D7\)")
    book.check_formula("Andelar", f"E{summa}", 100, r"=SUM\(E2:E7\)")
    group = find_row(ws, 0, "projektverksamhet")
    book.check_formula("Andelar", f"D{group}", 14000000, r"=SUM\(D5:D7\)")


def case_audit_balance():
    out = os.path.join(fresh_dir("audit_balance"), "audit.xlsx")
    args = ["audit", "balance", os.path.join(LEDGER, "bokslut_2023_ledning_gross_summa.csv")]
    run(args + ["--format", "xlsx", "--output", out], 1)
    book = Workbook(out)
    check(book.formulas.sheetnames == ["Balans", "Avvikelser"], f"sheets {book.formulas.sheetnames}")
    check_heading(book, "Balans", "B2", ["Område", "Radtyp", "Ingående balans (tkr)", "Erhållna medel (tkr)"])
    check_heading(book, "Avvikelser", "A2", ["Typ", "Område", "Kolumn", "Väntat (tkr)", "Funnet (tkr)", "Differens (tkr)"])
    check_number_cells(book, "Balans")
    check_number_cells(book, "Avvikelser")
    balance = book.sheet("Balans")
    computed = find_row(balance, 0, "Summa enligt raderna")
    book.check_formula("Balans", f"D{computed}", 96975, r"=SUM\(D2:D11\)")
    published = find_row(balance, 0, "Summa")
    check(balance[f"D{published}"].value == 98705, "the published Summa of erhållna medel")
    findings = book.sheet("Avvikelser")
    row = find_row(findings, 2, "erhållna medel")
    check(findings[f"A{row}"].value == "Summan stämmer ej", f"finding kind {findings[f'A{row}'].value!r}")
    check(findings[f"D{row}"].value == 96975 and findings[f"E{row}"].value == 98705, "expected and found")
    book.check_formula("Avvikelser", f"F{row}", 1730, rf"=E{row}-D{row}")
    csv_rows = read_csv_output(args + ["--format", "csv-sv"], swedish=True)
    check(csv_rows[0][:6] == ["kind", "area", "column", "expected_tkr", "found_tkr", "difference_tkr"],
          f"CSV header {csv_rows[0]}")
    check_against_csv(book, "Avvikelser", csv_rows, columns=[1, 3, 4, 5, 7])


def case_audit_shares():
    out = os.path.join(fresh_dir("audit_shares"), "audit.xlsx")
    args = ["audit", "shares", os.path.join(SHARES, "published_row_110.csv")]
    run(args + ["--format", "xlsx", "--output", out], 1)
    book = Workbook(out)
    check(book.formulas.sheetnames == ["Andelar", "Avvikelser"], f"sheets {book.formulas.sheetnames}")
    check_number_cells(book, "Andelar")
    check_number_cells(book, "Avvikelser")
    findings = book.sheet("Avvikelser")
    row = find_row(findings, 1, "Familjehemsresurs")
    check(findings[f"D{row}"].value == 100 and findings[f"E{row}"].value == 110, "expected 100, found 110")
    book.check_formula("Avvikelser", f"F{row}", 10, rf"=E{row}-D{row}")
    shares = book.sheet("Andelar")
    family = find_row(shares, 0, "Familjehemsresurs")
    book.check_formula("Andelar", f"G{family}", 110, rf"=SUM\(D{family}:F{family}\)")


def case_compare():
    out = os.path.join(fresh_dir("compare"), "compare.xlsx")
    args = ["proposal", os.path.join(DATA, "proposal_2025.toml"), "--compare",
            os.path.join(DATA, "financing_proposal_2025.csv")]
    run(args + ["--format", "xlsx", "--output", out], 1)
    book = Workbook(out)
    check_heading(book, "Skillnader", "A2", ["Typ", "Kod", "Kommun", "Avgift", "Publicerat (kr)", "Beräknat (kr)"])
    check_number_cells(book, "Skillnader")
    ws = book.sheet("Skillnader")
    check(ws.max_row == 1 + 25 + 2, f"{ws.max_row} rows: expected 25 differences and a note")
    csv_rows = read_csv_output(args + ["--format", "csv"])
    check(len(csv_rows) == 26, f"{len(csv_rows) - 1} differences in the CSV")
    check_against_csv(book, "Skillnader", csv_rows, columns=[1, 2, 3, 4, 5])
    for row in range(2, 27):
        if ws[f"A{row}"].value == "Cell" and ws[f"C{row}"].value == "Värnamo":
            check(ws[f"E{row}"].value == 845153 and ws[f"F{row}"].value == 845154, "Värnamo's cell")
            book.check_formula("Skillnader", f"G{row}", 1, rf"=F{row}-E{row}")
            break
    else:
        raise CheckFailed("no difference for Värnamo")


def case_text_output():
    folder = fresh_dir("text_output")
    spec = os.path.join(DATA, "proposal_2025.toml")
    for fmt, name in (("markdown", "p.md"), ("csv-sv", "p.csv"), ("table", "p.txt"), ("json", "p.json")):
        path = os.path.join(folder, name)
        printed = run(["proposal", spec, "--format", fmt], 0).stdout  # COLUMNS=1000: the whole table
        written = run(["proposal", spec, "--format", fmt, "--output", path], 0)
        check(written.stdout == b"", f"--format {fmt} --output printed {written.stdout[:60]!r}")
        with open(path, "rb") as f:
            check(f.read() == printed, f"{name} differs from what --format {fmt} prints")
    with open(os.path.join(folder, "p.csv"), "rb") as f:
        check(f.read().startswith("\ufeffcode;kommun;".encode()), "csv-sv starts with a BOM and semicolons")
    umask = os.umask(0)
    os.umask(umask)
    mode = os.stat(os.path.join(folder, "p.md")).st_mode & 0o777
    check(mode == 0o666 & ~umask, f"the file has mode {oct(mode)}, expected {oct(0o666 & ~umask)} as a new file")
    check(sorted(os.listdir(folder)) == ["p.csv", "p.json", "p.md", "p.txt"], f"left behind: {os.listdir(folder)}")


def case_no_partial_output():
    folder = fresh_dir("no_partial_output")
    bad_spec = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bad", "float_total.toml")
    failing = [
        ["proposal", bad_spec, "--format", "xlsx", "--output", os.path.join(folder, "p.xlsx")],
        ["proposal", bad_spec, "--format", "markdown", "--output", os.path.join(folder, "p.md")],
        ["allocate", "--total", "100", "--weights", os.path.join(DATA, "population_keys.csv"), "--column", "key_x",
         "--format", "csv-sv", "--output", os.path.join(folder, "a.csv")],
        ["shares", os.path.join(SHARES, "funding_bad_amount.csv"), "--format", "xlsx",
         "--output", os.path.join(folder, "s.xlsx")],
        # A total of 2^53 öre cannot be a number in a workbook: refused, nothing written.
        ["allocate", "--total", "90 071 992 547 409,92", "--weights", os.path.join(DATA, "population_keys.csv"),
         "--column", "key_a", "--unit", "ore", "--format", "xlsx", "--output", os.path.join(folder, "big.xlsx")],
        ["proposal", os.path.join(DATA, "proposal_2025.toml"), "--format", "xlsx",
         "--output", os.path.join(folder, "no_such_folder", "p.xlsx")],
    ]
    for args in failing:
        result = run(args, 2)
        check(result.stdout == b"", f"ku {' '.join(args)} printed {result.stdout[:60]!r}")
        check(os.listdir(folder) == [], f"ku {' '.join(args)} left {os.listdir(folder)}")
    big = run(failing[4], 2).stderr.decode()
    check("2^53" in big and "Fördelning!" in big, f"the refusal names the cell and the limit: {big}")
    # A failing command leaves an existing file as it was.
    kept = os.path.join(folder, "kept.xlsx")
    with open(kept, "wb") as f:
        f.write(b"old")
    run(["proposal", bad_spec, "--format", "xlsx", "--output", kept], 2)
    with open(kept, "rb") as f:
        check(f.read() == b"old", "the existing file was changed")
    check(os.listdir(folder) == ["kept.xlsx"], f"left behind: {os.listdir(folder)}")


CASES = {name[len("case_"):]: function for name, function in globals().items() if name.startswith("case_")}

if __name__ == "__main__":
    if CASE not in CASES:
        print(f"unknown case {CASE!r}; cases: {', '.join(sorted(CASES))}")
        sys.exit(2)
    try:
        CASES[CASE]()
    except CheckFailed as failure:
        print(f"check_xlsx {CASE}: FAILED: {failure}")
        sys.exit(1)
    print(f"check_xlsx {CASE}: ok")
