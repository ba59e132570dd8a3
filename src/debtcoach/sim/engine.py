"""The numpy engine the app uses: paths × loan slots as integer arrays, one day at a time.

The rules are docs/engine.md, to the fen, so every ledger equals the plain-Python
ReferenceEngine's. Each day takes its dues from a calendar of loans by due day, makes a few
cheap whole-path checks, then works only on the paths that have something to do (a loan falling
due, a shortfall, an overdue amount), vectorized over those paths (docs/engine.md, "How the
numpy engine steps through time"). A path's loans are handled in slot order by taking, in turn,
every path's first loan concerned today, then every path's second, and so on; lenders go in file
order. Month starts and paydays touch every path at once. Only month reports are kept, so
100,000 paths fit in a few hundred MiB.

Where docs/engine.md leaves room, this engine reads it as the reference engine does:
- A loan whose last instalment has fallen due has nothing more due, even while overdue.
- An instalment of 0 (a bullet row before the last, say) is paid even while cash is negative
  and borrows nothing, so it never opens an overdue spell of nothing.
- A lender without ``late`` terms has no grace period: its overdue loans set the credit mark on
  their first overdue day, and it charges nothing.
- Overdue settlement goes through loans in slot order and stops as soon as cash is not positive;
  each loan it reaches logs ``repaid`` with the amount settled.
- Extra payments keep a full month of (uncut) expenses and stop at the first candidate whose
  payoff exceeds what is spare ("while").
- The debt-to-income check counts, for each open loan, the next instalment not yet fallen due
  (none once ``k == n``) as its schedule has it.
- Credit lines start from the scenario's policy (``invite_friends``); a later policy does not
  change them. Spending cuts, once started, stay in force, at the cut share now in force.
- Event amounts: ``loan`` and ``closed`` the contract, ``repaid`` / ``overdue`` the instalment
  (``repaid`` from settlement: the amount settled), ``rolled`` the extension paid,
  ``extra_payment`` the payoff, ``refused`` the need, ``credit_mark`` 0 with the lender of the
  first loan past its grace, ``cut_spending`` the monthly saving (no lender), logged once when
  cutting starts.
"""

from __future__ import annotations

import itertools
import math
import mmap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from typing import NamedTuple, TypeVar

import numpy as np
import numpy.typing as npt

from debtcoach.errors import InputError
from debtcoach.finance.money import round_fen
from debtcoach.finance.offers import Fee, FeeTiming, Repayment
from debtcoach.finance.periods import DAY, MONTH, Period, Unit
from debtcoach.sim.results import (
    COLLECTIONS,
    DEFAULT,
    DERIVED,
    FLOWS,
    LEVELS,
    MULTI_LENDING,
    OK,
    OVERDUE,
    STACKING,
    SimEvent,
    SimResult,
)
from debtcoach.sim.scenario import (
    ExtraPayments,
    Lender,
    PenaltyBase,
    Policy,
    Scenario,
    WhenShort,
    exact,
)

I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]
Mask = npt.NDArray[np.bool_]
Rows = npt.NDArray[np.intp]
Field = TypeVar("Field", bound=np.generic)
At = npt.NDArray[np.intp]  # loans as slot × paths + path (1-D, or 2-D for whole rows)

DAYS_PER_MONTH = 30
EXACT_LIMIT = 2**62  # every product of an amount and a rate numerator stays below this
# Contracts above CONTRACT_LIMIT are refused with an error (1.4 trillion yuan: never real), so a
# credit line can stop growing at LINE_CEILING without changing anything: it still leaves more
# room than any contract after the largest possible balances of its other slots (≤ 256 × limit).
CONTRACT_LIMIT = 2**47
LINE_CEILING = 2**56
NEVER = np.iinfo(np.int32).max  # next_due of a loan with nothing more due
MEMORY_BUDGET = 2 * 2**30  # bytes a run may take for its month reports and loans
NOT_OVERDUE = -1

METHODS = tuple(Repayment)
BULLET, EQUAL_INSTALLMENT, EQUAL_PRINCIPAL, INTEREST_FIRST, FLAT_FEE = (
    METHODS.index(method) for method in (
        Repayment.BULLET, Repayment.EQUAL_INSTALLMENT, Repayment.EQUAL_PRINCIPAL,
        Repayment.INTEREST_FIRST, Repayment.FLAT_FEE))

(RECEIVED, PAID, PRINCIPAL, INTEREST, FEES, PENALTIES, INTEREST_INCURRED, FEES_INCURRED,
 PENALTIES_INCURRED, FROM_LOANS, NEW_LOANS, INCOME, SPENDING) = (FLOWS.index(name) for name in (
     "cash_received", "cash_paid", "principal_paid", "interest_paid", "fees_paid",
     "penalties_paid", "interest_incurred", "fees_incurred", "penalties_incurred",
     "paid_from_new_loans", "new_loans", "income", "spending"))

KINDS = ("loan", "repaid", "closed", "rolled", "refused", "overdue", "credit_mark",
         "cut_spending", "extra_payment")
(LOAN, REPAID, CLOSED, ROLLED, REFUSED, WENT_OVERDUE, CREDIT_MARK, CUT_SPENDING,
 EXTRA_PAYMENT) = range(len(KINDS))
REASONS = ("", "overdue", "too_many_lenders", "debt_to_income", "line_used")
(APPROVED, ANY_OVERDUE, TOO_MANY_LENDERS, DEBT_TO_INCOME, LINE_USED) = range(
    len(REASONS))
NO_LENDER = -1
COMPOUNDING = tuple(PenaltyBase).index(PenaltyBase.ALL)  # penalty-base codes: 0, 1, 2


def times_ratio(amount: I64, num: I64 | int, den: I64 | int) -> I64:
    """round half-up (amount × num / den) in int64: ⌊(2 × amount × num + den) / (2 × den)⌋,
    one division, where that numerator fits (the usual case), else without forming
    amount × num × 2."""
    if amount.size and _small(amount, num, den):
        rounded: I64 = (2 * num * amount + den) // (2 * den)
        return rounded
    quotient: I64
    remainder: I64
    quotient, remainder = np.divmod(amount, den)
    return quotient * num + (2 * remainder * num + den) // (2 * den)


def _small(amount: I64, num: I64 | int, den: I64 | int) -> bool:
    """Whether |2 × amount × num| + den stays below 2**62 for every element (den > 0)."""
    largest_num = abs(num) if isinstance(num, int) else int(np.abs(num).max())
    largest_den = den if isinstance(den, int) else int(den.max())
    if largest_num == 0:
        return largest_den < EXACT_LIMIT
    largest = max(int(amount.max()), -int(amount.min()))
    return largest < (EXACT_LIMIT - largest_den) // (2 * largest_num)


def _fits(*factors: int) -> bool:
    return math.prod(factors) < EXACT_LIMIT


def in_turn(rows: Rows, starts: Rows | None = None) -> list[Rows | slice]:
    """Split positions of sorted ``rows`` into turns: each path's first, then second, …
    (``starts``: where each path's run begins, if known); one turn of all when every path is
    there once (the usual day)."""
    if not rows.size:
        return []
    if starts is None:
        starts = np.flatnonzero(np.diff(rows, prepend=-1))
    if starts.size == rows.size:
        return [slice(None)]
    rank = np.arange(rows.size) - np.repeat(starts, np.diff(starts, append=rows.size))
    return [np.flatnonzero(rank == turn) for turn in range(int(rank.max()) + 1)]


class Segments:
    """Sorted ``rows`` (paths, each as often as it has values) cut into one run per path, so
    that per-path sums are exact int64 reductions over contiguous runs."""

    def __init__(self, rows: Rows) -> None:
        self.starts: Rows = np.flatnonzero(np.diff(rows, prepend=-1))
        self.paths: Rows = rows[self.starts]

    def sums(self, values: I64) -> I64:
        """Σ values per path, for ``paths``."""
        if not self.starts.size:
            return np.zeros(0, dtype=np.int64)
        total: I64 = np.add.reduceat(values, self.starts)
        return total


@dataclass(frozen=True)
class FeeSum:
    """Σ times × (fixed + round(share × P)) over some fees: ``Fee.amount_fen``, vectorized."""

    terms: tuple[tuple[int, int, int, int], ...] = ()  # times, fixed fen, share num, share den

    @classmethod
    def of(cls, fees: Iterable[tuple[int, Fee]]) -> FeeSum:
        return cls(tuple((times, fee.fixed_fen, fee.share.numerator, fee.share.denominator)
                         for times, fee in fees if times))

    def __add__(self, other: FeeSum) -> FeeSum:
        return FeeSum(self.terms + other.terms)

    def on(self, contract: I64) -> I64:
        total = np.zeros_like(contract)
        for times, fixed, num, den in self.terms:
            total += times * (fixed + times_ratio(contract, num, den))
        return total

    @cached_property
    def share(self) -> Fraction:
        return sum((Fraction(times * num, den) for times, _, num, den in self.terms), Fraction(0))

    @cached_property
    def fixed(self) -> int:
        return sum(times * fixed for times, fixed, _, _ in self.terms)

    @cached_property
    def kept_share(self) -> float:
        """1 − share: what a contract pays out, apart from fixed fees and rounding."""
        return float(1 - self.share)

    @cached_property
    def fixed_less_slack(self) -> float:
        return float(self.fixed - self.rounding_slack)

    @cached_property
    def rounding_slack(self) -> Fraction:
        """How far the rounded fees can fall below fixed + share × P (half a fen per share)."""
        return Fraction(sum(times for times, _, num, _ in self.terms if num), 2)

    def exact_for(self, contract: int) -> bool:
        return all(_fits(contract, num, 2) and _fits(num, den, 2)
                   for _, _, num, den in self.terms)


