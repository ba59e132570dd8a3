"""Hypothesis strategies for random but valid scenarios, written as a TOML file would have them."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from debtcoach.finance.offers import Repayment
from debtcoach.sim.scenario import ExtraPayments, Policy, Scenario, WhenShort

TERMS = ["7d", "14d", "30d", "1m", "3m", "6m", "12m"]

paths = st.integers(min_value=1, max_value=3)
seeds = st.integers(min_value=0, max_value=2**32 - 1)

rates = st.one_of(
    st.integers(0, 400).map(lambda bp: f"{bp / 100}%/month"),
    st.integers(0, 100).map(lambda bp: f"{bp / 100}%/day"),
    st.integers(0, 3600).map(lambda bp: f"{bp / 100}%/year"),
)
percent = st.integers(1, 300).map(lambda tenths: f"{tenths / 10}%")  # 0.1% .. 30%
small_percent = st.integers(1, 50).map(lambda tenths: f"{tenths / 10}%")  # 0.1% .. 5%
fixed_fee = st.integers(1, 50).map(str)  # yuan

late_terms = st.fixed_dictionaries(
    {"penalty_rate": st.integers(1, 300).map(lambda bp: f"{bp / 100}%/day")},
    optional={"late_fee": st.integers(0, 200), "grace_days": st.integers(0, 5),
              "penalty_base": st.sampled_from(["principal", "principal+interest", "all"])},
)


def lenders(index: int) -> st.SearchStrategy[dict[str, Any]]:
    """A lender whose fees at payout stay well under its smallest line (at most 40% + 50 yuan
    of at least 500 yuan), so every drawn lender is valid. Membership fees come one-off and
    monthly, on day and month terms."""
    return st.fixed_dictionaries(
        {
            "id": st.just(f"lender{index}"),
            "name": st.just(f"Lender {index}"),
            "max_amount": st.integers(5, 300).map(lambda hundreds: hundreds * 100),
            "term": st.sampled_from(TERMS),
            "rate": rates,
            "repayment": st.sampled_from([method.value for method in Repayment]),
        },
        optional={
            "upfront_fee": percent,
            "service_fee": st.one_of(small_percent, fixed_fee),
            "membership_fee": st.one_of(
                st.integers(1, 100).map(lambda tenths: f"{tenths / 10}%"),
                fixed_fee,
                # Charged once per started month of the term at payout: 12m × ¥4 or 0.8%.
                st.integers(1, 4).map(lambda yuan: f"{yuan}/month"),
                st.integers(1, 8).map(lambda tenths: f"{tenths / 10}%/month"),
            ),
            "guarantee_fee": small_percent,
            "late": late_terms,
            "repeat_rate": rates,
            "line_growth": st.sampled_from([0.0, 0.1, 0.25, 0.5]),
            "max_line": st.integers(5, 600).map(lambda hundreds: hundreds * 100),
            "invite_bonus": st.integers(0, 2000),
            "rollover_fee": st.one_of(small_percent, fixed_fee),
            "max_rollovers": st.integers(0, 3),
            "max_lenders": st.integers(0, 3),
            "max_debt_to_income": st.sampled_from([0.1, 0.3, 0.5, 1.0, 2.5]),
            "refuse_when_overdue": st.booleans(),
        },
    )


@st.composite
def all_lenders(draw: st.DrawFn) -> list[dict[str, Any]]:
    return [draw(lenders(index)) for index in range(draw(st.integers(1, 4)))]


@st.composite
def borrowers(draw: st.DrawFn) -> dict[str, Any]:
    income = draw(st.integers(1000, 20000))
    return {
        "monthly_income": income,
        "monthly_expenses": income * draw(st.integers(60, 130)) // 100,
        "savings": draw(st.sampled_from([0, 0, 500, 5000])),
        "payday": draw(st.sampled_from([1, 1, 10, 15, 30])),
        "income_volatility": draw(st.sampled_from([0.0, 0.0, 0.1, 0.4])),
    }


def events(months: int) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"month": st.integers(0, months - 1), "amount": st.integers(100, 20000)},
        optional={"every": st.integers(0, 4), "until": st.integers(0, months)},
    )


WHEN_SHORT = [choice.value for choice in WhenShort]


def policies(when_short: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "when_short": when_short,
            "extra_payments": st.sampled_from([choice.value for choice in ExtraPayments]),
            "cut_share": st.sampled_from([0.0, 0.2, 0.35, 0.5]),
            "invite_friends": st.integers(0, 3),
        }
    )


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    """Random valid scenarios: 1–18 months, 1–4 lenders, 0–3 events, any policy."""
    months = draw(st.integers(1, 18))
    data: dict[str, Any] = {
        "months": months,
        "borrower": draw(borrowers()),
        "events": draw(st.lists(events(months), max_size=3)),
        "lenders": draw(all_lenders()),
        # Most runs start stacking: only stacking borrows, so it is what makes loans.
        "policy": draw(policies(st.sampled_from(["stack"] * 3 + WHEN_SHORT))),
    }
    if draw(st.booleans()):
        data["slots"] = draw(st.integers(1, 3))
    return Scenario.model_validate(data)


def policy_changes() -> st.SearchStrategy[Policy]:
    """A lesson's decision: another policy to switch to mid-run."""
    return policies(st.sampled_from(WHEN_SHORT)).map(Policy.model_validate)
