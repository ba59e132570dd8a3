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
}
