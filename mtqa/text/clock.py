"""Clock times in the 11 source languages and English: where they are and which hours they can mean.

A time is a number that no digit comparison can check alone: `15 h 30`, `um 7.15 Uhr`,
`午後3時`, `下午3点半`, `3:30 p.m.` and `1530 GMT` are one moment written five ways. Each time
found here is read to (hour, minute, meridiem); `readings()` turns it into every value a
translation may legitimately write (the 24-hour and the 12-hour clock, and the bare hour when
there are no minutes, so `3 p.m.` agrees with `15 Uhr` and with `three o'clock`).

Spans of `a.m.`/`p.m.` are part of the time, so the `a` of `a.m.` is never read as an article
and its full stop never ends a sentence for the number parser. Input must already have its
digits mapped to ASCII (mtqa.text.numbers does that, preserving offsets).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from mtqa.text.number_hints import digit_run_spans, keyword_text

# The meridiem written after a time, with or without full stops (a.m., am, p. m., pm). The
# lookahead keeps `amid` and `pmx` out.
_MERIDIEM = r"(?:\s?(?P<mer>[ap])(?:\.\s?m\.|\s?m\b))"
_HOUR = r"(?P<h>[01]?\d|2[0-4])"
_MIN = r"(?P<m>[0-5]\d)"

# Words that make `7.15` or `7` a time in each language: o'clock / hours (Uhr, heures, horas,
# ore, hod., godz., час, बजे) after the number, or the word for hour before it (godz. 7.15).
_HOUR_WORDS_AFTER = r"(?:Uhr|h|hrs?|hours|heures?|horas?|ore|hod(?:in)?\.?|godz(?:iny|\.)?|час(?:а|ов)?|ч\.?|बजे)"
_HOUR_WORDS_BEFORE = r"(?:godz\.?|godzinie|hod\.?|ore|alle|las|às|um|à)"

_LATIN_TIMES = [
    # 15:30, 3:30 p.m.; a colon between an hour and minutes is a time in every language.
    re.compile(rf"(?<![\d.,:]){_HOUR}:{_MIN}(?![\d:]){_MERIDIEM}?", re.I),
    # 15 h 30, 15h30, 15 h: the French, Italian and Spanish written forms (h for heure/hora).
    re.compile(rf"(?<![\d.,:]){_HOUR}\s?h(?:\s?{_MIN})?(?![\w\d])", re.I),
    # 3 p.m., 7.15am, 11 a.m.
    re.compile(rf"(?<![\d.,:]){_HOUR}(?:[.:]{_MIN})?{_MERIDIEM}(?![\w])", re.I),
    # 7.15 Uhr, 7 Uhr, 7 Uhr 15, 19.30 horas, 15 hod.: a number before a word for o'clock.
    re.compile(rf"(?<![\d.,:]){_HOUR}(?:[.:]{_MIN})?\s?{_HOUR_WORDS_AFTER}(?:\s(?P<m2>[0-5]\d)(?![\d.,]))?(?![\w])"),
    # um 7.15, godz. 7.15, alle 7.15: a dotted time after the preposition or word for hour.
    re.compile(rf"(?<![\w]){_HOUR_WORDS_BEFORE}\s{_HOUR}[.]{_MIN}(?![\d.,])", re.I),
    # 1530 GMT, 0800 hrs: the military / wire clock, only before a time zone or `hours`.
    re.compile(r"(?<![\d.,:])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s?(?:GMT|UTC|Z|CET|EST|hrs|hours|h)(?![\w])"),
]

# CJK: an optional period of day, an hour in digits or numerals, 時/时/点/點, then minutes
# (N分), half (半) or nothing. 時間/时间 is a duration ("3 hours"), not a time.
_CJK_NUM = r"[0-9〇零一二两兩三四五六七八九十]{1,3}"
_CJK_PERIOD = {"午前": "a", "上午": "a", "早上": "a", "早晨": "a", "凌晨": "a", "朝": "a",
               "午後": "p", "下午": "p", "晚上": "p", "傍晚": "p", "夜": "p", "夕方": "p", "中午": None}
_CJK_TIME = re.compile(rf"(?P<per>{'|'.join(_CJK_PERIOD)})?\s?(?P<h>{_CJK_NUM})\s?[時时点點](?![间間])"
                       rf"(?:(?P<m>{_CJK_NUM})分|(?P<half>半))?")
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}


# English clock phrases in words: half past three, a quarter to four, three o'clock, noon.
_EN_HOURS = {w: i + 1 for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split())}
_EN_PAST = {"half": 30, "quarter": 15, "twenty-five": 25, "twenty": 20, "ten": 10, "five": 5}
_EN_WORD_TIME = re.compile(
    rf"(?<!\w)(?:(?:a\s)?(?P<q>{'|'.join(_EN_PAST)})\s(?P<dir>past|to)\s(?P<h>{'|'.join(_EN_HOURS)}|\d{{1,2}})"
    rf"|(?P<h2>{'|'.join(_EN_HOURS)}|\d{{1,2}})\so['’]clock|(?P<noon>noon|midday|midnight))(?!\w)", re.I)


# Words one of which each branch of _EN_WORD_TIME needs (a quarter past / to, o'clock, noon,
# midday, midnight): a sentence with none of them is not searched (`_may_have_word_time`).
_EN_PAST_WORDS = ("half", "quarter", "twenty", "ten", "five")  # twenty-five holds "five"


def _may_have_word_time(text: str) -> bool:
    low = keyword_text(text)
    # Plain tests in place of any() over generators: this runs on every English sentence.
    if "clock" in low or "noon" in low or "mid" in low:
        return True
    if "to" not in low and "past" not in low:
        return False
    for w in _EN_PAST_WORDS:
        if w in low:
            return True
    return False


# All Latin patterns but the fifth (um 7.15) begin with (?<![\d.,:]) and the hour's first digit:
# they can match only where a run of digits starts with no . , : before it. Trying those few
# positions finds what finditer finds, without a lookbehind at every position of the text.
# The hour has one or two digits and the first four patterns need a non-digit after it (`:`,
# `h`, `.`, a space, a meridiem or a word): they can start only a run of one or two digits. The
# last (1530 GMT) needs hour and minutes, two digits each, then a space or letter: a run of four.
# None: the fifth pattern, searched in full.
_AT_HOUR = ("short", "short", "short", "short", None, "four")


def _dotted_time_hint(text: str, runs: list[tuple[int, int]]) -> bool:
    """What the fifth pattern needs (a digit, a full stop, [0-5] and a digit), read from the
    digit runs (maximal: the stop ends one run, the minutes begin the next)."""
    for (_, end), (start, stop) in zip(runs, runs[1:]):
        if start == end + 1 and text[end] == "." and stop - start >= 2 and text[start] in "012345":
            return True
    return False


def _hour_starts(text: str, runs: list[tuple[int, int]]) -> dict[str, list[int]]:
    """Where each kind of Latin pattern may match (see _AT_HOUR): the starts of digit runs
    (`runs`, from digit_run_spans) of one or two digits ("short") and of four ("four")."""
    short, four = [], []
    for start, end in runs:
        if start and text[start - 1] in ".,:":
            continue
        size = end - start
        if size <= 2:
            short.append(start)
        elif size == 4:
            four.append(start)
    return {"short": short, "four": four}


def _matches_at(rx: re.Pattern, text: str, starts: list[int]):
    """What rx.finditer(text) yields when every match of rx starts at one of `starts` (ascending):
    the first match at or after the end of the previous one."""
    pos = 0
    for start in starts:
        if start >= pos:
            m = rx.match(text, start)
            if m:
                yield m
                pos = m.end()


@dataclass(frozen=True, slots=True)
class ClockTime:
    start: int
    end: int
    hour: int
    minute: int | None
    meridiem: str | None   # "a", "p" or None
    words: bool = False    # read from CJK numerals: a weaker parse than digits


def _cjk_small(s: str) -> int | None:
    """Value of a CJK numeral or digit string up to 99 (十五, 三十, 二十三, 3)."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = _CJK_DIGITS.get(head, None) if head else 1
        ones = _CJK_DIGITS.get(tail, None) if tail else 0
        return None if tens is None or ones is None else tens * 10 + ones
    if len(s) == 1:
        return _CJK_DIGITS.get(s)
    return None


