"""Lint a post: its display blocks read, split into steps and checked, with the post as context.

The functions the layer exports (:mod:`derivations.lint`) live here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import sympy as sp

from derivations.engine import notation
from derivations.errors import BadInputError
from derivations.latex.names import Name, read_name
from derivations.latex.scope import Scope
from derivations.latex.shapes import PostShapes
from derivations.lint.check import Linter, Options, Status, StepResult
from derivations.lint.citing import follows_ho
from derivations.lint.commuting import scalar_capitals
from derivations.lint.context import Post
from derivations.lint.conventions import PIECES, note_lone_row, note_statement
from derivations.lint.cues import Cue, conditional, cue
from derivations.lint.density_words import densities_in_words
from derivations.lint.extract import extract, front_matter_lists, without_code
from derivations.lint.horizon import counts_steps, said_of_the_horizon
from derivations.lint.laws import laws_said_in_words
from derivations.lint.macros import expand, macros
from derivations.lint.matrix_talk import declared_matrices, general_covariances, speaks_of_matrices
from derivations.lint.post import MAX_BYTES, is_diffusion_post, is_probabilistic, read_post, unit_bases
from derivations.lint.reasons import REASON
from derivations.lint.schedule import stated_otherwise, states_hos
from derivations.lint.steps import parse_rows, side_texts, top_level_split


@dataclass(frozen=True)
class LintReport:
    """The result of linting one post: how many display blocks, and every step."""

    path: str
    blocks: int
    steps: tuple[StepResult, ...]

    def count(self, status: Status) -> int:
        return sum(1 for step in self.steps if step.status is status)


def declared_name(text: str) -> Name:
    r"""A name as declared (``--normal``, front matter): ``\epsilon_{t-1}``, ``epsilon_t-1`` or ``eps_tm1``.

    >>> declared_name("eps_tm1").sympy_name, declared_name(r"\\epsilon_{t, t-1}").sympy_name
    ('epsilon_t-1', 'epsilon_t,t-1')
    """
    text = written = text.strip()
    row = notation.BY_PYTHON_NAME.get(text)
    if row is not None:
        text = row.latex
    elif not text.startswith("\\"):
        base, _, sub = text.partition("_")
        if base.isalpha() and len(base) > 1 and not base.startswith(("alphabar", "epsilonbar")):
            text = "\\" + base + (f"_{{{sub}}}" if sub else "")
        elif base.startswith(("alphabar", "epsilonbar")):
            text = rf"\bar{{\{base[: -len('bar')]}}}" + (f"_{{{sub}}}" if sub else "")
        else:
            text = base + (f"_{{{sub}}}" if sub else "")
    found = read_name(text, 0)
    if found is None or found[1] != len(text):
        raise BadInputError(f"not a name: {written!r} (read as {text}; write it as the post does, e.g. \\epsilon_t)")
    return found[0]


def post_context(text: str, options: Options) -> Post:
    """The post's context: its declarations (options and front matter) and its conventions."""
    extracted = extract(text)
    declared = front_matter_lists(extracted.front_matter)
    normals = [declared_name(n) for n in (*options.normals, *declared.get("normal", ()))]
    positive = [declared_name(n) for n in (*options.positive, *declared.get("positive", ()))]
    fixed: dict[str, sp.Symbol] = {}
    for name in normals:
        symbol = sp.Symbol(name.sympy_name, real=True)
        fixed[name.sympy_name] = fixed[name.python_name] = symbol
    scope = Scope(assume=options.assume, positive=frozenset(n.sympy_name for n in positive), fixed=fixed,
                  diffusion=is_diffusion_post(text), horizon=counts_steps(text), unit_bases=unit_bases(text),
                  euler_e=not _sets_letter(text, "e"), densities=is_probabilistic(text),
                  plain_functions=_plain_functions(text),
                  matrix_capitals=speaks_of_matrices(text), matrix_names=declared_matrices(text))
    return densities_in_words(Post(scope, tuple(n.sympy_name for n in normals)), text)


