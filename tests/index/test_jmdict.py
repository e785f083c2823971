"""JMdict glosses among the plan's words: a tiny database in JMdict's schema, and the real one."""

import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest

from index.crosslingual import expand_english
from index.jmdict import Glosses, _key, _stem_key, database_path


@pytest.fixture
def dictionary(tmp_path):
    path = tmp_path / "jmdict.db"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE Kanji (ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT);
        CREATE TABLE Kana (ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT, nokanji BOOLEAN);
        CREATE TABLE Sense (ID INTEGER PRIMARY KEY, idseq INTEGER);
        CREATE TABLE SenseGloss (sid INTEGER, lang TEXT, gend TEXT, text TEXT);
    """)
    entries = {
        1: ("介護者", "かいごしゃ", ["caregiver", "carer"]),
        2: ("窓口", "まどぐち", ["point of contact", "(ticket) window"]),
        3: ("支援", "しえん", ["support", "backing"]),
        4: ("協賛", "きょうさん", ["support", "sponsorship"]),
        5: ("後押し", "あとおし", ["support"]),
        6: ("応援", "おうえん", ["support"]),
        7: ("身重", "みおも", ["pregnant"]),  # not a word of the plan
        8: (None, "スタートアップ", ["startup"]),
        9: ("内", "うち", ["we", "our"]),
        10: ("鈴蘭", "すずらん", ["lily of the valley (Convallaria majalis)"]),
        11: ("説明", "せつめい", ["an explanation of what it is and why it is done this way"]),
        12: ("評価", "ひょうか", ["evaluation", "assessment"]),
        13: ("施設", "しせつ", ["facility", "institution"]),
        14: ("容易", "ようい", ["facile"]),
        15: ("人家", "じんか", ["house"]),
        16: ("住居", "じゅうきょ", ["house", "dwelling"]),
        17: ("家屋", "かおく", ["house"]),
        18: ("住まい", "すまい", ["house"]),
        19: ("住宅", "じゅうたく", ["housing"]),
        20: ("集約化", "しゅうやくか", ["centralization"]),
        21: ("近所", "きんじょ", ["neighbourhood"]),
        22: ("企業", "きぎょう", ["company", "enterprise"]),
        23: ("警察", "けいさつ", ["police"]),
        24: ("方針", "ほうしん", ["policy"]),
        25: ("設備", "せつび", ["facilities"]),  # a plural gloss, beside 施設's "facility"
        26: (None, "センター", ["center"]),
        27: ("中心", "ちゅうしん", ["center", "core"]),
        28: ("中央", "ちゅうおう", ["center", "central"]),
        29: ("中枢", "ちゅうすう", ["center", "hub"]),
    }
    for idseq, (kanji, kana, glosses) in entries.items():
        if kanji:
            db.execute("INSERT INTO Kanji (idseq, text) VALUES (?, ?)", (idseq, kanji))
        db.execute("INSERT INTO Kana (idseq, text, nokanji) VALUES (?, ?, ?)", (idseq, kana, kanji is None))
        sense = db.execute("INSERT INTO Sense (idseq) VALUES (?)", (idseq,)).lastrowid
        for gloss in glosses:
            db.execute("INSERT INTO SenseGloss (sid, lang, text) VALUES (?, 'eng', ?)", (sense, gloss))
    db.commit()
    db.close()
    return path


PLAN_WORDS = ["介護者", "窓口", "支援", "協賛", "後押し", "応援", "スタートアップ", "内", "かいごしゃ", "鈴蘭", "説明",
              "評価", "施設", "容易", "人家", "住居", "家屋", "住まい", "住宅", "集約化", "近所", "企業", "警察", "方針", "設備"]


def test_only_the_plans_words_specific_glosses_are_kept(dictionary):
    glosses = Glosses.build(PLAN_WORDS, dictionary)
    assert glosses.terms("Are there groups for family caregivers?") == ["介護者"]  # plural folded
    assert glosses.terms("a single point of contact for a startup") == ["窓口", "スタートアップ"]
    assert glosses.terms("Is there support for us?") == []  # four plan words: too vague to search with
    assert glosses.terms("We are pregnant") == []  # 身重 is not the plan's word; "we" is a stop word


def test_a_vague_word_is_searched_as_its_loanword_when_that_is_the_plans_own_word_for_it(dictionary):
    """"center" translates four of the plan's words, too many to search with; センター is the one the plan
    writes most, on its own (行政事務センター), so "the administrative center" is searched as it. Where 中心
    is written more, or センター only inside the plan's title, it is not."""
    words = [*PLAN_WORDS, "センター", "中心", "中央", "中枢"]
    assert Glosses.build(words, dictionary).terms("the administrative center") == []
    centres = ["札幌市行政事務センターの運営", "介護認定事務センターへ集約", "地域の中心となる"]
    glosses = Glosses.build(words, dictionary, texts=centres)
    assert glosses.loanable == {"center"}
    assert glosses.loanwords("What is the 2027 goal of the administrative center?") == ["センター"]
    middle = ["行政事務センター", "地域の中心となる", "中心市街地"]
    assert Glosses.build(words, dictionary, texts=middle).loanwords("the administrative center") == []
    assert Glosses.build(words, dictionary, texts=centres, document_title="センター計画").loanable == set()


