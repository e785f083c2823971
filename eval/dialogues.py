"""Scoring short dialogues (`planqa eval --dialogues FILE`): every turn is answered in the context of the
turns before it, as a chat session answers it, and is right when its first citation is one of the turn's gold
titles — or, for a turn with no gold, when the bot says the plan does not answer it. Follow-up turns (all but
the first) are counted apart: they are what context handling changes.

A line is ``{"id", "turns": [{"question", "gold": [titles], "answer"?}, …]}``, the format of
``../shared/eval/citizen_dialogs_dev.jsonl``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eval.questions import read_records
from ingest.chunk import Chunk
from ingest.text import normalize_key
from planqa.errors import EvalDataError
from planqa.limits import Limits


@dataclass(frozen=True)
class DialogueTurn:
    question: str
    gold: tuple[str, ...]


@dataclass(frozen=True)
class Dialogue:
    id: str
    turns: tuple[DialogueTurn, ...]


def load_dialogues(path: Path, limits: Limits | None = None) -> list[Dialogue]:
    """Read and validate a dialogue set; a malformed line is an `EvalDataError` naming the line and field."""
    return read_records(path, "dialogue", _dialogue, limits)


def _dialogue(record: object, where: str, seen: set[str]) -> Dialogue:
    if not isinstance(record, dict) or not isinstance(record.get("turns"), list) or not record["turns"]:
        raise EvalDataError(f"{where}: expected {{\"id\", \"turns\": [{{\"question\", \"gold\"}}, …]}}")
    identifier = str(record.get("id", where))
    if identifier in seen:
        raise EvalDataError(f"{where}: duplicate id {identifier!r}")
    seen.add(identifier)
    turns = []
    for n, turn in enumerate(record["turns"], 1):
        question = turn.get("question") if isinstance(turn, dict) else None
        gold = turn.get("gold") if isinstance(turn, dict) else None
        if not isinstance(question, str) or not question.strip():
            raise EvalDataError(f"{where}: turn {n} needs a non-empty 'question' string")
        if not isinstance(gold, list) or not all(isinstance(title, str) for title in gold):
            raise EvalDataError(f"{where}: turn {n}: gold must be a list of title strings")
        turns.append(DialogueTurn(question, tuple(gold)))
    return Dialogue(identifier, tuple(turns))


def check_gold(dialogues: list[Dialogue], chunks: list[Chunk]) -> None:
    """Every gold title must name a chunk of the index (before anything runs)."""
    titles = {normalize_key(chunk.title) for chunk in chunks}
    for dialogue in dialogues:
        for n, turn in enumerate(dialogue.turns, 1):
            for title in turn.gold:
                if normalize_key(title) not in titles:
                    raise EvalDataError(f"dialogue {dialogue.id} turn {n}: gold title {title!r} matches no chunk "
                                        "title in the index")


def score_dialogues(bot, dialogues: list[Dialogue]) -> dict:
    """Turns and follow-up turns right, and each miss (what was cited instead)."""
    turns = right = follow_ups = follow_ups_right = 0
    misses = []
    for dialogue in dialogues:
        answers = bot.dialogue([turn.question for turn in dialogue.turns])
        for n, (turn, answer) in enumerate(zip(dialogue.turns, answers, strict=True)):
            cited = answer.citations[0].hit.chunk.title if answer.citations else None
            gold = {normalize_key(title) for title in turn.gold}
            ok = answer.abstained if not gold else (not answer.abstained and cited is not None
                                                    and normalize_key(cited) in gold)
            turns += 1
            right += ok
            if n:
                follow_ups += 1
                follow_ups_right += ok
            if not ok:
                misses.append({"id": dialogue.id, "turn": n, "question": turn.question, "gold": list(turn.gold),
                               "cited": cited, "abstained": answer.abstained})
    return {"dialogues": len(dialogues), "turns": turns, "turns_right": right, "follow_ups": follow_ups,
            "follow_ups_right": follow_ups_right, "misses": misses}


def format_dialogues(path: Path, result: dict) -> str:
    lines = [f"planqa eval: dialogues of {path}",
             f"  turns right      {result['turns_right']}/{result['turns']} ({result['dialogues']} dialogues)",
             f"  follow-ups right {result['follow_ups_right']}/{result['follow_ups']}"]
    if result["misses"]:
        lines.append("\n  misses (turn 0 is the first question):")
    for miss in result["misses"]:
        said = "abstained" if miss["abstained"] else f"cited 「{miss['cited']}」"
        wanted = "、".join(f"「{t}」" for t in miss["gold"]) or "an abstention"
        lines.append(f"  {miss['id']}#{miss['turn']} {miss['question']}\n      {said}; wanted {wanted}")
    return "\n".join(lines)
