r"""What a relation of a post says of its names besides their conventions (lint.conventions reads each one).

Its plain values (``\tau = 2``, for the pins that use them), the names it may set to 0 (``\mu^2 = 0``: the
reading must not cancel them), its equations (lint.zero_divisors), the names it sets to a value of others
(``y = 2x``: y moves with x under an expectation over x, latex.calls) and what it says a density family is
(``P(x) = \mathcal{N}(\dots)``: lint.context names a law only for a family the post says one thing of).
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.expectation import Expectation as GaussianExpectation
from derivations.engine.probability import Density, Expectation
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
        tie_families(post, (post.read(left).expr, post.read(right).expr))


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


def tie_families(post: Post, sides: tuple) -> None:
    """``2 q(z|x) = p(z|x)``, ``p(z|x)/q(z|x) = 2``: density families an equation ties to others than themselves may be
    no normalised densities (lint.bounds proves no Gibbs or Jensen gap of theirs). ``p(x) = \\mathcal{N}(\\dots)``,
    a definition, is substituted; ``p(x, z) = p(x|z) p(z)``, one family on each side, ties nothing."""
    if any(side is None or side.has(Expectation, sp.Derivative, sp.Integral) for side in sides) or isinstance(
            sides[0], Density):
        return  # E[mu | z] = z + Sigma grad log p(z): an expectation's law is no density the row ties
    families = [{str(d.family) for d in side.atoms(Density)} for side in sides]
    numbers = [side.is_number for side in sides]  # p(z|x)/q(z|x) = 2, p(z|x) - 2 q(z|x) = 0
    if (all(families) and not set.intersection(*families)) or (any(families) and any(numbers)):
        post.scope.tied_families |= frozenset().union(*families)
