"""Follow-up questions without an LLM: resolved from the structured context of the previous turn.

People chat: after 「西区で子育て中の親が使える支援はありますか？」 come 「それの所管は？」, 「目標は？」,
「清田区だと？」, 「他には？」, 「もっと詳しく」 or "in English?". The previous turn left a topic (the
initiative its answer led with), a ward, and the passages already shown; a new message is read
against them:

- **language switch** (「英語で」, "in English") — the previous question again, in that language;
- **same topic, another ward** (「清田区だと？」: a ward and nothing else) — the previous question with that
  ward; when the previous question named its own ward, the rewrite is a whole question and is judged as one
  (a ward without the thing is "not in the plan", as asked alone);
- **something like the topic, another ward** (「清田区には似たようなのある？」) — searched with the topic's own
  words, the ward's initiative most alike preferred, the topic itself sunk;
- **back to an earlier ward** (「西区の話に戻るけど、それの担当は？」 after a detour to 手稲区) — the topic of
  the latest earlier turn in that ward;
- **back to an earlier topic** (「じゃあ最初のほうの担当は？」, 「さっきのやつの目標は？」, "the first one") — the
  conversation's first topic, or the latest before the current one;
- **what is done now** (「今は何してるの」 after a ward's overview or its 2019 review) — the ward's initiatives like
  the narrative passage, its narrative passages sunk;
- **other items** (「他には？」, 「ほかに…ある？」, "anything else") — the passages already shown sink,
  the ward stays;
- **an item within the topic** (「その中のスポーツのやつ」, "which of those …") — searched as a new
  question in the ward, with the topic passage itself sunk: the answer is one of its items;
- **same topic** — a pronoun (それ/その/これ/it/that…), 「もっと詳しく」, a message with no topic word
  besides the asked fact (「担当は？」「何人くらい受ける予定？」: no noun but the asked fact's; "Which
  department is in charge?": nothing but stop words and fact words) — the topic's title joins the
  search and the topic is preferred (after a refused follow-up, the topic it was read against stays);
- otherwise a **new question**: its own topic wins; only the ward carries over, as a preference.

The answer says how a follow-up was understood (「（「…」について）」), so a wrong guess is visible.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from bot.answer import GOALS, LISTED, Answer
from bot.compose import under_goals
from bot.quote import DATE
from index.analyzer import Analyzer, fold, is_topic_noun, located, tagged, topic_nouns
from index.document import description_text, spoken_text
from index.intent import YEAR, Intent, asks_what_is_done, asks_whole_list, mentioned_ward
from index.kana_kanji import asking_words_in_kanji
from index.query import Query, english_ward_name
from index.ranker import asks_about_the_past
from index.synonyms import synonym_groups
from index.units import counted_kind, counted_unit
from index.unstated import (
    NAMELESS_NOUNS,
    NEEDS_SUBJECT,
    PEOPLE,
    SUBJECT_BOUND,
    condition_of,
    subject_of,
    without_asked_fact,
)
from ingest.chunk import Chunk
from ingest.profile import PlanProfile

# Whom, where or what of the asker's own 「ほかの」/"other" may also qualify: 「ほかの家族と交流できる？」, "meet other
# families", 「ほかの市と」, 「ほかの悩みもいっしょに相談できる？」 ask no other initiatives (「他に子育ての取組ある？」 does).
_NO_INITIATIVES = (r"家族|人|方|親|子(?!育)|保護者|区民|市民|住民|参加者|メンバー|利用者|会員|ママ|パパ|市|町|自治体|都市|"
                   r"悩み|困りごと|困り事|心配|問題|用事|用件|"
                   r"problems?\b|issues?\b|worries\b|concerns?\b|"
                   r"famil(?:y|ies)\b|people\b|persons?\b|parents?\b|residents?\b|children\b|kids?\b|"
                   r"members?\b|users?\b|citizens?\b|mothers?\b|fathers?\b|moms?\b|mums?\b|dads?\b|"
                   r"caregivers?\b|cities\b|city\b|towns?\b|municipalities\b")
_ENGLISH = re.compile(r"^\s*(?:(?:can you |could you |please )?(?:explain |say |answer )?(?:that |it |this )?"
                      r"in english(?: please)?|english(?: please)?|英語で(?:お願いします|教えて(?:ください)?|説明して(?:ください)?)?)"
                      r"[\s?？.。!！]*$", re.I)
_JAPANESE = re.compile(r"^\s*(?:(?:can you |please )?(?:answer |say )?(?:that |it )?in japanese|日本語で"
                       r"(?:お願いします|教えて(?:ください)?)?)[\s?？.。!！]*$", re.I)
# Related ones, asked by staff (「関連する取組」, "related initiatives"): others on the topic's subject.
_RELATED = re.compile(r"関連(?:する|した|の)?(?:取組|取り組み|事業|施策)(?:は|って|を)?|"
                      r"\brelated (?:initiatives|projects|programs)\b", re.I)
_OTHERS = re.compile(r"(?:他に|ほかに|他の|ほかの|他には|ほかには|別の|\bother\b|\belse\b|\banother\b|"
                     rf"{_RELATED.pattern}|"
                     rf"\bmore (?:items|initiatives)\b)(?!\s*(?:{_NO_INITIATIVES}))", re.I)
# The topic asked of other places (「ほかの区役所にも置くの？」, 「ほかの区にもある？」, "Will they put it in other
# ward offices too?"): whether it reaches there, not another initiative.
_ELSEWHERE = re.compile(r"(?:他|ほか)の(?:区役所|区|窓口|施設|庁舎|学校|場所|ところ|とこ|地域|駅|公園|会場)(?:に|で|へ)も?"
                        r"[^。？?]{0,12}(?:置|設置|導入|広げ|広が|拡大|増や|作|つく|でき|使え|やる|やら|始め|入れ)|"
                        r"(?:他|ほか)の(?:区役所|区|窓口|施設|庁舎|場所|ところ|とこ|地域)(?:に|で|へ)も\s*"
                        r"(?:ある(?:の|んですか)?|あります(?:か)?)?\s*[?？]?\s*$|"
                        r"\b(?:it|them|this|that|they)\b.{0,40}\b(?:in|at|to|into) (?:the |all )?other "
                        r"(?:ward offices|wards|offices|branches|places|locations|sites|facilities)\b", re.I)
# The other wards (「ほかの区でもやってる？」, "Do other wards do this too?").
_OTHER_WARDS = re.compile(r"(?:他|ほか|別|よそ)の区|\b(?:other|another) wards?\b", re.I)
# The previous ward named to be left out (「手稲区以外でも似たのある？」, 「手稲以外の区は？」, "outside Teine ward"):
# the other wards, asked as 「ほかの区」 is.
_BUT_WARD = r"(?:区)?\s*(?:以外(?:の区)?|じゃない区|ではない区)"
# "Among those, the X" (「その中のスポーツのやつ」): an item inside the previous topic, not the topic itself.
_WITHIN = re.compile(r"(?:その|この|あの|これらの|それらの)(?:中|なか|うち)|"
                     r"\b(?:among|one of|which of) (?:them|those|these)\b", re.I)
_ANAPHORA = re.compile(r"それ|その|そこ|これ|この|あれ|そちら|こちら|\b(?:it|that|this|they|them|its|those|these)\b", re.I)
# Asking what something means (「…ってそういう意味？」, "does X mean …"), besides a definition question as such.
_MEANING = re.compile(r"意味|とは|ってこと|\bmean(?:s|ing)?\b", re.IGNORECASE)
# The previous answer checked in the asker's words (「町内会の人が助けてくれるってこと？」, "You mean …?").
_CONFIRMING = re.compile(r"(?:って|という|ってゆう|っていう)こと(?:です|でしょう|だよ|ですよ|なの|なん|かな)?(?:か|ね)?\s*[?？]\s*$|"
                         r"^\s*(?:so )?you mean\b", re.IGNORECASE)
# A new subject announced (「ところで」, 「話変わるけど」, "by the way"): nothing of the conversation carries over.
_NEW_SUBJECT = re.compile(r"^\s*(?:ところで|話(?:は|が)?変わ(?:る|り|って)|別の話|全然違う(?:話|けど)|\bby the way\b|\bbtw\b|"
                          r"\bon another (?:note|subject|topic)\b|\bunrelated\b|\bdifferent (?:question|topic)\b)", re.I)
# An elliptical message ("What about AI for meeting minutes?", 「議事録のAIは？」): a thing in the previous question's frame.
_ELLIPTICAL = re.compile(r"^\s*(?:and |then |so )?(?:what|how) about\b|^[^。？?!！\n]{1,20}(?:は|なら|だと|では)\s*[?？]\s*$", re.I)
# Something like the topic, asked of another ward (「南区にも似たようなのある？」, "anything similar in Nishi ward?").
_ALIKE = re.compile(r"似た|似てる|同じような|同じよう|同様|\bsimilar\b|\blike (?:that|this|it)\b|\bthe same\b", re.I)
# What a thing like the topic may be called (「似たような場所ある？」, 「同じようなイベントは？」): no subject of its own.
_ALIKE_KIND = re.compile(r"場所|ところ|とこ|所|イベント|催し|活動|サービス|取組み?|取り組み|仕組み|制度|事業|集まり|企画|"
                         r"プロジェクト|団体|会社|企業|業種|もの|こと|[のでにがをはも]|\b(?:anything|something|one|ones|like that|"
                         r"events?|programs?|programmes?|activities|activity|initiatives?|places?)\b", re.I)
_WITH_PARTNER = re.compile(r"(?:と|とも)\s*(?:一緒に|いっしょに|協力して|連携して|組んで)\s*(?:やって|して|取り組んで|進めて)"
                           r"(?:る|いる|います)?(?:の|んですか|んだ|ますか)?\s*[?？]?\s*$|"
                           r"\b(?:together|partner(?:ing)?|work(?:ing)?) with\b", re.IGNORECASE)
# The whole city, asked of a ward's topic (「市全体でもやってる？」, "Is there anything city-wide?").
_CITY_WIDE = re.compile(r"(?:札幌)?市(?:全体|全域|として)|全市|\bcity-?wide\b|\b(?:the )?whole city\b|"
                        r"\bacross (?:the )?city\b", re.IGNORECASE)
_WHAT_KIND = re.compile(r"どんな|どういう|どのような|\bwhat kinds? of\b", re.IGNORECASE)
_WHAT_KIND_EN = re.compile(r"\bwhat (?:kinds?|sorts?|types?) of (?P<thing>[a-z]+)\b", re.IGNORECASE)
_WHEN = re.compile(r"いつ(?!も|でも)|\bwhen\b", re.IGNORECASE)
_LIGHT_VERBS = {"為る", "有る", "成る", "出来る", "遣る", "居る", "入る", "含む"}
# Which one of a kind (「何の業務で？」, 「どの業務？」, "which services?")
_WHICH = re.compile(r"何の|なんの|どの(?!くらい|ぐらい|位|程度|よう)|\bwhich\b", re.IGNORECASE)
# What is done now, asked after a ward's narrative (「今は何してるの」 after its overview or its 2019 review).
_NOW_DOING = re.compile(r"^(?:じゃあ|で|それで)?[、,]?\s*(?:今|いま|現在|今後|これから)(?:は|って)?[、,]?\s*"
                        r"(?:何|なに|どんな(?:こと)?)(?:か)?(?:を)?\s*(?:対策|取り?組み?)?(?:を)?\s*(?:して|やって|する|やる|しようと)|"
                        # 「今もやってる？」: whether what the review told goes on now
                        r"^(?:じゃあ|で|それで|それって|それ)?[、,]?\s*(?:今|いま|現在)も\s*(?:やって|して|続いて|続けて)"
                        r"(?:る|いる|ます)?(?:の|か|かな|んですか|ますか)?\s*[?？]?\s*$|"
                        r"\b(?:still|now) (?:doing|running|going on|held|happening)\b|\bdo they still\b|"
                        r"\bwhat (?:are they|is the ward|does the ward|do they) (?:doing|do) "
                        r"(?:now|today|these days)\b", re.IGNORECASE)
# What the ward aims at or puts its effort into (「何に力を入れてるの？」, 「どんなまちを目指してるの？」), asked after one of
# its narrative passages (its overview): asked of the ward.
# (or its goals asked bare: 「今の目標は？」 after its 2019 review, "and what is its goal now?")
_WARDS_AIMS = re.compile(r"目指|めざ|方針|ビジョン|将来像|力を入れ|力入れ|"
                         r"^(?:じゃあ|で|それで)?[、,]?\s*(?:今の|いまの|現在の)?目標(?:は|って)?\s*(?:何|なに|なん)?"
                         r"(?:です(?:か)?|なの|だっけ)?\s*[?？]?\s*$")
_WARDS_AIMS_EN = re.compile(
    r"^(?:and |so )?what (?:is|are) (?:its|the ward's|their) (?:goals?|aims?|vision)\b", re.IGNORECASE)
# An earlier topic pointed back at (「じゃあ最初のほうの担当は？」, 「さっきのやつの目標は？」, "the first one"): the
# first, or the latest before the current one.
_EARLIER_TOPIC = re.compile(r"(?P<first>最初|はじめ|初め|一番目|1つ目|一つ目|ひとつ目)の(?:ほう|方|やつ|取組|取り組み|話|事業|"
                            r"質問|件)|(?:さっき|先ほど|さきほど)の(?:ほう|方|やつ|取組|取り組み|話|事業|質問|件)|"
                            r"前の(?:ほう|方|やつ|話|質問)|"
                            r"\bthe (?P<first_en>first) one\b|\bthe (?:earlier|previous|other) one\b",
                            re.IGNORECASE)
# Going back (「さっきの粗大ごみの件、目標は？」, 「戻るけど、南区のやつの目標は？」, "back to the garbage one"): to the earlier
# turn whose question or topic names the thing the message names, or in the ward it names. (Not 前の, which is
# also the previous plan: 「前の計画では何してた？」.)
_POINTING_NOUNS = frozenset({"やつ", "件", "話", "こと", "ほう", "方", "質問", "内容", "取組", "取り組み", "事業"})
_GOING_BACK = re.compile(r"さっき|先ほど|さきほど|最初|戻(?:る|って|り|ります|すと)|\bback to\b|\bearlier\b", re.IGNORECASE)
# A passage the previous answer numbered, pointed at by its number (「2番目のやつ詳しく」, 「[3]の担当は？」, "the second
# one"): that citation. From the second on — 「最初の」 points back at the conversation's first topic (above).
_NTH_CITED = re.compile(r"(?:(?P<digit>[2-9２-９])|(?P<kanji>[二三四五六七八九]))\s*(?:番目|つ目|つめ|個目|こ目)|"
                        r"[\[［](?P<bracket>[1-9１-９])[\]］]|"
                        r"\bthe (?P<english>second|third|fourth|fifth|2nd|3rd|4th|5th) "
                        r"(?:one|item|result|passage)\b|"
                        r"\b(?:number|no\.|item) ?(?P<number>[2-9])\b", re.IGNORECASE)
# A goal heading the previous answer cited, pointed at by its own label (「目標2の取組は？」, 「取組3って何するの？」 after a
# ward's goals): that heading (目標2:安全・安心に暮らすことができるまちづくり).
# (not a figure: 「目標3万人って多い？」)
_LABELLED = re.compile(r"(?P<label>目標|取組|取り組み)\s*(?P<n>[1-9１-９])(?![0-9０-９.,．万千百億%％人件回か割倍年])")
_NUMERALS = {word: n for words in ("二三四五六七八九", ("second", "third", "fourth", "fifth"),
                                   ("2nd", "3rd", "4th", "5th"))
             for n, word in enumerate(words, 2)}
_WHERE = re.compile(r"どこ(?!か|でも|も)|\bwhere\b", re.IGNORECASE)
_RANGE = re.compile(r"から[^。？?]{0,12}?まで")  # 子どもから大人まで
# the users of a thing, asked (利用者, 使ってる人, "users") and counted by an indicator (アクティブユーザー数, 利用者数)
_USERS = re.compile(r"利用者|利用する人|ユーザー|使って(?:い)?る人|使う人|\busers?\b", re.I)
_USERS_COUNTED = re.compile(r"ユーザー|利用者|利用人数")
# The asker's family, asked whether they may take part (「パパだけで行ってもいい？」, 「おばあちゃんも参加できる？」)
_FAMILY = frozenset({"パパ", "ママ", "父親", "母親", "父", "母", "親", "両親", "祖父", "祖母", "祖父母", "おじいちゃん",
                     "おばあちゃん", "じいちゃん", "ばあちゃん", "夫", "妻", "旦那", "息子", "娘", "孫", "兄弟", "姉妹"})
_WHO = re.compile(r"(?:誰|だれ|どなた)(?:が|と|に)|\bwho\b", re.IGNORECASE)
# What else the topic does or holds (「それってほかに何してるの？」, "What else does it include?"): more of the topic, not
# other initiatives.
_ELSE_OF_IT = re.compile(r"(?:それ|そこ|これ)(?:って|は|で)?\s*(?:他|ほか)に(?:は)?\s*(?:何|なに)|"
                         # (「そのセンターで他に何してる？」: the topic named by その and a word of it)
                         r"(?:その|この)[^。？?、\s]{1,10}?(?:って|は|で|では)\s*(?:他|ほか)に(?:は)?\s*(?:何|なに)|"
                         # (「他にどんな手続きが対象？」 of the online procedures: what else it covers)
                         r"(?:他|ほか)に(?:は)?\s*(?:どんな|どの|どういう|何の|なんの)[^。？?、\s]{1,8}?(?:が|は|も)?\s*"
                         r"(?:対象|含まれ|入って|入る)|"
                         r"\bwhat else (?:does|do|did|will|can|is|are) (?:it|that|this|they)\b",
                         re.IGNORECASE)
_LIST_FACTS = ("department", "figure")
_MORE = re.compile(r"もっと詳しく|詳しく|くわしく|詳細|\bmore detail|\btell me more\b", re.I)
# What a request for more says besides: 「もう少し詳しく教えてください」, 「それについて詳細を知りたい」, "Can you tell me more
# about it?" — nothing asked of its own (「もっと詳しく。どこの公園で何をするの？」 asks where and what).
_MORE_ASKED = re.compile(_MORE.pattern + r"|\bdetails?\b|\belaborate\b|\bmore (?:about|on)\b", re.IGNORECASE)
_MORE_ONLY_WORDS = re.compile(
    r"もう少し|もうちょっと|もっと|さらに|少し|ちょっと|詳しく|くわしく|詳細|詳しい|こと|内容|話|説明|教えて|知りたい|聞きたい|見たい|"
    r"して|お願い|します|ください|下さい|もらえ(?:る|ます)|くれ(?:る|ます)?|ほしい|欲しい|いい|です|"
    r"それ|その|これ|この|そちら|件|やつ|について|を|が|は|の|って|ね|よ|か|な|で|"
    r"\b(?:tell|me|more|about|it|that|this|please|can|could|would|you|give|details?|info(?:rmation)?|in|on|"
    r"the|some|elaborate|go|into|explain|further)\b|[、。,.!！?？\s]", re.IGNORECASE)
_WARD_ONLY_FILLER = re.compile(r"(?:です|でした|だよ|だね|だ)(?:よ|ね)?(?=[\s?？!！。.、,]*$)|"  # 「豊平区です」 (first: not で)
                               r"(?:似た|同じ|同様の|そういう|こういう)(?:ような|よう)?(?:の|もの|こと|取組|取り組み)?|"
                               r"(?:って|も|にも|には|では|でも)?(?:ある|あります|あるの|やってる|やっている|やってます)(?:の|か)?|"
                               r"^(?:じゃあ|じゃ|それじゃ|それなら|それでは|では|で|あと)|"
                               # 「うちは南区なんだけど」, 「南区に住んでるんですけど」: the asker's own ward
                               r"^(?:うち|家|私|わたし|僕|俺)(?:は|の(?:区|とこ|ところ)は)|に住んで(?:る|いる|います)|"
                               # 「手稲区のほうが近いんだけど、手稲だと？」: the ward is nearer, a reason to ask of it
                               r"が(?:近い|近くて|便利|行きやすい)|"
                               # 「西区の話なんだけど」, 「西区のことです」: which ward the question before meant
                               r"の(?:話|こと|事|件)|"
                               r"(?:なん|な|なの|ん)?(?:だけど|ですけど|ですが|だが|やけど)|"
                               r"だと|では|でも|なら|の場合|の方|のほう|は|も|に|について|だったら|"
                               r"どう(?:ですか|でしょうか|でしょう|かな|なの|なん|だろう|なっている|なってる)?|"
                               r"\bwhat about\b|\band\b|\bhow about\b|\bward\b|\bsomething similar\b|\bsimilar\b|"
                               r"\bis there\b|\bin\b|\btoo\b|[\s?？!！。.、,]|"
                               # "Does Minami ward have one too?", "Do they do that in Nishi?": 「南区にもある？」
                               r"\b(?:does|do|did|have|has|got|one|any|also|as well|that|this|it|they|"
                               r"there)\b|"
                               # "I mean Toyohira ward", "I live in Toyohira": the ward meant
                               r"\bi mean\b|\bi live\b|\bi(?:'m| am) (?:from|in)\b|\bactually\b", re.I)
# Words that name the asked fact, not a topic: a message made of these (and one word more) is a follow-up.
_FACT_WORDS = {
    "目標", "目標値", "指標", "数値", "値", "割合", "数", "人", "件", "何", "なに", "いつ", "まで", "予定", "担当",
    "所管", "部署", "担当部署", "局", "課", "部", "窓口", "目的", "ため", "為", "理由", "意味", "内容", "詳しい",
    "詳細", "もっと", "どこ", "誰", "本当", "今", "現在", "くらい", "ぐらい", "程度", "具体", "具体的", "的",
    "いくつ", "いくら", "年", "年度", "時点", "実績", "状況", "進む", "始まる", "やる", "分かる", "わかる",
    "教える", "知る", "聞く", "思う", "感じ", "方", "様子", "予算", "ところ", "とこ", "ほう",
    "金額", "額", "数字", "人数", "件数", "回数", "規模", "時期", "期間", "対象", "結果", "成果", "効果", "進捗",
    "積り", "つもり", "見込み", "見込", "名前", "名称", "愛称", "種目", "種類", "中身",
    "分野", "領域",  # 「どんな分野で？」: which fields the topic covers, not a subject of its own
    "受け付け",  # 「申請の受付はどこがやるの？」 (UniDic: 受け付け): who takes the topic's applications, as 窓口
    "関係",  # 「ウォーキングも関係ある？」: whether the topic takes in a thing, not a topic of its own
    "現状", "現況",  # 「現状は？」 of a target: its baseline
    "削減", "短縮", "増加",  # 「削減目標は？」: what a target does to its figure
    "導入", "開始", "スタート", "運用",  # 「いつ導入？」, 「運用開始はいつ？」: when the topic starts, as 始まる
    "一緒",  # 「どこが一緒にやってるの？」: who the topic is done with
    "話",  # 「西区の話なんだけど」: which ward the question before meant, no subject of its own
    "対策", "対応",  # 「どう対策するの」: what the topic does about it
    "備考", "欄",  # 「備考欄に書いてある事業は？」: the topic's own note
    "根拠", "出典", "ソース", "情報源", "出所", "引用", "元",  # 「根拠は？」: where the answer comes from
}

# The same for English follow-ups ("Which department is in charge?", "What's the target?"), beside the
# ordinary English stop words (scikit-learn's list).
_FACT_WORDS_EN = {
    "department", "departments", "charge", "responsible", "responsibility", "bureau", "division", "office",
    "handles", "handle", "runs", "run", "target", "targets", "goal", "goals", "indicator", "figure", "figures",
    "number", "numbers", "people", "persons", "percent", "percentage", "share", "year", "years", "budget",
    "purpose", "reason", "detail", "details", "status", "progress", "start", "started", "begin", "began",
    "planned", "plan", "exactly", "explain", "tell", "know", "mean", "means", "long", "aim", "aims",
    "aiming", "aimed", "money", "amount", "much", "city", "sapporo",
    "source", "sources", "reference", "evidence",  # "What's the source?": where the answer comes from
    # what a target does to its figure ("How much money is the city aiming to collect?")
    "collect", "raise", "reach", "achieve", "increase", "reduce", "cut",
    # who takes part in it ("Who takes part?", "Who can join?")
    "take", "takes", "taking", "part", "join", "joins", "joining", "participate", "participates",
    "participating", "attend", "attends", "involved",
    # whom to ask about it ("Who do I contact?", "Who should I call?"): its department, as 問い合わせ先
    "contact", "contacts", "call",
}
# When, of the topic ("Can I join in winter?", "Is it open on weekends?"): a time, no subject of its own —
# as a Japanese time noun (冬, 週末) is none of `topic_nouns`.
_TIME_WORDS_EN = frozenset({
    "winter", "summer", "spring", "autumn", "season", "seasons", "weekend", "weekends", "weekday", "weekdays",
    "morning", "mornings", "evening", "evenings", "night", "nights", "holiday", "holidays", "saturday",
    "saturdays", "sunday", "sundays", "today", "tomorrow", "month", "week",
})


@dataclass(frozen=True)
class Turn:
    """One answered message: what the next message may refer to. ``context``: the topic it was read
    against, when it was a follow-up, or the passage a question refused for an unstated fact found."""

    question: str
    query: Query
    answer: Answer
    context: Chunk | None = None
    # read against the topic only because alone it found nothing with confidence (`on_topic`): still a
    # question of its own words, which 「豊平区は？」 next asks again
    own_words: bool = False

    @property
    def topic(self) -> Chunk | None:
        """The passage the answer led with; when it abstained, its ``context`` (「どれくらい短くする？」 refused, 「担当は？」
        still asks about the same initiative), else none."""
        if self.answer.abstained or not self.answer.citations:
            return self.context
        return self.answer.citations[0].hit.chunk

    @property
    def ward(self) -> str | None:
        topic = self.topic
        return self.query.intent.ward or (topic.ward if topic is not None else None)


@dataclass(frozen=True)
class Resolution:
    """How a message is read in context: ``kind`` is new / same_topic / within / other_ward / of_ward / like /
    other_items / language."""

    kind: str = "new"
    rewrite: str | None = None  # a whole question to understand instead of the message
    topic: Chunk | None = None
    ward: str | None = None
    language: str | None = None
    exclude: frozenset[str] = field(default_factory=frozenset)
    understood_as: str | None = None
    standalone: bool = False  # the rewrite is a whole question, judged as if asked alone
    frame: str = ""  # an elliptical new question's previous question (`Query.frame`)
    frame_fact: str | None = None  # the unstated fact that question asked, asked again (`apply`)
    frame_intent: Intent | None = None  # the row fact (figure, department) asked before, asked again
    lean: Chunk | None = None  # a new question adding a thing to the topic (「インスタもやってるの？」): preferred, not searched
    like: Chunk | None = None  # the topic another ward is asked for something like (「南区にも似たようなのある？」)
    alike: Chunk | None = None  # the topic whose like in ``ward`` is preferred (「西区だと？」), not searched
    group: frozenset[str] = frozenset()  # what 「その中で」 looks among: the initiatives of or beside the topic
    detail: bool = False  # 「もっと詳しく」 and nothing else: everything the plan says about the topic (`bot.detail`)
    listed: tuple[str, ...] = ()  # a fact asked of a whole list the answer gave (「所管は？」 after a ward's list)

    @property
    def in_context(self) -> bool:
        """Whether the message is read against the conversation (relevance is then judged leniently)."""
        return self.kind != "new" and not self.standalone


def resolve(message: Query, previous: Turn | None, shown: set[str], profile: PlanProfile,
            analyzer: Analyzer, earlier: Sequence[Turn] = (), passages: Sequence[Chunk] = (),
            presented: set[str] | None = None) -> Resolution:
    """Read ``message`` (understood alone) in the context of the previous turn; ``earlier``: the turns
    before it, oldest first; ``passages``: the plan's chunks (to tell a thing only the topic names);
    ``shown``: every passage cited so far; ``presented``: those the answers presented, not only named in a
    「関連:」 line (default: all shown). An elliptical message naming no thing but a place (「じゃあ区役所は？」) asks
    again the unstated fact its frame asked (「市役所の職員って何人いるの？」: a staff count)."""
    resolution = _resolve(message, previous, shown, profile, analyzer, earlier, passages, presented)
    if previous is not None and resolution.kind in ("new", "same_topic") and \
            _ELLIPTICAL.search(message.text) and not _topic_words(message, profile) and \
            not _names_a_term(message.text, passages):
        # (「ラグビーは？」, 「じゃあ書かない窓口は？」 — a glossary term — ask about a thing of their own)
        asked = _opener([*earlier, previous]).query.intent.unanswerable_fact
        resolution = replace(resolution, frame_fact=asked)
    if previous is not None and resolution.kind == "new" and resolution.rewrite is None and \
            resolution.ward is None and \
            _ELLIPTICAL.search(message.text) and message.intent.kind == "general" and \
            message.intent.unanswerable_fact is None and previous.query.intent.kind in _ROW_FACTS and \
            not any(token.pos1 in ("動詞", "形容詞") for token in tagged(fold(message.text))) and \
            not _CLAUSE_EN.search(message.text):
        # 「RPAは？」 after 「生成AI 業務改善 現状値」: the same fact of the initiative it names (RPA's row, a number in
        # it or not), not the term's definition; a question with a verb of its own (「土日にマイナンバーカード受け取れる
        # 場所は？」) asks on its own terms, and in a ward's conversation (「大学生向けは？」 after 南区's young
        # people's count) no initiative of the ward states a row
        resolution = replace(resolution, frame_intent=previous.query.intent)
    return resolution


# The facts an initiative's row states, which an elliptical 「Xは？」 asks again of X.
_ROW_FACTS = ("figure", "department")
# An English message with a clause of its own ("What about pregnant women who need help?"): not X alone.
_CLAUSE_EN = re.compile(r"\b(?:who|which|that|to|can|could|do|does|did|is|are|was|were|will|would|should|"
                        r"need|needs|want|wants|have|has)\b", re.I)


def _names_a_term(text: str, passages: Sequence[Chunk]) -> bool:
    """Whether ``text`` names a term the plan's glossary defines (書かない窓口)."""
    folded = fold(text)
    return any(chunk.kind == "glossary" and chunk.term and fold(chunk.term) in folded for chunk in passages)