#: A call of p, q, P or Q related to a value that is no density (P(0) = -1): a function the post gives values.
_VALUED_CALL = re.compile(r"(?<![A-Za-z\\_^])(?P<name>[pqPQ](?:_\{?[A-Za-z0-9]+\}?)?)\s*(?:\\left)?\([^()]*\)\s*"
                          r"(?:\\right)?\)?\s*(?::=|=|<|>|\\le|\\ge|\\lt|\\gt)(?P<value>[^$]*)")
_DENSITY_VALUE = re.compile(r"\\mathcal\{?N|(?<![A-Za-z])[pqPQ](?:_\{?\w+\}?)?\s*(?:\\left\s*)?\(|\\int|\\prod|\\sum"
                            r"|\\mathbb\{?E|\\exp|e\^|\\frac\{1\}|\\propto")


def _plain_functions(text: str) -> frozenset[str]:
    """The p, q, P, Q families a post relates to plain values: ``P(0) = -1``, ``q(x) = x - 1``, ``q(z) < 0``."""
    found = set()
    for match in _VALUED_CALL.finditer(text):
        value = match.group("value").split("\n")[0]
        if not _DENSITY_VALUE.search(value):
            found.add(declared_name(match.group("name").replace("{", "").replace("}", "")).sympy_name)
    return frozenset(found)


def uses_i_as_index(text: str) -> bool:
    """Does a block write ``i`` as a subscript or a summation index (then it is no imaginary unit there)?"""
    return bool(re.search(r"_\{?\s*i\b|\\(?:sum|prod)_\{?\s*i\b|\bi\s*=\s*1|\\(?:sum|prod)_\{[^{}]*\}\^\{?\s*i\b",
                          text))


def _sets_letter(text: str, letter: str) -> bool:
    """Does the post give the letter a value or a law (``e = y - \\hat y``, ``i \\in \\{1, 2\\}``, ``e \\sim``)?"""
    given = r"\s*&?\s*(?::=|=(?!=)|\\in(?![A-Za-z])|\\sim(?![A-Za-z]))"  # = v, := v, \in S, \sim p
    return bool(re.search(rf"(?<![A-Za-z\\^_{{,]){letter}{given}", text))


