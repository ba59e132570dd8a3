"""`debtcoach assess` as a person runs it: in a subprocess, with the JSON contract, the report
files, and one line per problem with exit code 2 for bad input."""

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from debtcoach.cli import cli
from debtcoach.i18n import t

EXAMPLE = Path(__file__).parent / "assess" / "example.toml"
LOAN_KEYS = {"lender", "apr_nominal", "apr_effective", "apr_advertised", "cost_remaining", "owed",
             "next_payment", "legal_lines_crossed"}
TOP_KEYS = {"loans", "monthly_debt_payments", "debt_payments_to_income", "lenders",
            "months_until_cash_runs_out", "plans", "risk"}
PLAN_KEYS = {"total_cost", "months_to_debt_free", "debt_by_month", "final_state",
             "penalties_unknown"}


def run(*args: str, lang: str = "en", columns: int = 120) -> subprocess.CompletedProcess[str]:
    """As a person runs it: a new process."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": str(columns)}
    return subprocess.run([sys.executable, "-m", "debtcoach", "--lang", lang, "assess", *args],
                          capture_output=True, text=True, env=env, timeout=120)


def run_here(*args: str) -> subprocess.CompletedProcess[str]:
    """The same command in this process, for the long tables of bad input (fast)."""
    result = CliRunner().invoke(cli, ["--lang", "en", "assess", *args])
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def test_json_has_exactly_the_documented_keys_with_rates_as_fractions() -> None:
    done = run(str(EXAMPLE), "--json", "--date", "2026-07-20", "--months", "12")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == TOP_KEYS
    assert [set(loan) for loan in data["loans"]] == [LOAN_KEYS, LOAN_KEYS]
    assert set(data["plans"]) == {"keep_going", "avalanche", "snowball", "negotiated"}
    for plan in data["plans"].values():
        assert set(plan) == PLAN_KEYS
        assert len(plan["debt_by_month"]) == 12
        assert set(plan["final_state"]) == {"month", "state", "debt", "cash"}
    assert set(data["risk"]) == {"level", "reasons"}
    assert data["risk"]["level"] in ("low", "rising", "spiral")
    first = data["loans"][0]
    assert first["apr_nominal"] == pytest.approx(0.70, abs=0.005)  # FACTS §1.5: about 70%
    assert first["apr_advertised"] == pytest.approx(0.24)
    assert first["next_payment"] == {"number": 4, "date": None, "amount": 945.6,
                                     "overdue": False}
    assert data["loans"][1]["next_payment"]["date"] == "2026-08-15"
    assert data["debt_payments_to_income"] == pytest.approx(
        data["monthly_debt_payments"] / 5000)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_terminal_output_in_both_languages(lang: str) -> None:
    done = run(str(EXAMPLE), "--date", "2026-07-20", lang=lang)
    assert done.returncode == 0, done.stderr
    for word in {"zh": ("真实年化", "四种做法", "12378", "协商"),
                 "en": ("Real rate", "Four plans", "12378", "Negotiated")}[lang]:
        assert word in done.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_tables_fit_80_columns_without_cutting_a_word(lang: str) -> None:
    from rich.cells import cell_len, set_cell_size

    from debtcoach.assess import PlanName
    from debtcoach.i18n import t

    done = run(str(EXAMPLE), "--date", "2026-07-20", lang=lang, columns=80)
    assert done.returncode == 0, done.stderr
    assert "…" not in done.stdout
    rows = [line for line in done.stdout.splitlines()  # tables: not the indented prose
            if line.startswith(" ") and not re.match(r"^  \S", line)]
    assert rows and all(cell_len(line.rstrip()) <= 80 for line in rows)
    plans = rows[rows.index(next(row for row in rows if t("assess.col.plan", lang) in row)):]
    first_column = "".join(set_cell_size(row, 18).strip() for row in plans)  # names, joined
    for name in PlanName:
        assert t(f"assess.plan.{name}", lang).replace(" ", "") in first_column.replace(" ", "")


@pytest.mark.parametrize("suffix", [".html", ".md"])
def test_report_is_written_for_the_person_only_and_fetches_nothing(
    tmp_path: Path, suffix: str
) -> None:
    report = tmp_path / f"report{suffix}"
    done = run(str(EXAMPLE), "--date", "2026-07-20", "--report", str(report), lang="zh")
    assert done.returncode == 0, done.stderr
    text = report.read_text(encoding="utf-8")
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert "App A" in text and "70.02%" in text and "12378" in text
    assert "第七十条" in text  # where the negotiated plan comes from
    if suffix == ".html":
        assert text.startswith("<!DOCTYPE html>") and "<svg" in text and "@page" in text
        for fetching in ("<script", "<link", "<img", "src=", "url(", "@import", "<iframe"):
            assert fetching not in text
    else:
        assert "| App A |" in text


def _situation(loan: str, person: str = "monthly_income = 5000\nmonthly_expenses = 3000") -> str:
    return f"[person]\n{person}\n\n[[loans]]\n{loan}\n"


BAD = [
    (_situation('amount = 1000\nreceived = 1200\nterm = "12m"\nrate = "24%/year"'),
     "loans[0].received"),
    (_situation('amount = 1000\nterm = "12m"\nrate = "24%"'), "loans[0].rate"),
    (_situation('amount = 1000\nterm = "12m"\nrate = "年化7.2%-24%"'), "loans[0].rate"),
    (_situation('received = 1000\nschedule = "还款计划"'), "loans[0].schedule"),
    (_situation('amount = "1,0,0"\nterm = "3m"\nrate = "1%/month"'), "loans[0].amount"),
    (_situation('amount = 1000\nterm = "3m"\nrate = "1%/month"',
                "monthly_income = -5000\nmonthly_expenses = 3000"), "person.monthly_income"),
    (_situation('amount = 1000\nterm = "3m"\nrate = "1%/month"\npaid_instalments = 9'),
     "loans[0].paid_instalments"),
    (_situation('amount = 1000\nterm = "3m"\nrate = "1%/month"\ncolour = "red"'),
     "loans[0].colour"),
    ("[person]\nmonthly_income = 5000\n", "person.monthly_expenses"),
    ("[person\n", ":1"),
]


@pytest.mark.parametrize(("text", "field"), BAD)
def test_bad_input_is_one_line_naming_the_field_and_exit_2(
    tmp_path: Path, text: str, field: str
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    # The first case runs in its own process, as a person would; the rest in this one.
    done = (run if (text, field) == BAD[0] else run_here)(str(path), "--date", "2026-07-20")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(str(path)) and field in lines[0]
    assert "Traceback" not in done.stderr


def test_every_problem_gets_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "two.toml"
    path.write_text("[person]\nmonthly_income = -1\nmonthly_expenses = 3000\n\n[[loans]]\n"
                    'amount = 1000\nterm = "12m"\nrate = "24%"\n', encoding="utf-8")
    done = run_here(str(path))
    assert done.returncode == 2
    assert sorted(line.split(": ")[1] for line in done.stderr.strip().splitlines()) == [
        "loans[0].rate", "person.monthly_income"]


@pytest.mark.parametrize(
    ("args", "option"),
    [(["--months", "0"], "--months"), (["--months", "121"], "--months"),
     (["--months", "x"], "--months"), (["--date", "2026-13-01"], "--date"),
     (["--report", "out.pdf"], "--report"), (["--report", "/"], "--report"),
     (["--report", "/proc/no-such-dir/r.html"], "--report")],
)
def test_bad_options_name_the_option(args: list[str], option: str) -> None:
    done = run_here(str(EXAMPLE), *args)
    assert done.returncode == 2
    assert done.stderr.startswith(option) and len(done.stderr.strip().splitlines()) == 1


def test_the_issues_bad_inputs_in_a_subprocess(tmp_path: Path) -> None:
    many = tmp_path / "many.toml"
    many.write_text(
        "[person]\nmonthly_income = -5000\nmonthly_expenses = 3000\n\n"
        '[[loans]]\namount = 1000\nterm = "12m"\nrate = "24%/year"\n\n'
        '[[loans]]\namount = 1000\nreceived = 1200\nterm = "12m"\nrate = "24%/year"\n\n'
        '[[loans]]\namount = 1000\nterm = "12m"\nrate = "24%"\n', encoding="utf-8")
    done = run(str(many), lang="zh")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    fields = [line.split(": ")[1] for line in done.stderr.strip().splitlines()]
    assert sorted(fields) == ["loans[1].received", "loans[2].rate", "person.monthly_income"]
    empty = tmp_path / "empty.toml"
    empty.write_text('[person]\nmonthly_income = 5000\nmonthly_expenses = 3000\n\n'
                     '[[loans]]\nreceived = 2700\nschedule = """\n还款计划\n"""\n',
                     encoding="utf-8")
    done = run(str(empty), lang="zh")
    assert done.returncode == 2
    assert done.stderr.strip() == (f"{empty}: loans[0].schedule: 还款计划里没有找到还款；"
                                   "每行写日期或期数和金额，如 2026-07-15 1072.00")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_plans_that_fall_behind_without_a_penalty_rate_say_so(tmp_path: Path, lang: str) -> None:
    loan = 'amount = 1000\nterm = "30d"\nrate = "0.05%/day"\nrepayment = "bullet"\n'
    person = "[person]\nmonthly_income = 4500\nmonthly_expenses = 4200\nsavings = 0\n"
    bare, priced = tmp_path / "bare.toml", tmp_path / "priced.toml"
    bare.write_text(person + "[[loans]]\n" + loan)
    priced.write_text(person + "[[loans]]\n" + loan + 'late = { penalty_rate = "0.1%/day" }\n')
    said = t("assess.penalties_unknown", lang, plans="").strip("：: ")[:8]
    unknown, known = run(str(bare), lang=lang), run(str(priced), lang=lang)
    assert unknown.returncode == known.returncode == 0, unknown.stderr + known.stderr
    assert said in unknown.stdout and said not in known.stdout
    plans = json.loads(run(str(bare), "--json").stdout)["plans"]
    assert plans["avalanche"]["penalties_unknown"] is True
