"""ku.proposal, ku.compare_proposal and ku.scenario: the kommun × fee tables."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest

import ku
from ku import Money

CODES = ["0604", "0617", "0642", "0643", "0662", "0665", "0680", "0682", "0683", "0684", "0685", "0686", "0687"]
FEES_2025 = [
    "Grundfinansiering Social välfärd", "Arbete och delaktighet", "Familjecentralsamordnare", "Barnahus",
    "Familjehemsresurs", "Medlemsavgift Kommunal utveckling", "Digitalisering", "IoT projekt", "Skola",
    "Fjärrundervisning", "Fritid", "Kvalitetsarbete öppen fritid", "Utvecklingsarbete friluftsliv",
    "Miljösamverkan", "VO-college", "Yrkesresorna",
]


@pytest.fixture(scope="module")
def proposal_2025(proposal_spec):
    return ku.proposal(proposal_spec)


def test_the_2025_proposal(proposal_2025):
    p = proposal_2025
    assert list(p.index) == CODES  # no Summa row: the totals are in attrs["totals"]
    assert p.index.name == "code"
    assert list(p.columns) == ["name"] + FEES_2025 + ["Summa"]
    assert p.loc["0683", "name"] == "Värnamo"
    assert p.loc["0683", "Grundfinansiering Social välfärd"] == Money("845154.00")
    assert p.loc["0680", "Medlemsavgift Kommunal utveckling"] == Money("3 562 623")
    assert p.attrs["totals"]["Summa"] == Money("27 902 191 kr")
    assert p.loc["0642", "Miljösamverkan"] is pd.NA  # Mullsjö is not in Miljösamverkan
    assert p.attrs["title"] == "FÖRSLAG finansiering Kommunal Utveckling 2025"
    for code in CODES:
        for fee in FEES_2025 + ["Summa"]:
            value = p.loc[code, fee]
            assert value is pd.NA or (isinstance(value, Money) and isinstance(value, Decimal)), (code, fee)


def test_the_2025_proposal_adds_up(proposal_2025):
    p = proposal_2025
    fees = p.attrs["fees"]
    assert list(fees) == FEES_2025
    for fee in FEES_2025:
        column = [p.loc[code, fee] for code in CODES if p.loc[code, fee] is not pd.NA]
        assert sum(column, Money.kr(0)) == p.attrs["totals"][fee] == fees[fee]["total"], fee
        assert fees[fee]["residual"] == Money.kr(0)
        assert fees[fee]["method"] == "largest-remainder"
    # Grundfinansiering, Arbete och delaktighet and Yrkesresorna are shown, not in the row sums.
    charged = [fee for fee in FEES_2025 if fees[fee]["in_row_sum"]]
    assert set(FEES_2025) - set(charged) == {"Grundfinansiering Social välfärd", "Arbete och delaktighet",
                                             "Yrkesresorna"}
    for code in CODES:
        row = [p.loc[code, fee] for fee in charged if p.loc[code, fee] is not pd.NA]
        assert sum(row, Money.kr(0)) == p.loc[code, "Summa"], code
    assert sum((p.loc[code, "Summa"] for code in CODES), Money.kr(0)) == p.attrs["totals"]["Summa"]
    assert sum((p.attrs["totals"][fee] for fee in charged), Money.kr(0)) == p.attrs["totals"]["Summa"]
    # Arbete och delaktighet is 10 % of Grundfinansiering.
    assert fees["Arbete och delaktighet"]["total"] == Money("900 000")


def test_the_2025_proposal_matches_the_cli(proposal_2025, proposal_spec, run_cli):
    """Every cell, row sum, column sum and fee attribute equals `ku proposal --format json`."""
    p = proposal_2025
    result = run_cli("proposal", proposal_spec, "--format", "json")
    assert result["title"] == p.attrs["title"]
    assert [fee["name"] for fee in result["fees"]] == FEES_2025
    assert [row["code"] for row in result["rows"]] == CODES
    cells = 0
    for row in result["rows"]:
        code = row["code"]
        assert row["name"] == p.loc[code, "name"]
        assert list(row["amounts"]) == FEES_2025
        for fee, amount in row["amounts"].items():
            if amount is None:
                assert p.loc[code, fee] is pd.NA, (code, fee)
            else:
                assert isinstance(amount, str)
                assert p.loc[code, fee] == Money(Decimal(amount)), (code, fee)
                assert p.loc[code, fee] == Money(amount), (code, fee)
            cells += 1
        assert p.loc[code, "Summa"] == Money(Decimal(row["summa"])), code
    assert cells == 13 * 16
    for fee in result["fees"]:
        attrs = p.attrs["fees"][fee["name"]]
        assert attrs["method"] == fee["method"]
        assert attrs["basis"] == fee["basis"]
        assert attrs["in_row_sum"] is fee["in_row_sum"]
        assert attrs["total"] == Money(Decimal(fee["total"]))
        assert attrs["residual"] == Money(Decimal(fee["residual"]))
        assert p.attrs["totals"][fee["name"]] == Money(Decimal(fee["sum"]))
    assert p.attrs["totals"]["Summa"] == Money(Decimal(result["grand_total"]))


def test_a_proposal_saved_as_json_by_the_cli_compares_clean(proposal_spec, run_cli, tmp_path):
    """compare_proposal reads a .json file through the library's JSON reader."""
    saved = tmp_path / "forslag_2025.json"
    saved.write_text(json.dumps(run_cli("proposal", proposal_spec, "--format", "json"), ensure_ascii=False),
                     encoding="utf-8")
    assert ku.compare_proposal(proposal_spec, saved).empty

    tampered = json.loads(saved.read_text(encoding="utf-8"))
    tampered["rows"][8]["amounts"]["Medlemsavgift Kommunal utveckling"] = "845153.00"  # Värnamo, one krona less
    saved.write_text(json.dumps(tampered, ensure_ascii=False), encoding="utf-8")
    diff = ku.compare_proposal(proposal_spec, saved)
    cells = diff[diff["kind"] == "cell"]
    assert cells[["code", "fee", "published", "computed"]].values.tolist() == [
        ["0683", "Medlemsavgift Kommunal utveckling", Money("845 153"), Money("845 154")]]

    tampered["grand_total"] = 27902191.0  # a JSON number may have been rounded: refused
    saved.write_text(json.dumps(tampered), encoding="utf-8")
    with pytest.raises(ku.ParseError) as caught:
        ku.compare_proposal(proposal_spec, saved)
    assert str(caught.value).startswith(f"{saved}: /grand_total: an amount is a decimal string")


