"""The extractive, offline answer composer: every sentence is built from retrieved plan fields
and carries a ``[n]`` citation to the hit it came from. Nothing is generated or invented."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from bot.answer import GOALS, LISTED, Answer, Citation, not_in_plan
from bot.config import AnswerSettings, Relevance
from bot.program_facts import asks_broadly
from bot.quote import CARDINAL, DATE, NUMBER, ORDINAL_ASKED, best_sentence, split_sentences
from index.analyzer import compound_heads, fold, reading, topic_compounds, topic_nouns, unspaced_letters
from index.document import spoken_text
from index.hit import Hit
from index.intent import YEAR, asks_by_when, asks_what_is_done, asks_what_it_does, asks_where_or_when
from index.query import Query
from index.ranker import asks_about_the_past, asks_what_was_done_before, told_in_the_past
from index.respell import written_in_kana
from index.retrieve import compact
from index.units import (
    QUANTITIES,
    counts_in,
    measured_noun,
    names_the_counted,
    states_the_period,
    states_unit,
    unit_figure,
)
from index.unstated import (
    CLAUSED,
    NAMELESS_NOUNS,
    asked_before,
    condition_of,
    covers,
    standing_veto,
    subject_of,
    ward_nouns,
)
from ingest.chunk import Chunk
from ingest.display import departments_text, measure_text, where
from ingest.profile import PlanProfile

# What an abstention names as missing, per fact type (`index.unstated.UNSTATED_FACTS`, and a figure).
_FACT_JA = {
    "fee": "料金・手数料",
    "hours": "開館・受付時間",
    "own_case": "個々の場所・施設ごとの実施時期",
    "schedule": "日程・収集日・締め切り",
    "phone": "電話番号・メールアドレス・URL",
    "participants": "参加者・構成員",
    "capacity": "定員・収容人数",
    "person": "出演者・役職者などの人物名",
    "lending": "貸し出し・レンタル",
    "days": "開庁日・営業日や夜間の対応",
    "business": "お店・宿・販売場所の案内やおすすめ",
    "access": "住所・交通・駐車場",
    "location": "場所・会場",
    "subsidy": "お尋ねの補助・助成・謝礼",
    "mishap": "紛失・期限切れなど個別の場合の対処法",
    "online": "お尋ねの手続きをオンライン（ネット・スマホ）でできるかどうか",
    "counter": "手続きの窓口・行き先",
    "procedure": "手続きの方法や個別の対処法",
    "permission": "利用のきまり（してよいこと・いけないこと）",
    "handout": "お尋ねの物の配布・交付",
    "documents": "手続きに必要な書類・持ち物",
    "reservation": "予約の要否",
    "weather": "天候による開催・中止",
    "names": "個別の名称（会社・団体・自治体・製品・品種・言語など）",
    "eligibility": "参加・利用できる人の条件",
    "sorting": "ごみの分別・出し方",
    "language": "外国語・手話での対応",
    "jobs": "採用・求人の情報",
    "results": "これまでの実績・効果",
    "award": "表彰・賞・大会の結果",
    "choice": "利用する側が選べるかどうか",
    "payment": "支払い方法",
    "liability": "責任の所在・補償",
    "budget": "予算・事業費",
    "spending": "集めた・節約したお金の使い道",
    "selection": "選考・選定の方法や基準",
    "pay": "職員の給与・人数・雇用形態",
    "equipment": "利用に必要な機器・通信環境",
    "amenities": "会場の設備（Wi-Fi・授乳室・車いすでの利用など）",
    "appearance": "品物の色・大きさ",
    "limit": "数量・重さなどの上限",
    "credentials": "職員・担当者の資格や性別などの属性",
    "licence": "許可・免許の取り方",
    "nearby": "お住まいの近くなど個々の場所",
    "visit": "見学・傍聴の受け入れ",
    "benefit": "参加・利用する人が得られる特典や有利さ",
    "opinion": "評判や個人の感想・意見",
    "live": "現在の待ち時間・混雑・稼働状況などの最新状況",
    "construction": "新しい施設・駅・道路などの建設予定",
    "ranking": "順位・人気やおすすめ、区・施設どうしの比較",
    "privacy": "相談内容や個人情報の扱い",
    "validity": "カードや書類の有効期限・更新時期",
    "edition": "冊子・地図などの版や改訂の時期",
    "publication": "公開・公表されているかどうか",
    "mail": "郵送・配送",
    "condition": "お尋ねの条件（場合・方法）",
    "definition": "用語の説明（定義）",
    "figure": "お尋ねの数値",
    "date": "開始時期",
}
_FACT_EN = {
    "fee": "fees or prices",
    "hours": "opening hours",
    "own_case": "timing for a particular street, school or facility",
    "schedule": "dates or schedules",
    "phone": "phone numbers, e-mail or web addresses",
    "participants": "who takes part or sits on it",
    "capacity": "how many people it takes (capacity)",
    "person": "names of the people involved (performers, officials, staff)",
    "lending": "lending or rental terms",
    "days": "opening days or night-time service",
    "business": "shops, inns or sales outlets, or recommendations of them",
    "access": "addresses, directions or parking",
    "location": "where it is located or held",
    "subsidy": "any subsidy, grant or payment for what you asked",
    "mishap": "what to do in a case such as a loss or a missed deadline",
    "online": "whether the thing asked about can be done online",
    "counter": "which counter or office handles a procedure",
    "procedure": "how-to steps for a procedure or a personal situation",
    "permission": "rules on what is allowed",
    "handout": "whether what you asked for is handed out",
    "documents": "required documents for procedures",
    "reservation": "booking requirements",
    "weather": "bad-weather arrangements for events",
    "names": "names of particular companies, bodies, towns, products, varieties or languages",
    "eligibility": "eligibility conditions (who may take part or use it)",
    "sorting": "rubbish-sorting rules",
    "language": "service in other languages or sign language",
    "jobs": "jobs or recruitment",
    "results": "results achieved so far",
    "award": "awards, commendations or contest winners",
    "choice": "whether users may choose",
    "payment": "payment methods",
    "liability": "liability or compensation",
    "budget": "budgets or spending",
    "spending": "what money raised or saved is spent on",
    "selection": "how people or entries are selected",
    "pay": "staff pay, numbers or employment terms",
    "equipment": "devices or connections users need",
    "amenities": "what the venue offers (Wi-Fi, a nursing room, wheelchair access)",
    "appearance": "what an item looks like (colour, size)",
    "limit": "limits on quantity or weight",
    "credentials": "staff qualifications or who the staff are",
    "licence": "permits or licences and how to get them",
    "nearby": "which place is near you",
    "visit": "visits, tours or sitting in",
    "benefit": "perks or advantages for those who take part",
    "opinion": "reviews, feelings or personal opinions",
    "live": "live status such as today's waiting times or outages",
    "construction": "plans to build a new facility, station or road",
    "ranking": "rankings, popularity, recommendations or comparisons between wards or facilities",
    "privacy": "how what you tell them or your personal data is handled",
    "validity": "how long cards or documents stay valid or when to renew them",
    "edition": "which edition of a booklet or map is current, or when it was revised",
    "publication": "whether it is made public",
    "mail": "sending by post or delivery",
    "condition": "information on the condition you asked about",
    "definition": "a definition of that term",
    "figure": "the figure you asked for",
    "date": "a start date",
}


class Cites:
    """Numbers hits in order of first citation (the same passage, the same number)."""

    def __init__(self) -> None:
        self.order: list[Hit] = []

    def n(self, hit: Hit) -> int:
        for i, seen in enumerate(self.order, start=1):
            if seen.chunk.id == hit.chunk.id:
                return i
        self.order.append(hit)
        return len(self.order)

    def citations(self) -> tuple[Citation, ...]:
        return tuple(Citation(i, hit) for i, hit in enumerate(self.order, start=1))


def cite(sentence: str, n: int) -> str:
    """Put ``[n]`` before the sentence's final 。/. (or at its end)."""
    sentence = sentence.strip()
    for end in ("。", "."):
        if sentence.endswith(end):
            return f"{sentence[: -len(end)]} [{n}]{end}"
    return f"{sentence} [{n}]"


def sentences(text: str, limit: int = 2) -> str:
    """The first ``limit`` sentences of a passage (footnote numbers removed, lines joined)."""
    return "".join(split_sentences(text)[:limit])


def _asked_figure_missing(question: str, intent, chunk: Chunk) -> bool:
    """Whether ``chunk``, answering a figure ``question``, lacks the asked figure: one of another thing, its
    target asked or not (「町内会 加入率 目標」 answered by the funded bodies' 達成度); or, a number asked, no number
    at all (利回りはどれくらい？ of a target 「検討」), none in the asked unit (何日以内 answered by a target in %), or
    one of other people (LINEの登録者数 answered by a training's 受講者数), or one counted over no such period as
    asked (「一日何人来るの？」 answered by a cumulative 累計交付人数)."""
    if not _names_the_measured(question, chunk, intent.measured):
        return True
    if intent.wants_number and not states_the_period(question, _row_texts(chunk)):
        return True
    return intent.wants_number and not _aims_at_a_word(intent, chunk) and (
        not _states_a_number(chunk) or not _states_asked_unit(chunk, intent.unit)
        or not names_the_counted(question, (chunk.text, chunk.indicator or "")))


def _row_texts(chunk: Chunk) -> tuple[str, ...]:
    """An initiative's indicator and its values (a chunk without a row: its text)."""
    if chunk.indicator is None:
        return (chunk.text,)
    return (chunk.indicator, *_measure_values(chunk))


def _names_the_measured(question: str, chunk: Chunk, english: tuple[str, ...] = ()) -> bool:
    """Whether ``chunk`` names what a figure ``question`` counts or measures by its word (`measured_noun`: 加入
    of 加入率, 待機児童 of 待機児童数), half of its nouns at least; of an English question, one part of it in the
    plan's words (``english``, `Intent.measured`: "online applications" are not the card centre's 交付人数);
    True when it names no such thing."""
    written = f"{chunk.title} {spoken_text(chunk)} {chunk.indicator or ''}"
    if english:
        return any(word in written for part in english for word in part.split("|"))
    measured = measured_noun(question)
    return measured is None or covers(written, tuple(topic_nouns(measured)) or (measured,))


def _naming_the_counted(question: str, close: list[Hit]) -> list[Hit]:
    """Of the passages ``close`` to the best (or all retrieved), those that name what a figure ``question`` is
    about, when the first names none of it (「ストップマークって何枚もらえる？」: the ward's initiative handing out
    the marks, not the paper-saving target in 枚 that ranks beside it); none when the first names some of it
    (「ネットで済む手続き」 is the plan's オンライン化, not the bulky-rubbish target that names インターネット)."""
    about = tuple(topic_compounds(YEAR.sub("", question), NAMELESS_NOUNS | {"目標"}))  # 「令和9年度は？」: a time
    if not close or any(covers(spoken_text(close[0].chunk), (noun,)) for noun in about):
        return []
    return [hit for hit in close if covers(spoken_text(hit.chunk), about)]


# What a question asks for things besides (「RPA以外に何してる？」, 「ネーミングライツ以外にも」): a word of two letters
# or more written before 以外.
_BESIDES = re.compile(r"([A-Za-z0-9ァ-ヺー\u3400-\u9fff々]{2,})以外")


def _besides(question: str) -> str | None:
    found = _BESIDES.search(question)
    return found.group(1) if found else None


