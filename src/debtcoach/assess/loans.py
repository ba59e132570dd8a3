"""One loan's position today: its schedule, how far along it is, what is owed and overdue, its
real annual rate and the legal lines it crosses.

A loan given by contract terms uses :func:`debtcoach.finance.schedules.build_schedule`. A loan given
by a pasted plan has no split into principal and interest, so the payments are split at the rate
that turns the contract amount into those payments (for an 等额本息 plan that is the lender's own
split); the real rate always comes from the cash received.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from debtcoach.assess.models import LoanInput
from debtcoach.assess.plan_text import RepaymentPlan, parse_repayment_plan
from debtcoach.assess.results import Instalment, LoanResult, NextPayment
from debtcoach.errors import InputError
from debtcoach.finance.apr import AprFigures, annualize, cost_of
from debtcoach.finance.irr import NoRateError, irr_one
from debtcoach.finance.legal import lines_crossed
from debtcoach.finance.money import round_fen
from debtcoach.finance.offers import Fee, FeeTiming, LateTerms, LoanOffer, Repayment, Term
from debtcoach.finance.periods import DAY, MONTH, Period, Unit
from debtcoach.finance.rates import Rate
from debtcoach.finance.schedules import add_months


@dataclass(frozen=True)
class Row:
    """A scheduled instalment in fen; ``due`` is None when only its number is known."""

    number: int
    due: date | None
    principal: int
    interest: int
    fees: int

    @property
    def payment(self) -> int:
        return self.principal + self.interest + self.fees


@dataclass(frozen=True)
class LoanPosition:
    """What the plans need beyond the result: remaining rows and the monthly contract rate."""

    result: LoanResult
    rows: tuple[Row, ...]  # every instalment
    fallen_due: int  # rows already fallen due (paid or overdue)
    overdue_rows: tuple[Row, ...]
    monthly_rate: Fraction  # contract rate per month, for the negotiated plan
    late: LateTerms | None
    period_days: int  # days between instalments
    today: date
    days_overdue: int
    offer: LoanOffer  # the same loan offered again (keep going borrows on these terms)


def position(loan: LoanInput, index: int, today: date) -> LoanPosition:
    if loan.schedule is not None:
        return _from_plan(loan, index, today, parse_repayment_plan(
            loan.schedule, today, f"loans[{index}].schedule"))
    return _from_contract(loan, index, today)


def _from_contract(loan: LoanInput, index: int, today: date) -> LoanPosition:
    offer = loan.offer()
    try:
        cost = cost_of(offer)
    except InputError as error:  # no rate solves these flows: name the loan, not "cashflows"
        raise InputError(f"loans[{index}].rate", error.code, **error.params) from None
    schedule = cost.schedule
    count = len(schedule.rows) - 1
    period_days = schedule.period.count if schedule.period.unit is Unit.DAY else 30
    start = _contract_date(loan, today, count, schedule.period.unit is Unit.DAY, period_days)
    # Without a start date the instalments have numbers only: the next is taken as due at the
    # start of the coming month, the rest one period apart.
    dates: list[date | None] = (list(schedule.dates(start)) if loan.start is not None
                                else [None] * len(schedule.rows))
    rows = tuple(Row(r.period, dates[r.period], r.principal, r.interest, r.fees)
                 for r in schedule.rows[1:])
    fallen, paid = _progress(loan, rows, today, period_days, count)
    rate = offer.rate.per(MONTH).value
    if loan.repayment is Repayment.FLAT_FEE:
        rate = _rounded(cost.figures.apr_nominal / 12)
    return _finish(loan, index, today, start, schedule.contract, schedule.cash_received,
                   cost.figures, rows, fallen, paid, rate, period_days, cost.offer)


def _contract_date(
    loan: LoanInput, today: date, count: int, day_term: bool, period_days: int
) -> date:
    if loan.start is not None:
        return loan.start
    done = min(loan.paid_instalments or 0, count)
    overdue = _overdue_count(loan.days_overdue, period_days, count - done)
    if day_term:
        return today - timedelta(days=period_days * (done + overdue) + loan.days_overdue)
    # The next instalment falls due within the coming month.
    return add_months(today, -(done + overdue)) - timedelta(days=loan.days_overdue)


def _overdue_count(days_overdue: int, period_days: int, left: int) -> int:
    if days_overdue <= 0 or left <= 0:
        return 0
    return min(left, math.ceil(days_overdue / period_days))


def _progress(
    loan: LoanInput, rows: tuple[Row, ...], today: date, period_days: int, count: int
) -> tuple[int, int]:
    """(instalments fallen due, instalments paid)."""
    if loan.paid_instalments is not None or loan.start is None:
        paid = min(loan.paid_instalments or 0, count)
        return paid + _overdue_count(loan.days_overdue, period_days, count - paid), paid
    fallen = sum(1 for row in rows if row.due is not None and row.due <= today)
    late_since = today - timedelta(days=loan.days_overdue)
    overdue = sum(1 for row in rows[:fallen] if row.due is not None and row.due >= late_since)
    if loan.days_overdue > 0 and fallen:
        overdue = max(overdue, 1)
    return fallen, fallen - overdue


def _from_plan(loan: LoanInput, index: int, today: date, plan: RepaymentPlan) -> LoanPosition:
    assert loan.received_fen is not None
    received = loan.received_fen
    contract = loan.amount_fen if loan.amount_fen is not None else received
    payments = [line.amount_fen for line in plan.lines]
    if plan.total_fen < contract:
        raise InputError(f"loans[{index}].schedule", "schedule_below_amount",
                         total=_yuan(plan.total_fen), amount=_yuan(contract))
    if plan.dated:
        due = [line.due for line in plan.lines if line.due is not None]
        start = loan.start or add_months(due[0], -1)
        times: list[Fraction] = [Fraction(0)] + [Fraction((d - start).days) for d in due]
        per_year: Fraction | int = 365
        if any(t <= 0 for t in times[1:]):
            raise InputError(f"loans[{index}].start", "start_after_payment",
                             value=start.isoformat())
    else:
        start = loan.start or add_months(today, -(loan.paid_instalments or plan.marked_paid))
        times, per_year = [Fraction(k) for k in range(len(payments) + 1)], 12
    try:
        figures = annualize([received] + [-p for p in payments], times, per_year,
                            single_payment_rule=True)
    except InputError as error:
        raise InputError(f"loans[{index}].schedule", error.code, **error.params) from None
    rate = _split_rate(contract, payments)
    rows = _split(contract, payments, rate, [line.due for line in plan.lines])
    count = len(rows)
    period_days = 30
    if plan.dated and count == 1:
        period_days = max(1, int(times[1]))
    paid_given = loan.paid_instalments if loan.paid_instalments is not None else (
        plan.marked_paid if plan.marked_paid or not plan.dated else None)
    if paid_given is not None:
        paid = min(paid_given, count)
        fallen = paid + _overdue_count(loan.days_overdue, period_days, count - paid)
    else:
        fallen, paid = _progress(loan.model_copy(update={"start": start}), rows, today,
                                 period_days, count)
    offer = LoanOffer.model_construct(
        amount_fen=contract, term=Term(count, Unit.MONTH) if period_days == 30 or count > 1
        else Term(period_days, Unit.DAY), rate=Rate(rate, MONTH if count > 1 or period_days == 30
                                                    else Period(Unit.DAY, period_days)),
        repayment=Repayment.EQUAL_INSTALLMENT,
        upfront_fee=Fee(FeeTiming.UPFRONT, fixed_fen=contract - received)
        if contract > received else None,
        service_fee=None, membership_fee=None, guarantee_fee=None, late=loan.late)
    return _finish(loan, index, today, start, contract, received, figures, rows, fallen, paid,
                   rate, period_days, offer)


def _yuan(fen: int) -> str:
    return f"{fen / 100:.2f}"


def _split_rate(contract: int, payments: list[int]) -> Fraction:
    """The monthly rate at which ``contract`` amortizes to ``payments`` (0 if they repay no
    more than the contract)."""
    if sum(payments) <= contract:
        return Fraction(0)
    try:
        rate = irr_one([float(contract)] + [-float(p) for p in payments],
                       [float(k) for k in range(len(payments) + 1)])
    except NoRateError:
        return Fraction(0)
    return _rounded(max(rate, 0.0))


def _rounded(rate: float) -> Fraction:
    """A rate found numerically, to 10⁻¹⁰ a period: exact enough for fen, cheap to compute with."""
    return Fraction(round(rate * 10**10), 10**10)


def _split(
    contract: int, payments: list[int], rate: Fraction, dues: list[date | None]
) -> tuple[Row, ...]:
    balance = contract
    rows = []
    for k, (payment, due) in enumerate(zip(payments, dues, strict=True), start=1):
        last = k == len(payments)
        interest = min(round_fen(balance * rate), payment)
        principal = balance if last else min(payment - interest, balance)
        interest = max(payment - principal, 0) if last else interest
        fees = payment - principal - interest
        balance -= principal
        rows.append(Row(k, due, principal, interest, fees))
    return tuple(rows)


def _finish(
    loan: LoanInput, index: int, today: date, start: date, contract: int, received: int,
    figures: AprFigures, rows: tuple[Row, ...], fallen: int, paid: int, monthly_rate: Fraction,
    period_days: int, offer: LoanOffer,
) -> LoanPosition:
    overdue_rows = rows[paid:fallen]
    principal_left = sum(row.principal for row in rows[fallen:])
    overdue = sum(row.payment for row in overdue_rows)
    penalties = accrued_penalties(loan.late, overdue, loan.days_overdue) if overdue_rows else 0
    future = sum(row.payment for row in rows[fallen:])
    owed = principal_left + overdue + penalties
    cost_remaining = future - principal_left + sum(
        row.interest + row.fees for row in overdue_rows) + penalties
    next_payment = None
    if overdue_rows:
        next_payment = NextPayment(overdue_rows[0].number, overdue_rows[0].due,
                                   overdue + penalties, True)
    elif fallen < len(rows):
        row = rows[fallen]
        next_payment = NextPayment(row.number, row.due, row.payment, False)
    instalments = tuple(
        Instalment(row.number, row.due, row.principal, row.interest, row.fees,
                   paid=k < paid, overdue=paid <= k < fallen)
        for k, row in enumerate(rows))
    result = LoanResult(
        index=index, lender=loan.lender, contract_fen=contract, received_fen=received,
        contract_date=start, figures=figures, instalments=instalments, paid_instalments=paid,
        principal_left_fen=principal_left, overdue_fen=overdue, penalties_fen=penalties,
        owed_fen=owed, cost_remaining_fen=cost_remaining,
        monthly_payment_fen=_coming_month(rows, fallen, today),
        next_payment=next_payment,
        legal_lines_crossed=tuple(lines_crossed(figures.apr_nominal, start)),
        kind=loan.kind.value,
    )
    return LoanPosition(result, rows, fallen, overdue_rows, monthly_rate, loan.late, period_days,
                        today, loan.days_overdue, offer)


def _coming_month(rows: tuple[Row, ...], fallen: int, today: date) -> int:
    """Scheduled payments falling due in the coming month: dated instalments due within 31 days
    of today; without dates, the next instalment (taken as due at the start of the month)."""
    if fallen >= len(rows):
        return 0
    if rows[fallen].due is None:
        return rows[fallen].payment
    horizon = today + timedelta(days=31)
    return sum(row.payment for row in rows[fallen:] if row.due is not None and row.due <= horizon)


def accrued_penalties(late: LateTerms | None, overdue: int, days_overdue: int) -> int:
    """The engine's rule: once past the grace days, a late fee once and each day
    round(overdue × daily penalty rate); a lender without late terms charges nothing."""
    if late is None or days_overdue <= late.grace_days or overdue <= 0:
        return 0
    daily = late.penalty_rate.per(DAY).value
    return late.late_fee_fen + (days_overdue - late.grace_days) * round_fen(overdue * daily)

