r"""Which names a relation of a post mentions, and which of them carry a convention (lint.conventions).

A name is mentioned wherever one starts, read or not (``\mathrel{=}`` too), even in a subscript
(``\sigma_{z_1} = 2`` says that the noise ``z_1`` is not standard). The one exception is the horizon
``T`` of a diffusion chain in the subscript of another name: ``\mathbf{x}_T \sim \mathcal{N}(\mathbf{0},
\mathbf{I})`` gives a law to :math:`\mathbf{x}_T`, the last step, and says nothing of the number of
steps. A subscript that holds a relation of its own (``f_{T=0}``) is scanned like the rest.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import sympy as sp

from derivations.latex.names import read_name
from derivations.latex.scope import HORIZON

if TYPE_CHECKING:
    from derivations.lint.context import Post

#: A power that ends a side: ``\sigma_t^2`` names the square of ``\sigma_t``.
POWER = re.compile(r"\^\s*(?:\{\s*(?P<braced>\d+)\s*\}|(?P<bare>\d))\s*$")
_NAME_START = re.compile(r"(?<![A-Za-z\\])(?:\\[A-Za-z]+|[A-Za-z])")
_RELATION_INSIDE = re.compile(r"[=<>]|\\(?:le|ge|leq|geq|ne|neq|in)(?![A-Za-z])")


def squeezed(text: str) -> str:
    """``text`` without spaces of any width, styles, empty delimiters and the braces around all of it (``{T}``,
    ``\\ T``, ``\\quad T``, ``\\left. T \\right.``): the form names are compared in."""
    text = re.sub(r"\s+|~|&|\\[,;:! ]|\\q?quad(?![A-Za-z])|\\(?:display|text|script)style|\\left\.|\\right\.", "",
                  text)
    text = re.sub(r"^\\text\{[^{}]*\}:?", "", text).replace("{}", "")  # \text{where } \sigma, {}T: the name
    while text.startswith("{") and text.endswith("}") and balanced(text[1:-1]):
        text = text[1:-1]
    return text


def balanced(text: str) -> bool:
    """Do the braces of ``text`` pair up, never closing before they open?"""
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def bare_name(post: Post, text: str) -> sp.Symbol | None:
    r"""The name ``text`` is, alone or squared (``\sigma``, ``\sigma_t^2``); else None."""
    text = squeezed(text)
    power = POWER.search(text)
    if power is not None:
        text = text[: power.start()]
    found = read_name(text, 0)
    if found is None or found[1] != len(text):
        return None
    symbol = post.read(text).expr
    return symbol if isinstance(symbol, sp.Symbol) else None


def mentioned_names(post: Post, text: str) -> set[sp.Symbol]:
    """The names ``text`` mentions, read or not, outside the subscripts of other names."""
    parsed = post.read(text)
    found = set(parsed.expr.free_symbols) if parsed.expr is not None else set()
    found |= {post.scope.symbol(name) for name in parsed.names}
    text = text.replace(r"\_", "_")
    inside = _label_subscripts(text) if post.scope.horizon else []
    for start in (m.start() for m in _NAME_START.finditer(text)):
        try:
            name = read_name(text, start)
        except ValueError:  # an unknown command or an open group: no name here
            continue
        if name is None:
            continue
        symbol = post.scope.symbol(name[0])
        if not (symbol == HORIZON and any(begin <= start < end for begin, end in inside)):
            found.add(symbol)
    return {s for s in found if isinstance(s, sp.Symbol)}


def conventional_names(post: Post, text: str) -> set[sp.Symbol]:
    """The names of ``text`` that a convention makes positive, below 1, or standard normal."""
    return {s for s in mentioned_names(post, text) if is_conventional(post, s)}


def is_conventional(post: Post, symbol: sp.Symbol) -> bool:
    return bool(symbol.is_positive) or symbol.name in post.normals


def _label_subscripts(text: str) -> list[tuple[int, int]]:
    """The spans of the subscripts in ``text`` (``_T``, ``_{t-1}``, ``_\\sigma``) that hold no relation."""
    spans = []
    for match in re.finditer(r"(?<!\\)_", text):
        start = match.end()
        while start < len(text) and text[start] == " ":
            start += 1
        end = _group_end(text, start)
        if end is not None and not _RELATION_INSIDE.search(text[start:end]):
            spans.append((start, end))
    return spans


def _group_end(text: str, start: int) -> int | None:
    """Where the script at ``start`` ends: a braced group, a command, or one character (None: none there)."""
    if start >= len(text):
        return None
    if text[start] == "{":
        depth = 0
        for index in range(start, len(text)):
            depth += {"{": 1, "}": -1}.get(text[index], 0) if text[index - 1] != "\\" else 0
            if depth == 0:
                return index + 1
        return None
    command = re.match(r"\\[A-Za-z]+", text[start:])
    return start + (command.end() if command else 1)