def lint_text(text: str, options: Options | None = None, *, path: str = "POST.md",
              progress: Callable[[str], None] | None = None) -> LintReport:
    """Lint the Markdown ``text``; the front matter's ``derivations:`` lists add to ``options``.

    ``progress`` is told of each display block as it is checked (``"line 12: 3 steps"``).
    """
    options = options or Options()
    extracted = extract(text)
    post = post_context(text, options)
    linter = Linter(post)
    events = sorted([(b.line, 1, b) for b in extracted.blocks] + [(i.line, 0, i) for i in extracted.inline],
                    key=lambda event: (event[0], event[1]))
    steps: list[StepResult] = []
    lines = text.split("\n")
    defined = macros(text)  # \newcommand{\bx}{\mathbf{x}}: expanded as the renderer does
    post.scope.shapes = PostShapes.of_texts(_every_chain(text, extracted.blocks, defined))
    post.scope.shapes.general = general_covariances(text)
    _said_in_words(post, text)
    said_of_the_horizon(post, text)
    _dependent_noises(post, text)
    plain = without_code(text)
    words_said = []  # "$x$ equals $1$", "Set $x$ to $1$": equations in words
    for words in _EQUAL_IN_WORDS.finditer(plain):
        words_said.append((words.group(1) or words.group(3), words.group(2) or words.group(4)))
        note_statement(post, " = ".join(words_said[-1]), plain.count("\n", 0, words.start()) + 1)
    _range_in_its_sentence(post, plain)
    spans = [(line, expand(span, defined.at(line))) for line, span in _every_inline_math(text)]
    laws_said_in_words(post, spans)  # "$P$ is instead the uniform law"
    block_rows = [parse_rows(expand(block.content, defined.at(block.line)), block.line) for block in extracted.blocks]
    lone = [(row.head, row.links[0][1]) for rows in block_rows for row in rows if row.head and len(row.links) == 1]
    reading = lambda piece: post.read(piece.replace(r"\_", "_")).expr  # noqa: E731
    prose = [span for _, span in spans]
    heads = [row.head for rows in block_rows for row in rows if row.head]  # (\alpha_t := 1-\beta_t) &= ...
    post.hos_stated = not stated_otherwise(prose, lone, reading) and states_hos(prose + heads, lone, reading, text)
    for line, span in spans:  # what the prose says of a convention holds for the whole post
        if REASON.match(lines[line - 1] if line <= len(lines) else ""):
            continue  # "- (b) at $\sigma = 0$": the case of one step (lint.reasons)
        for _, piece in top_level_split(span, PIECES):
            note_statement(post, piece.replace(r"\_", "_"), line)
    post.scalar_capitals = scalar_capitals([b.content for b in extracted.blocks] + [span for _, span in spans],
                                           post.equations)
    _noises_tied_in_passing(post, extracted.inline, words_said)
    for rows in block_rows:  # and so do the bounds, laws and conditions of the displays
        for row, following in zip(rows, [*rows[1:], None][:len(rows)], strict=True):  # no rows: an empty display
            note_lone_row(post, row, None, alone=following is None or not following.continues)
    last: tuple[int, object] | None = None  # where the last block's steps start, and the block
    for _, kind, item in events:
        in_force = defined.at(item.line + item.content.count("\n"))
        item = replace(item, content=expand(item.content, in_force))
        if kind == 0:
            line = lines[item.line - 1] if item.line <= len(lines) else ""
            before = dict(post.definitions)
            if REASON.match(line) is None:  # "- (b) with $\lambda = 0$": the case of one step, not the post's
                _inline_definition(post, item.content, item.line, item.sentence)
                _defined_in_words(post, item.content, item.line, item.sentence[1])
            heads = {str(h) for h, d in post.definitions.items() if before.get(h) is not d}
            if heads and last is not None:  # "..., where $\epsilon = -z_1$": of the display before
                steps[last[0]:] = _defined_after(post, last[1], steps[last[0]:], heads, item.line)
        else:
            post.scope.imaginary_i = not (uses_i_as_index(item.content) or _sets_letter(text, "i"))  # e^{is}, X_i
            before, voided = dict(post.definitions), set(post.contradicted)
            found = linter.block(item)
            heads = _said_of_a_convention(post, before, voided)
            if heads and last is not None:  # $$\sqrt{\sigma^2} = \sigma$$ where $$\sigma = -2$$
                steps[last[0]:] = _defined_after(post, last[1], steps[last[0]:], heads, item.line)
            if heads:  # z_1 + eps =d z_2 + eps, \qquad eps = -z_1: a later row of the same display
                found = _defined_after(post, item, found, heads, item.line)
            last = (len(steps), item)
            steps += found
            if progress is not None:
                progress(f"line {item.line}: {len(found)} step{'' if len(found) == 1 else 's'}")
    return LintReport(path, len(extracted.blocks), tuple(_void_citations_of_ho(steps, post)))


#: "$\epsilon_1$ denotes $-z_1$": a definition in words, right after the name (in passing: it never proves).
_DENOTES = re.compile(r"\s*(?:denotes|stands\s+for|is\s+defined\s+as|is\s+short\s+for)\s+\$([^$]+)\$")


def _defined_in_words(post: Post, name: str, line: int, after: str) -> None:
    words = _DENOTES.match(after.lstrip("$"))
    if words is not None and isinstance(post.read(name).expr, sp.Symbol):
        post.define(name, words.group(1), line, cued=False)


def _said_of_a_convention(post: Post, before: dict, voided: set) -> set[str]:
    """The names a display just voided, or defined with a sign convention or out of declared noise (a display
    defines many names; only these can break a step proved before it, which held for every value of the rest)."""
    normals = set(post.normals)
    defined = {str(h) for h, d in post.definitions.items() if before.get(h) is not d and isinstance(h, sp.Symbol) and (
        h.is_positive or {s.name for s in d.value.free_symbols} & normals)}
    return defined | {str(s) for s in post.contradicted - voided}


