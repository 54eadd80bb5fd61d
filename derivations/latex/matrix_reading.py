r"""The meaning of a side read with matrices (:mod:`~derivations.latex.shapes` says which sides are).

* ``\Sigma_{11}``, ``\mathbf{A}`` are matrix symbols and ``\mathbf{x}_1`` a column vector, of the
  shapes the post's writing ties (symbols ``d#1``, ``d#2``, ... that no post can write);
* ``\mathbf{I}`` and ``\mathbb{I}`` are the identity and ``\mathbf{0}`` the zero matrix of the size
  the writing gives them; ``A^{-1}`` is the inverse, ``A^\top`` (or ``A^T``) the transpose;
* ``\det A``, ``|A|`` and a ``vmatrix`` are determinants, ``\operatorname{tr}`` the trace, and
  ``\|\mathbf{v}\|`` the Euclidean norm :math:`\sqrt{\mathbf{v}^\top\mathbf{v}}`;
* a matrix environment of numbers is an explicit matrix; with matrices among its cells it is a
  block matrix (a ``0`` cell is a zero block);
* a :math:`1 \times 1` product (:math:`\mathbf{x}^\top\Sigma^{-1}\mathbf{x}`) is the number it
  holds wherever a number stands (:class:`~derivations.engine.matrix_symbols.ScalarOf`).

Conventions, stated: a ``\Sigma`` or ``\Lambda`` that the writing makes square is a covariance or a
precision, symmetric positive definite, only with no subscript, one name or number
(``\Sigma_0``, ``\Sigma_t``, ``\Sigma_\theta``), a repeated one (``\Sigma_{11}``, ``\Sigma_{xx}``) or a condition
(``\Sigma_{1|2}``); any other (``\Sigma_{12}``, ``\Sigma_{\mathbf{x}\mathbf{y}}``: a cross-covariance), and
every other matrix, is a general one. An identity proved for general matrices of the most general shapes holds for every
matrix of those shapes.

References: Horn & Johnson, *Matrix Analysis* (2013), sec. 0.2-0.9 (transpose, inverse,
determinant, trace, block matrices); Petersen & Pedersen, *The Matrix Cookbook* (2012), sec. 1.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr

from derivations.engine.matrix_symbols import ScalarOf, matrix
from derivations.engine.verdict import Outcome, Verdict
from derivations.latex.matrix_names import MATRIX_GREEK, is_identity, is_matrix_name, is_vector_name
from derivations.latex.names import Name
from derivations.latex.shapes import Solved, is_dimension
from derivations.latex.tokens import Tok, UnreadError


def is_matrix(value: object) -> bool:
    return isinstance(value, MatrixExpr | sp.MatrixBase)


def number(value: sp.Basic) -> sp.Basic:
    r"""``value`` where a number stands: a :math:`1 \times 1` matrix is the number it holds."""
    if not is_matrix(value):
        return value
    if value.shape != (1, 1):
        raise UnreadError("a matrix where a number stands")
    return sp.S.Zero if isinstance(value, sp.ZeroMatrix) else ScalarOf(value)


def kind_of(name: Name, rows: sp.Expr, cols: sp.Expr, general: frozenset[str] = frozenset()) -> str:
    r"""The convention for a matrix name: a square Sigma or Lambda is positive definite, unless a cross block or one
    the post defines or calls general (``general``: \Sigma = (1 2; 0 1), "not symmetric")."""
    if rows != cols or name.base not in MATRIX_GREEK or name.sympy_name in general:
        return "general"
    sub = re.sub(r"\\(?:mathbf|boldsymbol|bm|mathrm)\b|[{}\s,]", "", name.sub)
    sub = re.split(r"\||vert|mid", sub)[0]  # Sigma_{1|2}: the covariance of block 1, given 2
    if not sub:
        return "positive definite"
    one = re.fullmatch(r"[A-Za-z0-9]|\\[A-Za-z]+|\d+", sub) and not re.fullmatch(r"\d\d", sub)
    return "positive definite" if one or (len(sub) == 2 and sub[0] == sub[1]) else "general"


def matrix_name(shapes: Solved, tok: Tok) -> sp.Basic | None:
    """The matrix, vector or identity a name stands for in the matrix reading (None for a number)."""
    name: Name = tok.info
    if is_identity(name):
        size = shapes.occurrences[id(tok)][0]
        if size == 1:  # c I = c: tied to a number, an identity would be 1 x 1; the post means d x d
            raise UnreadError("an identity matrix where a number stands")
        return sp.Identity(size)
    if not (is_matrix_name(name, shapes.numbers) or is_vector_name(name)):
        return None
    rows, cols = shapes.names[name.key]
    return matrix(name.sympy_name, rows, cols, kind=kind_of(name, rows, cols, shapes.general))


def zero(shapes: Solved | None, tok: Tok) -> sp.Basic:
    r"""``\mathbf{0}``: read per coordinate it is 0; with matrices, the zero matrix of its size."""
    return sp.S.Zero if shapes is None else sp.ZeroMatrix(*shapes.occurrences[id(tok)])


def add(a: sp.Basic, b: sp.Basic) -> sp.Basic:
    if is_matrix(a) and is_matrix(b):
        return a + b
    return number(a) + number(b)


def multiply(a: sp.Basic, b: sp.Basic) -> sp.Basic:
    r"""``ab``; a :math:`1 \times 1` factor beside a larger matrix is a number (:math:`(x^\top y) z`)."""
    if is_matrix(a) and is_matrix(b) and (a.shape == (1, 1)) != (b.shape == (1, 1)):
        return number(a) * b if a.shape == (1, 1) else a * number(b)
    return a * b


def divide(a: sp.Basic, b: sp.Basic) -> sp.Basic:
    return a / number(b) if is_matrix(b) else a / b


def power(base: sp.Basic, exponent: sp.Basic) -> sp.Basic:
    """``A^{-1}`` is the inverse, ``A^{n}`` a power for a whole n > 0; a number to a matrix power is unread."""
    exponent = number(exponent)
    if not is_matrix(base):
        return base**exponent
    if exponent == -1:
        return sp.Inverse(base)
    if exponent.is_Integer and exponent > 0:
        return sp.MatPow(base, exponent)
    raise UnreadError(f"a matrix to the power {exponent}")


def transpose(value: sp.Basic) -> sp.Basic:
    r"""``A^\top`` or ``A^T``; of a plain letter it is unread (a number, a power of T, or a matrix written plainly)."""
    if is_matrix(value):
        return sp.Transpose(value)
    raise UnreadError("a transpose of a plain letter: a number, or a matrix the post writes plainly?")


def apply(function: str, argument: sp.Basic, functions: dict[str, Callable]) -> sp.Basic:
    r"""``\det A``, ``\operatorname{tr} A``, or a function of numbers (``\exp`` of a 1 x 1 product)."""
    if function in ("det", "tr"):
        if not is_matrix(argument):
            raise UnreadError(rf"\{function} of a number")
        return sp.Determinant(argument) if function == "det" else sp.Trace(argument)
    return functions[function](number(argument))


def absolute(value: sp.Basic) -> sp.Basic:
    """``|A|`` of a matrix is its determinant; of a number, its absolute value."""
    return sp.Determinant(value) if is_matrix(value) else sp.Abs(value)


def norm(value: sp.Basic) -> sp.Basic | None:
    r"""``\|\mathbf{v}\|`` of a vector: :math:`\sqrt{\mathbf{v}^\top\mathbf{v}}` (None for a number: opaque)."""
    return sp.sqrt(ScalarOf(sp.Transpose(value) * value)) if is_matrix(value) else None


def block_matrix(cells: list[list[sp.Basic]]) -> sp.Basic:
    """A matrix environment: explicit if its cells are numbers, a block matrix if some are matrices."""
    if not any(is_matrix(c) for row in cells for c in row):
        return sp.ImmutableMatrix(cells)
    heights = [next((c.shape[0] for c in row if is_matrix(c)), None) for row in cells]
    widths = [next((row[j].shape[1] for row in cells if is_matrix(row[j])), None) for j in range(len(cells[0]))]
    if None in heights or None in widths:
        raise UnreadError("a row or a column of zero blocks: its size is not written")
    blocks = [[c if is_matrix(c) else sp.ZeroMatrix(heights[i], widths[j]) for j, c in enumerate(row)]
              for i, row in enumerate(cells)]
    return sp.BlockMatrix(blocks)


def as_read(verdict: Verdict, lhs: sp.Basic, rhs: sp.Basic) -> Verdict:
    r"""A refutation of a step with matrices stands only when it cannot rest on what the reading does not know.

    The reading takes the most general shapes and samples matrices apart from the post's numbers. So a
    counterexample with two sizes (blocks ``d#1``, ``d#2`` the post may mean equal), a dimension in the
    residual (``2^{d#1} - 2^{d}``: the post's d may be the size), or a number in the residual beside the
    matrices (the post may tie it to them: :math:`\Sigma = LL^\top` with entries :math:`l_{ij}`) refutes
    nothing: undecided. Proofs hold for every size and every value.
    """
    if not (lhs.atoms(sp.MatrixSymbol) or rhs.atoms(sp.MatrixSymbol)
            or any(is_dimension(s) for side in (lhs, rhs) for s in side.free_symbols)):  # tr(I) = d#1
        return verdict
    if verdict.proved and verdict.witness_points == 0:  # (x x^T)^{-1}: an inverse no explicit matrix has
        return Verdict(Outcome.UNDECIDED, f"{verdict.method}: no proof stands without one explicit point")
    if verdict.outcome is not Outcome.REFUTED:
        return verdict
    sizes = {s for side in (lhs, rhs) for m in side.atoms(sp.MatrixSymbol) for n in m.shape
             for s in sp.sympify(n).free_symbols if is_dimension(s)}
    residual = verdict.residual.free_symbols if verdict.residual is not None else set()
    numbers = {s for s in residual if isinstance(s, sp.Symbol) and not is_dimension(s)}
    if len(sizes) < 2 and not any(is_dimension(s) for s in residual) and not numbers:
        return verdict
    return Verdict(Outcome.UNDECIDED, "refuted only for matrices of sizes or values the post does not tie to its "
                   f"other names ({verdict.method}); the post may mean ones that agree", verdict.residual, None,
                   verdict.witness_points)
