"""The command line in a new user's hands: --version, usage, progress, JSON, parse errors, notices, help."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "gaussian_log_density.py"
POST = ("# A post\n\n$$\n(x+1)^2 = x^2 + 2x + 1\n$$\n\n"
        "$$\n\\begin{aligned}\n&(a+b)^2 \\\\\n&= a^2 + 2ab + b^2\n\\end{aligned}\n$$\n")


class _Terminal(io.StringIO):
    """Standard error as a terminal."""

    def isatty(self) -> bool:
        return True


def test_version_is_printed() -> None:
    """--version prints the package's version and exits 0."""
    result = run_cli("--version")
    assert result.returncode == 0 and re.fullmatch(r"derivations \S+\n", result.stdout), result


def test_no_command_prints_the_usage_and_the_commands() -> None:
    """derivations alone: the usage line and one line naming the commands, exit 2, no traceback."""
    result = run_cli()
    assert result.returncode == 2
    usage, error = result.stderr.splitlines()
    assert usage.startswith("usage: derivations [-h] [--version] COMMAND")
    assert error.startswith("derivations: error: no command given; the commands: list, run, show, check, pdf, lint")
    assert "required" not in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["list"], ["run", "--help"], ["check", "--help"], ["frobnicate"],
                                  ["run", "no_such_thing"], ["--version"], []],
                         ids=["help", "list", "run help", "check help", "bad command", "unknown name", "version",
                              "no command"])
