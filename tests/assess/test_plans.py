"""What payoff planners get wrong, checked on debtcoach's plans; the negotiated plan by hand."""

from datetime import date
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.assess import (
    MAX_PLAN_MONTHS,
    LoanInput,
    NegotiatedTerms,
    Person,
    PlanName,
    Situation,
    assess,
)
from debtcoach.finance.apr import cost_of

TODAY = date(2026, 7, 20)


def _situation(loans: list[dict[str, Any]], income: int, expenses: int, savings: int = 0,
               **negotiated: Any) -> Situation:
    return Situation(
        person=Person.model_validate({"monthly_income": income, "monthly_expenses": expenses,
                                      "savings": savings}),
        loans=[LoanInput.model_validate(loan) for loan in loans],
        negotiated=NegotiatedTerms.model_validate(negotiated))


def test_no_interest_is_charged_twice_in_a_month() -> None:
    # Cash for the instalments only, so the plan simply follows the schedule: the interest
    # incurred must be the schedule's remaining interest, month by month and in total.
    loan = {"amount": 12000, "term": "12m", "rate": "24%/year", "paid_instalments": 2}
    schedule = cost_of(LoanInput.model_validate(loan).offer()).schedule
    left = schedule.rows[3:]
    result = assess(_situation([loan], income=4000, expenses=2900), TODAY, months=12)
    plan = result.plans[PlanName.AVALANCHE]
    assert list(plan.costs_by_month[:10]) == [row.interest for row in left]
    assert plan.interest_fen == sum(row.interest for row in left)
    assert plan.penalties_fen == 0