def _choose_lead(intent, hits: list[Hit], relevance: Relevance, settings: AnswerSettings, question: str = "",
                 frame: str = "", topic: Chunk | None = None, searched: str = "") -> Hit:
    """The passage the answer leads with. ``frame``: the question an elliptical follow-up keeps the frame of;
    ``topic``: the passage a follow-up is asked of; ``searched``: the question as searched (an English one
    with the plan's words)."""
    top = hits[0]
    if topic is not None and top.chunk.id == topic.id and intent.kind == "figure" and topic.indicator and \
            intent.unit is None and not _states_a_number(topic):
        # 「どのくらいやってるの？」 of the naming-rights initiative (its target: 増加): its own row, said to state no
        # number — not another initiative's that states any (one in the unit asked, "How many hours will that
        # save?" after 生成AI, may be what the conversation was after: RPA's 40,000時間)
        return top
    candidates = hits[: settings.lead_candidates]
    # close to the best, and relevant in its own right (a figure question's unit must not lift an unrelated
    # passage that states it: 「予防接種、市の助成で何円？」 → the corporate-donation target in 千円)
    best = relevance.score(top)
    floor = max(best - settings.lead_margin, min(relevance.threshold, best))
    close = [h for h in candidates if relevance.score(h) >= floor]
    preferred = {
        "definition": lambda c: c.kind == "glossary",
        # (or, a unit asked, a passage whose text states a number in it: 「4つの事業に取り組みました」 of a ward's
        # review answers "how many projects did it run")
        "figure": lambda c: (c.indicator is not None or intent.unit is not None)
        and _states_asked_unit(c, intent.unit) and (not intent.wants_number or _states_a_number(c)),
        "department": lambda c: bool(c.departments),
        "ward": lambda c: c.ward == intent.ward,
    }.get(intent.kind)
    if intent.ward and intent.kind != "ward":
        in_ward = [h for h in close if h.chunk.ward == intent.ward]
        close = in_ward or close
    if intent.kind == "figure" and intent.language != "en" and topic is None and not frame:
        close = _naming_the_counted(question, close) or close
    if (besides := _besides(question)) and close and besides in close[0].chunk.title:
        # 「ネーミングライツ以外にも何かある？」: what the asker already knows of is not the answer
        close = [h for h in close if besides not in h.chunk.title] or close
    if (named := _naming_its_title(question, candidates, relevance)) is not None:
        return named  # 「環境にやさしいまちづくり 所管」: the look-up quotes the initiative, stating a department or not
    if (named := _naming_its_indicator(question, candidates, relevance)) is not None:
        return named  # 「オンラインカバー率の2027年の目標値」: the look-up names the indicator itself
    if intent.ward is None and _CITYS_AIM.search(question) and (aimed := next(
            (h for h in close if h.chunk.kind == "narrative" and h.chunk.title.endswith(_AIMED_SELF)), None)):
        return aimed  # (was the review of the city's reforms, naming 市役所 more often)
    lead = close[0] if close else top
    if lead.chunk.kind == "narrative" and lead.chunk.title.endswith(_REVIEWED) and \
            _COMPLAINT_OR_FUTURE.search(question) and not asks_about_the_past(question):
        # 「区役所で待たされるのが嫌」, 「区役所の手続きって、どんどんネットでできるようになるの？」: a chapter's review
        # recounts what was done and what is at issue; the initiative acting on it answers
        acting = next((h for h in candidates if h.chunk.kind == "initiative"
                       and relevance.score(h) >= relevance.threshold), None)
        lead = acting or lead
    if lead.chunk.kind == "initiative" and lead.chunk.parent and asks_broadly(question) and (program := next(
            (h for h in candidates if h.chunk.id == lead.chunk.parent
             and relevance.score(h) >= relevance.threshold), None)) is not None:
        return program  # 「窓口を便利にする取組をまとめて教えて」: the program the best initiative belongs to, listing them
    if lead.chunk.kind in ("initiative", "narrative") and lead.chunk.ward and \
            asks_what_was_done_before(question) and not told_in_the_past(lead.chunk.text):
        # 「南区の芸術祭、前にやってたよね？」: the ward's review of its previous plan recounts what was done, its
        # current initiative only plans it (and its current goal, 「西区は前の計画でどんな方針でやってたの？」)
        told = next((h for h in close if h.chunk.kind == "narrative" and h.chunk.ward == lead.chunk.ward
                     and told_in_the_past(h.chunk.text)), None)
        if told is not None:
            return told
    if preferred is None:
        asked = (question, frame)
        done = any(asks_what_is_done(text) for text in asked)
        where_or_when = any(asks_where_or_when(text) for text in asked) and not (
            asks_by_when(question) and DATE.search(top.chunk.text))
        if lead is top and top.chunk.kind == "glossary" and (done or where_or_when):
            # whether the city does or uses what a term names (「成果が出たら払う契約ってやってるの？」, "is the city
            # using generative AI?"), or where or when (「書かない窓口ってどこの区役所で始まるの？」): the
            # initiative that uses the term says so, its definition does not — unless it states its own date,
            # asked by when
            # (looked for among all the hits after the candidates: "Is the city using robots for paperwork?"
            # finds the definition of RPA first, the initiative using it sixth)
            return _using_the_term(top, hits, candidates, _no_term) or \
                _using_the_term(top, hits, hits, _no_term) or lead
        return lead
    if intent.kind == "definition" and (term := _asked_term(question)) and \
            not _writes(lead.chunk, term) and \
            (naming := next((h for h in close if _writes(h.chunk, term)), None)) is not None and \
            not any(link.chunk_id == lead.chunk.id for link in naming.chunk.glossary):
        # 「清田区の健康ポイントって何？」: the review that names 「きよっち健康ポイント」, not the health initiative (but
        # 「CUDってなに？」 is defined by the glossary entry the passage writing CUD cites)
        return naming
    fitting = next((hit for hit in close if preferred(hit.chunk)), None)  # only when close to the best
    if intent.kind == "definition" and intent.language == "en" and fitting is not None and \
            fitting is not lead and \
            not set(topic_nouns(fitting.chunk.term or fitting.chunk.title)) & set(topic_nouns(searched)):
        # "What is the Sapporo metropolitan area partnership?": not 出資団体's definition, close to the best but
        # naming nothing the question was searched with
        fitting = None
    if intent.kind == "definition" and fitting is not None and fitting is not lead and \
            _quotes_a_latin_name(question, lead.chunk) and not _quotes_a_latin_name(question, fitting.chunk):
        # "What is Team Sapporo-Hokkaido?": the initiative whose title names it, not チーム's definition
        return lead
    if fitting is None and top.chunk.kind == "glossary" and intent.kind in ("department", "figure") and not (
            asks_by_when(question) and DATE.search(top.chunk.text)):
        # a term's definition states no department or target: the initiative that uses the term does, or
        # one under the program that does (「ネーミングライツの部署は？」 → the naming-rights initiative);
        # but a definition that states its own date answers "by when" (「システム標準化っていつまでに？」:
        # 「移行目標時期は令和7年度末まで」)
        fitting = _using_the_term(top, hits, candidates, preferred)
    return fitting if fitting is not None else lead


# The term a definition question asks of (「清田区の健康ポイントって何？」 → 健康ポイント): the words before って or
# とは, after their last の, at least `_ASKED_TERM` characters, not all hiragana and not all Latin letters.
_TERM_ASKED = re.compile(r"([^\s、。？?！!「」]+?)\s*(?:って|とは)")
_ASKED_TERM = 3


def _writes(chunk: Chunk, term: str) -> bool:
    """Whether ``chunk`` writes ``term``, spaces and letter case aside (the glossary's 「デジタルC o E」, as the PDF
    spaces it, writes the asked 「デジタルCOE」)."""
    return compact(term).casefold() in compact(spoken_text(chunk)).casefold()


def _asked_term(question: str) -> str | None:
    found = _TERM_ASKED.search(question)
    term = found.group(1).rsplit("の", 1)[-1] if found else ""
    # (an abbreviation no glossary entry defines is told undefined, the passage naming it shown: 「PFIってなに？」)
    plain = len(term) < _ASKED_TERM or re.fullmatch(r"[ぁ-ゖー]+", term) or term.isascii()
    return None if plain else term


# A name written in Latin letters (Team-Sapporo Hokkaido, Meet for the Next): a run of its words, compared
# without case, spaces or hyphens, at least this long.
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_LATIN_NAME_LETTERS = 6


def _quotes_a_latin_name(question: str, chunk: Chunk) -> bool:
    """Whether ``chunk``'s title writes a run of the question's Latin-letter words at least
    `_LATIN_NAME_LETTERS` letters long ("What is Team Sapporo-Hokkaido?" of the title 「…(Team-Sapporo
    Hokkaido の設置)」)."""
    title = re.sub(r"[\s\-]", "", chunk.title).casefold()
    words = [word.casefold() for word in _LATIN_WORD.findall(question)]
    return any(len(run) >= _LATIN_NAME_LETTERS and run in title
               for start in range(len(words)) for end in range(start + 1, len(words) + 1)
               if (run := "".join(words[start:end])))


# An initiative's or program's title this long, written whole in a question, is the passage asked about; so is
# one whose letters besides hiragana (自然体験推進 of 自然体験の推進) run this long, written without its particles.
_QUOTED_TITLE = 8
_QUOTED_BARE = 6
# ... or one whose reading this long the question's reading runs (a title asked in kana, or another spelling).
_QUOTED_READING = 10


def _naming_its_title(question: str, candidates: list[Hit], relevance: Relevance) -> Hit | None:
    """The relevant initiative or program among ``candidates`` whose whole title (at least `_QUOTED_TITLE`
    characters) the question writes, the longest such — or else, the question's and the titles' hiragana
    left out, whose title's other letters (at least `_QUOTED_BARE`) it writes in a run, or else whose reading
    (at least `_QUOTED_READING` kana) its reading runs; the longest, the best ranked of equals:
    「緑あふれるまちづくり 所管」, 「地域課題解決サポート 所管」 and 「みどりあふれるまちづくり しょかん」 ask 西区's
    initiatives, which name no department, not a passage that does (a department or figure asked otherwise
    prefers those). A glossary term is not quoted so: it is the subject of questions about what uses it."""
    quotable = [hit for hit in candidates if hit.chunk.kind in ("initiative", "program")]
    for spell, least in ((compact, _QUOTED_TITLE), (_bare, _QUOTED_BARE), (reading, _QUOTED_READING)):
        asked, spelt = spell(question), {hit.chunk.id: spell(hit.chunk.title) for hit in quotable}
        quoted = [hit for hit in quotable
                  if len(spelt[hit.chunk.id]) >= least and spelt[hit.chunk.id] in asked]
        if quoted:
            hit = max(quoted, key=lambda found: len(spelt[found.chunk.id]))
            return hit if relevance.score(hit) >= relevance.threshold else None
    return None


def _bare(text: str) -> str:
    """``text`` without its spaces and hiragana (自然体験の推進 -> 自然体験推進)."""
    return _HIRAGANA.sub("", compact(text))


# A run of the question with this many characters besides hiragana, found in one candidate's indicator and in no
# other candidate, names it (six: 「タブレット」 of 「タブレット端末の導入を含む業務効率化」 is one everyday word).
_INDICATOR_RUN = 6
_HIRAGANA = re.compile(r"[ぁ-ゖ]")
_EDGE_PARTICLES = re.compile(r"^[ぁ-ゖ]+|[ぁ-ゖ]+$")


def _naming_its_indicator(question: str, candidates: list[Hit], relevance: Relevance) -> Hit | None:
    """The relevant candidate whose indicator the question names: the longest run of the question found in an
    indicator (「オンラインカバー率」 of 「札幌市の行政手続におけるオンラインカバー率」), at least `_INDICATOR_RUN`
    characters besides hiragana and more than one word, longer than any other candidate's, and written in no
    other candidate, letter case aside (「マイナンバーカード」, named by many passages, names none; nor 「デジタルCOE」, the
    glossary's 「デジタルC o E」)."""
    asked = compact(question)
    runs = []
    for hit in candidates:
        indicator = compact(hit.chunk.indicator or "")
        if not indicator:
            continue
        match = SequenceMatcher(None, indicator, asked, autojunk=False).find_longest_match()
        # (a particle at either end is no part of the name: 「行政評価制度の意味」 names the term, written in other
        # candidates too, not the indicator 「行政評価制度の効果的な運用」)
        run = _EDGE_PARTICLES.sub("", indicator[match.a:match.a + match.size])
        size = len(_HIRAGANA.sub("", run))  # 「た業務改善」, 「の窓口に行け」: particles do not count
        # (one word is no indicator's name: 「プロジェクト」 of 「…再エネで北海道にお金を呼び込むプロジェクトってある？」)
        if size >= _INDICATOR_RUN and len(topic_nouns(run)) > 1:
            runs.append((size, run, hit))
    if not runs:
        return None
    runs.sort(key=lambda found: -found[0])
    size, run, hit = runs[0]
    if len(runs) > 1 and runs[1][0] >= size - 1:
        return None
    if any(run.casefold() in compact(spoken_text(other.chunk)).casefold()
           for other in candidates if other is not hit):
        return None
    return hit if relevance.score(hit) >= relevance.threshold else None


