"""The notation table prints every symbol the way the papers do."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine import notation

EXPECTED_LATEX = {
    "x": "x", "t": "t", "mu_1": r"\mu_{1}", "sigma_1": r"\sigma_{1}", "A_1": "A_{1}", "B_1": "B_{1}",
    "C_1": "C_{1}", "alpha_t": r"\alpha_{t}", "beta_t": r"\beta_{t}", "alpha_bar_t": r"\bar{\alpha}_{t}",
    "alpha_bar_tm1": r"\bar{\alpha}_{t-1}", "beta_tilde_t": r"\tilde{\beta}_{t}",
    "mu_tilde_t": r"\tilde{\mu}_{t}", "x_0": r"\mathbf{x}_{0}", "x_t": r"\mathbf{x}_{t}",
    "x_tm1": r"\mathbf{x}_{t-1}", "eps": r"\boldsymbol{\epsilon}", "eps_tm1": r"\boldsymbol{\epsilon}_{t-1}",
}


@pytest.mark.parametrize("python_name", sorted(EXPECTED_LATEX))
def test_symbol_prints_as_the_papers(python_name: str) -> None:
    """Each symbol of NOTATION.md prints with the LaTeX the papers use."""
    assert notation.latex(notation.symbol(python_name)) == EXPECTED_LATEX[python_name]


@pytest.mark.parametrize("row", notation.TABLE, ids=lambda row: row.python_name)
def test_every_row_prints_its_own_latex(row: notation.Notation) -> None:
    """Every row of the table, including ones added later, prints its declared LaTeX."""
    assert notation.latex(notation.symbol(row.python_name)) == row.latex


def test_each_name_is_defined_once() -> None:
    """No Python name or SymPy name appears twice (two symbols with one name would differ)."""
    python_names = [row.python_name for row in notation.TABLE]
    sympy_names = [row.sympy_name for row in notation.TABLE]
    assert len(set(python_names)) == len(python_names)
    assert len(set(sympy_names)) == len(sympy_names)


def test_assumptions_are_attached() -> None:
    """Standard deviations are positive and means real, so SymPy can simplify sqrt(sigma**2)."""
    sigma = notation.symbol("sigma_1")
    assert sp.sqrt(sigma**2) == sigma
    assert notation.symbol("mu_1").is_real
    assert notation.symbol("mu_1").is_positive is None


def test_unit_interval_symbols_sample_below_one() -> None:
    """The schedule quantities are sampled inside (0, 1), as the papers assume."""
    low, high = notation.sample_range(notation.symbol("alpha_bar_t"))
    assert 0 < low < high < 1
    assert notation.sample_range(sp.Symbol("z", positive=True))[0] > 0
