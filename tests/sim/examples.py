"""Example scenarios shared by the engine tests (closed forms, and late terms)."""

from fractions import Fraction
from typing import Any

from debtcoach.finance.money import round_fen
from debtcoach.sim.results import SimResult

YUAN = 100

# Debt must grow by exactly 1.02 / 0.9 a month: each new loan pays out the previous one's
# 1.02 × contract, and only 90% of a contract is paid out.
PHONE_SCREEN: dict[str, Any] = {
    "months": 12,
    "borrower": {"monthly_income": 5000, "monthly_expenses": 5000, "savings": 0},
    "events": [{"month": 0, "amount": 2000, "label": "phone screen broke"}],
    "lenders": [{
        "id": "quick", "name": "QuickCash", "max_amount": 100000, "term": "1m",
        "rate": "2%/month", "repayment": "bullet", "upfront_fee": "10%",
    }],
    "policy": {"when_short": "stack"},
}

LATE = {"penalty_rate": "0.1%/day", "late_fee": 50, "grace_days": 3}

# Four lenders with different terms, fees (monthly memberships on a day and a month term), late
# terms and approval rules.
FOUR_LENDERS: dict[str, Any] = {
    "months": 24,
    "borrower": {"monthly_income": 6000, "monthly_expenses": 5700, "savings": 1000,
                 "payday": 10, "income_volatility": 0.3},
    "events": [{"month": 0, "amount": 3000}, {"month": 4, "amount": 1200, "every": 6}],
    "lenders": [
        {"id": "flash", "name": "Flash", "max_amount": 1500, "term": "7d", "rate": "0.1%/day",
         "repayment": "bullet", "upfront_fee": "8%", "late": LATE, "line_growth": 0.2,
         "max_line": 5000, "rollover_fee": "5%"},
        {"id": "fortnight", "name": "Fortnight", "max_amount": 3000, "term": "14d",
         "rate": "0.05%/day", "repayment": "bullet", "upfront_fee": "5%", "service_fee": "10",
         "membership_fee": "3/month", "late": LATE, "max_lenders": 2},
        {"id": "monthly", "name": "Monthly", "max_amount": 5000, "term": "1m",
         "rate": "3%/month", "repeat_rate": "2.5%/month", "repayment": "interest-first",
         "service_fee": "1%", "late": LATE, "max_debt_to_income": 1.0},
        {"id": "instalment", "name": "Instalment", "max_amount": 20000, "term": "12m",
         "rate": "24%/year", "repayment": "equal-installment", "upfront_fee": "2%",
         "guarantee_fee": "0.5%", "membership_fee": "0.15%/month", "late": LATE,
         "max_debt_to_income": 0.5},
    ],
    "policy": {"when_short": "stack"},
}


def series(result: SimResult, name: str, path: int = 0) -> list[int]:
    return [int(value) for value in result.metrics[name][path]]


def smallest_contract_receiving(need: int) -> int:
    """Smallest P with P − round(P/10) ≥ need, searched upwards from below 10/9 × need."""
    contract = need * 10 // 9 - 2
    while contract - round_fen(Fraction(contract, 10)) < need:
        contract += 1
    return contract


def phone_screen_recursion(months: int = 12) -> tuple[list[int], list[int]]:
    """PHONE_SCREEN's debt and cash at each month end, worked out loan by loan: on day 0 the
    borrower is 2,000 short; each month the due 1.02 × contract is refinanced by the smallest
    contract paying out enough (90% of it) on top of the cash left."""
    contract = smallest_contract_receiving(2000 * YUAN)
    cash = contract - round_fen(Fraction(contract, 10)) - 2000 * YUAN
    debts, cashes = [contract], [cash]
    for _ in range(months - 1):
        due = contract + round_fen(contract * Fraction(2, 100))
        contract = smallest_contract_receiving(due - cash)
        cash += contract - round_fen(Fraction(contract, 10)) - due
        debts.append(contract)
        cashes.append(cash)
    return debts, cashes


# The capped-lenders case: 40 lenders with lines of 5,000 yuan, 1-month bullet loans at
# 3%/month with 20% deducted at payout, and a 3,000-yuan need. Each month the due 1.03 × debt is
# borrowed (as few contracts as the lines allow: full lines, then one exact contract) before
# anything is repaid, so debt grows by 1.03 / 0.8 = 1.2875 a month. The lines, 200,000 yuan in all,
# still cover a month's new loans next to the old ones in month 12.
CAPPED_LENDERS: dict[str, Any] = {
    "months": 12,
    "slots": 4,
    "borrower": {"monthly_income": 5000, "monthly_expenses": 5000, "savings": 0},
    "events": [{"month": 0, "amount": 3000}],
    "lenders": [{"id": f"app{index}", "name": f"App {index}", "max_amount": 5000, "term": "1m",
                 "rate": "3%/month", "repayment": "bullet", "upfront_fee": "20%"}
                for index in range(40)],
    "policy": {"when_short": "stack"},
}


def assert_capped_lenders_follow_the_closed_form(result: SimResult) -> None:
    """Debt × 1.2875 a month for 12 months, within the rounding of each loan's contract and
    interest (a fen or two per loan); every lender a loan at most per month, never refused for
    room, and the borrower never overdue."""
    debt, loans = series(result, "debt"), series(result, "active_loans")
    assert debt[0] == 375000
    for month in range(11):
        assert abs(debt[month + 1] - debt[month] * Fraction(103, 80)) <= 2 * loans[month + 1]
    assert debt[-1] > 375000 * 1.2875**11 * 0.999
    assert series(result, "days_overdue") == [0] * 12
    assert max(series(result, "active_lenders")) == max(loans) > result.scenario.slots
    assert all(event.reason != "no_slot" for event in result.events)


def penalty_base_case(base: str) -> tuple[dict[str, Any], list[int]]:
    """A 2,000-yuan one-month bullet loan at 2%/month with a 1% service fee, due on day 30 and
    left unpaid (run one month, then one under `default`), penalised 1% a day on ``base`` from
    day 31 to 59 ("default": the base left out). Returns the scenario and the penalties incurred
    in months 0 and 1, worked out by hand from docs/engine.md step 7."""
    lender = {"id": "quick", "name": "quick", "max_amount": 100000, "term": "1m",
              "rate": "2%/month", "repayment": "bullet", "service_fee": "1%",
              "late": {"penalty_rate": "1%/day"}
              | ({} if base == "default" else {"penalty_base": base})}
    scenario = {**PHONE_SCREEN, "months": 2, "lenders": [lender]}
    principal, interest, fee = 200000, 4000, 2000
    if base == "all":
        owed = principal + interest + fee
        for _ in range(29):
            owed += round_fen(Fraction(owed, 100))
        penalties = owed - (principal + interest + fee)
    else:
        penalised = principal + (0 if base == "principal" else interest)
        penalties = 29 * round_fen(Fraction(penalised, 100))
    return scenario, [0, penalties]
