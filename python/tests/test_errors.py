"""ku's exceptions: ku.Error (a ValueError) and its subclasses, each raised where it should be,
carrying the C++ library's message; TypeError for floats and unit-less ints."""

from __future__ import annotations

import builtins
from decimal import Decimal

import pandas as pd
import pytest

import ku
from ku import Money

ORE_MAX = 2**63 - 1


def test_the_hierarchy():
    assert issubclass(ku.Error, ValueError)
    for error in (ku.ParseError, ku.OverflowError, ku.DomainError, ku.LookupError, ku.InputError, ku.FileError):
        assert issubclass(error, ku.Error)
        assert issubclass(error, ValueError)
        assert error.__module__ == "ku"
        assert error.__doc__
    assert issubclass(ku.OverflowError, ArithmeticError)
    assert issubclass(ku.LookupError, builtins.LookupError)
    # ku's own classes, not the builtins of the same name.
    assert ku.OverflowError is not builtins.OverflowError
    assert ku.LookupError is not builtins.LookupError
    assert not issubclass(ku.ParseError, ArithmeticError)
    assert issubclass(ku.InputError, TypeError)
    assert issubclass(ku.FileError, OSError)
    assert set(ku.__all__) >= {"Error", "ParseError", "OverflowError", "DomainError", "LookupError", "InputError",
                               "FileError"}


@pytest.mark.parametrize("text, fragments", [
    ("1,234", ['"1,234"', "more decimals than whole öre allow"]),
    ("12x", ['"12x"', "position 3", "unexpected 'x'"]),
    ("", ["empty"]),
    ("--5", ['"--5"', "position 2", "two signs"]),
])
def test_parse_error_carries_the_cpp_message(text, fragments):
    with pytest.raises(ku.ParseError) as caught:
        Money(text)
    message = str(caught.value)
    assert message.startswith("cannot read")
    for fragment in fragments:
        assert fragment in message
    assert isinstance(caught.value, ku.Error) and isinstance(caught.value, ValueError)


def test_parse_error_messages():
    with pytest.raises(ku.ParseError, match="more decimals than whole öre allow"):
        Money("1,234")
    with pytest.raises(ku.ParseError, match="unexpected 'x'"):
        Money("12x")
    with pytest.raises(ku.ParseError, match="four digits"):
        ku.allocate(Money("10"), {"683": 1})
    with pytest.raises(ku.ParseError, match="not finite"):
        Money(Decimal("NaN"))
    with pytest.raises(ku.ParseError, match="öre"):
        Money(Decimal("0.001"))
    with pytest.raises(ku.ParseError):
        ku.allocate(Money("10"), {"0604": "ett"})


def test_overflow_error():
    for action in (
        lambda: Money.kr(10**17),
        lambda: Money.kr(10**19),  # beyond 64 bits before it reaches C++
        lambda: Money.ore(2**63),
        lambda: Money.ore(-2**63),
        lambda: Money.ore(10**30),
        lambda: Money(Decimal("1E+30")),
        lambda: Money(Decimal("92233720368547758.08")),
        lambda: Money("99 999 999 999 999 999 999"),
        lambda: Money.ore(ORE_MAX) + Money.ore(1),
        lambda: Money.ore(-ORE_MAX) - Money.ore(1),
        lambda: Money.ore(1) - Money.ore(-ORE_MAX),
        lambda: Money.kr(10**16) * 10,
        lambda: Money.kr(1) * 10**20,
        lambda: Money.ore(ORE_MAX).round("kr", "up"),
    ):
        with pytest.raises(ku.OverflowError) as caught:
            action()
        assert isinstance(caught.value, ArithmeticError)
        assert isinstance(caught.value, ku.Error)
        assert "overflow" in str(caught.value) or "beyond" in str(caught.value)


def test_overflow_error_message_is_the_cpp_one():
    with pytest.raises(ku.OverflowError) as caught:
        Money.ore(ORE_MAX) + Money.ore(1)
    assert str(caught.value) == ("money overflow in money + money: the result is beyond "
                                 "±92 233 720 368 547 758,07 kr")
    with pytest.raises(ku.OverflowError) as caught:
        Money.kr(10**17)
    assert "92 233 720 368 547 758,07 kr" in str(caught.value)


def test_domain_error():
    with pytest.raises(ku.DomainError, match="negative"):
        ku.allocate(Money("10"), {"0604": -1, "0617": 1})
    with pytest.raises(ku.DomainError, match="zero"):
        ku.allocate(Money("10"), {"0604": 0, "0617": 0})
    with pytest.raises(ku.DomainError, match="no members"):
        ku.allocate(Money("10"), {})
    with pytest.raises(ku.DomainError, match="twice"):
        ku.allocate(Money("10"), pd.Series([1, 2], index=["0604", "0604"]))
    with pytest.raises(ku.DomainError, match="whole number"):
        ku.allocate(Money("0,50"), {"0604": 1})
    with pytest.raises(ku.DomainError, match="decimals"):
        Money("1").format(decimals=19)
    with pytest.raises(ku.DomainError) as caught:
        ku.allocate(Money("10"), {"0604": "-1", "0617": 1})
    assert str(caught.value) == 'weight "-1" (weights[0604]) is negative; a weight cannot be negative'
    assert isinstance(caught.value, ValueError)


