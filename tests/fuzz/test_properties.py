"""Careless and unlucky input, generated: every command exits 0 or 2 with located lines, never a
traceback, and every progress import either succeeds or changes nothing.

In-process (CliRunner) so hundreds of examples stay fast; inputs that could block are in the
corpus, run in a subprocess with a time limit.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.errors import InputError
from debtcoach.store import Store
from tests.fuzz.cli import problems, run

SCENARIO = (Path(__file__).parents[1] / "data" / "lessons" / "scenarios" / "one-app.toml")

# Pieces users type: digits, units, Chinese numerals and rate words, separators, odd characters.
PIECES = ["0", "1", "7", "12", "99999999", "1e30", "-", ".", ",", "%", "/", "d", "m", "day",
          "month", "year", "日息", "月息", "年化", "万", "千", "十", "五", "²", "①", "∞", "nan",
          " ", "once", "/month", "¥", "\u3000", "０"]
typed = st.lists(st.sampled_from(PIECES), max_size=6).map("".join) | st.text(max_size=12)


def temporary() -> Path:
    return Path(tempfile.mkdtemp(prefix="debtcoach-fuzz-"))


@settings(max_examples=150)
@given(amount=typed, term=typed, rate=typed, fee=st.none() | typed, date=st.none() | typed,
       as_json=st.booleans())
def test_apr_options(amount: str, term: str, rate: str, fee: str | None, date: str | None,
                     as_json: bool) -> None:
    args = ["apr", "--amount", amount, "--term", term, "--rate", rate]
    args += ["--upfront-fee", fee] if fee is not None else []
    args += ["--date", date] if date is not None else []
    args += ["--json"] if as_json else []
    assert problems(run(args, temporary())) == []


csv_cell = st.sampled_from(["0", "1", "2", "30", "²", "①", "-1100", "1000", "1,000.50",
                            "¥2", "2026-01-31", "9999-12-31", "", " ", '"', "x", "1e5",
                            "9" * 30, "36500", "36501"])


@settings(max_examples=100)
@given(header=st.sampled_from(["period,amount", "date,amount", "Period , Amount", "x,y", ""]),
       rows=st.lists(st.lists(csv_cell, min_size=0, max_size=3), max_size=8),
       bom=st.booleans(), period=st.sampled_from(["month", "day", "7d", "0d", "xyz"]))
def test_cashflow_files(header: str, rows: list[list[str]], bom: bool, period: str) -> None:
    tmp = temporary()
    text = ("\ufeff" if bom else "") + "\n".join([header, *(",".join(row) for row in rows)])
    (tmp / "f.csv").write_text(text, encoding="utf-8")
    assert problems(run(["apr", "--cashflows", str(tmp / "f.csv"), "--period", period],
                        tmp)) == []


toml_value = st.sampled_from(["true", '"yes"', "18", "0", "-1", "1e30", "inf", "nan", "-inf",
                              "1" + "0" * 30, '"2%/month"', '"abc"', "[]", "{}", "[[1]]",
                              '"12m"', "3.5", '""', "600", "601"])


@settings(max_examples=150)
@given(edits=st.lists(st.tuples(st.sampled_from(
    ["months", "monthly_income", "monthly_expenses", "savings", "payday", "month", "amount",
     "max_amount", "term", "rate", "upfront_fee", "when_short", "id", "repayment"]),
    toml_value), max_size=3), months=st.none() | st.sampled_from(["0", "6", "601", "x", "1e3"]))
def test_scenario_files(edits: list[tuple[str, str]], months: str | None) -> None:
    lines = SCENARIO.read_text(encoding="utf-8").splitlines()
    for key, value in edits:
        lines = [f"{key} = {value}" if line.split(" = ")[0] == key else line for line in lines]
    tmp = temporary()
    (tmp / "s.toml").write_text("\n".join(lines), encoding="utf-8")
    args = ["simulate", str(tmp / "s.toml"), "--json"]
    args += ["--months", months] if months is not None else []
    assert problems(run(args, tmp)) == []


json_leaf = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(
    max_size=8)
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.text(max_size=6), inner, max_size=3), max_leaves=8)


@settings(max_examples=150)
@given(data=st.data())
def test_progress_imports_succeed_or_change_nothing(data: st.DataObject) -> None:
    with Store.open(temporary()) as store:
        store.save_progress("l1", [("next",), ("quiz", [0], 1.5)], "q1", False)
        store.record_answer("l1", "q1", "quiz", [0], True, None)
        document = json.loads(store.export_progress())
        where = data.draw(st.sampled_from(["", "progress", "answers", "settings"]))
        target: object = document
        if where:
            target = document[where]
            if isinstance(target, list) and target:
                target = target[0]
        if isinstance(target, dict) and target:
            key = data.draw(st.sampled_from(sorted(target)))
            target[key] = data.draw(json_value)
        text = json.dumps(document)
        before = store.export_progress()
        try:
            store.import_progress(text, source="f.json")
        except InputError as error:
            assert error.field.startswith("f.json")
            assert store.export_progress() == before
        else:
            again = json.loads(store.export_progress())
            assert again["progress"] == document["progress"]
