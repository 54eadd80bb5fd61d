"""Tests for the closed form of the forward process (derivations/diffusion/forward_process.py)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations.diffusion import forward_process as fp
from derivations.diffusion import schedules
from derivations.diffusion.forward_relations import PRODUCTS
from derivations.engine.checking import check_equal
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, CheckedStep
from derivations.engine.facts import Fact
from derivations.engine.relations import EQUAL_IN_DISTRIBUTION, Context
from derivations.engine.substitution import substitution
from derivations.engine.verdict import Outcome
from derivations.latex import render
from tests.helpers import assert_proved_or_stated, derived, each_step, first_difference, nth_step, stale_files

NAME = "forward_process"


@pytest.fixture(scope="module")
def checked() -> CheckedDerivation:
    return derived(NAME)


def _context(checked: CheckedDerivation) -> Context:
    d = checked.derivation
    return Context(d.settings, d.normals)


@each_step(NAME)
def test_every_step_is_proved_or_a_stated_given(index: int) -> None:
    """Each checked step is proved; only givens and definitions are stated."""
    assert_proved_or_stated(nth_step(NAME, index))


def test_counts_of_proved_and_stated_steps(checked: CheckedDerivation) -> None:
    """19 steps are proved and 9 lines are stated (givens, definitions; eq. (1) itself is a given)."""
    assert (checked.count(Outcome.PROVED), checked.count(Outcome.STATED)) == (19, 9)
    assert checked.all_proved


def test_result_is_the_closed_form_of_ho_et_al_eq_4(checked: CheckedDerivation) -> None:
    """The last line derived is sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps, and the known result is proved."""
    assert check_equal(checked.result, fp.CLOSED_FORM).outcome is Outcome.PROVED
    assert checked.known_verdict.outcome is Outcome.PROVED
    assert checked.result.free_symbols == {fp.alpha_bar_t, fp.x_0, fp.eps}


def test_source_tags_one_to_five_are_kept(checked: CheckedDerivation) -> None:
    """The source's equation tags (1)-(5) each label exactly one line."""
    tags = [s.step.tag for s in checked.steps if s.step.tag]
    assert tags == ["1", "2", "3", "4", "5"]


def test_eq_5_is_the_normal_density_with_the_closed_form_moments(checked: CheckedDerivation) -> None:
    """The line tagged (5) is N(x_t; sqrt(abar_t) x_0, 1 - abar_t)."""
    (line,) = [s.step.expr for s in checked.steps if s.step.tag == "5"]
    assert line == fp.EQ_5


def _chain(checked: CheckedDerivation, first_because: str) -> list[CheckedStep]:
    (start,) = [s for s in checked.steps if s.step.because.startswith(first_because)]
    return [s for s in checked.steps if s.step.chain == start.step.chain]


def test_induction_step_is_a_symbolic_proof_for_general_t(checked: CheckedDerivation) -> None:
    """The step t-1 -> t is proved symbolically in abar_{t-1}, abar_t, alpha_t, not for concrete t."""
    chain = _chain(checked, "eq. (2) with")
    assert [s.step.relation.name for s in chain][1:] == [
        "substitution of x_t-1",
        "equal",
        "equal in distribution",
        PRODUCTS.name,
    ]
    for s in chain[1:]:
        assert s.verdict.outcome is Outcome.PROVED
        assert "numeric" not in s.verdict.method
    symbols = set().union(*(s.step.expr.free_symbols for s in chain))
    assert {fp.alpha_bar_tm1, fp.alpha_bar_t, fp.alpha_t} <= symbols
    assert fp.alpha_1 not in symbols


def test_induction_uses_the_hypothesis_in_distribution(checked: CheckedDerivation) -> None:
    """The hypothesis replaces x_{t-1} in distribution, with a justification about independence."""
    (step,) = [s for s in checked.steps if s.step.because.startswith("induction hypothesis")]
    assert step.step.relation.latex == r"\overset{d}{=}"
    assert "independent" in step.step.because


