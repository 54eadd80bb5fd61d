"""The ninth adversarial review: none of its false proofs proves anything (tests/lint/ninth_review.py)."""

from __future__ import annotations

import pytest

from derivations.engine.checking import check_equal
from derivations.engine.settings import CheckSettings
from derivations.latex.user_input import parse_user_expr
from derivations.lint import lint_text
from derivations.lint.check import Options
from tests.lint.ninth_review import FOUND


def verdicts(post: str) -> list[str]:
    return [step.status.value for step in lint_text(post, Options()).steps]


@pytest.mark.parametrize("name", sorted(FOUND))
def test_the_ninth_review_proves_nothing(name: str) -> None:
    assert "proved" not in verdicts(FOUND[name])


@pytest.mark.parametrize("lhs, rhs", [
    ("Integral(sqrt(sigma**2), (sigma, -1, 1))", "Integral(sigma, (sigma, -1, 1))"),  # SymPy syntax: d-sigma is real
    (r"\int_{-1}^{1} \sqrt{\sigma^2}\, d\sigma", r"\int_{-1}^{1} \sigma\, d\sigma"),
])
def test_check_reads_an_integration_variable_as_real(lhs: str, rhs: str) -> None:
    assert not check_equal(parse_user_expr(lhs), parse_user_expr(rhs), CheckSettings()).proved


@pytest.mark.parametrize("post", [
    # a vector's proportionality that holds: the factor exp(-||y||^2) is free of x
    "$$\\begin{aligned} p(\\mathbf{x} \\mid \\mathbf{y}) &\\propto \\exp(-\\|\\mathbf{x} - \\mathbf{y}\\|^2) \\\\ "
    "&\\propto \\exp(-\\|\\mathbf{x}\\|^2 + 2\\mathbf{x}^\\top\\mathbf{y}) \\end{aligned}$$\n",
    "$$\\int_0^1 \\sigma\\, d\\sigma = \\frac12$$\n",  # over its limits, sigma is still a variable
    "$$\\int_{-\\infty}^{\\infty} \\frac{1}{\\sqrt{2\\pi}} e^{-\\sigma^2/2}\\, d\\sigma = 1$$\n",
    "Let $x = 2$.\n\n$$\\frac{x^2 - 1}{x - 1} = x + 1$$\n",  # x - 1 = 1 there: no division by zero
    "A diffusion model.\n\n$$\\frac{1 - \\bar\\alpha_t}{1 - \\bar\\alpha_t} = 1$$\n",  # alpha-bar_t < 1 for t >= 1
    "In DDPM, $\\beta_t$ is the schedule.\n\n$$\\sqrt{(1 - \\beta_t)^2} = 1 - \\beta_t$$\n",  # no SDE: in (0, 1)
    "Let $A$ be a matrix.\n\n$$2A + A = 3A$$\n",  # a number times a matrix
    "<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nHere $z_1$ and $z_2$ are uncorrelated.\n\n"
    "$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n",
])
def test_what_the_post_allows_is_still_proved(post: str) -> None:
    assert "proved" in verdicts(post)
