"""Tests for the noise schedules (derivations/diffusion/schedules.py)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from derivations.diffusion import schedules


def test_linear_schedule_of_ho_et_al_runs_from_1e4_to_0_02_over_1000_steps() -> None:
    """Ho et al. 2020, sec. 4: T = 1000 betas, linear from 1e-4 to 0.02, float64."""
    beta = schedules.linear_beta()
    assert beta.dtype == np.float64 and beta.shape == (1000,)
    assert (beta[0], beta[-1]) == (1e-4, 0.02)
    assert np.all(np.diff(beta) > 0)


def test_scaled_linear_schedule_is_the_linear_one_at_T_1000_and_ten_times_larger_at_100() -> None:
    """The 1000/T scaling: identical at T = 1000; from 1e-3 to 0.2 at T = 100."""
    np.testing.assert_array_equal(schedules.scaled_linear_beta(1000), schedules.linear_beta())
    beta = schedules.scaled_linear_beta(100)
    assert beta.shape == (100,)
    assert beta[0] == pytest.approx(1e-3) and beta[-1] == pytest.approx(0.2)


def test_alpha_bar_is_the_cumulative_product_of_one_minus_beta() -> None:
    """alpha_bar_T equals exp(sum log(1 - beta)), an independent way to form the product."""
    beta = schedules.linear_beta()
    alpha_bar = schedules.alpha_bar(beta)
    assert alpha_bar[-1] == pytest.approx(np.exp(np.sum(np.log1p(-beta))), rel=1e-12)
    assert np.all(np.diff(alpha_bar) < 0) and 0 < alpha_bar[-1] < alpha_bar[0] < 1


def test_linear_schedule_alpha_bar_T_is_about_4e_5() -> None:
    """For the linear schedule alpha_bar_T is about 4.04e-5, close to exp(-sum beta - sum beta^2 / 2)."""
    alpha_bar_T = schedules.alpha_bar(schedules.linear_beta())[-1]
    assert alpha_bar_T == pytest.approx(4.0358e-5, rel=1e-4)
    beta = schedules.linear_beta()
    assert alpha_bar_T == pytest.approx(np.exp(-beta.sum() - (beta**2).sum() / 2), rel=1e-3)


def test_cosine_schedule_reproduces_eq_17_where_beta_is_not_clipped() -> None:
    """Nichol & Dhariwal eq. (17): the product of 1 - beta is f(t)/f(0) except at the clipped last step."""
    beta = schedules.cosine_beta()
    clipped = beta >= schedules.MAX_BETA
    assert clipped.tolist() == [False] * 999 + [True]
    np.testing.assert_allclose(schedules.alpha_bar(beta)[:-1], schedules.cosine_alpha_bar()[1:-1], rtol=1e-12)


def test_cosine_alpha_bar_starts_at_one_and_ends_near_zero() -> None:
    """f(0)/f(0) = 1 and f(T)/f(0) = cos^2(pi/2)/f(0), which is zero up to rounding."""
    alpha_bar = schedules.cosine_alpha_bar()
    assert alpha_bar[0] == 1.0 and alpha_bar[-1] < 1e-30


def test_kl_normal_matches_source_002_question_4() -> None:
    """KL(N(0, 1) || N(1, 4)) = log 2 + 2/8 - 1/2 (source 002, self-assessment question 4)."""
    assert schedules.kl_normal(0.0, 1.0, 1.0, 2.0) == pytest.approx(np.log(2) - 0.25, rel=1e-14)


def test_kl_normal_is_not_symmetric() -> None:
    """Negative control: swapping the two normals changes the value."""
    assert schedules.kl_normal(0.0, 1.0, 1.0, 2.0) != pytest.approx(schedules.kl_normal(1.0, 2.0, 0.0, 1.0))


@settings(max_examples=25, deadline=None)
@given(mu_1=st.floats(-2, 2), sigma_1=st.floats(0.3, 2), mu_2=st.floats(-2, 2), sigma_2=st.floats(0.3, 2))
def test_kl_normal_equals_the_integral_of_p_log_p_over_q(mu_1, sigma_1, mu_2, sigma_2) -> None:
    """The closed form equals the quadrature of p log(p/q) (the definition in source 002, sec. 2)."""
    p, q = stats.norm(mu_1, sigma_1), stats.norm(mu_2, sigma_2)
    value, _ = integrate.quad(lambda x: p.pdf(x) * (p.logpdf(x) - q.logpdf(x)), -np.inf, np.inf)
    assert schedules.kl_normal(mu_1, sigma_1, mu_2, sigma_2) == pytest.approx(value, rel=1e-6, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(alpha_bar_T=st.floats(1e-6, 0.5))
def test_terminal_kl_at_x0_equal_1_is_minus_half_log_one_minus_alpha_bar(alpha_bar_T: float) -> None:
    """At x_0 = 1 the terminal KL is -log(1 - alpha_bar_T)/2, about alpha_bar_T/2."""
    assert schedules.terminal_kl(alpha_bar_T) == pytest.approx(-0.5 * np.log1p(-alpha_bar_T), rel=1e-6)
