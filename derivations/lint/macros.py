r"""A post's own LaTeX macros (``\newcommand{\bx}{\mathbf{x}}``), expanded before a row is read.

Posts and course notes define shorthands once (``\bz``, ``\KL[2]``) and use them everywhere;
MathJax and KaTeX expand them, so the linter does too. Only plain macro definitions are
read: ``\newcommand``, ``\renewcommand`` and ``\def`` with at most nine arguments written
``#1``...``#9``. Expansion is bounded (a macro that expands into itself leaves the row as it was,
and the row is then unread for the name it cannot read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from derivations.latex.names import NameError_, argument, group_end
from derivations.lint.extract import without_code

_DEFINITION = re.compile(r"\\(?:re)?newcommand\*?\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*(?:\[(\d)\])?\s*\{"
                         r"|\\def\s*\\([A-Za-z]+)\s*((?:#\d)*)\s*\{")
#: At most this many expansions per row, and a row at most this many times longer than written.
MAX_EXPANSIONS, MAX_GROWTH = 200, 20


@dataclass(frozen=True)
class Macro:
    arguments: int
    body: str


@dataclass(frozen=True)
class Macros:
    """The macros of a post, each with the line it is defined on, in the order of the post."""

    definitions: tuple[tuple[int, str, Macro], ...] = ()

    def at(self, line: int) -> dict[str, Macro]:
        """The macros in force on ``line``: each name's last definition on or before it (MathJax reads in order)."""
        return {name: macro for defined, name, macro in self.definitions if defined <= line}


def macros(text: str) -> Macros:
    """The macros ``text`` defines where a renderer sees them (not in code, not in an HTML comment)."""
    visible = _rendered(text)
    found = []
    for match in _DEFINITION.finditer(visible):
        name = match.group(1) or match.group(2) or match.group(4)
        count = int(match.group(3) or 0) if match.group(4) is None else len(match.group(5) or "") // 2
        end = group_end(visible, match.end() - 1)
        if end > 0:
            found.append((visible.count("\n", 0, match.start()) + 1, name, Macro(count, visible[match.end():end - 1])))
    return Macros(tuple(found))


def _rendered(text: str) -> str:
    """``text`` with code (fenced, inline) and HTML comments blanked, line breaks kept."""
    return without_code(re.sub(r"<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.DOTALL))


#: mathtools' colon-equals, as the linter spells them: ``\coloneq`` and ``\coloneqq`` are ``:=``.
_COLON_EQUALS = ((re.compile(r"\\coloneqq?(?![A-Za-z])"), ":="), (re.compile(r"\\eqq?colon(?![A-Za-z])"), "=:"))


def expand(tex: str, defined: dict[str, Macro]) -> str:
    """``tex`` with the macros expanded (as written, if an expansion does not end within the bounds)."""
    for spelling, plain in _COLON_EQUALS:
        tex = spelling.sub(plain, tex)
    if not defined:
        return tex
    pattern = re.compile(r"\\(" + "|".join(sorted(map(re.escape, defined), key=len, reverse=True)) + r")(?![A-Za-z])")
    out = tex
    for _ in range(MAX_EXPANSIONS):
        match = pattern.search(out)
        if match is None:
            return out
        macro, end = defined[match.group(1)], match.end()
        values = []
        try:
            for _ in range(macro.arguments):
                value, end = argument(out, end)
                values.append(value)
        except NameError_:
            return tex
        body = _filled(macro.body, values)
        glue = " " if re.search(r"\\[A-Za-z]+$", body) and out[end:end + 1].isalpha() else ""
        out = out[:match.start()] + body + glue + out[end:]
        if len(out) > MAX_GROWTH * max(len(tex), 50):
            return tex
    return tex


def _filled(body: str, values: list[str]) -> str:
    """``body`` with ``#1``...``#9`` replaced by the arguments."""
    return re.sub(r"#(\d)", lambda m: values[int(m.group(1)) - 1] if int(m.group(1)) <= len(values) else "", body)
