r"""Finite sums and expectations as an ELBO derivation writes them (lint.equality, lint.ranges).

A true step is proved, a broken one is not; the rules apply only where they hold.
"""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options

DIFFUSION = "A note on diffusion models (DDPM).\n\n"
Q, P = r"q(x_t \mid x_{t-1})", r"p_\theta(x_{t-1} \mid x_t)"


def verdicts(post: str) -> list[str]:
    return [step.status.value for step in lint_text(post, Options()).steps]


def display(*rows: str, prose: str = DIFFUSION) -> str:
    return prose + "".join(f"$$\n{row}\n$$\n\n" for row in rows)


@pytest.mark.parametrize("row", [
    rf"\log \frac{{\prod_{{t=1}}^T {Q}}}{{p(x_T) \prod_{{t=1}}^T {P}}} = -\log p(x_T) + "
    rf"\sum_{{t=1}}^T \log \frac{{{Q}}}{{{P}}}",  # the log of a product of densities
    rf"\sum_{{t=1}}^T \log {Q} = \log q(x_1 \mid x_0) + \sum_{{t=2}}^T \log {Q}",  # a term split off, named x_1
    r"\sum_{t=1}^{T} (a_t - a_{t-1}) = a_T - a_0",  # telescoping
    rf"\mathbb{{E}}_q\left[\sum_{{t=1}}^T \log {Q}\right] = \mathbb{{E}}_q\left[\log q(x_1 \mid x_0) + "
    rf"\sum_{{t=2}}^T \log {Q}\right]",  # under one expectation, the bodies are equal
])
def test_a_true_step_of_sums_is_proved(row: str) -> None:
    assert verdicts(display(row)) == ["proved"]


@pytest.mark.parametrize("row", [
    rf"\sum_{{t=1}}^T \log {Q} = \log q(x_1 \mid x_0) + \sum_{{t=1}}^T \log {Q}",
    r"\sum_{t=1}^{T} (a_t - a_{t-1}) = a_T - a_1",
    rf"\mathbb{{E}}_q\left[\sum_{{t=1}}^T \log {Q}\right] = \mathbb{{E}}_q\left[\sum_{{t=2}}^T \log {Q}\right]",
    r"\mathbb{E}_q[x y] = x\,\mathbb{E}_q[y]",  # x may be random under q: it does not come out
    r"\mathbb{E}_q[x] = \mathbb{E}_p[x]",  # two laws
])
def test_a_wrong_step_of_sums_is_not_proved(row: str) -> None:
    assert "proved" not in verdicts(display(row))


def test_the_terms_of_a_family_of_matrices_are_not_commuted() -> None:
    post = display(r"\sum_{t=1}^{T} W_t W_{t-1} = \sum_{t=1}^{T} W_{t-1} W_t",
                   prose="Let $W_t \\in \\mathbb{R}^{d \\times d}$ be the weight matrices.\n\n")
    assert "proved" not in verdicts(post)


SPLIT = rf"\sum_{{t=1}}^T \log {Q} = \log q(x_1 \mid x_0) + \sum_{{t=2}}^T \log {Q}"


@pytest.mark.parametrize("prose", [
    "A note on diffusion models (DDPM). Take $T = 0$.\n\n",  # no steps: the split does not hold as written
    "A note on diffusion models (DDPM), with $T \\ge 0$ steps.\n\n",
    "A note on diffusion models (DDPM). The number of steps $T$ may be zero.\n\n",
    "A note on sums. As $T \\to \\infty$ the sum grows.\n\n",  # T stated: it may be any integer
])
def test_a_bound_the_post_speaks_of_is_no_proof_of_a_split(prose: str) -> None:
    """Karr's convention and the sum as written differ for T < 1: a T the post states may be there."""
    assert "proved" not in verdicts(display(SPLIT, prose=prose))


def test_an_infinite_sum_is_not_split_term_by_term() -> None:
    assert "proved" not in verdicts(display(r"\sum_{k=1}^{\infty} (a_k - a_{k+1}) = a_1", prose="A note.\n\n"))


#: A diffusion post that sums to T: T counts the chain's steps (a whole number, at least 1), so a split of a sum up to
#: T holds as written; what a post says of T that may break that voids it (lint.conventions), and a range that may
#: still run backwards (t = 3..T at T = 1) is not proved from Karr's convention.
HORIZON = "A note on diffusion models (DDPM).\n\n"
SPLIT_AT_T = r"\sum_{t=1}^{T} x_t = x_1 + \sum_{t=2}^{T} x_t"


@pytest.mark.parametrize("prose", [
    "Start from $\\mathbf{x}_T \\sim \\mathcal{N}(\\mathbf{0}, \\mathbf{I})$.",  # a law of x_T, not of T
    "We take $T = 1000$ steps.",
    "At $t = 0$ we have the data, at $t = T$ pure noise.",  # two instants of the chain
    "Here $T \\ge 1$.",
    "As $T \\to \\infty$ the chain forgets $x_0$.",
    "Sample $x_{T-1} = \\mu_\\theta(x_T, T) + \\sigma_T \\epsilon, \\quad \\epsilon \\sim \\mathcal{N}(0, 1)$.",
])
def test_a_split_up_to_the_horizon_is_proved(prose: str) -> None:
    assert verdicts(display(SPLIT_AT_T, prose=HORIZON + prose + "\n\n")) == ["proved"]


@pytest.mark.parametrize("prose", [
    "Take $T = 0$.",
    "Take $0 = T$.",
    "Here $T \\ge 0$.",
    "Here $T > -1$.",
    "Here $T < 1$.",
    "Here $T \\le 0$.",
    "Here $T = 1/2$.",  # not a whole number of steps
    "Here $T \\in \\mathbb{N}$.",  # with or without 0: the reader cannot tell
    "Here $T \\in \\{0, 1, 2, \\dots\\}$.",
    "The number of steps $T$ may be zero.",
    "Here $T \\sim \\mathrm{Poisson}(3)$.",
    "Here $T = \\lfloor 1/2 \\rfloor$.",  # an unread value may be anything
])
def test_what_a_post_says_of_the_horizon_voids_it(prose: str) -> None:
    assert "proved" not in verdicts(display(SPLIT_AT_T, prose=HORIZON + prose + "\n\n"))


def test_a_horizon_said_in_a_later_display_voids_it() -> None:
    assert "proved" not in verdicts(display(SPLIT_AT_T, "T = 0", prose=HORIZON))


def test_a_range_that_may_run_backwards_at_the_first_step_is_not_proved() -> None:
    """At T = 1 the left sum (t = 3..1) is empty and the right side is x_3: false as written, true in Karr's."""
    row = r"\sum_{t=3}^{T} x_t = x_3 + \sum_{t=4}^{T} x_t"
    assert "proved" not in verdicts(display(SPLIT_AT_T, row, prose=HORIZON + "Here $T \\ge 1$.\n\n"))[1:]


def test_a_post_that_does_not_sum_to_t_has_no_horizon() -> None:
    """Without a sum, product or range up to T, T is a real number like any other letter."""
    assert "proved" not in verdicts(display(r"\sqrt{T^2} = T", prose=HORIZON))
    assert verdicts(display(SPLIT_AT_T, r"\sqrt{T^2} = T", prose=HORIZON)) == ["proved", "proved"]
