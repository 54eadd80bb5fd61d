r"""A built-in result cited in a post's own terms.

A result the project has proved (:mod:`~derivations.lint.lemmas`) is written in the project's
symbols. Cited in a post, it must speak of the post's things:

* a name the post uses (``\mathbf{x}_t``, ``\beta_t``) becomes the post's symbol of that name,
  so the witness gives the two one value;
* a name the post *defines* differently from the paper means what the paper means: the proved
  closed form has :math:`\bar\alpha_t = \prod_{s=1}^{t}\alpha_s` (Ho et al. 2020, sec. 2), so a
  post that writes :math:`\bar\alpha_t = \prod_{i=1}^{T}\alpha_i` states a different density;
* the diffusion results hold for the post's model only if its forward step is Ho et al.'s
  eq. (2) (or it states none): a post with its own :math:`q(x_t \mid x_{t-1})`, as
  :math:`\mathcal{N}(\gamma_t x_{t-1}, \sigma_t^2)`, cites none of them.
"""

from __future__ import annotations

import re

import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.probability import Density
from derivations.latex.names import Name
from derivations.lint.context import Post

_ALPHA_BAR = re.compile(r"alphabar_(?P<step>t(?:-(?P<back>\d+))?)")


def in_post_terms(value: sp.Expr, post: Post, *step: sp.Expr) -> sp.Expr:
    """``value`` (a cited result) with its symbols the post's own, or the paper's meaning where they differ."""
    own = {s.name: s for expr in step for s in expr.free_symbols}
    for definition in post.definitions.values():
        for symbol in definition.head.free_symbols | definition.value.free_symbols:
            own.setdefault(symbol.name, symbol)
    mapping: dict[sp.Symbol, sp.Expr] = {}
    for symbol in value.free_symbols:
        meaning = _paper_meaning(symbol.name, post)
        if meaning is not None:
            mapping[symbol] = meaning
        elif symbol.name in own and own[symbol.name] != symbol:
            mapping[symbol] = own[symbol.name]
    return value.xreplace(mapping)


def _paper_meaning(name: str, post: Post) -> sp.Expr | None:
    r"""``\prod_{s=1}^{t}\alpha_s`` for ``\bar\alpha_t`` when the post defines it otherwise; else None."""
    found = _ALPHA_BAR.fullmatch(name)
    if found is None:
        return None
    definition = next((d for head, d in post.definitions.items() if getattr(head, "name", None) == name), None)
    if definition is None or not isinstance(definition.value, sp.Product):
        return None
    body, (index, _, _) = definition.value.function, definition.value.limits[0]
    if not (isinstance(body, sp.Indexed) and body.indices == (index,)):
        return None
    t = post.scope.symbol(Name("t"))
    meant = sp.Product(body, (index, 1, t - int(found.group("back") or 0)))
    return None if meant == definition.value else meant


def follows_ho(post: Post) -> bool:
    r"""Is the post's forward step Ho et al.'s eq. (2) (or does it state none)?

    Checked once per post: its :math:`q(x_t \mid x_{t-1})`, if it defines one, must equal
    :math:`\mathcal{N}(x_t; \sqrt{1-\beta_t}x_{t-1}, \beta_t)` with the post's relations.
    """
    from derivations.lint.lemmas import forward_step

    stated = next((d for head, d in post.definitions.items() if is_forward_step(head)), None)
    if stated is None:
        return True
    if post.follows_ho is None or post.follows_ho[0] != stated.line:  # checked again if it is redefined
        paper = in_post_terms(forward_step(), post, stated.value)
        sides = post.substituted((stated.value, paper), stated.line + 1)
        post.follows_ho = (stated.line, check_equal(*sides).proved)
    return post.follows_ho[1]


def is_forward_step(head: sp.Expr) -> bool:
    r""":math:`q(x_t \mid x_{t-1})`: what a post defines as its model, never a result to check."""
    return isinstance(head, Density) and _names(head) == ("q", ("x_t",), ("x_t-1",))


def _names(density: Density) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    return str(density.family), tuple(map(str, density.outcomes)), tuple(map(str, density.conditions))
