"""``srepr`` that depends on the expression alone, not on how its symbols were first made.

SymPy's ``srepr`` prints a symbol's assumptions as they were passed when it was created. Two equal
symbols, ``Symbol('a', positive=True)`` and the same name made with every implied assumption spelled
out (SymPy's own ``disambiguate`` does that), print differently; and because SymPy caches the
expressions it builds, which of the two an expression holds depends on what ran before in the
process. Records (``output/*.json``) and cache keys must not: here a symbol prints with the first of a
fixed list of assumption sets that implies exactly its assumptions (``positive=True``, not the sixteen
facts that follow from it), else with all of them, sorted.
"""

from __future__ import annotations

import functools

import sympy as sp
from sympy.printing.repr import ReprPrinter

#: Assumption sets a symbol is printed with, the first that implies exactly its assumptions.
_GENERATORS = ({}, {"real": True}, {"positive": True}, {"integer": True, "positive": True}, {"nonnegative": True},
               {"negative": True}, {"nonpositive": True}, {"integer": True}, {"integer": True, "nonnegative": True},
               {"nonzero": True, "real": True}, {"commutative": False})


@functools.cache
def _generator(facts: tuple[tuple[str, bool], ...]) -> tuple[tuple[str, bool], ...]:
    for generator in _GENERATORS:
        if tuple(sorted(sp.Symbol("x", **generator).assumptions0.items())) == facts:
            return tuple(sorted(generator.items()))
    return facts


class _CanonicalRepr(ReprPrinter):
    def _print_Symbol(self, expr: sp.Symbol) -> str:
        if isinstance(expr, sp.Dummy | sp.Wild):  # SymPy's own (a dummy's index, a wild's exclusions)
            return super()._print_Symbol(expr)
        facts = _generator(tuple(sorted(expr.assumptions0.items())))
        extra = "".join(f", {key}={value}" for key, value in facts)
        return f"{type(expr).__name__}({expr.name!r}{extra})"


def srepr(expr: sp.Basic) -> str:
    """``sp.srepr(expr)``, with each symbol's assumptions printed canonically (module docstring).

    >>> a = sp.Symbol("a", positive=True)
    >>> srepr(sp.Symbol("a", **a.assumptions0) + 1) == srepr(a + 1) == "Add(Symbol('a', positive=True), Integer(1))"
    True
    """
    return _CanonicalRepr().doprint(expr)
