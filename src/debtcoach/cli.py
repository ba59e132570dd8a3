"""Command line: parses arguments, calls the pure core, prints. Every domain error becomes one line
on stderr and exit code 2; nothing here computes money."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar, cast

import click
from pydantic import ValidationError

from debtcoach.errors import InputError, InputErrors
from debtcoach.finance.apr import AprFigures, annualize, cost_of
from debtcoach.finance.cashflows import CashFlows, parse_cashflows
from debtcoach.finance.legal import lines_crossed
from debtcoach.finance.offers import LoanOffer
from debtcoach.finance.periods import parse_period
from debtcoach.i18n import LANGS, Lang, detect_lang, error_line, t
from debtcoach.lessons.loader import check_lessons
from debtcoach.report_apr import apr_json, print_apr_report
from debtcoach.report_simulate import print_simulation, simulation_csv
from debtcoach.sim.loader import load_scenario
from debtcoach.sim.run import EngineName
from debtcoach.sim.run import simulate as simulate_run
from debtcoach.sim.summary import months_json, totals_json
from debtcoach.textfile import read_text
from debtcoach.validation import input_errors

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INPUT = 2
_FLAG_FOR_FIELD = {
    "amount": "--amount", "term": "--term", "rate": "--rate", "repayment": "--repayment",
    "upfront_fee": "--upfront-fee", "service_fee": "--service-fee",
    "membership_fee": "--membership-fee", "guarantee_fee": "--guarantee-fee",
}


def _fail(errors: list[InputError], lang: Lang) -> None:
    for error in errors:
        click.echo(error_line(error, lang), err=True)
    sys.exit(EXIT_INPUT)


def reports_input_errors(command: F) -> F:
    """Turn InputError and pydantic errors raised by the core into one line each and exit 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = kwargs.get("lang") or click.get_current_context().obj or detect_lang()
        try:
            return command(*args, **kwargs)
        except InputError as error:
            _fail([error], lang)
        except InputErrors as errors:
            _fail(errors.errors, lang)
        except ValidationError as exc:
            _fail(input_errors(exc), lang)
        return None

    return cast(F, wrapper)


lang_option = click.option(
    "--lang", type=click.Choice(LANGS), default=None,
    help="Language of the output: zh or en (default: from LANG, else en).",
)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@lang_option
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where progress is kept (default: DEBTCOACH_DATA_DIR, else the user data dir).")
@click.option("--plain", is_flag=True,
              help="Screen-reader mode: no box drawing or animation, text first.")
@click.version_option(package_name="debtcoach")
@click.pass_context
def cli(ctx: click.Context, lang: Lang | None, data_dir: Path | None, plain: bool) -> None:
    """debtcoach: see, with exact numbers, how small online loans turn into a debt spiral.

    With no command, opens the app."""
    ctx.obj = lang
    if ctx.invoked_subcommand is None:
        _run_app(lang, data_dir, plain)


def _run_app(lang: Lang | None, data_dir: Path | None, plain: bool) -> None:
    from debtcoach.ui.app import make_app
    from debtcoach.ui.settings import Settings

    settings = Settings(
        lang=lang or detect_lang(), lang_chosen=lang is not None, plain=plain,
        theme="textual-ansi" if plain else "textual-dark", theme_chosen=plain,
        data_dir=data_dir, lessons_dir=default_lessons_dir(),
    )
    try:
        app = make_app(settings)
    except InputError as error:
        _fail([error], settings.lang)
        return
    app.run()


@cli.command()
@click.option("--amount", help="Contract amount in yuan, e.g. 10000.")
@click.option("--term", help="Term: days or months, e.g. 7d, 14d, 12m.")
@click.option("--rate", help="Headline rate with its period: 24%/year, 0.05%/day, 日息万五.")
@click.option("--repayment", default="equal-installment", show_default=True,
              help="bullet | equal-installment | equal-principal | interest-first | flat-fee")
@click.option("--upfront-fee", help="Deducted at payout (砍头息): yuan or % of the amount.")
@click.option("--service-fee", help="Per instalment: yuan or % of the amount; add /month or once.")
@click.option("--membership-fee", help="One-off at payout: yuan or %; add /month for monthly.")
@click.option("--guarantee-fee", help="Per instalment: yuan or % of the amount; add once.")
@click.option("--cashflows", "cashflows_file", type=click.Path(dir_okay=False, path_type=Path),
              help="CSV with header period,amount or date,amount (+ received, − paid).")
@click.option("--period", "period_text", default="month", show_default=True,
              help="Length of one period in a period,amount file: day, week, semimonth, month, "
              "quarter, year, or Nd.")
