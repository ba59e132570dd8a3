"""Whatever a person types into the form or a file, the result is an assessment or located
InputErrors: never a traceback."""

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.assess import assess, check_loans, situation_from_dict
from debtcoach.errors import InputError, InputErrors

TODAY = date(2026, 7, 20)

_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["1万", "-5", "0", "1,0,0", "12期", "24%", "24%/year", "月息1分5", "7d", "0m",
                     "2026-02-30", "等额本息", "weird", "9" * 30, "年化7.2%-24%"]),
    st.integers(-10, 10**6), st.floats(allow_nan=True), st.booleans(), st.none(),
)
_LOAN_FIELDS = ["lender", "amount", "received", "term", "rate", "repayment", "upfront_fee",
                "service_fee", "schedule", "paid_instalments", "start", "days_overdue", "kind",
                "enabled", "to_repay_other_loans"]


@settings(deadline=None, max_examples=150)
@given(st.dictionaries(st.sampled_from(["monthly_income", "monthly_expenses", "savings"]), _TEXT),
       st.lists(st.dictionaries(st.sampled_from(_LOAN_FIELDS), _TEXT), max_size=3))
def test_any_form_content_gives_results_or_located_errors(
    person: dict[str, Any], loans: list[dict[str, Any]]
) -> None:
    try:
        situation = situation_from_dict({"person": person, "loans": loans})
        problems = check_loans(situation, TODAY)
        if problems:
            raise InputErrors(problems)
        result = assess(situation, TODAY, months=6)
    except InputErrors as errors:
        assert errors.errors and all(error.field for error in errors.errors)
    except InputError as error:
        assert error.field
    else:
        assert len(result.loans) == sum(loan.enabled for loan in situation.loans)
