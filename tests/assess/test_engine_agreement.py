"""The plans run on the engine's rules: started from loans the engine itself made, they must
report the engine's month-end debt and costs to the fen.

Each case lets the engine borrow on day 0 (a cash need in month 0, stacking), then hands the
engine's position at the end of month 0 to the assessment as the person's situation: the same
loans, nothing paid yet, the engine's cash as savings. From there both run the same policy."""

from datetime import date
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from debtcoach.assess import LoanInput, Person, PlanName, Situation
from debtcoach.assess.loans import position
from debtcoach.assess.plans import lenders_for, run_plan, start_loans
from debtcoach.finance.offers import LoanOffer
from debtcoach.sim.run import start
from debtcoach.sim.scenario import ExtraPayments, Policy, Scenario, WhenShort

TODAY = date(2026, 7, 1)
LATE = {"penalty_rate": "0.1%/day", "late_fee": 30, "grace_days": 3}
OFFER_FIELDS = ("term", "rate", "repayment", "upfront_fee", "service_fee", "membership_fee",
                "guarantee_fee", "late")


def _lender(lender_id: str, amount: int, **terms: Any) -> dict[str, Any]:
    return {"id": lender_id, "name": lender_id, "max_amount": amount, **terms}


def _scenario(income: int, expenses: int, lenders: list[dict[str, Any]], months: int) -> Scenario:
    # Borrow exactly every lender's line on day 0: need = Σ lines when nothing is deducted.
    need = sum(lender["max_amount"] for lender in lenders) + income - expenses
    return Scenario.model_validate({
        "months": months + 1, "slots": 16,
        "borrower": {"monthly_income": income, "monthly_expenses": expenses, "savings": 0},
        "events": [{"month": 0, "amount": need}],
        "lenders": lenders, "policy": {"when_short": "stack"},
    })


def _costs(metrics: dict[str, np.ndarray]) -> np.ndarray:
    if "interest_incurred" in metrics:
        return (metrics["interest_incurred"] + metrics["fees_incurred"]
                + metrics["penalties_incurred"])[0]
    return metrics["costs"][0]


CASES = {
    "two instalment loans, avalanche": (
        6000, 4000,
        [_lender("a", 3000, term="6m", rate="2%/month", repayment="equal-installment", late=LATE),
         _lender("b", 5000, term="12m", rate="36%/year", repayment="equal-principal",
                 service_fee="0.5%", late=LATE)],
        PlanName.AVALANCHE),
    "three loans, snowball": (
        8000, 4200,
        [_lender("a", 4000, term="12m", rate="18%/year", repayment="equal-installment"),
         _lender("b", 1500, term="3m", rate="1.5%/month", repayment="interest-first", late=LATE),
         _lender("c", 2500, term="6m", rate="0.8%/month", repayment="flat-fee")],
        PlanName.SNOWBALL),
    "not enough income: overdue with penalties": (
        3000, 2900,
        [_lender("a", 6000, term="6m", rate="24%/year", repayment="equal-installment", late=LATE),
         _lender("b", 2000, term="1m", rate="2%/month", repayment="bullet", late=LATE)],
        PlanName.AVALANCHE),
    # Day 30 pays a's first instalment, freeing part of its line; on day 60 a's second and b's
    # bullet fall due together, cash is short of both, and one borrowing from a covers them.
    "keep going: stacking on the same lenders": (
        3000, 1200,
        [_lender("b", 2000, term="2m", rate="2%/month", repayment="bullet", late=LATE),
         _lender("a", 3000, term="3m", rate="3%/month", repayment="equal-installment",
                 service_fee="20", late=LATE)],
        PlanName.KEEP_GOING),
}


