"""Offers become dated cash flows, to the fen, rounded per period as lenders do.

The borrower's view: row 0 is payout (fees charged then), rows 1..n are instalments. Each
instalment's interest and fees are rounded half-up to the fen; the last instalment repays whatever
principal is left, so rounding never leaves a balance behind.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from debtcoach.finance.money import round_fen
from debtcoach.finance.offers import LoanOffer, Repayment
from debtcoach.finance.periods import MONTH, Period, Unit


@dataclass(frozen=True)
class ScheduleRow:
    period: int
    principal: int
    interest: int
    fees: int
    balance: int  # contract principal still owed after this row

    @property
    def payment(self) -> int:
        return self.principal + self.interest + self.fees


@dataclass(frozen=True)
class Schedule:
    """All money in fen. ``rows[0]`` is payout; ``period`` is the length of one row."""

    contract: int
    cash_received: int  # contract minus fees deducted at payout
    period: Period
    rows: tuple[ScheduleRow, ...]

    @property
    def flows(self) -> list[int]:
        """Borrower's cash flows per period: + received, − paid."""
        return [self.cash_received - self.rows[0].payment] + [-row.payment for row in self.rows[1:]]

    @property
    def total_repaid(self) -> int:
        return sum(row.payment for row in self.rows)

    @property
    def total_cost(self) -> int:
        return self.total_repaid - self.cash_received

    @property
    def interest(self) -> int:
        return sum(row.interest for row in self.rows)

    @property
    def fees(self) -> int:
        """Every fee, including any deducted at payout."""
        return sum(row.fees for row in self.rows) + self.contract - self.cash_received

    def dates(self, start: date) -> list[date]:
        """The calendar date of each row for a loan paid out on ``start``."""
        if self.period.unit is Unit.DAY:
            return [start + timedelta(days=k * self.period.count) for k in range(len(self.rows))]
        return [add_months(start, k * self.period.count) for k in range(len(self.rows))]


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, clipped to the month's end (Jan 31 + 1 month = Feb 28)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def build_schedule(offer: LoanOffer) -> Schedule:
    principal = offer.amount_fen
    if offer.term.unit is Unit.DAY:
        # A day-term loan is one period of the whole term, repaid in one go.
        period, count = Period(Unit.DAY, offer.term.count), 1
    else:
        period, count = MONTH, offer.term.count
    rate = offer.rate.per(period).value
    rows = [ScheduleRow(0, 0, 0, offer.paid_at_payout_fen(), principal)]
    fees = offer.fees_per_instalment_fen()
    rows += _instalments(offer.repayment, principal, rate, count, fees)
    return Schedule(principal, principal - offer.deducted_at_payout_fen(), period, tuple(rows))


def _instalments(
    method: Repayment, principal: int, rate: Fraction, count: int, extra_fees: int
) -> list[ScheduleRow]:
    balance = principal
    rows: list[ScheduleRow] = []
    level = _level_payment(principal, rate, count)
    for k in range(1, count + 1):
        last = k == count
        interest = round_fen(balance * rate)
        fees = extra_fees
        if method is Repayment.BULLET:
            interest = round_fen(principal * rate * count) if last else 0
            paid = balance if last else 0
        elif method is Repayment.INTEREST_FIRST:
            interest = round_fen(principal * rate)
            paid = balance if last else 0
        elif method is Repayment.EQUAL_INSTALLMENT:
            paid = balance if last else level - interest
        else:  # equal principal, with or without a flat fee in place of interest
            paid = balance if last else round_fen(Fraction(principal, count))
            if method is Repayment.FLAT_FEE:
                interest, fees = 0, fees + round_fen(principal * rate)
        balance -= paid
        rows.append(ScheduleRow(k, paid, interest, fees, balance))
    return rows


def _level_payment(principal: int, rate: Fraction, count: int) -> int:
    """等额本息: P·i / (1 − (1+i)^−n), rounded to the fen; P/n when the rate is zero."""
    if rate == 0:
        return round_fen(Fraction(principal, count))
    return round_fen(principal * rate / (1 - (1 + rate) ** -count))
