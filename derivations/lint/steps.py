r"""Split a display block into rows, and each row into a head and its relations.

The rows of an aligned block (separated by ``\\``) form a chain:

* a row that starts with a relation (``&= ...``, ``&\propto ...``, ``&\approx ...``)
  continues from the previous row's right-hand side;
* a row that is a bare expression (``&- (B_1 + B_2) t^2 ...``) continues from the previous row;
* a row ``lhs &= rhs`` starts a chain at ``lhs`` (so the row is itself a step), unless
  ``lhs`` is a label (``g(x)``, ``(g_1 \star g_2)(x)``, a lone name): then it names the chain;
* a row with ``\implies`` is an implication between two equations;
* two equations on one row separated by ``\quad`` or ``\qquad`` are two separate rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from derivations.latex.normalize import normalise
from derivations.latex.parse import FUNCTION_LETTERS, GREEK

ENVIRONMENTS = ("align", "aligned", "equation", "split", "gather", "gathered", "multline", "eqnarray",
                "alignat")
_ENVIRONMENT = re.compile(r"\\(?:begin|end)\{(?:" + "|".join(ENVIRONMENTS) + r")\*?\}(?:\{\d+\})?")
_RELATION = re.compile(r"\\(?:propto|approx|simeq|sim|leq?|geq?|neq|equiv|coloneqq)(?![A-Za-z])|:=|=|<|>")
_IMPLIES = re.compile(r"\\(?:implies|Rightarrow|Longrightarrow|iff|Leftrightarrow)(?![A-Za-z])")
_QUAD = re.compile(r"\\q?quad(?![A-Za-z])")
_CALL_LABEL = re.compile(
    r"^(\\mathcal\{N\}|\\[A-Za-z]+(?:_\{[^{}]*\})?|[A-Za-z](?:_\{[^{}]*\})?)\s*\((.*)\)$"
)
_NAMES = re.compile(r"^\s*\\?[A-Za-z]+(?:_\{[^{}]*\})?(?:\s*,\s*\\?[A-Za-z]+(?:_\{[^{}]*\})?)*\s*$")
_OPERATOR_LABEL = re.compile(r"^\(.*\)\s*\([^()]*\)$")


@dataclass(frozen=True)
class Row:
    """One row of a block: its line, source text, head and relations."""

    line: int
    source: str
    head: str  # the text before the first relation ("" if the row begins with one)
    links: tuple[tuple[str, str], ...] = ()  # (relation, text) pairs after the head
    fresh: bool = False  # starts a new chain whatever came before
    implication: tuple[Row, Row] | None = None

    @property
    def continues(self) -> bool:
        return not self.head.strip() and bool(self.links)


def top_level_split(text: str, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """``text`` cut at matches of ``pattern`` outside braces and parentheses: [(separator, piece)]."""
    pieces, depth, start, separator, index = [], 0, 0, "", 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in "{}()":
            index += 2
            continue
        depth += {"{": 1, "(": 1, "}": -1, ")": -1}.get(char, 0)
        match = pattern.match(text, index) if depth == 0 else None
        if match is not None and match.end() > index:
            pieces.append((separator, text[start:index]))
            separator, start, index = match.group(0), match.end(), match.end()
            continue
        index += 1
    pieces.append((separator, text[start:]))
    return pieces


def split_rows(content: str, first_line: int) -> list[tuple[int, str]]:
    r"""The rows of a block (cut at top-level ``\\``), each with its 1-based line."""
    content = _ENVIRONMENT.sub(lambda m: " " * len(m.group(0)), content)
    rows, offset = [], 0
    for separator, piece in top_level_split(content, re.compile(r"\\\\")):
        offset += len(separator)
        stripped = piece.strip()
        if stripped:
            lead = offset + piece.index(stripped[0])
            rows.append((first_line + content.count("\n", 0, lead), stripped))
        offset += len(piece)
    return rows


def parse_rows(content: str, first_line: int) -> list[Row]:
    """The rows of a block, split into heads and relations."""
    rows = []
    for line, text in split_rows(content, first_line):
        pieces = [p for _, p in top_level_split(text, _QUAD)]
        if len(pieces) > 1 and all(_RELATION.search(p) for p in pieces):
            rows.extend(_row(line, p.strip(), fresh=True) for p in pieces)
        else:
            rows.append(_row(line, text, fresh=False))
    return rows


def _row(line: int, text: str, *, fresh: bool) -> Row:
    source = " ".join(text.split())
    sides = top_level_split(text, _IMPLIES)
    if len(sides) == 2:
        first, second = (_row(line, side, fresh=True) for _, side in sides)
        return Row(line, source, "", fresh=True, implication=(first, second))
    parts = top_level_split(text.replace("&", " "), _RELATION)
    head = parts[0][1].strip()
    links = tuple((relation, piece.strip()) for relation, piece in parts[1:])
    return Row(line, source, head, links, fresh)


def label_key(head: str) -> str | None:
    r"""The head as a label (``g(x)``, ``(g_1 \star g_2)(x)``), or None if it is an expression."""
    text = normalise(head)
    match = _CALL_LABEL.match(text)
    if match and _function_name(match.group(1)):
        if match.group(1)[0] in FUNCTION_LETTERS or _NAMES.match(match.group(2)):
            return "".join(text.split())
    if _OPERATOR_LABEL.match(text) and re.search(r"\\star|\\ast|\\circ|\*", text):
        return "".join(text.split())
    return None


def _function_name(name: str) -> bool:
    """A Latin letter or a Greek command (not \\exp, \\log, \\mathcal{N}) may name a function."""
    command = re.match(r"\\\\([A-Za-z]+)", name)
    return command is None or command.group(1) in GREEK


def call_label(head: str) -> tuple[str, list[str]] | None:
    """``g_1(t)`` -> (``g_1``, [``t``]): a function label and its argument texts."""
    match = _CALL_LABEL.match(normalise(head))
    if match is None or match.group(1).startswith(r"\mathcal"):
        return None
    return match.group(1), [a.strip() for a in match.group(2).split(",")]


def shift_index(text: str) -> str:
    """Every subscript ``t`` -> ``t-1`` and ``t-k`` -> ``t-(k+1)``: the same equation one step earlier."""
    def shifted(match: re.Match[str]) -> str:
        k = int(match.group(1) or 0) + 1
        return f"_{{t-{k}}}"
    return re.sub(r"_\{\s*t\s*(?:-\s*(\d+)\s*)?\}", shifted, normalise(text))
