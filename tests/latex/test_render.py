"""Rendering: textbook order, inert Markdown math, the .tex, .md and .json of a checked derivation."""

from __future__ import annotations

import json
import re

import pytest
import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import Derivation
from derivations.engine.notation import symbol
from derivations.engine.relations import EQUAL_IN_DISTRIBUTION, proportional_in
from derivations.latex import render
from derivations.latex.inert import inert, problems
from derivations.latex.layout import BUDGET, Row, block
from derivations.latex.printer import math
from derivations.latex.strings import md_strings
from derivations.latex.width import width
from tests.helpers import OUTPUT

x, mu, sigma, alpha_t = symbol("x"), symbol("mu"), symbol("sigma"), symbol("alpha_t")
x_0, x_t, x_tm1, eps = symbol("x_0"), symbol("x_t"), symbol("x_tm1"), symbol("eps")
alpha_bar_t, alpha_bar_tm1, beta_t = symbol("alpha_bar_t"), symbol("alpha_bar_tm1"), symbol("beta_t")
eps_tm1, eps_tm2, eps_bar = symbol("eps_tm1"), symbol("eps_tm2"), symbol("eps_bar_tm2")


@pytest.mark.parametrize(("expr", "latex"), [
    ((x - mu) / sigma, r"\frac{x - \mu}{\sigma}"),
    (sp.sqrt(alpha_t) * x_tm1, r"\sqrt{\alpha_{t}} \mathbf{x}_{t-1}"),
    (x_t - sp.sqrt(1 - alpha_bar_t) * eps, r"\mathbf{x}_{t} - \sqrt{1 - \bar{\alpha}_{t}} \boldsymbol{\epsilon}"),
    (2 * sp.E * sp.pi * sigma**2, r"2 \pi e \sigma^{2}"),
    (sp.log(1 / sp.sqrt(2 * sp.pi * sigma**2)), r"\log\left(\frac{1}{\sigma \sqrt{2 \pi}}\right)"),
    (sp.exp(-(x - mu) ** 2 / (2 * sigma**2)) / (sigma * sp.sqrt(2 * sp.pi)),
     r"\frac{1}{\sigma \sqrt{2 \pi}} \exp\left(- \frac{\left(x - \mu\right)^{2}}{2 \sigma^{2}}\right)"),
    (sp.sqrt(alpha_bar_tm1) * beta_t / (1 - alpha_bar_t) * x_0
     + sp.sqrt(alpha_t) * (1 - alpha_bar_tm1) / (1 - alpha_bar_t) * x_t,
     r"\frac{\sqrt{\bar{\alpha}_{t-1}} \beta_{t}}{1 - \bar{\alpha}_{t}} \mathbf{x}_{0} + "
     r"\frac{\sqrt{\alpha_{t}} \left(1 - \bar{\alpha}_{t-1}\right)}{1 - \bar{\alpha}_{t}} \mathbf{x}_{t}"),
    (NormalPDF(x_t, sp.sqrt(alpha_bar_t) * x_0, 1 - alpha_bar_t),
     r"\mathcal{N}\left(\mathbf{x}_{t}; \sqrt{\bar{\alpha}_{t}} \mathbf{x}_{0}, "
     r"\left(1 - \bar{\alpha}_{t}\right)\mathbf{I}\right)"),
    (NormalPDF(x, mu, sigma**2), r"\mathcal{N}\left(x; \mu, \sigma^{2}\right)"),
], ids=["x-minus-mu", "coefficient-first", "positive-first", "pi-before-e", "roots-merged", "eq6-exp-after",
        "ho-eq7-order", "vector-density-has-I", "scalar-density"])
def test_textbook_order_and_shapes(expr, latex):
    """Evaluated SymPy expressions print in the papers' order and shapes, never simplified."""
    assert math(expr) == latex


def test_a_display_keeps_the_authors_order():
    """An unevaluated display form prints in the order it was written."""
    shown = sp.Add(sp.Mul(-1, mu, evaluate=False), x, evaluate=False)
    assert math(shown) == r"- \mu + x"


