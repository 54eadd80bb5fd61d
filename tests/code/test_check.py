"""Tests for derivations.code.check: the check that the reference code computes the derived results.

Fast tests compare the code with the published formulas the derivations conclude with
(module constants, checked equal to the derived results by each derivation's own
tests); the ``slow`` test runs the derivations and checks against their derived lines.
Tolerance throughout: |code - exact| <= error_scale.TOLERANCE (1e-12) x the error scale,
exact = 50-digit mpmath at the code's own float64 inputs.
"""

from __future__ import annotations

import dataclasses

import mpmath
import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from derivations import cli
from derivations.code import check as codecheck
from derivations.code import error_scale, reference
from derivations.code import targets as codecheck_targets
from derivations.code.check import CodeOutcome, TargetUnavailable
from derivations.code.targets import (
    alpha_bar_t,
    alpha_bar_tm1,
    beta_t,
    eps,
    mu_1,
    mu_2,
    var_1,
    var_2,
    x_0,
    x_t,
    x_tm1,
)
from derivations.diffusion import ddpm_posterior, forward_process, schedules
from derivations.engine import notation
from derivations.engine.checking import check_equal
from derivations.engine.verdict import Outcome
from derivations.gaussian import kl as kl_divergence

HO_EQ2 = sp.sqrt(1 - beta_t) * x_tm1 + sp.sqrt(beta_t) * eps  # Ho et al. 2020, eq. (2)

#: name -> the published formula (in the code's inputs) the derivation concludes with.
PUBLISHED = {
    "kl_normal": codecheck_targets._with_variances(kl_divergence.KL_CLOSED_FORM),
    "forward_step": HO_EQ2,
    "q_sample": forward_process.CLOSED_FORM,
    "posterior_mean": codecheck_targets._from_arrays(ddpm_posterior.HO_EQ7_MU_TILDE),
    "posterior_mean_from_eps": codecheck_targets._from_arrays(ddpm_posterior.HO_EQ10_MU_TILDE),
    "posterior_variance": codecheck_targets._from_arrays(ddpm_posterior.HO_EQ7_BETA_TILDE),
}


def published(name: str, function=None) -> codecheck.Implementation:
    """The implementation ``name`` checked against its published formula, optionally with other code."""
    impl = codecheck_targets.implementations()[name]
    if name in PUBLISHED:
        impl = dataclasses.replace(impl, target=lambda: (PUBLISHED[name],))
    return impl if function is None else dataclasses.replace(impl, function=function)


FAST = ["normal_pdf", *PUBLISHED]


# --- planted bugs -----------------------------------------------------------------------


def kl_normal_std_for_var(mu_1, var_1, mu_2, var_2):
    sd_1, sd_2 = np.sqrt(var_1), np.sqrt(var_2)
    return np.log(sd_2 / sd_1) / 2 + (sd_1 + (mu_1 - mu_2) ** 2) / (2 * sd_2) - 1 / 2


def q_sample_beta_for_sqrt(x_0, t, eps, alpha_bar):
    return np.sqrt(alpha_bar[t]) * x_0 + (1 - alpha_bar[t]) * eps


def forward_step_beta_for_sqrt(x_tm1, t, eps, beta):
    return np.sqrt(1 - beta[t]) * x_tm1 + beta[t] * eps


def posterior_mean_missing_sqrt(x_0, x_t, t, alpha_bar):
    alpha_t = alpha_bar[t] / alpha_bar[t - 1]
    beta_t = 1 - alpha_t
    return (alpha_bar[t - 1] * beta_t / (1 - alpha_bar[t]) * x_0
            + np.sqrt(alpha_t) * (1 - alpha_bar[t - 1]) / (1 - alpha_bar[t]) * x_t)


def posterior_variance_off_by_one(t, alpha_bar):
    beta_t = 1 - alpha_bar[t] / alpha_bar[t - 1]
    return (1 - alpha_bar[t]) / (1 - alpha_bar[t - 1]) * beta_t


PLANTED = {
    "kl_normal": kl_normal_std_for_var,
    "q_sample": q_sample_beta_for_sqrt,
    "forward_step": forward_step_beta_for_sqrt,
    "posterior_mean": posterior_mean_missing_sqrt,
    "posterior_variance": posterior_variance_off_by_one,
}


