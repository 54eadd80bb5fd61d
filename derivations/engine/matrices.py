r"""Matrix identities for every dimension: matrix expressions rewritten by sound rules.

A line may hold SymPy matrix expressions (``MatrixSymbol`` of a symbolic size ``d``, sums,
products, transposes, inverses, blocks) or scalars made of them: :class:`ScalarOf` (a
:math:`1 \times 1` product such as :math:`\mathbf{t}^\top\Sigma\mathbf{t}`), traces and
determinants. :func:`check_matrix_equal` decides such a line, for **every** dimension:

* each side is expanded into a noncommutative polynomial: words of atoms
  (:math:`A`, :math:`A^\top`, :math:`A^{-1}`) with scalar coefficients, by the rules of the
  algebra: distributivity, :math:`(AB)^\top = B^\top A^\top`, :math:`(AB)^{-1} = B^{-1}A^{-1}`
  for square factors, :math:`A A^{-1} = I`, and what a matrix is declared to be
  (:func:`matrix`: symmetric :math:`\Sigma^\top = \Sigma`, orthogonal :math:`Q^\top Q = I`);
* the inverse of a sum is an atom :math:`W = X^{-1}`; the relations :math:`u X W v = uv` and
  :math:`u W X v = uv` are added (a multiple of zero) wherever they shorten the polynomial, and a
  difference :math:`D` with :math:`X D = 0` is zero (:math:`X` is invertible);
* scalars: a :math:`1 \times 1` word is its own trace, and a trace is unchanged by cyclic
  rotation and transposition, so each trace is one real generator; :math:`\det(AB) =
  \det A \det B` for square factors, :math:`\det(cA) = c^d \det A`, :math:`\det A^{-1} = 1/\det A`,
  :math:`\det Q^2 = 1` for orthogonal :math:`Q`, and the determinant of a positive definite
  matrix is a positive generator. Distinct generators are treated as independent, which can
  miss a relation but never invents one: a difference that reduces to zero is a proof.

Every verdict is confronted with a numeric witness (:mod:`~derivations.engine.matrix_witness`):
random explicit rational matrices of the declared kinds (``d = 3``, blocks of 2 and 3), exact
arithmetic, then 30 digits. It alone can refute. Explicit matrices with scalar entries (the
``d = 2`` case written out) are checked entry by entry by the scalar engine.

References: Horn & Johnson, *Matrix Analysis* (2013), sec. 0.8 (determinants), 0.7.3 (Schur
complement); Petersen & Pedersen, *The Matrix Cookbook* (2012), sec. 1.1 and 3.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr

from derivations.engine.canonical import algebraic_identity
from derivations.engine.defined import Defined, unfold
from derivations.engine.matrix_forms import Forms, Unsupported
from derivations.engine.matrix_symbols import Difference, ScalarOf, Total, d, matrix
from derivations.engine.matrix_witness import matrix_witness, points, value
from derivations.engine.radicals import split_radicals
from derivations.engine.relations import Context, Relation
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome, Verdict
from derivations.errors import EngineInconsistencyError

__all__ = ["MVNormalPDF", "ScalarOf", "as_written", "check_matrix_equal", "d", "involves_matrices", "matrix",
           "matrix_at", "minus", "plus", "product", "quadratic"]


class MVNormalPDF(Defined):
    r"""``MVNormalPDF(x, mu, Sigma)``: :math:`\mathcal{N}(\mathbf{x}; \boldsymbol\mu, \Sigma) =
    (2\pi)^{-d/2}|\Sigma|^{-1/2}\exp(-\frac12(\mathbf{x}-\boldsymbol\mu)^\top\Sigma^{-1}(\mathbf{x}-\boldsymbol\mu))`
    (source 001, "The multivariate Gaussian"), with ``d`` the number of rows of ``x``."""

    nargs = 3

    @classmethod
    def definition(cls, x: sp.Expr, mean: sp.Expr, cov: sp.Expr) -> sp.Expr:
        dim = sp.sympify(x.shape[0])
        quadratic = ScalarOf((x - mean).T * cov.I * (x - mean))
        return sp.exp(-quadratic / 2) / ((2 * sp.pi) ** (dim / 2) * sp.sqrt(sp.Determinant(cov)))

    def _latex(self, printer: Any) -> str:
        x, mean, cov = (printer._print(arg) for arg in self.args)
        return rf"\mathcal{{N}}\left({x}; {mean}, {cov}\right)"


def minus(a: sp.Expr, b: sp.Expr) -> sp.Expr:
    """``a - b``, printed in that order (a :class:`~derivations.engine.matrix_forms.Difference`)."""
    return Difference(a, b)


def plus(*terms: sp.Expr) -> sp.Expr:
    """``a + b + ...``, printed in that order (a :class:`~derivations.engine.matrix_forms.Total`)."""
    return Total(*terms)


def product(*factors: sp.Expr) -> sp.Expr:
    """``a b c``, unevaluated: no transpose or inverse is distributed over the factors."""
    return sp.MatMul(*factors, evaluate=False)


def quadratic(v: sp.Expr, a: sp.Expr, w: sp.Expr | None = None) -> sp.Expr:
    r"""The number :math:`\mathbf{v}^\top A\mathbf{w}` (``w = v`` by default), unevaluated."""
    return ScalarOf(sp.MatMul(sp.Transpose(v), a, v if w is None else w, evaluate=False))


def as_written(derivation: Any) -> None:
    """Print every matrix line of ``derivation`` as it was built (a display form equal to the line itself).

    Matrix sums are otherwise printed in SymPy's sorted order (``-\\mu + x``); built with :func:`minus`
    and :func:`product`, a line printed as written reads as the papers write it. The display form is
    the line itself, so its check is immediate.
    """
    derivation.steps[:] = [step if step.display is not None or not involves_matrices(step.expr)
                           else replace(step, display=step.expr) for step in derivation.steps]


def involves_matrices(expr: sp.Basic) -> bool:
    """Does ``expr`` hold a matrix (symbolic or explicit), or a scalar made of one?"""
    return isinstance(expr, MatrixExpr | sp.MatrixBase) or expr.has(
        sp.MatrixSymbol, sp.ImmutableMatrix, ScalarOf, sp.Determinant, sp.Trace, MVNormalPDF)


ScalarCheck = Callable[[sp.Expr, sp.Expr, CheckSettings], Verdict]


def _substituted(expr: sp.Basic, definitions: Mapping[sp.Basic, sp.Basic]) -> sp.Basic:
    from derivations.engine.checking import substitute_definitions  # late: the checker imports this module late

    return substitute_definitions(expr, definitions)


def _symbolic(expr: sp.Basic) -> bool:
    """Symbolic matrices (of a symbolic size, or named), not only explicit ones."""
    return isinstance(expr, sp.MatrixSymbol | sp.Identity | sp.ZeroMatrix) or expr.has(
        sp.MatrixSymbol, sp.Identity, sp.ZeroMatrix)


def check_matrix_equal(lhs: sp.Basic, rhs: sp.Basic, settings: CheckSettings, scalar_check: ScalarCheck) -> Verdict:
    """Decide ``lhs = rhs`` for matrix expressions (or scalars made of them), for every dimension.

    Proved when the canonical forms (:mod:`~derivations.engine.matrix_forms`) reduce the
    difference to zero and the explicit witness agrees; refuted only by the witness (or, for
    explicit matrices, by the scalar engine entry by entry); undecided otherwise.
    """
    lhs, rhs = (_substituted(unfold(side), settings.definitions) for side in (lhs, rhs))
    if not (_symbolic(lhs) or _symbolic(rhs)):
        return _explicit(lhs, rhs, settings, scalar_check)
    if _is_matrix(lhs) != _is_matrix(rhs) or (_is_matrix(lhs) and lhs.shape != rhs.shape):
        return Verdict(Outcome.UNDECIDED, "the two sides have different shapes (or one is a scalar)")
    settings = replace(settings, positive=tuple(_substituted(p, settings.definitions) for p in settings.positive),
                       constraints=tuple(_substituted(c, settings.definitions) for c in settings.constraints))
    forms = Forms(tuple(settings.positive))
    try:
        zero, residual, tried = _symbolic_zero(forms, lhs, rhs, settings)
    except Unsupported as why:
        zero, residual, tried = False, None, (f"matrix rules ({why})",)
    agreed, counterexample = matrix_witness(lhs, rhs, settings)
    if zero:
        if counterexample is not None:
            raise EngineInconsistencyError(f"engine bug: the matrix rules reduced lhs - rhs to 0, but explicit "
                                           f"matrices differ {counterexample.describe()} (lhs={sp.sstr(lhs)}, "
                                           f"rhs={sp.sstr(rhs)})")
        method = "matrix algebra, for every dimension" + ("" if agreed else " (no explicit point evaluated)")
        return Verdict(Outcome.PROVED, method, sp.S.Zero, None, agreed, tried)
    if counterexample is not None:
        return Verdict(Outcome.REFUTED, "numeric counterexample (random explicit matrices)", residual,
                       counterexample, agreed, tried)
    return Verdict(Outcome.UNDECIDED, f"agrees at {agreed} explicit points, no symbolic proof", residual, None,
                   agreed, tried)


def _is_matrix(expr: sp.Basic) -> bool:
    return isinstance(expr, MatrixExpr | sp.MatrixBase)


def _symbolic_zero(forms: Forms, lhs: sp.Basic, rhs: sp.Basic, settings: CheckSettings):
    positive = tuple(forms.scalar(p) for p in settings.positive)

    def zero(expr: sp.Expr) -> tuple[bool, sp.Expr, tuple[str, ...]]:
        expr = forms.without_signs(forms.scalar(expr))
        if positive:
            expr = split_radicals(expr, positive)
        found = algebraic_identity(expr, settings.effort)
        return found.method is not None, found.residual.xreplace(forms.back), found.tried

    if not _is_matrix(lhs):
        first = zero(lhs - rhs)  # relations of inverses inside each ScalarOf
        if first[0]:
            return first
        forms.reducing = False  # words only
        plain = zero(lhs - rhs)
        forms.reducing = True
        if plain[0]:
            return plain
        together = forms.combined(lhs - rhs)  # all ScalarOf terms as one polynomial
        combined = zero(together) if together is not None else (False,)
        return combined if combined[0] else first
    pairs = _block_pairs(lhs, rhs)
    left_over = []
    for left, right in pairs:
        p = forms.reduce(_difference(forms, left, right))
        p = {w: c for w, c in p.items() if not zero(c)[0]}
        if p:
            p = _after_multiplying(forms, p, zero, left.shape)
        if p:
            left_over.append(forms.rebuild(p, left.shape))
    residual = left_over[0] if len(left_over) == 1 else (sp.ZeroMatrix(*lhs.shape) if not left_over else None)
    return not left_over, residual, ("matrix rules (words, inverses, transposes)",)


def _difference(forms: Forms, left: sp.Basic, right: sp.Basic) -> dict:
    from derivations.engine.matrix_forms import _plus

    return _plus(forms.poly(left), forms.poly(right), sp.S.NegativeOne)


def _block_pairs(lhs: sp.Basic, rhs: sp.Basic) -> list[tuple[sp.Basic, sp.Basic]]:
    """The pairs of blocks to compare (the two sides themselves if neither is a block matrix)."""
    left, right = (sp.block_collapse(side) if side.has(sp.BlockMatrix) else side for side in (lhs, rhs))
    if not isinstance(left, sp.BlockMatrix) and not isinstance(right, sp.BlockMatrix):
        return [(left, right)]
    if not (isinstance(left, sp.BlockMatrix) and isinstance(right, sp.BlockMatrix)
            and left.blockshape == right.blockshape
            and all(a.shape == b.shape for a, b in zip(left.blocks, right.blocks))):
        raise Unsupported("block matrices of different block shapes")
    return list(zip(left.blocks, right.blocks))


def _after_multiplying(forms: Forms, p: dict, zero, shape: tuple) -> dict:
    """If ``X D = 0`` or ``D X = 0`` for the inverse ``X^{-1}`` of a sum met in ``D``, then ``D = 0``.

    ``X`` is invertible (its inverse is in the line), so multiplying by it loses nothing.
    """
    for atom, (x, (size, _)) in list(forms.opaque.items()):
        if not any(atom in word for word in p):
            continue
        products = ([forms.times(x, p)] if size == shape[0] else []) + ([forms.times(p, x)] if size == shape[1] else [])
        for product in products:
            try:
                reduced = forms.reduce(product)
            except Unsupported:
                continue
            if all(zero(c)[0] for c in reduced.values()):
                return {}
    return p


def _explicit_scalars(expr: sp.Basic) -> sp.Basic:
    """Explicit matrices inside scalars computed: the 1 x 1 entry, the determinant, the trace."""
    def compute(e: sp.Basic) -> sp.Basic:
        if isinstance(e, ScalarOf):
            return sp.Matrix(e.args[0].doit())[0, 0]
        return e.doit()
    return expr.replace(lambda e: isinstance(e, ScalarOf | sp.Determinant | sp.Trace), compute)


def _explicit(lhs: sp.Basic, rhs: sp.Basic, settings: CheckSettings, scalar_check: ScalarCheck) -> Verdict:
    """Explicit matrices (scalar entries): entry by entry, by the scalar engine."""
    try:
        left, right = (_explicit_scalars(sp.sympify(side).doit() if _is_matrix(side) else side)
                       for side in (lhs, rhs))
    except (TypeError, ValueError, sp.matrices.exceptions.ShapeError) as error:
        return Verdict(Outcome.UNDECIDED, f"cannot compute the explicit matrices: {error}")
    if _is_matrix(left) != _is_matrix(right):
        return Verdict(Outcome.UNDECIDED, "a matrix and a scalar")
    if not _is_matrix(left):
        return scalar_check(left, right, settings)
    left, right = sp.Matrix(left), sp.Matrix(right)
    if left.shape != right.shape:
        return Verdict(Outcome.UNDECIDED, f"shapes {left.shape} and {right.shape} differ")
    verdicts = [scalar_check(a, b, settings) for a, b in zip(left, right)]
    for (i, v) in enumerate(verdicts):
        if v.outcome is Outcome.REFUTED:
            where = f"entry ({i // left.cols + 1}, {i % left.cols + 1})"
            return replace(v, method=f"{where}: {v.method}")
    if all(v.proved for v in verdicts):
        methods = sorted({v.method for v in verdicts})
        return Verdict(Outcome.PROVED, "entry by entry: " + "; ".join(methods), sp.S.Zero, None,
                       min(v.witness_points for v in verdicts))
    undecided = next(v for v in verdicts if not v.proved)
    return replace(undecided, method=f"entry by entry: {undecided.method}")


def _kind_holds(kind: str, m: sp.Matrix, positive: tuple[sp.Expr, ...] = ()) -> bool:
    """Does the explicit matrix ``m`` provably have ``kind`` (under the stated positive expressions)?"""
    from derivations.engine.radicals import provably

    def pos(e: sp.Expr) -> bool:
        return provably(sp.factor(e), "positive", positive) or provably(e, "positive", positive)
    def zero(e: sp.Expr) -> bool:
        return sp.expand(e) == 0
    square = m.rows == m.cols
    if kind == "general":
        return True
    if kind in ("symmetric", "positive definite", "diagonal") and not (square and all(map(zero, m - m.T))):
        return False
    if kind == "positive definite":
        return all(pos(m[:k, :k].det()) for k in range(1, m.rows + 1))  # Sylvester's criterion
    if kind == "diagonal":
        return all(m[i, j] == 0 for i in range(m.rows) for j in range(m.cols) if i != j) and all(
            pos(m[i, i]) for i in range(m.rows))
    if kind == "orthogonal":
        return square and all(map(zero, m * m.T - sp.eye(m.rows)))
    if kind == "lower":
        return square and all(m[i, j] == 0 for i in range(m.rows) for j in range(i + 1, m.cols)) and all(
            pos(m[i, i]) for i in range(m.rows))
    return square and m.det().is_zero is False  # invertible


@dataclass(frozen=True, repr=False)
class _MatrixAt(Relation):
    values: tuple[tuple[sp.Basic, sp.Basic], ...]
    label: str = ""
    establishes = None

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"evaluated at {self.label or ', '.join(f'{k} = {sp.sstr(v)}' for k, v in self.values)}"

    @property
    def latex(self) -> str:  # type: ignore[override]
        return rf"\overset{{\text{{{self.label or 'at the values'}}}}}{{=}}"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        from derivations.engine.checking import check_equal
        from derivations.engine.substitution import respects_assumptions

        env = dict(self.values)
        for key, val in self.values:
            if isinstance(key, sp.MatrixSymbol):
                shape = tuple(sp.sympify(n).xreplace(env) for n in key.shape)
                if not isinstance(val, sp.MatrixBase) or val.shape != shape:
                    return Verdict(Outcome.UNDECIDED, f"{key} must be an explicit matrix of shape {shape}")
                if not _kind_holds(getattr(key, "matrix_kind", "general"), sp.Matrix(val),
                                   tuple(context.settings.positive)):
                    return Verdict(Outcome.UNDECIDED, f"the value of {key} is not provably "
                                   f"{getattr(key, 'matrix_kind', 'general')}")
            elif not respects_assumptions(key, val, context.settings.positive):
                return Verdict(Outcome.UNDECIDED, f"{sp.sstr(val)} is not provably what {key} is assumed to be")
        try:
            evaluated = value(_substituted(unfold(previous), context.settings.definitions), env)
        except (KeyError, TypeError, ValueError, sp.matrices.exceptions.ShapeError) as error:
            return Verdict(Outcome.UNDECIDED, f"the line before cannot be evaluated there ({error})")
        verdict = check_equal(evaluated, current, context.settings)
        return replace(verdict, method=f"the line before at {self.label or 'the values'}: {verdict.method}")


def matrix_at(values: Mapping[sp.Basic, sp.Basic], *, label: str = "") -> Relation:
    """Relation: the line before with matrix symbols (and dimensions, scalars) given explicit values.

    Each matrix value must provably be of the symbol's kind (symmetric, positive definite by
    Sylvester's criterion, ...) and of its shape once the dimensions are given. Makes nothing known.
    """
    return _MatrixAt(tuple((k, sp.ImmutableMatrix(v) if isinstance(v, sp.MatrixBase) else sp.sympify(v))
                           for k, v in values.items()), label)


def random_points(lhs: sp.Basic, rhs: sp.Basic, settings: CheckSettings, wanted: int = 1):
    """Explicit admissible points for both sides (re-exported for tests)."""
    return points(lhs, rhs, settings, wanted)
