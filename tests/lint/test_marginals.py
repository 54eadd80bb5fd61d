r"""The sum rule of densities and an expectation as its integral (lint.marginals): the first lines of an ELBO are
proved; a name that may move with the variable, a family indexed by it, a range, a tied family, or a wrong
marginal is not."""

from __future__ import annotations

import pytest

from derivations.lint import lint_text
from derivations.lint.check import Options

PROSE = "A model with a latent variable $z$.\n\n"


def verdicts(*rows: str, prose: str = PROSE) -> list[str]:
    post = prose + "".join(f"$$\n{row}\n$$\n\n" for row in rows)
    return [step.status.value for step in lint_text(post, Options()).steps]


@pytest.mark.parametrize("row", [
    r"\int p(x,z) dz = \int p(x|z)p(z) dz",  # one joint, written two ways
    r"\int p(x|z) p(z) dz = p(x)",
    r"\int q(z|x) dz = 1",
    r"\int p(z|x) p(x) dx = p(z)",
    r"\log p(x) = \log \int p(x,z) \frac{q(z|x)}{q(z|x)} dz",
    r"\log \int p(x,z) dz = \log \mathbb{E}_{q(z|x)} \left[ \frac{p(x,z)}{q(z|x)} \right]",
    r"\mathbb{E}_{q(z|x)}\left[\frac{p(x,z)}{q(z|x)}\right] = p(x)",
    r"\mathbb{E}_{q(z|x)}[f(z)] = \int q(z|x) f(z) dz",
    r"\int p(x_{0:T}) dx_{1:T} = \mathbb{E}_{q(x_{1:T} | x_0)}\left[\frac{p(x_{0:T})}{q(x_{1:T} | x_0)}\right]",
])
def test_the_sum_rule_and_an_expectation_as_its_integral_are_proved(row: str) -> None:
    assert verdicts(row) == ["proved"]


def test_a_chain_from_the_evidence_is_proved_step_by_step() -> None:
    """A lone ``log p(x) = ...`` states what it writes; in a chain each step is checked."""
    row = (r"\log p(x) = \log \int p(x,z) dz = \log \int p(x|z)p(z) dz"
           r" = \log \mathbb{E}_{q(z|x)}\left[\frac{p(x,z)}{q(z|x)}\right]")
    assert verdicts(row) == ["proved"] * 3


@pytest.mark.parametrize("row", [
    r"\int p(x,z) dz = 2 p(x)",
    r"\int p(x,z) z dz = p(x)",  # z is no factor that comes out
    r"\int p(x,z) dz = p(z)",  # the wrong marginal
    r"\int p(x|z) dz = 1",  # a density of x, integrated over its condition
    r"\int_0^1 p(x,z) dz = p(x)",  # not over the whole line
    r"\mathbb{E}_{q(z|x)}[y] = y",  # y may be random under q: only its conditions are fixed
    r"\mathbb{E}_{q(z|x)}[f(x)] = f(x)",  # f may be a random function
    r"\mathbb{E}_{q(\theta \mid x)}[\log p_\theta(x)] = \log p_\theta(x)",  # the family moves with theta
    r"\int q(z|x) p_z(x) dz = p_z(x)",
    r"\int p(x_{0:T}) dx_{1:T} = p(x_{0:T})",  # a range holds the variable: x_{0:T} moves with x_{1:T}
    r"\int p(x_{1:T}, x_{0:T}) dx_{1:T} = p(x_{0:T})",
    r"\int p(\mathbf{x}, z) x_1 dz = x_1 p(\mathbf{x})",
    r"\int p(x, z) x_1 dx = x_1 \int p(x, z) dx",  # a coordinate of x beside it
])
def test_what_the_rule_does_not_show_is_not_proved(row: str) -> None:
    assert verdicts(row) != ["proved"]


def test_a_name_set_to_a_value_of_the_variable_is_not_held_fixed() -> None:
    """y = 2z ties y to z: inside the integral over z, y moves with it, so p(y, x) does not come out."""
    prose = PROSE + "Let $y = 2z$.\n\n"
    assert verdicts(r"\int p(x,z) p(y) dz = p(x) p(y)", prose=prose) != ["proved"]


def test_a_tied_family_is_no_density_for_the_rule() -> None:
    """2 q(z|x) = p(z|x) says q or p is no normalised density: neither integrates to 1 here."""
    assert verdicts(r"2 q(z|x) = p(z|x)", r"\int q(z|x) dz = 1")[-1] != "proved"