def _resolve(message: Query, previous: Turn | None, shown: set[str], profile: PlanProfile,
             analyzer: Analyzer, earlier: Sequence[Turn] = (), passages: Sequence[Chunk] = (),
             presented: set[str] | None = None) -> Resolution:
    named = message.intent.ward
    if named and (previous is None or previous.ward != named) and \
            (others := _but_the_ward(message.text, named, profile)) is not None:
        # 「手稲区以外で子育てサロンってある？」: asked of the other wards (it was a 手稲区 question), that ward's sunk
        elsewhere = frozenset(chunk.id for chunk in passages if chunk.ward == named)
        return Resolution("new", others, None, None, exclude=elsewhere, understood_as=f"{named}以外の区の取組")
    if previous is None:
        return Resolution()
    text = message.text
    topic = previous.topic
    if _ENGLISH.match(text) or _JAPANESE.match(text):
        language = "en" if _ENGLISH.match(text) else "ja"
        note = f"「{topic.title}」について" if topic is not None else None
        return Resolution("language", previous.query.text, topic, previous.ward, language, understood_as=note)
    if _NEW_SUBJECT.search(text):
        return Resolution()
    if (pointed := _EARLIER_TOPIC.search(text)) and (back_turn := _pointed_back(pointed, topic, earlier)):
        # 「じゃあ最初のほうの担当は？」 after 南区's art events and then 西区's: back to the one pointed at
        back = back_turn.topic
        return Resolution("same_topic", None, back, back_turn.ward, understood_as=f"「{back.title}」について")
    if _GOING_BACK.search(text) and (back_turn := _named_back(message, topic, earlier, profile)) is not None:
        # 「さっきの粗大ごみの件、目標は？」 after a detour to 西区's drills: the turn that was about 粗大ごみ
        back = back_turn.topic
        return Resolution("same_topic", None, back, back_turn.ward, understood_as=f"「{back.title}」について")
    if (nth := _NTH_CITED.search(text)) and (cited := _numbered(nth, previous.answer)) is not None:
        # 「2番目のやつ詳しく」 after 西区's child-care answer and its related lines: the passage numbered [2]
        more = only_more(text[:nth.start()] + text[nth.end():])
        return Resolution("same_topic", None, cited, cited.ward or previous.ward, detail=more,
                          understood_as=f"「{cited.title}」について{'詳しく' if more else ''}")
    if (labelled := _LABELLED.search(text)) and \
            (cited := _labelled(labelled, previous.answer, passages, previous.ward)) is not None:
        # 「目標2の取組は？」 after 「豊平区の目標は？」: the heading so labelled, not the answer's first; after the
        # ward's whole list, that goal of the ward
        more = only_more(text[:labelled.start()] + text[labelled.end():])
        return Resolution("same_topic", None, cited, cited.ward or previous.ward, detail=more,
                          understood_as=f"「{cited.title}」について{'詳しく' if more else ''}")
    if previous.answer.intent == LISTED and message.intent.kind in _LIST_FACTS and \
            not _topic_words(message, profile):
        # 「所管は？」 after 「清田区の取組を全部教えて」: asked of every line of the list, not of its first
        listed = tuple(citation.hit.chunk.id for citation in previous.answer.citations)
        return Resolution("list_facts", None, None, previous.ward, listed=listed,
                          understood_as=f"前の回答の{len(listed)}件の取組について")
    if topic is not None and only_more(text):
        # 「もっと詳しく」, "tell me more": not the same answer again but everything the plan says about the topic
        return Resolution("same_topic", None, topic, previous.ward, detail=True,
                          understood_as=f"「{topic.title}」について詳しく")
    if topic is not None and topic.kind == "narrative" and topic.ward and _NOW_DOING.search(text):
        # 「今は何してるの」 after 清田区's 2019 review of its health points: the plan's initiatives on what was asked,
        # the ward's narrative passages (what was done, what the ward is like) sunk
        told = frozenset(chunk.id for chunk in passages
                         if chunk.kind == "narrative" and chunk.ward == topic.ward)
        return Resolution("like", None, None, topic.ward, exclude=told, like=topic,
                          understood_as=f"「{topic.title}」に書かれたことの、今の計画での取組")
    if topic is not None and topic.kind == "narrative" and topic.ward and not message.intent.ward and \
            message.language == "ja" and not message.intent.other_ward and not asks_about_the_past(text) and \
            not message.plan_terms:
        # (not what it did: 「前の計画のときは何に力を入れてたの？」 asks its 2019 review)
        # 「何に力を入れてるの？」, 「何に取り組んでるの？」 after 「清田区ってどんな区？」: of the ward, its goals or its
        # list (was a city-wide question: the GX consortium)
        asked = f"{topic.ward}は{text}"
        if _WARDS_AIMS.search(text) or asks_whole_list(asked, topic.ward):
            return Resolution("new", asked, None, topic.ward, understood_as=asked)
        if asks_what_is_done(text) and _topic_words(message, profile):
            # 「観光客向けに何かしてる？」 after 南区's overview of its hot spring's visitors: what the ward does about
            # it — its initiative, not the overview naming 観光客 again
            return Resolution("new", asked, None, topic.ward, understood_as=asked)
    if topic is not None and topic.kind == "narrative" and topic.ward and not message.intent.ward and \
            message.language == "en" and _WARDS_AIMS_EN.search(text):
        # "And what is its goal now?" after Teine ward's 2019 review: the ward's goals
        asked = f"What are {profile.english_ward(topic.ward)} ward's goals?"
        return Resolution("new", asked, None, topic.ward, understood_as=asked)
    ward = message.intent.ward
    rest = None  # another ward named, with only filler words besides (「南区だと？」 leaves "")
    if ward and ward != previous.ward:
        rest = _WARD_ONLY_FILLER.sub("", _strip_ward(text, ward, profile))
    ward_only = rest == ""
    if rest is not None and topic is not None and topic.ward != ward and _ALIKE.search(text) and \
            not _ALIKE_KIND.sub("", rest):
        # not the same question of another ward (南区's cosmos seeds are not handed out in 豊平区) but what is
        # like the topic there: searched with the topic's own words, the topic itself sunk
        return Resolution("like", None, None, ward, exclude=frozenset({topic.id}), like=topic,
                          understood_as=f"「{topic.title}」に似た{ward}の取組")
    if ward_only:
        rewrite, whole = _asked_again_in(ward, previous, earlier, profile)
        # (preferred: that ward's like of the ward's initiative the conversation is about — 「西区だと？」 after
        # 南区's young artists, 西区's culture events)
        alike = topic if topic is not None and topic.ward and topic.ward != ward else None
        return Resolution("other_ward", rewrite, None, ward, understood_as=f"{ward}について、前の質問と同じ内容で",
                          standalone=whole, alike=alike)
    if ward and ward != previous.ward and (back := _latest_topic_in(ward, earlier)) is not None and \
            _refers_to(message, back, profile, passages):
        return Resolution("same_topic", None, back, ward, understood_as=f"「{back.title}」について")
    other = message.intent.other_ward  # a ward the plan has no chapter for (北区)
    if other and other != previous.query.intent.other_ward and \
            not _WARD_ONLY_FILLER.sub("", _strip_ward(text, other, profile)):
        # 「北区だと？」, 「北区にも似たようなのある？」: the question before asked of that ward, judged alone (only
        # city-wide passages can answer it, and the previous ward does not carry over)
        rewrite, _ = _asked_again_in(other, previous, earlier, profile)
        return Resolution("other_ward", rewrite, None, None, understood_as=f"{other}について、前の質問と同じ内容で",
                          standalone=True)
    carried_ward = ward or (None if other else previous.ward)
    if topic is not None and topic.ward is None and _ELSEWHERE.search(text):
        return Resolution("same_topic", None, topic, carried_ward, understood_as=f"「{topic.title}」について")
    others = None  # 「手稲区以外でも似たのある？」 after 手稲区's: asked as 「ほかの区でも似たのある？」
    if previous.ward and ward == previous.ward and (others := _but_the_ward(text, ward, profile)) is not None:
        message, ward = replace(message, text=others), None
    if previous.ward and not ward and (others is not None or _OTHER_WARDS.search(text)):
        # 「ほかの区でもやってる？」 after a ward's initiative: what is like it in the other wards; 「ほかの区でスポーツの
        # イベントある？」 asks on its own terms — either way in the wards but the previous one
        elsewhere = frozenset(chunk.id for chunk in passages if chunk.ward == previous.ward)
        if topic is not None and topic.ward and not _own_words(message, profile):
            return Resolution("like", others, None, None, exclude=elsewhere, like=topic,
                              understood_as=f"「{topic.title}」に似たほかの区の取組")
        return Resolution("other_items", others, None, None, exclude=elsewhere,
                          understood_as=f"{previous.ward}以外の区の取組")
    asked_ward = previous.query.intent.ward
    if asked_ward and (topic is None or topic.kind == "narrative") and _CITY_WIDE.search(text) and \
            not _topic_words(replace(message, text=_CITY_WIDE.sub(" ", text)), profile):
        # 「市全体でもやってる？」 after a ward's question its overview answered or nothing did (「祖父がスマホ持ったけど
        # 使い方わからない。豊平区で教えてくれる？」): that question asked again of the city-wide passages — not what is
        # like the overview (was the naming rights)
        wards = frozenset(chunk.id for chunk in passages if chunk.ward)
        asked = _strip_ward(previous.query.text, asked_ward, profile)
        return Resolution("other_items", asked, None, None, exclude=wards,
                          understood_as="市全体について、前の質問と同じ内容で")
    if topic is not None and topic.ward and _CITY_WIDE.search(text):
        # 「市全体でもやってる？」 after 豊平区's digital classes: what is like the topic among the city-wide passages
        # (デジタルデバインド対策), the wards' own sunk; 「市全体で高齢者向けの講座ある？」 asks on its own terms, the ward
        # not carried over
        wards = frozenset(chunk.id for chunk in passages if chunk.ward)
        if _topic_words(replace(message, text=_CITY_WIDE.sub(" ", text)), profile):
            # (「市全体でも健康づくりやってる？」 after 豊平区's walks: on its own terms, among the city-wide passages)
            return Resolution(exclude=wards)
        return Resolution("like", None, None, None, exclude=wards, like=topic,
                          understood_as=f"「{topic.title}」に似た全市の取組")
    if topic is not None and _ELSE_OF_IT.search(text):
        return Resolution("same_topic", None, topic, carried_ward, understood_as=f"「{topic.title}」について")
    if _OTHERS.search(text):
        content = _content_words(_RELATED.sub(" ", text), analyzer, profile)  # (関連する取組: no subject)
        rewrite = None if len(content) > 1 else _opening([*earlier, previous]).query.text
        note = f"「{topic.title}」以外の取組" if topic is not None else "ほかの取組"
        # 「他には？」 wants what was not shown at all; 「ほかに西区で環境のことやってる団体ってある？」 asks on its own
        # terms, and a passage only named in a 「関連:」 line may be just what it asks for
        seen = shown if rewrite is not None or presented is None else presented
        if topic is not None:  # (「他にAIを使ってる仕事は？」 after 生成AIを活用した業務改善: not the glossary's 生成AI either)
            seen = seen | _terms_of(topic, passages)
        if message.intent.kind != "definition":
            # other things done are initiatives, not a term's definition (「ほかにデジタルで効率化してることは？」 after
            # 生成AI: not the glossary's デジタル改革推進チーム)
            seen = seen | {chunk.id for chunk in passages if chunk.kind == "glossary"}
        if rewrite is None and topic is not None and _also_covers(text, topic, previous, profile):
            seen, note = seen - {topic.id}, f"「{topic.title}」も含めて"
        return Resolution("other_items", rewrite, None, carried_ward, exclude=frozenset(seen), understood_as=note)
    if topic is not None and _WITHIN.search(text) and _content_words(text, analyzer, profile):
        if previous.answer.intent == LISTED:  # 「その中で子育てのは？」 after a ward's whole list: among its lines
            listed = frozenset(citation.hit.chunk.id for citation in previous.answer.citations)
            return Resolution("within", None, None, carried_ward, understood_as=f"前の回答の{len(listed)}件の中の取組",
                              group=listed)
        if previous.answer.intent == GOALS:  # ... after a ward's goals: among the initiatives under them
            headings = {citation.hit.chunk.title for citation in previous.answer.citations}
            under = frozenset(chunk.id for chunk in under_goals(passages, topic.ward, headings))
            return Resolution("within", None, None, carried_ward,
                              understood_as=f"前の回答の{len(headings)}つの目標の中の取組", group=under)
        return Resolution("within", None, None, carried_ward, exclude=frozenset({topic.id}),
                          understood_as=f"「{topic.title}」の中の取組", group=_group_of(topic, passages))
    counted = _counted_in(topic, passages) if topic is not None and topic.kind == "glossary" else None
    if counted is not None and message.intent.kind in _TARGETED and \
            _refers_to(message, counted, profile, passages):
        # 「プロジェクト何件やるの？」 after the glossary's デジタル改革推進チーム: a term states no figure, the
        # initiative whose indicator counts what it does does
        return Resolution("same_topic", None, counted, carried_ward, understood_as=f"「{counted.title}」について")
    if topic is not None and topic.kind == "narrative" and topic.ward and message.intent.kind == "figure" \
            and message.language == "ja" and not _topic_words(message, profile):
        # 「どのくらい？」 after 「南区って広いんでしょ？」: how much of what the previous question asked of the ward's
        # overview — asked with its words (面積は657.48k㎡), not the first number the overview states
        return Resolution("same_topic", f"{previous.query.text} {text}", topic, carried_ward,
                          understood_as=f"「{topic.title}」について")
    related = _named_in_a_related_line(text, topic, previous.answer, passages, profile) \
        if topic is not None and message.language == "ja" else None
    if related is not None:
        # 「認定されると何かいいことある？」 after 企業版ふるさと納税, whose answer listed 企業による市民活動促進事業 (…認定制度
        # により…): the related passage that names it, not the topic (searched alone: 介護認定)
        return Resolution("same_topic", None, related, related.ward or carried_ward,
                          understood_as=f"「{related.title}」について")
    if topic is not None and _refers_to(message, topic, profile, passages):
        if topic.kind == "narrative" and topic.ward is None and message.intent.kind in _TARGETED:
            # a chapter's narrative (行政サービスの高度化：現状と課題) states no target, date or department, its
            # initiatives do: 「何分くらい短くなるの？」 after 「区役所に行くと待たされる」 asks the question before again
            opener = _opening([*earlier, previous])
            return Resolution("same_topic", f"{opener.query.text} {text}", None, carried_ward,
                              understood_as=f"「{opener.query.text}」について")
        return Resolution("same_topic", None, topic, carried_ward, understood_as=f"「{topic.title}」について")
    back = earlier[-1].topic if earlier else None
    if topic is not None and topic.kind == "glossary" and back is not None and back.kind != "glossary" and \
            _topic_words(message, profile) and _refers_to(message, back, profile, passages):
        # 「認定制度があるの？」 after 「ネーミングライツってなに？」, asked aside of the companies' initiative: back to the
        # initiative, whose text names it
        return Resolution("same_topic", None, back, carried_ward, understood_as=f"「{back.title}」について")
    if topic is not None and topic.kind == "glossary" and topic.term and not message.intent.ward and \
            message.language == "ja" and len(_named_things(text, profile)) == 1 and \
            not _MEANING.search(text) and message.intent.kind != "definition":
        # 「見直しってするの？」 after 「出資団体って何？」: what is done about the term (its 行動計画の改定), searched
        # with it
        return Resolution("new", f"{topic.term} {text}", None, carried_ward)
    # "What about AI for meeting minutes?" after "Is the city using generative AI?" asks whether the city uses it
    opener = _opener([*earlier, previous]) if _ELLIPTICAL.search(text) else None
    frame = (opener.query.frame or opener.query.text) if opener is not None else ""
    lean = topic if topic is not None and _adds_to_topic(text, topic, profile) else None
    # (people, 「子供向けもある？」 after 防犯教室, are whom the topic is for, however many passages name them)
    # (「企業も参加してる？」: 参加 is the verb asked of 企業, which the topic names)
    verbs = _used_as_verbs(text)
    added = lean is not None and all(not _named_by(thing, passages) or thing in _folded(spoken_text(lean))
                                     or thing in PEOPLE for thing in _named_things(text, profile)
                                     if thing not in verbs)
    if added or topic is not None and _named_loosely(text, topic, profile):
        # 「スマホでも見やすくなる？」 after the homepage's rebuild: a thing no passage names, added to the topic, is
        # asked of the topic (searched alone, it found whatever shares the rest of its words); so is one the
        # topic speaks of (「意見も言える？」 after the evaluation sheets published for 市民意見), however many
        # others do
        return Resolution("same_topic", None, topic, carried_ward, understood_as=f"「{topic.title}」について")
    if carried_ward and previous.query.intent.ward == carried_ward and message.intent.kind == "figure" and \
            message.language == "ja" and not message.intent.ward:
        if topic is not None and _counts_in(text, topic, profile):  # (the ward's initiative asked about)
            return Resolution("same_topic", None, topic, carried_ward, understood_as=f"「{topic.title}」について")
        # 「高齢化率は？」 after 「南区って子どもの数減ってるの？」: a figure of the ward asked about, not of the
        # topic's indicator — asked of the ward (and refused when the plan states none)
        asked = f"{carried_ward}の{text}"
        return Resolution("new", asked, None, carried_ward, understood_as=asked)
    if message.language == "ja" and (also := _ALSO_ASKED.search(text)) and \
            not _named_by_the_topic(text, topic, profile) and \
            (predicate := _predicate(previous.query.text, also.group("case") or "")):
        # 「デジタルの専門家も？」 after 「市の職員って外から専門家を雇ってるの？」 (「NPOとも？」 after
        # 「大学と連携してる？」): the previous question's verb asked of another thing in the same place (searched
        # alone, it found whatever else is digital)
        asked = f"{text[:also.start()]}{also.group('case') or ''}も{predicate}"
        return Resolution("new", asked, None, carried_ward, understood_as=asked, lean=lean)
    return Resolution("new", None, None, carried_ward, frame=frame, lean=lean)


