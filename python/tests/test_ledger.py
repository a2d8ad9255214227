"""The ledger: ku.audit_balance (the balance-table auditor, as the CLI's `ku audit balance`),
ku.reorganise and ku.roll_forward (carry-over that conserves every öre)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ku
from ku import Money

FIELDS = ["kind", "area", "column", "expected", "found", "difference", "classification", "note"]


def read_text_frame(path: Path) -> pd.DataFrame:
    """A CSV as a DataFrame of text cells: no float ever, blanks stay blank."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def bokslut_2023(data_dir) -> Path:
    return data_dir / "bokslut_2023.csv"


# ---------------------------------------------------------------- audit_balance


def test_the_2023_year_end_is_clean(bokslut_2023):
    findings = ku.audit_balance(bokslut_2023)
    assert isinstance(findings, pd.DataFrame)
    assert findings.empty
    assert list(findings.columns) == FIELDS
    assert ku.audit_balance(str(bokslut_2023)).empty
    assert ku.audit_balance(read_text_frame(bokslut_2023)).empty


def test_a_blank_derived_cell_is_one_missing_value(bokslut_2023):
    table = read_text_frame(bokslut_2023)
    table.loc[table["omrade"] == "Digitalisering", "disponibla_medel"] = ""
    findings = ku.audit_balance(table)
    assert len(findings) == 1
    f = findings.iloc[0]
    assert f["kind"] == "missing_value"
    assert f["area"] == "Digitalisering"
    assert f["column"] == "disponibla_medel"
    assert f["expected"] == Money("12582000.00")  # 12 582 tkr, in kronor
    assert isinstance(f["expected"], Money)
    assert f["found"] is pd.NA  # a blank amount of the ku.money dtype
    assert f["difference"] == Money("-12582000.00")
    assert f["classification"] == "fault"
    assert f["note"] == "cellen är tom"
    # None and pd.NA are blanks too.
    for blank in (None, pd.NA):
        table.loc[table["omrade"] == "Digitalisering", "disponibla_medel"] = blank
        again = ku.audit_balance(table)
        assert len(again) == 1 and again.iloc[0]["expected"] == Money("12 582 tkr")


def test_cells_may_be_money_decimal_int_or_nullable_int(bokslut_2023):
    table = read_text_frame(bokslut_2023)
    digitalisering = table["omrade"] == "Digitalisering"
    table.loc[digitalisering, "disponibla_medel"] = Money("12 582 000")  # kronor, with its unit, in a tkr table
    assert ku.audit_balance(table).empty
    table.loc[digitalisering, "disponibla_medel"] = Decimal("1.2582E+4")  # in the table's unit, tkr
    assert ku.audit_balance(table).empty
    table.loc[digitalisering, "disponibla_medel"] = 12582
    assert ku.audit_balance(table).empty
    table.loc[digitalisering, "disponibla_medel"] = Money("12 582 001")
    findings = ku.audit_balance(table)
    assert findings[["kind", "expected", "found", "difference"]].values.tolist() == [
        ["identity_broken", Money("12 582 000"), Money("12 582 001"), Money("1")],
        ["wrong_cell", Money("12 582 000"), Money("12 582 001"), Money("1")]]
    numbers = read_text_frame(bokslut_2023)
    for column in numbers.columns[1:]:
        numbers[column] = pd.array([None if v == "" else int(v) for v in numbers[column]], dtype="Int64")
    assert numbers["varav_statliga_medel"].isna().sum() == 5  # blanks are pd.NA
    assert ku.audit_balance(numbers).empty


def test_float_cells_are_refused(bokslut_2023):
    with pytest.raises(TypeError, match="float"):
        ku.audit_balance(pd.read_csv(bokslut_2023))  # pandas reads blanks as NaN in float columns


def test_in_kronor(bokslut_2023):
    assert ku.audit_balance(bokslut_2023, unit="kr").empty
    table = read_text_frame(bokslut_2023)
    table.loc[table["omrade"] == "Digitalisering", "disponibla_medel"] = ""
    assert ku.audit_balance(table, unit="kr").iloc[0]["expected"] == Money("12 582")


