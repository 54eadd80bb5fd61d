"""Finding display math with a Markdown parser, and splitting blocks into rows and steps."""

from __future__ import annotations

import pytest

from derivations.lint.extract import extract, front_matter_lists
from derivations.lint.steps import parse_rows, split_rows

POST = r"""---
title: t
derivations: {normal: [eps, eps_tm1], positive: [k]}
---

Inline $a = b$ is not display math, nor `$$c = d$$`, nor \$$e = f\$$.

$$x = 1$$

```
$$
y = 2
$$
```

    $$ indented code = 3 $$

\[
z = 4
\]

\begin{equation}
w = 5
\end{equation}

A paragraph with $$u = 6$$ inside.
"""


def test_display_blocks_are_found_with_their_lines() -> None:
    """$$..$$, \\[..\\], equation and $$..$$ in a paragraph are found at their lines; code is skipped."""
    blocks = extract(POST).blocks
    assert [(b.line, b.content.strip()) for b in blocks] == [
        (8, "x = 1"), (18, "z = 4"), (22, r"\begin{equation}" "\nw = 5\n" r"\end{equation}"), (26, "u = 6"),
    ]
    assert [parse_rows(b.content, b.line)[0].line for b in blocks] == [8, 19, 23, 26]


def test_front_matter_lists_are_read_without_evaluating_anything() -> None:
    """The derivations: key's lists are read (flow and block style); other keys are ignored."""
    expected = {"normal": ("eps", "eps_tm1"), "positive": ("k",)}
    assert front_matter_lists(extract(POST).front_matter) == expected
    block = "title: x\nderivations:\n  normal: ['a', b]\nother: [c]\n"
    assert front_matter_lists(block) == {"normal": ("a", "b")}
    assert front_matter_lists("title: x") == {}


def test_rows_of_an_aligned_block_keep_their_lines() -> None:
    r"""Rows split at \\ keep the line each starts on; environment markers are dropped."""
    content = "\n\\begin{align}\na &= b \\\\\n&= c \\\\\n\n&= d\n\\end{align}\n"
    assert split_rows(content, 10) == [(12, "a &= b"), (13, "&= c"), (15, "&= d")]


def test_rows_become_heads_and_relations() -> None:
    r"""'&=' rows continue, bare rows have no relation, \propto and \approx are relations."""
    rows = parse_rows(r"a &= b \\ &\propto c \\ &\approx d \\ & e", 1)
    assert [(r.head, r.links, r.continues) for r in rows] == [
        ("a", (("=", "b"),), False), ("", ((r"\propto", "c"),), True),
        ("", ((r"\approx", "d"),), True), ("e", (), False),
    ]


def test_quad_separates_two_equations_on_one_row() -> None:
    r"""'g_1(t) = .. \qquad g_2(t) = ..' is two fresh rows; '\quad' inside one expression is not."""
    two = parse_rows(r"g_1(t) = a \qquad g_2(t) = b", 1)
    assert [(r.head, r.fresh) for r in two] == [("g_1(t)", True), ("g_2(t)", True)]
    assert len(parse_rows(r"a = b \quad c", 1)) == 1


def test_implication_row_holds_both_equations() -> None:
    r"""A row 'P \implies Q' is one implication of two equations."""
    (row,) = parse_rows(r"a = b \implies c = d", 1)
    first, second = row.implication
    assert (first.head, first.links, second.head, second.links) == ("a", (("=", "b"),), "c", (("=", "d"),))


def test_relations_inside_parentheses_do_not_split_a_row() -> None:
    r"""'\mathcal{N}(x; \mu_t = m, ...)' keeps its inner '=' (only top-level relations split)."""
    (row,) = parse_rows(r"q(x) = \mathcal{N}(x; \mu_t = m, s)", 1)
    assert row.head == "q(x)" and len(row.links) == 1


@pytest.mark.parametrize(
    "head, label",
    [("g(x)", True), ("g_1(t)", True), (r"q(\mathbf{x}_t|\mathbf{x}_0)", True), ("x_t", True),
     ("B(x-C)", False), (r"\mathcal{N}(x; 0, 1)", False), ("(a+b)(c)", False), ("a + b", False)],
)
def test_labels_are_names_densities_and_functions_of_names(head: str, label: bool) -> None:
    """g(x), q(x|y) and a lone name label a chain (a definition); B(x-C), N(x; ...) and (a+b)(c) are expressions."""
    from derivations.latex.scope import Scope
    from derivations.lint.context import Post
    from derivations.lint.heads import is_label as _is_label

    assert _is_label(head, Post(Scope()).read(head)) is label


def test_a_definition_is_not_shifted_to_another_index() -> None:
    r"""\beta_t = t/T defines beta_t only: beta_{t-1} stays free (shifting t in subscripts only was a misreading)."""
    from derivations.lint import lint_text

    text = "$$\\beta_t = t/T$$\n\n$$\\beta_t - \\beta_{t-1} = 0$$\n"
    assert all(step.status.value != "proved" for step in lint_text(text).steps)
