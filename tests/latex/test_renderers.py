"""Every LaTeX string the project emits renders in KaTeX and in MathJax 3 (the real renderers, via node).

The renderers are pinned in package.json / package-lock.json and installed with ``npm ci``;
``.ci/run`` installs them, so in CI these tests run. They are skipped only when
``node_modules`` is absent (a developer who has not run ``npm ci``).
"""

from __future__ import annotations

import json

import pytest
import sympy as sp

from derivations.engine.derivation import Derivation
from derivations.engine.notation import symbol
from derivations.latex import render
from derivations.latex import strings as latex_strings
from derivations.latex.strings import LatexString

RENDERERS = ("katex", "mathjax")
needs_renderers = pytest.mark.skipif(
    not latex_strings.renderers_installed(),
    reason="node_modules absent: run `npm ci` at the repository root (KaTeX and MathJax pinned in "
           "package-lock.json); CI installs them")

#: Strings each renderer must reject: unbalanced braces, an undefined macro, an unclosed environment.
BROKEN = {
    "unbalanced-brace": r"\frac{1}{2",
    "undefined-macro": r"\sigmaa_{1}^{2}",
    "unclosed-aligned": r"\begin{aligned} a &= b \\ c &= d",
    "missing-argument": r"\sqrt",
}


@pytest.fixture(scope="module")
def emitted() -> list[LatexString]:
    return latex_strings.collect()


@pytest.fixture(scope="module")
def emitted_report(emitted: list[LatexString]) -> dict:
    return latex_strings.render_check(emitted)


def _mini_derivation():
    """A small checked derivation using every construct render.py emits: lhs, tags, display, boxed result."""
    s_1, s_2, x = symbol("sigma_1"), symbol("sigma_2"), symbol("x")
    d = Derivation("mini", title="Mini", sources=("test",))
    d.start((s_1**2 + s_2**2) ** 2, lhs=r"v^{2}", because=r"square of $v = \sigma_1^2 + \sigma_2^2$",
            heading="Square", text="Expand $v^2$.")
    d.then(s_1**4 + 2 * s_1**2 * s_2**2 + s_2**4, because="expand", tag="2")
    d.then(s_1**4 + 2 * s_1**2 * s_2**2 + s_2**4, because="textbook order", tag="3",
           display=sp.Add(s_1**4, 2 * s_1**2 * s_2**2, s_2**4, evaluate=False))
    d.start(sp.exp(-x**2 / (2 * (s_1**2 + s_2**2))), lhs=r"\mathcal{N}(x; 0, v)\sqrt{2\pi v}",
            because="the density's exponent")
    d.slip(where="test", source_line=s_1**2 - s_2**2, corrected=s_1**2 + s_2**2, note="a sign.")
    d.conclude(known=sp.exp(-x**2 / (2 * s_1**2 + 2 * s_2**2)), source="test",
               lhs=r"\mathcal{N}(x; 0, v)\sqrt{2\pi v}")
    return d


def test_collect_finds_md_blocks_inline_math_and_skips_code():
    """The collector takes each $$ block and inline $...$ of a .md file, but nothing inside code fences."""
    text = ("# T\n\nSee $a^2$ and $b$.\n\n$$\n\\begin{aligned}\na &= b\n\\end{aligned}\n$$\n\n"
            "```\n$$\nno\n$$\n```\n")
    found = latex_strings.strings_from_text("x.md", text)
    assert [(s.id, s.latex, s.display) for s in found] == [
        ("x.md#line3.1", "a^2", False), ("x.md#line3.2", "b", False),
        ("x.md#block1", "\\begin{aligned}\na &= b\n\\end{aligned}", True)]


def test_collect_finds_tex_environments_whole():
    """The collector takes each align* and equation* environment of a .tex file, delimiters included."""
    text = ("% c\n\\begin{align*}\na &= b \\tag{1}\n\\end{align*}\n\n"
            "\\begin{equation*}\n\\boxed{a}\n\\end{equation*}\n")
    found = latex_strings.strings_from_text("x.tex", text)
    assert [s.id for s in found] == ["x.tex#align*1", "x.tex#equation*2"]
    assert found[0].latex == "\\begin{align*}\na &= b \\tag{1}\n\\end{align*}"


def test_collect_finds_every_latex_field_of_the_json():
    """Each step's latex and lhs, the result, the known result and the slips' two lines are collected."""
    checked = _mini_derivation().check()
    found = {s.id for s in latex_strings.strings_from_text("mini.json", render.as_json(checked))}
    assert {"mini.json#step1.lhs", "mini.json#step1.latex", "mini.json#step4.lhs", "mini.json#result",
            "mini.json#known_result", "mini.json#slip1.source_line", "mini.json#slip1.corrected"} <= found
    assert "mini.json#step2.lhs" not in found  # a continuation line has no lhs


