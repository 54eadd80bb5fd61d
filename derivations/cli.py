"""The command line: ``derivations list | run | show | check`` (and the extensions: pdf, lint, check-code).

Thin by design: it parses arguments, calls the layers below, and turns every
:class:`~derivations.errors.DerivationError` into one line on standard error
and an exit code. Exit codes: 0 success (proved), 1 refuted or a failed
derivation, 2 bad input, 3 undecided. The long commands (run, pdf, lint,
check-code) report each item as it is done on standard error when it is a
terminal, and stay quiet when it is piped.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from derivations import registry
from derivations.errors import BadInputError, DerivationError, OutputError

# The layers are imported by the command that needs them, so that --help, list and a bad
# argument answer without loading SymPy.

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_UNDECIDED = 0, 1, 2, 3
#: What ``show`` prints: the formats of :data:`derivations.latex.render.FORMATS` (a test keeps them equal).
SHOW_FORMATS = ("json", "md", "tex", "text")
#: Errors SymPy may raise on unusual input: the check is then undecided.
ENGINE_FAILURES = (ValueError, TypeError, ArithmeticError, AttributeError, NotImplementedError, RecursionError)


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line with exit code 2 (no usage dump)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise BadInputError(f"{self.prog}: {message}")


class _Version(argparse.Action):
    """``--version``: the installed package's version, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("derivations")
        except PackageNotFoundError:  # run from a source tree that is not installed
            number = "(not installed)"
        print(f"derivations {number}")
        parser.exit(EXIT_OK)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="derivations",
        description="Derive, check and typeset the mathematics of diffusion models. "
        "Every step is proved, refuted (with residual and counterexample) or undecided.",
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    commands.add_parser("list", help="list the derivations with their titles",
                        description="List the built-in derivations, one a line: name and title.")

    run = commands.add_parser(
        "run", help="check derivations and write .tex, .md and .json",
        description="Check the named derivations (all by default), print one line each "
        "(name, steps proved, time) and write NAME.tex, NAME.md and NAME.json into the output "
        "folder; a full run also writes code.md and code.tex (the reference code, typeset) and "
        "derivations.tex (every derivation in one LaTeX document; `derivations pdf` compiles it). "
        "Exit 0 only if every step of every derivation is proved; a failed derivation "
        "is reported with its step, justification and residual, and nothing is written for it.")
    run.add_argument("names", nargs="*", metavar="NAME", help="derivations to run (default: all)")
    run.add_argument("--out", type=Path, default=Path("output"), metavar="DIR",
                     help="output folder (default: output/)")
    run.add_argument("--file", type=Path, metavar="PATH",
                     help="import this Python file (its top-level code runs, as with `python PATH`, but not its "
                     "`if __name__ == '__main__':` block), call its derive() and check the derivation it returns, "
                     "then write NAME.tex, NAME.md and NAME.json (NAME: the Derivation's name) into the output "
                     "folder. With --file alone only this derivation runs, and code.md, code.tex and "
                     "derivations.tex are not written; add NAMEs to run built-ins too")
    run.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 4), metavar="N",
                     help="check up to N built-in derivations side by side (default: the cores, at most 4)")

    show = commands.add_parser(
        "show", help="print one derivation's output",
        description="Check one derivation and print it to standard output.")
    show.add_argument("name", metavar="NAME")
    show.add_argument("--format", choices=SHOW_FORMATS, default="md",
                      help="tex, md or json (the files run writes), or text for a terminal (default: md)")

    check = commands.add_parser(
        "check", help="is LHS equal to RHS?",
        description="Check one line of your own derivation: is LHS equal to RHS? Expressions "
        "use SymPy syntax (x**2 or x^2, sqrt, exp, log, pi, Integral(f, (t, -oo, oo))) or LaTeX "
        "(anything with a backslash, e.g. '\\sqrt{\\bar\\alpha_t}\\mathbf{x}_0'). Exit 0 "
        "proved, 1 refuted (residual and counterexample printed), 3 undecided, 2 bad input.")
    check.add_argument("lhs", metavar="LHS")
    check.add_argument("rhs", metavar="RHS")
    check.add_argument("--assume", choices=("real", "positive"), default="real",
                       help="assumption for symbols not in the notation table (default: real)")
    check.add_argument("--normal", metavar="EPS1,EPS2,...",
                       help="independent standard normals; turns on equality in distribution")
    check.add_argument("--positive", metavar="EXPR;EXPR;...",
                       help="hypotheses: expressions stated positive, e.g. '1-alpha_t' (lets a check split "
                            "square roots and treat sqrt(1-alpha_t) as real)")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text: one line (default); json: the verdict, residual and counterexample for tools")
    for module in _extensions():
        sub = commands.add_parser(module.NAME, help=module.HELP, description=module.DESCRIPTION)
        module.configure(sub)
    return parser


