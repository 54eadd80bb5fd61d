r"""Named functions that print as the papers write them and unfold to their definition.

A page writes :math:`\mathcal{N}(x; \mu, \sigma^2)` where the algebra needs the
explicit density. A :class:`Defined` function keeps the name for printing; the
engine replaces it by its definition (:func:`unfold`) before it checks a step.
Unfolding a definition is sound by construction: it is the same expression.
"""

from __future__ import annotations

from typing import Any

import sympy as sp


class Defined(sp.Function):
    """A function given by an explicit formula; subclasses implement :meth:`definition`.

    Subclasses set ``nargs`` and define ``definition(*args)`` and ``_latex``.
    """

    @classmethod
    def definition(cls, *args: sp.Expr) -> sp.Expr:
        raise NotImplementedError

    def unfold_once(self) -> sp.Expr:
        return type(self).definition(*self.args)


def unfold(expr: Any) -> Any:
    """``expr`` with every :class:`Defined` function replaced by its definition."""
    expr = sp.sympify(expr)
    for _ in range(10):  # definitions may refer to other defined functions
        if not expr.has(Defined):
            return expr
        expr = expr.replace(lambda e: isinstance(e, Defined), lambda e: e.unfold_once())
    return expr
