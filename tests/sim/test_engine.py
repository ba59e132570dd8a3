"""The numpy engine on its own: closed forms, identical paths, the month identities, its exact
integer kernels, and its guards. Agreement with the reference is test_engine_agreement.py."""

from __future__ import annotations

import copy
import math
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.errors import InputError
from debtcoach.finance.money import round_fen
from debtcoach.finance.schedules import _level_payment, build_schedule
from debtcoach.sim.engine import (
    FeeSum,
    LenderRules,
    NumpyEngine,
    level_payments,
    smallest_contracts,
    times_ratio,
)
from debtcoach.sim.incomes import draw_incomes
from debtcoach.sim.results import OK, STACKING, SimResult
from debtcoach.sim.scenario import Policy, Scenario
from tests.sim.examples import (
    CAPPED_LENDERS,
    FOUR_LENDERS,
    PHONE_SCREEN,
    assert_capped_lenders_follow_the_closed_form,
    penalty_base_case,
    phone_screen_recursion,
    series,
)
from tests.sim.ledgers import assert_ledgers_balance
from tests.sim.strategies import lenders, policy_changes, scenarios, seeds

YUAN = 100




def scenario_with(base: dict[str, Any], **changes: Any) -> Scenario:
    data = copy.deepcopy(base)
    data.update(changes)
    return Scenario.model_validate(data)


def quick(lender_id: str, **fields: Any) -> dict[str, Any]:
    return {**PHONE_SCREEN["lenders"][0], "id": lender_id, **fields}


def run(scenario: Scenario, *steps: tuple[int, Policy | None], paths: int = 1, seed: int = 0,
        record_events: bool = True) -> SimResult:
    engine = NumpyEngine(scenario, draw_incomes(scenario, paths, seed), record_events)
    for months, policy in steps or ((scenario.months, None),):
        engine.advance(months, policy)
    return engine.result()




# -- closed forms: each new loan pays the last one's 1.02 × contract; 90% is paid out ----------


def test_one_lender_grows_debt_by_exactly_the_refinancing_recursion() -> None:
    result = run(scenario_with(PHONE_SCREEN))
    debt = series(result, "debt")
    expected_debt, expected_cash = phone_screen_recursion()
    assert debt == expected_debt
    assert series(result, "cash") == expected_cash
    for month in range(11):
        assert abs(debt[month + 1] - Fraction(debt[month] * 102, 90)) <= 3
    assert series(result, "active_loans") == [1] * 12
    assert [int(state) for state in result.state[0]] == [OK] + [STACKING] * 11
    assert_ledgers_balance(result)


def test_capped_lenders_stack_at_the_closed_form_growth() -> None:
    assert_capped_lenders_follow_the_closed_form(run(Scenario.model_validate(CAPPED_LENDERS)))


@pytest.mark.parametrize("base", [PHONE_SCREEN, FOUR_LENDERS])
def test_identical_paths_give_identical_rows(base: dict[str, Any]) -> None:
    data = copy.deepcopy(base)
    data["borrower"]["income_volatility"] = 0.0
    scenario = Scenario.model_validate(data)
    one, fifty = run(scenario), run(scenario, paths=50)
    for name, values in one.metrics.items():
        assert (fifty.metrics[name] == values).all(), name
    assert (fifty.state == one.state).all()
    for path in (0, 49):
        events = [event for event in fifty.events if event.path == path]
        assert [(e.day, e.kind, e.lender, e.amount, e.reason) for e in events] == [
            (e.day, e.kind, e.lender, e.amount, e.reason) for e in one.events]


# -- the month identities -----------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(scenario=scenarios(), paths=st.integers(1, 4), seed=seeds, data=st.data())
def test_every_month_balances_to_the_fen(scenario: Scenario, paths: int, seed: int,
                                         data: st.DataObject) -> None:
    switch = data.draw(st.integers(0, scenario.months), label="switch month")
    later = data.draw(policy_changes(), label="later policy")
    result = run(scenario, (switch, None), (scenario.months - switch, later), paths=paths,
                 seed=seed)
    assert_ledgers_balance(result)
    assert result.metrics["debt"].dtype == np.int64
    assert result.state.shape == (paths, scenario.months)


