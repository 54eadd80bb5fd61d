"""KL divergence between two normals: every step proved, wrong formulas refuted, numbers checked."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from derivations.engine.checking import check_equal
from derivations.engine.densities import NormalPDF
from derivations.engine.verdict import Outcome
from derivations.gaussian.kl import (
    KL_CLOSED_FORM,
    KLNormal,
    log_difference,
    monte_carlo_kl,
    mu_1,
    mu_2,
    sigma_1,
    sigma_2,
    x,
)
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step, stale_files

NAME = "kl_divergence"


@pytest.fixture(scope="module")
def checked():
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index):
    """Each step of the page is proved by the engine (or is a definition or a given)."""
    assert_proved_or_stated(nth_step(NAME, index))


def test_only_definitions_and_the_labelled_function_are_stated(checked):
    """Stated: the definition of KL (twice), f(r), the two directions' difference, and linearity for any f, g."""
    assert checked.count(Outcome.STATED) == 5
    assert checked.all_proved


def test_result_matches_source_002_step_4(checked):
    """The derived result is the closed form of source 002, section 2, step 4."""
    assert checked.known_verdict.outcome is Outcome.PROVED
    assert check_equal(checked.result, KL_CLOSED_FORM).proved


def test_both_routes_end_in_the_closed_form(checked):
    """The term-by-term route (tag 4) and the integral route end in the same formula."""
    tagged = [s for s in checked.steps if s.step.tag == "4"]
    assert len(tagged) == 1
    assert check_equal(tagged[0].step.expr, KL_CLOSED_FORM).proved
    assert checked.steps[-1].step.relation.name == "integral"


def test_source_step_3_slip_is_recorded_and_refuted(checked):
    """The garbled line E_P[(x - mu2)^2] = Var_P(x) = sigma1^2 of source 002 is refuted."""
    (slip,) = checked.derivation.slips
    assert slip.verdict.outcome is Outcome.REFUTED
    assert check_equal(slip.source_line - slip.corrected, -(mu_1 - mu_2) ** 2).proved


WRONG = {
    "sigma1 and sigma2 swapped": KL_CLOSED_FORM.xreplace({sigma_1: sigma_2, sigma_2: sigma_1}),
    "missing 1/2": sp.log(sigma_2 / sigma_1) + (sigma_1**2 + (mu_1 - mu_2) ** 2) / (2 * sigma_2**2) - 1,
    "(mu1 - mu2) without its square": sp.log(sigma_2 / sigma_1)
    + (sigma_1**2 + (mu_1 - mu_2)) / (2 * sigma_2**2) - sp.Rational(1, 2),
    "missing 2 in the denominator": sp.log(sigma_2 / sigma_1) + (sigma_1**2 + (mu_1 - mu_2) ** 2) / sigma_2**2
    - sp.Rational(1, 2),
}


@pytest.mark.parametrize("wrong", list(WRONG.values()), ids=list(WRONG))
def test_wrong_closed_form_is_refuted(wrong):
    """A closed form with a classic mistake is refuted against the derived one, with a residual."""
    verdict = check_equal(KL_CLOSED_FORM, wrong)
    assert verdict.outcome is Outcome.REFUTED, verdict.describe()
    assert verdict.residual is not None and verdict.counterexample is not None


def test_integral_route_refutes_swapped_sigmas():
    """The integral of p log(p/q) is not the formula with sigma1 and sigma2 swapped."""
    p = NormalPDF(x, mu_1, sigma_1**2)
    integral = sp.Integral(p * log_difference(), (x, -sp.oo, sp.oo))
    verdict = check_equal(integral, WRONG["sigma1 and sigma2 swapped"])
    assert verdict.outcome is Outcome.REFUTED


def test_self_assessment_question_4_is_log_2_minus_a_quarter():
    """KL(N(0,1) || N(1,4)) = log 2 - 1/4 (variance 4, so sigma2 = 2)."""
    assert check_equal(KLNormal(0, 1, 1, 4), sp.log(2) - sp.Rational(1, 4)).proved


def test_reading_4_as_the_standard_deviation_gives_a_different_number():
    """With sigma2 = 4 (variance 16) the value is not log 2 - 1/4: the engine refutes it."""
    verdict = check_equal(KLNormal(0, 1, 1, 16), sp.log(2) - sp.Rational(1, 4))
    assert verdict.outcome is Outcome.REFUTED


def test_kl_is_not_symmetric():
    """KL(N(0,1) || N(1,4)) differs from KL(N(1,4) || N(0,1)) = 2 - log 2."""
    assert check_equal(KLNormal(1, 4, 0, 1), 2 - sp.log(2)).proved
    assert check_equal(KLNormal(0, 1, 1, 4), KLNormal(1, 4, 0, 1)).outcome is Outcome.REFUTED


def test_kl_of_a_distribution_with_itself_is_zero():
    """Equal parameters give zero divergence."""
    assert check_equal(KLNormal(mu_1, sigma_1**2, mu_1, sigma_1**2), 0).proved


def test_monte_carlo_estimate_agrees_within_its_standard_error():
    """The seeded Monte Carlo estimate (source 001, exercise 1) is within 1 standard error of log 2 - 1/4."""
    estimate, error = monte_carlo_kl(0.0, 1.0, 1.0, 2.0)
    assert abs(estimate - (np.log(2) - 0.25)) < error
    assert (estimate, error) == monte_carlo_kl(0.0, 1.0, 1.0, 2.0)


def test_monte_carlo_note_is_in_the_output(checked):
    """The page's notes report the Monte Carlo estimate, its standard error and the seed."""
    (note,) = [n for n in checked.derivation.notes if n.startswith("Monte Carlo")]
    estimate, error = monte_carlo_kl(0.0, 1.0, 1.0, 2.0)
    assert f"{estimate:.5f}" in note and f"{error:.5f}" in note and "default_rng(2020)" in note


def _closed_form(m1: float, s1: float, m2: float, s2: float) -> float:
    return float(np.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - 0.5)


means = st.floats(min_value=-3, max_value=3, allow_nan=False)
scales = st.floats(min_value=0.2, max_value=3, allow_nan=False)


@settings(max_examples=50, deadline=None)
@given(means, scales, means, scales)
def test_closed_form_is_non_negative(m1, s1, m2, s2):
    """KL >= 0 for any parameters (a small tolerance for rounding at equal parameters)."""
    assert _closed_form(m1, s1, m2, s2) >= -1e-12


@settings(max_examples=30, deadline=None)
@given(means, scales, means, scales)
def test_closed_form_agrees_with_numerical_quadrature(m1, s1, m2, s2):
    """The closed form equals scipy's quadrature of p log(p/q) over the real line."""
    p, q = stats.norm(m1, s1), stats.norm(m2, s2)
    value, _ = integrate.quad(lambda t: p.pdf(t) * (p.logpdf(t) - q.logpdf(t)), -np.inf, np.inf,
                              epsabs=1e-11, epsrel=1e-10)
    assert value == pytest.approx(_closed_form(m1, s1, m2, s2), rel=1e-7, abs=1e-9)


def test_committed_output_is_current(checked) -> None:
    """output/kl_divergence.{tex,md,json} are what `derivations run` writes now."""
    assert stale_files(checked) == []