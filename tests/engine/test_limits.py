"""Limits checked by series expansion (derivations/engine/limits.py): right limits proved, wrong ones never."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.derivation import Derivation
from derivations.engine.limits import limit_as
from derivations.engine.relations import Context
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome
from derivations.errors import StepNotEqualError

n, t = sp.Symbol("n", positive=True), sp.Symbol("t", real=True)
a, x = sp.Symbol("a", positive=True), sp.Symbol("x", real=True)
CONTEXT = Context(CheckSettings())

LIMITS = {
    "clt-rademacher": (n * sp.log(sp.cos(t / sp.sqrt(n))), -t**2 / 2, limit_as(n)),
    "clt-uniform": (n * sp.log(sp.sin(sp.sqrt(3) * t / sp.sqrt(n)) / (sp.sqrt(3) * t / sp.sqrt(n))), -t**2 / 2,
                    limit_as(n)),
    "characteristic-function": (sp.cos(t / sp.sqrt(n)) ** n, sp.exp(-t**2 / 2), limit_as(n)),
    "log-ratio-at-zero": (sp.log(1 + a) / a, 1, limit_as(a, 0)),
    "flat-exponential": ((1 - sp.exp(-a**2)) / 2, sp.Rational(1, 2), limit_as(a, sp.oo)),
    "two-sided-sine": (sp.sin(x) / x, 1, limit_as(x, 0)),
}


@pytest.mark.parametrize("case", LIMITS.values(), ids=list(LIMITS))
def test_right_limits_are_proved_with_their_remainder(case) -> None:
    """Each limit is proved, and the verdict states the series with the order of its remainder."""
    previous, limit, relation = case
    verdict = relation.check(previous, limit, CONTEXT)
    assert verdict.outcome is Outcome.PROVED, verdict.describe()
    assert "series about" in verdict.method and ("O(" in verdict.method or "nothing else" in verdict.method)


def test_the_first_correction_is_reported() -> None:
    """The Rademacher CLT: -t^2/2 - t^4/(12 n) + O(n^-3)."""
    verdict = limit_as(n).check(n * sp.log(sp.cos(t / sp.sqrt(n))), -t**2 / 2, CONTEXT)
    assert "(-t**4/12) n^(-1)" in verdict.method and "O(n^(-3))" in verdict.method


WRONG = {
    "dropped-half": (n * sp.log(sp.cos(t / sp.sqrt(n))), -t**2, limit_as(n)),
    "swapped-sign": (n * sp.log(sp.cos(t / sp.sqrt(n))), t**2 / 2, limit_as(n)),
    "raw-sum-diverges": (n * sp.log(sp.cos(t)), -t**2 / 2, limit_as(n)),
    "cauchy-under-sqrt-n": (-sp.sqrt(n) * sp.Abs(t), -t**2 / 2, limit_as(n)),
    "wrong-constant": (sp.log(1 + a) / a, 2, limit_as(a, 0)),
}


@pytest.mark.parametrize("case", WRONG.values(), ids=list(WRONG))
def test_wrong_limits_are_refuted(case) -> None:
    """A wrong limit (or one that does not exist) is refuted, never proved."""
    previous, limit, relation = case
    verdict = relation.check(previous, limit, CONTEXT)
    assert verdict.outcome is Outcome.REFUTED, verdict.describe()


def test_a_one_sided_limit_is_not_a_two_sided_one() -> None:
    """|x|/x has no limit at 0 for a real x: 1 from above is not enough."""
    verdict = limit_as(x, 0).check(sp.Abs(x) / x, 1, CONTEXT)
    assert verdict.outcome is not Outcome.PROVED


def test_no_series_is_undecided() -> None:
    """sin(n) has no limit and no series at infinity: undecided, not proved."""
    assert limit_as(n).check(sp.sin(n), 0, CONTEXT).outcome is Outcome.UNDECIDED


def test_a_limit_cannot_depend_on_its_variable() -> None:
    """The limit line must be free of n."""
    assert limit_as(n).check(1 / n, 1 / n, CONTEXT).outcome is Outcome.UNDECIDED


def test_a_limit_makes_nothing_known() -> None:
    """A limit is not an equality: it establishes nothing a substitution could use."""
    assert limit_as(n).establishes is None
    assert limit_as(n).latex == r"\xrightarrow{n \to \infty}"


def test_a_wrong_limit_fails_the_derivation() -> None:
    """In a derivation, a wrong limit is a refuted step (an error naming it)."""
    d = Derivation("wrong_limit", title="wrong")
    d.start(n * sp.log(sp.cos(t / sp.sqrt(n))), lhs="f", because="definition")
    d.then(-t**2, relation=limit_as(n), because="forgot the half")
    with pytest.raises(StepNotEqualError, match=r"^wrong_limit: step 2 .* is refuted"):
        d.check()