# 「Xも？」: a thing, maybe its case particle, then も and nothing else — the previous question asked again of it.
_ALSO_ASKED = re.compile(r"(?<=[^\s])(?P<case>と|に|で|から|へ)?(?:って|とか|なんか)?も\s*[?？]\s*$")
_PREDICATE_POS = {"動詞", "形容詞", "形状詞", "助動詞", "助詞", "補助記号", "記号"}
# Where a thing named with no case particle of its own (「デジタルの専門家も？」) stands: the subject or object.
_BARE_PLACES = ("を", "が", "は", "って")
_NOUN_POS = ("名詞", "代名詞", "接頭辞", "接尾辞")


def _named_by_the_topic(text: str, topic: Chunk | None, profile: PlanProfile) -> bool:
    """Whether every thing a message names is in the topic's own text (then it is asked of the topic)."""
    things = _named_things(text, profile)
    spoken = _folded(spoken_text(topic)) if topic is not None else ""
    return bool(spoken) and bool(things) and all(thing in spoken for thing in things)


def _predicate(question: str, case: str) -> str:
    """The verb a question ends on, with what follows it, when the thing before it stands where a 「Xも？」
    with ``case`` (its case particle, or "") stands: 「市の職員って外から専門家を雇ってるの？」 -> 雇ってるの？ (を, a
    bare X); 「大学と連携してる？」 -> 連携してる？ (と); 「口座振替ってネットで申し込める？」 -> ネットで申し込める？ (the
    means kept, a bare X stands for the thing); "" when the verb has no particle before it (「仕事にAI使って
    る？」: which thing X stands for is not known), another one, or there is no verb (「所管は？」)."""
    folded = fold(question)
    tokens = list(located(tagged(folded), folded))
    start, verb = len(tokens), False
    while start > 0 and tokens[start - 1][0].pos1 in _PREDICATE_POS:
        start -= 1
        verb = verb or tokens[start][0].pos1 in ("動詞", "形容詞")
    if 0 < start < len(tokens) and tokens[start - 1][0].pos3 in ("サ変可能", "形状詞可能", "サ変形状詞可能"):
        start -= 1  # 連携してる, 便利になる: the verbal or adjectival noun is the verb
    place = ""
    while start < len(tokens) and tokens[start][0].pos1 in ("助詞", "補助記号", "記号"):
        place += tokens[start][0].surface  # (を雇ってる: the particle is the thing's)
        start += 1
    before = start
    while not place and before > 0 and tokens[before - 1][0].pos1 == "助詞":
        before -= 1  # (と連携してる: the verbal noun stopped the search for the verb)
    place = place or "".join(token.surface for token, _ in tokens[before:start])
    if not case and place == "で":
        # (「住民票も？」 after 「税金の口座振替ってネットで申し込めるようになる？」: the means stays, the thing before
        # it is what X stands for)
        at = start - 2  # (the means' own words, then the particle of the thing before them)
        while at > 0 and tokens[at][0].pos1 in _NOUN_POS:
            at -= 1
        if 0 < at < start - 2 and tokens[at][0].pos1 == "助詞" and tokens[at][0].surface in _BARE_PLACES and \
                tokens[at - 1][0].pos1 in _NOUN_POS:
            start, place = at + 1, tokens[at][0].surface
    fits = place == case or not case and place in _BARE_PLACES
    if not verb or not place or start >= len(tokens) or not fits:
        return ""
    return folded[tokens[start][1]:]


