"""The unit a figure question asks in (何人, 何店舗, "how many hours", how long a procedure takes) and
whether a passage states a number in it: 「4,500時間」 answers 何時間, a share in % does not answer 何件."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from index.analyzer import tagged

# How long a procedure takes (申請から決定までどれくらいかかる？, "how long does it take"), or how long after asking
# something comes (何日後に届く？, どれくらいで回収に来る？, "how soon"): a number of days.
DURATION = (r"(?:まで|のに|には)\s*(?:どれくらい|どのくらい|どれぐらい|どのぐらい|何日|何週間|何か月|何ヶ月|何カ月)"
            r"(?:くらい|ぐらい|ほど|程度)?(?:の時間|の日数)?(?:が|は)?\s*(?:かかる|掛かる)|"
            r"\bhow long (?:does|will) (?:it|the \w+) take\b|"
            r"何\s*(?:日|週間|か月|ヶ月|カ月)\s*(?:後|待)|"
            # until something happens, asked alone (結果が出るまで何日？; not a countdown: 雪まつりまであと何日？)
            r"まで\s*何\s*(?:日|週間|か月|ヶ月|カ月)\s*(?:くらい|ぐらい|ほど|程度)?\s*(?:[?？]|$|なの|です|でしょう)|"
            r"(?:どれくらい|どのくらい|どれぐらい|どのぐらい|何日くらい|何日ぐらい|何\s*(?:日|週間|か月|ヶ月|カ月))で\s*[^。？?\s]{0,8}?"
            r"(?:届|来る|来て|来ます|決ま|終わ|出る|出ます|でき|もらえ|受け取れ|取りに|回収)|"
            r"\bhow (?:soon|quickly)\b|\bhow long (?:until|before|after)\b|"
            r"\bhow many (?:days|weeks|months) (?:until|before|after|does it take|will it take)\b")
# how many days one does something (何日休む？, 何日入院する？): a number of days, not a date (何日に？)
DAYS_SPENT = r"何\s*日\s*(?:も)?(?:休|待|入院|泊|滞在|通|続け|かけ|掛け)"
# The unit a figure question asks in (何人, 何件, "how many hours"): a passage answers it only when it
# states a number in that unit (`states_unit`) — a share in % does not tell "how many people".
_UNIT_ASKED = (
    # a quantity named by its word, before any counter asked with it (人口は何人？): the passage must speak of
    # that quantity (人口 is not 交付人数, nor 関係人口)
    # (or who live there counted: 「何人住んでるの？」, "how many people live in …")
    ("人口", re.compile(r"(?<!関係)人口|\bpopulation\b|何\s*人(?:くらい|ぐらい|ほど)?(?:が|の人が)?\s*(?:住んで|暮らして)|"
                      r"\bhow many (?:[a-z]+ )?(?:people|residents|inhabitants) "
                      r"(?:live|are living|reside|are there)\b",
                      re.I)),
    ("面積", re.compile(r"面積|広さ|\barea of\b|\bhow (?:big|large) is\b", re.I)),
    # a distance (「ウォーキングコースの距離は？」, 何キロ): a length the passage states (南北に37.6km)
    ("距離", re.compile(r"距離|(?:コース|道|川|区|山)の長さ|何\s*(?:キロ|km)(?!グラム)|\bhow far\b|"
                      r"\bhow (?:many )?(?:km|kilometers|kilometres)\b", re.I)),
    # a sum of money paid out or asked for ("How much is the child allowance per month?", "how much money"):
    # a number in 円 (the plan states one, the corporate donations' 20,000千円) — not a saving, which is
    # time or paper
    ("円", re.compile(r"\bhow much (?:is|are|will|would|do|does|can|could) (?:the |a |an |each |my |our )?"
                     r"(?:[\w'’-]+ ){0,3}(?:subsid(?:y|ies)|grants?|allowances?|benefits?|stipends?)\b|"
                     r"\bhow much money\b(?!.{0,60}\bsav(?:e|es|ed|ing)\b)", re.I)),
    ("満足", re.compile(r"満足度|\bsatisfaction\b", re.I)),
    # an account's audience (「SNSのフォロワー数の目標ある？」): the plan counts no followers — a site's users in 人
    # are not them
    ("フォロワー", re.compile(r"フォロワー|いいね(?:の)?数|\bfollowers?\b|\bsubscribers\b|\bhow many likes\b", re.I)),
    ("世帯", re.compile(r"世帯数|何\s*世帯|\bhouseholds\b", re.I)),
    ("%", re.compile(r"何\s*(?:[%％]|パーセント|割)|(?:どれくらい|どのくらい|どれぐらい|どの程度)の(?:割合|比率)|\bwhat (?:percentage|percent|share)\b", re.I)),
    # (or a count of people named by who they are: 観光客数, 参加者数, 交付人数, 職員数 — not 事業者数, which counts
    # businesses)
    ("人", re.compile(r"何\s*人(?!も)|(?<!業)者数|客数|人数|(?:職員|社員|会員|住民|市民|区民|児童|生徒|学生)(?:の)?数|"
                     r"\bhow many (?:people|persons|residents|users|staff|visitors|participants|tourists|members|"
                     r"volunteers|students|children|kids|employees|workers|seniors|applicants|attendees|spectators|"
                     r"guests|foreigners|patients)\b(?!['’])", re.I)),
    ("件", re.compile(r"何\s*件(?!も)|(?<![一-龯])件数(?:は|って|を教え|\s*[?？]|$)|"
                     r"\bhow many (?:cases|applications|requests|consultations)\b", re.I)),
    # a ratio (倍率はどのくらい？, 競争率, 何倍): a number in 倍
    ("倍", re.compile(r"倍率|競争率|何\s*倍|\b(?:competition|acceptance) (?:ratio|rate)\b|\bhow many times (?:more|higher|bigger)\b", re.I)),
    # a number of times (何回, or how often a thing is held: 頻度は？, "How often?"), not any figure stated
    ("回", re.compile(r"何\s*回(?!も)|\bhow many times\b|頻度|\bhow often\b", re.I)),
    ("枚", re.compile(r"何\s*枚(?!も)|\bhow many (?:sheets|pages)\b", re.I)),
    ("時間", re.compile(r"何\s*時間(?!も)|\bhow many hours\b", re.I)),
    ("日", re.compile(r"何\s*日\s*(?:くらい|ぐらい|程度|かかる|以内|間)|\bhow many days\b|" + DAYS_SPENT + "|"
                     + DURATION, re.I)),
    # how long one waits (どれくらい待つ？, 待ち時間は何分？): a time stated in hours or minutes (20分短縮)
    ("待ち", re.compile(r"(?:どれくらい|どのくらい|どれぐらい|どのぐらい|何分|何時間)\s*(?:待つ|待た|待ち|待って)|"
                      r"待ち時間(?:は|って)?\s*(?:どれくらい|どのくらい|どれぐらい|何分|何時間)|\bhow long (?:do|will) (?:i|we|you) wait\b", re.I)),
    # how much sooner a thing is done (「どれくらい早くなる？」, "how much faster"): a time in days, hours or minutes
    # (処理日数が30日以内の割合, 20分短縮), not a share of offices set up for it (環境整備率 100%)
    ("速さ", re.compile(r"(?:どれくらい|どのくらい|どれぐらい|どのぐらい|何分|何時間|何日)\s*(?:早く|速く|短く)\s*"
                      r"(?:なる|なり|な[っれ]|する|しま|でき)|\bhow much (?:faster|quicker|sooner|shorter)\b", re.I)),
    # how many years something lasts or is kept (何年保存する？, 何年間): a period stated in years (5年間)
    ("年間", re.compile(r"何\s*年\s*(?:間|くらい|ぐらい|ほど|程度)|何\s*年\s*(?:保存|保管|有効|続け|使え)|\bhow many years\b|"
                      r"\bhow long (?:is|are) .{0,40}\b(?:kept|stored|retained|valid)\b", re.I)),
    ("か所", re.compile(r"何\s*(?:か所|箇所|カ所|ヶ所)|\bhow many (?:places|locations|sites)\b", re.I)),
    ("施設", re.compile(r"何\s*施設|\bhow many facilities\b", re.I)),
    ("事業", re.compile(r"何\s*事業|\bhow many (?:projects|programs|programmes|initiatives)\b", re.I)),
    ("業務", re.compile(r"何\s*業務|\bhow many (?:(?:work|business|administrative) )?"
                      r"(?:tasks|operations|processes|workflows)\b", re.I)),
    # (or how long a session lasts: "How long does an online consultation last?")
    ("分", re.compile(r"何\s*分(?!の)|\bhow many minutes\b|\bhow long (?:does|do|will|is) .{0,40}\blast\b",
                     re.I)),
    # a kind of thing counted, as 「大学はいくつ？」 (`_COUNTED_THING`): "how many universities" is not answered by
    # the count of their projects (not a possessive: "how many companies' proposals" counts the proposals)
    ("大学", re.compile(r"\bhow many (?:universities|colleges)\b(?!['’])", re.I)),
    ("企業", re.compile(r"\bhow many (?:companies|businesses|firms|corporations)\b(?!['’])", re.I)),
    ("団体", re.compile(r"\bhow many (?:organi[sz]ations|associations)\b(?!['’])", re.I)),
)
_UNIT_WRITTEN = {
    # (何件 of what the city will do: a number of projects, 20事業, or of tasks, 25業務, counts them; "how many
    # projects" is answered by 10件 of プロジェクトの実施件数)
    # (not 「市民一人一人」, 「一人ひとり」: each person, no count)
    "%": r"(?:[%％]|パーセント|割)", "人": r"(?:(?<!一)人(?!一人|ひとり)|名)", "件": r"(?:件|事業|業務)", "事業": r"(?:事業|件)",
    "か所": r"(?:か所|箇所|カ所|ヶ所|ケ所|ヵ所)",
    "施設": r"(?:施設|か所|箇所|カ所|ヶ所)", "待ち": r"(?:時間|分)", "速さ": r"(?:時間|分|日)",
}
# a quantity's word followed by its figure (面積は657.48k㎡, 人口は約19万人), or its rank among the wards (2番目の広さ,
# 人口が最も多い): 「人口減少」 is not a population
_RANKED = r"(?:[0-9０-９一二三四五六七八九十]+番目|最も|一番|いちばん)(?:に|の)?"
_QUANTITY_WRITTEN = {
    "人口": r"(?<!関係)人口[^。]{0,12}?(?:[0-9０-９]|" + _RANKED + r"(?:多|少))|" + _RANKED + r"人口",
    "面積": r"面積[^。]{0,12}?[0-9０-９]|[0-9０-９.．]+\s*(?:k㎡|km2|km²|平方キロ)|" + _RANKED + r"(?:広|狭|大きな面積)",
    "世帯": r"世帯数?[^。]{0,12}?[0-9０-９]",
    "フォロワー": r"フォロワー[^。]{0,12}?[0-9０-９]",
    "距離": r"[0-9０-９.．]+\s*(?:km|ｋｍ|キロ(?:メートル)?|メートル)(?!\s*[2²]|㎡)",
}
QUANTITIES = tuple(_QUANTITY_WRITTEN)  # quantities asked by their word, stated as the word and its figure
_NUMERAL = r"[0-9０-９一二三四五六七八九十百千万億][0-9０-９,，.．一二三四五六七八九十百千万億]*\s*"


def asked_unit(question: str) -> str | None:
    """The unit a figure question asks in (``人`` for 何人くらい, ``%`` for "what percentage", ``店舗`` for
    何店舗), or None."""
    asked = next((unit for unit, pattern in _UNIT_ASKED if pattern.search(question)), None)
    asked = asked or counted_unit(question)
    if asked is None and (counted := _COUNTED_THING.search(question)):
        asked = counted.group("kind") or counted.group("after") or counted.group("of")
    return asked


# A kind of thing counted by いくつ (「出資団体って全部でいくつあるの？」, 「施設はいくつ？」, 「いくつ団体あるの？」): a
# number of that kind, not whatever figure the passage states (the plan's 達成度 80% for 出資団体; 「目標はいくつ？」 asks
# the target).
_KINDS = r"団体|施設|事業|業務|大学|企業|拠点"
_HOW_MANY = r"(?:いくつ|幾つ)(?!か|も)|何個"
_COUNTED_THING = re.compile(rf"(?P<kind>{_KINDS})(?:って|は|が|\s)\s*(?:全部で|今|いま|現在|合計で)?\s*(?:{_HOW_MANY})|"
                            rf"(?:{_HOW_MANY})(?:の)?\s*(?P<after>{_KINDS})(?:が|は)?\s*(?:ある|あります|参加|入って)|"
                            # (「連携中枢都市圏に入ってる町の数は？」: a number of towns, not the plan's 66.2%)
                            rf"(?P<of>{_KINDS}|(?<![\u3400-\u9fff])(?:市町村|自治体|町村|町))の数(?:は|って|を教え|\s*[?？]|$)")
_KIND_OF = re.compile(rf"({_KINDS})$")
_ASKS_HOW_MANY = re.compile(_HOW_MANY)


def counted_kind(term: str, question: str) -> str | None:
    """The kind of thing a term names (出資団体: 団体) when ``question`` asks how many, with no kind of its own
    (「いくつあるの？」 after the glossary's 出資団体 counts 団体), or None."""
    found = _KIND_OF.search(term)
    return found.group(1) if found and _ASKS_HOW_MANY.search(question) else None


# Counters that ask for a time, a date, a rank or a place, not an amount (何時, 何年, 何番目, 何区).
_NOT_AMOUNTS = {"時", "年", "月", "日", "曜", "番", "区", "度", "号"}
# An age bounded (何歳から, 何歳まで, 何歳以上): whom a thing is for, not an amount (`unstated`'s eligibility).
_AGE = "歳"
_BOUNDS = {"から", "まで", "以上", "以下", "未満", "でも"}


def counted_unit(question: str) -> str | None:
    """The counter of any "how many" the tokenizer reads as 何 the numeral (何店舗, 何校, 何歳, 何種類 — not
    何の or 何が, where 何 is "what"), unless it asks for a time, a date or a rank (何時, 何年, 何番目), an age
    bounded (何歳から: whom it is for) or is followed by も (何枚も: "many sheets")."""
    tokens = tagged(question)
    following = [*(t.surface for t in tokens[2:]), "", ""]
    for i, ((before, token), after) in enumerate(zip(pairwise(tokens), following, strict=False)):
        if before.surface == "何" and before.pos2 == "数詞" and token.surface not in _NOT_AMOUNTS \
                and after != "も" and not (token.surface == _AGE and after in _BOUNDS) \
                and re.fullmatch(r"[\u3400-\u9fffァ-ヺー]+", token.surface):
            counted = tokens[i + 3] if i + 3 < len(tokens) else None
            if token.surface in _KINDS_OF and after == "の" and counted is not None and counted.pos1 == "名詞":
                return counted.surface  # 何種類の業務: a number of 業務 (5業務)
            return token.surface  # (何枚も書かされた: "many sheets", not a question)
    return None


_KINDS_OF = {"種類", "種", "個"}  # 「何種類の業務」 counts 業務, 「何個の市」 市


def unit_figure(unit: str) -> re.Pattern:
    """A number written in ``unit`` (2億2千万枚, 4,500時間, 約200人, 50%), or for a quantity asked by its
    word (人口, 面積) that word or its figure (657.48k㎡)."""
    if unit in _QUANTITY_WRITTEN:
        return re.compile(_QUANTITY_WRITTEN[unit])
    # (a count of things also as 4つの事業)
    counted = "" if unit in _MEASURES else r"(?:つの)?"
    return re.compile(_NUMERAL + counted + _UNIT_WRITTEN.get(unit, re.escape(unit)))


# Units that measure rather than count: a bare number of a count indicator (延べ水道事業体数: 322) is not in them.
_MEASURES = {"%", "時間", "日", "待ち", "速さ", "年間", "分", *_QUANTITY_WRITTEN}
# an indicator that counts something (…水道事業体数, …件数（年間）): its bare values are numbers of that thing
_COUNT_INDICATOR = re.compile(r"([\u3400-\u9fff]+)数\s*(?:[（(][^）)]*[）)])?\s*$")
_BARE_NUMBER = re.compile(r"^\s*[0-9０-９][0-9０-９,，.．]*\s*$")


def counts_in(unit: str | None, indicator: str, values: Iterable[str]) -> bool:
    """Whether a count asked in ``unit`` (何団体) is answered by an indicator that counts the same kind of thing
    and gives bare numbers (研修会に参加した延べ水道事業体数: 322 → 340): the plan states no counter, the
    indicator says what is counted — 団体 and 事業体 share 体; 何人 is not answered by a count of 事業体; a counter
    of anything (何件, 何個) is answered by any count, 何回 by a count of the times a thing is done (実施件数)."""
    if unit == "回" and _HELD.search(indicator):  # 何回 of …取組の実施件数 (34件 → 90件): the times it is done
        return any(unit_figure("件").search(value) for value in values if value)
    counted = _COUNT_INDICATOR.search(indicator)
    return (unit is not None and unit not in _MEASURES and counted is not None
            and (unit in _ANY_COUNT or any(character in counted.group(1) for character in unit))
            and any(_BARE_NUMBER.match(value) for value in values if value))


# an indicator counting the times something is done or held
_HELD = re.compile(r"(?:実施|開催)(?:件数|回数|数)")


# Counters of anything (「目標は何件？」 of a count of 事業体): not a kind of thing of their own.
_ANY_COUNT = {"件", "個", "つ"}


# People counted by what they do (登録者数, 受講者数 — of 研修受講者数 too): a count of other people (研修の受講者数)
# does not tell 「LINEの登録者数は何人？」.
_COUNTED_PEOPLE = re.compile(r"([\u3400-\u9fff]{2}者)数")
# Counted whatever a passage names them: businesses (事業者数: no doing of theirs), and users (利用者数: whoever uses
# what the passage offers, a homepage's アクティブユーザー数).
_NAMED_ANYHOW = ("事業者", "利用者")


def names_the_counted(question: str, texts: Iterable[str]) -> bool:
    """Whether ``texts`` name the people a count question counts by what they do (登録者 of 登録者数); True
    when it counts no such people."""
    found = _COUNTED_PEOPLE.search(question)
    if found is None or found.group(1) in _NAMED_ANYHOW:
        return True
    return any(found.group(1) in text for text in texts if text)


# What a count or a share measures, written in kanji just before its counter (加入率 of 町内会の加入率, 待機児童 of
# 待機児童数, 登録 of 友だち登録数): the word before 件数, 人数, 回数, 比率, 割合, 率 or 数 — not 効率 (非効率), a
# target's own 目標件数, nor one letter (実 of 実人数). A loanword (アクセス数) may be measured under another name
# (月間アクティブユーザー数), and is not read.
_MEASURED = re.compile(r"(?<![\u3400-\u9fff々])(?:目標)?([\u3400-\u9fff々]+?)(?:件数|人数|者数|回数|比率|割合|(?<!効)率|数)"
                       r"(?![\u3400-\u9fff])")


# What a question asks to see grow or shrink by how much, written just before the asking (残業 of 「残業ってどのくらい
# 減らすつもり？」, 寄付 of 「寄付はどれくらい増やしたいの？」): a word of two kanji or katakana or more — not a quantity
# itself (作業時間, 使用量: the passage may measure it by other words).
_CHANGED = re.compile(r"([\u3400-\u9fff々]{2,}(?<!時間)(?<!量)(?<!額)(?<!数)|[ァ-ヺー]{3,})(?:って|は|を)"
                      r"(?:どのくらい|どれくらい|どれだけ|どんだけ)(?:まで)?(?:減|増|短|削|へら|ふや)")


def measured_noun(question: str) -> str | None:
    """What a figure ``question`` counts or measures by its word (加入 of 「町内会の加入率って上がってるの？」, 残業 of
    「残業ってどのくらい減らすつもり？」), or None (目標は何件？, 何人?, 実人数)."""
    found = _MEASURED.search(question)
    if found and len(found.group(1)) > 1 and found.group(1) != "目標":
        return found.group(1)
    changed = _CHANGED.search(question)
    return changed.group(1) if changed else None


def states_unit(texts: Iterable[str], unit: str | None) -> bool:
    """True when one of ``texts`` states a number in ``unit`` (always, for no unit)."""
    if unit is None:
        return True
    pattern = unit_figure(unit)
    return any(pattern.search(text) for text in texts if text)


# A count asked per day, week or month (「一日何人来るの？」, 毎週何件, "how many people a day"): answered only by
# a figure counted over that period (月間アクティブユーザー数 (月平均) per month) — not a cumulative count (累計
# 交付人数) nor one per year.
_PER_DAY = r"(?:一|1|１)\s*日(?:あたり|当たり|に|で|の)?|毎日|\bper day\b|\ba day\b|\beach day\b|\bevery day\b|\bdaily\b"
_PER_WEEK = r"(?:一|1|１)\s*週間?(?:あたり|当たり|に|で|の)?|毎週|週に|\bper week\b|\ba week\b|\beach week\b|\bweekly\b"
_PER_MONTH = (r"(?:一|1|１)\s*(?:か|ヶ|ケ|カ|箇)?月(?:あたり|当たり|に|で|の)?|毎月|月に|\bper month\b|\ba month\b|"
              r"\beach month\b|\bmonthly\b")
_ASKED_HOW_MANY = r"(?:平均)?\s*(?:何|なん|どれ|どの|いくつ|\bhow many\b)"
_PERIODS = (
    (re.compile(rf"(?:{_PER_DAY})\s*{_ASKED_HOW_MANY}|\bhow many\b.{{0,80}}(?:{_PER_DAY})", re.I),
     re.compile(r"日(?:あたり|当たり|平均)|/日|毎日|(?:一|1)日")),
    (re.compile(rf"(?:{_PER_WEEK})\s*{_ASKED_HOW_MANY}|\bhow many\b.{{0,80}}(?:{_PER_WEEK})", re.I),
     re.compile(r"週")),
    (re.compile(rf"(?:{_PER_MONTH})\s*{_ASKED_HOW_MANY}|\bhow many\b.{{0,80}}(?:{_PER_MONTH})", re.I),
     re.compile(r"月間|月平均|/月|毎月|(?:一|1)(?:か|ヶ|カ)?月")),
)


def states_the_period(question: str, texts: Iterable[str]) -> bool:
    """Whether one of ``texts`` (an indicator, its values) counts over the period a figure ``question`` asks
    per (day, week, month); True when it asks per none."""
    written = " ".join(text for text in texts if text)
    return all(counted.search(written) for asked, counted in _PERIODS if asked.search(question))
