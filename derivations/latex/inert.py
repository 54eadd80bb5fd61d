r"""Math that Markdown leaves alone: the same bytes reach MathJax or KaTeX on every site.

A blog's Markdown parser reads the math before the renderer does, unless the site protects
it: kramdown (Jekyll) protects only ``$$...$$``, Goldmark (Hugo) protects nothing without its
passthrough extension. Both remove a backslash before punctuation (``\\`` becomes ``\``,
``\,`` becomes ``,``, ``\|`` becomes ``|``), pair underscores into emphasis, turn a line with
a ``|`` into a table (kramdown) and a line starting with ``-`` into a list, and make quotes
curly. So the Markdown writer prints its math *inert*: with none of those characters, so that
whatever a site does with it, the text is unchanged.

:func:`inert` rewrites LaTeX into an equivalent inert form (same rendering in KaTeX and
MathJax): ``\\`` as ``\cr``, ``\,`` as ``\thinspace``, ``\|`` as ``\Vert``, ``\{`` as ``\lbrace``, ``\_`` as an
underline under a blank (``\underline{\hphantom{n}}``),
``<`` as ``\lt``, ``*`` as ``\ast``, ``'`` as ``^{\prime}``, ``|`` as ``\vert``, a space before each
``_`` that is not followed by a letter or digit (an underscore after a space, or before a letter,
can open emphasis but never close it, in CommonMark and in kramdown, so none is ever paired:
``\beta_t`` stays, ``\alpha_{t}`` becomes ``\alpha _{t}``), braces around a line that would
start a list, and a space inside ``{{`` (Liquid, Jekyll's template language, reads it as a tag).
:func:`problems` says what in a string is not inert (the tests use it).
"""

from __future__ import annotations

import re

#: Backslash + punctuation, replaced by a command of letters (which Markdown keeps).
_ESCAPES = {
    r"\\": r"\cr ", r"\,": r"\thinspace ", r"\;": r"\ ", r"\:": r"\medspace ", r"\>": r"\medspace ",
    r"\!": r"\negthinspace ", r"\|": r"\Vert ", r"\{": r"\lbrace ", r"\}": r"\rbrace ",
    r"\_": r"\underline{\hphantom{n}}", r"\%": r"\text{ percent}", r"\#": r"\text{ number }",
}
_ESCAPE = re.compile(r"\\[\\,;:>!|{}_%#]")
#: Single characters Markdown reads, and their inert spelling.
_CHARACTERS = {"*": r"\ast ", "<": r"\lt ", ">": r"\gt ", "|": r"\vert ", "~": r"\ ", '"': r"\text{''}"}
_CHARACTER = re.compile(r"(?<!\\)[*<>|~\"]")
_PRIME = re.compile(r"(?<![\\^])('+)")
_UNDERSCORE = re.compile(r"(?<=[^\s\\])_(?![A-Za-z0-9])")
#: A line that Markdown may read as a list item, a heading, a quote or a rule.
_BLOCK_START = re.compile(r"^\s*([-+*>#=]|\d+[.)])")
_RELATION_ROWS = re.compile(r"\\\\\[[^\]]*\]")
#: What no inert string holds (``align*`` is the one ``*`` allowed: Markdown cannot pair it).
_NOT_INERT = (
    (re.compile(r"\\[!-/:-@\[-`{-~]"), "a backslash before punctuation"),
    (re.compile(r"(?<=[^\s\\])_(?![A-Za-z0-9])"), "an underscore that could close emphasis"),
    (re.compile(r"(?<!align)(?<!gather)(?<!equation)\*"), "an asterisk"),
    (re.compile(r"[<>|~\"`]"), "a character Markdown reads (< > | ~ \" `)"),
    (re.compile(r"(?<!\\)'"), "a quote"),
    (re.compile(r"\.\.\.|--"), "a typographer's sequence (... or --)"),
    (re.compile(r"\$"), "a dollar sign"),
    (re.compile(r"\{\{|\{%"), "a Liquid tag ({{ or {%)"),
)


def inert(latex: str, *, display: bool = True) -> str:
    """``latex`` rewritten so that no Markdown parser changes it (see the module docstring).

    In a ``display`` (a block of lines), a line that would start a Markdown block is braced.
    """
    text = _RELATION_ROWS.sub(r"\\\\", latex)  # \\[1em] has no inert spelling: a plain row end
    text = _ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], text)
    text = text.replace("...", r"\dots ").replace("--", "- -")
    text = _PRIME.sub(lambda m: "^{" + r"\prime" * len(m.group(1)) + "}", text)
    text = _CHARACTER.sub(lambda m: _CHARACTERS[m.group(0)], text)
    text = re.sub(r"\\begin\{(align|gather|equation)\\ast \}", r"\\begin{\1*}", text)
    text = re.sub(r"\\end\{(align|gather|equation)\\ast \}", r"\\end{\1*}", text)
    text = _UNDERSCORE.sub(" _", text)
    while "{{" in text or "{%" in text:  # Liquid (Jekyll) reads {{ and {% as its own tags, even inside $$
        text = text.replace("{{", "{ {").replace("{%", "{ %")
    text = re.sub(r"  +", " ", text)
    if not display:
        return text.strip()
    return "\n".join(_safe_line(line.rstrip()) for line in text.split("\n"))


def _safe_line(line: str) -> str:
    """A line that would start a Markdown block, wrapped so it starts with a brace."""
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    line = line.lstrip()
    if line[0] in "-+":  # a sign in braces stays a unary sign
        return "{" + line[0] + "}" + line[1:]
    return "{}" + line


def problems(latex: str, *, display: bool = True) -> list[str]:
    """What in ``latex`` a Markdown parser would change (empty for an inert string).

    A ``display`` is a block of lines, none of which may start a Markdown block.
    """
    found = [f"{what}: {match.group(0)!r}" for pattern, what in _NOT_INERT for match in pattern.finditer(latex)]
    if display:
        found += [f"a line that starts a Markdown block: {line!r}" for line in latex.split("\n")
                  if _BLOCK_START.match(line)]
    return found
