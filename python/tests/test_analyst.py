"""Python that analysts can use (issue #15, part 4): money columns of the "ku.money" dtype,
totals that are not data rows, files with numbers (ku.to_excel, ku.to_csv), allocate_many taking
what allocate takes, and one family of short errors.

No float comes near money: amounts are compared as Money, int öre or Decimal. A number read back
from a workbook is a float only because openpyxl reads it so; it is turned into the Decimal of
its shortest repr, which is the exact decimal written (fewer than 16 significant digits).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ku
from ku import Money

ORE_MAX = 2**63 - 1


@pytest.fixture(scope="module")
def proposal_2025(proposal_spec):
    return ku.proposal(proposal_spec)


@pytest.fixture(scope="module")
def allocation(data_dir):
    keys = pd.read_csv(data_dir / "population_keys.csv", dtype={"code": str}).set_index("code")
    return ku.allocate(Money("9 000 000 kr"), keys["key_a"])


# ------------------------------------------------------------------ the ku.money dtype

def test_money_columns_are_the_ku_money_dtype(proposal_2025, allocation):
    assert str(allocation["amount"].dtype) == "ku.money"
    assert str(allocation["adjustment"].dtype) == "ku.money"
    assert isinstance(allocation["amount"].array, ku.MoneyArray)
    assert all(str(proposal_2025[fee].dtype) == "ku.money" for fee in proposal_2025.columns if fee != "name")
    assert pd.api.types.pandas_dtype("ku.money") == ku.MoneyDtype()
    # A blank is pd.NA; a cell is a Money.
    assert proposal_2025.loc["0642", "Miljösamverkan"] is pd.NA
    assert isinstance(proposal_2025.loc["0683", "Summa"], Money)


def test_the_totals_are_not_a_data_row(proposal_2025, data_dir):
    p = proposal_2025
    assert "Summa" not in p.index
    # The rough edge: proposal["Barnahus"].sum() was twice the total.
    assert p["Barnahus"].sum() == Money("3 168 492 kr") == p.attrs["totals"]["Barnahus"]
    for column in p.columns.drop("name"):
        assert p[column].sum() == p.attrs["totals"][column], column
        assert isinstance(p[column].sum(), Money)
    assert p.sum(numeric_only=True)["Summa"] == Money("27 902 191 kr")
    delta = ku.scenario(data_dir / "scenarios" / "ledning_1730.toml", data_dir / "scenarios" / "ledning_3500.toml")
    assert "Summa" not in delta.index
    assert delta["Grundfinansiering ledning och stab"].sum() == Money("1 770 tkr") == delta.attrs["totals"]["Summa"]


def test_mean_is_refused_with_a_ku_error_that_says_what_to_do(allocation):
    for reduction in ("mean", "median", "std", "var", "prod"):
        with pytest.raises(ku.InputError) as caught:
            getattr(allocation["amount"], reduction)()
        assert "astype(float)" in str(caught.value) and "sum() / len" in str(caught.value)
    # Floats only when asked, for a plot.
    floats = allocation["amount"].astype(float)
    assert floats.dtype == np.float64
    assert floats.mean() > 0
    assert allocation["amount"].to_numpy(dtype=float).dtype == np.float64
    # The exact mean is a Fraction of kronor.
    assert Fraction(allocation["amount"].sum()) / len(allocation) == Fraction(9_000_000, 13)


def test_arithmetic_and_comparisons_are_exact_and_money_only(allocation):
    amount, adjustment = allocation["amount"], allocation["adjustment"]
    floor = amount - adjustment
    assert str(floor.dtype) == "ku.money"
    assert floor.sum() == Money("8 999 993 kr")
    assert (floor + adjustment).equals(amount)
    assert (amount * 2).sum() == Money("18 000 000 kr")
    assert (amount + Money.kr(1)).sum() == Money("9 000 013 kr")
    assert (amount > Money("500 000 kr")).sum() == 5
    assert amount.max() == Money("3 562 623 kr") and amount.min() == Money("166 730 kr")
    assert amount.sort_values().index[0] == "0604"
    assert (-amount).sum() == -amount.sum()
    with pytest.raises(ku.InputError, match="rounding"):
        amount * 0.5
    with pytest.raises(ku.InputError):
        amount + 1
    with pytest.raises(ku.InputError, match="rounding"):
        amount / 3
    with pytest.raises(ku.InputError, match="compares only with"):
        amount < 1
    assert not (amount == 166730).any()
    assert (amount != Decimal("166730")).all()
    with pytest.raises(ku.OverflowError):
        pd.Series(ku.MoneyArray.from_ore([ORE_MAX, 1])).sum()
    with pytest.raises(ku.OverflowError):
        pd.Series(ku.MoneyArray.from_ore([ORE_MAX])) + Money.ore(1)


def test_pandas_operations_keep_the_dtype(proposal_2025):
    p = proposal_2025
    both = pd.concat([p, p])
    assert str(both["Barnahus"].dtype) == "ku.money"
    assert both["Barnahus"].sum() == p["Barnahus"].sum() * 2
    assert p.loc[["0604", "0680"], "Barnahus"].tolist() == [Money("58 698"), Money("1 254 238")]
    assert p["Miljösamverkan"].isna().sum() == 1
    assert p["Miljösamverkan"].fillna(Money.kr(0)).sum() == p["Miljösamverkan"].sum()
    groups = p.assign(big=p["Summa"] > Money("2 000 000")).groupby("big")["Summa"].sum()
    assert groups.sum() == p.attrs["totals"]["Summa"]
    assert p["Barnahus"].astype(object).map(type).eq(Money).all()
    assert list(p["Barnahus"].unique())[:2] == [Money("58 698"), Money("79 863")]
    written = p.copy()
    written.loc["0604", "Barnahus"] = Money("1")
    assert written.loc["0604", "Barnahus"] == Money("1") and p.loc["0604", "Barnahus"] == Money("58 698")
    with pytest.raises(ku.InputError, match="unit"):
        written.loc["0604", "Barnahus"] = 1


@given(st.lists(st.one_of(st.none(), st.integers(-10**15, 10**15)), max_size=60))
def test_the_sum_of_a_money_column_is_the_exact_sum_of_its_money(ore):
    values = [None if o is None else Money.ore(o) for o in ore]
    column = pd.Series(values, dtype="ku.money")
    exact = sum((o for o in ore if o is not None), 0)
    assert column.sum() == Money.ore(exact)
    assert column.sum().in_ore == exact
    assert column.count() == sum(o is not None for o in ore)
    assert column.tolist() == [pd.NA if v is None else v for v in values]


@given(st.lists(st.integers(-10**12, 10**12), min_size=1, max_size=30),
       st.lists(st.integers(-10**12, 10**12), min_size=1, max_size=30))
def test_column_arithmetic_is_exact(a, b):
    n = min(len(a), len(b))
    left = pd.Series(ku.MoneyArray.from_ore(a[:n]))
    right = pd.Series(ku.MoneyArray.from_ore(b[:n]))
    assert (left + right).array.ore.tolist() == [x + y for x, y in zip(a, b)]
    assert (left - right).array.ore.tolist() == [x - y for x, y in zip(a, b)]
    assert (left < right).tolist() == [x < y for x, y in zip(a, b)]


# ------------------------------------------------------------------ Money compares only with Money

def test_money_compares_only_with_money():
    assert (Money.kr(1) == 1) is False
    assert (Money.kr(1) != 1) is True
    assert (1 == Money.kr(1)) is False
    assert (Money.kr(1) == Decimal(1)) is False and (Decimal(1) == Money.kr(1)) is False
    assert (Money.kr(1) == np.int64(1)) is False
    assert Money.kr(1) == Money("1,00")
    assert Money.kr(0) != 0
    with pytest.raises(ku.InputError, match="compares only with Money"):
        Money.kr(1) < 2
    with pytest.raises(ku.InputError):
        Money.kr(1) >= Decimal(1)
    assert Money.kr(1) < Money.kr(2)
    assert hash(Money.kr(1)) == hash(Money("1"))
    assert len({Money.kr(1), Money("1,00")}) == 1
    assert sum([Money.kr(1), Money.kr(2)]) == Money.kr(3)  # sum() still starts from 0


# ------------------------------------------------------------------ one family of short errors

def test_a_file_that_cannot_be_opened_is_a_file_error(tmp_path, data_dir):
    missing = tmp_path / "nope.csv"
    for action in (lambda: ku.audit_balance(missing), lambda: ku.shares(missing),
                   lambda: ku.proposal(tmp_path / "nope.toml"), lambda: ku.report(tmp_path / "nope.toml"),
                   lambda: ku.audit_balance(data_dir / "bokslut_2023.csv", previous=missing)):
        with pytest.raises(ku.FileError) as caught:
            action()
        error = caught.value
        assert isinstance(error, ku.Error) and isinstance(error, OSError)
        assert str(error).startswith("cannot open ") and "nope" in str(error)
        assert "No such file or directory" in str(error)
    with pytest.raises(ku.FileError) as caught:
        ku.audit_balance("nope.csv")
    assert str(caught.value) == "cannot open nope.csv: No such file or directory"
    assert caught.value.errno == 2 and caught.value.filename == "nope.csv"
    with pytest.raises(ku.FileError, match="Is a directory|folder"):
        ku.audit_balance(tmp_path)


@pytest.mark.parametrize("decimals", [1.0, True, "1", None, Decimal(1)])
def test_a_wrong_argument_type_is_a_short_input_error(decimals, test_data_dir):
    path = test_data_dir / "shares" / "funding_2023.csv"
    with pytest.raises(ku.InputError) as caught:
        ku.shares(path, decimals=decimals)
    message = str(caught.value)
    assert message.startswith("decimals is an int")
    assert len(message) < 120 and "\n" not in message
    assert "incompatible" not in message and "omrade" not in message  # no signature, no CSV echoed
    assert isinstance(caught.value, ku.Error) and isinstance(caught.value, TypeError)


def test_every_wrong_type_the_core_meets_is_a_short_input_error(test_data_dir, data_dir):
    funding = test_data_dir / "shares" / "funding_2023.csv"
    for action in (lambda: ku.shares(funding, unit=5), lambda: ku.shares(funding, separator=1),
                   lambda: ku.indicators(test_data_dir / "indicators" / "ansokningar.csv", decimals=1.5),
                   lambda: ku.report(data_dir / "bokslut_2023.toml", decimals=True),
                   lambda: ku.allocate(Money("1"), {"0604": 1}, method=None),
                   lambda: ku.audit_balance(42), lambda: ku.allocate(1.5, {"0604": 1})):
        with pytest.raises(ku.InputError) as caught:
            action()
        assert "incompatible function arguments" not in str(caught.value)
        assert len(str(caught.value)) < 200


# ------------------------------------------------------------------ allocate_many takes what allocate takes

def test_allocate_many_takes_what_allocate_takes(data_dir):
    keys = pd.read_csv(data_dir / "population_keys.csv", dtype={"code": str}).set_index("code")
    totals = [Money("9 000 000 kr"), Decimal("1583550"), "100 tkr"]
    weights = [keys["key_a"], {"0604": Decimal("1.5"), "0617": "1", "0642": 1}, keys["key_b"].to_dict()]
    many = ku.allocate_many(totals, weights)
    assert list(many.index) == [0, 1, 2]
    assert all(str(dtype) == "ku.money" for dtype in many.dtypes)
    for i, (total, w) in enumerate(zip(totals, weights)):
        one = ku.allocate(total, w)
        row = many.iloc[i]
        assert [row[code] for code in one.index] == one["amount"].tolist(), i
        assert row.drop(one.index).isna().all()  # left out of that allocation
        assert many.iloc[i].sum() == one.attrs["sum"]
    # A DataFrame of Decimal weights, and an array with its codes.
    frame = pd.DataFrame([[Decimal("0.5"), Decimal("0.25")], [1, 3]], columns=["0604", "0617"], dtype=object)
    assert ku.allocate_many([Money("30"), Money("40")], frame).to_numpy().tolist() == \
        [[Money("20"), Money("10")], [Money("10"), Money("30")]]
    assert ku.allocate_many(pd.Series([Money("30")], dtype="ku.money"), np.array([["2", "1"]]),
                            codes=["0604", "0617"]).iloc[0].tolist() == [Money("20"), Money("10")]
    with pytest.raises(ku.InputError, match="float"):
        ku.allocate_many([Money("1")], [{"0604": 0.5}])


# ------------------------------------------------------------------ files with numbers

def _every_result(data_dir: Path, test_data_dir: Path) -> dict[str, object]:
    """Every DataFrame the package returns, by name (a dict or tuple of frames as it comes)."""
    keys = pd.read_csv(data_dir / "population_keys.csv", dtype={"code": str}).set_index("code")
    bokslut = pd.read_csv(data_dir / "bokslut_2023.csv", dtype=str, keep_default_na=False)
    bokslut.loc[bokslut.omrade == "Digitalisering", "disponibla_medel"] = ""
    flows = pd.DataFrame({"omrade": ["A", "B"], "ingaende_balans": [Money("10"), None],
                          "erhallna_medel": [Money("5"), Money("3")], "utfall_forbrukning": [Money("2"), Money("1")],
                          "utbetalt_till_kommuner": [None, Money("1")], "overforda_medel": [Money("1"), None]})
    return {
        "kommuner": ku.kommuner(),
        "allocate": ku.allocate(Money("9 000 000 kr"), keys["key_a"]),
        "allocate_many": ku.allocate_many([Money("100"), Money("-7,50")],
                                          [{"0604": 1, "0617": 2}, {"0604": 1, "0680": 1}], unit="ore"),
        "proposal": ku.proposal(data_dir / "proposal_2025.toml"),
        "compare_proposal": ku.compare_proposal(data_dir / "proposal_2025.toml",
                                                data_dir / "financing_proposal_2025.csv"),
        "scenario": ku.scenario(data_dir / "scenarios" / "ledning_1730.toml",
                                data_dir / "scenarios" / "ledning_3500.toml"),
        "audit_balance": ku.audit_balance(bokslut),
        "roll_forward": ku.roll_forward(flows),
        "shares": ku.shares(test_data_dir / "shares" / "funding_2023.csv", decimals=1),
        "audit_shares": ku.audit_shares(test_data_dir / "shares" / "andelar_2023_fel.csv",
                                        balance=test_data_dir / "ledger" / "bokslut_2023_ledning_net_summa.csv"),
        "prices": ku.prices(test_data_dir / "prices" / "exempelindex.csv", from_year=2016, budget=2026, plan_years=2,
                            table=test_data_dir / "prices" / "avgifter_2016.csv", index_name="KPI"),
        "overhead": ku.overhead("3 500 000", "10 000 000", "15 %", data_dir / "population_keys.csv", "key_a",
                                new_rate="20 %"),
        "staffing": ku.staffing(test_data_dir / "staffing" / "arsarbetare.csv"),
        "indicators": ku.indicators(test_data_dir / "indicators" / "ansokningar.csv", decimals=1),
        "audit_fees": ku.audit_fees(test_data_dir / "fees" / "moved_krona.csv", keys=data_dir / "population_keys.csv"),
        "audit_fees keys": ku.audit_fees(test_data_dir / "fees" / "moved_krona.csv",
                                         keys=data_dir / "population_keys.csv").attrs["keys"],
        "audit_staffing": ku.audit_staffing(test_data_dir / "staffing" / "tertialer_fel.csv"),
        "audit_indicators": ku.audit_indicators(test_data_dir / "indicators" / "indikatorer_fel.csv"),
        "management": ku.management("1 730 000", test_data_dir / "shares" / "funding_2023.csv"),
        "report": ku.report(data_dir / "bokslut_2023.toml"),
    }


def _read_back(value: object) -> object:
    """A workbook cell as an exact value: a number's Decimal (of its shortest repr), text as is."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    assert isinstance(value, (int, float)), type(value)
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


