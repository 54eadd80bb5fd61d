"""The ninth to twenty-second adversarial reviews ("find a false proved", December 2026): none of their false
proofs proves anything (the posts are in tests/lint/ninth_review.py ... twenty_second_review.py, each with its
causes), and what each post allows is still proved or refuted."""

from __future__ import annotations

import pytest

from derivations.engine.checking import check_equal
from derivations.engine.settings import CheckSettings
from derivations.latex.user_input import parse_user_expr
from derivations.lint import lint_text
from derivations.lint.check import Options
from tests.lint import (
    eighteenth_review,
    eleventh_review,
    fifteenth_review,
    fourteenth_review,
    nineteenth_review,
    ninth_review,
    seventeenth_review,
    sixteenth_review,
    tenth_review,
    thirteenth_review,
    twelfth_review,
    twentieth_review,
    twenty_first_review,
    twenty_second_review,
)

REVIEWS = {"ninth": ninth_review.FOUND, "tenth": tenth_review.FOUND, "eleventh": eleventh_review.FOUND,
           "twelfth": twelfth_review.FOUND, "thirteenth": thirteenth_review.FOUND,
           "fourteenth": fourteenth_review.FOUND, "fifteenth": fifteenth_review.FOUND,
           "sixteenth": sixteenth_review.FOUND, "seventeenth": seventeenth_review.FOUND,
           "eighteenth": eighteenth_review.FOUND, "nineteenth": nineteenth_review.FOUND,
           "twentieth": twentieth_review.FOUND, "twenty-first": twenty_first_review.FOUND,
           "twenty-second": twenty_second_review.FOUND}
FINDINGS = [(review, name) for review, found in REVIEWS.items() for name in sorted(found)]
DDPM = "In DDPM, $\\alpha_t = 1 - \\beta_t$ and $\\bar\\alpha_t = \\prod_{s=1}^{t} \\alpha_s$.\n\n"
NORMALS = "<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\n"


def verdicts(post: str) -> list[str]:
    return [step.status.value for step in lint_text(post, Options()).steps]


@pytest.mark.parametrize("finding", FINDINGS, ids=lambda f: f"{f[0]}: {f[1]}")
def test_a_review_finding_proves_nothing(finding: tuple[str, str]) -> None:
    review, name = finding
    assert "proved" not in verdicts(REVIEWS[review][name])


@pytest.mark.parametrize("lhs, rhs", [
    ("Integral(sqrt(sigma**2), (sigma, -1, 1))", "Integral(sigma, (sigma, -1, 1))"),  # SymPy syntax: d-sigma is real
    (r"\int_{-1}^{1} \sqrt{\sigma^2}\, d\sigma", r"\int_{-1}^{1} \sigma\, d\sigma"),
])
def test_check_reads_an_integration_variable_as_real(lhs: str, rhs: str) -> None:
    assert not check_equal(parse_user_expr(lhs), parse_user_expr(rhs), CheckSettings()).proved


def test_a_display_after_the_step_that_voids_its_convention() -> None:
    """sqrt(sigma^2) = sigma, then a display sets sigma = -2: the step was checked with sigma positive."""
    assert "proved" not in verdicts("$$\\sqrt{\\sigma^2} = \\sigma$$\n\nwhere\n\n$$\\sigma = -2$$\n")


def test_a_defined_noise_is_substituted_and_refuted() -> None:
    """``Let`` defines epsilon = -z_1, and the step is refuted with it (not only left undecided)."""
    post = NORMALS + "Let $\\epsilon = -z_1$.\n\n$$z_1 + \\epsilon \\overset{d}{=} z_2 + \\epsilon$$\n"
    assert verdicts(post) == ["refuted"]