def test_previous_and_mapping_as_dataframes(bokslut_2023, test_data_dir):
    ledger = test_data_dir / "ledger"
    current = read_text_frame(ledger / "bokslut_2024_split.csv")
    previous = read_text_frame(bokslut_2023)
    for mapping_file in ("reorganisation_2024_split_shares.csv", "reorganisation_2024_split_amounts.csv"):
        mapping = read_text_frame(ledger / mapping_file)
        assert ku.audit_balance(current, previous=previous, mapping=mapping).empty, mapping_file
    # The split mapped by hand as (from, to, share) rows of Fractions and Money.
    shares = pd.DataFrame({"from": ["Social välfärd och hälso- och sjukvård"] * 3,
                           "to": ["Socialtjänst", "Hälso- och sjukvård", "Barn och unga"],
                           "share": [Fraction(1, 2), Fraction(3, 10), "0,2"]})
    assert ku.audit_balance(current, previous=previous, mapping=shares).empty
    # Without the mapping, the three new areas are new and the old one vanished.
    findings = ku.audit_balance(current, previous=previous)
    assert findings["kind"].tolist() == ["carry_over_difference"] * 4
    assert findings["area"].tolist() == ["Socialtjänst", "Hälso- och sjukvård", "Barn och unga",
                                         "Social välfärd och hälso- och sjukvård"]
    assert findings["expected"].tolist() == [Money.kr(0)] * 3 + [Money("58 088 tkr")]
    assert findings["found"].tolist() == [Money("29 044 tkr"), Money("17 426 tkr"), Money("11 618 tkr"), pd.NA]
    assert (findings["classification"] == "fault").all()
    assert sum(findings["difference"], Money.kr(0)) == Money.kr(0)  # the money moved, none vanished


def test_carry_over_rounding(bokslut_2023, test_data_dir):
    one = ku.audit_balance(test_data_dir / "ledger" / "bokslut_2024_carry_off_1_tkr.csv", previous=bokslut_2023)
    assert one[["kind", "area", "difference", "classification"]].values.tolist() == [
        ["carry_over_difference", "Nära vård", Money("1 tkr"), "rounding"]]
    thousand = ku.audit_balance(test_data_dir / "ledger" / "bokslut_2024_carry_off_1000_tkr.csv",
                                previous=bokslut_2023)
    assert thousand["classification"].tolist() == ["fault"]
    assert thousand["difference"].abs().tolist() == [Money("1000 tkr")]


LEDGER_CASES = [
    ("data/bokslut_2023.csv", None, None),
    ("tests/data/ledger/bokslut_2023_blank_derived.csv", None, None),
    ("tests/data/ledger/bokslut_2023_ledning_gross_summa.csv", None, None),
    ("tests/data/ledger/bokslut_2023_ledning_net_summa.csv", None, None),
    ("tests/data/ledger/bokslut_2023_wrong_total.csv", None, None),
    ("tests/data/ledger/bokslut_2024.csv", "data/bokslut_2023.csv", None),
    ("tests/data/ledger/bokslut_2024_carry_off_1_tkr.csv", "data/bokslut_2023.csv", None),
    ("tests/data/ledger/bokslut_2024_carry_off_1000_tkr.csv", "data/bokslut_2023.csv", None),
    ("tests/data/ledger/bokslut_2024_split.csv", "data/bokslut_2023.csv", None),
    ("tests/data/ledger/bokslut_2024_split.csv", "data/bokslut_2023.csv",
     "tests/data/ledger/reorganisation_2024_split_shares.csv"),
    ("tests/data/ledger/bokslut_2024_split.csv", "data/bokslut_2023.csv",
     "tests/data/ledger/reorganisation_2024_split_amounts.csv"),
]


@pytest.mark.parametrize("table, previous, mapping", LEDGER_CASES)
def test_audit_balance_matches_the_cli(source_dir, run_cli, table, previous, mapping):
    """The same findings, field by field, as `ku audit balance --json`, from paths and from DataFrames."""
    args = [source_dir / table, "--json"]
    if previous:
        args += ["--previous", source_dir / previous]
    if mapping:
        args += ["--map", source_dir / mapping]
    expected = run_cli("audit", "balance", *args, ok_codes=(0, 1))["findings"]
    by_path = ku.audit_balance(source_dir / table, previous=source_dir / previous if previous else None,
                               mapping=source_dir / mapping if mapping else None)
    by_frame = ku.audit_balance(read_text_frame(source_dir / table),
                                previous=read_text_frame(source_dir / previous) if previous else None,
                                mapping=read_text_frame(source_dir / mapping) if mapping else None)
    for findings in (by_path, by_frame):
        assert list(findings.columns) == FIELDS
        assert len(findings) == len(expected)
        for (_, got), want in zip(findings.iterrows(), expected):
            assert list(want) == FIELDS
            for field in FIELDS:
                value = got[field]
                if field in ("expected", "found", "difference"):
                    assert (value is pd.NA) == (want[field] is None), field
                    if value is not pd.NA:
                        assert isinstance(value, Money)
                        assert value == Money(Decimal(want[field])), field
                else:
                    assert value == want[field], field


