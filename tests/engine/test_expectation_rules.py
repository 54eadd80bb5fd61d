"""Tests for derivations.engine.expectation_rules: congruence under an expectation, and stated bounds."""

from __future__ import annotations

import doctest

import pytest
import sympy as sp

from derivations.engine.checking import DEFAULT_SETTINGS
from derivations.engine.derivation import Derivation
from derivations.engine.expectation_rules import UNDER_EXPECTATION, bound, congruent_pairs
from derivations.engine.notation import symbol
from derivations.engine.probability import Expectation, density
from derivations.engine.relations import DEFINITION, Context
from derivations.engine.substitution import substitution
from derivations.engine.verdict import Outcome
from derivations.errors import StepUndecidedError

x_0, x_t = symbol("x_0"), symbol("x_t")
k = sp.Symbol("k", integer=True)
T = sp.Symbol("T", integer=True, positive=True)
E = sp.Symbol("q")
q, p = density("q", x_t, given=(x_0,)), density("p", x_t)
f = sp.Function("f")
CONTEXT = Context(DEFAULT_SETTINGS)


def check(previous: sp.Expr, current: sp.Expr) -> Outcome:
    return UNDER_EXPECTATION.check(previous, current, CONTEXT).outcome


def test_equal_bodies_give_equal_expectations() -> None:
    """E_q[log(q/p)] = E_q[log q - log p]: the bodies are equal, so are the expectations."""
    assert check(Expectation(sp.log(q / p), E), Expectation(sp.log(q) - sp.log(p), E)) is Outcome.PROVED


def test_sums_inside_the_body_are_proved() -> None:
    """A telescoping sum inside the expectation is proved by the rules of sums."""
    body = sp.Sum(f(k - 1) - f(k), (k, 2, T))
    assert check(Expectation(body, E), Expectation(f(1) - f(T), E)) is Outcome.PROVED


@pytest.mark.parametrize(("previous", "current"), [
    (Expectation(sp.log(q / p), E), Expectation(sp.log(q) + sp.log(p), E)),
    (Expectation(x_t, E), Expectation(x_t, sp.Symbol("p"))),
    (Expectation(x_t**2, E), Expectation(x_t, E) ** 2),
    (Expectation(x_t + x_0, E), Expectation(x_t, E) + Expectation(x_0, E)),
], ids=["wrong-sign", "other-distribution", "jensen-is-not-equality", "linearity-is-not-congruence"])
def test_what_congruence_does_not_give_is_not_proved(previous: sp.Expr, current: sp.Expr) -> None:
    """A wrong body, another distribution, E[x^2] = E[x]^2, or linearity (integrability): never proved."""
    assert check(previous, current) is not Outcome.PROVED


def test_an_expectation_with_a_bound_index_is_not_paired() -> None:
    """sum_k E[f(k)] is not (T) E[f(k)] with a free k: such an expectation is left alone."""
    inside = sp.Sum(Expectation(f(k), E), (k, 1, T))
    outside = T * Expectation(f(k), E)
    assert congruent_pairs(inside, outside, CONTEXT) == []
    assert check(inside, outside) is not Outcome.PROVED


def test_a_bound_is_stated_and_makes_nothing_known() -> None:
    """Jensen's bound is stated; a later substitution cannot use it as an equality."""
    relation = bound("Jensen's inequality")
    assert relation.check(x_t, x_0, CONTEXT).outcome is Outcome.STATED
    d = Derivation("jensen", title="t")
    d.start(-sp.log(Expectation(q, E)), lhs="L", relation=DEFINITION, because="definition")
    d.then(Expectation(-sp.log(q), E), relation=bound("Jensen"), because="Jensen")
    d.start(Expectation(-sp.log(q), E) + 1, lhs="M", relation=DEFINITION, because="definition")
    d.then(-sp.log(Expectation(q, E)) + 1,
           relation=substitution(Expectation(-sp.log(q), E), -sp.log(Expectation(q, E))), because="not known")
    with pytest.raises(StepUndecidedError, match="is not known"):
        d.check()


def test_a_bound_prints_as_less_or_equal() -> None:
    """The relation prints as \\le and says which rule it states."""
    relation = bound("Jensen's inequality")
    assert (relation.latex, relation.name, relation.checked) == (r"\le", "bound (Jensen's inequality)", False)


def test_docstring_examples_run() -> None:
    """Every example in the module's docstrings gives the output it shows."""
    from derivations.engine import expectation_rules

    result = doctest.testmod(expectation_rules, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0
