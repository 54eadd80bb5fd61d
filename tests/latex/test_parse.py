"""Guarded LaTeX parsing: names map to the shared symbols, misreadings are reported unparsed."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations.engine import notation
from derivations.latex import parse
from derivations.latex.parse import Ident, Names, parse_row

S = notation.symbol


def read(tex: str, **names) -> sp.Expr | None:
    return parse_row(tex, Names(**names)).expr


@pytest.mark.parametrize(
    "tex, expected",
    [
        (r"\bar\alpha_t", S("alpha_bar_t")),
        (r"\bar{\alpha}_{t-1}", S("alpha_bar_tm1")),
        (r"\overline{\alpha}_{t-1}", S("alpha_bar_tm1")),
        (r"\alpha_t", S("alpha_t")),
        (r"\mathbf{x}_{t-1}", S("x_tm1")),
        (r"x_{t-1}", S("x_tm1")),
        (r"\boldsymbol{\epsilon}", S("eps")),
        (r"\varepsilon", S("eps")),
        (r"\mathbf{\epsilon}_{t-1}", S("eps_tm1")),
        (r"\bar\epsilon_{t-2}", S("eps_bar_tm2")),
        (r"\tilde\beta_t", S("beta_tilde_t")),
        (r"\sigma_1", S("sigma_1")),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_names_map_to_the_shared_symbols(tex: str, expected: sp.Symbol) -> None:
    """Accented, bold and plain spellings of a name read as the notation table's one symbol."""
    assert read(tex) == expected


def test_names_outside_the_table_follow_the_assumption() -> None:
    """A name outside the table is real by default, positive with --assume positive or when declared."""
    assert read("k").is_positive is None and read("k").is_real
    assert read("k", assume="positive").is_positive
    assert read("k", positive=frozenset({"k"})).is_positive


@pytest.mark.parametrize(
    "tex, expected",
    [
        (r"e^{-x^2}", sp.exp(-S("x") ** 2)),
        (r"\exp\left(-x^2\right)", sp.exp(-S("x") ** 2)),
        (r"\exp{\left(-x^2\right)}", sp.exp(-S("x") ** 2)),
        (r"\sqrt\pi", sp.sqrt(sp.pi)),
        (r"e", sp.E),
        (r"B(x-C)^2", S("B") * (S("x") - S("C")) ** 2),
        (r"2\sigma_1^2 2\sigma_2^2", 4 * S("sigma_1") ** 2 * S("sigma_2") ** 2),
        (r"\mathcal{N}(x; \mu, \sigma^2)",
         sp.exp(-(S("x") - S("mu")) ** 2 / (2 * S("sigma") ** 2)) / sp.sqrt(2 * sp.pi * S("sigma") ** 2)),
    ],
    ids=["euler-power", "exp-left-right", "exp-braces", "sqrt-pi", "euler-alone", "product-not-call",
         "tex-exponent-token", "normal-density"],
)
def test_constants_functions_and_products_read_as_meant(tex: str, expected: sp.Expr) -> None:
    """e and exp are the exponential, pi is the number, B(x-C) is a product, N(x; mu, s^2) the density."""
    from derivations.engine.defined import unfold

    assert sp.simplify(unfold(read(tex)) - expected) == 0


