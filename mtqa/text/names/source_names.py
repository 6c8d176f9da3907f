"""Names in the source that a translation must keep: capitalised words of cased scripts, acronyms,
declined places, Chinese transliterations and katakana words.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from mtqa.resources import frequencies, lexicons
from mtqa.text.names.english import english_words
from mtqa.text.names.places import inflected_place, local_index
from mtqa.text.names.spelling import common_prefix, fold, fold_text
from mtqa.text.scripts import KANA, KANA_MARKS, KATAKANA, main_script
from mtqa.text.sentences import sentence_starts
from mtqa.text.tokens import first_char, token_text, words


@dataclass(frozen=True, slots=True)
class SourceName:
    start: int
    end: int
    text: str
    place_ids: frozenset[str]
    acronym: bool = False  # FOM, ISL: kept by English text, or translated (CEDH -> ECHR)
    transliterated: bool = False  # a run of Chinese transliteration characters (休斯敦)


_CASED_SCRIPTS = {"Latin", "Cyrillic"}
_INFLECTED = {"ru", "pl", "cs", "de"}  # Россия/России, Polska/Polsce: a name may go on with an ending


@functools.lru_cache(maxsize=None)
def _aliases(lang: str) -> frozenset[str]:
    return frozenset(fold(name) for _pid, lg, name in lexicons.table("place_aliases.tsv") if lg == lang)


def _is_alias(name: str, lang: str) -> bool:
    return name in _aliases(lang)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


@functools.lru_cache(maxsize=65536)  # per word: a name recurs across segments
def _attested_in_english(word: str) -> bool:
    """Names travel into English text, other languages' common nouns do not: Nantes, Merkel
    and Zimmermann occur in English corpora, Erderwärmung and Kurzarbeit do not. Inflected
    forms (Miłosza) are tried without their last letters."""
    low = word.lower()
    forms = (low, fold(low)) if not low.isascii() else (low,)  # English writes Mihajlovic, Drahos
    return any(frequencies.zipf(form[:len(form) - cut], "en") >= 1.0
               for form in forms for cut in (0, 1, 2) if len(form) - cut >= 3)
_LATIN_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]")
#: A capitalised source word this common in its language is a common noun (German) or an
#: institution written with a capital (Gobierno); only rarer ones are taken for names.
SOURCE_COMMON_ZIPF = 4.0
#: Adjectival endings of Russian (and Ukrainian, Bulgarian): a capitalised adjective begins the
#: name of an institution or a feature (Российской Федерации, Тихого океана), which a
#: translation renders in words; names of people and places are nouns (Степанова, Сиэтле).
_CYRILLIC_ADJECTIVE_RE = re.compile(r"(?:ая|яя|ое|ее|ые|ие|ых|их|ого|его|ому|ему|ую|юю|ый|ской|ском|ским|ских|цкой)$")
GERMAN_COMMON_ZIPF = 3.0
#: How much rarer in English than in the source language a name may be and still be taken
#: for an international one.
INTERNATIONAL_MARGIN = 0.5


#: Characters of the Xinhua tables for transliterating foreign names into Chinese.
_TRANSLITERATION_CHARS = ("阿埃艾爱安奥巴班邦保贝本比彼波伯博布查达戴丹德迪蒂丁杜多厄恩尔法菲费芬丰弗福富盖戈格古哈海"
                          "汉赫亨胡霍基吉杰金卡凯坎康柯科克肯库夸拉莱兰朗劳勒雷里利莉林琳隆卢鲁路伦罗洛马玛迈麦曼梅"
                          "蒙米姆莫穆纳娜奈内尼宁纽努诺欧帕潘佩彭皮珀普齐奇恰乔萨塞桑瑟森沙莎舍施什斯松苏索塔泰坦"
                          "汤特提托瓦万威韦维温沃乌西希谢辛休雅亚扬耶伊因尤约泽扎詹")
_GLOSS_RE = re.compile(r"\s*[（(]\s*[A-Za-z]")
_TRANSLITERATION_RUN_RE = re.compile(f"[{_TRANSLITERATION_CHARS}]{{3,}}")
TRANSLITERATION_PAIR_RE = re.compile(f"[{_TRANSLITERATION_CHARS}]{{2,}}")
KANA_RE = re.compile(f"[{KANA}]")
_KATAKANA_CHAR_RE = re.compile(f"[{KATAKANA}\u30fc]")
#: A katakana word: katakana and long-vowel marks, with the middle dot of foreign full names.
KATAKANA_RE = re.compile(f"[{KATAKANA}][{KATAKANA}{KANA_MARKS}]*")
#: An acronym in a Latin or Cyrillic text, as a whole word; not a Roman numeral of centuries
#: and monarchs (XX wieku, Elisabeth II; CD and DC are acronyms more often than numbers).
SOURCE_ACRONYM_RE = re.compile(r"\b(?![IVX]+\b)[A-ZÀ-ÖØ-ÞĄĆČĎĘĚŁŃŇŘŚŠŤŮŹŻŽА-ЯЁ]{2,6}\b")


@functools.lru_cache(maxsize=65536)  # per word: a name recurs across segments
def _common_in_source(word: str, lang: str | None) -> bool:
    """A common word of the source language, though capitalised (German capitalises every
    noun, so only a rarer one may be a name there)."""
    limit = GERMAN_COMMON_ZIPF if lang == "de" else SOURCE_COMMON_ZIPF
    return bool(lang) and frequencies.zipf(word.lower(), lang) >= limit


#: A capitalised word opening a sentence is taken for a name only when this rare in the source
#: language (Pawłowicz, Macura) — any common word may open a sentence.
SENTENCE_INITIAL_NAME_ZIPF = 2.0


@functools.lru_cache(maxsize=65536)  # per word: a name recurs across segments
def _rare_in_source(word: str, lang: str | None) -> bool:
    return bool(lang) and frequencies.zipf(word.lower(), lang) < SENTENCE_INITIAL_NAME_ZIPF


@functools.lru_cache(maxsize=65536)  # per word: a name recurs across segments
def _international(word: str, lang: str) -> bool:
    """A name that travels unchanged between languages (Apple, Google, Obama) is as frequent in
    English as in the source language; a capitalised word of the language (Gobierno, Parti) is
    not, so a high frequency in the source language alone does not make a name a word."""
    low = word.lower()
    if lang == "de" and low in english_words():
        return False  # German capitalises every noun, cognates included (Marine, Hotel)
    return low.isascii() and frequencies.zipf(low, "en") >= frequencies.zipf(low, lang) - INTERNATIONAL_MARGIN


def source_names(src: str, lang: str | None) -> list[SourceName]:
    """Names of the source that a translation must keep: places known in the source language
    (any script), capitalised rare words inside sentences (Latin and Cyrillic scripts), and
    Latin-script words inside a text in another script (`(Fairmont)`, `USGS`)."""
    return list(_source_names(src, lang))


# NE002 asks twice for a Japanese source, NE001 again for a name it flags: one segment's few
# texts are kept (a copy of the list is returned, so no caller can change the cached one).
@functools.lru_cache(maxsize=64)
def _source_names(src: str, lang: str | None) -> tuple[SourceName, ...]:
    script = main_script(src)
    out: list[SourceName] = []
    taken: list[tuple[int, int]] = []
    folded = fold_text(src)
    if lang:
        index, matcher = local_index(lang)
        for start, end in matcher.spans(folded):
            name = folded[start:end]
            pids = index[name]
            if len(name) < 4 and script in _CASED_SCRIPTS and not src[start:end].isupper():
                continue  # short names only as abbreviations (ОАЭ, USA): "usa" is in "causa"
            if (len(name) == 2 and script not in _CASED_SCRIPTS and name[-1] not in "国洲" and not _is_alias(name, lang)
                    and all(ch in _TRANSLITERATION_CHARS for ch in name)):
                continue  # 马里 (Mali) also spells a syllable pair of 波特马里恩 (Point Marion); 香港 spells none
            if script in _CASED_SCRIPTS:
                boundary = ((start == 0 or not folded[start - 1].isalnum())
                            and src[start:start + 1].isupper()  # "la paz" is peace, "La Paz" a city
                            and (end >= len(folded) or not folded[end].isalnum() or lang in _INFLECTED))
            elif script in ("Han", "Kana"):
                # No spaces between words; but a katakana name inside a longer katakana word is
                # a syllable pair of it (チリ, Chile, in ビーチリゾート, beach resort).
                boundary = not (_KATAKANA_CHAR_RE.match(name)
                                and ((start > 0 and _KATAKANA_CHAR_RE.match(src, start - 1))
                                     or (end < len(src) and _KATAKANA_CHAR_RE.match(src, end))))
            else:  # Devanagari and others: whole words ("रोम" is not in "रोमांचक")
                boundary = ((start == 0 or not _is_word_char(folded[start - 1]))
                            and (end >= len(folded) or not _is_word_char(folded[end])))
            if boundary and not any(a < end and start < b for a, b in taken):
                out.append(SourceName(start, end, src[start:end], pids))
                taken.append((start, end))
    if script in _CASED_SCRIPTS:
        starts = sentence_starts(src)
        toks = words(src)
        # Every test below wants a capital first (a name pair, an acronym, a name): only those
        # tokens are visited, picked in C (most words of a sentence are lower case).
        capitalised = map(str.isupper, map(first_char, map(token_text, toks)))
        for k in itertools.compress(range(len(toks)), capitalised):
            tok = toks[k]
            word = tok.text
            if tok.start in starts and k + 1 < len(toks):
                pair = _sentence_initial_name(src, tok, toks[k + 1], lang, script)
                if pair and not any(a < pair.end and pair.start < b for a, b in taken):
                    out.append(pair)
                    taken.append((pair.start, pair.end))
                    continue
            # What the word is wherever it stands, decided once per word (the tests that follow
            # need its position: a sentence start, a place already taken).
            kind = _capitalised_word(word, lang, script)
            if kind is None:
                continue
            if kind is _ACRONYM:
                if not (taken and any(a <= tok.start < b for a, b in taken)):
                    out.append(SourceName(tok.start, tok.end, word, frozenset(), acronym=True))
                continue  # an acronym inside a place taken is in capitals: the test below drops it
            if tok.start in starts and not (script == "Latin" and _rare_in_source(word, lang)):
                continue  # any word may open a sentence: only one the language hardly uses is a name
            if taken and any(a <= tok.start < b for a, b in taken):
                continue
            out.append(SourceName(tok.start, tok.end, word, kind))
    else:
        for m in _LATIN_TOKEN_RE.finditer(src):
            if len(m.group(0)) >= 3 and not any(a <= m.start() < b for a, b in taken):
                out.append(SourceName(m.start(), m.end(), m.group(0), frozenset()))
        # Foreign names in Chinese are written with the characters of the transliteration
        # tables: a run of three or more of them is most likely a name. (Katakana runs were
        # tried for Japanese: loanwords such as センター, translated as words, made 12 % false
        # alarms; rare runs only still made 6 %, compounds of loanwords such as ビーチリゾート
        # being rare as wholes.)
        for m in _TRANSLITERATION_RUN_RE.finditer(src):
            if _GLOSS_RE.match(src, m.end()):
                continue  # 尼克松 (John Nixon): the Latin gloss is the name to look for
            if not any(a < m.end() and m.start() < b for a, b in taken):
                out.append(SourceName(m.start(), m.end(), m.group(0), frozenset(), transliterated=True))
                taken.append(m.span())
    return tuple(sorted(out, key=lambda n: n.start))


#: `_capitalised_word`'s verdict on an acronym (FOM, ISL); its other verdicts are None (not a
#: name) or the places a name declines (empty for another name).
_ACRONYM = object()


@functools.lru_cache(maxsize=65536)  # per word: the tests of a capitalised word that its position does not change
def _capitalised_word(word: str, lang: str | None, script: str | None):
    """What a capitalised word of a Latin or Cyrillic source is, wherever it stands: `_ACRONYM`;
    None when it is no name (short, in capitals, with a digit, a common word of the language,
    an adjective of an institution, unknown to English); else the places it names declined
    (Москве, Polsce), empty for another name."""
    if SOURCE_ACRONYM_RE.fullmatch(word):
        return _ACRONYM
    if len(word) < 3 or not word[0].isupper() or word.isupper() or any(map(str.isdigit, word)):
        return None
    pids = inflected_place(fold(word), lang) if lang in _INFLECTED else frozenset()
    if pids:  # Москве, Polsce: a place declined away from its dictionary form
        return pids
    if _common_in_source(word, lang) and not _international(word, lang):
        return None
    if script == "Cyrillic" and (_CYRILLIC_ADJECTIVE_RE.search(word) or "-" in word):
        return None  # Тихого океана, Центристская партия: institutions are translated, not kept
    if script == "Latin" and not _attested_in_english(word):
        return None
    return frozenset()


def _sentence_initial_name(src: str, first, second, lang: str | None, script: str | None) -> SourceName | None:
    """A first name and a surname opening a sentence (Danielle Lantagne, Edgar Veguilla): two
    capitalised words, one space apart, neither a common word of the source language, one of
    them known to English text. A single capitalised word there could be any word."""
    a, b = first.text, second.text
    if src[first.end:second.start] != " " or not (a[:1].isupper() and b[:1].isupper()) or a.isupper() or b.isupper():
        return None
    if len(a) < 3 or len(b) < 3 or any(ch.isdigit() for ch in a + b):
        return None
    if any(_common_in_source(w, lang) for w in (a, b)):
        return None
    # Latin script only: in Cyrillic, pairs opening a sentence were institutions as often as
    # people (measured: more false alarms, no detection).
    if script != "Latin" or not (_attested_in_english(a) or _attested_in_english(b)):
        return None
    return SourceName(first.start, second.end, src[first.start:second.end], frozenset())


def related(a: str, b: str) -> bool:
    """Two words that share their start up to an ending: asia/asian, eastern/east, rome/roman."""
    cp = common_prefix(a, b)
    return cp >= 3 and cp >= min(len(a), len(b)) - 2


