"""Turn pydantic's validation errors into located :class:`InputError` values.

Our own parsers raise InputError inside validators; pydantic wraps them, and this unwraps them again
with the full field path, so "lenders[2].rate" can be named in a message. A value that fits none of
the forms a union allows is one problem, not one per form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from debtcoach.errors import InputError

# Union members appear in pydantic's loc by their class name; our field names are snake_case.
_MEMBER = re.compile(r"^[A-Z][A-Za-z0-9]*$")


def _path(loc: Sequence[int | str], tags: frozenset[str]) -> str:
    """'steps[6].prompt.zh' from pydantic's loc, without the tag a tagged union adds after an
    index ('steps', 6, 'decision', 'prompt', 'zh') or a union member's class name."""
    loc = [part for index, part in enumerate(loc)
           if not (part in tags and index > 0 and isinstance(loc[index - 1], int))
           and not (isinstance(part, str) and _MEMBER.match(part))]
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
    for error in _one_per_union(exc.errors()):
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
        elif kind == "union_tag_invalid":
            params = {"value": str(ctx.get("tag", "")),
                      "allowed": str(ctx.get("expected_tags", "")).replace("'", "")}
        elif kind == "union_tag_not_found":
            discriminator = str(ctx.get("discriminator", "")).strip("'")
            where = f"{where}.{discriminator}" if where else discriminator
            params = {}
        elif kind == "union_forms":
            params["allowed"] = ctx["allowed"]
        elif kind in _LIMITS:
            params["limit"] = ctx.get(_LIMITS[kind], "")
        found.append(_prefixed(InputError(where or "(top)", code, **params), prefix))
    return found


def _one_per_union(errors: list[Any]) -> list[Any]:
    """Errors of a union field whose value fits none of its forms become one error naming the
    forms; when exactly one form matches by its keys, only that form's errors are kept."""
    groups: dict[tuple[int | str, ...], dict[str, list[Any]]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        at = next((i for i, part in enumerate(loc) if isinstance(part, str)
                   and _MEMBER.match(part)), None)
        if at is not None:
            groups.setdefault(loc[:at], {}).setdefault(str(loc[at]), []).append(error)
    out: list[Any] = []
    done: set[tuple[int | str, ...]] = set()
    for error in errors:
        loc = tuple(error["loc"])
        owner = next((base for base in groups if loc[:len(base)] == base and len(loc) > len(base)
                      and isinstance(loc[len(base)], str) and _MEMBER.match(str(loc[len(base)]))),
                     None)
        if owner is None:
            out.append(error)
            continue
        if owner in done:
            continue
        done.add(owner)
        members = groups[owner]
        depth = len(owner) + 2  # base, member, field
        fitting = [name for name, member_errors in members.items()
                   if not _keys_differ(member_errors, depth)]
        if len(fitting) == 1:
            out.extend(members[fitting[0]])
            continue
        forms = [str(e["loc"][-1]) for member_errors in members.values() for e in member_errors
                 if len(e["loc"]) == depth and e["type"] == "missing"]
        first = next(iter(members.values()))[0]
        out.append({"type": "union_forms", "loc": owner, "input": first.get("input"),
                    "ctx": {"allowed": ", ".join(dict.fromkeys(forms))}})
    return out


def _keys_differ(member_errors: list[Any], depth: int) -> bool:
    """A form whose keys the value does not have (or has others): not the form meant."""
    return any(len(e["loc"]) == depth and e["type"] in ("missing", "extra_forbidden")
               for e in member_errors)


_CODES = {
    "missing": "field_missing",
    "extra_forbidden": "field_unknown",
    "enum": "choice_invalid",
    "union_tag_invalid": "choice_invalid",
    "union_tag_not_found": "field_missing",
    "union_forms": "form_invalid",
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