def test_compare_with_the_published_proposal(proposal_spec, data_dir):
    diff = ku.compare_proposal(proposal_spec, data_dir / "financing_proposal_2025.csv")
    assert list(diff.columns) == ["kind", "code", "fee", "published", "computed"]
    assert len(diff) == 25
    assert diff["kind"].value_counts().to_dict() == {"cell": 11, "row_sum": 9, "column_sum": 5}
    medlemsavgift = diff[(diff["kind"] == "cell") & (diff["fee"] == "Medlemsavgift Kommunal utveckling")]
    assert medlemsavgift.set_index("code")[["published", "computed"]].to_dict("index") == {
        "0680": {"published": Money("3 562 624"), "computed": Money("3 562 623")},
        "0683": {"published": Money("845 153"), "computed": Money("845 154")},
    }
    column_sums = diff[diff["kind"] == "column_sum"].set_index("fee")
    assert set(column_sums.index) == {"Digitalisering", "Skola", "Fjärrundervisning", "Fritid", "Summa"}
    assert column_sums["code"].isna().all()
    assert column_sums.loc["Summa", "published"] == Money("27 902 191")
    # Every difference is a real one, and every cell difference is what the published CSV says.
    assert (diff["published"] != diff["computed"]).all()
    with open(data_dir / "financing_proposal_2025.csv", encoding="utf-8", newline="") as f:
        published = {row["code"]: row for row in csv.DictReader(f)}
    proposal = ku.proposal(proposal_spec)
    for _, d in diff[diff["kind"] == "cell"].iterrows():
        assert Money(published[d["code"]][d["fee"]]) == d["published"]
        assert proposal.loc[d["code"], d["fee"]] == d["computed"]
    for column in ("published", "computed"):
        assert all(isinstance(v, Money) for v in diff[column])


