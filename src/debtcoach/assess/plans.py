"""The four plans, run day by day on the engine's rules (docs/engine.md) from today's position.

The engine starts every path with no loans; a person starts with theirs, part paid, maybe overdue.
This is the same machine for one path, with existing loans: each month starts with spending and
income (payday is day 0 of the month), instalments fall due on their days, shortfalls are borrowed
(keep going: once a day for everything due that day, before any is paid) or go overdue, overdue
amounts are settled as cash allows (penalties, fees, interest, principal), spare cash pays off
whole loans (avalanche, snowball) and overdue amounts draw daily penalties. Only days when
something happens are visited; between them cash does not change, so penalties for the days in
between are added at once, to the fen as the engine does.

Debt is what the engine reports: contract principal not yet repaid plus overdue amounts and
penalties; interest of future instalments is not debt until it falls due. Costs are incurred
(charged, paid or not).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from fractions import Fraction

from debtcoach.assess.loans import LoanPosition
from debtcoach.assess.models import MAX_PLAN_MONTHS, NegotiatedTerms, Person
from debtcoach.assess.results import FinalState, PlanName, PlanResult
from debtcoach.finance.money import round_fen
from debtcoach.finance.offers import LateTerms, LoanOffer, Repayment, Term
from debtcoach.finance.periods import DAY, MONTH, Unit
from debtcoach.finance.rates import Rate
from debtcoach.finance.schedules import build_schedule

DAYS_PER_MONTH = 30
SLOTS = 16  # the engine's default number of loan slots


@dataclass
class _Loan:
    """A loan during a run. ``dues`` are (day, principal, interest, fees) not yet fallen due."""

    lender: int  # index of the lender offering new loans like it, or -1
    annual_rate: float  # real rate, for the avalanche order
    balance: int
    dues: list[tuple[int, int, int, int]]
    late: LateTerms | None
    od_principal: int = 0
    od_interest: int = 0
    od_fees: int = 0
    od_penalties: int = 0
    overdue_since: int | None = None  # day the current overdue spell began
    late_fee_charged: bool = False
    open: bool = True
    daily_penalty: Fraction = Fraction(0)  # the late terms' penalty rate per day

    def __post_init__(self) -> None:
        if self.late is not None:
            self.daily_penalty = self.late.penalty_rate.per(DAY).value

    @property
    def overdue(self) -> int:
        return self.od_principal + self.od_interest + self.od_fees + self.od_penalties

    @property
    def debt(self) -> int:
        return self.balance + self.overdue


@dataclass(frozen=True)
class Lender:
    """Where the keep-going plan borrows: the person's own lenders, on the terms of their loan,
    up to the contract amount they lent (the engine's ``max_amount`` line)."""

    offer: LoanOffer
    line: int
    annual_rate: float


@dataclass
class _Run:
    person: Person
    loans: list[_Loan]
    lenders: tuple[Lender, ...]
    borrow: bool
    extra: PlanName | None
    cash: int
    day: int = 0
    interest: int = 0
    fees: int = 0
    penalties: int = 0
    paid_month: int = 0
    borrowed_while_open: bool = False
    new_loans: int = 0
    shortfall_month: bool = False  # an instalment went unpaid or cash went below 0
    behind_without_late_terms: bool = False  # penalties of such a loan are unknown, counted 0
    events: list[tuple[int, int]] = field(default_factory=list)  # heap of (day, loan index)

    # --- setup ----------------------------------------------------------------------------
    def add(self, loan: _Loan) -> None:
        """Into the first free slot, as the engine does: slot order decides who is paid first."""
        free = next((k for k, old in enumerate(self.loans) if not old.open), None)
        if free is None:
            self.loans.append(loan)
            free = len(self.loans) - 1
        else:
            self.loans[free] = loan
        for day, *_ in loan.dues[:1]:
            heapq.heappush(self.events, (day, free))

    # --- one day ---------------------------------------------------------------------------
    def month_start(self, month: int) -> None:
        self.cash -= self.person.monthly_expenses_fen
        self.cash += self.person.monthly_income_fen
        self.paid_month = 0
        self.borrowed_while_open = False
        self.shortfall_month = False

    def dues_today(self) -> None:
        """Every instalment due today falls due; keep going borrows once for all of them (and a
        negative cash) before any is paid, then they are paid or go overdue in slot order."""
        falling: list[tuple[int, tuple[int, int, int, int]]] = []
        while self.events and self.events[0][0] == self.day:
            _, index = heapq.heappop(self.events)
            loan = self.loans[index]
            if loan.open and loan.dues and loan.dues[0][0] == self.day:
                falling.append((index, loan.dues.pop(0)))
        total = sum(principal + interest + fees for _, (_, principal, interest, fees) in falling)
        if self.borrow and total > 0 and self.cash < total:
            self.borrow_for(total - self.cash)
        for index, (_, principal, interest, fees) in falling:
            loan = self.loans[index]
            self.interest += interest
            self.fees += fees
            due = principal + interest + fees
            if self.cash >= due or due == 0:  # nothing due is never overdue (docs/engine.md)
                self.cash -= due
                self.paid_month += due
                loan.balance -= principal
            else:
                self.shortfall_month = True
                loan.od_principal += principal
                loan.od_interest += interest
                loan.od_fees += fees
                loan.balance -= principal
                if loan.overdue_since is None:
                    loan.overdue_since = self.day
                self.behind_without_late_terms |= loan.late is None
            if loan.dues:
                heapq.heappush(self.events, (loan.dues[0][0], index))
            self.close_if_done(loan)

    def close_if_done(self, loan: _Loan) -> None:
        if loan.open and not loan.dues and loan.balance == 0 and loan.overdue == 0:
            loan.open = False

    def shortfall(self) -> None:
        if self.cash < 0:
            self.shortfall_month = True
            if self.borrow:
                self.borrow_for(-self.cash)

    def borrow_for(self, need: int) -> None:
        """The engine's stacking: lenders in order, each lending the smallest contract that pays
        out what is still needed, within its line; none lends while any loan is overdue."""
        if any(loan.open and loan.overdue_since is not None for loan in self.loans):
            return
        for lender_index, lender in enumerate(self.lenders):
            if need <= 0:
                return
            used = sum(loan.balance for loan in self.loans
                       if loan.open and loan.lender == lender_index)
            available = lender.line - used
            if available <= 0:
                continue
            contract = _smallest_contract(lender.offer, need, available)
            offer = lender.offer.model_copy(update={"amount_fen": contract})
            received = contract - offer.deducted_at_payout_fen() - offer.paid_at_payout_fen()
            if received <= 0:
                continue
            if any(loan.open for loan in self.loans):
                self.borrowed_while_open = True
            self.fees += offer.deducted_at_payout_fen() + offer.paid_at_payout_fen()
            self.cash += received
            need -= received
            self.new_loans += 1
            self.add(_Loan(lender_index, lender.annual_rate, contract,
                           _dues_from(offer, self.day), offer.late))

    def settle(self) -> None:
        for loan in self.loans:
            if self.cash <= 0:
                return
            if not loan.open or loan.overdue == 0:
                continue
            for name in ("od_penalties", "od_fees", "od_interest", "od_principal"):
                pay = min(getattr(loan, name), self.cash)
                setattr(loan, name, getattr(loan, name) - pay)
                self.cash -= pay
                self.paid_month += pay
            if loan.overdue == 0:
                loan.overdue_since = None
                loan.late_fee_charged = False
                self.close_if_done(loan)

    def extra_payments(self) -> None:
        if self.extra is None or any(loan.open and loan.overdue for loan in self.loans):
            return
        spare = self.cash - self.person.monthly_expenses_fen
        candidates = [(index, loan) for index, loan in enumerate(self.loans) if loan.open]
        if self.extra is PlanName.AVALANCHE:
            candidates.sort(key=lambda item: (-item[1].annual_rate, item[0]))
        else:
            candidates.sort(key=lambda item: (_payoff(item[1]), item[0]))
        for _, loan in candidates:
            payoff = _payoff(loan)
            if spare < payoff:
                return
            if loan.dues:
                _, _, interest, fees = loan.dues[0]
                self.interest += interest
                self.fees += fees
            spare -= payoff
            self.cash -= payoff
            self.paid_month += payoff
            loan.balance = 0
            loan.dues.clear()
            loan.open = False

    def penalties_until(self, end: int) -> None:
        """Penalties for days self.day .. end − 1 (the engine's step 7 on each of them)."""
        days = end - self.day
        for loan in self.loans:
            if not loan.open or loan.overdue_since is None or loan.late is None:
                continue
            late = loan.late
            base = loan.od_principal + loan.od_interest  # the engine's default penalty base
            first = self.day - loan.overdue_since  # overdue day number (the due date is day 0)
            start = max(first, late.grace_days + 1)
            last = first + days - 1
            if last < start:
                continue
            charged = 0
            if not loan.late_fee_charged:
                loan.late_fee_charged = True
                charged += late.late_fee_fen
            charged += (last - start + 1) * round_fen(base * loan.daily_penalty)
            loan.od_penalties += charged
            self.penalties += charged

    def debt(self) -> int:
        return sum(loan.debt for loan in self.loans if loan.open)

    def debt_free(self) -> bool:
        return not any(loan.open for loan in self.loans)

    def state(self) -> str:
        if self.debt_free():
            return "debt_free"
        late_days = [self.day - 1 - loan.overdue_since + 1 for loan in self.loans
                     if loan.open and loan.overdue_since is not None]
        worst = max(late_days, default=0)
        if worst > 90:
            return "default"
        if worst > 30:
            return "collections"
        if worst > 0:
            return "overdue"
        return "stacking" if self.borrowed_while_open else "ok"


def _payoff(loan: _Loan) -> int:
    if not loan.dues:
        return loan.balance
    _, _, interest, fees = loan.dues[0]
    return loan.balance + interest + fees


def _dues_from(offer: LoanOffer, day: int) -> list[tuple[int, int, int, int]]:
    schedule = build_schedule(offer)
    step = schedule.period.count if schedule.period.unit is Unit.DAY else DAYS_PER_MONTH
    return [(day + k * step, row.principal, row.interest, row.fees)
            for k, row in enumerate(schedule.rows) if k > 0]


def _smallest_contract(offer: LoanOffer, need: int, available: int) -> int:
    """The smallest contract whose payout covers ``need``, capped at ``available``."""
    def received(contract: int) -> int:
        trial = offer.model_copy(update={"amount_fen": contract})
        return contract - trial.deducted_at_payout_fen() - trial.paid_at_payout_fen()

    # Fees at payout are times × (fixed + round(share × P)), so received(P) is within half a fen
    # per rounded fee of P(1 − share) − fixed: start just below the exact root and step up.
    times = {"upfront": 1, "once": 1, "per-month": offer.term_months()}
    at_payout = [(fee, times.get(fee.timing.value, 0)) for _, fee in offer.fees()]
    share = sum((fee.share * count for fee, count in at_payout), Fraction(0))
    fixed = sum(fee.fixed_fen * count for fee, count in at_payout)
    slack = Fraction(sum(count for fee, count in at_payout if fee.share), 2)
    if share >= 1:
        return available
    contract = max(1, min(available, int((need + fixed - slack) / (1 - share)) - 2))
    while contract < available and received(contract) < need:
        contract += 1
    return contract


def start_loans(positions: list[LoanPosition]) -> list[_Loan]:
    """Today's loans as engine state: instalments not yet fallen due at their plan days (a dated
    instalment on its date; otherwise the next one on day 0, then one per period), overdue
    amounts with their accrued penalties."""
    loans = []
    for lender_index, pos in enumerate(positions):
        result = pos.result
        rows = pos.rows[pos.fallen_due:]
        dues = []
        for k, row in enumerate(rows):
            day = max((row.due - pos.today).days, 0) if row.due is not None else k * pos.period_days
            dues.append((day, row.principal, row.interest, row.fees))
        od = pos.overdue_rows
        loan = _Loan(
            lender=lender_index, annual_rate=result.figures.apr_nominal,
            balance=result.principal_left_fen, dues=dues, late=pos.late,
            od_principal=sum(r.principal for r in od), od_interest=sum(r.interest for r in od),
            od_fees=sum(r.fees for r in od), od_penalties=result.penalties_fen,
        )
        if od:
            days = max(pos.days_overdue, 1)
            loan.overdue_since = -days  # accrued penalties cover days 1..days
            loan.late_fee_charged = pos.late is not None and days > pos.late.grace_days
        loan.open = loan.debt > 0 or bool(dues)
        loans.append(loan)
    return loans


def lenders_for(positions: list[LoanPosition]) -> tuple[Lender, ...]:
    """Each loan's lender, lending again on the same terms up to the same contract amount."""
    return tuple(Lender(pos.offer, pos.result.contract_fen, pos.result.figures.apr_nominal)
                 for pos in positions)


def negotiated_loans(positions: list[LoanPosition], terms: NegotiatedTerms) -> list[_Loan]:
    """Every loan restructured today: principal left and overdue principal and interest (and
    fees and penalties unless waived) repaid 等额本息 over ``terms.months`` months, at the contract
    rate capped at ``terms.rate_cap``; the first instalment a month from today."""
    loans = []
    cap = terms.rate_cap.per(MONTH).value
    for lender_index, pos in enumerate(positions):
        result = pos.result
        od = pos.overdue_rows
        owed = result.principal_left_fen + sum(r.principal + r.interest for r in od)
        if not terms.waive_fees:
            owed += sum(r.fees for r in od)
        if not terms.waive_penalties:
            owed += result.penalties_fen
        if owed <= 0:
            loans.append(_Loan(lender_index, 0.0, 0, [], pos.late, open=False))
            continue
        rate = min(pos.monthly_rate, cap)
        offer = LoanOffer.model_construct(
            amount_fen=owed, term=Term(terms.months, Unit.MONTH), rate=Rate(rate, MONTH),
            repayment=Repayment.EQUAL_INSTALLMENT, upfront_fee=None, service_fee=None,
            membership_fee=None, guarantee_fee=None, late=pos.late)
        loans.append(_Loan(lender_index, float(rate * 12), owed,
                           _dues_from(offer, 0), pos.late))
    return loans


def run_plan(
    name: PlanName | None,
    person: Person,
    loans: list[_Loan],
    lenders: tuple[Lender, ...],
    horizon: int,
    borrow: bool,
    extra: PlanName | None,
    until: int = MAX_PLAN_MONTHS,
) -> tuple[PlanResult, int | None]:
    """Run from today until debt-free (and nothing can change) or MAX_PLAN_MONTHS; returns the
    result and the first month cash ran out (an instalment unpaid, or cash below zero)."""
    run = _Run(person, [], lenders, borrow, extra, person.savings_fen)
    for loan in loans:
        run.add(loan)
        run.behind_without_late_terms |= loan.overdue_since is not None and loan.late is None
    debt: list[int] = []
    cash: list[int] = []
    paid: list[int] = []
    costs: list[int] = []
    debt_free_since: int | None = 0 if run.debt_free() else None
    cash_out: int | None = None
    month = 0
    steady = person.monthly_income_fen >= person.monthly_expenses_fen
    while month < until:
        month += 1
        first = (month - 1) * DAYS_PER_MONTH
        end = first + DAYS_PER_MONTH
        run.day = first
        run.month_start(month)
        while True:
            run.dues_today()
            run.shortfall()
            run.settle()
            if run.day == first:
                run.extra_payments()
            next_day = min(run.events[0][0] if run.events else end, end)
            next_day = max(next_day, run.day + 1)
            run.penalties_until(next_day)
            run.day = next_day
            if next_day >= end:
                break
        month_debt = run.debt()
        debt.append(month_debt)
        cash.append(run.cash)
        paid.append(run.paid_month)
        costs.append(run.interest + run.fees + run.penalties - sum(costs))
        if cash_out is None and run.shortfall_month:
            cash_out = month
        if run.debt_free():
            if debt_free_since is None:
                debt_free_since = month
        else:
            debt_free_since = None
        if month >= horizon and debt_free_since is not None and steady and run.cash >= 0:
            break
    final = FinalState(month, run.state(), debt[-1], cash[-1])
    result = PlanResult(
        name=name or PlanName.AVALANCHE,
        total_cost_fen=run.interest + run.fees + run.penalties,
        interest_fen=run.interest, fees_fen=run.fees, penalties_fen=run.penalties,
        months_to_debt_free=debt_free_since,
        debt_by_month=tuple(_pad(debt, horizon)), cash_by_month=tuple(_pad(cash, horizon)),
        paid_by_month=tuple(_pad(paid, horizon, zero=True)),
        costs_by_month=tuple(_pad(costs, horizon, zero=True)),
        new_loans=run.new_loans, final_state=final,
        behind_without_late_terms=run.behind_without_late_terms,
    )
    return result, cash_out


def _pad(values: list[int], horizon: int, zero: bool = False) -> list[int]:
    """The first ``horizon`` months; a run that stopped early stays where it ended."""
    if len(values) >= horizon:
        return values[:horizon]
    fill = 0 if zero else values[-1]
    return values + [fill] * (horizon - len(values))