def test_collect_reads_a_folder_and_leaves_out_the_pdflatex_document(tmp_path):
    """collect() reads each .md/.tex/.json of a folder, but not derivations.tex (pdflatex checks that one)."""
    block = "\\begin{equation*}\nx\n\\end{equation*}\n"
    (tmp_path / "a.tex").write_text(block)
    (tmp_path / "derivations.tex").write_text(block)
    (tmp_path / "notes.txt").write_text("$$\nx\n$$\n")
    assert [s.id for s in latex_strings.collect(tmp_path)] == ["a.tex#equation*1"]


def test_output_folder_has_latex_strings(emitted):
    """The committed output/ yields LaTeX strings from .md, .tex and .json files (none would be a defect)."""
    kinds = {s.id.split("#")[0].rsplit(".", 1)[1] for s in emitted}
    assert {"md", "tex", "json"} <= kinds


@needs_renderers
@pytest.mark.parametrize("renderer", RENDERERS)
def test_every_emitted_string_renders(emitted_report, emitted, renderer):
    """Every string of output/ renders without error in KaTeX and in MathJax 3."""
    assert emitted_report["count"] == len(emitted)
    assert latex_strings.failures(emitted_report)[renderer] == []


@needs_renderers
@pytest.mark.parametrize("renderer", RENDERERS)
def test_render_py_forms_render(renderer):
    """What render.py emits for a derivation (md, tex, json of a small one) renders in both renderers."""
    checked = _mini_derivation().check()
    strings = [s for ext, fmt in render.FILE_FORMATS.items()
               for s in latex_strings.strings_from_text(f"mini.{ext}", fmt(checked))]
    report = latex_strings.render_check(strings)
    assert report["count"] == len(strings) > 10
    assert latex_strings.failures(report)[renderer] == []


@needs_renderers
def test_broken_latex_is_caught_by_each_renderer():
    """A deliberately broken string fails in KaTeX and in MathJax: the check can fail."""
    strings = [LatexString(key, latex) for key, latex in BROKEN.items()]
    report = latex_strings.render_check(strings)
    for renderer in RENDERERS:
        failed = {f["id"] for f in report[renderer]["failures"]}
        assert failed == set(BROKEN), renderer


@needs_renderers
def test_one_broken_string_among_good_ones_is_named():
    """A single bad string among good ones is reported by id, the good ones are not."""
    strings = [LatexString("good", r"\boxed{x = 1}"), LatexString("bad", r"\frac{1}{"),
               LatexString("inline", r"\sigma_{1}", display=False)]
    report = latex_strings.render_check(strings)
    assert [f["id"] for f in report["katex"]["failures"]] == ["bad"]
    assert [f["id"] for f in report["mathjax"]["failures"]] == ["bad"]


# --- where the renderers differ (why render.py emits what it emits) ------------------------

DIFFERENCES = {
    # id: (latex, fails in KaTeX, fails in MathJax)
    "tag-in-aligned": (r"\begin{aligned} a &= b \tag{1} \\ c &= d \end{aligned}", False, True),
    "two-tags-in-aligned": (r"\begin{aligned} a &= b \tag{1} \\ c &= d \tag{2} \end{aligned}", True, True),
    "tag-in-align*": (r"\begin{align*} a &= b \tag{1} \\ c &= d \tag{2} \end{align*}", False, False),
    "qquad-number": (r"\begin{aligned} a &= b && \text{why} \qquad (1) \end{aligned}", False, False),
    "label": (r"a = b \label{eq:a}", True, False),
    "eqref": (r"a = b \quad \eqref{eq:a}", True, False),
    "boxed": (r"\boxed{a = b}", False, False),
    "overset": (r"a \overset{d}{=} b", False, False),
    "mathrm": (r"D_{\mathrm{KL}}(P \,\|\, Q)", False, False),
    "text-with-math": (r"\text{with $x$ inside}", False, False),
    "bm": (r"\bm{\epsilon}", False, True),
    "boldsymbol": (r"\boldsymbol{\epsilon}", False, False),
    "backslash-in-text": (r"\text{a\backslash{}b}", True, True),
    "escapes-in-text": (r"\text{50\% of a \& b}", False, True),
    "escapes-as-math": (r"\text{50}\%\text{ of a }\&\text{ b}", False, False),
}


@needs_renderers
def test_renderer_differences_are_as_documented():
    """KaTeX and MathJax accept and reject exactly the constructs listed in DIFFERENCES."""
    strings = [LatexString(key, latex) for key, (latex, _, _) in DIFFERENCES.items()]
    report = latex_strings.render_check(strings)
    failed = {r: {f["id"] for f in report[r]["failures"]} for r in RENDERERS}
    assert failed["katex"] == {k for k, (_, katex, _) in DIFFERENCES.items() if katex}
    assert failed["mathjax"] == {k for k, (_, _, mathjax) in DIFFERENCES.items() if mathjax}


@needs_renderers
def test_report_names_pinned_versions():
    """The report names the renderer versions, which are the ones pinned in package.json."""
    pinned = json.loads((latex_strings.ROOT / "package.json").read_text())["devDependencies"]
    report = latex_strings.render_check([LatexString("x", "x")])
    assert report["katex"]["version"] == pinned["katex"]
    assert report["mathjax"]["version"] == pinned["mathjax-full"]