def test_audit_balance_errors(bokslut_2023, test_data_dir):
    ledger = test_data_dir / "ledger"
    with pytest.raises(ku.ParseError, match="35 OOO|unexpected"):
        ku.audit_balance(ledger / "bokslut_2023_bad_amount.csv")
    table = read_text_frame(bokslut_2023)
    table.loc[0, "erhallna_medel"] = "12x"
    with pytest.raises(ku.ParseError, match="12x"):
        ku.audit_balance(table)
    with pytest.raises(ku.LookupError, match="erhallna_medel"):
        ku.audit_balance(read_text_frame(bokslut_2023).drop(columns=["erhallna_medel"]))
    current = ledger / "bokslut_2024_split.csv"
    with pytest.raises(ku.DomainError, match="previous"):
        ku.audit_balance(current, mapping=ledger / "reorganisation_2024_split_shares.csv")
    with pytest.raises(ku.LookupError, match="Social välfärd"):
        ku.audit_balance(current, previous=bokslut_2023, mapping=ledger / "reorganisation_unknown_area.csv")
    with pytest.raises(ku.DomainError, match="9/10"):
        ku.audit_balance(current, previous=bokslut_2023, mapping=ledger / "reorganisation_shares_not_one.csv")
    with pytest.raises(ku.LookupError, match="unit"):
        ku.audit_balance(bokslut_2023, unit="skr")


def test_separator_and_encoding_apply_to_the_table_previous_and_mapping(bokslut_2023, test_data_dir, excel_export):
    ledger = test_data_dir / "ledger"
    table = excel_export(ledger / "bokslut_2024_split.csv")
    previous = excel_export(bokslut_2023)
    mapping = excel_export(ledger / "reorganisation_2024_split_shares.csv")
    assert b"Socialtj\xe4nst;29044;15000;" in table.read_bytes()
    assert ku.audit_balance(table, previous=previous, mapping=mapping, separator="semicolon",
                            encoding="windows-1252").empty
    unmapped = ku.audit_balance(table, previous=previous, separator=";", encoding="windows-1252")
    assert unmapped.values.tolist() == ku.audit_balance(ledger / "bokslut_2024_split.csv",
                                                        previous=bokslut_2023).values.tolist()
    assert unmapped["area"].tolist() == ["Socialtjänst", "Hälso- och sjukvård", "Barn och unga",
                                         "Social välfärd och hälso- och sjukvård"]
    # Each file is read with the options: as UTF-8 the first one reached fails, naming itself.
    current = read_text_frame(ledger / "bokslut_2024_split.csv")  # a DataFrame: the options do not apply
    with pytest.raises(ku.ParseError) as caught:
        ku.audit_balance(table, previous=previous, mapping=mapping, encoding="utf-8")
    assert str(caught.value) == f"{table}:2: the file is not valid UTF-8 (give the encoding, e.g. windows-1252)"
    with pytest.raises(ku.ParseError) as caught:
        ku.audit_balance(current, previous=previous, mapping=mapping, encoding="utf-8")
    assert str(caught.value) == f"{previous}:2: the file is not valid UTF-8 (give the encoding, e.g. windows-1252)"
    with pytest.raises(ku.ParseError) as caught:
        ku.audit_balance(current, previous=read_text_frame(bokslut_2023), mapping=mapping, encoding="utf-8")
    assert str(caught.value) == f"{mapping}:2: the file is not valid UTF-8 (give the encoding, e.g. windows-1252)"
    assert ku.audit_balance(current, previous=previous, mapping=mapping, separator="semicolon",
                            encoding="windows-1252").empty
    # Read with ',', the export's header is one column: the balance-table reader asks about the separator.
    with pytest.raises(ku.ParseError) as caught:
        ku.audit_balance(current, previous=previous, separator="comma")
    header = previous.read_bytes().decode("cp1252").splitlines()[0]
    assert ";" in header
    assert str(caught.value) == (f"{previous}:1: a balance table has the area names and then the balance columns "
                                 f'(the only column is "{header}": is the separator right?)')


# ---------------------------------------------------------------- reorganise


