r"""A step that holds only because plain capitals commute: :math:`AB = BA`, :math:`e^X e^Y = e^{X+Y}`.

The reader takes a plain capital for a number, and numbers commute. But capitals name matrices,
operators, projections, gates and the elements of a Lie algebra as often as numbers, in words no list
can hold; an author who writes :math:`AB = BA` for numbers is rare. So a step with two or more
distinct plain capitals is read again with them as noncommutative symbols: if its two sides then
differ, the step is true only if the capitals commute: a proof does not stand (the step is
undecided), a refutation as numbers does. Declared noises are random numbers, not matrices. A
capital the post shows to be a number stays one: declared positive, divided by or under a square
root anywhere in its math (:math:`\frac{B_2 x}{\sqrt{B_1 + B_2}}`; matrices are inverted, not
divided by), or of a letter the post sets to a value with no capital (:math:`A = 1/\sigma\sqrt{2\pi}`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import sympy as sp

from derivations.latex.lexer import lex
from derivations.latex.matrix_names import is_plain_capital
from derivations.latex.names import NameError_, argument, read_name
from derivations.latex.reader import Parsed, read
from derivations.latex.tokens import UnreadError

if TYPE_CHECKING:
    from derivations.lint.context import Post


def commuting_capitals(post: Post, sides: tuple[Parsed, ...]) -> str:
    """Why the step may rest on capitals that commute ("" if it does not)."""
    capitals = sorted({name.sympy_name for side in sides for name in side.idents.values() if is_plain_capital(name)}
                      - post.scalar_capitals - post.scope.positive - set(post.normals))
    if len(capitals) < 2 or any(not side.tex for side in sides):
        return ""
    why = (f"holds only if {', '.join(capitals)} commute: numbers, or matrices or operators (which need not)?")
    scope = replace(post.scope, noncommuting=True)
    try:
        again = [read(side.tex.replace(r"\_", "_"), scope, guard=False).expr for side in sides]
        if any(side is None for side in again):
            return why
        again = [_noncommuting(side, capitals) for side in again]  # a defined function's body was read as numbers
        return why if sp.expand(again[0] - again[1]) != 0 else ""
    except Exception:  # noqa: BLE001 - a reading SymPy cannot make noncommutative confirms nothing
        return why


def _noncommuting(expr: sp.Expr, capitals: list[str]) -> sp.Expr:
    return expr.xreplace({s: sp.Symbol(s.name, commutative=False) for s in expr.free_symbols
                          if isinstance(s, sp.Symbol) and s.name in capitals and s.is_commutative})


_DIVIDED = re.compile(r"\\[dt]?frac\s*|\\sqrt\s*")


def scalar_capitals(math: list[str], equations: list[tuple[str, str]] = ()) -> frozenset[str]:
    r"""The plain capitals (SymPy names) that ``math`` divides by or takes the square root of, and those of a letter
    an equation sets to a value with no capital (``A = \frac{1}{\sigma\sqrt{2\pi}}``: A, A_1, A_2 are numbers)."""
    found: set[str] = set()
    letters = set()
    for left, right in equations:
        try:
            named, value = lex(left).names, lex(right).names
        except (NameError_, UnreadError, IndexError):
            continue
        if len(named) == 1 and is_plain_capital(named[0]) and not any(is_plain_capital(n) for n in value):
            letters.add(named[0].base)
    for tex in math:
        for match in _DIVIDED.finditer(tex):
            try:
                first, end = argument(tex, match.end())
                inside = argument(tex, end)[0] if "frac" in match.group(0) else first
                names = lex(inside).names
            except (NameError_, UnreadError, IndexError):
                continue
            found |= {name.sympy_name for name in names if is_plain_capital(name)}
    for tex in math:  # every A_k of such a letter
        for start in (m.start() for m in re.finditer(r"(?<![A-Za-z\\])\\?[A-Z]", tex)):
            try:
                name = read_name(tex, start)
            except NameError_:
                continue
            if name is not None and name[0].base in letters and is_plain_capital(name[0]):
                found.add(name[0].sympy_name)
    return frozenset(found)
