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

import importlib
from typing import Any

__all__ = ["MAX_BYTES", "LintReport", "Options", "Status", "StepResult", "lint_file", "lint_text", "read_post"]


def __getattr__(name: str) -> Any:  # loaded when used: the command's --help needs none of it
    if name not in __all__ and name != "declared_name":
        raise AttributeError(f"module 'derivations.lint' has no attribute {name!r}")
    return getattr(importlib.import_module("derivations.lint.linter"), name)
