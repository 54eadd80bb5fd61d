"""Refutations of true steps seen on the corpus's real posts (December 2026), each cut down to a post: none stands.

Each has a negative beside it: the same construct with a false step is still refuted.
"""

from __future__ import annotations

from derivations.lint import lint_text
from derivations.lint.check import Options


def verdicts(text: str) -> list[str]:
    return [step.status.value for step in lint_text(text, Options()).steps]


DEFINED_BY_DELTA = (
    "$$\n\\begin{align}\nA(x - m) + B(y - n) &= A\\left(x - (m - A^{-1}B(y - n))\\right) \\\\\n"
    " &\\stackrel{\\Delta}{=} A(x - \\mu_{a\\mid b})\n\\end{align}\n$$\n"
)


def test_a_delta_over_equals_that_names_a_new_value_defines_it() -> None:
    """Friedman, "The Gaussian distribution", line 253: the mean is named, not claimed."""
    assert verdicts(DEFINED_BY_DELTA) == ["proved"]


def test_a_delta_over_equals_between_known_names_is_still_checked() -> None:
    text = "$$\n\\begin{align}\na(x + 1) &= ax + a \\\\\n &\\stackrel{\\Delta}{=} ax + 2a\n\\end{align}\n$$\n"
    assert verdicts(text) == ["proved", "refuted"]


RENAMED_NOISE = (
    "A diffusion model:\n\n$$\nx_t = \\sqrt{\\alpha_t} x_{t-1} + \\sqrt{1-\\alpha_t} \\epsilon_{t-1}\n$$\n\n"
    "$$\n\\begin{align}\nx_t &= \\sqrt{\\alpha_t} x_{t-1} + \\sqrt{1-\\alpha_t} \\epsilon_{t-1}^* \\\\\n"
    "&= \\sqrt{\\alpha_t} (\\sqrt{\\alpha_{t-1}} x_{t-2} + \\sqrt{1-\\alpha_{t-1}} \\epsilon_{t-2}^*) "
    "+ \\sqrt{1-\\alpha_t} \\epsilon_{t-1}^*\n\\end{align}\n$$\n"
)


def test_a_noise_the_post_renames_is_a_hint_in_distribution_not_a_refutation() -> None:
    """Juanito, "Diffusion foundations", line 161: the shifted definition names the noise epsilon_{t-2}."""
    assert verdicts(RENAMED_NOISE)[-1] == "undecided"


def test_a_wrong_coefficient_beside_a_renamed_noise_is_still_refuted() -> None:
    noise = "\\epsilon_{t-2}^*"
    wrong = RENAMED_NOISE.replace(f"\\sqrt{{1-\\alpha_{{t-1}}}} {noise}", f"\\sqrt{{2-\\alpha_{{t-1}}}} {noise}")
    assert verdicts(wrong)[-1] == "refuted"


PEELED = (
    "A diffusion model, where $\\bar{\\alpha}_t = \\prod_{s=1}^{t} \\alpha_s$ and $\\alpha_t = 1 - \\beta_t$.\n\n"
    "$$\\frac{\\alpha_t}{1 - \\alpha_t} + \\frac{1}{1 - \\bar{\\alpha}_{t-1}} = "
    "\\frac{1-\\bar{\\alpha}_{t}}{(1-\\alpha_t)(1-\\bar{\\alpha}_{t-1})}$$\n"
)


def test_a_peeled_product_term_obeys_the_schedule_too() -> None:
    """Chengpei, "Understanding diffusion", line 203: alpha[t] peeled off alpha-bar is the post's alpha_t."""
    assert verdicts(PEELED) == ["proved"]


def test_a_wrong_peeled_identity_is_refuted() -> None:
    assert verdicts(PEELED.replace("{(1-\\alpha_t)(1-", "{(1-\\alpha_t)(2-")) == ["refuted"]