def _defined_after(post: Post, block, steps: list[StepResult], heads: set[str], line: int) -> list[StepResult]:
    """The block's steps, a proved one undecided if it uses a name the prose right after the block defines: it was
    checked without the definition, which says what the name is ("where $\\epsilon = -z_1$")."""
    names: dict[int, set[str]] = {}
    for row in parse_rows(block.content, block.line):
        read = [post.read(side).expr for side in side_texts(row)]
        names[row.line] = {s.name for e in read if e is not None for s in e.free_symbols}
    return [replace(step, status=Status.UNDECIDED, method=f"uses {', '.join(sorted(heads & names[step.line]))}, which "
                    f"the post defines later (line {line}); checked without it: {step.method}")
            if step.status is Status.PROVED and heads & names.get(step.line, set()) else step for step in steps]


#: The words by which a step cites a result of Ho et al. (2020) (derivations.lint.lemmas).
_HO_CITATIONS = ("the forward process, Ho et al.", "forward_process; Ho et al.", "ddpm_posterior; Ho et al.")


def _void_citations_of_ho(steps: list[StepResult], post: Post) -> list[StepResult]:
    """A forward step stated after a citation, and not Ho et al.'s: what the citation proved does not stand."""
    if not post.scope.diffusion or follows_ho(post) or post.follows_ho is None:  # the post's last word on its model
        return steps
    line = post.follows_ho[0]
    return [replace(step, status=Status.UNDECIDED, method=f"cites Ho et al. (2020), but the post's forward step "
                    f"(line {line}) is another: {step.method}")
            if step.status is Status.PROVED and any(c in step.method for c in _HO_CITATIONS) else step
            for step in steps]


def _inline_definition(post: Post, content: str, line: int, sentence: tuple[str, str] = ("", "")) -> None:
    """``$\\alpha_t = 1 - \\beta_t$`` in the prose defines its label from that line on; nothing else is taken.

    Several definitions may share one run of math (``$A = ..., B = ...$``). A plain letter
    (``$t = x - C$``) is a change of variables or a value in passing, not a definition, unless its
    value holds a declared standard normal (``$X = 10 + 2Z_1$``: a random variable made of noise).
    ``=:`` defines its right side. Every relation is also read for what it says of the post's
    conventions (:mod:`~derivations.lint.conventions`). Its sentence says whether it defines at all
    (:mod:`~derivations.lint.cues`).
    """
    for _, piece in top_level_split(content, PIECES):
        note_statement(post, piece, line)
        presented = cue(*sentence, piece)
        parts = top_level_split(piece, _DEFINES)
        if presented is Cue.NEGATED or conditional(*sentence):  # f(x) = 0 for x <= 0: a piece, no definition
            if len(parts) == 2:
                post.retire(parts[0][1].strip())  # "we use f(x) = x^3 instead": the old f holds no more
            continue
        if len(parts) != 2 or parts[1][0] not in ("=", ":=", "=:", r"\coloneqq", r"\eqqcolon", r"\triangleq",
                                                   r"\equiv"):
            continue
        head, value = parts[0][1].strip(), parts[1][1]
        if parts[1][0] in ("=:", r"\eqqcolon"):
            head, value = value.strip(), parts[0][1]
        head = re.sub(r"\\displaystyle", "", head).strip()
        if mapped := _MAPSTO.fullmatch(value):  # f = x \mapsto x^2: f(x) = x^2
            head, value = f"{head}({mapped['variable']})", mapped["body"]
        found = read_name(head, 0)
        plain_letter = found is not None and not found[0].sub and not found[0].accent and len(head) <= 2
        value = re.sub(r"\\displaystyle", "", value)
        if not plain_letter or _has_declared_noise(post, value):  # X = 10 + 2 Z_1: a variable made of noise
            post.define(head, value, line, cued=presented is Cue.CUED)


_INLINE = re.compile(r"(?<![\\$])\$(?!\$)([^$]+?)(?<![\\$])\$(?!\$)|\\\((.+?)\\\)")
_MAPSTO = re.compile(r"\s*(?P<variable>\\?[A-Za-z]+)\s*\\mapsto\s*(?P<body>.+)", re.DOTALL)