def _no_term(chunk: Chunk) -> bool:
    return chunk.kind != "glossary"


def _using_the_term(term: Hit, hits: list[Hit], candidates: list[Hit], preferred) -> Hit | None:
    """The first of ``candidates`` that ``preferred`` accepts and that cites the glossary ``term`` (its footnote
    in the passage, or in the program above it) or names it (「…「書かない窓口」機能の実現に向けた検討を行います」: the
    footnote is on an earlier page's mention)."""
    named = unspaced_letters(term.chunk.term or "")  # (the extraction spaces some: 「E B P Mの観点から」)
    uses = {h.chunk.id for h in hits if any(link.chunk_id == term.chunk.id for link in h.chunk.glossary)
            or named and h.chunk.id != term.chunk.id and named in unspaced_letters(h.chunk.text)}
    return next((h for h in candidates if preferred(h.chunk) and (h.chunk.id in uses or h.chunk.parent in uses)), None)


def _term_stating(fact: str, hits: list[Hit], settings: AnswerSettings, subject: tuple[str, ...],
                  question: str, searched: str = "") -> Hit | None:
    """A glossary entry among the lead candidates that defines a term the best passage cites or names and that
    speaks of the asked ``fact`` the best passage does not state, or None — when the question is about the
    best passage (its ``subject`` all named there: a follow-up's is the topic's title) or names the term (「パス
    ポートも受け取れる？」 of the card centre is not answered by its definition's 受け取り, nor 「児童会って何歳まで
    使えるの？」 by 子ども議会's 小学4年生から). An English question names the term in the plan's words it was
    ``searched`` with ("What grades can join the children's assembly?": 子ども議会)."""
    lead = hits[0]
    if lead.chunk.kind == "glossary":
        return None
    told = fold(spoken_text(lead.chunk))
    about_lead = all(fold(word) in told for word in subject)
    linked = {link.chunk_id for link in lead.chunk.glossary} | {
        hit.chunk.id for hit in hits if hit.chunk.term and len(hit.chunk.term) > 2 and hit.chunk.term in lead.chunk.text}
    for hit in hits[1: settings.lead_candidates]:
        term = hit.chunk.term
        if hit.chunk.kind != "glossary" or hit.chunk.id not in linked:
            continue
        if (about_lead or term and fold(term) in fold(f"{question} {searched}")) and \
                standing_veto(fact, [spoken_text(hit.chunk)], (), question) is None:
            return hit
    return None


def _passage_speaks_of(query: Query, lead: Hit, hits: list[Hit], profile: PlanProfile) -> bool:
    """Whether a ward's narrative passage (its overview, 2019 review or goal) names anything the
    question is about besides the ward: one of the question's topic nouns among those of the
    passage's title and retrieved paragraphs. A ward's name lifts all its passages, and an overview
    speaks of everything in the ward a little, so its relevance alone cannot tell 「西区の保育園の空き
    状況」 (nothing in the overview) from 「清田区ってどれくらい緑が多いの？」 (緑 is there). English
    and kana-written questions are not judged (their nouns do not meet the plan's spelling), nor is a
    question naming only the ward (「豊平区ってどんなところ？」, 「清田区ってどのへん？」) or asking what it aims at
    (`_asks_the_wards_aims`: 「豊平区ってどんなまちを目指してるの？」); the plan's own
    name for what the question calls otherwise (`Query.plan_terms`) counts as named."""
    if query.language == "en" or written_in_kana(query.text) or _asks_the_wards_aims(query, profile):
        return True
    subject = _ward_question_nouns(query.text, profile)
    if all(noun in _LISTING_NOUNS for noun in subject) or _asks_what_the_ward_is_like(query, profile):
        # 「清田区の取組は？」, 「西区の事業を一覧で」: the ward's initiatives as such; 「南区の特徴は？」: the ward itself
        return True
    parts = [h.chunk.text for h in hits if h.chunk.title == lead.chunk.title and h.chunk.ward == lead.chunk.ward]
    passage = " ".join([lead.chunk.title, *parts])
    if any(term in passage for term in query.plan_terms):  # 「前回の計画」 searched as 「アクションプラン 2019」
        return True
    if query.intent.ward is None:
        # a question naming no ward at all (「全部の駅にエレベーターってある？」) found a ward's overview only by its
        # words: it must speak of most of what is asked, as a veto's passage must (`covers`)
        return covers(passage, tuple(subject))
    named = set(topic_nouns(passage))
    # (a word typed in kana counts as named in the plan's spelling it was searched with: 「清田区 じしんの ひがい
    # さとづか」 searched as 被害, 里塚)
    read = _ward_question_nouns(query.search_text, profile) if query.search_text != query.text else []
    # (a katakana word within one of the passage's: ジャズ of 「コトニジャズ」)
    return any(noun in named or re.fullmatch(r"[ァ-ヺー]{3,}", noun) and noun in passage
               for noun in (*subject, *read))


# Words placing a thing relative to another (「清田区ってどのへん？となりは？」): where the ward itself lies, no subject.
_POSITION_NOUNS = {"辺", "辺り", "隣", "隣り", "周り", "周辺", "付近", "側", "近所", "位置"}
# A person or a household as such (「清田区って若い人多いの？」, 「若い家族が多いの？」: who, the adjective tells): no
# subject a passage must name.
_PERSON_NOUNS = {"人", "方", "家族", "世帯"}


def _ward_question_nouns(question: str, profile: PlanProfile) -> list[str]:
    """What a question asks a ward's narrative passage about: its topic nouns but the wards' own, where the ward lies
    and a person as such."""
    wards = ward_nouns((*profile.wards, *profile.other_wards))
    return [noun for noun in topic_nouns(question)
            if noun not in wards and noun not in _POSITION_NOUNS and noun not in _PERSON_NOUNS]


# 「…づくり」, 「まちづくり」 as the tokenizer reads them: every goal heading's, naming none of them
_MAKING = {"作り", "町作り", "街作り"}
# Words asking for a ward's initiatives as a whole (「清田区の施策を全部教えて」), not for a subject among them.
_LISTING_NOUNS = {"取組", "取り組み", "取組み", "事業", "一覧", "全部", "全て", "すべて", "施策", "内容", "中身", "具体",
                  "主", "計画", "こと", "何", "なに", "どんな"}
# Words asking what a ward is like as a whole (「南区ってどんなまち？」, 「西区の特徴は？」, 「手稲区ってどういう地域？」): the
# ward itself, which its overview describes — no subject of their own (lemmas: まち is 町).
_CHARACTER_NOUNS = {"町", "街", "特徴", "特色", "雰囲気", "地域", "概要", "概況", "場所", "様子", "感じ", "紹介"}


# Asking what a ward aims at (「豊平区ってどんなまちを目指してるの？」, 「清田区の方針は？」), and the words of that
# question that name no subject of their own (まち is the ward itself).
_AIMS = re.compile(r"目指|めざ|目標|方針|ビジョン|将来像|将来の姿|力を入れ")
_AIM_WORDS = {"まち", "町", "街", "目標", "方針", "ビジョン", "将来", "将来像", "姿", "力", "まちづくり", "町作り", "感じ"}
# ... but its initiatives' numeric targets asked (「豊平区の目標値は？」: 目標値 is read 目標) are no aim.
_AN_INITIATIVE = re.compile(r"取組|取り組み|事業|プロジェクト")
_TARGET_FIGURES = re.compile(r"目標値|数値|指標|\b(?:targets?|indicators?)\b", re.IGNORECASE)
# A ward's goal heading (目標1:健やかに暮らせるまちづくり, 取組4:手稲区の魅力を発信する取組).
_GOAL_TITLE = re.compile(r"^(?:目標|取組)\d*[:：]")
# What kind of city hall the city means to be (「札幌市役所ってどんな市役所を目指してるの？」, "What kind of city hall does
# Sapporo want to be?"): the plan's heading for it is what it aims to be, …の目指す姿.
_CITYS_AIM = re.compile(r"(?:どんな|どういう|どのような)(?:市役所|役所|市政|行政|札幌市?|市)(?:を|に)?\s*(?:目指|めざ)|"
                        r"\bwhat (?:kind|sort) of (?:a )?(?:city hall|city government|administration|city)\b"
                        r".{0,40}\b(?:want|wants|aim|aims|trying|try|hope|hopes) to be\b", re.IGNORECASE)
_AIMED_SELF = "目指す姿"
# A chapter's review of what was done and what is at issue (行政サービスの高度化：現状と課題), and a question that
# complains of how things are or asks what will become possible: the initiatives acting on it answer that.
_REVIEWED = "現状と課題"
_COMPLAINT_OR_FUTURE = re.compile(
    r"ストレス|苦痛|しんどい|つらい|辛い|たいへん|大変|面倒|めんどう|(?<![ぁ-ん])(?:いや|嫌)(?:だ|なんだ|です)?(?:[。！!]|$)|"
    r"なんとか(?:ならない|して)|改善(?:する気|して(?:ほしい|くれ))|待たされ|"
    r"ように(?:なる|なります)(?:の|か|んですか|んでしょうか)?\s*[?？]?\s*$|これから|今後")


def _aims_asked(query: Query, profile: PlanProfile) -> list[str] | None:
    """When the question asks what the ward it names aims at (「豊平区ってどんなまちを目指してるの？」, 「南区はどんな
    方針なの？」), the other things it names (none; 「清田区の安心して暮らせる環境の目標って何するの？」: 安心, 環境), else
    None."""
    if query.language != "ja" or not query.intent.ward or not _AIMS.search(query.text):
        return None
    leave_out = ward_nouns((*profile.wards, *profile.other_wards)) | _AIM_WORDS | _LISTING_NOUNS
    return [noun for noun in topic_nouns(query.text) if noun not in leave_out]


def _asks_the_wards_aims(query: Query, profile: PlanProfile) -> bool:
    """Whether the question asks what the ward it names aims at, naming nothing else."""
    return _aims_asked(query, profile) == []


# A ward's goals asked in English ("What are Nishi ward's goals?", "What does Kiyota ward aim for?"), and the
# words that may stand beside them.
_AIMS_EN = re.compile(r"\b(?:goals?|aims?|objectives?|vision)\b|\bwants? to (?:be|become)\b", re.IGNORECASE)
_AIMS_EN_WORDS = frozenset({"what", "are", "is", "the", "s", "its", "of", "ward", "ward's", "does", "do",
                            "have", "has", "for", "at", "main", "tell", "me", "about", "please", "which",
                            "want", "wants", "to", "be", "become"})


def asks_the_wards_goals(query: Query, profile: PlanProfile) -> bool:
    """Whether the question asks for the goals of the ward it names as a whole (「豊平区の目標は？」, 「清田区はどんな
    まちを目指してるの？」, "What are Nishi ward's goals?"), naming nothing else: the ward's goal headings answer it,
    not the first one with its initiatives."""
    ward = query.intent.ward
    if not ward or query.intent.kind not in ("ward", "general", "definition", "figure") or \
            _TARGET_FIGURES.search(query.text):
        return False
    if query.language == "ja":
        return _asks_the_wards_aims(query, profile)
    english_ward = (profile.english_ward(ward) or "").lower()
    words = [word for word in re.findall(r"[a-z']+", query.text.lower())
             if word not in (english_ward, f"{english_ward}'s")]
    return bool(_AIMS_EN.search(query.text)) and all(
        _AIMS_EN.fullmatch(word) or word in _AIMS_EN_WORDS for word in words)


