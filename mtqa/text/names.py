"""Names in a translation and the evidence for them in the source, across scripts.

A name in the English translation is supported by the source when the source contains it:
literally (`Houston`), inflected (`Miłosza` for `Miłosz`, `Londres` for `London`), transliterated
(`Хьюстон`, `ヒューストン`, `休斯顿` all reduce to the consonant skeleton of Houston; `ह्यूस्टन` is
compared by sound, see mtqa/text/phonetic.py), or
translated, for places (`保加利亚` is Bulgaria: CLDR's names of countries, regions and major cities
in 12 languages, in mtqa/data/common/places.tsv). Non-Latin text is romanised with anyascii.

The consonant skeleton keeps one class per sound group (b/p/f/v/w, c/k/g/q, d/t, s/z/x/j,
l/r, m/n) and drops vowels and h, because transliteration changes vowels and voicing far more
than consonant places.
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii

from mtqa import lexicons, wordfreq_data
from mtqa.text import acronyms, literals, phonetic, pinyin
from mtqa.text.scripts import main_script
from mtqa.text.sentences import sentence_starts
from mtqa.text.tokens import words

_CLASSES = {**dict.fromkeys("bpfvw", "P"), **dict.fromkeys("ckgq", "K"), **dict.fromkeys("dt", "T"),
            **dict.fromkeys("szxj", "S"), **dict.fromkeys("lr", "R"), **dict.fromkeys("mn", "N")}
_CJK_CHAR_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_CAPITAL_RE = re.compile(r"[A-Z][a-z']*|[a-z']+")
#: An English word this common in lower case is a word, not a name (Congress, White, Navy).
COMMON_WORD_ZIPF = 4.0
#: A capitalised word that is not a known place is checked only when rarer than this: English
#: has many capitalised dictionary words (Hemisphere, Subtropical) that are translated, not kept.
RARE_NAME_ZIPF = 3.0
#: Inflected languages: compare the start of source words with the name.
MIN_PREFIX = 4


@functools.lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch  # "İ".lower() is two characters: keep the length
    if ord(low) < 0x250 and not low.isascii():
        base = unicodedata.normalize("NFKD", low)[0]
        return "l" if low == "ł" else (base if base.isalpha() else low)
    return low


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case without accents on Latin letters (Müller -> muller, Łódź -> lodz), one
    character for one, so that offsets in the folded text are offsets in the original.
    Marks of other scripts (Devanagari vowel signs) are letters, not accents: kept."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


def _mentions(short: str, text: str) -> bool:
    """A short name (UN, APS) as a whole word of the folded text, hyphenated compounds included."""
    start = text.find(short)
    while start != -1:
        end = start + len(short)
        if (start == 0 or not text[start - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return True
        start = text.find(short, start + 1)
    return False


@functools.lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Consonant classes of a romanised word, repeats collapsed: Houston -> STN."""
    low = fold(text)
    for a, b in (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("sh", "s"), ("ch", "c"), ("ph", "f")):
        low = low.replace(a, b)
    out = []
    for ch in low:
        cls = _CLASSES.get(ch)
        if cls and (not out or out[-1] != cls):
            out.append(cls)
    return "".join(out)


