r"""Expectations read as linear, with the law's conditions fixed, and the KL of two densities by its definition.

The rules every ELBO derivation uses (issue 15): :math:`\mathbb{E}[aX + b] = a\mathbb{E}[X] + b` for ``a, b``
not random, :math:`\log\frac{q}{p}` split under the expectation, :math:`\mathbb{E}_{q(z|x)}[\log p(x)] = \log p(x)`,
:math:`D_{\mathrm{KL}}(q \| p) = \mathbb{E}_q[\log q - \log p]`; with Bayes' rule for the joints.
"""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options


def verdict(line: str) -> str:
    (step,) = lint_text(f"$$\n{line}\n$$\n", Options()).steps
    return step.status.value


@pytest.mark.parametrize("line", [
    r"\mathbb{E}_{z \sim q(z|x)}[\log p(x|z)] - D_{KL}(q(z|x) \| p(z)) = "
    r"\mathbb{E}_{z \sim q(z|x)}[\log p(x|z) - \log q(z|x) + \log p(z)]",
    r"\mathbb{E}_{q(z|x)}[\log p(x) + \log q(z|x)] = \log p(x) + \mathbb{E}_{q(z|x)}[\log q(z|x)]",
    r"\mathbb{E}_{q(z|x)}[x z] = x \mathbb{E}_{q(z|x)}[z]",
    r"\mathbb{E}_{q(z)}[2 z + 3] = 2 \mathbb{E}_{q(z)}[z] + 3",
    r"D_{KL}(q(z|x) \| p(z|x)) = \mathbb{E}_{q(z|x)}\left[\log \frac{q(z|x)}{p(z|x)}\right]",
    r"\log p(x) = \mathbb{E}_{q(z \mid x)}\left[\log \frac{p(x,z)}{p(z \mid x)}\right]",
    r"\log p(x) - D_{KL}(q(z|x) \| p(z|x)) = \mathbb{E}_{q(z|x)}[\log p(x|z)] - D_{KL}(q(z|x) \| p(z))",
    r"\mathbb{E}[3 X \mid Y] = 3 \mathbb{E}[X \mid Y]",
    r"\mathbb{E}[Y X \mid Y] = Y \mathbb{E}[X \mid Y]",
])
def test_the_rules_of_an_elbo_are_proved(line: str) -> None:
    assert verdict(line) == "proved"


@pytest.mark.parametrize("line", [
    r"\mathbb{E}_{q(z|x)}[\log p(x) + \log q(z|x)] = 2\log p(x) + \mathbb{E}_{q(z|x)}[\log q(z|x)]",
    r"\mathbb{E}_{q(z|x)}[\epsilon z] = \epsilon \mathbb{E}_{q(z|x)}[z]",  # the noise is random, whatever q names
    r"\mathbb{E}_{q}[x z] = x \mathbb{E}_{q}[z]",  # a bare law fixes nothing
    r"\mathbb{E}_{z \sim q}[x z] = x \mathbb{E}_{z \sim q}[z]",
    r"\mathbb{E}_{q(z)}[z^2] = \mathbb{E}_{q(z)}[z]^2",
    r"\mathbb{E}_{q(z|x)}[\log q(z|x)] = \log q(z|x)",  # the outcome is random
    r"\mathbb{E}_{q(z|x)}[f(x) z] = f(x) \mathbb{E}_{q(z|x)}[z]",  # f may be a random function
    r"D_{KL}(q(z|x) \| p(z|x)) = \mathbb{E}_{q(z|x)}\left[\log \frac{p(z|x)}{q(z|x)}\right]",
    r"D_{KL}(q(z|x) \| p(z)) = D_{KL}(p(z) \| q(z|x))",
    r"D_{KL}(q(z) \| p(x)) = \mathbb{E}_{q(z)}[\log q(z) - \log p(x)]",  # different variables: not the definition
    r"\mathbb{E}[X Z \mid Y] = Z \mathbb{E}[X \mid Y]",
    r"\mathbb{E}_{q(x_t|x_0)}[x_t] = x_0",
])
def test_what_the_rules_do_not_give_is_not_proved(line: str) -> None:
    assert verdict(line) != "proved"
