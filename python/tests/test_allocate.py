"""ku.allocate: a total split among kommuner by weights, checked against a pure-Python
reference in fractions.Fraction (largest remainder; ties: larger weight, then lower kommun code;
a negative total is split as the negation of the positive one)."""

from __future__ import annotations

import csv
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ku
from ku import Money

CODES = ["0604", "0617", "0642", "0643", "0662", "0665", "0680", "0682", "0683", "0684", "0685", "0686", "0687"]
ORE_PER = {"ore": 1, "kr": 100, "tkr": 100_000}
COLUMNS = ["name", "weight", "quota", "amount", "adjustment"]


# ---------------------------------------------------------------- the reference


def _floor(q: Fraction) -> int:
    return q.numerator // q.denominator


def _half_up(q: Fraction) -> int:
    """q ≥ 0 rounded to the nearest integer, a half upward."""
    return _floor(q + Fraction(1, 2))


def reference_units(total_units: int, weights: dict[str, Fraction], method: str) -> dict[str, int]:
    """Whole units per kommun. The magnitude is split and the signs put back, so a refund is the
    negation of the positive split."""
    sign = -1 if total_units < 0 else 1
    magnitude = abs(total_units)
    weight_sum = sum(weights.values())
    quotas = {code: magnitude * w / weight_sum for code, w in weights.items()}
    if method == "largest-remainder":
        units = {code: _floor(q) for code, q in quotas.items()}
        spare = magnitude - sum(units.values())
        assert 0 <= spare < len(units)
        # Largest remainder first, then larger weight, then lower kommun code.
        order = sorted(quotas, key=lambda code: (-(quotas[code] - units[code]), -weights[code], code))
        for code in order[:spare]:
            units[code] += 1
    elif method in ("round-each", "largest-absorbs"):
        units = {code: _half_up(q) for code, q in quotas.items()}
        if method == "largest-absorbs":
            largest = sorted(weights, key=lambda code: (-weights[code], code))[0]
            units[largest] += magnitude - sum(units.values())
    else:
        raise AssertionError(method)
    return {code: sign * u for code, u in units.items()}


def reference(total: Money, weights: dict[str, Fraction], method: str = "largest-remainder",
              unit: str = "kr") -> dict[str, dict]:
    """Per kommun: the exact quota in kronor, the amount and the adjustment (amount minus the
    quota truncated toward zero to the unit), as ku.allocate states them."""
    step = ORE_PER[unit]
    assert total.in_ore % step == 0
    units = reference_units(total.in_ore // step, weights, method)
    weight_sum = sum(weights.values())
    result = {}
    for code, w in weights.items():
        quota_ore = Fraction(total.in_ore) * w / weight_sum
        quota_units = quota_ore / step
        truncated = _floor(quota_units) if quota_units >= 0 else -_floor(-quota_units)
        result[code] = {
            "quota": quota_ore / 100,
            "amount": Money.ore(units[code] * step),
            "adjustment": Money.ore((units[code] - truncated) * step),
        }
    return result


# ---------------------------------------------------------------- strategies

units = st.sampled_from(list(ORE_PER))
methods = st.sampled_from(["largest-remainder", "round-each", "largest-absorbs"])


@st.composite
def weight_maps(draw, kinds=("int",)):
    """1–13 distinct kommuner with non-negative weights, at least one positive. Small weights and
    equal weights make ties, which is where the tie rule shows."""
    codes = draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=13, unique=True))
    kind = draw(st.sampled_from(kinds))
    if kind == "int":
        values = st.one_of(st.integers(0, 5), st.integers(0, 200_000), st.integers(0, 10**12))
        weights = {code: draw(values) for code in codes}
    else:  # exact decimals with up to 3 decimals, as Decimal
        weights = {code: Decimal(draw(st.integers(0, 10**7))).scaleb(-draw(st.integers(0, 3))) for code in codes}
    if all(w == 0 for w in weights.values()):
        weights[codes[0]] = 1 if kind == "int" else Decimal("0.5")
    return weights


