"""Every capability gives the same table from Python as from the tool and from C++.

Each test calls one Python function with the inputs of a golden case and compares its DataFrame,
cell by cell, with the CSV the golden file records for ``ku … --format csv``. The golden tests
check the tool against the same files and tests/app/agreement_test.cpp checks the C++ tasks
against them, so the three agree. Values are compared exactly: Money with Money, Decimal and
Fraction with Fraction, text with text; no float is involved.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest

import ku

TOTAL_ROWS = ("Summa", "Totalt", "Differens")


def golden_rows(source_dir, case: str) -> list[dict[str, str]]:
    record = (source_dir / "tests" / "golden" / "expected" / f"{case}.txt").read_text(encoding="utf-8")
    stdout = record.split("--- stdout ---\n", 1)[1].split("--- stderr ---\n", 1)[0]
    return list(csv.DictReader(io.StringIO(stdout)))


def same(value, text: str, unit: str) -> bool:
    if text == "":
        return value is None or value is pd.NA or value == ""
    if isinstance(value, ku.Money):
        return value == ku.Money(f"{text} {unit}")
    if isinstance(value, (Decimal, Fraction, int)) and not isinstance(value, bool):
        return Fraction(value) == Fraction(text)
    return str(value) == text


def agree(frame: pd.DataFrame, rows: list[dict[str, str]], columns: dict[str, str], *, unit: str = "kr",
          index: str | None = None, totals: bool = False) -> None:
    """Each golden row (without its total rows unless `totals`) against the frame's row in the same
    place: golden column → frame column (`index` names the frame's index)."""
    if not totals:
        rows = [row for row in rows if not any(row.get(key) in TOTAL_ROWS for key in list(row)[:2])]
    assert len(rows) == len(frame), (len(rows), len(frame))
    for position, row in enumerate(rows):
        for golden_column, frame_column in columns.items():
            value = frame.index[position] if frame_column == index else frame.iloc[position][frame_column]
            assert same(value, row[golden_column], unit), (position, golden_column, value, row[golden_column])


def test_allocate_agrees_with_the_tool_and_cpp(source_dir, data_dir):
    keys = pd.read_csv(data_dir / "population_keys.csv", dtype={"code": str}).set_index("code")
    frame = ku.allocate(ku.Money("1 583 550"), keys["key_b"])
    agree(frame, golden_rows(source_dir, "allocate-digitalisering-csv"),
          {"code": "code", "kommun": "name", "weight": "weight", "amount": "amount", "adjustment": "adjustment"},
          index="code")


def test_proposal_comparison_and_scenario_agree_with_the_tool_and_cpp(source_dir, data_dir):
    frame = ku.proposal(data_dir / "proposal_2025.toml")
    rows = golden_rows(source_dir, "proposal-2025-csv")
    agree(frame, rows, {column: column for column in rows[0] if column not in ("code", "kommun")} | {"kommun": "name"})
    agree_totals(frame, rows)
    frame = ku.compare_proposal(data_dir / "proposal_2025.toml", data_dir / "financing_proposal_2025.csv")
    agree(frame, golden_rows(source_dir, "compare-2025-csv"),
          {"kind": "kind", "code": "code", "fee": "fee", "published": "published", "computed": "computed"})
    frame = ku.scenario(data_dir / "scenarios" / "ledning_1730.toml", data_dir / "scenarios" / "ledning_3500.toml")
    rows = golden_rows(source_dir, "scenario-ledning-csv")
    agree(frame, rows, {column: column for column in rows[0] if column not in ("code", "kommun")})
    agree_totals(frame, rows)


def agree_totals(frame: pd.DataFrame, rows: list[dict[str, str]]) -> None:
    """The golden Summa row against the frame's attrs["totals"] (the totals are not a data row)
    and against the sums of its columns."""
    (summa,) = [row for row in rows if any(row.get(key) == "Summa" for key in list(row)[:2])]
    totals = frame.attrs["totals"]
    for column, text in summa.items():
        if column in frame.columns and column != "name":
            assert same(totals[column], text, "kr"), column
            assert frame[column].sum() == totals[column], column


def test_the_audits_agree_with_the_tool_and_cpp(source_dir, data_dir, test_data_dir):
    frame = ku.audit_balance(test_data_dir / "ledger" / "bokslut_2024_carry_off_1000_tkr.csv",
                             previous=data_dir / "bokslut_2023.csv")
    agree(frame, golden_rows(source_dir, "audit-balance-carry-1000-csv"),
          {"kind": "kind", "area": "area", "column": "column", "expected_tkr": "expected", "found_tkr": "found",
           "difference_tkr": "difference", "classification": "classification", "note": "note"}, unit="tkr")
    frame = ku.audit_shares(test_data_dir / "shares" / "published_row_110.csv")
    agree(frame, golden_rows(source_dir, "audit-shares-row-110-csv"),
          {key: key for key in ("kind", "area", "column", "expected", "found", "difference", "note")})


def test_shares_and_management_agree_with_the_tool_and_cpp(source_dir, test_data_dir):
    funding = test_data_dir / "shares" / "funding_2023.csv"
    agree(ku.shares(funding), golden_rows(source_dir, "shares-2023-csv"),
          {key: key for key in ("omrade", "grupp", "andel_av_utfall", "kommunerna", "staten", "ovriga")}, totals=True)
    agree(ku.management("1 730 000", funding), golden_rows(source_dir, "management-csv"),
          {key: key for key in ("omrade", "underlag", "andel")})


def test_overhead_and_prices_agree_with_the_tool_and_cpp(source_dir, data_dir, test_data_dir):
    _, kommuner = ku.overhead("3 500 000", "10 000 000", "15 %", data_dir / "population_keys.csv", "key_a",
                              new_rate="20 %")
    rows = golden_rows(source_dir, "overhead-15-20-csv")
    agree(kommuner, rows, {column: column for column in rows[0]})
    frame = ku.prices(test_data_dir / "prices" / "exempelindex.csv", from_year=2016, budget=2026, plan_years=2,
                      table=test_data_dir / "prices" / "avgifter_2016.csv", index_name="KPI")
    rows = golden_rows(source_dir, "prices-plan-csv")
    agree(frame, rows, {column: column for column in rows[0]})


def test_staffing_and_indicators_agree_with_the_tool_and_cpp(source_dir, test_data_dir):
    rows = golden_rows(source_dir, "staffing-csv")
    agree(ku.staffing(test_data_dir / "staffing" / "arsarbetare.csv"), rows, {column: column for column in rows[0]})
    rows = golden_rows(source_dir, "indicators-csv")
    frame = ku.indicators(test_data_dir / "indicators" / "ansokningar.csv", decimals=1, rounding="down")
    agree(frame, rows, {column: column for column in rows[0]})


def test_a_periods_report_agrees_with_the_tool_and_cpp(source_dir, data_dir):
    rows = golden_rows(source_dir, "report-2023-csv")
    frame = ku.report(data_dir / "bokslut_2023.toml")["Balans"]
    agree(frame, rows, {column: column for column in rows[0]}, unit="tkr")


def test_the_fee_audit_agrees_with_the_tool_and_cpp(source_dir, data_dir, test_data_dir):
    frame = ku.audit_fees(test_data_dir / "fees" / "moved_krona.csv", keys=data_dir / "population_keys.csv")
    rows = golden_rows(source_dir, "audit-fees-moved-krona-csv")
    agree(frame, rows, {column: column for column in rows[0]})


def test_the_staffing_audit_agrees_with_the_tool_and_cpp(source_dir, test_data_dir):
    frame = ku.audit_staffing(test_data_dir / "staffing" / "tertialer_fel.csv")
    rows = golden_rows(source_dir, "audit-staffing-fel-csv")
    agree(frame, rows, {column: column for column in rows[0]}, totals=True)  # "Summa" names a column finding


def test_the_indicator_audit_agrees_with_the_tool_and_cpp(source_dir, test_data_dir):
    frame = ku.audit_indicators(test_data_dir / "indicators" / "indikatorer_fel.csv")
    rows = golden_rows(source_dir, "audit-indicators-fel-csv")
    agree(frame, rows, {column: column for column in rows[0]})


def test_the_share_audit_against_a_balance_table_agrees_with_the_tool_and_cpp(source_dir, test_data_dir):
    frame = ku.audit_shares(test_data_dir / "shares" / "andelar_2023_fel.csv",
                            balance=test_data_dir / "ledger" / "bokslut_2023_ledning_net_summa.csv")
    rows = golden_rows(source_dir, "audit-shares-balance-fel-csv")
    agree(frame, rows, {column: column for column in rows[0]})
