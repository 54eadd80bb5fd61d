r"""The sum rule for densities, and an expectation as the integral it is: the first lines of every ELBO.

A post about probability writes one family's joint, marginals and conditionals with one letter, as the
engine reads them (engine.conditionals: :math:`p(a \mid b) = p(a, b) / p(b)`). Two more facts of that
reading are used here, and only to prove a step:

* the sum rule, :math:`\int p(a, b)\, db = p(a)` (the marginal of a joint density, Bishop (2006), *Pattern
  Recognition and Machine Learning*, eq. (1.31)), so :math:`\int q(z \mid x)\, dz = \int q(x, z)\, dz / q(x) = 1`;
  only numbers and densities of names the integral holds fixed come out of it (any other factor may move with
  :math:`b`), and no bare joint is integrated to 1 (that says only that it is normalised);
* an expectation under a density is its integral, :math:`\mathbb{E}_{q(z \mid x)}[g] = \int q(z \mid x)\, g\, dz`
  (Bishop (2006), eq. (1.34)).

So :math:`\log p(x) = \log \int p(x, z)\, dz = \log \mathbb{E}_{q(z \mid x)}[p(x, z) / q(z \mid x)]` is proved.
Only integrals over the whole line in a plain variable are marginalised. A family the post ties to another
(``2 q(z|x) = p(z|x)``: lint.stated), gives a formula that may not be normalised, or calls unnormalised in
words (lint.density_words) may be no normalised density, so no step with it is proved here; nor one with a
density the post gives a formula (the formulas decide it), nor any in a post about discrete variables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from derivations.engine.conditionals import as_joints
from derivations.engine.probability import Density, Expectation, Opaque
from derivations.engine.ranges_joined import joined, rest_of
from derivations.engine.verdict import Verdict
from derivations.latex.scope import Scope


def marginal_step(lhs: sp.Expr, rhs: sp.Expr, prove: Callable[[sp.Expr, sp.Expr], Verdict],
                  scope: Scope) -> Verdict | None:
    """``lhs = rhs`` with expectations as integrals, the densities as joints and the sum rule applied, if it
    proves them equal; None if the rule has nothing to do or does not prove the step."""
    if scope.discrete or scope.unnormalised or not _applies(lhs, rhs, scope.tied_families):
        return None
    if any(d in scope.formulas for side in (lhs, rhs) for d in side.atoms(Density)):
        return None  # p(x) = N(x; 0, 1) and p(x | z) = N(x; z, 1): the post's formulas decide, not the sum rule
    integrals = (_as_integrals(lhs), _as_integrals(rhs))
    if _tied_to_a_variable(integrals, scope.set_to):
        return None
    joints = as_joints(*integrals) or integrals
    sides = tuple(marginalised(side) for side in joints)
    if sides == (lhs, rhs):
        return None
    verdict = prove(*sides)
    if not verdict.proved:
        return None
    return replace(verdict, method="the sum rule of densities (int p(a, b) db = p(a)), an expectation as its "
                                   f"integral, then {verdict.method}")


def _applies(lhs: sp.Expr, rhs: sp.Expr, tied: frozenset[str] | set[str]) -> bool:
    """Do the sides integrate a density, or take an expectation under one, and are all their families free?"""
    sides = (lhs, rhs)
    if not any(side.has(sp.Integral, Expectation) and side.has(Density) for side in sides):
        return False
    families = {str(d.family) for side in sides for d in side.atoms(Density)}
    return not families & set(tied)


def _tied_to_a_variable(sides: tuple[sp.Expr, ...], set_to: dict[str, frozenset[str]]) -> bool:
    """Does the post tie a name of the sides to a variable integrated over, directly or through other names
    (``y = 2z``, ``x = 3y``: then x moves with z)? A density's family is no such name: it is a function, and what
    the post says of it is lint.stated's (``D_{KL}(q || p)`` reads p and q as names)."""
    families = {d.family for side in sides for d in side.atoms(Density)}
    names = {s.name for side in sides for s in side.free_symbols | {v for i in side.atoms(sp.Integral)
                                                                     for v in i.variables} if s.is_Symbol
             and s not in families}
    for node in {i for side in sides for i in side.atoms(sp.Integral)}:
        for variable in (v.name for v in node.variables if v.is_Symbol):
            if (_reachable(variable, set_to) - {variable}) & names:
                return True
    return False


def _reachable(name: str, set_to: dict[str, frozenset[str]]) -> set[str]:
    """Every name tied to ``name`` by a chain of the post's equations (either way round)."""
    found, todo = {name}, [name]
    while todo:
        this = todo.pop()
        neighbours = set(set_to.get(this, ())) | {other for other, values in set_to.items() if this in values}
        todo += sorted(neighbours - found)
        found |= neighbours
    return found


def _as_integrals(expr: sp.Expr) -> sp.Expr:
    """Each expectation under a density of plain, distinct outcomes written as the integral over them."""
    if not expr.args:
        return expr
    expr = expr.func(*(_as_integrals(arg) for arg in expr.args))
    if not isinstance(expr, Expectation) or not isinstance(expr.args[1], Density):
        return expr
    body, law = expr.args
    outcomes = law.outcomes
    if not all(isinstance(v, sp.Symbol) for v in outcomes) or len(set(outcomes)) != len(outcomes) or (
            set(outcomes) & set(law.conditions)) or not _fixed_but_outcomes(body, law):
        return expr
    return sp.Integral(law * body, *((v, -sp.oo, sp.oo) for v in outcomes))


