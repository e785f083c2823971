"""Abbreviations a plan spells out where it uses them (「CUD（カラーユニバーサルデザイン）」, 「業務改善（BPR）」): a
question naming the abbreviation alone (「CUDってなに？」) is searched with the plan's full name too — the
glossary defines カラーユニバーサルデザイン and never writes CUD."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ingest.profile import PlanProfile

_ABBREVIATION = r"(?<![A-Za-z])([A-Z]{2,6})(?![A-Za-z])"
_FULL_NAME = r"([ァ-ヺー\u3400-\u9fff々・]{2,30})"
_FOOTNOTE = r"[\s⁰¹²³⁴⁵⁶⁷⁸⁹]*"
# 「CUD（カラーユニバーサルデザイン ¹⁹⁰ ）」 and 「成果連動型民間委託契約方式(PFS)」
_SPELLED_AFTER = re.compile(rf"{_ABBREVIATION}\s*[（(]\s*{_FULL_NAME}{_FOOTNOTE}[）)]")
_SPELLED_BEFORE = re.compile(rf"{_FULL_NAME}\s*[（(]\s*{_ABBREVIATION}{_FOOTNOTE}[）)]")


def spelled_out(texts: Iterable[str]) -> dict[str, str]:
    """Each abbreviation the ``texts`` spell out, with its full name (the first one given), that they write no
    more often than the full name: CUD and カラーユニバーサルデザイン twice each, but AI ten times and 人工知能
    twice — the plan's own word, searched as it is."""
    texts = list(texts)
    found: dict[str, str] = {}
    for text in texts:
        for match in _SPELLED_AFTER.finditer(text):
            found.setdefault(match.group(1), match.group(2))
        for match in _SPELLED_BEFORE.finditer(text):
            found.setdefault(match.group(2), match.group(1))
    whole = "\n".join(texts)
    return {abbreviation: full for abbreviation, full in found.items()
            if len(re.findall(rf"(?<![A-Za-z]){abbreviation}(?![A-Za-z])", whole)) <= whole.count(full)}


def with_abbreviations(profile: PlanProfile, texts: Iterable[str]) -> PlanProfile:
    """``profile`` with each abbreviation the ``texts`` spell out as a phrasing of its full name
    (`PlanProfile.plan_terms`); the profile's own ``[aliases]`` kept as declared."""
    aliases = dict(profile.aliases)
    for abbreviation, full in spelled_out(texts).items():
        phrasings = aliases.get(full, ())
        if abbreviation not in phrasings:
            aliases[full] = (*phrasings, abbreviation)
    return replace(profile, aliases=aliases)
