"""Gold question sets: one JSONL format, validated against the chunk titles of the index.

Each line: ``{"id", "question", "gold": [exact titles], "kind", "persona", "answer"}``; ``kind`` is
one of `KINDS`; ``gold`` is empty for ``no_answer``. Titles are matched after `normalize_key`
(NFKC, whitespace and footnote numbers removed); a title that matches no chunk is an error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from eval.errors import EvalDataError
from ingest.chunk import Chunk
from ingest.text import normalize_key

KINDS = ("paraphrase", "keyword", "numeric", "department", "ward", "glossary", "narrative", "no_answer", "english")
DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    gold: tuple[str, ...]
    kind: str
    persona: str
    answer: str | None

    @property
    def answerable(self) -> bool:
        return bool(self.gold)


def load_questions(path: Path) -> list[Question]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalDataError(f"{path}: cannot read question file ({exc})") from exc
    questions: list[Question] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise EvalDataError(f"{where}: not valid JSON ({exc.args[0]})") from exc
        missing = [key for key in ("id", "question", "gold", "kind") if key not in record]
        if missing:
            raise EvalDataError(f"{where}: missing field(s) {', '.join(missing)}")
        if record["kind"] not in KINDS:
            raise EvalDataError(f"{where}: kind {record['kind']!r} is not one of {', '.join(KINDS)}")
        if (record["kind"] == "no_answer") != (not record["gold"]):
            raise EvalDataError(f"{where}: gold must be empty exactly when kind is no_answer")
        if record["id"] in seen:
            raise EvalDataError(f"{where}: duplicate id {record['id']!r}")
        seen.add(record["id"])
        questions.append(Question(str(record["id"]), record["question"], tuple(record["gold"]),
                                  record["kind"], record.get("persona", "citizen"), record.get("answer")))
    if not questions:
        raise EvalDataError(f"{path}: no questions")
    return questions


def gold_ids(questions: list[Question], chunks: list[Chunk]) -> dict[str, set[str]]:
    """Question id -> ids of the chunks its gold titles name; unknown titles are an error."""
    by_key: dict[str, list[str]] = {}
    for chunk in chunks:
        by_key.setdefault(normalize_key(chunk.title), []).append(chunk.id)
    result: dict[str, set[str]] = {}
    for question in questions:
        ids: set[str] = set()
        for title in question.gold:
            matches = by_key.get(normalize_key(title))
            if not matches:
                raise EvalDataError(
                    f"question {question.id}: gold title {title!r} matches no chunk title in the index"
                )
            ids.update(matches)
        result[question.id] = ids
    return result
