"""The records of a derivation: its steps and chains, and the checked result with every verdict.

:mod:`derivations.engine.derivation` builds these; rendering and the command line read them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
    #: Where the step was written: ``FILE:LINE`` of the ``d.start(...)`` or ``d.then(...)`` call.
    where: str | None = field(default=None, compare=False, repr=False)

    def describe(self) -> str:
        tag = f" (tag {self.tag})" if self.tag else ""
        return f"step {self.number}{tag} \"{self.because}\""

    def line(self) -> str:
        """One line: the relation and the expression (cut), and the justification."""
        lhs = "" if self.lhs is None else f"{_short(self.lhs)} "
        return f"{self.describe()}: {lhs}{_relation_text(self.relation)} {_short(self.expr)}"

    def __repr__(self) -> str:
        return f"<Step {self.number}: {_relation_text(self.relation)} {_short(self.expr)} because {self.because!r}>"


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
    """A step with its verdict."""

    step: Step
    verdict: Verdict

    def __str__(self) -> str:
        """``✓ step 2 "because": = expr``, and for a step not proved its verdict and where it was written."""
        text = f"{self.verdict.outcome.mark} {self.step.line()}"
        if self.step.relation.checked and not self.verdict.proved:
            where = f" [{self.step.where}]" if self.step.where else ""
            text += f"\n    {self.verdict.describe()}{where}"
        return text

    def __repr__(self) -> str:
        return f"<CheckedStep {self.verdict.outcome.mark} {self.step.describe()}: {self.verdict.describe()}>"


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

    def to_latex(self) -> str:
        """The derivation as a LaTeX section (amsmath ``align*`` blocks), what ``derivations run`` writes."""
        return _write(self, "tex")

    def to_markdown(self) -> str:
        """The derivation as Markdown for Jekyll or Hugo, what ``derivations run`` writes."""
        return _write(self, "md")

    def summary(self) -> str:
        """One line: the name, how many checked steps are proved, and the first failure if any."""
        checked = sum(1 for s in self.steps if s.step.relation.checked)
        text = (f"{self.name}: {self.count(Outcome.PROVED)}/{checked} checked steps proved, "
                f"{self.count(Outcome.STATED)} stated")
        failed = self.failures()
        if failed:
            text += f"; {failed[0].verdict.outcome.mark} {failed[0].step.describe()} {failed[0].verdict.describe()}"
        if self.known_verdict is not None:
            text += f"; {self.known_verdict.outcome.mark} result equals {self.derivation.known.source}"
        return text if len(text) <= _SUMMARY_CHARS else text[:_SUMMARY_CHARS - 3] + "..."

    def __repr__(self) -> str:
        return f"<CheckedDerivation {self.summary()}>"

    def __str__(self) -> str:
        """The derivation as text: a line a step with its mark (✓ proved, ✗ refuted, ? undecided, · stated)."""
        lines = [f"{self.derivation.title} [{self.name}]"]
        lines += [f"  {line}" for s in self.steps for line in str(s).splitlines()]
        if self.known_verdict is not None:
            lines.append(f"  {self.known_verdict.outcome.mark} result equals {self.derivation.known.source}: "
                         f"{self.known_verdict.describe()}")
        return "\n".join(lines)


#: How much of an expression a one-line description shows, and the longest summary line.
_EXPR_CHARS, _SUMMARY_CHARS = 70, 400
_RELATION_TEXT = {r"\overset{d}{=}": "=ᵈ", r"\propto": "∝"}


def _short(value: sp.Basic | str) -> str:
    text = value if isinstance(value, str) else sp.sstr(value)
    return text if len(text) <= _EXPR_CHARS else text[:_EXPR_CHARS - 3] + "..."


def _relation_text(relation: Relation) -> str:
    return _RELATION_TEXT.get(relation.latex, "=")


#: Draws a checked derivation for Jupyter. The engine knows no output format: the LaTeX
#: writer (:mod:`derivations.latex.render`) installs itself here when it is imported.
_NOTEBOOK_DISPLAY: Callable[[CheckedDerivation], str] | None = None
#: The writers of :meth:`CheckedDerivation.to_latex` and ``to_markdown``, by format name, installed likewise.
_WRITERS: dict[str, Callable[[CheckedDerivation], str]] = {}


def set_writers(writers: Mapping[str, Callable[[CheckedDerivation], str]]) -> None:
    """Install the writers of the formats (``"tex"``, ``"md"``, ...) for ``to_latex()`` and ``to_markdown()``."""
    _WRITERS.update(writers)


def _write(checked: CheckedDerivation, name: str) -> str:
    if name not in _WRITERS:
        raise RuntimeError(f"no {name} writer is installed: import derivations.latex.render first "
                           "(importing from the package, `from derivations import Derivation`, does)")
    return _WRITERS[name](checked)


def set_notebook_display(draw: Callable[[CheckedDerivation], str]) -> None:
    """Install the function that draws a checked derivation in Jupyter (``_repr_latex_``)."""
    global _NOTEBOOK_DISPLAY
    _NOTEBOOK_DISPLAY = draw
