"""Report a linted post like a linter: one line per step that is not proved, then a summary.

Text::

    POST.md:LINE: refuted: <step>; residual <r>; at <point> lhs=<a> rhs=<b>
    POST.md:LINE: undecided: <step>; <why>
    POST.md:LINE: unparsed: <step>; <why>
    POST.md: 3 blocks, 7 steps: 5 proved, 1 refuted, 1 undecided, 0 unparsed

JSON: the same facts for tools, every step included (proved ones too).
"""

from __future__ import annotations

import json

from derivations.lint.check import Status, StepResult
from derivations.lint.linter import LintReport

#: Residuals longer than this are cut (the point and the two values stay whole).
RESIDUAL_CHARS = 200


def _step_text(step: StepResult) -> str:
    return " ".join(step.source.replace("&", " ").split())


def _residual(text: str) -> str:
    return text if len(text) <= RESIDUAL_CHARS else text[:RESIDUAL_CHARS] + "..."


def text_line(path: str, step: StepResult) -> str:
    """One report line for a step that is not proved."""
    parts = [f"{path}:{step.line}: {step.status.value}: {_step_text(step)}"]
    if step.status is Status.REFUTED:
        if step.residual is not None:
            parts.append(f"residual {_residual(step.residual)}")
        if step.counterexample is not None:
            point = ", ".join(f"{name}={value}" for name, value in step.counterexample.point) or "any point"
            parts.append(f"at {point} lhs={step.counterexample.lhs} rhs={step.counterexample.rhs}")
        parts.append(step.method)
    else:
        parts.append(step.method)
    if step.note:
        parts.append(step.note)
    return "; ".join(parts)


def summary(report: LintReport) -> str:
    """The summary line: blocks, steps, and how many of each outcome."""
    counts = ", ".join(f"{report.count(status)} {status.value}" for status in Status)
    return f"{report.path}: {report.blocks} blocks, {len(report.steps)} steps: {counts}"


def as_text(report: LintReport) -> str:
    """The text report: a line per step that is not proved, then the summary."""
    lines = [text_line(report.path, step) for step in report.steps if step.status is not Status.PROVED]
    return "\n".join(lines + [summary(report)]) + "\n"


def as_json(report: LintReport) -> str:
    """The JSON report: the post, the counts, and every step."""
    document = {
        "post": report.path,
        "blocks": report.blocks,
        "summary": {"steps": len(report.steps), **{s.value: report.count(s) for s in Status}},
        "steps": [_step_json(step) for step in report.steps],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _step_json(step: StepResult) -> dict[str, object]:
    return {
        "line": step.line,
        "status": step.status.value,
        "step": _step_text(step),
        "method": step.method,
        "residual": step.residual,
        "counterexample": step.counterexample.as_dict() if step.counterexample else None,
        "note": step.note or None,
    }


FORMATS = {"text": as_text, "json": as_json}
