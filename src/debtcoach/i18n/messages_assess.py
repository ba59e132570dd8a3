"""User-facing sentences of the assess feature, in 简体中文 and English (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
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
