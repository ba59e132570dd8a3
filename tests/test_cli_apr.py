"""`debtcoach apr` as a user runs it: output, JSON contract, and one-line errors with exit 2."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from debtcoach.cli import cli

KAN_TOU_XI = ["apr", "--amount", "10000", "--term", "12m", "--rate", "24%/year",
              "--repayment", "equal-installment", "--upfront-fee", "2000", "--date", "2026-01-15"]


def run(*args: str, lang: str = "en") -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--lang", lang, *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_has_the_documented_keys_and_fractions() -> None:
    code, out, _ = run(*KAN_TOU_XI, "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {
        "periodic_rate", "periods_per_year", "apr_nominal", "apr_effective", "apr_simple",
        "apr_advertised", "cash_received", "total_repaid", "total_cost", "schedule",
        "legal_lines_crossed",
    }
    assert data["apr_nominal"] == pytest.approx(0.70, abs=0.005)
    assert data["apr_advertised"] == pytest.approx(0.24)
    assert data["periods_per_year"] == 12
    assert data["cash_received"] == 8000.0
    assert data["total_cost"] == pytest.approx(data["total_repaid"] - 8000.0)
    assert len(data["schedule"]) == 13
    assert set(data["schedule"][1]) == {"period", "date", "principal", "interest", "fees",
                                        "payment", "balance"}
    assert data["schedule"][1]["payment"] == 945.6
    assert data["schedule"][1]["date"] == "2026-02-15"
    assert [line["id"] for line in data["legal_lines_crossed"]] == [
        "court-4x-lpr", "bank-platform-2025-24", "cash-loan-2017-36"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_human_output_shows_rates_cost_schedule_and_lines(lang: str) -> None:
    code, out, _ = run(*KAN_TOU_XI, lang=lang)
    assert code == 0
    for figure in ("70.02%", "24.00%", "¥8,000.00", "¥945.60", "¥3,347.15"):
        assert figure in out
    assert ("真实年化" in out) == (lang == "zh")
    assert ("Civil Code art. 670" in out) == (lang == "en")
    assert "36.00%" in out  # the 2017 cash-loan line is crossed


@pytest.mark.parametrize("rate", ["24%/year", "日息万五", "月息1分5", "0.5%/周"])
def test_chinese_output_gives_the_rate_in_chinese_units(rate: str) -> None:
    code, out, _ = run("apr", "--amount", "1万", "--term", "12期", "--rate", rate,
                       "--service-fee", "0.5%/period", lang="zh")
    assert code == 0
    for word in ("day", "week", "month", "year", "period"):
        assert word not in out


def test_cashflows_file_with_dates(tmp_path: Path) -> None:
    csv = tmp_path / "payday.csv"
    csv.write_text("date,amount\n2026-01-01,100\n2026-01-15,-115\n")
    code, out, _ = run("apr", "--cashflows", str(csv), "--json", "--date", "2026-01-01")
    assert code == 0
    data = json.loads(out)
    assert round(data["apr_nominal"] * 100, 2) == 391.07
    assert data["apr_advertised"] is None
    assert data["schedule"] == [{"date": "2026-01-01", "amount": 100.0},
                                {"date": "2026-01-15", "amount": -115.0}]


def test_cashflows_file_with_periods(tmp_path: Path) -> None:
    csv = tmp_path / "flows.csv"
    csv.write_text("period,amount\n0,100\n1,-115\n")
    code, out, _ = run("apr", "--cashflows", str(csv), "--period", "14d", "--json")
    assert code == 0
    assert json.loads(out)["apr_nominal"] == pytest.approx(0.15 * 365 / 14)


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["--amount", "-5", "--term", "12m", "--rate", "1%/month"], "--amount: "),
        (["--amount", "abc", "--term", "12m", "--rate", "1%/month"], "--amount: "),
        (["--amount", "100", "--term", "0m", "--rate", "1%/month"], "--term: "),
        (["--amount", "100", "--term", "12m", "--rate", "18%"], "--rate: "),
        (["--amount", "100", "--term", "12m", "--rate", "1%/month", "--upfront-fee", "100"],
         "--upfront-fee: "),
        (["--amount", "100", "--term", "12m", "--rate", "1%/month", "--repayment", "x"],
         "--repayment: "),
        (["--term", "12m"], "apr: "),
        (["--amount", "100", "--term", "12m", "--rate", "1%/month", "--date", "soon"], "--date: "),
        (["--cashflows", "/nonexistent/flows.csv"], "/nonexistent/flows.csv: "),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], start: str) -> None:
    for lang in ("en", "zh"):
        code, out, err = run("apr", *args, lang=lang)
        assert code == 2, err
        assert out == ""
        assert err.startswith(start)
        assert err.count("\n") == 1
        assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "needle"),
    [(b"", "empty"), (b"\x00\x01\xff\xfe", "UTF-8"), (b"period,amount\n0,100\n1,50\n", "received"),
     (b"period,amount\n0,100\n1,-50\n2,", "bad.csv:4: "), (b"hello", "header")],
)
def test_bad_cashflow_files_are_one_line(tmp_path: Path, content: bytes, needle: str) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_bytes(content)
    code, _, err = run("apr", "--cashflows", str(csv))
    assert code == 2
    assert needle in err
    assert err.count("\n") == 1


def test_cashflows_and_offer_flags_do_not_mix(tmp_path: Path) -> None:
    csv = tmp_path / "f.csv"
    csv.write_text("period,amount\n0,100\n1,-115\n")
    code, _, err = run("apr", "--cashflows", str(csv), "--amount", "100")
    assert code == 2
    assert "either" in err