def test_compare_with_a_windows_1252_export_of_the_published_proposal(proposal_spec, data_dir, excel_export):
    published = data_dir / "financing_proposal_2025.csv"
    export = excel_export(published)
    assert b";Kvalitetsarbete \xf6ppen fritid;" in export.read_bytes()
    expected = ku.compare_proposal(proposal_spec, published)
    for separator, encoding in (("semicolon", "windows-1252"), (";", "cp1252"), (None, None)):
        diff = ku.compare_proposal(proposal_spec, export, separator=separator, encoding=encoding)
        assert diff.values.tolist() == expected.values.tolist(), (separator, encoding)
    assert len(expected) == 25
    with pytest.raises(ku.ParseError) as caught:
        ku.compare_proposal(proposal_spec, export, encoding="utf-8")
    assert str(caught.value) == f"{export}:1: the file is not valid UTF-8 (give the encoding, e.g. windows-1252)"
    with pytest.raises(ku.LookupError) as caught:
        ku.compare_proposal(proposal_spec, published, separator="semicolon")
    assert str(caught.value).startswith(f'{published}: no column "Kommun" (the only column is "code,kommun,')
    # The one long heading is cut in the message, with its full length.
    assert str(caught.value).endswith('…" (315 characters): is the separator right?)')


def test_scenario_ledning(data_dir):
    s = ku.scenario(data_dir / "scenarios" / "ledning_1730.toml", data_dir / "scenarios" / "ledning_3500.toml")
    assert list(s.index) == CODES  # no Summa row: the totals are in attrs["totals"]
    assert list(s.columns) == ["Grundfinansiering ledning och stab", "Medlemsavgift Kommunal utveckling", "Summa"]
    assert s.attrs["totals"]["Summa"] == Money("1770000.00")
    assert s.attrs["totals"]["Grundfinansiering ledning och stab"] == Money("1 770 tkr")
    assert s.loc["0604", "Grundfinansiering ledning och stab"] == Money("32 790")
    assert (s["Medlemsavgift Kommunal utveckling"] == Money.kr(0)).all()
    for code in CODES:
        assert s.loc[code, "Summa"] == s.loc[code, "Grundfinansiering ledning och stab"] + \
            s.loc[code, "Medlemsavgift Kommunal utveckling"]
    assert sum((s.loc[code, "Summa"] for code in CODES), Money.kr(0)) == s.attrs["totals"]["Summa"]
    assert s.attrs["base"].startswith("Scenario A")
    assert s.attrs["alternative"].startswith("Scenario B")
    assert all(isinstance(v, Money) for v in s.to_numpy().ravel())


def test_scenario_matches_the_cli(data_dir, run_cli):
    base = data_dir / "scenarios" / "ledning_1730.toml"
    alternative = data_dir / "scenarios" / "ledning_3500.toml"
    s = ku.scenario(base, alternative)
    result = run_cli("scenario", base, alternative, "--format", "json")
    for row in result["rows"]:
        for fee, cell in row["fees"].items():
            assert s.loc[row["code"], fee] == Money(Decimal(cell["delta"]))
        assert s.loc[row["code"], "Summa"] == Money(Decimal(row["delta"]))
    for fee in result["fees"]:
        assert s.attrs["totals"][fee["name"]] == Money(Decimal(fee["delta"]))


def test_the_scenario_is_the_difference_of_the_proposals(data_dir):
    base = ku.proposal(data_dir / "scenarios" / "ledning_1730.toml")
    alternative = ku.proposal(data_dir / "scenarios" / "ledning_3500.toml")
    s = ku.scenario(data_dir / "scenarios" / "ledning_1730.toml", data_dir / "scenarios" / "ledning_3500.toml")
    for code in CODES:
        for column in s.columns:
            assert s.loc[code, column] == alternative.loc[code, column] - base.loc[code, column], (code, column)
    for column in s.columns:
        assert s.attrs["totals"][column] == alternative.attrs["totals"][column] - base.attrs["totals"][column]
    # Whole ku.money columns subtract exactly too.
    assert (alternative.drop(columns="name") - base.drop(columns="name")).equals(s)


def write_spec(directory, keys_file="population_keys.csv", column="key_a", total="100", method="largest-remainder"):
    spec = directory / "spec.toml"
    spec.write_text(f'''title = "test"
unit = "kr"
method = "{method}"

[keys]
A = {{ file = "{keys_file}", column = "{column}" }}

[[fees]]
name = "F"
total = "{total}"
key = "A"
''', encoding="utf-8")
    return spec


