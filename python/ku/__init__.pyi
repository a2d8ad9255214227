"""ku: exact financing calculations for Kommunal utveckling, Jönköpings län."""

# Type stub for python/ku/__init__.py (the exception classes live in the C++ extension ku._ku
# and are re-exported here). Keep it in step with __init__.py: every name in __all__ is here.

import builtins
import os
from decimal import Decimal
from fractions import Fraction
from typing import Any, Iterable, Literal, Mapping, NoReturn, Optional, Self, Sequence, TypeAlias, Union, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = [
    "Money", "MoneyDtype", "MoneyArray", "Error", "ParseError", "OverflowError", "DomainError", "LookupError",
    "InputError", "FileError", "to_excel", "to_csv",
    "kommuner", "allocate", "allocate_many", "proposal", "compare_proposal", "scenario",
    "audit_balance", "reorganise", "roll_forward", "shares", "audit_shares", "prices", "overhead",
    "staffing", "indicators", "management", "report", "audit_fees", "audit_staffing",
    "audit_indicators",
]

# Names accepted where the C++ core takes a name; an unknown one raises ku.LookupError.
_Unit: TypeAlias = Literal["öre", "ore", "kr", "tkr", "mnkr"]
_Rounding: TypeAlias = Literal["half-up", "half-even", "half-down", "up", "down", "floor", "ceiling"]
_Method: TypeAlias = Literal["largest-remainder", "sainte-lague", "round-each", "largest-absorbs", "controlled"]
# A CSV file's separator and encoding, as the CLI's --separator and --encoding (None: detected).
_Separator: TypeAlias = Literal["semicolon", ";", "comma", ","]
_Encoding: TypeAlias = Literal["utf-8", "utf8", "UTF-8", "windows-1252", "cp1252", "latin1", "iso-8859-1"]

_Amount: TypeAlias = Union["Money", Decimal, str]  # anything Money(...) accepts
_Whole: TypeAlias = Union[int, np.integer[Any]]
_Weight: TypeAlias = Union[int, np.integer[Any], Decimal, str]  # never a float
_Factor: TypeAlias = Union[str, Fraction, Decimal]  # "15 %", "3/20", Fraction(3, 20), Decimal("0.15")
_Share: TypeAlias = Union[Fraction, str, Decimal, int]  # a share of a reorganisation rule
_Table: TypeAlias = Union[pd.DataFrame, str, os.PathLike[str]]
_Path: TypeAlias = Union[str, os.PathLike[str]]
_MappingRule: TypeAlias = tuple[str, str, Union["Money", _Share]]  # (from, to, share or Money amount)

# --- Errors (created by the C++ extension ku._ku) --------------------------------------------

class Error(builtins.ValueError):
    """Root of every error ku raises for bad input (a ValueError)."""

class ParseError(Error):
    """Text that cannot be read as the value asked for; the message names the input and where."""

class OverflowError(Error, builtins.ArithmeticError):
    """An exact result beyond ±(2^63 - 1) öre or another exact limit; never wrapped."""

class DomainError(Error):
    """A value outside its domain: a negative weight, an empty member set, ..."""

class LookupError(Error, builtins.LookupError):
    """An unknown name or code: a kommun, an area, a column, a source."""

class InputError(Error, builtins.TypeError):
    """An argument of the wrong type or value, such as decimals=1.0, a float amount or Money < 1."""

class FileError(Error, builtins.OSError):
    """A file that cannot be opened or written; the message names the path and the reason."""

# --- Money -------------------------------------------------------------------------------------

