"""ku: exact financing calculations for Kommunal utveckling, Jönköpings län.

Money is exact: ``ku.Money`` is a ``decimal.Decimal`` of kronor with at most two
decimals (whole öre), built from a Decimal, a Swedish or plain string, or
``Money.kr(n)`` / ``Money.ore(n)``; a float is refused. Every computation runs in
the C++ library; this package turns its results into Money, Fractions and pandas
DataFrames.
"""

from __future__ import annotations

import os
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Iterable, Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _ku
from ._ku import DomainError, Error, LookupError, OverflowError, ParseError

__all__ = [
    "Money", "Error", "ParseError", "OverflowError", "DomainError", "LookupError",
    "kommuner", "allocate", "allocate_many", "proposal", "compare_proposal", "scenario",
    "audit_balance", "reorganise", "roll_forward", "shares", "audit_shares", "prices", "overhead",
    "staffing", "indicators", "management", "report", "audit_fees", "audit_staffing",
    "audit_indicators",
]

# Python's float and numpy's (float32 and float16 are not subclasses of float): never money.
_FLOATS = (float, np.floating)
_BALANCE_COLUMNS = (
    "ingaende_balans", "erhallna_medel", "disponibla_medel", "budget_forbrukning",
    "utfall_forbrukning", "utbetalt_till_kommuner", "overforda_medel", "kvarvarande_medel",
    "varav_statliga_medel",
)


class Money(Decimal):
    """An exact amount of Swedish kronor, whole öre, within ±(2^63 − 1) öre.

    ``Money(Decimal("3562623"))``, ``Money("3 562 623 kr")``, ``Money("28,9 mnkr")``;
    ``Money.kr(5)``, ``Money.ore(5)``. ``Decimal(m)`` gives the exact value back.
    A float raises TypeError (money is exact); so does a bare int (say the unit).
    Arithmetic with other Money (+, −) and integers (×) is exact and overflow-checked.
    """

    __slots__ = ()

    def __new__(cls, value: Union["Money", Decimal, str]) -> "Money":
        if isinstance(value, _FLOATS):
            raise TypeError("ku.Money does not take a float: money is exact; pass a Decimal or a "
                            "string such as '1 234,56'")
        if isinstance(value, (bool, int)):
            raise TypeError("ku.Money(int) does not say the unit: use Money.kr(n) or Money.ore(n)")
        if isinstance(value, Money):
            ore = value.in_ore
        elif isinstance(value, Decimal):
            ore = _ore_of_decimal(value)
        elif isinstance(value, str):
            ore = _ku.parse_money(value, "kr", "")
        else:
            raise TypeError(f"ku.Money takes a Decimal or a string, not {type(value).__name__}")
        return cls._from_ore(ore)

    @classmethod
    def _from_ore(cls, ore: int) -> "Money":
        # From text, so the value is exact whatever the current decimal context's precision.
        return Decimal.__new__(cls, f"{_ku.check_ore(_int64(ore))}E-2")

    @classmethod
    def kr(cls, n: int) -> "Money":
        """``n`` whole kronor."""
        return cls._from_ore(_ku.in_unit(_int64(_whole(n)), "kr"))

    @classmethod
    def ore(cls, n: int) -> "Money":
        """``n`` öre."""
        return cls._from_ore(_ku.check_ore(_int64(_whole(n))))

    @classmethod
    def parse(cls, text: str, unit: str = "kr", where: str = "") -> "Money":
        """Reads a Swedish or plain amount; a number without a unit symbol is in ``unit``."""
        return cls._from_ore(_ku.parse_money(text, unit, where))

    @property
    def in_ore(self) -> int:
        """The amount as a whole number of öre."""
        return _ore_of_decimal(self)

    def format(self, unit: str = "kr", decimals: Optional[int] = None, rounding: str = "half-up",
               show_unit: bool = True) -> str:
        """Swedish form: ``'3 562 623 kr'``, ``'58 088 tkr'``, ``'28,9 mnkr'``."""
        return _ku.format_swedish(self.in_ore, unit, decimals, rounding, show_unit)

    def round(self, unit: str, rounding: str) -> "Money":
        """Rounded to a whole number of ``unit`` (öre, kr, tkr, mnkr) by ``rounding``."""
        return Money._from_ore(_ku.round_money(self.in_ore, unit, rounding))

    def multiply(self, factor: Union[str, Fraction, Decimal], rounding: str, unit: str = "ore") -> "Money":
        """This amount × an exact factor ("15 %", "3/20", Fraction, Decimal), rounded explicitly."""
        if isinstance(factor, _FLOATS):
            raise TypeError("a float factor is not exact: pass '15 %', a Fraction or a Decimal")
        if isinstance(factor, Fraction):
            factor = f"{factor.numerator}/{factor.denominator}"
        return Money._from_ore(_ku.multiply(self.in_ore, str(factor), rounding, unit))

    def __add__(self, other: object) -> "Money":
        if type(other) is int and other == 0:
            return self  # so that sum() of Money starts from 0
        if not isinstance(other, Money):
            return _not_money(other, "add")
        return Money._from_ore(_ku.add(self.in_ore, other.in_ore))

    __radd__ = __add__

    def __sub__(self, other: object) -> "Money":
        if not isinstance(other, Money):
            return _not_money(other, "subtract")
        return Money._from_ore(_ku.subtract(self.in_ore, other.in_ore))

    def __rsub__(self, other: object) -> "Money":
        if not isinstance(other, Money):
            return _not_money(other, "subtract")
        return Money._from_ore(_ku.subtract(other.in_ore, self.in_ore))

    def __mul__(self, other: object) -> "Money":
        if isinstance(other, bool) or not isinstance(other, int):
            if isinstance(other, (*_FLOATS, Decimal, Fraction)):
                raise TypeError("Money × a fraction needs a rounding mode: use m.multiply(factor, rounding)")
            return NotImplemented
        if self.in_ore == 0:
            return Money._from_ore(0)
        return Money._from_ore(_ku.times(self.in_ore, _int64(other)))

    __rmul__ = __mul__

    def __neg__(self) -> "Money":
        return Money._from_ore(-self.in_ore)

    def __pos__(self) -> "Money":
        return self

    def __truediv__(self, other: object) -> "Money":
        raise TypeError("dividing money needs a rounding mode: use m.multiply(Fraction(1, n), rounding)")

    def __str__(self) -> str:
        return _ku.format_plain(self.in_ore)

    def __repr__(self) -> str:
        return f"Money('{self}')"

    def __reduce__(self):
        return (Money, (str(self),))


