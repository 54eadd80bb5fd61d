"""Tests for linear maps of Gaussian vectors (derivations/gaussian/linear_maps.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.matrices import MVNormalPDF, ScalarOf, d
from derivations.engine.verdict import Outcome
from derivations.gaussian import linear_maps as lm
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "linear_maps"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """Matrix lines are proved for every dimension; expectations and uniqueness are stated."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_conclusion() -> None:
    """11 proved, 9 stated; the density of Ax + b is N(A mu + b, A Sigma A^T)."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (11, 9)
    assert checked.known_verdict.proved


def test_property_1_is_proved_for_every_dimension() -> None:
    """Line (P1) is the characteristic function of N(A mu + b, A Sigma A^T), by the matrix rules."""
    (p1,) = [s for s in _checked().steps if s.step.tag == "P1"]
    assert p1.verdict.proved and "every dimension" in p1.verdict.method and p1.verdict.witness_points > 0


WRONG = {
    "covariance-without-transpose": lm.NormalCF(lm.t, lm.A * lm.mu + lm.b, lm.A * lm.Sigma * lm.A.T * 2),
    "mean-without-shift": lm.NormalCF(lm.t, lm.A * lm.mu, lm.A * lm.Sigma * lm.A.T),
}


@pytest.mark.parametrize("wrong", WRONG.values(), ids=list(WRONG))
def test_wrong_laws_are_refuted(wrong: sp.Expr) -> None:
    """A doubled covariance or a dropped shift is refuted against the line before (P1)."""
    covariance = lm.A * lm.Sigma * lm.A.T
    line = sp.exp(sp.I * ScalarOf(lm.t.T * (lm.A * lm.mu + lm.b)) - ScalarOf(lm.t.T * covariance * lm.t) / 2)
    settings = lm.build().settings
    assert check_equal(line, wrong, settings).outcome is Outcome.REFUTED


def test_the_density_route_refutes_a_missing_jacobian() -> None:
    """Without |det A| the pulled-back density is not N(A mu + b, A Sigma A^T)."""
    settings = lm.build().settings
    pulled = MVNormalPDF(lm.A_sq.I * (lm.y - lm.b_d), lm.mu, lm.Sigma)
    verdict = check_equal(pulled, MVNormalPDF(lm.y, lm.A_sq * lm.mu + lm.b_d, lm.A_sq * lm.Sigma * lm.A_sq.T), settings)
    assert verdict.outcome is Outcome.REFUTED


def test_question_4_unit_variance() -> None:
    """Cov x_t = abar Sigma_0 + (1 - abar) I, and I for Sigma_0 = I."""
    (q4,) = [s for s in _checked().steps if s.step.tag == "Q4"]
    assert q4.verdict.proved
    assert _checked().steps[q4.step.number].step.expr == sp.Identity(d)


def test_samples_agree_with_property_1() -> None:
    """Seeded samples of A x + b have the mean A mu + b and the covariance A Sigma A^T (numpy)."""
    rng = np.random.default_rng(17)
    a, b, mu = np.array([[1.0, 2.0], [0.5, -1.0], [0.0, 3.0]]), np.array([1.0, -2.0, 0.5]), np.array([0.3, -0.7])
    sigma = np.array([[2.0, 0.6], [0.6, 1.0]])
    samples = rng.multivariate_normal(mu, sigma, size=200_000) @ a.T + b
    assert np.allclose(samples.mean(axis=0), a @ mu + b, atol=0.03)
    assert np.allclose(np.cov(samples.T), a @ sigma @ a.T, atol=0.08)


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert len(derivation_files(_checked())) == 3
