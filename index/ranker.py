"""A learned re-ranker: a linear model over the hybrid retriever's signals, re-ordering its best candidates.

The hybrid score is hand-set: reciprocal-rank fusion of the (adapted) dense ranking and BM25, plus fixed
priors for the ward a question names and the chunk's kind. Which signal to trust depends on the question:
an English question's BM25 runs on translated terms, a ward-named question lifts the ward's whole chapter,
a passage whose title the question nearly quotes is usually the one meant. This module scores the first
`RankerSettings.candidates` hits of the fusion with ``w · standardize(x)``, where ``x`` are the features
below (`FEATURES`), and the weights ``w`` are learned at index build from the same gold questions as the
query adapter (listwise softmax cross-entropy over each question's candidates; any chunk of a gold title
counts as right).

The adapter has seen those questions, so their adapted dense scores look better than a new question's
would; the ranker's training features are therefore *cross-fitted* (`index.ranker_training`): each
question's features come from an adapter trained without it. Measured (README, "Learned re-ranker"):
citizen_dev cross-validated Hit@1 0.865 → 0.944 on fold seed 0, 0.888 → 0.933 and 0.876 → 0.933 on seeds
1 and 2, with no question lost; dev, own and the never-trained test set gain a question or more each.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from planqa.errors import ConfigError, IndexMismatchError

RANKER_FILE = "ranker.json"
_FORMAT = 1

# Each feature is a per-chunk array (`features`); the names are saved with the weights and checked on load.
FEATURES = (
    "fused",                   # the hand-set hybrid score (RRF + priors, conversation boosts included)
    "ranking",                 # adapted dense: full passage + description_weight x description cosine
    "dense",                   # the model's own full-passage cosine
    "description",             # the model's own description-only cosine
    "dense_best",              # the better of the two
    "bm25_word",               # log(1 + BM25) per lexical field
    "bm25_bigram",
    "bm25_kana",
    "bm25_synonym",
    "lexical_vote",            # 1 / (rrf_k + lexical rank), 0 without a lexical match
    "dense_vote",              # 1 / (rrf_k + dense rank)
    "is_initiative",
    "is_program",
    "is_glossary",
    "is_narrative",
    "asked_ward",              # the chunk is in the ward the question names
    "other_ward",              # the question names a ward, the chunk is in another
    "ward_unasked",            # the chunk is in a ward, the question names none
    "definition_glossary",     # a definition question and a glossary entry
    "figure_indicator",        # a figure question and a chunk with an indicator row
    "department_departments",  # a department question and a chunk that names its department
    "title_overlap",           # share of the title's character bigrams found in the searched text
    "english_ranking",         # an English question's adapted dense score (its BM25 is on translated terms)
    "english_bm25_word",
    "kana_ranking",            # a question written in kana: its adapted dense score
    "ward_narrative",          # the question names a ward and the chunk is a narrative passage
    "past_told",               # the chunk recounts what was done (most of its sentences end in ました)
    "past_asked_told",         # ... and the question asks about the past (前に…やってた？, "did they")
    "initiative_asked",        # the question asks for initiatives (〜の取組は？, "projects") and the chunk is one
)


@dataclass(frozen=True)
class RankerSettings:
    """How the re-ranker is trained and whether it is used.

    Attributes:
        enabled: learn it at build (with the query adapter) and use it in hybrid retrieval
            (``PLANQA_RANKER``, ``1``; ``0`` = off, takes effect without a rebuild).
        candidates: how many of the fusion's best chunks it re-orders (the rest keep their order below).
        l2: penalty on the weights other than the fused score's (the model starts from the fusion).
        steps / learning_rate: full-batch Adam.
        folds: cross-fitting folds for the training features (each fold scored by an adapter trained
            without it).
    """

    enabled: bool = field(default_factory=lambda: os.environ.get("PLANQA_RANKER", "1") != "0")
    candidates: int = 30
    l2: float = 0.001
    steps: int = 300
    learning_rate: float = 0.05
    folds: int = 3
    seed: int = 0

    def __post_init__(self) -> None:
        if os.environ.get("PLANQA_RANKER", "1") not in ("0", "1"):
            raise ConfigError(f"PLANQA_RANKER={os.environ['PLANQA_RANKER']!r}: use 1 (on) or 0 (off)")
        if self.candidates < 2 or self.l2 < 0 or self.steps < 0 or self.learning_rate <= 0 or self.folds < 2:
            raise ConfigError(f"ranker settings out of range: {self}")


@dataclass(frozen=True)
class Asked:
    """What a question contributes to the features: the asked fact's kind, the ward it names, whether it is
    English or written in kana, and the text retrieval searched."""

    kind: str
    ward: str | None
    english: bool
    kana: bool
    text: str
    past: bool = False  # it asks about the past (`asks_about_the_past`)
    initiatives: bool = False  # it asks for initiatives (`asks_for_initiatives`)


# A question about what was done before (前にやってた？, コロナのときどうなってた？, 直したことある？, "did the ward
# hold …"), which a passage recounting the past answers (a ward's review of its previous plan), not a plan.
_ASKED_PAST = re.compile(
    r"前に|以前|前は|昔|当時|かつて|これまで|今まで|コロナ(?:の|禍)|ことが?ある|"
    # (not what the asker heard: 「…って聞いたけど」)
    r"(?<!聞)(?<!聞い)(?:てた|でた|ていた|でいた|った|した|いた|だった|でした|ました)(?:の|よね|けど|んだ|って|か|\s*[?？]|\s*$)|"
    r"\b(?:did|was|were|used to|in the past|previously|last time|have (?:they|you|the city|the ward) ever)\b",
    re.I)
_TOLD_PAST = re.compile(r"(?:ました|でした)[。．]?\s*$")


# A question naming a time before and a doing in the past tense (「前にやってたよね？」, 「前は…講師を送ってたって
# 本当？」) — not 名前は, nor 「昔より汚くなってる」 or 「…ことある？」, which `_ASKED_PAST` also reads.
_DONE_BEFORE = re.compile(r"(?<!名)(?:前に|以前|前は|かつて|前の計画)[^。？?]*?"
                          r"(?:てた|でた|ていた|でいた|した|った|ました|でした|だった)(?:の|よね|けど|って|か|ん|\s*[?？]|\s*$|"
                          # (what was done, named: 「前にやってたイベントって何がある？」)
                          r"[\u30a0-\u30ff\u4e00-\u9fff]{1,8}(?:って|は|を|が|、))")


def asks_what_was_done_before(question: str) -> bool:
    """Whether ``question`` asks what was done at a time before now, in so many words (「南区の芸術祭、前に
    やってたよね？」): a passage recounting it answers it rather than the plan's current initiative."""
    return bool(_DONE_BEFORE.search(question))


