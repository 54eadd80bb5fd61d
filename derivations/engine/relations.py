"""How a step relates to the line before it, and how that relation is checked.

Each relation is a small object with a ``check`` method, so adding one means
adding a class, not a branch:

* :data:`EQUAL`: an algebraic identity under the symbols' assumptions;
* :data:`INTEGRAL`: a real-line integral equals its closed form (the Gaussian integral rule);
* :data:`DIFFERENTIATION`: the derivatives of the line before are evaluated (Leibniz's rule
  for an integral with a variable limit), and what is left is an identity;
* :data:`EQUAL_IN_DISTRIBUTION`: both sides are affine in the declared independent
  standard normals, with the same deterministic part and the same total variance;
* :func:`proportional_in` ``(x)``: the ratio of the two sides does not depend on ``x``;
* :func:`up_to_constant_in` ``(x)``: the difference does not depend on ``x`` (exponents, log-densities);
* :func:`substitution` ``(old, new)``: the line is the previous one with ``old`` replaced by ``new``;
* :data:`GIVEN` and :data:`DEFINITION`: stated, not checked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import sympy as sp

from derivations.engine.canonical import evaluated
from derivations.engine.checking import check_equal, substitute_definitions
from derivations.engine.defined import unfold
from derivations.engine.radicals import provably
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome, Verdict


@dataclass(frozen=True)
class Context:
    """What a relation may use: the check settings and the declared standard normals."""

    settings: CheckSettings
    normals: tuple[sp.Symbol, ...] = ()


class Relation:
    """Base class: a named relation between consecutive lines, printed with ``latex``."""

    name: str = "relation"
    latex: str = "="
    checked: bool = True
    suffix: str = ""  # printed after the line's expression

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        raise NotImplementedError

    def __repr__(self) -> str:
        return self.name


class _Stated(Relation):
    checked = False

    def __init__(self, name: str) -> None:
        self.name = name

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        return Verdict(Outcome.STATED, self.name)


GIVEN = _Stated("given")
DEFINITION = _Stated("definition")


class _Equal(Relation):
    name = "equal"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        return check_equal(previous, current, context.settings)


EQUAL = _Equal()


class _Integral(Relation):
    name = "integral"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        if not unfold(previous).has(sp.Integral):
            return Verdict(Outcome.UNDECIDED, "an integral step needs an integral on the line before")
        return check_equal(previous, current, context.settings)


INTEGRAL = _Integral()


class _Differentiation(Relation):
    r"""The derivatives are evaluated, then the two sides are checked equal.

    ``d/dx \int_{-\infty}^{g(x)} f(u) du = f(g(x)) g'(x)`` for a continuous ``f`` (the
    fundamental theorem of calculus and the chain rule): SymPy's ``Derivative.doit``
    applies Leibniz's rule, an exact symbolic operation.
    """

    name = "differentiation"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        sides = [unfold(side).replace(lambda e: isinstance(e, sp.Derivative), lambda e: e.doit())
                 for side in (previous, current)]
        if not unfold(previous).has(sp.Derivative) and not unfold(current).has(sp.Derivative):
            return Verdict(Outcome.UNDECIDED, "a differentiation step needs a derivative")
        if any(side.has(sp.Derivative) for side in sides):
            return Verdict(Outcome.UNDECIDED, "a derivative is left after differentiating")
        verdict = check_equal(*sides, context.settings)
        return replace(verdict, method=f"differentiating (Leibniz's rule), then {verdict.method}")


DIFFERENTIATION = _Differentiation()


class _EqualInDistribution(Relation):
    name = "equal in distribution"
    latex = r"\overset{d}{=}"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        if not context.normals:
            return Verdict(Outcome.UNDECIDED, "no standard normals are declared")
        settings = context.settings
        expanded = [evaluated(substitute_definitions(unfold(side), settings.definitions))
                    for side in (previous, current)]
        sides = [affine_in_normals(side, context.normals) for side in expanded]
        if None in sides:
            return Verdict(Outcome.UNDECIDED, "not affine in the declared standard normals")
        (mean_l, var_l), (mean_r, var_r) = sides
        mean = check_equal(mean_l, mean_r, context.settings)
        variance = check_equal(var_l, var_r, context.settings)
        for part, verdict in (("mean", mean), ("variance", variance)):
            if verdict.outcome is not Outcome.PROVED:
                return replace(verdict, method=f"{part}: {verdict.method}")
        # A proof also needs real coefficients: with an imaginary one, sum c_i^2 is no variance.
        positive = settings.positive + tuple(substitute_definitions(p, settings.definitions)
                                             for p in settings.positive)
        unreal = [c for side in expanded for c in _parts(side, context.normals) if not provably(c, "real", positive)]
        if unreal:
            return Verdict(Outcome.UNDECIDED, f"{sp.sstr(unreal[0])} is not provably real (a Gaussian needs "
                           "real coefficients): state what is positive with assume_positive")
        return Verdict(
            Outcome.PROVED,
            f"same mean ({mean.method}) and same variance ({variance.method})",
            sp.S.Zero, None, min(mean.witness_points, variance.witness_points),
        )


EQUAL_IN_DISTRIBUTION = _EqualInDistribution()


def _parts(expr: sp.Expr, normals: Sequence[sp.Symbol]) -> list[sp.Expr]:
    """The deterministic part and the coefficient of each normal in ``expr``."""
    expr = sp.expand(expr)
    return [expr.xreplace({n: 0 for n in normals}), *(sp.diff(expr, n) for n in normals)]


def affine_in_normals(expr: sp.Expr, normals: Sequence[sp.Symbol]) -> tuple[sp.Expr, sp.Expr] | None:
    """Mean and variance of ``expr = m + sum_i c_i eps_i`` with independent ``eps_i ~ N(0, 1)``.

    The variance of such a sum is ``sum_i c_i^2`` (independent terms: variances add;
    ``Var(c eps) = c^2``; source 002, section 1). None if ``expr`` is not affine in the normals.
    """
    expr = sp.expand(expr)
    coefficients = [sp.diff(expr, n) for n in normals]
    if any(c.has(*normals) for c in coefficients):
        return None
    mean = expr.xreplace({n: 0 for n in normals})
    if sp.expand(expr - mean - sum(c * n for c, n in zip(coefficients, normals))) != 0:
        return None
    return mean, sum((c**2 for c in coefficients), sp.S.Zero)


@dataclass(frozen=True, repr=False)
class _ProportionalIn(Relation):
    variable: sp.Symbol
    latex: str = r"\propto"

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"proportional in {self.variable}"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        definitions = context.settings.definitions  # substituted first: they may hide the variable
        ratio = substitute_definitions(unfold(previous) / unfold(current), definitions)
        other = sp.Dummy(f"{self.variable}_other", **self.variable.assumptions0)
        verdict = check_equal(ratio, ratio.xreplace({self.variable: other}), context.settings)
        return replace(verdict, method=f"the ratio does not depend on {self.variable}: {verdict.method}")


def proportional_in(variable: sp.Symbol) -> Relation:
    """Relation: the two sides differ by a factor free of ``variable`` (Bayes' "propto").

    >>> from derivations.engine.checking import DEFAULT_SETTINGS
    >>> from derivations.engine.notation import symbol
    >>> x, mu = symbol("x"), symbol("mu")
    >>> relation = proportional_in(x)
    >>> relation.check(3 * sp.exp(-(x - mu)**2), sp.exp(-x**2 + 2*x*mu), Context(DEFAULT_SETTINGS)).outcome
    <Outcome.PROVED: 'proved'>
    >>> relation.check(sp.exp(-(x - mu)**2), sp.exp(-x**2 + x*mu), Context(DEFAULT_SETTINGS)).outcome
    <Outcome.REFUTED: 'refuted'>
    """
    return _ProportionalIn(variable)


@dataclass(frozen=True, repr=False)
class _UpToConstantIn(Relation):
    variable: sp.Symbol
    suffix: str = r" + \mathrm{const}"

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"equal up to a constant in {self.variable}"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        definitions = context.settings.definitions  # substituted first: they may hide the variable
        difference = substitute_definitions(unfold(previous) - unfold(current), definitions)
        other = sp.Dummy(f"{self.variable}_other", **self.variable.assumptions0)
        verdict = check_equal(difference, difference.xreplace({self.variable: other}), context.settings)
        return replace(verdict, method=f"the difference does not depend on {self.variable}: {verdict.method}")


def up_to_constant_in(variable: sp.Symbol) -> Relation:
    """Relation: the two sides differ by an additive term free of ``variable``."""
    return _UpToConstantIn(variable)


@dataclass(frozen=True, repr=False)
class _Substitution(Relation):
    replacements: tuple[tuple[sp.Expr, sp.Expr], ...]
    in_distribution: bool = False
    label: str = ""

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"substitution of {self.label or ', '.join(str(old) for old, _ in self.replacements)}"

    @property
    def latex(self) -> str:  # type: ignore[override]
        return r"\overset{d}{=}" if self.in_distribution else "="

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        what = self.label or ", ".join(str(old) for old, _ in self.replacements)
        bound = set().union(*(i.variables for i in previous.atoms(sp.Integral)))
        for old, new in self.replacements:
            if old in bound:
                return Verdict(Outcome.UNDECIDED, f"{old} is an integration variable: it cannot be replaced")
            if not respects_assumptions(old, new, context.settings.positive):
                return Verdict(Outcome.UNDECIDED, f"{sp.sstr(new)} is not provably what {old} is assumed to be")
        substituted = previous.xreplace(dict(self.replacements))
        if substituted == previous:
            return Verdict(Outcome.UNDECIDED, f"{what} does not occur in the line before")
        verdict = check_equal(substituted, current, context.settings)
        return replace(verdict, method=f"substituting {what}, then {verdict.method}")


def respects_assumptions(old: sp.Expr, new: sp.Expr, positive: Sequence[sp.Expr] = ()) -> bool:
    """May ``new`` stand for the symbol ``old``? A sign or integrality must be provable; realness not refuted.

    SymPy has already used ``old``'s assumptions (``sqrt(B**2) = B`` for a positive ``B``),
    so a value that breaks them would carry a false identity along.
    """
    if not isinstance(old, sp.Symbol):
        return True
    facts = ("positive", "negative", "nonnegative", "nonpositive", "integer", "zero")
    if any(getattr(old, f"is_{fact}") is True and not provably(new, fact, positive) for fact in facts):
        return False
    return not (old.is_real and sp.sympify(new).is_real is False)


def substitution(old: sp.Expr | Mapping[sp.Expr, sp.Expr], new: sp.Expr | None = None, *,
                 in_distribution: bool = False, label: str = "") -> Relation:
    """Relation: the line is the previous one with ``old`` replaced by ``new``.

    ``substitution({a: 1, b: 2})`` replaces several at once (a worked example at
    given values). With ``in_distribution=True`` the replacement is equal in
    distribution only (an induction hypothesis); the justification must say why
    that is valid (``old`` independent of the other noise in the line). ``label``
    names the replacement in the output when ``old`` is long (an integral).
    """
    if isinstance(old, Mapping):
        replacements = tuple((sp.sympify(k), sp.sympify(v)) for k, v in old.items())
    else:
        replacements = ((old, sp.sympify(new)),)
    return _Substitution(replacements, in_distribution, label)
