"""Lint a post: its display blocks read, split into steps and checked, with the post as context.

The functions the layer exports (:mod:`derivations.lint`) live here.
"""


from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from derivations.errors import BadInputError
from derivations.latex.normalize import normalise
from derivations.latex.parse import read_ident
from derivations.lint.check import Linter, Options, Status, StepResult
from derivations.lint.extract import extract, front_matter_lists
from derivations.lint.post import MAX_BYTES, read_post


@dataclass(frozen=True)
class LintReport:
    """The result of linting one post: how many display blocks, and every step."""

    path: str
    blocks: int
    steps: tuple[StepResult, ...]

    def count(self, status: Status) -> int:
        return sum(1 for step in self.steps if step.status is status)


def name_key(name: str) -> str:
    r"""A declared name as the linter matches it: ``\epsilon_{t-1}`` -> ``eps_tm1``; others unchanged."""
    if not name.startswith("\\"):
        return name
    text = normalise(name)
    found = read_ident(text, 0)
    if found is None or found[1] != len(text):
        raise BadInputError(f"not a name: {name!r}")
    return found[0].python_name


def lint_text(text: str, options: Options | None = None, *, path: str = "POST.md") -> LintReport:
    """Lint the Markdown ``text``; the front matter's ``derivations:`` lists add to ``options``."""
    extracted = extract(text)
    declared = front_matter_lists(extracted.front_matter)
    options = options or Options()
    options = replace(
        options,
        normals=tuple(name_key(n) for n in options.normals + declared.get("normal", ())),
        positive=tuple(name_key(n) for n in options.positive + declared.get("positive", ())),
    )
    linter = Linter(options)
    steps = [result for block in extracted.blocks for result in linter.block(block)]
    return LintReport(path, len(extracted.blocks), tuple(steps))


def lint_file(path: Path, options: Options | None = None) -> LintReport:
    """Lint the post at ``path`` (see :func:`lint_text`)."""
    return lint_text(read_post(path), options, path=str(path))


__all__ = ["MAX_BYTES", "LintReport", "Options", "Status", "StepResult",
           "lint_file", "lint_text", "read_post"]
