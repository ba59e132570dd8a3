"""Sentences of the lesson player's navigation and long computations, in 简体中文 and English
(merged into MESSAGES)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "key.other": {"zh": "换个选择", "en": "Try another choice"},
    "player.your_choice": {"zh": "{choice}　✓ 你的选择", "en": "{choice}  ✓ your choice"},
    "player.exploring": {"zh": "现在看的是另一条路：{choice}", "en": "Now showing another branch: {choice}"},
    "player.explore_hint": {
        "zh": "想看看另一条路？选另一个选项，后面几步会按它重新演算；你的第一个选择仍算作你的答案。",
        "en": "Curious about another branch? Pick another choice: the next steps re-run with it; "
              "your first choice stays your answer.",
    },
    "player.computing": {
        "zh": "⏳ 正在计算{paths}条路径…… {percent}%。可以先写下你的估计。",
        "en": "⏳ Computing the {paths:path|paths}… {percent}%. You can type your guess meanwhile.",
    },
    "player.computing_guess": {
        "zh": "你的估计：{guess}。算完就揭晓。",
        "en": "Your guess: {guess}. The answer shows as soon as the paths are computed.",
    },
    "player.computing_resume": {
        "zh": "正在计算这一课的模拟（{percent}%），算完回到你上次的位置…… 按 Esc 取消",
        "en": "Computing this lesson's simulations ({percent}%), then back to where you were… Esc to cancel",
    },
    "spread.title": {"zh": "[b]{paths}条路径，逐月看[/b]", "en": "[b]All {paths:path|paths}, month by month[/b]"},
    "spread.legend": {
        "zh": "月末欠款：10%的人欠得比“少的10%”一栏少，一半的人比“中位数”少，90%的人比“多的10%”少。后三栏是到这个月为止借新还旧或逾期、曾经逾期、以及月末已违约的人的比例。",
        "en": "Debt at the month's end: 10% of paths owe less than p10, half less than the median, 90% less than p90. Then the shares that have borrowed to repay or fallen behind, ever been overdue, and are in default at the month's end.",
    },
    "spread.col.month": {"zh": "月", "en": "month"},
    "spread.col.p10": {"zh": "少的10%", "en": "p10"},
    "spread.col.p50": {"zh": "中位数", "en": "median"},
    "spread.col.p90": {"zh": "多的10%", "en": "p90"},
    "spread.col.stacking": {"zh": "借新还旧", "en": "to repay"},
    "spread.col.overdue": {"zh": "曾逾期", "en": "behind"},
    "spread.col.default": {"zh": "违约", "en": "default"},
    "spread.against_first": {
        "zh": "第{month}个月，和第一次运行相比：借新还旧或逾期 {stacking_before} → {stacking}，曾经逾期 {overdue_before} → {overdue}，已违约 {default_before} → {default}。",
        "en": "Month {month}, against the first run: borrowed to repay or fell behind {stacking_before} → {stacking}; ever behind {overdue_before} → {overdue}; in default {default_before} → {default}.",
    },
}
