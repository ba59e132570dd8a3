"""Every case reported as a crash, a hang or a wrong message, kept as a regression test.

Each case builds its files in a temporary folder, runs the command the way a user would and
expects exit 0, or exit 2 with one located line per problem naming ``where``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.fuzz.cli import problems, run

DATA = Path(__file__).parents[1] / "data"
SCENARIO = (DATA / "lessons" / "scenarios" / "one-app.toml").read_text()
OFFER = ["apr", "--amount", "1000", "--term", "7d", "--rate", "1%/day"]


@dataclass(frozen=True)
class Case:
    args: Callable[[Path], list[str]]
    codes: tuple[int, ...] = (2,)
    where: str | None = None
    says: str = ""  # a word the message must hold
    avoid: str = ""  # a word it must not hold (a misleading message)
    lines: int | None = None  # exactly this many lines on stderr
    subprocess: bool = False  # may block or run away: run with a time limit
    posix: bool = False
    marks: tuple[pytest.MarkDecorator, ...] = field(default=())


def fixed(*args: str) -> Callable[[Path], list[str]]:
    return lambda tmp: list(args)


def csv_file(text: str | bytes, *extra: str) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        path = tmp / "f.csv"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return ["apr", "--cashflows", str(path), *extra]
    return build


def scenario(old: str, new: str, *extra: str) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        assert old in SCENARIO
        (tmp / "s.toml").write_text(SCENARIO.replace(old, new, 1), encoding="utf-8")
        return ["simulate", str(tmp / "s.toml"), *extra]
    return build


def scenario_bytes(data: bytes) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        (tmp / "s.toml").write_bytes(data)
        return ["simulate", str(tmp / "s.toml")]
    return build


def special(kind: str, command: str) -> Callable[[Path], list[str]]:
    """A FIFO with no writer, or /dev/zero, given where a file is expected."""
    def build(tmp: Path) -> list[str]:
        path = tmp / "pipe"
        if kind == "fifo":
            os.mkfifo(path)
        else:
            path = Path("/dev/zero")
        return ["apr", "--cashflows", str(path)] if command == "apr" else [command, str(path)]
    return build


def rows(count: int) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        with (tmp / "f.csv").open("w") as file:
            file.write("period,amount\n0,1000\n")
            file.writelines(f"{k},-1\n" for k in range(1, count))
        return ["apr", "--cashflows", str(tmp / "f.csv")]
    return build


def lessons(change: Callable[[Path], None]) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        root = tmp / "lessons"
        shutil.copytree(DATA / "lessons", root)
        change(root)
        return ["lessons", "check", str(root)]
    return build


def edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / "01-mini" / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


CSV_OK = "period,amount\n0,1000\n1,-1100\n"
GBK = "period,amount\n0,1000\n1,-1100\n# 借款\n".encode("gbk")
CASES: dict[str, Case] = {
    # --- apr -----------------------------------------------------------------------------
    "apr-huge-rates-printed": Case(fixed(*OFFER[:4], "1d", "--rate", "1%/day",
                                         "--upfront-fee", "20%"), codes=(0,)),
    "apr-huge-rates-json": Case(fixed(*OFFER[:4], "1d", "--rate", "1%/day",
                                      "--upfront-fee", "20%", "--json"), codes=(0,)),
    "apr-date-past-9999": Case(fixed(*OFFER, "--date", "9999-12-30"), where="--date"),
    "apr-term-past-9999": Case(fixed("apr", "--amount", "1000", "--term", "600m", "--rate",
                                     "1%/month", "--date", "9990-01-01"), where="--date"),
    "apr-huge-term": Case(fixed("apr", "--amount", "1000", "--term", "99999999m", "--rate",
                                "1%/month"), where="--term", subprocess=True),
    "apr-rate-blamed-not-cashflows": Case(fixed("apr", "--amount", "1000", "--term", "12m",
                                                "--rate", "99999999%/day"), where="--rate"),
    "apr-rate-repeated-unit": Case(fixed("apr", "--amount", "1000", "--term", "7d", "--rate",
                                         "日息万十十"), where="--rate"),
    "apr-amount-400-digits": Case(fixed("apr", "--amount", "9" * 400, "--term", "7d", "--rate",
                                        "1%/day"), where="--amount"),
    "apr-amount-stray-commas": Case(fixed("apr", "--amount", "1,0,0", "--term", "7d", "--rate",
                                          "1%/day"), where="--amount"),
    "csv-superscript-period": Case(csv_file("period,amount\n0,1000\n²,-1100\n"),
                                   where="f.csv:3"),
    "csv-circled-period": Case(csv_file("period,amount\n0,1000\n①,-1100\n"), where="f.csv:3"),
    "csv-huge-period": Case(csv_file("period,amount\n0,1000\n99999999999,-1100\n"),
                            where="f.csv:3"),
    "csv-400-digit-amount": Case(csv_file(f"period,amount\n0,1000\n1,-{'9' * 400}\n"),
                                 where="f.csv:3"),
    "csv-fifo": Case(special("fifo", "apr"), where="pipe", subprocess=True, posix=True),
    "csv-dev-zero": Case(special("zero", "apr"), where="/dev/zero", subprocess=True,
                         posix=True),
    "csv-million-rows": Case(rows(1_000_001), where="f.csv", subprocess=True),
    "csv-gbk": Case(csv_file(GBK), where="f.csv", says="GBK"),
    "csv-utf8-bom": Case(csv_file("\ufeff" + CSV_OK), codes=(0,)),
    # --- simulate ------------------------------------------------------------------------
    "toml-months-true": Case(scenario("months = 12", "months = true"), where="months"),
    "toml-yes-as-bool": Case(scenario("[policy]", 'refuse_when_overdue = "yes"\n\n[policy]'),
                             where="refuse_when_overdue"),
    "toml-rate-number": Case(scenario('rate = "2%/month"', "rate = 18"), where="rate",
                             says="%/"),
    "toml-max-amount-1e30": Case(scenario("max_amount = 100000", "max_amount = 1e30"),
                                 where="max_amount"),
    "toml-max-amount-0": Case(scenario("max_amount = 100000", "max_amount = 0"),
                              where="max_amount"),
    "toml-expenses-10e30": Case(scenario("monthly_expenses = 5000",
                                         "monthly_expenses = " + "1" + "0" * 30),
                                where="monthly_expenses"),
    "toml-income-10e30": Case(scenario("monthly_income = 5000",
                                       "monthly_income = " + "1" + "0" * 30),
                              where="monthly_income"),
    "toml-income-inf": Case(scenario("monthly_income = 5000", "monthly_income = inf"),
                            where="monthly_income"),
    "toml-income-nan": Case(scenario("monthly_income = 5000", "monthly_income = nan"),
                            where="monthly_income"),
    "toml-deep-nesting": Case(scenario_bytes(b"months = " + b"[" * 5000 + b"]" * 5000),
                              where="s.toml"),
    "toml-utf8-bom": Case(scenario_bytes(b"\xef\xbb\xbf" + SCENARIO.encode()), codes=(0,)),
    "simulate-seed-2-63": Case(scenario("months = 12", "months = 12", "--seed",
                                        str(2**63), "--paths", "2"),
                               where="--seed", avoid="small"),
    "simulate-dev-zero": Case(special("zero", "simulate"), where="/dev/zero", subprocess=True,
                              posix=True),
    "simulate-fifo": Case(special("fifo", "simulate"), where="pipe", subprocess=True,
                          posix=True),
    "assess-dev-zero": Case(special("zero", "assess"), where="/dev/zero", subprocess=True,
                            posix=True),
    "assess-fifo": Case(special("fifo", "assess"), where="pipe", subprocess=True, posix=True),
    # --- lessons check -------------------------------------------------------------------
    "lesson-empty-zh": Case(lessons(lambda root: (root / "01-mini" / "zh.md").write_text("")),
                            where="zh.md"),
    "lesson-scenario-outside-folder": Case(lessons(edit(
        "lesson.toml", 'file = "../scenarios/one-app.toml"',
        'file = "../../../../../../../../etc/passwd"')), where="lesson.toml", lines=1),
    "lesson-one-missing-scenario": Case(lessons(edit(
        "lesson.toml", 'file = "../scenarios/one-app.toml"', 'file = "../scenarios/gone.toml"')),
        where="lesson.toml", lines=1),
    "lesson-duplicate-step-id": Case(lessons(edit("lesson.toml", 'id = "show-ad"',
                                                  'id = "intro"')),
                                     where="lesson.toml", avoid="lender"),
    "lesson-unknown-step-type": Case(lessons(edit("lesson.toml", 'type = "text"',
                                                  'type = "video"')),
                                     where="lesson.toml", avoid="{", lines=1),
    "lesson-unknown-answer-kind": Case(lessons(edit(
        "lesson.toml", "answer = { debt_at = { scenario", "answer = { debt_on = { scenario")),
        where="lesson.toml", lines=1),
    "lesson-deep-nesting": Case(lessons(lambda root: (root / "01-mini" / "lesson.toml")
                                        .write_text("x = " + "[" * 5000 + "]" * 5000)),
                                where="lesson.toml"),
}


@pytest.mark.parametrize("name", [pytest.param(name, marks=case.marks)
                                  for name, case in CASES.items()])
def test_case(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    if case.posix and os.name != "posix":
        pytest.skip("POSIX special files")
    outcome = run(case.args(tmp_path), tmp_path, subprocess_only=case.subprocess)
    found = problems(outcome, case.where)
    if outcome.code not in case.codes:
        found.append(f"exit {outcome.code}, expected {case.codes}: {outcome.stderr[-300:]}")
    lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    if case.says and case.says not in outcome.stderr:
        found.append(f"the message does not say {case.says!r}: {lines[:2]}")
    if case.avoid and case.avoid in outcome.stderr:
        found.append(f"the message says {case.avoid!r}: {lines[:2]}")
    if case.lines is not None and len(lines) != case.lines:
        found.append(f"{len(lines)} lines, expected {case.lines}: {lines[:6]}")
    assert not found, found
