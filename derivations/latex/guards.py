r"""The guards against a misreading: no name lost or invented, a reading that survives a round trip, and
no variable used after the body that binds it.

A side read by :func:`~derivations.latex.reader.read` must have every name of the row as a symbol
of the expression (none lost, none invented), and the expression printed back to LaTeX must read
back as itself; a sum's index (or the variable of an expectation with no brackets) must not appear
after its body ends (:func:`leaked_from_a_body`). A side that fails any is unread: never proved,
never refuted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import sympy as sp
from lark import Tree
from sympy.matrices.expressions.matexpr import MatrixExpr
from sympy.printing.latex import LatexPrinter

from derivations.engine.expectation import Expectation as GaussianExpectation
from derivations.engine.probability import Density, Expectation, Opaque
from derivations.latex.matrix_reading import is_matrix
from derivations.latex.names import Name
from derivations.latex.shapes import is_dimension
from derivations.latex.tokens import Tok, UnreadError
from derivations.latex.vector_densities import one_coordinate

if TYPE_CHECKING:
    from derivations.latex.reader import Parsed

#: The marker of ``\text{const}`` (an additive constant); the reader makes it.
CONST = sp.Symbol("const", real=True)


def misread(parsed: Parsed, made: set[sp.Basic], bound: set[sp.Symbol], cancelled: bool,
            read_again: Callable[[str], Parsed]) -> str:
    """Why the reading may be wrong (a name lost or invented, a round trip that changes it), or "".

    ``made`` are the symbols read from the row's names, ``bound`` the indices of its sums, ``cancelled``
    whether a name cancelled away as written (``x - x``); ``read_again`` reads printed LaTeX without guards.
    """
    expr = parsed.expr
    present = expr.free_symbols | {v for node in expr.atoms(sp.Integral, sp.Sum, sp.Product) for v in node.variables}
    present -= {d.args[0] for d in expr.atoms(Density)} | {e.args[1] for e in expr.atoms(Expectation)} | {
        e.args[4] for e in expr.atoms(GaussianExpectation)}
    present -= {term.base.label for term in expr.atoms(sp.Indexed)} | expr.atoms(sp.Indexed) | bound
    present = {s for s in present if not is_dimension(s)}
    if not made <= present and not cancelled:
        lost = sorted(str(s) for s in made - present)
        return f"misread: the names {', '.join(lost)} are not in what was read"
    variables = {e.args[1] for e in expr.atoms(GaussianExpectation)}  # bound: E_P of a law the post names
    if not present - variables <= made | {CONST}:
        return "misread: the reading has names the row does not have"
    try:
        again = read_again(_RoundTrip().doprint(expr))
    except Exception:  # noqa: BLE001 - a printer failure is a failed round trip, whatever its type
        return "misread: printed back, it cannot be read again"
    if again.expr is None:
        return ""  # the printer writes what the reader does not read: no evidence either way
    if is_matrix(expr) or is_matrix(again.expr) or expr.atoms(MatrixExpr):  # sizes are the shapes' (lost in print)
        changed = _matrices_differ(_sizes_alike(again.expr), _sizes_alike(expr))
    else:
        again_expr, expr = one_coordinate((again.expr, expr))  # the printer sets x_1 bold: N(x_1; ...) of a vector
        changed = again_expr != expr and sp.expand(again_expr - expr) != 0
    if changed:
        return "misread: printed back and read again, it changes"
    return ""


def _matrices_differ(a: sp.Basic, b: sp.Basic) -> bool:
    """Two readings with matrices differ unless they are one expression or agree at explicit random matrices."""
    if a == b:
        return False
    if is_matrix(a) != is_matrix(b) or (is_matrix(a) and a.shape != b.shape):
        return True
    from derivations.engine.matrix_witness import matrix_witness
    from derivations.engine.settings import CheckSettings

    agreed, counterexample = matrix_witness(a, b, CheckSettings())
    return counterexample is not None or agreed == 0


def _sizes_alike(expr: sp.Basic) -> sp.Basic:
    """``expr`` with every dimension of the reading one symbol: printed LaTeX keeps no sizes."""
    one = sp.Symbol("n", integer=True, positive=True)
    return expr.xreplace({s: one for s in expr.free_symbols | {n for m in expr.atoms(MatrixExpr) for n in m.shape
                                                               if isinstance(n, sp.Symbol)} if is_dimension(s)})


class _RoundTrip(LatexPrinter):
    """The project's LaTeX, with what the reader needs to read back a Gaussian expectation."""

    def __init__(self) -> None:
        from derivations.engine.notation import SYMBOL_NAMES

        super().__init__({"symbol_names": SYMBOL_NAMES, "order": "none"})

    def _print(self, expr, **kwargs) -> str:
        if isinstance(expr, GaussianExpectation):
            body, variable, mean, variance, _ = (super(_RoundTrip, self)._print(a) for a in expr.args)
            return rf"\mathbb{{E}}_{{{variable} \sim \mathcal{{N}}({mean}, {variance})}}\left[{body}\right]"
        return super()._print(expr, **kwargs)

    def _print_Function(self, expr, exp=None) -> str:  # SNR(t): the word upright, as the reader reads it back
        name = type(expr).__name__
        if re.fullmatch(r"[A-Z]{2,}", name) and isinstance(expr, Opaque):
            tex = rf"\operatorname{{{name}}}\left({', '.join(self._print(a) for a in expr.args)}\right)"
            return tex if exp is None else f"{tex}^{{{exp}}}"
        return super()._print_Function(expr, exp)

    def _print_MatrixSymbol(self, expr, **kwargs) -> str:  # bold: a bold letter is a matrix or a vector to the reader
        return self._deal_with_super_sub(expr.name, style="bold")


