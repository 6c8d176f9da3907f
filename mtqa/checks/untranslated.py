"""UT: source text left untranslated in the translation: foreign-script runs, source-language
words copied over, and translations identical to their source."""
from __future__ import annotations

import bisect
import re
from typing import Iterator

from mtqa.align import pairs
from mtqa.model import Hit, Segment, Severity
from mtqa.resources import frequencies
from mtqa.resources.languages import language_name
from mtqa.rules import rule
from mtqa.text import foreign_words
from mtqa.text.scripts import LOGOGRAPHIC, foreign_runs, main_script
from mtqa.text.sentences import sentence_starts
from mtqa.text.tokens import word_texts, words

# Thresholds on Zipf frequencies (see mtqa.resources.frequencies). A lower-case word copied from the
# source is untranslated when English does not know it, or when it is far more common in the
# source language (English corpora contain some German: "und" has Zipf 3.9 in English, 7.4 in
# German). A capitalised word is usually a name, so it must be a very common source word.
EN_UNKNOWN = 1.0
MARGIN = 2.0
COMMON = 4.0
CAPITALISED_COMMON = 4.5
REF_EN_COMMON = 3.0
#: A capitalised German word inside an English sentence: a common German noun that English
#: hardly uses. German surnames that are also nouns (Zimmermann, Schröder) occur in English
#: text far more often than this.
GERMAN_NOUN_COMMON = 3.3
GERMAN_NOUN_EN_RARE = 2.0
#: A part of an inflected or compound source word, copied: only flagged when it is no English word.
REF_STEM_EN_RARE = 2.5
STEM_MIN = 5
#: A source-language function word (und, que, že, pour) copied into the English: very frequent
#: in the source language, much rarer in English.
FUNCTION_WORD_ZIPF = 6.0
FUNCTION_WORD_EN_MAX = 5.0
_LATIN_WORD_RE = re.compile(r"^[^\W\d_]+$")
#: A run of non-spaces with a dot, slash or @ before a letter (Aktuálně.cz, a URL, an e-mail):
#: runs are found first, then tested, so that a long line without spaces takes linear time.
_NON_SPACE_RE = re.compile(r"\S+")
_URLISH_MARK_RE = re.compile(r"[./@]\w")


@rule("UT001", "foreign-script-text", severity=Severity.CRITICAL, category="accuracy/untranslated",
      languages=("en", "fr", "de", "es", "it", "pt", "cs", "pl"))
def foreign_script_text(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags text in a non-Latin script (Chinese, Japanese, Cyrillic, Devanagari...) in a translation into a Latin-script language.

    ## What it does
    Finds runs of letters of another writing system in a translation whose language is
    written in Latin script: one Han, kana, Hangul or Thai character, or two letters of an
    alphabet such as Cyrillic, Greek, Devanagari or Arabic. With the source, it says when the
    run was copied from it.

    ## Why is this bad?
    A reader of the English wire cannot read `三聚氰胺`; MT leaves such words when it does
    not know them (rare terms, names), and the meaning is lost.

    ## Example
    hyp: Cyanuric acid and 三聚氰胺 were found in the urine samples.
    Use instead:
    hyp: Cyanuric acid and melamine were found in the urine samples.
    """
    if segment.hyp.isascii():
        return  # every letter of those scripts lies outside ASCII: no run to find
    src = segment.src or ""
    for start, end, script in foreign_runs(segment.hyp):
        run = segment.hyp[start:end]
        letters = sum(ch.isalpha() for ch in run)
        if script not in LOGOGRAPHIC and letters < 2:
            continue  # a lone Greek letter: μ, α in a formula
        copied = bool(src) and run in src
        how = "left untranslated from the source" if copied else f"in {script} script"
        yield Hit(start, end, f"“{run}” is {how}")


_ELISION_RE = re.compile(r"['’]")


def _src_words(src: str) -> set[str]:
    """The source's words, elided articles split off (l'affaire gives affaire too)."""
    out = set(map(str.casefold, word_texts(src)))
    # Only a word with an apostrophe splits into parts other than itself (already in the set).
    for w in [w for w in out if "'" in w or "’" in w]:
        out.update(part for part in _ELISION_RE.split(w) if len(part) >= 2)
    return out


def _stem_in_source(word: str, sorted_src_words: list[str]) -> bool:
    """An inflected or compounded source word starts with this one: potenciál in potenciálem,
    Fleisch in Fleischbranche, historique in historiques. `sorted_src_words`: the source's
    words (_src_words), sorted."""
    w = word.casefold()
    if len(w) < STEM_MIN:
        return False
    # The words that start with w and are longer are greater than w, and no word that does not
    # start with w sorts between w and them: the first word after w decides (a bisection, not
    # a pass over every source word).
    i = bisect.bisect_right(sorted_src_words, w)
    return i < len(sorted_src_words) and sorted_src_words[i].startswith(w)


def _urlish_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the runs of non-spaces that look like a domain, a URL or an e-mail."""
    if not _URLISH_MARK_RE.search(text):
        return []  # a mark and the character after it are non-spaces: a run would hold them
    return [m.span() for m in _NON_SPACE_RE.finditer(text) if _URLISH_MARK_RE.search(m.group(0))]


