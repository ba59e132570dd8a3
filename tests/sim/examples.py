"""Example scenarios shared by the engine tests (the issue's closed-form one, and late terms)."""

from typing import Any

# Debt must grow by exactly 1.02 / 0.9 a month: each new loan pays out the previous one's
# 1.02 × contract, and only 90% of a contract is paid out.
PHONE_SCREEN: dict[str, Any] = {
    "months": 12,
    "borrower": {"monthly_income": 5000, "monthly_expenses": 5000, "savings": 0},
    "events": [{"month": 0, "amount": 2000, "label": "phone screen broke"}],
    "lenders": [{
        "id": "quick", "name": "QuickCash", "max_amount": 100000, "term": "1m",
        "rate": "2%/month", "repayment": "bullet", "upfront_fee": "10%",
    }],
    "policy": {"when_short": "stack"},
}

LATE = {"penalty_rate": "0.1%/day", "late_fee": 50, "grace_days": 3}
