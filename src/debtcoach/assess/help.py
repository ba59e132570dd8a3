"""Where to get help and what to beware of, as data: each item names its message key and the ids
of its sources in lessons/sources.toml (FACTS.md §2.12, §4.3, §4.4)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HelpItem:
    id: str
    message_key: str
    sources: tuple[str, ...]


HELP_LINES: tuple[HelpItem, ...] = (
    HelpItem("12378", "assess.help.12378", ("complaint-12378-szcga", "report-channels-dataiw")),
    HelpItem("12363", "assess.help.12363", ("complaint-12363-pboc",)),
    HelpItem("96110", "assess.help.96110", ("report-channels-dataiw",)),
    HelpItem("110", "assess.help.110", ("report-channels-dataiw",)),
)

WARNINGS: tuple[HelpItem, ...] = (
    HelpItem("paid-agents", "assess.warn.paid_agents",
             ("beijing-cbirc-agent-warning-2022", "joint-risk-warning-2026",
              "cbirc-debt-optimisation")),
    HelpItem("negotiate-yourself", "assess.warn.negotiate_yourself",
             ("credit-card-art70-yktchina",)),
)

# Where a negotiated plan comes from: a card's 个性化分期 (CBRC 2011 credit-card rules art. 70),
# for other lenders a request, not a right.
NEGOTIATION_SOURCES: tuple[str, ...] = ("credit-card-art70-yktchina",)
