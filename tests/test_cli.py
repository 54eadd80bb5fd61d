"""The command line: output, files and exit codes (in process; a real subprocess where the process is the point)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import Ran, run_cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "gaussian_log_density.py"


def cli(*args: str, cwd: Path = ROOT) -> Ran:
    return run_cli(*args, cwd=cwd)


def process(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m derivations ARGS`` in a real subprocess."""
    return subprocess.run([sys.executable, "-m", "derivations", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)


def test_the_entry_point_runs_and_reports_bad_input_in_one_line() -> None:
    """The real process: python -m derivations checks a line, and bad input is one line, exit 2, no traceback."""
    assert process("check", "(x+1)^2", "x^2+2*x+1").stdout.startswith("proved")
    bad = process("check", "x+", "1")
    assert bad.returncode == 2 and len(bad.stderr.splitlines()) == 1 and "Traceback" not in bad.stderr


def test_help_explains_every_command() -> None:
    """--help lists the commands; each command has a --help of its own."""
    top = cli("--help")
    assert top.returncode == 0
    for command in ("list", "run", "show", "check"):
        assert command in top.stdout
        assert cli(command, "--help").returncode == 0


def test_list_names_the_builtin_derivations() -> None:
    """list prints one derivation a line with its title."""
    result = cli("list")
    assert result.returncode == 0
    assert any(line.startswith("forward_process ") for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    "lhs, rhs, code, start",
    [("(x+1)^2", "x^2+2*x+1", 0, "proved (expansion)"),
     ("(x+1)^2", "x^2+1", 1, "refuted (numeric counterexample); residual 2*x; at x="),
     ("Integral(exp(-t^4), (t, -oo, oo))", "2*gamma(5/4)", 3, "undecided")],
    ids=["proved", "refuted", "undecided"],
)
def test_check_exit_codes(lhs: str, rhs: str, code: int, start: str) -> None:
    """check exits 0 proved, 1 refuted (with residual and point), 3 undecided."""
    result = cli("check", lhs, rhs)
    assert result.returncode == code
    assert result.stdout.startswith(start)


def test_check_equal_in_distribution_with_normals() -> None:
    """--normal turns on equality in distribution: two noise terms merge; a wrong variance is refuted."""
    args = ("sqrt(alpha_t)*e1 + sqrt(1-alpha_t)*e2", "--normal", "e1,e2,e3", "--positive", "1-alpha_t")
    assert cli("check", args[0], "e3", *args[1:]).returncode == 0
    wrong = cli("check", args[0], "sqrt(2)*e3", *args[1:])
    assert wrong.returncode == 1 and wrong.stdout.startswith("refuted (variance: ")


@pytest.mark.parametrize(
    "args, message",
    [(("check", "x+", "1"), r"derivations: error: cannot read expression 'x\+'"),
     (("check", "x", "1", "--assume", "complex"), r"derivations: error: derivations check: argument --assume"),
     (("run", "no_such_thing"), r"derivations: error: unknown derivation 'no_such_thing'; known: "),
     (("show", "no_such_thing"), r"derivations: error: unknown derivation 'no_such_thing'; known: "),
     (("frobnicate",), r"derivations: error: derivations: argument COMMAND: invalid choice")],
    ids=["unparseable", "bad option", "unknown run", "unknown show", "unknown command"],
)
def test_bad_input_is_one_line_exit_2_no_traceback(args: tuple[str, ...], message: str) -> None:
    """Bad input gets one clear line on stderr, exit code 2 and no traceback."""
    import re

    result = cli(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert re.match(message, result.stderr)
    assert "Traceback" not in result.stderr


def test_run_file_writes_three_files(tmp_path: Path) -> None:
    """run --file checks a user's derivation and writes its .tex, .md and .json."""
    result = cli("run", "--file", str(EXAMPLE), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("gaussian_log_density: 2/2 steps proved, 1 stated, ")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "gaussian_log_density.json", "gaussian_log_density.md", "gaussian_log_density.tex"]
    data = json.loads((tmp_path / "gaussian_log_density.json").read_text())
    assert [s["outcome"]["status"] for s in data["steps"]] == ["stated", "proved", "proved"]


def test_run_twice_is_byte_identical(tmp_path: Path) -> None:
    """Two runs write byte-identical files."""
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        assert cli("run", "--file", str(EXAMPLE), "--out", str(out)).returncode == 0
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes()


def test_failing_user_derivation_writes_nothing(tmp_path: Path) -> None:
    """A refuted step fails the run (exit 1), names the step, and writes nothing for it."""
    broken = tmp_path / "broken.py"
    broken.write_text(EXAMPLE.read_text().replace("(x - mu) ** 2 / (2 * sigma**2),\n           because=\"log",
                                                  "(x - mu) ** 2 / sigma**2,\n           because=\"log"))
    out = tmp_path / "out"
    result = cli("run", "--file", str(broken), "--out", str(out))
    assert result.returncode == 1
    assert 'step 2 "log of a product is a sum of logs" is refuted' in result.stderr
    assert "residual (-mu + x)**2/(2*sigma**2); at " in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_unwritable_output_folder_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    """An output folder that cannot be created gets one line, exit 2 and no partial files."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = cli("run", "--file", str(EXAMPLE), "--out", str(blocker / "out"))
    assert result.returncode == 2
    assert result.stderr.startswith("derivations: error: cannot create output folder")
    assert "Traceback" not in result.stderr


def test_user_script_runs_on_its_own() -> None:
    """python examples/FILE.py checks and prints the derivation with marks."""
    result = subprocess.run([sys.executable, str(EXAMPLE)], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert result.returncode == 0
    assert "✓ step 2" in result.stdout and "✓ result equals the course notes" in result.stdout


def test_every_builtin_runs_as_a_script() -> None:
    """Each built-in module ends with the run_script call, so `python -m derivations.<layer>.<module>` works."""
    from derivations import registry

    for name in registry.names():
        module_file = ROOT / (registry.module_path(name).replace(".", "/") + ".py")
        assert 'if __name__ == "__main__":' in module_file.read_text(encoding="utf-8"), name
        assert "run_script(derive)" in module_file.read_text(encoding="utf-8"), name


def test_builtin_module_prints_itself() -> None:
    """python -m derivations.gaussian.product checks the derivation and prints marked steps."""
    result = subprocess.run([sys.executable, "-m", "derivations.gaussian.product"], capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("The product of two Gaussian densities [gaussian_product]")
    assert "✓ result equals the course notes “Gaussian Distributions Deep Dive”, Property 3" in result.stdout


def test_jobs_must_be_positive() -> None:
    """--jobs 0 is bad input: one line, exit 2."""
    result = cli("run", "--jobs", "0", "forward_process")
    assert result.returncode == 2
    assert result.stderr == "derivations: error: --jobs must be at least 1, not 0\n"


def test_noise_scale_must_be_provably_real() -> None:
    """Without the hypothesis 1 - alpha_t > 0, sqrt(1 - alpha_t) may be imaginary: undecided, exit 3."""
    result = cli("check", "sqrt(alpha_t)*e1 + sqrt(1-alpha_t)*e2", "e3", "--normal", "e1,e2,e3")
    assert result.returncode == 3
    assert result.stdout.startswith("undecided (sqrt(1 - alpha_t) is not provably real")


def test_normals_stay_real_under_assume_positive() -> None:
    """--assume positive does not make a noise variable positive: |N(0,1)| is not N(0,1)."""
    result = cli("check", "sqrt(e1**2)", "e2", "--normal", "e1,e2", "--assume", "positive")
    assert result.returncode == 3


def test_latex_and_sympy_namesakes_are_one_variable() -> None:
    """\\alpha (LaTeX) and alpha (SymPy) are the notation table's one alpha: the same variable."""
    result = cli("check", "\\alpha", "alpha")
    assert result.returncode == 0 and result.stdout.startswith("proved")
