r"""What a post says of its densities in words, for the rules that take p and q for normalised densities of
real variables (lint.marginals: the sum rule; lint.bounds: Gibbs' and Jensen's inequalities).

* A family the prose calls unnormalised, or no density ("$q(z|x)$ does not integrate to one", "$p(x)$ is the
  price of a house") may be no normalised density: it joins ``scope.tied_families``.
* Names a sentence says depend on others ("$x$, a function of $z$", "$w$, the square of $x$") move together:
  ``scope.set_to`` ties them, as an equation would (lint.stated).
* A capital the words say something of ("Now P is the uniform law"): a law of that name holds no more from
  there (lint.laws).
* A post about discrete variables ("discrete", "mass function", ``z \in \{1, \dots, K\}``, ``\mathbb{N}``):
  ``scope.discrete``, and an integral of its densities is no marginal (a sum is).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import sympy as sp

from derivations.lint.extract import without_code
from derivations.lint.steps import top_level_split

if TYPE_CHECKING:
    from derivations.lint.context import Post

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
_INLINE = re.compile(r"(?<![\\$])\$(?!\$)([^$]+?)(?<![\\$])\$(?!\$)|\\\((.+?)\\\)")
#: Words that say a density is not normalised, or no density at all.
_UNNORMALISED = re.compile(r"unnormali[sz]|not\s+normali[sz]|(?:does\s*n[o']t|doesn't|need\s*n[o']t|may\s+not)\s+"
                           r"integrate|integrates?\s+to\s+(?!one\b|1\b)|\bnot\s+(?:a\s+)?(?:probability|density|"
                           r"distribution|normali)|\bimproper\b|\benerg|\bpotential\b|\bun-?normed",
                           re.IGNORECASE)
#: "$p(x)$ is ...", "$q$ denotes ...": what the words after a family call it.
_CALLED = re.compile(r"\s*(?:is|are|denotes?|be|stands?\s+for|represents?|means?)\s+(?P<words>(?:a|an|the|our|its|"
                     r"their)\s[^.;:$]*)", re.IGNORECASE)
_DENSITY_WORDS = re.compile(r"densit|distribution|probabilit|likelihood|prior|posterior|marginal|joint|"
                            r"conditional|model|\blaw\b|kernel|encoder|decoder|transition|\bpdf\b|measure|gaussian|"
                            r"normal|evidence|\bfamily\b|approximat|variational|process|learn|parameteri|network|tractable|"
                            r"\bfixed\b|\bknown\b|chosen", re.IGNORECASE)
#: Words that tie the names of a sentence: "a function of", "the square of", "depends on".
_DEPENDS = re.compile(r"function\s+of|depend|square\s+of|multiple\s+of|power\s+of|transform|computed\s+from|"
                      r"derived\s+from|determined\s+by|varies\s+with", re.IGNORECASE)
_DISCRETE = re.compile(r"discrete\s+(?:latent\s+)?(?:random\s+)?variables?|mass\s+function|\\in\s*\\\{|\\in\s*"
                       r"\\mathbb\s*\{?\s*[NZ]\b|latent\s+counts?|categorical\s+(?:latent\s+)?variables?|"
                       r"(?:variables?|latents?)\s+(?:is|are)\s+discrete", re.IGNORECASE)
#: A capital in the words, not in math, that the words say something of: "P is the uniform law", "Q denotes".
_LETTER_CALLED = re.compile(r"(?<![\\$\w])([A-Z])\s+(?:is|denotes|becomes|stands\s+for|now|instead)\b")
_BETWEEN = re.compile(r"=|,|\\propto|\\quad")
#: A family, alone or called: ``q``, ``p_\theta``, ``q(z|x)``.
_FAMILY = re.compile(r"\s*(?P<name>\\?[A-Za-z](?:_\{?\\?[A-Za-z0-9]+\}?)?)\s*(?P<called>(?:\\left)?\(.*\))?\s*")


def densities_in_words(post: Post, text: str) -> Post:
    """``post`` with what its prose says of its densities and their variables kept (see the module)."""
    plain = without_code(text)
    post.scope.discrete = bool(_DISCRETE.search(plain))
    for match in _LETTER_CALLED.finditer(_INLINE.sub(lambda m: " " * len(m.group(0)), plain)):  # "Now P is ..."
        post.law_said.setdefault(match.group(1), []).append((plain.count("\n", 0, match.start()) + 1, "words"))
    for sentence in _SENTENCE.split(plain):
        matches = list(_INLINE.finditer(sentence))
        spans = [m.group(1) or m.group(2) for m in matches]
        words = _INLINE.sub(" ", sentence)
        if _UNNORMALISED.search(words):
            post.scope.tied_families |= frozenset(_families(post, spans))
        for match, span in zip(matches, spans, strict=True):
            called = _CALLED.match(sentence[match.end():])
            if called and not _DENSITY_WORDS.search(called.group("words")):
                post.scope.tied_families |= frozenset(_families(post, [span]))
        if _DEPENDS.search(words):
            names = {s for span in spans if (value := post.read(span).expr) is not None for s in value.free_symbols
                     if s.is_Symbol}
            for name in names:
                post.scope.set_value(name.name, sp.Add(*names))
    return post


def _families(post: Post, spans: list[str]) -> list[str]:
    """The density families the math ``spans`` name, alone or called: ``q``, ``p_theta``."""
    found = []
    for span in spans:
        for _, piece in top_level_split(span, _BETWEEN):
            match = _FAMILY.fullmatch(piece)
            if match is None or not (match.group("called") or match.group("name").lstrip("\\")[0] in "pqPQ"):
                continue  # x_0, \beta_t: no density family
            value = post.read(match.group("name")).expr
            if isinstance(value, sp.Symbol):
                found.append(value.name)
    return found
