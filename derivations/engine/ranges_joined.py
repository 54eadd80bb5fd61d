r"""The variables of a joint density with a range laid end to end: :math:`(x_0, x_{1:T})` is :math:`x_{0:T}`.

Posts write one joint both ways (:math:`p(x_{0:T}) = p(x_0 \mid x_{1:T})\, p(x_{1:T})`, Ho et al. (2020),
eq. (1)-(2)). A range :math:`x_{a:b}` is the variables :math:`x_a, \dots, x_b`; two pieces of one letter
join when the second starts right after the first ends: an end ``k`` (a whole number) is followed by ``k+1``,
an end ``n-1`` by ``n``, an end ``n`` by ``n+1``. Joining is notation only, so :func:`joined` is an identity
of the variables.
"""

from __future__ import annotations

import re

import sympy as sp

#: A variable ``x_a`` or ``x_a:b``: its letter, its first index and its last.
_PIECE = re.compile(r"(?P<base>[^_:]+)_(?P<start>[^:]+?)(?::(?P<end>.+))?")


def joined(variables: set[sp.Basic]) -> set[sp.Basic]:
    """``variables`` with every two pieces of one letter that meet replaced by the range they make."""
    pieces = {v for v in variables if isinstance(v, sp.Symbol) and _PIECE.fullmatch(v.name)}
    rest, changed = set(variables), True
    while changed:
        changed = False
        for first in sorted(pieces, key=sp.default_sort_key):
            second = next((p for p in sorted(pieces, key=sp.default_sort_key) if p != first and _meet(first, p)),
                          None)
            if second is None or first.assumptions0 != second.assumptions0:
                continue
            whole = sp.Symbol(f"{_part(first, 'base')}_{_part(first, 'start')}:{_end(second)}", **first.assumptions0)
            pieces, rest = (pieces - {first, second}) | {whole}, (rest - {first, second}) | {whole}
            changed = True
            break
    return rest


def _part(symbol: sp.Symbol, group: str) -> str:
    return _PIECE.fullmatch(symbol.name).group(group)


def _end(symbol: sp.Symbol) -> str:
    return _part(symbol, "end") or _part(symbol, "start")


def _ascending(symbol: sp.Symbol) -> bool:
    """Does a range run upwards as written (``x_{1:T}``, ``x_{t:T}``, ``x_{1:t-1}``), not down (``x_{T:t}``)? A
    range that starts at a whole number or a small letter and ends at a larger number, a capital or the same letter
    (``t-1``), or a single variable."""
    start, end = _part(symbol, "start"), _part(symbol, "end")
    if end is None:
        return True
    if start.isdigit():
        return not end.isdigit() or int(end) >= int(start)
    return start[:1].islower() and (end[:1].isupper() or end[:1] == start[:1])


def _meet(first: sp.Symbol, second: sp.Symbol) -> bool:
    """Does ``second`` start right after ``first`` ends, in one letter?"""
    if _part(first, "base") != _part(second, "base") or not (_ascending(first) and _ascending(second)):
        return False
    end, start = _end(first), _part(second, "start")
    if end.isdigit():
        return start == str(int(end) + 1)
    return end == f"{start}-1" or start == f"{end}+1"


def rest_of(whole: sp.Symbol, piece: sp.Symbol) -> sp.Symbol | None:
    """The variables of ``whole`` before ``piece`` when ``piece`` ends it: ``x_0`` for ``x_{0:T}`` and ``x_{1:T}``,
    ``x_{0:1}`` for ``x_{0:T}`` and ``x_{2:T}``. None otherwise, and when ``piece`` starts at a letter: ``x_{t:T}``
    may start at the first index of ``whole`` (t = 1 in ``x_{1:T}``), leaving no variables."""
    if not all(isinstance(v, sp.Symbol) and _PIECE.fullmatch(v.name) for v in (whole, piece)):
        return None
    if _part(whole, "end") is None or _end(whole) != _end(piece) or _part(whole, "base") != _part(piece, "base"):
        return None
    start, first = _part(whole, "start"), _part(piece, "start")
    if not (start.isdigit() and first.isdigit() and int(first) > int(start)):
        return None
    before = str(int(first) - 1)
    name = f"{_part(whole, 'base')}_{start}" + ("" if before == start else f":{before}")
    rest = sp.Symbol(name, **whole.assumptions0)
    return rest if whole.assumptions0 == piece.assumptions0 and joined({rest, piece}) == {whole} else None