@pytest.mark.parametrize("name", list(PLANTED), ids=list(PLANTED))
def test_planted_bug_disagrees(name):
    """A planted bug (std for variance, beta for sqrt(beta), ...) is reported as disagreeing, with a point."""
    verdict = codecheck.check_implementation(published(name, PLANTED[name]), count=50)
    assert verdict.outcome is CodeOutcome.DISAGREES
    assert "at " in verdict.describe() and "code " in verdict.describe()


@pytest.mark.parametrize("name", list(PLANTED), ids=list(PLANTED))
def test_planted_bug_is_refuted_symbolically(name):
    """SymPy, running the buggy code on symbols, refutes it against the formula (not just numerically)."""
    impl = published(name, PLANTED[name])
    (output,) = codecheck.symbolic_output(impl)
    verdict = check_equal(output, impl.target()[0])
    assert verdict.outcome is Outcome.REFUTED
    assert verdict.residual != 0


@pytest.mark.parametrize("name", list(PLANTED), ids=list(PLANTED))
def test_planted_bug_fails_the_float64_check_alone(name):
    """The float64 agreement check catches each planted bug on its own, without the symbolic proof."""
    impl = published(name, PLANTED[name])
    agreed, mismatch = codecheck.agreement(impl, impl.target(), count=50)
    assert mismatch is not None and agreed < 50


# --- the reference code against the formulas ----------------------------------------------


@pytest.mark.parametrize("name", FAST, ids=FAST)
def test_reference_code_is_proved(name):
    """Each reference implementation is proved equal to its formula and agrees at 50 points."""
    verdict = codecheck.check_implementation(published(name), count=50)
    assert verdict.outcome is CodeOutcome.PROVED, verdict.describe()
    assert verdict.points == 50


unit = st.floats(0.02, 0.98)
real = st.floats(-3.0, 3.0)
positive = st.floats(0.05, 4.0)


@settings(max_examples=40, deadline=None)
@given(mu_a=real, var_a=positive, mu_b=real, var_b=positive)
def test_kl_normal_agrees_within_tolerance(mu_a, var_a, mu_b, var_b):
    """kl_normal is within 1e-12 x error scale of the 50-digit KL, including near-equal normals."""
    point = {mu_1: mu_a, var_1: var_a, mu_2: mu_b, var_2: var_b}
    assert codecheck.compare_at(published("kl_normal"), (PUBLISHED["kl_normal"],), point) is None


@settings(max_examples=40, deadline=None)
@given(a=unit, b=unit, x0=real, xt=real, e=real)
def test_posterior_code_agrees_within_tolerance(a, b, x0, xt, e):
    """The posterior mean (both forms) and variance agree with eqs. (7), (10) within 1e-12 x error scale."""
    low, high = sorted((a, b))
    if low == high:
        high = min(high + 0.01, 0.99)
    point = {alpha_bar_t: low, alpha_bar_tm1: high, x_0: x0, x_t: xt, eps: e}
    for name in ("posterior_mean", "posterior_mean_from_eps", "posterior_variance"):
        impl = published(name)
        mine = {s: point[s] for s in impl.symbols}
        assert codecheck.compare_at(impl, (PUBLISHED[name],), mine) is None, name


@settings(max_examples=40, deadline=None)
@given(x0=real, a=unit, e=real)
def test_q_sample_agrees_within_tolerance(x0, a, e):
    """q_sample agrees with sqrt(abar) x_0 + sqrt(1 - abar) eps within 1e-12 x error scale."""
    point = {x_0: x0, alpha_bar_t: a, eps: e}
    assert codecheck.compare_at(published("q_sample"), (PUBLISHED["q_sample"],), point) is None


@pytest.mark.parametrize("name", FAST, ids=FAST)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_implementation_agrees_at_hypothesis_points(name, data):
    """At points Hypothesis picks from each symbol's admissible range: within 1e-12 x error scale."""
    impl = published(name)
    point = {s: data.draw(st.floats(*notation.sample_range(s)), label=str(s)) for s in impl.symbols}
    assume(codecheck.admissible(impl, point))
    assert codecheck.compare_at(impl, impl.target(), point) is None


