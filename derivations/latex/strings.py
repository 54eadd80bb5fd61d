"""Every LaTeX string the project emits, collected for the renderer checks.

The strings come from the files ``derivations run`` writes (``NAME.md``, ``NAME.tex``,
``NAME.json``) and from ``derivations.tex``:

* each ``$$ ... $$`` block of a ``.md`` file (display) and each inline ``$...$`` of its prose;
* each ``align*`` / ``equation*`` environment of a ``.tex`` file, whole, and each ``\\[...\\]``
  body (display);
* each JSON step's ``latex`` and ``lhs``, the ``result`` and ``known_result`` and each slip's
  ``source_line`` and ``corrected`` (display).

:func:`render_check` feeds them to ``tools/render_check.mjs``, which renders each with KaTeX
and with MathJax 3 in one node process and reports the failures of each renderer.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

#: The repository root (where package.json, node_modules/ and tools/ live).
ROOT = Path(__file__).resolve().parents[2]
RENDER_CHECK = ROOT / "tools" / "render_check.mjs"

_TEX_BLOCK = re.compile(r"\\begin\{(align\*|equation\*)\}.*?\\end\{\1\}|(?<!\\)\\\[(.*?)\\\]", re.DOTALL)
_INLINE = re.compile(r"(?<![\\$])\$([^$\n]+?)\$(?!\$)")


@dataclass(frozen=True)
class LatexString:
    """One emitted LaTeX string: where it comes from, the LaTeX, display or inline."""

    id: str
    latex: str
    display: bool = True

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "latex": self.latex, "display": self.display}


def md_strings(name: str, text: str) -> Iterator[LatexString]:
    """The ``$$`` blocks of a Markdown file (display) and the inline ``$...$`` of its prose."""
    block: list[str] | None = None
    blocks = fence = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("```"):
            fence ^= 1
        elif fence:
            continue
        elif line.strip() == "$$":
            if block is None:
                block = []
                continue
            blocks += 1
            yield LatexString(f"{name}#block{blocks}", "\n".join(block))
            block = None
        elif block is not None:
            block.append(line)
        elif not line.startswith("<!--"):
            for index, match in enumerate(_INLINE.finditer(line), start=1):
                yield LatexString(f"{name}#line{number}.{index}", match.group(1), display=False)


def tex_strings(name: str, text: str) -> Iterator[LatexString]:
    r"""The ``align*`` and ``equation*`` environments of a LaTeX file, whole, and each ``\[...\]`` body."""
    for index, match in enumerate(_TEX_BLOCK.finditer(text), start=1):
        if match.group(1):
            yield LatexString(f"{name}#{match.group(1)}{index}", match.group(0))
        else:
            yield LatexString(f"{name}#display{index}", match.group(2).strip())


def json_strings(name: str, data: Mapping[str, object]) -> Iterator[LatexString]:
    """The LaTeX fields of a derivation's JSON: steps, result, known result, slips."""
    for step in data.get("steps", []):
        for field in ("lhs", "latex"):
            if step.get(field):
                yield LatexString(f"{name}#step{step['number']}.{field}", step[field])
    for field in ("result", "known_result"):
        entry = data.get(field)
        if isinstance(entry, Mapping) and entry.get("latex"):
            yield LatexString(f"{name}#{field}", entry["latex"])
    for index, slip in enumerate(data.get("slips", []), start=1):
        for field in ("source_line", "corrected"):
            if slip.get(field):
                yield LatexString(f"{name}#slip{index}.{field}", slip[field])


def strings_from_text(name: str, text: str) -> list[LatexString]:
    """The LaTeX strings of one emitted file, by its extension (``.md``, ``.tex``, ``.json``)."""
    if name.endswith(".md"):
        return list(md_strings(name, text))
    if name.endswith(".tex"):
        return list(tex_strings(name, text))
    if name.endswith(".json"):
        return list(json_strings(name, json.loads(text)))
    return []


#: Files that are for pdflatex only, not pasted into blogs: the combined document
#: (``derivations pdf``), whose blocks are those of ``NAME.tex`` set for a printed page.
PDFLATEX_ONLY = ("derivations.tex",)


def collect(folder: Path = ROOT / "output") -> list[LatexString]:
    """Every LaTeX string of the ``.md``, ``.tex`` and ``.json`` files in ``folder``, sorted by file.

    ``derivations.tex`` is left out (:data:`PDFLATEX_ONLY`): pdflatex checks it when it compiles.
    """
    strings: list[LatexString] = []
    for path in sorted(folder.glob("*")):
        if path.suffix in (".md", ".tex", ".json") and path.is_file() and path.name not in PDFLATEX_ONLY:
            strings += strings_from_text(path.name, path.read_text(encoding="utf-8"))
    return strings


def renderers_installed(root: Path = ROOT) -> bool:
    """True when node and the pinned renderers (``npm ci``) are there."""
    modules = root / "node_modules"
    return shutil.which("node") is not None and all(
        (modules / package / "package.json").is_file() for package in ("katex", "mathjax-full"))


def render_check(strings: Iterable[LatexString], root: Path = ROOT) -> dict[str, object]:
    """Render every string with KaTeX and MathJax (one node process); the JSON report.

    Returns:
        ``{"count": n, "katex": {"version", "failures", "warnings"}, "mathjax": {"version",
        "packages", "failures"}}``; each failure is ``{"id", "error"}``.

    Raises:
        RuntimeError: node could not run the script (not a rendering failure).
    """
    payload = json.dumps([s.as_dict() for s in strings])
    completed = subprocess.run(["node", str(root / "tools" / "render_check.mjs")], input=payload,
                               capture_output=True, text=True, cwd=root, check=False)
    if completed.returncode not in (0, 1):
        raise RuntimeError(f"render_check.mjs exited {completed.returncode}: {completed.stderr.strip()}")
    return json.loads(completed.stdout)


def failures(report: Mapping[str, object]) -> dict[str, list[str]]:
    """Per renderer, the failures as ``"id: error"`` lines (empty lists when all render)."""
    return {renderer: [f"{f['id']}: {f['error']}" for f in report[renderer]["failures"]]
            for renderer in ("katex", "mathjax")}
