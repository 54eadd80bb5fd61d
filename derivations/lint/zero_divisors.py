r"""A step that divides by zero at a value the post states: ``Let $x = 1$``, then :math:`\frac{x-1}{x-1} = 1`.

SymPy cancels :math:`(x-1)/(x-1)` and :math:`x^2/x` as it builds them, so the reading is an identity
whatever :math:`x` is; but at the post's :math:`x = 1` the left side is 0/0, no value. The reader keeps
what each side divides by as written (:attr:`~derivations.latex.reader.Parsed.divisors`); a divisor
that vanishes at the values the post states (in the prose, a lone statement, a definition, or the
row's own condition ``\text{for } x = 1``) leaves the step undecided. In a diffusion post,
:math:`\bar\alpha_0 = 1` unless the post says otherwise: Ho et al.'s (2020) product from 1 to 0 is empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy as sp

from derivations.latex.reader import Parsed

if TYPE_CHECKING:
    from derivations.lint.context import Post


def stated_values(post: Post, line: int, condition: str = "") -> dict[sp.Symbol, sp.Expr]:
    """The names the post sets to a constant before ``line`` (and the row's condition ``x = 1``), by symbol."""
    values: dict[sp.Symbol, sp.Expr] = dict(post.plain_values)
    values |= {d.head: d.value for d in post.definitions.values()
               if d.line < line and isinstance(d.head, sp.Symbol) and not d.value.free_symbols}
    at = post.read_values(condition) if condition and "=" in condition else None
    return values | {name: value for name, value in (at or {}).items() if not value.free_symbols}


def zero_divisor(post: Post, sides: tuple[Parsed, ...], line: int, condition: str = "") -> str:
    """Why the step divides by zero at a stated value ("" if it does not)."""
    by_name = {str(name): value for name, value in stated_values(post, line, condition).items()}
    if post.scope.diffusion:  # Ho's alpha-bar_t = prod_{s=1}^t alpha_s: alpha-bar_0 is the empty product
        by_name.setdefault("alphabar_0", sp.S.One)
    for side in sides:
        for divisor in side.divisors:
            at = {s: by_name[s.name] for s in divisor.free_symbols if s.name in by_name}
            value = divisor.xreplace(at)
            if at and (value.is_zero or (not value.free_symbols and value.is_zero is not False)):
                names = ", ".join(f"{s} = {sp.sstr(v)}" for s, v in sorted(at.items(), key=lambda i: str(i[0])))
                return (f"the side divides by {sp.sstr(divisor)}, which is 0 (or not known to be nonzero) where the "
                        f"post sets {names}: no value there")
    return ""
