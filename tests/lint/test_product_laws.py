r"""An expectation under a product of densities (latex.product_laws): Jones, "EM as VI", line 41.

``\mathbb{E}_{q_z(z) q_\theta(\theta)}`` is read as one expectation inside the other, for independent factors
only; a product whose factors share a variable or condition on each other's is no distribution (unread).
"""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options

PROSE = "Mean-field variational inference with probability densities $q_z$ and $q_\\theta$.\n\n"
LAW = r"\mathbb{E}_{q_z(z) q_\theta(\theta)}"


def verdicts(row: str) -> list[str]:
    return [step.status.value for step in lint_text(f"{PROSE}$$\n{row}\n$$\n", Options()).steps]


@pytest.mark.parametrize("row", [
    rf"a = {LAW}\left[\log \frac{{q_z(z)}}{{p(z, \theta, x)}} + \log p(x)\right] = "
    rf"{LAW}\left[\log \frac{{q_z(z)}}{{p(z, \theta, x)}}\right] + {LAW}[\log p(x)]",
    rf"a = {LAW}\left[\log \frac{{q_z(z) p(x)}}{{p(z, \theta, x)}}\right] = "
    rf"{LAW}\left[\log \frac{{q_z(z)}}{{p(z, \theta, x)}} + \log p(x)\right]",
    rf"a = {LAW}[2 f(z, \theta)] = 2 {LAW}[f(z, \theta)]",
])
def test_linearity_under_a_product_law_is_proved(row: str) -> None:
    assert verdicts(row)[1:] == ["proved"]


@pytest.mark.parametrize("row", [
    rf"a = {LAW}[f(z, \theta)] = 2 {LAW}[f(z, \theta)]",
    rf"a = {LAW}[f(z, \theta)] = \mathbb{{E}}_{{q_z(z)}}[f(z, \theta)]",  # theta is random under the product
    rf"a = {LAW}[\log q_z(z)] = \log q_z(z)",
    rf"a = {LAW}[f(z) + g(\theta)] = \mathbb{{E}}_{{q_z(z)}}[f(z)] + {LAW}[g(z)]",
])
def test_what_linearity_does_not_give_is_not_proved(row: str) -> None:
    assert "proved" not in verdicts(row)[1:]


@pytest.mark.parametrize("law", [
    r"q(z) q(z)",  # one variable twice
    r"q(z) p(z)",
    r"q(z \mid \theta) q(\theta)",  # a factor conditioned on another's variable: a chain, not independent
    r"q(\theta) q(z \mid \theta)",
    r"q(x_{1:T}) q(x_1)",  # a range holds the other's variable
    r"2 q(z)",
])
def test_a_product_that_is_no_law_of_independent_variables_is_unread(law: str) -> None:
    assert verdicts(rf"a = \mathbb{{E}}_{{{law}}}[f(z)] = \mathbb{{E}}_{{{law}}}[f(z)]")[1:] == ["unparsed"]
