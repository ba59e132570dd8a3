"""The vectorized IRR solver against closed forms, numpy-financial and its own invariants."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import debtcoach.finance
from debtcoach.finance.irr import NoRateError, irr, irr_one, npv

# An overflow or invalid-value warning anywhere in here means the solver lost control of a
# huge or tiny discount factor.
pytestmark = pytest.mark.filterwarnings("error")


def _annuity_payment(principal: float, rate: float, n: int) -> float:
    return principal * rate / (1.0 - (1.0 + rate) ** -n)


def _close(got: float, expected: float, tol: float = 1e-12) -> bool:
    return abs(got - expected) <= tol * max(1.0, abs(expected))


CLOSED_FORMS = [
    pytest.param([1000.0] + [-_annuity_payment(1000.0, 0.01, 12)] * 12, None, 0.01, id="annuity"),
    pytest.param([100.0, -115.0], None, 0.15, id="bullet-15pct"),
    pytest.param([800.0, -1000.0], None, 0.25, id="7-day-loan-25pct"),
    pytest.param([100.0, -1000.0], None, 9.0, id="one-period-900pct"),
    pytest.param([100.0, -95.0], None, -0.05, id="negative-5pct"),
    pytest.param([100.0, -0.02], None, -0.9998, id="near-minus-100pct"),
    pytest.param([1.0, -1e6], None, 1e6 - 1.0, id="near-search-limit"),
    pytest.param([1000.0, -1200.0], [0.0, 1.5], 1.2 ** (1 / 1.5) - 1, id="fractional-times"),
    pytest.param(
        [1000.0, -1e9], [0.0, 365.0], 1e6 ** (1 / 365) - 1, id="daily-periods-huge-growth"
    ),
    pytest.param(
        [1000.0] + [0.0] * 364 + [-0.5], None, 0.0005 ** (1 / 365) - 1, id="daily-periods-loss"
    ),
]


@pytest.mark.parametrize("sign", [1.0, -1.0], ids=["borrower", "lender"])
@pytest.mark.parametrize(("flows", "times", "expected"), CLOSED_FORMS)
def test_closed_forms(
    flows: list[float], times: list[float] | None, expected: float, sign: float
) -> None:
    signed = [sign * f for f in flows]
    assert _close(irr_one(signed, times), expected)
    one = irr(signed, times)
    assert one.shape == ()
    assert one.dtype == np.float64
    assert _close(float(one), expected)


def test_trailing_zero_padding_does_not_change_rates() -> None:
    rows = [[100.0, -115.0], [800.0, -1000.0], [1000.0] + [-88.85] * 12, [100.0, -95.0]]
    width = 20
    padded = np.zeros((len(rows), width))
    for i, row in enumerate(rows):
        padded[i, : len(row)] = row
    batch = irr(padded)
    assert batch.shape == (len(rows),)
    for i, row in enumerate(rows):
        assert _close(float(batch[i]), irr_one(row))


def test_padding_columns_may_carry_any_time() -> None:
    flows = np.array([[1000.0, -1200.0, 0.0, 0.0], [500.0, -300.0, -300.0, 0.0]])
    times = np.array([[0.0, 1.5, 0.0, 1e9], [0.0, 0.5, 1.0, -1e9]])
    rates = irr(flows, times)
    assert _close(float(rates[0]), irr_one([1000.0, -1200.0], [0.0, 1.5]))
    assert _close(float(rates[1]), irr_one([500.0, -300.0, -300.0], [0.0, 0.5, 1.0]))


def test_shared_and_per_row_times_agree() -> None:
    flows = np.array([[1000.0, -600.0, -600.0], [1000.0, -300.0, -900.0]])
    shared = np.array([0.0, 0.75, 1.5])
    np.testing.assert_allclose(irr(flows, shared), irr(flows, np.tile(shared, (2, 1))), rtol=1e-13)


def test_flows_out_of_time_order_give_the_same_rate() -> None:
    in_order = irr_one([1000.0, -300.0, -400.0, -500.0], [0.0, 1.0, 2.0, 3.0])
    shuffled = irr_one([-400.0, 1000.0, -500.0, -300.0], [2.0, 0.0, 3.0, 1.0])
    assert _close(shuffled, in_order)


@pytest.mark.parametrize(
    ("flows", "reason"),
    [
        ([100.0, 50.0, 25.0], "cash flows never change sign"),
        ([-100.0, 0.0, -5.0], "cash flows never change sign"),
        ([0.0, 0.0, 0.0], "all cash flows are zero"),
        ([1.0, -1e7], "no rate between -99.99% and the search limit"),
        ([100.0, -0.001], "no rate between -99.99% and the search limit"),
    ],
)
def test_no_rate_gives_nan_or_a_reason(flows: list[float], reason: str) -> None:
    assert math.isnan(float(irr(flows)))
    with pytest.raises(NoRateError) as caught:
        irr_one(flows)
    assert caught.value.reason == reason
    assert str(caught.value) == reason


def test_flows_at_a_single_instant_have_no_rate() -> None:
    with pytest.raises(NoRateError, match="never change sign"):
        irr_one([100.0, -100.0], [2.0, 2.0])


def test_nan_rows_do_not_disturb_their_neighbours() -> None:
    batch = np.array([[100.0, 10.0], [100.0, -110.0], [0.0, 0.0], [-100.0, 120.0]])
    rates = irr(batch)
    assert np.isnan(rates[[0, 2]]).all()
    assert _close(float(rates[1]), 0.1)
    assert _close(float(rates[3]), 0.2)


@pytest.mark.parametrize(
    ("flows", "expected"),
    [
        # numpy-financial's docstring examples, including two with several sign changes.
        ([-100.0, 39.0, 59.0, 55.0, 20.0], 0.28095),
        ([-100.0, 0.0, 0.0, 74.0], -0.0955),
        ([-100.0, 100.0, 0.0, -7.0], -0.0833),
        ([-100.0, 100.0, 0.0, 7.0], 0.06206),
        ([-5.0, 10.5, 1.0, -8.0, 1.0], 0.0886),
        # Roots at 10% and 20%, and at -5% and 10%: the one closer to zero is returned.
        ([1.0, -2.3, 1.32], 0.1),
        ([1.0, -2.05, 1.045], -0.05),
    ],
)
def test_several_sign_changes_return_the_root_nearest_zero(
    flows: list[float], expected: float
) -> None:
    got = irr_one(flows)
    assert round(got, 5) == pytest.approx(expected, abs=1e-12)
    assert got == pytest.approx(npf.irr(flows), abs=1e-9)


def test_a_double_root_at_zero_is_found() -> None:
    assert irr_one([-100.0, 200.0, -100.0]) == 0.0


def test_npv_values_and_shapes() -> None:
    assert float(npv(0.1, [100.0, -110.0])) == pytest.approx(0.0, abs=1e-12)
    assert float(npv(0.0, [100.0, -30.0, -30.0])) == pytest.approx(40.0, abs=1e-12)
    assert float(npv(0.2, [100.0, -120.0], [0.0, 1.0])) == pytest.approx(0.0, abs=1e-12)
    per_row = npv([0.1, 0.2], [[100.0, -110.0, 0.0], [100.0, -120.0, 0.0]])
    assert per_row.shape == (2,)
    np.testing.assert_allclose(per_row, 0.0, atol=1e-12)
    assert math.isnan(float(npv(float("nan"), [100.0, -110.0])))
    # Zero padding far in the future must not overflow near r = -100%.
    assert float(npv(-0.999, [100.0, -0.1] + [0.0] * 500)) == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: irr(np.zeros((2, 2, 2))), "1-D"),
        (lambda: irr([[100.0, -110.0]], [0.0, 1.0, 2.0]), "times"),
        (lambda: irr([100.0, -110.0], [[0.0, 1.0]]), "times"),
        (lambda: irr([100.0, float("nan")]), "finite"),
        (lambda: irr([100.0, -110.0], [0.0, float("inf")]), "finite"),
        (lambda: irr_one([[100.0, -110.0]]), "1-D"),
        (lambda: npv(-1.0, [100.0, -110.0]), "greater than -1"),
        (lambda: npv([0.1, 0.2, 0.3], [[100.0, -110.0]]), "one rate per schedule"),
    ],
)
def test_bad_input_is_rejected(call: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


@st.composite
def loan_batches(draw: st.DrawFn) -> np.ndarray:
    """One advance then 1-60 payments per row, each row's total repaid 0.5x to 3x the advance."""
    rows = draw(st.integers(1, 12))
    schedules = []
    for _ in range(rows):
        advance = draw(st.floats(100.0, 10_000.0))
        n = draw(st.integers(1, 60))
        weights = draw(st.lists(st.floats(0.2, 1.0), min_size=n, max_size=n))
        total = advance * draw(st.floats(0.5, 3.0))
        scale = total / sum(weights)
        schedules.append([advance] + [-w * scale for w in weights])
    width = max(len(s) for s in schedules) + draw(st.integers(0, 5))
    batch = np.zeros((rows, width))
    for i, s in enumerate(schedules):
        batch[i, : len(s)] = s
    return batch