@st.composite
def totals(draw, unit):
    step = ORE_PER[unit]
    bound = min(10**14, (2**63 - 1) // step)
    whole_units = draw(st.one_of(st.integers(-20, 20), st.integers(-bound, bound)))
    return Money.ore(whole_units * step)


def check_against_reference(frame: pd.DataFrame, total: Money, weights: dict, method: str, unit: str) -> None:
    exact = {code: Fraction(w) for code, w in weights.items()}
    expected = reference(total, exact, method, unit)
    assert list(frame.index) == list(weights)
    assert list(frame.columns) == COLUMNS
    for code in weights:
        row = frame.loc[code]
        assert row["quota"] == expected[code]["quota"], code
        assert row["amount"] == expected[code]["amount"], code
        assert row["adjustment"] == expected[code]["adjustment"], code
        assert Fraction(row["weight"]) == exact[code]
    amounts_sum = sum(frame["amount"], Money.kr(0))
    assert frame.attrs["sum"] == amounts_sum
    assert frame.attrs["total"] == total
    assert frame.attrs["residual"] == total - amounts_sum
    if method != "round-each":
        assert amounts_sum == total
        assert frame.attrs["residual"] == Money.kr(0)


# ---------------------------------------------------------------- properties


@given(st.data())
def test_largest_remainder_matches_the_fraction_reference(data):
    unit = data.draw(units)
    weights = data.draw(weight_maps(kinds=("int", "decimal")))
    total = data.draw(totals(unit))
    frame = ku.allocate(total, weights, unit=unit)
    check_against_reference(frame, total, weights, "largest-remainder", unit)
    assert frame.attrs["method"] == "largest-remainder"


@given(st.data())
def test_round_each_and_largest_absorbs_match_the_reference(data):
    unit = data.draw(units)
    method = data.draw(methods)
    weights = data.draw(weight_maps())
    total = data.draw(totals(unit))
    frame = ku.allocate(total, weights, method=method, unit=unit)
    check_against_reference(frame, total, weights, method, unit)
    assert frame.attrs["method"] == method


@given(st.data())
def test_a_refund_is_the_negation_of_the_positive_split(data):
    unit = data.draw(units)
    method = data.draw(st.sampled_from(["largest-remainder", "sainte-lague", "round-each", "largest-absorbs"]))
    weights = data.draw(weight_maps())
    total = data.draw(totals(unit))
    positive = ku.allocate(total, weights, method=method, unit=unit)
    negative = ku.allocate(-total, weights, method=method, unit=unit)
    assert list(negative["amount"]) == [-m for m in positive["amount"]]
    assert list(negative["adjustment"]) == [-m for m in positive["adjustment"]]
    assert list(negative["quota"]) == [-q for q in positive["quota"]]
    assert negative.attrs["residual"] == -positive.attrs["residual"]


@given(st.data())
def test_the_result_does_not_depend_on_the_order_of_the_weights(data):
    unit = data.draw(units)
    method = data.draw(st.sampled_from(["largest-remainder", "sainte-lague", "round-each", "largest-absorbs"]))
    weights = data.draw(weight_maps())
    total = data.draw(totals(unit))
    shuffled = data.draw(st.permutations(list(weights)))
    a = ku.allocate(total, weights, method=method, unit=unit)
    b = ku.allocate(total, {code: weights[code] for code in shuffled}, method=method, unit=unit)
    assert list(b.index) == shuffled
    assert all(a.loc[code, "amount"] == b.loc[code, "amount"] for code in weights)


@given(st.data())
def test_sainte_lague_sums_to_the_total(data):
    unit = data.draw(units)
    weights = data.draw(weight_maps())
    total = data.draw(totals(unit))
    frame = ku.allocate(total, weights, method="sainte-lague", unit=unit)
    assert sum(frame["amount"], Money.kr(0)) == total
    assert all(m.in_ore % ORE_PER[unit] == 0 for m in frame["amount"])
    assert frame.attrs["residual"] == Money.kr(0)


# ---------------------------------------------------------------- examples


def test_ties_go_to_the_larger_weight_then_the_lower_code():
    # 10 kr in thirds: the spare krona goes to the lowest code.
    frame = ku.allocate(Money.kr(10), {"0642": 1, "0617": 1, "0604": 1})
    assert [m.in_ore for m in frame["amount"]] == [300, 300, 400]
    assert frame.loc["0604", "adjustment"] == Money.kr(1)
    # Equal remainders (1/2 each: 2 kr over weights 1 and 3): the larger weight first, though
    # its code is higher.
    frame = ku.allocate(Money.kr(2), {"0604": 1, "0617": 3})
    assert frame["amount"].tolist() == [Money.kr(0), Money.kr(2)]
    assert frame["adjustment"].tolist() == [Money.kr(0), Money.kr(1)]
    # Refund: -10 kr in thirds is the negation of +10 kr.
    frame = ku.allocate(Money.kr(-10), {"0642": 1, "0617": 1, "0604": 1})
    assert [m.in_ore for m in frame["amount"]] == [-300, -300, -400]


def test_the_result_frame(data_dir):
    keys = pd.read_csv(data_dir / "population_keys.csv", dtype={"code": str}).set_index("code")
    frame = ku.allocate(Money("1 583 550"), keys["key_b"])
    assert list(frame.columns) == COLUMNS
    assert frame.index.name == "code"
    assert list(frame.index) == list(keys.index)
    assert list(frame["name"]) == list(keys["name"])
    assert all(isinstance(v, Decimal) for v in frame["weight"])
    assert all(isinstance(v, Fraction) for v in frame["quota"])
    for column in ("amount", "adjustment"):
        assert all(isinstance(v, Money) and isinstance(v, Decimal) for v in frame[column])
    assert frame.loc["0683", "weight"] == 34698
    assert frame.loc["0604", "quota"] == Fraction(1583550 * 6809, sum(keys["key_b"].tolist()))
    assert frame.loc["0604", "amount"] == Money(Decimal("29198"))
    assert frame.attrs == {
        "method": "largest-remainder", "unit": "kr", "basis": "största rest efter vikt, i hela kr",
        "total": Money("1 583 550"), "sum": Money("1 583 550"), "residual": Money.kr(0),
        # The column totals, not a data row: each is its column's sum.
        "totals": {"weight": Decimal(369284), "quota": Fraction(1583550), "amount": Money("1 583 550"),
                   "adjustment": Money("5")},
    }
    assert str(frame["amount"].dtype) == "ku.money"
    assert frame["amount"].sum() == frame.attrs["totals"]["amount"]
    assert not any(isinstance(v, float) for column in frame.columns for v in frame[column])


def test_largest_remainder_reproduces_the_published_grundfinansiering(data_dir):
    """The published 2025 Grundfinansiering column is largest remainder by key A, krona for krona."""
    keys = pd.read_csv(data_dir / "population_keys.csv", dtype={"code": str}).set_index("code")
    with open(data_dir / "financing_proposal_2025.csv", encoding="utf-8", newline="") as f:
        published = {row["code"]: Money(row["Grundfinansiering Social välfärd"])
                     for row in csv.DictReader(f) if row["code"] in CODES}
    frame = ku.allocate(Money("9 000 000"), keys["key_a"])
    assert {code: frame.loc[code, "amount"] for code in frame.index} == published


def test_weights_as_mapping_series_and_text():
    by_int = ku.allocate(Money("100"), {"0604": 1, "0617": 3})
    by_series = ku.allocate(Money("100"), pd.Series([1, 3], index=["0604", "0617"], dtype="int64"))
    by_text = ku.allocate(Money("100"), {"0604": "0,5", "0617": "1.5"})
    by_decimal = ku.allocate(Money("100"), {"0604": Decimal("0.25"), "0617": Decimal("0.75")})
    by_exponent = ku.allocate(Money("100"), {"0604": Decimal("1E+3"), "0617": Decimal("3E+3")})
    by_numpy = ku.allocate(Money("100"), {"0604": np.int64(1), "0617": np.uint16(3)})
    for frame in (by_series, by_text, by_decimal, by_exponent, by_numpy):
        assert frame["amount"].tolist() == by_int["amount"].tolist() == [Money("25"), Money("75")]
    assert by_text.loc["0604", "weight"] == Decimal("0.5")


def test_total_as_decimal_or_text():
    weights = {"0604": 1, "0617": 1}
    expected = [Money("50"), Money("50")]
    assert ku.allocate(Decimal("100"), weights)["amount"].tolist() == expected
    assert ku.allocate("100 kr", weights)["amount"].tolist() == expected
    assert ku.allocate("0,1 tkr", weights)["amount"].tolist() == expected


def test_members_limit_the_split():
    weights = {"0604": 6842, "0642": 7568, "0662": 29145}
    frame = ku.allocate(Money("42 000"), weights, members=["0604", "0662"])
    assert list(frame.index) == ["0604", "0662"]
    assert sum(frame["amount"], Money.kr(0)) == Money("42 000")
    with pytest.raises(ku.LookupError, match="0617"):
        ku.allocate(Money("42 000"), weights, members=["0604", "0617"])


def test_methods_and_units():
    weights = {"0642": 1, "0617": 1, "0604": 1}
    each = ku.allocate(Money("10"), weights, method="round-each")
    assert each["amount"].tolist() == [Money("3")] * 3
    assert each.attrs["residual"] == Money("1")
    assert each.attrs["sum"] == Money("9")
    absorbs = ku.allocate(Money("10"), weights, method="largest-absorbs")
    assert absorbs["amount"].tolist() == [Money("3"), Money("3"), Money("4")]
    ore = ku.allocate(Money("10"), weights, method="sainte-lague", unit="ore")
    assert ore["amount"].tolist() == [Money("3,33"), Money("3,33"), Money("3,34")]
    assert ore.attrs["unit"] == "öre"
    tkr = ku.allocate(Money("10 tkr"), weights, unit="tkr")
    assert tkr["amount"].tolist() == [Money("3 tkr"), Money("3 tkr"), Money("4 tkr")]
    with pytest.raises(ku.DomainError, match="whole number of tkr"):
        ku.allocate(Money("10"), weights, unit="tkr")
    with pytest.raises(ku.LookupError, match="method"):
        ku.allocate(Money("10"), weights, method="dhondt")
    with pytest.raises(ku.LookupError, match="unit"):
        ku.allocate(Money("10"), weights, unit="skr")


def test_allocate_refuses_floats():
    with pytest.raises(TypeError, match="float"):
        ku.allocate(Money("10"), {"0604": 1, "0617": 0.5})
    with pytest.raises(TypeError, match="float"):
        ku.allocate(Money("10"), pd.Series([1.0, 2.0], index=["0604", "0617"]))
    with pytest.raises(TypeError, match="float"):
        ku.allocate(Money("10"), {"0604": np.float32(1)})
    with pytest.raises(TypeError, match="float"):
        ku.allocate(0.5, {"0604": 1})
    with pytest.raises(TypeError):
        ku.allocate(5, {"0604": 1})  # an int total does not say its unit
    with pytest.raises(TypeError):
        ku.allocate(Money("10"), {"0604": True})
    with pytest.raises(TypeError):
        ku.allocate(Money("10"), {"0604": Fraction(1, 3)})


def test_allocate_against_the_cli(data_dir, run_cli):
    """ku.allocate and `ku allocate --json` give the same split, quota included."""
    keys = pd.read_csv(data_dir / "population_keys.csv", dtype={"code": str}).set_index("code")
    frame = ku.allocate(Money("1 583 550"), keys["key_b"])
    result = run_cli("allocate", "--total", "1 583 550", "--weights", data_dir / "population_keys.csv",
                     "--column", "key_b", "--json")
    for attr in ("method", "unit", "basis"):
        assert result[attr] == frame.attrs[attr]
    for attr in ("total", "sum", "residual"):
        assert Money(result[attr]) == frame.attrs[attr]
    assert [p["code"] for p in result["parts"]] == list(frame.index)
    for part in result["parts"]:
        row = frame.loc[part["code"]]
        assert part["name"] == row["name"]
        assert Decimal(part["weight"]) == row["weight"]
        assert Money(part["amount"]) == row["amount"]
        assert Money(part["adjustment"]) == row["adjustment"]
        # The CLI truncates the quota to six decimals.
        q = row["quota"]
        assert Fraction(Decimal(part["quota"])) == Fraction(_floor(q * 10**6), 10**6)
