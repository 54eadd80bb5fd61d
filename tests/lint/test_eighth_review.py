"""The eighth adversarial review: none of its false proofs proves anything (tests/lint/eighth_review.py)."""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options
from tests.lint.eighth_review import FOUND


@pytest.mark.parametrize("name", sorted(FOUND))
def test_the_eighth_review_proves_nothing(name: str) -> None:
    assert "proved" not in [step.status.value for step in lint_text(FOUND[name], Options()).steps]


@pytest.mark.parametrize("post", [
    "$$\\frac{1}{AB} = \\frac{1}{BA}$$\n",  # capitals the post divides by: numbers (AB = BA alone: lint.commuting)
    "In DDPM, $\\alpha_t = 1 - \\beta_t$.\n\n$$\\alpha_t + \\beta_t = 1 + 0$$\n",  # Ho's relation, stated
    "In DDPM, $\\beta_t$. Let $\\gamma_t = \\frac12$ and $\\beta_t = \\gamma_t$.\n\n"  # a value that agrees
    "$$\\sqrt{\\alpha_t^2} = \\alpha_t$$\n",
    "A covariance.\n\n$$\\Sigma^\\top = \\Sigma$$\n",  # Sigma as the reader's convention has it
    "$$\\begin{aligned}\nx^2 - 1 &= (x-1)(x+1) \\\\\n&\\enspace + 0\n\\end{aligned}$$\n",
])
def test_what_the_post_allows_is_still_proved(post: str) -> None:
    assert "proved" in [step.status.value for step in lint_text(post, Options()).steps]
