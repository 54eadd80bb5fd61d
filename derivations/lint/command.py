"""The ``derivations lint`` command: check the mathematics of a Markdown post.

Exit codes: 0 no step refuted (with ``--strict``: every step proved), 1 a step
refuted (with ``--strict``: or undecided or unparsed), 2 bad input (a missing
file, a file that is not UTF-8, a file over 1 MiB, a bad name).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from derivations.lint.post import MAX_BYTES

#: The report formats of :data:`derivations.lint.report.FORMATS` (a test keeps them equal).
REPORT_FORMATS = ("json", "text")

NAME = "lint"
HELP = "check every step of the math in a Markdown post"
DESCRIPTION = (
    "Find the display math of a Markdown post ($$...$$, \\[...\\], align/aligned/equation), "
    "split each block into steps and check each with the engine: proved, refuted (residual "
    "and a counterexample), undecided or unparsed. Prints one line per step that is not "
    "proved, then a summary. Nothing in the post is executed. The post's front matter may "
    "declare 'derivations: {normal: [...], positive: [...]}'. Exit 0 if no step is refuted "
    "(with --strict: if every step is proved), 1 otherwise, 2 for bad input (a missing "
    f"file, not UTF-8, more than {MAX_BYTES} bytes)."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments to its subparser."""
    parser.add_argument("post", type=Path, metavar="POST.md", help="the Markdown post")
    parser.add_argument("--assume", choices=("real", "positive"), default="real",
                        help="assumption for names not in the notation table (default: real)")
    parser.add_argument("--normal", metavar="NAME,...", default="",
                        help="independent standard normals (eps_tm1 or epsilon_t-1); "
                        "turns on equality in distribution")
    parser.add_argument("--positive", metavar="NAME,...", default="",
                        help="names that are positive (B_1 or \\sigma_1): a Gaussian's precision, a scale")
    parser.add_argument("--format", choices=REPORT_FORMATS, default="text", help="report format")
    parser.add_argument("--strict", action="store_true",
                        help="also fail (exit 1) when a step is undecided or unparsed")


def run(args: argparse.Namespace) -> int:
    """Lint the post, print the report, return the exit code."""
    from derivations.lint.check import Options, Status
    from derivations.lint.linter import lint_file
    from derivations.lint.report import FORMATS

    normals = tuple(name.strip() for name in args.normal.split(",") if name.strip())
    positive = tuple(name.strip() for name in args.positive.split(",") if name.strip())
    report = lint_file(args.post, Options(assume=args.assume, normals=normals, positive=positive),
                       progress=getattr(args, "progress", None))
    sys.stdout.write(FORMATS[args.format](report))
    failing = {Status.REFUTED} | ({Status.UNDECIDED, Status.UNPARSED} if args.strict else set())
    return 1 if any(step.status in failing for step in report.steps) else 0