def test_tolerance_rejects_a_relative_error_of_one_in_a_million():
    """Code off by a relative 1e-6 disagrees: the tolerance is not so loose that it hides real errors."""
    def slightly_off(mu_1, var_1, mu_2, var_2):
        return reference.kl_normal(mu_1, var_1, mu_2, var_2) * (1 + 1e-6)
    point = {mu_1: 0.3, var_1: 1.5, mu_2: -1.0, var_2: 0.7}
    assert codecheck.compare_at(published("kl_normal", slightly_off), (PUBLISHED["kl_normal"],), point)


# --- the error scale and cancellation -------------------------------------------------------


def test_error_scale_keeps_the_size_of_cancelled_terms():
    """For 1 - a/b with a close to b the value is exact at the float input (about 1e-6), the scale near 6."""
    a, b = sp.symbols("a b", positive=True)
    value, scale = error_scale.value_and_error_scale(1 - a / b, {a: 0.999999, b: 1.0})
    with mpmath.workdps(50):
        assert abs(value - (1 - mpmath.mpf(0.999999))) < mpmath.mpf("1e-45")
    assert 2 < scale < 10


def test_cosine_beta_1_cancels_in_float64_and_still_agrees():
    """Cosine beta_1 loses digits in float64 (relative error > 1e-15) yet is within tolerance."""
    exact, scale = codecheck_targets._formula(codecheck_targets.COSINE_BETA, 1)(0)
    code = schedules.cosine_beta()[0]
    assert abs(code - exact) / exact > 1e-15
    assert abs(code - exact) <= error_scale.TOLERANCE * scale


def test_double_root_rounding_is_within_the_scale():
    """cos^2 at pi/2 is 0 exactly but about 4e-33 in float64: the second-order scale admits it."""
    exact, scale = codecheck_targets._formula(codecheck_targets.COSINE_ALPHA_BAR, 0)(1000)
    assert abs(exact) < 1e-90
    assert abs(schedules.cosine_alpha_bar()[-1] - exact) <= error_scale.TOLERANCE * scale


ARRAY_BUGS = {
    "cosine_beta unclipped": ("cosine_beta", lambda: 1 - (a := schedules.cosine_alpha_bar())[1:] / a[:-1]),
    "cosine_beta with s = 0": ("cosine_beta", lambda: schedules.cosine_beta(1000, 0.0)),
    "cosine_beta shifted by one": ("cosine_beta", lambda: schedules.cosine_beta()[np.r_[1:1000, 999]]),
    "alpha_bar as cumsum": ("alpha_bar", lambda: 1 - np.cumsum(schedules.linear_beta())),
    "linear_beta with T + 1 points": ("linear_beta", lambda: schedules.linear_beta(1001)[:1000]),
}


@pytest.mark.parametrize("bug", list(ARRAY_BUGS), ids=list(ARRAY_BUGS))
def test_schedule_bug_disagrees(bug):
    """A wrong schedule (unclipped, wrong s, shifted, wrong product) disagrees at some entry."""
    name, compute = ARRAY_BUGS[bug]
    impl = dataclasses.replace(codecheck_targets.schedule_implementations()[name], compute=compute)
    assert codecheck.check_array(impl).outcome is CodeOutcome.DISAGREES


SCHEDULES = ["linear_beta", "cosine_alpha_bar", "cosine_beta", "alpha_bar", "paper_indexed"]


@pytest.mark.parametrize("name", SCHEDULES)
def test_schedules_agree_at_every_entry(name):
    """Each schedule agrees with its published formula at every entry, honestly labelled not proved."""
    verdict = codecheck_targets.check(name)
    assert verdict.outcome is CodeOutcome.AGREES and verdict.points >= 1000
    assert "not proved" in verdict.describe()


# --- symbolic evaluation of NumPy code ---------------------------------------------------------