@settings(max_examples=60, deadline=None)
@given(loan_batches())
def test_agrees_with_numpy_financial(batch: np.ndarray) -> None:
    rates = irr(batch)
    for row, rate in zip(batch, rates, strict=True):
        oracle = npf.irr(row)
        if np.isfinite(oracle):
            assert abs(rate - oracle) <= 1e-9


@settings(max_examples=60, deadline=None)
@given(loan_batches())
def test_npv_at_the_rate_is_zero(batch: np.ndarray) -> None:
    rates = irr(batch)
    assert np.isfinite(rates).all()
    residual = npv(rates, batch)
    assert (np.abs(residual) <= 1e-9 * np.abs(batch).sum(axis=1)).all()


@settings(max_examples=60, deadline=None)
@given(loan_batches(), st.data())
def test_a_larger_payment_never_lowers_the_rate(batch: np.ndarray, data: st.DataObject) -> None:
    row = data.draw(st.integers(0, batch.shape[0] - 1))
    payments = np.flatnonzero(batch[row] < 0)
    column = data.draw(st.sampled_from(payments.tolist()))
    bigger = batch.copy()
    bigger[row, column] *= data.draw(st.floats(1.0, 2.0))
    before, after = irr(batch)[row], irr(bigger)[row]
    assert after >= before - 1e-12 * max(1.0, abs(before))


