"""What a derivation knows to be equal: the facts a substitution may use.

A substitution ``old -> new`` is sound only when ``old = new`` is known: a
definition (``d.define``), a stated hypothesis (``d.suppose``), a stated line (a
given or a definition with a SymPy left side), or an equality proved on an
earlier line. :class:`FactBook` collects them in the order the page shows them,
so a step can use only what came before it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sympy as sp

from derivations.engine.canonical import evaluated

EQUAL = "equal"
IN_DISTRIBUTION = "in distribution"


@dataclass(frozen=True)
class Fact:
    """``lhs = rhs`` (or equal in distribution), and where the derivation got it."""

    lhs: sp.Expr
    rhs: sp.Expr
    kind: str  # EQUAL or IN_DISTRIBUTION
    source: str  # "the definition of B_1", "a hypothesis: the induction hypothesis", "step 12"

    def serves(self, in_distribution: bool) -> bool:
        """An equality serves an equality in distribution too, not the other way round."""
        return self.kind == EQUAL or in_distribution


def same(a: sp.Expr, b: sp.Expr) -> bool:
    """Structurally the same expression, once display forms are evaluated."""
    return a == b or evaluated(a) == evaluated(b)


def candidates(facts: Iterable[Fact], old: sp.Expr, *, in_distribution: bool) -> list[tuple[Fact, sp.Expr]]:
    """The facts that say something about ``old``, each with the expression it equates ``old`` to."""
    found = []
    for fact in facts:
        if not fact.serves(in_distribution):
            continue
        if same(fact.lhs, old):
            found.append((fact, fact.rhs))
        elif same(fact.rhs, old):
            found.append((fact, fact.lhs))
    return found


@dataclass
class FactBook:
    """The facts collected so far, while the steps of a derivation are checked in order."""

    facts: list[Fact]

    def record(self, previous: sp.Expr | None, current: sp.Expr, kind: str | None,
               anchor: sp.Expr, anchor_kind: str | None, where: str) -> None:
        """A passed step ``previous -> current`` of ``kind``: what it establishes.

        ``anchor`` is the chain's first left side; when every step from it to here
        establishes something (``anchor_kind``), it equals ``current`` too.
        """
        if kind is not None and previous is not None:
            self.facts.append(Fact(previous, current, kind, where))
        if anchor_kind is not None and anchor is not previous and anchor is not current:
            self.facts.append(Fact(anchor, current, anchor_kind, where))