def ward_goals(query: Query, goals: Sequence[Chunk], profile: PlanProfile) -> Answer:
    """The goal headings of the ward ``query`` names (`asks_the_wards_goals`), in the plan's order, a cited
    line each with what it says it does (目標1:賑わいづくりの拡大: 区役所周辺地域をはじめ…)."""
    intent, english = query.intent, query.intent.language == "en"
    ward = intent.ward or ""
    hits, citations = _numbered(sorted(goals, key=lambda chunk: chunk.source.line_start))
    named = profile.english_ward(ward) or ward
    if english:
        heading = f"The goals of {named} ward ({ward}) in {profile.name_en} (取組目標・主な取組), in the plan's order:"
    else:
        heading = f"{ward}の取組目標は、{profile.label_ja}に{len(hits)}つあります（「取組目標・主な取組」、計画の順）。"
    lines = [heading]
    for n, hit in enumerate(hits, 1):
        title, text = hit.chunk.title, hit.chunk.text
        said = text.removeprefix(title).strip()
        lines.append(f"・「{title}」{f': {said}' if said else ''} [{n}]")
    return Answer(query.text, "\n".join(lines), citations, 1.0, False, GOALS, intent.language,
                  hits=tuple(hits))


def under_goals(chunks: Sequence[Chunk], ward: str | None, headings: set[str]) -> list[Chunk]:
    """The initiatives of ``ward`` listed under any of the goal ``headings`` (their titles), in the plan's
    order."""
    return [chunk for chunk in chunks if chunk.kind == "initiative" and chunk.ward == ward
            and chunk.section and chunk.section[-1] in headings]


def goal_headings(chunks: Sequence[Chunk], ward: str) -> list[Chunk]:
    """The goal headings of ``ward``'s chapter (目標1:…, 手稲区's 目標: and 取組1:…), as its narrative passages."""
    return [chunk for chunk in chunks if chunk.ward == ward and chunk.kind == "narrative"
            and _GOAL_TITLE.match(chunk.title)]


def _wards_goal(query: Query, lead: Hit, hits: list[Hit], settings: AnswerSettings,
                profile: PlanProfile) -> Hit:
    """For a question asking what its ward aims at (`_aims_asked`), the ward's first goal heading among the
    lead candidates (its answer lists the initiatives under it), or the one whose heading names all else the
    question names (目標4:安心して生活できる環境づくり for 安心 and 環境), else ``lead``: the overview, first by the
    ward's name alone, describes the ward, not what it aims at."""
    named = _aims_asked(query, profile)
    if named is None and query.language == "ja":
        # no aim asked, but a goal named by its heading's words (「清田区の安心して暮らせる環境づくりって何やるの？」:
        # 安心 and 環境 of 目標4:安心して生活できる環境づくり) — two of them at least: one (地域) is named everywhere
        leave_out = ward_nouns((*profile.wards, *profile.other_wards)) | _LISTING_NOUNS | _MAKING
        named = [noun for noun in topic_nouns(query.text) if noun not in leave_out]
        named = named if len(named) > 1 else None
    if asks_what_was_done_before(query.text):  # (「前の計画でどんな方針でやってたの？」: its review)
        return lead
    goals = [h for h in hits[: settings.lead_candidates] if h.chunk.ward == query.intent.ward
             and h.chunk.kind == "narrative" and _GOAL_TITLE.match(h.chunk.title)]
    if named is not None:
        goal = next((h for h in goals if all(noun in h.chunk.title for noun in named)), None)
        if goal is None and _aims_asked(query, profile) is not None and lead.chunk.kind == "initiative" and \
                not any(noun in lead.chunk.title for noun in named) and not _AN_INITIATIVE.search(query.text):
            # 「南区の健康に関する目標ってなに？」: no heading says 健康, the initiative that leads (冬も楽しむウォーキン
            # グ推進事業) is no aim but one of the goal it is listed under (目標1:健やかに暮らせるまちづくり) — not
            # when an initiative's target is asked (「マルシェとかやって人を呼ぶ取組、目標は？」)
            goal = next((h for h in goals if lead.chunk.section[-1:] == (h.chunk.title,)), None)
        if goal is None:
            return lead
        # (「手稲区の子育て支援」: 取組2:子育てや健康づくりを支援する取組 names both, and so does the one initiative
        # under it that speaks of them — 子育てサロンの運営支援… — which answers more than its heading)
        speaking = [h for h in hits[: settings.lead_candidates] if h.chunk.kind == "initiative"
                    and h.chunk.section[-1:] == (goal.chunk.title,) and h.chunk.ward == query.intent.ward
                    and all(noun in h.chunk.title + h.chunk.text for noun in named)]
        return speaking[0] if len(speaking) == 1 and _aims_asked(query, profile) is None else goal
    # (「手稲区の安心して暮らせるための取組って何がある？」: the heading 取組1:安心して暮らせるまちづくりの取組 quoted, its
    # verb with it — one noun, 安心, names no goal)
    return next((h for h in goals if _quotes(query.text, h.chunk.title)), lead)


# The words every goal heading has (…まちづくり, …の取組), and the least of a heading's own words a question
# quotes, two kanji among them, to name it.
_HEADING_COMMON = re.compile(r"まちづくり|づくり|の取組|取組|目標")
_QUOTED_LETTERS, _QUOTED_KANJI = 5, 2


def _quotes(question: str, heading: str) -> bool:
    """Whether ``question`` writes out a run of ``heading``'s own words (安心して暮らせる of
    取組1:安心して暮らせるまちづくりの取組), not only what every heading says."""
    own = _HEADING_COMMON.sub("|", _GOAL_TITLE.sub("", heading))
    match = SequenceMatcher(None, question, own, autojunk=False).find_longest_match(
        0, len(question), 0, len(own))
    quoted = own[match.b: match.b + match.size]
    return match.size >= _QUOTED_LETTERS and "|" not in quoted and \
        sum(1 for letter in quoted if "\u3400" <= letter <= "\u9fff") >= _QUOTED_KANJI


# What a ward is like, asked in English ("What is Kiyota ward like?", "What kind of place is Teine?", "Tell me
# about Minami ward").
_WARD_LIKE_EN = re.compile(r"^\s*(?:so,? |and )?what(?:'s| is) [a-z\- ]{0,30}\blike\s*[?.!]?\s*$|"
                           r"\bwhat (?:kind|sort) of (?:a )?(?:place|area|ward|district|town|"
                           r"neighbou?rhood)\b|"
                           # (the ward alone: "Tell me about the Nishi ward river cleanup" asks the clean-up)
                           r"^\s*(?:please )?(?:tell me about|describe) (?:the )?[a-z\-]+(?: ward|-ku)?"
                           r"\s*[?.!]?\s*$|"
                           # where it lies ("Where is Minami ward?", "Which wards border Toyohira?")
                           r"^\s*where(?:'s| is) (?:the )?[a-z\-]+(?: ward|-ku)?(?: located| situated)?"
                           r"\s*[?.!]?\s*$|"
                           # (of places: "Does Nishi ward help neighbours?" asks what it does)
                           r"\bborder(?:s|ing)?\b|\b(?:which|what) (?:wards?|cities|towns|areas)\b.{0,30}"
                           r"\b(?:next to|adjacent to|neighbou?r(?:s|ing)?)\b",
                           re.IGNORECASE)
# Where a ward lies, asked of it alone (「南区ってどこにあるの？」, 「清田区ってどのあたり？」): its overview says.
_WARD_WHERE = re.compile(r"どこに(?:ある|あります)|どの(?:へん|辺|あたり|辺り)|どこら(?:へん|辺)|(?:は|って)\s*どこ\s*[?？]?\s*$")


def _asks_what_the_ward_is_like(query: Query, profile: PlanProfile) -> bool:
    """Whether the question asks what the ward it names is like (「南区ってどんなまち？」, 「手稲区ってどういう地域？」,
    「清田区の特色は？」): a word of `_CHARACTER_NOUNS` and nothing else but the ward, no other fact asked; in
    English, `_WARD_LIKE_EN` ("What is Kiyota ward like?")."""
    if query.language == "en":
        return bool(query.intent.ward) and bool(_WARD_LIKE_EN.search(query.text))
    if query.language != "ja" or query.intent.kind not in ("ward", "definition") or _AIMS.search(query.text):
        return False  # (「西区のまちセンって何か所あるの」 asks a number: まちセン is read 町; 「どういう地域？」 a definition)
    nouns = _ward_question_nouns(query.text, profile)
    if not nouns:
        return bool(query.intent.ward) and _WARD_WHERE.search(query.text) is not None
    return all(noun in _CHARACTER_NOUNS for noun in nouns) and not _PLACE_FOR_DOING.search(query.text)


# A place to do something (「冬でも歩ける場所ある？」, 「子どもが遊べるところ」): what is done there is asked, not what
# the ward is like (「南区のいいところは？」 is).
_PLACE_FOR_DOING = re.compile(r"(?<!い)(?<!良)(?<!よ)(?<!悪)(?:る|た|い)(?:ような)?(?:場所|ところ|所|とこ)")


def _asks_of_the_ward_itself(query: Query, profile: PlanProfile) -> bool:
    """Whether a Japanese question asks of its ward as a whole — its initiatives, what it is like, what it
    aims at (「厚別区の取組を教えて」, 「北区ってどんなまち？」, 「東区の目標は？」) — and of no subject among them."""
    whole = _LISTING_NOUNS | _CHARACTER_NOUNS | _AIM_WORDS
    return query.language == "ja" and all(noun in whole for noun in _ward_question_nouns(query.text, profile))


def _wards_overview(query: Query, lead: Hit, hits: list[Hit], settings: AnswerSettings,
                    profile: PlanProfile) -> Hit:
    """For a question asking what its ward is like (`_asks_what_the_ward_is_like`), the ward's overview among
    the lead candidates, else ``lead``: an initiative sharing the asked word (地域活動 for 「どういう地域？」)
    describes one thing the ward does, not the ward."""
    if not _asks_what_the_ward_is_like(query, profile):
        return lead
    return next((h for h in hits[: settings.lead_candidates]
                 if h.chunk.ward == query.intent.ward and _is_overview(h.chunk)), lead)


def _ward_passage_speaking_of_it(query: Query, lead: Hit, hits: list[Hit], relevance: Relevance,
                                 settings: AnswerSettings, profile: PlanProfile) -> Hit:
    """The leading ward narrative passage, or, when it names nothing the question asks of
    (`_passage_speaks_of`), the first relevant passage of the same ward among the lead candidates that does:
    a ward's name lifts all of its chapter, and its overview may come first for a subject only its 2019
    review or an initiative names."""
    if _recounts_what_was_asked(query.text, lead.chunk):
        return lead  # 「清田区で前にやってたイベントって何がある？」: its review recounts them (マルシェ, フェス)
    if _passage_speaks_of(query, lead, hits, profile):
        if _is_overview(lead.chunk) and asks_what_is_done(query.text) and \
                not asks_about_the_past(query.text) and (doing := next(
                    (h for h in hits[: settings.lead_candidates] if h.chunk.kind == "initiative"
                     and h.chunk.ward == lead.chunk.ward and relevance.score(h) >= relevance.threshold
                     and (relevance.score(h) >= relevance.score(lead) or
                          relevance.score(h) >= relevance.score(lead) - settings.lead_margin
                          and _passage_speaks_of(query, h, hits, profile))), None)) is not None:
            # 「清田区で地震のときの備え、区は何してる？」: what the ward does is its initiative (地域防災力強化), as
            # relevant as the overview that recounts the 2018 earthquake — or nearly as relevant and naming
            # what is asked too (「西区の川のごみ拾い、区が手伝ってくれる？」: 琴似発寒川's clean-up, the
            # overview's rivers)
            return doing
        return _naming_more(query, lead, hits, relevance, settings, profile)
    candidates = [h for h in hits[: settings.lead_candidates]
                  if h.chunk.title != lead.chunk.title and h.chunk.ward == lead.chunk.ward
                  and relevance.score(h) >= relevance.threshold]
    speaking = next((h for h in candidates if _passage_speaks_of(query, h, hits, profile)), None)
    if speaking is not None:
        return speaking
    # none names it in the question's words (「清田区って災害に強いまちづくりしてる？」: 防災, not 災害): an initiative
    # of the ward relevant without the ward's name — as relevant as an answer must be with it — speaks of it
    # (scored so only when the question names the ward)
    return next((h for h in candidates if h.chunk.kind == "initiative"
                 and (free := relevance.without_ward(h)) is not None and free >= relevance.threshold), lead)


