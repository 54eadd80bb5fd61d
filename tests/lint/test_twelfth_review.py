"""The twelfth adversarial review: none of its false proofs proves anything (tests/lint/twelfth_review.py)."""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options
from tests.lint.twelfth_review import FOUND

NORMALS = "<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\n"


def verdicts(post: str) -> list[str]:
    return [step.status.value for step in lint_text(post, Options()).steps]


@pytest.mark.parametrize("name", sorted(FOUND))
def test_the_twelfth_review_proves_nothing(name: str) -> None:
    assert "proved" not in verdicts(FOUND[name])


def test_a_defined_noise_is_substituted_and_refuted() -> None:
    """The control: ``Let`` defines epsilon = -z_1, and the step is refuted with it (not only left undecided)."""
    post = NORMALS + "Let $\\epsilon = -z_1$.\n\n$$z_1 + \\epsilon \\overset{d}{=} z_2 + \\epsilon$$\n"
    assert verdicts(post) == ["refuted"]


def test_independent_noises_still_add() -> None:
    assert verdicts(NORMALS + "$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n") == ["proved"]