@pytest.mark.parametrize(
    "tex, reason",
    [
        (r"x^-1", "an exponent or subscript without braces"),
        (r"\exp x y", "a function argument without parentheses"),
        (r"\exp{x}y", "a function argument without parentheses"),
        (r"a^{b}^{c}", "a double exponent or subscript"),
        (r"\frac{d}{dx} x^2", "a derivative (not read yet)"),
        (r"\frac 1 2", "numbers written side by side"),
        (r"p(1-p)", "uses the function p, which no earlier line defines"),
        (r"\mathbb{E}[x]", r"cannot read \mathbb"),
        (r"(x)_{1}", "a subscript not attached to a name"),
        (r"\sum_i x_i", "SymPy's LaTeX parser cannot read it"),
        (r"a = b", "not a single expression"),
        (r"\phi_X(t)", "phi_X(...): a function call or a product?"),
        (r"E_P[(x-\mu)^2]", "E_P[...]: an expectation or an operator (not read yet)"),
        (r"\log x y", "a function argument without parentheses"),
    ],
    ids=["unbraced-negative-exponent", "exp-without-parens", "exp-braces-then-factor",
         "double-superscript", "derivative", "spaced-digits", "function-or-product",
         "mathbb-expectation", "dangling-subscript", "sum-unbraced", "relation",
         "greek-call-or-product", "bracket-expectation", "log-of-a-product"],
)
def test_lines_the_parser_would_misread_are_unparsed(tex: str, reason: str) -> None:
    """Constructs SymPy reads silently but wrongly (x^-1 read as x, d/dx as a product) stay unparsed."""
    parsed = parse_row(tex, Names())
    assert parsed.expr is None
    assert parsed.reason == reason


def test_names_guard_rejects_a_parse_whose_symbols_differ(monkeypatch) -> None:
    """If the parser returns other names than the line's (a dropped term), the line is unparsed."""
    monkeypatch.setattr(parse, "_antlr", lambda text: sp.Symbol("a"))
    assert parse_row("x + y", Names()).reason == "misread: its names are not the names of the line"


def test_call_guard_rejects_a_product_read_as_a_call(monkeypatch) -> None:
    """If the parser turns a product into a function call, the line is unparsed."""
    monkeypatch.setattr(parse, "_antlr", lambda text: sp.Function("a")(sp.Symbol("b")) * sp.Symbol("a"))
    reason = parse_row("x y", Names()).reason
    assert reason == "misread: a product read as a function call, or a call as a product"


def test_round_trip_guard_rejects_a_parse_that_changes_when_printed_back(monkeypatch) -> None:
    """A parse that, printed back to LaTeX and parsed again, changes is unparsed."""
    calls = iter([sp.Symbol("a") + sp.Symbol("b"), sp.Symbol("a") * sp.Symbol("b")])
    monkeypatch.setattr(parse, "_antlr", lambda text: next(calls))
    assert parse_row("x + y", Names()).reason == "misread: printed back and parsed again, it changes"


def test_integrals_bind_their_variable() -> None:
    """An integral over the real line parses with its variable bound, not free."""
    expr = read(r"\int_{-\infty}^{\infty} e^{-t^2} dt")
    assert expr == sp.Integral(sp.exp(-S("t") ** 2), (S("t"), -sp.oo, sp.oo))
    assert expr.free_symbols == set()


def test_ident_names_follow_the_notation_convention() -> None:
    """An identifier's Python and SymPy names follow the notation table (alpha_bar_tm1, alphabar_t-1)."""
    ident = Ident("alpha", "bar", "t-1")
    assert (ident.python_name, ident.sympy_name) == ("alpha_bar_tm1", "alphabar_t-1")


_TABLE = [S(n) for n in ("x", "mu", "sigma_1", "alpha_bar_t", "alpha_tm1", "x_0", "eps", "B_1")]
_ATOMS = st.one_of(st.sampled_from(_TABLE), st.integers(1, 5).map(sp.Integer))


@st.composite
def _expressions(draw, depth: int = 3) -> sp.Expr:
    if depth == 0:
        return draw(_ATOMS)
    left, right = draw(_expressions(depth - 1)), draw(_expressions(depth - 1))
    kind = draw(st.sampled_from(["add", "mul", "pow", "sqrt", "exp", "atom"]))
    return {"add": lambda: left + right, "mul": lambda: left * right, "pow": lambda: left ** 2,
            "sqrt": lambda: sp.sqrt(left), "exp": lambda: sp.exp(left), "atom": lambda: left}[kind]()


@settings(max_examples=30, deadline=None)
@given(_expressions())
def test_printed_expressions_read_back_as_themselves(expr: sp.Expr) -> None:
    """What the project prints (notation.latex) the linter reads back as the same expression."""
    parsed = parse_row(notation.latex(expr), Names())
    assert parsed.expr is not None, parsed.reason
    assert sp.simplify(parsed.expr - expr) == 0
