from datetime import date

import numpy_financial as npf
import pytest
from hypothesis import given, settings

from debtcoach.finance.offers import LoanOffer
from debtcoach.finance.schedules import add_months, build_schedule
from tests.strategies import offers


def _schedule(**fields: object):  # type: ignore[no-untyped-def]
    return build_schedule(LoanOffer.model_validate(fields))


def test_equal_installment_matches_the_annuity_formula() -> None:
    # FACTS §1.5: 10,000 over 12 months at 24%/year → 945.6 a month.
    schedule = _schedule(amount=10000, term="12m", rate="24%/year", repayment="equal-installment")
    expected = round(-npf.pmt(0.02, 12, 10000), 2)
    assert expected == 945.60
    assert [row.payment for row in schedule.rows[1:-1]] == [94560] * 11
    assert schedule.rows[-1].balance == 0


def test_equal_principal_charges_interest_on_the_falling_balance() -> None:
    schedule = _schedule(amount=12000, term="12m", rate="12%/year", repayment="equal-principal")
    assert [row.principal for row in schedule.rows[1:]] == [100_000] * 12
    assert [row.interest for row in schedule.rows[1:]] == [
        round((12000 - 1000 * k) * 0.01 * 100) for k in range(12)
    ]


def test_flat_fee_charges_the_original_principal_every_month() -> None:
    schedule = _schedule(amount=10000, term="12m", rate="0.6%/month", repayment="flat-fee")
    assert [row.fees for row in schedule.rows[1:]] == [6000] * 12
    assert sum(row.interest for row in schedule.rows) == 0
    assert schedule.total_cost == 72_000  # 0.6% × 12 × 10,000


def test_bullet_day_loan_charges_simple_daily_interest() -> None:
    schedule = _schedule(amount=1000, term="30d", rate="日息万五", repayment="bullet")
    assert len(schedule.rows) == 2
    assert schedule.rows[1].interest == 1500  # 1000 × 0.0005 × 30
    assert schedule.flows == [100_000, -101_500]


def test_interest_first_repays_principal_at_the_end() -> None:
    schedule = _schedule(amount=5000, term="3m", rate="1.5%/month", repayment="interest-first")
    assert [row.payment for row in schedule.rows[1:]] == [7500, 7500, 507_500]


def test_upfront_fee_is_deducted_and_once_fees_are_paid_at_payout() -> None:
    schedule = _schedule(amount=1000, term="7d", rate="0%/day", upfront_fee="200",
                         membership_fee="30")
    assert schedule.cash_received == 80_000
    assert schedule.flows[0] == 77_000
    assert schedule.flows[-1] == -100_000


@pytest.mark.parametrize(("term", "months"), [("7d", 1), ("14d", 1), ("30d", 1), ("45d", 2),
                                               ("1m", 1), ("3m", 3)])
def test_a_monthly_membership_is_paid_at_payout_once_per_started_month(term: str,
                                                                       months: int) -> None:
    # docs/engine.md: one fee per started month (30 days) of the term, all at payout, whatever
    # the term's unit. 20 yuan a month, and 0.55% of 1,234.56 yuan = 6.79008 → 6.79 a month.
    fixed = _schedule(amount=1000, term=term, rate="0%/day", membership_fee="20/month")
    assert fixed.rows[0].fees == months * 2000
    assert [row.fees for row in fixed.rows[1:]] == [0] * len(fixed.rows[1:])
    assert fixed.cash_received == 100_000
    assert fixed.flows[0] == 100_000 - months * 2000
    share = _schedule(amount="1234.56", term=term, rate="0%/day", membership_fee="0.55%/month")
    assert share.rows[0].fees == months * 679


@settings(max_examples=300, deadline=None)
@given(offers())
def test_every_schedule_reconciles_to_the_fen(offer: LoanOffer) -> None:
    schedule = build_schedule(offer)
    rows = schedule.rows[1:]
    assert sum(row.principal for row in rows) == offer.amount_fen
    assert rows[-1].balance == 0
    balance = offer.amount_fen
    for row in rows:
        balance -= row.principal
        assert row.balance == balance
        assert min(row.principal, row.interest, row.fees) >= 0
    assert schedule.total_repaid - schedule.cash_received == schedule.interest + schedule.fees
    assert -sum(schedule.flows) == schedule.total_cost


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [(date(2026, 1, 31), 1, date(2026, 2, 28)), (date(2024, 1, 31), 1, date(2024, 2, 29)),
     (date(2026, 11, 15), 3, date(2027, 2, 15)), (date(2026, 5, 1), 0, date(2026, 5, 1))],
)
def test_add_months_clips_to_the_end_of_the_month(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected
