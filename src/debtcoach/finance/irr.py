"""Internal rate of return, solved for many cash-flow schedules at once.

The rate r solves ``sum_k C_k (1 + r) ** -t_k == 0`` with r > -1. The solver works in
``x = log(1 + r)``, so rates from -99.99% up to 1e6 per period (a one-week payday loan can cost
hundreds of percent per period) fit in a short interval, and it divides every evaluation by the
largest discount factor of its row, so nothing overflows near r = -1 and nothing underflows to a
false zero at huge rates. Every returned rate lies in a bracket where the net present value was
seen to change sign: a rate is never reported where there is none.

Schedules whose flows change sign once in time order (a loan: money in, then repayments) have
exactly one rate; the solver brackets it between the search limits and refines it with Halley
steps that fall back to bisection whenever a step would leave the bracket or stall. Schedules
with several sign changes can have several rates: they are scanned on a grid of rates, and of
the sign changes found the one closest to zero in log(1 + r) is refined and returned (so a rate
of -99.98%, where tiny late flows dominate, loses to a rate of +100%), and it is returned only if
the net present value there is zero to within 1e-9 of the discounted flows' size: a true root, or
NaN. Two rates closer together than the grid spacing can hide each other, and
a rate where the net present value touches zero without crossing is found only on a grid point
(zero is one).
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt
from numpy.typing import ArrayLike

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]
BoolArray = npt.NDArray[np.bool_]

MIN_RATE: Final = -0.9999
"""Lowest periodic rate searched: at -100% the discount factor is infinite."""
MAX_RATE: Final = 1e6
"""Highest periodic rate searched (100,000,000% per period)."""

_X_LO: Final = float(np.log1p(MIN_RATE))
_X_HI: Final = float(np.log1p(MAX_RATE))
_TOL: Final = 1e-13
_MAX_ITER: Final = 100
# Grid for schedules with several sign changes: x = 0.05 sinh(u) with u evenly spaced, so points
# are about 0.2% per period apart near zero and further apart towards the search limits.
_GRID_SCALE: Final = 0.05
_GRID_HALF: Final = 160
_GRID_CHUNK: Final = 2_000_000
_ROOT_TOL: Final = 1e-9  # |NPV| / Σ|discounted flows| at a returned rate of several

_OK: Final = 0
_ALL_ZERO: Final = 1
_NO_SIGN_CHANGE: Final = 2
_OUT_OF_RANGE: Final = 3
_REASONS: Final = {
    _ALL_ZERO: "all cash flows are zero",
    _NO_SIGN_CHANGE: "cash flows never change sign",
    _OUT_OF_RANGE: "no rate between -99.99% and the search limit",
}


class NoRateError(ValueError):
    """Raised by irr_one when no rate solves the flows; ``reason`` says why in plain English."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _grid() -> FloatArray:
    """Scan points in x, denser near zero where real rates cluster; x = 0 is one of them."""
    u_lo = np.arcsinh(_X_LO / _GRID_SCALE)
    u_hi = np.arcsinh(_X_HI / _GRID_SCALE)
    neg = _GRID_SCALE * np.sinh(np.linspace(u_lo, 0.0, _GRID_HALF + 1))
    pos = _GRID_SCALE * np.sinh(np.linspace(0.0, u_hi, _GRID_HALF + 1))
    grid = np.concatenate([neg[:-1], [0.0], pos[1:]])
    grid[0], grid[-1] = _X_LO, _X_HI
    return grid


_X_GRID: Final = _grid()


def _prepare(
    cashflows: ArrayLike, times: ArrayLike | None
) -> tuple[FloatArray, FloatArray, bool]:
    """Flows as a 2-D array, times as 1-D (shared) or 2-D, and whether the input was 1-D."""
    flows = np.asarray(cashflows, dtype=np.float64)
    one_d = flows.ndim == 1
    if flows.ndim not in (1, 2):
        raise ValueError("cashflows must be 1-D (one schedule) or 2-D (one schedule per row)")
    if not np.all(np.isfinite(flows)):
        raise ValueError("cashflows must be finite")
    flows = np.atleast_2d(flows)
    if times is None:
        return flows, np.arange(flows.shape[1], dtype=np.float64), one_d
    at = np.asarray(times, dtype=np.float64)
    if at.shape not in {(flows.shape[1],), flows.shape} or (one_d and at.ndim != 1):
        raise ValueError("times must match the columns of cashflows (1-D) or its shape (2-D)")
    if not np.all(np.isfinite(at)):
        raise ValueError("times must be finite")
    return flows, at, one_d


