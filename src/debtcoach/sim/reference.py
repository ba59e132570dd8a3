"""The reference engine: docs/engine.md rule by rule, one path, one day and one loan at a time.

It is written to be read next to the spec, not to be fast: the numpy engine is tested against it
ledger by ledger. Money is int fen and rates are exact fractions; no float touches a ledger.
Comments marked "Reading:" record how this engine settles a point the spec leaves open.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from debtcoach.finance.money import round_fen
from debtcoach.finance.offers import Fee, FeeTiming, LoanOffer, Repayment
from debtcoach.finance.periods import DAY, Unit
from debtcoach.finance.schedules import ScheduleRow, build_schedule
from debtcoach.sim.results import (
    COLLECTIONS,
    DEFAULT,
    FLOWS,
    METRICS,
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

DAYS_PER_MONTH = 30


def received_fen(offer: LoanOffer) -> int:
    """What a contract puts in the borrower's hands: the contract less every fee due at payout."""
    return offer.amount_fen - offer.deducted_at_payout_fen() - offer.paid_at_payout_fen()


def _payout_fees(offer: LoanOffer) -> list[tuple[Fee, int]]:
    """Each fee charged at payout with how many times it is charged there (mirrors
    ``LoanOffer.deducted_at_payout_fen`` and ``paid_at_payout_fen``)."""
    times = {FeeTiming.UPFRONT: 1, FeeTiming.ONCE: 1, FeeTiming.PER_MONTH: offer.term_months()}
    return [(fee, times.get(fee.timing, 0)) for _, fee in offer.fees()]


def contract_for(lender: Lender, repeat: bool, need: int, available: int) -> int:
    """The smallest contract P with received(P) ≥ ``need``, or ``available`` if none up to it.

    received(P) is not monotone (several fees each round half up), so P is found by trying every
    contract in order. Each fee is fixed + round(share × P), within ½ fen of exact, so with S the
    payout shares, F the fixed payout fees and k the fees rounded, P(1 − S) − F ± k/2 brackets
    received(P): below ``low`` no contract can cover ``need``, from ``high`` on every one does.
    """
    fees = _payout_fees(lender.offer(available, repeat))
    share = sum((fee.share * times for fee, times in fees), Fraction(0))
    fixed = sum(fee.fixed_fen * times for fee, times in fees)
    rounding = Fraction(sum(times for _, times in fees), 2)
    if share < 1:
        low = max(1, math.ceil((need + fixed - rounding) / (1 - share)))
        high = min(available, math.ceil((need + fixed + rounding) / (1 - share)))
    else:  # Fees of 100% or more at payout: no bracket, so try everything up to the line.
        low, high = 1, available
    for contract in range(low, high + 1):
        if received_fen(lender.offer(contract, repeat)) >= need:
            return contract
    return available


@dataclass
class _Loan:
    """One loan in a slot. ``rows[k]`` is instalment k exactly as ``build_schedule`` makes it
    (row 0 is payout): the balance before each instalment always equals the schedule's, because
    only paying or missing an instalment moves it, and a rollover (one-instalment loans only)
    re-runs the same row on the same balance."""

    lender: Lender
    contract: int
    annual_rate: Fraction
    rows: tuple[ScheduleRow, ...]
    period_days: int
    next_due: int
    balance: int
    gap: int  # contract − what reached the borrower's hands (fees deducted or paid at payout)
    daily: Fraction | None  # the rate per day of a daily-interest product, else None
    k: int = 0
    rollovers: int = 0
    od_principal: int = 0
    od_interest: int = 0
    od_fees: int = 0
    od_penalties: int = 0
    overdue_since: int | None = None
    late_fee_charged: bool = False
    was_overdue: bool = False

    @property
    def n(self) -> int:
        return len(self.rows) - 1

    @property
    def overdue_fen(self) -> int:
        return self.od_principal + self.od_interest + self.od_fees + self.od_penalties

    @property
    def debt_fen(self) -> int:
        return self.balance + self.overdue_fen

    @property
    def received_outstanding_fen(self) -> int:
        """Contract principal outstanding less the part the borrower never received."""
        return max(0, self.balance + self.od_principal - self.gap)

    @property
    def costs_owed_fen(self) -> int:
        return self.od_interest + self.od_fees + self.od_penalties

    @property
    def done(self) -> bool:
        return self.k == self.n and self.balance == 0 and self.overdue_fen == 0

    def next_instalment_fen(self) -> int:
        """The amount of the next instalment not yet fallen due (0 when none is left)."""
        return self.rows[self.k + 1].payment if self.k < self.n else 0

    def payoff_interest(self, day: int) -> int:
        """Interest due when paying off on ``day``: the next instalment's, or for a daily-interest
        product the interest to that day (at least one day), on the contract for bullet and
        interest-first loans (a bullet's since payout) and on the balance otherwise."""
        row = self.rows[self.k + 1]
        method = self.lender.repayment
        if self.daily is None or method is Repayment.FLAT_FEE:
            return row.interest
        bullet = method is Repayment.BULLET
        start = self.next_due - self.period_days * ((self.n - self.k) if bullet else 1)
        basis = self.contract if method in (Repayment.BULLET, Repayment.INTEREST_FIRST) \
            else self.balance
        return round_fen(basis * self.daily * max(1, day - start))

    def payoff_fen(self, day: int) -> int:
        """Balance plus the interest (``payoff_interest``) and the next instalment's fees."""
        return self.balance + self.payoff_interest(day) + self.rows[self.k + 1].fees