def test_reorganise_examples():
    balances = {"A": Money("100"), "B": Money("-7"), "C": Money("1")}
    assert ku.reorganise(balances, [("A", "X", Fraction(1, 3)), ("A", "Y", "2/3")]) == {
        "X": Money("33,33"), "Y": Money("66,67"), "B": Money("-7"), "C": Money("1")}
    assert ku.reorganise(balances, [("A", "X", Fraction(1, 3)), ("A", "Y", "2/3")], unit="kr") == {
        "X": Money("33"), "Y": Money("67"), "B": Money("-7"), "C": Money("1")}
    assert ku.reorganise(balances, [("A", "X", Money("30")), ("A", "Y", Money("70"))]) == {
        "X": Money("30"), "Y": Money("70"), "B": Money("-7"), "C": Money("1")}
    # A refund split by shares is the negation of the positive split.
    assert ku.reorganise(balances, [("B", "X", "1/2"), ("B", "Y", "1/2")], unit="kr") == {
        "A": Money("100"), "X": Money("-4"), "Y": Money("-3"), "C": Money("1")}
    # Merging into an area that keeps its own balance.
    assert ku.reorganise({"A": Money("1"), "B": Money("2")}, [("A", "B", "1")]) == {"B": Money("3")}
    frame = pd.DataFrame({"from": ["A", "A"], "to": ["X", "A"], "share": ["1/2", "0,5"]})
    assert ku.reorganise(balances, frame) == {"X": Money("50"), "A": Money("50"), "B": Money("-7"), "C": Money("1")}
    frame = pd.DataFrame({"from": ["A"], "to": ["Z"], "amount": [Money("100")]})
    assert ku.reorganise(balances, frame)["Z"] == Money("100")


def test_reorganise_errors():
    balances = {"A": Money("100"), "B": Money("-7")}
    with pytest.raises(ku.DomainError, match="90 kr"):
        ku.reorganise(balances, [("A", "X", Money("30")), ("A", "Y", Money("60"))])
    with pytest.raises(ku.DomainError, match="2/3"):
        ku.reorganise(balances, [("A", "X", Fraction(1, 3)), ("A", "Y", "1/3")])
    with pytest.raises(ku.LookupError, match="Q"):
        ku.reorganise(balances, [("Q", "X", "1")])
    with pytest.raises(ku.DomainError, match="negative"):
        ku.reorganise(balances, [("A", "X", "-1/2"), ("A", "Y", "3/2")])
    with pytest.raises(ku.DomainError, match="twice"):
        ku.reorganise(balances, [("A", "X", "1/2"), ("A", "X", "1/2")])
    with pytest.raises(ku.DomainError, match="closed"):
        ku.reorganise(balances, [("A", "", "1")])
    with pytest.raises(ku.DomainError, match="whole number of kr"):
        ku.reorganise({"A": Money("0,01")}, [("A", "X", "1/2"), ("A", "Y", "1/2")], unit="kr")
    with pytest.raises(ku.ParseError):
        ku.reorganise(balances, [("A", "X", "half")])
    with pytest.raises(TypeError, match="float"):
        ku.reorganise(balances, [("A", "X", 0.5), ("A", "Y", 0.5)])


