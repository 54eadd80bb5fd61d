"""Shared by the tests of the objective chain (issue 18): a step's verdict, with stated bounds allowed."""

from __future__ import annotations

import sympy as sp

from derivations.engine.derivation import CheckedStep
from derivations.engine.expectation_rules import bound
from derivations.engine.probability import Divergence, Expectation
from derivations.engine.verdict import Outcome
from tests.helpers import assert_proved_or_stated

BOUND = type(bound("any rule"))


def assert_checked(checked_step: CheckedStep) -> None:
    """Proved if checked; stated if a given, a definition or a stated bound (Jensen's), never more."""
    if isinstance(checked_step.step.relation, BOUND):
        assert checked_step.verdict.outcome is Outcome.STATED, checked_step.verdict.describe()
        assert checked_step.step.relation.establishes is None
        return
    assert_proved_or_stated(checked_step)


def collapsed(expr: sp.Expr) -> sp.Expr:
    """``expr`` with every expectation replaced by its body and every divergence by its log-ratio.

    The evaluation of the body at a point is a linear functional, and so is the tower of two: a
    step that is a valid use of linearity or of the tower property stays an identity once collapsed.
    """
    for _ in range(4):
        expr = expr.replace(lambda e: isinstance(e, Expectation), lambda e: e.args[0])
        expr = expr.replace(lambda e: isinstance(e, Divergence), lambda e: sp.log(e.args[0] / e.args[1]))
    return expr
