"""Facts an action plan never states (fees, opening hours, schedules, who may take part, a condition a
yes/no question ends on, …): which one a question asks for, and whether a retrieved passage speaks of it
after all (`standing_veto`) — for a fact bound to its subject, only a passage that also speaks of what the
question is about (`covers`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from index.analyzer import Token, fold, tagged, topic_compounds, topic_nouns
from index.jmdict import first_senses
from index.synonyms import synonym_groups

# A yes/no question ending on a condition: the words before でも／も (`condition_of`), then whether it can be done.
_CONDITION = (r"(?P<condition>[^\s、。，,？?！!]{1,15}?)(?:でも|も)(?!も)\s*[^\s、。？?]{0,8}?"
              r"(?:でき|取れ|とれ|使え|通じ|つながる|繋がる|つながり|もらえ|受けられ|頼め|申し込め|申込め|受け取れ|買え|見られ|見れ|行け|選べ|出せ|載せられ|載せれ|置け|貼れ)"
              r"(?:る|ます)?(?:の|か|んですか|んでしょうか|かな|よね)?\s*[?？]?\s*$|"
              # or what one must have (「マイナンバーカード持ってないと使えない？」, 「予約がないとだめ？」)
              # (a noun and ない with no particle between: 「マイナンバーカードないとダメ？」)
              r"(?P<required>[^\s、。，,？?！!]{1,15}?)(?:(?:(?:が|は)\s*|(?<=[\u3400-\u9fff\u30a1-\u30fa\u30fc]))"
              r"(?:ない|無い|なかったら|なければ)|"
              r"(?:を|は)?\s*持って(?:い)?な(?:い|かったら|ければ)|なしだと|無しだと|なしでは)"
              r"と?\s*[^\s、。？?]{0,6}?(?:使えない|できない|出来ない|だめ|ダメ|無理|"
              r"受けられない|申し込めない)(?:の|か|んですか|んでしょうか|かな|よね)?\s*[?？]?\s*$|"
              # (or whether it is needed, asked after what is done: 「タクシー券の電子申請、マイナンバーカードいる？」)
              # (not what it is there for: 「キャラクターって、何のためにいるの？」)
              r"[、,]\s*(?P<needed>(?:(?!何|なに|なん|誰|だれ|どこ|どう|なぜ)[^\s、。，,？?！!]){1,15}?)"
              r"(?<!に)(?:って|は|が)?\s*(?<!に)(?:いる|要る|必要)"
              r"(?:なの|なん(?:です)?|ですか|の|か|かな)?\s*[?？]\s*$")
# Facts an action plan does not contain; asking for them must not produce an invented value.
# (Fees, hours, schedules, phone numbers and people's names appear nowhere in the plan, so no passage lifts those.)
# verb stems of something gone wrong for the asker (忘れ, なくし, 壊れ, 払えなかっ …): the `mishap` fact
_LAPSED = r"忘れ|なくし|無くし|失くし|落とし|紛失し|盗まれ|壊れ|壊し|割れ|間に合わなかっ|払えなかっ|期限が?切れ"
# What is held on a day: an event's name ends so (きよフェス, 交流会, 南区芸術祭, スタンプラリー, 防災展).
_EVENTS = (r"会|祭り?|まつり|フェス(?:タ|ティバル)?|フェア|イベント|ラリー|セミナー|講座|教室|大会|展|ツアー|マルシェ|訓練|"
           r"体操|ウォーキング|コンサート|ライブ|ジャズ|演奏会|公演|上映会?|ワークショップ|(?:ごみ|ゴミ)拾い|サロン|カフェ")
_NOT_IN_PLAN = {
    # how people are chosen (作家はどうやって選ばれるの？, 選考基準は？, "how are they selected"): the plan names no
    # selection procedure
    "selection": re.compile(
        r"抽選|先着順?|くじ引き|\blottery\b|\bfirst[- ]come\b|\bdrawn by lots?\b|"
        r"どうやって(?:選ば|選ん|決ま|決め)|どう(?:選ば|決ま)|(?:選考|選定|審査)(?:の)?(?:方法|基準|結果|は|って)|選ばれる(?:基準|条件|方法)|"
        r"\bhow (?:are|is|were|was) .{0,40}\b(?:selected|chosen|picked)\b|\bselection (?:criteria|process)\b", re.I),
    # what an initiative costs the city (予算はいくら？, 事業費は？, "what's the budget"): the plan states
    # targets, not budgets
    "budget": re.compile(
        r"(?:予算|事業費|経費)(?:は|って|が|に|を)?\s*(?:いくら|どれくらい|どのくらい|どれだけ|何円|何億|\s*[?？]|$|を教え)|予算(?:額|規模)|"
        # what setting it up or running it costs the city (「RPA 導入費用」, 「システムの構築費用は？」)
        r"(?:導入|整備|運営|開発|建設|改修|構築|運用)(?:の)?(?:費用|コスト)|"
        r"いくら(?:の)?(?:予算|税金)|(?:税金|お金)を?\s*(?:いくら|どれくらい|どのくらい)\s*(?:使|かけ|かか)|"
        # the money saved (「ナッジでどれくらいお金が浮いたの？」): the plan counts hours and sheets saved, never yen
        r"(?:どれくらい|どのくらい|どれだけ|いくら)\s*(?:の)?\s*(?:お金|費用|経費|税金|コスト)(?:が|を)?\s*(?:浮|節約|節減)|"
        r"(?:お金|費用|経費|コスト)(?:が|は|って)?\s*(?:どれくらい|どのくらい|どれだけ|いくら)\s*(?:浮|節約|節減|安く)|"
        # a budget looked up by its year, as staff type it (「除雪 予算 R9」)
        r"(?:予算|事業費)\s+(?:R\s*\d{1,2}|令和\s*\d{1,2}|20\d\d)\S{0,3}\s*$|"
        # the sum paid or spent (払ったお金の総額は？, 委託料の総額)
        r"総額(?:は|って|を教え|\s*[?？]|$)|"
        # what the city owes ("What's the city's debt?", 「札幌市の借金っていくら？」)
        r"(?:市|札幌市)の(?:借金|負債)|市債|\b(?:city|sapporo|municipal)(?:['’]s)? debts?\b|\bhow much debt\b|"
        r"\bbudgets?\b|\bhow much (?:money )?(?:does|did|will|is|was) (?:the city|sapporo|the ward) "
        r"(?:spend|pay|spending|paying)\b|"
        # the money an initiative saves ("How much money will the paperless project save?"): the plan counts
        # sheets and hours saved, never yen
        r"\bhow much (?:money|cash)\b.{0,60}\bsav(?:e|es|ed|ing)\b|\b(?:cost|money) savings?\b|"
        r"\bcost the city\b|"
        # the sum put in ("How much is the consortium investing in GX?", 「いくら投資するの？」)
        r"\bhow much (?:money )?(?:is|are|will|does|do|did|has|have) .{0,40}\binvest(?:ing|ed|s)?\b|"
        r"いくら(?:を)?\s*(?:投資|出資|投入)|(?:投資|出資)(?:額|金額)|"
        # what a programme costs ("What does the social impact bond program cost?")
        r"\b(?:what|how much) (?:does|did|will|would) (?:the |this |that )?[a-z\- ]{0,40}?"
        r"\b(?:program(?:me)?|project|initiative|scheme|system|renovation|construction|renewal|redesign|rebuild|"
        r"overhaul|upgrade|rollout|introduction|installation|website) cost\b"
        r"(?! (?:to|for) (?:join|use|enter|attend|take part|participate|me|us|users|residents|"
        r"citizens)\b)", re.I),
    # what money raised or saved goes to (浮いたお金は何に使う？, 寄付金の使い道は？, "what will the savings be spent
    # on"): the plan says what an initiative raises or saves, rarely what for (広告事業: 新たな財源の確保による…)
    "spending": re.compile(
        r"(?:浮いた|浮く|節約(?:した|できた|する|して)|削減(?:した|できた|する|して)|減らした|余った|余る|集めた|集まった|"
        r"集まる|もらった|稼いだ|入った|寄付(?:した|された|する)|寄せられた|納めた|払った)"
        r"\s*(?:お金|費用|経費|予算|財源|税金|寄付金?|収入|お金の分|分)(?:は|って|を|で)?\s*"
        r"(?:何に|なにに|なんに|どこに|どう)\s*(?:使|つか|回|まわ|する|し|な)[ぁ-ん]*|"
        # (not 「予算の使い道をチェックする仕組み」: how spending is checked, the evaluation the plan describes)
        r"(?:使い道|使途)(?!を?\s*(?:チェック|確認|監視|評価|見直|点検))|"
        r"\bwhat (?:will|would|does|do|is|are) .{0,50}\b(?:money|savings|donations?|funds?|revenue|income)\b"
        r".{0,30}\b(?:be )?(?:used|spent|go(?:ing)?)\b|"
        r"\bwhere (?:does|will|do) (?:the )?(?:money|savings|donations?|funds?|revenue)\b.{0,20}\bgo\b|"
        r"\bdo with (?:the |that |this )?(?:money|savings|funds?|revenue)\b|"
        r"\bhow (?:will|is|are) .{0,30}\b(?:savings|donations?|revenue)\b.{0,20}\b(?:used|spent)\b", re.I),
    # (いくら, not a word's い before くらい in kana: 「なんかいくらい」 is 何回くらい; いくらいる still asks a price)
    "fee": re.compile(r"手数料|料金|いくら(?!い(?![るり]))(?![^。？?]{0,8}(?:増や|減ら|目指|集め|削減))|お金(?:が|って|は)?\s*(?:かかる|かかります|掛かる|いる|要る|必要)(?:の|か|んですか|んでしょうか)?\s*[?？]\s*$|(?:参加|利用|使用|受講|入場|入館|出店|登録|年)?会?費(?:は|って|が|も)(?:\s*[?？]|\s*$|か|いる|要る|かかる|必要|\s*いくら|\s*どれくらい|\s*どのくらい)|(?:参加|利用|使用|受講|入場|入館|出店|登録|年)会?費\s*(?:かかる|かかります|掛かる|要る|いる|必要|[?？]?\s*$)|(?:参加|利用|使用|受講|入場|入館|出店|登録|入浴|観覧|駐車)料|値段|家賃|運賃|価格|費用(?:は|って)|(?:無料|有料|タダ)(?:ですか|なの|なん|\s*[?？])|"
                      r"(?:参加|利用|使用|受講|入場|入館|出店|登録|年)会?費の(?:金額|額)|"  # 「参加費の金額は？」
                      # what a ticket, a fare or a meal costs (「チケット代は？」, 「バス代かかる？」 — not a grant
                      # towards it: 「タクシー代の助成」)
                      r"(?:チケット|入場券|切符|バス|電車|タクシー|交通|材料|教材|食事|弁当|ランチ|駐車)代"
                      r"(?![^。？?]{0,3}(?:助成|補助|支給|割引|免除|減免|券))|"
                      # who pays (「講師の謝礼ってこっちが払うの？」, 「費用は誰が負担するの？」, "do we have to pay")
                      r"(?:誰|だれ)が(?:払|負担|出す)|(?:こっち|こちら|自分|自分たち|うち|私|わたし|参加者)(?:が|で)"
                      r"(?:払|負担|出す|持つ)|自己負担|自腹|\b(?:do|will|would|must) (?:i|we) (?:have to )?pay\b|"
                      r"\bwho pays\b|"
                      r"何\s*(?:千|万)?円(?![^。？?]{0,8}(?:増や|減ら|目指|まで|削減))|\bfees?\b|"
                      # (not what keeps up with them: "Will our wages keep up with prices?", "… when prices
                      # rise")
                      r"(?<!\bwith )(?<!\brising )(?<!\bhigher )\bprices?\b"
                      r"(?! (?:rise|rises|rising|go up|goes up|went up|increase|increases|are rising|"
                      r"keep rising)\b)|"
                      r"how much (does|is) it cost|\bis it free\b|\bfree of charge\b|"
                      # a fine ("How much is the fine for putting out garbage on the wrong day?")
                      r"\bhow much is the fine\b|\b(?:a|the) fines? for\b|\bget fined\b|\bpenalty fees?\b|"
                      r"\bcosts? (?:anything |much )?(?:to|for) "
                      r"(?:join|use|enter|attend|take part|participate|sign up)\b|"
                      r"\bwhat (?:does|will|would) (?:it|that|this) cost\b|"
                      # 無料ですか: "is there free wifi", "is the class free?" (not barrier-free, free time, free to join)
                      r"\b(?:is|are)\b[^?]{0,40}(?<![-\w])free\b(?!\s+(?:time|to)\b)(?![-‐])|"
                      # "can I get a free flu shot", "for free"
                      r"\b(?:get|have|receive|take) (?:a |an |it |them |one )?(?:for )?free\b(?!\s+(?:time|to)\b)(?![-‐])|\bfor free\b|"
                      # what the city gives for free ("does the city offer free English lessons", 無料の英語教室ある？)
                      r"\b(?:offers?|provides?|gives?|runs?|hold|holds) (?:any )?free\b"
                      r"(?!\s+(?:time|to)\b)(?![-‐])|"
                      r"(?:無料|タダ)の[^。？?、]{1,15}(?:ある|あります|やって|開いて|受けられ|もらえ)|"
                      # 「それ無料で聴ける？」, 「タダで参加できるの？」: whether it costs, asked by what one can do
                      r"(?:無料|タダ)で[^。？?、]{0,10}(?:[けれえせめねてべ]る|できる|られる)(?:の|かな|んですか|ですか|か)?"
                      r"\s*[?？]|"
                      # what a voucher or ticket is worth ("How much is each voucher worth?")
                      r"\bhow much (?:is|are) (?:each|every|a|an|one|the|my)? ?(?:[\w'’-]+ ){0,3}"
                      r"(?:vouchers?|tickets?|coupons?)(?: worth)?\b|"
                      r"\b(?:value|worth) of (?:each|every|a|an|one|the) (?:[\w'’-]+ ){0,3}"
                      r"(?:vouchers?|tickets?|coupons?)\b|"
                      r"\bhow much (?:is|are) (?:a|an|one)\b|\bhow much (?:does|do|will) .{0,70}\bcost\b|"
                      r"\bhow much (?:is|are) (?:the )?"
                      r"(?:tickets?|admission|entry|entrance|parking|participation)\b|"
                      # a pass's price ("How much is the seniors' subway pass?")
                      r"\bhow much (?:is|are|does|do) (?:the |a |an |my )?(?:[\w'’-]+ ){0,3}pass(?:es)?\b|"
                      r"\bhow much (?:do|does|will|would|should|must) (?:i|we|you|residents|people|one) "
                      r"(?:have to |need to )?pay\b|"
                      # what the asker's own tax or premium comes to ("How much will my resident tax be?")
                      r"\bhow much (?:is|are|will|would) (?:my|our) (?:[\w'’-]+ ){0,3}"
                      r"(?:tax|taxes|fees?|premiums?|bills?|rent|fares?)\b|"
                      # what a utility charges ("How much is water per month?", "the water bill"): no tariff
                      # (how one pays it is a payment's means: "Can I pay my water bill at a convenience
                      # store?")
                      r"(?<!\bpay my )(?<!\bpay the )(?<!\bpay our )"
                      r"\b(?:water|electricity|gas|sewer|sewerage|utility|utilities) "
                      r"(?:bills?|rates?|charges?|tariffs?)\b|"
                      r"\bhow much (?:is|are) (?:the )?(?:water|electricity|gas|sewerage|utilities)\b|"
                      # a cost asked as free to do ("Is it free to attend?"; not "free to use" the data)
                      r"\bfree to (?:attend|enter|visit|watch|participate|join in)\b", re.I),
    "hours": re.compile(r"(?:混んで(?:る|いる)|混雑(?:する|してる|している)?|空いて(?:る|いる))\s*(?:時間帯|時間|曜日|日)(?:は|って)?\s*(?:いつ|何時|何曜)|開館時間|営業時間|受付時間|何時(?!間|でも)|休館日|休業日|定休日|閉館|開館日|"
                       # open round the clock, asked (「妊娠SOSの電話って24時間？」, 「24時間対応してる？」)
                       r"24\s*時間(?:対応|受付|受け付け|営業|体制|やって(?:る|いる)|あいて(?:る|いる)|開いて(?:る|いる))?"
                       r"(?:なの|ですか|なんですか|かな|してる|している|してます)?\s*[?？]\s*$|"
                       # a counter's or facility's hours (マイナセンター 開庁時間, 窓口の時間, 診療時間)
                       r"(?:開庁|開所|開場|開園|利用|診療|窓口の?)時間|"
                       # the hours a place is open, as said (開いてる時間, やってる時間帯)
                       r"(?:開いて|あいて|空いて|やって|営業して)(?:る|いる)(?:時間|時間帯)(?:は|って|を|が|教え|知り)|"
                       # the time a meeting or event starts or ends (ボランティアの集合時間, 開始時刻)
                       r"(?:集合|集まる|待ち合わせ|開始|終了|スタート)(?:の)?(?:時間|時刻)|"
                       r"opening hours|business hours|office hours|(?:opening|closing) times?\b|"
                       r"\bwhat time\b|\bhow (?:late|early)\b.{0,40}\b(?:open|opens|close|closes|staffed)\b|"
                       r"\buntil what time\b|"
                       r"\bclosed on\b", re.I),
    # when something happens at the asker's own place (うちの近所の公園はいつ新しくなる？, うちの保育園はいつから？,
    # "when does the snow plough come to my street?"): the plan states what the city will do, not for which street,
    # school or park when
    "own_case": re.compile(
        r"(?:うち|我が家|わが家|自宅|(?<![\u3400-\u9fff])家|近所|地元|自分)の(?:近く|近所|前|周り|まわり|そば|辺り|あたり)?の?[^。？?]{0,20}?"
        r"(?:いつ|何月|何年|何曜)|"
        r"\bwhen\b.{0,60}\b(?:my|our)\b (?:street|road|park|school|nursery|daycare|neighbou?rhood|area|building|house|home|block)\b|"
        r"\b(?:my|our) (?:street|road|park|school|nursery|daycare|neighbou?rhood|area|building|house|home|block)\b.{0,60}\bwhen\b", re.I),
    # which one is near the asker's home (「避難所ってどこ？うちの近く」, "the nearest shelter to my house"): the
    # plan lists no places by neighbourhood (not where to call about something seen near home: 「家の近くでクマを
    # 見たらどこに連絡すれば」)
    "nearby": re.compile(
        r"(?:うち|我が家|わが家|自宅|(?<![\u3400-\u9fff])家)の(?:近く|近所|そば|最寄り)(?:の|に|にも)[^。？?]{0,20}?"
        r"(?:どこ(?!に(?:連絡|電話|相談|聞|言))|ある)|"
        r"どこ(?:にある)?(?:の|[?？])?\s*(?:うち|我が家|わが家|自宅|(?<![\u3400-\u9fff])家)の(?:近く|近所|そば|最寄り)|"
        r"\b(?:nearest|closest)\b.{0,40}\b(?:to|from) (?:me|my|our|here)\b|"
        r"\bnear (?:me|my (?:home|house|place|apartment))\b",
        re.I),
    # how long a card or document stays valid, or when it must be renewed (有効期限は何年？, 更新はいつまでに):
    # the plan states no rules of documents (nor ever says 更新)
    "validity": re.compile(
        r"有効期限|有効期間|使用期限|何年(?:ごと|おき|毎)に?(?:更新|切り替え|作り直)|"
        # how long a contract runs (「ネーミングライツの契約期間って何年？」)
        r"契約(?:の)?期間|契約(?:は|って)?\s*何年|"
        r"更新(?:手続き?)?(?:は|って|の)?\s*(?:いつ|何年|何歳|時期|期限|期間)|更新(?:しないと|しなきゃ|しなければ|が必要|を忘れ)|"
        r"\bexpir(?:e|es|y|ation)\b|\bvalid for\b|\bhow long is .{0,40}\bvalid\b|"
        r"\brenew(?:ing)? (?:(?:my|our|your|a|an|the) )?(?:[a-z]+(?:['’]s)? )?(?:card|licen[cs]e|passport|permit|certificate|pass)\b", re.I),
    "schedule": re.compile(
        # the day of a hand-out or a payment (「花の苗っていつ配るの？」, 「給付金はいつもらえる？」)
        r"いつ(?:頃|ごろ)?(?:配|もら|貰|届|受け取|回収)|"
        r"(?:収集|ごみ|ゴミ)カレンダー|収集日|何曜日|日程|会期|締め切り|締切|振込日|支給日|いつ(?:頃|ごろ)?(?:振り?込|入金|支給され|支払われ)|"
        # (not of a project: 「市公式HPの再構築っていつやる？」 asks when the city does it — its target year)
        r"(?<!化って)(?<!化は)(?<!構築って)(?<!構築は)(?<!導入って)(?<!導入は)(?<!整備って)(?<!整備は)"
        r"いつ(?:頃|ごろ)?(?:来る|来ます|来て|やって|やる|やります|ある|あります|開催|行われ|開かれ)|"
        r"スケジュール|何月何日|開催日|公開日|発表日|発売日|"
        r"日にち|(?<!まで)(?<!まで\s)何日(?:に|から|です|でしょう|\s*[?？]|$)|何日前(?:まで|から|に)|いつからいつまで|"
        r"(?:開催|受付|募集|申込み?|申し込み)期間|"
        # the last day to apply or pay (児童手当の申請期限, 提出期限はいつ？; not a card's 有効期限: `validity`)
        r"(?:申請|申込み?|申し込み|提出|応募|届出|届け出|支払い?|納付|納入|振込み?)(?:の)?期限|(?:申し?込み?|申込|受付|募集|応募|エントリー)(?:は|って)?\s*いつ(?:から|まで)|"
        r"(?:申請|提出|届け?出)(?:は|って)?\s*いつまで(?!に(?:は)?(?:でき|実現|始|導入|オンライン))|いつまでに[^。？?]{0,15}(?:ないと|なければ|なきゃ|必要|べき)|"
        r"今年(?:も|は)?\s*(?:ある|あります|やる|やります|やって|開催|行われ)|今年(?:は|の(?:開催|日程)?は?)?\s*いつ|"
        r"(?:次|今度|次回)(?:は|の(?:開催|募集)?は?)?\s*いつ|"
        r"(?:次|今度|次回|今年|来年)の[^。？?、\s]{1,15}?(?:は|って)\s*いつ(?!から|でき|始ま|はじま|スタート|開始)|"
        r"いつ(?:終わ|完成|完了|終了|再開|発売|販売|売り出|公開|発表|決ま|わか|分か)|何月(?:に|頃|ごろ|から|まで|です)|"
        # (the end of a thing named between: 「いつリニューアル完了するの？」)
        r"いつ(?:頃|ごろ)?\s*[^\s。？?、]{1,8}?(?:完了|終了|完成)|"
        # a building's completion (「新しい区役所はいつ建つの？」): the plan says which are to be built, not when
        r"いつ(?:頃|ごろ)?\s*(?:建つ|建ちます|建設され|建て替わ|竣工|開庁)|"
        # (a new building's, not a new site's: 「新しいホームページはいつできるの？」 asks when it starts)
        r"新し(?:い|く(?:でき|建)る)[^。？?、]{0,8}(?:区役所|役所|庁舎|建物|図書館|体育館|学校|駅|ホール|会館)"
        r"(?:は|って|が)\s*いつ(?:頃|ごろ)?\s*(?:でき|建|完成|オープン)|"
        # (not a centre the city sets up: "When will the new children's centre open?" asks when it starts)
        r"\bwhen will (?:the |a )?new\b.{0,40}\b(?:office|building|hall|library|gym|school|station)s?\b"
        r".{0,20}"
        r"\b(?:open|be (?:built|finished|completed|opened|ready))\b|"
        r"\bwhen will\b.{0,60}\bbe (?:built|completed|finished)\b|"
        r"何月(?:なの|かな|でしょう(?:か)?)?\s*[?？]?\s*$|見頃|見ごろ|いつ(?:頃|ごろ)?咲|"
        # the season to see something (「ホタルはいつ頃見られる？」)
        r"いつ(?:頃|ごろ)?見(?:られ|れ|に行け)|"
        # the round of upkeep (「花壇の花はいつ植え替える？」, 「公園の草刈りっていつ？」 — the plan sets no season for any)
        r"いつ(?:頃|ごろ)?(?:植え|植栽|刈|草刈|剪定|掃除|清掃|除雪|排雪|点検)|(?:植え替え|草刈り?|剪定|清掃|除雪|排雪)(?:は|って)\s*いつ|"
        r"(?:土曜|日曜|土日|祝日|休日|週末|平日)(?:日)?(?:に|も)\s*(?:ある|あります|開催|やる|やります)(?:の|か|んですか)?\s*[?？]?\s*$|"
        # a school holiday (「夏休みにやる？」, "Is it on during the summer holidays?"): no passage dates its events
        # by them (「年末年始もやってる？」 asks the days a service is open: `hours`)
        r"(?:夏休み|冬休み|春休み)(?:中|の間|期間)?(?:に|も|は)\s*"
        r"(?:ある|あります|やる|やります|やって|開催|行われ)|"
        r"\b(?:during|over|in) (?:the )?(?:summer|winter|spring) (?:vacation|holidays?|break)\b|"
        # an events calendar (今月のイベント予定, 行事の日程, "upcoming events"): the plan dates no event
        r"(?:今月|来月|今週|来週|週末)の?[^。？?、]{0,12}?(?:予定|日程)|"
        # what is coming up (「札幌ドームで今度どんなコンサートある？」)
        r"(?:今度|次に|今月|来月|今週|来週|週末|今年)[^。？?]{0,6}(?:どんな|何の|なんの)[^。？?]{0,10}"
        r"(?:イベント|コンサート|ライブ|催し|行事|公演|試合)|(?:イベント|行事|催し物?)の?(?:予定|日程|カレンダー)|"
        rf"(?<![発進社])(?:{_EVENTS})の(?:予定|日程|開催予定)(?:は|って|を|\s*[?？]|$)|"
        r"\b(?:upcoming|this month'?s?|next month'?s?) (?:events?|schedule)\b|\bevents? (?:this|next) (?:month|week|weekend)\b|"
        r"\bschedule\b|what day|which days?\b|what time|collection day|\bdue date\b|"
        # the asker's own deadline ("the deadline to apply", "What's the deadline?"), not the city's,
        # which its plan dates ("the deadline for switching to standardized systems": 令和7年度末)
        r"\bdeadlines?\b(?=\s*\??\s*$|.{0,40}\b(?:to (?:apply|register|submit|pay|sign up|enter|file|join)|"
        r"for (?:paying|applying|applications?|registration|registering|submitting|entries|signing up|"
        r"joining))\b)|"
        # when something happens (not "by when will it be done": the plan's target year, a figure; "by when do I
        # have to apply" is the asker's own deadline)
        r"(?:\b(?<!by )when (?:is|are)|\bwhen (?:does|do))\b"
        r"(?!.{0,60}\b(?:start|begin|launch|be (?:introduced|available|set up|installed|rolled out))\b)|"
        # (what will open asks when it starts, not its hours: "When will the centre open?"; so does what the
        # city will let people do: "When will Sapporo let people apply … online?")
        r"\b(?<!by )when will\b"
        r"(?!.{0,60}\b(?:start|begin|launch|open|let|allow|enable|offer|switch|"
        r"be (?:introduced|available|set up|installed|rolled out|opened|able|possible|ready|launched|"
        r"renewed))\b)|"
        # this year's date of an event, or its next one (今年はいつ, 次はいつ)
        r"\bwhen\b[^?]{0,60}\bthis year\b|\bwhen(?:'s| is| will be) the next\b|"
        # when an event is held (「スタンプラリーはいつ？」, 「交流会っていつやるの？」): an event's name asked with いつ
        # (「防災訓練いつ？」, 「ぼうさいくんれん いつ？」: no particle between)
        rf"(?:{_EVENTS})(?:は|って|の日程は?)?\s*いつ(?:なの|ですか|でしょう(?:か)?|から|頃|ごろ)?\s*[?？]?\s*$", re.I
    ),
    "phone": re.compile(r"どこで(?:公表|公開|発表)|電話番号|電話[^。？?]{0,15}番号(?:は|って|を教え|\s*[?？]|$)|連絡先(?:は|って|を教え)|連絡先の電話|メールアドレス|メアド|(?<![A-Za-z])URL(?![A-Za-z])|どこに電話|電話(?:すれば|したら)(?:いい|良い|よい)|"
                        r"どこで(?:ダウンロード|入手|読め|読む|読ん)|ダウンロード(?:先|方法|の仕方|(?:は|って)どこ)|"
                        # an account to reach (「妊娠SOSのLINEのIDは？」)
                        r"(?:LINE|ライン|インスタ|Instagram|ツイッター|Twitter|SNS)の?\s*(?:ID|アイディー|アカウント名)|"
                        # how to write to someone (「市長に直接メール送れる？」): an address the plan never gives
                        r"(?:に|へ)\s*(?:直接)?\s*(?:メール|Eメール|手紙)(?:を|で)?\s*(?:送れ|出せ|送る(?:には|方法))|"
                        # where results or records are seen (「行政評価の結果って市民はどこで見られるの？」: the plan
                        # publishes its evaluation sheets, nowhere says where)
                        r"(?:結果|評価|調書|資料|議事録|報告書?)(?:って|は|を|が|も)?[^。？?]{0,12}"
                        r"どこで(?:見られ|見れ|閲覧)|"
                        r"phone number|telephone|e-?mail address|\bemail\b|web ?site address|\bweb address|"
                        r"\bwhere (?:can|do) i download\b|\bdownload link\b", re.I),
    # who takes part (参加者は誰？, 誰が参加してる？, "who takes part"): answered by a passage naming the kinds of
    # bodies that do (警察や消防などの行政機関、病院やインフラ関係などを担う事業者), never by names
    "participants": re.compile(
        r"(?:参加者|参加企業|参加団体|メンバー|構成員)(?:さん)?(?:って|は)\s*(?:誰|だれ|どなた|どんな人|どこ)|"
        r"(?:誰|だれ|どこ)が(?:参加して|出席して|入って)(?:る|いる|ます)|"
        # which firms or bodies take part (「参加してる企業はどこ？」; 「どこの会社が…」 asks their `names`)
        r"(?:参加|参画|加盟|協力|協賛)して(?:る|いる|ます)(?:企業|会社|団体|事業者|お店|店|大学)(?:って|は)\s*(?:どこ|どれ)|"
        # who comes to a meeting (「防災会議って誰が出るの？」): its members, not a performer
        r"(?:会議|協議会|委員会|懇談会|連絡会|ネットワーク|集まり)(?:って|は|に|には)?\s*(?:誰|だれ|どこ)が\s*"
        r"(?:出る|出て|出席|参加|来る|来て|集まる)|"
        r"\bwho (?:takes part|take part|participates|participate|are the members|is on|sits on)\b|"
        # who they are by sex (男女どっちが多い？, 男女比)
        r"男女(?:比|の比率|の割合|どっち|どちら)|\bgender (?:ratio|balance|split)\b|\bmore (?:men|women) than\b",
        re.IGNORECASE),
    # how many people a place or class takes (定員は？, 一時保護所って何人入れる？, "how many people can it hold"): the
    # plan counts those it reaches, never the places it has
    "capacity": re.compile(
        r"定員|収容(?:人数|人員|能力)|何人(?:まで|くらい|ぐらい)?\s*(?:入れ|入る|泊まれ|乗れ|受け入れ)|キャパ(?:シティ)?|"
        r"\bcapacity\b|\bhow many (?:people|children|kids|guests|participants) can\b.{0,40}"
        r"\b(?:fit|hold|stay|accommodate)\b", re.I),
    # who holds an office (区長って誰？, "who is the mayor"): the plan names departments, never people
    "person": re.compile(
        # whoever heads something (区長, 会長, 館長, 委員長, センター長) or sits on its council
        r"(?:(?:区|市|会|館|園|校|局|部|課|所|署|室|センター|委員|理事|議|社|店)長|議員)(?:さん)?(?:って|は|の)\s*(?:今|いま|現在|今の)?\s*(?:誰|だれ|どなた|名前|氏名)|"
        r"(?:誰|だれ)が(?:区長|市長|局長|部長|課長)|(?:講師|先生|スタッフ)(?:さん)?(?:は|って)\s*(?:誰|だれ|どなた|どんな人)|"
        r"(?:誰|だれ|どなた)が\s*(?:講師|先生|教える|教えて|教えに)|"
        # who made it up (「西区の目標を決めた人は誰？」, "Who wrote the DX policy?"): the plan names no author
        r"(?:決めた|作った|つくった|考えた|書いた)(?:人|の)(?:は|って)\s*(?:誰|だれ|どなた)|"
        r"(?:誰|だれ)が(?:デザイン|設計|考案|発案|作った|つくった|作者|考えた|考え出した|描いた|名付けた)|"
        # a guest who comes (「カーリングの選手とか来る？」): the plan names what is held, not who appears
        r"(?:選手|プロ|有名人|芸能人|ゲスト|アスリート)(?:さん)?(?:とか|も|が|って|は)?\s*(?:来る|来ます|来て|呼ぶ|呼んで|会える)|"
        r"(?:社長|代表者?|出演者|委員|審査員)(?:さん)?(?:って|は)\s*(?:誰|だれ|どなた|どんな人|どこ)|"
        # who appears, asked by the noun alone (「今年の出演者は？」, 「ゲストって？」)
        r"(?:出演者|出演アーティスト|出場者|ゲスト|講師)(?:さん)?(?:は|って)\s*[?？]?\s*$|"
        r"(?:誰|だれ)が(?:出て|来て)(?:る|いる|ます)|(?:誰|だれ)が(?:出る|出演する|出演|来る)(?:の|か|んですか|\s*[?？]|$)|"
        r"\bwho is (?:the |our )?(?:current )?(?:mayor|ward (?:mayor|head|chief)|head|chief|director|chair(?:man|woman|person)?|"
        r"president|principal|manager|leader)\b|"
        r"\bwho (?:designed|created|invented|drew|planted|wrote|drafted|authored|came up with)\b|"
        r"\bname of the (?:[a-z]+ )?(?:ward )?(?:mayor|head|director|chief|principal|manager)\b", re.I),
    # lending equipment or rooms (ポールは貸してもらえる？, "can I borrow"): an action plan states what the
    # city will do, not what a counter lends out
    "lending": re.compile(r"貸して(?:もら|くれ|いただ|ほし)|貸し出|貸出|貸し?切|借りられ|借りれ|レンタル|"
                          r"\b(?:borrow|lend|rent)(?:s|ed|ing|al)?\b", re.I),
    # whether a counter or facility is open on a given day (土曜日もやってますか？, "open on weekends"): only
    # a passage that speaks of such days for the question's subject answers it (休日開庁, 土日や平日夜間も)
    "days": re.compile(
        # the days it is open at all (「広場っていつ開いてる？」)
        r"いつ(?:開いて|あいて|空いて|営業して|開館して|開庁して)(?:る|ます|いる)?(?:の|ん(?:です|だ)?|ですか)?(?:か|かな)?\s*[?？]|"
        # (in kana too: 「やすみのひも あいてる？」, whose あいてる Mozc reads as 相手る)
        r"(?:土曜|日曜|土日|祝日|休日|休みの日|週末|年末年始|夜|昼休み|お昼|昼|どよう|にちよう|どにち|しゅくじつ|"
        r"きゅうじつ|やすみのひ|しゅうまつ)(?:日|び)?(?:も|でも|は|って)?\s*"
        # (a noun naming the service, not asking of it: 「休日開庁の目標は？」 asks its target)
        r"(?:やって|やっと|開いて|あいて|空いて|開けて|(?:営業|受け付け|受付|開庁|開館|対応)(?!の)|できる|出来る|できます|可能|"
        r"閉ま(?:る|って|ります))|"
        # the day, then what is open on it (「土日に区役所開いてる？」)
        # (or the season: 「白旗山のスキー場って冬に開いてる？」)
        r"(?:土曜|日曜|土日|祝日|休日|週末|年末年始|冬|夏|冬場|夏場|冬季|冬期)(?:日)?(?:に|も|は|の間|でも)"
        r"[^。？?]{0,10}(?:開いて|あいて|空いて|営業して|開庁して|開館して)|"
        r"休み(?:の日)?(?:は|って)\s*(?:いつ|何曜)|"
        # whether someone is there (「土日もいる？」 of the ward office's guides)
        r"(?:土曜|日曜|土日|祝日|休日|週末|年末年始|夜|夜間)(?:日)?(?:も|でも)\s*(?:人が|職員が|誰か|だれか)?\s*"
        r"(?:いる|います|いて(?:くれる|もらえる))(?:の|んですか|ん(?:だ|です)?|か)?\s*[?？]?\s*$|"
        r"(?:土曜|日曜|土日|祝日|祝祭日|休日|週末|年末年始|お盆)(?:日)?(?:でも|も)[^。？?]{1,15}(?:ある|あります|やる|やります|やって(?:る|ます)|来る|来ます|来てくれる)(?:の|か|んですか|んでしょうか)?\s*[?？]|"
        r"(?:夜中|深夜|夜間|早朝|24時間)(?:でも|も|は|って)?[^。？?]{0,6}(?:つながる|繋がる|つながり|対応|やって|開いて|受け付け|相談でき|電話でき|使え|利用でき)|"
        # (done then, the verb right after: 「ネット受付って24時間できる？」)
        r"(?:夜中|深夜|夜間|早朝|24時間)(?:でも|も|は|って)?\s*(?:でき|申し込め|申込め)(?:る|ます)|"
        # a season it runs in (「ロープウェイって冬も動いてる？」, 「登山道は冬も通れる？」, "Is it open in winter?")
        r"(?:冬|冬場|冬季|冬期|夏|夏場|夏季|一年中|年中)(?:の間|の時期)?(?:も|でも|は|って)\s*"
        r"(?:動いて|運行|運転|営業|開いて|あいて|やって|通れ|入れ|登れ|使え|利用でき)|"
        r"\b(?:open|running|operating|operate|run|accessible|closed)\b.{0,30}"
        r"\b(?:in|during) (?:the )?(?:winter|summer)\b|"
        r"\bopen (?:on |at |during )?(?:the )?(?:national |public |bank )?(?:weekends?|saturdays?|sundays?|holidays?)\b|"
        # (the year's end and start: "Will the ward office be open on New Year's Day?")
        r"\bopen (?:on |at |during |over )?(?:the )?(?:new year(?:'s)?(?: day| holidays?)?|year[- ]end)\b|"
        # asked whether it can be done then ("Can I consult … on weekends?")
        r"\b(?:can|could|may) (?:i|we|you)\b.{0,60}\bon (?:the )?"
        r"(?:weekends?|saturdays?|sundays?|(?:national |public )?holidays?)\s*[?]?\s*$|"
        r"\b(?:available|open|staffed)\b.{0,30}\b(?:at night|overnight|during lunch|at lunch(?:time)?|in the evenings?|24 hours)\b", re.I),
    # shops, restaurants and inns recommended or ranked (おすすめの旅館, 一番人気のラーメン屋, "best ramen"), or
    # where something is sold (チケットはどこで買える？): the plan names no business
    "business": re.compile(
        r"一番(?:おいしい|美味しい|うまい)|"
        r"(?=.*(?:おすすめ|オススメ|お勧め|お薦め|人気|美味しい|おいしい|うまい|評判))"
        r".*(?:(?<!商)店(?!街)|屋さん|ラーメン|レストラン|旅館|ホテル|宿(?!題|泊)|カフェ|居酒屋)|"
        r"\b(?:best|recommend(?:ed)?|popular|good)\b.{0,40}\b(?:restaurants?|ramen|hotels?|inns?|ryokan|cafes?|shops?|bars?)\b|"
        r"どこ(?:の[^。？?\s]{1,8})?で\s*(?:買え|買う|買っ|購入|売って|販売|かえ(?:る|ます))|"
        r"(?:どこに|どこで)?(?:売って|販売して)(?:る|いる|ます)(?:の|か|\s*[?？]|\s*$)|\bwhere (?:can|do) i (?:buy|get tickets)\b|"
        r"\bbuy (?:a |the )?tickets?\b|\b(?:can|could) (?:i|we) (?:buy|purchase)\b|\bfor sale\b|"
        # whether the thing itself is for sale (「南区の花の苗って買える？」)
        # (or the noun right before: 「さくらんぼちゃんのグッズ買える？」)
        r"(?:って|は|(?<!で)も|(?<=[\u30a1-\u30fa\u30fc\u3400-\u9fff]))\s*(?:買え|購入でき)(?:る|ます)"
        r"(?:の|か|ですか|かな)?\s*[?？]\s*$|"
        # the places that offer a service, listed (「日帰り入浴できる施設を教えて」)
        r"(?:できる|やってる|やっている)(?:施設|店|お店|温泉|旅館|ホテル)(?:を|は|って)?\s*(?:教えて|知りたい|どこ|一覧)",
        re.I),
    # addresses, parking and directions (区役所の住所は？, 駐車場ある？, "where can I park"): the plan names no
    # address and no way there (not one's own written on a form: "my name and address", "change of address")
    "access": re.compile(
        r"住所(?:は|を教え|って(?:どこ|何))|所在地|駐車場|駐輪場|行き方|最寄り(?:の)?(?:駅|バス停)|アクセス(?:方法|は[?？]|を教え)|"
        r"(?:どの|どこの|何)(?:駅|バス停)(?:が|から|で)\s*(?:近い|一番|降り|歩)|(?:駅|バス停)から(?:近い|遠い|歩ける|何分)|"
        r"送迎(?:バス|車)?|シャトルバス|交通規制|通行止め|\bshuttle\b|\broad closures?\b|\btraffic restrictions?\b|"
        r"(?<!\bmy )(?<!\bour )(?<!\band )(?<!\bof )(?<!\bhome )\baddress(?:es)?\b|"
        r"\bparking\b|\bwhere (?:can|do) i park\b|\b(?:nearest|closest)\b|"
        r"\bhow (?:do i|can i|to) get to\b|\bdirections to\b|"
        # the bus or train that goes there (「駅から区役所までバスある？」, "What bus goes to the ward office?"):
        # the plan runs no timetable (its buses and subways are the fares the disability grants pay)
        r"(?:から|まで)[^。？?]{0,20}(?:バス|電車|地下鉄|市電)(?:は|って|が|で|も)?\s*(?:ある|出て|行け|走って|通って|乗れ|何番)|"
        r"(?:行く|向かう|通る)(?:バス|電車)|(?:バス|電車|地下鉄|市電)(?:って|は)?\s*(?:何番|何系統|何線|どれに乗|どこで降り)|"
        r"\b(?:is there|are there|which|what) (?:a |an |any )?(?:bus|buses|train|trains|subway|tram)"
        r" (?:from|to|goes|go|runs?|stops?)\b|\b(?:bus|train|subway|tram) (?:routes?|stops?|lines?|numbers?) "
        r"(?:to|for|near)\b", re.I),
    # where something is or is held (…ってどこにある？, 会場はどこ？, "where is … located"): answered only by a
    # passage naming the office or facility its subject is set up or held in (`STATED_BY`)
    "location": re.compile(
        r"どこに並|どの列に|\bwhich (?:line|queue)\b|"
        # the place alone, asked of the topic (「場所は？」, 「開催場所って？」)
        r"^\s*(?:開催|実施)?(?:場所|会場|ばしょ)(?:は|って)?\s*[?？]?\s*$|"
        # (or ending a look-up, as staff type it: 「手稲区 プール 場所」)
        r"\s(?:場所|ばしょ)\s*[?？]?\s*$|"
        # (not what is where, of pages or papers: 「ホームページ、何がどこにあるのかわからない」)
        r"(?<!何が)(?<!なにが)どこにある(?:の|んですか|んだ|ます|\s*[?？]|$)|"
        r"どこに(?:作る|作られ|つくる|つくられ|できる|でき(?:ます|た)|建て|置く|置かれ|設置|開設|移転)|"
        r"\bwhere will .{0,50}\b(?:be )?(?:built|set up|located|opened|open)\b|"
        r"\bwhere (?:are|is|will|do|does) .{0,40}\b(?:be )?(?:held|take place|taking place)\b|"
        r"\bwhere will (?:it|they|this|that|the [a-z -]{1,30}?) be\s*\??\s*$|"
        r"どこの[^。？?]{1,10}に(?:置いて|ある|あります|貼って|貼られて|設置されて|付いて)|"
        # where a kind of building is (「清田区の避難所はどこ？」): the plan lists none
        r"(?:避難所|図書館|体育館|プール|公民館|児童会館|交番|病院|施設|建物)(?:は|って)\s*どこ(?:に(?:ある|あります))?"
        r"(?:の|ですか|なの|かな)?\s*[?？]?\s*$|"
        r"(?:避難所|図書館|体育館|プール|公民館|児童会館|交番|病院|施設|建物)の(?:場所|ばしょ)(?:は|って)?\s*[?？]?\s*$|"
        r"(?:どこの|どの)(?:公園|施設|会場|建物|場所|川|駅|小学校|中学校|学校|避難所|区役所)"
        r"(?:から)?(?:のこと|なの|です|でしょう|\s*[?？]|\s*$)|どこに置いて(?:ある|あります)|"
        # which one is done first, or done at all (「どこの公園から直すの？」, 「どの施設を改修するの？」)
        r"(?:どこの|どの)(?:公園|施設|建物|川|駅|小学校|中学校|学校|避難所|区役所)(?:から|を|が)[^。？?]{0,10}?"
        r"(?:直|改修|整備|工事|新しく|きれいに|リニューアル|建て替|壊|なくな)|"
        r"会場(?:は|って)?\s*(?:どこ|を教え)|どこで(?:開催|行われ)|"
        # whether it is held at a kind of place (「それって学校でやるの？」, 「公民館で開いてるの？」)
        r"(?:学校|公民館|区役所|体育館|図書館|会館|センター|公園|ホール)(?:で|に)\s*(?:やる|やって|開く|開いて|開かれ|"
        r"行う|行って|行われ)(?:る|いる|ます)?(?:の|ん(?:です|だ)?|ですか)?(?:か|かな)?\s*[?？]|"
        # where a thing is handed out or sold (「どこで配ってる？」; 「どこでもらえる？」 of information is told anywhere)
        r"どこで(?:配って|配布|配られ|配る|買え|売って|販売)|"
        # where a character or a person can be met, a dish eaten (「さくらんぼちゃんにはどこで会えるの」)
        r"どこ(?:で|に行けば|へ行けば)(?:会え|会う|あえ|食べ|飲め)|"
        # where one is taught (「どこで教えてもらえるの？」, 「どこで習える？」)
        r"どこで(?:教えて|教わ|習え|習う|学べ)|(?:場所|ばしょ)の?(?:一覧|リスト)|"
        r"\bvenues?\b|\b(?:meeting|gathering|assembly) (?:point|place|spot|location)s?\b|"
        # where people meet for it (防災訓練の集合場所, 待ち合わせ場所は？)
        r"(?:集合|待ち合わせ|集まる)(?:の)?(?:場所|地点|ばしょ)|"
        r"(?:場所|ばしょ)\s*(?:を|は)\s*(?:全部|ぜんぶ|すべて|全て|一覧で?)?\s*(?:教えて|おしえて|どこ)|"
        r"\bwhere (?:is|are) (?:the )?.{0,50}\blocated\b|"
        # "Where is the My Number card center?": where a place is, as どこにある
        r"\bwhere(?: exactly)?(?: is|'s| are) (?:the |this |that )?(?:[\w-]+ ){0,5}"
        r"(?:cent(?:er|re)|office|desk|counter|window|"
        r"facility|venue|building|hall|park|station|shelter)s?\s*[?.]?\s*$|"
        # the same of the thing the conversation is about ("Where is it?" after the card centre)
        r"^\s*(?:and |so |ok,? )?where(?: exactly)?(?: is|'s| are) (?:it|they|that|this)\s*[?.]?\s*$|"
        # (not where to find out what is needed: "Where do I find what documents I need?" asks the documents)
        # (nor which office handles a procedure: "Where do I go to get a My Number card?")
        r"\bwhere (?:can|do|should) (?:i|we) "
        r"(?:attend|join|take|go(?! to (?:get|apply|register|renew|ask|do)\b)|"
        r"sign up|find(?! (?:out|what|which|how|information|info)\b))\b", re.I),
    # whether something new is built (新しい駅ってできるの？, 新しい体育館は建つ？, "will a new station be built"): answered
    # only by a passage that speaks of building that subject (`STATED_BY`, `SUBJECT_BOUND`)
    "construction": re.compile(
        # a building rebuilt or moved (「体育館の建て替えっていつ？」; not the ward offices, whose rebuilding the
        # plan's narrative speaks of: 今後建設予定の中央区・南区の区役所)
        r"(?:施設|建物|図書館|体育館|学校|病院|センター|会館|ビル|プール)(?:の|を|って|は|も)?\s*"
        r"(?:建て替え|建て替わ|建替|改築|移転)|"
        r"(?:新しい|新しく|新た(?:な|に)|新設の?)[^。？?]{0,8}?(?:駅|道路|道|橋|地下鉄|路線|トンネル|ビル|施設|建物|庁舎|図書館|体育館|"
        r"プール|公園|病院|学校|スタジアム|アリーナ|ホール|センター)[^。？?]{0,6}?(?:できる|でき(?:ます|た)|作る|作られ|つくる|つくられ|建つ|"
        r"建て|建設|整備さ|開業|オープン)|"
        r"(?:駅|道路|橋|地下鉄|トンネル|ビル|スタジアム|アリーナ)(?:が|は|って)\s*(?:できる|でき(?:ます|た)|建つ|建設され|開業)|"
        # housing or shops built (「再開発でマンション建つの？」, 「商業施設ができるって本当？」)
        r"(?:マンション|住宅|団地|商業施設|ショッピングモール|モール|スーパー|ホテル|タワー)(?:が|は|って|も)?\s*"
        r"(?:建つ|建た|建設され|建てられ|できる|でき(?:ます|た)|オープン)|"
        r"(?:地下鉄|路線|鉄道|市電|路面電車|JR)[^。？?]{0,15}(?:延伸|延長され|延び|伸び)|"
        r"\b(?:subway|metro|train|tram|streetcar|railway|rail)\b.{0,25}\b(?:extended|extension|extend)\b|"
        r"\b(?:will|are) (?:they|the city|sapporo) (?:build|building|construct)\b|"
        # (what is built, not a network or partnership built: "Is the city building a new ward office?")
        r"\bis (?:the city|sapporo|the ward) (?:building|constructing) (?:a |an |any )?(?:new )?"
        r"(?:ward office|office|city hall|station|road|bridge|library|gym|pool|hospital|school|stadium|"
        r"arena|facility|cent(?:er|re)|park|housing)\b|"
        r"\b(?:plans?|planning|going|intends?|intending) to (?:build|construct)\b|"
        r"\bnew (?:(?:subway |train |metro )?station|road|bridge|subway line|building|"
        r"stadium|arena|library|gym|pool|hospital|school)\b.{0,30}\b(?:built|be built|open|opening|constructed)\b", re.I),
    # whether money is paid towards something (カラスよけネットに補助金は出る？, "is there a subsidy") or to who
    # takes part (サポーターに謝礼は出る？): the plan names the few grants it runs (a ward's grants to its
    # neighbourhood associations) and the allowances it pays (障がい者交通費助成), nothing else.
    "subsidy": re.compile(
        # whether the support is money (「団体への支援ってお金？」)
        r"(?:支援|補助|助成)(?:は|って)\s*(?:お金|金銭|現金|お金の|金銭的)|"
        r"(?:補助|助成)金|賞金|報奨金|奨励金|還付金?|払い?戻し|返金|(?:謝礼|謝金|報酬|日当|時給|ギャラ|お礼|交通費)(?:は|って|が|も)?\s*(?:ある|あり|出る|出ます|でる|もらえ|払われ|支払われ)|(?:補助|助成)(?:は|って|が|も)?\s*(?:ある|あり|出る|出ます|でる|もらえ|受けられ|される|して(?:もら|くれ))|"
        # asked whether one is given ("Can I get a subsidy", "does the city offer grants"), not applied for
        r"\b(?:get|receive|offer|offers|give|gives|provide|provides|any|there)\b[^.?!]{0,20}?"
        r"\b(?:subsid(?:y|ies)|grants?|refunds?|rebates?)\b|"
        # money given out ("Does the city give cash to families with newborns?")
        r"\b(?:give|gives|giving|offer|offers|pay|pays|provide|provides|hand out|hands out)\b[^.?!]{0,15}?"
        r"\b(?:cash|money|allowances?|benefits? payments?)\b|"
        r"\bsubsidi[sz]e[sd]?\b|\breimburs\w*\b", re.I),
    # whether something is sent to one's home (「防災マップの紙のやつ、郵送してもらえる？」, "can they mail it to me"): only
    # a passage that speaks of sending by post answers it (証明郵送サービス) — not one that hands the thing out
    "mail": re.compile(r"郵送(?:して|で|され|し)?\s*(?:もらえ|くれ|いただけ|頂け|届)|"
                       r"(?:メール|Eメール)で\s*(?:送って|送られ|もらえ|届|くれ)|"
                       r"\b(?:e-?mail|send) (?:it|them|me)\b.{0,20}\bby e-?mail\b|"
                       r"(?:家|自宅|うち|住所)(?:に|まで)\s*(?:送って|送られ|届け|届く|郵送)|"
                       r"\b(?:mail(?:ed)?|post(?:ed)?|sen[dt]|deliver(?:ed)?)\b[^.?!]{0,30}?"
                       r"\b(?:to (?:me|my (?:home|house|address))|by (?:mail|post))\b", re.IGNORECASE),
    # whether an item is handed out (マンホールカードってもらえる？, 「DVDはもらえる？」): only a passage that speaks
    # of handing out that item answers it (「コスモスの種の配布」 for 「コスモスの種がもらえる？」). 「〜してもらえる」
    # (someone doing something for you) is not an item, nor is money (お金の援助ってもらえる？: whatever pays it).
    "handout": re.compile(r"(?<!お金)(?<!資金)(?<!援助)(?<!支援)(?<!費用)(?:って|は|が|を|も|とか|など|なんか|何か|なにか|(?:紙|冊子|パンフレット|パンフ|印刷物|書面|郵送|メール|PDF|データ)で)\s*(?:どこで|どこに行けば|どこから)?\s*(?:もらえ|貰え)(?:る|ます|ない)|"
                          # an item asked to be handed out (「カラスよけのネットを配ってもらえる？」)
                          r"(?:を|は|って|も)\s*配って(?:もらえ|くれ)(?:る|ます|ない)|"
                          # the item left to the topic (「どこでもらえる？」 of the cosmos seeds handed out)
                          r"(?:^|[、。？?])\s*どこ(?:で|に行けば|から)\s*(?:もらえ|貰え)(?:る|ます|ない)|"
                          # the particle dropped (「お花もらえる？」): an item named right before (`_asks_for_an_item`)
                          r"[\u3400-\u9fff々ァ-ヺー](?<!お金)(?<!資金)(?:もらえ|貰え)(?:る|ます|ない)|"
                          r"(?:参加賞|景品|記念品|粗品|ノベルティ|お土産|おみやげ)(?:は|って|が|も)?\s*(?:ある|あります|出る|つく|付く)|"
                          r"\bcan i (?:get|pick up|receive) (?:a |an )?(?:free |paper |printed )?(?:copy|copies|leaflet|brochure|pamphlet|booklet)\b|"
                          # where a thing is picked up ("Where can I pick up a disaster map?"), as どこでもらえる
                          r"\bwhere (?:can|do|could|should) (?:i|we) pick (?:(?:it|them|one) )?up\b|"
                          # a form or leaflet had somewhere ("Where do I get the application form?")
                          r"\bwhere (?:can|do|could|should) (?:i|we) (?:get|obtain|find) (?:a |an |the |my )?"
                          r"(?:[\w-]+ ){0,4}"
                          r"(?:forms?|leaflets?|brochures?|pamphlets?|booklets?|maps?|flyers?)\b", re.I),
    # whether something is allowed (花火してもいい？, 匿名でもいい？, "am I allowed to"): an action plan states no
    # rules of use; "online too" (オンラインでもいい？) asks for a channel the plan may describe
    "permission": re.compile(
        # joining late or leaving early (「途中参加あり？」, 「途中で帰ってもいい？」, "join halfway through")
        r"途中(?:から|で)?\s*(?:参加|入れ|入って|抜け|帰|退出|退席)|遅れて(?:参加|行っ|入)|遅刻|早退|"
        r"\b(?:join|come|arrive|attend|participate)\b[^?.]{0,40}\b(?:halfway|partway|midway)\b|"
        r"\b(?:join|come|arrive)\b[^?.]{0,30}\blate\b|\bleave early\b|"
        r"(?<!オンライン)(?<!ネット)(?<!電話)(?<!郵送)(?:て|で)も(?:いい|良い|大丈夫|OK|平気)"
        r"(?:の|です|でしょう|んですか|か|\s*[?？]|$)|"
        # whether one may bring something along (ペットは連れていける？, 持ち込める？), asked as the question's end
        r"(?:連れて(?:い|行)け|持って(?:い|行)け|持ち込め)(?:る|ます)(?:の|か|んですか|かな)?\s*[?？]?\s*$|"
        # or may do it, asked as the question's end (バーベキューしていい？, 泳いでいい？; not 回らなくていい？)
        r"(?:(?<!なく)て|んで|いで)(?:いい|良い)(?:の|ですか|です|でしょうか|でしょう|んですか|か|かな)?\s*[?？]\s*$|"
        # whether one may eat there (「お昼ご飯食べられる？」, 「飲食できる？」): a rule of the place, not the plan's
        r"(?:ご飯|ごはん|弁当|おやつ|ランチ|お菓子)(?:は|を|も)?\s*(?:食べられ|食べれ|たべられ|たべれ|持ち込め|持ってっ)|"
        r"飲食(?:は|が|も)?\s*(?:でき|可能|OK|大丈夫)|"
        r"\bam i allowed to\b|\bis it (?:ok|okay|allowed) to\b|"
        r"\bcan i (?:bring|smoke|camp|fish|swim|have a|eat|dig|pick(?! ?up)|collect|gather|cut|climb)\b|"
        r"\bcan (?:my|our) (?:dogs?|pets?|cats?|puppy) (?:come|join|go|attend|be brought)\b|"
        r"\b(?:are|is) (?:dogs?|pets?|bikes?|bicycles?|barbecues?|bbqs?|fireworks|drones?|smoking|alcohol|"
        r"tents?|skateboards?|strollers?|food|drinks?) (?:allowed|permitted|ok|okay)\b", re.I),
    # whether a thing is done online (「生活保護の申請ってスマホからできるようになる？」, 「障害者手帳の更新ってネットで
    # できる？」): the plan names the few procedures it moves online; of any other it says nothing
    "online": re.compile(
        r"(?:ネット|インターネット|オンライン|スマホ|スマートフォン|パソコン|ウェブ|web|WEB|アプリ|ねっと|おんらいん|すまほ)"
        r"(?:上)?(?:で|から)(?:も|でも)?[^。？?、]{0,10}?(?:でき|込め|頼め|たのめ|出せ)(?:る|ます)"
        r"(?:ように|よう|の|か|んですか|って|\s*[?？]|\s*$)|"
        r"電子申請(?:が|は|って)?\s*(?:でき(?:る|ます)|可能)(?:ように|よう|の|か|んですか|って|\s*[?？]|\s*$)|"
        # asked tersely (「児童手当の申請 オンライン？」, 「じどうてあて の しんせい オンライン？」)
        r"(?:申請|手続き?|申込み?|申し込み|届出|届け出|しんせい|てつづき|もうしこみ)\s*(?:は|って|も)?\s*"
        r"(?:ネット|インターネット|オンライン|ウェブ|web|WEB|ねっと|おんらいん)\s*(?:で|から|化)?\s*(?:可能|でき(?:る|ます))?"
        r"\s*[?？]\s*$|"
        # (and in English: "Can I do any of it online?", "Can the form be submitted online?")
        # (not what can be done online: "What can I do online at the ward office?")
        r"(?<!\bwhat )(?<!\bwhich )\b(?:can|could|may) (?:i|we|you|people|residents|one) "
        r"(?:also |still |now )?"
        r"(?:do|apply|submit|file|book|"
        r"request|register|renew|send|consult|arrange|complete|handle|finish|sign up)\b[^?.]{0,60}\bonline\b|"
        r"\b(?:will|would) (?:i|we|you) be able to\b[^?.]{0,60}\bonline\b|"
        r"\bcan (?:it|this|that|they|these|the [\w -]{1,40}?) be (?:done|submitted|filed|booked|requested|"
        r"applied for|handled) online\b|"
        r"\b(?:is|are) (?:it|this|that|they|these) (?:available|possible) online\b",
        re.I),
    # what to do when something went wrong for the asker (カードをなくしたら, 期限に遅れたら, 壊れたら): the plan
    # states what the city runs, not the remedy for one case; a passage on 申請 or 受付 does not say it
    "mishap": re.compile(
        # how long issuing a card again takes (「マイナンバーカード 再発行 期間」; how to have it done asks the
        # procedure)
        r"(?:再発行|再交付)(?:の|に|まで|って|は)?\s*(?:期間|日数|何日|どれくらい|どのくらい|かかる)|"
        r"\bhow long\b.{0,40}\b(?:reissu\w*|replacement (?:card|certificate))\b|"
        # a booking changed or called off ("Can I reschedule my appointment?")
        r"\breschedul\w*|\b(?:change|cancel|move) (?:my|the|an|our) (?:appointment|booking|reservation)\b|"
        rf"(?:{_LAPSED}|遅れ|取られ|払わなかっ|滞納し|過ぎ)(?:たら|た場合|ちゃったら|てしまったら)[^。？?]{{0,6}}(?:どう|何)|"
        # told, then how (「マイナンバーカードなくした、どうすれば」, 「落としちゃったんだけどどうしたらいい？」)
        rf"(?:{_LAPSED})(?:た|ちゃった|てしまった)(?:んだけど|んですけど|んですが|けど|の)?[、,。\s]*"
        r"(?:どう(?:すれば|したら|する)|何をすれば)|"
        # told as a mishap that happened, with no question (暗証番号を忘れちゃった, 保険証なくした…); not the
        # endings a statement uses for other things too (電車が遅れた, 時間が過ぎた)
        rf"(?:{_LAPSED})(?:ちゃった|ちゃいました|てしまった|てしまいました|た|ました)(?:んだけど|んですけど|んですが|けど)?[。！!…\s]*$|"
        r"\bwhat (?:happens|should i do|do i do) if (?:i|my|the)\b[^?]{0,30}\b(?:miss|forget|lose|lost|late|don't pay|"
        r"broke|broken|stolen|expire)|"
        # told in English ("I lost my wallet on the subway."), of a thing one carries, not a job or a person
        r"\bi(?:'ve| have)? (?:lost|dropped|misplaced) (?:my|our) (?:\w+ ){0,2}?"
        r"(?:wallet|purse|keys?|(?:smart)?phone|"
        r"bag|umbrella|passport|ticket|card|bike|bicycle)\b", re.I),
    # which counter or office to go to (「どこの窓口に行けばいいの？」, "which counter do I go to"): a passage
    # naming a counter, a centre or a procedure for the subject answers it (not a told situation: 「どの窓口に
    # 行けばいいのか全然わからなかった」)
    "counter": re.compile(
        r"(?:(?:どこの|どの)窓口に?(?:行けば|いけば|行ったら|いったら|行く|いく|出せば|聞けば)|"
        r"どこに(?:行けば|いけば|行ったら|いったら))(?:いい|良い|よい)?(?:の|ん(?:です|だ)?|ですか|でしょうか|かな)?"
        r"\s*(?:[?？]|$)|"
        r"\bwhich (?:counter|desk|window|office) (?:do|should|can) i\b|"
        r"\bwhere (?:do|should|can) i (?:go to )?apply\b", re.I),
    # what a citizen should do (再発行ってどうすればいい？, どうやって申し込む？, 申し込み方法は？): an action plan says
    # what the city will do, never the steps a person takes — unless a passage speaks of applying for the
    # question's subject (大型ごみ's internet application answers 「大型ごみってどうやって申し込むの？」).
    # (English only as "what should I do" or "how do I sign up": an English subject cannot be matched to a
    # passage.)
    "procedure": re.compile(
        # (「どうしたらいいか分からない。…相談できるところある？」: a told situation, not the question; so is a
        # plea left open: 「親の介護と借金が重なってどうしたらいいか」)
        r"どう(?:すれば|したら)(?:いい|良い|よい)(?!の?か(?:(?:分|わ)から|[。…\.、!！\s]*$))|"
        r"どうやって(?:申し込|申込|手続|登録|応募|参加|予約)|"
        # what to do about a decision one disagrees with (「介護認定の結果に不満があるときはどうする？」): an appeal
        r"(?:不満|不服|納得(?:が)?(?:でき|いか|行か)ない)[^。？?]{0,10}どう(?:する|したら|すれば)|"
        # where to apply (「申し込みはどこに？」)
        r"どこ(?:で|から|に|へ)\s*(?:申し?込|申込|申請|応募)(?:む|める|みます|めます|めば|んだら|する|できる|すれば|したら)|"
        r"(?:申し?込み?|申請|応募)(?:は|って)?\s*どこ(?:に|で|から|へ)?(?:すれば|したら|出せば|する(?:の|ん(?:です|だ)?)?)?"
        r"(?:か)?\s*[?？]?\s*$|"
        # asked alone, of what was answered (「申し込みは？」, 「申込先って？」)
        r"^\s*(?:じゃあ|で|それで)?[、,\s]*(?:申し?込み?|申込|申請|応募)(?:先|窓口)?(?:は|って)\s*[?？]?\s*$|"
        # (「申し込みは区役所？」, 「申請ってネットで？」: where or how, asked to confirm)
        r"(?:申し?込み?|申請|応募)(?:は|って)\s*(?:区役所|役所|窓口|ネット|インターネット|電話|郵送|メール)(?:で|に|から)?"
        r"(?:いい|できる|する)?(?:の|ですか)?\s*[?？]\s*$|"
        r"どう(?:申し込|申込|手続)|(?:申し?込み?|申込|申請|応募|手続き?|予約|登録|加入|入会)(?:は|って)\s*"
        r"どう(?:やって)?(?:する|やる|すれば|したら|やれば)|"
        # a wish told as the whole question (「市営住宅に申し込みたい」): how, for its subject
        r"(?:申し?込み|申込み|申請し)たい(?:んだけど|んですけど|のですが|けど)?\s*[。．!！]?\s*$|"
        r"(?:申し?込み?|申請|応募|参加|登録|入会|予約)(?:の)?(?:方法|仕方|しかた)|手続き?の(?:仕方|方法|しかた)|どこに連絡すれば|"
        # (as a verb: 「参加する方法は？」, 「申し込むには？」)
        r"(?:申し?込む|申請する|応募する|参加する|登録する|入会する|加入する)(?:ための)?(?:方法|やり方)|"
        r"(?:申し?込む|申請する|応募する|参加する|登録する|入会する|加入する)には\s*[?？]?\s*$|"
        r"どうやったら[^。？?]{0,8}(?:なれる|なれます|入れる|入れます|参加でき|申し込め|応募でき|登録でき|出られ|出れ)|"
        r"(?:どこに|誰に|だれに)(?:頼め|頼む|頼んだら|お願いすれば|お願いしたら)|(?:頼め|呼べ|来てもらえ)(?:る|ます)(?:か|の|んですか|かな)?\s*[?？]?\s*$|(?<!に)手続き?(?:を|の(?:仕方|方法))?\s*(?:教えて|知りたい)|"
        r"(?:確かめ|確認し|見分け|見極め)(?:る|たい)(?:方法|には|にはどう)|"
        r"(?:不満|苦情|クレーム|不服|異議|納得でき(?:ない|なかった))[^。？?]{0,12}(?:どこに|誰に|だれに|どう(?:すれ|したら))|"
        # (or the desk named first: 「どこに苦情を言えばいい？」)
        r"(?:どこに|どこへ|誰に|だれに)\s*(?:苦情|クレーム|文句)(?:を)?\s*(?:言|い[えいっう]|伝え|入れ|申し立て|出|送)|"
        # (a look-up ending on it, as staff type: 「白旗山 キャンプ場 予約」, 「大型ごみ 申込」)
        r"\s(?:予約|申込み?|申し込み)(?:方法)?\s*$|"
        r"\bwhat should i do\b|\bhow (?:do|can|should) i (?:sign up|register|subscribe|enrol|enroll)\b|"
        # booking something, or whom to ring about a mishap ("How do I book my child's vaccination?",
        # "There's a pothole in front of my house. Who do I call?")
        r"\bhow (?:do|can|should) i (?:book|reserve|make (?:a|an) (?:booking|reservation|appointment))\b|"
        r"\bwho (?:do|should|can) i (?:call|phone|ring|complain to)\b|"
        r"\b(?:where|how) (?:do|can|should) i (?:complain|(?:make|file|lodge) a complaint)\b",
        re.I),
    # the device or connection a citizen needs (必要なパソコンの性能は？, 対応しているスマホの機種は？): the plan
    # states what the city sets up, not what users need
    "equipment": re.compile(
        r"(?:パソコン|PC|スマホ|スマートフォン|端末|タブレット|機種|OS|ブラウザ|通信環境|回線)[^。？?]{0,6}(?:性能|スペック|機種|要件|動作環境|バージョン|対応(?:機種|状況))|"
        r"(?:必要な|対応(?:している|してる)?)\s*(?:パソコン|PC|スマホ|スマートフォン|端末|機種|OS|ブラウザ)(?:は|って|の)|動作環境|推奨環境|"
        r"\b(?:system requirements|which (?:devices?|browsers?|phones?)|supported (?:devices?|browsers?))\b", re.I),
    # what a venue offers its visitors (会場にWi-Fiある？, 授乳室ってある？, 車いすでも入れる？, "a nursing room"): the plan
    # describes what is held, not the rooms it is held in
    "amenities": re.compile(
        r"(?:Wi-?Fi|ワイファイ|授乳室|授乳スペース|おむつ(?:替え|交換)|ベビーベッド|更衣室|ロッカー|シャワー|売店|自販機|"
        r"自動販売機|コンセント|充電)(?:は|って|が|も|とか)?\s*(?:ある|あり|使え|でき|借り)|"
        # a place to change or a toilet (「着替える場所ある？」, 「トイレはある？」)
        r"(?:着替え(?:る|られる)?|更衣)(?:の)?(?:場所|ところ|所|スペース|部屋)|"
        r"トイレ(?:は|って|が|も)?\s*(?:ある|あり|使え)|\bplaces? to change\b|"
        r"\b(?:is|are) there (?:a |any )?(?:toilets?|restrooms?|bathrooms?)\b|"
        r"(?:車いす|車椅子|ベビーカー)(?:で|でも|の人|の方)?(?:も)?\s*(?:入れ|行け|利用|参加|大丈夫|通れ|使え)|"
        # a crèche while one takes part (託児ってある？, 子どもを預けられる？)
        r"託児|子ども(?:を)?預け(?:られ|れ)|\bchildcare (?:is )?(?:available |provided )?(?:during|at|while)\b|"
        r"\bcr[eè]che\b|\bchildminding\b|"
        r"\bwi-?fi\b|\b(?:nursing|nursery|baby|breastfeeding|lactation) rooms?\b|"
        r"\bbaby[- ]changing\b|\bchanging (?:room|table)s?\b|\blockers?\b|"
        r"\bwheelchair[- ](?:access|accessible|friendly)\b|"
        r"\baccessible (?:by|for|with) (?:a )?wheelchairs?\b|"
        r"\b(?:get|go|come) in (?:with |using )?a wheelchair\b", re.I),
    # what a thing looks like (シールって何色？, 袋のサイズは？, "what colour are the stickers"): the plan describes
    # schemes, not their items
    "appearance": re.compile(r"何色|どんな色|色(?:は|って)\s*(?:何|なに|どんな)|(?:サイズ|大きさ|寸法)(?:は|って|を教え|\s*[?？])|"
                             r"\bwhat colou?rs?\b|\bwhat size\b|\bhow big (?:are|is) (?:the|a)\b", re.I),
    # how much or how many at most (重さに上限ってある？, 何個まで出せる？, "weight limit"): the plan sets targets,
    # not the rules of a service
    "limit": re.compile(r"(?:重さ|重量|数|量|回数|個数|点数|金額)(?:に|の)?\s*(?:上限|制限)|上限(?:は|って|が)|"
                        r"何\s*(?:個|点|袋|つ|kg|キロ)\s*まで|\bweight limit\b|\blimit on\b|"
                        r"\bhow many (?:items|pieces|bags|things) (?:can|may) (?:i|we)\b|"
                        r"\bmaximum (?:number|weight|size)\b", re.I),
    # the documents to bring for a procedure (児童手当の申請って何の書類を持っていけば？): the plan speaks of
    # publicising them, never lists them
    "documents": re.compile(
        r"(?:何|なに|どんな|どの|どういう)の?書類|書類(?:は|って)?(?:何|なに|どれ)|必要な?書類(?:は|って|を教え)|持ち物|"
        r"何を持って(?:いけ|行け|いく|行く|く)|(?:何|なに)を(?:準備|用意)(?:すれば|したら|する|しておけ|しておく|しなきゃ)|持って(?:いく|行く)(?:もの|物)|自分で(?:用意|準備|持って)|持参(?:する|しないと|しなきゃ|が必要)|"
        r"(?:靴|シューズ|服装|格好|道具|用具|着替え|タオル|水筒|弁当|アプリ|専用ソフト)(?:は|って|が|も)?\s*(?:必要|いる|要る|いります|要ります)|"
        r"(?=.*(?:登録|届|申請|手続|交付|発行|証明|更新|取得|受け取|受取)).*(?:必要な(?:もの|物)|(?:何|なに)が(?:必要|いる|要る))|"
        r"\b(?:what|which) (?:documents|papers|paperwork)\b|\bdocuments? (?:do|should|must) i\b|"
        r"\bwhat (?:do|should) i (?:need to )?bring\b|\brequired documents\b|\bbring (?:my|our|your) own\b|"
        # what to wear (何を着ていけばいい？, 服装は？, "what should I wear")
        r"何を着て(?:いけ|行け|いく|行く|く|来)|服装(?:は|って|を教え|\s*[?？]|$)|\bwhat (?:should|do|can) i wear\b|"
        r"\bdress code\b", re.I),
    # whether something needs booking (予約が必要？, 予約なしで行ける？, "do I need a reservation"): a booking
    # system the plan describes lifts it (`STATED_BY`)
    "reservation": re.compile(
        r"予約(?:が|は|って)?\s*(?:必要|いる|要る|いります|要ります|要|制|しないと|しなきゃ|なしで|無しで|いら)|要予約|"
        r"\b(?:need|have) to (?:book|reserve)\b|\bneed (?:a |to make a )?(?:reservation|booking)\b|"
        r"\bbook in advance\b|"
        r"\bneed (?:an |to make an )?appointment\b|\bwithout (?:an )?appointment\b|"
        # registering beforehand ("Do I need to register in advance?", "pre-registration")
        r"\b(?:register|sign up|apply) (?:in advance|beforehand|ahead of time)\b|"
        r"\bpre-?regist(?:er|ration)\b|"
        r"\bregistration (?:is )?(?:required|needed|necessary)\b", re.I),
    # whether an event goes ahead in bad weather (雨でもやる？, 雪の日は中止？, "if it rains"): an action plan
    # runs no event on the day
    "weather": re.compile(
        r"(?:雨|雪|荒天|悪天候|台風|大雨|大雪)(?:でも|の日|の場合|のとき|の時|だったら|なら|が降ったら|天|"
        r"(?:が|の)?(?:ひどい|強い|多い|激しい|降る|降った|積もった)(?:日|とき|時|場合))(?:は|って|も)?\s*"
        r"(?:やる|やります|やって|開催|決行|中止|延期|ある|あります|あるの|できる|どうな|どうす)|雨天|荒天|"
        # something called off on such a day (雪が多い日はゴミの収集って休みになる？)
        r"(?:雨|雪|台風|大雨|大雪)(?:が|の)?(?:ひどい|強い|多い|激しい|降る|降った|積もった)?(?:日|とき|時|場合)(?:は|って|も)?"
        r"[^。？?]{0,15}?(?:休み|お休み|中止|延期|休業|運休)|"
        r"\bif it (?:rains|snows)\b|\brain or shine\b|"
        # held in the rain, not walking in the snow (an activity, not a contingency)
        r"\b(?:even|still) in (?:the )?(?:rain|snow|bad weather)\b|"
        r"\b(?:held|go(?:es)? ahead|take place|happen|cancell?ed|called off)\b[^?.]{0,25}\bin (?:the )?(?:rain|snow|bad weather)\b|\bcancell?ed (?:for|because of|due to) (?:rain|snow|weather)\b", re.I),
    # which company, product or variety (業者はどこ？, AI議事録のソフトは何？, 花の種類は？, "which companies"): an
    # action plan names none — a naming-rights passage speaks of companies' names, not of which ones
    "names": re.compile(
        r"(?:会社|企業|業者|事業者|メーカー|ソフト|アプリ|製品|商品|ブランド|AI|ＡＩ|ツール|病院|医療機関)(?:名|の名前)(?:は|って|を教え|\s*[?？]|$)|"
        # which ones there are (「出資団体ってどこがあるの？」: the plan defines them, names none)
        r"(?:団体|会社|企業|事業者|法人|大学)(?:って|は)\s*(?:どこ|どれ)(?:が|と)\s*(?:ある|あります|あるの)|"
        r"(?:どこの|何という|なんという|なんていう|何て)(?:会社|企業|業者|メーカー|ソフト|アプリ|製品|ブランド|病院|医療機関)|"
        r"どの(?:会社|企業|業者|メーカー|ソフト|アプリ|システム|製品|ブランド|病院|団体|NPO|施設|チーム|クラブ)|"
        r"どこの(?:チーム|クラブ)|どんな(?:ソフト|アプリ)|"
        # who is contracted to run it (「若年女性支援ってどこの団体がやってるの？」, 委託先は？): the plan names no one
        r"(?:どこの|どの)(?:団体|NPO|法人)(?:が|に)\s*(?:やって|運営|担当|実施|委託|受託)|委託先(?:は|って)\s*(?:どこ|誰|だれ|何|なに)|"
        r"受託(?:者|事業者|団体)(?:は|って)|"
        # which languages (「外国人向けに市の情報を何語で出してる？」 of 情報発信の多言語化: the plan names none)
        r"(?<![a-zA-Z])(?:何|なん)(?:か国)?語(?:で|に|を|が|まで|くらい|ぐらい)|どの言語|"
        r"\b(?:which|what) languages?\b|\bhow many languages\b|"
        # which product (「ビジネスチャットは何のアプリ？」, 「AI議事録って何のソフト使ってるの？」)
        r"(?:何|なん|なに)の(?:アプリ|ソフト|製品)(?:を|が)?\s*(?:使|なの|です|でしょう|\s*[?？]|$)|"
        r"(?:どの|どこの)(?:大学|学校)(?!生)|"
        # which social network (「どのSNS？」 of the city's SNS等: the plan names none), or which product, named to
        # confirm (「市役所のAIってChatGPT？」)
        r"(?:AI|ＡＩ|ソフト|アプリ|システム|ツール)(?:って|は)\s*(?!(?:AI|ICT|DX|IT)\s*[?？])[A-Za-zＡ-Ｚａ-ｚ][\w.\- ]{1,20}?"
        r"(?:なの|なん|ですか|かな)?\s*[?？]\s*$|"
        # (or named alone, asked whether it is used too: 「TikTokもある？」 of the city's SNS等; a passage naming
        # it lifts this, `_names_what_is_asked`)
        r"^\s*(?!(?:AI|ICT|DX|IT|SNS)\s*(?:も|でも))[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9０-９.\-]{1,20}\s*(?:も|でも)\s*"
        r"(?:ある|あります|やって(?:る|います|ます)|使って(?:る|います|ます)|使え(?:る|ます)|見(?:られ|れ)(?:る|ます))"
        r"(?:の|ん(?:です)?か|ですか|かな)?\s*[?？]\s*$|"
        # (or asked whether it is the one used: 「消防検査のオンラインってZoom使うの？」, 「Teamsを使ってる？」)
        r"(?<![A-Za-zＡ-Ｚａ-ｚ])(?!(?:AI|ICT|DX|IT|SNS|RPA|OCR|AI-OCR|NPO|GX|BPR|PFS|SIB|EBPM|HP|UD|CUD|PPP|PFI)"
        r"\s*を?\s*使)[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9０-９.\-]{1,20}\s*を?\s*"
        r"(?:使う|使って(?:る|います|ます)|使用して(?:る|います|ます))(?:の|ん(?:です)?か|ですか|かな)?\s*[?？]\s*$|"
        # (or its account asked for: 「市の公式YouTubeチャンネルってある？」, 「Instagramのアカウントある？」)
        r"(?<![A-Za-zＡ-Ｚａ-ｚ])(?!(?:SNS|HP|LINE)\b)[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9０-９.\-]{1,20}\s*"
        r"(?:の)?\s*(?:公式)?\s*"
        r"(?:チャンネル|アカウント)(?:って|は|も)?\s*(?:ある|あります)(?:の|か|んですか|ですか|かな)?\s*[?？]\s*$|"
        # (in English, a product named to confirm: "Is it ChatGPT?", "Do they use TikTok?")
        r"^\s*(?:is it|is that|are they|do they use|does (?:it|the city) use) (?:a |an |the )?"
        r"(?-i:(?!(?:AI|ICT|DX|IT|SNS|RPA|OCR|NPO|GX|BPR|PFS|SIB|EBPM|HP|UD|CUD)\b)"
        r"[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*)"
        r"\s*\??\s*$|"
        r"(?:どの|どこの|何の|なんの)\s*(?:SNS|ＳＮＳ)|\bwhich (?:social (?:media|networks?)|sns|platforms?)\b|"
        # the partner towns (「どこの市と？」 of the plan's 他自治体, 道内市町村: none is named)
        r"(?:どの|どこの)(?:市|町|まち|自治体|市町村|都市)(?:と|が|に)(?!住|暮)|\bwhich (?:cities|towns|municipalities)\b|"
        # (asked alone: 「どこの町？」 after the partnership with neighbouring towns)
        r"(?:どの|どこの)\s*(?:市|町|まち|自治体|市町村|都市)(?:なの|です|でしょう|か)?\s*[?？]?\s*$|"
        r"(?:どんな|どういう|どこの)(?:お店|店|店舗|会社|企業|団体)(?:が|さんが)[^。？?]{0,6}(?:参加|出店|協力|加盟)して(?:る|いる|ます)|"
        # which shops, asked alone (「どこのお店？」, in kana 「どこの おみせ？」)
        r"(?:どこの|どの)\s*(?:お店|おみせ|店|店舗)(?:さん)?(?:なの|です|でしょう|か|が|\s*[?？]|$)|"
        r"(?:会社|業者|事業者|メーカー|ソフト|アプリ|製品|ブランド)(?:は|って)\s*(?:どこ|何|なに|なん)|"
        r"(?:会社|企業|業者|団体|店舗|お店|メンバー|[\u3400-\u9fff]{1,6}者)(?:の)?(?:一覧|リスト)|"  # (指定管理者の一覧)
        r"種類(?:は|って)\s*(?:何|なに|なん)|どんな種類|品種|銘柄|(?:何|なん|なに)の(?:花|木|植物|苗|野菜)(?:の(?:種|苗|球根))?(?:なの|です|でしょう|か|\s*[?？]|$)|"
        r"(?:花|木|植物|苗|種|野菜|お菓子|スイーツ)の種類(?:は|って)?\s*[?？]?\s*$|"  # 「花の種類は？」
        r"(?:映画|作品|曲|演目|メニュー|ラインナップ)(?:って|は)\s*(?:何|なに|なん)(?:です|なの|でしょう|\s*[?？]|$)|"
        # which films are shown (「映画祭で何の映画やるの？」; not 「どんな映画祭？」)
        r"(?:何|なん|なに)の(?:映画|作品|曲|演目)(?!祭|館|会)|どんな(?:映画|作品|曲|演目)(?!祭|館|会)(?:を|が)?\s*(?:やる|上映|流|演奏|展示)|"
        r"\bwhat (?:films|movies|works|songs) (?:are|will be) (?:shown|screened|played|exhibited)\b|"
        r"\b(?:which|what) (?:compan(?:y|ies)|firms?|vendors?|contractors?|software|apps?|brands?|products?|varieties|kinds? of (?:flowers?|plants?|trees?))\b|"
        r"\bwhich (?:universit(?:y|ies)|schools?|colleges?|hospitals?|shops?|stores?|npos?|organi[sz]ations?)\b",
        re.I),
    # who may take part or use something (誰でも参加できる？, 市外の人でも使える？, 子どもだけでも参加できる？,
    # "who can join"): lifted by a passage that names whom its subject is for (区民を対象とした…大会,
    # 「…誰でも体操」)
    "eligibility": re.compile(
        # someone else doing it for the asker ("Can someone else pick up my card for me?")
        r"\b(?:someone else|another person|a family member|a relative) (?:pick up|collect|apply|go|do it)\b|"
        r"\bon (?:my|his|her|their) behalf\b|\bby proxy\b|"
        # an age bound ("Is there an age limit?", "minimum age")
        r"\bage (?:limits?|restrictions?|requirements?)\b|\b(?:minimum|maximum) age\b|"
        # whether only some may come (「ママだけ？」, 「お母さんしか行けないの？」, "Is it only for mothers?")
        r"\b(?:is it|is this|is that|are they|are these) (?:only|just) (?:for|open to)\b|"
        r"(?:パパ|ママ|父親|母親|お父さん|お母さん|女性|男性|子ども|子供|こども|大人|高齢者|区民|住民|市民|会員)"
        r"(?:だけ|のみ)(?:が(?:対象|参加))?(?:なの|ですか|なん(?:です|だ)|かな|でしょうか)?\s*[?？]\s*$|"
        r"(?:パパ|ママ|父親|母親|お父さん|お母さん|女性|男性|子ども|子供|こども|大人|高齢者|区民|住民|市民|会員)"
        r"しか(?:参加|利用|行け|入れ|使え|来られ|だめ|ダメ)|"
        r"(?:(?:誰|だれ|どなた)でも|(?:市外|区外|他の区|よその区|道外)(?:の人|の方|に住んでる人|に住んでいる人|在住の人|在住|の住民)?(?:で|から)?も|"
        r"(?:子ども|子供|こども|小学生|中学生|高校生|大学生|学生|大人|一人|ひとり|外国人|高齢者|未成年|若い人|若者|お?年寄り|年配(?:の人|の方)?|シニア|"
        r"初心者|障がい者|障害者|社会人|会社員|サラリーマン|主婦|主夫|"
        r"パパ|ママ|父親|母親|おじいちゃん|おばあちゃん|祖父母|男性|女性|親子|子連れ|子づれ)"
        r"(?:(?:だけ|ひとり|一人|連れ|づれ)?でも|(?:じゃ|では|で)なくても|以外(?:の人|の方)?(?:で)?も|"
        # 「うちの子小学生なんだけど参加できる？」: who the asker is told, then whether they may
        r"(?:なん|な)?(?:だけど|ですけど|ですが|だから|なので)、?|"
        r"も(?=\s*(?:一緒に|いっしょに))|と(?:一緒に|いっしょに)?|"
        # 「若い人もやっていいの？」: whether they may do it too (「子どもも参加できる？」 is a condition)
        r"も(?=[^。？?]{0,8}?(?:て|で)(?:も)?(?:いい|良い|大丈夫)))|"
        # 「仕事してても参加できる？」, 「フルタイムで働いてるけど行ける？」: the asker's working life, then whether they may
        r"(?:(?:仕事|パート|フルタイム|共働き)(?:を|で)?して|(?:フルタイムで)?働いて|勤めて)(?:い)?(?:て|る)(?:も|けど|けれど)、?|"
        r"(?:自分|私|わたし|僕|俺|一般の人|一般人|一般市民|市民|区民|住民|個人)"
        r"(?:も|でも|(?:じゃ|では|で)なくても|以外(?:の人|の方)?(?:で)?も)|(?:ない|無い|てない|ていない)(?:人|方)(?:でも|も))"
        r"[^。？?]{0,8}(?:(?:でき|使え|入れ|申し込め|申込め|応募でき|行け|受けられ|見られ|なれ)(?:る|ます)|"
        r"(?:(?:て|で)(?:も)?)?(?:いい|良い|大丈夫))(?:の|か|です(?:か)?|んですか|んでしょうか|でしょうか|かな)?\s*[?？]?\s*$|"
        r"対象(?:者)?(?:は|って)\s*(?:誰|だれ|どんな人|どういう人)|参加資格|利用資格|"
        # an age or a school year bounded (何歳から参加できる？, 何年生まで？, 年齢制限は？, "what age"): whom it is for
        r"何\s*(?:歳|才|年生)(?:くらい|ぐらい)?(?:から|まで|以上|以下|未満)|対象年齢|年齢制限|年齢の?(?:制限|条件)|"
        # a school year or an age bounding it, asked to confirm (「中学生までですか？」): whom it is for
        r"(?:未就学児?|小学生|中学生|高校生|大学生|[0-9０-９]+\s*(?:歳|才))まで(?:が)?(?:対象)?"
        r"(?:です(?:か)?|なの|なん(?:です|だ)|かな|でしょうか)?\s*[?？]|"
        # an income bound (所得制限ある？, "is there an income limit"): whom it is for
        r"(?:所得|収入|年収)(?:の)?制限|\bincome (?:limit|cap|threshold|requirement)s?\b|"
        # 「大学生じゃなくても対象？」, 「社会人でも対象になる？」: whether such people are whom it is for
        r"(?:子ども|子供|こども|小学生|中学生|高校生|大学生|学生|社会人|大人|外国人|高齢者|若い人|若者|お年寄り|初心者|"
        r"個人|一般の人|市外の人|区外の人)(?:も|でも|(?:じゃ|では|で)なくても|以外(?:の人|の方)?(?:で)?も)\s*"
        r"対象(?:者)?(?:に(?:なる|なります|なれる|入る|含まれる))?(?:の|か|です(?:か)?|なの|かな)?\s*[?？]?\s*$|"
        r"対象(?:に|と)なる[^。？?]{0,15}(?:は|って)\s*(?:何|なに|どれ|誰|だれ)?\s*[?？]?\s*$|"
        # asked in a word, the verb left out (「子どもでも？」 after the rugby taster), or whether one may join as a
        # member (「入会できる？」 of 西区's environment council)
        r"^\s*(?:子ども|子供|こども|小学生|中学生|高校生|大学生|学生|社会人|大人|外国人|高齢者|若い人|若者|お?年寄り|"
        r"初心者|未成年|障がい者|障害者|シニア|親子|子連れ|ひとり|一人)(?:だけ|ひとり|一人|連れ)?でも\s*(?:OK|いい|大丈夫)?"
        r"(?:の|ですか|かな)?\s*[?？]\s*$|"
        r"^\s*(?:入会|(?:会員|メンバー)に(?:なれ|な(?:る|り)(?:たい|ます)))(?:でき)?(?:る|ます)?(?:の|か|ですか|かな)?\s*[?？]\s*$|"
        r"\bcan (?:people|residents|someone|anyone|i|we|non-residents) (?:from|who live|living) outside\b|\bfrom outside (?:sapporo|the city|the ward)\b.{0,30}\b(?:join|use|attend|apply)\b|"
        r"\bwho (?:can|may|is allowed to) (?:join|attend|apply|use|participate|take part)\b|\bis it open to\b|"
        r"\bcan (?:anyone|everyone|foreigners|foreign residents|children|kids|students|seniors|tourists|"
        r"non-residents|young people|teenagers|teens|adults|beginners|elderly people|older people|the elderly|"
        r"families|parents|ordinary citizens|ordinary people|regular people|the public|members of the public|"
        r"citizens|residents|locals|individuals) "
        r"(?:join|attend|use|apply|take part|participate)\b|\beligib(?:le|ility)\b|"
        r"\b(?:what|which) (?:ages?|grades?|school years?)\b|"
        r"\bage (?:limits?|range|requirements?|restrictions?)\b|"
        r"\bhow old (?:do|must|should) \w+ (?:have to )?be\b", re.I),
    # how a citizen's rubbish is sorted (プラスチックの容器って何ごみ？, 冷蔵庫って粗大ごみで出せる？, "which bin"):
    # the plan speaks of collection services, not sorting rules
    "sorting": re.compile(
        r"(?:何|なに|どの|どっち|どちら)の?(?:ごみ|ゴミ)|"
        r"分別(?:方法|の仕方|のしかた|の方法|\s*(?:が|は|って)?\s*(?:分から|わから|分かりにく|わかりにく|難し|むずかし)|"
        r"ルール|の(?:ルール|決まり|きまり)|(?:は|って)\s*(?:どう|どうやって))|"
        r"(?:ごみ|ゴミ)(?:の)?(?:出し|だし|分け|わけ|捨て|すて)(?:方|かた)|(?:ごみ|ゴミ)を?\s*(?:出せない|出せる|出しちゃ|捨てられない|捨てられる)(?:って|の|か|\s*[?？])|(?:ごみ|ゴミ)(?:で|に|として)[^。？?]{0,12}(?:出せ|捨てられ|捨てれ|出して(?:いい|も))|"
        # whether a thing is taken (「粗大ごみを出すとき、冷蔵庫は引き取ってもらえる？」)
        r"(?:ごみ|ゴミ)[^。？?]{0,20}(?:引き取って|引取って|持って行って|持っていって)(?:もらえ|くれ)|"
        r"\bwhich (?:bin|garbage|trash|waste|rubbish)\b|\bhow (?:do|should) i (?:sort|separate)\b|"
        # where or whether a thing may be thrown away ("Can I recycle old batteries at the ward office?")
        r"\b(?:can|may|should) i (?:recycle|throw (?:away|out)|dispose of|get rid of)\b|"
        # (how to get rid of a sofa is asked of the bulky-waste service: "How do I get rid of an old sofa?")
        r"\bwhere (?:do|can|should) i (?:recycle|throw (?:away|out)|dispose of|get rid of)\b|"
        r"\bhow (?:do|can|should) i recycle\b|"
        r"\b(?:burnable|non-burnable|recyclable)\b.{0,30}\bor\b", re.I),
    # whether a counter speaks a language (総合案内って英語も通じる？, "English-speaking staff"): lifted by a
    # passage on multilingual service for that subject (情報発信の多言語化)
    "language": re.compile(
        r"点字|字幕|\bbraille\b|\bsubtitle[sd]?\b|\bcaption(?:s|ed|ing)\b|"
        r"(?:英語|中国語|韓国語|ベトナム語|外国語|多言語|やさしい日本語)(?:も|でも|で|は|って)?\s*[^。？?]{0,6}(?:通じ|対応|大丈夫|話せ|相談でき|手続きでき|いい|OK|"
        r"案内|読め|読む|見られ|見れ|書け|申し?込め|申請でき|受けられ|聞け)|"
        r"(?:英語|中国語|韓国語|ベトナム語|外国語|多言語|やさしい日本語)版(?:は|って|も)?\s*(?:ある|あります|出て|作って|作る|でき)|"
        # an interpreter asked for (「区役所で外国語の通訳してくれる？」, "Is there an interpreter?")
        r"通訳(?:者|さん)?(?:は|って|が|を|も)?\s*(?:して|いる|い(?:ます|ますか)?\s*[?？]|頼|お願い|ある|あり|付|つけ|つく|呼|使)|"
        r"\binterpret(?:er|ers|ing)\b|"
        # sign language (「区役所に手話できる人いる？」, "Is there sign language support?"): another language asked for
        r"手話(?:が|で|の)?\s*(?:でき|通訳|対応|話せ|相談|使え|わかる|分かる)|\bsign language\b|"
        r"\ban? (?:english|chinese|korean|vietnamese|foreign[- ]language) (?:version|edition|translation)\b|"
        r"\b(?:speak|speaks|speaking) english\b|\benglish[- ](?:speaking|support|service)\b|\bin english\b.{0,30}\?\s*$", re.I),
    # jobs at the city or its contractors (職員採用試験の申し込み, 求人はどこで見られる？, "job openings")
    "jobs": re.compile(
        r"採用試験|職員(?:に|として)(?:なる|なりたい|働き|採用)|求人|採用情報|(?:で|として)働きたい|(?:アルバイト|パート)(?:の)?募集|"
        # staff wanted (行政事務センターで働く人の募集ある？, 職員の募集してる？)
        r"(?:働く|勤める)(?:人|スタッフ)(?:の|を)?募集|職員(?:の|を)?募集|"
        r"\bjob (?:openings?|vacanc(?:y|ies)|listings?)\b|\bhiring\b|\bwork for the city\b|"
        r"\bjobs? (?:at|with|in|for) (?:the city|city hall|sapporo|the ward)\b|"
        # volunteers or members wanted (ボランティア募集っていつ？, "volunteer recruitment")
        r"(?:ボランティア|スタッフ|会員|メンバー)(?:の)?募集|\bvolunteer recruitment\b|\brecruit(?:ing)? volunteers\b", re.I),
    # what has been achieved so far (RPAでどれくらい残業が減った？, "how much has it improved"): the plan states a
    # 2022 baseline and a 2027 target, not results — unless the baseline is an amount already cut (`STATED_BY`)
    "results": re.compile(
        r"(?:減った|増えた|下がった|上がった|削減された|削減できた|改善された|短くなった|早くなった)(?:の|か|んですか|んでしょうか)?\s*[?？]?\s*$|"
        r"(?:効果|成果|実績)(?:は|って|が)?\s*(?:あった|出た|出て(?:る|いる)|上がった)(?:の|か|んですか|んでしょうか)?\s*[?？]?\s*$|"
        r"(?:去年|昨年|前年|先月|先週|昨年度)(?:は|の|に)?[^。？?]{0,12}(?:何人|何件|何回|何個|どれくらい|どのくらい|いくつ)|"
        r"\blast (?:year|month)\b.{0,40}\bhow (?:many|much)\b|"
        r"\bhow (?:many|much)\b.{0,60}\blast (?:year|month)\b|"
        r"\bhow much has .{0,40}\b(?:fallen|dropped|risen|improved|decreased|increased)\b|"
        r"\bso far\b.{0,30}\b(?:achieved|results?)\b|"
        # a past round's outcome (「去年の評価の結果は？」, "What was the result of last year's evaluation?")
        r"(?:去年|昨年|前年|昨年度|前回)の[^。？?]{0,12}結果|"
        r"\bresults? of (?:the )?(?:last|previous|past) (?:year'?s?|round|time)\b|"
        r"\bwhat (?:was|were) (?:the )?results?\b.{0,30}\blast (?:year|time|round)\b", re.I),
    # an award or commendation (市から表彰される？, 賞はもらえる？), or who won a contest (優勝チームはどこ？, "who won"):
    # only a passage that speaks of awards answers it
    "award": re.compile(r"表彰(?:され|して(?:もら|くれ)|状|制度|の対象)|(?<!参加)賞(?:が|は|って)?\s*(?:もらえ|出る|出ます|ある)|"
                        r"優勝(?:した|者|チーム|校|団体)|(?:誰|だれ|どこ)が(?:優勝|勝っ)|\bwho won\b(?!')|\bwinners?\b|"
                        r"\b(?:award|prize|commendation)s?\b", re.I),
    # whether a citizen may choose (講師は自分たちで選べる？, 好きな日を選択できる？, "can I choose"): the plan
    # states what the city provides, not what its users may pick — unless a passage speaks of choosing
    "choice": re.compile(
        r"(?:自分|自分たち|私たち|こちら|うち|好きな|希望の)[^。？?]{0,6}(?:選べ|選択でき|指定でき)(?:る|ます)|"
        r"(?:選べ|選択でき|指定でき)(?:る|ます)(?:の|か|んですか|かな)?\s*[?？]?\s*$|"
        r"(?:担当|担当者|ケースワーカー|先生|講師|相談員|保健師|職員)(?:さん)?(?:を|って|は)?\s*(?:変え|替え|代え|交代し)(?:て(?:もら|くれ|ほし)|られ|たい)|"
        r"\b(?:change|switch) (?:my|the) (?:caseworker|case worker|counsell?or|worker|teacher|instructor)\b|\bcan (?:i|we) (?:choose|pick(?! up)|select)\b", re.I),
    # what staff are paid or how they are employed (職員の平均年収は？, 働いてるのは派遣の人？): lifted only by a
    # passage on the pay of whom the question asks about (指定管理施設で働く職員の賃金スライド)
    "pay": re.compile(
        r"(?:職員|公務員|市長|区長|議員|スタッフ|働く人|働いてる人|働いている人)[^。？?]{0,10}(?:年収|給料|給与|月給|ボーナス|賞与|退職金|時給|賃金)|"
        r"(?:職員|スタッフ|働く(?:人|の)|働いて(?:る|いる)(?:人|の))[^。？?]{0,10}(?:派遣|正社員|正規|非正規|アルバイト|パート|委託の人|契約社員)|"
        r"(?:職員|公務員|スタッフ|働く人|働いてる人)(?:の数|数|の人数)?(?:が|は|って)?[^。？?]{0,12}?(?:減らされ|削減され|リストラ|クビ|解雇)|(?:職員|公務員|スタッフ)(?:の数|数|の人数)?(?:が|は|って)?\s*減(?:る|っちゃう|っていく)(?:の|か|んですか|\s*[?？]|$)|人員削減|人減らし|"
        r"\b(?:staff|jobs|employees) (?:be )?(?:cut|reduced|laid off)\b|\blay(?:s|ing)? off\b|"
        r"(?:職員|公務員|スタッフ)(?:の数|数|の人数)?(?:って|は|が)?\s*(?:何人|何名|(?:どれくらい|どのくらい)いる)|"
        # more staff asked for (「ケースワーカー増やすの？」, "Will the city hire more caseworkers?"): numbers the plan
        # never states
        r"(?:職員|公務員|スタッフ|ケースワーカー|保健師|相談員|人員|人手)(?:の数|数|の人数)?(?:を|って|は|が|も)?\s*"
        r"(?:増や(?:す|します|さない|して(?:くれる|もらえる))|増え(?:る|ます|ない)|増員(?:する|します|される)?)"
        r"(?:の|か|んですか|んでしょうか|予定)?\s*[?？]|"
        r"\b(?:hire|hiring|employ|employing|recruit|recruiting) (?:more|new|additional)\b(?! volunteers)|"
        r"\bmore (?:staff|caseworkers|case workers|(?:public health )?nurses|employees|officials)\b|"
        r"平均年収|\bsalar(?:y|ies)\b(?! (?:paperwork|processing|administration|payments? processing|tasks|work|"
        r"office work|calculations?)\b)|"
        r"\bhow much do (?:city )?(?:staff|employees|officials|workers) (?:earn|make|get paid)\b|"
        # (not those who did something: "How many staff have taken the data training?" counts the trained)
        r"\b(?:percentage|share|proportion|ratio) of (?:the )?(?:city )?"
        r"(?:staff|employees|officials|workers)\b|"
        r"\bhow many (?:staff|employees|officials|workers|civil servants|(?:public health )?nurses|"
        r"caseworkers|case workers|firefighters)\b(?! (?:members )?(?:(?:have|has|had) "
        r"(?:taken|attended|completed|joined|passed|used|learned|been trained)|took|attended|completed|"
        r"joined|passed|trained|used|learned)\b)|\bhow many people work (?:at|for|in)\b", re.I),
    # the credentials of the staff (相談員は資格を持ってる？, 専門の資格がある人？): the plan names no one's
    # qualifications
    "credentials": re.compile(
        r"(?:職員|相談員|スタッフ|講師|担当者|担当の人|先生|指導員|支援員|ケースワーカー)(?:さん)?[^。？?]{0,12}"
        r"(?:資格|免許|有資格|専門家|経験者)(?!を?\s*(?:雇|採用|登用|招|呼|入れ|活用|起用))|"
        r"(?:職員|相談員|スタッフ|講師|担当者|担当の人|先生|指導員|支援員|ケースワーカー|保健師)(?:さん)?(?:って|は|に|には)?[^。？?]{0,8}"
        r"(?:男の人|女の人|男性|女性|若い人|外国人|何歳)|(?:男の人|女の人|男性|女性)(?:の)?(?:相談員|職員|スタッフ|担当者|保健師|ケースワーカー)|"
        r"(?:男の人|女の人|男性|女性)が(?:対応|担当|相談に乗)|(?:資格|免許)(?:を)?(?:持って|もって|ある|有する)(?:人|方|職員|スタッフ)|"
        r"\b(?:qualified|qualifications?|certified|licensed)\b", re.I),
    # a permit or licence a person needs (釣りの許可ってどこでもらう？, 営業許可, "Which permits do I need?"): the
    # plan grants none and names none
    "licence": re.compile(
        r"(?:許可|許認可)(?:を|は|って|が|も|とか)?\s*(?:どこで|どこに|どうやって|どうすれば)?\s*(?:取|と[らりるれっ]|もら|貰|申請|必要|いる|要る|下り|おり|出)|"
        r"(?:営業|出店|使用|占用|建築)許可|免許(?:を|は|って|が)?\s*(?:取|と[らりるれっ]|いる|要る|必要)|ライセンス|"
        r"\blicen[cs]es?\b|\bpermits\b|\b(?:a|the|any|which|what|special) permit\b", re.I),
    # who answers for a mistake or damage (誰が責任取るの？, 補償はある？, "who is liable"): the plan names the
    # department in charge of an initiative, never liability or compensation
    "liability": re.compile(
        r"(?:誰|だれ|どこ)が責任(?:を)?\s*(?:取|と|負|持)|責任(?:の所在|は|って)\s*(?:誰|だれ|どこ)|"
        r"(?:補償|賠償|弁償)(?:は|って|が|も|して|され|する)|違約金|罰金|罰則|ペナルティ|"
        # an injury while taking part, and who pays for it (ケガしたら保険きく？, "am I insured")
        r"保険(?:は|って|が)?\s*(?:きく|効く|きき|効き|出る|出ます|おりる|下りる)|"
        r"(?:ケガ|けが|怪我)(?:を)?(?:したら|した時|した場合|したとき)|"
        r"\b(?:am i|are we|are you|is (?:he|she|it|my child)|are (?:they|participants|volunteers)) "
        r"(?:covered|insured)\b|"
        r"\bcovered by (?:the |any )?insurance\b|\binsurance cover(?:age)?\b|"
        r"\bif (?:i|someone|my child|we) (?:get |gets |am |is )?(?:hurt|injured)\b|"
        r"\bwho (?:is|will be|would be) (?:liable|held responsible|to blame)\b|\bwho takes (?:the )?responsibility\b|"
        r"\b(?:compensation|liability|liable)\b", re.I),
    # how something can be paid (市税ってクレジットカードで払える？, 支払い方法は？, "pay with a credit card"): only a
    # passage that names the asked means answers it (口座振替 for 「口座振替で払える？」, `condition_of`)
    "payment": re.compile(
        r"(?P<condition>[^\s、。，,？?！!もはがをて]{1,15}?)(?:で|でも)\s*(?:支払|払|納付|納め|納税|決済)(?:え|い|でき|られ|する|し|す)|"
        # a means named as the payment itself (「窓口でキャッシュレス決済できる？」)
        r"(?P<means>キャッシュレス|クレジットカード|クレカ|カード|電子マネー|QR\s*コード|バーコード|スマホ)\s*(?:決済|払い|支払)|"
        # which cards are taken (「窓口で使えるクレジットカードの種類は？」)
        r"(?:クレジットカード|クレカ|電子マネー)(?:の種類|(?:は|って|が|も)?\s*(?:使え|つかえ|利用でき|対応))|"
        # a payment service named as usable (「PayPay使える？」)
        r"(?:PayPay|ペイペイ|楽天ペイ|d払い|au\s*PAY|メルペイ|LINE\s*Pay|Suica|交通系IC)"
        r"(?:は|って|が|も|で)?\s*(?:使え|つかえ|利用でき|対応|払え)|"
        r"(?:支払い?|払い|納付|決済)(?:の)?(?:方法|方|手段)|"
        r"\bpay\b.{0,40}\b(?:by|with|using|via|at (?:an?|the) (?:convenience store|konbini|bank|post office|atm))\b|"
        r"\bpayment (?:methods?|options?)\b|\b(?:credit|debit) cards?\b|\bcashless\b|\bwhich banks?\b", re.I),
    # a look inside (行政事務センターの中って見学できる？, "can I tour"): the plan runs no visits — unless a passage
    # speaks of them for that subject
    "visit": re.compile(
        r"見学(?:できる|できます|でき|可能|させて|したい|ツアー|会|って|は|の申し込み)|中を見(?:られ|れ|せて)|"
        # sitting in on a meeting (「子ども議会って傍聴できる？」)
        r"傍聴(?:できる|できます|でき|可能|させて|したい|って|は|の申し込み)|"
        r"\bcan (?:i|we) (?:tour|visit (?:the )?inside|look around)\b|\b(?:guided )?tours?\b|"
        r"\bopen to visitors\b|"
        # sitting in ("Can I watch the children's assembly?", "Can parents observe the meetings?")
        r"\bcan (?:i|we|parents|the public|anyone|residents) (?:watch|observe|sit in on|listen in on)\b"
        r"(?!.{0,40}\b(?:videos?|streams?|streamed|online|youtube|tv|recordings?)\b)|"
        r"\bopen to the public\b", re.I),
    # comparisons between wards (どの区が一番多い？, "which ward has the most parks") or things (一番人気なのは何？,
    # "the most popular"): the plan describes each ward and initiative on its own
    "ranking": re.compile(
        r"(?:どの|どこの)区(?:が|は)\s*(?:一番|いちばん|最も|もっとも)(?![^。？?]{0,6}(?:広|狭|大き|小さ))|(?:一番|いちばん|最も)[^。？?]{0,10}(?:多い|少ない|高い|低い|人気の?)区|"
        r"(?:一番|いちばん|最も|もっとも)[^。？?]{0,8}?(?:新しい|古い|多い|少ない|人気|近い|遠い|きれい|綺麗|安い|良い|いい|おすすめ)"
        r"(?:の|な)?(?:のは|は|って)\s*(?:どこ|どれ|なに|何)|"
        r"区(?:で|の中で)(?:一番|いちばん|最も|もっとも)|区(?:の)?ランキング|"
        # the most or least of the city's own (「行政評価で一番評価が低かった事業は？」)
        r"(?:一番|いちばん|最も|もっとも)[^。？?]{0,8}?(?:多|少な|高|低|良|悪)(?:い|かった)(?:の|な)?\s*"
        r"(?:事業|取組|取り組み|施設|プロジェクト)(?:は|って)\s*(?:どれ|どこ|何|なに)?\s*[?？]?\s*$|"
        r"\bwhich ward (?:has|is|gets) the (?:most|least|largest|biggest|smallest|best|highest|lowest)\b|"
        r"\branking\b|\b(?:the )?most popular\b|"
        # a recommendation (「清田区でおすすめの紅葉スポットはどこ？」): the plan recommends no place or thing
        r"(?:おすすめ|オススメ|お勧め|お薦め)(?:の|な)?[^。？?、]{0,12}?(?:は|って|を)?\s*(?:どこ|どれ|なに|何|教えて)|"
        r"\bwhat (?:do you|would you|can you) recommend\b|\brecommend(?:ed)? (?:places?|spots?)\b", re.I),
    # what taking part or giving earns the asker (内申点が上がる？, 会社の宣伝になる？, ボランティア証明書もらえる？,
    # ふるさと納税の返礼品, "perks"): the plan names no such benefit — unless a passage speaks of one (`STATED_BY`)
    "benefit": re.compile(
        r"内申|就職(?:に|で|の時に)?有利|有利に(?:なる|働く)|得(?:する|になる)(?:の|か|んですか|\s*[?？]|$)|特典|割引|"
        # a perk one gets by joining (登録したら何かメリットある？; not 「参加するメリットは？」, why take part)
        r"(?:何か|なにか|なんか)\s*メリット(?:って|は|が)?\s*(?:ある|あります)|"
        r"ポイント(?:が|は)?(?:つく|付く|もらえ|貯ま|たま)|(?:宣伝|PR|アピール|広告)(?:に|の)(?:なる|つながる|繋がる)|"
        r"証明書(?:は|って|が|も)?\s*(?:もらえ|出る|出して|発行)|景品|賞品|記念品|ノベルティ|返礼品|お礼の品|"
        r"\bprizes?\b|\bgiveaways?\b|"
        r"\bperks?\b|\bdiscounts?\b|\bcount (?:towards|for)\b|\bgood for (?:my|our) (?:cv|resume|business|company)\b", re.I),
    # how it feels or how good it is (窓口の人って親切？, 父親だけで行っても浮かない？, 保健師さんの数って足りてるの？,
    # "are the staff friendly?"): reviews and opinions, not a plan's statements
    "opinion": re.compile(
        r"\bwhat do (?:participants|people|residents|users|locals|visitors) think\b|"
        r"(?:人|ひと|職員|スタッフ|窓口|対応|先生|講師|相談員)(?:さん)?(?:って|は|の対応(?:は|って)?)\s*"
        r"(?:親切|丁寧|優しい|やさしい|怖い|こわい|冷たい|感じ(?:が)?(?:いい|良い|悪い))|"
        r"(?:市長|区長|知事|議員)(?:さん)?(?:は|って)[^。？?]{0,25}(?:どう(?:思って|考えて)|思って(?:る|いる)|考えて(?:る|いる)(?:の|か))|"
        r"評判|口コミ|クチコミ|雰囲気(?:は|って|が|どう|なの|です|\s*[?？]|$)|(?<!時間が)(?<!時間)(?<!お金が)(?<!費用が)(?<!経費が)(?<!手間が)(?<!コストが)浮(?:かない|いちゃう|いたり|く(?:かな|の)?\s*[?？])|気まずい|肩身が狭|"
        r"(?:人手|人数|数|職員|保健師|スタッフ)(?:さん)?(?:の数)?(?:は|って|が)?\s*足りて|"
        r"\b(?:are|is) (?:the )?(?:staff|people|counter) (?:friendly|kind|nice|rude|helpful)\b|"
        # reviews of a place ("Are there good reviews of the centre?"), not the city reviewing its programmes
        r"\b(?:good|bad|online|user|customer|google|star) reviews?\b|\breviews? (?:say|said|of the)\b|"
        r"\benough (?:staff|nurses|workers)\b", re.I),
    # the state of things now (区役所の待ち時間、今日は何分くらい？, 今って混んでる？, "how long is the wait right now"):
    # the plan states a 2022 baseline and a 2027 target, no live status
    "live": re.compile(
        r"(?:今日|きょう|今(?![後年回度月週朝晩夜])|いま|現在|明日|あした)(?:は|って|の|も)?[^。？?]{0,10}?(?:混んで|空いて|混雑|待ち時間|何分待ち|何分|何人待ち|並んで)|"
        r"(?:待ち時間|混雑|混み具合)[^。？?]{0,6}(?:今日|今|現在|リアルタイム)|リアルタイム(?:の|で)?(?:待ち|混雑)|"
        # (「窓口は混んでる？」, 「区役所って混んでますか？」: how crowded a place is, asked of no time at all; without a
        # question mark only when said alone, not told after what one wants: 「カード作りたいけど区役所混んでる」)
        r"(?:窓口|区役所|役所|センター|受付|会場|施設)(?:って|は|も)?\s*(?:いつも|結構|けっこう|かなり)?\s*"
        r"(?:混んで|混雑して|空いて)(?:る|いる|ます)(?:(?:の|か|かな|んですか|んでしょうか)\s*[?？]?|\s*[?？])\s*$|"
        r"^\s*(?:窓口|区役所|役所|センター|受付|会場|施設)(?:って|は|も)?\s*(?:いつも|結構|けっこう|かなり)?\s*"
        r"(?:混んで|混雑して|空いて)(?:る|いる|ます)\s*$|"
        r"(?:壊れて|故障して|止まって|落ちて|ダウンして)(?:る|いる|ます)(?:の|か|んですか|んでしょうか)?\s*[?？]\s*$|"
        # a vacancy (施設に空きはある？, 満員？, "are there any places left")
        r"空き(?:状況|枠|部屋|室|家|ベッド)?(?:は|って|が)?\s*(?:ある|あります|あり|出|な(?:い|し)|どう|どれくらい|どのくらい|何)|"
        r"空き状況|満員|満室|満席|キャンセル待ち|"
        # what is left of a handout or sale (種はもう配り終わった？, まだ残ってる？, "sold out")
        r"配り終わ|売り切れ|品切れ|在庫(?:は|って|が|ある|あり)|"
        r"まだ(?:残って|余って)(?:る|いる|ます)(?:の|か|かな|んですか)?\s*[?？]?\s*$|\bsold out\b|\bany left\b|"
        r"\b(?:any|free) (?:places|spaces|spots|vacancies|beds|rooms) (?:left|available)\b|\bvacanc(?:y|ies)\b|\bfully booked\b|"
        # (not what the city will do about it: 「電話つながらないんだけど、何か改善する予定ある？」)
        r"(?:つながらない|繋がらない|動かない|開かない|使えない)(?:んだけど|んですけど|けど|のですが)"
        r"(?![^。]{0,20}(?:予定|改善|計画|取組|取り組|対策|良くな|よくな|なんとか|何とか|どうにか))[^。]{0,20}[?？]\s*$|"
        r"\bis (?:the |your )?(?:city |ward |official )?(?:website|site|app|chatbot|system|page) (?:down|broken|not working)\b|"
        r"\b(?:right now|today|at the moment|currently)\b.{0,30}\b(?:wait|waiting|busy|crowded|queue)\b|"
        r"\b(?:wait|waiting|queue|busy|crowded)\b.{0,45}\b(?:right now|now|today|at the moment)\b", re.I),
    # who gets told what a citizen confides (相談したら学校に連絡いく？, 個人情報は漏れない？, "will my parents find out"):
    # only a passage that speaks of protecting that subject's information answers it
    "privacy": re.compile(
        # without giving one's name, of a thing already named (「匿名で相談できる？」, 「名前を言わなくても」, "Is it
        # anonymous?"; not 「匿名でもできるところある？」 or "Is there somewhere I can talk anonymously?", which look for
        # a place to talk and are answered by one, the name told aside)
        r"^(?![^。？?]*(?:ところ|所|窓口|場所)(?:は|って|が)?\s*(?:ある|あります|ない|ありますか))"
        r"(?:[^。？?]*匿名|[^。？?]*名前を(?:言わ|名乗ら|出さ|教えな)(?:なくて|ず|ないで)|[^。？?]*名乗らな(?:くて|いで))|"
        r"^(?!.*\b(?:somewhere|someone|anywhere|anyone|is there|are there|a place)\b)"
        r"(?:.*\banonymous(?:ly)?\b|"
        r".*\bwithout (?:giving|telling|saying|using) (?:my|our|your|their) (?:real )?names?\b)|"
        r"(?:学校|親|家族|会社|職場|警察|近所|夫|妻|旦那|先生)に(?:連絡(?:が)?\s*(?:いく|行く|され|する)|知られ|バレ|ばれ|伝わ|通報され)|"
        r"秘密(?:は|って|を|が)?\s*(?:守|厳守)|(?:録画|録音)(?:され|する|して|とか|って|は\s*(?:する|される|あり))|"
        r"\b(?:recorded|recording)\b(?!.{0,20}\bminutes\b)|個人情報(?:は|って|が)?[^。？?]{0,8}(?:漏れ|守られ|大丈夫|安全|流出)|"
        # (a leak of information, however named: 「情報漏れとか大丈夫なの？」, 情報が漏れたりしない？, 情報漏洩)
        r"情報(?:漏れ|漏洩|流出)|(?:情報|データ)(?:が|は|って)?\s*(?:漏れ|流出|漏洩)|"
        r"\bconfidential(?:ity)?\b|\bwill (?:my|the) (?:school|parents?|employer|family|husband|wife) (?:be told|find out|know)\b|"
        r"\b(?:personal|private) (?:data|information) (?:be )?(?:safe|leak|protected)\b", re.I),
    # which edition of a publication is current (防災マップって何年版が最新？, "the latest edition of the hazard map"):
    # only a passage that speaks of its editions or revisions answers it
    "edition": re.compile(r"何年(?:度)?版|最新版(?:は|って|が|を|の|\s*いつ)|(?:いつ|何年|何月)(?:の|時点の|に出た)版|"
                          r"改訂版(?:は|って|が|いつ)|"
                          r"\b(?:latest|newest|current|most recent) (?:edition|version)\b|"
                          r"\bwhich (?:edition|version)\b|\bwhat year(?:'s)? (?:edition|version)\b", re.IGNORECASE),
    # whether something is made public (議事録は公開されてる？, 結果は公表されるの？, "are the minutes published?"): only a
    # passage that publishes its subject (評価調書をわかりやすく公開) answers it
    "publication": re.compile(r"(?:写真|動画|映像)(?:って|は|が|とか|も)?[^。？?]{0,10}(?:見られ|見れ|載って)|"
                              r"(?:公開|公表|掲載)(?:され|して)(?:て|と)?(?:る|いる|ます|います)?(?:の|か|んですか|でしょうか)?"
                              r"\s*[?？]\s*$|"
                              r"\b(?:are|is|were|was|will) (?:the |its |their )?[\w' -]{0,40}"
                              r"\b(?:published|made public)\b",
                              re.IGNORECASE),
    # a condition asked about at the end of a yes/no question (離婚の相談もできる？, 英語でも手続きできる？, 夜中でも
    # つながる？): answered only by a passage that speaks of that condition (`condition_of`) — 「電話でも申し込める？」
    # by a passage on 電話受付. Last, so that a named fact type above is told first.
    "condition": re.compile(_CONDITION),
}
UNSTATED_FACTS = tuple(_NOT_IN_PLAN)
UNSTATED_PATTERNS = tuple(_NOT_IN_PLAN.values())  # what asks each (`index.fact_words`)


# What one is told rather than handed (情報ってもらえる？, 連絡はもらえる？)
_WORD_RECEIVED = re.compile(r"(?:情報|お知らせ|知らせ|通知|連絡|案内|アドバイス|助言|回答|返事|返信|返答)"
                            r"(?:って|は|が|を|も|とか|など|なんか)?\s*(?:どこで|どこから)?\s*(?:もらえ|貰え)")


def _asks_for_an_item(question: str) -> bool:
    """「苗ってもらえる？」 (a particle before もらえる: an item) and not 「手伝ってもらえる？」 (the te-form of a
    verb: a service); the tokenizer tells the particle って from the te-form."""
    if question.isascii() or not re.search(r"もらえ|貰え", question):  # English, or a named item (参加賞ってある？)
        return True
    if re.search(r"配って(?:もらえ|くれ)", question):  # the te-form of handing out: an item asked for
        return True
    if _WORD_RECEIVED.search(question):  # 「情報ってもらえる？」: told, not handed an item
        return False
    tokens = tagged(question)
    return any(token.lemma == "貰う" and i and (tokens[i - 1].pos1 == "助詞" and tokens[i - 1].pos2 != "接続助詞"
                                                 or _an_item(tokens[i - 1])) and not _by_whom(tokens[:i])
               for i, token in enumerate(tokens))


# Who may receive something (「学生のグループでももらえるの？」): people or a group, not an item handed out.
# (as UniDic reads them, one word each: 町内会 is 町内 + 会, so it is not among them)
_RECEIVERS = {"グループ", "団体", "サークル", "チーム", "会社", "企業", "家族", "世帯", "人", "方"}


def _by_whom(before: list[Token]) -> bool:
    """Whether the words before もらえる name who receives it, with も or でも (学生のグループでも), not what."""
    rest = list(before)
    particles = []
    while rest and rest[-1].pos1 == "助詞" and rest[-1].surface in ("も", "で", "だけ"):
        particles.append(rest.pop().surface)
    return "も" in particles and bool(rest) and (rest[-1].surface in _RECEIVERS or rest[-1].lemma in PEOPLE
                                                 or rest[-1].surface in PEOPLE)


def _an_item(token: Token) -> bool:
    """A thing's own name (花, 苗, パンフ), not a verbal noun (連絡, 返事) or a counter (ポイント)."""
    return token.pos1 == "名詞" and token.pos3 == "一般"


