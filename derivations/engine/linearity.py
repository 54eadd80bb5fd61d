r"""Expectations as a post means them: linear, with what the law conditions on held fixed.

The reader writes :math:`\mathbb{E}_{D}[\text{body}]` in one normal form, so that two sides that differ only by
the rules every derivation of an ELBO uses read the same:

* linearity: :math:`\mathbb{E}[aX + bY] = a\,\mathbb{E}[X] + b\,\mathbb{E}[Y]` for ``a, b`` that are not random,
  and :math:`\mathbb{E}[c] = c` (a probability measure has mass 1);
* the logarithm of a product or quotient of positive factors (densities) is split first, so that
  :math:`\mathbb{E}[\log\frac{q}{p}] = \mathbb{E}[\log q] - \mathbb{E}[\log p]`;
* "taking out what is known": under :math:`q(\mathbf{z} \mid \mathbf{x})` the condition :math:`\mathbf{x}` is
  fixed, so a factor made only of numbers, conditions and densities of conditions (:math:`\log p(\mathbf{x})`)
  leaves the expectation (Williams 1991, *Probability with Martingales*, sec. 9.7 (j));
* the KL divergence of two densities of one variable is its definition,
  :math:`D_{\mathrm{KL}}(q \,\|\, p) = \mathbb{E}_{q}[\log q - \log p]` (Kullback & Leibler 1951).

Only a density's named conditions are fixed: under a bare :math:`\mathbb{E}_q` or :math:`\mathbb{E}_{z \sim q}`
nothing but numbers leaves the expectation, since any name may be random there (:math:`\mathbb{E}_q[\|\epsilon -
\epsilon_\theta\|^2]` is over the noise, which no subscript names); :math:`\mathbb{E}[X \mid X^2]` fixes no name;
a family named by an outcome (:math:`p_\theta` under :math:`q(\theta)`) is random.
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp
from sympy.core.function import AppliedUndef

from derivations.engine.probability import Density, Divergence, Expectation, Opaque
from derivations.engine.verdict import Outcome, Verdict

__all__ = ["equal_bodies", "kl_by_definition", "linear_expectation"]


def linear_expectation(body: sp.Expr, law: sp.Expr) -> sp.Expr:
    r""":math:`\mathbb{E}_{\text{law}}[\text{body}]` in the normal form above; the same value, by linearity.

    >>> q = Density(sp.Symbol("q"), sp.Tuple(sp.Symbol("z")), sp.Tuple(sp.Symbol("x")))
    >>> p = Density(sp.Symbol("p"), sp.Tuple(sp.Symbol("x")), sp.Tuple())
    >>> linear_expectation(2 * sp.log(p / q), q)
    2*log(p(x)) - 2*E_q(z | x)[log(q(z | x))]
    """
    fixed = _fixed(law)
    outcomes = law.outcomes if isinstance(law, Density) else ()
    random = frozenset(s.name for outcome in outcomes for s in outcome.free_symbols)
    total = sp.S.Zero
    for term in sp.Add.make_args(sp.expand_log(body)):
        constant = [f for f in sp.Mul.make_args(term) if _is_constant(f, fixed, random)]
        known = sp.Mul(*constant)
        rest = sp.Mul(*(f for f in sp.Mul.make_args(term) if f not in constant))
        total += known * (rest if rest == 1 else Expectation(rest, law))
    return total


def kl_by_definition(first: sp.Expr, second: sp.Expr) -> sp.Expr | None:
    r""":math:`D_{\mathrm{KL}}(\text{first} \,\|\, \text{second})` as :math:`\mathbb{E}_{\text{first}}[\log
    \text{first} - \log \text{second}]`, for two opaque densities of the same outcomes; else None."""
    if not (isinstance(first, Density) and isinstance(second, Density)) or first.outcomes != second.outcomes:
        return None
    return linear_expectation(sp.log(first) - sp.log(second), first)


def _fixed(law: sp.Expr) -> frozenset[sp.Symbol]:
    """The names a law holds fixed: the names a density conditions on, less its outcomes; none for any other law."""
    if not isinstance(law, Density):
        return frozenset()
    outcomes = set().union(*(o.free_symbols for o in law.outcomes))
    named = {c for c in law.conditions if isinstance(c, sp.Symbol)}  # E[X | X^2] fixes X^2, not X: names only
    return frozenset(named - outcomes)


def _is_constant(factor: sp.Expr, fixed: frozenset[sp.Symbol], random: frozenset[str]) -> bool:
    """Is ``factor`` not random under a law fixing ``fixed``: a number, or made of fixed names and their densities?"""
    if factor.is_number:
        return True
    families = {d.family for d in factor.atoms(Density) if _a_fixed_family(d.family, random)}
    if not factor.free_symbols - families <= fixed or factor.has(Expectation, Divergence):
        return False
    # f(x) with x fixed is fixed only if f is no random function: a density, or log, exp, sqrt of fixed values
    return not any(isinstance(call, (Opaque, AppliedUndef)) for call in factor.atoms(sp.Function))


def _a_fixed_family(family: sp.Basic, random: frozenset[str]) -> bool:
    """Is the family itself not random: ``p`` or ``p_theta`` under ``q(z | x)``, not ``p_theta`` under ``q(theta)``?"""
    if not isinstance(family, sp.Symbol):
        return False
    sub = family.name.partition("_")[2]
    return not any(name in sub for name in random)  # p_{\mathbf{w}} reads p_mathbfw: any trace of w is w


def equal_bodies(lhs: sp.Expr, rhs: sp.Expr, prove: Callable[[sp.Expr, sp.Expr], Verdict]) -> Verdict | None:
    r"""A proof of ``lhs = rhs`` from their expectations' bodies, law by law; None when there is none.

    The difference's terms :math:`n\,c\,\mathbb{E}_D[b]` (a number n, the rest c of the coefficient) are grouped
    by (c, D); :math:`\sum n_i c\,\mathbb{E}_D[b_i] = c\,\mathbb{E}_D[\sum n_i b_i]` by linearity, and an
    expectation of a body that is 0 everywhere is 0. So if each group's body and the terms outside
    expectations are proved 0 (by ``prove``), the step holds. Only a proof comes of it: bodies that differ
    may still have equal expectations.
    """
    groups: dict[tuple[sp.Expr, sp.Expr], sp.Expr] = {}
    rest = sp.S.Zero
    for term in sp.Add.make_args(sp.expand(lhs - rhs, deep=False)):
        factors = sp.Mul.make_args(term)
        expectations = [f for f in factors if isinstance(f, Expectation)]
        if len(expectations) != 1:
            rest += term  # none (or a product of expectations: opaque to this rule)
            continue
        number, coefficient = sp.Mul(*(f for f in factors if f is not expectations[0])).as_coeff_Mul()
        body, law = expectations[0].args
        groups[(coefficient, law)] = groups.get((coefficient, law), sp.S.Zero) + number * body
    if not groups:
        return None
    for part in (rest, *groups.values()):
        if part != 0 and not prove(part, sp.S.Zero).proved:
            return None
    return Verdict(Outcome.PROVED, f"the bodies of the expectations under each law are equal ({len(groups)} "
                                   "law(s)): equal expectations, by linearity")
