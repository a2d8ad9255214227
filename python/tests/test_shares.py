"""ku.shares (financing shares in percents that sum to exactly 100) and ku.audit_shares (the
percent-table auditor), on small DataFrames and against the CLI."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ku
from ku import Money

SHARE_COLUMNS = ["omrade", "grupp", "rad_typ", "andel_av_utfall", "kommunerna", "staten", "ovriga", "utfall"]
PERCENTS = ["andel_av_utfall", "kommunerna", "staten", "ovriga"]
AUDIT_FIELDS = ["kind", "area", "column", "expected", "found", "difference", "classification", "note"]


def funding(rows):
    return pd.DataFrame(rows, columns=["omrade", "utfall", "kommunerna", "staten", "ovriga"])


def test_shares_of_two_areas():
    table = funding([["Barnahus", Money("900"), Money("900"), None, None],
                     ["Nära vård", Money("100"), None, Money("100"), None]])
    s = ku.shares(table)
    assert list(s.columns) == SHARE_COLUMNS
    assert s["omrade"].tolist() == ["Barnahus", "Nära vård", "Summa"]
    assert s["rad_typ"].tolist() == ["omrade", "omrade", "summa"]
    assert s[PERCENTS].values.tolist() == [
        [Decimal(90), Decimal(100), Decimal(0), Decimal(0)],
        [Decimal(10), Decimal(0), Decimal(100), Decimal(0)],
        [Decimal(100), Decimal(90), Decimal(10), Decimal(0)],
    ]
    assert s["utfall"].tolist() == [Money("900"), Money("100"), Money("1000")]
    assert all(isinstance(v, Decimal) for c in PERCENTS for v in s[c])
    two = ku.shares(table, decimals=2)
    assert two.loc[2, "kommunerna"] == Decimal("90.00")


def test_thirds_round_to_exactly_100():
    table = funding([[name, "1", "1", "1", "1"] for name in ("A", "B", "C")])
    s = ku.shares(table)
    for _, row in s.iterrows():
        assert row["kommunerna"] + row["staten"] + row["ovriga"] == 100
    assert sum(s.loc[s["rad_typ"] == "omrade", "andel_av_utfall"]) == 100
    assert s.loc[0, ["kommunerna", "staten", "ovriga"]].tolist() == [34, 33, 33]  # the tie to the first source
    one_decimal = ku.shares(table, decimals=1)
    assert one_decimal.loc[0, ["kommunerna", "staten", "ovriga"]].tolist() == [Decimal("33.4"), Decimal("33.3"),
                                                                                Decimal("33.3")]


def test_groups_are_weighted(test_data_dir):
    s = ku.shares(test_data_dir / "shares" / "funding_2023.csv")
    group = s[s["rad_typ"] == "grupp"].iloc[0]
    assert group["omrade"] == "projektverksamhet"
    assert group["utfall"] == Money("14 000 000")
    assert s.loc[s["omrade"] == "Nära vård", "grupp"].item() == "projektverksamhet"
    summa = s[s["rad_typ"] == "summa"].iloc[0]
    assert summa["utfall"] == Money("54 000 000")
    assert [summa[c] for c in PERCENTS] == [100, 42, 43, 15]


def test_a_swedish_windows_1252_export_is_read_like_its_utf8_original(test_data_dir, tmp_path):
    """A file goes to the library's CSV reader as bytes: ';' and the decimal comma detected,
    Windows-1252 converted, so Förstärkt samverkan keeps its ö and ä."""
    original = ku.shares(test_data_dir / "shares" / "funding_2023.csv")
    lines = (test_data_dir / "shares" / "funding_2023.csv").read_text(encoding="utf-8").splitlines()
    export = tmp_path / "finansiering_2023.csv"
    export.write_bytes(("\r\n".join(line.replace(",", ";") for line in lines) + "\r\n").encode("cp1252"))
    assert b"F\xf6rst\xe4rkt samverkan" in export.read_bytes()
    exported = ku.shares(export)
    assert "Förstärkt samverkan" in exported["omrade"].tolist()
    assert exported.values.tolist() == original.values.tolist()
    with_bom = tmp_path / "utf8_bom.csv"
    with_bom.write_bytes(b"\xef\xbb\xbf" + (test_data_dir / "shares" / "funding_2023.csv").read_bytes())
    assert ku.shares(with_bom).values.tolist() == original.values.tolist()


def test_shares_in_tkr(test_data_dir):
    in_kr = ku.shares(test_data_dir / "shares" / "funding_2023.csv")
    in_tkr = ku.shares(test_data_dir / "shares" / "funding_2023_tkr.csv", unit="tkr")
    assert in_kr[PERCENTS].values.tolist() == in_tkr[PERCENTS].values.tolist()


@given(st.lists(st.tuples(st.integers(1, 10**9), st.integers(0, 10**9), st.integers(0, 10**9), st.integers(0, 10**9))
                .filter(lambda r: r[1] + r[2] + r[3] > 0), min_size=1, max_size=8),
       st.integers(0, 3))
def test_every_row_of_percents_sums_to_exactly_100(rows, decimals):
    table = funding([[f"Område {i}", Money.ore(u), Money.ore(k), Money.ore(s), Money.ore(o)]
                     for i, (u, k, s, o) in enumerate(rows)])
    result = ku.shares(table, decimals=decimals)
    unit = Decimal(1).scaleb(-decimals)
    for _, row in result.iterrows():
        assert row["kommunerna"] + row["staten"] + row["ovriga"] == 100
        for c in PERCENTS:
            assert row[c] % unit == 0
            assert 0 <= row[c] <= 100
    areas = result[result["rad_typ"] == "omrade"]
    assert sum(areas["andel_av_utfall"]) == 100
    # Each percent is within one unit of the exact share.
    for (_, row), (u, k, s, o) in zip(areas.iterrows(), rows):
        for value, part in (("kommunerna", k), ("staten", s), ("ovriga", o)):
            exact = Fraction(100 * part, k + s + o)
            assert abs(Fraction(row[value]) - exact) < Fraction(unit), (value, row[value], exact)
    assert result.iloc[-1]["utfall"] == Money.ore(sum(r[0] for r in rows))


def test_shares_errors(test_data_dir):
    shares_dir = test_data_dir / "shares"
    with pytest.raises(ku.LookupError, match="regionen"):
        ku.shares(shares_dir / "funding_unknown_source.csv")
    with pytest.raises(ku.DomainError, match="zero"):
        ku.shares(shares_dir / "funding_zero_outcome.csv")
    with pytest.raises(ku.ParseError, match="35 OOO"):
        ku.shares(shares_dir / "funding_bad_amount.csv")
    with pytest.raises(ku.DomainError, match="decimals"):
        ku.shares(shares_dir / "funding_2023.csv", decimals=7)
    with pytest.raises(TypeError, match="float"):
        ku.shares(funding([["A", 1.0, 1, 0, 0]]))


def test_shares_match_the_cli(test_data_dir, run_cli):
    path = test_data_dir / "shares" / "funding_2023.csv"
    for decimals in (0, 2):
        expected = run_cli("shares", path, "--decimals", str(decimals), "--json")["rows"]
        s = ku.shares(path, decimals=decimals)
        assert len(s) == len(expected)
        for (_, got), want in zip(s.iterrows(), expected):
            assert got["omrade"] == want["omrade"]
            assert got["grupp"] == want["grupp"]
            assert got["rad_typ"] == want["rad_typ"]
            for c in PERCENTS:
                assert got[c] == Decimal(want[c]), c
                assert str(got[c]) == want[c]


# ---------------------------------------------------------------- audit_shares


def published(rows):
    return pd.DataFrame(rows, columns=["omrade", "andel_av_utfall", "kommunerna", "staten", "ovriga"])


def test_a_clean_percent_table():
    table = published([["A", "50", "100", "0", "0"], ["B", "50", "0", "100", "0"], ["Summa", "100", "50", "50", "0"]])
    findings = ku.audit_shares(table)
    assert findings.empty
    assert list(findings.columns) == AUDIT_FIELDS
    # 33 + 33 + 33 is within the rounding of three cells.
    assert ku.audit_shares(published([["A", 100, 33, 33, 33], ["Summa", 100, 33, 33, 33]])).empty


def test_a_row_of_110_percent():
    table = published([["A", "50", "54", "56", "0"], ["B", "50", "50", "50", "0"], ["Summa", "100", "52", "53", "0"]])
    findings = ku.audit_shares(table)
    rows = findings[findings["kind"] == "row_sum_mismatch"]
    assert rows["area"].tolist() == ["A", "Summa"]
    a = rows.iloc[0]
    assert (a["column"], a["expected"], a["found"], a["difference"]) == ("summa", Fraction(100), Fraction(110),
                                                                         Fraction(10))
    assert all(isinstance(v, Fraction) for c in ("expected", "found", "difference") for v in findings[c])
    assert "tolerans" in a["note"]


def test_an_averaged_summa_row(test_data_dir):
    findings = ku.audit_shares(test_data_dir / "shares" / "published_summa_averaged.csv")
    assert findings["kind"].tolist() == ["total_mismatch", "total_mismatch"]
    assert findings["column"].tolist() == ["kommunerna", "staten"]
    assert findings["expected"].tolist() == [Fraction(90), Fraction(10)]
    assert findings["found"].tolist() == [Fraction(50), Fraction(50)]


def test_audit_shares_errors(test_data_dir):
    with pytest.raises(ku.ParseError, match="1OO"):
        ku.audit_shares(test_data_dir / "shares" / "published_bad_cell.csv")
    with pytest.raises(TypeError, match="float"):
        ku.audit_shares(published([["A", 100.0, 100, 0, 0]]))


@pytest.mark.parametrize("name", ["published_clean.csv", "published_percent_signs.csv", "published_row_110.csv",
                                  "published_summa_averaged.csv"])
def test_audit_shares_matches_the_cli(test_data_dir, run_cli, name):
    path = test_data_dir / "shares" / name
    expected = run_cli("audit", "shares", path, "--json", ok_codes=(0, 1))["findings"]
    for findings in (ku.audit_shares(path), ku.audit_shares(pd.read_csv(path, dtype=str, keep_default_na=False))):
        assert len(findings) == len(expected)
        for (_, got), want in zip(findings.iterrows(), expected):
            assert list(want) == AUDIT_FIELDS
            for field in AUDIT_FIELDS:
                if field in ("expected", "found", "difference"):
                    assert got[field] == Fraction(want[field]), field
                else:
                    assert got[field] == want[field], field


# ---------------------------------------------------------------- separator and encoding


def test_the_excel_export_read_as_windows_1252_with_semicolons_gives_the_utf8_shares(test_data_dir):
    shares_dir = test_data_dir / "shares"
    original = ku.shares(shares_dir / "funding_2023.csv")
    export = shares_dir / "funding_2023_excel_windows1252.csv"
    for separator, encoding in (("semicolon", "windows-1252"), (";", "cp1252"), (";", "latin1")):
        exported = ku.shares(export, separator=separator, encoding=encoding)
        assert exported.values.tolist() == original.values.tolist(), (separator, encoding)
    exported = ku.shares(export, encoding="windows-1252", separator="semicolon")
    assert exported["omrade"].tolist() == ["Ledning och stab", "Social välfärd och hälso- och sjukvård", "Utbildning",
                                           "Nära vård", "Förstärkt samverkan", "ESF Digitalisering",
                                           "projektverksamhet", "Summa"]
    summa = exported.iloc[-1]
    assert [summa[c] for c in PERCENTS] == [Decimal(100), Decimal(42), Decimal(43), Decimal(15)]
    assert summa["utfall"] == Money("54 000 000")
    # Either option alone: the other one is still detected.
    assert ku.shares(export, encoding="windows-1252").values.tolist() == original.values.tolist()
    assert ku.shares(export, separator="semicolon").values.tolist() == original.values.tolist()
    assert ku.shares(shares_dir / "funding_2023.csv", separator="comma",
                     encoding="utf-8").values.tolist() == original.values.tolist()


def test_the_windows_1252_export_read_as_utf8_is_a_parse_error_naming_file_and_line(test_data_dir):
    export = test_data_dir / "shares" / "funding_2023_excel_windows1252.csv"
    for action in (lambda: ku.shares(export, encoding="utf-8"),
                   lambda: ku.shares(export, encoding="utf-8", separator="semicolon"),
                   lambda: ku.audit_shares(export, encoding="utf8")):
        with pytest.raises(ku.ParseError) as caught:
            action()
        assert str(caught.value) == f"{export}:2: the file is not valid UTF-8 (give the encoding, e.g. windows-1252)"


def test_a_wrong_separator_asks_whether_the_separator_is_right(test_data_dir):
    shares_dir = test_data_dir / "shares"
    export = shares_dir / "funding_2023_excel_windows1252.csv"
    with pytest.raises(ku.LookupError) as caught:
        ku.shares(export, separator="comma", encoding="windows-1252")
    assert str(caught.value) == (f'{export}: no column "omrade" (the only column is '
                                 '"omrade;grupp;utfall;kommunerna;staten;ovriga": is the separator right?)')
    original = shares_dir / "funding_2023.csv"
    with pytest.raises(ku.LookupError) as caught:
        ku.shares(original, separator=";")
    assert str(caught.value) == (f'{original}: no column "omrade" (the only column is '
                                 '"omrade,grupp,utfall,kommunerna,staten,ovriga": is the separator right?)')
    published_clean = shares_dir / "published_clean.csv"
    with pytest.raises(ku.LookupError) as caught:
        ku.audit_shares(published_clean, separator="semicolon")
    assert str(caught.value) == (f'{published_clean}: no column "omrade" (the only column is '
                                 '"omrade,grupp,andel_av_utfall,kommunerna,staten,ovriga": is the separator right?)')


def test_audit_shares_reads_an_excel_export_with_the_separator_and_encoding_given(test_data_dir, excel_export):
    original = test_data_dir / "shares" / "published_row_110.csv"
    export = excel_export(original)
    assert b"Social v\xe4lf\xe4rd;60;50;40;10\r\n" in export.read_bytes()
    found = ku.audit_shares(export, separator="semicolon", encoding="windows-1252")
    assert found.values.tolist() == [["row_sum_mismatch", "Familjehemsresurs", "summa", Fraction(100), Fraction(110),
                                      Fraction(10), "fault", "tolerans ±1 procentenhet (2 avrundade celler)"]]
    assert found.values.tolist() == ku.audit_shares(original).values.tolist()
    with pytest.raises(ku.ParseError) as caught:
        ku.audit_shares(export, encoding="utf-8")
    assert str(caught.value) == f"{export}:2: the file is not valid UTF-8 (give the encoding, e.g. windows-1252)"


def test_separator_and_encoding_apply_to_files_not_to_dataframes(test_data_dir):
    """A DataFrame goes to the reader as UTF-8 CSV with ','; the options are for files."""
    table = pd.read_csv(test_data_dir / "shares" / "funding_2023.csv", dtype=str, keep_default_na=False)
    expected = ku.shares(table)
    assert ku.shares(table, separator="semicolon", encoding="windows-1252").values.tolist() == expected.values.tolist()
    percents = published([["A", "50", "54", "56", "0"], ["Summa", "100", "54", "56", "0"]])
    findings = ku.audit_shares(percents, separator=";", encoding="windows-1252")
    assert findings[["kind", "area", "found"]].values.tolist() == [["row_sum_mismatch", "A", Fraction(110)],
                                                                   ["row_sum_mismatch", "Summa", Fraction(110)],
                                                                   ["column_sum_mismatch", "Summa", Fraction(50)]]
    assert findings.values.tolist() == ku.audit_shares(percents).values.tolist()
    # An unknown name is refused all the same.
    with pytest.raises(ku.LookupError) as caught:
        ku.shares(table, encoding="latin9")
    assert str(caught.value) == 'unknown encoding "latin9" (encoding): expected utf-8 or windows-1252'


# ---------------------------------------------------------------- shares against the balance table


def test_audit_shares_against_the_balance_table_names_the_swapped_areas_and_the_base(test_data_dir):
    balance = test_data_dir / "ledger" / "bokslut_2023_ledning_net_summa.csv"
    findings = ku.audit_shares(test_data_dir / "shares" / "andelar_2023_fel.csv", balance=balance)
    assert findings.attrs["outcome_base"] == "once"
    assert findings["kind"].tolist() == ["outcome_mismatch", "outcome_mismatch"]
    assert findings["area"].tolist() == ["Digitalisering", "Miljösamverkan"]
    assert findings.iloc[0]["expected"] == Fraction(865_700, 51_627)
    assert findings["classification"].tolist() == ["fault", "fault"]
    gross = ku.audit_shares(test_data_dir / "shares" / "andelar_2023_brutto.csv", balance=balance)
    assert gross.empty and gross.attrs["outcome_base"] == "twice"
    renamed = test_data_dir / "shares" / "andelar_2023_namn.csv"
    assert ku.audit_shares(renamed, balance=balance)["kind"].tolist() == ["area_missing", "area_missing"]
    assert ku.audit_shares(renamed, balance=balance, names=test_data_dir / "shares" / "namn_2023.csv").empty
    with pytest.raises(ku.DomainError, match="names needs balance"):
        ku.audit_shares(renamed, names=test_data_dir / "shares" / "namn_2023.csv")
