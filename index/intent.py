"""What a question asks for: a figure (in which unit: `index.units`), the department, a definition, a
ward — or a kind of fact the plan never contains (fees, opening hours, who may take part, …:
`index.unstated`). Part of understanding a query (`index.query`): computed once per question, used by
retrieval and by the answer."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from index.analyzer import topic_nouns
from index.units import DAYS_SPENT, DURATION, asked_unit, counted_unit
from index.unstated import (CLAUSED, SUBJECT_BOUND, UNMATCHED_IN_ENGLISH, asking_sentence, condition_clause,
                            subject_of, unanswerable_fact)
from ingest.profile import PlanProfile

# A year as the plan and its readers write it (2027年, 令和9年度, R9 — staff's 令和 9), a time and no subject.
YEAR = re.compile(r"(?:20\d\d|令和\s*\d{1,2}|(?<![A-Za-z])R\s*\d{1,2}(?!\d))\s*(?:年度?)?末?")
# A plan year alone, as a follow-up asks a figure for it (「2027年には？」, 「令和9年度は？」, 「R9だと？」, "and in 2027?").
_YEAR_ONLY = (rf"^\s*(?:(?:じゃあ|では|それで|それじゃ|なら)[、,\s]*)?(?:{YEAR.pattern})\s*(?:まで|の時点|時点)?\s*"
              r"(?:に|で)?\s*(?:は|には|だと|では)?\s*(?:どう(?:なる|なって(?:る|いる))?(?:の)?)?\s*[?？]?\s*$|"
              r"^\s*(?:and |what about |how about )?(?:in |by )?20\d\d\s*\??\s*$")
_FIGURE = re.compile(
    rf"目標|何\s*(?:[%％]|パーセント|人|件|回|枚|時間|か所|箇所|施設|事業|業務|分(?!の))(?!も)|{DURATION}|{DAYS_SPENT}|何\s*日\s*(?:くらい|ぐらい|程度|かかる|以内)|"
    r"何\s*年\s*(?:間|くらい|ぐらい|ほど|程度|保存|保管|有効)|いつまで|どれ(だけ|くらい|ぐらい)|(?:いくつ|幾つ)(?!か|も)|"
    # an amount aimed at, no price (寄付をいくら増やしたいの？)
    r"いくら[^。？?]{0,8}?(?:増や|減ら|目指|集め|削減)|の数(?:は|を教え|\s*[?？]|$)|"
    # a count named by its noun, as staff look it up (豊平区 AP2019 事業数, 参加者数は？): not 多数, 複数, 半数 …
    r"(?<=[\u3400-\u9fffァ-ヶー])(?<![多少複無算関変奇偶代分小整半])数(?:は|って|を教え|\s*[?？]|$)|"
    # a rate named by its noun (高齢化率は？, 加入率って): not 効率 (efficiency), 確率, 能率
    r"(?<=[\u3400-\u9fff])(?<![効確能])率(?:は|って|を教え|\s*[?？]|$)|"
    r"どの(くらい|ぐらい|程度)|数値|割合|件数|人数|何\s*世帯|指標|現状値|基準値|実績値|(?:(?<!関係)人口|面積|世帯数|金額|距離|長さ)(?:は|って|を教え|\s*[?？]|$)|"
    r"\btargets?\b|how many|how often|頻度|\bgoals?\b|percentage|by when|\bfigures?\b|\bnumber of\b|"
    r"\bbaselines?\b|"
    r"\bpercent\b|\bwhat (?:share|proportion|fraction)\b|"
    # a rate named by its noun ("the crime rate in Toyohira ward", "the online rate of tax procedures")
    r"\b[a-z]+ rates? (?:in|of|for|among)\b|"
    r"\b(?:current|starting|base|2022) (?:value|level|number)\b|"
    # the population asked for (what is the population of …), not one named as a topic (the shrinking population)
    r"\bpopulation (?:of|in)\b|\b(?:what|how (?:big|large))(?:'s| is| was) (?:the |its )?(?:current )?population\b|^.{0,25}\bpopulation\s*\??\s*$|"
    r"how (?:big|large) is\b|\b(?:area|size) of\b|\bhow far\b|"
    # how long a session lasts ("How long does an online consultation last?"): minutes (`index.units`)
    r"\bhow long (?:does|do|will|is) .{0,40}\blast\b|"
    # an amount that is no price: "how much waiting time", "how much does the city want to cut …"
    r"\bhow much (?!(?:is|are|does|do|did|will|would|can|should|for)\b)[a-z]+|"
    r"\bhow much\b.{0,60}\b(?:cut|reduce|increase|save|shorten|raise|lower)\b|"
    # the amount a grant pays ("How much does the student grant pay?"), no price
    r"\bhow much (?:money )?(?:does|will|would|can|could) (?!(?:i|we|you|it)\b).{0,60}"
    r"\b(?:pay|pays|give|gives|provide|provides)\b|"
    r"\bhow much (?:money )?(?:do|does|will|would|can|could) .{0,60}\b(?:get|receive)\b|"
    # (or is worth: "How much is the disability transport subsidy per month?")
    r"\bhow much (?:is|are) (?:the |a |an |each |my )?(?:[\w'’-]+ ){0,3}"
    r"(?:subsid(?:y|ies)|grants?|allowances?)\b|"
    # a plan year and nothing else asked (「2027年には？」, 「令和9年度は？」, "and in 2027?"): that year's figure
    rf"{_YEAR_ONLY}",
    re.IGNORECASE,
)


# Words asking what an initiative aims at, or by when (every indicator row states its target year), not a number.
# (the indicator asked, 「生成AI 業務改善 指標」: its row, whether its target is a number or a word such as 推進)
_GOAL_WORDS = re.compile(r"目標(?!値|数)|指標(?!値)|いつまで(?:に)?|\bgoals?\b|\btargets?\b|\baims?\b|\bindicators?\b|"
                         # the row's baseline asked by its name (「行政評価制度 現状値」): what the plan writes
                         # there (2022年: 運用, or —) answers it, a number or not
                         r"現状値|基準値|\bbaselines?\b|"
                         r"\bby when\b", re.I)


# By when something is to be done (いつまでに？, "by when"): a date, which a term's definition may state itself
# (システム標準化: 「移行目標時期は令和7年度末まで」) though it states no target row.
_BY_WHEN = re.compile(r"いつまで|何年(?:度)?(?:まで|ごろ|頃)|\bby when\b|\buntil when\b|\bdeadline\b", re.I)


def asks_by_when(question: str) -> bool:
    """Whether ``question`` asks by when (いつまでに, 何年度までに, "by when"), not how much."""
    return bool(_BY_WHEN.search(question))


# Whether the city does or uses something (「…ってやってるの？」, 「市役所で使ってる？」, "is the city using …"): asked of
# a term, the initiative that uses it answers, not the term's definition.
_DONE = re.compile(
    r"やって(?:る|い|ます)|使って(?:る|い|ます)|使われて(?:る|い|ます)|使う(?:の|んですか|予定)|使え(?:る|ます)(?:の|か)?\s*[?？]|"
    r"使えるように|導入(?:して|する|され|済)|取り入れ|"
    r"活用して|取り組んで|進めて(?:る|い)|売って(?:る|い)|見直して(?:る|い)|"
    r"(?:たり|て|で)?して(?:る|いる|ます)(?:の|んですか|んでしょうか|か)?\s*[?？]|"
    # help the city gives (「区が手伝ってくれる？」, 「市は応援してくれるの？」)
    r"(?:手伝って|支援して|応援して|助けて|サポートして)(?:くれ|もらえ)(?:る|ます)|"
    # (done to it: 「指定管理者ってちゃんとチェックされてるの？」)
    r"され(?:て|てい)(?:る|ます)(?:の|んですか|んでしょうか|か)?\s*[?？]|"
    # what the city will do with it (「市はそれをどうするつもり？」 after 出資団体, 「どうしていくの？」)
    r"どう(?:する|していく|してく|していきたい|したい)(?:つもり|予定|方針|の|んですか|んでしょうか)|"
    # whether the city will (「出資団体って見直すの？」, 「やめるの？」)
    r"(?:見直す|改める|変える|始める|やめる|止める|なくす|減らす|増やす|広げる|作る|つくる|導入する)"
    r"(?:の|んですか|んでしょうか|予定(?:は|なの)?)\s*[?？]?\s*$|"
    r"(?:見直し|改め|変え|始め|やめ|なくし|減らし|増やし|広げ|続け|進め)て(?:いく|く|行く)"
    r"(?:の|んですか|んでしょうか|予定|つもり)|"
    r"(?:\b(?:is|are) |(?<=\bwhat)[’']s |(?<=\bwhat)[’']re )"
    r"(?:the city|sapporo|they|city hall|the ward|[a-z]+ ward) [a-z]+ing\b|"
    r"\b(?:does|do|will|did) (?:the city|sapporo|they|city hall|the ward|[a-z]+ ward) "
    r"(?!mean\b|stand\b)[a-z]+\b", re.I)


def asks_what_is_done(question: str) -> bool:
    """Whether ``question`` asks whether the city does or uses something (やってるの？, "is the city using")."""
    return bool(_DONE.search(question))


# What something does (「…って何してる？」, 「…って何をしてくれるところ？」, 「…ってなにするとこ」, "what does it do"): its
# description answers it, not its name — asked of a thing named before って (「西区では防災に何をしていますか」 asks which
# initiative)
_WHAT_IT_DOES = re.compile(r"って\s*(?:何|なに|なん)(?:を)?(?:して|する|やって|やる)|\bwhat (?:does|do|did) (?:it|they)\b",
                           re.IGNORECASE)


def asks_what_it_does(question: str) -> bool:
    """Whether ``question`` asks what something does (何してる？, 何をするところ？, "what does it do")."""
    return bool(_WHAT_IT_DOES.search(question))


# Where or when something is done (どこの区役所で始まるの？, いつから？, "where is it used"; not いつも or いつでも,
# always): what a term's definition never says, the initiative that uses the term may.
_WHERE_OR_WHEN = re.compile(r"どこ|いつ(?!も|でも)|\bwhere\b|\bwhen\b", re.IGNORECASE)


def asks_where_or_when(question: str) -> bool:
    """Whether ``question`` asks where or when (どこで, いつから, "where", "when")."""
    return bool(_WHERE_OR_WHEN.search(question))


# Where in the plan something is written (「それって計画の何ページに書いてある？」, 「計画のどこに載ってる？」, 出典,
# "which page is that on?"): the passage's place in the plan, not a number of pages.
_WHERE_IN_PLAN = re.compile(
    r"(?:計画|プラン)(?:の|で|では|って)?\s*(?:どこ|どのページ|どの(?:部分|章|項目|あたり|辺))|"
    # (not 「計画って何ページあるの？」, its length)
    r"何\s*(?:ページ|頁)(?:目|に|で|\s*(?:書|載|記載))|の\s*何\s*(?:ページ|頁)(?!\s*(?:ある|あり|くらい|ぐらい))|出典|"
    r"\b(?:which|what) page\b|\bwhere in the (?:action )?plan\b", re.IGNORECASE)


def asks_where_in_plan(question: str) -> bool:
    """Whether ``question`` asks where in the plan something is written (何ページ, 出典, "which page")."""
    return bool(_WHERE_IN_PLAN.search(question))


def asks_for_a_number(question: str) -> bool:
    """Whether a figure question asks for a number (何%, どれくらい, 数値目標, "how many") rather than only
    what an initiative aims at (「…取組、目標は？」), which its description states when it has no indicator,
    or by when (いつまでに？: the target year of its indicator row)."""
    return bool(_FIGURE.search(_GOAL_WORDS.sub(" ", question)) or asked_unit(question))


# A figure asked as where the plan means to get (何か所まで増やすつもり？, 何人を目指す？, "what is the
# target for 2027"): an initiative whose target is a word (増加, 実施) answers it with that word.
_PLAN_AIM = re.compile(
    r"まで(?:に)?\s*(?:増や|減ら|伸ば|上げ|下げ|高め|短く|縮め|広げ|拡大|削減)|つもり|目指|目標|予定|見込|"
    # (「何か所に増やす？」: a count to grow to, as 「何か所まで」)
    r"(?:何|なん|いくつ)[^\s、。？?]{0,4}(?:に|へ)\s*(?:増や|減ら|伸ば|上げ|下げ|高め|広げ)|"
    r"(?:20\d\d|令和\s*\d+)\s*年度?(?:まで|に|には|の時点)|"
    r"\bby 20\d\d\b|\baim|\bplan(?:s|ning)? to\b|\btargets?\b|\bgoals?\b|"
    r"\bhow (?:many|much)\b[^?]{0,60}\bwill\b", re.I)  # "How many facilities will have naming rights?"


# When something began (いつできた, 何年から, "when was it set up"): a past date the plan's narrative may
# state. (When something *will* happen is a schedule, below, or the plan's target year, a figure.)
_DATE = re.compile(
    r"いつ(?:頃|ごろ)?\s*(?:から|でき|始ま|はじま|開始|開設|設置|設立|作られ|つくられ|作っ|つくっ|作る|つくる|作成|"
    r"決ま|決め|策定|制定|定め|発足|導入|スタート)|何年(?:に|から|前)|"
    # when a thing changes (「いつリニューアル？」, 「いつ変わるの？」, 「いつ便利になる？」): when it starts, as above
    r"いつ(?:頃|ごろ)?\s*(?:変わ|かわ|リニューアル|新しくな|切り?替わ|切りかわ|便利にな|良くな|よくな|使えるように)|"
    # (「いつ頃工事するの？」, 「遊具はいつ直るの？」: when a thing is rebuilt or mended)
    r"いつ(?:頃|ごろ)?\s*(?:工事|改修|着工|建て替|建替|修理|修繕|直る|直す|直して|なおる|なおす)|"
    r"(?:開設|設置|設立|発足|開始|導入|スタート)(?:は|って|したのは|するのは)\s*いつ|"
    # when the city carries out a project (「市公式HPの再構築っていつやる？」; an event's day is a schedule)
    r"(?:化|構築|導入|整備)(?:は|って)\s*いつ(?:頃|ごろ)?\s*(?:やる|やります|する|します|実施|行う|行われ)|"
    # 「いつ？」, 「それはいつ？」, "When?" alone: when the topic happens
    r"^\s*(?:それ(?:は|って)?)?\s*いつ(?:頃|ごろ)?(?:なの|ですか|なんですか|なん|かな|でしょうか)?\s*[?？]*\s*$|^\s*when\s*\?*\s*$|"
    r"\bwhen (?:was|were|did)\b|\bsince when\b|\bwhat year\b|\bhow long ago\b|"
    r"\bwhen (?:will|does|do|is|are) .{0,60}\b"
    r"(?:start|begin|launch|be (?:introduced|available|set up|installed|rolled out))\b|"
    r"\bwhen will .{0,60}\b(?:open|be opened|let|allow|enable|be able|be possible)\b|"
    # when a thing the city makes is done (「いつできるの？」: "When will the new site be ready?")
    # (when it will be finished asks an end the plan does not state: 「いつ終わるの？」)
    r"\bwhen will .{0,60}\bbe (?:ready|launched|renewed)\b",
    re.IGNORECASE,
)
_DEPARTMENT = re.compile(
    r"所管|担当|部署|問い合わせ|問合せ|問い合せ|窓口はどこ|どこが(やって|担当|所管)|どこの(局|課|部)|"
    r"which department|in charge|responsible|who (runs|handles|is responsible)|\bcontact\b",
    re.IGNORECASE,
)
# How many each one is in charge of (「ケースワーカーって一人何世帯担当してる？」): a count, no department.
_COUNT_IN_CHARGE = re.compile(r"(?:何|なん|いくつ)\s*(?:世帯|人|件|ケース|家族|施設|校|か所|箇所|ヶ所)"
                              r"(?:くらい|ぐらい|ほど)?(?:を|の|も)?\s*担当")
_DEFINITION = re.compile(
    # (not こと + は: 「ほかに効率化してることは？」 asks what else is done; nor 「…って何してる？」, 「…って何ができる？」)
    r"(?<!こ)とは[?？]?\s*$|とは(何|なに|どういう)|"
    r"って(?:(?:何|なに)(?![をがに]|し|する|やっ|やる|でき|[年月日時分秒人回件歳個枚円倍割%％箇ヶ]|曜|か(?!な|しら))|どういう)|"
    # (not 「ってなんの方針？」: which one — but 「ってなんのこと？」; 「ってなんで？」, why, is mostly answered by what it is)
    r"ってなん(?!の(?!こと)|か(?!な|しら))|の意味|意味は|"
    # how terms differ (「SIB PFS 違い」, 「SIBとの違いは？」): what each means (not 間違い, a mistake)
    r"(?<!間)違い(?:は|って|が)?\s*(?:何|なに|なん)?\s*[?？]?\s*$|(?<!間)違いを教え|\bdifference between\b|"
    r"(?:何|なん)て(?:言う|いう|呼ぶ|よぶ|説明|定義)|何と(?:言う|いう|呼ぶ|説明|定義)|どう定義|どう説明|(?:呼び方|名前|言葉)(?:は|って)(?:何|なに|なん)|"
    r"\bwhat(?:'s| is) (?:it|this|that) called\b|\bwhat do (?:you|they) call\b|"
    # "what is X", "what does X mean" — not "what is the city doing about X" (an action, not a term)
    # (nor "what does the city aim for with X by 2027": its aim)
    r"^\s*what (?:is|are|does)\b"
    r"(?!.*\b(?:doing|do|planning|going to|aims?|aiming|wants?|hopes?|intends?|expects?|by 20\d\d)\b)|"
    r"^\s*what (?:does|do)\b.*\b(?:mean|stand for)\b|\bdefinition\b|\bdefine\b|"
    r"^\s*(?:please |can you |could you )?explain\b(?!.*\b(?:how|why)\b)|\bmeaning of\b|"
    # a term and nothing else asked (「ＢＰＲって？」; spaced, in kana: 「ねーみんぐらいつ って なに？」)
    r"^\s*[^\s、。？?!！]{1,20}って\s*[?？]\s*$|^\s*[^\s、。？?!！]{1,20}\s?って\s(?:何|なに)\s*[?？]?\s*$",
    re.IGNORECASE,
)
# A question about the plan's own target ("目標はいくら", "the target year") asks for a fact the plan
# states: it takes precedence over the price / date vetoes below.
_PLAN_TARGET = re.compile(r"目標|指標|\btargets?\b|\bgoals?\b|\bindicators?\b", re.I)
# what asks a fact the plan states (`index.fact_words`)
STATED_PATTERNS = (_FIGURE, _DATE, _DEPARTMENT, _PLAN_TARGET)
# Greetings, thanks, acknowledgements and "what can you do": answered with a short guide, not with plan
# passages. A question is small talk when it is nothing but such phrases (「こんにちは、使い方を教えて」,
# "Hi! What can you do?"); one that also asks about anything else (「こんにちは、大型ごみについて教えて」) is not.
_BOT = r"(?:あなた|君|きみ|この(?:ボット|チャット(?:ボット)?|AI|サービス|システム|アプリ))"  # the bot, as people name it
_SMALLTALK_PHRASES = (
    # greetings and farewells (こんにちわ: the everyday misspelling)
    r"こんにち[はわ]|こんばん[はわ]|おはよう(?:ございます)?|はじめまして|初めまして|もしもし|やあ|さようなら|バイバイ|またね|"
    r"おやすみ(?:なさい)?|"
    # thanks, acknowledgements and closing words (ありがと, 助かった, わかった, すごいね, もういいです, また聞きます)
    r"(?:どうも)?ありがと(?:う)?(?:ございます|ございました|ね|な|です)?|どうも|サンキュー|感謝(?:します|です)|"
    r"助かり(?:ました|ます)|助か(?:る|った)|了解(?:です|しました)?|承知(?:しました|です)|"
    r"(?:よく)?(?:わか|分か)(?:りました|った)|なるほど(?:ね)?|オッケー|おっけー|"
    r"すご(?:い|いね|いです)|いいね|さすが|便利(?:だね|ですね)|もう(?:いい|大丈夫)(?:です)?|以上(?:です)?|"
    r"また(?:聞き|質問し|来|使い)ます|お疲れ(?:様|さま)(?:です|でした)?|よろしく(?:お願いします|おねがいします|です|ね)?|"
    # what the bot is and how to use it
    r"使い方(?:は|って|が(?:わから|分から)ない|を(?:もう一度|もう一回)?教えて(?:ください|下さい)?)?|"
    r"(?:何|なに)が(?:でき|聞け|きけ)る(?:の|んですか|んだ|ますか)?|どんなことが(?:でき|聞け|きけ)る(?:の|んですか|ますか)?|"
    r"(?:何|なに)を(?:聞け|きけ)ば(?:いい|良い)(?:の|ですか)?|(?:あなた|君|きみ)は(?:誰|だれ|何|なに)(?:ですか)?|"
    r"(?:ほかの|他の)?(?:質問|聞き方)の?(?:例|れい)(?:は|を(?:教えて|見せて)|って)?|"
    # what the bot covers (どの区のことがわかるの？, 北区のことも聞ける？) and whether to trust it (回答は信用していいの？,
    # 誰が作ったの？, この情報はいつ時点？): `bot.compose.smalltalk_reply` answers from the plan's profile
    r"(?:どの|どこの)区(?:のこと)?(?:が|を|について|なら)?(?:わか|分か|聞け|きけ|答えられ|調べられ)(?:る|ります|ます)(?:の|んですか|か)?|"
    r"[^\s、。？?]{1,4}区(?:のこと|について)(?:も|は)?(?:わか|分か|聞け|きけ|答えられ|調べられ)(?:る|ります|ます)(?:の|んですか|か)?|"
    rf"(?:{_BOT}(?:の(?:回答|答え|情報|説明))?|回答|答え|情報)(?:は|って|を)?(?:信用|信頼)(?:して(?:も)?(?:いい|良い|大丈夫)|"
    r"でき(?:る|ます))(?:の|んですか|ですか|か)?|"
    rf"{_BOT}(?:は|って|を)?(?:誰|だれ|どこ)が(?:作|つく)(?:った|りました)(?:の|んですか|ですか)?|"
    r"(?:あなた|君|きみ)(?:は|って)(?:AI|人間|ロボット|ボット)(?:なの|ですか|なんですか)?|"
    r"(?:この)?(?:情報|回答|データ)(?:は|って)(?:いつ時点|いつの|最新)(?:の(?:もの|情報))?(?:ですか|なの|なんですか)?|"
    # courtesies around a question (お世話になっております。…よろしくお願いします。): `without_courtesies`
    r"お世話に(?:なって(?:おり|い)ます|なります)|(?:すみません|すいません|失礼します|恐れ入ります|申し訳ありません)(?:が|けど)?|"
    r"(?:(?:ちょっと|少し|1つ|ひとつ)?(?:お?聞き|お?尋ね|質問し)(?:たい|したい)(?:ことがある)?(?:んです|のです|んだ)?(?:が|けど|けれど(?:も)?))|"
    r"(?:(?:ちょっと|少し|1つ|ひとつ)?教えて(?:ほしい|欲しい|もらいたい|いただきたい)(?:んです|のです|んだ)?(?:が|けど|けれど(?:も)?))|"
    r"質問(?:です|があります|させてください)|(?:初めて|はじめて)(?:使い|利用し)ます|長文(?:すみません|失礼しました|失礼します)|"
    r"(?:誰か|だれか)?(?:わかる|分かる|知ってる)(?:人|方)(?:いますか|いませんか|いる)|教えて(?:ください|下さい|ほしいです)?|"
    r"(?:よろしく|宜しく)?お願い(?:し|いた|致)します|ご(?:回答|返答|返信|教示)(?:を|の(?:ほど)?)?(?:お願い(?:し|いた|致)します|"
    r"(?:いただけ|頂け)ますか|(?:ください|下さい)|願います)|"
    r"お忙しい(?:ところ|中)(?:恐縮です|すみません|申し訳(?:ありません|ございません))(?:が|けど)?|"
    r"(?:突然|急に)(?:すみません|すいません|失礼します|(?:の)?(?:ご連絡|質問)(?:失礼します|すみません))|"
    r"(?:初めて|はじめて)(?:質問|問い合わせ|お問い合わせ|投稿)(?:します|させて(?:いただきます|ください))|"
    r"お手数(?:ですが|を?おかけしますが)|恐縮ですが|あの[ー〜]*|えっと|えーと|"
    r"(?:hello|hi|hey)(?: there)?|good (?:morning|afternoon|evening)|thanks(?: a lot)?|"
    r"thank (?:you|u)(?: (?:very|so) much)?|"
    r"thx|cheers|great|cool|nice|perfect|that'?s (?:all|it)|"
    r"bye|goodbye|ok(?:ay)?|got it|help|how (?:do i|to|can i) use(?: (?:this|it|you))?|"
    r"what can you do|who are you|what are you|"
    r"who (?:made|built|created|runs) (?:you|this(?: bot| chatbot| assistant| service)?)|"
    r"are you (?:a (?:bot|robot|human|real person)|an ai|human|official)|"
    r"can i trust (?:you|this|(?:the|your) answers?)|"
    r"how (?:accurate|reliable|up to date) (?:are you|is this|are (?:the|your) answers)|"
    r"which wards? (?:do|can) you (?:cover|know about|answer(?: about)?)|can i ask about \w+ ward|"
    r"(?:(?:give|show) me |any )?(?:some |more )?(?:example|sample) questions?"
)
_SMALLTALK_GAP = r"[\s!！?？。、,.，〜～ーw笑♪()（）\u2600-\u27bf\U0001f300-\U0001faff]*"
_SMALLTALK = re.compile(rf"^{_SMALLTALK_GAP}(?:(?:{_SMALLTALK_PHRASES}){_SMALLTALK_GAP})+$", re.I)
# A message with nothing to look up — marks, laughter, emoji, one kana at most (「？？？」, 「ｗｗｗ」, 「あ」,
# 「ん？」) — gets the guide too, not passages found for nothing (「ｗｗｗ」 read as "www" found the homepage's
# rebuild).
_CONTENTLESS = re.compile(rf"^{_SMALLTALK_GAP}[ぁ-ゖァ-ヺｗ]?[\sｗ]*{_SMALLTALK_GAP}$", re.IGNORECASE)
# a sentence or a clause of a question, with the marks that end it
_CLAUSE = re.compile(r"[^。！？!?\n、,（(]+[。！？!?\n、,]*|[（(][^）)]*[）)]?[。！？!?\n、,]*")


# Every initiative of a ward asked for (「清田区の取組を全部教えて」, 「手稲区の事業一覧」, "list all of Kiyota ward's
# initiatives"): the words that ask for the whole list, and those that may stand beside them.
# (主な取組: the plan's own heading for a ward's list, 取組目標・主な取組)
# What a ward is doing asked as a whole (「西区は何に取り組んでるの？」, 「清田区ではどんなことをしてるの？」, "what is Teine
# ward doing?", 「手稲区の取組を教えて」) asks for its list too; what it did (「前の計画のとき何やってたの？」) asks its
# 2019 review.
_WHOLE_LIST = re.compile(
    r"全部|全て|すべて|ぜんぶ|一覧|リスト|全件|主な|主要な|\b(?:all|list|every|main)\b|"
    r"(?:何|なに|どんなこと|どういうこと)(?:に|を)?(?:(?:(?:取り?|とり)組ん|とりくん|取りくん)で|やって|して)(?!い?た)|"
    r"(?:何|なに|どんなこと|どういうこと)(?:に|を)?(?:(?:取り?|とり)組む|とりくむ|取りくむ|する|やる)|"
    r"\bwhat (?:is|are|does) .{0,40}\b(?:doing|working on|do)\b|"
    # its initiatives asked for, nothing else named (「手稲区の取組を教えて」, 「清田区の事業について知りたい」,
    # 「豊平区の取り組みってどんなのがある？」)
    r"(?:取り?組み?|取りくみ|とりくみ|事業|施策)(?:を|について|って|は|には)?\s*"
    r"(?:教えて|おしえて|知りたい|しりたい|[?？]|$|(?:どんな(?:の|もの)?|何|なに)(?:が)?\s*(?:ある|あります))",
    re.IGNORECASE)
# How many initiatives a ward has (「清田区の取組はいくつある？」, 「手稲区の事業数は？」, "how many initiatives"): its list,
# whose first line is the count.
_COUNTED = re.compile(r"いくつ|何件|何個|何事業|幾つ|(?:取組|取り組み|事業)(?:の)?数|\bhow many\b|\bnumber of\b", re.IGNORECASE)
_INITIATIVE_WORDS = frozenset({"取組", "取り組み", "事業", "施策", "initiatives", "projects", "programs"})
# What a ward did under its previous plan (「前の計画のとき、事業いくつやったの？」, "how many projects did it run under the
# last plan"): its 2019 review, not the list of what it will do
_PAST_PLAN = re.compile(
    r"前(?:回)?の(?:計画|プラン)|以前の(?:計画|プラン)|旧計画|前計画|2019|\b(?:previous|last|earlier|old) (?:action )?plan\b|"
    r"(?:やっ|し|(?:取り?|とり)組ん|とりくん)(?:た|てた|ていた)(?:の|ん|か)", re.IGNORECASE)
_COUNT_WORDS = frozenset({"数", "件数", "いくつ", "幾つ", "何件", "件", "個", "全体", "合計", "トータル", "プラン",
                          "アクションプラン", "how", "many", "number", "does", "have", "has", "there", "total",
                          "plan", "this", "is", "action"})
_LIST_WORDS = frozenset({
    "取組", "取り組み", "取りくみ", "事業", "全部", "全て", "総て", "一覧", "リスト", "全件", "施策", "計画", "区", "名前", "主",
    "主要", "main", "具体",  # 「具体的に何やってるの？」
    "名称", "タイトル", "initiative", "initiatives", "project", "projects", "program", "programs", "programme",
    "programmes", "list", "all", "every", "ward", "show", "tell", "me", "the", "of", "in", "please", "its",
    "what", "are", "s", "is", "does", "do", "doing", "working", "on"})


def asks_whole_list(question: str, ward: str | None, english_ward: str = "") -> bool:
    """Whether ``question`` asks for every initiative of ``ward``, or how many there are, and names nothing
    else (「清田区の取組を全部教えて」, 「清田区の取組はいくつある？」: yes; 「清田区の健康の取組を全部教えて」: no, that
    asks the health ones); with no ward, how many the whole plan has (「全部で取組はいくつあるの？」)."""
    if _PAST_PLAN.search(question):
        return False
    counted = _COUNTED.search(question)
    if not (ward and _WHOLE_LIST.search(question) or counted):
        return False  # (the plan's whole list is only counted: 「全部で取組はいくつ？」)
    rest = question.replace(ward, " ").replace(ward.removesuffix("区"), " ") if ward else question
    if english_ward:
        rest = re.sub(rf"\b{re.escape(english_ward)}\b", " ", rest, flags=re.IGNORECASE)
    words = re.findall(r"[a-z]+", rest.lower()) if rest.isascii() else topic_nouns(rest)
    if counted and not _INITIATIVE_WORDS.intersection(words):
        return False  # 「清田区って何個あるの？」: a count of nothing named
    return all(word in _LIST_WORDS or counted and word in _COUNT_WORDS for word in words)


# What a department's list asks besides the department (「スマートシティ推進部が担当してる事業」, 「環境局 所管 事業」).
_DEPARTMENT_LIST_WORDS = frozenset({"担当", "所管", "局", "部", "課", "部署"})


def asks_department_list(question: str, departments: Iterable[str]) -> str | None:
    """The department (a bureau or division of the plan: 子ども未来局, スマートシティ推進部) whose initiatives
    ``question`` asks for as a list, naming nothing else — 「子ども未来局の取組は？」, 「スマートシティ推進部が担当
    してる事業」, 「環境局 所管 事業」, 「子ども未来局の事業はいくつ？」 — else None (the longest name named wins)."""
    named = [name for name in departments if name and name in question]
    if not named:
        return None
    department = max(named, key=len)
    rest = question.replace(department, " ")
    nouns = topic_nouns(rest)
    if not (_INITIATIVE_WORDS.intersection(nouns) or _WHOLE_LIST.search(rest)):
        return None  # (「子ども未来局は？」, 「子ども未来局の電話番号」: not its list)
    allowed = _LIST_WORDS | _DEPARTMENT_LIST_WORDS | _COUNT_WORDS
    return department if all(noun in allowed for noun in nouns) else None


def without_courtesies(question: str) -> str:
    """``question`` without the sentences and clauses that are only courtesies or small talk (お世話になって
    おります。, すみません、ちょっと聞きたいんですけど、, …よろしくお願いします。, （長文すみません）): they carry nothing to
    search with, and they dilute what the embedding model reads of the question. A question that is nothing
    but such phrases is kept as it is (small talk, answered with the guide)."""
    clauses = _CLAUSE.findall(question)
    kept = [clause for clause in clauses if not _SMALLTALK.match(clause)]
    return "".join(kept).strip() if kept and len(kept) < len(clauses) else question


@dataclass(frozen=True)
class Intent:
    """The asked fact (``figure`` | ``department`` | ``definition`` | ``date`` | ``ward`` | ``general``, or
    ``smalltalk`` for a greeting, thanks or "how do I use this"), the
    ward the question names, its language, a fact type the plan never states (or None), a ward the
    plan has no chapter for, for a fact bound to its subject what the question is about, and for a
    figure the unit it is asked in (`asked_unit`), whether it asks for a number at all (False for
    「…取組、目標は？」: what the initiative aims at, `asks_for_a_number`) and whether it asks where the
    plan means to get (``about_aim``: 「何か所まで増やすつもり？」, which a target of 「増加」 answers)."""

    kind: str
    ward: str | None
    language: str
    unanswerable_fact: str | None = None
    other_ward: str | None = None
    subject: tuple[str, ...] = ()
    unit: str | None = None
    wants_number: bool = True
    about_aim: bool = False
    where_in_plan: bool = False  # where in the plan it is written (`asks_where_in_plan`)
    # what an English figure question counts, in the plan's words (`index.crosslingual.measured_terms`)
    measured: tuple[str, ...] = ()


def mentioned_ward(question: str, wards: dict[str, str], places: bool = False) -> str | None:
    """The first of ``wards`` (Japanese name -> English name) the question names, in either language;
    ``places``: also by a place named after it (手稲山, 清田の公園: a name of two or more characters
    before 区, not followed by it)."""
    folded = unicodedata.normalize("NFKC", question)
    compact = re.sub(r"\s+", "", folded)
    for ward, english in wards.items():
        if ward in compact or (english and re.search(rf"\b{re.escape(english)}\b", folded, re.IGNORECASE)):
            return ward
    if places:
        named = (ward for ward in wards if len(ward) > 2 and ward.endswith("区"))
        return next((ward for ward in named if re.search(f"{re.escape(ward[:-1])}(?!区)", compact)), None)
    return None


def _names_several_wards(question: str, wards: dict[str, str]) -> bool:
    """Whether the question names two wards or more (by their Japanese or English names)."""
    return sum(mentioned_ward(question, {ward: english}) is not None for ward, english in wards.items()) >= 2


def detect(question: str, language: str, profile: PlanProfile, respelled: str = "", plan_words: str = "",
           kanji_read: str = "", means: tuple[str, ...] = ()) -> Intent:
    """Classify a question; the order reflects which fact to put first when several apply.
    ``respelled``: the plan's spellings of words the question wrote in kana (ていねく -> 手稲区), where
    a ward the question names may only show up. ``plan_words``: an English question's words in the plan's
    Japanese (マイナンバーカード 土日), what a passage must speak of to answer a fact bound to its subject.
    ``kanji_read``: a question written in hiragana with its common words in kanji (`index.kana_kanji`),
    read for the asked fact when the question as written asks none. ``means``: what an English payment
    question pays and by what, in the plan's words (`index.crosslingual.payment_means`).

    >>> detect("消防検査オンライン化 所管", "ja", PlanProfile()).kind
    'department'
    """
    ward = (mentioned_ward(question, profile.wards)
            or (mentioned_ward(respelled, profile.wards) if respelled else None)
            or mentioned_ward(question, profile.wards, places=True)
            or (mentioned_ward(kanji_read, profile.wards) if kanji_read else None))  # ていねくこそだてさろん
    several = _names_several_wards(question, {**profile.wards, **profile.other_wards})
    if several:  # 「中央区と南区の区役所って建て替えるの？」: about ward offices, not one ward's chapter
        ward = None
    if _SMALLTALK.match(question) or _CONTENTLESS.match(question):
        return Intent("smalltalk", None, language)
    unanswerable = unanswerable_fact(question)
    asked = question
    if unanswerable is None and kanji_read:  # 「ほいくえんの もうしこみは いつまで？」 read as 保育園の 申し込みは
        unanswerable = unanswerable_fact(kanji_read)
        asked = kanji_read if unanswerable else question
    # what is asked, as written and (a kana question) as read in kanji: 「もくひょうは なんにん？」 asks 目標は何人
    read = (question, kanji_read) if kanji_read else (question,)
    if unanswerable in ("fee", "schedule") and any(_PLAN_TARGET.search(text) for text in read):
        unanswerable = None
    where_in_plan = asks_where_in_plan(question)
    if any(_DEPARTMENT.search(_COUNT_IN_CHARGE.sub("", text)) for text in read):
        kind = "department"
    elif where_in_plan:  # (何ページ: a page, not a count)
        kind = "general"
    elif any(_FIGURE.search(text) or counted_unit(text) for text in read):
        kind = "figure"
    elif any(_DATE.search(text) for text in read):
        kind = "date"
    elif _DEFINITION.search(question):  # (not as read: a spaced 「とりくみって なに？」 read 「取り組みってなに」 is no term)
        kind = "definition"
    elif ward:
        kind = "ward"
    else:
        kind = "general"
    other = None if ward or several else mentioned_ward(question, profile.other_wards)
    # (a fact of `UNMATCHED_IN_ENGLISH` — a place, a construction, a subsidy, staff pay —
    # stays unmatched in English: the passage that would lift it must also lead)
    # (an English question whose subject has no plan words has none a passage must speak of)
    matched = language == "en" and unanswerable not in (*CLAUSED, *UNMATCHED_IN_ENGLISH)
    about = plan_words if matched else asking_sentence(asked, unanswerable)
    subject = (subject_of(about, unanswerable, (*profile.wards, *profile.other_wards))
               if unanswerable in SUBJECT_BOUND else ())
    if unanswerable in CLAUSED:  # a condition the plan names otherwise: 「LINEでも」 is SNS, 「スマホでも」 オンライン
        named = profile.plan_terms(condition_clause(asked, unanswerable)[1])
        subject = tuple(noun for term in named for noun in topic_nouns(term)) or subject
    if language == "en" and unanswerable == "payment":
        subject = means  # "by bank transfer online": 口座振替, オンライン; none named: refused
    # (a kana question's unit as read: 「ていねくの じんこうは？」 asks 人口)
    unit = next((found for text in read if (found := asked_unit(text))), None) if kind == "figure" else None
    wants_number = kind != "figure" or any(asks_for_a_number(text) for text in read)
    about_aim = kind == "figure" and any(_PLAN_AIM.search(text) for text in read)
    return Intent(kind, ward, language, unanswerable, other, subject, unit, wants_number, about_aim,
                  where_in_plan)
