r"""Named functions that print as the papers write them and unfold to their definition.

A page writes :math:`\mathcal{N}(x; \mu, \sigma^2)` where the algebra needs the
explicit density. A :class:`Defined` function keeps the name for printing; the
engine replaces it by its definition (:func:`unfold`) before it checks a step.
Unfolding a definition is sound by construction: it is the same expression.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
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
    """``expr`` with every :class:`Defined` function replaced by its definition (repeatedly)."""
    return _unfold(sp.sympify(expr))


@functools.lru_cache(maxsize=4096)  # the same lines are unfolded for every check that sees them
def _unfold(expr: sp.Basic) -> sp.Basic:
    for _ in range(10):  # definitions may refer to other defined functions: one layer a round
        calls = expr.atoms(Defined)
        if not calls:
            return expr
        expr = expr.xreplace({call: call.unfold_once() for call in calls})
    return expr


def named_function(name: str, definition: Callable[..., sp.Expr], latex: str, *, doc: str = "") -> type[Defined]:
    r"""A :class:`Defined` function called ``name`` that unfolds to ``definition(*args)``.

    ``latex`` is a format string over the printed arguments, e.g. ``r"g_{{1}}\left({0}\right)"``.

    >>> t = sp.Symbol("t", real=True)
    >>> g = named_function("g", lambda arg: sp.exp(-arg**2), r"g\left({0}\right)")
    >>> sp.latex(g(t)), unfold(g(t))
    ('g\\left(t\\right)', exp(-t**2))
    """
    def _latex(self: Defined, printer: Any) -> str:
        return latex.format(*(printer._print(arg) for arg in self.args))

    namespace = {
        "nargs": len(inspect.signature(definition).parameters),
        "definition": classmethod(lambda cls, *args: definition(*args)),
        "_latex": _latex,
        "__doc__": doc,
        "__module__": sys._getframe(1).f_globals.get("__name__", __name__),
    }
    return type(name, (Defined,), namespace)
