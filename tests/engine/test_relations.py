"""Relations between consecutive lines: equality in distribution, proportionality, substitution."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.facts import Fact
from derivations.engine.notation import symbol
from derivations.engine.relations import (
    DEFINITION,
    DIFFERENTIATION,
    EQUAL_IN_DISTRIBUTION,
    INTEGRAL,
    Context,
    affine_in_normals,
    proportional_in,
    up_to_constant_in,
)
from derivations.engine.settings import DEFAULT_SETTINGS
from derivations.engine.substitution import substitution
from derivations.engine.verdict import Outcome

alpha_t, alpha_tm1 = symbol("alpha_t"), symbol("alpha_tm1")
x_tm1, x_tm2 = symbol("x_tm1"), symbol("x_tm2")
eps_tm1, eps_tm2, eps_bar = symbol("eps_tm1"), symbol("eps_tm2"), symbol("eps_bar_tm2")
x, mu, sigma = symbol("x"), symbol("mu"), symbol("sigma")
# 0 < alpha_t, alpha_{t-1} < 1, stated: the noise scales sqrt(1 - alpha) are real
NOISE = Context(DEFAULT_SETTINGS.with_positive(1 - alpha_t, 1 - alpha_tm1), (eps_tm1, eps_tm2, eps_bar))
PLAIN = Context(DEFAULT_SETTINGS)

EQ3 = (sp.sqrt(alpha_t * alpha_tm1) * x_tm2 + sp.sqrt(alpha_t * (1 - alpha_tm1)) * eps_tm2
       + sp.sqrt(1 - alpha_t) * eps_tm1)  # source 000, eq. (3)


def merged(variance: sp.Expr) -> sp.Expr:
    return sp.sqrt(alpha_t * alpha_tm1) * x_tm2 + sp.sqrt(variance) * eps_bar


def test_two_noise_terms_merge_into_one() -> None:
    """Eq. (3) to eq. (4) of source 000: variances alpha_t (1 - alpha_{t-1}) + 1 - alpha_t add."""
    verdict = EQUAL_IN_DISTRIBUTION.check(EQ3, merged(1 - alpha_t * alpha_tm1), NOISE)
    assert verdict.outcome is Outcome.PROVED


@pytest.mark.parametrize("variance", [1 - alpha_tm1 + 1 - alpha_t, 1 - alpha_t**2 * alpha_tm1],
                         ids=["alpha_t factor dropped", "alpha_t squared"])
def test_merge_with_wrong_variance_is_refuted(variance: sp.Expr) -> None:
    """Equality in distribution rejects a wrong variance, and says it was the variance."""
    verdict = EQUAL_IN_DISTRIBUTION.check(EQ3, merged(variance), NOISE)
    assert verdict.outcome is Outcome.REFUTED
    assert verdict.method.startswith("variance")


def test_merge_with_wrong_mean_is_refuted() -> None:
    """Equality in distribution rejects a wrong deterministic part."""
    verdict = EQUAL_IN_DISTRIBUTION.check(EQ3, merged(1 - alpha_t * alpha_tm1) + 1, NOISE)
    assert verdict.outcome is Outcome.REFUTED and verdict.method.startswith("mean")


def test_without_declared_normals_merge_is_undecided() -> None:
    """With no declared standard normals, a merge cannot be checked: undecided, never proved."""
    verdict = EQUAL_IN_DISTRIBUTION.check(EQ3, merged(1 - alpha_t * alpha_tm1), PLAIN)
    assert verdict.outcome is Outcome.UNDECIDED


def test_nonaffine_noise_is_undecided() -> None:
    """A square of a normal is not Gaussian: the relation declines."""
    assert affine_in_normals(eps_tm1**2, (eps_tm1,)) is None
    verdict = EQUAL_IN_DISTRIBUTION.check(eps_tm1**2, eps_tm2**2, NOISE)
    assert verdict.outcome is Outcome.UNDECIDED


def test_affine_in_normals_reads_mean_and_variance() -> None:
    """m + a eps1 + b eps2 has mean m and variance a^2 + b^2."""
    mean, variance = affine_in_normals(mu + 2 * eps_tm1 - 3 * eps_tm2, (eps_tm1, eps_tm2))
    assert mean == mu and variance == 13


def gauss(x_: sp.Expr, m: sp.Expr) -> sp.Expr:
    return sp.exp(-((x_ - m) ** 2) / (2 * sigma**2))


def test_proportional_in_accepts_a_factor_free_of_the_variable() -> None:
    """exp(-(x - mu)^2 / 2 sigma^2) is proportional in x to exp(-x^2/2 sigma^2 + x mu / sigma^2)."""
    verdict = proportional_in(x).check(3 * gauss(x, mu), sp.exp(-(x**2) / (2 * sigma**2) + x * mu / sigma**2),
                                       PLAIN)
    assert verdict.outcome is Outcome.PROVED


def test_proportional_in_rejects_a_factor_that_depends_on_it() -> None:
    """A wrong linear coefficient changes the shape in x: refuted."""
    verdict = proportional_in(x).check(gauss(x, mu), sp.exp(-(x**2) / (2 * sigma**2) + 2 * x * mu / sigma**2),
                                       PLAIN)
    assert verdict.outcome is Outcome.REFUTED


@pytest.mark.parametrize("factor", [-1, 0, sp.Symbol("c", real=True)], ids=["negative", "zero", "unknown sign"])
def test_proportional_in_needs_a_positive_factor(factor: sp.Expr) -> None:
    """Densities differ by a positive factor: -e^{-x^2}, 0 and c e^{-x^2} are proportional to nothing proved."""
    verdict = proportional_in(x).check(gauss(x, mu), factor * gauss(x, mu), PLAIN)
    assert verdict.outcome is Outcome.UNDECIDED


def test_up_to_constant_in() -> None:
    """Exponents equal up to an additive constant in x pass; a wrong x coefficient fails."""
    relation = up_to_constant_in(x)
    good = relation.check(-((x - mu) ** 2), -(x**2) + 2 * x * mu, PLAIN)
    bad = relation.check(-((x - mu) ** 2), -(x**2) + x * mu, PLAIN)
    assert good.outcome is Outcome.PROVED and bad.outcome is Outcome.REFUTED


def test_substitution_checks_the_replacement() -> None:
    """With x_{t-1} = new known, substituting it is proved; a wrong line is refuted; an absent name undecided."""
    previous = sp.sqrt(alpha_t) * x_tm1 + sp.sqrt(1 - alpha_t) * eps_tm1
    new = sp.sqrt(alpha_tm1) * x_tm2 + sp.sqrt(1 - alpha_tm1) * eps_tm2
    known = Context(DEFAULT_SETTINGS, facts=(Fact(x_tm1, new, "equal", "a hypothesis: eq. (2) at t - 1"),))
    relation = substitution(x_tm1, new)
    good = relation.check(previous, previous.subs(x_tm1, new), known)
    bad = relation.check(previous, previous.subs(x_tm1, new + eps_tm2), known)
    missing = substitution(x_tm2, new).check(previous, previous, known)
    assert good.outcome is Outcome.PROVED and "a hypothesis: eq. (2) at t - 1" in good.method
    assert bad.outcome is Outcome.REFUTED
    assert missing.outcome is Outcome.UNDECIDED


def test_substitution_of_what_is_not_known_is_undecided() -> None:
    """x = 2 substituted into x**2 = 4 is not an identity: with no fact x = 2 the step is undecided."""
    verdict = substitution(x, 2).check(x**2, sp.Integer(4), PLAIN)
    assert verdict.outcome is Outcome.UNDECIDED
    assert verdict.method.startswith("x = 2 is not known")


def test_integral_relation_needs_an_integral() -> None:
    """The integral relation refuses a line before it that has no integral."""
    verdict = INTEGRAL.check(x, x, PLAIN)
    assert verdict.outcome is Outcome.UNDECIDED


def test_definition_is_stated_not_checked() -> None:
    """A definition is recorded as stated, whatever it says."""
    assert DEFINITION.check(x, x + 1, PLAIN).outcome is Outcome.STATED


# --- differentiation (Leibniz's rule) ---------------------------------------------

u = symbol("u")


def test_leibniz_rule_gives_the_density_of_sigma_z_plus_mu() -> None:
    """d/dx of the N(0, 1) distribution function at (x - mu)/sigma is N((x - mu)/sigma; 0, 1)/sigma."""
    cdf = sp.Integral(NormalPDF(u, 0, 1), (u, -sp.oo, (x - mu) / sigma))
    verdict = DIFFERENTIATION.check(
        sp.Derivative(cdf, x), NormalPDF((x - mu) / sigma, 0, 1) / sigma, PLAIN
    )
    assert verdict.outcome is Outcome.PROVED


def test_leibniz_rule_without_the_chain_rule_factor_is_refuted() -> None:
    """Dropping the 1/sigma factor is refuted."""
    cdf = sp.Integral(NormalPDF(u, 0, 1), (u, -sp.oo, (x - mu) / sigma))
    verdict = DIFFERENTIATION.check(sp.Derivative(cdf, x), NormalPDF((x - mu) / sigma, 0, 1), PLAIN)
    assert verdict.outcome is Outcome.REFUTED


def test_leibniz_rule_is_undecided_when_an_integral_is_left() -> None:
    """A line with no derivative is not a differentiation step: undecided."""
    cdf = sp.Integral(NormalPDF(u, 0, 1), (u, -sp.oo, x))
    assert DIFFERENTIATION.check(cdf, cdf, PLAIN).outcome is Outcome.UNDECIDED


def test_merge_needs_real_noise_scales() -> None:
    """Without 1 - alpha > 0 stated, sqrt(1 - alpha_t) may be imaginary: the merge is undecided."""
    plain_noise = Context(DEFAULT_SETTINGS, (eps_tm1, eps_tm2, eps_bar))
    verdict = EQUAL_IN_DISTRIBUTION.check(EQ3, merged(1 - alpha_t * alpha_tm1), plain_noise)
    assert verdict.outcome is Outcome.UNDECIDED
    assert "is not provably real" in verdict.method
