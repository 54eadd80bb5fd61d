"""Tests for the schedules' numbers: abar_T and the eq. (12) weights (derivations/diffusion/schedule_numbers.py)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy as sp

from derivations.code import reference
from derivations.diffusion import schedule_numbers as sn
from derivations.diffusion import schedules
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.verdict import Outcome
from tests.diffusion.objective_steps import assert_checked
from tests.helpers import derived, each_step, nth_step

NAME = "schedule_numbers"


def checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """Each checked step is proved; the rest are givens and definitions."""
    step = nth_step(NAME, index)
    assert_checked(step)


def test_counts_and_result_is_the_weight_at_t_equal_one() -> None:
    """9 proved, 8 stated; the result is lambda_1 = 1/(2 alpha_1) = 5000/9999."""
    assert (checked().count(Outcome.PROVED), checked().count(Outcome.STATED)) == (9, 8)
    assert checked().known_verdict.proved and checked().result == sp.Rational(5000, 9999)


@pytest.mark.parametrize(("step", "value"), [(1, Fraction(1, 10000)), (500, Fraction(1003, 99900)),
                                              (1000, Fraction(1, 50))])
def test_linear_betas_are_exact(step: int, value: Fraction) -> None:
    """beta_1 = 1/10000, beta_500 = 1003/99900, beta_1000 = 1/50, from the exact alpha_bar product too."""
    assert sn.linear_beta_exact(step) == value
    assert sp.Rational(value.numerator, value.denominator) in {s.step.expr for s in checked().steps}


def test_linear_alpha_bar_T_agrees_with_the_float64_schedule() -> None:
    """The exact abar_1000 and the float64 one of schedules.py agree to 1e-12 relative."""
    exact = sn.linear_alpha_bar()[-1]
    code = float(schedules.alpha_bar(schedules.linear_beta())[-1])
    assert abs(code - float(exact)) <= 1e-12 * float(exact)
    assert sn.shown(exact) == "4.03582976538e-5"


def test_cosine_alpha_bar_T_clipped_agrees_with_the_float64_schedule() -> None:
    """abar_T of the clipped cosine schedule: 50 digits against float64, within 1e-6 relative (cancellation)."""
    code = float(schedules.alpha_bar(schedules.cosine_beta())[-1])
    exact = float(sn.cosine_alpha_bar_T_clipped())
    assert abs(code - exact) <= 1e-6 * exact


def test_only_the_last_cosine_beta_is_clipped() -> None:
    """Every beta_t = 1 - f(t)/f(t-1) below t = T is under 0.999 (so the telescoping line applies)."""
    with mpmath.workdps(30):
        offset = mpmath.mpf(1) / 125

        def f(step: int) -> mpmath.mpf:
            return mpmath.cos((mpmath.mpf(step) / 1000 + offset) / (1 + offset) * mpmath.pi / 2) ** 2
        betas = [1 - f(step) / f(step - 1) for step in range(1, 1000)]
    assert max(betas) < mpmath.mpf("0.999")


@pytest.mark.parametrize("step", [500, 1000])
def test_exact_weights_agree_with_the_reference_code(step: int) -> None:
    """The exact eq. (12) weights equal the NumPy reference code's on the paper-indexed float64 schedule."""
    beta, alpha_bar = reference.paper_indexed(schedules.linear_beta())
    tilde = float(sn.weight_exact(step, tilde=True))
    assert np.isclose(reference.snr_loss_weight(step, alpha_bar), tilde, rtol=1e-9)
    plain = float(sn.weight_exact(step, tilde=False))
    assert np.isclose(reference.eps_loss_weight(step, alpha_bar, beta[step]), plain, rtol=1e-9)


def test_the_beta_tilde_weight_at_t_equal_one_is_infinite() -> None:
    """beta_tilde_1 = 0: the SNR weight at t = 1 has no value (None), and the code gives inf."""
    assert sn.weight_exact(1, tilde=True) is None
    _, alpha_bar = reference.paper_indexed(schedules.linear_beta())
    with np.errstate(divide="ignore"):
        assert np.isinf(reference.snr_loss_weight(1, alpha_bar))


def test_a_wrong_weight_at_t_equal_one_fails_the_conclusion() -> None:
    """1/alpha_1 (a lost factor 2) is not the derived lambda_1."""
    assert checked().result != 1 / (1 - sn.BETA_1)