#: Nodes whose body runs to the next + or -, and the variable they bind (a sum's index, an expectation's).
_BODIES = ("sum_over", "product_over", "expectation_bare")
#: Nodes that bind variables of their own: a name inside one is not a use of another body's variable.
_BINDING = (*_BODIES, "integral", "expectation", "conditional_expectation", "divergence")


def leaked_from_a_body(tree: Tree) -> None:
    r"""Raise UnreadError where a variable bound by a sum, a product or an expectation with no brackets is used
    after its body has ended: in ``\sum_{i=1}^{3} i - i`` or ``\mathbb{E}_{x \sim p} x^2 - x^2`` the body
    ends at the minus as written, but the author may mean it to run on."""
    for node in tree.iter_subtrees():
        if node.data not in _BODIES:
            continue
        inside = {id(t) for t in node.scan_values(lambda v: isinstance(v, Tok))}
        inside |= {id(t) for other in tree.iter_subtrees() if other.data in _BINDING and other is not node
                   for t in other.scan_values(lambda v: isinstance(v, Tok))}  # D_KL(q(z) || p(z)) binds its own z
        outside = {t.info.key for t in tree.scan_values(lambda v: isinstance(v, Tok) and v.type == "NAME")
                   if id(t) not in inside and isinstance(t.info, Name)}
        leaked = sorted(name.sympy_name for name in _bound_by(node) if name.key in outside)
        if leaked:
            raise UnreadError(f"{leaked[0]} is used after the body that binds it ends: where does the body end?")


def _bound_by(node: Tree) -> list[Name]:
    """The names a sum's index or an expectation's variable (before ``\\sim``, or a density's outcomes) spell."""
    from derivations.latex.lexer import lex

    script = (node.children[0].info or {}).get("_", "")
    if node.data != "expectation_bare":
        text = script.split("=")[0]
    elif re.search(r"\\sim(?![A-Za-z])", script):
        text = re.split(r"\\sim(?![A-Za-z])", script)[0]
    else:  # q(x_0 | ...): the outcomes
        text = re.sub(r"(?:\||\\mid|\\vert|;).*", "", script.split("(", 1)[-1])
    try:
        return lex(text.replace(")", " ")).names
    except UnreadError:
        return []