def test_a_volatile_four_lender_spiral_balances_on_many_paths() -> None:
    result = run(scenario_with(FOUR_LENDERS), paths=300, seed=7, record_events=False)
    assert_ledgers_balance(result)
    assert len(np.unique(result.metrics["debt"][:, -1])) > 100  # the paths really differ
    assert result.events == []


# -- exact integer kernels ----------------------------------------------------------------------


@given(amount=st.integers(0, 2**46), num=st.integers(0, 2**14), den=st.integers(1, 2**14))
def test_times_ratio_rounds_half_up_exactly(amount: int, num: int, den: int) -> None:
    value = times_ratio(np.array([amount], dtype=np.int64), num, den)
    assert int(value[0]) == round_fen(Fraction(amount * num, den))


@settings(max_examples=200)
@given(terms=lenders(0), repeat=st.booleans(), contracts=st.lists(
    st.integers(1, 10**9), min_size=1, max_size=20))
def test_level_payments_equal_the_schedule(terms: dict[str, Any], repeat: bool,
                                           contracts: list[int]) -> None:
    lender = scenario_with(PHONE_SCREEN, lenders=[terms]).lenders[0]
    rules = LenderRules.of(lender, lender.max_amount_fen)
    rate, n = rules.rates[repeat], rules.n
    levels = level_payments(rules.level_factor(repeat), np.array(contracts, dtype=np.int64))
    assert [int(level) for level in levels] == [_level_payment(p, rate, n) for p in contracts]


