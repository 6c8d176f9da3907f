"""Writing systems of characters and runs of text, from the Unicode Script property.

English is written in Latin script; a run of Han, kana, Hangul, Cyrillic, Greek, Devanagari,
Arabic, Hebrew or Thai letters in an English translation is untranslated or wrong-language
text, whatever the words say. Checking the script is cheap and certain, so it comes before
any language identification.

This module is the one owner of script character classes: tokens, names and pinyin import
theirs from here, so they cannot disagree. The classes are derived from the `regex` module's
Unicode data (`\\p{Script=Han}`), never written as hand ranges (mtqa ships them as derived,
mtqa/data/common/script_classes.json, and uses them only with the `regex` release they were
derived with), and compiled with `re`, which
matches them faster than `regex` evaluates the properties (counting letters per script over the
1,497 DEMETR texts: 36 µs a text with `regex` classes, 28 with the same classes in `re`).
`main_script` classifies each distinct character once instead: 17 µs a text, against 24 with
the former hand ranges.
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import regex

# Unicode assigns the letters of these scripts in planes 0-3 only (plane 3 ends the Han
# extensions): scanning those 256k code points once at import is a few tens of milliseconds.
_SCAN_END = 0x40000


@functools.lru_cache(maxsize=1)
def _code_points() -> str:
    """Every code point below _SCAN_END but the surrogates, in order, as one string."""
    # Their UTF-32-LE bytes written by slice assignments in C (an array built from a range took
    # ~5 ms of every start-up, this ~1 ms): byte 0 of code point i is i % 256, byte 1 is
    # i // 256 % 256, byte 2 is i // 65536, byte 3 is 0.
    buf = bytearray(4 * _SCAN_END)
    buf[0::4] = bytes(range(256)) * (_SCAN_END // 256)
    buf[1::4] = b"".join(bytes([j]) * 256 for j in range(256)) * (_SCAN_END // 65536)
    buf[2::4] = b"".join(bytes([k]) * 65536 for k in range(_SCAN_END // 65536))
    del buf[4 * 0xD800:4 * 0xE000]
    return buf.decode("utf-32-le")


def _escape(ch: str) -> str:
    return f"\\U{ord(ch):08x}"


_ASSIGNED_RE = regex.compile(r"\P{Cn}")


def _runs(properties: str) -> list[tuple[int, int]]:
    """The maximal runs of code points in the `regex` class `[properties]`, as spans of
    _code_points()."""
    return [m.span() for m in regex.finditer(f"[{properties}]+", _code_points())]


def _write_class(runs: list[tuple[int, int]]) -> str:
    """The inside of an `re` character class for maximal runs (ascending, neither overlapping
    nor touching): ranges separated only by unassigned code points are merged (no text contains
    those): `re` tests the ranges above U+FFFF one by one for every character that is not in the
    class, and merging cuts Arabic's 30 such ranges to a handful."""
    cps = _code_points()
    spans: list[list[int]] = []
    for start, end in runs:
        if spans and not _ASSIGNED_RE.search(cps, spans[-1][1], start):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return "".join(_escape(cps[s]) if e - s == 1 else f"{_escape(cps[s])}-{_escape(cps[e - 1])}"
                   for s, e in spans)


def char_class(properties: str) -> str:
    """The inside of an `re` character class for the `regex` class `[properties]`: the code
    points the `regex` module's Unicode data puts in it, written as ranges (see _write_class)."""
    return _write_class(_runs(properties))


