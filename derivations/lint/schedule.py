r"""The diffusion schedule of Ho et al. (2020): its relations, and whether a post's definitions keep them.

Ho et al. (2020), sec. 2 and eq. (4): :math:`\alpha_t = 1 - \beta_t` and :math:`\bar\alpha_t =
\prod_{s=1}^{t}\alpha_s`, so :math:`\bar\alpha_t = \alpha_t\bar\alpha_{t-1}`. A post may use the letters
otherwise (:math:`\beta_t = 1 - \alpha_t^2`, a signal scale; :math:`\alpha_t` for DDIM's cumulative
product): then the relations are not its, and the linter uses none of them (:func:`hos_schedule`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

import sympy as sp


def family_of(symbol: sp.Basic) -> str:
    """``beta_t-1`` -> ``beta``; ``alphabar_t`` -> ``alphabar``; an indexed base ``beta`` -> ``beta``.

    Only a plain index (a letter or number, ``t-1``) makes a family: ``alpha_t|s`` is a name of its own.
    """
    base, _, sub = str(symbol).partition("[")[0].partition("_")
    return base if not sub or re.fullmatch(r"(?:[A-Za-z]|\d+)(?:[-+]\d+)?", sub) else str(symbol)


def hos_schedule(definitions: Mapping[sp.Basic, object]) -> bool:
    r"""Does every definition of a schedule letter (``definitions``: head -> Definition) state Ho et al.'s
    relation? :math:`\alpha_k = 1 - \beta_k`, :math:`\beta_k = 1 - \alpha_k`, :math:`\bar\alpha_k =
    \prod_{s=1}^{k}\alpha_s` or :math:`\alpha_k\bar\alpha_{k-1}`; any other relation of the letters breaks
    them. A value free of them (:math:`\bar\alpha_t = f(t)/f(0)`, a cosine schedule) is a choice of schedule."""
    own: dict[str, dict[str, sp.Expr]] = {}  # index -> family -> a value of its own (free of the letters)
    for head, definition in definitions.items():
        value = definition.value
        if not isinstance(head, sp.Symbol):
            if any(_letter(s) for s in head.free_symbols):
                return False  # alpha_t^2 = 1 - beta_t
            continue
        family, _, index = head.name.partition("_")
        if not _letter(head) or not index:
            continue
        letters = {s for s in value.free_symbols if _letter(s)} | _indexed_letters(value)
        if letters and not _hos(family, index, value):
            return False
        if not letters:  # a value of its own (a cosine schedule's alpha-bar, a linear beta)
            own.setdefault(index, {})[family] = value
    return all(_values_agree(values) for values in own.values())


_LETTERS = ("alpha", "alphabar", "beta")
#: Where a statement of the prose ends: a comma, a semicolon, \quad, words (``\text{ where }``).
_SEPARATORS = re.compile(r"(?<!\\),|;|\\q?quad(?![A-Za-z])|\\text\s*\{[^{}]*\}|\\mathrm\s*\{[^{}]*\}")
#: A letter set in braces before its subscript, ``{\bar\alpha}_t``: the same letter.
_BRACED_LETTER = re.compile(r"\{\s*(\\bar\s*\{?\s*\\alpha\s*\}?|\\overline\s*\{\s*\\alpha\s*\}|\\alpha|\\beta)\s*\}"
                            r"(?=\s*_)")
#: A defining relation or an equality (``:=``, ``\gets``, ``\mathrel{:=}``, ``\stackrel{def}{=}``, ``=``).
_RELATION = re.compile(r"\\coloneqq|\\eqqcolon|=:|:=|\\triangleq|\\equiv|\\doteq|\\gets|\\leftarrow"
                       r"|\\mathrel\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)?\}\s*=?|\\(?:stackrel|overset)\s*\{[^{}]*\}\s*\{=\}"
                       r"|(?<![<>!\\])=")


def stated_otherwise(prose: Iterable[str], lone_rows: Iterable[tuple[str, str]],
                     read: Callable[[str], sp.Expr | None]) -> bool:
    r"""Does the post state the schedule letters otherwise than Ho et al. (anywhere: before a step or after it)?

    ``prose``: the math of the prose (every relation of it among the letters must hold under Ho's: ``where
    $\alpha_t := \sqrt{1 - \beta_t}$`` does not); ``lone_rows``: a display's rows ``head = value`` (a statement of a
    letter, on either side, must be Ho's). Then none of Ho's relations is used. A side the reader cannot read
    says nothing here (a product written ``\Pi_{i=1}^t``)."""
    if any(_breaks(read(left), read(right), general=True) for left, right in _relations(prose)):
        return True
    return any(_breaks(read(head), read(value), general=False) for head, value in lone_rows)


#: Ho's relation said in words: "substitute $\beta$ with $1-\alpha$" (source 000).
_IN_WORDS = re.compile(r"\$\s*\\beta(?:_\{?t\}?)?\s*\$\s*(?:with|by)\s*\$\s*1\s*-\s*\\alpha(?:_\{?t\}?)?\s*\.?\s*\$"
                       r"|\$\s*\\alpha(?:_\{?t\}?)?\s*\$\s*(?:with|by)\s*\$\s*1\s*-\s*\\beta(?:_\{?t\}?)?\s*\.?\s*\$")
#: Ho's alpha-bar with a capital Pi for the product (the reader does not read it as one): evidence, not a value.
_PI_PRODUCT = re.compile(r"\\bar\s*\{?\s*\\alpha\s*\}?_\{?t\}?\s*=\s*(?:\\displaystyle\s*)?"
                         r"\\Pi\s*_\{?\s*([a-z])\s*=\s*1\s*\}?\s*\^\{?\s*t\s*\}?\s*\\alpha_\{?\1\}?(?![A-Za-z0-9])")


def states_hos(prose: Iterable[str], lone_rows: Iterable[tuple[str, str]], read: Callable[[str], sp.Expr | None],
               text: str) -> bool:
    r"""Does the post (``text``) state each of Ho et al.'s relations it has letters for? :math:`\alpha_k = 1 -
    \beta_k` (or the other way) if it writes a beta; :math:`\bar\alpha_k = \prod_{s=1}^{k}\alpha_s` (or
    :math:`\alpha_k\bar\alpha_{k-1}`) if it writes an alpha-bar. Only then are they used: a post may define its
    letters in words, a table or code the linter does not read (:math:`\alpha_t = \sqrt{1 - \beta_t}`)."""
    found = set()
    for left, right in [*lone_rows, *_relations(prose)]:
        for head, value in ((read(left), read(right)), (read(right), read(left))):
            if isinstance(head, sp.Symbol) and _letter(head) and isinstance(value, sp.Expr) and not value.is_Matrix:
                family, _, index = head.name.partition("_")
                if _hos(family, index, value):
                    found.add("alphabar" if family == "alphabar" else "beta")
    found |= {"beta"} if _IN_WORDS.search(text) else set()
    found |= {"alphabar"} if _PI_PRODUCT.search(text) else set()
    needed = {"beta"} if re.search(r"\\beta(?![A-Za-z])", text) else set()
    needed |= {"alphabar"} if re.search(r"\\(?:bar|overline)\s*\{?\s*\\alpha|\\alphabar", text) else set()
    return needed <= found


def _relations(prose: Iterable[str]) -> list[tuple[str, str]]:
    """The (left, right) sides of every relation in the prose's math, cut at words, commas and ``\\quad``."""
    from derivations.lint.steps import top_level_split

    pairs = []
    for span in prose:
        for piece in _SEPARATORS.split(_BRACED_LETTER.sub(r"\1", span)):
            piece = piece.strip()
            piece = piece[1:-1] if piece.startswith("(") and piece.endswith(")") else piece  # (\alpha_t := 1-\beta_t)
            sides = [side for _, side in top_level_split(piece, _RELATION)]
            pairs += list(zip(sides, sides[1:]))
    return pairs


def _breaks(left: sp.Expr | None, right: sp.Expr | None, *, general: bool) -> bool:
    r"""Does ``left = right``, a relation among the schedule letters only, break Ho's? (Either side may be the
    letter it states; an identity under Ho's relations, or a special index, ``\bar\alpha_1 = \alpha_1``, keeps them.)"""
    if not (isinstance(left, sp.Expr) and isinstance(right, sp.Expr)) or left.is_Matrix or right.is_Matrix:
        return False  # unread, or a matrix: no statement of the schedule
    if left.atoms(sp.MatrixSymbol) or right.atoms(sp.MatrixSymbol):
        return False
    indexed = _indexed_letters(left) | _indexed_letters(right)
    labels = {i.base.label for side in (left, right) for i in side.atoms(sp.Indexed)}
    names = {s for s in left.free_symbols | right.free_symbols if isinstance(s, sp.Symbol) and s not in labels}
    letters = {s for s in names if _letter(s)}
    if not (letters or indexed) or any(not (_letter(s) or s.is_integer or len(s.name) == 1) for s in names):
        return False  # mu = sqrt(1 - beta_t) x: a statement of another name
    if any(s.name.partition("_")[2].isdigit() or "=" in s.name for s in letters):
        return False
    if not all(side.free_symbols & letters or _indexed_letters(side) for side in (left, right)) and (
            len(letters) + len(indexed) == 1):
        return False  # beta_t = 0.608, -log(1 - alphabar_T)/2 = 2e-5: a value of its own, not a relation
    try:
        if sp.cancel(sp.expand(sp.Add(*schedule_relations((left, -right))))) == 0:
            return False
    except (TypeError, ValueError, sp.PolynomialError):
        return True
    for head, value in ((left, right), (right, left)):
        if isinstance(head, sp.Symbol) and _letter(head):
            family, _, index = head.name.partition("_")
            return not _hos(family, index, value)
    return general


def _letter(symbol: sp.Basic) -> bool:
    """A schedule letter with any index (``alpha_t``, ``beta_tau``, ``alphabar_2t``): the relations rewrite all."""
    return str(symbol).partition("_")[0] in _LETTERS and "_" in str(symbol)


def _values_agree(values: dict[str, sp.Expr]) -> bool:
    """Values of their own for one index: alpha and beta must add to 1; alpha-bar beside either is not checked."""
    if "alphabar" in values:
        return len(values) == 1
    return len(values) == 1 or sp.simplify(values["alpha"] + values["beta"] - 1) == 0


def _hos(family: str, index: str, value: sp.Expr) -> bool:
    names = {s.name: s for s in value.free_symbols}
    if family in ("alpha", "beta"):
        other = names.get(("beta_" if family == "alpha" else "alpha_") + index)
        return other is not None and set(names) == {other.name} and sp.expand(value - (1 - other)) == 0
    if isinstance(value, sp.Product) and len(value.limits) == 1:  # alphabar_k = prod_{s=1}^{k} alpha_s
        s, low, high = value.limits[0]
        term = value.function
        return (low == 1 and str(high).replace(" ", "") == index and isinstance(term, sp.Indexed)
                and str(term.base.label) == "alpha" and term.indices == (s,))
    earlier = _earlier(index)  # alphabar_k = alpha_k alphabar_{k-1}
    return earlier is not None and set(names) == {f"alpha_{index}", f"alphabar_{earlier}"} and sp.expand(
        value - names[f"alpha_{index}"] * names[f"alphabar_{earlier}"]) == 0


def schedule_relations(sides: tuple[sp.Expr, ...]) -> tuple[sp.Expr, ...]:
    r"""``\alpha_k -> 1 - \beta_k`` where ``\beta_k`` also occurs, and ``\bar\alpha_t -> \alpha_t\bar\alpha_{t-1}``.

    Ho et al. (2020), sec. 2 and eq. (4): :math:`\alpha_t = 1 - \beta_t`,
    :math:`\bar\alpha_t = \prod_{s=1}^{t}\alpha_s`, so :math:`\bar\alpha_t = \alpha_t\bar\alpha_{t-1}`.
    Each rewrite is an identity of the schedule, applied once, for the indices that occur in
    any of the ``sides``, to all of them.
    """
    symbols = {s.name: s for side in sides for s in side.free_symbols}
    mapping: dict[sp.Symbol, sp.Expr] = {}
    for name, symbol in symbols.items():
        found = re.fullmatch(r"alphabar_(.+)", name)
        if found:
            earlier = _earlier(found.group(1))
            if earlier is not None and f"alphabar_{earlier}" in symbols:
                alpha = symbols.get(f"alpha_{found.group(1)}", sp.Symbol(f"alpha_{found.group(1)}", positive=True))
                mapping[symbol] = alpha * symbols[f"alphabar_{earlier}"]
    sides = tuple(side.xreplace(mapping) for side in sides)
    symbols = {s.name: s for side in sides for s in side.free_symbols}
    betas = {name[len("beta_"):]: s for name, s in symbols.items() if name.startswith("beta_")}
    alphas = {s: 1 - betas[name[len("alpha_"):]] for name, s in symbols.items()
              if name.startswith("alpha_") and name[len("alpha_"):] in betas}
    return tuple(side.xreplace(alphas) for side in sides)


def _earlier(index: str) -> str | None:
    """``t`` -> ``t-1``, ``t-1`` -> ``t-2``; a number or another index -> None."""
    found = re.fullmatch(r"([A-Za-z])(?:-(\d+))?", index)
    if found is None:
        return None
    return f"{found.group(1)}-{int(found.group(2) or 0) + 1}"


def _indexed_letters(expr: sp.Expr) -> set[sp.Indexed]:
    return {i for i in expr.atoms(sp.Indexed) if str(i.base.label) in _LETTERS}
