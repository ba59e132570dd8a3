"""Sentences of the lesson player's navigation and long computations, in 简体中文 and English
(merged into MESSAGES)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "player.computing": {
        "zh": "⏳ 正在计算{paths}条路径…… {percent}%。可以先写下你的估计。",
        "en": "⏳ Computing the {paths} paths… {percent}%. You can type your guess meanwhile.",
    },
    "player.computing_guess": {
        "zh": "你的估计：{guess}。算完就揭晓。",
        "en": "Your guess: {guess}. The answer shows as soon as the paths are computed.",
    },
    "player.computing_resume": {
        "zh": "正在计算这一课的模拟（{percent}%），算完回到你上次的位置…… 按 Esc 取消",
        "en": "Computing this lesson's simulations ({percent}%), then back to where you were… Esc to cancel",
    },
}