def test_base_case_is_the_closed_form_at_t_1(checked: CheckedDerivation) -> None:
    """The base case ends at sqrt(abar_1) x_0 + sqrt(1 - abar_1) eps_0, proved from abar_1 = alpha_1."""
    chain = _chain(checked, "eq. (2) at $t = 1$")
    assert chain[-1].verdict.outcome is Outcome.PROVED
    assert chain[-1].step.expr == fp.CLOSED_FORM.xreplace({fp.alpha_bar_t: fp.alpha_bar_1, fp.eps: fp.eps_0})


# --- negative controls --------------------------------------------------------


def _line_before(checked: CheckedDerivation, because: str) -> sp.Expr:
    (step,) = [s for s in checked.steps if s.step.because.startswith(because)]
    return checked.steps[step.step.number - 2].step.expr


def test_variance_one_minus_alpha_t_instead_of_abar_t_is_refuted(checked: CheckedDerivation) -> None:
    """Merging to sqrt(1 - alpha_t) eps instead of sqrt(1 - alpha_t abar_{t-1}) eps is refuted."""
    before = _line_before(checked, "independent noises merge")
    wrong = sp.sqrt(fp.alpha_t * fp.alpha_bar_tm1) * fp.x_0 + sp.sqrt(1 - fp.alpha_t) * fp.eps
    verdict = EQUAL_IN_DISTRIBUTION.check(before, wrong, _context(checked))
    assert verdict.outcome is Outcome.REFUTED and verdict.method.startswith("variance")
    assert sp.simplify(verdict.residual) != 0


def test_eq_5_with_variance_one_minus_alpha_t_is_refuted(checked: CheckedDerivation) -> None:
    """N(x_t; sqrt(abar_t) x_0, 1 - alpha_t) is not the density of the closed form."""
    (line,) = [s.step.expr for s in checked.steps if s.step.tag == "5"]
    wrong = NormalPDF(fp.x_t, sp.sqrt(fp.alpha_bar_t) * fp.x_0, 1 - fp.alpha_t)
    verdict = check_equal(line, wrong)
    assert verdict.outcome is Outcome.REFUTED and verdict.counterexample is not None


def test_closed_form_with_a_missing_square_root_is_refuted(checked: CheckedDerivation) -> None:
    """abar_t x_0 (no square root) as the mean of the result is refuted."""
    before = _line_before(checked, "the lemma,")
    wrong = fp.alpha_bar_t * fp.x_0 + sp.sqrt(1 - fp.alpha_bar_t) * fp.eps
    verdict = PRODUCTS.check(before, wrong, _context(checked))
    assert verdict.outcome is Outcome.REFUTED and verdict.residual != 0


def test_multiplying_out_without_the_square_root_is_refuted(checked: CheckedDerivation) -> None:
    """Tag (3) with alpha_t alpha_{t-1} x_{t-2} in place of sqrt(alpha_t alpha_{t-1}) x_{t-2} is refuted."""
    (step_3,) = [s for s in checked.steps if s.step.tag == "3"]
    before = checked.steps[step_3.step.number - 2].step.expr
    wrong = (
        fp.alpha_t * fp.alpha_tm1 * fp.x_tm2
        + sp.sqrt(fp.alpha_t * (1 - fp.alpha_tm1)) * fp.eps_tm2
        + sp.sqrt(1 - fp.alpha_t) * fp.eps_tm1
    )
    verdict = check_equal(before, wrong)
    assert verdict.outcome is Outcome.REFUTED and verdict.residual != 0


def test_merging_noises_without_the_alpha_t_factor_is_refuted(checked: CheckedDerivation) -> None:
    """Tag (4) with variance (1 - alpha_{t-1}) + (1 - alpha_t), the alpha_t factor dropped, is refuted."""
    (line_3,) = [s.step.expr for s in checked.steps if s.step.tag == "3"]
    wrong = (
        sp.sqrt(fp.alpha_t * fp.alpha_tm1) * fp.x_tm2
        + sp.sqrt(1 - fp.alpha_tm1 + 1 - fp.alpha_t) * fp.eps_bar_tm2
    )
    verdict = EQUAL_IN_DISTRIBUTION.check(line_3, wrong, _context(checked))
    assert verdict.outcome is Outcome.REFUTED and verdict.method.startswith("variance")
    assert sp.expand(verdict.residual) != 0


