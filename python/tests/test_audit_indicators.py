"""The indicator-table audit from Python: the same findings as ``ku audit indicators``, exact percents."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import ku


def test_audit_indicators_names_the_transposed_digit_and_the_wrong_base(test_data_dir):
    frame = ku.audit_indicators(test_data_dir / "indicators" / "indikatorer_fel.csv")
    assert list(frame["indikator"]) == ["Beviljade ansökningar", "Beviljat belopp"]
    assert list(frame["kind"]) == ["percent_mismatch", "percent_mismatch"]
    assert frame.iloc[0]["exact"] == Fraction(400, 7)
    assert frame.iloc[0]["expected"] == Decimal(57)
    assert frame.iloc[0]["found"] == Decimal(75)
    assert list(frame["classification"]) == ["fault", "fault"]
    assert frame.iloc[1]["note"].endswith("stämmer med förändringen mot föregående period")
    assert frame.attrs["notes"] == []


def test_audit_indicators_classifies_a_truncated_percent_as_rounding_and_notes_the_unchecked(test_data_dir):
    frame = ku.audit_indicators(test_data_dir / "indicators" / "indikatorer_avrundning.csv")
    assert list(frame["classification"]) == ["rounding"]
    assert frame.iloc[0]["expected"] == Decimal(63)
    assert frame.iloc[0]["found"] == Decimal(62)
    clean = ku.audit_indicators(test_data_dir / "indicators" / "indikatorer_forandring.csv")
    assert clean.empty
    assert clean.attrs["notes"] == ["Deltagare, 2022: 93 (12 %): ingen föregående period att jämföra med"]


def test_audit_indicators_refuses_an_unknown_base_naming_file_line_and_column(test_data_dir):
    with pytest.raises(ku.LookupError, match='okand_bas.csv:3:bas: the base "Ansökta" is no indikator'):
        ku.audit_indicators(test_data_dir / "indicators" / "okand_bas.csv")
