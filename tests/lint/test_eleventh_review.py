"""The eleventh adversarial review: none of its false proofs proves anything (tests/lint/eleventh_review.py)."""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options
from tests.lint.eleventh_review import FOUND

DDPM = "In DDPM, $\\alpha_t = 1 - \\beta_t$ and $\\bar\\alpha_t = \\prod_{s=1}^{t} \\alpha_s$.\n\n"


def verdicts(post: str) -> list[str]:
    return [step.status.value for step in lint_text(post, Options()).steps]


@pytest.mark.parametrize("name", sorted(FOUND))
def test_the_eleventh_review_proves_nothing(name: str) -> None:
    assert "proved" not in verdicts(FOUND[name])


@pytest.mark.parametrize("post", [
    "$$\\frac{x-1}{x-1} = 1 \\quad \\text{at } x = 2\\pi$$\n",  # 2 pi - 1 is no zero
    DDPM + "Take $t = 2$.\n\n$$\\frac{1-\\bar\\alpha_{t-1}}{1-\\bar\\alpha_{t-1}} = 1$$\n",  # alpha-bar_1 < 1
    "Here $\\sigma$ is positive.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n",
    "Let $g(X) = 2X$.\n\n$$g(A) + B = B + 2A$$\n",  # a defined function, read again with operators
])
def test_what_the_post_allows_is_still_proved(post: str) -> None:
    assert "proved" in verdicts(post)
