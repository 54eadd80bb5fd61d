"""Tests for the conditional of a jointly Gaussian pair (derivations/gaussian/conditional.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from derivations.engine.checking import check_equal
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.relations import DEFINITION
from derivations.engine.substitution import at
from derivations.engine.verdict import Outcome
from derivations.errors import StepNotEqualError
from derivations.gaussian import conditional as gc
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step, stale_files

x, a, mu_1, mu_2 = gc.x, gc.a, gc.mu_1, gc.mu_2
Sigma_11, Sigma_12, Sigma_22 = gc.Sigma_11, gc.Sigma_12, gc.Sigma_22
#: Positive definiteness as the derivation writes it.
POSITIVE_DEFINITE = {Sigma_11: Sigma_12**2 / Sigma_22 + gc.Sigma_1g2}


NAME = "gaussian_conditional"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_a_stated_given(index: int) -> None:
    """Each checked step is proved; only givens and definitions are stated."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_conclusion() -> None:
    """7 steps are proved, 5 lines stated, and the result is source 001's Property 2 (scalar case)."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (7, 5)
    assert checked.known_verdict is not None and checked.known_verdict.proved


def test_factorisation_is_the_exact_joint_density() -> None:
    """Line (F): the joint density equals marginal times conditional as functions (constants included)."""
    (factorised,) = [s for s in _checked().steps if s.step.tag == "F"]
    assert factorised.verdict.proved
    assert factorised.step.expr == gc.MARGINAL * NormalPDF(x, gc.SOURCE_001_MEAN, gc.SOURCE_001_VARIANCE)


def test_marginal_is_proved_by_the_gaussian_integral() -> None:
    """Line (M): integrating x out of the joint gives N(a; mu_2, Sigma_22), by the Gaussian integral rule."""
    (marginal,) = [s for s in _checked().steps if s.step.tag == "M"]
    assert marginal.verdict.proved and "Gaussian integral rule" in marginal.verdict.method


def test_exercise_values_come_from_the_derived_formula() -> None:
    """Source 001's exercise: mean 1.05 and variance 0.51, the lines after the derived formulas."""
    exercise = "evaluated at the exercise's values"
    values = [s.step.expr for s in _checked().steps if s.step.relation.name.startswith(exercise)]
    assert values == [sp.Rational(21, 20), sp.Rational(51, 100)]


def test_a_wrong_exercise_value_is_refuted() -> None:
    """Evaluating at the exercise's values rejects 0.7^2 * 1.5 as the conditional mean."""
    d = Derivation("wrong_exercise", title="wrong")
    d.start(gc.SOURCE_001_MEAN, lhs="m", relation=DEFINITION, because="derived")
    d.then(sp.Rational(49, 100) * sp.Rational(3, 2), relation=at(gc.EXERCISE),
           because="squared the correlation")
    with pytest.raises(StepNotEqualError, match=r"^wrong_exercise: step 2 .* is refuted"):
        d.check()


WRONG_CONDITIONALS = {
    "Sigma_11-in-the-gain": NormalPDF(x, mu_1 + Sigma_12 / Sigma_11 * (a - mu_2), gc.SOURCE_001_VARIANCE),
    "dropped-square": NormalPDF(x, gc.SOURCE_001_MEAN, Sigma_11 - Sigma_12 / Sigma_22),
    "sign-of-the-correction": NormalPDF(x, gc.SOURCE_001_MEAN, Sigma_11 + Sigma_12**2 / Sigma_22),
    "marginal-variance": NormalPDF(x, gc.SOURCE_001_MEAN, Sigma_11),
}


@pytest.mark.parametrize("wrong", WRONG_CONDITIONALS.values(), ids=list(WRONG_CONDITIONALS))
def test_wrong_conditionals_are_refuted(wrong: sp.Expr) -> None:
    """A gain with Sigma_11, a dropped square, a flipped sign or the marginal variance is refuted."""
    derived = _checked().result.xreplace(POSITIVE_DEFINITE)
    verdict = check_equal(derived, wrong.xreplace(POSITIVE_DEFINITE))
    assert verdict.outcome is Outcome.REFUTED
    assert verdict.counterexample is not None and verdict.residual is not None


def test_seeded_samples_match_the_exercise() -> None:
    """Seeded joint samples: regression of x_1 on x_2 gives mean 1.05 at x_2 = 1.5 and variance 0.51."""
    n = 400_000
    rng = np.random.default_rng(2)
    joint = rng.multivariate_normal([0.0, 0.0], [[1.0, 0.7], [0.7, 1.0]], size=n)
    x1, x2 = joint[:, 0], joint[:, 1]
    design = np.column_stack([np.ones(n), x2])
    coef, *_ = np.linalg.lstsq(design, x1, rcond=None)
    residual = x1 - design @ coef
    variance = residual @ residual / (n - 2)
    mean_at = coef[0] + coef[1] * 1.5
    mean, var = (float(v) for v in (sp.Rational(21, 20), sp.Rational(51, 100)))
    stderr_mean = np.sqrt(variance * (1 / n + 1.5**2 / (x2 @ x2)))
    assert abs(mean_at - mean) < 5 * stderr_mean
    assert abs(variance - var) < 5 * var * np.sqrt(2 / n)
    window = np.abs(x2 - 1.5) < 0.02
    conditional = gc.SOURCE_001_MEAN.xreplace(gc.EXERCISE)
    assert abs(x1[window].mean() - float(conditional)) < 5 * np.sqrt(var / window.sum()) + 0.7 * 0.02


@settings(max_examples=40, deadline=None)
@given(st.floats(-2, 2), st.floats(-2, 2), st.floats(0.3, 2), st.floats(-0.9, 0.9), st.floats(0.3, 2))
def test_conditional_times_marginal_is_scipys_joint(x_value: float, a_value: float, s1: float, rho: float,
                                                    s2: float) -> None:
    """scipy's bivariate density equals N(a; 0, S22) N(x; derived mean, derived variance) at random points."""
    s11, s12, s22 = s1**2, rho * s1 * s2, s2**2
    joint = stats.multivariate_normal([0.0, 0.0], [[s11, s12], [s12, s22]]).pdf([x_value, a_value])
    point = {mu_1: 0, mu_2: 0, Sigma_11: s11, Sigma_12: s12, Sigma_22: s22, a: a_value}
    mean, variance = (float(e.xreplace(point)) for e in (gc.SOURCE_001_MEAN, gc.SOURCE_001_VARIANCE))
    factorised = stats.norm.pdf(a_value, 0, s2) * stats.norm.pdf(x_value, mean, variance**0.5)
    assert factorised == pytest.approx(joint, rel=1e-9)


def test_committed_output_is_current() -> None:
    """output/gaussian_conditional.{tex,md,json} are what `derivations run` writes now."""
    assert stale_files(_checked()) == []