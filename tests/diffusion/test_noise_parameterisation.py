"""Tests for the noise parameterisation and the loss, eqs. (9)-(14) (diffusion/noise_parameterisation.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.diffusion import noise_parameterisation as npar
from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.verdict import Outcome
from tests.diffusion.objective_steps import assert_checked
from tests.helpers import derived, each_step, nth_step

alpha_t, beta_t, alpha_bar_t, alpha_bar_tm1 = npar.alpha_t, npar.beta_t, npar.alpha_bar_t, npar.alpha_bar_tm1
sigma_t, beta_tilde_t, eps, eps_theta = npar.sigma_t, npar.beta_tilde_t, npar.eps, npar.eps_theta
#: Everything in alpha_t and alpha_bar_{t-1} (a consistent parameter space for negative controls).
IN_ALPHAS = {beta_t: 1 - alpha_t, alpha_bar_t: alpha_t * alpha_bar_tm1}


NAME = "noise_parameterisation"


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


def test_counts_and_result_is_l_simple() -> None:
    """17 proved, 7 stated; the result is L_simple, Ho et al. 2020, eq. (14)."""
    assert (checked().count(Outcome.PROVED), checked().count(Outcome.STATED)) == (17, 7)
    assert checked().known_verdict.proved and checked().result == npar.HO_EQ14


@pytest.mark.parametrize(("tag", "published"), [("10", npar.HO_EQ10_MU_TILDE), ("11", npar.HO_EQ11_MU_THETA),
                                                ("12", npar.HO_EQ12), ("SNR", npar.SNR_WEIGHT)],
                         ids=["eq10", "eq11", "eq12", "snr-weight"])
def test_tagged_lines_are_ho_equations(tag: str, published: sp.Expr) -> None:
    """Lines (10), (11), (12) and the SNR weight are the published formulas."""
    assert tagged(tag) == published


def test_snr_weight_is_the_eq12_weight_with_beta_tilde() -> None:
    """beta^2 / (2 beta_tilde alpha (1 - abar_t)) = 1/2 (SNR(t-1)/SNR(t) - 1), proved independently of the chain."""
    weight = npar.WEIGHT.xreplace({sigma_t: sp.sqrt(beta_tilde_t)})
    assert check_equal(weight, npar.SNR_WEIGHT, settings()).proved


WRONG_WEIGHTS = {
    "sigma-for-sigma-squared": npar.beta_t**2 / (2 * sigma_t * alpha_t * (1 - alpha_bar_t)),
    "dropped-sqrt-alpha-squared": npar.beta_t**2 / (2 * sigma_t**2 * sp.sqrt(alpha_t) * (1 - alpha_bar_t)),
    "beta-not-squared": npar.beta_t / (2 * sigma_t**2 * alpha_t * (1 - alpha_bar_t)),
}


@pytest.mark.parametrize("wrong", WRONG_WEIGHTS.values(), ids=list(WRONG_WEIGHTS))
def test_wrong_weights_are_refuted(wrong: sp.Expr) -> None:
    """sigma for sigma^2, sqrt(alpha) for alpha, beta for beta^2: refuted against the derived weight."""
    derived = tagged("12").args[0] / npar.norm_eps
    verdict = check_equal(derived.xreplace(IN_ALPHAS), wrong.xreplace(IN_ALPHAS))
    assert verdict.outcome is Outcome.REFUTED and verdict.counterexample is not None


def test_swapped_snr_index_is_refuted() -> None:
    """1/2 (SNR(t)/SNR(t-1) - 1), the index swapped, is refuted."""
    swapped = (npar.snr_t / npar.snr_tm1 - 1) / 2
    verdict = check_equal(npar.WEIGHT.xreplace({sigma_t: sp.sqrt(beta_tilde_t)}), swapped, settings())
    assert verdict.outcome is Outcome.REFUTED


def test_mean_of_eq11_with_the_true_noise_is_eq10() -> None:
    """With eps_theta = eps, eq. (11) is the posterior mean (10): the network that predicts the noise is exact."""
    assert npar.HO_EQ11_MU_THETA.xreplace({eps_theta: eps}) == npar.HO_EQ10_MU_TILDE


def test_per_coordinate_loss_matches_sampling() -> None:
    """Seeded samples: (mu_tilde - mu_theta)^2 / (2 sigma^2) equals weight * (eps - eps_theta)^2 draw by draw."""
    rng = np.random.default_rng(12)
    a, abar_prev, var = 0.97, 0.6, 0.02
    abar, beta = a * abar_prev, 1 - a
    x0, e, e_hat = rng.normal(size=(3, 1000))
    xt = np.sqrt(abar) * x0 + np.sqrt(1 - abar) * e
    mu_tilde = (np.sqrt(abar_prev) * beta / (1 - abar) * x0 + np.sqrt(a) * (1 - abar_prev) / (1 - abar) * xt)
    mu_theta = (xt - beta / np.sqrt(1 - abar) * e_hat) / np.sqrt(a)
    weight = float(npar.WEIGHT.xreplace({beta_t: beta, alpha_t: a, alpha_bar_t: abar, sigma_t: np.sqrt(var)}))
    assert np.allclose((mu_tilde - mu_theta) ** 2 / (2 * var), weight * (e - e_hat) ** 2, rtol=1e-9, atol=1e-12)


def test_l_simple_is_the_weight_set_to_one() -> None:
    """Eq. (14) is the weighted loss at lambda_t = 1 (an evaluation, not an equality of the two losses)."""
    step = next(s.step for s in checked().steps if s.step.tag == "14")
    assert step.relation.establishes is None and "lambda" in step.relation.latex
