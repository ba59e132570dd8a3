"""Turn pydantic's validation errors into located :class:`InputError` values.

Our own parsers raise InputError inside validators; pydantic wraps them, and this unwraps them again
with the full field path, so "lenders[2].rate" can be named in a message.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from debtcoach.errors import InputError


def _path(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not part.startswith("function-") and "[" not in part:
            out += f".{part}" if out else part
    return out


def input_errors(exc: ValidationError, prefix: str = "") -> list[InputError]:
    """One InputError per problem, each with the dotted path of the field at fault."""
    found: list[InputError] = []
    for error in exc.errors():
        where = _path(error["loc"])
        original = (error.get("ctx") or {}).get("error")
        if isinstance(original, InputError):
            # A field validator's loc already ends at the field; a model validator's stops at the
            # model, so its own field name completes the path.
            leaf = original.field.rsplit(".", 1)[-1]
            field = where if where.endswith(leaf) else ".".join(p for p in (where, leaf) if p)
            found.append(_prefixed(InputError(field, original.code, **original.params), prefix))
            continue
        kind = error["type"]
        params: dict[str, object] = {"value": _short(error.get("input"))}
        if kind == "missing":
            code = "field_missing"
        elif kind == "extra_forbidden":
            code = "field_unknown"
        elif kind == "enum":
            code = "choice_invalid"
            params["allowed"] = (error.get("ctx") or {}).get("expected", "")
        elif kind.startswith(("int_", "float_", "decimal_")) or kind in ("greater_than_equal",):
            code = "number_invalid"
            params["detail"] = error["msg"]
        else:
            code = "value_invalid"
            params["detail"] = error["msg"]
        found.append(_prefixed(InputError(where or "(top)", code, **params), prefix))
    return found


def _prefixed(error: InputError, prefix: str) -> InputError:
    if not prefix:
        return error
    field = f"{prefix}.{error.field}" if not error.field.startswith("[") else prefix + error.field
    return InputError(field, error.code, **error.params)


def _short(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:37] + "..."
