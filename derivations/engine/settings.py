"""How hard a check tries, and under which hypotheses: :class:`CheckSettings`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import sympy as sp

from derivations.engine.effort import DEFAULT_EFFORT, Effort
from derivations.engine.syntax import expression
from derivations.errors import BadInputError


@dataclass(frozen=True)
class CheckSettings:
    """How hard a check tries: its work limits, its witness, its admissible points.

    ``constraints`` are relations between symbols (``alpha_bar_t < alpha_bar_tm1``)
    that a sampled point must satisfy; they shape the witness, not the proof.
    ``positive`` are expressions stated positive (``1 - alpha_bar_t``): a hypothesis
    the proof may use to split square roots, and that the witness respects.
    ``definitions`` are abbreviations (``B_1 = 1/(2 sigma_1^2)``) a check may substitute.
    """

    effort: Effort = DEFAULT_EFFORT
    witness_points: int = 3
    seed: int = 2020
    constraints: tuple[sp.Basic, ...] = ()
    definitions: Mapping[sp.Symbol, sp.Expr] = field(default_factory=dict)
    positive: tuple[sp.Expr, ...] = ()

    def with_constraints(self, *more: sp.Basic) -> CheckSettings:
        return replace(self, constraints=self.constraints + tuple(more))

    def with_positive(self, *exprs: sp.Expr) -> CheckSettings:
        """Hypothesis: each of ``exprs`` is positive (used to split radicals; sampled so).

        Raises:
            BadInputError: an expression that cannot be positive (undefined, not real, or a
                number that is not positive).
        """
        exprs = tuple(expression(e, "positive expression") for e in exprs)
        for expr in exprs:
            _check_can_be_positive(expr)
        return replace(self, positive=self.positive + exprs,
                       constraints=self.constraints + tuple(e > 0 for e in exprs))


def _check_can_be_positive(expr: sp.Expr) -> None:
    if not isinstance(expr, sp.Expr) or expr.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        raise BadInputError(f"cannot state {sp.sstr(expr)} > 0: it is not a finite expression")
    if expr.is_real is False or expr.has(sp.I):
        raise BadInputError(f"cannot state {sp.sstr(expr)} > 0: it is not real")
    if expr.is_number and expr.is_positive is not True:
        raise BadInputError(f"cannot state {sp.sstr(expr)} > 0: it is a number that is not positive")


DEFAULT_SETTINGS = CheckSettings()