def skeletons_match(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if min(len(a), len(b)) < 2:
        return a == b
    ratio = phonetic.lcs_length(a, b) / max(len(a), len(b))
    return ratio >= 0.66 if a[0] == b[0] else ratio >= 0.8


def _inflected(a: str, b: str) -> bool:
    """Same word up to an inflectional ending: Miłosz/Miłosza, Brno/Brně, Max/Maxa, Londres/London."""
    shorter = min(len(a), len(b))
    if shorter < 3:
        return False
    need = max(3, shorter - 2) if shorter <= 5 else max(MIN_PREFIX, int(0.6 * shorter + 0.5))
    return _common_prefix(a, b) >= need


#: How alike two spellings of one name must be (Elizabeth/Elisabeth, Muhammad/Mohammeds,
#: Constantinople/Konstantynopola) for a Latin-script source to support an English name.
SPELLING_RATIO = 0.65


def _spelled_alike(name: str, words: tuple[str, ...]) -> bool:
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


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


# ----------------------------------------------------------------------------- places

@dataclass(frozen=True)
class _Places:
    english: dict[str, frozenset[str]]          # folded English name or token -> place ids
    local: dict[str, dict[str, tuple[str, ...]]]  # lang -> id -> folded names


@functools.lru_cache(maxsize=1)
def _places() -> _Places:
    english: dict[str, set[str]] = {}
    local: dict[str, dict[str, list[str]]] = {}
    rows = list(lexicons.table("places.tsv")) + list(lexicons.table("place_aliases.tsv"))
    demonyms = {fold(d) for _pid, d in lexicons.table("demonyms.tsv", "en")}
    full_names = {fold(name) for _pid, lang, name in rows if lang == "en"}
    # Adjectives of another place: african (Africa), american (America).
    demonyms |= {tok for name in full_names for tok in re.findall(r"\w+", name)
                 if tok.endswith(("an", "ese")) and (tok[:-1] in full_names or tok[:-2] in full_names)}
    for pid, lang, name in rows:
        folded = fold(name)
        if lang == "en":
            english.setdefault(folded, set()).add(pid)
            for tok in re.findall(r"[\w.]+", folded):
                # "America" stands for the Americas too; "City" and "South" stand for nothing;
                # "African" in "Central African Republic" stands for Africa, not for that country.
                if (len(tok) >= 3 and wordfreq_data.zipf(tok, "en") < COMMON_WORD_ZIPF + 1 and tok not in _PLACE_WORDS
                        and tok not in demonyms):
                    english.setdefault(tok, set()).add(pid)
        local.setdefault(lang, {}).setdefault(pid, []).append(folded)
        bare = _QUALIFIER_RE.sub("", folded).strip()
        if bare and bare != folded:  # 刚果（金） is written 刚果 in running text
            local[lang][pid].append(bare)
    return _Places({k: frozenset(v) for k, v in english.items()},
                   {lang: {pid: tuple(names) for pid, names in by_id.items()} for lang, by_id in local.items()})


_QUALIFIER_RE = re.compile(r"\s*[（(][^）)]*[）)]")
_CLDR_QUALIFIER_RE = re.compile(r"\s+-\s+.*$|\s*\([^)]*\)")
_PLACE_WORDS = {"city", "island", "islands", "republic", "south", "north", "east", "west", "northern",
                "southern", "eastern", "western", "central", "united", "new", "saint", "san", "santa",
                "the", "and", "of", "sar", "china", "america", "world", "great", "lord", "mount", "port",
                # Generic words of natural features, translated with the name (Cabo de Europa,
                # Cape Europe; baie de Somme, Bay of Somme): the name's own word is what to check.
                "cape", "bay", "gulf", "strait", "lake", "river", "peninsula", "valley", "canyon", "coast"}


@functools.lru_cache(maxsize=None)
def _local_index(lang: str) -> tuple[dict[str, frozenset[str]], re.Pattern | None]:
    """Folded local name -> place ids, and one regex that finds them all (the longest at a
    position; written as a trie, since it runs over every source)."""
    out: dict[str, set[str]] = {}
    for pid, names in _places().local.get(lang, {}).items():
        for name in names:
            if len(name) >= 2:
                out.setdefault(name, set()).add(pid)
    regex = re.compile(literals.alternation(out)) if out else None
    return {k: frozenset(v) for k, v in out.items()}, regex


@functools.lru_cache(maxsize=None)
def _place_stems(lang: str) -> dict[str, frozenset[str]]:
    """One-word local place names without their final vowel (москв for Москва, polsk for
    Polska), for the declined forms of inflected languages."""
    out: dict[str, set[str]] = {}
    for pid, names in _places().local.get(lang, {}).items():
        for name in names:
            if " " not in name and len(name) >= 5:
                stem = name.rstrip("aeiouyаеёиоуыэюяйь")
                if len(stem) >= 4:
                    out.setdefault(stem, set()).add(pid)
    return {k: frozenset(v) for k, v in out.items()}


def _inflected_place(word: str, lang: str) -> frozenset[str]:
    """Places a declined word names: its stem with up to three letters of ending (Москве,
    России, Polsce is not found: its stem changes)."""
    stems = _place_stems(lang)
    for cut in range(0, 4):
        if len(word) - cut < 4:
            break
        stem = word[:len(word) - cut]
        if stem in stems and len(word) - len(stem) <= 3:
            return stems[stem]
    return frozenset()


def english_place_names(pid: str) -> tuple[str, ...]:
    return _places().local.get("en", {}).get(pid, ())


@functools.lru_cache(maxsize=None)
def _demonyms() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for pid, demonym in lexicons.table("demonyms.tsv", "en"):
        out.setdefault(pid, []).append(fold(demonym))
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _all_demonyms() -> frozenset[str]:
    return frozenset(d for ds in _demonyms().values() for d in ds)


@functools.lru_cache(maxsize=4096)
def english_place_forms(pid: str) -> tuple[str, ...]:
    """English names, aliases and adjectives of a place (the French, Dutch, Chinese...), and the
    names without CLDR's qualifiers (Congo - Kinshasa is written Congo, Myanmar (Burma) Myanmar)."""
    names = english_place_names(pid)
    bare = tuple(b for b in (_CLDR_QUALIFIER_RE.sub("", n).strip() for n in names) if b and b not in names)
    return names + bare + _demonyms().get(pid, ())


@functools.lru_cache(maxsize=65536)
def place_ids(name: str) -> frozenset[str]:
    """Places an English name (or one word of a place name, or an adjective such as Argentine) stands for."""
    index = _places().english
    f = fold(name)
    found = index.get(f)
    if found:
        return found
    if len(f) >= 6 and wordfreq_data.zipf(f, "en") < COMMON_WORD_ZIPF:  # Argentine -> Argentina
        for cut in (1, 2, 3):
            hit = index.get(f[:-cut]) or index.get(f[:-cut] + "a")
            if hit:
                return hit
    return frozenset()


def local_place_names(pid: str, lang: str) -> tuple[str, ...]:
    return _places().local.get(lang, {}).get(pid, ())


# ----------------------------------------------------------------------------- given names

@functools.lru_cache(maxsize=1)
def _given_names() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """English given name -> its forms in other languages, and form -> English names."""
    forward: dict[str, set[str]] = {}
    backward: dict[str, set[str]] = {}
    for english, forms in lexicons.table("given_names.tsv"):
        english = fold(english)
        for form in forms.split(","):
            form = fold(form.strip())
            if form:
                forward.setdefault(english, set()).add(form)
                backward.setdefault(form, set()).add(english)
    return ({k: frozenset(v) for k, v in forward.items()}, {k: frozenset(v) for k, v in backward.items()})


def _given_name_in(english: str, words: tuple[str, ...]) -> bool:
    """Whether `words` hold a form of this English given name (John: Jan, Janowi, Иван)."""
    forms = _given_names()[0].get(english)
    return bool(forms) and any(w in forms or any(_inflected(form, w) for form in forms if len(form) >= 4)
                               for w in words)


@functools.lru_cache(maxsize=4096)
def _english_given_names(word: str) -> frozenset[str]:
    """English forms of a given name, the word inflected or not (Elżbietę, Janowi)."""
    backward = _given_names()[1]
    if word in backward:
        return backward[word]
    return frozenset(e for form, englishes in backward.items() if len(form) >= 4 and _inflected(form, word)
                     for e in englishes)


# ----------------------------------------------------------------------------- source evidence

#: Scripts whose romanisation is faithful enough to say that a name is absent.
RELIABLE_SCRIPTS = {"Latin", "Cyrillic", "Devanagari", None}


#: Share of a foreign name's consonant classes that a run of Chinese or Japanese characters
#: must have for the name to be possibly there.
LOOSE_SKELETON_SHARE = 0.6


@dataclass(frozen=True)
class SourceEvidence:
    cased: str                    # the source as written, and romanised when not Latin
    folded: str                   # the source, folded
    words: tuple[str, ...]        # its words, folded (romanised when not Latin)
    skeletons: tuple[str, ...]    # consonant skeletons of words (and of CJK character windows)
    sound_keys: tuple[str, ...]   # phonetic keys of words, for a Devanagari source
    sound_skeletons: tuple[str, ...] | None  # skeletons of katakana words, for a Japanese source
    chinese_runs: tuple[str, ...]  # runs of characters of a Chinese source, read in pinyin
    transliteration_skeletons: tuple[str, ...]  # skeletons of its runs of transliteration characters
    lang: str | None
    script: str | None

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
        if f in self.words or _mentions(f, self.folded):
            return True
        if "-" in f:  # Kidawa-Błońska: each part, however it is inflected
            parts = [p for p in f.split("-") if len(p) >= 3]
            if parts and all(any(_inflected(p, w) for w in self.words) for p in parts):
                return True
        if any(_inflected(f, w) for w in self.words):
            return True
        if self.script in ("Latin", None) and _spelled_alike(f, self.words):
            return True
        if _given_name_in(f, self.words):  # John in "Jan Paweł II"
            return True
        # A place whose name in the source language is known is settled by that name: the
        # skeletons of every run of Chinese characters would match some place by chance.
        known_place = bool(self.lang) and any(local_place_names(pid, self.lang) for pid in place_ids(name))
        if known_place and self.script in ("Han", "Kana"):
            return self._translated_place(name)
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
    if not _KANA_RE.search(src):
        return None
    out = {skeleton(anyascii(part)) for m in _KATAKANA_RE.finditer(src) for part in m.group(0).split("・")}
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
        roman = anyascii(src).replace("'", "")
    # Apostrophes split (d'Alembert); hyphenated compounds count whole and by parts (Kidawy-Błońskiej).
    # Each word once: names are compared with every word, so repeats would make a long line
    # cost quadratic time.
    toks = tuple(dict.fromkeys(piece for t in words(roman) for part in re.split(r"['’]", fold(t.text)) if part
                               for piece in ((part, *part.split("-")) if "-" in part else (part,)) if piece))
    skels = [skeleton(t) for t in toks if len(t) >= 2]
    if _CJK_CHAR_RE.search(src):
        # Names in Chinese and Japanese are runs of characters: try every window of 2-6.
        skels.extend(_window_skeletons("".join(m.group(0) for m in _CJK_CHAR_RE.finditer(src))))
    folded = fold(src) + " " + fold(roman)
    sound_keys = tuple({phonetic.source_key(t) for t in toks}) if script == "Devanagari" else ()
    sound_skels = _katakana_skeletons(src) if _CJK_CHAR_RE.search(src) else None
    chinese = script == "Han" and sound_skels is None and lang in (None, "zh")
    return SourceEvidence(src + " " + roman, folded, toks, tuple(s for s in set(skels) if s), sound_keys, sound_skels,
                          pinyin.han_runs(src) if chinese else (),
                          _transliteration_skeletons(src) if chinese else (), lang, script)


def _window_skeletons(chars: str) -> set[str]:
    """Skeletons of every window of 2-6 characters, each romanised on its own (non-empty)."""
    syll = [anyascii(c) for c in chars]
    out = {skeleton("".join(syll[i:i + size])) for size in range(2, 7) for i in range(len(syll) - size + 1)}
    out.discard("")
    return out


def _transliteration_skeletons(src: str) -> tuple[str, ...]:
    """Skeletons of every window of 2-6 characters inside runs of transliteration characters."""
    return tuple(set().union(*(_window_skeletons(run) for run in _TRANSLITERATION_PAIR_RE.findall(src))))


# ----------------------------------------------------------------------------- names in English


#: Endings of English derived words (luminosity, meteorological, firefighting): dictionary
#: words that a translation renders, never names a translation must keep.
_DERIVED_RE = re.compile(r"(?:ity|ical|ology|ologist|ism|ness|ment|tion|sion|ing|ive|ous|ful|less|able|ible|"
                         r"ship|hood|wards?|woman|man|men|ist|ary|ory|ic|al|ian|ean|ese|ish|ure)s?$")


@functools.lru_cache(maxsize=65536)
def _demonym_like(low: str) -> bool:
    """Czech, Iranian, Chinese: an adjective of a place, translated rather than kept."""
    return any(_places().english.get(low[:-cut]) or _places().english.get(low[:-cut] + "a")
               for cut in (1, 2, 3) if len(low) - cut >= 3) or low in _all_demonyms()


@functools.lru_cache(maxsize=65536)
def _name_like(low: str) -> bool:
    """Could this (lower-cased) word be a name rather than an English word?"""
    parts = [p for p in low.split("-") if p]
    if len(parts) > 1:
        return any(_name_like(p) for p in parts if len(p) > 2)
    if wordfreq_data.zipf(low, "en") >= RARE_NAME_ZIPF or low in lexicons.words("common_words.txt", "en"):
        return False
    return not _DERIVED_RE.search(low)


#: Capitalised words that are never names to verify: days, months, company suffixes, compass points.
_NEVER_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                      "may june july august september october november december inc ltd corp co plc llc "
                      # Compass points are translated, never kept (Southwest China, 中国西南部).
                      "northeast northwest southeast southwest northeastern northwestern southeastern "
                      "southwestern".split())


