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
from typing import TYPE_CHECKING

from derivations.errors import OutputError

if TYPE_CHECKING:
    from derivations.engine.steps import CheckedDerivation


def write_files(folder: Path, files: Mapping[str, str]) -> list[Path]:
    """Write ``files`` (name -> text) into ``folder``: all of them, or none.

    Every name must be a plain file name (no folder in it, so nothing is written
    outside ``folder``) and no target may be a folder. Files get the usual
    permissions (``0666`` less the umask: ``0644`` by default), not ``mkstemp``'s ``0600``,
    so a web server running as another user can read them.

    Raises:
        OutputError: a bad name, a target that is a folder, or the folder cannot be
            created or written; nothing is left behind.
    """
    for name in files:
        if not _plain_file_name(name):
            raise OutputError(f"cannot write {name!r}: not a plain file name (no folders, no '..')")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create output folder {folder}: {error.strerror or error}") from None
    blocked = [name for name in files if (folder / name).is_dir()]
    if blocked:
        raise OutputError(f"cannot write {folder / blocked[0]}: it is a folder; nothing was written")
    mode = _file_mode()
    staged: list[tuple[str, Path]] = []
    try:
        for name, text in files.items():
            handle, temp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
            staged.append((temp, folder / name))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.chmod(temp, mode)
        for temp, target in staged:
            os.replace(temp, target)
    except OSError as error:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise OutputError(f"cannot write to output folder {folder}: {error.strerror or error}") from None
    return [target for _, target in staged]


def _plain_file_name(name: str) -> bool:
    return bool(name) and name not in (".", "..") and "/" not in name and "\\" not in name and "\0" not in name


def _file_mode() -> int:
    """The mode ``open()`` would give a new file: ``0666`` less the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def derivation_files(checked: CheckedDerivation) -> dict[str, str]:
    """What ``derivations run`` writes for a derivation: NAME.tex, NAME.md (with its figures) and NAME.json."""
    from derivations.latex import render
    from derivations.publish.figures import markdown_references  # names only: matplotlib is not imported

    files = {f"{checked.name}.{ext}": fmt(checked) for ext, fmt in render.FILE_FORMATS.items()}
    figures = markdown_references(checked.name)
    if figures:
        files[f"{checked.name}.md"] += "\n### Figures\n\n" + "\n\n".join(figures) + "\n"
    return files
