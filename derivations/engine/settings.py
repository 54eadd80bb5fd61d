"""How hard a check tries, and under which hypotheses: :class:`CheckSettings`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import sympy as sp


@dataclass(frozen=True)
class CheckSettings:
    """How hard a check tries: its time budget, its witness, its admissible points.

    ``constraints`` are relations between symbols (``alpha_bar_t < alpha_bar_tm1``)
    that a sampled point must satisfy; they shape the witness, not the proof.
    ``positive`` are expressions stated positive (``1 - alpha_bar_t``): a hypothesis
    the proof may use to split square roots, and that the witness respects.
    ``definitions`` are abbreviations (``B_1 = 1/(2 sigma_1^2)``) a check may substitute.
    """

    budget_seconds: float = 5.0
    witness_points: int = 3
    seed: int = 2020
    constraints: tuple[sp.Basic, ...] = ()
    definitions: Mapping[sp.Symbol, sp.Expr] = field(default_factory=dict)
    positive: tuple[sp.Expr, ...] = ()

    def with_constraints(self, *more: sp.Basic) -> CheckSettings:
        return replace(self, constraints=self.constraints + tuple(more))

    def with_positive(self, *exprs: sp.Expr) -> CheckSettings:
        """Hypothesis: each of ``exprs`` is positive (used to split radicals; sampled so)."""
        exprs = tuple(sp.sympify(e) for e in exprs)
        return replace(self, positive=self.positive + exprs,
                       constraints=self.constraints + tuple(e > 0 for e in exprs))


DEFAULT_SETTINGS = CheckSettings()
