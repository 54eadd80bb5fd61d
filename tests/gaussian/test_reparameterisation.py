"""Tests for the reparameterisation trick and its gradients (derivations/gaussian/reparameterisation.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.verdict import Outcome
from derivations.gaussian import reparameterisation as rp
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "reparameterisation"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """The gradients, the moments and the matrices are proved; the change of variables is stated."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_conclusion() -> None:
    """16 proved, 5 stated; the result is source 001's E_eps[L(mu + sigma eps)]."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (16, 5)
    assert checked.known_verdict.proved


def test_both_gradients_agree_exactly() -> None:
    """d/dmu and d/dsigma of E[L] equal the expectations of the sample gradients, for every cubic."""
    grads = [s for s in _checked().steps if s.step.expr in (rp.GRAD_MU, rp.GRAD_SIGMA) and s.step.lhs is not None]
    assert len(grads) == 5 and all(s.verdict.outcome in (Outcome.PROVED, Outcome.STATED) for s in grads)


WRONG = {
    "sigma-gradient-without-eps": rp.a_1 + 2 * rp.a_2 * rp.mu + 3 * rp.a_3 * (rp.mu**2 + rp.sigma**2),
    "mu-gradient-missing-the-variance": rp.a_1 + 2 * rp.a_2 * rp.mu + 3 * rp.a_3 * rp.mu**2,
}


def test_wrong_gradients_are_refuted() -> None:
    """The sigma gradient is not the mu gradient, and the mu gradient keeps 3 a_3 sigma^2."""
    assert check_equal(sp.diff(rp.MEAN_LOSS, rp.sigma), WRONG["sigma-gradient-without-eps"]).outcome is Outcome.REFUTED
    assert check_equal(sp.diff(rp.MEAN_LOSS, rp.mu), WRONG["mu-gradient-missing-the-variance"]).outcome \
        is Outcome.REFUTED


def test_a_wrong_multivariate_covariance_is_refuted() -> None:
    """Cov(mu + L eps) is L L^T, not L^T L."""
    assert check_equal(rp.L * rp.L.T, rp.L.T * rp.L).outcome is Outcome.REFUTED


def test_monte_carlo_gradients_match() -> None:
    """Seeded reparameterised gradients of z^2 at mu = 1, sigma = 1 average to 2 and 2 (source 001's code)."""
    eps = np.random.default_rng(7).normal(size=400_000)
    mu, sigma = 1.0, 1.0
    grad_mu = np.mean(2 * (mu + sigma * eps))
    grad_log_sigma = np.mean(2 * (mu + sigma * eps) * eps * sigma)
    assert grad_mu == pytest.approx(2.0, abs=0.02) and grad_log_sigma == pytest.approx(2.0, abs=0.02)


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert len(derivation_files(_checked())) == 3
