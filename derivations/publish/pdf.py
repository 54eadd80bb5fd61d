"""``derivations pdf``: one document with every derivation, compiled with pdflatex.

A command-line extension (see ``EXTENSION_MODULES`` in :mod:`derivations.cli`). It checks the
derivations, draws the figures (when matplotlib is installed: ``pip install '.[figures]'``),
writes ``OUT/derivations.tex`` (:mod:`derivations.publish.document`) and, when ``pdflatex`` is on the
PATH, compiles it twice in a temporary folder (``-halt-on-error``) and moves the PDF to
``OUT/derivations.pdf``. A LaTeX error, or an undefined reference after the second pass, fails
the command (exit 1) with the first lines of the error. Without pdflatex the ``.tex`` is
still written and the command says how to install it (exit 2).

The PDF's dates are pinned (``SOURCE_DATE_EPOCH=0``, ``FORCE_SOURCE_DATE=1``) so that the same
document compiles to the same bytes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from derivations.errors import BadInputError
from derivations.publish.output import write_files

NAME = "pdf"
HELP = "write derivations.tex with every derivation and compile derivations.pdf"
DESCRIPTION = ("Check the named derivations (all by default), draw the figures (with matplotlib), write "
               "OUT/derivations.tex and compile OUT/derivations.pdf with pdflatex. Exit 0 on success, 1 if a "
               "derivation fails or LaTeX reports an error or an undefined reference, 2 if pdflatex is not "
               "installed (the .tex is written all the same).")
#: The Debian packages the document needs (amsmath, amssymb, graphicx, geometry, hyperref).
TEX_PACKAGES = "texlive-latex-base"
INSTALL_HINT = ("pdflatex not found; install it with: "
                f"apt-get install --no-install-recommends {TEX_PACKAGES} "
                "(Debian/Ubuntu; elsewhere any TeX Live with amsmath, graphicx, geometry and hyperref)")
EXIT_OK, EXIT_FAILED, EXIT_NO_PDFLATEX = 0, 1, 2
_UNDEFINED = re.compile(r"(Reference|Citation) `[^']*' on page \d+ undefined|There were undefined references")
_OVERFULL = re.compile(r"^Overfull \\[hv]box \((\d+(?:\.\d+)?)pt too (?:wide|high)\)(.*)$", re.MULTILINE)
#: An overfull box wider than this (in pt) is a layout defect: the PDF test fails on it.
OVERFULL_LIMIT = 10.0


def overfull_boxes(log: str) -> list[tuple[float, str]]:
    """Every overfull box a pdflatex log reports: how many pt too wide, and where."""
    return [(float(m.group(1)), m.group(2).strip()) for m in _OVERFULL.finditer(log)]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME", help="derivations to include (default: all)")
    parser.add_argument("--out", type=Path, default=Path("output"), metavar="DIR",
                        help="output folder (default: output/)")
    parser.add_argument("--tex-only", action="store_true", help="write derivations.tex, do not compile it")


def run(args: argparse.Namespace) -> int:
    """Write ``derivations.tex`` (and the figures), then compile ``derivations.pdf``."""
    from derivations.publish import document

    progress = getattr(args, "progress", None)  # on a terminal: a line as each derivation is checked
    checked = (document.checked_derivations(args.names or None, progress=progress) if progress
               else document.checked_derivations(args.names or None))
    _write_figures(args.out, {c.name: c.result for c in checked})
    try:
        code = document.code_section()
    except Exception as error:  # another module's failure, reported in one line like every CLI error
        print(f"derivations: error: the typeset code section failed: {type(error).__name__}: {error}",
              file=sys.stderr)
        return EXIT_FAILED
    text = document.document(checked, figures=document.figure_files(), code=code)
    tex_path = write_files(args.out, {"derivations.tex": text})[0]
    print(f"wrote {tex_path}")
    if args.tex_only:
        return EXIT_OK
    if shutil.which("pdflatex") is None:
        print(f"derivations: {INSTALL_HINT}", file=sys.stderr)
        return EXIT_NO_PDFLATEX
    error = compile_pdf(tex_path, args.out / "derivations.pdf")
    if error:
        print(f"derivations: error: pdflatex failed on {tex_path}: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {args.out / 'derivations.pdf'}")
    log = (args.out / "derivations.log").read_text(encoding="utf-8", errors="replace")
    wide = [box for box in overfull_boxes(log) if box[0] > OVERFULL_LIMIT]
    if wide:
        worst = max(wide)
        print(f"derivations: warning: {len(wide)} overfull boxes over {OVERFULL_LIMIT:g} pt, the widest "
              f"{worst[0]:g} pt ({worst[1]})", file=sys.stderr)
    return EXIT_OK


def _write_figures(out: Path, results: dict) -> None:
    """Draw the figures into ``OUT/figures`` when matplotlib is installed; say so when not."""
    from derivations.publish import figures

    try:
        import matplotlib  # noqa: F401
    except ModuleNotFoundError:
        print("figures skipped: matplotlib is not installed (pip install '.[figures]')", file=sys.stderr)
        return
    try:
        written = figures.write(out / "figures", figures.proved_results(results, out))
    except BadInputError:  # a record that is not ours (a crafted NAME.json): bad input, not a skipped figure
        raise
    except (OSError, ValueError) as error:
        print(f"figures skipped: {error}", file=sys.stderr)
        return
    print(f"wrote {len(written)} figure files to {out / 'figures'}")


def compile_pdf(tex_path: Path, pdf_path: Path) -> str:
    """Compile ``tex_path`` twice with pdflatex in a temporary folder; "" on success, else the error.

    The figures folder next to the ``.tex`` is copied along. On success the PDF is moved to
    ``pdf_path`` and the log of the last pass written beside it (``.log``: its overfull boxes are
    :func:`overfull_boxes`); on failure nothing is written.
    """
    with tempfile.TemporaryDirectory(prefix="derivations-pdf-") as temp:
        work = Path(temp)
        shutil.copy(tex_path, work / tex_path.name)
        if (tex_path.parent / "figures").is_dir():
            shutil.copytree(tex_path.parent / "figures", work / "figures")
        env = {**os.environ, "SOURCE_DATE_EPOCH": "0", "FORCE_SOURCE_DATE": "1"}
        command = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
                   tex_path.name]
        for _ in range(2):
            done = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True,
                                  encoding="utf-8", errors="replace", check=False)
            if done.returncode != 0:
                return latex_error(done.stdout)
        log = (work / tex_path.with_suffix(".log").name).read_text(encoding="utf-8", errors="replace")
        undefined = _UNDEFINED.search(log)
        if undefined:
            return f"undefined reference: {undefined.group(0)}"
        pdf_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(work / tex_path.with_suffix(".pdf").name, pdf_path)
        pdf_path.with_suffix(".log").write_text(log, encoding="utf-8")
    return ""


def latex_error(output: str) -> str:
    """The first error of a pdflatex run (its ``file:line: message`` or ``! message`` line and the next)."""
    lines = output.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("!") or re.match(r"^[^:\s]+\.tex:\d+: ", line):
            return " ".join(part.strip() for part in lines[index:index + 3] if part.strip())
    return "pdflatex exited with an error (no message found in its output)"
