"""Shared test helpers: readable ids for a derivation's steps, their verdicts, the output's freshness."""

from __future__ import annotations

import contextlib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from derivations.engine.derivation import CheckedDerivation, CheckedStep, Step
from derivations.engine.verdict import Outcome
from derivations.publish.output import derivation_files

OUTPUT = Path(__file__).resolve().parent.parent / "output"


def step_id(step: Step) -> str:
    """``step7-tag4-independent-gaussians-variances-add``: number, tag, and the justification's words."""
    tag = f"-tag{step.tag}" if step.tag else ""
    words = re.sub(r"[^a-z0-9]+", "-", re.sub(r"\$[^$]*\$", "", step.because.lower())).strip("-")
    return f"step{step.number}{tag}-{words[:40]}"


def stale_files(checked: CheckedDerivation) -> list[str]:
    """The files of ``checked`` whose committed copy in output/ differs from what `derivations run` writes."""
    return [name for name, text in derivation_files(checked).items()
            if (OUTPUT / name).read_text(encoding="utf-8") != text]


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
