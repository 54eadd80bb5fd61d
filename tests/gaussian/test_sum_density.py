"""Tests for the density of a sum of independent variables (derivations/gaussian/sum_density.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.verdict import Outcome
from derivations.gaussian import sum_density as sd
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "sum_density"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_a_stated_theorem(index: int) -> None:
    """Fubini and differentiation under the integral are stated; Leibniz and the substitution are proved."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_conclusion() -> None:
    """3 proved, 5 stated; the result is N(mu_1 + mu_2, sigma_1^2 + sigma_2^2)."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (3, 5)
    assert checked.known_verdict.proved


def test_the_density_is_the_convolution() -> None:
    """The chain from dF/dz ends at the convolution integral of f and g."""
    assert sd.CONVOLUTION in [s.step.expr for s in _checked().steps]
    (leibniz,) = [s for s in _checked().steps if s.step.tag == "L"]
    assert leibniz.verdict.proved and "Leibniz" in leibniz.verdict.method


def test_eq_7_slip_is_refuted() -> None:
    """000's eq. (7): A exp(-B t^2) is not g(t) = A exp(-B (t - C)^2)."""
    (slip,) = _checked().derivation.slips
    assert slip.where == "000, eq. (7)" and slip.verdict.outcome is Outcome.REFUTED


WRONG = {
    "means-subtracted": NormalPDF(sd.z, sd.mu_1 - sd.mu_2, sd.sigma_1**2 + sd.sigma_2**2),
    "standard-deviations-added": NormalPDF(sd.z, sd.mu_1 + sd.mu_2, (sd.sigma_1 + sd.sigma_2) ** 2),
}


@pytest.mark.parametrize("wrong", WRONG.values(), ids=list(WRONG))
def test_wrong_sums_are_refuted(wrong: sp.Expr) -> None:
    """The convolution of two Gaussians is not one with subtracted means or added standard deviations."""
    x = sd.x
    convolution = sp.Integral(NormalPDF(x, sd.mu_1, sd.sigma_1**2) * NormalPDF(sd.z - x, sd.mu_2, sd.sigma_2**2),
                              (x, -sp.oo, sp.oo))
    assert check_equal(convolution, wrong).outcome is Outcome.REFUTED


def test_the_discrete_analogue_is_np_convolve() -> None:
    """The same argument on a grid: the distribution of X + Y for independent integer variables is np.convolve."""
    p, q = np.array([0.1, 0.2, 0.3, 0.4]), np.array([0.5, 0.25, 0.25])
    direct = np.zeros(len(p) + len(q) - 1)
    for i, pi in enumerate(p):
        for j, qj in enumerate(q):
            direct[i + j] += pi * qj
    assert np.allclose(direct, np.convolve(p, q))


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert len(derivation_files(_checked())) == 3
