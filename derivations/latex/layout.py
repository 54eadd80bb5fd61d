r"""A layout that fits a blog column: widths estimated, long rows broken at + and = .

:func:`width` estimates how wide a LaTeX string is set in display math, in em (a TeX-like
walk over the tokens: glyph widths, operator spacing, fractions as the wider of their parts,
scripts at 70 %). :func:`rows` lays out one step of a derivation as rows of an ``align*``:
``lhs &= rhs`` when it fits in :data:`BUDGET`, else the right side is broken before a ``+``
or a ``-`` (the rows after the first indented by ``\quad``), and where a single term is still
too wide its outermost ``\left( ... \right)`` becomes ``\Bigl( ... \Bigr)`` so that the break
can fall inside it (after a ``,`` or ``;`` too, as in :math:`\mathcal{N}(x; \mu, \sigma^2)`).
A left side too wide for the column goes on a row of its own.

The budget is 30 em: 740 px at KaTeX's 1.21 em of a 16 px page (the widest of the two
renderers) is 38 em, less the equation number on both sides (a centred equation must clear
the number at the right margin). The site tests measure the real widths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from derivations.latex.width import _RELATIONS, _TOKEN, _split, _width, tokens, width

#: The widest a row may be, in em of the display font.
BUDGET = 26.0
#: Indentation of a continued row.
INDENT = r"\quad"

@dataclass(frozen=True)
class Row:
    """One step as ``align*`` material: left side, relation (with its marker), right side, tag."""

    lhs: str
    relation: str
    rhs: str
    tag: str = ""


def _pairs(items: list[str]) -> dict[int, int]:
    """Index of each ``\\left`` token -> index of its ``\\right``."""
    stack, pairs = [], {}
    for index, item in enumerate(items):
        if item.startswith(r"\left"):
            stack.append(index)
        elif item.startswith(r"\right") and stack:
            pairs[stack.pop()] = index
    return pairs


_ENVIRONMENT = re.compile(r"\\begin\{(?P<name>[A-Za-z*]+)\}.*?\\end\{(?P=name)\}", re.S)


def _chunks(latex: str) -> list[str]:
    """``latex`` as top-level chunks of its own text: a brace group is one chunk, so are ``\\left(``
    and ``\\right)``, and a whole environment (a matrix is never broken inside); each chunk keeps
    the spaces after it, so joining the chunks gives ``latex`` back."""
    environments = [m.group(0) for m in _ENVIRONMENT.finditer(latex)]
    if environments:  # each environment is one placeholder command while chunking
        names = [rf"\envblock{_letters(i)}" for i in range(len(environments))]
        pieces = _ENVIRONMENT.split(latex)[::2]  # the text between environments (split also yields names)
        masked = "".join(piece + (names[i] + " " if i < len(names) else "") for i, piece in enumerate(pieces))
        back = dict(zip(names, environments, strict=True))
        return [re.sub(r"\\envblock[a-z]+ ?", lambda m: back[m.group(0).rstrip()], c) for c in _plain_chunks(masked)]
    return _plain_chunks(latex)


def _letters(index: int) -> str:
    return "".join(chr(ord("a") + int(d)) for d in str(index))


def _plain_chunks(latex: str) -> list[str]:
    out: list[str] = []
    depth, start, pending_delimiter = 0, 0, False
    for match in _TOKEN.finditer(latex):
        item = match.group(0)
        if item.isspace():
            if out and depth == 0 and not pending_delimiter:
                out[-1] += item
                start = match.end()
            continue
        if pending_delimiter:
            pending_delimiter = False
            if depth == 0:
                out.append(latex[start:match.end()])
                start = match.end()
            continue
        if item == "{":
            depth += 1
            continue
        if item == "}":
            depth -= 1
            if depth == 0:
                out.append(latex[start:match.end()])
                start = match.end()
            continue
        if depth:
            continue
        if item in (r"\left", r"\right"):
            pending_delimiter = True
            continue
        out.append(latex[start:match.end()])
        start = match.end()
    if start < len(latex):
        out.append(latex[start:])
    return out


def _join(items: list[str]) -> str:
    return "".join(items).strip()


def _segments(chunks: list[str]) -> list[list[str]]:
    """``chunks`` cut where a line may break: before a binary + or -, after , or ; (outside ``\\left``)."""
    segments, current, depth = [], [], 0
    for index, chunk in enumerate(chunks):
        bare = chunk.strip()
        binary = bare in ("+", "-") and current and current[-1].strip() not in ("(", "[", ",", ";", "=", "^", "_") \
            and not current[-1].startswith((r"\left", r"\Bigl", r"\bigl", r"\biggl")) \
            and current[-1].strip() not in _RELATIONS
        # a product may break before its exponential factor (a wide normaliser, then exp(...)): last resort
        factor = bare == r"\exp" and current and current[-1].strip() not in ("^", "_", "-", "+")
        if depth == 0 and (binary or factor):
            segments.append(current)
            current = []
        current.append(chunk)
        if chunk.startswith(r"\left"):
            depth += 1
        elif chunk.startswith(r"\right"):
            depth -= 1
        elif depth == 0 and bare in (",", ";") and index + 1 < len(chunks):
            segments.append(current)
            current = []
    if current:
        segments.append(current)
    return segments


def _resized(chunk: str, side: str, size: str) -> str:
    """``\\left(`` as ``\\Bigl(`` (``side`` "l") or ``\\right)`` as ``\\Bigr)``; ``\\left.`` vanishes."""
    bare = chunk.strip()
    delimiter = bare[len(r"\left"):] if side == "l" else bare[len(r"\right"):]
    tail = chunk[len(chunk.rstrip()):]
    return "" if delimiter.strip() == "." else rf"\{size}{side}{delimiter.strip()}" + (tail or " ")


#: A ``\left( ... \right)`` narrower than this (em) is never opened for a break: ``(x - \mu)`` stays whole.
MIN_OPEN = 7.0


def _widest_pair(chunks: list[str]) -> tuple[int, int] | None:
    pairs = _pairs(chunks)
    top = [(a, b) for a, b in pairs.items() if not any(c < a and b < d for c, d in pairs.items())]
    top = [p for p in top if width(_join(chunks[p[0]:p[1] + 1])) >= MIN_OPEN]
    if not top:
        return None
    return max(top, key=lambda p: width(_join(chunks[p[0]:p[1] + 1])))


def _pack(segments: list[list[str]], first: float, rest: float) -> list[list[str]]:
    lines: list[list[str]] = []
    current: list[str] = []
    for segment in segments:
        room = first if not lines else rest
        if current and width(_join(current + segment)) > room:
            lines.append(current)
            current = []
        current = current + segment
    lines.append(current)
    return lines


def break_latex(latex: str, first: float, rest: float) -> list[str]:
    """``latex`` as lines: the first at most ``first`` em wide, the others ``rest`` (when possible)."""
    chunks = _chunks(latex)
    for _ in range(16):
        lines = _pack(_segments(chunks), first, rest)
        widths = [width(_join(line)) for line in lines]
        over = [i for i, w in enumerate(widths) if w > (first if i == 0 else rest)]
        if not over:
            break
        openable = [(i, _widest_pair(lines[i])) for i in over]
        openable = [(i, pair) for i, pair in openable if pair is not None]
        if not openable:  # every line too wide has nothing left to open
            break
        index, pair = openable[0]
        line, start = lines[index], sum(len(lines[i]) for i in range(index))
        size = "Big" if r"\frac" in _join(line[pair[0]:pair[1]]) else "big"
        opened, closed = start + pair[0], start + pair[1]
        chunks = (chunks[:opened] + [_resized(chunks[opened], "l", size)] + chunks[opened + 1:closed]
                  + [_resized(chunks[closed], "r", size)] + chunks[closed + 1:])
        chunks = [c for c in chunks if c]
    return [_join(line) for line in lines]


def _continued(line: str, indent: str = INDENT) -> str:
    return f"&{indent} {{}}{line}" if line[:1] in "+-" else f"&{indent} {line}"


def block(rows: list[Row], budget: float = BUDGET) -> list[str]:
    """The lines of an ``align*`` for ``rows`` (one chain), each within ``budget`` em where it can be.

    ``lhs &= rhs`` rows when they fit; otherwise, if the left side is what leaves too little
    room, every row goes into one left-aligned column with the left side on its own line.
    """
    lhs_width = max((width(r.lhs) for r in rows if r.lhs), default=0.0)
    lines = _block(rows, budget, left=lhs_width > 0.45 * budget)
    if lhs_width > 0.2 * budget and _too_wide(lines, budget):
        lines = _block(rows, budget, left=True)
    return lines


def _too_wide(lines: list[str], budget: float) -> bool:
    cells = [_split(tokens(line), "&") for line in lines]
    left = max((_width(c[0], 0) for c in cells if c), default=0.0)
    right = max((_width([t for part in c[1:] for t in part], 0) for c in cells), default=0.0)
    return left + right > budget


def _block(rows: list[Row], budget: float, *, left: bool) -> list[str]:
    lhs_width = max((width(r.lhs) for r in rows if r.lhs), default=0.0)
    lines: list[str] = []
    for row in rows:
        tag = rf" \tag{{{row.tag}}}" if row.tag else ""
        relation = f"&{row.relation}" if not left else f"&{INDENT} {row.relation}"
        head: list[str] = []
        if row.lhs and left:
            head = [f"&{piece}" if i == 0 else _continued(piece)
                    for i, piece in enumerate(break_latex(row.lhs, budget, budget - 1.5))]
        if left:
            first = budget - width(rf"\quad {row.relation}")
        else:
            first = budget - lhs_width - width(row.relation)
        rest = budget - (0.0 if left else lhs_width) - 1.5
        pieces = break_latex(row.rhs, first, rest)
        body = [f"{row.lhs if not left else ''} {relation} {pieces[0]}".strip()]
        body += [_continued(piece, r"\qquad" if left else INDENT) for piece in pieces[1:]]
        row_lines = head + body
        row_lines[-1] += tag
        lines += row_lines
    return lines
