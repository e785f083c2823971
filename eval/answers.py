"""Answer metrics from the bot: abstention precision/recall, wrong abstentions, first-sentence facts."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from bot.answer import Answer
from bot.service import Bot
from eval.questions import Question
from index.document import spoken_text
from index.unstated import standing_veto
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
    curve: list[dict] = field(default_factory=list, repr=False)  # `threshold_curve`


def first_sentence(answer: Answer) -> str:
    return answer.text.splitlines()[0] if answer.text else ""


_LATIN = re.compile(r"[A-Za-z]")


def checks_fact(question: Question) -> bool:
    """Whether ``question.answer`` is an exact fact its answer must lead with: the figure or the
    department of a numeric or department question, or of an English question when the expected
    fact is in the plan's own words (an English gist such as "Yes. The city is setting up ..."
    is a summary to read, not a string an answer could contain)."""
    if not question.answerable or not question.answer:
        return False
    return question.kind in ("numeric", "department") or (question.kind == "english"
                                                          and not _LATIN.search(question.answer))


def states_fact(question: Question, answer: Answer) -> bool:
    """The expected fact is in the answer's first sentence, compared as the scorer compares titles:
    NFKC, whitespace removed (the plan's PDF text writes 「約 200 人」 for 「約200人」)."""
    return not answer.abstained and normalize_key(question.answer) in normalize_key(first_sentence(answer))


CURVE_THRESHOLDS = tuple(round(0.80 + 0.01 * i, 2) for i in range(11))  # 0.80 .. 0.90


def threshold_curve(bot: Bot, questions: list[Question], answers: dict[str, Answer],
                    thresholds: tuple[float, ...] = CURVE_THRESHOLDS) -> list[dict]:
    """Abstention at other relevance thresholds, from the answers already given: a question abstains
    at ``t`` when its relevance (`Relevance.best` of its hits) is below ``t`` or when it asks for a fact
    the plan never states / is small talk (vetoes do not depend on the threshold). Precision and recall
    of abstaining on the no-answer questions, and the answerable questions wrongly abstained. (An asked
    number missing from a relevant passage also abstains; the curve does not model that, so at the
    configured threshold it may count one or two fewer abstentions than the answers did.)"""
    relevance = bot.config.relevance
    rows = []
    vetoed = {q.id for q in questions if _vetoed(bot, q.question, answers[q.id])}
    no_answer = [q for q in questions if not q.answerable]
    for threshold in thresholds:
        abstains = {q.id for q in questions
                    if q.id in vetoed
                    or relevance.best(list(answers[q.id].hits)) < threshold - _offset(relevance, answers[q.id])}
        right = sum(q.id in abstains for q in no_answer)
        wrong = sum(q.id in abstains for q in questions if q.answerable)
        rows.append({"threshold": threshold, "abstained_no_answer": right, "abstained_answerable": wrong,
                     "precision": right / (right + wrong) if right + wrong else None,
                     "recall": right / len(no_answer) if no_answer else None,
                     "configured": abs(threshold - relevance.threshold) < 1e-9})
    return rows


def _offset(relevance, answer: Answer) -> float:
    """How much lower the threshold sits for this answer's language (`Relevance.for_language`)."""
    return relevance.threshold - relevance.for_language(answer.language).threshold


def _vetoed(bot: Bot, question: str, answer: Answer) -> bool:
    """Abstained at any threshold: a fact the plan never states (and no retrieved passage speaks of),
    small talk, or an unusable question."""
    try:
        intent = bot.engine.understand(question).intent
    except QueryError:
        return True
    passages = (spoken_text(hit.chunk) for hit in answer.hits[: bot.config.answer.lead_candidates])
    vetoed = standing_veto(intent.unanswerable_fact, passages, intent.subject, question)
    return bool(vetoed) or intent.kind == "smalltalk"


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
    report = score_answers(questions, answers, latencies)
    report.curve = threshold_curve(bot, questions, answers)
    return report


def score_answers(questions: list[Question], answers: dict[str, Answer], latencies: list[float] | None = None) -> AnswerReport:
    """Metrics from given answers (separate from running the bot, so they can be tested on a hand-made run)."""
    no_answer = [q for q in questions if not q.answerable]
    answerable = [q for q in questions if q.answerable]
    abstained_na = sum(answers[q.id].abstained for q in no_answer)
    abstained_ans = sum(answers[q.id].abstained for q in answerable)
    total_abstained = abstained_na + abstained_ans
    checked = [q for q in answerable if checks_fact(q)]
    correct = sum(1 for q in checked if states_fact(q, answers[q.id]))
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