def _fixed_but_outcomes(body: sp.Expr, law: Density) -> bool:
    """Is every name of ``body`` an outcome of ``law`` or a name it conditions on, every density family of it free
    of the outcomes (``p_theta`` under ``q(theta)`` is random), and every other function applied to an outcome?
    As in engine.linearity: under a law, any other name may be random, and the integral would hold it fixed."""
    outcomes = {v.name for v in law.outcomes}
    families = {d.family for d in body.atoms(Density)}
    if any(not isinstance(f, sp.Symbol) or any(o in f.name.partition("_")[2] for o in outcomes) for f in families):
        return False
    named = [v for v in (*law.outcomes, *law.conditions) if isinstance(v, sp.Symbol)]
    allowed = set(named) | families | joined(set(named))  # x_{0:T} under q(x_{1:T} | x_0): x_0 and x_{1:T}
    calls = [c for c in body.atoms(sp.Function) if isinstance(c, (AppliedUndef, Opaque))]
    return body.free_symbols <= allowed and all(c.free_symbols & set(law.outcomes) for c in calls)



def marginalised(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each integral of one joint density (times a factor free of the variable) over the whole line
    in one of its outcomes replaced by the marginal (innermost first)."""
    if not expr.args:
        return expr
    expr = expr.func(*(marginalised(arg) for arg in expr.args))
    if not isinstance(expr, sp.Integral):
        return expr
    body, limits = expr.function, list(expr.limits)
    while limits:
        variable, *bounds = limits[0]
        marginal = _marginal(body, variable, bounds)
        if marginal is None:
            break
        body, limits = marginal, limits[1:]
    if not limits:
        return body
    return sp.Integral(body, *limits) if len(limits) < len(expr.limits) else expr


def _marginal(body: sp.Expr, variable: sp.Symbol, bounds: list[sp.Expr]) -> sp.Expr | None:
    """``c p(S)`` integrated over ``variable`` in S: ``c p(S - {variable})`` (``c``, 1 if S was the variable: then
    ``c`` is a conditional's ``1/p(x)``). ``c`` is numbers and densities, of names the integral holds fixed."""
    if bounds == [-sp.oo, sp.oo] and (by_ranges := _range_marginal(body, variable)) is not None:
        return by_ranges
    if bounds != [-sp.oo, sp.oo] or not _apart(variable, body):
        return None
    factor, density = body.as_independent(variable, as_Add=False)
    if not isinstance(density, Density) or density.conditions or variable not in density.outcomes:
        return None
    if not all(isinstance(o, sp.Symbol) for o in density.outcomes):
        return None  # p(z, 1): a value's place among the arguments would be lost
    if any(variable.name in str(d.family).partition("_")[2] for d in factor.atoms(Density)):
        return None  # p_z(x): a family indexed by the variable moves with it
    if any(variable in o.free_symbols for o in density.outcomes if o != variable):
        return None
    rest = tuple(o for o in density.outcomes if o != variable)
    if not rest and not factor.has(Density):
        return None  # \int q(z) dz = 1 says q is normalised: only a conditional's ratio of joints says so here
    if not all(f.is_number or isinstance(f.as_base_exp()[0], Density) for f in sp.Mul.make_args(factor)):
        return None  # \int q(z) x dz = x: x may move with z (words, an equation), so only densities come out
    return factor * (Density(density.family, sp.Tuple(*rest), sp.Tuple()) if rest else sp.S.One)


def _range_marginal(body: sp.Expr, variable: sp.Basic) -> sp.Expr | None:
    """``c p(x_{0:T})`` or ``c p(x_0, x_{1:T})`` integrated over ``x_{1:T}``: ``c p(x_0)``, with ``c`` a number. The
    joint's outcomes are the only names: any other may hold a variable of the range (``x_1`` in ``x_{1:T}``)."""
    factor, density = body.as_coeff_Mul()
    if not (isinstance(density, Density) and not density.conditions):
        return None
    outcomes = set(density.outcomes)
    whole = joined(outcomes)
    if len(whole) != 1 or len(outcomes) != len(density.outcomes) or len(outcomes) > 2 or body.has(sp.Indexed):
        return None
    if len(outcomes) == 2 and variable not in outcomes:
        return None  # two pieces: the variable must be one of them, the other the rest
    rest = rest_of(next(iter(whole)), variable)
    if rest is None or (len(outcomes) == 2 and outcomes != {rest, variable}):
        return None
    return factor * Density(density.family, sp.Tuple(rest), sp.Tuple())


def _apart(variable: sp.Basic, body: sp.Expr) -> bool:
    """Is ``variable`` a plain real name that no other name of ``body`` may hold or be part of? Not a range
    (``x_{1:T}`` holds ``x_1``), nor beside one, nor beside a family's term (``x[t]``), nor a vector beside a
    name of its own letter with a subscript (``x`` and its coordinate ``x_1``): a factor is free of the
    variable only when its names are other values."""
    if not isinstance(variable, sp.Symbol) or variable.is_positive or body.has(sp.Indexed):
        return False
    names = [s.name for s in body.free_symbols | {variable}]
    if any(":" in name for name in names):
        return False
    base, _, sub = variable.name.partition("_")
    if sub:  # x_1 beside x: a coordinate beside its vector
        return base not in names
    return not any(name.partition("_")[0] == base and name != variable.name for name in names)
