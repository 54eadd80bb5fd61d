"""KL divergence between multivariate normals: diagonal (k = 1..5), the VAE term, a general 2 x 2 case."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from derivations.engine.checking import check_equal
from derivations.engine.derivation import Derivation
from derivations.engine.verdict import Outcome
from derivations.gaussian.kl_multivariate import (
    P_PARAMS,
    Q_PARAMS,
    DiagonalKL,
    covariance,
    diagonal_case,
    diagonal_symbols,
    matrix_kl,
    vae_case,
    vae_formula,
)
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step, stale_files

NAME = "kl_multivariate"
mu_01, mu_02, l_11, l_21, l_22 = P_PARAMS
mu_11, mu_12, m_11, m_21, m_22 = Q_PARAMS
MU_0, MU_1 = sp.Matrix([mu_01, mu_02]), sp.Matrix([mu_11, mu_12])
SIGMA_0, SIGMA_1 = covariance(l_11, l_21, l_22), covariance(m_11, m_21, m_22)


@pytest.fixture(scope="module")
def checked():
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index):
    """Each step is proved by the engine, or is a definition or a stated given."""
    assert_proved_or_stated(nth_step(NAME, index))


def test_stated_lines_are_the_definition_additivity_and_fubini(checked):
    """Only four lines are stated: additivity (twice), the definition, and the iterated integral."""
    stated = [s.step.relation.name for s in checked.steps if s.verdict.outcome is Outcome.STATED]
    assert sorted(stated) == ["definition", "given", "given", "given"]
    assert checked.all_proved


def test_general_2x2_result_is_the_matrix_formula(checked):
    """The 2 x 2 result equals the formula computed with SymPy's own trace, inverse and determinant."""
    assert checked.known_verdict.outcome is Outcome.PROVED
    assert check_equal(checked.result, matrix_kl(MU_0, SIGMA_0, MU_1, SIGMA_1)).proved


WRONG_2x2 = {
    "missing 1/2": 2 * matrix_kl(MU_0, SIGMA_0, MU_1, SIGMA_1),
    "k - 1 instead of k": matrix_kl(MU_0, SIGMA_0, MU_1, SIGMA_1) + sp.Rational(1, 2),
    "Sigma0 and Sigma1 swapped": matrix_kl(MU_0, SIGMA_1, MU_1, SIGMA_0),
    "quadratic form with Sigma0": matrix_kl(MU_0, SIGMA_0, MU_1, SIGMA_1)
    - ((MU_1 - MU_0).T * SIGMA_1.inv() * (MU_1 - MU_0))[0, 0] / 2
    + ((MU_1 - MU_0).T * SIGMA_0.inv() * (MU_1 - MU_0))[0, 0] / 2,
}


@pytest.mark.parametrize("wrong", list(WRONG_2x2.values()), ids=list(WRONG_2x2))
def test_wrong_2x2_formula_is_refuted(checked, wrong):
    """A matrix formula with a classic mistake is refuted against the derived 2 x 2 result."""
    verdict = check_equal(checked.result, wrong)
    assert verdict.outcome is Outcome.REFUTED, verdict.describe()
    assert verdict.residual is not None


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5])
def test_diagonal_case_is_proved_in_dimension_k(k):
    """For diagonal covariances in k dimensions, the sum of univariate divergences is the matrix formula."""
    d = Derivation(f"diagonal_{k}", title="diagonal")
    diagonal_case(d, k)
    report = d.check()
    mu0, s0, mu1, s1 = diagonal_symbols(k)
    expected = matrix_kl(sp.Matrix(mu0), sp.diag(*[s**2 for s in s0]),
                         sp.Matrix(mu1), sp.diag(*[s**2 for s in s1]))
    assert report.all_proved
    assert check_equal(report.result, expected).proved
    assert isinstance(report.result, DiagonalKL)


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5])
def test_vae_term_matches_kingma_welling_in_dimension_k(k):
    """KL(N(mu, diag s^2) || N(0, I)) = 1/2 sum (s^2 + mu^2 - 1 - ln s^2) (Kingma & Welling 2014, app. B)."""
    d = Derivation(f"vae_{k}", title="vae")
    vae_case(d, k)
    report = d.check()
    assert report.all_proved
    assert check_equal(report.result, vae_formula(k)).proved


def test_vae_term_without_the_log_is_refuted():
    """Dropping ln s^2 from the VAE term is refuted."""
    mu, s = sp.Symbol("mu_1", real=True), sp.Symbol("s_1", positive=True)
    verdict = check_equal(vae_formula(1), (s**2 + mu**2 - 1) / 2)
    assert verdict.outcome is Outcome.REFUTED


def _spd(a: float, b: float, c: float) -> np.ndarray:
    factor = np.array([[a, 0.0], [b, c]])
    return factor @ factor.T


def _numeric_result(values: dict) -> float:
    expr = sp.lambdify(list(values), matrix_kl(MU_0, SIGMA_0, MU_1, SIGMA_1))
    return float(expr(*values.values()))


positive = st.floats(min_value=0.5, max_value=2.0, allow_nan=False)
real = st.floats(min_value=-1.0, max_value=1.0, allow_nan=False)


@settings(max_examples=25, deadline=None)
@given(real, real, positive, real, positive, real, real, positive, real, positive)
def test_2x2_formula_is_non_negative(a1, a2, l11, l21, l22, b1, b2, m11, m21, m22):
    """The 2 x 2 closed form is >= 0 for every symmetric positive definite pair."""
    values = dict(zip((*P_PARAMS, *Q_PARAMS), (a1, a2, l11, l21, l22, b1, b2, m11, m21, m22), strict=True))
    assert _numeric_result(values) >= -1e-12


@settings(max_examples=8, deadline=None)
@given(real, real, positive, real, positive, real, real, positive, real, positive)
def test_2x2_formula_agrees_with_numerical_quadrature(a1, a2, l11, l21, l22, b1, b2, m11, m21, m22):
    """The closed form equals a 2-D quadrature of p log(p/q) (trapezoid rule on a box of +-9 standard deviations).

    The integrand is smooth and decays like a Gaussian, so the trapezoid rule on a fine
    grid is accurate far beyond the tolerance (it converges geometrically).
    """
    values = dict(zip((*P_PARAMS, *Q_PARAMS), (a1, a2, l11, l21, l22, b1, b2, m11, m21, m22), strict=True))
    p = stats.multivariate_normal([a1, a2], _spd(l11, l21, l22))
    q = stats.multivariate_normal([b1, b2], _spd(m11, m21, m22))
    spread = 9 * max(l11, np.hypot(l21, l22))
    t = np.linspace(a1 - spread, a1 + spread, 601)
    y = np.linspace(a2 - spread, a2 + spread, 601)
    grid = np.stack(np.meshgrid(t, y, indexing="ij"), axis=-1)
    log_p = p.logpdf(grid)
    integrand = np.exp(log_p) * (log_p - q.logpdf(grid))
    value = integrate.trapezoid(integrate.trapezoid(integrand, y, axis=1), t)
    assert value == pytest.approx(_numeric_result(values), rel=1e-5, abs=1e-6)


def test_committed_output_is_current(checked) -> None:
    """output/kl_multivariate.{tex,md,json} are what `derivations run` writes now."""
    assert stale_files(checked) == []