def test_a_word_no_gloss_spells_alike_is_looked_up_by_its_stem(dictionary):
    """"evaluate" meets the gloss "evaluation" by their stem; "facility" meets its own gloss, and its stem
    (facil, shared with "facile") is not asked when the word itself already found one, nor is that of a
    gloss too vague to search with (house, hous: housing)."""
    glosses = Glosses.build(PLAN_WORDS, dictionary)
    assert glosses.terms("Does the city evaluate its projects?") == ["評価"]
    assert glosses.terms("a city facility") == ["施設"]
    assert glosses.terms("a facile answer") == ["容易"]
    assert glosses.terms("when I move house") == []  # four plan words: too vague, and not "housing" either


def test_a_plural_in_ies_is_looked_up_as_its_singular(dictionary):
    """"companies" meets the gloss "company" (cut to "compan" it met nothing), "policies" the gloss "policy" —
    not police's 警察, whose stem "polic" the cut plural shared; a gloss written in the plural is not merged into its
    singular's (no singular's translations grow vaguer), and the singular's are asked first."""
    glosses = Glosses.build(PLAN_WORDS, dictionary)
    assert glosses.terms("Does the city work with private companies?") == ["企業"]
    assert glosses.terms("What are the city's policies?") == ["方針"]
    assert glosses.terms("new facilities") == ["施設"]
    assert glosses.terms("a facility") == ["施設"]


def test_british_and_american_spellings_meet_whichever_the_gloss_uses(dictionary):
    """JMdict glosses 集約化 "centralization" and 近所 "neighbourhood": a question in the other spelling still
    finds them; short words keep their -our (hour, tour)."""
    glosses = Glosses.build(PLAN_WORDS, dictionary)
    assert glosses.terms("Will the city centralise payroll?") == ["集約化"]
    assert glosses.terms("centralisation of back-office work") == ["集約化"]
    assert glosses.terms("in my neighborhood") == ["近所"]
    assert _key("an hour tour of the centre", american=True) == ("an", "hour", "tour", "of", "the", "center")


def test_a_verb_no_gloss_spells_is_looked_up_as_its_noun_in_ation():
    """JMdict glosses a する noun as a noun (標準化: "standardization"), and the verb's stem is shared by too many
    glosses to search with (standard: 標準, 基準, …): "standardized", "standardising" are looked up as the
    noun; a word with a gloss of its own keeps it, and a short one (state, dated) makes no noun."""
    glosses = Glosses({_key("standardization"): ("標準化",), _key("creation"): ("創出",), _key("create"): ("作る",),
                       _key("station"): ("駅",)})
    assert glosses.terms("Will the system be standardized?") == ["標準化"]
    assert glosses.terms("Is the city standardising its systems?") == ["標準化"]
    assert glosses.terms("create jobs") == ["作る"]
    assert glosses.terms("the state of things") == []

def test_a_gloss_of_a_few_words_and_their_stop_words_is_a_phrase_a_long_explanation_is_not(dictionary):
    """"lily of the valley" is two words and two stop words: searched as 鈴蘭; a gloss explaining in six words
    or more is no phrase anyone writes."""
    glosses = Glosses.build(PLAN_WORDS, dictionary)
    assert glosses.terms("Where can I see lily of the valley flowers?") == ["鈴蘭"]
    assert glosses.terms("the valley of lilies") == []
    assert glosses.terms("an explanation of what it is and why it is done this way") == []


def test_english_expansion_adds_dictionary_terms_after_the_bundled_glossary(dictionary):
    glosses = Glosses.build(PLAN_WORDS, dictionary)
    expanded = expand_english("Bulky garbage help for caregivers", glosses)
    assert expanded == "Bulky garbage help for caregivers 大型ごみ 介護者"
    assert expand_english("Bulky garbage help for caregivers") == "Bulky garbage help for caregivers 大型ごみ"