#: Commands that live in their own modules. Each module defines NAME, HELP, DESCRIPTION,
#: configure(parser) and run(args) -> exit code.
EXTENSION_MODULES: tuple[str, ...] = (
    "derivations.publish.pdf",
    "derivations.lint.command",
    "derivations.code.command",
)


def _extensions() -> list:
    return [importlib.import_module(name) for name in EXTENSION_MODULES]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        parser = build_parser()
        args = parser.parse_args(_expressions_protected(list(sys.argv[1:] if argv is None else argv)))
        if args.command is None:
            print(parser.format_usage().strip(), file=sys.stderr)
            raise BadInputError("no command given; the commands: " + ", ".join(_command_names())
                                + " ('derivations --help' says what each does)")
        extensions = {module.NAME: module.run for module in _extensions()}
        args.progress = progress_reporter(args.command)
        return {**COMMANDS, **extensions}[args.command](args)
    except (BadInputError, OutputError) as error:
        print(f"derivations: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except DerivationError as error:
        print(f"derivations: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("derivations: interrupted", file=sys.stderr)
        return 130


def _command_names() -> list[str]:
    return [*COMMANDS, *(module.NAME for module in _extensions())]


def progress_reporter(command: str, stream: object = None) -> Callable[[str], None] | None:
    """``derivations COMMAND: checked ITEM``, one line on standard error per item as it is done.

    None (no report) unless standard error is a terminal: piped or redirected, the commands stay quiet.
    """
    target = sys.stderr if stream is None else stream
    isatty = getattr(target, "isatty", None)
    if not callable(isatty) or not isatty():
        return None

    def report(item: str) -> None:
        print(f"derivations {command}: checked {item}", file=target, flush=True)
    return report


#: The options of ``check`` that take a value (the value may start with "-").
_CHECK_VALUED = ("--assume", "--normal", "--positive", "--format")


def _expressions_protected(argv: list[str]) -> list[str]:
    """``check "-x" "-x"``: an expression that starts with "-" is an expression, not an option.

    argparse would read ``-x`` as an unknown option; a leading space keeps it
    positional, and the expression reader ignores the space.
    """
    if "check" not in argv:
        return argv
    start = argv.index("check") + 1
    out, expect_value = argv[:start], False
    for index, arg in enumerate(argv[start:], start=start):
        if arg == "--":  # the user's own separator: argparse reads the rest as positional
            return out + argv[index:]
        if expect_value:
            out.append(arg if not arg.startswith("-") else " " + arg)
            expect_value = False
        elif arg in _CHECK_VALUED:
            out.append(arg)
            expect_value = True
        elif arg.startswith("-") and arg not in ("-h", "--help") and not arg.startswith(tuple(o + "=" for o in
                                                                                               _CHECK_VALUED)):
            out.append(" " + arg)
        else:
            out.append(arg)
    return out


def _cmd_list(args: argparse.Namespace) -> int:
    width = max((len(n) for n in registry.names()), default=0)
    for name in registry.names():
        print(f"{name:<{width}}  {registry.title(name)}")
    return EXIT_OK


def _cmd_run(args: argparse.Namespace) -> int:
    from derivations.publish import runner
    from derivations.publish.output import write_files

    if args.jobs < 1:
        raise BadInputError(f"--jobs must be at least 1, not {args.jobs}")
    names = args.names or ([] if args.file else registry.names())
    file_derivers = registry.derivers_from_file(args.file) if args.file else {}
    progress = getattr(args, "progress", None)
    results = [*runner.run_builtins(names, jobs=args.jobs, progress=progress)]
    for label, derive in file_derivers.items():
        results.append(runner.run_one(label, derive))
        if progress is not None:
            progress(f"{label} ({args.file})")
    done = [r for r in results if isinstance(r, runner.Rendered)]
    for result in results:
        if isinstance(result, runner.Failed):
            print(f"{result.label}: FAILED: {result.message}", file=sys.stderr)
            continue
        write_files(args.out, result.files)
        print(result.summary())
    if len(done) < len(results):
        return EXIT_FAILED
    if not args.names and not args.file:
        write_files(args.out, runner.collected_files(done))
        print("code.md, code.tex, derivations.tex: the typeset code and the whole document")
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    from derivations.latex import render

    checked = registry.deriver(args.name)()
    sys.stdout.write(render.FORMATS[args.format](checked))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from derivations.engine.effort import safety_limit
    from derivations.engine.relations import EQUAL, EQUAL_IN_DISTRIBUTION, Context
    from derivations.engine.settings import CheckSettings
    from derivations.engine.syntax import parse_symbol_list
    from derivations.engine.verdict import Outcome, Verdict
    from derivations.latex.matrix_reading import as_read
    from derivations.latex.user_input import parse_user_expr

    # Noise variables are plainly real whatever --assume or the notation table say: |N(0,1)| is not N(0,1).
    fixed = parse_symbol_list(args.normal) if args.normal else {}
    normals = tuple(fixed.values())
    tied = (args.lhs, args.rhs)  # the two sides give a matrix one shape
    lhs = parse_user_expr(args.lhs, assume=args.assume, fixed=fixed, tied=tied)
    rhs = parse_user_expr(args.rhs, assume=args.assume, fixed=fixed, tied=tied)
    positive = [parse_user_expr(text, assume=args.assume, fixed=fixed)
                for text in (args.positive.split(";") if args.positive else ())]
    used = lhs.free_symbols | rhs.free_symbols | set().union(*(p.free_symbols for p in positive))
    _refuse_namesakes(used)
    if args.assume == "positive":
        _note_table_names(used - set(normals))
    else:
        _note_positive_table_names(used - set(normals))
    relation = EQUAL_IN_DISTRIBUTION if normals else EQUAL
    try:
        with safety_limit("the check"):
            verdict = relation.check(lhs, rhs, Context(CheckSettings().with_positive(*positive), normals))
        verdict = as_read(verdict, lhs, rhs)  # matrices of sizes the two sides do not tie: no refutation
    except DerivationError:
        raise
    except ENGINE_FAILURES as error:  # SymPy failing on odd input is "undecided", never a traceback
        verdict = Verdict(Outcome.UNDECIDED, f"the engine could not handle this input ({type(error).__name__})")
    if args.format == "json":
        import sympy as sp

        record = {"lhs": sp.sstr(lhs), "rhs": sp.sstr(rhs), "relation": relation.name, **verdict.as_dict()}
        print(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        print(verdict.describe())
    return {Outcome.PROVED: EXIT_OK, Outcome.REFUTED: EXIT_FAILED}.get(verdict.outcome, EXIT_UNDECIDED)


def _note_table_names(symbols: set) -> None:
    """--assume positive applies to new names only: say which names keep the notation table's assumptions."""
    from derivations.engine import notation

    table = {notation.SYMBOLS[row.python_name]: row for row in notation.TABLE}
    kept = sorted((sym for sym in symbols if sym in table and not sym.is_positive), key=str)
    if kept:
        names = ", ".join(sym.name for sym in kept)
        verb = "is" if len(kept) == 1 else "are"
        print(f"derivations: note: {names} {verb} real in the notation table, not positive: --assume positive "
              "applies only to names outside the table (state --positive NAME for a hypothesis)", file=sys.stderr)


def _note_positive_table_names(symbols: set) -> None:
    """Names the notation table makes positive (sigma, A): say so, since a proof may rest on it (sqrt(A**2) = A)."""
    from derivations.engine import notation

    table = {notation.SYMBOLS[row.python_name] for row in notation.TABLE}
    kept = sorted((sym for sym in symbols if sym in table and sym.is_positive), key=str)
    if kept:
        names = ", ".join(sym.name for sym in kept)
        verb = "is" if len(kept) == 1 else "are"
        print(f"derivations: note: {names} {verb} positive in the notation table", file=sys.stderr)


def _refuse_namesakes(symbols: set) -> None:
    """Two symbols with one name but different assumptions would be two variables: refuse."""
    by_name: dict[str, object] = {}
    for sym in sorted(symbols, key=str):
        if sym.name in by_name and by_name[sym.name] != sym:
            raise BadInputError(f"'{sym.name}' is read with two different assumptions (LaTeX and SymPy "
                                "syntax read names differently): write both sides the same way")
        by_name[sym.name] = sym


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "list": _cmd_list, "run": _cmd_run, "show": _cmd_show, "check": _cmd_check,
}
