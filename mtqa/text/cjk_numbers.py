"""Chinese and Japanese numerals: `三十五`, `两百五十万`, `数十`, mixed with digits (`3万` is read by
mtqa.text.numbers as a digit string with a magnitude; `１２万` arrives with ASCII digits).

Myriad grouping: 十/百/千 multiply within a group of four digits, 万 (10^4), 亿/億 (10^8) and 兆
close a group, so `两百五十万` = 250 x 10^4 = 2,500,000 and `一千二百万` = 12,000,000. A numeral
leading with 数/几/何 is vague (`数十年` = decades, `数千亿` = hundreds of billions).

A numeral is demanded from the translation (strict) only when a counter or unit follows it:
一 and 十 also write words that are not counts (一起 "together", 十分 "very", 一定 "certainly"),
and so does any numeral of value 1 or 2 (一个 is also "a").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mtqa.text.number_words import number_words

# Counters and units after a numeral that make it a count (十分 "very" is not one).
_COUNTERS = set("年月日号時时秒个個人名位次岁歳元円美件家天周週倍台部本枚匹头頭座场場条條项項所架艘辆輛公里米吨噸点點%％颗顆亿億万萬")
_TWO_CHAR_COUNTERS = ("分钟", "分鐘", "小时", "小時", "公斤", "公顷", "平方", "多万", "多个", "多人", "多年", "余人", "余年")
_VAGUE_LEAD = "数几何"
_HALF_AFTER_COUNTER = re.compile(r".?半")  # 年半, 个半


@dataclass(frozen=True, slots=True)
class Numeral:
    start: int
    end: int
    value: float
    approx: float | None   # order of a vague numeral
    strict: bool
    half: bool = False     # followed by counter + 半: the value may be read N.5


def _value(body: str, table: dict[str, tuple[float, str]]) -> float:
    total = section = 0.0
    num = None
    for ch in body:
        if ch.isdigit():
            num = (num or 0) * 10 + int(ch)
            continue
        v, k = table.get(ch, (None, None))
        if k == "digit":
            num = v
        elif k == "unit":
            section += (num if num is not None else 1) * v
            num = None
        elif k == "magnitude":
            section += num or 0
            total += (section or 1) * v
            section, num = 0.0, None
    return total + section + (num or 0)


@functools.lru_cache(maxsize=None)
def _numeral_re(lang: str) -> re.Pattern:
    """A run of the language's numeral characters and digits (built once, not per call)."""
    chars = "".join(number_words(lang).table) + "0123456789"
    return re.compile(f"[{re.escape(chars)}]+")


def cjk_numerals(text: str, lang: str, taken) -> list[Numeral]:
    """Numerals of `text` (digits already ASCII) not starting inside a span `taken(pos)` says is taken."""
    table = number_words(lang).table
    out = []
    for m in _numeral_re(lang).finditer(text):
        start, end = m.start(), m.end()
        s = m.group(0)
        if taken(start) or s.isdigit():
            continue
        approx = s[0] in _VAGUE_LEAD
        body = s[1:] if approx else s
        if not body:
            continue
        value = _value(body, table)
        counted = text[end:end + 1] in _COUNTERS if end < len(text) else False
        counted = counted or text.startswith(_TWO_CHAR_COUNTERS, end)
        if approx:
            order = 10 ** (len(str(int(value))) - 1) if value >= 10 else 10
            out.append(Numeral(start, end, value, float(order), counted))
        else:
            # N + counter + 半 is N and a half (两年半 "two and a half years", 三个半小时).
            half = counted and _HALF_AFTER_COUNTER.match(text, end) is not None
            out.append(Numeral(start, end, value, None, counted and value > 2, half=half))
    return out