def _weights(
    lag: FloatArray, span: FloatArray, x: FloatArray, out: FloatArray | None = None
) -> FloatArray:
    """exp(-lag * x), divided by its largest value over the row's flows (lag 0 or span).

    ``lag`` is the time since the row's first flow, clipped to [0, span]; the exponents are then
    never positive, and dividing by a positive factor keeps signs and ratios of sums intact.
    """
    exponent: FloatArray = np.multiply(lag, -x[..., None], out=out)
    negative = x < 0.0
    if negative.any():
        exponent += np.where(negative, span * x, 0.0)[..., None]
    return np.exp(exponent, out=exponent)


def _refine(
    flows: FloatArray,
    lag: FloatArray,
    span: FloatArray,
    orient: FloatArray,
    x_left: FloatArray,
    x_right: FloatArray,
    x_start: FloatArray,
    work: FloatArray,
) -> tuple[FloatArray, BoolArray, BoolArray]:
    """Safeguarded Halley iteration on g(x) = orient * sum C_k exp(-lag_k x), vectorized on rows.

    g has the NPV's zeros; orient makes g <= 0 at x_left and g >= 0 at x_right. A step that
    leaves the bracket or shrinks too slowly is replaced by bisection (as in Numerical Recipes'
    rtsafe), so the iterate never leaves the bracket. Returns the roots and, per row, whether a
    value <= 0 and a value >= 0 were actually seen: bracket ends that were only assumed must be
    checked by the caller. ``work`` is scratch space shaped like ``flows``.
    """
    rows = flows.shape[0]
    out = np.empty(rows)
    seen_left = np.zeros(rows, dtype=bool)
    seen_right = np.zeros(rows, dtype=bool)
    idx = np.arange(rows)
    lo, hi = x_left.copy(), x_right.copy()
    x = np.clip(x_start, lo, hi)
    step_old = hi - lo
    step = step_old.copy()
    finished = np.zeros(rows, dtype=bool)
    for _ in range(_MAX_ITER):
        w = _weights(lag, span, x, out=work[: x.size])
        value = orient * np.einsum("ij,ij->i", flows, w)
        w *= lag
        slope = -orient * np.einsum("ij,ij->i", flows, w)
        w *= lag
        curve = orient * np.einsum("ij,ij->i", flows, w)
        root = value == 0.0
        lo = np.where(value < 0.0, x, lo)
        hi = np.where(value > 0.0, x, hi)
        seen_left[idx] |= value <= 0.0
        seen_right[idx] |= value >= 0.0
        sloped = slope != 0.0
        newton = np.divide(value, slope, out=np.zeros_like(value), where=sloped)
        correction = np.divide(0.5 * newton * curve, slope, out=np.zeros_like(value), where=sloped)
        halley = np.where(np.abs(correction) < 0.5, newton / (1.0 - correction), newton)
        candidate = x - halley
        tol = _TOL * np.maximum(1.0, np.abs(x))
        tiny = sloped & (np.abs(halley) <= tol)
        accept = (
            sloped
            & (candidate > lo)
            & (candidate < hi)
            & (np.abs(2.0 * value) <= np.abs(step_old * slope))
        )
        step_old = step
        x_new = np.where(accept, candidate, lo + 0.5 * (hi - lo))
        # A step below the tolerance ends the row even when rounding puts it on a bracket end.
        x_new = np.where(tiny, np.clip(candidate, lo, hi), x_new)
        x_new = np.where(root, x, x_new)
        step = x_new - x
        done = root | tiny | (np.abs(step) <= tol)
        newly = done & ~finished
        out[idx[newly]] = x_new[newly]
        # Finished rows stay in the working set until it is compacted, but keep their answer.
        finished |= done
        x = np.where(finished, x, x_new)
        if finished.all():
            break
        if 2 * np.count_nonzero(finished) >= finished.size:
            keep = ~finished
            idx = idx[keep]
            flows, lag, span, orient = flows[keep], lag[keep], span[keep], orient[keep]
            lo, hi, x, step_old, step = lo[keep], hi[keep], x[keep], step_old[keep], step[keep]
            finished = finished[keep]
    out[idx[~finished]] = x[~finished]
    return out, seen_left, seen_right