def smallest_contracts(fees: FeeSum, need: I64, available: I64) -> tuple[I64, I64]:
    """For each need, the smallest contract P with P − fees(P) ≥ need, capped at the available
    line (the line itself when no contract up to it pays out enough), and fees(P).

    P − fees(P) is not monotone (each share fee rounds on its own), but no contract below
    (need + fixed − slack) / (1 − share) can pay out enough, as each rounded share fee is at
    least its exact value minus half a fen; so the search starts there and steps up one fen at
    a time: usually no step, or one or two."""
    if fees.kept_share <= 0:
        return available.copy(), fees.on(available)
    lowest = (need + fees.fixed_less_slack) / fees.kept_share
    start = np.maximum(np.floor(lowest * (1 - 1e-12)).astype(np.int64) - 1, 1)
    contract: I64 = np.minimum(start, available)
    charged = fees.on(contract)
    stepping = np.flatnonzero((contract - charged < need) & (contract < available))
    while stepping.size:
        contract[stepping] += 1
        trial = contract[stepping]
        trial_fees = fees.on(trial)
        charged[stepping] = trial_fees
        stepping = stepping[(trial - trial_fees < need[stepping])
                            & (trial < available[stepping])]
    return contract, charged


def level_payments(factor: Fraction, contract: I64) -> I64:
    """round(P × factor) for each contract, exact: float64 where the value is clearly away
    from a half fen (its error is below 2**-50 of it), exact fractions for the rare contracts
    too close to call."""
    shifted = contract.astype(np.float64) * float(factor) + 0.5
    rounded = np.floor(shifted)
    fraction = shifted - rounded
    margin = (shifted + 1) * 2.0**-40
    level = rounded.astype(np.int64)
    for i in np.flatnonzero((fraction < margin) | (fraction > 1 - margin)):
        level[i] = round_fen(int(contract[i]) * factor)
    return level