def test_symbolic_version_runs_the_same_code_on_symbols():
    """kl_diagonal, run on symbols, gives the sum of the coordinates' KLs (np.sum, np.log rebound)."""
    mu, var = sp.symbols("m1:3", real=True), sp.symbols("v1:3", positive=True)
    kl = codecheck.symbolic_version(reference.kl_diagonal)(np.array(mu), np.array(var), 0, 1)
    expected = sum(sp.log(1 / v) / 2 + (v + m**2) / 2 - sp.Rational(1, 2) for m, v in zip(mu, var))
    assert check_equal(kl, expected).proved


def test_symbolic_version_leaves_numpy_code_untouched():
    """Re-binding np for the symbolic run does not change the function used in float64."""
    codecheck.symbolic_version(reference.q_sample)
    assert reference.q_sample(1.0, 1, 0.0, np.array([1.0, 0.25])) == 0.5


def test_indexed_array_reads_nan_off_its_entries():
    """An implementation reading the wrong schedule index gets NaN, which disagrees."""
    array = codecheck.indexed({3: 0.5})
    assert array[3] == 0.5 and np.isnan(array[2])


def test_missing_derivation_is_not_checked_not_passed():
    """A target whose derivation is missing gives 'not checked', which is not a pass."""
    def missing():
        raise TargetUnavailable("derivations.nowhere is missing")
    verdict = codecheck.check_implementation(dataclasses.replace(published("q_sample"), target=missing))
    assert verdict.outcome is CodeOutcome.NOT_CHECKED and not verdict.outcome.passed


# --- the command line -----------------------------------------------------------------------------


def test_check_code_prints_one_line_per_implementation(capsys):
    """`derivations check-code normal_pdf linear_beta` prints two verdict lines and exits 0."""
    assert cli.main(["check-code", "normal_pdf", "linear_beta", "--points", "10"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["normal_pdf", "linear_beta"]
    assert "proved" in lines[0] and "agrees at 1000 points" in lines[1]


def test_check_code_exits_1_when_code_disagrees(capsys, monkeypatch):
    """With a planted bug in q_sample, check-code prints 'disagrees' and exits 1."""
    buggy = {"q_sample": published("q_sample", q_sample_beta_for_sqrt)}
    monkeypatch.setattr(codecheck_targets, "implementations", lambda: buggy)
    assert cli.main(["check-code", "q_sample", "--points", "10"]) == 1
    assert "q_sample: disagrees" in capsys.readouterr().out


def test_check_code_rejects_an_unknown_name(capsys):
    """An unknown implementation name is bad input: exit 2 and one line naming it."""
    assert cli.main(["check-code", "q_sampel"]) == 2
    assert "unknown implementation 'q_sampel'" in capsys.readouterr().err


@pytest.mark.slow
def test_every_implementation_computes_its_derived_result():
    """Against the derivations' own derived lines: every implementation proved or agreeing, none unchecked."""
    for name in codecheck_targets.names():
        verdict = codecheck_targets.check(name, 50)
        assert verdict.outcome.passed, verdict.describe()
        if name in codecheck_targets.implementations():
            assert verdict.outcome is CodeOutcome.PROVED, verdict.describe()


def test_mean_and_variance_are_read_off_a_gaussian_density():
    """From N(x; mu_1 + mu_2, var_1 + var_2) the read-off gives that mean and that variance."""
    x = sp.Symbol("x", real=True)
    density = codecheck_targets.normal_pdf(x, mu_1 + mu_2, var_1 + var_2)
    mean, variance = codecheck_targets.mean_and_variance(density, x)
    assert check_equal(mean, mu_1 + mu_2).proved and check_equal(variance, var_1 + var_2).proved


def test_read_off_refuses_a_density_that_is_not_gaussian():
    """exp(-x^4) is not Gaussian: the read-off raises instead of inventing a mean and variance."""
    x = sp.Symbol("x", real=True)
    with pytest.raises(TargetUnavailable, match=r"^the derived result is not a Gaussian density in x$"):
        codecheck_targets.mean_and_variance(sp.exp(-x**4), x)


def test_a_derivation_that_crashes_is_not_checked_with_the_error_named():
    """A derivation module failing in any way (here ZeroDivisionError) gives 'not checked', not a crash."""
    with pytest.raises(TargetUnavailable, match=r"^derivation somewhere failed: ZeroDivisionError: "):
        codecheck_targets._run("somewhere", lambda: 1 / 0)