def asks_about_the_past(question: str) -> bool:
    """Whether ``question`` asks about what was done before (「西区で前に川に魚を放すイベントやってた？」), not what is
    planned (「町内会で健康フェアをやりたいんだけど、手伝ってもらえる？」)."""
    return bool(_ASKED_PAST.search(question))


# A question asking for what the city does, by the plan's word for it (手稲山の取組は？, 何か事業ある？, "any projects
# for seniors?"): an initiative answers it, not the ward's overview that names the same place.
_ASKED_INITIATIVES = re.compile(r"取組|取り組|事業(?!者|所)|施策|プロジェクト|"
                                r"\b(?:initiatives?|projects?|programs?|programmes?|schemes?)\b",
                                re.IGNORECASE)


def asks_for_initiatives(question: str) -> bool:
    """Whether ``question`` asks for initiatives by their name (「手稲山のほうの取組は？」), not 「事業者」."""
    return bool(_ASKED_INITIATIVES.search(question))


def told_in_the_past(text: str) -> bool:
    """Whether a passage recounts what was done: at least half of its sentences end in ました／でした."""
    sentences = [s for s in re.split(r"(?<=[。．])", text) if s.strip()]
    past = sum(bool(_TOLD_PAST.search(sentence.strip())) for sentence in sentences)
    return bool(sentences) and 2 * past >= len(sentences)