def test_rule_with_sigma_for_the_variance_is_refuted() -> None:
    """The density of sigma Z + mu is not N(x; mu, sigma) (variance sigma instead of sigma^2)."""
    line = NormalPDF((fp.x - fp.mu) / fp.sigma, 0, 1) / fp.sigma
    assert check_equal(line, NormalPDF(fp.x, fp.mu, fp.sigma)).outcome is Outcome.REFUTED


def test_substitution_in_distribution_checks_the_algebra(checked: CheckedDerivation) -> None:
    """A hypothesis x_{t-1} =d sqrt(abar_t) x_0 substituted, with abar_{t-1} on the next line, is refuted."""
    before = _line_before(checked, "induction hypothesis")
    hypothesis = sp.sqrt(fp.alpha_bar_t) * fp.x_0
    relation = substitution(fp.x_tm1, hypothesis, in_distribution=True)
    wrong = sp.sqrt(fp.alpha_t) * sp.sqrt(fp.alpha_bar_tm1) * fp.x_0 + sp.sqrt(1 - fp.alpha_t) * fp.eps_tm1
    supposed = Context(checked.derivation.settings, checked.derivation.normals,
                       (Fact(fp.x_tm1, hypothesis, "in distribution", "a hypothesis"),))
    assert relation.check(before, wrong, supposed).outcome is Outcome.REFUTED
    assert relation.check(before, wrong, _context(checked)).outcome is Outcome.UNDECIDED


# --- slips, notes, where it goes ----------------------------------------------------


def test_slip_in_source_003_is_recorded_and_refuted(checked: CheckedDerivation) -> None:
    """003's x_t = x_{t-1} + noise is refuted against eq. (2)."""
    (slip,) = checked.derivation.slips
    assert slip.where.startswith("003")
    assert slip.verdict.outcome is Outcome.REFUTED


def test_terminal_kl_line_at_x0_equal_1_is_minus_half_log(checked: CheckedDerivation) -> None:
    """The collected KL at x_0 = 1 is -log(1 - abar_T)/2."""
    (step,) = [s for s in checked.steps if s.step.because.startswith("collect terms")]
    at_one = step.step.expr.xreplace({fp.x_0: 1})
    assert check_equal(at_one, -sp.log(1 - fp.alpha_bar_T) / 2).outcome is Outcome.PROVED


@pytest.mark.parametrize(
    "name,beta", [("linear", schedules.linear_beta()), ("cosine", schedules.cosine_beta())]
)
def test_notes_report_alpha_bar_T_and_a_tiny_kl(
    checked: CheckedDerivation, name: str, beta: np.ndarray
) -> None:
    """The notes give abar_T and the KL for both schedules; the KL is below 1e-4 nats per dimension."""
    alpha_bar_T = float(schedules.alpha_bar(beta)[-1])
    kl = schedules.terminal_kl(alpha_bar_T)
    (note,) = [n for n in checked.derivation.notes if n.startswith(f"The {name} schedule")]
    assert fp._scientific(alpha_bar_T) in note and fp._scientific(kl) in note
    assert f"{alpha_bar_T:.4e}".split("e")[0] in note and f"{kl:.4e}".split("e")[0] in note
    assert 0 < kl < 1e-4


@settings(max_examples=40, deadline=None)
@given(alpha_bar_T=st.floats(1e-9, 0.9), x_0=st.floats(-3, 3))
def test_symbolic_kl_line_matches_the_numeric_kl(alpha_bar_T: float, x_0: float) -> None:
    """The derived KL expression evaluates to schedules.terminal_kl (source 002's formula, numerically)."""
    expr = (fp.alpha_bar_T * (fp.x_0**2 - 1) - sp.log(1 - fp.alpha_bar_T)) / 2
    value = float(expr.xreplace({fp.alpha_bar_T: alpha_bar_T, fp.x_0: x_0}))
    assert value == pytest.approx(schedules.terminal_kl(alpha_bar_T, x_0), rel=1e-6, abs=1e-15)