def _named_in_a_related_line(text: str, topic: Chunk, answer: Answer, passages: Sequence[Chunk],
                             profile: PlanProfile) -> Chunk | None:
    """The one passage the previous ``answer`` cited besides its ``topic`` (a 「関連:」 line) that names what the
    message uses as its verb (認定される: no thing it names, so otherwise asked of the topic), when the topic never
    names it and few passages do at all."""
    told = _folded(spoken_text(topic))
    things = [thing for thing in _used_as_verbs(text)
              if len(thing) > 1 and thing not in told and 0 < _named_by(thing, passages) <= _SPECIFIC]
    cited = [citation.hit.chunk for citation in answer.citations if citation.hit.chunk.id != topic.id]
    naming = {chunk.id: chunk for chunk in cited for thing in things if thing in _folded(spoken_text(chunk))}
    return next(iter(naming.values())) if len(naming) == 1 else None


def _counts_in(text: str, topic: Chunk, profile: PlanProfile) -> bool:
    """Whether a figure asked (「参加してる店って何軒？」 after 清田区's sweets initiative, whose shops are its 菓子店)
    counts what an initiative ``topic`` speaks of: every thing it names, but the verbs, the topic's text
    names."""
    if topic.kind == "narrative":
        return False
    verbs = _used_as_verbs(text)
    told = _folded(spoken_text(topic))
    return all(thing in told for thing in _named_things(text, profile) if thing not in verbs)


