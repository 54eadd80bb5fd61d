r"""The normal laws a post names: ``P(x) = \mathcal{N}(x; \mu_1, \sigma_1^2)``, said as a definition, makes
``\mathbb{E}_P`` that Gaussian's expectation (latex.calls) from its line on, until the post says P is something
else (``P = \mathcal{N}(0, 1)``, ``P(x) \propto e^{-|x|}``, a law "instead"), on that line or later.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.probability import Density

if TYPE_CHECKING:
    from derivations.lint.context import Post


def name_a_law(post: Post, head: Density, value: sp.Expr, said: str, cued: bool, line: int) -> None:
    """Record ``head = value`` (``said``, as the post writes it) as the law of head's family if it is one: a normal
    density of head's one variable, said as a definition; any other value, or one in passing, names no law."""
    family = str(head.family)
    post.scope.laws.pop(family, None)
    (variable,) = head.outcomes if len(head.outcomes) == 1 else (None,)
    if cued and not head.conditions and isinstance(value, NormalPDF) and value.args[0] == variable and not (
            value.args[1].has(variable) or value.args[2].has(variable)):
        post.scope.laws[family] = (variable, value.args[1], value.args[2])
        post.law_since[family] = (line, said)


def laws_in_force(post: Post, line: int) -> None:
    """Drop each law the post says otherwise of between its definition and ``line`` (that line included)."""
    for family in list(post.scope.laws):
        since, said = post.law_since.get(family, (line, ""))
        if any(since <= at <= line and text != said for at, text in post.law_said.get(family, [])):
            del post.scope.laws[family]


def laws_said_in_words(post: Post, inline: list[tuple[int, str]]) -> None:
    """A family's bare name in the prose's math (``$P$ is instead the uniform law``): words say something of it, so a
    law named on that line or before holds no more from there (:func:`laws_in_force`)."""
    for line, math in inline:
        name = math.strip()
        alone = re.fullmatch(r"(\\?[A-Za-z]+(?:_\{?\\?[A-Za-z]+\}?)?)\s*(?:\([^()=]*\))?", name)  # $P$, $P(x)$
        if alone:
            post.law_said.setdefault(alone.group(1).lstrip("\\").replace("{", "").replace("}", ""), []).append(
                (line, "words"))
