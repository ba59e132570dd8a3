"""The reference engine against docs/engine.md: closed forms, ledger identities on random
scenarios, exact schedules, and one test per behaviour a lesson relies on."""

from __future__ import annotations

import copy
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.finance.money import round_fen
from debtcoach.finance.schedules import build_schedule
from debtcoach.sim.incomes import draw_incomes
from debtcoach.sim.reference import ReferenceEngine, contract_for, received_fen
from debtcoach.sim.results import (
    COLLECTIONS,
    DEFAULT,
    MULTI_LENDING,
    OK,
    OVERDUE,
    STACKING,
    SimEvent,
    SimResult,
)
from debtcoach.sim.scenario import Policy, Scenario
from tests.sim.examples import (
    CAPPED_LENDERS,
    PHONE_SCREEN,
    assert_capped_lenders_follow_the_closed_form,
    penalty_base_case,
    phone_screen_recursion,
    series,
    smallest_contract_receiving,
)
from tests.sim.ledgers import assert_ledgers_balance
from tests.sim.strategies import lenders, paths, policy_changes, scenarios, seeds

YUAN = 100



def scenario_with(base: dict[str, Any] | None = None, **changes: Any) -> Scenario:
    data = copy.deepcopy(base if base is not None else PHONE_SCREEN)
    data.update(changes)
    return Scenario.model_validate(data)


def lender(lender_id: str, **fields: Any) -> dict[str, Any]:
    """A plain one-month bullet lender at 2%/month; ``fields`` override."""
    return {"id": lender_id, "name": lender_id, "max_amount": 100000, "term": "1m",
            "rate": "2%/month", "repayment": "bullet"} | fields


def run(scenario: Scenario, *steps: tuple[int, Policy | None], paths: int = 1,
        seed: int = 0) -> SimResult:
    """Run ``steps`` of (months, policy); with no steps, the whole scenario under its policy."""
    engine = ReferenceEngine(scenario, draw_incomes(scenario, paths, seed))
    for months, policy in steps or ((scenario.months, None),):
        engine.advance(months, policy)
    return engine.result()


def events_of(result: SimResult, kind: str) -> list[SimEvent]:
    return [event for event in result.events if event.kind == kind]



def policy(**fields: Any) -> Policy:
    return Policy.model_validate(fields)


# -- closed form: each month's new loan pays the last one's 1.02 × contract, 90% paid out --------



def test_one_lender_grows_debt_by_exactly_the_refinancing_recursion() -> None:
    result = run(scenario_with())
    debt = series(result, "debt")
    expected_debt, expected_cash = phone_screen_recursion()
    assert debt == expected_debt
    assert series(result, "cash") == expected_cash
    for month in range(11):
        assert abs(debt[month + 1] - Fraction(debt[month] * 102, 90)) <= 3
    assert series(result, "active_loans") == [1] * 12
    assert [int(state) for state in result.state[0]] == [OK] + [STACKING] * 11


def test_capped_lenders_stack_at_the_closed_form_growth() -> None:
    assert_capped_lenders_follow_the_closed_form(run(Scenario.model_validate(CAPPED_LENDERS)))


# -- identities on random scenarios -------------------------------------------------------------


def assert_states_follow_days_overdue(result: SimResult) -> None:
    days = result.metrics["days_overdue"]
    expected = np.where(days > 90, DEFAULT, np.where(days > 30, COLLECTIONS,
                                                     np.where(days > 0, OVERDUE, -1)))
    overdue = expected >= 0
    assert (result.state[overdue] == expected[overdue]).all()
    assert np.isin(result.state[~overdue], (OK, MULTI_LENDING, STACKING)).all()
    assert (result.metrics["new_loans"][result.state == STACKING] > 0).all()


def deducted_fees(result: SimResult) -> np.ndarray:
    """Fees taken out of payouts per path and month, from the loan events."""
    lenders_by_id = {item.id: item for item in result.scenario.lenders}
    deducted = np.zeros((result.paths, result.months), dtype=np.int64)
    seen: set[tuple[int, str]] = set()
    for event in events_of(result, "loan"):
        offer = lenders_by_id[event.lender].offer(event.amount, (event.path, event.lender) in seen)
        seen.add((event.path, event.lender))
        deducted[event.path, event.month] += offer.deducted_at_payout_fen()
    return deducted


