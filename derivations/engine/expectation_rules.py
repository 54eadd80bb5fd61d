r"""Steps through an expectation: congruence (checked) and bounds such as Jensen's (stated).

The terms of :mod:`~derivations.engine.probability` are opaque: the engine knows nothing of
:math:`\mathbb{E}_P[f]` but that it is the expectation of ``f``. One rule needs no more:

* **congruence** (:data:`UNDER_EXPECTATION`): if :math:`f = g` for every value of the
  variables, then :math:`\mathbb{E}_P[f] = \mathbb{E}_P[g]`: the same function has the same
  expectation. The bodies are checked with the rules of finite sums
  (:func:`~derivations.engine.sums.sums_equal`), so the algebra *inside* an expectation
  (logarithms of products of positive densities split, sums split, shifted and telescoped)
  is proved. No integrability is needed: nothing moves in or out of the expectation.

Moving an expectation (linearity, the tower property, the marginal of a joint) needs
integrability, which nothing here proves: such a step is a ``GIVEN`` naming the rule.
An inequality (Jensen's) is stated with :func:`bound`: printed :math:`\le`, checked never,
and it makes nothing known (no equality is recorded for later substitutions).

References: Kallenberg (2002), *Foundations of Modern Probability*, ch. 1 (expectation as an
integral: equal integrands, equal integrals) and Lemma 3.5 (Jensen's inequality).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import sympy as sp

from derivations.engine.facts import same
from derivations.engine.probability import Expectation
from derivations.engine.relations import Context, Relation
from derivations.engine.sums import sums_equal
from derivations.engine.verdict import Outcome, Verdict


def outer_expectations(expr: sp.Basic) -> list[Expectation]:
    """The expectations of ``expr`` that are not inside another expectation, in order of appearance."""
    if isinstance(expr, Expectation):
        return [expr]
    return [e for arg in expr.args for e in outer_expectations(arg)]


def _bound_variables(*exprs: sp.Expr) -> set[sp.Symbol]:
    return {v for e in exprs for binder in e.atoms(sp.Sum, sp.Product, sp.Integral) for v in binder.variables}


def congruent_pairs(lhs: sp.Expr, rhs: sp.Expr, context: Context) -> list[tuple[Expectation, Expectation, str]]:
    """Pairs (left, right, method) of expectations under one distribution whose bodies are proved equal.

    An expectation that holds a variable bound anywhere in the two lines (the index of a
    sum around it) is left alone: replacing it would confuse a bound index with a free one.
    """
    bound = _bound_variables(lhs, rhs)
    lefts = [e for e in outer_expectations(lhs) if not e.free_symbols & bound]
    rights = [e for e in outer_expectations(rhs) if not e.free_symbols & bound]
    pairs, used = [], set()
    for left in dict.fromkeys(lefts):
        for index, right in enumerate(rights):
            if index in used or not same(left.args[1], right.args[1]):
                continue
            verdict = sums_equal(left.args[0], right.args[0], context.settings)
            if verdict.proved:
                pairs.append((left, right, verdict.method))
                used.add(index)
                break
    return pairs


class _UnderExpectation(Relation):
    """Expectations paired by congruence, then the two lines checked with the rules of sums."""

    name = "under the expectation (equal bodies, equal expectations)"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        pairs = congruent_pairs(previous, current, context)
        if not pairs and outer_expectations(previous):
            return Verdict(Outcome.UNDECIDED, "no expectation of the line before has a provably equal body "
                           "under the same distribution on this line")
        # Equal expectations: the right one is replaced by the left one, an opaque term to the witness.
        matched = current.xreplace({right: left for left, right, _ in pairs})
        verdict = sums_equal(previous, matched, context.settings)
        bodies = "; ".join(dict.fromkeys(method for _, _, method in pairs)) or "no expectation"
        return replace(verdict, method=f"bodies equal ({bodies}); then {verdict.method}")


#: Relation: the expectations of the two lines have provably equal bodies (the algebra inside them).
UNDER_EXPECTATION = _UnderExpectation()


@dataclass(frozen=True, repr=False)
class _StatedBound(Relation):
    rule: str
    latex: str = r"\le"
    checked = False
    establishes = None

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"bound ({self.rule})"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        return Verdict(Outcome.STATED, self.name)


def bound(rule: str) -> Relation:
    r"""Relation, stated: the line before is at most this one, by ``rule`` (printed :math:`\le`).

    Never checked and never recorded as an equality: a later substitution cannot use it.

    >>> relation = bound("Jensen's inequality")
    >>> relation.latex, relation.checked, relation.establishes
    ('\\le', False, None)
    """
    return _StatedBound(rule)
