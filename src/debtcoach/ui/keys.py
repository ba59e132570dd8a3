"""Key descriptions in the footer follow the language: each binding has an id whose label lives in
the message catalog as ``key.<id>``."""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from debtcoach.i18n import Lang, t
from debtcoach.i18n.messages import MESSAGES


def localize_bindings(node: DOMNode, lang: Lang) -> None:
    """Relabel ``node``'s bindings in ``lang`` (its own copy; the class keeps its defaults)."""
    bindings = node._bindings.key_to_bindings
    for key, found in bindings.items():
        bindings[key] = [
            replace(b, description=t(f"key.{b.id}", lang)) if f"key.{b.id}" in MESSAGES else b
            for b in found
        ]