def test_lookup_error():
    with pytest.raises(ku.LookupError) as caught:
        ku.allocate(Money("10"), {"0699": 1})
    assert str(caught.value) == "unknown kommun code 0699 (weights[0699])"
    assert isinstance(caught.value, builtins.LookupError)
    with pytest.raises(ku.LookupError, match="0617"):
        ku.allocate(Money("10"), {"0604": 1}, members=["0617"])
    with pytest.raises(ku.LookupError, match="method"):
        ku.allocate(Money("10"), {"0604": 1}, method="hare")
    with pytest.raises(ku.LookupError, match="unit"):
        Money.parse("5", unit="dkr")
    with pytest.raises(ku.LookupError, match="rounding"):
        Money("5").round("kr", "bankers")


def _csv_readers(test_data_dir, data_dir):
    """Each function that reads CSV, called on a file it reads cleanly, with the given options."""
    funding = test_data_dir / "shares" / "funding_2023.csv"
    bokslut = data_dir / "bokslut_2023.csv"
    return {
        "shares": lambda **options: ku.shares(funding, **options),
        "audit_shares": lambda **options: ku.audit_shares(test_data_dir / "shares" / "published_clean.csv", **options),
        "audit_balance": lambda **options: ku.audit_balance(bokslut, previous=bokslut, **options),
        "compare_proposal": lambda **options: ku.compare_proposal(data_dir / "proposal_2025.toml",
                                                                  data_dir / "financing_proposal_2025.csv", **options),
    }


@pytest.mark.parametrize("function", ["shares", "audit_shares", "audit_balance", "compare_proposal"])
def test_an_unknown_encoding_is_a_lookup_error_naming_it_and_the_argument(function, test_data_dir, data_dir):
    read = _csv_readers(test_data_dir, data_dir)[function]
    read(encoding="utf-8")  # a known one reads the file
    with pytest.raises(ku.LookupError) as caught:
        read(encoding="latin9")
    assert str(caught.value) == 'unknown encoding "latin9" (encoding): expected utf-8 or windows-1252'
    assert isinstance(caught.value, builtins.LookupError)


@pytest.mark.parametrize("function", ["shares", "audit_shares", "audit_balance", "compare_proposal"])
@pytest.mark.parametrize("separator", ["tab", "\t", "", "Semicolon", ";;"])
def test_an_unknown_separator_is_the_same_error_as_an_unknown_encoding(function, separator, test_data_dir,
                                                                       data_dir):
    read = _csv_readers(test_data_dir, data_dir)[function]
    read(separator="comma")  # a known one reads the file
    with pytest.raises(ku.LookupError) as caught:
        read(separator=separator)
    assert str(caught.value) == (f'unknown separator "{separator}" (separator): expected semicolon (;) '
                                 "or comma (,)")


def test_unknown_weight_column(tmp_path, data_dir):
    (tmp_path / "keys.csv").write_text((data_dir / "population_keys.csv").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    spec = tmp_path / "spec.toml"
    spec.write_text('title = "t"\nunit = "kr"\nmethod = "largest-remainder"\n\n[keys]\n'
                    'A = { file = "keys.csv", column = "key_d" }\n\n[[fees]]\nname = "F"\ntotal = "100"\nkey = "A"\n',
                    encoding="utf-8")
    with pytest.raises(ku.LookupError) as caught:
        ku.proposal(spec)
    assert 'no column "key_d"' in str(caught.value)
    assert "key_a, key_b, key_c" in str(caught.value)


def test_a_missing_file_is_a_file_error(tmp_path):
    """A file that cannot be opened is a ku.FileError: a ku.Error and an OSError, its message the
    path and the operating system's reason (it was a plain ku.Error, or FileNotFoundError)."""
    with pytest.raises(ku.FileError) as caught:
        ku.compare_proposal(_spec(tmp_path), tmp_path / "missing.csv")
    assert isinstance(caught.value, ku.Error) and isinstance(caught.value, OSError)
    assert str(caught.value) == f"cannot open {tmp_path / 'missing.csv'}: No such file or directory"
    # A file the spec names, opened by the C++ reader, is the same error.
    (tmp_path / "k.csv").unlink()
    with pytest.raises(ku.FileError, match="k.csv"):
        ku.proposal(tmp_path / "s.toml")


def _spec(tmp_path):
    (tmp_path / "k.csv").write_text("code,name,w\n0604,Aneby,1\n", encoding="utf-8")
    spec = tmp_path / "s.toml"
    spec.write_text('title = "t"\n[keys]\nA = { file = "k.csv", column = "w" }\n[[fees]]\nname = "F"\n'
                    'total = "1"\nkey = "A"\nmembers = ["0604"]\n', encoding="utf-8")
    return spec


def test_type_errors_for_floats():
    with pytest.raises(TypeError, match="float"):
        Money(0.1)
    with pytest.raises(TypeError, match="float"):
        ku.allocate(Money("10"), {"0604": 1, "0617": 0.5})
    with pytest.raises(TypeError, match="rounding"):
        Money("10") * 0.5
    with pytest.raises(TypeError, match=r"Money\.kr"):
        Money(5)
    # Each is a ku.InputError: one family (ku.Error) for every bad input, and still a TypeError.
    for action in (lambda: Money(0.1), lambda: Money(5), lambda: Money("1") * 0.5):
        with pytest.raises(ku.InputError) as caught:
            action()
        assert isinstance(caught.value, ku.Error) and isinstance(caught.value, TypeError)


def test_errors_can_be_caught_as_value_errors():
    caught = []
    for text in ("1,234", "12x"):
        try:
            Money(text)
        except ValueError as e:
            caught.append(type(e))
    assert caught == [ku.ParseError, ku.ParseError]
