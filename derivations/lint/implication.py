r"""Check a row ``P \implies Q`` where ``Q`` says ``s = E`` or ``s^n = E``.

.. math:: \bigl(f(s) = g(s)\bigr) \implies s^n = E

is proved when (1) substituting :math:`s = E^{1/n}` makes ``P`` an identity (the
engine's :func:`~derivations.engine.checking.check_equal`), and (2) ``P`` has that one
solution for ``s`` under its assumptions (SymPy's ``solve``, within the time
budget). It is refuted when (1) is refuted, and undecided otherwise.
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.budget import OutOfTime, time_budget
from derivations.engine.checking import check_equal
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome


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
    try:
        with time_budget(settings.budget_seconds):
            solutions = sp.solve(sp.Eq(p_lhs, p_rhs), unknown)
    except (OutOfTime, NotImplementedError, ValueError, TypeError):
        solutions = None
    if solutions is None or len(solutions) != 1 or not check_equal(solutions[0], value, settings).proved:
        return "undecided", (f"the second equation solves the first ({satisfied.method}); "
                             "that it is the only solution is not shown")
    return "proved", (f"the second equation solves the first ({satisfied.method}), "
                      f"its only solution for {unknown} (sympy.solve)")
