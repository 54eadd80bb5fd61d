"""Tests for the DDPM variational bound and its split (derivations/diffusion/elbo.py)."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.diffusion import elbo
from derivations.engine.checking import DEFAULT_SETTINGS
from derivations.engine.derivation import CheckedDerivation, CheckedStep
from derivations.engine.expectation_rules import UNDER_EXPECTATION
from derivations.engine.notation import latex
from derivations.engine.relations import GIVEN, Context
from derivations.engine.sums import sums_equal
from derivations.engine.verdict import Outcome
from tests.diffusion.objective_steps import BOUND, assert_checked, collapsed
from tests.helpers import derived, each_step, nth_step

t, T, x = elbo.t, elbo.T, elbo.x
E_q = elbo.E_q


NAME = "ddpm_elbo"


def checked() -> CheckedDerivation:
    return derived(NAME)


@each_step(NAME)
def test_every_step_is_proved_or_stated(index: int) -> None:
    """Each checked step is proved; the rest are givens, definitions or Jensen's bound."""
    step = nth_step(NAME, index)
    assert_checked(step)


def test_counts_of_proved_and_stated_steps() -> None:
    """9 steps are proved; 13 lines are stated (the chains, Bayes, Jensen, the definitions, the tower property)."""
    assert (checked().count(Outcome.PROVED), checked().count(Outcome.STATED)) == (9, 13)


def test_result_is_ho_eq5() -> None:
    """The result is L_T + sum_{t>1} L_{t-1} + L_0 under E_q, Ho et al. 2020, eq. (5)."""
    assert checked().known_verdict.proved
    assert checked().result == E_q(elbo.L_T + sp.Sum(elbo.L_TM1, (t, 2, T)) + elbo.L_0)


def test_the_bound_is_the_only_inequality_and_it_is_jensen() -> None:
    """Exactly one step is a stated bound, eq. (3), and it names Jensen's inequality."""
    bounds = [s.step for s in checked().steps if isinstance(s.step.relation, BOUND)]
    assert [b.tag for b in bounds] == ["3"] and "Jensen" in bounds[0].because


def test_every_proved_step_inside_the_expectation_uses_congruence_or_a_known_fact() -> None:
    """The algebra under E_q is checked by congruence, or is a substitution of a stated line."""
    split = [s.step for s in checked().steps if s.step.relation.checked]
    assert all(s.relation is UNDER_EXPECTATION or s.relation.name.startswith("substitution") for s in split)


def _step(because_start: str) -> CheckedStep:
    return next(s for s in checked().steps if s.step.because.startswith(because_start))


def _previous(step: CheckedStep) -> sp.Expr:
    return checked().steps[step.step.number - 2].step.expr


def _check(previous: sp.Expr, current: sp.Expr) -> Outcome:
    return UNDER_EXPECTATION.check(previous, current, Context(DEFAULT_SETTINGS)).outcome


FIRST = sp.log(elbo.p_theta(x[0], x[1]) / elbo.q(x[1], x[0]))
STEP = sp.log(elbo.REVERSE / elbo.FORWARD)
WRONG_SPLITS = {
    "t=1-dropped": E_q(-sp.log(elbo.PRIOR) - sp.Sum(STEP, (t, 2, T))),
    "sum-still-from-1": E_q(-sp.log(elbo.PRIOR) - sp.Sum(STEP, (t, 1, T)) - FIRST),
    "swapped-index": E_q(-sp.log(elbo.PRIOR) - sp.Sum(sp.log(elbo.p_theta(x[t], x[t - 1]) / elbo.FORWARD), (t, 2, T))
                         - FIRST),
}


@pytest.mark.parametrize("wrong", WRONG_SPLITS.values(), ids=list(WRONG_SPLITS))
def test_wrong_splits_of_the_term_t_equal_one_are_not_proved(wrong: sp.Expr) -> None:
    """Dropping the term t = 1, keeping the sum from t = 1, or swapping x_t and x_{t-1}: never proved."""
    step = _step("split off the term")
    assert _check(_previous(step), step.step.expr) is Outcome.PROVED
    assert _check(_previous(step), wrong) is not Outcome.PROVED


