r"""The horizon T of a diffusion chain: a whole number of steps, at least 1, unless the post says otherwise.

In a diffusion post that sums or multiplies up to T (or writes a range :math:`\mathbf{x}_{1:T}`), the bare
``T`` is the number of steps of the forward process, which runs t = 1, ..., T (Ho et al. 2020, sec. 2): a
positive integer (:class:`~derivations.latex.scope.Scope`). Then a split such as
:math:`\sum_{t=1}^T a_t = a_1 + \sum_{t=2}^T a_t` holds as written, not only in Karr's convention (which
SymPy's closed forms follow, and which differs from the empty range as written once a range runs backwards).

The convention is voided as any other (lint.conventions) by a relation that may break it (``T = 0``,
``T \ge 0``, ``T \in (0, 1)``), and here by words: a sentence that speaks of T (in its math, outside the
subscript of another name, or as the plain letter) and says it may be zero, real, any number, or writes a
number below 1 (``$0$``).
"""

from __future__ import annotations

import re

import sympy as sp

from derivations.latex.scope import HORIZON
from derivations.lint.context import Post
from derivations.lint.extract import without_code
from derivations.lint.mentions import mentioned_names
from derivations.lint.post import is_diffusion_post

#: A sum or product up to T (``\sum_{t=2}^T``, ``\prod_{s=1}^{T}``) or a range to T (``x_{1:T}``).
_TO_T = re.compile(r"\\(?:sum|prod)\s*_\s*\{[^{}]*\}\s*\^\s*\{?\s*T\s*\}?(?![A-Za-z_{])|_\{\s*\d\s*:\s*T\s*\}")
#: Words that let the number of steps be 0, or no whole number.
_NOT_STEPS = re.compile(r"\bzero\b|(?<![\w.$])0(?![\w.$])|\bnon-?negative|\bnatural\b|"
                        r"\breal(?:\s+|-)(?:numbers?|valued|values?|horizon|time)|\bcontinuous|\bfraction|\bany\b|\bno\s+(?:\w+\s+)?steps?\b|\bempty\b|"
                        r"\b(?:may|can|could|might)\s+(?:also\s+)?be\s+(?:zero|empty|negative|real|a\s+fraction|"
                        r"non-?integer)|\bincluding\b|\bnone\b|\bnot\b|n't\b|\bnil\b|\bvanish|\bno?ught\b|\bnaturals?\b|(?<!positive\s)\binteger\b|\bnumber\b(?!\s+of\s+(?:\w+\s+)?steps)",
                        re.IGNORECASE)
#: Math in prose: $$...$$ (kramdown's inline math too), $...$, \(...\), \[...\].
#: Words that let the chain have no steps, whether or not the sentence names T.
_NO_STEPS = re.compile(r"\b(?:steps?|it|horizon)\b[^.!?]*\b(?:may|can|could|might)\s+(?:also\s+)?be\s+(?:zero|0|none|"
                       r"nil|empty)\b|\bpossibly\s+(?:none|zero|no\s+steps?)\b|\bno\s+(?:\w+\s+)?steps\b",
                       re.IGNORECASE)
_INLINE = re.compile(r"\$\$(.+?)\$\$|(?<![$\\])\$([^$]+)\$(?!\$)|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.DOTALL)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def counts_steps(text: str) -> bool:
    """Is the post's bare ``T`` the number of steps of a diffusion chain (:class:`~derivations.latex.scope.Scope`)?"""
    return is_diffusion_post(text) and bool(_TO_T.search(text))


def said_of_the_horizon(post: Post, text: str) -> None:
    """Void the horizon's convention if a sentence that speaks of T says it may be no whole number of steps."""
    if not post.scope.horizon:
        return
    spans: list[str] = []

    def hidden(match: re.Match) -> str:  # math is set aside first: a period inside it ends no sentence
        spans.append(next(group for group in match.groups() if group is not None))
        return f" \x00{len(spans) - 1}\x00 "

    for sentence in _SENTENCE.split(_INLINE.sub(hidden, without_code(text))):
        math = [spans[int(i)] for i in re.findall(r"\x00(\d+)\x00", sentence)]
        words = re.sub(r"\x00\d+\x00", " ", sentence)
        speaks = re.search(r"(?<![\w\\])T(?![\w])", words) or any(HORIZON in mentioned_names(post, m) for m in math)
        if _NO_STEPS.search(words):  # "the number of steps may be zero", "It may be zero", "possibly none"
            speaks = True
        small = any(_a_number_below_one(post, m) for m in math)
        if speaks and (small or _NOT_STEPS.search(words)):
            post.void(HORIZON)
            return


def _a_number_below_one(post: Post, span: str) -> bool:
    value = post.read(span).expr
    return isinstance(value, sp.Number) and bool(value < 1)