@dataclass(frozen=True)
class ChunkTraits:
    """Per-chunk arrays the features read (built once per loaded index)."""

    kinds: np.ndarray
    wards: np.ndarray
    has_indicator: np.ndarray
    has_departments: np.ndarray
    title_bigrams: tuple[frozenset[str], ...]
    past_told: np.ndarray

    @classmethod
    def of(cls, chunks) -> ChunkTraits:
        return cls(np.array([c.kind for c in chunks], dtype=object),
                   np.array([c.ward or "" for c in chunks], dtype=object),
                   np.array([c.indicator is not None for c in chunks]),
                   np.array([bool(c.departments) for c in chunks]),
                   tuple(_bigrams(c.title) for c in chunks),
                   np.array([c.kind == "narrative" and told_in_the_past(c.text) for c in chunks]))


def _bigrams(text: str) -> frozenset[str]:
    compact = "".join(text.split())
    return frozenset(compact[i:i + 2] for i in range(len(compact) - 1))


def features(rows: np.ndarray, traits: ChunkTraits, signals: dict[str, np.ndarray], asked: Asked,
             rrf_k: int) -> np.ndarray:
    """The feature matrix (len(rows) x len(FEATURES)) of chunks ``rows``. ``signals``: per-chunk arrays
    ``fused``, ``ranking``, ``dense``, ``description``, ``dense_rank``, ``lexical_rank`` (1-based),
    ``lexical`` and ``bm25_<field>`` for word, bigram, kana and synonym; ``rrf_k``: the fusion's constant."""
    kinds, wards = traits.kinds[rows], traits.wards[rows]
    ward = asked.ward or ""
    searched = _bigrams(asked.text)
    bm25 = {name: np.log1p(np.maximum(signals[f"bm25_{name}"][rows], 0.0))
            for name in ("word", "bigram", "kana", "synonym")}
    ranking = signals["ranking"][rows]
    dense, description = signals["dense"][rows], signals["description"][rows]
    english, kana = float(asked.english), float(asked.kana)
    columns = {
        "fused": signals["fused"][rows],
        "ranking": ranking,
        "dense": dense,
        "description": description,
        "dense_best": np.maximum(dense, description),
        **{f"bm25_{name}": values for name, values in bm25.items()},
        "lexical_vote": np.where(signals["lexical"][rows] > 0, 1.0 / (rrf_k + signals["lexical_rank"][rows]), 0.0),
        "dense_vote": 1.0 / (rrf_k + signals["dense_rank"][rows]),
        "is_initiative": kinds == "initiative",
        "is_program": kinds == "program",
        "is_glossary": kinds == "glossary",
        "is_narrative": kinds == "narrative",
        "asked_ward": (wards == ward) & bool(ward),
        "other_ward": (wards != "") & (wards != ward) & bool(ward),
        "ward_unasked": (wards != "") & (not ward),
        "definition_glossary": (kinds == "glossary") & (asked.kind == "definition"),
        "figure_indicator": traits.has_indicator[rows] & (asked.kind == "figure"),
        "department_departments": traits.has_departments[rows] & (asked.kind == "department"),
        "title_overlap": np.array([len(traits.title_bigrams[r] & searched) / max(1, len(traits.title_bigrams[r]))
                                   for r in rows]),
        "english_ranking": english * ranking,
        "english_bm25_word": english * bm25["word"],
        "kana_ranking": kana * ranking,
        "ward_narrative": (kinds == "narrative") & bool(ward),
        "past_told": traits.past_told[rows],
        "past_asked_told": traits.past_told[rows] & asked.past,
        "initiative_asked": np.isin(kinds, ("initiative", "program")) & asked.initiatives,
    }
    return np.stack([np.asarray(columns[name], dtype=np.float32) for name in FEATURES], axis=1)


