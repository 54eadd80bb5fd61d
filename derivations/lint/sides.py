"""What the sides of a step hold: the variables of its integrals, the names in its sums' limits, a label."""

from __future__ import annotations

import re

import sympy as sp

from derivations.engine.probability import Density
from derivations.latex.reader import Parsed

#: A side that stands for omitted steps: ``&= \dots``.
ELIDED = re.compile(r"\s*(?:\\[lcv]?dots|\.\.\.)\s*[.,]?\s*")

def limit_symbols(expr: sp.Expr) -> set[sp.Symbol]:
    """The names in the limits of a sum or product (they count terms: only integers go there)."""
    return {s for node in expr.atoms(sp.Sum, sp.Product) for _, *ends in node.limits for end in ends
            for s in end.free_symbols}


def integral_variables(expr: sp.Expr) -> set[sp.Symbol]:
    """The variables the integrals of ``expr`` run over."""
    return {v for integral in expr.atoms(sp.Integral) for v in integral.variables}


def a_label(parsed: Parsed) -> bool:
    """Is the side a lone name or density (a label a chain may name with ``:=``)?"""
    return isinstance(parsed.expr, (sp.Symbol, Density))