def _not_money(other: object, verb: str):
    """Money mixes only with Money: a plain Decimal could carry a fraction of an öre."""
    if isinstance(other, (Decimal, float, int, Fraction)) and not isinstance(other, bool):
        raise TypeError(f"cannot {verb} Money and {type(other).__name__}: convert it with ku.Money(...) first")
    return NotImplemented


def _whole(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise TypeError(f"expected a whole number, not {type(n).__name__}")
    return int(n)


_INT64_MAX = 2**63 - 1


def _int64(n: int) -> int:
    """``n`` if it fits the C++ side's 64 bits, else ku.OverflowError (not pybind11's TypeError)."""
    if not -_INT64_MAX - 1 <= n <= _INT64_MAX:
        raise OverflowError(f"money overflow: {n} is beyond the 64-bit range of an amount "
                            "(±92 233 720 368 547 758,07 kr)")
    return n


def _ore_of_decimal(value: Decimal) -> int:
    """The exact number of öre in ``value``, in integer arithmetic: never rounded by the
    current decimal context."""
    if not value.is_finite():
        raise ParseError(f"cannot read {value!r} as an amount: it is not finite")
    sign, digits, exponent = value.as_tuple()
    coefficient = int("".join(map(str, digits)))
    shift = exponent + 2
    if coefficient == 0:
        return 0
    if shift < 0:
        if -shift > len(digits) or coefficient % 10 ** -shift != 0:
            raise ParseError(f"cannot read {value} as an amount: more decimals than whole öre allow")
        ore = coefficient // 10 ** -shift
    elif len(digits) + shift > 20:  # |value| ≥ 10^19 öre: beyond the range, whatever the digits
        raise OverflowError(f"money overflow: {value} kr is beyond ±92 233 720 368 547 758,07 kr")
    else:
        ore = coefficient * 10 ** shift
    return _int64(-ore if sign else ore)


def _money(ore: Optional[int]) -> Optional[Money]:
    return None if ore is None else Money._from_ore(ore)


def _weight_text(value: object, code: str) -> str:
    if isinstance(value, _FLOATS):
        raise TypeError(f"the weight of {code} is a float; weights are exact: pass an int, Decimal or string")
    if isinstance(value, bool):
        raise TypeError(f"the weight of {code} is a bool")
    if isinstance(value, Decimal):
        return format(value, "f")  # never exponent notation ("1E+3"), which the C++ reader refuses
    if isinstance(value, (int, np.integer, str)):
        return str(value)
    raise TypeError(f"the weight of {code} is a {type(value).__name__}; pass an int, Decimal or string")


def _csv_text(table: Union[pd.DataFrame, str, os.PathLike]) -> tuple[Union[str, bytes], str, bool]:
    """A DataFrame or a path as CSV text, a source name for messages and whether it is a file.
    A file's bytes go to the C++ reader untouched, which reads them with the caller's
    ``separator`` and ``encoding`` or, where not given, detects them (UTF-8, with or without a
    byte order mark, or Windows-1252) as for the command-line tool. A DataFrame becomes UTF-8
    CSV with ',', which the reader reads as such whatever the options."""
    if isinstance(table, pd.DataFrame):
        frame = table.copy()
        for column in frame.columns:
            frame[column] = [_cell_text(v) for v in frame[column]]
        return frame.to_csv(index=False), "<DataFrame>", False
    path = Path(table)
    return path.read_bytes(), str(path), True


def _cell_text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, _FLOATS) and np.isnan(value)):
        return ""  # pd.NA: the blank of the nullable Int64 and string dtypes
    if isinstance(value, Money):
        return f"{value} kr"  # a unit symbol, so the cell means the same in a table in tkr
    if isinstance(value, _FLOATS):
        raise TypeError("a table cell is a float; amounts are exact: use Money, Decimal, int or text")
    if isinstance(value, Decimal):
        return format(value, "f")  # never exponent notation ("1.2E+4"), which the C++ reader refuses
    return str(value)