# The city or a ward office as the one selling (市って施設のネーミングライツを売ってるの？): its own business, not a shop's.
_SOLD_BY_THE_CITY = re.compile(r"(?:市|区)(?:役所)?(?:は|って|が|も|として)[^。？?]*(?:売って|販売して|売り出)")


def _sold_in_a_shop(question: str) -> bool:
    """「ぬいぐるみって売ってる？」 asks where a thing is sold; 「市って…を売ってるの？」 asks what the city does."""
    return not _SOLD_BY_THE_CITY.search(question)


def _ends_on_a_particle(question: str) -> bool:
    """「子どももできる？」 and 「夜中でもつながる？」 end a condition on the particle も (でも); 「子どもと行ける？」 names
    none (the も of 子ども is the word's own)."""
    found = _NOT_IN_PLAN["condition"].search(question)
    if found.group("condition") is None:  # what one must have: named by its own words
        return True
    start = 0
    for token in tagged(question):
        if start == found.end("condition"):
            return token.pos1 in ("助詞", "助動詞")  # 連れて|で|も: で read as the copula
        start += len(token.surface)
    return False


# When applying online starts (「粗大ゴミ ネット申込 いつから」, 「ネットの受付はいつから？」): the start of a channel an
# initiative brings in, answered by its timeline (`bot.compose`: no start date stated, its 2027 target), not the
# application period of an event or a flat.
_ONLINE_FROM = re.compile(r"(?:ネット|オンライン|インターネット|電子|スマホ|ウェブ|web)(?:で|から|の|での|からの)?\s*"
                          r"(?:申し?込み?|申込|受付|受け付け|申請)(?:は|って|が|も)?\s*いつ(?:から|頃から|ごろから)",
                          re.IGNORECASE)


