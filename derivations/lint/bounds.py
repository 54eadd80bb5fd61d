r"""The two inequalities every derivation of an evidence lower bound (ELBO) uses, checked as identities.

A step ``big \ge small`` (or ``small \le big``) is proved when the gap ``big - small`` is, by the rules of
expectations the linter already proves (linearity, Bayes' rule for joints, the KL divergence by its definition),

* a sum of KL divergences with nonnegative coefficients (Gibbs' inequality: :math:`D_{\mathrm{KL}}(q \,\|\, p)
  \ge 0`, Kullback & Leibler 1951; Cover & Thomas 2006, Thm. 2.6.3), written out or not:
  :math:`\log p(x) \ge \mathbb{E}_{q(z|x)}[\log \frac{p(x, z)}{q(z|x)}]` has the gap
  :math:`D_{\mathrm{KL}}(q(z|x) \,\|\, p(z|x))`;
* or a positive multiple of a Jensen gap :math:`\log \mathbb{E}_q[Y] - \mathbb{E}_q[\log Y]` for a positive
  :math:`Y` (the logarithm is concave: Jensen 1906).

Only a proof comes of these rules; a strict inequality, or a gap they do not show to be such, is undecided.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.linearity import kl_by_definition, linear_expectation
from derivations.engine.probability import Density, Divergence, Expectation
from derivations.engine.verdict import Verdict
from derivations.latex.scope import Scope
from derivations.lint.results import Status, StepResult, result_of
from derivations.lint.steps import Row

#: The relations this module checks: which side is the larger.
_AT_LEAST = (r"\ge", r"\geq", r"\geqslant")
_AT_MOST = (r"\le", r"\leq", r"\leqslant")
BOUNDS = _AT_LEAST + _AT_MOST


def bound_step(row: Row, relation: str, written: tuple[sp.Expr, sp.Expr], substituted: tuple[sp.Expr, sp.Expr],
               prove_zero: Callable[[sp.Expr], Verdict], scope: Scope) -> StepResult:
    """``lhs relation rhs`` for ``\\ge`` or ``\\le`` (as ``written``, and with the post's definitions
    ``substituted``): proved if its gap is a KL divergence or a Jensen gap.

    ``prove_zero`` proves an expression is 0 (lint.equality's rules, with the post's scope). A density family the
    post ties to others or gives a value (``2 q(z|x) = p(z|x)``, ``q(z|x) = e^{-z^2}``), or calls unnormalised, is
    maybe no density (``scope.tied_families``): no bound of it is proved, as written or substituted."""
    lhs, rhs = substituted
    tied = scope.tied_families
    if re.search(r"\\text\s*\{[^{}]*\b(?:where|with|for|if)\b", row.source):  # \quad \text{where } p = 2q
        return StepResult(row.line, row.source, Status.UNDECIDED, f"the relation {relation} is not checked (the row "
                          "says in words what its densities are)")
    big, small = (lhs, rhs) if relation in _AT_LEAST else (rhs, lhs)
    gap = big - small
    laws = [e.args[1] for e in gap.atoms(Expectation)] + [a for d in gap.atoms(Divergence) for a in d.args]
    families = {str(getattr(d, "family", d)) for d in [*gap.atoms(Density), *laws]}
    families |= {str(d.family) for side in written for d in side.atoms(Density)}
    if families & tied or scope.unnormalised:
        return StepResult(row.line, row.source, Status.UNDECIDED, f"the relation {relation} is not checked (the "
                          "post ties a density of it to another: it may be no normalised density)")
    for name, rule in (("a sum of KL divergences (Gibbs' inequality)", _divergences),
                       ("a KL divergence written out (Gibbs' inequality)", _a_divergence_written_out),
                       ("a Jensen gap of the logarithm (Jensen's inequality)", _a_jensen_gap)):
        verdict = rule(gap, prove_zero)
        if verdict is not None and verdict.proved:
            return result_of(row, replace(verdict, method=f"the gap of the bound is {name}: {verdict.method}"))
    return StepResult(row.line, row.source, Status.UNDECIDED,
                      f"the relation {relation} is not checked (its gap is no KL divergence or Jensen gap it shows)")


def _divergences(gap: sp.Expr, prove_zero: Callable[[sp.Expr], Verdict]) -> Verdict | None:
    """The gap is sum c_i D_i with numbers c_i >= 0 (each D_i a KL divergence, at least 0)."""
    divergences = sorted(gap.atoms(Divergence), key=sp.default_sort_key)
    if not divergences or not all(isinstance(law, (Density, NormalPDF)) for d in divergences for law in d.args):
        return None  # D(N/2 || N): a divergence of what may be no density (it can be negative)
    if not all(_variables(d.args[0]) == _variables(d.args[1]) for d in divergences):
        return None  # D(q(z|x) || p(x|z)): densities of two variables
    marks = {d: sp.Dummy(nonnegative=True) for d in divergences}
    marked = sp.expand(gap.xreplace(marks))
    coefficients = [marked.coeff(mark) for mark in marks.values()]
    if not all(c.is_number and c.is_nonnegative for c in coefficients):
        return None
    rest = marked - sum(c * mark for c, mark in zip(coefficients, marks.values(), strict=True))
    return prove_zero(rest.xreplace({mark: d for d, mark in marks.items()}))


def _variables(law: sp.Expr) -> tuple:
    """The variables a density is a density of: its outcomes, a normal's variable."""
    return tuple(law.outcomes) if isinstance(law, Density) else (law.args[0],)


def _a_divergence_written_out(gap: sp.Expr, prove_zero: Callable[[sp.Expr], Verdict]) -> Verdict | None:
    """The gap is D_KL(q(z | x) || p) for a law q of its expectations and a density p of its outcomes: a family's
    p(z | x) (the posterior), or a density p(z) the gap holds."""
    # Only a law whose own density its expectation holds (E_q[log q - log p]): the others cost a failed proof each.
    laws = {e.args[1] for e in gap.atoms(Expectation) if isinstance(e.args[1], Density) and e.args[0].has(e.args[1])}
    for law in sorted(laws, key=sp.default_sort_key):
        posteriors = {Density(d.family, law.outcomes, law.conditions) for d in gap.atoms(Density)}  # p(z | x)
        priors = {d for d in gap.atoms(Density) if d.outcomes == law.outcomes}  # p(z)
        for other in sorted((posteriors | priors) - {law}, key=sp.default_sort_key):
            divergence = kl_by_definition(law, other)
            verdict = prove_zero(gap - divergence) if divergence is not None else None
            if verdict is not None and verdict.proved:
                return verdict
    return None


def _a_jensen_gap(gap: sp.Expr, prove_zero: Callable[[sp.Expr], Verdict]) -> Verdict | None:
    """The gap is c (log E_q[Y] - E_q[log Y]) with a number c > 0 and Y > 0."""
    for term in sp.Add.make_args(sp.expand(gap, deep=False)):
        c, factor = term.as_coeff_Mul()
        if not (c.is_positive and isinstance(factor, sp.log) and isinstance(factor.args[0], Expectation)):
            continue
        body, law = factor.args[0].args
        if body.is_positive is not True:
            continue
        verdict = prove_zero(gap - c * (factor - linear_expectation(sp.log(body), law)))
        if verdict.proved:
            return verdict
    return None
