"""Spelling folds and consonant skeletons: how two spellings of one name are compared (accents
folded, inflected endings, transliteration reduced to consonant classes).
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from mtqa.text import phonetic
from mtqa.text.scripts import HAN, KANA

_CLASSES = {**dict.fromkeys("bpfvw", "P"), **dict.fromkeys("ckgq", "K"), **dict.fromkeys("dt", "T"),
            **dict.fromkeys("szxj", "S"), **dict.fromkeys("lr", "R"), **dict.fromkeys("mn", "N")}
CJK_CHAR_RE = re.compile(f"[{KANA}{HAN}]")
_CAPITAL_RE = re.compile(r"[A-Z][a-z']*|[a-z']+")
#: An English word this common in lower case is a word, not a name (Congress, White, Navy).
COMMON_WORD_ZIPF = 4.0
#: A capitalised word that is not a known place is checked only when rarer than this: English
#: has many capitalised dictionary words (Hemisphere, Subtropical) that are translated, not kept.
RARE_NAME_ZIPF = 3.0
#: Inflected languages: compare the start of source words with the name.
MIN_PREFIX = 4


def _unaccent(low: str) -> str:
    """A lower-case character without its accent when it is a Latin letter (ł is l)."""
    if ord(low) < 0x250 and not low.isascii():
        base = unicodedata.normalize("NFKD", low)[0]
        return "l" if low == "ł" else (base if base.isalpha() else low)
    return low


def _fold_char(ch: str) -> str:  # remembered by _FoldTable, its one caller
    low = ch.lower()
    if len(low) != 1:
        low = ch  # "İ".lower() is two characters: keep the length
    return _unaccent(low)


class _FoldTable(dict):
    """Code point -> its fold, filled on first sight of each character: `str.translate` then
    folds a whole text in C, where a Python call per character was the cost."""

    def __missing__(self, cp: int) -> str:
        self[cp] = folded = _fold_char(chr(cp))
        return folded


class _UnaccentTable(dict):
    """Lower-case character -> `_unaccent` of it, filled on first sight."""

    def __missing__(self, low: str) -> str:
        self[low] = plain = _unaccent(low)
        return plain


_FOLD_TABLE = _FoldTable()
_UNACCENT = _UnaccentTable()
_LATIN_NON_ASCII_RE = re.compile("[\u0080-\u024f]")

#: Texts shorter than this (words, names) are folded by the table: lowering and searching a
#: text first pays from about this length on (measured: Łódź 230 ns by the table, 1,000 ns by
#: the steps below; a Chinese or German sentence 3-9 us by the table, 0.5-4 by the steps).
_SHORT_TEXT = 40


def _unaccented(m: re.Match) -> str:
    return _UNACCENT[m.group()]


def fold(text: str) -> str:
    """Lower case without accents on Latin letters (Müller -> muller, Łódź -> lodz), one
    character for one, so that offsets in the folded text are offsets in the original.
    Marks of other scripts (Devanagari vowel signs) are letters, not accents: kept."""
    # No cache: it would be keyed on whole segments, and translating is cheaper than the look-up
    # of a long key was worth.
    if text.isascii():
        return text.lower()
    if len(text) < _SHORT_TEXT or "Σ" in text or "İ" in text:
        return text.translate(_FOLD_TABLE)  # a word: the table is quicker than the steps below
    # `str.lower` is each character's `lower` but for two: Σ, which it writes ς at the end of a
    # word, and İ, the one character whose lower case is two (both sent above to the table,
    # which lowers each character alone). A character's fold is `_unaccent` of its lower case
    # (tests/test_names_fast_paths.py checks both for every code point), so lowering the whole
    # text in C leaves only the Latin letters beyond ASCII to unaccent, one call each: none in
    # most texts (Chinese, Russian, English with curly quotes), where the table took a Python-
    # free but slow dictionary look-up for every character.
    low = text.lower()
    if _LATIN_NON_ASCII_RE.search(low) is None:
        return low
    return _LATIN_NON_ASCII_RE.sub(_unaccented, low)


@functools.lru_cache(maxsize=64)
def fold_text(text: str) -> str:
    """`fold` of a whole source or reference, kept for the few texts of the segment at hand:
    NE001's source evidence and acronym tests and NE002's source names all fold the source."""
    return fold(text)


def mentions(short: str, text: str) -> bool:
    """A short name (UN, APS) as a whole word of the folded text, hyphenated compounds included."""
    start = text.find(short)
    while start != -1:
        end = start + len(short)
        if (start == 0 or not text[start - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return True
        start = text.find(short, start + 1)
    return False


#: Digraphs that write one sound, replaced in this order before the classes are taken.
_DIGRAPHS = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("sh", "s"), ("ch", "c"), ("ph", "f"))


class _ClassTable(dict):
    """Code point -> its consonant class; any other character (vowels, h, marks) is dropped."""

    def __missing__(self, cp: int) -> None:
        self[cp] = None
        return None


_CLASS_TABLE = _ClassTable({ord(ch): cls for ch, cls in _CLASSES.items()})
_REPEATS_RE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Consonant classes of a romanised word, repeats collapsed: Houston -> STN."""
    low = fold(text)
    for a, b in _DIGRAPHS:
        if a in low:
            low = low.replace(a, b)
    # Classes in C (translate drops the other characters), then runs of one class collapsed:
    # vowels between two consonants of a class do not separate them (Hannah -> N).
    classes = low.translate(_CLASS_TABLE)
    return _REPEATS_RE.sub(r"\1", classes) if len(classes) > 1 else classes


