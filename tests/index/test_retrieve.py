"""Retrievers through the engine on the mini plan with the hash embedder."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from index.crosslingual import expand_english, is_english, lexical_text
from index.engine import SearchEngine
from index.retrieve import Filters, fuse
from planqa.errors import QueryError


@pytest.fixture
def engine(mini_config, embedder):
    return SearchEngine(mini_config, embedder)


def test_engine_builds_the_missing_index_once(mini_config, embedder):
    assert not mini_config.index_dir.exists()
    SearchEngine(mini_config, embedder)
    stamp = (mini_config.index_dir / "manifest.json").stat().st_mtime_ns
    SearchEngine(mini_config, embedder)
    assert (mini_config.index_dir / "manifest.json").stat().st_mtime_ns == stamp


@pytest.mark.parametrize("retriever", ["dense", "lexical", "hybrid"])
def test_each_retriever_finds_bulky_garbage(engine, retriever):
    hits = engine.search("大型ごみをインターネットで申し込みたい", 3, retriever).hits
    assert hits[0].chunk.title == "大型ごみ収集のオンライン化"
    assert [h.rank for h in hits] == [1, 2, 3]
    assert all(hits[i].score >= hits[i + 1].score for i in range(len(hits) - 1))


def test_lexical_meets_kana_spelling(engine):
    assert engine.search("こうざふりかえ", 1, "lexical").hits[0].chunk.title == "税務手続のオンライン化推進"


def test_hybrid_hit_carries_every_signal(engine):
    hit = engine.search("消防検査 オンライン", 1, "hybrid").hits[0]
    assert hit.chunk.title == "消防検査のオンライン化"
    assert set(hit.signals) == {"dense", "description", "lexical", "fused"} and hit.signals["lexical"] > 0


def test_a_question_naming_a_ward_is_also_scored_without_the_wards_name(engine):
    """The ward-free text (the ward read as 「区」) is encoded in the same batch as the question; its
    cosines and BM25 come back as relevance signals of every hit, its order is the question's own."""
    from index.query import ward_free_text

    question = "西区の川をきれいにする活動ってある？"
    query = engine.understand(question, 3)
    assert ward_free_text(query) == "区の川をきれいにする活動ってある？"
    hits = engine.search(query, 3, "hybrid").hits
    _, full, description = engine.retriever("dense").field_scores("区の川をきれいにする活動ってある？")
    lexical = engine.retriever("lexical").scores("区の川をきれいにする活動ってある？")
    for hit in hits:
        row = engine.index.rows[hit.chunk.id]
        assert hit.signals["dense_ward_free"] == pytest.approx(full[row], abs=1e-5)
        assert hit.signals["description_ward_free"] == pytest.approx(description[row], abs=1e-5)
        assert hit.signals["lexical_ward_free"] == pytest.approx(lexical[row])
    unscored = {"dense", "description", "lexical", "fused"}
    assert [h.chunk.id for h in hits] == [h.chunk.id for h in engine.search(question, 3, "hybrid").hits]
    for other in ("大型ごみ インターネット", "北区の川をきれいにする活動ってある？"):
        assert ward_free_text(engine.understand(other)) is None, other  # no ward, a ward without a chapter
        assert set(engine.search(other, 1, "hybrid").hits[0].signals) == unscored, other
    # an English question too, its English name read as "the ward" (was not scored: a dog park in Kiyota ward
    # was answered with the ward's initiative that a ward's name alone lifted)
    english = engine.understand("Nishi ward river cleaning", 3)
    free = ward_free_text(english, "Nishi")
    assert free is not None and "西区" in english.search_text
    assert "西区" not in free and "Nishi" not in free and free.startswith("the ward river cleaning")
    assert "dense_ward_free" in engine.search(english, 1, "hybrid").hits[0].signals


