r"""Lint the mathematics of a Markdown post: every step of every display block, checked.

``derivations lint POST.md`` finds the display math with a Markdown parser
(:mod:`~derivations.lint.extract`), normalises each row with one table
(:mod:`~derivations.latex.normalize`), splits the rows into chains of steps
(:mod:`~derivations.lint.steps`), reads each line with guarded LaTeX parsing
(:mod:`~derivations.latex.parse`) and checks each step with the engine
(:mod:`~derivations.lint.check`). Every step is proved, refuted (residual and a
point), undecided or unparsed; only proved is a pass. Nothing in a post is executed.
The layer reads posts; it imports the engine, latex and the derivation layers, never publish or code.

>>> report = lint_text("$$\n\\begin{aligned}\n&(x+1)^2 \\\\\n&= x^2 + 2x + 1\n\\end{aligned}\n$$\n")
>>> [step.status.value for step in report.steps]
['proved']
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from derivations.errors import BadInputError
from derivations.latex.normalize import normalise
from derivations.latex.parse import read_ident
from derivations.lint.check import Linter, Options, Status, StepResult
from derivations.lint.extract import extract, front_matter_lists

#: Posts larger than this are refused (bad input): 1 MiB.
MAX_BYTES = 1 << 20


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


def read_post(path: Path) -> str:
    """The text of the post at ``path``; :class:`BadInputError` if missing, too large or not UTF-8."""
    if not path.is_file():
        raise BadInputError(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise BadInputError(f"{path}: {size} bytes, more than the limit of {MAX_BYTES} bytes (1 MiB)")
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadInputError(f"{path}: not UTF-8 (byte {error.start})") from None


def lint_file(path: Path, options: Options | None = None) -> LintReport:
    """Lint the post at ``path`` (see :func:`lint_text`)."""
    return lint_text(read_post(path), options, path=str(path))


__all__ = ["MAX_BYTES", "LintReport", "Options", "Status", "StepResult",
           "lint_file", "lint_text", "read_post"]
