"""User-facing sentences of the simulation report and month records, in 简体中文 and English
(merged into MESSAGES)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "sim.worker_died": {
        "zh": "模拟进程 {number}（路径 {first}–{last}）{how}，没有输出结果。"
        "可以用 --workers 1 或更少的 --paths 再试一次。",
        "en": "simulation process {number} (paths {first}–{last}) {how}; nothing was printed. "
        "Try again with --workers 1 or fewer --paths.",
    },
    "sim.worker_killed": {"zh": "被 {signal} 信号终止", "en": "was killed by {signal}"},
    "sim.worker_exited": {"zh": "以代码 {code} 退出", "en": "exited with code {code}"},
    "sim.worker_out_of_memory": {"zh": "（可能是内存不够）", "en": " (out of memory?)"},
    "state.multi_lending": {"zh": "多头借贷", "en": "multi-lending"},
    "sim.costs_owed": {
        "zh": "为了 {need} 的急用，到目前产生的利息、费用和罚息共 {costs}："
              "已付 {paid}，仍欠 {owed}",
        "en": "For a {need} need: {costs} in interest, fees and penalties so far; {paid} paid, "
              "{owed} still owed",
    },
    "sim.costs_paid": {
        "zh": "为了 {need} 的急用，到目前产生的利息、费用和罚息共 {costs}，都已付清",
        "en": "For a {need} need: {costs} in interest, fees and penalties so far, all paid",
    },
    "sim.costs_owed_no_need": {
        "zh": "到目前产生的利息、费用和罚息共 {costs}：已付 {paid}，仍欠 {owed}",
        "en": "{costs} in interest, fees and penalties so far; {paid} paid, {owed} still owed",
    },
    "sim.costs_paid_no_need": {
        "zh": "到目前产生的利息、费用和罚息共 {costs}，都已付清",
        "en": "{costs} in interest, fees and penalties so far, all paid",
    },
    "error.memory_budget": {
        "zh": "{paths} 条路径 × {months} 个月 × {slots} 个借款位需要约 {need} GiB 内存，超过上限 "
              "{budget} GiB；请减少 --paths 或 --months",
        "en": "{paths:path|paths} × {months:month|months} × {slots} loan slots need about {need} GiB of "
              "memory, more than the {budget} GiB allowed; use fewer --paths or --months",
    },
    "sim.section.debt": {"zh": "欠款与还款", "en": "Debt and payments"},
    "sim.section.costs": {
        "zh": "利息、费用和罚息：当月产生与当月已付",
        "en": "Interest, fees and penalties: charged this month, and paid",
    },
    "sim.section.debt_spread": {
        "zh": "每月欠款的分布（10%、50%、90% 分位）",
        "en": "Debt by month across paths (10th, 50th and 90th percentiles)",
    },
    "sim.section.states": {"zh": "每月处于各状态的路径占比", "en": "Share of paths in each state"},
    "sim.ever_default": {"zh": "曾经违约的路径占比：{share}",
                         "en": "Share ever in default: {share}"},
    "sim.events": {"zh": "事件记录", "en": "Events"},
    "sim.col.paid_from_new_loans": {"zh": "用新借款还", "en": "With loans"},
    "sim.col.interest_incurred": {"zh": "利息", "en": "Interest"},
    "sim.col.interest_paid": {"zh": "已付利息", "en": "Int. paid"},
    "sim.col.fees_incurred": {"zh": "费用", "en": "Fees"},
    "sim.col.fees_paid": {"zh": "已付费用", "en": "Fees paid"},
    "sim.col.penalties_incurred": {"zh": "罚息", "en": "Penalties"},
    "sim.col.penalties_paid": {"zh": "已付罚息", "en": "Pen. paid"},
    "sim.col.costs_to_date": {"zh": "累计成本", "en": "To date"},
    "sim.col.costs_owed": {"zh": "仍欠", "en": "Still owed"},
    "sim.event.path": {"zh": "路径 {path}，{line}", "en": "path {path}, {line}"},
    "sim.event.loan": {"zh": "第 {day} 天：从{lender}借了 {amount}（合同金额）",
                       "en": "day {day}: {lender} lent {amount} (contract)"},
    "sim.event.repaid": {"zh": "第 {day} 天：还给{lender} {amount}",
                         "en": "day {day}: repaid {amount} to {lender}"},
    "sim.event.closed": {"zh": "第 {day} 天：{lender}的 {amount} 借款结清",
                         "en": "day {day}: the {amount} loan from {lender} closed"},
    "sim.event.rolled": {"zh": "第 {day} 天：付 {amount} 给{lender}展期",
                         "en": "day {day}: paid {amount} to {lender} to roll over"},
    "sim.event.refused": {"zh": "第 {day} 天：{lender}拒绝借 {amount}：{reason}",
                          "en": "day {day}: {lender} refused {amount}: {reason}"},
    "sim.event.overdue": {"zh": "第 {day} 天：欠{lender}的 {amount} 没还上，逾期",
                          "en": "day {day}: {amount} due to {lender} unpaid, overdue"},
    "sim.event.credit_mark": {"zh": "第 {day} 天：{lender}的逾期过了宽限期，上了征信",
                              "en": "day {day}: overdue with {lender} past grace, on the credit "
                                    "report"},
    "sim.event.cut_spending": {"zh": "第 {day} 天：开始省钱，每月少花 {amount}",
                               "en": "day {day}: cutting spending by {amount} a month"},
    "sim.event.extra_payment": {"zh": "第 {day} 天：提前还清{lender}的借款 {amount}",
                                "en": "day {day}: paid off {amount} to {lender} early"},
    "sim.reason.overdue": {"zh": "你有逾期未还的借款", "en": "a loan is overdue"},
    "sim.reason.too_many_lenders": {"zh": "你在别的平台借得太多家",
                                    "en": "too many other lenders"},
    "sim.reason.debt_to_income": {"zh": "要还的钱超过收入的上限",
                                  "en": "payments due above its share of income"},
    "sim.reason.line_used": {"zh": "额度已用完", "en": "credit line used up"},
    "error.workers_invalid": {
        "zh": "进程数必须是 1 到 {limit} 之间的整数（收到 {value}）",
        "en": "processes must be a whole number from 1 to {limit} (got {value})",
    },
}
