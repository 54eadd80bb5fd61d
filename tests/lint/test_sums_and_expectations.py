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
