r"""Check a row ``P \implies Q`` where ``Q`` says ``s = E`` or ``s^n = E``.

.. math:: \bigl(f(s) = g(s)\bigr) \implies s^n = E

is proved when (1) substituting :math:`s = E^{1/n}` makes ``P`` an identity (the
engine's :func:`~derivations.engine.checking.check_equal`), and (2) ``P`` has no other
solution for ``s`` under its assumptions. (2) is shown only where it can be shown
completely: ``f - g`` is, after clearing denominators, a polynomial in ``s`` whose
roots SymPy lists with multiplicities adding up to the degree, and every root but
one is excluded by the sign of ``s``. ``sympy.solve`` is never trusted to list every
solution (it lists one of the infinitely many of :math:`\sin s = 1`). Every solution of
``f = g`` is a root of the numerator of ``f - g``, so excluding the numerator's other roots
is enough. It is refuted
when (1) is refuted, and undecided otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr

from derivations.engine.checking import check_equal
from derivations.engine.effort import work_size
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome
from derivations.lint.context import Post
from derivations.lint.results import Status, StepResult
from derivations.lint.steps import Row

#: Polynomials of higher degree (or larger) are not factored: uniqueness stays undecided.
MAX_DEGREE = 4
MAX_WORK = 2000


def _unknown(q_lhs: sp.Expr) -> tuple[sp.Symbol, int] | None:
    if isinstance(q_lhs, sp.Symbol):
        return q_lhs, 1
    if isinstance(q_lhs, sp.Pow) and isinstance(q_lhs.base, sp.Symbol) and q_lhs.exp.is_Integer \
            and q_lhs.exp > 1 and q_lhs.base.is_positive:
        return q_lhs.base, int(q_lhs.exp)
    return None


def check_implication(p_lhs: sp.Expr, p_rhs: sp.Expr, q_lhs: sp.Expr, q_rhs: sp.Expr,
                      settings: CheckSettings) -> tuple[str, str]:
    """(status, method) for ``p_lhs = p_rhs  =>  q_lhs = q_rhs``; status is proved/refuted/undecided."""
    found = _unknown(q_lhs)
    if found is None or found[0] not in (p_lhs - p_rhs).free_symbols:
        return "undecided", "an implication is checked only when it solves the first equation for a name"
    unknown, power = found
    value = q_rhs if power == 1 else q_rhs ** sp.Rational(1, power)
    satisfied = check_equal(p_lhs.xreplace({unknown: value}), p_rhs.xreplace({unknown: value}), settings)
    if satisfied.outcome is Outcome.REFUTED:
        return "refuted", (f"the second equation's value of {unknown} does not solve the first "
                           f"({satisfied.method})")
    if not satisfied.proved:
        return "undecided", f"substituting the second equation into the first: {satisfied.method}"
    if not _only_solution(p_lhs - p_rhs, unknown, value, settings):
        return "undecided", (f"the second equation solves the first ({satisfied.method}); "
                             "that it is the only solution is not shown")
    return "proved", (f"the second equation solves the first ({satisfied.method}), and it is the only "
                      f"solution for {unknown}: the other roots of the polynomial are excluded by its sign")


def _only_solution(difference: sp.Expr, unknown: sp.Symbol, value: sp.Expr, settings: CheckSettings) -> bool:
    """Is ``value`` provably the one root of ``difference`` in ``unknown`` (a polynomial, denominators cleared)?"""
    if work_size(difference) > MAX_WORK:
        return False
    numerator, _ = sp.fraction(sp.together(difference))  # a solution is a root of the numerator
    try:
        poly = sp.Poly(numerator, unknown)
    except sp.PolynomialError:
        return False  # not a polynomial (sin, exp, a root of the unknown): its solutions are not listed
    if poly.degree() < 1 or poly.degree() > MAX_DEGREE or poly.LC().is_zero is not False:
        return False
    roots = sp.roots(poly)
    if sum(roots.values()) != poly.degree():
        return False  # not every root is known
    candidates = [r for r in roots if not _excluded(r, unknown)]
    return len(candidates) == 1 and check_equal(candidates[0], value, settings).proved


def _excluded(root: sp.Expr, unknown: sp.Symbol) -> bool:
    """Is ``root`` provably not a value the unknown may take (its sign, or a real unknown and a complex root)?"""
    if unknown.is_positive and (root.is_positive is False):
        return True
    if unknown.is_negative and (root.is_negative is False):
        return True
    return bool(unknown.is_real and root.is_real is False)


def implication_step(row: Row, post: Post, settings_of: Callable[..., CheckSettings]) -> StepResult:
    """The result of a row ``P \\implies Q`` of a post (two equations, read in the post's scope)."""
    first, second = row.implication
    if len(first.links) != 1 or len(second.links) != 1:
        return StepResult(row.line, row.source, Status.UNDECIDED, "an implication between two equations is expected")
    parts = [post.read(t) for t in (first.head, first.links[0][1], second.head, second.links[0][1])]
    unread = next((p for p in parts if p.expr is None), None)
    if unread is not None:
        return StepResult(row.line, row.source, Status.UNPARSED, unread.reason)
    if any(p.expr.atoms(MatrixExpr) for p in parts):  # solving for a matrix or a vector: not by sympy.solve
        return StepResult(row.line, row.source, Status.UNDECIDED, "an implication between matrix equations: "
                          "not checked")
    broken = post.contradicted_in(tuple(p.expr for p in parts), row.line)
    if broken or post.cancelled(tuple(parts), row.line):  # sigma = -max(1, 2): sqrt(sigma^2) = sigma is read already
        return StepResult(row.line, row.source, Status.UNDECIDED, "the post sets a name of this row to a value "
                          "the notation's convention (or the reading, which cancelled it) rules out")
    status, method = check_implication(*(p.expr for p in parts), settings_of(row, *(p.expr for p in parts)))
    return StepResult(row.line, row.source, Status(status), method)
