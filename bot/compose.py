"""The extractive, offline answer composer: every sentence is built from retrieved plan fields
and carries a ``[n]`` citation to the hit it came from. Nothing is generated or invented."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answer import NOT_IN_PLAN_EN, NOT_IN_PLAN_JA, Answer, Citation
from bot.intent import WARDS, Intent
from index.document import measure_text
from index.hit import Hit
from ingest.chunk import Chunk
from ingest.text import strip_footnote_refs

_FACT_JA = {"fee": "料金・手数料", "hours": "開館・受付時間", "schedule": "日程・収集日・締め切り", "phone": "電話番号"}
_FACT_EN = {"fee": "fees or prices", "hours": "opening hours", "schedule": "dates or schedules", "phone": "phone numbers"}
_GENERIC_SECTIONS = {"取組目標・主な取組", "取組内容", "(2) 具体的な取組"}


@dataclass(frozen=True)
class Relevance:
    """Is the best hit relevant enough to answer from? Calibrated on the dev set (README):
    relevance = dense cosine + 0.0025 x min(lexical BM25, 20); answer when >= 0.855."""

    threshold: float = 0.855
    lexical_weight: float = 0.0025
    lexical_cap: float = 20.0

    def score(self, hit: Hit) -> float:
        dense = hit.signals.get("dense", 0.0)
        lexical = min(hit.signals.get("lexical", 0.0), self.lexical_cap)
        return dense + self.lexical_weight * lexical

    def confidence(self, hit: Hit) -> float:
        return float(min(1.0, max(0.0, (self.score(hit) - 0.80) / 0.12)))


class _Cites:
    """Numbers hits in order of first citation."""

    def __init__(self) -> None:
        self.order: list[Hit] = []

    def n(self, hit: Hit) -> int:
        for i, seen in enumerate(self.order, start=1):
            if seen.chunk.id == hit.chunk.id:
                return i
        self.order.append(hit)
        return len(self.order)

    def citations(self) -> tuple[Citation, ...]:
        return tuple(Citation(i, hit) for i, hit in enumerate(self.order, start=1))


def cite(sentence: str, n: int) -> str:
    """Put ``[n]`` before the sentence's final 。/. (or at its end)."""
    sentence = sentence.strip()
    for end in ("。", "."):
        if sentence.endswith(end):
            return f"{sentence[: -len(end)]} [{n}]{end}"
    return f"{sentence} [{n}]"


def sentences(text: str, limit: int = 2) -> str:
    """The first ``limit`` sentences of a passage (footnote numbers removed, lines joined)."""
    flat = strip_footnote_refs(text).replace("\n", " ").strip()
    parts = [p for p in re.split(r"(?<=。)", flat) if p.strip()]
    return "".join(parts[:limit]).strip()


def departments_text(chunk: Chunk) -> str:
    names = "、".join(d.name for d in chunk.departments)
    written = "、".join(d.as_written for d in chunk.departments)
    more = " ほか" if chunk.departments_more else ""
    return f"{names}{more}（{written}{more}）"


def where(chunk: Chunk) -> str:
    if chunk.ward:
        return chunk.ward
    tail = [s for s in chunk.section if s not in _GENERIC_SECTIONS]
    return tail[-1] if tail else ""


def _choose_lead(intent: Intent, hits: list[Hit], relevance: Relevance) -> Hit:
    top = hits[0]
    close = [h for h in hits[:5] if relevance.score(h) >= relevance.score(top) - 0.03]
    preferred = {
        "definition": lambda c: c.kind == "glossary",
        "figure": lambda c: c.indicator is not None,
        "department": lambda c: bool(c.departments),
        "ward": lambda c: c.ward == intent.ward,
    }.get(intent.kind)
    if intent.ward and intent.kind != "ward":
        in_ward = [h for h in close if h.chunk.ward == intent.ward]
        close = in_ward or close
    if preferred is not None:
        for hit in close if intent.kind != "ward" else hits[:5]:
            if preferred(hit.chunk):
                return hit
    return close[0] if close else top


def compose(question: str, intent: Intent, hits: list[Hit], relevance: Relevance | None = None,
            max_related: int = 3) -> Answer:
    """Build the answer for ``question`` from ``hits`` (best first)."""
    relevance = relevance or Relevance()
    english = intent.language == "en"
    notes: list[str] = []
    if intent.other_ward:
        notes.append(f"この抜粋には{intent.other_ward}の章は含まれていません（全市の取組のみ該当します）。")
    if not hits:
        text = NOT_IN_PLAN_EN + " " + NOT_IN_PLAN_JA if english else NOT_IN_PLAN_JA
        return Answer(question, text, (), 0.0, True, intent.kind, intent.language, tuple(notes))
    cites = _Cites()
    top = hits[0]
    relevant = relevance.score(top) >= relevance.threshold
    if intent.unanswerable_fact or not relevant:
        return _abstain(question, intent, hits, relevance, cites, notes, relevant)

    lead = _choose_lead(intent, hits, relevance)
    chunk = lead.chunk
    n = cites.n(lead)
    first, included_description = _first_sentence(intent, chunk, n, english)
    lines = [first]
    said = set()
    if intent.kind == "figure" and chunk.indicator:
        said.add("figure")
    if intent.kind == "department" and chunk.departments:
        said.add("department")
    if chunk.kind != "glossary":
        if included_description:
            rest = sentences(chunk.text, 2)[len(sentences(chunk.text, 1)):].strip()
            if rest:
                lines.append(cite(f"「{rest}」" if english else rest, n))
        elif description := sentences(chunk.text):
            lines.append(cite(f"What it does: 「{description}」" if english else f"内容: {description}", n))
    if chunk.departments and "department" not in said:
        lines.append(cite(
            f"Department in charge: {departments_text(chunk)}." if english else f"所管: {departments_text(chunk)}。", n
        ))
    if chunk.indicator and "figure" not in said:
        lines.append(cite(
            f"Target: 「{chunk.indicator}」 {measure_text(chunk)}." if english
            else f"目標: {chunk.indicator}（{measure_text(chunk)}）。", n
        ))
    for note in chunk.notes:
        lines.append(cite(f"Note: {note}." if english else f"備考: {note}。", n))

    related = [
        h for h in hits
        if h.chunk.id != chunk.id and h.chunk.title != chunk.title
        and relevance.score(h) >= relevance.threshold and h.chunk.kind != "narrative"
    ][:max_related]
    if related:
        parts = [f"「{h.chunk.title}」（{where(h.chunk)}）[{cites.n(h)}]" for h in related]
        lines.append(("Related: " + ", ".join(parts) + ".") if english else ("関連する記載: " + "、".join(parts) + "。"))
    return Answer(question, "\n".join(lines), cites.citations(), relevance.confidence(lead), False,
                  intent.kind, intent.language, tuple(notes), tuple(hits))