def test_help_list_and_bad_input_answer_without_sympy(args: list[str]) -> None:
    """These answer at once: SymPy (seconds to import) is never loaded."""
    code = ("import sys\nfrom derivations import cli\n"
            f"try:\n    cli.main({args!r})\nexcept SystemExit:\n    pass\n"
            "print('sympy' in sys.modules, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stderr.strip().splitlines()[-1] == "False", done.stderr


def test_run_file_help_says_what_it_does() -> None:
    """run --help says that --file imports the file, calls derive() and writes its three files."""
    text = " ".join(run_cli("run", "--help").stdout.split())
    for words in ("import this Python file", "its top-level code runs", "call its derive()",
                  "NAME.tex, NAME.md and NAME.json", "With --file alone only this derivation runs"):
        assert words in text, words


# --- progress on standard error, only on a terminal ---------------------------------------


def _with_stderr(stream: io.StringIO, *args: str) -> tuple[int, str, str]:
    from contextlib import redirect_stderr, redirect_stdout

    from derivations import cli

    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(stream):
        code = cli.main(list(args))
    return code, out.getvalue(), stream.getvalue()


def test_lint_shows_each_block_on_a_terminal_and_nothing_when_piped(tmp_path: Path) -> None:
    """One line per display block on a terminal's standard error; nothing when it is not a terminal."""
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    code, out, err = _with_stderr(_Terminal(), "lint", str(post))
    assert code == 0 and out.endswith("2 steps: 2 proved, 0 refuted, 0 undecided, 0 unparsed\n")
    assert err.splitlines() == ["derivations lint: checked line 3: 1 step",
                                "derivations lint: checked line 7: 1 step"]
    assert _with_stderr(io.StringIO(), "lint", str(post))[2] == ""


def test_run_shows_each_derivation_on_a_terminal(tmp_path: Path) -> None:
    """run --file on a terminal: a line as the derivation is done; stdout keeps its summary line."""
    code, out, err = _with_stderr(_Terminal(), "run", "--file", str(EXAMPLE), "--out", str(tmp_path))
    assert code == 0 and out.startswith("gaussian_log_density: 2/2 steps proved")
    assert err == f"derivations run: checked gaussian_log_density ({EXAMPLE})\n"


def test_check_code_json_is_one_document_with_progress_on_a_terminal() -> None:
    """check-code --format json: one JSON document on stdout; the progress goes to standard error."""
    code, out, err = _with_stderr(_Terminal(), "check-code", "normal_pdf", "--points", "5", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["points"] == 5
    assert [(i["name"], i["outcome"]) for i in data["implementations"]] == [("normal_pdf", "proved")]
    assert data["summary"]["proved"] == 1 and err == "derivations check-code: checked normal_pdf\n"


def test_the_progress_hooks_of_run_and_pdf_name_each_derivation_as_it_is_done(monkeypatch) -> None:
    """run (side by side too) and pdf call their progress hook once per derivation, in order."""
    from derivations.publish import document, runner

    monkeypatch.setattr(runner, "_stored", lambda name: None)  # checked here, not read back from the store
    names = ["gaussian_product", "gaussian_conditional"]
    seen: list[str] = []
    results = list(runner.run_builtins(names, jobs=2, progress=seen.append))
    assert [r.name for r in results] == names and seen == names
    seen.clear()
    assert [c.name for c in document.checked_derivations(names[:1], progress=seen.append)] == names[:1]
    assert seen == names[:1]


def test_progress_is_off_when_standard_error_is_not_a_terminal() -> None:
    from derivations.cli import progress_reporter

    assert progress_reporter("run", io.StringIO()) is None
    terminal = _Terminal()
    progress_reporter("pdf", terminal)("forward_process")
    assert terminal.getvalue() == "derivations pdf: checked forward_process\n"


# --- check: JSON, parse errors, the notation table ----------------------------------------


@pytest.mark.parametrize("lhs, rhs, code, status", [("(x+1)^2", "x^2+2*x+1", 0, "proved"),
                                                     ("(x+1)^2", "x^2+1", 1, "refuted"),
                                                     ("1/(x-x)", "1/(y-y)", 3, "undecided")])
def test_check_json_for_tools(lhs: str, rhs: str, code: int, status: str) -> None:
    """check --format json: the verdict, residual and counterexample as data; the exit codes of text."""
    result = run_cli("check", lhs, rhs, "--format", "json")
    data = json.loads(result.stdout)
    assert result.returncode == code and data["status"] == status and data["relation"] == "equal"
    if status == "refuted":
        assert data["residual"] == "2*x" and set(data["counterexample"]) == {"point", "lhs", "rhs"}
    if status == "proved":
        assert data["residual"] is None and data["lhs"] == "(x + 1)**2"


PARSE_ERRORS = {
    "trailing operator": ("x+", 2, "the expression ends after '+'"),
    "power cut short": ("x **", 3, "the expression ends after '**'"),
    "juxtaposition": ("a b", 3, "two terms side by side: write a*b"),
    "expectation": ("E[x]", 1, "an expectation E[...] is not read"),
    "indexing": ("y + x[0]", 5, "subscripts and indexing are not read"),
    "unknown function": ("f(x)", 1, "f is not a function this reader knows"),
    "arity": ("sqrt(x, 2)", 1, "sqrt takes 1 argument, not 2"),
    "matrix product": ("x @ y", 1, "the operator @ (a matrix product) is not read"),
    "bars": ("|x|", 1, "'|' is not read (write Abs(x) for |x|)"),
    "dollars": ("$x$", 1, "'$' is not read"),
    "prime": ("f'(x)", 2, "a quote is not read (a prime f'(x) is no derivative here"),
    "unclosed": ("exp(x", 4, "'(' was never closed"),
}


@pytest.mark.parametrize("text, column, says", PARSE_ERRORS.values(), ids=PARSE_ERRORS.keys())
def test_check_parse_errors_name_the_column_and_the_construct(text: str, column: int, says: str) -> None:
    """One line, exit 2: the column in the input and the construct in words, not a Python exception name."""
    result = run_cli("check", text, "1")
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    assert f"at column {column}: {says}" in result.stderr, result.stderr
    assert not re.search(r"TypeError|SyntaxError|Traceback", result.stderr)


def test_assume_positive_says_which_names_keep_the_table_assumption() -> None:
    """a is real in the notation table: --assume positive leaves it real, and says so in one line."""
    result = run_cli("check", "sqrt(a**2)", "a", "--assume", "positive")
    assert result.returncode == 1 and result.stdout.startswith("refuted")
    assert result.stderr == ("derivations: note: a is real in the notation table, not positive: --assume positive "
                             "applies only to names outside the table (state --positive NAME for a hypothesis)\n")
    outside = run_cli("check", "sqrt(b**2)", "b", "--assume", "positive")
    assert outside.returncode == 0 and outside.stderr == ""
    assert run_cli("check", "sqrt(a**2)", "a").stderr == ""  # real by default: nothing to say
