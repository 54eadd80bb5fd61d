"""`derivations lint` (in process): both formats, exit codes, bad input, source 000."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from derivations.lint import MAX_BYTES, lint_text
from derivations.lint.check import Options
from derivations.lint.report import as_text
from tests.helpers import Ran, run_cli

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "lint" / "corpus"
# The source documents live in shared/, beside the repository (as in CI).
SEEDS = Path(os.environ.get("DERIVATIONS_SEEDS", ROOT.parent / "shared" / "seeds"))
SOURCE_000 = "000_d506fda4f155f43f.txt"
GOLDEN_000 = ROOT / "tests" / "lint" / "golden" / "lint_000.txt"


def lint_cli(*args: str, cwd: Path = CORPUS) -> Ran:
    return run_cli("lint", *args, cwd=cwd)


def test_clean_post_exits_0_with_only_the_summary() -> None:
    """A post whose steps are all proved: exit 0, no finding, one summary line."""
    result = lint_cli("clean.md")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "clean.md: 3 blocks, 5 steps: 5 proved, 0 refuted, 0 undecided, 0 unparsed\n"


def test_refuted_step_exits_1_with_a_linter_line() -> None:
    """A slip: exit 1 and 'POST:LINE: refuted: <step>; residual <r>; at <point> lhs=<a> rhs=<b>'."""
    result = lint_cli("slip_completed_square.md")
    assert result.returncode == 1
    first, summary = result.stdout.splitlines()
    assert re.fullmatch(
        r"slip_completed_square\.md:10: refuted: "
        r"= -a\\left\(x \+ \\frac\{b\}\{2a\}\\right\)\^2 \+ \\frac\{b\^2\}\{4a\}; "
        r"residual 2\*b\*x; at a=\S+, b=\S+, x=\S+ lhs=\S+ rhs=\S+; numeric counterexample", first)
    assert summary.endswith("2 steps: 1 proved, 1 refuted, 0 undecided, 0 unparsed")


def test_json_format_lists_every_step(tmp_path: Path) -> None:
    """--format json: the post, the counts and every step with status, residual and counterexample."""
    result = lint_cli("slip_completed_square.md", "--format", "json")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["summary"] == {"steps": 2, "proved": 1, "refuted": 1, "undecided": 0, "unparsed": 0}
    refuted = document["steps"][1]
    assert (refuted["line"], refuted["status"], refuted["residual"]) == (10, "refuted", "2*b*x")
    assert set(refuted["counterexample"]["point"]) == {"a", "b", "x"}


def test_strict_fails_on_undecided_steps(tmp_path: Path) -> None:
    """An undecided step passes by default (exit 0) and fails with --strict (exit 1)."""
    post = tmp_path / "approx.md"
    post.write_text("$$\n\\begin{aligned}\n&a + b \\\\\n&\\approx a\n\\end{aligned}\n$$\n", encoding="utf-8")
    assert lint_cli(str(post)).returncode == 0
    strict = lint_cli(str(post), "--strict")
    assert strict.returncode == 1
    assert f"{post}:4: undecided: \\approx a; an approximation: not checked" in strict.stdout


def test_normal_option_turns_on_equality_in_distribution(tmp_path: Path) -> None:
    """--normal declares the noises: the merge of two noise terms is proved, exit 0 even with --strict."""
    post = tmp_path / "merge.md"
    post.write_text("$$\\sqrt{\\alpha_t}\\epsilon_1 + \\sqrt{1-\\alpha_t}\\epsilon_2 = \\epsilon$$\n",
                    encoding="utf-8")
    assert lint_cli(str(post), "--strict").returncode == 1
    assert lint_cli(str(post), "--strict", "--normal", "epsilon_1,epsilon_2,epsilon").returncode == 0


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes("$$x = 1$$ caf\xe9\n".encode("latin-1"))
    large = tmp_path / "large.md"
    large.write_bytes(b"a" * (MAX_BYTES + 1))
    return {
        "missing": (tmp_path / "missing.md", "no such file"),
        "not-utf8": (latin1, "not UTF-8"),
        "too-large": (large, f"more than the limit of {MAX_BYTES} bytes"),
        "directory": (tmp_path, "no such file"),
    }


@pytest.mark.parametrize("case", ["missing", "not-utf8", "too-large", "directory"])
def test_bad_input_exits_2_with_one_line(tmp_path: Path, case: str) -> None:
    """A missing file, a file that is not UTF-8, a file over 1 MiB: one error line, exit 2."""
    path, message = _bad_inputs(tmp_path)[case]
    result = lint_cli(str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_post_is_never_executed(tmp_path: Path) -> None:
    """Python in a post (a code block, a fake expression) is read as text only."""
    marker = tmp_path / "executed"
    post = tmp_path / "evil.md"
    post.write_text(f"```python\nopen({str(marker)!r}, 'w')\n```\n\n$$__import__('os') = 1$$\n",
                    encoding="utf-8")
    lint_cli(str(post))
    assert not marker.exists()


#: Source 000's g_1, g_2 are Gaussians: B_i = 1/(2 sigma_i^2) > 0, as its prose says of B.
OPTIONS_000 = Options(positive=("B_1", "B_2"))


@pytest.mark.slow
@pytest.mark.skipif(not (SEEDS / SOURCE_000).is_file(), reason="source documents not available")
def test_report_on_source_000_matches_the_reviewed_golden_file() -> None:
    """The text report on source 000 is the checked-in, hand-reviewed golden file."""
    text = (SEEDS / SOURCE_000).read_text(encoding="utf-8")
    assert as_text(lint_text(text, OPTIONS_000, path=SOURCE_000)) == GOLDEN_000.read_text(encoding="utf-8")


def test_golden_000_reports_the_completed_square_slip_as_a_refuted_integrand() -> None:
    """In the golden report, the sign slip at line 146 is a refuted integrand whose value is unchanged."""
    lines = GOLDEN_000.read_text(encoding="utf-8").splitlines()
    (slip,) = [line for line in lines if ": refuted: " in line]
    assert slip.startswith(f"{SOURCE_000}:146: refuted: ")
    assert "the integrand differs from the line before" in slip
    assert slip.endswith("; the integral's value is unchanged (proved)")
