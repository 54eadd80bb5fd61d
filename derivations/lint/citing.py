r"""A built-in result cited in a post's own terms.

A result the project has proved (:mod:`~derivations.lint.lemmas`) is written in the project's
symbols. Cited in a post, it must speak of the post's things:

* a name the post uses (``\mathbf{x}_t``, ``\beta_t``) becomes the post's symbol of that name,
  so the witness gives the two one value;
* a name the post *defines* differently from the paper means what the paper means: the proved
  closed form has :math:`\bar\alpha_t = \prod_{s=1}^{t}\alpha_s` (Ho et al. 2020, sec. 2), so a
  post that writes :math:`\bar\alpha_t = \prod_{i=1}^{T}\alpha_i` states a different density;
* the diffusion results hold for the post's model only if its forward step is Ho et al.'s
  eq. (2) (or it states none): a post with its own :math:`q(x_t \mid x_{t-1})` (at any step,
  :math:`q(x_{t+1} \mid x_t)`), or its own sample :math:`x_t = \dots x_{t-1} \dots`, cites none of
  them, even where it states its step only later.
"""

from __future__ import annotations

import re

import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.probability import Density
from derivations.latex.names import Name
from derivations.latex.vector_densities import one_coordinate
from derivations.lint.context import Post
from derivations.lint.schedule import hos_schedule

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
    if definition is None:
        return None
    t = post.scope.symbol(Name("t"))
    value = definition.value
    if isinstance(value, sp.Product) and isinstance(value.function, sp.Indexed):
        body, index = value.function, value.limits[0][0]
        if body.indices != (index,) or str(body.base.label) != "alpha":  # \prod_i \alpha_{2i}, \prod_i \beta_i
            body, index = _PAPERS_ALPHA[_PAPERS_INDEX], _PAPERS_INDEX
    else:  # \bar\alpha_t = \alpha_t^2, \sum_i \alpha_i: not the paper's alpha-bar at all
        body, index = _PAPERS_ALPHA[_PAPERS_INDEX], _PAPERS_INDEX
    meant = sp.Product(body, (index, 1, t - int(found.group("back") or 0)))
    return None if meant == value else meant


#: The paper's alpha_s (Ho et al. 2020, sec. 2), for a post whose own alpha-bar is something else.
_PAPERS_INDEX = sp.Symbol("s", integer=True)
_PAPERS_ALPHA = sp.IndexedBase("alpha", positive=True)


def follows_ho(post: Post) -> bool:
    r"""Has the post stated its forward step, and is it Ho et al.'s eq. (2)?

    Its :math:`q(x_t \mid x_{t-1})` must equal :math:`\mathcal{N}(x_t; \sqrt{1-\beta_t}x_{t-1}, \beta_t)`
    with the post's relations, or its :math:`x_t` be :math:`\sqrt{1-\beta_t}x_{t-1} + \sqrt{\beta_t}\epsilon`
    for one noise :math:`\epsilon`. A post with another forward step cites none of Ho's results:
    they are theorems of that model only.
    """
    from derivations.lint.lemmas import forward_step

    # beta_t = 2, or alpha_t = 1 - beta_t^2: alpha-bar is another product, the closed form another
    if post.breaks_schedule() or not (post.hos_stated and hos_schedule(post.definitions)):
        return False
    stated = next((d for head, d in post.definitions.items() if is_forward_step(head) or _is_sampling_step(d)),
                  None)
    if stated is None:  # none read: the post may state another (x_t = x_0 + sigma_t eps, in a product, at t + 1)
        return False
    if post.follows_ho is None or post.follows_ho[0] != stated.line:  # checked again if it is redefined
        if isinstance(stated.head, Density):
            value = one_coordinate((stated.value,))[0]  # q(x_t | x_{t-1}) = N(...) of vectors: per coordinate
            paper = in_post_terms(forward_step(), post, value)
            sides = post.substituted((value, paper), stated.line + 1)
            post.follows_ho = (stated.line, check_equal(*sides).proved)
        else:
            post.follows_ho = (stated.line, _samples_ho(stated, post))
    return post.follows_ho[1]


def _is_sampling_step(definition) -> bool:
    """``x_t = ... x_{t-1} ...``: the forward step written as a sample."""
    head = definition.head
    return isinstance(head, sp.Symbol) and head.name == "x_t" and any(
        s.name == "x_t-1" for s in definition.value.free_symbols)


def _samples_ho(stated, post: Post) -> bool:
    r""":math:`x_t - \sqrt{1-\beta_t}x_{t-1}` is :math:`\sqrt{\beta_t}` times one noise symbol."""
    symbols = {s.name: s for s in stated.value.free_symbols}
    beta = symbols.get("beta_t", post.scope.symbol(Name("beta", sub="t")))
    noise = (stated.value - sp.sqrt(1 - beta) * symbols["x_t-1"]) / sp.sqrt(beta)
    noise = post.substituted((sp.simplify(noise),), stated.line + 1)[0]
    return isinstance(noise, sp.Symbol) and noise.name.startswith(("epsilon", "z")) and (
        noise.name not in post.nonstandard)  # epsilon ~ N(0, 2I): another model


def is_forward_step(head: sp.Expr) -> bool:
    r""":math:`q(x_t \mid x_{t-1})` (or :math:`q(x_{t+1} \mid x_t)`): what a post defines as its model."""
    if not isinstance(head, Density):
        return False
    family, outcomes, conditions = _names(head)
    if family != "q" or len(outcomes) != 1 or len(conditions) != 1:
        return False
    return (outcomes[0], conditions[0]) in (("x_t", "x_t-1"), ("x_t+1", "x_t"))


def _names(density: Density) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    return str(density.family), tuple(map(str, density.outcomes)), tuple(map(str, density.conditions))