def skeletons_match(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if min(len(a), len(b)) < 2:
        return a == b
    ratio = phonetic.lcs_length(a, b) / max(len(a), len(b))
    return ratio >= 0.66 if a[0] == b[0] else ratio >= 0.8


def inflected(a: str, b: str) -> bool:
    """Same word up to an inflectional ending: Miłosz/Miłosza, Brno/Brně, Max/Maxa, Londres/London."""
    shorter = min(len(a), len(b))
    if shorter < 3:
        return False
    need = max(3, shorter - 2) if shorter <= 5 else max(MIN_PREFIX, int(0.6 * shorter + 0.5))
    return common_prefix(a, b) >= need


def by_prefix(words) -> dict[str, tuple[str, ...]]:
    """Words of three letters or more by their first three: the only ones `inflected` can pair
    with a word of that start (it wants a common prefix of three letters at least)."""
    # Tuples grown in place of lists converted at the end: most starts have one word.
    out: dict[str, tuple[str, ...]] = {}
    for w in words:
        if len(w) >= 3:
            key = w[:3]
            known = out.get(key)
            out[key] = (w,) if known is None else (*known, w)
    return out


class WordLookups:
    """What both sides' name evidence asks of its `words` (folded, in order): the words by their
    first three letters (for `inflected_in`) and as a set (for membership tests). Every word is
    a piece of `folded`, the evidence's folded text."""

    words: tuple[str, ...]
    folded: str

    def words_starting(self, prefix: str) -> tuple[str, ...]:
        """`words_by_prefix.get(prefix, ())`; a prefix that is nowhere in the folded text starts
        no word, which a search in C says without the index (most names ask once, if at all)."""
        index = self.__dict__.get("words_by_prefix")  # built already (cached_property's slot)
        if index is None:
            if prefix not in self.folded:
                return ()
            index = self.words_by_prefix
        return index.get(prefix, ())

    def inflected_in(self, word: str) -> bool:
        """`any(inflected(word, w) for w in self.words)`, asking only the words that share its
        first three letters (`inflected` needs them)."""
        return len(word) >= 3 and any(inflected(word, w) for w in self.words_starting(word[:3]))

    @functools.cached_property
    def words_by_prefix(self) -> dict[str, tuple[str, ...]]:
        return by_prefix(self.words)

    @functools.cached_property
    def word_set(self) -> frozenset[str]:
        """The words, for membership tests (the tuple keeps their order for the others)."""
        return frozenset(self.words)


#: How alike two spellings of one name must be (Elizabeth/Elisabeth, Muhammad/Mohammeds,
#: Constantinople/Konstantynopola) for a Latin-script source to support an English name.
SPELLING_RATIO = 0.65


def spelled_alike(name: str, words: tuple[str, ...]) -> bool:
    """A source word spelt like the name (an exonym or another language's spelling). Letters,
    not consonant classes: classes would match unrelated names (France ~ Philippinen)."""
    if len(name) < 5:
        return False
    for w in words:
        if abs(len(w) - len(name)) > 3 or len(w) < 5 or w[0] not in _SAME_SOUND.get(name[0], name[0]):
            continue
        matcher = difflib.SequenceMatcher(a=name, b=w, autojunk=False)
        if matcher.quick_ratio() >= SPELLING_RATIO and matcher.ratio() >= SPELLING_RATIO:
            return True
    return False


#: Initials that spellings of one name swap between languages (Constantinople/Konstantynopol).
_SAME_SOUND = {"c": "ck", "k": "kc", "f": "fp", "p": "pf", "j": "jy", "y": "yj", "i": "iy"}


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n




#: Jaro-Winkler similarity of two folded spellings at or above which one may be a variant of the
#: other (Aleksei/Alexey 0.93, Lisboa/Lisbon 0.93, Cornovaglia/Cornwall 0.86, Seshcha/Sisha
#: 0.81), while unrelated names stay below it (Bulgaria/America 0.49).
VARIANT_SIMILARITY = 0.80


def near_variant(name: str, words) -> str | None:
    """A word that may be another spelling of the name: an exonym, a transliteration variant or
    a misspelling, too far apart for the strict matchers above but close enough that a missing
    name is weak evidence of an error. Both start alike and have four letters or more."""
    from rapidfuzz.distance import JaroWinkler

    f = fold(name)
    if len(f) < 4:
        return None
    for w in words:
        if len(w) >= 4 and w[0] == f[0] and JaroWinkler.similarity(f, w) >= VARIANT_SIMILARITY:
            return w
    return None
