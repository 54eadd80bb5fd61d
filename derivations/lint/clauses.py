r"""The statements a row or a run of math holds beside its own (lint.conventions reads each).

A row says more than its main relation: a second clause after a wide space (``x = \mu + \sigma\epsilon,
\quad \epsilon \sim \mathcal{N}(0, 1)``), a condition in parentheses or brackets (``x_T = x_0 \quad (T = 0)``),
a relation where words would stand (``y = 1 \hspace{1em} T = 0``). What a post says in passing still says
something of its names' conventions.
"""

from __future__ import annotations

import re

from derivations.lint.steps import top_level_split

#: The relations a statement may use; ``=:`` and ``\eqqcolon`` define the right side.
RELATION = re.compile(r"\\coloneqq?|\\eqqcolon|=:|:=|\\triangleq|\\equiv|\\overset|\\stackrel|\\sim(?![A-Za-z])"
                      r"|\\(?:simeq|approx|doteq|cong|gets|leftarrow|mapsto|to|ll|gg|notin|in|neq?|propto)(?![A-Za-z])"
                      r"|\\(?:long)?(?:right|Right|Longright)arrow(?![A-Za-z])"
                      r"|\\(?:le|ge)(?:q|qq|qslant|slant)?(?![A-Za-z])|\\[lg]neqq?(?![A-Za-z])|\\[lg]t(?![A-Za-z])"
                      r"|<|>|(?<![<>!\\])=")
#: A wide space, or words, between a row's relation and another it holds.
_WIDE = re.compile(r"\\q?quad(?![A-Za-z])|\\hspace\*?\{[^{}]*\}|\\[ep]nspace|\\(?:[,;:]\s*\\[,;:])|"
                   r"\\text\{[^{}]*\s[^{}]*\}")  # words have spaces: \text{ for }, not \text{Var}
#: A relation in parentheses, brackets or braces: ``(T = 0)``, ``[\sigma \le 0]``, ``\{T = 0\}``, ``{\sigma = -2}``.
_GROUPED = re.compile(r"\(([^()]*(?:=|<|>|\\[lg]eq?\b|\\in\b)[^()]*)\)|\[([^\[\]]*(?:=|<|>|\\in\b)[^\[\]]*)\]|"
                      r"\\\{((?:(?!\\\}).)*(?:=|<|>|\\in\b)(?:(?!\\\}).)*)\\\}|(?<!\\)\{([^{}]*(?:=|<|>)[^{}]*)\}")
#: Spellings of a group's delimiters: \text{(}, \mathopen{(}, \left\{ ... \right.
_DELIMITERS = ((re.compile(r"\\(?:text|mathopen|mathclose|mathrm)\s*\{\s*([()\[\]])\s*\}"), r"\1"),
               (re.compile(r"\\left\s*\\\{"), r"\\{"), (re.compile(r"\\right\s*\."), r"\\}"),
               (re.compile(r"\\(?:left|right|big|Big|bigg|Bigg)[lr]?\s*(?=[()\[\]])"), ""))
#: Words in a row that let a name leave its convention: ``\text{with } \sigma \text{ negative}``.
OUT_OF_RANGE = re.compile(r"\bnegative\b|\bnonpositive|\bnon-positive|\bany real|\bbelow zero|\bless than (?:zero|0)\b",
                          re.IGNORECASE)
#: The separators of a list of relations: ``(\mu = 0, \sigma = -2)``, ``(\mu = 0;\ \sigma = -2)``.
_LIST = re.compile(r"(?<!\\),|;")
#: A label in words before a clause: ``\text{sample } x_{T-1}:``.
_LABEL = re.compile(r"\s*&?\s*\\text\{[^{}=<>]*\}[^=<>\\]*:?\s*&?\s*")
#: A wide space between two relations (``x = \mu + \sigma\epsilon, \quad \epsilon \sim \mathcal{N}(0, 1)``).
_CLAUSE = re.compile(r",?\s*\\q?quad(?![A-Za-z])")


def asides(source: str) -> list[str]:
    r"""The relations a row holds beside its own: after a wide space (``\quad``, ``\hspace{1em}``, ``\;\;``), in
    words' place, or in parentheses or brackets (``y = 1 \quad (T = 0)``, ``y = 1 \quad [T = 0]``)."""
    for pattern, spelled in _DELIMITERS:
        source = pattern.sub(spelled, source)
    grouped = [next(g for g in m.groups() if g is not None) for m in _GROUPED.finditer(source)]
    pieces = [p for piece in _WIDE.split(source)[1:] + grouped for _, p in top_level_split(piece, _LIST)]
    pieces = [re.sub(r"^[\s,;&(\[]+|[\s,;.&)\]]+$", "", p) for p in pieces]
    pieces += [p[1:] for p in pieces if p.startswith("-")]  # \quad - T = 0: a bullet, or a sign? both are read
    return [p for p in pieces if len(top_level_split(p, RELATION)) > 1]


def clauses_of(text: str) -> list[str]:
    r"""The statements of ``text`` that wide spaces part (``\text{sample}: \quad x = \dots, \quad \epsilon \sim
    \dots``): a label in words is dropped; each other clause must be a relation with a left side, or the text is
    one statement (``\sigma \quad = -2`` is one)."""
    clauses = [piece for _, piece in top_level_split(text, _CLAUSE)]
    clauses = [c for c in clauses if c.strip() and not _LABEL.fullmatch(c)]
    sides = [top_level_split(c, RELATION) for c in clauses]
    return clauses if all(len(p) > 1 and p[0][1].strip() for p in sides) else [text]
