"""ku.Money: an exact decimal.Decimal of kronor (whole öre), in and out of Decimal and Swedish text."""

from __future__ import annotations

import decimal
import pickle
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ku
from ku import Money

ORE_MAX = 2**63 - 1
ORE_PER = {"öre": 1, "kr": 100, "tkr": 100_000, "mnkr": 100_000_000}
UNIT_DECIMALS = {"öre": 0, "kr": 2, "tkr": 5, "mnkr": 8}

ores = st.integers(min_value=-ORE_MAX, max_value=ORE_MAX)
# Amounts people actually write, and the extremes of the range.
everyday_ores = st.one_of(st.integers(min_value=-10**12, max_value=10**12), ores)


def group(digits: str, separator: str = " ") -> str:
    """'3562623' -> '3 562 623'."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


def swedish(ore: int, unit: str = "kr", separator: str = " ", minus: str = "-", show_unit: bool = True) -> str:
    """A pure-Python reference of the Swedish form: as many decimals as the amount needs."""
    value = Fraction(abs(ore), ORE_PER[unit])
    whole = value.numerator // value.denominator
    decimals = ""
    if value != whole:
        scaled = (value - whole) * 10 ** UNIT_DECIMALS[unit]
        assert scaled.denominator == 1
        decimals = "," + str(scaled.numerator).rjust(UNIT_DECIMALS[unit], "0").rstrip("0")
    text = (minus if ore < 0 else "") + group(str(whole), separator) + decimals
    return f"{text} {unit}" if show_unit else text


# ---------------------------------------------------------------- Decimal in and out


def test_money_is_a_decimal_of_kronor():
    m = Money(Decimal("3562623"))
    assert isinstance(m, Decimal)
    assert m == Money(Decimal("3562623"))
    assert Decimal(m) == Decimal("3562623.00")
    assert type(Decimal(m)) is Decimal
    assert m.in_ore == 356262300
    assert str(m) == "3562623.00"
    assert repr(m) == "Money('3562623.00')"


def test_money_keeps_every_ore_of_a_decimal():
    assert Money(Decimal("0.01")).in_ore == 1
    assert Money(Decimal("-395.50")).in_ore == -39550
    assert Money(Decimal("1E+3")) == Money(Decimal(1000))
    assert Money(Decimal("1000E-5")).in_ore == 1  # trailing zeros are not decimals
    assert Money(Decimal("-0")) == Money.kr(0)
    assert Money(Money("12,34")) == Money(Decimal("12.34"))


@given(ores)
def test_decimal_round_trip_from_ore(ore):
    exact = Decimal(ore).scaleb(-2, context=decimal.Context(prec=40))
    m = Money(exact)
    assert m.in_ore == ore
    assert Decimal(m) == exact
    assert Fraction(Decimal(m)) == Fraction(ore, 100)
    assert Money.ore(ore) == m
    assert Money(Decimal(m)) == m


@given(st.decimals(allow_nan=False, allow_infinity=False, places=2,
                   min_value=Decimal("-92233720368547758.07"), max_value=Decimal("92233720368547758.07")))
def test_decimal_round_trip_from_decimal(value):
    m = Money(value)
    assert Decimal(m) == value
    assert Fraction(m.in_ore, 100) == Fraction(value)


@given(ores)
def test_text_round_trips(ore):
    m = Money.ore(ore)
    assert Money(str(m)) == m
    for unit in ORE_PER:
        assert Money(m.format(unit)) == m, unit
    assert pickle.loads(pickle.dumps(m)) == m
    assert type(pickle.loads(pickle.dumps(m))) is Money
    assert hash(m) == hash(Decimal(m))


def test_money_does_not_depend_on_the_decimal_context():
    expected = Money(Decimal("3562623"))
    with decimal.localcontext() as context:
        context.prec = 3
        context.traps[decimal.Inexact] = True
        assert Money.kr(3562623) == expected
        assert Money(Decimal("3562623")) == expected
        assert Money("3 562 623 kr").in_ore == 356262300
        assert Money.ore(ORE_MAX).in_ore == ORE_MAX
        assert (Money.kr(3562623) + Money.ore(1)).in_ore == 356262301


# ---------------------------------------------------------------- named constructors


def test_named_constructors():
    assert Money.kr(5) == Money(Decimal(5))
    assert Money.ore(5) == Money(Decimal("0.05"))
    assert Money.kr(-395).in_ore == -39500
    assert Money.kr(np.int64(7)) == Money(Decimal(7))
    assert Money.ore(np.int32(-3)) == Money(Decimal("-0.03"))
    assert Money.ore(ORE_MAX).in_ore == ORE_MAX
    assert Money.ore(-ORE_MAX).in_ore == -ORE_MAX


def test_a_bare_int_needs_its_unit():
    with pytest.raises(TypeError, match=r"Money\.kr\(n\) or Money\.ore\(n\)"):
        Money(5)
    with pytest.raises(TypeError):
        Money(True)
    with pytest.raises(TypeError):
        Money(np.int64(5))
    with pytest.raises(TypeError):
        Money.kr(True)
    with pytest.raises(TypeError):
        Money.kr(Decimal(5))


@pytest.mark.parametrize("value", [0.1, 5.0, float("nan"), np.float64(0.1), np.float32(2.0)])
def test_a_float_is_refused_with_the_reason(value):
    with pytest.raises(TypeError) as caught:
        Money(value)
    assert "float" in str(caught.value)
    assert "exact" in str(caught.value)


def test_float_named_constructors_are_refused():
    with pytest.raises(TypeError, match="float"):
        Money.kr(5.0)
    with pytest.raises(TypeError, match="float"):
        Money.ore(0.5)


def test_other_types_are_refused():
    for value in (Fraction(1, 2), None, [1], b"5"):
        with pytest.raises(TypeError):
            Money(value)


# ---------------------------------------------------------------- Swedish text


@pytest.mark.parametrize("text, ore", [
    ("3562623", 356262300),
    ("3 562 623", 356262300),
    ("3 562 623 kr", 356262300),
    ("3\u00a0562\u00a0623 kr", 356262300),
    ("3\u202f562\u202f623", 356262300),
    ("1 234,56", 123456),
    ("1234,56", 123456),
    ("1234.56", 123456),
    ("-395", -39500),
    ("\u2212395", -39500),
    ("\u2212395 kr", -39500),
    ("28,9 mnkr", 2_890_000_000),
    ("58 088 tkr", 5_808_800_000),
    ("0,00001 tkr", 1),
    ("5 öre", 5),
    ("5 ore", 5),
    ("-0", 0),
])
def test_parses_the_swedish_forms(text, ore):
    assert Money(text).in_ore == ore
    assert Money.parse(text).in_ore == ore


def test_parse_with_a_default_unit():
    assert Money.parse("58 088", unit="tkr") == Money("58 088 tkr")
    assert Money.parse("28,9", unit="mnkr") == Money.kr(28_900_000)
    assert Money.parse("5 kr", unit="tkr") == Money.kr(5)  # a symbol wins over the default


@pytest.mark.parametrize("text", ["1,234", "12x", "", "--5", "12 34", "1 2345", "1.234,5", "5 kr kr",
                                  "12,", ",5", "0,000001 tkr", "0,001"])
def test_refuses_what_the_parser_refuses(text):
    with pytest.raises(ku.ParseError):
        Money(text)


@given(everyday_ores,
       st.sampled_from([" ", "\u00a0", "\u202f"]),
       st.sampled_from(["-", "\u2212"]),
       st.sampled_from(list(ORE_PER)))
def test_parses_generated_swedish_text(ore, separator, minus, unit):
    text = swedish(ore, unit, separator, minus)
    assert Money(text).in_ore == ore


@given(everyday_ores, st.sampled_from(list(ORE_PER)))
def test_formats_the_swedish_way(ore, unit):
    m = Money.ore(ore)
    assert m.format(unit) == swedish(ore, unit)
    assert m.format(unit, show_unit=False) == swedish(ore, unit, show_unit=False)


@pytest.mark.parametrize("ore, unit, expected", [
    (356262300, "kr", "3 562 623 kr"),
    (5_808_800_000, "tkr", "58 088 tkr"),
    (2_890_000_000, "mnkr", "28,9 mnkr"),
    (-39500, "kr", "-395 kr"),
    (123450, "kr", "1 234,5 kr"),
    (0, "kr", "0 kr"),
])
def test_format_examples(ore, unit, expected):
    assert Money.ore(ore).format(unit) == expected


def test_format_with_decimals_and_rounding():
    m = Money("1 234,50")
    assert m.format(decimals=0) == "1 235 kr"  # half-up by default
    assert m.format(decimals=0, rounding="half-even") == "1 234 kr"
    assert m.format(decimals=3) == "1 234,500 kr"
    assert Money("58 087,5 tkr").format("tkr", decimals=0) == "58 088 tkr"
    assert Money("-58 087,5 tkr").format("tkr", decimals=0) == "-58 088 tkr"
    with pytest.raises(ku.DomainError):
        m.format(decimals=30)
    with pytest.raises(ku.LookupError):
        m.format(rounding="nearest")
    with pytest.raises(ku.LookupError):
        m.format("skr")


@given(everyday_ores, st.sampled_from(["kr", "tkr", "mnkr"]),
       st.sampled_from(["half-up", "half-even", "half-down", "up", "down", "floor", "ceiling"]))
def test_round_matches_a_fraction_reference(ore, unit, mode):
    step = ORE_PER[unit]
    q = Fraction(ore, step)
    floor = q.numerator // q.denominator
    ceiling = -((-q.numerator) // q.denominator)
    toward_zero = floor if q >= 0 else ceiling
    away = ceiling if q >= 0 else floor
    if q == floor:
        expected = floor
    elif mode == "floor":
        expected = floor
    elif mode == "ceiling":
        expected = ceiling
    elif mode == "down":
        expected = toward_zero
    elif mode == "up":
        expected = away
    else:
        distance = abs(q - toward_zero)
        if distance != Fraction(1, 2):
            expected = toward_zero if distance < Fraction(1, 2) else away
        elif mode == "half-up":
            expected = away
        elif mode == "half-down":
            expected = toward_zero
        else:
            expected = floor if floor % 2 == 0 else ceiling
    if abs(expected * step) > ORE_MAX:
        with pytest.raises(ku.OverflowError):
            Money.ore(ore).round(unit, mode)
    else:
        assert Money.ore(ore).round(unit, mode).in_ore == expected * step


# ---------------------------------------------------------------- arithmetic


def test_exact_arithmetic():
    a, b = Money("0,10"), Money("0,20")
    assert a + b == Money("0,30")
    assert (a + b).in_ore == 30
    assert isinstance(a + b, Money)
    assert b - a == a
    assert a - b == -a
    assert isinstance(-a, Money)
    assert a * 3 == Money("0,30")
    assert 3 * a == Money("0,30")
    assert isinstance(a * 3, Money)
    assert Money.kr(42_000) * 12 == Money("504 000")
    assert Money.kr(0) * 10**30 == Money.kr(0)
    assert +a is a


@given(ores, ores)
def test_addition_is_exact_or_overflows(x, y):
    if abs(x + y) <= ORE_MAX:
        assert (Money.ore(x) + Money.ore(y)).in_ore == x + y
    else:
        with pytest.raises(ku.OverflowError):
            Money.ore(x) + Money.ore(y)
    if abs(x - y) <= ORE_MAX:
        assert (Money.ore(x) - Money.ore(y)).in_ore == x - y
    else:
        with pytest.raises(ku.OverflowError):
            Money.ore(x) - Money.ore(y)


@given(ores, st.integers(min_value=-2**70, max_value=2**70))
def test_multiplication_by_an_integer_is_exact_or_overflows(x, n):
    if abs(x * n) <= ORE_MAX:
        assert (Money.ore(x) * n).in_ore == x * n
    else:
        with pytest.raises(ku.OverflowError):
            Money.ore(x) * n


def test_money_times_a_fraction_needs_a_rounding_mode():
    m = Money.kr(5)
    for factor in (0.5, Decimal("0.5"), Fraction(1, 2), np.float64(0.5)):
        with pytest.raises(TypeError, match="rounding"):
            m * factor
        with pytest.raises(TypeError, match="rounding"):
            factor * m
    with pytest.raises(TypeError, match="rounding"):
        m / 2
    with pytest.raises(TypeError):
        m + 0.5
    with pytest.raises(TypeError):
        m + 1
    with pytest.raises(TypeError):
        m * True


def test_multiply_with_an_explicit_rounding():
    m = Money("1 000")
    assert m.multiply("15 %", "half-up") == Money("150")
    assert m.multiply(Fraction(1, 3), "half-up") == Money("333,33")
    assert m.multiply(Fraction(1, 3), "half-up", unit="kr") == Money("333")
    assert m.multiply(Fraction(2, 3), "down", unit="kr") == Money("666")
    assert m.multiply(Decimal("0.2"), "half-even") == Money("200")
    assert m.multiply("3/20", "half-up") == Money("150")
    with pytest.raises(TypeError, match="float"):
        m.multiply(0.15, "half-up")
    with pytest.raises(ku.ParseError):
        m.multiply("1/0", "half-up")
    with pytest.raises(ku.LookupError):
        m.multiply("1/3", "nearest")


def test_sums_of_a_pandas_column_stay_money():
    import pandas as pd

    total = pd.Series([Money("0,10"), Money("0,20"), Money("0,30")]).sum()
    assert total == Money(Decimal("0.60"))
    assert isinstance(total, Money)


def test_money_mixes_only_with_money_so_no_fraction_of_an_ore_slips_in():
    from decimal import Decimal as D
    import ku as k
    with pytest.raises(TypeError, match="convert it with ku.Money"):
        k.Money.kr(1) + D("0.001")
    with pytest.raises(TypeError, match="convert it with ku.Money"):
        D("0.001") + k.Money.kr(1)
    with pytest.raises(TypeError, match="convert it with ku.Money"):
        k.Money.kr(1) - D("1")


def test_a_plain_sum_of_money_starts_from_zero_and_stays_money():
    import ku as k
    total = sum([k.Money("3 562 623 kr"), k.Money("845 154 kr")])
    assert isinstance(total, k.Money)
    assert total == k.Money.kr(4_407_777)