def kommuner() -> pd.DataFrame:
    """The 13 kommuner of Jönköpings län: code (index) and name."""
    codes, names = zip(*_ku.kommuner())
    return pd.DataFrame({"name": list(names)}, index=pd.Index(list(codes), name="code"))


def allocate(total: Union[Money, Decimal, str], weights: Union[Mapping[str, object], pd.Series], *,
             method: str = "largest-remainder", unit: str = "kr",
             members: Optional[Iterable[str]] = None) -> pd.DataFrame:
    """Splits ``total`` among kommuner by ``weights`` (kommun code → weight: int, Decimal or text).

    Returns a DataFrame indexed by kommun code with columns name, weight, quota (the exact
    quota in kronor, a Fraction), amount and adjustment (Money); ``df.attrs`` holds method,
    unit, basis, total, sum and residual. ``members`` limits the split to those codes.
    """
    total_money = total if isinstance(total, Money) else Money(total)
    items = list(weights.items())
    if members is not None:
        chosen = list(members)
        known = {code for code, _ in items}
        for code in chosen:
            if code not in known:
                raise LookupError(f"members: kommun {code} has no weight")
        items = [(code, w) for code, w in items if code in set(chosen)]
    codes = [str(code) for code, _ in items]
    texts = [_weight_text(w, str(code)) for code, w in items]
    result = _ku.allocate(total_money.in_ore, codes, texts, method, unit)
    parts = result["parts"]
    frame = pd.DataFrame(
        {
            "name": [p[1] for p in parts],
            "weight": [Decimal(p[2]) for p in parts],
            "quota": [Fraction(int(n), int(d)) / 100 for n, d in result["quotas"]],
            "amount": [Money._from_ore(p[4]) for p in parts],
            "adjustment": [Money._from_ore(p[5]) for p in parts],
        },
        index=pd.Index([p[0] for p in parts], name="code"),
    )
    frame.attrs.update(method=result["method"], unit=result["unit"], basis=result["basis"],
                       total=_money(result["total"]), sum=_money(result["sum"]),
                       residual=_money(result["residual"]))
    return frame


