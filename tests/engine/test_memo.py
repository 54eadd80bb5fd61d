"""A check asked again in one process gets its first verdict (engine.memo); with the store off it is made afresh."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.settings import CheckSettings

x = sp.Symbol("x", real=True)


@pytest.mark.parametrize(("lhs", "rhs"), [((x + 1) ** 2, x**2 + 2 * x + 1), ((x + 1) ** 2, x**2 + 1),
                                          (sp.Function("f")(x), sp.Function("g")(x))],
                         ids=["proved", "refuted", "undecided"])
def test_a_check_asked_again_gets_its_first_verdict(lhs, rhs) -> None:
    first = check_equal(lhs, rhs)
    assert check_equal(lhs, rhs) is first


def test_other_settings_are_another_check() -> None:
    """sqrt(y^2) = y is refuted for a real y, proved under the hypothesis y > 0: the memo keeps them apart."""
    y = sp.Symbol("y", real=True)
    assert check_equal(sp.sqrt(y**2), y).outcome.value == "refuted"
    assert check_equal(sp.sqrt(y**2), y, CheckSettings().with_positive(y)).outcome.value == "proved"


def test_a_dummy_is_only_itself() -> None:
    """Two dummies of one name are two symbols: each check is its own."""
    a, b = sp.Dummy("d", real=True), sp.Dummy("d", real=True)
    assert check_equal(a, a).proved and not check_equal(a, b).proved


def test_with_the_store_off_a_check_is_made_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DERIVATIONS_NO_CACHE", "1")
    lhs, rhs = (x + 2) ** 2, x**2 + 4 * x + 4
    first = check_equal(lhs, rhs)
    again = check_equal(lhs, rhs)
    assert again is not first and again == first
