"""`debtcoach simulate` as a user runs it."""

import json
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from debtcoach.cli import cli
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
