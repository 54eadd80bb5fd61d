"""Tests for derivations.code.reference: the NumPy implementations behave as the distributions they compute.

These are independent of the derivations (quadrature, Monte Carlo-free moment
recursions, identities between the functions); tests/test_codecheck.py proves
each function equal to its derived result.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from derivations.code import reference
from derivations.diffusion import schedules

real = st.floats(-3.0, 3.0)
positive = st.floats(0.1, 4.0)
RTOL = 1e-9  # quadrature and float64: far above rounding, far below any formula error


@settings(max_examples=30, deadline=None)
@given(x=real, mu=real, var=positive)
def test_normal_pdf_matches_scipy(x, mu, var):
    """normal_pdf(x, mu, var) is scipy's N(mu, var) density (var is the variance, not the sd)."""
    assert reference.normal_pdf(x, mu, var) == pytest.approx(stats.norm.pdf(x, mu, np.sqrt(var)), rel=RTOL)


@settings(max_examples=30, deadline=None)
@given(x=real, mu=real, var=positive)
def test_normal_log_pdf_is_the_log_of_the_pdf(x, mu, var):
    """normal_log_pdf is log(normal_pdf) (absolute tolerance: the log can be near 0)."""
    assert reference.normal_log_pdf(x, mu, var) == pytest.approx(np.log(reference.normal_pdf(x, mu, var)),
                                                                 rel=RTOL, abs=1e-12)


@pytest.mark.parametrize("x", [-2.0, 0.0, 0.7, 3.0])
def test_gaussian_convolution_matches_the_convolution_integral(x):
    """The density with the returned mean and variance equals the quadrature of the convolution integral."""
    first, second = (0.5, 0.8), (-1.2, 1.7)
    def integrand(t):
        return reference.normal_pdf(t, *first) * reference.normal_pdf(x - t, *second)
    integral, _ = integrate.quad(integrand, -np.inf, np.inf, epsabs=1e-13, epsrel=1e-12)
    mean, var = reference.gaussian_convolution(*first, *second)
    assert reference.normal_pdf(x, mean, var) == pytest.approx(integral, rel=RTOL)


@pytest.mark.parametrize("params", [(0.0, 1.0, 1.0, 4.0), (1.5, 0.3, -0.5, 2.0), (0.2, 2.5, 0.2, 2.5)],
                         ids=["source-002-q4", "unequal", "equal"])
def test_kl_normal_matches_quadrature(params):
    """kl_normal equals the integral of p log(p/q), with variances as arguments."""
    mu_1, var_1, mu_2, var_2 = params
    integrand = lambda x: reference.normal_pdf(x, mu_1, var_1) * (  # noqa: E731
        reference.normal_log_pdf(x, mu_1, var_1) - reference.normal_log_pdf(x, mu_2, var_2))
    value, _ = integrate.quad(integrand, -np.inf, np.inf, epsabs=1e-13, epsrel=1e-12)
    assert reference.kl_normal(*params) == pytest.approx(value, rel=RTOL, abs=1e-12)


def test_kl_normal_source_002_question_4():
    """KL(N(0, 1) || N(1, 4)) = log 2 + 2/8 - 1/2 = 0.4431... (source 002, self-assessment question 4)."""
    assert reference.kl_normal(0.0, 1.0, 1.0, 4.0) == pytest.approx(np.log(2) - 0.25, rel=1e-15)


@settings(max_examples=30, deadline=None)
@given(data=st.lists(st.tuples(real, positive, real, positive), min_size=1, max_size=5))
def test_kl_diagonal_is_the_sum_of_univariate_kls(data):
    """kl_diagonal over the last axis is the sum of kl_normal over the coordinates."""
    mu_1, var_1, mu_2, var_2 = (np.array(column) for column in zip(*data))
    expected = sum(reference.kl_normal(*row) for row in data)
    assert reference.kl_diagonal(mu_1, var_1, mu_2, var_2) == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_kl_diagonal_sums_over_the_last_axis_only():
    """A batch of diagonal Gaussians (shape (batch, d)) gives one KL per batch row."""
    mu = np.zeros((4, 3))
    assert reference.kl_diagonal(mu, np.ones((4, 3)), mu, np.ones((4, 3))).shape == (4,)


