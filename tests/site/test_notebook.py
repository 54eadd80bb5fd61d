"""The Jupyter display of a derivation renders in MathJax 2, MathJax 3 and KaTeX (headless Chromium).

A derivation's ``_repr_latex_`` is one string: per chain, a heading, its ``$$`` displays and its
justifications. It is put into a page the way each front end does and typeset there:

* MathJax 2.7 (classic Notebook, nbconvert's HTML): the TeX input with AMS, ``$`` for inline math;
  its 5 kB buffer must not overflow;
* MathJax 3 (JupyterLab), from ``mathjax-full``;
* KaTeX with auto-render (VS Code renders notebook LaTeX with KaTeX).
"""

from __future__ import annotations

import html
import re
import tempfile
from pathlib import Path

import pytest

from derivations import registry
from derivations.latex import render  # noqa: F401 - installs the Jupyter display
from tests.helpers import derived
from tests.site import browser, sites

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">HEAD</head>
<body><main style="max-width: 900px">DIVS</main>
<script>for (const [name, text] of Object.entries(JSON_TEXTS)) {
  document.getElementById('out-' + name).textContent = text; }</script>TAIL</body></html>"""
#: The name of the display an element is in (``null`` outside every display): errors are told apart by it.
OWNER = "const owner = e => (e && e.closest && e.closest('.out')) ? e.closest('.out').dataset.name : null;"
MATHJAX2 = ("""<script type="text/x-mathjax-config">
window.__errors = [];
OWNER
MathJax.Hub.Config({ jax: ["input/TeX", "output/CommonHTML"], extensions: ["tex2jax.js"],
  tex2jax: { inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], processEscapes: true },
  TeX: { extensions: ["AMSmath.js", "AMSsymbols.js"] }, messageStyle: "none" });
MathJax.Hub.Register.MessageHook("TeX Jax - parse error",
  m => window.__errors.push({name: owner(m[4]), error: String(m[1])}));
MathJax.Hub.Register.MessageHook("Math Processing Error",
  m => window.__errors.push({name: owner(m[1]), error: String(m[2] || m[1])}));
</script>""".replace("OWNER", OWNER), """<script src="/assets/mathjax2/MathJax.js"></script>
<script>MathJax.Hub.Queue(() => { window.__done = true; });</script>""")
MATHJAX3 = ("""<script>window.MathJax = { tex: { inlineMath: [['$', '$'], ['\\\\(', '\\\\)']] },
  startup: { pageReady: () => MathJax.startup.defaultPageReady().then(() => { window.__done = true; }) } };
</script><script src="/assets/mathjax/tex-chtml.js"></script>""", "")
KATEX = ("""<link rel="stylesheet" href="/assets/katex/katex.min.css">
<script src="/assets/katex/katex.min.js"></script><script src="/assets/katex/contrib/auto-render.min.js"></script>""",
         """<script>window.__errors = [];