def _asks_a_day(question: str) -> bool:
    """A schedule asked other than when applying online starts (`_ONLINE_FROM`)."""
    return _ONLINE_FROM.search(question) is None or \
        _NOT_IN_PLAN["schedule"].search(_ONLINE_FROM.sub(" ", question)) is not None


# A pattern's match that the question's grammar must confirm.
# A wish that the city make the documents known (「何の書類がいるか一覧で見られるようにしてほしい」): no question of
# which documents, but of the city's notices (必要な書類…のわかりやすい広報) — 「教えてほしい」 still asks them.
_WISHED_SHOWN = re.compile(r"(?:ように|よう)(?:して|なって|なれば|してくれ)(?:ほしい|欲しい|ください|くれ|もらえ)|"
                           r"(?:載せ|まとめ|一覧にし|公開し|作っ)て(?:ほしい|欲しい|ください|くれ)")


def _asks_the_documents(question: str) -> bool:
    return not _WISHED_SHOWN.search(question)


_CONFIRMED_BY = {"handout": _asks_for_an_item, "business": _sold_in_a_shop, "condition": _ends_on_a_particle,
                 "schedule": _asks_a_day, "documents": _asks_the_documents}


def _confirmed(fact: str, question: str) -> bool:
    confirm = _CONFIRMED_BY.get(fact)
    return confirm is None or confirm(question)