def _expected(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, Money):
        return Decimal(value.in_ore).scaleb(-2)
    if isinstance(value, (Decimal, int, np.integer)) and not isinstance(value, bool):
        return Decimal(int(value)) if isinstance(value, (int, np.integer)) else value
    if isinstance(value, Fraction):
        return value
    return str(value)


def _same(got: object, want: object) -> bool:
    if isinstance(want, Fraction):  # written as a decimal, exact or to 10 places; read back as a double
        return isinstance(got, Decimal) and abs(Fraction(got) - want) <= Fraction(1, 10**9) * max(1, abs(want))
    if isinstance(want, Decimal):
        return isinstance(got, Decimal) and got == want  # exact: the Decimal of the written text
    return got == want


def _check_sheet(sheet, frame: pd.DataFrame) -> None:
    rows = list(sheet.iter_rows(values_only=True))
    with_index = not (isinstance(frame.index, pd.RangeIndex) and frame.index.name is None)
    offset = 1 if with_index else 0
    assert list(rows[0])[offset:] == [str(c) for c in frame.columns]
    totals = frame.attrs.get("totals")
    assert len(rows) == 1 + len(frame) + (1 if totals else 0)
    for r in range(len(frame)):
        for c, column in enumerate(frame.columns):
            got, want = _read_back(rows[1 + r][offset + c]), _expected(frame.iloc[r, c])
            assert _same(got, want), (sheet.title, r, column, got, want)
            if isinstance(frame.iloc[r, c], Money):
                assert sheet.cell(2 + r, 1 + offset + c).number_format == "#,##0.00"
    if totals:
        last = rows[-1]
        assert last[0] == "Summa"
        for c, column in enumerate(frame.columns):
            if column in totals:
                assert _same(_read_back(last[offset + c]), _expected(totals[column])), (sheet.title, column)


