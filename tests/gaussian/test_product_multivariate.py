"""Tests for the product of two multivariate Gaussian densities (derivations/gaussian/product_multivariate.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from scipy import stats

from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.matrices import MVNormalPDF
from derivations.engine.verdict import Outcome
from derivations.gaussian import product_multivariate as pm
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "product_multivariate"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved(index: int) -> None:
    """Every line but the opening definition is proved, for every dimension."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_conclusion() -> None:
    """19 proved, 1 stated; the product is N(m_1; m_2, Sigma_1 + Sigma_2) N(x; m_*, Sigma_*)."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (19, 1)
    assert checked.known_verdict.proved


PRODUCT = MVNormalPDF(pm.x, pm.m_1, pm.Sigma_1) * MVNormalPDF(pm.x, pm.m_2, pm.Sigma_2)
WRONG = {
    "covariances-add-instead-of-precisions": MVNormalPDF(pm.m_1, pm.m_2, pm.Sigma_1 + pm.Sigma_2)
    * MVNormalPDF(pm.x, pm.M_STAR, pm.Sigma_1 + pm.Sigma_2),
    "constant-dropped": MVNormalPDF(pm.x, pm.M_STAR, pm.SIGMA_STAR),
    "unweighted-mean": MVNormalPDF(pm.m_1, pm.m_2, pm.Sigma_1 + pm.Sigma_2)
    * MVNormalPDF(pm.x, (pm.m_1 + pm.m_2) / 2, pm.SIGMA_STAR),
}


@pytest.mark.parametrize("wrong", WRONG.values(), ids=list(WRONG))
def test_wrong_products_are_refuted(wrong: sp.Expr) -> None:
    """Adding covariances, dropping the constant or an unweighted mean is refuted by explicit matrices."""
    assert check_equal(PRODUCT, wrong).outcome is Outcome.REFUTED


def test_a_wrong_lemma_is_refuted() -> None:
    """Sigma_1^-1 Sigma_* Sigma_2^-1 is not (Sigma_1 + Sigma_2)^-1 doubled, nor Sigma_1^-1 + Sigma_2^-1."""
    assert check_equal(pm.G_12, 2 * pm.V).outcome is Outcome.REFUTED
    assert check_equal(pm.V, pm.Sigma_1.I + pm.Sigma_2.I).outcome is Outcome.REFUTED


def test_identity_holds_with_scipy() -> None:
    """scipy's densities satisfy the identity in 3 dimensions at a random point."""
    rng = np.random.default_rng(3)
    r1, r2 = rng.normal(size=(3, 3)), rng.normal(size=(3, 3))
    s1, s2 = r1 @ r1.T + np.eye(3), r2 @ r2.T + np.eye(3)
    m1, m2, x = rng.normal(size=3), rng.normal(size=3), rng.normal(size=3)
    star = np.linalg.inv(np.linalg.inv(s1) + np.linalg.inv(s2))
    mean = star @ (np.linalg.solve(s1, m1) + np.linalg.solve(s2, m2))
    left = stats.multivariate_normal(m1, s1).pdf(x) * stats.multivariate_normal(m2, s2).pdf(x)
    right = stats.multivariate_normal(m2, s1 + s2).pdf(m1) * stats.multivariate_normal(mean, star).pdf(x)
    assert right == pytest.approx(left, rel=1e-10)


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert len(derivation_files(_checked())) == 3
