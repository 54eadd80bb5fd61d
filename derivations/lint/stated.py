r"""What a relation of a post says of its names besides their conventions (lint.conventions reads each one).

Its plain values (``\tau = 2``, for the pins that use them), the names it may set to 0 (``\mu^2 = 0``: the
reading must not cancel them), its equations (lint.zero_divisors), the names it sets to a value of others
(``y = 2x``: y moves with x under an expectation over x, latex.calls) and what it says a density family is
(``P(x) = \mathcal{N}(\dots)``: lint.context names a law only for a family the post says one thing of).
"""

from __future__ import annotations

import re

import sympy as sp

from derivations.engine.conditionals import as_joints
from derivations.engine.densities import NormalPDF
from derivations.engine.expectation import Expectation as GaussianExpectation
from derivations.engine.probability import Density, Expectation
from derivations.engine.ranges_joined import joined
from derivations.lint.context import Post
from derivations.lint.marginals import marginalised
from derivations.lint.mentions import bare_name, is_conventional, squeezed

#: The relations that set a side to the other.
EQUAL = tuple(r"= := =: \coloneqq \coloneq \eqqcolon \triangleq \equiv =d \gets \leftarrow".split())


#: Relations that tie names as an equation does, for the names that move together (lint.marginals, latex.calls).
_TIES = (r"\propto", r"\approx", r"\simeq", r"\sim", r"\mapsto", r"\to", r"\gets")
#: What binds or integrates out a name: a name under it is no name an equation ties.
_BINDING = (Expectation, GaussianExpectation, Density, NormalPDF, sp.Integral, sp.Sum, sp.Product)


def keep_what_it_says(post: Post, left: str, relation: str, right: str, line: int) -> None:
    """Record what ``left relation right`` (at ``line``) says of the post's names (see the module's docstring)."""
    _plain_values(post, left, relation, right)
    _what_a_family_is(post, left, relation, right, line)
    if relation in EQUAL or relation in _TIES:  # x \propto z, x \approx 2z: x moves with z too
        tie_names(post, (post.read(left).expr, post.read(right).expr))
    if relation in EQUAL:
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
    """Is ``value`` a chain of conditional densities that the head's joint factors into (``p(x, z) = p(z)
    p_\\theta(x | z)``; ``q(x_{1:T} | x_0) = \\prod_t q(x_t | x_{t-1})``, the head's family over its own range)?
    Each factor's conditions are the head's or outcomes of factors before it (no cycle), its outcomes no other
    factor's, and together they are the head's outcomes."""
    factors = sp.Mul.make_args(value)
    ranges = {o.name.partition("_")[0] for o in head.outcomes if isinstance(o, sp.Symbol) and ":" in o.name}
    products = [f for f in factors if isinstance(f, sp.Product)]
    if products:  # p(x, z_{1:T}) = p(z_T) p(x | z_1) prod_t p(z_{t-1} | z_t): each product over the head's range
        bases = {str(o).partition("_")[0] for o in head.outcomes}
        return all(isinstance(f.function, Density) and all(isinstance(o, sp.Indexed) and str(o.base) in ranges
                                                            for o in f.function.outcomes) for f in products) and all(
            isinstance(f, Density) and {str(o).partition("_")[0] for o in f.outcomes} <= bases
            for f in factors if f not in products)
    if not all(isinstance(f, Density) and all(isinstance(v, sp.Symbol) for v in f.args[1] + f.args[2])
               for f in factors):
        return False
    outcomes = [o for f in factors for o in f.outcomes]
    if len(set(outcomes)) != len(outcomes) or joined(set(outcomes)) != joined(set(head.outcomes)):
        return False
    known, todo = set(head.conditions), list(factors)
    while todo:  # the chain rule's order: a factor once all it conditions on is known
        ready = [f for f in todo if set(f.conditions) <= known]
        if not ready:
            return False
        known |= {o for f in ready for o in f.outcomes}
        todo = [f for f in todo if f not in ready]
    return True


def _a_marginal(value: sp.Expr, head: Density) -> bool:
    """Is ``value`` the head's marginal by the sum rule (``p(x) = \\int p(x, z) dz = \\int p(x|z) p(z) dz``)?"""
    if not isinstance(value, sp.Integral):
        return False
    joints = as_joints(value, head)
    return (joints is not None and marginalised(joints[0]) == joints[1]) or marginalised(value) == head


def _a_normal_of(value: sp.Expr, head: Density, defined: set = frozenset(), units: list = ()) -> bool:
    """Is ``value`` a normal density of the head's one outcome (``q(x_t | x_0) = N(x_t; m, v)``, of one number or
    of a vector, ``v I``), whose mean and variance are free of it, normalised? A variance of names the post
    ``defined`` (``v = 1 - 2``) may be negative."""
    normal = isinstance(value, NormalPDF) or (isinstance(value, sp.Function) and type(value).__name__ == "N_vector")
    return (normal and len(head.outcomes) == 1 and value.args[0] == head.outcomes[0]
            and not (value.args[1].has(value.args[0]) or value.args[2].has(value.args[0]))
            and _positive(value.args[2], units) and not (value.args[2].free_symbols & defined))


