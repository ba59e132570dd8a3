"""Every user-facing sentence, in 简体中文 and English. A test checks both languages have every key
with the same placeholders."""

from __future__ import annotations

_RATE_FORMS_ZH = "带周期的百分比，如 0.05%/day、1.5%/month、18%/year，或 日息万五、日利率0.05%、月息1.5%、年化18%"
_RATE_FORMS_EN = (
    "a percentage with its period, e.g. 0.05%/day, 1.5%/month, 18%/year, "
    "or 日息万五, 日利率0.05%, 月息1.5%, 年化18%"
)
_PERIODS_ZH = "day、week、semimonth、month、quarter、year，或 Nd（N 天）"
_PERIODS_EN = "day, week, semimonth, month, quarter, year, or Nd (N days)"

MESSAGES: dict[str, dict[str, str]] = {
    # --- errors: what was wrong and what is allowed (the field is added by the caller) ---
    "error.money_invalid": {
        "zh": "「{value}」不是金额；请写元为单位的非负数，如 10000 或 1,234.56",
        "en": "'{value}' is not an amount; use a non-negative number of yuan, e.g. 10000 or 1,234.56",
    },
    "error.money_negative": {
        "zh": "金额不能为负（收到「{value}」）；请写 0 或正数",
        "en": "amounts cannot be negative (got '{value}'); use 0 or more",
    },
    "error.amount_not_positive": {
        "zh": "借款金额必须大于 0（收到 {value}）",
        "en": "the loan amount must be more than 0 (got {value})",
    },
    "error.rate_invalid": {
        "zh": "「{value}」不是利率；允许：" + _RATE_FORMS_ZH,
        "en": "'{value}' is not a rate; allowed: " + _RATE_FORMS_EN,
    },
    "error.rate_no_period": {
        "zh": "利率「{value}」没有写周期（按日、按月还是按年？）；允许：" + _RATE_FORMS_ZH,
        "en": "the rate '{value}' has no period (per day, month or year?); allowed: "
        + _RATE_FORMS_EN,
    },
    "error.rate_bad_period": {
        "zh": "利率「{value}」的周期无法识别；允许的周期：" + _PERIODS_ZH,
        "en": "the period of '{value}' is not one we know; allowed periods: " + _PERIODS_EN,
    },
    "error.rate_negative": {
        "zh": "利率不能为负（收到「{value}」）",
        "en": "a rate cannot be negative (got '{value}')",
    },
    "error.period_invalid": {
        "zh": "「{value}」不是周期；允许：" + _PERIODS_ZH,
        "en": "'{value}' is not a period; allowed: " + _PERIODS_EN,
    },
    "error.term_invalid": {
        "zh": "「{value}」不是期限；请写天数或月数，如 7d、30d、12m",
        "en": "'{value}' is not a term; use days or months, e.g. 7d, 30d, 12m",
    },
    "error.term_zero": {
        "zh": "期限至少为 1 天或 1 个月（收到「{value}」）",
        "en": "a term is at least 1 day or 1 month (got '{value}')",
    },
    "error.fee_invalid": {
        "zh": "「{value}」不是费用；请写金额（如 200）或借款金额的百分比（如 10%），"
        "可加 /month、/period 或 once",
        "en": "'{value}' is not a fee; use an amount (e.g. 200) or a share of the loan (e.g. 10%), "
        "optionally followed by /month, /period or once",
    },
    "error.fee_bad_timing": {
        "zh": "「{value}」的收费时间无法识别；允许：upfront（放款时扣除）、once（放款时另付）、"
        "period（每期）、month（按期限每月一笔，放款时付清）",
        "en": "the timing in '{value}' is not one we know; allowed: upfront (deducted at payout), "
        "once (paid at payout), period (each instalment), month (one per month of the term, paid at payout)",
    },
    "error.fees_exceed_amount": {
        "zh": "放款时收取的费用（{fees} 元）不低于借款金额（{amount} 元），借款人拿不到钱",
        "en": "fees charged at payout ({fees} yuan) are not less than the amount ({amount} yuan): "
        "the borrower would receive nothing",
    },
    "error.no_rate_sign": {
        "zh": "现金流必须既有收到的钱（正数）也有付出的钱（负数），否则不存在利率",
        "en": "cash flows need money received (+) and money paid (−); otherwise no rate exists",
    },
    "error.no_rate": {
        "zh": "这组现金流没有可求的利率（{reason}）",
        "en": "no rate solves these cash flows ({reason})",
    },
    "error.file_missing": {
        "zh": "找不到文件（{detail}）",
        "en": "cannot read the file ({detail})",
    },
    "error.file_not_text": {
        "zh": "文件不是 UTF-8 文本",
        "en": "the file is not UTF-8 text",
    },
    "error.file_empty": {"zh": "文件是空的", "en": "the file is empty"},
    "error.csv_header": {
        "zh": "表头「{value}」不对；第一行必须是 period,amount 或 date,amount",
        "en": "header '{value}' is wrong; the first line must be period,amount or date,amount",
    },
    "error.csv_columns": {
        "zh": "这一行有 {count} 列；每行应为两列：期数或日期，金额",
        "en": "this line has {count:column|columns}; each line needs two: period or date, amount",
    },
    "error.csv_invalid": {
        "zh": "不是有效的 CSV（{detail}）",
        "en": "not valid CSV ({detail})",
    },
    "error.csv_no_rows": {
        "zh": "表头之后没有数据行",
        "en": "there are no rows after the header",
    },
    "error.csv_period": {
        "zh": "「{value}」不是期数；请写 0、1、2 … 这样的整数（最大 36500）",
        "en": "'{value}' is not a period number; use whole numbers 0, 1, 2, … (at most 36500)",
    },
    "error.csv_date": {
        "zh": "「{value}」不是日期；请写 ISO 格式，如 2026-01-31",
        "en": "'{value}' is not a date; use ISO form, e.g. 2026-01-31",
    },
    "error.csv_amount": {
        "zh": "「{value}」不是金额；请写元为单位的数，收到为正、付出为负，最多两位小数",
        "en": "'{value}' is not an amount; use yuan, + received and − paid, at most 2 decimals",
    },
    "error.toml_invalid": {
        "zh": "不是有效的 TOML（{detail}）",
        "en": "not valid TOML ({detail})",
    },
    "error.duplicate_id": {
        "zh": "id「{value}」重复；同一类的每一项都要有自己的 id",
        "en": "the id '{value}' is used twice; each one needs its own id",
    },
    "error.field_missing": {"zh": "缺少这一项", "en": "this field is required"},
    "error.field_unknown": {
        "zh": "不认识这一项（可能拼错了）",
        "en": "unknown field (a typo?)",
    },
    "error.choice_invalid": {
        "zh": "「{value}」不是可选值；允许：{allowed}",
        "en": "'{value}' is not one of the choices; allowed: {allowed}",
    },
    "error.number_invalid": {
        "zh": "「{value}」不是数字",
        "en": "'{value}' is not a number",
    },
    "error.whole_number": {
        "zh": "「{value}」不是整数；这里需要 0、1、2 … 这样的整数",
        "en": "'{value}' is not a whole number; use 0, 1, 2, …",
    },
    "error.number_min": {
        "zh": "「{value}」太小；最小允许 {limit}",
        "en": "'{value}' is too small; the smallest allowed is {limit}",
    },
    "error.number_above": {
        "zh": "「{value}」必须大于 {limit}",
        "en": "'{value}' must be more than {limit}",
    },
    "error.number_max": {
        "zh": "「{value}」太大；最大允许 {limit}",
        "en": "'{value}' is too large; the largest allowed is {limit}",
    },
    "error.text_empty": {"zh": "不能为空", "en": "cannot be empty"},
    "error.text_invalid": {
        "zh": "「{value}」应为文字（加引号的字符串）",
        "en": "'{value}' should be text (a quoted string)",
    },
    "error.bool_invalid": {
        "zh": "「{value}」应为 true 或 false",
        "en": "'{value}' should be true or false",
    },
    "error.table_invalid": {
        "zh": "「{value}」应为一个表（[section] 或 {{ key = value }}）",
        "en": "'{value}' should be a table ([section] or {{ key = value }})",
    },
    "error.list_invalid": {
        "zh": "「{value}」应为列表（[[section]] 或 [ … ]）",
        "en": "'{value}' should be a list ([[section]] or [ … ])",
    },
    "error.value_invalid": {
        "zh": "「{value}」无效",
        "en": "'{value}' is not valid",
    },
    "error.options_conflict": {
        "zh": "请二选一：用 --cashflows 文件，或用 --amount/--term/--rate 描述借款",
        "en": "use either --cashflows FILE or --amount/--term/--rate, not both",
    },
    "error.options_missing": {
        "zh": "缺少 {names}；用 --amount、--term、--rate 描述借款，或用 --cashflows 文件",
        "en": "missing {names}; describe the loan with --amount, --term and --rate, "
        "or give --cashflows FILE",
    },
    "error.date_invalid": {
        "zh": "「{value}」不是日期；请写 ISO 格式，如 2026-01-31",
        "en": "'{value}' is not a date; use ISO form, e.g. 2026-01-31",
    },
    # --- apr report ---
    "apr.title": {"zh": "这笔借款一年真正要花多少钱", "en": "What this loan really costs per year"},
    "apr.nominal": {"zh": "年化(IRR)", "en": "APR (IRR)"},
    "apr.effective": {"zh": "复利年化", "en": "Effective"},
    "apr.simple": {"zh": "单利年化", "en": "Simple"},
    "apr.advertised": {"zh": "宣传年化", "en": "Advertised"},
    "apr.not_advertised": {"zh": "无", "en": "none"},
    "apr.received": {"zh": "实际到手", "en": "Cash received"},
    "apr.repaid": {"zh": "一共还款", "en": "Total repaid"},
    "apr.cost": {"zh": "借款成本", "en": "Cost of the loan"},
    "apr.how": {"zh": "怎么算的", "en": "How each figure is computed"},
    "apr.how.nominal_irr": {
        "zh": "IRR法：每期内部收益率 {periodic} × 每年 {ppy} 期 = {value}（人民银行公告〔2021〕第3号）",
        "en": "IRR method: periodic IRR {periodic} × {ppy:period|periods} a year = {value} "
        "(PBoC 2021 No. 3; Reg Z Appendix J)",
    },
    "apr.how.nominal_single": {
        "zh": "一次还清：成本 {cost} ÷ 到手 {received} × 每年 {ppy} 个这样的期限 = {value}",
        "en": "single payment: cost {cost} ÷ cash received {received} × {ppy} such terms a year "
        "= {value} (Reg Z)",
    },
    "apr.how.effective": {
        "zh": "复利：(1 + {periodic})^{ppy} − 1 = {value}（欧盟/英国 APRC 方法）",
        "en": "compounded: (1 + {periodic})^{ppy} − 1 = {value} (EU/UK APRC method)",
    },
    "apr.how.simple": {
        "zh": "单利法：成本 {cost} ÷ 平均实际占用本金 {average} ÷ {years} 年 = {value}",
        "en": "simple method: cost {cost} ÷ average principal in use {average} ÷ {years:year|years} "
        "= {value}",
    },
    "apr.how.advertised": {
        "zh": "宣传利率 {rate} 按单利折成一年 = {value}",
        "en": "headline rate {rate} scaled to a year without compounding = {value}",
    },
    "apr.principal_note": {
        "zh": "本金按实际到手金额计算（民法典第670条：利息不得预先在本金中扣除）",
        "en": "the principal is the cash actually received (Civil Code art. 670: interest may not "
        "be deducted from the principal in advance)",
    },
    "apr.schedule": {"zh": "还款计划", "en": "Repayment schedule"},
    "apr.col.period": {"zh": "期", "en": "Period"},
    "apr.col.date": {"zh": "日期", "en": "Date"},
    "apr.col.principal": {"zh": "本金", "en": "Principal"},
    "apr.col.interest": {"zh": "利息", "en": "Interest"},
    "apr.col.fees": {"zh": "费用", "en": "Fees"},
    "apr.col.payment": {"zh": "还款", "en": "Payment"},
    "apr.col.balance": {"zh": "剩余本金", "en": "Balance"},
    "apr.col.amount": {"zh": "金额", "en": "Amount"},
    "apr.payout": {"zh": "放款", "en": "payout"},
    "apr.lines": {"zh": "越过的法律与监管红线（{day}）", "en": "Legal and regulatory lines crossed ({day})"},
    "apr.lines_none": {
        "zh": "IRR 年化利率没有超过 {day} 有效的任何一条线",
        "en": "the IRR APR is below every line in force on {day}",
    },
    "apr.line_item": {"zh": "{rate} — {name}（适用：{scope}）", "en": "{rate} — {name} (applies to: {scope})"},
    "apr.licensed_note": {
        "zh": "注意：持牌机构（银行、消费金融公司、小贷公司）不适用民间借贷的 4 倍 LPR 上限，"
        "而受监管红线约束（如 24%、36%）",
        "en": "note: licensed lenders (banks, consumer-finance and microloan companies) are not "
        "bound by the private-lending 4 × LPR cap but by regulators' lines (e.g. 24%, 36%)",
    },
    "apr.gap": {
        "zh": "真实年化比宣传利率高 {gap} 个百分点",
        "en": "the real APR is {gap} percentage points above the advertised rate",
    },
    # --- simulate report ---
    "sim.title": {
        "zh": "{name}：{months} 个月，{paths} 条路径",
        "en": "{name}: {months:month|months}, {paths:path|paths}",
    },
    "sim.col.month": {"zh": "月", "en": "Month"},
    "sim.col.debt": {"zh": "欠款", "en": "Debt"},
    "sim.col.debt_p": {"zh": "欠款 p{p}", "en": "Debt p{p}"},
    "sim.col.cash_received": {"zh": "借到", "en": "Borrowed"},
    "sim.col.paid": {"zh": "还给贷方", "en": "Paid"},
    "sim.col.interest": {"zh": "利息", "en": "Interest"},
    "sim.col.fees": {"zh": "费用", "en": "Fees"},
    "sim.col.penalties": {"zh": "罚息", "en": "Penalties"},
    "sim.col.lenders": {"zh": "平台数", "en": "Lenders"},
    "sim.col.state": {"zh": "状态", "en": "State"},
    "sim.chart": {
        "zh": "每月欠款（对比最初需要的 {need}）",
        "en": "Debt by month (against the {need} first needed)",
    },
    "sim.need": {"zh": "最初", "en": "needed"},
    "sim.cost_line": {
        "zh": "为了借到 {borrowed}，你一共付了 {costs} 的利息、费用和罚息",
        "en": "You have paid {costs} in interest, fees and penalties to borrow {borrowed}",
    },
    "sim.progress": {"zh": "模拟中", "en": "Simulating"},
    "state.ok": {"zh": "正常", "en": "ok"},
    "state.stacking": {"zh": "以贷养贷", "en": "stacking"},
    "state.overdue": {"zh": "逾期", "en": "overdue"},
    "state.collections": {"zh": "催收", "en": "collections"},
    "state.default": {"zh": "违约", "en": "default"},
    "error.engine_invalid": {
        "zh": "「{value}」不是引擎；允许：numpy、reference",
        "en": "'{value}' is not an engine; allowed: numpy, reference",
    },
    "error.paths_invalid": {
        "zh": "路径数必须在 1 到 {limit} 之间（收到 {value}）",
        "en": "paths must be between 1 and {limit} (got {value})",
    },
    "error.months_invalid": {
        "zh": "月数必须在 1 到 600 之间（收到 {value}）",
        "en": "months must be between 1 and 600 (got {value})",
    },
    "error.output_conflict": {
        "zh": "--json 和 --csv 只能选一个",
        "en": "choose one of --json and --csv",
    },
    "error.events_too_many_paths": {
        "zh": "只有不超过 {limit} 条路径的模拟会记录事件（这次是 {paths} 条）；请减少 --paths",
        "en": "events are recorded for runs of at most {limit:path|paths} (this one has "
              "{paths:path|paths}); use fewer --paths",
    },
    "error.events_with_csv": {
        "zh": "CSV 每月一行，放不下事件；请去掉 --csv（--json 会带上事件）",
        "en": "CSV has one row a month and no room for events; drop --csv (--json includes them)",
    },
    # --- lessons check ---
    "error.scenario_source": {
        "zh": "场景要么写 file = \"…\"，要么写 inline 表，二者必须且只能有一个",
        "en": "a scenario needs exactly one of file = \"…\" or an inline table",
    },
    "error.quiz_numeric": {
        "zh": "数值题需要 answer（从本课的借款或场景计算），且不能有 choices",
        "en": "a numeric quiz needs an answer (computed from the lesson's offers or scenarios) and no choices",
    },
    "error.quiz_choices": {
        "zh": "{kind} 题至少要有 2 个选项，且正确选项数不对（现在有 {correct} 个）；单选恰好 1 个，多选至少 1 个",
        "en": "a {kind} quiz needs 2+ choices and the right number of correct ones (now {correct}): exactly 1 for single, 1 or more for multiple",
    },
    "error.rule_needs": {
        "zh": "规则 {rule} 需要这一项",
        "en": "the rule {rule} needs this field",
    },
    "error.prose_outside_section": {
        "zh": "第一个 <!-- section: id --> 之前不能有文字（会被丢掉）",
        "en": "there is text before the first <!-- section: id --> line (it would be lost)",
    },
    "error.prose_duplicate_section": {
        "zh": "段落「{name}」重复出现",
        "en": "the section '{name}' appears twice",
    },
    "error.prose_empty_section": {
        "zh": "段落「{name}」是空的",
        "en": "the section '{name}' is empty",
    },
    "error.prose_stray_emphasis": {
        "zh": "段落「{name}」里的 ** 或 __ 会原样显示：“{text}”。标点放在 ** 外面，例如 **标题**：正文",
        "en": "in the section '{name}' the ** or __ would show as typed: \"{text}\". Put punctuation "
              "outside the marks, as in **Title**: text",
    },
    "error.translation_missing": {
        "zh": "缺少 {lang} 译文；每段文字都要有 zh 和 en",
        "en": "the {lang} text is missing; every text needs both zh and en",
    },
    "error.lesson_needs_step": {
        "zh": "每课至少要有一个 {kind} 步骤",
        "en": "each lesson needs at least one {kind} step",
    },
    "error.source_unknown": {
        "zh": "来源「{value}」不在 lessons/sources.toml 里",
        "en": "the source '{value}' is not in lessons/sources.toml",
    },
    "error.sources_missing": {
        "zh": "{kind} 步骤讲的是事实，必须在 sources 里写明来源",
        "en": "a {kind} step states facts and must name them in sources",
    },
    "error.prose_section_missing": {
        "zh": "{lang}.md 里没有段落「{name}」",
        "en": "{lang}.md has no section '{name}'",
    },
    "error.offer_unknown": {
        "zh": "本课没有 id 为「{value}」的借款（见 [[offers]]）",
        "en": "this lesson has no offer with id '{value}' (see [[offers]])",
    },
    "error.scenario_unknown": {
        "zh": "本课没有 id 为「{value}」的场景（见 [[scenarios]]）",
        "en": "this lesson has no scenario with id '{value}' (see [[scenarios]])",
    },
    "error.month_after_end": {
        "zh": "第 {value} 个月在场景结束（共 {months} 个月）之后",
        "en": "month {value} is after the scenario ends ({months:month|months})",
    },
    "error.answer_unknown_ref": {
        "zh": "答案引用了不存在的「{value}」",
        "en": "the answer refers to '{value}', which does not exist",
    },
    "error.answer_unresolved": {
        "zh": "答案无法计算（{detail}）",
        "en": "the answer cannot be computed ({detail})",
    },
    "error.no_lessons": {
        "zh": "这里没有课程（需要 NN-名称/lesson.toml 文件夹）",
        "en": "no lessons here (expected NN-slug/lesson.toml folders)",
    },
    "lessons.ok": {
        "zh": "{root}：{count} 课全部通过检查",
        "en": "{root}: {count:lesson|lessons} checked, no problems found",
    },
    # --- the app ---
    "key.quit": {"zh": "退出", "en": "Quit"},
    "key.help": {"zh": "按键", "en": "Keys"},
    "key.language": {"zh": "English", "en": "中文"},
    "key.continue": {"zh": "继续", "en": "Continue"},
    "key.settings": {"zh": "设置", "en": "Settings"},
    "key.back": {"zh": "上一步", "en": "Back"},
    "key.next": {"zh": "下一步", "en": "Next"},
    "key.hint": {"zh": "提示", "en": "Hint"},
    "key.play": {"zh": "播放/暂停", "en": "Play/pause"},
    "key.why": {"zh": "为什么", "en": "Why"},
    "key.home": {"zh": "主页", "en": "Home"},
    "home.title": {
        "zh": "debtcoach · 看清小额网贷怎样变成债务螺旋",
        "en": "debtcoach · see how small online loans become a debt spiral",
    },
    "home.first_run": {
        "zh": "用真实的数字，一个月一个月地演示以贷养贷怎样让欠款越滚越大。\n所有数据只保存在这台电脑上，不会发送到任何地方。",
        "en": "Real numbers, month by month: how repaying one loan with another makes debt grow.\nEverything stays on this computer; nothing is sent anywhere.",
    },
    "home.continue": {"zh": "继续：{title}", "en": "Continue: {title}"},
    "home.settings": {"zh": "设置", "en": "Settings"},
    "home.no_lessons": {"zh": "没有找到课程", "en": "No lessons found"},
    "home.part1": {"zh": "第一部分：陷阱是怎么运作的", "en": "Part 1: how the trap works"},
    "home.part2": {"zh": "第二部分：后果与出路", "en": "Part 2: consequences and the way out"},
    "home.mark.done": {"zh": "✓ 已完成", "en": "✓ done"},
    "home.mark.started": {"zh": "▶ 进行中", "en": "▶ started"},
    "home.mark.new": {"zh": "· 未开始", "en": "· new"},
    "home.minutes": {"zh": "约{minutes}分钟", "en": "~{minutes} min"},
    "cmd.placeholder": {"zh": "搜索命令…", "en": "Search for commands…"},
    "cmd.open": {"zh": "打开课程：{title}", "en": "Open lesson: {title}"},
    "cmd.open_help": {"zh": "跳到这一课", "en": "Jump to this lesson"},
    "cmd.reset": {"zh": "重置课程：{title}", "en": "Reset lesson: {title}"},
    "cmd.reset_help": {"zh": "清除这一课的进度（会先确认）", "en": "Clear this lesson's progress (asks first)"},
    "cmd.theme": {"zh": "主题：{theme}", "en": "Theme: {theme}"},
    "cmd.theme_help": {"zh": "切换配色", "en": "Switch colours"},
    "cmd.language": {"zh": "切换语言 / Switch language", "en": "Switch language / 切换语言"},
    "cmd.language_help": {"zh": "中文与英文之间切换，位置不变", "en": "Between Chinese and English, keeping your place"},
    "cmd.quit": {"zh": "退出", "en": "Quit"},
    "cmd.quit_help": {"zh": "保存进度并退出", "en": "Save progress and quit"},
    "confirm.reset_one": {"zh": "清除「{title}」的进度？", "en": "Clear your progress in '{title}'?"},
    "confirm.reset_all": {"zh": "清除所有课程的进度和答案？", "en": "Clear progress and answers in every lesson?"},
    "confirm.wipe": {
        "zh": "删除 debtcoach 在这台电脑上保存的所有数据并退出？",
        "en": "Delete everything debtcoach saved on this computer and quit?",
    },
    "confirm.yes": {"zh": "是", "en": "Yes"},
    "confirm.no": {"zh": "否", "en": "No"},
    "help.title": {"zh": "这个界面的按键", "en": "Keys on this screen"},
    "help.palette": {"zh": "命令面板：跳到某一课、重置、换主题", "en": "Command palette: jump to a lesson, reset, theme"},
    "help.scroll": {"zh": "↑ ↓ 翻页滚动，Tab 在按钮之间切换。", "en": "↑ ↓ scroll, Tab moves between buttons."},
    "help.mouse": {"zh": "也可以用鼠标点击按钮和列表。", "en": "The mouse works too: click buttons and lists."},
    "help.close": {"zh": "按 Esc 关闭", "en": "Esc to close"},
    "settings.lang": {"zh": "语言", "en": "Language"},
    "settings.theme": {"zh": "主题", "en": "Theme"},
    "settings.animations": {"zh": "动画（自动播放月份）", "en": "Animations (play months)"},
    "settings.on": {"zh": "开", "en": "On"},
    "settings.off": {"zh": "关", "en": "Off"},
    "settings.file": {"zh": "进度文件", "en": "Progress file"},
    "settings.export": {"zh": "导出进度", "en": "Export progress"},
    "settings.import": {"zh": "导入进度", "en": "Import progress"},
    "settings.reset-all": {"zh": "重置全部进度", "en": "Reset all progress"},
    "settings.wipe": {"zh": "删除本机所有数据", "en": "Wipe all local data"},
    "settings.exported": {"zh": "已导出到 {path}", "en": "Exported to {path}"},
    "settings.imported": {"zh": "已从 {path} 导入", "en": "Imported from {path}"},
    "settings.wiped": {"zh": "debtcoach 的本地数据已全部删除。", "en": "All of debtcoach's local data was deleted."},
    "player.loading": {"zh": "正在准备这一课（运行模拟）… 按 Esc 取消", "en": "Preparing the lesson (running simulations)… Esc to cancel"},
    "player.load_failed": {"zh": "这一课无法打开：", "en": "This lesson cannot be opened:"},
    "player.step": {"zh": "第 {index}/{total} 步", "en": "step {index}/{total}"},
    "player.scenario_running": {
        "zh": "第 {month}/{months} 个月。按 → 看下个月，按 p 自动播放。",
        "en": "Month {month} of {months}. → for the next month, p to play.",
    },
    "player.scenario_paused": {
        "zh": "第 {month}/{months} 个月，先停在这里。按 → 继续。",
        "en": "Month {month} of {months}: a pause here. → to go on.",
    },
    "player.offer_terms": {"zh": "借 {amount} · 期限 {term} · 利率 {rate}", "en": "Borrow {amount} · term {term} · rate {rate}"},
    "player.offer_reveal_hint": {"zh": "按 → 看它真正的成本。", "en": "→ to see what it really costs."},
    "player.offer_real": {
        "zh": "[b]真实年化（IRR）：{apr}[/b]　宣传的是 {advertised}",
        "en": "[b]Real APR (IRR): {apr}[/b]   advertised: {advertised}",
    },
    "player.offer_money": {
        "zh": "一共要还 {repaid}（费用都算上），成本 {cost}",
        "en": "You repay {repaid} in all, fees included: it costs {cost}",
    },
    "player.offer_other": {"zh": "复利年化 {effective}，单利年化 {simple}", "en": "Effective {effective}, simple {simple}"},
    "player.right": {"zh": "✓ 答对了", "en": "✓ Right"},
    "player.wrong": {"zh": "✗ 不对", "en": "✗ Not quite"},
    "player.expected": {"zh": "正确答案：{value}", "en": "The answer: {value}"},
    "player.decided": {"zh": "你的选择：{choice}", "en": "You chose: {choice}"},
    "player.reveal": {"zh": "揭晓", "en": "Reveal"},
    "player.answer": {"zh": "提交答案", "en": "Answer"},
    "chart.need_row": {"zh": "急用", "en": "need"},
    "player.chart": {"zh": "每月欠款（横线：急用 {need}）", "en": "Debt (line: {need} needed)"},
    "player.chart_fan": {"zh": "{paths}条路径的欠款：中位数，点线为10%与90%",
                         "en": "Debt of {paths:path|paths}: median, dotted 10% and 90%"},
    "player.no_month": {"zh": "还没有开始模拟", "en": "The simulation has not started"},
    "player.month": {"zh": "第 {month} 个月", "en": "Month {month}"},
    "player.warning": {"zh": "警告", "en": "WARNING"},
    "player.why_hint": {"zh": "w 看原因", "en": "w: why"},
    "player.sources_hint": {"zh": "按 w 看来源。", "en": "w shows the sources."},
    "player.sources": {"zh": "来源", "en": "Sources"},
    "player.number_needed": {"zh": "「{value}」不是数字；请输入一个数，如 12.5", "en": "'{value}' is not a number; type a number such as 12.5"},
    "unit.percent": {"zh": "百分比，如 12.5", "en": "percent, e.g. 12.5"},
    "unit.yuan": {"zh": "元，如 3000", "en": "yuan, e.g. 3000"},
    "unit.share": {"zh": "百分比，如 40", "en": "percent, e.g. 40"},
    "unit.number": {"zh": "一个数", "en": "a number"},
    # --- progress store ---
    "error.store_unavailable": {
        "zh": '无法打开或写入进度文件（{detail}）；请检查文件夹权限和磁盘空间，或用 --data-dir 换个位置',
        "en": "cannot open or write the progress file ({detail}); check the folder's permissions and free space, or choose another place with --data-dir",
    },
    "error.store_corrupt": {
        "zh": '进度文件已损坏，或不是 debtcoach 的数据库；文件未被改动。把它移走（或用 --data-dir）即可重新开始',
        "en": 'the progress file is damaged or is not a debtcoach database; it was left untouched. Move it away (or use --data-dir) to start afresh',
    },
    "error.store_too_new": {
        "zh": '进度文件来自更新版本的 debtcoach（格式 {version}，本版本最高支持 {supported}）；请升级，文件未被改动',
        "en": 'the progress file was written by a newer debtcoach (schema {version}; this version reads up to {supported}); please upgrade — the file was left untouched',
    },
    "error.export_not_json": {
        "zh": '不是有效的 JSON（{detail}）；请选择用「导出进度」保存的文件',
        "en": 'not valid JSON ({detail}); choose a file saved with "Export progress"',
    },
    "error.export_format": {
        "zh": '这不是 debtcoach 的进度导出文件（format 为 {value}）',
        "en": 'this is not a debtcoach progress export (format is {value})',
    },
    "error.export_version": {
        "zh": '不支持的进度文件版本 {value}（本版本读取版本 {supported}）；可能需要更新 debtcoach',
        "en": 'unsupported progress file version {value} (this version reads version {supported}); a newer debtcoach may be needed',
    },
    "error.object_invalid": {
        "zh": '「{value}」应为 JSON 对象（{{ … }}）',
        "en": "'{value}' should be a JSON object ({{ … }})",
    },
    "error.array_invalid": {
        "zh": '「{value}」应为 JSON 列表（[ … ]）',
        "en": "'{value}' should be a JSON list ([ … ])",
    },
    "error.action_invalid": {
        "zh": '「{value}」不是课程操作；应为以操作名开头的列表，如 ["next"] 或 ["quiz", [0, 2], null]',
        "en": '\'{value}\' is not a lesson action; use a list starting with its name, e.g. ["next"] or ["quiz", [0, 2], null]',
    },
    "error.progress_duplicate": {
        "zh": '课程「{value}」出现了两次；每门课只能有一条进度',
        "en": "the lesson '{value}' appears twice; each lesson has one entry",
    },
    "error.datetime_invalid": {
        "zh": '「{value}」不是带时区的时间；请写 ISO 格式，如 2026-01-31T09:30:00+00:00',
        "en": "'{value}' is not a time with its offset; use ISO form, e.g. 2026-01-31T09:30:00+00:00",
    },
}


def _merge_feature_catalogs() -> None:
    """Features keep their sentences in their own module; a key may be defined only once."""
    from debtcoach.i18n import (
        messages_assess,
        messages_cli,
        messages_lessons,
        messages_player,
        messages_robust,
        messages_scenario,
        messages_sim,
        messages_workshop,
    )

    for catalog in (
        messages_assess.MESSAGES,
        messages_cli.MESSAGES,
        messages_lessons.MESSAGES,
        messages_player.MESSAGES,
        messages_robust.MESSAGES,
        messages_scenario.MESSAGES,
        messages_sim.MESSAGES,
        messages_workshop.MESSAGES,
    ):
        clash = set(catalog) & set(MESSAGES)
        if clash:
            raise RuntimeError(f"message keys defined twice: {sorted(clash)}")
        MESSAGES.update(catalog)


_merge_feature_catalogs()