def test_to_excel_of_every_result_reads_back_as_exact_numbers(tmp_path, data_dir, test_data_dir):
    for name, result in _every_result(data_dir, test_data_dir).items():
        path = tmp_path / f"{name}.xlsx"
        ku.to_excel(result, path)
        book = openpyxl.load_workbook(path)
        if isinstance(result, pd.DataFrame):
            frames = [result]
        elif isinstance(result, dict):
            frames = list(result.values())
            assert book.sheetnames == list(result)
        else:
            frames = list(result)
        assert len(book.worksheets) == len(frames), name
        for sheet, frame in zip(book.worksheets, frames):
            assert len(frame), (name, "an empty result proves nothing")
            _check_sheet(sheet, frame)


def test_to_excel_writes_the_amounts_of_the_rough_edge_as_numbers(tmp_path, allocation, proposal_2025):
    ku.to_excel({"Fördelning": allocation, "Förslag": proposal_2025}, tmp_path / "ku.xlsx")
    book = openpyxl.load_workbook(tmp_path / "ku.xlsx")
    sheet = book["Fördelning"]
    header = [c.value for c in sheet[1]]
    assert header == ["code", "name", "weight", "quota", "amount", "adjustment"]
    aneby = [c.value for c in sheet[2]]
    assert aneby[0] == "0604" and aneby[4] == 166730 and isinstance(aneby[4], (int, float))
    assert isinstance(aneby[3], float)  # the quota 20526000000/123109 kr as a number, not text
    assert abs(Fraction(repr(aneby[3])) - Fraction(20526000000, 123109)) < Fraction(1, 10**9)
    summa = [c.value for c in book["Förslag"][book["Förslag"].max_row]]
    assert summa[0] == "Summa" and Decimal(summa[-1]) == Decimal(27902191)


