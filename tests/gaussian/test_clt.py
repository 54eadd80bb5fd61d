"""Tests for the central limit theorem by characteristic functions (derivations/gaussian/clt.py)."""

from __future__ import annotations

import numpy as np
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.derivation import CheckedDerivation
from derivations.engine.limits import limit_as
from derivations.engine.relations import Context
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome
from derivations.gaussian import clt
from derivations.publish.output import derivation_files
from tests.helpers import assert_proved_or_stated, derived, each_step, nth_step

NAME = "central_limit"


def _checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """The forms of Z_n and the worked limits are proved; Taylor, independence and Levy are stated."""
    step = nth_step(NAME, index)
    assert_proved_or_stated(step)


def test_counts_and_conclusion() -> None:
    """11 proved, 14 stated; the limit is e^{-t^2/2}."""
    checked = _checked()
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (11, 14)
    assert checked.known_verdict.proved


def test_the_worked_limits_state_their_corrections() -> None:
    """Rademacher: -t^4/(12 n); uniform: -t^4/(20 n); both with the order of the remainder."""
    methods = [s.verdict.method for s in _checked().steps if s.step.relation.name == "limit as n -> oo"]
    assert any("-t**4/12" in m for m in methods) and any("-t**4/20" in m for m in methods)
    assert all("O(n^(-3))" in m for m in methods)


def test_the_three_forms_of_z_n_are_equal() -> None:
    """Source 003's two normalised sums and source 001's standardised mean are proved equal."""
    assert all(s.verdict.proved for s in _checked().steps[1:3])


def test_the_raw_sum_slip_is_refuted() -> None:
    """The Cauchy mean keeps log phi = -|t|: the Gaussian -t^2/2 is refuted."""
    (slip,) = _checked().derivation.slips
    assert slip.verdict.outcome is Outcome.REFUTED


def test_unstandardised_sums_do_not_converge() -> None:
    """n log cos(t) (the raw sum) and n log cos(t / n) (over-scaled) do not tend to -t^2/2."""
    context = Context(CheckSettings())
    assert limit_as(clt.n).check(clt.n * sp.log(sp.cos(clt.t)), clt.LIMIT, context).outcome is Outcome.REFUTED
    assert limit_as(clt.n).check(clt.n * sp.log(sp.cos(clt.t / clt.n)), clt.LIMIT, context).outcome \
        is Outcome.REFUTED


def test_a_wrong_characteristic_function_is_refuted() -> None:
    """The Rademacher characteristic function is cos s, not cos(s) squared."""
    s = clt.s
    assert check_equal((sp.exp(sp.I * s) + sp.exp(-sp.I * s)) / 2, sp.cos(s) ** 2).outcome is Outcome.REFUTED


def test_simulated_sums_are_close_to_normal() -> None:
    """Seeded standardised sums of 400 uniforms have the N(0, 1) quartiles (Kolmogorov distance < 0.01)."""
    from scipy import stats

    rng = np.random.default_rng(1)
    sums = rng.uniform(-np.sqrt(3), np.sqrt(3), size=(20_000, 400)).sum(axis=1) / np.sqrt(400)
    assert stats.kstest(sums, "norm").statistic < 0.01


def test_the_files_render() -> None:
    """The .tex, .md and .json of the derivation are written without error."""
    assert len(derivation_files(_checked())) == 3
