r"""Find the display math of a Markdown post with a real Markdown parser.

markdown-it-py with the mdit-py-plugins math rules reads the post as a
Markdown renderer would: ``$$ ... $$`` blocks (dollarmath), top-level
``\begin{align} ... \end{align}`` environments (amsmath), ``\[ ... \]`` blocks
(a small block rule here), and ``$$ ... $$`` inside a paragraph. Code blocks,
inline code, escaped dollars and inline ``$ ... $`` math are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from derivations.lint.reasons import listed_reasons

DISPLAY_TOKENS = ("math_block", "math_block_label", "amsmath", "math_block_brackets")


@dataclass(frozen=True)
class DisplayBlock:
    """The LaTeX of one display block and the 1-based line where it starts."""

    line: int
    content: str
    #: The lettered reasons listed under the block (``- (b) at $t = 1$``), by letter.
    reasons: tuple[tuple[str, str], ...] = ()
    #: For inline math, its sentence: the prose before it and after it (:mod:`~derivations.lint.cues`).
    sentence: tuple[str, str] = ("", "")
    #: The prose right before the display takes it back ("The next display is wrong"): it defines nothing.
    rejected: bool = False


@dataclass(frozen=True)
class Extracted:
    """What the linter reads from a post: its front matter, its display blocks, its inline math."""

    front_matter: str
    blocks: tuple[DisplayBlock, ...]
    inline: tuple[DisplayBlock, ...] = ()


def _bracket_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    r"""Block rule for ``\[ ... \]`` on lines of their own (their opening at a line start)."""
    begin = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("\\[", begin):
        return False
    close = state.src.find("\\]", begin + 2)
    if close < 0:
        return False
    last = start
    while last < end and state.eMarks[last] < close:
        last += 1
    if last >= end:
        return False
    if not silent:
        token = state.push("math_block_brackets", "math", 0)
        token.block = True
        token.content = state.src[begin + 2:close]
        token.map = [start, last + 1]
    state.line = last + 1
    return True


def markdown() -> MarkdownIt:
    """The Markdown parser the linter uses."""
    md = MarkdownIt("commonmark")
    md.use(front_matter_plugin).use(dollarmath_plugin, double_inline=True).use(amsmath_plugin)
    md.block.ruler.before("fence", "math_block_brackets", _bracket_block)
    return md


def extract(text: str) -> Extracted:
    """The front matter, the display blocks and the inline math of a Markdown post, in order.

    Display math inside an HTML block (``<div>$$...$$</div>``) is found too: the renderer sees it.
    """
    text, inserted = _display_paragraphs(text)
    lines = text.split("\n")
    front, blocks, inline, prose = "", [], [], ""
    for token in markdown().parse(text):
        if token.type == "front_matter":
            front = token.content
        elif token.type in DISPLAY_TOKENS and token.map:
            blocks.append(DisplayBlock(_content_line(lines, token), token.content, listed_reasons(lines, token.map[1]),
                                       rejected=bool(_REJECTS_NEXT.search(prose))))
        elif token.type == "html_block" and token.map and not token.content.lstrip().startswith("<!--"):
            blocks.extend(_html_math(token))  # math in a comment is never rendered
        elif token.type == "inline" and token.children and token.map:
            blocks.extend(_inline_double(lines, token))
            inline.extend(_inline_single(lines, token))
        prose = token.content if token.type == "inline" else prose if token.type.endswith("_close") else ""
    declared = re.search(r"<!--\s*(derivations:.*?)-->", without_code(text), re.DOTALL)  # not a code sample's
    if declared and "derivations:" not in front:
        front = declared.group(1)
    def original(block: DisplayBlock) -> DisplayBlock:
        return replace(block, line=block.line - sum(1 for at in inserted if at < block.line))
    return Extracted(front, tuple(map(original, blocks)), tuple(map(original, inline)))


def without_code(text: str) -> str:
    """``text`` with fenced and inline code blanked (line breaks kept): what a renderer shows as code is no math."""
    text = re.sub(r"^(```|~~~).*?^\1[^\n]*$", _blank, text, flags=re.DOTALL | re.MULTILINE)
    return re.sub(r"`[^`\n]*`", _blank, text)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _display_paragraphs(text: str) -> tuple[str, list[int]]:
    """A ``$$`` line right after prose (``Then:`` then ``$$``) opens a display block, as kramdown reads it.

    A blank line is put before it, so the Markdown parser does not pair it with a later ``$$``;
    returned with the (1-based) lines of the blank lines put in, to give every block its own line.
    """
    lines, out, inserted, inside, fence = text.split("\n"), [], [], False, False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fence = not fence
        if stripped == "$$" and not fence:
            if not inside and out and out[-1].strip():
                out.append("")
                inserted.append(len(out))
            inside = not inside
        out.append(line)
    return "\n".join(out), inserted


_HTML_MATH = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|(\\begin\{(align|equation|aligned)\*?\}.+?\\end\{\4\*?\})",
                        re.DOTALL)


def _html_math(token: Token) -> list[DisplayBlock]:
    """The display math inside an HTML block, each with its line."""
    found = []
    for match in _HTML_MATH.finditer(token.content):
        content = next(group for group in match.groups()[:3] if group)
        found.append(DisplayBlock(token.map[0] + 1 + token.content.count("\n", 0, match.start()), content))
    return found


def _inline_single(lines: list[str], token: Token) -> list[DisplayBlock]:
    """The inline ``$...$`` math of a paragraph (the linter takes definitions from it, checks nothing)."""
    start, stop = token.map
    source = "\n".join(lines[start:stop])
    found, cursor, searched = [], 0, without_code(source)  # `\mu = 0` in code is not the math
    for child in token.children:
        if child.type != "math_inline":
            continue
        at = searched.find(child.content, cursor)
        cursor = max(cursor, at + 1)
        sentence = _sentence(source, at, at + len(child.content)) if at >= 0 else ("", "")
        found.append(DisplayBlock(start + 1 + (source.count("\n", 0, at) if at >= 0 else 0), child.content,
                                  sentence=sentence))
    return found


#: A sentence ends at ".", "!" or "?" before a space (not after an abbreviation), or at a blank line.
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n\s*\n")


def _sentence(source: str, start: int, end: int) -> tuple[str, str]:
    """The prose of the sentence around ``source[start:end]``: what comes before it, and after it with its stop."""
    ends = [m.end() for m in _SENTENCE_END.finditer(source, 0, start) if not _ABBREVIATION.search(source, 0, m.end())]
    after = next((m for m in _SENTENCE_END.finditer(source, end)
                  if not _ABBREVIATION.search(source, 0, m.end())), None)
    stop = after.end() if after else len(source)
    rejected = _REJECTED.match(source, stop)  # "Let $f(x) = x^2$. That is wrong": the next sentence takes it back
    return source[ends[-1] if ends else 0:start], source[end:rejected.end() if rejected else stop]


#: Prose that takes the display after it back: "The next display is wrong", "the following is not correct".
_REJECTS_NEXT = re.compile(r"\b(?:the\s+)?(?:next|following|below)(?:\s+(?:display|equation|formula|line|step|row|"
                           r"derivation|block|expression|identity|claim|definition)s?)?\s+(?:is|are|was|were)\s+(?:wrong|"
                           r"incorrect|false|mistaken|not\s+(?:right|correct|true))\b", re.IGNORECASE)
#: A sentence that takes the one before it back: "That is wrong", "This is not correct".
_REJECTED = re.compile(r"\s*(?:That|This|It)\s+(?:is|was)\s+(?:wrong|incorrect|false|mistaken|not\s+(?:right|"
                       r"correct|true))\b[^.!?]*", re.IGNORECASE)


#: A stop that ends an abbreviation, not a sentence: "Prop. 3", "Eq. (4)", "e.g. the".
_ABBREVIATION = re.compile(r"\b(?:[Pp]rop|[Tt]hm|[Dd]ef|[Cc]or|[Ll]em|[Ee]qs?|[Ss]ecs?|[Ff]igs?|[Aa]pp|[Cc]h|[Tt]ab|"
                           r"[Rr]efs?|[Ee]x|cf|vs|al|resp|[Nn]o|[Vv]ol|pp|e\.g|i\.e|etc)\.$")


def _content_line(lines: list[str], token: Token) -> int:
    start, stop = token.map
    source = "\n".join(lines[start:stop])
    found = source.find(token.content) if token.content else -1
    return start + 1 + (source.count("\n", 0, found) if found >= 0 else 0)


def _inline_double(lines: list[str], token: Token) -> list[DisplayBlock]:
    start, stop = token.map
    source = "\n".join(lines[start:stop])
    blocks, cursor = [], 0
    for child in token.children:
        if child.type != "math_inline_double":
            continue
        found = source.find(child.content, cursor)
        line = start + 1 + (source.count("\n", 0, found) if found >= 0 else 0)
        cursor = max(cursor, found + 1)
        blocks.append(DisplayBlock(line, child.content))
    return blocks


def front_matter_lists(front: str) -> dict[str, tuple[str, ...]]:
    """The lists under the front matter's ``derivations:`` key (``normal``, ``positive``).

    Reads ``derivations: {normal: [a, b], positive: [c]}`` or the same keys
    indented under ``derivations:``, each with a ``[...]`` list. Nothing is evaluated.
    """
    section = re.search(r"^derivations:(.*(?:\n[ \t]+.*)*)", front, re.MULTILINE)
    if section is None:
        return {}
    found = {}
    for key, items in re.findall(r"(\w+)\s*:\s*\[([^\]]*)\]", section.group(1)):
        found[key] = tuple(i.strip().strip("'\"") for i in items.split(",") if i.strip())
    return found