@pytest.mark.parametrize("definition", [
    r"q(z \mid x) = \mathcal{N}(z; x, \sigma^2)",  # a normal density of its variable: normalised
    r"p(z) = \mathcal{N}(0, \mathbf{I})",  # a law, as posts write it
    r"q(x_{1:T} \mid x_0) = \prod_{t=1}^T q(x_t \mid x_{t-1})",  # a chain of conditionals
    r"p(x, z) = p(z) p(x \mid z)",
])
def test_a_normalised_definition_leaves_the_sum_rule_in_force(definition: str) -> None:
    assert verdicts(definition, r"\log \int p(x,z) dz = \log p(x)")[-1] == "proved"


@pytest.mark.parametrize("definition", [
    r"q(z \mid x) = \frac{1}{2} \mathcal{N}(z; x, 1)",
    r"q(z \mid x) = e^{-z^2}",
    r"q(z \mid x) \propto e^{-z^2}",
    r"q(z \mid x) = q(z \mid x)^2",
])
def test_a_formula_that_may_not_be_normalised_stops_it(definition: str) -> None:
    assert "proved" not in verdicts(definition, r"\log \int q(z \mid x) dz = 0")  # proved without the definition


def test_a_density_the_post_gives_a_formula_is_decided_by_it() -> None:
    """p(x) = N(x; 0, 1) with p(z), p(x | z) normal too: the sum rule would prove what the formulas refute."""
    definitions = r"p(x) = \mathcal{N}(x; 0, 1), \quad p(z) = \mathcal{N}(z; 0, 1), \quad p(x|z) = \mathcal{N}(x; z, 1)"
    assert verdicts(definitions, r"\int p(x|z) p(z) dz = p(x)")[-1] != "proved"


def test_a_post_about_discrete_variables_has_no_integrals_of_its_densities() -> None:
    prose = "A mixture with a discrete latent variable $z \\in \\{1, \\dots, K\\}$.\n\n"
    assert verdicts(r"\int q(z) dz = 1", prose=prose) != ["proved"]


#: A post about the probability densities of a chain x_0, ..., x_T.
CHAIN = "A Markov chain of latent variables, with probability densities p and q.\n\n"


@pytest.mark.parametrize("row", [
    r"\log \int p(x_{0:T}) dx_{1:T} = \log p(x_0)",  # Lozupone, "DDPM", line 73: the evidence of a chain
    r"\log \int p(x_0, x_{1:T}) dx_{1:T} = \log p(x_0)",
    r"\log \int p(x_{1:T}, x_0) dx_{1:T} = \log p(x_0)",
    r"\log \int 3 p(x_{0:T}) dx_{2:T} = \log 3 + \log p(x_{0:1})",
])
def test_a_range_at_the_end_of_a_joint_is_integrated_out(row: str) -> None:
    assert verdicts(row, prose=CHAIN) == ["proved"]


@pytest.mark.parametrize("row", [
    r"\log \int p(x_{0:T}) dx_{1:T} = \log p(x_1)",  # the wrong rest
    r"\log \int 2 p(x_{0:T}) dx_{1:T} = \log p(x_0)",
    r"\log \int p(x_{0:T}) dx_{0:T} = \log p(x_0)",  # nothing is left
    r"\log \int p(x_{0:T}) dx_{t:T} = \log p(x_{0:t-1})",  # t may be 0: no variables left
    r"\log \int p(x_{0:T}) x_1 dx_{1:T} = \log p(x_0)",  # x_1 is a variable of the range
    r"\log \int p(x_{0:T} \mid y) dx_{1:T} = \log p(x_0)",
    r"\log \int p(x_{0:T}) dx_{0:T-1} = \log p(x_T)",  # a range at the front is not integrated out
    r"\log \int p(x_{0:2}) dx_{1:3} = \log p(x_0)",  # the range is no end of the joint
    r"\log \int p(x_0, x_{1:T}, y) dx_{1:T} = \log p(x_0)",
])
def test_a_range_that_leaves_another_marginal_is_not_proved(row: str) -> None:
    assert verdicts(row, prose=CHAIN) != ["proved"]


def test_a_family_read_as_a_name_ties_no_variable() -> None:
    """Lozupone, "DDPM", lines 36 and 137: ``L_T = D_KL(q(x_T|x_0) || p(x_T))`` ties the name p to x_T, and other
    equations tie x_T to z. A density's family is a function, not a value the integral holds fixed."""
    prose = PROSE + r"Let $L_T = D_{KL}(q(x_T|x_0) || p(x_T))$ and $x_T = z$." "\n\n"
    assert verdicts(r"\log p(x) = \log \int p(x,z) dz", prose=prose) == ["proved"]


def test_a_name_tied_to_the_variable_beside_a_family_still_stops_the_rule() -> None:
    prose = PROSE + r"Let $L_T = D_{KL}(q(x_T|x_0) || p(x_T))$, $x_T = z$ and $y = 2 x_T$." "\n\n"
    assert verdicts(r"\int p(x,z) p(y) dz = p(x) p(y)", prose=prose) != ["proved"]