def test_to_csv_writes_swedish_numbers(allocation, proposal_2025, tmp_path):
    text = ku.to_csv(allocation)
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["code", "name", "weight", "quota", "amount", "adjustment"]
    assert rows[1][0] == "0604" and rows[1][4] == "166730,00" and rows[1][5] == "0,00"
    assert rows[1][3] == "166730,2959166267"  # 20526000000/123109 to 10 decimals, not '…/123109'
    assert rows[-1][0] == "Summa" and rows[-1][4] == "9000000,00"
    # Every amount reads back exactly, by the package's own parser.
    assert [Money(r[4]) for r in rows[1:-1]] == allocation["amount"].tolist()
    ku.to_csv(proposal_2025, tmp_path / "p.csv", totals=False)
    back = pd.read_csv(tmp_path / "p.csv", sep=";", decimal=",", dtype={"code": str})
    assert back["Barnahus"].dtype == np.float64  # a number to a spreadsheet, not text
    assert [Money(t) for t in (tmp_path / "p.csv").read_text(encoding="utf-8").splitlines()[1].split(";")[3:5]] == \
        [proposal_2025.iloc[0, 2], proposal_2025.iloc[0, 3]]
    assert back["Miljösamverkan"].isna().sum() == 1  # the blank stays blank
    plain = ku.to_csv(allocation, sep=",", decimal=".", totals=False)
    assert plain.splitlines()[1].split(",")[4] == "166730.00"