def _solve_single_change(
    flows: FloatArray, lag: FloatArray, span: FloatArray, orient: FloatArray
) -> tuple[FloatArray, BoolArray]:
    """Rows with one sign change: at most one root, so the whole search range is the bracket.

    Left of the root the NPV has the sign of the latest flows, which ``orient`` flips to
    negative; so the bracket needs no evaluation at its ends, except at an end whose side the
    iterates never saw, which is checked afterwards.
    """
    ones = np.ones(flows.shape[1])
    work = np.maximum(flows, 0.0)
    pos_sum = work @ ones
    pos_time = np.einsum("ij,ij->i", work, lag) / pos_sum
    np.minimum(flows, 0.0, out=work)
    neg_sum = work @ ones
    neg_time = np.einsum("ij,ij->i", work, lag) / neg_sum
    # Lump each side at its amount-weighted mean time and solve that two-flow case exactly:
    # a close start for a loan, and the answer for one advance and one repayment.
    gap = orient * (neg_time - pos_time)
    start = orient * np.log(-neg_sum / pos_sum) / np.where(gap > 0.0, gap, 1.0)
    start = np.clip(np.where(gap > 0.0, start, 0.0), _X_LO, _X_HI)
    rows = flows.shape[0]
    x, seen_left, seen_right = _refine(
        flows, lag, span, orient, np.full(rows, _X_LO), np.full(rows, _X_HI), start, work
    )
    valid = seen_left & seen_right
    for end, unseen, wanted in ((_X_LO, ~seen_left, -1.0), (_X_HI, ~seen_right, 1.0)):
        if unseen.any():
            w = _weights(lag, span, np.full(rows, end), out=work)
            value = orient * np.einsum("ij,ij->i", flows, w)
            valid[unseen] = value[unseen] * wanted >= 0.0
    return x, valid


