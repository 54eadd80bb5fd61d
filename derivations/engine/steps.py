"""The records of a derivation: its steps and chains, and the checked result with every verdict.

:mod:`derivations.engine.derivation` builds these; rendering and the command line read them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sympy as sp

from derivations.engine.relations import Relation
from derivations.engine.verdict import Outcome, Verdict

if TYPE_CHECKING:
    from derivations.engine.derivation import Derivation


@dataclass(frozen=True)
class Step:
    """One line of a chain: its expression, how it follows, and why (for a reader)."""

    number: int
    chain: int
    expr: sp.Expr
    relation: Relation
    because: str
    tag: str | None = None
    display: sp.Expr | None = None  # unevaluated form in textbook order, checked equal to expr
    lhs: sp.Expr | str | None = None  # printed before the first line of a chain

    def describe(self) -> str:
        tag = f" (tag {self.tag})" if self.tag else ""
        return f"step {self.number}{tag} \"{self.because}\""


@dataclass(frozen=True)
class Chain:
    """A run of steps typeset as one aligned block, with an optional heading and text."""

    heading: str
    text: str = ""


@dataclass(frozen=True)
class KnownResult:
    """The published formula a derivation's result must equal."""

    expr: sp.Expr
    source: str
    lhs: sp.Expr | str | None = None


@dataclass(frozen=True)
class Slip:
    """A line of a source document that the engine refutes, with its correction."""

    where: str
    source_line: sp.Expr
    corrected: sp.Expr
    note: str
    verdict: Verdict


@dataclass(frozen=True)
class CheckedStep:
    step: Step
    verdict: Verdict


@dataclass(frozen=True)
class CheckedDerivation:
    """A derivation whose steps have all been checked, with every verdict."""

    derivation: Derivation
    steps: tuple[CheckedStep, ...]
    known_verdict: Verdict | None

    @property
    def name(self) -> str:
        return self.derivation.name

    @property
    def result(self) -> sp.Expr | None:
        return self.derivation.result

    def count(self, outcome: Outcome) -> int:
        return sum(1 for s in self.steps if s.verdict.outcome is outcome)

    @property
    def all_proved(self) -> bool:
        checked = [s for s in self.steps if s.step.relation.checked]
        return all(s.verdict.proved for s in checked) and (
            self.known_verdict is None or self.known_verdict.proved
        )

    def failures(self) -> list[CheckedStep]:
        return [s for s in self.steps if s.step.relation.checked and not s.verdict.proved]

    def _repr_latex_(self) -> str | None:
        """Jupyter's display, drawn by the writer that :func:`set_notebook_display` installed."""
        return None if _NOTEBOOK_DISPLAY is None else _NOTEBOOK_DISPLAY(self)


#: Draws a checked derivation for Jupyter. The engine knows no output format: the LaTeX
#: writer (:mod:`derivations.latex.render`) installs itself here when it is imported.
_NOTEBOOK_DISPLAY: Callable[[CheckedDerivation], str] | None = None


def set_notebook_display(draw: Callable[[CheckedDerivation], str]) -> None:
    """Install the function that draws a checked derivation in Jupyter (``_repr_latex_``)."""
    global _NOTEBOOK_DISPLAY
    _NOTEBOOK_DISPLAY = draw
