"""Tests for derivations.engine.sums: finite sums split, shifted and telescoped, and never a false proof."""

from __future__ import annotations

import doctest

import pytest
import sympy as sp

from derivations.engine.checking import DEFAULT_SETTINGS
from derivations.engine.derivation import Derivation
from derivations.engine.probability import Trajectory, density
from derivations.engine.relations import DEFINITION
from derivations.engine.sums import SUMS, canonical_sums, concrete_witness, sums_equal
from derivations.engine.verdict import Outcome
from derivations.errors import StepNotEqualError, StepUndecidedError

k = sp.Symbol("k", integer=True)
T = sp.Symbol("T", integer=True, positive=True)
n = sp.Symbol("n", integer=True)
c = sp.Symbol("c", real=True)
f, g = sp.Function("f"), sp.Function("g")
x = Trajectory(sp.Symbol("x_seq", real=True), real=True)


def q(index: sp.Expr) -> sp.Expr:
    return density("q", x[index], given=(x[0],))


PROVED = {
    "split-off-first": (sp.Sum(k**2, (k, 1, T)), 1 + sp.Sum(k**2, (k, 2, T))),
    "split-off-last": (sp.Sum(f(k), (k, 1, T)), sp.Sum(f(k), (k, 1, T - 1)) + f(T)),
    "shift-index": (sp.Sum(f(k - 1), (k, 2, T + 1)), sp.Sum(f(k), (k, 1, T))),
    "telescope": (sp.Sum(f(k - 1) - f(k), (k, 2, T)), f(1) - f(T)),
    "telescope-densities": (sp.Sum(sp.log(q(k - 1) / q(k)), (k, 2, T)), sp.log(q(1)) - sp.log(q(T))),
    "linearity": (sp.Sum(3 * f(k) + c * g(k), (k, 1, T)), 3 * sp.Sum(f(k), (k, 1, T)) + c * sp.Sum(g(k), (k, 1, T))),
    "constant-term": (sp.Sum(c + f(k), (k, 1, T)), T * c + sp.Sum(f(k), (k, 1, T))),
    "log-of-product": (sp.log(sp.Product(q(k), (k, 1, T))), sp.Sum(sp.log(q(k)), (k, 1, T))),
    "reversed-limits-karr": (sp.Sum(f(k), (k, 1, n)), f(1) + sp.Sum(f(k), (k, 2, n))),
    "index-renamed": (sp.Sum(f(k), (k, 1, T)), sp.Sum(f(n), (n, 1, T))),
}


@pytest.mark.parametrize(("lhs", "rhs"), PROVED.values(), ids=list(PROVED))
def test_rules_of_finite_sums_are_proved(lhs: sp.Expr, rhs: sp.Expr) -> None:
    """Splitting, shifting, telescoping, linearity and constants are proved for every integer limit."""
    verdict = sums_equal(lhs, rhs, DEFAULT_SETTINGS)
    assert verdict.outcome is Outcome.PROVED, verdict.describe()


REFUTED = {
    "dropped-first-term": (sp.Sum(k**2, (k, 1, T)), sp.Sum(k**2, (k, 2, T))),
    "off-by-one-telescope": (sp.Sum(k - (k - 1), (k, 2, T)), T - 2),
    "constant-counted-T-times": (sp.Sum(c, (k, 2, T)), T * c + 1),
    "shift-without-limits": (sp.Sum((k - 1) ** 2, (k, 2, T)), sp.Sum(k**2, (k, 2, T))),
}


@pytest.mark.parametrize(("lhs", "rhs"), REFUTED.values(), ids=list(REFUTED))
def test_wrong_rules_with_concrete_summands_are_refuted_at_concrete_limits(lhs: sp.Expr, rhs: sp.Expr) -> None:
    """A dropped term, an off-by-one telescope or a shift without its limits is refuted, with the T that shows it."""
    verdict = sums_equal(lhs, rhs, DEFAULT_SETTINGS)
    assert verdict.outcome is Outcome.REFUTED, verdict.describe()
    assert verdict.counterexample is not None and verdict.counterexample.point[0][0] == "T"


OPAQUE_WRONG = {
    "telescope-wrong-end": (sp.Sum(sp.log(q(k - 1) / q(k)), (k, 2, T)), sp.log(q(1)) - sp.log(q(T - 1))),
    "telescope-swapped": (sp.Sum(sp.log(q(k - 1) / q(k)), (k, 2, T)), sp.log(q(T)) - sp.log(q(1))),
    "split-wrong-term": (sp.Sum(f(k), (k, 1, T)), f(0) + sp.Sum(f(k), (k, 2, T))),
}


