"""Names across writing systems by their sounds: Devanagari read as it is spoken, and the
syllables of Chinese, Japanese and Korean names in English spelling.

Hindi writes foreign names by sound (ह्यूस्टन for Houston), so a name of the translation can be
looked for in a Hindi source by comparing sounds. anyascii drops the vowel that a Devanagari
consonant carries when no vowel sign follows it (जवाब -> "jvab"), which makes short words look
alike by their consonants alone; `romanize_devanagari` writes that vowel (-> "javab"), so that
letters, not only consonant classes, can be compared.

The key merges what the two writing systems do not tell apart: aspiration and h (भ/ब, "Thomas"),
v/w, y/i, z/j, m/n (anusvara), k/c/q for the English hard c, and doubled letters.
"""
from __future__ import annotations

import functools
import re

from anyascii import anyascii
from rapidfuzz.distance import LCSseq

_NUKTA = "\u093c"
#: Candrabindu, anusvara and visarga: after a consonant, its own vowel is still spoken.
_NASALS_AND_VISARGA = "\u0901\u0902\u0903"
_WITH_NUKTA = {"j": "z", "ph": "f", "kh": "kh", "g": "g", "k": "q"}
#: Sound groups common to both sides, applied in order (digraphs before single letters).
_SHARED = (("ph", "f"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("bh", "b"), ("dh", "d"), ("jh", "j"),
           ("sh", "s"), ("q", "k"), ("w", "v"), ("z", "j"), ("x", "ks"), ("m", "n"), ("h", ""))
_DOUBLED_RE = re.compile(r"(.)\1+")
_VOWELS = "aeiouy"
_VOWELS_RE = re.compile(f"[{_VOWELS}]+")
_SOFT_C_RE = re.compile(r"c(?=[eiy])")
#: A source word is the name when their consonants agree and the whole keys are this alike
#: (vowels are spelt many ways: Huawei/हुवाई, Thauss/थॉस) ...
SAME_CONSONANTS_RATIO = 0.55
#: ... or when their consonants nearly agree (Singh/सिंह, Schlegel/श्लेगल) and the whole keys
#: are this alike.
NEAR_CONSONANTS = 0.7
NEAR_CONSONANTS_RATIO = 0.75


class _RomanTable(dict):
    """Code point -> anyascii of the character, filled on first sight: anyascii romanises each
    character on its own, so `str.translate` with this table gives its result in C (its own loop
    in Python was the costly part of reading Devanagari, Chinese and Japanese sources)."""

    def __missing__(self, cp: int) -> str:
        self[cp] = roman = anyascii(chr(cp))
        return roman


_ROMAN_TABLE = _RomanTable()


def romanize(text: str) -> str:
    """`anyascii(text)`, faster."""
    return text if text.isascii() else text.translate(_ROMAN_TABLE)


def roman_char(ch: str) -> str:
    """anyascii of one character."""
    return _ROMAN_TABLE[ord(ch)]


_CONSONANTS = "\u0915-\u0939\u0958-\u095f"
#: After a consonant (and its nukta), before another consonant or a nasal: its own vowel is
#: spoken there. (An empty match replaced by a constant: no template to expand per match.)
_INHERENT_VOWEL_RE = re.compile(f"(?<=[{_CONSONANTS}])(?=[{_CONSONANTS}{_NASALS_AND_VISARGA}])"
                                f"|(?<=[{_CONSONANTS}]{_NUKTA})(?=[{_CONSONANTS}{_NASALS_AND_VISARGA}])")
_WITH_NUKTA_RE = re.compile(f"([{_CONSONANTS}]){_NUKTA}")


def _with_nukta(m: re.Match) -> str:
    roman = roman_char(m.group(1))
    return _WITH_NUKTA.get(roman, roman)


def romanize_devanagari(text: str) -> str:
    """anyascii's romanisation with the inherent vowel written inside words.

    The inherent vowel is silent at the end of a word, absent before a vowel sign or a virama:
    it is written (an ASCII "a", which romanising keeps) only before another letter of the word.
    A consonant with a nukta is another sound (ज़ is z); a nukta elsewhere is dropped."""
    text = _INHERENT_VOWEL_RE.sub("a", text)
    if _NUKTA in text:
        text = _WITH_NUKTA_RE.sub(_with_nukta, text).replace(_NUKTA, "")
    return romanize(text)


def _key(text: str) -> str:
    for a, b in _SHARED:
        text = text.replace(a, b)
    return _DOUBLED_RE.sub(r"\1", text)


@functools.lru_cache(maxsize=8192)
def english_key(folded_name: str) -> str:
    """Key of an English name, folded: ch is one sound, c soft before e, i and y and hard
    otherwise (Colchester -> kolcester, Greece -> grese)."""
    name = _SOFT_C_RE.sub("s", folded_name.replace("ck", "k").replace("ch", "C"))
    return _key(name.replace("c", "k").replace("C", "c"))


@functools.lru_cache(maxsize=65536)
def source_key(romanized_word: str) -> str:
    """Key of a romanised Devanagari word, where c is already the ch sound (च) and ch its aspirate."""
    return _key(romanized_word.replace("ch", "c"))


def lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence (difflib's blocks miss scattered agreements);
    rapidfuzz computes it in C, bit-parallel (the dynamic programme in Python was a hot spot)."""
    return LCSseq.similarity(a, b)


def _ratio(a: str, b: str) -> float:
    return 2 * lcs_length(a, b) / (len(a) + len(b)) if a or b else 1.0


@functools.lru_cache(maxsize=65536)
def _consonant_places(key: str) -> tuple[int, ...]:
    return tuple(i for i, ch in enumerate(key) if ch not in _VOWELS)


def _candidates(key: str, consonants: int):
    """The word, and for a longer compound its start and end with as many consonants as the
    name (Hong and Kong in हांगकांग)."""
    yield key
    places = _consonant_places(key)
    if consonants and len(places) > consonants:
        yield key[:places[consonants]]
        yield key[places[-consonants]:]


def sounds_alike(name_key: str, keys: tuple[str, ...]) -> bool | None:
    """Whether one of the source keys is the name; None when the name has too few consonants
    to tell (Hui, Gaya) and no word matches it closely. An English plural may stand for a
    singular in the source (Oscars, आस्कर)."""
    found = _alike(name_key, keys)
    if not found and len(name_key) > 4 and name_key.endswith("s") and _alike(name_key[:-1], keys):
        return True
    return found


@functools.lru_cache(maxsize=65536)
def _consonants(key: str) -> str:
    """The key without its vowels (keys of words and their parts: the same few for every name)."""
    return _VOWELS_RE.sub("", key)


def _alike(name_key: str, keys: tuple[str, ...]) -> bool | None:
    """Whether a candidate of the keys (`_candidates`) has the name's consonants and is as alike
    as SAME_CONSONANTS_RATIO says, or nearly its consonants (NEAR_CONSONANTS) and is as alike as
    NEAR_CONSONANTS_RATIO says; None when the name has too few consonants to tell and no key is
    close. The candidates come grouped by their consonants, once per source and count, so the
    consonants are compared once per group, and skipped when their lengths alone rule them out."""
    name_consonants = _consonants(name_key)
    n = len(name_consonants)
    if n < 2:
        return True if any(_ratio(name_key, key) >= NEAR_CONSONANTS_RATIO for key in keys) else None
    groups = _candidate_groups(keys, n)
    for candidate in groups.get(name_consonants, ()):
        if _ratio(name_key, candidate) >= SAME_CONSONANTS_RATIO:
            return True
    for consonants, candidates in groups.items():
        # A ratio is at most 2 * min / (sum of lengths) (the common subsequence is no longer than
        # the shorter): computed alike in floats, it rules a group out exactly.
        m = len(consonants)
        if consonants == name_consonants or 2 * min(n, m) / (n + m) < NEAR_CONSONANTS:
            continue
        if _ratio(name_consonants, consonants) >= NEAR_CONSONANTS:
            if any(_ratio(name_key, candidate) >= NEAR_CONSONANTS_RATIO for candidate in candidates):
                return True
    return False


@functools.lru_cache(maxsize=64)  # per source (its keys) and consonant count: asked for each name
def _candidate_groups(keys: tuple[str, ...], consonants: int) -> dict[str, tuple[str, ...]]:
    """The candidates of every key (`_candidates`) by their consonants, each once."""
    out: dict[str, dict[str, None]] = {}
    for key in keys:
        for candidate in _candidates(key, consonants):
            out.setdefault(_consonants(candidate), {})[candidate] = None
    return {c: tuple(cands) for c, cands in out.items()}


# Syllables of the romanisations of Chinese (pinyin, Hong Kong's Cantonese), Japanese (Hepburn)
# and Korean names (a Chinese source writes Korean names in characters: 朴 for Park). A name
# that none of them can spell (Kalmanovich, Buddha, Melbourne) is not a Chinese, Japanese or
# Korean name: a source in those languages writes it by sound, so its romanisation shows it.
_PINYIN_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|"
                    r"ou|ua|uo|ui|un|ue|a|o|e|i|u)")
_HEPBURN_SYLLABLE = r"(?:kk|ss|tt|pp|tch)?(?:ky|gy|sh|ch|ts|ny|hy|by|py|my|ry|[kgsztdnhbpmyrwfj])?[aiueo](?:h(?![aiueo]))?n?"
_KOREAN_SYLLABLE = (r"(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjhy])?(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|ee|oo|"
                    r"a|e|i|o|u)(?:ng|rk|k|n|t|l|m|p)?")
_KOREAN_RE = re.compile(f"(?:{_KOREAN_SYLLABLE})+")
# Hong Kong's spellings of Cantonese (Kowloon, Cheung, Tsim Sha Tsui).
_CANTONESE_SYLLABLE = (r"(?:kw|gw|ng|ch|ts|sh|[bpmfdtnlgkhjswy])?(?:eung|euk|aai|aau|oo|ow|oy|ee|ew|ai|au|ei|eu|oi|ou|ui|"
                       r"iu|a|e|i|o|u)(?:ng|k|t|p|m|n)?")
_CANTONESE_RE = re.compile(f"(?:{_CANTONESE_SYLLABLE})+")
_PINYIN_RE = re.compile(f"(?:{_PINYIN_SYLLABLE})+")
# Pinyin as written: finals such as ong, ia or in need an initial (or y, w), and a syllable
# opening on a vowel never follows a vowel (Xi'an takes an apostrophe): so Lee and Loong are not
# pinyin, though the loose pattern above spells them.
_STRICT_PINYIN_RE = re.compile(r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
                               r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|"
                               r"ou|ua|uo|ui|un|ue|a|o|e|i|u)|(?<![aeiou])(?:ang|eng|ai|ao|an|ei|en|er|ou|a|o|e))+")
#: Longest word a romanised East Asian name is written as (Tsimshatsui has 11 letters).
MAX_SYLLABLE_LETTERS = 20
_HEPBURN_RE = re.compile(f"(?:{_HEPBURN_SYLLABLE})+")


def _letters(folded_name: str) -> str:
    return re.sub(r"[^a-z]", "", folded_name)


@functools.lru_cache(maxsize=8192)
def spells_pinyin(folded_name: str) -> bool:
    """Whether pinyin (or Wade-Giles where it coincides) can spell the name: Xiamen, Zhang, Anna."""
    letters = _letters(folded_name)
    return 0 < len(letters) <= MAX_SYLLABLE_LETTERS and _STRICT_PINYIN_RE.fullmatch(letters) is not None


@functools.lru_cache(maxsize=8192)
def spells_hepburn(folded_name: str) -> bool:
    """Whether Hepburn can spell the name, as a Japanese name: Tanaka, Sendai, Fukushima."""
    letters = _letters(folded_name)
    return 0 < len(letters) <= MAX_SYLLABLE_LETTERS and _HEPBURN_RE.fullmatch(letters) is not None


@functools.lru_cache(maxsize=8192)
def romanises_east_asian(folded_name: str) -> bool:
    """Whether pinyin, Cantonese, Hepburn or a Korean romanisation can spell the name (Xiaoping,
    Kowloon, Katsuno, Park, Anna: yes; Dmitry: no)."""
    letters = _letters(folded_name)
    if len(letters) > MAX_SYLLABLE_LETTERS:
        return False  # no such name is this long, and the syllable patterns backtrack on long words
    return any(regex.fullmatch(letters) for regex in (_PINYIN_RE, _HEPBURN_RE, _KOREAN_RE, _CANTONESE_RE))
