"""The expectation under a normal distribution: it unfolds to the integral, and its rules are proved."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.defined import unfold
from derivations.engine.densities import NormalPDF
from derivations.engine.expectation import Expectation, expectation
from derivations.engine.notation import latex, symbol
from derivations.engine.verdict import Outcome

x, mu, sigma = symbol("x"), symbol("mu"), symbol("sigma")
a, b = symbol("a"), sp.Symbol("b", real=True)
f, g = sp.Function("f"), sp.Function("g")


def E(expr: sp.Expr) -> Expectation:
    return expectation(expr, x, mu, sigma**2)


def test_expectation_unfolds_to_the_integral_against_the_density():
    """E_P[f] is, by definition, the integral of f times the Gaussian density over the real line."""
    integral = sp.Integral(f(x) * NormalPDF(x, mu, sigma**2), (x, -sp.oo, sp.oo))
    assert E(f(x)).unfold_once() == integral
    assert unfold(E(f(x))) == unfold(integral)


@pytest.mark.parametrize(("label", "expected"), [
    ("P", r"\mathbb{E}_{P}\left[x\right]"),
    ("Q", r"\mathbb{E}_{Q}\left[x\right]"),
])
def test_expectation_prints_as_blackboard_e_with_the_distribution_label(label, expected):
    """The expectation prints as \\mathbb{E}_{label}[...]."""
    assert latex(expectation(x, x, mu, sigma**2, label=label)) == expected


def test_expectation_prints_its_argument_in_the_order_written():
    """An unevaluated x - mu prints as x - mu, not -mu + x."""
    written = sp.Add(x, sp.Mul(-1, mu, evaluate=False), evaluate=False)
    assert latex(E(written)) == r"\mathbb{E}_{P}\left[x - \mu\right]"


RULES = {
    "normalisation E[1] = 1": (E(1), sp.S.One),
    "first moment E[x] = mu": (E(x), mu),
    "central second moment E[(x - mu)^2] = sigma^2": (E((x - mu) ** 2), sigma**2),
    "second moment E[x^2] = sigma^2 + mu^2": (E(x**2), sigma**2 + mu**2),
    "constant E[c] = c": (E(a**2), a**2),
    "linearity with polynomials": (E(a * x + b * x**2), a * E(x) + b * E(x**2)),
}


@pytest.mark.parametrize(("lhs", "rhs"), list(RULES.values()), ids=list(RULES))
def test_expectation_rule_is_proved_from_the_gaussian_integral(lhs, rhs):
    """Each rule of expectation the KL derivation uses is proved by the engine, not assumed."""
    verdict = check_equal(lhs, rhs)
    assert verdict.outcome is Outcome.PROVED, verdict.describe()


def test_centred_first_moment_vanishes():
    """E[x - mu] = 0 under N(mu, sigma^2) (the odd moment)."""
    verdict = check_equal(E(x - mu), 0)
    assert verdict.outcome is Outcome.PROVED, verdict.describe()


def test_linearity_needs_integrable_functions():
    """E[a f + b g] = a E[f] + b E[g] for undefined f and g is not proved: their integrals may diverge."""
    verdict = check_equal(E(a * f(x) + b * g(x)), a * E(f(x)) + b * E(g(x)))
    assert verdict.outcome is not Outcome.PROVED


def test_linearity_holds_for_polynomials():
    """E[a x + b x^2] = a E[x] + b E[x^2]: linearity of the integral, the integrals converging."""
    verdict = check_equal(E(a * x + b * x**2), a * E(x) + b * E(x**2))
    assert verdict.outcome is Outcome.PROVED


WRONG = {
    "variance read as the standard deviation": (E((x - mu) ** 2), sigma),
    "mean dropped from E[x^2]": (E(x**2), sigma**2),
    "first moment taken as zero": (E(x), sp.S.Zero),
    "density normalised to 2": (E(1), sp.Integer(2)),
}


@pytest.mark.parametrize(("lhs", "rhs"), list(WRONG.values()), ids=list(WRONG))
def test_wrong_expectation_is_refuted_with_a_residual(lhs, rhs):
    """A wrong moment is refuted, never proved, and the verdict carries a residual."""
    verdict = check_equal(lhs, rhs)
    assert verdict.outcome is Outcome.REFUTED, verdict.describe()
    assert verdict.residual is not None and verdict.residual != 0


def test_linearity_with_a_wrong_coefficient_is_refuted():
    """E[a x + b x^2] is not a E[x] + 2 b E[x^2]."""
    verdict = check_equal(E(a * x + b * x**2), a * E(x) + 2 * b * E(x**2))
    assert verdict.outcome is Outcome.REFUTED
