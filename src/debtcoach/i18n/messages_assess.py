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
    "error.schedule_below_amount": {
        "zh": "还款计划合计 {total} 元，少于借到的 {amount} 元；是不是漏了几期？",
        "en": "the repayment plan adds up to {total} yuan, less than the {amount} yuan borrowed; "
        "is a line missing?",
    },
    "error.start_after_payment": {
        "zh": "借款日期 {value} 不早于第一次还款；请检查日期",
        "en": "the start date {value} is not before the first payment; check the dates",
    },
    "error.report_suffix": {
        "zh": "报告文件「{value}」必须以 .html 或 .md 结尾",
        "en": "the report file '{value}' must end in .html or .md",
    },
    # --- the assessment: terminal, report, app ---
    "assess.title": {
        "zh": "你的借款：真实成本、走向和出路",
        "en": "Your loans: what they really cost, where they lead, and the way out",
    },
    "assess.as_of": {"zh": "按 {day} 计算", "en": "as of {day}"},
    "assess.no_loans": {"zh": "没有打开的借款。", "en": "No loans switched on."},
    "assess.loans": {"zh": "每笔借款", "en": "Each loan"},
    "assess.unnamed": {"zh": "借款 {n}", "en": "Loan {n}"},
    "assess.col.lender": {"zh": "平台", "en": "Lender"},
    "assess.col.apr": {"zh": "真实年化", "en": "Real rate"},
    "assess.col.advertised": {"zh": "宣传年化", "en": "Advertised"},
    "assess.col.owed": {"zh": "现在欠", "en": "Owed now"},
    "assess.col.cost_remaining": {"zh": "今后的利息和费用", "en": "Cost from now on"},
    "assess.col.next": {"zh": "下一期", "en": "Next payment"},
    "assess.col.lines": {"zh": "越过的红线", "en": "Lines crossed"},
    "assess.next.dated": {"zh": "{day} {amount}", "en": "{day} {amount}"},
    "assess.next.numbered": {"zh": "第{number}期 {amount}", "en": "#{number} {amount}"},
    "assess.next.overdue": {"zh": "已逾期 {amount}", "en": "{amount} overdue"},
    "assess.next.none": {"zh": "已还清", "en": "paid off"},
    "assess.not_advertised": {"zh": "未写明", "en": "not given"},
    "assess.how_rate": {
        "zh": "{lender}：真实年化 {value} = 每期内部收益率 {periodic} × 每年 {ppy} 期（按到手的 "
        "{received} 计算，人民银行公告〔2021〕第3号的IRR法）",
        "en": "{lender}: real rate {value} = periodic IRR {periodic} × {ppy} periods a year "
        "(on the {received} actually received; the IRR method of PBoC 2021 No. 3)",
    },
    "assess.picture": {"zh": "整体情况", "en": "The whole picture"},
    "assess.picture.payments": {
        "zh": "每月要还 {payments}，占收入 {share}",
        "en": "Monthly debt payments {payments}: {share} of income",
    },
    "assess.picture.payments_no_income": {
        "zh": "每月要还 {payments}，而收入为 0",
        "en": "Monthly debt payments {payments}, with no income",
    },
    "assess.picture.lenders": {"zh": "借款平台：{count} 家", "en": "Lenders: {count}"},
    "assess.picture.owed": {"zh": "现在一共欠 {owed}", "en": "Owed in all today: {owed}"},
    "assess.picture.cash_out": {
        "zh": "照合同还款、不再借钱：第 {months} 个月钱就不够用了",
        "en": "Paying as scheduled and borrowing no more, cash runs out in month {months}",
    },
    "assess.picture.cash_lasts": {
        "zh": "照合同还款、不再借钱：{months} 个月内钱够用",
        "en": "Paying as scheduled and borrowing no more, cash lasts the {months} months",
    },
    "assess.risk": {"zh": "风险：{level}", "en": "Risk: {level}"},
    "assess.risk.low": {"zh": "低", "en": "low"},
    "assess.risk.rising": {"zh": "上升", "en": "rising"},
    "assess.risk.spiral": {"zh": "螺旋（以贷养贷的危险）", "en": "spiral"},
    "assess.reason.payments_over_half_income": {
        "zh": "每月还款超过收入的一半", "en": "debt payments above half of income"},
    "assess.reason.borrowed_to_repay": {
        "zh": "有借款是为了还另一笔借款（以贷养贷）", "en": "a loan was taken to repay a loan"},
    "assess.reason.overdue_over_30_days": {
        "zh": "有借款逾期超过 30 天", "en": "a payment more than 30 days overdue"},
    "assess.reason.overdue": {"zh": "有借款逾期", "en": "a payment overdue"},
    "assess.reason.three_or_more_lenders": {
        "zh": "同时在 3 家或更多平台借款", "en": "three or more lenders at once"},
    "assess.reason.real_rate_over_36": {
        "zh": "有借款真实年化超过 36%", "en": "a real annual rate above 36%"},
    "assess.reason.cash_runs_out": {
        "zh": "照合同还款，钱会在这段时间内用完", "en": "cash runs out within the period shown"},
    "assess.plans": {"zh": "四种做法（{months} 个月）", "en": "Four plans ({months} months)"},
    "assess.plan.keep_going": {
        "zh": "照现在这样（缺钱就再借）", "en": "Keep going (borrow to cover)"},
    "assess.plan.avalanche": {
        "zh": "不再借，先还真实利率最高的", "en": "Stop borrowing, highest real rate first"},
    "assess.plan.snowball": {
        "zh": "不再借，先还余额最小的", "en": "Stop borrowing, smallest balance first"},
    "assess.plan.negotiated": {
        "zh": "协商还款（个性化分期）", "en": "Negotiated plan (个性化分期 / 协商还款)"},
    "assess.plan_short.keep_going": {"zh": "照旧", "en": "Keep going"},
    "assess.plan_short.avalanche": {"zh": "先还高利率", "en": "Avalanche"},
    "assess.plan_short.snowball": {"zh": "先还小额", "en": "Snowball"},
    "assess.plan_short.negotiated": {"zh": "协商", "en": "Negotiated"},
    "assess.col.plan": {"zh": "做法", "en": "Plan"},
    "assess.col.total_cost": {"zh": "总成本", "en": "Total cost"},
    "assess.col.debt_free": {"zh": "还清用时", "en": "Debt-free in"},
    "assess.col.debt_at": {"zh": "第 {months} 个月末欠款", "en": "Debt after {months} months"},
    "assess.col.new_loans": {"zh": "新借笔数", "en": "New loans"},
    "assess.months": {"zh": "{months} 个月", "en": "{months} months"},
    "assess.never": {"zh": "120 个月内还不清", "en": "not within 120 months"},
    "assess.cost_note": {
        "zh": "总成本是整个还款过程中产生的利息、费用和罚息（不论是否已付），"
        "直到还清或满 120 个月。",
        "en": "Total cost is the interest, fees and penalties incurred (paid or not) until "
        "debt-free or 120 months.",
    },
    "assess.chart": {"zh": "每月末欠款", "en": "Debt at each month's end"},
    "assess.negotiated_terms": {
        "zh": "协商条件（可修改）：现在欠的本金和逾期利息分 {months} 期等额本息偿还，利率按合同、"
        "最高 {cap}；{waived}",
        "en": "Negotiated terms (editable): the principal owed and overdue interest repaid in "
        "{months} equal monthly instalments at the contract rate, at most {cap}; {waived}",
    },
    "assess.waived": {"zh": "费用和罚息免除", "en": "fees and penalties waived"},
    "assess.not_waived": {"zh": "费用和罚息不免除", "en": "fees and penalties not waived"},
    "assess.negotiated_where": {
        "zh": "信用卡：银行可以按《商业银行信用卡业务监督管理办法》（2011）第七十条与持卡人协商"
        "个性化分期，最长 5 年；这是可以协商的，不是权利，也不保证停息。其他平台：只能请求，"
        "没有法定权利。请直接联系贷方的官方客服，免费。",
        "en": "Credit cards: under the CBRC 2011 credit-card rules, art. 70, a bank may agree a "
        "personalised instalment plan (个性化分期) of up to 5 years; it is negotiable, not a "
        "right, and an interest stop is not guaranteed. Other lenders: a request, not a right. "
        "Ask the lender's official customer service directly; it costs nothing.",
    },
    "assess.help": {"zh": "去哪里求助", "en": "Where to get help"},
    "assess.help.12378": {
        "zh": "12378：国家金融监督管理总局的银行保险消费者投诉热线（银行、消费金融公司等）；"
        "小额贷款公司归地方金融管理局管",
        "en": "12378: the national financial regulator's (NFRA) banking and insurance consumer "
        "complaint line (banks, consumer finance companies); microlenders answer to the "
        "provincial local financial regulator",
    },
    "assess.help.12363": {
        "zh": "12363：中国人民银行金融消费权益保护热线，包括征信异议；一般先向机构投诉",
        "en": "12363: the PBoC's financial consumer line, including credit-report disputes; "
        "complain to the lender first",
    },
    "assess.help.96110": {"zh": "96110：反诈预警劝阻专线", "en": "96110: anti-fraud warning line"},
    "assess.help.110": {
        "zh": "110：遇到暴力、威胁、跟踪、上门骚扰或裸照要挟时报警",
        "en": "110: police, for violence, threats, stalking, home visits or nude-photo blackmail",
    },
    "assess.warn.paid_agents": {
        "zh": "当心收费的“停息挂账”“代理维权”“反催收”“债务优化”：监管部门多次提示风险，这类中介"
        "冒充律师或银行人员、索要身份证和银行卡信息、收取高额费用。",
        "en": "Beware of paid 停息挂账 / 代理维权 / 反催收 / \"debt optimisation\" agents: "
        "regulators have warned that they pose as lawyers or bank staff, ask for ID and card "
        "details and charge high fees.",
    },
    "assess.warn.negotiate_yourself": {
        "zh": "协商还款不需要中介：自己联系贷方官方客服，说明情况和能还多少。",
        "en": "Negotiating needs no agent: contact the lender's official customer service "
        "yourself and say what you can pay.",
    },
    "assess.sources": {"zh": "来源", "en": "Sources"},
    "assess.facts": {
        "zh": "借款情况说明（可带给贷方、咨询师或投诉时使用）",
        "en": "Facts sheet (for a lender, a counsellor or a complaint)",
    },
    "assess.facts_note": {
        "zh": "以下是根据本人填写的合同和还款计划计算的事实记录，不是法律意见。",
        "en": "Facts computed from the contract terms and repayment plans entered; "
        "not legal advice.",
    },
    "assess.fact.contract": {"zh": "借款金额", "en": "Contract amount"},
    "assess.fact.received": {"zh": "实际到账", "en": "Cash received"},
    "assess.fact.date": {"zh": "借款日期", "en": "Loan date"},
    "assess.fact.date_estimated": {"zh": "{day}（按已还期数推算）", "en": "{day} (worked back from "
                                   "instalments paid)"},
    "assess.fact.instalments": {"zh": "期数", "en": "Instalments"},
    "assess.fact.paid": {"zh": "已还期数", "en": "Instalments paid"},
    "assess.fact.advertised": {"zh": "合同/宣传利率（年化）", "en": "Headline rate (a year)"},
    "assess.fact.real": {"zh": "真实年化（IRR）", "en": "Real annual rate (IRR)"},
    "assess.fact.effective": {"zh": "复利年化", "en": "Effective annual rate"},
    "assess.fact.total_repaid": {"zh": "合计还款", "en": "Total repaid"},
    "assess.fact.line": {
        "zh": "超过 {rate}：{name}（{scope}）",
        "en": "above {rate}: {name} ({scope})",
    },
    "assess.fact.no_lines": {"zh": "未超过列出的红线", "en": "crosses none of the lines listed"},
    "assess.col.number": {"zh": "期", "en": "No."},
    "assess.col.date": {"zh": "日期", "en": "Date"},
    "assess.col.payment": {"zh": "应还", "en": "Payment"},
    "assess.col.principal": {"zh": "本金", "en": "Principal"},
    "assess.col.interest_fees": {"zh": "利息和费用", "en": "Interest and fees"},
    "assess.col.status": {"zh": "状态", "en": "Status"},
    "assess.status.paid": {"zh": "已还", "en": "paid"},
    "assess.status.overdue": {"zh": "逾期", "en": "overdue"},
    "assess.status.due": {"zh": "待还", "en": "due"},
    "assess.state.debt_free": {"zh": "已还清", "en": "debt-free"},
    "assess.footer": {
        "zh": "由 debtcoach 在本机生成，数据没有离开这台电脑。",
        "en": "Made by debtcoach on this computer; no data left it.",
    },
    "assess.template.cash_loan_30d": {"zh": "30 天现金贷", "en": "30-day cash loan"},
    "assess.template.instalment_12m": {
        "zh": "12 期分期（每月手续费）", "en": "12-instalment loan with a monthly fee"},
    "assess.template.card_instalment": {
        "zh": "信用卡分期（每月 0.6%）", "en": "Card instalment at 0.6% a month"},
}
