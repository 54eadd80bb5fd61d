"""Tests for the convolution route: N(mu1, s1^2) * N(mu2, s2^2) = N(mu1 + mu2, s1^2 + s2^2)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate

from derivations.engine.checking import check_equal
from derivations.engine.densities import NormalPDF, normal_pdf
from derivations.engine.verdict import Outcome
from derivations.gaussian import convolution as gc
from derivations.latex import render
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step, stale_files

VARIANCE = gc.sigma_1**2 + gc.sigma_2**2


NAME = "gaussian_convolution"


@pytest.fixture(scope="module")
def checked():
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index):
    """Each checked step is proved; only definitions and givens are stated."""
    assert_proved_or_stated(nth_step(NAME, index))


def test_only_the_three_opening_definitions_are_stated(checked):
    """Eq. (6), the convolution's definition and the general convolution are the only unchecked lines."""
    stated = [s.step.because for s in checked.steps if s.verdict.outcome is Outcome.STATED]
    assert stated == ["the Gaussian pdf (source 000)", "definition of convolution",
                      r"convolution of $\mathcal{N}(\mu_1, \sigma_1^2)$ and $\mathcal{N}(\mu_2, \sigma_2^2)$"]


def test_result_is_the_normal_with_summed_means_and_variances(checked):
    """The derived result equals N(x; mu1 + mu2, s1^2 + s2^2), as source 001, Property 4 states."""
    assert checked.known_verdict.proved
    verdict = check_equal(checked.result, NormalPDF(gc.x, gc.mu_1 + gc.mu_2, VARIANCE))
    assert verdict.proved, verdict.describe()


def test_centred_result_is_the_exact_pdf_including_normalising_constant(checked):
    """A1 A2 sqrt(pi/(B1+B2)) exp(-B1 B2 x^2/(B1+B2)) with A_i, B_i of sigma_i is N(x; 0, s1^2 + s2^2)."""
    definitions = {**{gc.A_1: gc.A_OF[gc.sigma_1], gc.A_2: gc.A_OF[gc.sigma_2]},
                   **{gc.B_1: gc.B_OF[gc.sigma_1], gc.B_2: gc.B_OF[gc.sigma_2]}}
    verdict = check_equal(gc.CONVOLUTION_RESULT.xreplace(definitions), normal_pdf(gc.x, 0, VARIANCE))
    assert verdict.proved, verdict.describe()


def test_gaussian_integral_step_gives_the_sources_closed_form(checked):
    """The INTEGRAL step yields A1 A2 sqrt(pi/(B1+B2)) exp(-B1 B2 x^2/(B1+B2)) (source 000)."""
    (step,) = [s for s in checked.steps if s.step.because == r"$\int e^{-u^2} du = \sqrt{\pi}$"]
    assert step.verdict.proved and "Gaussian integral rule" in step.verdict.method
    assert check_equal(step.step.expr, gc.CONVOLUTION_RESULT).proved


@pytest.mark.parametrize("wrong_variance", [gc.sigma_1 + gc.sigma_2, (gc.sigma_1 + gc.sigma_2) ** 2],
                         ids=["variance-s1-plus-s2", "sd-s1-plus-s2"])
def test_sum_of_sigmas_in_place_of_variance_sum_is_refuted(checked, wrong_variance):
    """A result with sigma1 + sigma2 in place of the variance sum is refuted, with a residual and a point."""
    verdict = check_equal(checked.result, NormalPDF(gc.x, gc.mu_1 + gc.mu_2, wrong_variance))
    assert verdict.outcome is Outcome.REFUTED
    assert verdict.residual is not None and verdict.residual != 0
    assert verdict.counterexample is not None


def test_normalising_constant_off_by_sqrt2_is_refuted(checked):
    """The result times sqrt(2) is refuted: the residual is a nonzero multiple of the density."""
    wrong = sp.sqrt(2) * normal_pdf(gc.x, gc.mu_1 + gc.mu_2, VARIANCE)
    verdict = check_equal(checked.result, wrong)
    assert verdict.outcome is Outcome.REFUTED
    ratio = sp.simplify(verdict.residual / normal_pdf(gc.x, gc.mu_1 + gc.mu_2, VARIANCE))
    assert ratio == 1 - sp.sqrt(2)


def test_wrong_sign_in_completed_square_is_refuted():
    """The exponent with + B2 x / sqrt(B1 + B2) inside the square is not the convolution's exponent."""
    wrong = -gc.SOURCE_SQUARE**2 - gc.B_1 * gc.B_2 * gc.x**2 / gc.S
    verdict = check_equal(gc.EXPONENT, wrong)
    assert verdict.outcome is Outcome.REFUTED
    assert verdict.counterexample is not None


def test_sources_slip_is_recorded_and_refuted(checked):
    """The source's integrand with + inside the square is refuted against the convolution's integrand."""
    (slip,) = checked.derivation.slips
    assert slip.verdict.outcome is Outcome.REFUTED and slip.verdict.counterexample is not None
    assert "unchanged" in slip.note
    plain = check_equal(slip.source_line, slip.corrected)  # without the definitions: B_i free
    assert plain.outcome is Outcome.REFUTED


def test_sources_slip_leaves_the_integral_unchanged():
    """The shift only moves the integrand: the source's whole line still equals the result."""
    envelope = sp.exp(-gc.B_1 * gc.B_2 * gc.x**2 / gc.S)
    line = gc.A_1 * gc.A_2 * envelope * sp.Integral(sp.exp(-gc.SOURCE_SQUARE**2), (gc.t, -sp.oo, sp.oo))
    assert check_equal(line, gc.CONVOLUTION_RESULT).proved


