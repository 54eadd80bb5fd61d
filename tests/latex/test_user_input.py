"""Expressions typed by a user are read with the notation's symbols, and bad ones are refused."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.notation import symbol
from derivations.engine.probability import Opaque
from derivations.engine.syntax import parse_symbol_list
from derivations.errors import BadInputError
from derivations.latex.user_input import parse_user_expr


def test_table_names_get_table_symbols() -> None:
    """alpha_bar_t typed by a user is the table's symbol, with its assumptions."""
    expr = parse_user_expr("sqrt(alpha_bar_t) * x_0")
    assert expr == sp.sqrt(symbol("alpha_bar_t")) * symbol("x_0")


def test_assume_positive_applies_to_other_names() -> None:
    """--assume positive makes a user's own symbols positive, so sqrt(s**2) is s."""
    assert parse_user_expr("sqrt(s**2)", assume="positive") == sp.Symbol("s", positive=True)
    assert parse_user_expr("x^2") == symbol("x") ** 2


@pytest.mark.parametrize("text", ["(x+", "x +* y", "__import__('os')", "lambda: 1", "", "[1, 2]"],
                         ids=["unbalanced", "syntax", "dunder", "keyword", "empty", "not an expression"])
def test_bad_expressions_are_refused(text: str) -> None:
    """Unreadable input raises BadInputError whose message starts with what it could not read."""
    with pytest.raises(BadInputError, match=r"^cannot read expression"):
        parse_user_expr(text)


def test_symbol_list() -> None:
    """--normal e1,e2 gives two symbols; a bad name is refused."""
    assert [s.name for s in parse_symbol_list("e1, e2").values()] == ["e1", "e2"]
    with pytest.raises(BadInputError, match=r"^not a variable name: '1e'$"):
        parse_symbol_list("1e")


def test_latex_is_read_with_the_notation() -> None:
    """LaTeX input (it has a backslash) is read by the guarded parser into the table's symbols."""
    assert parse_user_expr(r"\sqrt{\bar\alpha_t}\mathbf{x}_0") == sp.sqrt(symbol("alpha_bar_t")) * symbol("x_0")


def test_untrustworthy_latex_is_refused() -> None:
    """LaTeX the guarded parser cannot trust is bad input, not a guess."""
    with pytest.raises(BadInputError, match=r"^cannot read LaTeX .*'max' without a backslash"):
        parse_user_expr(r"\frac{1}{2} max(x, y)")


def test_an_undefined_call_is_an_opaque_function() -> None:
    """sigma(x) is a function of x known to nothing: never the product sigma*x."""
    read = parse_user_expr(r"\sigma(x)")
    assert isinstance(read, Opaque)
    assert read != symbol("sigma") * sp.Symbol("x", real=True)


#: LaTeX that an earlier reader misread into a false proof (the adversarial review): each is refused now.
AMBIGUOUS = {
    "a factor after d/dx": r"\frac{d}{dx} x x",
    "d/dx times a factor": r"\frac{d}{dx}x^2 \cdot x",
    "an inverse sine": r"\sin^{-1}(x)\sin(x)",
    "a digit group": r"1\,000",
    "a cross product": r"\mathbf{a}\times\mathbf{b}",
    "a Unicode superscript": r"\sqrt{x²}",
    "a slash before a product": r"\alpha/2x",
    "two indices in a sum": r"\sum_{i=1}^{3} x_{ij}",
    "a power after a bare argument": r"\sin x^2",
    "an unbraced ^-": r"2^-10 + \alpha",
}


@pytest.mark.parametrize("text", AMBIGUOUS.values(), ids=AMBIGUOUS.keys())
def test_ambiguous_latex_is_refused(text: str) -> None:
    """One clear line (bad input), never a reading that proves something."""
    with pytest.raises(BadInputError, match=r"^cannot read LaTeX"):
        parse_user_expr(text)


def test_a_bold_greek_product_is_a_product_of_matrices() -> None:
    r"""``\boldsymbol{\Sigma}\boldsymbol{\Lambda}`` was refused; it is now read as matrices, which do not commute."""
    tied = (r"\boldsymbol{\Sigma}\boldsymbol{\Lambda}", r"\boldsymbol{\Lambda}\boldsymbol{\Sigma}")
    product, swapped = (parse_user_expr(text, tied=tied) for text in tied)
    assert isinstance(product, sp.MatMul) and product != swapped


def test_an_unbraced_argument_is_one_digit_as_in_tex() -> None:
    r"""``\sqrt16`` renders as the root of 1 times 6, ``x^22`` as x squared times 2: read as rendered."""
    x = parse_user_expr(r"\alpha").free_symbols.pop()
    assert parse_user_expr(r"\sqrt16") == 6
    assert parse_user_expr(r"\alpha^22") == 2 * x**2
