"""Lesson 07's three strategies side by side, checked against a hand computation of the three
equal-instalment schedules."""

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from debtcoach.lessons.compare import compare
from debtcoach.lessons.loader import LoadedLesson, load_lesson, load_sources
from debtcoach.lessons.schema import CompareStep

LESSONS = Path(__file__).parents[2] / "lessons"
CENT = Decimal("0.01")


def equal_instalment_interest(principal: int, monthly_rate: Decimal, months: int = 12) -> Decimal:
    """Total interest of a 等额本息 loan: each month's interest on what is still owed, rounded
    to the fen, the instalment rounded to the fen, the last one clearing the balance."""
    factor = (1 + monthly_rate) ** months
    instalment = (principal * monthly_rate * factor / (factor - 1)).quantize(CENT, ROUND_HALF_UP)
    balance, total = Decimal(principal), Decimal(0)
    for month in range(months):
        interest = (balance * monthly_rate).quantize(CENT, ROUND_HALF_UP)
        payment = instalment if month < months - 1 else balance + interest
        balance -= payment - interest
        total += interest
    assert balance == 0
    return total


@pytest.fixture(scope="module")
def lesson() -> LoadedLesson:
    return load_lesson(LESSONS / "07-the-way-out", load_sources(LESSONS))


def test_schedule_only_counts_every_instalment_including_the_twelfth(lesson: LoadedLesson) -> None:
    """EasyPay ¥2,500 at 1% a month, FlashLoan ¥3,000 at 0.1% a day (a month is a twelfth of
    365 days: 3.041 6̅%), SafeLoan ¥4,000 at 24% a year (2% a month), each in 12 instalments
    from day 0: ¥1,330.02 of interest, the last instalments due on day 360 included."""
    by_hand = (equal_instalment_interest(2500, Decimal("0.01"))
               + equal_instalment_interest(3000, Decimal("0.001") * 365 / 12)
               + equal_instalment_interest(4000, Decimal("0.24") / 12))
    assert by_hand == Decimal("1330.02")
    step = next(s for s in lesson.lesson.steps if isinstance(s, CompareStep))
    rows = {row.label.en: row for row in compare(lesson, step)}
    schedule = rows["Schedule only"]
    assert schedule.costs == int(by_hand * 100)
    assert (schedule.paid, schedule.owed, schedule.debt_free) == (schedule.costs, 0, 13)
    assert lesson.answers["predict-none"] == pytest.approx(float(by_hand))


def test_paying_early_costs_less_and_ends_sooner_avalanche_least(lesson: LoadedLesson) -> None:
    step = next(s for s in lesson.lesson.steps if isinstance(s, CompareStep))
    schedule, avalanche, snowball = compare(lesson, step)
    for row in (avalanche, snowball):
        assert row.paid + row.owed == row.costs and row.owed == 0
        assert row.costs < schedule.costs
        assert row.debt_free is not None and schedule.debt_free is not None
        assert row.debt_free < schedule.debt_free
    assert avalanche.costs <= snowball.costs
    assert lesson.answers["predict-avalanche"] == pytest.approx(avalanche.costs / 100)
    assert lesson.answers["predict-snowball"] == pytest.approx(snowball.costs / 100)