def _reference_words(segment: Segment) -> set[str]:
    """The words of every reference, case-folded."""
    return {w.casefold() for r in segment.refs if r for w in word_texts(r)}


def _far_more_common(src_z: float, en_z: float, common: float = COMMON) -> bool:
    """A common word of the source language, far more frequent there than in English."""
    return src_z >= common and src_z - en_z >= MARGIN


#: German articles, contracted prepositions and possessives: a capitalised word right after
#: one of them in the source is a noun (die Koalition, zum Gipfel), not a surname (sagte
#: Seehofer, Ministerpräsident Söder), which wordfreq cannot tell apart.
GERMAN_DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner "
    "zum zur im am vom beim ins ans sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer "
    "unser unsere unseren dieser diese diesen diesem dieses jeder jede jeden jedem".split())


_GERMAN_ADJECTIVE_RE = re.compile(r"[a-zäöüß]+(?:e|en|er|es|em)|[A-ZÄÖÜ][a-zäöüß]+ten?")


def _after_determiner(word: str, src: str) -> bool:
    """Whether the source has the word (or a compound it begins) after a determiner, right
    after it or after an adjective (der höchste Gipfel, der Vereinten Nationen)."""
    toks = list(word_texts(src))
    low = word.casefold()
    for k, tok in enumerate(toks):
        if not tok.casefold().startswith(low) or k == 0:
            continue
        if toks[k - 1].casefold() in GERMAN_DETERMINERS:
            return True
        if k > 1 and toks[k - 2].casefold() in GERMAN_DETERMINERS and _GERMAN_ADJECTIVE_RE.fullmatch(toks[k - 1]):
            return True
    return False


@rule("UT002", "untranslated-source-word", severity=Severity.CRITICAL, category="accuracy/untranslated",
      needs=("src",), languages=("en",))
