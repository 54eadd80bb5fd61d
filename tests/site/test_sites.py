"""output/*.md pasted into default Jekyll (kramdown, MathJax 3) and Hugo (Goldmark, KaTeX), in Chromium.

For every page on every site: no render error, no raw LaTeX left in the text, the math each
renderer receives is the math the Markdown wrote, no display block wider than the 740 px
column, and every equation number inside the column, clear of its equation. With
``SITE_SCREENSHOTS=1`` screenshots of every page are written to ``tests/site/screenshots/``
(ignored by git) for a person to look at.
"""

from __future__ import annotations

import re

import pytest

from derivations.latex.strings import md_strings
from tests.site import sites
from tests.site.conftest import SITES

PAGES = sorted(sites.pages())
CASES = [(site, page) for site in SITES for page in PAGES]
#: What raw LaTeX looks like in a page's text: a command, a dollar, a brace after a script sign.
RAW = re.compile(r"\\[A-Za-z]+|\$|[_^]\{")


def _normal(tex: str) -> str:
    return " ".join(tex.split())


def _ids(case: tuple[str, str]) -> str:
    return "/".join(case)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_no_render_error(reports, case):
    """The renderer (MathJax 3 on Jekyll, KaTeX on Hugo) reports no error on the page."""
    assert reports[case]["errors"] == []


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_no_raw_latex_in_the_text(reports, case):
    """Outside the typeset math (and code), the page text holds no LaTeX: nothing was left unrendered."""
    text = reports[case]["text"]
    assert RAW.findall(text) == [], [line for line in text.splitlines() if RAW.search(line)][:5]


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_renderer_receives_the_math_the_markdown_wrote(reports, case):
    """Every $$ block and inline $...$ of the Markdown reaches the renderer unchanged, in order."""
    site, page = case
    text = (sites.OUTPUT / f"{page}.md").read_text(encoding="utf-8")
    wrote = [(_normal(s.latex), s.display) for s in md_strings(page, text)]
    received = [(_normal(s["tex"]), s["display"]) for s in reports[case]["sources"]]
    assert received == wrote


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_no_display_wider_than_the_column(reports, case):
    """Each display block's math is at most 740 px wide (the blog column), and nothing overflows."""
    report = reports[case]
    wide = [round(d["width"]) for d in report["displays"] if d["width"] > sites.COLUMN]
    assert wide == []
    assert all(d["overflow"] <= 4 for d in report["displays"])  # KaTeX's tag box adds 2 px


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_equation_numbers_inside_the_column(reports, case):
    """Each equation number is inside the column, at its right margin, and clear of its equation."""
    report = reports[case]
    column = report["column"]
    for display in report["displays"]:
        for tag in display["tags"]:
            assert column["left"] - 1 <= tag["left"] and tag["right"] <= column["right"] + 1, (tag, column)
            assert tag["right"] >= column["right"] - 40, (tag, column)
            assert tag["left"] >= display["right"], (tag, display)


def test_every_page_has_tagged_equations_measured(reports):
    """The measurement sees the tags (so the margin test is not vacuous): the pages with tags have them."""
    for site in SITES:
        assert any(d["tags"] for d in reports[(site, "forward_process")]["displays"]), site
