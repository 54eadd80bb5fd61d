"""Tests for the equal-variance denoising term, Ho et al. eq. (8) (derivations/diffusion/equal_variance_kl.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.diffusion import equal_variance_kl as ev
from derivations.engine.checking import DEFAULT_SETTINGS, check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.sums import sums_equal
from derivations.engine.verdict import Outcome
from derivations.gaussian.kl import KLNormal
from tests.diffusion.objective_steps import assert_checked
from tests.helpers import derived, each_step, nth_step

beta_tilde_t, sigma_t, mu_tilde_t, mu_theta, d, i = (ev.beta_tilde_t, ev.sigma_t, ev.mu_tilde_t, ev.mu_theta,
                                                      ev.d, ev.i)


NAME = "equal_variance_kl"


def checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """Each checked step is proved; the rest are givens and definitions."""
    step = nth_step(NAME, index)
    assert_checked(step)


def test_counts_and_result_is_ho_eq8() -> None:
    """6 proved, 5 stated; the result is E_q[||mu_tilde - mu_theta||^2 / (2 sigma_t^2)] + C (eq. (8))."""
    assert (checked().count(Outcome.PROVED), checked().count(Outcome.STATED)) == (6, 5)
    assert checked().known_verdict.proved and checked().result == ev.HO_EQ8


def test_the_constant_depends_on_beta_tilde_sigma_and_d_only() -> None:
    """C = d/2 (log(sigma^2/beta_tilde) + beta_tilde/sigma^2 - 1): free of the means, zero at sigma^2 = beta_tilde."""
    assert ev.CONSTANT.free_symbols == {beta_tilde_t, sigma_t, d}
    assert sp.simplify(ev.CONSTANT.xreplace({sigma_t: sp.sqrt(beta_tilde_t)})) == 0


def test_one_coordinate_is_the_univariate_kl() -> None:
    """The collected per-coordinate divergence equals the proved univariate KL."""
    kl = KLNormal(mu_tilde_t, beta_tilde_t, mu_theta, sigma_t**2)
    assert check_equal(kl, ev.per_coordinate(mu_tilde_t, mu_theta)).proved


WRONG = {
    "sigma-for-sigma-squared": (ev.per_coordinate(mu_tilde_t, mu_theta).xreplace({sigma_t**2: sigma_t})),
    "beta-tilde-squared": ((mu_tilde_t - mu_theta) ** 2 / (2 * sigma_t**2)
                           + (sp.log(sigma_t**2 / beta_tilde_t**2) + beta_tilde_t / sigma_t**2 - 1) / 2),
    "missing-half": (mu_tilde_t - mu_theta) ** 2 / sigma_t**2 + (sp.log(sigma_t**2 / beta_tilde_t)
                                                                 + beta_tilde_t / sigma_t**2 - 1) / 2,
}


@pytest.mark.parametrize("wrong", WRONG.values(), ids=list(WRONG))
def test_wrong_per_coordinate_divergences_are_refuted(wrong: sp.Expr) -> None:
    """sigma for sigma^2, a squared beta_tilde, a lost 1/2: each refuted against the univariate KL."""
    verdict = check_equal(KLNormal(mu_tilde_t, beta_tilde_t, mu_theta, sigma_t**2), wrong)
    assert verdict.outcome is Outcome.REFUTED and verdict.counterexample is not None


def test_the_constant_adds_up_d_times_not_d_plus_one() -> None:
    """Summing the constant over d coordinates gives d times it; (d + 1) times is refuted at a concrete d."""
    half = (sp.log(sigma_t**2 / beta_tilde_t) + beta_tilde_t / sigma_t**2 - 1) / 2
    assert sums_equal(sp.Sum(half, (i, 1, d)), d * half, DEFAULT_SETTINGS).proved
    verdict = sums_equal(sp.Sum(half, (i, 1, d)), (d + 1) * half, DEFAULT_SETTINGS)
    assert verdict.outcome is Outcome.REFUTED


def test_d_dimensional_kl_matches_monte_carlo() -> None:
    """Seeded samples of two isotropic Gaussians (d = 4): the mean log-ratio is the derived formula."""
    rng = np.random.default_rng(18)
    m1, m2 = rng.normal(size=4), rng.normal(size=4)
    v1, v2 = 0.3, 0.5
    draws = m1 + np.sqrt(v1) * rng.standard_normal((400_000, 4))
    log_ratio = (np.sum(-(draws - m1) ** 2 / (2 * v1), axis=1) + 2 * np.log(v2 / v1)
                 + np.sum((draws - m2) ** 2 / (2 * v2), axis=1))
    constant = ev.CONSTANT.xreplace({d: 4, sigma_t: sp.sqrt(sp.Rational(1, 2)), beta_tilde_t: sp.Rational(3, 10)})
    value = float(np.sum((m1 - m2) ** 2) / (2 * v2)) + float(constant)
    assert abs(log_ratio.mean() - value) < 5 * log_ratio.std() / np.sqrt(len(log_ratio))