def allocate_many(totals: Union[Sequence[Money], np.ndarray], weights: Union[pd.DataFrame, np.ndarray], *,
                  codes: Optional[Sequence[str]] = None, method: str = "largest-remainder", unit: str = "kr",
                  as_ore: bool = False) -> Union[pd.DataFrame, np.ndarray]:
    """Many allocations in one call: row i splits ``totals[i]`` by row i of ``weights``.

    ``weights`` is a DataFrame whose columns are kommun codes (or an int64 array with
    ``codes``); integer weights. ``totals`` are Money, or an int64 array in öre. Returns a
    DataFrame of Money (rows as ``weights``, columns codes), or with ``as_ore`` an int64
    array of öre. The loop runs in C++.
    """
    if isinstance(weights, pd.DataFrame):
        codes = [str(c) for c in weights.columns]
        index = weights.index
        matrix = weights.to_numpy()
    else:
        if codes is None:
            raise TypeError("allocate_many: give the kommun codes of the weight columns")
        matrix = np.asarray(weights)
        index = pd.RangeIndex(matrix.shape[0])
    if matrix.dtype.kind == "f":
        raise TypeError("allocate_many: weights are floats; weights are exact: use integers")
    if matrix.dtype.kind == "O":
        # astype(int64) would truncate Decimal("1.5") to 1 without a word: only whole numbers pass.
        for value in matrix.flat:
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
                raise TypeError(f"allocate_many: a weight is a {type(value).__name__}; weights are whole "
                                "numbers (int)")
            _int64(int(value))
    elif matrix.dtype.kind == "u":
        if matrix.size and int(matrix.max()) > _INT64_MAX:
            raise OverflowError("allocate_many: a weight is beyond the 64-bit range")
    elif matrix.dtype.kind != "i":
        raise TypeError(f"allocate_many: weights of dtype {matrix.dtype} are not whole numbers; use integers")
    if isinstance(totals, np.ndarray):
        if totals.dtype.kind != "i":
            raise TypeError("allocate_many: totals as an array must be integer öre")
        ore = totals.astype(np.int64)
    else:
        ore = np.fromiter(((t if isinstance(t, Money) else Money(t)).in_ore for t in totals), dtype=np.int64)
    result = _ku.allocate_many(ore, matrix.astype(np.int64), list(codes), method, unit)
    if as_ore:
        return result
    frame = pd.DataFrame(result, index=index, columns=list(codes))
    return frame.applymap(Money._from_ore)


def proposal(spec: Union[str, os.PathLike], *, method: Optional[str] = None) -> pd.DataFrame:
    """The kommun × fee financing proposal of a spec (TOML): one row per kommun and a "Summa"
    row, one column per fee (Money; None where a kommun does not take part) and "Summa".
    ``method`` (e.g. "controlled"), when given, replaces every fee's method, as the CLI's
    --method. ``df.attrs`` holds the title; per fee, method, in_row_sum, total, residual and
    basis; and per kommun code its exact row sum in kr (``exact_row_sums``, a Fraction) and its
    drift, Summa − exact (``row_drift``, a Fraction)."""
    data = _ku.proposal(os.fspath(spec), method)
    fees = [f[0] for f in data["fees"]]
    rows = {}
    exact_row_sums = {}
    row_drift = {}
    for code, name, cells, row_sum, exact in data["rows"]:
        rows[code] = [name] + [_money(c) for c in cells] + [Money._from_ore(row_sum)]
        exact_row_sums[code] = Fraction(exact)
        row_drift[code] = Fraction(row_sum, 100) - exact_row_sums[code]
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=["name"] + fees + ["Summa"])
    frame.index.name = "code"
    frame.loc["Summa"] = ["Summa"] + [Money._from_ore(f[4]) for f in data["fees"]] + \
        [Money._from_ore(data["grand_total"])]
    frame.attrs.update(title=data["title"], fees={
        f[0]: {"method": f[1], "in_row_sum": f[2], "total": Money._from_ore(f[3]),
               "residual": Money._from_ore(f[5]), "basis": f[6]} for f in data["fees"]},
                       exact_row_sums=exact_row_sums, row_drift=row_drift)
    return frame


def compare_proposal(spec: Union[str, os.PathLike], published: Union[str, os.PathLike], *,
                     separator: Optional[str] = None, encoding: Optional[str] = None) -> pd.DataFrame:
    """The differences between a spec's proposal and a published table (CSV, or a ``.json``
    file as ``ku proposal --format json`` writes it): columns kind, code, fee, published,
    computed (Money or None). ``separator`` ("semicolon" or ";", "comma" or ",") and
    ``encoding`` ("utf-8" or "windows-1252") say how to read a CSV ``published``, as the
    CLI's --separator and --encoding; None (the default) detects them. An unknown name raises
    ku.LookupError."""
    rows = _ku.compare_proposal(os.fspath(spec), os.fspath(published), separator, encoding)
    return pd.DataFrame([(k, c, f, _money(p), _money(q)) for k, c, f, p, q in rows],
                        columns=["kind", "code", "fee", "published", "computed"])


def scenario(base: Union[str, os.PathLike], alternative: Union[str, os.PathLike]) -> pd.DataFrame:
    """Alternative − base per kommun (rows, plus "Summa") and fee (columns, plus "Summa"),
    as Money; rows and columns add up exactly."""
    data = _ku.scenario(os.fspath(base), os.fspath(alternative))
    fees = list(data["fees"])
    rows = {code: [Money._from_ore(d) for _, _, d in cells] + [Money._from_ore(row_delta)]
            for code, _name, cells, row_delta in data["rows"]}
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=fees + ["Summa"])
    frame.index.name = "code"
    column_sums = []
    for f in range(len(fees)):
        total = Money.kr(0)
        for _, _, cells, _ in data["rows"]:
            total = total + Money._from_ore(cells[f][2])
        column_sums.append(total)
    frame.loc["Summa"] = column_sums + [Money._from_ore(data["total_delta"])]
    frame.attrs.update(base=data["base"], alternative=data["alternative"])
    return frame


