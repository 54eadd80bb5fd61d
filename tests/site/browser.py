"""Load pages in headless Chromium (Debian's, driven by Playwright) and measure the math.

:func:`measure_all` opens every page of a set in one browser, a few at a time, waits for each
page's renderer (MathJax 2 or 3, or KaTeX) and returns what a script evaluated in the page
reports; :data:`MEASURE` returns, in one evaluation: the render errors, the page text outside
the math, the TeX each renderer received (in page order), and for each display block its width
and the boxes of its equation numbers against the column. With ``SITE_SCREENSHOTS=1`` (``.ci/run``
sets it) a screenshot of each whole page is written for a person to look at; they are no check.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import Hashable, Mapping
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1000, "height": 800}
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
#: Pages loaded at once: each waits on its scripts and fonts as much as on the CPU, so a few overlap well.
JOBS = 3
#: How long a page may take to load and to render, in ms: a last resort for a hung page, never a verdict; a page
#: of every notebook display on a loaded 2-core machine took over 30 s.
PATIENCE = 180_000


def executable() -> str | None:
    """Debian's Chromium, if installed (CHROMIUM_PATH overrides)."""
    path = os.environ.get("CHROMIUM_PATH", CHROMIUM)
    return path if Path(path).exists() else shutil.which("chromium")


def available() -> bool:
    """True when Chromium and Playwright for Python are both installed."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return False
    return executable() is not None


def screenshots_wanted() -> bool:
    """Are screenshots to be written (``SITE_SCREENSHOTS`` set and not ``0``)?"""
    return os.environ.get("SITE_SCREENSHOTS", "0") not in ("", "0")


def measure_all(urls: Mapping[Hashable, str], script: str, shots: Mapping[Hashable, Path] | None = None,
                *, jobs: int = JOBS) -> dict[Hashable, dict]:
    """Each page of ``urls`` (key -> URL) loaded in one fresh Chromium, ``script``'s report for it, by key.

    A page is measured once its renderer has set ``window.__done`` and its fonts have loaded;
    ``jobs`` tabs load the pages, each one after another (a new document each time). ``shots`` (key -> PNG path)
    asks for a screenshot of the whole page.
    """
    return asyncio.run(_measure_all(urls, script, shots or {}, jobs))


async def _measure_all(urls: Mapping[Hashable, str], script: str, shots: Mapping[Hashable, Path],
                       jobs: int) -> dict[Hashable, dict]:
    from playwright.async_api import async_playwright

    profile = tempfile.mkdtemp(prefix="derivations-chromium-")
    todo, out = list(urls), {}
    try:
        async with async_playwright() as playwright:
            context = await playwright.chromium.launch_persistent_context(
                profile, executable_path=executable(), headless=True, args=ARGS, viewport=VIEWPORT)

            async def tab() -> None:  # one tab loads page after page: a new document each time
                page = await context.new_page()
                try:
                    while todo:
                        key = todo.pop(0)
                        out[key] = await _measure(page, urls[key], script, shots.get(key))
                finally:
                    await page.close()
            try:
                await asyncio.gather(*(tab() for _ in range(min(jobs, len(todo)))))
            finally:
                await context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return {key: out[key] for key in urls}


async def _measure(page, url: str, script: str, screenshot: Path | None) -> dict:
    await page.goto(url, wait_until="load", timeout=PATIENCE)
    await page.wait_for_function("window.__done === true", timeout=PATIENCE)
    await page.evaluate("document.fonts.ready.then(() => true)")  # the math laid out in its own fonts
    report = await page.evaluate(script)
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(screenshot), full_page=True)
    return report


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

