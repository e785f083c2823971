"""The `Answer` the bot returns to the UI, the CLI and the tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from index.hit import Hit
from ingest.profile import PlanProfile

# The intent of an answer that lists a whole set, a line each (`bot.compose.whole_list`): a department or
# target asked next is asked of every line (`bot.compose.listed_facts`).
LISTED = "list"
# The intent of an answer that lists a ward's goal headings (`bot.compose.ward_goals`).
GOALS = "goals"


def not_in_plan(profile: PlanProfile, english: bool = False) -> str:
    """「この計画（抜粋）には該当する記載が見つかりませんでした。」 (with the English sentence first for English questions)."""
    japanese = f"{profile.label_ja}には該当する記載が見つかりませんでした。"
    return f"I could not find this in {profile.name_en}. {japanese}" if english else japanese


@dataclass(frozen=True)
class Citation:
    """``[n]`` in the answer text -> one retrieved hit."""

    n: int
    hit: Hit

    def to_record(self) -> dict[str, Any]:
        chunk = self.hit.chunk
        return {
            "n": self.n,
            "id": chunk.id,
            "title": chunk.title,
            "kind": chunk.kind,
            "ward": chunk.ward,
            "section": list(chunk.section),
            "department": [d.name for d in chunk.departments],
            "lines": [chunk.source.line_start, chunk.source.line_end],
            "file": chunk.source.file,
            "page_refs": list(chunk.page_refs),
        }


@dataclass(frozen=True)
class Answer:
    """An answer: text with ``[n]`` markers, the citations they point to, and how sure we are.

    ``abstained`` is True when the plan does not answer the question; ``citations`` then list
    the closest topics offered as suggestions.
    """

    question: str
    text: str
    citations: tuple[Citation, ...]
    confidence: float
    abstained: bool
    intent: str = "general"
    language: str = "ja"
    notes: tuple[str, ...] = ()
    hits: tuple[Hit, ...] = field(default=(), compare=False, repr=False)
    mode: str = "extractive"
    understood_as: str | None = None
    suggestions: tuple[str, ...] = ()
    curated_id: int | None = None  # a staff-written answer (職員確認済み) was served
    curated_hits: int = 0
    related: tuple[int, ...] = ()  # citation numbers only named in a 「関連:」 line after the answer
    # an abstention on a fact the plan does not state, about a passage it did find (the first citation):
    # 「参加費はいくら？」 refused, 「担当は？」 next still asks about that passage
    topic_found: bool = False

    @property
    def presented(self) -> tuple[Citation, ...]:
        """The citations the answer itself presents (what a follow-up's 「ほかに」 has seen), related lines left
        out; of a refusal only the passage it was closest to (the others it names are pointers, not answers)."""
        if self.abstained:
            return self.citations[:1]
        return tuple(c for c in self.citations if c.n not in self.related)

    @property
    def curated(self) -> bool:
        return self.curated_id is not None

    def to_record(self) -> dict[str, Any]:
        return {
            "answer": self.text,
            "abstained": self.abstained,
            "confidence": round(self.confidence, 3),
            "intent": self.intent,
            "language": self.language,
            "mode": self.mode,
            "citations": [c.to_record() for c in self.citations],
            "notes": list(self.notes),
            "understood_as": self.understood_as,
            "suggestions": list(self.suggestions),
            "curated": self.curated,
            **({"curated_id": self.curated_id, "curated_hits": self.curated_hits} if self.curated else {}),
        }