class _Path:
    """One borrower's life under the rules; ``reports`` and ``states`` grow a month at a time."""

    def __init__(self, scenario: Scenario, index: int, incomes: list[int], record: bool) -> None:
        self.scenario = scenario
        self.index = index
        self.incomes = incomes
        self.record = record
        self.cash = scenario.borrower.savings_fen
        self.loan_cash = 0  # the part of cash that came from loans and is not spent yet
        self.cutting = False
        self.mark = False
        self.ever_borrowed: set[str] = set()
        invites = scenario.policy.invite_friends
        self.lines = {lender.id: lender.max_amount_fen + invites * lender.invite_bonus_fen
                      for lender in scenario.lenders}
        self.daily_penalty = {lender.id: lender.late.penalty_rate.per(DAY).value
                              for lender in scenario.lenders if lender.late is not None}
        self.slots: list[_Loan | None] = [None] * scenario.slots  # more added when full
        self.events: list[SimEvent] = []
        self.reports: list[dict[str, int]] = []
        self.states: list[int] = []
        self.flows = dict.fromkeys(FLOWS, 0)
        self.stacking = False  # this month: a loan taken to repay a loan
        self.multi_lending = False  # this month: one need borrowed from several lenders

    @property
    def policy(self) -> Policy:
        return self.scenario.policy

    def open_loans(self) -> list[tuple[int, _Loan]]:
        return [(slot, loan) for slot, loan in enumerate(self.slots) if loan is not None]

    def any_overdue(self) -> bool:
        return any(loan.overdue_since is not None for _, loan in self.open_loans())

    def run_month(self, month: int) -> None:
        self.flows = dict.fromkeys(FLOWS, 0)
        self.stacking = self.multi_lending = False
        first = month * DAYS_PER_MONTH
        for day in range(first, first + DAYS_PER_MONTH):
            self.run_day(day)
        self.report(first + DAYS_PER_MONTH - 1)

    def run_day(self, day: int) -> None:
        """The seven steps of a day, in the spec's order."""
        payday = day % DAYS_PER_MONTH == self.scenario.borrower.payday - 1
        if day % DAYS_PER_MONTH == 0:
            self.month_start(day)
        if payday:
            self.receive(self.incomes[day // DAYS_PER_MONTH])
        # Reading: once its last instalment has fallen due (and went overdue), a loan has
        # nothing more to fall due.
        falling = [(slot, loan) for slot, loan in self.open_loans()
                   if loan.next_due == day and loan.k < loan.n]
        rows = [self.fall_due(loan) for _, loan in falling]
        if rows and self.policy.when_short is WhenShort.STACK:
            # One borrowing covers every instalment due today (and a negative cash).
            due = sum(row.payment for row in rows)
            if due > 0 and self.cash < due:
                self.borrow(day, due - self.cash, to_repay=True)
        for (slot, loan), row in zip(falling, rows, strict=True):
            self.meet_due(day, slot, loan, row)
        if self.policy.when_short in (WhenShort.STACK, WhenShort.ROLLOVER) and self.cash < 0:
            self.borrow(day, -self.cash, to_repay=False)
        if self.cash > 0:
            self.settle_overdue(day)
        if payday and self.policy.extra_payments is not ExtraPayments.NONE:
            self.extra_payments(day)
        self.penalties(day)

    # -- money movements: every ledger change goes through these -----------------------------

    def event(self, day: int, kind: str, lender: str = "", amount: int = 0,
              reason: str = "") -> None:
        if self.record:
            self.events.append(SimEvent(day, self.index, kind, lender, amount, reason))

    def spend(self, amount: int) -> None:
        """Spending uses money from loans first."""
        self.cash -= amount
        self.loan_cash = max(0, self.loan_cash - amount)
        self.flows["spending"] += amount

    def receive(self, income: int) -> None:
        self.cash += income
        self.flows["income"] += income

    def incur(self, interest: int = 0, fees: int = 0, penalties: int = 0) -> None:
        self.flows["interest_incurred"] += interest
        self.flows["fees_incurred"] += fees
        self.flows["penalties_incurred"] += penalties

    def pay_lender(self, principal: int = 0, interest: int = 0, fees: int = 0,
                   penalties: int = 0) -> None:
        """Pay from cash, money from loans first."""
        total = principal + interest + fees + penalties
        from_loans = min(total, self.loan_cash)
        self.loan_cash -= from_loans
        self.flows["paid_from_new_loans"] += from_loans
        self.cash -= total
        self.flows["cash_paid"] += total
        self.flows["principal_paid"] += principal
        self.flows["interest_paid"] += interest
        self.flows["fees_paid"] += fees
        self.flows["penalties_paid"] += penalties

    # -- step 1: month start -----------------------------------------------------------------

    def month_start(self, day: int) -> None:
        month = day // DAYS_PER_MONTH
        borrower = self.scenario.borrower
        # Reading: the cut share is the policy in force now (a lesson may change it mid-run).
        expenses = (self.scenario.cut_expenses_fen() if self.cutting
                    else borrower.monthly_expenses_fen)
        needs = sum(event.amount_fen for event in self.scenario.events if event.falls_in(month))
        self.spend(expenses + needs)

    # -- step 3: dues ------------------------------------------------------------------------

    def fall_due(self, loan: _Loan) -> ScheduleRow:
        """The loan's next instalment falls due: its interest and fees are incurred."""
        loan.k += 1
        loan.next_due += loan.period_days
        row = loan.rows[loan.k]
        self.incur(interest=row.interest, fees=row.fees)
        return row

    def meet_due(self, day: int, slot: int, loan: _Loan, row: ScheduleRow) -> None:
        """Pay the instalment that fell due, or roll it over, or let it go overdue."""
        due = row.payment
        # Reading: an instalment of 0 (a bullet row before the last, say) is paid even while cash
        # is negative; otherwise it would open an overdue spell of nothing.
        if due == 0 or self.cash >= due:
            self.pay_instalment(day, loan, row)
        elif not self.rolled_over(day, loan, row):
            if self.policy.when_short is WhenShort.CUT_SPENDING:
                self.start_cutting(day)
            self.go_overdue(day, loan, row)
        if loan.done:
            self.close(day, slot, loan)

    def pay_instalment(self, day: int, loan: _Loan, row: ScheduleRow) -> None:
        self.pay_lender(principal=row.principal, interest=row.interest, fees=row.fees)
        loan.balance -= row.principal
        # Reading: every paid instalment gives a `repaid` event, a zero one included.
        self.event(day, "repaid", loan.lender.id, row.payment)

    def rolled_over(self, day: int, loan: _Loan, row: ScheduleRow) -> bool:
        """Pay only interest, fees and the rollover fee (on the balance) when the policy and the
        lender allow it and cash covers that; the same instalment falls due again a period on."""
        fee = loan.lender.rollover_fee
        if (self.policy.when_short is not WhenShort.ROLLOVER or fee is None
                or loan.rollovers >= loan.lender.max_rollovers or loan.n != 1):
            return False
        rollover_fee = fee.amount_fen(loan.balance)
        extension = row.interest + row.fees + rollover_fee
        if self.cash < extension:
            return False
        self.incur(fees=rollover_fee)
        self.pay_lender(interest=row.interest, fees=row.fees + rollover_fee)
        loan.rollovers += 1
        loan.k -= 1
        self.event(day, "rolled", loan.lender.id, extension)
        return True

    def start_cutting(self, day: int) -> None:
        """Spending is cut from the next month start on."""
        if not self.cutting:
            self.cutting = True
            # Reading: the event is logged once, when cutting starts; its amount is the monthly
            # saving (expenses − cut expenses at the cut share in force then).
            saving = self.scenario.borrower.monthly_expenses_fen - self.scenario.cut_expenses_fen()
            self.event(day, "cut_spending", "", saving)

    def go_overdue(self, day: int, loan: _Loan, row: ScheduleRow) -> None:
        loan.od_principal += row.principal
        loan.od_interest += row.interest
        loan.od_fees += row.fees
        loan.balance -= row.principal
        if loan.overdue_since is None:
            loan.overdue_since = day
        loan.was_overdue = True
        # Reading: one `overdue` event per missed instalment, amount = the whole instalment.
        self.event(day, "overdue", loan.lender.id, row.payment)

    def close(self, day: int, slot: int, loan: _Loan) -> None:
        """Free the slot; a loan never overdue earns its lender's line growth."""
        self.slots[slot] = None
        # Reading: any close of a never-overdue loan grows the line, an early payoff included.
        if not loan.was_overdue:
            self.grow_line(loan.lender)
        # Reading: the `closed` event carries the loan's contract amount.
        self.event(day, "closed", loan.lender.id, loan.contract)

    def grow_line(self, lender: Lender) -> None:
        grown = round_fen(self.lines[lender.id] * (1 + exact(lender.line_growth)))
        # Reading: min(…, max_line) literally, so a line above max_line (an invite bonus) falls
        # back to max_line at the first on-time close.
        if lender.max_line_fen is not None:
            grown = min(grown, lender.max_line_fen)
        self.lines[lender.id] = grown

    # -- borrowing ---------------------------------------------------------------------------

    def borrow(self, day: int, need: int, to_repay: bool) -> None:
        """Lenders in file order, each once (one contract each), until ``need`` is covered or
        none is left. ``to_repay``: the money is for instalments due (以贷养贷)."""
        loans = 0
        for lender in self.scenario.lenders:
            if need <= 0:
                break
            reason = self.refusal(lender)
            if reason:
                self.event(day, "refused", lender.id, need, reason)
                continue
            repeat = lender.id in self.ever_borrowed
            contract = contract_for(lender, repeat, need, self.available_line(lender))
            offer = lender.offer(contract, repeat)
            if received_fen(offer) > 0:
                self.originate(day, lender, repeat, offer)
                need -= received_fen(offer)
                loans += 1
        if loans and to_repay:
            self.stacking = True
        elif loans > 1:
            self.multi_lending = True

    def refusal(self, lender: Lender) -> str:
        """Why ``lender`` refuses right now, checked in the spec's order ("" if it lends)."""
        loans = [loan for _, loan in self.open_loans()]
        if lender.refuse_when_overdue and self.any_overdue():
            return "overdue"
        others = {loan.lender.id for loan in loans} - {lender.id}
        if lender.max_lenders is not None and len(others) >= lender.max_lenders:
            return "too_many_lenders"
        # Reading: "the next instalment" of a loan is its schedule row k + 1, the next one not
        # yet fallen due (0 once k == n). While instalment k is being paid its principal is
        # still in the balance; the schedule row does not count that principal a second time.
        if lender.max_debt_to_income is not None:
            next_due = sum(loan.next_instalment_fen() for loan in loans)
            limit = exact(lender.max_debt_to_income) * self.scenario.borrower.monthly_income_fen
            if next_due > limit:
                return "debt_to_income"
        if self.available_line(lender) <= 0:
            return "line_used"
        return ""

    def available_line(self, lender: Lender) -> int:
        used = sum(loan.balance for _, loan in self.open_loans() if loan.lender.id == lender.id)
        return self.lines[lender.id] - used

    def originate(self, day: int, lender: Lender, repeat: bool, offer: LoanOffer) -> None:
        """Pay out: the borrower gets P less upfront fees, then pays the once-at-payout fees."""
        schedule = build_schedule(offer)
        period_days = offer.term.count if offer.term.unit is Unit.DAY else DAYS_PER_MONTH
        if None not in self.slots:
            self.slots.append(None)
        self.slots[self.slots.index(None)] = _Loan(
            lender=lender,
            contract=offer.amount_fen,
            annual_rate=lender.rate_for(repeat).annual,
            daily=(lender.rate_for(repeat).per(DAY).value
                   if lender.rate_for(repeat).period.unit is Unit.DAY else None),
            rows=schedule.rows,
            period_days=period_days,
            next_due=day + period_days,
            balance=offer.amount_fen,
            gap=offer.amount_fen - received_fen(offer),
        )
        self.ever_borrowed.add(lender.id)
        deducted, at_payout = offer.deducted_at_payout_fen(), offer.paid_at_payout_fen()
        # Reading: cash_received is P − deducted fees and the once-at-payout fees count in
        # cash_paid, so *_paid add up to cash_paid + deducted fees (the net cash is the same).
        # Both kinds of payout fee are paid out of the new loan itself.
        self.cash += schedule.cash_received - at_payout
        self.loan_cash = min(self.loan_cash + received_fen(offer), max(self.cash, 0))
        self.flows["cash_received"] += schedule.cash_received
        self.flows["fees_paid"] += deducted + at_payout
        self.flows["cash_paid"] += at_payout
        self.flows["paid_from_new_loans"] += deducted + at_payout
        self.incur(fees=deducted + at_payout)
        self.flows["new_loans"] += 1
        # Reading: the `loan` event carries the contract amount P.
        self.event(day, "loan", lender.id, offer.amount_fen)

    # -- step 5: overdue settlement ----------------------------------------------------------

    def settle_overdue(self, day: int) -> None:
        for slot, loan in self.open_loans():
            if self.cash <= 0:
                return
            if loan.overdue_since is not None:
                self.settle(day, slot, loan)

    def settle(self, day: int, slot: int, loan: _Loan) -> None:
        """Pay penalties, fees, interest, principal in that order, as far as cash goes."""
        penalties = min(self.cash, loan.od_penalties)
        fees = min(self.cash - penalties, loan.od_fees)
        interest = min(self.cash - penalties - fees, loan.od_interest)
        principal = min(self.cash - penalties - fees - interest, loan.od_principal)
        loan.od_penalties -= penalties
        loan.od_fees -= fees
        loan.od_interest -= interest
        loan.od_principal -= principal
        self.pay_lender(principal, interest, fees, penalties)
        # Reading: money settling overdue amounts is logged as `repaid` with the amount settled.
        self.event(day, "repaid", loan.lender.id, principal + interest + fees + penalties)
        if loan.overdue_fen == 0:
            loan.overdue_since = None
            loan.late_fee_charged = False
            if loan.done:
                self.close(day, slot, loan)

    # -- step 6: extra payments --------------------------------------------------------------

    def extra_payments(self, day: int) -> None:
        """Pay off whole loans from what exceeds a month of expenses, best target first."""
        if self.any_overdue():
            return
        # Reading: the reserve is the full monthly expenses, even while spending is cut.
        spare = self.cash - self.scenario.borrower.monthly_expenses_fen
        candidates = self.open_loans()
        if self.policy.extra_payments is ExtraPayments.AVALANCHE:
            candidates.sort(key=lambda item: (-item[1].annual_rate, item[0]))
        else:
            candidates.sort(key=lambda item: (item[1].payoff_fen(day), item[0]))
        for slot, loan in candidates:
            payoff = loan.payoff_fen(day)
            # Reading: "while spare ≥ payoff" stops at the first loan it cannot pay off.
            if spare < payoff:
                return
            spare -= payoff
            self.pay_off(day, slot, loan)

    def pay_off(self, day: int, slot: int, loan: _Loan) -> None:
        fees, interest = loan.rows[loan.k + 1].fees, loan.payoff_interest(day)
        self.event(day, "extra_payment", loan.lender.id, loan.payoff_fen(day))
        self.incur(interest=interest, fees=fees)
        self.pay_lender(principal=loan.balance, interest=interest, fees=fees)
        loan.balance = 0
        self.close(day, slot, loan)

    # -- step 7: penalties -------------------------------------------------------------------

    def penalties(self, day: int) -> None:
        for _, loan in self.open_loans():
            if loan.overdue_since is not None:
                self.penalize(day, loan, loan.overdue_since)

    def penalize(self, day: int, loan: _Loan, since: int) -> None:
        late = loan.lender.late
        # Reading: a lender without late terms has no grace: it charges nothing, but its loan
        # sets the credit mark on its first overdue day.
        grace = late.grace_days if late is not None else 0
        # The due date itself is not overdue: day 1 is the day after it.
        if day - since <= grace:
            return
        if not self.mark:
            self.mark = True
            self.event(day, "credit_mark", loan.lender.id)
        if late is None:
            return
        base = loan.od_principal
        if late.penalty_base is not PenaltyBase.PRINCIPAL:
            base += loan.od_interest
        if late.penalty_base is PenaltyBase.ALL:
            base += loan.od_fees + loan.od_penalties
        penalty = round_fen(base * self.daily_penalty[loan.lender.id])
        if not loan.late_fee_charged:
            loan.late_fee_charged = True
            penalty += late.late_fee_fen
        loan.od_penalties += penalty
        self.incur(penalties=penalty)

    # -- month report ------------------------------------------------------------------------

    def report(self, last_day: int) -> None:
        loans = [loan for _, loan in self.open_loans()]
        days_overdue = max((last_day - loan.overdue_since for loan in loans
                            if loan.overdue_since is not None), default=0)
        self.reports.append(self.flows | {
            "debt": sum(loan.debt_fen for loan in loans),
            "principal_received_outstanding": sum(loan.received_outstanding_fen
                                                  for loan in loans),
            "costs_owed": sum(loan.costs_owed_fen for loan in loans),
            "cash": self.cash,
            "active_loans": len(loans),
            "active_lenders": len({loan.lender.id for loan in loans}),
            "days_overdue": days_overdue,
        })
        self.states.append(self.state(days_overdue))

    def state(self, days_overdue: int) -> int:
        if days_overdue > 90:
            return DEFAULT
        if days_overdue > 30:
            return COLLECTIONS
        if days_overdue > 0:
            return OVERDUE
        if self.stacking:
            return STACKING
        return MULTI_LENDING if self.multi_lending else OK


class ReferenceEngine:
    """Plain-Python engine: each path simulated on its own, day by day."""

    def __init__(self, scenario: Scenario, incomes: npt.NDArray[np.int64],
                 record_events: bool = True) -> None:
        if incomes.ndim != 2 or incomes.shape[1] != scenario.months:
            raise ValueError(f"incomes must have shape (paths, {scenario.months})")
        self.scenario = scenario
        self.months_done = 0
        self.paths = [_Path(scenario, index, [int(income) for income in row], record_events)
                      for index, row in enumerate(incomes)]

    def advance(self, months: int = 1, policy: Policy | None = None) -> None:
        """Run ``months`` whole months; ``policy`` replaces the one in force from now on."""
        if months < 0 or self.months_done + months > self.scenario.months:
            raise ValueError(f"cannot run {months} more months: {self.months_done} of "
                             f"{self.scenario.months} done")
        for path in self.paths:
            if policy is not None:
                # Reading: credit lines keep their start (invite bonus of the first policy).
                path.scenario = path.scenario.model_copy(update={"policy": policy})
            for month in range(self.months_done, self.months_done + months):
                path.run_month(month)
        self.months_done += months

    def result(self) -> SimResult:
        shape = (len(self.paths), self.months_done)
        metrics = {
            name: np.array([[report[name] for report in path.reports] for path in self.paths],
                           dtype=np.int64).reshape(shape)
            for name in METRICS
        }
        state = np.array([path.states for path in self.paths], dtype=np.int8).reshape(shape)
        start_cash = np.full(len(self.paths), self.scenario.borrower.savings_fen, dtype=np.int64)
        events = [event for path in self.paths for event in path.events]
        return SimResult(self.scenario, start_cash, metrics, state, events)
