"""The command line's help in Chinese, keyed by its English (the English stays beside each option
in the code, as gettext keeps it), and its usage errors in both languages (merged into MESSAGES).
A test checks every help text of every command has its Chinese here, and nothing else is."""

from __future__ import annotations

_LANG = "Language of the output: zh or en (default: from LANG, else en)."
_JSON = "Machine-readable output."
_ROOM_DATA = "The facilitator's data folder (default: as for the app)."
_YES = "Do not ask for confirmation."

CLI_ZH: dict[str, str] = {
    # click's own words
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    # debtcoach
    "debtcoach: see, with exact numbers, how small online loans turn into a debt spiral.\n\n"
    "With no command, opens the app.":
        "debtcoach：用精确的数字看清小额网贷怎样变成债务螺旋。\n\n不带命令时打开应用。",
    _LANG: "输出的语言：zh 或 en（默认按 LANG 环境变量，否则 en）。",
    "Where progress is kept (default: DEBTCOACH_DATA_DIR, else the user data dir).":
        "保存进度的文件夹（默认：DEBTCOACH_DATA_DIR，否则用户数据目录）。",
    "Screen-reader mode: no box drawing or animation, text first.":
        "读屏模式：不画边框、没有动画，文字优先。",
    "Join a workshop room (with --data-dir on the facilitator's data folder).":
        "加入工作坊房间（--data-dir 指向主持人的数据文件夹）。",
    # apr
    "The real annual cost of a loan offer or of a list of cash flows.":
        "一笔借款或一串现金流一年真正要花多少钱。",
    "Contract amount in yuan, e.g. 10000.": "合同金额（元），如 10000、1万。",
    "Term: days or months, e.g. 7d, 14d, 12m.": "期限：天或月，如 7天、14天、12个月（或 7d、12m）。",
    "Headline rate with its period: 24%/year, 0.05%/day, 日息万五.":
        "宣传利率，带上周期：24%/年、0.05%/天、日息万五、月息1分5。",
    "bullet | equal-installment | equal-principal | interest-first | flat-fee":
        "一次性还本付息 bullet | 等额本息 equal-installment | 等额本金 equal-principal | "
        "先息后本 interest-first | 等本等费 flat-fee",
    "Deducted at payout (砍头息): yuan or % of the amount.":
        "放款时直接扣掉（砍头息）：元，或合同金额的百分比。",
    "Per instalment: yuan or % of the amount; add /month or once.":
        "每期收取：元，或合同金额的百分比；可加 /每月 或 /一次性。",
    "One-off at payout: yuan or %; with /month, one per month of the term.":
        "放款时一次收取：元或百分比；加 /每月 则期限内每月一笔。",
    "Per instalment: yuan or % of the amount; add once.":
        "每期收取：元，或合同金额的百分比；可加 /一次性。",
    "CSV with header period,amount or date,amount (+ received, − paid).":
        "CSV 文件，表头为 period,amount 或 date,amount（正数为收到，负数为付出）。",
    "Length of one period in a period,amount file: day, week, semimonth, month, quarter, year, "
    "or Nd.":
        "period,amount 文件里一期有多长：天、周、半月、月、季、年，或 N 天（如 14d）。",
    "Loan date (ISO) for the schedule and the legal lines in force; default today.":
        "借款日期（如 2026-07-20），用于还款计划和当时有效的法律红线；默认今天。",
    _JSON: "输出机器可读的 JSON。",
    # simulate
    "Run a borrowing scenario month by month (以贷养贷, rollover, default, …).":
        "一个月一个月地模拟借款情景（以贷养贷、展期、违约……）。",
    "Run this many months instead of the file's.": "模拟这么多个月，而不是文件里写的月数。",
    "Monte Carlo paths (income shocks from the borrower's income_volatility).":
        "蒙特卡洛路径数（收入按借款人的 income_volatility 随机波动）。",
    "Seed for the income shocks.": "收入波动的随机种子。",
    "numpy | reference": "numpy（快）| reference（逐笔核对用的参考引擎）",
    "Processes for a Monte Carlo run (1-64; default: one per core for large runs; numpy "
    "engine, Linux).":
        "蒙特卡洛模拟用几个进程（1–64；默认：大规模运行时每个核一个；仅 numpy 引擎、Linux）。",
    "One CSV row a month.": "输出 CSV，每月一行。",
    "Also print what happened day by day (runs of at most 100 paths).":
        "同时逐日列出发生了什么（最多 100 条路径时）。",
    # lessons
    "Lesson files: check them.": "课程文件：检查它们。",
    "Validate every lesson: schema, both languages, sources, scenarios run, answers compute.":
        "检查每一课：格式、中英文、来源、情景能否运行、答案能否算出。",
    # assess
    "Your own loans: what they really cost, where they lead, and the way out.":
        "你自己的借款：真实成本、走向和出路。",
    "Months the plans are shown for (1–120); each plan still runs until debt-free or 120 "
    "months.":
        "四种做法显示多少个月（1–120）；每种做法仍会一直算到还清或满 120 个月。",
    "Today's date (ISO) for dates, lines in force and instalments fallen due; default today.":
        "今天的日期（如 2026-07-20），用于日期、有效的红线和已到期的期数；默认今天。",
    "Also write a printable report: self-contained HTML or Markdown.":
        "另外写一份可打印的报告：独立的 HTML 或 Markdown 文件。",
    # workshop
    "Workshop mode: serve the app to a room's browsers and see the room's answers live.":
        "工作坊模式：把应用提供给全场的浏览器，实时看到大家的回答。",
    "Serve debtcoach to the room's browsers, one app per participant.":
        "向全场的浏览器提供 debtcoach，每位参与者一个应用。",
    "Address to listen on; 0.0.0.0 lets the room's devices connect (no login!).":
        "监听的地址；0.0.0.0 让现场的设备都能连接（没有登录！）。",
    "Port to listen on.": "监听的端口。",
    "The lesson everyone plays (default: participants choose).":
        "大家一起学的课程（默认：参与者自选）。",
    "Continue this room (default: a new random code).": "继续这个房间（默认：新开一个随机房间号）。",
    "Participants cannot go past the step opened from the dashboard.":
        "参与者不能越过看板上打开的那一步。",
    _ROOM_DATA: "主持人的数据文件夹（默认：和应用相同）。",
    "Close a room: nobody joins any more and no new answer is kept.":
        "关闭房间：不能再加入，也不再保存新的回答。",
    "The room to close.": "要关闭的房间。",
    "Open a closed room again.": "重新打开已关闭的房间。",
    "Start a room over: its participants and answers are deleted.":
        "房间重新开始：删除其中的参与者和回答。",
    "The room to start over.": "要重新开始的房间。",
    _YES: "不再询问确认。",
    "A live view of the room: who is where, how the room answered, the room's debt paths.":
        "房间的实时看板：谁在哪一步、大家怎么回答、全场的欠款走势。",
    "The room to watch.": "要查看的房间。",
    "Export a room's results (anonymous: participants are P1, P2, …).":
        "导出房间的结果（匿名：参与者记为 P1、P2……）。",
    "The room to export.": "要导出的房间。",
    "Rows per question and per answer.": "CSV：每道题、每个回答各一行。",
    "The same rows as JSON, with the fan.": "同样的内容输出为 JSON，含欠款分布。",
    "A self-contained summary with charts.": "带图表的独立 HTML 汇总。",
    "Write to this file (default: standard output).": "写入这个文件（默认：标准输出）。",
    # forget
    "Erase everything debtcoach stored on this computer (asks first).":
        "删除 debtcoach 在这台电脑上保存的一切（会先询问）。",
    "The data folder to erase (default: as for the app).": "要删除的数据文件夹（默认：和应用相同）。",
}