@pytest.mark.parametrize(("lhs", "rhs"), OPAQUE_WRONG.values(), ids=list(OPAQUE_WRONG))
def test_wrong_rules_with_opaque_terms_are_not_proved(lhs: sp.Expr, rhs: sp.Expr) -> None:
    """With opaque densities or functions a wrong telescope is never proved (undecided: the terms are unrelated)."""
    verdict = sums_equal(lhs, rhs, DEFAULT_SETTINGS)
    assert verdict.outcome is Outcome.UNDECIDED, verdict.describe()


def test_a_true_closed_form_is_not_refuted() -> None:
    """sum k^2 = T(T+1)(2T+1)/6 is true: the canonical form cannot prove it, and must not refute it."""
    verdict = sums_equal(sp.Sum(k**2, (k, 1, T)), T * (T + 1) * (2 * T + 1) / 6, DEFAULT_SETTINGS)
    assert verdict.outcome is Outcome.UNDECIDED
    assert "4 concrete cases written out agree" in verdict.method


def test_residual_names_the_sums_not_their_stand_ins() -> None:
    """An undecided verdict's residual shows the sums themselves, not the symbols that stood for them."""
    verdict = sums_equal(sp.Sum(f(k), (k, 1, T)), f(T), DEFAULT_SETTINGS)
    assert verdict.outcome is Outcome.UNDECIDED
    assert verdict.residual is not None and verdict.residual.has(sp.Sum)


@pytest.mark.parametrize("total", [
    sp.Sum(f(k), (k, 1, T), (n, 1, T)),
    sp.Sum(sp.Sum(f(k) * g(n), (n, 1, k)), (k, 1, T)),
    sp.Sum(f(sp.Symbol("r", real=True)), (sp.Symbol("r", real=True), 1, T)),
], ids=["two-limits", "nested", "real-index"])
def test_sums_the_rules_do_not_cover_are_left_alone(total: sp.Sum) -> None:
    """Several limits, a nested sum or a non-integer index: the sum is kept whole, and nothing is proved about it."""
    (canonical,) = canonical_sums(total - f(1))
    assert canonical.has(f(1)) and not canonical.has(sp.Sum)  # kept as one symbol, not split
    assert sums_equal(total, f(1) + total.func(total.function, *total.limits), DEFAULT_SETTINGS).outcome \
        is not Outcome.PROVED


def test_a_free_index_is_not_confused_with_the_bound_one() -> None:
    """t * sum_t f(t) is not sum_t t f(t): the outer t stays outside."""
    verdict = sums_equal(k * sp.Sum(f(k), (k, 1, T)), sp.Sum(k * f(k), (k, 1, T)), DEFAULT_SETTINGS)
    assert verdict.outcome is not Outcome.PROVED


def test_concrete_witness_writes_the_sums_out() -> None:
    """The witness sets T to small integers and compares the written-out sums."""
    agreed, refuted = concrete_witness(sp.Sum(k, (k, 1, T)), T * (T + 1) / 2, DEFAULT_SETTINGS)
    assert (agreed, refuted) == (4, None)


def test_sums_relation_in_a_derivation() -> None:
    """SUMS proves a telescoping step and stops a derivation at a wrong one."""
    d = Derivation("telescope", title="t")
    d.start(sp.Sum(f(k - 1) - f(k), (k, 2, T)), lhs="S", relation=DEFINITION, because="definition")
    d.then(f(1) - f(T), relation=SUMS, because="telescopes")
    assert d.check().all_proved
    wrong = Derivation("telescope_wrong", title="t")
    wrong.start(sp.Sum(k - (k - 1), (k, 2, T)), lhs="S", relation=DEFINITION, because="definition")
    wrong.then(T, relation=SUMS, because="off by one")
    with pytest.raises(StepNotEqualError, match=r"^telescope_wrong: step 2 .* is refuted"):
        wrong.check()


def test_sums_relation_with_opaque_terms_is_undecided_not_refuted() -> None:
    """A wrong step over opaque densities stops the derivation as undecided."""
    d = Derivation("opaque", title="t")
    d.start(sp.Sum(sp.log(q(k - 1) / q(k)), (k, 2, T)), lhs="S", relation=DEFINITION, because="definition")
    d.then(sp.log(q(T)) - sp.log(q(1)), relation=SUMS, because="wrong way round")
    with pytest.raises(StepUndecidedError):
        d.check()


def test_docstring_examples_run() -> None:
    """Every example in the module's docstrings gives the output it shows."""
    from derivations.engine import sums

    result = doctest.testmod(sums, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0
