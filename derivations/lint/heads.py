r"""What a row's head is: a label (``g(x)``, a lone name, a density), an equation to solve, or a claim.

Decided on the text as written and on what the reader made of it; the linter
(:mod:`~derivations.lint.check`) asks these before it checks a row as a step.
"""

from __future__ import annotations

import re

import sympy as sp

from derivations.engine.probability import Density, Expectation
from derivations.engine.relations import EQUAL_IN_DISTRIBUTION, Context
from derivations.latex.names import read_name
from derivations.latex.reader import Parsed
from derivations.lint.functions import CALL_HEAD

#: A head that applies an operator's result (``(g_1 \star g_2)(x)``): a label of the chain it starts.
OPERATOR_LABEL = re.compile(r"^\s*\(.*(?:\\star|\\ast|\\circ|\*).*\)\s*\([^()]*\)\s*$")
#: A head that is a call of plain names (g(t), \phi(t, s)): it defines a function even when unread.
CALL_LABEL = re.compile(r"^\s*\\?[A-Za-z]+(?:_\{?[^(){}]*\}?)?\s*\(\s*\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*\s*\)\s*$")
#: A head that is a density of plain names, given plain names (q(\mathbf{x}_t \mid \mathbf{x}_0)).
DENSITY_LABEL = re.compile(r"^\s*[pqPQ](?:_\{?\\?[A-Za-z]+\}?)?\s*(?:\\left)?\([^()]*(?:\\right)?\)\s*$")
NOISE_BASES = frozenset({"epsilon", "z"})


def call_label(text: str) -> bool:
    r"""A call of names as written: ``g(t)``, ``\phi(t, s)``, ``\tilde{\mu}_t(x_t, x_0)``, ``\mu_\theta(x_t, t)``."""
    if CALL_LABEL.match(text):
        return True
    match = CALL_HEAD.match(text)
    return match is not None and all(_a_name(part) for part in (match["name"], *match["args"].split(",")))


def _a_name(text: str) -> bool:
    """A name as written, or a word set upright (``\\operatorname{SNR}``, ``\\text{SNR}``)."""
    if re.fullmatch(r"\s*\\(?:operatorname|mathrm|text)\s*\{[A-Za-z]+\}\s*", text):
        return True
    found = read_name(text.strip(), 0)
    return found is not None and found[1] == len(text.strip())


def label_key(head: str) -> str | None:
    """A head that labels a function (``g(x)``, ``(g_1 * g_2)(x)``) as a key, or None."""
    if OPERATOR_LABEL.match(head) or call_label(head):
        text = re.sub(r"\\(?:left|right|mathbf|boldsymbol|bm)(?![A-Za-z])|\s|[{}]", "", head)
        if re.match(r"^(?:p|q|P|Q|\\mathcalN)\(", text):
            return None  # a density is defined through the context, not as a label
        return text
    return None


def is_label(text: str, head: Parsed) -> bool:
    """A lone name, a density, or a function of plain names, as written: what a row defines, not claims.

    Decided on the text: ``\\sqrt[3]{x^3}`` reads as ``x`` but is no label.
    """
    expr = head.expr
    if expr is None:
        return False
    whole = read_name(text.strip(), 0)
    if whole is not None and whole[1] == len(text.strip()):
        return isinstance(expr, sp.Symbol)
    if not call_label(text) and not DENSITY_LABEL.match(text):
        return False
    if isinstance(expr, Density):
        return True
    return isinstance(expr, sp.Function) and bool(expr.args) and all(isinstance(a, sp.Symbol) for a in expr.args)


def is_equation(head: Parsed, rhs: Parsed) -> bool:
    """``expr = c`` with unknowns in ``expr``: an equation to solve (or a condition), unless proved."""
    return rhs.expr is not None and not rhs.expr.free_symbols and bool(head.expr.free_symbols)


def outcomes(parsed: Parsed) -> tuple[sp.Symbol, ...]:
    """The variables a density at the start of a chain is a density of (for ``\\propto`` and ``+ const``)."""
    if isinstance(parsed.expr, Density):
        return tuple(o for o in parsed.expr.outcomes if isinstance(o, sp.Symbol))
    return ()


def noise(*parsed: Parsed | None) -> tuple[sp.Symbol, ...]:
    """The symbols that look like noise (epsilon, z): a hint that a step may hold in distribution."""
    found = {s for p in parsed if p is not None for s, name in p.idents.items() if name.base in NOISE_BASES}
    return tuple(sorted(found, key=sp.default_sort_key))


def holds_in_distribution(lhs: sp.Expr, rhs: sp.Expr, settings, guessed: tuple[sp.Symbol, ...]) -> bool:
    """Would the step hold in distribution, with the guessed noise (and every name like noise) standard normal?

    A hint only, never a verdict: with ``x_{t-1}``'s definition shifted from ``x_t``'s, its noise
    is named by the post's rule, and the post may name it otherwise (``\\epsilon^*_{t-2}``).
    """
    if any(side.has(Density, Expectation, sp.Integral) for side in (lhs, rhs)):
        return False  # not an affine combination of noise: no hint to give
    like_noise = {s for e in (lhs, rhs) for s in e.free_symbols if s.name.partition("_")[0] in NOISE_BASES}
    try:
        return EQUAL_IN_DISTRIBUTION.check(lhs, rhs, Context(settings, tuple(sorted({*guessed, *like_noise},
                                                                              key=sp.default_sort_key)))).proved
    except (ValueError, TypeError, ArithmeticError, AttributeError, NotImplementedError, RecursionError,
            sp.PolynomialError):
        return False


def new_names(previous: Parsed | None, current: Parsed | None) -> list[str]:
    """The names ``current`` has and ``previous`` has not (bound variables, a sum's index, aside)."""
    if previous is None or current is None:
        return []
    before = {name.family for name in previous.idents.values()}
    had = {str(s) for s in previous.expr.free_symbols} if previous.expr is not None else set()  # a body's names
    free = {str(s) for s in current.expr.free_symbols} if current.expr is not None else set()
    return sorted({name.sympy_name for symbol, name in current.idents.items()
                   if name.family not in before and str(symbol) in free and str(symbol) not in had})


def introduces(previous: Parsed, current: Parsed) -> bool:
    """Does ``current`` have a name that ``previous`` does not (``... := A(x - mu)`` defines mu)?"""
    return None not in (previous.expr, current.expr) and bool(current.expr.free_symbols - previous.expr.free_symbols)
