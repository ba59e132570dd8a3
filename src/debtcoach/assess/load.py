"""A situation from TOML text (``debtcoach assess FILE.toml``) or a dict (the app's form), with
every problem as an InputError naming its field (``loans[1].received``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError

from debtcoach.assess.loans import position
from debtcoach.assess.models import Situation
from debtcoach.errors import InputError, InputErrors
from debtcoach.sim.loader import parse_toml
from debtcoach.validation import input_errors


def situation_from_dict(data: dict[str, Any], prefix: str = "") -> Situation:
    try:
        return Situation.model_validate(data)
    except ValidationError as exc:
        raise InputErrors(input_errors(exc, prefix=prefix)) from None


def load_situation(text: str, source: str = "situation") -> Situation:
    """Parse TOML text; errors name ``source:`` and the field."""
    return situation_from_dict(parse_toml(text, source), prefix=f"{source}:")


def check_loans(situation: Situation, today: date, prefix: str = "") -> list[InputError]:
    """Problems only visible once loans are read against today's date (a pasted plan with no
    payments, a start date after the first payment): one per loan."""
    found = []
    for index, loan in situation.active_loans():
        try:
            position(loan, index, today)
        except InputError as error:
            field = f"{prefix} {error.field}" if prefix.endswith(":") else prefix + error.field
            found.append(InputError(field, error.code, **error.params))
    return found