def _union(*runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The maximal runs of the union of classes, from the maximal runs of each: overlapping or
    touching runs joined. The same spans as _runs of the classes written in one `[...]`, without
    a second scan of the code points testing every property at each (~6 ms of each start-up)."""
    out: list[list[int]] = []
    for start, end in sorted(r for rs in runs for r in rs):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


_RANGE_RE = re.compile(r"\\U([0-9a-f]{8})(?:-\\U([0-9a-f]{8}))?")


def _bmp_part(body: str) -> str:
    """The part of a class body (as char_class writes it) below U+10000."""
    out = []
    for m in _RANGE_RE.finditer(body):
        lo, hi = int(m.group(1), 16), int(m.group(2) or m.group(1), 16)
        if lo <= 0xFFFF:
            out.append(f"\\U{lo:08x}-\\U{min(hi, 0xFFFF):08x}")
    return "".join(out)


# One range test a character: far cheaper than max(text), which makes a string of each one.
_has_astral = re.compile("[\U00010000-\U0010ffff]").search


#: The katakana prolonged sound mark ー (U+30FC) and middle dot ・ (U+30FB, between the parts of
#: a foreign full name) are Common script in Unicode, but inside text they belong to kana words.
KANA_MARKS = "\u30fb\u30fc"

_MARKS = "".join(_escape(ch) for ch in KANA_MARKS)
#: The non-Latin writing systems mtqa tells apart, as `regex` properties; Japanese kana
#: (hiragana and katakana) count as one.
_PROPERTIES = {
    "Han": r"\p{Script=Han}",
    "Kana": r"\p{Script=Hiragana}\p{Script=Katakana}",
    "Hangul": r"\p{Script=Hangul}",
    "Cyrillic": r"\p{Script=Cyrillic}",
    "Greek": r"\p{Script=Greek}",
    "Devanagari": r"\p{Script=Devanagari}",
    "Arabic": r"\p{Script=Arabic}",
    "Hebrew": r"\p{Script=Hebrew}",
    "Thai": r"\p{Script=Thai}",
}
#: The other classes derived: katakana alone, and Latin.
_OTHER_PROPERTIES = {"Katakana": r"\p{Script=Katakana}", "Latin": r"\p{Script=Latin}"}
#: The shipped classes (written by scripts/build_script_classes.py) and what they were derived from.
TABLE = Path(__file__).resolve().parent.parent / "data" / "common" / "script_classes.json"


def derive_classes() -> dict[str, str]:
    """The class of each of _PROPERTIES and _OTHER_PROPERTIES (see char_class), and under
    "foreign" one class for all of _PROPERTIES, its ranges merged across scripts (fewer for `re`
    to test)."""
    runs = {name: _runs(prop) for name, prop in _PROPERTIES.items()}
    classes = {name: _write_class(r) for name, r in runs.items()}
    classes.update((name, char_class(prop)) for name, prop in _OTHER_PROPERTIES.items())
    classes["foreign"] = _write_class(_union(*runs.values()))
    return classes


def derivation() -> dict:
    """What derive_classes depends on: the `regex` release (its Unicode data) and the properties."""
    return {"regex": regex.__version__, "properties": {**_PROPERTIES, **_OTHER_PROPERTIES}}


def _classes() -> dict[str, str]:
    """derive_classes(), read from the shipped table when it was derived from the same `regex`
    release and properties: the scan of 256k code points for each class was ~15 ms of every
    start-up. Otherwise (another `regex`, a changed property) derived here."""
    try:
        with open(TABLE, encoding="utf-8") as f:
            shipped = json.load(f)
        if shipped["derived_from"] == derivation():
            return shipped["classes"]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no table or a damaged one: derive
    return derive_classes()


_CLASSES = _classes()
#: Script name -> the inside of an `re` character class (kana with the two marks above).
SCRIPTS = {name: _CLASSES[name] + (_MARKS if name == "Kana" else "") for name in _PROPERTIES}
HAN, KANA, HANGUL = SCRIPTS["Han"], SCRIPTS["Kana"], SCRIPTS["Hangul"]
KATAKANA = _CLASSES["Katakana"]
LATIN = _CLASSES["Latin"]
#: Scripts that need no spaces between words: one character is already a word.
LOGOGRAPHIC = {"Han", "Kana", "Hangul", "Thai"}
# One class for all of them, so its ranges are merged across scripts (fewer for `re` to test).
_ALL_FOREIGN = _CLASSES["foreign"] + _MARKS
# A run of foreign-script letters, allowing spaces and hyphens between words of the run.
_FOREIGN_RUN = f"[{_ALL_FOREIGN}]+(?:[ \\-·・][{_ALL_FOREIGN}]+)*"
_COUNT_ORDER = ("Latin", *SCRIPTS)  # on a tie, main_script prefers the earlier script

# The regexes below are compiled on first use: `re` builds a table of every code point of a
# class's ranges in Python (~3-4 ms for each of these large classes), and a run on English text
# without foreign letters or emoji needs none but the BMP regex of foreign runs.


@functools.lru_cache(maxsize=1)
def _script_res() -> dict[str, re.Pattern]:
    return {name: re.compile(f"[{ranges}]") for name, ranges in SCRIPTS.items()}


@functools.lru_cache(maxsize=1)
def _latin_re() -> re.Pattern:
    return re.compile(f"[{LATIN}]")


@functools.lru_cache(maxsize=2)
def _foreign_run_re(astral: bool) -> re.Pattern:
    """Runs of foreign-script letters. `re` matches the part of a class below U+10000 with one
    table lookup but tests each range above it in turn, for every character not in the class:
    text without such characters (nearly all; emoji are the usual exception) is scanned with
    the classes cut at U+FFFF (`astral` False), several times faster."""
    if astral:
        return re.compile(_FOREIGN_RUN)
    return re.compile(_FOREIGN_RUN.replace(_ALL_FOREIGN, _bmp_part(_ALL_FOREIGN)))


@functools.lru_cache(maxsize=65536)
def script_of(ch: str) -> str | None:
    """The name of a non-Latin script the character belongs to, 'Latin', or None."""
    if _latin_re().match(ch):
        return "Latin"
    for name, regex_ in _script_res().items():
        if regex_.match(ch):
            return name
    return None


def foreign_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, script) of runs written in a non-Latin script."""
    out = []
    for m in _foreign_run_re(bool(_has_astral(text))).finditer(text):
        out.append((m.start(), m.end(), script_of(m.group(0)[0]) or "other"))
    return out


class _ScriptCodes(dict):
    """Code point -> a one-letter code of its script (the script's place in _COUNT_ORDER), or
    None (no script counted), filled on first sight of each character: `str.translate` then
    writes a text's scripts in C, where a Python step for each distinct character was the cost."""

    def __missing__(self, cp: int) -> str | None:
        if len(self) >= 65536:  # bounded like script_of: text using much of Unicode starts afresh
            self.clear()
        script = script_of(chr(cp))
        self[cp] = code = None if script is None else _CODES[_COUNT_ORDER.index(script)]
        return code


_CODES = "abcdefghijklmnopqrstuvwxyz"[:len(_COUNT_ORDER)]
_SCRIPT_CODES = _ScriptCodes()


@functools.lru_cache(maxsize=256)
def main_script(text: str) -> str | None:
    """The script most letters of the text are written in."""
    # Each character is classified once per process (the table above); a text is then coded
    # and counted in C (one Counter and a Python step per distinct character took twice as long).
    coded = text.translate(_SCRIPT_CODES)
    if not coded:
        return None
    if coded.count(coded[0]) == len(coded):
        return _COUNT_ORDER[_CODES.index(coded[0])]  # one script throughout: the usual case
    counts = [coded.count(code) for code in _CODES]
    return _COUNT_ORDER[counts.index(max(counts))]  # on a tie, the earlier script
