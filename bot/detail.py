"""「もっと詳しく」 answered: everything the plan says about the passage a conversation is about, and where it
stands among the passages around it — not the same answer again.

An initiative: its whole description, department, target and notes, its place in the plan, the program it
belongs to (its aim) or the heading it is listed under, the other initiatives there, and the terms the
glossary defines for it. A program: its aim and every initiative under it. A glossary term: its definition
and the passages that use it. A narrative passage (a ward's overview, its 2019 review): every paragraph; a
ward's goal heading, the initiatives under it too. Each line is cited; the passage asked about is [1].
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answer import Answer
from bot.compose import Cites, cite, sentences, under_goals
from index.hit import Hit
from ingest.chunk import Chunk
from ingest.display import departments_text, informative_sections, measure_text
from ingest.profile import PlanProfile

MAX_PEERS = 8  # the other initiatives under the same program or heading, named in one line


class _Numbers(Cites):
    """Citation numbers of passages (not hits) in order of first mention, the passage asked about first."""

    def of(self, chunk: Chunk) -> int:
        return self.n(Hit(chunk, 1.0, len(self.order) + 1))


def detail(question: str, topic: Chunk, passages: Sequence[Chunk], profile: PlanProfile,
           english: bool = False) -> Answer:
    """The answer to 「もっと詳しく」 about ``topic``; ``passages``: every chunk of the plan, in the plan's order."""
    numbers = _Numbers()
    labels = _EN if english else _JA
    lines: list[str] = []
    if topic.kind == "narrative":  # a paragraph per chunk under one title: every one, in the plan's order
        paragraphs = sorted((chunk for chunk in passages if chunk.title == topic.title),
                            key=lambda chunk: chunk.source.line_start)
        lines.append(labels["narrative"].format(title=topic.title, count=len(paragraphs),
                                                 plan=profile.name_en if english else profile.name_ja))
        lines.extend(cite(sentences(chunk.text, 99), numbers.of(chunk)) for chunk in paragraphs)
        # a ward's goal heading (目標2:地域のまちづくり活動の推進): the initiatives listed under it
        under = under_goals(passages, topic.ward, {topic.title})
        if under:
            lines.append(labels["under_goal"] + _names(under, numbers, english))
        return _answer(question, lines, numbers, english)
    n = numbers.of(topic)
    if topic.kind == "glossary":
        definition = topic.definition or topic.text
        lines.append(cite(labels["term"].format(term=topic.term or topic.title, text=definition), n))
        users = [chunk for chunk in passages if any(link.chunk_id == topic.id for link in chunk.glossary)]
        if users:
            lines.append(labels["used_in"] + _names(users, numbers, english))
    else:
        lines.append(cite(labels["text"].format(text=sentences(topic.text, 99)), n))
        if topic.departments:
            lines.append(cite(labels["department"].format(text=departments_text(topic)), n))
        if topic.indicator:
            lines.append(cite(labels["target"].format(indicator=topic.indicator,
                                                      measure=measure_text(topic, profile)), n))
        lines.extend(cite(labels["note"].format(text=note), n) for note in topic.notes)
        path = " › ".join(informative_sections(topic, profile))
        if path:
            number = f"（{topic.number}）" if topic.number and not english else ""
            lines.append(cite(labels["place"].format(path=path, number=number), n))
        lines.extend(_surroundings(topic, passages, numbers, labels, english))
        for link in topic.glossary:
            term = next((chunk for chunk in passages if chunk.id == link.chunk_id), None)
            if term is not None and term.definition:
                lines.append(cite(labels["term"].format(term=term.term or term.title, text=term.definition),
                                  numbers.of(term)))
    return _answer(question, lines, numbers, english)


def _answer(question: str, lines: list[str], numbers: _Numbers, english: bool) -> Answer:
    return Answer(question, "\n".join(lines), numbers.citations(), 1.0, False, "detail", "en" if english else "ja")


def _surroundings(topic: Chunk, passages: Sequence[Chunk], numbers: _Numbers, labels: dict[str, str],
                  english: bool) -> list[str]:
    """The program ``topic`` belongs to (its aim) and the other initiatives under it — or, for a program, its
    initiatives; for an initiative without one, the others listed under the same heading."""
    by_id = {chunk.id: chunk for chunk in passages}
    if topic.kind == "program":
        members = [by_id[child] for child in topic.children if child in by_id]
        return [labels["members"] + _names(members, numbers, english)] if members else []
    lines = []
    program = by_id.get(topic.parent) if topic.parent else None
    if program is not None:
        aim = sentences(program.text, 1)
        lines.append(cite(labels["program"].format(title=program.title, aim=aim), numbers.of(program)))
        peers = [by_id[child] for child in program.children if child in by_id and child != topic.id]
        heading = program.title
    else:
        peers = [chunk for chunk in passages if chunk.kind == topic.kind and chunk.id != topic.id
                 and chunk.ward == topic.ward and chunk.section == topic.section]
        heading = topic.section[-1] if topic.section else ""
    if peers and heading:
        lines.append(labels["peers"].format(heading=heading) + _names(peers, numbers, english))
    return lines


def _names(chunks: Sequence[Chunk], numbers: _Numbers, english: bool) -> str:
    """「A」[2]、「B」[3] … (at most `MAX_PEERS`, then how many more)."""
    shown = list(chunks)[:MAX_PEERS]
    rest = len(chunks) - len(shown)
    named = ("、" if not english else ", ").join(f"「{chunk.title}」[{numbers.of(chunk)}]" for chunk in shown)
    if rest:
        named += f" and {rest} more" if english else f" ほか{rest}件"
    return named + ("." if english else "。")


_JA = {
    "narrative": "「{title}」の{plan}の記載（{count}段落）:",
    "text": "内容: {text}",
    "department": "所管: {text}。",
    "target": "目標: {indicator}（{measure}）。",
    "note": "備考: {text}。",
    "place": "計画上の位置: {path}{number}。",
    "program": "この取組は「{title}」の一つです。その狙い: {aim}",
    "peers": "同じ「{heading}」のほかの取組: ",
    "members": "この事業の取組: ",
    "under_goal": "この目標の取組: ",
    "term": "用語「{term}」: {text}",
    "used_in": "この用語が出てくる箇所: ",
}
_EN = {
    "narrative": "「{title}」 in {plan} ({count} paragraph(s)):",
    "text": "What it does: 「{text}」",
    "department": "Department in charge: {text}.",
    "target": "Target: 「{indicator}」 {measure}.",
    "note": "Note: {text}.",
    "place": "Where it is in the plan: {path}{number}.",
    "program": "It is one of the initiatives of 「{title}」, whose aim is: 「{aim}」",
    "peers": "Other initiatives under 「{heading}」: ",
    "members": "Initiatives of this program: ",
    "under_goal": "Initiatives under this goal: ",
    "term": "The plan defines 「{term}」 as: 「{text}」",
    "used_in": "Where the term is used: ",
}
