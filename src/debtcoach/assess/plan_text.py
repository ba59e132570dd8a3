"""Repayment plans pasted from a lending app (还款计划): one payment a line, with a date or a
period number and an amount, in the shapes such apps show::

    2026-07-15  ¥1,072.00
    第1期 1072.00元
    07/15 应还1072
    3/12期 2026-09-15 待还 ¥1,072.00

Header lines and lines with no amount are skipped; a line with an amount but no date or period,
or a date but no amount, is an error naming the line. Lines marked 已还 / 已结清 count as paid.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from debtcoach.errors import InputError
from debtcoach.finance.money import MAX_FEN, yuan_to_fen

MAX_LINES = 600

_FULL_DATE = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_SHORT_DATE = re.compile(
    r"(?<![\d.,])(\d{1,2})\s*(?:[-/]|月)\s*(\d{1,2})(?:\s*日)?(?![\d.,]|\s*期)"
)
_PERIOD = re.compile(
    r"第\s*(\d{1,3})\s*期|(?<![\d.,])(\d{1,3})\s*/\s*\d{1,3}\s*期|^\s*(\d{1,3})\s*期"
)
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,3})[.、)]?\s+(?=\S)")
_AMOUNT = re.compile(
    r"(?:[¥]\s*)?(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(?![\d.,])(?:\s*元)?"
)
_DUE_WORD = re.compile(r"(?:应还|待还|还款金额|应还金额|本期应还|金额|合计)[:\s]*")
_PAID_WORD = re.compile(r"已还|已结清|已还清|已支付|paid", re.I)


@dataclass(frozen=True)
class PlanLine:
    number: int  # 1-based period number (from the text, or the line's position)
    due: date | None
    amount_fen: int
    paid: bool  # the app marked it 已还


@dataclass(frozen=True)
class RepaymentPlan:
    lines: tuple[PlanLine, ...]

    @property
    def marked_paid(self) -> int:
        """How many payments the app marked as paid."""
        return sum(line.paid for line in self.lines)

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    @property
    def dated(self) -> bool:
        return all(line.due is not None for line in self.lines)


def parse_repayment_plan(
    text: str, today: date | None = None, field: str = "schedule"
) -> RepaymentPlan:
    """Read a pasted plan; dates without a year (07/15) take ``today``'s year, rolling over to
    the next year when months go backwards. Errors name ``field:line``."""
    if not isinstance(text, str) or not text.strip():
        raise InputError(field, "schedule_empty")
    lines = unicodedata.normalize("NFKC", text).replace("，", ",").splitlines()
    if len(lines) > 4 * MAX_LINES:
        raise InputError(field, "schedule_too_long", limit=MAX_LINES)
    year = (today or date(2000, 1, 1)).year
    last_month = 0
    found: list[PlanLine] = []
    for number, raw in enumerate(lines, start=1):
        where = f"{field}:{number}"
        line = raw.strip()
        if not line:
            continue
        due, line, year, last_month = _take_date(line, where, year, last_month, today)
        period, line = _take_period(line)
        if due is None and period is None and not found and not _AMOUNT.search(line):
            continue
        paid = bool(_PAID_WORD.search(line))
        amount = _take_amount(line, where, has_key=due is not None or period is not None)
        if amount is None:
            continue
        if due is None and period is None:
            raise InputError(where, "schedule_line_no_date", value=raw.strip()[:40])
        found.append(PlanLine(period or len(found) + 1, due, amount, paid))
        if len(found) > MAX_LINES:
            raise InputError(field, "schedule_too_long", limit=MAX_LINES)
    if not found or sum(line.amount_fen for line in found) == 0:
        raise InputError(field, "schedule_empty")
    return RepaymentPlan(_ordered(found, field))


def _take_date(
    line: str, where: str, year: int, last_month: int, today: date | None
) -> tuple[date | None, str, int, int]:
    if m := _FULL_DATE.search(line):
        due = _date(int(m[1]), int(m[2]), int(m[3]), where, m[0])
        return due, line[:m.start()] + " " + line[m.end():], due.year, due.month
    if m := _SHORT_DATE.search(line):
        if today is None:
            raise InputError(where, "schedule_no_year", value=m[0])
        month, day = int(m[1]), int(m[2])
        if last_month and month < last_month:
            year += 1
        due = _date(year, month, day, where, m[0])
        return due, line[:m.start()] + " " + line[m.end():], year, month
    return None, line, year, last_month


def _date(year: int, month: int, day: int, where: str, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(where, "schedule_date", value=text.strip()) from None


def _take_period(line: str) -> tuple[int | None, str]:
    if m := _PERIOD.search(line):
        number = int(next(group for group in m.groups() if group is not None))
        return (number or None), line[:m.start()] + " " + line[m.end():]
    if (m := _LEADING_NUMBER.match(line)) and _AMOUNT.search(line[m.end():]):
        return (int(m[1]) or None), line[m.end():]
    return None, line


def _take_amount(line: str, where: str, has_key: bool) -> int | None:
    """The amount due: the one after 应还 / 待还 if named, else the last amount on the line."""
    named = _DUE_WORD.search(line)
    candidates = list(_AMOUNT.finditer(line[named.end():] if named else line))
    if not candidates:
        if has_key:
            raise InputError(where, "schedule_line_no_amount", value=line.strip()[:40])
        return None
    m = candidates[0] if named else candidates[-1]
    try:
        fen = yuan_to_fen(Decimal(m[1].replace(",", "") + (m[2] or "")))
    except (InvalidOperation, ValueError):
        raise InputError(where, "schedule_amount", value=m[0]) from None
    if fen > MAX_FEN:
        raise InputError(where, "money_too_large", value=m[0][:20])
    return fen


def _ordered(found: list[PlanLine], field: str) -> tuple[PlanLine, ...]:
    """Payments in time order, numbered 1..n; two lines for one period or date are refused."""
    dated = all(line.due is not None for line in found)
    key = (lambda line: (line.due, line.number)) if dated else (lambda line: (line.number,))
    ordered = sorted(found, key=key)
    seen: set[object] = set()
    for line in ordered:
        mark = line.due if dated else line.number
        if mark in seen:
            raise InputError(field, "schedule_duplicate", value=str(mark))
        seen.add(mark)
    return tuple(PlanLine(k, line.due, line.amount_fen, line.paid)
                 for k, line in enumerate(ordered, start=1))
