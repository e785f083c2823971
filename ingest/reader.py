"""Read an input document as UTF-8 text, refusing what is not a text file with a clear reason."""

from __future__ import annotations

from pathlib import Path

from planqa.errors import CorpusError
from planqa.io import decode_utf8, read_bounded
from planqa.limits import Limits

_SNIFF_BYTES = 8192


def read_text(path: Path, limit: int | None = None) -> str:
    """Return the document's text (BOM removed, newlines normalized to ``\\n``).

    Raises:
        CorpusError: the path is missing, not a regular file (directory, FIFO, device), over
            ``limit`` bytes (default `Limits.max_corpus_file_bytes`), empty, binary or not UTF-8;
            the message names the file and, for encoding problems, the line and byte.
    """
    limit = Limits().max_corpus_file_bytes if limit is None else limit
    data = read_bounded(path, limit, CorpusError, what="text file")
    if not data:
        raise CorpusError(f"{path}: empty file (0 bytes); nothing to ingest")
    nul = data.find(b"\x00", 0, _SNIFF_BYTES)
    if nul >= 0:
        raise CorpusError(
            f"{path}: looks binary (NUL byte at offset {nul}); planqa ingests UTF-8 text or Markdown"
        )
    text = decode_utf8(data, Path(path), CorpusError)
    if not text.strip():
        raise CorpusError(f"{path}: contains only whitespace; nothing to ingest")
    return text
