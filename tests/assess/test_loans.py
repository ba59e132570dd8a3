"""Each loan's position today against hand computation and closed forms."""

from datetime import date
from fractions import Fraction

import pytest

from debtcoach.assess import (
    LoanInput,
    LoanResult,
    NextPayment,
    Person,
    Situation,
    assess,
    check_loans,
    load_situation,
    situation_from_dict,
)
from debtcoach.errors import InputErrors

TODAY = date(2026, 7, 20)
EXAMPLE = (__import__("pathlib").Path(__file__).parent / "example.toml").read_text()


def _annuity_balance(principal: float, rate: float, payment: float, k: int) -> float:
    """Closed form: P(1+i)^k − A((1+i)^k − 1)/i."""
    grown = (1 + rate) ** k
    return principal * grown - payment * (grown - 1) / rate


def _one(loan: dict[str, object], **person: object) -> LoanResult:
    situation = Situation(person=Person.model_validate(
        {"monthly_income": 5000, "monthly_expenses": 3000, **person}),
        loans=[LoanInput.model_validate(loan)])
    return assess(situation, TODAY).loans[0]


def test_contract_loan_with_upfront_deduction_matches_closed_forms() -> None:
    # FACTS §1.5: 10,000 over 12 months at 24%: 945.60 a month; 8,000 received: about 70% IRR.
    loan = _one({"amount": 10000, "received": 8000, "term": "12m", "rate": "24%/year",
                 "paid_instalments": 3})
    assert _next(loan).amount_fen == 94_560
    expected_left = _annuity_balance(10_000, 0.02, 945.60, 3)
    assert loan.owed_fen / 100 == pytest.approx(expected_left, abs=0.01)
    cost_left = 9 * 945.60 - expected_left  # the last instalment absorbs rounding
    assert loan.cost_remaining_fen / 100 == pytest.approx(cost_left, abs=0.10)
    assert loan.figures.apr_nominal == pytest.approx(0.70, abs=0.005)
    assert loan.figures.apr_advertised == pytest.approx(0.24)
    crossed = {line.id for line in loan.legal_lines_crossed}
    assert {"cash-loan-2017-36", "court-4x-lpr"} <= crossed


def _dated_irr(flows: list[tuple[int, float]]) -> float:
    """Slow reference: daily rate r solving Σ C·(1+r)^−d = 0, by bisection."""
    low, high = 0.0, 0.1
    for _ in range(200):
        mid = (low + high) / 2
        value = sum(amount * (1 + mid) ** -day for day, amount in flows)
        low, high = (low, mid) if value > 0 else (mid, high)
    return (low + high) / 2


def test_pasted_plan_real_rate_is_the_irr_of_cash_received_and_payments() -> None:
    loan = _one({"received": 2700, "schedule": "2026-07-15 1,072.00\n2026-08-15 1,072.00\n"
                 "2026-09-15 1,072.00", "paid_instalments": 1})
    start = date(2026, 6, 15)  # a month before the first payment
    flows = [(0, 2700.0)] + [((d - start).days, -1072.0) for d in
                              (date(2026, 7, 15), date(2026, 8, 15), date(2026, 9, 15))]
    assert loan.figures.apr_nominal == pytest.approx(_dated_irr(flows) * 365, rel=1e-6)
    assert _next(loan).due == date(2026, 8, 15)
    # Owed today = the two payments left, less the interest not yet due at the plan's own rate.
    assert loan.cost_remaining_fen + loan.owed_fen == 2 * 107_200


def test_overdue_loan_owes_the_missed_instalment_and_the_engines_penalties() -> None:
    loan = _one({"amount": 6000, "term": "6m", "rate": "1%/month", "repayment": "equal-principal",
                 "paid_instalments": 2, "days_overdue": 10,
                 "late": {"penalty_rate": "0.05%/day", "late_fee": 50, "grace_days": 3}})
    instalment = 100_000 + 4_000 * 100 // 100  # third instalment: 1,000 principal + 1% of 4,000
    assert instalment == 104_000
    penalties = 5_000 + (10 - 3) * 52  # late fee once, then 0.05% of 1,040 = 0.52 a day
    assert loan.overdue_fen == instalment
    assert loan.penalties_fen == penalties
    assert loan.owed_fen == 300_000 + instalment + penalties
    assert _next(loan).overdue and _next(loan).amount_fen == instalment + penalties


def test_start_date_and_today_decide_what_has_fallen_due() -> None:
    loan = _one({"amount": 1200, "term": "12m", "rate": "0%/month",
                 "repayment": "equal-principal", "start": "2026-01-15"})
    assert loan.paid_instalments == 6  # Feb 15 .. Jul 15
    assert _next(loan).due == date(2026, 8, 15)
    assert loan.owed_fen == 60_000