EXERCISES = {
    "two instalment loans, avalanche": {"extra_payment"},
    "three loans, snowball": {"extra_payment"},
    "not enough income: overdue with penalties": {"overdue", "credit_mark"},
    "keep going: stacking on the same lenders": {"loan", "closed"},
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_plan_reports_the_engines_debt_and_costs(case: str) -> None:
    income, expenses, lenders, plan = CASES[case]
    months = 24
    scenario = _scenario(income, expenses, lenders, months)
    engine = start(scenario, engine="numpy", record_events=True)
    engine.advance(1)
    after_day_0 = engine.result()
    made = [event for event in after_day_0.events if event.kind == "loan"]
    assert [event.amount for event in made] == [lender["max_amount"] * 100 for lender in lenders]
    policy = {
        PlanName.KEEP_GOING: Policy(when_short=WhenShort.STACK),
        PlanName.AVALANCHE: Policy(when_short=WhenShort.DEFAULT,
                                   extra_payments=ExtraPayments.AVALANCHE),
        PlanName.SNOWBALL: Policy(when_short=WhenShort.DEFAULT,
                                  extra_payments=ExtraPayments.SNOWBALL),
    }[plan]
    engine.advance(months, policy)
    result = engine.result()

    loans = [LoanInput.model_validate({
        "lender": lender["id"], "amount": lender["max_amount"], "paid_instalments": 0,
        **{name: lender[name] for name in OFFER_FIELDS if name in lender}})
        for lender in lenders]
    situation = Situation(
        person=Person.model_validate({
            "monthly_income": income, "monthly_expenses": expenses,
            "savings": int(result.metrics["cash"][0, 0]) / 100}),
        loans=loans)
    positions = [position(loan, index, TODAY) for index, loan in enumerate(loans)]
    borrow = plan is PlanName.KEEP_GOING
    ran, _ = run_plan(plan, situation.person, start_loans(positions),
                      lenders_for(positions) if borrow else (), months, borrow=borrow,
                      extra=None if borrow else plan)

    engine_debt = [int(value) for value in result.metrics["debt"][0, 1:]]
    assert list(ran.debt_by_month) == engine_debt
    assert list(ran.cash_by_month) == [int(v) for v in result.metrics["cash"][0, 1:]]
    assert list(ran.costs_by_month) == [int(v) for v in _costs(result.metrics)[1:]]
    kinds = {event.kind for event in result.events if event.day >= 30}
    assert kinds >= EXERCISES[case], "the case must exercise what it is named for"
    if engine_debt[-1] == 0:
        assert ran.total_cost_fen == int(_costs(result.metrics)[1:].sum())


def test_negotiated_plan_is_the_engines_loan_on_the_negotiated_terms() -> None:
    # The negotiated plan replaces the loans by one 等额本息 loan of what is owed, first
    # instalment a month from today. The engine making that loan on day 0 (a cash need of the
    # amount) must report the same debt, and cash lower by the month of
    # income less spending that went into the borrowing on day 0.
    months = 36
    owed, income, expenses, savings = 8000, 3000, 2500, 0
    scenario = Scenario.model_validate({
        "months": months,
        "borrower": {"monthly_income": income, "monthly_expenses": expenses,
                     "savings": savings},
        "events": [{"month": 0, "amount": owed + income - expenses}],
        "lenders": [_lender("n", owed, term="30m", rate="24%/year",
                            repayment="equal-installment")],
        "policy": {"when_short": "default"},
    })
    engine = start(scenario, engine="numpy")
    engine.advance(1, Policy(when_short=WhenShort.STACK))
    engine.advance(months - 1, Policy(when_short=WhenShort.DEFAULT))
    result = engine.result()

    situation = Situation(
        person=Person.model_validate({"monthly_income": income, "monthly_expenses": expenses,
                                      "savings": savings}),
        loans=[LoanInput.model_validate({"amount": owed, "term": "12m", "rate": "36%/year",
                                         "repayment": "interest-first", "paid_instalments": 5,
                                         "days_overdue": 0})],
        negotiated={"months": 30, "rate_cap": "24%/year"})  # type: ignore[arg-type]
    from debtcoach.assess import assess

    plan = assess(situation, TODAY, months=months).plans[PlanName.NEGOTIATED]
    # The plan's month m is the engine's month m − 1 (the engine spends month 0 borrowing).
    assert list(plan.debt_by_month) == [int(v) for v in result.metrics["debt"][0]]
    assert list(plan.cash_by_month) == [
        int(v) + (income - expenses) * 100 for v in result.metrics["cash"][0]]
    assert plan.months_to_debt_free == 31


_TERMS = st.fixed_dictionaries({
    "term": st.sampled_from(["30d", "1m", "2m", "3m", "6m", "12m"]),
    "rate": st.sampled_from(["0%/month", "1.5%/month", "24%/year", "36%/year", "0.1%/day"]),
    "repayment": st.sampled_from(["bullet", "equal-installment", "equal-principal",
                                  "interest-first", "flat-fee"]),
    "service_fee": st.sampled_from(["0", "0.5%", "15"]),
    "upfront_fee": st.sampled_from(["0", "0", "5%", "50"]),
    "late": st.sampled_from([LATE, {"penalty_rate": "0.05%/day"}]),
})


@settings(deadline=None, max_examples=25,
          suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(5, 80), _TERMS), min_size=1, max_size=3),
       st.integers(2000, 6000), st.integers(1500, 6000),
       st.sampled_from([PlanName.KEEP_GOING, PlanName.AVALANCHE, PlanName.SNOWBALL]))
