"""The numpy engine the app uses: paths × loan slots as integer arrays, one day at a time.

The rules are docs/engine.md, to the fen, so every ledger equals the plain-Python
ReferenceEngine's. Each day makes a few cheap whole-array checks, then works only on the paths
that have something to do (a loan falling due, a shortfall, an overdue amount), loan slots in
order and lenders in file order, vectorized over those paths. Month starts and paydays touch
every path at once. Only month reports are kept, so 100,000 paths fit in a few hundred MiB.

Where docs/engine.md leaves room, this engine reads it as the reference engine does:
- A loan whose last instalment has fallen due has nothing more due, even while overdue.
- An instalment of 0 (bullet and interest-first rows before the last) is paid even while cash
  is negative, so it never opens an overdue spell of nothing.
- A lender without ``late`` terms has no grace period: its overdue loans set the credit mark on
  their first overdue day, and it charges nothing.
- Overdue settlement goes through loans in slot order and stops as soon as cash is not positive;
  each loan it reaches logs ``repaid`` with the amount settled.
- Extra payments keep a full month of (uncut) expenses and stop at the first candidate whose
  payoff exceeds what is spare ("while").
- "Stacking" means a loan taken while any other loan of the path is open, including a loan made
  moments earlier in the same borrowing.
- The debt-to-income check counts, for each open loan, the next instalment not yet fallen due
  (none once ``k == n``).
- Credit lines start from the scenario's policy (``invite_friends``); a later policy does not
  change them. Spending cuts, once started, stay in force, at the cut share now in force.
- Event amounts: ``loan`` and ``closed`` the contract, ``repaid`` / ``overdue`` the instalment
  (``repaid`` from settlement: the amount settled), ``rolled`` the extension paid,
  ``extra_payment`` the payoff, ``refused`` the need, ``credit_mark`` 0 with the lender of the
  first loan past its grace, ``cut_spending`` the monthly saving (no lender), logged once when
  cutting starts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from debtcoach.finance.money import round_fen
from debtcoach.finance.offers import Fee, FeeTiming, Repayment
from debtcoach.finance.periods import MONTH, Period, Unit
from debtcoach.sim.results import (
    COLLECTIONS,
    DEFAULT,
    FLOWS,
    LEVELS,
    OK,
    OVERDUE,
    STACKING,
    SimEvent,
    SimResult,
)
from debtcoach.sim.scenario import ExtraPayments, Lender, Policy, Scenario, WhenShort, exact

I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]
Mask = npt.NDArray[np.bool_]
Rows = npt.NDArray[np.intp]
Index = tuple[Rows, int] | tuple[Rows, Rows] | tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]

DAYS_PER_MONTH = 30
EXACT_LIMIT = 2**62  # every product of an amount and a rate numerator stays below this
# Contracts above CONTRACT_LIMIT are refused with an error (1.4 trillion yuan: never real), so a
# credit line can stop growing at LINE_CEILING without changing anything: it still leaves more
# room than any contract after the largest possible balances of its other slots (≤ 256 × limit).
CONTRACT_LIMIT = 2**47
LINE_CEILING = 2**56
NEVER = np.iinfo(np.int32).max  # next_due of a free slot
NOT_OVERDUE = -1

METHODS = tuple(Repayment)
BULLET, EQUAL_INSTALLMENT, EQUAL_PRINCIPAL, INTEREST_FIRST, FLAT_FEE = (
    METHODS.index(method) for method in (
        Repayment.BULLET, Repayment.EQUAL_INSTALLMENT, Repayment.EQUAL_PRINCIPAL,
        Repayment.INTEREST_FIRST, Repayment.FLAT_FEE))

(RECEIVED, PAID, PRINCIPAL, INTEREST, FEES, PENALTIES, COSTS, NEW_LOANS, INCOME,
 SPENDING) = (FLOWS.index(name) for name in (
     "cash_received", "cash_paid", "paid_principal", "paid_interest", "paid_fees",
     "paid_penalties", "costs", "new_loans", "income", "spending"))

KINDS = ("loan", "repaid", "closed", "rolled", "refused", "overdue", "credit_mark",
         "cut_spending", "extra_payment")
(LOAN, REPAID, CLOSED, ROLLED, REFUSED, WENT_OVERDUE, CREDIT_MARK, CUT_SPENDING,
 EXTRA_PAYMENT) = range(len(KINDS))
REASONS = ("", "overdue", "too_many_lenders", "debt_to_income", "no_slot", "line_used")
(APPROVED, ANY_OVERDUE, TOO_MANY_LENDERS, DEBT_TO_INCOME, NO_SLOT, LINE_USED) = range(
    len(REASONS))
NO_LENDER = -1


def times_ratio(amount: I64, num: I64 | int, den: I64 | int) -> I64:
    """round half-up (amount × num / den) in int64 without forming amount × num × 2."""
    quotient, remainder = np.divmod(amount, den)
    result: I64 = quotient * num + (2 * remainder * num + den) // (2 * den)
    return result


def _fits(*factors: int) -> bool:
    return math.prod(factors) < EXACT_LIMIT


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

    def on_one(self, contract: int) -> int:
        return sum(times * (fixed + round_fen(Fraction(contract * num, den)))
                   for times, fixed, num, den in self.terms)

    @property
    def share(self) -> Fraction:
        return sum((Fraction(times * num, den) for times, _, num, den in self.terms), Fraction(0))

    @property
    def fixed(self) -> int:
        return sum(times * fixed for times, fixed, _, _ in self.terms)

    @property
    def rounding_slack(self) -> Fraction:
        """How far the rounded fees can fall below fixed + share × P (half a fen per share)."""
        return Fraction(sum(times for times, _, num, _ in self.terms if num), 2)

    def exact_for(self, contract: int) -> bool:
        return all(_fits(contract, num, 2) and _fits(num, den, 2)
                   for _, _, num, den in self.terms)


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
        count = lender.term.count
        if lender.term.unit is Unit.DAY:
            period, n, period_days, months = Period(Unit.DAY, count), 1, count, -(-count // 30)
        else:
            period, n, period_days, months = MONTH, count, DAYS_PER_MONTH, 0
        fees = [fee for _, fee in lender.fees()]
        monthly_per_instalment = 0 if lender.term.unit is Unit.DAY else 1
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
                (1 if fee.timing is FeeTiming.PER_PERIOD else monthly_per_instalment, fee)
                for fee in fees if fee.timing in (FeeTiming.PER_PERIOD, FeeTiming.PER_MONTH)),
            growth=growth,
            largest_line=cls._largest_line(lender, start_line, growth),
        )

    @staticmethod
    def _largest_line(lender: Lender, start_line: int, growth: Fraction) -> int | None:
        if lender.max_line_fen is not None:
            return max(start_line, lender.max_line_fen)
        return start_line if growth == 0 else None

    @property
    def payout_fees(self) -> FeeSum:
        return self.deducted + self.at_payout

    def owed_bound(self, contract: int) -> int:
        """More than a loan of ``contract`` can ever have overdue (the penalty base)."""
        rate = max(self.rates)
        fees = self.per_instalment.fixed + self.per_instalment.share * contract + 1
        return math.ceil(contract + self.n * (contract * rate * 2 + 2 + fees))

    def exact_for(self, contract: int) -> bool:
        """Whether every integer product this lender's loans of ``contract`` need fits int64."""
        late = self.lender.late
        rollover = self.lender.rollover_fee
        checks = [self.payout_fees.exact_for(contract), self.per_instalment.exact_for(contract)]
        checks += [_fits(contract, self.n, rate.numerator, 2)
                   and _fits(rate.numerator, rate.denominator, 2) for rate in self.rates]
        if late is not None:
            penalty = late.penalty_rate.per(Period(Unit.DAY)).value
            checks.append(_fits(self.owed_bound(contract), penalty.numerator, 2)
                          and _fits(penalty.numerator, penalty.denominator, 2))
        if rollover is not None:
            checks.append(_fits(contract, rollover.share.numerator, 2)
                          and _fits(rollover.share.numerator, rollover.share.denominator, 2))
        return all(checks)

    def largest_exact_contract(self) -> int:
        """The largest contract for which ``exact_for`` holds (it is monotone in the contract)."""
        low, high = 0, CONTRACT_LIMIT
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if self.exact_for(middle) else (low, middle - 1)
        return low

    def level_factor(self, repeat: bool) -> Fraction:
        """A = round(P × factor) for equal instalments: i / (1 − (1 + i)^−n)."""
        rate = self.rates[repeat]
        if rate == 0:
            return Fraction(1, self.n)
        return rate / (1 - (1 + rate) ** -self.n)