# Places a passage names by their own names (富丘西公園, 星置緑地, 真駒内駅, 琴似発寒川, 白旗山).
_NAMED_PLACES = "公園|緑地|駅|川|山|梅林"
_NAME_CHAR = r"[\u3400-\u9fff々ァ-ヺー]"
# The places a passage names where something is set up or handed out.
_PLACES = "区役所|庁舎|センター|会館|施設|公園|駅|広場|館|ホール"
# A retrieved passage that does speak of the vetoed fact lifts the veto (a lending scheme the plan
# describes is answered, not refused).
STATED_BY = {
    # the kinds of bodies that take part (行政機関, 事業者, 企業や学校などの各種団体)
    "participants": re.compile(r"(?:機関|事業者|団体|企業|関係者|大学|学校|町内会|住民|NPO)(?:等|など)?"
                               r"(?:が|と|とともに|の)?[^。]{0,30}?(?:参加|参画|構成|意見交換|出席)"),
    "spending": re.compile(r"財源|使途|充当|充て"),
    "capacity": re.compile(r"定員|収容"),
    "lending": re.compile(r"貸|借り|レンタル"),
    "documents": re.compile(r"書類|持ち物|持参"),
    # (…協働して実施する事業に対して財政的支援を行います: money given, in other words)
    "subsidy": re.compile(r"助成|補助|給付|支給|交付金|財政的(?:な)?支援|資金(?:的な?)?支援|資金の?援助"),
    # (a season as when it runs — 冬にも健康的な生活, 冬も楽しむ — not in a name: 2017冬季アジア札幌大会, ていね夏あかり)
    "days": re.compile(r"土日|土曜|日曜|休日|祝日|夜間|開庁|[冬夏](?:に|にも|も|でも|場|の間)|通年|年間を通|一年中"),
    "mishap": re.compile(r"紛失|盗難|再発行|再交付|延滞|滞納|督促|遅延|破損|故障|期限切れ"),
    # (保育業務支援システム導入 … DXの推進: the thing asked put on a system, though no word says online)
    # (SNS等の相談窓口: a consultation over social media is one made online — 「ネットで相談できる？」)
    "online": re.compile(r"オンライン|インターネット|ネット|電子申請|電子化|ウェブ|Web|WEB|スマートフォン|アプリ|SNS|"
                         r"システム(?:の)?導入|DX"),
    "counter": re.compile(r"窓口|センター|施設|区役所|受付|申請|申込|申し込|手続"),
    "procedure": re.compile(r"申込|申し込|申請|受付|受け付け|派遣"),
    "mail": re.compile(r"郵送|郵便|配送|宅配"),
    "handout": re.compile(r"配布|配付|配る|配り|配っ|交付|プレゼント|支給|啓発品|記念品|ノベルティ"),
    "reservation": re.compile(r"予約"),
    # (公開: published, so anyone may see it — 「評価の結果って市民も見られる？」)
    # (or the grades or ages it is for: 小学4年生から中学3年生までの子ども議員)
    # (親子スキー教室: parents and children together — 「スキー教室は子どもだけ？」)
    "eligibility": re.compile(r"誰でも|だれでも|どなたでも|対象|資格|公開|(?:あらゆる|幅広い)世代|世代を問わず|親子|"
                              r"[0-9０-９一二三四五六七八九]+(?:年生|歳)(?:から|以上|以下|未満|まで)|"
                              # (若者を中心とした「南区サポーター制度」: whom it is mainly for)
                              r"(?:若者|若い世代|高齢者|子ども|児童|生徒|学生|女性|障がい者|区民|市民)(?:を中心と|向け)|"
                              # (住民とともに開設訓練を実施: who does it with the city)
                              r"(?P<along>住民|区民|市民|地域住民|町内会|中学校|学生|児童|子ども)"
                              r"(?:とともに|と共に|と一緒に|と協働で?|が参加)"),
    "sorting": re.compile(r"分別|ごみの分け方"),
    # a name the passage gives its brand or its nickname itself (「KIYOTA SWEETS」を地域独自のブランドとして)
    # — or the towns it names (小樽市と石狩市に接しています: 「どこの市と隣り合ってるの？」), the plan's own city apart
    # — or the product asked to confirm, named itself (「RPAも使ってる？」)
    "names": re.compile(r"「[^」]{1,30}」を?[^。「」]{0,12}(?:ブランド|愛称|名称)として|"
                        r"(?<![\u3400-\u9fff])(?P<town>(?!札幌)[\u3400-\u9fff]{2,4}[市町村])(?=と|や|、|に)|"
                        r"(?<![A-Za-z])(?P<latin>[A-Za-z][A-Za-z\-]+)"),
    "language": re.compile(r"多言語|英語|外国語|通訳|点字|字幕"),
    # (外部人材の登用: whom the city appoints from outside is whom it hires)
    "jobs": re.compile(r"採用|求人|登用"),
    "award": re.compile(r"表彰|顕彰|賞"),
    # what was already achieved when the plan was written: a 2022 baseline of an amount cut or gained (業務効率化に
    # より削減された作業時間 3,613時間 — a baseline not yet set, —, says nothing)
    "results": re.compile(r"(?:削減|短縮|減少|増加|改善)(?:され|し)た[^\s。]{0,15}\s+[0-9０-９]"),
    # how things are chosen or judged (…指標の達成度を客観的に評価し、事業の見直し…を促進: how the city decides which
    # projects go on), for the question's own subject
    "selection": re.compile(r"選考|選定|審査|評価|抽選|先着"),
    "choice": re.compile(r"選べ|選択でき|選択肢|指定でき"),
    # a passage that names where its subject is set up or held (中央区役所仮庁舎に試験的に導入, 各区役所の保健福祉部内に
    # …組織を設置)
    # — or that names the very park, green, station, river or mountain asked which one of (「どこの公園？」 of the
    # conservation of 富丘西公園's lilies)
    "location": re.compile(rf"[^\s、。をはがにでと]{{0,12}}(?:{_PLACES})"
                           r"(?=[^、。]{0,10}?(?:に|で|において)(?:試験的に|[^、。]{0,20}?を)?(?:設置|導入|開設|配置|開催|移転))|"
                           # (区役所等において現在窓口で実施している相談業務: where it is done now)
                           rf"(?P<done_at>[^\s、。をはがにでと]{{0,12}}(?:{_PLACES}))等?において[^。]{{0,30}}?(?:実施|試行)|"
                           rf"(?<!{_NAME_CHAR})(?![各全]){_NAME_CHAR}{{2,10}}(?P<named>{_NAMED_PLACES})|"
                           # a district named as where the subject stands (宮の沢地区に生涯学習総合センターが…整備され)
                           rf"(?<!{_NAME_CHAR}){_NAME_CHAR}{{1,8}}地区(?:に|には)(?=[^。]{{0,40}}?(?:整備|設置|開設|有し))|"
                           # a corner or room the passage names (情報・文化発信コーナー「ていねの部屋」): where its
                           # mascot is met
                           r"(?:コーナー|インフォメーション|スペース)「[^」]{1,20}」|「[^」]{0,15}(?:部屋|へや|ルーム)」"),
    "pay": re.compile(r"賃金|給与|給料|報酬"),
    "construction": re.compile(r"整備|建設|建替|建て替|新設|開設|開業|設置"),
    "visit": re.compile(r"見学|傍聴"),
    "benefit": re.compile(r"特典|割引|ポイント|優遇|内申|証明書|景品|賞品|記念品|メリット"),
    "privacy": re.compile(r"個人情報|秘密|プライバシー|匿名|守秘"),
    "validity": re.compile(r"有効期限|有効期間|更新"),
    "edition": re.compile(r"改訂|改定|年版|年度版|最新版"),
    "limit": re.compile(r"上限|[0-9０-９]+\s*(?:個|点|袋|kg|キロ)まで"),
    "amenities": re.compile(r"Wi-?Fi|授乳|バリアフリー|車いす|車椅子|更衣室|ロッカー"),
    "publication": re.compile(r"公開|公表|掲載"),
    "payment": re.compile(r""),  # any passage that names the asked means (`SUBJECT_BOUND`)
    "condition": re.compile(r""),  # any passage, as long as it speaks of the condition (`SUBJECT_BOUND`)
}
# Facts a passage states only for its own subject: it lifts the veto only when it also speaks of
# what the question is about (必要な書類 for 引越しや結婚 answers a wedding-and-moving question, not
# 児童手当's application). The asked-fact words themselves (書類, 申請, …) are not the subject.
# The people an eligibility question asks about (子どもでも, 一般の市民も), by folded lemma.
PEOPLE = frozenset({"子供", "子ども", "こども", "小学生", "中学生", "高校生", "大学生", "学生", "大人", "外国人", "外国", "高齢者",
                     "未成年", "親子", "男性", "女性", "自分", "私", "市民", "区民", "住民", "個人", "一般",
                     # (as the tokenizer reads 小学生, 高齢者, お年寄り, 社会人: 小学, 高齢, 年寄り, 社会)
                     # (初心者: 初心 + 者)
                     "小学", "中学", "高校", "高齢", "年寄り", "老人", "シニア", "若者", "社会", "社会人", "初心者", "初心",
                     "会社員", "サラリーマン", "主婦", "主夫", "社員",
                     "子"})  # (うちの子)
