"""``ku.to_excel`` and ``ku.to_csv``: ku's DataFrames written with every amount, number and
percent as a number.

pandas 1.5's own ``DataFrame.to_excel`` writes every cell that is not an int, a float, a bool
or a date as its ``str()`` (``BaseExcelWriter._value_with_fmt``), so Money, Decimal and
Fraction cells, and every cell of the "ku.money" dtype, become text in the workbook. Its
``to_csv`` applies ``decimal=","`` to float columns only. These two functions write the exact
values instead:

- Money and ku.money cells: the amount in kronor, exactly, with two decimals
  (``166730.00``; in the workbook a number with the format ``#,##0.00``);
- Decimal cells (weights, percents, årsarbetare): the exact decimal;
- Fraction cells (quotas, exact percents): the decimal, exact when it has a finite decimal
  form, else rounded half-even to ``fraction_digits`` (10) decimals;
- blanks (None, pd.NA, NaN): an empty cell;
- ``attrs["totals"]`` (the Summa of a proposal, a scenario or an allocation): a last row
  labelled Summa, unless ``totals=False``.
"""

from __future__ import annotations

import io
import os
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import FileError, InputError, Money

_MONEY_FORMAT = "#,##0.00"
_FRACTION_DIGITS = 10


def _fraction_decimal(value: Fraction, digits: int) -> Decimal:
    """The decimal of ``value``: exact when it has a finite decimal form, else rounded half-even
    to ``digits`` decimals. Integer arithmetic only."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator == 1:  # a finite decimal: scale to the power of ten the denominator divides
        places = 0
        while (10**places) % value.denominator:
            places += 1
        return Decimal(value.numerator * (10**places // value.denominator)).scaleb(-places)
    with localcontext() as context:
        context.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)


def _blank(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, (float, np.floating)) and bool(np.isnan(value))


def _number(value: object, digits: int) -> object:
    """A cell as what a file holds: None (blank), a Decimal (exact), an int, a bool, a float
    (only a float cell stays one) or text."""
    if _blank(value):
        return None
    if isinstance(value, Money):
        return Decimal(value.in_ore).scaleb(-2)  # two decimals, exactly
    if isinstance(value, Decimal):
        return Decimal(format(value, "f"))  # no exponent: '1E+3' becomes '1000'
    if isinstance(value, Fraction):
        return _fraction_decimal(value, digits)
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    return str(value)


def _frames_of(frames: Any) -> list[tuple[str, pd.DataFrame]]:
    if isinstance(frames, pd.DataFrame):
        return [("", frames)]
    if isinstance(frames, Mapping):
        return [(str(name), frame) for name, frame in frames.items()]
    if isinstance(frames, (list, tuple)) and all(isinstance(f, pd.DataFrame) for f in frames):
        return [(f"Tabell {i + 1}", frame) for i, frame in enumerate(frames)]
    raise InputError(f"expected a DataFrame, a dict of DataFrames or a tuple of DataFrames, not "
                     f"{type(frames).__name__}")


def _shows_index(frame: pd.DataFrame, index: Optional[bool]) -> bool:
    if index is not None:
        return bool(index)
    plain = isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0 and frame.index.step == 1
    return not plain or any(name is not None for name in frame.index.names)


def _rows(frame: pd.DataFrame, *, index: Optional[bool], totals: bool,
          digits: int) -> tuple[list[str], list[list[object]], list[bool], Optional[list[object]]]:
    """The header, the rows of values, which columns hold money, and the totals row."""
    with_index = _shows_index(frame, index)
    names = [("" if n is None else str(n)) for n in frame.index.names] if with_index else []
    header = names + [str(c) for c in frame.columns]
    columns = [frame.iloc[:, j] for j in range(frame.shape[1])]
    money = [False] * len(names) + [
        str(c.dtype) == "ku.money" or any(isinstance(v, Money) for v in c) for c in columns]
    rows: list[list[object]] = []
    index_values = list(frame.index)
    cells = [list(c) for c in columns]
    for i in range(len(frame)):
        key = index_values[i] if with_index else ()
        keys = list(key) if isinstance(key, tuple) else [key]
        rows.append([_number(k, digits) for k in keys] + [_number(c[i], digits) for c in cells])
    total_row = None
    sums = frame.attrs.get("totals") if totals else None
    if isinstance(sums, Mapping) and sums:
        label_at = 0
        total_row = [None] * len(header)
        total_row[label_at] = "Summa"
        for j, column in enumerate(frame.columns):
            if column in sums:
                total_row[len(names) + j] = _number(sums[column], digits)
    return header, rows, money, total_row


def to_excel(frames: Union[pd.DataFrame, Mapping[str, pd.DataFrame], Sequence[pd.DataFrame]],
             path: Union[str, os.PathLike], *, sheet_name: str = "Tabell", index: Optional[bool] = None,
             totals: bool = True, fraction_digits: int = _FRACTION_DIGITS) -> None:
    """Writes ku's DataFrames to an .xlsx workbook (openpyxl) with every amount, number and
    percent as a number, not as text as pandas 1.5's own ``to_excel`` does.

    ``frames`` is a DataFrame (one sheet, ``sheet_name``), a dict from sheet name to DataFrame
    (``ku.report``'s result) or a tuple of DataFrames (``ku.overhead``'s). Amounts are kronor
    with two decimals and the number format ``#,##0.00``; Fractions are decimals, exact when
    finite, else to ``fraction_digits`` decimals; blanks are empty cells. The index is written
    when it is named or not 0, 1, 2, … (``index`` says so explicitly), and ``attrs["totals"]``
    as a last row Summa (``totals=False`` leaves it out). A file that cannot be written raises
    ku.FileError."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as error:  # pragma: no cover - openpyxl is a dependency of the package
        raise InputError("ku.to_excel needs openpyxl (Debian: python3-openpyxl)") from error
    if isinstance(fraction_digits, bool) or not isinstance(fraction_digits, int) or not 0 <= fraction_digits <= 28:
        raise InputError("fraction_digits is an int from 0 to 28")
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for name, frame in _frames_of(frames):
        title = _sheet_title(name or sheet_name, used)
        sheet = workbook.create_sheet(title)
        header, rows, money, total_row = _rows(frame, index=index, totals=totals, digits=fraction_digits)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows + ([total_row] if total_row is not None else []):
            sheet.append(row)
        for j, is_money in enumerate(money):
            if is_money:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=j + 1, max_col=j + 1):
                    if isinstance(cell.value, (int, float, Decimal)):
                        cell.number_format = _MONEY_FORMAT
        if total_row is not None:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        for j, title_text in enumerate(header):
            width = max([len(title_text)] + [len(str(r[j])) for r in rows if r[j] is not None] + [4])
            sheet.column_dimensions[sheet.cell(1, j + 1).column_letter].width = min(width + 2, 60)
    target = Path(path)
    try:
        workbook.save(target)
    except OSError as error:
        raise _file_error(target, error, "write") from None