def _is_overview(chunk: Chunk) -> bool:
    """Whether ``chunk`` is a paragraph of a ward's overview (「清田区：概況」)."""
    return chunk.ward is not None and chunk.title == f"{chunk.ward}：概況"


def _recounts_what_was_asked(question: str, chunk: Chunk) -> bool:
    """Whether ``question`` asks what was done before and ``chunk`` is a ward's account of what it did (its
    2019 review, told in the past — not its overview, whose 発展しました is history): the account answers,
    whatever it calls what was done."""
    return asks_what_was_done_before(question) and told_in_the_past(chunk.text) and not _is_overview(chunk)


def _naming_more(query: Query, lead: Hit, hits: list[Hit], relevance: Relevance, settings: AnswerSettings,
                 profile: PlanProfile) -> Hit:
    """A ward's overview leading, the first relevant passage of the same ward among the lead candidates that
    names more of what the question asks of (「西区の発寒川でヤマメ放流してるって本当？」: the overview names 発寒川, the 2019
    review 発寒川, やまめ and 放流), else ``lead``. English and kana-written questions are not judged."""
    if not _is_overview(lead.chunk) or query.language == "en" or written_in_kana(query.text):
        return lead
    subject = set(_ward_question_nouns(query.text, profile)) - _CHARACTER_NOUNS  # (まち is the ward itself)

    def named(hit: Hit) -> int:
        # (a noun within one of the passage's compounds counts: 魚 of 「やまめの稚魚放流」)
        parts = [h.chunk.text for h in hits
                 if h.chunk.title == hit.chunk.title and h.chunk.ward == hit.chunk.ward]
        nouns = set(topic_nouns(" ".join([hit.chunk.title, *parts])))
        return sum(any(noun in other for other in nouns) for noun in subject)

    most = named(lead)
    better = [h for h in hits[: settings.lead_candidates] if h.chunk.title != lead.chunk.title
              and h.chunk.ward == lead.chunk.ward and relevance.score(h) >= relevance.threshold
              and named(h) > most]
    return max(better, key=named, default=lead)


def _done_elsewhere(query: Query, lead: Hit, hits: list[Hit], relevance: Relevance,
                    settings: AnswerSettings) -> Hit | None:
    """Another ward's passage among the lead candidates that, read without the ward's name, is
    `AnswerSettings.elsewhere_margin` more relevant than the asked ward's initiative leading: what is asked is
    that ward's, not this one's (None: the lead is no ward initiative, or nothing is)."""
    ward = query.intent.ward
    if not ward or lead.chunk.kind != "initiative" or lead.chunk.ward != ward or \
            (own := relevance.without_ward(lead)) is None:
        return None
    return next((h for h in hits[: settings.lead_candidates] if h.chunk.ward not in (None, ward)
                 and (other := relevance.without_ward(h)) is not None
                 and other - own >= settings.elsewhere_margin), None)


def _also_in_ward(query: Query) -> bool:
    """Whether the question asks whether something is done in its ward too (「西区でも？」, 「西区にもある？」,
    「西区もやってる？」): the ward named with も."""
    ward = query.intent.ward
    return bool(ward) and re.search(rf"{re.escape(ward)}(?:で|に|では|には)?も(?!の)", query.text) is not None


def _lifted_by_ward(query: Query, lead: Hit, relevance: Relevance, profile: PlanProfile) -> bool:
    """Whether the leading passage is an initiative of the ward the question names that is relevant only
    with the ward's name (`Relevance.without_ward` below ``ward_free_threshold``): a ward's name lifts all of
    its chapter, and a question about something the plan does not have there (犬を遊ばせられる公園) finds
    the ward initiative that shares a generic word (公園). A ward's narrative passages are judged by
    `_passage_speaks_of` (they speak of the ward itself); kana-written questions are not judged (their
    words meet the plan's less well, with or without the ward)."""
    if lead.chunk.kind == "narrative" or lead.chunk.ward != query.intent.ward or written_in_kana(query.text):
        return False
    score = relevance.without_ward(lead)
    if score is None or score >= relevance.ward_free_threshold:
        return False
    # (a short question whose every subject noun the passage names is about it, however little its vector says
    # without the ward: 「手稲区のキャラクターは？」 of the ward's mascot キャラクター「ていね」; 「…の名前は？」 asks
    # what that thing is called, 名前 no thing of its own)
    asked = tuple(noun for noun in subject_of(query.text, "", (*profile.wards, *profile.other_wards))
                  if noun not in _NAME_WORDS)
    return not (asked and covers(spoken_text(lead.chunk), asked, every=True))


# Words asking what a thing is called (名前, 名称, 愛称).
_NAME_WORDS = frozenset({"名前", "名称", "愛称", "呼び名"})


def _unnamed_things(query: Query, lead: Hit, hits: list[Hit], profile: PlanProfile) -> list[str]:
    """The things the question names with a compound noun (子育てサロン, 子ども食堂: `compound_heads`) whose
    head (サロン, 食堂) the leading passage — its title, indicator and retrieved paragraphs — never names.
    Asked of a question naming a ward the plan has no chapter for: only a city-wide passage can answer it,
    and one that speaks of child-rearing in general does not say there is a salon in that ward. English
    and kana-written questions are not judged (their nouns do not meet the plan's spelling)."""
    if query.language == "en" or written_in_kana(query.text):
        return []
    leave_out = NAMELESS_NOUNS | ward_nouns((*profile.wards, *profile.other_wards))
    chunk = lead.chunk
    parts = (h.chunk.text for h in hits if h.chunk.title == chunk.title)
    passage = " ".join([chunk.title, chunk.indicator or "", *parts])
    named = set(topic_nouns(passage))
    return [compound for compound, head in compound_heads(query.text, leave_out)
            if head not in passage and not named.intersection(topic_nouns(head))]


def _measure_values(chunk: Chunk) -> tuple[str, ...]:
    """A passage's baseline and target values as the plan writes them (28,385人, 50%, 増加)."""
    return tuple(m.value for m in (chunk.baseline, chunk.target) if m is not None)


def _states_asked_unit(chunk: Chunk, unit: str | None) -> bool:
    """Whether ``chunk`` states a number in the unit a figure question asks in (its text, indicator,
    baseline or target: 「4,500時間」 answers 何時間; a share in % does not answer 何人)."""
    values = _measure_values(chunk)
    indicator = chunk.indicator or ""
    return states_unit((chunk.text, indicator, *values), unit) or counts_in(unit, indicator, values)


def _states_a_number(chunk: Chunk) -> bool:
    """Whether a passage states any number: in its text, or as its baseline or target (28,385人, 50%)."""
    return any(NUMBER.search(value) for value in (chunk.text, *_measure_values(chunk)))


def _aims_at_a_word(intent, chunk: Chunk) -> bool:
    """Whether a question about where the plan means to get (「何か所まで増やすつもり？」) meets an
    initiative whose target is a word, not a number (2027年: 増加): the plan's answer is that word."""
    return (intent.about_aim and chunk.indicator is not None and chunk.target is not None
            and not NUMBER.search(chunk.target.value))


def _dated_by_its_target(chunk: Chunk) -> bool:
    """Whether "when will it start?" (いつから使える？) meets an initiative that states no date but the year of
    its target (2023年: 設置, 2027年: 100%): the plan's answer is that year."""
    return (chunk.indicator is not None and chunk.target is not None and chunk.target.year is not None
            and not DATE.search(chunk.text))


# An abbreviation asked what it is (「PFIってなに？」, "What does PFI stand for?"): capitals, two to eight
_ABBREVIATION = r"[A-Z][A-Z0-9]{1,7}"
_ASKED_ABBREVIATION = re.compile(
    rf"(?<![A-Za-z0-9])({_ABBREVIATION})(?:って|とは|は|という|っていう|の意味)|"
    rf"\bwhat(?:'s| is| are| does) (?:an? |the )?({_ABBREVIATION})\b(?! [a-z])|"
    rf"\b({_ABBREVIATION}) stand for\b|"
    rf"\bmeaning of (?:an? |the )?({_ABBREVIATION})\b")


def _undefined_abbreviation(question: str, term: Chunk, hits: list[Hit]) -> str | None:
    """An abbreviation ``question`` asks what it is that the glossary entry ``term`` does not name (「PFIってなに？」
    of 成果連動型民間委託契約方式(PFS)), nor a retrieved passage that names it beside the entry's term (「CUD（カラー
    ユニバーサルデザイン）」), nor in the same letters (CEO of デジタルC o E: a slip of the keys), or None."""
    named = re.sub(r"\s", "", f"{term.title} {term.term or ''}").casefold()
    text = re.sub(r"\s", "", term.text).casefold()
    long_form = re.escape(re.sub(r"\s", "", term.term or "").casefold())
    beside = [re.sub(r"\s", "", hit.chunk.text).casefold() for hit in hits] if long_form else []
    letters = {"".join(sorted(run)) for run in re.findall(r"[a-z0-9]{2,8}", named)}
    for found in _ASKED_ABBREVIATION.finditer(unicodedata.normalize("NFKC", question)):
        asked = next(group for group in found.groups() if group).casefold()
        # (an entry's text that only uses the abbreviation — 「DXの課題に対して…チーム」 of デジタルC o E — does not
        # define it; one that spells it beside its long form, 「…方式(PFS)」, does)
        told = asked in named or re.search(rf"[（(]{re.escape(asked)}[)）]|{re.escape(asked)}[（(]", text)
        slip = "".join(sorted(asked)) in letters
        # (nor does a passage naming both apart; 「CUD（カラーユニバーサルデザイン）」 spells one beside the other)
        pair = rf"{re.escape(asked)}[（(]{long_form}|{long_form}[（(]{re.escape(asked)}[)）]"
        if not told and not any(re.search(pair, text) for text in beside) and not slip:
            return asked.upper()
    return None


def _dated_passage(query: Query, candidates: list[Hit], lead: Hit) -> Hit | None:
    """For "when did it start" when the best passage (``lead``) states no date: a candidate that states one
    and speaks of the question's subject (「その行政事務センターっていつできたの？」 → the chapter passage
    「…令和3年（2021年）6月には…行政事務センターを設置…」, not the centre's initiative row), if any. A subject word
    the lead's title names is the thing the title names with it (「いつからセンターになるの？」 of 介護認定事務センター
    事業: 介護認定事務センター, which こども家庭センター's dated passage is not)."""
    subject = tuple(topic_nouns(query.text))
    if not subject:
        # 「そこっていつできたの？」 names no subject: the topic it refers to answers, dated or not — or the glossary's
        # entry for what its title runs (札幌市マイナンバーカードセンターの運営: the centre, 令和3年8月に開設)
        return next((hit for hit in candidates if hit.chunk.kind == "glossary" and hit.chunk.term
                     and len(hit.chunk.term) > 2 and hit.chunk.term in lead.chunk.title
                     and DATE.search(hit.chunk.text)), None)
    titled = [found.group() for noun in subject
              if (found := re.search(rf"{_NAME_RUN}{re.escape(noun)}", lead.chunk.title))]
    return next((hit for hit in candidates if DATE.search(hit.chunk.text) and covers(hit.chunk.text, subject)
                 and all(thing in hit.chunk.text for thing in titled)), None)


_NAME_RUN = r"[\u3400-\u9fff々ァ-ヺー]*"  # the kanji and katakana a name runs on with (介護認定事務 before センター)


