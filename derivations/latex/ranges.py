r"""Sums and products over concrete ranges, as a reader reads them.

SymPy's ``Sum`` and ``Product`` follow Karr's convention: :math:`\sum_{s=1}^{-1} 1 = -1`. A reader of a post
sees no terms in a range that ends before it starts, an inner range too once an outer index makes it
concrete (:math:`\sum_{t=1}^{3}\sum_{s=1}^{t-2} 1 = 0 + 0 + 1`).
"""

from __future__ import annotations

import sympy as sp

from derivations.latex.tokens import UnreadError

#: A sum or product over a concrete range is written out when it has at most this many terms.
WRITTEN_OUT = 200


def as_written(expr: sp.Expr) -> sp.Expr:
    r"""Sums and products over concrete ranges written out as a reader reads them, outermost first.

    A range that ends before it starts is empty (0, 1), also an inner one that an outer index makes concrete
    (:math:`\sum_{t=1}^{3}\sum_{s=1}^{t-2} 1 = 1`); SymPy's Karr convention would count it negatively.
    """
    if not expr.has(sp.Sum, sp.Product):
        return expr
    if isinstance(expr, (sp.Sum, sp.Product)) and all(len(limit) == 3 for limit in expr.limits):
        *inner, (index, low, high) = expr.limits  # SymPy keeps nested sums as one, the outermost range last
        count = high - low + 1
        if count.is_Integer and int(count) <= WRITTEN_OUT:
            body = type(expr)(expr.function, *inner) if inner else expr.function
            terms = [as_written(body.xreplace({index: low + k})) for k in range(max(int(count), 0))]
            return sp.Add(*terms) if isinstance(expr, sp.Sum) else sp.Mul(*terms)
    return expr.func(*(as_written(arg) for arg in expr.args))


def inner_ranges_never_reversed(body: sp.Expr, index: sp.Symbol, low: sp.Expr, high: sp.Expr) -> None:
    r"""Raise UnreadError for an inner range of ``body`` that the outer index may reverse where it is not written out.

    Written out (:func:`as_written`, a concrete range of at most WRITTEN_OUT terms) an empty inner range is empty; in
    closed form SymPy counts it by Karr's convention (:math:`\sum_{s=1}^{t-2} 1 = -1` at t = 1). So an inner
    range's length must be :math:`a t + b` with :math:`a \ge 0` and at least 0 at the outer start, or the
    outer range concrete and short.
    """
    if low.is_Integer and high.is_Integer and high - low < WRITTEN_OUT:
        return
    for node in body.atoms(sp.Sum, sp.Product):
        for limit in node.limits:
            if len(limit) != 3 or index not in sp.Tuple(*limit[1:]).free_symbols:
                continue
            count = sp.expand(limit[2] - limit[1] + 1)
            slope = count.coeff(index)
            start = count.subs(index, low)
            if count.free_symbols - {index} or sp.degree(count, index) > 1 or not (
                    slope.is_nonnegative and start.is_Integer and start >= 0):
                raise UnreadError("an inner range the outer index may make empty: Karr's convention would count "
                                  "it negatively")