def reference_split(balance_units: int, shares: dict[str, Fraction]) -> dict[str, int]:
    """Largest remainder of a balance by shares: equal remainders go to the larger share, then to
    the target name that sorts first; a negative balance is the negation of the positive split."""
    sign = -1 if balance_units < 0 else 1
    magnitude = abs(balance_units)
    quotas = {t: magnitude * s for t, s in shares.items()}
    parts = {t: q.numerator // q.denominator for t, q in quotas.items()}
    spare = magnitude - sum(parts.values())
    for t in sorted(shares, key=lambda t: (-(quotas[t] - parts[t]), -shares[t], t))[:spare]:
        parts[t] += 1
    return {t: sign * p for t, p in parts.items()}


AREAS = ["Ledning", "Social välfärd", "Nära vård", "Digitalisering", "Miljö", "Utbildning", "Fritid"]
TARGETS = ["T1", "T2", "T3", "T4", "T5"]


@st.composite
def share_splits(draw, targets):
    """1–5 distinct targets with positive Fraction shares that sum to exactly 1."""
    names = draw(st.lists(st.sampled_from(targets), min_size=1, max_size=5, unique=True))
    weights = [draw(st.integers(1, 12)) for _ in names]
    return {name: Fraction(w, sum(weights)) for name, w in zip(names, weights)}


@given(st.integers(-10**13, 10**13), share_splits(TARGETS), st.sampled_from(["ore", "kr", "tkr"]))
def test_a_split_by_shares_matches_the_reference(units, shares, unit):
    step = {"ore": 1, "kr": 100, "tkr": 100_000}[unit]
    result = ku.reorganise({"A": Money.ore(units * step)}, [("A", t, s) for t, s in shares.items()], unit=unit)
    expected = reference_split(units, shares)
    assert {t: m.in_ore for t, m in result.items()} == {t: u * step for t, u in expected.items()}


@given(st.dictionaries(st.sampled_from(AREAS), st.integers(-10**13, 10**13), min_size=1), st.data())
def test_reorganise_conserves_the_sum(balances_ore, data):
    """Whatever the mapping (splits by shares or amounts, merges, areas kept), not an öre is lost."""
    unit = data.draw(st.sampled_from(["ore", "kr"]))
    step = 1 if unit == "ore" else 100
    balances = {area: Money.ore(ore) for area, ore in balances_ore.items()}
    rules = []
    for area, ore in balances_ore.items():
        how = data.draw(st.sampled_from(["keep", "shares", "amounts"]))
        targets = TARGETS + [a for a in AREAS if a != area]
        if how == "shares" and ore % step == 0:
            rules += [(area, t, s) for t, s in data.draw(share_splits(targets)).items()]
        elif how == "amounts" and ore % step == 0:
            names = data.draw(st.lists(st.sampled_from(targets), min_size=1, max_size=4, unique=True))
            cuts = sorted(data.draw(st.lists(st.integers(-10**13, 10**13), min_size=len(names) - 1,
                                             max_size=len(names) - 1)))
            bounds = [0] + [c * step for c in cuts] + [ore]
            # Consecutive differences sum to the balance exactly.
            rules += [(area, t, Money.ore(bounds[i + 1] - bounds[i])) for i, t in enumerate(names)]
    result = ku.reorganise(balances, rules, unit=unit)
    assert sum(result.values(), Money.kr(0)) == sum(balances.values(), Money.kr(0))
    assert all(isinstance(m, Money) for m in result.values())


# ---------------------------------------------------------------- roll_forward

FLOWS = ["ingaende_balans", "erhallna_medel", "utfall_forbrukning", "utbetalt_till_kommuner", "overforda_medel"]


def test_roll_forward_example():
    table = pd.DataFrame({
        "omrade": ["A", "B"],
        "ingaende_balans": [Money("10"), None],
        "erhallna_medel": [Money("5"), Money("3")],
        "utfall_forbrukning": [Money("2"), Money("1")],
        "utbetalt_till_kommuner": [None, Money("1")],
        "overforda_medel": [Money("1"), None],
    })
    opening = ku.roll_forward(table)
    assert opening.index.name == "omrade"
    assert list(opening.columns) == ["ingaende_balans"]
    assert opening["ingaende_balans"].to_dict() == {"A": Money("12"), "B": Money("1")}
    split = ku.roll_forward(table, [("A", "C", "1/3"), ("A", "D", "2/3")], unit="kr")
    assert split["ingaende_balans"].to_dict() == {"C": Money("4"), "D": Money("8"), "B": Money("1")}
    assert ku.roll_forward(table.set_index("omrade"))["ingaende_balans"].to_dict() == {"A": Money("12"),
                                                                                      "B": Money("1")}


@given(st.lists(st.tuples(*[st.one_of(st.none(), st.integers(-10**12, 10**12)) for _ in FLOWS]),
                min_size=1, max_size=len(AREAS)),
       st.data())
def test_roll_forward_conserves_the_sum(rows, data):
    areas = AREAS[:len(rows)]
    table = pd.DataFrame({"omrade": areas})
    for j, column in enumerate(FLOWS):
        table[column] = [None if row[j] is None else Money.ore(row[j]) for row in rows]
    closing = {area: sum((row[0] or 0, row[1] or 0, -(row[2] or 0), -(row[3] or 0), -(row[4] or 0)))
               for area, row in zip(areas, rows)}
    opening = ku.roll_forward(table)
    assert {a: m.in_ore for a, m in opening["ingaende_balans"].items()} == closing
    # Split the first area by shares: the total is still every öre of the closing balances.
    shares = data.draw(share_splits(TARGETS))
    mapped = ku.roll_forward(table, [(areas[0], t, s) for t, s in shares.items()])
    assert sum(m.in_ore for m in mapped["ingaende_balans"]) == sum(closing.values())
    assert {t: mapped.loc[t, "ingaende_balans"].in_ore for t in shares} == reference_split(closing[areas[0]], shares)


def test_audit_balance_names_the_mistyped_cell_with_its_value(test_data_dir):
    findings = ku.audit_balance(test_data_dir / "ledger" / "bokslut_2023_mistyped_cell.csv")
    wrong = findings[findings["kind"] == "wrong_cell"]
    assert len(wrong) == 1
    cell = wrong.iloc[0]
    assert (cell["area"], cell["column"]) == ("Nära vård", "erhallna_medel")
    assert cell["expected"] == ku.Money("38 709 tkr")
    assert cell["found"] == ku.Money("38 790 tkr")
