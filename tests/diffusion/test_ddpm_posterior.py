"""Tests for the DDPM posterior q(x_{t-1} | x_t, x_0) (derivations/diffusion/ddpm_posterior.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations.diffusion import ddpm_posterior as dp
from derivations.engine.checking import check_equal
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.relations import DEFINITION
from derivations.engine.verdict import Outcome
from derivations.errors import StepNotEqualError
from derivations.latex import render
from tests.helpers import assert_proved_or_stated, derived, each_step, first_difference, nth_step, stale_files

alpha_t, beta_t, alpha_bar_t, alpha_bar_tm1 = dp.alpha_t, dp.beta_t, dp.alpha_bar_t, dp.alpha_bar_tm1
x_0, x_t, x_tm1, eps = dp.x_0, dp.x_t, dp.x_tm1, dp.eps
#: The schedule relations only (beta_t = 1 - alpha_t, abar_t = alpha_t abar_{t-1}), for negative controls.
SCHEDULE = {beta_t: 1 - alpha_t, alpha_bar_t: alpha_t * alpha_bar_tm1}


NAME = "ddpm_posterior"


def _checked() -> CheckedDerivation:
    return derived(NAME)


def _in_alphas(expr: sp.Expr) -> sp.Expr:
    """``expr`` with the schedule relations substituted (a consistent parameter space)."""
    return expr.xreplace(SCHEDULE).xreplace(SCHEDULE)


@each_step(NAME)
def test_every_step_is_proved_or_a_stated_given(index: int) -> None:
    """Each checked step is proved; only givens and definitions are stated."""
    assert_proved_or_stated(nth_step(NAME, index))


def test_counts_of_proved_and_stated_steps() -> None:
    """32 steps are proved and 7 lines are stated (Bayes, Markov, the densities, read-off definitions)."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (33, 7)
    assert checked.all_proved


def test_result_is_ho_eq7_posterior_density() -> None:
    """The boxed result N(x_{t-1}; mu_tilde, beta_tilde) is proved equal to Ho et al. eqs. (6)-(7)."""
    checked = _checked()
    assert checked.known_verdict is not None and checked.known_verdict.proved
    assert checked.derivation.known.source == "Ho et al. 2020, eqs. (6)-(7)"
    assert checked.result.args == (x_tm1, dp.posterior_mean_x0(), dp.posterior_variance())


@pytest.mark.parametrize("derived, published", [
    (dp.posterior_mean_x0, dp.HO_EQ7_MU_TILDE),
    (dp.posterior_variance, dp.HO_EQ7_BETA_TILDE),
    (dp.posterior_mean_eps, dp.HO_EQ10_MU_TILDE),
], ids=["mean-eq7", "variance-eq7", "noise-form-eq10"])
def test_exported_expressions_match_ho(derived, published) -> None:
    """The exported mean, variance and noise-form mean equal Ho et al. eqs. (7) and (10)."""
    verdict = check_equal(derived(), published, _checked().derivation.settings)
    assert verdict.outcome is Outcome.PROVED, verdict.describe()


def test_noise_form_has_the_shape_of_ho_eq11() -> None:
    """Eq. (11)'s mu_theta = (x_t - beta_t/sqrt(1 - abar_t) eps_theta)/sqrt(alpha_t) is the noise form."""
    eps_theta = sp.Symbol("epsilon_theta", real=True)
    eq11 = (x_t - beta_t / sp.sqrt(1 - alpha_bar_t) * eps_theta) / sp.sqrt(alpha_t)
    verdict = check_equal(dp.posterior_mean_eps().xreplace({eps: eps_theta}), eq11)
    assert verdict.outcome is Outcome.PROVED


def test_noise_form_round_trips_to_the_x0_form() -> None:
    """Putting eps = (x_t - sqrt(abar_t) x_0)/sqrt(1 - abar_t) back into eq. (10) gives eq. (7)."""
    eps_of_x0 = (x_t - sp.sqrt(alpha_bar_t) * x_0) / sp.sqrt(1 - alpha_bar_t)
    verdict = check_equal(_in_alphas(dp.posterior_mean_eps().xreplace({eps: eps_of_x0})),
                          _in_alphas(dp.posterior_mean_x0()))
    assert verdict.outcome is Outcome.PROVED, verdict.describe()


