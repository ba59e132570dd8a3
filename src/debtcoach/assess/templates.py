"""Loan templates for common products, so a person can start from something like their loan and
change what differs. The figures are illustrations, not market data (typical app rates are
UNCONFIRMED in FACTS.md); every field stays editable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from debtcoach.assess.models import LoanInput


@dataclass(frozen=True)
class Template:
    id: str
    message_key: str  # i18n key of the template's name
    fields: dict[str, Any]

    def loan(self, **changes: Any) -> LoanInput:
        """A loan from this template with ``changes`` (TOML field names) applied."""
        return LoanInput.model_validate({**self.fields, **changes})


TEMPLATES: tuple[Template, ...] = (
    Template("cash-loan-30d", "assess.template.cash_loan_30d", {
        "amount": 1000, "term": "30d", "rate": "0.05%/day", "repayment": "bullet",
    }),
    Template("instalment-12m-monthly-fee", "assess.template.instalment_12m", {
        "amount": 6000, "term": "12m", "rate": "0%/month", "repayment": "equal-principal",
        "service_fee": "0.75%/period",
    }),
    Template("card-instalment-0.6", "assess.template.card_instalment", {
        "kind": "credit-card", "amount": 10000, "term": "12m", "rate": "0.6%/month",
        "repayment": "flat-fee",
    }),
)


def template(template_id: str) -> Template:
    for found in TEMPLATES:
        if found.id == template_id:
            return found
    raise KeyError(template_id)
