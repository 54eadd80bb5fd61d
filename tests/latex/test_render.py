"""Rendering: the .tex, .md and .json of a checked derivation have the promised shape."""

from __future__ import annotations

import json

import pytest
import sympy as sp

from derivations.engine.derivation import Derivation
from derivations.engine.notation import symbol
from derivations.engine.relations import EQUAL_IN_DISTRIBUTION, proportional_in
from derivations.latex import render

x, alpha_t = symbol("x"), symbol("alpha_t")
eps_tm1, eps_tm2, eps_bar = symbol("eps_tm1"), symbol("eps_tm2"), symbol("eps_bar_tm2")


@pytest.fixture(scope="module")
def checked():
    d = Derivation("demo", title="A demo", sources=("source 000, eq. (4)",))
    d.declare_normals(eps_tm1, eps_tm2, eps_bar)
    d.assume_positive(1 - alpha_t)
    d.start(sp.sqrt(alpha_t) * eps_tm2 + sp.sqrt(1 - alpha_t) * eps_tm1, lhs=r"\mathbf{x}_{t}",
            because="two noise terms", tag="3", heading="Merging noise", text="Two independent terms.")
    d.then(eps_bar, relation=EQUAL_IN_DISTRIBUTION, because=r"variances add: $\alpha_t + 1 - \alpha_t = 1$",
           tag="4")
    d.start(sp.exp(-((x - 1) ** 2)), lhs="p(x)", because="a density")
    d.then(sp.exp(-(x**2) + 2 * x), relation=proportional_in(x), because="drop a constant factor")
    d.slip(where="a line", source_line=x**2 + 1, corrected=(x + 1) ** 2, note="dropped 2x.")
    d.note("A note & 50% of it.")
    d.conclude(known=sp.exp(-(x**2) + 2 * x), source="nowhere, eq. (1)", lhs="p(x)")
    return d.check()


def test_tex_is_align_blocks_with_tags_and_a_boxed_result(checked) -> None:
    """The .tex has one align* a chain, \\tag for the source's tags, and a boxed result."""
    tex = render.tex(checked)
    assert tex.count(r"\begin{align*}") == 2
    assert r"\tag{3}" in tex and r"\tag{4}" in tex
    assert r"&\overset{d}{=} \bar{\boldsymbol{\epsilon}}_{t-2}" in tex
    assert r"&\propto " in tex
    assert r"\text{variances add: } \alpha_t + 1 - \alpha_t = 1" in tex
    assert r"\boxed{p(x) = " in tex
    assert "% Slip in the source (a line): dropped 2x. The source's line is refuted: refuted" in tex


def test_md_uses_aligned_without_tag(checked) -> None:
    """The .md has $$ aligned blocks, tags as plain (3), no \\tag (KaTeX rejects it in aligned)."""
    md = render.md(checked)
    assert md.count(r"\begin{aligned}") == 2 and r"\tag" not in md
    assert r"\qquad (3)" in md
    assert "### Merging noise" in md and "Two independent terms." in md
    assert "- A note & 50% of it." in md


def test_json_records_every_step_with_outcome_and_srepr(checked) -> None:
    """The .json has each step's LaTeX, srepr, relation, justification, tag and outcome, and the result."""
    data = json.loads(render.as_json(checked))
    assert [s["relation"] for s in data["steps"]] == [
        "definition", "equal in distribution", "definition", "proportional in x"]
    assert [s["outcome"]["status"] for s in data["steps"]] == ["stated", "proved", "stated", "proved"]
    assert sp.sympify(data["steps"][1]["srepr"]) == eps_bar
    assert data["known_result"]["source"] == "nowhere, eq. (1)"
    assert data["known_result"]["outcome"]["status"] == "proved"
    assert data["slips"][0]["outcome"]["status"] == "refuted"
    assert data["summary"] == {"steps": 4, "proved": 2, "stated": 2}


def test_text_specials_stay_outside_text() -> None:
    """LaTeX specials in prose go outside \\text{...} (MathJax shows escapes inside it); $...$ stays math."""
    assert render.text_to_latex("50% & $x_1$ #2") == r"\text{50} \% \text{ } \& \text{ } x_1 \text{ } \# \text{2}"
    assert render.text_to_latex("a_b") == r"\text{a} \_ \text{b}"


def test_text_format_marks_each_step(checked) -> None:
    """The terminal format shows a mark a step and how it was proved."""
    text = render.text(checked)
    assert "✓ step 2 (4) =ᵈ" in text and "· step 1 (3) =" in text
    assert "proved (same mean" in text


def test_notebook_latex_shows_failed_step_with_residual() -> None:
    """In Jupyter, a refuted step is marked and its residual shown."""
    d = Derivation("nb", title="t")
    d.start((x + 1) ** 2, lhs="f", because="definition")
    d.then(x**2 + 1, because="expand")
    latex = d._repr_latex_()
    assert latex.startswith("$$") and r"\times" in latex
    assert r"\text{refuted: residual } 2 x" in latex
