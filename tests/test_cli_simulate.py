"""`debtcoach simulate` as a user runs it."""

import json
import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from debtcoach.cli import cli
from debtcoach.i18n import money, t
from debtcoach.sim.summary import RECORD

ROOT = Path(__file__).parents[1]
PHONE = str(ROOT / "lessons" / "scenarios" / "phone-screen.toml")
MANY = str(ROOT / "lessons" / "scenarios" / "many-apps.toml")
BAD = ROOT / "tests" / "data" / "bad-scenarios"


def run(*args: str, lang: str = "en") -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--lang", lang, *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_months_grow_by_1_02_over_0_9() -> None:
    code, out, _ = run("simulate", PHONE, "--json")
    assert code == 0
    data = json.loads(out)
    months = data["months"]
    assert len(months) == 12
    assert list(months[0]) == ["month", *RECORD, "state"]
    for before, after in pairwise(months):
        assert after["debt"] == pytest.approx(before["debt"] * 1.02 / 0.9, abs=0.05)
    assert months[-1]["state"] == "stacking"
    assert data["totals"]["final_debt"] == months[-1]["debt"]


def test_many_paths_add_percentiles_and_state_shares() -> None:
    code, out, _ = run("simulate", MANY, "--json", "--paths", "200", "--seed", "7",
                       "--months", "6")
    assert code == 0
    data = json.loads(out)
    month = data["months"][-1]
    assert len(data["months"]) == 6
    assert month["debt_p10"] <= month["debt_p50"] <= month["debt_p90"]
    assert sum(month["state"].values()) == pytest.approx(1.0)
    again = json.loads(run("simulate", MANY, "--json", "--paths", "200", "--seed", "7",
                           "--months", "6")[1])
    assert again == data


def test_reference_engine_gives_the_same_json() -> None:
    numpy_out = run("simulate", MANY, "--json", "--paths", "3", "--seed", "1")[1]
    reference_out = run("simulate", MANY, "--json", "--paths", "3", "--seed", "1",
                        "--engine", "reference")[1]
    assert json.loads(numpy_out) == json.loads(reference_out)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_human_output_has_a_table_a_chart_and_the_cost_line(lang: str) -> None:
    code, out, _ = run("simulate", PHONE, lang=lang)
    assert code == 0
    assert "█" in out
    assert "¥2,000.00" in out
    assert ("以贷养贷" in out) == (lang == "zh")
    assert ("in interest, fees and penalties so far" in out) == (lang == "en")
    assert ("for a ¥2,000.00 need" in out.lower()) == (lang == "en")


def test_csv_has_a_header_and_one_row_a_month() -> None:
    code, out, _ = run("simulate", PHONE, "--csv")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("month,debt,")
    assert len(lines) == 13


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.toml", "empty.toml: "),
        ("truncated.toml", "truncated.toml:2: "),
        ("duplicate-key.toml", "duplicate-key.toml"),
        ("binary.toml", "binary.toml: "),
        ("negative-months.toml", "negative-months.toml: months: "),
        ("unknown-policy.toml", "unknown-policy.toml: policy.when_short: "),
        ("unknown-repayment.toml", "unknown-repayment.toml: lenders[0].repayment: "),
        ("wrong-types.toml", "wrong-types.toml: months: "),
        ("rate-without-period.toml", "rate-without-period.toml: lenders[0].rate: "),
        ("duplicate-lender.toml", "duplicate-lender.toml: lenders[1].id: "),
        ("missing-borrower.toml", "missing-borrower.toml: borrower: "),
    ],
)
def test_bad_scenario_files_get_one_line_per_problem_and_exit_2(name: str, expected: str) -> None:
    for lang in ("en", "zh"):
        code, out, err = run("simulate", str(BAD / name), lang=lang)
        assert code == 2
        assert out == ""
        first = err.splitlines()[0]
        assert first.startswith(str(BAD / name).rsplit("/", 1)[0])
        assert expected in first
        assert "Traceback" not in err


def test_wrong_types_reports_every_problem() -> None:
    _, _, err = run("simulate", str(BAD / "wrong-types.toml"))
    assert len(err.strip().splitlines()) == 2
    assert "borrower.monthly_income" in err


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["--paths", "0"], "--paths: "),
        (["--paths", "many"], "--paths: "),
        (["--months", "0"], "--months: "),
        (["--engine", "gpu"], "--engine: "),
        (["--json", "--csv"], "--csv: "),
        (["--seed", "-1"], "--seed: "),
    ],
)
def test_bad_options_are_one_line(args: list[str], start: str) -> None:
    code, _, err = run("simulate", PHONE, *args)
    assert code == 2
    assert err.startswith(start)
    assert err.count("\n") == 1


def test_missing_file_is_one_line() -> None:
    code, _, err = run("simulate", "/nonexistent/s.toml")
    assert code == 2
    assert err.startswith("/nonexistent/s.toml: ")


def test_a_run_too_large_for_memory_is_one_line_and_exit_2() -> None:
    out = subprocess.run([sys.executable, "-m", "debtcoach", "--lang", "en", "simulate", PHONE,
                          "--paths", "1000000", "--months", "600"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1
    assert "paths: 1,000,000 paths × 600 months" in out.stderr and "GiB" in out.stderr


SCENARIOS = sorted((ROOT / "lessons" / "scenarios").glob("*.toml"))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_every_scenario_prints_whole_figures_within_80_columns(scenario: Path, lang: str) -> None:
    """As a user would see it, through a pipe with COLUMNS=80: no line wider than 80 cells,
    nothing cut, and every month's debt, payments, costs and state printed whole."""
    env = {**os.environ, "COLUMNS": "80"}
    command = [sys.executable, "-m", "debtcoach", "--lang", lang, "simulate", str(scenario)]
    out = subprocess.run([*command, "--events"], capture_output=True, text=True, env=env,
                         timeout=120, check=True).stdout
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    assert "…" not in out
    months = json.loads(subprocess.run([*command, "--json"], capture_output=True, text=True,
                                       env=env, timeout=120, check=True).stdout)["months"]
    shown = ("debt", "paid", "paid_from_new_loans", "interest_incurred", "interest_paid",
             "fees_incurred", "fees_paid", "penalties_incurred", "penalties_paid",
             "costs_to_date", "costs_owed")
    for month in months:
        for name in shown:
            assert money(round(month[name] * 100), lang) in out, (month["month"], name)
        assert t(f"state.{month['state']}", lang) in out


def test_events_are_a_readable_log() -> None:
    code, out, _ = run("simulate", str(ROOT / "lessons" / "scenarios" / "part1-stacking.toml"),
                       "--events")
    assert code == 0
    assert "day 30: App C refused ¥1,794.00: too many other lenders" in out
    assert "day 0: App A lent ¥3,000.00 (contract)" in out


@pytest.mark.parametrize(("extra", "says"), [
    (["--paths", "1000"], "at most 100 paths (this one has 1,000 paths)"),
    (["--csv"], "drop --csv"),
])
def test_events_that_cannot_be_shown_are_refused(extra: list[str], says: str) -> None:
    code, out, err = run("simulate", str(ROOT / "lessons" / "scenarios" / "part1-stacking.toml"),
                         "--events", *extra)
    assert code == 2 and out == ""
    assert err.startswith("--events: ") and says in err


def test_monte_carlo_text_shows_the_spread_and_the_states() -> None:
    code, out, _ = run("simulate", MANY, "--paths", "200", "--seed", "7", "--months", "6")
    assert code == 0
    assert "Debt p10" in out and "Debt p90" in out
    assert "multi-lending" in out and "collections" in out
    assert "Share ever in default: " in out