KL_STEP = sp.log(elbo.REVERSE / elbo.POSTERIOR)
WRONG_TELESCOPES = {
    "wrong-way-round": E_q(sp.log(elbo.PRIOR / elbo.q(x[T], x[0])) - sp.Sum(KL_STEP, (t, 2, T))
                           - sp.log(elbo.p_theta(x[0], x[1]))),
    "off-by-one": E_q(-sp.log(elbo.PRIOR / elbo.q(x[T - 1], x[0])) - sp.Sum(KL_STEP, (t, 2, T))
                      - sp.log(elbo.p_theta(x[0], x[1]))),
    "q-of-x1-kept": E_q(-sp.log(elbo.PRIOR / elbo.q(x[T], x[0])) - sp.Sum(KL_STEP, (t, 2, T))
                        - sp.log(elbo.p_theta(x[0], x[1]) / elbo.q(x[1], x[0]))),
}


@pytest.mark.parametrize("wrong", WRONG_TELESCOPES.values(), ids=list(WRONG_TELESCOPES))
def test_wrong_telescopes_are_not_proved(wrong: sp.Expr) -> None:
    """The telescoped sum with a wrong end, the wrong sign, or log q(x_1 | x_0) left over: never proved."""
    step = _step("the sum telescopes")
    assert _check(_previous(step), step.step.expr) is Outcome.PROVED
    assert _check(_previous(step), wrong) is not Outcome.PROVED


def test_stated_tower_step_is_a_linear_rearrangement() -> None:
    """The stated tower/linearity step holds once every expectation is collapsed to its body (a linear map)."""
    tower = next(s for s in checked().steps
                 if s.step.relation is GIVEN and s.step.because.startswith("the tower property"))
    previous = _previous(tower)
    assert sums_equal(collapsed(previous), collapsed(tower.step.expr), DEFAULT_SETTINGS).proved


def test_tower_collapse_catches_a_wrong_stated_step() -> None:
    """The same collapse refutes (or leaves undecided) a tower step with a term lost: the test has power."""
    tower = next(s for s in checked().steps if s.step.because.startswith("the tower property"))
    wrong = E_q(elbo.kl_as_expectation(elbo.q(x[T], x[0]), elbo.PRIOR) + elbo.L_0)
    assert not sums_equal(collapsed(_previous(tower)), collapsed(wrong), DEFAULT_SETTINGS).proved


def test_bayes_is_stated_for_t_at_least_two() -> None:
    """Bayes' rule with x_0 conditioned in is a given, and its text says why t = 1 is split off."""
    bayes = _step("Bayes' rule, with")
    assert bayes.step.relation is GIVEN and bayes.step.expr == elbo.BAYES
    assert r"t \ge 2" in checked().derivation.chains[bayes.step.chain].text


@pytest.mark.parametrize(("expr", "expected"), [
    (elbo.L_T, r"D_{\mathrm{KL}}\left(q\left(\mathbf{x}_{T} \mid \mathbf{x}_{0}\right) \,\|\, "
               r"p\left(\mathbf{x}_{T}\right)\right)"),
    (elbo.FORWARD, r"q\left(\mathbf{x}_{t} \mid \mathbf{x}_{t-1}\right)"),
    (elbo.JOINT_Q, r"q\left(\mathbf{x}_{1:T} \mid \mathbf{x}_{0}\right)"),
], ids=["L_T", "forward-step", "forward-joint"])
def test_terms_print_as_ho_et_al(expr: sp.Expr, expected: str) -> None:
    """The divergences and densities print as Ho et al. (2020) write them."""
    assert latex(expr) == expected


def test_eq5_line_displays_ho_order() -> None:
    """The line tagged (5) shows L_T, then the sum, then L_0 (the paper's order), inside E_q."""
    line = next(s.step for s in checked().steps if s.step.tag == "5")
    shown = latex(line.display, order="none")
    assert shown.index(r"D_{\mathrm{KL}}\left(q\left(\mathbf{x}_{T}") < shown.index(r"\sum_{t=2}^{T}") < shown.index(
        r"\log{\left(p_{\theta}")
