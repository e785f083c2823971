"""Personal data is masked before storage: phone numbers, e-mail addresses, 12-digit individual numbers."""

from __future__ import annotations

import pytest

from bot.staff.privacy import mask


@pytest.mark.parametrize(
    "text, expected",
    [
        ("電話は011-211-2111です", "電話は[電話番号]です"),
        ("携帯 090-1234-5678 に折り返して", "携帯 [電話番号] に折り返して"),
        ("０９０（１２３４）５６７８", "[電話番号]"),
        ("09012345678", "[電話番号]"),
        ("+81 90 1234 5678", "[電話番号]"),
        ("フリーダイヤル0120-123-456", "フリーダイヤル[電話番号]"),
        ("連絡は taro.yamada+ku@example.co.jp まで", "連絡は [メールアドレス] まで"),
        ("ＴＡＲＯ＠ｅｘａｍｐｌｅ．ｊｐ", "[メールアドレス]"),
        ("マイナンバーは123456789012です", "マイナンバーは[個人番号]です"),
        ("番号 1234 5678 9012 の再発行", "番号 [個人番号] の再発行"),
        ("1234-5678-9012", "[個人番号]"),
    ],
)
def test_personal_data_is_masked(text, expected):
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2027年までに50%にする目標は？",
        "令和4年12月1日から1000人",
        "住所は西区琴似1条1丁目1-1",
        "目標値 20,000千円",
        "平成31年4月1日",
        "12345678901234 件",  # 14 digits: not an individual number, not a phone number
        "消防検査オンライン化 所管",
    ],
)
def test_plan_numbers_and_addresses_are_kept(text):
    assert mask(text) == text