def audit_balance(table: Union[pd.DataFrame, str, os.PathLike], previous: Union[pd.DataFrame, str, os.PathLike, None] = None,
                  mapping: Union[pd.DataFrame, str, os.PathLike, None] = None, *, unit: str = "tkr",
                  separator: Optional[str] = None, encoding: Optional[str] = None) -> pd.DataFrame:
    """The findings of the balance-table auditor, with the CLI's fields: kind, area, column,
    expected, found, difference (Money), classification (rounding or fault) and note. ``table`` and ``previous``
    are paths to CSV or DataFrames with the columns of a balance table; ``mapping`` has
    from, to, share or from, to, amount. Plain numbers are in ``unit``. ``separator``
    ("semicolon" or ";", "comma" or ",") and ``encoding`` ("utf-8" or "windows-1252") say how
    to read every CSV file given, as the CLI's --separator and --encoding; None (the default)
    detects them. An unknown name raises ku.LookupError.
    The options apply to paths only: a DataFrame is always read as the UTF-8 ',' CSV it becomes."""
    text = _csv_text(table)
    previous_text = _csv_text(previous) if previous is not None else None
    mapping_text = _csv_text(mapping) if mapping is not None else None
    rows = _ku.audit_balance(text, previous_text, mapping_text, unit, separator, encoding)
    return pd.DataFrame(
        [(k, a, c, _money(e), _money(f), Money._from_ore(d), cl, n) for k, a, c, e, f, d, cl, n in rows],
        columns=["kind", "area", "column", "expected", "found", "difference", "classification", "note"])


def reorganise(balances: Mapping[str, Money], mapping: Union[pd.DataFrame, Sequence[tuple]], *,
               unit: str = "ore") -> dict[str, Money]:
    """Maps closing balances (area → Money) onto next year's areas. ``mapping`` rows are
    (from, to, share) with share a Fraction or text ("1/3", "0,5"), or (from, to, amount) with
    Money; a DataFrame has the columns from, to and share or amount. The sum is preserved to
    the öre; splits by share use largest remainder in whole ``unit``."""
    if isinstance(mapping, pd.DataFrame):
        kind = "share" if "share" in mapping.columns else "amount"
        rules = list(mapping[["from", "to", kind]].itertuples(index=False, name=None))
    else:
        rules = list(mapping)
    converted = []
    for source, target, part in rules:
        if isinstance(part, Money):
            converted.append((str(source), str(target), "amount", str(part.in_ore)))
        elif isinstance(part, _FLOATS):
            raise TypeError("a share is a float; shares are exact: use a Fraction or text such as '1/3'")
        elif isinstance(part, Fraction):
            converted.append((str(source), str(target), "share", f"{part.numerator}/{part.denominator}"))
        else:
            converted.append((str(source), str(target), "share", str(part)))
    result = _ku.reorganise([(area, Money(m).in_ore) for area, m in balances.items()], converted, unit)
    return {area: Money._from_ore(ore) for area, ore in result}


def roll_forward(table: pd.DataFrame, mapping: Union[pd.DataFrame, Sequence[tuple], None] = None, *,
                 unit: str = "ore") -> pd.DataFrame:
    """The next period's opening balances: each area's kvarvarande medel (computed from its
    flows: ingaende_balans + erhallna_medel − utfall_forbrukning − utbetalt_till_kommuner −
    overforda_medel, blanks as zero), mapped through ``mapping``. ``table`` has an ``omrade``
    column (or index) and Money columns. Returns omrade → ingaende_balans."""
    frame = table if "omrade" in table.columns else table.reset_index().rename(columns={"index": "omrade"})
    flows = []
    for _, row in frame.iterrows():
        def ore(column: str) -> int:
            cell = row.get(column)
            return 0 if cell is None or (isinstance(cell, float) and np.isnan(cell)) else Money(cell).in_ore
        flows.append((str(row["omrade"]), ore("ingaende_balans"), ore("erhallna_medel"), ore("utfall_forbrukning"),
                      ore("utbetalt_till_kommuner"), ore("overforda_medel")))
    closing = {area: Money._from_ore(balance) for area, balance in _ku.closing_balances(flows)}
    opening = reorganise(closing, mapping if mapping is not None else [], unit=unit)
    return pd.DataFrame({"ingaende_balans": list(opening.values())},
                        index=pd.Index(list(opening.keys()), name="omrade"))


