r"""One table of LaTeX normalisations applied to every row before it is parsed.

Posts write the same mathematics in many ways (``\mathbf{x}_t`` and ``x_t``,
``\left(`` and ``(``, ``e^{-x}`` and ``\exp(-x)``) and decorate it with things
that carry no value (``\tag{3}``, ``\quad``, a trailing full stop). Each rule of
:data:`NORMALISATIONS` removes one such difference; the rules run in table order
and each one is an identity on the mathematics (TeX reads ``x^22`` as
``x^{2}2``, so bracing the single token is what TeX does). A test covers every row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Normalisation:
    """One rule: a pattern, its replacement, and an example the test checks."""

    name: str
    pattern: re.Pattern[str]
    replacement: str | Callable[[re.Match[str]], str]
    example: str
    expected: str

    def apply(self, tex: str) -> str:
        return self.pattern.sub(self.replacement, tex)


def group_end(tex: str, start: int) -> int:
    """Index just past the balanced ``{...}`` group that opens at ``tex[start]`` (-1 if unbalanced)."""
    depth = 0
    for index in range(start, len(tex)):
        if tex[index] == "{" and (index == 0 or tex[index - 1] != "\\"):
            depth += 1
        elif tex[index] == "}" and tex[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return index + 1
    return -1


def _unbrace_calls(tex: str) -> str:
    r"""``\exp{(u)}`` -> ``\exp(u)`` and ``g{(x)}`` -> ``g(x)``: braces around a call's parentheses."""
    index = 0
    while (match := re.compile(r"(?<=[A-Za-z])\s*\{\s*\(").search(tex, index)) is not None:
        brace = tex.index("{", match.start())
        end = group_end(tex, brace)
        inner = tex[brace + 1:end - 1].strip() if end > 0 else ""
        if end > 0 and inner.endswith(")") and _balanced_parens(inner):
            tex = tex[:match.start()] + inner + tex[end:]
        index = match.start() + 1
    return tex


_OPERAND = re.compile(r"\s*(\\[A-Za-z]+|[A-Za-z0-9])(_\{[^{}]*\}|_[A-Za-z0-9])?(\^\{[^{}]*\}|\^[0-9])?")


def _wrap_operator_argument(tex: str) -> str:
    r"""``\log \frac{a}{b}`` -> ``\log(\frac{a}{b})``; ``\log x + 1`` -> ``\log(x) + 1``.

    Only a fraction, or one name (with subscript, power, or its own call ``p(x)``)
    followed by an operator or the end, is wrapped: ``\log x y`` stays ambiguous.
    """
    out, index = [], 0
    for match in re.finditer(r"\\(?:log|ln|exp)(?![A-Za-z])", tex):
        if match.start() < index:
            continue
        start = match.end()
        end = _operand_end(tex, start)
        if end is None:
            continue
        out.append(tex[index:start] + "(" + tex[start:end].strip() + ")")
        index = end
    out.append(tex[index:])
    return "".join(out)


def _operand_end(tex: str, start: int) -> int | None:
    rest = tex[start:]
    if re.match(r"\s*\(", rest):
        return None  # already parenthesised
    fraction = re.match(r"\s*\\frac\s*(?=\{)", rest)
    if fraction:
        first = group_end(tex, start + fraction.end())
        second = group_end(tex, first) if first > 0 and tex[first:first + 1] == "{" else -1
        return second if second > 0 else None
    operand = _OPERAND.match(rest)
    if operand is None or operand.group(1) in ("\\frac", "\\left", "\\sqrt"):
        return None
    end = start + operand.end()
    call = re.match(r"\s*\([^()]*\)", tex[end:])
    if call:
        end += call.end()
    following = tex[end:].lstrip()
    if following and not re.match(r"[-+=)\]}]|\\cdot|\\right", following):
        return None
    return end


def _balanced_parens(text: str) -> bool:
    """Is ``text`` one parenthesised group ``( ... )``?"""
    depth = 0
    for position, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and position < len(text) - 1:
            return False
    return depth == 0


def _rule(name: str, pattern: str, replacement, example: str, expected: str) -> Normalisation:
    return Normalisation(name, re.compile(pattern), replacement, example, expected)


_ACCENTS = {"bar": "bar", "overline": "bar", "tilde": "tilde", "widetilde": "tilde",
            "hat": "hat", "widehat": "hat"}


def _accent(match: re.Match[str]) -> str:
    return rf"\{_ACCENTS[match.group(1)]}{{{match.group(2)}}}"


def _euler_power(tex: str) -> str:
    r"""``e^{u}`` -> ``\exp(u)`` and ``e^u`` -> ``\exp(u)``: Euler's number, not a symbol ``e``."""
    out, index = [], 0
    pattern = re.compile(r"(?<![A-Za-z\\])e\s*\^")
    while (match := pattern.search(tex, index)) is not None:
        out.append(tex[index:match.start()])
        rest = match.end()
        while rest < len(tex) and tex[rest] == " ":
            rest += 1
        if rest < len(tex) and tex[rest] == "{":
            end = group_end(tex, rest)
            if end < 0:
                return tex
            exponent = tex[rest + 1:end - 1]
        else:
            token = re.match(r"\\[A-Za-z]+|.", tex[rest:])
            exponent = token.group(0) if token else ""
            end = rest + len(exponent)
        out.append(rf"\exp({exponent})")
        index = end
    out.append(tex[index:])
    return "".join(out)


