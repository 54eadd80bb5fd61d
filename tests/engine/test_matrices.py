"""Matrix identities for every dimension (derivations/engine/matrices.py and its forms and witness)."""

from __future__ import annotations

import random

import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.matrices import MVNormalPDF, ScalarOf, d, matrix, matrix_at
from derivations.engine.matrix_witness import sample_matrix
from derivations.engine.relations import Context
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome

A, B = matrix("A"), matrix("B")
S, S1, S2 = (matrix(n, kind="positive definite") for n in ("Sigma", "Sigma_1", "Sigma_2"))
Q, Lam, L = matrix("Q", kind="orthogonal"), matrix("Lambda", kind="diagonal"), matrix("L", kind="lower")
x, mu, t = (matrix(n, d, 1) for n in ("x", "mu", "t"))
m = sp.Symbol("m", integer=True, positive=True)
R, b, u = matrix("R", m, d), matrix("b", m, 1), matrix("u", m, 1)
c = sp.Symbol("c", positive=True)
W = (S1.I + S2.I).I
V = (S1 + S2).I
d_1, d_2 = sp.Symbol("d_1", integer=True, positive=True), sp.Symbol("d_2", integer=True, positive=True)
S12, S22 = matrix("S12", d_1, d_2), matrix("S22", d_2, kind="positive definite")
S11 = matrix("S11", d_1, kind="positive definite")
SCHUR = S11 - S12 * S22.I * S12.T

IDENTITIES = {
    "transpose-of-a-product": ((A * B).T, B.T * A.T),
    "inverse-of-a-product": ((A * S).I, S.I * A.I),
    "symmetric-congruence": (R * S * R.T, (R * S * R.T).T),
    "quadratic-form-under-a-map": (ScalarOf((R.T * u).T * S * (R.T * u)), ScalarOf(u.T * (R * S * R.T) * u)),
    "a-number-is-its-own-transpose": (ScalarOf(x.T * A * mu), ScalarOf(mu.T * A.T * x)),
    "trace-trick": (ScalarOf((x - mu).T * S.I * (x - mu)), sp.Trace(S.I * (x - mu) * (x - mu).T)),
    "trace-of-the-identity": (sp.Trace(S.I * S), d),
    "determinant-of-a-multiple": (sp.Determinant(c * S), c**d * sp.Determinant(S)),
    "log-determinant-of-a-product": (sp.log(sp.Determinant(S1 * S2)),
                                     sp.log(sp.Determinant(S1)) + sp.log(sp.Determinant(S2))),
    "orthogonal-inverse": ((Q * Lam * Q.T).I, Q * Lam.I * Q.T),
    "orthogonal-determinant": (sp.Determinant(Q * Lam * Q.T), sp.Determinant(Lam)),
    "inverse-of-a-sum-lemma": (S1.I * W * S2.I, V),
    "inverse-of-a-sum-lemma-2": (S1.I - S1.I * W * S1.I, V),
    "isotropic-density": (-sp.log(MVNormalPDF(x, mu, c**2 * sp.Identity(d))),
                          ScalarOf((x - mu).T * (x - mu)) / (2 * c**2) + d / 2 * sp.log(2 * sp.pi * c**2)),
    "schur-complement-inverse": (
        sp.BlockMatrix([[S11, S12], [S12.T, S22]]) * sp.BlockMatrix(
            [[SCHUR.I, -SCHUR.I * S12 * S22.I],
             [-S22.I * S12.T * SCHUR.I, S22.I + S22.I * S12.T * SCHUR.I * S12 * S22.I]]),
        sp.BlockMatrix([[sp.Identity(d_1), sp.ZeroMatrix(d_1, d_2)], [sp.ZeroMatrix(d_2, d_1), sp.Identity(d_2)]])),
}


@pytest.mark.parametrize("pair", IDENTITIES.values(), ids=list(IDENTITIES))
def test_identities_are_proved_for_every_dimension(pair: tuple[sp.Expr, sp.Expr]) -> None:
    """Each identity of the matrix algebra is proved by the rules, with explicit points agreeing."""
    verdict = check_equal(*pair)
    assert verdict.outcome is Outcome.PROVED, verdict.describe()


WRONG = {
    "transpose-in-the-wrong-order": ((A * B).T, A.T * B.T),
    "dropped-Sigma-in-the-congruence": (ScalarOf((R.T * u).T * S * (R.T * u)), ScalarOf(u.T * R * R.T * u)),
    "non-symmetric-A-S-A": (A * S * A.T, A.T * S * A),
    "inverse-of-a-sum-is-not-the-sum-of-inverses": (V, S1.I + S2.I),
    "a-dropped-factor-in-the-lemma": (S1.I * W * S2.I, 2 * V),
    "determinant-power": (sp.Determinant(c * S), c**2 * sp.Determinant(S)),
    "trace-of-the-identity-is-not-1": (sp.Trace(S.I * S), 1),
    "general-matrix-is-not-orthogonal": (A * A.T, sp.Identity(d)),
    "swapped-sign-in-the-density": (-sp.log(MVNormalPDF(x, mu, c**2 * sp.Identity(d))),
                                    ScalarOf((x - mu).T * (x - mu)) / (2 * c**2) - d / 2 * sp.log(2 * sp.pi * c**2)),
}


@pytest.mark.parametrize("pair", WRONG.values(), ids=list(WRONG))
def test_wrong_identities_are_refuted_by_explicit_matrices(pair: tuple[sp.Expr, sp.Expr]) -> None:
    """A wrong identity is refuted, with a counterexample of explicit matrices; never proved."""
    verdict = check_equal(*pair)
    assert verdict.outcome is Outcome.REFUTED, verdict.describe()
    assert verdict.counterexample is not None


