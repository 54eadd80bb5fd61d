r"""Is inline math in the prose a definition? What its sentence says.

``Let $\mu = 0$.`` defines; ``Unless $\mu = 0$, the sides differ.`` and ``Note that $\mu = 0$ is
not assumed.`` do not; ``The roots are $\mu = 0$ or $\mu = -2$.`` states values in passing. So a
relation in the prose is read by its sentence:

* **negated**: the sentence denies, questions, conditions or lists alternatives anywhere (*not*,
  *cannot*, *unless*, *if*, *or*, *roots*, *prove*, *for example*, a question mark, ...): it defines nothing;
* **cued**: a word that introduces a definition comes right before it (*let*, *where*, *with*,
  *define*, *denote*, *set*, *write*, ... within three words), it opens the sentence or follows a
  colon, or it is written ``:=``: a definition;
* otherwise **in passing**: a definition that may refute a step (a counterexample that ignores it is
  no refutation) but never proves one on its own (:meth:`~derivations.lint.context.Post.substituted`).
"""

from __future__ import annotations

import re
from enum import Enum

_NEGATED = re.compile(r"\b(?:not|no|never|nor|cannot|unless|if|whether|except|exception|exceptions|otherwise|"
                      r"tempting|naive|naively|guess|roots?|solutions?|solves?|solving|when|whenever|iff|either|neither|or|false|wrong|incorrect|"
                      r"mistakes?|mistaken|errors?|reject|rejects|rejected|forbid|forbids|forbidden|exclude|excludes|"
                      r"excluded|but|although|though|instead|rather|than|case|cases|would|could|might|should|prove|"
                      r"proves|show|shows|verify|check|contradiction|contrary|impossible|fails?|suppose|supposing|"
                      r"hypothetically|typical|typically|choices|example|examples|e\.g\.|say)\b|n't\b|\?",
                      re.IGNORECASE)
#: Words that introduce a definition, right before the math (within three words).
_CUED = re.compile(r"\b(?:let|lets|where|with|define|defines|defined|defining|denote|denotes|denoted|set|sets|"
                   r"write|writes|written|take|takes|choose|chosen|fix|given|here|i\.e\.|namely|put|putting|"
                   r"substitute|substituting|plug|plugging|insert|inserting|assume|assuming|is|be|becomes)\b",
                   re.IGNORECASE)


class Cue(Enum):
    """How a sentence presents a relation of its inline math."""

    NEGATED = "negated"
    CUED = "cued"
    IN_PASSING = "in passing"


def cue(before: str, after: str, relation_text: str = "") -> Cue:
    """How the sentence (``before`` the math, ``after`` it) presents the relation in the math.

    A definition must be said to be one, right before the math (*let*, *where*, a colon, the start of the
    sentence) or by ``:=``, in a sentence that negates, questions or conditions nothing (*not*, *if*,
    *or*, *prove*, a question mark): anything else is a value in passing, which never proves a step.
    """
    sentence = _words(before) + " " + _words(after)
    if _NEGATED.search(sentence):
        return Cue.NEGATED
    if re.search(r":=|\\coloneqq?|=:|\\eqqcolon|\\triangleq|\\overset\{\\(?:text|rm|mathrm)\{def\}\}", relation_text):
        return Cue.CUED
    lead = re.sub(r"(?:[\s,]|\band\b|(?<=\s)[-*+](?=\s|$))+$", "", _words(before))  # "Lemma: $a = b$, and $c = d$",
    # "for: - $P(x) = ...$ - $Q(x) = ...$" (a list flattened into one line): after the colon
    opening = not lead.strip(" -*>#(") or lead.endswith(":")  # "$X = 10 + 2Z_1$, with ...": opens the sentence
    return Cue.CUED if opening or _CUED.search(" ".join(lead.split()[-3:])) else Cue.IN_PASSING


def _words(text: str) -> str:
    """The words of a sentence, without its other math (and the dollar next to this math)."""
    return re.sub(r"\$[^$]*\$", " ", text.strip("$"))  # the dollars of this math first: they pair with no other


#: A condition in the sentence's math: "for $x > 0$", "if $t \in (0, 1)$" (not "for all", "for every", "for each").
_CONDITION = re.compile(r"\b(?:for|if|when|whenever|on|while)\s+(?!all\b|every\b|each\b|any\b)[^$]{0,20}\$[^$=]*"
                        r"(?:<|>|\\[lg]eq?(?![A-Za-z])|\\[lg]t(?![A-Za-z])|\\(?:not)?in(?![A-Za-z])|\\neq?(?![A-Za-z]))"
                        r"[^$=]*\$", re.IGNORECASE)


#: A part of the domain in words: "on the positive half-line", "for positive arguments", "for x in the interval".
_PART = re.compile(r"\b(?:on|for|over)\s+(?:the\s+|all\s+)?(?:positive|negative|nonnegative|nonpositive|non-negative|"
                   r"half-?line|interval|region|arguments?\s+(?:above|below|in)|subset)", re.IGNORECASE)


def conditional(before: str, after: str) -> bool:
    """Does the sentence state a value under a condition ("$f(x) = 0$ for $x \\le 0$"): for part of the domain?"""
    return bool(_CONDITION.search(before + " $ $ " + after) or _PART.search(_words(before) + " " + _words(after)))
