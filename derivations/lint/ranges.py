r"""When a proof of sums over :math:`t = a, \dots, T` holds as written, not only in Karr's convention.

The engine proves sums in Karr's convention (:mod:`derivations.engine.sums`), where a reversed range
is not empty: :math:`\sum_{t=2}^{0} f(t) = -f(1)`. A reader sees no terms there. The two agree on every
range that is not reversed by more than one step (:math:`\sum_{t=a}^{a-1} = 0` in both). In a diffusion
post, T counts the steps of the process: :math:`T \ge 1` (Ho et al. 2020, sec. 2). So a step whose sums
all run from a lower limit of at most 2 up to T itself holds as written whenever its Karr proof holds,
unless the post gives T a value below 1.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy as sp

if TYPE_CHECKING:
    from derivations.lint.context import Post


def counts_the_steps(post: Post, told: set[sp.Symbol], sides: tuple[sp.Expr, ...], before: int) -> bool:
    """Are the bounded limits ``told`` only the horizon T of a diffusion post, with every range from <= 2 to T?"""
    if not post.scope.diffusion or not told or any(s.name != "T" for s in told):
        return False
    values = [d.value for head, d in post.definitions.items() if str(head) == "T" and d.line < before]
    values += [v for s, v in post.plain_values.items() if s.name == "T"]
    values += [post.read(right).expr for left, right in post.equations if left.strip() == "T"]
    if any(v is None or not (v.is_number and v >= 1) for v in values):
        return False  # T = 0, or T = n - 3, anywhere in the post: the convention may not hold
    for side in sides:
        for node in side.atoms(sp.Sum, sp.Product):
            for limit in node.limits:
                if len(limit) != 3 or not (sp.Tuple(*limit[1:]).free_symbols & told):
                    continue
                _, lower, upper = limit
                if upper not in told or not (lower.is_Integer and lower <= 2):
                    return False
    return True
