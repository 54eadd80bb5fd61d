"""Indexed families: ``\\alpha_i`` inside a sum or product over ``i`` is the term ``alpha[i]`` of the family
``alpha``; once the index is definite again (``alpha[t]``, after a product is peeled) it is the post's ``\\alpha_t``."""

from __future__ import annotations

import sympy as sp

from derivations.latex.names import Name
from derivations.latex.scope import Scope

#: Each indexed family read, with the name its terms are written by (for writing a term back as a symbol).
FAMILIES: dict[sp.IndexedBase, Name] = {}


def assumptions_of(symbol: sp.Expr) -> dict[str, bool]:
    if getattr(symbol, "is_commutative", True) is False:  # a capital read as an operator (lint.commuting)
        return {"commutative": False}
    return {"positive": True} if getattr(symbol, "is_positive", False) else {"real": True}


def terms_as_symbols(expr: sp.Expr, scope: Scope) -> sp.Expr:
    """Terms of indexed families at a definite index (``alpha[t]``, after peeling) as the post's symbols."""
    mapping = {}
    bound = {v for node in expr.atoms(sp.Sum, sp.Product) for v in node.variables}
    for term in expr.atoms(sp.Indexed):
        if term.base in FAMILIES and not (term.free_symbols & bound) and len(term.indices) == 1:
            family = FAMILIES[term.base]
            sub = sp.sstr(term.indices[0]).replace(" ", "")
            mapping[term] = scope.symbol(Name(family.base, family.accent, family.style, sub, family.mark))
    return expr.xreplace(mapping) if mapping else expr


def symbols_as_terms(sides: tuple[sp.Expr, ...], scope: Scope) -> tuple[sp.Expr, ...]:
    """The post's symbols for terms of a family the sides sum, at a limit of a sum (``a_T``, ``x_{T-1}``), as those
    terms (``a[T]``): written out at T = 1, ``a_T`` is then ``a_1``, as :func:`terms_as_symbols` names it."""
    families = {term.base for side in sides for term in side.atoms(sp.Indexed) if term.base in FAMILIES}
    limits = {s for side in sides for node in side.atoms(sp.Sum, sp.Product) for limit in node.limits
              for bound in limit[1:] for s in bound.free_symbols}
    mapping = {}
    for base in families:
        family = FAMILIES[base]
        for at in (limit + shift for limit in limits for shift in range(-2, 3)):
            sub = sp.sstr(at).replace(" ", "")
            mapping[scope.symbol(Name(family.base, family.accent, family.style, sub, family.mark))] = base[at]
    return tuple(side.xreplace(mapping) for side in sides) if mapping else sides
