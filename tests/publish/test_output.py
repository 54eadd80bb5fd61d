"""Output files: written atomically, all or none; and the committed output/ is up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from derivations.errors import OutputError
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
