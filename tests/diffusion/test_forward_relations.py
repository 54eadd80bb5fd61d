"""Tests for the relations of the forward-process derivation (derivations/diffusion/forward_relations.py)."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.diffusion import forward_relations as fr
from derivations.engine.notation import symbol
from derivations.engine.relations import Context
from derivations.engine.settings import CheckSettings
from derivations.engine.verdict import Outcome

CONTEXT = Context(CheckSettings())
t = fr.T_INDEX
x, mu, sigma, u = (symbol(n) for n in ("x", "mu", "sigma", "u"))


def test_peel_last_factor_splits_the_range() -> None:
    """prod_{i=1}^t alpha_i = alpha_t prod_{i=1}^{t-1} alpha_i, checked by product_simplify."""
    assert fr.peel_last_factor(fr.named_product(t)) == fr.alpha_i[t] * fr.named_product(t - 1)


@pytest.mark.parametrize("upper", range(1, 7))
def test_peeled_product_matches_the_explicit_product_at_small_t(upper: int) -> None:
    """Extra check (not the induction): at t = 1..6 the peeled form multiplies out to the same product."""
    peeled = fr.peel_last_factor(fr.named_product(upper))
    assert sp.expand(peeled.doit() - fr.named_product(upper).doit()) == 0


def test_lemma_ratio_of_named_products_is_alpha_t() -> None:
    """abar_t / abar_{t-1} = alpha_t is proved by peeling the last factor, for symbolic t."""
    verdict = fr.PRODUCTS.check(fr.alpha_bar_t / fr.alpha_bar_tm1, fr.alpha_t, CONTEXT)
    assert verdict.outcome is Outcome.PROVED and verdict.method.startswith("peeling")
    assert verdict.witness_points == 3


def test_recursion_abar_t_equals_alpha_t_abar_tm1() -> None:
    """abar_t = alpha_t abar_{t-1}, both sides named, is proved."""
    verdict = fr.PRODUCTS.check(fr.alpha_bar_t, fr.alpha_t * fr.alpha_bar_tm1, CONTEXT)
    assert verdict.outcome is Outcome.PROVED


def test_base_product_of_one_factor_is_alpha_1() -> None:
    """abar_1 = alpha_1 is proved by multiplying out the one-factor product."""
    assert fr.PRODUCTS.check(fr.alpha_bar_1, fr.alpha_1, CONTEXT).outcome is Outcome.PROVED


@pytest.mark.parametrize(
    "wrong",
    [fr.alpha_tm1, fr.alpha_t**2, sp.sqrt(fr.alpha_t)],
    ids=["alpha_t-1", "alpha_t-squared", "sqrt-alpha_t"],
)
def test_lemma_with_a_wrong_right_side_is_refuted(wrong: sp.Expr) -> None:
    """abar_t / abar_{t-1} equal to a wrong factor is refuted with a residual and a concrete point."""
    verdict = fr.PRODUCTS.check(fr.alpha_bar_t / fr.alpha_bar_tm1, wrong, CONTEXT)
    assert verdict.outcome is Outcome.REFUTED
    assert verdict.residual != 0 and verdict.counterexample is not None


def test_products_relation_declines_an_unknown_product() -> None:
    """A product of another sequence is undecided, never proved."""
    other = sp.Product(sp.IndexedBase("beta")[fr.I_INDEX], (fr.I_INDEX, 1, t))
    assert fr.PRODUCTS.check(other, fr.alpha_t, CONTEXT).outcome is Outcome.UNDECIDED
