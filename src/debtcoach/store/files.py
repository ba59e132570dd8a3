"""Files the store writes outside its database: private folders and export files.

Exports are created private (0600) from the first byte, never through a symlink, and never over
an existing file unless the caller asked to replace it; a replacement is written beside the old
file and renamed over it, so a failure leaves the old file whole.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from debtcoach.errors import InputError

# A file the export would replace is ours if it starts like an export (see exchange.to_text).
_EXPORT_START = b'{\n "format": "debtcoach-progress"'


def make_private_folders(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each 0700 whatever the umask."""
    missing: list[Path] = []
    for path in [folder, *folder.parents]:
        if path.exists():
            break
        missing.append(path)
    for path in reversed(missing):
        with suppress(FileExistsError):  # made meanwhile by another process
            path.mkdir(mode=0o700)
            path.chmod(0o700)


def write_export(path: Path, text: str, replace: bool = False) -> None:
    """Write an export to ``path``: a new private file, or (``replace``) a private file renamed
    over whatever is there (a symlink is replaced, never followed). Raises InputError:
    ``export_exists`` when the file exists and ``replace`` is false, else ``file_unwritable``."""
    data = text.encode("utf-8")
    if not replace:
        _write_new(path, data, path)
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _write_new(temporary, data, path)
    try:
        os.replace(temporary, path)
    except OSError as exc:
        with suppress(OSError):
            temporary.unlink()
        raise InputError(str(path), "file_unwritable", detail=exc.strerror or str(exc)) from None


def is_our_export(path: Path) -> bool:
    """A regular file (not a symlink) that starts the way every export starts."""
    try:
        if not path.is_file() or path.is_symlink():
            return False
        with path.open("rb") as file:
            return file.read(len(_EXPORT_START)) == _EXPORT_START
    except OSError:
        return False


def _write_new(path: Path, data: bytes, named: Path) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, 0o600)
    except FileExistsError:
        raise InputError(str(named), "export_exists") from None
    except OSError as exc:
        raise InputError(str(named), "file_unwritable", detail=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except OSError as exc:  # disk full while writing: leave no half file behind
        with suppress(OSError):
            path.unlink()
        raise InputError(str(named), "file_unwritable", detail=exc.strerror or str(exc)) from None