def shares(table: Union[pd.DataFrame, str, os.PathLike], *, decimals: int = 0, unit: str = "kr",
           separator: Optional[str] = None, encoding: Optional[str] = None) -> pd.DataFrame:
    """Financing shares in percents that sum to exactly 100 per row (and over the areas'
    shares of the outcome): one row per area, per group and "Summa"; percents as exact
    Decimals. ``table`` has omrade, optional grupp, utfall, kommunerna, staten, ovriga.
    ``separator`` ("semicolon" or ";", "comma" or ",") and ``encoding`` ("utf-8" or
    "windows-1252") say how to read a CSV file, as the CLI's --separator and --encoding; None
    (the default) detects them. An unknown name raises ku.LookupError.
    The options apply to paths only: a DataFrame is always read as the UTF-8 ',' CSV it becomes."""
    rows = _ku.shares(_csv_text(table), decimals, unit, separator, encoding)
    return pd.DataFrame(
        [(o, g, t, Decimal(a), Decimal(k), Decimal(s), Decimal(v), Money._from_ore(u))
         for o, g, t, a, k, s, v, u in rows],
        columns=["omrade", "grupp", "rad_typ", "andel_av_utfall", "kommunerna", "staten", "ovriga", "utfall"])


def _frame(result: tuple) -> pd.DataFrame:
    """A table of the C++ layer (column keys, column kinds, rows) as a DataFrame: amounts as
    Money, numbers and percents as exact Decimals (a Fraction when they have no finite decimal
    form), text as str, blanks as None."""
    keys, kinds, rows = result

    def value(kind: str, cell: object) -> object:
        if cell is None:
            return None
        if kind == "amount":
            return Money._from_ore(int(cell))
        if kind in ("number", "percent"):
            return Fraction(str(cell)) if "/" in str(cell) else Decimal(str(cell))
        return cell

    return pd.DataFrame([[value(k, c) for k, c in zip(kinds, row)] for row in rows], columns=list(keys))


def _year(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} is a year such as 2016, not a {type(value).__name__}")
    return int(value)


def prices(index: Union[pd.DataFrame, str, os.PathLike], *, from_year: int, to: Optional[int] = None,
           budget: Optional[int] = None, plan_years: int = 0, amount: Union[Money, Decimal, str, None] = None,
           table: Union[pd.DataFrame, str, os.PathLike, None] = None, unit: str = "kr", rounding: str = "half-up",
           index_name: Optional[str] = None, separator: Optional[str] = None,
           encoding: Optional[str] = None) -> pd.DataFrame:
    """Amounts at ``from_year``'s price level converted with a price index (``index``: columns
    year and index, e.g. KPI) to the level of ``to``, or of ``budget`` and its ``plan_years``
    plan years, as ``ku prices`` does. Give one ``amount`` or a ``table`` (a column of labels,
    then columns of amounts in ``unit``). Every cell is converted exactly and rounded on its own
    by ``rounding`` to a whole ``unit``. Returns one row per label and, per amount column, a
    Money column per price level (``belopp_2016``, ``belopp_2025``, or ``<column>_<year>``);
    blank cells stay None. A year the index lacks raises ku.LookupError."""
    if (to is None) == (budget is None):
        raise TypeError("give the target price level: to=YEAR or budget=YEAR")
    if (amount is None) == (table is None):
        raise TypeError("give what to convert: amount=... or table=...")
    index_csv = _csv_text(index)
    name = index_name if index_name is not None else (
        Path(index_csv[1]).stem if index_csv[2] else "prisindex")
    amount_ore = None if amount is None else (amount if isinstance(amount, Money) else Money(amount)).in_ore
    return _frame(_ku.prices(index_csv, name, _year(from_year, "from_year"),
                             None if to is None else _year(to, "to"),
                             None if budget is None else _year(budget, "budget"), _whole(plan_years),
                             amount_ore, None if table is None else _csv_text(table), unit, rounding,
                             separator, encoding))


def staffing(table: Union[pd.DataFrame, str, os.PathLike], *, separator: Optional[str] = None,
             encoding: Optional[str] = None) -> pd.DataFrame:
    """Årsarbetare by form of employment and financing, as ``ku staffing``: ``table`` has the
    columns anstallningsform, finansiering and arsarbetare ("25,50"), one row per group of
    staff. Returns one row per form (tjänsteköp, tillsvidare, visstid) with the columns
    kommunal, extern and summa as exact Decimals; no Summa row, so ``sum()`` gives the totals."""
    return _frame(_ku.staffing(_csv_text(table), separator, encoding))