# What an initiative's row states and a chapter's narrative does not.
_TARGETED = ("figure", "department", "date")


def on_topic(message: Query, resolution: Resolution, previous: Turn | None) -> Resolution | None:
    """The same message read against the previous topic, for when read as a new question it finds nothing of
    its own with confidence (`ConversationSettings.weak_reading`): a remark like 「小学校の授業でも使ってるって
    聞いた」 after 豊平区's ring avenue (whose pupils study it) goes on about what was answered. Only an
    initiative's: after a ward's overview, a weak new question (「わかものむけ？」) still looks among the ward's
    initiatives; and a term asked what it means (「PFIってなに？」) is asked of the glossary, not of the topic."""
    topic = previous.topic if previous is not None else None
    if resolution.kind != "new" or resolution.rewrite is not None or topic is None or \
            topic.kind not in ("initiative", "program") or message.intent.kind == "definition" or \
            resolution.frame_intent is not None:  # (「EBPMは？」 after a target: that fact of another thing)
        return None
    return Resolution("same_topic", None, topic, resolution.ward, understood_as=f"「{topic.title}」について")


def of_the_ward(message: Query, resolution: Resolution, previous: Turn | None,
                profile: PlanProfile) -> Resolution | None:
    """The same message asked of the ward the conversation is about, for when read as a new question it finds
    nothing there: after 「手稲区ってどんなところ？」 (its overview), 「隣の市は？」 found the city's partnership with
    its neighbours and 「特産品は？」 nothing — asked as 「手稲区の隣の市は？」, the overview answers; in English, "Is
    there a big forest?" after "What is Kiyota ward like?" (found 大型ごみ) as "Is there a big forest in Kiyota
    ward?". (Only then: 「わかものむけ？」 after 南区's overview finds the ward's initiative for the young by itself,
    and a question asking what the ward did before is its 2019 review's.)"""
    topic = previous.topic if previous is not None else None
    if resolution.kind != "new" or resolution.rewrite is not None or topic is None or \
            topic.kind != "narrative" or not topic.ward or resolution.ward != topic.ward or \
            previous.query.intent.ward != topic.ward or message.language not in ("ja", "en") or \
            message.intent.ward or message.intent.other_ward or asks_about_the_past(message.text):
        return None
    if message.language == "en":
        asked = f"{message.text.strip().rstrip('?？').strip()} in {profile.english_ward(topic.ward)} ward?"
        return Resolution("of_ward", asked, None, topic.ward, understood_as=f"{topic.ward}について")
    asked = f"{topic.ward}の{message.text}"
    return Resolution("of_ward", asked, None, topic.ward, understood_as=asked)


def _counted_in(term: Chunk, passages: Sequence[Chunk]) -> Chunk | None:
    """The one initiative whose indicator names the glossary ``term`` (「デジタル改革推進チーム（デジタルC o E）」
    によるプロジェクトの実施件数), or None."""
    # (or by its name or abbreviation alone — 成果連動型民間委託契約方式(PFS): 「PFS・SIBの活用の検討」)
    names = {name for name in re.split(r"[(（)）]", term.term or "") if len(name.strip()) > 1}
    users = [chunk for chunk in passages if chunk.kind == "initiative" and chunk.indicator
             and any(name in chunk.indicator for name in names)]
    return users[0] if len(users) == 1 else None


def _terms_of(topic: Chunk, passages: Sequence[Chunk]) -> frozenset[str]:
    """The glossary entries of the terms ``topic``'s title names (生成AI of 生成AIを活用した業務改善): the same thing."""
    title = fold(topic.title)
    return frozenset(chunk.id for chunk in passages if chunk.kind == "glossary" and chunk.term and
                     len(chunk.term) > 1 and chunk.id != topic.id and fold(chunk.term) in title)


def _group_of(topic: Chunk, passages: Sequence[Chunk]) -> frozenset[str]:
    """The initiatives 「その中で税金のやつは？」 looks among: a program's own, or an initiative's fellows under the
    same heading (オンライン相談 and 税務手続のオンライン化 under 行政手続のオンライン化の推進); none for a
    narrative (「その中のスポーツのやつ」 of a ward's 2019 review names an initiative anywhere in the ward)."""
    if topic.children:
        return frozenset(topic.children)
    if topic.kind != "initiative":
        return frozenset()
    return frozenset(chunk.id for chunk in passages if chunk.id != topic.id and chunk.kind == "initiative"
                     and chunk.section == topic.section)


def _also_covers(text: str, topic: Chunk, previous: Turn, profile: PlanProfile) -> bool:
    """Whether 「ほかに防犯の取組もある？」 asks about a theme the shown topic covers too: every thing it names is in the
    topic's text (防災マップの配布、…防犯教室…) and none was in the previous question (「ほかに子育ての取組もある？」
    after a 子育て question wants another initiative)."""
    things = [thing for thing in _named_things(text, profile) if thing not in NAMELESS_NOUNS]
    return bool(things) and all(thing in _folded(topic.text) and thing not in _folded(previous.query.text)
                                for thing in things)


