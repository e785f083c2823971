"""File I/O shared by every stage: bounded reads that refuse FIFOs, devices and oversized files,
UTF-8 decoding with a precise error, JSON Lines that split only on ``\\n``, and atomic writes
(a temp file or folder in the same directory, renamed into place) so a failed run never leaves a
half-written output.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator

from planqa.errors import InputFileError, OutputError, PlanqaError

STALE_TEMP_SECONDS = 600.0  # temp files of killed runs older than this are removed; younger ones may be live


def _human(size: int) -> str:
    return f"{size / (1 << 20):.1f} MiB" if size >= 1 << 20 else f"{size:,} bytes"


def read_bounded(path: Path, limit: int, error: type[PlanqaError] = InputFileError, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    FIFOs, devices (``/dev/zero``), sockets and directories are refused before anything is read,
    so nothing hangs and nothing reads without bound; a symlink loop is named as such.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise error(f"{path}: {_reason(exc, what)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise error(f"{path}: is a directory, not a {what}")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        raise error(f"{path}: is {kind}, not a regular {what}")
    if info.st_size > limit:
        raise error(f"{path}: {_human(info.st_size)} is over the {_human(limit)} limit for a {what}")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(f"{path}: {_reason(exc, what)}") from None
    if len(data) > limit:  # the file grew while we read it
        raise error(f"{path}: over the {_human(limit)} limit for a {what}")
    return data


def _reason(exc: OSError, what: str) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the path points back to itself)"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is not a directory"
    if exc.errno == errno.EACCES:
        return "permission denied"
    if exc.errno == errno.EEXIST:
        return "a file stands where a folder is needed"
    return f"cannot be read ({exc.strerror or exc})"


def decode_utf8(data: bytes, path: Path, error: type[PlanqaError] = InputFileError) -> str:
    """UTF-8 text (BOM removed, newlines normalized to ``\\n``); a bad byte is named by line and column."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start : exc.start + 1].hex()
        raise error(
            f"{path}: not valid UTF-8 ({exc.reason}: byte 0x{bad} at line {line}, column {column}, "
            f"offset {exc.start}); re-save the file as UTF-8 (e.g. iconv -f SHIFT_JIS -t UTF-8)"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path: Path, limit: int, error: type[PlanqaError] = InputFileError, what: str = "file") -> str:
    """`read_bounded` + `decode_utf8`."""
    return decode_utf8(read_bounded(path, limit, error, what), Path(path), error)


def iter_jsonl(text: str, where: str, error: type[PlanqaError], max_line_bytes: int) -> Iterator[tuple[int, Any]]:
    """``(line number, value)`` for each non-blank line of JSON Lines text.

    Lines end at ``\\n`` only: U+2028, U+0085 and other characters that ``str.splitlines`` treats
    as line breaks are valid inside JSON strings (``ensure_ascii=False`` writes them raw).
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if len(line) > max_line_bytes or len(line.encode("utf-8", "surrogatepass")) > max_line_bytes:
            raise error(f"{where}:{number}: line is longer than the {_human(max_line_bytes)} limit")
        try:
            yield number, json.loads(line)
        except RecursionError:
            raise error(f"{where}:{number}: JSON nested too deeply") from None
        except ValueError as exc:
            raise error(f"{where}:{number}: not valid JSON ({exc.args[0]})") from None


@contextmanager
def atomic_writer(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write ``path`` through a temp file in the same folder, fsync it and rename it into place.

    On any error the temp file is removed and ``path`` keeps its previous content.
    """
    path = Path(path)
    encoding = None if "b" in mode else "utf-8"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(path.parent, f".{path.name}.*.tmp")
        handle = tempfile.NamedTemporaryFile(mode, encoding=encoding, dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp", delete=False)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({_reason(exc, 'folder')}: {exc.filename or path.parent}); "
                          "choose a writable folder") from None
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    with atomic_writer(path) as handle:
        handle.write(text)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path, "wb") as handle:
        handle.write(data)


def remove_stale_temps(folder: Path, pattern: str, older_than_s: float = STALE_TEMP_SECONDS) -> None:
    """Remove leftovers of killed runs matching ``pattern``; only old ones, so a live writer is never disturbed."""
    now = time.time()
    for stale in folder.glob(pattern):
        try:
            if now - stale.lstat().st_mtime > older_than_s:
                shutil.rmtree(stale) if stale.is_dir() and not stale.is_symlink() else stale.unlink()
        except OSError:
            pass


@contextmanager
def staging_folder(target: Path) -> Iterator[Path]:
    """An empty folder beside ``target`` (``.{name}.tmp-XXXXXXXX``) to build into; removed if the block fails.

    The caller publishes it (`replace_folder`, or the index's generation link) before the block ends.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({_reason(exc, 'folder')}); choose a writable folder") from None
    staging.chmod(0o755)
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def replace_folder(staging: Path, target: Path) -> None:
    """Move a finished ``staging`` folder to ``target``, replacing what was there (two renames)."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def read_tsv(text: str, columns: int = 2) -> list[tuple[str, ...]]:
    """Rows of a small tab-separated table (``#`` comments and blank lines skipped, cells stripped)."""
    rows = []
    for line in text.split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if len(cells) != columns:
            raise ValueError(f"expected {columns} tab-separated cells, got {len(cells)}: {line[:60]!r}")
        rows.append(cells)
    return rows
