"""A slip in a source, told to a reader: the note, and the engine's refutation in math, not SymPy syntax."""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from derivations.engine.steps import Slip
from derivations.latex.printer import math


def _number(value: str) -> str:
    try:
        shown = f"{float(sp.sympify(value)):.4g}"
    except (TypeError, ValueError, sp.SympifyError):
        return value
    return shown.replace("e-0", "e-").replace("e+0", "e+")


def point_latex(slip: Slip) -> str:
    """The counterexample's point as LaTeX: ``\\beta_{t} = 0.608, \\mathbf{x}_{t-1} = 1.34``."""
    example = slip.verdict.counterexample
    if example is None:
        return ""
    symbols = {s.name: s for s in slip.source_line.free_symbols | slip.corrected.free_symbols}
    shown = []
    for name, value in example.point:
        sym = symbols.get(name, sp.Symbol(name))
        shown.append(f"{math(sym)} = {_number(value)}")
    return ", ".join(shown)


def slip_text(slip: Slip, prose: Callable[[str], str], *, inline: Callable[[str], str]) -> str:
    """One paragraph: where, the note, and the refutation (residual and a counterexample in math).

    ``prose`` writes the note (Markdown or LaTeX prose); ``inline`` wraps a piece of math.
    """
    verdict = slip.verdict
    text = f"Slip in {prose(slip.where)}: {prose(slip.note)} The engine refutes the source's line "
    text += f"{inline(math(slip.source_line))} against {inline(math(slip.corrected))}"
    example = verdict.counterexample
    if example is not None:
        point = point_latex(slip)
        text += f": at {inline(point)} the two sides are {_number(example.lhs)} and {_number(example.rhs)}"
    if verdict.residual is not None:
        text += f"; what is left of their difference is {inline(math(verdict.residual))}"
    return text + "."
