"""Tests for derivations.code.typeset: latexify-py output in the derivations' notation, exact strings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from derivations.code import reference
from derivations.code import typeset as typeset_code
from derivations.latex.inert import inert

EXPECTED = {
    "q_sample": (
        r"\mathrm{q\_sample}(\mathbf{x}_{0}, t, \boldsymbol{\epsilon}, \bar{\alpha}) = "
        r"\sqrt{ \bar{\alpha}_{t} } \cdot \mathbf{x}_{0} + "
        r"\sqrt{ 1 - \bar{\alpha}_{t} } \cdot \boldsymbol{\epsilon}"),
    "forward_step": (
        r"\mathrm{forward\_step}(\mathbf{x}_{t-1}, t, \boldsymbol{\epsilon}, \beta) = "
        r"\sqrt{ 1 - \beta_{t} } \cdot \mathbf{x}_{t-1} + \sqrt{ \beta_{t} } \cdot \boldsymbol{\epsilon}"),
    "kl_normal": (
        r"\mathrm{kl\_normal}(\mu_{1}, \sigma_{1}^{2}, \mu_{2}, \sigma_{2}^{2}) = "
        r"\frac{\log \mathopen{}\left( \frac{\sigma_{2}^{2}}{\sigma_{1}^{2}} \mathclose{}\right)}{2} + "
        r"\frac{\sigma_{1}^{2} + \mathopen{}\left( \mu_{1} - \mu_{2} \mathclose{}\right)^{2}}"
        r"{2 \sigma_{2}^{2}} "
        r"- \frac{1}{2}"),
    "posterior_variance": (
        r"\begin{array}{l} \beta_{t} = 1 - \frac{\bar{\alpha}_{t}}{\bar{\alpha}_{t - 1}} \\ "
        r"\mathrm{posterior\_variance}(t, \bar{\alpha}) = "
        r"\frac{1 - \bar{\alpha}_{t - 1}}{1 - \bar{\alpha}_{t}} \cdot \beta_{t} \end{array}"),
    "posterior_mean_from_eps": (
        r"\begin{array}{l} \alpha_{t} = \frac{\bar{\alpha}_{t}}{\bar{\alpha}_{t - 1}} \\ "
        r"\beta_{t} = 1 - \alpha_{t} \\ "
        r"\mathrm{posterior\_mean\_from\_eps}(\mathbf{x}_{t}, t, \boldsymbol{\epsilon}, \bar{\alpha}) = "
        r"\frac{\mathbf{x}_{t} - \frac{\beta_{t}}{\sqrt{ 1 - \bar{\alpha}_{t} }} \cdot \boldsymbol{\epsilon}}"
        r"{\sqrt{ \alpha_{t} }} \end{array}"),
    "normal_pdf": (
        r"\mathrm{normal\_pdf}(x, \mu, \sigma^{2}) = "
        r"\frac{\exp \mathopen{}\left( \frac{-\mathopen{}\left( x - \mu "
        r"\mathclose{}\right)^{2}}{2 \sigma^{2}} \mathclose{}\right)}{\sqrt{ 2 \pi \cdot \sigma^{2} }}"),
}


@pytest.mark.parametrize("name", list(EXPECTED), ids=list(EXPECTED))
def test_implementation_typesets_in_the_papers_notation(name):
    """The typeset code is exactly the expected LaTeX, with the derivations' symbols."""
    assert typeset_code.implementations_latex()[name] == EXPECTED[name]


def test_no_code_name_leaks_into_the_math():
    """No argument or variable is left as \\mathrm{name}: only function names (and array helpers) are."""
    allowed = set(typeset_code.implementations()) | {"linspace", "arange", "float64", "cumprod", "asarray",
                                                     "concatenate", "minimum", "max_beta"}
    for name, latex in typeset_code.implementations_latex().items():
        for token in re.findall(r"\\mathrm\{((?:[A-Za-z0-9]|\\_)+)\}", latex):
            assert token.replace(r"\_", "_") in allowed, (name, token)


@pytest.mark.parametrize(("latex", "expected"), [
    (r"\mathrm{alpha\_bar}_{t}", r"\bar{\alpha}_{t}"),
    (r"\mathrm{x\_tm1}", r"\mathbf{x}_{t-1}"),
    (r"\mathrm{var\_1}^{2}", r"{\sigma_{1}^{2}}^{2}"),
    (r"\mathrm{x\_0}_{i}", r"{\mathbf{x}_{0}}_{i}"),
    (r"\mathrm{var\_1} + \mathrm{unknown\_name}", r"\sigma_{1}^{2} + \mathrm{unknown\_name}"),
], ids=["subscripted-array", "table-symbol", "no-double-superscript", "no-double-subscript",
     "unknown-left-alone"])
def test_rename_maps_whole_tokens(latex, expected):
    """rename replaces whole \\mathrm tokens from the one table, braces powers, leaves unknown names."""
    assert typeset_code.rename(latex) == expected


def test_untypesettable_function_is_reported_with_latexify_reason(monkeypatch):
    """A function with a slice (latexify-py cannot typeset it) is listed with the reason, not dropped."""
    def sliced(alpha_bar):
        return 1 - alpha_bar[1:] / alpha_bar[:-1]
    monkeypatch.setattr(typeset_code, "implementations", lambda: {"sliced": sliced})
    assert typeset_code.implementations_latex() == {}
    reason = typeset_code.not_typeset()["sliced"]
    assert re.fullmatch(r"latexify-py 0\.4\.\d+ cannot typeset it: .*Slice.*", reason)


def test_every_proved_result_is_typeset():
    """Each function of reference.__all__ and each schedule function has LaTeX."""
    names = [n for n in reference.__all__ if n != "schedules"] + list(reference.SCHEDULE_FUNCTIONS)
    assert sorted(typeset_code.implementations_latex()) == sorted(names)


def test_code_files_are_deterministic_and_complete():
    """code.md and code.tex are the same on two calls and contain every implementation's code and LaTeX."""
    first, second = typeset_code.code_files(), typeset_code.code_files()
    assert first == second and sorted(first) == ["code.md", "code.tex"]
    for name, latex in typeset_code.implementations_latex().items():
        assert f"### `{name}`" in first["code.md"] and inert(latex) in first["code.md"]
        assert f"def {name}(" in first["code.tex"] and latex in first["code.tex"]
    assert first["code.tex"].rstrip().endswith(r"\end{document}")


def test_code_section_rejects_an_unknown_format():
    """Only 'md' and 'tex' are formats."""
    with pytest.raises(ValueError, match=r"^unknown format 'html'; expected 'md' or 'tex'$"):
        typeset_code.code_section("html")


@pytest.mark.parametrize("name", ["code.md", "code.tex"])
def test_committed_code_output_is_current(name):
    """output/code.md and code.tex are what code_files() generates now (regenerate: `derivations run`)."""
    path = Path(__file__).resolve().parents[2] / "output" / name
    if not path.exists():
        pytest.skip(f"{path} not generated yet")
    assert path.read_text(encoding="utf-8") == typeset_code.code_files()[name]