def test_sources_variance_line_is_correct(checked):
    """Source 000's fraction with 2 s1^2 2 s2^2 equals B1 B2/(B1+B2) = 1/(2(s1^2 + s2^2)): no slip there."""
    (step,) = [s for s in checked.steps if "last display" in s.step.because]
    assert step.verdict.proved
    assert check_equal(step.step.expr, 1 / (2 * VARIANCE)).proved
    assert check_equal(step.step.expr, 1 / (2 * (gc.sigma_1 + gc.sigma_2) ** 2)).outcome is Outcome.REFUTED


def test_source_tags_six_and_seven_are_kept(checked):
    """Eqs. (6) and (7) keep their tags in the LaTeX output, and the result is boxed."""
    assert [s.step.tag for s in checked.steps if s.step.tag] == ["6", "7"]
    tex = render.tex(checked)
    assert r"\tag{6}" in tex and r"\tag{7}" in tex and r"\boxed{" in tex


def test_completing_the_square_has_the_sources_five_lines(checked):
    """The completed-square chain has exactly the source's five lines, each proved."""
    chains = checked.derivation.chains
    chain = [s for s in checked.steps if chains[s.step.chain].heading.startswith("Completing")]
    assert len(chain) == 5 and all(s.verdict.proved for s in chain)


def test_committed_output_is_current(checked) -> None:
    """output/gaussian_convolution.{tex,md,json} are what `derivations run` writes now."""
    assert stale_files(checked) == []


# --- numeric properties -------------------------------------------------------------

_result = sp.lambdify((gc.x, gc.mu_1, gc.mu_2, gc.sigma_1, gc.sigma_2),
                      normal_pdf(gc.x, gc.mu_1 + gc.mu_2, VARIANCE), "math")
_closed = sp.lambdify((gc.x, gc.A_1, gc.A_2, gc.B_1, gc.B_2), gc.CONVOLUTION_RESULT, "math")


def _pdf(z: float, m: float, s: float) -> float:
    return math.exp(-0.5 * ((z - m) / s) ** 2) / (s * math.sqrt(2 * math.pi))


@settings(max_examples=30, deadline=None)
@given(x=st.floats(-6, 6), m1=st.floats(-3, 3), m2=st.floats(-3, 3),
       s1=st.floats(0.3, 3), s2=st.floats(0.3, 3))
def test_result_matches_quadrature_of_the_convolution(x, m1, m2, s1, s2):
    """At random parameters the proved density equals the convolution integral computed by quad."""
    value, _ = integrate.quad(lambda t: _pdf(t, m1, s1) * _pdf(x - t, m2, s2), -np.inf, np.inf,
                              epsabs=1e-13, epsrel=1e-10)
    assert _result(x, m1, m2, s1, s2) == pytest.approx(value, rel=1e-7, abs=1e-12)


@settings(max_examples=30, deadline=None)
@given(x=st.floats(-4, 4), a1=st.floats(0.1, 3), a2=st.floats(0.1, 3),
       b1=st.floats(0.05, 3), b2=st.floats(0.05, 3))
def test_closed_form_matches_quadrature_for_any_positive_a_b(x, a1, a2, b1, b2):
    """A1 A2 sqrt(pi/(B1+B2)) exp(-B1 B2 x^2/(B1+B2)) is the integral for any positive A_i, B_i."""
    value, _ = integrate.quad(lambda t: a1 * math.exp(-b1 * t**2) * a2 * math.exp(-b2 * (x - t) ** 2),
                              -np.inf, np.inf, epsabs=1e-13, epsrel=1e-10)
    assert _closed(x, a1, a2, b1, b2) == pytest.approx(value, rel=1e-7, abs=1e-12)


def test_discrete_convolution_matches_the_sources_printout():
    """np.convolve([0.1, 0.2, 0.3, 0.2, 0.2], [0.4, 0.3, 0.3]) is what source 000 prints."""
    np.testing.assert_allclose(gc.discrete_convolution(), gc.SOURCE_PRINTED, rtol=0, atol=1e-12)


@settings(max_examples=25, deadline=None)
@given(n=st.integers(2, 60), i=st.integers(0, 59), j=st.integers(0, 59))
def test_same_mode_shift_is_where_numpy_puts_the_output(n, i, j):
    """Impulses at x_i and x_j convolve (mode="same") to one at x_i + x_j, displaced by the stated shift."""
    i, j = i % n, j % n
    grid = np.linspace(-1.0, 1.0, n)
    a, v = np.zeros(n), np.zeros(n)
    a[i], v[j] = 1.0, 1.0
    out = np.convolve(a, v, mode="same")
    if out.max() == 0:  # the impulse fell outside the "same" window
        return
    k = int(np.argmax(out))
    assert grid[k] + gc.same_mode_shift(grid) == pytest.approx(grid[i] + grid[j], abs=1e-12)


def test_gaussian_demo_error_is_the_half_sample_shift():
    """The source's max error is predicted by the -dx/2 shift and drops 40-fold once that is corrected."""
    e = gc.gaussian_demo_errors()
    assert e["shift"] == pytest.approx(-e["spacing"] / 2, rel=1e-9)
    assert e["source_max_error"] == pytest.approx(e["predicted_shift_error"], rel=0.05)
    assert e["recentred_max_error"] < e["source_max_error"] / 40
    assert e["odd_grid_max_error"] < e["source_max_error"] / 40
    assert e["recentred_max_error"] == pytest.approx(e["predicted_normalisation_error"], rel=0.05)
    assert e["spacing_weights_max_error"] < e["recentred_max_error"]


def test_demo_notes_report_the_computed_numbers():
    """The notes carry the measured error, not a copied one."""
    notes = " ".join(gc.demo_notes())
    assert f"{gc.gaussian_demo_errors()['source_max_error']:.3g}" in notes
    assert "they agree" in notes
