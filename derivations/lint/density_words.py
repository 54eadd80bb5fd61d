r"""What a post says of its densities in words, for the rules that take p and q for normalised densities of
real variables (lint.marginals: the sum rule; lint.bounds: Gibbs' and Jensen's inequalities).

* Words anywhere in the post that speak of normalising, integrating, mass, improper or flat densities, "twice"
  or "proportional": any density of the post may be unnormalised (``scope.unnormalised``; "It integrates to two"
  says it of a density the sentence does not name).
* A family the prose calls something ("$p(x)$ is the price of a house", "the log density", "$q$ gives ..."), or
  gives a value in words ("we take $q(z|x)$ to be $2\mathcal{N}(z; x, 1)$"), may be no normalised density of its
  variable: it joins ``scope.tied_families``.
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
_UNNORMALISED = re.compile(
    r"un-?normali[sz]|non-?normali[sz]|\bunnormed|(?:isn'?t|aren'?t|not|never)\s+(?:\w+\s+)?normali[sz]|"
    r"(?:do|does|did)\s*(?:n[o']t|not)\s+integrate|fails?\s+to\s+integrate|"
    r"(?:integrates?|sums?|adds?\s+up)\s+to\s+(?!(?:one|1|unity)\b(?![\s./]*(?:half|third|quarter|\d)))|"
    r"\bmass\s+(?!one\b|1\b)\w|normali[sz]ing\s+constant\s+(?!one\b|1\b|of\b)\w|area\s+under|exceeds?\s+one|"
    r"\bdouble\b|multiplied\s+by|\btimes\s+the\s+(?:posterior|prior|density)|"
    r"integral\s+of\s+(?:\S+\s+){0,6}?is\s+(?!one\b|1\b|unity|intractable)|(?:total|its)\s+mass|"
    r"up\s+to\s+(?:a|its|the)\s+(?:normali[sz]ing\s+|multiplicative\s+)?constant|\bimproper\b|\bflat\s+prior|"
    r"lacks?\s+(?:its|a|the)\s+normali|twice\s+the|\bno\s+(?:probability\s+)?densit|"
    r"\bnot\s+(?:a\s+)?(?:probability|densit|distribution)|(?:whole|entire)\s+real\s+line|over\s+all\s+of|"
    r"energy-based", re.IGNORECASE)
#: "$p(x)$ is ...", "$q$ denotes ...": what the words after a family call it.
_CALLED = re.compile(r"\s*(?:is|are|denotes?|be|stands?\s+for|represents?|means?|gives?|returns?|computes?|measures?|"
                     r"equals?|to\s+be)\s+(?P<words>[^.;:$]*)(?P<math>\$)?", re.IGNORECASE)
#: "$q(z|x)$, the log posterior, ...": what an appositive calls it.
_APPOSITIVE = re.compile(r"\s*,\s*(?P<words>(?:a|an|the|our|its)\s[^,.;:$]*)(?P<math>\$)?", re.IGNORECASE)
#: Words beside a density word that still make it no normalised density of its variable.
_NOT_A_DENSITY = re.compile(r"\blog|ratio|negative|score|gradient|derivative|price|cost|energy|improper|flat|uniform|"
                            r"unnormali|twice|half|times|constant", re.IGNORECASE)
_DENSITY_WORDS = re.compile(r"densit|distribution|probabilit|likelihood|prior|posterior|marginal|joint|"
                            r"conditional|model|\blaw\b|kernel|encoder|decoder|transition|\bpdf\b|measure|gaussian|"
                            r"normal|evidence|\bfamily\b|approximat|variational|process|learn|parameteri|network|tractable|"
                            r"\bfixed\b|\bknown\b|chosen", re.IGNORECASE)
#: Words that tie the names of a sentence: "a function of", "the square of", "depends on".
_DEPENDS = re.compile(r"function\s+of|depend|square\s+of|multiple\s+of|power\s+of|transform|computed\s+from|"
                      r"derived\s+from|determined\s+by|varies\s+with|proportional|equal|twice|thrice|times|\bmap|"
                      r"\\mapsto|\\propto|\\approx|\\sim|\\to\b|linear|scaled|shifted", re.IGNORECASE)
_DISCRETE = re.compile(r"discrete|binary|mass\s+function|\\in\s*(?:\\left\s*)?(?:\\\{|\\lbrace|\[\s*[A-Za-z]\s*\])|"
                       r"\\in\s*\\mathbb\s*\{?\s*[NZ]\b|\bcounts?\b|categorical|bernoulli|binomial|poisson|multinomial|"
                       r"finitely|finite\s+set|integer|one\s+of\s+\$?\\?\w*\$?\s+(?:values|clusters|classes)|one-hot|"
                       r"\bbits?\b|values\s+\$?0\$?\s+and\s+\$?1|either\s+\$?0|class\s+labels?|\bcoins?\b|countabl|"
                       r"indicator|cluster|boolean|natural\s+numbers?|\blabels?\b", re.IGNORECASE)
#: A normal law as posts write it, ``\mathcal{N}(0, I)``: its numbers are no value given to a density.
_LAW = re.compile(r"\\mathcal\s*\{?N\}?\s*(?:\\left\s*)?\((?:[^()]|\([^()]*\))*\)(?:\\right\s*\))?")
#: Words between a density and the value they give it: "$q$ to be $2N$", "$q$ as $e^{-z}$".
_GIVEN = re.compile(r"\s*(?:to\s+be|be|as|is|equals?(?:\s+to)?|set\s+to|:=|=)\s*", re.IGNORECASE)
#: A name's scripts: their digits are no value (``x_0``, ``x_{0:T}``).
_SCRIPTS = re.compile(r"[_^](?:\{[^{}]*\}|\\?[A-Za-z0-9])")
#: Math that gives a value, not only names: a number, a function, a normal law.
_VALUED = re.compile(r"\d|\\mathcal\s*\{?N|\\exp|e\^|\\frac|\\prod|\\int|\\sqrt|\\log|=")
#: A capital in the words, not in math, that the words say something of: "P is the uniform law", "Q denotes".
_LETTER_CALLED = re.compile(r"(?<![\\$\w])([A-Z])\s+(?:is|denotes|becomes|stands\s+for|now|instead)\b")
_BETWEEN = re.compile(r"=|,|\\propto|\\quad")
#: A family, alone or called: ``q``, ``p_\theta``, ``q(z|x)``.
_FAMILY = re.compile(r"\s*(?P<name>\\?[A-Za-z](?:_\{?\\?[A-Za-z0-9]+\}?)?)\s*(?P<called>(?:\\left)?\(.*\))?\s*")


def densities_in_words(post: Post, text: str) -> Post:
    """``post`` with what its prose says of its densities and their variables kept (see the module)."""
    plain = without_code(text)
    words = _INLINE.sub(" ", plain)
    post.scope.discrete = bool(_DISCRETE.search(plain))
    post.scope.unnormalised = bool(_UNNORMALISED.search(words))  # "It integrates to two": of any density
    for match in _LETTER_CALLED.finditer(_INLINE.sub(lambda m: " " * len(m.group(0)), plain)):  # "Now P is ..."
        post.law_said.setdefault(match.group(1), []).append((plain.count("\n", 0, match.start()) + 1, "words"))
    for sentence in _SENTENCE.split(plain):
        matches = list(_INLINE.finditer(sentence))
        spans = [m.group(1) or m.group(2) for m in matches]
        words = _INLINE.sub(" ", sentence)
        for index, (match, span) in enumerate(zip(matches, spans, strict=True)):
            called = _CALLED.match(sentence[match.end():]) or _APPOSITIVE.match(sentence[match.end():])
            calls = called.group("words") if called else ""
            named = re.match(r"(?:a|an|the|our|its|their)\s", calls) and not _DENSITY_WORDS.search(calls)
            said = called and (named or _NOT_A_DENSITY.search(calls)
                               or (called.group("math") and re.search(r"\b(?:of|over|in)\s*$", calls)))
            after = matches[index + 1] if index + 1 < len(matches) else None  # "we take $q(z|x)$ to be $2N(z; x, 1)$"
            given = after is not None and _GIVEN.fullmatch(sentence[match.end():after.start()]) and _VALUED.search(
                _LAW.sub(" ", _SCRIPTS.sub(" ", spans[index + 1])))
            if said or given:
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