SCHEDULE = reference.paper_indexed(schedules.linear_beta())


def test_paper_indexed_puts_step_t_at_index_t():
    """beta[t] is beta_t and alpha_bar[t] is alpha_bar_t for t = 1..T, with beta_0 = 0 and alpha_bar_0 = 1."""
    beta, alpha_bar = SCHEDULE
    assert len(beta) == len(alpha_bar) == 1001
    assert (beta[0], alpha_bar[0]) == (0.0, 1.0)
    assert beta[1] == schedules.linear_beta()[0]
    assert alpha_bar[1000] == schedules.alpha_bar(schedules.linear_beta())[-1]


@pytest.mark.parametrize("t", [1, 2, 500, 1000])
def test_forward_steps_give_the_moments_of_q_sample(t):
    """Iterating forward_step's mean and variance from x_0 gives q_sample's: sqrt(abar_t) x_0, 1 - abar_t."""
    beta, alpha_bar = SCHEDULE
    x_0 = 1.3
    mean, var = x_0, 0.0
    for s in range(1, t + 1):  # forward_step is affine: x_s = a x_{s-1} + b eps with a, b read off the code
        a = reference.forward_step(1.0, s, 0.0, beta)
        b = reference.forward_step(0.0, s, 1.0, beta)
        mean, var = a * mean, a**2 * var + b**2
    assert mean == pytest.approx(reference.q_sample(x_0, t, 0.0, alpha_bar), rel=1e-12)
    assert var == pytest.approx(reference.q_sample(0.0, t, 1.0, alpha_bar) ** 2, rel=1e-10)


@settings(max_examples=30, deadline=None)
@given(t=st.integers(1, 1000), x_0=real, eps=real)
def test_noise_form_of_the_mean_agrees_with_the_x0_form(t, x_0, eps):
    """posterior_mean_from_eps(x_t, eps) = posterior_mean(x_0, x_t) when x_t = q_sample(x_0, t, eps)."""
    _, alpha_bar = SCHEDULE
    x_t = reference.q_sample(x_0, t, eps, alpha_bar)
    assert reference.posterior_mean_from_eps(x_t, t, eps, alpha_bar) == pytest.approx(
        reference.posterior_mean(x_0, x_t, t, alpha_bar), rel=1e-8, abs=1e-8)


@pytest.mark.parametrize("t", [2, 10, 999, 1000])
def test_posterior_variance_is_between_0_and_beta_t(t):
    """0 < beta_tilde_t < beta_t for t >= 2 (Ho et al. 2020, sec. 3.2: the two choices of sigma_t^2)."""
    beta, alpha_bar = SCHEDULE
    assert 0 < reference.posterior_variance(t, alpha_bar) < beta[t]


def test_posterior_at_t_1_is_x_0_exactly():
    """At t = 1, alpha_bar_0 = 1: the posterior is a point mass at x_0 (mean x_0, variance 0)."""
    _, alpha_bar = SCHEDULE
    assert reference.posterior_variance(1, alpha_bar) == 0.0
    assert reference.posterior_mean(0.8, -2.0, 1, alpha_bar) == pytest.approx(0.8, rel=1e-12)


def test_q_sample_broadcasts_over_arrays():
    """q_sample works on whole images: x_0 and eps of shape (2, 3) give x_t of shape (2, 3)."""
    _, alpha_bar = SCHEDULE
    x_t = reference.q_sample(np.ones((2, 3)), 10, np.zeros((2, 3)), alpha_bar)
    assert x_t.shape == (2, 3) and np.allclose(x_t, np.sqrt(alpha_bar[10]))
