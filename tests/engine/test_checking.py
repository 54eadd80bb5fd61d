"""check_equal: proofs, refutations with residual and counterexample, and honest undecided verdicts."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.densities import NormalPDF, normal_pdf
from derivations.engine.effort import Effort
from derivations.engine.notation import symbol
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome

x, t = symbol("x"), symbol("t")
B_1, B_2 = symbol("B_1"), symbol("B_2")
mu, sigma = symbol("mu"), symbol("sigma")
alpha_t, alpha_tm1 = symbol("alpha_t"), symbol("alpha_tm1")

SOURCE_EXPONENT = -B_1 * t**2 - B_2 * (x - t) ** 2
COMPLETED = (-(sp.sqrt(B_1 + B_2) * t - B_2 * x / sp.sqrt(B_1 + B_2)) ** 2
             - x**2 * B_1 * B_2 / (B_1 + B_2))

IDENTITIES = {
    "square": ((x + 1) ** 2, x**2 + 2 * x + 1),
    "completed square": (SOURCE_EXPONENT, COMPLETED),
    "radicals": (sp.sqrt(alpha_t) * sp.sqrt(alpha_tm1), sp.sqrt(alpha_t * alpha_tm1)),
    "exponentials": (sp.exp(x) * sp.exp(2 * x), sp.exp(3 * x)),
    "logarithms": (sp.log(sigma**2 / 2), 2 * sp.log(sigma) - sp.log(2)),
    "density unfolds": (NormalPDF(x, mu, sigma**2), normal_pdf(x, mu, sigma**2)),
    "trigonometry": (sp.sin(x) ** 2 + sp.cos(x) ** 2, 1),
    "gaussian integral": (sp.Integral(sp.exp(SOURCE_EXPONENT), (t, -sp.oo, sp.oo)),
                          sp.sqrt(sp.pi / (B_1 + B_2)) * sp.exp(-B_1 * B_2 * x**2 / (B_1 + B_2))),
    "linearity of the integral": (B_1 * sp.Integral(sp.exp(-(t**2)), (t, -sp.oo, sp.oo)),
                                  sp.Integral(B_1 * sp.exp(-(t**2)), (t, -sp.oo, sp.oo))),
}

WRONG = {
    "dropped square": ((x + 1) ** 2, x**2 + 1),
    "swapped sign": (SOURCE_EXPONENT, -(sp.sqrt(B_1 + B_2) * t + B_2 * x / sp.sqrt(B_1 + B_2)) ** 2
                     - x**2 * B_1 * B_2 / (B_1 + B_2)),
    "wrong index": (sp.sqrt(alpha_t) * sp.sqrt(alpha_tm1), sp.sqrt(alpha_t * alpha_t)),
    "normalising constant off by sqrt(2)": (NormalPDF(x, mu, sigma**2), sp.sqrt(2) * normal_pdf(x, mu, sigma**2)),
    "wrong integral": (sp.Integral(sp.exp(SOURCE_EXPONENT), (t, -sp.oo, sp.oo)),
                       sp.sqrt(sp.pi / (B_1 * B_2)) * sp.exp(-B_1 * B_2 * x**2 / (B_1 + B_2))),
    "nonzero constant": (x + 1, x),
}


@pytest.mark.parametrize("lhs, rhs", IDENTITIES.values(), ids=IDENTITIES.keys())
def test_identities_are_proved_with_a_method_and_a_witness(lhs: sp.Expr, rhs: sp.Expr) -> None:
    """A true identity is proved, says how, and is backed by numeric points unless SymPy made it identical."""
    verdict = check_equal(lhs, rhs)
    assert verdict.outcome is Outcome.PROVED
    assert verdict.method
    assert verdict.witness_points >= 1 or verdict.method == "identical expressions"


@pytest.mark.parametrize("lhs, rhs", WRONG.values(), ids=WRONG.keys())
def test_wrong_formulas_are_refuted_with_residual_and_point(lhs: sp.Expr, rhs: sp.Expr) -> None:
    """A wrong formula is refuted; the verdict carries a nonzero residual and, where found, a point."""
    verdict = check_equal(lhs, rhs)
    assert verdict.outcome is Outcome.REFUTED
    assert verdict.residual is not None and verdict.residual != 0
    if verdict.counterexample is not None:
        assert verdict.counterexample.lhs != verdict.counterexample.rhs


def test_identity_beyond_the_canonical_forms_is_undecided_not_proved() -> None:
    """A true identity the canonical forms cannot reach, with simplify not allowed, is undecided."""
    lhs = sp.exp(sp.log(x**2 + 1) / 2)
    verdict = check_equal(lhs, sp.sqrt(x**2 + 1) + sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1,
                          CheckSettings(effort=Effort(simplify_ops=0)))
    assert verdict.outcome is Outcome.UNDECIDED
    assert "simplification (too large: " in " ".join(verdict.tried)


def test_unevaluable_integral_is_undecided_when_numbers_agree() -> None:
    """An integral outside the Gaussian rule is never proved; it is undecided when the witness agrees."""
    lhs = sp.Integral(sp.exp(-(t**4)), (t, -sp.oo, sp.oo))
    verdict = check_equal(lhs, 2 * sp.gamma(sp.Rational(5, 4)))
    assert verdict.outcome is Outcome.UNDECIDED


def test_definitions_are_substituted_when_needed() -> None:
    """With B_1 defined as 1/(2 sigma^2), an identity that needs the definition is proved."""
    settings = CheckSettings(definitions={B_1: 1 / (2 * sigma**2)})
    verdict = check_equal(sp.exp(-B_1 * x**2), sp.exp(-(x**2) / (2 * sigma**2)), settings)
    assert verdict.outcome is Outcome.PROVED
    assert "definitions" in verdict.method


def test_refutation_without_definitions_does_not_stand() -> None:
    """B_1 = 1/(2 sigma^2) looks false with B_1 free; with its definition it is proved, not refuted."""
    settings = CheckSettings(definitions={B_1: 1 / (2 * sigma**2)})
    assert check_equal(B_1, 1 / (2 * sigma**2), settings).outcome is Outcome.PROVED
    wrong = check_equal(B_1, 1 / sigma**2, settings)
    assert wrong.outcome is Outcome.REFUTED and "after substituting the definitions" in wrong.method


def test_a_residual_without_symbols_is_reported_not_factored() -> None:
    """A constant residual (nothing to factor) refutes cleanly; an empty product's log is 0, every time."""
    t = sp.Symbol("t", integer=True)
    f = sp.Function("f")
    verdicts = {check_equal(sp.log(sp.Product(f(t) / f(t - 1), (t, 1, 0))), 0).outcome for _ in range(3)}
    assert len(verdicts) == 1 and Outcome.REFUTED not in verdicts  # one verdict in a process, never a refutation
    wrong = check_equal(sp.Sum(t, (t, 1, 3)), 5)
    assert wrong.outcome is Outcome.REFUTED and wrong.residual == 1


