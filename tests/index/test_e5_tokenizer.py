"""The default model's SentencePiece tokenizer gives the ids of the `tokenizers` pipeline it replaced."""

from __future__ import annotations

import json

import pytest

from index.e5_tokenizer import (
    CLASS_NAME,
    MODEL_FILE,
    NORMALIZATION_FILE,
    E5SentencePieceTokenizer,
    register,
    write_files,
)
from tests.index.e5_reference import reference_tokenizer

# A hand-written vocabulary in the model's id order: specials first, <mask> last (as in e5's).
PIECES = ["<s>", "<pad>", "</s>", "<unk>", "▁", "▁query", ":", "▁粗大", "ごみ", "▁ごみ", "▁ネット", "で", "申し込み",
          "▁申し込み", "▁a", "b", "▁b", "▁ab", "a", "▁カタ", "カナ", "▁AB", "C", "▁10", "件", "%", "▁100", "<mask>"]
SCORES = [0.0, 0.0, 0.0, 0.0, -2.0, -5.0, -4.0, -6.0, -5.0, -6.5, -7.0, -3.0, -7.5, -8.0, -4.0, -4.0, -4.5,
          -6.0, -4.0, -8.0, -8.0, -9.0, -5.0, -6.0, -5.0, -4.0, -7.0, 0.0]
SPECIAL = {"bos": 0, "pad": 1, "eos": 2, "unk": 3}
NORM_MAP = {0x3000: (0x20,), 0x09: (0x20,), 0x0A: (0x20,), 0xFF21: (0x41,), 0xFF22: (0x42,), 0xFF23: (0x43,),
            0xFF76: (0x30AB,), 0xFF80: (0x30BF,), 0xFF85: (0x30CA,), 0x200B: ()}

TEXTS = [
    "query: 粗大ごみ ネットで申し込み", "粗大ごみ", "query:  ごみ", "query: \t\t10件\t100%", "  leading",
    "trailing  ", "     ", "", "\u3000ab\u3000\u3000b", "ＡＢＣ ｶﾀｶﾅ", "a \u200b b", "🐙 ab", "x<unk>y",
    "<s> ab </s>", "a <mask> b", "\n\nab\nb\n", "query: ", " ",
]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("e5tok")
    write_files(PIECES, SCORES, SPECIAL, NORM_MAP, folder)
    config = {"tokenizer_class": CLASS_NAME, "model_max_length": 8}
    (folder / "tokenizer_config.json").write_text(json.dumps(config))
    return folder


@pytest.fixture(scope="module")
def ours(model_dir):
    return E5SentencePieceTokenizer(str(model_dir / MODEL_FILE), str(model_dir / NORMALIZATION_FILE),
                                    model_max_length=8)


@pytest.mark.parametrize("text", TEXTS)
def test_ids_match_the_tokenizers_pipeline(ours, text):
    reference = reference_tokenizer(PIECES, SCORES, SPECIAL, NORM_MAP)
    assert ours(text)["input_ids"] == reference.encode(text).ids


def test_the_map_runs_before_the_pieces(ours):
    assert ours.tokenize("ＡＢＣ ｶﾀｶﾅ") == ["▁AB", "C", "▁カタ", "カナ"]
    assert ours.convert_tokens_to_ids(ours.tokenize("🐙")) == [4, SPECIAL["unk"]]


def test_batches_pad_and_truncate_like_any_transformers_tokenizer(ours):
    batch = ours(["ab", "粗大ごみ ネットで申し込み ab b ab b ab"], padding=True, truncation="longest_first",
                 max_length=8, return_tensors="pt")
    assert batch["input_ids"].shape == (2, 8)
    assert batch["input_ids"][0].tolist() == [0, 17, 2, 1, 1, 1, 1, 1]
    assert batch["attention_mask"][0].tolist() == [1, 1, 1, 0, 0, 0, 0, 0]
    assert batch["input_ids"][1, -1].item() == SPECIAL["eos"]


def test_autotokenizer_loads_it_by_class_name_and_it_saves_both_files(model_dir, tmp_path):
    from transformers import AutoTokenizer

    register()
    loaded = AutoTokenizer.from_pretrained(str(model_dir))
    assert type(loaded) is E5SentencePieceTokenizer
    assert loaded("粗大ごみ")["input_ids"] == [0, 7, 8, 2]
    loaded.save_pretrained(str(tmp_path))
    again = AutoTokenizer.from_pretrained(str(tmp_path))
    assert again("\u3000ab\u3000\u3000b")["input_ids"] == loaded("\u3000ab\u3000\u3000b")["input_ids"]
    assert (tmp_path / MODEL_FILE).is_file() and (tmp_path / NORMALIZATION_FILE).is_file()