@pytest.mark.parametrize(("latex", "shown"), [
    (r"a \\ b", r"a \cr b"), (r"D_{\mathrm{KL}}(P \,\|\, Q)", r"D _{\mathrm{KL}}(P \thinspace \Vert \thinspace Q)"),
    (r"\{x\}", r"\lbrace x\rbrace"), (r"\mu_{*}", r"\mu _{\ast }"), (r"0 < x", r"0 \lt x"), ("f'", r"f^{\prime}"),
    (r"\beta_t", r"\beta_t"), ("- a\n- b", "{-} a\n{-} b"),
    (r"\mathrm{q\_sample}", r"\mathrm{q\underline{\hphantom{n}}sample}"),
])
def test_inert_math_has_nothing_markdown_reads(latex, shown):
    """The Markdown spelling of math has no backslash before punctuation, no pairable underscore, no list start."""
    assert inert(latex) == shown
    assert problems(inert(latex)) == []
    assert problems(latex) != [] or latex == r"\beta_t"


def test_every_piece_of_math_in_the_committed_pages_is_inert():
    """Each $$ block and inline $...$ of output/*.md is inert: kramdown and Goldmark pass it as it is."""
    for path in sorted(OUTPUT.glob("*.md")):
        for string in md_strings(path.name, path.read_text(encoding="utf-8")):
            found = problems(string.latex, display=string.display)
            assert found == [], (string.id, found[:3])


@pytest.fixture(scope="module")
def checked():
    d = Derivation("demo", title="A demo of $x_t$", sources=("source 000, eq. (4)",))
    d.declare_normals(eps_tm1, eps_tm2, eps_bar)
    d.assume_positive(1 - alpha_t)
    d.start(sp.sqrt(alpha_t) * eps_tm2 + sp.sqrt(1 - alpha_t) * eps_tm1, lhs=r"\mathbf{x}_{t}",
            because="two noise terms", tag="3", heading="Merging noise", text="Two independent terms.")
    d.then(eps_bar, relation=EQUAL_IN_DISTRIBUTION, because=r"variances add: $\alpha_t + 1 - \alpha_t = 1$",
           tag="4")
    d.start(sp.exp(-((x - 1) ** 2)), lhs="p(x)", because="a density")
    d.then(sp.exp(-(x**2) + 2 * x), relation=proportional_in(x), because="drop a constant factor")
    d.slip(where="a line", source_line=x**2 + 1, corrected=(x + 1) ** 2, note="dropped 2x.")
    d.note("A note & 50% of it, in the forward_process derivation.")
    d.conclude(known=sp.exp(-(x**2) + 2 * x), source="nowhere, eq. (1)", lhs="p(x)")
    return d.check()


def test_tex_is_align_blocks_with_markers_tags_and_justifications(checked) -> None:
    """The .tex: one align* a chain, \\tag for the source's tags, a letter over each relation, the reasons listed."""
    tex = render.tex(checked)
    assert tex.count(r"\begin{align*}") == 2
    assert r"\tag{3}" in tex and r"\tag{4}" in tex
    assert r"&\overset{d,\,(b)}{=} \bar{\boldsymbol{\epsilon}}_{t-2} \tag{4}" in tex
    assert r"&\overset{(b)}{\propto} " in tex
    assert r"\item[(b)] variances add: $\alpha_t + 1 - \alpha_t = 1$" in tex
    assert r"\boxed{p(x) = " in tex and r"\text{" not in tex.split("% Notes")[0]


def test_md_rows_are_math_only_with_the_reasons_listed_under_the_block(checked) -> None:
    """The .md: $$ align* blocks, tags by \\tag, no \\text in a row, the reasons as a list; sources named."""
    md = render.md(checked)
    assert md.count(r"\begin{align*}") == 2 and md.count(r"\tag{") == 2
    assert "- (b) variances add: $\\alpha_t + 1 - \\alpha_t = 1$" in md
    assert "### Merging noise" in md and "Two independent terms." in md
    assert "From Kilaru (2025), eq. (4)." in md and "Sums of random variables and convolutions" in md
    assert "[The closed form of the forward process](forward_process.md)" in md
    assert "- A note & 50% of it" in md
    for string in md_strings("demo.md", md):
        assert r"\text{" not in string.latex or not string.display


