"""Tests for the equivalent forms of the mean and the loss weight (derivations/diffusion/equivalent_forms.py)."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.diffusion import equivalent_forms as ef
from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.verdict import Outcome
from tests.diffusion.objective_steps import assert_checked
from tests.helpers import derived, each_step, nth_step

NAME = "equivalent_forms"


def checked() -> CheckedDerivation:
    return derived(NAME)


def settings():
    return checked().derivation.settings


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """Each checked step is proved; the rest are givens and definitions."""
    step = nth_step(NAME, index)
    assert_checked(step)


def test_counts_and_result() -> None:
    """16 proved, 6 stated; the result is Luo's data loss as Ho's noise loss with the SNR weight."""
    assert (checked().count(Outcome.PROVED), checked().count(Outcome.STATED)) == (16, 6)
    assert checked().known_verdict.proved


@pytest.mark.parametrize(("first", "second"), [
    (ef.HO_EQ7_MU_TILDE, ef.WENG_MEAN), (ef.WENG_MEAN, ef.LUO_MEAN), (ef.HO_EQ10_MU_TILDE, ef.WENG_MEAN_EPS),
    (ef.WENG_MEAN_EPS, ef.LUO_MEAN_EPS), (ef.HO_WEIGHT, ef.LUO_WEIGHT), (ef.LUO_WEIGHT, ef.SNR_WEIGHT),
    (ef.SNR_WEIGHT, ef.LUO_DATA_WEIGHT / ef.snr_t),
], ids=["ho-weng-mean", "weng-luo-mean", "ho-weng-noise", "weng-luo-noise", "ho-luo-weight", "luo-snr-weight",
        "snr-data-weight"])
def test_each_pair_of_forms_is_proved_equal(first: sp.Expr, second: sp.Expr) -> None:
    """Any two of the authors' forms are equal, checked directly (not only along the chain)."""
    assert check_equal(first, second, settings()).proved


@pytest.mark.parametrize(("form", "wrong"), [
    (ef.LUO_MEAN, ef.LUO_MEAN.xreplace({ef.alpha_bar_tm1: ef.alpha_bar_t})),
    (ef.LUO_MEAN_EPS, ef.x_t / sp.sqrt(ef.alpha_t)
     - (1 - ef.alpha_t) / ((1 - ef.alpha_bar_t) * sp.sqrt(ef.alpha_t)) * ef.eps),
    (ef.SNR_WEIGHT, (ef.snr_t / ef.snr_tm1 - 1) / 2),
    (ef.LUO_DATA_WEIGHT / ef.snr_t, ef.LUO_DATA_WEIGHT),
], ids=["swapped-index", "dropped-sqrt", "snr-swapped", "data-weight-without-conversion"])
def test_near_miss_forms_are_refuted(form: sp.Expr, wrong: sp.Expr) -> None:
    """A swapped index, a dropped sqrt, the SNRs swapped, the data weight unconverted: each refuted."""
    assert check_equal(form, wrong, settings()).outcome is Outcome.REFUTED


def test_score_form_is_the_data_form_at_tweedies_estimate() -> None:
    """The score form (S) is the data form at x_0 = (x_t + (1 - abar) s)/sqrt(abar): an evaluation, not an identity."""
    step = next(s.step for s in checked().steps if s.step.tag == "S")
    evaluation = checked().steps[step.number - 2].step
    assert evaluation.relation.establishes is None and step.expr == ef.LUO_MEAN_SCORE
