"""The fee-table audit from Python: the same findings as ``ku audit fees``, amounts as Money."""

from __future__ import annotations

from decimal import Decimal

import pytest

import ku


def test_audit_fees_names_the_moved_krona_and_the_key_of_each_column(data_dir, test_data_dir):
    frame = ku.audit_fees(test_data_dir / "fees" / "moved_krona.csv", keys=data_dir / "population_keys.csv")
    assert list(frame["kommun"]) == ["Aneby", "Eksjö"]
    assert list(frame["expected"]) == [ku.Money.kr(166_730), ku.Money.kr(433_616)]
    assert list(frame["classification"]) == ["fault", "fault"]
    keys = frame.attrs["keys"].set_index("fee")
    assert keys.loc["Grundfinansiering", "key"] == "key_a"
    assert keys.loc["Barnahus", "differing"] == Decimal(0)
    published = ku.audit_fees(data_dir / "financing_proposal_2025.csv")
    assert set(published["classification"]) == {"rounding"}
    assert "keys" not in published.attrs
    with pytest.raises(ku.LookupError, match="unknown_kommun.csv:3:Kommun: unknown kommun \"Linköping\""):
        ku.audit_fees(test_data_dir / "fees" / "unknown_kommun.csv")


def test_audit_staffing_names_the_swapped_digits(test_data_dir):
    frame = ku.audit_staffing(test_data_dir / "staffing" / "tertialer_fel.csv")
    assert list(frame["kind"]) == ["row_sum", "column_sum", "cell"]
    cell = frame.iloc[2]
    assert (cell["period"], cell["column"]) == ("2019 - tertial 2", "tillsvidare")
    assert cell["expected"] == Decimal("16.40")
    assert cell["found"] == Decimal("16.04")
    assert ku.audit_staffing(test_data_dir / "staffing" / "tertialer.csv").empty