def _adds_to_topic(text: str, topic: Chunk, profile: PlanProfile) -> bool:
    """「インスタもやってるの？」, 「LINEでも見られる？」, 「マニュアルみたいなのも作る？」: one thing, with も, asked of what
    was just answered; or several, the last with も, that the topic all speaks of (「町内会向けの研修もある？」 after
    手稲区's support for those who cannot flee alone, which holds 研修会 for 町内会). A verbal noun used as the verb
    (「企業も参加してる？」: 参加してる) is what is asked of the thing, not a thing."""
    verbs = _used_as_verbs(text)
    things = [thing for thing in _named_things(text, profile) if thing not in verbs]
    last_with_mo = rf"{re.escape(things[-1])}{_LIKE_IT}(?:で|に|と|から)?も" if things else ""
    if not things or re.search(last_with_mo, fold(text), re.IGNORECASE) is None:
        return False
    return len(things) == 1 or all(thing in _folded(spoken_text(topic)) for thing in things)


def _named_loosely(text: str, topic: Chunk, profile: PlanProfile) -> bool:
    """「研修とかやってるの？」 after the water works' partnership, whose indicator counts 研修会: one thing, named
    loosely (とか), that the topic itself speaks of — or by the plan's name for its kind
    (`PlanProfile.plan_terms`: 「LINEとかで相談できる？」 after the pregnancy helpline's SNS等の相談窓口); any other
    thing the message names, the topic speaks of too."""
    things, spoken = _named_things(text, profile), _folded(spoken_text(topic))
    loose = [thing for thing in things if f"{thing}とか" in fold(text)]
    if len(loose) != 1 or any(thing not in spoken for thing in things if thing != loose[0]):
        return False
    return loose[0] in spoken or any(fold(term) in spoken for term in profile.plan_terms(text))


# 「マニュアルみたいなのも」, 「チラシとかも」, 「食事の話も」: a thing named loosely; 「車いすの子も」: people with it
_LIKE_IT = (r"(?:みたいな(?:の|もの)?|のような(?:の|もの)?|っぽい(?:の|もの)|とか|なんか|など|の(?:話|こと)|"
            r"向け(?:の(?:もの|やつ|の))?|の(?:子|子ども|子供|こども|人|方|家族))?")


def _but_the_ward(text: str, ward: str, profile: PlanProfile) -> str | None:
    """``text`` asked of the other wards when it names ``ward`` to leave it out (「手稲区以外でも似たのある？」 ->
    「ほかの区でも似たのある？」, 「手稲以外の区は？」, "Anything similar outside Teine ward?" -> "… in other wards?"), or
    None."""
    japanese = re.compile(rf"{re.escape(ward.removesuffix('区'))}{_BUT_WARD}")
    if japanese.search(text):
        return japanese.sub("ほかの区", text, count=1)
    english = profile.english_ward(ward)
    if not english:
        return None
    named = re.compile(rf"\b(?:outside(?: of)?|other than|apart from|except(?: for)?|besides) "
                       rf"(?:the )?{english_ward_name(english)}", re.IGNORECASE)
    return named.sub("in other wards", text, count=1) if named.search(text) else None


def _opening(turns: Sequence[Turn]) -> Turn:
    """The latest turn that was no fact asked of the topic before it: 「ほかには？」 after 「手稲区で子育てしやすくする
    取り組みってある？」 and 「参加費かかる？」 asks for other initiatives like the first's, not for other fees."""
    for i in range(len(turns) - 1, 0, -1):
        turn, before = turns[i], turns[i - 1].topic
        if turn.context is None or before is None or turn.context.id != before.id:
            return turn
    return turns[0]


def _opener(turns: Sequence[Turn]) -> Turn:
    """The turn that opened the latest topic: the latest one not read against an earlier one (after "Is the
    city using generative AI?" and "Which department handles it?", the first); its question, or the frame it
    kept itself, is what an elliptical message is asked in."""
    return next((turn for turn in reversed(turns) if turn.context is None), turns[-1])


def _latest_naming(ward: str, turns: Sequence[Turn], profile: PlanProfile) -> tuple[str, str | None] | None:
    """The latest question of ``turns`` that named ``ward`` itself, and the name as it wrote it (豊平区, or
    Toyohira in English): what 「清田区だと？」 asks again, in full (after 「西区で花の苗を配ってる？」「誰に配ってる
    の？」 it is the first, not the second) — unless a later question asked of the ward on its own terms, naming
    it not (「防災は何してる？」 after 「西区ってどんなまちを目指してるの？」): that one, and None for the name."""
    english = profile.english_ward(ward)
    for n, turn in enumerate(reversed(turns)):
        if ward in turn.query.text:
            return turn.query.text, ward
        if english and (found := re.search(rf"\b{re.escape(english)}\b", turn.query.text, re.I)):
            return turn.query.text, found.group()
        if n < len(turns) - 1 and (turn.answer.understood_as is None or turn.own_words):
            return turn.query.text, None  # a new question of the ward carried from the turns before it
    return None


def _asked_again_in(ward: str, previous: Turn, earlier: Sequence[Turn],
                    profile: PlanProfile) -> tuple[str, bool]:
    """The question before asked again of ``ward`` (「清田区だと？」): the latest question that named the previous
    ward, renamed (and True: a whole question), or else the previous question with ``ward`` in front (False)."""
    if earlier and _CITY_WIDE.search(previous.question):
        # 「南区は？」 after 「市全体でもやってる？」: the question before that one, asked of the ward
        return _asked_again_in(ward, earlier[-1], earlier[:-1], profile)
    old = previous.ward
    asked = _latest_naming(old, [*earlier, previous], profile) if old else None
    if asked is None:
        # a question asked on its own (「子育てサロンってどこでやってる？」, answered with 手稲区's) is whole with the
        # ward in front (in English, "Nishi ward"); a follow-up's words (「目標は？」) need the conversation, and so
        # does an initiative's title looked up (「とよひら HANA-LAND 事業」, then 「清田区だと？」: the like of it there)
        english = profile.english_ward(ward) if previous.query.language == "en" else None
        topic = previous.topic
        titled = topic is not None and _folded(topic.title) in _folded(previous.query.text)
        whole = previous.answer.understood_as is None and not titled
        return f"{f'{english} ward' if english else ward} {previous.query.text}", whole
    question, written = asked
    if written is None:
        return f"{ward} {question}", False
    return _renamed(question, written, old, ward, profile), True


def _the_titles_own(message: Query, topic: Chunk, profile: PlanProfile) -> bool:
    """Whether an English ``message`` names its thing with "the" and is searched only with words of the
    ``topic``'s title ("Where will the center be?" of 介護認定事務センター事業: センター) — the thing the
    conversation is about, not another of its kind."""
    words = _topic_words(message, profile)
    searched = message.search_text[len(message.text):].split()
    if not words or not searched:
        return False
    text = message.text.lower()
    title = _folded(topic.title)
    return re.search(rf"\bthe {re.escape(' '.join(words))}\b", text) is not None and \
        all(fold(term) in title for term in searched)


def _renamed(question: str, written: str, old: str, ward: str, profile: PlanProfile) -> str:
    """``question`` with the ward it named as ``written`` renamed ``ward``, in the same script ("Does Toyohira
    ward …" -> "Does Kiyota ward …")."""
    name = ward if written == old else (profile.english_ward(ward) or ward)
    return question.replace(written, name)


