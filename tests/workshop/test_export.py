"""`debtcoach workshop export`: rows per question and per answer with anonymous ids, and an
HTML summary that fetches nothing."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from debtcoach.store.rooms import RoomStore
from tests.workshop import rooms
from tests.workshop.test_cli import run

NICKNAMES = [p[0] for p in rooms.PEOPLE if p[0]]


def _export(folder: Path, *flags: str) -> str:
    result = run("workshop", "export", "--room", rooms.ROOM, "--data-dir", str(folder), *flags)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_csv_json_and_html(tmp_path: Path) -> None:
    rooms.seed(tmp_path, {0, 1, 2})
    with RoomStore.open(tmp_path) as store:
        stored = store.count_answers(rooms.ROOM)

    rows = list(csv.DictReader(io.StringIO(_export(tmp_path, "--csv"))))
    answers = [r for r in rows if r["row"] == "answer"]
    questions = {r["step"]: r for r in rows if r["row"] == "question"}
    assert len(answers) == stored
    assert {r["participant"] for r in answers} == {"P1", "P2", "P3", "P4"}
    refused = questions["why-refused"]
    assert (refused["answered"], refused["correct"]) == ("4", "2")

    document = json.loads(_export(tmp_path, "--json"))
    assert document["format"] == "debtcoach-room" and len(document["answers"]) == stored
    assert document["fan"]["paths"] == 4 and len(document["fan"]["p50_fen"]) > 0

    page = _export(tmp_path, "--html")
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") >= 4
    assert not re.search(r"""(src|href)\s*=|url\(|@import|https?://""", page)

    for text in (json.dumps(document, ensure_ascii=False), page, str(rows)):
        assert not any(name in text for name in NICKNAMES)


def test_to_a_private_file_and_exactly_one_format(tmp_path: Path) -> None:
    rooms.seed(tmp_path, {0, 1, 2})
    target = tmp_path / "room.html"
    result = run("workshop", "export", "--room", rooms.ROOM, "--data-dir", str(tmp_path),
                 "--html", "--output", str(target))
    assert result.returncode == 0 and target.stat().st_mode & 0o777 == 0o600
    both = run("workshop", "export", "--room", rooms.ROOM, "--data-dir", str(tmp_path),
               "--csv", "--json")
    assert both.returncode == 2 and both.stderr.startswith("--csv/--json/--html:")
    nowhere = run("workshop", "export", "--room", rooms.ROOM, "--data-dir", str(tmp_path),
                  "--csv", "--output", str(tmp_path / "missing" / "x.csv"))
    assert nowhere.returncode == 2 and nowhere.stderr.startswith("--output:")
