"""Tests for log-likelihood and squared error (derivations/gaussian/likelihood_mse.py)."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.matrices import MVNormalPDF, d
from derivations.engine.verdict import Outcome
from derivations.gaussian import likelihood_mse as lk
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "likelihood_mse"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved(index: int) -> None:
    """Every line is proved (nothing is stated)."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)
    assert step.verdict.outcome is Outcome.PROVED


def test_counts_and_conclusion() -> None:
    """9 proved; the squared error is -2 log N(eps; eps_theta, I) - d log 2 pi."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (9, 0)
    assert checked.known_verdict.proved


def test_the_slip_exactly_the_nll_is_refuted() -> None:
    """Source 001's 'exactly the negative log-likelihood' is refuted (a factor 1/2 and a constant)."""
    (slip,) = _checked().derivation.slips
    assert slip.verdict.outcome is Outcome.REFUTED and slip.verdict.counterexample is not None


WRONG = {
    "missing-half": lk.SquaredNorm(lk.x - lk.mu) / lk.sigma**2 + d / 2 * sp.log(2 * sp.pi * lk.sigma**2),
    "constant-sign": lk.SquaredNorm(lk.x - lk.mu) / (2 * lk.sigma**2) - d / 2 * sp.log(2 * sp.pi * lk.sigma**2),
    "one-dimension-constant": lk.SquaredNorm(lk.x - lk.mu) / (2 * lk.sigma**2) + sp.log(2 * sp.pi * lk.sigma**2) / 2,
}


@pytest.mark.parametrize("wrong", WRONG.values(), ids=list(WRONG))
def test_wrong_negative_log_likelihoods_are_refuted(wrong: sp.Expr) -> None:
    """A missing half, a swapped sign or the constant of one dimension is refuted."""
    nll = -sp.log(MVNormalPDF(lk.x, lk.mu, lk.sigma**2 * sp.Identity(d)))
    assert check_equal(nll, wrong).outcome is Outcome.REFUTED


def test_the_maximum_likelihood_mean_is_the_sample_mean() -> None:
    """The derivative of the negative log-likelihood vanishes at the mean of the three observations."""
    (at_mean,) = [s for s in _checked().steps if s.step.relation.name == r"evaluated at $\mu = \bar{y}$"]
    assert at_mean.verdict.proved and at_mean.step.expr == 0


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert len(derivation_files(_checked())) == 3
