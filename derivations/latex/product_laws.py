r"""An expectation under a product of densities, as mean-field posts write it (:math:`\mathbb{E}_{q_z(z) q(\theta)}`).

A product of densities of distinct variables, none conditioned on another's variable and none of a family
indexed by one (``p_\theta(x)`` beside ``q(\theta)``), is the law of independent variables (a product
measure). Its expectation is one expectation inside the other, in SymPy's order of the factors: by Fubini's
theorem any order has the same value (Bishop (2006), *Pattern Recognition and Machine Learning*, eq. (10.5) is
the mean-field factorisation). Any other product in a subscript is no distribution, and the row is unread.
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.probability import Density


def independent_factors(law: sp.Expr) -> tuple[Density, ...] | None:
    """The factors of ``law`` when it is a product of densities of distinct plain variables, none of which another
    factor conditions on (``q_z(z) q_\\theta(\\theta)``, ``q(z \\mid x) q(w \\mid x)``); else None."""
    factors = sp.Mul.make_args(law)
    if len(factors) < 2 or not all(isinstance(f, Density) for f in factors):
        return None
    outcomes = [o for f in factors for o in f.outcomes]
    if not all(isinstance(o, sp.Symbol) for o in outcomes) or len(set(outcomes)) != len(outcomes):
        return None
    conditioned = {s for f in factors for c in f.conditions for s in c.free_symbols}
    if conditioned & set(outcomes) or any(":" in o.name for o in outcomes):  # no ranges: x_{1:T} holds x_1
        return None
    for factor in factors:  # p_theta(x) beside q(theta): p_theta moves with theta (engine.linearity, too)
        others = [o.name for f in factors if f is not factor for o in f.outcomes]
        if any(name in str(factor.family).partition("_")[2] for name in others):
            return None
    return factors