#: What follows a name alone in math when words give it a sign or a size: "$\\sigma$ be negative", "equal $-2$".
_SIZED_AFTER = re.compile(r"\s*(?:is|be|are|becomes|equals?|stays|remains|to|takes?|can take|may take|has|denotes?|"
                          r"points|may be|can be)?\s*(?:the\s+\(?|only\s+)?(?:an?\s+|any\s+)?(?:negative|nonpositive|"
                          r"up to|annealed|\(\s*we use|"
                          r"signed|random sign|sign\b|real\b|difference|covariance|cross-covariance|correlation|"
                          r"Rademacher|zero\b|larger|greater|bigger|less|smaller|equal|below|above|at most|\$\s*[-+]|"
                          r"\$\s*\d|\$\s*\\pm)",
                          re.IGNORECASE)
#: "set $\\sigma$ to", "assigned to $\\sigma$"
_SIZED_BEFORE = re.compile(r"(?:\bset|assigned to|\bassign|\bspins?|\bsigns?|covariances?|correlations?|weights?|"
                           r"scales?|temperatures?|\brates?)\s*$", re.IGNORECASE)
_LAWFUL_AFTER = re.compile(r"\s*(?:has|with|of)\s+(?:a\s+)?(?:variance|mean|standard deviation|scale)", re.IGNORECASE)


def _said_in_words(post: Post, text: str) -> None:
    """A name alone in math that the words right around it give a sign or a size: its convention is void."""
    plain = without_code(text)
    for match in re.finditer(r"(?<![$\\])\$([^$]+)\$(?!\$)|\\\((.+?)\\\)", plain):
        name = post.read((match.group(1) or match.group(2)).strip()).expr
        if not isinstance(name, sp.Symbol) or not (name.is_positive or name.name in post.normals):
            continue
        after, before = plain[match.end():match.end() + 40], plain[max(0, match.start() - 25):match.start()]
        lawful = name.name in post.normals and _LAWFUL_AFTER.match(after)
        if _SIZED_AFTER.match(after) or _SIZED_BEFORE.search(before) or lawful:
            post.void(name)


#: ``$x$ equals $1$``, ``$x$ is equal to $1$``: an equation in words (for lint.zero_divisors).
_EQUAL_IN_WORDS = re.compile(r"(?<![$\\])\$([^$]+)\$\s+(?:equals|defined\s+as|(?:is|be|are)(?:\s+(?:equal|set)\s+to)?)"
                             r"\s+\$([^$]+)\$|\bset\s+\$([^$]+)\$\s+to\s+\$([^$]+)\$", re.IGNORECASE)
#: Words anywhere in a sentence that let its conventional names leave their range ("which is negative").
_OUT_OF_RANGE = re.compile(r"\bnegative\b|\bnonpositive|any real|below zero|less than (?:zero|0)\b|\bexceed|"
                           r"past one|(?:larger|greater|bigger|more) than (?:one|1)\b|as large as|\bsigns?\b",
                           re.IGNORECASE)


