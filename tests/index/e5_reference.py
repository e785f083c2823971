"""The `tokenizers` pipeline the default model used before `index.e5_tokenizer` (converter 1):
kept as the reference the SentencePiece tokenizer must reproduce id for id."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path


def precompiled_charsmap(norm_map: dict[int, tuple[int, ...]]) -> bytes:
    """Compile the per-code-point map into sentencepiece's charsmap (used by `Precompiled`)."""
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2

    with tempfile.TemporaryDirectory() as tmp:
        rules = Path(tmp) / "rules.tsv"
        rules.write_text(
            "".join(f"{cp:X}\t{' '.join(f'{o:X}' for o in outputs)}\n"
                    for cp, outputs in sorted(norm_map.items())),
            encoding="utf-8",
        )
        corpus = Path(tmp) / "corpus.txt"
        corpus.write_text("abc\ndef\n", encoding="utf-8")
        writer = io.BytesIO()
        spm.SentencePieceTrainer.train(
            input=str(corpus), model_writer=writer, vocab_size=8, model_type="char",
            normalization_rule_tsv=str(rules), hard_vocab_limit=False, minloglevel=2,
            add_dummy_prefix=False, remove_extra_whitespaces=False,
        )
    proto = sentencepiece_model_pb2.ModelProto()
    proto.ParseFromString(writer.getvalue())
    return proto.normalizer_spec.precompiled_charsmap


def reference_tokenizer(pieces: list[str], scores, special: dict[str, int],
                        norm_map: dict[int, tuple[int, ...]]):
    """A `tokenizers.Tokenizer`: Unigram over the pieces, `Precompiled` map, the XLM-R whitespace
    collapse, Metaspace, ``<s> $A </s>``."""
    from tokenizers import AddedToken, Regex, Tokenizer, models, normalizers, pre_tokenizers, processors

    vocab = [(piece, float(score)) for piece, score in zip(pieces, scores)]
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=special["unk"], byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(precompiled_charsmap(norm_map)), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = pieces[special["bos"]], pieces[special["eos"]]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", special_tokens=[(bos, special["bos"]), (eos, special["eos"])],
    )
    specials = [pieces[i] for i in (special["bos"], special["pad"], special["eos"], special["unk"])]
    if "<mask>" in pieces:
        specials.append("<mask>")
    tokenizer.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tokenizer
