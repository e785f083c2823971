"""Typed bot configuration; ``PLANQA_*`` environment variables override it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from index.config import IndexConfig
from index.hit import Hit
from planqa.settings import env_bool, env_float, env_int, env_str


@dataclass(frozen=True)
class Relevance:
    """Is the best hit relevant enough to answer from? Calibrated on dev + citizen_dev (README):
    relevance = the better of the full-passage and the description-only cosine + 0.0025 x
    min(lexical BM25, 20); answer when >= 0.85. (With the full-passage cosine alone the best
    threshold, 0.845, wrongly abstained on 4/89 citizen and 1/155 dev questions; the better of the
    two fields: 1/89 and 0/155, with the same 11/14 and 16/16 no-answer questions abstained.)

    Confidence maps relevance linearly onto 0..1 between ``confidence_floor`` (0.80: below, the
    best hit is unrelated on the dev set) and ``confidence_floor + confidence_span`` (0.92: every
    dev hit above it was right).

    The question's relevance is the best of its first ``depth`` hits (2): the query adapter decides the
    order, the model's own cosine decides relevance, and the two can disagree by a rank. Cross-validated
    on dev + citizen_dev: citizen wrongly abstained 1 -> 0/89, no-answer abstained unchanged (11/14,
    16/16); depth 3 measured the same.

    A ward's name lifts every passage of its chapter, so a question about the ward's initiative must be
    relevant to it without that name too, to within ``ward_free_margin`` of the threshold (`without_ward`
    >= `ward_free_threshold`, 0.83): 「手稲区で犬を放して遊ばせられる公園ある？」 finds a ward initiative
    that names a 公園 (0.871 with the name, 0.823 without). Measured over the ward-initiative answers of
    every bundled set and blind batch (README). An English question is scored without the ward too (its
    English name read as "the ward"), against its own threshold less ``english_ward_free_margin`` (0.81):
    over the English questions naming a ward in every set, "Is there an off-leash area for dogs near the
    Kiyota ward office?" was answered with the ward's initiative (0.805 without the ward) and is refused; 0.0
    would refuse "Is there a dog park in Nishi ward?" (0.819) too, but the lowest answered right scores 0.821.
    """

    threshold: float = 0.85
    ward_free_margin: float = 0.02
    english_offset: float = 0.03
    english_ward_free_margin: float = 0.01
    lexical_weight: float = 0.0025
    lexical_cap: float = 20.0
    confidence_floor: float = 0.80
    confidence_span: float = 0.12
    depth: int = field(default_factory=lambda: env_int("PLANQA_RELEVANCE_DEPTH", 2))
    min_lexical: float = 0.2

    def for_language(self, language: str) -> Relevance:
        """The relevance scale for a question in ``language``. An English question's cosine to the
        plan's Japanese passages runs lower than a Japanese question's (answerable questions of the
        bundled sets: median 0.890 vs 0.927, first quartile 0.879 vs 0.906; no-answer ones 0.831 vs
        0.852), so its threshold and confidence floor sit ``english_offset`` lower."""
        if language != "en" or not self.english_offset:
            return self
        return replace(self, threshold=self.threshold - self.english_offset,
                       confidence_floor=self.confidence_floor - self.english_offset,
                       ward_free_margin=self.english_ward_free_margin, min_lexical=0.0)

    def best(self, hits) -> float:
        """The question's relevance: the best score among the first `depth` hits (the ranking may put a
        passage first whose own cosine is lower than the next one's: the query adapter ranks, the model's
        cosine decides relevance)."""
        return max((self.score(h) for h in hits[: self.depth]), default=0.0)

    def grounded(self, hits) -> bool:
        """Whether a question shares a word with one of its first `depth` hits (BM25 `min_lexical` at least):
        a Japanese question sharing none (「雪かき ボランティア 募集」) finds passages by their cosine alone,
        which a short question inflates. Always, for English (matched through a glossary) and without a
        lexical signal."""
        ranked = hits[: self.depth]
        return not self.min_lexical or not ranked or any(
            h.signals.get("lexical", self.min_lexical) >= self.min_lexical for h in ranked)

    def score(self, hit: Hit) -> float:
        return self._combined(hit, "")

    def _combined(self, hit: Hit, suffix: str) -> float:
        """The better of the two dense cosines + the weighted, capped BM25, from ``hit``'s signals named with
        ``suffix`` ("": the question as searched; "_ward_free": `without_ward`)."""
        signals = hit.signals
        dense = max(signals.get(f"dense{suffix}", 0.0), signals.get(f"description{suffix}", 0.0))
        lexical = min(signals.get(f"lexical{suffix}", 0.0), self.lexical_cap)
        return dense + self.lexical_weight * lexical

    @property
    def ward_free_threshold(self) -> float:
        return self.threshold - self.ward_free_margin

    def without_ward(self, hit: Hit) -> float | None:
        """``hit``'s relevance to the question with the ward it names read as 「区」 (`index.query.
        ward_free_text`), or None when it was not scored so (no ward named, English)."""
        return self._combined(hit, "_ward_free") if "dense_ward_free" in hit.signals else None

    def confidence(self, hit: Hit) -> float:
        return float(min(1.0, max(0.0, (self.score(hit) - self.confidence_floor) / self.confidence_span)))


@dataclass(frozen=True)
class AnswerSettings:
    """How an extractive answer is put together.

    Attributes:
        lead_candidates: the answer may lead with any of the top hits this deep that better fit the
            asked fact (a department question prefers a hit with a 所管): 5 covers every dev-set case.
        lead_margin: ... but only if its relevance is within this of the best hit's (0.03: beyond,
            the better-fitting hit was about something else on the dev set).
        max_related: other relevant initiatives listed after the answer, a line each ("関連: …"); fewer after
            a goal's own initiatives (`max_goal_initiatives`), so the answer stays as long.
        related_margin: ... those whose relevance is within this of the leading passage's: a question
            naming a ward is close to every passage of that ward, so the absolute threshold alone
            listed the ward's unrelated initiatives (「西区の子育て支援は？」 → its disaster drills).
        max_suggestions: closest topics offered when the plan has no answer.
        max_goal_initiatives: a ward's goal (「目標1:健やかに暮らせるまちづくり」) answered lists the initiatives
            under it that were retrieved, a line each, in the plan's order, at most this many.
        elsewhere_margin: a question naming a ward whose own initiative leads is not found there when another
            ward's passage, read without the ward's name, is this much more relevant (「豊平区で認知症の家族の支援
            ある？」: 西区's 認知症の方や家族への支援 0.929, 豊平区's disaster seminars 0.834, sharing 支援).
    """

    lead_candidates: int = 5
    lead_margin: float = 0.03
    max_related: int = 3
    related_margin: float = 0.04
    max_suggestions: int = 3
    max_goal_initiatives: int = 5
    elsewhere_margin: float = 0.05


@dataclass(frozen=True)
class ConversationSettings:
    """Follow-up questions (bot/conversation.py).

    Attributes:
        max_turns: earlier messages replayed to rebuild the context (each costs one search, ~25 ms).
        topic_boost: the previous answer's topic, when a follow-up refers to it, in RRF units (a few ranks).
        shown_penalty: passages already shown sink below everything when "other items" are asked for.
        followup_relevance_margin: a follow-up read in context ("他には？", "西区だと？", "担当は？") is
            answered down to this much below the relevance threshold: the conversation already
            established that the plan covers the theme (measured on the citizen dialogues).
        weak_reading: a follow-up read as a new question whose answer's confidence is below this is read
            against the previous initiative instead (`conversation.on_topic`): on the dialogues, no answer
            below 0.45 read alone was right unless it led with that initiative anyway.
    """

    max_turns: int = 6
    topic_boost: float = 0.03
    shown_penalty: float = 1.0
    followup_relevance_margin: float = 0.02
    weak_reading: float = 0.45


def _llm_base_url() -> str | None:
    return os.environ.get("PLANQA_LLM_BASE_URL") or None


@dataclass(frozen=True)
class LLMConfig:
    """Optional generative mode: an OpenAI-compatible chat-completions endpoint.

    Off unless both ``PLANQA_LLM_BASE_URL`` and ``PLANQA_LLM_MODEL`` are set; the API key comes
    from ``PLANQA_LLM_API_KEY`` only (never a flag, never logged).
    """

    base_url: str | None = field(default_factory=_llm_base_url)
    model: str | None = field(default_factory=lambda: os.environ.get("PLANQA_LLM_MODEL") or None)
    api_key: str | None = field(default_factory=lambda: os.environ.get("PLANQA_LLM_API_KEY") or None, repr=False)
    timeout: float = field(default_factory=lambda: env_float("PLANQA_LLM_TIMEOUT", 30.0, minimum=0.001))
    max_passages: int = 5

    @property
    def enabled(self) -> bool:
        return bool(self.base_url and self.model)


def _feedback_path() -> Path:
    value = os.environ.get("PLANQA_FEEDBACK_LOG")
    return Path(value) if value else IndexConfig().ingest.build_dir / "feedback.jsonl"


@dataclass(frozen=True)
class ServerSettings:
    """The web server (``planqa serve``).

    Attributes:
        batch_max: the most questions encoded in one model call (``PLANQA_BATCH_MAX``; 1 turns
            micro-batching off). 16: bare sentence-transformers throughput levels off there on 2 cores.
        batch_window_s: how long the encoder waits for more questions while others are in flight
            (``PLANQA_BATCH_WINDOW_MS``); a lone request never waits.
    """

    batch_max: int = field(default_factory=lambda: env_int("PLANQA_BATCH_MAX", 16, 1))
    batch_window_s: float = field(default_factory=lambda: env_float("PLANQA_BATCH_WINDOW_MS", 2.0) / 1000)


@dataclass(frozen=True)
class StaffSettings:
    """The staff database (query log, feedback, curated answers) and the report.

    Attributes:
        db_url: a SQLAlchemy URL (``PLANQA_DB``); None: ``planqa.db`` (SQLite) in the build directory.
        query_log: record every chat/API question, masked (``PLANQA_QUERY_LOG``, on by default).
        retention_days: log entries older than this are deleted (``PLANQA_LOG_RETENTION_DAYS``; 0 keeps all).
        curated_threshold: a curated answer is served when the question's cosine similarity to one of
            its wordings reaches this (``PLANQA_CURATED_THRESHOLD``). 0.94 on the default model: no
            near-miss of eval/data/curated_pairs.jsonl above it (0/168, precision 1.0); 14/36
            paraphrases matched against three wordings (``planqa eval --curated``; README › For staff).
        cluster_threshold: in a cluster of unanswered questions every two reach this cosine (complete
            linkage; 0.84 paired paraphrases best on eval/data/curated_pairs.jsonl).
        max_log_rows: the query log keeps at most this many newest entries.
        max_feedback_rows: feedback stops being recorded at this many rows (archive with export).
    """

    db_url: str | None = field(default_factory=lambda: env_str("PLANQA_DB"))
    query_log: bool = field(default_factory=lambda: env_bool("PLANQA_QUERY_LOG", True))
    retention_days: int = field(default_factory=lambda: env_int("PLANQA_LOG_RETENTION_DAYS", 180, 0))
    curated_threshold: float = field(default_factory=lambda: env_float("PLANQA_CURATED_THRESHOLD", 0.94))
    cluster_threshold: float = 0.84
    max_log_rows: int = 1_000_000
    max_feedback_rows: int = 200_000


@dataclass(frozen=True)
class BotConfig:
    """Retrieval settings for answers, abstention calibration, LLM, and the staff database."""

    index: IndexConfig = field(default_factory=IndexConfig)
    retriever: str = "hybrid"
    k: int = 10
    relevance: Relevance = field(default_factory=Relevance)
    answer: AnswerSettings = field(default_factory=AnswerSettings)
    conversation: ConversationSettings = field(default_factory=ConversationSettings)
    server: ServerSettings = field(default_factory=ServerSettings)
    llm: LLMConfig = field(default_factory=LLMConfig)
    feedback_log: Path = field(default_factory=_feedback_path)  # legacy JSONL, imported into the database once
    staff: StaffSettings = field(default_factory=StaffSettings)

    @property
    def db_url(self) -> str:
        """``PLANQA_DB``, else the SQLite file ``planqa.db`` in the build directory."""
        return self.staff.db_url or f"sqlite:///{(self.index.ingest.build_dir / 'planqa.db').resolve()}"
