"""A period's report and management financed from the areas, from Python: the same tables as
``ku report`` and ``ku management``, amounts as Money, frames whose sum() is the table's Summa."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

import ku


def _data_rows(sheet: dict) -> list[list]:
    return [row["cells"] for row in sheet["rows"] if row["role"] != "total"]


def test_the_2023_report_gives_the_published_summa_row_as_sums_of_its_rows(data_dir):
    sheets = ku.report(data_dir / "bokslut_2023.toml")
    assert list(sheets) == ["Balans", "Andelar", "Ledning och stab"]
    balance = sheets["Balans"]
    # No Summa row: each column's sum is the published Summa, the internal row counted once; the
    # amounts are the ku.money dtype, whose sum() skips the blanks and stays exact.
    assert str(balance["utfall_forbrukning"].dtype) == "ku.money"
    assert list(balance["rad_typ"]).count("intern") == 1
    zero = ku.Money.kr(0)
    assert balance["utfall_forbrukning"].sum() == ku.Money("51 627 tkr")
    assert balance["kvarvarande_medel"].sum() == ku.Money("134 150 tkr")
    assert balance["varav_statliga_medel"].sum() == ku.Money("124 862 tkr")
    shares = sheets["Andelar"].set_index("omrade")
    assert shares.loc["Social välfärd och hälso- och sjukvård", "staten"] == Decimal("74")
    management = sheets["Ledning och stab"]
    assert sum(management["andel"], zero) == ku.Money("1 730 tkr")


@pytest.mark.parametrize("arguments", [
    ("bokslut_2023.toml",),
    ("bokslut_2023.toml", "--unit", "kr", "--decimals", "1"),
])
def test_the_report_matches_the_cli_sheet_for_sheet_and_cell_for_cell(data_dir, run_cli, arguments):
    dataset, *options = arguments
    unit = options[1] if options else "tkr"
    decimals = int(options[3]) if options else 0
    document = run_cli("report", data_dir / dataset, *options, "--format", "json")
    sheets = ku.report(data_dir / dataset, unit=unit, decimals=decimals)
    assert list(sheets) == [s["name"] for s in document["sheets"]]
    for sheet in document["sheets"]:
        frame = sheets[sheet["name"]]
        in_frame = [c["key"] for c in sheet["columns"] if c["key"] in frame.columns]
        assert in_frame == list(frame.columns)
        rows = _data_rows(sheet)
        assert len(rows) == len(frame)
        for r, cells in enumerate(rows):
            for c, column in enumerate(sheet["columns"]):
                if column["key"] not in frame.columns:
                    continue
                value, cell = frame.loc[r, column["key"]], cells[c]
                if cell is None:
                    assert value is None or value is pd.NA  # a blank amount is pd.NA (ku.money)
                elif column["kind"] == "amount":
                    assert value == ku.Money(f"{cell} {column['unit']}")
                elif column["kind"] in ("number", "percent"):
                    assert value == Decimal(cell)
                else:
                    assert value == cell or column["key"] == "rad_typ"


def test_the_next_period_opens_with_last_periods_closing_through_the_reorganisation(data_dir, test_data_dir):
    sheets = ku.report(test_data_dir / "report" / "bokslut_2024.toml", previous=data_dir / "bokslut_2023.toml")
    balance = sheets["Balans"].set_index("omrade")
    # Kurs och konferens's -395 tkr is merged into Utbildning's 3 872 tkr.
    assert balance.loc["Utbildning", "ingaende_balans"] == ku.Money("3 477 tkr")
    assert balance["ingaende_balans"].sum() == ku.Money("134 150 tkr")


def test_report_refuses_bad_datasets_naming_file_line_and_value(data_dir, test_data_dir):
    with pytest.raises(ku.DomainError, match=r"state_above_remaining.toml:5:1: .*1 301 000 kr is above kvarvarande "
                                             r"medel 1 300 000 kr"):
        ku.report(test_data_dir / "report" / "state_above_remaining.toml")
    with pytest.raises(ku.LookupError, match=r"unknown_financing_area.toml:16:18: .*\"Skola\""):
        ku.report(test_data_dir / "report" / "unknown_financing_area.toml")
    with pytest.raises(ku.DomainError, match=r"opening_differs.toml:45:1: area \"Fritid\": ingående balans 900 000 kr"):
        ku.report(test_data_dir / "report" / "bokslut_2024_opening_differs.toml", previous=data_dir / "bokslut_2023.toml")
    with pytest.raises(ku.Error, match="cannot open .*no_such.toml"):
        ku.report(test_data_dir / "report" / "no_such.toml")
    with pytest.raises(TypeError, match="decimals"):
        ku.report(data_dir / "bokslut_2023.toml", decimals=True)


def test_management_splits_1_730_000_kr_by_outcome_and_matches_the_cli(test_data_dir, run_cli):
    path = test_data_dir / "shares" / "funding_2023.csv"
    frame = ku.management("1 730 000", path)
    assert list(frame.columns) == ["omrade", "underlag", "andel"]
    assert sum(frame["andel"], ku.Money.kr(0)) == ku.Money.kr(1_730_000)
    # 1 730 000 × 29 500 000 / 54 000 000 = 945 092,6 kr: the larger remainder gets the spare krona.
    assert frame.set_index("omrade").loc["Social välfärd och hälso- och sjukvård", "andel"] == ku.Money.kr(945_093)
    document = run_cli("management", "--cost", "1 730 000", path, "--format", "json")
    rows = _data_rows(document["sheets"][0])
    assert [ku.Money(cells[2]) for cells in rows] == list(frame["andel"])
    with pytest.raises(ku.DomainError, match="not a whole number of kr"):
        ku.management("1 730 000,50", path)