def clock_times(text: str, lang: str, runs: list[tuple[int, int]] | None = None) -> list[ClockTime]:
    """Every time of `text` (digits already ASCII), longest match first where two overlap.
    `runs`: digit_run_spans(text), when the caller knows them."""
    out: list[ClockTime] = []
    taken: list[tuple[int, int]] = []

    def add(t: ClockTime) -> None:
        if any(s < t.end and t.start < e for s, e in taken):
            return
        out.append(t)
        taken.append((t.start, t.end))

    if lang in ("zh", "ja"):
        for m in _CJK_TIME.finditer(text):
            h = _cjk_small(m.group("h"))
            mi = 30 if m.group("half") else (_cjk_small(m.group("m")) if m.group("m") else None)
            if h is None or h > 24 or (mi is not None and mi > 59):
                continue
            per = m.group("per")
            words = not m.group("h").isdigit()
            if words and not per and mi is None:
                continue  # 一点 "a little", 一时 "a moment", 三点 "three points": idioms and counts
            # A bare `3点` is as often "three points" as three o'clock; its readings include
            # plain 3, so either rendering agrees.
            add(ClockTime(m.start(), m.end(), h, mi, _CJK_PERIOD.get(per) if per else None,
                          words=words))
    if lang == "en" and _may_have_word_time(text):
        for m in _EN_WORD_TIME.finditer(text):
            if m.group("noon"):
                h, mi = (0 if m.group("noon").lower() == "midnight" else 12), None
            else:
                word = (m.group("h") or m.group("h2")).lower()
                h = int(word) if word.isdigit() else _EN_HOURS[word]
                mi = None
                if m.group("q"):
                    mi = _EN_PAST[m.group("q").lower()]
                    if m.group("dir").lower() == "to":
                        h, mi = (h - 1) % 24, 60 - mi
            if h <= 24:
                add(ClockTime(m.start(), m.end(), h, mi, None, words=True))
    # Every Latin pattern needs a digit; two sentences in three have none.
    if runs is None:
        runs = digit_run_spans(text)
    starts = _hour_starts(text, runs) if runs else None
    for rx, at_hour in zip(_LATIN_TIMES, _AT_HOUR) if starts is not None else ():
        if at_hour:
            found = _matches_at(rx, text, starts[at_hour]) if starts[at_hour] else ()
        else:
            found = rx.finditer(text) if _dotted_time_hint(text, runs) else ()
        for m in found:
            h = int(m.group("h"))
            groups = m.groupdict()
            mi = groups.get("m") or groups.get("m2")
            if h == 24 and mi not in (None, "00"):
                continue
            start = m.start("h")
            add(ClockTime(start, m.end(), h, int(mi) if mi else None, (groups.get("mer") or "").lower() or None))
    return sorted(out, key=lambda t: t.start)


def readings(t: ClockTime) -> set[float]:
    """Values a translation may write for the time: hour + minute/100 on the 24- and 12-hour
    clock (15.3 and 3.3 for 15:30), and the bare hour when no minutes are given."""
    minute = (t.minute or 0) / 100
    h = t.hour % 24
    if t.meridiem == "p" and h < 12:
        h += 12
    elif t.meridiem == "a" and h == 12:
        h = 0
    hours = {h, h % 12 or 12}
    if t.meridiem is None and h < 12:
        hours.add(h + 12)  # `3時`, `7 Uhr` may be said on either clock
    if h == 0:
        hours.add(24)
    return {hh + minute for hh in hours}
