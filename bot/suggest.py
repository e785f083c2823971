"""Suggested next questions: up to 4 per answer, built from the fields of the passage it led with, each one
a follow-up that `bot.conversation` resolves to a cited answer (所管は？ only when there is a 所管, the
same theme in another ward only for a ward's initiative, no fact the answer already shows …)."""

from __future__ import annotations

from bot.answer import GOALS, LISTED, Answer
from ingest.chunk import Chunk
from ingest.profile import PlanProfile

MAX_SUGGESTIONS = 4


def suggest(answer: Answer, profile: PlanProfile) -> tuple[str, ...]:
    """Next questions the answer's lead passage can answer; none after an abstention or small talk."""
    if answer.abstained or not answer.citations:
        return ()
    chunk = answer.citations[0].hit.chunk
    english = answer.language == "en"
    found: list[str] = []
    if answer.intent == LISTED:  # a whole list: the same list of the next ward, not its first line's facts
        return tuple(_next_ward(chunk, profile, english))
    if answer.intent == GOALS and chunk.ward:  # a ward's goals: its initiatives, or the next ward's goals
        listing = (f"List all initiatives in {profile.english_ward(chunk.ward)} ward" if english
                   else f"{chunk.ward}の取組を全部教えて")
        return (listing, *_next_ward(chunk, profile, english))
    # a fact the answer already shows is not offered again (its 所管 line, its target line)
    if chunk.departments and answer.intent != "department" and chunk.departments[0].name not in answer.text:
        found.append("Which department is in charge?" if english else "所管は？")
    if chunk.indicator and answer.intent != "figure" and chunk.indicator not in answer.text:
        found.append("What is the target?" if english else "目標値は？")
    term = next((link.term for link in chunk.glossary if link.term and link.chunk_id), None)
    if term:
        found.append(f"What does 「{term}」 mean?" if english else f"「{term}」とは？")
    if chunk.kind != "narrative":  # the same theme in the next ward of the plan
        found.extend(_next_ward(chunk, profile, english))
    if chunk.kind != "glossary" and len(answer.citations) > 1:  # other relevant passages exist
        found.append("Anything else on this?" if english else "他の取組は？")
    if answer.intent != "detail":  # everything the plan says about it (`bot.detail`), not yet shown
        found.append("Tell me more" if english else "もっと詳しく")
    return tuple(found[:MAX_SUGGESTIONS])


def _next_ward(chunk: Chunk, profile: PlanProfile, english: bool) -> list[str]:
    """「手稲区だと？」: the same question of the ward after ``chunk``'s in the plan, if it is a ward's."""
    wards = list(profile.wards)
    if not chunk.ward or chunk.ward not in wards or len(wards) < 2:
        return []
    other = wards[(wards.index(chunk.ward) + 1) % len(wards)]
    return [f"What about {profile.english_ward(other)} ward?" if english else f"{other}だと？"]
