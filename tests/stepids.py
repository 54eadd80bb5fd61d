"""Readable pytest ids for parametrising over a derivation's steps."""

from __future__ import annotations

import re

from derivations.derivation import Step


def step_id(step: Step) -> str:
    """``step7-tag4-independent-gaussians-variances-add``: number, tag, and the justification's words."""
    tag = f"-tag{step.tag}" if step.tag else ""
    words = re.sub(r"[^a-z0-9]+", "-", re.sub(r"\$[^$]*\$", "", step.because.lower())).strip("-")
    return f"step{step.number}{tag}-{words[:40]}"