@functools.lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Frequent English words, including those that are names as often as words (Congress, South)."""
    return lexicons.words("common_words.txt", "en") | lexicons.words("dual_words.txt", "en")


@functools.lru_cache(maxsize=1)
def _not_source_names() -> frozenset[str]:
    """Capitalised English words a source in another language translates rather than keeps:
    frequent words (those that are names as often as words too), titles and their
    abbreviations (Dr, Mrs, Sept), and the generic words of place names."""
    return _english_words() | lexicons.words("abbreviations.txt", "en") | _PLACE_WORDS


@functools.lru_cache(maxsize=64)
def english_name_tokens(text: str, broad: bool = False, names_only: bool = False) -> tuple[tuple[int, int, str], ...]:
    """Capitalised words of an English text that are names, with offsets.

    By default only words that cannot be ordinary English words (rare, not derived) and known
    places. `broad` adds frequent names inside a sentence (Obama, Hamas) — capitalised words
    that are not dictionary words — for comparing with another English text, a reference.
    `names_only` narrows `broad` to what a source in another language can be asked to contain:
    not the words English also writes capitalised as words or titles (Congress, President,
    South), which a source translates.
    """
    starts = sentence_starts(text) if broad else frozenset()
    function_words = lexicons.words("stopwords.txt", "en")
    common = _not_source_names() if names_only else lexicons.words("common_words.txt", "en")
    out = []
    for tok in words(text):
        word = tok.text.split("'")[0].split("’")[0]
        if len(word) < 2 or not word[0].isupper() or any(ch.isdigit() for ch in word):
            continue
        low = word.lower()
        if (low in function_words and not (names_only and word.isupper() and place_ids(word))) or low in _NEVER_NAMES:
            continue  # "US" in capitals is the country, not the pronoun: the source must have it
        if low in lexicons.words("abbreviations.txt", "en") and text[tok.start + len(word):][:1] in ".)":
            continue  # Rep. Brad Sherman, Sept. 16, (Mon): abbreviated words, not names
        place = bool(place_ids(word))
        if (broad and tok.start not in starts and word[1:].islower() and low not in common
                and not (names_only and "-" in word and not word.istitle())  # English-only
                and not _DERIVED_RE.search(low) and (place or not _demonym_like(low))):
            out.append((tok.start, tok.start + len(word), word))  # Obama, Hamas, Snowden
            continue
        if not place and (word.isupper() or not _name_like(low)):
            continue  # acronyms are often translated (CEDH -> ECHR); common words are words
        out.append((tok.start, tok.start + len(word), word))
    return tuple(out)


# ----------------------------------------------------------------------------- names in the source

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


def _attested_in_english(word: str) -> bool:
    """Names travel into English text, other languages' common nouns do not: Nantes, Merkel
    and Zimmermann occur in English corpora, Erderwärmung and Kurzarbeit do not. Inflected
    forms (Miłosza) are tried without their last letters."""
    low = word.lower()
    forms = (low, fold(low)) if not low.isascii() else (low,)  # English writes Mihajlovic, Drahos
    return any(wordfreq_data.zipf(form[:len(form) - cut], "en") >= 1.0
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
_TRANSLITERATION_PAIR_RE = re.compile(f"[{_TRANSLITERATION_CHARS}]{{2,}}")
_KANA_RE = re.compile(r"[\u3041-\u30ff]")
_KATAKANA_CHAR_RE = re.compile(r"[\u30a1-\u30fa\u30fc]")
#: A katakana word: katakana and long-vowel marks, with the middle dot of foreign full names.
_KATAKANA_RE = re.compile(r"[\u30a1-\u30fa][\u30a1-\u30fc・]*")
#: An acronym in a Latin or Cyrillic text, as a whole word; not a Roman numeral of centuries
#: and monarchs (XX wieku, Elisabeth II; CD and DC are acronyms more often than numbers).
SOURCE_ACRONYM_RE = re.compile(r"\b(?![IVX]+\b)[A-ZÀ-ÖØ-ÞĄĆČĎĘĚŁŃŇŘŚŠŤŮŹŻŽА-ЯЁ]{2,6}\b")


def _common_in_source(word: str, lang: str | None) -> bool:
    """A common word of the source language, though capitalised (German capitalises every
    noun, so only a rarer one may be a name there)."""
    limit = GERMAN_COMMON_ZIPF if lang == "de" else SOURCE_COMMON_ZIPF
    return bool(lang) and wordfreq_data.zipf(word.lower(), lang) >= limit


#: A capitalised word opening a sentence is taken for a name only when this rare in the source
#: language (Pawłowicz, Macura) — any common word may open a sentence.
SENTENCE_INITIAL_NAME_ZIPF = 2.0


def _rare_in_source(word: str, lang: str | None) -> bool:
    return bool(lang) and wordfreq_data.zipf(word.lower(), lang) < SENTENCE_INITIAL_NAME_ZIPF


def _international(word: str, lang: str) -> bool:
    """A name that travels unchanged between languages (Apple, Google, Obama) is as frequent in
    English as in the source language; a capitalised word of the language (Gobierno, Parti) is
    not, so a high frequency in the source language alone does not make a name a word."""
    low = word.lower()
    if lang == "de" and low in _english_words():
        return False  # German capitalises every noun, cognates included (Marine, Hotel)
    return low.isascii() and wordfreq_data.zipf(low, "en") >= wordfreq_data.zipf(low, lang) - INTERNATIONAL_MARGIN


def source_names(src: str, lang: str | None) -> list[SourceName]:
    """Names of the source that a translation must keep: places known in the source language
    (any script), capitalised rare words inside sentences (Latin and Cyrillic scripts), and
    Latin-script words inside a text in another script (`(Fairmont)`, `USGS`)."""
    script = main_script(src)
    out: list[SourceName] = []
    taken: list[tuple[int, int]] = []
    folded = fold(src)
    if lang:
        index, regex = _local_index(lang)
        for m in (regex.finditer(folded) if regex is not None else ()):
            name, pids = m.group(0), index[m.group(0)]
            if len(name) < 4 and script in _CASED_SCRIPTS and not src[m.start():m.end()].isupper():
                continue  # short names only as abbreviations (ОАЭ, USA): "usa" is in "causa"
            if (len(name) == 2 and script not in _CASED_SCRIPTS and name[-1] not in "国洲" and not _is_alias(name, lang)
                    and all(ch in _TRANSLITERATION_CHARS for ch in name)):
                continue  # 马里 (Mali) also spells a syllable pair of 波特马里恩 (Point Marion); 香港 spells none
            start, end = m.start(), m.end()
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
        for k, tok in enumerate(toks):
            word = tok.text
            if tok.start in starts and k + 1 < len(toks):
                pair = _sentence_initial_name(src, tok, toks[k + 1], lang, script)
                if pair and not any(a < pair.end and pair.start < b for a, b in taken):
                    out.append(pair)
                    taken.append((pair.start, pair.end))
                    continue
            if SOURCE_ACRONYM_RE.fullmatch(word) and not any(a <= tok.start < b for a, b in taken):
                out.append(SourceName(tok.start, tok.end, word, frozenset(), acronym=True))
                continue
            if len(word) < 3 or not word[0].isupper() or word.isupper():
                continue
            if tok.start in starts and not (script == "Latin" and _rare_in_source(word, lang)):
                continue  # any word may open a sentence: only one the language hardly uses is a name
            if any(a <= tok.start < b for a, b in taken) or any(ch.isdigit() for ch in word):
                continue
            pids = _inflected_place(fold(word), lang) if lang in _INFLECTED else frozenset()
            if pids:  # Москве, Polsce: a place declined away from its dictionary form
                out.append(SourceName(tok.start, tok.end, word, pids))
                continue
            if _common_in_source(word, lang) and not _international(word, lang):
                continue
            if script == "Cyrillic" and (_CYRILLIC_ADJECTIVE_RE.search(word) or "-" in word):
                continue  # Тихого океана, Центристская партия: institutions are translated, not kept
            if script == "Latin" and not _attested_in_english(word):
                continue
            out.append(SourceName(tok.start, tok.end, word, frozenset()))
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
    return sorted(out, key=lambda n: n.start)


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


def _related(a: str, b: str) -> bool:
    """Two words that share their start up to an ending: asia/asian, eastern/east, rome/roman."""
    cp = _common_prefix(a, b)
    return cp >= 3 and cp >= min(len(a), len(b)) - 2


#: Share of a transliterated name's consonant classes that an English name must contain, in order.
TRANSLITERATION_SHARE = 0.75


@dataclass(frozen=True)
class TargetEvidence:
    text: str
    folded: str
    words: tuple[str, ...]
    skeletons: tuple[str, ...]

    @functools.cached_property
    def name_skeletons(self) -> frozenset[str]:
        """Skeletons of every word and of every two adjacent capitalised words (Point Marion):
        needed only for transliterated source names, so built only then."""
        raw = words(self.text)
        joined = {skeleton(a.text + b.text) for a, b in zip(raw, raw[1:]) if a.text[:1].isupper() and b.text[:1].isupper()}
        return frozenset(self.skeletons) | (joined - {""})

    def keeps(self, name: SourceName, script: str | None) -> bool:
        """Whether the English translation renders this source name."""
        for pid in name.place_ids:
            for english in english_place_forms(pid):
                if _mentions(english, self.folded):
                    return True
                # Adjectives: China -> Chinese, Rome -> Roman, Central Asia -> Central Asian,
                # Eastern Africa -> East African.
                parts = [p for p in english.split() if len(p) >= 3]
                if parts and all(any(_related(p, w) for w in self.words) for p in parts):
                    return True
        if name.place_ids:
            return False
        text = name.text if script in ("Latin", None) else anyascii(name.text)
        f = fold(text)
        if any(english in self.words for english in _english_given_names(fold(name.text))):
            return True  # Jan as John, Иван as Ivan
        if f in self.words or (len(f) >= 4 and f in self.folded) or _mentions(f, self.folded):
            return True
        if any(_inflected(f, w) for w in self.words):
            return True
        if script in ("Latin", None):
            return _spelled_alike(f, self.words)  # skeletons only bridge scripts
        sk = skeleton(text)
        if len(sk) >= 2 and any(skeletons_match(sk, s) for s in self.skeletons):
            return True
        if name.transliterated:
            # A transliteration drops and adds sounds (Nixon / 尼克松 ni-ke-song, Point Marion /
            # 波特马里恩): most of its consonants, in order, within one name of the translation
            # (two adjacent capitalised words count as one).
            sk = skeleton(text.lower().replace("ng", "n"))  # pinyin song for -son, long for -lon
            return len(sk) >= 2 and any(phonetic.lcs_length(sk, s) >= TRANSLITERATION_SHARE * len(sk) for s in self.name_skeletons)
        return False


def translates_a_name(hyp: str, source: SourceEvidence, acronym: str) -> bool:
    """Whether the translation has an acronym that may render the source's `acronym` (ONU ->
    UN, OMS -> WHO), or a run of capitalised words or a place name of several words that the
    source does not contain as such (OMS -> World Health Organization, ОАЭ -> United Arab
    Emirates): the source acronym missing from it may have been translated, not dropped."""
    starts = sentence_starts(hyp)
    runs: list[list[str]] = [[]]
    for tok in words(hyp):
        word = tok.text
        if word.isupper() and len(word) >= 2 and word.isalpha():
            # Case matters: Spanish "un" does not explain "UN".
            if not _mentions(word, source.cased) and acronyms.corresponds(word, acronym):
                return True
            runs.append([])
        elif word[:1].isupper() and tok.start not in starts:
            runs[-1].append(word)
        elif word.lower() not in NAME_JOINERS or not runs[-1]:
            runs.append([])
    for run in runs:
        if sum(source.supports(w) is not True for w in run) >= 2:
            return True
        if len(run) >= 2 and place_ids(" ".join(run)) and not source._translated_place(" ".join(run)):
            return True
    return False


#: Small words inside a multi-word name or its spelt-out acronym (Ministry of the Interior).
NAME_JOINERS = frozenset({"of", "for", "and", "the", "de", "on", "to", "in", "at", "&"})


def mentions_name(evidence: TargetEvidence, name: str) -> bool:
    """Whether an English text has this English name, inflected or not, or another English
    name of the same place (USA / United States, EU / European Union)."""
    f = fold(name)
    if f in evidence.words or _mentions(f, evidence.folded):
        return True
    # English inflects names only with -s and 's (Merkel's, the Kennedys); a closer match would
    # hide misspellings (Volograd / Volgograd), which RF005 reports.
    if any(w in (f + "s", f + "'s", f + "’s") or f in (w + "s",) for w in evidence.words):
        return True
    return any(_mentions(form, evidence.folded) for pid in place_ids(name) for form in english_place_forms(pid))


def closest_name(evidence: TargetEvidence, name: str, text: str) -> str | None:
    """A name of `text` spelt almost like `name` (Volgograd for Volograd), as written there."""
    import difflib

    f = fold(name)
    best, best_ratio = None, 0.0
    for tok in words(text):
        candidate = tok.text
        if not candidate[:1].isupper():
            continue
        c = fold(candidate)
        if c == f or len(c) < 4:
            continue
        ratio = difflib.SequenceMatcher(a=f, b=c).ratio()
        if ratio > best_ratio:
            best, best_ratio = candidate, ratio
    return best if best_ratio >= 0.8 else None


@functools.lru_cache(maxsize=64)
def target_evidence(hyp: str) -> TargetEvidence:
    toks = tuple(dict.fromkeys(fold(t.text) for t in words(hyp)))  # each word once, as above
    return TargetEvidence(hyp, fold(hyp), toks, tuple({skeleton(t) for t in toks if len(t) >= 2} - {""}))