def test_an_empty_product_is_never_nonpositive() -> None:
    """SymPy 1.14 says it is, and then infers zero in some runs (engine.sympy_fixes): an empty product is 1."""
    t, f = sp.Symbol("t", integer=True), sp.Function("f")
    empty = sp.Product(f(t) / f(t - 1), (t, 1, 0))
    assert empty.is_extended_nonpositive is False and empty.is_zero is False
    assert sp.log(empty) != sp.zoo


def test_an_empty_telescoping_product_is_proved_in_every_run() -> None:
    """The verdict must not depend on the run: before engine.sympy_fixes, one run in six was undecided (zoo),
    whatever the hash seed (the order of sets hashed by object identity)."""
    import os
    import subprocess
    import sys

    code = ("import sympy as sp\nfrom derivations.engine.checking import check_equal\n"
            "t = sp.Symbol('t', integer=True); f = sp.Function('f')\n"
            "print(check_equal(sp.log(sp.Product(f(t) / f(t - 1), (t, 1, 0))), 0).outcome.value)")
    runs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONHASHSEED": str(seed), "DERIVATIONS_NO_CACHE": "1"})
            for seed in range(12)]  # at once: twelve fresh processes, twelve memory layouts
    seen = {run.communicate()[0].strip() for run in runs}
    assert [run.returncode for run in runs] == [0] * 12
    assert seen == {"proved"}


def test_the_rational_forms_refuse_a_difference_of_many_terms() -> None:
    """Over 2,500 expanded terms only expansion runs: the forms over one denominator, and simplify, are refused."""
    from derivations.engine.canonical import algebraic_identity

    a, b, c, d, e, f = sp.symbols("a:f")
    result = algebraic_identity((a + b + c + d + e + f) ** 10 - a, Effort(expanded_terms=4000))
    assert result.method is None
    refused = "(too large: about 3004 terms expanded, the limit is 2500)"
    assert result.tried == ("expansion", *(f"{form} {refused}" for form in ("cancellation", "collecting exponentials",
                            "expanding logarithms", "radical denesting", "simplification")))


def test_a_witness_gives_up_on_sides_no_point_evaluates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Four points that do not evaluate, and no more: the witness has no point, and refutes nothing."""
    from derivations.engine import witness

    tried = []
    monkeypatch.setattr(witness, "_evaluator", lambda lhs, rhs, symbols: (lambda point: tried.append(point), True))
    x = sp.Symbol("x", real=True)
    found = witness.numeric_witness(x, x + 1, CheckSettings(witness_points=6))
    assert (found.points, found.counterexample, len(tried)) == (0, None, witness.FIRST_POINT_ATTEMPTS)


def test_simplify_is_refused_on_a_high_power_of_a_compound_term() -> None:
    """sin(a+b+c)^12: simplify would expand the power of the trigonometric sum (it ran into the safety limit)."""
    from derivations.engine.canonical import algebraic_identity

    a, b, c = sp.symbols("a b c", real=True)
    result = algebraic_identity(sp.sin(a + b + c) ** 12 - sp.cos(a) ** 12)
    assert result.method is None
    assert "simplification (too large: a power 12 of a compound term, the limit is 6)" in result.tried