# --- simulation: source 001, computational exercise 4 -----------------------------------

SAMPLES = 40_000
TOLERANCE_SE = 4.0  # agreement within 4 standard errors


def _simulate(seed: int = 2020) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x_0 from a two-component Gaussian mixture, then T = 100 steps of eq. (2).

    The linear schedule is scaled to T = 100 by 1000/T (betas from 1e-3 to 0.2), the
    convention of Nichol & Dhariwal's code; see schedules.scaled_linear_beta.
    """
    rng = np.random.default_rng(seed)
    component = rng.random(SAMPLES) < 0.3
    x_0 = np.where(component, rng.normal(-2.0, 0.3, SAMPLES), rng.normal(1.5, 0.5, SAMPLES))
    beta = schedules.scaled_linear_beta(100)
    path = np.empty((beta.size + 1, SAMPLES))
    path[0] = x_0
    for t, b in enumerate(beta, start=1):
        path[t] = np.sqrt(1 - b) * path[t - 1] + np.sqrt(b) * rng.standard_normal(SAMPLES)
    return x_0, path, schedules.alpha_bar(beta)


@pytest.fixture(scope="module")
def simulation() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return _simulate()


@pytest.mark.parametrize("t", [1, 10, 50, 100])
def test_simulation_matches_the_closed_form_mean_and_variance(simulation, t: int) -> None:
    """Given x_0, x_t - sqrt(abar_t) x_0 has mean 0 and variance 1 - abar_t within 4 standard errors."""
    x_0, path, alpha_bar = simulation
    residual = path[t] - np.sqrt(alpha_bar[t - 1]) * x_0
    variance = 1 - alpha_bar[t - 1]
    mean_se = np.sqrt(variance / SAMPLES)
    variance_se = variance * np.sqrt(2 / (SAMPLES - 1))  # the residual is Gaussian
    assert abs(residual.mean()) < TOLERANCE_SE * mean_se
    assert abs(residual.var(ddof=1) - variance) < TOLERANCE_SE * variance_se
    assert abs(np.corrcoef(residual, x_0)[0, 1]) < TOLERANCE_SE / np.sqrt(SAMPLES)


def test_simulation_rejects_the_variance_one_minus_alpha_t(simulation) -> None:
    """Negative control: the wrong variance 1 - alpha_t at t = 50 is far outside the sampling error."""
    x_0, path, alpha_bar = simulation
    residual = path[50] - np.sqrt(alpha_bar[49]) * x_0
    wrong = schedules.scaled_linear_beta(100)[49]  # 1 - alpha_50 = beta_50
    assert abs(residual.var(ddof=1) - wrong) > 100 * wrong * np.sqrt(2 / (SAMPLES - 1))


def test_simulated_x_T_is_close_to_standard_normal(simulation) -> None:
    """At T = 100 the mixture has become N(0, 1) to within sampling error (mean and variance)."""
    _, path, _ = simulation
    assert abs(path[-1].mean()) < TOLERANCE_SE / np.sqrt(SAMPLES)
    assert abs(path[-1].var(ddof=1) - 1) < TOLERANCE_SE * np.sqrt(2 / (SAMPLES - 1))


# --- output -----------------------------------------------------------------------


def test_committed_output_is_up_to_date(checked) -> None:
    """output/forward_process.{tex,md,json} are what `derivations run` writes now."""
    assert stale_files(checked) == [], first_difference(checked)


def test_json_result_is_the_closed_form(checked: CheckedDerivation) -> None:
    """The JSON's result is sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps."""
    data = render.as_dict(checked)
    assert sp.sympify(data["result"]["srepr"]) == fp.CLOSED_FORM
