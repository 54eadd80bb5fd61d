"""Tests for the unrolled forward process (derivations/diffusion/forward_unrolled.py)."""

from __future__ import annotations

import math

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations.diffusion import forward_unrolled as fu
from derivations.engine.checking import check_equal
from derivations.engine.verdict import Outcome
from derivations.errors import StepNotEqualError

#: Wrong steps: (id, step, the part of the check that must fail).
WRONG_STEPS = [
    (
        "missing-square-root-on-x",
        fu.LinearStep(signal=lambda a: a, noise=lambda a: sp.sqrt(1 - a)),
        "mean is sqrt(alpha_t) A x_0",
    ),
    (
        "missing-square-root-on-noise",
        fu.LinearStep(signal=sp.sqrt, noise=lambda a: 1 - a),
        "variance is 1 - alpha_t Q",
    ),
    (
        "no-shrink-factor",
        fu.LinearStep(signal=lambda a: sp.S.One, noise=lambda a: sp.sqrt(1 - a)),
        "mean is sqrt(alpha_t) A x_0",
    ),
    (
        "variance-preserving-with-alpha",
        fu.LinearStep(signal=lambda a: a, noise=lambda a: sp.sqrt(1 - a**2)),
        "mean is sqrt(alpha_t) A x_0",
    ),
]


def test_generic_step_moments_come_from_affine_in_normals() -> None:
    """One step on A x_0 + S xi has mean c_x A x_0 and variance c_x^2 S^2 + c_eps^2 (variances add)."""
    mean, variance = fu.generic_step()
    assert sp.expand(mean - fu.C_X * fu.A * fu.x_0) == 0
    assert sp.expand(variance - (fu.C_X**2 * fu.S**2 + fu.C_EPS**2)) == 0


def test_forward_step_keeps_the_invariant() -> None:
    """Eq. (2) maps (A, Q) to (sqrt(alpha) A, alpha Q), proved by expansion."""
    verdict = fu.check_step(sp.Symbol("alpha_7", positive=True))
    assert verdict.outcome is Outcome.PROVED


@pytest.mark.parametrize("T", [1, 2, 3, 10, 50])
def test_unrolled_result_is_the_closed_form(T: int) -> None:
    """After T steps the coefficient is sqrt(prod alpha_i) and the variance 1 - prod alpha_i."""
    unrolled = fu.unroll(T)
    mean, variance = fu.closed_form(T)
    assert unrolled.steps_proved == T
    assert sp.expand(unrolled.mean_coefficient - mean) == 0
    assert sp.expand(unrolled.variance - variance) == 0


@pytest.mark.slow
def test_unrolled_check_reaches_T_1000() -> None:
    """T = 1000 distinct alphas: every step proved, result the closed form (linear cost; see benchmarks/)."""
    unrolled = fu.unroll(1000)
    mean, variance = fu.closed_form(1000)
    assert unrolled.steps_proved == 1000
    assert sp.expand(unrolled.variance - variance) == 0 and sp.expand(unrolled.mean_coefficient - mean) == 0


@pytest.mark.parametrize("T", [1, 2, 5, 8])
def test_literal_composition_agrees_with_the_closed_form(T: int) -> None:
    """Cross-check: the literal composition with T noises has the closed-form mean and variance."""
    mean, variance = fu.compose_explicit(T)
    closed_mean, closed_variance = fu.closed_form(T)
    assert check_equal(mean, closed_mean * fu.x_0).outcome is Outcome.PROVED
    assert check_equal(variance, closed_variance).outcome is Outcome.PROVED


def test_literal_composition_refutes_variance_one_minus_alpha_T() -> None:
    """Negative control: the variance of x_3 is not 1 - alpha_3."""
    _, variance = fu.compose_explicit(3)
    verdict = check_equal(variance, 1 - fu.alphas(3)[-1])
    assert verdict.outcome is Outcome.REFUTED and verdict.residual != 0


@pytest.mark.parametrize("step,part", [(s, p) for _, s, p in WRONG_STEPS], ids=[i for i, _, _ in WRONG_STEPS])
def test_wrong_steps_are_refuted_with_a_residual(step: fu.LinearStep, part: str) -> None:
    """A wrong step is refuted at the part that breaks, with a nonzero residual and a point."""
    verdict = fu.check_step(sp.Symbol("alpha_1", positive=True), step)
    assert verdict.outcome is Outcome.REFUTED
    assert verdict.method.startswith(part)
    assert verdict.residual != 0 and verdict.counterexample is not None


def test_unroll_with_a_wrong_step_raises_naming_the_step() -> None:
    """unroll stops at step t = 1 with the refutation in the message."""
    _, step, _ = WRONG_STEPS[0]
    with pytest.raises(
        StepNotEqualError, match=r"^forward_unrolled T=5: step t=1 is refuted \(refuted \(mean"
    ):
        fu.unroll(5, step)


@settings(max_examples=30, deadline=None)
@given(values=st.lists(st.floats(0.01, 0.999), min_size=1, max_size=20))
def test_unrolled_expressions_match_a_float_recurrence(values: list[float]) -> None:
    """At random alphas the result equals the recurrence a <- sqrt(alpha) a, v <- alpha v + 1 - alpha."""
    unrolled = fu.unroll(len(values))
    point = dict(zip(fu.alphas(len(values)), values, strict=True))
    a, v = 1.0, 0.0
    for alpha in values:
        a, v = math.sqrt(alpha) * a, alpha * v + 1 - alpha
    assert float(unrolled.mean_coefficient.xreplace(point)) == pytest.approx(a, rel=1e-9)
    assert float(unrolled.variance.xreplace(point)) == pytest.approx(v, rel=1e-9, abs=1e-12)
