r"""Steps up to a factor or a constant: :math:`p(x) \propto e^{-x^2/2}`, :math:`\log p(x) = -x^2/2 + C`.

Both are claims about a density as a function of its variables (the outcomes of the density the chain
starts at): the ratio, or the difference, of the two sides must be free of each of them.
"""

from __future__ import annotations

from dataclasses import replace

import sympy as sp

from derivations.engine.relations import Context, proportional_in, up_to_constant_in
from derivations.engine.settings import CheckSettings
from derivations.latex.reader import CONST
from derivations.lint.context import Post
from derivations.lint.results import Status, StepResult, result_of
from derivations.lint.steps import Row


def proportional_step(row: Row, lhs: sp.Expr, rhs: sp.Expr, variables: tuple[sp.Symbol, ...], post: Post,
                      settings: CheckSettings) -> StepResult:
    r"""``lhs \propto rhs`` in each of ``variables``, with the post's definitions substituted."""
    if not variables:
        return StepResult(row.line, row.source, Status.UNDECIDED,
                          r"\propto in which variable? (the chain does not start at a density)")
    context = Context(settings)
    left, right = post.substituted((lhs, rhs), row.line)
    verdicts = [proportional_in(v).check(left, right, context) for v in variables]
    failed = [v for v in verdicts if not v.proved]
    if not failed:
        return result_of(row, replace(verdicts[0], method="; ".join(v.method for v in verdicts)))
    return result_of(row, replace(failed[0], residual=None))


def up_to_constant_step(row: Row, lhs: sp.Expr, rhs: sp.Expr, variables: tuple[sp.Symbol, ...],
                        settings: CheckSettings) -> StepResult:
    """``lhs = rhs + const`` in each of ``variables`` (the constant read as ``CONST``)."""
    if not variables:
        return StepResult(row.line, row.source, Status.UNDECIDED,
                          "+ const in which variable? (the chain does not start at a density)")
    context = Context(settings)
    plain = [side.xreplace({CONST: 0}) for side in (lhs, rhs)]
    verdicts = [up_to_constant_in(v).check(*plain, context) for v in variables]
    failed = [v for v in verdicts if not v.proved]
    return result_of(row, replace(failed[0], residual=None) if failed else verdicts[0])