@settings(max_examples=150, deadline=None)
@given(scenario=scenarios(), paths=paths, seed=seeds, data=st.data())
def test_every_month_balances_to_the_fen(scenario: Scenario, paths: int, seed: int,
                                         data: st.DataObject) -> None:
    switch = data.draw(st.integers(0, scenario.months), label="switch month")
    later = data.draw(policy_changes(), label="later policy")
    result = run(scenario, (switch, None), (scenario.months - switch, later), paths=paths,
                 seed=seed)
    assert_ledgers_balance(result)
    assert_states_follow_days_overdue(result)
    paid = sum(result.metrics[f"{part}_paid"]
               for part in ("principal", "interest", "fees", "penalties"))
    assert (paid == result.metrics["cash_paid"] + deducted_fees(result)).all()
    assert result.events == sorted(result.events, key=lambda event: (event.path, event.day))


@settings(max_examples=30, deadline=None)
@given(scenario=scenarios(), data=st.data())
def test_advancing_in_steps_is_the_same_run(scenario: Scenario, data: st.DataObject) -> None:
    split = data.draw(st.integers(0, scenario.months))
    whole = run(scenario)
    steps = run(scenario, (split, None), (scenario.months - split, None))
    assert steps.events == whole.events
    assert (steps.state == whole.state).all()
    for name, values in whole.metrics.items():
        assert (steps.metrics[name] == values).all(), name


@settings(max_examples=60, deadline=None)
@given(terms=lenders(0), need=st.integers(1, 3000), repeat=st.booleans(),
       cap=st.integers(1, 4000))
def test_contract_is_the_smallest_that_covers_the_need(terms: dict[str, Any], need: int,
                                                       repeat: bool, cap: int) -> None:
    offered = scenario_with(lenders=[terms]).lenders[0]
    contract = contract_for(offered, repeat, need, cap)

    def received(amount: int) -> int:
        return received_fen(offered.offer(amount, repeat))

    covering = [amount for amount in range(1, cap + 1) if received(amount) >= need]
    assert contract == (covering[0] if covering else cap)


# -- a single loan paid on time is its schedule --------------------------------------------------


