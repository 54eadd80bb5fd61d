r"""The bounds of an ELBO derivation (lint.bounds): a gap that is a KL divergence (Gibbs' inequality) or a Jensen gap
of the logarithm is proved; any other gap, a reversed bound, or a strict one is not."""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options

PROSE = "A note on probability.\n\n"


def verdicts(*rows: str) -> list[str]:
    post = PROSE + "".join(f"$$\n{row}\n$$\n\n" for row in rows)
    return [step.status.value for step in lint_text(post, Options()).steps]


@pytest.mark.parametrize("row", [
    r"\log p(x) \geq \log p(x) - D_\text{KL}(q(z|x)\|p(z|x))",  # the divergence written as one
    r"\log p(x) - D_\text{KL}(q(z|x) \| p(z|x)) \leq \log p(x)",
    r"\log p(x) \geq \mathbb{E}_{q(z|x)} \left[ \log \frac{p(x,z)}{q(z|x)} \right]",  # D(q(z|x) || p(z|x)) written out
    r"\log p(x) \geq \mathbb{E}_{q(z|x)}[\log p(x|z)] - D_{KL}(q(z|x) \| p(z))",
    r"\log p(x) + D_\text{KL}(q(z|x)\|p(z)) \geq \log p(x)",  # read as its definition, E_q[log q - log p]
])
def test_a_gap_that_is_a_divergence_is_proved(row: str) -> None:
    assert verdicts(row) == ["proved"]


def test_a_jensen_gap_is_proved() -> None:
    previous = r"\log \mathbb{E}_{q(z|x)}\left[\frac{p(x,z)}{q(z|x)}\right]"
    row = previous + r" \geq \mathbb{E}_{q(z|x)}\left[\log \frac{p(x,z)}{q(z|x)}\right]"
    assert verdicts(row) == ["proved"]


@pytest.mark.parametrize("row", [
    r"\log p(x) \geq \log p(x) + D_\text{KL}(q(z|x)\|p(z|x))",  # the gap is minus a divergence
    r"\log p(x) \leq \mathbb{E}_{q(z|x)} \left[ \log \frac{p(x,z)}{q(z|x)} \right]",  # the bound reversed
    r"\log p(x) > \log p(x) - D_\text{KL}(q(z|x)\|p(z|x))",  # strict: the divergence may be 0
    r"\log p(x) \geq \mathbb{E}_{q(z|x)} \left[ \log \frac{p(x,z)}{p(z)} \right]",  # log p(x) - E_q log p(x|z)
    r"\log \mathbb{E}_{q(z)}[x] \geq \mathbb{E}_{q(z)}[\log x]",  # x may be negative: no Jensen gap of the log
    r"\log \mathbb{E}_{q(z|x)}\left[\frac{p(x,z)}{q(z|x)}\right] \geq \mathbb{E}_{p(z)}\left[\log \frac{p(x,z)}"
    r"{q(z|x)}\right]",  # two laws
    r"\log \mathbb{E}_{q(z|x)}\left[\frac{p(x,z)}{q(z|x)}\right] \leq \mathbb{E}_{q(z|x)}\left[\log \frac{p(x,z)}"
    r"{q(z|x)}\right]",  # Jensen reversed
    r"\log p(x) - D_\text{KL}(q(z|x)\|p(z|x)) + D_\text{KL}(q(z|x)\|p(z)) \leq \log p(x)",  # a divergence added
])
def test_another_gap_proves_nothing(row: str) -> None:
    assert "proved" not in verdicts(row)
