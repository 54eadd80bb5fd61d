r"""A conditional density as a ratio of joint densities: the definition that proves Bayes' rule.

:math:`p(a \mid b) = p(a, b) / p(b)` defines a conditional density (Bishop (2006), *Pattern
Recognition and Machine Learning*, eq. (1.12) for probabilities, and sec. 1.2.1 for densities).
Written so, Bayes' rule :math:`q(x \mid z) = q(z \mid x)\,q(x) / q(z)` and the product rule
:math:`p(a, b) = p(a \mid b)\,p(b)` are identities of the joints, which the engine proves by algebra.

A joint is the family's density of a *set* of variables: :math:`p(x, z)` and :math:`p(z, x)` are one
density. Families stay apart (:math:`p_\theta` is not :math:`p`). Nothing model-specific is used (no
Markov property): a step that needs one stays undecided. The measure of an expectation
(:math:`\mathbb{E}_{q(z \mid x)}`) is a label, not a value, and is left as it is.
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.linearity import linear_expectation
from derivations.engine.probability import Density, Expectation
from derivations.engine.ranges_joined import joined


def as_joints(*exprs: sp.Expr) -> tuple[sp.Expr, ...] | None:
    """``exprs`` with each density of a family written with a bar somewhere in them a ratio of joints; None if
    no family is (``P(x, y)`` alone: a function of ordered arguments), or a density conditions on its outcome."""
    conditioned = {d.family for e in exprs for d in e.atoms(Density) if d.conditions}
    if not conditioned:
        return None
    try:
        return tuple(_rewritten(e, conditioned) for e in exprs)
    except _SameVariable:
        return None


class _SameVariable(ValueError):
    """p(x | x), p(1 | 0): no ratio of joints (the arguments of a joint are names, in no order)."""


def _rewritten(expr: sp.Basic, conditioned: set[sp.Expr]) -> sp.Basic:
    if isinstance(expr, Density):
        return _ratio(expr) if expr.family in conditioned else expr  # a family used with a bar is a joint's
    if isinstance(expr, Expectation):  # E_{q(z | x)}[...]: its measure is a label; the body split again by linearity
        return linear_expectation(_rewritten(expr.args[0], conditioned), expr.args[1])
    if not expr.args or not expr.has(Density):
        return expr
    return expr.func(*(_rewritten(arg, conditioned) for arg in expr.args))


def _ratio(density: Density) -> sp.Expr:
    outcomes, conditions = set(density.outcomes), set(density.conditions)
    values = not all(isinstance(v, sp.Symbol) for v in (*outcomes, *conditions))  # p(1 | 0): values, in order
    if values or outcomes & conditions or len(outcomes) != len(density.outcomes):
        raise _SameVariable(str(density))
    return _joint(density.family, outcomes | conditions) / _joint(density.family, conditions)


def _joint(family: sp.Expr, variables: set[sp.Expr]) -> sp.Expr:
    if not variables:
        return sp.S.One
    variables = joined(variables)  # (x_0, x_{1:T}) is x_{0:T}
    return Density(family, sp.Tuple(*sorted(variables, key=sp.default_sort_key)), sp.Tuple())
