"""What the linter reports for a step: its status, with the engine's verdict carried over."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

import sympy as sp

from derivations.engine.verdict import Counterexample, Outcome, Verdict
from derivations.lint.steps import Row


class Status(enum.Enum):
    """The linter's outcome for one step."""

    PROVED = "proved"
    REFUTED = "refuted"
    UNDECIDED = "undecided"
    UNPARSED = "unparsed"


@dataclass(frozen=True)
class StepResult:
    """One checked step: where it is, what it says, and what the engine concluded."""

    line: int
    source: str
    status: Status
    method: str
    residual: str | None = None
    counterexample: Counterexample | None = None
    note: str = ""


@dataclass(frozen=True)
class Options:
    """How to read a post: assumptions and declared standard normals."""

    assume: str = "real"
    normals: tuple[str, ...] = ()
    positive: tuple[str, ...] = ()


_STATUS = {Outcome.PROVED: Status.PROVED, Outcome.REFUTED: Status.REFUTED}


def result_of(row: Row, verdict: Verdict) -> StepResult:
    status = _STATUS.get(verdict.outcome, Status.UNDECIDED)
    residual = sp.sstr(verdict.residual) if status is Status.REFUTED and verdict.residual is not None else None
    return StepResult(row.line, row.source, status, verdict.method, residual, verdict.counterexample)


def renamed_to_the_integral(verdict: Verdict, pair: tuple[sp.Expr, sp.Expr], lhs: sp.Expr) -> Verdict:
    """A verdict on two integrands in a fresh variable, reported in the left integral's own variable."""
    fresh = [s for s in (pair[0].free_symbols | pair[1].free_symbols) if isinstance(s, sp.Dummy)]
    integrals = sorted(lhs.atoms(sp.Integral), key=sp.default_sort_key)
    if len(fresh) != 1 or not integrals:
        return verdict
    (dummy,), variable = fresh, integrals[0].limits[0][0]
    residual = verdict.residual.xreplace({dummy: variable}) if verdict.residual is not None else None
    point = verdict.counterexample
    if point is not None:
        point = Counterexample(tuple(sorted((str(variable) if n == str(dummy) else n, v) for n, v in point.point)),
                               point.lhs, point.rhs)
    return replace(verdict, residual=residual, counterexample=point)


def under_condition(row: Row, result: StepResult, condition_unread: bool) -> StepResult:
    r"""A refutation of a row whose stated condition is not read (``x \ge 0``, "if not") does not stand."""
    if result.status is not Status.REFUTED or not condition_unread:
        return result
    return StepResult(row.line, row.source, Status.UNDECIDED,
                      f"not an identity, and the condition '{row.condition}' is not read")
