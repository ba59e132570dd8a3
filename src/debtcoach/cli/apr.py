"""`debtcoach apr`: the real annual cost of a loan offer or of a list of cash flows."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from debtcoach.cli.apr_report import apr_json, print_apr_report
from debtcoach.cli.common import fail, lang_option, parse_date, reports_input_errors, resolve_lang
from debtcoach.errors import InputError
from debtcoach.finance.apr import AprFigures, annualize, cost_of
from debtcoach.finance.cashflows import CashFlows, parse_cashflows
from debtcoach.finance.legal import lines_crossed
from debtcoach.finance.offers import LoanOffer
from debtcoach.finance.periods import parse_period
from debtcoach.i18n import Lang
from debtcoach.textfile import read_text
from debtcoach.validation import input_errors

_FLAG_FOR_FIELD = {
    "amount": "--amount", "term": "--term", "rate": "--rate", "repayment": "--repayment",
    "upfront_fee": "--upfront-fee", "service_fee": "--service-fee",
    "membership_fee": "--membership-fee", "guarantee_fee": "--guarantee-fee",
}


@click.command()
@click.option("--amount", help="Contract amount in yuan, e.g. 10000.")
@click.option("--term", help="Term: days or months, e.g. 7d, 14d, 12m.")
@click.option("--rate", help="Headline rate with its period: 24%/year, 0.05%/day, 日息万五.")
@click.option("--repayment", default="equal-installment", show_default=True,
              help="bullet | equal-installment | equal-principal | interest-first | flat-fee")
@click.option("--upfront-fee", help="Deducted at payout (砍头息): yuan or % of the amount.")
@click.option("--service-fee", help="Per instalment: yuan or % of the amount; add /month or once.")
@click.option("--membership-fee",
              help="One-off at payout: yuan or %; with /month, one per month of the term.")
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
    lang = resolve_lang(lang)
    loan_date = parse_date(date_text)
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
        fail(errors, lang)
    try:
        cost = cost_of(offer)
    except InputError as error:
        if error.field == "cashflows":  # the cash flows are the offer's: its rate is to blame
            raise InputError("--rate", "rate_unsolvable", value=rate) from None
        raise
    try:
        cost.schedule.dates(loan_date)
    except (OverflowError, ValueError):  # past 31 December 9999
        raise InputError("--date", "date_too_late", value=loan_date.isoformat(),
                         term=str(offer.term)) from None
    _emit(cost.figures, cost, None, loan_date, as_json, lang)


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


def _read_cashflows(path: Path, period_text: str) -> CashFlows:
    period = parse_period(period_text, "--period")
    return parse_cashflows(read_text(path), period, source=str(path))
