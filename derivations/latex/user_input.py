"""Read an expression a user typed: LaTeX (anything with a backslash) or SymPy syntax.

LaTeX goes through the guarded reader (:mod:`derivations.latex.reader`), which
refuses a reading it cannot trust; SymPy syntax through :mod:`derivations.engine.syntax`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import sympy as sp

from derivations.engine.syntax import parse_sympy_expr
from derivations.errors import BadInputError


def parse_user_expr(text: str, *, assume: str = "real", fixed: Mapping[str, sp.Symbol] | None = None,
                    tied: Sequence[str] = ()) -> sp.Expr:
    """Parse ``text`` into a SymPy expression, or raise :class:`BadInputError` saying why.

    Names in ``fixed`` (the noise variables) become those symbols, whatever ``assume`` says. The
    LaTeX ``tied`` (both sides of a check) give the shapes of matrices and vectors one reading.

    >>> parse_user_expr(r"\\sqrt{\\bar\\alpha_t}\\mathbf{x}_0")
    sqrt(alphabar_t)*x_0
    """
    if "\\" not in text:
        return parse_sympy_expr(text, assume=assume, fixed=fixed)
    return _parse_latex(text, assume, fixed or {}, tuple(tied) or (text,))


def _parse_latex(text: str, assume: str, fixed: Mapping[str, sp.Symbol], tied: tuple[str, ...]) -> sp.Expr:
    from derivations.latex.reader import read
    from derivations.latex.scope import Scope
    # the fixed symbols are made while reading: a positive stand-in swapped afterwards would have simplified
    shapes = _shapes(tuple(t for t in tied if "\\" in t))
    parsed = read(text, Scope(assume=assume, fixed=fixed, table=True, diffusion=True, shapes=shapes))
    if parsed.expr is None:
        raise BadInputError(f"cannot read LaTeX {text!r}: {parsed.reason}")
    return parsed.expr


@functools.cache
def _shapes(tied: tuple[str, ...]):
    """One shape table for all the sides of a check (each side alone would number its sizes from 1)."""
    from derivations.latex.shapes import PostShapes

    return PostShapes.of_texts([list(tied)])