@pytest.mark.parametrize(("repayment", "term", "payday"), [
    ("bullet", "3m", 1), ("equal-installment", "12m", 1), ("equal-principal", "6m", 1),
    ("interest-first", "6m", 1), ("flat-fee", "12m", 1), ("bullet", "30d", 1),
    ("equal-installment", "14d", 15),
])
def test_a_loan_repaid_on_time_follows_build_schedule(repayment: str, term: str,
                                                      payday: int) -> None:
    terms = lender("only", term=term, repayment=repayment, rate="1.5%/month", upfront_fee="5%",
                   service_fee="1%", membership_fee="20/month", guarantee_fee="0.5%")
    # 10,000 short on day 0; income (and savings, when payday comes later) cover every due.
    savings = 0 if payday == 1 else 20000
    scenario = scenario_with(
        months=13, lenders=[terms], events=[{"month": 0, "amount": 25000}],
        borrower={"monthly_income": 20000, "monthly_expenses": 5000, "payday": payday,
                  "savings": savings})
    result = run(scenario)
    (loan,) = events_of(result, "loan")
    schedule = build_schedule(scenario.lenders[0].offer(loan.amount, False))
    period_days = 30 if term.endswith("m") else int(term[:-1])
    rows = schedule.rows[1:]
    assert [event.amount for event in events_of(result, "repaid")] == [row.payment
                                                                       for row in rows]
    assert [event.day for event in events_of(result, "repaid")] == [
        period_days * row.period for row in rows]
    for part in ("principal", "interest", "fees"):
        expected = [0] * scenario.months
        for row in rows:
            expected[period_days * row.period // 30] += getattr(row, part)
        if part == "fees":
            expected[0] += schedule.fees - sum(row.fees for row in rows)
        assert series(result, f"{part}_paid") == expected, part
    assert series(result, "debt")[-1] == 0


# -- behaviours ----------------------------------------------------------------------------------


def test_a_stacker_short_on_a_due_day_borrows_the_due_and_the_shortfall() -> None:
    # Payday is the 10th: on day 30 expenses and the repeating need leave cash at −2,000 when
    # the loan falls due, so the new loan must cover both to pay on time.
    scenario = scenario_with(
        months=3, events=[{"month": 0, "amount": 2000, "every": 1}],
        borrower={"monthly_income": 5000, "monthly_expenses": 5000, "payday": 10})
    result = run(scenario)
    assert events_of(result, "overdue") == []
    first, second = (event for event in events_of(result, "loan") if event.day <= 30)
    due = first.amount + round_fen(Fraction(first.amount * 2, 100))
    cash_at_due = series(result, "cash")[0] - 5000 * YUAN - 2000 * YUAN
    assert cash_at_due < 0
    assert second.amount == smallest_contract_receiving(due - cash_at_due)
    assert [int(state) for state in result.state[0]] == [OK, STACKING, STACKING]


def test_rollover_pays_interest_fees_and_the_fee_and_extends() -> None:
    scenario = scenario_with(
        months=4, events=[{"month": 0, "amount": 3000}],
        borrower={"monthly_income": 5000, "monthly_expenses": 4800},
        lenders=[lender("quick", rate="1%/month", rollover_fee="5%", max_rollovers=2)])
    result = run(scenario, (1, None), (3, policy(when_short="rollover")))
    assert [(event.day, event.amount) for event in events_of(result, "rolled")] == [
        (30, 16800), (60, 16800)]  # 1% interest on 2,800 plus a 5% rollover fee
    assert series(result, "interest_paid")[1:3] == [2800, 2800]
    assert series(result, "fees_paid")[1:3] == [14000, 14000]
    assert series(result, "principal_paid")[1:3] == [0, 0]
    assert series(result, "costs")[1:3] == [16800, 16800]
    assert series(result, "debt")[:3] == [280000] * 3
    # The third time the rollovers are used up: the loan goes overdue.
    assert [event.day for event in events_of(result, "overdue")] == [90]


def test_default_charges_the_late_fee_once_then_daily_penalties() -> None:
    late = {"penalty_rate": "0.1%/day", "late_fee": 50, "grace_days": 3}
    scenario = scenario_with(months=5, lenders=[lender("quick", late=late)])
    result = run(scenario, (1, None), (4, policy(when_short="default")))
    due = 200000 + 4000  # 2,000 at 2% for a month, due on day 30
    daily = round_fen(Fraction(due, 1000))
    # Overdue from day 31 (the due date is not overdue), past grace from day 34 on: the late fee
    # once, then 0.1% of the overdue amount a day.
    assert series(result, "debt")[1:] == [due + 5000 + daily * (30 * month - 4)
                                          for month in range(1, 5)]
    assert series(result, "days_overdue") == [0, 29, 59, 89, 119]
    assert [int(state) for state in result.state[0]] == [OK, OVERDUE, COLLECTIONS, COLLECTIONS,
                                                         DEFAULT]
    assert [(event.day, event.lender) for event in events_of(result, "credit_mark")] == [
        (34, "quick")]
    assert sum(series(result, "costs")) == 4000 + 5000 + daily * 116
    assert series(result, "penalties_incurred") == [0, 5000 + daily * 26] + [daily * 30] * 3
    assert series(result, "penalties_paid") == [0] * 5


@pytest.mark.parametrize("base", ["principal", "principal+interest", "all", "default"])
def test_penalties_are_charged_on_the_base_the_lender_states(base: str) -> None:
    data, expected = penalty_base_case(base)
    result = run(Scenario.model_validate(data), (1, None), (1, policy(when_short="default")))
    assert series(result, "penalties_incurred") == expected


def test_overdue_settlement_pays_penalties_first() -> None:
    late = {"penalty_rate": "0.1%/day", "late_fee": 50}
    scenario = scenario_with(months=3, lenders=[lender("quick", late=late)],
                             borrower={"monthly_income": 5000, "monthly_expenses": 4900})
    result = run(scenario, (1, None), (2, policy(when_short="default")))
    # Day 30: 100 yuan pays the 38 of interest on 1,900 and 62 of principal; day 60's 100 yuan
    # all goes to the late fee and 30 days of penalties (10,520 fen) still owed.
    assert series(result, "interest_paid")[1:] == [3800, 0]
    assert series(result, "principal_paid")[1:] == [6200, 0]
    assert series(result, "penalties_paid")[1:] == [0, 10000]


@pytest.mark.parametrize(("lenders_", "extra", "reason"), [
    ([lender("a", max_amount=1000), lender("b", max_amount=1000),
      lender("c", max_lenders=1)], {}, "too_many_lenders"),
    ([lender("a", max_amount=1000, term="12m", repayment="equal-installment"),
      lender("c", max_debt_to_income=0.01)], {}, "debt_to_income"),
    ([lender("c", max_amount=1000)], {}, "line_used"),
])
def test_lenders_refuse_for_the_reason_the_rules_give(lenders_: list[dict[str, Any]],
                                                     extra: dict[str, Any], reason: str) -> None:
    scenario = scenario_with(months=1, lenders=lenders_,
                             events=[{"month": 0, "amount": 3000}], **extra)
    result = run(scenario)
    assert reason in {event.reason for event in events_of(result, "refused") if event.lender == "c"}


def test_one_need_from_two_lenders_is_multi_lending_and_slots_grow() -> None:
    scenario = scenario_with(months=2, lenders=[lender("a", max_amount=1000), lender("c")],
                             events=[{"month": 0, "amount": 3000}], slots=1)
    result = run(scenario)
    assert [(event.lender, event.amount) for event in events_of(result, "loan")][:2] == [
        ("a", 100000), ("c", 200000)]
    assert [event.reason for event in events_of(result, "refused")] == ["line_used"]  # day 30
    assert series(result, "active_loans") == [2, 1]
    assert [int(state) for state in result.state[0]] == [MULTI_LENDING, STACKING]



def test_lenders_refuse_a_borrower_with_an_overdue_loan() -> None:
    scenario = scenario_with(
        months=3, events=[{"month": 0, "amount": 2000}, {"month": 2, "amount": 1000}],
        lenders=[lender("a"), lender("b", term="12m"), lender("c", refuse_when_overdue=False)])
    result = run(scenario, (1, None), (1, policy(when_short="default")),
                 (1, policy(when_short="stack")))
    refusals = {(event.lender, event.reason) for event in events_of(result, "refused")}
    assert refusals == {("a", "overdue"), ("b", "overdue")}
    assert [event.lender for event in events_of(result, "loan") if event.month == 2] == ["c"]


def test_repeat_rate_applies_from_the_second_loan() -> None:
    scenario = scenario_with(
        months=4, events=[{"month": 0, "amount": 30000}, {"month": 2, "amount": 60000}],
        borrower={"monthly_income": 30000, "monthly_expenses": 5000},
        lenders=[lender("quick", rate="3%/month", repeat_rate="1%/month")])
    result = run(scenario)
    first, second = (event.amount for event in events_of(result, "loan"))
    interest = series(result, "interest_paid")
    assert (first, interest[1]) == (500000, 15000)  # 3% on the first loan
    assert interest[3] == round_fen(Fraction(second, 100))  # 1% on the second


@pytest.mark.parametrize(("growth", "max_line", "second_contract"), [
    (0.5, 1200, 120000),  # grown to 1,500, capped at 1,200
    (0.1, None, 110000),
])
def test_an_on_time_repayment_grows_the_line(growth: float, max_line: int | None,
                                             second_contract: int) -> None:
    grows = lender("quick", max_amount=1000, rate="0%/month", line_growth=growth)
    if max_line is not None:
        grows["max_line"] = max_line
    scenario = scenario_with(
        months=3, lenders=[grows], events=[{"month": 0, "amount": 16000},
                                           {"month": 2, "amount": 40000}],
        borrower={"monthly_income": 20000, "monthly_expenses": 5000})
    result = run(scenario)
    assert [event.amount for event in events_of(result, "loan")] == [100000, second_contract]


def test_invited_friends_raise_the_line() -> None:
    scenario = scenario_with(months=1, lenders=[lender("quick", max_amount=1000,
                                                       invite_bonus=200)],
                             policy={"when_short": "stack", "invite_friends": 3})
    assert [event.amount for event in events_of(run(scenario), "loan")] == [160000]


@pytest.mark.parametrize(("order", "paid_off"), [("avalanche", ["dear"]),
                                                 ("snowball", ["cheap"])])
def test_extra_payments_pick_the_rate_or_the_size(order: str, paid_off: list[str]) -> None:
    scenario = scenario_with(
        months=2, events=[{"month": 0, "amount": 13000}],
        borrower={"monthly_income": 14000, "monthly_expenses": 5000},
        lenders=[lender("dear", max_amount=3000, term="12m", rate="3%/month",
                        repayment="equal-principal"),
                 lender("cheap", max_amount=1000, term="12m", rate="1%/month",
                        repayment="equal-principal")],
        policy={"when_short": "stack", "extra_payments": order})
    result = run(scenario)
    assert [event.lender for event in events_of(result, "extra_payment")] == paid_off
    assert series(result, "active_loans") == [2, 1]


def test_cut_spending_lowers_expenses_from_the_next_month() -> None:
    scenario = scenario_with(months=3, policy={"when_short": "stack", "cut_share": 0.5})
    result = run(scenario, (1, None), (2, policy(when_short="cut_spending", cut_share=0.5)))
    assert series(result, "spending") == [700000, 500000, 250000]
    assert [event.day for event in events_of(result, "cut_spending")] == [30]


def test_a_new_policy_applies_from_the_month_it_is_given() -> None:
    stacking = run(scenario_with(months=2))
    defaulting = run(scenario_with(months=2), (1, None), (1, policy(when_short="default")))
    assert [int(state) for state in stacking.state[0]] == [OK, STACKING]
    assert [int(state) for state in defaulting.state[0]] == [OK, OVERDUE]
    assert series(defaulting, "new_loans") == [1, 0]


def test_advance_never_runs_past_the_scenario() -> None:
    scenario = scenario_with(months=2)
    engine = ReferenceEngine(scenario, draw_incomes(scenario, 1))
    engine.advance(2)
    with pytest.raises(ValueError, match="more months"):
        engine.advance(1)
    assert engine.result().months == 2


def test_paths_follow_their_own_incomes() -> None:
    scenario = scenario_with(
        borrower={"monthly_income": 5000, "monthly_expenses": 5000, "income_volatility": 0.3})
    result = run(scenario, paths=3, seed=7)
    assert (result.metrics["income"] == draw_incomes(scenario, 3, 7)).all()
    assert result.metrics["debt"].shape == (3, 12)
    assert len({tuple(row) for row in result.metrics["debt"].tolist()}) == 3


def test_rollover_takes_the_first_loan_then_rolls_it_over() -> None:
    roll = lender("quick", term="30d", rate="0.05%/day", rollover_fee="5%")
    result = run(scenario_with(months=3, lenders=[roll], policy={"when_short": "rollover"},
                               borrower={"monthly_income": 5000, "monthly_expenses": 4800}))
    assert [event.day for event in events_of(result, "loan")] == [0]
    assert [event.day for event in events_of(result, "rolled")] == [30, 60]


@pytest.mark.parametrize(("term", "rate", "interest"), [
    ("30d", "0.1%/day", 700000 * 9 // 1000),  # daily interest: payout day 0 to payoff day 9
    ("1m", "3%/month", 700000 * 3 // 100),  # monthly interest: the whole period
])
def test_an_early_payoff_charges_daily_interest_to_the_payoff_day(term: str, rate: str,
                                                                  interest: int) -> None:
    scenario = scenario_with(
        months=1, lenders=[lender("quick", term=term, rate=rate)],
        borrower={"monthly_income": 20000, "monthly_expenses": 5000, "payday": 10},
        policy={"when_short": "stack", "extra_payments": "snowball"})
    result = run(scenario)
    assert [event.day for event in events_of(result, "extra_payment")] == [9]
    assert series(result, "interest_paid") == series(result, "interest_incurred") == [interest]
