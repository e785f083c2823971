"""What a question asks for: a figure, the department, a definition, a ward — or a kind of fact
the plan never contains (fees, opening hours, schedules, phone numbers). Part of understanding a
query (`index.query`): computed once per question, used by retrieval and by the answer."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ingest.profile import PlanProfile

_FIGURE = re.compile(
    r"目標|何\s*(?:[%％]|パーセント|人|件|回|枚|時間|か所|箇所|施設|事業|業務)|いつまで|どれ(だけ|くらい|ぐらい)|"
    r"どの(くらい|ぐらい|程度)|数値|割合|件数|人数|指標|"
    r"\btargets?\b|how many|\bgoals?\b|percentage|by when|\bfigures?\b|\bnumber of\b",
    re.IGNORECASE,
)
_DEPARTMENT = re.compile(
    r"所管|担当|部署|問い合わせ|問合せ|問い合せ|窓口はどこ|どこが(やって|担当|所管)|どこの(局|課|部)|"
    r"which department|in charge|responsible|who (runs|handles|is responsible)|\bcontact\b",
    re.IGNORECASE,
)
_DEFINITION = re.compile(
    r"とは[?？]?\s*$|とは(何|なに|どういう)|って(何|なに|どういう)|ってなん|の意味|意味は|"
    r"^\s*what (is|are|does)\b.*\b(mean|stand for)?|\bdefinition\b|\bdefine\b",
    re.IGNORECASE,
)
# A question about the plan's own target ("目標はいくら", "the target year") asks for a fact the plan
# states: it takes precedence over the price / date vetoes below.
_PLAN_TARGET = re.compile(r"目標|指標|\btargets?\b|\bgoals?\b|\bindicators?\b", re.I)
# Greetings, thanks and "how do I use this": answered with a short guide, not with plan passages.
_SMALLTALK = re.compile(
    r"^\s*(?:こんにちは|こんばんは|おはよう(?:ございます)?|はじめまして|ありがとう(?:ございます|ございました)?|どうも|"
    r"よろしく(?:お願いします)?|さようなら|使い方(?:は|を教えて(?:ください)?)?|何ができる(?:の|んですか|ますか)?|"
    r"hello|hi|hey|thanks|thank you|bye|help|how (?:do i|to) use(?: this)?)"
    r"[\s!！?？。、.〜～ー]*$", re.I)
# Facts an action plan does not contain; asking for them must not produce an invented value.
# (Fees, hours, schedules and phone numbers appear nowhere in the plan, so no passage lifts those.)
_NOT_IN_PLAN = {
    "fee": re.compile(r"手数料|料金|いくら|値段|家賃|運賃|価格|\bfees?\b|\bprices?\b|how much (does|is) it cost", re.I),
    "hours": re.compile(r"開館時間|営業時間|受付時間|何時から|何時まで|opening hours|business hours|office hours", re.I),
    "schedule": re.compile(
        r"収集日|何曜日|日程|締め切り|締切|いつ(?:頃|ごろ|来る|来ます|来て|やって|開催|行われ)|スケジュール|"
        r"\bschedule\b|what day|what time|collection day|\bwhen (?:is|are|does|do|will)\b", re.I
    ),
    "phone": re.compile(r"電話番号|連絡先の電話|phone number|telephone", re.I),
    # lending equipment or rooms (ポールは貸してもらえる？, "can I borrow"): an action plan states what the
    # city will do, not what a counter lends out
    "lending": re.compile(r"貸して(?:もら|くれ|いただ|ほし)|貸し出|貸出|借りられ|借りれ|レンタル|"
                          r"\b(?:borrow|lend|rent)(?:s|ed|ing|al)?\b", re.I),
}
# A retrieved passage that does speak of the vetoed fact lifts the veto (a lending scheme the plan
# describes is answered, not refused).
STATED_BY = {
    "lending": re.compile(r"貸|借り|レンタル"),
}


def standing_veto(unanswerable_fact: str | None, passages: Iterable[str]) -> str | None:
    """The fact type the plan never states that a question asks for (`Intent.unanswerable_fact`),
    unless one of the retrieved ``passages`` speaks of it (`STATED_BY`)."""
    stated = STATED_BY.get(unanswerable_fact or "")
    if stated is not None and any(stated.search(text) for text in passages):
        return None
    return unanswerable_fact


@dataclass(frozen=True)
class Intent:
    """The asked fact (``figure`` | ``department`` | ``definition`` | ``ward`` | ``general``, or
    ``smalltalk`` for a greeting, thanks or "how do I use this"), the
    ward the question names, its language, and a fact type the plan never states (or None)."""

    kind: str
    ward: str | None
    language: str
    unanswerable_fact: str | None = None
    other_ward: str | None = None


def mentioned_ward(question: str, wards: dict[str, str]) -> str | None:
    """The first of ``wards`` (Japanese name -> English name) the question names, in either language."""
    folded = unicodedata.normalize("NFKC", question)
    compact = re.sub(r"\s+", "", folded)
    for ward, english in wards.items():
        if ward in compact or (english and re.search(rf"\b{re.escape(english)}\b", folded, re.IGNORECASE)):
            return ward
    return None


def detect(question: str, language: str, profile: PlanProfile, respelled: str = "") -> Intent:
    """Classify a question; the order reflects which fact to put first when several apply.
    ``respelled``: the plan's spellings of words the question wrote in kana (ていねく -> 手稲区), where
    a ward the question names may only show up.

    >>> detect("消防検査オンライン化 所管", "ja", PlanProfile()).kind
    'department'
    """
    ward = mentioned_ward(question, profile.wards) or (mentioned_ward(respelled, profile.wards) if respelled else None)
    if _SMALLTALK.match(question):
        return Intent("smalltalk", None, language)
    unanswerable = next((name for name, pattern in _NOT_IN_PLAN.items() if pattern.search(question)), None)
    if unanswerable in ("fee", "schedule") and _PLAN_TARGET.search(question):
        unanswerable = None
    if _DEPARTMENT.search(question):
        kind = "department"
    elif _FIGURE.search(question):
        kind = "figure"
    elif _DEFINITION.search(question):
        kind = "definition"
    elif ward:
        kind = "ward"
    else:
        kind = "general"
    other = None if ward else mentioned_ward(question, profile.other_wards)
    return Intent(kind, ward, language, unanswerable, other)
