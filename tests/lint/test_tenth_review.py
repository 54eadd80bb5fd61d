"""The tenth adversarial review: none of its false proofs proves anything (tests/lint/tenth_review.py)."""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options
from tests.lint.tenth_review import FOUND


def verdicts(post: str) -> list[str]:
    return [step.status.value for step in lint_text(post, Options()).steps]


@pytest.mark.parametrize("name", sorted(FOUND))
def test_the_tenth_review_proves_nothing(name: str) -> None:
    assert "proved" not in verdicts(FOUND[name])


def test_a_display_after_the_step_that_voids_its_convention() -> None:
    """sqrt(sigma^2) = sigma, then a display sets sigma = -2: the step was checked with sigma positive."""
    assert "proved" not in verdicts("$$\\sqrt{\\sigma^2} = \\sigma$$\n\nwhere\n\n$$\\sigma = -2$$\n")


@pytest.mark.parametrize("post", [
    "$$AB + BA = BA + AB$$\n",  # only addition commutes here: true for matrices too
    "$$(A + B)C = AC + BC$$\n",
    "Let $B_1, B_2 > 0$.\n\n$$\\frac{B_1 B_2}{B_1 + B_2} = \\frac{B_2 B_1}{B_2 + B_1}$$\n",  # divided by: numbers
    "Let $x = 2$ and $y = x - 1$.\n\n$$\\frac{y}{y} = 1$$\n",  # y = 1 there
    "A diffusion model with $\\sigma_t^2 = 1 - \\bar\\alpha_t$.\n\n$$\\frac{\\sigma_1^2}{\\sigma_1} = \\sigma_1$$\n",
    "$$\\frac{x-1}{x-1} = 1 \\quad \\text{at } x = 2$$\n",
    "In DDPM, $\\beta_t$ increases linearly from $\\beta_1 = 10^{-4}$ to $\\beta_T = 0.02$.\n\n"
    "$$\\sqrt{(1 - \\beta_t)^2} = 1 - \\beta_t$$\n",  # Ho's schedule: still in (0, 1)
])
def test_what_the_post_allows_is_still_proved(post: str) -> None:
    assert "proved" in verdicts(post)
