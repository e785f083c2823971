"""Gold question sets: one JSONL format, validated against the chunk titles of the index.

Each line: ``{"id", "question", "gold": [exact titles], "kind", "persona", "answer"}``; ``kind`` is
one of `KINDS`; ``gold`` is empty for ``no_answer``. Titles are matched after `normalize_key`
(NFKC, whitespace and footnote numbers removed); a title that matches no chunk is an error.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TypeVar

from ingest.chunk import Chunk
from ingest.text import normalize_key
from planqa.errors import EvalDataError
from planqa.io import iter_jsonl, read_text_file
from planqa.limits import Limits

T = TypeVar("T")

KINDS = ("paraphrase", "keyword", "numeric", "department", "ward", "glossary", "narrative", "no_answer", "english",
         "typo", "kana")
# The bundled question sets, shipped as package data (eval/data/*.jsonl) and found with importlib.resources.
DATA_DIR = Path(str(resources.files("eval") / "data"))


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


def load_questions(path: Path, limits: Limits | None = None) -> list[Question]:
    """Read and validate a question set; a malformed line is an `EvalDataError` naming the line and field."""
    return read_records(path, "question", _question, limits)


def read_records(path: Path, what: str, parse: Callable[[object, str, set[str]], T],
                 limits: Limits | None = None) -> list[T]:
    """The records of a JSONL eval file, each read by ``parse(record, "file:line", ids seen so far)``; an empty
    file is an `EvalDataError` ("no questions", "no dialogues")."""
    limits = limits or Limits()
    text = read_text_file(path, limits.max_batch_file_bytes, EvalDataError, what=f"{what} file")
    seen: set[str] = set()
    records = [parse(record, f"{path}:{number}", seen)
               for number, record in iter_jsonl(text, str(path), EvalDataError, limits.max_batch_line_bytes)]
    if not records:
        raise EvalDataError(f"{path}: no {what}s")
    return records


def _question(record: object, where: str, seen: set[str]) -> Question:
    if not isinstance(record, dict):
        raise EvalDataError(f"{where}: expected a JSON object, got {type(record).__name__}")
    missing = [key for key in ("id", "question", "gold", "kind") if key not in record]
    if missing:
        raise EvalDataError(f"{where}: missing field(s) {', '.join(missing)}")
    identifier = record["id"]
    if isinstance(identifier, bool) or not isinstance(identifier, (str, int)):
        raise EvalDataError(f"{where}: id must be a string or a number, got {type(identifier).__name__}")
    if not isinstance(record["question"], str):
        raise EvalDataError(f"{where}: question must be a string, got {type(record['question']).__name__}")
    gold = record["gold"]
    if not isinstance(gold, list) or not all(isinstance(title, str) for title in gold):
        raise EvalDataError(f"{where}: gold must be a list of title strings, got {json.dumps(gold, ensure_ascii=False)[:60]}")
    if record["kind"] not in KINDS:
        raise EvalDataError(f"{where}: kind {str(record['kind'])[:40]!r} is not one of {', '.join(KINDS)}")
    if (record["kind"] == "no_answer") != (not gold):
        raise EvalDataError(f"{where}: gold must be empty exactly when kind is no_answer")
    for key in ("persona", "answer"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise EvalDataError(f"{where}: {key} must be a string, got {type(record[key]).__name__}")
    if str(identifier) in seen:
        raise EvalDataError(f"{where}: duplicate id {identifier!r}")
    seen.add(str(identifier))
    return Question(str(identifier), record["question"], tuple(gold), record["kind"],
                    record.get("persona") or "citizen", record.get("answer"))


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
