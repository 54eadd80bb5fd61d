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
