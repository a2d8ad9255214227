"""The pandas extension dtype "ku.money": a column of exact amounts stored as int64 öre with a
boolean mask for blanks (pd.NA).

- ``sum()``, ``min()``, ``max()``, ``any()`` and ``all()`` are exact; ``sum()`` returns a
  ``ku.Money`` and is overflow-checked like ``Money + Money``.
- ``+`` and ``-`` with Money columns or a Money, ``*`` with an int, and comparisons with Money
  are exact. Money compares only with Money: ``== 1`` is False, ``< 1`` is a ku.InputError.
- ``mean()``, ``median()``, ``std()``, ``var()`` and ``prod()`` are refused with a
  ku.InputError: a mean of money is not a whole number of öre. Ask for floats explicitly
  (``astype(float)``, kronor as float64, NaN for blanks) to plot, or use ``sum() / len``.
- Nothing here turns money into a float unless the caller asks: ``astype(float)``,
  ``to_numpy(float)`` or ``np.asarray(column, dtype=float)``.

pandas 1.5's own ``to_excel`` and ``to_csv`` write the cells of an extension dtype as text;
``ku.to_excel`` and ``ku.to_csv`` write them as numbers.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any, Sequence

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray, ExtensionDtype, register_extension_dtype, take
from pandas.api.indexers import check_array_indexer
from pandas.api.types import is_bool_dtype, is_float_dtype, is_integer_dtype, is_list_like, is_object_dtype

from . import InputError, Money, OverflowError  # defined before this module is imported

_INT64_MAX = 2**63 - 1
_SENTINEL = -_INT64_MAX - 1  # INT64_MIN is never an amount (the range is symmetric): a blank
_RANGE = "±92 233 720 368 547 758,07 kr"


def _is_blank(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, (float, np.floating)) and bool(np.isnan(value))


@register_extension_dtype
class MoneyDtype(ExtensionDtype):
    """The dtype of a column of ``ku.Money``: exact int64 öre; blanks are pd.NA."""

    name = "ku.money"
    type = Money
    kind = "O"
    na_value = pd.NA
    _is_numeric = True  # so DataFrame.sum(numeric_only=True) and select_dtypes("number") take it

    @classmethod
    def construct_array_type(cls) -> type["MoneyArray"]:
        return MoneyArray

    def __repr__(self) -> str:
        return "ku.money"


class MoneyArray(ExtensionArray):
    """Exact amounts as int64 öre (``ore``) with a boolean mask of blanks (``mask``)."""

    __array_priority__ = 1000  # numpy defers to this array's operators

    def __init__(self, ore: np.ndarray, mask: np.ndarray | None = None, *, copy: bool = False) -> None:
        ore = np.array(ore, dtype=np.int64, copy=copy)
        mask = np.zeros(ore.shape, dtype=bool) if mask is None else np.array(mask, dtype=bool, copy=copy)
        if ore.ndim != 1 or mask.shape != ore.shape:
            raise InputError("a ku.money array is one-dimensional: one öre count and one blank flag per cell")
        if bool(np.any((ore == _SENTINEL) & ~mask)):
            raise OverflowError(f"money overflow: -2^63 öre is beyond {_RANGE}")
        self._ore = ore
        self._mask = mask

    # --- construction ----------------------------------------------------------------------

    @classmethod
    def from_ore(cls, ore: Any, mask: Any = None) -> "MoneyArray":
        """An array of ``ore`` (integers; int64 range minus -2^63) with blanks where ``mask``."""
        values = np.asarray(ore)
        if values.dtype.kind not in "iu" and values.size:
            raise InputError(f"öre are whole numbers, not {values.dtype}")
        if values.dtype.kind == "u" and values.size and int(values.max()) > _INT64_MAX:
            raise OverflowError(f"money overflow: an amount is beyond {_RANGE}")
        return cls(values.astype(np.int64), mask, copy=True)

    @classmethod
    def _from_sequence(cls, scalars: Any, *, dtype: Any = None, copy: bool = False) -> "MoneyArray":
        if isinstance(scalars, MoneyArray):
            return scalars.copy() if copy else scalars
        if isinstance(scalars, (pd.Series, pd.Index)) and isinstance(scalars.dtype, MoneyDtype):
            array = scalars.array
            return array.copy() if copy else array
        values = list(scalars)
        ore = np.zeros(len(values), dtype=np.int64)
        mask = np.zeros(len(values), dtype=bool)
        for i, value in enumerate(values):
            if _is_blank(value):
                mask[i] = True
            elif isinstance(value, Money):
                ore[i] = value.in_ore
            elif isinstance(value, (Decimal, str)):
                ore[i] = Money(value).in_ore  # Money's own checks: whole öre, within range
            elif isinstance(value, (bool, np.bool_)):
                raise InputError("a bool is not an amount")
            elif isinstance(value, (int, np.integer)):
                raise InputError("an int is not an amount: it does not say the unit; use Money.kr(n) or "
                                 "Money.ore(n), or MoneyArray.from_ore")
            elif isinstance(value, (float, np.floating)):
                raise InputError("a float is not an amount: money is exact; pass Money, a Decimal or a string")
            else:
                raise InputError(f"a {type(value).__name__} is not an amount; pass Money, a Decimal or a string")
        return cls(ore, mask)

    @classmethod
    def _from_sequence_of_strings(cls, strings: Any, *, dtype: Any = None, copy: bool = False) -> "MoneyArray":
        return cls._from_sequence(strings, dtype=dtype, copy=copy)

    @classmethod
    def _from_factorized(cls, values: np.ndarray, original: "MoneyArray") -> "MoneyArray":
        values = np.asarray(values, dtype=np.int64)
        mask = values == _SENTINEL
        return cls(np.where(mask, 0, values), mask)

    def _values_for_factorize(self) -> tuple[np.ndarray, int]:
        return np.where(self._mask, _SENTINEL, self._ore), _SENTINEL

    def _values_for_argsort(self) -> np.ndarray:
        return self._ore

    # --- the ExtensionArray interface ------------------------------------------------------

    @property
    def dtype(self) -> MoneyDtype:
        return MoneyDtype()

    @property
    def ore(self) -> np.ndarray:
        """The amounts in öre (a copy; 0 where blank: see ``mask``)."""
        return np.where(self._mask, 0, self._ore)

    @property
    def mask(self) -> np.ndarray:
        """True where the cell is blank (a copy)."""
        return self._mask.copy()

    def __len__(self) -> int:
        return len(self._ore)

    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, (int, np.integer)):
            return pd.NA if self._mask[item] else Money._from_ore(int(self._ore[item]))
        if isinstance(item, tuple) and len(item) == 1:
            item = item[0]
        if not isinstance(item, slice) and not (isinstance(item, tuple) and item == ()):
            item = check_array_indexer(self, item)
        return MoneyArray(self._ore[item], self._mask[item])

    def __setitem__(self, key: Any, value: Any) -> None:
        if not isinstance(key, (int, np.integer, slice)):
            key = check_array_indexer(self, key)
        if is_list_like(value) and not isinstance(value, (str, Money)):
            other = MoneyArray._from_sequence(value)
            self._ore[key] = other._ore
            self._mask[key] = other._mask
        else:
            other = MoneyArray._from_sequence([value])
            self._ore[key] = other._ore[0]
            self._mask[key] = other._mask[0]

    def __iter__(self):
        for ore, blank in zip(self._ore.tolist(), self._mask.tolist()):
            yield pd.NA if blank else Money._from_ore(ore)

    def isna(self) -> np.ndarray:
        return self._mask.copy()

    @property
    def nbytes(self) -> int:
        return self._ore.nbytes + self._mask.nbytes

    def copy(self) -> "MoneyArray":
        return MoneyArray(self._ore, self._mask, copy=True)

    def take(self, indices: Sequence[int], *, allow_fill: bool = False, fill_value: Any = None) -> "MoneyArray":
        if allow_fill:
            if _is_blank(fill_value):
                fill_ore, fill_blank = 0, True
            else:
                fill_ore, fill_blank = MoneyArray._from_sequence([fill_value])._ore[0], False
            ore = take(self._ore, indices, allow_fill=True, fill_value=fill_ore)
            mask = take(self._mask, indices, allow_fill=True, fill_value=fill_blank)
        else:
            ore = take(self._ore, indices)
            mask = take(self._mask, indices)
        return MoneyArray(ore, mask)

    @classmethod
    def _concat_same_type(cls, to_concat: Sequence["MoneyArray"]) -> "MoneyArray":
        return cls(np.concatenate([a._ore for a in to_concat]), np.concatenate([a._mask for a in to_concat]))

    def _formatter(self, boxed: bool = False):
        return str  # Money's str: '166730.00'; pandas shows blanks as <NA>

    def value_counts(self, dropna: bool = True) -> pd.Series:
        counts = pd.Series(self.astype(object)).value_counts(dropna=dropna)
        counts.index = pd.Index(MoneyArray._from_sequence(list(counts.index)))
        return counts

    # --- conversion ------------------------------------------------------------------------

    def _floats(self, dtype: Any = np.float64) -> np.ndarray:
        kronor = self._ore.astype(np.float64) / 100  # the nearest double: only when asked
        kronor[self._mask] = np.nan
        return kronor.astype(dtype, copy=False)

    def __array__(self, dtype: Any = None) -> np.ndarray:
        if dtype is not None and np.dtype(dtype).kind == "f":
            return self._floats(dtype)
        if dtype is not None and np.dtype(dtype).kind in "iu":
            raise InputError("ku.money as integers does not say the unit: use .array.ore for öre")
        objects = np.array(list(self), dtype=object)
        return objects if dtype is None or np.dtype(dtype) == object else objects.astype(dtype)

    def astype(self, dtype: Any, copy: bool = True) -> Any:
        dtype = pd.api.types.pandas_dtype(dtype)
        if isinstance(dtype, MoneyDtype):
            return self.copy() if copy else self
        if is_float_dtype(dtype) and not isinstance(dtype, ExtensionDtype):
            return self._floats(dtype)
        if is_float_dtype(dtype):  # pd.Float64Dtype(): floats with pd.NA
            return pd.array(self._floats(), dtype=dtype)
        if is_integer_dtype(dtype):
            raise InputError("ku.money as integers does not say the unit: use .array.ore for öre")
        if is_object_dtype(dtype):
            return np.array(list(self), dtype=object)
        if is_bool_dtype(dtype):
            raise InputError("ku.money is not a truth value: compare it with a Money")
        return super().astype(dtype, copy=copy)

    # --- reductions ------------------------------------------------------------------------

    def _reduce(self, name: str, *, skipna: bool = True, **kwargs: Any) -> Any:
        present = self._ore[~self._mask].tolist()
        blanks = bool(self._mask.any())
        if name == "sum":
            if blanks and not skipna:
                return pd.NA
            min_count = kwargs.get("min_count", 0) or 0
            if len(present) < min_count:
                return pd.NA
            total = sum(present)  # Python ints: exact; the range is checked once, at the end
            if abs(total) > _INT64_MAX:
                raise OverflowError(f"money overflow in the sum of a column: the result is beyond {_RANGE}")
            return Money._from_ore(total)
        if name in ("min", "max"):
            if (blanks and not skipna) or not present:
                return pd.NA
            return Money._from_ore(min(present) if name == "min" else max(present))
        if name in ("any", "all"):
            if blanks and not skipna:
                truth = [bool(v) for v in present]
                if name == "any":
                    return True if any(truth) else pd.NA
                return False if not all(truth) else pd.NA
            return (any if name == "any" else all)(v != 0 for v in present)
        if name in ("mean", "median", "std", "var", "sem", "prod", "kurt", "skew"):
            raise InputError(f"{name}() of money is not a whole number of öre: for an exact value use "
                             "sum() / len (a Fraction: Fraction(s.sum()) / s.count()); for a plot, "
                             "ask for floats with astype(float)")
        raise InputError(f"{name}() is not defined for ku.money")

    # --- arithmetic and comparisons --------------------------------------------------------

    def _operand(self, other: Any, what: str) -> tuple[np.ndarray, np.ndarray] | None:
        """``other`` as (öre, mask) matching this array, or None when it is not money."""
        if isinstance(other, MoneyArray):
            if len(other) != len(self):
                raise InputError(f"cannot {what} money columns of lengths {len(self)} and {len(other)}")
            return other._ore, other._mask
        if isinstance(other, Money):
            return np.full(len(self), other.in_ore, dtype=np.int64), np.zeros(len(self), dtype=bool)
        if other is pd.NA or other is None:
            return np.zeros(len(self), dtype=np.int64), np.ones(len(self), dtype=bool)
        if is_list_like(other) and not isinstance(other, (str, bytes)):
            values = list(other)
            if len(values) != len(self):
                raise InputError(f"cannot {what} money and a sequence of length {len(values)} (not {len(self)})")
            if not all(isinstance(v, Money) or _is_blank(v) for v in values):
                return None
            array = MoneyArray._from_sequence(values)
            return array._ore, array._mask
        return None

    def _add_sub(self, other: Any, sign: int, reflected: bool) -> Any:
        if isinstance(other, (pd.Series, pd.Index, pd.DataFrame)):
            return NotImplemented
        verb = "add" if sign > 0 else "subtract"
        operand = self._operand(other, verb)
        if operand is None:
            raise InputError(f"cannot {verb} money and {type(other).__name__}: money mixes only with money; "
                             "convert with ku.Money(...) first")
        ore, mask = operand
        left, right = (ore, self._ore) if reflected else (self._ore, ore)
        with np.errstate(over="ignore"):
            result = left + right if sign > 0 else left - right
        if sign > 0:
            wrapped = ((left ^ result) & (right ^ result)) < 0
        else:
            wrapped = ((left ^ right) & (left ^ result)) < 0
        blank = self._mask | mask
        if bool(np.any((wrapped | (result == _SENTINEL)) & ~blank)):
            symbol = "+" if sign > 0 else "-"
            raise OverflowError(f"money overflow in money {symbol} money: the result is beyond {_RANGE}")
        return MoneyArray(np.where(blank, 0, result), blank)

    def __add__(self, other: Any) -> Any:
        return self._add_sub(other, 1, False)

    def __radd__(self, other: Any) -> Any:
        return self._add_sub(other, 1, True)

    def __sub__(self, other: Any) -> Any:
        return self._add_sub(other, -1, False)

    def __rsub__(self, other: Any) -> Any:
        return self._add_sub(other, -1, True)

    def __mul__(self, other: Any) -> Any:
        if isinstance(other, (pd.Series, pd.Index, pd.DataFrame)):
            return NotImplemented
        if isinstance(other, (bool, np.bool_)) or not isinstance(other, (int, np.integer)):
            if isinstance(other, (float, np.floating, Decimal, Fraction)):
                raise InputError("money × a fraction needs a rounding mode: use Money.multiply(factor, rounding) "
                                 "per cell")
            if is_list_like(other):
                factors = np.asarray(other)
                if factors.dtype.kind not in "iu" or len(factors) != len(self):
                    raise InputError("money × an array needs whole-number factors, one per cell")
                return self._times([int(f) for f in factors.tolist()])
            raise InputError(f"cannot multiply money by {type(other).__name__}")
        return self._times([int(other)] * len(self))

    __rmul__ = __mul__

    def _times(self, factors: list[int]) -> "MoneyArray":
        products = [o * f for o, f in zip(self._ore.tolist(), factors)]
        if any(abs(p) > _INT64_MAX for p, blank in zip(products, self._mask.tolist()) if not blank):
            raise OverflowError(f"money overflow in money × integer: the result is beyond {_RANGE}")
        return MoneyArray(np.array([0 if b else p for p, b in zip(products, self._mask.tolist())], dtype=np.int64),
                          self._mask.copy())

    def _refuse(self, *args: Any) -> Any:
        raise InputError("dividing money needs a rounding mode: use Money.multiply(Fraction(1, n), rounding) per "
                         "cell, or astype(float) for a plot")

    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _refuse
    __divmod__ = __rdivmod__ = __pow__ = __rpow__ = _refuse

    def __neg__(self) -> "MoneyArray":
        return MoneyArray(np.where(self._mask, 0, -self._ore), self._mask.copy())

    def __pos__(self) -> "MoneyArray":
        return self.copy()

    def __abs__(self) -> "MoneyArray":
        return MoneyArray(np.abs(self._ore), self._mask.copy())

    def _compare(self, other: Any, op: str) -> Any:
        if isinstance(other, (pd.Series, pd.Index, pd.DataFrame)):
            return NotImplemented
        operand = self._operand(other, "compare")
        if operand is None:
            if op in ("eq", "ne"):  # money is never equal to what is not money
                values = np.full(len(self), op == "ne")
                return pd.arrays.BooleanArray(values, self._mask.copy())
            raise InputError(f"money compares only with money, not with {type(other).__name__}: "
                             "convert with ku.Money(...) first")
        ore, mask = operand
        values = getattr(np, {"eq": "equal", "ne": "not_equal", "lt": "less", "le": "less_equal",
                              "gt": "greater", "ge": "greater_equal"}[op])(self._ore, ore)
        return pd.arrays.BooleanArray(np.asarray(values, dtype=bool), self._mask | mask)

    def __eq__(self, other: Any) -> Any:  # type: ignore[override]
        return self._compare(other, "eq")

    def __ne__(self, other: Any) -> Any:  # type: ignore[override]
        return self._compare(other, "ne")

    def __lt__(self, other: Any) -> Any:
        return self._compare(other, "lt")

    def __le__(self, other: Any) -> Any:
        return self._compare(other, "le")

    def __gt__(self, other: Any) -> Any:
        return self._compare(other, "gt")

    def __ge__(self, other: Any) -> Any:
        return self._compare(other, "ge")

    __hash__ = None  # type: ignore[assignment]


def money_array(values: Any) -> MoneyArray:
    """A ku.money array from Money, Decimal, text and blanks (None, pd.NA)."""
    return MoneyArray._from_sequence(values)

