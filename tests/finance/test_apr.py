"""Annualized rates against independent sources: CFPB and FACTS.md worked cases, closed forms,
and numpy-financial."""

from decimal import Decimal

import numpy_financial as npf
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from debtcoach.errors import InputError
from debtcoach.finance.apr import annualize, cost_of
from debtcoach.finance.offers import LoanOffer, Repayment
from tests.strategies import fee_text, offers


def _cost(**fields: object):  # type: ignore[no-untyped-def]
    return cost_of(LoanOffer.model_validate(fields)).figures


def test_cfpb_payday_example_is_391_percent() -> None:
    # CFPB: "$15 per $100 borrowed for two weeks … an APR of almost 400 percent" (391%).
    figures = _cost(amount=100, term="14d", rate="0%/day", repayment="bullet", service_fee="15")
    assert round(figures.apr_nominal * 100, 2) == 391.07
    assert figures.apr_nominal == pytest.approx(15 / 100 * 365 / 14, abs=1e-12)
    assert figures.single_payment


def test_card_instalment_at_point_six_percent_a_month_is_about_13_percent() -> None:
    figures = _cost(amount=10000, term="12m", rate="0.6%/month", repayment="flat-fee")
    assert round(figures.apr_nominal * 100, 2) == 13.03
    assert figures.apr_advertised == pytest.approx(0.072)


def test_annuity_without_fees_is_exactly_its_rate() -> None:
    figures = _cost(amount=10000, term="12m", rate="12%/year", repayment="equal-installment")
    assert round(figures.apr_nominal * 100, 2) == 12.00


@pytest.mark.parametrize(("upfront", "expected"), [("2000", 0.70), ("1000", 0.45)])
def test_fees_taken_at_payout_raise_the_real_rate(upfront: str, expected: float) -> None:
    # FACTS §1.5 [computed]: 10,000 at 24% over 12 months; 9,000 received → ~45%, 8,000 → ~70%.
    figures = _cost(amount=10000, term="12m", rate="24%/year", upfront_fee=upfront)
    assert figures.apr_nominal == pytest.approx(expected, abs=0.005)
    payment = round(-npf.pmt(0.02, 12, 10000), 2)
    received = 10000 - int(upfront)
    oracle = npf.irr([received] + [-payment] * 11 + [-(payment - 0.05)]) * 12
    assert figures.apr_nominal == pytest.approx(oracle, abs=1e-9)


@pytest.mark.parametrize(
    ("monthly_fee", "apr", "ear"),
    [("0.5%", 0.109, 0.115), ("1.0%", 0.215, 0.237)],
)
def test_flat_monthly_fee_roughly_doubles_the_rate(
    monthly_fee: str, apr: float, ear: float
) -> None:
    # FACTS §1.5 [computed]: 0.5%/month flat → 10.9% APR (11.5% EAR); 1.0% → 21.5% (23.7%).
    figures = _cost(amount=10000, term="12m", rate=f"{monthly_fee}/month", repayment="flat-fee")
    assert figures.apr_nominal == pytest.approx(apr, abs=0.0005)
    assert figures.apr_effective == pytest.approx(ear, abs=0.0005)


def test_seven_day_loan_paying_out_800_of_1000_is_about_1300_percent() -> None:
    # FACTS §1.5: 1,000 owed, 800 received, 7 days → 25% a week, about 1,300% simple APR.
    figures = _cost(amount=1000, term="7d", rate="0%/day", repayment="bullet", upfront_fee="200")
    assert figures.apr_nominal == pytest.approx(0.25 * 365 / 7)
    assert figures.apr_simple == pytest.approx(0.25 * 365 / 7)


def test_daily_rate_framing_ri_xi_wan_wu_is_18_25_percent() -> None:
    figures = _cost(amount=1000, term="30d", rate="日息万五", repayment="bullet")
    assert figures.apr_advertised == pytest.approx(0.1825)
    assert figures.apr_nominal == pytest.approx(0.1825)


def test_jiebei_six_month_example_as_cash_flows() -> None:
    # FACTS §1.2: 10,000 for 6 months with 637 interest; [computed] ~21.5% APR if six equal
    # instalments.
    payment = round(10637 * 100 / 6)
    flows = [1_000_000] + [-payment] * 5 + [-(1_063_700 - 5 * payment)]
    assert annualize(flows, per_year=12).apr_nominal == pytest.approx(0.215, abs=0.0005)


def test_dated_single_payment_uses_the_whole_term_as_its_period() -> None:
    figures = annualize([10_000, -11_500], [0, 14], per_year=365, single_payment_rule=True)
    assert figures.apr_nominal == pytest.approx(3.9107142857, abs=1e-9)
    compounding = annualize([10_000, -11_500], [0, 14], per_year=365)
    assert compounding.apr_nominal < figures.apr_nominal


def test_flows_that_never_change_sign_have_no_rate() -> None:
    with pytest.raises(InputError) as caught:
        annualize([100, 50])
    assert caught.value.code == "no_rate_sign"


@pytest.mark.parametrize("repayment", list(Repayment))
@pytest.mark.parametrize("term", ["12m", "6m", "1m", "30d"])
def test_simple_rate_of_a_fee_free_loan_is_its_headline_rate(repayment: Repayment,
                                                             term: str) -> None:
    # Closed form: with interest charged on the balance in use and no fees, cost ÷ principal-years
    # is the annual rate (flat-fee charges the original principal, so it is higher).
    figures = _cost(amount=100000, term=term, rate="18%/year", repayment=repayment.value)
    if repayment is Repayment.FLAT_FEE and term not in ("1m", "30d"):
        assert figures.apr_simple > 0.18 + 0.01
    else:
        assert figures.apr_simple == pytest.approx(0.18, abs=2e-6)


@settings(max_examples=150, deadline=None)
@given(offers(), st.sampled_from(["upfront_fee", "service_fee", "membership_fee",
                                  "guarantee_fee"]), fee_text(5))
def test_adding_any_fee_never_lowers_any_rate(offer: LoanOffer, name: str, extra: str) -> None:
    assume(getattr(offer, name) is None)
    before = cost_of(offer).figures
    try:
        more = offer.model_validate({**_fields(offer), name: extra})
    except ValueError:
        assume(False)
    after = cost_of(more).figures
    for key in ("apr_nominal", "apr_effective", "apr_simple"):
        assert getattr(after, key) >= getattr(before, key) - 1e-12, key


def _fields(offer: LoanOffer) -> dict[str, object]:
    """An offer's fields as validated objects, to rebuild it with one more fee."""
    data = {
        "amount": Decimal(offer.amount_fen) / 100, "term": offer.term, "rate": offer.rate,
        "repayment": offer.repayment.value,
    }
    for name, fee in offer.fees():
        data[name] = fee
    return data


@settings(max_examples=150, deadline=None)
@given(offers())
def test_nominal_rate_agrees_with_numpy_financial(offer: LoanOffer) -> None:
    cost = cost_of(offer)
    oracle = npf.irr(cost.schedule.flows)
    assume(oracle == oracle)  # numpy-financial did not converge: NaN
    assert cost.figures.periodic_rate == pytest.approx(oracle, abs=1e-9)
    assert cost.figures.apr_nominal == pytest.approx(
        oracle * float(cost.schedule.period.per_year), abs=1e-8
    )