@dataclass(frozen=True)
class Ranker:
    """Learned weights over standardized features; ``candidates``: how many fused hits it re-orders."""

    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    candidates: int

    def score(self, matrix: np.ndarray) -> np.ndarray:
        return ((matrix - self.mean) / self.scale) @ self.weights

    def to_dict(self) -> dict:
        return {"format": _FORMAT, "features": list(FEATURES), "candidates": self.candidates,
                "weights": self.weights.tolist(), "mean": self.mean.tolist(), "scale": self.scale.tolist()}

    @classmethod
    def from_dict(cls, data: dict) -> Ranker:
        if data.get("format") != _FORMAT or data.get("features") != list(FEATURES):
            raise ValueError("written by another planqa (its features differ)")
        arrays = [np.asarray(data[key], dtype=np.float32) for key in ("weights", "mean", "scale")]
        if any(a.shape != (len(FEATURES),) or not np.isfinite(a).all() for a in arrays) or (arrays[2] <= 0).any():
            raise ValueError(f"weights, mean and scale must be {len(FEATURES)} finite numbers (scale > 0)")
        candidates = data.get("candidates")
        if not isinstance(candidates, int) or candidates < 2:
            raise ValueError(f"candidates must be an integer >= 2, got {candidates!r}")
        return cls(*arrays, candidates)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict()), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Ranker:
        try:
            return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise IndexMismatchError(f"{path}: unreadable or corrupted re-ranker ({exc}); "
                                     "run: planqa index --rebuild") from None


def fit(groups: list[tuple[np.ndarray, np.ndarray]], settings: RankerSettings) -> Ranker:
    """Learn the weights from ``groups``: per question, its candidates' feature matrix and a boolean mask of
    the right ones (questions without a right candidate are skipped). Listwise: the softmax share of the
    right candidates is maximised; the model starts from the fused score alone (deterministic)."""
    import torch

    kept = [(x, m) for x, m in groups if m.any() and len(m) == len(x)]
    if not kept:
        raise ValueError("no training question has a right answer among its candidates")
    width = max(len(x) for x, _ in kept)
    matrix = np.zeros((len(kept), width, len(FEATURES)), dtype=np.float32)
    right = np.zeros((len(kept), width), dtype=bool)
    present = np.zeros((len(kept), width), dtype=bool)
    for i, (x, m) in enumerate(kept):
        matrix[i, : len(x)], right[i, : len(m)], present[i, : len(x)] = x, m, True
    flat = matrix[present]
    mean = flat.mean(axis=0)
    scale = flat.std(axis=0)
    scale = np.where(scale > 1e-6, scale, 1.0).astype(np.float32)
    state = torch.random.get_rng_state()
    torch.manual_seed(settings.seed)
    try:
        z = torch.from_numpy((matrix - mean) / scale)
        is_right, is_present = torch.from_numpy(right), torch.from_numpy(present)
        weights = torch.zeros(len(FEATURES))
        weights[FEATURES.index("fused")] = 1.0
        weights.requires_grad_(True)
        others = torch.ones(len(FEATURES))
        others[FEATURES.index("fused")] = 0.0
        optimizer = torch.optim.Adam([weights], lr=settings.learning_rate)
        for _ in range(settings.steps):
            scores = (z @ weights).masked_fill(~is_present, -1e9)
            log_share = torch.log_softmax(scores, dim=1).masked_fill(~is_right, -1e9)
            loss = -torch.logsumexp(log_share, dim=1).mean() + settings.l2 * ((weights * others) ** 2).sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        learned = weights.detach().numpy().astype(np.float32)
    finally:
        torch.random.set_rng_state(state)
    return Ranker(learned, mean.astype(np.float32), scale, settings.candidates)
