"""The assessment as JSON-ready data: key names are a contract other tools read, keep them.
Rates are fractions, money is yuan, dates ISO; a rate too large for a float is null."""

from __future__ import annotations

import math
from typing import Any

from debtcoach.assess.results import Assessment, LoanResult, PlanResult


def yuan(fen: int) -> float:
    return round(fen / 100, 2)


def _finite(value: float | None) -> float | None:
    return value if value is None or math.isfinite(value) else None


def assessment_json(assessment: Assessment) -> dict[str, Any]:
    return {
        "loans": [_loan(loan) for loan in assessment.loans],
        "monthly_debt_payments": yuan(assessment.monthly_debt_payments_fen),
        "debt_payments_to_income": _finite(assessment.debt_payments_to_income),
        "lenders": assessment.lenders,
        "months_until_cash_runs_out": assessment.months_until_cash_runs_out,
        "plans": {name.value: _plan(plan) for name, plan in assessment.plans.items()},
        "risk": {"level": assessment.risk.level.value, "reasons": list(assessment.risk.reasons)},
    }


def _loan(loan: LoanResult) -> dict[str, Any]:
    figures = loan.figures
    nxt = loan.next_payment
    return {
        "lender": loan.lender,
        "apr_nominal": _finite(figures.apr_nominal),
        "apr_effective": _finite(figures.apr_effective),
        "apr_advertised": _finite(figures.apr_advertised),
        "cost_remaining": yuan(loan.cost_remaining_fen),
        "owed": yuan(loan.owed_fen),
        "next_payment": None if nxt is None else {
            "number": nxt.number,
            "date": nxt.due.isoformat() if nxt.due else None,
            "amount": yuan(nxt.amount_fen),
            "overdue": nxt.overdue,
        },
        "legal_lines_crossed": [
            {
                "id": line.id,
                "annual_rate": float(line.annual_rate),
                "name_zh": line.name_zh,
                "name_en": line.name_en,
                "in_force_from": line.start.isoformat(),
                "on": loan.contract_date.isoformat(),
                "source": line.source,
            }
            for line in loan.legal_lines_crossed
        ],
    }


def _plan(plan: PlanResult) -> dict[str, Any]:
    final = plan.final_state
    return {
        "total_cost": yuan(plan.total_cost_fen),
        "months_to_debt_free": plan.months_to_debt_free,
        "debt_by_month": [yuan(debt) for debt in plan.debt_by_month],
        "final_state": {"month": final.month, "state": final.state, "debt": yuan(final.debt_fen),
                        "cash": yuan(final.cash_fen)},
        "penalties_unknown": plan.behind_without_late_terms,
    }
