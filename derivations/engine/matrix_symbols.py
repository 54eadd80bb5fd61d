r"""The vocabulary of matrix lines: matrix symbols of a kind, and the terms that print as the papers write.

* :func:`matrix` makes a ``MatrixSymbol`` that says what it is (symmetric, positive definite,
  diagonal, orthogonal, lower triangular, invertible): the rules of
  :mod:`~derivations.engine.matrix_forms` use it, and the witness samples that kind;
* :class:`ScalarOf` is the number a :math:`1 \times 1` product stands for
  (:math:`\mathbf{t}^\top\Sigma\mathbf{t}`), so that it can sit in an exponent or a logarithm;
* :class:`Difference` and :class:`Total` are ``a - b`` and ``a + b + ...`` printed in the order
  written (SymPy prints a ``MatAdd`` in its own order, ``-\mu + x``); they are those sums.

References: source 001, "The multivariate Gaussian" (the notation of the pdf).
"""

from __future__ import annotations

from typing import Any

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr

#: The dimension of the vectors, a positive integer.
d = sp.Symbol("d", integer=True, positive=True)
SYMMETRIC = frozenset({"symmetric", "positive definite", "diagonal"})
INVERTIBLE = frozenset({"invertible", "positive definite", "diagonal", "orthogonal", "lower"})
POSITIVE_DET = frozenset({"positive definite", "diagonal", "lower"})
KINDS = frozenset({"general"}) | SYMMETRIC | INVERTIBLE


class KindedMatrix(sp.MatrixSymbol):
    """A matrix symbol that says what it is (``matrix_kind``); the witness samples that kind."""

    matrix_kind = "general"


def _kinded(kind: str) -> type[KindedMatrix]:
    name = "".join(part.capitalize() for part in kind.split()) + "Matrix"
    return type(name, (KindedMatrix,), {"matrix_kind": kind, "__module__": __name__})


_CLASSES = {kind: _kinded(kind) for kind in sorted(KINDS)}


def matrix(name: str, rows: sp.Expr = d, cols: sp.Expr | None = None, *, kind: str = "general") -> sp.MatrixSymbol:
    """A matrix symbol of a kind: general, invertible, symmetric, positive definite, diagonal
    (positive diagonal), orthogonal, or lower (triangular with a positive diagonal, a Cholesky factor).

    >>> Sigma = matrix("Sigma", kind="positive definite")
    >>> (Sigma.shape, Sigma.matrix_kind)
    ((d, d), 'positive definite')
    """
    if kind not in KINDS:
        raise ValueError(f"unknown matrix kind {kind!r}: one of {', '.join(sorted(KINDS))}")
    return _CLASSES[kind](name, rows, rows if cols is None else cols)


def kind_of(atom: sp.Basic) -> str:
    return getattr(atom, "matrix_kind", "general")


class Difference(MatrixExpr):
    """``a - b`` of two matrices, printed in that order (a MatAdd is printed in SymPy's order, ``-b + a``).

    The same matrix as ``a - b``: the forms, the witness and ``doit`` treat it so.
    """

    precedence = 40  # that of a sum: parenthesised inside a product or a transpose

    def __new__(cls, a: sp.Basic, b: sp.Basic, **_: Any) -> Difference:
        return sp.Basic.__new__(cls, sp.sympify(a), sp.sympify(b))

    @property
    def shape(self) -> tuple:
        return self.args[0].shape

    def doit(self, **hints: Any) -> sp.Basic:
        a, b = (arg.doit(**hints) if hints.get("deep", True) else arg for arg in self.args)
        return (a - b).doit()

    def _eval_transpose(self) -> sp.Basic:
        return Difference(sp.Transpose(self.args[0]), sp.Transpose(self.args[1]))

    def _latex(self, printer: Any) -> str:
        a, b = self.args
        right = printer._print(b)
        if isinstance(b, sp.MatAdd | Difference | Total):
            right = rf"\left({right}\right)"
        return f"{printer._print(a)} - {right}"


class Total(MatrixExpr):
    """``a + b + ...`` of matrices, printed in the order given (a MatAdd is printed in SymPy's order)."""

    precedence = 40

    def __new__(cls, *terms: sp.Basic, **_: Any) -> Total:
        return sp.Basic.__new__(cls, *(sp.sympify(t) for t in terms))

    @property
    def shape(self) -> tuple:
        return self.args[0].shape

    def doit(self, **hints: Any) -> sp.Basic:
        return sp.MatAdd(*(t.doit(**hints) for t in self.args)).doit()

    def _eval_transpose(self) -> sp.Basic:
        return Total(*(sp.Transpose(t) for t in self.args))

    def _latex(self, printer: Any) -> str:
        return " + ".join(printer._print(t) for t in self.args)


class ScalarOf(sp.Function):
    r"""The number a :math:`1 \times 1` matrix expression stands for, printed as the expression."""

    nargs = 1
    is_real = True
    is_commutative = True

    def _latex(self, printer: Any) -> str:
        return printer._print(self.args[0])

    def _sympystr(self, printer: Any) -> str:
        return printer._print(self.args[0])
