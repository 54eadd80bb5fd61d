"""Tests for DDIM: eq. (7), Lemma 1, the sigma of DDPM and the update (derivations/diffusion/ddim.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.diffusion import ddim
from derivations.diffusion.ddpm_posterior import HO_EQ7_BETA_TILDE, HO_EQ7_MU_TILDE
from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.relations import EQUAL_IN_DISTRIBUTION, GIVEN
from derivations.engine.verdict import Outcome
from derivations.errors import StepNotEqualError
from tests.diffusion.objective_steps import assert_checked
from tests.helpers import derived, each_step, nth_step

alpha_t, alpha_tm1, sigma_t, eta = ddim.alpha_t, ddim.alpha_tm1, ddim.sigma_t, ddim.eta
x_0, x_t, eps, eps_tm1, eps_bar, eps_theta = ddim.x_0, ddim.x_t, ddim.eps, ddim.eps_tm1, ddim.eps_bar, ddim.eps_theta


NAME = "ddim"


def checked() -> CheckedDerivation:
    return derived(NAME)


def settings():
    return checked().derivation.settings


def tagged(tag: str) -> sp.Expr:
    return next(s.step.expr for s in checked().steps if s.step.tag == tag)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """Each checked step is proved; the rest are givens and definitions (the letters' table among them)."""
    step = nth_step(NAME, index)
    assert_checked(step)


def test_counts_and_result_is_the_deterministic_update() -> None:
    """12 proved, 13 stated; the result is eq. (12) with sigma_t = 0."""
    assert (checked().count(Outcome.PROVED), checked().count(Outcome.STATED)) == (12, 13)
    assert checked().known_verdict.proved and checked().result == ddim.DETERMINISTIC


def test_lemma_1_merges_the_noises_in_distribution() -> None:
    """The induction step ends with an equality in distribution whose variance no longer holds sigma."""
    merge = next(s for s in checked().steps if s.step.relation is EQUAL_IN_DISTRIBUTION)
    assert merge.verdict.proved and not merge.step.expr.has(sigma_t)


def test_the_letters_table_maps_ddpm_to_ddim() -> None:
    """DDPM's beta_tilde and mu_tilde in DDIM's letters are lines (DDPM) and (mu)."""
    assert tagged("DDPM") == ddim.in_ddim_letters(HO_EQ7_BETA_TILDE)
    assert tagged("mu") == ddim.in_ddim_letters(HO_EQ7_MU_TILDE)


def test_a_wrong_sigma_does_not_recover_ddpm() -> None:
    """With sigma_t^2 = beta_t (DDPM's other choice) the mean of eq. (7) is not DDPM's posterior mean."""
    wrong = ddim.ddim_mean(x_0, sp.sqrt(1 - alpha_t / alpha_tm1))
    verdict = check_equal(wrong, ddim.in_ddim_letters(HO_EQ7_MU_TILDE), settings())
    assert verdict.outcome is Outcome.REFUTED


def test_sigma_for_sigma_squared_breaks_lemma_1() -> None:
    """A sample with variance sigma_t (not sigma_t^2) does not keep the marginal: the merge is refuted."""
    d = Derivation("lemma_wrong", title="t")
    d.declare_normals(eps, eps_tm1, eps_bar)
    d.assume_positive(1 - alpha_t, 1 - alpha_tm1, alpha_tm1 - alpha_t, 1 - alpha_tm1 - sigma_t)
    wrong = (sp.sqrt(alpha_tm1) * x_0 + sp.sqrt(1 - alpha_tm1 - sigma_t**2) * eps + sp.sqrt(sigma_t) * eps_tm1)
    d.start(wrong, lhs=ddim.x_tm1, relation=GIVEN, because="sigma for sigma^2")
    d.then(sp.sqrt(alpha_tm1) * x_0 + sp.sqrt(1 - alpha_tm1) * eps_bar, relation=EQUAL_IN_DISTRIBUTION,
           because="variances add")
    with pytest.raises(StepNotEqualError, match=r"^lemma_wrong: step 2 .* is refuted"):
        d.check()


WRONG_UPDATES = {
    "dropped-sqrt": sp.sqrt(alpha_tm1) * ddim.F_THETA + (1 - alpha_tm1 - sigma_t**2) * eps_theta,
    "swapped-index": sp.sqrt(alpha_t) * ddim.F_THETA + sp.sqrt(1 - alpha_t - sigma_t**2) * eps_theta,
    "sigma-for-sigma-squared": sp.sqrt(alpha_tm1) * ddim.F_THETA + sp.sqrt(1 - alpha_tm1 - sigma_t) * eps_theta,
}


@pytest.mark.parametrize("wrong", WRONG_UPDATES.values(), ids=list(WRONG_UPDATES))
def test_wrong_updates_are_refuted(wrong: sp.Expr) -> None:
    """A dropped sqrt, alpha_t for alpha_{t-1}, or sigma for sigma^2 in eq. (12): refuted (eps_t part left out)."""
    update = ddim.ddim_update().xreplace({ddim.eps_t: 0})
    assert check_equal(update, wrong).outcome is Outcome.REFUTED


def test_lemma_1_by_sampling() -> None:
    """Seeded: x_{t-1} drawn from q_sigma, x_t ~ q(x_t | x_0), has mean sqrt(alpha_{t-1}) x_0, var 1 - alpha_{t-1}."""
    rng = np.random.default_rng(7)
    a_t, a_tm1, s, x0, n = 0.5, 0.7, 0.3, 1.3, 400_000
    xt = np.sqrt(a_t) * x0 + np.sqrt(1 - a_t) * rng.standard_normal(n)
    mean = np.sqrt(a_tm1) * x0 + np.sqrt(1 - a_tm1 - s**2) * (xt - np.sqrt(a_t) * x0) / np.sqrt(1 - a_t)
    x_prev = mean + s * rng.standard_normal(n)
    assert abs(x_prev.mean() - np.sqrt(a_tm1) * x0) < 5 * np.sqrt((1 - a_tm1) / n)
    assert abs(x_prev.var() - (1 - a_tm1)) < 5 * (1 - a_tm1) * np.sqrt(2 / n)
