"""Reading a text file the user pointed at, with a located error instead of a traceback.

Only regular files are read (a pipe or a device would block or never end), and only up to a size
limit, so a wrong path costs a message, not a hang or all the memory. A UTF-8 byte-order mark
(Windows Notepad, Excel) is dropped; a file saved in a Chinese legacy encoding (GBK) or UTF-16 is
named, with how to save it as UTF-8.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from debtcoach.errors import InputError

# Lessons, scenarios, cash-flow CSVs and progress exports are kilobytes; this is ample.
MAX_TEXT_BYTES = 4 * 1024 * 1024


def read_text(path: Path, where: str | None = None, limit: int = MAX_TEXT_BYTES) -> str:
    """UTF-8 text of ``path``; anything else raises InputError at ``where``."""
    where = str(path) if where is None else where
    data = _read_bytes(path, where, limit)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(where, "file_encoding", encoding="UTF-16")
    if b"\x00" in data:
        raise InputError(where, "file_not_text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if _looks_like_gbk(data):
            raise InputError(where, "file_encoding", encoding="GBK (GB18030)") from None
        raise InputError(where, "file_not_text") from None
    return text.removeprefix("\ufeff")


def _read_bytes(path: Path, where: str, limit: int) -> bytes:
    try:
        # Non-blocking: opening a FIFO with no writer must not wait forever.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(where, "file_missing", detail=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise InputError(where, "file_not_regular")
    with os.fdopen(descriptor, "rb") as file:
        try:
            data = file.read(limit + 1)
        except OSError as exc:
            raise InputError(where, "file_missing", detail=exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise InputError(where, "file_too_large", limit=f"{limit // (1024 * 1024)} MB")
    return data


def _looks_like_gbk(data: bytes) -> bool:
    """Decodes as GB18030 and holds Chinese characters: most likely saved as GBK by Excel."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= char <= "\u9fff" for char in text)
