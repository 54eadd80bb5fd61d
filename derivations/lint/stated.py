r"""What a relation of a post says of its names besides their conventions (lint.conventions reads each one).

Its plain values (``\tau = 2``, for the pins that use them), the names it may set to 0 (``\mu^2 = 0``: the
reading must not cancel them), its equations (lint.zero_divisors), the names it sets to a value of others
(``y = 2x``: y moves with x under an expectation over x, latex.calls) and what it says a density family is
(``P(x) = \mathcal{N}(\dots)``: lint.context names a law only for a family the post says one thing of).
"""

from __future__ import annotations

import re

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.expectation import Expectation as GaussianExpectation
from derivations.engine.probability import Density, Expectation
from derivations.engine.ranges_joined import joined
from derivations.lint.context import Post
from derivations.lint.mentions import bare_name, is_conventional, squeezed

#: The relations that set a side to the other.
EQUAL = tuple(r"= := =: \coloneqq \coloneq \eqqcolon \triangleq \equiv =d \gets \leftarrow".split())


#: What binds or integrates out a name: a name under it is no name an equation ties.
_BINDING = (Expectation, GaussianExpectation, Density, NormalPDF, sp.Integral, sp.Sum, sp.Product)


def keep_what_it_says(post: Post, left: str, relation: str, right: str, line: int) -> None:
    """Record what ``left relation right`` (at ``line``) says of the post's names (see the module's docstring)."""
    _plain_values(post, left, relation, right)
    _what_a_family_is(post, left, relation, right, line)
    if relation in EQUAL:
        tie_names(post, (post.read(left).expr, post.read(right).expr))
        tie_families(post, (post.read(left).expr, post.read(right).expr), (left, right))
    if relation == r"\propto":  # q(z|x) \propto e^{-z^2}: a density known up to its normaliser
        sides = [post.read(side).expr for side in (left, right)]
        post.scope.tied_families |= frozenset(str(d.family) for side in sides if side is not None
                                              for d in side.atoms(Density))


def tie_names(post: Post, sides: tuple) -> None:
    """``u - 2x = 0``, ``x = u/2``, ``2x =: u``: the names of one equation move together (under an expectation over x,
    u is random), unless a side binds names (an expectation, a density, an integral, a sum)."""
    if any(side is None or side.has(*_BINDING) for side in sides):
        return
    names = set().union(*(side.free_symbols for side in sides))
    for name in names:
        post.scope.set_value(name.name, sp.Add(*names))


def _plain_values(post: Post, left: str, relation: str, right: str) -> None:
    """``\\tau = 2``: a value of a name without a convention, for the pins that use it (``\\sigma + \\tau = 0``);
    ``\\mu^2 = 0``, ``\\mu_1 \\mu_1 = 0``: names that may be 0, which the reading must not cancel."""
    post.equations += [(left, right)] if relation in EQUAL else []  # y = x - 1, 2x = 2: for lint.zero_divisors
    for this, other in ((left, right), (right, left)):
        zero, product = post.read(this).expr, post.read(other).expr
        if relation in EQUAL and zero is not None and zero.is_zero and product is not None:  # mu^2 = 0, tau = 0
            post.zeros |= {str(f.as_base_exp()[0]) for f in sp.Mul.make_args(sp.factor(product))}
    name, value = bare_name(post, left), post.read(right).expr
    if relation in EQUAL and name is not None and not is_conventional(post, name) and value is not None and (
            not value.free_symbols):
        post.plain_values[name] = value
    if relation in EQUAL and name is not None and value is not None and value.free_symbols and all(
            s.name in post.zeros or post.plain_values.get(s) == 0 for s in value.free_symbols):
        post.zeros.add(name.name)  # sigma = tau, tau = 0


def _what_a_family_is(post: Post, left: str, relation: str, right: str, line: int) -> None:
    """``P(x) = N(...)``, ``P = ...``, ``P(x) \\propto ...``: what a family is said to be (lint.context's laws)."""
    for head, other in ((left, right), (right, left)):
        value = post.read(head).expr
        if isinstance(value, (Density, sp.Symbol)):
            family = str(getattr(value, "family", value))
            post.law_said.setdefault(family, []).append((line, relation + squeezed(other)))


def _one_joint(value: sp.Expr, family: sp.Basic) -> bool:
    """Is ``value`` a product and quotient of ``family``'s densities alone (``p(x|z) p(z)``, ``p(x, z) / p(z)``)?"""
    factors = [factor.as_base_exp() for factor in sp.Mul.make_args(value)]
    return all(isinstance(base, Density) and base.family == family and exponent in (1, -1)
               for base, exponent in factors)