def test_long_rows_are_broken_within_the_budget():
    """A right side wider than the column is broken before a + into rows that each fit."""
    terms = " + ".join(rf"\sqrt{{\alpha_{{{i}}}}} \mathbf{{x}}_{{{i}}}" for i in range(14))
    lines = block([Row(r"\mathbf{x}_{t}", r"\overset{(a)}{=}", terms, "2")])
    assert len(lines) > 1 and lines[-1].endswith(r"\tag{2}")
    assert all(width(line.replace("&", "")) <= BUDGET + 0.5 for line in lines)


def test_json_records_every_step_with_marker_outcome_and_srepr(checked) -> None:
    """The .json has each step's LaTeX, srepr, relation, marker, justification, tag and outcome, and the result."""
    data = json.loads(render.as_json(checked))
    assert [s["relation"] for s in data["steps"]] == [
        "definition", "equal in distribution", "definition", "proportional in x"]
    assert [s["marker"] for s in data["steps"]] == ["a", "b", "a", "b"]
    assert [s["outcome"]["status"] for s in data["steps"]] == ["stated", "proved", "stated", "proved"]
    assert sp.sympify(data["steps"][1]["srepr"]) == eps_bar
    assert data["known_result"]["outcome"]["status"] == "proved"
    assert data["slips"][0]["outcome"]["status"] == "refuted"
    assert data["summary"] == {"steps": 4, "proved": 2, "stated": 2}


def test_text_format_marks_each_step(checked) -> None:
    """The terminal format shows a mark a step and how it was proved."""
    text = render.text(checked)
    assert "✓ step 2 (4) =ᵈ" in text and "· step 1 (3) =" in text
    assert "proved (same mean" in text


def test_notebook_shows_one_display_per_chain_and_a_failed_step_with_residual() -> None:
    """In Jupyter: a display per chain (never one display for all), a refuted step marked with its residual."""
    d = Derivation("nb", title="t")
    d.start((x + 1) ** 2, lhs="f", because="definition")
    d.then(x**2 + 1, because="expand")
    d.start(x, lhs="g", because="definition")
    latex = d._repr_latex_()
    assert latex.count("$$\n\\begin{aligned}") == 2 and r"\\[1em]" not in latex
    assert r"\times" in latex and r"\text{refuted: residual } 2 x" in latex
    assert all(len(block) < 5000 for block in re.findall(r"\$\$.*?\$\$", latex, re.DOTALL))


def test_a_bound_and_a_limit_are_printed_as_themselves_never_as_equalities() -> None:
    """Jensen's <= and a limit's arrow keep their relation (a page once showed them as '=')."""
    from derivations.engine.expectation_rules import bound
    from derivations.engine.limits import limit_as

    n, t = sp.Symbol("n", positive=True), sp.Symbol("t", real=True)
    d = Derivation("relations_printed", "Relations")
    d.start(n * sp.log(sp.cos(t / sp.sqrt(n))), lhs="f(n)", because="the definition")
    d.then(-t**2 / 2, relation=limit_as(n), because="the series in 1/n")
    d.then(-t**2 / 2 + 1, relation=bound("adding 1"), because="a bound")
    page = render.md(d.verify())
    assert r"\overset{(b)}{\xrightarrow{n \to \infty}}" in page and r"\overset{(c)}{\le}" in page
    assert page.count(r"{=}") == 1  # f(n) = ..., the definition


def test_no_page_holds_a_liquid_tag() -> None:
    """Jekyll runs Liquid over the whole page, math included: '{{' and '{%' break the build."""
    assert inert(r"\frac{{X}_i}{2}") == r"\frac{ {X}_i}{2}"
    for path in sorted(OUTPUT.glob("*.md")):
        assert "{{" not in path.read_text(encoding="utf-8") and "{%" not in path.read_text(encoding="utf-8"), path.name
