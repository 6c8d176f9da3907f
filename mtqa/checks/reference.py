"""RF: differences from the reference that change what the translation says.

A reference (a post-edit or another human translation) is worded differently from the MT, so
mtqa does not report every difference: sacrebleu's scores measure those. It reports the
differences whose class makes them errors: numbers, names, negation, opposite words, and a
translation that shares nothing with its reference.

When the source is given too, the source-aware families (NU, NE, NG) do the comparing and use
the reference as a second witness; RF001-RF003 then stay silent so that one error is one
finding. RF004-RF006 have no source-side twin and always run.
"""
from __future__ import annotations

import collections
import functools
import re
from typing import Iterator

from mtqa.align import pairs, slots
from mtqa.checks.numbers import confidence as number_confidence
from mtqa.model import Confidence, Hit, Segment, Severity
from mtqa.resources import frequencies, lexicons
from mtqa.rules import rule
from mtqa.text import antonyms
from mtqa.text.lower_words import lower_words
from mtqa.text.tokens import word_texts, words


@functools.cache
def _import_comparers() -> None:
    """Imports the name, negation and number readers into this module on the first run of a rule
    that uses them.

    Every rule here needs a reference, so a target-only run never runs one, and importing
    mtqa.text.names, mtqa.text.negation and mtqa.text.numbers (with rapidfuzz and their tables'
    code) was ~60 ms of its start-up together with mtqa.checks.entities, which defers the same way.
    Every function below that uses these names is reached only from a rule that calls this first;
    the names are then plain globals (no import statement on each call).
    """
    global missing_name_confidence, english_name_tokens, source_evidence, fold
    global closest_name, mentions_name, target_evidence, NT_ENDINGS, negation_cues, reference_negations
    global quantities
    from mtqa.text.names.confidence import missing_name_confidence
    from mtqa.text.names.english import english_name_tokens
    from mtqa.text.names.source_evidence import source_evidence
    from mtqa.text.names.spelling import fold
    from mtqa.text.names.target_evidence import closest_name, mentions_name, target_evidence
    from mtqa.text.negation import NT_ENDINGS, negation_cues, reference_negations
    from mtqa.text.numbers import quantities


def _ref_quantities(segment: Segment):
    return tuple(q for r in pairs.refs_of(segment) for q in quantities(r, segment.tgt_lang))


