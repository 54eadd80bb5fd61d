r"""How the linter compares a step's two sides: the engine's identity check, then two rules it adds.

* Expectations law by law: :math:`\mathbb{E}_q[a] = \mathbb{E}_q[b]` when :math:`a = b`
  (:func:`~derivations.engine.linearity.equal_bodies`), as every ELBO derivation rewrites the body
  under one expectation.
* The sum rule of densities (:func:`~derivations.lint.marginals.marginal_step`): an expectation as its integral,
  :math:`\int p(x, z)\, dz = p(x)`.
* Finite sums (:func:`~derivations.engine.sums.sums_equal`): a term split off, an index shifted, a
  telescoping sum; a term the split writes out (``x[1]``) is the post's own name for it (:math:`x_1`). Not for a
  family whose terms may be matrices (a capital, one the post declares): the rules take terms for numbers.

Only a proof comes from either rule; otherwise the engine's verdict stands.
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.linearity import equal_bodies
from derivations.engine.probability import Density, Expectation
from derivations.engine.settings import CheckSettings
from derivations.engine.sums import sums_equal
from derivations.engine.verdict import Outcome, Verdict
from derivations.latex.families import symbols_as_terms, terms_as_symbols
from derivations.latex.matrix_names import declared_families
from derivations.latex.ranges import as_written
from derivations.latex.scope import Scope
from derivations.lint.marginals import marginal_step


def equal_sides(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings, scope: Scope) -> Verdict:
    """Is ``lhs = rhs``? check_equal, then the expectations' bodies, then the rules of finite sums."""
    lhs, rhs = as_written(lhs), as_written(rhs)
    verdict = check_equal(lhs, rhs, settings)
    again = lambda left, right: equal_sides(left, right, settings, scope)  # noqa: E731 - the rules' own proofs
    if verdict.outcome is Outcome.REFUTED and not _sampled_terms(verdict):  # a counterexample stands
        return verdict
    if not verdict.proved and (lhs.has(Expectation) or rhs.has(Expectation)):
        verdict = equal_bodies(lhs, rhs, again) or verdict
    if not verdict.proved and (lhs.has(Density) or rhs.has(Density)):  # int p(x, z) dz = p(x)
        verdict = marginal_step(lhs, rhs, again, scope) or verdict
    if verdict.proved or not (lhs.has(sp.Sum, sp.Product) or rhs.has(sp.Sum, sp.Product)):
        return verdict
    if _a_family_of_matrices(lhs, rhs, scope) or _infinite(lhs, rhs):  # W_t W_{t-1}; a series may not converge
        return verdict
    lhs, rhs = symbols_as_terms((lhs, rhs), scope)  # a_T is the last term a[T] of a sum to T
    summed = sums_equal(lhs, rhs, settings, lambda expr: terms_as_symbols(expr, scope))
    return summed if summed.proved else verdict


def _a_family_of_matrices(lhs: sp.Expr, rhs: sp.Expr, scope: Scope) -> bool:
    """Does a side hold a family whose terms may be matrices: a capital (W_t), or one the post declares matrices?"""
    declared = declared_families(scope.matrix_names)
    families = {str(term.base.label) for side in (lhs, rhs) for term in side.atoms(sp.Indexed)}
    return any(family[:1].isupper() or family in declared for family in families)


def _infinite(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    """Does a sum or product run to infinity (a series: split term by term only if it converges)?"""
    return any(node.has(sp.oo, -sp.oo) for side in (lhs, rhs) for node in side.atoms(sp.Sum, sp.Product))


def _sampled_terms(verdict: Verdict) -> bool:
    """Did the counterexample give a family's term inside a sum one value for all its indices (``a[_index]``)?
    Then it is no counterexample, and the rules of sums may still prove the step."""
    point = verdict.counterexample.point if verdict.counterexample else ()
    return any("[" in name for name, _ in point)