@dataclass(frozen=True)
class LenderRules:
    """One lender's terms as exact integers: rates per instalment period for a first and a
    repeat loan, the fee sums charged at payout and per instalment, and its limits."""

    lender: Lender
    method: int
    n: int
    period_days: int
    period: Period
    rates: tuple[Fraction, Fraction]
    deducted: FeeSum
    at_payout: FeeSum
    per_instalment: FeeSum
    growth: Fraction
    largest_line: int | None  # None: the line can grow without a cap

    @classmethod
    def of(cls, lender: Lender, start_line: int) -> LenderRules:
        """Fees split by when they are charged, as ``LoanOffer`` does."""
        count = lender.term.count
        if lender.term.unit is Unit.DAY:
            period, n, period_days = Period(Unit.DAY, count), 1, count
        else:
            period, n, period_days = MONTH, count, DAYS_PER_MONTH
        fees = [fee for _, fee in lender.fees()]
        months = lender.offer(1, False).term_months()
        growth = exact(lender.line_growth)
        return cls(
            lender=lender,
            method=METHODS.index(lender.repayment),
            n=n,
            period_days=period_days,
            period=period,
            rates=(lender.rate_for(False).per(period).value,
                   lender.rate_for(True).per(period).value),
            deducted=FeeSum.of((1, fee) for fee in fees if fee.timing is FeeTiming.UPFRONT),
            at_payout=FeeSum.of(
                (1 if fee.timing is FeeTiming.ONCE else months, fee) for fee in fees
                if fee.timing in (FeeTiming.ONCE, FeeTiming.PER_MONTH)),
            per_instalment=FeeSum.of(
                (1, fee) for fee in fees if fee.timing is FeeTiming.PER_PERIOD),
            growth=growth,
            largest_line=cls._largest_line(lender, start_line, growth),
        )

    @staticmethod
    def _largest_line(lender: Lender, start_line: int, growth: Fraction) -> int | None:
        if lender.max_line_fen is not None:
            return max(start_line, lender.max_line_fen)
        return start_line if growth == 0 else None

    @cached_property
    def payout_fees(self) -> FeeSum:
        return self.deducted + self.at_payout

    def owed_bound(self, contract: int) -> int:
        """More than a loan of ``contract`` can ever have overdue (the penalty base):
        ⌈contract + n × (2 × contract × rate + 2 + fees per instalment + 1)⌉, with the higher
        rate, worked out as ⌈contract × slope + offset⌉ in integers."""
        num, den, offset = self._owed_terms
        return -(-(contract * num + offset * den) // den)

    @cached_property
    def _owed_terms(self) -> tuple[int, int, int]:
        """slope = 1 + n × (2 × rate + fee share) as num / den, and offset = n × (3 + fixed
        fees), for ``owed_bound``."""
        slope = 1 + self.n * (2 * max(self.rates) + self.per_instalment.share)
        return slope.numerator, slope.denominator, self.n * (3 + self.per_instalment.fixed)

    @cached_property
    def _penalty_per_day(self) -> Fraction | None:
        late = self.lender.late
        return None if late is None else late.penalty_rate.per(DAY).value

    def exact_for(self, contract: int) -> bool:
        """Whether every integer product this lender's loans of ``contract`` need fits int64."""
        rollover = self.lender.rollover_fee
        checks = [self.payout_fees.exact_for(contract), self.per_instalment.exact_for(contract)]
        checks += [_fits(contract, self.n, rate.numerator, 2)
                   and _fits(rate.numerator, rate.denominator, 2) for rate in self.rates]
        penalty = self._penalty_per_day
        if penalty is not None:
            checks.append(_fits(self.owed_bound(contract), penalty.numerator, 2)
                          and _fits(penalty.numerator, penalty.denominator, 2))
        if rollover is not None:
            checks.append(_fits(contract, rollover.share.numerator, 2)
                          and _fits(rollover.share.numerator, rollover.share.denominator, 2))
        return all(checks)

    def largest_exact_contract(self) -> int:
        """The largest contract up to CONTRACT_LIMIT for which ``exact_for`` holds (it is
        monotone in the contract)."""
        low, high = 0, CONTRACT_LIMIT
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if self.exact_for(middle) else (low, middle - 1)
        return low

    def level_factor(self, repeat: bool) -> Fraction:
        """A = round(P × factor) for equal instalments: i / (1 − (1 + i)^−n), or 1/n at 0."""
        rate = self.rates[repeat]
        if rate == 0:
            return Fraction(1, self.n)
        return rate / (1 - (1 + rate) ** -self.n)


class OfferTable(NamedTuple):
    """What every loan of one lender and kind (first or repeat) shares, indexed by offer."""

    method: npt.NDArray[np.int8]
    n: I32
    period: I32
    rate_num: I64
    rate_den: I64
    daily_num: I64
    daily_den: I64
    rank: I32


class SameLate(NamedTuple):
    """Late terms every lender has alike: penalty-base code, daily rate num / den, late fee."""

    base: int
    num: int
    den: int
    fee: int

    @classmethod
    def of(cls, lenders: list[Lender]) -> SameLate | None:
        bases = tuple(PenaltyBase)
        terms: set[SameLate | None] = set()
        for lender in lenders:
            late = lender.late
            rate = None if late is None else late.penalty_rate.per(DAY).value
            terms.add(None if late is None or rate is None else cls(
                bases.index(late.penalty_base), rate.numerator, rate.denominator,
                late.late_fee_fen))
        return terms.pop() if len(terms) == 1 else None


class LenderTable:
    """Per-lender values as arrays, looked up with a loan's lender index; rates and ranks are
    indexed [lender, repeat], and by a loan's offer (2 × lender + repeat) in ``by_offer``."""

    def __init__(self, rules: list[LenderRules]) -> None:
        lenders = [rule.lender for rule in rules]
        self.method = np.array([rule.method for rule in rules], dtype=np.int8)
        self.n = np.array([rule.n for rule in rules], dtype=np.int32)
        self.period = np.array([rule.period_days for rule in rules], dtype=np.int32)
        self.rate_num = np.array([[rate.numerator for rate in rule.rates] for rule in rules],
                                 dtype=np.int64).reshape(len(rules), 2)
        self.rate_den = np.array([[rate.denominator for rate in rule.rates] for rule in rules],
                                 dtype=np.int64).reshape(len(rules), 2)
        self.rank = self._rate_ranks(rules)
        # The rate per day of daily-interest products (rate quoted per day), else 0 / 1.
        daily = [[rate.per(DAY).value if rate.period.unit is Unit.DAY else Fraction(0)
                  for rate in (lender.rate_for(False), lender.rate_for(True))]
                 for lender in lenders]
        self.daily_num = np.array([[rate.numerator for rate in pair] for pair in daily],
                                  dtype=np.int64).reshape(len(rules), 2)
        self.daily_den = np.array([[rate.denominator for rate in pair] for pair in daily],
                                  dtype=np.int64).reshape(len(rules), 2)
        self.has_late = np.array([lender.late is not None for lender in lenders], dtype=bool)
        self.grace = np.array([lender.late.grace_days if lender.late else 0
                               for lender in lenders], dtype=np.int32)
        self.late_fee = np.array([lender.late.late_fee_fen if lender.late else 0
                                  for lender in lenders], dtype=np.int64)
        bases = tuple(PenaltyBase)
        self.penalty_base = np.array([bases.index(lender.late.penalty_base) if lender.late else 0
                                      for lender in lenders], dtype=np.int8)
        penalties = [lender.late.penalty_rate.per(DAY).value if lender.late else Fraction(0)
                     for lender in lenders]
        self.penalty_num = np.array([rate.numerator for rate in penalties], dtype=np.int64)
        self.penalty_den = np.array([rate.denominator for rate in penalties], dtype=np.int64)
        rollover = [lender.rollover_fee or Fee(FeeTiming.ONCE) for lender in lenders]
        self.can_roll = np.array([lender.rollover_fee is not None for lender in lenders],
                                 dtype=bool)
        self.max_rollovers = np.array([lender.max_rollovers for lender in lenders],
                                      dtype=np.int32)
        self.roll_fixed = np.array([fee.fixed_fen for fee in rollover], dtype=np.int64)
        self.roll_num = np.array([fee.share.numerator for fee in rollover], dtype=np.int64)
        self.roll_den = np.array([fee.share.denominator for fee in rollover], dtype=np.int64)
        self.growth_num = np.array([(1 + rule.growth).numerator for rule in rules],
                                   dtype=np.int64)
        self.growth_den = np.array([(1 + rule.growth).denominator for rule in rules],
                                   dtype=np.int64)
        self.max_line = np.array([LINE_CEILING if lender.max_line_fen is None
                                  else min(lender.max_line_fen, LINE_CEILING)
                                  for lender in lenders], dtype=np.int64)
        self.same_late = SameLate.of(lenders)
        self.by_offer = OfferTable(
            method=np.repeat(self.method, 2), n=np.repeat(self.n, 2),
            period=np.repeat(self.period, 2), rate_num=self.rate_num.ravel(),
            rate_den=self.rate_den.ravel(), daily_num=self.daily_num.ravel(),
            daily_den=self.daily_den.ravel(), rank=self.rank.ravel())

    @staticmethod
    def _rate_ranks(rules: list[LenderRules]) -> I32:
        """Avalanche order of the rates: rank 0 has the highest annual rate."""
        annual = [[rate * rule.period.per_year for rate in rule.rates] for rule in rules]
        every = sorted({rate for pair in annual for rate in pair}, reverse=True)
        return np.array([[every.index(rate) for rate in pair] for pair in annual],
                        dtype=np.int32).reshape(len(rules), 2)


class Loans:
    """The docs' per-loan state: one vector per field, loan ``slot × paths + path``. What a
    loan shares with every loan of its lender and kind (first or repeat: rates, ``n``, period,
    avalanche rank) is looked up by its ``offer`` in LenderTable, not stored per loan."""

    def __init__(self, paths: int, slots: int) -> None:
        size = paths * slots
        self.open = np.zeros(size, dtype=bool)
        self.lender = np.zeros(size, dtype=np.int32)
        # 2 × lender + repeat: what its rates, instalments and period are, in LenderTable
        self.offer = np.zeros(size, dtype=np.int32)
        self.contract = np.zeros(size, dtype=np.int64)
        self.balance = np.zeros(size, dtype=np.int64)
        self.k = np.zeros(size, dtype=np.int32)
        self.next_due = np.full(size, NEVER, dtype=np.int32)
        self.level = np.zeros(size, dtype=np.int64)
        self.fees = np.zeros(size, dtype=np.int64)
        self.rollovers = np.zeros(size, dtype=np.int32)
        self.od_principal = np.zeros(size, dtype=np.int64)
        self.od_interest = np.zeros(size, dtype=np.int64)
        self.od_fees = np.zeros(size, dtype=np.int64)
        self.od_penalties = np.zeros(size, dtype=np.int64)
        self.overdue_since = np.full(size, NOT_OVERDUE, dtype=np.int32)
        self.late_fee_charged = np.zeros(size, dtype=bool)
        self.penalty_from = np.zeros(size, dtype=np.int32)  # first day not yet charged
        self.gap = np.zeros(size, dtype=np.int64)  # contract − what the borrower received
        self.was_overdue = np.zeros(size, dtype=bool)
        self.next_amount = np.zeros(size, dtype=np.int64)  # next instalment, as scheduled


LOAN_BYTES = sum(values.itemsize for values in vars(Loans(1, 1)).values())


def check_memory(paths: int, months: int, slots: int) -> None:
    """Refuse a run whose month reports (engine metrics, derived totals, states) and loan slots
    would take more than MEMORY_BUDGET, before allocating anything."""
    reports = months * ((len(FLOWS) + len(LEVELS) + len(DERIVED)) * 8 + 1)
    needed = paths * (reports + slots * LOAN_BYTES)
    if needed > MEMORY_BUDGET:
        raise InputError("paths", "memory_budget", paths=f"{paths:,}", months=months,
                         slots=slots, need=f"{needed / 2**30:,.1f}",
                         budget=f"{MEMORY_BUDGET / 2**30:g}")


class MonthReports(NamedTuple):
    """Where an engine writes its month reports, month-major: the month's FLOWS sums as one
    block (``flows[month]``, metrics × paths), each of the LEVELS, and the state. Runs split
    over processes hand each engine a view of its own paths in memory shared with the
    parent."""

    flows: I64  # (months, len(FLOWS), paths)
    levels: dict[str, I64]  # name: (months, paths)
    state: npt.NDArray[np.int8]  # (months, paths)

    @classmethod
    def zeros(cls, months: int, paths: int) -> MonthReports:
        return cls(np.zeros((months, len(FLOWS), paths), dtype=np.int64),
                   {name: np.zeros((months, paths), dtype=np.int64) for name in LEVELS},
                   np.zeros((months, paths), dtype=np.int8))

    @classmethod
    def nbytes(cls, months: int, paths: int) -> int:
        return months * paths * ((len(FLOWS) + len(LEVELS)) * 8 + 1)

    @classmethod
    def in_buffer(cls, buffer: mmap.mmap, months: int, paths: int) -> MonthReports:
        """Reports laid out in ``buffer`` (``nbytes`` long, zero-filled)."""
        values = np.frombuffer(buffer, dtype=np.int64,
                               count=months * paths * (len(FLOWS) + len(LEVELS)))
        flows = values[:months * len(FLOWS) * paths].reshape(months, len(FLOWS), paths)
        levels = values[flows.size:].reshape(len(LEVELS), months, paths)
        state = np.frombuffer(buffer, dtype=np.int8, offset=values.nbytes).reshape(months, paths)
        return cls(flows, dict(zip(LEVELS, levels, strict=True)), state)

    def paths(self, start: int, stop: int) -> MonthReports:
        """The reports of paths ``start`` to ``stop`` (views: writes go to these reports)."""
        return MonthReports(self.flows[:, :, start:stop],
                            {name: values[:, start:stop] for name, values in self.levels.items()},
                            self.state[:, start:stop])

    def metrics(self, months: int) -> dict[str, I64]:
        """Every metric as [path, month], for the first ``months``."""
        metrics = {name: self.flows[:months, index].T for index, name in enumerate(FLOWS)}
        metrics.update({name: values[:months].T for name, values in self.levels.items()})
        return metrics


class Instalment(NamedTuple):
    principal: I64
    interest: I64
    fees: I64

    @property
    def due(self) -> I64:
        due: I64 = self.principal + self.interest + self.fees
        return due

    def where(self, chosen: Rows | Mask | slice) -> Instalment:
        return Instalment(self.principal[chosen], self.interest[chosen], self.fees[chosen])


class Terms(NamedTuple):
    """What the instalments of some loans depend on, gathered once: repayment method, number
    of instalments, contract, rate per period (num / den), level payment and fees per
    instalment; the method and ``n`` may be one value for all."""

    method: npt.NDArray[np.int8] | int
    n: I32 | int
    contract: I64
    num: I64
    den: I64
    level: I64
    fees: I64

    def where(self, chosen: Mask) -> Terms:
        method = self.method if isinstance(self.method, int) else self.method[chosen]
        n = self.n if isinstance(self.n, int) else self.n[chosen]
        return Terms(method, n, self.contract[chosen], self.num[chosen], self.den[chosen],
                     self.level[chosen], self.fees[chosen])


def instalment(terms: Terms, number: I32, balance: I64) -> Instalment:
    """Principal, interest and fees of instalment ``number`` (1-based) of loans with these
    terms and ``balance`` before it, exactly as ``build_schedule`` computes them; only the
    repayment methods present are computed."""
    method, n, contract, num, den = terms.method, terms.n, terms.contract, terms.num, terms.den
    if isinstance(method, int):
        present = np.arange(len(METHODS)) == method
    else:
        present = np.bincount(method.ravel(), minlength=len(METHODS)) > 0
    single = int(present.sum()) == 1

    def using(*methods: int) -> Mask | bool:
        """Which loans repay by one of ``methods`` (a bool when they all repay alike)."""
        if single:
            return bool(present[list(methods)].any())
        chosen: Mask = np.logical_or.reduce([method == code for code in methods])
        return chosen

    last = number == n
    interest = np.zeros_like(balance)
    regular = np.zeros_like(balance)  # principal of an instalment before the last
    fees = terms.fees.copy()
    if present[EQUAL_INSTALLMENT] or present[EQUAL_PRINCIPAL]:
        on_balance = times_ratio(balance, num, den)
        np.copyto(interest, on_balance, where=using(EQUAL_INSTALLMENT, EQUAL_PRINCIPAL))
        if present[EQUAL_INSTALLMENT]:
            np.copyto(regular, terms.level - on_balance, where=using(EQUAL_INSTALLMENT))
    if present[INTEREST_FIRST] or present[FLAT_FEE]:
        on_contract = times_ratio(contract, num, den)
        np.copyto(interest, on_contract, where=using(INTEREST_FIRST))
        np.add(fees, on_contract, out=fees, where=using(FLAT_FEE))
    if present[EQUAL_PRINCIPAL] or present[FLAT_FEE]:
        equal_parts = (2 * contract + n) // (2 * n)
        np.copyto(regular, equal_parts, where=using(EQUAL_PRINCIPAL, FLAT_FEE))
    bullet_due = last & using(BULLET)
    if present[BULLET] and bullet_due.any():
        np.copyto(interest, times_ratio(contract * n, num, den), where=bullet_due)
    return Instalment(np.where(last, balance, regular), interest, fees)


@dataclass
class EventLog:
    """Events as array chunks in the order they happen, sorted by (path, day, order) at the end;
    a chunk holds at most one event per path unless ``order`` tells them apart, and a chunk
    ``joined`` to the one before shares its place so the two can interleave."""

    enabled: bool
    chunks: list[tuple[I64, ...]] = field(default_factory=list)

    def add(self, kind: int, day: int, paths: Rows, amounts: I64 | int = 0,
            lenders: I64 | I32 | int = NO_LENDER, reasons: I64 | int = APPROVED,
            order: I64 | int = 0, joined: bool = False) -> None:
        if not self.enabled or not paths.size:
            return
        size = paths.size
        place = len(self.chunks) - 1 if joined else len(self.chunks)
        sequence = place * 1024 + np.broadcast_to(order, size)
        self.chunks.append(tuple(np.broadcast_to(np.asarray(value, dtype=np.int64), size)
                                 for value in (paths, sequence, amounts, lenders, reasons,
                                               np.full(size, kind), np.full(size, day))))

    def sorted(self, lender_ids: list[str]) -> list[SimEvent]:
        if not self.chunks:
            return []
        paths, sequence, amounts, lenders, reasons, kinds, days = (
            np.concatenate(column) for column in zip(*self.chunks, strict=True))
        order = np.lexsort((sequence, days, paths))
        return [SimEvent(day=int(days[i]), path=int(paths[i]), kind=KINDS[kinds[i]],
                         lender=lender_ids[lenders[i]] if lenders[i] >= 0 else "",
                         amount=int(amounts[i]), reason=REASONS[reasons[i]])
                for i in order]


class DueCalendar:
    """Loans by the day their next instalment falls due, so that a day finds its dues among the
    loans filed under it instead of scanning every slot. A loan is filed whenever its
    ``next_due`` is set; an entry goes stale when the loan closes, ends or its slot is reused,
    so the day's entries are checked against ``next_due`` when they are taken."""

    def __init__(self, last_day: int) -> None:
        self.last_day = last_day
        self.days: dict[int, list[I32]] = {}

    def file(self, at: At, due: npt.NDArray[np.int32] | int) -> None:
        """Entries are kept as int32, half the memory (loans number below 2**31: the memory
        budget allows far fewer)."""
        if isinstance(due, int):
            if due < self.last_day:
                self.days.setdefault(due, []).append(at.astype(np.int32))
            return
        for day in np.unique(due).tolist():
            if day < self.last_day:
                self.days.setdefault(day, []).append(at[due == day].astype(np.int32))

    def take(self, day: int, next_due: npt.NDArray[np.int32]) -> At:
        """The loans falling due on ``day``, in no order; a loan may be there twice (a slot
        freed and lent again may be filed twice for one day)."""
        filed = self.days.pop(day, [])
        if not filed:
            return np.empty(0, dtype=np.intp)
        loans = np.concatenate(filed) if len(filed) > 1 else filed[0]
        due: At = loans[next_due[loans] == day].astype(np.intp)
        return due


class NumpyEngine:
    """docs/engine.md over many paths at once; ``incomes`` is ``draw_incomes(...)``.

    Loans are addressed as ``at = slot × paths + path`` (``rows`` are their paths), which numpy
    gathers several times faster than (path, slot) pairs. Slot-major: most paths use only their
    first few slots, so the loans in use sit in the first part of each field, which keeps more
    of them in the CPU's caches; and slots added later go at the end, moving no loan."""

    def __init__(self, scenario: Scenario, incomes: np.ndarray, record_events: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 reports: MonthReports | None = None) -> None:
        paths = incomes.shape[0] if incomes.ndim == 2 else 0
        if paths < 1 or incomes.shape != (paths, scenario.months):
            raise ValueError(f"incomes must be shaped (paths ≥ 1, {scenario.months}), "
                             f"not {incomes.shape}")
        self.scenario = scenario
        self.policy = scenario.policy
        self.incomes = incomes.astype(np.int64, copy=False)
        self.progress = progress
        self.day = 0
        lenders = len(scenario.lenders)
        start_lines = [lender.max_amount_fen + scenario.policy.invite_friends
                       * lender.invite_bonus_fen for lender in scenario.lenders]
        self.rules = [LenderRules.of(lender, line)
                      for lender, line in zip(scenario.lenders, start_lines, strict=True)]
        self.largest_contract = self._check_exact()
        self.table = LenderTable(self.rules)
        self.level_factors = [(rule.level_factor(False), rule.level_factor(True))
                              for rule in self.rules]
        # Slots grow as loans need them; one need may take a loan from every lender.
        check_memory(paths, scenario.months, max(scenario.slots, lenders))
        self.slots = scenario.slots
        self.loans = Loans(paths, self.slots)
        self.slots_used = 0  # every loan is in a slot below this, so scans stop there
        self.cash = np.full(paths, scenario.borrower.savings_fen, dtype=np.int64)
        self.loan_cash = np.zeros(paths, dtype=np.int64)  # cash from loans, not spent yet
        self.cutting = np.zeros(paths, dtype=bool)
        # Per lender and path, lender-major so one lender's values are contiguous:
        first_lines = np.minimum(np.array(start_lines, dtype=np.int64), LINE_CEILING)
        self.line = np.repeat(first_lines[:, None], paths, axis=1)
        # A line without growth that starts within its cap never changes.
        self.lines_change = ((self.table.growth_num != self.table.growth_den)
                             | (first_lines > self.table.max_line))
        self.any_line_changes = bool(self.lines_change.any())
        self.ever_borrowed = np.zeros((lenders, paths), dtype=bool)
        self.mark = np.zeros(paths, dtype=bool)
        # Kept in step with the loans, so that checks need not look at every slot:
        self.owed = np.zeros((lenders, paths), dtype=np.int64)  # Σ balance of open loans
        self.loans_with = np.zeros((lenders, paths), dtype=np.int32)  # open loans per lender
        self.open_loans = np.zeros(paths, dtype=np.int32)
        self.overdue_loans = np.zeros(paths, dtype=np.int32)
        # Σ next_amount of open loans, for the debt-to-income rule (kept only if a lender has it)
        self.tracks_coming = any(rule.lender.max_debt_to_income is not None
                                 for rule in self.rules)
        self.coming = np.zeros(paths, dtype=np.int64)
        # Σ next instalments ÷ income > limit, exactly: above ⌊limit × income⌋ in fen.
        self.coming_ceiling = [
            None if rule.lender.max_debt_to_income is None
            else math.floor(exact(rule.lender.max_debt_to_income)
                            * scenario.borrower.monthly_income_fen) for rule in self.rules]
        self.stacked = np.zeros(paths, dtype=bool)  # this month: borrowed to repay a loan
        self.multi_lent = np.zeros(paths, dtype=bool)  # this month: a need from several lenders
        # The month's flows are summed in a block of their own, copied to the month's report
        # at its end (the report may be memory shared with another process, slower to touch);
        # levels are written at the month's end, one row per metric.
        self.reports = MonthReports.zeros(scenario.months, paths) if reports is None else reports
        if self.reports.state.shape != (scenario.months, paths):
            raise ValueError(f"reports must be for {scenario.months} months and {paths} paths")
        self.flows = np.zeros((len(FLOWS), paths), dtype=np.int64)
        self.levels = self.reports.levels
        self.events = EventLog(record_events)
        self.only_clear_borrowers = not record_events and all(
            rule.lender.refuse_when_overdue for rule in self.rules)
        self.calendar = DueCalendar(scenario.months * DAYS_PER_MONTH)

    def _check_exact(self) -> list[int]:
        """Raise if some lender's rates, fees or line cannot stay exact in int64; otherwise the
        largest contract each lender may make (checked again as loans are made, for lines that
        grow without a cap)."""
        largest = []
        for rule in self.rules:
            lender = rule.lender
            if not _fits(rule.growth.numerator + rule.growth.denominator,
                         rule.growth.denominator, 2):
                raise ValueError(f"lender {lender.id!r}: line_growth {lender.line_growth} is too "
                                 "precise for exact int64 arithmetic")
            limit = rule.largest_exact_contract()
            if rule.largest_line is not None and rule.largest_line > limit:
                raise ValueError(
                    f"lender {lender.id!r}: a loan of up to {rule.largest_line} fen at its rates "
                    "and fees needs integers beyond 2**62; use smaller amounts or rates with "
                    "shorter fractions")
            largest.append(limit)
        return largest

    # --- running ------------------------------------------------------------------------------

    @property
    def paths(self) -> int:
        return int(self.cash.shape[0])

    @property
    def months_done(self) -> int:
        return self.day // DAYS_PER_MONTH

    def advance(self, months: int = 1, policy: Policy | None = None) -> None:
        """Run whole months; a given policy replaces the current one from now on."""
        if months < 0 or self.months_done + months > self.scenario.months:
            raise ValueError(f"cannot advance {months} months: {self.months_done} of "
                             f"{self.scenario.months} are done")
        if policy is not None:
            self.policy = policy
        total = self.scenario.months * DAYS_PER_MONTH
        for _ in range(months):
            for _ in range(DAYS_PER_MONTH):
                self._run_day(self.day)
                self.day += 1
            if self.progress is not None:
                self.progress(self.day, total)

    def result(self) -> SimResult:
        """Every month so far; the arrays are views of rows later months never change."""
        done = self.months_done
        return SimResult(
            scenario=self.scenario,
            start_cash=np.full(self.paths, self.scenario.borrower.savings_fen, dtype=np.int64),
            metrics=self.reports.metrics(done),
            state=self.reports.state[:done].T,
            events=self.events.sorted([lender.id for lender in self.scenario.lenders]),
        )

    def _run_day(self, day: int) -> None:
        day_of_month = day % DAYS_PER_MONTH
        payday = day_of_month == self.scenario.borrower.payday - 1
        if day_of_month == 0:
            self._month_start(day // DAYS_PER_MONTH)
        if payday:
            self._payday(day // DAYS_PER_MONTH)
        self._dues(day)
        if self.policy.when_short in (WhenShort.STACK, WhenShort.ROLLOVER):
            self._shortfall(day)
        self._settle_overdue(day)
        if payday and self.policy.extra_payments is not ExtraPayments.NONE:
            self._extra_payments(day)
        self._mark_past_grace(day)
        if day_of_month == DAYS_PER_MONTH - 1:
            self._report_month(day)

    def _at(self, rows: Rows, slots: Rows) -> At:
        """Where the loans in these slots of these paths are kept."""
        at: At = slots * self.paths + rows
        return at

    def _grid(self, rows: Rows) -> At:
        """Every slot used of each path in ``rows``, one row each."""
        grid: At = np.arange(self.slots_used) * self.paths + rows[:, None]
        return grid

    def _rows_of(self, values: npt.NDArray[Field], rows: Rows,
                 slots: int | None = None) -> npt.NDArray[Field]:
        """The first ``slots`` slots (those used, by default) of a loan field for each path in
        ``rows``, one row each."""
        slots = self.slots_used if slots is None else slots
        return values[:slots * self.paths].reshape(slots, self.paths)[:, rows].T

    # --- steps 1 and 2: expenses, events and income -------------------------------------------

    def _month_start(self, month: int) -> None:
        expenses = self.scenario.borrower.monthly_expenses_fen
        needs = sum(event.amount_fen for event in self.scenario.events if event.falls_in(month))
        spending = np.where(self.cutting, self._cut_expenses(), expenses) + needs
        self.cash -= spending
        np.maximum(self.loan_cash - spending, 0, out=self.loan_cash)  # loan money goes first
        self.flows[SPENDING] += spending

    def _cut_expenses(self) -> int:
        """Monthly expenses while cutting, at the cut share of the policy now in force."""
        expenses = self.scenario.borrower.monthly_expenses_fen
        return round_fen(expenses * (1 - exact(self.policy.cut_share)))

    def _payday(self, month: int) -> None:
        income = self.incomes[:, month]
        self.cash += income
        self.flows[INCOME] += income

    # --- step 3: dues -------------------------------------------------------------------------

    def _dues(self, day: int) -> None:
        """Instalment k + 1 of every loan due today falls due (its interest and fees are
        incurred); under ``stack`` one borrowing per path covers them all (and a negative
        cash); then each is paid, rolled over or goes overdue, loans in slot order."""
        loans = self.loans
        falling = self.calendar.take(day, loans.next_due)
        if not falling.size:
            return
        # Path order, and slot order within a path, each loan once (sorting beats np.unique).
        order = np.sort(falling % self.paths * self.slots + falling // self.paths)
        rows, slots = np.divmod(order[np.diff(order, prepend=-1) != 0], self.slots)
        falling = self._at(rows, slots)
        offer = loans.offer[falling]
        terms = self._terms(falling, offer)
        balance = loans.balance[falling]
        due = instalment(terms, loans.k[falling] + 1, balance)
        k = loans.k[falling] + 1
        loans.k[falling] = k
        next_due = loans.next_due[falling] + self.table.by_offer.period[offer]
        loans.next_due[falling] = next_due
        # Only loans with an instalment still to fall due go back in the calendar (a rollover
        # files its loan again).
        more = np.flatnonzero(k < terms.n)
        self.calendar.file(falling[more], next_due[more])
        daily = Segments(rows)
        self.flows[INTEREST_INCURRED][daily.paths] += daily.sums(due.interest)
        self.flows[FEES_INCURRED][daily.paths] += daily.sums(due.fees)
        if self.tracks_coming:
            self._schedule_next(falling, k, balance - due.principal, terms, daily)
        if self.policy.when_short is WhenShort.STACK:
            total = daily.sums(due.due)
            cash = self.cash[daily.paths]
            short = np.flatnonzero((total > 0) & (cash < total))
            if short.size:
                self._borrow(daily.paths[short], total[short] - cash[short], day, to_repay=True)
        for turn in in_turn(rows, daily.starts):
            self._meet_due(rows[turn], falling[turn], day, due.where(turn))

    def _meet_due(self, rows: Rows, at: At, day: int, instalment: Instalment) -> None:
        """The instalments that fell due on these loans (one per path): paid, rolled over or
        overdue; then the loans close if done."""
        loans = self.loans
        lender = loans.lender[at]
        due = instalment.due
        paid = (due == 0) | (self.cash[rows] >= due)
        unpaid = np.flatnonzero(~paid)
        if unpaid.size:
            self._pay_instalment(rows[paid], at[paid], day, instalment.where(paid), lender[paid])
        else:
            self._pay_instalment(rows, at, day, instalment, lender)
        # The balance falls by the principal of every instalment paid or gone overdue.
        leaving: Mask | slice = slice(None)
        if self.policy.when_short is WhenShort.ROLLOVER:
            rolled = self._roll_over(rows[unpaid], at[unpaid], day, instalment.where(unpaid))
            if rolled.any():
                staying = np.zeros(at.size, dtype=bool)
                staying[unpaid[rolled]] = True
                leaving = ~staying
                unpaid = unpaid[~rolled]
        elif self.policy.when_short is WhenShort.CUT_SPENDING:
            self._start_cutting(rows[unpaid], day)
        if unpaid.size:
            self._go_overdue(rows[unpaid], at[unpaid], day, instalment.where(unpaid),
                             lender[unpaid])
        self._repay_principal(rows[leaving], at[leaving], instalment.principal[leaving],
                              lender=lender[leaving])
        last = loans.k[at] == self.table.n[lender]
        self._close_finished(rows, at, day, last, lender)
        loans.next_due[at[last]] = NEVER  # nothing more falls due (closed or not)

    def _terms(self, at: At, offer: I32 | None = None) -> Terms:
        """The terms of the loans at ``at`` (``offer``: their offers, if gathered already)."""
        loans, by_offer = self.loans, self.table.by_offer
        offer = loans.offer[at] if offer is None else offer
        return Terms(by_offer.method[offer], by_offer.n[offer], loans.contract[at],
                     by_offer.rate_num[offer], by_offer.rate_den[offer], loans.level[at],
                     loans.fees[at])

    def _instalment(self, at: At, number: I32, balance: I64 | None = None) -> Instalment:
        """Instalment ``number`` of the loans at ``at`` (with ``balance`` before it, their
        balance now if not given)."""
        balance = self.loans.balance[at] if balance is None else balance
        return instalment(self._terms(at), number, balance)

    def _schedule_next(self, at: At, k: I32, balance: I64, terms: Terms,
                       daily: Segments) -> None:
        """Record each loan's next instalment not yet fallen due (0 once ``k``, the instalments
        fallen due, reaches n), on the balance its schedule has then, for the debt-to-income
        rule (``daily``: the loans' paths, in order)."""
        loans = self.loans
        coming = k < terms.n
        amount = np.zeros(at.size, dtype=np.int64)
        if coming.all():
            amount = instalment(terms, k + 1, balance).due
        elif coming.any():
            amount[coming] = instalment(terms.where(coming), k[coming] + 1, balance[coming]).due
        change = amount - loans.next_amount[at]
        loans.next_amount[at] = amount
        self.coming[daily.paths] += daily.sums(change)

    def _set_next_amount(self, rows: Rows, at: At, amount: I64 | int,
                         repeated: bool = False) -> None:
        change = amount - self.loans.next_amount[at]
        self.loans.next_amount[at] = amount
        if repeated:
            np.add.at(self.coming, rows, change)
        else:
            self.coming[rows] += change

    def _pay_instalment(self, rows: Rows, at: At, day: int, paid: Instalment,
                        lender: I32) -> None:
        """Pay the instalments from cash (the caller lowers the balances)."""
        self._pay(rows, principal=paid.principal, interest=paid.interest, fees=paid.fees)
        if self.events.enabled:
            self.events.add(REPAID, day, rows, paid.due, lender)

    def _roll_over(self, rows: Rows, at: At, day: int, unpaid: Instalment) -> Mask:
        """Extend one-instalment loans whose lender allows it and whose borrower can pay the
        interest, fees and rollover fee; return which were extended."""
        loans, table = self.loans, self.table
        lender = loans.lender[at]
        fee = table.roll_fixed[lender] + times_ratio(loans.balance[at], table.roll_num[lender],
                                                     table.roll_den[lender])
        extension = unpaid.interest + unpaid.fees + fee
        rolled: Mask = (table.can_roll[lender]
                        & (loans.rollovers[at] < table.max_rollovers[lender])
                        & (table.n[lender] == 1) & (self.cash[rows] >= extension))
        paths = rows[rolled]
        self._pay(paths, interest=unpaid.interest[rolled], fees=unpaid.fees[rolled] + fee[rolled])
        self._add(FEES_INCURRED, paths, fee[rolled])
        loans.rollovers[at[rolled]] += 1
        loans.k[at[rolled]] -= 1
        self.calendar.file(at[rolled], loans.next_due[at[rolled]])
        if self.tracks_coming:
            self._set_next_amount(paths, at[rolled], unpaid.due[rolled])
        self.events.add(ROLLED, day, paths, extension[rolled], lender[rolled])
        return rolled

    def _start_cutting(self, rows: Rows, day: int) -> None:
        starting = rows[~self.cutting[rows]]
        self.cutting[starting] = True
        saving = self.scenario.borrower.monthly_expenses_fen - self._cut_expenses()
        self.events.add(CUT_SPENDING, day, starting, saving)

    def _go_overdue(self, rows: Rows, at: At, day: int, unpaid: Instalment,
                    lender: I32) -> None:
        """The instalments become overdue amounts (the caller lowers the balances)."""
        loans = self.loans
        starting = loans.overdue_since[at] == NOT_OVERDUE
        self._accrue_penalties(rows[~starting], at[~starting], day - 1)
        loans.od_principal[at] += unpaid.principal
        loans.od_interest[at] += unpaid.interest
        loans.od_fees[at] += unpaid.fees
        new = at[starting]
        loans.overdue_since[new] = day
        # The due date itself is not overdue: day 1 is the day after it.
        loans.penalty_from[new] = day + 1 + self.table.grace[lender[starting]]
        self.overdue_loans[rows[starting]] += 1
        loans.was_overdue[at] = True
        if self.events.enabled:
            self.events.add(WENT_OVERDUE, day, rows, unpaid.due, lender)

    def _close_finished(self, rows: Rows, at: At, day: int, last: Mask | None = None,
                        lender: I32 | None = None) -> None:
        """Close loans with every instalment fallen due (``last``, if known), nothing left and
        nothing overdue (a loan has overdue amounts exactly while it is overdue: only
        instalments above 0 go overdue, and settlement clears a loan as its amounts reach 0)."""
        loans = self.loans
        lender = loans.lender[at] if lender is None else lender
        if last is None:
            last = loans.k[at] == self.table.n[lender]
        done = last & (loans.balance[at] == 0) & (loans.overdue_since[at] == NOT_OVERDUE)
        self._close(rows[done], at[done], day, lenders=lender[done])

    def _close(self, rows: Rows, at: At, day: int, order: I64 | int = 0,
               joined: bool = False, lenders: I32 | None = None) -> None:
        """Free the slots (``joined``: a path may close several, after their payoffs); a loan
        never overdue grows its lender's line, once per loan."""
        loans = self.loans
        lenders = loans.lender[at] if lenders is None else lenders
        loans.open[at] = False
        loans.next_due[at] = NEVER
        if joined:
            np.subtract.at(self.loans_with, (lenders, rows), 1)
            np.subtract.at(self.open_loans, rows, 1)
        else:
            self.loans_with[lenders, rows] -= 1
            self.open_loans[rows] -= 1
        if self.tracks_coming:
            self._set_next_amount(rows, at, 0, repeated=joined)
        if self.events.enabled:
            self.events.add(CLOSED, day, rows, loans.contract[at], lenders, order=order,
                            joined=joined)
        growing = ~loans.was_overdue[at]
        self._grow_lines(rows[growing], lenders[growing], repeated=joined)

    def _grow_lines(self, rows: Rows, lenders: I32, repeated: bool = False) -> None:
        """line = min(round(line × (1 + growth)), max_line), once per closed loan (and at most
        LINE_CEILING, which growth of at most 11× keeps within int64 on the way); a path
        closing several loans of a lender at once (``repeated``) grows it once for each."""
        table = self.table
        if not self.any_line_changes:
            return
        changing = self.lines_change[lenders]
        if not changing.all():
            changing = np.flatnonzero(changing)
            rows, lenders = rows[changing], lenders[changing]
        if not repeated:
            where = (lenders, rows)
            grown = times_ratio(self.line[where], table.growth_num[lenders],
                                table.growth_den[lenders])
            self.line[where] = np.minimum(grown, table.max_line[lenders])
            return
        key = lenders * self.paths + rows
        while key.size:
            first = np.unique(key, return_index=True)[1]
            where = (lenders[first], rows[first])
            grown = times_ratio(self.line[where], table.growth_num[lenders[first]],
                                table.growth_den[lenders[first]])
            self.line[where] = np.minimum(grown, table.max_line[lenders[first]])
            later = np.ones(key.size, dtype=bool)
            later[first] = False
            rows, lenders, key = rows[later], lenders[later], key[later]

    def _repay_principal(self, rows: Rows, at: At, principal: I64, repeated: bool = False,
                         lender: I32 | None = None) -> None:
        """The balance falls (paid, gone overdue or paid off; ``repeated``: a path may appear
        more than once; ``lender``: the loans' lenders, if gathered already)."""
        self.loans.balance[at] -= principal
        lender = self.loans.lender[at] if lender is None else lender
        if repeated:
            np.subtract.at(self.owed, (lender, rows), principal)
        else:
            self.owed[lender, rows] -= principal

    # --- borrowing ----------------------------------------------------------------------------

    def _borrow(self, rows: Rows, need: I64, day: int, to_repay: bool) -> None:
        """Lenders in file order, one contract each, until each path's need is met (docs:
        Borrowing); ``to_repay``: the money is for instalments due (以贷养贷)."""
        clear = self.overdue_loans[rows] == 0  # no loan goes overdue while borrowing
        if self.only_clear_borrowers:
            # Every lender would refuse the others for their overdue loans; unlogged, that
            # changes nothing (a defaulted path short of cash every day costs nothing here).
            rows, need, clear = rows[clear], need[clear], clear[clear]
        else:
            need = need.copy()
        loans_before = self.open_loans[rows].copy()
        for index, rule in enumerate(self.rules):
            if rule.lender.refuse_when_overdue and not self.events.enabled:
                # It would refuse the others for their overdue loans; unlogged, that changes
                # nothing.
                waiting = np.flatnonzero((need > 0) & clear)
            else:
                waiting = np.flatnonzero(need > 0)
            if not waiting.size:
                continue
            received = self._try_lender(index, rows[waiting], need[waiting], day)
            need[waiting] -= received
        made = self.open_loans[rows] - loans_before
        if to_repay:
            self.stacked[rows[made > 0]] = True
        else:
            self.multi_lent[rows[made > 1]] = True

    def _try_lender(self, index: int, rows: Rows, need: I64, day: int) -> I64:
        """One lender's answer to each path: refused (logged), skipped, or a loan; returns
        what each path received."""
        available = self.line[index][rows] - self.owed[index][rows]
        if self.events.enabled:
            reason = self._refusal(index, rows, available)
            refused = reason != APPROVED
            self.events.add(REFUSED, day, rows[refused], need[refused], index, reason[refused])
        else:
            refused = self._refused(index, rows, available)
        received = np.zeros(rows.size, dtype=np.int64)
        approved = np.flatnonzero(~refused)
        if not approved.size:
            return received
        contract, fees = smallest_contracts(self.rules[index].payout_fees, need[approved],
                                            available[approved])
        payout = contract - fees
        lending = payout > 0
        received[approved[lending]] = payout[lending]
        self._lend(index, rows[approved[lending]], contract[lending], fees[lending], day)
        return received

    def _refused(self, index: int, rows: Rows, available: I64) -> Mask:
        """Whether this lender refuses each path, when no log needs the reason: the rules of
        ``_refusal`` at once rather than one after another (a lender refusing overdue
        borrowers is not asked by them, see ``_borrow``)."""
        lender = self.rules[index].lender
        refused: Mask = available <= 0
        ceiling = self.coming_ceiling[index]
        if ceiling is not None:
            refused |= self.coming[rows] > ceiling
        if lender.max_lenders is not None:
            refused |= self._other_lenders(rows, index) >= lender.max_lenders
        return refused

    def _refusal(self, index: int, rows: Rows, available: I64) -> I64:
        """The first reason this lender refuses each path (``available``: its line not used),
        or APPROVED."""
        lender = self.rules[index].lender
        ceiling = self.coming_ceiling[index]
        reason = np.full(rows.size, APPROVED, dtype=np.int64)

        def refuse(code: int, check: Callable[[Rows], Mask]) -> None:
            pending = np.flatnonzero(reason == APPROVED)
            if pending.size:
                reason[pending[check(pending)]] = code

        if lender.refuse_when_overdue:
            refuse(ANY_OVERDUE, lambda at: self.overdue_loans[rows[at]] > 0)
        if lender.max_lenders is not None:
            limit = lender.max_lenders
            refuse(TOO_MANY_LENDERS, lambda at: self._other_lenders(rows[at], index) >= limit)
        if ceiling is not None:
            refuse(DEBT_TO_INCOME, lambda at: self.coming[rows[at]] > ceiling)
        refuse(LINE_USED, lambda at: available[at] <= 0)
        return reason

    def _other_lenders(self, rows: Rows, index: int) -> I64:
        lending = self.loans_with[:, rows] > 0
        others: I64 = lending.sum(axis=0) - lending[index]
        return others

    def _lend(self, index: int, rows: Rows, contract: I64, fees_at_payout: I64,
              day: int) -> None:
        """Make the loans: fill each path's first free slot and pay out (``fees_at_payout``:
        deducted or paid at payout, ``payout_fees`` on the contracts)."""
        if not rows.size:
            return
        if (self.open_loans[rows] >= self.slots).any():
            self._grow_slots()
        rule, loans, table = self.rules[index], self.loans, self.table
        if int(contract.max()) > self.largest_contract[index]:
            raise ValueError(f"lender {rule.lender.id!r}: a contract of {int(contract.max())} "
                             "fen needs integers beyond 2**62")
        repeat = self.ever_borrowed[index][rows].astype(np.intp)
        # The first free slot: among those used, or the next one (never used, so free).
        free = self._first_free_slots(rows)
        self.slots_used = max(self.slots_used, int(free.max()) + 1)
        at = self._at(rows, free)
        loans.open[at] = True
        loans.lender[at] = index
        loans.offer[at] = 2 * index + repeat
        loans.contract[at] = contract
        loans.balance[at] = contract
        num, den = table.rate_num[index, repeat], table.rate_den[index, repeat]
        loans.k[at] = 0
        loans.next_due[at] = day + rule.period_days
        self.calendar.file(at, day + rule.period_days)
        level = np.zeros(rows.size, dtype=np.int64)
        if rule.method == EQUAL_INSTALLMENT:
            factors = self.level_factors[index]
            for again in (0, 1):
                chosen = repeat == again
                level[chosen] = level_payments(factors[again], contract[chosen])
            loans.level[at] = level
        fees = rule.per_instalment.on(contract)
        loans.fees[at] = fees
        if self.table.can_roll.any():  # otherwise every loan's rollovers stay 0
            loans.rollovers[at] = 0
        loans.late_fee_charged[at] = False
        loans.was_overdue[at] = False
        if self.tracks_coming:
            # The first instalment on the whole contract: Σ next instalments grows by it.
            first = instalment(Terms(rule.method, rule.n, contract, num, den, level, fees),
                               np.ones(rows.size, dtype=np.int32), contract).due
            loans.next_amount[at] = first
            self.coming[rows] += first
        self.ever_borrowed[index][rows] = True
        self.owed[index][rows] += contract
        self.loans_with[index][rows] += 1
        self.open_loans[rows] += 1
        received = contract - fees_at_payout
        loans.gap[at] = fees_at_payout
        cash = self.cash[rows] + received
        self.cash[rows] = cash
        self.loan_cash[rows] = np.minimum(self.loan_cash[rows] + received, np.maximum(cash, 0))
        if rule.at_payout.terms:  # some fees are paid at payout rather than deducted
            deducted = rule.deducted.on(contract)
            self._add(RECEIVED, rows, contract - deducted)
            self._add(PAID, rows, fees_at_payout - deducted)
        else:  # every payout fee is deducted: none is paid
            self._add(RECEIVED, rows, received)
        self._add(FEES, rows, fees_at_payout)
        self._add(FEES_INCURRED, rows, fees_at_payout)
        self._add(FROM_LOANS, rows, fees_at_payout)  # paid out of the new loan itself
        self._add(NEW_LOANS, rows, 1)
        self.events.add(LOAN, day, rows, contract, index)

    def _first_free_slots(self, rows: Rows) -> Rows:
        """Each path's first free slot (one exists: slots grow before), looking at slot 0 of
        every path, then slot 1 of those whose slot 0 is taken, and so on."""
        free = np.zeros(rows.size, dtype=np.intp)
        waiting = np.arange(rows.size)
        for slot in range(self.slots):
            waiting = waiting[self.loans.open[slot * self.paths + rows[waiting]]]
            if not waiting.size:
                break
            free[waiting] = slot + 1
        return free

    def _grow_slots(self) -> None:
        """Twice the loan slots for every path (a slot is storage, never a reason to refuse)."""
        old = self.slots
        check_memory(self.paths, self.scenario.months, 2 * old)
        blank = Loans(1, 1)
        for name, values in vars(self.loans).items():  # one field at a time: a lower peak
            grown = np.empty(2 * values.size, dtype=values.dtype)
            grown[:values.size] = values
            grown[values.size:] = getattr(blank, name)[0]
            setattr(self.loans, name, grown)
        self.slots = 2 * old  # new slots go after the old: no loan moves

    # --- step 4: shortfall --------------------------------------------------------------------

    def _shortfall(self, day: int) -> None:
        short = self.cash < 0
        if self.only_clear_borrowers:
            short &= self.overdue_loans == 0
        rows = np.flatnonzero(short)
        if rows.size:
            self._borrow(rows, -self.cash[rows], day, to_repay=False)

    # --- step 5: overdue settlement -----------------------------------------------------------

    def _settle_overdue(self, day: int) -> None:
        """Loans in slot order pay what is overdue while cash is positive."""
        rows = np.flatnonzero((self.overdue_loans > 0) & (self.cash > 0))
        if not rows.size:
            return
        which, slots = np.nonzero(self._rows_of(self.loans.overdue_since, rows) != NOT_OVERDUE)
        for turn in in_turn(which):
            paths = rows[which[turn]]
            paying = self.cash[paths] > 0
            self._settle(paths[paying], self._at(paths[paying], slots[turn][paying]), day)

    def _settle(self, rows: Rows, at: At, day: int) -> None:
        """Pay penalties, fees, interest, then principal, as far as cash goes."""
        loans = self.loans
        self._accrue_penalties(rows, at, day - 1)
        cash = self.cash[rows]
        settled = np.zeros(rows.size, dtype=np.int64)
        still_overdue = np.zeros(rows.size, dtype=np.int64)
        for flow, bucket in ((PENALTIES, loans.od_penalties), (FEES, loans.od_fees),
                             (INTEREST, loans.od_interest), (PRINCIPAL, loans.od_principal)):
            overdue = bucket[at]
            if cash.any():  # else nothing more is paid: the rest stays overdue
                amount = np.minimum(cash, overdue)
                overdue -= amount
                bucket[at] = overdue
                cash -= amount
                settled += amount
                self._add(flow, rows, amount)
            still_overdue += overdue
        self.cash[rows] = cash
        self._add(PAID, rows, settled)
        self._from_loans(rows, settled)
        if self.events.enabled:
            self.events.add(REPAID, day, rows, settled, loans.lender[at])
        cleared = still_overdue == 0
        loans.overdue_since[at[cleared]] = NOT_OVERDUE
        loans.late_fee_charged[at[cleared]] = False
        self.overdue_loans[rows[cleared]] -= 1
        self._close_finished(rows[cleared], at[cleared], day)

    # --- step 6: extra payments ---------------------------------------------------------------

    def _extra_payments(self, day: int) -> None:
        """Pay off open loans in avalanche or snowball order while what is spare covers them."""
        loans = self.loans
        rows = np.flatnonzero((self.overdue_loans == 0) & (self.open_loans > 0))
        if not rows.size:
            return
        spare = self.cash[rows] - self.scenario.borrower.monthly_expenses_fen
        grid = self._grid(rows)
        candidate = loans.open[grid]
        next_one = self._instalment(grid, loans.k[grid] + 1)
        next_one = Instalment(next_one.principal,
                              self._payoff_interest(grid, day, next_one.interest), next_one.fees)
        payoff = loans.balance[grid] + next_one.interest + next_one.fees
        if self.policy.extra_payments is ExtraPayments.AVALANCHE:
            key = self.table.by_offer.rank[loans.offer[grid]].astype(np.int64)
        else:
            key = payoff.copy()
        key[~candidate] = np.iinfo(np.int64).max
        order = np.argsort(key, axis=1, kind="stable")
        in_order = np.take_along_axis(candidate, order, axis=1)
        costs = np.where(in_order, np.take_along_axis(payoff, order, axis=1), 0)
        affordable = in_order & (np.cumsum(costs, axis=1) <= spare[:, None])
        which, position = np.nonzero(np.logical_and.accumulate(affordable, axis=1))
        slots = order[which, position]
        self._pay_off(rows[which], grid[which, slots], position, day,
                      Instalment(loans.balance[grid[which, slots]],
                                 next_one.interest[which, slots], next_one.fees[which, slots]))

    def _payoff_interest(self, at: At, day: int, scheduled: I64) -> I64:
        """Interest due when paying off on ``day``: the next instalment's (``scheduled``), or
        for a daily-interest product the interest to that day (at least one day), on the
        contract for bullet and interest-first loans (a bullet's since payout) and on the
        balance otherwise."""
        loans, by_offer = self.loans, self.table.by_offer
        offer = loans.offer[at]
        method = by_offer.method[offer]
        daily_num = by_offer.daily_num[offer]
        to_date = (daily_num > 0) & (method != FLAT_FEE)
        if not to_date.any():
            return scheduled
        bullet = method == BULLET
        span = np.where(bullet, by_offer.n[offer] - loans.k[at], 1).astype(np.int64)
        start = loans.next_due[at].astype(np.int64) - by_offer.period[offer] * span
        days = np.maximum(1, day - start)
        basis = np.where(bullet | (method == INTEREST_FIRST), loans.contract[at],
                         loans.balance[at])
        interest = times_ratio(basis, daily_num * days, by_offer.daily_den[offer])
        return np.where(to_date, interest, scheduled)

    def _pay_off(self, rows: Rows, at: At, position: Rows, day: int,
                 payoff: Instalment) -> None:
        """Pay off whole loans (a path may appear several times) and close them."""
        for flow, amount in ((PRINCIPAL, payoff.principal), (INTEREST, payoff.interest),
                             (FEES, payoff.fees), (PAID, payoff.due),
                             (INTEREST_INCURRED, payoff.interest), (FEES_INCURRED, payoff.fees)):
            np.add.at(self.flows[flow], rows, amount)
        np.subtract.at(self.cash, rows, payoff.due)
        paths, where = np.unique(rows, return_inverse=True)
        total = np.zeros(paths.size, dtype=np.int64)
        np.add.at(total, where, payoff.due)
        self._from_loans(paths, total)
        self._repay_principal(rows, at, payoff.principal, repeated=True)
        order = 2 * position.astype(np.int64)
        self.events.add(EXTRA_PAYMENT, day, rows, payoff.due, self.loans.lender[at],
                        order=order)
        self._close(rows, at, day, order=order + 1, joined=True)

    # --- step 7: penalties --------------------------------------------------------------------

    def _accrue_penalties(self, rows: Rows, at: At, through: int,
                          distinct: bool = True) -> None:
        """Charge the overdue loans at ``at`` every penalty up to day ``through`` not charged
        yet: the late fee once per spell on the first day past grace, and each day
        round(base × daily rate). ``distinct``: each path has one loan here at most; else the loans
        are in ascending ``at`` (the month's end).

        That base changes only when an instalment goes overdue or is settled, and this runs
        just before either (and at each month's end), so every day in between costs the same:
        step 7 of docs/engine.md, to the fen, without touching every overdue loan every day."""
        if not at.size:
            return
        loans, table = self.loans, self.table
        days = through - loans.penalty_from[at] + 1
        late = table.same_late
        if late is None:
            lender = loans.lender[at]
            charging = (days > 0) & table.has_late[lender]
        else:
            charging = days > 0
        if not charging.all():
            if not charging.any():
                return
            rows, at, days = rows[charging], at[charging], days[charging]
            if late is None:
                lender = lender[charging]
        if late is None:
            kind = table.penalty_base[lender]
            base = loans.od_principal[at] + np.where(kind >= COMPOUNDING - 1,
                                                     loans.od_interest[at], 0)
            fee = np.where(loans.late_fee_charged[at], 0, table.late_fee[lender])
            num, den = table.penalty_num[lender], table.penalty_den[lender]
            penalty = days * times_ratio(base, num, den) + fee
            compounding = np.flatnonzero(kind == COMPOUNDING)
            if compounding.size:
                penalty[compounding] = self._compound(
                    base[compounding] + loans.od_fees[at[compounding]]
                    + loans.od_penalties[at[compounding]], days[compounding], fee[compounding],
                    num[compounding], den[compounding])
        else:  # every lender has these late terms: no per-loan lookups
            base = loans.od_principal[at]
            if late.base >= COMPOUNDING - 1:
                base = base + loans.od_interest[at]
            fee = np.where(loans.late_fee_charged[at], 0, late.fee)
            if late.base == COMPOUNDING:
                size = at.size
                penalty = self._compound(base + loans.od_fees[at] + loans.od_penalties[at],
                                         days, fee, np.full(size, late.num),
                                         np.full(size, late.den))
            else:
                penalty = days * times_ratio(base, late.num, late.den) + fee
        loans.late_fee_charged[at] = True
        loans.od_penalties[at] += penalty
        loans.penalty_from[at] = through + 1
        if distinct:
            self.flows[PENALTIES_INCURRED][rows] += penalty
        else:  # the month's end: every overdue loan, ascending
            self.flows[PENALTIES_INCURRED] += self._per_path(at, penalty)

    @staticmethod
    def _compound(base: I64, days: I32, fee: I64, num: I64, den: I64) -> I64:
        """Penalties on a base that includes them ("all"): day by day, the first day's late fee
        joining the base after that day's penalty."""
        total = np.zeros_like(base)
        for day in range(int(days.max())):
            going = np.flatnonzero(days > day)
            charge = times_ratio(base[going], num[going], den[going])
            if day == 0:
                charge += fee[going]
            base[going] += charge
            total[going] += charge
        return total

    def _mark_past_grace(self, day: int) -> None:
        """The first day a loan of a path is past its grace period sets the credit mark."""
        rows = np.flatnonzero((self.overdue_loans > 0) & ~self.mark)
        if not rows.size:
            return
        since = self._rows_of(self.loans.overdue_since, rows)
        lender = self._rows_of(self.loans.lender, rows)
        past = (since != NOT_OVERDUE) & (day - since > self.table.grace[lender])
        marked = np.flatnonzero(past.any(axis=1))
        first = np.argmax(past[marked], axis=1)
        self.mark[rows[marked]] = True
        self.events.add(CREDIT_MARK, day, rows[marked], 0, lender[marked, first])

    # --- reports ------------------------------------------------------------------------------

    def _report_month(self, day: int) -> None:
        """Month-end levels from the loans that hold them: only overdue loans have overdue
        amounts and an overdue day, only open loans a principal outstanding."""
        month = day // DAYS_PER_MONTH
        loans = self.loans
        used = self.slots_used * self.paths
        overdue = np.flatnonzero(loans.overdue_since[:used] != NOT_OVERDUE)
        rows = overdue % self.paths
        self._accrue_penalties(rows, overdue, day, distinct=False)
        costs_owed = self._per_path(overdue, loans.od_interest[overdue]
                                    + loans.od_fees[overdue] + loans.od_penalties[overdue])
        self.levels["costs_owed"][month] = costs_owed
        self.levels["debt"][month] = (self.owed.sum(axis=0) + costs_owed
                                      + self._per_path(overdue, loans.od_principal[overdue]))
        lent = np.flatnonzero(loans.open[:used])
        self.levels["principal_received_outstanding"][month] = self._per_path(
            lent, np.maximum(loans.balance[lent] + loans.od_principal[lent] - loans.gap[lent], 0))
        self.levels["cash"][month] = self.cash
        self.levels["active_loans"][month] = self.open_loans
        self.levels["active_lenders"][month] = (self.loans_with > 0).sum(axis=0)
        first_overdue = np.full(self.paths, day, dtype=np.int32)
        since = loans.overdue_since[overdue]
        for part in self._by_slot(overdue):  # each path once per slot
            paths = rows[part]
            first_overdue[paths] = np.minimum(first_overdue[paths], since[part])
        days_overdue = day - first_overdue.astype(np.int64)
        self.levels["days_overdue"][month] = days_overdue
        self.reports.state[month] = np.select(
            [days_overdue > 90, days_overdue > 30, days_overdue > 0, self.stacked,
             self.multi_lent], [DEFAULT, COLLECTIONS, OVERDUE, STACKING, MULTI_LENDING], OK)
        self.reports.flows[month] = self.flows
        self.flows.fill(0)
        self.stacked[:] = False
        self.multi_lent[:] = False

    # --- ledger -------------------------------------------------------------------------------

    def _per_path(self, at: At, values: I64) -> I64:
        """Σ values per path of the loans at ``at`` (ascending), exact in int64."""
        total = np.zeros(self.paths, dtype=np.int64)
        rows = at % self.paths
        for part in self._by_slot(at):  # each path once per slot: no repeated index
            total[rows[part]] += values[part]
        return total

    def _by_slot(self, at: At) -> list[slice]:
        """Where each slot's loans are in ascending ``at``."""
        bounds = np.searchsorted(at, np.arange(self.slots_used + 1) * self.paths).tolist()
        return [slice(start, stop) for start, stop in itertools.pairwise(bounds) if stop > start]

    def _from_loans(self, rows: Rows, paid: I64 | int) -> None:
        """Payments to lenders (``rows`` distinct paths) use money from loans first."""
        used = np.minimum(paid, self.loan_cash[rows])
        self.loan_cash[rows] -= used
        self._add(FROM_LOANS, rows, used)

    def _add(self, flow: int, rows: Rows, amount: I64 | int) -> None:
        """Add to a month flow; ``rows`` are distinct paths."""
        self.flows[flow][rows] += amount

    def _pay(self, rows: Rows, principal: I64 | int = 0, interest: I64 | int = 0,
             fees: I64 | int = 0) -> None:
        """Money paid to lenders from cash now (``rows`` are distinct paths)."""
        total = principal + interest + fees
        self.cash[rows] -= total
        self._add(PAID, rows, total)
        self._from_loans(rows, total)
        self._add(PRINCIPAL, rows, principal)
        self._add(INTEREST, rows, interest)
        self._add(FEES, rows, fees)
