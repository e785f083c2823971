"""Personal data masked before anything a citizen typed is stored: phone numbers, e-mail
addresses and 12-digit individual numbers (マイナンバー), in half- or full-width characters."""

from __future__ import annotations

import re

_DIGIT = "[0-9０-９]"
_SEP = "[-‐‑–—―−－ー 　()（）.．]"
EMAIL = "[メールアドレス]"
PHONE = "[電話番号]"
INDIVIDUAL_NUMBER = "[個人番号]"

_EMAIL = re.compile(r"[\w.+\-＋．]+[@＠][\w\-]+(?:[.．][\w\-]+)+")
# A 12-digit individual number, optionally written 4-4-4 with spaces or hyphens.
_INDIVIDUAL = re.compile(rf"(?<![0-9０-９]){_DIGIT}{{4}}{_SEP}?{_DIGIT}{{4}}{_SEP}?{_DIGIT}{{4}}(?![0-9０-９])")
# A run that starts like a Japanese phone number (0…, +81…) and holds 10 or 11 digits
# (fixed lines 0X-XXXX-XXXX, mobiles 090-XXXX-XXXX, 0120 free dials) once separators are dropped.
_PHONE_RUN = re.compile(rf"(?<![0-9０-９])(?:[+＋]\s?[8８][1１]{_SEP}?|[(（]?[0０]){_DIGIT}(?:{_SEP}{{0,2}}{_DIGIT})+")


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _phone(match: re.Match) -> str:
    run = match.group(0)
    international = run.lstrip("(（").startswith(("+", "＋"))
    count = _digits(run) - (2 if international else 0)
    return PHONE if 10 <= count <= 11 else run


def mask(text: str) -> str:
    """The text with e-mail addresses, individual numbers and phone numbers replaced by placeholders.

    Example:
        >>> mask("090-1234-5678 か taro@example.jp へ。番号は 1234 5678 9012")
        '[電話番号] か [メールアドレス] へ。番号は [個人番号]'
    """
    text = _EMAIL.sub(EMAIL, text)
    text = _INDIVIDUAL.sub(INDIVIDUAL_NUMBER, text)
    return _PHONE_RUN.sub(_phone, text)
