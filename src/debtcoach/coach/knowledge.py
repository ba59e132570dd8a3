"""The knowledge check: ten single-choice questions taken before the first lesson and again later,
so a learner sees what they now understand that they did not before.

The first three adapt the widely used "Big Three" of financial literacy (interest, inflation,
compounding; Lusardi and Mitchell) to yuan and small loans; the rest come from the lessons. Every
question also offers "don't know": a guess that happens to be right teaches nothing, and an honest
"don't know" turning into a right answer is exactly the progress worth showing. Figures in the
explanations are checked against closed forms and the loan maths in the tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

Text = Mapping[str, str]
"""One sentence in both languages: ``{"zh": …, "en": …}``."""
Moment = Literal["before", "after", "any"]
"""When a check was taken: before any lesson, after finishing them all, or somewhere between."""
Outcome = Literal["right", "wrong", "dont_know", "unanswered"]

DONT_KNOW: Final = -1
"""The choice recorded for "不知道 / don't know"."""
MOMENTS: Final[tuple[Moment, ...]] = ("before", "after", "any")


@dataclass(frozen=True)
class Question:
    id: str
    prompt: Text
    choices: tuple[Text, ...]
    """The real options; "don't know" is offered after them and recorded as DONT_KNOW."""
    correct: int
    explanation: Text
    """Why the right answer is right, shown after the check."""
    source: str
    """Where the fact comes from (title or statute, as in the project's facts file)."""


def _q(key: str, prompt: tuple[str, str], choices: list[tuple[str, str]], correct: int,
       explanation: tuple[str, str], source: str) -> Question:
    return Question(key, {"zh": prompt[0], "en": prompt[1]},
                    tuple({"zh": zh, "en": en} for zh, en in choices), correct,
                    {"zh": explanation[0], "en": explanation[1]}, source)


_ARITHMETIC = "arithmetic"

QUESTIONS: Final[tuple[Question, ...]] = (
    _q("interest",
       ("你欠某个平台1,000元，年利率2%，利息计入欠款。5年里既不还钱也不再借，5年后欠多少？",
        "You owe a lender ¥1,000 at 2% a year, with interest added to the debt. You neither repay "
        "nor borrow for 5 years. How much do you owe after 5 years?"),
       [("多于1,020元", "More than ¥1,020"), ("正好1,020元", "Exactly ¥1,020"),
        ("少于1,020元", "Less than ¥1,020")],
       0,
       ("每年都多出约20元利息，5年后远不止1,020元：1,000×1.02⁵≈1,104.08元。",
        "Every year adds about ¥20 of interest, so after 5 years it is well over ¥1,020: "
        "1,000 × 1.02⁵ ≈ ¥1,104.08."),
       _ARITHMETIC),
    _q("inflation",
       ("你的钱放在每年收益1%的账户里，物价每年上涨2%。一年后，这笔钱能买到的东西……",
        "Your money earns 1% a year in an account and prices rise 2% a year. After one year, "
        "what it can buy is…"),
       [("比今天多", "More than today"), ("和今天一样", "The same as today"),
        ("比今天少", "Less than today")],
       2,
       ("钱每年多1%，东西每年贵2%，所以能买到的少了约1%。",
        "The money grows 1% while prices rise 2%, so it buys about 1% less."),
       _ARITHMETIC),
    _q("compounding",
       ("借1,000元，月利率3%，利息每月计入欠款（利滚利），12个月都没还。12个月后欠款……",
        "You borrow ¥1,000 at 3% a month; each month's interest is added to the debt. After 12 "
        "months without repaying, the debt is…"),
       [("少于1,360元", "Less than ¥1,360"), ("正好1,360元", "Exactly ¥1,360"),
        ("多于1,360元", "More than ¥1,360")],
       2,
       ("1,360元是单利（每月30元×12个月）。利滚利时利息也生利息：1,000×1.03¹²≈1,425.76元。",
        "¥1,360 is simple interest (¥30 a month × 12). When interest is added to the debt it "
        "earns interest too: 1,000 × 1.03¹² ≈ ¥1,425.76."),
       _ARITHMETIC),
    _q("daily-rate",
       ("广告写「日息万五」（每天0.05%）。不算复利，折成一年大约是多少？",
        "An ad says 日息万五: 0.05% a day. Without compounding, about how much is that per year?"),
       [("约0.05%", "About 0.05%"), ("约1.5%", "About 1.5%"), ("约5%", "About 5%"),
        ("约18%", "About 18%")],
       3,
       ("一年365天：0.05%×365=18.25%，这曾是信用卡透支利率的上限；按天复利约为20.0%。",
        "A year has 365 days: 0.05% × 365 = 18.25%, once the cap on credit-card revolving "
        "interest; compounded daily it is about 20.0%."),
       "People's Daily, \"China lifts credit-card overdraft interest rates limits\" (2021-01-11), "
       "http://en.people.cn/n3/2021/0111/c90000-9807874.html"),
    _q("flat-fee",
       ("信用卡分期12期，每月手续费是分期金额的0.6%（每月都按最初的金额收）。真实年化利率大约是多少？",
        "A card instalment plan over 12 months charges 0.6% of the original amount every month. "
        "About what is the real annual rate?"),
       [("约0.6%", "About 0.6%"), ("约7.2%", "About 7.2%"), ("约13%", "About 13%")],
       2,
       ("0.6%×12=7.2%是按最初的金额算的；可你每月都在还本金，手里的钱越来越少，手续费却不变。"
        "按实际占用的钱算（IRR），约为13.0%，差不多翻倍。",
        "0.6% × 12 = 7.2% counts the original amount all year, but you repay principal every "
        "month while the fee stays the same. On the money you actually have (IRR) it is about "
        "13.0%, nearly double."),
       _ARITHMETIC),
    _q("upfront-fee-rate",
       ("合同借10,000元，12个月等额本息，合同年利率24%；放款时先扣2,000元「服务费」，"
        "到手8,000元。真实年化利率大约是多少？",
        "The contract says ¥10,000 over 12 equal monthly payments at 24% a year, but ¥2,000 is "
        "deducted at payout as a \"service fee\" and you receive ¥8,000. About what is the real "
        "annual rate?"),
       [("约24%", "About 24%"), ("约30%", "About 30%"), ("约70%", "About 70%")],
       2,
       ("每月仍按10,000元还945.60元，可你只拿到8,000元。按到手的钱算，真实年化（IRR）约70%。",
        "You still repay ¥945.60 a month as if you had ¥10,000, but you received ¥8,000. On the "
        "cash you received the real annual rate (IRR) is about 70%."),
       "PKU National School of Development, \"Annualized Interest Rates: No More "
       "Hide-and-Seek\" (2021-04-13), https://en.bimba.pku.edu.cn/newnter/news/513604.htm"),
    _q("upfront-fee-law",
       ("借款时利息被预先从本金里扣掉（砍头息）。按《民法典》，借款人应按哪个金额还本并计算利息？",
        "Interest was deducted from the loan at payout (砍头息). Under the Civil Code, on what "
        "amount must the borrower repay and be charged interest?"),
       [("合同上写的金额", "The amount in the contract"),
        ("实际到手的金额", "The amount actually received"),
        ("由平台决定", "Whatever the lender decides")],
       1,
       ("《民法典》第670条：借款的利息不得预先在本金中扣除；预先扣除的，应当按照实际借款数额返还借款并计算利息。",
        "Civil Code art. 670: interest may not be deducted from the principal in advance; if it "
        "is, the loan is repaid and interest charged on the amount actually lent."),
       "民法典 第670条 (Civil Code art. 670)"),
    _q("stacking",
       ("每次借新款只到手借款金额的80%（先扣20%），拿来还清上一笔。从欠1,000元开始，"
        "这样借新还旧3轮，欠款大约变成多少？（不算利息）",
        "Each new loan pays out only 80% of its amount (20% deducted) and is used to repay the "
        "last one. Starting from ¥1,000 owed, after 3 rounds of borrowing to repay, about how "
        "much do you owe? (ignoring interest)"),
       [("约1,000元", "About ¥1,000"), ("约1,600元", "About ¥1,600"),
        ("约1,950元", "About ¥1,950")],
       2,
       ("要还清1,000元，得借1,000÷0.8=1,250元；每轮欠款×1.25：1,250→1,563→1,953元，"
        "12轮后约14,552元。这还没算利息和罚息。",
        "To repay ¥1,000 you must borrow 1,000 ÷ 0.8 = ¥1,250; each round multiplies the debt by "
        "1.25: 1,250 → 1,563 → ¥1,953, and about ¥14,552 after 12 rounds, before any interest or "
        "penalties."),
       _ARITHMETIC),
    _q("pay-first",
       ("你有几笔借款，都按时还了每月该还的，还剩一些钱。想少付利息，多出的钱应该先还哪一笔？",
        "You have several loans, all paid on time this month, and some money left. To pay the "
        "least interest, which loan should the extra money go to first?"),
       [("真实年化利率最高的", "The one with the highest real annual rate"),
        ("金额最小的", "The smallest one"), ("最近借的", "The newest one")],
       0,
       ("先还利率最高的（雪崩法）付的利息最少；先还金额最小的（雪球法）多付一些利息，"
        "但更快结清一笔、给人动力。最要紧的是先停止借新还旧。",
        "Paying the highest rate first (avalanche) costs the least interest; the smallest first "
        "(snowball) costs some more but closes an account sooner, which helps motivation. Above "
        "all, stop borrowing to repay."),
       "Kellogg School, \"The 'snowball approach' to debt\" (2012-08-07), "
       "https://www.kellogg.northwestern.edu/News_Articles/2012/snowball-approach.aspx"),
    _q("paid-agents",
       ("网上有人收费帮你「停息挂账、代理维权、反催收」。怎么做最稳妥？",
        "Someone online offers, for a fee, to get your interest stopped, \"protect your rights\" "
        "or fight the collectors for you. What is safest?"),
       [("付钱交给他们办", "Pay them to handle it"),
        ("把身份证和验证码交给他们去谈", "Give them your ID and SMS codes to negotiate"),
        ("自己免费联系贷款机构的官方客服协商，有问题向监管部门投诉",
         "Contact the lender's official customer service yourself, free, and complain to the "
         "regulator if needed")],
       2,
       ("监管部门多次提醒：这类「代理维权」收高额费用、索要身份证件和验证码；有人付了钱反被起诉、"
        "个人信息被卖。和官方客服协商是免费的；对银行、消费金融公司的投诉可拨12378。",
        "Regulators have warned repeatedly: such \"agents\" charge high fees and ask for ID "
        "documents and SMS codes; some who paid were later sued, their data sold. Negotiating "
        "with the official customer service is free; complaints about banks and consumer finance "
        "companies go to 12378."),
       "Beijing Banking and Insurance Regulatory Bureau warning (2022-10-25), "
       "https://www.tellerreport.com/business/2022-10-25-beijing-bureau-of-banking-and-insurance-"
       "regulatory-commission--beware-of-the-four-routines-of-illegal-%22agent-disposal-of-credit"
       "-card-debts%22.HyfRuiXrNs.html"),
)

_BY_ID: Final = {question.id: question for question in QUESTIONS}


def question(question_id: str) -> Question:
    """The question with this id; KeyError for one the bank does not have (an old save)."""
    return _BY_ID[question_id]


def valid_choice(question_id: str, choice: int) -> bool:
    """A choice the question offers: one of its options or DONT_KNOW."""
    found = _BY_ID.get(question_id)
    return found is not None and (choice == DONT_KNOW or 0 <= choice < len(found.choices))


def outcome(question: Question, choice: int | None) -> Outcome:
    if choice is None:
        return "unanswered"
    if choice == DONT_KNOW:
        return "dont_know"
    return "right" if choice == question.correct else "wrong"


@dataclass(frozen=True)
class Score:
    right: int
    wrong: int
    dont_know: int
    unanswered: int

    @property
    def total(self) -> int:
        return self.right + self.wrong + self.dont_know + self.unanswered


def score(answers: Mapping[str, int]) -> Score:
    """Count outcomes over the whole bank; answers to questions no longer in it are ignored."""
    counts = dict.fromkeys(("right", "wrong", "dont_know", "unanswered"), 0)
    for item in QUESTIONS:
        counts[outcome(item, answers.get(item.id))] += 1
    return Score(**counts)


@dataclass(frozen=True)
class Change:
    """One question's outcome in the first check and in the latest."""

    question: Question
    before: Outcome
    after: Outcome

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def learned(self) -> bool:
        return self.after == "right" and self.before != "right"

    @property
    def lost(self) -> bool:
        return self.before == "right" and self.after != "right"


def compare(before: Mapping[str, int], after: Mapping[str, int]) -> list[Change]:
    """Every question of the bank with its two outcomes, in the bank's order."""
    return [Change(item, outcome(item, before.get(item.id)), outcome(item, after.get(item.id)))
            for item in QUESTIONS]


def moment_for(lessons: int, started: int, finished: int) -> Moment:
    """Which check this is, from the learner's progress: none begun, all finished, or between."""
    if started == 0 and finished == 0:
        return "before"
    if lessons > 0 and finished >= lessons:
        return "after"
    return "any"
