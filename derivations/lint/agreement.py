r"""Does a value agree with a name's convention? Positive, or in (0, 1), on the convention's whole range.

Used by :mod:`~derivations.lint.conventions`. A value is judged with the post's definitions
substituted, each schedule letter (and a product of them) written as 1/(1 + w) with w > 0, a
variance :math:`\mathbb{E}[(x - \mu)^2]` as a positive name, and a time step t as a point of [1, T].
What the reader cannot read (``\\max(1, 2)``, ``\\binom{4}{2}``, a Unicode minus) never agrees.
"""

from __future__ import annotations

import re

import sympy as sp

from derivations.engine.probability import Expectation
from derivations.lint.context import Post
from derivations.lint.mentions import balanced


def agrees_as_read(post: Post, name: sp.Symbol, text: str, line: int) -> bool:
    """``name = text`` agrees with the convention; a value the reader cannot read never does."""
    written, text = text.strip(), cleaned(text)
    if re.fullmatch(VARIANCE, written):  # sigma^2 = Var_P(x), \mathbb{V}[X]: as written (cleaning drops \text)
        return True
    value = post.read(text).expr
    if value is None:  # \max(1, 2), \binom{4}{2}, a Unicode minus: what is not read may be any number
        return False
    return agrees(post, name, value, line)


#: A variance as posts write it: Var(x), Var_P(x), \operatorname{Var}[X], \mathbb{V}[X].
VARIANCE = (r"(?:\\(?:mathrm|operatorname|text)\{Var\}|\\mathbb\{?V\}?)(?:_\{?\w+\}?)?\s*"
             r"(?:\([^()]*\)|\[[^\[\]]*\])")


def unwrapped(source: str) -> str:
    """A row without its decorations: ``\\boxed{...}``, ``\\color{c}{...}``, ``\\mathrel{=}``, ``&``, ``\\text``."""
    text = re.sub(r"\\(?:boxed|mathrel|displaystyle)|\\color\{[^{}]*\}|\\left\.|\\right\.|\\[{}]|&|\\\\|\\q?quad"
                  r"|\\text\{[^{}]*\}|\\[,;!]|\\(?:begin|end)\{(?:array|aligned|gathered|split)\}(?:\{[a-z|]*\})?",
                  " ", source)
    while (inner := re.fullmatch(r"\s*\{(.*)\}\s*", text, re.DOTALL)) and balanced(inner.group(1)):
        text = inner.group(1)
    return re.sub(r"\{\s*([=<>])\s*\}", r"\1", text)


def cleaned(text: str) -> str:
    """A value without its annotations: ``-2 \\qquad (\\text{we take})``, ``-2 \\;\\;(\\ast)`` -> ``-2``."""
    return re.sub(r"\((?:\s|\\[A-Za-z]+|\*)*\)", " ", unwrapped(text)).strip()


def a_number(post: Post, text: str) -> bool:
    value = post.read(text).expr
    return value is not None and not value.free_symbols


def agrees(post: Post, name: sp.Symbol, value: sp.Expr | None, line: int) -> bool:
    """Does ``name = value`` (or its square) agree with the name's convention?"""
    if value is None:
        return False
    if name.name in post.normals:
        return True  # a declared normal stays one: equality there is in distribution (context)
    if value in (0, 1) and re.fullmatch(r"[A-Za-z]+_\d+", name.name) and post.scope.unit_symbols(name):
        return True  # \bar\alpha_0 = 1: the schedule's end
    if not positive(post, value, line) or (name.is_integer and value.is_integer is not True):
        return False  # the horizon T is a whole number of steps
    return not post.scope.unit_symbols(name) or positive(post, 1 - value, line) or a_unit_product(value)


def disagrees(post: Post, name: sp.Symbol, value: sp.Expr, line: int) -> bool:
    """Is ``value`` provably outside ``name``'s convention (at most 0; for a schedule letter, at least 1)?"""
    unit = bool(post.scope.unit_symbols(name))
    return value.is_zero is True or positive(post, -value, line) or (unit and (
        (value - 1).is_zero is True or positive(post, value - 1, line)))


def positive(post: Post, value: sp.Expr, line: int) -> bool:
    """Is ``value`` provably positive under the conventions, with the post's definitions substituted?

    Each schedule letter (and a product of them) is written as 1/(1 + w) with w > 0, and a time
    step t as a point of [1, T], its ends included: agreement is judged on the convention's whole
    range.
    """
    try:
        value = post.substituted((value,), line + 1, passing=True)[0]
        if sp.count_ops(value) > 200 or any(abs(n) > 10**4 for n in value.atoms(sp.Integer)):
            return False  # too large to judge within a fixed budget
        if value.has(sp.Integral):
            return False  # SymPy would judge its sign by quadrature, without a bound on the work
        return all(bool(sp.cancel(form).is_positive) for form in _convention_forms(post, value))
    except (TypeError, ValueError, sp.PolynomialError):
        return False


def _convention_forms(post: Post, value: sp.Expr) -> list[sp.Expr]:
    squares = {e: sp.Dummy(positive=True) for e in value.atoms(Expectation) if _a_real_square(e.args[0])}
    value = value.xreplace(squares)  # E[(x - mu)^2]: a variance, positive
    for product in sorted(value.atoms(sp.Product), key=sp.count_ops):
        if a_unit_product(product):
            value = value.xreplace({product: _unit()})
    value = value.xreplace({s: _unit() for s in _units(post, value)})
    steps = {s.name: s for s in value.free_symbols if s.name in ("t", "T")}
    last = 1 + sp.Dummy(nonnegative=True)  # T >= 1
    if "t" not in steps:
        return [value.xreplace({steps["T"]: last})] if "T" in steps else [value]
    w = sp.Dummy(nonnegative=True)
    if "T" not in steps:
        return [value.xreplace({steps["t"]: 1 + w})]
    at = {steps["T"]: last}  # t = 1 + (T - 1) p, with p in (0, 1] and in [0, 1): both ends
    return [value.xreplace({**at, steps["t"]: 1 + (last - 1) * p}) for p in (1 / (1 + w), w / (1 + w))]


def _a_real_square(expr: sp.Expr) -> bool:
    return isinstance(expr, sp.Pow) and expr.exp.is_even is True and expr.base.is_real is True


def _unit() -> sp.Expr:
    return 1 / (1 + sp.Dummy(positive=True))


def _units(post: Post, value: sp.Expr) -> set[sp.Expr]:
    found: set[sp.Expr] = set(post.scope.unit_symbols(value))
    found |= {term for term in value.atoms(sp.Indexed) if str(term.base.label).startswith(("alpha", "beta"))
              and post.scope.diffusion}
    return found


def a_unit_product(value: sp.Expr) -> bool:
    r"""``\prod_s \alpha_s`` or ``\prod_s (1 - \beta_s)``: a product of schedule letters, in (0, 1]."""
    if not isinstance(value, sp.Product):
        return False
    term, complement = value.function, sp.expand(1 - value.function)
    if isinstance(term, sp.Indexed) and str(term.base.label) == "alpha":
        return True
    return isinstance(complement, sp.Indexed) and str(complement.base.label) == "beta"
