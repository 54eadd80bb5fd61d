"""Tests for the product of two Gaussian densities (derivations/gaussian/product.py)."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from derivations.engine.checking import check_equal
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome
from derivations.gaussian import product as gp
from tests.helpers import derived, each_step, nth_step, stale_files

x, mu_1, mu_2, sigma_1, sigma_2 = gp.x, gp.mu_1, gp.mu_2, gp.sigma_1, gp.sigma_2
SETTINGS = CheckSettings()


NAME = "gaussian_product"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved(index: int) -> None:
    """Every line of the product derivation is proved (nothing is stated)."""
    step = nth_step(NAME, index)
    assert step.verdict.outcome is Outcome.PROVED, step.verdict.describe()


def test_product_equals_source_001_with_its_constant() -> None:
    """The derived identity is source 001's precision-weighted Gaussian times N(mu_1; mu_2, s1^2 + s2^2)."""
    checked = _checked()
    assert checked.known_verdict is not None and checked.known_verdict.proved
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (10, 0)


def test_chain_runs_from_the_product_to_two_normalised_densities() -> None:
    """The chain runs from N(x; mu_1, s1^2) N(x; mu_2, s2^2) to N(mu_1; mu_2, s1^2 + s2^2) N(x; mu_*, .)."""
    checked = _checked()
    product = NormalPDF(x, mu_1, sigma_1**2) * NormalPDF(x, mu_2, sigma_2**2)
    (start,) = [s for s in checked.steps if s.step.lhs == product]
    assert start.verdict.proved and start.step.chain == checked.steps[-1].step.chain
    leftover = NormalPDF(mu_1, mu_2, sigma_1**2 + sigma_2**2)
    assert checked.result == leftover * NormalPDF(x, gp.mu_star, gp.sigma_star**2)


WRONG_PRODUCTS = {
    "variances-add-instead-of-precisions": NormalPDF(mu_1, mu_2, sigma_1**2 + sigma_2**2)
    * NormalPDF(x, gp.SOURCE_001_MEAN, sigma_1**2 + sigma_2**2),
    "unweighted-mean": NormalPDF(mu_1, mu_2, sigma_1**2 + sigma_2**2)
    * NormalPDF(x, (mu_1 + mu_2) / 2, gp.SOURCE_001_VARIANCE),
    "constant-dropped": NormalPDF(x, gp.SOURCE_001_MEAN, gp.SOURCE_001_VARIANCE),
    "constant-with-product-of-variances": NormalPDF(mu_1, mu_2, sigma_1**2 * sigma_2**2)
    * NormalPDF(x, gp.SOURCE_001_MEAN, gp.SOURCE_001_VARIANCE),
}


@pytest.mark.parametrize("wrong", WRONG_PRODUCTS.values(), ids=list(WRONG_PRODUCTS))
def test_wrong_products_are_refuted(wrong: sp.Expr) -> None:
    """Adding variances, an unweighted mean, or a wrong leftover constant is refuted with a counterexample."""
    product = NormalPDF(x, mu_1, sigma_1**2) * NormalPDF(x, mu_2, sigma_2**2)
    verdict = check_equal(product, wrong)
    assert verdict.outcome is Outcome.REFUTED
    assert verdict.counterexample is not None and verdict.residual is not None


@settings(max_examples=40, deadline=None)
@given(st.floats(-3, 3), st.floats(-3, 3), st.floats(-3, 3), st.floats(0.2, 3), st.floats(0.2, 3))
def test_identity_holds_numerically_with_scipy(at: float, m1: float, m2: float, s1: float, s2: float) -> None:
    """scipy's densities satisfy the derived identity at random points (independent of SymPy)."""
    variance = 1 / (1 / s1**2 + 1 / s2**2)
    mean = variance * (m1 / s1**2 + m2 / s2**2)
    left = stats.norm.pdf(at, m1, s1) * stats.norm.pdf(at, m2, s2)
    right = stats.norm.pdf(m1, m2, (s1**2 + s2**2) ** 0.5) * stats.norm.pdf(at, mean, variance**0.5)
    assert right == pytest.approx(left, rel=1e-9, abs=1e-300)


def test_committed_output_is_current() -> None:
    """output/gaussian_product.{tex,md,json} are what `derivations run` writes now."""
    assert stale_files(_checked()) == []