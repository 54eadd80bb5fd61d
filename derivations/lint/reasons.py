r"""The reasons listed under a display block, and what they say of its steps.

A derivation printed with lettered relations (``\overset{(b)}{=}``) lists its reasons under the
block, one per letter: ``- (b) at $t = 1$: the minimum``. A reason that starts with "at" makes
its step a special case of the line before, not an identity: with the values written as
equations it is checked at those values (``\overset{t = 1}{=}``); with values given in words
("at the exercise") it is reported as not checked, never refuted as an identity; "when" and
"if" (in any case) say the same. The math of other reasons is not read: a reason's
``$\lambda = 0$`` may be the case of one step only.
"""

from __future__ import annotations

import re

#: ``- (b) reason``: a lettered reason in a Markdown list.
REASON = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?[(\[]?(?P<label>[a-zA-Z]{1,2}|\d{1,2})[)\]](?:\*\*)?:?\s+"
                    r"(?P<text>.+?)\s*$")  # - (b) ..., also [b], b), (2), **(b)**, (B), (b):, 2. (b)
_SPECIAL = re.compile(r"(?:at|when|if)\s", re.IGNORECASE)
_VALUES = re.compile(r"(?:at|when|if)\s+\$(?P<values>[^$]+)\$", re.IGNORECASE)
#: ``t = 1``, ``\bar{\alpha} _{t-1} = 1``: a value written as an equation of one name.
ASSIGNMENTS = re.compile(r"\s*\\?[A-Za-z]+(?:\{[^{}]*\})?\s*(?:_\{?[^{}=]*\}?)?\s*=[^=]+")
#: The relation written over a special case described in words.
IN_WORDS = r"\text{special case}"


def listed_reasons(lines: list[str], after: int) -> tuple[tuple[str, str], ...]:
    """The lettered reasons in the list that follows line ``after`` (0-based), blank lines skipped."""
    index = after
    while index < len(lines) and not lines[index].strip():
        index += 1
    found = []
    while index < len(lines) and (match := REASON.match(lines[index])):
        found.append((match.group("label"), match.group("text")))
        index += 1
    return tuple(found)


def with_special_cases(content: str, reasons: tuple[tuple[str, str], ...]) -> str:
    r"""``content`` with each special case's relation saying so: ``\overset{(b)}{=}`` becomes
    ``\overset{t = 1}{=}`` or ``\overset{\text{special case}}{=}``."""
    for label, text in reasons:
        if _SPECIAL.match(text):
            values = _VALUES.match(text)
            written = values is not None and ASSIGNMENTS.fullmatch(values.group("values"))
            over = values.group("values").strip() if written else IN_WORDS
            relation = re.compile(rf"\\overset\s*\{{\s*\({label}\)\s*\}}\s*\{{\s*=\s*\}}")
            content = relation.sub(lambda _, over=over: rf"\overset{{{over}}}{{=}}", content)
    return content