def test_the_description_field_adds_its_weighted_cosine_to_the_dense_ranking(mini_config, embedder):
    from dataclasses import replace

    from index.engine import SearchEngine

    config = replace(mini_config, description_weight=0.3)
    dense = SearchEngine(config, embedder).retriever("dense")
    ranking, full, description = dense.field_scores("消防検査 オンライン")
    assert description.shape == full.shape and not np.allclose(description, full)
    assert np.allclose(ranking, full + 0.3 * np.maximum(description, 0.0))
    hit = dense.search("消防検査 オンライン", 1)[0]
    assert set(hit.signals) == {"dense", "description"} and hit.score == pytest.approx(ranking.max())


def test_an_index_in_the_older_format_is_rebuilt_by_the_engine(mini_config, embedder):
    import json

    from index.engine import SearchEngine
    from index.store import FORMAT_VERSION, MANIFEST

    SearchEngine(mini_config, embedder)
    manifest_path = mini_config.index_dir / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    generation = manifest_path.resolve().parent
    (generation / "description.index").unlink()
    manifest_path.resolve().write_text(json.dumps({**manifest, "format_version": FORMAT_VERSION - 1}), encoding="utf-8")
    engine = SearchEngine(mini_config, embedder)
    assert engine.index.manifest["format_version"] == FORMAT_VERSION and engine.index.description_index is not None


def test_filters_by_ward_department_and_kind(engine):
    hits = engine.search("防災", 10, "hybrid", Filters(ward="西 区")).hits
    assert hits and all(h.chunk.ward == "西区" for h in hits)
    hits = engine.search("オンライン", 10, "hybrid", Filters(department="環境局")).hits
    assert [h.chunk.title for h in hits] == ["大型ごみ収集のオンライン化"]
    hits = engine.search("ナッジ", 10, "hybrid", Filters(kind="glossary")).hits
    assert [h.chunk.title for h in hits] == ["ナッジ"]


@pytest.mark.parametrize(
    ("query", "k", "filters", "fragment"),
    [
        ("", 10, None, "the query is empty"),
        ("   \n\t", 10, None, "the query is empty"),
        ("\x00\x01", 10, None, "the query is empty"),
        ("防災", 0, None, "k must be a positive integer, got 0"),
        ("防災", -1, None, "k must be a positive integer, got -1"),
        ("防災", 10, Filters(ward="北区"), "unknown ward '北区'; valid: 西区, 豊平区"),
        ("防災", 10, Filters(department="交通局"), "no department matches '交通局'"),
        ("防災", 10, Filters(kind="table"), "unknown kind 'table'"),
    ],
)
def test_bad_queries_and_filters_are_clear_errors(engine, query, k, filters, fragment):
    with pytest.raises(QueryError) as exc:
        engine.search(query, k, "hybrid", filters)
    assert fragment in str(exc.value)


def test_huge_k_is_capped_and_long_query_truncated_with_notes(engine):
    result = engine.search("防災" * 5000, 10**9, "hybrid")
    assert "k=1000000000 capped to 1000" in result.notes
    assert any("query truncated from 10000 to 1000" in n for n in result.notes)
    assert len(result.hits) == len(engine.index.chunks)


def test_english_question_gets_japanese_terms(engine):
    assert is_english("Can I apply for bulky garbage collection online?")
    assert not is_english("大型ごみ online")
    assert "大型ごみ" in expand_english("bulky garbage pickup")
    result = engine.search("Can I apply for bulky garbage collection online?", 1, "lexical")
    assert result.hits[0].chunk.title == "大型ごみ収集のオンライン化"
    assert any(n.startswith("English question") for n in result.notes)


@pytest.mark.parametrize(("question", "term"), [
    ("I'm a foreign resident", "外国人"),  # the glossary writes "foreign residents"
    ("Does the city work with a university?", "大学"),  # ... and "university" / "universities"
    ("Which universities take part?", "大学"),
    ("How are local taxes paid?", "税"),
    ("Is there a tax office?", "税"),
    ("My kid wants to be a city council member for a day", "議会"),  # JMdict's council is 会議 only
    ("Do daycare centers get new systems?", "保育所"),  # JMdict's 保育所 is a day nursery, not a daycare
])
def test_glossary_phrases_match_in_the_singular_and_the_plural(question, term):
    assert term in expand_english(question)[len(question):].split()


