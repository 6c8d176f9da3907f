"""Codes that mix letters and digits (A4, iPhone6, COVID-19, 802.11n, MH17): kept as they are by a
translation, so their digits are compared as strings, not as quantities."""
from __future__ import annotations

import re

from mtqa.text.number_hints import ANY_DIGIT, DIGIT_RUN_RE, ascii_digits
from mtqa.text.numbers import SUFFIX_RE, common_word_before_hyphen

# Latin letters and digits only: "7月17日" is a date, not a code.
_CODE_RE = re.compile(r"(?<![\w])(?=[A-Za-z0-9-]*[A-Za-z])(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*(?![\w])")


def codes(text: str, lang: str = "en") -> list[tuple[int, int, str]]:
    """Tokens that mix letters and digits (A4, iPhone6, COVID-19, 802.11n): (start, end, token)."""
    out = []
    if not ANY_DIGIT.search(text):
        return out  # a code has a digit (the lookahead's \d); DIGITS are all digits
    norm = ascii_digits(text)
    for m in _CODE_RE.finditer(norm):
        tok = m.group(0)
        parts = re.split(r"[-.]", tok)
        mixed = any(re.search(r"\d", p) and re.search(r"[A-Za-z]", p) for p in parts)
        letters_then_digits = any(not re.search(r"\d", a) and b.isdigit() for a, b in zip(parts, parts[1:]))
        if not (mixed or letters_then_digits):
            continue  # 100-run, 24-year-old: a quantity in a compound, not a code
        if not mixed and common_word_before_hyphen(parts[0], lang):
            continue  # post-9/11, hole-30: a word and a number, not a code
        if mixed and len(parts) == 1 and tok[0].isdigit() and SUFFIX_RE.fullmatch(tok.lstrip("0123456789")):
            continue  # 5km, 21st: a quantity with its unit
        out.append((m.start(), m.end(), tok))
    return out


def digit_runs(text: str) -> set[str]:
    """Every run of digits in the text (any script), for matching the digits of codes."""
    return set(DIGIT_RUN_RE.findall(ascii_digits(text)))
