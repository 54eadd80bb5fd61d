"""Tests for marginals and conditionals in blocks (derivations/gaussian/conditional_blocks.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.matrices import MVNormalPDF
from derivations.engine.verdict import Outcome
from derivations.gaussian import conditional_blocks as cb
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "conditional_blocks"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """Each checked step is proved; the inverse and the determinant of the blocks are stated theorems."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_conclusion() -> None:
    """12 proved, 9 stated; the conditional is source 001's Property 2 for blocks."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (12, 9)
    assert checked.known_verdict.proved


def test_exercise_values_from_the_block_formula() -> None:
    """Source 001's exercise: 1.05 and 0.51 from the block formula at 1 x 1 blocks."""
    values = [s.step.expr for s in _checked().steps if "the exercise" in s.step.relation.name]
    assert values == [sp.ImmutableMatrix([[sp.Rational(21, 20)]]), sp.ImmutableMatrix([[sp.Rational(51, 100)]])]


def test_the_ddpm_posterior_is_the_block_formula() -> None:
    """With the forward process's joint covariance, the block formula gives Ho et al.'s eq. (7)."""
    values = [s for s in _checked().steps if "the forward process" in s.step.relation.name]
    assert len(values) == 2 and all(s.verdict.proved for s in values)


WRONG = {
    "gain-with-Sigma_11": MVNormalPDF(cb.x_1, cb.mu_1 + cb.Sigma_11.I * cb.Sigma_12 * (cb.x_2 - cb.mu_2), cb.SIGMA_1G2),
    "marginal-covariance": MVNormalPDF(cb.x_1, cb.MU_1G2, cb.Sigma_11),
    "sign-of-the-correction": MVNormalPDF(cb.x_1, cb.MU_1G2, cb.Sigma_11 + cb.Sigma_12 * cb.Sigma_22.I * cb.Sigma_21),
}


@pytest.mark.parametrize("wrong", WRONG.values(), ids=list(WRONG))
def test_wrong_conditionals_are_refuted(wrong: sp.Expr) -> None:
    """A gain with Sigma_11, the marginal covariance, or a flipped sign is refuted (random explicit blocks)."""
    verdict = check_equal(cb.CONDITIONAL, wrong, cb.build().settings)
    assert verdict.outcome is Outcome.REFUTED


def test_seeded_samples_match_the_block_formula() -> None:
    """Regression of x_1 on x_2 for a 3 + 2 dimensional Gaussian gives Sigma_12 Sigma_22^-1 and the Schur complement."""
    rng = np.random.default_rng(5)
    root = rng.normal(size=(5, 5))
    sigma = root @ root.T + np.eye(5)
    samples = rng.multivariate_normal(np.zeros(5), sigma, size=300_000)
    x1, x2 = samples[:, :3], samples[:, 3:]
    gain, *_ = np.linalg.lstsq(x2, x1, rcond=None)
    residual = x1 - x2 @ gain
    schur = sigma[:3, :3] - sigma[:3, 3:] @ np.linalg.solve(sigma[3:, 3:], sigma[3:, :3])
    assert np.allclose(gain.T, sigma[:3, 3:] @ np.linalg.inv(sigma[3:, 3:]), atol=0.03)
    assert np.allclose(np.cov(residual.T), schur, atol=0.05)


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert len(derivation_files(_checked())) == 3
