"""Scenario files from TOML text: every problem named with the file and the field path."""

from __future__ import annotations

import re
import sys
import tomllib
from typing import Any

from pydantic import ValidationError

from debtcoach.errors import InputError, InputErrors
from debtcoach.sim.scenario import Scenario
from debtcoach.validation import input_errors

_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """TOML text to a dict; a syntax error (or a duplicate key) names the file and line."""
    if not text.strip():
        raise InputError(source, "file_empty")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = _TOML_LINE.search(message)
        where = f"{source}:{line[1]}" if line else source
        detail = _TOML_LINE.sub("", message).strip()
        raise InputError(where, "toml_invalid", detail=detail) from None
    except RecursionError:  # [[[[… thousands deep: a broken file, not a scenario
        raise InputError(source, "nesting_too_deep", limit=sys.getrecursionlimit()) from None


def scenario_from_dict(data: dict[str, Any], source: str) -> Scenario:
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise InputErrors(input_errors(exc, prefix=f"{source}:")) from None


def load_scenario(text: str, source: str = "scenario") -> Scenario:
    return scenario_from_dict(parse_toml(text, source), source)
