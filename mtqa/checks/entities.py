"""NE: names, places, organisations and acronyms that the translation changed, dropped or
invented (see mtqa.text.names for how a name is matched across scripts)."""
from __future__ import annotations

import functools
import re
from typing import Iterator

from mtqa.align import pairs
from mtqa.model import Confidence, Hit, Segment, Severity
from mtqa.resources import frequencies
from mtqa.rules import rule
from mtqa.text.scripts import main_script
from mtqa.text.tokens import word_texts


@functools.cache
def _import_name_matching() -> None:
    """Imports the name-matching code into this module on the first run of one of its rules.

    Both rules need a source, so a target-only run never runs them, and importing mtqa.text.names,
    geofeatures and acronyms (with rapidfuzz, pinyin and the Japanese readings) was ~40 ms of its
    ~300 ms start-up. Every function below that uses these names is reached only from a rule,
    which calls this first; the names are then plain globals (no import statement on each call).
    """
    global acronyms, geofeatures, missing_name_confidence, english_name_tokens, dropped_kanji_names
    global source_evidence, SOURCE_ACRONYM_RE, source_names, fold, fold_text
    global NAME_JOINERS, mentions_name, target_evidence, translates_a_name
    from mtqa.text import acronyms, geofeatures
    from mtqa.text.names.confidence import missing_name_confidence
    from mtqa.text.names.english import english_name_tokens
    from mtqa.text.names.japanese_names import dropped_kanji_names
    from mtqa.text.names.source_evidence import source_evidence
    from mtqa.text.names.source_names import SOURCE_ACRONYM_RE, source_names
    from mtqa.text.names.spelling import fold, fold_text
    from mtqa.text.names.target_evidence import (
        NAME_JOINERS,
        mentions_name,
        target_evidence,
        translates_a_name,
    )


#: An acronym of the English translation: 2-6 capitals, optionally with a plural s (NGOs), as a
#: whole word; not a Roman numeral of centuries and monarchs (World War II, Louis XIV).
_ACRONYM_RE = re.compile(r"\b(?![IVX]+s?\b)[A-Z]{2,6}(?=s?\b)")
_TWO_CAPITALS_RE = re.compile(r"[A-Z]{2}")
#: An acronym this frequent in English is a word of the language (TV, US, UK), not a name to verify.
ACRONYM_WORD_ZIPF = 5.0


def _acronym_supported(acronym: str, src: str, refs) -> bool:
    """Whether the source or a reference has this acronym: written alike (ČEZ for CEZ), as a
    place (the United States for US), or spelt out (European Union, non-governmental
    organisation)."""
    if frequencies.zipf(acronym.lower(), "en") >= ACRONYM_WORD_ZIPF:
        return True
    if _mentions_folded(acronym, src):
        return True
    for ref in refs:
        if not ref:
            continue
        if _mentions_folded(acronym, ref) or mentions_name(target_evidence(ref), acronym) or _spelt_out(acronym, ref):
            return True
    return False


def _mentions_folded(acronym: str, text: str) -> bool:
    """The acronym in the text, whatever its case and dots (K.o. for KO), starting a word (as
    `\b` would say before it; a search without a pattern to compile for each acronym)."""
    low, folded = acronym.lower(), fold_text(text).replace(".", "")
    start = folded.find(low)
    while start != -1:
        if start == 0 or not (folded[start - 1].isalnum() or folded[start - 1] == "_"):
            return True
        start = folded.find(low, start + 1)
    return False


#: Without a reference, acronyms this frequent in English (CEO, NATO) may render a source's
#: words as easily as its acronym, and currency codes render currency names (zł as PLN).
SOURCE_ONLY_ACRONYM_ZIPF = 4.0


@functools.lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _generic_acronym(acronym: str) -> bool:
    return (acronym in _currency_codes()
            or frequencies.zipf(acronym.lower(), "en") >= SOURCE_ONLY_ACRONYM_ZIPF)


def _spelt_out(acronym: str, text: str) -> bool:
    """Words of `text` whose initials spell the acronym (hyphenated parts count)."""
    toks = [w for word in word_texts(text) for w in word.split("-") if w and w.lower() not in NAME_JOINERS]
    return acronym in "".join(w[0].upper() for w in toks)


def _dropped_source_names(segment: Segment, hs: int, he: int, ss: int, se: int) -> tuple:
    """Spans (field "src") of the names of this source part that the translation part lacks."""
    src = segment.src[ss:se]
    script, evidence = main_script(src), target_evidence(segment.hyp[hs:he])
    return tuple(("src", ss + n.start, ss + n.end) for n in source_names(src, segment.src_lang)
                 if not evidence.keeps(n, script))


