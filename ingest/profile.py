"""`PlanProfile`: everything specific to one plan — its wards, years, heading names, bureau
abbreviations and how answers name it — in one place, declared by the corpus.

A document ``X.txt`` declares its profile in ``X.profile.toml`` beside it; a document without
one uses the bundled plan's profile. The index stores the profile in its manifest, so retrieval
and answers use the vocabulary of the plan they were built from.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from planqa.errors import CorpusError

PROFILE_SUFFIX = ".profile.toml"
PROFILE_JSON_SUFFIX = ".profile.json"  # what `planqa ingest` writes beside chunks.jsonl


@dataclass(frozen=True)
class PlanProfile:
    """Plan-specific vocabulary (see ``data/sapporo_action_plan_excerpt.profile.toml`` for the meaning of each)."""

    title: str = ""
    short_title: str = ""
    city: str = ""
    city_en: str = ""
    name_ja: str = "資料"
    name_en: str = "the document"
    baseline_year: int | None = None
    target_year: int | None = None
    scope_ja: str = ""
    wards: dict[str, str] = field(default_factory=dict)
    other_wards: dict[str, str] = field(default_factory=dict)
    ward_goals_heading: str = ""
    chapter_topics: dict[str, int] = field(default_factory=dict)
    chapter_named: dict[str, int] = field(default_factory=dict)
    uninformative_headings: tuple[str, ...] = ()
    star_program: tuple[str, int] | None = None
    bureaus: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def label_ja(self) -> str:
        """``この計画（抜粋）``: how a sentence refers to the document."""
        return f"この{self.name_ja}"

    def english_ward(self, ward: str) -> str:
        return self.wards.get(ward) or self.other_wards.get(ward) or ""

    def plan_terms(self, question: str) -> list[str]:
        """The plan's own names for what ``question`` calls by an everyday name (``[aliases]``):
        「前の計画」 → 「アクションプラン 2019」, 「LINEで相談」 → 「SNS」. Matched after NFKC; Japanese
        ignoring spaces and case, Latin as whole words ("household plan" is not "old plan"), ignoring
        case unless written in capitals. A term the question already contains is not repeated."""
        text = _Mentionable.of(question)
        return [term for term, phrasings in self.aliases.items()
                if not text.mentions(term) and any(text.mentions(p) for p in phrasings)]

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record["uninformative_headings"] = list(self.uninformative_headings)
        record["star_program"] = list(self.star_program) if self.star_program else None
        record["aliases"] = {term: list(phrasings) for term, phrasings in self.aliases.items()}
        return record

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> PlanProfile:
        values = dict(record)
        values["uninformative_headings"] = tuple(values.get("uninformative_headings") or ())
        star = values.get("star_program")
        values["star_program"] = (str(star[0]), int(star[1])) if star else None
        values["aliases"] = _aliases(values.get("aliases") or {})
        known = set(cls.__dataclass_fields__)
        return cls(**{key: value for key, value in values.items() if key in known})


def parse_profile(text: str, where: str) -> PlanProfile:
    """A profile from its TOML text; a malformed file is a `CorpusError` naming it."""
    try:
        data = tomllib.loads(text)
        plan, headings = data.get("plan", {}), data.get("headings", {})
        star = data.get("star_program")
        return PlanProfile(
            title=str(plan.get("title", "")),
            short_title=str(plan.get("short_title", plan.get("title", ""))),
            city=str(plan.get("city", "")),
            city_en=str(plan.get("city_en", "")),
            name_ja=str(plan.get("name_ja", PlanProfile.name_ja)),
            name_en=str(plan.get("name_en", PlanProfile.name_en)),
            baseline_year=_year(plan.get("baseline_year")),
            target_year=_year(plan.get("target_year")),
            scope_ja=str(plan.get("scope_ja", "")),
            wards={str(k): str(v) for k, v in data.get("wards", {}).items()},
            other_wards={str(k): str(v) for k, v in data.get("other_wards", {}).items()},
            ward_goals_heading=str(headings.get("ward_goals", "")),
            chapter_topics={str(k): int(v) for k, v in headings.get("chapter_topics", {}).items()},
            chapter_named={str(k): int(v) for k, v in headings.get("chapter_named", {}).items()},
            uninformative_headings=tuple(str(h) for h in headings.get("uninformative", ())),
            star_program=(str(star["name"]), int(star["page"])) if star else None,
            bureaus={str(k): str(v) for k, v in data.get("bureaus", {}).items()},
            aliases=_aliases(data.get("aliases", {})),
        )
    except (tomllib.TOMLDecodeError, TypeError, ValueError, KeyError, AttributeError) as exc:
        raise CorpusError(f"{where}: not a valid plan profile ({exc})") from None


@dataclass(frozen=True)
class _Mentionable:
    """A text prepared once for many `mentions` checks (NFKC; case-folded without spaces)."""

    folded: str
    compact: str

    @classmethod
    def of(cls, text: str) -> _Mentionable:
        folded = unicodedata.normalize("NFKC", text)
        return cls(folded, "".join(folded.casefold().split()))

    def mentions(self, phrase: str) -> bool:
        """Whether the text mentions ``phrase`` (both NFKC): Japanese ignoring spaces; Latin as whole words,
        ignoring case unless the phrase is written in capitals (LINE the app, not "a line at the counter")."""
        pattern = _phrase_pattern(phrase)
        if isinstance(pattern, re.Pattern):
            return pattern.search(self.folded) is not None
        return pattern in self.compact


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str] | str:
    """A Latin phrase as a whole-word pattern; any other as its case-folded, space-free form."""
    phrase = unicodedata.normalize("NFKC", phrase)
    if phrase.isascii():
        words = r"\s+".join(map(re.escape, phrase.split()))
        flags = 0 if phrase.isupper() else re.IGNORECASE
        return re.compile(rf"(?<![A-Za-z0-9]){words}(?![A-Za-z0-9])", flags)
    return "".join(phrase.casefold().split())


def _aliases(table: Any) -> dict[str, tuple[str, ...]]:
    """``{plan term: [everyday phrasings]}``, every phrasing a non-empty string."""
    if not isinstance(table, dict):
        raise TypeError(f"[aliases] must be a table of lists, got {type(table).__name__}")
    aliases: dict[str, tuple[str, ...]] = {}
    for term, phrasings in table.items():
        if not isinstance(phrasings, list) or not all(isinstance(p, str) and p.strip() for p in phrasings):
            raise TypeError(f"[aliases] {term!r} must be a list of non-empty strings, got {phrasings!r}")
        aliases[str(term)] = tuple(p.strip() for p in phrasings)
    return aliases


def _year(value: Any) -> int | None:
    return None if value is None else int(value)


@lru_cache(maxsize=1)
def bundled_profile() -> PlanProfile:
    """The bundled plan's profile (also the default for documents that declare none)."""
    from ingest.corpus import BUNDLED_PROFILE

    return parse_profile(BUNDLED_PROFILE.read_text(encoding="utf-8"), str(BUNDLED_PROFILE))


def declared_profile(document: Path) -> Path | None:
    """The profile a document declares beside it: ``X.profile.toml`` (written by a person) or
    ``X.profile.json`` (written by ``planqa ingest`` beside ``chunks.jsonl``), if any."""
    for suffix in (PROFILE_SUFFIX, PROFILE_JSON_SUFFIX):
        candidate = Path(document).with_name(Path(document).stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def profile_for(document: Path) -> PlanProfile:
    """The profile of a document: its declared one, else the bundled plan's."""
    import json

    from planqa.io import read_text_file

    path = declared_profile(document)
    if path is None:
        return bundled_profile()
    text = read_text_file(path, 1 << 20, CorpusError, what="profile")
    if path.name.endswith(PROFILE_JSON_SUFFIX):
        try:
            return PlanProfile.from_dict(json.loads(text))
        except (ValueError, TypeError, IndexError) as exc:
            raise CorpusError(f"{path}: not a valid plan profile ({exc})") from None
    return parse_profile(text, str(path))