def test_minimum_payments_go_to_every_debt_not_pooled_onto_one() -> None:
    loans = [
        {"lender": "high", "amount": 3000, "term": "6m", "rate": "36%/year"},
        {"lender": "low", "amount": 6000, "term": "12m", "rate": "12%/year",
         "late": {"penalty_rate": "0.1%/day"}},
    ]
    minimums = [cost_of(LoanInput.model_validate(loan).offer()).schedule.rows[1].payment
                for loan in loans]
    # Exactly enough for both minimums: a planner that pooled them onto the high-rate debt would
    # leave the low-rate one unpaid, overdue and charged penalties.
    result = assess(_situation(loans, income=3000 + sum(minimums) // 100 + 1, expenses=3000),
                    TODAY, months=12)
    for name in (PlanName.AVALANCHE, PlanName.SNOWBALL):
        plan = result.plans[name]
        assert plan.paid_by_month[0] == sum(minimums)
        assert plan.penalties_fen == 0


def test_no_percent_of_balance_minimum_on_an_instalment_loan() -> None:
    loan = {"amount": 20000, "term": "24m", "rate": "18%/year", "repayment": "equal-principal",
            "paid_instalments": 5}
    row = cost_of(LoanInput.model_validate(loan).offer()).schedule.rows[6]
    result = assess(_situation([loan], income=3000, expenses=1500), TODAY, months=6)
    for name in PlanName:
        if name is not PlanName.NEGOTIATED:
            assert result.plans[name].paid_by_month[0] == row.payment  # not 10% of 15,833


def test_negotiated_plan_by_hand() -> None:
    # 10,000 left at a 36% contract rate, capped at 24%: 等额本息 at 2% a month, the first
    # instalment a month from today, over the fewest months whose instalment fits the 1,000 a
    # month to spare: 12 (over 11 it would be 1,022.xx).
    loan = {"amount": 10000, "term": "12m", "rate": "36%/year", "repayment": "interest-first",
            "paid_instalments": 4}
    rate = Fraction(2, 100)

    def level(months: int) -> int:
        return round(1_000_000 * rate / (1 - (1 + rate) ** -months))

    assert level(11) > 100_000 >= level(12)
    result = assess(_situation([loan], income=5000, expenses=4000), TODAY, months=24)
    plan = result.plans[PlanName.NEGOTIATED]
    assert result.negotiated.months == 12
    assert plan.paid_by_month[0] == 0
    assert plan.paid_by_month[1] == level(12)
    assert plan.months_to_debt_free == 13
    assert plan.debt_by_month[0] == 1_000_000
    asked = assess(_situation([loan], income=5000, expenses=4000, months=60), TODAY, months=24)
    assert asked.plans[PlanName.NEGOTIATED].paid_by_month[1] == level(60)
    assert asked.plans[PlanName.NEGOTIATED].months_to_debt_free == 61
    short = assess(_situation([loan], income=5000, expenses=4000, months=12, rate_cap="30%/year",
                              waive_penalties=False), TODAY)
    assert short.plans[PlanName.NEGOTIATED].months_to_debt_free == 13
    broke = assess(_situation([loan], income=4000, expenses=4000), TODAY, months=24)
    assert broke.negotiated.months == 60  # nothing to spare: the longest plan a lender offers


def test_keep_going_borrows_from_the_same_lenders_and_costs_more() -> None:
    loans = [{"lender": "A", "amount": 3000, "term": "1m", "rate": "0.1%/day",
              "repayment": "bullet", "upfront_fee": "300"},
             {"lender": "B", "amount": 5000, "term": "6m", "rate": "24%/year"}]
    # Savings pay both loans due today; from next month the pay falls short of B's instalments
    # and keep going borrows on the lines those payments freed.
    result = assess(_situation(loans, income=4000, expenses=3600, savings=3600), TODAY)
    keep, avalanche = result.plans[PlanName.KEEP_GOING], result.plans[PlanName.AVALANCHE]
    assert keep.new_loans > 0
    assert keep.total_cost_fen > avalanche.total_cost_fen


_LOAN = st.fixed_dictionaries({
    "amount": st.integers(500, 30000),
    "term": st.sampled_from(["7d", "14d", "30d", "1m", "3m", "6m", "12m", "24m"]),
    "rate": st.sampled_from(["0%/month", "0.05%/day", "1.5%/month", "24%/year", "36%/year",
                             "0.1%/day"]),
    "repayment": st.sampled_from(["bullet", "equal-installment", "equal-principal",
                                  "interest-first", "flat-fee"]),
    "paid_instalments": st.integers(0, 3),
    "days_overdue": st.sampled_from([0, 0, 5, 40]),
    "upfront_fee": st.sampled_from(["0", "5%", "100"]),
    "late": st.sampled_from([None, {"penalty_rate": "0.05%/day", "late_fee": 20}]),
})


@settings(deadline=None, max_examples=40)
@given(st.lists(_LOAN, min_size=0, max_size=4), st.integers(0, 12000), st.integers(0, 9000),
       st.integers(0, 5000))
def test_debt_free_only_when_no_debt_remains(
    loans: list[dict[str, Any]], income: int, expenses: int, savings: int
) -> None:
    for loan in loans:
        if loan["term"].endswith("d") or loan["term"] == "1m":
            loan["paid_instalments"] = 0
        if loan["late"] is None:
            del loan["late"]
    result = assess(_situation(loans, income, expenses, savings), TODAY, months=24)
    for plan in result.plans.values():
        final = plan.final_state
        assert (final.state == "debt_free") == (final.debt_fen == 0 and
                                                plan.months_to_debt_free is not None)
        if plan.months_to_debt_free is not None:
            assert all(debt == 0 for debt in plan.debt_by_month[plan.months_to_debt_free:])
            assert final.debt_fen == 0
        else:
            assert final.month == MAX_PLAN_MONTHS
        assert plan.total_cost_fen == plan.interest_fen + plan.fees_fen + plan.penalties_fen
        assert min(plan.debt_by_month, default=0) >= 0
    assert (result.months_until_cash_runs_out is None
            or 1 <= result.months_until_cash_runs_out <= 24)


def test_a_plan_that_falls_behind_on_a_loan_without_late_terms_says_so() -> None:
    """Its penalties are unknown and counted as 0: the report must not pass that off as cheap."""
    bare = {"amount": 1000, "term": "30d", "rate": "0.05%/day", "repayment": "bullet"}
    priced = {**bare, "late": {"penalty_rate": "0.1%/day"}}
    short = {"income": 4500, "expenses": 4200}  # ¥300 a month spare: the ¥1,015 comes late
    unknown = assess(_situation([bare], **short), TODAY, months=12)
    known = assess(_situation([priced], **short), TODAY, months=12)
    for name in (PlanName.KEEP_GOING, PlanName.AVALANCHE, PlanName.SNOWBALL):
        assert unknown.plans[name].behind_without_late_terms
        assert unknown.plans[name].penalties_fen == 0
        assert not known.plans[name].behind_without_late_terms
        assert known.plans[name].penalties_fen > 0
    on_time = assess(_situation([bare], income=6000, expenses=4200), TODAY, months=12)
    assert not any(plan.behind_without_late_terms for plan in on_time.plans.values())
    overdue = assess(_situation([{**bare, "start": "2026-06-01", "days_overdue": 19}],
                                income=6000, expenses=4200), TODAY, months=12)
    assert overdue.plans[PlanName.AVALANCHE].behind_without_late_terms  # already behind today
