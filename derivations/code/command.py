"""``derivations check-code``: prove that the reference implementations compute the derived results.

One line per implementation: *proved* (a symbolic proof that the NumPy code
computes the derived expression, and float64 agreement at random points),
*agrees at N points* (float64 agreement only, with the reason there is no
proof), *disagrees* (with the point, the code's value and the exact value), or
*not checked* (its derivation is missing or failed). Exit codes: 0 all proved or
agreeing, 1 some implementation disagrees, 3 some could not be checked, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys

from derivations.errors import BadInputError

#: As in :mod:`derivations.code.check` and :mod:`derivations.code.error_scale` (a test keeps them equal).
DEFAULT_POINTS = 200
TOLERANCE = 1e-12

NAME = "check-code"
HELP = "prove the reference implementations compute the derived results"
DESCRIPTION = (
    "Check each reference implementation (derivations/code/reference.py and the schedules) against "
    "its derivation's result: a symbolic proof where SymPy can run the code, and agreement in "
    f"float64 at random points with |code - exact| <= {TOLERANCE:g} x error scale "
    "(exact: 50-digit mpmath). Prints one line each: proved / agrees at N points / disagrees "
    "(with the point); --format json prints the same for tools. Exit 0 if none disagrees and all were "
    "checked, 1 if one disagrees, 3 if one could not be checked."
)
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_UNDECIDED = 0, 1, 2, 3


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments: implementation names and the number of random points."""
    parser.add_argument("names", nargs="*", metavar="NAME", help="implementations to check (default: all)")
    parser.add_argument("--points", type=int, default=DEFAULT_POINTS, metavar="N",
                        help=f"random points per implementation (default: {DEFAULT_POINTS})")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: one line each as it is checked (default); json: one document at the end")


def run(args: argparse.Namespace) -> int:
    """Check the named implementations (all by default), one line each; return the exit code."""
    from derivations.code import targets as codecheck_targets
    from derivations.code.check import CodeOutcome

    known = codecheck_targets.names()
    unknown = [name for name in args.names if name not in known]
    if unknown:
        raise BadInputError(f"unknown implementation '{unknown[0]}'; known: {', '.join(known)}")
    if args.points < 1:
        raise BadInputError(f"--points must be at least 1, not {args.points}")
    progress = getattr(args, "progress", None)
    as_json = getattr(args, "format", "text") == "json"
    verdicts = []
    for name in args.names or known:
        verdict = codecheck_targets.check(name, args.points)
        if not as_json:
            print(verdict.describe(), flush=True)
        elif progress is not None:
            progress(name)
        verdicts.append(verdict)
    if as_json:
        json.dump(_as_json(verdicts, args.points), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    outcomes = [verdict.outcome for verdict in verdicts]
    if CodeOutcome.DISAGREES in outcomes:
        return EXIT_FAILED
    return EXIT_UNDECIDED if CodeOutcome.NOT_CHECKED in outcomes else EXIT_OK


def _as_json(verdicts: list, points: int) -> dict[str, object]:
    """The verdicts for tools: each implementation's outcome, target, method and points, and the counts."""
    from derivations.code.check import CodeOutcome

    return {
        "points": points, "tolerance": TOLERANCE,
        "summary": {outcome.value: sum(1 for v in verdicts if v.outcome is outcome) for outcome in CodeOutcome},
        "implementations": [{"name": v.name, "outcome": v.outcome.value, "target": v.target, "method": v.method,
                             "points": v.points, "line": v.describe()} for v in verdicts],
    }