def test_proposal_errors(tmp_path, data_dir):
    (tmp_path / "population_keys.csv").write_text((data_dir / "population_keys.csv").read_text(encoding="utf-8"),
                                                  encoding="utf-8")
    assert ku.proposal(write_spec(tmp_path)).attrs["totals"]["F"] == Money("100")
    refund = ku.proposal(write_spec(tmp_path, total="-100"))
    assert refund.attrs["totals"]["F"] == Money("-100")
    assert all(refund.loc[c, "F"] == -v for c, v in ku.proposal(write_spec(tmp_path)).loc[CODES, "F"].items())
    with pytest.raises(ku.LookupError, match="key_x"):
        ku.proposal(write_spec(tmp_path, column="key_x"))
    with pytest.raises(ku.ParseError, match="1,234"):
        ku.proposal(write_spec(tmp_path, total="1,234"))
    with pytest.raises(ku.OverflowError):
        ku.proposal(write_spec(tmp_path, total="99999999999999999999"))
    with pytest.raises(ku.LookupError, match="method"):
        ku.proposal(write_spec(tmp_path, method="dhondt"))
    (tmp_path / "negative.csv").write_text("code,name,key_a\n0604,Aneby,-5\n0617,Gnosjö,3\n", encoding="utf-8")
    with pytest.raises(ku.DomainError, match="negative"):
        ku.proposal(write_spec(tmp_path, keys_file="negative.csv"))
    # Every kommun with weight 0: a key must cover the fee's members (all thirteen here).
    (tmp_path / "zero.csv").write_text("code,key_a\n" + "".join(f"{code},0\n" for code in CODES), encoding="utf-8")
    with pytest.raises(ku.DomainError, match="zero"):
        ku.proposal(write_spec(tmp_path, keys_file="zero.csv"))
    (tmp_path / "unknown.csv").write_text("code,name,key_a\n0699,X,5\n0617,Gnosjö,3\n", encoding="utf-8")
    with pytest.raises(ku.LookupError, match="0699"):
        ku.proposal(write_spec(tmp_path, keys_file="unknown.csv"))
    (tmp_path / "broken.toml").write_text('title = "x\n', encoding="utf-8")
    with pytest.raises(ku.ParseError):
        ku.proposal(tmp_path / "broken.toml")
    with pytest.raises(ku.Error):
        ku.proposal(tmp_path / "missing.toml")
    with pytest.raises(ku.Error, match="cannot open"):
        ku.compare_proposal(write_spec(tmp_path), tmp_path / "missing.csv")


def test_kommuner():
    k = ku.kommuner()
    assert list(k.index) == CODES
    assert k.index.name == "code"
    assert k.loc["0683", "name"] == "Värnamo"
    assert k.loc["0642", "name"] == "Mullsjö"
    assert isinstance(k, pd.DataFrame)


def test_under_controlled_the_2025_rows_stay_within_a_krona_of_their_exact_sums(proposal_2025, proposal_spec,
                                                                                run_cli):
    """method="controlled" rounds the counted fees as one table: columns keep their totals, Aneby's
    Summa is no longer 1,86 kr below its exact sum, and the CLI's --method gives the same table."""
    controlled = ku.proposal(proposal_spec, method="controlled")
    assert all(a["method"] == "controlled" for a in controlled.attrs["fees"].values())
    for fee in FEES_2025:
        assert controlled.attrs["totals"][fee] == proposal_2025.attrs["totals"][fee]
    before = proposal_2025.attrs["row_drift"]
    after = controlled.attrs["row_drift"]
    assert isinstance(after["0604"], Fraction)
    assert Fraction("-1.8631") < before["0604"] < Fraction("-1.8630")
    assert Fraction("0.1369") < after["0604"] < Fraction("0.1370")
    assert all(-1 < drift < 1 for drift in after.values())
    assert max(abs(d) for d in after.values()) == after["0643"]  # Habo, 0,5052 kr
    for code in CODES:
        exact = controlled.attrs["exact_row_sums"][code]
        assert exact == proposal_2025.attrs["exact_row_sums"][code]
        assert Fraction(Decimal(controlled.loc[code, "Summa"])) - exact == after[code]
    # Column by column: != of two ku.money columns is <NA> where a kommun takes no part.
    moved = (controlled[FEES_2025] != proposal_2025[FEES_2025]).fillna(False).to_numpy().sum()
    assert moved == 8
    result = run_cli("proposal", proposal_spec, "--method", "controlled", "--format", "json")
    for row in result["rows"]:
        for fee, amount in row["amounts"].items():
            if amount is not None:
                assert controlled.loc[row["code"], fee] == Money(amount), (row["code"], fee)


def test_an_unknown_method_for_a_proposal_is_refused_naming_every_method(proposal_spec):
    with pytest.raises(ku.LookupError, match="unknown allocation method \"hamilton\" \\(method\\): expected "
                                             "largest-remainder, sainte-lague, round-each, largest-absorbs or controlled"):
        ku.proposal(proposal_spec, method="hamilton")
