"""The outcome of a check and its evidence: proved, refuted, undecided, or stated.

* proved: a canonical form of ``lhs - rhs`` is exactly zero, and the numeric witness agrees;
* refuted: the witness found a point where the two sides differ (reported with the
  residual and the two values), or the residual is a nonzero constant;
* undecided: neither. Undecided is never a pass;
* stated: a given or a definition, stated and not checked.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import sympy as sp

#: A residual longer than this is cut in one-line descriptions (the JSON keeps it whole).
RESIDUAL_CHARS = 300
#: At most this many values of a counterexample's point are shown in one line.
POINT_VALUES = 12


def _cut(text: str) -> str:
    return text if len(text) <= RESIDUAL_CHARS else f"{text[:RESIDUAL_CHARS]}... ({len(text)} characters)"


class Outcome(enum.Enum):
    """What a check concluded about a step."""

    PROVED = "proved"
    REFUTED = "refuted"
    UNDECIDED = "undecided"
    STATED = "stated"  # a given or a definition: stated, not checked

    @property
    def mark(self) -> str:
        return {"proved": "✓", "refuted": "✗", "undecided": "?", "stated": "·"}[self.value]


@dataclass(frozen=True)
class Counterexample:
    """A point where the two sides of a refuted step differ, with both values."""

    point: tuple[tuple[str, str], ...]
    lhs: str
    rhs: str

    def describe(self) -> str:
        shown = [f"{name}={value}" for name, value in self.point[:POINT_VALUES]]
        if len(self.point) > POINT_VALUES:
            shown.append(f"... ({len(self.point)} values)")
        return f"at {', '.join(shown) or 'any point'}: lhs={self.lhs}, rhs={self.rhs}"

    def as_dict(self) -> dict[str, object]:
        return {"point": dict(self.point), "lhs": self.lhs, "rhs": self.rhs}


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check, how it was reached, and the evidence."""

    outcome: Outcome
    method: str
    residual: sp.Expr | None = None
    counterexample: Counterexample | None = None
    witness_points: int = 0
    tried: tuple[str, ...] = ()

    @property
    def proved(self) -> bool:
        return self.outcome is Outcome.PROVED

    def describe(self) -> str:
        """One line: the outcome, the method, and for a refutation the residual and point."""
        text = f"{self.outcome.value} ({self.method})"
        if self.residual is not None and self.outcome is not Outcome.PROVED:
            text += f"; residual {_cut(sp.sstr(self.residual))}"
        if self.counterexample is not None:
            text += f"; {self.counterexample.describe()}"
        return text

    def as_dict(self) -> dict[str, object]:
        """The verdict as plain data (``check --format json``): status, method, residual, counterexample."""
        shown = self.residual is not None and self.outcome is not Outcome.PROVED
        return {"status": self.outcome.value, "method": self.method,
                "residual": sp.sstr(self.residual) if shown else None,
                "counterexample": self.counterexample.as_dict() if self.counterexample else None,
                "witness_points": self.witness_points, "tried": list(self.tried)}

    def __str__(self) -> str:
        """The mark and the one line: ``✗ refuted (numeric counterexample); residual 2*x; at x=1.3: ...``."""
        return f"{self.outcome.mark} {self.describe()}"

    def __repr__(self) -> str:
        """Short and readable (pytest shows it under a failed ``assert verdict.proved``), not a dataclass dump."""
        return f"<Verdict {self}>"