@pytest.mark.parametrize(("search_text", "expected"), [
    ("Where can I see plum blossoms in Kiyota ward? 清田区", "清田区"),
    ("Is the city using AI or RPA for paperwork? 生成AI", "AI RPA 生成AI"),
    ("Does Team Sapporo help NPO's?", "NPO'"),
    ("How about the park?", ""),
])
def test_an_english_question_searches_the_lexical_index_with_its_terms_and_acronyms_only(search_text, expected):
    assert lexical_text(search_text) == expected


def test_an_english_question_gets_no_lexical_vote_from_ordinary_english_words(engine, monkeypatch):
    # "Sapporo" / "park" would match the plan's few Latin words (Team-Sapporo, Park-PFI) with a high IDF;
    # the lexical side searches the Japanese terms the glossary adds, the dense side the whole question
    from index.retrieve import LexicalRetriever

    searched = []
    original = LexicalRetriever.field_scores
    monkeypatch.setattr(LexicalRetriever, "field_scores", lambda self, q: searched.append(q) or original(self, q))
    engine.search("Can I apply for bulky garbage collection online in Sapporo park?", 3, "hybrid")
    assert searched and "大型ごみ" in searched[-1]
    assert not {"Sapporo", "park", "Can", "apply"} & set(searched[-1].split())
    engine.search("大型ごみ park", 3, "hybrid")  # a Japanese question is searched as written
    assert searched[-1] == "大型ごみ park"


def test_rrf_gives_no_lexical_vote_without_a_lexical_match(mini_config):
    dense = np.array([0.9, 0.8, 0.1], dtype=np.float32)
    lexical = np.array([0.0, 0.0, 5.0], dtype=np.float32)
    fused = fuse(dense, lexical, replace(mini_config, fusion="rrf", rrf_k=10, lexical_weight=0.5))
    assert fused == pytest.approx([1 / 11, 1 / 12, 1 / 13 + 0.5 / 11])
    weighted = fuse(dense, lexical, replace(mini_config, fusion="weighted", lexical_weight=0.1))
    assert weighted == pytest.approx([0.9, 0.8, 0.2])


def test_dense_candidate_pool_is_exhaustive_for_small_indexes_only():
    from index.config import IndexConfig
    from index.retrieve import DenseRetriever

    dense = DenseRetriever(None, None, IndexConfig(model="hash"))
    assert dense.pool(212) == 212
    assert dense.pool(20_000) == 20_000
    assert dense.pool(1_000_000) == 2_000


def test_warming_builds_what_the_first_request_would_wait_for(engine):
    engine.warm()
    cached = vars(engine.index)
    assert {"vocabulary", "english_glosses"} <= cached.keys()
    assert "hybrid" in engine._loaded.retrievers
    assert engine.search("Can I apply for bulky garbage online?").hits  # English uses the built glosses


def test_a_ranked_list_shows_each_passage_once_at_its_best_paragraph():
    from index.hit import Hit, one_per_passage
    from ingest.chunk import Chunk, Source

    def paragraph(id_, title, ward="豊平区"):
        return Chunk(id_, "narrative", title, (ward, "概況"), ward, "…", Source("plan.txt", 1, 1))

    first, second = paragraph("p#L7", "豊平区：概況"), paragraph("p#L9", "豊平区：概況")
    other_ward = paragraph("p#L20", "豊平区：概況", ward="西区")  # the same title elsewhere is another passage
    ranked = [Hit(c, 1.0 - i / 10, i + 1) for i, c in enumerate([first, second, other_ward])]
    kept = one_per_passage(ranked)
    assert [(h.chunk.id, h.rank) for h in kept] == [("p#L7", 1), ("p#L20", 2)]


def test_search_lists_passages_once_and_the_answer_path_keeps_every_paragraph(engine):
    listed = engine.search("豊平区", 10).hits
    keys = [(h.chunk.title, h.chunk.ward, h.chunk.section) for h in listed]
    assert len(keys) == len(set(keys)) and [h.rank for h in listed] == list(range(1, len(listed) + 1))
    every = engine.search("豊平区", 10, per_passage=False).hits
    assert len(every) >= len(listed)
