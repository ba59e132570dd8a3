"""Reading files users point at: regular files only, bounded, UTF-8 with or without a BOM, and a
message naming the encoding to save in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from debtcoach.errors import InputError
from debtcoach.textfile import read_text


def code_of(path: Path, **kwargs: int) -> str:
    with pytest.raises(InputError) as info:
        read_text(path, **kwargs)
    assert info.value.field == str(path)
    return info.value.code


def test_utf8_with_or_without_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes("\ufeffmonths = 12\n# 借款".encode())
    assert read_text(path) == "months = 12\n# 借款"
    path.write_text("months = 12", encoding="utf-8")
    assert read_text(path) == "months = 12"


def test_gbk_and_utf16_are_named_with_how_to_save(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("period,amount\n0,1000\n# 借款一千".encode("gbk"))
    with pytest.raises(InputError) as info:
        read_text(path)
    assert info.value.code == "file_encoding" and "GBK" in info.value.params["encoding"]
    path.write_bytes("period,amount".encode("utf-16"))
    assert code_of(path) == "file_encoding"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert code_of(path) == "file_not_text"


def test_size_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * 1025)
    assert code_of(path, limit=1024) == "file_too_large"
    assert read_text(path, limit=1025) == "x" * 1025


@pytest.mark.skipif(os.name != "posix", reason="POSIX special files")
def test_only_regular_files_are_read_and_a_pipe_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert code_of(fifo) == "file_not_regular"  # returns at once: nobody writes to it
    assert code_of(tmp_path) == "file_not_regular"
    assert code_of(Path("/dev/zero")) == "file_not_regular"
    assert code_of(tmp_path / "missing") == "file_missing"
