"""Cash flows typed in by hand: CSV text with ``period,amount`` or ``date,amount`` rows.

Amounts are yuan from the borrower's view: + money received, − money paid. The caller reads the
file and passes its text; errors name the line.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from debtcoach.errors import InputError
from debtcoach.finance.money import yuan_to_fen
from debtcoach.finance.periods import Period

# At most ¥999,999,999,999.99 a flow, plain ASCII digits (int() refuses '²', isdigit() does not).
_AMOUNT = re.compile(r"^[+-]?[0-9]{1,12}(?:\.[0-9]{1,2})?$")
_PERIOD = re.compile(r"^[0-9]{1,6}$")
# One loan's flows, even daily over decades, are a few thousand rows: more is a wrong file, and
# solving for the rate would take minutes.
MAX_ROWS = 10_000
MAX_PERIOD = 36_500


@dataclass(frozen=True)
class CashFlows:
    amounts: list[int]  # fen, borrower's view
    times: list[int]  # periods (or days for dated flows) since the first flow
    per_year: Fraction
    dates: list[date] | None = None


def parse_cashflows(text: str, period: Period, source: str = "cashflows") -> CashFlows:
    """Parse CSV text; ``period`` gives the length of one period for ``period,amount`` files."""
    if not text.strip():
        raise InputError(source, "file_empty")
    lines = text.lstrip("\ufeff").splitlines()
    if len(lines) > MAX_ROWS + 1:
        raise InputError(f"{source}:{MAX_ROWS + 2}", "csv_too_many_rows", limit=MAX_ROWS)
    try:
        rows = list(csv.reader(lines))
    except csv.Error as exc:
        raise InputError(source, "csv_invalid", detail=str(exc)) from None
    header = [cell.strip().lower() for cell in rows[0]]
    if header not in (["period", "amount"], ["date", "amount"]):
        raise InputError(f"{source}:1", "csv_header", value=",".join(rows[0])[:40])
    dated = header[0] == "date"
    keys: list[int | date] = []
    amounts: list[int] = []
    if len(rows) > MAX_ROWS + 1:
        raise InputError(f"{source}:{MAX_ROWS + 2}", "csv_too_many_rows", limit=MAX_ROWS)
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"{source}:{line}"
        if len(row) != 2:
            raise InputError(where, "csv_columns", count=len(row))
        key_text, amount_text = (cell.strip() for cell in row)
        keys.append(_date(key_text, where) if dated else _period(key_text, where))
        amounts.append(_amount(amount_text, where))
    if not amounts:
        raise InputError(source, "csv_no_rows")
    return _combine(keys, amounts, dated, period)


def _combine(keys: list[int | date], amounts: list[int], dated: bool, period: Period) -> CashFlows:
    """Sort by time and add up flows that fall on the same period or date."""
    totals: dict[int | date, int] = {}
    for key, amount in zip(keys, amounts, strict=True):
        totals[key] = totals.get(key, 0) + amount
    ordered = sorted(totals)
    if dated:
        dates = [k for k in ordered if isinstance(k, date)]
        times = [(d - dates[0]).days for d in dates]
        return CashFlows([totals[k] for k in ordered], times, Fraction(365), dates)
    periods = [k for k in ordered if isinstance(k, int)]
    return CashFlows([totals[k] for k in ordered], periods, period.per_year)


def _period(text: str, where: str) -> int:
    if not _PERIOD.match(text) or int(text) > MAX_PERIOD:
        raise InputError(where, "csv_period", value=text)
    return int(text)


def _date(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(where, "csv_date", value=text) from None


def _amount(text: str, where: str) -> int:
    cleaned = text.replace(",", "").replace("¥", "")
    if not _AMOUNT.match(cleaned):
        raise InputError(where, "csv_amount", value=text)
    try:
        return yuan_to_fen(Decimal(cleaned))
    except (InvalidOperation, ValueError):
        raise InputError(where, "csv_amount", value=text) from None
