"""Tests for the score, Tweedie's formula and the noise as the score (derivations/diffusion/score.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.diffusion import score
from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.verdict import Outcome
from tests.diffusion.objective_steps import assert_checked
from tests.helpers import derived, each_step, nth_step

alpha_bar_t, x_0, x_t, eps, mu_0, sigma_0 = (score.alpha_bar_t, score.x_0, score.x_t, score.eps, score.mu_0,
                                             score.sigma_0)


NAME = "score_and_tweedie"


def checked() -> CheckedDerivation:
    return derived(NAME)


def settings():
    return checked().derivation.settings


def tagged(tag: str) -> sp.Expr:
    return next(s.step.expr for s in checked().steps if s.step.tag == tag)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """Each checked step is proved; the rest are givens and definitions."""
    step = nth_step(NAME, index)
    assert_checked(step)


def test_counts_and_result_is_tweedie() -> None:
    """10 proved, 10 stated; the result is Tweedie's formula with the marginal's score."""
    assert (checked().count(Outcome.PROVED), checked().count(Outcome.STATED)) == (10, 10)
    assert checked().known_verdict.proved and checked().result == score.TWEEDIE


def test_score_is_minus_the_noise_over_its_scale() -> None:
    """Line (score): grad log q(x_t | x_0) = -eps / sqrt(1 - abar_t)."""
    assert tagged("score") == -eps / sp.sqrt(1 - alpha_bar_t)


@pytest.mark.parametrize("wrong", [-eps / (1 - alpha_bar_t), -eps * sp.sqrt(1 - alpha_bar_t),
                                   eps / sp.sqrt(1 - alpha_bar_t)], ids=["dropped-sqrt", "inverted-scale", "sign"])
def test_wrong_scores_are_refuted(wrong: sp.Expr) -> None:
    """A dropped sqrt, the scale inverted, or the sign lost: refuted against the derived score."""
    verdict = check_equal(tagged("score"), wrong, settings())
    assert verdict.outcome is Outcome.REFUTED


def test_tweedie_with_a_dropped_variance_is_refuted() -> None:
    """(x_t + sqrt(1 - abar) grad log q) / sqrt(abar) is not the posterior mean; with 1 - abar it is."""
    gradient = -(x_t - sp.sqrt(alpha_bar_t) * mu_0) / score.MARGINAL_VARIANCE
    right = (x_t + (1 - alpha_bar_t) * gradient) / sp.sqrt(alpha_bar_t)
    wrong = (x_t + sp.sqrt(1 - alpha_bar_t) * gradient) / sp.sqrt(alpha_bar_t)
    assert check_equal(score.POSTERIOR_MEAN, right, settings()).proved
    assert check_equal(score.POSTERIOR_MEAN, wrong, settings()).outcome is Outcome.REFUTED


def test_tweedie_by_sampling() -> None:
    """Seeded: regressing x_0 on x_t under the Gaussian prior gives the derived posterior mean's coefficients."""
    rng = np.random.default_rng(2022)
    abar, m0, s0, n = 0.4, 0.7, 1.3, 400_000
    x0 = m0 + s0 * rng.standard_normal(n)
    xt = np.sqrt(abar) * x0 + np.sqrt(1 - abar) * rng.standard_normal(n)
    slope, intercept = np.polyfit(xt, x0, 1)
    mean = sp.expand(score.POSTERIOR_MEAN.xreplace({alpha_bar_t: sp.Rational(2, 5), mu_0: sp.Rational(7, 10),
                                                    sigma_0: sp.Rational(13, 10)}))
    assert abs(slope - float(mean.coeff(x_t))) < 0.01 and abs(intercept - float(mean.xreplace({x_t: 0}))) < 0.01
