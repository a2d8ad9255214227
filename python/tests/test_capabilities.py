"""Price levels, overhead, staffing and indicators from Python: the same tables as the ``ku prices`` and
``ku overhead`` commands, amounts as Money, and a DataFrame whose sum() is the sum of its rows."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

import ku


def test_a_million_at_2016_prices_is_1_289_283_kr_at_2025_prices(test_data_dir):
    frame = ku.prices(test_data_dir / "prices" / "exempelindex.csv", from_year=2016, to=2025, amount="1 000 000")
    assert list(frame.columns) == ["post", "belopp_2016", "belopp_2025"]
    # 1 000 000 × 400 / 310,25 = 1 289 282,84 kr, rounded half-up to whole kronor.
    assert frame.loc[0, "belopp_2025"] == ku.Money.kr(1_289_283)
    assert isinstance(frame.loc[0, "belopp_2025"], ku.Money)


def test_a_table_converted_to_a_budget_plan_keeps_blank_cells_blank(test_data_dir):
    table = pd.DataFrame({"Post": ["Social välfärd", "Utbildning"],
                          "Grund": [ku.Money.kr(1_583_550), ku.Money.kr(42_000)],
                          "Projekt": [ku.Money.kr(250_000), None]})
    frame = ku.prices(test_data_dir / "prices" / "exempelindex.csv", from_year=2016, budget=2026, plan_years=2,
                      table=table, index_name="KPI")
    assert list(frame.columns) == ["Post", "Grund_2016", "Grund_2026", "Grund_2027", "Grund_2028",
                                   "Projekt_2016", "Projekt_2026", "Projekt_2027", "Projekt_2028"]
    assert frame.loc[0, "Grund_2026"] == ku.Money.kr(2_082_477)  # 1 583 550 × 408 / 310,25 = 2 082 476,52
    assert frame.loc[1, "Projekt_2028"] is pd.NA  # a blank amount of the ku.money dtype


def test_prices_match_the_cli_cell_for_cell(test_data_dir, run_cli):
    index = test_data_dir / "prices" / "exempelindex.csv"
    table = test_data_dir / "prices" / "avgifter_2016.csv"
    frame = ku.prices(index, from_year=2016, budget=2026, plan_years=2, table=table, index_name="KPI")
    document = run_cli("prices", "--index", index, "--index-name", "KPI", "--from", "2016", "--budget", "2026",
                       "--plan-years", "2", "--table", table, "--format", "json")
    sheet = document["sheets"][0]
    assert [c["key"] for c in sheet["columns"]] == list(frame.columns)
    for r, row in enumerate(sheet["rows"]):
        for c, cell in enumerate(row["cells"][1:], start=1):
            if cell is None:
                assert frame.iloc[r, c] is pd.NA
            else:
                assert frame.iloc[r, c] == ku.Money(cell)


def test_prices_refuse_a_year_the_index_lacks_and_an_ambiguous_request(test_data_dir):
    index = test_data_dir / "prices" / "exempelindex.csv"
    with pytest.raises(ku.LookupError, match="the index has no value for 2015"):
        ku.prices(index, from_year=2015, to=2025, amount="1")
    with pytest.raises(TypeError, match="to=YEAR or budget=YEAR"):
        ku.prices(index, from_year=2016, amount="1")
    with pytest.raises(TypeError, match="year"):
        ku.prices(index, from_year=2016.0, to=2025, amount="1")


def test_overhead_at_15_and_20_percent_sums_to_what_is_invoiced(data_dir):
    financing, kommuner = ku.overhead("3 500 000", "10 000 000", "15 %", data_dir / "population_keys.csv", "key_a",
                                      new_rate=Decimal("0.20"))
    rows = financing.set_index("post")
    # 15 % of 10 000 000 is 1 500 000; the rest of 3 500 000 is invoiced.
    assert rows.loc["from_surcharge", "at_rate"] == ku.Money.kr(1_500_000)
    assert rows.loc["invoiced", "at_rate"] == ku.Money.kr(2_000_000)
    assert rows.loc["invoiced", "at_new_rate"] == ku.Money.kr(1_500_000)
    assert len(kommuner) == 13  # no Summa row: sum() is the sum of the kommuner
    assert sum(kommuner["invoice_at_rate"], ku.Money.kr(0)) == ku.Money.kr(2_000_000)
    assert sum(kommuner["change"], ku.Money.kr(0)) == ku.Money.kr(-500_000)


def test_overhead_matches_the_cli(data_dir, run_cli):
    keys = data_dir / "population_keys.csv"
    _, kommuner = ku.overhead("3 500 000", "10 000 000", "15 %", keys, "key_a", new_rate="20 %")
    document = run_cli("overhead", "--administration", "3 500 000", "--grants", "10 000 000", "--rate", "15 %",
                       "--new-rate", "20 %", "--weights", keys, "--column", "key_a", "--format", "json")
    sheet = next(s for s in document["sheets"] if s["name"] == "Kommuner")
    keys_of = [c["key"] for c in sheet["columns"]]
    data = [row["cells"] for row in sheet["rows"] if row["role"] == "data"]
    assert len(data) == len(kommuner)
    column = keys_of.index("invoice_at_new_rate")
    for r, cells in enumerate(data):
        assert kommuner.loc[r, "invoice_at_new_rate"] == ku.Money(cells[column])


def test_overhead_refuses_a_bare_number_as_a_rate(data_dir):
    with pytest.raises(ku.ParseError, match="percent with its sign"):
        ku.overhead("3 500 000", "10 000 000", "15", data_dir / "population_keys.csv", "key_a")
    with pytest.raises(TypeError):
        ku.overhead("3 500 000", "10 000 000", 0.15, data_dir / "population_keys.csv", "key_a")


def test_staffing_counts_45_30_arsarbetare_25_50_of_them_financed_by_the_kommuner(test_data_dir):
    frame = ku.staffing(test_data_dir / "staffing" / "arsarbetare.csv")
    assert list(frame["anstallningsform"]) == ["tjänsteköp", "tillsvidare", "visstid"]
    assert sum(frame["kommunal"]) == Decimal("25.50")
    assert sum(frame["extern"]) == Decimal("19.80")
    assert sum(frame["summa"]) == Decimal("45.30")
    assert frame.set_index("anstallningsform").loc["visstid", "extern"] == Decimal("13.50")


def test_staffing_matches_the_cli_and_refuses_an_unknown_financing(test_data_dir, run_cli):
    path = test_data_dir / "staffing" / "arsarbetare.csv"
    document = run_cli("staffing", path, "--format", "json")
    rows = [row["cells"] for row in document["sheets"][0]["rows"] if row["role"] == "data"]
    frame = ku.staffing(path)
    for r, cells in enumerate(rows):
        assert [Decimal(c) for c in cells[1:]] == list(frame.iloc[r, 1:])
    with pytest.raises(ku.LookupError, match="unknown_financing.csv:3:finansiering"):
        ku.staffing(test_data_dir / "staffing" / "unknown_financing.csv")


def test_indicators_give_4_of_8_as_50_percent_and_10_after_8_applications_as_25_percent(test_data_dir):
    frame = ku.indicators(test_data_dir / "indicators" / "ansokningar.csv", decimals=2)
    rows = frame.set_index("period")
    assert rows.loc["2023", "andel_beviljade"] == Decimal("50.00")
    assert rows.loc["2023", "andel_beviljat_belopp"] == Decimal("31.25")  # 1 250 000 / 4 000 000 = 5/16
    assert rows.loc["2023", "forandring_ansokningar"] is None  # no previous period
    assert rows.loc["2024", "forandring_ansokningar"] == Decimal("25.00")
    assert rows.loc["2025", "andel_beviljade"] == Decimal("57.14")  # 4/7 = 57,142…
    assert rows.loc["2024", "beviljat_belopp"] == ku.Money.kr(1_300_000)


def test_indicators_match_the_cli_and_refuse_more_granted_than_applied(test_data_dir, run_cli):
    path = test_data_dir / "indicators" / "ansokningar.csv"
    document = run_cli("indicators", path, "--decimals", "1", "--rounding", "down", "--format", "json")
    sheet = document["sheets"][0]
    frame = ku.indicators(path, decimals=1, rounding="down")
    column = [c["key"] for c in sheet["columns"]].index("andel_beviljat_belopp")
    assert [Decimal(row["cells"][column]) for row in sheet["rows"]] == list(frame["andel_beviljat_belopp"])
    with pytest.raises(ku.DomainError, match="more_granted_than_applied.csv:3:beviljade: 4 granted of 3"):
        ku.indicators(test_data_dir / "indicators" / "more_granted_than_applied.csv")
