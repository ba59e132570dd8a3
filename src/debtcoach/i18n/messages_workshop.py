"""User-facing sentences of the workshop feature, in 简体中文 and English (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
