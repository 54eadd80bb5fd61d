"""Tests for the normalisation of the multivariate Gaussian density (derivations/gaussian/pdf_normalisation.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from scipy import integrate, stats

from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.matrices import MVNormalPDF, d
from derivations.engine.verdict import Outcome
from derivations.gaussian import pdf_normalisation as pn
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "mvn_normalisation"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """The diagonalisation and each integral are proved; the change of variables and Fubini are stated."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_conclusion() -> None:
    """17 proved, 4 stated; the density integrates to 1."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (17, 4)
    assert checked.known_verdict.proved and checked.result == 1


def test_correlation_one_makes_sigma_singular() -> None:
    """Conceptual question 2: the determinant sigma_1^2 sigma_2^2 (1 - rho^2) is 0 at rho = 1."""
    values = [s.step.expr for s in _checked().steps if s.step.relation.name.startswith("evaluated at rho")]
    assert values == [0]


def test_a_wrong_normaliser_is_refuted() -> None:
    """(2 pi)^d |Sigma| (no square roots) is not the normaliser: the density would not be N."""
    settings = pn.build().settings
    wrong = sp.exp(-pn.ScalarOf(sp.Transpose(pn.x - pn.mu) * pn.Sigma.I * (pn.x - pn.mu)) / 2) \
        / ((2 * sp.pi) ** d * sp.Determinant(pn.Sigma))
    assert check_equal(MVNormalPDF(pn.x, pn.mu, pn.Sigma), wrong, settings).outcome is Outcome.REFUTED


def test_a_wrong_inverse_is_refuted() -> None:
    """Sigma^-1 is Q Lambda^-1 Q^T, not Q^T Lambda^-1 Q."""
    settings = pn.build().settings
    assert check_equal(pn.Sigma.I, pn.Q.T * pn.Lam.I * pn.Q, settings).outcome is Outcome.REFUTED


def test_the_psd_slip_is_a_note() -> None:
    """The 'positive semi-definite' slip is recorded with the correct statement (positive definite)."""
    assert any("positive semi-definite" in note and "positive definite" in note for note in _checked().derivation.notes)


def test_scipy_density_integrates_to_one_in_two_dimensions() -> None:
    """Numerically, the bivariate density with rho = 0.9 integrates to 1 (scipy's dblquad)."""
    cov = np.array([[1.0, 0.9], [0.9, 1.0]])
    density = stats.multivariate_normal([0.0, 0.0], cov)
    total, _ = integrate.dblquad(lambda b, a: density.pdf([a, b]), -12, 12, -12, 12)
    assert total == pytest.approx(1.0, abs=1e-6)


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert len(derivation_files(_checked())) == 3
