r"""Norms as posts write them, and values a post names by a call (``\mu_\theta(x_t, t) = ...``).

Each construct has a true step that is proved and a broken or ambiguous one that is not.
"""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options

DIFFUSION = "A note on diffusion models (DDPM).\n\n"


def verdicts(post: str) -> list[str]:
    return [step.status.value for step in lint_text(post, Options()).steps]


def display(*rows: str, prose: str = DIFFUSION) -> str:
    return prose + "".join(f"$$\n{row}\n$$\n\n" for row in rows)


@pytest.mark.parametrize("row", [
    r"\|x - y\|^2 = \|y - x\|^2",  # ||-v|| = ||v|| in every norm
    r"||x - y||^2_2 = ||y - x||^2_2",  # the subscript 2 names the Euclidean norm, after or before the power
    r"\|x\|_2^2 = \|x\|_{2}^{2}",
    r"\|2x\|^2 = 4\|x\|^2",  # a number comes out as its absolute value
    r"\|\frac{x - y}{2}\| = \frac12 \|y - x\|",
    r"\|\alpha_t x - \alpha_t y\| = \alpha_t \|x - y\|",  # a schedule letter is a positive scalar
    r"\left|\left| 2x \right|\right|^2 = 4\|x\|^2",  # a norm written with two \left| bars
    r"\left\|x\right\| = \|-x\|",
])
def test_a_true_norm_step_is_proved(row: str) -> None:
    assert verdicts(display(row)) == ["proved"]


@pytest.mark.parametrize("row", [
    r"\|2x\|^2 = 2\|x\|^2",
    r"\|x y\| = x \|y\|",  # x may be a vector, or negative: nothing comes out
    r"\|x\|_1 = \|x\|",  # another norm
    r"\|x\|_2 = \|x\|",  # the post may mean another norm by the bars alone (the l1 norm, Frobenius)
    r"\|\pi x\| = \pi \|x\|",  # pi may be a permutation: only digits and radicals come out
    r"\|i x\| = \|x\|",
    r"\|A\|_F = \|A\|",
    r"\left|\left|a\right| b\right| = |a| |b|",  # bars that do not pair as a norm: unread, not guessed
    r"\|f(\alpha_t) x\| = f(\alpha_t) \|x\|",  # an unknown function of a scalar may be a vector
])
def test_a_wrong_or_unclear_norm_step_is_not_proved(row: str) -> None:
    assert "proved" not in verdicts(display(row))


NOISE_TERM = r"\frac{\beta_t}{\sqrt{1 - \bar\alpha_t}}\epsilon"
MU_THETA = rf"\mu_\theta(x_t, t) = \frac{{1}}{{\sqrt{{\alpha_t}}}}\left(x_t - {NOISE_TERM}\right)"


def test_a_value_named_by_a_call_is_substituted_at_its_own_arguments() -> None:
    post = display(MU_THETA, rf"\sqrt{{\alpha_t}}\,\mu_\theta(x_t, t) = x_t - {NOISE_TERM}",
                   r"\sqrt{\alpha_t}\,\mu_\theta(x_t, t) = x_t - \beta_t\epsilon")
    assert verdicts(post) == ["proved", "refuted"]


def test_a_value_named_by_a_call_says_nothing_at_other_arguments() -> None:
    r"""The body's :math:`\alpha_t` does not move with t: substituting it at t - 1 would prove a false step."""
    post = display(MU_THETA, r"\mu_\theta(x_{t-1}, t - 1) = \frac{1}{\sqrt{\alpha_t}}\left(x_{t-1} - "
                             r"\frac{\beta_t}{\sqrt{1 - \bar\alpha_t}}\epsilon\right)")
    assert "proved" not in verdicts(post)


def test_two_values_of_one_name_at_different_arguments_are_kept_apart() -> None:
    r""":math:`\tilde\mu_t(x_t, \epsilon)` is another formula, not the first at :math:`x_0 = \epsilon`."""
    first, second = r"\tilde\mu_t(x_t, x_0) = a x_0 + b x_t", r"\tilde\mu_t(x_t, \epsilon) = c x_t + d \epsilon"
    assert verdicts(display(first, second, r"\tilde\mu_t(x_t, \epsilon) - \tilde\mu_t(x_t, x_0) = "
                                           r"c x_t + d\epsilon - a x_0 - b x_t")) == ["proved"]
    assert "proved" not in verdicts(display(first, second, r"\tilde\mu_t(x_t, \epsilon) = a\epsilon + b x_t"))
    assert "proved" not in verdicts(display(first, r"\tilde\mu_t(x_t, \epsilon) = a\epsilon + b x_t"))


def test_the_head_of_a_chain_defines_a_function_and_the_links_are_steps() -> None:
    post = display(r"f(x) = (x + 1)^2 = x^2 + 2x + 1", "f(2) = 9", "f(2) = 10", prose="A note.\n\n")
    assert verdicts(post) == ["proved", "proved", "refuted"]


def test_a_chain_head_with_a_wrong_link_is_refuted() -> None:
    assert verdicts(display(r"f(x) = (x + 1)^2 = x^2 + 1", prose="A note.\n\n")) == ["refuted"]