@click.option("--date", "date_text", help="Loan date (ISO) for the schedule and the legal lines "
              "in force; default today.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@lang_option
@reports_input_errors
def apr(
    amount: str | None, term: str | None, rate: str | None, repayment: str,
    upfront_fee: str | None, service_fee: str | None, membership_fee: str | None,
    guarantee_fee: str | None, cashflows_file: Path | None, period_text: str,
    date_text: str | None, as_json: bool, lang: Lang | None,
) -> None:
    """The real annual cost of a loan offer or of a list of cash flows."""
    lang = lang or click.get_current_context().obj or detect_lang()
    loan_date = _parse_date(date_text)
    offer_flags = {"amount": amount, "term": term, "rate": rate}
    if cashflows_file is not None:
        if any(v is not None for v in offer_flags.values()):
            raise InputError("--cashflows", "options_conflict")
        flows = _read_cashflows(cashflows_file, period_text)
        figures = annualize(flows.amounts, flows.times, flows.per_year, single_payment_rule=True)
        _emit(figures, None, flows, loan_date, as_json, lang)
        return
    missing = [f"--{name}" for name, value in offer_flags.items() if value is None]
    if missing:
        raise InputError("apr", "options_missing", names=", ".join(missing))
    fields = {
        "amount": amount, "term": term, "rate": rate, "repayment": repayment,
        "upfront_fee": upfront_fee, "service_fee": service_fee,
        "membership_fee": membership_fee, "guarantee_fee": guarantee_fee,
    }
    try:
        offer = LoanOffer.model_validate({k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        errors = input_errors(exc)
        for error in errors:
            error.field = _FLAG_FOR_FIELD.get(error.field, error.field)
        _fail(errors, lang)
        return
    cost = cost_of(offer)
    _emit(cost.figures, cost, None, loan_date, as_json, lang)


MAX_PATHS = 1_000_000
PROGRESS_FROM_PATHS = 10_000


@cli.command()
@click.argument("scenario_file", type=click.Path(path_type=Path), metavar="FILE.toml")
@click.option("--months", "months_text", help="Run this many months instead of the file's.")
@click.option("--paths", "paths_text", default="1", show_default=True,
              help="Monte Carlo paths (income shocks from the borrower's income_volatility).")
@click.option("--seed", "seed_text", default="0", show_default=True,
              help="Seed for the income shocks.")
@click.option("--engine", default="numpy", show_default=True, help="numpy | reference")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--csv", "as_csv", is_flag=True, help="One CSV row a month.")
@lang_option
@reports_input_errors
def simulate(
    scenario_file: Path, months_text: str | None, paths_text: str, seed_text: str, engine: str,
    as_json: bool, as_csv: bool, lang: Lang | None,
) -> None:
    """Run a borrowing scenario month by month (以贷养贷, rollover, default, …)."""
    lang = lang or click.get_current_context().obj or detect_lang()
    if as_json and as_csv:
        raise InputError("--csv", "output_conflict")
    if engine not in ("numpy", "reference"):
        raise InputError("--engine", "engine_invalid", value=engine)
    paths = _whole_number(paths_text, "--paths", 1, MAX_PATHS, "paths_invalid")
    seed = _whole_number(seed_text, "--seed", 0, 2**63 - 1, "number_min")
    scenario = load_scenario(read_text(scenario_file), str(scenario_file))
    if months_text is not None:
        months = _whole_number(months_text, "--months", 1, 600, "months_invalid")
        scenario = scenario.model_copy(update={"months": months})
    with _progress_bar(paths, lang) as progress:
        result = simulate_run(scenario, paths, seed, cast(EngineName, engine), progress)
    if as_json:
        data = {"months": months_json(result), "totals": totals_json(result)}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif as_csv:
        click.echo(simulation_csv(result), nl=False)
    else:
        print_simulation(result, scenario_file.stem, lang)


def default_lessons_dir() -> Path:
    """The lessons shipped in this checkout (``DEBTCOACH_LESSONS`` overrides)."""
    override = os.environ.get("DEBTCOACH_LESSONS")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "lessons"


@cli.group()
def lessons() -> None:
    """Lesson files: check them."""


@lessons.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path), metavar="[DIR]")
@lang_option
def lessons_check(directory: Path | None, lang: Lang | None) -> None:
    """Validate every lesson: schema, both languages, sources, scenarios run, answers compute."""
    lang = lang or click.get_current_context().obj or detect_lang()
    root = directory or default_lessons_dir()
    if not root.is_dir():
        _fail([InputError(str(root), "file_missing", detail="not a folder")], lang)
    loaded, problems = check_lessons(root)
    if problems:
        _fail(problems, lang)
    click.echo(t("lessons.ok", lang, count=len(loaded), root=str(root)))


def _whole_number(text: str, field: str, low: int, high: int, code: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise InputError(field, "whole_number", value=text) from None
    if not low <= value <= high:
        raise InputError(field, code, value=text, limit=high if code != "number_min" else low)
    return value


@contextmanager
def _progress_bar(paths: int, lang: Lang) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for long Monte Carlo runs; stdout stays clean for --json."""
    if paths < PROGRESS_FROM_PATHS:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(t("sim.progress", lang), total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _emit(
    figures: AprFigures, cost: Any, flows: CashFlows | None, loan_date: date, as_json: bool,
    lang: Lang,
) -> None:
    crossed = lines_crossed(figures.apr_nominal, loan_date)
    if as_json:
        click.echo(json.dumps(apr_json(figures, cost, flows, crossed, loan_date),
                              ensure_ascii=False, indent=2))
    else:
        print_apr_report(figures, cost, flows, crossed, loan_date, lang)


def _parse_date(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError("--date", "date_invalid", value=text) from None


def _read_cashflows(path: Path, period_text: str) -> CashFlows:
    period = parse_period(period_text, "--period")
    return parse_cashflows(read_text(path), period, source=str(path))


def main() -> None:
    cli()
