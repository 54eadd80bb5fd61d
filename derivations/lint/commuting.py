r"""A step that holds only because plain capitals commute: :math:`AB = BA`, :math:`e^X e^Y = e^{X+Y}`.

The reader takes a plain capital for a number, and numbers commute. But capitals name matrices,
operators, projections, gates and the elements of a Lie algebra as often as numbers, in words no list
can hold; an author who writes :math:`AB = BA` for numbers is rare. So a step with two or more
distinct plain capitals is read again with them as noncommutative symbols: if its two sides then
differ, the step is true only if the capitals commute: a proof does not stand (the step is
undecided), a refutation as numbers does. Declared noises are random numbers, not matrices. A
capital the post shows to be a number stays one: declared positive, divided by or under a square
root anywhere in its math (:math:`\frac{B_2 x}{\sqrt{B_1 + B_2}}`; matrices are inverted, not
divided by), of a letter the post sets to a value with no capital (:math:`A = 1/\sigma\sqrt{2\pi}`), or a count:
the upper limit of a sum or a product (:math:`\sum_{t=1}^{T}`), the end of a range (:math:`x_{1:T}`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import sympy as sp

from derivations.latex.calls import DefinedFunction
from derivations.latex.lexer import lex
from derivations.latex.matrix_names import is_plain_capital, is_vector_name
from derivations.latex.names import NameError_, argument, read_name
from derivations.latex.reader import Parsed, read
from derivations.latex.tokens import UnreadError

if TYPE_CHECKING:
    from derivations.lint.context import Post


def commuting_capitals(post: Post, sides: tuple[Parsed, ...]) -> str:
    """Why the step may rest on capitals that commute ("" if it does not)."""
    names = [name for side in sides for name in side.idents.values()]
    capitals = sorted({n.sympy_name for n in names if is_plain_capital(n)} - post.scalar_capitals
                      - post.scope.positive - set(post.normals))
    vectors = {n.sympy_name for n in names if is_vector_name(n)}  # A v = v A: a matrix beside a vector
    terms = {t for side in sides if side.expr is not None for t in side.expr.atoms(sp.Indexed)}
    several = [c for c in capitals if len({t.indices for t in terms if str(t.base.label) == c}) > 1]  # W_t W_{t-1}
    if not capitals or len(capitals) + len(several) + len(vectors) < 2 or any(not side.tex for side in sides):
        return ""
    why = (f"holds only if {', '.join(sorted(capitals + sorted(vectors)))} commute: numbers, or matrices or operators "
           "(which need not)?")
    scope = replace(post.scope, noncommuting=True)
    scope.functions = _noncommuting_functions(post, scope)  # g(X) = XB: read with numbers, its order was lost
    try:
        again = [read(side.tex.replace(r"\_", "_"), scope, guard=False).expr for side in sides]
        if any(side is None for side in again):
            return why
        return why if sp.expand(again[0] - again[1]) != 0 else ""
    except Exception:  # noqa: BLE001 - a reading SymPy cannot make noncommutative confirms nothing
        return why


def _noncommuting_functions(post: Post, scope) -> dict:
    """The post's functions with their bodies read again in ``scope`` (a body never read again is dropped)."""
    functions = {}
    for key, function in post.scope.functions.items():
        if isinstance(function, DefinedFunction) and function.tex:
            body = read(function.tex.replace(r"\_", "_"), replace(scope, functions={}), guard=False).expr
            if body is not None:
                names = {s.name: s for s in body.free_symbols if isinstance(s, sp.Symbol)}
                functions[key] = DefinedFunction([names.get(p.name, p) for p in function.parameters], body,
                                                 exact=function.exact)
    return functions


_DIVIDED = re.compile(r"\\[dt]?frac\s*|\\sqrt\s*")
#: A denominator or root that divides by no capital itself: a derivative, a determinant, a trace, a norm, a call.
_NOT_A_QUOTIENT = re.compile(r"\\(?:partial|det|operatorname|mathrm|text|nabla|Vert|lVert|tr)\b|\||\\\||[A-Za-z}]\s*\(")
#: A value that is no number: 0 (a zero matrix too), a transpose, a shape (3 x 3).
_NOT_A_NUMBER = re.compile(r"\s*0\s*|.*(?:\^\s*\{?\s*(?:T|\\top)\b|\\intercal|\\times).*")


#: The upper limit of a sum or a product, and the end of a range of indices (x_{1:T}).
_COUNTS = re.compile(r"\\(?:sum|prod)\s*(?:_\s*(?:\{[^{}]*\}|\S))?\s*\^\s*(?P<count>\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9])"
                     r"|_\{\s*\w+\s*:\s*(?P<end>[A-Z])\s*\}")


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
        if len(named) == 1 and is_plain_capital(named[0]) and not any(is_plain_capital(n) or n.is_bold for n in value) \
                and not _NOT_A_NUMBER.fullmatch(right):
            letters.add(named[0].base)
    for tex in math:
        for match in _DIVIDED.finditer(tex):
            try:
                first, end = argument(tex, match.end())
                inside = argument(tex, end)[0] if "frac" in match.group(0) else first
                names = [] if _NOT_A_QUOTIENT.search(inside) else lex(inside).names
            except (NameError_, UnreadError, IndexError):
                continue
            found |= {name.sympy_name for name in names if is_plain_capital(name)}
    for tex in math:  # \sum_{t=1}^{T}, x_{1:T}: a count of terms or steps is an integer
        for match in _COUNTS.finditer(tex):
            try:
                names = lex(match.group("count") or match.group("end")).names
            except (NameError_, UnreadError, IndexError):
                continue
            found |= {name.sympy_name for name in names if is_plain_capital(name) and not name.sub}
    for tex in math:  # every A_k of such a letter
        for start in (m.start() for m in re.finditer(r"(?<![A-Za-z\\])\\?[A-Z]", tex)):
            try:
                name = read_name(tex, start)
            except NameError_:
                continue
            if name is not None and name[0].base in letters and is_plain_capital(name[0]):
                found.add(name[0].sympy_name)
    return frozenset(found)
