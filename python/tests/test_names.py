"""The names the type stub promises are the names the library accepts: the stub's Literal
types are written by hand, the library's lists are defined once in the C++ core."""

from __future__ import annotations

import ast

import pytest

import ku
from ku import _ku

from conftest import SOURCE_DIR


def stub_literal(alias: str) -> tuple[str, ...]:
    """The strings of `alias: TypeAlias = Literal[...]` in python/ku/__init__.pyi."""
    tree = ast.parse((SOURCE_DIR / "python" / "ku" / "__init__.pyi").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == alias:
            return tuple(element.value for element in node.value.slice.elts)
    raise AssertionError(f"{alias} is not in the stub")


def test_the_stub_lists_exactly_the_five_allocation_methods_of_the_library():
    assert _ku.allocation_methods() == ["largest-remainder", "sainte-lague", "round-each", "largest-absorbs",
                                        "controlled"]
    assert stub_literal("_Method") == tuple(_ku.allocation_methods())


def test_the_stub_lists_every_rounding_mode_of_the_library():
    assert _ku.rounding_modes() == ["half-up", "half-even", "half-down", "up", "down", "floor", "ceiling"]
    assert stub_literal("_Rounding") == tuple(_ku.rounding_modes())


def test_the_stub_lists_every_unit_spelling_the_library_accepts():
    assert sorted(stub_literal("_Unit")) == sorted(_ku.units())


@pytest.mark.parametrize("method", ["largest-remainder", "sainte-lague", "round-each", "largest-absorbs",
                                    "controlled"])
def test_every_listed_method_splits_100_kr_over_aneby_and_eksjo_exactly(method):
    frame = ku.allocate("100", {"0604": 1, "0686": 1}, method=method)
    assert sum(frame["amount"], ku.Money.kr(0)) == ku.Money.kr(100)


def test_an_unknown_method_is_refused_naming_every_method_the_library_lists():
    with pytest.raises(ku.LookupError, match="expected largest-remainder, sainte-lague, round-each, largest-absorbs or controlled"):
        ku.allocate("100", {"0604": 1}, method="hamilton")
