"""The self-assessment form as plain data: what the person typed, field by field, and how it
becomes the core's :class:`debtcoach.assess.Situation` with every problem placed on its field.

Kept apart from the screen so it can be tested without a terminal: the screen only copies widget
values in and error messages out. Text is kept exactly as typed (saved assessments reopen with
the same half-finished fields); empty optional fields are simply left out of the situation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, Literal

from debtcoach.assess import (
    Situation,
    check_loans,
    parse_repayment_plan,
    situation_from_dict,
    template,
)
from debtcoach.errors import InputError, InputErrors

FORM_VERSION: Final = 1
PERSON_FIELDS: Final = ("monthly_income", "monthly_expenses", "savings")
TERMS_FIELDS: Final = ("amount", "received", "term", "rate", "repayment", "upfront_fee",
                       "service_fee", "paid_instalments", "days_overdue", "penalty_rate")
PLAN_FIELDS: Final = ("received", "paid_instalments", "days_overdue", "penalty_rate")
WHOLE_NUMBERS: Final = ("paid_instalments", "days_overdue")
REPAYMENTS: Final = ("equal-installment", "equal-principal", "interest-first", "bullet",
                     "flat-fee")
TEMPLATE_IDS: Final = ("cash-loan-30d", "instalment-12m-monthly-fee", "card-instalment-0.6")
MAX_FORM_LOANS: Final = 12
Mode = Literal["terms", "plan"]


@dataclass
class LoanRow:
    """One loan as typed: by contract terms, or by a pasted repayment plan."""

    lender: str = ""
    enabled: bool = True
    mode: Mode = "terms"
    kind: str = "loan"
    to_repay_other_loans: bool = False
    fields: dict[str, str] = field(default_factory=dict)
    schedule: str = ""

    def value(self, name: str) -> str:
        return self.fields.get(name, "")


@dataclass
class Form:
    person: dict[str, str] = field(default_factory=dict)
    loans: list[LoanRow] = field(default_factory=list)

    # --- saving ---------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "version": FORM_VERSION,
            "person": dict(self.person),
            "loans": [{"lender": row.lender, "enabled": row.enabled, "mode": row.mode,
                       "kind": row.kind, "to_repay_other_loans": row.to_repay_other_loans,
                       "fields": dict(row.fields), "schedule": row.schedule}
                      for row in self.loans],
        }

    @classmethod
    def from_json(cls, data: object) -> Form:
        """A saved form; anything unexpected in it is dropped rather than trusted."""
        if not isinstance(data, dict):
            return cls()
        person = _texts(data.get("person"), PERSON_FIELDS)
        loans: list[LoanRow] = []
        items = data.get("loans")
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict) or len(loans) >= MAX_FORM_LOANS:
                continue
            mode: Mode = "plan" if item.get("mode") == "plan" else "terms"
            loans.append(LoanRow(
                lender=_text(item.get("lender")), enabled=item.get("enabled") is not False,
                mode=mode, kind="credit-card" if item.get("kind") == "credit-card" else "loan",
                to_repay_other_loans=item.get("to_repay_other_loans") is True,
                fields=_texts(item.get("fields"), TERMS_FIELDS),
                schedule=_text(item.get("schedule"))))
        return cls(person, loans)

    # --- towards the core -----------------------------------------------------------------

    def situation_data(self) -> dict[str, Any]:
        """The dict :func:`debtcoach.assess.situation_from_dict` reads: typed text, empty
        optional fields left out, every loan kept (switched-off ones marked) so that error paths
        ``loans[i]`` are the form's rows."""
        person = {name: text.strip() for name, text in self.person.items()
                  if name in PERSON_FIELDS and text.strip()}
        loans = []
        for row in self.loans:
            names = PLAN_FIELDS if row.mode == "plan" else TERMS_FIELDS
            loan: dict[str, Any] = {"lender": row.lender.strip()[:60], "enabled": row.enabled,
                                    "kind": row.kind,
                                    "to_repay_other_loans": row.to_repay_other_loans}
            for name in names:
                text = row.value(name).strip()
                if text and name == "penalty_rate":
                    loan["late"] = {"penalty_rate": text}
                elif text:
                    loan[name] = _whole(text) if name in WHOLE_NUMBERS else text
            if row.mode == "plan":
                loan["schedule"] = row.schedule
            loans.append(loan)
        return {"person": person, "loans": loans}

    def check(self, today: date) -> tuple[Situation | None, list[InputError]]:
        """The situation, or the problems with their field paths (``person.savings``,
        ``loans[1].rate``). Switched-off loans are checked too: their fields are still shown."""
        pasted = []  # a pasted plan is read at once, so its box can say which line is wrong
        for index, row in enumerate(self.loans):
            if row.mode == "plan":
                try:
                    parse_repayment_plan(row.schedule, today, f"loans[{index}].schedule")
                except InputError as error:
                    pasted.append(error)
        try:
            situation = situation_from_dict(self.situation_data())
        except InputErrors as errors:
            return None, pasted + [e for e in errors.errors if e.field not in
                                   {p.field.split(":")[0] for p in pasted}]
        except InputError as error:
            return None, [*pasted, error]
        if pasted:
            return None, pasted
        problems = check_loans(situation, today)
        return (None, problems) if problems else (situation, [])


def from_template(template_id: str, lang: str = "en") -> LoanRow:
    """A new row filled from one of the core's product templates, spelled for ``lang`` (every
    field still editable)."""
    found = template(template_id)
    fields = {name: str(value) for name, value in found.fields_in(lang).items()
              if name in TERMS_FIELDS}
    return LoanRow(kind=str(found.fields.get("kind", "loan")), fields=fields)


def field_id(path: str) -> str:
    """The widget id of the field an error path names: ``loans[1].rate`` → ``loan-1-rate``,
    ``person.savings`` → ``person-savings``; a whole loan ``loans[1]`` → ``loan-1``."""
    if path.startswith("person."):
        return "person-" + path.removeprefix("person.").split(".")[0]
    if path.startswith("loans["):
        index, _, rest = path.removeprefix("loans[").partition("]")
        name = rest.removeprefix(".").split(".")[0].split(":")[0]
        name = "penalty_rate" if name == "late" else name  # loans[i].late.penalty_rate
        return f"loan-{index}-{name}" if name else f"loan-{index}"
    return "form"


def _whole(text: str) -> int | str:
    """Whole numbers as ints (so the model's limits apply); anything else as typed, for the
    model to refuse with its own message."""
    digits = text.replace(",", "").strip()
    return int(digits) if digits.isascii() and digits.isdigit() and len(digits) < 10 else text


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _texts(value: object, names: tuple[str, ...]) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {name: text for name, text in value.items() if name in names and isinstance(text, str)}
