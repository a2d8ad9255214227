"""ku: exact financing calculations for Kommunal utveckling, Jönköpings län.

Money is exact: ``ku.Money`` is a ``decimal.Decimal`` of kronor with at most two
decimals (whole öre), built from a Decimal, a Swedish or plain string, or
``Money.kr(n)`` / ``Money.ore(n)``; a float is refused, and Money compares only with
Money. Every computation runs in the C++ library; this package turns its results into
Money, Fractions and pandas DataFrames whose amount columns have the dtype "ku.money"
(exact int64 öre; ``sum()`` is exact, ``mean()`` refused) and whose totals are in
``attrs["totals"]``, not a data row. ``ku.to_excel`` and ``ku.to_csv`` write them with
numbers. Every bad input raises a ``ku.Error``: ParseError, OverflowError, DomainError,
LookupError, InputError (also a TypeError) or FileError (also an OSError).
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
from ._ku import DomainError, Error, FileError, InputError, LookupError, OverflowError, ParseError

__all__ = [
    "Money", "MoneyDtype", "MoneyArray", "Error", "ParseError", "OverflowError", "DomainError", "LookupError",
    "InputError", "FileError", "to_excel", "to_csv",
    "kommuner", "allocate", "allocate_many", "proposal", "compare_proposal", "scenario",
    "audit_balance", "reorganise", "roll_forward", "shares", "audit_shares", "prices", "overhead",
    "staffing", "indicators", "management", "report", "audit_fees", "audit_staffing",
    "audit_indicators",
]

# A FileError's message is its first argument, as every ku.Error's, even with errno, strerror and
# filename set (OSError's own str() would print "[Errno 2] ..." instead).
FileError.__str__ = Exception.__str__  # type: ignore[method-assign]

# Python's float and numpy's (float32 and float16 are not subclasses of float): never money.
_FLOATS = (float, np.floating)


class _Core:
    """The C++ extension's functions, with pybind11's TypeError for an argument of the wrong
    type (which dumps every signature and echoes every argument, a whole CSV file included)
    replaced by a short ku.InputError. The public functions check their arguments first, so
    this is the last resort."""

    def __getattr__(self, name: str):
        function = getattr(_ku, name)

        def call(*args: object) -> object:
            try:
                return function(*args)
            except TypeError as error:
                if isinstance(error, Error) or "incompatible function arguments" not in str(error):
                    raise
                kinds = ", ".join(type(a).__name__ for a in args)
                raise InputError(f"ku.{name}: an argument has the wrong type (got {kinds})") from None

        return call


_core = _Core()
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
            raise InputError("ku.Money does not take a float: money is exact; pass a Decimal or a "
                            "string such as '1 234,56'")
        if isinstance(value, (bool, int)):
            raise InputError("ku.Money(int) does not say the unit: use Money.kr(n) or Money.ore(n)")
        if isinstance(value, Money):
            ore = value.in_ore
        elif isinstance(value, Decimal):
            ore = _ore_of_decimal(value)
        elif isinstance(value, str):
            ore = _core.parse_money(value, "kr", "")
        else:
            raise InputError(f"ku.Money takes a Decimal or a string, not {type(value).__name__}")
        return cls._from_ore(ore)

    @classmethod
    def _from_ore(cls, ore: int) -> "Money":
        # From text, so the value is exact whatever the current decimal context's precision.
        return Decimal.__new__(cls, f"{_core.check_ore(_int64(ore))}E-2")

    @classmethod
    def kr(cls, n: int) -> "Money":
        """``n`` whole kronor."""
        return cls._from_ore(_core.in_unit(_int64(_whole(n)), "kr"))

    @classmethod
    def ore(cls, n: int) -> "Money":
        """``n`` öre."""
        return cls._from_ore(_core.check_ore(_int64(_whole(n))))

    @classmethod
    def parse(cls, text: str, unit: str = "kr", where: str = "") -> "Money":
        """Reads a Swedish or plain amount; a number without a unit symbol is in ``unit``."""
        return cls._from_ore(_core.parse_money(text, unit, where))

    @property
    def in_ore(self) -> int:
        """The amount as a whole number of öre."""
        return _ore_of_decimal(self)

    def format(self, unit: str = "kr", decimals: Optional[int] = None, rounding: str = "half-up",
               show_unit: bool = True) -> str:
        """Swedish form: ``'3 562 623 kr'``, ``'58 088 tkr'``, ``'28,9 mnkr'``."""
        return _core.format_swedish(self.in_ore, unit, decimals, rounding, show_unit)

    def round(self, unit: str, rounding: str) -> "Money":
        """Rounded to a whole number of ``unit`` (öre, kr, tkr, mnkr) by ``rounding``."""
        return Money._from_ore(_core.round_money(self.in_ore, unit, rounding))

    def multiply(self, factor: Union[str, Fraction, Decimal], rounding: str, unit: str = "ore") -> "Money":
        """This amount × an exact factor ("15 %", "3/20", Fraction, Decimal), rounded explicitly."""
        if isinstance(factor, _FLOATS):
            raise InputError("a float factor is not exact: pass '15 %', a Fraction or a Decimal")
        if isinstance(factor, Fraction):
            factor = f"{factor.numerator}/{factor.denominator}"
        return Money._from_ore(_core.multiply(self.in_ore, str(factor), rounding, unit))

    def __add__(self, other: object) -> "Money":
        if type(other) is int and other == 0:
            return self  # so that sum() of Money starts from 0
        if not isinstance(other, Money):
            return _not_money(other, "add")
        return Money._from_ore(_core.add(self.in_ore, other.in_ore))

    __radd__ = __add__

    def __sub__(self, other: object) -> "Money":
        if not isinstance(other, Money):
            return _not_money(other, "subtract")
        return Money._from_ore(_core.subtract(self.in_ore, other.in_ore))

    def __rsub__(self, other: object) -> "Money":
        if not isinstance(other, Money):
            return _not_money(other, "subtract")
        return Money._from_ore(_core.subtract(other.in_ore, self.in_ore))

    def __mul__(self, other: object) -> "Money":
        if isinstance(other, bool) or not isinstance(other, int):
            if isinstance(other, (*_FLOATS, Decimal, Fraction)):
                raise InputError("Money × a fraction needs a rounding mode: use m.multiply(factor, rounding)")
            return NotImplemented
        if self.in_ore == 0:
            return Money._from_ore(0)
        return Money._from_ore(_core.times(self.in_ore, _int64(other)))

    __rmul__ = __mul__

    def __neg__(self) -> "Money":
        return Money._from_ore(-self.in_ore)

    def __pos__(self) -> "Money":
        return self

    # Money compares only with Money: Money.kr(1) == 1 is False (Money(1) is refused, so equal
    # to 1 would be a unit guessed), and Money < 1 is a ku.InputError. pandas and numpy
    # containers and pd.NA get their own say (NotImplemented).
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Money):
            return Decimal.__eq__(self, other)
        if other is pd.NA or isinstance(other, _CONTAINERS):
            return NotImplemented
        return False

    def __ne__(self, other: object) -> bool:
        if isinstance(other, Money):
            return Decimal.__ne__(self, other)
        if other is pd.NA or isinstance(other, _CONTAINERS):
            return NotImplemented
        return True

    __hash__ = Decimal.__hash__

    def _order(self, other: object, compare) -> bool:
        if isinstance(other, Money):
            return compare(self, other)
        if other is pd.NA or isinstance(other, _CONTAINERS):
            return NotImplemented
        raise InputError(f"Money compares only with Money, not with {type(other).__name__}: convert it with "
                         "ku.Money(...) first")

    def __lt__(self, other: object) -> bool:
        return self._order(other, Decimal.__lt__)

    def __le__(self, other: object) -> bool:
        return self._order(other, Decimal.__le__)

    def __gt__(self, other: object) -> bool:
        return self._order(other, Decimal.__gt__)

    def __ge__(self, other: object) -> bool:
        return self._order(other, Decimal.__ge__)

    def __truediv__(self, other: object) -> "Money":
        raise InputError("dividing money needs a rounding mode: use m.multiply(Fraction(1, n), rounding)")

    def __str__(self) -> str:
        return _core.format_plain(self.in_ore)

    def __repr__(self) -> str:
        return f"Money('{self}')"

    def __reduce__(self):
        return (Money, (str(self),))


_CONTAINERS = (np.ndarray, pd.Series, pd.Index, pd.DataFrame, pd.api.extensions.ExtensionArray)

from ._money_array import MoneyArray, MoneyDtype  # noqa: E402  (needs Money)
from ._excel import _file_error, to_csv, to_excel  # noqa: E402


def _not_money(other: object, verb: str):
    """Money mixes only with Money: a plain Decimal could carry a fraction of an öre."""
    if isinstance(other, (Decimal, float, int, Fraction)) and not isinstance(other, bool):
        raise InputError(f"cannot {verb} Money and {type(other).__name__}: convert it with ku.Money(...) first")
    return NotImplemented


def _whole(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise InputError(f"expected a whole number, not {type(n).__name__}")
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
        raise InputError(f"the weight of {code} is a float; weights are exact: pass an int, Decimal or string")
    if isinstance(value, bool):
        raise InputError(f"the weight of {code} is a bool")
    if isinstance(value, Decimal):
        return format(value, "f")  # never exponent notation ("1E+3"), which the C++ reader refuses
    if isinstance(value, (int, np.integer, str)):
        return str(value)
    raise InputError(f"the weight of {code} is a {type(value).__name__}; pass an int, Decimal or string")


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
    if not isinstance(table, (str, os.PathLike)):
        raise InputError(f"a table is a path to a CSV file or a DataFrame, not a {type(table).__name__}")
    path = Path(table)
    try:
        return path.read_bytes(), str(path), True
    except OSError as error:
        raise _file_error(path, error) from None


def _path(value: object, name: str) -> str:
    """A path argument as text; ku.FileError (naming the path and the OS reason) when the file
    cannot be opened, before the C++ reader tries."""
    if not isinstance(value, (str, os.PathLike)):
        raise InputError(f"{name} is a path, not a {type(value).__name__}")
    path = Path(value)
    try:
        with open(path, "rb"):
            pass
    except OSError as error:
        raise _file_error(path, error) from None
    return os.fspath(path)


def _name(value: object, name: str, optional: bool = False) -> Optional[str]:
    """A name argument (unit, method, rounding, separator, encoding): a str, or None where
    optional; the C++ core refuses an unknown one with ku.LookupError."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InputError(f"{name} is a name such as {_EXAMPLES.get(name, repr('...'))}, not {_a(value)}")
    return value


