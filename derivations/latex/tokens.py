"""The tokens the lexer makes for the grammar, and the error that leaves a row unread."""

from __future__ import annotations

from dataclasses import dataclass, field

from lark import Token

from derivations.latex.names import Name


class UnreadError(ValueError):
    """A construct the reader does not read (the message says which): the row stays unread."""


class Tok(Token):
    """A token with what the builder needs beyond its text (a :class:`Name`)."""

    info: object = None


def token(kind: str, text: str, info: object = None) -> Tok:
    tok = Tok(kind, text)
    if info is not None:
        tok.info = info
    return tok


@dataclass
class Lexed:
    """The tokens of one row and the names met in it (for the guard that no name is lost)."""

    tokens: list[Tok]
    names: list[Name] = field(default_factory=list)
