r"""Ranges that may run backwards: where SymPy's closed forms (Karr's convention) and a post's sums differ.

SymPy sums and multiplies over a range whose end is below its start less one as Karr (1981) does: the sum
over 3..1 is minus the sum over 2..2. A post means an empty range there: 0, or 1 for a product. So a step
proved by closed forms holds as written only if no range of it can run backwards for the values its names
may take; else only a counterexample at points where every range runs forwards stands (lint.context).
"""

from __future__ import annotations

import sympy as sp

from derivations.latex.families import symbols_as_terms, terms_as_symbols
from derivations.latex.ranges import as_written
from derivations.latex.scope import Scope


def may_reverse(sides: tuple[sp.Expr, ...]) -> set[sp.Symbol]:
    """The names in the limits of a sum or product whose range may run backwards (its end below its start less one):
    only there Karr's convention, which SymPy's closed forms follow, differs from the empty range as written. With a
    horizon T of at least 1 (lint.horizon), ``\\sum_{t=2}^T`` never does; ``\\sum_{t=3}^T`` may."""
    found: set[sp.Symbol] = set()
    for node in (n for e in sides for n in e.atoms(sp.Sum, sp.Product)):
        for _, start, end in (lim for lim in node.limits if len(lim) == 3):
            if (end - start + 1).is_nonnegative is not True:
                found |= (start.free_symbols | end.free_symbols)
    return found


def forward_points(sides: tuple[sp.Expr, ...], scope: Scope) -> list[tuple[tuple[sp.Expr, ...], str]]:
    """The sides at a few whole values of their ranges' free ends where every range runs forwards, written out as
    the post writes them, each to be refuted only (``t = 5``: the products over 1..4 and 1..5; ``\\alpha_t`` is
    then the family's term ``\\alpha_5``, as the post names it)."""
    names = sorted(may_reverse(sides), key=sp.default_sort_key)
    family_terms = symbols_as_terms(sides, scope)  # alpha_t, a_T: the terms alpha[t], a[T]
    points = []
    for value in (2, 3, 5):
        concrete = tuple(side.xreplace({name: sp.Integer(value) for name in names}) for side in family_terms)
        ranges = [lim for e in concrete for n in e.atoms(sp.Sum, sp.Product) for lim in n.limits if len(lim) == 3]
        if all((end - start + 1).is_nonnegative for _, start, end in ranges):
            points.append((tuple(terms_as_symbols(as_written(e), scope) for e in concrete), "refuted"))
    return points
