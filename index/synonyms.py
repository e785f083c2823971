"""Synonym groups from the Sudachi dictionary, a lexical field where different words meet.

Citizens and the plan name the same thing differently: 引っ越し / 転居, ネット / インターネット,
パソコン / PC. Sudachi's system dictionary (``sudachidict_small``, a PyPI wheel that ships its
dictionary: nothing is downloaded at run time) gives many words the IDs of the synonym groups they
belong to. (The small dictionary, not ``core``: core also joins お年寄り and 高齢者 as whole words,
but loading it costs ~90 MB of server memory against ~40 MB, which broke the 1.2 GB serving budget;
retrieval measured the same on dev and citizen_dev, one held-out test question less.) Each ID becomes a token (``g13456``) of the ``synonym`` field, scored by BM25 like
the other lexical fields, so a question and a passage that share a group meet without a hand-written
list. (Sudachi's separate synonym *file* — what ``chikkarpy`` reads — is downloaded at build time
and is not used.)
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache

# Sudachi refuses inputs over 49,149 bytes; 4,096 characters are at most 16 KiB of UTF-8.
PIECE_CHARS = 4096
# One tokenizer per process, used under a lock (the server answers two requests at once).
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _tokenizer():
    from sudachipy import Dictionary  # loaded on first use, never at import time

    return Dictionary(dict="small").tokenizer()


def synonym_groups(text: str) -> list[str]:
    """The synonym-group tokens of ``text``'s words (longest units, Sudachi's mode C), in order.

    >>> synonym_groups("引っ越し") == synonym_groups("転居")  # doctest: +SKIP
    True
    """
    from sudachipy import SplitMode

    from index.analyzer import mecab_pieces  # the same cutting of long texts, at break characters

    normalized = unicodedata.normalize("NFKC", text)
    tokens: list[str] = []
    for piece in mecab_pieces(normalized, PIECE_CHARS):
        if not piece.strip():
            continue
        with _LOCK:
            morphemes = [m.synonym_group_ids() for m in _tokenizer().tokenize(piece, SplitMode.C)]
        tokens.extend(f"g{group}" for groups in morphemes for group in groups)
    return tokens