SUBJECT_BOUND = {
    # (its 結果 or データ published: what of the subject, not the subject — 「評価の結果って公開されてる？」)
    "publication": {"公開", "公表", "掲載", "結果", "内容", "データ", "情報", "ネット", "インターネット", "ホームページ"},
    "spending": {"お金", "金", "費用", "経費", "予算", "財源", "税金", "寄付", "寄付金", "収入", "分", "使い道", "使途", "節約",
                 "削減"},
    # (事前: when the asker wants to know, not what about — 「どんな書類が要るのか事前に知りたい」)
    "documents": {"書類", "申請", "手続き", "手続", "必要", "持ち物", "持参", "提出", "届け", "届出", "事前", "前もって"},
    "subsidy": {"補助", "補助金", "助成", "助成金", "金", "お金", "支援", "支給", "給付", "費用", "賞金", "報奨", "奨励",
                "謝礼", "謝金", "報酬", "日当", "時給", "ギャラ", "礼"},
    "days": {"土曜", "日曜", "土日", "祝日", "休日", "週末", "年末", "年始", "曜日", "日", "夜", "休み", "営業", "開庁", "開館", "夜中", "深夜", "夜間", "早朝", "時間", "電話", "昼休み", "昼",
             "冬", "冬場", "冬季", "冬期", "夏", "夏場", "夏季", "年中", "一年中", "間", "時期"},
    "procedure": {"申し込み", "申込", "申請", "手続き", "手続", "方法", "仕方", "登録", "応募", "参加", "予約"},
    "counter": {"窓口", "どこ", "申し込み", "申込", "申請", "手続き", "手続", "届け", "届", "届出", "場所"},
    "handout": {"配布", "無料", "本当", "話"},
    "reservation": {"予約", "必要", "事前"},
    # (the people asked about, 子どもでも, are who may take part, not what it is about)
    "eligibility": {"誰", "だれ", "どなた", "参加", "利用", "傍聴", "対象", "資格", "市外", "区外", "人", "方", "一人", "ひとり",
                    # (the asker's working life: 「仕事してても参加できる？」, 会社員 read as 会社 + 員, フル + タイム)
                    "仕事", "パート", "フル", "タイム", "共働き", "会社",
                    *PEOPLE},
    "sorting": {"ごみ", "ゴミ", "塵", "分別", "何", "出し方", "分け方"},
    "language": {"英語", "中国", "韓国", "外国", "語", "多言語", "日本", "大丈夫",
                 "人", "職員", "スタッフ"},  # 「総合案内の人って英語話せる？」: who speaks it, not what it is about
    "jobs": {"採用", "試験", "求人", "職員", "仕事", "募集", "アルバイト", "情報"},
    "selection": {"選考", "選定", "審査", "方法", "基準", "結果", "条件"},
    "condition": {"事", "こと", "の", "人", "方", "それ", "これ", "そこ", "ここ"},
    "payment": {"事", "こと", "の", "それ", "これ"},
    "location": {"場所", "会場", "どこ", "所", "こと", "開催", "実施"},
    "visit": {"見学", "傍聴", "中", "ツアー", "会"},
    "privacy": {"録画", "録音", "個人情報", "個人", "情報", "秘密", "漏れ", "漏洩", "流出", "データ", "学校", "親", "家族", "会社", "職場", "警察", "近所", "夫", "妻", "連絡",
                "大丈夫", "安全", "心配", "不安"},
    "construction": {"新しい", "新た", "新設", "建設", "整備", "開業", "オープン", "建物", "施設", "建て替え", "建替", "建替え",
                     "改築", "移転"},
    "pay": {"年収", "給料", "給与", "月給", "ボーナス", "賞与", "退職", "金", "時給", "賃金", "平均", "人", "職員", "スタッフ"},
}
# Facts a passage lifts only for a subject the question names: none is refused (支払い方法は？; 「市の職員の給料って
# 上がるの？」 names only the city's staff, whose pay no passage states, not 指定管理施設's wages).
NEEDS_SUBJECT = ("payment", "location", "construction", "pay")
# Facts whose English subject is not matched to a passage at all. Of `NEEDS_SUBJECT`, refused: "Will a new
# subway station be built?" is not lifted by any passage that speaks of 整備; "average salary of city employees"
# is not lifted by the plan's words for "average". A subsidy is lifted by any close passage that pays one
# ("Does Minami ward give grants to neighbourhood associations?": 連合町内会等…に対して助成). A payment's means is
# matched by the plan's words for it (`index.crosslingual.payment_means`).
UNMATCHED_IN_ENGLISH = ("location", "construction", "subsidy", "pay")
# Facts asked as a clause whose words (before でも／で) are what a passage must name (`condition_clause`).
CLAUSED = ("condition", "payment")