def test_exported_expressions_are_lines_of_the_derivation() -> None:
    """The exported expressions are the derivation's lines: eq. (7)'s variance, then the tagged (7) and (10)."""
    tagged = {(s.step.tag, s.step.number): s.step.expr for s in _checked().steps if s.step.tag in {"7", "10"}}
    lines = list(tagged.values())
    (variance,) = [s.step.expr for s in _checked().steps if "the variance of Ho et al. 2020, eq. (7)" in s.step.because]
    assert [variance, *lines] == [dp.posterior_variance(), dp.posterior_mean_x0(), dp.posterior_mean_eps()]


@pytest.mark.parametrize("tag", ["E", "C", "Q", "P"])
def test_exact_identity_and_completed_square_lines_are_proved(tag: str) -> None:
    """The exponent identity (E), the constant identity (C), the named quadratic (Q) and (P) are proved."""
    steps = [s for s in _checked().steps if s.step.tag == tag]
    assert steps and all(s.verdict.proved for s in steps)


WRONG_MEANS = {
    "abar_t-for-abar_tm1": (sp.sqrt(alpha_bar_t) * beta_t / (1 - alpha_bar_t) * x_0
                            + sp.sqrt(alpha_t) * (1 - alpha_bar_t) / (1 - alpha_bar_t) * x_t),
    "missing-(1-abar_tm1)": (sp.sqrt(alpha_bar_tm1) * beta_t / (1 - alpha_bar_t) * x_0
                             + sp.sqrt(alpha_t) / (1 - alpha_bar_t) * x_t),
    "alpha_t-for-sqrt(alpha_t)": (sp.sqrt(alpha_bar_tm1) * beta_t / (1 - alpha_bar_t) * x_0
                                  + alpha_t * (1 - alpha_bar_tm1) / (1 - alpha_bar_t) * x_t),
}


@pytest.mark.parametrize("wrong", WRONG_MEANS.values(), ids=list(WRONG_MEANS))
def test_wrong_posterior_means_are_refuted(wrong: sp.Expr) -> None:
    """A mean with abar_t for abar_{t-1}, no (1 - abar_{t-1}), or alpha_t for sqrt(alpha_t) is refuted."""
    verdict = check_equal(_in_alphas(wrong), _in_alphas(dp.posterior_mean_x0()))
    assert verdict.outcome is Outcome.REFUTED
    assert verdict.residual is not None and verdict.residual != 0
    assert verdict.counterexample is not None


def test_wrong_posterior_variance_is_refuted() -> None:
    """beta_tilde with abar_t in place of abar_{t-1} (that is, beta_t itself) is refuted."""
    wrong = (1 - alpha_bar_t) / (1 - alpha_bar_t) * beta_t
    verdict = check_equal(_in_alphas(wrong), _in_alphas(dp.posterior_variance()))
    assert verdict.outcome is Outcome.REFUTED and verdict.counterexample is not None


def test_wrong_density_fails_the_conclusion() -> None:
    """The result compared with a density whose variance uses abar_t for abar_{t-1} is refuted."""
    wrong = NormalPDF(x_tm1, dp.HO_EQ7_MU_TILDE, beta_t)
    verdict = check_equal(_in_alphas(_checked().result), _in_alphas(wrong))
    assert verdict.outcome is Outcome.REFUTED


def test_a_wrong_read_off_variance_stops_the_derivation() -> None:
    """A chain that reads 1/beta_tilde off as alpha_t/beta_t + 1/(1 - abar_t) fails with StepNotEqualError."""
    d = Derivation("wrong_posterior", title="wrong")
    d.assume_positive(1 - alpha_t)
    d.define(beta_t, 1 - alpha_t)
    d.define(alpha_bar_t, alpha_t * alpha_bar_tm1)
    d.start(dp.PRECISION, lhs=1 / dp.beta_tilde_t, relation=DEFINITION, because="read off")
    d.then((1 - alpha_bar_t) / (beta_t * (1 - alpha_bar_t)), because="wrong index")
    with pytest.raises(StepNotEqualError, match=r"^wrong_posterior: step 2 .* is refuted"):
        d.check()