def test_shapes_must_agree() -> None:
    """A matrix against a scalar is undecided, not proved."""
    assert check_equal(S, sp.Integer(1)).outcome is Outcome.UNDECIDED


def test_explicit_matrices_are_checked_entry_by_entry() -> None:
    """The d = 2 case written out: entries proved, and a wrong entry refuted with its place named."""
    a, b_, s = sp.symbols("a b s", real=True)
    product = sp.MatMul(sp.Matrix([[a, b_], [0, a]]), sp.Matrix([[s, 0], [0, s]]), evaluate=False)
    assert check_equal(product, sp.ImmutableMatrix([[a * s, b_ * s], [0, a * s]])).proved
    wrong = check_equal(product, sp.ImmutableMatrix([[a * s, b_ * s], [0, a]]))
    assert wrong.outcome is Outcome.REFUTED and wrong.method.startswith("entry (2, 2)")


@pytest.mark.parametrize("kind", ["symmetric", "positive definite", "diagonal", "orthogonal", "lower", "invertible"])
def test_the_witness_samples_each_kind(kind: str) -> None:
    """The witness's random matrices have the declared kind (exactly: rational arithmetic)."""
    sample = sp.Matrix(sample_matrix(kind, 3, 3, random.Random(1)))
    if kind in ("symmetric", "positive definite", "diagonal"):
        assert sample == sample.T
    if kind == "positive definite":
        assert all(sample[:k, :k].det() > 0 for k in (1, 2, 3))
    if kind == "orthogonal":
        assert sample * sample.T == sp.eye(3)
    if kind == "lower":
        assert sample.is_lower and all(sample[i, i] > 0 for i in range(3))
    assert sample.det() != 0


def test_matrix_at_checks_the_kind_of_a_value() -> None:
    """Evaluating at explicit matrices refuses a value that is not of the symbol's kind (here not positive definite)."""
    relation = matrix_at({d: 1, S: sp.Matrix([[-1]])})
    verdict = relation.check(S, sp.ImmutableMatrix([[-1]]), Context(CheckSettings()))
    assert verdict.outcome is Outcome.UNDECIDED and "not provably" in verdict.method


def test_matrix_at_evaluates_and_refutes() -> None:
    """The block formula at 1 x 1 blocks: the right value is proved, a wrong one refuted."""
    formula = S11 - S12 * S22.I * S12.T
    values = {d_1: 1, d_2: 1, S11: sp.Matrix([[1]]), S12: sp.Matrix([[sp.Rational(7, 10)]]), S22: sp.Matrix([[1]])}
    relation = matrix_at(values)
    assert relation.check(formula, sp.ImmutableMatrix([[sp.Rational(51, 100)]]), Context(CheckSettings())).proved
    wrong = relation.check(formula, sp.ImmutableMatrix([[sp.Rational(51, 10)]]), Context(CheckSettings()))
    assert wrong.outcome is Outcome.REFUTED


def test_an_unsupported_expression_is_never_proved() -> None:
    """Outside the rules (an explicit matrix times a symbolic one) equal sides stay undecided at best."""
    M = matrix("M", 2, 2)
    one = sp.MatMul(sp.ImmutableMatrix([[1, 0], [0, 1]]), M, evaluate=False)
    assert check_equal(one, M).outcome is Outcome.UNDECIDED
    twice = sp.MatMul(sp.ImmutableMatrix([[2, 0], [0, 1]]), M, evaluate=False)
    assert check_equal(twice, M).outcome is Outcome.REFUTED


def test_differences_and_totals_print_in_order_and_check_as_sums() -> None:
    """minus(x, mu) prints "x - mu" and plus(mu, A x) "mu + A x"; both are the sums they stand for."""
    from derivations.engine.matrices import minus, plus, product
    from derivations.latex.printer import math

    assert math(minus(x, mu)) == r"x - \mu"
    assert math(plus(mu, product(A, x))) == r"\mu + A x"
    assert math(product(S, minus(x, mu))) == r"\Sigma \left(x - \mu\right)"
    assert check_equal(minus(x, mu), x - mu).proved and check_equal(plus(mu, A * x), A * x + mu).proved
    assert check_equal(sp.Transpose(minus(x, mu)), x.T - mu.T).proved
    assert check_equal(minus(x, mu), mu - x).outcome is Outcome.REFUTED


NOT_IDENTITIES = {
    "inverse-of-a-general-matrix-is-not-symmetric": ((A.I).T, A.I),
    "products-do-not-commute": (A * B, B * A),
    "determinant-is-not-additive": (sp.Determinant(S1 + S2), sp.Determinant(S1) + sp.Determinant(S2)),
    "trace-is-cyclic-not-symmetric": (sp.Trace(A * B * S), sp.Trace(A * S * B)),
    "bilinear-form-needs-symmetry": (ScalarOf(x.T * A * mu), ScalarOf(mu.T * A * x)),
}


@pytest.mark.parametrize("pair", NOT_IDENTITIES.values(), ids=list(NOT_IDENTITIES))
def test_false_rules_are_never_proved(pair: tuple[sp.Expr, sp.Expr]) -> None:
    """What holds only for special matrices (symmetric, commuting) is refuted for general ones."""
    assert check_equal(*pair).outcome is Outcome.REFUTED


def test_a_sum_times_its_inverse_is_the_identity() -> None:
    """(S1 + S2)^-1 S1 = I - (S1 + S2)^-1 S2: the relation W X = I of an inverse of a sum."""
    assert check_equal(V * S1, sp.Identity(d) - V * S2).proved
    assert check_equal(ScalarOf(x.T * S * mu), ScalarOf(mu.T * S * x)).proved