@rule("RF001", "number-differs-from-ref", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("ref",))
def number_differs_from_reference(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a number of the translation that the reference does not have (when there is no source).

    ## What it does
    Compares the quantities of the translation with those of the references (same language,
    so `two thousand` and `2,000` agree, and so do `hundreds` and `several hundred`), and
    flags a translation quantity that no reference supports. With a source, NU001 does this
    job with both witnesses, and this rule is silent.

    ## Why is this bad?
    A number that differs from the reference is a wrong figure in the published text.

    ## Example
    hyp: Russia received 30 drones from Iran, the White House said.
    ref: Russia received 300 drones from Iran, the White House said.
    Use instead:
    hyp: Russia received 300 drones from Iran, the White House said.
    """
    _import_comparers()
    if segment.src:
        return
    ref_q = _ref_quantities(segment)
    hyp_q = quantities(segment.hyp, segment.tgt_lang)
    flagged: list[tuple[int, int]] = []
    others = [r.text for r in ref_q if r.strict and not any(r.agrees_with(h) for h in hyp_q)]
    for q in hyp_q:
        if q.strict and q.kind != "roman" and not any(q.agrees_with(r) for r in ref_q):
            hint = f"; the reference has {', '.join(others)}" if others else ""
            flagged.append((q.start, q.end))
            yield Hit(q.start, q.end, f"“{q.text}” does not match the reference{hint}",
                      suggestion=others[0] if len(others) == 1 else None,
                      confidence=number_confidence(q, segment.hyp, ref_q))
    # A quantity of the reference that the translation renders with another word: align the
    # words of each sentence pair and flag what stands where the reference has the quantity
    # (an adjective standing where the reference says "several hundred").
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment):
        hyp_part, ref_part = segment.hyp[hs:he], segment.ref[rs:re_]
        part_q = quantities(hyp_part, segment.tgt_lang)
        missing = [q for q in quantities(ref_part, segment.tgt_lang)
                   if q.strict and not any(q.agrees_with(h) for h in part_q)]
        if not missing:
            continue
        for op, h_toks, r_toks in pairs.aligned_words(hyp_part, ref_part):
            if op != "replace" or not h_toks or not r_toks:
                continue
            r_start, r_end = r_toks[0].start, r_toks[-1].end
            for q in missing:
                if r_start <= q.start < r_end and len(h_toks) <= len(r_toks) + 2:
                    start, end = hs + h_toks[0].start, hs + h_toks[-1].end
                    if not any(a < end and start < b for a, b in flagged):
                        flagged.append((start, end))
                        yield Hit(start, end, f"the reference has “{q.text}” here: a mistranslated quantity",
                                  suggestion=q.text)


@rule("RF002", "name-differs-from-ref", severity=Severity.MAJOR, category="accuracy/mistranslation",
      needs=("ref",), languages=("en",))
def name_differs_from_reference(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a name of the translation that no reference has (when there is no source).

    ## What it does
    Flags the names of the translation (capitalised words that are not common words, known
    places) that appear in no reference, inflected or not. With a source, NE001 does this
    job with both witnesses, and this rule is silent.

    ## Why is this bad?
    A name the reference does not have is a wrong person, place or organisation.

    ## Example
    hyp: The ship left from the port of Odesa on Monday.
    ref: The ship left from the port of Izmail on Monday.
    Use instead:
    hyp: The ship left from the port of Izmail on Monday.
    """
    _import_comparers()
    if segment.src:
        return
    refs = pairs.refs_of(segment)
    evidences = [target_evidence(r) for r in refs]
    names = english_name_tokens(segment.hyp)
    hyp_ev = None
    for (hs, he), (rs, re_) in pairs.reference_pairs(segment) or [((0, len(segment.hyp)), (0, 0))]:
        for start, end, name in names:
            if not (hs <= start < he) or any(mentions_name(ev, name) for ev in evidences):
                continue
            if any(closest_name(ev, name, r) for ev, r in zip(evidences, refs)):
                continue  # a near miss: RF005 says it better
            # The names of the reference's sentence that the translation lacks are what this
            # name probably stands for (Sisha for Seshcha): RF007's findings on them fold in here.
            hyp_ev = hyp_ev or target_evidence(segment.hyp)
            missing = tuple(("ref", rs + s, rs + e) for s, e, n in english_name_tokens(segment.ref[rs:re_])
                            if not mentions_name(hyp_ev, n) and not closest_name(hyp_ev, n, segment.hyp)
                            ) if refs and refs[0] is segment.ref else ()
            yield Hit(start, end, f"“{name}” is in no reference", related=missing,
                      confidence=missing_name_confidence(name, [w for ev in evidences for w in ev.words]))


@rule("RF003", "negation-not-in-ref", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("ref",))
def negation_not_in_reference(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a negation of the translation that the reference does not have (when there is no source).

    ## What it does
    Counts negation cues (not, n't, never, no, without...) in the translation and in each
    reference (where words that mean a negation count too: unable, failed to, barely), and
    flags the translation's extra cues when it has more than every reference.
    With a source, NG001 does this job with both witnesses, and this rule is silent.

    ## Why is this bad?
    An added negation reverses the meaning of the sentence.

    ## Example
    hyp: The samples were not found to contain the acid.
    ref: The acid was found in the samples.
    Use instead:
    hyp: The samples were found to contain the acid.
    """
    _import_comparers()
    if segment.src:
        return
    hyp_cues = negation_cues(segment.hyp, segment.tgt_lang)
    most = max((reference_negations(r, segment.tgt_lang, segment.hyp) for r in pairs.refs_of(segment)), default=0)
    extra = len(hyp_cues) - most
    if extra > 0:
        for start, end in (hyp_cues if not most else hyp_cues[-extra:]):
            yield Hit(start, end, f"negation “{segment.hyp[start:end]}” is not in the reference")


_WORD_RE = re.compile(r"^[A-Za-z][a-z]+$")


@rule("RF004", "opposite-of-ref-word", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("ref",), languages=("en",))
def opposite_of_reference_word(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a word of the translation whose opposite the reference uses instead.

    ## What it does
    For each word of the translation that no reference has, looks in the reference for a
    word it does not share with the translation and that is its opposite: a listed antonym
    pair (larger/smaller, opened/closed, confirm/deny...) or the same word with a negative
    prefix (responsible/irresponsible). Words are counted: a word the reference has twice
    and the translation once is missing once. For the reference's word in the same place
    (between the same two words, or in a run of at most four words reworded between matching
    words), also an opposite through WordNet's close senses (lenient/strict through severe;
    two adverbs as their adjectives: slowly/sudden(ly)).

    ## Why is this bad?
    An antonym reverses the meaning while the sentence stays fluent and close to the
    reference by every string metric.

    ## Example
    hyp: Prices rose sharply in May, the statistics office said.
    ref: Prices fell sharply in May, the statistics office said.
    Use instead:
    hyp: Prices fell sharply in May, the statistics office said.
    """
    _import_comparers()
    refs = pairs.refs_of(segment)
    if not refs:
        return
    hyp_low = lower_words(segment.hyp)  # lower-cased once, shared with the other rules
    if not _may_have_opposites(hyp_low, lower_words(refs[0])):
        return
    hyp_counts = collections.Counter(hyp_low)
    for ref in refs:
        ref_low = lower_words(ref)
        ref_words = set(ref_low)
        # Only a word of the translation that the reference lacks can be flagged, and only one of
        # letters ([A-Za-z][a-z]+, [a-z]{2,} once lower-cased): none, no finding.
        hyp_only = [w for w in hyp_counts if w not in ref_words]
        if not any(map(_LOW_WORD_RE.fullmatch, hyp_only)):
            return
        only_ref = [w for w in _surplus_words(ref_low, hyp_counts, hyp_only) if _WORD_RE.match(w)]
        if not only_ref:
            return
        bases = antonyms.base_forms_of(only_ref)
        loose_targets = antonyms.loose_forms(only_ref)
        # The two word tests below, once per word the reference lacks, before going through the
        # tokens: most translations have no word with an opposite in the reference.
        maybe = {w for w in hyp_only if antonyms.has_opposite_in(w, bases)
                 or not antonyms.loose_opposites_of(w).isdisjoint(loose_targets)}
        if not maybe:
            return
        hyp_toks = words(segment.hyp)
        # Made when first needed.
        ref_toks = ref_slot_words = gaps = negated_ref = negated_hyp = None
        for k, tok in enumerate(hyp_toks):
            low = hyp_low[k]
            if low not in maybe or not _WORD_RE.match(tok.text):
                continue
            opposite = None
            if antonyms.has_opposite_in(low, bases):
                opposite = next((w for w in only_ref if antonyms.are_opposites(low, w)), None)
            if opposite is None and not antonyms.loose_opposites_of(low).isdisjoint(loose_targets):
                # WordNet's indirect antonyms only for a word the reference has in this place.
                if gaps is None:
                    ref_toks = words(ref)
                    ref_slot_words = slots.ref_slots(ref_toks)
                    gaps = slots.replaced_runs(hyp_toks, ref_toks)
                in_place = [*ref_slot_words.get(slots.slot(hyp_toks, k), ()), *gaps.get(k, ())]
                opposite = next((w for w in in_place if w in only_ref and antonyms.are_loose_opposites(low, w)), None)
            if opposite is None:
                continue
            if negated_ref is None:
                # A negated word means its opposite: "not managed" is "failed", "not long" is "shortly".
                negated_ref, negated_hyp = _negated_words(ref_low), _negated_words(hyp_low)
            if (low in negated_hyp) != (opposite in negated_ref):
                continue  # one side negated: the pair says the same thing
            yield Hit(tok.start, tok.end, f"“{tok.text}” is the opposite of the reference's “{opposite}”",
                      suggestion=opposite)
        return  # the first reference is the one findings refer to


def _may_have_opposites(hyp_low, ref_low) -> bool:
    """False when RF004 can find nothing: no word of the translation that the reference lacks
    passes the two quick tests (`maybe` below is empty) against any reference word the
    translation has fewer times, whichever of those the counting keeps. Those words are the
    reference's words missing from the translation, and its repeated words (a word the
    translation has fewer times is one or the other): a superset of `only_ref`, so the tests
    fail against it only when they fail against `only_ref`. Most segments stop here, after a
    few set operations instead of the counting and two set unions."""
    hyp_words, ref_words = set(hyp_low), set(ref_low)
    # Only words of letters count on either side (`_WORD_RE`, lower-cased): numbers and
    # possessives are never looked up.
    hyp_only = list(filter(_LOW_WORD_RE.fullmatch, hyp_words - ref_words))
    if not hyp_only:
        return False
    lost = ref_words - hyp_words
    if len(ref_words) < len(ref_low):
        lost.update([w for w in ref_words & hyp_words if ref_low.count(w) > 1])
    return antonyms.may_have_opposites(hyp_only, filter(_LOW_WORD_RE.fullmatch, lost))


#: What a word _WORD_RE matches is, lower-cased.
_LOW_WORD_RE = re.compile(r"[a-z]{2,}")


def _surplus_words(ref_low, hyp_counts: collections.Counter, hyp_only: list[str]) -> set[str]:
    """Reference words the translation lacks, counted: "the highest peak of the highest range"
    against "the lowest peak of the highest range" has lost one "highest". A word the
    translation has fewer times is not lost when another form of it is there instead (small,
    small against smaller, small). (`Counter(ref_low) - hyp_counts` without building that
    Counter: the same words in the same order, so the set iterates in the same order.)"""
    return {w for w, n in collections.Counter(ref_low).items() if n > hyp_counts.get(w, 0)
            and (w not in hyp_counts or not any(antonyms.base_forms(w) & antonyms.base_forms(h) for h in hyp_only))}


def _negated_words(low: list[str]) -> frozenset[str]:
    """Words within two words after a negation word (the English negation list, litotes
    included: "not long after" is "shortly after"): their opposite is what they mean."""
    negators = lexicons.words("negation.txt", "en")
    out = set()
    for k, w in enumerate(low):
        if w in negators or w.endswith(NT_ENDINGS):
            out.update(low[k + 1:k + 3])
    return frozenset(out)


@rule("RF005", "name-misspelled-vs-ref", severity=Severity.MINOR, category="fluency/spelling",
      needs=("ref",), languages=("en",))
def name_misspelled_against_reference(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a name spelt almost, but not quite, like a name of the reference: `Volograd` for `Volgograd`.

    ## What it does
    For each name of the translation that no reference has, looks for a name of the
    reference that is spelt nearly the same (similarity of at least 0.8) and suggests it.

    ## Why is this bad?
    A misspelt place or person is hard to search for and looks careless; MT misspells
    transliterated names often.

    ## Example
    hyp: The city marked the anniversary of the battle of Volograd.
    ref: The city marked the anniversary of the battle of Volgograd.
    Use instead:
    hyp: The city marked the anniversary of the battle of Volgograd.
    """
    _import_comparers()
    refs = pairs.refs_of(segment)
    # The broad names of the translation, which NE001 has asked for just before (cached, same
    # call), include every name of the default list ("`broad` adds" names): when a reference
    # mentions each of them, no name is left to check, and the default list need not be made.
    # (Without any such name, the references' evidence need not be made either.)
    broad = english_name_tokens(segment.hyp, broad=True, names_only=False)
    if not broad:
        return
    evidences = [target_evidence(r) for r in refs]
    if all(any(mentions_name(ev, name) for ev in evidences) for _, _, name in broad):
        return
    for start, end, name in english_name_tokens(segment.hyp):
        if any(mentions_name(ev, name) for ev in evidences):
            continue
        for ev, ref in zip(evidences, refs):
            near = closest_name(ev, name, ref)
            if near:
                yield Hit(start, end, f"“{name}” is spelt “{near}” in the reference", suggestion=near)
                break


def _content_words(text: str) -> set[str]:
    """The lower-cased words of four letters or more: from the shared lower-cased words, whose
    lengths are the words' own unless `İ` (the one character lower-casing lengthens) is there."""
    if "İ" in text:
        return {w.lower() for w in word_texts(text) if len(w) >= 4}
    return {w for w in lower_words(text) if len(w) >= 4}


#: Below this sentence chrF against every reference, a translation shares only what any two
#: English sentences share (measured on DEMETR dev: translations of other sentences score
#: 10-27, 99.4 % of them below 25; the lowest clean MT scored 30).
UNRELATED_CHRF = 25.0
#: Below this, the sentences are unrelated beyond doubt: DEMETR's pairs of unrelated English
#: sentences score 18 at the median and 21 at the 90th percentile, while free but faithful
#: translations of real systems reach 20-25 (WMT21 TED en-de, where compounds and word order
#: lower chrF): between the two a finding is weak evidence.
CLEARLY_UNRELATED_CHRF = 20.0
MIN_WORDS = 6


@rule("RF006", "unrelated-to-reference", severity=Severity.CRITICAL, category="accuracy/mistranslation",
      needs=("ref",))
def unrelated_to_reference(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a translation that shares almost nothing with its reference: another sentence's translation, or a misaligned batch.

    ## What it does
    Computes sentence chrF (sacrebleu) against each reference and flags a translation of at
    least six words whose best score is below 25, the level any two unrelated English
    sentences reach.

    ## Why is this bad?
    Shifted lines in a batch, or a segment replaced by another, publish the wrong text under
    the right headline; every segment after a shift is wrong too.

    ## Example
    hyp: The ceremony will take place on Friday in the capital.
    ref: Cyanuric acid and melamine were found in the urine samples.
    Use instead:
    hyp: Both cyanuric acid and melamine were found in the urine samples.
    """
    if segment.is_document or len(word_texts(segment.hyp)) < MIN_WORDS:
        return
    # chrF costs ~0.3 ms; a translation that shares a good part of its content words with a
    # reference is plainly related to it and need not be scored.
    content = _content_words(segment.hyp)
    for ref in pairs.refs_of(segment):
        shared = content & _content_words(ref)
        if content and len(shared) >= max(2, 0.25 * len(content)):
            return
    from mtqa.metrics.scores import sentence_chrf

    best = max((sentence_chrf(segment.hyp, r) for r in pairs.refs_of(segment)), default=100.0)
    if best < UNRELATED_CHRF:
        hyp = segment.hyp.strip()
        start = segment.hyp.index(hyp[0])
        yield Hit(start, start + len(hyp), f"the translation shares almost nothing with the reference (chrF {best:.0f})",
                  confidence=Confidence.HIGH if best < CLEARLY_UNRELATED_CHRF else Confidence.LOW)


@rule("RF007", "ref-name-missing", severity=Severity.MAJOR, category="accuracy/omission",
      needs=("ref",), languages=("en",), defers_to=("RF002",))
def reference_name_missing(segment: Segment, ctx) -> Iterator[Hit]:
    """Flags a name of the reference that the translation lacks (the finding points into the reference).

    ## What it does
    Takes the names of the first reference (capitalised words that are not dictionary words,
    and known places) and flags each one the translation does not mention, inflected or
    misspelt. With a source, a name the source shows it does not have is not required (the
    reference translator added it).

    ## Why is this bad?
    A dropped name removes who or where from the sentence: the translation still reads well.

    ## Example
    hyp: He hopes someone will drive out Archbishop Jędraszewski.
    ref: He hopes Father Rydzyk will drive out Archbishop Jędraszewski.
    Use instead:
    hyp: He hopes Father Rydzyk will drive out Archbishop Jędraszewski.
    """
    _import_comparers()
    refs = pairs.refs_of(segment)
    if not refs or refs[0] is not segment.ref:
        return
    ref = segment.ref
    hyp_ev = target_evidence(segment.hyp)
    # Each name is a capitalised word (cut at an apostrophe), and mentions_name finds one whose
    # folded form is a word of the translation: when every capitalised word of the reference is
    # one, none can be missing, and the names need not be picked out (57 % of the 10k batch).
    known = hyp_ev.word_set
    if all(fold(w.split("'")[0].split("’")[0]) in known for w in word_texts(ref) if w[0].isupper()):
        return
    src_ev = source_evidence(segment.src, segment.src_lang) if segment.src else None
    # Without a source to veto names the reference translator added, only rare names count.
    for start, end, name in english_name_tokens(ref, broad=src_ev is not None):
        if mentions_name(hyp_ev, name) or closest_name(hyp_ev, name, segment.hyp):
            continue
        support = src_ev.supports(name) if src_ev is not None else True  # asked once: it is pure
        if support is False:
            continue
        if src_ev is not None and _source_word_kept(name, segment.src, segment.src_lang):
            continue
        # A source that cannot tell (Chinese or Japanese characters: 中日 is Chunichi) leaves the
        # reference translator's name unconfirmed: weak evidence.
        unconfirmed = support is None
        confidence = Confidence.LOW if unconfirmed else missing_name_confidence(name, hyp_ev.words)
        yield Hit(start, end, f"the reference's “{name}” is missing from the translation", field="ref",
                  confidence=confidence)


#: A word of the source language at least this common ...
KEPT_SOURCE_WORD_ZIPF = 2.5


def _source_word_kept(name: str, src: str, src_lang: str | None) -> bool:
    """... that the reference copied from the source though English does not use it
    (Patriotyczna Rewolucja, U-Bahnhof): the reference left it untranslated, and a translation
    that translates it drops nothing."""
    return (bool(src_lang) and src_lang != "en" and _whole_word_in(name, src)
            and frequencies.zipf(name, src_lang) >= KEPT_SOURCE_WORD_ZIPF and frequencies.zipf(name, "en") < 1.0)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what `re` calls \w in a str pattern


def _whole_word_in(name: str, text: str) -> bool:
    r"""`re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)`, without compiling a pattern for
    every name: each occurrence, with no word character on either side."""
    i = text.find(name)
    while i != -1:
        j = i + len(name)
        if (i == 0 or not _is_word_char(text[i - 1])) and (j == len(text) or not _is_word_char(text[j])):
            return True
        i = text.find(name, i + 1)
    return False
