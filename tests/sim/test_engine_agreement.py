"""The numpy engine against the plain-Python reference engine, ledger by ledger and event by
event, on random scenarios with several income paths, run in chunks with new policies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from debtcoach.sim.engine import NumpyEngine
from debtcoach.sim.incomes import draw_incomes
from debtcoach.sim.reference import ReferenceEngine
from debtcoach.sim.results import Engine, SimResult
from debtcoach.sim.scenario import Policy, Scenario
from tests.sim.examples import FOUR_LENDERS, series
from tests.sim.strategies import lenders, policy_changes, scenarios, seeds


@dataclass(frozen=True)
class Run:
    """A scenario, its incomes, and how to advance: (months, new policy or None) steps."""

    scenario: Scenario
    incomes: np.ndarray
    steps: tuple[tuple[int, Policy | None], ...]

    def on(self, engine: Engine) -> SimResult:
        for months, policy in self.steps:
            engine.advance(months, policy)
        return engine.result()


@st.composite
def runs(draw: st.DrawFn) -> Run:
    """Random scenarios on 2–4 paths, volatile incomes more often than not, advanced in up to
    four chunks, each chunk after the first possibly under a new policy."""
    scenario = draw(scenarios())
    volatility = draw(st.sampled_from([None, 0.2, 0.5]), label="income volatility")
    if volatility is not None:
        borrower = scenario.borrower.model_copy(update={"income_volatility": volatility})
        scenario = scenario.model_copy(update={"borrower": borrower})
    incomes = draw_incomes(scenario, draw(st.integers(2, 4), label="paths"), draw(seeds))
    cuts = draw(st.lists(st.integers(0, scenario.months), max_size=3), label="chunk ends")
    ends = [*sorted(cuts), scenario.months]
    months = [end - start for start, end in zip([0, *ends], ends, strict=False)]
    policies = [None] + [draw(st.none() | policy_changes()) for _ in months[1:]]
    return Run(scenario, incomes, tuple(zip(months, policies, strict=True)))


def first_difference(numpy: SimResult, reference: SimResult) -> str:
    """Where two results part, for a readable failure ("" when they agree)."""
    for name, values in reference.metrics.items():
        if not np.array_equal(numpy.metrics[name], values):
            path, month = np.argwhere(numpy.metrics[name] != values)[0]
            return (f"{name}[path {path}, month {month}]: numpy "
                    f"{numpy.metrics[name][path, month]}, reference {values[path, month]}")
    if not np.array_equal(numpy.state, reference.state):
        return f"state: numpy {numpy.state.tolist()}, reference {reference.state.tolist()}"
    for index, (mine, theirs) in enumerate(zip(numpy.events, reference.events, strict=False)):
        if mine != theirs:
            return f"event {index}: numpy {mine}, reference {theirs}"
    if len(numpy.events) != len(reference.events):
        return f"{len(numpy.events)} numpy events, {len(reference.events)} reference events"
    return ""


def assert_agree(run: Run) -> None:
    numpy = run.on(NumpyEngine(run.scenario, run.incomes, record_events=True))
    reference = run.on(ReferenceEngine(run.scenario, run.incomes, record_events=True))
    for result in (numpy, reference):
        assert result.state.shape == run.incomes.shape
        assert all(values.dtype == np.int64 for values in result.metrics.values())
    assert first_difference(numpy, reference) == ""


@settings(max_examples=400, deadline=None)
@given(run=runs())
def test_engines_agree_on_random_scenarios(run: Run) -> None:
    assert_agree(run)


# The four-lender spiral, longer, with a lender that keeps lending to a borrower behind on
# payments, and spare cash paid avalanche-style: every branch of the rules gets exercised.
SPIRAL: dict[str, Any] = {
    **FOUR_LENDERS,
    "months": 18,
    "lenders": [{**FOUR_LENDERS["lenders"][0], "refuse_when_overdue": False},
                *FOUR_LENDERS["lenders"][1:]],
    "policy": {"when_short": "stack", "extra_payments": "avalanche"},
}


def test_engines_agree_on_a_four_lender_spiral_through_every_policy() -> None:
    scenario = Scenario.model_validate(SPIRAL)
    steps = [(5, None)] + [(3, Policy.model_validate(fields)) for fields in (
        {"when_short": "rollover", "extra_payments": "snowball"},
        {"when_short": "cut_spending", "cut_share": 0.35},
        {"when_short": "default"},
        {"when_short": "stack", "extra_payments": "avalanche", "invite_friends": 2},
    )] + [(1, None)]
    assert_agree(Run(scenario, draw_incomes(scenario, 12, seed=3), tuple(steps)))


@pytest.mark.parametrize(("term", "months"), [("7d", 1), ("14d", 1), ("45d", 2), ("3m", 3)])
def test_both_engines_charge_a_monthly_membership_at_payout_per_started_month(
        term: str, months: int) -> None:
    # On day 0 the borrower is 6,000 short (payday is day 1): the lender, at 0%, lends the
    # smallest contract paying out 6,000 after 20 yuan per started month of the term
    # (docs/engine.md). Income then covers every instalment, and nothing else is ever charged.
    scenario = Scenario.model_validate({
        "months": 4,
        "borrower": {"monthly_income": 12000, "monthly_expenses": 5000, "payday": 2},
        "events": [{"month": 0, "amount": 1000}],
        "lenders": [{"id": "member", "name": "Member", "max_amount": 50000, "term": term,
                     "rate": "0%/month", "repayment": "equal-installment",
                     "membership_fee": "20/month"}],
        "policy": {"when_short": "stack"},
    })
    fee = months * 2000
    run = Run(scenario, draw_incomes(scenario, 1, 0), ((4, None),))
    for engine in (NumpyEngine, ReferenceEngine):
        result = run.on(engine(scenario, run.incomes, record_events=True))
        loans = [event.amount for event in result.events if event.kind == "loan"]
        assert loans == [600000 + fee], engine.__name__
        assert series(result, "fees_incurred") == [fee, 0, 0, 0], engine.__name__
        assert series(result, "fees_paid") == [fee, 0, 0, 0], engine.__name__
        assert series(result, "cash_received") == [600000 + fee, 0, 0, 0], engine.__name__
        assert sum(series(result, "principal_paid")) == 600000 + fee, engine.__name__
        assert series(result, "debt")[-1] == 0, engine.__name__
    assert_agree(run)


@pytest.mark.parametrize("unit", ["d", "m"])
def test_random_scenarios_include_monthly_memberships_on_both_term_units(unit: str) -> None:
    # The agreement test above is only as good as what it draws.
    found = find(lenders(0), lambda lender: lender.get("membership_fee", "").endswith("/month")
                 and lender["term"].endswith(unit) and lender["term"] != "1m",
                 settings=settings(database=None, max_examples=2000))
    assert Scenario.model_validate({"months": 1, "lenders": [found],
                                    "borrower": {"monthly_income": 1000,
                                                 "monthly_expenses": 1000}}).lenders
