"""Turn pydantic's validation errors into located :class:`InputError` values.

Our own parsers raise InputError inside validators; pydantic wraps them, and this unwraps them again
with the full field path, so "lenders[2].rate" can be named in a message.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from debtcoach.errors import InputError


def _path(loc: Sequence[int | str], tags: frozenset[str]) -> str:
    """'steps[6].prompt.zh' from pydantic's loc, without the tag a tagged union adds after an
    index ('steps', 6, 'decision', 'prompt', 'zh')."""
    loc = [part for index, part in enumerate(loc)
           if not (part in tags and index > 0 and isinstance(loc[index - 1], int))]
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not part.startswith("function-") and "[" not in part:
            out += f".{part}" if out else part
    return out


def input_errors(
    exc: ValidationError, prefix: str = "", tags: frozenset[str] = frozenset()
) -> list[InputError]:
    """One InputError per problem, each with the dotted path of the field at fault. ``tags`` are
    the tags of tagged unions in the model (lesson step types), left out of paths."""
    found: list[InputError] = []
    for error in exc.errors():
        where = _path(error["loc"], tags)
        original = (error.get("ctx") or {}).get("error")
        if isinstance(original, InputError):
            # A field validator's loc already ends at the field; a model validator's stops at the
            # model, so its own field name completes the path.
            leaf = original.field.rsplit(".", 1)[-1]
            if not where:
                field = original.field
            else:
                field = where if where.endswith(leaf) else f"{where}.{leaf}"
            found.append(_prefixed(InputError(field, original.code, **original.params), prefix))
            continue
        kind = error["type"]
        ctx = error.get("ctx") or {}
        params: dict[str, object] = {"value": _short(error.get("input"))}
        code = _CODES.get(kind, "value_invalid")
        if kind == "enum":
            params["allowed"] = ctx.get("expected", "")
        elif kind in _LIMITS:
            params["limit"] = ctx.get(_LIMITS[kind], "")
        found.append(_prefixed(InputError(where or "(top)", code, **params), prefix))
    return found


_CODES = {
    "missing": "field_missing",
    "extra_forbidden": "field_unknown",
    "enum": "choice_invalid",
    "greater_than_equal": "number_min",
    "greater_than": "number_above",
    "less_than_equal": "number_max",
    "string_too_short": "text_empty",
    "int_parsing": "whole_number",
    "int_type": "whole_number",
    "int_from_float": "whole_number",
    "float_parsing": "number_invalid",
    "float_type": "number_invalid",
    "finite_number": "number_invalid",
    "bool_parsing": "bool_invalid",
    "bool_type": "bool_invalid",
    "string_type": "text_invalid",
    "model_type": "table_invalid",
    "model_attributes_type": "table_invalid",
    "dict_type": "table_invalid",
    "list_type": "list_invalid",
}
_LIMITS = {"greater_than_equal": "ge", "greater_than": "gt", "less_than_equal": "le"}


def _prefixed(error: InputError, prefix: str) -> InputError:
    if not prefix:
        return error
    if prefix.endswith(":"):
        field = f"{prefix} {error.field}"
    elif error.field.startswith("["):
        field = prefix + error.field
    else:
        field = f"{prefix}.{error.field}"
    return InputError(field, error.code, **error.params)


def _short(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:37] + "..."
