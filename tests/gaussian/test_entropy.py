"""Tests for the entropy of a Gaussian and maximum entropy (derivations/gaussian/entropy.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from scipy import stats

from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.verdict import Outcome
from derivations.gaussian import entropy as en
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "gaussian_entropy"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """Integrals, derivatives and substitutions are proved; linearity for a general f is stated."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_conclusion() -> None:
    """19 proved, 12 stated; h(f) = h(phi) - KL(f || phi)."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (19, 12)
    assert checked.known_verdict.proved


def test_the_entropy_is_cover_and_thomas() -> None:
    """Line (h): 1/2 log(2 pi e sigma^2), and the integral before it is proved by the Gaussian integral rule."""
    (h,) = [s for s in _checked().steps if s.step.tag == "h"]
    assert h.verdict.proved and h.step.expr == en.ENTROPY


WRONG = {
    "without-e": sp.log(2 * sp.pi * en.sigma**2) / 2,
    "sigma-not-squared": sp.log(2 * sp.pi * sp.E * en.sigma) / 2,
    "no-half": sp.log(2 * sp.pi * sp.E * en.sigma**2),
}


@pytest.mark.parametrize("wrong", WRONG.values(), ids=list(WRONG))
def test_wrong_entropies_are_refuted(wrong: sp.Expr) -> None:
    """-int phi log phi is not the entropy without e, with sigma for sigma^2, or without the half."""
    integral = -sp.Integral(en.PHI * sp.log(en.PHI), en.OO)
    assert check_equal(integral, wrong).outcome is Outcome.REFUTED


def test_the_log_bound_is_tangent_at_one() -> None:
    """g(t) = t - 1 - log t is 0 at t = 1 and its derivative changes sign there (proved lines)."""
    values = [s.step.expr for s in _checked().steps if s.step.relation.name.startswith("evaluated at t")]
    assert values == [en.u / (1 + en.u), -en.u, 0]


def test_other_densities_of_variance_one_have_less_entropy() -> None:
    """scipy: uniform and Laplace densities of variance 1 have less entropy than N(0, 1)."""
    gaussian = stats.norm(0, 1).entropy()
    assert gaussian == pytest.approx(float(en.ENTROPY.subs(en.sigma, 1)))
    assert stats.uniform(-np.sqrt(3), 2 * np.sqrt(3)).entropy() < gaussian
    assert stats.laplace(0, 1 / np.sqrt(2)).entropy() < gaussian


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert len(derivation_files(_checked())) == 3
