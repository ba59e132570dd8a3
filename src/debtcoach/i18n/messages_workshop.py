"""User-facing sentences of the workshop feature, in 简体中文 and English (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- errors ---
    "error.room_code": {
        "zh": "「{value}」不是房间码；房间码是 3 到 12 位字母或数字，如 K7QM",
        "en": "'{value}' is not a room code; use 3 to 12 letters or digits, e.g. K7QM",
    },
    "error.room_unknown": {
        "zh": "{path} 里没有房间 {room}；请先用 debtcoach workshop serve 开房间",
        "en": "there is no room {room} in {path}; open it first with debtcoach workshop serve",
    },
    "error.lesson_unknown": {
        "zh": "没有课程「{value}」；可选：{allowed}",
        "en": "there is no lesson '{value}'; available: {allowed}",
    },
    "error.port_busy": {
        "zh": "无法监听 {host}:{port}（{detail}）；请换一个 --port",
        "en": "cannot listen on {host}:{port} ({detail}); choose another --port",
    },
    "error.room_export_write": {
        "zh": "无法写入文件（{detail}）",
        "en": "cannot write the file ({detail})",
    },
    "error.room_export_format": {
        "zh": "请选择且只选择一种格式：--csv、--json 或 --html",
        "en": "choose exactly one format: --csv, --json or --html",
    },
    # --- serving ---
    "workshop.serving": {
        "zh": "debtcoach 工作坊 · 房间 {room} · 课程：{lesson}",
        "en": "debtcoach workshop · room {room} · lesson: {lesson}",
    },
    "workshop.lesson_named": {"zh": "{title}（{id}）", "en": "{title} ({id})"},
    "workshop.any_lesson": {"zh": "由参与者自选", "en": "participants choose"},
    "workshop.give_address": {
        "zh": "请参与者在浏览器中打开：{url}",
        "en": "Participants open in a browser: {url}",
    },
    "workshop.dashboard_hint": {
        "zh": "另开一个终端查看全场答题：debtcoach workshop dashboard --room {room} --data-dir {data_dir}",
        "en": "See the room's answers in another terminal: debtcoach workshop dashboard --room {room} --data-dir {data_dir}",
    },
    "workshop.terminal_hint": {
        "zh": "在本机终端里加入：debtcoach --room {room} --data-dir {data_dir}",
        "en": "Join from a terminal on this machine: debtcoach --room {room} --data-dir {data_dir}",
    },
    "workshop.paced_hint": {
        "zh": "主持节奏已开启：参与者只能走到你在看板上开放的那一步（按 n 开放下一步）。",
        "en": "Pacing is on: participants stop at the step you open on the dashboard (n opens the next).",
    },
    "workshop.no_login": {
        "zh": "本服务器可被网络上的其他设备访问，且没有登录：只在可信的网络（如教室内网）中使用。",
        "en": "This server is reachable from other devices and has no login: use it only on a trusted network (such as the room's own).",
    },
    "workshop.stop_hint": {"zh": "按 Ctrl+C 停止服务器。", "en": "Press Ctrl+C to stop the server."},
    "workshop.page_room": {"zh": "房间 {room}", "en": "room {room}"},
    "workshop.page_start": {"zh": "开始", "en": "Start"},
    "workshop.page_closed": {"zh": "会话已结束。", "en": "Session ended."},
    "workshop.page_restart": {"zh": "重新进入", "en": "Join again"},
    # --- joining ---
    "workshop.join_welcome": {
        "zh": "欢迎来到房间 {room}！\n\n可以填一个昵称，也可以留空匿名参加。主持人只看到全场的统计和昵称（或 P1、P2 这样的编号）。",
        "en": "Welcome to room {room}!\n\nType a nickname, or leave it empty to stay anonymous. The facilitator sees the room's totals and nicknames (or numbers such as P1, P2).",
    },
    "workshop.join_closed": {
        "zh": "房间 {room} 已关闭，不再接受新的回答。",
        "en": "Room {room} is closed and takes no more answers.",
    },
    "workshop.join_placeholder": {"zh": "昵称（可不填）", "en": "Nickname (optional)"},
    "workshop.join_enter": {"zh": "进入课程", "en": "Start the lesson"},
    "workshop.wait_for_facilitator": {
        "zh": "请稍等：主持人还没有开放下一步。",
        "en": "Please wait: the facilitator has not opened the next step yet.",
    },
    # --- managing ---
    "workshop.closed": {"zh": "房间 {room} 已关闭。", "en": "Room {room} is closed."},
    "workshop.reopened": {"zh": "房间 {room} 已重新开放。", "en": "Room {room} is open again."},
    "workshop.reset_confirm": {
        "zh": "删除房间 {room} 的所有参与者和回答？",
        "en": "Delete every participant and answer of room {room}?",
    },
    "workshop.reset_done": {"zh": "房间 {room} 已清空。", "en": "Room {room} starts over."},
    # --- dashboard ---
    "workshop.dash_header": {
        "zh": "[b]房间 {room}[/b] · {title} · 在线 {connected} / 加入 {joined} 人 · 共 {answers} 个回答 · {pace} · {state}",
        "en": "[b]Room {room}[/b] · {title} · {connected} connected / {joined} joined · {answers:answer|answers} · {pace} · {state}",
    },
    "workshop.dash_paced": {"zh": "主持节奏：已开放到第 {step} 步", "en": "paced: open up to step {step}"},
    "workshop.dash_self_paced": {"zh": "自定节奏", "en": "self-paced"},
    "workshop.dash_open": {"zh": "开放中", "en": "open"},
    "workshop.dash_closed": {"zh": "[b]已关闭[/b]", "en": "[b]CLOSED[/b]"},
    "workshop.kind_single": {"zh": "单选题", "en": "quiz, one answer"},
    "workshop.kind_multiple": {"zh": "多选题", "en": "quiz, several answers"},
    "workshop.kind_numeric": {"zh": "数字题", "en": "quiz, a number"},
    "workshop.kind_predict": {"zh": "预测", "en": "prediction"},
    "workshop.kind_decision": {"zh": "决定", "en": "decision"},
    "workshop.dash_answered": {"zh": "{kind} · {count} 人已回答", "en": "{kind} · {count} answered"},
    "workshop.dash_branch_cost": {
        "zh": "模拟中：已付利息、费用和罚息 {cost}，最后还欠 {owed}",
        "en": "in the simulation: pays {cost} in interest, fees and penalties, still owes {owed} at the end",
    },
    "workshop.dash_median": {
        "zh": "中位数 {median} · 中间一半的人在 {low} 到 {high} 之间",
        "en": "median {median} · the middle half between {low} and {high}",
    },
    "workshop.dash_true": {"zh": "真实值", "en": "true value"},
    "workshop.dash_true_value": {"zh": "真实值：{value}", "en": "True value: {value}"},
    "workshop.dash_share_correct": {
        "zh": "答对 {share}（{count} 人中 {correct} 人）",
        "en": "{share} correct ({correct} of {count})",
    },
    "workshop.dash_hidden": {
        "zh": "真实值和答对比例暂时隐藏：在左侧选中这一步，按 r 揭晓",
        "en": "True value and share correct are hidden: highlight the step on the left and press r",
    },
    "workshop.dash_no_questions": {"zh": "这个房间还没有题目。", "en": "No questions in this room yet."},
    "workshop.fan_empty": {
        "zh": "全场借款人：等参与者做出第一个决定后，这里会显示每个人的决定带来的债务走势。",
        "en": "The room as borrowers: once participants take a decision, the debt their choices lead to shows here.",
    },
    "workshop.fan_title": {
        "zh": "全场借款人：{paths} 条路径（每人一条，按各自的决定模拟）每月末的欠款",
        "en": "The room as borrowers: debt at each month's end on {paths:path|paths} (one per participant, from their decisions)",
    },
    "workshop.fan_chart": {"zh": "全场欠款（元）", "en": "The room's debt (yuan)"},
    "workshop.fan_legend": {"zh": "实线中位数 · 点线10%/90% · ×故事",
                            "en": "median solid · 10%/90% dotted · × story"},
    "workshop.fan_columns": {
        "zh": " 月      P10   中位数      P90     故事",
        "en": "mon      p10   median      p90    story",
    },
    "key.reveal": {"zh": "揭晓", "en": "Reveal"},
    "key.open_next": {"zh": "下一步", "en": "Next step"},
    "key.open_back": {"zh": "退一步", "en": "Step back"},
    "key.pacing": {"zh": "节奏", "en": "Pacing"},
    "key.close_room": {"zh": "关闭", "en": "Close"},
    "key.reset_room": {"zh": "清空", "en": "Reset"},
    # --- export ---
    "workshop.export_title": {"zh": "房间 {room} 的结果", "en": "Room {room}: results"},
    "workshop.export_people": {"zh": "{count} 位参与者", "en": "{count:participant|participants}"},
    "workshop.export_answered": {"zh": "{count} 人回答", "en": "{count} answered"},
    "workshop.export_fan_legend": {
        "zh": "蓝色带：全场中间80%的路径（P10 到 P90）；深色线：中位数；红色虚线：课程里原本的故事。横轴是月份。",
        "en": "Blue band: the middle 80% of the room's paths (p10 to p90); dark line: the median; red dashes: the lesson's own story. Months along the bottom.",
    },
    "workshop.exported": {"zh": "已写入 {path}", "en": "Written to {path}"},
}
