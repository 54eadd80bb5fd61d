r"""Split a display block into rows, and each row into its sides and the relations between them.

* Rows are cut at ``\\`` (a spacing argument ``\\[4pt]`` goes with it); a ``%`` comment is
  cut off first, as TeX does; environment markers (``aligned``, ``align``, ``multline``, ...)
  and ``&`` go.
* A row that starts with a relation (``&= ...``) continues the chain of the row before; a
  row with no relation that starts with an operator (``&\quad + x^2``, a ``multline``
  line) continues the previous row's last side: the two texts are one expression.
* A row's relations are cut at the top level (outside braces and parentheses): ``=``,
  ``:=``, ``\propto``, ``\approx``, ``\le``, ``<``, ``\sim``, ``\in``; ``\overset{d}{=}`` is
  equality in distribution, ``\overset{r = 1}{=}`` equality at the given values, and an
  ``\overset`` with a label over ``=`` (``\overset{(a)}{=}``) is plain equality.
* A condition after the equation (``\quad (x > 0)``, ``\text{for } x > 0``,
  ``\text{when } a = 0``) is kept apart, so the equation is not read as unconditional.
* Two equations on one row separated by ``\quad`` are two rows; ``P \implies Q`` is an
  implication between two equations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from derivations.latex.names import group_end
from derivations.lint.reasons import ASSIGNMENTS, IN_WORDS

ENVIRONMENTS = ("align", "aligned", "equation", "split", "gather", "gathered", "multline", "eqnarray",
                "alignat", "alignedat", "flalign")
_ENVIRONMENT = re.compile(r"\\(?:begin|end)\{(?:" + "|".join(ENVIRONMENTS) + r")\*?\}(?:\{\d+\}|\[[a-z]\])?")
#: Equation numbers and labels: they carry no mathematics.
_MARKS = re.compile(r"\\tag\*?\s*\{[^{}]*\}|\\label\s*\{[^{}]*\}|\\(?:nonumber|notag)(?![A-Za-z])"
                    r"|\\q?quad\s*\(\s*\d+[a-z]?\s*\)\s*(?=\\\\|\\cr(?![A-Za-z])|$)")  # \qquad (2): a number by hand
_UNREAD_ENVIRONMENT = re.compile(r"\\begin\{(cases|array)\}")
_MATRIX_ENVIRONMENT = re.compile(r"\\(begin|end)\{(?:matrix|pmatrix|bmatrix|vmatrix|smallmatrix)\}")
#: A matrix's cells and rows while the block is cut into rows (the lexer reads both spellings).
_CELL, _CELL_ROW = r" \matcol ", r" \matrow "
_RELATION = re.compile(  # not the space \>
    r"\\(?:propto|approx|simeq|doteq|sim|leq?|geq?|neq?|ne|equiv|triangleq|coloneqq|eqqcolon|in|notin|to|rightarrow|mapsto|"
    r"ll|gg|lesssim|gtrsim|subset|subseteq|lt|gt)(?![A-Za-z])|:=|=|<|(?<!\\)>|\\(?:overset|stackrel)\s*\{")
_IMPLIES = re.compile(r"\\(?:implies|Rightarrow|Longrightarrow|iff|Leftrightarrow|Longleftrightarrow)(?![A-Za-z])")
_QUAD = re.compile(r"\\q?quad(?![A-Za-z])")
#: Space a row may start with: \quad, \, ~, {}, \phantom{=} (to align an operator under a relation), \hspace, \kern,
#: \hskip, \mkern, \mspace, \enspace, \hfill.
_SPACE = (r"(?:\s|~|\\q?quad(?![A-Za-z])|\\[,;:! ]|\\thinspace|\{\}|\\mathrel\s*\{\s*\\h?phantom\s*\{[^{}]*\}\s*\}"
          r"|\\[hv]?phantom\s*\{(?:[^{}]|\{[^{}]*\})*\}|\\hspace\*?\s*\{[^{}]*\}"
          r"|\\[mh]?(?:kern|skip)\s*-?[\d.]+\s*[a-z]{2}|\\mspace\s*\{[^{}]*\}"
          r"|\\(?:en|thin|med|thick|negthin|negmed|negthick)(?:space|skip)(?![A-Za-z])|\\hfil+(?![A-Za-z])|\\[>])")
_SPACING = re.compile(rf"{_SPACE}*")
_QUAD_START = re.compile(rf"^\s*(?!\s){_SPACE}")  # an indented row: \quad, \phantom{=}, \hspace{1em}, ~
_CONDITION = re.compile(
    r"(?:,\s*)?(?:\\q?quad\s*|\\[,;]\s*)*(?:\\text\s*\{\s*(?:for|if|when|where|with|as|given|since|for all)\b[^{}]*\}"
    r"|\\(?:text|mathrm)\s*\{\s*,?\s*\}\s*|\\forall)")
_BARE_CONDITION = re.compile(r"(?:,\s*)?\\q?quad\s*([^=]*?(?:[<>]|\\(?:[lg]eq?|[lg]t|neq?|in|notin)(?![A-Za-z]))[^=]*?)"
                             r"\s*[.,]?\s*$")
_NEGATION = re.compile(r"\b(?:not|no|unless|except|never|nor|neither|otherwise)\b")
_OPERATOR_START = re.compile(rf"^{_SPACE}*(?:[-+]|\\cdot|\\times|\\pm|\\mp)")
#: Relations with the name the checker knows them by.
NAMED = {r"\coloneqq": ":=", r"\eqqcolon": ":=", ":=": ":=", r"\equiv": ":=", r"\triangleq": ":=",
         r"\doteq": r"\approx", r"\le": r"\leq", r"\ge": r"\geq",
         r"\lt": "<", r"\gt": ">", r"\ne": r"\neq", r"\rightarrow": r"\to", r"\simeq": r"\approx"}


@dataclass(frozen=True)
class Row:
    """One row of a block: its line, its source, its head and its (relation, side) pairs."""

    line: int
    source: str
    head: str  # the text before the first relation ("" if the row begins with one)
    links: tuple[tuple[str, str], ...] = ()  # (relation, text) pairs after the head
    fresh: bool = False  # starts a new chain whatever came before
    implication: tuple[Row, Row] | None = None
    condition: str = ""  # a stated condition after the equation ("x > 0", "a = 0")
    unread: str = ""  # why the whole row cannot be read (a cases environment, ...)
    block: str = ""  # the whole block: the values written beside a step (", \quad x = 1"; lint.zero_divisors)

    @property
    def continues(self) -> bool:
        return not self.head.strip() and bool(self.links)


def strip_comments(content: str) -> str:
    r"""Each line cut at its first ``%`` that is not ``\%`` (what TeX never sees)."""
    return "\n".join(re.sub(r"(?<!\\)%.*", "", line) for line in content.split("\n"))


def top_level_split(text: str, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """``text`` cut at matches of ``pattern`` outside braces and parentheses: [(separator, piece)]."""
    pieces, depth, start, separator, index = [], 0, 0, "", 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in "{}()|":
            index += 2
            continue
        if depth == 0:
            match = pattern.match(text, index)
            if match is not None and match.end() > index:
                found, end = match.group(0), match.end()
                if found.startswith((r"\overset", r"\stackrel")):
                    found, end = _overset(text, index)
                pieces.append((separator, text[start:index]))
                separator, start, index = found, end, end
                continue
        depth += {"{": 1, "(": 1, "}": -1, ")": -1}.get(char, 0)
        index += 1
    pieces.append((separator, text[start:]))
    return pieces


def _overset(text: str, index: int) -> tuple[str, int]:
    r"""``\overset{d}{=}`` -> ("=d", end); ``\overset{r = 1}{=}`` -> ("=at:r = 1", end); a label -> ("=", end)."""
    first = text.index("{", index)
    end_first = group_end(text, first)
    second = text.find("{", end_first)
    end_second = group_end(text, second) if second >= 0 else -1
    if end_first < 0 or end_second < 0:
        return "=?", len(text)
    over, under = text[first + 1:end_first - 1].strip(), text[second + 1:end_second - 1].strip()
    if under.startswith(r"\xrightarrow"):  # \overset{(b)}{\xrightarrow{n \to \infty}}: a limit
        return r"\to", end_second
    if under != "=":
        labelled = re.fullmatch(r"\([a-z]{1,2}\)", over) and _RELATION.fullmatch(under)
        return (NAMED.get(under, under) if labelled else f"?{under}"), end_second  # \overset{(c)}{\le}: a bound
    over = re.sub(r"^(d|\\mathrm\{d\}|\\text\{d\}),\s*(?:\\,|\\thinspace\s*)?\s*\([a-z]{1,2}\)$", r"\1", over)  # d, (b)
    if over in ("d", r"\mathrm{d}", r"\text{d}", r"\mathcal{D}"):
        return "=d", end_second
    if ASSIGNMENTS.fullmatch(over):
        return f"=at:{over}", end_second
    if over == IN_WORDS:
        return "=case", end_second
    if over in (r"\text{def}", r"\mathrm{def}", r"\triangle", r"\Delta"):
        return ":=", end_second
    return "=", end_second


#: A row ends at ``\\`` (with an optional ``[4pt]``) or at plain TeX's ``\cr`` (the inert spelling).
_ROW_END = re.compile(r"\\\\(?:\s*\[[^\]]*\])?|\\cr(?![A-Za-z])")


_BULLET = re.compile(r"\s*-\s")
_CONTROL_SPACE = re.compile(r"^(?:\\(?=\s)\s*)+")


def split_rows(content: str, first_line: int) -> list[tuple[int, str]]:
    r"""The rows of a block (cut at top-level ``\\``, comments removed), each with its 1-based line."""
    content = _masked_matrices(strip_comments(content))
    content = _ENVIRONMENT.sub(lambda m: " " * len(m.group(0)), content)
    content = _MARKS.sub(lambda m: " " * len(m.group(0)), content)
    rows, offset = [], 0
    for separator, piece in top_level_split(content, _ROW_END):
        offset += len(separator)
        stripped = _CONTROL_SPACE.sub("", piece.strip()).strip()  # \\\ &= (kramdown): a row break, then a space
        if stripped.strip("& "):
            lead = offset + piece.index(stripped[0])
            rows.append((first_line + content.count("\n", 0, lead), stripped))
        offset += len(piece)
    return rows


def _masked_matrices(content: str) -> str:
    r"""A matrix's ``&`` and ``\\`` as ``\matcol`` and ``\matrow``: its cells and rows are not the block's."""
    out, depth, index = [], 0, 0
    for match in _MATRIX_ENVIRONMENT.finditer(content):
        piece = content[index:match.start()]
        out += [_ROW_END.sub(lambda _: _CELL_ROW, piece).replace("&", _CELL) if depth else piece, match.group(0)]
        depth = depth + 1 if match.group(1) == "begin" else max(depth - 1, 0)
        index = match.end()
    piece = content[index:]
    return "".join(out) + (_ROW_END.sub(lambda _: _CELL_ROW, piece).replace("&", _CELL) if depth else piece)


def _shown(text: str) -> str:
    """A row's text as the post writes it (a matrix's cells and rows unmasked), on one line."""
    return " ".join(text.replace(_CELL, " & ").replace(_CELL_ROW, r" \\ ").split())


def parse_rows(content: str, first_line: int) -> list[Row]:
    """The rows of a block, split into heads and relations, continuation lines joined.

    In a block where no row has a relation (a chain of forms written one under the
    other), each row is equal to the one before; in a block with relations, a row
    without one that starts with an operator runs on from the row before.
    """
    split = split_rows(content, first_line)
    if len(split) > 1 and not any(_has_relation(_without_condition(text)[0]) for _, text in split):
        first_line_, first = split[0]
        implied = [Row(line, _shown(text), "", (("=", _trimmed(text.replace("&", " "))),))
                   for line, text in split[1:]]
        return [_row(first_line_, first, fresh=False), *implied]
    rows: list[Row] = []
    side_by_side = 0  # how many equations the row before held side by side (a row that continues one: which?)
    for line, text in split:
        unread = _UNREAD_ENVIRONMENT.search(text)
        if unread:
            rows.append(Row(line, _shown(text), "", unread=f"the {unread.group(1)} environment is not read"))
            continue
        columns = _equation_columns(text)
        if side_by_side and (_continues_a_side(text) or _row(line, text, fresh=False).continues):
            why = "two equations on one row, then a row that continues one of them: which?"
            rows[-side_by_side:] = [Row(r.line, r.source, "", unread=why) for r in rows[-side_by_side:]]
            rows.append(Row(line, _shown(text), "", unread=why))
            continue
        side_by_side = len(columns) if len(columns) > 1 else 0
        if side_by_side:  # x^2 &= x & x &= 1: two equations side by side
            rows.extend(_row(line, column, fresh=True) for column in columns)
            continue
        pieces = [p for _, p in top_level_split(_without_condition(text)[0], _QUAD)]
        if len(pieces) > 1 and all(_has_relation(p) for p in pieces):  # x = 1 \quad y = 2: side by side too
            rows.extend(_row(line, p.strip(), fresh=True) if not _BULLET.match(p) else  # \quad - E[x] = 0
                        Row(line, _shown(p), "", unread="a minus after a wide space: a list's bullet, or a sign?")
                        for p in pieces)
            side_by_side = len(pieces)
        elif rows and _continues_a_side(text):
            rows[-1] = _joined(rows[-1], text)
        else:
            rows.append(_row(line, text, fresh=False))
    return [replace(row, block=content) for row in rows]


def _equation_columns(text: str) -> list[str]:
    """An align row's equations side by side (``a &= b & c &= d``: every second ``&`` parts them), when two or
    more of them are equations; else the row itself."""
    cells = [cell for _, cell in top_level_split(text, _AMPERSAND)]
    pairs = [" ".join(cells[i:i + 2]) for i in range(0, len(cells), 2)]
    equations = [pair for pair in pairs if _has_relation(_without_condition(pair)[0])]
    return equations if len(equations) > 1 else [text]


_AMPERSAND = re.compile(r"&")


def _continues_a_side(text: str) -> bool:
    r"""A row with no relation that starts with an operator, or is indented by ``\quad``, runs on from the row
    before (``&\quad \exp(...)``: a factor broken onto its own line)."""
    flat = text.replace("&", " ")
    starts = _OPERATOR_START.match(flat) or _QUAD_START.match(flat)
    return not _has_relation(_without_condition(text)[0]) and bool(starts)


def _has_relation(text: str) -> bool:
    """A relation outside every brace (the ``=`` of ``\\sum_{k=1}`` is no relation of the row)."""
    return len(top_level_split(text, _RELATION)) > 1


def _joined(row: Row, more: str) -> Row:
    """A row continued by the next line (an operator starts it): the last side runs on."""
    text = " ".join(more.replace("&", " ").split())
    source = f"{row.source} {_shown(text)}"
    if row.links:
        relation, side = row.links[-1]
        return Row(row.line, source, row.head, (*row.links[:-1], (relation, f"{side} {text}")), row.fresh,
                   row.implication, row.condition)
    return Row(row.line, source, f"{row.head} {text}", row.links, row.fresh, row.implication, row.condition)


def _without_condition(text: str) -> tuple[str, str]:
    """The equation and the condition stated after it (``\\quad (x > 0)``, ``\\text{for } a = 0``)."""
    match = _CONDITION.search(text)
    if match:
        negated = _NEGATION.search(match.group(0))  # \text{if not } x > 0: no hypothesis the linter can use
        return text[:match.start()], ("\\text{not} " if negated else "") + text[match.end():].strip()
    trailing = re.search(r"(?:,\s*)?(?:\\q?quad|\\,|\\;)\s*\(([^()]*(?:[<>]|\\[lg]eq?|\\[lg]t)[^()]*)\)\s*[.,]?\s*$",
                         text)
    trailing = trailing or _BARE_CONDITION.search(text)  # f(x) = x^2, \quad x > 0: a piece, under its condition
    if trailing:
        return text[:trailing.start()], trailing.group(1).strip()
    return text, ""


def _trimmed(side: str) -> str:
    r"""A side without the punctuation that ends a sentence (``... + c.``, ``\,,``)."""
    return re.sub(r"(?:\\[,;!]|\s|[.,;])+$", "", side.strip())


def _row(line: int, text: str, *, fresh: bool) -> Row:
    source = _shown(text)
    sides = top_level_split(text, _IMPLIES)
    if len(sides) == 2 and not sides[0][1].replace("&", " ").strip():  # "&\Rightarrow x = y": a new claim
        return _row(line, sides[1][1], fresh=True)
    if len(sides) == 2:
        first, second = (_row(line, side, fresh=True) for _, side in sides)
        return Row(line, source, "", fresh=True, implication=(first, second))
    equation, condition = _without_condition(text.replace("&", " "))
    parts = top_level_split(equation, _RELATION)
    head = _trimmed(parts[0][1])
    head = "" if _SPACING.fullmatch(head) else head  # "&\quad = ...": an indented row continues the chain
    links = tuple((NAMED.get(relation.strip(), relation.strip()), _trimmed(piece)) for relation, piece in parts[1:])
    return Row(line, source, head, links, fresh, condition=condition)


def side_texts(row: Row) -> list[str]:
    """The text of every side of a row (its head, each link, the two equations of an implication)."""
    if row.implication is not None:
        return [text for part in row.implication for text in side_texts(part)]
    return [text for text in (row.head, *(text for _, text in row.links)) if text.strip()]


def without_scripts(text: str) -> str:
    r"""``text`` without its braced sub- and superscripts, nested braces included (``\mathbb{E}_{x \sim N(0,1)}``)."""
    out, index = [], 0
    while index < len(text):
        if text[index] in "_^" and text[index + 1:index + 2] == "{":
            depth, index = 0, index + 1
            while index < len(text):
                depth += {"{": 1, "}": -1}.get(text[index], 0) if text[index - 1] != "\\" else 0
                index += 1
                if depth == 0:
                    break
            continue
        out.append(text[index])
        index += 1
    return "".join(out)