window.addEventListener('load', () => {  // after the load event, as MathJax does: the page loads, then renders
  for (const out of document.querySelectorAll('.out')) {  // one display at a time: KaTeX's errors name none
    renderMathInElement(out, { delimiters: [{left: '$$', right: '$$', display: true},
      {left: '$', right: '$', display: false}], throwOnError: false,
      errorCallback: (m, e) => window.__errors.push({name: out.dataset.name, error: String(m) + ' ' + e}) });
  }
  window.__done = true;
});</script>""")
#: A display that must fail to render, on every page: the measurement can see an error, and ties it to its display.
BROKEN, BROKEN_TEXT = "broken", "$$\\begin{aligned} x &= \\frac{1}{2 \\end{aligned}$$"
FRONT_ENDS = {"mathjax2": MATHJAX2, "mathjax3": MATHJAX3, "katex": KATEX}
#: Runs in the page: for each display (by derivation), its errors, how many displays were set and the text
#: left unrendered. An error the renderer did not tie to an element counts against every display.
REPORT = r"""() => {
  const loose = (window.__errors || []).filter(e => e.name === null).map(e => e.error);
  const math = 'mjx-container, .MathJax_CHTML, .MJXc-display, .katex, script, .MJX_Assistive_MathML';
  const reports = {};
  for (const out of document.querySelectorAll('.out')) {
    const name = out.dataset.name;
    const errors = loose.concat((window.__errors || []).filter(e => e.name === name).map(e => e.error));
    for (const e of out.querySelectorAll('mjx-merror, .mjx-merror, .MathJax_Error, .katex-error')) {
      errors.push(e.getAttribute('title') || e.getAttribute('data-mjx-error') || e.textContent);
    }
    const displays = out.querySelectorAll('mjx-container[display="true"], .MJXc-display, .katex-display').length;
    const copy = out.cloneNode(true);
    for (const e of copy.querySelectorAll(math)) {
      e.remove();
    }
    reports[name] = {errors, displays, text: copy.textContent};
  }
  return reports;
}"""


@pytest.fixture(scope="session")
def notebook_pages(tools) -> dict[str, str]:
    """For each front end, the URL of one page showing the Jupyter display of every built-in derivation.

    One page a front end, not one a derivation: each display sits in its own element, and loading the
    renderer 87 times cost a minute.
    """
    if not (sites.MODULES / "mathjax" / "MathJax.js").is_file():
        pytest.fail("node_modules/mathjax (MathJax 2) is missing: run npm ci")
    root = Path(tempfile.mkdtemp(prefix="derivations-notebook-"))
    sites.link_assets(root)
    (root / "nb").mkdir()
    texts = {name: derived(name)._repr_latex_() for name in registry.names()} | {BROKEN: BROKEN_TEXT}
    divs = "".join(f'<div class="out" id="out-{name}" data-name="{name}"></div>' for name in texts)
    for front, (head, tail) in FRONT_ENDS.items():
        page = PAGE.replace("HEAD", head).replace("TAIL", tail).replace("DIVS", divs)
        page = page.replace("JSON_TEXTS", _js_string(texts))
        (root / "nb" / f"{front}.html").write_text(page, encoding="utf-8")
    server = sites.Server(root)
    yield {front: f"{server.url}/nb/{front}.html" for front in FRONT_ENDS}
    server.stop()


def _js_string(value: object) -> str:
    import json

    return json.dumps(value).replace("</", "<\\/")


@pytest.fixture(scope="session")
def notebook_reports(notebook_pages) -> dict[tuple[str, str], dict]:
    """Every notebook page loaded and measured once, in one browser: (front end, derivation) -> report."""
    shots = ({front: browser.SCREENSHOTS / f"notebook-{front}.png" for front in notebook_pages}
             if browser.screenshots_wanted() else {})
    pages = browser.measure_all(notebook_pages, REPORT, shots)
    return {(front, name): report for front, reports in pages.items() for name, report in reports.items()}


CASES = [(front, name) for front in FRONT_ENDS for name in registry.names()]


def problems(report: dict, chains: int) -> list[str]:
    """What is wrong with one display: a TeX error (or MathJax 2's buffer overflow), fewer displays than chains,
    TeX left as text."""
    found = [f"error: {error}" for error in report["errors"]]
    if report["displays"] < chains:
        found.append(f"{report['displays']} displays for {chains} chains")
    if re.search(r"\\begin\{aligned\}|\$\$", html.unescape(report["text"])):
        found.append("TeX left as text")
    return found


@pytest.mark.parametrize("case", CASES, ids=lambda c: "/".join(c))
def test_jupyter_display_renders(notebook_reports, case):
    """The display of each built-in derivation renders in each front end with none of :func:`problems`."""
    front, name = case
    assert problems(notebook_reports[case], len(derived(name).derivation.chains)) == []


@pytest.mark.parametrize("front", FRONT_ENDS)
def test_a_broken_display_is_seen(notebook_reports, front):
    """A display with an unclosed brace, on the same page, is reported (so the displays beside it can be clean)."""
    assert problems(notebook_reports[(front, BROKEN)], 1)
