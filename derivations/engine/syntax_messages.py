"""What the SymPy-syntax reader (:mod:`derivations.engine.syntax`) says about text it cannot read: one line that
names the construct (a quote, ``$``, ``=``, two terms side by side), not only Python's message."""

from __future__ import annotations

import ast
import re


def short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def hint(text: str) -> str:
    if "!" in text:
        return " (write factorial(n) for n!)"
    if re.search(r"\d[A-Za-z(]", text):
        return " (write 2*x for 2x: multiplication is explicit)"
    return ""


#: Characters the reader never reads, and what to write instead.
FOREIGN = {"$": "'$' is not read (type the math without dollars; LaTeX needs a backslash, e.g. \\sqrt{x})",
            "'": "a quote is not read (a prime f'(x) is no derivative here, and strings are not expressions)",
            '"': "a quote is not read (strings are not expressions)", ";": "';' is not read (one expression only)",
            "=": "'=' is not read (give the two sides as LHS and RHS)", "?": "'?' is not read",
            "`": "'`' is not read", "{": "braces are not read (LaTeX needs a backslash, e.g. \\frac{a}{b})",
            "}": "braces are not read (LaTeX needs a backslash, e.g. \\frac{a}{b})",
            "|": "'|' is not read (write Abs(x) for |x|)"}
#: Operators Python parses that an expression here does not have.
OPERATORS = {ast.MatMult: "@ (a matrix product)", ast.Mod: "% (a remainder)", ast.FloorDiv: "// (floor division)",
              ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "| (write Abs(x) for |x|)", ast.BitAnd: "&",
              ast.Invert: "~", ast.Not: "not"}


def syntax_problem(piece: str, error: SyntaxError, column: int) -> tuple[int, str]:
    """Where (1-based, in ``piece``) and what is wrong, in words: the construct, not only Python's message."""
    index = column - 1
    char = piece[index] if 0 <= index < len(piece) else ""
    before = piece[:max(index, 0)].rstrip()
    if "string literal" in error.msg:  # f'(x) is an f-string to Python: point at the quote
        quotes = [i for i in (piece.find("'"), piece.find('"')) if i >= 0]
        return (min(quotes) + 1 if quotes else column), FOREIGN["'"]
    if char in FOREIGN:
        return column, FOREIGN[char]
    if not error.msg.startswith("invalid syntax"):
        return column, error.msg
    trailing = re.search(r"(\*\*|[-+*/^(,])\s*$", piece)
    if trailing:
        return trailing.start(1) + 1, f"the expression ends after {trailing.group(1)!r}: something is missing"
    if (char.isalnum() or char in "(_") and before and (before[-1].isalnum() or before[-1] in ")_"):
        return column, "two terms side by side: write a*b for a product, f(x) for a call"
    return column, f"{error.msg} at {char!r}" if char.strip() else error.msg
