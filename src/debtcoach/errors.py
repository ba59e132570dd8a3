"""Errors as values with a location.

The pure core never writes sentences for people: it raises an :class:`InputError` that names the
field, a message code and the facts needed to explain it. The shells (CLI, TUI) turn the code into
words in the user's language via :mod:`debtcoach.i18n`.
"""

from __future__ import annotations

from typing import Any


class InputError(ValueError):
    """Bad input: ``field`` says where, ``code`` says what, ``params`` fill in the message."""

    def __init__(self, field: str, code: str, **params: Any) -> None:
        self.field = field
        self.code = code
        self.params = params
        super().__init__(f"{field}: {code} {params}")


class InputErrors(ValueError):
    """Several located problems found at once (a whole file checked), reported one per line."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))
