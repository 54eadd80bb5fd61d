"""Tests for derivations.engine.probability: opaque densities, expectations and divergences, and their printing."""

from __future__ import annotations

import doctest

import pytest
import sympy as sp

from derivations.engine.checking import check_equal
from derivations.engine.notation import latex, symbol
from derivations.engine.probability import (
    Density,
    Divergence,
    Expectation,
    Trajectory,
    density,
    divergence,
    kl_as_expectation,
)
from derivations.engine.verdict import Outcome

x_0, x_t = symbol("x_0"), symbol("x_t")
t = sp.Symbol("t", integer=True, positive=True)
x = Trajectory(symbol("x_seq"), real=True)
q = density("q", x_t, given=(x_0,))
p = density("p_theta", x_t)


def test_a_density_is_positive_real_and_finite() -> None:
    """A density is positive (so logarithms of products split), real and finite."""
    assert (q.is_positive, q.is_real, q.is_finite) == (True, True, True)


def test_log_of_a_product_of_densities_splits_and_is_proved() -> None:
    """log(q p) = log q + log p is proved: densities are positive."""
    assert check_equal(sp.log(q * p), sp.log(q) + sp.log(p)).outcome is Outcome.PROVED


def test_two_different_densities_are_never_proved_equal_or_refuted() -> None:
    """q(x_t | x_0) and p_theta(x_t) are unrelated opaque terms: undecided, never refuted."""
    assert check_equal(q, p).outcome is Outcome.UNDECIDED


@pytest.mark.parametrize(("expr", "expected"), [
    (q, r"q\left(\mathbf{x}_{t} \mid \mathbf{x}_{0}\right)"),
    (density("q", x[t], given=(x[t - 1],)), r"q\left(\mathbf{x}_{t} \mid \mathbf{x}_{t-1}\right)"),
    (density("p", x[t + 1]), r"p\left(\mathbf{x}_{t+1}\right)"),
    (Expectation(x_t, sp.Symbol("q")), r"\mathbb{E}_{q}\left[\mathbf{x}_{t}\right]"),
    (Expectation(x_t, sp.Tuple(x_0, symbol("eps"))),
     r"\mathbb{E}_{\mathbf{x}_{0}, \boldsymbol{\epsilon}}\left[\mathbf{x}_{t}\right]"),
    (divergence(q, p), r"D_{\mathrm{KL}}\left(q\left(\mathbf{x}_{t} \mid \mathbf{x}_{0}\right) \,\|\, "
                       r"p_{\theta}\left(\mathbf{x}_{t}\right)\right)"),
], ids=["density", "trajectory-terms", "trajectory-plus-one", "expectation", "expectation-over-variables",
        "divergence"])
def test_terms_print_as_the_papers_write_them(expr: sp.Expr, expected: str) -> None:
    """Densities, trajectory terms, expectations and divergences print in the papers' notation."""
    assert latex(expr) == expected


def test_a_trajectory_term_keeps_its_class_through_substitution() -> None:
    """x[t - 1] with t -> k + 1 is x[k], still printed as a trajectory term."""
    k = sp.Symbol("k", integer=True)
    term = x[t - 1].xreplace({t: k + 1})
    assert term == x[k] and latex(term) == r"\mathbf{x}_{k}" and term.is_real


def test_kl_as_expectation_is_the_definition() -> None:
    """D_KL(P || Q) is written E_P[log(P/Q)], the expectation over P."""
    written = kl_as_expectation(q, p)
    assert isinstance(written, Expectation) and written.args == (sp.log(q / p), q)


def test_kl_as_expectation_refuses_what_is_not_a_density() -> None:
    """Only densities have a divergence written this way."""
    with pytest.raises(TypeError):
        kl_as_expectation(q, x_t)


@pytest.mark.parametrize("term", [q, Expectation(x_t, q), Divergence(q, p)], ids=["density", "expectation", "kl"])
def test_pretty_printing_shows_the_text_form(term: sp.Expr) -> None:
    """The unicode printer shows the one-line text (SymPy's own Divergence printer is for vector fields)."""
    assert sp.pretty(term) == sp.sstr(term)


def test_density_is_built_from_a_name_or_a_symbol() -> None:
    """density("q", ...) and density(Symbol("q"), ...) are the same term."""
    assert density(sp.Symbol("q"), x_t, given=(x_0,)) == q and isinstance(q, Density)


def test_docstring_examples_run() -> None:
    """Every example in the module's docstrings gives the output it shows."""
    from derivations.engine import probability

    result = doctest.testmod(probability, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0


def test_a_density_is_differentiated_as_an_opaque_function() -> None:
    """The score d/dx log p(x) is p'(x)/p(x) (it failed: SymPy differentiated the tuples of outcomes)."""
    x, y = sp.symbols("x y", real=True)
    p = Density(sp.Symbol("p"), sp.Tuple(x), sp.Tuple())
    assert sp.diff(sp.log(p), x) == sp.Derivative(p, x) / p
    assert sp.diff(p, y) == 0
    assert check_equal(sp.diff(sp.log(p), x) * p, sp.Derivative(p, x)).proved
    assert not check_equal(sp.diff(sp.log(p), x), sp.Derivative(p, x)).proved
