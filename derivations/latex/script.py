"""Run a derivation as a script: ``python my_derivation.py`` or ``python -m derivations.<module>``.

Put one call at the bottom of a derivation file::

    if __name__ == "__main__":
        run_script(derive)

It checks the derivation and prints it (``--format text`` by default, or tex,
md, json). A step that is not proved is reported in one line on standard
error, naming the step, its justification, the residual and a counterexample,
and the exit code is 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from derivations.engine.steps import CheckedDerivation
from derivations.errors import DerivationError
from derivations.latex import render


def run_script(derive: Callable[[], CheckedDerivation], argv: Sequence[str] | None = None) -> NoReturn:
    """Check the derivation ``derive()`` builds, print it, and exit (0 proved, 1 not).

    Example, at the bottom of ``my_derivation.py`` (then ``python my_derivation.py --format md``)::

        if __name__ == "__main__":
            run_script(derive)
    """
    parser = argparse.ArgumentParser(
        description="Check this derivation and print it. Exit 0 if every step is proved, 1 if not.")
    parser.add_argument("--format", choices=sorted(render.FORMATS), default="text",
                        help="how to print the derivation (default: text)")
    args = parser.parse_args(argv)
    try:
        checked = derive()
    except DerivationError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
    sys.stdout.write(render.FORMATS[args.format](checked))
    sys.exit(0)