class Money(Decimal):
    """An exact amount of Swedish kronor, whole öre, within ±(2^63 − 1) öre; a float raises TypeError."""

    __slots__ = ()

    def __new__(cls, value: _Amount) -> Self:
        """Money from a Money, a Decimal (whole öre) or a Swedish or plain string; not a float or an int."""
    @classmethod
    def kr(cls, n: _Whole) -> Self:
        """``n`` whole kronor."""
    @classmethod
    def ore(cls, n: _Whole) -> Self:
        """``n`` öre."""
    @classmethod
    def parse(cls, text: str, unit: _Unit = "kr", where: str = "") -> Self:
        """Reads a Swedish or plain amount; a number without a unit symbol is in ``unit``."""
    @property
    def in_ore(self) -> int:
        """The amount as a whole number of öre."""
    def format(self, unit: _Unit = "kr", decimals: Optional[int] = None, rounding: _Rounding = "half-up",
               show_unit: bool = True) -> str:
        """Swedish form: ``'3 562 623 kr'``, ``'58 088 tkr'``, ``'28,9 mnkr'``."""
    def round(self, unit: _Unit, rounding: _Rounding) -> Money:
        """Rounded to a whole number of ``unit`` (öre, kr, tkr, mnkr) by ``rounding``."""
    def multiply(self, factor: _Factor, rounding: _Rounding, unit: _Unit = "ore") -> Money:
        """This amount × an exact factor ("15 %", "3/20", Fraction, Decimal), rounded explicitly."""

    # Money ± Money and Money × int are exact and overflow-checked (ku.OverflowError). Money with
    # an int or a float is a TypeError. Money ± a plain Decimal falls back to Decimal arithmetic
    # at run time and gives a plain Decimal, which these signatures do not allow.
    def __add__(self, other: Money, /) -> Money: ...  # type: ignore[override]
    def __radd__(self, other: Money, /) -> Money: ...  # type: ignore[override]
    def __sub__(self, other: Money, /) -> Money: ...  # type: ignore[override]
    def __rsub__(self, other: Money, /) -> Money: ...  # type: ignore[override]
    def __mul__(self, other: int, /) -> Money: ...  # type: ignore[override]
    def __rmul__(self, other: int, /) -> Money: ...  # type: ignore[override]
    def __neg__(self) -> Money: ...
    def __pos__(self) -> Money: ...
    def __eq__(self, other: object, /) -> bool:
        """Equal only to an equal Money: ``Money.kr(1) == 1`` and ``== Decimal(1)`` are False."""
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    # Ordering is with Money only; anything else raises ku.InputError.
    def __lt__(self, other: Money, /) -> bool: ...  # type: ignore[override]
    def __le__(self, other: Money, /) -> bool: ...  # type: ignore[override]
    def __gt__(self, other: Money, /) -> bool: ...  # type: ignore[override]
    def __ge__(self, other: Money, /) -> bool: ...  # type: ignore[override]
    def __truediv__(self, other: object, /) -> NoReturn:
        """Always TypeError: dividing money needs a rounding mode; use ``multiply(Fraction(1, n), rounding)``."""
    def __str__(self) -> str:
        """The plain form with two decimals: ``'3562623.00'``."""
    def __repr__(self) -> str:
        """``Money('3562623.00')``."""
    def __reduce__(self) -> tuple[type[Money], tuple[str]]: ...

# --- The "ku.money" pandas dtype (python/ku/_money_array.py) ---------------------------------------

class MoneyDtype(pd.api.extensions.ExtensionDtype):
    """The dtype "ku.money": exact int64 öre with a mask; blanks are pd.NA."""
    name: str
    @classmethod
    def construct_array_type(cls) -> type[MoneyArray]: ...

class MoneyArray(pd.api.extensions.ExtensionArray):
    """A column of exact amounts: sum/min/max/any/all, +, −, × int and comparisons with Money are exact;
    mean/median/std/var/prod raise ku.InputError; astype(float) gives kronor as float64 only when asked."""
    @classmethod
    def from_ore(cls, ore: Any, mask: Any = None) -> MoneyArray:
        """An array of öre (integers) with blanks where ``mask``."""
    @property
    def ore(self) -> npt.NDArray[np.int64]:
        """The amounts in öre (0 where blank)."""
    @property
    def mask(self) -> npt.NDArray[np.bool_]:
        """True where blank."""
    @property
    def dtype(self) -> MoneyDtype: ...

# --- Files with numbers (python/ku/_excel.py) --------------------------------------------------

def to_excel(frames: Union[pd.DataFrame, Mapping[str, pd.DataFrame], Sequence[pd.DataFrame]], path: _Path, *,
             sheet_name: str = "Tabell", index: Optional[bool] = None, totals: bool = True,
             fraction_digits: int = 10) -> None:
    """Writes ku's DataFrames to .xlsx with amounts, numbers and percents as numbers (pandas 1.5's to_excel writes them as text); attrs["totals"] as a last row Summa."""

@overload
def to_csv(frame: pd.DataFrame, path: None = None, *, sep: str = ";", decimal: str = ",", index: Optional[bool] = None,
           totals: bool = True, encoding: str = "utf-8", fraction_digits: int = 10) -> str: ...
@overload
def to_csv(frame: pd.DataFrame, path: _Path, *, sep: str = ";", decimal: str = ",", index: Optional[bool] = None,
           totals: bool = True, encoding: str = "utf-8", fraction_digits: int = 10) -> None:
    """Writes a ku DataFrame as CSV with plain numbers and ``decimal`` as the decimal sign ("166730,00"); the text when ``path`` is None."""

# --- Kommuner and allocation -------------------------------------------------------------------

