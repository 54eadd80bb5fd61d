r"""Prose for readers: sources by title and author, derivations as links, text as Markdown or LaTeX.

A derivation's texts (titles, headings, justifications, notes) are prose with ``$...$`` math.
The writers publish them through this module:

* :func:`cite` names the source documents as a reader knows them (``source 000`` is
  Kilaru (2025), "Sums of random variables and convolutions"), and :func:`references`
  lists the full titles of the sources a text cites;
* :func:`linked` turns "the forward_process derivation" into a link to that derivation's page
  (Markdown) or its title (LaTeX);
* :func:`markdown` writes prose for a Markdown page: the math inert
  (:mod:`derivations.latex.inert`), the text with Markdown's characters escaped;
* :func:`latex_text` writes prose for a LaTeX document: text escaped, math kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from derivations import registry
from derivations.latex.inert import inert


def _quoted(title: str) -> str:
    return f"\u201c{title}\u201d"


#: The sources the project works from: pattern, short citation, full reference.
SOURCES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"\b[Ss]ource 000\b"), "Kilaru (2025)",
     f"Y. S. C. G. Kilaru, {_quoted('Sums of random variables and convolutions')}, blog post, April 2025"),
    (re.compile(r"\b[Ss]ource 001\b"), f"the course notes {_quoted('Gaussian Distributions Deep Dive')}",
     f"{_quoted('Gaussian Distributions Deep Dive')}, course notes, chapter 0, section 2"),
    (re.compile(r"\b[Ss]ource 002\b"), f"the study notes {_quoted('Mathematical Foundations of Generative AI')}",
     f"{_quoted('Mathematical Foundations of Generative AI')}, study notes for week 8 (a video tutorial)"),
    (re.compile(r"\b[Ss]ource 003\b"), f"the post {_quoted('CLT and diffusion models')}",
     f"{_quoted('CLT and diffusion models')}, blog post, August 2024"),
    (re.compile(r"\bHo, Jain & Abbeel \(?2020\)?|\bHo et al\.,? \(?2020\)?"), "Ho et al. (2020)",
     f"J. Ho, A. Jain and P. Abbeel, {_quoted('Denoising Diffusion Probabilistic Models')}, NeurIPS 2020"),
    (re.compile(r"\bNichol & Dhariwal \(?2021\)?"), "Nichol & Dhariwal (2021)",
     f"A. Nichol and P. Dhariwal, {_quoted('Improved Denoising Diffusion Probabilistic Models')}, ICML 2021"),
    (re.compile(r"\bKingma & Welling \(?2014\)?"), "Kingma & Welling (2014)",
     f"D. P. Kingma and M. Welling, {_quoted('Auto-Encoding Variational Bayes')}, ICLR 2014"),
    (re.compile(r"\bKullback & Leibler \(?1951\)?"), "Kullback & Leibler (1951)",
     f"S. Kullback and R. A. Leibler, {_quoted('On information and sufficiency')}, Ann. Math. Statist. 1951"),
)
_DERIVATION = re.compile(r"\b(?:the )?`?([a-z]+(?:_[a-z]+)+)`? derivation\b")


def cite(text: str) -> str:
    """``text`` with each source document named by its short citation (outside math)."""
    return _outside_math(text, _cite_plain)


def _cite_plain(text: str) -> str:
    for pattern, short, _ in SOURCES:
        text = pattern.sub(short, text)
    return text


def references(texts: Iterable[str]) -> list[str]:
    """The full reference of every source cited in ``texts``, in the order of :data:`SOURCES`."""
    joined = "\n".join(texts)
    return [full for pattern, _, full in SOURCES if pattern.search(joined)]


def linked(text: str, link: Callable[[str, str], str]) -> str:
    """``text`` with "the NAME derivation" replaced by ``link(name, title)`` for a built-in NAME."""
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in registry.names():
            return match.group(0)
        return link(name, registry.title(name))
    return _outside_math(text, lambda plain: _DERIVATION.sub(replace, plain))


def _outside_math(text: str, change: Callable[[str], str]) -> str:
    parts = text.split("$")
    return "$".join(part if index % 2 else change(part) for index, part in enumerate(parts))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_|<>#~])")


def markdown(text: str) -> str:
    """Prose for a Markdown page: sources cited, derivations linked, math inert, text escaped.

    Each ``$...$`` segment is kept as inline math in inert form; the text between has
    Markdown's characters backslash-escaped, so that kramdown and Goldmark show it as written.
    """
    text = linked(cite(text), lambda name, title: f"\x00{registry.names().index(name)}\x01")
    parts = []
    for index, segment in enumerate(text.split("$")):
        if index % 2:
            parts.append(f"${inert(segment.strip(), display=False)}$")
        else:
            escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", segment)
            parts.append(escaped.replace("[", "&#91;").replace("]", "&#93;"))
    return _PLACEHOLDER.sub(lambda m: f"[{title(_name(m))}]({_name(m)}.md)", "".join(parts))


_PLACEHOLDER = re.compile("\x00([0-9]+)\x01")
_PSEUDO_MATH = re.compile(r"\s+q\(.*\)$")


def _name(match: re.Match[str]) -> str:
    return registry.names()[int(match.group(1))]


def title(name: str) -> str:
    """A built-in derivation's title as link text: the registry's title without its ASCII formula."""
    return _PSEUDO_MATH.sub("", registry.title(name))


#: Text-mode escapes for prose outside ``$...$`` (titles, notes, sources, verdicts).
TEXT_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&",
                "#": r"\#", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
                "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
                "\u2212": "$-$", "\u00d7": r"$\times$", "\u2192": r"$\to$", "\u2248": r"$\approx$",
                "\u2264": r"$\le$", "\u2265": r"$\ge$", "\u00b7": r"$\cdot$", "\u221e": r"$\infty$",
                "\u2026": r"\dots{}", "\u201c": "``", "\u201d": "''"}


def escape_text(text: str) -> str:
    """Plain prose as LaTeX text: special characters escaped, a few Unicode signs as math."""
    return "".join(TEXT_ESCAPES.get(c, c) for c in text)


def latex_text(text: str, *, link: Callable[[str, str], str] | None = None) -> str:
    """Prose for a LaTeX document: sources cited, derivations named (or ``link``-ed), math kept."""
    text = linked(cite(text), lambda name, _: f"\x00{registry.names().index(name)}\x01")
    out = "".join(f"${s}$" if i % 2 else escape_text(s) for i, s in enumerate(text.split("$")))
    show = link or (lambda name, shown: f"``{escape_text(shown)}''")
    return _PLACEHOLDER.sub(lambda m: show(_name(m), title(_name(m))), out)


def plain(text: str) -> str:
    """Prose for a terminal or a comment line: sources cited, derivations named by title."""
    return linked(cite(text), lambda name, _: f"\u201c{title(name)}\u201d")
