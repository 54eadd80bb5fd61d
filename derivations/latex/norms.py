r"""Norms as posts write them: :math:`\|v\|`, :math:`\|v\|_2`, opaque, with the rules every norm obeys."""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from derivations.engine import probability
from derivations.engine.probability import Density


class Norm(probability.Opaque):
    r""":math:`\|v\|`: a norm of a vector, opaque and nonnegative.

    Two rules of every norm are used: :math:`\|-v\| = \|v\|`, and a plain number comes out as its absolute
    value (:math:`\|2v\| = 2\|v\|`). A symbolic constant does not (:math:`\pi` may be a permutation, i an
    index); names come out only where the reader knows them for scalars (:func:`norm_of`).
    """

    nargs = 1

    @classmethod
    def eval(cls, value: sp.Expr) -> sp.Expr | None:
        factors = sp.Mul.make_args(sp.factor_terms(value) if value.is_Add else value)
        numbers = [f for f in factors if f != 1 and _a_plain_number(f)]
        if numbers and len(numbers) < len(factors):  # a norm of a number alone is left as written
            return sp.Mul(*(abs(f) for f in numbers)) * cls(sp.Mul(*(f for f in factors if f not in numbers)))
        if value.could_extract_minus_sign():
            return cls(-value)
        return None

    def _eval_is_nonnegative(self) -> bool:
        return True

    def _eval_is_real(self) -> bool:
        return True

    def _latex(self, printer, exp: str | None = None) -> str:
        tex = rf"\left\|{printer._print(self.args[0])}\right\|"
        return tex if exp is None else f"{tex}^{{{exp}}}"


class EuclideanNorm(Norm):
    r""":math:`\|v\|_2`: the Euclidean norm, another function than the :math:`\|v\|` a post may define otherwise."""

    def _latex(self, printer, exp: str | None = None) -> str:
        tex = rf"\left\|{printer._print(self.args[0])}\right\|_{{2}}"
        return tex if exp is None else f"{tex}^{{{exp}}}"


def norm_of(value: sp.Expr, kind: type[Norm], scalar_names: bool) -> sp.Expr:
    r"""``kind(value)``, with a factor of positive names alone taken out (:math:`\|\alpha_t v\| = \alpha_t\|v\|`)
    when ``scalar_names``: in a post that does not speak of matrices, a positive name (a schedule letter, a
    standard deviation) is a number, and :math:`\|c v\| = |c|\,\|v\|` for a number c."""
    factors = sp.Mul.make_args(sp.factor_terms(value) if value.is_Add else value)
    scalars = [f for f in factors if scalar_names and not f.is_number and _of_scalars(f)]
    if not scalars or len(scalars) == len(factors):
        return kind(value)
    rest = sp.Mul(*(f for f in factors if f not in scalars))  # a sum whose own common factor shows only now
    return sp.Mul(*(abs(f) for f in scalars)) * norm_of(rest, kind, scalar_names)


def _a_plain_number(value: sp.Expr) -> bool:
    """A real number written with digits and radicals (2, 1/2, sqrt(2)); not pi, e or i."""
    return bool(value.is_number and value.is_real) and not value.has(sp.I) and not value.atoms(sp.NumberSymbol, sp.exp)


def _of_scalars(value: sp.Expr) -> bool:
    r"""A value of positive names alone (:math:`1/\sqrt{1 - \bar\alpha_t}`): a scalar, whatever its sign."""
    unknown = value.atoms(probability.Opaque, Density, AppliedUndef, sp.MatrixExpr)  # f(sigma) may be a vector
    return bool(value.free_symbols) and all(s.is_positive for s in value.free_symbols) and not unknown