@pytest.mark.parametrize(("question", "term"), [
    ("What does Kiyota ward do for kids?", "子ども"),  # JMdict translates child, not kid
    ("Is there anything for a mum with a baby?", "子育て"),
    ("My grandma can't use her phone. Is there help?", "高齢者"),
    ("Classes for older people?", "高齢者"),
    ("My father died. What do I do at the ward office?", "おくやみ"),  # the bereaved's counter
    ("I lost my husband and have a lot of paperwork", "おくやみ"),
    ("My mother is bad with computers", "不慣れ"),  # the plan's デジタル活用に不慣れな高齢者
    ("Is there one place that helps with everything?", "一元的"),  # 相談を一元的に受け止め
    ("I have an old sofa to throw away", "大型ごみ"),  # furniture is bulky garbage
    ("Is there a counter for families after someone dies?", "おくやみ"),  # a death in the family
    ("Does the city pay contractors based on results?", "成果連動"),  # the plan's 成果連動型 contracts
    ("Will all cities in Japan share the same IT systems?", "標準化"),  # システム標準化
    ("Is the city rethinking how its offices work from scratch?", "抜本的"),  # 抜本的な業務改善（BPR）
    ("Does Sapporo make policy based on evidence, not gut feeling?", "エピソード"),  # EBPM's エピソード
    ("Is the city doing anything about the long lines at the ward office?", "待ち時間"),  # a queue, waited in
    ("Is the ward office open on weekends in the busy season?", "繁忙期"),
    ("Which department handles the public-private partnership desk?", "窓口"),  # a desk one goes to
    ("Is there an information desk at the ward office?", "総合案内"),
    ("What grades can join the children's assembly?", "子ども議会"),
    ("Are there computer classes for seniors?", "講習会"),  # the plan's 講習会 for older people
    ("Where can kids watch wildlife along a river in Kiyota?", "生物"),  # 生物やみどりなど地域の「自然」
    ("Are skunk cabbages protected in Teine?", "ミズバショウ"),  # 星置緑地のミズバショウ
    ("Will I be able to get a residence certificate on my phone?", "住民票"),
    ("Are the counters open on weekends during the moving season?", "繁忙期"),
    ("Does the city hire specialists?", "登用"),  # 外部人材の登用 ("hire" glossed 雇用, 抱える)
    ("Does Sapporo work with other towns in Hokkaido?", "道内"),  # the plan's 道内市町村
    ("I just had a baby. Who can I talk to?", "相談"),
])
def test_everyday_words_for_the_people_the_plan_names_are_translated_as_its_own(question, term):
    """The bundled glossary's everyday English for the people the plan names (kids, a baby, grandma, older
    people), which JMdict's glosses miss: "What does Kiyota ward do for kids?" found the ward's events."""
    assert term in expand_english(question).split()


def test_the_frame_of_a_question_about_what_will_happen_is_not_translated():
    """"Is the city planning to …" asks whether something will happen: planning is no topic (企画), payroll is."""
    glosses = Glosses({_key("planning"): ("企画",), _key("payroll"): ("給与",), _key("trying"): ("試行",)})
    planned = expand_english("Is the city planning to merge payroll work?", glosses)
    assert "給与" in planned and "企画" not in planned
    tried = expand_english("Are they trying to cut payroll?", glosses)
    assert "給与" in tried and "試行" not in tried
    assert expand_english("Who does the city's planning?", glosses).endswith("planning? 企画")


def test_without_the_dictionary_package_english_falls_back_to_the_glossary(monkeypatch, caplog):
    monkeypatch.setattr("index.jmdict.database_path", lambda: None)
    assert Glosses.build(PLAN_WORDS).terms("caregivers") == []
    assert "jamdict-data is not installed" in caplog.text


def test_the_installed_jmdict_translates_a_citizens_english_into_the_plans_words():
    assert database_path() is not None, "jamdict-data is a dependency"
    glosses = Glosses.build(["認知症", "介護者", "平日", "図書館", "窓口"])
    assert glosses.terms("support for family caregivers of dementia patients") == ["介護者", "認知症"]
    assert "平日" in glosses.terms("on weekdays")