def to_csv(frame: pd.DataFrame, path: Union[str, os.PathLike, None] = None, *, sep: str = ";",
           decimal: str = ",", index: Optional[bool] = None, totals: bool = True, encoding: str = "utf-8",
           fraction_digits: int = _FRACTION_DIGITS) -> Optional[str]:
    """Writes a ku DataFrame as CSV with every amount, number and percent as a plain number with
    ``decimal`` as its decimal sign (``166730,00`` with the Swedish defaults ``sep=";"``,
    ``decimal=","``), no thousands separator and no unit, so a spreadsheet reads them as
    numbers. pandas 1.5's ``to_csv(decimal=",")`` changes only float columns and writes Money,
    Decimal and Fraction cells by their ``str()``. Blanks are empty fields; the index and
    ``attrs["totals"]`` as for ``to_excel``. Returns the text when ``path`` is None."""
    if not isinstance(sep, str) or len(sep) != 1 or not isinstance(decimal, str) or len(decimal) != 1:
        raise InputError("sep and decimal are one character each, such as ';' and ','")
    if sep == decimal:
        raise InputError("sep and decimal must differ")
    header, rows, _money, total_row = _rows(frame, index=index, totals=totals, digits=fraction_digits)

    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, Decimal):
            return format(value, "f").replace(".", decimal)
        if isinstance(value, float):
            return repr(value).replace(".", decimal)
        return str(value)

    out = io.StringIO()
    import csv

    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    writer.writerow(header)
    for row in rows + ([total_row] if total_row is not None else []):
        writer.writerow([text(v) for v in row])
    if path is None:
        return out.getvalue()
    target = Path(path)
    try:
        with open(target, "w", encoding=encoding, newline="") as f:
            f.write(out.getvalue())
    except OSError as error:
        raise _file_error(target, error, "write") from None
    return None


def _sheet_title(name: str, used: set[str]) -> str:
    title = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "Tabell"
    base, n = title, 2
    while title in used:
        suffix = f" {n}"
        title = base[:31 - len(suffix)] + suffix
        n += 1
    used.add(title)
    return title


def _file_error(path: Path, error: OSError, verb: str = "open") -> FileError:
    """ku.FileError naming the path and the operating system's reason, with errno, strerror and
    filename set as on an OSError."""
    reason = error.strerror or str(error)
    result = FileError(f"cannot {verb} {path}: {reason}")
    result.errno, result.strerror, result.filename = error.errno, error.strerror, str(path)
    return result
