"""Loan templates for common products, so a person can start from something like their loan and
change what differs. The figures are illustrations, not market data (typical app rates are
UNCONFIRMED in FACTS.md); every field stays editable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from debtcoach.assess.models import LoanInput
from debtcoach.finance.offers import Fee, Term
from debtcoach.finance.rates import Rate


@dataclass(frozen=True)
class Template:
    id: str
    message_key: str  # i18n key of the template's name
    fields: dict[str, Any]

    def loan(self, **changes: Any) -> LoanInput:
        """A loan from this template with ``changes`` (TOML field names) applied."""
        return LoanInput.model_validate({**self.fields, **changes})

    def fields_in(self, lang: str) -> dict[str, Any]:
        """The fields as a person reading ``lang`` would type them: in Chinese the term, rate
        and fees in Chinese units (30天, 0.05%/天, 0.75%/每期), which the parsers read back to
        the same loan."""
        if lang != "zh":
            return dict(self.fields)
        loan, spelled = self.loan(), dict(self.fields)
        for name in self.fields:
            value = getattr(loan, name, None)
            if isinstance(value, Term | Rate):
                spelled[name] = value.in_chinese()
            elif isinstance(value, Fee):
                spelled[name] = value.spelled(lang)
        return spelled


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