@settings(max_examples=50, deadline=None)
@given(st.floats(0.01, 0.98), st.floats(0.01, 0.98))
def test_posterior_variance_lies_strictly_between_zero_and_beta(abar_tm1: float, ratio: float) -> None:
    """0 < beta_tilde_t < beta_t whenever 0 < abar_t < abar_{t-1} < 1 (numerically, beside the proof)."""
    point = {alpha_bar_tm1: abar_tm1, alpha_t: ratio}
    variance = float(_in_alphas(dp.posterior_variance()).xreplace(point))
    beta = 1 - ratio
    assert 0 < variance < beta


def test_posterior_variance_vanishes_at_t_equal_one() -> None:
    """beta_tilde_1 = 0 because abar_0 = 1."""
    assert dp.posterior_variance().xreplace({alpha_bar_tm1: 1}) == 0


def _regression(alpha_bar_prev: float, alpha: float, n: int, seed: int):
    """Sample the forward process and regress x_{t-1} on (x_0, x_t, 1)."""
    rng = np.random.default_rng(seed)
    x0 = np.where(rng.random(n) < 0.3, rng.normal(-1.5, 0.4, n), rng.normal(1.0, 0.7, n))
    x_prev = np.sqrt(alpha_bar_prev) * x0 + np.sqrt(1 - alpha_bar_prev) * rng.standard_normal(n)
    x_now = np.sqrt(alpha) * x_prev + np.sqrt(1 - alpha) * rng.standard_normal(n)
    design = np.column_stack([x0, x_now, np.ones(n)])
    coef, *_ = np.linalg.lstsq(design, x_prev, rcond=None)
    residual = x_prev - design @ coef
    variance = residual @ residual / (n - 3)
    stderr = np.sqrt(variance * np.diag(np.linalg.inv(design.T @ design)))
    return coef, stderr, variance


@pytest.mark.parametrize("alpha_bar_prev, alpha", [(0.9, 0.98), (0.4, 0.9), (0.05, 0.7)])
def test_sampled_conditional_mean_and_variance_match_the_derivation(alpha_bar_prev: float,
                                                                    alpha: float) -> None:
    """Seeded forward-process samples: regressing x_{t-1} on (x_0, x_t) recovers mu_tilde and beta_tilde."""
    n = 200_000
    coef, stderr, variance = _regression(alpha_bar_prev, alpha, n, seed=6)
    point = {alpha_bar_tm1: sp.Float(alpha_bar_prev), alpha_t: sp.Float(alpha)}
    mean = sp.expand(_in_alphas(dp.posterior_mean_x0()).xreplace(point))
    expected = [float(mean.coeff(x_0)), float(mean.coeff(x_t)), 0.0]
    assert np.all(np.abs(coef - expected) < 5 * stderr), (coef, expected, stderr)
    beta_tilde = float(_in_alphas(dp.posterior_variance()).xreplace(point))
    assert abs(variance - beta_tilde) < 5 * beta_tilde * np.sqrt(2 / n), (variance, beta_tilde)


def test_sampling_test_can_fail_for_a_wrong_mean() -> None:
    """The same regression rejects the mean with a dropped (1 - abar_{t-1}) factor (the test has power)."""
    coef, stderr, _ = _regression(0.4, 0.9, 200_000, seed=6)
    wrong = sp.expand(_in_alphas(WRONG_MEANS["missing-(1-abar_tm1)"]).xreplace(
        {alpha_bar_tm1: sp.Float(0.4), alpha_t: sp.Float(0.9)}))
    assert abs(coef[1] - float(wrong.coeff(x_t))) > 5 * stderr[1]


def test_committed_output_is_current() -> None:
    """output/ddpm_posterior.{tex,md,json} are what `derivations run` writes now."""
    assert stale_files(_checked()) == [], first_difference(_checked())


def test_json_result_holds_mean_and_variance() -> None:
    """The JSON's result is the density whose mean is mu_tilde(x_0, x_t) and whose variance is beta_tilde."""
    data = render.as_dict(_checked())
    assert "NormalPDF" in data["result"]["srepr"]
    assert data["known_result"]["outcome"]["status"] == "proved"
    assert r"\mathbf{x}_{0}" in data["result"]["latex"] and r"\mathbf{x}_{t}" in data["result"]["latex"]
