"""Read an input document as UTF-8 text, refusing what is not a text file with a clear reason."""

from __future__ import annotations

from pathlib import Path

from ingest.errors import CorpusError

_SNIFF_BYTES = 8192


def read_text(path: Path) -> str:
    """Return the document's text (BOM removed, newlines normalized to ``\\n``).

    Raises:
        CorpusError: the path is missing, a directory, empty, binary or not UTF-8;
            the message names the file and, for encoding problems, the line and byte.
    """
    if not path.exists():
        raise CorpusError(f"{path}: no such file (pass a UTF-8 .txt or .md file)")
    if path.is_dir():
        raise CorpusError(f"{path}: is a directory, not a file (pass the text files inside it)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not data:
        raise CorpusError(f"{path}: empty file (0 bytes); nothing to ingest")
    nul = data.find(b"\x00", 0, _SNIFF_BYTES)
    if nul >= 0:
        raise CorpusError(
            f"{path}: looks binary (NUL byte at offset {nul}); planqa ingests UTF-8 text or Markdown"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start : exc.start + 1].hex()
        raise CorpusError(
            f"{path}: not valid UTF-8 ({exc.reason}: byte 0x{bad} at line {line}, column {column}, "
            f"offset {exc.start}); re-save the file as UTF-8 (e.g. iconv -f SHIFT_JIS -t UTF-8)"
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CorpusError(f"{path}: contains only whitespace; nothing to ingest")
    return text