def kommuner() -> pd.DataFrame:
    """The 13 kommuner of Jönköpings län: code (index) and name."""

def allocate(total: _Amount, weights: Union[Mapping[str, _Weight], pd.Series], *,
             method: _Method = "largest-remainder", unit: _Unit = "kr",
             members: Optional[Iterable[str]] = None) -> pd.DataFrame:
    """Splits ``total`` among kommuner by ``weights``: DataFrame by code of name, weight, quota (Fraction, kr), amount, adjustment (ku.money); attrs method, unit, basis, total, sum, residual, totals."""

@overload
def allocate_many(totals: Union[Sequence[_Amount], npt.NDArray[np.signedinteger[Any]], pd.Series],
                  weights: Union[pd.DataFrame, npt.NDArray[Any], Sequence[Union[Mapping[str, _Weight], pd.Series]]], *,
                  codes: Optional[Sequence[str]] = None, method: _Method = "largest-remainder",
                  unit: _Unit = "kr", as_ore: Literal[False] = False) -> pd.DataFrame: ...
@overload
def allocate_many(totals: Union[Sequence[_Amount], npt.NDArray[np.signedinteger[Any]], pd.Series],
                  weights: Union[pd.DataFrame, npt.NDArray[Any], Sequence[Union[Mapping[str, _Weight], pd.Series]]], *,
                  codes: Optional[Sequence[str]] = None, method: _Method = "largest-remainder",
                  unit: _Unit = "kr", as_ore: Literal[True]) -> npt.NDArray[np.int64]: ...
@overload
def allocate_many(totals: Union[Sequence[_Amount], npt.NDArray[np.signedinteger[Any]], pd.Series],
                  weights: Union[pd.DataFrame, npt.NDArray[Any], Sequence[Union[Mapping[str, _Weight], pd.Series]]], *,
                  codes: Optional[Sequence[str]] = None, method: _Method = "largest-remainder",
                  unit: _Unit = "kr", as_ore: bool = False) -> Union[pd.DataFrame, npt.NDArray[np.int64]]:
    """Many allocations, each as ``allocate``: row i splits ``totals[i]`` by the weights of row i (a list of mappings or Series, a DataFrame, or an array with ``codes``); a DataFrame of ku.money columns (pd.NA where a kommun is left out), or with ``as_ore`` an int64 array of öre. Whole-number weights run in one C++ loop."""

# --- Proposals and scenarios -------------------------------------------------------------------

def proposal(spec: _Path, *, method: Optional[_Method] = None) -> pd.DataFrame:
    """The kommun × fee financing proposal of a TOML spec: ku.money columns per fee and a "Summa" column (pd.NA where a kommun does not take part), no Summa row (``attrs["totals"]``); every fee by ``method`` when given; attrs title, fees, totals, exact_row_sums and row_drift (Fractions in kr)."""

def compare_proposal(spec: _Path, published: _Path, *, separator: Optional[_Separator] = None,
                     encoding: Optional[_Encoding] = None) -> pd.DataFrame:
    """The differences between a spec's proposal and a published CSV (read with ``separator`` and ``encoding``, detected when None) or JSON table: kind, code, fee, published, computed."""

def scenario(base: _Path, alternative: _Path) -> pd.DataFrame:
    """Alternative − base per kommun and fee, with a "Summa" column, as ku.money columns that add up exactly; the column totals in ``attrs["totals"]``, not a row."""

# --- Balance tables ----------------------------------------------------------------------------

def audit_balance(table: _Table, previous: Optional[_Table] = None, mapping: Optional[_Table] = None, *,
                  unit: _Unit = "tkr", separator: Optional[_Separator] = None,
                  encoding: Optional[_Encoding] = None) -> pd.DataFrame:
    """The balance-table auditor's findings: kind, area, column, expected, found, difference (Money), classification, note; every CSV path is read with ``separator`` and ``encoding`` (detected when None), a DataFrame as it is."""

def reorganise(balances: Mapping[str, _Amount],
               mapping: Union[pd.DataFrame, Sequence[_MappingRule]], *,
               unit: _Unit = "ore") -> dict[str, Money]:
    """Maps closing balances (area → Money) onto next year's areas by share or by amount; the sum is preserved to the öre."""

def roll_forward(table: pd.DataFrame, mapping: Union[pd.DataFrame, Sequence[_MappingRule], None] = None, *,
                 unit: _Unit = "ore") -> pd.DataFrame:
    """The next period's opening balances (omrade → ingaende_balans) from each area's flows, mapped through ``mapping``."""

# --- Financing shares --------------------------------------------------------------------------