odd_rows = st.sampled_from(
    [
        [100.0, 20.0, 30.0],
        [0.0, 0.0, 0.0],
        [-100.0, -5.0, 0.0],
        [-100.0, 100.0, -7.0],
        [-5.0, 10.5, 1.0],
        [1.0, -2.3, 1.32],
        [1.0, -1e7, 0.0],
    ]
)


@settings(max_examples=40, deadline=None)
@given(loan_batches(), st.lists(odd_rows, max_size=4), st.randoms(use_true_random=False))
def test_a_mixed_batch_matches_rows_solved_one_at_a_time(
    loans: np.ndarray, odd: list[list[float]], rnd: random.Random
) -> None:
    width = max(loans.shape[1], 3)
    rows = [np.pad(row, (0, width - row.size)) for row in loans]
    rows += [np.pad(np.array(r), (0, width - len(r))) for r in odd]
    order = list(range(len(rows)))
    rnd.shuffle(order)
    batch = np.array([rows[i] for i in order])
    together = irr(batch)
    alone = np.array([float(irr(row)) for row in batch])
    np.testing.assert_array_equal(np.isnan(together), np.isnan(alone))
    finite = ~np.isnan(alone)
    np.testing.assert_allclose(together[finite], alone[finite], rtol=1e-12, atol=1e-14)


def test_a_tiny_late_flow_does_not_make_a_rate_near_minus_100_percent() -> None:
    """Several sign changes: the roots are near -99.98% (where the last -1 outweighs the rest)
    and near +100%. The function the package exports returns the one nearest zero in
    log(1 + r), at which the flows' net present value is truly zero."""
    flows = [-1678.87, 771.96, 1814.05, 3520.30, 3552.95, 3584.99, 4789.91, -1.0]
    rate = float(debtcoach.finance.irr(flows))
    assert 0.9 < rate < 1.1
    assert abs(float(npv(rate, flows))) <= 1e-9 * sum(abs(flow) for flow in flows)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(-10_000.0, 10_000.0, allow_nan=False), min_size=2, max_size=12))
def test_any_flows_give_a_true_root_or_nan(flows: list[float]) -> None:
    rate = float(irr(flows))
    if np.isfinite(rate):
        scale = sum(abs(flow) * (1 + rate) ** -k for k, flow in enumerate(flows))
        assert abs(float(npv(rate, flows))) <= 1e-8 * scale
