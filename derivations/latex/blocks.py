r"""A checked derivation as blocks of rows: what every writer (Markdown, LaTeX, Jupyter) typesets.

One block a chain. Each step is a row ``lhs \overset{(a)}{=} rhs`` with the source's tag, where
the letter over the relation refers to the step's justification, listed under the block
(``(a) substitute ...``): the rows hold only math, one relation each, and the reader finds
each reason by its letter. The relation is ``=``, ``\propto`` or ``\overset{d}{=}`` (equal in
distribution: ``\overset{d,\,(a)}{=}``); a special case (:func:`~derivations.engine.substitution.at`)
is an ``=`` whose justification starts with the values.

The math is printed in textbook order (:mod:`derivations.latex.printer`): a step's ``display=``
form as the author wrote it, checked equal to the step's expression before anything is printed.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import sympy as sp

from derivations.engine.steps import CheckedDerivation, CheckedStep, Step
from derivations.engine.verdict import Outcome
from derivations.latex import layout
from derivations.latex.printer import math

_EQUAL, _PROPTO, _IN_DISTRIBUTION = "=", r"\propto", r"\overset{d}{=}"


@dataclass(frozen=True)
class Line:
    """One step, ready to typeset: its math, its marker and its justification (prose)."""

    lhs: str
    relation: str
    rhs: str
    tag: str
    marker: str
    because: str
    step: Step
    outcome: Outcome

    def marked(self, *, markers: bool = True) -> str:
        """The relation with the step's marker over it: ``\\overset{(a)}{=}``."""
        return marked_relation(self.relation, self.marker if markers else "")


@dataclass(frozen=True)
class Block:
    """One chain: heading, text, and its lines."""

    heading: str
    text: str
    lines: tuple[Line, ...]

    def rows(self, *, markers: bool = True) -> list[layout.Row]:
        return [layout.Row(line.lhs, line.marked(markers=markers), line.rhs, line.tag) for line in self.lines]


def marked_relation(relation: str, marker: str) -> str:
    """``relation`` with ``(marker)`` set over it (the letter of its justification)."""
    if not marker:
        return relation
    label = f"({marker})"
    if relation == _IN_DISTRIBUTION:
        return rf"\overset{{d,\,{label}}}{{=}}"
    if relation == _PROPTO:
        return rf"\overset{{{label}}}{{\propto}}"
    if _not_an_equality(relation):
        return rf"\overset{{{label}}}{{{relation}}}"
    return rf"\overset{{{label}}}{{=}}"


def expr_latex(step: Step) -> str:
    """The step's expression in textbook order: its display form when it has one."""
    return math(step.display if step.display is not None else step.expr) + step.relation.suffix


def lhs_latex(lhs: sp.Expr | str | None) -> str:
    """A left side: LaTeX as the author wrote it, or an expression in textbook order."""
    if lhs is None:
        return ""
    return lhs if isinstance(lhs, str) else math(lhs)


def _relation(step: Step) -> tuple[str, str]:
    """The printed relation (``=``, ``\\propto``, ``\\overset{d}{=}``) and what a special case names."""
    relation = step.relation.latex
    if relation in (_EQUAL, _PROPTO, _IN_DISTRIBUTION) or _not_an_equality(relation):
        return relation, ""
    label = getattr(step.relation, "label", "")
    values = getattr(step.relation, "values", ())
    if label:
        return _EQUAL, f"at {label}"
    if values:
        return _EQUAL, "at $" + ", ".join(f"{math(old)} = {math(new)}" for old, new in values) + "$"
    inner = relation.removeprefix(r"\overset{").removesuffix("}{=}")
    return _EQUAL, f"at ${inner}$" if relation.startswith(r"\overset{") else ""


#: Relations that are printed as they are: a bound or a limit is never shown as "=".
_INEQUALITIES = (r"\le", r"\leq", r"\ge", r"\geq", "<", ">", r"\approx")


def _not_an_equality(relation: str) -> bool:
    return relation in _INEQUALITIES or relation.startswith(r"\xrightarrow")


def markers(count: int) -> list[str]:
    """``a``, ``b``, ... ``z``, ``aa``, ``ab``, ...: one letter a step of a block."""
    letters = string.ascii_lowercase
    return [letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26] for i in range(count)]


def _line(checked: CheckedStep, marker: str, first: bool) -> Line:
    step = checked.step
    relation, special = _relation(step)
    because = f"{special}: {step.because}" if special else step.because
    lhs = lhs_latex(step.lhs) if first else ""
    if first and not lhs:
        relation = ""
    return Line(lhs, relation, expr_latex(step), step.tag or "", marker, because, step, checked.verdict.outcome)


def blocks(checked: CheckedDerivation) -> list[Block]:
    """The chains of ``checked`` as blocks, in order."""
    out = []
    for index, chain in enumerate(checked.derivation.chains):
        steps = [s for s in checked.steps if s.step.chain == index]
        letters = markers(len(steps))
        lines = tuple(_line(s, letter, i == 0) for i, (s, letter) in enumerate(zip(steps, letters)))
        out.append(Block(chain.heading, chain.text, lines))
    return out


def aligned_rows(block: Block, *, budget: float = layout.BUDGET, markers: bool = True) -> list[str]:
    """The block's rows laid out for the column (long rows broken), one string per ``align*`` row."""
    return layout.block(block.rows(markers=markers), budget)


def result_rows(checked: CheckedDerivation, budget: float = layout.BUDGET) -> list[str] | None:
    """The result's rows: the known result's left side = the last step's display (else the known formula).

    The two are proved equal before anything is printed (the known result's verdict).
    """
    d = checked.derivation
    if d.known is None or d.result is None:
        return None
    left = lhs_latex(d.known.lhs)
    last = d.steps[-1]
    right = expr_latex(last) if last.display is not None else math(d.known.expr)
    return layout.block([layout.Row(left, "=" if left else "", right)], budget)


def outcome_counts(checked: CheckedDerivation) -> tuple[int, int]:
    """How many steps are proved and how many stated."""
    return checked.count(Outcome.PROVED), checked.count(Outcome.STATED)
