"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

from hypothesis import strategies as st

from debtcoach.finance.offers import LoanOffer, Repayment

REPAYMENTS = list(Repayment)

amounts = st.integers(min_value=100, max_value=200_000)  # yuan
month_terms = st.integers(min_value=1, max_value=36).map(lambda n: f"{n}m")
day_terms = st.integers(min_value=1, max_value=90).map(lambda n: f"{n}d")
rates = st.one_of(
    st.integers(0, 400).map(lambda bp: f"{bp / 100}%/month"),
    st.integers(0, 150).map(lambda bp: f"{bp / 100}%/year"),
    st.integers(0, 200).map(lambda x: f"{x / 100}%/day"),
)


def fee_text(max_percent: int = 30) -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(1, max_percent * 10).map(lambda p: f"{p / 10}%"),
        st.integers(1, 500).map(str),
    )


@st.composite
def offers(draw: st.DrawFn, with_fees: bool = True) -> LoanOffer:
    amount = draw(amounts)
    fields: dict[str, object] = {
        "amount": amount,
        "term": draw(st.one_of(month_terms, day_terms)),
        "rate": draw(rates),
        "repayment": draw(st.sampled_from(REPAYMENTS)).value,
    }
    if with_fees:
        if draw(st.booleans()):
            fields["upfront_fee"] = f"{draw(st.integers(1, 300)) / 10}%"
        if draw(st.booleans()):
            fields["service_fee"] = draw(fee_text(3))
        if draw(st.booleans()):
            fields["membership_fee"] = draw(st.integers(1, 300)).__str__() + draw(
                st.sampled_from(["", "/month"]))
        if draw(st.booleans()):
            fields["guarantee_fee"] = f"{draw(st.integers(1, 30)) / 10}%"
    try:
        return LoanOffer.model_validate(fields)
    except ValueError:
        # Fees at payout can exceed a small amount; such offers are rejected by design.
        from hypothesis import reject

        reject()