def _positive(variance: sp.Expr, units: list[sp.Symbol]) -> bool:
    """Is ``variance`` positive, each schedule letter of it in (0, 1) (``1 - \\bar\\alpha_t``; not ``1 - 2v``)?"""
    return sp.simplify(variance.xreplace({u: 1 / (1 + sp.Dummy(positive=True)) for u in units})).is_positive is True


#: ``\mathcal{N}(\mathbf{0}, \mathbf{I})``, ``N(x_t; m, v I)`` alone: a normal law, as posts write it (unread).
_A_LAW = re.compile(r"\s*(?:\\mathcal\s*\{?N\}?|N)\s*(?:\\left\s*)?\((?P<args>[^()]*(?:\([^()]*\)[^()]*)*)\)"
                    r"\s*(?:\\right\s*\))?\s*[,.;]?\s*")
#: The arguments of a standard normal: mean 0, covariance 1 or the identity.
_STANDARD = re.compile(r"\s*(?:\\mathbf\s*\{\s*0\s*\}|\\boldsymbol\s*\{\s*0\s*\}|0)\s*,\s*(?:1|\\mathbf\s*\{\s*I\s*\}|"
                       r"\\boldsymbol\s*\{\s*I\s*\}|\\mathbb\s*\{\s*I\s*\}|I|\\mathrm\s*\{\s*I\s*\})\s*")
#: A family's density written in an unread side: ``q(z|x)``, ``p_\theta(x)``.
_DENSITY_CALL = re.compile(r"(?<![A-Za-z\\])\\?[pqPQ](?:_\{?\\?[A-Za-z]+\}?)?\s*(?:\\left\s*)?\(")


def _a_law_of(text: str, head: Density) -> bool:
    """Is ``text`` a normal law as posts write it: the standard one (``\\mathcal{N}(\\mathbf{0}, \\mathbf{I})``,
    ``N(0, 1)``), or one of a named variable whose parameters have no minus sign and not the variable? Any other law
    the reader left unread may have a variance that is not positive, or a mean that is its own variable (``N(z, I)``
    for ``q(z | x)``)."""
    law = _A_LAW.fullmatch(text)
    if not law:
        return False
    variable, semicolon, rest = law.group("args").partition(";")
    if not semicolon:
        return _STANDARD.fullmatch(variable) is not None
    plain = [re.sub(r"\\math(?:bf|rm)|\\boldsymbol|\\bm|[{}\s]", "", part) for part in (variable, rest)]
    # N(x_{t-1}; mu(x_t, x_0), beta I): no minus sign in its parameters (a variance that may be negative), and its
    # variable not among them (N(z; z, 1) is no density of z)
    return "-" not in re.sub(r"_\{[^{}]*\}", "", rest) and plain[0] not in plain[1]


def tie_families(post: Post, sides: tuple, texts: tuple[str, ...] = ()) -> None:
    """Density families a statement says something of, other than what keeps them normalised densities, may be no
    normalised densities: lint.bounds and lint.marginals prove nothing of them (``2 q(z|x) = p(z|x)``, ``\\log
    q(z|x) = -z^2``, ``e^{-z^2} = q(z|x)``, an unread value). What keeps them: a chain of conditionals (``p(x, z) =
    p(x|z) p(z)``), a normal density of the head's variable (``p(x) = \\mathcal{N}(x; 0, 1)``, then one the post
    gives a formula: ``scope.formulas``), or a normal law as posts write it (``p(z) = \\mathcal{N}(0, I)``)."""
    texts = texts or ("",) * len(sides)
    for (first, second), (first_text, second_text) in zip(zip(sides, sides[1:]), zip(texts, texts[1:])):
        _tie_pair(post, (first, second), (first_text, second_text))


def _tie_pair(post: Post, sides: tuple, texts: tuple[str, str]) -> None:
    families = {str(d.family) for side in sides if side is not None for d in side.atoms(Density)}
    families |= {m.group(0).rstrip("(").strip().lstrip("\\").replace("{", "").replace("}", "").replace("\\", "")
                 for side, text in zip(sides, texts, strict=True) if side is None for m in _DENSITY_CALL.finditer(text)}
    if not families or any(side is not None and side.has(Expectation, sp.Derivative) for side in sides):
        return  # E[mu | z] = z + Sigma grad log p(z): an expectation's law is no density the row ties
    heads = [side for side in sides if isinstance(side, Density)]
    if not heads and any(side is not None and side.has(sp.Integral) for side in sides):
        if any(side is not None and (side.is_number or side.is_Symbol) and side != 1 for side in sides):
            post.scope.tied_families |= frozenset(families)  # \int q(z|x) dz = 2, = c: a mass that may not be one
        return
    for (head, value), text in zip((sides, sides[::-1]), texts[::-1], strict=True):
        if not isinstance(head, Density):
            continue
        if value is None and _a_law_of(text, head):
            return
        if value is not None and (_one_joint(value, head.family) or _a_factorisation(value, head)
                                  or _a_marginal(value, head)):
            return
        defined = set(post.definitions) | set(post.plain_values)
        if value is not None and _a_normal_of(value, head, defined, post.scope.unit_symbols(value)):
            post.scope.formulas |= {head}  # the sum rule must not speak of it (lint.marginals)
            return
    post.scope.formulas |= {side for side in sides if isinstance(side, Density)}
    post.scope.tied_families |= frozenset(families)
