"""Attempts to make the engine prove something false (from an adversarial review): none may be PROVED."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.derivation import Derivation
from derivations.engine.notation import symbol
from derivations.engine.relations import (
    DEFINITION,
    EQUAL_IN_DISTRIBUTION,
    Context,
    proportional_in,
    up_to_constant_in,
)
from derivations.engine.settings import CheckSettings
from derivations.engine.substitution import substitution
from derivations.engine.verdict import Outcome
from derivations.errors import DerivationError

x, y = symbol("x"), sp.Symbol("y", real=True)
t, u = symbol("t"), symbol("u")
sigma = symbol("sigma")
e1, e2 = symbol("eps_tm1"), symbol("eps_tm2")
OO = (-sp.oo, sp.oo)

FALSE_CLAIMS = {
    "complex power of exp": (sp.exp(sp.I * x) ** y, sp.exp(sp.I * x * y)),
    "square root of a complex exp": (sp.sqrt(sp.exp(sp.I * x)), sp.exp(sp.I * x / 2)),
    "positive integration variable": (sp.Integral(sp.Abs(sigma) * sp.exp(-sigma**2), (sigma, *OO)), 0),
    "bound variable captured": (sp.Integral(t**2 * sp.exp(-t**2), (t, *OO)),
                                sp.Integral(t * u * sp.exp(-u**2), (u, *OO))),
    "divergent parts merged": (sp.Integral(t, (t, *OO)) + sp.Integral(sp.exp(-u**2) - u, (u, *OO)),
                               sp.Integral(sp.exp(-t**2), (t, *OO))),
    "undefined values": (sp.nan, sp.nan),
}


@pytest.mark.parametrize("lhs, rhs", FALSE_CLAIMS.values(), ids=FALSE_CLAIMS.keys())
def test_false_claims_are_not_proved(lhs, rhs) -> None:
    """Each false identity is refuted or undecided, never proved."""
    assert check_equal(lhs, rhs).outcome is not Outcome.PROVED


def test_radical_split_keeps_the_sign_of_a_denominator() -> None:
    """sqrt(sqrt(a - 1)/(b - 1)^(3/2)) is imaginary for a, b < 1: not split into a real expression."""
    a, b = sp.symbols("a b", real=True)
    settings = CheckSettings().with_positive(1 - a, 1 - b).with_constraints(a < -3)
    lhs = sp.sqrt(sp.sqrt(a - 1) / (b - 1) ** sp.Rational(3, 2))
    rhs = (1 - a) ** sp.Rational(1, 4) / (1 - b) ** sp.Rational(3, 4)
    assert check_equal(lhs, rhs, settings).outcome is not Outcome.PROVED


def test_quadrature_that_misses_a_peak_does_not_refute() -> None:
    """A far-off Gaussian peak defeats quadrature; the closed form decides instead (proved)."""
    verdict = check_equal(sp.Integral(sp.exp(-(t - 50) ** 2), (t, *OO)), sp.sqrt(sp.pi))
    assert verdict.outcome is Outcome.PROVED


def _context(d: Derivation) -> Context:
    return Context(d.settings, d.normals)


@pytest.mark.parametrize("coefficient", [sp.I, sp.sqrt(-symbol("alpha_t"))], ids=["I", "sqrt(-a)"])
def test_complex_noise_coefficients_are_not_gaussian(coefficient) -> None:
    """c e1 + e2 with an imaginary c is not 'equal in distribution' to 0."""
    d = Derivation("complex", title="t")
    d.declare_normals(e1, e2)
    verdict = EQUAL_IN_DISTRIBUTION.check(coefficient * e1 + e2, sp.S.Zero, _context(d))
    assert verdict.outcome is not Outcome.PROVED


def test_a_positive_symbol_cannot_be_a_normal() -> None:
    """A standard normal must be plainly real: a positive one would make |N(0,1)| = N(0,1)."""
    with pytest.raises(DerivationError, match="a standard normal must be a plainly real symbol"):
        Derivation("n", title="t").declare_normals(sp.Symbol("e", positive=True))


def test_definitions_cannot_hide_the_variable_of_a_proportionality() -> None:
    """With B defined as x**2, exp(B) is not proportional in x to 1 (nor B equal to 0 up to a constant)."""
    B = sp.Symbol("B", real=True)
    d = Derivation("hidden", title="t")
    d.define(B, x**2)
    assert proportional_in(x).check(sp.exp(B), sp.S.One, _context(d)).outcome is Outcome.REFUTED
    assert up_to_constant_in(x).check(B, sp.S.Zero, _context(d)).outcome is Outcome.REFUTED


def test_definitions_cannot_contain_normals() -> None:
    """An abbreviation of a random variable would be treated as a constant: refused."""
    z = sp.Symbol("z", real=True)
    d = Derivation("random", title="t")
    d.declare_normals(e1, e2)
    with pytest.raises(DerivationError, match="cannot be defined through a random variable"):
        d.define(z, e1)


@pytest.mark.parametrize("value", [x, -x**2 - 1], ids=["sign unknown", "negative"])
def test_a_positive_symbol_needs_a_provably_positive_value(value) -> None:
    """define(B_1, value) for a positive B_1 is refused unless the value is provably positive."""
    with pytest.raises(DerivationError, match="is not provably what B_1 is assumed to be"):
        Derivation("defs", title="t").define(symbol("B_1"), value)


def test_substitution_must_respect_assumptions() -> None:
    """Replacing a positive B by -1 would turn sqrt(B**2) = B into sqrt(1) = -1: undecided."""
    B = symbol("B")
    d = Derivation("subs", title="t")
    d.start(sp.sqrt(B**2), lhs="f", relation=DEFINITION, because="definition")
    verdict = substitution(B, -1).check(sp.sqrt(B**2), sp.S(-1), _context(d))
    assert verdict.outcome is Outcome.UNDECIDED


def test_substitution_of_an_integration_variable_is_undecided() -> None:
    """The bound variable of an integral cannot be replaced (no crash either)."""
    integral = sp.Integral(sp.exp(-t**2), (t, *OO))
    verdict = substitution(t, 2).check(integral, sp.sqrt(sp.pi), _context(Derivation("b", title="t")))
    assert verdict.outcome is Outcome.UNDECIDED


# --- the third adversarial round (the Python API and check in SymPy syntax) -----------------


@pytest.mark.parametrize("line", ["product", "sum"])
def test_in_distribution_substitution_needs_independent_parts(line: str) -> None:
    """e1 + e2 =d sqrt(2) e3 does not carry into (e1 + e2) e1 or e1 + (e1 + e2): e1 is in the rest of the line."""
    z1, z2, z3 = (sp.Symbol(n, real=True) for n in ("z1", "z2", "z3"))
    d = Derivation("independence", title="independence")
    d.declare_normals(z1, z2, z3)
    d.start(z1 + z2, lhs="z", because="the sum")
    d.then(sp.sqrt(2) * z3, relation=EQUAL_IN_DISTRIBUTION, because="variances add")
    start = (z1 + z2) * z1 if line == "product" else sp.Add(sp.Add(z1, z2), z1, evaluate=False)
    d.start(start, lhs="w", because="the line")
    d.then(start.xreplace({sp.Add(z1, z2): sp.sqrt(2) * z3}),
           relation=substitution(z1 + z2, sp.sqrt(2) * z3, in_distribution=True), because="substitute")
    assert d.verify().steps[-1].verdict.outcome is Outcome.UNDECIDED


def test_a_hypothesis_on_a_bound_variable_is_no_hypothesis() -> None:
    """t > 0 says nothing of the t an integral runs over: |t| stays |t| inside it."""
    integral = sp.Integral(sp.Abs(t) * sp.exp(-t**2), (t, *OO)) + x
    verdict = check_equal(integral, x, CheckSettings().with_positive(t, x - 10))
    assert verdict.outcome is Outcome.UNDECIDED


def test_a_divergent_series_is_no_number() -> None:
    """The harmonic series minus its shift is not 1; a convergent series is still proved."""
    n = sp.Symbol("n", integer=True, positive=True)
    divergent = sp.Sum(1 / n, (n, 1, sp.oo)) - sp.Sum(1 / (n + 1), (n, 1, sp.oo))
    assert check_equal(divergent, sp.S.One).outcome is Outcome.UNDECIDED
    assert check_equal(sp.Sum(1 / n**2, (n, 1, sp.oo)), sp.pi**2 / 6).outcome is Outcome.PROVED
