"""Bars as delimiters: which ``|`` opens an absolute value and which closes it (and ``\\|`` for norms)."""

from __future__ import annotations

from derivations.latex.tokens import Tok, UnreadError, token
from derivations.latex.vocabulary import OPERAND_ENDS


def paired_bars(tokens: list[Tok]) -> list[Tok]:
    """Bars (``|``) and double bars (``\\|``) as opening and closing delimiters.

    A bar after an operand closes the innermost open bar of its kind; anywhere else it
    opens one. An unpaired bar leaves the row unread.
    """
    out: list[Tok] = []
    open_bars = {"BAR": 0, "NORM": 0}
    for tok in tokens:
        if tok.type in open_bars:
            closing = bool(out) and out[-1].type in OPERAND_ENDS and open_bars[tok.type] > 0
            open_bars[tok.type] += -1 if closing else 1
            kind = ("R" if closing else "L") + ("ABS" if tok.type == "BAR" else "NORM")
            out.append(token(kind, str(tok)))
        else:
            out.append(tok)
    if any(open_bars.values()):
        raise UnreadError("an absolute value or a norm that does not close")
    return out
