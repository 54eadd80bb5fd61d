"""Load pages in headless Chromium (Debian's, driven by Playwright) and measure the math.

:func:`measure` opens a page, waits for its renderer (MathJax 3 or KaTeX) and returns, in one
evaluation in the page: the render errors, the page text outside the math, the TeX each
renderer received (in page order), and for each display block its width and the boxes of
its equation numbers against the column. A screenshot of the whole page is written for a
person to look at.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


def executable() -> str | None:
    """Debian's Chromium, if installed (CHROMIUM_PATH overrides)."""
    path = os.environ.get("CHROMIUM_PATH", CHROMIUM)
    return path if Path(path).exists() else shutil.which("chromium")


def available() -> bool:
    """True when Chromium and Playwright for Python are both installed."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return executable() is not None


@contextmanager
def browser():
    """A Chromium context (fresh profile), closed afterwards."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="derivations-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=executable(), headless=True, args=ARGS,
                viewport={"width": 1000, "height": 800})
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


#: Runs in the page: everything the tests assert, measured at once.
MEASURE = r"""
() => {
  const column = document.querySelector('main').getBoundingClientRect();
  const union = (elements) => {
    let left = Infinity, right = -Infinity;
    for (const e of elements) { const r = e.getBoundingClientRect(); if (r.width > 0) {
      left = Math.min(left, r.left); right = Math.max(right, r.right); } }
    return right > left ? {left, right, width: right - left} : {left: 0, right: 0, width: 0};
  };
  const out = {column: {left: column.left, right: column.right, width: column.width},
               errors: [], sources: [], displays: []};
  if (window.MathJax && MathJax.startup && MathJax.startup.document) {
    out.renderer = 'mathjax';
    for (const e of document.querySelectorAll('mjx-merror')) {
      out.errors.push(e.getAttribute('data-mjx-error') || e.textContent);
    }
    for (const item of MathJax.startup.document.math) out.sources.push({tex: item.math, display: item.display});
    for (const c of document.querySelectorAll('mjx-container[display="true"]')) {
      const table = c.querySelector('mjx-itable');
      const body = table ? union([table]) : union([c.querySelector('mjx-math')]);
      const labels = [...c.querySelectorAll('mjx-labels mjx-mtd, mjx-labels mjx-mlabeledtr')];
      const tags = labels.map(e => e.getBoundingClientRect()).filter(r => r.width > 0)
                         .map(r => ({left: r.left, right: r.right}));
      out.displays.push({width: body.width, left: body.left, right: body.right, tags,
                         overflow: c.scrollWidth - c.clientWidth});
    }
  } else {
    out.renderer = 'katex';
    out.errors.push(...(window.__errors || []));
    for (const e of document.querySelectorAll('.katex-error')) {
      out.errors.push(e.getAttribute('title') || e.textContent);
    }
    for (const k of document.querySelectorAll('.katex')) {
      const a = k.querySelector('annotation[encoding="application/x-tex"]');
      out.sources.push({tex: a ? a.textContent : '', display: !!k.closest('.katex-display')});
    }
    for (const d of document.querySelectorAll('.katex-display')) {
      const html = d.querySelector('.katex-html');
      const body = union(html.querySelectorAll(':scope > .base'));
      const tags = [...html.querySelectorAll(':scope > .tag')].map(e => e.getBoundingClientRect())
                   .filter(r => r.width > 0).map(r => ({left: r.left, right: r.right}));
      const inner = [...html.querySelectorAll('.tag')]
                    .filter(e => !e.parentElement.classList.contains('katex-html'));
      for (const e of inner) {
        const r = e.getBoundingClientRect();
        if (r.width > 0) tags.push({left: r.left, right: r.right});
      }
      out.displays.push({width: body.width, left: body.left, right: body.right, tags,
                         overflow: d.scrollWidth - d.clientWidth});
    }
  }
  const copy = document.querySelector('main').cloneNode(true);
  for (const e of copy.querySelectorAll('mjx-container, .katex, script, pre, code, mjx-assistive-mml')) e.remove();
  out.text = copy.innerText;
  return out;
}
"""


def measure(context, url: str, screenshot: Path | None = None) -> dict:
    """Open ``url``, wait for the math, and return :data:`MEASURE`'s report (a screenshot if asked)."""
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        page.wait_for_function("window.__done === true", timeout=60_000)
        page.wait_for_timeout(100)
        report = page.evaluate(MEASURE)
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=True)
        return report
    finally:
        page.close()
