"""The controlled Gaussian integral rule agrees with SymPy's integrator and declines what it cannot do."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.integrals import evaluate_real_line_integrals, gaussian_integral
from derivations.engine.notation import symbol

t, x = symbol("t"), symbol("x")
B, mu = symbol("B"), symbol("mu")


@pytest.mark.parametrize("power", [0, 1, 2, 3, 4])
def test_moments_match_sympy_integrate(power: int) -> None:
    """The rule's moments of exp(-B (t - mu)^2) equal SymPy's own integration (done once, here)."""
    integrand = t**power * sp.exp(-B * (t - mu) ** 2)
    expected = sp.integrate(integrand, (t, -sp.oo, sp.oo), conds="none")
    assert sp.simplify(gaussian_integral(integrand, t) - expected) == 0


def test_convolution_integral_of_source_000() -> None:
    """The integral of exp(-B1 t^2 - B2 (x - t)^2) is sqrt(pi/(B1+B2)) exp(-B1 B2 x^2/(B1+B2))."""
    B_1, B_2 = symbol("B_1"), symbol("B_2")
    value = gaussian_integral(sp.exp(-B_1 * t**2 - B_2 * (x - t) ** 2), t)
    expected = sp.sqrt(sp.pi / (B_1 + B_2)) * sp.exp(-B_1 * B_2 * x**2 / (B_1 + B_2))
    assert sp.simplify(value - expected) == 0


def test_complex_linear_coefficient() -> None:
    """A complex linear term (a characteristic function) is allowed: E[exp(i w t)] under N(0, 1/(2B))."""
    w = sp.Symbol("w", real=True)
    value = gaussian_integral(sp.exp(sp.I * w * t - B * t**2), t)
    assert sp.simplify(value - sp.sqrt(sp.pi / B) * sp.exp(-(w**2) / (4 * B))) == 0


@pytest.mark.parametrize(
    "integrand",
    [sp.exp(B * t**2), sp.exp(-t), sp.exp(-x * t**2), sp.sin(t) * sp.exp(-(t**2)), sp.S(3)],
    ids=["growing", "linear exponent", "sign unknown", "not polynomial", "constant"],
)
def test_rule_declines_what_it_cannot_prove(integrand: sp.Expr) -> None:
    """A divergent, sign-unknown or non-polynomial integrand is declined (None), never guessed."""
    assert gaussian_integral(integrand, t) is None


def test_evaluate_reports_whether_every_integral_was_done() -> None:
    """evaluate_real_line_integrals says False when one integral is outside the rule."""
    done = sp.Integral(sp.exp(-(t**2)), (t, -sp.oo, sp.oo))
    half_line = sp.Integral(sp.exp(-(t**2)), (t, 0, sp.oo))
    value, ok = evaluate_real_line_integrals(done + 1)
    assert ok and sp.simplify(value - sp.sqrt(sp.pi) - 1) == 0
    assert evaluate_real_line_integrals(half_line)[1] is False


def test_a_polynomial_over_finite_limits_is_integrated_exactly() -> None:
    """The fundamental theorem of calculus for polynomials: proved, the wrong value refuted, reversed limits signed."""
    from derivations.engine.checking import check_equal
    from derivations.engine.integrals import polynomial_integral

    t, a, b = sp.symbols("t a b", real=True)
    assert check_equal(sp.Integral(t**2, (t, 0, 1)), sp.Rational(1, 3)).proved
    assert check_equal(sp.Integral(t**2, (t, 0, 1)), sp.Rational(1, 2)).outcome.value == "refuted"
    assert check_equal(sp.Integral(t, (t, a, b)), (b**2 - a**2) / 2).proved
    assert polynomial_integral(sp.Integral(t, (t, 1, 0))) == -sp.Rational(1, 2)
    assert polynomial_integral(sp.Integral(t, (t, 0, sp.oo))) is None  # diverges: no value
    assert polynomial_integral(sp.Integral(sp.exp(t), (t, 0, 1))) is None  # not a polynomial
    assert polynomial_integral(sp.Integral(t, (t, 0, t))) is None  # a limit with the variable in it