def indicators(table: Union[pd.DataFrame, str, os.PathLike], *, decimals: int = 0, rounding: str = "half-up",
               unit: str = "kr", separator: Optional[str] = None, encoding: Optional[str] = None) -> pd.DataFrame:
    """Success rates of grant applications and changes between periods, as ``ku indicators``:
    ``table`` has period, ansokningar, beviljade, ansokt_belopp and beviljat_belopp (in
    ``unit``). Returns one row per period with the counts (Decimal), the amounts (Money) and the
    percents andel_beviljade, andel_beviljat_belopp, forandring_ansokningar and
    forandring_beviljat_belopp as exact Decimals with ``decimals`` decimals, each rounded by
    ``rounding`` from its exact value; None where no rate or change exists."""
    if isinstance(decimals, bool) or not isinstance(decimals, (int, np.integer)):
        raise TypeError(f"decimals is an int from 0 to 9, not a {type(decimals).__name__}")
    return _frame(_ku.indicators(_csv_text(table), int(decimals), rounding, unit, separator, encoding))


def audit_staffing(table: Union[pd.DataFrame, str, os.PathLike], *, separator: Optional[str] = None,
                   encoding: Optional[str] = None) -> pd.DataFrame:
    """The findings of the staffing-table auditor, as ``ku audit staffing``: ``table`` has a
    first column of periods, one column per form of employment (tjänsteköp, tillsvidare,
    visstid), an optional Summa column and an optional Summa row, årsarbetare with two decimals.
    One row per finding: kind (row_sum, column_sum, cell), period, column, expected, found and
    difference (exact Decimals), classification (always fault: the sums are exact) and note."""
    return _frame(_ku.audit_staffing(_csv_text(table), separator, encoding))


def audit_indicators(table: Union[pd.DataFrame, str, os.PathLike], *, separator: Optional[str] = None,
                     encoding: Optional[str] = None) -> pd.DataFrame:
    """The findings of the indicator-table auditor, as ``ku audit indicators``: ``table`` has
    columns indikator, bas (another row, ``föregående`` or blank) and one column per period;
    cells like ``4 (50 %)`` or ``5 696 000 kronor (15 %)``. One row per finding: kind
    (percent_mismatch, rounding_rule_mismatch), indikator, period, exact, expected, found and
    difference (exact percents: Decimals, or Fractions without a finite decimal form),
    classification (rounding or fault) and note.
    ``attrs["notes"]`` lists the percents that could not be checked (no base, or a base of 0)."""
    findings, notes = _ku.audit_indicators(_csv_text(table), separator, encoding)
    frame = _frame(findings)
    frame.attrs["notes"] = list(notes)
    return frame


def audit_fees(table: Union[pd.DataFrame, str, os.PathLike], *, keys: Union[pd.DataFrame, str, os.PathLike, None] = None,
               unit: str = "kr", separator: Optional[str] = None, encoding: Optional[str] = None) -> pd.DataFrame:
    """The findings of the fee-table auditor, as ``ku audit fees``: ``table`` has a Kommun column
    (names or SCB codes; or code and kommun), one column per fee or year, an optional Summa
    column and a last row Summa. One row per finding: kind (column_sum, row_sum, cell), code,
    kommun, column, expected, found, difference (Money), classification (rounding or fault) and
    note. With ``keys`` (a code column and weight columns), ``attrs["keys"]`` is a DataFrame of
    each column's key, method, total and differing cells."""
    findings, key_rows = _ku.audit_fees(_csv_text(table), None if keys is None else _csv_text(keys), unit, separator,
                                        encoding)
    frame = _frame(findings)
    if key_rows is not None:
        frame.attrs["keys"] = _frame(key_rows)
    return frame


def management(cost: Union[Money, Decimal, str], areas: Union[pd.DataFrame, str, os.PathLike], *, unit: str = "kr",
               separator: Optional[str] = None, encoding: Optional[str] = None) -> pd.DataFrame:
    """The part of ledning och stab the areas finance, ``cost``, split among the areas of
    ``areas`` (columns omrade and utfall; a funding table of ``ku.shares`` serves) in proportion
    to their outcome by largest remainder in whole ``unit``, as ``ku management``: one row per
    area with omrade, underlag (its outcome) and andel (its part) as Money; no Summa row, so
    ``andel.sum()`` is ``cost``."""
    total = cost if isinstance(cost, Money) else Money(cost)
    return _frame(_ku.management(total.in_ore, _csv_text(areas), unit, separator, encoding))


