r"""A step that has no value at what the post states: ``Let $x = 1$``, then :math:`\frac{x-1}{x-1} = 1`.

SymPy cancels :math:`(x-1)/(x-1)` and :math:`x^2/x` as it builds them, and turns :math:`e^{\log u}`
into :math:`u`, so the reading is an identity whatever :math:`x` is; but at the post's :math:`x = 1`
the left side is 0/0, no value. The reader keeps what each side must not let vanish as written
(:attr:`~derivations.latex.reader.Parsed.divisors`: what it divides by, a logarithm's argument, the
cosine under a tangent). The post's equations (in the prose, lone rows, definitions: ``y = x - 1``,
``2x = 2``, ``a = b``), the row's own values (``\text{at } x = 1``, ``, \quad x = 1``) and, in a
diffusion post, Ho et al.'s empty product :math:`\bar\alpha_0 = 1` are substituted into each divisor:
one that becomes 0 (or a number not provably nonzero), or a side that becomes undefined, leaves the
step undecided. Equations are taken wherever the post states them, even where it only supposes
them: that only leaves more steps undecided.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import sympy as sp

from derivations.latex.reader import Parsed
from derivations.lint.steps import top_level_split

if TYPE_CHECKING:
    from derivations.lint.context import Post

#: ``x = 1``, ``\theta = \pi/2`` beside its step where no separator sets it off (``\overset{\text{at } x=1}{=}``).
_A_VALUE = re.compile(r"(?<![A-Za-z\\{}_^])(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*=\s*(-?\s*(?:\d+(?:\.\d+)?|\\pi)"
                      r"(?:\s*/\s*\d+)?)(?![\d.A-Za-z])")
#: What separates the values written beside a step from it and from each other.
_BESIDE = re.compile(r"\\q?quad|\\(?:text|mbox|mathrm)\s*\{[^{}]*\}|[,;&$\n]|\\\\")
#: How often substitution is repeated (a chain y = x - 1, x = a, a = 1).
_ROUNDS = 5


def zero_divisor(post: Post, sides: tuple[Parsed, ...], line: int, condition: str = "", source: str = "") -> str:
    """Why the step has no value at what the post states ("" if it has one there)."""
    rules = _rules(post, line, condition, source)
    for side in sides:
        for divisor in side.divisors:
            divisor = post.substituted((divisor,), line, passing=True)[0]  # sigma_0 = sqrt(1 - alphabar_0)
            value = _at(divisor, rules) if rules else None
            value = divisor if value is None and divisor.is_number else value  # g(0), g(u) = u^2/u: 0/0
            if value is not None and (value.is_zero or (not value.free_symbols and value.is_zero is not False)):
                return (f"the side divides by (or takes the logarithm of) {sp.sstr(divisor)}, which is 0 at what the "
                        "post states: no value there")
        value = _at(side.expr, rules) if side.expr is not None else None
        if value is not None and value.has(sp.nan, sp.zoo):
            return f"the side {sp.sstr(side.expr)} has no value at what the post states"
    return ""


def _rules(post: Post, line: int, condition: str, source: str) -> dict[sp.Symbol, sp.Expr]:
    """Each stated name and its value: from the post's equations, its definitions and the row's own values."""
    rules: dict[sp.Symbol, sp.Expr] = dict(post.plain_values)
    rules |= {d.head: d.value for d in post.definitions.values() if d.line < line and isinstance(d.head, sp.Symbol)}
    pairs = list(post.equations) + [(m.group(1), m.group(2)) for m in _A_VALUE.finditer(f"{condition} {source}")]
    for piece in _BESIDE.split(f"{condition}\n{source}"):  # x = 2\pi, \bar\alpha_T = 1: any value beside a step
        if piece.count("=") == 1 and not re.search(r"[<>!:]=|=[<>]|\\(?:le|ge|ne)", piece):
            pairs.append(tuple(part.strip() for part in piece.split("=")))
    pairs += [pair for left, right in list(pairs) for pair in _tuples(left, right)]  # (x, y) = (1, 2)
    for pair in pairs:
        if pair not in post.solved:
            post.solved[pair] = _solved(post.read(pair[0]).expr, post.read(pair[1]).expr)
        rules |= post.solved[pair]
    if post.scope.diffusion:  # Ho's alpha-bar_t = prod_{s=1}^t alpha_s: alpha-bar_0 is the empty product
        rules.setdefault(sp.Symbol("alphabar_0", positive=True), sp.S.One)
    for head, value in list(rules.items()):  # sigma_t = sqrt(1 - alphabar_t) holds at t = 0 too: sigma_0
        if isinstance(head, sp.Symbol) and head.name.endswith("_t"):
            rules.setdefault(sp.Symbol(head.name[:-1] + "0"), _at_step(value, 0))
    return rules


def _solved(left: sp.Expr | None, right: sp.Expr | None) -> dict[sp.Symbol, sp.Expr]:
    """``y = x - 1`` -> {y: x - 1}; ``2x = 2``, ``x - 1 = 0`` -> {x: 1} (one name, one root); else nothing."""
    try:
        return _solving(left, right)
    except Exception:  # noqa: BLE001 - an equation SymPy cannot take apart (matrices beside scalars) says nothing
        return {}


def _solving(left: sp.Expr | None, right: sp.Expr | None) -> dict[sp.Symbol, sp.Expr]:
    if left is None or right is None or not isinstance(left, sp.Expr) or not isinstance(right, sp.Expr):
        return {}
    for name, value in ((left, right), (right, left)):
        if isinstance(name, sp.Symbol) and name not in value.free_symbols:
            return {name: value}
        if isinstance(name, sp.Pow) and isinstance(name.base, sp.Symbol) and name.base.is_positive and (
                name.exp.is_Integer and name.exp > 0 and name.base not in value.free_symbols):  # sigma_t^2 = ...
            return {name.base: value ** sp.Rational(1, int(name.exp))}
    names = (left - right).free_symbols
    if len(names) != 1:
        return {}
    name = next(iter(names))
    roots = sp.solve(left - right, name)
    return {name: roots[0]} if len(roots) == 1 else {}


def _at(expr: sp.Expr, rules: dict[sp.Symbol, sp.Expr]) -> sp.Expr | None:
    """``expr`` with the stated values put in (by name: a reading's symbol may differ in its assumptions)."""
    by_name = {str(name): value for name, value in rules.items()}
    changed = False
    if getattr(by_name.get("t"), "is_Integer", False):  # t = 1: alphabar_{t-1} is alphabar_0
        expr, changed = _at_step(expr, int(by_name["t"])), True
    for _ in range(_ROUNDS):
        mapping = {s: by_name[s.name] for s in expr.free_symbols if isinstance(s, sp.Symbol) and s.name in by_name
                   and by_name[s.name] != s}
        if not mapping:
            break
        try:
            expr, changed = expr.xreplace(mapping), True
        except (TypeError, ValueError, AttributeError):
            return None
    return _summed_out(expr) if changed else None


def _summed_out(expr: sp.Expr) -> sp.Expr:
    """Sums and products over ranges now concrete, done: prod_{s=1}^{0} is the empty product, 1."""
    return expr.replace(lambda node: isinstance(node, sp.Sum | sp.Product) and all(
        low.is_Integer and high.is_Integer and high - low < 200 for _, low, high in node.limits),
        lambda node: node.doit())


def _at_step(expr: sp.Expr, t: int) -> sp.Expr:
    """``expr`` at the step ``t``: t itself, and the names indexed by it (``alphabar_t``, ``alphabar_t-1``)."""
    renamed: dict[sp.Basic, sp.Basic] = {}
    for symbol in expr.free_symbols:
        found = re.fullmatch(r"(.+)_t([+-]\d+)?", symbol.name) if isinstance(symbol, sp.Symbol) else None
        if found:
            renamed[symbol] = sp.Symbol(f"{found.group(1)}_{t + int(found.group(2) or 0)}", **symbol.assumptions0)
        elif isinstance(symbol, sp.Symbol) and symbol.name == "t":
            renamed[symbol] = sp.Integer(t)
    return _summed_out(expr.xreplace(renamed))


def _tuples(left: str, right: str) -> list[tuple[str, str]]:
    """``(x, y) = (1, 2)`` -> [("x", "1"), ("y", "2")]; nothing for anything else."""
    parts = []
    for side in (left.strip(), right.strip()):
        if not (side.startswith("(") and side.endswith(")")):
            return []
        parts.append([piece for _, piece in top_level_split(side[1:-1], re.compile(","))])
    return list(zip(parts[0], parts[1], strict=True)) if len(parts[0]) == len(parts[1]) > 1 else []

