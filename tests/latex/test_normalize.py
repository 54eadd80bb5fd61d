"""The linter's table of LaTeX normalisations: every row does what its example says."""

from __future__ import annotations

import pytest

from derivations.latex.normalize import NORMALISATIONS, group_end, normalise


@pytest.mark.parametrize("rule", NORMALISATIONS, ids=[rule.name for rule in NORMALISATIONS])
def test_each_normalisation_turns_its_example_into_the_expected_text(rule) -> None:
    """Each rule of the table, applied alone, maps its example to its expected text."""
    assert rule.apply(rule.example) == rule.expected


def test_the_table_names_are_unique() -> None:
    """One name per rule, so a failing rule is identified by its test id."""
    names = [rule.name for rule in NORMALISATIONS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "raw, expected",
    [
        (r"\mathbf{x}_t=\sqrt{1-\beta_t}\mathbf{x}_{t-1},\tag{2}", r"x_{t}=\sqrt{1-\beta_{t}}x_{t-1}"),
        (r"\exp{\left(-B t^2\right)}", r"\exp(-B t^{2})"),
        (r"e^{- \left( a \right)^2 } dt", r"\exp(- ( a )^{2} ) dt"),
        (r"\bar\alpha_t\quad\boldsymbol\epsilon.", r"\bar{\alpha}_{t} \epsilon"),
        (r"\displaystyle\frac{1}{\sigma\sqrt{2\pi}}", r"\frac{1}{\sigma\sqrt{2\pi}}"),
        (r"\mathcal N(x; \mu, \sigma^2)", r"\mathcal{N}(x, \mu, \sigma^{2})"),
        (r"2\sigma_1^2 2\sigma_2^2", r"2\sigma_{1}^{2} 2\sigma_{2}^{2}"),
    ],
    ids=["tag-bold-comma", "exp-left-right", "euler-power", "accent-quad-period", "displaystyle",
         "mathcal-semicolon", "single-token-exponents"],
)
def test_whole_table_on_lines_from_posts(raw: str, expected: str) -> None:
    """The whole table, in order, on lines written as posts write them."""
    assert normalise(raw) == expected


def test_euler_power_keeps_nested_braces_whole() -> None:
    r"""``e^{...}`` with nested braces becomes one ``\exp(...)``, not a truncated one."""
    assert normalise(r"e^{\frac{b^2}{4a}} x") == r"\exp(\frac{b^{2}}{4a}) x"


def test_group_end_finds_the_matching_brace() -> None:
    """group_end skips nested groups and reports an unbalanced group as -1."""
    assert group_end("{a{b}c}d", 0) == 7
    assert group_end("{a{b}", 0) == -1
