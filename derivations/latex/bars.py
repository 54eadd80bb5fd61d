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
    return _euclidean(out)


def _euclidean(tokens: list[Tok]) -> list[Tok]:
    r"""``\|v\|_2``, ``\|v\|_2^2``, ``\|v\|^2_2``: the subscript 2 names the Euclidean norm (the closing bar says so).

    Any other subscript (``\|v\|_1``, ``\|A\|_F``) names another norm: the row is left unread.
    """
    out = list(tokens)
    for at in range(len(out) - 1, -1, -1):
        if out[at].type != "RNORM":
            continue
        script = at + 1
        if script < len(out) and out[script].type == "CARET":
            script = _after_script(out, script + 1)
        if script < len(out) and out[script].type == "UNDERSCORE":
            width = _subscript_two(out, script + 1)
            if width is None:
                raise UnreadError("a norm with a subscript other than 2 (the Euclidean norm)")
            del out[script:script + 1 + width]
            out[at] = token("RNORM", str(out[at]), "2")
    return out


def _subscript_two(tokens: list[Tok], at: int) -> int | None:
    """How many tokens spell the subscript ``2`` or ``{2}`` at ``at`` (None if it is something else)."""
    kinds = [(t.type, str(t)) for t in tokens[at:at + 3]]
    if kinds[:1] == [("NUMBER", "2")]:
        return 1
    if kinds == [("LBRACE", "{"), ("NUMBER", "2"), ("RBRACE", "}")]:
        return 3
    return None


def _after_script(tokens: list[Tok], at: int) -> int:
    """The index after the script that starts at ``at``: one token, or a braced group."""
    if at >= len(tokens) or tokens[at].type != "LBRACE":
        return at + 1
    depth = 0
    for index in range(at, len(tokens)):
        depth += {"LBRACE": 1, "RBRACE": -1}.get(tokens[index].type, 0)
        if depth == 0:
            return index + 1
    return len(tokens)
