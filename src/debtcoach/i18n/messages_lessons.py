"""User-facing sentences of the lesson player and the lesson checker, in 简体中文 and English
(merged into MESSAGES)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "error.answer_given_away": {
        "zh": "在回答之前就显示了答案 {value}（{lang}）；请把它移到揭晓之后（prose），或换一个例子",
        "en": "shows the answer {value} before it is asked ({lang}); move it to the reveal (prose) or use another example",
    },
    "key.give_up": {"zh": "看答案", "en": "Answer"},
    "player.month_from_pay": {"zh": "  其中用工资", "en": "  from pay"},
    "player.month_interest": {"zh": "新产生利息", "en": "Interest charged"},
    "player.month_fees": {"zh": "新产生费用", "en": "Fees charged"},
    "player.month_penalties": {"zh": "新产生罚息", "en": "Penalties charged"},
    # --- the end of a lesson ---
    "end.title": {"zh": "✓ 学完了：{title}", "en": "✓ Lesson complete: {title}"},
    "end.learned": {"zh": "这一课讲的是：", "en": "What this lesson was about:"},
    "end.answers": {"zh": "你的回答：", "en": "Your answers:"},
    "end.quiz_first": {"zh": "✓ {question}（一次答对）", "en": "✓ {question} (right first time)"},
    "end.quiz_later": {"zh": "✓ {question}（第 {tries} 次答对）", "en": "✓ {question} (right on try {tries})"},
    "end.quiz_missed": {"zh": "✗ {question}（看了答案，共试 {tries} 次）", "en": "✗ {question} (answer shown after {tries} tries)"},
    "end.prediction": {"zh": "· {question} 你猜 {guess}，实际 {actual}", "en": "· {question} You guessed {guess}; it was {actual}"},
    "end.next": {"zh": "下一课：{title}。按 Enter 开始，← 回去重看，Esc 回主页。", "en": "Next: {title}. Enter to start it, ← to reread, Esc for home."},
    "end.last": {"zh": "这是最后一课。← 回去重看，Esc 回主页。", "en": "That was the last lesson. ← to reread, Esc for home."},
    "key.next_lesson": {"zh": "下一课", "en": "Next lesson"},
    "home.all_done": {"zh": "✓ 所有课程都学完了。可以从列表里任选一课重看。", "en": "✓ You have finished every lesson. Pick any one below to go over it again."},
    # --- predictions ---
    "player.reveal_under": {
        "zh": "实际是 {actual}，你猜的是 {guess}：低了 {gap}。",
        "en": "It is {actual}; you guessed {guess}: {gap} too low.",
    },
    "player.reveal_over": {
        "zh": "实际是 {actual}，你猜的是 {guess}：高了 {gap}。",
        "en": "It is {actual}; you guessed {guess}: {gap} too high.",
    },
    "player.reveal_close": {
        "zh": "✓ 实际是 {actual}，你猜的是 {guess}：猜对了（差距在 {tolerance} 以内）。",
        "en": "✓ It is {actual}; you guessed {guess}: right (within {tolerance}).",
    },
    "player.gap_points": {"zh": "{points} 个百分点", "en": "{points} percentage points"},
    "player.gap_money": {"zh": "{money}（{share}）", "en": "{money} ({share})"},
    "player.working": {"zh": "怎么算出来的：{formula}", "en": "How it is worked out: {formula}"},
    # --- quizzes ---
    "player.try_again": {"zh": "✗ 不对，再试一次。", "en": "✗ Not quite. Try again."},
    "player.hint_hint": {"zh": "按 h 看提示。", "en": "Press h for a hint."},
    "player.give_up_hint": {"zh": "按 a 直接看答案。", "en": "Press a to see the answer."},
    "player.pick_one": {"zh": "请先选至少一项。", "en": "Pick at least one answer first."},
    "player.your_number": {"zh": "你的答案：{value}", "en": "Your answer: {value}"},
    "player.choice_right_picked": {"zh": "✓ {text}（你选的，正确）", "en": "✓ {text} (your pick: right)"},
    "player.choice_right_missed": {"zh": "✓ {text}（正确答案，你没选）", "en": "✓ {text} (right answer, not picked)"},
    "player.choice_wrong_picked": {"zh": "✗ {text}（你选的，不对）", "en": "✗ {text} (your pick: wrong)"},
    "player.choice_other": {"zh": "· {text}", "en": "· {text}"},
    "player.tries": {"zh": "第 {count} 次尝试", "en": "try {count}"},
    # --- the working behind a computed answer ---
    "working.rate_per_year": {
        "zh": "{per}{rate} × 一年{count}{periods} = 年化 {annual}",
        "en": "{rate} {per} × {count} {periods} in a year = {annual} a year",
    },
    "working.apr_of": {
        "zh": "到手 {received}，分 {payments} 期共还 {repaid}。让借到的和还出的相等的每期利率（IRR）是 {periodic}，× 一年 {per_year} 期 = 年化 {apr}",
        "en": "you get {received} and repay {repaid} in {payments} payments; the rate per period that makes them equal (IRR) is {periodic}, × {per_year} periods a year = {apr} a year",
    },
    "working.cost_of": {
        "zh": "一共还 {repaid} − 到手 {received} = 成本 {cost}",
        "en": "{repaid} repaid − {received} received = {cost} cost",
    },
    "working.received_of": {
        "zh": "合同金额 {amount} − 放款时扣掉 {at_payout} = 到手 {received}",
        "en": "{amount} in the contract − {at_payout} taken at payout = {received} received",
    },
    "working.debt_at": {
        "zh": "模拟到第 {month} 个月月底，还欠的本金、利息、费用和罚息合计 {debt}",
        "en": "principal, interest, fees and penalties still owed at the end of month {month} of the simulation: {debt}",
    },
    "working.costs_at": {
        "zh": "第 1–{month} 个月付的利息 {interest} + 费用 {fees} + 罚息 {penalties} = {total}",
        "en": "interest {interest} + fees {fees} + penalties {penalties} paid in months 1–{month} = {total}",
    },
    "working.share_stacking": {
        "zh": "{paths} 条模拟路径里，有 {stacked} 条到第 {month} 个月借新还旧或逾期 = {share}",
        "en": "{stacked} of {paths} simulated paths borrowed to repay or fell behind by month {month} = {share}",
    },
    "working.average": {"zh": "（{paths} 条路径的平均值）", "en": " (the average of {paths} paths)"},
    "per.day": {"zh": "每天", "en": "a day"},
    "per.week": {"zh": "每周", "en": "a week"},
    "per.semimonth": {"zh": "每半月", "en": "a half-month"},
    "per.month": {"zh": "每月", "en": "a month"},
    "per.quarter": {"zh": "每季度", "en": "a quarter"},
    "per.year": {"zh": "每年", "en": "a year"},
    "periods.day": {"zh": "天", "en": "days"},
    "periods.week": {"zh": "周", "en": "weeks"},
    "periods.semimonth": {"zh": "个半月", "en": "half-months"},
    "periods.month": {"zh": "个月", "en": "months"},
    "periods.quarter": {"zh": "个季度", "en": "quarters"},
    "periods.year": {"zh": "年", "en": "years"},
}