#: The table. Order matters: commands are unwrapped before accents are made canonical.
NORMALISATIONS: tuple[Normalisation, ...] = (
    _rule("equation tag", r"\\tag\*?\s*\{[^{}]*\}", "", r"a=b\tag{3}", "a=b"),
    _rule("label and numbering", r"\\(?:label\s*\{[^{}]*\}|nonumber|notag)", "", r"a\label{e}\nonumber", "a"),
    _rule("text in math", r"\\(?:text|textrm|textit|textbf|mbox)\s*\{[^{}]*\}", " ",
          r"a\text{ for all } b", "a  b"),
    _rule("roman d of a differential", r"\\(?:mathrm|operatorname)\s*\{d\}", "d", r"\mathrm{d}t", "dt"),
    _rule("display style", r"\\(?:displaystyle|textstyle|scriptstyle)(?![A-Za-z])", "",
          r"\displaystyle\frac{1}{2}", r"\frac{1}{2}"),
    _rule("delimiter sizes", r"\\(?:left|right|[bB]igg?[lr]?)(?![A-Za-z])\s*\.?", "",
          r"\left(a\right)\big]", "(a)]"),
    _rule("quad spacing", r"\\q?quad(?![A-Za-z])", " ", r"a\quad b\qquad c", "a  b  c"),
    _rule("thin spacing", r"\\[,;:! ]|~", " ", r"a\,b\;c\!d~e", "a b c d e"),
    _rule("bold letters", r"\\(?:mathbf|boldsymbol|bm|mathbfit|pmb)\s*\{([^{}]*)\}", r"\1",
          r"\mathbf{x}_t\boldsymbol{\epsilon}", r"x_t\epsilon"),
    _rule("bold letter without braces", r"\\(?:mathbf|boldsymbol|bm)\s*(\\[A-Za-z]+|[A-Za-z])", r"\1",
          r"\mathbf x+\boldsymbol\epsilon", r"x+\epsilon"),
    _rule("accents in braces", r"\\(bar|overline|tilde|widetilde|hat|widehat)\s*\{([^{}]*)\}", _accent,
          r"\overline{\alpha}\widetilde{\mu}", r"\bar{\alpha}\tilde{\mu}"),
    _rule("accents without braces",
          r"\\(bar|overline|tilde|widetilde|hat|widehat)\s*(\\[A-Za-z]+|[A-Za-z])", _accent,
          r"\bar\alpha_t", r"\bar{\alpha}_t"),
    _rule("calligraphic N", r"\\mathcal\s*\{?\s*N\s*\}?", r"\\mathcal{N}",
          r"\mathcal N(0, 1)", r"\mathcal{N}(0, 1)"),
    _rule("epsilon variants", r"\\(?:varepsilon|epsilon)(?![A-Za-z])", r"\\epsilon",
          r"\varepsilon", r"\epsilon"),
    _rule("fraction styles", r"\\[dt]frac(?![A-Za-z])", r"\\frac", r"\dfrac{1}{2}", r"\frac{1}{2}"),
    _rule("times and dots", r"\\(?:times|cdotp|ast)(?![A-Za-z])", r"\\cdot ", r"a\times b", r"a\cdot  b"),
    _rule("single-token exponent", r"([\^_])\s*([0-9A-Za-z])", r"\1{\2}", r"x^22 + y_1", "x^{2}2 + y_{1}"),
    _rule("subscript before superscript", r"(\^\{[^{}]*\})\s*(_\{[^{}]*\})", r"\2\1",
          r"x^{2}_{1}", r"x_{1}^{2}"),
    _rule("square root of one token", r"\\sqrt\s*(\\[A-Za-z]+|[0-9A-Za-z])", r"\\sqrt{\1}",
          r"\sqrt\pi", r"\sqrt{\pi}"),
    _rule("Euler's number to a power", r"(?s)^.*$", lambda m: _euler_power(m.group(0)),
          r"e^{-x^2}", r"\exp(-x^2)"),
    _rule("argument of log and exp without parentheses", r"(?s)^.*$",
          lambda m: _wrap_operator_argument(m.group(0)), r"\log \frac{a}{b} - \log p(x)",
          r"\log(\frac{a}{b}) - \log(p(x))"),
    _rule("braces around a call", r"(?s)^.*$", lambda m: _unbrace_calls(m.group(0)),
          r"\exp {(x)}(y)+g{(t)}", r"\exp(x)(y)+g(t)"),
    _rule("semicolon between arguments", r";", ",", r"\mathcal{N}(x; 0, 1)", r"\mathcal{N}(x, 0, 1)"),
    _rule("Euler's number alone", r"(?<![A-Za-z\\])e(?![A-Za-z_])", r"\\exp(1)", r"e + x", r"\exp(1) + x"),
    _rule("trailing punctuation", r"[\s.,;:]+$", "", "a+b ,", "a+b"),
    _rule("leading and repeated spaces", r"^\s+|\s+(?=\s)", "", "  a  b", "a b"),
)


def normalise(tex: str) -> str:
    """``tex`` with every rule of :data:`NORMALISATIONS` applied, in order."""
    for rule in NORMALISATIONS:
        tex = rule.apply(tex)
    return tex
