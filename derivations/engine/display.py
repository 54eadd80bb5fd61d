"""Expressions for display: unevaluated, so they print in the order the page writes them.

SymPy reorders and merges terms when it evaluates. A step's ``display=`` form is
built with these helpers instead, and the engine checks it equal to the step's
evaluated expression, so a display form can never say something else.
"""

from __future__ import annotations

import sympy as sp

UNEVALUATED = {"evaluate": False}


def product(*factors: sp.Expr) -> sp.Expr:
    """``a b c``, unevaluated (printed in the order given)."""
    return sp.Mul(*factors, **UNEVALUATED)


def fraction(numerator: sp.Expr, denominator: sp.Expr) -> sp.Expr:
    """``numerator / denominator`` as a fraction, unevaluated."""
    if numerator == 1:
        return sp.Pow(denominator, -1, **UNEVALUATED)
    return sp.Mul(numerator, sp.Pow(denominator, -1, **UNEVALUATED), **UNEVALUATED)


def total(*terms: sp.Expr) -> sp.Expr:
    """``a + b + c``, unevaluated (printed in the order given)."""
    return sp.Add(*terms, **UNEVALUATED)


def minus(first: sp.Expr, *rest: sp.Expr) -> sp.Expr:
    """``a - b - c``, unevaluated, printed in that order."""
    return sp.Add(first, *(negative(term) for term in rest), **UNEVALUATED)


def inverse(term: sp.Expr) -> sp.Expr:
    """``1 / a`` as a fraction, unevaluated."""
    return sp.Pow(term, -1, **UNEVALUATED)


def square(term: sp.Expr) -> sp.Expr:
    """``a^2``, unevaluated."""
    return sp.Pow(term, 2, **UNEVALUATED)


def negative(term: sp.Expr) -> sp.Expr:
    """``-a``, unevaluated."""
    return sp.Mul(-1, term, **UNEVALUATED)


def half_square(var: sp.Expr, mean: sp.Expr, variance: sp.Expr) -> sp.Expr:
    r""":math:`-\frac{(v - m)^2}{2 s}`, the exponent of a Gaussian density, unevaluated."""
    return negative(fraction(sp.Pow(total(var, negative(mean)), 2, **UNEVALUATED),
                             sp.Mul(2, variance, **UNEVALUATED)))


def root_of_product(*factors: sp.Expr) -> sp.Expr:
    r""":math:`\sqrt{a b}`, unevaluated, the factors in the order given (the source's order)."""
    return sp.Pow(sp.Mul(*factors, **UNEVALUATED), sp.S.Half, **UNEVALUATED)


def linear_combination(*pairs: tuple[sp.Expr, sp.Expr]) -> tuple[sp.Expr, sp.Expr]:
    """``sum(c * v)`` evaluated, and its display with each coefficient before its variable (the papers' order)."""
    expr = sum((sp.Mul(c, v) for c, v in pairs), sp.S.Zero)
    return expr, sp.Add(*(sp.Mul(c, v, **UNEVALUATED) for c, v in pairs), **UNEVALUATED)
