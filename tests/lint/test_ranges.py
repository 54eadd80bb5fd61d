r"""Ranges of variables (engine.ranges_joined, latex.names.ranges_listed): :math:`(x_0, x_{1:T})` is
:math:`x_{0:T}`, and ``x_1, \cdots, x_T`` lists :math:`x_{1:T}`; pieces that do not meet stay apart."""

from __future__ import annotations

import pytest
import sympy as sp

from derivations.engine.ranges_joined import joined
from derivations.lint import lint_text
from derivations.lint.check import Options

PROSE = "A model with latent variables.\n\n"


def verdicts(*rows: str) -> list[str]:
    post = PROSE + "".join(f"$$\n{row}\n$$\n\n" for row in rows)
    return [step.status.value for step in lint_text(post, Options()).steps]


@pytest.mark.parametrize("row", [
    r"\log \frac{p(x_{0:T})}{p(x_{1:T} \mid x_0)} = \log p(x_0)",  # Bayes' rule with x_{0:T} = (x_0, x_{1:T})
    r"\frac{p(x_{1:t})}{p(x_{1:t-1})} = p(x_t \mid x_{1:t-1})",
    r"\frac{p(x_{0:t+1})}{p(x_{0:t})} = p(x_{t+1} \mid x_{0:t})",
    r"\frac{q(x_1, \cdots, x_T \vert x_0)}{q(x_{1:T} \vert x_0)} = 1",  # the list is the range
    r"\log p(x_0) \ge \mathbb{E}_{q(x_1, \dots, x_T | x_0)}"
    r"\left[\log\frac{p(x_0, \dots, x_T)}{q(x_1, \dots, x_T|x_0)}\right]",
])
def test_pieces_that_meet_are_one_range(row: str) -> None:
    assert verdicts(row) == ["proved"]


@pytest.mark.parametrize("row", [
    r"\log \frac{p(x_{0:T})}{p(x_{2:T} \mid x_0)} = \log p(x_0)",  # x_1 is missing
    r"\log \frac{p(x_{0:T})}{p(x_{1:T} \mid x_0)} = \log p(x_1)",
    r"\frac{p(x_{1:t})}{p(x_{1:t-2})} = p(x_t \mid x_{1:t-1})",
    r"\frac{q(x_1, \cdots, x_T \vert x_0)}{q(x_{2:T} \vert x_0)} = 1",
    r"\frac{p(x_{0:T})}{p(y_{1:T} \mid x_0)} = p(x_0)",  # two letters
])
def test_pieces_that_do_not_meet_stay_apart(row: str) -> None:
    assert verdicts(row) != ["proved"]


def test_joined_is_an_identity_of_the_variables() -> None:
    x0, x1, rest, whole = (sp.Symbol(n, real=True) for n in ("x_0", "x_1", "x_2:T", "x_0:T"))
    assert joined({x0, x1, rest}) == {whole}
    assert joined({x0, rest}) == {x0, rest}
    assert joined({x0, sp.Symbol("x_1", positive=True)}) == {x0, sp.Symbol("x_1", positive=True)}  # two symbols
