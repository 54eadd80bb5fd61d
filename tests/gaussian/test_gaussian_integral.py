"""Tests for the Gaussian integral by polar coordinates (derivations/gaussian/gaussian_integral.py)."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.limits import limit_as
from derivations.engine.relations import DIFFERENTIATION, INTEGRAL
from derivations.engine.verdict import Outcome
from derivations.errors import StepNotEqualError
from derivations.gaussian import gaussian_integral as gi
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "gaussian_integral"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_a_stated_theorem(index: int) -> None:
    """Each checked step is proved; the stated ones are the cited theorems (Fubini, polar coordinates, ...)."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_the_value_sqrt_pi() -> None:
    """7 lines proved, 11 stated, and the result is sqrt(pi)."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (7, 11)
    assert checked.known_verdict.proved and checked.result == sp.sqrt(sp.pi)


def test_no_line_before_the_last_uses_the_gaussian_integral_rule() -> None:
    """The proof does not lean on the rule it proves: only the final consistency line is an INTEGRAL step."""
    integral_steps = [s for s in _checked().steps if s.step.relation is INTEGRAL]
    assert [s.step.number for s in integral_steps] == [len(_checked().steps)]
    assert all("Gaussian integral rule" not in s.verdict.method for s in _checked().steps[:-1])


def test_the_limit_and_the_antiderivative_are_proved() -> None:
    """Leibniz's rule gives F' = 0, and pi (1 - e^{-R^2}) -> pi by series."""
    methods = {s.step.relation.name: s.verdict for s in _checked().steps}
    assert methods["differentiation"].proved
    assert methods["limit as R -> oo"].proved and "series about oo" in methods["limit as R -> oo"].method


def test_a_wrong_antiderivative_is_refuted() -> None:
    """1 - e^{-R^2} (without the half) does not have the derivative R e^{-R^2}."""
    d = Derivation("wrong_antiderivative", title="wrong")
    d.start(0, lhs=sp.Derivative(gi.PARTIAL - (1 - sp.exp(-gi.R**2)), gi.R), relation=DIFFERENTIATION,
            because="Leibniz")
    with pytest.raises(StepNotEqualError, match=r"^wrong_antiderivative: step 1 .* is refuted"):
        d.check()


def test_a_wrong_limit_is_refuted() -> None:
    """pi (1 - e^{-R^2}) does not tend to 2 pi."""
    d = Derivation("wrong_gauss_limit", title="wrong")
    d.start(sp.pi * (1 - sp.exp(-gi.R**2)), lhs="f", because="definition")
    d.then(2 * sp.pi, relation=limit_as(gi.R), because="doubled")
    with pytest.raises(StepNotEqualError):
        d.check()


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert sorted(derivation_files(_checked())) == ["gaussian_integral.json", "gaussian_integral.md",
                                                     "gaussian_integral.tex"]
