r"""Is inline math in the prose a definition? What its sentence says.

``Let $\mu = 0$.`` defines; ``Unless $\mu = 0$, the sides differ.`` and ``Note that $\mu = 0$ is
not assumed.`` do not; ``The roots are $\mu = 0$ or $\mu = -2$.`` states values in passing. So a
relation in the prose is read by its sentence:

* **negated**: the sentence denies or conditions it (*not*, *unless*, *if*, *whether*, *roots*,
  *solutions*, ...): it defines nothing;
* **cued**: a word that introduces a definition comes before it in the sentence (*let*, *where*,
  *with*, *define*, *denote*, *set*, *write*, ...), it opens the sentence or follows a colon, or it
  is written ``:=``: a definition;
* otherwise **in passing**: a definition that may refute a step (a counterexample that ignores it is
  no refutation) but never proves one on its own (:meth:`~derivations.lint.context.Post.substituted`).
"""

from __future__ import annotations

import re
from enum import Enum

_NEGATED = re.compile(r"\b(?:not|no|never|nor|unless|if|whether|except|otherwise|roots?|solutions?|solves?|"
                      r"solving|when|whenever|iff|either|neither|false|wrong|"
                      r"incorrect|instead|rather|than|case|cases|would|could|might|should)\b|n't\b", re.IGNORECASE)
_CUED = re.compile(r"\b(?:let|lets|where|with|define|defines|defined|defining|denote|denotes|denoted|set|sets|"
                   r"write|writes|written|take|takes|choose|chooses|chosen|fix|given|here|i\.e\.|namely|using|"
                   r"use|uses|is|are|be|becomes|gives|equals|we have|has|have|and|so|thus|hence|then|therefore|"
                   r"put|puts|putting|substitute|substituting|plug|plugging|insert|inserting|replace|replacing|"
                   r"suppose|supposing|assume|assuming)\b", re.IGNORECASE)


class Cue(Enum):
    """How a sentence presents a relation of its inline math."""

    NEGATED = "negated"
    CUED = "cued"
    IN_PASSING = "in passing"


def cue(before: str, after: str, relation_text: str = "") -> Cue:
    """How the sentence (``before`` the math, ``after`` it) presents the relation in the math.

    A negation counts only next to the math (four words either side): in ``where $x = 1$, which is
    small when t is large`` the *when* is about something else.
    """
    near = " ".join(_words(before).split()[-4:] + _words(after).split()[:4])
    if _NEGATED.search(near):
        return Cue.NEGATED
    if re.search(r":=|\\coloneqq|=:|\\eqqcolon|\\triangleq|\\overset\{\\(?:text|rm|mathrm)\{def\}\}", relation_text):
        return Cue.CUED
    lead = re.sub(r"(?:[\s,]|\band\b)+$", "", _words(before))  # "Lemma: $a = b$, and $c = d$": after the colon
    opening = not lead.strip(" -*>#(") or lead.endswith(":")  # "$X = 10 + 2Z_1$, with ...": opens the sentence
    return Cue.CUED if opening or _CUED.search(_words(before)) else Cue.IN_PASSING


def _words(text: str) -> str:
    """The words of a sentence, without its other math (and the dollar next to this math)."""
    return re.sub(r"\$[^$]*\$", " ", text).strip("$")
