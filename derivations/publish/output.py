"""Write a checked derivation's files into the output folder, atomically.

Each file is written to a temporary name in the same folder and renamed into
place only once every file of the derivation is staged, so a reader never sees
a half-written file; if staging fails, the temporaries are removed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from derivations.engine.derivation import CheckedDerivation
from derivations.errors import OutputError
from derivations.latex import render


def write_files(folder: Path, files: Mapping[str, str]) -> list[Path]:
    """Write ``files`` (name -> text) into ``folder``: all of them, or none.

    Raises:
        OutputError: the folder cannot be created or written; nothing is left behind.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create output folder {folder}: {error.strerror or error}") from None
    staged: list[tuple[str, Path]] = []
    try:
        for name, text in files.items():
            handle, temp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
            staged.append((temp, folder / name))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
    except OSError as error:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise OutputError(f"cannot write to output folder {folder}: {error.strerror or error}") from None
    for temp, target in staged:
        os.replace(temp, target)
    return [target for _, target in staged]


def derivation_files(checked: CheckedDerivation) -> dict[str, str]:
    """What ``derivations run`` writes for a derivation: NAME.tex, NAME.md (with its figures) and NAME.json."""
    from derivations.publish.figures import markdown_references  # names only: matplotlib is not imported

    files = {f"{checked.name}.{ext}": fmt(checked) for ext, fmt in render.FILE_FORMATS.items()}
    figures = markdown_references(checked.name)
    if figures:
        files[f"{checked.name}.md"] += "\n### Figures\n\n" + "\n\n".join(figures) + "\n"
    return files