class LenderTable:
    """Per-lender values as arrays, looked up with a loan's lender index."""

    def __init__(self, rules: list[LenderRules]) -> None:
        lenders = [rule.lender for rule in rules]
        self.method = np.array([rule.method for rule in rules], dtype=np.int8)
        self.has_late = np.array([lender.late is not None for lender in lenders], dtype=bool)
        self.grace = np.array([lender.late.grace_days if lender.late else 0
                               for lender in lenders], dtype=np.int32)
        self.late_fee = np.array([lender.late.late_fee_fen if lender.late else 0
                                  for lender in lenders], dtype=np.int64)
        penalties = [lender.late.penalty_rate.per(Period(Unit.DAY)).value if lender.late
                     else Fraction(0) for lender in lenders]
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
        self.max_line = np.array([NEVER if lender.max_line_fen is None else lender.max_line_fen
                                  for lender in lenders], dtype=np.int64)
        self.max_line[self.max_line == NEVER] = LINE_CEILING
        np.minimum(self.max_line, LINE_CEILING, out=self.max_line)


class Loans:
    """The docs' per-loan state, one row of slots per path."""

    def __init__(self, paths: int, slots: int) -> None:
        shape = (paths, slots)
        self.open = np.zeros(shape, dtype=bool)
        self.lender = np.zeros(shape, dtype=np.int32)
        self.rank = np.zeros(shape, dtype=np.int32)  # avalanche order: 0 is the highest rate
        self.contract = np.zeros(shape, dtype=np.int64)
        self.balance = np.zeros(shape, dtype=np.int64)
        self.rate_num = np.zeros(shape, dtype=np.int64)
        self.rate_den = np.ones(shape, dtype=np.int64)
        self.n = np.ones(shape, dtype=np.int32)
        self.k = np.zeros(shape, dtype=np.int32)
        self.next_due = np.full(shape, NEVER, dtype=np.int32)
        self.period = np.ones(shape, dtype=np.int32)
        self.level = np.zeros(shape, dtype=np.int64)
        self.fees = np.zeros(shape, dtype=np.int64)
        self.rollovers = np.zeros(shape, dtype=np.int32)
        self.od_principal = np.zeros(shape, dtype=np.int64)
        self.od_interest = np.zeros(shape, dtype=np.int64)
        self.od_fees = np.zeros(shape, dtype=np.int64)
        self.od_penalties = np.zeros(shape, dtype=np.int64)
        self.overdue_since = np.full(shape, NOT_OVERDUE, dtype=np.int32)
        self.late_fee_charged = np.zeros(shape, dtype=bool)
        self.penalty_from = np.zeros(shape, dtype=np.int32)  # first day not yet charged
        self.was_overdue = np.zeros(shape, dtype=bool)

    def overdue_total(self, at: Index) -> I64:
        total: I64 = (self.od_principal[at] + self.od_interest[at] + self.od_fees[at]
                      + self.od_penalties[at])
        return total


