"""A program's facts: a target or a department asked of a program (「窓口における利便性の向上 目標」, 「… 所管」) — a
program row states neither — is answered by those of the initiatives under it, a cited line each; so is a
theme asked for as a whole (「窓口を便利にする取組をまとめて教えて」), by what each initiative does."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.answer import Answer, Citation
from bot.quote import split_sentences
from index.hit import Hit
from ingest.chunk import Chunk
from ingest.display import department_names, measure_text
from ingest.profile import PlanProfile

# A question asking for the initiatives of a theme as a whole (「…取組をまとめて教えて」, 「どんな取組があるの？」,
# 「…の一覧」, 「何が変わるの？」, "what initiatives …"): a program answers it with the initiatives under it.
# (not what is done, 「どんなことしてる？」: one initiative's description answers that)
_BROAD = re.compile(r"(?:取り?組み?|施策|事業)(?:を|の)?\s*(?:まとめて|全部|一覧|リスト)|一覧|"
                    r"(?:どんな|どういう)(?:取り?組み?|施策)(?:が|を)?\s*(?:ある|あります|して|やって)|"
                    r"何が(?:ある|あります|変わる|変わります)|"
                    r"\bwhat (?:initiatives|programs|programmes|measures|projects)\b|\blist (?:of|the|all)\b",
                    re.IGNORECASE)
# how far a line's summary of what an initiative does runs
_SUMMARY = 40


def asks_broadly(question: str) -> bool:
    """Whether ``question`` asks for a theme's initiatives as a whole (`_BROAD`)."""
    return bool(_BROAD.search(question))


# A line naming a passage only as related (「関連: 「…」（…）: … [3]」), and the citation number it ends on.
_RELATED = re.compile(r"^(?:関連|Related): .*\[(\d+)\]\s*$")
# What each asked fact's heading says, in Japanese and English, and whether an initiative states it.
_HEADINGS = {
    "figure": ("「{title}」自体には指標がなく、取組ごとに目標が示されています:",
               "「{title}」 sets no target of its own; its initiatives' targets:"),
    "department": ("「{title}」自体には所管の記載がなく、取組ごとの所管は次のとおりです:",
                   "「{title}」 names no department of its own; its initiatives' departments:"),
    "general": ("「{title}」の取組:", "The initiatives under 「{title}」:"),
}


def _states(fact: str, chunk: Chunk) -> bool:
    if fact == "general":
        return bool(chunk.text)
    return bool(chunk.indicator) if fact == "figure" else bool(chunk.departments)


def _row(fact: str, chunk: Chunk, profile: PlanProfile) -> str:
    if fact == "figure":
        return f"{chunk.indicator}（{measure_text(chunk, profile)}）"
    if fact == "general":
        first = (split_sentences(chunk.text) or [""])[0]
        return first[:_SUMMARY].rstrip("、。，. ") + "…" if len(first) > _SUMMARY else first
    return department_names(chunk) + (" ほか" if chunk.departments_more else "")


def with_program_facts(answer: Answer, chunks: Sequence[Chunk], profile: PlanProfile) -> Answer:
    """``answer`` to a figure or department question, led by a program that states none, with those of the
    program's initiatives after its first line — or to a question asking a theme as a whole, what each does
    (each cited; one already cited keeps its number, its 「関連:」 line dropped as now said); ``answer`` itself
    when the lead is no such program or none of its initiatives states the fact."""
    fact = answer.intent
    if fact == "general" and not asks_broadly(answer.question):
        return answer
    if answer.abstained or fact not in _HEADINGS or not answer.citations:
        return answer
    program = answer.citations[0].hit.chunk
    if program.kind != "program" or (fact != "general" and _states(fact, program)):
        return answer
    by_id = {chunk.id: chunk for chunk in chunks}
    members = [by_id[child] for child in program.children if child in by_id and _states(fact, by_id[child])]
    if not members:
        return answer
    citations = list(answer.citations)
    number = {citation.hit.chunk.id: citation.n for citation in citations}
    for member in members:
        if member.id not in number:
            number[member.id] = len(citations) + 1
            citations.append(Citation(len(citations) + 1, Hit(member, 0.0, len(citations) + 1)))
    japanese, english = _HEADINGS[fact]
    heading = (english if answer.language == "en" else japanese).format(title=program.title)
    rows = [f"・「{member.title}」: {_row(fact, member, profile)} [{number[member.id]}]" for member in members]
    listed = {str(number[member.id]) for member in members}
    lines = answer.text.split("\n")
    rest = [line for line in lines[1:] if not ((found := _RELATED.match(line)) and found.group(1) in listed)]
    related = tuple(n for n in answer.related if str(n) not in listed)
    return replace(answer, text="\n".join([lines[0], heading, *rows, *rest]), citations=tuple(citations),
                   related=related)
