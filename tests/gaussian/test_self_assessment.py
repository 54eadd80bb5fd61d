"""Tests for source 002's self-assessment, questions 1 and 5 (derivations/gaussian/self_assessment.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.relations import DEFINITION, EQUAL_IN_DISTRIBUTION
from derivations.engine.verdict import Outcome
from derivations.errors import StepNotEqualError
from derivations.gaussian import self_assessment as sa
from derivations.gaussian.characteristic_function import NormalCF
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "self_assessment"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """Each checked step is proved; independence is stated."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_conclusion() -> None:
    """10 proved, 5 stated; the asymmetry is 9/4 - 2 log 2."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (10, 5)
    assert checked.known_verdict.proved


def test_question_1_answers() -> None:
    """The sum is N(8, 9) and the multiple N(30, 36)."""
    exprs = [s.step.expr for s in _checked().steps]
    assert NormalCF(sa.t, 8, 9) in exprs and NormalCF(sa.t, 30, 36) in exprs


@pytest.mark.parametrize("wrong", [NormalCF(sa.t, 8, 3), NormalCF(sa.t, 12, 9)], ids=["std-added", "means-wrong"])
def test_wrong_sums_are_refuted(wrong: sp.Expr) -> None:
    """N(8, 3) (standard deviations added) or N(12, 9) is refuted."""
    assert check_equal(NormalCF(sa.t, 10, 4) * NormalCF(sa.t, -2, 5), wrong).outcome is Outcome.REFUTED


def test_3x_is_not_n_30_12() -> None:
    """Var(3X) is 36, not 3 * 4 = 12: refuted in distribution."""
    d = Derivation("wrong_multiple", title="wrong")
    d.declare_normals(sa.z_1, sa.z_3)
    d.start(3 * (10 + 2 * sa.z_1), lhs="3X", relation=DEFINITION, because="X")
    d.then(30 + sp.sqrt(12) * sa.z_3, relation=EQUAL_IN_DISTRIBUTION, because="multiplied the variance by 3")
    with pytest.raises(StepNotEqualError):
        d.check()


def test_question_5_numbers_by_monte_carlo() -> None:
    """Seeded samples: the log-ratio's mean under P is 0.443, under Q -1.307."""
    rng = np.random.default_rng(3)

    def log_ratio(v):
        return -v**2 / 2 + np.log(2) + (v - 1) ** 2 / 8
    under_p = np.mean(log_ratio(rng.normal(0, 1, 400_000)))
    under_q = np.mean(log_ratio(rng.normal(1, 2, 400_000)))
    assert under_p == pytest.approx(float(sp.log(2) - sp.Rational(1, 4)), abs=0.01)
    assert under_q == pytest.approx(float(sp.log(2) - 2), abs=0.02)


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert len(derivation_files(_checked())) == 3
