"""What a source offers as evidence for a name in the translation: its words and their folds,
consonant skeletons of its romanisation, katakana and Chinese transliteration runs, places.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mtqa.resources import japanese
from mtqa.text import phonetic, pinyin
from mtqa.text.japanese import read_in
from mtqa.text.names.given_names import given_name_in
from mtqa.text.names.places import local_place_names, place_ids
from mtqa.text.names.source_names import KANA_RE, KATAKANA_RE, TRANSLITERATION_PAIR_RE
from mtqa.text.names.spelling import (
    CJK_CHAR_RE,
    WordLookups,
    fold,
    fold_text,
    mentions,
    skeleton,
    skeletons_match,
    spelled_alike,
)
from mtqa.text.scripts import main_script
from mtqa.text.tokens import WORD_RE, word_texts, words

#: Scripts whose romanisation is faithful enough to say that a name is absent.
RELIABLE_SCRIPTS = {"Latin", "Cyrillic", "Devanagari", None}
_APOSTROPHES_RE = re.compile(r"['’]")


#: Share of a foreign name's consonant classes that a run of Chinese or Japanese characters
#: must have for the name to be possibly there.
LOOSE_SKELETON_SHARE = 0.6


@dataclass(frozen=True)
class SourceEvidence(WordLookups):
    cased: str                    # the source as written, and romanised when not Latin
    folded: str                   # the source, folded
    words: tuple[str, ...]        # its words, folded (romanised when not Latin)
    cjk_chars: str                # its Chinese and Japanese characters, one run
    sound_keys: tuple[str, ...]   # phonetic keys of words, for a Devanagari source
    sound_skeletons: tuple[str, ...] | None  # skeletons of katakana words, for a Japanese source
    chinese_runs: tuple[str, ...]  # runs of characters of a Chinese source, read in pinyin
    source: str                   # the source as given
    chinese: bool                 # a Chinese source (its transliteration characters are read)
    lang: str | None
    script: str | None
    japanese: str | None = None   # the source, when Japanese: read by `mtqa.resources.japanese`

    # Skeletons bridge scripts: only a name compared with a source in another script than
    # Latin needs them, so they are built on first use (most sources are never asked).
    @functools.cached_property
    def skeletons(self) -> tuple[str, ...]:
        """Consonant skeletons of words (and of CJK character windows)."""
        skels = {skeleton(t) for t in self.words if len(t) >= 2}
        if self.cjk_chars:
            # Names in Chinese and Japanese are runs of characters: try every window of 2-6.
            skels |= _window_skeletons(self.cjk_chars)
        return tuple(s for s in skels if s)

    @functools.cached_property
    def transliteration_skeletons(self) -> tuple[str, ...]:
        """Skeletons of the runs of transliteration characters of a Chinese source."""
        return _transliteration_skeletons(self.source) if self.chinese else ()

    def supports(self, name: str) -> bool | None:
        """True: the source has this name; False: it has not; None: cannot tell.

        Latin, Cyrillic and Devanagari sources spell names letter for letter or sound for
        sound, so a name they do not show is absent. Chinese and Japanese characters have
        readings that romanisation does not recover (甲府 is Kōfu, not "Jiafu"): from them a
        name is declared absent only when it is a place whose name in the source language is
        known, or a foreign name (one that pinyin, Hepburn, Korean or Cantonese cannot spell),
        which such a source writes by sound.
        """
        f = fold(name)
        if len(f) >= 3 and f in self.folded:
            return True
        if f in self.word_set or mentions(f, self.folded):
            return True
        if "-" in f:  # Kidawa-Błońska: each part, however it is inflected
            parts = [p for p in f.split("-") if len(p) >= 3]
            if parts and all(self.inflected_in(p) for p in parts):
                return True
        if self.inflected_in(f):
            return True
        if self.script in ("Latin", None) and spelled_alike(f, self.words):
            return True
        if given_name_in(f, self.words):  # John in "Jan Paweł II"
            return True
        # A place whose name in the source language is known is settled by that name: the
        # skeletons of every run of Chinese characters would match some place by chance.
        known_place = bool(self.lang) and any(local_place_names(pid, self.lang) for pid in place_ids(name))
        if known_place and self.script in ("Han", "Kana"):
            return self._translated_place(name)
        if self.japanese is not None and phonetic.spells_hepburn(f):
            verdict = self._japanese_reading(f)
            if verdict is not None or japanese.available():
                # The reading replaces the skeletons of Mandarin readings of the characters,
                # which match short Japanese names by chance.
                return True if verdict or self._translated_place(name) else (False if known_place else verdict)
        # Consonant skeletons only bridge scripts: between Latin spellings they match too much.
        if self.sound_keys:
            # Devanagari spells sounds: letters compare, where consonant classes alone would
            # match Szabo with जवाब (javab) and Bailey with पर (par).
            alike = phonetic.sounds_alike(phonetic.english_key(f), self.sound_keys)
            if alike is None and not self._translated_place(name):
                return None
            if alike:
                return True
        elif self.chinese_runs and phonetic.spells_pinyin(f):
            # A name that pinyin spells is read in the characters, every reading of each:
            # consonant skeletons of character windows match such short names by chance
            # (Zhang in 郭梅越来越).
            if pinyin.written_in(f, self.chinese_runs) or self._translated_place(name):
                return True
            if known_place:
                return False
            if pinyin.written_in(f, self.chinese_runs, near=True):
                return None  # Arun for 阿荣 (arong): a minority name, spelt its own way
            if phonetic.spells_hepburn(f):
                return None  # Tanaka, Sendai: a Japanese name, written 田中 and 仙台, not by sound
            # Anna and Maria are foreign names that pinyin also spells: a Chinese source writes
            # them with transliteration characters (安娜, 玛丽亚), which then match loosely.
            return None if self._loosely_in(skeleton(name), self.transliteration_skeletons) else False
        elif self.script not in ("Latin", None):
            sk = skeleton(name)
            if len(sk) >= 2 and any(skeletons_match(sk, s) for s in self._skeletons_for(f)):
                return True
        if self._translated_place(name):
            return True
        if self.script in RELIABLE_SCRIPTS:
            return False
        if known_place:
            return False
        if self.script in ("Han", "Kana") and not phonetic.romanises_east_asian(f):
            # A foreign name, written by sound: its skeleton would have matched, give or take
            # the final consonants that Chinese drops (杜伊斯堡, Duisburg: TSP for TSPRK).
            return None if self._loosely_in(skeleton(name), self._skeletons_for(f)) else False
        return None

    def _japanese_reading(self, folded_name: str) -> bool | None:
        """A name that Hepburn spells, in the readings of a Japanese source (None: cannot tell).

        Its kanji are read by a dictionary (甲府 is Kōfu), in the few best analyses, and in
        every pinyin reading of each (a Chinese name, 胡錦濤 for Hu Jintao, has a Japanese reading
        unrelated to its English spelling); a name in none of them is absent, unless katakana
        writes it (ケニア, Kenya) or the source has a person's name, whose readings vary beyond
        the dictionary's (None: cannot tell).
        """
        paths = japanese.reading_paths(self.japanese)
        if paths is None:
            return None  # no reader installed: as before, a kanji name cannot be settled
        if any(read_in(folded_name, path) for path in paths):
            return True
        runs = pinyin.han_runs(self.japanese)
        if pinyin.written_in(folded_name, runs):
            return True
        if self.sound_skeletons and any(skeletons_match(skeleton(folded_name), s) for s in self.sound_skeletons):
            return True
        if japanese.has_unsure_name(self.japanese):
            return None
        return False

    @staticmethod
    def _loosely_in(sk: str, skeletons: tuple[str, ...]) -> bool:
        """A skeleton close to the name's, from its first consonant on: a transliteration that
        drops final consonants (杜伊斯堡, Duisburg: TSP for TSPRK) or changes a few."""
        return bool(sk) and any(s and s[0] == sk[0] and len(s) <= len(sk) + 1
                                and phonetic.lcs_length(sk, s) >= LOOSE_SKELETON_SHARE * len(sk) for s in skeletons)

    def _skeletons_for(self, folded_name: str) -> tuple[str, ...]:
        """A foreign name in Japanese is written in katakana: only katakana words can hold it.
        Every window of every run of characters would match some foreign name by chance."""
        if self.sound_skeletons is not None and not phonetic.romanises_east_asian(folded_name):
            return self.sound_skeletons
        return self.skeletons

    def _translated_place(self, name: str) -> bool:
        if not self.lang:
            return False
        for pid in place_ids(name):
            for local in local_place_names(pid, self.lang):
                if local in self.folded:
                    return True
                # Inflected or shortened: "des Malouines" for "Îles Malouines", "v Česku".
                longest = max(local.split(), key=len)
                stem = longest[:max(4, len(longest) - 2)]
                if len(stem) >= 4 and stem in self.folded:
                    return True
        return False


def _katakana_skeletons(src: str) -> tuple[str, ...] | None:
    """Skeletons of the katakana words of a Japanese text (None for a text without kana:
    Chinese writes foreign names with characters that also write words, so no subset of
    its characters can be trusted to hold them all)."""
    if not KANA_RE.search(src):
        return None
    out = {skeleton(phonetic.romanize(part)) for m in KATAKANA_RE.finditer(src) for part in m.group(0).split("・")}
    out.discard("")
    return tuple(out)


@functools.lru_cache(maxsize=64)
def source_evidence(src: str, lang: str | None) -> SourceEvidence:
    script = main_script(src)
    # anyascii writes soft signs as apostrophes (Тиньков -> Tin'kov): drop them.
    if script in (None, "Latin"):
        roman = src
    elif script == "Devanagari":
        roman = phonetic.romanize_devanagari(src)
    else:
        roman = phonetic.romanize(src).replace("'", "")
    # Apostrophes split (d'Alembert); hyphenated compounds count whole and by parts (Kidawy-Błońskiej).
    # Each word once: names are compared with every word, so repeats would make a long line
    # cost quadratic time. Folding keeps offsets, so the words are cut from the text folded once.
    folded_src = fold_text(src)
    folded_roman = folded_src if roman is src else fold(roman)
    # A romanised text is this function's own: its words straight from the word pattern, without
    # the tokens (and the cache) of `words`, which other checks share for the source as written.
    # The pattern finds the same words in the folded text as in the text (folding maps each
    # character to one of the same class: word character, apostrophe, hyphen or other).
    # (On ASCII text, a word's fold is its lower case: taken in C for every token at once.)
    folded_words = (WORD_RE.findall(folded_roman) if roman is not src
                    else list(map(str.lower, word_texts(src))) if src.isascii()
                    else [folded_roman[t.start:t.end] for t in words(src)])
    if "'" in folded_roman or "’" in folded_roman or "-" in folded_roman:
        pieces = []
        for word in folded_words:
            if "'" not in word and "’" not in word and "-" not in word:
                pieces.append(word)  # most words: nothing to split
                continue
            for part in (_APOSTROPHES_RE.split(word) if "'" in word or "’" in word else (word,)):
                if part:
                    pieces.append(part)
                    if "-" in part:
                        pieces.extend(p for p in part.split("-") if p)
    else:
        pieces = folded_words  # no word to split: the usual case, without a loop in Python
    toks = tuple(dict.fromkeys(pieces))
    cjk_chars = "".join(CJK_CHAR_RE.findall(src))
    folded = folded_src + " " + folded_roman
    sound_keys = tuple({phonetic.source_key(t) for t in toks}) if script == "Devanagari" else ()
    sound_skels = _katakana_skeletons(src) if cjk_chars else None
    chinese = script == "Han" and sound_skels is None and lang in (None, "zh")
    return SourceEvidence(src + " " + roman, folded, toks, cjk_chars, sound_keys, sound_skels,
                          pinyin.han_runs(src) if chinese else (), src, chinese, lang, script,
                          src if sound_skels is not None or (lang == "ja" and cjk_chars) else None)


def _window_skeletons(chars: str) -> set[str]:
    """Skeletons of every window of 2-6 characters, each romanised on its own (non-empty)."""
    syll = [phonetic.roman_char(c) for c in chars]
    out = set()
    for i in range(len(syll) - 1):
        window = syll[i]
        for piece in syll[i + 1:i + 6]:  # windows of 2-6 characters from i, each built on the last
            window += piece
            out.add(skeleton(window))
    out.discard("")
    return out


def _transliteration_skeletons(src: str) -> tuple[str, ...]:
    """Skeletons of every window of 2-6 characters inside runs of transliteration characters."""
    return tuple(set().union(*(_window_skeletons(run) for run in TRANSLITERATION_PAIR_RE.findall(src))))


