"""How well curated answers match: precision on near-misses vs recall on paraphrases, per threshold.

``eval/data/curated_pairs.jsonl``: per line a curated ``question``, ``paraphrases`` (the same need in
other words, citizen style) and ``near_misses`` (close words, another need or ward). Each paraphrase
is matched leave-one-out against the question and the other paraphrases (a curated answer made from
a report cluster carries its examples as wordings); each near-miss, and every other group's
question, against all of a group's wordings. Same rule as `bot.staff.curated.CuratedMatcher`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eval.questions import DATA_DIR

PAIRS = DATA_DIR / "curated_pairs.jsonl"
THRESHOLDS = tuple(round(0.88 + 0.005 * i, 3) for i in range(17))


@dataclass(frozen=True)
class Calibration:
    positives: tuple[float, ...]  # best similarity of each paraphrase to its group's other wordings
    negatives: tuple[float, ...]  # best similarity of each near-miss to a group's wordings (ward rule applied)

    def at(self, threshold: float) -> dict[str, float]:
        matched = sum(s >= threshold for s in self.positives)
        false = sum(s >= threshold for s in self.negatives)
        return {"threshold": threshold, "paraphrases_matched": matched, "paraphrases": len(self.positives),
                "recall": round(matched / len(self.positives), 3), "near_misses_matched": false,
                "near_misses": len(self.negatives),
                "precision": round(matched / (matched + false), 3) if matched + false else 1.0}


def calibrate(embedder, ward_of, path: Path = PAIRS) -> Calibration:
    groups = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = sorted({t for g in groups for t in [g["question"], *g["paraphrases"], *g["near_misses"]]})
    vectors = np.asarray(embedder.encode_queries(texts), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    vector = dict(zip(texts, vectors))
    wards = {t: ward_of(t) for t in texts}

    def best(question: str, wordings: list[str]) -> float:
        scores = [float(vector[question] @ vector[w]) for w in wordings
                  if wards[question] is None or wards[w] is None or wards[question] == wards[w]]
        return max(scores, default=0.0)

    positives, negatives = [], []
    for number, group in enumerate(groups):
        wordings = [group["question"], *group["paraphrases"]]
        positives += [best(p, [w for w in wordings if w != p]) for p in group["paraphrases"]]
        others = [g["question"] for n, g in enumerate(groups) if n != number]
        negatives += [best(n, wordings) for n in [*group["near_misses"], *others]]
    return Calibration(tuple(positives), tuple(negatives))