def _range_in_its_sentence(post: Post, plain: str) -> None:
    """A sentence that says a name may be negative or above one, or gives it a value above one (``$20$``), voids
    the conventions of the names of its math (wherever the words stand: "$\\sigma$, which is negative, ...")."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", plain):
        spans = [m.group(1) or m.group(2) for m in _INLINE.finditer(sentence)]
        values = [post.read(span).expr for span in spans]
        big = any(isinstance(v, sp.Number) and v.is_real and bool(v > 1) for v in values)
        big = big or any(re.search(r"(?:^|(?<![\^_])[\[(,{])\s*-\s*(?:\d|\\infty)", span) for span in spans)  # [-1, 1]
        if not (big or _OUT_OF_RANGE.search(re.sub(r"\$[^$]*\$", " ", sentence))):
            continue
        for value in values:
            if isinstance(value, sp.Symbol) and value.is_positive:
                post.void(value)
#: Words that make the declared noises of a paragraph dependent: "correlated", "the same draw", "reuse", "mirror".
_DEPENDENT = re.compile(r"\bcorrelated\b|\bcorrelations?\b|\bdependent\b|\bnot\s+independent|\bsame\s+(?:noise\s+)?"
                        r"(?:draw|sample|noise)|\breus|\bshared?\b|\bantithetic|\bmirror|\bidentical|negative of|"
                        r"\bopposite", re.IGNORECASE)


def _noises_tied_in_passing(post: Post, inline, in_words: list[tuple[str, str]]) -> None:
    """A name the prose sets to declared noise without defining it ("Suppose $\\epsilon = -z_1$", "if", "say",
    "equals"): a step in distribution would take the name for a constant beside that noise. Its noises are no
    longer independent N(0, 1) there; a definition (``Let``, ``where``) is substituted instead."""
    pairs = list(in_words)
    for item in inline:
        for _, piece in top_level_split(item.content, PIECES):
            parts = top_level_split(piece, re.compile(r"(?<![<>!\\])=(?!=)"))
            if len(parts) == 2 and cue(*item.sentence, piece) is not Cue.CUED:
                pairs.append((parts[0][1], parts[1][1]))
    for left, right in pairs:
        for name_text, value_text in ((left, right), (right, left)):
            name, value = post.read(name_text).expr, post.read(value_text).expr
            if isinstance(name, sp.Symbol) and name.name not in post.normals and isinstance(value, sp.Expr):
                post.nonstandard |= {s.name for s in value.free_symbols if s.name in post.normals}


def _dependent_noises(post: Post, text: str) -> None:
    """Declared normals that a paragraph says are dependent are no longer independent N(0, 1): no =d proves."""
    for paragraph in re.split(r"\n\s*\n", without_code(text)):
        if _DEPENDENT.search(re.sub(r"\$[^$]*\$", " ", paragraph)):
            for match in _INLINE.finditer(paragraph):
                expr = post.read(match.group(1) or match.group(2)).expr
                post.nonstandard |= {s.name for s in (expr.free_symbols if expr is not None else ())
                                     if s.name in post.normals}


def _every_chain(text: str, blocks, defined) -> list[list[str]]:
    """The sides of every chain of relations in the post's math, inline and displayed, in order.

    A chain is a row and the rows that continue it (``&= ...``); its sides tie its matrices' shapes.
    """
    pieces = [(line, span, False) for line, span in _every_inline_math(text)]
    pieces += [(block.line, block.content, True) for block in blocks]
    chains: list[list[str]] = []
    for line, content, displayed in sorted(pieces, key=lambda piece: piece[0]):
        for index, row in enumerate(parse_rows(expand(content, defined.at(line)), line)):
            if row.continues and chains and (index or displayed):
                chains[-1] += side_texts(row)
            else:
                chains.append(side_texts(row))
    return chains


def _every_inline_math(text: str) -> list[tuple[int, str]]:
    """Every ``$...$`` of the post, HTML blocks and the prose after a display included, with its line."""
    plain = without_code(text)
    return [(plain.count("\n", 0, m.start()) + 1, m.group(1) or m.group(2)) for m in _INLINE.finditer(plain)]


#: What defines in the prose: ``=``, ``:=``, ``=:``, ``\\triangleq``, ``\\equiv``, ``\\overset{\\text{def}}{=}``.
_DEFINES = re.compile(r"\\coloneqq|\\eqqcolon|=:|:=|\\triangleq|\\equiv|\\overset|\\stackrel|(?<![<>!\\])=")


def _has_declared_noise(post: Post, value_text: str) -> bool:
    value = post.read(value_text).expr
    return value is not None and any(s.name in post.normals for s in value.free_symbols)


def lint_file(path: Path, options: Options | None = None, *,
              progress: Callable[[str], None] | None = None) -> LintReport:
    """Lint the post at ``path`` (see :func:`lint_text`)."""
    return lint_text(read_post(path), options, path=str(path), progress=progress)


__all__ = ["MAX_BYTES", "LintReport", "Options", "Status", "StepResult",
           "lint_file", "lint_text", "read_post"]
