"""Lesson prose: one Markdown file per language, cut into sections by ``<!-- section: id -->``."""

from __future__ import annotations

import re

from debtcoach.errors import InputError

_MARKER = re.compile(r"^<!--\s*section:\s*([A-Za-z0-9_-]+)\s*-->\s*$", re.M)


def split_sections(text: str, source: str) -> dict[str, str]:
    """Section id → Markdown. Text before the first marker is not allowed (it would be lost)."""
    sections: dict[str, str] = {}
    matches = list(_MARKER.finditer(text))
    if text[: matches[0].start() if matches else len(text)].strip():
        line = 1
        raise InputError(f"{source}:{line}", "prose_outside_section")
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        name = match[1]
        if name in sections:
            line = text.count("\n", 0, match.start()) + 1
            raise InputError(f"{source}:{line}", "prose_duplicate_section", name=name)
        body = text[match.end(): end].strip()
        if not body:
            line = text.count("\n", 0, match.start()) + 1
            raise InputError(f"{source}:{line}", "prose_empty_section", name=name)
        sections[name] = body
    return sections
