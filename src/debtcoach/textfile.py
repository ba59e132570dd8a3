"""Reading a text file the user pointed at, with a located error instead of a traceback."""

from __future__ import annotations

from pathlib import Path

from debtcoach.errors import InputError


def read_text(path: Path, where: str | None = None) -> str:
    """UTF-8 text of ``path``; missing, unreadable or binary files raise InputError at ``where``."""
    where = str(path) if where is None else where
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(where, "file_missing", detail=exc.strerror or str(exc)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(where, "file_not_text") from None
    if "\x00" in text:
        raise InputError(where, "file_not_text")
    return text