@pytest.mark.parametrize("post", [
    # ninth
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
    # tenth
    "$$AB + BA = BA + AB$$\n",  # only addition commutes here: true for matrices too
    "$$(A + B)C = AC + BC$$\n",
    "Let $B_1, B_2 > 0$.\n\n$$\\frac{B_1 B_2}{B_1 + B_2} = \\frac{B_2 B_1}{B_2 + B_1}$$\n",  # divided by: numbers
    "Let $x = 2$ and $y = x - 1$.\n\n$$\\frac{y}{y} = 1$$\n",  # y = 1 there
    "A diffusion model with $\\sigma_t^2 = 1 - \\bar\\alpha_t$.\n\n$$\\frac{\\sigma_1^2}{\\sigma_1} = \\sigma_1$$\n",
    "$$\\frac{x-1}{x-1} = 1 \\quad \\text{at } x = 2$$\n",
    "In DDPM, $\\beta_t$ increases linearly from $\\beta_1 = 10^{-4}$ to $\\beta_T = 0.02$.\n\n"
    "$$\\sqrt{(1 - \\beta_t)^2} = 1 - \\beta_t$$\n",  # Ho's schedule: still in (0, 1)
    # eleventh
    "$$\\frac{x-1}{x-1} = 1 \\quad \\text{at } x = 2\\pi$$\n",  # 2 pi - 1 is no zero
    DDPM + "Take $t = 2$.\n\n$$\\frac{1-\\bar\\alpha_{t-1}}{1-\\bar\\alpha_{t-1}} = 1$$\n",  # alpha-bar_1 < 1
    "Here $\\sigma$ is positive.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$\n",
    "Let $g(X) = 2X$.\n\n$$g(A) + B = B + 2A$$\n",  # a defined function, read again with operators
    # twelfth
    NORMALS + "$$z_1 + z_2 \\overset{d}{=} \\sqrt{2} z_3$$\n",
    # thirteenth
    "Let $f = x \\mapsto x^2$.\n\n$$f(2) = 4$$\n",  # \\mapsto defines the function
    "A post.\n\n$$f(x) \\triangleq x^2$$\n\n$$f(2) = 4$$\n",
    "A post.\n\n$$f(x) = x^2$$\n\n$$f(x) = x \\cdot x$$\n\n$$f(2) = 4$$\n",  # a proved restatement keeps f
    "A post.\n\n$$f(\\sigma) = |\\sigma|$$\n\n$$f(-2) = 2$$\n",  # a parameter is any number
    "Let $f(x) = x^2$ for all $x \\in \\mathbb{R}$.\n\n$$f(3) = 9$$\n",  # for all: no piece
    "A diffusion model.\n\n$$\\|\\alpha_t v\\| = \\alpha_t \\|v\\|$$\n",  # no matrices: alpha_t is a number
    "A post.\n\n$$\\|v\\|_2^2 = \\|-v\\|_2^2$$\n",
])
def test_what_the_post_allows_is_still_proved(post: str) -> None:
    assert "proved" in verdicts(post)


def test_an_empty_display_is_no_crash() -> None:
    assert verdicts("A post.\n\n$$\n\n$$\n") == []


@pytest.mark.parametrize("piece", [r"f(x) = 0, \quad x \le 0", r"f(x) = 0 \quad x \le 0",
                                   r"f(x) = 0 \qquad x \notin (0, 1)"])
def test_the_second_piece_of_a_function_is_not_refuted(piece: str) -> None:
    """A piece under a bare condition (``\\quad x > 0``) is no restatement of the first piece."""
    post = f"A post.\n\n$$f(x) = x^2, \\quad x > 0$$\n\n$${piece}$$\n"
    assert "refuted" not in verdicts(post)


def test_a_bare_condition_is_a_hypothesis() -> None:
    assert verdicts("A post.\n\n$$\\sqrt{x^2} = x \\quad x > 0$$\n") == ["proved"]



def test_a_display_the_prose_does_not_take_back_defines() -> None:
    """Only words that call the next display wrong take it back (fifteenth review, F3)."""
    post = "The next display is right.\n\n$$f(x) = x^2$$\n\n$$2 f(2) = 8$$\n"
    assert verdicts(post) == ["proved"]
    assert "proved" not in verdicts(post.replace("is right", "is not correct"))


def test_a_greek_function_said_again_as_an_equation_is_unknown() -> None:
    """The eighteenth review's E with a function named by a command (\\phi): the equation makes it unknown too."""
    post = ("Let $\\phi(x) = x^2$. From now on we use a different one, defined by\n\n$$\\phi(x) - x^3 = 0$$\n\n"
            "$$\\phi(2) = 4$$\n")
    assert "proved" not in verdicts(post)
