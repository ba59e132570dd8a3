"""User-facing sentences of the simulation report and month records, in 简体中文 and English
(merged into MESSAGES)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "state.multi_lending": {"zh": "多头借贷", "en": "multi-lending"},
    "sim.costs_owed": {
        "zh": "为了 {need} 的急用，到目前产生的利息、费用和罚息共 {costs}："
              "已付 {paid}，仍欠 {owed}",
        "en": "For a {need} need: {costs} in interest, fees and penalties so far; {paid} paid, "
              "{owed} still owed",
    },
    "sim.costs_paid": {
        "zh": "为了 {need} 的急用，到目前产生的利息、费用和罚息共 {costs}，都已付清",
        "en": "For a {need} need: {costs} in interest, fees and penalties so far, all paid",
    },
    "sim.costs_owed_no_need": {
        "zh": "到目前产生的利息、费用和罚息共 {costs}：已付 {paid}，仍欠 {owed}",
        "en": "{costs} in interest, fees and penalties so far; {paid} paid, {owed} still owed",
    },
    "sim.costs_paid_no_need": {
        "zh": "到目前产生的利息、费用和罚息共 {costs}，都已付清",
        "en": "{costs} in interest, fees and penalties so far, all paid",
    },
}
