"""Output files: written atomically, all or none; the committed output/ is up to date; no overfull box."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from derivations.errors import OutputError
from derivations.publish import pdf as publish
from derivations.publish.output import write_files

ROOT = Path(__file__).resolve().parents[2]


def test_files_are_written_whole(tmp_path: Path) -> None:
    """All files appear with their text and no temporaries are left behind."""
    written = write_files(tmp_path / "out", {"a.tex": "A\n", "a.md": "B\n"})
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.md", "a.tex"]
    assert [p.read_text() for p in written] == ["A\n", "B\n"]


def test_failure_midway_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the second file cannot be written, OutputError says so and no file (or temporary) is left."""
    import tempfile

    real_mkstemp, calls = tempfile.mkstemp, []

    def failing_mkstemp(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise PermissionError(13, "Permission denied")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", failing_mkstemp)
    with pytest.raises(OutputError, match=r"^cannot write to output folder .*: Permission denied$"):
        write_files(tmp_path, {"a.tex": "A", "a.md": "B"})
    assert list(tmp_path.iterdir()) == []


def test_folder_that_is_a_file_is_an_output_error(tmp_path: Path) -> None:
    """An output path under a regular file is reported as OutputError."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match=r"^cannot create output folder"):
        write_files(blocker / "out", {"a.tex": "A"})


def test_committed_output_is_up_to_date(run_output) -> None:
    """`derivations run` writes exactly the committed output/ (regenerate and commit if this fails)."""
    result, out = run_output
    assert result.returncode == 0, result.stderr
    generated = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    committed = {p.name: p.read_bytes() for p in (ROOT / "output").iterdir()
                 if p.is_file() and p.suffix in {".tex", ".md", ".json"}}
    assert sorted(generated) == sorted(committed)
    stale = [name for name in generated if generated[name] != committed[name]]
    assert stale == [], f"stale files in output/: {stale}; run `derivations run` and commit"


@pytest.mark.skipif(shutil.which("pdflatex") is None,
                    reason=f"pdflatex not installed (apt-get install {publish.TEX_PACKAGES}); CI installs it")
def test_the_document_has_no_overfull_box_over_10pt(tmp_path, run_output):
    """The whole document (derivations.tex, as `derivations run` and `derivations pdf` write it) has no overfull
    box over 10 pt."""
    result, out = run_output
    assert result.returncode == 0, result.stderr
    tex = tmp_path / "derivations.tex"
    tex.write_text((out / "derivations.tex").read_text(encoding="utf-8"))
    assert publish.compile_pdf(tex, tmp_path / "derivations.pdf") == ""
    boxes = publish.overfull_boxes((tmp_path / "derivations.log").read_text())
    assert [box for box in boxes if box[0] > publish.OVERFULL_LIMIT] == []
