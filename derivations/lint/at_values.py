r"""A step at stated values: :math:`\overset{x=1}{=}`, the line before with the values put in.

The values must respect what the post assumes of the names (no :math:`\sigma = -1` for a positive
:math:`\sigma`, an integer for a sum's limit); a refutation with a value that brings a name the step does
not define refutes nothing.
"""

from __future__ import annotations

from dataclasses import replace

import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.settings import CheckSettings
from derivations.engine.substitution import respects_assumptions
from derivations.engine.sums import empty_as_written
from derivations.engine.verdict import Outcome, Verdict
from derivations.latex.matrix_reading import as_read
from derivations.lint.context import Post
from derivations.lint.results import Status, StepResult, result_of
from derivations.lint.sides import limit_symbols
from derivations.lint.steps import Row


def at_values_step(row: Row, values: str, lhs: sp.Expr, rhs: sp.Expr, post: Post,
                   settings: CheckSettings) -> StepResult:
    """``lhs`` at ``values`` (``x = 1, t = T``) equals ``rhs``?"""
    mapping = post.read_values(values)
    if mapping is None:
        return StepResult(row.line, row.source, Status.UNPARSED, f"the values {values!r} are not read")
    broken = [str(old) for old, new in mapping.items() if not respects_assumptions(old, new, settings.positive)
              or new.has(*mapping) or (old in limit_symbols(lhs) and not new.is_integer)]
    if broken:  # sigma = -1 for a positive sigma: SymPy has used the sign already
        return StepResult(row.line, row.source, Status.UNDECIDED,
                          f"the values {values!r} break what the post assumes of {', '.join(broken)}")
    verdict = as_read(check_equal(empty_as_written(lhs.xreplace(mapping)), rhs, settings), lhs, rhs)
    new = sorted(str(s) for v in mapping.values() for s in v.free_symbols - lhs.free_symbols - rhs.free_symbols)
    if verdict.outcome is Outcome.REFUTED and new:  # at mu = \bar{y}: a name the step does not define
        verdict = Verdict(Outcome.UNDECIDED, f"a value with {', '.join(new)}, which the post does not define here")
    return result_of(row, replace(verdict, method=f"the line before at {values}: {verdict.method}"))
