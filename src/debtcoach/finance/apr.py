"""Annualized cost of credit, four ways, from cash flows.

- nominal: periodic IRR × periods per year (PBoC 2021 No. 3 IRR method; Reg Z Appendix J). A single
  advance repaid in one payment within a year has the whole term as its period, which is Reg Z's
  single-payment rule: cost ÷ amount received × terms per year ($15 per $100 for 14 days = 391.07%).
  An offer's period is its instalment period (a day-term loan is one period; a month-term loan has
  monthly rows even when repaid in one go), so adding a fee can never lower its rate. Bare cash
  flows have no instalment period, so for them the single-payment rule is applied explicitly.
- effective: (1 + periodic IRR)^(periods per year) − 1, the EU/UK APRC; on dated flows this is the
  X solving Σ Cₖ(1+X)^(−dₖ/365) = 0.
- simple: PBoC's simple-interest method, total cost ÷ principal actually in use over time.
- advertised: the offer's own headline rate scaled to a year, for the side-by-side.

The principal is what the borrower actually received (民法典 art. 670), so money deducted at payout
raises every figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from debtcoach.errors import InputError
from debtcoach.finance.irr import NoRateError, irr_one
from debtcoach.finance.offers import LoanOffer
from debtcoach.finance.schedules import Schedule, build_schedule


@dataclass(frozen=True)
class AprFigures:
    periodic_rate: float  # per period of length 1/periods_per_year years
    periods_per_year: float
    apr_nominal: float
    apr_effective: float
    apr_simple: float
    apr_advertised: float | None
    received: int  # fen, Σ money in (net of anything paid at payout)
    repaid: int  # fen, Σ money out
    principal_years: float  # fen × years of principal in use; apr_simple = cost ÷ this
    single_payment: bool  # nominal came from the single-payment rule

    @property
    def cost(self) -> int:
        return self.repaid - self.received


def annualize(
    flows: Sequence[int],
    times: Sequence[Fraction | int] | None = None,
    per_year: Fraction | int = 12,
    principal_repaid: Sequence[int] | None = None,
    advertised: float | None = None,
    single_payment_rule: bool = False,
) -> AprFigures:
    """All four rates for borrower-view flows (+ in, − out) at ``times`` (in periods, default
    0, 1, 2, ...), with ``per_year`` periods in a year. ``principal_repaid`` (same length as flows)
    says how much of each payment repays principal; without it, payments repay the money received
    pro rata, which is what the simple method needs for a bare list of flows.
    ``single_payment_rule`` takes a lone payment's whole term as the period (Reg Z)."""
    times = list(range(len(flows))) if times is None else list(times)
    per_year = Fraction(per_year)
    received = sum(f for f in flows if f > 0)
    repaid = -sum(f for f in flows if f < 0)
    if received == 0 or repaid == 0:
        raise InputError("cashflows", "no_rate_sign")

    moving = [(t, f) for t, f in zip(times, flows, strict=True) if f != 0]
    span = Fraction(moving[-1][0]) - Fraction(moving[0][0])
    single = (
        len(moving) == 2
        and moving[0][1] > 0 > moving[1][1]
        and (span == 1 or (single_payment_rule and 0 < span <= per_year))
    )
    if single:
        periodic = (repaid - received) / received
        periods_per_year = float(per_year / span)
    else:
        try:
            periodic = irr_one([float(f) for f in flows], [float(t) for t in times])
        except NoRateError as exc:
            raise InputError("cashflows", "no_rate", reason=exc.reason) from None
        periods_per_year = float(per_year)

    principal_years = _principal_years(flows, times, per_year, principal_repaid, received)
    return AprFigures(
        periodic_rate=periodic,
        periods_per_year=periods_per_year,
        apr_nominal=periodic * periods_per_year,
        apr_effective=_compound(periodic, periods_per_year),
        apr_simple=(repaid - received) / principal_years,
        apr_advertised=advertised,
        received=received,
        repaid=repaid,
        principal_years=principal_years,
        single_payment=single,
    )


def _compound(periodic: float, periods_per_year: float) -> float:
    """(1 + periodic)^n − 1, or infinity when that is beyond any float (a 1-day loan at 600%)."""
    try:
        return math.expm1(periods_per_year * math.log1p(periodic))
    except OverflowError:
        return math.inf


def _principal_years(
    flows: Sequence[int],
    times: Sequence[Fraction | int],
    per_year: Fraction,
    principal_repaid: Sequence[int] | None,
    received: int,
) -> float:
    """∫ principal in use dt, in fen-years: advances add to it, payments take their principal
    share (scaled so the shares add up to what was actually received) away from it."""
    if principal_repaid is None:
        paid = [max(-f, 0) for f in flows]
    else:
        paid = [max(p, 0) for p in principal_repaid]
    scale = Fraction(received, sum(paid)) if sum(paid) else Fraction(0)
    in_use = Fraction(0)
    total = Fraction(0)
    order = sorted(range(len(flows)), key=lambda k: Fraction(times[k]))
    for position, k in enumerate(order):
        in_use += max(flows[k], 0) - paid[k] * scale
        if position + 1 < len(order):
            total += in_use * (Fraction(times[order[position + 1]]) - Fraction(times[k]))
    return float(total / per_year)


@dataclass(frozen=True)
class OfferCost:
    """An offer's schedule with its annualized rates."""

    offer: LoanOffer
    schedule: Schedule
    figures: AprFigures


def cost_of(offer: LoanOffer) -> OfferCost:
    schedule = build_schedule(offer)
    principal = [0] + [row.principal for row in schedule.rows[1:]]
    figures = annualize(
        schedule.flows,
        per_year=schedule.period.per_year,
        principal_repaid=principal,
        advertised=float(offer.rate.annual),
    )
    return OfferCost(offer, schedule, figures)