def _first_sentence(intent: Intent, chunk: Chunk, n: int, english: bool) -> tuple[str, bool]:
    """The sentence that answers the asked fact, and whether it already quotes the description."""
    title = chunk.title
    line = _fact_sentence(intent, chunk, n, english)
    if line is not None:
        return line, False
    lead_sentence = sentences(chunk.text, 1)
    if english:
        return cite(f"The plan's 「{title}」 ({where(chunk)}): 「{lead_sentence}」", n), True
    return cite(f"「{title}」（{where(chunk)}）: {lead_sentence}", n), True


def _fact_sentence(intent: Intent, chunk: Chunk, n: int, english: bool) -> str | None:
    title = chunk.title
    if intent.kind == "figure" and chunk.indicator:
        if english:
            return cite(f"The target of 「{title}」 (indicator: 「{chunk.indicator}」) is {measure_text(chunk)}.", n)
        return cite(f"「{title}」の目標は「{chunk.indicator}」で、{measure_text(chunk)} です。", n)
    if intent.kind == "department" and chunk.departments:
        if english:
            return cite(f"The department in charge of 「{title}」 is {departments_text(chunk)}.", n)
        return cite(f"「{title}」の所管は {departments_text(chunk)} です。", n)
    if intent.kind == "department" and chunk.ward:
        if english:
            return cite(f"「{title}」 is a {chunk.ward} initiative; the plan names no department for it.", n)
        return cite(f"「{title}」は{chunk.ward}の取組で、計画（抜粋）には所管部署の記載がありません。", n)
    if intent.kind == "figure" and chunk.kind == "initiative":
        if english:
            return cite(f"The plan gives no numeric target for 「{title}」.", n)
        return cite(f"「{title}」には数値目標の記載がありません。", n)
    if chunk.kind == "glossary":
        if english:
            return cite(f"The plan defines 「{chunk.term}」 as: 「{chunk.definition}」", n)
        return cite(f"「{chunk.term}」とは、{chunk.definition}", n)
    if chunk.ward and intent.kind == "ward":
        goal = chunk.section[-1] if len(chunk.section) > 2 else ""
        if english:
            english_ward = WARDS.get(chunk.ward, "").capitalize()
            return cite(f"In {chunk.ward} ({english_ward}), the plan lists 「{title}」 under 「{goal}」.", n)
        return cite(f"{chunk.ward}では「{title}」に取り組みます（{goal}）。", n)
    return None


def _abstain(question, intent, hits, relevance, cites, notes, relevant) -> Answer:
    english = intent.language == "en"
    lines = []
    if intent.unanswerable_fact:
        fact_ja = _FACT_JA[intent.unanswerable_fact]
        lines.append(
            f"The plan (excerpt) states no {_FACT_EN[intent.unanswerable_fact]}. この計画（抜粋）には{fact_ja}の記載はありません。"
            if english else f"この計画（抜粋）には{fact_ja}の記載はありません。"
        )
    else:
        lines.append(f"{NOT_IN_PLAN_EN} {NOT_IN_PLAN_JA}" if english else NOT_IN_PLAN_JA)
    candidates = [h for h in hits if h.chunk.kind != "narrative"] or hits
    close = [h for h in candidates if relevance.score(h) >= relevance.threshold]
    suggestions = (close or candidates)[:3]
    if suggestions:
        parts = [f"「{h.chunk.title}」[{cites.n(h)}]" for h in suggestions]
        if relevant and intent.unanswerable_fact:
            lead = "Related initiatives in the plan: " if english else "計画に記載のある関連する取組: "
        else:
            lead = "Closest topics in the plan: " if english else "近い話題: "
        lines.append(lead + ("、".join(parts) if not english else ", ".join(parts)) + ("." if english else "。"))
    lines.append(
        "Please check with the city's official information for details."
        if english else "詳細は札幌市の公式情報（各担当窓口）でご確認ください。"
    )
    return Answer(question, "\n".join(lines), cites.citations(), relevance.confidence(hits[0]) if relevant else 0.0,
                  True, intent.kind, intent.language, tuple(notes), tuple(hits))
