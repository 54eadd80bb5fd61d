"""The main job: check derivations (side by side), render them, and collect the whole document.

Checking is the slow part and the derivations are independent, so built-in
derivations are checked in worker processes. A worker returns the rendered
text, not the SymPy objects: pickling would evaluate the unevaluated display
forms and reorder what is printed.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from derivations import registry
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.verdict import Outcome
from derivations.errors import BadInputError, DerivationError, OutputError
from derivations.publish.output import derivation_files


@dataclass(frozen=True)
class Rendered:
    """A checked derivation as text: its files, its section of the document, its counts."""

    name: str
    files: dict[str, str]
    section: str
    proved: int
    checked_steps: int
    stated: int
    seconds: float

    def summary(self) -> str:
        return (f"{self.name}: {self.proved}/{self.checked_steps} steps proved, "
                f"{self.stated} stated, {self.seconds:.2f} s")


@dataclass(frozen=True)
class Failed:
    """A derivation whose check failed, with the message naming the step."""

    label: str
    message: str


def rendered(checked: CheckedDerivation, seconds: float) -> Rendered:
    from derivations.publish.document import derivation_section

    return Rendered(checked.name, derivation_files(checked), derivation_section(checked),
                    checked.count(Outcome.PROVED),
                    sum(1 for s in checked.steps if s.step.relation.checked),
                    checked.count(Outcome.STATED), seconds)


def run_one(label: str, derive: Callable[[], CheckedDerivation]) -> Rendered | Failed:
    """Check and render one derivation; a failed check is a :class:`Failed`, not an exception."""
    started = time.perf_counter()
    try:
        checked = derive()
    except (BadInputError, OutputError):
        raise
    except DerivationError as error:
        return Failed(label, str(error))
    return rendered(checked, time.perf_counter() - started)


def _run_builtin(name: str) -> Rendered | Failed:
    return run_one(name, registry.deriver(name))


def run_builtins(names: Sequence[str], *, jobs: int = 1) -> Iterator[Rendered | Failed]:
    """Check and render the built-in derivations ``names`` in up to ``jobs`` processes, in order."""
    for name in names:
        registry.deriver(name)  # unknown names fail before any work starts
    if jobs <= 1 or len(names) <= 1:
        yield from (_run_builtin(name) for name in names)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(jobs, len(names)), mp_context=context) as pool:
        yield from pool.map(_run_builtin, names)


def collected_files(done: Sequence[Rendered]) -> dict[str, str]:
    """What a full run writes besides the derivations: the typeset code and the whole document."""
    from derivations.code.typeset import code_files  # latexify is only needed here
    from derivations.publish import document

    text = document.document([r.section for r in done], figures=document.figure_files(),
                             code=document.code_section())
    return {**code_files(), "derivations.tex": text}