def test_flat_fee_card_instalment_real_rate_is_about_double_the_monthly_fee() -> None:
    # FACTS §1.5 [computed]: a 0.75% monthly fee on 10,000 over 12 months is about 16.2% APR.
    loan = _one({"kind": "credit-card", "amount": 10000, "term": "12m", "rate": "0.75%/month",
                 "repayment": "等本等费"})
    assert loan.figures.apr_nominal == pytest.approx(0.162, abs=0.002)


def test_the_issue_example_loads_and_switched_off_loans_are_left_out() -> None:
    situation = load_situation(EXAMPLE, "example.toml")
    assert len(assess(situation, TODAY).loans) == 2
    off = situation.model_copy(update={"loans": [
        situation.loans[0].model_copy(update={"enabled": False}), situation.loans[1]]})
    result = assess(off, TODAY)
    assert [loan.index for loan in result.loans] == [1]
    assert result.lenders == 1


@pytest.mark.parametrize(
    ("loan", "field", "code"),
    [
        ({"amount": 1000, "received": 1200, "term": "12m", "rate": "24%/year"},
         "loans[0].received", "received_above_amount"),
        ({"amount": 1000, "term": "12m", "rate": "24%"}, "loans[0].rate", "rate_no_period"),
        ({"amount": 1000, "term": "12m", "rate": "年化7.2%-24%"}, "loans[0].rate", "rate_range"),
        ({"amount": 1000, "term": "12m"}, "loans[0].rate", "field_missing"),
        ({"received": 1000, "schedule": "还款计划"}, "loans[0].schedule", "schedule_empty"),
        ({"received": 1000, "schedule": "第1期 500\n第2期 400"}, "loans[0].schedule",
         "schedule_below_amount"),
        ({"amount": 1000, "term": "3m", "rate": "1%/month", "paid_instalments": 4},
         "loans[0].paid_instalments", "paid_above_instalments"),
        ({"amount": "1,0,0", "term": "3m", "rate": "1%/month"}, "loans[0].amount",
         "money_invalid"),
    ],
)
def test_bad_loans_name_the_field(loan: dict[str, object], field: str, code: str) -> None:
    text = "[person]\nmonthly_income = 5000\nmonthly_expenses = 3000\n[[loans]]\n" + "\n".join(
        f"{key} = {value!r}".replace("'", '"') for key, value in loan.items())
    try:
        errors = check_loans(load_situation(text, "f.toml"), TODAY, "f.toml:")
    except InputErrors as caught:
        errors = caught.errors
    assert [(e.field, e.code) for e in errors] == [(f"f.toml: {field}", code)]


def test_amounts_are_exact_fractions_of_a_fen_nowhere() -> None:
    loan = _one({"amount": "1.5万", "term": "十二个月", "rate": "月息1分5",
                 "repayment": "等额本息"})
    rate = Fraction(15, 1000)
    level = 15_000 * rate / (1 - (1 + rate) ** -12)
    assert _next(loan).amount_fen == round(level * 100)


def _next(loan: LoanResult) -> NextPayment:
    assert loan.next_payment is not None
    return loan.next_payment


def test_monthly_payments_count_only_what_falls_due_in_the_coming_month() -> None:
    later = _one({"amount": 3000, "term": "90d", "rate": "0.05%/day", "repayment": "bullet",
                  "start": "2026-07-10"})
    assert later.monthly_payment_fen == 0  # due 2026-10-08
    soon = _one({"amount": 3000, "term": "30d", "rate": "0.05%/day", "repayment": "bullet",
                 "start": "2026-07-10"})
    assert soon.monthly_payment_fen == 300_000 + 4_500  # due 2026-08-09: 0.05% × 30 days
    monthly = _one({"amount": 1200, "term": "12m", "rate": "0%/month",
                    "repayment": "equal-principal", "start": "2026-06-21"})
    assert monthly.monthly_payment_fen == 10_000  # 07-21 counts; 08-21, 32 days away, not


def test_cash_received_decides_when_it_differs_from_the_fees_entered() -> None:
    # 10% deducted per the contract would leave 9,000; only 8,500 arrived: 1,500 was deducted.
    loan = _one({"amount": 10000, "received": 8500, "term": "12m", "rate": "24%/year",
                 "upfront_fee": "10%"})
    same = _one({"amount": 10000, "received": 8500, "term": "12m", "rate": "24%/year"})
    assert loan.received_fen == same.received_fen == 850_000
    assert loan.figures.apr_nominal == same.figures.apr_nominal


def test_more_cash_than_the_fees_leave_is_refused() -> None:
    situation = {"person": {"monthly_income": 1, "monthly_expenses": 1}, "loans": [{
        "amount": 10000, "received": 9500, "term": "12m", "rate": "24%/year",
        "upfront_fee": "10%"}]}
    try:
        situation_from_dict(situation)
    except InputErrors as caught:
        assert [(e.field, e.code) for e in caught.errors] == [
            ("loans[0].received", "received_above_payout")]
    else:
        raise AssertionError("accepted")
