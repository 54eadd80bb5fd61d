"""Shared test helpers: readable ids for a derivation's steps, their verdicts, the output's freshness."""

from __future__ import annotations

import re
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