def compose(query: Query, hits: list[Hit], profile: PlanProfile, relevance: Relevance | None = None,
            settings: AnswerSettings | None = None, in_context: bool = False,
            topic: Chunk | None = None, alike: Chunk | None = None) -> Answer:
    """Build the answer to ``query`` from ``hits`` (best first), in the words of ``profile``'s plan.

    ``in_context``: a follow-up read against the previous turn (「手稲区だと？」 after a 西区 initiative): its
    topic words are the previous question's, so a ward's passage is not asked to name them. ``topic``: the
    passage it is asked of (「目標は？」), if any. ``alike``: the previous topic another ward is asked for its
    like of (「豊平区にもある？」 after 西区's dementia support): a ward's narrative passage must name what that
    question asked, as if asked alone."""
    settings = settings or AnswerSettings()
    question, intent = query.text, query.intent
    relevance = (relevance or Relevance()).for_language(intent.language)
    english = intent.language == "en"
    notes: list[str] = []
    if intent.other_ward:
        notes.append(f"{profile.label_ja}には{intent.other_ward}の章は含まれていません（全市の取組のみ該当します）。")
    if intent.kind == "smalltalk":
        return Answer(question, smalltalk_reply(profile, english, question), (), 0.0, True, intent.kind,
                      intent.language)
    if not hits:
        return Answer(question, not_in_plan(profile, english), (), 0.0, True, intent.kind, intent.language, tuple(notes))
    cites = Cites()
    # (a question of two things at least sharing no word with its passages is not relevant however close their
    # cosine: 「雪かき ボランティア 募集」; a one-word fragment may be a follow-up, 「アンケートとか？」)
    relevant = relevance.best(hits) >= relevance.threshold and (
        in_context or len(topic_nouns(question)) < 2 or relevance.grounded(hits))
    # the best passage speaks of the asked fact in its title, text or indicator (インターネットを利用した口座振替) —
    # not another one retrieved with it: 「子どもも参加できる？」 of 西区's environment council is not answered by a
    # passage naming children, nor 「おくやみ窓口って土日もやってる？」 by a centre open 土日
    veto = standing_veto(intent.unanswerable_fact, [spoken_text(hits[0].chunk)], intent.subject, question)
    searched = query.search_text[len(question):] if english else ""
    if veto and (term := _term_stating(veto, hits, settings, intent.subject, question, searched)) is not None:
        # 「それ何歳から参加できる？」 of 市政への子どもの参加の推進, whose 子ども議会 the glossary defines for 小学4年生から
        # 中学3年生: the definition of a term the best passage names speaks for it
        hits = [term, *(hit for hit in hits if hit is not term)]
        veto = None
    if veto and hits[0].chunk.kind == "glossary" and (user := _using_the_term(
            hits[0], hits, hits[: settings.lead_candidates], _no_term)) is not None and \
            standing_veto(veto, [user.chunk.text], intent.subject, question) is None:
        # 「書かない窓口ってどこの区役所にあるの？」: the term's definition says no place; the initiative that uses the
        # term (申請書作成支援システムを中央区役所仮庁舎に試験的に導入) does — in its text, not its target row
        # (指定管理者評価 is no selection: 「指定管理者ってどうやって選ばれるの？」)
        hits = [user, *(hit for hit in hits if hit is not user)]
        veto = None
    if veto == "location" and _asks_what_the_ward_is_like(query, profile) and any(
            h.chunk.ward == intent.ward and _is_overview(h.chunk) for h in hits[: settings.lead_candidates]):
        veto = None  # 「南区ってどこにあるの？」: the ward's overview says where it lies (南東部に位置し)
    if veto != intent.unanswerable_fact:  # a retrieved passage speaks of the asked fact
        intent = replace(intent, unanswerable_fact=veto)
        query = replace(query, intent=intent)
    aside = ""
    if relevant and asked_before(question, intent.unanswerable_fact):
        # 「どんな訓練してるの？近所の人も参加できる？」: the first question answered, the missing fact told after it
        aside = _missing_sentence(query, intent.unanswerable_fact, profile)
        intent = replace(intent, unanswerable_fact=None)
        query = replace(query, intent=intent)
    if intent.other_ward and not in_context and _asks_of_the_ward_itself(query, profile):
        # 「厚別区の取組を教えて」, 「北区ってどんなまち？」: the excerpt has no chapter for that ward, and
        # a city-wide passage sharing 取組 or まち is no answer: which wards have one, the closest passages after
        return _abstain(query, hits, relevance, settings, profile, cites, [], False,
                        opening=_scope_reply(profile, False, question))
    if intent.unanswerable_fact or not relevant:
        return _abstain(query, hits, relevance, settings, profile, cites, notes, relevant)

    lead = _choose_lead(intent, hits, relevance, settings, query.text, query.frame, topic, query.search_text)
    if intent.kind == "definition" and lead.chunk.kind == "glossary" and \
            (undefined := _undefined_abbreviation(question, lead.chunk, hits)):
        # 「PFIってなに？」 led by the glossary's PFS: the plan defines no PFI — said so, the passages naming it
        # first
        naming = [h for h in hits if undefined.casefold() in f"{h.chunk.title} {h.chunk.text}".casefold()]
        ranked = naming + [h for h in hits if h not in naming]
        return _abstain(query, ranked, relevance, settings, profile, cites, notes, bool(naming),
                        missing="definition")
    if intent.ward and lead.chunk.ward not in (None, intent.ward):
        # asked of one ward, led by another ward's passage (「豊平区にも似たのある？」 after 清田区's きよたマルシェ,
        # whose name still wins the search): that ward's or a city-wide passage, or not found there
        lead = next((h for h in hits[: settings.lead_candidates] if h.chunk.ward in (None, intent.ward)
                     and relevance.score(h) >= relevance.threshold), None)
        if lead is None:
            return _abstain(query, hits, relevance, settings, profile, cites, notes, False)
    if intent.ward and lead.chunk.ward == intent.ward and not in_context:
        lead = _wards_goal(query, lead, hits, settings, profile)
        lead = _wards_overview(query, lead, hits, settings, profile)
    if lead.chunk.kind == "narrative" and lead.chunk.ward and not in_context:
        # 「西区って前にやまめの放流とかやってたよね？」: the ward's overview leads by the ward's name and says
        # nothing of it; its 2019 review, retrieved next, does
        lead = _ward_passage_speaking_of_it(query, lead, hits, relevance, settings, profile)
    if not in_context and _lifted_by_ward(query, lead, relevance, profile):
        # 「手稲区で犬を放して遊ばせられる公園ある？」: the ward's own initiative, relevant only with the ward's name
        return _abstain(query, hits, relevance, settings, profile, cites, notes, False)
    if not (in_context or query.boost) and \
            (elsewhere := _done_elsewhere(query, lead, hits, relevance, settings)) is not None:
        # 「豊平区で認知症の家族の支援ある？」: 西区 has it, 豊平区's disaster seminars only share 支援 — not found in
        # the ward asked, the other ward's passage shown first (asked on its own: 「西区だと？」 after 南区's young
        # artists asks with their words, the conversation's passages boosted or sunk)
        notes.append(f"{intent.ward}の取組には見当たりませんが、{elsewhere.chunk.ward}に「{elsewhere.chunk.title}」が"
                     "あります。")
        closest = [elsewhere, *(h for h in hits if h is not elsewhere)]
        return _abstain(query, closest, relevance, settings, profile, cites, notes, False)
    if intent.other_ward and not in_context and (absent := _unnamed_things(query, lead, hits, profile)):
        # 「北区にも子育てサロンってある？」: the plan has only city-wide passages for that ward, and the
        # closest one names no サロン
        return _abstain(query, hits, relevance, settings, profile, cites, notes, True, absent=absent[0])
    if intent.kind == "date" and not DATE.search(lead.chunk.text):
        lead = _dated_passage(query, hits[: settings.lead_candidates], lead) or lead
        if not aside and not DATE.search(lead.chunk.text) and not _dated_by_its_target(lead.chunk):
            # the passage that answers states no date at all: the missing date said, the passage shown as the
            # closest (「マルシェっていつからやってるの？」 was answered with the market's passage, as if it said when)
            closest = [lead, *(h for h in hits if h is not lead)]
            return _abstain(query, closest, relevance, settings, profile, cites, notes, True, missing="date")
    quote_at = 0
    if lead.chunk.kind == "narrative":
        found = _narrative_quote(query, lead, hits, of_topic=topic is not None and topic.title == lead.chunk.title)
        if _asks_what_the_ward_is_like(query, profile):
            # (the overview from its start — where the ward lies — not a sentence sharing 地域 or 街: 「一方、北部から…」)
            found = min(((h, 0) for h in hits if h.chunk.title == lead.chunk.title),
                        key=lambda part: part[0].chunk.source.line_start)
        if found is None and intent.kind == "figure" and intent.wants_number and topic is None:
            # 「市役所の取組方針っていくつあるの？」 led by 取組方針1's heading, which counts nothing: another narrative
            # passage of the first candidates that states the number (以下の4つの「取組方針」を定め)
            found = next((quoted for hit in hits[: settings.lead_candidates]
                          if hit.chunk.kind == "narrative" and hit.chunk.title != lead.chunk.title
                          and (quoted := _narrative_quote(query, hit, hits)) is not None), None)
        if found is None and intent.kind == "figure" and intent.wants_number:
            # The topic is in the plan but the asked number is not (a ward's population): say so, show the topic.
            # (「手稲区のまちづくりの目標ってなに？」 asks for no number: its goal's passage states it.)
            return _abstain(query, hits, relevance, settings, profile, cites, notes, True, missing="figure")
        if lead.chunk.ward and (alike is not None or not in_context) and \
                not _passage_speaks_of(query, lead, hits, profile) and \
                not _recounts_what_was_asked(question, lead.chunk):
            # a ward's overview lifted by the ward's name alone (「西区の保育園の空き状況」): not found — unless the
            # question asks whether the city's own service is there too (「窓口で書かなくていいやつ、西区でも？」):
            # the relevant city-wide passage answers it
            city = next((h for h in hits[: settings.lead_candidates]
                         if h.chunk.ward is None and relevance.score(h) >= relevance.threshold),
                        None) if _also_in_ward(query) else None
            if city is None:
                return _abstain(query, hits, relevance, settings, profile, cites, notes, False)
            found = (city, 0)
        lead, quote_at = found or (lead, 0)
    elif intent.kind == "figure" and _asked_figure_missing(query.text, intent, lead.chunk):
        alone = not (english or in_context or topic or query.frame)
        naming = _naming_the_counted(query.text, hits) if alone else []
        closest = naming + [hit for hit in hits if hit not in naming]
        return _abstain(query, closest, relevance, settings, profile, cites, notes, True, missing="figure")
    chunk = lead.chunk
    n = cites.n(lead)
    first, rest = _first_sentence(query, chunk, n, english, profile, quote_at)
    lines = [first]
    said = set()
    if intent.kind == "figure" and chunk.indicator or intent.kind == "date" and _dated_by_its_target(chunk):
        said.add("figure")
    if intent.kind == "department" and chunk.departments:
        said.add("department")
    if chunk.kind != "glossary":
        if rest is not None:
            if rest:
                lines.append(cite(f"「{rest}」" if english else rest, n))
        elif description := sentences(chunk.text):
            lines.append(cite(f"What it does: 「{description}」" if english else f"内容: {description}", n))
    if chunk.departments and "department" not in said:
        lines.append(cite(
            f"Department in charge: {departments_text(chunk)}." if english else f"所管: {departments_text(chunk)}。", n
        ))
    if chunk.indicator and "figure" not in said:
        lines.append(cite(
            f"Target: 「{chunk.indicator}」 {measure_text(chunk, profile)}." if english
            else f"目標: {chunk.indicator}（{measure_text(chunk, profile)}）。", n
        ))
    for note in chunk.notes:
        lines.append(cite(f"Note: {note}." if english else f"備考: {note}。", n))
    if aside:  # the second question's fact, which the plan lacks
        lines.append(aside if english else f"なお、{aside}")

    if members := _goal_initiatives(chunk, hits)[: settings.max_goal_initiatives]:
        # a ward's goal: what the plan does for it is the initiatives under it (presented, not merely related)
        label = ("Initiative", "取組")
        lines.extend(_related_line(h, cites.n(h), english, profile, label=label) for h in members)
    listed = {h.chunk.id for h in members}
    floor = max(relevance.threshold, relevance.score(lead) - settings.related_margin)
    related = [
        h for h in hits
        if h.chunk.id != chunk.id and h.chunk.title != chunk.title and h.chunk.id not in listed
        and relevance.score(h) >= floor and h.chunk.kind != "narrative"
        # asked of one ward (「豊平区の町内会で…講師を派遣してもらえる？」): that ward's or city-wide, not another ward's
        and (intent.ward is None or h.chunk.ward in (None, intent.ward))
    ][: max(0, settings.max_related - len(members))]
    cited_before = len(cites.order)
    related_numbers = tuple(cites.n(h) for h in related)
    lines.extend(_related_line(h, n, english, profile) for h, n in zip(related, related_numbers))
    return Answer(question, "\n".join(lines), cites.citations(), relevance.confidence(lead), False,
                  intent.kind, intent.language, tuple(notes), tuple(hits),
                  related=tuple(n for n in related_numbers if n > cited_before))


