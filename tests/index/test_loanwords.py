"""English loanwords the plan writes in katakana, spelled by e2k's character model (offline, ~1 ms a word)."""

from index.crosslingual import expand_english
from index.jmdict import Glosses
from index.loanwords import katakana_spelling, loanwords


def test_an_english_word_is_spelled_in_katakana():
    assert katakana_spelling("nudge") == "ナッジ"
    assert katakana_spelling("chatbot") == "チャットボット"


def test_only_words_the_plan_writes_are_kept():
    assert loanwords("What does 'nudge' mean?", {"ナッジ", "チャットボット"}) == ["ナッジ"]
    assert loanwords("What is a chatbot?", {"ナッジ"}) == []
    assert loanwords("What is a nudge?", set()) == []


def test_two_words_written_as_one_compound_are_found_as_it():
    assert loanwords("What are naming rights?", {"ネーミングライツ", "ネーミング"}) == ["ネーミングライツ"]


def test_a_word_with_a_native_translation_is_not_spelled():
    """city is 市 in the plan, not シティー; plan is 計画, not プラン."""
    assert loanwords("the city plan", {"シティー", "プラン"}, translated={"city", "plan"}) == []


def test_loanwords_count_only_for_words_no_dictionary_translates():
    glosses = Glosses({("caregiver",): ("介護者",)}, katakana=frozenset({"ナッジ", "シティー", "ワード"}),
                      glossed=frozenset({"caregiver", "city"}))
    assert glosses.loanwords("Is there a nudge for caregivers in the city?") == ["ナッジ"]
    expanded = expand_english("Is there a nudge in my ward?", glosses)  # the bundled glossary's ward -> 区
    assert "ナッジ" in expanded and "ワード" not in expanded
