"""A conditional density as a ratio of joints (engine.conditionals), and hypotheses that cannot all hold."""

from __future__ import annotations

import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.probability import density
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome

x, y, z = sp.symbols("x y z", real=True)


def q(*outcomes: sp.Symbol, given: tuple[sp.Symbol, ...] = ()) -> sp.Expr:
    return density("q", *outcomes, given=given)


def test_bayes_rule_is_proved() -> None:
    assert check_equal(q(x, given=(z,)), q(z, given=(x,)) * q(x) / q(z)).proved


def test_the_product_rule_under_a_log_is_proved() -> None:
    assert check_equal(sp.log(q(x, z)), sp.log(q(x, given=(z,))) + sp.log(q(z))).proved


def test_bayes_rule_with_the_wrong_marginal_is_not_proved() -> None:
    assert check_equal(q(x, given=(z,)), q(z, given=(x,)) * q(x) / q(y)).outcome is Outcome.UNDECIDED


def test_a_condition_dropped_is_not_proved() -> None:
    """q(x | z, y) = q(x | z) is a Markov property, which nothing here states."""
    assert not check_equal(q(x, given=(z, y)), q(x, given=(z,))).proved


def test_families_stay_apart() -> None:
    p = density("p", z, given=(x,)) * density("p", x) / density("p", z)
    assert not check_equal(q(x, given=(z,)), p).proved


def test_a_hypothesis_that_cannot_hold_decides_nothing() -> None:
    sigma = sp.Symbol("sigma", positive=True)
    verdict = check_equal(sp.sqrt(sigma**2), -sigma, CheckSettings().with_positive(-sigma))
    assert verdict.outcome is Outcome.UNDECIDED


def test_hypotheses_that_contradict_each_other_decide_nothing() -> None:
    verdict = check_equal(sp.sqrt(x**2), x, CheckSettings().with_positive(x, -x))
    assert verdict.outcome is Outcome.UNDECIDED