MESSAGES: dict[str, dict[str, str]] = {
    "cli.error": {"zh": "错误：{message}", "en": "Error: {message}"},
    "cli.try_help": {"zh": "用 {command} 查看帮助。", "en": "Try '{command}' for help."},
    "cli.aborted": {"zh": "已中止。", "en": "Aborted!"},
    "cli.no_such_option": {"zh": "没有 {option} 这个选项", "en": "No such option: {option}"},
    "cli.no_such_command": {"zh": "没有 {command} 这个命令", "en": "No such command: {command}"},
    "cli.did_you_mean": {"zh": "；你是不是想用 {names}？", "en": " (did you mean {names}?)"},
    "cli.needs_value": {"zh": "{option} 后面要给一个值", "en": "{option} needs a value"},
    "cli.takes_no_value": {"zh": "{option} 不接受值", "en": "{option} takes no value"},
    "cli.missing_argument": {"zh": "缺少参数 {name}", "en": "Missing argument {name}"},
    "cli.missing_option": {"zh": "缺少必填选项 {name}", "en": "Missing option {name}"},
    "cli.choose_one": {"zh": "{name} 只能是 {allowed} 之一", "en": "{name} must be one of {allowed}"},
    "cli.bad_value": {"zh": "{name} 的值不对：{message}", "en": "{name}: {message}"},
    "cli.path.does_not_exist": {"zh": "不存在", "en": "does not exist"},
    "cli.path.is_a_file": {"zh": "是一个文件，这里要的是文件夹", "en": "is a file"},
    "cli.path.is_a_directory": {"zh": "是一个文件夹，这里要的是文件", "en": "is a directory"},
    "cli.path.is_not_readable": {"zh": "没有读取权限", "en": "is not readable"},
    "cli.path.is_not_writable": {"zh": "没有写入权限", "en": "is not writable"},
    "cli.path.is_not_executable": {"zh": "没有执行权限", "en": "is not executable"},
    "cli.extra_arguments": {"zh": "多余的参数：{args}", "en": "Unexpected extra arguments: {args}"},
}
