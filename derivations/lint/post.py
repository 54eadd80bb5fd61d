"""Reading a post from disk: at most 1 MiB of UTF-8 text, or one line saying why not."""

from __future__ import annotations

from pathlib import Path

from derivations.errors import BadInputError

#: Posts larger than this are refused (bad input): 1 MiB.
MAX_BYTES = 1 << 20


def read_post(path: Path) -> str:
    """The text of the post at ``path``; :class:`BadInputError` if missing, too large or not UTF-8.

    At most ``MAX_BYTES + 1`` bytes are read, whatever the file system says of the size
    (``/proc`` files report 0 and never end).
    """
    if not path.is_file():
        raise BadInputError(f"{path}: no such file")
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise BadInputError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise BadInputError(f"{path}: more than the limit of {MAX_BYTES} bytes (1 MiB)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadInputError(f"{path}: not UTF-8 (byte {error.start})") from None
