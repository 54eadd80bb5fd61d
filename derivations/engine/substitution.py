r"""Replacing part of a line: only by what is known, and only as far as it is known.

* :func:`substitution` ``(old, new)``: the line is the one before with ``old`` replaced by
  ``new``, where ``old = new`` is a fact of the derivation
  (:mod:`~derivations.engine.facts`): a definition, a stated hypothesis
  (``d.suppose``), a stated line, or an equality proved earlier. With
  ``in_distribution=True`` the fact may be an equality in distribution, and the
  replacement's noise must be independent of the rest of the line (its normals
  occur nowhere else in it). Printed ``=`` (or :math:`\overset{d}{=}`).
* :func:`at` ``({r: 1})``: the line before, evaluated at the given values. Not an
  equality of the two lines, so it is printed :math:`\overset{r = 1}{=}` and makes
  nothing known.
* :func:`solved_from` ``(lhs, rhs)``: the line ``x = value`` solves the known equation
  ``lhs = rhs`` for the symbol ``x``: the equation is linear in ``x`` with a provably
  nonzero coefficient, so ``value`` is its only solution.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.facts import EQUAL, IN_DISTRIBUTION, Fact, candidates, same
from derivations.engine.notation import latex
from derivations.engine.radicals import provably
from derivations.engine.relations import Context, Relation
from derivations.engine.syntax import expression
from derivations.engine.verdict import Outcome, Verdict


def respects_assumptions(old: sp.Expr, new: sp.Expr, positive: Sequence[sp.Expr] = ()) -> bool:
    """May ``new`` stand for ``old``? Every sign or integrality ``old`` has must be provable of ``new``.

    SymPy has already used ``old``'s assumptions (``sqrt(B**2) = B`` for a positive ``B``,
    ``|x| >= 0``), so a value that breaks them would carry a false identity along.
    """
    facts = ("positive", "negative", "nonnegative", "nonpositive", "integer", "zero")
    if any(getattr(old, f"is_{fact}") is True and not provably(new, fact, positive) for fact in facts):
        return False
    return not (old.is_real and expression(new).is_real is False)


def _bound(expr: sp.Expr) -> set[sp.Symbol]:
    return set().union(*(i.variables for i in expr.atoms(sp.Integral, sp.Sum, sp.Product)))


def _replaceable(replacements, previous: sp.Expr, context: Context) -> Verdict | None:
    """Why the replacements cannot be made in ``previous`` (None if they can)."""
    bound = _bound(previous)
    for old, new in replacements:
        if old in bound:
            return Verdict(Outcome.UNDECIDED, f"{old} is a bound variable: it cannot be replaced")
        if not respects_assumptions(old, new, context.settings.positive):
            return Verdict(Outcome.UNDECIDED, f"{sp.sstr(new)} is not provably what {sp.sstr(old)} is assumed to be")
    if previous.xreplace(dict(replacements)) == previous:
        return Verdict(Outcome.UNDECIDED, f"{_what(replacements)} does not occur in the line before")
    return None


def _what(replacements) -> str:
    return ", ".join(f"{sp.sstr(old)} = {sp.sstr(new)}" for old, new in replacements)


@dataclass(frozen=True, repr=False)
class _Substitution(Relation):
    old: sp.Expr
    new: sp.Expr
    in_distribution: bool = False
    label: str = ""

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"substitution of {self.label or sp.sstr(self.old)}"

    @property
    def latex(self) -> str:  # type: ignore[override]
        return r"\overset{d}{=}" if self.in_distribution else "="

    @property
    def establishes(self) -> str:  # type: ignore[override]
        return IN_DISTRIBUTION if self.in_distribution else EQUAL

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        what = self.label or f"{sp.sstr(self.old)} = {sp.sstr(self.new)}"
        refused = _replaceable(((self.old, self.new),), previous, context)
        if refused is not None:
            return refused
        fact = _known(self.old, self.new, context, self.in_distribution)
        if fact is None:
            return Verdict(Outcome.UNDECIDED, f"{what} is not known: define it, suppose it, or prove it on an "
                           "earlier line (a substitution uses only what the derivation knows)")
        if self.in_distribution:
            shared = _shared_noise(previous, self.old, self.new, context.normals)
            if shared:
                return Verdict(Outcome.UNDECIDED, f"the noise {sp.sstr(shared[0])} of the replacement also occurs in "
                               "the rest of the line: the parts are not independent, so the law of the line may change")
        verdict = check_equal(previous.xreplace({self.old: self.new}), current, context.settings)
        return replace(verdict, method=f"substituting {what} ({fact.source}), then {verdict.method}")


def _known(old: sp.Expr, new: sp.Expr, context: Context, in_distribution: bool) -> Fact | None:
    """The fact that says ``old = new`` (or equal in distribution), if the derivation has one."""
    found = candidates(context.facts, old, in_distribution=in_distribution)
    written = next((fact for fact, value in found if same(value, new)), None)  # as written: no check needed
    return written or next((fact for fact, value in found if check_equal(value, new, context.settings).proved), None)


def _shared_noise(previous: sp.Expr, old: sp.Expr, new: sp.Expr, normals: Sequence[sp.Symbol]) -> list[sp.Symbol]:
    """The normals of ``old`` or ``new`` that also occur in ``previous`` outside ``old``.

    X =d Y gives f(X, R) =d f(Y, R) only when X and Y are both independent of the rest R of the
    line: (e1 + e2) e1 is not sqrt(2) e3 e1 in law (their means are 1 and 0).
    """
    rest = previous.xreplace({old: sp.Dummy("replaced")})  # a stand-in, not 0: a product keeps its other factors
    return sorted((n for n in normals if (new.has(n) or old.has(n)) and rest.has(n)), key=sp.default_sort_key)


def substitution(old: sp.Expr, new: sp.Expr, *, in_distribution: bool = False, label: str = "") -> Relation:
    """Relation: the line is the one before with ``old`` replaced by ``new``, a known fact.

    ``old = new`` must be known when the step is checked: a definition, a hypothesis
    stated with ``d.suppose``, a stated line, or an equality proved on an earlier line;
    otherwise the step is undecided. The verdict names the fact. With
    ``in_distribution=True`` an equality in distribution serves (an induction
    hypothesis), and the noise of ``new`` must occur nowhere else in the line.
    ``label`` names the replacement in the output when ``old`` is long (an integral).
    """
    return _Substitution(expression(old, "replaced expression"), expression(new, "replacement"),
                         in_distribution, label)


@dataclass(frozen=True, repr=False)
class _At(Relation):
    values: tuple[tuple[sp.Symbol, sp.Expr], ...]
    label: str = ""
    establishes = None

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"evaluated at {self.label or _what(self.values)}"

    @property
    def latex(self) -> str:  # type: ignore[override]
        shown = self.label or ", ".join(f"{latex(old)} = {latex(new)}" for old, new in self.values)
        return rf"\overset{{{shown}}}{{=}}"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        refused = _replaceable(self.values, previous, context)
        if refused is not None:
            return refused
        verdict = check_equal(previous.xreplace(dict(self.values)), current, context.settings)
        return replace(verdict, method=f"the line before at {self.label or _what(self.values)}: {verdict.method}")


def at(values: Mapping[sp.Symbol, sp.Expr], *, label: str = "") -> Relation:
    r"""Relation: the line is the one before evaluated at ``values`` (a worked example, a special case).

    Each key must be a symbol, and each value provably what the symbol is assumed to
    be. Printed :math:`\overset{r = 1}{=}` (or with ``label``, e.g. ``"t = 1"``).
    """
    pairs = tuple((expression(k, "evaluated symbol"), expression(v, "value")) for k, v in values.items())
    for symbol, _ in pairs:
        if not isinstance(symbol, sp.Symbol):
            raise TypeError(f"at() evaluates at values of symbols, not of {sp.sstr(symbol)}")
    return _At(pairs, label)


@dataclass(frozen=True, repr=False)
class _SolvedFrom(Relation):
    lhs: sp.Expr
    rhs: sp.Expr

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"solving {sp.sstr(self.lhs)} = {sp.sstr(self.rhs)}"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        unknown = previous
        equation = f"{sp.sstr(self.lhs)} = {sp.sstr(self.rhs)}"
        if not isinstance(unknown, sp.Symbol):
            return Verdict(Outcome.UNDECIDED, "solving gives a value of a symbol: the left side must be one")
        fact = next((f for f, value in candidates(context.facts, self.lhs, in_distribution=False)
                     if same(value, self.rhs)), None)
        if fact is None:
            return Verdict(Outcome.UNDECIDED, f"the equation {equation} is not known: state or prove it first")
        difference = sp.expand(self.lhs - self.rhs)
        coefficient = sp.diff(difference, unknown)
        if coefficient.has(unknown) or not provably(coefficient, "nonzero", context.settings.positive):
            return Verdict(Outcome.UNDECIDED, f"{equation} is not linear in {unknown} with a provably nonzero "
                           "coefficient, so its solution may not be unique")
        verdict = check_equal(self.lhs.xreplace({unknown: current}), self.rhs.xreplace({unknown: current}),
                              context.settings)
        return replace(verdict, method=f"{unknown} = {sp.sstr(current)} solves {equation} ({fact.source}), "
                                       f"its only solution (linear in {unknown}): {verdict.method}")


def solved_from(lhs: sp.Expr, rhs: sp.Expr) -> Relation:
    """Relation: ``x = value`` is the solution for ``x`` of the known equation ``lhs = rhs``.

    Use it on a line whose left side is the symbol ``x``: the equation must be a fact of
    the derivation, linear in ``x`` with a provably nonzero coefficient.
    """
    return _SolvedFrom(expression(lhs, "equation's left side"), expression(rhs, "equation's right side"))
