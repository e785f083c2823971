"""A program's targets: a figure asked of a program (「窓口における利便性の向上 目標」, "BPR target") that sets none
of its own is answered by the targets of the initiatives under it, a cited line each."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.answer import Answer, Citation
from index.hit import Hit
from ingest.chunk import Chunk
from ingest.display import measure_text
from ingest.profile import PlanProfile

# A line naming a passage only as related (「関連: 「…」（…）: … [3]」), and the citation number it ends on.
_RELATED = re.compile(r"^(?:関連|Related): .*\[(\d+)\]\s*$")


def with_program_targets(answer: Answer, chunks: Sequence[Chunk], profile: PlanProfile) -> Answer:
    """``answer`` to a figure question, led by a program without a target row, with the targets of the
    program's initiatives after its first line (each cited; one already cited keeps its number, its 「関連:」
    line dropped as now said); ``answer`` itself when the lead is no such program or none of its initiatives
    sets a target."""
    if answer.abstained or answer.intent != "figure" or not answer.citations:
        return answer
    program = answer.citations[0].hit.chunk
    if program.kind != "program" or program.indicator:
        return answer
    by_id = {chunk.id: chunk for chunk in chunks}
    members = [by_id[child] for child in program.children if child in by_id and by_id[child].indicator]
    if not members:
        return answer
    citations = list(answer.citations)
    number = {citation.hit.chunk.id: citation.n for citation in citations}
    for member in members:
        if member.id not in number:
            number[member.id] = len(citations) + 1
            citations.append(Citation(len(citations) + 1, Hit(member, 0.0, len(citations) + 1)))
    english = answer.language == "en"
    heading = (f"「{program.title}」 sets no target of its own; its initiatives' targets:" if english
               else f"「{program.title}」自体には指標がなく、取組ごとに目標が示されています:")
    rows = [f"・「{member.title}」: {member.indicator}（{measure_text(member, profile)}） [{number[member.id]}]"
            for member in members]
    listed = {str(number[member.id]) for member in members}
    lines = answer.text.split("\n")
    rest = [line for line in lines[1:] if not ((found := _RELATED.match(line)) and found.group(1) in listed)]
    related = tuple(n for n in answer.related if str(n) not in listed)
    return replace(answer, text="\n".join([lines[0], heading, *rows, *rest]), citations=tuple(citations),
                   related=related)