class Instalment(NamedTuple):
    principal: I64
    interest: I64
    fees: I64

    @property
    def due(self) -> I64:
        due: I64 = self.principal + self.interest + self.fees
        return due

    def where(self, mask: Mask) -> Instalment:
        return Instalment(self.principal[mask], self.interest[mask], self.fees[mask])


class Falling(NamedTuple):
    """The loans in ``slot`` whose instalment is falling due while their paths borrow: their
    balance still holds that instalment's ``principal`` (aligned with the borrowing paths)."""

    slot: int
    principal: I64

    def where(self, chosen: Rows | Mask) -> Falling:
        return Falling(self.slot, self.principal[chosen])


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
                                               np.full(size, kind))) + (np.full(size, day),))

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


class NumpyEngine:
    """docs/engine.md over many paths at once; ``incomes`` is ``draw_incomes(...)``."""

    def __init__(self, scenario: Scenario, incomes: np.ndarray, record_events: bool = False,
                 progress: Callable[[int, int], None] | None = None) -> None:
        paths = incomes.shape[0] if incomes.ndim == 2 else 0
        if paths < 1 or incomes.shape != (paths, scenario.months):
            raise ValueError(f"incomes must be shaped (paths ≥ 1, {scenario.months}), "
                             f"not {incomes.shape}")
        self.scenario = scenario
        self.policy = scenario.policy
        self.incomes = incomes.astype(np.int64, copy=False)
        self.progress = progress
        self.day = 0
        start_lines = [lender.max_amount_fen + scenario.policy.invite_friends
                       * lender.invite_bonus_fen for lender in scenario.lenders]
        self.rules = [LenderRules.of(lender, line)
                      for lender, line in zip(scenario.lenders, start_lines, strict=True)]
        self.safe_contract = self._check_exact(scenario)
        self.table = LenderTable(self.rules)
        self.rank_of = self._rate_ranks()
        self.level_factors = [(rule.level_factor(False), rule.level_factor(True))
                              for rule in self.rules]
        self.loans = Loans(paths, scenario.slots)
        self.slot_numbers = np.arange(scenario.slots)
        self.cash = np.full(paths, scenario.borrower.savings_fen, dtype=np.int64)
        self.cutting = np.zeros(paths, dtype=bool)
        self.line = np.tile(np.minimum(start_lines, LINE_CEILING).astype(np.int64), (paths, 1))
        self.ever_borrowed = np.zeros((paths, len(scenario.lenders)), dtype=bool)
        self.mark = np.zeros(paths, dtype=bool)
        self.overdue_loans = np.zeros(paths, dtype=np.int32)  # loans with overdue_since set
        self.stacked = np.zeros(paths, dtype=bool)  # this month
        self.flows = np.zeros((len(FLOWS), paths), dtype=np.int64)
        self.metrics = {name: np.zeros((paths, scenario.months), dtype=np.int64)
                        for name in FLOWS + LEVELS}
        self.state = np.zeros((paths, scenario.months), dtype=np.int8)
        self.events = EventLog(record_events)

    # --- set-up -------------------------------------------------------------------------------

    def _check_exact(self, scenario: Scenario) -> list[int]:
        """Raise if some lender's rates or lines cannot stay exact in int64; otherwise the
        largest contract each lender may make (checked again as loans are made)."""
        if not _fits(scenario.borrower.monthly_income_fen, 2**20):
            raise ValueError("monthly_income is too large for exact int64 arithmetic")
        safe = []
        for rule in self.rules:
            if not _fits(rule.growth.numerator + rule.growth.denominator,
                         rule.growth.denominator, 2):
                raise ValueError(f"lender {rule.lender.id!r}: line_growth {rule.lender.line_growth}"
                                 " is too precise for exact int64 arithmetic")
            limit = min(rule.largest_exact_contract(), CONTRACT_LIMIT)
            if rule.largest_line is not None and rule.largest_line > limit:
                raise ValueError(
                    f"lender {rule.lender.id!r}: a loan of up to {rule.largest_line} fen at its "
                    "rates and fees needs integers beyond 2**62; use smaller amounts or rates "
                    "with shorter fractions")
            ratio = rule.lender.max_debt_to_income
            if ratio is not None and not _fits(exact(ratio).numerator,
                                               scenario.borrower.monthly_income_fen + 1, 2):
                raise ValueError(f"lender {rule.lender.id!r}: max_debt_to_income {ratio} is "
                                 "too precise for exact int64 arithmetic")
            safe.append(limit)
        return safe

    def _rate_ranks(self) -> I32:
        """Avalanche order of (lender, repeat) rates: rank 0 has the highest annual rate."""
        annual = [[rate * rule.period.per_year for rate in rule.rates] for rule in self.rules]
        every = sorted({rate for pair in annual for rate in pair}, reverse=True)
        return np.array([[every.index(rate) for rate in pair] for pair in annual],
                        dtype=np.int32).reshape(len(self.rules), 2)

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
        done = self.months_done
        return SimResult(
            scenario=self.scenario,
            start_cash=np.full(self.paths, self.scenario.borrower.savings_fen, dtype=np.int64),
            metrics={name: values[:, :done] for name, values in self.metrics.items()},
            state=self.state[:, :done],
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
        if self.policy.when_short is WhenShort.STACK:
            self._shortfall(day)
        self._settle_overdue(day)
        if payday and self.policy.extra_payments is not ExtraPayments.NONE:
            self._extra_payments(day)
        self._mark_past_grace(day)
        if day_of_month == DAYS_PER_MONTH - 1:
            self._report_month(day)

    # --- steps 1 and 2: expenses, events and income -------------------------------------------

    def _month_start(self, month: int) -> None:
        borrower = self.scenario.borrower
        cut = self._cut_expenses()
        needs = sum(event.amount_fen for event in self.scenario.events if event.falls_in(month))
        spending = np.where(self.cutting, cut, borrower.monthly_expenses_fen) + needs
        self.cash -= spending
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
        rows, slots = np.nonzero(self.loans.next_due == day)
        for slot in np.unique(slots):
            self._fall_due(rows[slots == slot], int(slot), day)

    def _fall_due(self, rows: Rows, slot: int, day: int) -> None:
        """Instalment k + 1 of these loans falls due: paid, borrowed for, rolled or overdue."""
        loans = self.loans
        at = (rows, slot)
        instalment = self._instalment(at, loans.k[at] + 1)
        loans.k[at] += 1
        loans.next_due[at] += loans.period[at]
        self._add(COSTS, rows, instalment.interest + instalment.fees)
        due = instalment.due
        short = self.cash[rows] < due
        if self.policy.when_short is WhenShort.STACK and short.any():
            self._borrow(rows[short], due[short] - np.maximum(self.cash[rows[short]], 0), day,
                         Falling(slot, instalment.principal[short]))
        paid = (due == 0) | (self.cash[rows] >= due)
        self._pay_instalment(rows[paid], slot, day, instalment.where(paid))
        unpaid = ~paid
        if self.policy.when_short is WhenShort.ROLLOVER:
            unpaid[unpaid] = ~self._roll_over(rows[unpaid], slot, day, instalment.where(unpaid))
        elif self.policy.when_short is WhenShort.CUT_SPENDING:
            self._start_cutting(rows[unpaid], day)
        self._go_overdue(rows[unpaid], slot, day, instalment.where(unpaid))
        self._close_finished(rows, slot, day)
        ended = rows[loans.open[at] & (loans.k[at] == loans.n[at])]
        loans.next_due[ended, slot] = NEVER

    def _instalment(self, at: Index, number: I32, balance: I64 | None = None) -> Instalment:
        """Principal, interest and fees of instalment ``number`` (1-based) of the loans at
        ``at`` (with ``balance`` before it), exactly as ``build_schedule`` computes them."""
        loans = self.loans
        balance = loans.balance[at] if balance is None else balance
        contract, n = loans.contract[at], loans.n[at]
        num, den = loans.rate_num[at], loans.rate_den[at]
        method = self.table.method[loans.lender[at]]
        last = number == n
        on_balance = times_ratio(balance, num, den)
        on_contract = times_ratio(contract, num, den)
        bullet = np.where(last, times_ratio(contract * n, num, den), 0)
        flat = method == FLAT_FEE
        interest = np.select([method == BULLET, method == INTEREST_FIRST, flat],
                             [bullet, on_contract, 0], on_balance)
        equal_principal = (2 * contract + n) // (2 * n)
        regular = np.select([method == EQUAL_INSTALLMENT, (method == EQUAL_PRINCIPAL) | flat],
                            [loans.level[at] - on_balance, equal_principal], 0)
        principal = np.where(last, balance, regular)
        fees = loans.fees[at] + np.where(flat, on_contract, 0)
        return Instalment(principal, interest, fees)

    def _pay_instalment(self, rows: Rows, slot: int, day: int, paid: Instalment) -> None:
        self.loans.balance[rows, slot] -= paid.principal
        self._pay(rows, principal=paid.principal, interest=paid.interest, fees=paid.fees)
        self.events.add(REPAID, day, rows, paid.due, self.loans.lender[rows, slot])

    def _roll_over(self, rows: Rows, slot: int, day: int, unpaid: Instalment) -> Mask:
        """Extend one-instalment loans whose lender allows it and whose borrower can pay the
        interest, fees and rollover fee; return which were extended."""
        loans, table = self.loans, self.table
        at = (rows, slot)
        lender = loans.lender[at]
        fee = table.roll_fixed[lender] + times_ratio(loans.balance[at], table.roll_num[lender],
                                                     table.roll_den[lender])
        extension = unpaid.interest + unpaid.fees + fee
        rolled = (table.can_roll[lender] & (loans.rollovers[at] < table.max_rollovers[lender])
                  & (loans.n[at] == 1) & (self.cash[rows] >= extension))
        done = rows[rolled]
        self._pay(done, interest=unpaid.interest[rolled], fees=unpaid.fees[rolled] + fee[rolled])
        self._add(COSTS, done, fee[rolled])
        loans.rollovers[done, slot] += 1
        loans.k[done, slot] -= 1
        self.events.add(ROLLED, day, done, extension[rolled], lender[rolled])
        return rolled

    def _start_cutting(self, rows: Rows, day: int) -> None:
        starting = rows[~self.cutting[rows]]
        self.cutting[starting] = True
        saving = self.scenario.borrower.monthly_expenses_fen - self._cut_expenses()
        self.events.add(CUT_SPENDING, day, starting, saving)

    def _go_overdue(self, rows: Rows, slot: int, day: int, unpaid: Instalment) -> None:
        loans = self.loans
        at = (rows, slot)
        starting = loans.overdue_since[at] == NOT_OVERDUE
        self._accrue_penalties(rows[~starting], slot, day - 1)
        loans.od_principal[at] += unpaid.principal
        loans.od_interest[at] += unpaid.interest
        loans.od_fees[at] += unpaid.fees
        loans.balance[at] -= unpaid.principal
        new = rows[starting]
        loans.overdue_since[new, slot] = day
        loans.penalty_from[new, slot] = day + self.table.grace[loans.lender[new, slot]]
        self.overdue_loans[new] += 1
        loans.was_overdue[at] = True
        self.events.add(WENT_OVERDUE, day, rows, unpaid.due, loans.lender[at])

    def _close_finished(self, rows: Rows, slot: int, day: int) -> None:
        """Close loans with every instalment fallen due, nothing left and nothing overdue."""
        loans = self.loans
        at = (rows, slot)
        done = ((loans.k[at] == loans.n[at]) & (loans.balance[at] == 0)
                & (loans.overdue_total(at) == 0))
        finished = rows[done]
        self._close(finished, np.full(finished.size, slot, dtype=np.intp), day)

    def _close(self, rows: Rows, slots: Rows, day: int, order: I64 | int = 0,
               joined: bool = False) -> None:
        """Free the slots; a loan never overdue grows its lender's line (once per loan)."""
        loans = self.loans
        lenders = loans.lender[rows, slots]
        loans.open[rows, slots] = False
        loans.next_due[rows, slots] = NEVER
        self.events.add(CLOSED, day, rows, loans.contract[rows, slots], lenders, order=order,
                        joined=joined)
        growing = ~loans.was_overdue[rows, slots]
        self._grow_lines(rows[growing], lenders[growing])

    def _grow_lines(self, rows: Rows, lenders: I32) -> None:
        """line = min(round(line × (1 + growth)), max_line), once per closed loan (and at most
        LINE_CEILING, which growth of at most 11× keeps within int64 on the way)."""
        table = self.table
        key = rows * len(self.rules) + lenders
        while key.size:
            first = np.unique(key, return_index=True)[1]
            at = (rows[first], lenders[first])
            grown = times_ratio(self.line[at], table.growth_num[lenders[first]],
                                table.growth_den[lenders[first]])
            self.line[at] = np.minimum(grown, table.max_line[lenders[first]])
            keep = np.ones(key.size, dtype=bool)
            keep[first] = False
            rows, lenders, key = rows[keep], lenders[keep], key[keep]

    # --- borrowing ----------------------------------------------------------------------------

    def _borrow(self, rows: Rows, need: I64, day: int, falling: Falling | None = None) -> None:
        """Lenders in file order until each path's need is met (docs: Borrowing)."""
        need = need.copy()
        for index in range(len(self.rules)):
            waiting = np.nonzero(need > 0)[0]
            if not waiting.size:
                return
            received = self._try_lender(index, rows[waiting], need[waiting], day,
                                        falling and falling.where(waiting))
            need[waiting] -= received

    def _try_lender(self, index: int, rows: Rows, need: I64, day: int,
                    falling: Falling | None) -> I64:
        """One lender's answer to each path: refused (logged), skipped, or a loan; returns
        what each path received."""
        reason, available = self._refusal(index, rows, falling)
        refused = reason != APPROVED
        self.events.add(REFUSED, day, rows[refused], need[refused], index, reason[refused])
        received = np.zeros(rows.size, dtype=np.int64)
        approved = np.nonzero(~refused)[0]
        contract = self._contract_for(self.rules[index], need[approved], available[approved])
        payout = contract - self.rules[index].payout_fees.on(contract)
        lending = payout > 0
        received[approved[lending]] = payout[lending]
        self._lend(index, rows[approved[lending]], contract[lending], day)
        return received

    def _balance_with(self, rows: Rows, index: int) -> I64:
        loans = self.loans
        mine = loans.open[rows] & (loans.lender[rows] == index)
        total: I64 = np.where(mine, loans.balance[rows], 0).sum(axis=1)
        return total

    def _refusal(self, index: int, rows: Rows, falling: Falling | None) -> tuple[I64, I64]:
        """The first reason this lender refuses each path (APPROVED when it does not), and the
        line each approved path has available."""
        lender = self.rules[index].lender
        reason = np.full(rows.size, APPROVED, dtype=np.int64)

        def refuse(code: int, check: Callable[[Rows], Mask]) -> None:
            pending = np.nonzero(reason == APPROVED)[0]
            if pending.size:
                reason[pending[check(pending)]] = code

        if lender.refuse_when_overdue:
            refuse(ANY_OVERDUE, lambda at: self.overdue_loans[rows[at]] > 0)
        if lender.max_lenders is not None:
            limit = lender.max_lenders
            refuse(TOO_MANY_LENDERS, lambda at: self._other_lenders(rows[at], index) >= limit)
        if lender.max_debt_to_income is not None:
            ratio = exact(lender.max_debt_to_income)
            income = self.scenario.borrower.monthly_income_fen
            refuse(DEBT_TO_INCOME, lambda at: self._next_instalments(
                rows[at], falling and falling.where(at)) * ratio.denominator
                > ratio.numerator * income)
        refuse(NO_SLOT, lambda at: self.loans.open[rows[at]].all(axis=1))
        available = np.zeros(rows.size, dtype=np.int64)

        def line_used(at: Rows) -> Mask:
            available[at] = self.line[rows[at], index] - self._balance_with(rows[at], index)
            return available[at] <= 0

        refuse(LINE_USED, line_used)
        return reason, available

    def _other_lenders(self, rows: Rows, index: int) -> I64:
        loans = self.loans
        count = np.zeros(rows.size, dtype=np.int64)
        for other in range(len(self.rules)):
            if other != index:
                count += (loans.open[rows] & (loans.lender[rows] == other)).any(axis=1)
        return count

    def _next_instalments(self, rows: Rows, falling: Falling | None) -> I64:
        """Σ over open loans of the next instalment not yet fallen due (none once k == n), on
        the balance its schedule has then."""
        loans = self.loans
        at = np.ix_(rows, self.slot_numbers)
        coming = loans.open[at] & (loans.k[at] < loans.n[at])
        balance = loans.balance[at]
        if falling is not None:
            balance[:, falling.slot] -= falling.principal
        amounts = self._instalment(at, loans.k[at] + 1, balance).due
        total: I64 = np.where(coming, amounts, 0).sum(axis=1)
        return total

    def _contract_for(self, rule: LenderRules, need: I64, available: I64) -> I64:
        """The smallest contract whose payout covers the need, capped at the available line.

        No contract below (need + fixed − slack) / (1 − share) can pay out enough (each
        rounded share fee is at least its exact value minus half a fen), so the search
        starts there and steps up one fen at a time: usually no step, or one or two."""
        fees = rule.payout_fees
        keep = 1 - fees.share
        if keep <= 0:
            return available.copy()
        lowest = (need + float(fees.fixed - fees.rounding_slack)) / float(keep)
        contract = np.maximum(np.floor(lowest * (1 - 1e-12)).astype(np.int64) - 1, 1)
        contract = np.minimum(contract, available)
        stepping = np.nonzero((contract - fees.on(contract) < need) & (contract < available))[0]
        while stepping.size:
            contract[stepping] += 1
            trial = contract[stepping]
            stepping = stepping[(trial - fees.on(trial) < need[stepping])
                                & (trial < available[stepping])]
        return contract

    def _lend(self, index: int, rows: Rows, contract: I64, day: int) -> None:
        """Make the loans: fill each path's first free slot and pay out."""
        if not rows.size:
            return
        rule, loans = self.rules[index], self.loans
        if int(contract.max()) > self.safe_contract[index]:
            raise ValueError(f"lender {rule.lender.id!r}: a contract of {int(contract.max())} "
                             "fen needs integers beyond 2**62")
        repeat = self.ever_borrowed[rows, index]
        slot = np.argmax(~loans.open[rows], axis=1)
        at = (rows, slot)
        self.stacked[rows[loans.open[rows].any(axis=1)]] = True
        rates = np.array(rule.rates, dtype=object)[repeat.astype(np.intp)]
        loans.open[at] = True
        loans.lender[at] = index
        loans.rank[at] = self.rank_of[index][repeat.astype(np.intp)]
        loans.contract[at] = contract
        loans.balance[at] = contract
        loans.rate_num[at] = [rate.numerator for rate in rates]
        loans.rate_den[at] = [rate.denominator for rate in rates]
        loans.n[at] = rule.n
        loans.k[at] = 0
        loans.next_due[at] = day + rule.period_days
        loans.period[at] = rule.period_days
        loans.level[at] = self._level_payments(index, repeat, contract)
        loans.fees[at] = rule.per_instalment.on(contract)
        loans.rollovers[at] = 0
        loans.late_fee_charged[at] = False
        loans.was_overdue[at] = False
        self.ever_borrowed[rows, index] = True
        deducted, at_payout = rule.deducted.on(contract), rule.at_payout.on(contract)
        self.cash[rows] += contract - deducted - at_payout
        self._add(RECEIVED, rows, contract - deducted)
        self._add(PAID, rows, at_payout)
        self._add(FEES, rows, deducted + at_payout)
        self._add(COSTS, rows, deducted + at_payout)
        self._add(NEW_LOANS, rows, 1)
        self.events.add(LOAN, day, rows, contract, index)

    def _level_payments(self, index: int, repeat: Mask, contract: I64) -> I64:
        """A = round(P × factor), exact: float64 where it is clearly away from a half fen,
        exact fractions for the rare contracts too close to call."""
        level = np.zeros(contract.size, dtype=np.int64)
        if self.rules[index].method != EQUAL_INSTALLMENT:
            return level
        for again in (False, True):
            chosen = np.nonzero(repeat == again)[0]
            factor = self.level_factors[index][again]
            shifted = contract[chosen].astype(np.float64) * float(factor) + 0.5
            rounded = np.floor(shifted)
            fraction = shifted - rounded
            margin = (shifted + 1) * 2.0**-40
            unsure = (fraction < margin) | (fraction > 1 - margin)
            level[chosen] = rounded.astype(np.int64)
            for i in chosen[unsure]:
                level[i] = round_fen(int(contract[i]) * factor)
        return level

    # --- step 4: shortfall --------------------------------------------------------------------

    def _shortfall(self, day: int) -> None:
        rows = np.nonzero(self.cash < 0)[0]
        if rows.size:
            self._borrow(rows, -self.cash[rows], day)

    # --- step 5: overdue settlement -----------------------------------------------------------

    def _settle_overdue(self, day: int) -> None:
        rows = np.nonzero((self.overdue_loans > 0) & (self.cash > 0))[0]
        if not rows.size:
            return
        overdue = self.loans.overdue_since[rows] != NOT_OVERDUE
        for slot in np.nonzero(overdue.any(axis=0))[0]:
            settling = rows[overdue[:, slot]]
            self._settle_slot(settling[self.cash[settling] > 0], int(slot), day)

    def _settle_slot(self, rows: Rows, slot: int, day: int) -> None:
        """Pay penalties, fees, interest, then principal, as far as cash goes."""
        loans = self.loans
        at = (rows, slot)
        self._accrue_penalties(rows, slot, day - 1)
        settled = np.zeros(rows.size, dtype=np.int64)
        for flow, bucket in ((PENALTIES, loans.od_penalties), (FEES, loans.od_fees),
                             (INTEREST, loans.od_interest), (PRINCIPAL, loans.od_principal)):
            amount = np.minimum(self.cash[rows], bucket[at])
            bucket[at] -= amount
            self.cash[rows] -= amount
            settled += amount
            self._add(flow, rows, amount)
        self._add(PAID, rows, settled)
        self.events.add(REPAID, day, rows, settled, loans.lender[at])
        cleared = loans.overdue_total(at) == 0
        done = rows[cleared]
        loans.overdue_since[done, slot] = NOT_OVERDUE
        loans.late_fee_charged[done, slot] = False
        self.overdue_loans[done] -= 1
        self._close_finished(done, slot, day)

    # --- step 6: extra payments ---------------------------------------------------------------

    def _extra_payments(self, day: int) -> None:
        """Pay off open loans in avalanche or snowball order while what is spare covers them."""
        loans = self.loans
        spare = self.cash - self.scenario.borrower.monthly_expenses_fen
        rows = np.nonzero((self.overdue_loans == 0) & loans.open.any(axis=1))[0]
        if not rows.size:
            return
        at = np.ix_(rows, self.slot_numbers)
        candidate = loans.open[at]
        next_one = self._instalment(at, loans.k[at] + 1)
        payoff = loans.balance[at] + next_one.interest + next_one.fees
        if self.policy.extra_payments is ExtraPayments.AVALANCHE:
            key = loans.rank[at].astype(np.int64)
        else:
            key = payoff.copy()
        key[~candidate] = np.iinfo(np.int64).max
        order = np.argsort(key, axis=1, kind="stable")
        in_order = np.take_along_axis(candidate, order, axis=1)
        costs = np.where(in_order, np.take_along_axis(payoff, order, axis=1), 0)
        affordable = in_order & (np.cumsum(costs, axis=1) <= spare[rows, None])
        taken = np.logical_and.accumulate(affordable, axis=1)
        which, position = np.nonzero(taken)
        slots = order[which, position]
        self._pay_off(rows[which], slots, position, day,
                      Instalment(loans.balance[rows[which], slots],
                                 next_one.interest[which, slots], next_one.fees[which, slots]))

    def _pay_off(self, rows: Rows, slots: Rows, position: Rows, day: int,
                 payoff: Instalment) -> None:
        """Pay off whole loans (a path may appear several times) and close them."""
        flows = self.flows
        for flow, amount in ((PRINCIPAL, payoff.principal), (INTEREST, payoff.interest),
                             (FEES, payoff.fees), (PAID, payoff.due),
                             (COSTS, payoff.interest + payoff.fees)):
            np.add.at(flows[flow], rows, amount)
        np.subtract.at(self.cash, rows, payoff.due)
        self.loans.balance[rows, slots] = 0
        self.loans.k[rows, slots] = self.loans.n[rows, slots]
        order = 2 * position.astype(np.int64)
        self.events.add(EXTRA_PAYMENT, day, rows, payoff.due, self.loans.lender[rows, slots],
                        order=order)
        self._close(rows, slots, day, order=order + 1, joined=True)

    # --- step 7: penalties -------------------------------------------------------------------

    def _accrue_penalties(self, rows: Rows, slots: Rows | int, through: int) -> None:
        """Charge the overdue loans at (rows, slots) every penalty up to day ``through`` not yet
        charged: the late fee once per spell on the first day past grace, and each day
        round((od_principal + od_interest + od_fees) × daily rate).

        That base changes only when an instalment goes overdue or is settled, and this runs
        just before either (and at each month's end), so every day in between costs the same:
        step 7 of docs/engine.md, to the fen, without touching every overdue loan every day."""
        loans, table = self.loans, self.table
        slots = np.broadcast_to(slots, rows.shape)
        lender = loans.lender[rows, slots]
        days = through - loans.penalty_from[rows, slots] + 1
        charging = (days > 0) & table.has_late[lender]
        if not charging.any():
            return
        rows, slots, lender, days = rows[charging], slots[charging], lender[charging], days[
            charging]
        at = (rows, slots)
        base = loans.od_principal[at] + loans.od_interest[at] + loans.od_fees[at]
        penalty = (days * times_ratio(base, table.penalty_num[lender], table.penalty_den[lender])
                   + np.where(loans.late_fee_charged[at], 0, table.late_fee[lender]))
        loans.late_fee_charged[at] = True
        loans.od_penalties[at] += penalty
        loans.penalty_from[at] = through + 1
        np.add.at(self.flows[COSTS], rows, penalty)

    def _mark_past_grace(self, day: int) -> None:
        """The first day a loan of a path is past its grace period sets the credit mark."""
        rows = np.nonzero((self.overdue_loans > 0) & ~self.mark)[0]
        if not rows.size:
            return
        loans = self.loans
        since, lender = loans.overdue_since[rows], loans.lender[rows]
        past = (since != NOT_OVERDUE) & (day - since + 1 > self.table.grace[lender])
        marked = np.nonzero(past.any(axis=1))[0]
        first = np.argmax(past[marked], axis=1)
        self.mark[rows[marked]] = True
        self.events.add(CREDIT_MARK, day, rows[marked], 0, lender[marked, first])

    # --- reports ------------------------------------------------------------------------------

    def _report_month(self, day: int) -> None:
        month = day // DAYS_PER_MONTH
        loans = self.loans
        self._accrue_penalties(*np.nonzero(loans.overdue_since != NOT_OVERDUE), day)
        for index, name in enumerate(FLOWS):
            self.metrics[name][:, month] = self.flows[index]
        owed = loans.balance + loans.od_principal + loans.od_interest + loans.od_fees
        owed += loans.od_penalties
        self.metrics["debt"][:, month] = np.where(loans.open, owed, 0).sum(axis=1)
        self.metrics["cash"][:, month] = self.cash
        self.metrics["active_loans"][:, month] = loans.open.sum(axis=1)
        self.metrics["active_lenders"][:, month] = sum(
            (loans.open & (loans.lender == index)).any(axis=1) for index in range(len(self.rules)))
        since = np.where(loans.overdue_since == NOT_OVERDUE, NEVER, loans.overdue_since).min(axis=1)
        days_overdue = np.where(since == NEVER, 0, day - since + 1)
        self.metrics["days_overdue"][:, month] = days_overdue
        self.state[:, month] = np.select(
            [days_overdue > 90, days_overdue > 30, days_overdue > 0, self.stacked],
            [DEFAULT, COLLECTIONS, OVERDUE, STACKING], OK)
        self.flows[:] = 0
        self.stacked[:] = False

    # --- ledger -------------------------------------------------------------------------------

    def _add(self, flow: int, rows: Rows, amount: I64 | int) -> None:
        """Add to a month flow; ``rows`` are distinct paths."""
        self.flows[flow, rows] += amount

    def _pay(self, rows: Rows, principal: I64 | int = 0, interest: I64 | int = 0,
             fees: I64 | int = 0) -> None:
        """Money paid to lenders from cash now (``rows`` are distinct paths)."""
        total = principal + interest + fees
        self.cash[rows] -= total
        self._add(PAID, rows, total)
        self._add(PRINCIPAL, rows, principal)
        self._add(INTEREST, rows, interest)
        self._add(FEES, rows, fees)
