"""Tests for VDM: the posterior and the diffusion loss in SNR form (derivations/diffusion/vdm.py)."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.diffusion import vdm
from derivations.engine.checking import check_equal
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.verdict import Outcome
from derivations.gaussian.kl import KLNormal
from tests.diffusion.objective_steps import assert_checked
from tests.helpers import derived, each_step, nth_step

NAME = "vdm_diffusion_loss"


def checked() -> CheckedDerivation:
    return derived(NAME)


def settings():
    return checked().derivation.settings


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """Each checked step is proved; the rest are givens and definitions."""
    step = nth_step(NAME, index)
    assert_checked(step)


def test_counts_and_result_is_vdm_eq13() -> None:
    """6 proved, 8 stated; the result is 1/2 (SNR(s) - SNR(t)) ||x - x_hat||^2, Kingma et al. 2021, eq. (13)."""
    assert (checked().count(Outcome.PROVED), checked().count(Outcome.STATED)) == (6, 8)
    assert checked().known_verdict.proved and checked().result == vdm.VDM_EQ13


def test_posterior_is_an_exact_identity_of_densities() -> None:
    """q(z_t | z_s) q(z_s | x) / q(z_t | x) is N(mu_Q, sigma_Q^2) exactly (line (Q), proved)."""
    line = next(s for s in checked().steps if s.step.tag == "Q")
    assert line.verdict.proved and "collecting exponentials" in line.verdict.method


WRONG_POSTERIORS = {
    "sigma-for-sigma-squared": NormalPDF(vdm.z_s, vdm.posterior_mean(vdm.x), vdm.var_ts * vdm.sigma_s / vdm.sigma_t),
    "swapped-s-and-t": NormalPDF(vdm.z_s, vdm.alpha_ts * vdm.sigma_t**2 / vdm.sigma_s**2 * vdm.z_t
                                 + vdm.alpha_s * vdm.var_ts / vdm.sigma_t**2 * vdm.x, vdm.var_Q),
}


@pytest.mark.parametrize("wrong", WRONG_POSTERIORS.values(), ids=list(WRONG_POSTERIORS))
def test_wrong_posteriors_are_refuted(wrong: sp.Expr) -> None:
    """sigma for sigma^2 in the variance, or sigma_s and sigma_t swapped in the mean: refuted."""
    bayes = next(s for s in checked().steps if s.step.tag == "Q")
    previous = checked().steps[bayes.step.number - 2].step.expr
    assert check_equal(previous, wrong, settings()).outcome is Outcome.REFUTED


def test_snr_difference_has_the_right_sign() -> None:
    """The per-coordinate KL is 1/2 (SNR(s) - SNR(t)) (x - x_hat)^2; SNR(t) - SNR(s) is refuted."""
    kl = KLNormal(vdm.posterior_mean(vdm.x), vdm.var_Q, vdm.posterior_mean(vdm.x_hat), vdm.var_Q)
    assert check_equal(kl, vdm.VDM_EQ13_COORDINATE, settings()).proved
    swapped = vdm.HALF * (vdm.snr_t - vdm.snr_s) * (vdm.x - vdm.x_hat) ** 2
    assert check_equal(kl, swapped, settings()).outcome is Outcome.REFUTED


def test_in_ddpm_letters_the_weight_is_luos() -> None:
    """With alpha_t^2 = abar_t, sigma_t^2 = 1 - abar_t and s = t - 1, SNR(s) - SNR(t) is Luo's data weight times 2."""
    abar_t, abar_tm1 = sp.symbols("abar_t abar_tm1", positive=True)
    ddpm = {vdm.alpha_t: sp.sqrt(abar_t), vdm.sigma_t: sp.sqrt(1 - abar_t),
            vdm.alpha_s: sp.sqrt(abar_tm1), vdm.sigma_s: sp.sqrt(1 - abar_tm1)}
    difference = (vdm.alpha_s**2 / vdm.sigma_s**2 - vdm.alpha_t**2 / vdm.sigma_t**2).xreplace(ddpm)
    assert sp.simplify(difference - (abar_tm1 / (1 - abar_tm1) - abar_t / (1 - abar_t))) == 0
