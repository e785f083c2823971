"""Answer metrics from the bot: abstention precision/recall, wrong abstentions, first-sentence facts."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bot.answer import Answer
from bot.service import Bot
from eval.questions import Question
from ingest.text import normalize_key
from planqa.errors import QueryError


@dataclass
class AnswerReport:
    abstention_precision: float | None
    abstention_recall: float | None
    wrong_abstention_rate: float | None
    no_answer: int
    answerable: int
    abstained_no_answer: int
    abstained_answerable: int
    fact_accuracy: float | None
    fact_checked: int
    fact_correct: int
    answers: dict[str, Answer] = field(repr=False)
    latencies_ms: list[float] = field(repr=False)
    first_citation_correct: int = 0  # answerable questions whose first citation is a gold passage


def first_sentence(answer: Answer) -> str:
    return answer.text.splitlines()[0] if answer.text else ""


def evaluate_answers(bot: Bot, questions: list[Question]) -> AnswerReport:
    answers: dict[str, Answer] = {}
    latencies: list[float] = []
    for question in questions:
        started = time.perf_counter()
        try:
            answers[question.id] = bot.answer(question.question)
        except QueryError as exc:  # scored as an abstention with no citations; the run goes on
            answers[question.id] = Answer(question.question, str(exc), (), 0.0, True, intent="error")
        latencies.append((time.perf_counter() - started) * 1000)
    return score_answers(questions, answers, latencies)


def score_answers(questions: list[Question], answers: dict[str, Answer], latencies: list[float] | None = None) -> AnswerReport:
    """Metrics from given answers (separate from running the bot, so they can be tested on a hand-made run)."""
    no_answer = [q for q in questions if not q.answerable]
    answerable = [q for q in questions if q.answerable]
    abstained_na = sum(answers[q.id].abstained for q in no_answer)
    abstained_ans = sum(answers[q.id].abstained for q in answerable)
    total_abstained = abstained_na + abstained_ans
    checked = [q for q in answerable if q.answer and q.kind in ("numeric", "department", "english")]
    correct = sum(1 for q in checked if not answers[q.id].abstained and q.answer in first_sentence(answers[q.id]))
    gold_keys = {q.id: {normalize_key(t) for t in q.gold} for q in answerable}
    first_cited = sum(1 for q in answerable if answers[q.id].citations
                      and normalize_key(answers[q.id].citations[0].hit.chunk.title) in gold_keys[q.id])
    return AnswerReport(
        abstention_precision=abstained_na / total_abstained if total_abstained else None,
        abstention_recall=abstained_na / len(no_answer) if no_answer else None,
        wrong_abstention_rate=abstained_ans / len(answerable) if answerable else None,
        no_answer=len(no_answer),
        answerable=len(answerable),
        abstained_no_answer=abstained_na,
        abstained_answerable=abstained_ans,
        fact_accuracy=correct / len(checked) if checked else None,
        fact_checked=len(checked),
        fact_correct=correct,
        answers=answers,
        latencies_ms=list(latencies or []),
        first_citation_correct=first_cited,
    )