def test_plans_agree_with_the_engine_on_random_loans(
    loans: list[tuple[int, dict[str, Any]]], income: int, expenses: int, plan: PlanName
) -> None:
    lenders = [_lender(f"l{k}", hundreds * 100, **terms)
               for k, (hundreds, terms) in enumerate(loans)]
    if plan is PlanName.KEEP_GOING:
        # New loans must be made on the same lines: nothing taken at payout.
        for lender in lenders:
            lender["upfront_fee"] = "0"
    paid_out = sum(_received(lender) for lender in lenders)
    assume(paid_out / 100 + income - expenses > 0)
    months = 18
    scenario = Scenario.model_validate({
        "months": months + 1,
        "borrower": {"monthly_income": income, "monthly_expenses": expenses, "savings": 0},
        "events": [{"month": 0, "amount": paid_out / 100 + income - expenses}],
        "lenders": lenders, "policy": {"when_short": "stack"},
    })
    engine = start(scenario, engine="numpy", record_events=True)
    engine.advance(1)
    made = [event.amount for event in engine.result().events if event.kind == "loan"]
    assume(made == [lender["max_amount"] * 100 for lender in lenders])
    assume(int(engine.result().metrics["cash"][0, 0]) >= 0)
    policy = {
        PlanName.KEEP_GOING: Policy(when_short=WhenShort.STACK),
        PlanName.AVALANCHE: Policy(when_short=WhenShort.DEFAULT,
                                   extra_payments=ExtraPayments.AVALANCHE),
        PlanName.SNOWBALL: Policy(when_short=WhenShort.DEFAULT,
                                  extra_payments=ExtraPayments.SNOWBALL),
    }[plan]
    engine.advance(months, policy)
    result = engine.result()
    inputs = [LoanInput.model_validate({
        "lender": lender["id"], "amount": lender["max_amount"], "paid_instalments": 0,
        **{name: lender[name] for name in OFFER_FIELDS if name in lender}})
        for lender in lenders]
    person = Person.model_validate({"monthly_income": income, "monthly_expenses": expenses,
                                    "savings": int(result.metrics["cash"][0, 0]) / 100})
    positions = [position(loan, index, TODAY) for index, loan in enumerate(inputs)]
    if plan is PlanName.AVALANCHE:
        # The engine orders by headline rate, the plan by real rate: compare only when they agree.
        by_real = sorted(range(len(positions)), key=lambda k: (
            -positions[k].result.figures.apr_nominal, k))
        by_headline = sorted(range(len(positions)), key=lambda k: (
            -float(inputs[k].offer().rate.annual), k))
        assume(by_real == by_headline)
    borrow = plan is PlanName.KEEP_GOING
    ran, _ = run_plan(plan, person, start_loans(positions),
                      lenders_for(positions) if borrow else (), months, borrow=borrow,
                      extra=None if borrow else plan)
    assert list(ran.debt_by_month) == [int(v) for v in result.metrics["debt"][0, 1:]]
    assert list(ran.cash_by_month) == [int(v) for v in result.metrics["cash"][0, 1:]]
    assert list(ran.costs_by_month) == [int(v) for v in _costs(result.metrics)[1:]]


def _received(lender: dict[str, Any]) -> int:
    offer = LoanOffer.model_validate({
        "amount": lender["max_amount"],
        **{name: lender[name] for name in OFFER_FIELDS if name in lender}})
    return offer.amount_fen - offer.deducted_at_payout_fen() - offer.paid_at_payout_fen()