# Where, not what: the city and its offices are named by nearly every passage (区役所 is 区 + 役所 to the
# tokenizer), so they never make a passage speak of the question's subject.
_PLACE_NOUNS = {"区", "市", "役所", "市役所", "区役所", "札幌", "サッポロ", "札幌市"}
# Nouns that name no subject of their own (「…上がる仕組みってある？」: the scheme asked about is the subject's).
_GENERIC_NOUNS = {"仕組み", "仕組", "制度", "取組", "取り組み", "取組み", "事業", "もの", "物", "感じ", "システム",
                  "奴",  # 「ポール持って歩くやつ」
                  "本当", "ほんと", "ホント", "噂"}  # 「…って本当？」 asks whether it is so, of no thing called 本当
# Nouns that are no thing a passage must name: the city's places and offices, words of no subject of their own.
NAMELESS_NOUNS = frozenset(_PLACE_NOUNS | _GENERIC_NOUNS)


@lru_cache(maxsize=8)
def ward_nouns(wards: tuple[str, ...]) -> frozenset[str]:
    """The nouns the tokenizer reads in ward names (西区 -> 西, 区; 豊平区 -> トヨヒラ, 区), once per set of wards."""
    return frozenset(noun for ward in wards for noun in topic_nouns(ward))


def condition_clause(question: str, fact: str = "condition") -> tuple[str, str]:
    """The condition a yes/no question ends on and the clause it opens: 「戸籍謄本はコンビニでも取れる？」 ->
    (「コンビニ」, 「コンビニでも取れる？」), 「離婚の相談もできる？」 -> (「離婚の相談」, 「離婚の相談もできる？」) — the
    words before でも／も after the last particle other than の, as written; ("", "") for no such question.
    ``fact="payment"``: the means of a payment question (「市税ってクレカで払える？」 -> 「クレカ」)."""
    found = _NOT_IN_PLAN[fact].search(question)
    groups = found.groupdict() if found else {}
    group = next((name for name in ("condition", "required", "needed") if groups.get(name) is not None), None)
    if found is None or group is None:
        return "", ""
    written = found.group(group)
    tokens = tagged(written)
    cuts = [i for i, token in enumerate(tokens) if token.pos1 == "助詞" and token.surface != "の"]
    # after the last particle — or further back while that leaves no noun (「犬を連れて」: 犬)
    last = next((i for i in reversed(cuts) if any(token.pos1 == "名詞" for token in tokens[i + 1:])), -1)
    condition = "".join(token.surface for token in tokens[last + 1:])
    if len(fold(written)) == len(written):  # as written (「LINE」, not the tokenizer's folded 「line」)
        condition = written[len(written) - len(condition):]
    return condition, question[found.end(group) - len(condition):]


