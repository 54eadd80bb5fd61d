"""The lint corpus against its hand-checked expected reports (issue 15).

``tests/lint/corpus/expected/<stem>.toml`` lists, for each corpus post, its real slips, the steps
the linter wrongly refutes, and any step it wrongly proves (see ``benchmarks/corpus_report.py`` for
the figures). These tests hold what is true today and must keep holding:

* no listed slip is ever proved;
* every slip the linter refutes today (``caught = true``) stays refuted;
* the known false proofs (``proved_false``) are expected failures (strict: when one is fixed the
  test says so, and the entry moves to ``slips``);
* every expected file names a corpus post, and every excerpt in it occurs in that post's rows.

Each post is linted once per session. Posts that take more than a few seconds are marked ``slow``
(``-m "not slow"`` leaves them out).
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

import pytest

from derivations.lint import lint_file
from derivations.lint.extract import extract
from derivations.lint.steps import parse_rows

ROOT = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("corpus_report", ROOT / "benchmarks" / "corpus_report.py")
report = sys.modules.setdefault("corpus_report", importlib.util.module_from_spec(_SPEC))
if not hasattr(report, "corpus_files"):
    _SPEC.loader.exec_module(report)

#: Posts that take more than a few seconds to lint today (05 and 04: about fifteen seconds each).
SLOW = {"04_lozupone-ddim", "05_chengpei-understanding-diffusion"}
POSTS = report.corpus_files()


def _param(path: Path):
    marks = [pytest.mark.slow] if path.stem in SLOW else []
    return pytest.param(path, id=path.stem, marks=marks)


@functools.cache
def linted(path: Path) -> tuple[report.Step, ...]:
    """The post's steps, linted once per session."""
    steps = lint_file(path).steps
    return tuple(report.Step(s.line, s.source, s.status.value, s.method, s.residual) for s in steps)


def expected(path: Path) -> dict:
    return report.load_expected(path.stem)


def _where(path: Path, entry: dict) -> str:
    return f"{path.name}:{entry['line']}: {entry['source'][:80]}"


@pytest.mark.parametrize("path", [_param(p) for p in POSTS])
def test_no_slip_is_proved(path: Path) -> None:
    steps = list(linted(path))
    proved = [_where(path, slip) for slip in expected(path).get("slips", [])
              if any(s.status == "proved" for s in report.matches(slip, steps))]
    assert not proved, f"a real slip is proved: {proved}"


@pytest.mark.parametrize("path", [_param(p) for p in POSTS])
def test_caught_slips_stay_refuted(path: Path) -> None:
    steps = list(linted(path))
    lost = [_where(path, slip) for slip in expected(path).get("slips", [])
            if slip.get("caught") and not any(s.status == "refuted" for s in report.matches(slip, steps))]
    assert not lost, f"a slip the linter refuted is no longer refuted: {lost}"


def _false_proofs():
    for path in POSTS:
        for entry in expected(path).get("proved_false", []):
            marks = [pytest.mark.xfail(strict=True, reason=f"known false proof: {entry.get('cause', '')}")]
            if path.stem in SLOW:
                marks.append(pytest.mark.slow)
            yield pytest.param(path, entry, id=f"{path.stem}:{entry['line']}", marks=marks)


_NONE = pytest.param(None, None, marks=pytest.mark.skip(reason="no known false proof in the corpus"))


@pytest.mark.parametrize(("path", "entry"), list(_false_proofs()) or [_NONE])
def test_known_false_proofs_are_not_proved(path: Path, entry: dict) -> None:
    found = report.matches(entry, list(linted(path)))
    assert found, f"{_where(path, entry)} is no longer a step of the post"
    assert not any(s.status == "proved" for s in found), f"{_where(path, entry)} is proved, and it is false"


def test_every_post_has_an_expected_report() -> None:
    stems = {p.stem for p in POSTS}
    files = {p.stem for p in report.EXPECTED.glob("*.toml")}
    assert stems == files, f"no report: {sorted(stems - files)}; a report without a post: {sorted(files - stems)}"


@pytest.mark.parametrize("path", POSTS, ids=[p.stem for p in POSTS])
def test_expected_excerpts_occur_in_the_post(path: Path) -> None:
    rows = [(r.line, report.norm(r.source)) for b in extract(path.read_text(encoding="utf-8")).blocks
            for r in parse_rows(b.content, b.line)]
    data = expected(path)
    missing = []
    for table in ("slips", "true_steps_refuted", "proved_false", "proved_misread"):
        for entry in data.get(table, []):
            if not any(line == entry["line"] and report.norm(entry["source"]) in source for line, source in rows):
                missing.append(f"{table}: {_where(path, entry)}")
    assert not missing, f"excerpts that are no row of the post: {missing}"
