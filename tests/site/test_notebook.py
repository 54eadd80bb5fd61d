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
<body><main style="max-width: 900px"><div id="out"></div></main>
<script>document.getElementById('out').textContent = JSON_TEXT;</script>TAIL</body></html>"""
MATHJAX2 = ("""<script type="text/x-mathjax-config">
window.__errors = [];
MathJax.Hub.Config({ jax: ["input/TeX", "output/CommonHTML"], extensions: ["tex2jax.js"],
  tex2jax: { inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], processEscapes: true },
  TeX: { extensions: ["AMSmath.js", "AMSsymbols.js"] }, messageStyle: "none" });
MathJax.Hub.Register.MessageHook("TeX Jax - parse error", m => window.__errors.push(String(m[1])));
MathJax.Hub.Register.MessageHook("Math Processing Error", m => window.__errors.push(String(m[2] || m[1])));
</script>""", """<script src="/assets/mathjax2/MathJax.js"></script>
<script>MathJax.Hub.Queue(() => { window.__done = true; });</script>""")
MATHJAX3 = ("""<script>window.MathJax = { tex: { inlineMath: [['$', '$'], ['\\\\(', '\\\\)']] },
  startup: { pageReady: () => MathJax.startup.defaultPageReady().then(() => { window.__done = true; }) } };
</script><script src="/assets/mathjax/tex-chtml.js"></script>""", "")
KATEX = ("""<link rel="stylesheet" href="/assets/katex/katex.min.css">
<script src="/assets/katex/katex.min.js"></script><script src="/assets/katex/contrib/auto-render.min.js"></script>""",
         """<script>window.__errors = [];
renderMathInElement(document.getElementById('out'), { delimiters: [{left: '$$', right: '$$', display: true},
  {left: '$', right: '$', display: false}], throwOnError: false,
  errorCallback: (m, e) => window.__errors.push(String(m) + ' ' + e) });
window.__done = true;</script>""")
FRONT_ENDS = {"mathjax2": MATHJAX2, "mathjax3": MATHJAX3, "katex": KATEX}
#: Runs in the page: the errors, how many displays were set, and what text is left unrendered.
REPORT = r"""() => {
  const out = document.getElementById('out');
  const errors = (window.__errors || []).slice();
  for (const e of out.querySelectorAll('mjx-merror, .mjx-merror, .MathJax_Error, .katex-error')) {
    errors.push(e.getAttribute('title') || e.getAttribute('data-mjx-error') || e.textContent);
  }
  const displays = out.querySelectorAll('mjx-container[display="true"], .MJXc-display, .katex-display').length;
  const copy = out.cloneNode(true);
  const math = 'mjx-container, .MathJax_CHTML, .MJXc-display, .katex, script, .MJX_Assistive_MathML';
  for (const e of copy.querySelectorAll(math)) {
    e.remove();
  }
  return {errors, displays, text: copy.textContent};
}"""


@pytest.fixture(scope="session")
def notebook_pages(tools) -> dict[tuple[str, str], str]:
    """For each front end and each built-in derivation, the URL of a page showing its Jupyter display."""
    if not (sites.MODULES / "mathjax" / "MathJax.js").is_file():
        pytest.fail("node_modules/mathjax (MathJax 2) is missing: run npm ci")
    root = Path(tempfile.mkdtemp(prefix="derivations-notebook-"))
    sites.link_assets(root)
    (root / "nb").mkdir()
    urls = {}
    for name in registry.names():
        text = derived(name)._repr_latex_()
        for front, (head, tail) in FRONT_ENDS.items():
            page = PAGE.replace("HEAD", head).replace("TAIL", tail)
            page = page.replace("JSON_TEXT", _js_string(text))
            (root / "nb" / f"{front}-{name}.html").write_text(page, encoding="utf-8")
            urls[(front, name)] = f"nb/{front}-{name}.html"
    server = sites.Server(root)
    yield {key: f"{server.url}/{path}" for key, path in urls.items()}
    server.stop()


def _js_string(text: str) -> str:
    import json

    return json.dumps(text).replace("</", "<\\/")


@pytest.fixture(scope="session")
def notebook_reports(notebook_pages) -> dict[tuple[str, str], dict]:
    """Every notebook page loaded and measured once, in one browser: (front end, derivation) -> report."""
    shots = ({key: browser.SCREENSHOTS / f"notebook-{key[0]}-{key[1]}.png" for key in notebook_pages}
             if browser.screenshots_wanted() else {})
    return browser.measure_all(notebook_pages, REPORT, shots)


CASES = [(front, name) for front in FRONT_ENDS for name in registry.names()]


@pytest.mark.parametrize("case", CASES, ids=lambda c: "/".join(c))
def test_jupyter_display_renders(notebook_reports, case):
    """No TeX error (nor MathJax 2's buffer overflow), one display at least per chain, no TeX left as text."""
    front, name = case
    report = notebook_reports[case]
    assert report["errors"] == []
    chains = len(derived(name).derivation.chains)
    assert report["displays"] >= chains
    assert not re.search(r"\\begin\{aligned\}|\$\$", html.unescape(report["text"]))
