"""The staff report: what the bot failed to answer (clustered), what it cites most, how often it
abstains per day, and which curated answers went stale. Built from the staff database; rendered by
`bot.staff.report_render`."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Sequence

import numpy as np

from bot.staff.curated import CuratedAnswer
from bot.staff.db import utcnow
from bot.staff.desk import StaffDesk

MAX_UNANSWERED = 5000  # the newest unanswered questions clustered (bounded work per report)
MAX_EXAMPLES = 5


@dataclass(frozen=True)
class Cluster:
    """Unanswered questions that ask the same thing."""

    count: int
    representative: str
    examples: tuple[str, ...]
    abstained: int
    thumbs_down: int
    last_asked: datetime

    def to_record(self) -> dict[str, Any]:
        return {"count": self.count, "representative": self.representative, "examples": list(self.examples),
                "abstained": self.abstained, "thumbs_down": self.thumbs_down,
                "last_asked": self.last_asked.isoformat(timespec="seconds")}


@dataclass(frozen=True)
class Day:
    date: str
    questions: int
    abstained: int

    @property
    def rate(self) -> float:
        return self.abstained / self.questions if self.questions else 0.0

    def to_record(self) -> dict[str, Any]:
        return {"date": self.date, "questions": self.questions, "abstained": self.abstained,
                "abstention_rate": round(self.rate, 4)}


@dataclass(frozen=True)
class CitedPassage:
    chunk_id: str
    title: str
    count: int

    def to_record(self) -> dict[str, Any]:
        return {"id": self.chunk_id, "title": self.title, "count": self.count}


@dataclass(frozen=True)
class Report:
    since: datetime | None
    generated_at: datetime
    questions: int
    abstained: int
    curated_served: int
    thumbs_down: int
    clusters: tuple[Cluster, ...]
    most_cited: tuple[CitedPassage, ...]
    days: tuple[Day, ...]
    stale: tuple[CuratedAnswer, ...]
    curated: tuple[CuratedAnswer, ...] = field(default=())

    def to_record(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat(timespec="seconds") if self.since else None,
            "generated_at": self.generated_at.isoformat(timespec="seconds"),
            "totals": {"questions": self.questions, "abstained": self.abstained,
                       "abstention_rate": round(self.abstained / self.questions, 4) if self.questions else 0.0,
                       "curated_served": self.curated_served, "thumbs_down": self.thumbs_down},
            "unanswered_clusters": [c.to_record() for c in self.clusters],
            "most_cited": [p.to_record() for p in self.most_cited],
            "abstention_per_day": [d.to_record() for d in self.days],
            "stale_curated": [a.to_record() for a in self.stale],
            "curated": [a.to_record() for a in self.curated],
        }


@dataclass(frozen=True)
class _Unanswered:
    question: str
    when: datetime
    thumbs_down: bool


def cluster_questions(items: Sequence[_Unanswered], vectors: np.ndarray, threshold: float) -> list[Cluster]:
    """Complete-linkage clustering: in a cluster every two questions reach ``threshold`` cosine.

    Chosen on eval/data/curated_pairs.jsonl (paraphrase groups among near-misses), where complete
    linkage at 0.84 paired the same need best (pair precision 0.53, recall 0.75; centroid-greedy
    0.03 / 0.84, average linkage 0.22 / 0.84 at the same threshold).
    """
    if len(items) == 1:
        members = [[0]]
    else:
        from scipy.cluster.hierarchy import fcluster, linkage
        from scipy.spatial.distance import pdist

        distances = np.clip(pdist(np.asarray(vectors, dtype=np.float64), "cosine"), 0.0, 2.0)
        labels = fcluster(linkage(distances, "complete"), 1.0 - threshold, "distance")
        grouped: dict[int, list[int]] = defaultdict(list)
        for position, label in enumerate(labels):
            grouped[int(label)].append(position)
        members = list(grouped.values())
    clusters = []
    for group in members:
        questions = Counter(items[i].question for i in group)
        clusters.append(Cluster(
            count=len(group), representative=questions.most_common(1)[0][0],
            examples=tuple(q for q, _ in questions.most_common(MAX_EXAMPLES)),
            abstained=sum(not items[i].thumbs_down for i in group), thumbs_down=sum(items[i].thumbs_down for i in group),
            last_asked=max(items[i].when for i in group)))
    return sorted(clusters, key=lambda c: (-c.count, -c.last_asked.timestamp()))


def build_report(desk: StaffDesk, index, embedder, since: datetime | None = None, cluster_threshold: float = 0.84,
                 top: int = 20) -> Report:
    """The report over the log entries and feedback since ``since`` (all when None)."""
    desk.curated.refresh(index)
    entries = desk.queries.entries(since)
    feedback = desk.feedback.entries(since)
    unanswered = [_Unanswered(e.question, e.ts, False) for e in entries if e.abstained and e.answer_kind == "abstained"]
    unanswered += [_Unanswered(f["question"], f["ts"], True) for f in feedback if f["rating"] == "bad"]
    unanswered = sorted(unanswered, key=lambda u: u.when)[-MAX_UNANSWERED:]
    clusters: list[Cluster] = []
    if unanswered:
        vectors = np.asarray(embedder.encode_queries([u.question for u in unanswered]), dtype=np.float32)
        clusters = cluster_questions(unanswered, vectors, cluster_threshold)
    cited = Counter(chunk_id for e in entries for chunk_id in e.cited_ids)
    titles = {c.id: c.title for c in index.chunks}
    per_day: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for entry in entries:
        if entry.answer_kind == "smalltalk":
            continue
        day = per_day[entry.ts.date().isoformat()]
        day[0] += 1
        day[1] += entry.answer_kind == "abstained"
    curated = desk.curated.all()
    return Report(
        since=since, generated_at=utcnow(),
        questions=sum(d[0] for d in per_day.values()), abstained=sum(d[1] for d in per_day.values()),
        curated_served=sum(e.answer_kind == "curated" for e in entries),
        thumbs_down=sum(f["rating"] == "bad" for f in feedback),
        clusters=tuple(clusters[:top]),
        most_cited=tuple(CitedPassage(i, titles.get(i, "（索引にない箇所）"), n) for i, n in cited.most_common(top)),
        days=tuple(Day(d, q, a) for d, (q, a) in sorted(per_day.items())),
        stale=tuple(a for a in curated if a.stale), curated=tuple(curated))
