"""Tests for the characteristic-function route: phi_{X+Y} = phi_X phi_Y, and aX."""

from __future__ import annotations

import cmath
import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate

from derivations.engine.checking import check_equal
from derivations.engine.densities import NormalPDF, normal_pdf
from derivations.engine.relations import GIVEN
from derivations.engine.verdict import Outcome
from derivations.gaussian import characteristic_function as cf
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step, stale_files

I, t, x = sp.I, cf.t, cf.x
MEAN, VARIANCE = cf.mu_1 + cf.mu_2, cf.sigma_1**2 + cf.sigma_2**2


NAME = "characteristic_function"


@pytest.fixture(scope="module")
def checked():
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index):
    """Each checked step is proved; only definitions and givens are stated."""
    assert_proved_or_stated(nth_step(NAME, index))


def test_givens_are_independence_and_uniqueness_with_citations(checked):
    """Exactly two facts are taken as given, each citing its source."""
    givens = [s.step.because for s in checked.steps if s.step.relation is GIVEN]
    assert len(givens) == 2
    assert "property 2" in givens[0] and "Durrett" in givens[1] and "property 1" in givens[1]


def test_characteristic_function_of_normal_is_derived_from_its_integral(checked):
    """E[e^{itX}] for X ~ N(mu, sigma^2) is exp(i t mu - sigma^2 t^2 / 2), by the Gaussian integral."""
    (step,) = [s for s in checked.steps if "Cauchy" in s.step.because]
    assert step.verdict.proved and "Gaussian integral rule" in step.verdict.method
    closed = sp.exp(I * t * cf.mu - cf.sigma**2 * t**2 / 2)
    assert check_equal(step.step.expr, closed).proved
    assert check_equal(cf.NormalCF(t, cf.mu, cf.sigma**2), closed).proved


def test_product_is_the_characteristic_function_of_the_summed_normal(checked):
    """phi_X phi_Y is the characteristic function of N(mu1 + mu2, s1^2 + s2^2) (source 002, step 4)."""
    (step,) = [s for s in checked.steps if "step 4" in s.step.because]
    assert check_equal(step.step.expr, sp.exp(I * t * MEAN - VARIANCE * t**2 / 2)).proved
    product = cf.NormalCF(t, cf.mu_1, cf.sigma_1**2) * cf.NormalCF(t, cf.mu_2, cf.sigma_2**2)
    assert check_equal(product, cf.NormalCF(t, MEAN, VARIANCE)).proved


def test_result_is_the_density_of_the_summed_normal(checked):
    """The inverted characteristic function is N(x; mu1 + mu2, s1^2 + s2^2) (source 001, Property 4)."""
    assert checked.known_verdict.proved
    assert check_equal(checked.result, NormalPDF(x, MEAN, VARIANCE)).proved


@pytest.mark.parametrize("wrong_variance", [cf.sigma_1 + cf.sigma_2, (cf.sigma_1 + cf.sigma_2) ** 2],
                         ids=["variance-s1-plus-s2", "sd-s1-plus-s2"])
def test_sum_of_sigmas_in_place_of_variance_sum_is_refuted(wrong_variance):
    """The product of the two characteristic functions is not that of a normal with sigma1 + sigma2."""
    phi_x = sp.exp(I * t * cf.mu_1 - cf.sigma_1**2 * t**2 / 2)
    phi_y = sp.exp(I * t * cf.mu_2 - cf.sigma_2**2 * t**2 / 2)
    product = phi_x * phi_y
    verdict = check_equal(product, sp.exp(I * t * MEAN - wrong_variance * t**2 / 2))
    assert verdict.outcome is Outcome.REFUTED
    assert verdict.residual is not None and verdict.counterexample is not None


def test_density_with_normalising_constant_off_by_sqrt2_is_refuted(checked):
    """The final density times sqrt(2) is refuted, with residual (1 - sqrt(2)) times the density."""
    verdict = check_equal(checked.result, sp.sqrt(2) * normal_pdf(x, MEAN, VARIANCE))
    assert verdict.outcome is Outcome.REFUTED
    assert sp.simplify(verdict.residual / normal_pdf(x, MEAN, VARIANCE)) == 1 - sp.sqrt(2)


def test_characteristic_function_with_wrong_sign_is_refuted():
    """exp(-i t mu - sigma^2 t^2 / 2) is not E[e^{itX}]: the Gaussian integral rule refutes it."""
    verdict = check_equal(cf.NormalCF(t, cf.mu, cf.sigma**2), sp.exp(-I * t * cf.mu - cf.sigma**2 * t**2 / 2))
    assert verdict.outcome is Outcome.REFUTED and verdict.counterexample is not None


def test_scaling_gives_mean_a_mu_and_variance_a_squared_sigma_squared(checked):
    """phi_{aX}(t) = phi_X(a t) is the normal form with mean a mu and variance a^2 sigma^2 (source 002)."""
    (step,) = [s for s in checked.steps if "variance $a^2" in s.step.because]
    a = cf.a
    assert check_equal(step.step.expr, sp.exp(I * t * a * cf.mu - a**2 * cf.sigma**2 * t**2 / 2)).proved
    wrong = check_equal(step.step.expr, sp.exp(I * t * a * cf.mu - a * cf.sigma**2 * t**2 / 2))
    assert wrong.outcome is Outcome.REFUTED


def test_committed_output_is_current(checked) -> None:
    """output/characteristic_function.{tex,md,json} are what `derivations run` writes now."""
    assert stale_files(checked) == []


# --- numeric properties -------------------------------------------------------------

def _pdf(z: float, m: float, s: float) -> float:
    return math.exp(-0.5 * ((z - m) / s) ** 2) / (s * math.sqrt(2 * math.pi))


def _quad(f) -> float:
    value, _ = integrate.quad(f, -np.inf, np.inf, epsabs=1e-12, epsrel=1e-10, limit=200)
    return value


@settings(max_examples=30, deadline=None)
@given(freq=st.floats(-3, 3), m=st.floats(-3, 3), s=st.floats(0.3, 2.5))
def test_characteristic_function_matches_quadrature(freq, m, s):
    """exp(i t mu - sigma^2 t^2/2) equals E[e^{itX}] computed by quad (real and imaginary parts)."""
    real = _quad(lambda z: math.cos(freq * z) * _pdf(z, m, s))
    imag = _quad(lambda z: math.sin(freq * z) * _pdf(z, m, s))
    expected = cmath.exp(1j * freq * m - s**2 * freq**2 / 2)
    assert complex(real, imag) == pytest.approx(expected, abs=1e-8)


_density = sp.lambdify((x, cf.mu_1, cf.mu_2, cf.sigma_1, cf.sigma_2), normal_pdf(x, MEAN, VARIANCE), "math")


@settings(max_examples=30, deadline=None)
@given(z=st.floats(-6, 6), m1=st.floats(-3, 3), m2=st.floats(-3, 3),
       s1=st.floats(0.3, 2.5), s2=st.floats(0.3, 2.5))
def test_inversion_of_the_product_matches_quadrature(z, m1, m2, s1, s2):
    """(1/2pi) int e^{-itx} phi_X(t) phi_Y(t) dt, by quad, is the proved density of X + Y."""
    def integrand(freq: float) -> float:  # the real part; the imaginary part is odd in t and integrates to 0
        phase = freq * (m1 + m2 - z)
        return math.cos(phase) * math.exp(-(s1**2 + s2**2) * freq**2 / 2)
    value = _quad(integrand) / (2 * math.pi)
    assert _density(z, m1, m2, s1, s2) == pytest.approx(value, rel=1e-7, abs=1e-11)
