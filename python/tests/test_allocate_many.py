"""ku.allocate_many: many allocations in one call, the loop in C++."""

from __future__ import annotations

import time
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import ku
from ku import Money

CODES = ["0604", "0617", "0642", "0643", "0662", "0665", "0680", "0682", "0683", "0684", "0685", "0686", "0687"]
N = 10_000


@pytest.fixture(scope="module")
def batch():
    """10^4 random allocations among the 13 kommuner: int64 weights (zeros included) and totals in
    whole kronor, as int64 öre, negative ones included. Fixed seed: the same batch on every run."""
    rng = np.random.default_rng(20250101)
    weights = rng.integers(0, 200_000, size=(N, len(CODES)), dtype=np.int64)
    weights[rng.random(size=weights.shape) < 0.1] = 0  # some kommuner out of some allocations
    weights[weights.sum(axis=1) == 0, 0] = 1
    weights[:50] = rng.integers(0, 3, size=(50, len(CODES)), dtype=np.int64)  # many ties
    weights[:50, 0] += 1
    totals = rng.integers(-10**10, 10**10, size=N, dtype=np.int64) * 100
    totals[:10] = [0, 100, -100, 1300, -1300, 700, 9_000_000_00, -9_000_000_00, 100 * (2**40 + 1), 100]
    assert weights.dtype == np.int64 and totals.dtype == np.int64
    return totals, weights


@pytest.fixture(scope="module")
def batch_result(batch):
    totals, weights = batch
    start = time.perf_counter()
    result = ku.allocate_many(totals, weights, codes=CODES, as_ore=True)
    return result, time.perf_counter() - start


def test_every_row_sums_to_its_total(batch, batch_result):
    totals, _ = batch
    result, _ = batch_result
    assert isinstance(result, np.ndarray)
    assert result.dtype == np.int64
    assert result.shape == (N, len(CODES))
    assert (result.sum(axis=1) == totals).all()
    assert (result % 100 == 0).all()  # whole kronor


def test_one_call_is_fast(batch_result):
    _, seconds = batch_result
    assert seconds < 5, f"10^4 allocations took {seconds:.2f} s"


def test_equals_allocate_row_by_row_on_a_sample(batch, batch_result):
    totals, weights = batch
    result, _ = batch_result
    rng = np.random.default_rng(7)
    sample = sorted(set(range(60)) | set(rng.choice(N, size=140, replace=False).tolist()))
    for i in sample:
        row = {code: int(w) for code, w in zip(CODES, weights[i]) if w > 0}
        frame = ku.allocate(Money.ore(int(totals[i])), row)
        expected = [frame.loc[code, "amount"].in_ore if code in row else 0 for code in CODES]
        assert result[i].tolist() == expected, f"allocation {i}"


def test_zero_weights_get_nothing(batch, batch_result):
    _, weights = batch
    result, _ = batch_result
    assert (result[weights == 0] == 0).all()


@pytest.mark.parametrize("method", ["largest-remainder", "sainte-lague", "largest-absorbs", "round-each"])
def test_each_method_equals_allocate(batch, method):
    totals, weights = batch
    result = ku.allocate_many(totals[:100], weights[:100], codes=CODES, method=method, unit="ore", as_ore=True)
    for i in range(100):
        frame = ku.allocate(Money.ore(int(totals[i])), dict(zip(CODES, weights[i].tolist())), method=method,
                            unit="ore")
        assert result[i].tolist() == [m.in_ore for m in frame["amount"]], f"{method}, allocation {i}"


def test_dataframe_in_money_out():
    weights = pd.DataFrame([[1, 1, 1], [1, 2, 3]], columns=["0604", "0617", "0642"], index=["a", "b"])
    frame = ku.allocate_many([Money("10"), Money("-20")], weights)
    assert list(frame.columns) == ["0604", "0617", "0642"]
    assert list(frame.index) == ["a", "b"]
    assert all(isinstance(v, Money) for v in frame.to_numpy().ravel())
    assert frame.loc["a"].tolist() == [Money("4"), Money("3"), Money("3")]
    assert frame.loc["b"].tolist() == [Money("-3"), Money("-7"), Money("-10")]
    ore = ku.allocate_many(np.array([1000], dtype=np.int64), np.array([[1, 1, 1]]), codes=["0604", "0617", "0642"],
                           unit="ore", as_ore=True)
    assert ore.tolist() == [[334, 333, 333]]


def test_bad_input():
    codes = ["0604", "0617", "0642"]
    ones = np.ones((1, 3), dtype=np.int64)
    total = np.array([1000], dtype=np.int64)
    with pytest.raises(TypeError, match="float"):
        ku.allocate_many(total, np.array([[1.0, 1.0, 1.0]]), codes=codes)
    # Decimal and text weights are what allocate takes, so allocate_many takes them too (not
    # truncated: 1.5 : 1 : 1 splits 10 kr as 4,29 : 2,86 : 2,86 would, in whole kr).
    assert ku.allocate_many(total, np.array([[Decimal("1.5"), 1, 1]], dtype=object), codes=codes,
                            as_ore=True).tolist() == [[400, 300, 300]]
    assert ku.allocate_many(total, np.array([["1.5", "1", "1"]]), codes=codes, as_ore=True).tolist() == \
        [[400, 300, 300]]
    with pytest.raises(ku.InputError, match="bool"):
        ku.allocate_many(total, np.array([[True, 1, 1]], dtype=object), codes=codes)
    with pytest.raises(TypeError):
        ku.allocate_many(np.array([1000.0]), ones, codes=codes)
    with pytest.raises(TypeError):
        ku.allocate_many([0.5], ones, codes=codes)
    with pytest.raises(TypeError, match="codes"):
        ku.allocate_many(total, ones)
    with pytest.raises(ku.DomainError, match="negative"):
        ku.allocate_many(total, np.array([[-1, 1, 1]]), codes=codes)
    with pytest.raises(ku.DomainError, match="zero"):
        ku.allocate_many(total, np.zeros((1, 3), dtype=np.int64), codes=codes)
    with pytest.raises(ku.DomainError, match="whole number of kr"):
        ku.allocate_many(np.array([1050]), ones, codes=codes)
    with pytest.raises(ku.DomainError, match="shape"):
        ku.allocate_many(total, np.ones((1, 2), dtype=np.int64), codes=codes)
    with pytest.raises(ku.DomainError, match="twice"):
        ku.allocate_many(total, ones, codes=["0604", "0617", "0604"])
    with pytest.raises(ku.LookupError, match="0699"):
        ku.allocate_many(total, ones, codes=["0604", "0617", "0699"])
    with pytest.raises(ku.ParseError):
        ku.allocate_many(total, ones, codes=["0604", "0617", "642"])
    with pytest.raises(ku.OverflowError):
        ku.allocate_many(total, np.array([[2**63, 1, 1]], dtype=np.uint64), codes=codes)
    # Object arrays of whole numbers are fine.
    assert ku.allocate_many(total, np.array([[1, 1, 1]], dtype=object), codes=codes, as_ore=True).tolist() == \
        [[400, 300, 300]]