def _a(value: object) -> str:
    """'an int', 'a float': the type of ``value`` with its article, for messages."""
    name = type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


_EXAMPLES = {"unit": '"kr"', "method": '"largest-remainder"', "rounding": '"half-up"', "separator": '";"',
             "encoding": '"utf-8"'}


def _int_arg(value: object, name: str, low: int, high: int) -> int:
    """An int argument: not a bool, not a float (decimals=1.0). Its range is the C++ core's to
    check (ku.DomainError); beyond a C int it is a ku.InputError here."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise InputError(f"{name} is an int from {low} to {high}, not {_a(value)}")
    if not -2**31 <= int(value) < 2**31:
        raise InputError(f"{name} is an int from {low} to {high}, not {int(value)}")
    return int(value)


def _money_frame(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """``frame`` with ``columns`` (Money and blanks) as the ku.money dtype."""
    for column in columns:
        frame[column] = pd.array(MoneyArray._from_sequence(list(frame[column])), dtype=MoneyDtype())
    return frame


def _cell_text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, _FLOATS) and np.isnan(value)):
        return ""  # pd.NA: the blank of the nullable Int64 and string dtypes
    if isinstance(value, Money):
        return f"{value} kr"  # a unit symbol, so the cell means the same in a table in tkr
    if isinstance(value, _FLOATS):
        raise InputError("a table cell is a float; amounts are exact: use Money, Decimal, int or text")
    if isinstance(value, Decimal):
        return format(value, "f")  # never exponent notation ("1.2E+4"), which the C++ reader refuses
    return str(value)


def kommuner() -> pd.DataFrame:
    """The 13 kommuner of Jönköpings län: code (index) and name."""
    codes, names = zip(*_core.kommuner())
    return pd.DataFrame({"name": list(names)}, index=pd.Index(list(codes), name="code"))


def allocate(total: Union[Money, Decimal, str], weights: Union[Mapping[str, object], pd.Series], *,
             method: str = "largest-remainder", unit: str = "kr",
             members: Optional[Iterable[str]] = None) -> pd.DataFrame:
    """Splits ``total`` among kommuner by ``weights`` (kommun code → weight: int, Decimal or text).

    Returns a DataFrame indexed by kommun code with columns name, weight, quota (the exact
    quota in kronor, a Fraction), amount and adjustment (the ku.money dtype); ``df.attrs``
    holds method, unit, basis, total, sum and residual, and ``totals`` (the column sums of
    weight, quota, amount and adjustment). ``members`` limits the split to those codes.
    """
    total_money = _amount(total, "total")
    if not isinstance(weights, (Mapping, pd.Series)):
        raise InputError(f"weights is a mapping or a Series from kommun code to weight, not a {type(weights).__name__}")
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
    result = _core.allocate(total_money.in_ore, codes, texts, _name(method, "method"), _name(unit, "unit"))
    parts = result["parts"]
    frame = pd.DataFrame(
        {
            "name": [p[1] for p in parts],
            "weight": [Decimal(p[2]) for p in parts],
            "quota": [Fraction(int(n), int(d)) / 100 for n, d in result["quotas"]],
            "amount": MoneyArray.from_ore([p[4] for p in parts]),
            "adjustment": MoneyArray.from_ore([p[5] for p in parts]),
        },
        index=pd.Index([p[0] for p in parts], name="code"),
    )
    frame.attrs.update(method=result["method"], unit=result["unit"], basis=result["basis"],
                       total=_money(result["total"]), sum=_money(result["sum"]),
                       residual=_money(result["residual"]),
                       totals={"weight": sum(frame["weight"], Decimal(0)), "quota": sum(frame["quota"], Fraction(0)),
                               "amount": frame["amount"].sum(), "adjustment": frame["adjustment"].sum()})
    return frame


def _amount(value: object, name: str) -> Money:
    """An amount argument: Money, or what Money() takes (a Decimal or text)."""
    if isinstance(value, Money):
        return value
    if isinstance(value, (Decimal, str)):
        return Money(value)
    if isinstance(value, _FLOATS):
        raise InputError(f"{name} is a float; money is exact: pass Money, a Decimal or a string such as '1 234,56'")
    if isinstance(value, (bool, int, np.integer)):
        raise InputError(f"{name} is an int, which does not say the unit: use Money.kr(n) or Money.ore(n)")
    raise InputError(f"{name} is an amount (Money, Decimal or text), not a {type(value).__name__}")


def _blank_weight(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, _FLOATS) and bool(np.isnan(value)))


def _weight_rows(weights: object, codes: Optional[Sequence[str]]) -> tuple[list[str], pd.Index, object]:
    """The kommun codes, the row index and the weights of allocate_many: an int64 matrix when
    every weight is a whole number (the C++ loop), else a list of rows of (code, weight) pairs,
    blanks (None, NaN, pd.NA, a code missing from a row) left out."""
    if isinstance(weights, pd.DataFrame):
        codes = [str(c) for c in weights.columns]
        index = weights.index
        if all(dtype.kind in "iu" for dtype in weights.dtypes if isinstance(dtype, np.dtype)) and \
                all(isinstance(dtype, np.dtype) for dtype in weights.dtypes):
            return codes, index, weights.to_numpy()
        matrix = weights.astype(object).to_numpy()
    elif isinstance(weights, np.ndarray):
        if codes is None:
            raise InputError("allocate_many: give the kommun codes of the weight columns (codes=[...])")
        codes = [str(c) for c in codes]
        matrix = weights
        if matrix.ndim != 2 or matrix.shape[1] != len(codes):
            raise DomainError("allocate_many: expected totals of shape (n,), weights of shape (n, members) "
                              "and one kommun code per member")
        index = pd.RangeIndex(matrix.shape[0])
        if matrix.dtype.kind == "f":
            raise InputError("allocate_many: weights are floats; weights are exact: use integers, Decimals or text")
        if matrix.dtype.kind == "u":
            if matrix.size and int(matrix.max()) > _INT64_MAX:
                raise OverflowError("allocate_many: a weight is beyond the 64-bit range")
            return codes, index, matrix
        if matrix.dtype.kind == "i":
            return codes, index, matrix
        if matrix.dtype.kind not in "OU":
            raise InputError(f"allocate_many: weights of dtype {matrix.dtype} are not weights")
        matrix = matrix.astype(object)
    elif isinstance(weights, (list, tuple)) and all(isinstance(w, (Mapping, pd.Series)) for w in weights):
        if codes is None:
            seen: dict[str, None] = {}
            for row in weights:
                for code in row.keys():
                    seen.setdefault(str(code), None)
            codes = list(seen)
        else:
            codes = [str(c) for c in codes]
        index = pd.RangeIndex(len(weights))
        matrix = np.array([[None] * len(codes) for _ in weights], dtype=object).reshape(len(weights), len(codes))
        position = {code: j for j, code in enumerate(codes)}
        for i, row in enumerate(weights):
            for code, value in row.items():
                if str(code) not in position:
                    raise LookupError(f"allocate_many: weights[{i}] has kommun {code}, which is not in codes")
                matrix[i, position[str(code)]] = value
    else:
        raise InputError("allocate_many: weights is a DataFrame (columns: kommun codes), a list of mappings or "
                         f"Series (code → weight), or an array with codes=[...]; not a {type(weights).__name__}")
    whole = all(isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_)) for v in matrix.flat)
    if whole and matrix.size:
        for value in matrix.flat:
            _int64(int(value))
        return codes, index, matrix.astype(np.int64)
    rows = [[(code, value) for code, value in zip(codes, matrix[i]) if not _blank_weight(value)]
            for i in range(matrix.shape[0])]
    return codes, index, rows


def _total_ore(totals: object) -> np.ndarray:
    """allocate_many's totals as int64 öre: Money, Decimal or text; a ku.money column; or an
    int array of öre."""
    if isinstance(totals, (pd.Series, pd.Index)) and isinstance(totals.dtype, MoneyDtype):
        totals = totals.array
    if isinstance(totals, MoneyArray):
        if totals.isna().any():
            raise InputError("allocate_many: a total is blank")
        return totals.ore
    if isinstance(totals, np.ndarray):
        if totals.dtype.kind not in "iu":
            raise InputError("allocate_many: totals as an array must be integer öre")
        if totals.dtype.kind == "u" and totals.dtype.itemsize == 8 and totals.size and \
                int(totals.max()) > _INT64_MAX:
            _int64(int(totals.max()))  # raises ku.OverflowError naming the value
        return np.ascontiguousarray(totals, dtype=np.int64)  # no Python object per total
    if isinstance(totals, (str, bytes)) or not isinstance(totals, Iterable):
        raise InputError(f"allocate_many: totals is a sequence of amounts, not a {type(totals).__name__}")
    return np.fromiter((_amount(t, "a total").in_ore for t in totals), dtype=np.int64)


def allocate_many(totals: Union[Sequence[Money], np.ndarray, pd.Series],
                  weights: Union[pd.DataFrame, np.ndarray, Sequence[Mapping[str, object]]], *,
                  codes: Optional[Sequence[str]] = None, method: str = "largest-remainder", unit: str = "kr",
                  as_ore: bool = False) -> Union[pd.DataFrame, np.ndarray]:
    """Many allocations in one call: row i splits ``totals[i]`` by the weights of row i, each as
    ``allocate`` would.

    ``weights`` is what ``allocate`` takes, many times over: a list of mappings or Series
    (kommun code → weight), a DataFrame whose columns are kommun codes, or a 2-D array with
    ``codes``. A weight is an int, a Decimal or text; a blank (None, NaN, pd.NA, or a code
    missing from a row's mapping) leaves that kommun out of that allocation. ``totals`` are
    Money (or Decimal, text), a ku.money column, or an int array of öre. When every weight is a
    whole number the loop runs in C++. Returns a DataFrame with a ku.money column per code (rows
    as ``weights``; pd.NA where a kommun is left out), or with ``as_ore`` an int64 array of öre
    (0 where left out).
    """
    method, unit = _name(method, "method"), _name(unit, "unit")
    codes, index, rows = _weight_rows(weights, codes)
    ore = _total_ore(totals)
    if isinstance(rows, np.ndarray):
        result = _core.allocate_many(ore, rows.astype(np.int64), list(codes), method, unit)
        mask = np.zeros(result.shape, dtype=bool)
    else:
        if len(rows) != len(ore):
            raise DomainError("allocate_many: expected totals of shape (n,), weights of shape (n, members) "
                              "and one kommun code per member")
        result = np.zeros((len(rows), len(codes)), dtype=np.int64)
        mask = np.ones((len(rows), len(codes)), dtype=bool)
        position = {code: j for j, code in enumerate(codes)}
        for i, row in enumerate(rows):
            texts = [_weight_text(w, f"{code} (row {i})") for code, w in row]
            part = _core.allocate(int(ore[i]), [code for code, _ in row], texts, method, unit)
            for code, _name_, _weight, _quota, amount, _adjustment in part["parts"]:
                result[i, position[code]] = amount
                mask[i, position[code]] = False
    if as_ore:
        return result
    return pd.DataFrame({code: MoneyArray.from_ore(result[:, j], mask[:, j]) for j, code in enumerate(codes)},
                        index=index)


def proposal(spec: Union[str, os.PathLike], *, method: Optional[str] = None) -> pd.DataFrame:
    """The kommun × fee financing proposal of a spec (TOML): one row per kommun, one column per
    fee (the ku.money dtype; pd.NA where a kommun does not take part) and "Summa" (each
    kommun's sum of the fees that count in it). The totals are not a row: ``df.attrs["totals"]``
    maps each column to its total, so ``df[fee].sum() == df.attrs["totals"][fee]``.
    ``method`` (e.g. "controlled"), when given, replaces every fee's method, as the CLI's
    --method. ``df.attrs`` also holds the title; per fee, method, in_row_sum, total, residual
    and basis; and per kommun code its exact row sum in kr (``exact_row_sums``, a Fraction) and
    its drift, Summa − exact (``row_drift``, a Fraction)."""
    data = _core.proposal(_path(spec, "spec"), _name(method, "method", optional=True))
    fees = [f[0] for f in data["fees"]]
    exact_row_sums = {}
    row_drift = {}
    codes = []
    for code, name, cells, row_sum, exact in data["rows"]:
        codes.append(code)
        exact_row_sums[code] = Fraction(exact)
        row_drift[code] = Fraction(row_sum, 100) - exact_row_sums[code]
    columns: dict[str, object] = {"name": [r[1] for r in data["rows"]]}
    for f, fee in enumerate(fees):
        cells = [r[2][f] for r in data["rows"]]
        columns[fee] = MoneyArray.from_ore([0 if c is None else c for c in cells], [c is None for c in cells])
    columns["Summa"] = MoneyArray.from_ore([r[3] for r in data["rows"]])
    frame = pd.DataFrame(columns, index=pd.Index(codes, name="code"))
    totals = {f[0]: Money._from_ore(f[4]) for f in data["fees"]}
    totals["Summa"] = Money._from_ore(data["grand_total"])
    frame.attrs.update(title=data["title"], fees={
        f[0]: {"method": f[1], "in_row_sum": f[2], "total": Money._from_ore(f[3]),
               "residual": Money._from_ore(f[5]), "basis": f[6]} for f in data["fees"]},
                       exact_row_sums=exact_row_sums, row_drift=row_drift, totals=totals)
    return frame


def compare_proposal(spec: Union[str, os.PathLike], published: Union[str, os.PathLike], *,
                     separator: Optional[str] = None, encoding: Optional[str] = None) -> pd.DataFrame:
    """The differences between a spec's proposal and a published table (CSV, or a ``.json``
    file as ``ku proposal --format json`` writes it): columns kind, code, fee, published,
    computed (the ku.money dtype, pd.NA where blank). ``separator`` ("semicolon" or ";",
    "comma" or ",") and ``encoding`` ("utf-8" or "windows-1252") say how to read a CSV
    ``published``, as the CLI's --separator and --encoding; None (the default) detects them.
    An unknown name raises ku.LookupError."""
    rows = _core.compare_proposal(_path(spec, "spec"), _path(published, "published"),
                                  _name(separator, "separator", True), _name(encoding, "encoding", True))
    frame = pd.DataFrame([(k, c, f, _money(p), _money(q)) for k, c, f, p, q in rows],
                         columns=["kind", "code", "fee", "published", "computed"])
    return _money_frame(frame, ["published", "computed"])


def scenario(base: Union[str, os.PathLike], alternative: Union[str, os.PathLike]) -> pd.DataFrame:
    """Alternative − base per kommun (rows) and fee (columns, plus "Summa": the kommun's
    total), as the ku.money dtype; rows and columns add up exactly. The column totals are in
    ``df.attrs["totals"]`` (not a row), so ``df[fee].sum() == df.attrs["totals"][fee]``."""
    data = _core.scenario(_path(base, "base"), _path(alternative, "alternative"))
    fees = list(data["fees"])
    columns: dict[str, object] = {}
    for f, fee in enumerate(fees):
        columns[fee] = MoneyArray.from_ore([cells[f][2] for _, _, cells, _ in data["rows"]])
    columns["Summa"] = MoneyArray.from_ore([row_delta for _, _, _, row_delta in data["rows"]])
    frame = pd.DataFrame(columns, index=pd.Index([r[0] for r in data["rows"]], name="code"))
    totals = {fee: frame[fee].sum() for fee in fees}
    totals["Summa"] = Money._from_ore(data["total_delta"])
    frame.attrs.update(base=data["base"], alternative=data["alternative"], totals=totals)
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
    rows = _core.audit_balance(text, previous_text, mapping_text, _name(unit, "unit"),
                               _name(separator, "separator", True), _name(encoding, "encoding", True))
    frame = pd.DataFrame(
        [(k, a, c, _money(e), _money(f), Money._from_ore(d), cl, n) for k, a, c, e, f, d, cl, n in rows],
        columns=["kind", "area", "column", "expected", "found", "difference", "classification", "note"])
    return _money_frame(frame, ["expected", "found", "difference"])


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
            raise InputError("a share is a float; shares are exact: use a Fraction or text such as '1/3'")
        elif isinstance(part, Fraction):
            converted.append((str(source), str(target), "share", f"{part.numerator}/{part.denominator}"))
        else:
            converted.append((str(source), str(target), "share", str(part)))
    result = _core.reorganise([(area, Money(m).in_ore) for area, m in balances.items()], converted, unit)
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
            return 0 if cell is None or cell is pd.NA or (isinstance(cell, float) and np.isnan(cell)) else Money(cell).in_ore
        flows.append((str(row["omrade"]), ore("ingaende_balans"), ore("erhallna_medel"), ore("utfall_forbrukning"),
                      ore("utbetalt_till_kommuner"), ore("overforda_medel")))
    closing = {area: Money._from_ore(balance) for area, balance in _core.closing_balances(flows)}
    opening = reorganise(closing, mapping if mapping is not None else [], unit=unit)
    return pd.DataFrame({"ingaende_balans": MoneyArray._from_sequence(list(opening.values()))},
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
    decimals = _int_arg(decimals, "decimals", 0, 9)
    rows = _core.shares(_csv_text(table), decimals, _name(unit, "unit"), _name(separator, "separator", True),
                        _name(encoding, "encoding", True))
    frame = pd.DataFrame(
        [(o, g, t, Decimal(a), Decimal(k), Decimal(s), Decimal(v), Money._from_ore(u))
         for o, g, t, a, k, s, v, u in rows],
        columns=["omrade", "grupp", "rad_typ", "andel_av_utfall", "kommunerna", "staten", "ovriga", "utfall"])
    return _money_frame(frame, ["utfall"])


def _frame(result: tuple) -> pd.DataFrame:
    """A table of the C++ layer (column keys, column kinds, rows) as a DataFrame: amounts as
    Money, numbers and percents as exact Decimals (a Fraction when they have no finite decimal
    form), text as str, blanks as None; the amount columns as the ku.money dtype (blanks pd.NA)."""
    keys, kinds, rows = result

    def value(kind: str, cell: object) -> object:
        if cell is None:
            return None
        if kind == "amount":
            return Money._from_ore(int(cell))
        if kind in ("number", "percent"):
            return Fraction(str(cell)) if "/" in str(cell) else Decimal(str(cell))
        return cell

    frame = pd.DataFrame([[value(k, c) for k, c in zip(kinds, row)] for row in rows], columns=list(keys))
    return _money_frame(frame, [key for key, kind in zip(keys, kinds) if kind == "amount"])


def _year(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise InputError(f"{name} is a year such as 2016, not a {type(value).__name__}")
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
        raise InputError("give the target price level: to=YEAR or budget=YEAR")
    if (amount is None) == (table is None):
        raise InputError("give what to convert: amount=... or table=...")
    index_csv = _csv_text(index)
    name = index_name if index_name is not None else (
        Path(index_csv[1]).stem if index_csv[2] else "prisindex")
    amount_ore = None if amount is None else (amount if isinstance(amount, Money) else Money(amount)).in_ore
    return _frame(_core.prices(index_csv, name, _year(from_year, "from_year"),
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
    return _frame(_core.staffing(_csv_text(table), separator, encoding))


def indicators(table: Union[pd.DataFrame, str, os.PathLike], *, decimals: int = 0, rounding: str = "half-up",
               unit: str = "kr", separator: Optional[str] = None, encoding: Optional[str] = None) -> pd.DataFrame:
    """Success rates of grant applications and changes between periods, as ``ku indicators``:
    ``table`` has period, ansokningar, beviljade, ansokt_belopp and beviljat_belopp (in
    ``unit``). Returns one row per period with the counts (Decimal), the amounts (Money) and the
    percents andel_beviljade, andel_beviljat_belopp, forandring_ansokningar and
    forandring_beviljat_belopp as exact Decimals with ``decimals`` decimals, each rounded by
    ``rounding`` from its exact value; None where no rate or change exists."""
    decimals = _int_arg(decimals, "decimals", 0, 9)
    return _frame(_core.indicators(_csv_text(table), decimals, _name(rounding, "rounding"), _name(unit, "unit"),
                                   _name(separator, "separator", True), _name(encoding, "encoding", True)))


def audit_staffing(table: Union[pd.DataFrame, str, os.PathLike], *, separator: Optional[str] = None,
                   encoding: Optional[str] = None) -> pd.DataFrame:
    """The findings of the staffing-table auditor, as ``ku audit staffing``: ``table`` has a
    first column of periods, one column per form of employment (tjänsteköp, tillsvidare,
    visstid), an optional Summa column and an optional Summa row, årsarbetare with two decimals.
    One row per finding: kind (row_sum, column_sum, cell), period, column, expected, found and
    difference (exact Decimals), classification (always fault: the sums are exact) and note."""
    return _frame(_core.audit_staffing(_csv_text(table), separator, encoding))


def audit_indicators(table: Union[pd.DataFrame, str, os.PathLike], *, separator: Optional[str] = None,
                     encoding: Optional[str] = None) -> pd.DataFrame:
    """The findings of the indicator-table auditor, as ``ku audit indicators``: ``table`` has
    columns indikator, bas (another row, ``föregående`` or blank) and one column per period;
    cells like ``4 (50 %)`` or ``5 696 000 kronor (15 %)``. One row per finding: kind
    (percent_mismatch, rounding_rule_mismatch), indikator, period, exact, expected, found and
    difference (exact percents: Decimals, or Fractions without a finite decimal form),
    classification (rounding or fault) and note.
    ``attrs["notes"]`` lists the percents that could not be checked (no base, or a base of 0)."""
    findings, notes = _core.audit_indicators(_csv_text(table), separator, encoding)
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
    findings, key_rows = _core.audit_fees(_csv_text(table), None if keys is None else _csv_text(keys), unit, separator,
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
    return _frame(_core.management(total.in_ore, _csv_text(areas), unit, separator, encoding))


def report(dataset: Union[str, os.PathLike], *, previous: Union[str, os.PathLike, None] = None, unit: str = "tkr",
           decimals: int = 0) -> dict[str, pd.DataFrame]:
    """A period's tables from its dataset (TOML, as ``ku report``; docs/formats.md): a dict
    from sheet name to DataFrame. "Balans": the balance table in ``unit`` (tkr or kr), one row
    per area and the internal row, amounts as Money, no Summa row, so a column's ``sum()`` is
    the table's Summa. "Andelar": the financing shares (percents as exact Decimals, groups as
    rows). "Ledning och stab" when areas finance it; "Årsarbetare" and "Ansökningar" when the
    dataset names those files. With ``previous`` (the previous period's dataset), opening
    balances are carried over from it."""
    decimals = _int_arg(decimals, "decimals", 0, 6)
    sheets = _core.report(_path(dataset, "dataset"), None if previous is None else _path(previous, "previous"),
                          _name(unit, "unit"), decimals)
    return {name: _frame(rows) for name, rows in sheets}


def _rate_text(value: Union[Decimal, str], name: str) -> str:
    if isinstance(value, bool) or isinstance(value, _FLOATS):
        raise InputError(f"{name} is exact: a Decimal fraction (Decimal(\"0.15\")) or text with its percent sign (\"15 %\")")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        if "%" not in value:
            raise ParseError(f"cannot read \"{value}\" ({name}): write the rate in percent with its sign, e.g. \"15 %\"")
        return value
    raise InputError(f"{name} is a Decimal or a str, not a {type(value).__name__}")


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

    financing, kommuner = _core.overhead(ore(administration), ore(grants), _rate_text(rate, "rate"),
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
    rows, base = _core.audit_shares(_csv_text(table), None if balance is None else _csv_text(balance),
                                  None if names is None else _csv_text(names), unit, separator, encoding)
    frame = pd.DataFrame([(k, a, c, Fraction(e), Fraction(f), Fraction(d), s, n) for k, a, c, e, f, d, s, n in rows],
                         columns=["kind", "area", "column", "expected", "found", "difference", "classification",
                                  "note"])
    if base is not None:
        frame.attrs["outcome_base"] = base
    return frame