def _refers_to(message: Query, topic: Chunk, profile: PlanProfile, passages: Sequence[Chunk]) -> bool:
    """Whether ``message`` is about the previous ``topic``: it points at it (それ, その, "it"); names nothing but
    the asked fact (「担当は？」) or a department of the topic (「担当は子ども未来局？」); asks for more (「もっと
    詳しく」) without naming another thing; asks for a number of what the topic's indicator counts (「何人くらい研修を
    受けるの？」 of 研修の受講者数); or names a detail of the topic's text that few other passages name
    (「認定制度ってどういうもの？」 after an initiative run with one) and that is no glossary term of its own
    (「ネーミングライツってそもそも何？」 asks the term)."""
    text = message.text
    if _names_another(message, topic, passages, profile):
        return False  # 「防災の研修もお願いできる？」 after 防犯教室: 防災研修会 is another initiative's
    if any(term.id != topic.id for term in _themed_terms(text, topic, passages)):
        return False  # 「SIBってのもそれの仲間？」 after the PFS initiative: what the message is about is a term
    if (message.intent.kind == "definition" or _MEANING.search(text)) and any(
            chunk.kind == "glossary" and chunk.term and chunk.term in text and chunk.id != topic.id
            for chunk in passages):
        return False  # 「書かない窓口ってそういう意味？」: the term the glossary defines, not the topic
    told = _folded(f"{topic.title} {topic.text}")
    if any(chunk.kind == "glossary" and chunk.term and len(chunk.term) > 2 and chunk.id != topic.id
           and fold(chunk.term) in fold(text) and fold(chunk.term) not in told for chunk in passages):
        return False  # 「じゃあ書かない窓口は？」 after paperless offices: a term of the glossary the topic never names
    if message.intent.kind == "definition" and message.language == "ja" and \
            any(thing.isascii() for thing in _named_things(text, profile)):
        return False  # 「SIBってなに？」, 「CUDって何？」: an abbreviation asked what it means is a term of its own
    if _ANAPHORA.search(text) or not _topic_words(message, profile) or _CONFIRMING.search(text):
        return True  # (「町内会の人が助けてくれるってこと？」: what the answer said, put in the asker's words)
    if (other := _CONTRASTED.search(text)) and fold(other[1]) not in _folded(topic.title) and any(
            fold(other[1]) in _folded(chunk.title) for chunk in passages if chunk.id != topic.id):
        return False  # 「SNSのほうの指標は」 after the homepage's rebuild, whose text names SNS: the other one's, by title
    if _titled_elsewhere(_named_things(text, profile), topic, passages):
        return False  # 「会議の効率化は？」 after paperless offices (…会議等の実施): 庁内会議の効率化の推進, by its title
    if message.language == "en" and _titled_in_plan_words(message, topic, passages):
        # "How many hours will the robots save?" after the AI minutes: RPA's, by its title (asked before the
        # pointing words and the words of no subject, −8 +1 over our dialogues: "Who takes part?", "Is the
        # city reviewing them?" of the topic left it)
        return False
    if message.language == "en" and _the_titles_own(message, topic, profile):
        return True  # "Where will the center be?" after the care-assessment centre: the one its title names
    if any(name and name in text for department in topic.departments
           for name in (department.bureau, department.division)):
        return True  # 「担当は子ども未来局？」, 「担当は広報部？」: a department of the topic, asked to confirm
    things = _named_things(text, profile)
    people = [thing for thing in things if thing not in _used_as_verbs(text)]  # (参加 of 参加できる)
    if people and _RANGE.search(text) and all(thing in PEOPLE for thing in people):
        return True  # 「子どもからお年寄りまで見てくれるの？」: whom the topic reaches, from one age to another
    if people and message.intent.unanswerable_fact in ("eligibility", "permission") and \
            all(thing in PEOPLE or thing in _FAMILY for thing in people):
        return True  # 「パパだけで行ってもいい？」 of 手稲区's parents' salons: who may go to the topic's own
    if _MORE.search(text):  # 「スタンプラリーのやつ、もっと詳しく」 names another thing
        return not things or any(thing in _folded(f"{topic.title} {topic.text}") for thing in things)
    # (「何団体」: 団体 is the unit asked in, no thing of its own)
    counted = [thing for thing in things if thing != message.intent.unit] or things
    users = bool(topic.indicator and _USERS.search(text) and _USERS_COUNTED.search(topic.indicator))
    if message.intent.kind == "figure" and counted and not users and \
            not any(thing in _folded(f"{spoken_text(topic)} {topic.indicator or ''}")
                    for thing in counted) and \
            any(chunk.id != topic.id and chunk.indicator
                and all(thing in _folded(chunk.indicator) for thing in counted) for chunk in passages):
        # 「待ち時間の目標は？」 after the information desks: another initiative's row measures 待ち時間, the topic's
        # never names it (its users, 利用者, are its own: `_USERS`)
        return False
    if message.intent.kind == "figure" and topic.indicator and counted and \
            all(thing in _folded(topic.indicator) or not _named_by(thing, passages) for thing in counted):
        # 「何人くらい研修を受けるの？」 of a topic counted in 研修の受講者数: its own target row; so is a count the
        # plan names nowhere (「アクセス数の目標ってあるの？」 of the homepage, counted in アクティブユーザー数)
        return True
    if message.intent.kind == "figure" and users:
        return True  # 「利用者って今どれくらい？」 of the homepage, counted in 月間アクティブユーザー数: its users
    if topic.indicator and things and (_WHAT_KIND.search(text) or _WHICH.search(text)) and \
            all(thing in _folded(topic.indicator) for thing in things) and \
            all(token.lemma in _LIGHT_VERBS for token in tagged(text) if token.pos1 == "動詞"):
        # 「何の業務で？」 of the online consultations counted in オンライン相談の取扱い業務: which ones it counts
        # (「どの業務を見える化するの？」 asks what is done to them: another initiative's)
        return True
    title = _folded(topic.title)
    if (_WHERE.search(text) or _WHO.search(text)) and things and \
            all(thing in told and thing not in title for thing in things):
        # 「情報はどこで手に入る？」 of 西区's child-rearing information corner, 「誰が主体でやってるの？」 of the river
        # clean-up 地域住民が主体となって実施する: where or who, of the topic's own thing
        return True
    if _WHEN.search(text) and things and not any(_named_by(thing, passages) for thing in things):
        return True  # 「いつリニューアル？」 of the homepage's rebuild: when, of a thing no passage names — the topic's
    if things and _by_means(text, things):
        # 「いつからネットでできるの？」 of 大型ごみ's internet booking, 「全部の券がネットでできるの？」 of the travel grants'
        # e-applications: when or whether, by what means, of the topic
        return True
    if _WHEN.search(text) and things and DATE.search(topic.text) and all(thing in told for thing in things):
        return True  # 「新しい計画はいつから？」 of 出資団体's 令和6年度(2024年度)以降が対象となる新たな行動計画: its date
    if things and _WHAT_KIND.search(text) and all(_ALIKE_KIND.fullmatch(thing) for thing in things):
        return True  # 「どんなイベント？」 of 手稲山's promotion (its film festival): what kind of the topic's own
    if message.language == "en" and (kind := _WHAT_KIND_EN.search(text)) and \
            _ALIKE_KIND.fullmatch(kind["thing"]):
        return True  # "What kind of events?" of 豊平区's food initiative (イベントやセミナー等を開催)
    common = bool(things) and all(thing in _folded(topic.title) and _named_by(thing, passages) > _SPECIFIC
                                  for thing in things)
    asks_of_it = message.intent.unanswerable_fact or message.intent.kind in _TARGETED
    if message.intent.unanswerable_fact == "condition" and things and all(thing in told for thing in things):
        return True  # 「マイナンバーカード持ってないと使えない？」 of the form-filling kiosk run with the card: what it needs
    if asks_of_it and len(things) > 1 and all(thing in told and thing not in title for thing in things):
        return True  # 「団体への支援ってお金？」 of 南区's winter walks (…団体への支援): the topic's own words, a fact asked
    if common and (asks_of_it or _WHAT_KIND.search(text)):
        # 「センターはどこにできるの？」 of 介護認定事務センター事業, 「どんな活動が対象？」 of 学生…まちづくり活動への助成
        # 事業: a common word of its title, standing for it, asked a fact or what kind (a question naming the
        # topic by its own words, 消防検査, is one of its own)
        return True
    # a detail the topic's text names (a message naming the topic's title is a question of its own)
    # (or a word the topic's text names by a synonym: 「マニュアルみたいなのはある？」 of 避難所開設の手引き)
    # (or its notes: 「ボランティアで参加できるの？」 of a topic run with 「みどりのボランティア活動促進事業」)
    said = " ".join((topic.text, *topic.notes))
    own = [thing for thing in things if (thing in _folded(said) or _synonym_in(thing, topic.text))
           and thing not in _folded(topic.title)]
    if message.intent.kind != "definition":
        # "Will there be a chatbot?" or 「AIで質問に答えてくれるのできる？」 after the homepage's rebuild, whose text names
        # チャットボット: the plan's words the question was searched with — English's, or the plan's names for the
        # asker's words (`Query.plan_terms`) — ("What is a chatbot?" asks the term)
        searched = message.search_text[len(text):].split() if message.language == "en" else message.plan_terms
        own += [term for term in searched if len(term) > 1 and term in topic.text and term not in topic.title]
    # a glossary term the message is about (「ネーミングライツってどういうの？」, 「子ども議会は何年生から？」) asks the
    # term; one named as what is done (「チャットボットとか入れる予定ある？」 after the homepage's rebuild, whose text
    # names one) is a detail of the topic
    themes = {chunk.term for chunk in passages if chunk.kind == "glossary" and chunk.term
              and re.search(rf"{re.escape(chunk.term)}\s*(?:って|は|とは|という|っていう)", text)}
    # asked whether the topic is done with someone its text names (「大学と一緒にやってるの？」 after 南区's art events
    # with 区内大学研究室): that partner, however many passages name it, is the topic's
    partner = bool(_WITH_PARTNER.search(text))
    if things and len(own) == len(things) and all(_named_by(thing, passages) >= _GENERIC for thing in own):
        return True  # 「サービスって良くなるの？」 of 官民連携's 良質な公共サービス: a word too common to be another subject
    return any(thing not in themes and (partner or _named_by(thing, passages) <= _SPECIFIC) for thing in own)


# A term named as what a message is about (「SIBってのも」, 「子ども議会は」, 「子どもの権利の条例って」).
_THEMED = r"\s*(?:って|は|とは|という|っていう)"
_THEME_PHRASE = re.compile(r"^\s*([^、。？?！!\s]{2,24}?)(?:って|とは|っていう)")


def _themed_terms(text: str, topic: Chunk, passages: Sequence[Chunk]) -> list[Chunk]:
    """The glossary entries a message is about, the topic's title naming none of their names: named by the
    term, the part of it in brackets or before them (ソーシャル・インパクト・ボンド(SIB): SIB) followed by って or
    は; or by a phrase the message opens with (「子どもの権利の条例って」) whose topic nouns, two or more, are all
    the term's (子どもの最善の利益を実現するための権利条例)."""
    folded, title = fold(text), fold(topic.title)
    opening = _THEME_PHRASE.search(folded)
    nouns = topic_nouns(opening.group(1)) if opening and _particle_at(folded, opening.end(1)) else []
    found = []
    for chunk in passages:
        if chunk.kind != "glossary" or not chunk.term:
            continue
        names = {fold(name).strip() for name in re.split(r"[（()）]", chunk.term)} | {fold(chunk.term)}
        names = {name for name in names if len(name) > 1}
        if any(name in title for name in names):
            continue
        themed = any(re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z]){_THEMED}", folded)
                     for name in names)
        if themed or len(nouns) > 1 and set(nouns) <= set(topic_nouns(chunk.term)):
            found.append(chunk)
    return found


def _particle_at(text: str, at: int) -> bool:
    """Whether a particle starts at ``at`` in ``text`` (「子どもの権利の条例って」), not a verb's て-form ending
    (「マイナンバーカード持ってないと」: 持っ|て)."""
    return any(start == at and token.pos1 == "助詞" and token.pos2 != "接続助詞"
               for token, start in located(tagged(text), text))


def _titled_elsewhere(things: list[str], topic: Chunk, passages: Sequence[Chunk]) -> bool:
    """Whether two things or more a message names are all in one other initiative's title — that one alone —
    and not all in the topic's: that initiative is what it asks about, however the topic's text names them
    (things many titles name, 団体 and 支援, name none of them)."""
    if len(things) < 2 or all(thing in _folded(topic.title) for thing in things):
        return False
    titled = [chunk for chunk in passages if chunk.id != topic.id and chunk.kind in ("initiative", "program")
              and all(thing in _folded(chunk.title) for thing in things)]
    return len(titled) == 1


def _titled_in_plan_words(message: Query, topic: Chunk, passages: Sequence[Chunk]) -> bool:
    """Whether an English message names, in the plan's words it was searched with ("robots": RPA), only things
    the topic never speaks of, one of them in one other initiative's title alone and few passages besides:
    that initiative is what it asks about."""
    told = _folded(spoken_text(topic))
    searched = dict.fromkeys(fold(term) for term in message.search_text[len(message.text):].split())
    terms = [term for term in searched
             if len(term) > 1 and term not in _FACT_WORDS and term != message.intent.unit]
    if any(term in told for term in terms):
        return False  # "What about stamps on forms?" after paperless offices, whose text names 押印: its own
    return any(_named_by(term, passages) <= _SPECIFIC and len(
        [chunk for chunk in passages if chunk.id != topic.id and chunk.kind in ("initiative", "program")
         and term in _folded(chunk.title)]) == 1 for term in terms)


def _names_another(message: Query, topic: Chunk, passages: Sequence[Chunk], profile: PlanProfile) -> bool:
    """Whether 「…もお願いできる？」 asks for a thing of two or more words that the topic does not name and another
    initiative does, all its words (「防災の研修も」 after the ward's 防犯教室: its 防災研修会 support): a new subject,
    not a condition asked of the topic — one word is who or where (「子どもも参加できる？」, 「うちの町内会でも」),
    and 「離婚の相談もできる？」 or 「コンビニでも取れる？」 name what no passage names."""
    if message.intent.unanswerable_fact != "condition" or _ANAPHORA.search(message.text):
        return False
    things = [thing for thing in _named_things(condition_of(message.text), profile)
              if thing not in NAMELESS_NOUNS]
    told = f"{topic.title} {topic.text}"
    if len(things) < 2 or all(thing in _folded(told) for thing in things):
        return False
    return any(all(thing in _folded(f"{chunk.title} {chunk.text}") for thing in things) for chunk in passages
               if chunk.id != topic.id and chunk.kind in ("initiative", "program"))


# A thing set against the topic (「SNSのほうの指標は」, 「介護認定のほうは」): the one named, not the topic.
_CONTRASTED = re.compile(r"([A-Za-z0-9ァ-ヺー\u3400-\u9fff々]{2,})の(?:ほう|方)(?:は|の|って|も|で|が)")
# What a thing is talked about as (「食事の話」, 「お金のこと」): no thing of its own.
_ABOUT = {"話", "こと", "事"}
# A thing named by at most this many passages, the topic among them, is a detail of the topic.
_SPECIFIC = 5
# ... and one named by at least this many, the topic's text among them, is too common to name another subject.
_GENERIC = 15


# What is done by a means (「ネットでできる」, 「スマホから申し込める」, 「オンラインで申請できる」)
_DONE = r"(?:も)?\s*(?:でき|出来|申し?込|申請|払|使|手続|予約|受け|取れ|見られ|見れ)"


def _by_means(text: str, things: list[str]) -> bool:
    """Whether every thing ``text`` names is the means something is done by (「いつからネットでできるの？」,
    「いつからオンラインで申請できる？」: ネット, オンライン; 申請 is what is done) — how, not what it is about."""
    folded, done = _folded(text), _used_as_verbs(text)
    means = [thing for thing in things if thing not in done]
    return bool(means) and all(re.search(rf"{re.escape(thing)}(?:で|から){_DONE}", folded) for thing in means)