def test_level_payments_settle_half_fen_ties_exactly() -> None:
    # At rate 0, A = round(P / n): odd contracts over 2 instalments end in exactly half a fen.
    contracts = np.array([1, 3, 5, 2**40 + 1, 2**45 + 3], dtype=np.int64)
    levels = level_payments(Fraction(1, 2), contracts)
    assert [int(level) for level in levels] == [(int(p) + 1) // 2 for p in contracts]


@settings(max_examples=100, deadline=None)
@given(terms=lenders(0), repeat=st.booleans(), need=st.integers(1, 5000),
       cap=st.integers(1, 6000))
def test_contract_is_the_smallest_that_covers_the_need(terms: dict[str, Any], repeat: bool,
                                                       need: int, cap: int) -> None:
    lender = scenario_with(PHONE_SCREEN, lenders=[terms]).lenders[0]
    fees = LenderRules.of(lender, lender.max_amount_fen).payout_fees

    def received(amount: int) -> int:
        offer = lender.offer(amount, repeat)
        return amount - offer.deducted_at_payout_fen() - offer.paid_at_payout_fen()

    contract, charged = smallest_contracts(fees, np.array([need]), np.array([cap]))
    covering = next((amount for amount in range(1, cap + 1) if received(amount) >= need), cap)
    assert int(contract[0]) == covering
    assert int(charged[0]) == covering - received(covering)


@pytest.mark.parametrize("base", ["principal", "principal+interest", "all", "default"])
def test_penalties_are_charged_on_the_base_the_lender_states(base: str) -> None:
    data, expected = penalty_base_case(base)
    default = Policy.model_validate({"when_short": "default"})
    result = run(Scenario.model_validate(data), (1, None), (1, default))
    assert series(result, "penalties_incurred") == expected


@pytest.mark.parametrize("index", range(4))
def test_fee_sums_match_the_offer(index: int) -> None:
    lender = scenario_with(FOUR_LENDERS).lenders[index]
    rules = LenderRules.of(lender, lender.max_amount_fen)
    contracts = np.arange(1, 400_000, 997, dtype=np.int64)
    for rule_fees, offer_fees in ((rules.deducted, "deducted_at_payout_fen"),
                                  (rules.at_payout, "paid_at_payout_fen"),
                                  (rules.per_instalment, "fees_per_instalment_fen")):
        expected = [getattr(lender.offer(int(p), False), offer_fees)() for p in contracts]
        assert rule_fees.on(contracts).tolist() == expected
    assert FeeSum().on(contracts).tolist() == [0] * contracts.size


def test_equal_instalments_are_repaid_as_scheduled() -> None:
    instalment = {"id": "easy", "name": "Easy", "max_amount": 50000, "term": "12m",
                  "rate": "0.05%/day", "repayment": "equal-installment", "service_fee": "0.3%"}
    scenario = scenario_with(PHONE_SCREEN, months=13, lenders=[instalment],
                             events=[{"month": 0, "amount": 20000}],
                             borrower={"monthly_income": 9000, "monthly_expenses": 5000})
    result = run(scenario)
    loan = next(event for event in result.events if event.kind == "loan")
    repaid = [event.amount for event in result.events if event.kind == "repaid"]
    rows = build_schedule(scenario.lenders[0].offer(loan.amount, False)).rows[1:]
    assert repaid == [row.payment for row in rows]
    assert series(result, "debt")[-1] == 0


# -- interface and guards -----------------------------------------------------------------------


def test_advance_never_runs_past_the_scenario() -> None:
    scenario = scenario_with(PHONE_SCREEN)
    engine = NumpyEngine(scenario, draw_incomes(scenario, 2))
    assert engine.result().metrics["debt"].shape == (2, 0)
    engine.advance(10)
    with pytest.raises(ValueError, match="cannot advance"):
        engine.advance(3)
    engine.advance(2)
    assert engine.result().state.shape == (2, 12)


def test_incomes_must_cover_every_month() -> None:
    scenario = scenario_with(PHONE_SCREEN)
    with pytest.raises(ValueError, match="incomes"):
        NumpyEngine(scenario, np.zeros((3, 11), dtype=np.int64))


def test_progress_is_reported_each_month() -> None:
    scenario = scenario_with(PHONE_SCREEN, months=3)
    reports: list[tuple[int, int]] = []
    engine = NumpyEngine(scenario, draw_incomes(scenario, 1),
                         progress=lambda done, total: reports.append((done, total)))
    engine.advance(3)
    assert reports == [(30, 90), (60, 90), (90, 90)]


def test_rates_too_precise_for_int64_are_refused() -> None:
    fussy = quick("fussy", rate="1.234567890123%/day", term="7d")
    scenario = scenario_with(PHONE_SCREEN, lenders=[fussy])
    with pytest.raises(ValueError, match="2\\*\\*62"):
        NumpyEngine(scenario, draw_incomes(scenario, 1))


def test_a_new_policy_applies_from_the_month_it_is_given() -> None:
    scenario = scenario_with(PHONE_SCREEN, months=4)
    stop = Policy.model_validate({"when_short": "default"})
    result = run(scenario, (2, None), (2, stop))
    assert series(result, "new_loans") == [1, 1, 0, 0]
    assert series(result, "days_overdue")[2:] == [29, 59]  # due on day 60: overdue from 61


def test_a_run_too_large_for_memory_is_refused_before_allocating() -> None:
    scenario = scenario_with(PHONE_SCREEN, months=600)
    with pytest.raises(InputError) as error:
        NumpyEngine(scenario, np.broadcast_to(np.int64(0), (1_000_000, 600)))
    assert error.value.code == "memory_budget"


@settings(max_examples=60, deadline=None)
@given(scenarios(), st.integers(min_value=0, max_value=2**47))
def test_owed_bound_is_the_direct_bound_in_integers(scenario: Scenario, contract: int) -> None:
    """``owed_bound`` works ⌈contract + n × (2 × contract × rate + 2 + fees + 1)⌉ out in
    integers from a slope and an offset; the formula written out with fractions is the
    reference."""
    for lender in scenario.lenders:
        rule = LenderRules.of(lender, lender.max_amount_fen)
        fees = rule.per_instalment.fixed + rule.per_instalment.share * contract + 1
        direct = math.ceil(contract + rule.n * (contract * max(rule.rates) * 2 + 2 + fees))
        assert rule.owed_bound(contract) == direct


@given(st.integers(0, 2**32), st.integers(1, 50), st.sampled_from([0.0, 0.1, 0.3, 2.5]))
def test_incomes_are_the_documented_formula_element_by_element(
        seed: int, paths: int, volatility: float) -> None:
    data = copy.deepcopy(PHONE_SCREEN)
    data["borrower"]["income_volatility"] = volatility
    scenario = Scenario.model_validate(data)
    income = scenario.borrower.monthly_income_fen
    z = np.random.default_rng(seed).standard_normal((paths, scenario.months)).tolist()
    expected = [[math.floor(income * max(0.0, 1.0 + volatility * value) + 0.5) for value in row]
                for row in z] if volatility else [[income] * scenario.months] * paths
    assert draw_incomes(scenario, paths, seed).tolist() == expected