def _summary(chunk: Chunk, width: int) -> str:
    """The start of a passage, for a line of its own: its first sentence (a glossary entry's definition),
    cut at ``width`` characters."""
    summary = sentences(chunk.text, 1) if chunk.kind != "glossary" else (chunk.definition or "")
    return summary[:width].rstrip("、。，. ") + "…" if len(summary) > width else summary


def _related_line(hit: Hit, n: int, english: bool, profile: PlanProfile, width: int = 40,
                  label: tuple[str, str] = ("Related", "関連")) -> str:
    """One line per related passage (``label``: English, Japanese): its title, where it is, and the start of
    its description."""
    chunk = hit.chunk
    summary = _summary(chunk, width)
    place = where(chunk, profile)
    if english:
        return f"{label[0]}: 「{chunk.title}」 ({place}){f': 「{summary}」' if summary else ''} [{n}]"
    return f"{label[1]}: 「{chunk.title}」（{place}）{f': {summary}' if summary else ''} [{n}]"


def whole_list(query: Query, initiatives: list[Chunk], profile: PlanProfile, width: int = 40,
               department: str = "") -> Answer:
    """Every initiative of the ward ``query`` names (`index.intent.asks_whole_list`: 「清田区の取組を全部教えて」), or
    of the ``department`` (`index.intent.asks_department_list`: 「子ども未来局の取組は？」), under its goal or section
    in the plan's order, a cited line each: the start of its description."""
    intent, english = query.intent, query.intent.language == "en"
    ward = intent.ward or ""
    ordered = sorted(initiatives, key=lambda chunk: chunk.source.line_start)
    hits, citations = _numbered(ordered)
    if department:
        lines = [f"{len(hits)} initiatives in {profile.name_en} are run by {department}, in the plan's order:"
                 if english else f"{department}が所管する取組は、{profile.label_ja}に{len(hits)}件あります（計画の順）。"]
    elif english:
        lines = [(f"{profile.english_ward(ward) or ward} ward ({ward}) has {len(hits)} initiatives in "
                  f"{profile.name_en}, by goal in the plan's order:")]
    else:
        lines = [f"{ward}の取組は、{profile.label_ja}に{len(hits)}件あります（目標ごと、計画の順）。"]
    goal = None
    for n, hit in enumerate(hits, 1):
        chunk = hit.chunk
        if chunk.section[-1:] != (goal,) and len(chunk.section) > 1:
            goal = chunk.section[-1]
            lines.append(goal)
        summary = _summary(chunk, width)
        lines.append(f"・「{chunk.title}」{f': {summary}' if summary else ''} [{n}]")
    return Answer(query.text, "\n".join(lines), citations, 1.0, False, LISTED, intent.language,
                  hits=tuple(hits))


def plan_count(query: Query, chunks: Sequence[Chunk], profile: PlanProfile) -> Answer:
    """How many initiatives the whole plan has (「全部で取組はいくつあるの？」): city-wide and per ward, counted from
    its chunks; no passage states it, so none is cited."""
    initiatives = [chunk for chunk in chunks if chunk.kind == "initiative"]
    wards = {ward: sum(chunk.ward == ward for chunk in initiatives) for ward in profile.wards}
    city = sum(chunk.ward is None for chunk in initiatives)
    example = next(iter(profile.wards), "")
    if query.intent.language == "en":
        per_ward = ", ".join(f"{profile.english_ward(ward)} {n}" for ward, n in wards.items())
        plan = _plan_en(profile)
        text = (f"{plan} lists {len(initiatives)} initiatives: {city} city-wide and {sum(wards.values())} in "
                f"the wards ({per_ward}). Ask \"list all initiatives in "
                f"{profile.english_ward(example)} ward\" for a ward's list.")
    else:
        per_ward = "・".join(f"{ward}{n}件" for ward, n in wards.items())
        text = (f"{profile.label_ja}の取組は{len(initiatives)}件です（全市の取組{city}件、区の取組{sum(wards.values())}件: "
                f"{per_ward}）。区ごとの一覧は「{example}の取組を全部教えて」のように質問してください。")
    return Answer(query.text, text, (), 1.0, False, "count", query.intent.language)


def _numbered(chunks: Sequence[Chunk]) -> tuple[list[Hit], tuple[Citation, ...]]:
    """A listed answer's passages as hits numbered [1], [2] … in the given order, and their citations."""
    hits = [Hit(chunk, 1.0, n) for n, chunk in enumerate(chunks, 1)]
    return hits, tuple(Citation(n, hit) for n, hit in enumerate(hits, 1))


def _plan_en(profile: PlanProfile) -> str:
    """The plan's English name at the start of a sentence ("The plan (excerpt) …")."""
    return f"{profile.name_en[:1].upper()}{profile.name_en[1:]}"


def listed_facts(query: Query, listed: list[Chunk], profile: PlanProfile) -> Answer:
    """A department or target asked of a whole list (「所管は？」 after 「清田区の取組を全部教えて」): each line's, cited
    with the list's numbers — or one sentence when none of them states it."""
    intent, english = query.intent, query.intent.language == "en"
    department = intent.kind == "department"
    hits, citations = _numbered(listed)
    span = f"[1]〜[{len(hits)}]" if len(hits) > 1 else "[1]"
    if not any(chunk.departments if department else chunk.indicator for chunk in listed):
        if english:
            fact = "department" if department else "numeric target"
            plan = _plan_en(profile)
            text = f"{plan} names no {fact} for these initiatives {span}."
        else:
            fact = "所管部署" if department else "数値目標"
            text = f"これら{len(hits)}件の取組には、{profile.name_ja}に{fact}の記載がありません {span}。"
    else:
        absent = "not stated" if english else "記載なし"
        lines = []
        for n, chunk in enumerate(listed, 1):
            if department:
                fact = departments_text(chunk) if chunk.departments else absent
            else:
                fact = f"{chunk.indicator}（{measure_text(chunk, profile)}）" if chunk.indicator else absent
            lines.append(f"・「{chunk.title}」: {fact} [{n}]")
        text = "\n".join(lines)
    return Answer(query.text, text, citations, 1.0, False, LISTED, intent.language, hits=tuple(hits))


def _goal_initiatives(goal: Chunk, hits: list[Hit]) -> list[Hit]:
    """The retrieved initiatives under ``goal`` when it is a ward's goal heading (their section ends with its
    title), in the plan's order; [] for any other passage."""
    if goal.kind != "narrative" or not goal.ward:
        return []
    members = {h.chunk.title: h for h in hits if h.chunk.kind == "initiative" and h.chunk.ward == goal.ward
               and h.chunk.section[-1:] == (goal.title,)}
    return sorted(members.values(), key=lambda h: h.chunk.source.line_start)


# Which small talk it was: thanks, acknowledgements and farewells get their own line (a greeting, the guide).
_THANKS = re.compile(r"ありがと|助か|サンキュー|感謝|\bthanks?\b|\bthank (?:you|u)\b|\bthx\b|\bcheers\b", re.I)
_FAREWELL = re.compile(r"さようなら|バイバイ|またね|おやすみ|お疲れ(?:様|さま)でした|もう(?:いい|大丈夫)|以上|"
                       r"また(?:聞き|質問し|来|使い)ます|\b(?:good)?bye\b|\bthat'?s (?:all|it)\b", re.I)
_ACKNOWLEDGED = re.compile(r"なるほど|了解|承知|わか(?:った|りました)|分か(?:った|りました)|オッケー|おっけー|すご|いいね|さすが|"
                           r"便利|\b(?:ok(?:ay)?|got it|great|cool|nice|perfect)\b", re.IGNORECASE)
_GREETING_OR_HOW = re.compile(
    r"こんにち|こんばん|おはよう|はじめまして|初めまして|もしもし|お疲れ(?:様|さま)です|使い方|何が|なにが|どんなこと|何を|なにを|"
    r"あなた|君|きみ|質問の?例|聞き方|"
    r"\b(?:hello|hi|hey|good (?:morning|afternoon|evening)|help|how|what|who|examples?|samples?)\b", re.I)


# What the bot covers (どの区のことがわかるの？, 北区のことも聞ける？, "which wards do you cover?") and whether to trust it
# (回答は信用していいの？, 誰が作ったの？, この情報はいつ時点？, "are you an AI?"): `index.intent` reads them as small talk.
_SCOPE = re.compile(r"区(?:のこと|について)?(?:が|を|も|は|なら)?(?:わか|分か|聞け|きけ|答えられ|調べられ)|\bwards?\b",
                    re.IGNORECASE)
_ABOUT_BOT = re.compile(r"信用|信頼|作った|つくった|作りました|AI|人間|ロボット|ボット|時点|いつの|最新|\b(?:who (?:made|built|"
                        r"created|runs)|are you|trust|accurate|reliable|up to date)\b", re.IGNORECASE)
_AS_OF = re.compile(r"時点|いつの|最新|\bup to date\b", re.IGNORECASE)


def smalltalk_reply(profile: PlanProfile, english: bool, question: str = "") -> str:
    """A greeting or "how do I use this" gets a short guide instead of unrelated plan passages; thanks,
    acknowledgements and farewells (with no greeting or how-to beside them) a short reply that invites the
    next question; what the bot covers and whether to trust it, a reply from the plan's profile."""
    if _SCOPE.search(question):
        return _scope_reply(profile, english, question)
    if _ABOUT_BOT.search(question):
        return _about_reply(profile, english, question)
    asks_how = bool(_GREETING_OR_HOW.search(question)) or not question
    if not asks_how and _FAREWELL.search(question):
        return ("Thank you for using the plan assistant. Come back any time." if english
                else "ご利用ありがとうございました。またいつでもどうぞ。")
    if not asks_how and _THANKS.search(question):
        return (f"You're welcome! Ask me anything else about {profile.name_en}." if english
                else f"どういたしまして。{profile.label_ja}について、ほかにも気になることがあればいつでも質問してください。")
    if not asks_how and _ACKNOWLEDGED.search(question):  # なるほど, 了解, すごいね, "got it": no thanks to answer
        return (f"Ask me anything else about {profile.name_en}." if english
                else f"{profile.label_ja}について、ほかにも気になることがあればいつでも質問してください。")
    if english:
        return (f"Hello! Ask me about {profile.name_en}: what the city plans on a topic, an initiative's target "
                "or department, or what a term means — for example \"Can I apply for bulky garbage collection "
                "online?\" Every answer cites the passage it comes from.")
    return (f"こんにちは。{profile.label_ja}について、取組の内容・目標・所管部署や用語の意味をお答えします。"
            "例えば「粗大ごみってネットで申し込めるようになる？」「消防検査オンライン化 所管」のように質問してください。"
            "回答には根拠となった計画の箇所を示します。")


def _scope_reply(profile: PlanProfile, english: bool, question: str) -> str:
    """Which wards' chapters the plan holds — of the ward the question names, whether it is one."""
    covered, folded = list(profile.wards), question.lower()
    asked = next((ward for ward in covered + list(profile.other_wards)
                  if ward in question or profile.english_ward(ward).lower() in folded.split()), None)
    if english:
        name = profile.english_ward(asked) if asked else ""
        listed = ", ".join(f"{profile.english_ward(w)} ({w})" for w in covered)
        if asked in covered:
            return (f"Yes: {profile.name_en} has a chapter on {name} ward ({asked}). "
                    f"Try \"list all initiatives in {name} ward\".")
        plan = _plan_en(profile)
        missing = (f"{plan} has no chapter on {name} ward ({asked}); its city-wide initiatives apply there. "
                   if asked else "")
        return f"{missing}The wards with a chapter in {profile.name_en}: {listed}."
    plan, listed = profile.label_ja, "・".join(covered)
    if asked in covered:
        return f"はい、{plan}には{asked}の章があります。例えば「{asked}の取組を全部教えて」のように質問してください。"
    if asked:
        return f"{plan}には{asked}の章は含まれていません。区の章があるのは{listed}で、{asked}については全市の取組をお答えします。"
    return f"{plan}で区の章があるのは{listed}です。ほかの区については全市の取組をお答えします。"


