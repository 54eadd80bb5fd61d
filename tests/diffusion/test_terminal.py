"""Tests for q(x_T | x_0) and q(x_T) close to N(0, I) (derivations/diffusion/terminal.py)."""

from __future__ import annotations

import math

import pytest
import sympy as sp

from derivations.diffusion import schedules
from derivations.diffusion import terminal as tm
from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.limits import limit_as
from derivations.engine.relations import Context
from derivations.engine.verdict import Outcome
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "terminal_distribution"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """The variance, the divergence, the bound, the numbers and the limit are proved; convexity is stated."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_conclusion() -> None:
    """7 proved, 6 stated; the bound tends to 0."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (7, 6)
    assert checked.known_verdict.proved


def test_accumulating_the_variances_is_refuted() -> None:
    """Source 001's 'accumulating the variances': beta_1 + beta_2 is not 1 - (1 - beta_1)(1 - beta_2)."""
    (slip,) = _checked().derivation.slips
    assert slip.verdict.outcome is Outcome.REFUTED


def test_the_linear_sum_of_betas_is_ten_point_05() -> None:
    """The arithmetic series of the linear schedule: 10.05 exactly, matching schedules.linear_beta."""
    (line,) = [s for s in _checked().steps if s.step.expr == sp.Rational(201, 20)]
    assert line.verdict.proved
    assert float(schedules.linear_beta().sum()) == pytest.approx(10.05, rel=1e-12)
    assert float(schedules.alpha_bar(schedules.linear_beta())[-1]) <= math.exp(-10.05)


def test_the_cosine_schedule_ends_at_zero() -> None:
    """Before clipping, the cosine schedule's alpha_bar_T is exactly 0 (and float64 agrees)."""
    (line,) = [s for s in _checked().steps if s.step.relation.name == "evaluated at t = T"]
    assert line.verdict.proved and line.step.expr == 0
    assert schedules.cosine_alpha_bar()[-1] == pytest.approx(0.0, abs=1e-12)


def test_a_bound_without_the_log_is_refuted() -> None:
    """The per-coordinate divergence at |x_0| = 1 is -log(1 - abar)/2, not abar/2 (that is only its first term)."""
    kl = (tm.alpha_bar_T * (tm.x_0**2 - 1) - sp.log(1 - tm.alpha_bar_T)) / 2
    assert check_equal(kl.subs(tm.x_0, 1), tm.alpha_bar_T / 2).outcome is Outcome.REFUTED


def test_the_bound_does_not_vanish_for_a_fixed_schedule_constant() -> None:
    """-d/2 log(1 - abar_T) tends to 0 with abar_T, not to d/2 (a refuted limit)."""
    verdict = limit_as(tm.alpha_bar_T, 0).check(tm.d * tm.BOUND, tm.d / 2, Context(tm.build().settings))
    assert verdict.outcome is Outcome.REFUTED


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert len(derivation_files(_checked())) == 3