def shares(table: _Table, *, decimals: int = 0, unit: _Unit = "kr", separator: Optional[_Separator] = None,
           encoding: Optional[_Encoding] = None) -> pd.DataFrame:
    """Financing shares as exact Decimal percents that sum to exactly 100 per row, per area, group and "Summa"; a CSV path is read with ``separator`` and ``encoding`` (detected when None), a DataFrame as it is."""

def audit_shares(table: _Table, *, balance: Optional[_Table] = None, names: Optional[_Table] = None,
                 unit: _Unit = "tkr", separator: Optional[_Separator] = None,
                 encoding: Optional[_Encoding] = None) -> pd.DataFrame:
    """The percent-table auditor's findings: kind, area, column, expected, found, difference (Fractions), classification and note; with ``balance``, each area's share of the outcome against the balance table's outcome (``attrs["outcome_base"]``: "once" or "twice"); a CSV path is read with ``separator`` and ``encoding`` (detected when None), a DataFrame as it is."""

# --- Price levels and overhead -------------------------------------------------------------------

def prices(index: _Table, *, from_year: int, to: Optional[int] = None, budget: Optional[int] = None,
           plan_years: int = 0, amount: Optional[_Amount] = None, table: Optional[_Table] = None,
           unit: _Unit = "kr", rounding: _Rounding = "half-up", index_name: Optional[str] = None,
           separator: Optional[_Separator] = None, encoding: Optional[_Encoding] = None) -> pd.DataFrame:
    """An amount or a table at ``from_year``'s price level converted by a price index to ``to`` or to ``budget`` and its plan years, as ``ku prices``: one Money column per amount column and price level."""

def overhead(administration: _Amount, grants: _Amount, rate: Union[Decimal, str], weights: _Table, column: str, *,
             new_rate: Union[Decimal, str, None] = None, method: _Method = "largest-remainder",
             separator: Optional[_Separator] = None,
             encoding: Optional[_Encoding] = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An OH rate on project grants and the rest invoiced to the kommuner by a key, as ``ku overhead``: the financing and the kommuner (no Summa row) as DataFrames of Money."""

def staffing(table: _Table, *, separator: Optional[_Separator] = None,
             encoding: Optional[_Encoding] = None) -> pd.DataFrame:
    """Årsarbetare by form of employment (rows) and financing (kommunal, extern, summa: exact Decimals), as ``ku staffing``; no Summa row."""

def indicators(table: _Table, *, decimals: int = 0, rounding: _Rounding = "half-up", unit: _Unit = "kr",
               separator: Optional[_Separator] = None, encoding: Optional[_Encoding] = None) -> pd.DataFrame:
    """Success rates of grant applications and changes between periods, as ``ku indicators``: Decimal percents rounded by ``rounding``, None where none exists."""

def management(cost: _Amount, areas: _Table, *, unit: _Unit = "kr", separator: Optional[_Separator] = None,
               encoding: Optional[_Encoding] = None) -> pd.DataFrame:
    """Each area's part of what the areas finance of ledning och stab, by outcome, as ``ku management``: omrade, underlag, andel (Money); no Summa row."""

def report(dataset: Union[str, os.PathLike[str]], *, previous: Union[str, os.PathLike[str], None] = None,
           unit: _Unit = "tkr", decimals: int = 0) -> dict[str, pd.DataFrame]:
    """A period's tables from its dataset, as ``ku report``: sheet name → DataFrame ("Balans", "Andelar", and "Ledning och stab", "Årsarbetare", "Ansökningar" when present)."""

def audit_fees(table: _Table, *, keys: Optional[_Table] = None, unit: _Unit = "kr",
               separator: Optional[_Separator] = None, encoding: Optional[_Encoding] = None) -> pd.DataFrame:
    """The findings of a published fee table, as ``ku audit fees`` (kind, code, kommun, column, expected, found, difference, classification, note); with ``keys``, ``attrs["keys"]`` holds each column's key and method."""

def audit_staffing(table: _Table, *, separator: Optional[_Separator] = None,
                   encoding: Optional[_Encoding] = None) -> pd.DataFrame:
    """The findings of a published staffing table, as ``ku audit staffing``: exact Decimal årsarbetare, the wrong cell named."""

def audit_indicators(table: _Table, *, separator: Optional[_Separator] = None,
                     encoding: Optional[_Encoding] = None) -> pd.DataFrame:
    """The findings of a published indicator table, as ``ku audit indicators`` (kind, indikator, period, exact, expected, found, difference, classification, note); ``attrs["notes"]`` lists the percents that could not be checked."""