def _a_factorisation(value: sp.Expr, head: Density) -> bool:
    """Is ``value`` a chain of densities that the head's joint factors into (``q(x_{1:T} | x_0) = \\prod_t q(x_t |
    x_{t-1})``, ``p(x, z) = p(z) p_\\theta(x | z)``): each factor a density or a product of them, once, of outcomes
    no other factor has; without a product, their outcomes are the head's (a product's range is not compared)."""
    factors = sp.Mul.make_args(value)
    products = [f for f in factors if isinstance(f, sp.Product) and isinstance(f.function, Density)
                and f.variables[0] in f.function.free_symbols]
    plain = [f for f in factors if isinstance(f, Density)]
    if len(products) + len(plain) != len(factors) or not plain and not products:
        return False
    outcomes = [o for f in plain for o in f.outcomes]
    if not all(isinstance(o, sp.Symbol) for o in outcomes) or len(set(outcomes)) != len(outcomes):
        return False
    if set(outcomes) & set(head.conditions):
        return False
    return bool(products) or joined(set(outcomes)) == joined(set(head.outcomes))


def _a_normal_of(value: sp.Expr, head: Density) -> bool:
    """Is ``value`` a normal density of the head's one outcome (``q(x_t | x_0) = N(x_t; m, v)``, of one number or
    of a vector, ``v I``), normalised?"""
    normal = isinstance(value, NormalPDF) or (isinstance(value, sp.Function) and type(value).__name__ == "N_vector")
    return (normal and len(head.outcomes) == 1 and value.args[0] == head.outcomes[0]
            and value.args[2].is_positive is not False)


#: ``\mathcal{N}(\mathbf{0}, \mathbf{I})`` alone: the law of a density's variable, as posts write it (unread).
_A_LAW = re.compile(r"\s*(?:\\mathcal\s*\{?N\}?|N)\s*(?:\\left\s*)?\([^()]*(?:\([^()]*\)[^()]*)*\)\s*(?:\\right\s*\))?"
                    r"\s*[,.;]?\s*")


#: Densities and products of them alone, as written (``p(x_T) \\prod_{t=1}^T p_\\theta(x_{t-1} \\mid x_t)``): a
#: factorisation the reader could not read, with no number in it.
_FACTORS = re.compile(r"(?:\s|[,;.]|\\[,;!]|\\cdot|\\prod_\{[^{}]*\}\^\{?[^{}\s]*\}?|\\?[pqPQ](?:_\{?\\?[A-Za-z]+\}?)?"
                      r"\s*(?:\\left)?\((?:[^()]|\([^()]*\))*\)(?:\\right\))?)+")


def tie_families(post: Post, sides: tuple, texts: tuple[str, ...] = ()) -> None:
    """``2 q(z|x) = p(z|x)``, ``p(z|x)/q(z|x) = 2``: density families an equation ties to others than themselves may be
    no normalised densities (lint.bounds proves no Gibbs or Jensen gap of theirs). ``p(x) = \\mathcal{N}(\\dots)``,
    a definition, is substituted; ``p(x, z) = p(x|z) p(z)``, one family on each side, ties nothing."""
    if len(sides) == 2 and None in sides and any(isinstance(side, Density) for side in sides):
        unread = [t for t, side in zip(texts, sides, strict=True) if side is None]
        if not (texts and all(_A_LAW.fullmatch(t) or _FACTORS.fullmatch(t) for t in unread)):
            post.scope.tied_families |= {str(side.family) for side in sides if isinstance(side, Density)}
        return  # p(x, z) = p(x)^2 p(z), unread: what it says of p is not known (p(z) = N(0, I) is a law)
    if any(side is None or side.has(Expectation, sp.Derivative, sp.Integral) for side in sides):
        return  # E[mu | z] = z + Sigma grad log p(z): an expectation's law is no density the row ties
    if isinstance(sides[0], Density):  # a definition: of one joint (p(x, z) = p(x|z) p(z)), or maybe of no density
        head, family = sides[0], str(sides[0].family)
        if _one_joint(sides[1], head.family) or _a_factorisation(sides[1], head):
            return
        post.scope.formulas |= {head}  # the sum rule must not speak of it (lint.marginals)
        if not _a_normal_of(sides[1], head):  # q(z|x) = N(z; x, 1)/2, e^{-z^2}: maybe no normalised density
            post.scope.tied_families |= {family}
        return
    families = [{str(d.family) for d in side.atoms(Density)} for side in sides]
    numbers = [side.is_number for side in sides]  # p(z|x)/q(z|x) = 2, p(z|x) - 2 q(z|x) = 0
    if (all(families) and not set.intersection(*families)) or (any(families) and any(numbers)):
        post.scope.tied_families |= frozenset().union(*families)
