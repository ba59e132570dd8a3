"""Assess a person's situation: every loan's real cost and position, the whole picture, the four
plans and the risk level. Pure: the same input and date give the same result, with no I/O."""

from __future__ import annotations

from datetime import date

from debtcoach.assess.loans import LoanPosition, position
from debtcoach.assess.models import MAX_PLAN_MONTHS, LoanInput, NegotiatedTerms, Situation
from debtcoach.assess.plans import lenders_for, negotiated_loans, run_plan, start_loans
from debtcoach.assess.results import Assessment, PlanName, PlanResult
from debtcoach.assess.risk import RiskFacts, risk_of
from debtcoach.errors import InputError

DEFAULT_MONTHS = 24


def assess(situation: Situation, today: date, months: int = DEFAULT_MONTHS) -> Assessment:
    """Everything the results page, the report and ``debtcoach assess --json`` show."""
    if not 1 <= months <= MAX_PLAN_MONTHS:
        raise InputError("months", "number_max", value=months, limit=MAX_PLAN_MONTHS)
    active = situation.active_loans()
    positions = [position(loan, index, today) for index, loan in active]
    person = situation.person
    negotiated = negotiated_terms(situation, positions)
    plans, cash_out = _plans(situation, positions, months, negotiated)
    payments = sum(pos.result.monthly_payment_fen for pos in positions)
    income = person.monthly_income_fen
    lenders = _lender_count([loan for _, loan in active], positions)
    risk = risk_of(RiskFacts(
        monthly_debt_payments_fen=payments,
        monthly_income_fen=income,
        lenders=lenders,
        borrowed_to_repay=any(loan.to_repay_other_loans for _, loan in active),
        max_days_overdue=max((pos.days_overdue for pos in positions if pos.overdue_rows),
                             default=0),
        max_real_rate=max((pos.result.figures.apr_nominal for pos in positions), default=0.0),
        cash_runs_out=cash_out is not None,
    ))
    return Assessment(
        today=today,
        months=months,
        loans=tuple(pos.result for pos in positions),
        monthly_income_fen=income,
        monthly_expenses_fen=person.monthly_expenses_fen,
        savings_fen=person.savings_fen,
        monthly_debt_payments_fen=payments,
        debt_payments_to_income=payments / income if income else None,
        lenders=lenders,
        total_owed_fen=sum(pos.result.owed_fen for pos in positions),
        months_until_cash_runs_out=cash_out,
        plans=plans,
        risk=risk,
        negotiated=negotiated,
    )


def negotiated_terms(situation: Situation, positions: list[LoanPosition]) -> NegotiatedTerms:
    """The terms as given; unless ``months`` was given, the fewest months (up to 60) whose first
    instalments fit the month's spare cash (income less spending): a lender agrees to a plan the
    person can keep, and a longer one only costs more interest."""
    terms = situation.negotiated
    if "months" in terms.model_fields_set:
        return terms
    person = situation.person
    spare = person.monthly_income_fen - person.monthly_expenses_fen

    def fits(months: int) -> bool:
        trial = terms.model_copy(update={"months": months})
        return sum(sum(loan.dues[0][1:]) for loan in negotiated_loans(positions, trial)
                   if loan.dues) <= spare

    # A longer plan never has a larger instalment, so the fewest months that fit are found by
    # halving (a few schedules instead of up to 60).
    low, high = 1, terms.months
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if fits(middle) else (middle + 1, high)
    return terms.model_copy(update={"months": low})


def _plans(
    situation: Situation, positions: list[LoanPosition], months: int, negotiated: NegotiatedTerms
) -> tuple[dict[PlanName, PlanResult], int | None]:
    person = situation.person
    lenders = lenders_for(positions)
    plans: dict[PlanName, PlanResult] = {}
    plans[PlanName.KEEP_GOING], _ = run_plan(
        PlanName.KEEP_GOING, person, start_loans(positions), lenders, months,
        borrow=True, extra=None)
    for name in (PlanName.AVALANCHE, PlanName.SNOWBALL):
        plans[name], _ = run_plan(name, person, start_loans(positions), (), months,
                                  borrow=False, extra=name)
    plans[PlanName.NEGOTIATED], _ = run_plan(
        PlanName.NEGOTIATED, person, negotiated_loans(positions, negotiated), (),
        months, borrow=False, extra=None)
    # Cash runs out when, paying every instalment as scheduled and borrowing nothing more, an
    # instalment cannot be paid or cash falls below zero.
    _, cash_out = run_plan(None, person, start_loans(positions), (), months, borrow=False,
                           extra=None, until=months)
    return plans, (cash_out if cash_out is not None and cash_out <= months else None)


def _lender_count(loans: list[LoanInput], positions: list[LoanPosition]) -> int:
    """Lenders with something still owed; loans without a lender name count one each."""
    names: set[str] = set()
    unnamed = 0
    for loan, pos in zip(loans, positions, strict=True):
        if pos.result.owed_fen == 0 and pos.fallen_due >= len(pos.rows):
            continue
        if loan.lender.strip():
            names.add(loan.lender.strip().casefold())
        else:
            unnamed += 1
    return len(names) + unnamed
