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
* :func:`~derivations.engine.substitution.substitution`, ``at`` and ``solved_from``
  (:mod:`~derivations.engine.substitution`): a replacement justified by a known fact,
  the line before evaluated at given values, a stated equation solved for a name;
* :data:`GIVEN` and :data:`DEFINITION`: stated, not checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import sympy as sp

from derivations.engine.canonical import evaluated
from derivations.engine.checking import check_equal, substitute_definitions
from derivations.engine.defined import unfold
from derivations.engine.facts import EQUAL, IN_DISTRIBUTION, Fact
from derivations.engine.integrals import plainly_real
from derivations.engine.radicals import provably
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome, Verdict


@dataclass(frozen=True)
class Context:
    """What a relation may use: the check settings, the declared standard normals, the facts so far."""

    settings: CheckSettings
    normals: tuple[sp.Symbol, ...] = ()
    facts: tuple[Fact, ...] = ()


class Relation:
    """Base class: a named relation between consecutive lines, printed with ``latex``.

    ``establishes`` says what a proved (or stated) step of this relation makes known
    about its two lines: an equality, an equality in distribution, or nothing
    (``None``: a proportionality, an evaluation at given values).
    """

    name: str = "relation"
    latex: str = "="
    checked: bool = True
    suffix: str = ""  # printed after the line's expression
    establishes: str | None = EQUAL

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

    ``d/dx \int_{a}^{g(x)} f(u) du = f(g(x)) g'(x)`` for a continuous ``f`` free of ``x`` and a
    constant ``a`` (the fundamental theorem of calculus and the chain rule). SymPy's
    ``Derivative.doit(deep=False)`` applies this rule, an exact symbolic operation; a derivative
    of an integral whose integrand depends on ``x`` (differentiation under the integral sign,
    which needs conditions) is not evaluated: the step is undecided.
    """

    name = "differentiation"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        unfolded = [unfold(side) for side in (previous, current)]
        if not any(side.has(sp.Derivative) for side in unfolded):
            return Verdict(Outcome.UNDECIDED, "a differentiation step needs a derivative")
        derivatives = set().union(*(side.atoms(sp.Derivative) for side in unfolded))
        if any(_under_the_integral_sign(d) for d in derivatives):
            return Verdict(Outcome.UNDECIDED, "differentiation under the integral sign is not checked")
        sides = [side.replace(lambda e: isinstance(e, sp.Derivative), lambda e: e.doit(deep=False))
                 for side in unfolded]
        if any(side.has(sp.Derivative) for side in sides):
            return Verdict(Outcome.UNDECIDED, "a derivative is left after differentiating")
        verdict = check_equal(*sides, context.settings)
        return replace(verdict, method=f"differentiating (Leibniz's rule), then {verdict.method}")


def _under_the_integral_sign(derivative: sp.Derivative) -> bool:
    """Does an integral inside ``derivative`` depend on its variable other than through the upper limit?"""
    variables = set(derivative.variables)
    for integral in derivative.expr.atoms(sp.Integral):
        if integral.function.free_symbols & variables:
            return True
        if any(len(limit) != 3 or limit[1].free_symbols & variables for limit in integral.limits):
            return True
    return False


DIFFERENTIATION = _Differentiation()


class _EqualInDistribution(Relation):
    name = "equal in distribution"
    latex = r"\overset{d}{=}"
    establishes = IN_DISTRIBUTION

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        if not context.normals:
            return Verdict(Outcome.UNDECIDED, "no standard normals are declared")
        bound = set().union(*(i.variables for side in (previous, current) for i in side.atoms(sp.Integral)))
        if bound & set(context.normals):
            return Verdict(Outcome.UNDECIDED, f"{sorted(bound & set(context.normals), key=str)[0]} is a declared "
                           "standard normal and also an integration variable: rename one of them")
        not_real = [n for n in context.normals if not plainly_real(n)]
        if not_real:  # |Z| is not N(0, 1): a normal takes every real value, so no sign may be assumed
            return Verdict(Outcome.UNDECIDED, f"{not_real[0]} is declared a standard normal but is assumed "
                           f"{_facts(not_real[0])}: a normal variable must be a plain real symbol")
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


def _facts(symbol: sp.Symbol) -> str:
    return ", ".join(sorted(k for k, v in symbol.assumptions0.items() if v and k not in
                            ("real", "complex", "commutative", "hermitian", "finite", "infinite", "extended_real",
                             "imaginary", "algebraic", "transcendental", "irrational", "rational")
                            )) or "more than real"


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
    establishes = None

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"proportional in {self.variable}"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        definitions = context.settings.definitions  # substituted first: they may hide the variable
        ratio = substitute_definitions(unfold(previous) / unfold(current), definitions)
        verdict = check_equal(ratio, ratio.xreplace(_renaming(self.variable, ratio)), context.settings)
        verdict = replace(verdict, method=f"the ratio does not depend on {self.variable}: {verdict.method}")
        if verdict.proved and not provably(ratio, "positive", context.settings.positive):
            # densities differ by a positive factor: p(x) = 0 and -e^{-x^2} are proportional to nothing
            return Verdict(Outcome.UNDECIDED, f"{verdict.method}; but the factor {sp.sstr(ratio)} is not "
                           "provably positive")
        return verdict


def _renaming(variable: sp.Symbol, expr: sp.Expr) -> dict[sp.Basic, sp.Basic]:
    """Every occurrence of ``variable`` in ``expr`` (a scalar, or a vector or matrix of that name) to a fresh
    one like it (``x'``, ``x''``, ...): a vector ``x`` is a MatrixSymbol, which replacing the Symbol misses."""
    occurring = expr.atoms(sp.Symbol, sp.MatrixSymbol)
    taken = {str(a) for a in occurring}
    name = variable.name + "'"
    while name in taken:
        name += "'"
    renaming: dict[sp.Basic, sp.Basic] = {variable: sp.Symbol(name, **variable.assumptions0)}
    for atom in occurring:
        if isinstance(atom, sp.MatrixSymbol) and atom.name == variable.name:
            renaming[atom] = sp.MatrixSymbol(name, *atom.shape)
    return renaming


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
    establishes = None

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"equal up to a constant in {self.variable}"

    def check(self, previous: sp.Expr, current: sp.Expr, context: Context) -> Verdict:
        definitions = context.settings.definitions  # substituted first: they may hide the variable
        difference = substitute_definitions(unfold(previous) - unfold(current), definitions)
        renamed = difference.xreplace(_renaming(self.variable, difference))
        verdict = check_equal(difference, renamed, context.settings)
        return replace(verdict, method=f"the difference does not depend on {self.variable}: {verdict.method}")


def up_to_constant_in(variable: sp.Symbol) -> Relation:
    """Relation: the two sides differ by an additive term free of ``variable``."""
    return _UpToConstantIn(variable)