def condition_of(question: str, fact: str = "condition") -> str:
    """The condition a yes/no question ends on, or the means a payment question asks (`condition_clause`)."""
    return condition_clause(question, fact)[0]


# A time of year named by what happens in it (確定申告の時期, 引っ越しの多い時期, 引越しシーズン): the nouns before
# one of these, over の, が and the words saying it is busy, name when the asker comes, not what the question is
# about.
_SEASONS = {"時期", "シーズン", "季節", "頃", "ころ"}
_BUSY = {"の", "が", "多い", "混む", "忙しい", "みたい", "だ", "に", "よう"}


def season_nouns(question: str) -> frozenset[str]:
    """The nouns of ``question`` that name a time of year by what happens in it, by folded lemma.

    >>> sorted(season_nouns("3月の引っ越しシーズン、土日に区役所開いてる？"))  # doctest: +SKIP
    ['シーズン', '引っ越し']
    """
    tokens = tagged(question)
    found: set[str] = set()
    for end, token in enumerate(tokens):
        if fold(token.lemma) not in _SEASONS:
            continue
        start = end
        while start > 0 and (tokens[start - 1].pos1 == "名詞" or tokens[start - 1].lemma in _BUSY):
            start -= 1
        found.update(fold(t.lemma) for t in tokens[start:end + 1] if t.pos1 == "名詞")
    return frozenset(found)


def subject_of(question: str, fact: str, wards: Iterable[str] = ()) -> tuple[str, ...]:
    """What a question asking for ``fact`` (one of `SUBJECT_BOUND`) is about: its topic nouns, the
    asked-fact words themselves, the city's offices and the ``wards`` (where, not what) left out; for
    a condition (離婚の相談もできる？) the condition's nouns only (離婚, 相談)."""
    if fact in UNMATCHED_IN_ENGLISH and question.isascii():  # an English subject is not matched to a passage
        return ()
    words = SUBJECT_BOUND.get(fact, set()) | NAMELESS_NOUNS | ward_nouns(tuple(wards))
    if fact == "days":  # 「確定申告の時期」, 「引っ越しシーズン」: when, not what about
        words |= season_nouns(question)
    if fact in CLAUSED:  # its nouns, time words included (当日でも, 夜中でも)
        return tuple(dict.fromkeys(
            fold(token.lemma) for token in tagged(condition_of(question, fact))
            if token.pos1 == "名詞" and token.pos2 != "数詞" and fold(token.lemma) not in words))
    named = _KANA_NAME.search(question)
    if named and _unread_name(named.group(1)):
        # 「ちえりあってどこにあるの？」: a name in hiragana the tokenizer cuts into other words (ち, 襟, 有る) is
        # named by itself
        rest = question[:named.start(1)] + "、" + question[named.end(1):]
        return (named.group(1), *topic_compounds(rest, words))
    return tuple(topic_compounds(question, words))


# A thing named in hiragana as what a question is about (「ちえりあって」, 「西区のちえりあって」, 「さんかくやまべえは」).
_KANA_NAME = re.compile(r"(?:^|(?<=[\s、。「『])|(?<=[\u3400-\u9fffァ-ヺ]の))([ぁ-ゖー]{3,12}?)"
                        r"(?:に|で|へ|と)?(?:って|は|とは|っていう|の(?:場所|住所))")


def _unread_name(kana: str) -> bool:
    """Whether the tokenizer cuts ``kana`` into pieces of no word it knows (ちえりあ: ちえ, り, あ; ていね: て, い, ね),
    not one noun (ほいくえん is 保育園) nor words of a sentence (「どうやって」, 「何かもらえるって」: an adverb, a verb,
    a particle first)."""
    tokens = tagged(kana)
    if len(tokens) == 1 and tokens[0].pos1 == "名詞":
        return False
    return tokens[0].pos1 not in ("助詞", "助動詞") and not any(
        token.pos1 in ("動詞", "副詞", "形容詞") for token in tokens)