def _solve_several_changes(
    flows: FloatArray, lag: FloatArray, span: FloatArray
) -> tuple[FloatArray, BoolArray]:
    """Rows with several sign changes: scan the grid, refine the sign changes nearest zero."""
    rows, cols = flows.shape
    n_grid = _X_GRID.size
    signs = np.empty((rows, n_grid))
    chunk = max(1, _GRID_CHUNK // (n_grid * cols))
    for first in range(0, rows, chunk):
        part = slice(first, first + chunk)
        x = np.broadcast_to(_X_GRID, (span[part].size, n_grid))
        w = _weights(lag[part, None, :], span[part, None], x)
        signs[part] = np.sign(np.einsum("in,ign->ig", flows[part], w))
    # Events at even positions 2i are zeros at grid point i; at odd positions 2i + 1, sign
    # changes inside cell i. Position 2 * _GRID_HALF is x = 0 itself.
    n_pos = 2 * n_grid - 1
    events = np.zeros((rows, n_pos), dtype=bool)
    events[:, 0::2] = signs == 0.0
    events[:, 1::2] = signs[:, :-1] * signs[:, 1:] < 0.0
    centre = 2 * _GRID_HALF
    positions = np.arange(n_pos)
    below = np.where(events & (positions <= centre), positions, -1).max(axis=1)
    above = np.where(events & (positions >= centre), positions, n_pos).min(axis=1)

    best = np.full(rows, np.nan)
    for chosen in (below, above):
        found = np.flatnonzero((chosen >= 0) & (chosen < n_pos))
        if found.size == 0:
            continue
        left_point = chosen[found] // 2
        left = _X_GRID[left_point]
        right = _X_GRID[(chosen[found] + 1) // 2]
        orient = np.where(signs[found, left_point] > 0.0, -1.0, 1.0)
        x, _, _ = _refine(
            flows[found],
            lag[found],
            span[found],
            orient,
            left,
            right,
            0.5 * (left + right),
            np.empty((found.size, cols)),
        )
        current = best[found]
        closer = np.isnan(current) | (np.abs(x) < np.abs(current))
        best[found] = np.where(closer, x, current)
    solved = np.flatnonzero(~np.isnan(best))
    w = _weights(lag[solved], span[solved], best[solved])
    value = np.abs(np.einsum("ij,ij->i", flows[solved], w))
    size = np.einsum("ij,ij->i", np.abs(flows[solved]), w)
    best[solved[value > _ROOT_TOL * size]] = np.nan
    return best, ~np.isnan(best)


def _first(mask: BoolArray) -> IntArray:
    """Column of the first True in each row (0 where none)."""
    column: IntArray = mask.argmax(axis=1)
    return column


def _last(mask: BoolArray) -> IntArray:
    """Column of the last True in each row (the last column where none)."""
    from_end: IntArray = mask[:, ::-1].argmax(axis=1)
    column: IntArray = mask.shape[1] - 1 - from_end
    return column


def _solve(
    cashflows: ArrayLike, times: ArrayLike | None
) -> tuple[FloatArray, npt.NDArray[np.int64], bool]:
    """Rates and status codes per row, and whether the input was one 1-D schedule."""
    flows, at, one_d = _prepare(cashflows, times)
    rows, cols = flows.shape
    status = np.full(rows, _ALL_ZERO, dtype=np.int64)
    if cols == 0:
        return np.full(rows, np.nan), status, one_d
    # Sign changes are counted in time order, so sort the columns by time first.
    if at.ndim == 1 and np.any(np.diff(at) < 0.0):
        order = np.argsort(at, kind="stable")
        at, flows = at[order], flows[:, order]
    elif at.ndim == 2 and np.any(np.diff(at, axis=1) < 0.0):
        order2 = np.argsort(at, axis=1, kind="stable")
        at = np.take_along_axis(at, order2, axis=1)
        flows = np.take_along_axis(flows, order2, axis=1)
    at2 = np.broadcast_to(at, flows.shape)
    row = np.arange(rows)
    positive = flows > 0.0
    negative = flows < 0.0
    first_pos, first_neg = _first(positive), _first(negative)
    last_pos, last_neg = _last(positive), _last(negative)
    has_pos, has_neg = positive[row, first_pos], negative[row, first_neg]
    status[has_pos | has_neg] = _NO_SIGN_CHANGE
    mixed = has_pos & has_neg
    # Only rows with both signs are solved; for them these are the first and last flows.
    first_any = np.minimum(first_pos, first_neg)
    t_min, t_max = at2[row, first_any], at2[row, np.maximum(last_pos, last_neg)]
    # All flows at one instant net to one coefficient: there is no rate, or every rate is one.
    candidate = mixed & (t_min < t_max)
    status[candidate] = _OUT_OF_RANGE
    later_negative = at2[row, last_pos] <= at2[row, first_neg]
    later_positive = at2[row, last_neg] <= at2[row, first_pos]
    single = candidate & (later_negative | later_positive)
    several = candidate & ~single

    span = t_max - t_min
    lag = np.subtract(at2, t_min[:, None])
    # Zero flows outside the span (padding) are moved into it, where their weights stay <= 1.
    if first_any.any():
        np.maximum(lag, 0.0, out=lag)
    np.minimum(lag, span[:, None], out=lag)
    x = np.full(rows, np.nan)
    if single.any():
        pick = slice(None) if single.all() else single
        found, valid = _solve_single_change(
            flows[pick], lag[pick], span[pick], np.where(later_negative[pick], 1.0, -1.0)
        )
        x[pick] = np.where(valid, found, np.nan)
    if several.any():
        found, valid = _solve_several_changes(flows[several], lag[several], span[several])
        x[several] = np.where(valid, found, np.nan)
    status[candidate & np.isfinite(x)] = _OK
    return np.expm1(x), status, one_d


def irr(cashflows: ArrayLike, times: ArrayLike | None = None) -> FloatArray:
    """Periodic internal rate of return of each row of ``cashflows`` (NaN where there is none).

    ``cashflows`` is 2-D (one schedule per row, padded with zeros) or 1-D (one schedule).
    ``times`` is None for flows at whole periods 0, 1, 2, ...; otherwise a 1-D array shared by
    every row or a 2-D array shaped like ``cashflows``, in periods (fractions allowed). The sign
    convention does not matter. A 1-D input gives a 0-d array. Where the flows change sign more
    than once, the rate closest to zero among those found is returned (see the module notes).
    """
    rates, _, one_d = _solve(cashflows, times)
    return np.asarray(rates[0]) if one_d else rates


def irr_one(cashflows: ArrayLike, times: ArrayLike | None = None) -> float:
    """Rate of one 1-D schedule; raises NoRateError with a reason instead of returning NaN."""
    if np.ndim(cashflows) != 1:
        raise ValueError("irr_one takes one 1-D schedule")
    rates, status, _ = _solve(cashflows, times)
    code = int(status[0])
    if code != _OK:
        raise NoRateError(_REASONS[code])
    return float(rates[0])


def npv(rate: ArrayLike, cashflows: ArrayLike, times: ArrayLike | None = None) -> FloatArray:
    """Net present value ``sum_k C_k (1 + rate) ** -t_k`` of each row at its rate.

    ``rate`` is a scalar or one rate per row; ``cashflows`` and ``times`` are as for ``irr``.
    """
    flows, at, one_d = _prepare(cashflows, times)
    r = np.asarray(rate, dtype=np.float64)
    if r.ndim > 1 or (r.ndim == 1 and r.shape != (flows.shape[0],)):
        raise ValueError("rate must be a scalar or hold one rate per schedule")
    if np.any(r <= -1.0):
        raise ValueError("rate must be greater than -1 (-100%)")
    x = np.broadcast_to(np.log1p(r), (flows.shape[0],))
    # Zero flows (padding) are put at t = 0 so their weight cannot overflow.
    lag = np.where(flows != 0.0, at, 0.0)
    values: FloatArray = np.einsum("ij,ij->i", flows, np.exp(-lag * x[:, None]))
    return np.asarray(values[0]) if one_d else values
