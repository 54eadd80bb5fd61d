"""Tests for the multivariate KL divergence in d dimensions (derivations/gaussian/kl_general.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.matrices import d
from derivations.engine.verdict import Outcome
from derivations.gaussian import kl_general as kg
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "kl_general"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """The algebra is proved for every d; the expectations (linearity, the covariance) are stated."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_conclusion() -> None:
    """7 proved, 4 stated; the result is the formula with -d."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (7, 4)
    assert checked.known_verdict.proved


def test_the_trace_of_the_identity_is_d() -> None:
    """Line (d): tr(Sigma_0^-1 Sigma_0) = d, the -d of the formula."""
    (line,) = [s for s in _checked().steps if s.step.tag == "d"]
    assert line.verdict.proved and line.step.expr == d


def test_at_two_dimensions_it_is_kl_multivariate() -> None:
    """The formula at d = 2 equals kl_multivariate's boxed result."""
    assert _checked().steps[1].verdict.proved


WRONG = {
    "minus-2-for-every-d": kg.FORMULA + (d - 2) / 2,
    "missing-half": 2 * kg.FORMULA,
    "Sigma_0-in-the-quadratic-form": kg.FORMULA - kg._q(kg.mu_1 - kg.mu_0, kg.Sigma_1.I) / 2
    + kg._q(kg.mu_1 - kg.mu_0, kg.Sigma_0.I) / 2,
    "determinants-swapped": kg.FORMULA - sp.log(sp.Determinant(kg.Sigma_1) / sp.Determinant(kg.Sigma_0)),
}


@pytest.mark.parametrize("wrong", WRONG.values(), ids=list(WRONG))
def test_wrong_formulas_are_refuted(wrong: sp.Expr) -> None:
    """-2 for every d, a missing half, Sigma_0 in the quadratic form or swapped determinants are refuted."""
    assert check_equal(kg.FORMULA, wrong).outcome is Outcome.REFUTED


def test_monte_carlo_agrees_in_three_dimensions() -> None:
    """A seeded Monte Carlo estimate of E_P[log p - log q] matches the formula at d = 3."""
    rng = np.random.default_rng(11)
    r0, r1 = rng.normal(size=(3, 3)), rng.normal(size=(3, 3))
    s0, s1 = r0 @ r0.T + np.eye(3), r1 @ r1.T + np.eye(3)
    m0, m1 = rng.normal(size=3), rng.normal(size=3)
    x = rng.multivariate_normal(m0, s0, size=400_000)

    def log_pdf(v, m, s):
        diff = v - m
        return -0.5 * np.einsum("ij,ij->i", diff @ np.linalg.inv(s), diff) - 0.5 * np.log(np.linalg.det(2 * np.pi * s))
    estimate = np.mean(log_pdf(x, m0, s0) - log_pdf(x, m1, s1))
    exact = 0.5 * (np.trace(np.linalg.solve(s1, s0)) + (m1 - m0) @ np.linalg.solve(s1, m1 - m0) - 3
                   + np.log(np.linalg.det(s1) / np.linalg.det(s0)))
    assert estimate == pytest.approx(exact, abs=0.02)


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert len(derivation_files(_checked())) == 3