# For an open-days question, the days asked (left) and how a passage must state them (right): a centre open
# 土日 answers 「土曜日もやってる？」 and 「休日も？」, not 「祝日も？」 or "open on national holidays".
_DAYS_ASKED = (
    (re.compile(r"祝日|祭日|しゅくじつ|national holiday|public holiday|bank holiday", re.I), re.compile(r"祝日|祭日")),
    (re.compile(r"土曜|日曜|土日|週末|休日|休みの日|どよう|にちよう|どにち|しゅうまつ|きゅうじつ|やすみのひ|"
                r"weekend|saturday|sunday|holiday", re.I), re.compile(r"土日|土曜|日曜|休日|祝日|週末")),
    (re.compile(r"夜|夜中|深夜|夜間|night|evening", re.I), re.compile(r"夜間|夜")),
    (re.compile(r"年末年始|new year|year[- ]end", re.I), re.compile(r"年末年始")),
    (re.compile(r"早朝|24時間|24 hours|overnight", re.I), re.compile(r"早朝|24時間")),
    # (a season: a passage running all year, 年間を通して, runs in it too)
    (re.compile(r"冬|winter", re.I), re.compile(r"冬|通年|年間を通|一年中")),
    (re.compile(r"夏|summer", re.I), re.compile(r"夏|通年|年間を通|一年中")),
    (re.compile(r"昼休み|お昼|昼|lunch", re.I), re.compile(r"昼")),
)


def _states_the_asked_days(statement: re.Match, text: str, subject: tuple[str, ...], question: str) -> bool:
    """Whether ``text`` states every kind of day an open-days ``question`` asks about (any, for none named)."""
    return all(stated.search(text) for asked, stated in _DAYS_ASKED if asked.search(question))


def _places_something_else(statement: re.Match, text: str, subject: tuple[str, ...], question: str) -> bool:
    """Whether the place a passage names is where the question's subject is set up, not the place itself
    asked for (「仮庁舎ってどこ？」 of 「…を中央区役所仮庁舎に試験的に導入」); a place named by its own name
    (富丘西公園) answers only which one of its kind was asked (「どこの公園？」)."""
    if statement.group("named"):
        # (or which place, of any kind: 「自生植物の保全ってどこの場所？」)
        # (or where it is done, of a subject other than a place the passage names: 「場所は？」 of 清田区's nature
        # experiences at 「白旗山」, not 「白旗山の場所は？」)
        which = rf"(?:どこの|どの)(?:{re.escape(statement.group('named'))}|場所)"
        places = [named.group() for named in STATED_BY["location"].finditer(text) if named.group("named")]
        return re.search(which, question) is not None or (
            re.search(r"(?:場所|会場)(?:は|って)", question) is not None and not any(p in question for p in places))
    if statement.group("done_at"):
        # 「オンライン相談って区役所でやってる？」 of 区役所等において…実施: the very place asked, confirmed — not which
        # one (「どこの区役所で？」), nor another (「公民館で？」)
        asked = re.search(rf"({_PLACES})(?:で|に)", question)
        return asked is not None and asked.group(1) in statement.group("done_at") and \
            re.search(r"どこの|どの", question) is None
    return not covers(statement.group(), subject)


# Facts whose statement must also agree with the question (beside `SUBJECT_BOUND`), by a check of
# (the `STATED_BY` match, the passage, the question's subject, the question).
def _says_whom_it_is_for(statement: re.Match, text: str, subject: tuple[str, ...],
                         question: str) -> bool:
    """A passage that publishes something (公開) answers who may see or use it (「評価の結果って市民も見られる？」,
    「オープンデータって市民も使えるの？」), not who may take part in it; one naming a thing for parents and children
    (親子スキー教室) answers whom that thing is for (「スキー教室は子どもだけ？」), not the film festival beside it."""
    if statement.group() == "親子":
        return covers(text[statement.end():statement.end() + 12], subject, every=True)
    if statement.group("along"):
        # who does it with the city (住民とともに開設訓練を実施) answers whether they may take part (「住民も参加
        # できる？」), not whether others may (「子どもも参加できる？」)
        return statement.group("along") in question or statement.group("along").endswith("住民") and \
            _RESIDENTS.search(question) is not None
    if statement.group().endswith(("を中心と", "向け")):
        # whom it is mainly for (若者を中心とした…制度) answers who may join, not whether anyone may (「誰でもなれる？」)
        return _ANYONE.search(question) is None
    return statement.group() != "公開" or bool(_SEEING_OR_USING.search(question))


_RESIDENTS = re.compile(r"住民|区民|市民|住んで(?:る|いる)人|地域の人")
_ANYONE = re.compile(r"誰でも|だれでも|どなたでも|\b(?:anyone|anybody|everyone|everybody)\b", re.IGNORECASE)
_SEEING_OR_USING = re.compile(r"見(?:ら|れ)れ|見れる|見える|閲覧|読め|使え|利用でき|ダウンロード|"
                              r"\b(?:see|view|read|use|download)\b", re.I)


# someone asked to come (講師を呼べる？, 来てもらえる？, 頼める？): a passage sending them out (講師派遣) says so
_ASKS_SOMEONE_TO_COME = re.compile(r"呼べ|呼ん|来てもらえ|来てくれ|頼め")


def _applies_or_sends(statement: re.Match, text: str, subject: tuple[str, ...], question: str) -> bool:
    """A passage speaking of applying (申込, 申請, 受付) answers a procedure question; one sending someone out
    (派遣) answers only a question asking for someone to come — not how to apply for it."""
    if statement.group() != "派遣":
        return True
    applies = STATED_BY["procedure"].search(text.replace("派遣", ""))
    return bool(_ASKS_SOMEONE_TO_COME.search(question)) or applies is not None


def _hands_out_where_asked(statement: re.Match, text: str, subject: tuple[str, ...], question: str) -> bool:
    """A passage that hands something out (防災マップの配布) answers where it is handed out (「どこでもらえる？」)
    only when it also names a place (土日も交付…ができる施設) in the action that hands it out: 「真駒内駅から区役所
    周辺までの街路樹に…花を植栽する他、…コスモスの種の配布を行います」 names where flowers are planted."""
    if not _ASKS_WHERE.search(question):
        return True
    start = max((m.end() for m in _ANOTHER_ACTION.finditer(text, 0, statement.start())), default=0)
    ends = (m.start() for m in _ANOTHER_ACTION.finditer(text, statement.end()))
    return _A_PLACE.search(text, start, next(ends, len(text))) is not None


_ASKS_WHERE = re.compile(r"どこ|\bwhere\b", re.IGNORECASE)
_A_PLACE = re.compile(rf"{_PLACES}|窓口|店")
# Where a sentence goes on to another action (「…植栽する他、…配布を行います」), or a new sentence begins.
_ANOTHER_ACTION = re.compile(r"(?:他|ほか|とともに|併せて)、|。")


# the name of a brand or a nickname asked (「スイーツのブランドって何？」, 愛称は？, "what is the brand called")
_ASKS_A_BRAND = re.compile(r"ブランド|愛称|名称|\bbrand", re.IGNORECASE)


# which towns or cities (「どこの市と？」, "which cities")
_ASKS_TOWNS = re.compile(r"(?:どの|どこの)\s*(?:市|町|まち|自治体|市町村|都市)|\bwhich (?:cities|towns|municipalities)\b",
                         re.IGNORECASE)


# the product a question names to confirm (「市役所のAIってChatGPT？」, 「TikTokもある？」)
_CONFIRMED_NAME = re.compile(r"(?:って|は)\s*([A-Za-z][A-Za-z0-9.\- ]*?)\s*(?:なの|なん|ですか|かな)?\s*[?？]\s*$|"
                             r"^\s*([A-Za-z][A-Za-z0-9.\-]*)\s*(?:も|でも)|"
                             r"([A-Za-z][A-Za-z0-9.\-]*)\s*を?\s*(?:使う|使って|使用して)[^?？]*[?？]\s*$|"
                             r"([A-Za-z][A-Za-z0-9.\-]*)\s*(?:の)?\s*(?:公式)?\s*(?:チャンネル|アカウント)")


def _names_what_is_asked(statement: re.Match, text: str, subject: tuple[str, ...], question: str) -> bool:
    """A passage naming its brand (「KIYOTA SWEETS」を…ブランドとして) answers what the brand is called, not which
    company or shop takes part; one naming towns (小樽市と石狩市) answers which towns; one naming the product a
    question names to confirm (RPA of 「RPAも使ってる？」) answers whether it is that one."""
    if statement.group("latin"):
        asked = _CONFIRMED_NAME.search(unicodedata.normalize("NFKC", question))
        name = asked and next((group for group in asked.groups() if group), None)
        return bool(name) and name.casefold() == statement.group("latin").casefold()
    return bool((_ASKS_TOWNS if statement.group("town") else _ASKS_A_BRAND).search(question))


_AGREES = {"days": _states_the_asked_days, "location": _places_something_else,
           "eligibility": _says_whom_it_is_for, "procedure": _applies_or_sends,
           "handout": _hands_out_where_asked, "names": _names_what_is_asked}


def standing_veto(unanswerable_fact: str | None, passages: Iterable[str], subject: tuple[str, ...] = (),
                  question: str = "") -> str | None:
    """The fact type the plan never states that a question asks for (`Intent.unanswerable_fact`),
    unless one of the retrieved ``passages`` speaks of it (`STATED_BY`) — for a fact in
    `SUBJECT_BOUND`, a passage that also names at least half of the question's ``subject`` (all of a
    condition's or a payment means', and of a place's thing named in `_NAMED_THING` nouns or fewer; a payment or
    location question naming no subject, or in English, is refused)
    and, for a fact in `_AGREES`, agrees with the ``question`` (the days asked; a place other than the one asked)."""
    stated = STATED_BY.get(unanswerable_fact or "")
    if stated is None or (unanswerable_fact in NEEDS_SUBJECT and not subject):  # 支払い方法は？, "pay by card"
        return unanswerable_fact
    disagreed = False
    agrees = _AGREES.get(unanswerable_fact)
    wholly = unanswerable_fact in CLAUSED or unanswerable_fact == "location" and len(subject) <= _NAMED_THING
    for text in passages:
        statements = list(stated.finditer(text))
        if not statements:
            continue
        if agrees is not None and not any(agrees(found, text, subject, question) for found in statements):
            # 土日 stated, 祝日 asked; the place itself asked for, not what is set up there (any statement:
            # 「こども家庭センター」を全区役所に設置 sets the centre up at the ward offices)
            disagreed = True
            continue
        if unanswerable_fact not in SUBJECT_BOUND or covers(text, subject, every=wholly):
            return None
    if unanswerable_fact == "handout" and disagreed:
        return "location"  # handed out (防災マップの配布), not said where
    return unanswerable_fact


# A place asked of a thing named in this many nouns or fewer (介護認定事務 + センター) is answered only by a passage
# naming all of them: another passage's こども家庭センター set up at the ward offices is not it. A longer subject
# describes the asker's situation (窓口, 申請, 面倒, 機械, …), half of which a passage names.
_NAMED_THING = 2


_KANJI = re.compile(r"[\u3400-\u9fff々]+")
_KATAKANA = re.compile(r"[ァ-ヺー]+")
_HIRAGANA = re.compile(r"[ぁ-ゖー]+")
# a kanji thing and a verb's stem written after it, one noun in UniDic (塵捨て, 雪掻き, 草刈り)
_DONE_TO = re.compile(r"([\u3400-\u9fff々]+)[\u3400-\u9fff々][ぁ-ゖ]+")


# English glosses a noun's first sense and a passage word's must share to be the same thing (`covers`)
_SHARED_GLOSSES = 2


def covers(passage: str, subject: tuple[str, ...], every: bool = False) -> bool:
    """True when ``passage`` names at least half of the ``subject`` nouns (``every``: all of them, as a
    condition's 離婚 and 相談 — 相談 alone is named everywhere; none: True): by lemma; for a
    kanji noun also inside one of the passage's words (花 and 苗 in 花苗) or, two kanji or more, anywhere in
    its text (手当 in 児童手当) — a compound (生活保護: `topic_compounds`) written whole or every part named; a
    katakana compound not written whole by its head (マップ of ハザードマップ); for
    a katakana noun of three letters or more anywhere in its text (ネット in インターネット — shorter pieces of a
    word the tokenizer split, ログ + イン, by lemma only); by a word of the same Sudachi synonym group (転居
    for 引っ越し); or, for a kanji noun of two letters or more, by a kanji word of the same first sense in JMdict
    (企業 for 会社)."""
    if not subject:
        return True
    named = set(topic_nouns(passage))
    folded = fold(passage)
    groups: set[str] | None = None
    senses: dict[str, frozenset[str]] | None = None

    def found(noun: str) -> bool:
        nonlocal groups, senses
        if noun in named:
            return True
        if any(asked.fullmatch(noun) and stated.search(passage) for asked, stated in _DAYS_ASKED):
            # a kind of day or season by the passage's words for it: 「土日も手続きできる？」 of 休日開庁, 「冬も参加
            # できる？」 of a passage running 年間を通して
            return True
        if _KANJI.fullmatch(noun) and (any(noun in word for word in named) or (len(noun) > 1 and noun in folded)):
            return True
        if _KATAKANA.fullmatch(noun) and len(noun) >= 3 and noun in folded:  # ネット in インターネット
            return True
        if _HIRAGANA.fullmatch(noun) and len(noun) >= 3 and noun in folded:  # a name: ちえりあ
            return True
        if _KANJI.fullmatch(noun) and len(parts := topic_nouns(noun)) > 1:
            return all(map(found, parts))  # a compound (生活保護) not written whole: every part named
        if (done_to := _DONE_TO.fullmatch(noun)) and done_to.group(1) in named:
            # a noun made of a thing and what is done to it (塵捨て, 塵出し — ごみ捨て, ごみ出し): named by the thing
            return True
        if _KATAKANA.fullmatch(noun) and len(parts := topic_nouns(noun)) > 1:
            # a katakana compound not written whole is named by its head (マップ of ハザードマップ: 防災マップ;
            # センター of マイナカードセンター: マイナンバーカードセンター) — not by another part (カード)
            return found(parts[-1])
        if groups is None:
            groups = set(synonym_groups(passage))
        if groups.intersection(synonym_groups(noun)):  # a word of its synonym group (転居 for 引っ越し)
            return True
        if not (_KANJI.fullmatch(noun) and len(noun) > 1):
            return False
        # a kanji word whose first sense JMdict glosses as the noun's, in two glosses or more (企業 for 会社:
        # company, corporation — not 発展 for 開発, which share only "development")
        if senses is None:
            senses = first_senses(tuple(sorted(w for w in named if _KANJI.fullmatch(w) and len(w) > 1)))
        own = first_senses((noun,)).get(noun, frozenset())
        return any(len(own & glosses) >= _SHARED_GLOSSES for glosses in senses.values())

    # (a noun may name alternatives, 「オンライン|インターネット」: an English word's translations, `payment_means`)
    count = sum(any(map(found, noun.split("|"))) for noun in subject)
    return count == len(subject) if every else 2 * count >= len(subject)


def without_asked_fact(question: str, fact: str | None) -> str:
    """The question with the words asking for ``fact`` blanked out ("Will the city explain [which documents] I
    need when I move house?"): what is left names the subject — an English question's subject is read from
    the plan's words for it, which must not include the plan's words for the asked fact (文書, 書類)."""
    pattern = _NOT_IN_PLAN.get(fact or "")
    return pattern.sub(" ", question) if pattern is not None else question


# Facts the plan lacks that a second question may add to a first one (「どんな訓練してるの？近所の人も参加できる？」): the
# first is answered and the missing fact told after it (`asked_before`), not the whole message refused.
ASIDE_FACTS = ("condition", "eligibility")
_SENTENCE_END = re.compile(r"(?<=[。？?！!])")
_ASKS = re.compile(r"[？?]\s*$")


def asked_before(question: str, fact: str | None) -> str:
    """The question a message asks before the one asking for ``fact`` (one of `ASIDE_FACTS`), when the fact is
    asked only in the message's last sentence and what comes before it is a question of its own: 「西区の避難所って
    どんな訓練してるの？」 of 「…してるの？近所の人も参加できる？」; "" otherwise (one question, or the fact asked
    first)."""
    if fact not in ASIDE_FACTS:
        return ""
    sentences = [part for part in _SENTENCE_END.split(question.strip()) if part.strip()]
    if len(sentences) < 2:
        return ""
    before = "".join(sentences[:-1])
    if not _ASKS.search(before) or unanswerable_fact(before) is not None:
        return ""
    return before


def asking_sentence(question: str, fact: str | None) -> str:
    """The sentence of ``question`` that asks for ``fact``: 「区役所って休みの日も開いてる？」 of 「転入の手続きしたいけど
    平日は仕事で行けない。区役所って休みの日も開いてる？」 — what the fact is asked of, not the situation told
    before it, in a sentence of its own or in a clause ending 「…だけど、」 (「平日は仕事なんだけど、区役所って土日も
    開いてる？」); the whole question when one sentence asks it, or none does alone."""
    pattern = _NOT_IN_PLAN.get(fact or "")
    sentences = [part for part in _SENTENCE_END.split(question.strip()) if part.strip()]
    if pattern is None or not sentences:
        return question
    clauses = [part for part in _TOLD_FIRST.split(sentences[-1]) if part.strip()]
    told = len(clauses) > 1 and not _HEARSAY.search(clauses[-2]) and not _WISH.search(clauses[-1])
    last = clauses[-1] if told and pattern.search(clauses[-1]) else sentences[-1]
    if last == question.strip() or not pattern.search(last):
        return question
    return last


# A situation told in a clause before the question (「引っ越しで家具が出るんだけど、」, 「転入したんですが、」,
# 「平日は仕事なので、」)
# (not what one heard of, 「申請書を書かなくてよくなるって聞いたけど、」: the thing asked of; nor a wish the whole
# sentence makes, 「結婚するんだけど、どんな書類がいるのか…載せてほしい」)
_HEARSAY = re.compile(r"(?:聞いた|聞きました|聞いてる|らしい|みたい|そう)(?:ん|の)?(?:だ|です)?(?:けど|けれど|が|ので)$")
_WISH = re.compile(r"(?:ほしい|欲しい|ください|下さい|たい|お願い)(?:な|です|んだけど)?[。!！]?\s*$")
_TOLD_FIRST = re.compile(r"(?:(?<=けど)|(?<=けれど)|(?<=ですが)|(?<=ますが)|(?<=んだが)|(?<=ので))[、,]")


def unanswerable_fact(question: str) -> str | None:
    """The first fact type of `UNSTATED_FACTS` the question asks for (its grammar confirming it), or None
    (the hours of a place also by JMdict's words for them, `_names_hours`); a fact that `_YIELDS` to another
    the question also asks is that one."""
    found = next((name for name, pattern in _NOT_IN_PLAN.items()
                  if pattern.search(question) and _confirmed(name, question)), None)
    if found is None and _names_hours(question):  # 「市立病院の面会時間は？」
        found = "hours"
    if found is None and _names_fee(question):  # 「保育料の計算方法を知りたい」
        found = "fee"
    return next((other for other in _YIELDS.get(found, ()) if _NOT_IN_PLAN[other].search(question)), found)


# the hours a place keeps, as JMdict glosses a word (面会時間: "visiting or office hours", 閉店時間, 開店時間), not
# time spent (作業時間)
_HOURS_GLOSS = re.compile(r"\b(?:opening|visiting|office|business|closing|consultation|reception) hours\b|"
                          r"\bhours of (?:operation|business|service)\b")
_WORKING_HOURS = re.compile(r"\bwork(?:ing)? hours\b")  # (勤務時間: the staff's, which a plan may shorten)
_TIME_WORD = re.compile(r"[\u3400-\u9fff々]+時間")


def _names_hours(question: str) -> bool:
    """Whether the question names the hours a place keeps in a word of JMdict's (面会時間, 閉館時間; 病院面会時間
    read from each of its kanji on)."""
    return any(any(map(_HOURS_GLOSS.search, glosses)) and not any(map(_WORKING_HOURS.search, glosses))
               for glosses in _endings_senses(question, _TIME_WORD, 3))


# what a person pays, as JMdict glosses a word (保育料: "fee for day-care", 保険料: "insurance premium", 授業料), not
# what the city spends (人件費: "labor cost", 運営費: "operating expenses") nor 有料 ("fee-charging")
_FEE_GLOSS = re.compile(r"\b(?:fees?|charges?|premiums?|fares?|tuition|postage|rates)\b(?!-)")
_FEE_WORD = re.compile(r"[\u3400-\u9fff々]+[料費賃]")


def _names_fee(question: str) -> bool:
    """Whether the question names a fee in a word of JMdict's (保育料, 介護保険料 read from its 保険料)."""
    return any(any(map(_FEE_GLOSS.search, glosses)) for glosses in _endings_senses(question, _FEE_WORD, 2))


def _endings_senses(question: str, word: re.Pattern, shortest: int) -> list[frozenset[str]]:
    """JMdict's first-sense glosses of every ending, ``shortest`` characters or longer, of the question's
    kanji words that ``word`` finds (病院面会時間 read as 院面会時間, 面会時間, 会時間)."""
    words = tuple(run[start:] for run in word.findall(question) for start in range(len(run) - shortest + 1))
    return list(first_senses(words).values())


# Whether one may do something, asked of who does it (「若い人でもやっていいの？」), is who may take part: a passage
# that names whom it is for (「…誰でも体操」, あらゆる世代へ) answers it.
# Whether a thing is done online, asked with a condition (「キャンセルもネットでできる？」, 「税金の手続きはネットでも
# できる？」), is the condition: a passage on the very thing named answers it.
_YIELDS = {"permission": ("eligibility",), "online": ("condition",)}
