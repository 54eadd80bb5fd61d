r"""Positivity and radicals: what SymPy's assumptions and the stated hypotheses prove.

:func:`provably` asks whether an expression is provably positive (real, ...) under the
symbols' assumptions and the stated positive expressions; :func:`split_radicals`
splits :math:`\sqrt{ab}` into :math:`\sqrt{a}\sqrt{b}` only where that is an identity.
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

#: Radicands larger than this (in operations) are not factored, so not split.
MAX_RADICAND_OPS = 60


def provably(expr: sp.Expr, fact: str, positive: Sequence[sp.Expr] = ()) -> bool:
    """Do SymPy's assumptions, with the stated ``positive`` expressions, prove ``expr.is_<fact>``?

    Each stated expression is replaced by a fresh positive symbol first, so
    ``provably(sqrt(1 - a), "real", [1 - a])`` is True.
    """
    expr = sp.sympify(expr)
    below_one = {p: (1 - p).free_symbols.pop() for p in positive if _is_one_minus_positive_symbol(p)}
    # 0 < s < 1 (s positive, 1 - s stated positive): write s = 1/(1 + q) with q > 0, a change of variables
    in_unit = {s: 1 / (1 + sp.Dummy("q", positive=True)) for s in below_one.values()}
    stand_ins = {p: sp.Dummy("p", positive=True) for p in positive if p not in below_one}
    for candidate in (expr.xreplace(stand_ins), expr.xreplace(stand_ins).xreplace(in_unit)):
        if getattr(candidate, f"is_{fact}") is True:
            return True
        radicals_cancelled = candidate.replace(lambda e: e.is_Pow, lambda e: sp.Pow(sp.cancel(e.base), e.exp))
        if getattr(radicals_cancelled, f"is_{fact}") is True:
            return True
    return False


def _is_one_minus_positive_symbol(expr: sp.Expr) -> bool:
    rest = 1 - expr
    return rest.is_Symbol and rest.is_positive is True


def split_radicals(expr: sp.Expr, positive: Sequence[sp.Expr]) -> sp.Expr:
    r"""Split :math:`\sqrt{ab/c}` into :math:`\sqrt{a}\sqrt{b}/\sqrt{c}` where every factor is positive.

    A factor counts as positive if SymPy's assumptions say so or it is one of the
    stated ``positive`` expressions (or minus one, with the signs pairing up). The
    split is then an identity for real powers, so the transformation is sound under
    the hypothesis; anything else is left as it is.
    """
    stated = [sp.expand(p) for p in positive]

    def is_positive(factor: sp.Expr) -> bool:
        return factor.is_positive is True or sp.expand(factor) in stated

    def split(power: sp.Pow) -> sp.Expr:
        if sp.count_ops(power.base) > MAX_RADICAND_OPS:
            return power  # factoring a large radicand can take minutes: leave it whole (sound, maybe unproved)
        numerator, denominator = sp.fraction(sp.together(power.base))
        factors = [(f, 1) for f in sp.Mul.make_args(sp.factor(numerator))]
        factors += [(f, -1) for f in sp.Mul.make_args(sp.factor(denominator))]
        sign, result = 1, sp.S.One
        for factor, side in factors:
            base, exponent = factor.as_base_exp() if factor.is_Pow else (factor, sp.S.One)
            if not is_positive(base) and is_positive(-base):
                base, sign = -base, sign * (-1) ** (exponent * side)
            if not is_positive(base) or not exponent.is_real:
                return power
            result *= base ** (exponent * side * power.exp)
        return result if sign == 1 else power

    return expr.replace(
        lambda e: e.is_Pow and e.exp.is_Rational and not e.exp.is_integer, split)


def resolve_absolute_values(expr: sp.Expr, positive: Sequence[sp.Expr]) -> sp.Expr:
    """``|e|`` as ``e`` (or ``-e``) where ``e`` (or ``-e``) is provably nonnegative under the stated positivity."""
    def resolve(node: sp.Abs) -> sp.Expr:
        inner = node.args[0]
        if provably(inner, "nonnegative", positive):
            return inner
        if provably(-inner, "nonnegative", positive):
            return -inner
        return node

    return expr.replace(lambda e: isinstance(e, sp.Abs), resolve)