def test_stems_are_the_same_from_many_threads_at_once():
    """The server answers English questions on several threads; a stemmer shared between them read one
    thread's word while another wrote its own (IndexError, HTTP 500 under load)."""
    words = tuple(f"{stem}{ending}" for stem in ("evaluat", "consult", "facilit", "organis", "particip")
                  for ending in ("e", "es", "ion", "ions", "ing", "ed", "y", "ies", "ional", "ively"))
    expected = [_stem_key((word,)) for word in words] * 40
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda word: _stem_key((word,)), words * 40))
    assert got == expected


@pytest.mark.skipif(database_path() is None, reason="jamdict-data is not installed")
def test_headwords_are_words_and_names_of_places_and_things_not_of_people():
    """What a kanji typo is never read into: 何人 and 市立 are words, 定山渓 a place, 札幌駅 a station; 助生 and 保善
    are only given names (nearly any two kanji are someone's), 評化 nothing."""
    from index.jmdict import headwords

    assert headwords(["何人", "市立", "定山渓", "札幌駅", "助生", "保善", "評化"]) == {"何人", "市立", "定山渓", "札幌駅"}
    assert headwords([]) == frozenset()
    with ThreadPoolExecutor(4) as pool:  # one connection per thread
        assert set(pool.map(lambda _: headwords(["市立"]), range(8))) == {frozenset({"市立"})}



@pytest.mark.skipif(database_path() is None, reason="jamdict-data is not installed")
def test_particles_are_the_kana_jmdict_reads_as_a_particle():
    """とか and のに are particles (とか also spells 都下, a noun); はな (花, 鼻) and はの are not."""
    from index.jmdict import particles

    assert particles(["とか", "のに", "はな", "はの"]) == {"とか", "のに"}
    assert particles([]) == frozenset()


def test_what_an_english_figure_question_counts_is_read_in_the_plans_words():
    """The words after "how many" or "number of", cut at a stop word, each part's translations as
    alternatives; none for a count of anyone or of time (the row's unit answers those), nor for a word without
    a plan word."""
    from index.crosslingual import measured_terms

    glosses = Glosses({_key("inquiry"): ("問合せ", "照会"), _key("complaint"): ("苦情",)})
    assert measured_terms("Is the number of inquiries to the call center going down?", glosses) == ("問合せ|照会",)
    assert measured_terms("How many complaints does the city get a year?", glosses) == ("苦情",)
    assert measured_terms("How many online applications were there?", glosses) == (
        "オンライン|インターネット", "申込|申請")
    for question in ("How many people used it?", "How many staff have taken the training?",
                     "How many hours will RPA save?", "How many snowplows are there?", "What is the target?"):
        assert measured_terms(question, glosses) == (), question


def test_an_english_payment_questions_means_is_what_it_pays_and_by_what_in_the_plans_words():
    """Each part of the means with its translations as alternatives, a phrase translated whole (bank transfer:
    口座振替, not its words one by one); a word with no plan word for it (credit) leaves no means at all, as does
    a question naming none; what is paid must translate too; a verb (set up) is no means."""
    from index.crosslingual import payment_means, phrase_terms

    assert phrase_terms("bank transfer online") == ("口座振替", "オンライン|インターネット")
    assert phrase_terms("a credit card") is None
    glosses = Glosses({_key("card"): ("カード",), _key("city tax"): ("市税",)})
    assert phrase_terms("a credit card", glosses) is None  # card alone found; credit is no part of カード
    assert payment_means("Can I pay my city tax by bank transfer online?", glosses) == (
        "市税", "口座振替", "オンライン|インターネット")
    assert payment_means("Can I pay my city tax with a credit card?", glosses) == ()
    assert payment_means("Can I pay my parking fine by bank transfer?", glosses) == ()  # no plan word for it
    assert payment_means("What payment methods are there?", glosses) == ()
    # a verb among the means (set up: 立てる, 置く) is what is done, no means
    verbs = Glosses({_key("city tax"): ("市税",), _key("set up"): ("立てる", "置く")})
    assert payment_means("Will I be able to pay city tax by bank transfer set up online?", verbs) == (
        "市税", "口座振替", "オンライン|インターネット")


@pytest.mark.parametrize(("question", "term"), [
    ("Which department handles the city's promotion?", "プロモーション"),  # JMdict's gloss of it was not found
    ("What kind of city hall does Sapporo want to be?", "目指す姿"),  # the plan's heading for what it aims to be
])
def test_the_plans_own_headings_asked_in_english_are_translated_as_written(question, term):
    assert term in expand_english(question).split()