def _unsupported(name: str, evidence, refs) -> bool:
    """Whether neither the source nor a reference supports this name of the translation."""
    in_source = evidence.supports(name)
    if in_source is True:
        return False
    if refs:
        # The reference is a second witness: it settles what the source cannot (a Japanese or
        # Chinese source), and a name it has is no error.
        return not any(mentions_name(ev, name) for ev in refs)
    return in_source is False


@rule("NE001", "name-not-in-source", severity=Severity.MAJOR, category="accuracy/mistranslation",
      needs=("src",), languages=("en",))
def name_not_in_source(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a name in the translation that nothing in the source supports.

    ## What it does
    Takes the names of the English translation (capitalised words inside a sentence that
    English does not also use as words or titles, and rare capitalised words) and looks for each
    in the source: literally, inflected, spelt another way (Elisabeth, Konstantinopel),
    transliterated (compared by consonant skeleton after romanisation; a Hindi source by
    sound) or, for places, under its name in the source language (CLDR names of countries,
    regions and major cities; for seas, oceans, regions and mountains named with common words —
    the North Sea, the Middle East, Earth — the stems of their names in each source language).
    From a Chinese or Japanese source, places can be declared missing, and foreign names (which
    pinyin, Hepburn, Korean or Cantonese cannot spell, and which such a source writes by sound:
    in Japanese, in katakana); from a Chinese source also names that pinyin spells, read in
    every reading of its characters (Xiamen in 厦门, Taipei in 台北); from a Japanese source
    (with the `ja` extra) names that Hepburn spells, in a dictionary's readings of the kanji
    (Kofu in 甲府), unless the source has a person's name. Other names are left alone
    there unless a reference settles them. Acronyms are checked too: with a reference, one
    that neither the source nor a reference writes (as a place or spelt out) is flagged;
    without one, when the source (Latin or Cyrillic script) has no acronym that the
    translation's may render (the same letters, reordered: CEDH/ECHR; or a known equivalent:
    OMS/WHO), except currency codes and very frequent acronyms.

    ## Why is this bad?
    A wrong name (another country, another person) misattributes facts, and a reader cannot
    tell from the fluent sentence; MT produces such substitutions when it hallucinates.

    ## Example
    hyp: Goods imported from Bulgaria are duty free.
    src: 从中美洲进口的货物都是免关税的。
    src_lang: zh
    Use instead:
    hyp: Goods imported from Central America are duty free.
    """
    _import_name_matching()
    refs = [target_evidence(r) for r in segment.refs if r]
    ref_words = None  # the references' words, folded: needed only to grade a name that is flagged
    for (hs, he), (ss, se) in pairs.source_pairs(segment):
        evidence = source_evidence(segment.src[ss:se], segment.src_lang)
        flagged = []
        dropped = None  # the source names the translation lacks, found when first needed
        verdicts: dict[str, bool] = {}  # a name repeated in a long text is judged once
        for start, end, name in english_name_tokens(segment.hyp[hs:he], broad=True, names_only=not refs):
            if name not in verdicts:
                verdicts[name] = _unsupported(name, evidence, refs)
            if not verdicts[name]:
                continue
            flagged.append((start, end))
            if dropped is None:
                dropped = _dropped_source_names(segment, hs, he, ss, se)
            if ref_words is None:
                ref_words = [fold(w) for r in segment.refs if r for w in word_texts(r)]
            # The source's names the translation lacks are what this name probably replaced: NE002's
            # findings on them fold into this one (one replaced name, one finding).
            yield Hit(hs + start, hs + end, f"“{name}” matches no name in the source"
                      + (" or the reference" if refs else ""),
                      confidence=missing_name_confidence(name, [*evidence.words, *ref_words]), related=dropped)
        # Seas, oceans and regions are named with common words, which the loop above leaves
        # alone; a table gives their names in the source languages.
        for start, end, name, fid in geofeatures.features_in(segment.hyp[hs:he]):
            if any(s < end and start < e for s, e in flagged):
                continue
            if geofeatures.named_in(fid, name, segment.src[ss:se], segment.src_lang) is not False:
                continue
            if any(fold(name) in fold(r) for r in segment.refs if r):
                continue
            yield Hit(hs + start, hs + end, f"“{name}” is not named in the source"
                      + (" or the reference" if refs else ""))
        # Acronyms are often translated (CEDH -> ECHR, OMS -> WHO): the source alone judges one
        # only when none of its own acronyms may be its original, and only when its script
        # spells acronyms in capitals (a Chinese source writes 北约 for NATO).
        # Most translations have no two capitals in a row, which every acronym needs: a plain
        # search says so sooner than the acronym pattern's word-boundary tests at each position.
        if (refs or evidence.script in ("Latin", "Cyrillic")) and _TWO_CAPITALS_RE.search(segment.hyp, hs, he):
            src = segment.src[ss:se]
            src_acronyms = None  # the source's acronyms, found when an acronym needs them
            for m in _ACRONYM_RE.finditer(segment.hyp, hs, he):
                acronym = m.group(0)
                if _acronym_supported(acronym, src, segment.refs):
                    continue
                if src_acronyms is None:
                    src_acronyms = SOURCE_ACRONYM_RE.findall(src)
                if acronyms.renders_any(acronym, src_acronyms):
                    continue  # the source's ONG is the NGO of the translation
                if not refs and (evidence.supports(acronym) is True or _generic_acronym(acronym)):
                    continue
                where = ("neither in the source nor in the reference" if refs
                         else "not in the source and renders none of its acronyms" if src_acronyms
                         else "not in the source, which has no acronym")
                # Acronyms are translated (МРП as MCI) more often than names: from the source alone,
                # one that may render another acronym of the source is weak evidence.
                yield Hit(m.start(), m.end(), f"“{acronym}” is {where}",
                          confidence=Confidence.LOW if src_acronyms and not refs else Confidence.MEDIUM)


@rule("NE002", "source-name-missing", severity=Severity.MAJOR, category="accuracy/omission",
      needs=("src",), languages=("en",), defers_to=("NE001",))
def source_name_missing(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a name of the source that the translation does not render.

    ## What it does
    Finds the names of the source — places whose name in the source language is known (in
    any script), capitalised uncommon words inside sentences (Latin and Cyrillic scripts; a
    word the language hardly uses even opening one), acronyms, runs of Chinese
    transliteration characters and Latin-script words inside text in another script — and
    flags, in the source, each one that the translation does not render: literally,
    inflected, transliterated, for places by an English name, for acronyms by one that may
    render them (ONU as UN, OMS as WHO) or by a name spelt out (VIN as vehicle identification
    number), and for a name by the acronym it and the words after it spell (Evropské unie as EU).
    From a Japanese source (with the `ja` extra) also the names of people and places that a
    dictionary tags, when no capitalised word of the translation reads them (in its best
    readings, or in pinyin) and every name of the translation is confirmed by the source.

    ## Why is this bad?
    A dropped or replaced name removes who or where from a news sentence; the translation
    still reads well, so only a comparison with the source shows it.

    ## Example
    hyp: The man works for the diocese, a spokesman said.
    src: Der Mann arbeitet für die Diözese Nantes, sagte ein Sprecher.
    src_lang: de
    Use instead:
    hyp: The man works for the diocese of Nantes, a spokesman said.
    """
    _import_name_matching()
    refs = [target_evidence(r) for r in segment.refs if r]
    for (hs, he), (ss, se) in pairs.source_pairs(segment):
        src = segment.src[ss:se]
        script = main_script(src)
        evidence = target_evidence(segment.hyp[hs:he])
        verdicts: dict[tuple, bool] = {}  # a name repeated in a long source is judged once
        for name in source_names(src, segment.src_lang):
            key = (name.text, name.place_ids, name.acronym)
            if key not in verdicts:
                verdicts[key] = _dropped(name, segment.hyp[hs:he], src, segment.src_lang, script, evidence, refs)
            if verdicts[key]:
                yield Hit(ss + name.start, ss + name.end, f"the source's “{name.text}” is missing from the translation",
                          field="src", confidence=missing_name_confidence(name.text, evidence.words))
        if segment.src_lang == "ja" and not refs:
            # Kanji names of people and places, as a dictionary reads them (the `ja` extra).
            taken = [(n.start, n.end) for n in source_names(src, segment.src_lang)]
            for start, end, text in dropped_kanji_names(src, segment.hyp[hs:he], taken):
                yield Hit(ss + start, ss + end, f"the source's “{text}” is missing from the translation",
                          field="src", confidence=Confidence.HIGH)


def _dropped(name, hyp: str, src: str, src_lang: str | None, script, evidence, refs) -> bool:
    """Whether the translation drops this source name (and a reference keeps it, if there is one)."""
    if evidence.keeps(name, script):
        return False  # checked first: the usual case, and then the references need no look
    if refs and not any(ev.keeps(name, script) for ev in refs):
        return False  # the reference does not render it visibly either: our matching failed
    if name.acronym and not refs:
        if translates_a_name(hyp, source_evidence(src, src_lang), name.text):
            return False  # ONU may be there as "UN", OMS as "World Health Organization"
    if name.text.isupper() and len(name.text) >= 3 and acronyms.spelled_out(name.text, hyp):
        return False  # VIN as "vehicle identification number" (two letters would be too easy)
    # Evropské unie as "EU": an acronym of the translation spelt by the name and the words after it.
    return not (script in ("Latin", "Cyrillic") and any(acronyms.spelled_out(a, src, at=name.start)
                                                        for a in _ACRONYM_RE.findall(hyp)))
