"""Shared test helpers: the session's checked derivations, readable ids for their steps, the output's freshness."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from derivations import registry
from derivations.engine.derivation import CheckedDerivation, CheckedStep, Step
from derivations.engine.verdict import Outcome
from derivations.publish.output import derivation_files

OUTPUT = Path(__file__).resolve().parent.parent / "output"


def step_id(step: Step) -> str:
    """``step7-tag4-independent-gaussians-variances-add``: number, tag, and the justification's words."""
    return _step_id(step.number, step.tag, step.because)


def _step_id(number: int, tag: str | None, because: str) -> str:
    tag = f"-tag{tag}" if tag else ""
    words = re.sub(r"[^a-z0-9]+", "-", re.sub(r"\$[^$]*\$", "", because.lower())).strip("-")
    return f"step{number}{tag}-{words[:40]}"


@functools.cache
def derived(name: str) -> CheckedDerivation:
    """The built-in derivation ``name``, derived and checked once in the session and shared by every test.

    No test module derives at import: the first test that asks pays for the check.
    """
    return registry.deriver(name)()


@functools.cache
def committed_step_ids(name: str) -> tuple[str, ...]:
    """The :func:`step_id` of each step of ``name`` as ``output/NAME.json`` records them (nothing is derived)."""
    steps = json.loads((OUTPUT / f"{name}.json").read_text(encoding="utf-8"))["steps"]
    return tuple(_step_id(s["number"], s["tag"], s["justification"]) for s in steps)


def each_step(name: str) -> pytest.MarkDecorator:
    """Parametrise a test by ``index``, one case per step of ``name``, named from the committed output/NAME.json."""
    ids = committed_step_ids(name)
    return pytest.mark.parametrize("index", range(len(ids)), ids=ids)


def nth_step(name: str, index: int) -> CheckedStep:
    """Step ``index`` of the checked ``name``, once its steps are seen to be the cases :func:`each_step` made."""
    steps = derived(name).steps
    assert tuple(step_id(s.step) for s in steps) == committed_step_ids(name), (
        f"the steps of {name} are not those of output/{name}.json: run `derivations run` and commit")
    return steps[index]


def stale_files(checked: CheckedDerivation) -> list[str]:
    """The files of ``checked`` whose committed copy in output/ differs from what `derivations run` writes."""
    return [name for name, text in derivation_files(checked).items()
            if (OUTPUT / name).read_text(encoding="utf-8") != text]


def first_difference(checked: CheckedDerivation) -> str:
    """The first lines where a committed file of ``checked`` and what `derivations run` writes now differ."""
    import difflib

    for name, text in derivation_files(checked).items():
        committed = (OUTPUT / name).read_text(encoding="utf-8")
        if committed != text:
            diff = difflib.unified_diff(committed.splitlines(), text.splitlines(), f"output/{name}", "now", n=1,
                                        lineterm="")
            return "\n".join(list(diff)[:30])
    return ""


def assert_proved_or_stated(checked_step: CheckedStep) -> None:
    """A checked step is proved; a given or a definition (unchecked) is stated, never more."""
    step, verdict = checked_step.step, checked_step.verdict
    expected = Outcome.PROVED if step.relation.checked else Outcome.STATED
    assert verdict.outcome is expected, f"{step_id(step)}: {verdict.describe()}"
    if not step.relation.checked:
        assert step.relation.name in {"given", "definition"}, step.relation.name


ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Ran:
    """What a command-line run printed and returned."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | None = None) -> Ran:
    """``derivations ARGS`` in this process (the same ``main`` the entry point calls), output captured.

    For the tests where the process itself is not the point: a subprocess costs a
    second of start-up; the exit code and both streams are the same.
    """
    from derivations import cli

    out, err = io.StringIO(), io.StringIO()
    before = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as stop:  # --help and argparse's own exits
                code = stop.code if isinstance(stop.code, int) else 0
    finally:
        os.chdir(before)
    return Ran(code, out.getvalue(), err.getvalue())