def _about_reply(profile: PlanProfile, english: bool, question: str) -> str:
    """What the bot is and how far to trust it: it quotes and cites the plan's passages, writing nothing."""
    base, target = profile.baseline_year, profile.target_year
    as_of = bool(_AS_OF.search(question) and base and target)
    if english:
        years = f" Its figures are {base} values and {target} targets." if as_of else ""
        return (f"This is an automatic guide to {profile.name_en}: it finds the passages that answer a "
                "question and quotes them, citing each one as [n] — it writes nothing of its own, so check "
                f"the cited passage under \"出典\".{years} For procedures and the latest information, see "
                "the city's official information.")
    years = f"計画の数値は{base}年の現状値と{target}年の目標値です。" if as_of else ""
    return (f"この案内は、{profile.label_ja}の文章から質問に当てはまる箇所を探して答える自動応答です。"
            "文章を新たに作ることはせず、回答には根拠となった箇所を [n] で示しますので、「出典」で原文を確認してください。"
            f"{years}手続きの詳細や最新の状況は{profile.city or '市'}の公式情報で確認してください。")


def _narrative_quote(query: Query, lead: Hit, hits: list[Hit], of_topic: bool = False) -> tuple[Hit, int] | None:
    """The paragraph and sentence of a narrative passage (a ward's overview, its 2019 review, a
    chapter) that best answer the question. Such a passage is indexed a paragraph per chunk under
    one title, and the asked fact (a ward's area, "the second largest", "about 200 people") is
    rarely in its first sentence: every retrieved paragraph of the lead's passage is considered,
    the lead's first on a tie. A figure question only takes a sentence with a number, a "when"
    question one with a date; None when
    no sentence shares a word with the question — but for a figure asked in a unit of the passage a
    follow-up is asked of (``of_topic``: 「札幌の何割くらい？」 after 南区's area: 全市域の約60%), its first
    sentence stating one."""
    parts = [lead] + [h for h in hits if h.chunk.title == lead.chunk.title and h.chunk.id != lead.chunk.id]
    located = [(hit, i, sentence) for hit in parts for i, sentence in enumerate(split_sentences(hit.chunk.text))]
    # the ward's name and the plan's names the question was also searched with (「アクションプラン 2019」 for
    # 「前の計画」) name the passage, not the sentence that answers
    ignore = " ".join(filter(None, (lead.chunk.ward, query.intent.ward, *query.plan_terms)))
    count = NUMBER if ORDINAL_ASKED.search(query.text) else CARDINAL
    needs = {"figure": unit_figure(query.intent.unit) if query.intent.unit else count,
             "date": DATE}.get(query.intent.kind)
    best = best_sentence(query.search_text, [sentence for _, _, sentence in located], needs, ignore)
    # "How big is Minami ward?": 面積は657.48k㎡ shares no word; nor, in English, 4つの事業に取り組みました with "how
    # many projects did it run"
    unit = query.intent.unit
    if best is None and unit and (unit in QUANTITIES or query.language == "en" or of_topic):
        best = next((i for i, (_, _, sentence) in enumerate(located) if needs.search(sentence)), None)
    return None if best is None else located[best][:2]


def _first_sentence(query: Query, chunk: Chunk, n: int, english: bool, profile: PlanProfile,
                    quote_at: int = 0) -> tuple[str, str | None]:
    """The sentence that answers the asked fact, and the passage's sentence to quote after it
    (None when the first sentence does not quote the passage: the description follows instead).
    ``quote_at``: which of the passage's sentences to quote first."""
    title = chunk.title
    parts = split_sentences(chunk.text) or [""]
    intent = query.intent
    if intent.kind == "figure" and chunk.kind == "initiative" and not chunk.indicator:
        # no target row, but a number in the text (「区内に8か所あるまちづくりセンター」 for 「いくつあるの？」): quote it
        counted = unit_figure(intent.unit) if intent.unit else NUMBER
        quote_at = next((i for i, part in enumerate(parts) if counted.search(DATE.sub("", part))), None)
        if quote_at is None:
            return _fact_sentence(intent, chunk, n, english, profile), None
    else:
        if intent.kind == "ward" and asks_what_it_does(query.text):
            intent = replace(intent, kind="general")  # 「清田区の子育て広場って何してる？」: what it does, quoted
        line = _fact_sentence(intent, chunk, n, english, profile)
        if line is not None:
            return line, None
    quote_at = min(quote_at, len(parts) - 1)
    lead_sentence, rest = parts[quote_at], parts[quote_at + 1] if quote_at + 1 < len(parts) else ""
    after = lead_sentence[len(title):] if lead_sentence.startswith(title) else ""
    if after[:1].isspace() and after.strip():  # a goal's heading opens its text (「目標1:… 住民が…」): named once
        lead_sentence = after.strip()
    if lead_sentence.strip() == title:  # (手稲区's 取組1:…: a heading with no words of its own under it)
        if english:
            return cite(f"The plan's heading 「{title}」 ({where(chunk, profile)}).", n), rest
        return cite(f"「{title}」（{where(chunk, profile)}）は計画の見出しです。", n), rest
    if english:
        return cite(f"The plan's 「{title}」 ({where(chunk, profile)}): 「{lead_sentence}」", n), rest
    return cite(f"「{title}」（{where(chunk, profile)}）: {lead_sentence}", n), rest


def _fact_sentence(intent, chunk: Chunk, n: int, english: bool, profile: PlanProfile) -> str | None:
    title = chunk.title
    if intent.where_in_plan:  # 「それって計画の何ページ？」: its headings and its line in the excerpt
        path = " > ".join(chunk.section)
        if english:
            return cite(f"「{title}」 is in the plan under 「{path}」 (line {chunk.source.line_start} of "
                        f"{chunk.source.file}).", n)
        return cite(f"「{title}」は{profile.label_ja}の「{path}」に載っています（{chunk.source.file} の "
                    f"{chunk.source.line_start}行目）。", n)
    if intent.kind == "figure" and chunk.indicator:
        word_only = _aims_at_a_word(intent, chunk) and intent.wants_number  # a number asked, a word given
        if english:
            unstated = " (no numeric target is given)" if word_only else ""
            return cite(f"The target of 「{title}」 (indicator: 「{chunk.indicator}」) is "
                        f"{measure_text(chunk, profile)}{unstated}.", n)
        unstated = "（数値での目標は示されていません）" if word_only else ""
        return cite(f"「{title}」の目標は「{chunk.indicator}」で、{measure_text(chunk, profile)} です{unstated}。", n)
    if intent.kind == "department" and chunk.departments:
        if english:
            return cite(f"The department in charge of 「{title}」 is {departments_text(chunk)}.", n)
        return cite(f"「{title}」の所管は {departments_text(chunk)} です。", n)
    if intent.kind == "department" and chunk.ward:
        if english:
            return cite(f"「{title}」 is a {chunk.ward} initiative; the plan names no department for it.", n)
        return cite(f"「{title}」は{chunk.ward}の取組で、{profile.name_ja}には所管部署の記載がありません。", n)
    if intent.kind == "date" and _dated_by_its_target(chunk):
        if english:
            return cite(f"The plan gives no start date for 「{title}」; its target is set for {chunk.target.year}: "
                        f"「{chunk.indicator}」 {measure_text(chunk, profile)}.", n)
        return cite(f"「{title}」の開始時期の記載はありませんが、{chunk.target.year}年までの目標が示されています: "
                    f"{chunk.indicator}（{measure_text(chunk, profile)}）。", n)
    if intent.kind == "figure" and chunk.kind == "initiative":
        if english:
            return cite(f"The plan gives no numeric target for 「{title}」.", n)
        return cite(f"「{title}」には数値目標の記載がありません。", n)
    if chunk.kind == "glossary":
        if english:
            return cite(f"The plan defines 「{chunk.term}」 as: 「{chunk.definition}」", n)
        return cite(f"「{chunk.term}」とは、{chunk.definition}", n)
    if chunk.ward and intent.kind == "ward" and chunk.kind != "narrative":  # an overview is quoted, not "取り組みます"
        goal = chunk.section[-1] if len(chunk.section) > 2 else ""
        if english:
            english_ward = profile.english_ward(chunk.ward).capitalize()
            return cite(f"In {chunk.ward} ({english_ward}), the plan lists 「{title}」 under 「{goal}」.", n)
        return cite(f"{chunk.ward}では「{title}」に取り組みます（{goal}）。", n)
    return None


def _missing_sentence(query: Query, missing: str, profile: PlanProfile) -> str:
    """「この計画（抜粋）には料金・手数料の記載はありません。」 — naming the condition a yes/no question ends on (「コンビニ」
    についての記載はありません), with the English sentence first for an English question."""
    fact_ja = _FACT_JA[missing]
    condition = condition_of(query.text, missing) if missing in CLAUSED else ""
    if condition:  # name it: 「コンビニ」についての記載はありません
        fact_ja = f"「{condition}」について"
    missing_ja = f"{profile.label_ja}には{fact_ja}の記載はありません。"
    if query.intent.language == "en":
        plan_en = _plan_en(profile)
        return f"{plan_en} does not state {_FACT_EN[missing]}. {missing_ja}"
    return missing_ja


def _abstain(query: Query, hits: list[Hit], relevance: Relevance, settings: AnswerSettings, profile: PlanProfile,
             cites: Cites, notes: list[str], relevant: bool, missing: str | None = None,
             absent: str = "", opening: str = "") -> Answer:
    intent = query.intent
    english = intent.language == "en"
    lines = []
    missing = missing or intent.unanswerable_fact
    if opening:  # what the plan has instead (the wards with a chapter)
        lines.append(opening)
    elif absent:  # a thing the question names that the closest passage never does
        absent_ja = f"{profile.label_ja}には「{absent}」についての記載はありません。"
        plan_en = _plan_en(profile)
        lines.append(f"{plan_en} says nothing about 「{absent}」. {absent_ja}" if english else absent_ja)
    elif missing:
        lines.append(_missing_sentence(query, missing, profile))
    else:
        lines.append(not_in_plan(profile, english))
    # in the ranking's order, overviews included: the best guess comes first (cross-validated citizen_dev:
    # first citation 72 -> 73/89 when narrative passages were no longer skipped)
    close = [h for h in hits if relevance.score(h) >= relevance.threshold]
    # one suggestion per passage: a narrative passage is indexed a paragraph per chunk under one title
    first_of_title: dict[str, Hit] = {}
    for hit in close or hits:
        first_of_title.setdefault(hit.chunk.title, hit)
    suggestions = list(first_of_title.values())[: settings.max_suggestions]
    row = suggestions[0].chunk if suggestions else None
    if missing == "figure" and relevant and not absent and row is not None and row.indicator:
        # 「何人くらい使ってるの？」 of the bulky-waste booking: no such number, but what its target row counts
        n, measure = cites.n(suggestions[0]), measure_text(row, profile)
        lines.append(cite(f"What the plan sets for 「{row.title}」 is 「{row.indicator}」: {measure}." if english
                          else f"計画が示しているのは「{row.title}」の目標「{row.indicator}」（{measure}）です。", n))
    if suggestions:
        parts = [f"「{h.chunk.title}」[{cites.n(h)}]" for h in suggestions]
        if relevant and missing:
            lead = "Related initiatives in the plan: " if english else "計画に記載のある関連する取組: "
        else:
            lead = "Closest topics in the plan: " if english else "近い話題: "
        lines.append(lead + ("、".join(parts) if not english else ", ".join(parts)) + ("." if english else "。"))
    lines.append(
        "Please check with the city's official information for details."
        if english else f"詳細は{profile.city}の公式情報（各担当窓口）でご確認ください。"
    )
    return Answer(query.text, "\n".join(lines), cites.citations(),
                  relevance.confidence(hits[0]) if relevant else 0.0,
                  True, intent.kind, intent.language, tuple(notes), tuple(hits),
                  topic_found=relevant and bool(missing) and not absent)
