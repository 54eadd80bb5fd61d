"""Definitions in a circle through a derivative (Juanito, "Diffusion foundations", lines 317-357; Chengpei, line 330).

The post defines x_t by x_0, then x_0 by the score at x_t. Substituting both put a value in the
derivative's variable, and SymPy failed on seven rows ("the linter failed on this row"). The rows are
now read: the substitution stops where the circle closes, and no refutation rests on the names left.
"""

from __future__ import annotations

import functools

from derivations.lint import lint_text
from derivations.lint.check import Options

SCORE = r"\nabla_{x_t} \log p(x_t)"
POST = (
    r"A diffusion model, where $x_t = \sqrt{\bar{\alpha}_t} x_0 + \sqrt{1-\bar{\alpha}_t} \epsilon_0$." "\n\n"
    rf"$$x_0 = \frac{{x_t + (1-\bar{{\alpha}}_t) {SCORE}}}{{\sqrt{{\bar{{\alpha}}_t}}}}$$" "\n\n"
    rf"$${SCORE} = -\frac{{1}}{{\sqrt{{1-\bar{{\alpha}}_t}}}} \epsilon_0$$" "\n\n"
    rf"$$2 {SCORE} = {SCORE} + {SCORE}$$" "\n\n"
    rf"$$3 {SCORE} = {SCORE} + {SCORE}$$" "\n"
)


@functools.cache
def steps() -> tuple[tuple[str, str], ...]:
    return tuple((step.status.value, step.method) for step in lint_text(POST, Options()).steps)


def test_no_row_fails_on_a_circle_through_a_derivative() -> None:
    assert not [method for _, method in steps() if "failed" in method]


def test_a_true_step_beside_the_circle_is_proved() -> None:
    assert steps()[1][0] == "proved"


def test_a_false_step_beside_the_circle_is_not_proved() -> None:
    assert steps()[2][0] != "proved"


def test_the_rearranged_score_is_not_proved_by_its_own_definition() -> None:
    """It follows from x_t's definition and x_0's only together; the linter leaves it undecided."""
    assert steps()[0][0] == "undecided"
