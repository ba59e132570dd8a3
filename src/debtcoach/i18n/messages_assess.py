"""User-facing sentences of the assess feature, in 简体中文 and English (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- debtcoach forget ---
    "assess.ui.forget.nothing": {
        "zh": "{folder} 里没有 debtcoach 保存的数据，无需删除。",
        "en": "debtcoach has nothing stored in {folder}; nothing to delete.",
    },
    "assess.ui.forget.what": {
        "zh": "将删除 debtcoach 保存在 {folder} 的所有数据："
        "课程进度、答案、设置、保存的自我评估和知识测验。",
        "en": "This deletes everything debtcoach stored in {folder}: lesson progress, answers, "
        "settings, saved self-assessments and knowledge checks.",
    },
    "assess.ui.forget.counts": {
        "zh": "其中有{lessons}门课程的进度、{answers}个答案、"
        "{assessments}份自我评估、{checks}次知识测验。",
        "en": "It holds progress in {lessons} lessons, {answers} answers, {assessments} "
        "self-assessments and {checks} knowledge checks.",
    },
    "assess.ui.forget.confirm": {
        "zh": "确定删除吗？无法恢复", "en": "Delete it all? This cannot be undone",
    },
    "assess.ui.forget.kept": {"zh": "没有删除任何东西。", "en": "Nothing was deleted."},
    "assess.ui.forget.done": {
        "zh": "已删除 debtcoach 保存在 {folder} 的所有数据。",
        "en": "Deleted everything debtcoach stored in {folder}.",
    },
    # --- home screen entries ---
    "assess.ui.home.assess": {"zh": "评估我自己的借款", "en": "Assess my own loans"},
    "knowledge.home.button": {"zh": "知识小测验", "en": "Knowledge check"},
    "knowledge.home.suggest_before": {
        "zh": "开始第一课前，先做3分钟知识小测验；学完后再做一次，看看学到了什么。",
        "en": "Before the first lesson, take the 3-minute knowledge check; take it again after "
        "the last one to see what you learned.",
    },
    "knowledge.home.suggest_after": {
        "zh": "你学完了所有课程：再做一次知识小测验，和第一次比一比。",
        "en": "You finished every lesson: take the knowledge check again and compare.",
    },
    "knowledge.home.scores": {
        "zh": "知识小测验：第一次答对{first}/{total}，最近一次答对{latest}/{total}。",
        "en": "Knowledge check: {first}/{total} right the first time, {latest}/{total} the latest.",
    },
    "knowledge.home.score": {
        "zh": "知识小测验：答对{first}/{total}。学完课程后再做一次来对比。",
        "en": "Knowledge check: {first}/{total} right. Take it again after the lessons to compare.",
    },
    # --- knowledge check screen ---
    "knowledge.title": {"zh": "知识小测验", "en": "Knowledge check"},
    "knowledge.intro": {
        "zh": "{count}道选择题，大约3分钟。不会就选「不知道」：如实回答，前后对比才有意义。"
        "\n答案只保存在这台电脑上。",
        "en": "{count} single-choice questions, about 3 minutes. If you are not sure, choose "
        "\"don't know\": honest answers make the before/after comparison mean something.\n"
        "Your answers stay on this computer.",
    },
    "knowledge.moment.before": {
        "zh": "这是学习前的测验。学完所有课程后再做一次。",
        "en": "This is your check before the lessons. Take it again after the last one.",
    },
    "knowledge.moment.after": {
        "zh": "你已学完所有课程：这次测验会和第一次比较。",
        "en": "You have finished every lesson: this check is compared with your first.",
    },
    "knowledge.moment.any": {
        "zh": "随时都可以做；结果会和你的第一次测验比较。",
        "en": "You can take it any time; the result is compared with your first check.",
    },
    "knowledge.start": {"zh": "开始", "en": "Start"},
    "knowledge.show_results": {"zh": "看我的成绩", "en": "See my scores"},
    "knowledge.again": {"zh": "再做一次", "en": "Take it again"},
    "knowledge.done": {"zh": "返回主页", "en": "Back to home"},
    "knowledge.progress": {"zh": "第{index}/{total}题", "en": "Question {index} of {total}"},
    "knowledge.dont_know": {"zh": "不知道", "en": "Don't know"},
    "knowledge.keys": {
        "zh": "↑↓ 选择，Enter 确定；← 上一题；Esc 离开（本次不保存）",
        "en": "↑↓ choose, Enter to answer; ← previous question; Esc to leave (not saved)",
    },
    "knowledge.results": {"zh": "你的成绩", "en": "Your scores"},
    "knowledge.score_line": {
        "zh": "{label}（{date}）：答对{right}/{total}，答错{wrong}，不知道{dont_know}",
        "en": "{label} ({date}): {right}/{total} right, {wrong} wrong, {dont_know} don't know",
    },
    "knowledge.label.first": {"zh": "第一次", "en": "First check"},
    "knowledge.label.latest": {"zh": "最近一次", "en": "Latest check"},
    "knowledge.label.moment.before": {"zh": "学习前", "en": "before the lessons"},
    "knowledge.label.moment.after": {"zh": "学完后", "en": "after the lessons"},
    "knowledge.label.moment.any": {"zh": "学习中", "en": "during the lessons"},
    "knowledge.only_one": {
        "zh": "学完课程后再做一次，就能看到哪些题的答案变了。",
        "en": "Take it again after the lessons to see which answers changed.",
    },
    "knowledge.changed_count": {
        "zh": "{learned}道题从不会变成会，{lost}道题从会变成不会。",
        "en": "{learned} questions went from not known to right, {lost} from right to not right.",
    },
    "knowledge.column.question": {"zh": "题目", "en": "Question"},
    "knowledge.column.first": {"zh": "第一次", "en": "First"},
    "knowledge.column.latest": {"zh": "最近", "en": "Latest"},
    "knowledge.outcome.right": {"zh": "✓ 对", "en": "✓ right"},
    "knowledge.outcome.wrong": {"zh": "✗ 错", "en": "✗ wrong"},
    "knowledge.outcome.dont_know": {"zh": "? 不知道", "en": "? don't know"},
    "knowledge.outcome.unanswered": {"zh": "– 未答", "en": "– none"},
    "knowledge.change.learned": {"zh": "↑ 学会了", "en": "↑ learned"},
    "knowledge.change.lost": {"zh": "↓ 忘了", "en": "↓ lost"},
    "knowledge.change.changed": {"zh": "≠ 变了", "en": "≠ changed"},
    "knowledge.answer": {"zh": "正确答案：{choice}", "en": "Answer: {choice}"},
    "knowledge.source": {"zh": "来源：{source}", "en": "Source: {source}"},
    "knowledge.source.arithmetic": {"zh": "算术", "en": "arithmetic"},
    # --- errors from the parsers and the situation file ---
    "error.rate_range": {
        "zh": "「{value}」是一个区间；请填写合同上写明的你这笔借款的利率，如 年化18%",
        "en": "'{value}' is a range; give the rate in your contract, e.g. 18%/year",
    },
    "error.money_too_large": {
        "zh": "金额「{value}」太大；请写元为单位的金额，如 10000 或 1.5万",
        "en": "the amount '{value}' is too large; give yuan, e.g. 10000 or 1.5万",
    },
    "error.term_too_long": {
        "zh": "期限「{value}」太长；最多 600 个月或 3650 天",
        "en": "the term '{value}' is too long; at most 600 months or 3650 days",
    },
    "error.received_above_amount": {
        "zh": "到账金额（{received} 元）不能高于借款金额（{amount} 元）",
        "en": "cash received ({received} yuan) cannot be more than the contract amount "
        "({amount} yuan)",
    },
    "error.paid_above_instalments": {
        "zh": "已还 {paid} 期，但这笔借款只有 {count} 期",
        "en": "{paid} instalments paid, but this loan has only {count}",
    },
    "error.schedule_and_terms": {
        "zh": "给了还款计划就不要再写期限和利率；二选一",
        "en": "give either a repayment plan or term and rate, not both",
    },
    "error.start_and_paid": {
        "zh": "借款日期和已还期数只写一个（有日期时由今天的日期算出已还期数）",
        "en": "give either the start date or the instalments paid, not both (with a date, "
        "today's date decides)",
    },
    "error.no_contract_terms": {
        "zh": "这笔借款没有合同条款（期限、利率、金额）",
        "en": "this loan has no contract terms (term, rate, amount)",
    },
    "error.schedule_empty": {
        "zh": "还款计划里没有找到还款；每行写日期或期数和金额，如 2026-07-15 1072.00",
        "en": "no payments found in the repayment plan; one a line with a date or period "
        "number and an amount, e.g. 2026-07-15 1072.00",
    },
    "error.schedule_too_long": {
        "zh": "还款计划太长；最多 {limit} 期",
        "en": "the repayment plan is too long; at most {limit} payments",
    },
    "error.schedule_line_no_date": {
        "zh": "「{value}」有金额但没有日期或期数；请写如 2026-07-15 1072.00 或 第1期 1072.00元",
        "en": "'{value}' has an amount but no date or period number; write e.g. "
        "2026-07-15 1072.00 or 第1期 1072.00元",
    },
    "error.schedule_line_no_amount": {
        "zh": "「{value}」有日期或期数但没有金额；请写如 2026-07-15 1072.00",
        "en": "'{value}' has a date or period number but no amount; write e.g. "
        "2026-07-15 1072.00",
    },
    "error.schedule_no_year": {
        "zh": "日期「{value}」没有年份，又不知道今天的日期；请写完整日期，如 2026-07-15",
        "en": "the date '{value}' has no year and today's date is unknown; write it in full, "
        "e.g. 2026-07-15",
    },
    "error.schedule_date": {
        "zh": "「{value}」不是有效日期；请写如 2026-07-15",
        "en": "'{value}' is not a valid date; write e.g. 2026-07-15",
    },
    "error.schedule_amount": {
        "zh": "「{value}」不是金额；请写如 1,072.00",
        "en": "'{value}' is not an amount; write e.g. 1,072.00",
    },
    "error.schedule_duplicate": {
        "zh": "还款计划中「{value}」出现了两次；每期只写一行",
        "en": "'{value}' appears twice in the repayment plan; one line per payment",
    },
    "error.start_after_payment": {
        "zh": "借款日期 {value} 不早于第一次还款；请检查日期",
        "en": "the start date {value} is not before the first payment; check the dates",
    },
}
