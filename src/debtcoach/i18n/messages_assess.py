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
        "en": "It holds progress in {lessons:lesson|lessons}, {answers:answer|answers}, "
        "{assessments:self-assessment|self-assessments} and "
        "{checks:knowledge check|knowledge checks}.",
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
        "en": "{learned:question|questions} went from not known to right, {lost} from right to not right.",
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
    # --- self-assessment screen ---
    "key.assess.ui.save": {"zh": "保存", "en": "Save"},
    "assess.ui.title": {"zh": "评估我自己的借款", "en": "Assess my own loans"},
    "assess.ui.tab.form": {"zh": "你的情况", "en": "Your loans"},
    "assess.ui.tab.results": {"zh": "结果", "en": "Results"},
    "assess.ui.tab.plans": {"zh": "四个方案", "en": "Four plans"},
    "assess.ui.tab.next": {"zh": "下一步", "en": "Next steps"},
    "assess.ui.privacy": {
        "zh": "只在这台电脑上计算，不会发送到任何地方；只有按「保存」才会保存。",
        "en": "Computed on this computer only; nothing is sent anywhere, and nothing is saved "
        "unless you press Save.",
    },
    "assess.ui.person": {"zh": "每月收支", "en": "Your month"},
    "assess.ui.field.monthly_income": {"zh": "月收入（税后）", "en": "Income/month"},
    "assess.ui.field.monthly_expenses": {"zh": "必要开支/月", "en": "Spending/month"},
    "assess.ui.field.savings": {"zh": "现有存款", "en": "Savings"},
    "assess.ui.field.amount": {"zh": "借款金额", "en": "Amount"},
    "assess.ui.field.received": {"zh": "到账金额", "en": "Received"},
    "assess.ui.field.term": {"zh": "期限", "en": "Term"},
    "assess.ui.field.rate": {"zh": "利率", "en": "Rate"},
    "assess.ui.field.repayment": {"zh": "还款方式", "en": "Repayment"},
    "assess.ui.field.upfront_fee": {"zh": "放款时扣的钱", "en": "Fee at payout"},
    "assess.ui.field.service_fee": {"zh": "每期服务费", "en": "Fee/instalment"},
    "assess.ui.field.paid_instalments": {"zh": "已还期数", "en": "Paid so far"},
    "assess.ui.field.days_overdue": {"zh": "逾期天数", "en": "Days overdue"},
    "assess.ui.field.penalty_rate": {"zh": "逾期罚息", "en": "Late penalty"},
    "assess.ui.field.schedule": {"zh": "还款计划", "en": "Repayment plan"},
    "assess.ui.hint.money": {"zh": "元，如 5000、1.5万", "en": "yuan, e.g. 5000 or 1.5万"},
    "assess.ui.hint.amount": {"zh": "合同金额，如 10000、1万", "en": "contract amount, e.g. 10000"},
    "assess.ui.hint.received": {
        "zh": "实际到手，不填则按扣费计算", "en": "cash you got; blank: amount less fees",
    },
    "assess.ui.hint.term": {"zh": "如 30d、12m、12期、1年", "en": "e.g. 30d, 12m, 12期, 1年"},
    "assess.ui.hint.rate": {
        "zh": "带周期，如 24%/year、月息1分5、日息万五",
        "en": "with its period: 24%/year, 1.5%/month, 日息万五",
    },
    "assess.ui.hint.upfront_fee": {"zh": "如 2000 或 10%", "en": "e.g. 2000 or 10%"},
    "assess.ui.hint.service_fee": {"zh": "如 50 或 0.75%", "en": "e.g. 50 or 0.75%"},
    "assess.ui.hint.paid_instalments": {"zh": "整数，如 3", "en": "a whole number, e.g. 3"},
    "assess.ui.hint.days_overdue": {"zh": "整数，没有逾期填 0", "en": "a whole number; 0 if none"},
    "assess.ui.hint.penalty_rate": {"zh": "合同写的罚息，如 0.05%/天；不填按0计",
                                    "en": "from the contract, e.g. 0.05%/day; blank: 0"},
    "assess.ui.hint.schedule": {
        "zh": "从借款 App 复制还款计划粘贴到这里，每行一期："
        "2026-07-15 ¥1,072.00 或 第1期 1072.00元",
        "en": "Paste the repayment plan from the lending app, one payment a line: "
        "2026-07-15 ¥1,072.00 or 第1期 1072.00元",
    },
    "assess.ui.loan_title": {"zh": "借款{number}", "en": "Loan {number}"},
    "assess.ui.enabled": {"zh": "计入", "en": "Include"},
    "assess.ui.flag": {"zh": "{name}：{state}", "en": "{name}: {state}"},
    "assess.ui.yes": {"zh": "是", "en": "yes"},
    "assess.ui.no": {"zh": "否", "en": "no"},
    "assess.ui.lender": {"zh": "机构或 App 名称（可不填）", "en": "lender or app (optional)"},
    "assess.ui.mode.terms": {"zh": "按合同条款", "en": "By contract terms"},
    "assess.ui.mode.plan": {"zh": "按还款计划", "en": "By repayment plan"},
    "assess.ui.repayment.equal-installment": {"zh": "等额本息", "en": "Equal instalments"},
    "assess.ui.repayment.equal-principal": {"zh": "等额本金", "en": "Equal principal"},
    "assess.ui.repayment.interest-first": {"zh": "先息后本", "en": "Interest first"},
    "assess.ui.repayment.bullet": {"zh": "一次性还本付息", "en": "All at the end"},
    "assess.ui.repayment.flat-fee": {"zh": "等本等费", "en": "Flat fee"},
    "assess.ui.to_repay": {"zh": "借来还别的贷款", "en": "Taken to repay another loan"},
    "assess.ui.card": {"zh": "信用卡分期", "en": "Credit-card instalment"},
    "assess.ui.add_loan": {"zh": "+ 借款", "en": "+ Loan"},
    "assess.ui.add_plan": {"zh": "+ 粘贴还款计划", "en": "+ Paste a plan"},
    "assess.ui.template.cash-loan-30d": {"zh": "+ 30天现金贷", "en": "+ 30-day cash loan"},
    "assess.ui.template.instalment-12m-monthly-fee": {
        "zh": "+ 12期分期（月手续费）", "en": "+ 12 instalments, monthly fee",
    },
    "assess.ui.template.card-instalment-0.6": {
        "zh": "+ 信用卡分期 0.6%/月", "en": "+ Card instalment 0.6%/month",
    },
    "assess.ui.save": {"zh": "保存", "en": "Save"},
    "assess.ui.save_name": {"zh": "保存名称", "en": "Name to save under"},
    "assess.ui.default_name": {"zh": "我的借款 {date}", "en": "My loans {date}"},
    "assess.ui.delete_saved": {"zh": "删除这份保存", "en": "Delete this saved one"},
    "assess.ui.open_saved": {"zh": "打开保存的评估", "en": "Open a saved assessment"},
    "assess.ui.none_saved": {"zh": "还没有保存的评估", "en": "No saved assessments yet"},
    "assess.ui.saved": {
        "zh": "已保存「{name}」（只在这台电脑上）。",
        "en": "Saved '{name}' (on this computer only).",
    },
    "assess.ui.opened": {"zh": "已打开「{name}」。", "en": "Opened '{name}'."},
    "assess.ui.deleted": {"zh": "已删除这份保存。", "en": "The saved assessment was deleted."},
    "assess.ui.confirm_delete": {
        "zh": "删除这份保存的评估？表单里的内容不会消失。",
        "en": "Delete this saved assessment? The form keeps what it shows.",
    },
    "assess.ui.confirm_leave": {
        "zh": "不保存就离开？上次保存以后填写的内容会丢失。",
        "en": "Leave without saving? What you typed since the last save will be lost.",
    },
    "assess.ui.confirm_open": {
        "zh": "不保存就打开另一份评估？上次保存以后填写的内容会丢失。",
        "en": "Open another assessment without saving this one? What you typed since the last "
        "save will be lost.",
    },
    "assess.ui.confirm_quit": {
        "zh": "不保存评估就退出？上次保存以后填写的内容会丢失。",
        "en": "Quit without saving your assessment? What you typed since the last save will be "
        "lost.",
    },
    "assess.ui.too_many": {"zh": "最多{limit}笔借款。", "en": "At most {limit:loan|loans}."},
    "assess.ui.line": {"zh": "第{line}行：", "en": "line {line}: "},
    "assess.ui.fix_fields": {
        "zh": "有{count}处需要修改（见标 ✗ 的地方），改好后立即显示结果。",
        "en": "Fields to fix: {count} (marked ✗); results appear as soon as they are right.",
    },
    "assess.ui.empty": {
        "zh": "填写每月收支，再添加至少一笔借款，结果会随着输入立即更新。",
        "en": "Fill in your month and add at least one loan; results follow as you type.",
    },
    "assess.ui.summary": {
        "zh": "风险：{risk} · 月还款占收入 {ratio} · {lenders}家机构 · 现在结清需 {owed}",
        "en": "Risk: {risk} · payments {ratio} of income · {lenders:lender|lenders} · {owed} to clear",
    },
    "assess.ui.whole": {"zh": "整体情况", "en": "The whole picture"},
    "assess.ui.payments": {
        "zh": "每月要还 {payments}，占收入（{income}）的 {ratio}。",
        "en": "You pay {payments} a month to lenders: {ratio} of your income ({income}).",
    },
    "assess.ui.lenders": {
        "zh": "借款机构：{lenders}家；现在全部结清需要 {owed}。",
        "en": "Lenders: {lenders}; clearing everything today takes {owed}.",
    },
    "assess.ui.cash_out": {
        "zh": "照现在这样还、不再借，第{month}个月钱就不够还了。",
        "en": "Paying as scheduled and borrowing no more, your cash runs out in month {month}.",
    },
    "assess.ui.cash_ok": {
        "zh": "照现在这样还、不再借，{months}个月内钱够用。",
        "en": "Paying as scheduled and borrowing no more, your cash lasts the {months:month|months}.",
    },
    "assess.ui.risk_line": {"zh": "风险：{level}", "en": "Risk: {level}"},
    "assess.ui.risk.low": {"zh": "● 低", "en": "● low"},
    "assess.ui.risk.rising": {"zh": "▲ 上升", "en": "▲ rising"},
    "assess.ui.risk.spiral": {"zh": "⚠ 螺旋", "en": "⚠ spiral"},
    "assess.ui.reason.payments_over_half_income": {
        "zh": "每月还款超过收入的一半", "en": "payments are more than half of your income",
    },
    "assess.ui.reason.borrowed_to_repay": {
        "zh": "有借款是借来还别的贷款的（以贷养贷）",
        "en": "a loan was taken to repay another (以贷养贷)",
    },
    "assess.ui.reason.overdue_over_30_days": {
        "zh": "逾期超过30天", "en": "more than 30 days overdue",
    },
    "assess.ui.reason.overdue": {"zh": "有逾期", "en": "a payment is overdue"},
    "assess.ui.reason.three_or_more_lenders": {
        "zh": "同时欠3家或更多机构", "en": "three or more lenders at once",
    },
    "assess.ui.reason.real_rate_over_36": {
        "zh": "有借款的真实年化超过36%", "en": "a loan's real annual rate is above 36%",
    },
    "assess.ui.reason.cash_runs_out": {
        "zh": "不再借钱的话，现金会在计划期内用完", "en": "without new loans, cash runs out",
    },
    "assess.ui.reason.none": {"zh": "没有发现危险信号", "en": "no warning signs found"},
    "assess.ui.real_rate": {
        "zh": "真实年化（IRR）{apr}　宣传的 {advertised}　复利年化 {effective}",
        "en": "Real APR (IRR) {apr}   advertised {advertised}   effective {effective}",
    },
    "assess.ui.formula": {
        "zh": "算法：每期利率 r 使到手的 {received} 等于以后{count}期还款按 r 折现之和，"
        "r = {r}；年化 = r × {n} = {apr}",
        "en": "How: the rate r per period that makes the {received} you received equal to the "
        "{count:payment|payments} discounted at r; r = {r}, so APR = r × {n} = {apr}",
    },
    "assess.ui.cost": {
        "zh": "从今天起还要付的利息、费用和罚息：{cost}；现在结清需要 {owed}",
        "en": "Interest, fees and penalties still to pay from today: {cost}; "
        "to clear it now: {owed}",
    },
    "assess.ui.next": {"zh": "下一次还款：{when} {amount}", "en": "Next payment: {when} {amount}"},
    "assess.ui.next_overdue": {
        "zh": "⚠ 已逾期：{when} {amount}，请尽快处理",
        "en": "⚠ Overdue: {when} {amount}, pay this first",
    },
    "assess.ui.no_next": {"zh": "已经还完", "en": "Fully repaid"},
    "assess.ui.instalment": {"zh": "第{number}期", "en": "instalment {number}"},
    "assess.ui.lines": {
        "zh": "借款日（{date}）时，这个真实利率越过了：",
        "en": "On the loan date ({date}) this real rate crosses:",
    },
    "assess.ui.line_item": {
        "zh": "{name}（{rate}，{since}起）", "en": "{name} ({rate}, from {since})",
    },
    "assess.ui.no_lines": {
        "zh": "没有越过法律或监管红线。", "en": "It crosses no legal or regulatory line.",
    },
    "assess.ui.plan.keep_going": {"zh": "照常借下去", "en": "Keep going"},
    "assess.ui.plan.avalanche": {"zh": "先还高息", "en": "Avalanche"},
    "assess.ui.plan.snowball": {"zh": "先还小额", "en": "Snowball"},
    "assess.ui.plan.negotiated": {"zh": "协商分期", "en": "Negotiated"},
    "assess.ui.row.cost": {"zh": "总成本", "en": "Total cost"},
    "assess.ui.row.free": {"zh": "还清需要", "en": "Debt-free in"},
    "assess.ui.row.debt": {"zh": "第{month}个月末欠款", "en": "Debt, month {month}"},
    "assess.ui.row.new_loans": {"zh": "新借款笔数", "en": "New loans"},
    "assess.ui.months": {"zh": "{months}个月", "en": "{months:month|months}"},
    "assess.ui.never": {"zh": "120个月内还不清", "en": "not in 120 months"},
    "assess.ui.plans_note": {
        "zh": "总成本＝利息、费用和罚息（已产生的，不论是否已付）。照常借下去：钱不够时借新还旧。"
        "先还高息：不再借，多余的钱先还真实年化最高的。先还小额：不再借，先还余额最小的。"
        "协商分期：欠款按月等额还，期数取月供不超过每月结余的最少月数（最多60个月），免费用和罚息，利率按合同但不超过年化24%；"
        "信用卡可依《商业银行信用卡业务监督管理办法》第70条申请个性化分期，其他机构只能请求，不是权利。",
        "en": "Total cost = interest, fees and penalties incurred (charged, paid or not). Keep "
        "going: borrow to cover shortfalls. Avalanche: no new loans, spare cash to the highest "
        "real rate first. Snowball: no new loans, smallest balance first. Negotiated: what is "
        "owed in equal monthly instalments over the fewest months (at most 60) whose instalment fits "
        "what is left of your pay, fees and penalties waived, interest at "
        "the contract rate but at most 24% a year; for credit cards a personalised plan under "
        "art. 70 of the 2011 credit-card rules (商业银行信用卡业务监督管理办法), for other "
        "lenders a request, not a right.",
    },
    "assess.ui.next_title": {"zh": "下一步", "en": "Next steps"},
    "assess.ui.step.stop": {
        "zh": "停止借新还旧：每借一笔新的，都会多出新的利息和费用。",
        "en": "Stop borrowing to repay: every new loan adds its own interest and fees.",
    },
    "assess.ui.step.avalanche": {
        "zh": "不再借钱，多余的钱先还真实年化最高的一笔：比照常借下去少付 {saving}。",
        "en": "Borrow no more and put spare money on the highest real rate first: {saving} "
        "less than keeping going.",
    },
    "assess.ui.step.lines": {
        "zh": "有借款越过了法律或监管红线：带上「结果」里的数字和来源，"
        "向贷款机构提出按合法利率计算，"
        "或向监管部门投诉。",
        "en": "A loan crosses a legal or regulatory line: take the figures and sources under "
        "Results to the lender and ask for a lawful rate, or complain to the regulator.",
    },
    "assess.ui.step.negotiate": {
        "zh": "还不上时，直接联系贷款机构的官方客服协商分期，是免费的。",
        "en": "If you cannot pay, contact the lender's official customer service to negotiate "
        "a plan; it is free.",
    },
    "assess.ui.help_title": {"zh": "在哪里求助", "en": "Where to get help"},
    "assess.ui.help.12378": {
        "zh": "12378：国家金融监督管理总局银行保险消费投诉热线（银行、消费金融公司等）；"
        "小额贷款公司归地方金融管理局管，也可向其投诉",
        "en": "12378: the national financial regulator's banking and insurance consumer "
        "complaints line (banks, consumer finance companies); microlenders answer to the "
        "provincial financial regulator, complain there too",
    },
    "assess.ui.help.12363": {
        "zh": "12363：中国人民银行金融消费权益热线，包括征信异议；一般先向机构投诉",
        "en": "12363: the People's Bank of China consumer line, including credit-report "
        "disputes; usually complain to the lender first",
    },
    "assess.ui.help.96110": {
        "zh": "96110：反诈预警专线", "en": "96110: the anti-fraud warning line",
    },
    "assess.ui.help.110": {
        "zh": "110：遇到暴力、威胁、跟踪、上门骚扰或裸照要挟时报警",
        "en": "110: police, for violence, threats, stalking, visits to your home or blackmail",
    },
    "assess.ui.warn_agents": {
        "zh": "当心收费的「停息挂账、代理维权、反催收」：监管部门多次提醒，他们收高额费用、"
        "索要身份证件和验证码，欠款反而可能增加。和官方客服协商不需要中介。",
        "en": "Beware of paid \"interest stop\", \"rights protection\" or \"anti-collection\" "
        "agents: regulators have warned that they charge high fees, ask for ID documents and SMS "
        "codes, and the debt can grow. Negotiating with the lender needs no intermediary.",
    },
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
    "error.received_above_payout": {
        "zh": "到账金额（{received} 元）高于合同扣费后应到账的 {payout} 元；请检查放款时扣的费用",
        "en": "cash received ({received} yuan) is more than the {payout} yuan left after the fees "
        "deducted at payout; check those fees",
    },
    "error.paid_above_instalments": {
        "zh": "已还 {paid} 期，但这笔借款只有 {count} 期",
        "en": "{paid:instalment|instalments} paid, but this loan has only {count}",
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
        "en": "the repayment plan is too long; at most {limit:payment|payments}",
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
        "en": "{lender}: real rate {value} = periodic IRR {periodic} × {ppy:period|periods} a year "
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
        "en": "Paying as scheduled and borrowing no more, cash lasts the {months:month|months}",
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
    "assess.plans": {"zh": "四种做法（{months} 个月）", "en": "Four plans ({months:month|months})"},
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
    "assess.col.debt_at": {"zh": "第 {months} 个月末欠款", "en": "Debt after {months:month|months}"},
    "assess.col.new_loans": {"zh": "新借笔数", "en": "New loans"},
    "assess.months": {"zh": "{months} 个月", "en": "{months:month|months}"},
    "assess.never": {"zh": "120 个月内还不清", "en": "not within 120 months"},
    "assess.cost_note": {
        "zh": "总成本是整个还款过程中产生的利息、费用和罚息（不论是否已付），"
        "直到还清或满 120 个月。",
        "en": "Total cost is the interest, fees and penalties incurred (paid or not) until "
        "debt-free or 120 months.",
    },
    "assess.penalties_unknown": {
        "zh": "{plans}：有一笔没填逾期罚息的借款会逾期，它的罚息按0计，实际成本会更高。"
        "填上合同写的罚息（如 0.05%/天）再看。",
        "en": "{plans}: a loan with no penalty rate given falls overdue, and its penalties count "
        "as ¥0, so the real cost is higher. Give the contract's penalty rate (e.g. 0.05%/day) "
        "to see them.",
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
    "assess.fact.split_estimated": {
        "zh": "还款计划没有写明本金和利息；表中的拆分按这份计划自身的利率估算。",
        "en": "The repayment plan does not split principal and interest; the split shown is "
        "estimated at the plan's own rate.",
    },
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