def untranslated_source_word(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a source-language word copied into the translation untranslated.

    ## What it does
    Finds words of the translation that also occur in the source and that are common words of
    the source language but rare in English, according to word-frequency data (wordfreq):
    `comportement`, `Verhandlungen`, `ciudad`. Names (rare in both languages), words shared by
    both languages and numbers are left alone. German capitalises its nouns, so a capitalised
    German word counts when the source has it (or a compound it begins: Fleisch in
    Fleischbranche) after an article or a possessive, as a noun, not a surname. Needs the
    source language. With a reference
    as a second witness it also flags short function words of the source (`que`, `že`) and
    parts of inflected or compound source words (`potenciál` from `potenciálem`) that the
    reference does not use.

    ## Why is this bad?
    MT copies words it cannot translate; the English reader loses them, and a fluent sentence
    around the copied word hides the gap.

    ## Example
    hyp: The comportement of the animals changed after the storm.
    src: Le comportement des animaux a changé après la tempête.
    src_lang: fr
    Use instead:
    hyp: The behaviour of the animals changed after the storm.
    """
    src_lang = segment.src_lang
    if not src_lang or src_lang == "en" or not frequencies.has_language(src_lang):
        return
    ref_words = None  # read at the first pair in Latin script: most pairs of other scripts need none
    for (hs, he), (ss, se) in pairs.source_pairs(segment):
        src = segment.src[ss:se]
        if main_script(src) != "Latin":
            continue  # other scripts: UT001 sees copied text by its script
        if ref_words is None:
            ref_words = _reference_words(segment)
        src_words = _src_words(src)
        sorted_src_words = None  # sorted when a stem is first looked for
        hyp = segment.hyp[hs:he]
        starts = sentence_starts(hyp)
        urlish = _urlish_spans(hyp)
        toks = words(hyp)
        for k, tok in enumerate(toks):
            word = tok.text
            if not _LATIN_WORD_RE.match(word) or len(word) < 2:
                continue
            copied = word.casefold() in src_words
            german_noun = src_lang == "de" and word[0].isupper()
            if not copied and (ref_words or german_noun) and sorted_src_words is None:
                sorted_src_words = sorted(src_words)
            if not copied and not ((ref_words or german_noun) and _stem_in_source(word, sorted_src_words)
                                   and (word[0].islower() or frequencies.zipf(word, src_lang) >= COMMON)):
                continue  # a name's inflected forms (Rydzyka for Rydzyk) are no copied stem
            if len(word) < 3 and not ref_words:
                continue
            if word.isupper() or any(a <= tok.start < b for a, b in urlish) or word.casefold() in ref_words:
                continue  # acronyms, domain names (Aktuálně.cz), words the reference uses too
            src_z = frequencies.zipf(word, src_lang)
            en_z = frequencies.zipf(word, "en")
            if ref_words:
                # Copied from the source and absent from the reference (which keeps names):
                # untranslated unless it is an ordinary English word. A function word of the
                # source language (und, que, že) is far more frequent there than in English.
                name_like = (word[0].isupper() and tok.start not in starts and src_z < COMMON
                             and not (german_noun and _after_determiner(word, src)))
                rare_in_english = en_z < (REF_EN_COMMON if copied else REF_STEM_EN_RARE)
                function_word = (copied and src_z >= FUNCTION_WORD_ZIPF and en_z < FUNCTION_WORD_EN_MAX
                                 and src_z - en_z >= MARGIN)
                # As without a reference: a word far more common in the source language (pueblo).
                source_word = word[0].islower() and copied and _far_more_common(src_z, en_z)
                untranslated = (rare_in_english and not name_like) or function_word or source_word
            elif word[0].islower():
                untranslated = en_z < EN_UNKNOWN or _far_more_common(src_z, en_z)
            elif k + 1 < len(toks) and toks[k + 1].text[:1].isupper() and hyp[tok.end:toks[k + 1].start] == " ":
                untranslated = False  # "Del Potro", "Le Monde": part of a name
            elif german_noun:
                # German capitalises every noun: a German noun English does not use, after a
                # determiner in the source (die Koalition, für die Fleischbranche), is a copied
                # word; a name (sagte Seehofer; Michael Zimmermann in the translation) is not.
                # Compounds of common words are left alone: so are many names (Rosenheim, Feldmann).
                after_capital = (k > 0 and toks[k - 1].text[:1].isupper() and tok.start not in starts
                                 and hyp[toks[k - 1].end:tok.start] == " ")
                untranslated = (_far_more_common(src_z, en_z, CAPITALISED_COMMON)
                                or (not after_capital and _far_more_common(src_z, en_z, GERMAN_NOUN_COMMON)
                                    and en_z < GERMAN_NOUN_EN_RARE and _after_determiner(word, src)))
            elif tok.start in starts:
                untranslated = _far_more_common(src_z, en_z, CAPITALISED_COMMON)
            else:
                untranslated = False  # a capitalised word inside the sentence is a name
            if untranslated:
                name = language_name(src_lang)
                yield Hit(hs + tok.start, hs + tok.end, f"“{word}” is a {name} word left untranslated")


@rule("UT003", "translation-identical-to-source", severity=Severity.CRITICAL, category="non-translation",
      needs=("src",))
def translation_identical_to_source(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a translation that is a copy of its source.

    ## What it does
    Flags a segment whose translation equals its source (ignoring surrounding whitespace and
    case) when the source has at least three words and the two languages differ.

    ## Why is this bad?
    Nothing was translated: a pipeline fell back to the source, or a segment was skipped.

    ## Example
    hyp: Le gouvernement a démissionné hier soir.
    src: Le gouvernement a démissionné hier soir.
    src_lang: fr
    Use instead:
    hyp: The government resigned last night.
    """
    if segment.src_lang and segment.tgt_lang and segment.src_lang == segment.tgt_lang:
        return
    hyp, src = segment.hyp.strip(), (segment.src or "").strip()
    if hyp and hyp.casefold() == src.casefold() and len(word_texts(src)) >= 3:
        start = segment.hyp.index(hyp[0])
        yield Hit(start, start + len(hyp), "the translation is identical to the source")


#: Latin-script languages whose common words UT004 recognises in English text (their small
#: wordfreq lists: about 4 MB each, loaded the first time an unknown word is looked up).
FOREIGN_LANGS = ("de", "fr", "es", "it", "pl", "cs", "pt", "nl")
#: A lower-case word English hardly uses (below this Zipf frequency)...
FOREIGN_EN_RARE = 2.0
#: ...that another language uses commonly (at least this): `nicht`, `wichtigen`, `ciudad`.
FOREIGN_COMMON = 3.5
#: A function word of another language, which English corpora also hold in quotations and
#: names (`und` has Zipf 3.9 in English, 7.4 in German): very common there, far rarer here.
FOREIGN_FUNCTION = 6.0
FOREIGN_FUNCTION_MARGIN = 3.0
#: About the highest Zipf frequency of any word in any language (`the`, `de`, `und`: 7.4–7.7).
_FOREIGN_TOP = 8.0
_WORD_RUN_RE = re.compile(r"\w+")
_FOREIGN_WORD_RE = re.compile(r"(?<![\w'’#@-])[^\W\d_A-Z]+(?![\w'’-])")


@rule("UT004", "foreign-word", severity=Severity.MAJOR, category="accuracy/untranslated",
      languages=("en",))
def foreign_word(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a lower-case word that English does not use but another language commonly does: a word left untranslated.

    ## What it does
    Looks up each lower-case word of three letters or more in word-frequency data
    (wordfreq): when English hardly uses it and German, French, Spanish, Italian, Polish,
    Czech, Portuguese or Dutch uses it commonly (`nicht`, `wichtigen`, `ciudad`), or it is a
    very common function word there and far rarer in English (`und`), it is flagged. Needs no
    source: words the source has are left to UT002, which knows the source language, and
    words the reference uses are accepted. Particles inside names (`Mies van der Rohe`),
    web addresses and hashtags are left alone.

    ## Why is this bad?
    Machine translation copies words it cannot translate. Without the source at hand an
    editor reads past them; the reader of the wire gets a sentence with a hole in it.

    ## Example
    hyp: The ministry said the talks were nicht successful.
    Use instead:
    hyp: The ministry said the talks were not successful.
    """
    hyp = segment.hyp
    urlish = None
    foreign = foreign_words.table()
    # Each match of _FOREIGN_WORD_RE is a whole run of \w characters (no \w touches it): when no
    # run, case-folded, is a foreign word, nothing can be flagged and the slow scan (a regex
    # opening on a lookbehind) is skipped. In ASCII text the runs are the tokens of words()
    # in lower case (already cut), which settles most texts without a regex at all.
    # (none_in_table runs the lookups in C without a call for each word.)
    if hyp.isascii():
        if foreign_words.none_in_table(word_texts(hyp)):
            return
    elif foreign_words.none_in_table(map(str.casefold, _WORD_RUN_RE.findall(hyp))):
        return
    # The witnesses, read only now: most texts were settled above.
    src_words = set(map(str.casefold, word_texts(segment.src))) if segment.src else set()
    ref_words = _reference_words(segment)
    for m in _FOREIGN_WORD_RE.finditer(hyp):
        word = m.group(0)
        if len(word) < 3 or not word[0].islower() or word in src_words or word in ref_words:
            continue
        # The frequency test (foreign_words.foreign_language) precomputed for every word.
        lang = foreign.get(word.casefold())
        if lang is None:
            continue
        if _inside_name(hyp, m.start(), m.end()):
            continue
        if urlish is None:
            urlish = _urlish_spans(hyp)
        if any(a <= m.start() < b for a, b in urlish):
            continue
        yield Hit(m.start(), m.end(), f"“{word}” is not English: a common {language_name(lang)} word")




_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\s+$")
_WORD_AFTER_RE = re.compile(r"\s+([^\W\d_]+)")
#: Lower-case particles of names (Mies van der Rohe, Manuel de la Cruz, Museo del Prado), at
#: most _NAME_PARTICLES in a row. "und" between two names (Brooks und Groening) is no particle.
_NAME_PARTICLE_WORDS = frozenset({"van", "von", "der", "den", "de", "del", "della", "delle", "dei", "degli",
                                  "da", "das", "dos", "do", "du", "des", "di", "la", "le", "les", "lo", "los",
                                  "las", "ten", "ter", "zu", "zum", "zur", "al", "el", "bin", "ibn", "y"})
_NAME_PARTICLES = 3


def _inside_name(text: str, start: int, end: int) -> bool:
    """A particle of a name: a particle word among at most _NAME_PARTICLES of them between two
    capitalised words (Mies van der Rohe, Museo del Prado)."""
    def capital_within(step) -> bool:
        pos_start, pos_end = start, end
        for _ in range(_NAME_PARTICLES):
            m = (_WORD_BEFORE_RE.search(text, max(0, pos_start - 40), pos_start) if step < 0
                 else _WORD_AFTER_RE.match(text, pos_end))
            if m is None:
                return False
            if m.group(1)[0].isupper():
                return True
            if m.group(1) not in _NAME_PARTICLE_WORDS:
                return False
            pos_start, pos_end = m.start(1), m.end(1)
        return False
    return text[start:end] in _NAME_PARTICLE_WORDS and capital_within(-1) and capital_within(1)