def _named_things(text: str, profile: PlanProfile) -> list[str]:
    """The things a message names as written: runs of adjacent topic nouns (認定制度, スタンプラリー), wards left out."""
    things, run = [], ""
    for token in tagged(text):
        if is_topic_noun(token) and not mentioned_ward(token.surface, profile.wards) and \
                fold(token.lemma) not in _FACT_WORDS and token.surface not in _ABOUT:
            run += token.surface
            continue
        if len(run) > 1:
            things.append(run)
        run = ""
    if len(run) > 1:
        things.append(run)
    return list(dict.fromkeys(things))


def _named_by(thing: str, passages: Sequence[Chunk]) -> int:
    return sum(thing in _folded(chunk.title) or thing in _folded(chunk.text) for chunk in passages)


def _synonym_in(thing: str, text: str) -> bool:
    """Whether ``text`` names a word of a synonym group of ``thing``, one word (Sudachi's: マニュアル and 手引き;
    a compound's words each have their own, looser: 介護予防's 予防 is the group of 防ぐ)."""
    if len(tagged(thing)) != 1:
        return False
    groups = set(synonym_groups(thing))
    return bool(groups) and not groups.isdisjoint(_text_synonyms(text))


@lru_cache(maxsize=1024)
def _text_synonyms(text: str) -> frozenset[str]:
    return frozenset(synonym_groups(text))


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    """``text`` as `_named_things` spells what it names (`fold`: 「SNS」 is 「sns」), once per text."""
    return fold(text)


def _pointed_back(pointed: re.Match[str], current: Chunk | None, earlier: Sequence[Turn]) -> Turn | None:
    """The earlier turn whose topic ``pointed`` points back at: the first of the conversation (最初の, "the first
    one") or the latest before it (さっきの, "the earlier one") — a topic other than the ``current`` one."""
    others = [turn for turn in earlier
              if turn.topic is not None and (current is None or turn.topic.id != current.id)]
    if not others:
        return None
    return others[0] if pointed["first"] or pointed["first_en"] else others[-1]


def _named_back(message: Query, current: Chunk | None, earlier: Sequence[Turn],
                profile: PlanProfile) -> Turn | None:
    """The latest of the ``earlier`` turns (before the previous one) whose question or topic names a thing the
    ``message`` names, or whose topic is in the ward it names — a topic other than the ``current`` one."""
    others = [turn for turn in earlier
              if turn.topic is not None and (current is None or turn.topic.id != current.id)]
    ward = message.intent.ward
    things = [thing for thing in _named_things(message.text, profile)
              if thing not in _POINTING_NOUNS and not (ward and ward in thing)]
    for turn in reversed(others):
        told = _folded(f"{turn.question} {turn.topic.title} {turn.topic.text}")
        named = all(thing in told for thing in things) if things else ward is not None and turn.topic.ward == ward
        if named:
            return turn
    return None


def _numbered(pointed: re.Match[str], answer: Answer) -> Chunk | None:
    """The passage ``answer`` cited as ``[n]``, n the number ``pointed`` names (`_NTH_CITED`), or None."""
    written = next(group for group in pointed.groups() if group)
    n = int(written) if written.isdigit() else _NUMERALS[written.lower()]  # (int reads ２ as 2)
    return next((citation.hit.chunk for citation in answer.citations if citation.n == n), None)


def _labelled(pointed: re.Match[str], answer: Answer, passages: Sequence[Chunk],
              ward: str | None) -> Chunk | None:
    """The passage ``answer`` cited — or else one of ``ward``'s passages — whose title opens with the label
    ``pointed`` names (`_LABELLED`: 目標2 of 「目標2:安全・安心に…」), or None."""
    label = "取組" if pointed["label"] == "取り組み" else pointed["label"]
    opening = re.compile(rf"{label}{int(pointed['n'])}[:：]")
    cited = [citation.hit.chunk for citation in answer.citations]
    wards = [chunk for chunk in passages if ward and chunk.ward == ward and chunk.kind == "narrative"]
    return next((chunk for chunk in (*cited, *wards) if opening.match(chunk.title)), None)


def only_more(text: str) -> bool:
    """Whether ``text`` asks for more about what was said and nothing else (「もっと詳しく」, "tell me more")."""
    return bool(_MORE_ASKED.search(text)) and not _MORE_ONLY_WORDS.sub("", text)


def _latest_topic_in(ward: str, turns: Sequence[Turn]) -> Chunk | None:
    """The topic of the latest of ``turns`` in ``ward`` (「西区の話に戻るけど」), or None."""
    return next((turn.topic for turn in reversed(turns) if turn.ward == ward and turn.topic is not None), None)


def apply(resolution: Resolution, query: Query, topic_boost: float, shown_penalty: float) -> Query:
    """The query to search with: the topic's title joins the search (a topic asked alike of another ward: its
    description), the ward carries over, shown passages sink."""
    search_text = query.search_text
    boost = list(query.boost)
    if resolution.topic is not None:
        search_text = f"{search_text} {resolution.topic.title}"
        boost.append((resolution.topic.id, topic_boost))
    if resolution.lean is not None:
        boost.append((resolution.lean.id, topic_boost))
    boost += [(chunk_id, topic_boost) for chunk_id in sorted(resolution.group)]
    if resolution.like is not None:
        search_text = f"{search_text} {description_text(resolution.like)}"
    boost += [(chunk_id, -shown_penalty) for chunk_id in sorted(resolution.exclude)]
    intent = query.intent
    if resolution.topic is not None and intent.unanswerable_fact in SUBJECT_BOUND and not intent.subject:
        # 「それってどこに置かれるの？」: what a passage must speak of to answer it is the topic
        intent = replace(intent, subject=subject_of(resolution.topic.title, intent.unanswerable_fact))
    if resolution.topic is not None and resolution.topic.kind != "glossary" and intent.kind == "definition":
        # 「それってどういう仕組み？」 of an initiative asks what it does, not for a term's definition (a message
        # naming a term is a question of its own: `_refers_to`)
        intent = replace(intent, kind="general")
    if resolution.topic is not None and resolution.topic.kind == "glossary" and resolution.topic.term and \
            intent.kind == "figure" and intent.unit is None and \
            (kind := counted_kind(resolution.topic.term, query.text)):
        # 「いくつあるの？」 after the glossary's 出資団体 counts 団体, not whatever figure a passage states (80%)
        intent = replace(intent, unit=kind)
    if resolution.frame_fact and intent.unanswerable_fact is None and intent.kind == "general":
        # 「じゃあ区役所は？」 after 「市役所の職員って何人いるの？」: the staff count the plan does not state, asked of
        # the ward offices
        fact = resolution.frame_fact
        intent = replace(intent, unanswerable_fact=fact,
                         subject=subject_of(query.text, fact) if fact in SUBJECT_BOUND else ())
    if resolution.frame_intent is not None and intent.kind == "general":
        framed = resolution.frame_intent
        intent = replace(intent, kind=framed.kind, about_aim=True, wants_number=False)
    if resolution.ward and not intent.ward:
        intent = replace(intent, ward=resolution.ward)
    if resolution.language:
        intent = replace(intent, language=resolution.language)
    return replace(query, search_text=search_text, intent=intent, boost=tuple(boost),
                   language=resolution.language or query.language, frame=resolution.frame or query.frame)


def _strip_ward(text: str, ward: str, profile: PlanProfile) -> str:
    english = profile.english_ward(ward)
    stripped = text.replace(ward, "").replace(ward.removesuffix("区"), "")
    return re.sub(re.escape(english), "", stripped, flags=re.I) if english else stripped


def _topic_words(message: Query, profile: PlanProfile) -> list[str]:
    """What a message is about besides the asked fact: its nouns (Japanese; 「何人くらい受ける予定？」 has
    none but the asked fact's) or its words that are neither English stop words nor fact words
    ("Which department is in charge?" has none); the words asking for a fact the plan never states are the
    asked fact too (「参加費っていくら？」, 「今日は何分待ち？」: `without_asked_fact`)."""
    fact = message.intent.unanswerable_fact
    text = without_asked_fact(asking_words_in_kanji(message.text), fact)  # 「しょかんは？」 asks 所管
    if message.language == "en" and fact == "location":
        # ("Where is the My Number card center?": the words asking where take in the thing asked of; only
        # they go)
        text = _WHERE_ASKED.sub(" ", message.text)
    text = YEAR.sub(" ", text)  # (「令和9年度は？」, 「R9だと？」: a year of the topic's figures, no subject of its own)
    if message.language == "en":
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        plain = re.sub(r"[’'](?:s|re|ll|d|ve|m)\b|n[’']t\b", "", text.lower())  # what's -> what, isn't -> is
        words = [w for w in re.findall(r"[a-z][a-z'-]+", plain) if len(w) > 1]
        return [w for w in words if w not in ENGLISH_STOP_WORDS and w not in _FACT_WORDS_EN
                and w not in _TIME_WORDS_EN and not mentioned_ward(w, profile.wards)]
    # (the wards, the city's places and words of no subject of their own are none: 「全部の区にできるの？」 asks where
    # the topic reaches, 「札幌市はどれくらい集めたいの？」 its target)
    nameless = set(profile.wards) | {w.removesuffix("区") for w in profile.wards} | NAMELESS_NOUNS
    asked = {counted_unit(text), *_used_as_verbs(text)}  # 「何団体くらい参加してるの？」: nothing but the asked count
    if fact not in NEEDS_SUBJECT:  # 「申し込みはどうすればいい？」: 申し込み is the asked procedure's own word
        asked |= SUBJECT_BOUND.get(fact or "", set())
    return [w for w in dict.fromkeys(topic_nouns(text))
            if w not in _FACT_WORDS and w not in nameless and w not in asked and not _ANAPHORA.fullmatch(w)
            and not mentioned_ward(w, profile.wards)]


# The words of an English question asking where a thing is, its thing left.
_WHERE_ASKED = re.compile(
    r"\bwhere(?: exactly)?(?:'s|\s+(?:is|are|will|was|were))?\b|\b(?:located|location|be)\b", re.I)


def _own_words(message: Query, profile: PlanProfile) -> list[str]:
    """What a message asking about other wards names of its own: 「ほかの区でスポーツのイベントある？」 names スポーツ,
    「ほかの区でもやってる？」 and "Do other wards do this too?" nothing."""
    words = _topic_words(message, profile)
    return [w for w in words if w not in _OTHER_WARD_WORDS and not _ALIKE_KIND.fullmatch(w)]


# The words of 「ほかの区」 and "other wards" themselves.
_OTHER_WARD_WORDS = {"区", "別", "他", "ほか", "よそ", "ward", "wards", "other", "similar"}


def _used_as_verbs(text: str) -> set[str]:
    """The verbal nouns a message uses as its verb (参加してる, 利用できる): what it asks about the topic, not one."""
    tokens = tagged(text)
    return {fold(token.lemma) for token, after in zip(tokens, tokens[1:])
            if token.pos3 == "サ変可能" and after.lemma in ("為る", "出来る")}


def _content_words(text: str, analyzer: Analyzer, profile: PlanProfile) -> list[str]:
    """Topic words of a message: its words minus asked-fact words, pronouns and ward names."""
    wards = set(profile.wards) | {w.removesuffix("区") for w in profile.wards}
    words = analyzer.analyze(text)["word"]
    return [w for w in dict.fromkeys(words)
            if w not in _FACT_WORDS and w not in wards and not _ANAPHORA.fullmatch(w) and len(w) > 1
            and not mentioned_ward(w, profile.wards)]
