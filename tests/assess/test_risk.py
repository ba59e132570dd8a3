"""The risk level at the boundaries of each reason, and through assess() as a person enters it."""

from dataclasses import replace
from datetime import date

import pytest

from debtcoach.assess import LoanInput, Person, RiskLevel, Situation, assess
from debtcoach.assess.risk import RiskFacts, risk_of

CALM = RiskFacts(monthly_debt_payments_fen=100_000, monthly_income_fen=500_000, lenders=1,
                 borrowed_to_repay=False, max_days_overdue=0, max_real_rate=0.20,
                 cash_runs_out=False)


@pytest.mark.parametrize(
    ("change", "level", "reasons"),
    [
        ({}, RiskLevel.LOW, ()),
        ({"monthly_debt_payments_fen": 250_000}, RiskLevel.LOW, ()),  # exactly half: not above
        ({"monthly_debt_payments_fen": 250_001}, RiskLevel.SPIRAL, ("payments_over_half_income",)),
        ({"monthly_income_fen": 0}, RiskLevel.SPIRAL, ("payments_over_half_income",)),
        ({"borrowed_to_repay": True}, RiskLevel.SPIRAL, ("borrowed_to_repay",)),
        ({"max_days_overdue": 1}, RiskLevel.RISING, ("overdue",)),
        ({"max_days_overdue": 30}, RiskLevel.RISING, ("overdue",)),
        ({"max_days_overdue": 31}, RiskLevel.SPIRAL, ("overdue_over_30_days",)),
        ({"lenders": 2}, RiskLevel.LOW, ()),
        ({"lenders": 3}, RiskLevel.RISING, ("three_or_more_lenders",)),
        ({"max_real_rate": 0.36}, RiskLevel.LOW, ()),
        ({"max_real_rate": 0.3601}, RiskLevel.RISING, ("real_rate_over_36",)),
        ({"cash_runs_out": True}, RiskLevel.RISING, ("cash_runs_out",)),
        ({"lenders": 3, "max_real_rate": 0.7}, RiskLevel.SPIRAL,
         ("three_or_more_lenders", "real_rate_over_36")),
    ],
)
def test_risk_level_at_each_boundary(
    change: dict[str, object], level: RiskLevel, reasons: tuple[str, ...]
) -> None:
    risk = risk_of(replace(CALM, **change))  # type: ignore[arg-type]
    assert (risk.level, risk.reasons) == (level, reasons)


def test_no_debt_payments_and_no_income_is_low() -> None:
    assert risk_of(replace(CALM, monthly_debt_payments_fen=0, monthly_income_fen=0)).level is (
        RiskLevel.LOW)


def test_assess_reads_the_reasons_from_the_loans() -> None:
    def loan(lender: str, **extra: object) -> LoanInput:
        return LoanInput.model_validate({"lender": lender, "amount": 1000, "term": "6m",
                                         "rate": "1%/month", **extra})

    person = Person.model_validate({"monthly_income": 8000, "monthly_expenses": 3000,
                                    "savings": 5000})
    calm = assess(Situation(person=person, loans=[loan("A"), loan("B")]), date(2026, 7, 1))
    assert (calm.risk.level, calm.risk.reasons) == (RiskLevel.LOW, ())
    busy = assess(Situation(person=person, loans=[
        loan("A"), loan("B"), loan("a "), loan("C", to_repay_other_loans=True)]), date(2026, 7, 1))
    assert busy.lenders == 3  # "A" and "a " are one lender
    assert busy.risk.reasons == ("borrowed_to_repay", "three_or_more_lenders")
    assert busy.risk.level is RiskLevel.SPIRAL
