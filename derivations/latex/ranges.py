r"""Sums and products over concrete ranges, as a reader reads them.

SymPy's ``Sum`` and ``Product`` follow Karr's convention: :math:`\sum_{s=1}^{-1} 1 = -1`. A reader of a post
sees no terms in a range that ends before it starts, an inner range too once an outer index makes it
concrete (:math:`\sum_{t=1}^{3}\sum_{s=1}^{t-2} 1 = 0 + 0 + 1`).
"""

from __future__ import annotations

import sympy as sp

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
