"""The main job: check derivations (side by side), render them, and collect the whole document.

Checking is the slow part and the derivations are independent, so built-in
derivations are checked in worker processes. A worker returns the rendered
text, not the SymPy objects: pickling would evaluate the unevaluated display
forms and reorder what is printed.

A built-in derivation is a pure function of the package's code, so its rendered
text is kept in the proof store (:mod:`derivations.engine.cache`) under the code's
fingerprint: a second run with the same code writes the same files without
checking again. A user's file (``run --file``) is always checked.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from derivations import registry
from derivations.engine import cache
from derivations.errors import BadInputError, DerivationError, OutputError

if TYPE_CHECKING:
    from derivations.engine.steps import CheckedDerivation


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

    stored: bool = False

    def summary(self) -> str:
        when = "as stored for this code" if self.stored else f"{self.seconds:.2f} s"
        return (f"{self.name}: {self.proved}/{self.checked_steps} steps proved, "
                f"{self.stated} stated, {when}")

    def as_record(self) -> dict[str, object]:
        return {"name": self.name, "files": self.files, "section": self.section, "proved": self.proved,
                "checked_steps": self.checked_steps, "stated": self.stated}


@dataclass(frozen=True)
class Failed:
    """A derivation whose check failed, with the message naming the step."""

    label: str
    message: str


def rendered(checked: CheckedDerivation, seconds: float) -> Rendered:
    from derivations.engine.verdict import Outcome
    from derivations.publish.document import derivation_section
    from derivations.publish.output import derivation_files

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


def _stored(name: str) -> Rendered | None:
    """The rendered built-in derivation ``name`` as stored for this code, if it is."""
    record = cache.get(cache.named("rendered", name))
    if record is None:
        return None
    try:
        return Rendered(**record, seconds=0.0, stored=True)
    except TypeError:
        return None  # a record of another shape: check again


def _run_builtin(name: str) -> Rendered | Failed:
    result = run_one(name, registry.deriver(name))
    if isinstance(result, Rendered):
        cache.put(cache.named("rendered", name), result.as_record())
    return result


def run_builtins(names: Sequence[str], *, jobs: int = 1,
                 progress: Callable[[str], None] | None = None) -> Iterator[Rendered | Failed]:
    """Check and render the built-in derivations ``names`` in up to ``jobs`` processes, in order.

    Those stored for this code are read back; the others are checked, and ``progress(name)``
    is called as each of them is done (in order).
    """
    for name in names:
        registry.require(name)  # unknown names fail before any work starts
    stored = {name: _stored(name) for name in names}
    missing = [name for name in names if stored[name] is None]
    if jobs <= 1 or len(missing) <= 1:
        fresh = iter([_reported(name, _run_builtin(name), progress) for name in missing])
    else:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(jobs, len(missing)), mp_context=context) as pool:
            fresh = iter([_reported(name, result, progress)
                          for name, result in zip(missing, pool.map(_run_builtin, missing))])
    for name in names:
        yield stored[name] if stored[name] is not None else next(fresh)


def _reported(name: str, result: Rendered | Failed, progress: Callable[[str], None] | None) -> Rendered | Failed:
    if progress is not None:
        progress(name)
    return result


def collected_files(done: Sequence[Rendered]) -> dict[str, str]:
    """What a full run writes besides the derivations: the typeset code and the whole document.

    Like a derivation's files, they are a pure function of the code and the sections: stored once.
    """
    entry = cache.named("collected", *(r.section for r in done))
    stored = cache.get(entry)
    if stored is not None and all(isinstance(v, str) for v in stored.values()):
        return stored
    try:
        from derivations.code.typeset import code_files  # latexify is only needed here
    except ModuleNotFoundError as missing:  # one clear line, nothing half-written (the files are written after)
        raise OutputError(f"the typeset code needs the package {missing.name!r}, which this Python cannot import "
                          f"(pip install '.[test]' in the environment that runs derivations)") from None
    from derivations.publish import document

    text = document.document([r.section for r in done], figures=document.figure_files(),
                             code=document.code_section())
    files = {**code_files(), "derivations.tex": text}
    cache.put(entry, files)
    return files