def report(dataset: Union[str, os.PathLike], *, previous: Union[str, os.PathLike, None] = None, unit: str = "tkr",
           decimals: int = 0) -> dict[str, pd.DataFrame]:
    """A period's tables from its dataset (TOML, as ``ku report``; docs/formats.md): a dict
    from sheet name to DataFrame. "Balans": the balance table in ``unit`` (tkr or kr), one row
    per area and the internal row, amounts as Money, no Summa row, so a column's ``sum()`` is
    the table's Summa. "Andelar": the financing shares (percents as exact Decimals, groups as
    rows). "Ledning och stab" when areas finance it; "Årsarbetare" and "Ansökningar" when the
    dataset names those files. With ``previous`` (the previous period's dataset), opening
    balances are carried over from it."""
    if isinstance(decimals, bool) or not isinstance(decimals, (int, np.integer)):
        raise TypeError(f"decimals is an int from 0 to 6, not a {type(decimals).__name__}")
    sheets = _ku.report(os.fspath(dataset), None if previous is None else os.fspath(previous), unit, int(decimals))
    return {name: _frame(rows) for name, rows in sheets}


def _rate_text(value: Union[Decimal, str], name: str) -> str:
    if isinstance(value, bool) or isinstance(value, _FLOATS):
        raise TypeError(f"{name} is exact: a Decimal fraction (Decimal(\"0.15\")) or text with its percent sign (\"15 %\")")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        if "%" not in value:
            raise ParseError(f"cannot read \"{value}\" ({name}): write the rate in percent with its sign, e.g. \"15 %\"")
        return value
    raise TypeError(f"{name} is a Decimal or a str, not a {type(value).__name__}")


def overhead(administration: Union[Money, Decimal, str], grants: Union[Money, Decimal, str],
             rate: Union[Decimal, str], weights: Union[pd.DataFrame, str, os.PathLike], column: str, *,
             new_rate: Union[Decimal, str, None] = None, method: str = "largest-remainder",
             separator: Optional[str] = None, encoding: Optional[str] = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What an OH ``rate`` on project ``grants`` finances of ``administration``, the rest
    invoiced to the kommuner by the weights in ``column`` of ``weights`` (a code column and
    weight columns), as ``ku overhead`` does; with ``new_rate``, the same at that rate and each
    kommun's change. A rate is a Decimal fraction (``Decimal("0.15")``) or text with its percent
    sign (``"15 %"``). Returns two DataFrames: the financing (post, at_rate, at_new_rate, change)
    and the kommuner (code, kommun, weight, invoice at each rate, change; no Summa row, so
    ``sum()`` is the total invoiced)."""
    def ore(value: Union[Money, Decimal, str]) -> int:
        return (value if isinstance(value, Money) else Money(value)).in_ore

    financing, kommuner = _ku.overhead(ore(administration), ore(grants), _rate_text(rate, "rate"),
                                       None if new_rate is None else _rate_text(new_rate, "new_rate"),
                                       _csv_text(weights), column, method, separator, encoding)
    return _frame(financing), _frame(kommuner)


def audit_shares(table: Union[pd.DataFrame, str, os.PathLike], *,
                 balance: Union[pd.DataFrame, str, os.PathLike, None] = None,
                 names: Union[pd.DataFrame, str, os.PathLike, None] = None, unit: str = "tkr",
                 separator: Optional[str] = None, encoding: Optional[str] = None) -> pd.DataFrame:
    """The findings of the percent-table auditor: kind, area, column, expected, found,
    difference (percent points as exact Fractions), classification (always fault: a finding is
    only made beyond rounding) and note. With ``balance`` (the balance table of the same report,
    in ``unit``), each area's share of the outcome is checked against its outcome column too;
    ``names`` (columns from, to) pairs area names the tables write differently, and
    ``attrs["outcome_base"]`` says which base explains the shares ("once": the internal
    financing of ledning och stab counted once; "twice"). ``separator`` ("semicolon" or
    ";", "comma" or ",") and ``encoding`` ("utf-8" or "windows-1252") say how to read a CSV
    file, as the CLI's --separator and --encoding; None (the default) detects them. An unknown
    name raises ku.LookupError.
    The options apply to paths only: a DataFrame is always read as the UTF-8 ',' CSV it becomes."""
    rows, base = _ku.audit_shares(_csv_text(table), None if balance is None else _csv_text(balance),
                                  None if names is None else _csv_text(names), unit, separator, encoding)
    frame = pd.DataFrame([(k, a, c, Fraction(e), Fraction(f), Fraction(d), s, n) for k, a, c, e, f, d, s, n in rows],
                         columns=["kind", "area", "column", "expected", "found", "difference", "classification",
                                  "note"])
    if base is not None:
        frame.attrs["outcome_base"] = base
    return frame
